"""What `verify`, `endorsements` and `since` report, kept whole in the verdict cache (issue 10): run again on a
repository where nothing changed, they read one entry instead of rebuilding thousands of statements.

The entry is keyed by everything the report is computed from: the commit checked (its tree and its whole
history), the version tags (a version is a tag), the trust anchor checked against, today, the language of the
messages, the verifier (in-process or ssh-keygen), an unfinished git operation, the repository's folder (named
in a problem) and the code that decides (`cache.key`). A report that asks for a repair (a version tag to make
again) is never kept: the command that repairs it must see it.

Like every cache entry it changes no result: without it, after deleting it, or with a damaged or forged file
(refused by the cache's HMAC, or an entry of another shape: a miss), the command computes the same report.
Each result has its own section holding only the newest entry, so `since` reads a few kilobytes, not the whole
report of `verify`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import messages
from ..errors import AkkoordError
from ..storage.versions import TAG_PREFIX
from ..storage.workspace import Workspace
from . import sshsig
from .cache import Cache, key

if TYPE_CHECKING:  # the checks and the redline are imported only when a command needs them
    from ..model.document import Document
    from ..ops.redline import Redline, Side
    from .verify import Report

#: the results kept, one cache section each (the first is the report of `verify`)
SECTIONS = ("verify", "matrix", "standing", "waiting")


@dataclass
class Results:
    """The results of one verification, as the commands print them (JSON data); a result the command did not
    ask for may be None."""

    verify: dict[str, Any] | None  # Report.as_dict()
    damaged: int  # registry files changed or deleted since committed
    records: bool  # whether there are registry records at all
    matrix: dict[str, Any] | None  # status.matrix on the day checked, when a registry is in force
    standing: dict[str, Any] | None  # what `since` needs (status.standing), when a registry is in force
    waiting: dict[str, Any] | None  # what `status` shows of it (waiting.trust_view)
    report: Report | None = None  # the full report, when this command computed it (None: read from the cache)
    full: Callable[[], Report] | None = None  # computes the full report when a command needs more than the above

    def full_report(self) -> Report:
        """The full report (computed now when the results came from the cache): for the error paths."""
        if self.report is None:
            assert self.full is not None
            self.report = self.full()
        return self.report


def _shape(value: Any) -> bool:
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("damaged"), int)
        or not isinstance(value.get("records"), bool)
    ):
        return False
    data = value.get("data")
    if value.get("of") == "verify":
        return (
            isinstance(data, dict)
            and isinstance(data.get("ok"), bool)
            and all(isinstance(data.get(k), list) for k in ("statements", "problems", "notices"))
        )
    if value.get("of") == "waiting":
        return (
            isinstance(data, dict) and isinstance(data.get("problems"), int) and isinstance(data.get("undecided"), list)
        )
    return value.get("of") in SECTIONS and (data is None or isinstance(data, dict))


def cache_key(workspace: Workspace, trust_anchor: str | None, today: dt.date) -> str:
    """The key of the results of checking `workspace` now (see the module docstring)."""
    repo = workspace.repo
    tags = "\0".join(f"{t.name}={t.sha}" for t in repo.tags(TAG_PREFIX))
    return key(
        "results",
        workspace.head(),
        tags,
        trust_anchor or "",
        today.isoformat(),
        messages.language(),
        sshsig.verifier_mode(),
        str(repo.unfinished_operation() or ""),
        str(workspace.root),
    )


def results(
    workspace: Workspace,
    trust_anchor: str | None,
    today: dt.date,
    need: tuple[str, ...] = SECTIONS,
    cache: Cache | None = None,
) -> Results:
    """The results `need` (of `SECTIONS`) of `verify(workspace, trust_anchor, today)`: from the cache when it
    holds them, else computed (and every one of them kept)."""
    cache = cache if cache is not None else Cache.of(workspace.repo)
    name = cache_key(workspace, trust_anchor, today)

    def compute() -> Report:
        from .verify import verify

        return verify(workspace, trust_anchor, today, cache)

    found = {s: cache.get(name, _shape, section=f"result:{s}") for s in need}
    if all(value is not None and value["of"] == s for s, value in found.items()):
        first = found[need[0]]

        def data(section: str) -> Any:
            return found[section]["data"] if section in found else None

        return Results(
            data("verify"),
            first["damaged"],
            first["records"],
            data("matrix"),
            data("standing"),
            data("waiting"),
            full=compute,
        )
    from .status import matrix, standing
    from .waiting import trust_view

    report = compute()
    try:
        report.registry.require_current()
        current = True
    except AkkoordError:
        current = False
    table = matrix(report, today) if report.registry.current is not None else None
    done = Results(
        report.as_dict(),
        len(report.registry.damaged),
        bool(report.registry.records),
        table if current else None,
        standing(report) if current else None,
        trust_view(report, table),
        report,
        compute,
    )
    if not report.missing_tags:
        for section in SECTIONS:
            value = {"of": section, "data": getattr(done, section), "damaged": done.damaged, "records": done.records}
            cache.only(name, value, section=f"result:{section}")
        cache.save()
    return done


def shown(data: dict[str, Any], ref: str | None) -> dict[str, Any]:
    """The matrix `data` (of `matrix`) with only the version REF names (LABEL or version/LABEL); whole when None."""
    if ref is None:
        return data
    label = ref.removeprefix("version/")
    return {**data, "versions": [v for v in data["versions"] if v["label"] == label]}


@dataclass(frozen=True)
class Since:
    """What changed for a signatory: from the version it last endorsed (`old`) to the current one."""

    signatory: str
    name: str
    old: str
    current: str
    redline: Redline


def since_redline(
    workspace: Workspace, standing: dict[str, Any] | None, signatory_id: str, full: Callable[[], Report]
) -> Since:
    """The redline from the version `signatory_id` last endorsed to the current version, from `standing`
    (`standing(report)`); when it has no answer, the full report `full()` says why (no registry, no such
    signatory, no versions, nothing endorsed)."""
    from ..model.document import Document
    from ..ops.align import compute
    from ..ops.redline import Side

    entry = standing["signatories"].get(signatory_id) if standing is not None else None
    if standing is None or entry is None or entry[1] is None or not standing["versions"]:
        _refuse_since(full(), signatory_id)
        raise AssertionError("the report finds no reason to refuse what the cached standing could not answer")
    name, label = entry
    by_label = {v[0]: v for v in standing["versions"]}

    def side(v: list[str]) -> tuple[Document, Side]:
        v_label, commit, text_sha256 = v
        doc = Document.from_bytes(workspace.text_at(commit), f"version {v_label}")
        return doc, Side(
            ref=v_label, label=v_label, text_sha256=text_sha256, title=doc.title, lang=doc.lang, doc_id=doc.id
        )

    current = standing["versions"][-1]
    old_doc, old_side = side(by_label[label])
    new_doc, new_side = side(current)
    return Since(signatory_id, name, label, current[0], compute(old_doc, new_doc, old_side, new_side))


def _refuse_since(report: Report, signatory_id: str) -> None:
    """Raise why `since` has nothing to show for `signatory_id` (the registry, the signatory, the versions)."""
    from .status import last_endorsed

    registry = report.registry.require_current()
    who = registry.require(signatory_id)
    found = report.versions
    if not found:
        raise AkkoordError.keyed("trust.matrix.no_versions")
    if last_endorsed(report, who.id, [v.label for v in found]) is None:
        raise AkkoordError.keyed("verify.since.none", name=who.name, id=who.id, current=found[-1].label)


__all__ = ["SECTIONS", "Results", "Since", "cache_key", "results", "shown", "since_redline"]
