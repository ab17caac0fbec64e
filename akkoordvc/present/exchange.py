"""Terminal text for clone, pull, push and remote: what came in, what went out, what is trusted.

Every function takes data the library computed and returns lines; nothing here decides what is taken in.
"""

from __future__ import annotations

import re

from ..messages import text
from ..storage.amendment_store import FOLDER as AMENDMENTS
from ..storage.workspace import TEXT_PATH
from ..trust import printable
from ..trust.exchange import Cloned, Pulled, Pushed
from ..trust.records import FOLDER as RECORDS
from ..trust.statements import FOLDERS

_KINDS = (
    ("statements", re.compile(rf"^{FOLDERS['endorsement']}/[^/]+/[^/]+\.json$")),
    ("attestations", re.compile(rf"^{FOLDERS['attestation']}/[^/]+/[^/]+\.json$")),
    ("records", re.compile(rf"^{RECORDS}/[0-9a-f]{{64}}\.json$")),
    ("amendments", re.compile(rf"^{AMENDMENTS}/[^/]+/amendment\.xml$")),
    ("events", re.compile(rf"^{AMENDMENTS}/[^/]+/events/[^/]+$")),
)


def changed(paths: list[str]) -> str:
    """What the changed `paths` hold, counted by kind: '2 statement(s), 1 admin record(s), the text'."""
    counts = {name: sum(1 for p in paths if pattern.match(p)) for name, pattern in _KINDS}
    parts = [text(f"exchange.kind.{name}", count=n) for name, n in counts.items() if n]
    if TEXT_PATH in paths:
        parts.append(text("exchange.kind.text"))
    return ", ".join(parts)


def _where(remote: str, url: str) -> str:
    return text("exchange.where", remote=remote, url=printable(url))


def _versions(labels: list[str] | tuple[str, ...]) -> str:
    return text("exchange.versions", labels=", ".join(printable(t) for t in labels))


def _notes(notices: list[str]) -> list[str]:
    return [text("exchange.note", note=note) for note in notices]


def pulled(result: Pulled) -> list[str]:
    where = _where(result.remote, result.url)
    if result.kind == "empty":
        return [text("exchange.pull.empty", where=where, remote=result.remote)]
    old, new = (result.old or "")[:12], (result.new or "")[:12]
    key = {"up to date": "up_to_date", "ahead": "ahead", "fast-forward": "fast_forward", "merge": "merge"}
    how = text(
        f"exchange.pull.{key[result.kind]}",
        old=old,
        new=new,
        remote=result.remote,
        received=(result.received or "")[:12],
    )
    lines = [text("exchange.pull.done", where=where, how=how)]
    what = changed(result.paths)
    if result.tags or what:
        versions = _versions(result.tags) if result.tags else ""
        lines.append(text("exchange.pull.taken_in", what=", ".join(p for p in (versions, what) if p)))
    return lines + _notes(result.notices)


def pushed(result: Pushed) -> list[str]:
    where = _where(result.remote, result.url)
    if not result.branch_sent and not result.tags:
        return [text("exchange.push.nothing", where=where, new=(result.new or "")[:12])]
    parts = []
    if result.branch_sent and result.old is None:
        parts.append(text("exchange.push.new_branch", branch=result.branch, new=(result.new or "")[:12]))
    elif result.branch_sent:
        parts.append(
            text("exchange.push.branch", branch=result.branch, old=(result.old or "")[:12], new=(result.new or "")[:12])
        )
    if result.tags:
        parts.append(_versions(result.tags))
    return [text("exchange.push.done", where=where, what="; ".join(parts))] + _notes(result.notices)


def cloned(result: Cloned) -> list[str]:
    lines = [
        text(
            "exchange.clone.done",
            url=printable(result.url),
            root=result.root,
            branch=result.branch,
            head=result.head[:12],
        )
    ]
    if result.versions:
        labels = ", ".join(printable(v) for v in result.versions)
        current = printable(result.versions[-1])
        lines.append(text("exchange.clone.versions", labels=labels, current=current, count=result.statements))
    else:
        lines.append(text("exchange.clone.no_versions", count=result.statements))
    if result.anchor and result.anchor_given:
        lines.append(text("exchange.clone.anchor", anchor=result.anchor))
    return lines


def first_use(result: Cloned) -> list[str]:
    """The loud note of a clone that trusts its registry's first record on first use."""
    if not result.anchor or result.anchor_given:
        return []
    return text("exchange.clone.first_use", anchor=result.anchor).split("\n")


def remotes(rows: list[tuple[str, str, str | None, list[str]]]) -> list[str]:
    """One line per remote: name, URL, and the state last verified from it."""
    if not rows:
        return [text("exchange.remote.none")]
    width = max(len(name) for name, *_ in rows)
    lines = []
    for name, url, head, labels in rows:
        if head:
            seen = text("exchange.remote.seen", head=head[:12], count=len(labels))
        else:
            seen = text("exchange.remote.unseen")
        lines.append(text("exchange.remote.line", name=f"{name:<{width}}", url=printable(url), seen=seen))
    return lines
