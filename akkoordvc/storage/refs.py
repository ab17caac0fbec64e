"""REFs: how every command names a text.

A REF is a version label, a git revision, `working` (the file in the work tree), or the
path of an XML file. A path that exists is read directly, without importing or starting
git, so a redline of two files needs no repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import AkkoordError
from ..model.document import Document

if TYPE_CHECKING:
    from .workspace import Workspace

WORKING = "working"


@dataclass
class Resolved:
    """A REF resolved to a text."""

    ref: str
    document: Document
    data: bytes
    label: str | None = None  # the version label, when the REF names a version
    commit: str | None = None  # the commit, when the text comes from git
    kind: str = "file"  # file | working | version | revision

    @property
    def text_sha256(self) -> str:
        import hashlib

        return hashlib.sha256(self.data).hexdigest()

    def describe(self) -> dict[str, str | None]:
        return {"ref": self.ref, "label": self.label, "text_sha256": self.text_sha256}


def _looks_like_path(ref: str) -> bool:
    return ref.endswith(".xml") or os.sep in ref or (os.altsep is not None and os.altsep in ref)


def _from_file(ref: str) -> Resolved:
    from ..model.bwb import TOESTAND
    from ..model.reading import read_input
    from ..model.xmlparse import check_vocabulary

    data = read_input(ref)
    document = Document.from_bytes(data, ref)
    if document.root.tag != TOESTAND:  # a BWB law is checked by its importer
        check_vocabulary(document.root, ref)
    return Resolved(ref, document, data)


def resolve(ref: str, start: str = ".", workspace: Workspace | None = None) -> Resolved:
    """Resolve `ref` to a document (see the module docstring for the order of look-up)."""
    if ref != WORKING and _looks_like_path(ref) and os.path.isfile(ref):
        return _from_file(ref)
    from .versions import TAG_PREFIX, find_version, versions
    from .workspace import TEXT_PATH, Workspace

    if workspace is None:
        try:
            workspace = Workspace.open(start)
        except AkkoordError:
            if os.path.isfile(ref):
                return _from_file(ref)
            if _looks_like_path(ref):
                raise AkkoordError(f"{ref}: no such file; check the path") from None
            raise AkkoordError(
                f"REF {ref!r}: not a file, and not inside an akkoord repository to look it up as a version; "
                "give a file path or use -C DIR"
            ) from None
    if ref == WORKING:
        data = workspace.working_text()
        return Resolved(ref, Document.from_bytes(data, str(workspace.root / TEXT_PATH)), data, kind="working")
    version = find_version(workspace, ref[len(TAG_PREFIX) :] if ref.startswith(TAG_PREFIX) else ref)
    if version is not None:
        data = workspace.text_at(version.commit)
        return Resolved(
            ref,
            Document.from_bytes(data, f"{TEXT_PATH} of version {version.label}"),
            data,
            label=version.label,
            commit=version.commit,
            kind="version",
        )
    commit = workspace.repo.resolve(ref)
    if commit is not None:
        data = workspace.text_at(commit)
        return Resolved(ref, Document.from_bytes(data, f"{TEXT_PATH} at {ref}"), data, commit=commit, kind="revision")
    if os.path.isfile(ref):
        return _from_file(ref)
    known = ", ".join(v.label for v in versions(workspace))
    raise AkkoordError(
        f"REF {ref!r}: not a version label, git revision, file or 'working'"
        + (f"; versions are: {known}" if known else "; there are no versions yet (akkoord version create LABEL)")
    )
