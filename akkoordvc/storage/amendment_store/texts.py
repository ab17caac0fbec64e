"""The texts amendments speak about: an amendment's base, the pending text (HEAD with the accepted
amendments applied in acceptance order), and whether an amendment applies to it now."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...errors import AkkoordError, ConflictError
from ...messages import Message, text
from ...model import amendment_names as an
from ...model import canonical
from ...model.xmlparse import parse_bytes
from ...ops import amendments as ops
from ...ops.amendments import Amendment, Base, Conflict
from ..workspace import TEXT_PATH, Workspace
from .contest import CONTESTED
from .loading import Amendments, accepted_pending

#: base texts already located, by (amendment id, revision)
TextCache = dict[tuple[str | None, int], etree._Element]


class AmendmentConflict(ConflictError):
    """Accepting (or consolidating) an amendment would overwrite a change made since its base."""

    def __init__(self, message: Message, amendment: Amendment, conflicts: list[Conflict], text: etree._Element):
        super().__init__(message, detail=plain_conflicts(conflicts))
        self.amendment = amendment
        self.conflicts = conflicts
        self.text = text  # the current text the amendment was merged with


def plain_conflicts(conflicts: list[Conflict]) -> str:
    """The conflicts as plain text (the CLI shows a richer redline when it can)."""
    lines = []
    for conflict in conflicts:
        lines.append(text("store.conflict_in", target=conflict.target, reason=conflict.reason))
        absent = text("store.absent")
        for block in conflict.blocks:
            lines.append(f"  {block.where} {block.reason}")
            for label in ("base", "current", "amendment"):
                lines.append(f"    {text(f'store.side.{label}') + ':':<11}{block.text(label) or absent}")
        if conflict.blocks:
            continue
        texts = conflict.as_dict()
        for label, key in (("base", "base_text"), ("current", "current_text"), ("amendment", "amendment_text")):
            lines.append(f"  {text(f'store.side.{label}') + ':':<11}{texts[key] if texts[key] is not None else absent}")
    return "\n".join(lines)


def parse_text(data: bytes, source: str) -> etree._Element:
    return parse_bytes(data, source)


def label_for(workspace: Workspace, text_sha256: str) -> str | None:
    from ..versions import versions

    labels = [v.label for v in versions(workspace) if v.text_sha256 == text_sha256]
    return labels[-1] if labels else None


def base_text(
    workspace: Workspace, amendment: Amendment, amendments: dict[str, Amendment], _cache: TextCache | None = None
) -> etree._Element:
    """The text `amendment` was drafted against (checked against its text_sha256)."""
    cache: TextCache = _cache if _cache is not None else {}
    key = (amendment.id, amendment.revision)
    if key in cache:
        return cache[key]
    root = locate_base(workspace, amendment.base, amendments, amendment.id or "the amendment", cache)
    cache[key] = root
    return root


def locate_base(
    workspace: Workspace, base: Base, amendments: dict[str, Amendment], name: str, cache: TextCache
) -> etree._Element:
    from ..versions import find_version, versions

    repo = workspace.repo
    candidates: list[str] = []
    if base.commit and (resolved := repo.resolve(base.commit)):
        candidates.append(resolved)
    if base.label:
        version = find_version(workspace, base.label)
        if version is not None:
            candidates.append(version.commit)
    if not base.on:
        candidates += [v.commit for v in versions(workspace) if v.text_sha256 == base.text_sha256]
        candidates.append(workspace.head())
    for commit in candidates:
        data = repo.read(commit, TEXT_PATH)
        if data is None:
            continue
        root = parse_text(data, f"{TEXT_PATH} at {commit[:12]}")
        for on in base.on:
            if on not in amendments:
                break
            prior = amendments[on]
            result = ops.merge(base_text(workspace, prior, amendments, cache), root, prior.operations)
            if not result.clean:
                break
            root = result.root
        else:
            if canonical.text_sha256(root) == base.text_sha256:
                return root
    where = Message("store.base_version", label=base.label) if base.label else ""
    raise AkkoordError.keyed("store.base_gone", name=name, where=where, sha=base.text_sha256[:12])


def pending_text(
    workspace: Workspace,
    amendments: dict[str, Amendment],
    *,
    exclude: str | None = None,
    cache: TextCache | None = None,
) -> tuple[etree._Element, list[str]]:
    """The text the next version will have: HEAD's text with every accepted amendment applied in order.

    Returns the text and the ids applied. An accepted amendment that no longer applies (an editorial
    commit changed its clause since it was accepted) raises AmendmentConflict. A damaged amendment is not here:
    callers that act on this text refuse first (`refuse_damaged`), each naming what it could not do.
    """
    cache = cache if cache is not None else {}
    root = parse_text(workspace.head_text(), TEXT_PATH)
    applied = []
    for amendment in accepted_pending(amendments):
        if amendment.id == exclude:
            continue
        result = ops.merge(base_text(workspace, amendment, amendments, cache), root, amendment.operations)
        if not result.clean:
            raise AmendmentConflict(
                Message(
                    "store.no_longer_applies",
                    id=amendment.id,
                    clause=result.conflicts[0].target,
                    reason=result.conflicts[0].reason,
                ),
                amendment,
                result.conflicts,
                root,
            )
        root = result.root
        applied.append(amendment.known_id)
    return root, applied


@dataclass
class Check:
    """How an amendment stands against the text it would be applied to now."""

    state: str  # clean | stale | conflict | applied (already consolidated or decided)
    stale: list[str]
    conflicts: list[Conflict]

    def as_dict(self) -> dict[str, object]:
        return {"state": self.state, "stale": self.stale, "conflicts": [c.as_dict() for c in self.conflicts]}


def check(
    workspace: Workspace,
    amendment: Amendment,
    amendments: dict[str, Amendment],
    cache: TextCache | None = None,
    pending: etree._Element | None = None,
) -> Check:
    """Whether `amendment` would apply now: clean, stale (its targets changed but it merges), or conflict."""
    cache = cache if cache is not None else {}
    if pending is None:
        pending, _ = pending_text(workspace, amendments, exclude=amendment.id, cache=cache)
    base = base_text(workspace, amendment, amendments, cache)
    result = ops.merge(base, pending, amendment.operations)
    stale = list(dict.fromkeys(target for target, _, _ in ops.stale_targets(pending, amendment.operations)))
    if result.conflicts:
        return Check("conflict", stale, result.conflicts)
    return Check("stale" if stale else "clean", stale, [])


def amended_text(
    workspace: Workspace, amendment: Amendment, amendments: dict[str, Amendment]
) -> tuple[etree._Element, etree._Element]:
    """(base text, base text with the amendment applied): what `amend show` redlines."""
    base = base_text(workspace, amendment, amendments)
    return base, ops.apply(base, amendment.operations)


#: statuses of an amendment that may still be decided, and so may or may not apply to the text now
OPEN = (an.PROPOSED, an.ACCEPTED, CONTESTED)


def checks_now(workspace: Workspace, amendments: Amendments, shown: list[Amendment]) -> dict[str, str]:
    """For the open ones of `shown`: would they apply to the current text now (clean, stale, conflict, or
    unknown base)? The pending text is computed once for all of them."""
    open_ones = [a for a in shown if a.status in OPEN]
    if not open_ones or amendments.damaged:  # the next version's text is not known while one is damaged
        return {}
    cache: TextCache = {}
    try:
        pending, _ = pending_text(workspace, amendments, cache=cache)
    except AmendmentConflict as exc:
        return {str(exc.amendment.id): "conflict"}
    out = {}
    for amendment in open_ones:
        try:
            if amendment.status == an.ACCEPTED:
                out[str(amendment.id)] = "clean"  # it is part of the pending text computed above
                continue
            out[str(amendment.id)] = check(workspace, amendment, amendments, cache, pending).state
        except AkkoordError:
            out[str(amendment.id)] = "unknown base"
    return out


def check_open(workspace: Workspace, amendment: Amendment, amendments: Amendments) -> Check | None:
    """How an open amendment stands now (a conflict as a Check too); None for a decided one."""
    if amendment.status not in OPEN or amendments.damaged:
        return None
    try:
        return check(workspace, amendment, amendments)
    except AmendmentConflict as exc:
        return Check("conflict", [], exc.conflicts)
