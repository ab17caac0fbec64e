"""The one safe reader of what verification reads from a repository: files under a few folders of one commit.

Anyone with push access can plant anything, so every entry is checked before it is read:
a symlink, a submodule, or a folder that is a file, a name that is not printable UTF-8, a
path nested too deep, or a file larger than `MAX_BYTES` becomes one `Problem` naming the
path, and is not read. Reading is one `git ls-tree` plus one `git cat-file --batch`: a bulk
pass, never one tree walk per file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def _refusal(entry: TreeEntry, folders: list[str]) -> str | None:
    what = {"120000": "a symbolic link", "160000": "a submodule"}.get(entry.mode, f"an entry of mode {entry.mode}")
    if entry.path in folders:
        shown = "a file" if entry.is_file else what
        return f"is {shown}, not a folder; nothing in it is read"
    if not entry.is_file:
        return f"is {what}, not a file; it is not read"
    if entry.path != printable(entry.path) or any(0xDC80 <= ord(c) <= 0xDCFF for c in entry.path):
        return "has a name that is not printable UTF-8; it is not read"
    folder = next((f for f in folders if entry.path.startswith(f + "/")), "")
    if entry.path[len(folder) :].count("/") > MAX_DEPTH:
        return f"lies more than {MAX_DEPTH} folders deep; it is not read"
    if entry.size is None or entry.size > MAX_BYTES:
        return f"is {entry.size or 0:,} bytes, more than the {MAX_BYTES:,} allowed; it is not read"
    return None


def read_folders(repo: Repository, commit: str, folders: list[str]) -> Files:
    """The files under `folders` in `commit`, each checked as the module docstring says."""
    files = Files()
    wanted = []
    for entry in repo.tree_entries(commit, folders):
        why = _refusal(entry, folders)
        if why is not None:
            files.problems.append(Problem("planted-file", printable(entry.path), why))
            continue
        wanted.append(entry)
    blobs = repo.read_blobs([entry.sha for entry in wanted])
    files.data = {entry.path: data or b"" for entry, data in zip(wanted, blobs, strict=True)}
    return files
