"""Signatories: the matrix of signatories × versions, a page per signatory ("what changed since you last
endorsed" and its statements), a page per statement with its verification and how to check it by hand,
and the verification report. The statement files and signatures are published beside their pages."""

from __future__ import annotations

import json
from collections.abc import Iterator

from lxml import etree

from ...messages import Message
from ...trust import sshsig
from ...trust.statements import ATTESTATION, NAMESPACES
from ...trust.verify import Checked
from . import links
from .collect import SiteData
from .home import verification
from .layout import Site, data_table, table_row
from .markup import Child, h
from .redlines import whole
from .words import date_text

_COUNTED = ("endorsed", "declined", "withdrawn")


def _name(data: SiteData, ident: str) -> str:
    return next((s["name"] for s in data.status["signatories"] if s["id"] == ident), ident) or ident


def _state(w: dict[str, str], state: str) -> etree._Element:
    return h("span", {"class": f"state state-{state}"}, w.get(state, state))


def index(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("signatories/index.html", "signatories")
    versions = list(reversed(data.status["versions"]))  # newest first: on a phone the current version shows
    head = [w["signatory"]] + [
        h(
            "span",
            None,
            page.link(links.version_page(v["label"]), v["label"]),
            [" ", h("span", {"class": "muted"}, f"({w['current_version'].lower()})")] if v["current"] else None,
        )
        for v in versions
    ]
    rows = []
    any_attested = False
    for s in data.status["signatories"]:
        cells = []
        for v in versions:
            state = v["states"].get(s["id"], "none")
            standing = data.standing.get((s["id"], v["label"]))
            content: list[Child] = [_state(w, state)]
            if standing is not None and state in _COUNTED:
                content = [page.link(links.statement_page(standing.statement.path), _state(w, state))]
                if standing.statement.kind == ATTESTATION:
                    any_attested = True
                    content += [" ", h("span", {"class": "mark-attested"}, f"({w['attested']})")]
            failing = [
                e for e in v["endorsements"] if e["signatory"] == s["id"] and not e["verified"] and e.get("statement")
            ]
            for entry in failing:
                content += [h("br"), page.link(links.statement_page(entry["statement"]), w["not_verified"])]
            cells.append(h("td", None, content))
        tags = []
        if s.get("sitting"):
            tags.append(w["sitting"])
        elif s.get("kind"):
            tags.append(w.get(f"kind_{s['kind']}", s["kind"]))
        rows.append(
            h(
                "tr",
                None,
                h(
                    "th",
                    {"scope": "row"},
                    page.link(links.signatory_page(s["id"]), s["name"] or s["id"]),
                    h("br"),
                    h("span", {"class": "muted"}, ", ".join(tags)),
                ),
                cells,
            )
        )
    body: list[Child] = [h("h1", None, w["signatories"]), h("p", None, w["signatories_intro"])]
    if rows:
        body.append(data_table(w["matrix"], head, rows))
    if any_attested:
        body.append(h("p", {"class": "muted"}, w["attested_note"]))
    body.append(h("h2", None, w["verification"]))
    body.extend(verification(site, data, page))
    return site.render(page, w["signatories"], body)


def _statements_of(data: SiteData, ident: str) -> list[Checked]:
    found = [c for c in data.report.statements if c.statement.signatory == ident]
    return sorted(found, key=lambda c: (c.statement.get("date") or "", c.statement.kind, c.statement.seq))


def signatory(site: Site, data: SiteData, s: dict[str, str]) -> bytes:
    w = site.words
    page = site.page(links.signatory_page(s["id"]), "signatories")
    name = s["name"] or s["id"]
    registered = data.registry.signatory(s["id"]) if data.registry else None
    facts: list[Child] = [h("dt", None, "id"), h("dd", None, h("code", None, s["id"]))]
    facts += [h("dt", None, w["kind"]), h("dd", None, w.get(f"kind_{s['kind']}", s["kind"]))]
    if s.get("term_start") or s.get("term_end"):
        facts += [
            h("dt", None, w["term_label"]),
            h(
                "dd",
                None,
                w["term"].format(start=date_text(w, s.get("term_start")), end=date_text(w, s.get("term_end"))),
                f" ({w['sitting']})" if s.get("sitting") else None,
            ),
        ]
    if s.get("retired"):
        facts += [h("dt", None, w["status"]), h("dd", None, w["retired"].format(date=date_text(w, s["retired"])))]
    if registered is not None:
        for key in registered.keys:
            facts += [
                h("dt", None, "SSH"),
                h(
                    "dd",
                    None,
                    h("code", None, key.fingerprint),
                    f" ({key.public.label}, {w.get('key_' + key.state_on(data.today).replace(' ', '_'), key.state_on(data.today))})",
                ),
            ]
    body: list[Child] = [h("h1", None, name), h("dl", {"class": "facts"}, facts)]

    body.append(h("h2", None, w["since_title"].format(name=name)))
    current = data.current
    last = data.last_endorsed(s["id"])
    if current is None or last is None:
        body.append(h("p", None, w["since_never"].format(name=name)))
        if current is not None:
            body.append(h("p", None, page.link(links.version_page(current.label), w["read_text"])))
    elif last == current.label:
        body.append(h("p", None, w["since_same"].format(name=name, label=last)))
    else:
        body.append(h("p", None, w["since_changed"].format(name=name, label=last, current=current.label)))
        body.append(
            h(
                "p",
                None,
                page.link(links.compare_page(last, current.label), w["pair"].format(old=last, new=current.label)),
            )
        )
        redline = data.redline(last, current.label)
        body.append(h("div", {"class": "since"}, whole(page, redline, "since-", versions=False)))

    body.append(h("h2", None, w["statements"]))
    rows = []
    for item in _statements_of(data, s["id"]):
        st = item.statement
        rows.append(
            table_row(
                page.link(links.statement_page(st.path), str(st.get("seq", "?"))),
                st.version or "?",
                w.get(f"decision_{st.decision}", st.decision or "?"),
                date_text(w, st.get("date")),
                w["attested"] if st.kind == ATTESTATION else "—",
                w["verified"] if item.verified else w["not_verified"],
            )
        )
    if rows:
        head = ["#", w["version"], w["decision"], w["date"], w["attested"], w["verification_of"]]
        body.append(data_table(w["statements"], head, rows))
    else:
        body.append(h("p", None, w["no_statement"]))
    return site.render(page, name, body)


def _allowed_signers(data: SiteData, item: Checked) -> str:
    st = item.statement
    registry = data.registry
    if registry is None:
        return ""
    namespace = NAMESPACES.get(st.kind, "")
    signer = st.signer
    entries = registry.admin_signers(namespace) if st.kind == ATTESTATION else registry.signatory_signers(namespace)
    return "".join(e.line() + "\n" for e in entries if e.principal == signer)


def statement(site: Site, data: SiteData, item: Checked) -> Iterator[tuple[str, bytes]]:
    w = site.words
    st = item.statement
    if st.data is None:
        raise ValueError(f"{st.path}: statement read without its bytes (collect calls report.read_files())")
    content = st.data
    page = site.page(links.statement_page(st.path), "signatories")
    name = _name(data, st.signatory)
    title = w["statement"].format(seq=st.get("seq", "?"), name=name)
    verdict = h(
        "div",
        {"class": "card " + ("ok" if item.verified else "bad")},
        h(
            "p",
            {"class": "status-word"},
            w["verification_of"],
            ": ",
            w["verified"] if item.verified else w["not_verified"],
        ),
        h("ul", {"class": "plain"}, [h("li", None, said(w, p.said)) for p in item.problems]) if item.problems else None,
        h("p", None, said(w, st.error)) if st.error else None,
        h("ul", {"class": "plain"}, [h("li", None, said(w, note)) for note in item.notes]) if item.notes else None,
    )
    facts: list[Child] = []

    def fact(label: str, *value: Child) -> None:
        facts.extend([h("dt", None, label), h("dd", None, *value)])

    if st.ok:
        fact(w["signatory"], page.link(links.signatory_page(st.signatory), name))
        fact(w["decision"], w.get(f"decision_{st.decision}", st.decision))
        label = st.version
        known = any(t.label == label for t in data.texts)
        fact(w["version"], page.link(links.version_page(label), label) if known else label)
        fact(w["date"], date_text(w, st.get("date")))
        for key in ("mandate", "comment", "evidence"):
            if st.get(key):
                fact(w[key], st.get(key))
        if item.attested_by:
            fact(w["attested_by"], ", ".join(item.attested_by))
        if st.get("recorded"):
            fact(w["recorded"], date_text(w, st.get("recorded")))
        fact(w["text_hash"], h("code", {"class": "hash"}, st.get("text_sha256", "")))
        fact(w["commit"], h("code", {"class": "hash"}, st.get("commit", "")))
    file_path = links.statement_file(st.path)
    body: list[Child] = [
        h("h1", None, title),
        verdict,
        h("dl", {"class": "facts"}, facts),
        h("h2", None, w["files"]),
        h(
            "ul",
            {"class": "plain"},
            h("li", None, page.link(file_path, st.path.rsplit("/", 1)[-1])),
            [
                h("li", None, page.link(file_path + suffix, st.path.rsplit("/", 1)[-1] + suffix))
                for suffix in st.signature_files()
            ],
        ),
    ]
    signers = _allowed_signers(data, item) if st.ok else ""
    if signers and st.signature_files():
        base = st.path.rsplit("/", 1)[-1]
        suffix = next(iter(st.signature_files()))
        command = (
            f"ssh-keygen -Y verify -f allowed_signers -I {st.signer} -n {NAMESPACES[st.kind]} "
            f"-O verify-time={sshsig.signing_time(st.signing_day)} -s {base}{suffix} < {base}"
        )
        body += [
            h("h2", None, w["check_yourself"]),
            h("p", None, w["check_intro"]),
            h("pre", None, h("code", None, "# allowed_signers\n" + signers)),
            h("pre", None, h("code", None, command)),
        ]
    body += [h("h2", None, w["fields"]), h("pre", None, h("code", None, _pretty(content)))]
    yield links.statement_page(st.path), site.render(page, title, body)
    yield file_path, content
    for suffix, signature in st.signature_files().items():
        yield file_path + suffix, signature


def _pretty(data: bytes) -> str:
    try:
        return json.dumps(json.loads(data), ensure_ascii=False, indent=2)
    except (ValueError, RecursionError):
        return data[:20000].decode("utf-8", "replace")


def verify_page(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("verify.html", "")
    report = data.report
    state = report.registry
    facts: list[Child] = []
    if state.anchor:
        facts += [
            h("dt", None, w["trust_anchor"]),
            h("dd", None, h("code", {"class": "hash"}, f"sha256:{state.anchor}")),
        ]
    if state.current is not None:
        facts += [
            h("dt", None, w["registry"]),
            h("dd", None, w["registry_serial"].format(serial=state.current.serial, changes=state.changes)),
        ]
    facts += [h("dt", None, w["commit"]), h("dd", None, h("code", {"class": "hash"}, report.head))]
    body: list[Child] = [
        h("h1", None, w["verify_title"]),
        verification(site, data, page)[0],
        h("dl", {"class": "facts"}, facts),
    ]
    body.append(h("h2", None, w["problems"]))
    if report.problems:
        body.append(
            h(
                "ul",
                {"class": "plain"},
                [
                    h("li", None, h("code", None, p.where), ": ", said(w, p.said), f" ({p.code})")
                    for p in report.problems
                ],
            )
        )
    else:
        body.append(h("p", None, w["all_ok"]))
    notes = [said(w, n) for n in report.notices]
    notes += [f"{c.statement.path}: {said(w, n)}" for c in report.statements for n in c.notes]
    if notes:
        body += [h("h2", None, w["notices"]), h("ul", {"class": "plain"}, [h("li", None, n) for n in notes])]
    return site.render(page, w["verification"], body)


def pages(site: Site, data: SiteData) -> Iterator[tuple[str, bytes]]:
    yield "signatories/index.html", index(site, data)
    for s in data.status["signatories"]:
        yield links.signatory_page(s["id"]), signatory(site, data, s)
    for item in data.report.statements:
        yield from statement(site, data, item)
    yield "verify.html", verify_page(site, data)


def said(w: dict[str, str], message: str | Message) -> str:
    """A problem or note of the verification in the site's language (the text's), whatever the command line speaks."""
    return message.render(w["lang"]) if isinstance(message, Message) else message
