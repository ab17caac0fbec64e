"""Amendments: the list with status and proposers, a page per amendment (who, why, where from, its
decisions and its redline against its base), and the collision view: clauses that more than one open
amendment changes, each amendment's change side by side."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...model import amendment_names as an
from ..labels import labels as redline_labels
from . import links
from .clauses import clause_title
from .collect import AmendmentView, SiteData
from .layout import Site, data_table, table_row
from .markup import Child, h
from .redlines import clause as clause_redline
from .redlines import whole
from .words import date_text


def _status(w: dict[str, str], status: str) -> etree._Element:
    return h("span", {"class": f"state status-{status}"}, w.get(f"status_{status}", status))


def index(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("amendments/index.html", "amendments")
    body: list[Child] = [h("h1", None, w["amendments"]), h("p", None, w["amendments_intro"])]
    collisions = data.collisions()
    body.append(
        h(
            "p",
            {"class": "card"},
            page.link("amendments/collisions.html", w["collisions"]),
            ": ",
            w["collisions_intro"] if collisions else w["no_collisions"],
            f" ({len(collisions)})" if collisions else None,
        )
    )
    if not data.amendments:
        body.append(h("p", None, w["none_yet"]))
        return site.render(page, w["amendments"], body)
    rows = []
    for view in reversed(data.amendments):
        a = view.amendment
        clauses = [
            [", " if i else None, page.link(links.clause_page(c), c) if c in data.histories else c]
            for i, c in enumerate(a.clauses())
        ]
        rows.append(
            table_row(
                page.link(links.amendment_page(view.id), a.title),
                _status(w, a.status),
                ", ".join(p.name for p in a.proposers),
                date_text(w, a.date),
                clauses,
            )
        )
    head = [w[k] for k in ("title", "status", "proposers", "proposed_on", "touches")]
    body.append(data_table(w["amendments"], head, rows))
    return site.render(page, w["amendments"], body)


def amendment(site: Site, data: SiteData, view: AmendmentView) -> bytes:
    w = site.words
    page = site.page(links.amendment_page(view.id), "amendments")
    a = view.amendment
    facts: list[Child] = []

    def fact(label: str, *value: Child) -> None:
        facts.extend([h("dt", None, label), h("dd", None, *value)])

    fact(w["status"], _status(w, a.status))
    fact(w["proposers"], ", ".join(p.name for p in a.proposers))
    fact(w["proposed_on"], date_text(w, a.date))
    base_label = a.base.label or ""
    known = any(t.label == base_label for t in data.texts)
    fact(
        w["base"],
        page.link(links.version_page(base_label), w["version_n"].format(label=base_label))
        if known
        else str(a.base.describe()),
    )
    if a.source:
        fact(w["source"], a.source)
    if a.supersedes:
        fact(
            w["supersedes"],
            [[", " if i else None, page.link(links.amendment_page(s), s)] for i, s in enumerate(a.supersedes)],
        )
    fact("id", h("code", None, view.id))
    body: list[Child] = [h("h1", None, a.title), h("dl", {"class": "facts"}, facts)]
    if a.rationale:
        body += [h("h2", None, w["rationale"]), [h("p", None, p) for p in a.rationale]]
    consolidated_in = next((t.label for t in data.texts if view.id in t.version.amendments), None)

    def outcome(status: str, reason: str | None) -> Child:
        if status == an.CONSOLIDATED and consolidated_in is not None:  # the library's reason is "version LABEL"
            return [
                " — ",
                page.link(links.version_page(consolidated_in), w["in_version"].format(label=consolidated_in)),
            ]
        return [" — ", reason] if reason else None

    events = [
        h(
            "li",
            None,
            h("time", {"datetime": e.at}, date_text(w, e.at)),
            ": ",
            w.get(f"status_{e.status}", e.status),
            f" ({e.by.name})",
            outcome(e.status, e.reason),
        )
        for e in a.history
    ]
    if events:
        body += [h("h2", None, w["decisions"]), h("ul", {"class": "plain"}, events)]
    body.append(h("h2", None, w["redline_against_base"].format(base=base_label or a.base.text_sha256[:12])))
    if view.redline is not None:
        body.append(whole(page, view.redline, versions=False))
    else:
        body.append(h("p", None, w["no_redline"].format(error=view.error)))
    return site.render(page, a.title, body, skip_to="_main")


def collisions(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("amendments/collisions.html", "amendments")
    lab = redline_labels(data.lang)
    found = data.collisions()
    body: list[Child] = [h("h1", None, w["collisions"]), h("p", None, w["collisions_intro"])]
    if not found:
        body.append(h("p", {"class": "lead"}, w["no_collisions"]))
    current = data.current
    for n, (ident, views) in enumerate(found.items()):
        clause = current.document.clause(ident) if current else None
        name = clause_title(lab, clause, ident)
        columns = []
        for m, view in enumerate(views):
            change = None
            if view.redline is not None:
                change = next((c for c in view.redline.clauses if ident in (c.id, c.old_id)), None)
            columns.append(
                h(
                    "div",
                    {"class": "column"},
                    h("h3", {"id": f"_x{n}-{m}"}, page.link(links.amendment_page(view.id), view.amendment.title)),
                    h(
                        "p",
                        {"class": "muted"},
                        _status(w, view.amendment.status),
                        " ",
                        ", ".join(p.name for p in view.amendment.proposers),
                    ),
                    [h("p", {"class": "rationale"}, p) for p in view.amendment.rationale],
                    clause_redline(view.redline, change, f"x{n}-{m}-", context=f"_x{n}-{m}")
                    if view.redline is not None and change is not None
                    else h("p", None, view.error or ""),
                )
            )
        body.append(
            h(
                "section",
                {"class": "collision"},
                h("h2", None, page.link(links.clause_page(ident), name) if ident in data.histories else name),
                h("p", {"class": "muted"}, w["collision_n"].format(n=len(views))),
                h("div", {"class": "columns"}, columns),
            )
        )
    return site.render(page, w["collisions"], body)


def pages(site: Site, data: SiteData) -> Iterator[tuple[str, bytes]]:
    yield "amendments/index.html", index(site, data)
    yield "amendments/collisions.html", collisions(site, data)
    for view in data.amendments:
        yield links.amendment_page(view.id), amendment(site, data, view)
