"""A clause's history: each version in which it was added, changed or removed, with the amendment that did it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from ...errors import AkkoordError
from ...model import amendment_names as an
from ...model import canonical
from ...model.document import Clause, Document
from ...ops.amendments import Amendment
from ..workspace import Workspace
from .loading import load
from .provenance import texts_up_to, touching


@dataclass
class HistoryEntry:
    label: str | None
    date: str | None
    commit: str
    change: str  # added | changed | removed
    old: etree._Element | None  # the clause before
    new: etree._Element | None  # the clause after
    old_root: etree._Element | None
    new_root: etree._Element
    amendment: Amendment | None = None

    def as_dict(self, clause_id: str) -> dict[str, Any]:
        amendment = self.amendment
        accepted = amendment.last(an.ACCEPTED) if amendment else None
        return {
            "clause": clause_id,
            "version": self.label,
            "date": self.date,
            "change": self.change,
            "amendment": amendment.id if amendment else None,
            "title": amendment.title if amendment else None,
            "proposers": [str(p) for p in amendment.proposers] if amendment else [],
            "accepted_by": str(accepted.by) if accepted else None,
            "rationale": "\n\n".join(amendment.rationale) or None if amendment else None,
            "source": (amendment.source or None) if amendment else None,
            "old_text": Clause(self.old).text if self.old is not None else None,
            "new_text": Clause(self.new).text if self.new is not None else None,
        }


def clause_history(workspace: Workspace, clause_id: str, ref: str | None = None) -> list[HistoryEntry]:
    """Each version in which clause `clause_id` was added, changed or removed, oldest first."""
    steps, shown = texts_up_to(workspace, ref)
    amendments = load(workspace)
    entries: list[HistoryEntry] = []
    previous = None
    previous_root = None
    seen = False
    for step in steps:
        found = Document(step.root).clause(clause_id)
        element = found.element if found is not None else None
        by_clause = touching(amendments, step.amendments)
        amendment = amendments.get(by_clause.get(clause_id, ""))
        if element is not None:
            seen = True
        if previous is None and element is not None:
            entries.append(
                HistoryEntry(
                    step.label, step.date, step.commit, "added", None, element, previous_root, step.root, amendment
                )
            )
        elif previous is not None and element is None:
            entries.append(
                HistoryEntry(
                    step.label, step.date, step.commit, "removed", previous, None, previous_root, step.root, amendment
                )
            )
        elif (
            previous is not None
            and element is not None
            and canonical.element_sha256(previous) != canonical.element_sha256(element)
        ):
            entries.append(
                HistoryEntry(
                    step.label,
                    step.date,
                    step.commit,
                    "changed",
                    previous,
                    element,
                    previous_root,
                    step.root,
                    amendment,
                )
            )
        previous, previous_root = element, step.root
    if not seen:
        raise AkkoordError(
            f"clause {clause_id!r} is in no version up to {shown}; check the id with `akkoord show --format json`"
        )
    return entries
