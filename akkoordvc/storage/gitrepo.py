"""The one module that runs git (through gitpython).

Commits are built from objects, never through the user's index: blobs are stored, a tree
is written from HEAD's tree plus the changed files, a commit is created, and the branch is
moved with a compare-and-swap `update-ref`. Only after the ref has moved are the work tree
and index brought up to date for the touched paths. A crash before the ref moves leaves the
repository exactly as it was; a concurrent writer makes the swap fail instead of being lost.

No git identity needs to be configured: every commit names its author explicitly.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import git
from git import Actor, Commit, IndexFile
from git.index.typ import BaseIndexEntry
from gitdb.base import IStream

from ..errors import RepositoryError
from .files import write_atomic

ZERO = "0" * 40
_IDENTITY = re.compile(r"^\s*(?P<name>[^<>]+?)\s*(?:<(?P<email>[^<>\s]+)>)?\s*$")


@dataclass(frozen=True)
class Identity:
    """Who acts: a name and an e-mail address (synthesised when only a name is known)."""

    name: str
    email: str

    @classmethod
    def parse(cls, text: str) -> "Identity":
        """Read "Name <email>" or just "Name"."""
        match = _IDENTITY.match(text or "")
        if not match or not match.group("name").strip():
            raise RepositoryError(f"--by {text!r}: expected a name, optionally followed by <email>")
        name = match.group("name").strip()
        email = match.group("email") or (re.sub(r"[^a-z0-9]+", ".", name.lower()).strip(".") or "someone") + "@akkoord.invalid"
        return cls(name, email)

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def actor(self) -> Actor:
        return Actor(self.name, self.email)


@dataclass(frozen=True)
class TagInfo:
    name: str
    sha: str  # the tag object
    commit: str
    tagger: str
    timestamp: int
    message: str


class Repository:
    """A git repository holding an agreement."""

    def __init__(self, repo: git.Repo):
        self.git_repo = repo
        self.root = Path(repo.working_tree_dir)

    # opening ----------------------------------------------------------------
    @classmethod
    def discover(cls, start: str | os.PathLike = ".") -> "Repository":
        """The repository containing `start` (searching upwards), or a RepositoryError."""
        try:
            repo = git.Repo(start, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise RepositoryError(
                f"{os.path.abspath(start)} is not inside an akkoord repository; run `akkoord init DIR` or use -C DIR"
            ) from None
        if repo.bare or repo.working_tree_dir is None:
            raise RepositoryError(f"{repo.git_dir} is a bare repository; akkoord needs a work tree")
        return cls(repo)

    @classmethod
    def create(cls, path: str | os.PathLike, branch: str = "main") -> "Repository":
        repo = git.Repo.init(path, initial_branch=branch)
        return cls(repo)

    # reading ----------------------------------------------------------------
    def head_commit(self) -> str | None:
        try:
            return self.git_repo.head.commit.hexsha
        except ValueError:  # unborn branch
            return None

    def branch_ref(self) -> str:
        try:
            return self.git_repo.head.ref.path  # e.g. refs/heads/main
        except TypeError:
            raise RepositoryError("HEAD is detached; check out a branch (git switch main) and retry") from None

    def resolve(self, rev: str) -> str | None:
        """The commit id `rev` names, or None."""
        if rev.startswith("-"):
            return None
        try:
            return self.git_repo.commit(rev).hexsha
        except (git.BadName, git.BadObject, ValueError, git.GitCommandError):
            return None

    def read(self, commit: str, path: str) -> bytes | None:
        """The bytes of `path` in `commit`, or None when absent."""
        try:
            blob = self.git_repo.commit(commit).tree / path
        except KeyError:
            return None
        return blob.data_stream.read()

    def list_dir(self, commit: str | None, folder: str) -> list[str]:
        """Paths of all files under `folder` in `commit` (recursive), sorted."""
        if commit is None:
            return []
        try:
            tree = self.git_repo.commit(commit).tree / folder
        except KeyError:
            return []
        return sorted(item.path for item in tree.traverse() if item.type == "blob")

    def work_file(self, path: str) -> Path:
        return self.root / path

    def changed_in_work_tree(self, paths: list[str]) -> list[str]:
        """Those of `paths` whose work-tree or index content differs from HEAD."""
        head = self.head_commit()
        changed = []
        for path in paths:
            committed = self.read(head, path) if head else None
            full = self.root / path
            current = full.read_bytes() if full.is_file() else None
            if committed != current:
                changed.append(path)
        if head and paths:
            staged = self.git_repo.git.diff("--cached", "--name-only", "HEAD", "--", *paths)
            changed.extend(p for p in staged.splitlines() if p not in changed)
        return changed

    def log_paths(self, paths: list[str], rev: str | None = None) -> list[Commit]:
        """Commits touching `paths`, newest first."""
        rev = rev or self.head_commit()
        if rev is None:
            return []
        return list(self.git_repo.iter_commits(rev, paths=paths))

    def commit_info(self, sha: str) -> Commit:
        return self.git_repo.commit(sha)

    def is_ancestor(self, ancestor: str, descendant: str) -> bool:
        return self.git_repo.is_ancestor(ancestor, descendant)

    def config_identity(self) -> Identity | None:
        reader = self.git_repo.config_reader()
        try:
            name = reader.get_value("user", "name")
            email = reader.get_value("user", "email")
        except Exception:
            return None
        return Identity(str(name), str(email)) if name and email else None

    # writing ----------------------------------------------------------------
    def commit_files(
        self,
        changes: dict[str, bytes | None],
        message: str,
        author: Identity,
        *,
        timestamp: int | None = None,
        allow_dirty: tuple[str, ...] = (),
    ) -> str:
        """Commit `changes` (path -> new bytes, or None to delete) on the current branch; return the commit id.

        Refuses when a changed path has uncommitted edits (they would be lost), unless listed in `allow_dirty`.
        """
        repo = self.git_repo
        ref = self.branch_ref()
        old = self.head_commit()
        dirty = [p for p in self.changed_in_work_tree(sorted(changes)) if p not in allow_dirty]
        if dirty:
            raise RepositoryError(
                f"{', '.join(dirty)}: uncommitted changes would be overwritten; commit them "
                "(akkoord commit -m MSG) or discard them (git checkout -- FILE) and retry"
            )
        if old:
            index = IndexFile.from_tree(repo, old)
        else:
            index = IndexFile(repo, os.devnull)
            index.entries = {}
        for path, data in changes.items():
            if data is None:
                index.entries.pop((path, 0), None)
                continue
            stream = repo.odb.store(IStream("blob", len(data), BytesIO(data)))
            index.entries[(path, 0)] = _entry(path, stream.binsha)
        tree = index.write_tree()
        when = timestamp if timestamp is not None else int(time.time())
        date = f"{when} +0000"
        actor = author.actor()
        commit = Commit.create_from_tree(
            repo,
            tree,
            message,
            parent_commits=[repo.commit(old)] if old else [],
            head=False,
            author=actor,
            committer=actor,
            author_date=date,
            commit_date=date,
        )
        try:
            repo.git.update_ref(ref, commit.hexsha, old or ZERO, m=f"akkoord: {message.splitlines()[0]}")
        except git.GitCommandError:
            raise RepositoryError(
                f"{ref} moved while this command ran (another process committed); nothing was written, retry"
            ) from None
        self._sync_work_tree(changes)
        return commit.hexsha

    def _sync_work_tree(self, changes: dict[str, bytes | None]) -> None:
        for path, data in changes.items():
            full = self.root / path
            if data is None:
                if full.exists():
                    full.unlink()
            else:
                full.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(full, data)
        self.git_repo.git.reset("-q", "HEAD", "--", *sorted(changes))

    def create_tag(self, name: str, commit: str, message: str, tagger: Identity, timestamp: int) -> str:
        """Create the annotated tag `name` (refs/tags/NAME) atomically; refuse if it exists."""
        body = (
            f"object {commit}\ntype commit\ntag {name}\n"
            f"tagger {tagger.name} <{tagger.email}> {timestamp} +0000\n\n{message.rstrip()}\n"
        ).encode("utf-8")
        stream = self.git_repo.odb.store(IStream("tag", len(body), BytesIO(body)))
        sha = stream.hexsha.decode() if isinstance(stream.hexsha, bytes) else stream.hexsha
        try:
            self.git_repo.git.update_ref(f"refs/tags/{name}", sha, ZERO)
        except git.GitCommandError:
            raise RepositoryError(f"tag {name} already exists; choose another label") from None
        return sha

    def tags(self, prefix: str) -> list[TagInfo]:
        """Annotated tags under refs/tags/PREFIX, in one git call."""
        fmt = "%(refname)%00%(objectname)%00%(*objectname)%00%(taggername) %(taggeremail)%00%(taggerdate:raw)%00%(contents)%00%00"
        out = self.git_repo.git.for_each_ref(f"refs/tags/{prefix}", format=fmt, strip_newline_in_stdout=False)
        found = []
        for record in out.split("\x00\x00"):
            record = record.lstrip("\n")
            if not record:
                continue
            refname, sha, target, tagger, date, message = record.split("\x00", 5)
            if not target:
                continue  # a lightweight tag: not a version
            found.append(
                TagInfo(
                    name=refname[len("refs/tags/"):],
                    sha=sha,
                    commit=target,
                    tagger=tagger.strip(),
                    timestamp=int(date.split()[0]) if date.strip() else 0,
                    message=message,
                )
            )
        return found

    def tag_target(self, name: str) -> str | None:
        """The commit an annotated or lightweight tag points to."""
        try:
            return self.git_repo.git.rev_parse(f"refs/tags/{name}^{{commit}}")
        except git.GitCommandError:
            return None

    def run(self, *args: str) -> str:
        """Run another git command (for callers in upper layers that need plain git output)."""
        return self.git_repo.git.execute(["git", *args])


def global_identity() -> Identity | None:
    """The user's configured git identity outside any repository (global and system config), if complete."""
    runner = git.Git()
    try:
        name = runner.config("--get", "user.name").strip()
        email = runner.config("--get", "user.email").strip()
    except git.GitCommandError:
        return None
    return Identity(name, email) if name and email else None


def _entry(path: str, binsha: bytes) -> BaseIndexEntry:
    return BaseIndexEntry((0o100644, binsha, 0, path))


def valid_ref_component(name: str) -> bool:
    """Whether `name` may be used in a git ref name (a conservative subset of check-ref-format)."""
    return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", name)) and ".." not in name and not name.endswith(
        (".lock", ".")
    )
