"""The redline as data: what happened to every part of a text between two versions, computed once, shown many ways.

`compute(old, new)` (in `ops.align`) returns a `Redline`; renderers in `present/` turn it into
terminal text, JSON, HTML, DOCX or XML. Nothing here renders and nothing here parses.

The model, from the outside in:

* `Redline.parts`: every piece of the document outside the clauses, in document order: the
  title, the other metadata people read (short title, dates, properties, the document's id and
  language), the preamble, and every division (its num, heading, subheading and own text). One
  `PartChange` each, changed or not.
* `Redline.clauses`: one `ClauseChange` per clause of either text (removed clauses where they
  stood, moved ones where they now stand).
* `PartChange.blocks` and `ClauseChange.blocks`: the content, aligned block by block
  (`BlockChange`: a heading, a lid with its number and first paragraph, a list item, a table
  row and its cells, a paragraph, a figure, an origin property), in document order, each with
  its `depth` and its own word diff. Container blocks (list, table, row, origin) carry no text
  of their own; their children follow them.
* `Redline.order`: the reading order, in which every renderer shows the redline: `Entry`s for
  parts, clauses and the old places of moved clauses and divisions ("was"), with their depth in
  the division tree. Computed by `ops.align` from the tree of both texts; for a redline built by
  hand it is derived from the clause list (`default_order`).

Completeness: `Redline.empty` is true only when nothing differs; `ops.align.compute` refuses
(InternalError) to return an empty redline for two texts whose canonical bytes differ.

Rendering block by block (what the HTML, DOCX and XML renderers do): walk `Redline.order`; for
an entry of a part or clause walk its `blocks` (pre-order, `depth` gives the nesting); render a
block with `change == "unchanged"` as plain text, "added"/"removed" as inserted/deleted whole,
and otherwise its `words` (``=``/``-``/``+`` segments). A block whose `kinds` hold
"formatting" differs in inline markup or attributes only (`old_attrs`/`attrs` say which).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

Element = etree._Element

# Kinds of change, in the order a summary lists them.
ADDED = "added"
REMOVED = "removed"
MODIFIED = "modified"
MOVED = "moved"
RENUMBERED = "renumbered"
SPLIT = "split"
MERGED = "merged"
FORMATTING = "formatting"  # inline markup or attributes only, the words are the same
ORIGIN = "origin"  # a clause's origin (provenance) metadata only
REKEYED = "rekeyed"  # the clause's permanent id changed (paired by its content)
UNCHANGED = "unchanged"
CHANGES = (ADDED, REMOVED, MODIFIED, MOVED, RENUMBERED, SPLIT, MERGED, FORMATTING, ORIGIN, REKEYED, UNCHANGED)

EQUAL, DELETE, INSERT = "=", "-", "+"

# Kinds of part (`PartChange.kind`).
TITLE = "title"
META = "meta"
PREAMBLE = "preamble"
DIVISION = "division"

# Kinds of entry in the reading order (`Entry.kind`).
PART = "part"
CLAUSE = "clause"
WAS = "was"  # the old place of a moved clause (`clause`) or division (`part`)

# Block kinds without text of their own (their children hold it).
CONTAINERS = frozenset({"list", "table", "row", "origin"})


class InternalError(Exception):
    """A broken promise of the library itself (not bad input): e.g. a redline that would hide a difference."""


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


Segments = list[tuple[str, str]]


def _segments_dict(words: Segments) -> list[list[str]]:
    return [[op, text] for op, text in words]


@dataclass
class BlockChange:
    """One block of content, aligned between the two texts.

    kind: the element it stands for: "heading", "subheading", "para" (a lid: its number and its
    first paragraph), "item" (a list item, likewise), "p", "list", "table", "row", "cell",
    "figure" (its text is the image's file name), "origin" and "property" (a clause's origin
    metadata; `name` is the property's name), "title", "short-title", "date" (its text is the
    date), or the tag of an element akkoordvc does not know.
    change: the main kind: "unchanged", "added", "removed", "modified", "renumbered" or
    "formatting"; kinds: all that apply (e.g. ("modified", "renumbered")).
    words: (op, text) segments; the ``=``/``-`` ones rebuild `old_text`, ``=``/``+`` `new_text`.
    depth: 0 for the blocks directly in a clause (or part), 1 for their children, ...
    attrs / old_attrs: the other attributes of the block's element(s) (a list's "kind", a
    figure's size), when there are any.

    `old` and `new` are the elements (None on the side where the block does not exist), `old_lead`
    and `new_lead` the first `p` of a para or item that the block shows as its text, and
    `children` the aligned blocks inside: for renderers that rebuild the tree (XML, DOCX tables).
    """

    kind: str
    change: str = UNCHANGED
    kinds: tuple[str, ...] = ()
    num: str | None = None
    old_num: str | None = None
    name: str | None = None
    old_text: str = ""
    new_text: str = ""
    words: list[tuple[str, str]] = field(default_factory=list)
    depth: int = 0
    attrs: dict[str, str] = field(default_factory=dict)
    old_attrs: dict[str, str] = field(default_factory=dict)
    words_inserted: int = 0
    words_deleted: int = 0
    bounded: bool = False
    children: list[BlockChange] = field(default_factory=list)
    old: Element | None = field(default=None, repr=False, compare=False)
    new: Element | None = field(default=None, repr=False, compare=False)
    old_lead: Element | None = field(default=None, repr=False, compare=False)
    new_lead: Element | None = field(default=None, repr=False, compare=False)

    @property
    def changed(self) -> bool:
        return self.change != UNCHANGED

    @property
    def container(self) -> bool:
        """True for blocks without text of their own (list, table, row, origin)."""
        return self.kind in CONTAINERS

    def walk(self) -> Iterator[BlockChange]:
        """This block and every block inside it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "num": self.num,
            "old_num": self.old_num,
            "change": self.change,
            "changes": list(self.kinds or (self.change,)),
            "depth": self.depth,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "words": _segments_dict(self.words),
        }
        if self.name is not None:
            data["name"] = self.name
        if self.attrs or self.old_attrs:
            data["attrs"] = dict(self.attrs)
            data["old_attrs"] = dict(self.old_attrs)
        return data


def flatten(blocks: list[BlockChange]) -> list[BlockChange]:
    """Every block of a block tree, in document order (pre-order)."""
    return [b for top in blocks for b in top.walk()]


def block_stats(blocks: list[BlockChange]) -> tuple[int, int, bool]:
    """(words inserted, words deleted, bounded) over a block tree."""
    inserted = deleted = 0
    bounded = False
    for block in flatten(blocks):
        inserted += block.words_inserted
        deleted += block.words_deleted
        bounded = bounded or block.bounded
    return inserted, deleted, bounded


@dataclass
class PartChange:
    """A piece of the document outside the clauses: the title, a metadata item, the preamble or a division.

    kind: "title", "meta", "preamble" or "division". id: for a division its id; for metadata
    which item ("short-title", "date:NAME", "property:NAME", "@id" and "@lang" for the
    document's id and language); for title and preamble the kind. num / old_num: a division's
    number. division_kind / old_division_kind: "chapter", "section", ... for divisions.
    old_text / new_text / words: a division's heading, the preamble's running text, or the
    item's value. blocks: the aligned content (the preamble's blocks; a division's heading,
    subheading and own text; the title's or item's one block). depth: the division's nesting
    (0 for a division directly in the body).
    """

    kind: str
    id: str | None
    change: str = UNCHANGED
    kinds: tuple[str, ...] = ()
    num: str | None = None
    old_num: str | None = None
    division_kind: str | None = None
    old_division_kind: str | None = None
    old_text: str = ""
    new_text: str = ""
    words: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[BlockChange] = field(default_factory=list)
    depth: int = 0
    words_inserted: int = 0
    words_deleted: int = 0
    bounded: bool = False
    exists_old: bool = True
    exists_new: bool = True
    old: Element | None = field(default=None, repr=False, compare=False)
    new: Element | None = field(default=None, repr=False, compare=False)

    @property
    def changed(self) -> bool:
        return self.change != UNCHANGED

    @property
    def anchor(self) -> str:
        """A stable anchor name for links (HTML) and bookmarks (DOCX)."""
        return f"p-{self.kind}" if self.kind in (TITLE, PREAMBLE) else f"p-{self.id}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "num": self.num,
            "old_num": self.old_num,
            "change": self.change,
            "changes": list(self.kinds or (self.change,)),
            "division_kind": self.division_kind,
            "old_division_kind": self.old_division_kind,
            "depth": self.depth,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "words": _segments_dict(self.words),
            "words_inserted": self.words_inserted,
            "words_deleted": self.words_deleted,
            "blocks": [b.as_dict() for b in flatten(self.blocks)],
        }


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
    clause_kind: str = "article"  # article | annex | closing | text (the clause's `kind`; see labels)
    old_clause_kind: str = "article"
    depth: int = 0  # divisions around the clause in the text it is shown in
    block_tree: list[BlockChange] | None = None  # top-level blocks (None: not computed, see `blocks`)
    old: Element | None = field(default=None, repr=False, compare=False)  # the clause elements
    new: Element | None = field(default=None, repr=False, compare=False)
    _build: Callable[[ClauseChange], list[BlockChange]] | None = field(default=None, repr=False, compare=False)

    @property
    def anchor(self) -> str:
        """A stable anchor name for links (HTML) and bookmarks (DOCX)."""
        return f"c-{self.id or self.old_id}" if self.id else f"old-{self.old_id}"

    @property
    def changed(self) -> bool:
        return self.change != UNCHANGED

    @property
    def tree(self) -> list[BlockChange]:
        """The top-level blocks (heading, subheading, origin, content), children inside."""
        if self.block_tree is None:
            self.block_tree = self._build(self) if self._build is not None else []
        return self.block_tree

    @property
    def blocks(self) -> list[BlockChange]:
        """Every block of the clause in document order (see `BlockChange`)."""
        return flatten(self.tree)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "old_id": self.old_id,
            "num": self.num,
            "old_num": self.old_num,
            "kind": self.clause_kind,
            "old_kind": self.old_clause_kind,
            "change": self.change,
            "changes": list(self.kinds),
            "heading": self.heading,
            "old_heading": self.old_heading,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "words": _segments_dict(self.words),
            "heading_words": _segments_dict(self.heading_words),
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
            "blocks": [b.as_dict() for b in self.blocks],
        }


@dataclass
class Entry:
    """One thing in the reading order: a part, a clause, or the old place ("was") of a moved clause or division."""

    kind: str  # PART | CLAUSE | WAS
    part: PartChange | None = None
    clause: ClauseChange | None = None
    depth: int = 0

    @property
    def changed(self) -> bool:
        item = self.part if self.part is not None else self.clause
        return self.kind == WAS or (item is not None and item.changed)


@dataclass
class Redline:
    old: Side
    new: Side
    clauses: list[ClauseChange]  # every clause: reading order, removed ones where they stood
    parts: list[PartChange] = field(default_factory=list)  # everything outside clauses, document order
    order: list[Entry] | None = None  # the reading order (None: derived from `clauses`)
    outline: list[Any] | None = field(default=None, repr=False)  # the merged tree (`ops.outline`), when computed

    def __post_init__(self) -> None:
        if self.order is None:
            self.order = default_order(self.parts, self.clauses)

    @property
    def changed(self) -> list[ClauseChange]:
        return [c for c in self.clauses if c.changed]

    @property
    def changed_parts(self) -> list[PartChange]:
        return [p for p in self.parts if p.changed]

    @property
    def empty(self) -> bool:
        """True when nothing differs: no part and no clause changed."""
        return not any(p.changed for p in self.parts) and not any(c.changed for c in self.clauses)

    def stats(self) -> dict[str, int]:
        counts = {kind: 0 for kind in CHANGES}
        for clause in self.clauses:
            for kind in clause.kinds or (clause.change,):
                counts[kind] += 1
        counts["parts_changed"] = sum(1 for p in self.parts if p.changed)
        counts["words_inserted"] = sum(c.words_inserted for c in self.clauses) + sum(
            p.words_inserted for p in self.parts
        )
        counts["words_deleted"] = sum(c.words_deleted for c in self.clauses) + sum(p.words_deleted for p in self.parts)
        return counts

    def as_dict(self, include_unchanged: bool = False) -> dict[str, Any]:
        seq: dict[int, int] = {}
        for k, entry in enumerate(self.order or ()):
            if entry.kind != WAS:
                seq[id(entry.part if entry.part is not None else entry.clause)] = k
        parts = []
        for p in self.parts:
            if include_unchanged or p.changed:
                data = p.as_dict()
                data["seq"] = seq.get(id(p))
                parts.append(data)
        clauses = []
        for c in self.clauses:
            if include_unchanged or c.changed:
                data = c.as_dict()
                data["seq"] = seq.get(id(c))
                clauses.append(data)
        return {
            "old": self.old.as_dict(),
            "new": self.new.as_dict(),
            "stats": self.stats(),
            "parts": parts,
            "clauses": clauses,
        }


# --- a reading order for redlines built without the document trees ------------------------------


def default_order(parts: list[PartChange], clauses: list[ClauseChange]) -> list[Entry]:
    """Parts first, then the clauses as listed, each moved clause's old place marked ("was").

    `ops.align` gives every redline it computes the exact order of both document trees; this
    order is for redlines built by hand (tests, other tools). The old place of a moved clause
    goes after the last clause that came before it in the old text (by `old_position`, else by
    old number within the old division, else just before the clause itself).
    """
    order = [Entry(PART, part=p, depth=p.depth) for p in parts]
    markers = _marker_positions(clauses)
    for i in range(len(clauses) + 1):
        for moved in markers.get(i, ()):
            order.append(Entry(WAS, clause=moved, depth=moved.depth))
        if i < len(clauses):
            order.append(Entry(CLAUSE, clause=clauses[i], depth=clauses[i].depth))
    return order


def is_moved(clause: ClauseChange) -> bool:
    return MOVED in (clause.kinds or (clause.change,)) and bool(clause.old_id) and bool(clause.id)


def num_key(num: str) -> tuple[tuple[int, int, str], ...]:
    """A natural sort key for clause numbers: "2" < "10" < "10a" < "11"; "7:201" < "7:210"."""
    import re

    parts = []
    for part in re.findall(r"\d+|\D+", num.strip().lower()):
        parts.append((0, int(part), "") if part.isdigit() else (1, 0, part))
    return tuple(parts)


def _marker_positions(clauses: list[ClauseChange]) -> dict[int, list[ClauseChange]]:
    from bisect import bisect_left

    def kinds(c: ClauseChange) -> tuple[str, ...]:
        return c.kinds or (c.change,)

    def old_index(c: ClauseChange) -> int | None:
        return c.old_position if isinstance(c.old_position, int) else None

    stayers = [j for j, c in enumerate(clauses) if c.old_id and MOVED not in kinds(c)]
    by_old = sorted((k, j) for j in stayers if (k := old_index(clauses[j])) is not None)
    old_keys = [k for k, _ in by_old]
    by_division: dict[str | None, list[int]] = {}
    for j in stayers:
        by_division.setdefault(clauses[j].old_division, []).append(j)
    numbered = {
        div: sorted((num_key(clauses[j].old_num or ""), j) for j in js if clauses[j].old_num)
        for div, js in by_division.items()
    }
    markers: dict[int, list[ClauseChange]] = {}
    for i, moved in enumerate(clauses):
        if not is_moved(moved):
            continue
        position = old_index(moved)
        anchors = by_division.get(moved.old_division, [])
        entries = numbered.get(moved.old_division, [])
        if position is not None and by_old:
            b = bisect_left(old_keys, position)
            at = by_old[b - 1][1] + 1 if b else by_old[0][1]
        elif moved.old_num and entries:
            b = bisect_left([k for k, _ in entries], num_key(moved.old_num))
            at = entries[b - 1][1] + 1 if b else min(j for _, j in entries)
        elif anchors:
            at = max(anchors) + 1
        else:
            at = i
        markers.setdefault(at, []).append(moved)
    for group in markers.values():
        group.sort(key=lambda c: (old_index(c) if old_index(c) is not None else -1, num_key(c.old_num or "")))
    return markers
