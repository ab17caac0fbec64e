"""An agreement repository: the git repository, the agreement's file in it, and who is acting.

Layout of a repository (all plain files, readable with git alone):

    akkoord.xml          the agreement, in canonical form
    README.md            how to read it with git only
    .gitattributes       line endings fixed to LF for the XML
    amendments/          amendment records (see storage.amendment_store)
    records/             admin-signed records: the signatory registry, version records (see trust.records)
    endorsements/        signed endorsement statements (see trust.endorsements)

Versions are annotated tags `version/LABEL` (see storage.versions).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import messages
from ..errors import RepositoryError
from ..messages import Message, normalise
from ..model import canonical
from ..model.document import Document
from ..model.strings import one_line
from ..model.validate import problems
from ..model.xmlparse import parse_bytes
from .actors import who_acts
from .gitrepo import Identity, NoRepository, Repository, remove_abandoned, staging, step
from .language import repository_language

TEXT_PATH = "akkoord.xml"
README_PATH = "README.md"
ATTRIBUTES_PATH = ".gitattributes"
CHANGE_TRAILER = "Akkoord-Change"

_ATTRIBUTES = b"*.xml text eol=lf\n*.json text eol=lf\n*.sig text eol=lf\n"


def repository_readme(doc: Document) -> bytes:
    """How to read the repository with git only, in the text's language (Dutch for a Dutch text)."""
    return messages.text("output.readme", text_language(doc.lang), title=doc.title or doc.id, id=doc.id).encode()


class Workspace:
    """An agreement repository opened for reading and writing."""

    def __init__(self, repo: Repository):
        self.repo = repo
        self.root = repo.root
        #: the commit this workspace read the repository at (set by `open` and after each commit): a commit
        #: is refused when the branch has moved past it since, as the command decided on a state that is gone
        self.expected: str | None = None

    @classmethod
    def open(cls, start: str | os.PathLike[str] = ".") -> Workspace:
        repo = Repository.discover(start)
        if repo.needs_repair():
            with repo.locked(reading=True):  # finishes a commit whose work-tree sync was interrupted
                pass
        workspace = cls(repo)
        head = repo.head_commit()
        workspace.expected = head
        if head is None or repo.read(head, TEXT_PATH) is None:
            raise NoRepository.keyed("store.no_text_committed", root=repo.root, path=TEXT_PATH)
        return workspace

    # the text ---------------------------------------------------------------
    def text_at(self, commit: str) -> bytes:
        data = self.repo.read(commit, TEXT_PATH)
        if data is None:
            raise RepositoryError.keyed("store.no_text_in_commit", commit=commit[:12], path=TEXT_PATH)
        return data

    def head_text(self) -> bytes:
        return self.text_at(self.head())

    def head(self) -> str:
        head = self.repo.head_commit()
        if head is None:
            raise RepositoryError.keyed("store.no_commits", root=self.root)
        return head

    def working_text(self) -> bytes:
        path = self.root / TEXT_PATH
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise RepositoryError.keyed("store.text_missing", path=path, text=TEXT_PATH) from None
        except IsADirectoryError:
            raise RepositoryError.keyed("store.text_is_folder", path=path, text=TEXT_PATH) from None
        except OSError as exc:
            raise RepositoryError.keyed("store.cannot_read", path=path, why=exc.strerror) from None

    def text_is_dirty(self) -> bool:
        return bool(self.repo.changed_in_work_tree([TEXT_PATH]))

    # identity -------------------------------------------------------------------
    def actor(self, by: str | None) -> Identity:
        """Who acts: --by when given, else git's configured user, else a clear error (see `actors`)."""
        return who_acts(by, self.repo)

    # writing --------------------------------------------------------------------
    @contextlib.contextmanager
    def writing(self) -> Iterator[Workspace]:
        """Hold the repository lock while a command reads, decides and commits, so concurrent commands run one
        after the other instead of failing; the repository is read afresh once the lock is held."""
        with self.repo.locked():
            self.repo.check_writable()
            self.expected = self.repo.head_commit()
            yield self

    def text_language(self) -> str:
        """The language of the agreement ("nl" or "en"): commit messages and other words written into the
        repository are in it, whatever language the command line speaks (`in_text_language`)."""
        return text_language(repository_language(self.root))

    def in_text_language(self, message: str | Message) -> str:
        """`message` as it is written into the repository: a catalogue message in the agreement's language."""
        return message.render(self.text_language()) if isinstance(message, Message) else message

    def commit(
        self, changes: dict[str, bytes | None], message: str | Message, change: str, by: Identity, **kwargs: Any
    ) -> str:
        """Commit `changes` with a trailer saying what kind of change this is (editorial, amendment, ...); a
        catalogue `message` is written in the agreement's language (the trailers stay as they are: code reads them)."""
        full = f"{self.in_text_language(message).rstrip()}\n\n{CHANGE_TRAILER}: {change}\n"
        kwargs.setdefault("expected", self.expected)
        kwargs.setdefault("what", Message("store.what.change", change=change))
        sha = self.repo.commit_files(changes, full, by, **kwargs)
        self.expected = sha
        return sha

    def commit_editorial(self, message: str, by: Identity) -> str:
        """Record the working text as an explicit editorial change on the main line."""
        data = self.working_text()
        doc = Document.from_bytes(data, str(self.root / TEXT_PATH))
        check_valid(doc)
        canonical_bytes = doc.to_bytes()
        if canonical_bytes == self.head_text():
            raise RepositoryError.keyed("repo.no_changes", path=TEXT_PATH)
        return self.commit({TEXT_PATH: canonical_bytes}, message, "editorial", by, allow_dirty=(TEXT_PATH,))


def text_language(tag: str | None) -> str:
    """The catalogue language words written into a repository of a text in language `tag` are in: Dutch for a
    Dutch text, English for any other (the lingua franca when the catalogue does not speak the text's language)."""
    return "nl" if normalise(tag) == "nl" else "en"


def check_valid(doc: Document) -> None:
    found = problems(doc.root)
    if found:
        first = found[0]
        said = first.message if isinstance(first.message, Message) else one_line(first.message)  # a value's line breaks
        more = Message("store.invalid_more", count=len(found) - 1) if len(found) > 1 else ""
        raise RepositoryError.keyed("store.invalid", source=doc.source, line=first.line, said=said, more=more)


def initialise(
    directory: str | os.PathLike[str],
    text: bytes,
    source: str,
    by: Identity,
    extra_files: dict[str, bytes] | None = None,
    message: str | None = None,
    timestamp: int | None = None,
) -> tuple[Workspace, str]:
    """Create a new agreement repository in `directory` holding `text` (any valid agreement XML).

    The repository is built in a temporary folder beside `directory` and moved into place only
    when complete, so a failure leaves nothing behind (see `new_repository`).
    """
    target = empty_folder(directory)
    doc = Document(parse_bytes(text, source), source)
    check_valid(doc)
    data = doc.to_bytes()
    files: dict[str, bytes | None] = {
        TEXT_PATH: data,
        README_PATH: repository_readme(doc),
        ATTRIBUTES_PATH: _ATTRIBUTES,
    }
    files.update(extra_files or {})
    with new_repository(directory) as repo:
        subject = message or messages.text("commit.init", text_language(doc.lang), id=doc.id, title=doc.title)
        full = f"{subject}\n\n{CHANGE_TRAILER}: init\n"
        commit = repo.commit_files(files, full, by, timestamp=timestamp, what=Message("store.what.initial"))
    return Workspace(Repository.discover(target)), commit


def empty_folder(directory: str | os.PathLike[str]) -> Path:
    """`directory` as an absolute path, when it is a usable name for a new repository that does not exist yet (or
    is an empty folder); one line saying why not otherwise."""
    try:
        os.fsencode(directory).decode("utf-8")
        target = Path(directory).resolve()
        occupied = target.exists() and (not target.is_dir() or any(target.iterdir()))
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte, not UTF-8, not readable
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else Message("store.bad_folder_name")
        raise RepositoryError.keyed("store.folder_unusable", path=repr(os.fsdecode(directory)), why=why) from None
    if occupied:
        raise RepositoryError.keyed("store.folder_not_empty", path=os.fsdecode(directory))
    return target


@contextlib.contextmanager
def new_repository(directory: str | os.PathLike[str]) -> Iterator[Repository]:
    """A new, empty git repository for `directory`: built in a temporary folder beside it and moved into place
    only when the block ends without an error, so a failure (or a refusal) leaves nothing behind."""
    target = empty_folder(directory)
    parent = target.parent
    if not parent.is_dir():
        raise RepositoryError.keyed("store.no_parent", path=parent)
    prefix = f".{target.name}.akkoord-"
    remove_abandoned(parent, prefix)
    with staging(parent, prefix) as staging_dir:  # locked until in place: one whose lock is free was abandoned
        try:
            repo = Repository.create(staging_dir)
            step("repository-created")
            yield repo
            step("init-staged")
            try:
                if target.exists():
                    target.rmdir()
                os.replace(staging_dir, target)
            except OSError as exc:  # e.g. another command created the folder meanwhile
                if target.is_dir() and any(target.iterdir()):
                    raise RepositoryError.keyed("store.folder_not_empty", path=os.fsdecode(directory)) from None
                raise RepositoryError.keyed(
                    "store.cannot_create_there", path=os.fsdecode(directory), why=exc.strerror
                ) from None
        except BaseException:
            shutil.rmtree(staging_dir, ignore_errors=True)
            raise


def canonical_bytes_of(data: bytes, source: str) -> bytes:
    return canonical.to_bytes(parse_bytes(data, source))
