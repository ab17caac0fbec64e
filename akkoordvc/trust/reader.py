"""The one safe reader of what verification reads from a repository: files under a few folders of one commit.

Anyone with push access can plant anything, so every entry is checked before it is read:
a symlink, a submodule, or a folder that is a file, a name that is not printable UTF-8, a
path nested too deep, or a file larger than `MAX_BYTES` becomes one `Problem` naming the
path, and is not read. Reading is one `git ls-tree` plus one `git cat-file --batch`: a bulk
pass, never one tree walk per file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..messages import Message
from ..storage.gitrepo import Repository, TreeEntry
from . import Problem, printable
from .jsonfile import MAX_BYTES

#: path components below the folder a file may have (endorsements/<signatory>/<file>: 2)
MAX_DEPTH = 3


@dataclass
class Files:
    """The readable files of some folders of one commit, and what was refused."""

    data: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def under(self, folder: str) -> dict[str, bytes]:
        prefix = folder.rstrip("/") + "/"
        return {path: data for path, data in self.data.items() if path.startswith(prefix)}


@dataclass
class Listing:
    """The files of some folders of one commit that may be read (path -> blob id), and what was refused.

    Listing costs one `git ls-tree`; `read` fetches the bytes of the paths a caller needs in one
    `git cat-file --batch`, so a command reads only what it cannot answer from the cache."""

    repo: Repository
    blobs: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def under(self, folder: str) -> dict[str, str]:
        prefix = folder.rstrip("/") + "/"
        return {path: blob for path, blob in self.blobs.items() if path.startswith(prefix)}

    def read(self, paths: Iterable[str]) -> dict[str, bytes]:
        wanted = [path for path in paths if path in self.blobs]
        data = self.repo.read_blobs([self.blobs[path] for path in wanted])
        return {path: blob or b"" for path, blob in zip(wanted, data, strict=True)}


def _refusal(entry: TreeEntry, folders: list[str]) -> Message | None:
    path = entry.path
    if (  # the usual file, told at once
        entry.mode == "100644"
        and path.isascii()
        and path.isprintable()
        and entry.size is not None
        and entry.size <= MAX_BYTES
        and path.count("/") <= MAX_DEPTH
        and path not in folders
    ):
        return None
    kinds = {"120000": "sig.entry.symlink", "160000": "sig.entry.submodule"}
    what = Message(kinds[entry.mode]) if entry.mode in kinds else Message("sig.entry.mode", mode=entry.mode)
    if entry.path in folders:
        shown = Message("sig.entry.file") if entry.is_file else what
        return Message("sig.planted.not_folder", what=shown)
    if not entry.is_file:
        return Message("sig.planted.not_file", what=what)
    plain = entry.path.isascii() and entry.path.isprintable()
    if not plain and (entry.path != printable(entry.path) or any(0xDC80 <= ord(c) <= 0xDCFF for c in entry.path)):
        return Message("sig.planted.name")
    folder = next((f for f in folders if entry.path.startswith(f + "/")), "")
    if entry.path[len(folder) :].count("/") > MAX_DEPTH:
        return Message("sig.planted.deep", depth=MAX_DEPTH)
    if entry.size is None or entry.size > MAX_BYTES:
        return Message("sig.planted.large", size=f"{entry.size or 0:,}", most=f"{MAX_BYTES:,}")
    return None


def list_folders(repo: Repository, commit: str, folders: list[str]) -> Listing:
    """The files under `folders` in `commit`, each checked as the module docstring says; nothing read yet."""
    listing = Listing(repo)
    for entry in repo.tree_entries(commit, folders):
        why = _refusal(entry, folders)
        if why is not None:
            listing.problems.append(Problem("planted-file", printable(entry.path), why))
        else:
            listing.blobs[entry.path] = entry.sha
    return listing


def read_folders(repo: Repository, commit: str, folders: list[str]) -> Files:
    """The files under `folders` in `commit`, each checked as the module docstring says, and read."""
    listing = list_folders(repo, commit, folders)
    return Files(listing.read(listing.blobs), listing.problems)
