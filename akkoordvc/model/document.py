"""Document views: Python objects that read an agreement's lxml tree and never hold a copy of it.

`Document` wraps the root element; `Clause` and `Division` wrap their elements. Reading and
writing go through the tree, so nothing drifts out of sync with the XML, and the canonical
serializer is the only way out to bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from lxml import etree

from . import canonical, names
from .strings import normalize_space
from .xmlparse import parse_bytes, parse_file


def _text_of(element: etree._Element) -> str:
    """``"".join(element.itertext())``, in C where that gives the same string.

    An element without children holds only its text. Otherwise lxml's text serializer gives
    the same string for any subtree without entity-reference nodes; those (which the hardened
    parser never makes, only a tree built in code can hold them) read ``&name;`` in itertext
    and nothing in the serializer, so such a subtree takes the slow path.
    """
    if not len(element):
        return element.text or ""
    if next(element.iter(etree.Entity), None) is not None:
        return "".join(element.itertext())
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _first(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child named `tag` (as ``element.find(tag)``, without the path machinery)."""
    return next(element.iterchildren(tag), None)


def inline_text(element: etree._Element | None) -> str:
    """The text of an inline container with whitespace runs collapsed."""
    if element is None:
        return ""
    return normalize_space(_text_of(element))


_TEXT_HOLDERS = frozenset({names.P, names.CELL})
_NUMBERED = frozenset({names.PARA, names.ITEM})


def content_text(element: etree._Element) -> str:
    """The running text of a clause's (or any block's) content: numbers of leden and items, then their text.

    Heading and origin metadata are not part of the content text. Table cells are joined with " | ".
    """
    parts: list[str] = []
    append = parts.append
    for child in element.iter(names.PARA, names.ITEM, names.P, names.ROW):
        tag = child.tag
        if tag == names.P:
            append(_text_of(child))
        elif tag in _NUMBERED:
            num = child.get(names.NUM)
            if num:
                append(num)
        else:  # row
            append(" | ".join([_text_of(cell) for cell in child.iterchildren(names.CELL)]))
    return normalize_space(" ".join(parts))


@dataclass(frozen=True)
class Division:
    element: etree._Element

    @property
    def id(self) -> str:
        return self.element.get(names.ID, "")

    @property
    def kind(self) -> str:
        return self.element.get(names.KIND, "")

    @property
    def num(self) -> str:
        return self.element.get(names.NUM, "")

    @property
    def heading(self) -> str:
        return inline_text(_first(self.element, names.HEADING))

    @property
    def label(self) -> str:
        """A short human label, e.g. "I Wat en waar vandaan?"."""
        return " ".join(part for part in (self.num, self.heading) if part)


class Clause:
    """A view of one `clause` element."""

    __slots__ = ("element",)

    def __init__(self, element: etree._Element):
        self.element = element

    def __repr__(self) -> str:
        return f"Clause({self.id!r}, num={self.num!r})"

    @property
    def id(self) -> str:
        return self.element.get(names.ID, "")

    @property
    def num(self) -> str:
        return self.element.get(names.NUM, "")

    @property
    def heading(self) -> str:
        return inline_text(_first(self.element, names.HEADING))

    @property
    def text(self) -> str:
        return content_text(self.element)

    @property
    def divisions(self) -> list[Division]:
        """Enclosing divisions, outermost first."""
        found = [Division(a) for a in self.element.iterancestors(names.DIVISION)]
        found.reverse()
        return found

    @property
    def division(self) -> str | None:
        """The id of the innermost enclosing division, or None for a clause directly in the body."""
        parent = self.element.getparent()
        return parent.get(names.ID) if parent is not None and parent.tag == names.DIVISION else None

    @property
    def origin(self) -> dict[str, str]:
        origin = self.element.find(names.ORIGIN)
        if origin is None:
            return {}
        return {p.get(names.NAME, ""): inline_text(p) for p in origin.iterchildren(names.PROPERTY)}

    @property
    def sha256(self) -> str:
        """The hash of this clause's canonical XML (id, number, heading, origin and content)."""
        return canonical.element_sha256(self.element)

    @property
    def line(self) -> int | None:
        return self.element.sourceline

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "num": self.num,
            "heading": self.heading or None,
            "text": self.text,
            "division": self.division,
        }


class Document:
    """A view of an agreement document (the root `agreement` element)."""

    def __init__(self, root: etree._Element, source: str = "<input>"):
        self.root = root
        self.source = source

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "<input>") -> Document:
        return cls(parse_bytes(data, source), source)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Document:
        return cls(parse_file(path), str(path))

    # metadata -------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.root.get(names.ID, "")

    @property
    def lang(self) -> str:
        return self.root.get(names.LANG, "")

    @property
    def meta(self) -> etree._Element | None:
        return self.root.find(names.META)

    @property
    def title(self) -> str:
        return inline_text(self.root.find(f"{names.META}/{names.TITLE}"))

    @property
    def short_title(self) -> str:
        return inline_text(self.root.find(f"{names.META}/{names.SHORT_TITLE}"))

    @property
    def dates(self) -> dict[str, str]:
        return {d.get(names.NAME, ""): d.get(names.VALUE, "") for d in self.root.iterfind(f"{names.META}/{names.DATE}")}

    @property
    def body(self) -> etree._Element | None:
        return self.root.find(names.BODY)

    @property
    def preamble_text(self) -> str:
        preamble = self.root.find(names.PREAMBLE)
        return content_text(preamble) if preamble is not None else ""

    # clauses --------------------------------------------------------------
    def iter_clauses(self) -> Iterator[Clause]:
        for element in self.root.iter(names.CLAUSE):
            yield Clause(element)

    @cached_property
    def clauses(self) -> list[Clause]:
        """All clauses in document order (computed once; call `refresh()` after editing the tree)."""
        return list(self.iter_clauses())

    def refresh(self) -> None:
        self.__dict__.pop("clauses", None)
        self.__dict__.pop("_by_id", None)

    @cached_property
    def _by_id(self) -> dict[str, Clause]:
        return {clause.id: clause for clause in self.clauses}

    def clause(self, clause_id: str) -> Clause | None:
        return self._by_id.get(clause_id)

    def divisions(self) -> list[Division]:
        return [Division(e) for e in self.root.iter(names.DIVISION)]

    # identity -------------------------------------------------------------
    def to_bytes(self) -> bytes:
        return canonical.to_bytes(self.root)

    @property
    def text_sha256(self) -> str:
        return canonical.sha256(self.to_bytes())

    def as_dict(self, ref: str | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "lang": self.lang,
            "ref": ref,
            "text_sha256": self.text_sha256,
            "clauses": [clause.as_dict() for clause in self.clauses],
        }
