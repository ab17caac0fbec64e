"""A clause's history: each version in which it was added, changed or removed, with the amendment that did it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from ...errors import AkkoordError
from ...model import amendment_names as an
from ...model import canonical
from ...model.clauses import find_clause
from ...model.document import Clause, Document
from ...ops.amendments import Amendment
from ..workspace import Workspace
from .loading import load
from .provenance import Step, texts_up_to, touching


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

    @property
    def clause_id(self) -> str:
        """The permanent id of the clause (the one `clause_history` found for the name a person gave)."""
        element = self.new if self.new is not None else self.old
        return Clause(element).id if element is not None else ""

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
    clause_id = _clause_named(steps, clause_id, shown)
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
        raise AkkoordError.keyed("store.clause_in_no_version", clause=repr(clause_id), shown=shown)
    return entries


def _clause_named(steps: list[Step], query: str, shown: str) -> str:
    """The permanent id of the clause `query` names: an id any version held (a removed clause too), else the
    clause of the last text that `find_clause` finds by number, prefix or heading."""
    if any(Document(step.root).clause(query) is not None for step in steps):
        return query
    return find_clause(Document(steps[-1].root).clauses if steps else [], query, shown).id
