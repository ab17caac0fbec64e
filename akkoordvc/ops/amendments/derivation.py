"""Deriving the operations that turn a base text into an edited copy of it (xmldiff's diff).

Derive-then-apply reproduces the edited copy exactly (canonical bytes); `derive` checks this itself and
refuses what it cannot express.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from lxml import etree

from ...model import canonical, names
from ..sequence import longest_increasing
from .errors import DeriveError
from .nodes import (
    NODE_KINDS,
    NODE_TAGS,
    division_sha256,
    heading_of,
    id_of,
    next_node,
    node_children,
    node_kind,
    node_sha256,
    rest_of,
    shell_of,
    tag_of,
    xml_of,
)
from .operations import (
    Delete,
    Insert,
    Merge,
    Move,
    Operation,
    Position,
    Renumber,
    ReplaceDivisionHeading,
    ReplaceHeading,
    ReplaceMeta,
    ReplacePreamble,
    ReplaceText,
    Split,
)
from .tree import Tree


def _index(root: etree._Element) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for element in root.iter(*NODE_TAGS):
        ident = id_of(element)
        if ident in found:
            raise DeriveError.keyed("ops.id_twice", id=repr(ident))
        found[ident] = element
    return found


def _optional_xml(element: etree._Element | None) -> str | None:
    return xml_of(element) if element is not None else None


def _words(element: etree._Element) -> list[str]:
    """The words of a clause's running text (no numbers of leden, no heading): to recognise splits and merges."""
    return " ".join("".join(p.itertext()) for p in element.iter(names.P, names.CELL)).split()


def _followers(clause: etree._Element, wanted: list[str], candidates: set[str]) -> list[etree._Element]:
    """The clauses right after `clause` (ids among `candidates`) whose words, after its own, are `wanted`;
    none when no such run exists."""
    words = _words(clause)
    if not words:
        return []
    chosen: list[etree._Element] = []
    follower = next_node(clause)
    while follower is not None and follower.tag == names.CLAUSE and id_of(follower) in candidates:
        more = _words(follower)
        if not more:
            break
        words = words + more
        chosen.append(follower)
        if len(words) >= len(wanted):
            break
        follower = next_node(follower)
    return chosen if words == wanted else []


def _nodes(base: etree._Element, edited: etree._Element) -> tuple[dict[str, etree._Element], dict[str, etree._Element]]:
    """Both texts' clauses and divisions by id, once it is clear an amendment can express the edit."""
    if base.tag != names.AGREEMENT or edited.tag != names.AGREEMENT:
        raise DeriveError.keyed("ops.not_agreements", root=names.AGREEMENT)
    if dict(base.attrib) != dict(edited.attrib):
        raise DeriveError.keyed("ops.own_id_changed")
    b_nodes, e_nodes = _index(base), _index(edited)
    for ident in b_nodes.keys() & e_nodes.keys():
        if b_nodes[ident].tag != e_nodes[ident].tag:
            raise DeriveError.keyed(
                "ops.kind_changed",
                id=repr(ident),
                base=node_kind(b_nodes[ident].tag),
                edited=node_kind(e_nodes[ident].tag),
            )
    return b_nodes, e_nodes


class _Derivation:
    """The operations found so far, each carried out at once on a working copy of the base."""

    def __init__(self, base: etree._Element, edited: etree._Element):
        self.base, self.edited = base, edited
        self.b_nodes, self.e_nodes = _nodes(base, edited)
        self.ops: list[Operation] = []
        self.tree = Tree(copy.deepcopy(base))
        self.b_clauses = list(base.iter(names.CLAUSE))
        self.e_clauses = list(edited.iter(names.CLAUSE))
        self.b_clause_ids = {id_of(e) for e in self.b_clauses}
        self.e_clause_ids = {id_of(e) for e in self.e_clauses}
        self.deleted = {id_of(e) for e in self.b_clauses if id_of(e) not in self.e_clause_ids}
        self.new = {id_of(e) for e in self.e_clauses if id_of(e) not in self.b_clause_ids}
        self.consumed: set[str] = set()

    def emit(self, op: Operation) -> None:
        op.apply_to(self.tree)
        self.ops.append(op)

    def metadata_and_preamble(self) -> None:
        b_meta, e_meta = self.base.find(names.META), self.edited.find(names.META)
        if _optional_xml(b_meta) != _optional_xml(e_meta):
            if b_meta is None or e_meta is None:
                raise DeriveError.keyed("ops.needs_meta")
            self.emit(ReplaceMeta(canonical.element_sha256(b_meta), xml_of(e_meta)))
        b_pre, e_pre = self.base.find(names.PREAMBLE), self.edited.find(names.PREAMBLE)
        if _optional_xml(b_pre) != _optional_xml(e_pre):
            sha = canonical.element_sha256(b_pre) if b_pre is not None else None
            self.emit(ReplacePreamble(sha, _optional_xml(e_pre)))

    def merges(self) -> None:
        """A clause that absorbed the deleted clauses right after it, words unchanged."""
        for b_clause in self.b_clauses:
            ident = id_of(b_clause)
            if ident not in self.e_clause_ids:
                continue
            e_clause = self.e_nodes[ident]
            if xml_of(b_clause) == xml_of(e_clause):
                continue
            chosen = _followers(b_clause, _words(e_clause), self.deleted - self.consumed)
            if chosen:
                others = tuple((id_of(f), node_sha256(f)) for f in chosen)
                self.emit(Merge(ident, node_sha256(b_clause), others, xml_of(e_clause)))
                self.consumed.add(ident)
                self.consumed.update(id_of(f) for f in chosen)

    def _changed_clauses(self) -> Iterator[tuple[str, etree._Element, etree._Element]]:
        """(id, base clause, edited clause) of each clause in both texts, changed and not yet accounted for."""
        for e_clause in self.e_clauses:
            ident = id_of(e_clause)
            if ident not in self.b_clause_ids or ident in self.consumed:
                continue
            b_clause = self.b_nodes[ident]
            if xml_of(b_clause) != xml_of(e_clause):
                yield ident, b_clause, e_clause

    def splits(self) -> None:
        """A clause whose words were divided over it and the new clauses right after it."""
        for ident, b_clause, e_clause in self._changed_clauses():
            chosen = _followers(e_clause, _words(b_clause), self.new - self.consumed)
            if chosen:
                self.emit(Split(ident, node_sha256(b_clause), (xml_of(e_clause), *(xml_of(f) for f in chosen))))
                self.consumed.add(ident)
                self.consumed.update(id_of(f) for f in chosen)

    def clause_edits(self) -> None:
        """The remaining changed clauses: heading, text, number."""
        for ident, b_clause, e_clause in self._changed_clauses():
            sha = node_sha256(b_clause)
            b_heading, e_heading = heading_of(b_clause), heading_of(e_clause)
            if _optional_xml(b_heading) != _optional_xml(e_heading):
                self.emit(ReplaceHeading(ident, sha, _optional_xml(e_heading)))
            e_rest = [xml_of(child) for child in rest_of(e_clause)]
            if [xml_of(child) for child in rest_of(b_clause)] != e_rest:
                self.emit(ReplaceText(ident, sha, tuple(e_rest)))
            if b_clause.get(names.NUM) != e_clause.get(names.NUM):
                self.emit(Renumber(ident, sha, e_clause.get(names.NUM, "")))

    def division_labels(self) -> None:
        for e_division in self.edited.iter(names.DIVISION):
            ident = id_of(e_division)
            b_division = self.b_nodes.get(ident)
            if b_division is not None and division_sha256(b_division) != division_sha256(e_division):
                self.emit(
                    ReplaceDivisionHeading(
                        ident,
                        division_sha256(b_division),
                        e_division.get(names.KIND, ""),
                        e_division.get(names.NUM),
                        _optional_xml(heading_of(e_division)),
                    )
                )

    def deleted_clauses(self) -> None:
        for b_clause in self.b_clauses:
            ident = id_of(b_clause)
            if ident in self.deleted and ident not in self.consumed:
                self.emit(Delete(ident, node_sha256(b_clause), "clause"))

    def structure(self) -> None:
        """Walk the edited text, placing each node after its predecessor where it is not already."""
        e_body = self.edited.find(names.BODY)
        if e_body is None or self.tree.root.find(names.BODY) is None:
            raise DeriveError.keyed("ops.needs_body")
        self._walk(e_body, None)

    def _walk(self, e_parent: etree._Element, parent_id: str | None) -> None:
        tree = self.tree
        e_children = node_children(e_parent)
        rank = {id_of(child): k for k, child in enumerate(e_children)}
        here = [id_of(child) for child in node_children(tree.container(parent_id)) if id_of(child) in rank]
        keep = {here[i] for i in longest_increasing([rank[ident] for ident in here])}
        previous = None
        for e_child in e_children:
            ident = id_of(e_child)
            position = Position(parent_id, after=previous)
            if ident not in tree.nodes:
                whole = e_child.tag == names.CLAUSE or all(
                    id_of(d) not in tree.nodes for d in e_child.iter(*NODE_TAGS) if d is not e_child
                )
                self.emit(Insert(ident, xml_of(e_child) if whole else xml_of(shell_of(e_child)), position))
            elif ident not in keep:
                b_node = self.b_nodes.get(ident)
                self.emit(
                    Move(
                        ident,
                        position,
                        node_sha256(b_node) if b_node is not None else None,
                        NODE_KINDS[tag_of(e_child)],
                    )
                )
            previous = ident
            if e_child.tag == names.DIVISION:
                self._walk(e_child, ident)

    def deleted_divisions(self) -> None:
        """Deepest first, once everything they held has moved out."""
        gone = [
            self.tree.nodes[ident]
            for ident, element in self.b_nodes.items()
            if element.tag == names.DIVISION and ident not in self.e_nodes
        ]
        gone.sort(key=lambda element: -sum(1 for _ in element.iterancestors()))
        for division in gone:
            self.emit(Delete(id_of(division), division_sha256(self.b_nodes[id_of(division)]), "division"))


def derive(base: etree._Element, edited: etree._Element) -> list[Operation]:
    """The operations that turn `base` into `edited` (both agreement roots; neither is changed).

    Applying the result to `base` gives `edited` exactly (same canonical bytes). Clauses and
    divisions are matched by their permanent ids; a clause whose words were divided over it and
    new clauses right after it is a `Split`, one that absorbed the clauses right after it a `Merge`.
    """
    work = _Derivation(base, edited)
    work.metadata_and_preamble()
    work.merges()
    work.splits()
    work.clause_edits()
    work.division_labels()
    work.deleted_clauses()
    work.structure()
    work.deleted_divisions()
    if canonical.to_bytes(work.tree.root) != canonical.to_bytes(edited):
        raise DeriveError.keyed("ops.inexpressible")
    return work.ops
