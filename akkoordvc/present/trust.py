"""Terminal text for the trust commands: registry changes, signatory listings, verify reports, the matrix.

Every function takes data the trust layer computed and returns lines; nothing here decides
whether something verifies. Everything that came from a repository passes through `printable`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..messages import Message, counted, text
from ..trust import printable

if TYPE_CHECKING:  # the registry's model (and the key formats it reads) only for the commands that show it
    from ..trust.model import Registry, Signatory

#: the states of a matrix cell (`trust.status.matrix`), each a word of the catalogue ("none" is a dash)
STATES = ("endorsed", "declined", "withdrawn", "pending", "historic", "none")


def state_word(state: str) -> str:
    """A decision state (endorsed, declined, withdrawn, pending, historic, none) in the current language."""
    return text(f"trust.state.{state}")


def kind_word(kind: str) -> str:
    """A signatory's kind (college, organisation) in the current language; an unknown kind as it is."""
    key = f"trust.kind.{kind}"
    return text(key) if kind in ("college", "organisation") else printable(kind)


def term(s: Signatory) -> str:
    if s.term_start or s.term_end:
        return f"{s.term_start or '?'} – {s.term_end or '?'}"
    return ""


def committed(result, what: str | Message) -> list[str]:
    """What a command that committed an admin record says."""
    lines = [
        text(
            "trust.committed",
            what=what,
            record=result.record.short,
            serial=result.record.serial,
            commit=result.commit[:12],
        ),
        text(
            "trust.committed.signed_by",
            keys=", ".join(result.signed_by),
            count=len(result.signed_by),
            threshold=result.threshold,
        ),
    ]
    if not result.complete:
        lines.append(text("trust.committed.pending", more=result.threshold - len(result.signed_by)))
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
        text(
            "trust.registry_line",
            serial=registry.serial,
            date=registry.date,
            admins=len(registry.admins),
            threshold=registry.threshold,
        )
    ]
    if not registry.signatories:
        lines.append(text("trust.no_signatories"))
        return lines
    sitting = registry.sitting_college(today)
    width = max(len(s.id) for s in registry.signatories)
    rows = []
    for s in registry.signatories:
        flags = []
        if sitting is not None and s.id == sitting.id:
            flags.append("sitting")
        elif not s.active_on(today):
            flags.append("retired" if s.retired and s.retired <= today else "historic" if s.term_end else "inactive")
        valid = sum(1 for k in s.keys if _in_window(s, k, today))
        rows.append((s, [text(f"trust.flag.{flag}") for flag in flags], counted("trust.keys", valid)))
    keys_width = max(7, *(len(keys) for _, _, keys in rows))
    for s, flags, keys in rows:
        lines.append(
            f"{s.id:<{width}}  {kind_word(s.kind):<12}  {term(s):<23}  {keys:<{keys_width}}  {printable(s.name)}"
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
    lines = [f"{s.id}: {printable(s.name)}", text("trust.detail.kind", kind=kind_word(s.kind))]
    if s.is_college:
        word = (
            "sitting"
            if sitting is not None and s.id == sitting.id
            else ("in_office" if s.active_on(today) else "historic")
        )
        lines.append(text("trust.detail.term", term=term(s), state=text(f"trust.flag.{word}")))
        if s.succeeds:
            lines.append(text("trust.detail.succeeds", id=s.succeeds))
        if successors:
            lines.append(text("trust.detail.succeeded_by", ids=", ".join(successors)))
    if s.retired:
        lines.append(text("trust.detail.retired", date=s.retired))
    if not s.keys:
        lines.append(text("trust.detail.no_keys"))
    for k in s.keys:
        start, end = s.key_window(k)
        window = f"{start} – {(end - DAY) if end else text('trust.detail.open')}"
        extra = ""
        if k.revoked:
            extra = text("trust.detail.revoked", date=k.revoked) + (f" ({printable(k.reason)})" if k.reason else "")
        state = text("trust.key_state." + k.state_on(today).replace(" ", "_"))
        lines.append(
            text(
                "trust.detail.key",
                fingerprint=k.fingerprint,
                type=k.public.label,
                window=window,
                extra=extra,
                state=state,
            )
        )
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
        lines.append(text("trust.verify.registry_damaged", count=damaged))
    elif reg["serial"] is not None:
        anchor = (report["trust_anchor"] or "").removeprefix("sha256:")
        lines.append(
            text("trust.verify.registry", serial=reg["serial"], changes=reg["signed_changes"], anchor=anchor)
            + (text("trust.verify.pinned") if pinned else "")
        )
    elif not records:
        lines.append(text("trust.verify.no_registry"))
    lines.append(text("trust.verify.statements", own=own, attested=attested, failing=len(statements) - own - attested))
    for item in statements:
        lines.extend(printable(text("trust.verify.note", note=f"{item['path']}: {note}")) for note in item["notes"])
    lines.extend(printable(text("trust.verify.note", note=notice)) for notice in report["notices"])
    if report["ok"]:
        lines.append(text("trust.verify.ok", commit=report["commit"][:12]))
        return lines
    problems = report["problems"]
    lines.append(counted("trust.verify.problems", len(problems)))
    lines.extend(printable(f"  - {problem['where']}: {problem['message']}") for problem in problems)
    return lines


def matrix(data: dict) -> list[str]:
    """The signatories × versions table of `trust.status.matrix`, with the sitting college's decision."""
    signatories, versions = data["signatories"], data["versions"]
    if not versions:
        return [text("trust.matrix.no_versions")]
    heading, sitting_mark = text("trust.matrix.signatory"), text("trust.matrix.sitting")
    width = max([len(heading)] + [len(s["id"]) + (len(sitting_mark) + 1 if s["sitting"] else 0) for s in signatories])
    current_mark = text("trust.matrix.current")
    headers = [printable(v["label"]) + (f" {current_mark}" if v["current"] else "") for v in versions]
    words = {state: state_word(state) for state in STATES}
    col = max([12] + [len(h) + 2 for h in headers] + [len(w) + 3 for w in words.values()])
    lines = [f"{heading:<{width}}  " + "".join(f"{h:<{col}}" for h in headers) + text("trust.matrix.name")]
    attested_any = False
    for s in signatories:
        label = s["id"] + (f" {sitting_mark}" if s["sitting"] else "")
        cells = []
        for v in versions:
            cell = words[v["states"].get(s["id"], "none")]
            if v["attested"].get(s["id"]):
                cell += "*"
                attested_any = True
            cells.append(f"{cell:<{col}}")
        lines.append(f"{label:<{width}}  " + "".join(cells) + printable(s["name"]))
    if attested_any:
        lines.append(text("trust.matrix.attested_note"))
    current = data["current"]
    if current["label"]:
        label = printable(current["label"])
        if current["sitting_college"]:
            decision = current["sitting_college_decision"]
            name = printable(next(s["name"] for s in signatories if s["id"] == current["sitting_college"]))
            if decision == "pending":
                lines.append(text("trust.matrix.college_pending", label=label, name=name))
            else:
                how = text("trust.matrix.college_attested") if current["sitting_college_decision_attested"] else ""
                lines.append(
                    text("trust.matrix.college_decided", label=label, name=name, decision=state_word(decision), how=how)
                )
        else:
            lines.append(text("trust.matrix.no_college", label=label))
    unverified = sum(1 for v in versions for e in v["endorsements"] if not e["verified"])
    if unverified or not data["verified"]:
        lines.append(text("trust.matrix.unverified", count=unverified, problems=data["problems"]))
    return lines
