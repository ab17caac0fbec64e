"""The families operations come in and what each shares (targets, XML attributes, dict summaries), with the
helpers that read and write the operations' XML forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, NoReturn

from lxml import etree

from ...messages import Message
from ...model import amendment_names as an
from ...model import names
from .errors import AmendmentFormatError
from .nodes import element_of, tag_of, xml_of
from .tree import Position, Tree

# --- reading and writing the XML forms ---------------------------------------------------------------


def with_children(tag: str, attributes: dict[str, str | None], children: Iterable[str] = ()) -> etree._Element:
    element = etree.Element(tag, {k: v for k, v in attributes.items() if v is not None})
    for xml in children:
        element.append(element_of(xml))
    return element


def optional_of(xml: str | None) -> tuple[str, ...]:
    return (xml,) if xml else ()


def parts_of(element: etree._Element) -> tuple[str | None, list[etree._Element]]:
    """An operation element's base hash and child elements."""
    return element.get(an.BASE_SHA256), [child for child in element if isinstance(child.tag, str)]


def first_of(children: list[etree._Element]) -> str | None:
    return xml_of(children[0]) if children else None


def fail(element: etree._Element, source: str, message: Message) -> NoReturn:
    raise AmendmentFormatError.keyed(
        "ops.not_valid_amendment", source=source, line=element.sourceline or 0, said=message
    )


def required(element: etree._Element, name: str, source: str) -> str:
    """An attribute the schema requires of an operation element; one clear line when it is absent."""
    value = element.get(name)
    if value is None:
        fail(element, source, Message("ops.element_needs_attribute", tag=tag_of(element), name=name))
    return value


def position_of(element: etree._Element, source: str) -> Position:
    position = Position.from_attributes(element)
    if position.after is not None and position.before is not None:
        fail(element, source, Message("ops.after_or_before", tag=tag_of(element)))
    return position


# --- what the operations share -----------------------------------------------------------------------


class OperationBase:
    """The defaults: an operation names no existing target, creates no id and touches no clause."""

    tag: ClassVar[str]  # its element name in the amendment vocabulary

    def targets(self) -> tuple[tuple[str, str | None], ...]:
        return ()

    def creates(self) -> tuple[str, ...]:
        return ()

    def clauses(self) -> tuple[str, ...]:
        return ()


class OnTarget(OperationBase):
    """An operation on one existing target, `subject`, as it was at `base_sha256`."""

    base_sha256: str | None

    @property
    def subject(self) -> str:
        raise NotImplementedError

    def targets(self) -> tuple[tuple[str, str | None], ...]:
        return ((self.subject, self.base_sha256),)

    def _summary(self, **details: object) -> dict[str, object]:
        return {"op": self.tag, "target": self.subject, "base_sha256": self.base_sha256, **details}


class OnClause(OnTarget):
    """An operation on the clause `clause`."""

    clause: str

    @property
    def subject(self) -> str:
        return self.clause

    def clauses(self) -> tuple[str, ...]:
        return (self.clause,)

    def _attributes(self) -> dict[str, str | None]:
        return {an.CLAUSE: self.clause, an.BASE_SHA256: self.base_sha256}


class OnNode(OperationBase):
    """An operation on an existing clause or division (`kind`) named `target`."""

    target: str
    kind: str
    base_sha256: str | None

    def clauses(self) -> tuple[str, ...]:
        return (self.target,) if self.kind == "clause" else ()

    def _node(self, tree: Tree) -> etree._Element:
        return tree.node(self.target, names.CLAUSE if self.kind == "clause" else names.DIVISION)

    def _summary(self) -> dict[str, object]:
        return {"op": self.tag, "target": self.target, "kind": self.kind, "base_sha256": self.base_sha256}

    def _attributes(self) -> dict[str, str | None]:
        name = an.CLAUSE if self.kind == "clause" else an.DIVISION
        return {name: self.target, an.BASE_SHA256: self.base_sha256}

    @staticmethod
    def _target(element: etree._Element, source: str) -> tuple[str, str]:
        clause, division = element.get(an.CLAUSE), element.get(an.DIVISION)
        if (clause is None) == (division is None):
            fail(element, source, Message("ops.clause_or_division_attribute", tag=tag_of(element)))
        return (clause, "clause") if clause is not None else (str(division), "division")
