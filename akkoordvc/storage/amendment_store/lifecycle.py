"""An amendment's life: propose, then accept, reject or withdraw; each step is one commit of new files
whose author is the person acting (trailer `Akkoord-Change: amendment`)."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from typing import Any

from lxml import etree

from ...errors import AkkoordError
from ...messages import Message
from ...model import amendment_names as an
from ...model import canonical
from ...model.dates import day_text, moment_seconds, moment_text, now
from ...model.strings import one_line
from ...model.validate import problems
from ...model.xmlparse import check_text
from ...ops import amendments as ops
from ...ops.amendments import Amendment, Base, Event
from ..gitrepo import Identity
from ..workspace import TEXT_PATH, Workspace
from .contest import CONTESTED, describe_status, final_status, how_to_resolve, recorded, status_word
from .loading import find, load, refuse_damaged
from .paths import (
    CHANGE,
    EVENTS,
    README,
    RECORD,
    event_bytes,
    event_path,
    new_event_path,
    new_id,
    person,
    readme_text,
    record_path,
)
from .paths import (
    FOLDER as FOLDER_NAME,
)
from .texts import AmendmentConflict, TextCache, base_text, label_for, locate_base, parse_text, pending_text

_LINE_LIMIT = 4000  # schemas/amendment.xsd, type Line

#: Signs a decision before it is committed (`trust.decisions`, in a repository with a signatory registry): given
#: the amendment, the new event file's path and bytes, the files to add to the same commit and the lines to add
#: to its message.
Signer = Callable[[Amendment, str, bytes], tuple[dict[str, bytes], str]]


def validated(data: bytes, source: str) -> etree._Element:
    root = parse_text(data, source)
    found = problems(root)
    if found:
        more = Message("store.invalid_more_in", count=len(found) - 1, source=source) if len(found) > 1 else ""
        raise AkkoordError.keyed("store.invalid", source=source, line=found[0].line, said=found[0].message, more=more)
    return root


def commit_change(
    workspace: Workspace,
    changes: dict[str, bytes],
    subject: str | Message,
    amendment_id: str,
    status: str,
    actor: Identity,
    ts: int,
    trailers: str = "",
) -> str:
    _check_records(changes, amendment_id)
    message = change_message(workspace.in_text_language(subject), amendment_id, status)
    if trailers:
        message += f"\n{trailers}"
    head = workspace.head()
    if workspace.repo.read(head, README) is None:
        changes = {README: readme_text(workspace), **changes}
    return workspace.commit(dict(changes), message, CHANGE, actor, timestamp=ts)


def _check_records(changes: dict[str, bytes], amendment_id: str) -> None:
    """Read back every record and event about to be committed, as `load` will: a record the repository could
    not read again (e.g. a title over the schema's length) would break every later command, so it is refused
    here and nothing is written."""
    for path, data in changes.items():
        parts = path.split("/")
        try:
            if len(parts) == 3 and parts[2] == RECORD:
                ops.parse_amendment(data, path)
            elif len(parts) == 4 and parts[2] == EVENTS:
                ops.parse_event(data, path)
        except AkkoordError as exc:
            reason = exc.message.split(": ", 1)[1] if exc.message.startswith(path) else exc.message
            raise AkkoordError.keyed("store.cannot_record", id=amendment_id, why=one_line(reason)) from None


def check_options(
    title: str | None = None, reason: str | None = None, source: str | None = None, rationale: tuple[str, ...] = ()
) -> None:
    """Text given on the command line that an amendment record could not hold: one clear line, before any work."""
    check_text(title, "--title", line=True, limit=_LINE_LIMIT)
    check_text(reason, "--reason", limit=_LINE_LIMIT)
    check_text(source, "--source", limit=_LINE_LIMIT)
    for paragraph in rationale:
        check_text(paragraph, "--rationale", limit=_LINE_LIMIT)


def require(amendment: Amendment, allowed: tuple[str, ...], action: str) -> None:
    if amendment.status in allowed:
        return
    status = amendment.status
    cannot = Message(f"store.cannot.{action}", id=amendment.id)
    shown = describe_status(amendment)
    if status == CONTESTED:
        raise AkkoordError.keyed(
            "store.refused_contested", cannot=cannot, status=shown, how=how_to_resolve(amendment.known_id)
        )
    if status == an.ACCEPTED:
        tail = "unchanged" if action == "accept" else "accepted"
    else:
        tail = "consolidated" if status == an.CONSOLIDATED else "final"
    raise AkkoordError.keyed("store.refused_already", cannot=cannot, status=shown, tail=Message(f"store.tail.{tail}"))


def check_time(amendment: Amendment, ts: int, action: str, label: str = "") -> None:
    """A new event comes after every event it follows (after both sides of a contest, too). `action`: accept,
    reject, withdraw, supersede, rebase or consolidate (into version `label`)."""
    if not amendment.history:
        return
    last = max(reversed(amendment.history), key=lambda e: moment_seconds(e.at))
    if ts < moment_seconds(last.at):
        raise AkkoordError.keyed(
            "store.too_early",
            cannot=Message(f"store.cannot.{action}", id=amendment.id, label=label),
            date=day_text(ts),
            status=status_word(last.status),
            at=last.at[:10],
        )


def head_base(workspace: Workspace, root: etree._Element, on: tuple[str, ...]) -> Base:
    sha = canonical.text_sha256(root)
    head_sha = hashlib.sha256(workspace.head_text()).hexdigest()
    return Base(text_sha256=sha, label=label_for(workspace, head_sha), commit=workspace.head(), on=on)


def propose(workspace: Workspace, *, actor: Identity, title: str | None, **options: Any) -> Amendment:
    """Record a new amendment: from an edited copy of a text (`edited`) or an amendment record (`record`); the
    options are those of `proposal`."""
    amendment, changes, ts = proposal(workspace, actor=actor, title=title, **options)
    commit_proposal(workspace, amendment, changes, actor, ts)
    return amendment


def commit_proposal(
    workspace: Workspace, amendment: Amendment, changes: dict[str, bytes], actor: Identity, ts: int
) -> str:
    """Commit the files `proposal` made."""
    return commit_change(workspace, changes, _proposal_subject(amendment), amendment.known_id, an.PROPOSED, actor, ts)


def _proposal_subject(amendment: Amendment) -> Message:
    return Message("commit.amend.propose", id=amendment.known_id, title=amendment.title)


def proposal_message(amendment: Amendment, lang: str) -> str:
    """The message of the commit that records a proposal, in `lang` (the agreement's language)."""
    return change_message(_proposal_subject(amendment).render(lang), amendment.known_id, an.PROPOSED)


def change_message(subject: str, amendment_id: str, status: str) -> str:
    return f"{subject}\n\nAkkoord-Amendment: {amendment_id}\nAkkoord-Status: {status}"


def proposal(
    workspace: Workspace,
    *,
    actor: Identity,
    title: str | None,
    edited: bytes | None = None,
    record: bytes | None = None,
    source_name: str = "<input>",
    base_ref: str | None = None,
    co_proposers: tuple[Identity, ...] = (),
    rationale: tuple[str, ...] = (),
    source: str | None = None,
    supersedes: tuple[str, ...] = (),
    timestamp: int | None = None,
    force: bool = False,
) -> tuple[Amendment, dict[str, bytes], int]:
    """A new amendment and the files that record it (its record, its `proposed` event, the `superseded` events of
    what it replaces), and its time, without committing them (see `propose`).

    The same change as an amendment still open (proposed, contested, or accepted and not yet in a version) is
    refused unless `force`: proposing twice is nearly always a mistake (a command run again)."""
    check_options(title=title, source=source, rationale=rationale)
    amendments = load(workspace)
    replaced = [find(amendments, ref) for ref in supersedes]
    for old in replaced:
        require(old, (an.PROPOSED,), "supersede")
    ts = timestamp if timestamp is not None else now()
    proposers = tuple(dict.fromkeys([person(actor), *(person(p) for p in co_proposers)]))
    if edited is not None:
        edited_root = validated(edited, source_name)
        base_root, base = _base_for_edit(workspace, base_ref, edited_root)
        try:
            operations = tuple(ops.derive(base_root, edited_root))
        except ops.DeriveError as exc:
            raise AkkoordError.keyed("store.source_said", source=source_name, said=exc.said) from None
        if not operations:
            raise AkkoordError.keyed("store.same_as_base", source=source_name, base=base.describe())
        if not title:
            raise AkkoordError.keyed("store.needs_title")
        amendment = Amendment(
            title,
            proposers,
            day_text(ts),
            base,
            operations,
            source=source or "",
            rationale=rationale,
            supersedes=tuple(o.known_id for o in replaced),
        )
    elif record is not None:
        handed = ops.parse_amendment(record, source_name)
        base_root = locate_base(workspace, handed.base, amendments, source_name, {})
        ops.check_against_base(handed, base_root, source_name)
        commit_of = _base_commit(workspace, handed.base, base_root)
        amendment = dataclasses.replace(
            handed,
            title=title or handed.title,
            proposers=tuple(dict.fromkeys([*handed.proposers, person(actor), *(person(p) for p in co_proposers)])),
            date=day_text(ts),
            base=dataclasses.replace(handed.base, commit=commit_of or handed.base.commit),
            source=source if source is not None else handed.source,
            rationale=rationale or handed.rationale,
            supersedes=tuple(dict.fromkeys([*handed.supersedes, *(o.known_id for o in replaced)])),
            history=(),
            revision=1,
            id=None,
        )
    else:
        raise AkkoordError.keyed("store.needs_input")
    for old_id in amendment.supersedes:
        if old_id not in amendments:
            raise AkkoordError.keyed("store.supersedes_unknown", id=repr(old_id))
    twin = None if force else same_change(amendments, amendment)
    if twin is not None:
        raise AkkoordError(Message("amend.same_change", id=twin.known_id, title=twin.title, status=twin.status))
    seed = ops.to_bytes(amendment, history=False) + f"{actor}\n{ts}".encode()
    ident = new_id(amendment.date, amendment.title, seed, {*amendments, *amendments.damaged})
    amendment = dataclasses.replace(amendment, id=ident)
    event = Event(an.PROPOSED, person(actor), moment_text(ts), 1)
    changes = {
        record_path(ident): ops.to_bytes(amendment, history=False),
        event_path(ident, event): event_bytes(event),
    }
    for old in replaced:
        check_time(old, ts, "supersede")
        gone = Event(an.SUPERSEDED, person(actor), moment_text(ts), old.revision, f"superseded by {ident}")
        changes[event_path(old.known_id, gone)] = event_bytes(gone)
    _check_records(changes, ident)
    return dataclasses.replace(amendment, history=(event,)), changes, ts


#: statuses in which an amendment is still open: the same change proposed again would be a second copy
_OPEN = (an.PROPOSED, CONTESTED, an.ACCEPTED)


def same_change(amendments: dict[str, Amendment], amendment: Amendment) -> Amendment | None:
    """An open amendment among `amendments` that makes exactly the changes `amendment` makes, if any."""
    mine = _changes(amendment)
    for other in amendments.values():
        if other.status in _OPEN and other.known_id not in amendment.supersedes and _changes(other) == mine:
            return other
    return None


def _changes(amendment: Amendment) -> list[bytes]:
    return [canonical.to_bytes(op.to_xml()) for op in amendment.operations]


def _base_commit(workspace: Workspace, base: Base, root: etree._Element) -> str | None:
    from ..versions import find_version

    if base.commit and workspace.repo.resolve(base.commit):
        return workspace.repo.resolve(base.commit)
    if base.label:
        version = find_version(workspace, base.label)
        if version is not None:
            return version.commit
    return None


def _closest_base(workspace: Workspace, edited_root: etree._Element) -> tuple[etree._Element, Base]:
    """The text an edited copy was most likely made from: the current text or a version, whichever differs
    from it in the fewest clauses (ties: the current text, then the newest version). A copy of an old
    version is thus compared with that version, and never turned into operations that undo later changes."""
    from ..versions import versions

    head = workspace.head()
    candidates = [(head, None)] + [(v.commit, v.label) for v in reversed(versions(workspace))]
    best: tuple[int, str, str | None, etree._Element] | None = None
    seen: set[str] = set()
    for commit, label in candidates:
        data = workspace.text_at(commit)
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        root = parse_text(data, f"{TEXT_PATH} at {label or commit[:12]}")
        score = len(ops.changed_targets(root, edited_root))
        if best is None or score < best[0]:
            best = (score, commit, label, root)
    assert best is not None  # the current text is always a candidate
    _, commit, label, root = best
    if commit == head:
        return root, head_base(workspace, root, ())
    return root, Base(text_sha256=canonical.text_sha256(root), label=label, commit=commit)


def _base_for_edit(
    workspace: Workspace, base_ref: str | None, edited_root: etree._Element
) -> tuple[etree._Element, Base]:
    """The text an edited copy is compared with: `base_ref` (a version or revision), by default the closest
    of the current text and the versions."""
    if base_ref is None:
        return _closest_base(workspace, edited_root)
    from ..refs import resolve

    resolved = resolve(base_ref, workspace=workspace)
    if resolved.commit is None:
        raise AkkoordError.keyed("store.edited.base_not_here", base=base_ref)
    root = resolved.document.root
    return root, Base(
        text_sha256=canonical.text_sha256(root),
        label=resolved.label or label_for(workspace, canonical.text_sha256(root)),
        commit=resolved.commit,
    )


def _decide(
    workspace: Workspace,
    ref: str,
    status: str,
    actor: Identity,
    reason: str,
    timestamp: int | None,
    allowed: tuple[str, ...],
    action: str,
    sign: Signer | None = None,
) -> Amendment:
    check_options(reason=reason)
    amendments = load(workspace)
    amendment = find(amendments, ref)
    require(amendment, allowed, action)
    if status == an.WITHDRAWN and sign is None and not is_proposer(amendment, actor):
        raise AkkoordError(
            Message(
                "amend.withdraw_not_proposer",
                id=amendment.known_id,
                by=str(actor),
                proposers=", ".join(str(p) for p in amendment.proposers),
            )
        )
    ts = timestamp if timestamp is not None else now()
    check_time(amendment, ts, action)
    event = Event(status, person(actor), moment_text(ts), amendment.revision, reason)
    if status == an.ACCEPTED:
        refuse_damaged(amendments, Message("store.cannot.accept", id=amendment.id))
        _merge_for_acceptance(workspace, amendment, amendments)
    subject = Message(f"commit.amend.{action}", id=amendment.id, title=amendment.title)
    path = new_event_path(workspace, amendment.known_id, event)
    changes, trailers = {path: event_bytes(event)}, ""
    if sign is not None:
        signed, trailers = sign(amendment, path, changes[path])
        changes.update(signed)
    commit_change(workspace, changes, subject, amendment.known_id, status, actor, ts, trailers)
    # the new event's commit descends from every event before it: it is the amendment's one standing decision
    history = amendment.history + (event,)
    return recorded(amendment, history=history, settled=final_status(status, history, amendment.revision))


def _merge_for_acceptance(workspace: Workspace, amendment: Amendment, amendments: dict[str, Amendment]) -> None:
    cache: TextCache = {}
    current, applied = pending_text(workspace, amendments, exclude=amendment.id, cache=cache)
    base = base_text(workspace, amendment, amendments, cache)
    result = ops.merge(base, current, amendment.operations)
    if result.conflicts:
        first = result.conflicts[0]
        with_ = Message("store.with_accepted", ids=", ".join(applied)) if applied else ""
        since = Message("store.since", commit=workspace.head()[:12], accepted=with_)
        more = Message("store.more", count=len(result.conflicts) - 1) if len(result.conflicts) > 1 else ""
        raise AmendmentConflict(
            Message(
                "store.conflicts", id=amendment.id, since=since, clause=first.target, reason=first.reason, more=more
            ),
            amendment,
            result.conflicts,
            current,
        )


def accept(
    workspace: Workspace,
    ref: str,
    actor: Identity,
    reason: str = "",
    timestamp: int | None = None,
    sign: Signer | None = None,
) -> Amendment:
    """Accept a proposed amendment: a three-way merge against the current text plus the amendments accepted
    before it; a conflict refuses (AmendmentConflict, exit 3) and changes nothing."""
    return _decide(workspace, ref, an.ACCEPTED, actor, reason, timestamp, (an.PROPOSED, CONTESTED), "accept", sign)


def reject(
    workspace: Workspace,
    ref: str,
    actor: Identity,
    reason: str,
    timestamp: int | None = None,
    sign: Signer | None = None,
) -> Amendment:
    if not (reason or "").strip():
        raise AkkoordError.keyed("store.needs_reason")
    return _decide(workspace, ref, an.REJECTED, actor, reason, timestamp, (an.PROPOSED, CONTESTED), "reject", sign)


def is_proposer(amendment: Amendment, actor: Identity) -> bool:
    """Whether `actor` is one of the amendment's proposers: the same e-mail address, or the same name (a --by
    without an address)."""
    email, name = actor.email.lower(), one_line(actor.name).lower()
    return any(p.email.lower() == email or one_line(p.name).lower() == name for p in amendment.proposers)


def withdraw(
    workspace: Workspace,
    ref: str,
    actor: Identity,
    reason: str = "",
    timestamp: int | None = None,
    sign: Signer | None = None,
) -> Amendment:
    """Withdraw a proposed amendment: by a proposer, or by a registry admin. A signed decision (`sign`, given in
    a repository with a signatory registry) is signed with the admins' registered keys, and the signer refuses
    any other key: that proves the admin, who may withdraw an amendment proposed by someone else."""
    return _decide(workspace, ref, an.WITHDRAWN, actor, reason, timestamp, (an.PROPOSED, CONTESTED), "withdraw", sign)


def received_proposal(workspace: Workspace, files: dict[str, bytes], source: str) -> tuple[Amendment, dict[str, bytes]]:
    """A proposal made in another clone (`amend propose --out`), checked as `propose` checks its own: one new
    amendment's record and its `proposed` event, `superseded` events of proposed amendments only, a record that
    fits its base. Returns the amendment and the files to commit, unchanged (with the folder's README when the
    repository has none yet)."""
    records = {path: data for path, data in files.items() if path.endswith("/" + RECORD)}
    if len(records) != 1:
        raise AkkoordError(Message("amend.received.records", source=source, count=len(records)))
    ((path, data),) = records.items()
    amendment = ops.parse_amendment(data, f"{source}: {path}")
    if path != record_path(amendment.known_id):
        raise AkkoordError(
            Message(
                "amend.received.misplaced",
                source=source,
                path=path,
                id=amendment.known_id,
                at=record_path(amendment.known_id),
            )
        )
    amendments = load(workspace)
    if amendment.known_id in amendments:
        raise AkkoordError(Message("amend.received.already", source=source, id=amendment.known_id))
    proposed = 0
    for event_file, event_data in files.items():
        if event_file == path:
            continue
        parts = event_file.split("/")
        if len(parts) != 4 or parts[0] != FOLDER_NAME or parts[2] != EVENTS:
            raise AkkoordError(Message("amend.received.stray", source=source, path=event_file))
        event = ops.parse_event(event_data, f"{source}: {event_file}")
        if event_file != event_path(parts[1], event):
            raise AkkoordError(Message("amend.received.misnamed", source=source, path=event_file))
        if parts[1] == amendment.known_id and event.status == an.PROPOSED:
            proposed += 1
        elif parts[1] in amendments and event.status == an.SUPERSEDED:
            require(amendments[parts[1]], (an.PROPOSED,), "supersede")
        else:
            raise AkkoordError(Message("amend.received.event", source=source, path=event_file, status=event.status))
    if proposed != 1:
        raise AkkoordError(Message("amend.received.proposed", source=source, count=proposed, id=amendment.known_id))
    base_root = locate_base(workspace, amendment.base, amendments, source, {})
    ops.check_against_base(amendment, base_root, source)
    if workspace.repo.read(workspace.head(), README) is None:
        files = {README: readme_text(workspace), **files}
    return amendment, files
