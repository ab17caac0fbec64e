"""Terminal text for clone, pull, push and remote: what came in, what went out, what is trusted.

Every function takes data the library computed and returns lines; nothing here decides what is taken in.
"""

from __future__ import annotations

import re

from ..storage.amendment_store import FOLDER as AMENDMENTS
from ..storage.workspace import TEXT_PATH
from ..trust import printable
from ..trust.exchange import Cloned, Pulled, Pushed
from ..trust.records import FOLDER as RECORDS
from ..trust.statements import FOLDERS

_KINDS = (
    ("statement(s)", re.compile(rf"^{FOLDERS['endorsement']}/[^/]+/[^/]+\.json$")),
    ("attestation(s)", re.compile(rf"^{FOLDERS['attestation']}/[^/]+/[^/]+\.json$")),
    ("admin record(s)", re.compile(rf"^{RECORDS}/[0-9a-f]{{64}}\.json$")),
    ("amendment(s)", re.compile(rf"^{AMENDMENTS}/[^/]+/amendment\.xml$")),
    ("amendment event(s)", re.compile(rf"^{AMENDMENTS}/[^/]+/events/[^/]+$")),
)


def changed(paths: list[str]) -> str:
    """What the changed `paths` hold, counted by kind: '2 statement(s), 1 admin record(s), the text'."""
    counts = {name: sum(1 for p in paths if pattern.match(p)) for name, pattern in _KINDS}
    parts = [f"{n} {name}" for name, n in counts.items() if n]
    if TEXT_PATH in paths:
        parts.append("the text")
    return ", ".join(parts)


def pulled(result: Pulled) -> list[str]:
    where = f"{result.remote} ({printable(result.url)})"
    if result.kind == "empty":
        return [f"{where} has no branch yet: nothing to pull (send yours with `akkoord push {result.remote}`)"]
    old, new = (result.old or "")[:12], (result.new or "")[:12]
    how = {
        "up to date": f"already up to date at {new}",
        "ahead": f"nothing new: this clone is ahead at {new} (send it with `akkoord push {result.remote}`)",
        "fast-forward": f"fast-forward {old}..{new}",
        "merge": f"merged into {new} (a merge commit of {old} and {(result.received or '')[:12]})",
    }[result.kind]
    lines = [f"Pulled from {where}: {how}; everything received verifies"]
    what = changed(result.paths)
    if result.tags or what:
        versions = f"version(s) {', '.join(printable(t) for t in result.tags)}" if result.tags else ""
        lines.append(f"  taken in: {', '.join(p for p in (versions, what) if p)}")
    lines += [f"  note: {note}" for note in result.notices]
    return lines


def pushed(result: Pushed) -> list[str]:
    where = f"{result.remote} ({printable(result.url)})"
    if not result.branch_sent and not result.tags:
        return [f"{where} is up to date (at {(result.new or '')[:12]}): nothing to push"]
    parts = []
    if result.branch_sent and result.old is None:
        parts.append(f"new branch {result.branch} at {(result.new or '')[:12]}")
    elif result.branch_sent:
        parts.append(f"{result.branch} {(result.old or '')[:12]}..{(result.new or '')[:12]}")
    if result.tags:
        parts.append(f"version(s) {', '.join(printable(t) for t in result.tags)}")
    return [f"Pushed to {where}: {'; '.join(parts)}"] + [f"  note: {note}" for note in result.notices]


def cloned(result: Cloned) -> list[str]:
    lines = [f"Cloned {printable(result.url)} into {result.root} (branch {result.branch} at {result.head[:12]})"]
    if result.versions:
        lines.append(
            f"  versions: {', '.join(printable(v) for v in result.versions)} (current: {printable(result.versions[-1])}); "
            f"{result.statements} statement(s); everything verifies"
        )
    else:
        lines.append(f"  no versions yet; {result.statements} statement(s); everything verifies")
    if result.anchor and result.anchor_given:
        lines.append(f"  trust anchor sha256:{result.anchor} (as given), remembered in this clone")
    return lines


def first_use(result: Cloned) -> list[str]:
    """The loud note of a clone that trusts its registry's first record on first use."""
    if not result.anchor or result.anchor_given:
        return []
    return [
        f"NOTE: trust on first use: this clone now trusts the registry that starts at sha256:{result.anchor}",
        "  (remembered in git config akkoord.trustAnchor; every later pull is checked against it).",
        "  Compare it with the trust anchor the secretariat published, through a channel you trust;",
        f"  to pin it when cloning: akkoord clone --trust-anchor sha256:{result.anchor} URL",
    ]


def remotes(rows: list[tuple[str, str, str | None, list[str]]]) -> list[str]:
    """One line per remote: name, URL, and the state last verified from it."""
    if not rows:
        return ["no remotes; add one with `akkoord remote add NAME URL`"]
    width = max(len(name) for name, *_ in rows)
    lines = []
    for name, url, head, labels in rows:
        seen = f"last verified at {head[:12]}, {len(labels)} version(s)" if head else "not fetched yet (`akkoord pull`)"
        lines.append(f"{name:<{width}}  {printable(url)}  ({seen})")
    return lines
