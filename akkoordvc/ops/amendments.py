"""Amendments as data: clause operations, the amendment record, and the three things done with them.

* `derive(base, edited)`: the operations that turn the base text into an edited copy of it.
  Derive-then-apply reproduces the edited copy exactly (canonical bytes); `derive` checks this
  itself and refuses what it cannot express.
* `apply(root, ops)`: carry the operations out on a copy of a text. By default every operation's
  `base_sha256` is first checked against the text (`StaleError` when a target changed).
* `merge(base, current, ops)`: the clause-level three-way merge used when an amendment drafted
  against `base` is accepted onto `current`. An operation on a target untouched since the base
  applies; one whose change is already in `current` is skipped; one whose target changed (or
  went away) is a `Conflict`. Nothing is ever overwritten silently.

Operations are small frozen dataclasses (like xmldiff's actions) naming permanent ids, never
positions by number. Each carries the SHA-256 of its target as it stood in the base
(`canonical.element_sha256` of a clause; of a division's own part — id, kind, num, heading —
for a division), so a stale amendment is recognised. Element content is held as canonical XML
text, so an operation is plain, hashable data that serializes to the amendment record and back
without change.

The amendment record (`Amendment`) holds the operations with who proposed them, why, on which
base, and the status history (`Event`s). `to_xml`/`from_xml` convert it to and from the
amendment vocabulary of `schemas/amendment.xsd`; reading goes through the hardened parser and
the XSD. Pure functions throughout: no files, no git, no clock.
"""

from __future__ import annotations

import copy
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Union

from lxml import etree

from ..errors import AkkoordError
from ..model import amendment_names as an
from ..model import canonical, names
from ..model.document import content_text, inline_text, normalize_space
from ..model.validate import problems, schema_problems
from ..model.xmlparse import parse_bytes

SCHEMA = "amendment.xsd"
META_TARGET = "(meta)"
PREAMBLE_TARGET = "(preamble)"
_NODES = (names.CLAUSE, names.DIVISION)
_KINDS = {names.CLAUSE: "clause", names.DIVISION: "division"}


# --- errors -----------------------------------------------------------------------------------------


class OperationError(AkkoordError):
    """An operation that does not fit the text it is applied to."""


class StaleError(OperationError):
    """An operation whose target has changed since the amendment's base."""

    def __init__(self, message: str, target: str, expected: str | None, actual: str | None):
        super().__init__(message)
        self.target = target
        self.expected = expected
        self.actual = actual


class AmendmentFormatError(AkkoordError):
    """An amendment record that is not valid."""


class DeriveError(AkkoordError):
    """An edited copy whose changes cannot be expressed as operations."""


# --- small helpers on the agreement tree ------------------------------------------------------------


def _xml(element: etree._Element) -> str:
    return canonical.to_string(element)


def _element(xml: str) -> etree._Element:
    return parse_bytes(xml.encode("utf-8"), "<operation>")


def _id(element: etree._Element) -> str:
    return element.get(names.ID, "")


def _node_children(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent if child.tag in _NODES]


def _next_node(element: etree._Element):
    sibling = element.getnext()
    while sibling is not None and sibling.tag not in _NODES:
        sibling = sibling.getnext()
    return sibling


def _previous_node(element: etree._Element):
    sibling = element.getprevious()
    while sibling is not None and sibling.tag not in _NODES:
        sibling = sibling.getprevious()
    return sibling


def _heading(element: etree._Element):
    first = element[0] if len(element) else None
    return first if first is not None and first.tag == names.HEADING else None


def _rest(clause: etree._Element) -> list[etree._Element]:
    """A clause's children after its heading: origin and content blocks."""
    return [child for child in clause if child.tag != names.HEADING and isinstance(child.tag, str)]


def _shell(division: etree._Element) -> etree._Element:
    """A division without its clauses and subdivisions: id, kind, num and heading."""
    shell = etree.Element(division.tag, dict(division.attrib))
    heading = _heading(division)
    if heading is not None:
        shell.append(copy.deepcopy(heading))
    return shell


def division_sha256(division: etree._Element) -> str:
    """The identity of a division's own part (id, kind, num, heading), not of what it holds."""
    return canonical.element_sha256(_shell(division))


def node_sha256(element: etree._Element) -> str:
    """The base hash an operation names: a clause's whole element, a division's own part."""
    if element.tag == names.DIVISION:
        return division_sha256(element)
    return canonical.element_sha256(element)


def _words(element: etree._Element) -> list[str]:
    """The words of a clause's running text (no numbers of leden, no heading): to recognise splits and merges."""
    return " ".join("".join(p.itertext()) for p in element.iter(names.P, names.CELL)).split()


def element_text(xml: str | None) -> str:
    """A readable one-line text of an operation's payload or a conflict side: heading, then content."""
    if not xml:
        return ""
    element = _element(xml)
    if element.tag == names.HEADING:
        return inline_text(element)
    heading = _heading(element)
    parts = [element.get(names.NUM, ""), inline_text(heading) if heading is not None else "", content_text(element)]
    return " ".join(part for part in parts if part)


def _where(parent_id: str | None) -> str:
    return f"division {parent_id}" if parent_id else "the body"


class _Tree:
    """A working tree with an index of its clauses and divisions by id, updated by the operations."""

    def __init__(self, root: etree._Element, known: Iterable[str] | None = None):
        self.root = root
        self.nodes: dict[str, etree._Element] = {}
        for element in root.iter(*_NODES):
            self.nodes[_id(element)] = element
        # When set, the ids the amendment knows: siblings outside it (added by others since its base)
        # are stepped over when placing after an anchor, so acceptance order is kept.
        self.known = set(known) if known is not None else None

    def get(self, target: str):
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
        kind = _KINDS.get(tag, "clause or division")
        if element is None:
            raise OperationError(f"{kind} {ident!r} does not exist in the text")
        if tag is not None and element.tag != tag:
            raise OperationError(f"{ident!r} is a {_KINDS[element.tag]}, not a {kind}")
        return element

    def container(self, parent_id: str | None) -> etree._Element:
        if parent_id is None:
            body = self.root.find(names.BODY)
            if body is None:
                raise OperationError("the text has no body")
            return body
        return self.node(parent_id, names.DIVISION)

    def check_free(self, element: etree._Element) -> None:
        for node in element.iter(*_NODES):
            if _id(node) in self.nodes:
                raise OperationError(f"id {_id(node)!r} is already used in the text")

    def register(self, element: etree._Element) -> None:
        for node in element.iter(*_NODES):
            self.nodes[_id(node)] = node
            if self.known is not None:
                self.known.add(_id(node))

    def forget(self, element: etree._Element) -> None:
        for node in element.iter(*_NODES):
            self.nodes.pop(_id(node), None)

    def _foreign(self, element) -> bool:
        return self.known is not None and _id(element) not in self.known

    def place(self, element: etree._Element, position: "Position") -> None:
        """Put `element` (new or moving) at `position`."""
        parent = self.container(position.parent)
        if element.tag == names.DIVISION and (parent is element or element in parent.iterancestors()):
            raise OperationError(f"division {_id(element)!r} cannot be placed inside itself")
        anchor_id = position.before or position.after
        anchor = None
        if anchor_id is not None:
            anchor = self.node(anchor_id)
            if anchor is element:
                raise OperationError(f"{_id(element)!r} cannot be placed next to itself")
            if anchor.getparent() is not parent:
                raise OperationError(
                    f"{_KINDS[anchor.tag]} {anchor_id!r} is not in {_where(position.parent)} (it was moved)"
                )
        old_parent = element.getparent()
        if old_parent is not None:
            old_parent.remove(element)
        if position.before is not None:
            anchor.addprevious(element)
            return
        following = _next_node(anchor) if anchor is not None else next(iter(_node_children(parent)), None)
        while following is not None and self._foreign(following):
            anchor, following = following, _next_node(following)
        if anchor is not None:
            anchor.addnext(element)
            return
        index = len(parent)
        for i, child in enumerate(parent):
            if child.tag in _NODES:
                index = i
                break
        parent.insert(index, element)


def _place_of(element: etree._Element, universe: set[str]) -> tuple[str | None, str | None]:
    """Where a node stands: its parent division (None: the body) and its nearest earlier sibling in `universe`."""
    parent = element.getparent()
    parent_id = _id(parent) if parent is not None and parent.tag == names.DIVISION else None
    sibling = _previous_node(element)
    while sibling is not None and _id(sibling) not in universe:
        sibling = _previous_node(sibling)
    return parent_id, (_id(sibling) if sibling is not None else None)


# --- operations -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    """Where a clause or division goes: in `parent` (a division id; None: the body), right after
    the sibling `after` or right before `before`; with neither, at the start."""

    parent: str | None = None
    after: str | None = None
    before: str | None = None

    def describe(self) -> str:
        where = f"in {_where(self.parent)}"
        if self.before:
            return f"before {self.before} {where}"
        if self.after:
            return f"after {self.after} {where}"
        return f"at the start of {_where(self.parent)}"

    def as_dict(self) -> dict:
        return {"parent": self.parent, "after": self.after, "before": self.before}

    def to_attributes(self, element: etree._Element) -> None:
        for name, value in ((an.PARENT, self.parent), (an.AFTER, self.after), (an.BEFORE, self.before)):
            if value is not None:
                element.set(name, value)

    @classmethod
    def from_attributes(cls, element: etree._Element) -> "Position":
        return cls(element.get(an.PARENT), element.get(an.AFTER), element.get(an.BEFORE))


def _with_children(tag: str, attributes: dict, children: Iterable[str] = ()) -> etree._Element:
    element = etree.Element(tag, {k: v for k, v in attributes.items() if v is not None})
    for xml in children:
        element.append(_element(xml))
    return element


@dataclass(frozen=True)
class ReplaceMeta:
    """Replace the agreement's metadata (title, short title, dates, properties)."""

    base_sha256: str
    meta: str

    tag = an.REPLACE_META

    def targets(self):
        return ((META_TARGET, self.base_sha256),)

    def creates(self):
        return ()

    def clauses(self):
        return ()

    def apply_to(self, tree: _Tree) -> None:
        old = tree.root.find(names.META)
        if old is None:
            raise OperationError("the text has no metadata")
        tree.root.replace(old, _element(self.meta))

    def describe(self) -> str:
        return "replace the metadata (title, dates, properties)"

    def as_dict(self) -> dict:
        return {"op": self.tag, "target": META_TARGET, "base_sha256": self.base_sha256,
                "title": inline_text(_element(self.meta).find(names.TITLE))}

    def to_xml(self):
        return _with_children(self.tag, {an.BASE_SHA256: self.base_sha256}, [self.meta])


@dataclass(frozen=True)
class ReplacePreamble:
    """Replace, add (base_sha256 None) or remove (preamble None) the preamble."""

    base_sha256: str | None
    preamble: str | None

    tag = an.REPLACE_PREAMBLE

    def targets(self):
        return ((PREAMBLE_TARGET, self.base_sha256),)

    def creates(self):
        return ()

    def clauses(self):
        return ()

    def apply_to(self, tree: _Tree) -> None:
        root = tree.root
        old = root.find(names.PREAMBLE)
        if self.preamble is None:
            if old is not None:
                root.remove(old)
            return
        new = _element(self.preamble)
        if old is not None:
            root.replace(old, new)
            return
        meta = root.find(names.META)
        root.insert(root.index(meta) + 1 if meta is not None else 0, new)

    def describe(self) -> str:
        if self.preamble is None:
            return "remove the preamble"
        return "replace the preamble" if self.base_sha256 else "add a preamble"

    def as_dict(self) -> dict:
        return {"op": self.tag, "target": PREAMBLE_TARGET, "base_sha256": self.base_sha256,
                "text": content_text(_element(self.preamble)) if self.preamble else None}

    def to_xml(self):
        return _with_children(self.tag, {an.BASE_SHA256: self.base_sha256}, [self.preamble] if self.preamble else [])


@dataclass(frozen=True)
class ReplaceDivisionHeading:
    """Replace a division's label: its kind, num and heading (what it holds is untouched)."""

    division: str
    base_sha256: str
    kind: str
    num: str | None
    heading: str | None

    tag = an.REPLACE_DIVISION_HEADING

    def targets(self):
        return ((self.division, self.base_sha256),)

    def creates(self):
        return ()

    def clauses(self):
        return ()

    def apply_to(self, tree: _Tree) -> None:
        division = tree.node(self.division, names.DIVISION)
        division.set(names.KIND, self.kind)
        if self.num is None:
            division.attrib.pop(names.NUM, None)
        else:
            division.set(names.NUM, self.num)
        old = _heading(division)
        if old is not None:
            division.remove(old)
        if self.heading is not None:
            division.insert(0, _element(self.heading))

    def describe(self) -> str:
        label = " ".join(p for p in (self.num or "", element_text(self.heading)) if p)
        return f"change the heading of division {self.division} to {label!r}"

    def as_dict(self) -> dict:
        return {"op": self.tag, "target": self.division, "base_sha256": self.base_sha256, "kind": self.kind,
                "num": self.num, "heading": element_text(self.heading) or None}

    def to_xml(self):
        attributes = {an.DIVISION: self.division, an.BASE_SHA256: self.base_sha256, an.KIND: self.kind, an.NUM: self.num}
        return _with_children(self.tag, attributes, [self.heading] if self.heading else [])


@dataclass(frozen=True)
class ReplaceHeading:
    """Replace, add or (heading None) remove a clause's heading."""

    clause: str
    base_sha256: str
    heading: str | None

    tag = an.REPLACE_HEADING

    def targets(self):
        return ((self.clause, self.base_sha256),)

    def creates(self):
        return ()

    def clauses(self):
        return (self.clause,)

    def apply_to(self, tree: _Tree) -> None:
        clause = tree.node(self.clause, names.CLAUSE)
        old = _heading(clause)
        if old is not None:
            clause.remove(old)
        if self.heading is not None:
            clause.insert(0, _element(self.heading))

    def describe(self) -> str:
        if self.heading is None:
            return f"remove the heading of clause {self.clause}"
        return f"replace the heading of clause {self.clause} by {element_text(self.heading)!r}"

    def as_dict(self) -> dict:
        return {"op": self.tag, "target": self.clause, "base_sha256": self.base_sha256,
                "heading": element_text(self.heading) or None}

    def to_xml(self):
        attributes = {an.CLAUSE: self.clause, an.BASE_SHA256: self.base_sha256}
        return _with_children(self.tag, attributes, [self.heading] if self.heading else [])


@dataclass(frozen=True)
class ReplaceText:
    """Replace a clause's text: everything after its heading (origin, leden, paragraphs, lists, tables)."""

    clause: str
    base_sha256: str
    content: tuple[str, ...]

    tag = an.REPLACE_TEXT

    def targets(self):
        return ((self.clause, self.base_sha256),)

    def creates(self):
        return ()

    def clauses(self):
        return (self.clause,)

    def apply_to(self, tree: _Tree) -> None:
        clause = tree.node(self.clause, names.CLAUSE)
        for child in _rest(clause):
            clause.remove(child)
        for xml in self.content:
            clause.append(_element(xml))

    def text(self) -> str:
        holder = etree.Element(names.CLAUSE)
        for xml in self.content:
            holder.append(_element(xml))
        return content_text(holder)

    def describe(self) -> str:
        return f"replace the text of clause {self.clause}"

    def as_dict(self) -> dict:
        return {"op": self.tag, "target": self.clause, "base_sha256": self.base_sha256, "text": self.text()}

    def to_xml(self):
        return _with_children(self.tag, {an.CLAUSE: self.clause, an.BASE_SHA256: self.base_sha256}, self.content)


@dataclass(frozen=True)
class Renumber:
    """Give a clause another number (its id stays)."""

    clause: str
    base_sha256: str
    num: str

    tag = an.RENUMBER

    def targets(self):
        return ((self.clause, self.base_sha256),)

    def creates(self):
        return ()

    def clauses(self):
        return (self.clause,)

    def apply_to(self, tree: _Tree) -> None:
        tree.node(self.clause, names.CLAUSE).set(names.NUM, self.num)

    def describe(self) -> str:
        return f"renumber clause {self.clause} to {self.num}"

    def as_dict(self) -> dict:
        return {"op": self.tag, "target": self.clause, "base_sha256": self.base_sha256, "num": self.num}

    def to_xml(self):
        return _with_children(self.tag, {an.CLAUSE: self.clause, an.BASE_SHA256: self.base_sha256, an.NUM: self.num})


@dataclass(frozen=True)
class Insert:
    """Insert a new clause, or a new division with everything in it, at a position."""

    target: str
    element: str
    position: Position

    tag = an.INSERT

    @property
    def kind(self) -> str:
        return "division" if self.element.lstrip().startswith(f"<{names.DIVISION}") else "clause"

    def targets(self):
        return ()

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
        data = {"op": self.tag, "target": self.target, "kind": self.kind, **self.position.as_dict(),
                "num": element.get(names.NUM), "heading": inline_text(heading) if heading is not None else None}
        if self.kind == "clause":
            data["text"] = content_text(element)
        else:
            data["clauses"] = list(self.clauses())
        return data

    def to_xml(self):
        element = _with_children(self.tag, {}, [self.element])
        self.position.to_attributes(element)
        return element


@dataclass(frozen=True)
class Delete:
    """Delete a clause, or a division that no longer holds anything."""

    target: str
    base_sha256: str
    kind: str = "clause"

    tag = an.DELETE

    def targets(self):
        return ((self.target, self.base_sha256),)

    def creates(self):
        return ()

    def clauses(self):
        return (self.target,) if self.kind == "clause" else ()

    def apply_to(self, tree: _Tree) -> None:
        element = tree.node(self.target, names.CLAUSE if self.kind == "clause" else names.DIVISION)
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
        return {"op": self.tag, "target": self.target, "kind": self.kind, "base_sha256": self.base_sha256}

    def to_xml(self):
        name = an.CLAUSE if self.kind == "clause" else an.DIVISION
        return _with_children(self.tag, {name: self.target, an.BASE_SHA256: self.base_sha256})


@dataclass(frozen=True)
class Move:
    """Move a clause or a division (with everything in it) to another position. The text is untouched."""

    target: str
    position: Position
    base_sha256: str | None = None
    kind: str = "clause"

    tag = an.MOVE

    def targets(self):
        return ((self.target, self.base_sha256),) if self.base_sha256 else ()

    def creates(self):
        return ()

    def clauses(self):
        return (self.target,) if self.kind == "clause" else ()

    def apply_to(self, tree: _Tree) -> None:
        element = tree.node(self.target, names.CLAUSE if self.kind == "clause" else names.DIVISION)
        tree.place(element, self.position)

    def describe(self) -> str:
        return f"move {self.kind} {self.target} {self.position.describe()}"

    def as_dict(self) -> dict:
        return {"op": self.tag, "target": self.target, "kind": self.kind, "base_sha256": self.base_sha256,
                **self.position.as_dict()}

    def to_xml(self):
        name = an.CLAUSE if self.kind == "clause" else an.DIVISION
        element = _with_children(self.tag, {name: self.target, an.BASE_SHA256: self.base_sha256})
        self.position.to_attributes(element)
        return element


@dataclass(frozen=True)
class Split:
    """Split a clause in two or more: the first part keeps the clause's id and place, the others follow it."""

    clause: str
    base_sha256: str
    parts: tuple[str, ...]

    tag = an.SPLIT

    def targets(self):
        return ((self.clause, self.base_sha256),)

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
        return {"op": self.tag, "target": self.clause, "base_sha256": self.base_sha256, "clauses": list(self.part_ids())}

    def to_xml(self):
        return _with_children(self.tag, {an.CLAUSE: self.clause, an.BASE_SHA256: self.base_sha256}, self.parts)


@dataclass(frozen=True)
class Merge:
    """Merge clauses into the first: it keeps its id and place and gets `element`; the others go."""

    clause: str
    base_sha256: str
    others: tuple[tuple[str, str], ...]  # (clause id, base sha256) of the clauses absorbed
    element: str

    tag = an.MERGE

    def targets(self):
        return ((self.clause, self.base_sha256), *self.others)

    def creates(self):
        return ()

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
        return {"op": self.tag, "target": self.clause, "base_sha256": self.base_sha256,
                "clauses": list(self.clauses()), "text": content_text(_element(self.element))}

    def to_xml(self):
        element = _with_children(self.tag, {an.CLAUSE: self.clause, an.BASE_SHA256: self.base_sha256})
        for ident, sha in self.others:
            etree.SubElement(element, an.WITH, {an.CLAUSE: ident, an.BASE_SHA256: sha})
        element.append(_element(self.element))
        return element


Operation = Union[
    ReplaceMeta, ReplacePreamble, ReplaceDivisionHeading, ReplaceHeading, ReplaceText, Renumber,
    Insert, Delete, Move, Split, Merge,
]


def touched_clauses(ops: Iterable[Operation]) -> list[str]:
    """Ids of the clauses the operations change, create or remove, in order of first mention."""
    seen: dict[str, None] = {}
    for op in ops:
        for ident in op.clauses():
            seen.setdefault(ident, None)
    return list(seen)


def changed_targets(old: etree._Element, new: etree._Element) -> set[str]:
    """Targets (clause and division ids, META_TARGET, PREAMBLE_TARGET) whose hash differs between two texts,
    including those present in only one of them."""
    old_tree, new_tree = _Tree(old), _Tree(new)
    ids = set(old_tree.nodes) | set(new_tree.nodes) | {META_TARGET, PREAMBLE_TARGET}
    return {ident for ident in ids if old_tree.sha(ident) != new_tree.sha(ident)}


def _describe_target(tree: _Tree, target: str, op: Operation | None = None) -> str:
    if target == META_TARGET:
        return "the metadata"
    if target == PREAMBLE_TARGET:
        return "the preamble"
    element = tree.get(target)
    if element is not None:
        return f"{_KINDS[element.tag]} {target}"
    kind = getattr(op, "kind", "division" if isinstance(op, ReplaceDivisionHeading) else "clause")
    return f"{kind} {target!r}"


# --- apply ------------------------------------------------------------------------------------------


def stale_targets(root: etree._Element, ops: Iterable[Operation]) -> list[tuple[str, str | None, str | None]]:
    """The targets whose hash in `root` is not the one the operations name: (target, expected, actual).

    Targets created by earlier operations of the same amendment are not checked.
    """
    return [(target, expected, actual) for target, expected, actual, _ in _stale(_Tree(root), ops)]


def _stale(tree: _Tree, ops: Iterable[Operation]):
    created: set[str] = set()
    for op in ops:
        for target, expected in op.targets():
            if target in created:
                continue
            actual = tree.sha(target)
            if actual != expected:
                yield target, expected, actual, op
        created.update(op.creates())


def apply(root: etree._Element, ops: Iterable[Operation], *, strict: bool = True) -> etree._Element:
    """Carry out `ops` in order on a copy of `root` and return the new root.

    With `strict` (the default) every operation's base hash is first checked against `root`:
    a missing target is an `OperationError`, a changed one a `StaleError`, and nothing is applied.
    """
    ops = list(ops)
    if strict:
        before = _Tree(root)
        for target, expected, actual, op in _stale(before, ops):
            what = _describe_target(before, target, op)
            if actual is None and expected is not None:
                raise OperationError(f"{what} does not exist in the text")
            raise StaleError(
                f"{what} has changed since the amendment's base (expected sha256 {str(expected)[:12]}, "
                f"found {str(actual)[:12]})",
                target, expected, actual,
            )
    tree = _Tree(copy.deepcopy(root))
    for op in ops:
        op.apply_to(tree)
    return tree.root


# --- derive -----------------------------------------------------------------------------------------


def _index(root: etree._Element) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for element in root.iter(*_NODES):
        ident = _id(element)
        if ident in found:
            raise DeriveError(f"id {ident!r} is used twice in one text; every clause and division id must be unique")
        found[ident] = element
    return found


def _stayers(sequence: list[int]) -> set[int]:
    """Indices of a longest increasing subsequence of `sequence` (O(n log n))."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    keep = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        keep.add(i)
        i = previous[i]
    return keep


def _optional_xml(element) -> str | None:
    return _xml(element) if element is not None else None


def derive(base: etree._Element, edited: etree._Element) -> list[Operation]:
    """The operations that turn `base` into `edited` (both agreement roots; neither is changed).

    Applying the result to `base` gives `edited` exactly (same canonical bytes). Clauses and
    divisions are matched by their permanent ids; a clause whose words were divided over it and
    new clauses right after it is a `Split`, one that absorbed the clauses right after it a `Merge`.
    """
    if base.tag != names.AGREEMENT or edited.tag != names.AGREEMENT:
        raise DeriveError(f"both texts must be agreements (root <{names.AGREEMENT}>)")
    if dict(base.attrib) != dict(edited.attrib):
        raise DeriveError(
            "the edited copy changes the agreement's own id or language; an amendment changes clauses, "
            "metadata and structure only (record such a change with `akkoord commit`)"
        )
    b_nodes, e_nodes = _index(base), _index(edited)
    for ident in b_nodes.keys() & e_nodes.keys():
        if b_nodes[ident].tag != e_nodes[ident].tag:
            raise DeriveError(
                f"id {ident!r} is a {_KINDS[b_nodes[ident].tag]} in the base but a {_KINDS[e_nodes[ident].tag]} "
                "in the edited copy; give the new element an id of its own"
            )

    ops: list[Operation] = []
    tree = _Tree(copy.deepcopy(base))

    def emit(op: Operation) -> None:
        op.apply_to(tree)
        ops.append(op)

    # metadata and preamble
    b_meta, e_meta = base.find(names.META), edited.find(names.META)
    if _optional_xml(b_meta) != _optional_xml(e_meta):
        if b_meta is None or e_meta is None:
            raise DeriveError("an agreement must have metadata (<meta>) in both texts")
        emit(ReplaceMeta(canonical.element_sha256(b_meta), _xml(e_meta)))
    b_pre, e_pre = base.find(names.PREAMBLE), edited.find(names.PREAMBLE)
    if _optional_xml(b_pre) != _optional_xml(e_pre):
        emit(ReplacePreamble(canonical.element_sha256(b_pre) if b_pre is not None else None, _optional_xml(e_pre)))

    b_clauses = [e for e in base.iter(names.CLAUSE)]
    e_clauses = [e for e in edited.iter(names.CLAUSE)]
    e_clause_ids = {_id(e) for e in e_clauses}
    b_clause_ids = {_id(e) for e in b_clauses}
    deleted = {_id(e) for e in b_clauses if _id(e) not in e_clause_ids}
    new = {_id(e) for e in e_clauses if _id(e) not in b_clause_ids}
    consumed: set[str] = set()

    # merges: a clause that absorbed the deleted clauses right after it, words unchanged
    for b_clause in b_clauses:
        ident = _id(b_clause)
        if ident not in e_clause_ids:
            continue
        e_clause = e_nodes[ident]
        if _xml(b_clause) == _xml(e_clause):
            continue
        wanted, words = _words(e_clause), _words(b_clause)
        if not words:
            continue
        chosen: list[etree._Element] = []
        follower = _next_node(b_clause)
        while follower is not None and follower.tag == names.CLAUSE and _id(follower) in deleted - consumed:
            more = _words(follower)
            if not more:
                break
            words = words + more
            chosen.append(follower)
            if len(words) >= len(wanted):
                break
            follower = _next_node(follower)
        if chosen and words == wanted:
            emit(Merge(ident, node_sha256(b_clause), tuple((_id(f), node_sha256(f)) for f in chosen), _xml(e_clause)))
            consumed.add(ident)
            consumed.update(_id(f) for f in chosen)

    # splits: a clause whose words were divided over it and the new clauses right after it
    for e_clause in e_clauses:
        ident = _id(e_clause)
        if ident not in b_clause_ids or ident in consumed:
            continue
        b_clause = b_nodes[ident]
        if _xml(b_clause) == _xml(e_clause):
            continue
        wanted, words = _words(b_clause), _words(e_clause)
        if not words:
            continue
        chosen = []
        follower = _next_node(e_clause)
        while follower is not None and follower.tag == names.CLAUSE and _id(follower) in new - consumed:
            more = _words(follower)
            if not more:
                break
            words = words + more
            chosen.append(follower)
            if len(words) >= len(wanted):
                break
            follower = _next_node(follower)
        if chosen and words == wanted:
            emit(Split(ident, node_sha256(b_clause), (_xml(e_clause), *(_xml(f) for f in chosen))))
            consumed.add(ident)
            consumed.update(_id(f) for f in chosen)

    # edits of the remaining clauses: heading, text, number
    for e_clause in e_clauses:
        ident = _id(e_clause)
        if ident not in b_clause_ids or ident in consumed:
            continue
        b_clause = b_nodes[ident]
        if _xml(b_clause) == _xml(e_clause):
            continue
        sha = node_sha256(b_clause)
        b_heading, e_heading = _heading(b_clause), _heading(e_clause)
        if _optional_xml(b_heading) != _optional_xml(e_heading):
            emit(ReplaceHeading(ident, sha, _optional_xml(e_heading)))
        e_rest = [_xml(child) for child in _rest(e_clause)]
        if [_xml(child) for child in _rest(b_clause)] != e_rest:
            emit(ReplaceText(ident, sha, tuple(e_rest)))
        if b_clause.get(names.NUM) != e_clause.get(names.NUM):
            emit(Renumber(ident, sha, e_clause.get(names.NUM, "")))

    # division labels
    for e_division in edited.iter(names.DIVISION):
        ident = _id(e_division)
        b_division = b_nodes.get(ident)
        if b_division is not None and division_sha256(b_division) != division_sha256(e_division):
            emit(ReplaceDivisionHeading(ident, division_sha256(b_division), e_division.get(names.KIND, ""),
                                        e_division.get(names.NUM), _optional_xml(_heading(e_division))))

    # clauses that are gone
    for b_clause in b_clauses:
        ident = _id(b_clause)
        if ident in deleted and ident not in consumed:
            emit(Delete(ident, node_sha256(b_clause), "clause"))

    # structure: walk the edited text, placing each node after its predecessor where it is not already
    def walk(e_parent: etree._Element, parent_id: str | None) -> None:
        e_children = _node_children(e_parent)
        e_ids = [_id(child) for child in e_children]
        rank = {ident: k for k, ident in enumerate(e_ids)}
        here = [_id(child) for child in _node_children(tree.container(parent_id)) if _id(child) in rank]
        keep = {here[i] for i in _stayers([rank[ident] for ident in here])}
        previous = None
        for e_child in e_children:
            ident = _id(e_child)
            position = Position(parent_id, after=previous)
            if ident not in tree.nodes:
                whole = e_child.tag == names.CLAUSE or all(
                    _id(d) not in tree.nodes for d in e_child.iter(*_NODES) if d is not e_child
                )
                emit(Insert(ident, _xml(e_child) if whole else _xml(_shell(e_child)), position))
            elif ident not in keep:
                b_node = b_nodes.get(ident)
                emit(Move(ident, position, node_sha256(b_node) if b_node is not None else None, _KINDS[e_child.tag]))
            previous = ident
            if e_child.tag == names.DIVISION:
                walk(e_child, ident)

    e_body = edited.find(names.BODY)
    if e_body is None or tree.root.find(names.BODY) is None:
        raise DeriveError("an agreement must have a body in both texts")
    walk(e_body, None)

    # divisions that are gone: deepest first, once everything they held has moved out
    gone = [tree.nodes[ident] for ident, element in b_nodes.items()
            if element.tag == names.DIVISION and ident not in e_nodes]
    gone.sort(key=lambda element: -sum(1 for _ in element.iterancestors()))
    for division in gone:
        emit(Delete(_id(division), division_sha256(b_nodes[_id(division)]), "division"))

    if canonical.to_bytes(tree.root) != canonical.to_bytes(edited):
        raise DeriveError(
            "the edited copy differs from the base in a way clause operations cannot express; "
            "keep the agreement's structure (meta, preamble, body of divisions and clauses) and retry"
        )
    return ops


# --- merge ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """An operation that cannot be applied to the current text without overwriting a change made since its base.

    `base`, `current` and `amendment` are the target's canonical XML in the amendment's base, in the
    current text and as the amendment would have it (None where it does not exist).
    """

    target: str
    reason: str
    base: str | None = None
    current: str | None = None
    amendment: str | None = None
    operation: str = ""

    @property
    def about_clause(self) -> bool:
        """Whether the sides are clauses (so a clause redline can show them)."""
        sides = [xml for xml in (self.base, self.current, self.amendment) if xml]
        return bool(sides) and all(_element(xml).tag == names.CLAUSE for xml in sides)

    def as_dict(self) -> dict:
        return {
            "target": self.target,
            "reason": self.reason,
            "operation": self.operation,
            "base_text": element_text(self.base) if self.base else None,
            "current_text": element_text(self.current) if self.current else None,
            "amendment_text": element_text(self.amendment) if self.amendment else None,
        }


@dataclass
class MergeResult:
    """The current text with every operation that could be applied (`root`), and what could not."""

    root: etree._Element
    conflicts: list[Conflict] = field(default_factory=list)
    applied: list[Operation] = field(default_factory=list)
    already: list[Operation] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _side(tree: _Tree, target: str) -> str | None:
    element = tree.get(target)
    return _xml(element) if element is not None else None


def _primary(op: Operation) -> str:
    """The id an operation is about (for messages)."""
    targets = op.targets()
    if targets:
        return targets[0][0]
    return getattr(op, "target", None) or (op.creates() or ("?",))[0]


def _verdict(op: Operation, base: _Tree, current: _Tree, theirs: _Tree, created: set[str]) -> str | Conflict:
    """'apply', 'already' (the current text has this change), or the Conflict.

    `current` is the text before any operation of this amendment; `created` the ids that earlier
    operations of the amendment create (targets among them are the amendment's own business).
    """

    def conflict(target: str, reason: str) -> Conflict:
        return Conflict(target, reason, _side(base, target), _side(current, target), _side(theirs, target), op.describe())

    states = []
    for target, expected in op.targets():
        if target in created:
            continue
        what = _describe_target(base, target, op)
        found = current.get(target)
        if isinstance(op, Move):
            if found is None:
                return conflict(target, f"{what} was deleted since the amendment's base")
            universe = base.nodes.keys() & current.nodes.keys()
            if _place_of(found, universe) == _place_of(base.get(target), universe):
                states.append("apply")
                continue
            universe = theirs.nodes.keys() & current.nodes.keys()
            if _place_of(found, universe) == _place_of(theirs.get(target), universe):
                states.append("already")
                continue
            return conflict(target, f"{what} was moved elsewhere since the amendment's base")
        actual = current.sha(target)
        if actual == expected:
            states.append("apply")
        elif actual == theirs.sha(target):
            states.append("already")
        elif found is None:
            return conflict(target, f"{what} was deleted since the amendment's base")
        else:
            return conflict(target, f"{what} was changed since the amendment's base")
    for ident in op.creates():
        found = current.get(ident)
        if found is None:
            states.append("apply")
        elif theirs.get(ident) is not None and _xml(found) == _xml(theirs.get(ident)):
            states.append("already")
        else:
            return conflict(ident, f"id {ident!r} is already used in the current text")
    if states and all(state == "already" for state in states):
        return "already"
    if "already" in states:
        return conflict(_primary(op), "the current text already has part of this change")
    return "apply"


def _add_conflict(conflicts: list[Conflict], conflict: Conflict) -> None:
    """One conflict per target: a second operation on the same target joins the first."""
    for index, known in enumerate(conflicts):
        if known.target == conflict.target and known.reason == conflict.reason:
            operation = f"{known.operation}; {conflict.operation}" if conflict.operation else known.operation
            conflicts[index] = Conflict(known.target, known.reason, known.base, known.current, known.amendment, operation)
            return
    conflicts.append(conflict)


def merge(base: etree._Element, current: etree._Element, ops: Iterable[Operation]) -> MergeResult:
    """Apply `ops`, drafted against `base`, to (a copy of) `current` as a clause-level three-way merge.

    Per target: untouched since the base -> the operation applies; already changed the same way ->
    skipped; changed otherwise, deleted, moved elsewhere, or an id taken -> a `Conflict`. When there
    are conflicts, `root` holds every other operation applied (a starting point for a rebase).
    The result must also be a valid agreement; if not, that is a conflict too.
    """
    ops = list(ops)
    theirs = _Tree(apply(base, ops))
    base_tree = _Tree(base)
    before = _Tree(current)
    verdicts, created = [], set()
    for op in ops:
        verdicts.append(_verdict(op, base_tree, before, theirs, created))
        created.update(op.creates())
    work = _Tree(copy.deepcopy(current), known=base_tree.nodes.keys())
    result = MergeResult(work.root)
    for op, verdict in zip(ops, verdicts):
        if isinstance(verdict, Conflict):
            _add_conflict(result.conflicts, verdict)
            continue
        if verdict == "already":
            result.already.append(op)
            continue
        try:
            op.apply_to(work)
        except OperationError as exc:
            target = _primary(op)
            _add_conflict(result.conflicts, Conflict(
                target, f"cannot apply: {exc.message}", _side(base_tree, target), _side(before, target),
                _side(theirs, target), op.describe()))
            continue
        result.applied.append(op)
    if not result.conflicts:
        found = problems(work.root)
        if found:
            result.conflicts.append(Conflict("(text)", f"the merged text would not be valid: {found[0].message}"))
    return result


# --- the amendment record ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def as_dict(self) -> dict:
        return {"name": self.name, "email": self.email}


@dataclass(frozen=True)
class Base:
    """The text an amendment was drafted against: a commit's text, plus accepted amendments (`on`)."""

    text_sha256: str
    label: str | None = None
    commit: str | None = None
    on: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"label": self.label, "commit": self.commit, "text_sha256": self.text_sha256, "on": list(self.on)}

    def describe(self) -> str:
        name = f"version {self.label}" if self.label else (f"commit {self.commit[:12]}" if self.commit else "text")
        if self.on:
            name += " + " + " + ".join(self.on)
        return f"{name} ({self.text_sha256[:12]})"


@dataclass(frozen=True)
class Event:
    """One step in an amendment's life: who did what, when (UTC, YYYY-MM-DDTHH:MM:SSZ) and why."""

    status: str
    by: Person
    at: str
    revision: int = 1
    reason: str = ""

    def __post_init__(self):
        if self.status not in an.EVENT_KINDS:
            raise AmendmentFormatError(f"unknown amendment status {self.status!r}; use one of {', '.join(an.EVENT_KINDS)}")
        object.__setattr__(self, "reason", normalize_space(self.reason or ""))

    def as_dict(self) -> dict:
        return {"status": self.status, "by": str(self.by), "at": self.at, "revision": self.revision,
                "reason": self.reason or None}


def status_of(history: Iterable[Event]) -> str:
    """The status an amendment has after `history` (in order); a revision makes it proposed again."""
    status = an.PROPOSED
    for event in history:
        status = an.PROPOSED if event.status == an.REVISED else event.status
    return status


@dataclass(frozen=True)
class Amendment:
    title: str
    proposers: tuple[Person, ...]
    date: str
    base: Base
    operations: tuple[Operation, ...]
    id: str | None = None
    revision: int = 1
    source: str = ""
    rationale: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    history: tuple[Event, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "title", normalize_space(self.title or ""))
        object.__setattr__(self, "source", normalize_space(self.source or ""))
        paragraphs = tuple(p for p in (normalize_space(p) for p in self.rationale) if p)
        object.__setattr__(self, "rationale", paragraphs)
        if not self.title:
            raise AmendmentFormatError("an amendment needs a title; give one with --title")
        if not self.proposers:
            raise AmendmentFormatError("an amendment needs at least one proposer")
        if not self.operations:
            raise AmendmentFormatError("an amendment needs at least one operation; the edited copy equals its base")

    @property
    def status(self) -> str:
        return status_of(self.history)

    def last(self, status: str) -> Event | None:
        for event in reversed(self.history):
            if event.status == status:
                return event
        return None

    def clauses(self) -> list[str]:
        return touched_clauses(self.operations)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "revision": self.revision,
            "date": self.date,
            "proposers": [str(p) for p in self.proposers],
            "source": self.source or None,
            "rationale": "\n\n".join(self.rationale) or None,
            "supersedes": list(self.supersedes),
            "base": self.base.as_dict(),
            "clauses": self.clauses(),
            "operations": [op.as_dict() for op in self.operations],
            "history": [event.as_dict() for event in self.history],
        }


def event_to_xml(event: Event) -> etree._Element:
    element = etree.Element(an.EVENT, {
        an.STATUS: event.status, an.BY: event.by.name, an.EMAIL: event.by.email, an.AT: event.at,
        an.REVISION: str(event.revision),
    })
    if event.reason:
        etree.SubElement(element, an.REASON).text = event.reason
    return element


def to_xml(amendment: Amendment, *, history: bool = True) -> etree._Element:
    """The amendment record as an `amendment` element (with its status history unless `history` is False)."""
    root = etree.Element(an.AMENDMENT)
    if amendment.id:
        root.set(an.ID, amendment.id)
    root.set(an.REVISION, str(amendment.revision))
    root.set(an.DATE, amendment.date)
    etree.SubElement(root, an.TITLE).text = amendment.title
    for person in amendment.proposers:
        etree.SubElement(root, an.PROPOSER, {an.NAME: person.name, an.EMAIL: person.email})
    if amendment.source:
        etree.SubElement(root, an.SOURCE).text = amendment.source
    if amendment.rationale:
        rationale = etree.SubElement(root, an.RATIONALE)
        for paragraph in amendment.rationale:
            etree.SubElement(rationale, an.P).text = paragraph
    for ident in amendment.supersedes:
        etree.SubElement(root, an.SUPERSEDES, {an.AMENDMENT_REF: ident})
    base = etree.SubElement(root, an.BASE, {an.TEXT_SHA256: amendment.base.text_sha256})
    if amendment.base.label:
        base.set(an.LABEL, amendment.base.label)
    if amendment.base.commit:
        base.set(an.COMMIT, amendment.base.commit)
    for ident in amendment.base.on:
        etree.SubElement(base, an.ON, {an.AMENDMENT_REF: ident})
    operations = etree.SubElement(root, an.OPERATIONS)
    for op in amendment.operations:
        operations.append(op.to_xml())
    if history and amendment.history:
        held = etree.SubElement(root, an.HISTORY)
        for event in amendment.history:
            held.append(event_to_xml(event))
    return root


def to_bytes(amendment: Amendment, *, history: bool = True) -> bytes:
    return canonical.to_bytes(to_xml(amendment, history=history))


def _schema_check(root: etree._Element, source: str, what: str) -> None:
    found = schema_problems(root, SCHEMA)
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise AmendmentFormatError(f"{source}:{first.line}: not a valid {what}: {first.message}{more}; see schemas/{SCHEMA}")


def _fail(element: etree._Element, source: str, message: str):
    raise AmendmentFormatError(f"{source}:{element.sourceline or 0}: not a valid amendment: {message}")


def _one_target(element: etree._Element, source: str) -> tuple[str, str]:
    clause, division = element.get(an.CLAUSE), element.get(an.DIVISION)
    if (clause is None) == (division is None):
        _fail(element, source, f"<{element.tag}> needs exactly one of the attributes clause and division")
    return (clause, "clause") if clause is not None else (division, "division")


def _position(element: etree._Element, source: str) -> Position:
    position = Position.from_attributes(element)
    if position.after is not None and position.before is not None:
        _fail(element, source, f"<{element.tag}> may name after or before, not both")
    return position


def _operation_from_xml(element: etree._Element, source: str) -> Operation:
    tag = element.tag
    sha = element.get(an.BASE_SHA256)
    children = [child for child in element if isinstance(child.tag, str)]
    if tag == an.REPLACE_META:
        return ReplaceMeta(sha, _xml(children[0]))
    if tag == an.REPLACE_PREAMBLE:
        return ReplacePreamble(sha, _xml(children[0]) if children else None)
    if tag == an.REPLACE_DIVISION_HEADING:
        return ReplaceDivisionHeading(element.get(an.DIVISION), sha, element.get(an.KIND), element.get(an.NUM),
                                      _xml(children[0]) if children else None)
    if tag == an.REPLACE_HEADING:
        return ReplaceHeading(element.get(an.CLAUSE), sha, _xml(children[0]) if children else None)
    if tag == an.REPLACE_TEXT:
        return ReplaceText(element.get(an.CLAUSE), sha, tuple(_xml(child) for child in children))
    if tag == an.RENUMBER:
        return Renumber(element.get(an.CLAUSE), sha, element.get(an.NUM))
    if tag == an.INSERT:
        return Insert(_id(children[0]), _xml(children[0]), _position(element, source))
    if tag == an.DELETE:
        target, kind = _one_target(element, source)
        return Delete(target, sha, kind)
    if tag == an.MOVE:
        target, kind = _one_target(element, source)
        return Move(target, _position(element, source), sha, kind)
    if tag == an.SPLIT:
        if _id(children[0]) != element.get(an.CLAUSE):
            _fail(element, source, f"the first part of a split keeps the clause's id {element.get(an.CLAUSE)!r}")
        return Split(element.get(an.CLAUSE), sha, tuple(_xml(child) for child in children))
    if tag == an.MERGE:
        merged = children[-1]
        if _id(merged) != element.get(an.CLAUSE):
            _fail(element, source, f"the merged clause keeps the id {element.get(an.CLAUSE)!r}")
        others = tuple((w.get(an.CLAUSE), w.get(an.BASE_SHA256)) for w in children[:-1])
        return Merge(element.get(an.CLAUSE), sha, others, _xml(merged))
    _fail(element, source, f"unknown operation <{tag}>")


def _person(element: etree._Element) -> Person:
    return Person(normalize_space(element.get(an.NAME, "")), normalize_space(element.get(an.EMAIL, "")))


def event_from_xml(element: etree._Element) -> Event:
    reason = element.find(an.REASON)
    return Event(
        element.get(an.STATUS),
        Person(normalize_space(element.get(an.BY, "")), normalize_space(element.get(an.EMAIL, ""))),
        element.get(an.AT),
        int(element.get(an.REVISION, "1")),
        inline_text(reason) if reason is not None else "",
    )


def from_xml(root: etree._Element, source: str = "<amendment>") -> Amendment:
    """Read an `amendment` element (checked against the XSD first; errors are one clear line)."""
    if root.tag != an.AMENDMENT:
        raise AmendmentFormatError(
            f"{source}: root element is <{root.tag}>, expected <{an.AMENDMENT}>; "
            + ("to propose an edited copy of the text use --from-file" if root.tag == names.AGREEMENT
               else f"see schemas/{SCHEMA}")
        )
    _schema_check(root, source, "amendment")
    base = root.find(an.BASE)
    rationale = root.find(an.RATIONALE)
    history = root.find(an.HISTORY)
    ops = tuple(_operation_from_xml(op, source) for op in root.find(an.OPERATIONS) if isinstance(op.tag, str))
    return Amendment(
        title=inline_text(root.find(an.TITLE)),
        proposers=tuple(_person(p) for p in root.iterfind(an.PROPOSER)),
        date=root.get(an.DATE),
        base=Base(
            text_sha256=base.get(an.TEXT_SHA256),
            label=base.get(an.LABEL),
            commit=base.get(an.COMMIT),
            on=tuple(on.get(an.AMENDMENT_REF) for on in base.iterfind(an.ON)),
        ),
        operations=ops,
        id=root.get(an.ID),
        revision=int(root.get(an.REVISION, "1")),
        source=inline_text(root.find(an.SOURCE)),
        rationale=tuple(inline_text(p) for p in rationale.iterfind(an.P)) if rationale is not None else (),
        supersedes=tuple(s.get(an.AMENDMENT_REF) for s in root.iterfind(an.SUPERSEDES)),
        history=tuple(event_from_xml(e) for e in history.iterfind(an.EVENT)) if history is not None else (),
    )


def parse_amendment(data: bytes, source: str = "<amendment>") -> Amendment:
    """Parse an amendment record (hardened parser, then XSD)."""
    return from_xml(parse_bytes(data, source), source)


def parse_event(data: bytes, source: str = "<event>") -> Event:
    root = parse_bytes(data, source)
    if root.tag != an.EVENT:
        raise AmendmentFormatError(f"{source}: root element is <{root.tag}>, expected <{an.EVENT}>")
    _schema_check(root, source, "amendment event")
    return event_from_xml(root)


def check_against_base(amendment: Amendment, base: etree._Element, source: str = "<amendment>") -> etree._Element:
    """Check that the operations fit their base (every hash matches, every id is right) and that the
    result is a valid agreement; return the amended text. Errors are one line, naming the operation."""
    tree = _Tree(copy.deepcopy(base))
    for target, expected, actual, op in _stale(tree, amendment.operations):
        what = _describe_target(tree, target, op)
        if actual is None:
            raise AmendmentFormatError(f"{source}: the amendment names {what}, which does not exist in its base")
        raise AmendmentFormatError(
            f"{source}: the base-sha256 of {what} does not match its base text; the amendment was drafted "
            "against another text, or edited by hand"
        )
    for number, op in enumerate(amendment.operations, 1):
        try:
            op.apply_to(tree)
        except OperationError as exc:
            raise AmendmentFormatError(f"{source}: operation {number} ({op.describe()}): {exc.message}") from None
    found = problems(tree.root)
    if found:
        raise AmendmentFormatError(f"{source}: the amended text would not be valid: {found[0].message}")
    return tree.root


def clause_document(clause_xml: str | None, like: etree._Element) -> etree._Element:
    """A one-clause agreement (id, language and title of `like`) holding `clause_xml` (or nothing):
    lets the redline engine compare a single clause, e.g. the two sides of a conflict."""
    root = etree.Element(names.AGREEMENT, {names.ID: like.get(names.ID, "text"), names.LANG: like.get(names.LANG, "nl")})
    meta = etree.SubElement(root, names.META)
    title = like.find(f"{names.META}/{names.TITLE}")
    meta.append(copy.deepcopy(title) if title is not None else etree.Element(names.TITLE))
    body = etree.SubElement(root, names.BODY)
    if clause_xml and _element(clause_xml).tag == names.CLAUSE:
        body.append(_element(clause_xml))
    return root
