"""The signatory registry as data: admin keys with a threshold, signatories with their keys, and its rules.

A `Registry` is never stored as such: it is what replaying the admin-signed records of
`records/` gives (see `trust.registry`). Every key has a window (`start` through `until`, no
longer valid on or after `revoked`); a college acts only within its term; `check` holds the
rules a registry must keep after every change.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from ..errors import AkkoordError
from ..messages import Message, has
from ..model import registry_names as rn
from ..model.ids import SIGNATORY_ID as ID_PATTERN
from .sshsig import AllowedSigner, PublicKey

DAY = dt.timedelta(days=1)


class RegistryError(AkkoordError):
    """A registry that is invalid, untrusted, or a change to it that cannot be made."""


@dataclass(frozen=True)
class Key:
    """A public key with its validity window: valid from `start` through `until`, not on or after `revoked`."""

    public: PublicKey
    start: dt.date
    until: dt.date | None = None
    revoked: dt.date | None = None
    reason: str | None = None

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint

    @property
    def end(self) -> dt.date | None:
        """The first day the key is no longer valid (None: open-ended)."""
        ends = [d for d in (self.until + DAY if self.until else None, self.revoked) if d is not None]
        return min(ends) if ends else None

    def valid_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def state_on(self, day: dt.date) -> str:
        if self.revoked is not None and day >= self.revoked:
            return "revoked"
        if day < self.start:
            return "not yet valid"
        if self.end is not None and day >= self.end:
            return "expired"
        return "valid"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.public.type,
            "fingerprint": self.fingerprint,
            "from": self.start.isoformat(),
            "until": self.until.isoformat() if self.until else None,
            "revoked": self.revoked.isoformat() if self.revoked else None,
            "reason": self.reason,
            "public_key": self.public.line,
        }


@dataclass(frozen=True)
class AdminKey(Key):
    id: str = ""
    name: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, **super().as_dict()}


@dataclass(frozen=True)
class Signatory:
    id: str
    name: str
    kind: str
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    succeeds: str | None = None
    retired: dt.date | None = None
    keys: tuple[Key, ...] = ()

    @property
    def is_college(self) -> bool:
        return self.kind == rn.COLLEGE

    @property
    def active_end(self) -> dt.date | None:
        """The first day this signatory can no longer act (term over or retired)."""
        ends = [d for d in (self.term_end + DAY if self.term_end else None, self.retired) if d is not None]
        return min(ends) if ends else None

    def active_on(self, day: dt.date) -> bool:
        if self.term_start is not None and day < self.term_start:
            return False
        return self.active_end is None or day < self.active_end

    def why_inactive(self, day: dt.date) -> Message | None:
        """Why this signatory cannot act on `day` (a catalogue message); None when it can."""
        who = {"name": self.name, "id": self.id}
        if self.term_start is not None and day < self.term_start:
            return Message("sig.inactive.before_term", **who, start=self.term_start.isoformat(), day=day.isoformat())
        if self.term_end is not None and day > self.term_end:
            return Message("sig.inactive.after_term", **who, end=self.term_end.isoformat(), day=day.isoformat())
        if self.retired is not None and day >= self.retired:
            return Message("sig.inactive.retired", **who, date=self.retired.isoformat())
        return None

    def key_window(self, key: Key) -> tuple[dt.date, dt.date | None]:
        """When `key` may sign for this signatory: the key's window within the signatory's active period."""
        start = max(key.start, self.term_start) if self.term_start else key.start
        ends = [d for d in (key.end, self.active_end) if d is not None]
        return start, (min(ends) if ends else None)

    def key_for(self, public: PublicKey) -> Key | None:
        for key in self.keys:
            if key.public.blob == public.blob:
                return key
        return None

    def as_dict(self, on: dt.date | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "term_start": self.term_start.isoformat() if self.term_start else None,
            "term_end": self.term_end.isoformat() if self.term_end else None,
            "succeeds": self.succeeds,
            "retired": self.retired.isoformat() if self.retired else None,
            "keys": [{**k.as_dict(), **({"state": k.state_on(on)} if on else {})} for k in self.keys],
        }


@dataclass(frozen=True)
class Registry:
    """The registry in force after replaying signed records: admins, threshold and signatories.

    `serial` and `date` are those of the newest record applied (0 and the first day for the trust anchor)."""

    serial: int
    date: dt.date
    threshold: int
    admins: tuple[AdminKey, ...]
    signatories: tuple[Signatory, ...] = ()

    # reading -------------------------------------------------------------------------
    def signatory(self, ident: str) -> Signatory | None:
        return self._by_id.get(ident)

    @functools.cached_property
    def _by_id(self) -> dict[str, Signatory]:
        found: dict[str, Signatory] = {}
        for signatory in self.signatories:
            found.setdefault(signatory.id, signatory)
        return found

    def require(self, ident: str) -> Signatory:
        found = self.signatory(ident)
        if found is None:
            known = ", ".join(s.id for s in self.signatories) or Message("trust.none_yet")
            raise RegistryError.keyed("trust.signatory_unknown", ident=ident, known=known)
        return found

    def admin(self, ident: str) -> AdminKey | None:
        for admin in self.admins:
            if admin.id == ident:
                return admin
        return None

    def admin_for(self, public: PublicKey) -> AdminKey | None:
        for admin in self.admins:
            if admin.public.blob == public.blob:
                return admin
        return None

    def owner_of(self, public: PublicKey) -> tuple[str, str] | None:
        """("admin", id) or ("signatory", id) for a registered key, else None."""
        admin = self.admin_for(public)
        if admin is not None:
            return "admin", admin.id
        for signatory in self.signatories:
            if signatory.key_for(public) is not None:
                return "signatory", signatory.id
        return None

    # allowed signers -----------------------------------------------------------------
    def admin_signers(self, namespace: str) -> list[AllowedSigner]:
        return [AllowedSigner(a.id, a.public, namespace, a.start, a.end) for a in self.admins]

    def signatory_signers(self, namespace: str) -> list[AllowedSigner]:
        entries = []
        for signatory in self.signatories:
            for key in signatory.keys:
                start, end = signatory.key_window(key)
                entries.append(AllowedSigner(signatory.id, key.public, namespace, start, end))
        return entries

    def colleges(self) -> list[Signatory]:
        return [s for s in self.signatories if s.is_college]

    def sitting_college(self, day: dt.date) -> Signatory | None:
        """The college in office on `day` (the latest-starting one if terms overlap)."""
        sitting = [s for s in self.colleges() if s.term_start and s.active_on(day)]
        return max(sitting, key=lambda s: s.term_start or dt.date.min) if sitting else None


def rule_problems(registry: Registry) -> list[Message]:
    problems: list[Message] = []
    admin_ids = [a.id for a in registry.admins]
    for ident in sorted({i for i in admin_ids if admin_ids.count(i) > 1}):
        problems.append(Message("sig.rule.admin_twice", id=ident))
    ids = [s.id for s in registry.signatories]
    for ident in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Message("sig.rule.signatory_twice", id=ident))
    owners: dict[bytes, Message] = {}
    all_keys = [(Message("sig.rule.who.admin", id=a.id), a) for a in registry.admins] + [
        (Message("sig.rule.who.signatory", id=s.id), k) for s in registry.signatories for k in s.keys
    ]
    for who, key in all_keys:
        if key.public.blob in owners:
            problems.append(
                Message("sig.rule.key_shared", fingerprint=key.fingerprint, who=who, other=owners[key.public.blob])
            )
        owners.setdefault(key.public.blob, who)
        if key.until is not None and key.until < key.start:
            problems.append(
                Message("sig.rule.key_order", fingerprint=key.fingerprint, who=who, until=key.until, start=key.start)
            )
        if key.reason and key.revoked is None:
            problems.append(Message("sig.rule.reason_only", fingerprint=key.fingerprint, who=who))
    usable = [a for a in registry.admins if a.end is None or a.end > registry.date]
    if registry.threshold > len({a.public.blob for a in usable}):
        problems.append(Message("sig.rule.threshold", threshold=registry.threshold, count=len(usable)))
    by_id = {s.id: s for s in registry.signatories}
    for s in registry.signatories:
        if s.is_college:
            if s.term_start is None or s.term_end is None:
                problems.append(Message("sig.rule.college_term", id=s.id))
            elif s.term_end < s.term_start:
                problems.append(Message("sig.rule.college_order", id=s.id, end=s.term_end, start=s.term_start))
            if s.succeeds is not None:
                before = by_id.get(s.succeeds)
                if before is None or not before.is_college:
                    problems.append(Message("sig.rule.succeeds_unknown", id=s.id, other=s.succeeds))
                elif s.succeeds == s.id:
                    problems.append(Message("sig.rule.succeeds_itself", id=s.id))
                elif before.term_start and s.term_start and before.term_start >= s.term_start:
                    problems.append(Message("sig.rule.succeeds_later", id=s.id, other=before.id))
        elif s.term_start or s.term_end or s.succeeds:
            kind = Message(f"trust.kind.{s.kind}") if has(f"trust.kind.{s.kind}") else s.kind
            problems.append(Message("sig.rule.term_not_college", kind=kind, id=s.id))
    return problems


#: what `check_id` is told it checks, in words
_WHAT = {"id": "sig.what.id", "signatory id": "sig.what.signatory_id", "admin key id": "sig.what.admin_id"}


def check_id(ident: str, what: str = "id") -> str:
    """`ident` when it is a valid id; RegistryError otherwise. `what` names it: "id", "signatory id" or "admin key
    id" (said in the language of the moment)."""
    if not ID_PATTERN.match(ident or ""):
        raise RegistryError.keyed("sig.bad_id", what=Message(_WHAT[what]), ident=ident)
    return ident


def check(registry: Registry, source: str | Message | None = None) -> None:
    """The rules every registry keeps; raise RegistryError with the first one broken. `source` names what is
    checked (default: the registry)."""
    problems = rule_problems(registry)
    if problems:
        where = Message("sig.rule.source") if source is None else source
        raise RegistryError.keyed("sig.rule.broken", source=where, problem=problems[0])
