"""Writing the site: only files whose bytes changed are rewritten, and nothing is written on failure.

The whole site is rendered in memory first; then each file is compared with what is on disk (by
SHA-256) and written, atomically, only when it differs, so an unchanged page keeps its file (inode and
modification time) and a static host's cache stays warm. A manifest (`MANIFEST`) lists the files the
previous build wrote; a file it listed that this build does not make is removed. Files the site did
not write are never touched, and a folder that holds files but no manifest is refused (hidden entries
such as `.git` aside, so a fresh clone of a pages repository will do): pointing the command at the
wrong folder cannot delete anything.

A page whose content follows from a few facts (a comparison: the code that renders it, the two texts and
their labels) is recorded in the manifest with a key made of them; the next build reuses the bytes on
disk when the key is the same and the file is still as written (`Previous.reuse`), without computing
the page again.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import AkkoordError
from ...model.reading import read_input
from ...storage.files import write_atomic

MANIFEST = ".akkoord-site.json"


@dataclass
class Written:
    """What a build did: files written, left as they were, and removed (site-relative paths)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.written) + len(self.unchanged)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_path(path: str) -> str:
    normal = posixpath.normpath(path)
    if normal != path or path.startswith(("/", "../")) or path in ("", ".", "..") or "\\" in path:
        raise ValueError(f"unsafe site path {path!r}")
    return path


@dataclass
class Previous:
    """What the previous build wrote: each file's SHA-256 and, for pages made from a key, that key."""

    root: Path
    files: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)

    def reuse(self, path: str, key: str) -> bytes | None:
        """The bytes the previous build wrote at `path` when it made them from the same `key` and the file
        is still as written; else None (the page must be made again)."""
        if not key or self.keys.get(path) != key or path not in self.files:
            return None
        target = self.root / path
        if target.is_symlink() or not target.is_file():
            return None
        try:
            data = read_input(target)
        except AkkoordError:
            return None
        return data if _digest(data) == self.files[path] else None


def previous_build(outdir: str | os.PathLike[str]) -> Previous:
    """The manifest of the site in `outdir` (empty when there is none); one line when it is not ours."""
    root = Path(outdir)
    manifest = root / MANIFEST
    if not manifest.is_file():
        return Previous(root)
    try:
        data = json.loads(read_input(manifest))
        files = {_check_path(p): str(h) for p, h in data["files"].items()}
        keys = {_check_path(p): str(k) for p, k in data.get("keys", {}).items()}
    except (AkkoordError, ValueError, KeyError, TypeError, AttributeError):
        raise AkkoordError.keyed("output.site.not_ours", path=str(manifest)) from None
    return Previous(root, files, keys)


def _current(path: Path) -> str | None:
    """The SHA-256 of the regular file at `path`; None for no file, a link or anything unreadable."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return _digest(read_input(path))
    except AkkoordError:
        return None


def write_site(outdir: str | os.PathLike[str], files: dict[str, bytes], keys: dict[str, str] | None = None) -> Written:
    """Bring `outdir` to exactly `files` (site path -> bytes) plus the manifest, rewriting only what changed.

    `keys` (site path -> key) are recorded in the manifest, for the next build's `Previous.reuse`."""
    root = Path(outdir)
    if root.exists() and not root.is_dir():
        raise AkkoordError.keyed("output.site.not_a_folder", path=str(root))
    previous = previous_build(root).files if root.is_dir() else {}
    if root.is_dir() and not previous and any(not entry.name.startswith(".") for entry in root.iterdir()):
        raise AkkoordError.keyed("output.site.not_empty", path=str(root))
    for path in files:
        _check_path(path)
    result = Written()
    try:
        root.mkdir(parents=True, exist_ok=True)
        for path in sorted(files):
            data = files[path]
            target = root / path
            if _current(target) == _digest(data):
                result.unchanged.append(path)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
            result.written.append(path)
        for path in sorted(set(previous) - set(files)):
            target = root / path
            if target.is_file() and not target.is_symlink():
                target.unlink()
                result.removed.append(path)
            _prune(root, target.parent)
        recorded = {p: k for p, k in sorted((keys or {}).items()) if p in files}
        manifest = json.dumps({"files": {p: _digest(files[p]) for p in sorted(files)}, "keys": recorded}, indent=1)
        manifest += "\n"
        if _current(root / MANIFEST) != _digest(manifest.encode()):
            write_atomic(root / MANIFEST, manifest.encode())
    except OSError as exc:
        raise AkkoordError.keyed("output.site.cannot_write", path=str(root), reason=exc.strerror or str(exc)) from None
    return result


def _prune(root: Path, folder: Path) -> None:
    """Remove folders left empty by removed files, up to (not including) the site's root."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
