"""Who stands where: the matrix of signatories and versions, and the sitting college's decision.

Only statements that verify count towards a signatory's state; unverified ones are listed
with `verified: false` and change nothing. For each signatory and version the state is

* ``endorsed``, ``declined`` or ``withdrawn``: its latest verified decision about that version
  (its own or attested, whichever is later);
* ``pending``: no decision yet about the current version, and the signatory can still act;
* ``historic``: no decision, and the body no longer acts (its term ended, or it retired) or
  did not yet exist;
* ``none``: no decision about an older, superseded version.

The sitting college is the college whose term includes today.
"""

from __future__ import annotations

import datetime as dt

from ..storage.versions import versions
from .endorsements import ATTESTATION, DECLINE, ENDORSE, WITHDRAW
from .verify import Checked, Report

STATES = {ENDORSE: "endorsed", DECLINE: "declined", WITHDRAW: "withdrawn"}


def _key(item: Checked):
    s = item.statement
    return (s.date, s.get("recorded") or s.get("date"), s.seq, s.sha256)


def decisions(report: Report) -> dict[tuple[str, str], Checked]:
    """(signatory, version) -> the latest verified statement."""
    latest: dict[tuple[str, str], Checked] = {}
    for item in report.statements:
        if not item.verified:
            continue
        key = (item.statement.signatory, item.statement.version)
        if key not in latest or _key(item) > _key(latest[key]):
            latest[key] = item
    return latest


def last_endorsed(report: Report, signatory: str, order: list[str]) -> str | None:
    """The latest version (in version order) whose standing verified decision by `signatory` is endorse."""
    latest = decisions(report)
    for label in reversed(order):
        item = latest.get((signatory, label))
        if item is not None and item.statement.decision == ENDORSE:
            return label
    return None


def matrix(workspace, report: Report, today: dt.date, ref: str | None = None) -> dict:
    registry = report.registry.current
    found = versions(workspace)
    current = found[-1] if found else None
    shown = found
    if ref is not None:
        label = ref.removeprefix("version/")
        shown = [v for v in found if v.label == label]
    latest = decisions(report)
    signatories = list(registry.signatories) if registry else []
    sitting = registry.sitting_college(today) if registry else None

    out_versions = []
    for version in shown:
        entries = []
        for item in sorted(
            (i for i in report.statements if i.statement.version == version.label and i.statement.ok),
            key=lambda i: (i.statement.signatory, i.statement.date, i.statement.seq),
        ):
            s = item.statement
            entry = {
                "signatory": s.signatory,
                "decision": s.decision,
                "date": s.get("date"),
                "verified": item.verified,
                "attested": s.kind == ATTESTATION,
                "mandate": s.get("mandate"),
                "comment": s.get("comment"),
                "statement": s.path,
            }
            if s.kind == ATTESTATION:
                entry.update(
                    {"evidence": s.get("evidence"), "attested_by": s.get("attested_by"), "recorded": s.get("recorded")}
                )
            if item.notes:
                entry["notes"] = item.notes
            entries.append(entry)
        states = {}
        for signatory in signatories:
            item = latest.get((signatory.id, version.label))
            if item is not None:
                states[signatory.id] = STATES[item.statement.decision]
            elif not signatory.active_on(today) or (
                signatory.term_end and version.date and signatory.term_end.isoformat() < version.date
            ):
                states[signatory.id] = "historic"
            elif current is not None and version.label == current.label:
                states[signatory.id] = "pending"
            else:
                states[signatory.id] = "none"
        out_versions.append(
            {
                "label": version.label,
                "date": version.date,
                "text_sha256": version.text_sha256,
                "current": current is not None and version.label == current.label,
                "endorsements": entries,
                "states": states,
            }
        )

    out_signatories = []
    for signatory in signatories:
        out_signatories.append(
            {
                "id": signatory.id,
                "name": signatory.name,
                "kind": signatory.kind,
                "term_start": signatory.term_start.isoformat() if signatory.term_start else None,
                "term_end": signatory.term_end.isoformat() if signatory.term_end else None,
                "succeeds": signatory.succeeds,
                "sitting": sitting is not None and signatory.id == sitting.id,
                "active": signatory.active_on(today),
                "retired": signatory.retired.isoformat() if signatory.retired else None,
            }
        )

    decision = None
    if current is not None and sitting is not None:
        item = latest.get((sitting.id, current.label))
        decision = STATES[item.statement.decision] if item else "pending"
    return {
        "today": today.isoformat(),
        "versions": out_versions,
        "signatories": out_signatories,
        "current": {
            "label": current.label if current else None,
            "sitting_college": sitting.id if sitting else None,
            "sitting_college_decision": decision,
        },
        "verified": report.ok,
        "problems": len(report.problems),
    }
