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
from typing import Any

from .statements import ATTESTATION, DECLINE, ENDORSE, WITHDRAW
from .verify import Checked, Report

STATES = {ENDORSE: "endorsed", DECLINE: "declined", WITHDRAW: "withdrawn"}


def _rank(item: Checked) -> tuple[bool, int, str]:
    """A signatory's own statement outranks any attestation; within one chain the latest by sequence decides."""
    s = item.statement
    return (s.kind != ATTESTATION, s.seq, s.sha256)


def decisions(report: Report) -> dict[tuple[str, str], Checked]:
    """(signatory, version) -> the standing verified statement."""
    latest: dict[tuple[str, str], Checked] = {}
    for item in report.statements:
        if not item.verified:
            continue
        key = (item.statement.signatory, item.statement.version)
        if key not in latest or _rank(item) > _rank(latest[key]):
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


def matrix(report: Report, today: dt.date, ref: str | None = None) -> dict[str, Any]:
    registry = report.registry.current
    found = report.versions
    current = found[-1] if found else None
    shown = found
    if ref is not None:
        label = ref.removeprefix("version/")
        shown = [v for v in found if v.label == label]
    latest = decisions(report)
    signatories = list(registry.signatories) if registry else []
    sitting = registry.sitting_college(today) if registry else None

    by_version: dict[str, list[Checked]] = {}  # one pass over the statements, not one per version
    for i in report.statements:
        if i.statement.ok:
            by_version.setdefault(i.statement.version, []).append(i)
    out_versions = []
    for version in shown:
        entries = []
        for item in sorted(
            by_version.get(version.label, []),
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
                    {"evidence": s.get("evidence"), "attested_by": item.attested_by, "recorded": s.get("recorded")}
                )
            if item.notes:
                entry["notes"] = [str(note) for note in item.notes]
            entries.append(entry)
        states = {}
        attested = {}
        for signatory in signatories:
            standing = latest.get((signatory.id, version.label))
            attested[signatory.id] = standing is not None and standing.statement.kind == ATTESTATION
            if standing is not None:
                states[signatory.id] = STATES[standing.statement.decision]
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
                "attested": attested,
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
    decision_attested = False
    if current is not None and sitting is not None:
        standing = latest.get((sitting.id, current.label))
        decision = STATES[standing.statement.decision] if standing else "pending"
        decision_attested = standing is not None and standing.statement.kind == ATTESTATION
    return {
        "today": today.isoformat(),
        "versions": out_versions,
        "signatories": out_signatories,
        "current": {
            "label": current.label if current else None,
            "sitting_college": sitting.id if sitting else None,
            "sitting_college_decision": decision,
            "sitting_college_decision_attested": decision_attested,
        },
        "verified": report.ok,
        "problems": len(report.problems),
    }


def standing(report: Report) -> dict[str, Any]:
    """What `since` needs of a report whose registry is in force, as JSON data: the versions, oldest first (label,
    commit, text_sha256), and each signatory's name and the latest version it endorsed (None: none)."""
    registry = report.registry.require_current()
    latest = decisions(report)
    order = {v.label: index for index, v in enumerate(report.versions)}
    last: dict[str, str] = {}
    for (signatory, label), item in latest.items():
        if item.statement.decision == ENDORSE and label in order:
            if signatory not in last or order[label] > order[last[signatory]]:
                last[signatory] = label
    return {
        "versions": [[v.label, v.commit, v.text_sha256] for v in report.versions],
        "signatories": {s.id: [s.name, last.get(s.id)] for s in registry.signatories},
    }
