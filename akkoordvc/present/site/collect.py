"""Everything the review site shows, read once from the repository through the library.

`collect(workspace, ...)` returns a `SiteData`: the versions with their parsed texts, the redlines the
site shows (computed by `ops.align`, exactly as `akkoord redline` computes them), the amendments with
their redlines against their base, every clause's history, and the trust picture (`trust.verify` and
`trust.status`, the same data as `akkoord verify` and `akkoord endorsements --json`). Pages only read it.
The versions are those verification counts (`Report.versions`): in a repository with a registry, the
chain of admin-signed version records, whatever the tags say; without one, the tags.

Redlines between versions are computed when a page first asks for one (`SiteData.redline`), so a page
the writer can reuse from the previous build costs nothing. Comparisons: every pair of versions is
computed in advance while there are at most `ALL_PAIRS_UP_TO`
versions (a negotiated agreement gets a new version every year or two, so that is decades); beyond
that, consecutive pairs and every version against the current one. Computing a redline in the page
instead would need a second, JavaScript implementation of the alignment (moves, splits, merges,
renumbering): two engines that could disagree about what a signatory was shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lxml import etree

from ...errors import AkkoordError
from ...model.document import Document
from ...ops.align import compute
from ...ops.amendments import Amendment
from ...ops.redline import ClauseChange, Redline, Side
from ...storage import amendment_store
from ...storage.versions import Version
from ...storage.workspace import Workspace
from ...trust.model import Registry
from ...trust.statements import ATTESTATION
from ...trust.status import decisions, last_endorsed, matrix
from ...trust.verify import Checked, Report, verify

ALL_PAIRS_UP_TO = 24


@dataclass
class Text:
    """A version with its parsed text."""

    version: Version
    document: Document
    data: bytes

    @property
    def label(self) -> str:
        return self.version.label

    @cached_property
    def side(self) -> Side:
        doc = self.document
        return Side(
            ref=self.label,
            label=self.label,
            text_sha256=self.version.text_sha256,
            title=doc.title,
            lang=doc.lang,
            doc_id=doc.id,
        )


@dataclass
class Step:
    """One version in a clause's life: its first text, or a change from the version before."""

    text: Text
    previous: Text | None
    element: etree._Element | None  # the clause in this version (None once removed)
    change: ClauseChange | None = None  # None for the clause's first text
    redline: Redline | None = None  # the redline of `previous` → `text` the change belongs to
    amendments: list[Amendment] = field(default_factory=list)  # the consolidated amendments that touch the clause


@dataclass
class AmendmentView:
    amendment: Amendment
    redline: Redline | None
    error: str | None = None

    @property
    def id(self) -> str:
        return self.amendment.id or ""


@dataclass
class SiteData:
    head: str
    today: dt.date
    texts: list[Text]
    title: str
    lang: str
    doc_id: str
    amendments: list[AmendmentView]
    report: Report
    pinned: bool
    status: dict[str, Any]  # the matrix of `trust.status` (as `akkoord endorsements --json`)
    standing: dict[tuple[str, str], Checked]
    registry: Registry | None
    pairs: list[tuple[str, str]]
    consolidated: dict[str, Amendment]  # every amendment by id, for the versions that consolidated them
    _redlines: dict[tuple[str, str], Redline] = field(default_factory=dict, repr=False)

    @property
    def current(self) -> Text | None:
        return self.texts[-1] if self.texts else None

    def text(self, label: str) -> Text:
        return next(t for t in self.texts if t.label == label)

    def previous(self, label: str) -> Text | None:
        labels = [t.label for t in self.texts]
        index = labels.index(label)
        return self.texts[index - 1] if index else None

    def amendment(self, ident: str) -> AmendmentView | None:
        return next((a for a in self.amendments if a.id == ident), None)

    @property
    def open_amendments(self) -> list[AmendmentView]:
        return [a for a in self.amendments if a.amendment.status in amendment_store.OPEN]

    def redline(self, old: str, new: str) -> Redline:
        """The redline of version `old` → version `new` (computed once, when first asked for)."""
        key = (old, new)
        if key not in self._redlines:
            a, b = self.text(old), self.text(new)
            self._redlines[key] = compute(a.document, b.document, a.side, b.side)
        return self._redlines[key]

    @property
    def computed(self) -> list[tuple[str, str]]:
        """The comparisons computed so far (pages reused from the previous build need none)."""
        return list(self._redlines)

    @cached_property
    def histories(self) -> dict[str, list[Step]]:
        """Clause id -> its steps: the first text of the clause, then every version that changed it."""
        return _histories(self)

    def last_endorsed(self, signatory: str) -> str | None:
        return last_endorsed(self.report, signatory, [t.label for t in self.texts])

    def attested(self, signatory: str, label: str) -> bool:
        """Whether the standing (counted) decision of `signatory` about version `label` is an attestation."""
        item = self.standing.get((signatory, label))
        return item is not None and item.statement.kind == ATTESTATION

    def collisions(self) -> dict[str, list[AmendmentView]]:
        """Clause id -> the open amendments that change it, for clauses changed by more than one."""
        touching: dict[str, list[AmendmentView]] = {}
        for view in self.open_amendments:
            for clause in view.amendment.clauses():
                touching.setdefault(clause, []).append(view)
        return {clause: views for clause, views in touching.items() if len(views) > 1}


def pairs_for(labels: list[str]) -> list[tuple[str, str]]:
    """The (old, new) comparisons computed in advance, oldest first (see the module docstring)."""
    n = len(labels)
    if n <= ALL_PAIRS_UP_TO:
        return [(labels[i], labels[j]) for i in range(n) for j in range(i + 1, n)]
    wanted = {(labels[i], labels[i + 1]) for i in range(n - 1)} | {(labels[i], labels[-1]) for i in range(n - 1)}
    order = {label: i for i, label in enumerate(labels)}
    return sorted(wanted, key=lambda pair: (order[pair[0]], order[pair[1]]))


def _texts(workspace: Workspace, found_versions: list[Version]) -> list[Text]:
    found = []
    for version in found_versions:
        data = workspace.text_at(version.commit)
        found.append(Text(version, Document.from_bytes(data, f"akkoord.xml of version {version.label}"), data))
    return found


def _amendment_views(workspace: Workspace, amendments: amendment_store.Amendments) -> list[AmendmentView]:
    views = []
    for amendment in amendments.values():
        try:
            base, amended = amendment_store.amended_text(workspace, amendment, amendments)
        except AkkoordError as exc:
            views.append(AmendmentView(amendment, None, exc.message))
            continue
        old, new = Document(base), Document(amended)
        base_name = amendment.base.label or amendment.base.text_sha256[:12]
        old_side = Side(base_name, amendment.base.label, old.text_sha256, old.title, old.lang, old.id)
        new_side = Side(amendment.id or "", None, new.text_sha256, new.title, new.lang, new.id)
        views.append(AmendmentView(amendment, compute(old, new, old_side, new_side)))
    return views


def _histories(data: SiteData) -> dict[str, list[Step]]:
    histories: dict[str, list[Step]] = {}
    texts = data.texts
    for index, text in enumerate(texts):
        previous = texts[index - 1] if index else None
        touching: dict[str, list[Amendment]] = {}
        for ident in text.version.amendments:
            amendment = data.consolidated.get(ident)
            if amendment is not None:
                for clause_id in amendment.clauses():
                    touching.setdefault(clause_id, []).append(amendment)
        if previous is None:
            for first in text.document.clauses:
                histories.setdefault(first.id, []).append(Step(text, None, first.element))
            continue
        redline = data.redline(previous.label, text.label)
        for change in redline.changed:
            for ident in dict.fromkeys(i for i in (change.id, change.old_id) if i):
                clause = text.document.clause(ident)
                histories.setdefault(ident, []).append(
                    Step(
                        text,
                        previous,
                        clause.element if clause is not None else None,
                        change,
                        redline,
                        touching.get(ident, []) or touching.get(change.old_id or "", []),
                    )
                )
    return histories


def collect(workspace: Workspace, *, trust_anchor: str | None = None, today: dt.date) -> SiteData:
    """Read everything the site shows from the repository of `workspace` (see the module docstring)."""
    head = workspace.head()
    report = verify(workspace, trust_anchor, today)
    report.read_files()  # the site publishes every statement file
    texts = _texts(workspace, report.versions)
    pairs = pairs_for([t.label for t in texts])
    amendments = amendment_store.load(workspace)
    status = matrix(report, today)
    if texts:
        reference = texts[-1].document
    else:
        reference = Document.from_bytes(workspace.head_text(), "akkoord.xml")
    return SiteData(
        head=head,
        today=today,
        texts=texts,
        title=reference.title or reference.id,
        lang=reference.lang,
        doc_id=reference.id,
        amendments=_amendment_views(workspace, amendments),
        report=report,
        pinned=bool(trust_anchor),
        status=status,
        standing=decisions(report),
        registry=report.registry.current,
        pairs=pairs,
        consolidated=dict(amendments),
    )
