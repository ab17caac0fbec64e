"""REFs: how every command names a text.

A REF is a version label, a git revision, `working` (the file in the work tree), `amend/ID`
(the text of an amendment's base with the amendment applied; ID may be any unique start of the
amendment's id), or the path of an XML file. A path that exists is read directly, without
importing or starting git, so a redline of two files needs no repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import AkkoordError
from ..model import canonical
from ..model.document import Document

if TYPE_CHECKING:
    from ..ops.amendments import Amendment
    from ..ops.redline import Side
    from .workspace import Workspace

WORKING = "working"
AMENDMENT_PREFIX = "amend/"


@dataclass
class Resolved:
    """A REF resolved to a text."""

    ref: str
    document: Document
    data: bytes
    label: str | None = None  # the version label, when the REF names a version
    commit: str | None = None  # the commit, when the text comes from git
    kind: str = "file"  # file | working | version | revision | amendment
    amendment: Amendment | None = None  # the amendment, when the REF names one (amend/ID)

    @property
    def text_sha256(self) -> str:
        import hashlib

        return hashlib.sha256(self.data).hexdigest()

    def describe(self) -> dict[str, str | None]:
        return {"ref": self.ref, "label": self.label, "text_sha256": self.text_sha256}

    def side(self, document: Document | None = None) -> Side:
        """This text as one side of a redline (`document`: the text compared, when it was converted, e.g.
        from a BWB law)."""
        from ..ops.redline import Side

        doc = document or self.document
        return Side(
            ref=self.ref, label=self.label, text_sha256=self.text_sha256, title=doc.title, lang=doc.lang, doc_id=doc.id
        )

    def changed_by(self, old: Resolved) -> tuple[str | None, str | None]:
        """Who made the changes from `old` to this text and on which day, when that is known: for an amendment
        redlined against its own base, its proposers (names) and its proposal date; else (None, None)."""
        amendment = self.amendment
        if amendment is None or canonical.text_sha256(old.document.root) != amendment.base.text_sha256:
            return None, None
        return ", ".join(p.name for p in amendment.proposers), amendment.date


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
    from .gitrepo import NoRepository
    from .versions import TAG_PREFIX, find_version, versions
    from .workspace import TEXT_PATH, Workspace

    if workspace is None:
        try:
            workspace = Workspace.open(start)
        except NoRepository:
            if os.path.isfile(ref):
                return _from_file(ref)
            if ref.startswith(AMENDMENT_PREFIX):
                raise AkkoordError.keyed("store.ref_amendment_outside", ref=repr(ref)) from None
            if _looks_like_path(ref):
                raise AkkoordError.keyed("store.no_such_file", path=ref) from None
            raise AkkoordError.keyed("store.ref_outside", ref=repr(ref)) from None
    if ref.startswith(AMENDMENT_PREFIX):
        return amendment_sides(workspace, ref[len(AMENDMENT_PREFIX) :])[1]
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
    if known:
        raise AkkoordError.keyed("repo.ref_unknown", ref=ref, known=known)
    raise AkkoordError.keyed("repo.ref_unknown_no_versions", ref=ref)


def amendment_sides(
    workspace: Workspace, ident: str, amendments: dict[str, Amendment] | None = None
) -> tuple[Resolved, Resolved]:
    """The two texts of an amendment (named by `ident`, any unique start of its id): its base, and its base
    with the amendment applied (the REF `amend/ID`). One clear line when the id is unknown or ambiguous, a
    record is damaged, or the base is no longer in the repository. `amendments`: those already loaded."""
    from . import amendment_store as store

    if not ident:
        raise AkkoordError.keyed("store.ref_amendment_no_id", ref=repr(AMENDMENT_PREFIX), prefix=AMENDMENT_PREFIX)
    amendments = amendments if amendments is not None else store.load(workspace)
    amendment = store.find(amendments, ident)
    base_root, amended_root = store.amended_text(workspace, amendment, amendments)
    full = f"{AMENDMENT_PREFIX}{amendment.known_id}"
    base = amendment.base
    name = base.label or (base.commit[:12] if base.commit else base.text_sha256[:12])
    if base.on:
        name += "".join(f" + {AMENDMENT_PREFIX}{on}" for on in base.on)
    base_data = canonical.to_bytes(base_root)
    amended_data = canonical.to_bytes(amended_root)
    return (
        Resolved(
            name,
            Document(base_root, f"the base of amendment {amendment.known_id}"),
            base_data,
            label=base.label,
            commit=base.commit if not base.on else None,
            kind="version" if base.label and not base.on else "revision",
        ),
        Resolved(
            full,
            Document(amended_root, f"amendment {amendment.known_id}"),
            amended_data,
            kind="amendment",
            amendment=amendment,
        ),
    )
