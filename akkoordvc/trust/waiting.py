"""What is waiting in a repository: the answer to `akkoord status`.

Where the text stands (the current version, the committed text against it, edits in the work tree
not yet committed) and what still has to happen: proposals to decide, accepted amendments not yet in
a version, decisions that two clones made differently (contested), signatories and the sitting college
that have not decided about the current version, and an admin record that awaits more signatures.
Only statements that verify count (`status.matrix`); the number of problems `verify` finds is given too.

A part that cannot be read (a damaged amendment, a registry in an odd state) does not stop the rest:
it is reported as a problem of that part, so `status` always answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import AkkoordError
from ..model import amendment_names as an
from ..ops.amendments import Amendment

if TYPE_CHECKING:
    from .verify import Report


@dataclass
class Undecided:
    id: str
    name: str
    sitting: bool = False


@dataclass
class Waiting:
    root: str
    standing: dict[str, Any]
    current: str | None = None  # the current version's label
    proposed: list[Amendment] = field(default_factory=list)
    accepted: list[Amendment] = field(default_factory=list)  # accepted, not yet consolidated into a version
    contested: list[Amendment] = field(default_factory=list)
    undecided: list[Undecided] = field(default_factory=list)  # signatories pending on the current version
    sitting: dict[str, Any] | None = None  # the sitting college and its decision about the current version
    registry_pending: dict[str, Any] | None = None  # an admin record awaiting more signatures
    problems: int = 0  # what `akkoord verify` would report
    unreadable: list[str] = field(default_factory=list)  # parts that could not be read, with why

    @property
    def nothing(self) -> bool:
        """Whether nothing at all is waiting."""
        s = self.standing
        return not (
            self.proposed
            or self.accepted
            or self.contested
            or self.undecided
            or (self.sitting and self.sitting["decision"] == "pending")
            or self.registry_pending
            or self.problems
            or self.unreadable
            or s["uncommitted_edits"]
            or s["text_changed_since_version"]
        )

    def as_dict(self) -> dict[str, Any]:
        def ids(found: list[Amendment]) -> list[dict[str, str]]:
            return [{"id": a.known_id, "title": a.title} for a in found]

        return {
            "root": self.root,
            **self.standing,
            "proposed": ids(self.proposed),
            "accepted_not_in_a_version": ids(self.accepted),
            "contested": ids(self.contested),
            "undecided": [{"id": u.id, "name": u.name, "sitting": u.sitting} for u in self.undecided],
            "sitting_college": self.sitting,
            "registry_pending": self.registry_pending,
            "problems": self.problems,
            "unreadable": self.unreadable,
            "nothing_waiting": self.nothing,
        }


def waiting(workspace: Any, today: dt.date, trust_anchor: str | None = None) -> Waiting:
    """What is waiting in `workspace` (see the module docstring)."""
    from ..storage import amendment_store as store
    from ..storage.versions import standing

    found = Waiting(str(workspace.root), standing(workspace))
    found.current = found.standing["latest_version"]
    try:
        amendments = store.load(workspace)
    except AkkoordError as exc:
        found.unreadable.append(exc.message)
    else:
        found.proposed = [a for a in amendments.values() if a.status == an.PROPOSED]
        found.accepted = store.accepted_pending(amendments)
        found.contested = [a for a in amendments.values() if a.status == store.CONTESTED]
    try:
        _trust(workspace, today, trust_anchor, found)
    except AkkoordError as exc:
        found.unreadable.append(exc.message)
    return found


def _trust(workspace: Any, today: dt.date, trust_anchor: str | None, found: Waiting) -> None:
    from .results import results

    view = results(workspace, trust_anchor, today, ("waiting",)).waiting
    assert view is not None
    found.problems = view["problems"]
    found.registry_pending = view["registry_pending"]
    found.undecided = [Undecided(*entry) for entry in view["undecided"]]
    found.sitting = view["sitting"]


def trust_view(report: Report, matrix: dict[str, Any] | None) -> dict[str, Any]:
    """What `status` shows of a verification, as JSON data: the number of problems, an admin record awaiting
    more signatures, and (from `matrix`, the report's `status.matrix` when a registry is in force) the
    signatories that have not decided about the current version and the sitting college's decision."""
    view: dict[str, Any] = {
        "problems": len(report.problems),
        "registry_pending": None,
        "undecided": [],
        "sitting": None,
    }
    state = report.registry
    if state.pending is not None:
        view["registry_pending"] = {
            "record": state.pending.record.short,
            "signed": len(state.pending.signed_by),
            "needed": state.pending.regime.threshold,
        }
    if state.current is None or not report.versions or matrix is None:
        return view
    current = next(v for v in matrix["versions"] if v["current"])
    names = {s["id"]: s for s in matrix["signatories"]}
    view["undecided"] = [
        [ident, names[ident]["name"], names[ident]["sitting"]]
        for ident, state_ in current["states"].items()
        if state_ == "pending"
    ]
    college = matrix["current"]["sitting_college"]
    if college is not None:
        view["sitting"] = {
            "id": college,
            "name": names[college]["name"],
            "decision": matrix["current"]["sitting_college_decision"],
        }
    return view
