"""The site's machine-readable side: `index.json` and an Atom feed (`feed.xml`).

`index.json` holds the endorsement status in the shape of `akkoord endorsements --json` (under
"endorsements"), the versions (as `akkoord log --json` gives them) with the site pages of each, and the
verification result. The Atom feed has an entry per version, amendment and statement, newest first;
its `updated` is the newest entry's date, not the build time, so the feed changes only with the
repository. Links are absolute when the site is built with `--base-url`, else relative to the feed.
Entry ids are `urn:uuid:` names derived from the agreement id and the entry's own key, so they stay
the same from one build to the next.
"""

from __future__ import annotations

import json
import uuid

from lxml import etree

from . import links
from .collect import SiteData
from .markup import clean

ATOM = "http://www.w3.org/2005/Atom"


def _url(base_url: str | None, path: str) -> str:
    return (base_url or "") + path


def index_json(data: SiteData, base_url: str | None) -> bytes:
    previous = None
    versions = []
    for text in data.texts:
        entry = text.version.as_dict()
        entry["current"] = text is data.current
        entry["page"] = _url(base_url, links.version_page(text.label))
        entry["xml"] = _url(base_url, links.version_xml(text.label))
        entry["changes_from_previous"] = (
            _url(base_url, links.compare_page(previous.label, text.label)) if previous is not None else None
        )
        versions.append(entry)
        previous = text
    report = data.report
    payload = {
        "agreement": {"id": data.doc_id, "title": data.title, "lang": data.lang},
        "commit": data.head,
        "versions": versions,
        "endorsements": data.status,
        "verify": {
            "ok": report.ok,
            "problems": [p.as_dict() for p in report.problems],
            "trust_anchor": f"sha256:{report.registry.anchor}" if report.registry.anchor else None,
            "trust_anchor_pinned": data.pinned,
        },
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _stamp(day: str | None) -> str:
    day = (day or "1970-01-01")[:10]
    return f"{day}T12:00:00Z"


def atom(data: SiteData, base_url: str | None, words: dict[str, str]) -> bytes:
    entries: list[tuple[str, str, str, str, str]] = []  # (updated, key, title, path, summary)
    for text in data.texts:
        v = text.version
        entries.append(
            (
                _stamp(v.date),
                f"version/{v.label}",
                words["version_n"].format(label=v.label),
                links.version_page(v.label),
                v.message,
            )
        )
    for view in data.amendments:
        a = view.amendment
        latest = a.history[-1].at if a.history else _stamp(a.date)
        status = words.get(f"status_{a.status}", a.status)
        entries.append(
            (
                latest,
                f"amendment/{view.id}",
                f"{a.title} ({status})",
                links.amendment_page(view.id),
                "\n\n".join(a.rationale),
            )
        )
    names = {s["id"]: s["name"] for s in data.status["signatories"]}
    for item in data.report.statements:
        st = item.statement
        if not st.ok:
            continue
        decision = words.get(f"decision_{st.decision}", st.decision)
        title = (
            f"{names.get(st.signatory, st.signatory)} {decision} {words['version_n'].format(label=st.version).lower()}"
        )
        if st.kind == "attestation":
            title += f" ({words['attested']})"
        entries.append(
            (
                _stamp(st.get("recorded") or st.get("date")),
                f"statement/{st.sha256}",
                title,
                links.statement_page(st.path),
                st.get("comment") or "",
            )
        )
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)

    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    if base_url:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base_url)

    def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", {k: clean(v) for k, v in attrs.items()})
        if text is not None:
            element.text = clean(text)
        return element

    namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"akkoordvc:{data.doc_id}")
    sub(feed, "id", f"urn:uuid:{uuid.uuid5(namespace, 'feed')}")
    sub(feed, "title", data.title)
    sub(feed, "updated", entries[0][0] if entries else _stamp(None))
    sub(feed, "link", rel="self", href=_url(base_url, "feed.xml"))
    sub(feed, "link", rel="alternate", type="text/html", href=_url(base_url, "index.html"))
    author = sub(feed, "author")
    sub(author, "name", data.title)
    sub(feed, "generator", "akkoordvc")
    for updated, key, title, path, summary in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:uuid:{uuid.uuid5(namespace, key)}")
        sub(entry, "title", title)
        sub(entry, "updated", updated)
        sub(entry, "link", rel="alternate", type="text/html", href=_url(base_url, path))
        if summary:
            sub(entry, "summary", summary)
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)
