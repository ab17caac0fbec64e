"""The outline of two texts as one tree: their divisions and clauses, merged in document order.

`merge(old_body, new_body, partners)` returns the children of the merged body: `Node`s for
divisions and clauses with their role:

* ``both``: the same division or clause in both texts, at the same place (a division's
  children are merged the same way, recursively);
* ``old`` / ``new``: only in the old / new text (removed / added), with everything inside;
* ``moved-from`` / ``moved-to``: a division or clause that is in both texts but not at the same
  place: its old place and its new place. A moved division's children are merged at its new
  place (so its clauses did not move: their division did).

Divisions are paired by id, clauses by `partners` (old element -> new element, from the clause
alignment). A pair stands at the same place when its parents are paired and it keeps its order
among the paired siblings: on each level the pairs on one longest increasing run of old
positions stay (`sequence.longest_increasing`: the fewest moves), every other pair moved.
Between two pairs that stayed, the old-only children come first, then the new-only ones.

This tree is what makes the redline lossless: leaving out every node that exists only in the
new text gives back the old tree exactly, and the other way round (see `present.xmlmarkup`),
and its pre-order is the reading order every renderer shows (`ops.align`).
Cost: linear in the number of divisions and clauses (plus n log n for the runs).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..model import names
from .sequence import longest_increasing

__all__ = ["BOTH", "MOVED_FROM", "MOVED_TO", "NEW", "OLD", "Node", "merge", "walk"]

BOTH = "both"
OLD = "old"
NEW = "new"
MOVED_FROM = "moved-from"
MOVED_TO = "moved-to"

_STRUCTURE = (names.DIVISION, names.CLAUSE)
Element = etree._Element


@dataclass
class Node:
    """A division or clause of the merged tree. `old` / `new` are its elements (None on the side
    it is missing from; a ``moved-to`` node has both, a ``moved-from`` node only `old`).
    `change` is set by `ops.align`: the `ClauseChange` or `PartChange` it shows."""

    tag: str
    role: str
    old: Element | None = None
    new: Element | None = None
    children: list[Node] = field(default_factory=list)
    change: Any = None

    @property
    def element(self) -> Element:
        element = self.new if self.new is not None else self.old
        assert element is not None
        return element


def _structure(parent: Element | None) -> list[Element]:
    return [c for c in parent if c.tag in _STRUCTURE] if parent is not None else []


class _Merger:
    def __init__(self, old_body: Element | None, new_body: Element | None, partners: dict[Element, Element]) -> None:
        self.partner_of_old = dict(partners)
        old_divisions = {d.get(names.ID): d for d in old_body.iter(names.DIVISION)} if old_body is not None else {}
        if new_body is not None:
            for division in new_body.iter(names.DIVISION):
                old = old_divisions.get(division.get(names.ID))
                if old is not None:
                    self.partner_of_old[old] = division
        self.partner_of_new = {new: old for old, new in self.partner_of_old.items()}

    def level(self, old_parent: Element | None, new_parent: Element | None) -> list[Node]:
        olds = _structure(old_parent)
        news = _structure(new_parent)
        where = {element: i for i, element in enumerate(olds)}
        candidates = []
        for j, element in enumerate(news):
            old = self.partner_of_new.get(element)
            i = where.get(old) if old is not None else None
            if i is not None:
                candidates.append((i, j))
        keep = longest_increasing([i for i, _ in candidates])
        anchors = [candidates[k] for k in sorted(keep)]
        out: list[Node] = []
        i0 = j0 = 0
        for i, j in [*anchors, (len(olds), len(news))]:
            out.extend(self.old_only(e) for e in olds[i0:i])
            out.extend(self.new_only(e) for e in news[j0:j])
            if i < len(olds):
                old, new = olds[i], news[j]
                children = self.level(old, new) if old.tag == names.DIVISION else []
                out.append(Node(str(new.tag), BOTH, old, new, children))
            i0, j0 = i + 1, j + 1
        return out

    def old_only(self, element: Element) -> Node:
        if element in self.partner_of_old:
            return Node(str(element.tag), MOVED_FROM, element, None, [self.old_only(c) for c in _structure(element)])
        return Node(str(element.tag), OLD, element, None, [self.old_only(c) for c in _structure(element)])

    def new_only(self, element: Element) -> Node:
        old = self.partner_of_new.get(element)
        if old is not None:
            children = self.level(old, element) if element.tag == names.DIVISION else []
            return Node(str(element.tag), MOVED_TO, old, element, children)
        return Node(str(element.tag), NEW, None, element, [self.new_only(c) for c in _structure(element)])


def merge(old_body: Element | None, new_body: Element | None, partners: dict[Element, Element]) -> list[Node]:
    """The merged children of two bodies (see the module docstring); `partners`: old clause
    element -> new clause element for every pair the clause alignment found."""
    return _Merger(old_body, new_body, partners).level(old_body, new_body)


def walk(nodes: list[Node], depth: int = 0) -> Iterator[tuple[Node, int]]:
    """(node, depth) for every node, in pre-order."""
    for node in nodes:
        yield node, depth
        yield from walk(node.children, depth + 1)
