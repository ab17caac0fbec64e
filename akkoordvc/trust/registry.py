"""The signatory registry in force: the admin-signed records of `records/` replayed, and the commands that add to it.

`replay` takes every record of a commit (see `records`) and decides which count:

1. exactly one record without parents, the trust anchor (checked against a pinned anchor);
2. every other record names parents that count, has serial 1 + theirs, is not dated before them,
   and is signed by at least `threshold` distinct admin keys of the registry its parents give (a
   resolution: also of the registry of each parent it joins);
3. no record that counts is concurrent with one it does not commute with (`Record.touches`): a
   record made on an old branch by an admin since revoked is concurrent with the revocation, and
   with every change of the admins made since — a `registry-fork`, until the admins sign a
   resolution that drops one side (never silently: it names what it drops);
4. a record made on top of one that does not count, or that a resolution dropped, does not count.

The registry in force is all counting registry changes applied in topological order. Nothing
here depends on git history: the result is a pure function of the files at one commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import AkkoordError
from ..messages import Message
from ..model import registry_names as rn
from ..storage.workspace import Workspace
from . import Problem
from .model import Registry, RegistryError, Signatory
from .records import FOLDER, Dag, Record, count_signatures, split_files
from .registry_ops import EMPTY, apply_ops

if TYPE_CHECKING:
    from .cache import Cache
    from .reader import Listing

ANCHOR_PREFIX = "sha256:"


@dataclass
class Pending:
    """A record signed by fewer admin keys than the registry it was made under requires."""

    record: Record
    regime: Registry
    signed_by: list[str]


@dataclass
class RegistryState:
    """What replaying the records of one commit gives (see the module docstring)."""

    records: dict[str, Record] = field(default_factory=dict)
    current: Registry | None = None  # the registry in force
    anchor: str | None = None  # sha256 of the first record
    valid: list[str] = field(default_factory=list)  # records that count, in replay order
    heads: list[Record] = field(default_factory=list)  # counting records nothing counting builds on
    fork_heads: list[Record] = field(default_factory=list)  # heads of the signed records, forks included
    branches: dict[str, Registry] = field(default_factory=dict)  # the registry each fork head gives
    after: dict[str, Registry] = field(default_factory=dict)  # the registry after each counting record
    signed_by: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    pending: Pending | None = None
    forks: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    dag: Dag | None = None
    fingerprint: str = ""  # a hash of everything the replay read (`fingerprint`)
    _regime_changes: list[Record] | None = None
    damaged: list[Problem] = field(default_factory=list)  # record files changed or deleted since committed
    restore: str = ""  # the step that puts the damaged files back

    def regime_of(self, heads: list[str], day: dt.date) -> Registry | None:
        """The registry the counting records `heads` give, when it is the one in force on `day`: it must hold
        every counting change of the admins or threshold dated before `day` (else None; days are whole, so a
        change made on `day` itself may or may not have preceded it). A record or
        statement that names an older registry cannot borrow a laxer threshold or a since-revoked admin."""
        dag = self.dag
        if dag is None or not heads or not all(h in self.after for h in heads):
            return None
        mask = 0
        for h in heads:
            mask |= dag.ancestors[dag.index[h]] | (1 << dag.index[h])
        if self._regime_changes is None:
            self._regime_changes = [r for r in (self.records[sha] for sha in self.valid) if r.touches() is None]
        for record in self._regime_changes:
            if record.date < day and not (mask >> dag.index[record.sha]) & 1:
                return None
        return max((self.after[h] for h in heads), key=lambda r: r.serial)

    @property
    def changes(self) -> int:
        """Signed registry changes since the trust anchor."""
        return sum(1 for sha in self.valid if self.records[sha].type == rn.REGISTRY and self.records[sha].parents)

    @property
    def head_trusted(self) -> bool:
        return self.current is not None and self.pending is None and not self.forks

    def of_type(self, kind: str) -> list[Record]:
        """The counting records of one type, in replay order."""
        return [self.records[sha] for sha in self.valid if self.records[sha].type == kind]

    def require_current(self, *, for_change: bool = False) -> Registry:
        """The registry in force; refuse when there is none, and (`for_change`) while a fork or a record
        awaiting co-signatures must be settled first."""
        self.refuse_damaged()
        if self.current is None:
            if not self.records:
                raise RegistryError.keyed("registry.no_registry")
            first = self.problems[0].said if self.problems else Message("registry.first_does_not_count")
            raise RegistryError.keyed("registry.untrusted", first=first)
        if for_change and self.forks:
            a, b = self.forks[0]
            raise RegistryError.keyed("registry.forked", a=a[:12], b=b[:12])
        if for_change and self.pending is not None:
            have, need = len(self.pending.signed_by), self.pending.regime.threshold
            raise RegistryError.keyed("registry.awaits_cosign", record=self.pending.record.short, have=have, need=need)
        return self.current

    def refuse_damaged(self) -> None:
        """Refuse to use a registry one of whose committed files was changed or deleted since: which records
        count is not known until it is restored, and the step that restores it is the one advice given."""
        if self.damaged:
            first = self.damaged[0]
            more = Message("registry.damaged.more", count=len(self.damaged) - 1) if len(self.damaged) > 1 else ""
            how = (
                Message("registry.damaged.restore", step=self.restore)
                if self.restore
                else Message("registry.damaged.other_clone")
            )
            raise RegistryError.keyed("registry.damaged", where=first.where, problem=first.said, more=more, how=how)


def describe(record: Record) -> Message:
    """A record in a few words, for problems and listings."""
    if record.type == rn.REGISTRY:
        parts: list[str | Message] = []
        length = 0
        for op in record.get(rn.OPS, []):
            if length >= 200:  # a record anyone could have written: a few words, however many operations
                break
            name, who = op.get(rn.OP), op.get(rn.SIGNATORY) or op.get(rn.ID)
            part = Message("registry.describe.threshold", count=op.get(rn.COUNT)) if name == rn.THRESHOLD else None
            plain = f"{name} {who}"[: 200 - length]
            length += len(plain) + 2
            parts.append(part or plain)
        return Message("registry.describe.registry", parts=listed(parts))
    if record.type == rn.VERSION:
        return Message("registry.describe.version", label=record.get(rn.LABEL))
    if record.type == rn.DECISION:
        outcome, amendment = record.get(rn.OUTCOME), record.get(rn.AMENDMENT)
        if outcome in rn.OUTCOMES:
            return Message(f"registry.describe.decision.{outcome}", amendment=amendment)
        return Message("registry.describe.decision", outcome=outcome, amendment=amendment)
    return Message("registry.describe.resolution", records=", ".join(d[:12] for d in record.get(rn.DROP, [])))


def describe_all(records: list[Record]) -> str | Message:
    """Records in a few words each, separated by commas."""
    return listed([describe(record) for record in records])


def listed(parts: list[str | Message]) -> str | Message:
    """`parts` separated by commas, each shown in the language of the whole."""
    found: str | Message = parts[-1] if parts else ""
    for part in reversed(parts[:-1]):
        found = Message("registry.list", first=part, rest=found)
    return found


# replay ----------------------------------------------------------------------------------------------
class _Replay:
    def __init__(
        self,
        records: dict[str, Record],
        signatures: dict[str, dict[str, bytes]],
        pinned: str | None,
        today: dt.date | None,
        memo: Cache | None,
    ):
        self.records, self.signatures, self.pinned, self.today = records, signatures, pinned, today
        self.memo = memo
        self.dag = Dag(records)
        self.ok: dict[int, Registry] = {}
        self.drops: dict[int, int] = {}  # resolution -> records it drops (among its ancestors)
        self.signed: dict[int, list[str]] = {}
        self.cache: dict[int, Registry | None] = {}
        self.state = RegistryState(records=records)
        self.undersigned: list[tuple[Record, Registry, list[str]]] = []

    def problem(self, code: str, record: Record, message: Message) -> None:
        self.state.problems.append(Problem(code, record.path, message))

    def fold(self, mask: int) -> Registry | None:
        """The registry the counting records in `mask` give, applied in order (dropped ones left out)."""
        if mask in self.cache:
            return self.cache[mask]
        dropped = 0
        for j in self.dag.members(mask):
            dropped |= self.drops.get(j, 0)
        reg: Registry | None = None
        for j in self.dag.members(mask & ~dropped):
            record = self.records[self.dag.order[j]]
            if j not in self.ok:
                continue
            if not record.parents:
                reg = self.ok[j]
            elif reg is not None and record.type == rn.REGISTRY:
                try:
                    reg = apply_ops(reg, record.get(rn.OPS), max(reg.serial, record.serial), max(reg.date, record.date))
                except AkkoordError:
                    continue  # does not fit beside a concurrent record: reported as a fork below
        self.cache[mask] = reg
        return reg

    def genesis(self, i: int, record: Record) -> None:
        if self.state.anchor is not None:
            self.problem("registry-second-start", record, Message("registry.problem.second_start"))
        elif self.pinned and record.sha != self.pinned:
            self.problem(
                "registry-anchor-mismatch",
                record,
                Message("registry.problem.anchor_mismatch", sha=record.sha, pinned=self.pinned),
            )
        elif record.type != rn.REGISTRY:
            self.problem("registry-invalid", record, Message("registry.problem.first_not_registry"))
        else:
            try:
                first = Message("registry.what.first_version")
                self.ok[i] = apply_ops(EMPTY, record.get(rn.OPS), 0, record.date, first)
                self.state.anchor = record.sha
            except AkkoordError as exc:
                self.problem("registry-invalid", record, Message("registry.problem.first_invalid", error=exc.said))

    def drop_mask(self, i: int, record: Record) -> int | None:
        drop = record.get(rn.DROP)
        index = self.dag.index
        if not drop or not all(
            isinstance(d, str) and d in index and (self.dag.ancestors[i] >> index[d]) & 1 for d in drop
        ):
            self.problem("registry-invalid", record, Message("registry.problem.drop"))
            return None
        mask = 0
        for j in self.dag.members(self.dag.ancestors[i]):
            below = self.dag.ancestors[j] | (1 << j)
            if any((below >> index[d]) & 1 for d in drop):
                mask |= 1 << j
        return mask

    def check(self, i: int, record: Record) -> None:
        parents = [self.dag.index[p] for p in record.parents]
        if any(p not in self.ok for p in parents):
            self.problem(
                "record-untrusted-base", record, Message("registry.problem.untrusted_base", what=describe(record))
            )
            return
        serial = 1 + max(self.records[self.dag.order[p]].serial for p in parents)
        newest = max(self.records[self.dag.order[p]].date for p in parents)
        if record.serial != serial:
            self.problem(
                "registry-serial", record, Message("registry.problem.serial", serial=record.serial, expected=serial)
            )
            return
        if record.date < newest:
            self.problem("registry-date", record, Message("registry.problem.date", date=record.date, newest=newest))
            return
        if self.today is not None and record.date > self.today:
            self.problem(
                "record-future", record, Message("registry.problem.future", date=record.date, today=self.today)
            )
            return
        drop = 0
        if record.type == rn.RESOLUTION:
            found = self.drop_mask(i, record)
            if found is None:
                return
            drop = found
        regime = self.ok[parents[0]] if len(parents) == 1 and not drop else self.fold(self.dag.ancestors[i] & ~drop)
        if regime is None:
            self.problem("record-untrusted-base", record, Message("registry.problem.no_base"))
            return
        try:
            new = (
                apply_ops(regime, record.get(rn.OPS), record.serial, record.date)
                if record.type == rn.REGISTRY
                else regime
            )
        except AkkoordError as exc:
            self.problem(
                "registry-invalid",
                record,
                Message("registry.problem.does_not_apply", what=describe(record), error=exc.said),
            )
            return
        sigs = self.signatures.get(record.sha, {})
        good, bad = count_signatures(regime, record, sigs, self.memo)
        self.state.problems.extend(bad)
        enough = len(good) >= regime.threshold
        if record.type == rn.RESOLUTION:
            for p in parents:  # a resolution also speaks for every branch it joins
                branch = self.ok[p]
                enough = enough and len(count_signatures(branch, record, sigs, self.memo)[0]) >= branch.threshold
        if not enough:
            self.undersigned.append((record, regime, good))
            return
        self.ok[i] = new
        self.signed[i] = good
        if drop:
            self.drops[i] = drop

    def dead(self) -> set[int]:
        """Records a resolution dropped, and those built on a dropped record without passing that resolution."""
        resolvers: dict[int, list[int]] = {}
        for k in self.drops:
            for d in self.records[self.dag.order[k]].get(rn.DROP):
                resolvers.setdefault(self.dag.index[d], []).append(k)
        found = set()
        for i in self.ok:
            below = self.dag.ancestors[i] | (1 << i)
            for x, ks in resolvers.items():
                if (below >> x) & 1 and not any((below >> k) & 1 for k in ks):
                    found.add(i)
        return found

    def conflicts(self, candidates: list[int]) -> list[tuple[int, int, int]]:
        """(a, b, the records of the pair that do not count) for every concurrent pair that does not commute.

        A record concurrent with a change of the admins or threshold does not count (it was made under
        another regime); when both change the regime, or both touch one signatory, neither counts."""
        touches = {i: self.records[self.dag.order[i]].touches() for i in candidates}
        found: dict[tuple[int, int], int] = {}
        for a in (i for i in candidates if touches[i] is None):
            for j in candidates:
                if self.dag.concurrent(a, j):
                    pair = (min(a, j), max(a, j))
                    found[pair] = found.get(pair, 0) | (1 << j) | ((1 << a) if touches[j] is None else 0)
        by_key: dict[str, list[int]] = {}
        for i, keys in touches.items():
            for key in keys or ():
                by_key.setdefault(key, []).append(i)
        for group in by_key.values():
            for a in group:
                for b in group:
                    if a < b and self.dag.concurrent(a, b):
                        found[(a, b)] = found.get((a, b), 0) | (1 << a) | (1 << b)
        return sorted((a, b, mask) for (a, b), mask in found.items())

    def run(self) -> RegistryState:
        state, dag = self.state, self.dag
        state.dag = dag
        for sha in dag.unlinked:
            self.problem("record-unlinked", self.records[sha], Message("registry.problem.unlinked"))
        for i, sha in enumerate(dag.order):
            record = self.records[sha]
            if record.parents:
                self.check(i, record)
            else:
                self.genesis(i, record)
        dead = self.dead()
        candidates = [i for i in sorted(self.ok) if i not in dead]
        pairs = self.conflicts(candidates)
        bad = 0
        for a, b, victims in pairs:
            ra, rb = (self.records[dag.order[x]] for x in (a, b))
            bad |= victims
            state.forks.append((ra.sha, rb.sha))
            lost = [r for x, r in ((a, ra), (b, rb)) if (victims >> x) & 1]
            which = (
                Message("registry.problem.fork.neither")
                if len(lost) == 2
                else Message("registry.problem.fork.one", what=describe(lost[0]), record=lost[0].short)
            )
            where = str(Message("registry.pair", first=ra.path, second=rb.path))  # a place is text, not a Message
            said = Message("registry.problem.fork", a=describe(ra), b=describe(rb), which=which)
            state.problems.append(Problem("registry-fork", where, said))
        heads_mask = 0
        for i in candidates:
            heads_mask |= dag.ancestors[i]
        state.fork_heads = [self.records[dag.order[i]] for i in candidates if not (heads_mask >> i) & 1]
        state.branches = {dag.order[i]: self.ok[i] for i in candidates if not (heads_mask >> i) & 1}
        valid = [i for i in candidates if not (bad >> i) & 1 and not dag.ancestors[i] & bad]
        for i in candidates:
            if i not in valid and not (bad >> i) & 1:
                self.problem(
                    "record-on-fork",
                    self.records[dag.order[i]],
                    Message("registry.problem.on_fork"),
                )
        state.dropped = [dag.order[i] for i in sorted(dead)]
        state.valid = [dag.order[i] for i in valid]
        state.signed_by = {dag.order[i]: self.signed.get(i, []) for i in valid}
        mask = 0
        for i in valid:
            mask |= 1 << i
        state.current = self.fold(mask) if valid else None
        for i in valid:
            state.after[dag.order[i]] = self.ok[i]
        covered = 0
        for i in valid:
            covered |= dag.ancestors[i]
        state.heads = [self.records[dag.order[i]] for i in valid if not (covered >> i) & 1]
        heads = {r.sha for r in state.fork_heads}
        for record, regime, good in self.undersigned:
            if good and state.pending is None and set(record.parents) <= heads:
                state.pending = Pending(record, regime, good)
                self.problem(
                    "record-pending",
                    record,
                    Message(
                        "registry.problem.pending", what=describe(record), good=len(good), threshold=regime.threshold
                    ),
                )
            else:
                self.problem(
                    "record-unsigned",
                    record,
                    Message(
                        "registry.problem.unsigned", what=describe(record), good=len(good), threshold=regime.threshold
                    ),
                )
        return state


def replay(
    records: dict[str, Record],
    signatures: dict[str, dict[str, bytes]],
    trust_anchor: str | None = None,
    today: dt.date | None = None,
    memo: Cache | None = None,
) -> RegistryState:
    """Which records count and the registry they give (see the module docstring).

    `memo` (the verdict cache) remembers the admin signatures checked, so a replay after a new record checks
    that record's signatures only; the rest of the replay is a pure function of the records, recomputed."""
    pinned = normalize_anchor(trust_anchor) if trust_anchor else None
    state = _Replay(records, signatures, pinned, today, memo).run()
    state.fingerprint = fingerprint(records, signatures, pinned, today)
    if pinned and state.anchor is None and not any(p.code == "registry-anchor-mismatch" for p in state.problems):
        state.problems.append(
            Problem("registry-anchor-mismatch", "records/", Message("registry.problem.no_registry_pinned"))
        )
    return state


def fingerprint(
    records: dict[str, Record], signatures: dict[str, dict[str, bytes]], pinned: str | None, today: dt.date | None
) -> str:
    """A SHA-256 of everything a replay reads: the records (named by their SHA-256), their signature files, the
    pinned anchor, and which records are dated after today (the only way today enters the replay)."""
    digest = hashlib.sha256(f"{pinned}\0{today is None}\0".encode())
    for sha in sorted(records):
        future = today is not None and records[sha].date > today
        digest.update(f"{sha}:{future}\0".encode())
    for sha in sorted(signatures):
        for admin, data in sorted(signatures[sha].items()):
            digest.update(f"{sha}/{admin}:{hashlib.sha256(data).hexdigest()}\0".encode())
    return digest.hexdigest()


def load_state(workspace: Workspace, trust_anchor: str | None = None, today: dt.date | None = None) -> RegistryState:
    """Replay the records of the current commit (read with the safe reader), remembering the admin signatures
    checked in the repository's verdict cache (see `replay`); with the record files changed or deleted since they
    were committed (`damaged`, refused by `refuse_damaged`) and the step that restores them."""
    from ..storage.gitrepo import restore_step
    from .cache import Cache
    from .reader import list_folders
    from .verify import append_only_problems

    cache = Cache.of(workspace.repo)
    head = workspace.head()
    state = state_of(list_folders(workspace.repo, head, [FOLDER]), trust_anchor, today, cache)
    state.damaged, intact_in = append_only_problems(workspace.repo, head, cache, (FOLDER,))
    state.restore = restore_step(intact_in, Message("store.restore.what.admin_records")) if state.damaged else ""
    cache.save()
    return state


def state_of(
    listing: Listing, trust_anchor: str | None = None, today: dt.date | None = None, cache: Cache | None = None
) -> RegistryState:
    """Replay the records of `listing` (a `reader.Listing` holding records/)."""
    files = listing.read(listing.under(FOLDER))
    records, signatures, problems = split_files(files)
    state = replay(records, signatures, trust_anchor, today, cache)
    state.problems[:0] = [p for p in listing.problems if p.where.split("/")[0] == FOLDER] + problems
    return state


def key_first_seen(state: RegistryState) -> dict[bytes, dt.date]:
    """For every key: the date of the first counting registry record that holds it.

    A key cannot sign for a day before it was registered, whatever window an admin gave it."""
    seen: dict[bytes, dt.date] = {}
    for sha in state.valid:
        registry, day = state.after[sha], state.records[sha].date
        for key in [*registry.admins, *(k for s in registry.signatories for k in s.keys)]:
            if key.public.blob not in seen or day < seen[key.public.blob]:
                seen[key.public.blob] = day
    return seen


# the first record ------------------------------------------------------------------------------------
def own_key_since(signatory: Signatory, first_seen: dict[bytes, dt.date]) -> dt.date | None:
    """The first day `signatory` had a key of its own in a signed registry (None: never)."""
    days = [first_seen[k.public.blob] for k in signatory.keys if k.public.blob in first_seen]
    return min(days) if days else None


def anchor_of(sha: str) -> str:
    """The trust anchor as printed and pinned: the SHA-256 of the first record."""
    return ANCHOR_PREFIX + sha


def normalize_anchor(text: str) -> str:
    value = text.strip().lower().removeprefix(ANCHOR_PREFIX)
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise RegistryError.keyed("registry.bad_anchor", text=text)
    return value


__all__ = [
    "Pending",
    "RegistryState",
    "anchor_of",
    "describe",
    "key_first_seen",
    "load_state",
    "normalize_anchor",
    "replay",
]
