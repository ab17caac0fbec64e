"""Remedies for a conflict: redraft an amendment against the current text (`amend rebase`); it is
proposed again with a `revised` event."""

from __future__ import annotations

from ...errors import AkkoordError
from ...messages import Message
from ...model import amendment_names as an
from ...model import canonical
from ...model.dates import moment_text, now
from ...ops import amendments as ops
from ...ops.amendments import Amendment, Conflict, Event
from ..gitrepo import Identity
from ..workspace import Workspace
from .contest import CONTESTED, recorded
from .lifecycle import check_options, check_time, commit_change, head_base, require, validated
from .loading import find, load, refuse_damaged
from .paths import event_bytes, new_event_path, person, record_path
from .texts import TextCache, base_text, pending_text


def rebase_start(workspace: Workspace, ref: str) -> tuple[Amendment, bytes, list[Conflict]]:
    """The starting point for resolving a conflict: the current text (with the other accepted amendments)
    with every operation of the amendment that still applies; the conflicts left to resolve by hand."""
    amendments = load(workspace)
    amendment = find(amendments, ref)
    require(amendment, (an.PROPOSED, an.ACCEPTED, CONTESTED), "rebase")
    refuse_damaged(amendments, Message("store.cannot.rebase", id=amendment.id))
    cache: TextCache = {}
    current, _ = pending_text(workspace, amendments, exclude=amendment.id, cache=cache)
    result = ops.merge(base_text(workspace, amendment, amendments, cache), current, amendment.operations)
    return amendment, canonical.to_bytes(result.root), result.conflicts


def rebase(
    workspace: Workspace,
    ref: str,
    edited: bytes,
    source_name: str,
    actor: Identity,
    reason: str = "",
    timestamp: int | None = None,
) -> Amendment:
    """Replace an amendment's operations by those of `edited`, an edited copy of the current text (with the
    other accepted amendments); the amendment is proposed again (a `revised` event)."""
    check_options(reason=reason)
    amendments = load(workspace)
    amendment = find(amendments, ref)
    require(amendment, (an.PROPOSED, an.ACCEPTED, CONTESTED), "rebase")
    refuse_damaged(amendments, Message("store.cannot.rebase", id=amendment.id))
    ts = timestamp if timestamp is not None else now()
    check_time(amendment, ts, "rebase")
    cache: TextCache = {}
    current, applied = pending_text(workspace, amendments, exclude=amendment.id, cache=cache)
    edited_root = validated(edited, source_name)
    try:
        operations = tuple(ops.derive(current, edited_root))
    except ops.DeriveError as exc:
        raise AkkoordError.keyed("store.source_said", source=source_name, said=exc.said) from None
    if not operations:
        raise AkkoordError.keyed("store.rebase_changes_nothing", source=source_name, id=amendment.id)
    old_base = base_text(workspace, amendment, amendments, cache)
    changed_since = ops.changed_targets(old_base, current)
    own = {t for op in amendment.operations for t, _ in op.targets()} | {
        i for op in amendment.operations for i in op.creates()
    }
    new = {t for op in operations for t, _ in op.targets()} | {i for op in operations for i in op.creates()}
    undone = sorted((new & changed_since) - own)
    if undone:
        raise AkkoordError.keyed("store.rebase_undoes", source=source_name, clauses=", ".join(undone), id=amendment.id)
    base = head_base(workspace, current, tuple(applied))
    revised = recorded(amendment, operations=operations, base=base, revision=amendment.revision + 1, history=())
    why = reason or workspace.in_text_language(Message("amend.rebased_onto", base=base.describe()))
    event = Event(an.REVISED, person(actor), moment_text(ts), revised.revision, why)
    changes = {
        record_path(amendment.known_id): ops.to_bytes(revised, history=False),
        new_event_path(workspace, amendment.known_id, event): event_bytes(event),
    }
    subject = Message("commit.amend.rebase", id=amendment.id, title=amendment.title)
    commit_change(workspace, changes, subject, amendment.known_id, an.REVISED, actor, ts)
    return recorded(revised, history=amendment.history + (event,), settled=an.PROPOSED)
