"""The operations that change the structure: insert, delete, move, split and merge clauses and divisions."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...model import amendment_names as an
from ...model import names
from ...model.document import content_text, inline_text
from .errors import OperationError
from .families import _fail, _OnClause, _OnNode, _Operation, _parts, _position, _with_children
from .nodes import _KINDS, _NODES, _element, _heading, _id, _node_children, _xml
from .tree import Position, _Tree


@dataclass(frozen=True)
class Insert(_Operation):
    """Insert a new clause, or a new division with everything in it, at a position."""

    target: str
    element: str
    position: Position

    tag = an.INSERT

    @property
    def kind(self) -> str:
        return "division" if self.element.lstrip().startswith(f"<{names.DIVISION}") else "clause"

    def creates(self):
        return tuple(_id(node) for node in _element(self.element).iter(*_NODES))

    def clauses(self):
        return tuple(_id(node) for node in _element(self.element).iter(names.CLAUSE))

    def apply_to(self, tree: _Tree) -> None:
        element = _element(self.element)
        tree.check_free(element)
        tree.place(element, self.position)
        tree.register(element)

    def describe(self) -> str:
        element = _element(self.element)
        num = element.get(names.NUM)
        return f"insert {self.kind} {self.target}" + (f" ({num})" if num else "") + f" {self.position.describe()}"

    def as_dict(self) -> dict:
        element = _element(self.element)
        heading = _heading(element)
        data = {
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

    def to_xml(self):
        element = _with_children(self.tag, {}, [self.element])
        self.position.to_attributes(element)
        return element

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Insert:
        _, children = _parts(element)
        return cls(_id(children[0]), _xml(children[0]), _position(element, source))


@dataclass(frozen=True)
class Delete(_OnNode):
    """Delete a clause, or a division that no longer holds anything."""

    target: str
    base_sha256: str
    kind: str = "clause"

    tag = an.DELETE

    def targets(self):
        return ((self.target, self.base_sha256),)

    def apply_to(self, tree: _Tree) -> None:
        element = self._node(tree)
        held = _node_children(element) if self.kind == "division" else []
        if held:
            raise OperationError(
                f"division {self.target!r} still holds {_KINDS[held[0].tag]} {_id(held[0])!r}; "
                "move or delete what it holds first"
            )
        element.getparent().remove(element)
        tree.forget(element)

    def describe(self) -> str:
        return f"delete {self.kind} {self.target}"

    def as_dict(self) -> dict:
        return self._summary()

    def to_xml(self):
        return _with_children(self.tag, self._attributes())

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Delete:
        target, kind = cls._target(element, source)
        return cls(target, element.get(an.BASE_SHA256), kind)


@dataclass(frozen=True)
class Move(_OnNode):
    """Move a clause or a division (with everything in it) to another position. The text is untouched."""

    target: str
    position: Position
    base_sha256: str | None = None
    kind: str = "clause"

    tag = an.MOVE

    def targets(self):
        return ((self.target, self.base_sha256),) if self.base_sha256 else ()

    def apply_to(self, tree: _Tree) -> None:
        tree.place(self._node(tree), self.position)

    def describe(self) -> str:
        return f"move {self.kind} {self.target} {self.position.describe()}"

    def as_dict(self) -> dict:
        return {**self._summary(), **self.position.as_dict()}

    def to_xml(self):
        element = _with_children(self.tag, self._attributes())
        self.position.to_attributes(element)
        return element

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Move:
        target, kind = cls._target(element, source)
        return cls(target, _position(element, source), element.get(an.BASE_SHA256), kind)


@dataclass(frozen=True)
class Split(_OnClause):
    """Split a clause in two or more: the first part keeps the clause's id and place, the others follow it."""

    clause: str
    base_sha256: str
    parts: tuple[str, ...]

    tag = an.SPLIT

    def part_ids(self) -> tuple[str, ...]:
        return tuple(_id(_element(xml)) for xml in self.parts)

    def creates(self):
        return self.part_ids()[1:]

    def clauses(self):
        return self.part_ids()

    def apply_to(self, tree: _Tree) -> None:
        clause = tree.node(self.clause, names.CLAUSE)
        parts = [_element(xml) for xml in self.parts]
        for part in parts[1:]:
            tree.check_free(part)
        clause.getparent().replace(clause, parts[0])
        tree.nodes[self.clause] = parts[0]
        previous = parts[0]
        for part in parts[1:]:
            previous.addnext(part)
            tree.register(part)
            previous = part

    def describe(self) -> str:
        return f"split clause {self.clause} into {', '.join(self.part_ids())}"

    def as_dict(self) -> dict:
        return self._summary(clauses=list(self.part_ids()))

    def to_xml(self):
        return _with_children(self.tag, self._attributes(), self.parts)

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Split:
        sha, children = _parts(element)
        if _id(children[0]) != element.get(an.CLAUSE):
            _fail(element, source, f"the first part of a split keeps the clause's id {element.get(an.CLAUSE)!r}")
        return cls(element.get(an.CLAUSE), sha, tuple(_xml(child) for child in children))


@dataclass(frozen=True)
class Merge(_OnClause):
    """Merge clauses into the first: it keeps its id and place and gets `element`; the others go."""

    clause: str
    base_sha256: str
    others: tuple[tuple[str, str], ...]  # (clause id, base sha256) of the clauses absorbed
    element: str

    tag = an.MERGE

    def targets(self):
        return ((self.clause, self.base_sha256), *self.others)

    def clauses(self):
        return (self.clause, *(ident for ident, _ in self.others))

    def apply_to(self, tree: _Tree) -> None:
        clause = tree.node(self.clause, names.CLAUSE)
        absorbed = [tree.node(ident, names.CLAUSE) for ident, _ in self.others]
        for element in absorbed:
            element.getparent().remove(element)
            tree.forget(element)
        merged = _element(self.element)
        clause.getparent().replace(clause, merged)
        tree.nodes[self.clause] = merged

    def describe(self) -> str:
        return f"merge clauses {', '.join(self.clauses())} into {self.clause}"

    def as_dict(self) -> dict:
        return self._summary(clauses=list(self.clauses()), text=content_text(_element(self.element)))

    def to_xml(self):
        element = _with_children(self.tag, self._attributes())
        for ident, sha in self.others:
            etree.SubElement(element, an.WITH, {an.CLAUSE: ident, an.BASE_SHA256: sha})
        element.append(_element(self.element))
        return element

    @classmethod
    def from_xml(cls, element: etree._Element, source: str) -> Merge:
        sha, children = _parts(element)
        merged = children[-1]
        if _id(merged) != element.get(an.CLAUSE):
            _fail(element, source, f"the merged clause keeps the id {element.get(an.CLAUSE)!r}")
        others = tuple((w.get(an.CLAUSE), w.get(an.BASE_SHA256)) for w in children[:-1])
        return cls(element.get(an.CLAUSE), sha, others, _xml(merged))
