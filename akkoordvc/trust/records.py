"""Admin-signed records: the one mechanism behind registry changes, version records and amendment decisions.

A record is a small canonical JSON object (see `jsonfile`), stored append-only as

    records/<sha256 of the record>.json
    records/<sha256 of the record>/<admin id>.sig      (ssh-keygen -Y sign -n akkoordvc-record-v1)

Every record names its `parents`: the records that were the newest (the heads) when it was
made, so the records form a DAG that merges like git's own history: records made in two clones
are different files and merge without conflicts. `serial` is one more than the highest serial
of its parents, and its `date` is not before theirs. The first record (no parents) is the
trust anchor; its SHA-256 is what `akkoord init` prints.

A record counts when at least `threshold` distinct admin keys **of the registry its parents
give** (the regime it names) signed it. Two records are *concurrent* when neither is an ancestor
of the other. Concurrent records that touch different things commute; those that do not (see
`touches`: any change of the admins or threshold, two changes of one signatory, two versions of
one label) are a fork, which only a signed resolution settles (`trust.registry`).
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import AkkoordError
from ..messages import Message
from ..model import canonical
from ..model import registry_names as rn
from ..model.dates import is_day, parse_day
from ..model.ids import SIGNATORY_ID_PATTERN
from . import Problem, printable, sshsig
from .jsonfile import JSONFileError, canonical_json, check_fields, load_object
from .model import AdminKey, Key, Registry

if TYPE_CHECKING:
    from .cache import Cache

FOLDER = "records"
NAMESPACE = "akkoordvc-record-v1"
RECORD_PATH = re.compile(r"^records/([0-9a-f]{64})\.json$")
SIGNATURE_PATH = re.compile(rf"^records/([0-9a-f]{{64}})/({SIGNATORY_ID_PATTERN})\.sig$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
_COMMON: dict[str, Any] = {rn.FORMAT: str, rn.TYPE: str, rn.PARENTS: list, rn.SERIAL: int, rn.DATE: str}
_FIELDS: dict[str, dict[str, Any]] = {
    rn.REGISTRY: {rn.OPS: list},
    rn.RESOLUTION: {rn.DROP: list, rn.REASON: str},
    rn.VERSION: {
        rn.LABEL: str,
        rn.COMMIT: str,
        rn.TEXT_SHA256: str,
        rn.FOLLOWS: (str, type(None)),
        rn.MESSAGE: str,
        rn.AMENDMENTS: list,
        rn.DAY: str,
    },
    rn.DECISION: {
        rn.AMENDMENT: str,
        rn.OUTCOME: str,
        rn.EVENT: str,
        rn.EVENT_SHA256: str,
        rn.REVISION: int,
        rn.AMENDMENT_SHA256: str,
    },
}


class RecordError(AkkoordError):
    """A record file that is not a well-formed record."""


@dataclass(frozen=True)
class Record:
    """One admin-signed record, as its bytes and its fields."""

    sha: str
    data: bytes
    fields: dict[str, Any]

    @property
    def type(self) -> str:
        return str(self.fields[rn.TYPE])

    @property
    def parents(self) -> list[str]:
        return list(self.fields[rn.PARENTS])

    @property
    def serial(self) -> int:
        return int(self.fields[rn.SERIAL])

    @property
    def date(self) -> dt.date:
        return parse_day(self.fields[rn.DATE])

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    @property
    def path(self) -> str:
        return record_path(self.sha)

    @property
    def short(self) -> str:
        return self.sha[:12]

    def touches(self) -> frozenset[str] | None:
        """What this record changes, for deciding whether concurrent records commute; None: the admin regime
        itself (admins, threshold, or which records count), which commutes with nothing."""
        if self.type == rn.RESOLUTION:
            return None
        if self.type == rn.REGISTRY:
            ops = self.fields[rn.OPS]
            if any(op.get(rn.OP) in rn.ADMIN_OPS for op in ops):
                return None
            return frozenset(f"signatory:{op.get(rn.SIGNATORY) or op.get(rn.ID)}" for op in ops)
        if self.type == rn.VERSION:
            return frozenset({f"version:{self.fields[rn.LABEL]}", f"follows:{self.fields[rn.FOLLOWS]}"})
        return frozenset()  # a decision: two about one amendment are a contest of the amendment, not a fork


def record_path(sha: str) -> str:
    return f"{FOLDER}/{sha}.json"


def signature_path(sha: str, admin_id: str) -> str:
    return f"{FOLDER}/{sha}/{admin_id}.sig"


def parse_record(data: bytes) -> Record:
    """Read a record's bytes; RecordError unless it is a well-formed record in canonical form."""
    try:
        obj = load_object(data, rn.FORMAT_V1)
        kind = obj.get(rn.TYPE)
        if kind not in _FIELDS:
            raise RecordError.keyed("registry.record.type", kind=str(kind)[:40], types=", ".join(rn.TYPES))
        check_fields(obj, {**_COMMON, **_FIELDS[kind]})
    except JSONFileError as exc:
        raise RecordError(exc.said) from None
    parents = obj[rn.PARENTS]
    if not all(isinstance(p, str) and HEX64.match(p) for p in parents) or parents != sorted(set(parents)):
        raise RecordError.keyed("registry.record.parents")
    if obj[rn.SERIAL] < 0 or obj[rn.SERIAL] > 10**9:
        raise RecordError.keyed("registry.record.serial")
    if not is_day(obj[rn.DATE]):
        raise RecordError.keyed("registry.record.date", date=obj[rn.DATE][:20])
    return Record(canonical.sha256(data), data, obj)


def make_record(kind: str, parents: Iterable[Record], day: dt.date, body: dict[str, Any]) -> Record:
    """A new record of `kind` made on top of `parents` (the heads), dated `day`."""
    heads = list(parents)
    fields = {
        rn.FORMAT: rn.FORMAT_V1,
        rn.TYPE: kind,
        rn.PARENTS: sorted({p.sha for p in heads}),
        rn.SERIAL: 1 + max((p.serial for p in heads), default=-1),
        rn.DATE: day.isoformat(),
        **body,
    }
    data = canonical_json(fields)
    return parse_record(data)


# the DAG ---------------------------------------------------------------------------------------------
class Dag:
    """The records in a topological order (by serial, date and hash among those ready), with ancestor sets.

    Records whose parents are missing (or lie on a cycle, which hashes make impossible) are `unlinked`."""

    def __init__(self, records: dict[str, Record]):
        children: dict[str, list[str]] = {}
        waiting: dict[str, int] = {}
        ready: list[tuple[int, str, str]] = []
        for sha, record in records.items():
            known = [p for p in record.parents if p in records]
            waiting[sha] = len(known)
            for parent in known:
                children.setdefault(parent, []).append(sha)
            if len(known) == len(record.parents) and not known:
                heapq.heappush(ready, (record.serial, record.fields[rn.DATE], sha))
        missing = {sha for sha, r in records.items() if any(p not in records for p in r.parents)}
        self.order: list[str] = []
        self.index: dict[str, int] = {}
        self.ancestors: list[int] = []  # bit i set: order[i] is an ancestor
        while ready:
            _, _, sha = heapq.heappop(ready)
            if sha in missing:
                continue
            mask = 0
            for parent in records[sha].parents:
                mask |= self.ancestors[self.index[parent]] | (1 << self.index[parent])
            self.index[sha] = len(self.order)
            self.order.append(sha)
            self.ancestors.append(mask)
            for child in children.get(sha, []):
                waiting[child] -= 1
                if waiting[child] == 0:
                    record = records[child]
                    heapq.heappush(ready, (record.serial, record.fields[rn.DATE], child))
        self.unlinked = sorted(set(records) - set(self.index))

    def members(self, mask: int) -> list[int]:
        """The order indices in `mask`, in order."""
        found = []
        while mask:
            low = mask & -mask
            found.append(low.bit_length() - 1)
            mask ^= low
        return found

    def concurrent(self, i: int, j: int) -> bool:
        return i != j and not (self.ancestors[i] >> j) & 1 and not (self.ancestors[j] >> i) & 1


# signatures ------------------------------------------------------------------------------------------
def count_signatures(
    regime: Registry, record: Record, sigs: dict[str, bytes], memo: Cache | None = None
) -> tuple[list[str], list[Problem]]:
    """Admin ids of `regime` whose signature over `record` is good on its date, each key once; and bad files.

    `memo`: the verdict cache, so a replay checks only the signatures of records it has not seen."""
    good: list[str] = []
    bad: list[Problem] = []
    seen: set[bytes] = set()
    with sshsig.Verifier(regime.admin_signers(NAMESPACE), memo=memo) as verifier:
        for admin_id, signature in sorted(sigs.items()):
            path = signature_path(record.sha, admin_id)
            admin = regime.admin(admin_id)
            if admin is None:
                bad.append(
                    Problem(
                        "record-signature-unknown-key", path, Message("registry.signature.unknown_admin", id=admin_id)
                    )
                )
                continue
            ok, said = verifier.verify(record.data, signature, admin_id, NAMESPACE, record.date)
            if not ok:
                bad.append(
                    Problem("record-signature-invalid", path, why_signature_failed(signature, admin, record.date, said))
                )
                continue
            if admin.public.blob not in seen:
                seen.add(admin.public.blob)
                good.append(admin_id)
    return good, bad


def why_signature_failed(signature: bytes, key: AdminKey, day: dt.date, said: str | Message) -> Message:
    """Why an admin signature over a record does not count, in words."""
    info = sshsig.read_signature(signature)
    if info is None:
        return Message("registry.signature.not_ssh")
    if info.namespace != NAMESPACE:
        return Message("registry.signature.namespace", namespace=printable(info.namespace[:80]), expected=NAMESPACE)
    if info.key is None or info.key.blob != key.public.blob:
        used = info.key.fingerprint if info.key else info.key_type
        return Message("registry.signature.other_key", used=used, expected=key.fingerprint)
    if not key.valid_on(day):
        return Message("registry.signature.key_state", fingerprint=key.fingerprint, state=key_state(key, day), day=day)
    return Message("registry.signature.mismatch", said=said)


def key_state(key: Key, day: dt.date) -> Message:
    """`Key.state_on` in words: valid, revoked, not yet valid or expired."""
    return Message(f"trust.key_state.{key.state_on(day).replace(' ', '_')}")


def sign(regime: Registry, record: Record, key_path: str) -> tuple[str, bytes]:
    """Sign `record` with an admin key of `regime`; return (admin id, signature). Refuse any other key."""
    info = sshsig.inspect_key_file(key_path)
    if info.public is not None:
        admin = regime.admin_for(info.public)
        if admin is None:
            raise AkkoordError(not_admin(regime, info.public, key_path))
        if not admin.valid_on(record.date):
            raise AkkoordError.keyed(
                "registry.sign.admin_state",
                path=key_path,
                id=admin.id,
                state=key_state(admin, record.date),
                date=record.date,
            )
    signature = sshsig.sign(record.data, key_path, NAMESPACE)
    sig = sshsig.read_signature(signature)
    admin = regime.admin_for(sig.key) if sig and sig.key else None
    if admin is None:
        raise AkkoordError(not_admin(regime, sig.key if sig else None, key_path))
    good, bad = count_signatures(regime, record, {admin.id: signature})
    if not good:
        raise AkkoordError.keyed("registry.sign.does_not_verify", path=key_path, why=bad[0].said)
    return admin.id, signature


def sign_all(regime: Registry, record: Record, key_paths: list[str]) -> dict[str, bytes]:
    """Signatures of `record` by each of `key_paths` (distinct admin keys of `regime`), by admin id."""
    if not key_paths:
        raise AkkoordError.keyed("registry.sign.needs_key")
    signed: dict[str, bytes] = {}
    for key_path in key_paths:
        admin_id, signature = sign(regime, record, key_path)
        if admin_id in signed:
            raise AkkoordError.keyed("registry.sign.twice", path=key_path, id=admin_id)
        signed[admin_id] = signature
    return signed


def not_admin(regime: Registry, public: sshsig.PublicKey | None, key_path: str) -> Message:
    """The refusal of a key that is not an admin key of `regime` (a signatory's own key, or one unknown)."""
    owner = regime.owner_of(public) if public else None
    what = (
        Message("registry.sign.signatory_key", id=owner[1])
        if owner
        else Message("registry.sign.key", fingerprint=public.fingerprint if public else "?")
    )
    admins = ", ".join(a.id for a in regime.admins)
    return Message("registry.sign.not_admin", path=key_path, what=what, admins=admins)


def record_files(record: Record, signatures: dict[str, bytes]) -> dict[str, bytes | None]:
    """The files that store `record` and its signatures in a commit."""
    files: dict[str, bytes | None] = {record.path: record.data}
    files.update({signature_path(record.sha, admin): sig for admin, sig in signatures.items()})
    return files


def trailers(record: Record, signed_by: Iterable[str]) -> str:
    return f"Akkoord-Record: {record.sha}\nAkkoord-Record-Type: {record.type}\nAkkoord-Signed-By: {' '.join(signed_by)}"


def split_files(files: dict[str, bytes]) -> tuple[dict[str, Record], dict[str, dict[str, bytes]], list[Problem]]:
    """Records and signatures from the files under records/ (see `reader`), with a problem per bad file."""
    records: dict[str, Record] = {}
    signatures: dict[str, dict[str, bytes]] = {}
    problems: list[Problem] = []
    for path, data in sorted(files.items()):
        match = RECORD_PATH.match(path)
        if match:
            try:
                record = parse_record(data)
            except RecordError as exc:
                problems.append(Problem("record-malformed", path, Message("registry.record.malformed", error=exc.said)))
                continue
            if record.sha != match.group(1):
                problems.append(Problem("record-misnamed", path, Message("registry.record.misnamed")))
                continue
            records[record.sha] = record
            continue
        match = SIGNATURE_PATH.match(path)
        if match:
            signatures.setdefault(match.group(1), {})[match.group(2)] = data
            continue
        problems.append(Problem("record-stray-file", path, Message("registry.record.stray")))
    for sha in sorted(set(signatures) - set(records)):
        problems.append(Problem("record-stray-file", f"{FOLDER}/{sha}/", Message("registry.record.stray_signature")))
    return records, signatures, problems


__all__ = [
    "FOLDER",
    "NAMESPACE",
    "Record",
    "RecordError",
    "Dag",
    "make_record",
    "parse_record",
    "count_signatures",
    "sign_all",
    "record_files",
    "split_files",
    "canonical_json",
]
