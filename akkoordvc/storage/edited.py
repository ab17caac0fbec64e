"""An edited copy of the text in any format a drafter may hand in, as agreement XML with its base.

`read_edited(workspace, data, source, base_ref)` takes the bytes of an edited copy (agreement XML, a
Word document, an OpenDocument text or Markdown, told apart by `model.formats.kind_of`) and returns
the edited text as canonical agreement XML, the REF of the text it was made from and the comments the
document holds. A Word, OpenDocument or Markdown copy names the text it was exported from (its text
hash, version and commit); that text is looked up among the versions and the current text of the
repository, and the copy is mapped onto it (`model.wordfile`, `model.markdown`). XML passes through
unchanged, for the amendment machinery to find its base as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..errors import AkkoordError
from ..model import canonical, formats
from ..model import wordml_names as wn
from .workspace import Workspace


@dataclass
class Edited:
    """An edited copy: agreement XML, the REF of its base (None: let the caller find it), its comments."""

    data: bytes
    kind: str
    base_ref: str | None = None
    comments: list[str] = field(default_factory=list)


def _base(
    workspace: Workspace, properties: dict[str, str], base_ref: str | None, source: str
) -> tuple[etree._Element, str]:
    """(root, REF) of the text a document was exported from."""
    from ..model.xmlparse import parse_bytes
    from .refs import resolve
    from .versions import find_version, versions

    if base_ref is not None:
        resolved = resolve(base_ref, workspace=workspace)
        if resolved.commit is None:
            raise AkkoordError.keyed("store.edited.base_not_here", base=base_ref)
        return resolved.document.root, resolved.commit
    wanted = properties.get(wn.PROP_TEXT_SHA256, "")
    if not wanted:
        raise AkkoordError.keyed("store.edited.no_origin", source=source)
    candidates = []
    label = properties.get(wn.PROP_VERSION)
    version = find_version(workspace, label) if label else None
    if version is not None:
        candidates.append(version.commit)
    candidates += [v.commit for v in reversed(versions(workspace)) if v.text_sha256 == wanted]
    recorded = workspace.repo.resolve(properties[wn.PROP_COMMIT]) if properties.get(wn.PROP_COMMIT) else None
    if recorded:
        candidates.append(recorded)
    candidates.append(workspace.head())
    for commit in candidates:
        data = workspace.text_at(commit)
        if canonical.sha256(data) == wanted:
            return parse_bytes(data, f"akkoord.xml at {commit[:12]}"), commit
    raise AkkoordError.keyed("store.edited.unknown_origin", source=source, sha=wanted[:16])


def read_edited(workspace: Workspace, data: bytes, source: str, base_ref: str | None = None) -> Edited:
    """The edited copy in `data` as agreement XML (see the module docstring)."""
    kind = formats.kind_of(data, source)
    if kind == formats.XML:
        return Edited(data, kind, base_ref)
    if kind == formats.ODT:
        from .office import to_docx

        data = to_docx(data, source)
    if kind in (formats.DOCX, formats.ODT):
        from ..model import wordfile

        document = wordfile.read(data, source)
        root, commit = _base(workspace, document.properties, base_ref, source)
        edited: etree._Element = wordfile.agreement(document, root)
        return Edited(canonical.to_bytes(edited), kind, commit, document.comments)
    from ..model import markdown

    text = markdown.read(data, source)
    root, commit = _base(workspace, text.properties, base_ref, source)
    return Edited(canonical.to_bytes(markdown.agreement(text, root)), kind, commit, [])
