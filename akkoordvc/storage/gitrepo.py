"""The one module that runs git: every read and write is one of git's own commands, run as a process (no git
library: importing one cost every command about 0.1 s before it did anything).

Commits are built from objects, never through the user's index: blobs are stored, a tree is written from
HEAD's tree plus the changed files (in a private, temporary index: the repository's index is never moved or
rewritten for this), a commit is created, and the branch is moved with a compare-and-swap `update-ref`. Only
after the ref has moved are the work tree and index brought up to date for the touched paths. A crash before the
ref moves leaves the repository exactly as it was; a concurrent writer makes the swap fail instead of being lost.

Every object is written by git itself (`hash-object -w`, `write-tree`), which writes a temporary file and
renames it into place, and checks the format of commits and tags: a process killed while an object is written
leaves at most a missing object or a complete one, never a damaged one (`git fsck --strict` stays clean).

Writers take the repository lock `.git/akkoord.lock` (an OS file lock, released by the kernel when its process
ends, even by kill -9) around the commit and the work-tree sync, so two akkoord commands never sync the work tree
over each other; a command that commits holds it from before it reads the repository until it ends
(`Repository.locked`), so commands run one after another. While a commit's work-tree sync is pending,
`.git/akkoord-pending` records it; the next command that opens the repository finishes an interrupted sync (see
`Repository.recover`), removes the temporary files an interrupted write left, and removes a git index lock whose
owner is gone. A command that only reads works whatever state the index is in.

Writers refuse a repository where git is in the middle of something (a detached HEAD, another branch than the
agreement's, an unfinished merge, rebase, cherry-pick or revert): one line says how to get back.

No git identity needs to be configured: every commit names its author explicitly. No git hook runs for
akkoord's commits (they are written as objects, like git's own plumbing does), except git's
`reference-transaction` hook, which git runs for every ref update and which may refuse one.

Crash tests: `step(NAME)` marks each point of a write where a crash must be survivable. With the environment
variable AKKOORD_TEST_KILL_AT=NAME (or NAME#N, the Nth time) the process kills itself with SIGKILL there; with
AKKOORD_TEST_STEPS=FILE it appends each step it passes to FILE. Neither is set in normal use, where a step costs
one comparison.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Concatenate, ParamSpec, TypeVar

from ..errors import AkkoordError, RepositoryError
from ..messages import Message
from ..model.strings import NOT_ONE_LINE, describe_char, one_line
from .files import TEMP_PREFIX, TEMP_SUFFIX, why, write_atomic

ZERO = "0" * 40
LOCK_FILE = "akkoord.lock"
PENDING_FILE = "akkoord-pending"
#: the agreement's branch when `git config akkoord.branch` names none
DEFAULT_BRANCH = "main"
#: prefix of the temporary files of a work-tree sync (made only under the repository lock, so safe to remove)
SYNC_PREFIX = TEMP_PREFIX + "sync-"
#: Seconds a command waits for another akkoord command to finish writing before giving up.
LOCK_WAIT = float(os.environ.get("AKKOORD_LOCK_TIMEOUT", 120))
#: Seconds a writer waits for a live git command to release the index lock before reporting it.
INDEX_LOCK_WAIT = 3.0

if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt
else:
    import fcntl


@dataclass
class _Held:
    """The repository lock a process holds: its open lock file, and how many `locked` blocks hold it."""

    handle: BinaryIO
    depth: int


# lock file path -> the lock held: re-entrant within a process
_HELD: dict[str, _Held] = {}
_HELD_GUARD = threading.Lock()
_IDENTITY = re.compile(r"^\s*(?P<name>[^<>]+?)\s*(?:<(?P<email>[^<>\s]+)>)?\s*$")

_KILL_AT = os.environ.get("AKKOORD_TEST_KILL_AT") or None
_STEP_LOG = os.environ.get("AKKOORD_TEST_STEPS") or None
_STEPS_SEEN: dict[str, int] = {}
P = ParamSpec("P")
R = TypeVar("R")


def step(name: str) -> None:
    """A point of a write where a crash must leave a repository the next command can use (see the docstring)."""
    if _KILL_AT is None and _STEP_LOG is None:
        return
    count = _STEPS_SEEN[name] = _STEPS_SEEN.get(name, 0) + 1
    if _STEP_LOG is not None:
        with open(_STEP_LOG, "a", encoding="utf-8") as log:
            log.write(f"{name}#{count}\n")
    if _KILL_AT in (name, f"{name}#{count}"):
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class Identity:
    """Who acts: a name and an e-mail address (synthesised when only a name is known)."""

    name: str
    email: str

    @classmethod
    def parse(cls, text: str) -> Identity:
        """Read "Name <email>" or just "Name"."""
        bad = NOT_ONE_LINE.search(text or "")  # what a git author line cannot hold
        if bad:
            raise RepositoryError.keyed("store.by_not_one_line", by=repr(text), char=describe_char(bad.group()))
        if len(text) > 500:
            raise RepositoryError.keyed("store.by_too_long", count=f"{len(text):,}", limit=500)
        match = _IDENTITY.match(text or "")
        if not match or not match.group("name").strip():
            raise RepositoryError.keyed("store.by_no_name", by=repr(text))
        name = match.group("name").strip()
        email = (
            match.group("email")
            or (re.sub(r"[^a-z0-9]+", ".", name.lower()).strip(".") or "someone") + "@akkoord.invalid"
        )
        return cls(name, email)

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


@dataclass(frozen=True)
class TreeEntry:
    """One entry of a commit's tree as `git ls-tree -r -l` lists it: a file, a symlink or a submodule."""

    path: str  # not UTF-8 bytes of a name are kept as surrogate escapes
    mode: str  # 100644 / 100755 file, 120000 symlink, 160000 submodule
    sha: str
    size: int | None  # None for a submodule

    @property
    def is_file(self) -> bool:
        return self.mode in ("100644", "100755")


@dataclass(frozen=True)
class PushedRef:
    """One ref of a push, as git reported it: the flag of `git push --porcelain` (' ' fast-forward, '*' new,
    '=' up to date, '!' rejected, ...) and its summary."""

    ref: str
    flag: str
    summary: str

    @property
    def rejected(self) -> bool:
        return self.flag == "!"


@dataclass(frozen=True)
class TagInfo:
    name: str
    sha: str  # the tag object
    commit: str
    tagger: str
    timestamp: int
    message: str


class NoRepository(RepositoryError):
    """There is no akkoord repository here (as opposed to one that is damaged or in an odd state)."""


class GitFailed(Exception):
    """A git command that exited with a non-zero status: the status, and what git said on its error output."""

    def __init__(self, command: str, status: int, stderr: str):
        super().__init__(f"git {command} exited with {status}: {stderr.strip()}")
        self.command = command
        self.status = status
        self.stderr = stderr


#: git's messages in English whatever the user's locale (some are recognised by their words)
_GIT_ENV = {"LANGUAGE": "C", "LC_ALL": "C"}


def _run(
    cwd: str | os.PathLike[str], args: list[str], input: bytes | None = None, env: dict[str, str] | None = None
) -> bytes:
    """Run `git ARGS` in `cwd` and return its output; a non-zero exit raises GitFailed."""
    return _run_checked(cwd, args, input, env)[0]


def _run_checked(
    cwd: str | os.PathLike[str], args: list[str], input: bytes | None = None, env: dict[str, str] | None = None
) -> tuple[bytes, str]:
    """Run `git ARGS` in `cwd`: its output and its error output; a non-zero exit raises GitFailed."""
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, input=input, capture_output=True, env={**os.environ, **_GIT_ENV, **(env or {})}
        )
    except OSError as exc:
        raise RepositoryError.keyed("store.no_git", why=exc.strerror) from None
    said = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise GitFailed(args[0], proc.returncode, said)
    return proc.stdout, said


def _batch(cwd: str | os.PathLike[str], mode: str, names: list[str]) -> bytes:
    """`git cat-file MODE` (--batch or --batch-check) for `names`. Git answers "missing" for an object it cannot
    read and says why on its error output: that is damage, not absence (GitFailed)."""
    out, said = _run_checked(cwd, ["cat-file", mode], "".join(f"{name}\n" for name in names).encode("utf-8"))
    if re.search(r"^(error|fatal):", said, re.MULTILINE):
        raise GitFailed("cat-file", 0, said)
    return out


def _reading(method: Callable[Concatenate[Repository, P], R]) -> Callable[Concatenate[Repository, P], R]:
    """Turn what a damaged object store makes git (or reading its answer) raise into one line naming the damage."""

    def wrapper(self: Repository, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except RepositoryError:
            raise
        except (ValueError, OSError, GitFailed, AssertionError) as exc:
            raise self.damaged(exc) from None

    functools.update_wrapper(wrapper, method)
    return wrapper


class Repository:
    """A git repository holding an agreement."""

    def __init__(self, root: Path, git_dir: Path, common_dir: Path):
        self.root = root
        self.git_dir = git_dir
        self.common_dir = common_dir
        #: paths of an interrupted commit whose index entries could not be brought to HEAD yet (see `recover`)
        self.index_outstanding: list[str] = []

    # opening ----------------------------------------------------------------
    @classmethod
    def discover(cls, start: str | os.PathLike[str] = ".") -> Repository:
        """The repository containing `start` (searching upwards), or a RepositoryError."""
        where = os.path.abspath(start)
        if not os.path.isdir(where):
            raise NoRepository.keyed("store.no_repository", where=where)
        args = ["rev-parse", "--path-format=absolute", "--is-bare-repository", "--git-dir", "--git-common-dir"]
        try:
            out = _run(where, [*args, "--show-toplevel"])
        except GitFailed as exc:
            if "not a git repository" in exc.stderr:
                raise NoRepository.keyed("store.no_repository", where=where) from None
            if "dubious ownership" in exc.stderr:
                raise RepositoryError(_dubious(where, exc.stderr)) from None
            if "must be run in a work tree" not in exc.stderr:
                raise RepositoryError.keyed(
                    "store.git_cannot_open", where=where, said=_clip(one_line(exc.stderr))
                ) from None
            out = _run(where, args)  # a bare repository, or inside .git
        lines = out.decode("utf-8", "surrogateescape").splitlines()
        bare, git_dir, common_dir = lines[:3]
        root = lines[3] if len(lines) > 3 else None
        if root is None and bare == "false" and Path(git_dir).name == ".git":
            root = str(Path(git_dir).parent)  # started inside .git
        if bare == "true" or root is None:
            raise RepositoryError.keyed("store.bare", path=git_dir)
        return cls(Path(root), Path(git_dir), Path(common_dir))

    @classmethod
    def create(cls, path: str | os.PathLike[str], branch: str = DEFAULT_BRANCH) -> Repository:
        os.makedirs(path, exist_ok=True)
        try:
            _run(path, ["init", "-q", f"--initial-branch={branch}"])
        except GitFailed as exc:
            raise RepositoryError.keyed("store.git_cannot_create", path=os.fspath(path), said=_git_said(exc)) from None
        return cls.discover(path)

    # reading ----------------------------------------------------------------
    def head_commit(self) -> str | None:
        """The commit HEAD names, or None on a branch with no commit yet."""
        try:
            return self._out("rev-parse", "-q", "--verify", "HEAD^{commit}").strip() or None
        except GitFailed as exc:
            if exc.status == 1 and not exc.stderr.strip():  # unborn branch
                return None
            raise self.damaged(exc) from None

    def branch_ref(self) -> str:
        """The branch HEAD is on (e.g. refs/heads/main); a detached HEAD is refused."""
        try:
            return self._out("symbolic-ref", "-q", "HEAD").strip()
        except GitFailed:
            raise RepositoryError(self._detached_message()) from None

    def resolve(self, rev: str) -> str | None:
        """The commit id `rev` names, or None."""
        if rev.startswith("-"):
            return None
        return self._rev_parse(f"{rev}^{{commit}}")

    @_reading
    def read(self, commit: str, path: str) -> bytes | None:
        """The bytes of `path` in `commit`, or None when absent."""
        data = self.read_blobs([f"{commit}:{path}"])[0]
        if data is None and self._rev_parse(f"{commit}^{{commit}}") is None:
            raise self.damaged(ValueError(f"there is no commit {commit}"))
        return data

    @_reading
    def read_tree(self, commit: str, folder: str) -> dict[str, bytes]:
        """Every file under `folder` in `commit` (recursive): path -> bytes, sorted by path.

        Two git processes whatever the number of files (`ls-tree -r`, then one `cat-file --batch`), where
        reading each file by its path would parse the folder's trees again for every file."""
        listing = self._out("ls-tree", "-r", "-z", commit, "--", folder)
        entries = []
        for record in listing.split("\0"):
            if record:
                meta, path = record.split("\t", 1)
                if meta.split()[1] == "blob":
                    entries.append((path, meta.split()[2]))
        blobs = self.read_blobs([sha for _, sha in entries])
        return dict(sorted((path, blob) for (path, _), blob in zip(entries, blobs, strict=True) if blob is not None))

    @_reading
    def read_blobs(self, names: list[str]) -> list[bytes | None]:
        """The blobs `names` name ("COMMIT:PATH" or a blob id), in one `git cat-file --batch`; None for a name
        that is missing or not a file."""
        if not names:
            return []
        out = _batch(self.root, "--batch", names)
        blobs: list[bytes | None] = []
        position = 0
        for _ in names:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            position = end + 1
            if len(header) != 3:  # "NAME missing" (or ambiguous)
                blobs.append(None)
                continue
            size = int(header[2])
            blobs.append(out[position : position + size] if header[1] == b"blob" else None)
            position += size + 1
        return blobs

    def stream_blobs(self, names: list[str]) -> Iterator[bytes | None]:
        """`read_blobs`, each blob handed over as soon as git has written it, so the caller works on one while git
        reads the next (one `git cat-file --batch`)."""
        for found in self._stream_objects(names):
            yield found[1] if found is not None and found[0] == b"blob" else None

    def _stream_objects(self, names: list[str]) -> Iterator[tuple[bytes, bytes] | None]:
        """(type, bytes) of the objects `names` name, each as soon as `git cat-file --batch` has written it; None
        for a name that names nothing."""
        if not names:
            return
        with tempfile.TemporaryFile() as requests, tempfile.TemporaryFile() as errors:
            requests.write("".join(f"{name}\n" for name in names).encode("utf-8"))
            requests.seek(0)
            proc = subprocess.Popen(
                ["git", "cat-file", "--batch"], cwd=self.root, stdin=requests, stdout=subprocess.PIPE, stderr=errors
            )
            assert proc.stdout is not None
            try:
                for _ in names:
                    header = proc.stdout.readline().split()
                    if not header:  # git stopped before answering every name: a damaged object store
                        proc.wait()
                        errors.seek(0)
                        said = errors.read().decode("utf-8", "replace")
                        raise self.damaged(OSError(said or "git cat-file stopped early"))
                    if len(header) != 3:  # "NAME missing" (or ambiguous)
                        yield None
                        continue
                    data = proc.stdout.read(int(header[2]))
                    proc.stdout.read(1)
                    yield header[1], data
            finally:
                proc.stdout.close()
                proc.kill()
                proc.wait()

    @_reading
    def object_ids(self, names: list[str]) -> list[tuple[str, str] | None]:
        """(type, object id) of each of `names` ("COMMIT:PATH", a commit or blob id), in one `git cat-file
        --batch-check`; None for a name that names nothing."""
        if not names:
            return []
        out = _batch(self.root, "--batch-check", names).decode("utf-8", "surrogateescape")
        found: list[tuple[str, str] | None] = []
        for line in out.splitlines()[: len(names)]:
            fields = line.split()  # "ID TYPE SIZE", or "NAME missing"
            whole = len(fields) == 3 and len(fields[0]) == 40 and fields[2].isdigit() and fields[1] != "missing"
            found.append((fields[1], fields[0]) if whole else None)
        return found

    @_reading
    def tree_entries(self, commit: str, folders: list[str]) -> list[TreeEntry]:
        """Every entry under `folders` in `commit` (a folder given that is a file or symlink is listed itself),
        in one `git ls-tree` call."""
        out = _run(self.root, ["ls-tree", "-r", "-l", "-z", commit, "--", *folders])
        entries = []
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, raw_path = record.partition(b"\t")
            mode, _kind, sha, size = meta.decode("ascii").split()
            path = raw_path.decode("utf-8", "surrogateescape")
            entries.append(TreeEntry(path, mode, sha, int(size) if size.isdigit() else None))
        return entries

    @_reading
    def read_blob(self, sha: str) -> bytes:
        """The bytes of the blob `sha` (a damaged or missing blob is a RepositoryError)."""
        data = self.read_blobs([sha])[0]
        if data is None:
            raise RepositoryError.keyed("store.object_missing", sha=sha)
        return data

    def changed_in_work_tree(self, paths: list[str]) -> list[str]:
        """Those of `paths` whose work-tree or index content differs from HEAD (a folder where a file should be
        counts as a change; the index entries an interrupted commit could not update yet do not)."""
        head = self.head_commit()
        changed = []
        for path in paths:
            committed = self.read(head, path) if head else None
            full = self.root / path
            try:
                current = full.read_bytes() if full.is_file() else None
            except OSError:
                current = b""  # unreadable: not what was committed
            if committed != current or (full.exists() and not full.is_file()):
                changed.append(path)
        staged = [p for p in paths if p not in self.index_outstanding]
        if head and staged:
            out = self._git_out("diff", "--cached", "--name-only", "-z", "HEAD", "--", *staged)
            changed.extend(p for p in out.split("\0") if p and p not in changed)
        return changed

    @_reading
    def is_ancestor(self, ancestor: str, descendant: str) -> bool:
        """Whether commit `ancestor` is `descendant` or one of its ancestors (`git merge-base --is-ancestor`)."""
        try:
            self._out("merge-base", "--is-ancestor", ancestor, descendant)
        except GitFailed as exc:
            if exc.status == 1:
                return False
            raise
        return True

    def config_identity(self) -> Identity | None:
        """The git identity configured for this repository (its own, the user's or the system's config)."""
        return _identity(self.root)

    def local_config(self, key: str) -> str | None:
        """A value of this repository's own git config (.git/config), or None."""
        try:
            return self._out("config", "--local", "--get", key).strip() or None
        except GitFailed:
            return None

    def set_local_config(self, key: str, value: str) -> None:
        try:
            self._out("config", "--local", key, value)
        except GitFailed as exc:
            raise RepositoryError.keyed("store.git_cannot_set", key=key, root=self.root, said=_git_said(exc)) from None

    def damaged(self, exc: BaseException) -> RepositoryError:
        """The one line for an object git cannot read: what, and how to find and repair the damage."""
        text = one_line(str(getattr(exc, "stderr", "") or exc))
        sha = re.search(r"\b([0-9a-f]{40})\b", text)
        what = (
            Message("store.damaged.object", sha=sha.group(1)[:12])
            if sha
            else Message("store.damaged.unreadable", said=_clip(text))
        )
        if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM):
            what = (
                Message("store.damaged.denied", path=exc.filename)
                if exc.filename
                else Message("store.damaged.denied_file")
            )
        return RepositoryError(Message("store.damaged", root=self.root, what=what))

    # state of git ---------------------------------------------------------------
    def agreement_branch(self) -> str:
        """The branch that holds the agreement: `git config akkoord.branch`, else main (else the only branch)."""
        try:
            configured = self._git_out("config", "--get", "akkoord.branch").strip()
        except RepositoryError:
            configured = ""
        if configured:
            return configured
        heads = self._git_out("for-each-ref", "--format=%(refname:strip=2)", "refs/heads/").split()
        if DEFAULT_BRANCH in heads or len(heads) != 1:
            return DEFAULT_BRANCH
        return heads[0]

    def unfinished_operation(self) -> Message | None:
        """A git operation left half done in the work tree (merge, rebase, ...), as a sentence saying how to end
        it, or None."""
        where = self.git_dir
        if (where / "rebase-merge").is_dir() or (where / "rebase-apply").is_dir():
            if (where / "rebase-apply" / "applying").exists():
                return Message("store.unfinished.am")
            return Message("store.unfinished.rebase")
        for name, command in (("MERGE_HEAD", "merge"), ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert")):
            if (where / name).exists():
                finish = "`git commit`" if command == "merge" else f"`git {command} --continue`"
                return Message("store.unfinished.operation", command=command, finish=finish)
        if (where / "BISECT_LOG").exists():
            return Message("store.unfinished.bisect")
        return None

    def check_writable(self) -> None:
        """Refuse to write while git is in the middle of something, or HEAD is not on the agreement's branch."""
        unfinished = self.unfinished_operation()
        if unfinished:
            raise RepositoryError.keyed("store.unfinished", root=self.root, unfinished=unfinished)
        branch = self.agreement_branch()
        current = self.branch_ref().removeprefix("refs/heads/")
        if current != branch:
            raise RepositoryError.keyed("store.other_branch", current=current, branch=branch)

    def _detached_message(self) -> Message:
        branch = self.agreement_branch()
        head = self._rev_parse("HEAD^{commit}")
        at = head[:12] if head else Message("store.unknown_commit")
        return Message("store.detached", at=at, branch=branch)

    # locking and recovery -----------------------------------------------------
    @contextlib.contextmanager
    def locked(self, *, reading: bool = False) -> Iterator[Repository]:
        """Hold the repository lock (re-entrant within a process); finish an interrupted commit first.

        `reading`: for a command that only reads, an interrupted commit whose index cannot be updated yet (git's
        index lock is held) is left for a later command instead of stopping this one."""
        path = os.path.realpath(os.path.join(self.common_dir, LOCK_FILE))
        with _HELD_GUARD:
            entry = _HELD.get(path)
            if entry is not None:
                entry.depth += 1
        if entry is None:
            handle = _acquire(path, self.root)
            with _HELD_GUARD:
                _HELD[path] = _Held(handle, 1)
            try:
                step("lock-acquired")
                self.recover(reading=reading)
            except BaseException:
                self._release(path)
                raise
        try:
            yield self
        finally:
            self._release(path)

    @staticmethod
    def _release(path: str) -> None:
        with _HELD_GUARD:
            entry = _HELD[path]
            entry.depth -= 1
            if entry.depth:
                return
            del _HELD[path]
        _unlock(entry.handle)

    def _pending_path(self) -> str:
        return os.path.join(self.git_dir, PENDING_FILE)

    def has_pending(self) -> bool:
        """Whether a commit's work-tree sync was interrupted (or is running in another process)."""
        return os.path.exists(self._pending_path())

    def needs_repair(self) -> bool:
        """Whether opening the repository should take the lock to repair it: an interrupted sync, or temporary
        files an interrupted write left in .git."""
        if self.has_pending():
            return True
        try:
            return any(n.startswith(TEMP_PREFIX) and n.endswith(TEMP_SUFFIX) for n in os.listdir(self.git_dir))
        except OSError:
            return False

    def recover(self, *, reading: bool = False) -> None:
        """Finish the work-tree sync of a commit whose command was interrupted after its branch moved.

        Each path of that commit is brought to the content of HEAD when the work tree still holds the content
        before or after the commit; a file with other content (edited since) is left alone and is then an
        ordinary uncommitted edit. The index entries of the paths are reset to HEAD. When the branch never moved
        (the command died before it), there is nothing to do. Temporary files left by interrupted writes are
        removed. A record that cannot be read stops the command: the work tree may be older than HEAD, and
        committing it would undo a recorded change. Call with the lock held."""
        pending = self._pending_path()
        try:
            with open(pending, "rb") as handle:
                record = json.loads(handle.read().decode("utf-8"))
            commit, parent, ref, paths = record["commit"], record["parent"], record["ref"], list(record["paths"])
            self._remove_temporary_files([str(path) for path in paths])
        except FileNotFoundError:
            self._remove_temporary_files([])
            return
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self._remove_temporary_files([])
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else Message("store.not_our_record")
            raise RepositoryError.keyed("store.pending_unreadable", pending=pending, why=why) from None
        tip = self._rev_parse(ref)
        if not tip or not (tip == commit or self._descends(tip, commit)):
            self._drop_pending()  # the branch never moved to that commit: nothing was written
            return
        for path in paths:
            full = self.root / path
            try:
                current = full.read_bytes() if full.is_file() else None
            except OSError:
                continue
            if full.exists() and not full.is_file():
                continue  # a folder in the way: leave it, the message of the command that failed said so
            wanted = self.read(tip, path)
            if current == wanted:
                continue
            before = self.read(parent, path) if parent else None
            after = self.read(commit, path)
            if current not in (before, after):
                continue  # edited since: keep the edit
            try:
                self._write_work_file(path, wanted)
            except AkkoordError as exc:
                if reading:
                    self.index_outstanding = paths
                    return
                raise RepositoryError.keyed("store.recover_failed", commit=commit[:12], why=exc.said) from None
            step("recover-file")
        try:
            self._reset_index(paths, commit)
        except RepositoryError:
            if not reading:
                raise
            self.index_outstanding = paths
            return
        self._drop_pending()

    def _descends(self, tip: str, commit: str) -> bool:
        try:
            return self.is_ancestor(commit, tip)
        except RepositoryError:
            return False

    def _remove_temporary_files(self, paths: list[str]) -> None:
        """Remove what interrupted writes of akkoord left: `.git/.akkoord-*.tmp`, and the work-tree sync's
        `.akkoord-sync-*.tmp` beside the `paths` of an interrupted commit (a sync writes only while the record of
        its commit exists, beside the files it names; both only under the repository lock, which the caller
        holds): the work tree is not walked, which in a repository of ten thousand files costs more than a commit."""
        found = []
        with contextlib.suppress(OSError):
            found += [self.git_dir / n for n in os.listdir(self.git_dir) if _is_temp(n, TEMP_PREFIX)]
        for folder in sorted({(self.root / path).parent for path in paths}):
            with contextlib.suppress(OSError):
                found += [folder / n for n in os.listdir(folder) if _is_temp(n, SYNC_PREFIX)]
        for path in found:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def _ensure_excluded(self) -> None:
        """Keep akkoord's temporary files out of `git add` through `.git/info/exclude` (local, never committed)."""
        exclude = self.common_dir / "info" / "exclude"
        line = f"{TEMP_PREFIX}*{TEMP_SUFFIX}"
        try:
            text = exclude.read_text(encoding="utf-8") if exclude.is_file() else ""
            if line in text.splitlines():
                return
            exclude.parent.mkdir(parents=True, exist_ok=True)
            with open(exclude, "a", encoding="utf-8") as handle:
                handle.write(
                    ("" if not text or text.endswith("\n") else "\n") + f"# akkoord's temporary files\n{line}\n"
                )
        except (OSError, UnicodeDecodeError):
            pass  # only a convenience: akkoord never commits those files itself

    # writing ----------------------------------------------------------------
    def commit_files(
        self,
        changes: dict[str, bytes | None],
        message: str,
        author: Identity,
        *,
        timestamp: int | None = None,
        allow_dirty: tuple[str, ...] = (),
        expected: str | None = None,
        tag: tuple[str, str] | None = None,
        tag_target: str | None = None,
        follow_up: Callable[[str], tuple[dict[str, bytes | None], str]] | None = None,
        what: Message | None = None,
    ) -> str:
        """Commit `changes` (path -> new bytes, or None to delete) on the current branch; return the commit id.

        Refuses when a changed path has uncommitted edits (they would be lost), unless listed in `allow_dirty`.
        `expected`, when given, is the commit the caller read the repository at: the commit is refused when
        the branch has moved since (the caller decided on a state that is gone). `tag` = (name, message)
        creates the annotated tag refs/tags/NAME on the new commit (or on `tag_target`) in the same ref
        transaction as the branch move: both happen or neither. `follow_up(first commit)` -> (changes, message),
        when given, adds a second commit on top of the first before the branch moves (a record that names the
        commit before it); the tag then names the first commit, and the branch the second. `what` names the
        change in messages ("version 2024", "commit"; a catalogue message).
        """
        with self.locked():
            self.check_writable()
            ref = self.branch_ref()
            old = self.head_commit()
            if expected is not None and old != expected:
                raise RepositoryError.keyed("store.moved", ref=ref)
            dirty = [p for p in self.changed_in_work_tree(sorted(changes)) if p not in allow_dirty]
            if dirty:
                raise RepositoryError.keyed("store.dirty", paths=", ".join(dirty))
            self._ensure_excluded()
            tree = self._tree_with(old, changes)
            when = timestamp if timestamp is not None else int(time.time())
            commit = self._write_object("commit", _commit_body(tree, old, author, when, message))
            first = commit
            if follow_up is not None:
                more, more_message = follow_up(first)
                changes = {**changes, **more}
                more_tree = self._tree_with(first, more)
                commit = self._write_object("commit", _commit_body(more_tree, first, author, when, more_message))
            updates = [(ref, commit, old or ZERO)]
            if tag is not None:
                name, tag_message = tag
                target = tag_target or first
                updates.append((f"refs/tags/{name}", self._tag_object(name, target, tag_message, author, when), ZERO))
            self._write_pending(commit, old, ref, sorted(changes))
            try:
                self._move_refs(updates, f"akkoord: {message.splitlines()[0]}")
            except RepositoryError:
                self._drop_pending()
                raise
            except GitFailed as exc:
                self._drop_pending()
                raise self._refused(exc, ref, old, tag[0] if tag else None) from None
            self._sync_work_tree(changes, commit, what or Message("store.what.commit"))
            return commit

    def _refused(self, exc: GitFailed, ref: str, old: str | None, tag: str | None) -> RepositoryError:
        """Why git did not move the refs, said for what it is; nothing was written in every case."""
        if tag is not None and self.tag_target(tag) is not None:
            return RepositoryError(Message("store.tag_exists_unwritten", tag=tag))
        if self.head_commit() != old:
            return RepositoryError(Message("store.moved", ref=ref))
        if tag:
            return RepositoryError(Message("store.tag_refused", tag=tag, why=_refusal(exc)))
        return RepositoryError(Message("store.move_refused", ref=ref, why=_refusal(exc)))

    def _tree_with(self, old: str | None, changes: dict[str, bytes | None]) -> str:
        """The tree of `old` with `changes` applied. Only the trees along the changed paths are read (one
        `git cat-file --batch`), changed and stored, with the changed blobs (one `git hash-object -w` each kind):
        every other tree of `old` is reused as it is, so a commit costs the same in a repository of ten thousand
        files as in one of ten (a temporary index would hold them all)."""
        if old is None:
            return self._tree_in_index(old, changes)
        width = len(old) // 2  # bytes of an object id: 20 (SHA-1) or 32 (SHA-256)
        folders = sorted({path.rsplit("/", 1)[0] if "/" in path else "" for path in changes})
        for folder in list(folders):
            while folder:
                folder = folder.rsplit("/", 1)[0] if "/" in folder else ""
                folders.append(folder)
        folders = sorted(set(folders), key=lambda f: (f.count("/") + bool(f), f))
        found = list(self._stream_objects([f"{old}^{{tree}}" if not f else f"{old}:{f}" for f in folders]))
        trees = {
            f: _tree_entries(o[1], width) if o is not None and o[0] == b"tree" else {}
            for f, o in zip(folders, found, strict=True)
        }
        written = [(path, data) for path, data in sorted(changes.items()) if data is not None]
        blobs = self._write_objects("blob", [data for _, data in written])
        for path, sha in zip([path for path, _ in written], blobs, strict=True):
            folder, _, name = path.rpartition("/")
            trees[folder][name.encode("utf-8", "surrogateescape")] = (b"100644", bytes.fromhex(sha))
        for path in (path for path, data in changes.items() if data is None):
            folder, _, name = path.rpartition("/")
            trees[folder].pop(name.encode("utf-8", "surrogateescape"), None)
        bodies: list[bytes] = []
        for folder in reversed(folders):  # deepest first: a parent holds its children's ids
            body = _tree_body(trees[folder])
            if folder:
                parent, _, name = folder.rpartition("/")
                if trees[folder]:
                    trees[parent][name.encode("utf-8", "surrogateescape")] = (
                        b"40000",
                        _object_id(b"tree", body, width),
                    )
                else:  # git keeps no empty folder
                    trees[parent].pop(name.encode("utf-8", "surrogateescape"), None)
                    continue
            bodies.append(body)
        ids = self._write_objects("tree", bodies)
        expected = [_object_id(b"tree", body, width).hex() for body in bodies]
        if ids != expected:
            raise RepositoryError.keyed("store.trees_differ", root=self.root)
        step("tree-written")
        return ids[-1]

    def _tree_in_index(self, old: str | None, changes: dict[str, bytes | None]) -> str:
        """The tree of `old` with `changes` applied, built by git in a private temporary index."""
        folder = tempfile.mkdtemp(prefix="akkoord-index-")
        try:
            env = {"GIT_INDEX_FILE": os.path.join(folder, "index")}
            if old:
                self._git_out("read-tree", old, env=env)
            written = [(path, data) for path, data in sorted(changes.items()) if data is not None]
            blobs = dict(
                zip([path for path, _ in written], self._write_objects("blob", [d for _, d in written]), strict=True)
            )
            lines = [
                f"0 {ZERO}\t{path}\0" if data is None else f"100644 {blobs[path]}\t{path}\0"
                for path, data in sorted(changes.items())
            ]
            self._git_out("update-index", "-z", "--index-info", input="".join(lines).encode("utf-8"), env=env)
            tree = self._git_out("write-tree", env=env).strip()
            step("tree-written")
            return tree
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _write_object(self, kind: str, data: bytes) -> str:
        return self._write_objects(kind, [data])[0]

    def _write_objects(self, kind: str, items: list[bytes]) -> list[str]:
        """Store each of `items` as a git object of `kind`, in one `git hash-object -w`: each whole in a temporary
        file first, then git reads them (never from a pipe, where a kill would hand git a truncated object to
        store, and never `--literally`: git checks the format of a commit or tag). Git writes through a temporary
        file it renames into place, so a kill at any moment leaves an object missing or complete."""
        if not items:
            return []
        with tempfile.TemporaryDirectory(prefix="akkoord-objects-") as folder:
            paths = [os.path.join(folder, str(n)) for n in range(len(items))]
            try:
                for n, (path, data) in enumerate(zip(paths, items, strict=True)):
                    with open(path, "wb") as staged:
                        if n == 0:
                            staged.write(data[: len(data) // 2])
                            step(f"{kind}-partly-staged")
                            data = data[len(data) // 2 :]
                        staged.write(data)
            except OSError as exc:
                raise RepositoryError.keyed("store.cannot_stage", kind=kind, root=self.root, why=why(exc)) from None
            proc = subprocess.run(
                ["git", "hash-object", "-t", kind, "-w", "--stdin-paths"],
                cwd=self.root,
                input="".join(f"{path}\n" for path in paths).encode(),
                capture_output=True,
            )
        if proc.returncode != 0:
            said = one_line(proc.stderr.decode("utf-8", "replace"))
            raise RepositoryError.keyed(
                "store.cannot_store", kind=kind, root=self.root, said=_clip(said), hint=_space_hint(proc.stderr)
            )
        step(f"{kind}-written")
        ids = proc.stdout.decode("ascii").split()
        if len(ids) != len(items):
            raise RepositoryError.keyed("store.stored_some", count=len(ids), total=len(items), root=self.root)
        return ids

    def _move_refs(self, updates: list[tuple[str, str, str]], reason: str) -> None:
        """Move every ref of `updates` (ref, new, expected old) in one transaction: all of them or none."""
        if len(updates) == 1:
            ref, new, old = updates[0]
            self._out("update-ref", "-m", reason, ref, new, old)
        else:
            script = "".join(f"update {ref} {new} {old}\n" for ref, new, old in updates).encode("ascii")
            _run(self.root, ["update-ref", "-m", reason, "--stdin"], input=script)
        step("refs-moved")

    def _write_pending(self, commit: str, parent: str | None, ref: str, paths: list[str]) -> None:
        record = {"commit": commit, "parent": parent, "ref": ref, "paths": paths}
        write_atomic(
            self._pending_path(),
            json.dumps(record).encode("utf-8"),
            before_replace=lambda: step("pending-temp-written"),
        )
        step("pending-written")

    def _drop_pending(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._pending_path())
        self.index_outstanding = []

    def _sync_work_tree(self, changes: dict[str, bytes | None], commit: str, what: Message) -> None:
        """Bring the work tree and index to the new commit; a failure says the commit is recorded, and what is
        left to repair."""
        for path, data in changes.items():
            try:
                self._write_work_file(path, data)
            except AkkoordError as exc:
                raise RepositoryError.keyed("store.sync_failed", what=what, commit=commit[:12], why=exc.said) from None
            step("file-synced")
        self._reset_index(sorted(changes), commit, what)
        self._drop_pending()

    def _write_work_file(self, path: str, data: bytes | None) -> None:
        full = self.root / path
        if data is None:
            if full.is_file() or full.is_symlink():
                full.unlink()
            return
        if full.exists() and not full.is_file():
            raise RepositoryError.keyed("store.not_a_file", path=path)
        try:
            full.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RepositoryError.keyed("store.cannot_make_folder", path=path, why=exc.strerror) from None
        write_atomic(full, data, prefix=SYNC_PREFIX, before_replace=lambda: step("sync-temp-written"))

    def _index_file(self) -> Path:
        """The index git uses here: GIT_INDEX_FILE when an outer process set it, else .git/index."""
        given = os.environ.get("GIT_INDEX_FILE")
        if given:
            return Path(given) if os.path.isabs(given) else self.root / given
        return self.git_dir / "index"

    def _reset_index(self, paths: list[str], commit: str, what: Message | None = None) -> None:
        """Reset the index entries of `paths` to HEAD; a lock left by a git command that is gone is removed,
        one held by a running git command is waited for a moment, then reported with a step that works."""
        lock = Path(str(self._index_file()) + ".lock")
        what = what or Message("store.what.commit")
        deadline = time.monotonic() + INDEX_LOCK_WAIT
        while True:
            try:
                self._git_out("reset", "-q", "HEAD", "--", *paths, raw=True)
                step("index-reset")
                return
            except GitFailed as exc:
                if not lock.exists():
                    raise RepositoryError.keyed(
                        "store.index_failed", what=what, commit=commit[:12], said=_git_said(exc)
                    ) from None
            if _lock_owner_alive(lock, self.root, self.git_dir) is False:
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()  # left by a git command that was killed: git's advice is to remove it
                continue
            if time.monotonic() < deadline:
                time.sleep(0.1)
                continue
            raise RepositoryError.keyed("store.index_locked", what=what, commit=commit[:12], lock=lock)

    def create_tag(self, name: str, commit: str, message: str, tagger: Identity, timestamp: int) -> str:
        """Create the annotated tag `name` (refs/tags/NAME) atomically; refuse if it exists."""
        with self.locked():
            self.check_writable()
            sha = self._tag_object(name, commit, message, tagger, timestamp)
            try:
                self._out("update-ref", f"refs/tags/{name}", sha, ZERO)
            except GitFailed as exc:
                if self.tag_target(name) is not None:
                    raise RepositoryError.keyed("store.tag_exists", tag=name) from None
                raise RepositoryError.keyed("store.tag_refused", tag=name, why=_refusal(exc)) from None
            step("refs-moved")
            return sha

    def _tag_object(self, name: str, commit: str, message: str, tagger: Identity, timestamp: int) -> str:
        body = (
            f"object {commit}\ntype commit\ntag {name}\n"
            f"tagger {tagger.name} <{tagger.email}> {timestamp} +0000\n\n{message.rstrip()}\n"
        ).encode()
        return self._write_object("tag", body)

    @_reading
    def tags(self, prefix: str, root: str = "refs/tags/") -> list[TagInfo]:
        """Annotated tags of commits under refs/tags/PREFIX (or ROOT/PREFIX), in one git call (lightweight tags are
        skipped)."""
        # every field starts with a letter, so an empty field never looks like the record separator \0\0
        fmt = (
            "r%(refname)%00o%(objectname)%00t%(*objectname)%00k%(*objecttype)%00"
            "w%(taggername) %(taggeremail)%00d%(taggerdate:raw)%00m%(contents)%00%00"
        )
        out = self._out("for-each-ref", f"--format={fmt}", f"{root}{prefix}")
        found = []
        for record in out.split("\x00\x00"):
            record = record.lstrip("\n")
            if not record:
                continue
            fields = record.split("\x00", 6)
            if len(fields) != 7:
                continue
            refname, sha, target, kind, tagger, date, message = (field[1:] for field in fields)
            if not target or kind != "commit":
                continue  # a lightweight tag, or a tag of something other than a commit: not a version
            stamp = date.split()[0] if date.strip() else "0"
            found.append(
                TagInfo(
                    name=refname[len(root) :],
                    sha=sha,
                    commit=target,
                    tagger=tagger.strip(),
                    timestamp=int(stamp) if stamp.isdigit() else 0,
                    message=message,
                )
            )
        return found

    def tag_target(self, name: str) -> str | None:
        """The commit an annotated or lightweight tag points to."""
        return self._rev_parse(f"refs/tags/{name}^{{commit}}")

    def _rev_parse(self, rev: str) -> str | None:
        try:
            return self._out("rev-parse", "--verify", "-q", rev).strip() or None
        except GitFailed:
            return None

    def _out(self, *args: str) -> str:
        """The output of `git ARGS` here (GitFailed when it fails)."""
        return _run(self.root, list(args)).decode("utf-8", "surrogateescape")

    def _git_out(
        self, *args: str, input: bytes | None = None, env: dict[str, str] | None = None, raw: bool = False
    ) -> str:
        """Run git here and return its output; a failure is a RepositoryError in one line (or, with `raw`, the
        GitFailed itself for the caller to interpret)."""
        try:
            return _run(self.root, list(args), input=input, env=env).decode("utf-8", "surrogateescape")
        except GitFailed as exc:
            if raw:
                raise
            raise RepositoryError.keyed(
                "store.git_failed", command=args[0], root=self.root, said=_git_said(exc), hint=_space_hint(exc.stderr)
            ) from None

    # history ----------------------------------------------------------------------------------------------
    @_reading
    def commit_graph(self, *tips: str, oldest_first: bool = False) -> list[tuple[str, list[str]]]:
        """Every commit reachable from `tips` with its parents, in topological order: children before their
        parents, or with `oldest_first` parents before their children (one `git rev-list`)."""
        if not tips:
            return []
        order = ["--reverse"] if oldest_first else []
        out = self._git_out("rev-list", "--topo-order", "--parents", *order, *tips, "--")
        graph = []
        for line in out.splitlines():
            sha, *parents = line.split()
            graph.append((sha, parents))
        return graph

    @_reading
    def files_added(self, tip: str, folder: str) -> list[tuple[str, list[str]]]:
        """The commits in the history of `tip` that added files under `folder`, oldest first (topological
        order), each with the paths it added (one `git log`)."""
        out = self._git_out(
            "log", "--topo-order", "--reverse", "--diff-filter=A", "--name-only", "--format=%x00%H", tip, "--", folder
        )
        return [(sha, [line for line in lines if line]) for sha, lines in _log_records(out)]

    @_reading
    def files_rewritten_later(
        self, tip: str, folders: list[str], since: str | None = None
    ) -> Callable[[], list[tuple[str, str, str]]]:
        """Every (commit, status, path) in the history of `tip` (less that of `since`), newest first, where a file
        under `folders` was deleted (D), modified (M) or changed type (T); a merge is compared with each of its
        parents, and every parent is followed (`--full-history`: what a commit adds to the result depends on
        that commit alone, so the history of `since` plus the commits since it is the history of `tip`).
        Its one `git log` starts now and runs while the caller works on; the function returned waits for its
        answer (a walk of thousands of commits, on another core)."""
        args = _diff_log_args(tip, folders, since, "DMT")
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        proc = subprocess.Popen(
            ["git", *args],
            cwd=self.root,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env={**os.environ, **_GIT_ENV},
        )

        def answer() -> list[tuple[str, str, str]]:
            with out, err:
                code = proc.wait()
                out.seek(0)
                err.seek(0)
                if code != 0:
                    exc = GitFailed("log", code, err.read().decode("utf-8", "replace"))
                    raise RepositoryError.keyed(
                        "store.git_failed",
                        command="log",
                        root=self.root,
                        said=_git_said(exc),
                        hint=_space_hint(exc.stderr),
                    ) from None
                text = out.read().decode("utf-8", "surrogateescape")
            return [(sha, status, path) for sha, changes in _name_status(text) for status, path in changes]

        return answer

    # remotes and exchange ---------------------------------------------------------
    def remotes(self) -> dict[str, str]:
        """The configured remotes: name -> URL."""
        status, out, _ = self._git("config", "--local", "--get-regexp", r"^remote\..*\.url$")
        found = {}
        for line in out.splitlines() if status == 0 else []:
            key, _, url = line.partition(" ")
            found[key[len("remote.") : -len(".url")]] = url
        return found

    def add_remote(self, name: str, url: str) -> None:
        status, _, err = self._git("remote", "add", "--", name, url)
        if status != 0:
            raise RepositoryError.keyed("store.remote_add_failed", name=name, said=_said(err))

    def remove_remote(self, name: str) -> None:
        status, _, err = self._git("remote", "remove", "--", name)
        if status != 0:
            raise RepositoryError.keyed("store.remote_remove_failed", name=name, said=_said(err))

    def list_remote(self, remote: str) -> tuple[dict[str, str], str | None]:
        """The refs `remote` (a name or URL) holds (refname -> object id) and the branch its HEAD names."""
        status, out, err = self._git("ls-remote", "--symref", "--", remote, network=True)
        if status != 0:
            raise RepositoryError.keyed("store.unreachable", remote=remote, said=_said(err))
        refs: dict[str, str] = {}
        head_branch = None
        for line in out.splitlines():
            value, _, name = line.partition("\t")
            if value.startswith("ref: ") and name == "HEAD":
                head_branch = value[len("ref: ") :].removeprefix("refs/heads/")
            elif name:
                refs[name] = value
        return refs, head_branch

    def diffs(
        self, tip: str, folders: list[str], since: str | None = None, statuses: str = "DMT"
    ) -> list[tuple[str, list[tuple[str, str]]]]:
        """Each diff in the history of `tip` (less that of `since`), newest first, as (commit, [(status, path)]):
        the files under `folders` with one of `statuses` (git's --diff-filter letters). Like `files_rewritten_later`,
        a merge gives one diff per parent, so what a merge adds is judged against each side. One `git log`."""
        return _name_status(self._git_out(*_diff_log_args(tip, folders, since, statuses)))

    def fetch(self, remote: str, refspecs: list[str], optional: str | None = None) -> bool:
        """Fetch `refspecs` from `remote` (a name or URL), pruning what the remote no longer has from the
        destinations of glob refspecs, and no tag git would otherwise follow by itself. False (nothing fetched) when
        the remote lacks the ref `optional`."""
        status, _, err = self._git(
            "fetch", "--no-tags", "--prune", "--no-write-fetch-head", "--quiet", "--", remote, *refspecs, network=True
        )
        if status != 0 and optional is not None and f"couldn't find remote ref {optional}" in err:
            return False
        if status != 0:
            raise RepositoryError.keyed("store.fetch_failed", remote=remote, said=_said(err))
        return True

    def push(self, remote: str, refspecs: list[str]) -> list[PushedRef]:
        """Push `refspecs` to `remote` atomically (every ref or none); one `PushedRef` per ref, as git reports it."""
        status, out, err = self._git("push", "--atomic", "--porcelain", "--", remote, *refspecs, network=True)
        pushed = []
        for line in out.splitlines():
            flag, _, rest = line.partition("\t")
            spec, _, summary = rest.partition("\t")
            if len(flag) == 1 and ":" in spec:
                pushed.append(PushedRef(spec.split(":", 1)[1], flag, summary))
        if status != 0 and not any(p.flag == "!" for p in pushed):
            raise RepositoryError.keyed("store.push_failed", remote=remote, said=_said(err))
        return pushed

    def refs(self, prefix: str) -> dict[str, str]:
        """Every ref under `prefix` (e.g. refs/akkoord/) -> the object it names."""
        status, out, _ = self._git("for-each-ref", "--format=%(objectname) %(refname)", prefix)
        found = {}
        for line in out.splitlines() if status == 0 else []:
            sha, _, name = line.partition(" ")
            found[name] = sha
        return found

    def update_refs(self, updates: list[tuple[str, str | None, str | None]], reason: str) -> None:
        """Set, create or delete refs in one transaction, all or none: (ref, new or None to delete, expected old
        object, ZERO for "must not exist", or None for "whatever it is")."""
        if not updates:
            return
        lines = []
        for ref, new, old in updates:
            if new is None:
                lines.append(f"delete {ref}" + (f" {old}" if old else ""))
            else:
                lines.append(f"update {ref} {new}" + (f" {old}" if old else ""))
        status, _, err = self._git("update-ref", "-m", reason, "--stdin", input="\n".join(lines) + "\n")
        if status != 0:
            raise RepositoryError.keyed("store.refs_refused", said=_said(err))
        step("refs-moved")

    def merge_tree(self, ours: str, theirs: str) -> tuple[str | None, list[str]]:
        """Merge two commits as git would, in objects only (no index, no work tree): (the merged tree, or None when
        paths conflict; the conflicting paths)."""
        status, out, err = self._git("merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", ours, theirs)
        if status not in (0, 1):
            if "unrelated histories" in err:
                raise RepositoryError.keyed("store.unrelated", ours=ours[:12], theirs=theirs[:12])
            raise RepositoryError.keyed("store.merge_failed", ours=ours[:12], theirs=theirs[:12], said=_said(err))
        fields = out.split("\0")
        if status == 0:
            return fields[0].strip(), []
        return None, sorted({f for f in fields[1:] if f})

    def commit_object(self, tree: str, parents: list[str], message: str, author: Identity, timestamp: int) -> str:
        """Write a commit of `tree` with `parents` (none of the repository's refs moves); its id."""
        return self._write_object("commit", _commit_body(tree, parents, author, timestamp, message))

    def prepare_commit(self, parent: str, changes: dict[str, bytes | None], message: str, author: Identity) -> str:
        """A commit of `parent` with `changes` applied, written as an object only (see `advance` to take it)."""
        tree = self._tree_with(parent, changes)
        return self.commit_object(tree, [parent], message, author, int(time.time()))

    def changed_paths(self, old: str, new: str) -> list[str]:
        """The paths whose content differs between two commits."""
        status, out, err = self._git("diff", "--name-only", "--no-renames", "-z", old, new, "--")
        if status != 0:
            raise RepositoryError.keyed("store.compare_failed", old=old[:12], new=new[:12], said=_said(err))
        return sorted(p for p in out.split("\0") if p)

    def advance(
        self,
        new: str,
        expected: str | None,
        refs: list[tuple[str, str | None, str | None]],
        reason: str,
        what: Message | None = None,
    ) -> None:
        """Move the branch from `expected` to the commit `new` (its descendant or a merge built from objects),
        together with `refs`, in one ref transaction, then bring the work tree and index to `new` for the paths
        that differ. Refuses (changing nothing) when the branch moved meanwhile or a path that changes has
        uncommitted edits. `what` names the change in messages ("the merge of origin")."""
        with self.locked():
            self.check_writable()
            ref = self.branch_ref()
            old = self.head_commit()
            if old != expected:
                raise RepositoryError.keyed("store.moved_unchanged", ref=ref)
            paths = self.changed_paths(old, new) if old and old != new else []
            dirty = self.changed_in_work_tree(paths)
            if dirty:
                shown: str | Message = ", ".join(dirty[:5])
                if len(dirty) > 5:
                    shown = Message("store.and_more", shown=shown, count=len(dirty) - 5)
                raise RepositoryError.keyed("store.dirty_unchanged", paths=shown)
            if old == new:
                self.update_refs(refs, reason)
                return
            changes = {path: self.read(new, path) for path in paths}
            self._write_pending(new, old, ref, paths)
            try:
                self.update_refs([(ref, new, old or ZERO), *refs], reason)
            except RepositoryError:
                self._drop_pending()
                raise
            self._sync_work_tree(changes, new, what or Message("store.what.update"))

    def rewrite_without(self, paths: list[str], start: str, head: str) -> str:
        """`head`'s history from `start` on, made again without `paths`: each commit that descends from `start` is
        rebuilt (same author, committer, dates and message) on the rebuilt parents with its tree minus `paths`, and
        one left with no change of its own is dropped. The new head; no ref moves. For history never shared only:
        every rebuilt commit gets a new id."""
        status, out, err = self._git("rev-list", "--topo-order", "--reverse", "--parents", head, "--not", f"{start}^@")
        if status != 0:
            raise RepositoryError.keyed("store.list_failed", start=start[:12], said=_said(err))
        mapping: dict[str, str] = {}
        for line in out.splitlines():
            sha, *parents = line.split()
            new_parents = list(dict.fromkeys(mapping.get(p, p) for p in parents))
            tree = original = self._git("rev-parse", f"{sha}^{{tree}}")[1].strip()
            if any(self.read(sha, path) is not None for path in paths):
                tree = self._tree_with(sha, {path: None for path in paths})
            was_empty = [self._git("rev-parse", f"{p}^{{tree}}")[1].strip() for p in parents[:1]] == [original]
            now_empty = (
                len(new_parents) == 1 and self._git("rev-parse", f"{new_parents[0]}^{{tree}}")[1].strip() == tree
            )
            if now_empty and not was_empty:
                mapping[sha] = new_parents[0]  # nothing of its own is left
                continue
            raw = self._git("cat-file", "commit", sha)[1]
            header, _, message = raw.partition("\n\n")
            kept = [
                line
                for line in header.split("\n")
                if not line.startswith(("tree ", "parent ", "gpgsig", " "))  # a signature cannot survive the rewrite
            ]
            body = "\n".join([f"tree {tree}", *(f"parent {p}" for p in new_parents), *kept]) + "\n\n" + message
            body += "" if body.endswith("\n") else "\n"
            mapping[sha] = self._write_object("commit", body.encode("utf-8"))
        return mapping.get(head, head)

    def make_tag(self, name: str, commit: str, message: str, tagger: Identity, timestamp: int) -> str:
        """Write the annotated tag object `name` for `commit` (no ref moves); its id."""
        return self._tag_object(name, commit, message, tagger, timestamp)

    def commit_adding(self, path: str, head: str) -> str | None:
        """The commit of `head`'s history that added `path` (the newest one, if it was added more than once)."""
        status, out, _ = self._git("log", "-1", "--format=%H", "--diff-filter=A", head, "--", path)
        return out.strip() or None if status == 0 else None

    def set_branch(self, branch: str) -> None:
        """Point HEAD at `branch` (in a repository being created, before the branch exists)."""
        status, _, err = self._git("symbolic-ref", "HEAD", f"refs/heads/{branch}")
        if status != 0:
            raise RepositoryError.keyed("store.branch_failed", branch=branch, said=_said(err))

    def check_out(self) -> None:
        """Fill the work tree and index of a new repository from HEAD (nothing of the user's can be lost)."""
        status, _, err = self._git("reset", "-q", "--hard", "HEAD")
        if status != 0:
            raise RepositoryError.keyed("store.checkout_failed", said=_said(err))

    @contextlib.contextmanager
    def view(self, head: str, refs: dict[str, str]) -> Iterator[Repository]:
        """A scratch repository that reads this one's objects (through git's alternates, never writing to them),
        with HEAD at `head` and `refs` (ref name -> object) as its refs: a state that is not this repository's
        own (received from a remote, or about to be taken in) seen by the same readers, changing nothing here."""
        folder = tempfile.mkdtemp(prefix="akkoord-view-")
        try:
            _run(folder, ["init", "-q"])
            objects = os.path.realpath(self.common_dir / "objects")
            Path(folder, ".git", "objects", "info").mkdir(parents=True, exist_ok=True)
            Path(folder, ".git", "objects", "info", "alternates").write_text(objects + "\n", encoding="utf-8")
            found = Repository.discover(folder)
            found.set_branch("akkoord-view")
            found.update_refs(
                [("refs/heads/akkoord-view", head, None), *((name, sha, None) for name, sha in refs.items())], "view"
            )
            yield found
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _git(
        self,
        *args: str,
        input: str | None = None,
        env: dict[str, str] | None = None,
        network: bool = False,
    ) -> tuple[int, str, str]:
        """Run git here: (exit status, output, error output), never raising for a failing git."""
        full_env = {**os.environ, **_GIT_ENV, **(env or {})}
        if network:
            full_env.setdefault("GIT_TERMINAL_PROMPT", "0")  # a missing credential fails instead of waiting
        try:
            proc = subprocess.run(
                ["git", *args],
                cwd=self.root,
                input=input.encode("utf-8") if input is not None else None,
                capture_output=True,
                env=full_env,
            )
        except OSError as exc:
            raise RepositoryError.keyed("store.no_git", why=exc.strerror) from None
        out = proc.stdout.decode("utf-8", "surrogateescape")
        return proc.returncode, out.removesuffix("\n"), proc.stderr.decode("utf-8", "replace").removesuffix("\n")

    @_reading
    def last_intact(self, tip: str, path: str, intact: Callable[[bytes], bool] | None = None) -> str | None:
        """The newest commit in the history of `tip` that wrote `path` intact, or None when none did: where a
        damaged or deleted file is restored from (`git checkout COMMIT -- PATH`, see `restore_step`).

        Intact is what `intact(bytes)` accepts; without it, the file is one that is only ever added (a signed
        record, a statement) and intact is the content it was first committed with. One `git log` and one
        `git cat-file --batch`, whatever the length of the file's history."""
        commits = self._git_out("log", "--format=%H", tip, "--", path).split()  # newest first
        blobs = self.read_blobs([f"{commit}:{path}" for commit in commits])
        if intact is None:
            first = next((blob for blob in reversed(blobs) if blob is not None), None)
            return next((c for c, blob in zip(commits, blobs, strict=True) if blob is not None and blob == first), None)
        return next((c for c, blob in zip(commits, blobs, strict=True) if blob is not None and intact(blob)), None)


def restore_step(intact_in: dict[str, str | None], what: str | Message) -> str:
    """The git commands that put back the damaged files `intact_in` names (path -> the commit holding it intact,
    see `Repository.last_intact`) and commit them, as one step a user can paste; the commit's subject is in the
    language of the moment, like every commit akkoord writes."""
    by_commit: dict[str, list[str]] = {}
    for path, commit in sorted(intact_in.items()):
        if commit is not None:
            by_commit.setdefault(commit, []).append(path)
    steps = [
        f"git checkout {commit[:12]} -- {' '.join(map(shlex.quote, paths))}" for commit, paths in by_commit.items()
    ]
    subject = str(Message("store.restore.subject", what=what))
    return " && ".join([*steps, f'git commit -m "{subject}"'])


@contextlib.contextmanager
def staging(parent: Path, prefix: str) -> Iterator[Path]:
    """A new folder `parent/PREFIX*` to build a repository in before it is moved into place, locked (an OS lock
    on the folder itself) from the moment it exists until the context ends: a folder of that prefix whose lock
    is free was abandoned by a process that died (see `remove_abandoned`), whatever it holds, even nothing."""
    while True:
        try:
            folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        except OSError as exc:
            raise RepositoryError.keyed("store.cannot_create_here", path=parent, why=why(exc)) from None
        step("staging-made")
        held = _lock_folder(folder)
        if held is not None:
            break  # else another command's `remove_abandoned` took it in between: take another
    try:
        yield folder
    finally:
        os.close(held)


def _lock_folder(folder: Path) -> int | None:
    """An open descriptor of `folder` holding its lock, or None when the lock is taken or the folder is gone."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    if sys.platform == "win32":  # pragma: no cover - a folder cannot be locked, so none is taken as abandoned
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if os.path.samestat(os.fstat(fd), os.stat(folder)):
            return fd  # locked, and still the folder of that name (not one removed while we opened it)
    except OSError:
        pass
    os.close(fd)
    return None


def remove_abandoned(parent: Path, prefix: str) -> None:
    """Remove the folders `parent/PREFIX*` of repository creations that were interrupted (their lock is free)."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        return
    try:
        names = [n for n in os.listdir(parent) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        fd = _lock_folder(parent / name)
        if fd is not None:
            try:
                shutil.rmtree(parent / name, ignore_errors=True)
            finally:
                os.close(fd)


def global_identity() -> Identity | None:
    """The user's configured git identity outside any repository (global and system config), if complete."""
    return _identity(os.path.expanduser("~") if os.path.isdir(os.path.expanduser("~")) else "/", outside=True)


def _identity(cwd: str | os.PathLike[str], outside: bool = False) -> Identity | None:
    """user.name and user.email as git reads them in `cwd` (only the global and system config, `outside` any
    repository), when both are set."""
    env = {"GIT_DIR": os.devnull} if outside else None
    try:
        out = _run(cwd, ["config", "-z", "--get-regexp", r"^user\.(name|email)$"], env=env).decode("utf-8", "replace")
    except (GitFailed, RepositoryError):
        return None
    found = {}
    for entry in out.split("\0"):
        key, _, value = entry.partition("\n")
        found[key] = value
    name, email = found.get("user.name", "").strip(), found.get("user.email", "").strip()
    return Identity(name, email) if name and email else None


def _said(stderr: str) -> str | Message:
    """What git said on its error output, in a few words on one line."""
    lines = [line.strip() for line in (stderr or "").splitlines() if line.strip()]
    marked = [line for line in lines if line.startswith(("fatal:", "error:"))]
    if not (marked or lines):
        return Message("store.git_no_reason")
    text = one_line((marked or lines)[0])
    text = re.sub(r"^(fatal|error): ", "", text)
    return text[:300] + "…" if len(text) > 300 else text


def _dubious(where: str, said: str) -> Message:
    """Git refuses a repository owned by another user unless it is listed in `safe.directory`: say so, with the
    owner and the step."""
    step_ = re.search(r"(git config --global --add safe\.directory \S+)", said)
    try:
        owner = _user_name(os.stat(where).st_uid)
    except OSError:
        owner = Message("store.owner.other")
    command = step_.group(1) if step_ else f"git config --global --add safe.directory {where}"
    return Message("store.dubious", where=where, owner=owner, command=command)


def _git_said(exc: GitFailed) -> str | Message:
    """What git said, in a few words on one line (a lock file in the way, above all)."""
    text = one_line(str(exc.stderr or ""))
    text = re.sub(r"^stderr: '?|'$", "", text).strip()
    lock = re.search(r"Unable to create '([^']+\.lock)': File exists", text)
    if lock:
        return Message("store.lock_file_exists", lock=lock.group(1))
    text = re.sub(r"^(fatal|error): ", "", text)
    return (text[:200] + "…" if len(text) > 200 else text) or Message("store.git_exited", status=exc.status)


def _acquire(path: str, root: Path) -> BinaryIO:
    """Open and lock the lock file at `path`, waiting up to LOCK_WAIT seconds for another command to finish."""
    try:
        handle = open(path, "a+b")
    except OSError as exc:
        raise RepositoryError.keyed("store.cannot_lock", path=path, why=exc.strerror) from None
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        if _try_lock(handle):
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n".encode("ascii"))
            handle.flush()
            return handle
        if time.monotonic() >= deadline:
            handle.seek(0)
            holder = handle.read().decode("ascii", "replace").strip()
            handle.close()
            if holder.isdigit():
                raise RepositoryError.keyed("store.busy_process", process=holder, root=root)
            raise RepositoryError.keyed("store.busy", root=root)
        time.sleep(0.05)


def _try_lock(handle: BinaryIO) -> bool:
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:
        if exc.errno in (11, 13, 35):  # EAGAIN, EACCES, EWOULDBLOCK on some systems
            return False
        raise
    return True


def _unlock(handle: BinaryIO) -> None:
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


def valid_ref_component(name: str) -> bool:
    """Whether `name` may be used in a git ref name (a conservative subset of check-ref-format)."""
    return (
        bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", name))
        and ".." not in name
        and not name.endswith((".lock", "."))
    )


def _diff_log_args(tip: str, folders: list[str], since: str | None, statuses: str) -> list[str]:
    """`git log` arguments for the diffs in the history of `tip` (less that of `since`) of files under `folders`
    with one of `statuses`, a merge compared with each parent, as NUL-led commit records with --name-status."""
    revs = [tip, f"^{since}"] if since else [tip]
    return [
        "log",
        "-m",
        "--full-history",
        "--no-renames",
        f"--diff-filter={statuses}",
        "--name-status",
        "--format=%x00%H",
        *revs,
        "--",
        *folders,
    ]


def _name_status(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The records of a `_diff_log_args` log: (commit, [(status, path)]) for each diff that has a file."""
    found = []
    for sha, lines in _log_records(text):
        changes = [(status, path) for status, _, path in (line.partition("\t") for line in lines if line.strip())]
        if changes:
            found.append((sha, changes))
    return found


def _log_records(out: str) -> list[tuple[str, list[str]]]:
    """`git log --format=%x00%H` output: each commit with the lines that follow it."""
    records: list[tuple[str, list[str]]] = []
    for line in out.splitlines():
        if line.startswith("\x00"):
            records.append((line[1:].strip(), []))
        elif records:
            records[-1][1].append(line)
    return records


def _tree_entries(body: bytes, width: int) -> dict[bytes, tuple[bytes, bytes]]:
    """The entries of a git tree object: name -> (mode, object id as bytes)."""
    entries: dict[bytes, tuple[bytes, bytes]] = {}
    position = 0
    while position < len(body):
        space = body.index(b" ", position)
        nul = body.index(b"\0", space)
        entries[body[space + 1 : nul]] = (body[position:space], body[nul + 1 : nul + 1 + width])
        position = nul + 1 + width
    return entries


def _tree_body(entries: dict[bytes, tuple[bytes, bytes]]) -> bytes:
    """A git tree object's bytes: entries sorted as git sorts them (a folder's name as if it ended in '/')."""

    def order(name: bytes) -> bytes:
        return name + b"/" if int(entries[name][0], 8) & 0o170000 == 0o040000 else name

    return b"".join(entries[name][0] + b" " + name + b"\0" + entries[name][1] for name in sorted(entries, key=order))


def _object_id(kind: bytes, body: bytes, width: int) -> bytes:
    """The id git gives an object of `kind` with `body`, in the repository's hash (SHA-1, or SHA-256)."""
    import hashlib

    digest = hashlib.sha1 if width == 20 else hashlib.sha256
    return digest(kind + b" %d\0" % len(body) + body).digest()


def _commit_body(tree: str, parent: str | list[str] | None, author: Identity, when: int, message: str) -> bytes:
    """A commit object's text (one parent, several for a merge, or none), author and committer alike, dated `when`
    in UTC."""
    person = f"{author.name} <{author.email}> {when} +0000"
    parents = "".join(f"parent {p}\n" for p in ([parent] if isinstance(parent, str) else parent or []))
    return f"tree {tree}\n{parents}author {person}\ncommitter {person}\n\n{message}".encode()


def _is_temp(name: str, prefix: str) -> bool:
    return name.startswith(prefix) and name.endswith(TEMP_SUFFIX)


def _clip(text: str, limit: int = 200) -> str:
    return text[:limit] + "…" if len(text) > limit else text


def _space_hint(stderr: str | bytes | None) -> str | Message:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else str(stderr or "")
    return Message("store.disk_full_hint") if "No space left" in text else ""


def _refusal(exc: GitFailed) -> Message:
    """Why git refused a ref update, with the step that helps; always ends saying nothing was written."""
    said = _git_said(exc)
    stderr = str(exc.stderr or "")
    if "reference-transaction hook" in stderr or "aborted by hook" in stderr:
        return Message("store.refusal.hook", said=said)
    lock = re.search(r"'([^']+\.lock)'", stderr)
    if lock and "File exists" in stderr:
        return Message("store.refusal.lock", lock=lock.group(1))
    return Message("store.refusal", said=said, hint=_space_hint(stderr))


def _user_name(uid: int | None) -> Message:
    if uid is None:
        return Message("store.owner.other")
    try:
        import pwd

        return Message("store.owner.user", name=pwd.getpwuid(uid).pw_name)
    except (ImportError, KeyError):
        return Message("store.owner.uid", uid=uid)


def _boot_time() -> float | None:
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("btime "):
                    return float(line.split()[1])
    except OSError:
        pass
    return None


def _parent(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _lock_owner_alive(lock: Path, root: Path, git_dir: Path) -> bool | None:
    """Whether a git lock file may still belong to a running process: False when provably left behind (made
    before the machine started, or no process has it open and no git command runs in this repository), True
    when one may own it, None when this system does not tell (then it is never removed)."""
    try:
        made = lock.stat().st_mtime
    except FileNotFoundError:
        return False
    boot = _boot_time()
    if boot is not None and made < boot:
        return False
    if not os.path.isdir("/proc/self/fd"):
        return None
    target = os.path.realpath(lock)
    places = (os.path.realpath(root), os.path.realpath(git_dir))
    me = os.getpid()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            for fd in os.scandir(f"/proc/{entry.name}/fd"):
                with contextlib.suppress(OSError):
                    if os.readlink(fd.path) == target:
                        return True
            exe = os.path.basename(os.readlink(f"/proc/{entry.name}/exe"))
            if (exe == "git" or exe.startswith("git-")) and _parent(entry.name) != me:  # not our own cat-file
                cwd = os.readlink(f"/proc/{entry.name}/cwd")
                if any(cwd == place or cwd.startswith(place + os.sep) for place in places):
                    return True
        except OSError:
            continue  # gone meanwhile, or another user's process (which cannot hold our lock open here)
    return False
