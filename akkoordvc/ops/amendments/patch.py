"""Carrying operations out on a text (xmldiff's patch): `apply`, after checking every base hash."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator

from lxml import etree

from ...messages import Message
from .errors import OperationError, StaleError
from .nodes import node_kind
from .operations import Operation, ReplaceDivisionHeading
from .tree import META_TARGET, PREAMBLE_TARGET, Tree


def describe_target(tree: Tree, target: str, op: Operation | None = None) -> Message:
    """What an operation's target is, in words ("clause ma-akbanken", "the preamble")."""
    if target == META_TARGET:
        return Message("ops.target.meta")
    if target == PREAMBLE_TARGET:
        return Message("ops.target.preamble")
    element = tree.get(target)
    if element is not None:
        return Message("ops.target.node", kind=node_kind(element.tag), id=target)
    kind = getattr(op, "kind", "division" if isinstance(op, ReplaceDivisionHeading) else "clause")
    return Message("ops.target.node", kind=Message(f"amend.op.kind.{kind}"), id=repr(target))


def stale_targets(root: etree._Element, ops: Iterable[Operation]) -> list[tuple[str, str | None, str | None]]:
    """The targets whose hash in `root` is not the one the operations name: (target, expected, actual).

    Targets created by earlier operations of the same amendment are not checked.
    """
    return [(target, expected, actual) for target, expected, actual, _ in stale_operations(Tree(root), ops)]


def stale_operations(tree: Tree, ops: Iterable[Operation]) -> Iterator[tuple[str, str | None, str | None, Operation]]:
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
        before = Tree(root)
        for target, expected, actual, op in stale_operations(before, ops):
            what = describe_target(before, target, op)
            if actual is None and expected is not None:
                raise OperationError.keyed("ops.target_absent", what=what)
            raise StaleError(
                Message("ops.stale", what=what, expected=str(expected)[:12], found=str(actual)[:12]),
                target,
                expected,
                actual,
            )
    tree = Tree(copy.deepcopy(root))
    for op in ops:
        op.apply_to(tree)
    return tree.root
