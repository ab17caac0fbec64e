"""Consolidation: what `version create` adds to the text, in acceptance order, and the events saying so."""

from __future__ import annotations

from ...messages import Message
from ...model import amendment_names as an
from ...model import canonical
from ...model.dates import moment_text, timestamp_for
from ...ops.amendments import Event
from ..gitrepo import Identity
from ..workspace import Workspace
from .contest import refuse_contested
from .lifecycle import check_time
from .loading import accepted_pending, load, refuse_damaged
from .paths import event_bytes, event_path, person
from .texts import pending_text


def consolidation_for_version(
    workspace: Workspace, label: str, actor: Identity, date: str | None
) -> tuple[bytes | None, dict[str, bytes | None], tuple[str, ...]]:
    """For `version create LABEL`: the text with every accepted, not yet consolidated amendment applied in
    acceptance order, the 'consolidated' event files, and the ids. (None, {}, ()) when there are none."""
    amendments = load(workspace)
    refuse_damaged(amendments, Message("store.cannot.create_version", label=label))
    refuse_contested(amendments, Message("store.cannot.create_version", label=label))
    pending = accepted_pending(amendments)
    if not pending:
        return None, {}, ()
    root, applied = pending_text(workspace, amendments)
    ts = timestamp_for(date)
    changes: dict[str, bytes | None] = {}
    for amendment in pending:
        check_time(amendment, ts, "consolidate", label)
        why = workspace.in_text_language(
            Message("amend.history.version", label=label)
        )  # written in the text's language
        event = Event(an.CONSOLIDATED, person(actor), moment_text(ts), amendment.revision, why)
        changes[event_path(amendment.known_id, event)] = event_bytes(event)
    return canonical.to_bytes(root), changes, tuple(applied)
