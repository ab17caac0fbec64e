"""The clause-level three-way merge used when an amendment drafted against `base` is accepted onto
`current`, and the conflicts it reports. Nothing is ever overwritten silently."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from ...model import names
from ...model.validate import problems
from .errors import OperationError
from .nodes import element_of, element_text, xml_of
from .operations import Move, Operation
from .patch import apply, describe_target
from .tree import Tree, place_of


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
        return bool(sides) and all(element_of(xml).tag == names.CLAUSE for xml in sides)

    def as_dict(self) -> dict[str, str | None]:
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


def _side(tree: Tree, target: str) -> str | None:
    element = tree.get(target)
    return xml_of(element) if element is not None else None


def _primary(op: Operation) -> str:
    """The id an operation is about (for messages)."""
    targets = op.targets()
    if targets:
        return targets[0][0]
    return getattr(op, "target", None) or (op.creates() or ("?",))[0]


def _verdict(op: Operation, base: Tree, current: Tree, theirs: Tree, created: set[str]) -> str | Conflict:
    """'apply', 'already' (the current text has this change), or the Conflict.

    `current` is the text before any operation of this amendment; `created` the ids that earlier
    operations of the amendment create (targets among them are the amendment's own business).
    """

    def conflict(target: str, reason: str) -> Conflict:
        return Conflict(
            target, reason, _side(base, target), _side(current, target), _side(theirs, target), op.describe()
        )

    states = []
    for target, expected in op.targets():
        if target in created:
            continue
        what = describe_target(base, target, op)
        found = current.get(target)
        if isinstance(op, Move):
            if found is None:
                return conflict(target, f"{what} was deleted since the amendment's base")
            universe = base.nodes.keys() & current.nodes.keys()
            if place_of(found, universe) == place_of(base.get(target), universe):
                states.append("apply")
                continue
            universe = theirs.nodes.keys() & current.nodes.keys()
            if place_of(found, universe) == place_of(theirs.get(target), universe):
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
        elif (theirs_node := theirs.get(ident)) is not None and xml_of(found) == xml_of(theirs_node):
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
            conflicts[index] = Conflict(
                known.target, known.reason, known.base, known.current, known.amendment, operation
            )
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
    theirs = Tree(apply(base, ops))
    base_tree = Tree(base)
    before = Tree(current)
    verdicts: list[str | Conflict] = []
    created: set[str] = set()
    for op in ops:
        verdicts.append(_verdict(op, base_tree, before, theirs, created))
        created.update(op.creates())
    work = Tree(copy.deepcopy(current), known=base_tree.nodes.keys())
    result = MergeResult(work.root)
    for op, verdict in zip(ops, verdicts, strict=True):
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
            _add_conflict(
                result.conflicts,
                Conflict(
                    target,
                    f"cannot apply: {exc.message}",
                    _side(base_tree, target),
                    _side(before, target),
                    _side(theirs, target),
                    op.describe(),
                ),
            )
            continue
        result.applied.append(op)
    if not result.conflicts:
        found = problems(work.root)
        if found:
            result.conflicts.append(Conflict("(text)", f"the merged text would not be valid: {found[0].message}"))
    return result
