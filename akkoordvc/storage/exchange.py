"""Exchanging an agreement with a shared remote: which refs hold what, and what a remote may never do.

A clone keeps, besides its branch and its version tags, two sets of refs per remote (local only; never pushed):

    refs/akkoord/incoming/REMOTE/heads/BRANCH      what the last fetch received, before it is verified
    refs/akkoord/incoming/REMOTE/tags/version/L
    refs/akkoord/remotes/REMOTE/heads/BRANCH       the remote's state when it was last verified and taken in
    refs/akkoord/remotes/REMOTE/tags/version/L     (or pushed to): the clone's memory of that remote

`git fetch` runs with explicit refspecs and `--no-tags`, so nothing received reaches the branch, the tags or
the work tree until the caller took it in (`take`). Against the recorded state, a remote whose branch no
longer contains the recorded commit has rewritten (or rolled back) its history, and a version tag that differs
from the recorded one was moved, re-dated or deleted; and a label the remote holds for another tag than this
clone's is claimed twice. Each is a `Problem`: what the caller refuses.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field

from ..errors import Problem, RepositoryError
from ..messages import Message
from ..model import amendment_names as an
from .amendment_store.paths import EVENTS, RECORD
from .amendment_store.paths import FOLDER as AMENDMENTS
from .gitrepo import ZERO, Identity, Repository, TagInfo, valid_ref_component
from .language import repository_language
from .versions import TAG_PREFIX, tag_date
from .workspace import CHANGE_TRAILER, text_language

INCOMING = "refs/akkoord/incoming"
RECORDED = "refs/akkoord/remotes"
DEFAULT_REMOTE = "origin"


@dataclass
class State:
    """A branch commit and the version tags beside it: a clone's own, a remote's as received, or as recorded."""

    head: str | None
    tags: dict[str, TagInfo] = field(default_factory=dict)  # label -> tag

    def tag_refs(self) -> dict[str, str]:
        """refs/tags/version/LABEL -> tag object, for every version tag."""
        return {f"refs/tags/{tag.name}": tag.sha for tag in self.tags.values()}


@dataclass
class Received:
    """What a fetch from a remote brought: its state, the state recorded from it before, and what is wrong."""

    remote: str
    branch: str
    state: State
    recorded: State
    findings: list[Problem] = field(default_factory=list)

    @property
    def incoming_ref(self) -> str:
        return f"{INCOMING}/{self.remote}/heads/{self.branch}"


def check_remote_name(name: str) -> None:
    if not valid_ref_component(name):
        raise RepositoryError(Message("exchange.bad_remote_name", name=name))


def check_url(url: str) -> str:
    """Any git URL or path, but never one git would read as an option; a relative path made absolute (git
    runs in the repository, not where the command was given)."""
    if not url.strip() or url.startswith("-") or any(c in url for c in "\n\r\0"):
        raise RepositoryError(Message("exchange.bad_url", url=url))
    if "://" not in url and ":" not in url.split("/", 1)[0]:
        return os.path.abspath(url)
    return url


def url_of(repo: Repository, remote: str) -> str:
    """The URL of the configured remote `remote`, or one line saying how to add it."""
    check_remote_name(remote)
    url = repo.remotes().get(remote)
    if url is None:
        known = ", ".join(sorted(repo.remotes())) or Message("exchange.none")
        raise RepositoryError(Message("exchange.no_remote", remote=remote, known=known))
    return url


def branch_name(repo: Repository) -> str:
    return repo.branch_ref().removeprefix("refs/heads/")


def version_tags(repo: Repository, root: str = "refs/tags/") -> dict[str, TagInfo]:
    """The annotated version tags under `root` (refs/tags/ or a remote's namespace), by label."""
    return {tag.name[len(TAG_PREFIX) :]: tag for tag in repo.tags(TAG_PREFIX, root=root)}


def local_state(repo: Repository) -> State:
    return State(repo.head_commit(), version_tags(repo))


def recorded_state(repo: Repository, remote: str, branch: str) -> State:
    """The remote's state when this clone last verified and took it in (or pushed to it); empty before that."""
    root = f"{RECORDED}/{remote}/"
    head = repo.refs(f"{root}heads/").get(f"{root}heads/{branch}")
    return State(head, version_tags(repo, f"{root}tags/"))


def fetch(repo: Repository, remote: str, branch: str) -> Received:
    """Fetch `remote`'s branch and version tags into the staging refs (what the remote no longer has is pruned
    from them); nothing else changes."""
    root = f"{INCOMING}/{remote}/"
    tags_spec = f"+refs/tags/{TAG_PREFIX}*:{root}tags/{TAG_PREFIX}*"
    if not repo.fetch(
        remote, [f"+refs/heads/{branch}:{root}heads/{branch}", tags_spec], optional=f"refs/heads/{branch}"
    ):
        repo.update_refs([(ref, None, None) for ref in repo.refs(f"{root}heads/")], "akkoord: the remote has no branch")
        repo.fetch(remote, [tags_spec])
    head = repo.refs(f"{root}heads/").get(f"{root}heads/{branch}")
    tags = version_tags(repo, f"{root}tags/")
    findings = []
    for ref in sorted(repo.refs(f"{root}tags/")):
        label = ref[len(f"{root}tags/{TAG_PREFIX}") :]
        if label not in tags or not valid_ref_component(label):
            tags.pop(label, None)
            findings.append(
                Problem(
                    "version-tag-odd",
                    f"{remote}: {TAG_PREFIX}{label}"[:200],
                    Message("exchange.tag_odd"),
                )
            )
    return Received(remote, branch, State(head, tags), recorded_state(repo, remote, branch), findings)


def _describe(tag: TagInfo) -> Message:
    return Message("exchange.tag_described", commit=tag.commit[:12], date=_date(tag))


def _date(tag: TagInfo) -> str | Message:
    return tag_date(tag) or Message("exchange.no_date")


def history_findings(repo: Repository, received: Received) -> list[Problem]:
    """What the remote changed in the state this clone recorded from it: rewritten history, moved, re-dated or
    deleted versions."""
    found: list[Problem] = []
    where = f"{received.remote}/{received.branch}"
    old, new = received.recorded.head, received.state.head
    if old is not None:
        if new is None:
            found.append(
                Problem(
                    "history-rewritten",
                    where,
                    Message("exchange.branch_gone", remote=received.remote, commit=old[:12]),
                )
            )
        elif old != new and not repo.is_ancestor(old, new):
            found.append(
                Problem(
                    "history-rewritten",
                    where,
                    Message("exchange.history_rewritten", commit=old[:12]),
                )
            )
    for label, before in sorted(received.recorded.tags.items()):
        now = received.state.tags.get(label)
        tag = f"{received.remote}: {TAG_PREFIX}{label}"
        if now is None:
            found.append(Problem("version-deleted", tag, Message("exchange.version_deleted", before=_describe(before))))
        elif now.sha != before.sha:
            if now.commit != before.commit:
                what = Message("exchange.version_moved", old=before.commit[:12], new=now.commit[:12])
                code = "version-moved"
            elif tag_date(now) != tag_date(before):
                what = Message("exchange.version_redated", old=_date(before), new=_date(now))
                code = "version-redated"
            else:
                what = Message("exchange.version_remade")
                code = "version-moved"
            found.append(Problem(code, tag, what))
    return found


def amendment_findings(repo: Repository, tip: str | None, since: str | None, source: str | Message) -> list[Problem]:
    """What the commits of `tip` since `since` did to amendments that is never allowed: an amendment deleted, an
    amendment event deleted or changed, an amendment's record rewritten without a `revised` event added beside
    it (what `amend rebase` does, the one command that rewrites a record). Proposals and their status history
    are append-only, so that nothing a clone had is lost by taking in what another sent. `source` says whose
    commits these are (see `exchange.source.*`)."""
    if tip is None:
        return []
    found: dict[tuple[str, str], set[str]] = {}
    for commit, changes in repo.diffs(tip, [AMENDMENTS], since=since, statuses="ADMT"):
        revised = {m.group(1) for status, path in changes if status == "A" and (m := _REVISED.match(path))}
        for status, path in changes:
            parts = path.split("/")
            if len(parts) == 4 and parts[2] == EVENTS and status != "A":
                what = "deleted" if status == "D" else "changed"
            elif len(parts) == 3 and parts[2] == RECORD and status == "D":
                what = "deleted"
            elif len(parts) == 3 and parts[2] == RECORD and status != "A" and parts[1] not in revised:
                what = "record_changed"
            else:
                continue
            found.setdefault((path, what), set()).add(commit[:12])
    return [
        Problem(
            "amendment-rewritten",
            path,
            Message(f"exchange.amendment_{what}", commits=", ".join(sorted(commits)), source=source),
        )
        for (path, what), commits in sorted(found.items())
    ]


#: an amendment's `revised` event: the one `amend rebase` adds beside the record it rewrites
_REVISED = re.compile(rf"^{AMENDMENTS}/([^/]+)/{EVENTS}/[^/]+-{an.REVISED}-[0-9a-f]{{8}}\.xml$")


def label_clashes(local: State, received: Received) -> list[Problem]:
    """Labels the remote holds for another version than this clone's own (a label is claimed once)."""
    found = []
    for label, theirs in sorted(received.state.tags.items()):
        mine = local.tags.get(label)
        if mine is None or mine.sha == theirs.sha:
            continue
        before = received.recorded.tags.get(label)
        if before is not None and before.sha == mine.sha:
            continue  # the remote changed a version this clone had from it: a history finding says so
        found.append(
            Problem(
                "version-label-taken",
                f"{TAG_PREFIX}{label}",
                Message(
                    "exchange.label_taken",
                    remote=received.remote,
                    label=label,
                    theirs=_describe(theirs),
                    mine=_describe(mine),
                ),
            )
        )
    return found


def merge_commit(repo: Repository, ours: str, theirs: str, subject: str | Message, author: Identity) -> str:
    """The merge of `theirs` into `ours`, built from objects (no index, no work tree); refuses conflicting paths.
    A catalogue `subject` is written in the agreement's language, like every commit message."""
    tree, conflicts = repo.merge_tree(ours, theirs)
    if tree is None:
        shown: str | Message = ", ".join(conflicts[:5])
        if len(conflicts) > 5:
            shown = Message("exchange.and_more", shown=shown, count=len(conflicts) - 5)
        raise RepositoryError(Message("exchange.merge_conflict", paths=shown, theirs=theirs[:12]))
    if isinstance(subject, Message):
        subject = subject.render(text_language(repository_language(repo.root)))
    message = f"{subject}\n\n{CHANGE_TRAILER}: merge\n"
    return repo.commit_object(tree, [ours, theirs], message, author, int(time.time()))


def recorded_updates(
    repo: Repository, remote: str, branch: str, state: State
) -> list[tuple[str, str | None, str | None]]:
    """Ref updates that make `state` the recorded state of `remote`."""
    root = f"{RECORDED}/{remote}/"
    wanted = {f"{root}tags/{tag.name}": tag.sha for tag in state.tags.values()}
    if state.head is not None:
        wanted[f"{root}heads/{branch}"] = state.head
    updates: list[tuple[str, str | None, str | None]] = [
        (ref, None, None) for ref in repo.refs(root) if ref not in wanted
    ]
    updates += [(ref, sha, None) for ref, sha in sorted(wanted.items())]
    return updates


def new_tags(local: State, received: State) -> list[tuple[str, str, str]]:
    """Ref updates creating the received version tags this clone does not have."""
    return [
        (f"refs/tags/{tag.name}", tag.sha, ZERO)
        for label, tag in sorted(received.tags.items())
        if label not in local.tags
    ]


def take(repo: Repository, received: Received, local: State, target: str) -> None:
    """Move the branch to `target`, create the new version tags and record the remote's state, in one ref
    transaction; then bring the work tree to `target`."""
    refs: list[tuple[str, str | None, str | None]] = [*new_tags(local, received.state)]
    refs += recorded_updates(repo, received.remote, received.branch, received.state)
    repo.advance(target, local.head, refs, f"akkoord: pull {received.remote}")


def forget(repo: Repository, remote: str) -> None:
    """Drop the staging and recorded refs of `remote`."""
    refs = {**repo.refs(f"{INCOMING}/{remote}/"), **repo.refs(f"{RECORDED}/{remote}/")}
    repo.update_refs([(ref, None, None) for ref in refs], f"akkoord: forget remote {remote}")
