"""Amendment decisions signed by the admins: a forged "accepted" event is caught, and never consolidated.

In a repository with a signatory registry, every event that settles an amendment's fate (accepted,
rejected, withdrawn) is committed together with a **decision record** (type `decision` in
`records/`, see `records`) that the admin threshold signs: it names the amendment, the outcome, the
event file (its path and SHA-256), the revision decided and the SHA-256 of the amendment record
(`amendment.xml`) as it was decided. A withdrawal is signed like a rejection: it is as final, and an
unsigned one would let anyone with push access remove an amendment from the table.

`problems` checks at one commit:

1. every counting decision record backs the event it names: that file, with those bytes, of that
   amendment, with that status and revision, not dated after the day the record was signed;
2. every accepted, rejected or withdrawn event is backed by a counting decision record naming its path:
   an event written with plain git, an unsigned or under-signed record, one signed by a key not valid
   that day, or a signed event copied to another path backs nothing;
3. an accepted amendment that awaits consolidation is what its latest signed acceptance accepted: the
   same revision and the same `amendment.xml` (a record rewritten after its acceptance is caught);
4. a `consolidated` event is backed by a counting version record that lists the amendment.

Contests stay with the amendment store: when two clones decide one amendment differently, each
decision is signed and verifies, the amendment is `contested`, and `version create` refuses it until a
decision recorded after both (and signed) settles it. Decisions commute in the record DAG (they are
no `registry-fork`), except with a change of the admins made concurrently, like every admin record.
"""

from __future__ import annotations

import datetime as dt

from ..errors import AkkoordError
from ..messages import Message
from ..model import amendment_names as an
from ..model import canonical
from ..model import registry_names as rn
from ..model.dates import now_on, parse_day
from ..ops import amendments as ops
from ..ops.amendments import Amendment, Event
from ..storage import amendment_store as store
from ..storage.gitrepo import Identity
from ..storage.workspace import Workspace
from . import Problem, printable
from .anchor import remembered
from .changes import Committed, signed_record
from .records import Record
from .registry import RegistryState, load_state
from .versions import chain

#: the event status each outcome records
STATUS = {rn.ACCEPT: an.ACCEPTED, rn.REJECT: an.REJECTED, rn.WITHDRAW: an.WITHDRAWN}
_DECIDE = {rn.ACCEPT: store.accept, rn.REJECT: store.reject, rn.WITHDRAW: store.withdraw}


def decide(
    workspace: Workspace,
    outcome: str,
    ref: str,
    actor: Identity,
    reason: str,
    timestamp: int | None,
    key_paths: list[str],
    today: dt.date,
) -> tuple[Amendment, Committed | None]:
    """`amend accept|reject|withdraw`: the decision, signed by the admin `key_paths` in a repository with a
    registry (the event and its record in one commit), and as before in one without."""
    state = load_state(workspace, remembered(workspace), today)
    if not state.records:
        if key_paths:
            raise AkkoordError.keyed("registry.decision.no_registry_key")
        return _DECIDE[outcome](workspace, ref, actor, reason, timestamp), None
    if not key_paths:
        raise AkkoordError.keyed("trust.decision_needs_key")
    state.require_current(for_change=True)
    made: list[Committed] = []

    def sign(amendment: Amendment, path: str, data: bytes) -> tuple[dict[str, bytes], str]:
        day = parse_day(ops.parse_event(data, path).at[:10])
        if day > today:
            raise AkkoordError.keyed("registry.decision.after_today", day=day, today=today)
        held = workspace.repo.read(workspace.head(), store.record_path(amendment.known_id)) or b""
        body = {
            rn.AMENDMENT: amendment.known_id,
            rn.OUTCOME: outcome,
            rn.EVENT: path,
            rn.EVENT_SHA256: canonical.sha256(data),
            rn.REVISION: amendment.revision,
            rn.AMENDMENT_SHA256: canonical.sha256(held),
        }
        signed, files, trailers = signed_record(state, rn.DECISION, body, today, key_paths)
        made.append(signed)
        return {name: value for name, value in files.items() if value is not None}, trailers

    moment = timestamp if timestamp is not None else now_on(today)
    done = _DECIDE[outcome](workspace, ref, actor, reason, moment, sign=sign)
    made[0].commit = workspace.head()
    return done, made[0]


# checking ----------------------------------------------------------------------------------------------
def _event_files(contents: dict[str, bytes]) -> dict[str, tuple[str, Event]]:
    """path -> (amendment id, event) for every readable event file (a damaged one is the store's to report)."""
    found: dict[str, tuple[str, Event]] = {}
    for path, data in contents.items():
        parts = path.split("/")
        if len(parts) == 4 and parts[2] == store.EVENTS and parts[3].endswith(".xml"):
            try:
                found[path] = (parts[1], ops.parse_event(data, path))
            except AkkoordError:
                continue
    return found


def _mismatch(record: Record, contents: dict[str, bytes], events: dict[str, tuple[str, Event]]) -> Message | None:
    """Why a counting decision record does not back the event it names (rule 1), or None."""
    path, ident = str(record.get(rn.EVENT)), str(record.get(rn.AMENDMENT))
    outcome = record.get(rn.OUTCOME)
    if outcome not in STATUS:
        return Message(
            "registry.decision.outcome", outcome=printable(str(outcome)[:40]), outcomes=", ".join(rn.OUTCOMES)
        )
    if path.split("/")[:3] != [store.FOLDER, ident, store.EVENTS]:
        return Message("registry.decision.not_its_event", path=printable(path[:200]), id=printable(ident))
    data = contents.get(path)
    if data is None:
        return Message("registry.decision.event_missing", path=printable(path))
    if canonical.sha256(data) != record.get(rn.EVENT_SHA256):
        return Message("registry.decision.event_changed", path=printable(path))
    if path not in events:
        return Message("registry.decision.event_unreadable", path=printable(path))
    event = events[path][1]
    if event.status != STATUS[outcome]:
        return Message(
            "registry.decision.says",
            outcome=Message(f"registry.decision.outcome.{outcome}"),
            status=Message(f"amend.status.{event.status}"),
        )
    if event.revision != record.get(rn.REVISION):
        return Message("registry.decision.revision", revision=record.get(rn.REVISION), event=event.revision)
    if event.at[:10] > record.date.isoformat():
        return Message("registry.decision.signed_before", date=record.date, day=event.at[:10])
    return None


def problems(workspace: Workspace, state: RegistryState, commit: str | None = None) -> list[tuple[str, Problem]]:
    """(amendment id, problem) for every rule of the module docstring broken at `commit` (default HEAD)."""
    commit = commit or workspace.head()
    consolidated_by = {str(a) for record in chain(state)[0] for a in record.get(rn.AMENDMENTS)}
    contents = workspace.repo.read_tree(commit, store.FOLDER)
    events = _event_files(contents)
    found: list[tuple[str, Problem]] = []
    backed: dict[str, Record] = {}
    for record in state.of_type(rn.DECISION):
        why = _mismatch(record, contents, events)
        ident = str(record.get(rn.AMENDMENT))
        if why is None:
            backed[str(record.get(rn.EVENT))] = record
        else:
            said = Message("registry.decision.mismatch", record=record.short, why=why)
            found.append((ident, Problem("decision-mismatch", record.path, said)))
    named = {str(r.get(rn.EVENT)): r for r in state.records.values() if r.type == rn.DECISION}
    waiting: set[str] = set()
    for path, (ident, event) in sorted(events.items()):
        if event.status == an.CONSOLIDATED and ident not in consolidated_by:
            message = Message("registry.decision.consolidated_unsigned", id=printable(ident))
            found.append((ident, Problem("decision-unsigned", path, message)))
        if event.status == an.ACCEPTED:
            waiting.add(ident)
        if event.status not in STATUS.values() or path in backed:
            continue
        unsigned = named.get(path)
        why = (
            Message("registry.decision.unsigned.not_counting", record=unsigned.short, path=unsigned.path)
            if unsigned is not None
            else Message("registry.decision.unsigned.none")
        )
        status = Message(f"amend.status.{event.status}")
        unbacked = Message(
            "registry.decision.unsigned", id=printable(ident), status=status, date=event.at[:10], why=why
        )
        found.append((ident, Problem("decision-unsigned", path, unbacked)))
    found.extend(_stale(workspace, commit, contents, backed, waiting - consolidated_by))
    return found


def _stale(
    workspace: Workspace, commit: str, contents: dict[str, bytes], backed: dict[str, Record], candidates: set[str]
) -> list[tuple[str, Problem]]:
    """Rule 3 for the amendments that are accepted and await consolidation."""
    if not candidates:
        return []
    try:
        amendments = store.load(workspace, commit)
    except AkkoordError:
        return []  # an unreadable amendments/ folder is reported by the amendment store
    found: list[tuple[str, Problem]] = []
    for ident in sorted(candidates):
        amendment = amendments.get(ident)
        if amendment is None or amendment.status != an.ACCEPTED:
            continue
        accepted = [r for r in backed.values() if r.get(rn.AMENDMENT) == ident and r.get(rn.OUTCOME) == rn.ACCEPT]
        if not accepted:
            continue  # its acceptance is not backed: rule 2 said so
        latest = max(accepted, key=lambda r: (r.get(rn.REVISION), r.serial, r.sha))
        path = store.record_path(ident)
        held = canonical.sha256(contents.get(path, b""))
        if latest.get(rn.AMENDMENT_SHA256) != held:  # the same bytes: the same revision and operations
            message = Message(
                "registry.decision.stale",
                id=printable(ident),
                record=latest.short,
                revision=latest.get(rn.REVISION),
                accepted=str(latest.get(rn.AMENDMENT_SHA256))[:16],
                now=amendment.revision,
                held=held[:16],
            )
            found.append((ident, Problem("decision-stale", path, message)))
    return found


def refuse_unverified(workspace: Workspace, state: RegistryState, ids: tuple[str, ...], label: str) -> None:
    """For `version create`: refuse to consolidate an amendment whose acceptance does not verify."""
    if not ids:
        return
    wanted = set(ids)
    for ident, problem in problems(workspace, state):
        if ident in wanted:
            raise AkkoordError.keyed(
                "registry.decision.unverified",
                label=label,
                id=printable(ident),
                where=problem.where,
                problem=problem.said,
            )


# signing decisions made before the registry ---------------------------------------------------------
def sign_made(
    workspace: Workspace, refs: list[str], actor: Identity, key_paths: list[str], today: dt.date
) -> list[tuple[str, Event, Committed]]:
    """`amend sign ID...`: a decision record for every accepted, rejected or withdrawn event of the amendments
    `refs` that no counting record backs (decisions made before the repository had a registry, or written
    without one), signed by the admin `key_paths`, all in one commit. The admins vouch for each event they
    sign, so the amendments are named one by one and every event is listed back."""
    state = load_state(workspace, remembered(workspace), today)
    if not state.records:
        raise AkkoordError.keyed("registry.decision.no_registry")
    if not key_paths:
        raise AkkoordError.keyed("registry.decision.needs_key")
    state.require_current(for_change=True)
    commit = workspace.head()
    contents = workspace.repo.read_tree(commit, store.FOLDER)
    events = _event_files(contents)
    backed = {str(r.get(rn.EVENT)) for r in state.of_type(rn.DECISION) if _mismatch(r, contents, events) is None}
    outcome_of = {status: outcome for outcome, status in STATUS.items()}
    amendments = store.load(workspace, commit)
    files: dict[str, bytes] = {}
    lines: list[str] = []
    signed: list[tuple[str, Event, Committed]] = []
    for ident in dict.fromkeys(store.find(amendments, ref).known_id for ref in refs):
        todo = [p for p, (i, e) in sorted(events.items()) if i == ident and e.status in outcome_of and p not in backed]
        if not todo:
            raise AkkoordError.keyed("registry.decision.nothing_to_sign", id=printable(ident))
        held = canonical.sha256(contents.get(store.record_path(ident), b""))
        for path in todo:
            event = events[path][1]
            if parse_day(event.at[:10]) > today:
                raise AkkoordError.keyed(
                    "registry.decision.event_after_today", path=path, date=event.at[:10], today=today
                )
            body = {
                rn.AMENDMENT: ident,
                rn.OUTCOME: outcome_of[event.status],
                rn.EVENT: path,
                rn.EVENT_SHA256: canonical.sha256(contents[path]),
                rn.REVISION: event.revision,
                rn.AMENDMENT_SHA256: held,
            }
            record, record_files, trailer = signed_record(state, rn.DECISION, body, today, key_paths)
            files.update({name: value for name, value in record_files.items() if value is not None})
            lines.append(trailer)
            signed.append((ident, event, record))
    subject = workspace.in_text_language(Message("commit.sign_decisions", count=len(signed)))
    message = f"{subject}\n\n" + "\n".join(lines)
    sha = workspace.commit(dict(files), message, "decision", actor)
    for _, _, record in signed:
        record.commit = sha
    return signed
