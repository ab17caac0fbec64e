"""Contest settlement: an amendment's status read from the commit graph of its events.

Its standing decisions are the events no later event has seen (no other event's commit descends from
theirs). When they disagree it is `contested`; a decision recorded after both resolves it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ...errors import ConflictError
from ...messages import Message, text
from ...model import amendment_names as an
from ...model.dates import moment_seconds
from ...ops.amendments import Amendment, Event, status_of
from ..gitrepo import Repository

#: The status of an amendment decided differently in two clones that did not see each other's decision.
#: It is never stored: it is read from the commit graph of the event files.
CONTESTED = "contested"


STATUSES = (*an.STATUSES, CONTESTED)


@dataclass(frozen=True)
class Competing:
    """One of the decisions that contest an amendment, with the commit that recorded it."""

    event: Event
    commit: str | None

    def as_dict(self) -> dict[str, Any]:
        return {**self.event.as_dict(), "commit": self.commit}

    def describe(self) -> Message:
        reason = f" ({self.event.reason})" if self.event.reason else ""
        return Message(
            "amend.status.by",
            status=status_word(self.event.status),
            name=self.event.by.name,
            date=self.event.at[:10],
            reason=reason,
        )


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

    def as_dict(self) -> dict[str, Any]:
        data = super().as_dict()
        if self.competing:
            data["competing"] = [c.as_dict() for c in self.competing]
        return data


def recorded(amendment: Amendment, **changes: Any) -> Recorded:
    """`amendment` (a record or a Recorded) as a Recorded, with `changes`; settled and competing are reset
    unless given."""
    values = {f.name: getattr(amendment, f.name) for f in dataclasses.fields(Amendment)}
    values.update(settled="", competing=())
    values.update(changes)
    return Recorded(**values)


class Ancestry:
    """Which commit descends from which: the commit graph up to `tip`, read once (one `git rev-list`) and
    only when it is first needed."""

    def __init__(self, repo: Repository, tip: str):
        self.repo = repo
        self.tip = tip
        self._index: dict[str, int] | None = None
        self._parents: dict[str, list[str]] = {}

    def _load(self) -> None:
        self._index = {}
        for number, (sha, parents) in enumerate(self.repo.commit_graph(self.tip)):
            self._index[sha] = number  # children before their parents
            self._parents[sha] = parents

    def is_ancestor(self, ancestor: str, descendant: str) -> bool:
        if ancestor == descendant:
            return True
        if self._index is None:
            self._load()
        index = self._index
        assert index is not None
        if descendant == self.tip and ancestor in index:  # the graph is the tip's history: no walk
            return True
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


def outcome_of(event: Event) -> str:
    """The status an event leaves the amendment in."""
    return an.PROPOSED if event.status == an.REVISED else event.status


def _agreement(event: Event) -> tuple[str, int] | tuple[str]:
    """What two concurrent decisions must share not to contest each other: the decision, and for an
    acceptance (consolidation carries one out) the revision accepted."""
    outcome = outcome_of(event)
    if outcome in (an.ACCEPTED, an.CONSOLIDATED):
        return (an.ACCEPTED, event.revision)
    return (outcome,)


def final_status(status: str, history: tuple[Event, ...], revision: int) -> str:
    """An acceptance of a revision that a version already consolidated (the resolution of a contest with a
    consolidation) leaves it consolidated: its change is in the text, and is not consolidated twice."""
    if status == an.ACCEPTED and any(e.status == an.CONSOLIDATED and e.revision == revision for e in history):
        return an.CONSOLIDATED
    return status


def settle(
    events: tuple[Event, ...], commits: tuple[str | None, ...], ancestry: Ancestry, revision: int
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
    outcomes = [outcome_of(events[i]) for i in standing]
    status = an.CONSOLIDATED if an.CONSOLIDATED in outcomes else outcomes[-1]
    return final_status(status, events, revision), ()


def status_word(status: str) -> Message:
    """An amendment's status (proposed, accepted, ..., contested, revised) in the language of the moment."""
    return Message(f"amend.status.{status}")


def contest_summary(amendment: Amendment) -> str:
    """The competing decisions of a contested amendment in one line: 'accepted by A on D (why) vs rejected by ...'."""
    return str(Message("amend.status.versus")).join(str(c.describe()) for c in getattr(amendment, "competing", ()))


def how_to_resolve(ident: str) -> Message:
    return Message("amend.how_to_resolve", id=ident)


def describe_status(amendment: Amendment) -> str | Message:
    status = amendment.status
    if status == CONTESTED:
        return Message("amend.status.contested_by", summary=contest_summary(amendment))
    # the event that set the status (concurrent identical decisions: the last of them in commit order)
    event = next((e for e in reversed(amendment.history) if outcome_of(e) == status), None)
    if event is None:
        event = amendment.history[-1] if amendment.history else None
    if event is None:
        return status_word(status)
    reason = f" ({event.reason})" if event.reason else ""
    if status == an.CONSOLIDATED:
        return Message("amend.status.consolidated_on", date=event.at[:10], reason=reason)
    if event.status == an.REVISED:
        return Message(
            "amend.status.revised_by", revision=event.revision, name=event.by.name, date=event.at[:10], reason=reason
        )
    return Message("amend.status.by", status=status_word(status), name=event.by.name, date=event.at[:10], reason=reason)


class ContestedError(ConflictError):
    """Amendments decided differently in two clones: nothing is consolidated until they are decided again."""

    def __init__(self, message: Message, contested: list[Amendment]):
        lines = []
        for amendment in contested:
            lines.append(text("store.contested_line", id=amendment.id, title=amendment.title))
            for competing in getattr(amendment, "competing", ()):
                where = f" (commit {competing.commit[:12]})" if competing.commit else ""
                lines.append(f"  {competing.describe()}{where}")
        super().__init__(message, detail="\n".join(lines))
        self.contested = contested


def contested(amendments: dict[str, Amendment]) -> list[Amendment]:
    return [a for a in amendments.values() if a.status == CONTESTED]


def refuse_contested(amendments: dict[str, Amendment], cannot: Message) -> None:
    """Refuse what `cannot` says ("cannot create version 2024") while an amendment is contested."""
    found = contested(amendments)
    if not found:
        return
    first = found[0]
    if len(found) == 1:
        what = Message("store.contested.one", id=first.id, summary=contest_summary(first))
    else:
        ids = ", ".join(a.known_id for a in found)
        what = Message("store.contested.many", ids=ids, id=first.id, summary=contest_summary(first))
    how = how_to_resolve(first.known_id if len(found) == 1 else "ID")
    raise ContestedError(Message("store.contested", cannot=cannot, what=what, how=how), found)
