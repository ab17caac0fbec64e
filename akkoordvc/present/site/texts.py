"""The versions: a list, and each version's full text (with its canonical XML beside it to check)."""

from __future__ import annotations

from collections.abc import Iterator

from . import links
from .collect import SiteData, Text
from .fulltext import TextRenderer
from .layout import Site, data_table, table_row
from .markup import h
from .words import date_text


def index(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("versions/index.html", "versions")
    rows = []
    for text in reversed(data.texts):
        version = text.version
        previous = data.previous(text.label)
        changes = (
            page.link(
                links.compare_page(previous.label, text.label), w["pair"].format(old=previous.label, new=text.label)
            )
            if previous
            else "—"
        )
        rows.append(
            table_row(
                page.link(links.version_page(text.label), text.label),
                h("time", {"datetime": version.date}, date_text(w, version.date)),
                version.message,
                changes,
                h("code", {"class": "hash"}, version.text_sha256[:16] + "…"),
            )
        )
    body = [h("h1", None, w["versions"])]
    if not rows:
        body.append(h("p", None, w["no_versions"]))
    else:
        head = [w[key] for key in ("version", "date", "message", "compare", "text_hash")]
        body.append(data_table(w["versions"], head, rows))
    return site.render(page, w["versions"], body)


def version(site: Site, data: SiteData, text: Text) -> bytes:
    w = site.words
    page = site.page(links.version_page(text.label), "versions")
    v = text.version
    previous = data.previous(text.label)
    doc = text.document
    renderer = TextRenderer(doc, lambda ident: page.href(links.clause_page(ident)), w)
    amendments = []
    for ident in v.amendments:
        view = data.amendment(ident)
        amendments.append(
            h("li", None, page.link(links.amendment_page(ident), view.amendment.title) if view else ident)
        )
    facts = h(
        "dl",
        {"class": "facts"},
        h("dt", None, w["date"]),
        h("dd", None, h("time", {"datetime": v.date}, date_text(w, v.date))),
        h("dt", None, w["message"]),
        h("dd", None, v.message),
        h("dt", None, w["text_hash"]),
        h(
            "dd",
            None,
            h("code", {"class": "hash"}, v.text_sha256),
            " (",
            page.link(links.version_xml(text.label), "XML"),
            ")",
        ),
        h("dt", None, w["commit"]),
        h("dd", None, h("code", None, v.commit)),
        h("dt", None, w["consolidated"]),
        h("dd", None, h("ul", {"class": "plain"}, amendments) if amendments else w["no_amendments"]),
    )
    changes = (
        page.link(links.compare_page(previous.label, text.label), w["previous_changes"].format(label=previous.label))
        if previous
        else w["first_version"]
    )
    body = [
        h("h1", None, w["version_n"].format(label=text.label), ": ", doc.title or doc.id),
        facts,
        h("p", {"class": "lead"}, changes),
        h(
            "details",
            {"class": "toc-box"},
            h("summary", None, w["contents_of"].format(label=text.label)),
            h("nav", {"aria-label": w["contents_of"].format(label=text.label)}, renderer.contents()),
        ),
        h("div", {"class": "text-body", "lang": doc.lang or None}, renderer.render()),
    ]
    return site.render(page, f"{w['version_n'].format(label=text.label)}: {doc.title}", body)


def pages(site: Site, data: SiteData) -> Iterator[tuple[str, bytes]]:
    yield "versions/index.html", index(site, data)
    for text in data.texts:
        yield links.version_page(text.label), version(site, data, text)
        yield links.version_xml(text.label), text.data
