"""Versions: a named, frozen text, stored as the annotated tag `version/LABEL`.

The tag message carries the version's facts as trailers, so git alone can read them:

    Akkoord-Label: 2023
    Akkoord-Date: 2023-03-01
    Akkoord-Text-Sha256: <sha256 of akkoord.xml at the tagged commit>
    Akkoord-Amendments: a-2022-0001 a-2022-0003

The text_sha256 reported by `versions()` is always recomputed from the tagged blob, never
taken on trust from the trailer. In a repository with a signatory registry the tags are a
convenience: the truth is the admin-signed version record (see `trust.versions`), which
`akkoord verify` compares the tags with.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import RepositoryError
from ..messages import Message
from ..model.dates import noon, parse_day
from ..model.dates import today as today_utc
from .gitrepo import ZERO, Identity, TagInfo, valid_ref_component
from .workspace import TEXT_PATH, Workspace, check_valid

TAG_PREFIX = "version/"
_TRAILERS = {
    "label": "Akkoord-Label",
    "date": "Akkoord-Date",
    "text_sha256": "Akkoord-Text-Sha256",
    "amendments": "Akkoord-Amendments",
}


@dataclass(frozen=True)
class Version:
    label: str
    date: str
    message: str
    commit: str
    tag: str
    text_sha256: str
    by: str = ""
    amendments: tuple[str, ...] = field(default_factory=tuple)
    recorded_sha256: str = ""
    record: str = ""  # the signed version record (see trust.versions), when the version comes from one

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["amendments"] = list(self.amendments)
        del data["recorded_sha256"], data["record"]
        return data


def check_label(label: str) -> None:
    if not valid_ref_component(label):
        raise RepositoryError.keyed("store.bad_label", label=repr(label))


def _split_message(message: str) -> tuple[str, dict[str, str]]:
    lines = message.rstrip("\n").split("\n")
    trailers: dict[str, str] = {}
    keep = list(lines)
    while keep and ":" in keep[-1] and keep[-1].split(":", 1)[0].startswith("Akkoord-"):
        key, value = keep.pop().split(":", 1)
        trailers[key.strip()] = value.strip()
    return "\n".join(keep).strip(), trailers


def tag_date(tag: TagInfo) -> str:
    """The day a version tag's message gives (its Akkoord-Date), or '' when it gives none."""
    return _split_message(tag.message)[1].get(_TRAILERS["date"], "")


def rename_version(
    workspace: Workspace, old: str, new: str, drop: list[str] | None = None, since: str | None = None
) -> TagInfo:
    """Give version `old` the label `new`: the tag `version/NEW` (same commit, date, tagger and message, the label
    trailer changed) replaces `version/OLD` in one ref transaction. With `drop`, those files are taken out of the
    history from `since` on (a version record made in this clone and never shared; see `trust.rename`)."""
    check_label(new)
    repo = workspace.repo
    tags = {tag.name: tag for tag in repo.tags(TAG_PREFIX)}
    tag = tags.get(TAG_PREFIX + old)
    if tag is None:
        known = ", ".join(sorted(name[len(TAG_PREFIX) :] for name in tags)) or Message("store.none")
        raise RepositoryError.keyed("store.rename_unknown", label=old, known=known)
    if repo.tag_target(TAG_PREFIX + new) is not None:
        raise RepositoryError.keyed("repo.version_exists", label=new)
    head = workspace.head()
    target = head
    if drop and since is not None:
        if tag.commit == since or not repo.is_ancestor(tag.commit, since):
            raise RepositoryError.keyed("store.rename_after_record", label=old)
        target = repo.rewrite_without(drop, since, head)
    lines = tag.message.rstrip("\n").split("\n")
    label = f"{_TRAILERS['label']}: "
    message = "\n".join(f"{label}{new}" if line.startswith(label) else line for line in lines) + "\n"
    made = repo.make_tag(TAG_PREFIX + new, tag.commit, message, Identity.parse(tag.tagger), tag.timestamp)
    refs: list[tuple[str, str | None, str | None]] = [
        (f"refs/tags/{TAG_PREFIX}{old}", None, tag.sha),
        (f"refs/tags/{TAG_PREFIX}{new}", made, ZERO),
    ]
    repo.advance(target, head, refs, f"akkoord: rename version {old} to {new}")
    workspace.expected = target
    return TagInfo(TAG_PREFIX + new, made, tag.commit, tag.tagger, tag.timestamp, message)


def versions(workspace: Workspace, *, hashes: bool = True) -> list[Version]:
    """All versions, oldest first (by version date, then by commit order). `hashes=False`: without reading the
    texts (text_sha256 is left empty), for a caller that takes the hashes from elsewhere."""
    repo = workspace.repo
    found = []
    tags = repo.tags(TAG_PREFIX)
    # one git process for every version
    texts = repo.read_blobs([f"{tag.commit}:{TEXT_PATH}" for tag in tags]) if hashes else [None] * len(tags)
    for tag, data in zip(tags, texts, strict=True):
        text, trailers = _split_message(tag.message)
        label = tag.name[len(TAG_PREFIX) :]
        found.append(
            Version(
                label=label,
                date=trailers.get(_TRAILERS["date"], ""),
                message=text,
                commit=tag.commit,
                tag=tag.name,
                text_sha256=hashlib.sha256(data).hexdigest() if data is not None else "",
                by=tag.tagger,
                amendments=tuple(trailers.get(_TRAILERS["amendments"], "").split()),
                recorded_sha256=trailers.get(_TRAILERS["text_sha256"], ""),
            )
        )
    order = {}
    if found:
        ancestry = [sha for sha, _ in repo.commit_graph(*{v.commit for v in found}, oldest_first=True)]
        order = {sha: index for index, sha in enumerate(ancestry)}
    found.sort(key=lambda v: (v.date, order.get(v.commit, 0), v.label))
    return found


def find_version(workspace: Workspace, label: str) -> Version | None:
    for version in versions(workspace):
        if version.label == label:
            return version
    return None


def create_version(
    workspace: Workspace,
    label: str,
    *,
    by: Identity,
    message: str | None = None,
    date: str | None = None,
    today: dt.date | None = None,
    text: bytes | None = None,
    extra_changes: dict[str, bytes | None] | None = None,
    amendments: tuple[str, ...] = (),
    record: Callable[[str, bytes, dt.date], tuple[dict[str, bytes | None], str]] | None = None,
) -> Version:
    """Freeze the current text (or `text`, a consolidation of it) as version `label`.

    When `text` or `extra_changes` are given, they are committed as a consolidation commit, and the tag is
    created on it in the same ref transaction as the branch move: both happen or neither, so a label taken
    meanwhile (or a branch that moved) leaves no consolidation behind without its version. Refuses an
    invalid text, a duplicate label, and uncommitted edits to akkoord.xml.

    `record(commit, text, day)` -> (files, message), when given, makes the signed version record that names
    the frozen commit; it is committed right after that commit, in the same ref transaction (see
    `trust.versions`), and the tag names the frozen commit.
    """
    check_label(label)
    if workspace.repo.tag_target(TAG_PREFIX + label) is not None:
        raise RepositoryError.keyed("repo.version_exists", label=label)
    if workspace.text_is_dirty():
        raise RepositoryError.keyed("store.text_dirty", path=TEXT_PATH)
    day = parse_day(date) if date else (today or today_utc())
    from ..model.document import Document

    def tag_message(data: bytes) -> str:
        lines = [message.strip() if message else workspace.in_text_language(Message("commit.version", label=label)), ""]
        lines.append(f"{_TRAILERS['label']}: {label}")
        lines.append(f"{_TRAILERS['date']}: {day.isoformat()}")
        lines.append(f"{_TRAILERS['text_sha256']}: {hashlib.sha256(data).hexdigest()}")
        if amendments:
            lines.append(f"{_TRAILERS['amendments']}: {' '.join(amendments)}")
        return "\n".join(lines) + "\n"

    if text is not None or extra_changes:
        body = text if text is not None else workspace.head_text()
        doc = Document.from_bytes(body, f"consolidated {TEXT_PATH}")
        check_valid(doc)
        data = doc.to_bytes()
        changes = dict(extra_changes or {})
        changes[TEXT_PATH] = data
        summary = workspace.in_text_language(Message("commit.consolidate", label=label))
        if amendments:
            summary += f"\n\nAkkoord-Amendments: {' '.join(amendments)}"
        before = workspace.repo.head_commit()
        try:
            workspace.commit(
                changes,
                summary,
                "consolidation",
                by,
                timestamp=noon(day),
                tag=(TAG_PREFIX + label, tag_message(data)),
                follow_up=(lambda commit: record(commit, data, day)) if record else None,
                what=Message("store.what.version", label=label),
            )
        except RepositoryError as exc:
            taken = workspace.repo.tag_target(TAG_PREFIX + label) is not None
            if taken and workspace.repo.head_commit() == before:  # not ours: the branch never moved
                raise RepositoryError.keyed("store.version_made_meanwhile", label=label) from None
            raise exc
    else:
        head = workspace.head()
        data = workspace.text_at(head)
        doc = Document.from_bytes(data, f"{TEXT_PATH} at {head[:12]}")
        check_valid(doc)
        try:
            if record is not None:
                files, record_message = record(head, data, day)
                workspace.commit(
                    files,
                    record_message,
                    "version",
                    by,
                    tag=(TAG_PREFIX + label, tag_message(data)),
                    tag_target=head,
                    what=Message("store.what.version", label=label),
                )
            else:
                workspace.repo.create_tag(TAG_PREFIX + label, head, tag_message(data), by, noon(day))
        except RepositoryError:
            if workspace.repo.tag_target(TAG_PREFIX + label) is None or workspace.repo.head_commit() != head:
                raise  # refused for another reason (a lock, a hook), or ours and recorded: said as it is
            raise RepositoryError.keyed("store.version_made_meanwhile", label=label) from None
    created = find_version(workspace, label)
    assert created is not None
    return created


def standing(workspace: Workspace) -> dict[str, object]:
    """Where the text stands: the latest version, HEAD and its text's hash, whether the committed text
    differs from the latest version's, and whether akkoord.xml has uncommitted edits."""
    found = versions(workspace)
    head = workspace.head()
    head_text = workspace.head_text()
    return {
        "latest_version": found[-1].label if found else None,
        "head": head,
        "text_sha256": hashlib.sha256(head_text).hexdigest(),
        "text_changed_since_version": bool(found)
        and found[-1].commit != head
        and workspace.text_at(found[-1].commit) != head_text,
        "uncommitted_edits": workspace.text_is_dirty(),
    }
