"""`akkoord status` as text: where the text stands, then each thing that waits for someone, with the command
that moves it on, in the language of the moment."""

from __future__ import annotations

from ..messages import counted, text
from ..ops.amendments import Amendment
from ..trust.waiting import Waiting

#: at most this many amendments or signatories are named on one line
NAMED = 5


def _names(items: list[str]) -> str:
    return ", ".join(items[:NAMED]) + (", …" if len(items) > NAMED else "")


def waiting_lines(found: Waiting) -> list[str]:
    """The status report: three lines on the text, then what is waiting (or that nothing is)."""
    s = found.standing
    lines = [
        text("repo.status.repository", root=found.root),
        text("repo.status.version", label=found.current or text("repo.status.no_version")),
        text("repo.status.sha", sha=s["text_sha256"]),
    ]
    todo: list[str] = []
    if s["uncommitted_edits"]:
        todo.append(text("repo.status.uncommitted"))
    if s["text_changed_since_version"]:
        todo.append(text("repo.status.changed_since_version", version=found.current))
    if found.proposed:
        todo.append(counted("repo.status.proposed", len(found.proposed), names=_ids(found.proposed)))
    if found.accepted:
        todo.append(counted("repo.status.accepted", len(found.accepted), names=_ids(found.accepted)))
    if found.contested:
        todo.append(counted("repo.status.contested", len(found.contested), names=_ids(found.contested)))
    if found.sitting is not None and found.sitting["decision"] == "pending":
        todo.append(text("repo.status.sitting_pending", id=found.sitting["id"], version=found.current))
    others = [u.id for u in found.undecided if not u.sitting]
    if others:
        todo.append(counted("repo.status.undecided", len(others), names=_names(others), version=found.current))
    if found.registry_pending:
        todo.append(text("repo.status.registry_pending", **found.registry_pending))
    if found.problems:
        todo.append(counted("repo.status.problems", found.problems))
    todo.extend(text("repo.status.unreadable", why=why) for why in found.unreadable)
    if not todo:
        return [*lines, text("repo.status.nothing")]
    return [*lines, text("repo.status.waiting"), *(f"  - {item}" for item in todo)]


def _ids(amendments: list[Amendment]) -> str:
    return _names([f"{a.known_id} ({a.title})" for a in amendments])
