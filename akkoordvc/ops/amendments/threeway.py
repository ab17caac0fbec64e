"""The three-way merge used when an amendment drafted against `base` is accepted onto `current`, and the
conflicts it reports. Nothing is ever overwritten silently.

Per target (clause, division, preamble, metadata): untouched since the base, the operation applies;
already changed the same way, it is skipped. A clause (preamble, metadata) that the amendment edits in
place and that was changed since its base is merged block by block (`blockmerge`): changes to different
leden, items or cells combine, and only blocks changed on both sides conflict. Everything else changed,
deleted, moved elsewhere, or an id taken, is a `Conflict`."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from lxml import etree

from ...messages import Message
from ...model import names
from ...model.validate import problems
from .blockmerge import BlockConflict, merge_blocks
from .edits import Renumber, ReplaceHeading, ReplaceMeta, ReplacePreamble, ReplaceText
from .errors import OperationError
from .nodes import element_of, element_text, xml_of
from .operations import Move, Operation
from .patch import apply, describe_target
from .tree import Tree, place_of


@dataclass(frozen=True)
class Conflict:
    """An operation that cannot be applied to the current text without overwriting a change made since its base.

    `base`, `current` and `amendment` are the target's canonical XML in the amendment's base, in the
    current text and as the amendment would have it (None where it does not exist). `blocks`, for a
    clause merged block by block, are just the blocks in conflict (the rest of the clause merged).
    """

    target: str
    reason: str | Message
    base: str | None = None
    current: str | None = None
    amendment: str | None = None
    operation: str = ""
    blocks: tuple[BlockConflict, ...] = ()

    @property
    def about_clause(self) -> bool:
        """Whether the sides are clauses (so a clause redline can show them)."""
        sides = [xml for xml in (self.base, self.current, self.amendment) if xml]
        return bool(sides) and all(element_of(xml).tag == names.CLAUSE for xml in sides)

    def block_clause(self, block: BlockConflict, side: str) -> str | None:
        """One side's blocks of a block conflict in a clause of their own (the target's id and number), for a
        redline of just those blocks; None when that side has none of them."""
        whole = self.base or self.current or self.amendment
        return block.clause_xml(side, element_of(whole) if whole else None)

    def as_dict(self) -> dict[str, object]:
        return {
            "target": self.target,
            "reason": str(self.reason),
            "operation": self.operation,
            "base_text": element_text(self.base) if self.base else None,
            "current_text": element_text(self.current) if self.current else None,
            "amendment_text": element_text(self.amendment) if self.amendment else None,
            "blocks": [block.as_dict() for block in self.blocks],
        }


@dataclass
class MergeResult:
    """The current text with every operation that could be applied (`root`), and what could not."""

    root: etree._Element
    conflicts: list[Conflict] = field(default_factory=list)
    applied: list[Operation] = field(default_factory=list)
    already: list[Operation] = field(default_factory=list)
    blockwise: list[str] = field(default_factory=list)  # targets merged block by block

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


#: Operations that change their target where it stands, so that two of them on one target can be merged
#: block by block.
IN_PLACE = (ReplaceText, ReplaceHeading, Renumber, ReplacePreamble, ReplaceMeta)


@dataclass(frozen=True)
class _Blockwise:
    """The verdict for a target merged block by block: its merged element."""

    target: str
    element: etree._Element


class _Sides:
    """The three texts of a merge, and the block-level merges of targets done so far (each once)."""

    def __init__(self, base: Tree, current: Tree, theirs: Tree, ops: list[Operation]) -> None:
        self.base, self.current, self.theirs = base, current, theirs
        in_place = {t for op in ops if isinstance(op, IN_PLACE) for t, _ in op.targets()}
        other = {t for op in ops if not isinstance(op, (*IN_PLACE, Move)) for t, _ in op.targets()}
        self.mergeable = in_place - other
        self.merged: dict[str, _Blockwise | Conflict] = {}

    def blockwise(self, op: Operation, target: str) -> _Blockwise | Conflict | None:
        """The block-level merge of `target`, when the amendment only edits it in place; else None."""
        if target not in self.mergeable:
            return None
        sides = (self.base.get(target), self.current.get(target), self.theirs.get(target))
        if any(side is None for side in sides):
            return None
        if target not in self.merged:
            base, current, theirs = sides
            assert base is not None and current is not None and theirs is not None
            element, conflicts = merge_blocks(base, current, theirs)
            if conflicts:
                first = conflicts[0]
                more = Message("ops.more_blocks", count=len(conflicts) - 1) if len(conflicts) > 1 else ""
                self.merged[target] = Conflict(
                    target,
                    Message("ops.reason_more", reason=first.describe(), more=more),
                    xml_of(base),
                    xml_of(current),
                    xml_of(theirs),
                    op.describe(),
                    tuple(conflicts),
                )
            else:
                self.merged[target] = _Blockwise(target, element)
        return self.merged[target]


Verdict = str | Conflict | _Blockwise


def _verdict(op: Operation, sides: _Sides, created: set[str]) -> Verdict:
    """'apply', 'already' (the current text has this change), a block-level merge, or the Conflict.

    `sides.current` is the text before any operation of this amendment; `created` the ids that earlier
    operations of the amendment create (targets among them are the amendment's own business).
    """
    base, current, theirs = sides.base, sides.current, sides.theirs

    def conflict(target: str, reason: Message) -> Conflict:
        return Conflict(
            target, reason, _side(base, target), _side(current, target), _side(theirs, target), op.describe()
        )

    states: list[str] = []
    merged: _Blockwise | None = None
    for target, expected in op.targets():
        if target in created:
            continue
        what = describe_target(base, target, op)
        found = current.get(target)
        if isinstance(op, Move):
            if found is None:
                return conflict(target, Message("ops.deleted_since", what=what))
            universe = base.nodes.keys() & current.nodes.keys()
            if place_of(found, universe) == place_of(base.get(target), universe):
                states.append("apply")
                continue
            universe = theirs.nodes.keys() & current.nodes.keys()
            if place_of(found, universe) == place_of(theirs.get(target), universe):
                states.append("already")
                continue
            return conflict(target, Message("ops.moved_since", what=what))
        actual = current.sha(target)
        if actual == expected:
            states.append("apply")
        elif actual == theirs.sha(target):
            states.append("already")
        elif found is None:
            return conflict(target, Message("ops.deleted_since", what=what))
        elif (blockwise := sides.blockwise(op, target)) is not None:
            if isinstance(blockwise, Conflict):
                return blockwise
            merged = blockwise
        else:
            return conflict(target, Message("ops.changed_since", what=what))
    for ident in op.creates():
        found = current.get(ident)
        if found is None:
            states.append("apply")
        elif (theirs_node := theirs.get(ident)) is not None and xml_of(found) == xml_of(theirs_node):
            states.append("already")
        else:
            return conflict(ident, Message("ops.id_used", id=repr(ident)))
    if merged is not None:
        return merged  # an in-place operation has one target
    if states and all(state == "already" for state in states):
        return "already"
    if "already" in states:
        return conflict(_primary(op), Message("ops.partly_there"))
    return "apply"


def _add_conflict(conflicts: list[Conflict], conflict: Conflict) -> None:
    """One conflict per target: a second operation on the same target joins the first."""
    for index, known in enumerate(conflicts):
        if known.target == conflict.target and known.reason == conflict.reason:
            operation = f"{known.operation}; {conflict.operation}" if conflict.operation else known.operation
            conflicts[index] = replace(known, operation=operation)
            return
    conflicts.append(conflict)


def _put(element: etree._Element, merged: etree._Element) -> None:
    """Give `element` (in the working tree, where it stands) the attributes and content of `merged`."""
    element.attrib.clear()
    element.attrib.update(dict(merged.attrib))
    element.text = merged.text
    for child in list(element):
        element.remove(child)
    for child in merged:
        element.append(copy.deepcopy(child))


def merge(base: etree._Element, current: etree._Element, ops: Iterable[Operation]) -> MergeResult:
    """Apply `ops`, drafted against `base`, to (a copy of) `current` as a three-way merge.

    Per target: untouched since the base -> the operation applies; already changed the same way ->
    skipped; a clause (preamble, metadata) the amendment edits in place and that changed since ->
    merged block by block, conflicting only in blocks changed on both sides; deleted, moved
    elsewhere, changed by an operation that is not in place, or an id taken -> a `Conflict`. When
    there are conflicts, `root` holds every other operation applied (a starting point for a rebase).
    The result must also be a valid agreement; if not, that is a conflict too.
    """
    ops = list(ops)
    base_tree = Tree(base)
    sides = _Sides(base_tree, Tree(current), Tree(apply(base, ops)), ops)
    verdicts: list[Verdict] = []
    created: set[str] = set()
    for op in ops:
        verdicts.append(_verdict(op, sides, created))
        created.update(op.creates())
    before, theirs = sides.current, sides.theirs
    work = Tree(copy.deepcopy(current), known=base_tree.nodes.keys())
    result = MergeResult(work.root)
    for op, verdict in zip(ops, verdicts, strict=True):
        if isinstance(verdict, Conflict):
            _add_conflict(result.conflicts, verdict)
            continue
        if isinstance(verdict, _Blockwise):
            element = work.get(verdict.target)
            assert element is not None  # an in-place target stands where it stood
            _put(element, verdict.element)
            result.applied.append(op)
            if verdict.target not in result.blockwise:
                result.blockwise.append(verdict.target)
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
                    Message("ops.cannot_apply", said=exc.said),
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
            result.conflicts.append(Conflict("(text)", Message("ops.merged_invalid", said=found[0].message)))
    return result
