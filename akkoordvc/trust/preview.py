"""What `akkoord endorse` is about to sign, shown before it signs: the version and its text_sha256, the
decision, how many clauses changed since the version the signatory last endorsed, and whether this repeats the
signatory's standing decision on that version or concerns a version older than the current one (both need a
confirmation: they are more often a slip than a wish)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.document import Document
from ..storage.workspace import Workspace
from .status import decisions, last_endorsed
from .verify import Report


@dataclass(frozen=True)
class Preview:
    signatory: str
    name: str
    version: str
    text_sha256: str
    current: str
    decision: str
    last_endorsed: str | None
    changed: int | None  # clauses added, removed or changed since `last_endorsed` (None: nothing endorsed yet)
    standing: str | None  # the signatory's standing verified decision on `version`

    @property
    def again(self) -> bool:
        """The signatory already stands by this very decision on this version."""
        return self.standing == self.decision

    @property
    def older(self) -> bool:
        return self.version != self.current


def preview(workspace: Workspace, report: Report, signatory_id: str, ref: str, decision: str) -> Preview | None:
    """The preview of signing `decision` on version `ref` as `signatory_id`; None when `ref` names no signed version
    or the signatory is unknown (the endorsement itself then says what is wrong)."""
    registry = report.registry.current
    who = registry.signatory(signatory_id) if registry is not None else None
    label = ref.removeprefix("version/")
    found = report.versions
    target = next((v for v in found if v.label == label), None)
    if who is None or target is None:
        return None
    last = last_endorsed(report, who.id, [v.label for v in found])
    changed = None
    if last is not None:
        old = next(v for v in found if v.label == last)
        changed = changed_clauses(workspace.text_at(old.commit), workspace.text_at(target.commit))
    standing = decisions(report).get((who.id, target.label))
    return Preview(
        signatory=who.id,
        name=who.name,
        version=target.label,
        text_sha256=target.text_sha256,
        current=found[-1].label,
        decision=decision,
        last_endorsed=last,
        changed=changed,
        standing=standing.statement.decision if standing is not None else None,
    )


def changed_clauses(old: bytes, new: bytes) -> int:
    """How many clauses were added, removed or changed from text `old` to text `new`."""
    before = {c.id: c.sha256 for c in Document.from_bytes(old).clauses}
    after = {c.id: c.sha256 for c in Document.from_bytes(new).clauses}
    return sum(1 for ident in before.keys() | after.keys() if before.get(ident) != after.get(ident))
