"""Terminal text for the trust commands: registry changes, signatory listings, verify reports, the matrix.

Every function takes data the trust layer computed and returns lines; nothing here decides
whether something verifies. Everything that came from a repository passes through `printable`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..trust import printable

if TYPE_CHECKING:  # the registry's model (and the key formats it reads) only for the commands that show it
    from ..trust.model import Registry, Signatory

CELL = {
    "endorsed": "endorsed",
    "declined": "declined",
    "withdrawn": "withdrawn",
    "pending": "pending",
    "historic": "historic",
    "none": "—",
}


def term(s: Signatory) -> str:
    if s.term_start or s.term_end:
        return f"{s.term_start or '?'} – {s.term_end or '?'}"
    return ""


def committed(result, what: str) -> list[str]:
    """What a command that committed an admin record says."""
    lines = [
        f"{what} (record {result.record.short}, serial {result.record.serial}, commit {result.commit[:12]})",
        f"  signed by admin key(s): {', '.join(result.signed_by)} ({len(result.signed_by)} of {result.threshold} required)",
    ]
    if not result.complete:
        lines.append(
            f"  pending: it counts once {result.threshold - len(result.signed_by)} more admin key(s) "
            "sign it with `akkoord signatory cosign --key KEY`"
        )
    return lines


def registry_summary(state) -> dict:
    r = state.current
    return {
        "serial": r.serial,
        "heads": [h.sha for h in state.heads],
        "date": r.date.isoformat(),
        "threshold": r.threshold,
        "trusted": state.head_trusted,
        "trust_anchor": f"sha256:{state.anchor}" if state.anchor else None,
        "admins": [a.as_dict() for a in r.admins],
    }


def signatory_rows(registry: Registry, today: dt.date) -> list[str]:
    lines = [
        f"registry serial {registry.serial} ({registry.date}), {len(registry.admins)} admin key(s), "
        f"threshold {registry.threshold}"
    ]
    if not registry.signatories:
        lines.append("no signatories yet; add one with `akkoord signatory add ID --name N --kind K --key ADMIN_KEY`")
        return lines
    sitting = registry.sitting_college(today)
    width = max(len(s.id) for s in registry.signatories)
    for s in registry.signatories:
        flags = []
        if sitting is not None and s.id == sitting.id:
            flags.append("sitting")
        elif not s.active_on(today):
            flags.append("retired" if s.retired and s.retired <= today else "historic" if s.term_end else "inactive")
        valid = sum(1 for k in s.keys if _in_window(s, k, today))
        keys = f"{valid} key{'s' if valid != 1 else ''}"
        lines.append(
            f"{s.id:<{width}}  {s.kind:<12}  {term(s):<23}  {keys:<7}  {printable(s.name)}"
            + (f"  ({', '.join(flags)})" if flags else "")
        )
    return lines


def _in_window(s: Signatory, key, today: dt.date) -> bool:
    start, end = s.key_window(key)
    return start <= today and (end is None or today < end)


def signatory_detail(registry: Registry, s: Signatory, today: dt.date) -> list[str]:
    from ..trust.model import DAY

    sitting = registry.sitting_college(today)
    successors = [c.id for c in registry.colleges() if c.succeeds == s.id]
    lines = [f"{s.id}: {printable(s.name)}", f"  kind       {s.kind}"]
    if s.is_college:
        word = (
            "sitting"
            if sitting is not None and s.id == sitting.id
            else ("in office" if s.active_on(today) else "historic")
        )
        lines.append(f"  term       {term(s)} ({word})")
        if s.succeeds:
            lines.append(f"  succeeds   {s.succeeds}")
        if successors:
            lines.append(f"  succeeded by {', '.join(successors)}")
    if s.retired:
        lines.append(f"  retired    {s.retired}")
    if not s.keys:
        lines.append("  keys       none (its decisions can only be recorded as attested)")
    for k in s.keys:
        start, end = s.key_window(k)
        window = f"{start} – {(end - DAY) if end else 'open'}"
        extra = f", revoked {k.revoked}" + (f" ({printable(k.reason)})" if k.reason else "") if k.revoked else ""
        lines.append(f"  key        {k.fingerprint} {k.public.label}  valid {window}{extra}  [{k.state_on(today)}]")
    return lines


def verify_report(report: dict, damaged: int, records: bool, pinned: bool) -> list[str]:
    """The text of `verify`: `report` is `Report.as_dict()`, `damaged` the registry files changed or deleted since
    committed, `records` whether there is a registry at all."""
    reg = report["registry"]
    statements = report["statements"]
    own = sum(1 for c in statements if c["verified"] and c["kind"] == "endorsement")
    attested = sum(1 for c in statements if c["verified"] and c["kind"] == "attestation")
    lines = []
    if damaged:
        lines.append(f"registry: damaged, {damaged} file(s) changed or deleted since committed (see below)")
    elif reg["serial"] is not None:
        lines.append(
            f"registry: serial {reg['serial']}, {reg['signed_changes']} signed change(s) since the trust anchor "
            f"{report['trust_anchor']}" + (" (pinned)" if pinned else "")
        )
    elif not records:
        lines.append("registry: none (start one with `akkoord signatory init --admin-key PUBFILE`)")
    lines.append(
        f"statements: {own} signed by their signatories, {attested} attested by admins, "
        f"{len(statements) - own - attested} failing"
    )
    for item in statements:
        lines.extend(printable(f"note: {item['path']}: {note}") for note in item["notes"])
    lines.extend(printable(f"note: {notice}") for notice in report["notices"])
    if report["ok"]:
        lines.append(f"OK: everything verifies (commit {report['commit'][:12]})")
        return lines
    problems = report["problems"]
    lines.append(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}:")
    lines.extend(printable(f"  - {problem['where']}: {problem['message']}") for problem in problems)
    return lines


def matrix(data: dict) -> list[str]:
    """The signatories × versions table of `trust.status.matrix`, with the sitting college's decision."""
    signatories, versions = data["signatories"], data["versions"]
    if not versions:
        return ["no versions yet; create one with `akkoord version create LABEL`"]
    width = max([len("signatory")] + [len(s["id"]) + (10 if s["sitting"] else 0) for s in signatories])
    headers = [printable(v["label"]) + (" (current)" if v["current"] else "") for v in versions]
    col = max([12] + [len(h) + 2 for h in headers])
    lines = [f"{'signatory':<{width}}  " + "".join(f"{h:<{col}}" for h in headers) + "name"]
    attested_any = False
    for s in signatories:
        label = s["id"] + (" (sitting)" if s["sitting"] else "")
        cells = []
        for v in versions:
            state = v["states"].get(s["id"], "none")
            text = CELL[state]
            if v["attested"].get(s["id"]):
                text += "*"
                attested_any = True
            cells.append(f"{text:<{col}}")
        lines.append(f"{label:<{width}}  " + "".join(cells) + printable(s["name"]))
    if attested_any:
        lines.append(
            "* attested: recorded by registry admins from evidence (e.g. a signature on paper), "
            "not signed by the signatory itself"
        )
    current = data["current"]
    if current["label"]:
        label = printable(current["label"])
        if current["sitting_college"]:
            decision = current["sitting_college_decision"]
            name = printable(next(s["name"] for s in signatories if s["id"] == current["sitting_college"]))
            if decision == "pending":
                lines.append(
                    f"Current version {label}: the sitting college, {name}, has not yet decided whether it endorses "
                    "it (pending)."
                )
            else:
                how = (
                    " (attested by the registry admins, not signed by the college itself)"
                    if current["sitting_college_decision_attested"]
                    else ""
                )
                lines.append(f"Current version {label}: the sitting college, {name}, has {decision} it{how}.")
        else:
            lines.append(f"Current version {label}: no college is in office today.")
    unverified = sum(1 for v in versions for e in v["endorsements"] if not e["verified"])
    if unverified or not data["verified"]:
        lines.append(
            f"warning: {unverified} statement(s) do not verify and are not counted; "
            f"run `akkoord verify` ({data['problems']} problem(s))"
        )
    return lines
