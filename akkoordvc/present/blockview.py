"""Which blocks of a clause or part a renderer shows as a line (or row) of its own.

Shared by the terminal and HTML renderers so that both show the same blocks the same way: a
table row with its cells (cells are shown in their row), a list, table or origin container only
through its children (and when its own attributes changed), the heading in the clause's header;
and the notes of a change that no word shows (formatting, an attribute, in a row: of its cells).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..ops.redline import FORMATTING, MODIFIED, BlockChange

__all__ = ["notes", "unit_changed", "units"]

_IN_HEADER = frozenset({"heading"})
_CONTAINERS = frozenset({"list", "table", "origin"})


def units(tree: list[BlockChange], depth: int = 0) -> Iterator[tuple[BlockChange, int]]:
    """(block, depth) for every block shown on its own line, in document order (see the module docstring)."""
    for block in tree:
        if block.kind in _IN_HEADER:
            continue
        yield block, depth
        if block.kind == "row":
            continue
        inner = depth if block.kind in ("list", "origin") else depth + 1
        yield from units(block.children, inner)


def unit_changed(block: BlockChange) -> bool:
    """Whether a shown block changed: a row when any of its cells did; a container only in its own attributes."""
    if block.kind == "row":
        return block.changed or any(c.changed for c in block.children)
    if block.kind in _CONTAINERS:
        return block.changed and block.attrs != block.old_attrs
    return block.changed


def notes(block: BlockChange, lab: dict[str, str]) -> list[str]:
    """What changed in a block besides its words: "only the formatting changed", each changed attribute
    (old → new), and for a table row those of its cells, each named by its place ("cell 2: ...")."""
    found = []
    if FORMATTING in block.kinds and MODIFIED not in block.kinds:
        found.append(lab["formatting_only"])
    if block.old is not None and block.new is not None and block.attrs != block.old_attrs:
        for name in sorted({*block.attrs, *block.old_attrs}):
            old, new = block.old_attrs.get(name), block.attrs.get(name)
            if old != new:
                found.append(f"{lab['block_attribute'].format(name=name)}: {old or '—'} → {new or '—'}")
    if block.kind == "row":
        for k, cell in enumerate(block.children, 1):
            if cell.changed:
                found.extend(f"{lab['block_cell'].format(n=k)}: {note}" for note in notes(cell, lab))
    return found
