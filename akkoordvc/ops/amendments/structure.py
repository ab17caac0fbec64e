"""The operations that change the structure: insert, delete, move, split and merge clauses and divisions."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...messages import Message, text
from ...model import amendment_names as an
from ...model import names
from ...model.document import content_text, inline_text
from .errors import OperationError
from .families import OnClause, OnNode, OperationBase, fail, parts_of, position_of, required, with_children
from .nodes import NODE_TAGS, element_of, heading_of, id_of, node_children, node_kind, xml_of
from .tree import Position, Tree, kind_word, parent_of


@dataclass(frozen=True)
class Insert(OperationBase):
    """Insert a new clause, or a new division with everything in it, at a position."""

    target: str
    element: str
    position: Position

    tag = an.INSERT

    @property
    def kind(self) -> str:
        return "division" if self.element.lstrip().startswith(f"<{names.DIVISION}") else "clause"

    def creates(self) -> tuple[str, ...]:
        return tuple(id_of(node) for node in element_of(self.element).iter(*NODE_TAGS))

    def clauses(self) -> tuple[str, ...]:
        return tuple(id_of(node) for node in element_of(self.element).iter(names.CLAUSE))

    def apply_to(self, tree: Tree) -> None:
        element = element_of(self.element)
        tree.check_free(element)
        tree.place(element, self.position)
        tree.register(element)

    def describe(self) -> str:
        element = element_of(self.element)
        num = element.get(names.NUM)
        shown = f" ({num})" if num else ""
        return text(
            "amend.op.insert",
            kind=kind_word(self.kind),
            target=self.target,
            num=shown,
            position=self.position.describe(),
        )

    def as_dict(self) -> dict[str, object]:
        element = element_of(self.element)
        heading = heading_of(element)
        data: dict[str, object] = {
            "op": self.tag,
            "target": self.target,
            "kind": self.kind,
            **self.position.as_dict(),
            "num": element.get(names.NUM),
            "heading": inline_text(heading) if heading is not None else None,
        }
        if self.kind == "clause":
            data["text"] = content_text(element)
        else:
            data["clauses"] = list(self.clauses())
        return data

    def to_xml(self) -> etree._Element:
        element = with_children(self.tag, {}, [self.element])
        self.position.to_attributes(element)
        return element

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Insert:
        _, children = parts_of(element)
        return cls(id_of(children[0]), xml_of(children[0]), position_of(element, source))


@dataclass(frozen=True)
class Delete(OnNode):
    """Delete a clause, or a division that no longer holds anything."""

    target: str
    base_sha256: str
    kind: str = "clause"

    tag = an.DELETE

    def targets(self) -> tuple[tuple[str, str | None], ...]:
        return ((self.target, self.base_sha256),)

    def apply_to(self, tree: Tree) -> None:
        element = self._node(tree)
        held = node_children(element) if self.kind == "division" else []
        if held:
            raise OperationError.keyed(
                "ops.division_not_empty", id=repr(self.target), kind=node_kind(held[0].tag), held=repr(id_of(held[0]))
            )
        parent_of(element).remove(element)
        tree.forget(element)

    def describe(self) -> str:
        return text("amend.op.delete", kind=kind_word(self.kind), target=self.target)

    def as_dict(self) -> dict[str, object]:
        return self._summary()

    def to_xml(self) -> etree._Element:
        return with_children(self.tag, self._attributes())

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Delete:
        target, kind = cls._target(element, source)
        return cls(target, required(element, an.BASE_SHA256, source), kind)


@dataclass(frozen=True)
class Move(OnNode):
    """Move a clause or a division (with everything in it) to another position. The text is untouched."""

    target: str
    position: Position
    base_sha256: str | None = None
    kind: str = "clause"

    tag = an.MOVE

    def targets(self) -> tuple[tuple[str, str | None], ...]:
        return ((self.target, self.base_sha256),) if self.base_sha256 else ()

    def apply_to(self, tree: Tree) -> None:
        tree.place(self._node(tree), self.position)

    def describe(self) -> str:
        return text("amend.op.move", kind=kind_word(self.kind), target=self.target, position=self.position.describe())

    def as_dict(self) -> dict[str, object]:
        return {**self._summary(), **self.position.as_dict()}

    def to_xml(self) -> etree._Element:
        element = with_children(self.tag, self._attributes())
        self.position.to_attributes(element)
        return element

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Move:
        target, kind = cls._target(element, source)
        return cls(target, position_of(element, source), element.get(an.BASE_SHA256), kind)


@dataclass(frozen=True)
class Split(OnClause):
    """Split a clause in two or more: the first part keeps the clause's id and place, the others follow it."""

    clause: str
    base_sha256: str
    parts: tuple[str, ...]

    tag = an.SPLIT

    def part_ids(self) -> tuple[str, ...]:
        return tuple(id_of(element_of(xml)) for xml in self.parts)

    def creates(self) -> tuple[str, ...]:
        return self.part_ids()[1:]

    def clauses(self) -> tuple[str, ...]:
        return self.part_ids()

    def apply_to(self, tree: Tree) -> None:
        clause = tree.node(self.clause, names.CLAUSE)
        parts = [element_of(xml) for xml in self.parts]
        for part in parts[1:]:
            tree.check_free(part)
        parent_of(clause).replace(clause, parts[0])
        tree.nodes[self.clause] = parts[0]
        previous = parts[0]
        for part in parts[1:]:
            previous.addnext(part)
            tree.register(part)
            previous = part

    def describe(self) -> str:
        return text("amend.op.split", clause=self.clause, parts=", ".join(self.part_ids()))

    def as_dict(self) -> dict[str, object]:
        return self._summary(clauses=list(self.part_ids()))

    def to_xml(self) -> etree._Element:
        return with_children(self.tag, self._attributes(), self.parts)

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Split:
        _, children = parts_of(element)
        clause, sha = required(element, an.CLAUSE, source), required(element, an.BASE_SHA256, source)
        if id_of(children[0]) != clause:
            fail(element, source, Message("ops.split_keeps_id", id=repr(clause)))
        return cls(clause, sha, tuple(xml_of(child) for child in children))


@dataclass(frozen=True)
class Merge(OnClause):
    """Merge clauses into the first: it keeps its id and place and gets `element`; the others go."""

    clause: str
    base_sha256: str
    others: tuple[tuple[str, str], ...]  # (clause id, base sha256) of the clauses absorbed
    element: str

    tag = an.MERGE

    def targets(self) -> tuple[tuple[str, str | None], ...]:
        return ((self.clause, self.base_sha256), *self.others)

    def clauses(self) -> tuple[str, ...]:
        return (self.clause, *(ident for ident, _ in self.others))

    def apply_to(self, tree: Tree) -> None:
        clause = tree.node(self.clause, names.CLAUSE)
        absorbed = [tree.node(ident, names.CLAUSE) for ident, _ in self.others]
        for element in absorbed:
            parent_of(element).remove(element)
            tree.forget(element)
        merged = element_of(self.element)
        parent_of(clause).replace(clause, merged)
        tree.nodes[self.clause] = merged

    def describe(self) -> str:
        return text("amend.op.merge", clauses=", ".join(self.clauses()), clause=self.clause)

    def as_dict(self) -> dict[str, object]:
        return self._summary(clauses=list(self.clauses()), text=content_text(element_of(self.element)))

    def to_xml(self) -> etree._Element:
        element = with_children(self.tag, self._attributes())
        for ident, sha in self.others:
            etree.SubElement(element, an.WITH, {an.CLAUSE: ident, an.BASE_SHA256: sha})
        element.append(element_of(self.element))
        return element

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Merge:
        _, children = parts_of(element)
        clause, sha = required(element, an.CLAUSE, source), required(element, an.BASE_SHA256, source)
        merged = children[-1]
        if id_of(merged) != clause:
            fail(element, source, Message("ops.merge_keeps_id", id=repr(clause)))
        others = tuple((required(w, an.CLAUSE, source), required(w, an.BASE_SHA256, source)) for w in children[:-1])
        return cls(clause, sha, others, xml_of(merged))
