"""The working tree operations are carried out on: an agreement with its clauses and divisions indexed by id,
and the `Position`s where nodes are placed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from ...messages import text
from ...model import amendment_names as an
from ...model import canonical, names
from .errors import OperationError
from .nodes import NODE_TAGS, id_of, next_node, node_children, node_kind, node_sha256, previous_node, where_of

META_TARGET = "(meta)"
PREAMBLE_TARGET = "(preamble)"


@dataclass(frozen=True)
class Position:
    """Where a clause or division goes: in `parent` (a division id; None: the body), right after
    the sibling `after` or right before `before`; with neither, at the start."""

    parent: str | None = None
    after: str | None = None
    before: str | None = None

    def describe(self) -> str:
        """Where, in words in the language of the moment ("after ma-akbanken in division h-routes")."""
        where = text("amend.where.division", id=self.parent) if self.parent else text("amend.where.body")
        if self.before:
            return text("amend.pos.before", sibling=self.before, where=where)
        if self.after:
            return text("amend.pos.after", sibling=self.after, where=where)
        return text("amend.pos.start", where=where)

    def as_dict(self) -> dict[str, str | None]:
        return {"parent": self.parent, "after": self.after, "before": self.before}

    def to_attributes(self, element: etree._Element) -> None:
        for name, value in ((an.PARENT, self.parent), (an.AFTER, self.after), (an.BEFORE, self.before)):
            if value is not None:
                element.set(name, value)

    @classmethod
    def from_attributes(cls, element: etree._Element) -> Position:
        return cls(element.get(an.PARENT), element.get(an.AFTER), element.get(an.BEFORE))


class Tree:
    """A working tree with an index of its clauses and divisions by id, updated by the operations.

    `known`, when given, are the ids the amendment knows: siblings outside it (added by others since
    its base) are stepped over when placing after an anchor, so acceptance order is kept.
    """

    def __init__(self, root: etree._Element, known: Iterable[str] | None = None):
        self.root = root
        self.nodes: dict[str, etree._Element] = {}
        for element in root.iter(*NODE_TAGS):
            self.nodes[id_of(element)] = element
        self.known = set(known) if known is not None else None

    def get(self, target: str) -> etree._Element | None:
        if target == META_TARGET:
            return self.root.find(names.META)
        if target == PREAMBLE_TARGET:
            return self.root.find(names.PREAMBLE)
        return self.nodes.get(target)

    def sha(self, target: str) -> str | None:
        element = self.get(target)
        if element is None:
            return None
        if target in (META_TARGET, PREAMBLE_TARGET):
            return canonical.element_sha256(element)
        return node_sha256(element)

    def node(self, ident: str, tag: str | None = None) -> etree._Element:
        element = self.nodes.get(ident)
        kind = node_kind(tag)
        if element is None:
            raise OperationError.keyed("ops.node_absent", kind=kind, id=repr(ident))
        if tag is not None and element.tag != tag:
            raise OperationError.keyed("ops.node_other_kind", id=repr(ident), found=node_kind(element.tag), kind=kind)
        return element

    def container(self, parent_id: str | None) -> etree._Element:
        if parent_id is None:
            body = self.root.find(names.BODY)
            if body is None:
                raise OperationError.keyed("ops.no_body")
            return body
        return self.node(parent_id, names.DIVISION)

    def check_free(self, element: etree._Element) -> None:
        for node in element.iter(*NODE_TAGS):
            if id_of(node) in self.nodes:
                raise OperationError.keyed("ops.id_taken", id=repr(id_of(node)))

    def register(self, element: etree._Element) -> None:
        for node in element.iter(*NODE_TAGS):
            self.nodes[id_of(node)] = node
            if self.known is not None:
                self.known.add(id_of(node))

    def forget(self, element: etree._Element) -> None:
        for node in element.iter(*NODE_TAGS):
            self.nodes.pop(id_of(node), None)

    def _foreign(self, element: etree._Element) -> bool:
        return self.known is not None and id_of(element) not in self.known

    def place(self, element: etree._Element, position: Position) -> None:
        """Put `element` (new or moving) at `position`."""
        parent = self.container(position.parent)
        if element.tag == names.DIVISION and (parent is element or element in parent.iterancestors()):
            raise OperationError.keyed("ops.inside_itself", id=repr(id_of(element)))
        anchor_id = position.before or position.after
        anchor = None
        if anchor_id is not None:
            anchor = self.node(anchor_id)
            if anchor is element:
                raise OperationError.keyed("ops.next_to_itself", id=repr(id_of(element)))
            if anchor.getparent() is not parent:
                raise OperationError.keyed(
                    "ops.anchor_moved", kind=node_kind(anchor.tag), id=repr(anchor_id), where=where_of(position.parent)
                )
        old_parent = element.getparent()
        if old_parent is not None:
            old_parent.remove(element)
        if position.before is not None:
            assert anchor is not None
            anchor.addprevious(element)
            return
        following = next_node(anchor) if anchor is not None else next(iter(node_children(parent)), None)
        while following is not None and self._foreign(following):
            anchor, following = following, next_node(following)
        if anchor is not None:
            anchor.addnext(element)
            return
        index = len(parent)
        for i, child in enumerate(parent):
            if child.tag in NODE_TAGS:
                index = i
                break
        parent.insert(index, element)


def parent_of(element: etree._Element) -> etree._Element:
    """The element that holds `element` (a clause or division in the text always has one)."""
    parent = element.getparent()
    if parent is None:
        raise OperationError.keyed("ops.not_inside", id=repr(id_of(element)))
    return parent


def place_of(element: etree._Element | None, universe: set[str]) -> tuple[str | None, str | None]:
    """Where a node stands: its parent division (None: the body) and its nearest earlier sibling in `universe`;
    (None, None) for no node."""
    if element is None:
        return None, None
    parent = element.getparent()
    parent_id = id_of(parent) if parent is not None and parent.tag == names.DIVISION else None
    sibling = previous_node(element)
    while sibling is not None and id_of(sibling) not in universe:
        sibling = previous_node(sibling)
    return parent_id, (id_of(sibling) if sibling is not None else None)


def changed_targets(old: etree._Element, new: etree._Element) -> set[str]:
    """Targets (clause and division ids, META_TARGET, PREAMBLE_TARGET) whose hash differs between two texts,
    including those present in only one of them."""
    old_tree, new_tree = Tree(old), Tree(new)
    ids = set(old_tree.nodes) | set(new_tree.nodes) | {META_TARGET, PREAMBLE_TARGET}
    return {ident for ident in ids if old_tree.sha(ident) != new_tree.sha(ident)}


def kind_word(kind: str) -> str:
    """A node kind (clause, division) in the language of the moment."""
    return text(f"amend.op.kind.{kind}")
