"""Clone, pull and push, verified: nothing a remote sends reaches the branch, the version tags or the work tree
before it verifies against this clone's trust anchor (`storage.exchange` says which refs hold what).

`pull` fetches into staging refs and refuses, before anything else, a remote that rewrote its history or moved,
re-dated or deleted a version this clone took from it, and a version label it holds for another version than
this clone's. It then runs `trust.verify` on three states — this clone's own, the remote's as received, and the
result of taking it in (a fast-forward, or a merge commit built from objects) — and refuses every problem the
received or resulting state has that this clone did not have already. Only then do the branch, the new version
tags and the record of the remote's state move, in one ref transaction, and the work tree follows.

Two problems are not refused: a record that awaits more admin signatures (it counts for nothing until
cosigned, and cosigning needs it shared), and, when it arises only from merging, a fork of concurrent admin
records (both sides honest, neither saw the other): it is reported for the admins to resolve, and `push`
refuses to spread it until they have. `push` refuses what the remote would refuse: a remote with commits this
clone does not have, a label it holds for another version, a clone that does not verify.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import AkkoordError, RepositoryError
from ..messages import Message, text
from ..storage.actors import who_acts
from ..storage.exchange import (
    DEFAULT_REMOTE,
    Received,
    State,
    amendment_findings,
    branch_name,
    check_url,
    fetch,
    history_findings,
    label_clashes,
    local_state,
    merge_commit,
    recorded_updates,
    take,
    url_of,
)
from ..storage.gitrepo import ZERO, Repository
from ..storage.workspace import Workspace, new_repository
from . import Problem
from .anchor import checked_anchor, remember
from .verify import Report, verify

#: problems a received state may add: an admin record that awaits cosignatures counts for nothing yet
ACCEPTED = frozenset({"record-pending"})
#: problems that concurrent admin records made in two clones leave after a merge, for the admins to resolve
CONCURRENT = frozenset({"registry-fork", "record-on-fork"})


class Refused(AkkoordError):
    """A pull, push or clone refused: one line saying so, then one line per reason."""

    def __init__(self, what: Message, reasons: Iterable[Problem], advice: Message):
        lines = [str(reason) for reason in reasons]
        super().__init__(
            Message("exchange.refused", what=what, count=len(lines), advice=advice),
            detail="\n".join(f"  {line}" for line in lines),
        )
        self.reasons = lines


@dataclass
class Pulled:
    """What a pull took in."""

    remote: str
    url: str
    kind: str  # "up to date" | "ahead" | "fast-forward" | "merge" | "empty"
    old: str | None
    new: str | None
    received: str | None
    tags: list[str] = field(default_factory=list)  # version labels taken in
    paths: list[str] = field(default_factory=list)  # paths that changed in the work tree
    notices: list[str] = field(default_factory=list)
    anchor: str | None = None


@dataclass
class Pushed:
    """What a push sent."""

    remote: str
    url: str
    branch: str
    old: str | None
    new: str | None
    branch_sent: bool
    tags: list[str]
    notices: list[str] = field(default_factory=list)


@dataclass
class Cloned:
    """A new clone."""

    url: str
    root: str
    branch: str
    head: str
    versions: list[str]
    anchor: str | None
    anchor_given: bool
    statements: int


def report_at(workspace: Workspace, state: State, anchor: str | None, today: dt.date) -> Report:
    """`verify` of `state` (a commit and its version tags) as if it were this repository's, changing nothing."""
    repo = workspace.repo
    assert state.head is not None
    if state.head == repo.head_commit() and state.tag_refs() == local_state(repo).tag_refs():
        return verify(workspace, anchor, today)
    with repo.view(state.head, state.tag_refs()) as view:
        return verify(Workspace(view), anchor, today)


def _key(problem: Problem) -> tuple[str, str, str]:
    return (problem.code, problem.where, problem.message)


def new_problems(known: Iterable[Problem], found: Iterable[Problem]) -> list[Problem]:
    """The problems of `found` that are not in `known` and not accepted (see ACCEPTED), each once."""
    seen = {_key(p) for p in known}
    out = []
    for problem in found:
        if _key(problem) not in seen and problem.code not in ACCEPTED:
            seen.add(_key(problem))
            out.append(problem)
    return out


def own_report(workspace: Workspace, given: str | None, today: dt.date) -> tuple[str | None, Report, list[str]]:
    """The anchor to check received states against, this clone's own report, and what to tell the user: the
    anchor given or remembered, else the one this clone's registry starts at (remembered from now on)."""
    pinned, warning = checked_anchor(workspace, given)
    notes = [str(warning)] if warning else []
    mine = verify(workspace, pinned, today)
    if pinned is None and mine.registry.anchor:
        pinned = mine.registry.anchor
        note = remember(workspace, pinned)
        if note:
            notes.append(str(note))
    return pinned, mine, notes


def pull(
    workspace: Workspace,
    remote: str = DEFAULT_REMOTE,
    *,
    by: str | None = None,
    anchor: str | None = None,
    today: dt.date,
) -> Pulled:
    """Fetch `remote`, verify what it sent, and take it in (see the module docstring); `Refused` otherwise."""
    repo = workspace.repo
    with workspace.writing():
        url, local, received, findings = _fetched(repo, remote)
        what = Message("exchange.what.pull", remote=remote)
        inspect = Message("exchange.advice.pull", ref=received.incoming_ref)
        if findings:
            raise Refused(what, findings, inspect)
        theirs = received.state.head
        if theirs is None:
            return Pulled(remote, url, "empty", local.head, local.head, None)
        target, kind = _target(repo, local, received, by, url)
        if target == local.head and all(label in local.tags for label in received.state.tags):
            take(repo, received, local, target)  # nothing to take in: only the record of the remote's state
            return Pulled(remote, url, kind, local.head, target, theirs)
        pinned, mine, notes = own_report(workspace, anchor, today)
        reports = [report_at(workspace, received.state, pinned, today)]
        result = State(target, {**local.tags, **received.state.tags})
        if result.tag_refs() != received.state.tag_refs() or target != theirs:
            reports.append(report_at(workspace, result, pinned, today))
        bad = new_problems(mine.problems, reports[0].problems)
        merged = new_problems([*mine.problems, *reports[0].problems], reports[-1].problems) if len(reports) > 1 else []
        bad += [p for p in merged if p.code not in CONCURRENT]
        if bad:
            raise Refused(what, bad, inspect)
        if pinned is None and reports[0].registry.anchor:
            note = remember(workspace, reports[0].registry.anchor)
            if note:
                notes.append(text("exchange.note.registry_brought", remote=remote, note=note))
        notes += [
            text("exchange.note.merge_leaves", where=p.where, message=p.said)
            for p in merged
            if p.code in CONCURRENT and p.code != "record-on-fork"
        ]
        paths = repo.changed_paths(local.head, target) if local.head and target != local.head else []
        take(repo, received, local, target)
        workspace.expected = target
        tags = sorted(label for label in received.state.tags if label not in local.tags)
        return Pulled(remote, url, kind, local.head, target, theirs, tags, paths, notes, pinned)


def _fetched(repo: Repository, remote: str) -> tuple[str, State, Received, list[Problem]]:
    """Fetch `remote` into the staging refs: its URL, this clone's state, what came, and what a remote may never
    send (rewritten history; a moved, re-dated or deleted version; a label this clone holds for another; a deleted
    amendment or a deleted or changed amendment event)."""
    url = url_of(repo, remote)
    local = local_state(repo)
    received = fetch(repo, remote, branch_name(repo))
    return (
        url,
        local,
        received,
        [
            *received.findings,
            *history_findings(repo, received),
            *label_clashes(local, received),
            *amendment_findings(
                repo,
                received.state.head if local.head is not None else None,
                local.head,
                text("exchange.source.remote", remote=remote, branch=received.branch),
            ),
        ],
    )


def _target(repo: Repository, local: State, received: Received, by: str | None, url: str) -> tuple[str, str]:
    """Where the branch goes: (commit, how)."""
    ours, theirs = local.head, received.state.head
    assert ours is not None and theirs is not None
    if theirs == ours:
        return ours, "up to date"
    if repo.is_ancestor(theirs, ours):
        return ours, "ahead"
    if repo.is_ancestor(ours, theirs):
        return theirs, "fast-forward"
    author = who_acts(by, repo)
    subject = Message("store.commit.merge", remote=received.remote, url=url, branch=received.branch)
    return merge_commit(repo, ours, theirs, subject, author), "merge"


def push(workspace: Workspace, remote: str = DEFAULT_REMOTE, *, anchor: str | None = None, today: dt.date) -> Pushed:
    """Send the branch and the version tags the remote lacks, when the remote has nothing this clone lacks and
    this clone verifies; record what was sent as the remote's state."""
    repo = workspace.repo
    with repo.locked():
        url, local, received, findings = _fetched(repo, remote)
        branch = received.branch
        theirs = received.state.head
        if theirs is not None and theirs != local.head and not repo.is_ancestor(theirs, local.head or ZERO):
            findings.append(
                Problem("remote-ahead", f"{remote}/{branch}", Message("exchange.remote_ahead", remote=remote))
            )
        what = Message("exchange.what.push", remote=remote)
        findings += amendment_findings(repo, local.head, theirs, text("exchange.source.local", branch=branch))
        if findings:
            raise Refused(what, findings, Message("exchange.advice.push"))
        specs = [f"refs/heads/{branch}:refs/heads/{branch}"] if local.head != theirs else []
        tags = sorted(label for label in local.tags if label not in received.state.tags)
        specs += [f"refs/tags/{local.tags[label].name}:refs/tags/{local.tags[label].name}" for label in tags]
        notes: list[str] = []
        if specs:
            pinned, mine, notes = own_report(workspace, anchor, today)
            known = report_at(workspace, received.state, pinned, today).problems if theirs is not None else []
            bad = new_problems(known, mine.problems)
            if bad:
                raise Refused(what, bad, Message("exchange.advice.push_unverified"))
            pushed = repo.push(remote, specs)
            rejected = [p for p in pushed if p.rejected]
            if rejected:
                said = [
                    Problem("push-rejected", p.ref, Message("exchange.push_rejected", remote=remote, summary=p.summary))
                    for p in rejected
                ]
                raise Refused(what, said, Message("exchange.advice.push_rejected"))
        sent = State(local.head, {**received.state.tags, **{label: local.tags[label] for label in tags}})
        repo.update_refs(recorded_updates(repo, remote, branch, sent), f"akkoord: push {remote}")
        return Pushed(remote, url, branch, theirs, local.head, local.head != theirs, tags, notes)


def clone(url: str, directory: str | None, *, anchor: str | None = None, today: dt.date) -> Cloned:
    """A new clone of `url` in `directory`, taken only when everything in it verifies (against `anchor` when
    given; else its registry's first record is trusted from now on, and the caller says so loudly)."""
    folder = directory or _folder_for(url)
    url = check_url(url)
    with new_repository(folder) as repo:
        repo.add_remote(DEFAULT_REMOTE, url)
        _, head_branch = repo.list_remote(DEFAULT_REMOTE)
        branch = head_branch or "main"
        repo.set_branch(branch)
        received = fetch(repo, DEFAULT_REMOTE, branch)
        what = Message("exchange.what.clone", url=url)
        if received.findings:
            raise Refused(what, received.findings, Message("exchange.advice.clone"))
        head = received.state.head
        if head is None:
            raise RepositoryError(Message("exchange.no_branch", url=url, branch=branch))
        with repo.view(head, received.state.tag_refs()) as view:
            found = Workspace(view)
            if found.repo.read(head, "akkoord.xml") is None:
                raise RepositoryError(Message("exchange.not_an_agreement", url=url, branch=branch))
            report = verify(found, anchor, today)
        bad = [p for p in report.problems if p.code not in ACCEPTED]
        if bad:
            raise Refused(what, bad, Message("exchange.advice.clone"))
        updates: list[tuple[str, str | None, str | None]] = [(f"refs/heads/{branch}", head, ZERO)]
        updates += [(ref, sha, ZERO) for ref, sha in sorted(received.state.tag_refs().items())]
        updates += recorded_updates(repo, DEFAULT_REMOTE, branch, received.state)
        repo.update_refs(updates, f"akkoord: clone {url}")
        repo.check_out()
        ours = report.registry.anchor
        if ours:
            remember(Workspace(repo), ours)
        statements = sum(1 for c in report.statements if c.verified)
        labels = [v.label for v in report.versions]
    return Cloned(url, os.path.abspath(folder), branch, head, labels, ours, anchor is not None, statements)


def _folder_for(url: str) -> str:
    """The folder `git clone` would choose: the URL's last part without `.git`."""
    name = url.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].removesuffix(".git")
    if not name or name in (".", ".."):
        raise RepositoryError(Message("exchange.no_folder_name", url=url))
    return name
