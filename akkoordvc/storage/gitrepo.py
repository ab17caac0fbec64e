"""The one module that runs git (through gitpython).

Commits are built from objects, never through the user's index: blobs are stored, a tree
is written from HEAD's tree plus the changed files (in a private, temporary index: the
repository's `.git/index` is never moved or rewritten for this), a commit is created, and the
branch is moved with a compare-and-swap `update-ref`. Only after the ref has moved are the work
tree and index brought up to date for the touched paths. A crash before the ref moves leaves the
repository exactly as it was; a concurrent writer makes the swap fail instead of being lost.

Writers take the repository lock `.git/akkoord.lock` (an OS file lock, released by the kernel when
its process ends, even by kill -9) around the commit and the work-tree sync, so two akkoord
commands never sync the work tree over each other; a command that commits holds it from before it
reads the repository until it ends (`Repository.locked`), so commands run one after another.
While a commit's work-tree sync is pending, `.git/akkoord-pending` records it; the next command
that opens the repository finishes an interrupted sync (see `Repository.recover`).

No git identity needs to be configured: every commit names its author explicitly.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import git
from git import Actor, Commit, IndexFile
from git.index.typ import BaseIndexEntry
from gitdb.base import IStream

from ..errors import RepositoryError
from ..model.strings import NOT_ONE_LINE, describe_char, one_line
from .files import write_atomic

ZERO = "0" * 40
LOCK_FILE = "akkoord.lock"
PENDING_FILE = "akkoord-pending"
#: Seconds a command waits for another akkoord command to finish writing before giving up.
LOCK_WAIT = float(os.environ.get("AKKOORD_LOCK_TIMEOUT", 120))

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
    import msvcrt

# lock file path -> [open file, depth]: the lock is re-entrant within a process
_HELD: dict[str, list] = {}
_HELD_GUARD = threading.Lock()
_IDENTITY = re.compile(r"^\s*(?P<name>[^<>]+?)\s*(?:<(?P<email>[^<>\s]+)>)?\s*$")


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
            raise RepositoryError(
                f"--by {text!r}: contains {describe_char(bad.group())}; give a name on one line, optionally followed by <email>"
            )
        if len(text) > 500:
            raise RepositoryError(f"--by: {len(text):,} characters, over the limit of 500; give a shorter name")
        match = _IDENTITY.match(text or "")
        if not match or not match.group("name").strip():
            raise RepositoryError(f"--by {text!r}: expected a name, optionally followed by <email>")
        name = match.group("name").strip()
        email = (
            match.group("email")
            or (re.sub(r"[^a-z0-9]+", ".", name.lower()).strip(".") or "someone") + "@akkoord.invalid"
        )
        return cls(name, email)

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def actor(self) -> Actor:
        return Actor(self.name, self.email)


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
    def discover(cls, start: str | os.PathLike[str] = ".") -> Repository:
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
    def create(cls, path: str | os.PathLike[str], branch: str = "main") -> Repository:
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

    def read_tree(self, commit: str, folder: str) -> dict[str, bytes]:
        """Every file under `folder` in `commit` (recursive): path -> bytes, sorted by path.

        Two git processes whatever the number of files (`ls-tree -r`, then one `cat-file --batch`), where
        reading each file by its path would parse the folder's trees again for every file."""
        listing = self.git_repo.git.ls_tree("-r", "-z", commit, "--", folder, strip_newline_in_stdout=False)
        entries = []
        for record in listing.split("\0"):
            if record:
                meta, path = record.split("\t", 1)
                if meta.split()[1] == "blob":
                    entries.append((path, meta.split()[2]))
        blobs = self.read_blobs([sha for _, sha in entries])
        return dict(sorted((path, blob) for (path, _), blob in zip(entries, blobs, strict=True) if blob is not None))

    def read_blobs(self, names: list[str]) -> list[bytes | None]:
        """The blobs `names` name ("COMMIT:PATH" or a blob id), in one `git cat-file --batch`; None for a name
        that is missing or not a file."""
        if not names:
            return []
        with tempfile.TemporaryFile() as requests:
            requests.write("".join(f"{name}\n" for name in names).encode("utf-8"))
            requests.seek(0)
            out = self.git_repo.git.execute(["git", "cat-file", "--batch"], istream=requests, stdout_as_string=False)
        assert isinstance(out, bytes)
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

    def list_dir(self, commit: str | None, folder: str) -> list[str]:
        """Paths of all files under `folder` in `commit` (recursive), sorted."""
        if commit is None:
            return []
        try:
            tree = self.git_repo.commit(commit).tree / folder
        except KeyError:
            return []
        return sorted(item.path for item in tree.traverse() if item.type == "blob")

    def tree_entries(self, commit: str, folders: list[str]) -> list[TreeEntry]:
        """Every entry under `folders` in `commit` (a folder given that is a file or symlink is listed itself),
        in one `git ls-tree` call."""
        out = self.git_repo.git.ls_tree("-r", "-l", "-z", commit, "--", *folders, stdout_as_string=False)
        entries = []
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, raw_path = record.partition(b"\t")
            mode, _kind, sha, size = meta.decode("ascii").split()
            path = raw_path.decode("utf-8", "surrogateescape")
            entries.append(TreeEntry(path, mode, sha, int(size) if size.isdigit() else None))
        return entries

    def read_blob(self, sha: str) -> bytes:
        """The bytes of the blob `sha` (through git's long-running cat-file process: no process per file)."""
        return self.git_repo.odb.stream(bytes.fromhex(sha)).read()

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

    def local_config(self, key: str) -> str | None:
        """A value of this repository's own git config (.git/config), or None."""
        try:
            return self.git_repo.git.config("--local", "--get", key).strip() or None
        except git.GitCommandError:
            return None

    def set_local_config(self, key: str, value: str) -> None:
        self.git_repo.git.config("--local", key, value)

    # locking and recovery -----------------------------------------------------
    @contextlib.contextmanager
    def locked(self):
        """Hold the repository lock (re-entrant within a process); finish an interrupted commit first."""
        common = getattr(self.git_repo, "common_dir", None) or self.git_repo.git_dir
        path = os.path.realpath(os.path.join(common, LOCK_FILE))
        with _HELD_GUARD:
            entry = _HELD.get(path)
            if entry is not None:
                entry[1] += 1
        if entry is None:
            handle = _acquire(path, self.root)
            with _HELD_GUARD:
                _HELD[path] = entry = [handle, 1]
            try:
                self.recover()
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
            entry[1] -= 1
            if entry[1]:
                return
            del _HELD[path]
        _unlock(entry[0])

    def _pending_path(self) -> str:
        return os.path.join(self.git_repo.git_dir, PENDING_FILE)

    def has_pending(self) -> bool:
        """Whether a commit's work-tree sync was interrupted (or is running in another process)."""
        return os.path.exists(self._pending_path())

    def recover(self) -> None:
        """Finish the work-tree sync of a commit whose command was interrupted after its branch moved.

        Each path of that commit is brought to the content of HEAD when the work tree still holds the
        content before or after the commit; a file with other content (edited since) is left alone and is
        then an ordinary uncommitted edit. The index entries of the paths are reset to HEAD. When the branch
        never moved (the command died before it), there is nothing to do. Call with the lock held."""
        pending = self._pending_path()
        try:
            with open(pending, "rb") as handle:
                record = json.loads(handle.read().decode("utf-8"))
            commit, parent, ref, paths = record["commit"], record["parent"], record["ref"], list(record["paths"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError):
            os.unlink(pending)  # unreadable: written by a command that died while writing it, before its ref moved
            return
        try:
            tip = self.git_repo.git.rev_parse("--verify", "-q", ref)
        except git.GitCommandError:
            tip = None
        if not tip or not (tip == commit or self._descends(tip, commit)):
            os.unlink(pending)  # the branch never moved to that commit: nothing was written
            return
        for path in paths:
            full = self.root / path
            current = full.read_bytes() if full.is_file() else None
            wanted = self.read(tip, path)
            if current == wanted:
                continue
            before = self.read(parent, path) if parent else None
            after = self.read(commit, path)
            if current not in (before, after):
                continue  # edited since: keep the edit
            self._write_work_file(path, wanted)
        self._reset_index(paths, tip)
        os.unlink(pending)

    def _descends(self, tip: str, commit: str) -> bool:
        try:
            return self.git_repo.is_ancestor(commit, tip)
        except git.GitCommandError:
            return False

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
    ) -> str:
        """Commit `changes` (path -> new bytes, or None to delete) on the current branch; return the commit id.

        Refuses when a changed path has uncommitted edits (they would be lost), unless listed in `allow_dirty`.
        `expected`, when given, is the commit the caller read the repository at: the commit is refused when
        the branch has moved since (the caller decided on a state that is gone). `tag` = (name, message)
        creates the annotated tag refs/tags/NAME on the new commit (or on `tag_target`) in the same ref
        transaction as the branch move: both happen or neither. `follow_up(first commit)` -> (changes, message),
        when given, adds a second commit on top of the first before the branch moves (a record that names the
        commit before it); the tag then names the first commit, and the branch the second.
        """
        with self.locked():
            repo = self.git_repo
            ref = self.branch_ref()
            old = self.head_commit()
            if expected is not None and old != expected:
                raise RepositoryError(
                    f"{ref} moved while this command ran (another process committed); nothing was written, retry"
                )
            dirty = [p for p in self.changed_in_work_tree(sorted(changes)) if p not in allow_dirty]
            if dirty:
                raise RepositoryError(
                    f"{', '.join(dirty)}: uncommitted changes would be overwritten; commit them "
                    "(akkoord commit -m MSG) or discard them (git checkout -- FILE) and retry"
                )
            tree = self._tree_with(old, changes)
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
            first = commit
            if follow_up is not None:
                more, more_message = follow_up(first.hexsha)
                changes = {**changes, **more}
                commit = Commit.create_from_tree(
                    repo,
                    self._tree_with(first.hexsha, more),
                    more_message,
                    parent_commits=[first],
                    head=False,
                    author=actor,
                    committer=actor,
                    author_date=date,
                    commit_date=date,
                )
            updates = [(ref, commit.hexsha, old or ZERO)]
            if tag is not None:
                name, tag_message = tag
                target = tag_target or first.hexsha
                updates.append((f"refs/tags/{name}", self._tag_object(name, target, tag_message, author, when), ZERO))
            self._write_pending(commit.hexsha, old, ref, sorted(changes))
            try:
                self._move_refs(updates, f"akkoord: {message.splitlines()[0]}")
            except git.GitCommandError as exc:
                self._drop_pending()
                if tag is not None and self.tag_target(tag[0]) is not None:
                    raise RepositoryError(
                        f"tag {tag[0]} already exists; choose another label; nothing was written"
                    ) from None
                if self.head_commit() != old:
                    raise RepositoryError(
                        f"{ref} moved while this command ran (another process committed); nothing was written, retry"
                    ) from None
                raise RepositoryError(
                    f"git could not move {ref} ({_git_said(exc)}); nothing was written — if no other git command is "
                    "running, remove the stale lock file and retry"
                ) from None
            self._sync_work_tree(changes, commit.hexsha)
            return commit.hexsha

    def _tree_with(self, old: str | None, changes: dict[str, bytes | None]):
        """The tree of `old` with `changes` applied, built in a private temporary index."""
        repo = self.git_repo
        folder = tempfile.mkdtemp(prefix="akkoord-index-")
        try:
            index_path = os.path.join(folder, "index")
            if old:
                repo.git.read_tree(old, env={"GIT_INDEX_FILE": index_path})
                index = IndexFile(repo, index_path)
                index.entries  # noqa: B018 - read the entries now: the file goes away with the folder
            else:
                index = IndexFile(repo, os.devnull)
                index.entries = {}
            for path, data in changes.items():
                if data is None:
                    index.entries.pop((path, 0), None)
                    continue
                stream = repo.odb.store(IStream("blob", len(data), BytesIO(data)))
                index.entries[(path, 0)] = _entry(path, stream.binsha)
            return index.write_tree()
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _move_refs(self, updates: list[tuple[str, str, str]], reason: str) -> None:
        """Move every ref of `updates` (ref, new, expected old) in one transaction: all of them or none."""
        if len(updates) == 1:
            ref, new, old = updates[0]
            self.git_repo.git.update_ref(ref, new, old, m=reason)
            return
        script = "".join(f"update {ref} {new} {old}\n" for ref, new, old in updates).encode("ascii")
        with tempfile.TemporaryFile() as stdin:
            stdin.write(script)
            stdin.seek(0)
            self.git_repo.git.update_ref("--stdin", m=reason, istream=stdin)

    def _write_pending(self, commit: str, parent: str | None, ref: str, paths: list[str]) -> None:
        record = {"commit": commit, "parent": parent, "ref": ref, "paths": paths}
        write_atomic(self._pending_path(), json.dumps(record).encode("utf-8"))

    def _drop_pending(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._pending_path())

    def _sync_work_tree(self, changes: dict[str, bytes | None], commit: str) -> None:
        for path, data in changes.items():
            self._write_work_file(path, data)
        self._reset_index(sorted(changes), commit)
        self._drop_pending()

    def _write_work_file(self, path: str, data: bytes | None) -> None:
        full = self.root / path
        if data is None:
            if full.exists():
                full.unlink()
        else:
            full.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(full, data)

    def _reset_index(self, paths: list[str], commit: str) -> None:
        try:
            self.git_repo.git.reset("-q", "HEAD", "--", *paths)
        except git.GitCommandError as exc:
            raise RepositoryError(
                f"commit {commit[:12]} was recorded, but git's index could not be updated ({_git_said(exc)}); when no other "
                "git command is running, run any akkoord command to finish it (or `git reset -q HEAD -- .`)"
            ) from None

    def create_tag(self, name: str, commit: str, message: str, tagger: Identity, timestamp: int) -> str:
        """Create the annotated tag `name` (refs/tags/NAME) atomically; refuse if it exists."""
        sha = self._tag_object(name, commit, message, tagger, timestamp)
        try:
            self.git_repo.git.update_ref(f"refs/tags/{name}", sha, ZERO)
        except git.GitCommandError:
            raise RepositoryError(f"tag {name} already exists; choose another label") from None
        return sha

    def _tag_object(self, name: str, commit: str, message: str, tagger: Identity, timestamp: int) -> str:
        body = (
            f"object {commit}\ntype commit\ntag {name}\n"
            f"tagger {tagger.name} <{tagger.email}> {timestamp} +0000\n\n{message.rstrip()}\n"
        ).encode()
        stream = self.git_repo.odb.store(IStream("tag", len(body), BytesIO(body)))
        return stream.hexsha.decode() if isinstance(stream.hexsha, bytes) else stream.hexsha

    def tags(self, prefix: str) -> list[TagInfo]:
        """Annotated tags of commits under refs/tags/PREFIX, in one git call (lightweight tags are skipped)."""
        # every field starts with a letter, so an empty field never looks like the record separator \0\0
        fmt = (
            "r%(refname)%00o%(objectname)%00t%(*objectname)%00k%(*objecttype)%00"
            "w%(taggername) %(taggeremail)%00d%(taggerdate:raw)%00m%(contents)%00%00"
        )
        out = self.git_repo.git.for_each_ref(f"refs/tags/{prefix}", format=fmt, strip_newline_in_stdout=False)
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
                    name=refname[len("refs/tags/") :],
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


def _git_said(exc: git.GitCommandError) -> str:
    """What git said, in a few words on one line (a lock file in the way, above all)."""
    text = one_line(str(exc.stderr or ""))
    text = re.sub(r"^stderr: '?|'$", "", text).strip()
    lock = re.search(r"Unable to create '([^']+\.lock)': File exists", text)
    if lock:
        return f"its lock file {lock.group(1)} exists"
    text = re.sub(r"^(fatal|error): ", "", text)
    return (text[:200] + "…" if len(text) > 200 else text) or f"git exited with {exc.status}"


def _acquire(path: str, root: Path):
    """Open and lock the lock file at `path`, waiting up to LOCK_WAIT seconds for another command to finish."""
    try:
        handle = open(path, "a+b")
    except OSError as exc:
        raise RepositoryError(
            f"{path}: cannot create the repository lock: {exc.strerror}; check the permissions"
        ) from None
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
            who = f" (process {holder})" if holder.isdigit() else ""
            raise RepositoryError(
                f"another akkoord command{who} is still writing to {root}; nothing was written — wait for it to "
                "finish and retry (or set AKKOORD_LOCK_TIMEOUT to wait longer)"
            )
        time.sleep(0.05)


def _try_lock(handle) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:
        if exc.errno in (11, 13, 35):  # EAGAIN, EACCES, EWOULDBLOCK on some systems
            return False
        raise
    return True


def _unlock(handle) -> None:
    try:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        else:  # pragma: no cover - Windows
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    finally:
        handle.close()


def _entry(path: str, binsha: bytes) -> BaseIndexEntry:
    return BaseIndexEntry((0o100644, binsha, 0, path))


def valid_ref_component(name: str) -> bool:
    """Whether `name` may be used in a git ref name (a conservative subset of check-ref-format)."""
    return (
        bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", name))
        and ".." not in name
        and not name.endswith((".lock", "."))
    )
