"""Blame: for each clause of a text, the version and amendment that last changed it.

The versions up to a text are found with the commit graph read once, not one ancestry query per version."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from ...errors import AkkoordError
from ...messages import Message
from ...model import amendment_names as an
from ...model import canonical
from ...model.clauses import find_clause
from ...model.document import Clause, Document
from ...ops.amendments import Amendment
from ..workspace import TEXT_PATH, Workspace
from .contest import Ancestry
from .loading import load
from .texts import parse_text


@dataclass
class Step:
    """One text in a clause's life: a version (or the current text after the last version)."""

    label: str | None
    date: str | None
    commit: str
    root: etree._Element
    amendments: tuple[str, ...]


def texts_up_to(workspace: Workspace, ref: str | None) -> tuple[list[Step], str]:
    """The versions up to REF, oldest first, then REF itself when its text differs from the last one."""
    from ..refs import resolve
    from ..versions import versions

    resolved = resolve(ref or "HEAD", workspace=workspace)
    if resolved.kind in ("file", "amendment"):
        given = Message("store.given.file") if resolved.kind == "file" else Message("store.given.amendment")
        raise AkkoordError.keyed("store.blame_needs_version", ref=ref, given=given)
    tip = resolved.commit or workspace.head()
    ancestry = Ancestry(workspace.repo, tip)  # the commit graph, read once for every version
    chosen = []
    for version in versions(workspace):
        if ancestry.is_ancestor(version.commit, tip):
            chosen.append(version)
            if resolved.label == version.label:
                break
    texts = workspace.repo.read_blobs([f"{v.commit}:{TEXT_PATH}" for v in chosen])  # one git process
    steps = [
        Step(v.label, v.date, v.commit, parse_text(data or b"", f"version {v.label}"), v.amendments)
        for v, data in zip(chosen, texts, strict=True)
    ]
    last_text = canonical.text_sha256(steps[-1].root) if steps else None
    if resolved.label is None or not steps:
        if canonical.text_sha256(resolved.document.root) != last_text:
            what = "working" if resolved.kind == "working" else None
            steps.append(Step(what, None, tip, resolved.document.root, ()))
    return steps, resolved.ref


def same_clause(before: tuple[bytes, etree._Element] | None, after: tuple[bytes, etree._Element]) -> bool:
    """Whether a clause (its bytes as parsed, and its element) is the same in canonical form as `before`.
    Equal bytes settle it at C speed; only a clause whose bytes differ is put in canonical form (one that
    moved to another depth is indented differently, yet the same)."""
    if before is None:
        return False
    if before[0] == after[0]:
        return True
    return canonical.element_sha256(before[1]) == canonical.element_sha256(after[1])


def touching(amendments: dict[str, Amendment], ids: tuple[str, ...]) -> dict[str, str]:
    """clause id -> the last of the amendments `ids` (in that order) that touches it."""
    out: dict[str, str] = {}
    for ident in ids:
        amendment = amendments.get(ident)
        if amendment is None:
            continue
        for clause in amendment.clauses():
            out[clause] = ident
    return out


@dataclass
class BlameEntry:
    clause: str
    num: str
    version: str | None  # the version whose text first had the clause as it stands (None: after the last version)
    date: str | None
    kind: str  # initial | amendment | editorial
    amendment: str | None = None
    title: str | None = None
    proposers: tuple[str, ...] = ()
    accepted_by: str | None = None
    rationale: str | None = None
    source: str | None = None
    commit: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "clause": self.clause,
            "num": self.num,
            "version": self.version,
            "date": self.date,
            "kind": self.kind,
            "amendment": self.amendment,
            "title": self.title,
            "proposers": list(self.proposers),
            "accepted_by": self.accepted_by,
            "rationale": self.rationale,
            "source": self.source,
        }


def _entry(
    clause: Clause, step: Step, index: int, amendments: dict[str, Amendment], by_clause: dict[str, str]
) -> BlameEntry:
    ident = by_clause.get(clause.id)
    entry = BlameEntry(
        clause.id, clause.num, step.label, step.date, "initial" if index == 0 else "editorial", commit=step.commit
    )
    if ident is not None:
        amendment = amendments[ident]
        accepted = amendment.last(an.ACCEPTED)
        entry.kind = "amendment"
        entry.amendment = ident
        entry.title = amendment.title
        entry.proposers = tuple(str(p) for p in amendment.proposers)
        entry.accepted_by = str(accepted.by) if accepted else None
        entry.rationale = "\n\n".join(amendment.rationale) or None
        entry.source = amendment.source or None
    return entry


def blame(workspace: Workspace, ref: str | None = None, clause: str | None = None) -> list[BlameEntry]:
    """For each clause of REF (default HEAD): the version and amendment that last changed it."""
    steps, shown = texts_up_to(workspace, ref)
    amendments = load(workspace)
    last: dict[str, BlameEntry] = {}
    previous: dict[str, tuple[bytes, etree._Element]] = {}
    for index, step in enumerate(steps):
        by_clause = touching(amendments, step.amendments)
        current = {}
        for item in Document(step.root).clauses:
            seen = (etree.tostring(item.element, with_tail=False), item.element)
            current[item.id] = seen
            if not same_clause(previous.get(item.id), seen):
                last[item.id] = _entry(item, step, index, amendments, by_clause)
            else:
                last[item.id].num = item.num
        previous = current
    final = Document(steps[-1].root).clauses if steps else []
    if clause is not None:
        clause = find_clause(final, clause, shown).id
    return [last[c.id] for c in final if clause is None or c.id == clause]
