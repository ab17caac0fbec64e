"""Adding admin-signed records: the first record of a registry, registry changes, cosigning, resolving a fork.

`commit_record` is the one way every admin record is made (registry changes here, version
records in `trust.versions`, amendment decisions in `trust.decisions`): on top of the current
heads, signed by admin keys of the registry in force, committed with its signatures in one commit.
A record that has fewer signatures than the threshold is committed and counts once other admins
`cosign` it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import Message
from ..model import registry_names as rn
from ..model.dates import today as _today
from ..model.ids import SIGNATORY_ID as ID_PATTERN
from ..storage.gitrepo import Identity
from ..storage.workspace import Workspace
from . import sshsig
from .model import AdminKey, Registry, RegistryError
from .records import Record, make_record, record_files, sign, sign_all, signature_path, trailers
from .registry import RegistryState, anchor_of, describe, describe_all, load_state
from .registry_ops import EMPTY, add_admin, apply_ops, set_threshold


def genesis_files(admin_pubkey_paths: list[str], threshold: int, actor: Any = None) -> tuple[dict[str, bytes], str]:
    """The files of a new registry (for `akkoord init --admin-key`) and its trust anchor.

    Admin key ids are taken from the key files' names (`secretariaat.pub` -> `secretariaat`)."""
    ops: list[dict[str, Any]] = []
    used: set[str] = set()
    blobs: set[bytes] = set()
    day = _today()
    for path in admin_pubkey_paths:
        key = sshsig.read_public_key_file(path)
        if key.blob in blobs:
            raise RegistryError.keyed("sig.admin_key_twice", path=path)
        blobs.add(key.blob)
        sshsig.fingerprint_with_ssh_keygen(key)
        base = re.sub(r"[^a-z0-9._-]+", "-", Path(path).name.lower().removesuffix(".pub")).strip("-._")[:60] or "admin"
        ident, n = base, 2
        while ident in used or not ID_PATTERN.match(ident):
            ident = f"{base}-{n}" if ID_PATTERN.match(f"{base}-{n}") else f"admin-{n}"
            n += 1
        used.add(ident)
        ops += add_admin(AdminKey(public=key, start=day, id=ident, name=ident))
    if threshold > len(blobs):
        raise RegistryError.keyed("sig.threshold_too_high", threshold=threshold, count=len(blobs))
    record = make_record(rn.REGISTRY, [], day, {rn.OPS: ops + set_threshold(threshold)})
    apply_ops(EMPTY, record.get(rn.OPS), 0, day, Message("sig.what.new_registry"))
    return {record.path: record.data}, anchor_of(record.sha)


def start_registry(
    workspace: Workspace, admin_pubkey_paths: list[str], threshold: int, by: Identity
) -> tuple[str, str]:
    """Give an existing repository (made without --admin-key) its registry; return (commit, trust anchor)."""
    state = load_state(workspace)
    state.refuse_damaged()  # deleted records are a registry to restore, not one to start again
    if state.records:
        raise RegistryError.keyed("sig.registry_exists")
    files, anchor = genesis_files(admin_pubkey_paths, threshold, by)
    message = f"{workspace.in_text_language(Message('commit.registry_start'))}\n\nAkkoord-Registry-Anchor: {anchor}"
    return workspace.commit({**files}, message, "registry", by), anchor


# adding records --------------------------------------------------------------------------------------
@dataclass
class Committed:
    """A record committed with its signatures, and whether it counts yet."""

    record: Record
    registry: Registry  # the registry after it (for a registry change) or the one it was made under
    commit: str
    signed_by: list[str]
    threshold: int

    @property
    def complete(self) -> bool:
        return len(self.signed_by) >= self.threshold


def signed_record(
    state: RegistryState,
    kind: str,
    body: dict[str, Any],
    day: dt.date,
    key_paths: list[str],
    parents: list[Record] | None = None,
    regime: Registry | None = None,
) -> tuple[Committed, dict[str, bytes | None], str]:
    """A record of `kind` made on top of the current heads and signed with the admin `key_paths`, not yet
    committed: (what was made, the files that store it, the trailers for its commit message)."""
    current = state.require_current(for_change=kind != rn.RESOLUTION)
    regime = regime or current
    heads = parents if parents is not None else state.heads
    newest = max((h.date for h in heads), default=day)
    if day < newest:
        raise RegistryError.keyed("sig.record_after_day", newest=newest, day=day)
    record = make_record(kind, heads, day, body)
    after = apply_ops(regime, record.get(rn.OPS), record.serial, day) if kind == rn.REGISTRY else regime
    signatures = sign_all(regime, record, key_paths)
    made = Committed(record, after, "", list(signatures), regime.threshold)
    return made, record_files(record, signatures), trailers(record, signatures)


def commit_record(
    workspace: Workspace,
    state: RegistryState,
    kind: str,
    body: dict[str, Any],
    day: dt.date,
    key_paths: list[str],
    message: str | Message,
    change: str,
    by: Identity,
    extra_files: dict[str, bytes | None] | None = None,
    parents: list[Record] | None = None,
    regime: Registry | None = None,
    **commit_options: Any,
) -> Committed:
    """Make a record of `kind` on top of the current heads, sign it with the admin `key_paths`, and commit it."""
    made, files, trailer = signed_record(state, kind, body, day, key_paths, parents, regime)
    made.commit = workspace.commit(
        {**(extra_files or {}), **files},
        f"{workspace.in_text_language(message)}\n\n{trailer}",
        change,
        by,
        **commit_options,
    )
    return made


def change(
    workspace: Workspace,
    state: RegistryState,
    ops_for: Callable[[Registry], list[dict[str, Any]]],
    key_paths: list[str],
    message: str | Message,
    by: Identity,
    day: dt.date,
) -> Committed:
    """Commit a registry change: the operations `ops_for(registry in force)` gives, signed by admin keys."""
    ops = ops_for(state.require_current(for_change=True))
    return commit_record(workspace, state, rn.REGISTRY, {rn.OPS: ops}, day, key_paths, message, "registry", by)


def cosign(workspace: Workspace, state: RegistryState, key_path: str, by: Identity) -> Committed:
    """Add an admin signature to the record that awaits more signatures."""
    if state.pending is None:
        raise RegistryError.keyed("sig.nothing_to_cosign")
    pending = state.pending
    admin_id, signature = sign(pending.regime, pending.record, key_path)
    if admin_id in pending.signed_by:
        raise RegistryError.keyed(
            "sig.record_signed_already", path=key_path, admin=admin_id, record=pending.record.short
        )
    said = workspace.in_text_language(Message("commit.cosign", record=describe(pending.record)))
    message = f"{said}\n\n{trailers(pending.record, [admin_id])}"
    commit = workspace.commit({signature_path(pending.record.sha, admin_id): signature}, message, "registry", by)
    return Committed(pending.record, pending.regime, commit, [*pending.signed_by, admin_id], pending.regime.threshold)


def resolve(
    workspace: Workspace,
    state: RegistryState,
    drop: list[str],
    reason: str,
    key_paths: list[str],
    by: Identity,
    day: dt.date,
) -> Committed:
    """Settle a fork: a resolution joining every head, dropping the records `drop` names (by hash prefix)."""
    if not state.forks:
        raise RegistryError.keyed("sig.no_fork")
    forked = {sha for pair in state.forks for sha in pair}
    chosen = []
    for prefix in drop:
        matches = [sha for sha in forked if sha.startswith(prefix.lower())] if len(prefix) >= 6 else []
        if len(matches) != 1:
            listed = ", ".join(sorted(s[:12] for s in forked))
            raise RegistryError.keyed("sig.drop_unclear", prefix=prefix, listed=listed)
        chosen.append(matches[0])
    body = {rn.DROP: sorted(set(chosen)), rn.REASON: reason}
    message = Message("commit.resolve_fork", records=describe_all([state.records[s] for s in chosen]))
    kept = [h for h in state.fork_heads if h.sha not in chosen]
    regime = state.branches[kept[0].sha] if kept else None
    return commit_record(
        workspace,
        state,
        rn.RESOLUTION,
        body,
        day,
        key_paths,
        message,
        "registry",
        by,
        parents=state.fork_heads,
        regime=regime,
    )
