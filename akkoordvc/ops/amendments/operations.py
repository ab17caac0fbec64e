"""The clause operations as one vocabulary (like xmldiff's actions): small frozen dataclasses naming
permanent ids, never positions by number, each carrying the SHA-256 of its targets as they stood in the
base (`node_sha256`), so a stale amendment is recognised. Element content is held as canonical XML
text, so an operation is plain, hashable data with an XML form and a dict form."""

from __future__ import annotations

from collections.abc import Iterable
from typing import get_args

from lxml import etree

from ...messages import Message
from .edits import Renumber, ReplaceDivisionHeading, ReplaceHeading, ReplaceMeta, ReplacePreamble, ReplaceText
from .families import fail
from .nodes import tag_of
from .structure import Delete, Insert, Merge, Move, Split
from .tree import Position

__all__ = [
    "Position",
    "ReplaceMeta",
    "ReplacePreamble",
    "ReplaceDivisionHeading",
    "ReplaceHeading",
    "ReplaceText",
    "Renumber",
    "Insert",
    "Delete",
    "Move",
    "Split",
    "Merge",
    "Operation",
    "operation_from_xml",
    "touched_clauses",
]

Operation = (
    ReplaceMeta
    | ReplacePreamble
    | ReplaceDivisionHeading
    | ReplaceHeading
    | ReplaceText
    | Renumber
    | Insert
    | Delete
    | Move
    | Split
    | Merge
)
_BY_TAG = {kind.tag: kind for kind in get_args(Operation)}


def operation_from_xml(element: etree._Element, source: str) -> Operation:
    """The operation an element of the amendment vocabulary stands for."""
    kind = _BY_TAG.get(tag_of(element))
    if kind is None:
        fail(element, source, Message("ops.unknown_operation", tag=tag_of(element)))
    operation: Operation = kind.from_xml(element, source)
    return operation


def touched_clauses(ops: Iterable[Operation]) -> list[str]:
    """Ids of the clauses the operations change, create or remove, in order of first mention."""
    seen: dict[str, None] = {}
    for op in ops:
        for ident in op.clauses():
            seen.setdefault(ident, None)
    return list(seen)
