"""Reading every amendment of a commit: the records, their events, and the commit order that settles them.

The folder is read in one pass (`Repository.read_tree`), the order of the event files in one `Repository.files_added`,
and the commit graph at most once: loading is linear in the number of amendments and events."""

from __future__ import annotations

from collections.abc import Iterable

from ...errors import AkkoordError, RepositoryError
from ...model import amendment_names as an
from ...model.dates import moment_seconds
from ...ops import amendments as ops
from ...ops.amendments import Amendment
from ..workspace import Workspace
from .contest import Ancestry, recorded, settle
from .paths import EVENTS, FOLDER, RECORD

_RANK = {kind: index for index, kind in enumerate(an.EVENT_KINDS)}


def _added_order(workspace: Workspace, commit: str) -> dict[str, tuple[int, str]]:
    """Each file under amendments/ -> the position of the commit that added it (oldest first) and that commit."""
    order: dict[str, tuple[int, str]] = {}
    for position, (sha, paths) in enumerate(workspace.repo.files_added(commit, FOLDER), 1):
        for path in paths:
            order.setdefault(path, (position, sha))
    return order


def load(workspace: Workspace, commit: str | None = None) -> Amendments:
    """Every amendment in the repository at `commit` (default HEAD) with its status history, oldest first."""
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
    if not records:
        return Amendments()
    order = _added_order(workspace, commit)
    unknown = (len(order), None)
    ancestry = Ancestry(repo, commit)
    found: list[Amendment] = []
    accepted_at: dict[str, int] = {}
    proposed_at: dict[str, tuple[int, int]] = {}
    for ident, path in records.items():
        amendment = ops.parse_amendment(contents[path], path)
        if amendment.id != ident:
            raise RepositoryError(f"{path}: the record's id {amendment.id!r} does not match its folder {ident!r}")
        history = []
        for event_file in events.get(ident, []):
            event = ops.parse_event(contents[event_file], event_file)
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
    return Amendments(((a.known_id, a) for a in found), accepted_at)


def find(amendments: dict[str, Amendment], ref: str) -> Amendment:
    """The amendment named by its id or a unique start of it."""
    if ref in amendments:
        return amendments[ref]
    matches = [a for ident, a in amendments.items() if ident.startswith(ref)] if ref else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AkkoordError(
            f"amendment {ref!r} is ambiguous: {', '.join(a.known_id for a in matches)}; give more of the id"
        )
    hint = (
        "list them with `akkoord amend list`" if amendments else "there are no amendments yet (akkoord amend propose)"
    )
    raise AkkoordError(f"no amendment {ref!r} in this repository; {hint}")


class Amendments(dict[str, Amendment]):
    """id -> Amendment (oldest proposal first), with the commit order of each one's last acceptance."""

    def __init__(self, items: Iterable[tuple[str, Amendment]] = (), accepted_at: dict[str, int] | None = None) -> None:
        super().__init__(items)
        self.accepted_at = accepted_at or {}


def accepted_pending(amendments: dict[str, Amendment]) -> list[Amendment]:
    """Accepted amendments not yet consolidated, in the order their acceptances were committed."""
    pending = [a for a in amendments.values() if a.status == an.ACCEPTED]
    position = getattr(amendments, "accepted_at", {})
    return sorted(pending, key=lambda a: (position.get(a.known_id, 1 << 62), _accepted_at(a), a.known_id))


def _accepted_at(amendment: Amendment) -> str:
    accepted = amendment.last(an.ACCEPTED)
    return accepted.at if accepted is not None else ""
