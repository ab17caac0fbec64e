"""The operations that change one target where it stands: metadata, preamble, a division's label, a
clause's heading, text or number."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...messages import text
from ...model import amendment_names as an
from ...model import names
from ...model.document import content_text, inline_text
from .errors import OperationError
from .families import OnClause, OnTarget, first_of, optional_of, parts_of, required, with_children
from .nodes import element_of, element_text, heading_of, rest_of, xml_of
from .tree import META_TARGET, PREAMBLE_TARGET, Tree


def _replace_heading(element: etree._Element, heading: str | None) -> None:
    """Put `heading` (canonical XML; None: no heading) in place of the element's heading."""
    old = heading_of(element)
    if old is not None:
        element.remove(old)
    if heading is not None:
        element.insert(0, element_of(heading))


@dataclass(frozen=True)
class ReplaceMeta(OnTarget):
    """Replace the agreement's metadata (title, short title, dates, properties)."""

    base_sha256: str
    meta: str

    tag = an.REPLACE_META
    subject = META_TARGET

    def apply_to(self, tree: Tree) -> None:
        old = tree.root.find(names.META)
        if old is None:
            raise OperationError.keyed("ops.no_meta")
        tree.root.replace(old, element_of(self.meta))

    def describe(self) -> str:
        return text("amend.op.meta")

    def as_dict(self) -> dict[str, object]:
        return self._summary(title=inline_text(element_of(self.meta).find(names.TITLE)))

    def to_xml(self) -> etree._Element:
        return with_children(self.tag, {an.BASE_SHA256: self.base_sha256}, [self.meta])

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> ReplaceMeta:
        _, children = parts_of(element)
        return cls(required(element, an.BASE_SHA256, source), xml_of(children[0]))


@dataclass(frozen=True)
class ReplacePreamble(OnTarget):
    """Replace, add (base_sha256 None) or remove (preamble None) the preamble."""

    base_sha256: str | None
    preamble: str | None

    tag = an.REPLACE_PREAMBLE
    subject = PREAMBLE_TARGET

    def apply_to(self, tree: Tree) -> None:
        root = tree.root
        old = root.find(names.PREAMBLE)
        if self.preamble is None:
            if old is not None:
                root.remove(old)
            return
        new = element_of(self.preamble)
        if old is not None:
            root.replace(old, new)
            return
        meta = root.find(names.META)
        root.insert(root.index(meta) + 1 if meta is not None else 0, new)

    def describe(self) -> str:
        if self.preamble is None:
            return text("amend.op.preamble_remove")
        return text("amend.op.preamble_replace" if self.base_sha256 else "amend.op.preamble_add")

    def as_dict(self) -> dict[str, object]:
        return self._summary(text=content_text(element_of(self.preamble)) if self.preamble else None)

    def to_xml(self) -> etree._Element:
        return with_children(self.tag, {an.BASE_SHA256: self.base_sha256}, optional_of(self.preamble))

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> ReplacePreamble:
        sha, children = parts_of(element)
        return cls(sha, first_of(children))


@dataclass(frozen=True)
class ReplaceDivisionHeading(OnTarget):
    """Replace a division's label: its kind, num and heading (what it holds is untouched)."""

    division: str
    base_sha256: str
    kind: str
    num: str | None
    heading: str | None

    tag = an.REPLACE_DIVISION_HEADING

    @property
    def subject(self) -> str:
        return self.division

    def apply_to(self, tree: Tree) -> None:
        division = tree.node(self.division, names.DIVISION)
        division.set(names.KIND, self.kind)
        if self.num is None:
            division.attrib.pop(names.NUM, None)
        else:
            division.set(names.NUM, self.num)
        _replace_heading(division, self.heading)

    def describe(self) -> str:
        label = " ".join(p for p in (self.num or "", element_text(self.heading)) if p)
        return text("amend.op.division_heading", division=self.division, label=label)

    def as_dict(self) -> dict[str, object]:
        return self._summary(kind=self.kind, num=self.num, heading=element_text(self.heading) or None)

    def to_xml(self) -> etree._Element:
        attributes = {
            an.DIVISION: self.division,
            an.BASE_SHA256: self.base_sha256,
            an.KIND: self.kind,
            an.NUM: self.num,
        }
        return with_children(self.tag, attributes, optional_of(self.heading))

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> ReplaceDivisionHeading:
        _, children = parts_of(element)
        return cls(
            required(element, an.DIVISION, source),
            required(element, an.BASE_SHA256, source),
            required(element, an.KIND, source),
            element.get(an.NUM),
            first_of(children),
        )


@dataclass(frozen=True)
class ReplaceHeading(OnClause):
    """Replace, add or (heading None) remove a clause's heading."""

    clause: str
    base_sha256: str
    heading: str | None

    tag = an.REPLACE_HEADING

    def apply_to(self, tree: Tree) -> None:
        _replace_heading(tree.node(self.clause, names.CLAUSE), self.heading)

    def describe(self) -> str:
        if self.heading is None:
            return text("amend.op.heading_remove", clause=self.clause)
        return text("amend.op.heading_replace", clause=self.clause, heading=element_text(self.heading))

    def as_dict(self) -> dict[str, object]:
        return self._summary(heading=element_text(self.heading) or None)

    def to_xml(self) -> etree._Element:
        return with_children(self.tag, self._attributes(), optional_of(self.heading))

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> ReplaceHeading:
        _, children = parts_of(element)
        return cls(required(element, an.CLAUSE, source), required(element, an.BASE_SHA256, source), first_of(children))


@dataclass(frozen=True)
class ReplaceText(OnClause):
    """Replace a clause's text: everything after its heading (origin, leden, paragraphs, lists, tables)."""

    clause: str
    base_sha256: str
    content: tuple[str, ...]

    tag = an.REPLACE_TEXT

    def apply_to(self, tree: Tree) -> None:
        clause = tree.node(self.clause, names.CLAUSE)
        for child in rest_of(clause):
            clause.remove(child)
        for xml in self.content:
            clause.append(element_of(xml))

    def text(self) -> str:
        holder = etree.Element(names.CLAUSE)
        for xml in self.content:
            holder.append(element_of(xml))
        return content_text(holder)

    def describe(self) -> str:
        return text("amend.op.text", clause=self.clause)

    def as_dict(self) -> dict[str, object]:
        return self._summary(text=self.text())

    def to_xml(self) -> etree._Element:
        return with_children(self.tag, self._attributes(), self.content)

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> ReplaceText:
        _, children = parts_of(element)
        clause, sha = required(element, an.CLAUSE, source), required(element, an.BASE_SHA256, source)
        return cls(clause, sha, tuple(xml_of(child) for child in children))


@dataclass(frozen=True)
class Renumber(OnClause):
    """Give a clause another number (its id stays)."""

    clause: str
    base_sha256: str
    num: str

    tag = an.RENUMBER

    def apply_to(self, tree: Tree) -> None:
        tree.node(self.clause, names.CLAUSE).set(names.NUM, self.num)

    def describe(self) -> str:
        return text("amend.op.renumber", clause=self.clause, num=self.num)

    def as_dict(self) -> dict[str, object]:
        return self._summary(num=self.num)

    def to_xml(self) -> etree._Element:
        return with_children(self.tag, {**self._attributes(), an.NUM: self.num})

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Renumber:
        return cls(
            required(element, an.CLAUSE, source),
            required(element, an.BASE_SHA256, source),
            required(element, an.NUM, source),
        )
