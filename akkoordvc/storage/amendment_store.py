"""Amendment records in the repository: propose, decide, rebase, consolidate; blame and clause history.

Layout (plain files, readable with git alone):

    amendments/README.md                        what the folder holds
    amendments/<id>/amendment.xml               the record: title, proposers, base, operations
    amendments/<id>/events/<when>-<status>-<hash>.xml
                                                one status event each: who, when, why

Event files are only ever added, and every amendment has a folder of its own, so two clones that
each propose amendments or record decisions touch different paths and `git pull` merges them
without conflicts. Only `amend rebase` rewrites `amendment.xml` (with a `revised` event).

Ids are allocated without coordination between clones: the proposal date, a slug of the title and
six hex digits of a hash over the record, the proposer and the time, e.g.
`2022-07-04-meer-routes-dan-alleen-ma-akbanken-3f9a1c`.

Every state change is one commit whose author is the person acting (trailer
`Akkoord-Change: amendment`). The text `akkoord.xml` is never touched here: accepted amendments
reach it only when `version create` consolidates them (`consolidation_for_version`).

The order in which accepted amendments are consolidated is the order their acceptances were
committed (`git log --topo-order` of the event files), then their time.

Contested decisions. Two clones can decide the same amendment differently (one accepts, the other
rejects) and `git pull` merges the two event files without a git conflict. An amendment's status is
therefore read from the commit graph, not from the order of its events: its standing decisions are
the events no later event has seen (no other event's commit descends from theirs). When they
disagree (a different status, or acceptances of different revisions) the amendment is `contested`:
`amend list` and `amend show` name the competing decisions, `version create` refuses to consolidate,
and a new decision recorded after both (`amend accept|reject|withdraw ID`, or `amend rebase`)
resolves it, because its commit descends from both. Concurrent identical decisions (both accepted)
are not a contest.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

from lxml import etree

from ..errors import AkkoordError, ConflictError, RepositoryError
from ..model import amendment_names as an
from ..model import canonical
from ..model.dates import day_text, moment_seconds, moment_text, now, timestamp_for
from ..model.document import Clause, Document
from ..model.strings import one_line, slug
from ..model.validate import problems
from ..model.xmlparse import check_text, parse_bytes
from ..ops import amendments as ops
from ..ops.amendments import Amendment, Base, Conflict, Event, Person, status_of
from .gitrepo import Identity, Repository
from .workspace import TEXT_PATH, Workspace

FOLDER = "amendments"
RECORD = "amendment.xml"
EVENTS = "events"
README = f"{FOLDER}/README.md"
CHANGE = "amendment"
#: The status of an amendment decided differently in two clones that did not see each other's decision.
#: It is never stored: it is read from the commit graph of the event files.
CONTESTED = "contested"
STATUSES = (*an.STATUSES, CONTESTED)

_RANK = {kind: index for index, kind in enumerate(an.EVENT_KINDS)}
_LINE_LIMIT = 4000  # schemas/amendment.xsd, type Line

_README = """# Amendments

Each folder here is one amendment to `akkoord.xml`, named by its id (date, title, hash):

- `amendment.xml`: the record (schemas/amendment.xsd): title, proposers, rationale, source, the base
  text it was drafted against (version label and text SHA-256), and its operations on permanent
  clause ids. Every operation names the SHA-256 of its target as it stood in the base.
- `events/`: its status history, one file per event (proposed, accepted, rejected, withdrawn,
  superseded, consolidated, revised), each with who, when and why. Files are only added.
  Two clones that decide an amendment differently leave it `contested` after `git pull`; a decision
  recorded after both (`akkoord amend accept|reject ID`) resolves it.

`akkoord amend list` and `akkoord amend show ID` read them; `git log -- amendments/ID` shows who did what.
"""


class AmendmentConflict(ConflictError):
    """Accepting (or consolidating) an amendment would overwrite a change made since its base."""

    def __init__(self, message: str, amendment: Amendment, conflicts: list[Conflict], text: etree._Element):
        super().__init__(message, detail=plain_conflicts(conflicts))
        self.amendment = amendment
        self.conflicts = conflicts
        self.text = text  # the current text the amendment was merged with


def plain_conflicts(conflicts: list[Conflict]) -> str:
    """The conflicts as plain text (the CLI shows a richer redline when it can)."""
    lines = []
    for conflict in conflicts:
        lines.append(f"conflict in {conflict.target}: {conflict.reason}")
        texts = conflict.as_dict()
        for label, key in (("base", "base_text"), ("current", "current_text"), ("amendment", "amendment_text")):
            lines.append(f"  {label + ':':<11}{texts[key] if texts[key] is not None else '(absent)'}")
    return "\n".join(lines)


# --- time and people --------------------------------------------------------------------------------


def person(identity: Identity) -> Person:
    return Person(identity.name, identity.email)


# --- paths and ids ----------------------------------------------------------------------------------


def record_path(ident: str) -> str:
    return f"{FOLDER}/{ident}/{RECORD}"


def event_path(ident: str, event: Event, salt: str = "") -> str:
    """Where an event is stored; `salt` (the commit it follows) tells apart an event identical to one already
    recorded (the same person deciding the same way at the same time, e.g. deciding a contest again)."""
    data = canonical.to_bytes(ops.event_to_xml(event)) + salt.encode("ascii")
    stamp = event.at.replace("-", "").replace(":", "")
    return f"{FOLDER}/{ident}/{EVENTS}/{stamp}-{event.status}-{hashlib.sha256(data).hexdigest()[:8]}.xml"


def _new_event_path(workspace: Workspace, ident: str, event: Event) -> str:
    """The path of a new event: never that of an event already there (which would add nothing)."""
    path = event_path(ident, event)
    head = workspace.head()
    if workspace.repo.read(head, path) is not None:
        path = event_path(ident, event, head)
    return path


def new_id(date: str, title: str, seed: bytes, taken: set[str]) -> str:
    digest = hashlib.sha256(seed).hexdigest()
    for length in (6, 8, 10, 12, 16, 64):
        ident = f"{date}-{slug(title, 40) or 'amendement'}-{digest[:length]}"
        if ident not in taken:
            return ident
    raise RepositoryError(f"cannot allocate an id for amendment {title!r}; retry")


# --- loading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Competing:
    """One of the decisions that contest an amendment, with the commit that recorded it."""

    event: Event
    commit: str | None

    def as_dict(self) -> dict:
        return {**self.event.as_dict(), "commit": self.commit}

    def describe(self) -> str:
        reason = f" ({self.event.reason})" if self.event.reason else ""
        return f"{self.event.status} by {self.event.by.name} on {self.event.at[:10]}{reason}"


@dataclass(frozen=True)
class Recorded(Amendment):
    """An amendment as the repository holds it: its status is read from the commit graph of its events.

    `settled` is the status of its standing decisions (those no later event has seen); `competing`
    holds them when they disagree, and the status is then `contested`."""

    settled: str = ""
    competing: tuple[Competing, ...] = field(default=(), compare=False)

    @property
    def status(self) -> str:
        if self.competing:
            return CONTESTED
        return self.settled or status_of(self.history)

    def as_dict(self) -> dict:
        data = super().as_dict()
        if self.competing:
            data["competing"] = [c.as_dict() for c in self.competing]
        return data


def _recorded(amendment: Amendment, **changes) -> Recorded:
    """`amendment` (a record or a Recorded) as a Recorded, with `changes`; settled and competing are reset
    unless given."""
    values = {f.name: getattr(amendment, f.name) for f in dataclasses.fields(Amendment)}
    values.update(settled="", competing=())
    values.update(changes)
    return Recorded(**values)


class _Ancestry:
    """Which commit descends from which: the commit graph up to `tip`, read once (one `git rev-list`) and
    only when it is first needed."""

    def __init__(self, repo: Repository, tip: str):
        self.repo = repo
        self.tip = tip
        self._index: dict[str, int] | None = None
        self._parents: dict[str, list[str]] = {}

    def _load(self) -> None:
        self._index = {}
        out = self.repo.run("rev-list", "--topo-order", "--parents", self.tip)
        for number, line in enumerate(out.splitlines()):
            sha, *parents = line.split()
            self._index[sha] = number  # children before their parents
            self._parents[sha] = parents

    def is_ancestor(self, ancestor: str, descendant: str) -> bool:
        if ancestor == descendant:
            return True
        if self._index is None:
            self._load()
        index = self._index
        if ancestor not in index or descendant not in index:  # e.g. beyond a shallow clone's edge
            try:
                return self.repo.is_ancestor(ancestor, descendant)
            except Exception:  # noqa: BLE001 - an unknown commit: no ancestry can be shown
                return False
        limit = index[ancestor]
        if index[descendant] > limit:
            return False
        # every path from the descendant to the ancestor runs through commits between them in topological order
        stack, seen = [descendant], {descendant}
        while stack:
            for parent in self._parents.get(stack.pop(), ()):
                if parent == ancestor:
                    return True
                if parent not in seen and index.get(parent, limit) < limit:
                    seen.add(parent)
                    stack.append(parent)
        return False


def _outcome(event: Event) -> str:
    """The status an event leaves the amendment in."""
    return an.PROPOSED if event.status == an.REVISED else event.status


def _agreement(event: Event) -> tuple:
    """What two concurrent decisions must share not to contest each other: the decision, and for an
    acceptance (consolidation carries one out) the revision accepted."""
    outcome = _outcome(event)
    if outcome in (an.ACCEPTED, an.CONSOLIDATED):
        return (an.ACCEPTED, event.revision)
    return (outcome,)


def _final(status: str, history: tuple[Event, ...], revision: int) -> str:
    """An acceptance of a revision that a version already consolidated (the resolution of a contest with a
    consolidation) leaves it consolidated: its change is in the text, and is not consolidated twice."""
    if status == an.ACCEPTED and any(e.status == an.CONSOLIDATED and e.revision == revision for e in history):
        return an.CONSOLIDATED
    return status


def _settle(
    events: tuple[Event, ...], commits: tuple[str | None, ...], ancestry: _Ancestry, revision: int
) -> tuple[str, tuple[Competing, ...]]:
    """The status of an amendment from its events (in commit order) and the commits that added them, and the
    competing decisions when two that did not see each other disagree."""
    if not events:
        return an.PROPOSED, ()

    def saw(later: int, earlier: int) -> bool:
        mine, theirs = commits[later], commits[earlier]
        if mine is None or theirs is None or mine == theirs:
            return True  # the same commit (or one git cannot place): commit order
        return ancestry.is_ancestor(theirs, mine)

    # an event added later in topological order never precedes an earlier one, so only later ones can see it
    standing = [i for i in range(len(events)) if not any(saw(k, i) for k in range(i + 1, len(events)))]
    if len({_agreement(events[i]) for i in standing}) > 1:
        standing.sort(key=lambda i: (moment_seconds(events[i].at), i))  # shown oldest decision first
        return CONTESTED, tuple(Competing(events[i], commits[i]) for i in standing)
    outcomes = [_outcome(events[i]) for i in standing]
    status = an.CONSOLIDATED if an.CONSOLIDATED in outcomes else outcomes[-1]
    return _final(status, events, revision), ()


def _added_order(workspace: Workspace, commit: str) -> dict[str, tuple[int, str]]:
    """Each file under amendments/ -> the position of the commit that added it (oldest first) and that commit."""
    out = workspace.repo.run(
        "log", "--topo-order", "--reverse", "--diff-filter=A", "--name-only", "--format=%x00%H", commit, "--", FOLDER
    )
    order: dict[str, tuple[int, str]] = {}
    position = 0
    sha = ""
    for line in out.splitlines():
        if line.startswith("\x00"):
            position += 1
            sha = line[1:].strip()
        elif line and line not in order:
            order[line] = (position, sha)
    return order


def load(workspace: Workspace, commit: str | None = None) -> Amendments:
    """Every amendment in the repository at `commit` (default HEAD) with its status history, oldest first."""
    commit = commit or workspace.head()
    repo = workspace.repo
    records: dict[str, str] = {}
    events: dict[str, list[str]] = {}
    for path in repo.list_dir(commit, FOLDER):
        parts = path.split("/")
        if len(parts) == 3 and parts[2] == RECORD:
            records[parts[1]] = path
        elif len(parts) == 4 and parts[2] == EVENTS and parts[3].endswith(".xml"):
            events.setdefault(parts[1], []).append(path)
    if not records:
        return Amendments()
    order = _added_order(workspace, commit)
    unknown = (len(order), None)
    ancestry = _Ancestry(repo, commit)
    found: list[Amendment] = []
    accepted_at: dict[str, int] = {}
    proposed_at: dict[str, tuple] = {}
    for ident, path in records.items():
        amendment = ops.parse_amendment(repo.read(commit, path), path)
        if amendment.id != ident:
            raise RepositoryError(f"{path}: the record's id {amendment.id!r} does not match its folder {ident!r}")
        history = []
        for event_file in events.get(ident, []):
            event = ops.parse_event(repo.read(commit, event_file), event_file)
            position, added_by = order.get(event_file, unknown)
            history.append((position, moment_seconds(event.at), _RANK[event.status], event_file, added_by, event))
        history.sort(key=lambda item: item[:4])
        for item in history:
            if item[-1].status == an.ACCEPTED:
                accepted_at[ident] = item[0]
        proposed_at[ident] = history[0][:2] if history else (len(order), 0)
        in_order = tuple(item[-1] for item in history)
        settled, competing = _settle(in_order, tuple(item[-2] for item in history), ancestry, amendment.revision)
        found.append(_recorded(amendment, history=in_order, settled=settled, competing=competing))
    found.sort(key=lambda a: (proposed_at[a.id], a.id))
    return Amendments(((a.id, a) for a in found), accepted_at)


def find(amendments: dict[str, Amendment], ref: str) -> Amendment:
    """The amendment named by its id or a unique start of it."""
    if ref in amendments:
        return amendments[ref]
    matches = [a for ident, a in amendments.items() if ident.startswith(ref)] if ref else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AkkoordError(f"amendment {ref!r} is ambiguous: {', '.join(a.id for a in matches)}; give more of the id")
    hint = (
        "list them with `akkoord amend list`" if amendments else "there are no amendments yet (akkoord amend propose)"
    )
    raise AkkoordError(f"no amendment {ref!r} in this repository; {hint}")


class Amendments(dict):
    """id -> Amendment (oldest proposal first), with the commit order of each one's last acceptance."""

    def __init__(self, items=(), accepted_at: dict[str, int] | None = None):
        super().__init__(items)
        self.accepted_at = accepted_at or {}


def accepted_pending(amendments: dict[str, Amendment]) -> list[Amendment]:
    """Accepted amendments not yet consolidated, in the order their acceptances were committed."""
    pending = [a for a in amendments.values() if a.status == an.ACCEPTED]
    position = getattr(amendments, "accepted_at", {})
    return sorted(pending, key=lambda a: (position.get(a.id, 1 << 62), a.last(an.ACCEPTED).at, a.id))


# --- texts ------------------------------------------------------------------------------------------


def _parse_text(data: bytes, source: str) -> etree._Element:
    return parse_bytes(data, source)


def _label_for(workspace: Workspace, text_sha256: str) -> str | None:
    from .versions import versions

    labels = [v.label for v in versions(workspace) if v.text_sha256 == text_sha256]
    return labels[-1] if labels else None


def base_text(
    workspace: Workspace, amendment: Amendment, amendments: dict[str, Amendment], _cache: dict | None = None
) -> etree._Element:
    """The text `amendment` was drafted against (checked against its text_sha256)."""
    cache = _cache if _cache is not None else {}
    key = (amendment.id, amendment.revision)
    if key in cache:
        return cache[key]
    root = _locate_base(workspace, amendment.base, amendments, amendment.id or "the amendment", cache)
    cache[key] = root
    return root


def _locate_base(
    workspace: Workspace, base: Base, amendments: dict[str, Amendment], name: str, cache: dict
) -> etree._Element:
    from .versions import find_version, versions

    repo = workspace.repo
    candidates: list[str] = []
    if base.commit and repo.resolve(base.commit):
        candidates.append(repo.resolve(base.commit))
    if base.label:
        version = find_version(workspace, base.label)
        if version is not None:
            candidates.append(version.commit)
    if not base.on:
        candidates += [v.commit for v in versions(workspace) if v.text_sha256 == base.text_sha256]
        candidates.append(workspace.head())
    for commit in candidates:
        data = repo.read(commit, TEXT_PATH)
        if data is None:
            continue
        root = _parse_text(data, f"{TEXT_PATH} at {commit[:12]}")
        for on in base.on:
            if on not in amendments:
                break
            prior = amendments[on]
            result = ops.merge(base_text(workspace, prior, amendments, cache), root, prior.operations)
            if not result.clean:
                break
            root = result.root
        else:
            if canonical.text_sha256(root) == base.text_sha256:
                return root
    where = f"version {base.label}, " if base.label else ""
    raise AkkoordError(
        f"{name}: its base text ({where}text_sha256 {base.text_sha256[:12]}) is not in this repository; "
        "draft amendments against a version or the current text of this repository (or pull the history it was drafted on)"
    )


def pending_text(
    workspace: Workspace, amendments: dict[str, Amendment], *, exclude: str | None = None, cache: dict | None = None
) -> tuple[etree._Element, list[str]]:
    """The text the next version will have: HEAD's text with every accepted amendment applied in order.

    Returns the text and the ids applied. An accepted amendment that no longer applies (an editorial
    commit changed its clause since it was accepted) raises AmendmentConflict.
    """
    cache = cache if cache is not None else {}
    root = _parse_text(workspace.head_text(), TEXT_PATH)
    applied = []
    for amendment in accepted_pending(amendments):
        if amendment.id == exclude:
            continue
        result = ops.merge(base_text(workspace, amendment, amendments, cache), root, amendment.operations)
        if not result.clean:
            raise AmendmentConflict(
                f"accepted amendment {amendment.id} no longer applies to the current text "
                f"(clause {result.conflicts[0].target}: {result.conflicts[0].reason}); rebase it with "
                f"`akkoord amend rebase {amendment.id} --write FILE` then `--from-file FILE`, and accept it again",
                amendment,
                result.conflicts,
                root,
            )
        root = result.root
        applied.append(amendment.id)
    return root, applied


@dataclass
class Check:
    """How an amendment stands against the text it would be applied to now."""

    state: str  # clean | stale | conflict | applied (already consolidated or decided)
    stale: list[str]
    conflicts: list[Conflict]


def check(
    workspace: Workspace,
    amendment: Amendment,
    amendments: dict[str, Amendment],
    cache: dict | None = None,
    pending: etree._Element | None = None,
) -> Check:
    """Whether `amendment` would apply now: clean, stale (its targets changed but it merges), or conflict."""
    cache = cache if cache is not None else {}
    if pending is None:
        pending, _ = pending_text(workspace, amendments, exclude=amendment.id, cache=cache)
    base = base_text(workspace, amendment, amendments, cache)
    result = ops.merge(base, pending, amendment.operations)
    stale = list(dict.fromkeys(target for target, _, _ in ops.stale_targets(pending, amendment.operations)))
    if result.conflicts:
        return Check("conflict", stale, result.conflicts)
    return Check("stale" if stale else "clean", stale, [])


# --- changes ----------------------------------------------------------------------------------------


def _validated(data: bytes, source: str) -> etree._Element:
    root = _parse_text(data, source)
    found = problems(root)
    if found:
        more = f" (and {len(found) - 1} more; see `akkoord validate {source}`)" if len(found) > 1 else ""
        raise AkkoordError(f"{source}:{found[0].line}: {found[0].message}{more}")
    return root


def _commit(
    workspace: Workspace,
    changes: dict[str, bytes],
    subject: str,
    amendment_id: str,
    status: str,
    actor: Identity,
    ts: int,
) -> str:
    _check_records(changes, amendment_id)
    message = f"{subject}\n\nAkkoord-Amendment: {amendment_id}\nAkkoord-Status: {status}"
    head = workspace.head()
    if workspace.repo.read(head, README) is None:
        changes = {README: _README.encode("utf-8"), **changes}
    return workspace.commit(changes, message, CHANGE, actor, timestamp=ts)


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
            raise AkkoordError(
                f"cannot record amendment {amendment_id}: {one_line(reason)} — shorten or correct the "
                "title, reason, rationale, source or names given; nothing was written"
            ) from None


def _check_options(
    title: str | None = None, reason: str | None = None, source: str | None = None, rationale: tuple[str, ...] = ()
) -> None:
    """Text given on the command line that an amendment record could not hold: one clear line, before any work."""
    check_text(title, "--title", line=True, limit=_LINE_LIMIT)
    check_text(reason, "--reason", limit=_LINE_LIMIT)
    check_text(source, "--source", limit=_LINE_LIMIT)
    for paragraph in rationale:
        check_text(paragraph, "--rationale", limit=_LINE_LIMIT)


def contest_summary(amendment: Amendment) -> str:
    """The competing decisions of a contested amendment in one line: 'accepted by A on D (why) vs rejected by ...'."""
    return " vs ".join(c.describe() for c in getattr(amendment, "competing", ()))


def how_to_resolve(ident: str) -> str:
    return (
        f"decide it again now that both decisions are here: `akkoord amend accept {ident} --by WHO` or "
        f"`akkoord amend reject {ident} --by WHO --reason WHY`"
    )


def _describe_status(amendment: Amendment) -> str:
    status = amendment.status
    if status == CONTESTED:
        return f"contested: {contest_summary(amendment)}, decided in clones that did not see each other's decision"
    # the event that set the status (concurrent identical decisions: the last of them in commit order)
    event = next((e for e in reversed(amendment.history) if _outcome(e) == status), None)
    if event is None:
        event = amendment.history[-1] if amendment.history else None
    if event is None:
        return status
    reason = f" ({event.reason})" if event.reason and status != an.CONSOLIDATED else ""
    if status == an.CONSOLIDATED:
        return (
            f"consolidated on {event.at[:10]} ({event.reason})" if event.reason else f"consolidated on {event.at[:10]}"
        )
    if event.status == an.REVISED:
        return f"proposed (revision {event.revision} by {event.by.name} on {event.at[:10]}){reason}"
    return f"{status} by {event.by.name} on {event.at[:10]}{reason}"


def _require(amendment: Amendment, allowed: tuple[str, ...], action: str) -> None:
    if amendment.status in allowed:
        return
    status = amendment.status
    if status == CONTESTED:
        raise AkkoordError(
            f"cannot {action} amendment {amendment.id}: it is {_describe_status(amendment)}; "
            f"{how_to_resolve(amendment.id)}"
        )
    if status == an.ACCEPTED and action == "accept":
        tail = "nothing changed"
    elif status == an.ACCEPTED:
        tail = "it will be consolidated into the next version (akkoord version create LABEL)"
    elif status == an.CONSOLIDATED:
        tail = "it is part of the text now and cannot change; propose a new amendment instead"
    else:
        tail = "its status is final; propose a new amendment instead"
    raise AkkoordError(f"cannot {action} amendment {amendment.id}: it is already {_describe_status(amendment)}; {tail}")


def _check_time(amendment: Amendment, ts: int, action: str) -> None:
    """A new event comes after every event it follows (after both sides of a contest, too)."""
    if not amendment.history:
        return
    last = max(reversed(amendment.history), key=lambda e: moment_seconds(e.at))
    if ts < moment_seconds(last.at):
        raise AkkoordError(
            f"cannot {action} amendment {amendment.id} on {day_text(ts)}: that is before it was {last.status} "
            f"({last.at[:10]}); give a later --date"
        )


def _head_base(workspace: Workspace, root: etree._Element, on: tuple[str, ...]) -> Base:
    sha = canonical.text_sha256(root)
    head_sha = hashlib.sha256(workspace.head_text()).hexdigest()
    return Base(text_sha256=sha, label=_label_for(workspace, head_sha), commit=workspace.head(), on=on)


def propose(
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
) -> Amendment:
    """Record a new amendment: from an edited copy of a text (`edited`) or an amendment record (`record`)."""
    _check_options(title=title, source=source, rationale=rationale)
    amendments = load(workspace)
    replaced = [find(amendments, ref) for ref in supersedes]
    for old in replaced:
        _require(old, (an.PROPOSED,), "supersede")
    ts = timestamp if timestamp is not None else now()
    proposers = tuple(dict.fromkeys([person(actor), *(person(p) for p in co_proposers)]))
    if edited is not None:
        edited_root = _validated(edited, source_name)
        base_root, base = _base_for_edit(workspace, base_ref, edited_root)
        try:
            operations = tuple(ops.derive(base_root, edited_root))
        except ops.DeriveError as exc:
            raise AkkoordError(f"{source_name}: {exc.message}") from None
        if not operations:
            raise AkkoordError(
                f"{source_name} has the same text as its base ({base.describe()}); edit the clauses first, nothing was proposed"
            )
        if not title:
            raise AkkoordError("an amendment needs a title: give --title")
        amendment = Amendment(
            title,
            proposers,
            day_text(ts),
            base,
            operations,
            source=source or "",
            rationale=rationale,
            supersedes=tuple(o.id for o in replaced),
        )
    elif record is not None:
        handed = ops.parse_amendment(record, source_name)
        base_root = _locate_base(workspace, handed.base, amendments, source_name, {})
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
            supersedes=tuple(dict.fromkeys([*handed.supersedes, *(o.id for o in replaced)])),
            history=(),
            revision=1,
            id=None,
        )
    else:
        raise AkkoordError("give an edited copy of the text (--from-file EDITED.xml) or an amendment file")
    for old in amendment.supersedes:
        if old not in amendments:
            raise AkkoordError(f"the amendment supersedes {old!r}, which is not in this repository")
    seed = ops.to_bytes(amendment, history=False) + f"{actor}\n{ts}".encode()
    ident = new_id(amendment.date, amendment.title, seed, set(amendments))
    amendment = dataclasses.replace(amendment, id=ident)
    event = Event(an.PROPOSED, person(actor), moment_text(ts), 1)
    changes = {
        record_path(ident): ops.to_bytes(amendment, history=False),
        event_path(ident, event): _event_bytes(event),
    }
    for old in replaced:
        _check_time(old, ts, "supersede")
        gone = Event(an.SUPERSEDED, person(actor), moment_text(ts), old.revision, f"superseded by {ident}")
        changes[event_path(old.id, gone)] = _event_bytes(gone)
    _commit(workspace, changes, f"Propose amendment {ident}: {amendment.title}", ident, an.PROPOSED, actor, ts)
    return dataclasses.replace(amendment, history=(event,))


def _event_bytes(event: Event) -> bytes:
    return canonical.to_bytes(ops.event_to_xml(event))


def _base_commit(workspace: Workspace, base: Base, root: etree._Element) -> str | None:
    from .versions import find_version

    if base.commit and workspace.repo.resolve(base.commit):
        return workspace.repo.resolve(base.commit)
    if base.label:
        version = find_version(workspace, base.label)
        if version is not None:
            return version.commit
    return None


def _closest_base(workspace: Workspace, edited_root: etree._Element):
    """The text an edited copy was most likely made from: the current text or a version, whichever differs
    from it in the fewest clauses (ties: the current text, then the newest version). A copy of an old
    version is thus compared with that version, and never turned into operations that undo later changes."""
    from .versions import versions

    head = workspace.head()
    candidates = [(head, None)] + [(v.commit, v.label) for v in reversed(versions(workspace))]
    best = None
    seen: set[str] = set()
    for commit, label in candidates:
        data = workspace.text_at(commit)
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        root = _parse_text(data, f"{TEXT_PATH} at {label or commit[:12]}")
        score = len(ops.changed_targets(root, edited_root))
        if best is None or score < best[0]:
            best = (score, commit, label, root)
    _, commit, label, root = best
    if commit == head:
        return root, _head_base(workspace, root, ())
    return root, Base(text_sha256=canonical.text_sha256(root), label=label, commit=commit)


def _base_for_edit(workspace: Workspace, base_ref: str | None, edited_root: etree._Element):
    """The text an edited copy is compared with: `base_ref` (a version or revision), by default the closest
    of the current text and the versions."""
    if base_ref is None:
        return _closest_base(workspace, edited_root)
    from .refs import resolve

    resolved = resolve(base_ref, workspace=workspace)
    if resolved.commit is None:
        raise AkkoordError(f"--base {base_ref}: give a version label or a git revision of this repository")
    root = resolved.document.root
    return root, Base(
        text_sha256=canonical.text_sha256(root),
        label=resolved.label or _label_for(workspace, canonical.text_sha256(root)),
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
) -> Amendment:
    _check_options(reason=reason)
    amendments = load(workspace)
    amendment = find(amendments, ref)
    _require(amendment, allowed, action)
    ts = timestamp if timestamp is not None else now()
    _check_time(amendment, ts, action)
    event = Event(status, person(actor), moment_text(ts), amendment.revision, reason)
    if status == an.ACCEPTED:
        _merge_for_acceptance(workspace, amendment, amendments)
    subject = f"{action.capitalize()} amendment {amendment.id}: {amendment.title}"
    path = _new_event_path(workspace, amendment.id, event)
    _commit(workspace, {path: _event_bytes(event)}, subject, amendment.id, status, actor, ts)
    # the new event's commit descends from every event before it: it is the amendment's one standing decision
    history = amendment.history + (event,)
    return _recorded(amendment, history=history, settled=_final(status, history, amendment.revision))


def _merge_for_acceptance(workspace: Workspace, amendment: Amendment, amendments: dict[str, Amendment]) -> None:
    cache: dict = {}
    current, applied = pending_text(workspace, amendments, exclude=amendment.id, cache=cache)
    base = base_text(workspace, amendment, amendments, cache)
    result = ops.merge(base, current, amendment.operations)
    if result.conflicts:
        first = result.conflicts[0]
        since = f"commit {workspace.head()[:12]}" + (f" with accepted {', '.join(applied)}" if applied else "")
        more = f" (and {len(result.conflicts) - 1} more)" if len(result.conflicts) > 1 else ""
        raise AmendmentConflict(
            f"amendment {amendment.id} conflicts with the current text ({since}): clause {first.target}: "
            f"{first.reason}{more}; nothing was accepted — resolve it with "
            f"`akkoord amend rebase {amendment.id} --write FILE`, edit FILE, then `--from-file FILE`",
            amendment,
            result.conflicts,
            current,
        )


def accept(
    workspace: Workspace, ref: str, actor: Identity, reason: str = "", timestamp: int | None = None
) -> Amendment:
    """Accept a proposed amendment: a three-way merge against the current text plus the amendments accepted
    before it; a conflict refuses (AmendmentConflict, exit 3) and changes nothing."""
    return _decide(workspace, ref, an.ACCEPTED, actor, reason, timestamp, (an.PROPOSED, CONTESTED), "accept")


def reject(workspace: Workspace, ref: str, actor: Identity, reason: str, timestamp: int | None = None) -> Amendment:
    if not (reason or "").strip():
        raise AkkoordError("a rejection needs a reason: give --reason")
    return _decide(workspace, ref, an.REJECTED, actor, reason, timestamp, (an.PROPOSED, CONTESTED), "reject")


def withdraw(
    workspace: Workspace, ref: str, actor: Identity, reason: str = "", timestamp: int | None = None
) -> Amendment:
    return _decide(workspace, ref, an.WITHDRAWN, actor, reason, timestamp, (an.PROPOSED, CONTESTED), "withdraw")


def rebase_start(workspace: Workspace, ref: str) -> tuple[Amendment, bytes, list[Conflict]]:
    """The starting point for resolving a conflict: the current text (with the other accepted amendments)
    with every operation of the amendment that still applies; the conflicts left to resolve by hand."""
    amendments = load(workspace)
    amendment = find(amendments, ref)
    _require(amendment, (an.PROPOSED, an.ACCEPTED, CONTESTED), "rebase")
    cache: dict = {}
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
    _check_options(reason=reason)
    amendments = load(workspace)
    amendment = find(amendments, ref)
    _require(amendment, (an.PROPOSED, an.ACCEPTED, CONTESTED), "rebase")
    ts = timestamp if timestamp is not None else now()
    _check_time(amendment, ts, "rebase")
    cache: dict = {}
    current, applied = pending_text(workspace, amendments, exclude=amendment.id, cache=cache)
    edited_root = _validated(edited, source_name)
    try:
        operations = tuple(ops.derive(current, edited_root))
    except ops.DeriveError as exc:
        raise AkkoordError(f"{source_name}: {exc.message}") from None
    if not operations:
        raise AkkoordError(
            f"{source_name} equals the current text: the amendment would change nothing; withdraw it instead "
            f"(akkoord amend withdraw {amendment.id})"
        )
    old_base = base_text(workspace, amendment, amendments, cache)
    changed_since = ops.changed_targets(old_base, current)
    own = {t for op in amendment.operations for t, _ in op.targets()} | {
        i for op in amendment.operations for i in op.creates()
    }
    new = {t for op in operations for t, _ in op.targets()} | {i for op in operations for i in op.creates()}
    undone = sorted((new & changed_since) - own)
    if undone:
        raise AkkoordError(
            f"{source_name} would undo changes made since the amendment's base to {', '.join(undone)}; "
            f"start from the current text: `akkoord amend rebase {amendment.id} --write FILE`, edit FILE, then --from-file FILE"
        )
    base = _head_base(workspace, current, tuple(applied))
    revised = _recorded(amendment, operations=operations, base=base, revision=amendment.revision + 1, history=())
    why = reason or f"rebased onto {base.describe()}"
    event = Event(an.REVISED, person(actor), moment_text(ts), revised.revision, why)
    changes = {
        record_path(amendment.id): ops.to_bytes(revised, history=False),
        _new_event_path(workspace, amendment.id, event): _event_bytes(event),
    }
    _commit(
        workspace, changes, f"Rebase amendment {amendment.id}: {amendment.title}", amendment.id, an.REVISED, actor, ts
    )
    return _recorded(revised, history=amendment.history + (event,), settled=an.PROPOSED)


# --- consolidation ----------------------------------------------------------------------------------


class ContestedError(ConflictError):
    """Amendments decided differently in two clones: nothing is consolidated until they are decided again."""

    def __init__(self, message: str, contested: list[Amendment]):
        lines = []
        for amendment in contested:
            lines.append(f"contested {amendment.id}: {amendment.title}")
            for competing in amendment.competing:
                where = f" (commit {competing.commit[:12]})" if competing.commit else ""
                lines.append(f"  {competing.describe()}{where}")
        super().__init__(message, detail="\n".join(lines))
        self.contested = contested


def contested(amendments: dict[str, Amendment]) -> list[Amendment]:
    return [a for a in amendments.values() if a.status == CONTESTED]


def _refuse_contested(amendments: dict[str, Amendment], action: str) -> None:
    found = contested(amendments)
    if not found:
        return
    first = found[0]
    if len(found) == 1:
        what = f"amendment {first.id} is contested ({contest_summary(first)})"
    else:
        what = f"amendments {', '.join(a.id for a in found)} are contested ({first.id}: {contest_summary(first)})"
    raise ContestedError(
        f"cannot {action}: {what}, decided in clones that did not see each other's decision; nothing was changed — "
        f"{how_to_resolve(first.id if len(found) == 1 else 'ID')}",
        found,
    )


def consolidation_for_version(workspace: Workspace, label: str, actor: Identity, date: str | None):
    """For `version create LABEL`: the text with every accepted, not yet consolidated amendment applied in
    acceptance order, the 'consolidated' event files, and the ids. (None, {}, ()) when there are none."""
    amendments = load(workspace)
    _refuse_contested(amendments, f"create version {label}")
    pending = accepted_pending(amendments)
    if not pending:
        return None, {}, ()
    root, applied = pending_text(workspace, amendments)
    ts = timestamp_for(date)
    changes: dict[str, bytes] = {}
    for amendment in pending:
        _check_time(amendment, ts, f"consolidate into version {label}")
        event = Event(an.CONSOLIDATED, person(actor), moment_text(ts), amendment.revision, f"version {label}")
        changes[event_path(amendment.id, event)] = _event_bytes(event)
    return canonical.to_bytes(root), changes, tuple(applied)


# --- provenance -------------------------------------------------------------------------------------


@dataclass
class BlameEntry:
    clause: str
    num: str
    version: str | None  # the version whose text first had the clause as it stands (None: after the last version)
    date: str | None
    kind: str  # initial | amendment | editorial
    amendment: str | None = None
    title: str | None = None
    proposers: tuple[str, ...] = ()
    accepted_by: str | None = None
    rationale: str | None = None
    source: str | None = None
    commit: str | None = None

    def as_dict(self) -> dict:
        return {
            "clause": self.clause,
            "num": self.num,
            "version": self.version,
            "date": self.date,
            "kind": self.kind,
            "amendment": self.amendment,
            "title": self.title,
            "proposers": list(self.proposers),
            "accepted_by": self.accepted_by,
            "rationale": self.rationale,
            "source": self.source,
        }


@dataclass
class Step:
    """One text in a clause's life: a version (or the current text after the last version)."""

    label: str | None
    date: str | None
    commit: str
    root: etree._Element
    amendments: tuple[str, ...]


def _steps(workspace: Workspace, ref: str | None) -> tuple[list[Step], str]:
    """The versions up to REF, oldest first, then REF itself when its text differs from the last one."""
    from .refs import resolve
    from .versions import versions

    resolved = resolve(ref or "HEAD", workspace=workspace)
    if resolved.kind == "file":
        raise AkkoordError(f"{ref}: blame and history need a version label or git revision, not a file")
    tip = resolved.commit or workspace.head()
    steps: list[Step] = []
    for version in versions(workspace):
        if version.commit == tip or workspace.repo.is_ancestor(version.commit, tip):
            data = workspace.text_at(version.commit)
            steps.append(
                Step(
                    version.label,
                    version.date,
                    version.commit,
                    _parse_text(data, f"version {version.label}"),
                    version.amendments,
                )
            )
            if resolved.label == version.label:
                break
    last_text = canonical.text_sha256(steps[-1].root) if steps else None
    if resolved.label is None or not steps:
        if canonical.text_sha256(resolved.document.root) != last_text:
            what = "working" if resolved.kind == "working" else None
            steps.append(Step(what, None, tip, resolved.document.root, ()))
    return steps, resolved.ref


def _touching(amendments: dict[str, Amendment], ids: tuple[str, ...]) -> dict[str, str]:
    """clause id -> the last of the amendments `ids` (in that order) that touches it."""
    out: dict[str, str] = {}
    for ident in ids:
        amendment = amendments.get(ident)
        if amendment is None:
            continue
        for clause in amendment.clauses():
            out[clause] = ident
    return out


def _entry(
    clause: Clause, step: Step, index: int, amendments: dict[str, Amendment], by_clause: dict[str, str]
) -> BlameEntry:
    ident = by_clause.get(clause.id)
    entry = BlameEntry(
        clause.id, clause.num, step.label, step.date, "initial" if index == 0 else "editorial", commit=step.commit
    )
    if ident is not None:
        amendment = amendments[ident]
        accepted = amendment.last(an.ACCEPTED)
        entry.kind = "amendment"
        entry.amendment = ident
        entry.title = amendment.title
        entry.proposers = tuple(str(p) for p in amendment.proposers)
        entry.accepted_by = str(accepted.by) if accepted else None
        entry.rationale = "\n\n".join(amendment.rationale) or None
        entry.source = amendment.source or None
    return entry


def blame(workspace: Workspace, ref: str | None = None, clause: str | None = None) -> list[BlameEntry]:
    """For each clause of REF (default HEAD): the version and amendment that last changed it."""
    steps, shown = _steps(workspace, ref)
    amendments = load(workspace)
    last: dict[str, BlameEntry] = {}
    previous: dict[str, str] = {}
    for index, step in enumerate(steps):
        by_clause = _touching(amendments, step.amendments)
        current = {}
        for item in Document(step.root).clauses:
            sha = item.sha256
            current[item.id] = sha
            if previous.get(item.id) != sha:
                last[item.id] = _entry(item, step, index, amendments, by_clause)
            else:
                last[item.id].num = item.num
        previous = current
    final = Document(steps[-1].root).clauses if steps else []
    if clause is not None and clause not in {c.id for c in final}:
        raise AkkoordError(
            f"clause {clause!r} is not in {shown}; list the ids with `akkoord show {shown} --format json`"
        )
    return [last[c.id] for c in final if clause is None or c.id == clause]


@dataclass
class HistoryEntry:
    label: str | None
    date: str | None
    commit: str
    change: str  # added | changed | removed
    old: etree._Element | None  # the clause before
    new: etree._Element | None  # the clause after
    old_root: etree._Element | None
    new_root: etree._Element
    amendment: Amendment | None = None

    def as_dict(self, clause_id: str) -> dict:
        amendment = self.amendment
        accepted = amendment.last(an.ACCEPTED) if amendment else None
        return {
            "clause": clause_id,
            "version": self.label,
            "date": self.date,
            "change": self.change,
            "amendment": amendment.id if amendment else None,
            "title": amendment.title if amendment else None,
            "proposers": [str(p) for p in amendment.proposers] if amendment else [],
            "accepted_by": str(accepted.by) if accepted else None,
            "rationale": "\n\n".join(amendment.rationale) or None if amendment else None,
            "source": (amendment.source or None) if amendment else None,
            "old_text": Clause(self.old).text if self.old is not None else None,
            "new_text": Clause(self.new).text if self.new is not None else None,
        }


def clause_history(workspace: Workspace, clause_id: str, ref: str | None = None) -> list[HistoryEntry]:
    """Each version in which clause `clause_id` was added, changed or removed, oldest first."""
    steps, shown = _steps(workspace, ref)
    amendments = load(workspace)
    entries: list[HistoryEntry] = []
    previous = None
    previous_root = None
    seen = False
    for step in steps:
        element = Document(step.root).clause(clause_id)
        element = element.element if element is not None else None
        by_clause = _touching(amendments, step.amendments)
        amendment = amendments.get(by_clause.get(clause_id, ""))
        if element is not None:
            seen = True
        if previous is None and element is not None:
            entries.append(
                HistoryEntry(
                    step.label, step.date, step.commit, "added", None, element, previous_root, step.root, amendment
                )
            )
        elif previous is not None and element is None:
            entries.append(
                HistoryEntry(
                    step.label, step.date, step.commit, "removed", previous, None, previous_root, step.root, amendment
                )
            )
        elif previous is not None and canonical.element_sha256(previous) != canonical.element_sha256(element):
            entries.append(
                HistoryEntry(
                    step.label,
                    step.date,
                    step.commit,
                    "changed",
                    previous,
                    element,
                    previous_root,
                    step.root,
                    amendment,
                )
            )
        previous, previous_root = element, step.root
    if not seen:
        raise AkkoordError(
            f"clause {clause_id!r} is in no version up to {shown}; check the id with `akkoord show --format json`"
        )
    return entries


def amended_text(workspace: Workspace, amendment: Amendment, amendments: dict[str, Amendment]):
    """(base text, base text with the amendment applied): what `amend show` redlines."""
    base = base_text(workspace, amendment, amendments)
    return base, ops.apply(base, amendment.operations)
