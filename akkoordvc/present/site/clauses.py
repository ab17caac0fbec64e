"""Clause histories: every clause that was ever in a version, and for each the versions that changed it,
with the redline of each change and the amendment (proposers, rationale, source) behind it."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import names
from ...model.document import Clause
from ...ops.redline import ADDED, MOVED, REMOVED
from ..labels import clause_label
from ..labels import labels as redline_labels
from . import links
from .collect import SiteData, Step
from .fulltext import TextRenderer
from .layout import Page, Site
from .markup import Child, h
from .redlines import clause as clause_redline
from .words import date_text, plural


def clause_title(lab: dict[str, str], clause: Clause | None, ident: str) -> str:
    """ "Artikel 13 Ma.akbanken als route" (a clause named by its kind and number, with its heading)."""
    if clause is None:
        return ident
    name = clause_label(lab, clause.element.get(names.KIND), clause.num)
    return " ".join(x for x in (name, clause.heading) if x) or ident


def _latest(steps: list[Step], ident: str) -> Clause | None:
    for step in reversed(steps):
        if step.element is not None:
            return Clause(step.element)
        if step.change is not None:
            old = step.previous.document.clause(ident) if step.previous else None
            if old is not None:
                return old
    return None


def index(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("clauses/index.html", "clauses")
    lab = redline_labels(data.lang)
    current = data.current
    listed = []
    if current is not None:
        for clause in current.document.clauses:
            steps = data.histories.get(clause.id, [])
            changes = sum(1 for s in steps if s.change is not None)
            listed.append(
                h(
                    "li",
                    None,
                    page.link(links.clause_page(clause.id), clause_title(lab, clause, clause.id)),
                    [" ", h("span", {"class": "muted"}, f"({plural(w, 'changes', changes)})")] if changes else None,
                )
            )
    removed = [ident for ident in data.histories if current is None or current.document.clause(ident) is None]
    body: list[Child] = [
        h("h1", None, w["clauses"]),
        h("p", None, w["clauses_intro"]),
        h("ul", {"class": "plain"}, listed),
    ]
    if removed:
        body += [
            h("h2", None, w["removed_clauses"]),
            h(
                "ul",
                {"class": "plain"},
                [
                    h("li", None, page.link(links.clause_page(i), clause_title(lab, _latest(data.histories[i], i), i)))
                    for i in removed
                ],
            ),
        ]
    return site.render(page, w["clauses"], body)


def _amendment_box(site: Site, data: SiteData, page: Page, step: Step) -> Child:
    w = site.words
    if not step.amendments:
        return h("p", {"class": "muted"}, w["editorial"])
    boxes = []
    for amendment in step.amendments:
        facts: list[Child] = [
            h("dt", None, w["because_of"]),
            h("dd", None, page.link(links.amendment_page(amendment.id or ""), amendment.title)),
            h("dt", None, w["proposers"]),
            h("dd", None, ", ".join(p.name for p in amendment.proposers)),
        ]
        if amendment.source:
            facts += [h("dt", None, w["source"]), h("dd", None, amendment.source)]
        if amendment.rationale:
            facts += [h("dt", None, w["rationale"]), h("dd", None, [h("p", None, p) for p in amendment.rationale])]
        boxes.append(h("dl", {"class": "facts card"}, facts))
    return boxes


def history(site: Site, data: SiteData, ident: str, steps: list[Step]) -> bytes:
    w = site.words
    page = site.page(links.clause_page(ident), "clauses")
    lab = redline_labels(data.lang)
    latest = _latest(steps, ident)
    name = clause_title(lab, latest, ident)
    title = w["history_of"].format(name=name)
    body: list[Child] = [h("h1", None, title)]
    current = data.current
    if current is not None and current.document.clause(ident) is None:
        body.append(h("p", {"class": "lead"}, w["not_in_current"]))
    elif current is not None:
        body.append(
            h(
                "p",
                None,
                page.link(
                    links.version_page(current.label) + "#" + ident,
                    w["version_n"].format(label=current.label),
                ),
            )
        )
    for n, step in enumerate(steps):
        label = step.text.label
        date = date_text(w, step.text.version.date)
        if step.change is None:
            if step.element is None:
                continue
            renderer = TextRenderer(step.text.document, lambda _ident: None, w)
            section = h("div", {"class": "text-body"}, renderer.clause(step.element, 1))
            for link in section.iter("a"):  # the permalink of the version page does not apply here
                href = link.get("href") or ""
                if href.startswith("#"):
                    link.set("href", page.href(links.version_page(label)) + href)
            for element in section.iter():
                if element.get("id"):
                    del element.attrib["id"]
            body.append(
                h("section", {"class": "step"}, h("h2", None, w["initial"].format(label=label), f" · {date}"), section)
            )
            continue
        if step.redline is None or step.previous is None:
            continue
        kinds = step.change.kinds or (step.change.change,)
        key = "added_in" if ADDED in kinds else "removed_in" if REMOVED in kinds else "change_in"
        if kinds == (MOVED,):
            key = "moved_in"
        redline = clause_redline(step.redline, step.change, f"s{n}-", context=f"_step{n}")
        body.append(
            h(
                "section",
                {"class": "step"},
                h("h2", {"id": f"_step{n}"}, w[key].format(label=label), f" · {date}"),
                _amendment_box(site, data, page, step),
                redline,
                h(
                    "p",
                    {"class": "muted"},
                    page.link(
                        links.compare_page(step.previous.label, label) + "#" + step.change.anchor,
                        w["in_compare"].format(old=step.previous.label, new=label),
                    ),
                ),
            )
        )
    touching = [v for v in data.open_amendments if ident in v.amendment.clauses()]
    if touching:
        body.append(h("h2", None, w["open_touching"]))
        body.append(
            h(
                "ul",
                {"class": "plain"},
                [
                    h(
                        "li",
                        None,
                        page.link(links.amendment_page(v.id), v.amendment.title),
                        f" ({w.get('status_' + v.amendment.status, v.amendment.status)})",
                    )
                    for v in touching
                ],
            )
        )
    return site.render(page, title, body)


def pages(site: Site, data: SiteData) -> Iterator[tuple[str, bytes]]:
    yield "clauses/index.html", index(site, data)
    for ident, steps in data.histories.items():
        yield links.clause_page(ident), history(site, data, ident, steps)
