"""The redline as data: what happened to each clause between two texts, computed once, shown many ways.

`compute(old, new)` (in `ops.align`) returns a `Redline`; renderers in `present/` turn it into
terminal text, JSON, HTML, DOCX or XML. Nothing here renders and nothing here parses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Clause changes, in the order a summary lists them.
ADDED = "added"
REMOVED = "removed"
MODIFIED = "modified"
MOVED = "moved"
RENUMBERED = "renumbered"
SPLIT = "split"
MERGED = "merged"
UNCHANGED = "unchanged"
CHANGES = (ADDED, REMOVED, MODIFIED, MOVED, RENUMBERED, SPLIT, MERGED, UNCHANGED)

EQUAL, DELETE, INSERT = "=", "-", "+"


@dataclass(frozen=True)
class Side:
    """One of the two texts compared."""

    ref: str
    label: str | None
    text_sha256: str
    title: str = ""
    lang: str = ""
    doc_id: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "label": self.label, "text_sha256": self.text_sha256}


@dataclass
class ClauseChange:
    """What happened to one clause. `change` is the main kind; `kinds` lists all that apply
    (a moved clause that was also edited has kinds ("moved", "modified"))."""

    change: str
    kinds: tuple[str, ...]
    id: str | None  # id in the new text (None when removed)
    old_id: str | None  # id in the old text (None when added)
    num: str | None = None
    old_num: str | None = None
    heading: str | None = None
    old_heading: str | None = None
    old_text: str = ""
    new_text: str = ""
    words: list[tuple[str, str]] = field(default_factory=list)  # body text segments (op, text)
    heading_words: list[tuple[str, str]] = field(default_factory=list)
    division: str | None = None  # id of the enclosing division in the new text
    old_division: str | None = None
    division_label: str = ""  # e.g. "Hoofdstuk 2 Zeggenschap" in the new text
    old_division_label: str = ""
    related: tuple[str, ...] = ()  # split: the new clause ids; merged: the old clause ids
    bounded: bool = False  # the word diff hit the bound for giant clauses
    words_inserted: int = 0
    words_deleted: int = 0
    similarity: float | None = None  # for clauses paired by similarity
    # added by ops.align (after the fields above, so positional construction is unaffected):
    matched_by: str | None = None  # how old and new were paired: id | content | similarity | split | merged
    position: int | None = None  # index of the clause in the new text's clause order (None when removed)
    old_position: int | None = None  # index in the old text's clause order (None when added)
    related_nums: tuple[str, ...] = ()  # the nums of `related` (split: new nums; merged: old nums)

    @property
    def anchor(self) -> str:
        """A stable anchor name for links (HTML) and bookmarks (DOCX)."""
        return f"c-{self.id or self.old_id}" if self.id else f"old-{self.old_id}"

    @property
    def changed(self) -> bool:
        return self.change != UNCHANGED

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "old_id": self.old_id,
            "num": self.num,
            "old_num": self.old_num,
            "change": self.change,
            "changes": list(self.kinds),
            "heading": self.heading,
            "old_heading": self.old_heading,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "words": [[op, text] for op, text in self.words],
            "heading_words": [[op, text] for op, text in self.heading_words],
            "division": self.division,
            "old_division": self.old_division,
            "related": list(self.related),
            "related_nums": list(self.related_nums),
            "bounded": self.bounded,
            "words_inserted": self.words_inserted,
            "words_deleted": self.words_deleted,
            "division_label": self.division_label,
            "old_division_label": self.old_division_label,
            "matched_by": self.matched_by,
            "similarity": self.similarity,
        }


@dataclass
class Redline:
    old: Side
    new: Side
    clauses: list[ClauseChange]  # every clause: new-document order, removed ones where they stood

    @property
    def changed(self) -> list[ClauseChange]:
        return [c for c in self.clauses if c.changed]

    def stats(self) -> dict[str, int]:
        counts = {kind: 0 for kind in CHANGES}
        for clause in self.clauses:
            for kind in clause.kinds or (clause.change,):
                counts[kind] += 1
        counts["words_inserted"] = sum(c.words_inserted for c in self.clauses)
        counts["words_deleted"] = sum(c.words_deleted for c in self.clauses)
        return counts

    def as_dict(self, include_unchanged: bool = False) -> dict[str, Any]:
        return {
            "old": self.old.as_dict(),
            "new": self.new.as_dict(),
            "stats": self.stats(),
            "clauses": [c.as_dict() for c in self.clauses if include_unchanged or c.changed],
        }
