"""Reading every amendment of a commit: the records, their events, and the commit order that settles them.

The folder is read in one pass (`Repository.read_tree`), the order of the event files in one `Repository.files_added`,
and the commit graph at most once: loading is linear in the number of amendments and events.

An amendment whose record or one of whose event files cannot be read (damaged, deleted, or not the amendment its
folder names) is not dropped: it is `Damaged`, listed as such, named by `find`, and while one is damaged nothing
that computes the next version's text runs (`refuse_damaged`): an accepted amendment must never be left out of a
version because its files could not be read. Each damage names the commit that last held the file intact."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from ...errors import AkkoordError, RepositoryError
from ...messages import Message
from ...model import amendment_names as an
from ...model.dates import moment_seconds
from ...ops import amendments as ops
from ...ops.amendments import Amendment, Event
from ..gitrepo import restore_step
from ..workspace import Workspace
from .contest import Ancestry, recorded, settle
from .paths import EVENTS, FOLDER, RECORD, record_path

T = TypeVar("T")
_RANK = {kind: index for index, kind in enumerate(an.EVENT_KINDS)}


def _added_order(workspace: Workspace, commit: str) -> dict[str, tuple[int, str]]:
    """Each file under amendments/ -> the position of the commit that added it (oldest first) and that commit."""
    order: dict[str, tuple[int, str]] = {}
    for position, (sha, paths) in enumerate(workspace.repo.files_added(commit, FOLDER), 1):
        for path in paths:
            order.setdefault(path, (position, sha))
    return order


@dataclass(frozen=True)
class Damaged:
    """An amendment whose record or an event file cannot be read: the file, what is wrong with it, and the
    newest commit that holds it intact (None: no commit does)."""

    id: str
    path: str
    problem: str | Message
    intact_in: str | None

    @property
    def restore(self) -> Message:
        """The step that repairs it."""
        if self.intact_in is None:
            subject = str(Message("store.restore.remove_subject", id=self.id))
            step = f'git rm -r {FOLDER}/{self.id} && git commit -m "{subject}"'
            return Message("store.damaged_amendment.remove", step=step)
        return Message("store.damaged_amendment.restore", commit=self.intact_in[:12], step=self.step)

    @property
    def step(self) -> str:
        return restore_step({self.path: self.intact_in}, self.path)

    @property
    def message(self) -> Message:
        """One line: which amendment, which file, what is wrong and how to restore it."""
        return Message(
            "store.damaged_amendment", id=self.id, path=self.path, problem=self.problem, restore=self.restore
        )

    @property
    def detail(self) -> Message:
        """The same, for a list of problems that names the file first."""
        return Message("store.damaged_amendment.detail", id=self.id, problem=self.problem, restore=self.restore)

    def as_dict(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "status": "damaged",
            "path": self.path,
            "problem": str(self.problem),
            "commit": self.intact_in,
        }


def _record_reader(ident: str, path: str) -> Callable[[bytes], Amendment]:
    """How a record file is read: it parses, and it is the amendment its folder names."""

    def read(data: bytes) -> Amendment:
        amendment = ops.parse_amendment(data, path)
        if amendment.id != ident:
            raise RepositoryError.keyed("store.record_misplaced", path=path, id=repr(amendment.id), folder=repr(ident))
        return amendment

    return read


def _event_reader(path: str) -> Callable[[bytes], Event]:
    return lambda data: ops.parse_event(data, path)


def _problem(exc: AkkoordError, path: str) -> Message:
    """What the reader said about a file, without the file's name and its generic advice."""
    said = exc.message.removeprefix(path).lstrip(":").strip()
    where, _, rest = said.partition(": ")
    if rest and where.replace(":", "").isdigit():  # "20:1: malformed XML: ..." -> "line 20: malformed XML: ..."
        return Message("store.unreadable_at", line=where.split(":")[0], said=rest.split("; ")[0])
    return Message("store.unreadable", said=said.split("; ")[0])


def _damaged(
    workspace: Workspace, commit: str, ident: str, path: str, problem: str | Message, read: Callable[[bytes], object]
) -> Damaged:
    def intact(data: bytes) -> bool:
        try:
            read(data)
        except AkkoordError:
            return False
        return True

    return Damaged(ident, path, problem, workspace.repo.last_intact(commit, path, intact))


class _Unreadable(Exception):
    """A file of an amendment that cannot be read: where, what is wrong, and how it is read."""

    def __init__(self, path: str, problem: str | Message, read: Callable[[bytes], object]) -> None:
        super().__init__(path)
        self.path, self.problem, self.read = path, problem, read


def _parse(read: Callable[[bytes], T], path: str, contents: dict[str, bytes]) -> T:
    try:
        return read(contents[path])
    except AkkoordError as exc:
        raise _Unreadable(path, _problem(exc, path), read) from None


def load(workspace: Workspace, commit: str | None = None) -> Amendments:
    """Every amendment in the repository at `commit` (default HEAD) with its status history, oldest first;
    those whose files cannot be read are in `Amendments.damaged`."""
    commit = commit or workspace.head()
    repo = workspace.repo
    records: dict[str, str] = {}
    events: dict[str, list[str]] = {}
    contents = repo.read_tree(commit, FOLDER)
    for path in contents:
        parts = path.split("/")
        if len(parts) == 3 and parts[2] == RECORD:
            records[parts[1]] = path
        elif len(parts) == 4 and parts[2] == EVENTS and parts[3].endswith(".xml"):
            events.setdefault(parts[1], []).append(path)
    damaged: dict[str, Damaged] = {}
    for ident in sorted(set(events) - set(records)):  # events, but no record
        path = record_path(ident)
        damaged[ident] = _damaged(workspace, commit, ident, path, "is missing", _record_reader(ident, path))
    if not records:
        return Amendments(damaged=damaged)
    order = _added_order(workspace, commit)
    unknown = (len(order), None)
    ancestry = Ancestry(repo, commit)
    found: list[Amendment] = []
    accepted_at: dict[str, int] = {}
    proposed_at: dict[str, tuple[int, int]] = {}
    for ident, path in records.items():
        try:
            amendment = _parse(_record_reader(ident, path), path, contents)
            parsed = [
                (event_file, _parse(_event_reader(event_file), event_file, contents))
                for event_file in events.get(ident, [])
            ]
        except _Unreadable as bad:
            damaged[ident] = _damaged(workspace, commit, ident, bad.path, bad.problem, bad.read)
            continue
        history = []
        for event_file, event in parsed:
            position, added_by = order.get(event_file, unknown)
            history.append((position, moment_seconds(event.at), _RANK[event.status], event_file, added_by, event))
        history.sort(key=lambda item: item[:4])
        for item in history:
            if item[-1].status == an.ACCEPTED:
                accepted_at[ident] = item[0]
        proposed_at[ident] = history[0][:2] if history else (len(order), 0)
        in_order = tuple(item[-1] for item in history)
        settled, competing = settle(in_order, tuple(item[-2] for item in history), ancestry, amendment.revision)
        found.append(recorded(amendment, history=in_order, settled=settled, competing=competing))
    found.sort(key=lambda a: (proposed_at[a.known_id], a.known_id))
    return Amendments(((a.known_id, a) for a in found), accepted_at, damaged)


def refuse_damaged(amendments: dict[str, Amendment], cannot: Message) -> None:
    """Refuse what `cannot` says (an action that computes the next version's text) while an amendment is
    damaged: an accepted one would be left out without a word."""
    damaged = list(getattr(amendments, "damaged", {}).values())
    if damaged:
        more = Message("store.damaged_more", count=len(damaged) - 1) if len(damaged) > 1 else ""
        raise RepositoryError.keyed("store.refused_damaged", cannot=cannot, said=damaged[0].message, more=more)


def find(amendments: dict[str, Amendment], ref: str) -> Amendment:
    """The amendment named by its id or a unique start of it; a damaged one is refused, saying so."""
    damaged: dict[str, Damaged] = getattr(amendments, "damaged", {})
    if ref in amendments:
        return amendments[ref]
    if ref in damaged:
        raise RepositoryError(damaged[ref].message)
    matches = [ident for ident in [*amendments, *damaged] if ident.startswith(ref)] if ref else []
    if len(matches) == 1:
        return find(amendments, matches[0])
    if matches:
        raise AkkoordError.keyed("store.ambiguous", ref=repr(ref), ids=", ".join(matches))
    raise AkkoordError.keyed("amend.unknown" if amendments else "amend.unknown_none_yet", ref=ref)


class Amendments(dict[str, Amendment]):
    """id -> Amendment (oldest proposal first), with the commit order of each one's last acceptance, and the
    amendments whose files cannot be read (`damaged`, by id)."""

    def __init__(
        self,
        items: Iterable[tuple[str, Amendment]] = (),
        accepted_at: dict[str, int] | None = None,
        damaged: dict[str, Damaged] | None = None,
    ) -> None:
        super().__init__(items)
        self.accepted_at = accepted_at or {}
        self.damaged = damaged or {}


def accepted_pending(amendments: dict[str, Amendment]) -> list[Amendment]:
    """Accepted amendments not yet consolidated, in the order their acceptances were committed."""
    pending = [a for a in amendments.values() if a.status == an.ACCEPTED]
    position = getattr(amendments, "accepted_at", {})
    return sorted(pending, key=lambda a: (position.get(a.known_id, 1 << 62), _accepted_at(a), a.known_id))


def _accepted_at(amendment: Amendment) -> str:
    accepted = amendment.last(an.ACCEPTED)
    return accepted.at if accepted is not None else ""
