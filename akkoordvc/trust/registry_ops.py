"""Registry changes as operations: build them, read them from a record, apply them to a `Registry`.

A registry record holds a list of operations (names in `model.registry_names`):

    admin-add         {id, name, key, from}            admin-revoke   {id, date, reason}
    threshold         {count}
    signatory-add     {id, name, kind, term_start, term_end, succeeds, keys: [{key, from, until}]}
    key-add           {signatory, key, from, until}    key-revoke     {signatory, fingerprint, date, reason}
    signatory-retire  {signatory, date}

Applying checks each operation against the registry it changes and `model.check` afterwards,
so the same code refuses a bad command and a bad record found in a repository.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..messages import Message
from ..model import registry_names as rn
from ..model.dates import is_day, parse_day
from . import sshsig
from .model import AdminKey, Key, Registry, RegistryError, Signatory, check, check_id

_STR, _OPT, _DAY, _OPTDAY = str, (str, type(None)), "day", "day?"
_OPS: dict[str, dict[str, Any]] = {
    rn.ADMIN_ADD: {rn.ID: _STR, rn.NAME: _STR, rn.KEY: _STR, rn.FROM: _DAY},
    rn.ADMIN_REVOKE: {rn.ID: _STR, rn.DATE: _DAY, rn.REASON: _OPT},
    rn.THRESHOLD: {rn.COUNT: int},
    rn.SIGNATORY_ADD: {
        rn.ID: _STR,
        rn.NAME: _STR,
        rn.KIND: _STR,
        rn.TERM_START: _OPTDAY,
        rn.TERM_END: _OPTDAY,
        rn.SUCCEEDS: _OPT,
        rn.KEYS: list,
    },
    rn.KEY_ADD: {rn.SIGNATORY: _STR, rn.KEY: _STR, rn.FROM: _DAY, rn.UNTIL: _OPTDAY},
    rn.KEY_REVOKE: {rn.SIGNATORY: _STR, rn.FINGERPRINT: _STR, rn.DATE: _DAY, rn.REASON: _OPT},
    rn.SIGNATORY_RETIRE: {rn.SIGNATORY: _STR, rn.DATE: _DAY},
}
_KEY_FIELDS = {rn.KEY: _STR, rn.FROM: _DAY, rn.UNTIL: _OPTDAY}
EMPTY = Registry(serial=0, date=dt.date.min, threshold=1, admins=())


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _fields(obj: Any, spec: dict[str, Any], what: str | Message) -> dict[str, Any]:
    """`obj` checked against `spec`; dates parsed. RegistryError for anything else."""
    if not isinstance(obj, dict) or set(obj) - {rn.OP} != set(spec):
        raise RegistryError.keyed("registry.op.fields", what=what, fields=", ".join(sorted(spec)))
    out: dict[str, Any] = {}
    for name, kind in spec.items():
        value = obj[name]
        if kind in (_DAY, _OPTDAY):
            if value is None and kind == _OPTDAY:
                out[name] = None
                continue
            if not isinstance(value, str) or not is_day(value):
                raise RegistryError.keyed("registry.op.not_a_date", what=what, name=name)
            out[name] = parse_day(value)
        elif not isinstance(value, kind) or isinstance(value, bool):
            raise RegistryError.keyed("registry.op.wrong_type", what=what, name=name)
        else:
            out[name] = value
    if isinstance(out.get(rn.NAME), str) and not 0 < len(out[rn.NAME]) <= 500:
        raise RegistryError.keyed("registry.op.name_length", what=what)
    if isinstance(out.get(rn.REASON), str) and not 0 < len(out[rn.REASON]) <= 500:
        raise RegistryError.keyed("registry.op.reason_length", what=what)
    return out


def _key(obj: Any, what: Message) -> Key:
    f = _fields(obj, _KEY_FIELDS, what)
    return Key(public=sshsig.parse_public_key(f[rn.KEY], str(what)), start=f[rn.FROM], until=f[rn.UNTIL])


def key_json(key: Key) -> dict[str, Any]:
    return {rn.KEY: key.public.line, rn.FROM: key.start.isoformat(), rn.UNTIL: _iso(key.until)}


# building operations (the mutations behind `akkoord signatory ...`) ------------------------------------
def add_signatory(signatory: Signatory) -> list[dict[str, Any]]:
    return [
        {
            rn.OP: rn.SIGNATORY_ADD,
            rn.ID: signatory.id,
            rn.NAME: signatory.name,
            rn.KIND: signatory.kind,
            rn.TERM_START: _iso(signatory.term_start),
            rn.TERM_END: _iso(signatory.term_end),
            rn.SUCCEEDS: signatory.succeeds,
            rn.KEYS: [key_json(k) for k in signatory.keys],
        }
    ]


def add_key(ident: str, key: Key) -> list[dict[str, Any]]:
    return [{rn.OP: rn.KEY_ADD, rn.SIGNATORY: ident, **key_json(key)}]


def revoke_key(ident: str, fingerprint: str, day: dt.date, reason: str | None) -> list[dict[str, Any]]:
    return [
        {
            rn.OP: rn.KEY_REVOKE,
            rn.SIGNATORY: ident,
            rn.FINGERPRINT: fingerprint,
            rn.DATE: day.isoformat(),
            rn.REASON: reason or None,
        }
    ]


def retire(ident: str, day: dt.date) -> list[dict[str, Any]]:
    return [{rn.OP: rn.SIGNATORY_RETIRE, rn.SIGNATORY: ident, rn.DATE: day.isoformat()}]


def add_admin(admin: AdminKey) -> list[dict[str, Any]]:
    return [
        {
            rn.OP: rn.ADMIN_ADD,
            rn.ID: admin.id,
            rn.NAME: admin.name,
            rn.KEY: admin.public.line,
            rn.FROM: admin.start.isoformat(),
        }
    ]


def revoke_admin(ident: str, day: dt.date, reason: str | None) -> list[dict[str, Any]]:
    return [{rn.OP: rn.ADMIN_REVOKE, rn.ID: ident, rn.DATE: day.isoformat(), rn.REASON: reason or None}]


def set_threshold(count: int) -> list[dict[str, Any]]:
    return [{rn.OP: rn.THRESHOLD, rn.COUNT: count}]


def find_key(signatory: Signatory, selector: str) -> Key:
    """A key of `signatory` by fingerprint (SHA256:...) or by a public key file's path."""
    if selector.startswith("SHA256:"):
        matches = [k for k in signatory.keys if k.fingerprint == selector]
    else:
        public = sshsig.read_public_key_file(selector)
        matches = [k for k in signatory.keys if k.public.blob == public.blob]
    if not matches:
        listed = ", ".join(k.fingerprint for k in signatory.keys) or Message("registry.none")
        raise RegistryError.keyed("registry.no_such_key", id=signatory.id, selector=selector, listed=listed)
    return matches[0]


def new_key(pubkey_path: str, start: dt.date, until: dt.date | None = None) -> Key:
    public = sshsig.read_public_key_file(pubkey_path)
    sshsig.fingerprint_with_ssh_keygen(public)
    if until is not None and until < start:
        raise RegistryError.keyed("registry.valid_until_before", until=until, start=start)
    return Key(public=public, start=start, until=until)


# applying operations --------------------------------------------------------------------------------
def _replace_signatory(reg: Registry, new: Signatory) -> Registry:
    return dataclasses.replace(reg, signatories=tuple(new if s.id == new.id else s for s in reg.signatories))


def _not_owned(reg: Registry, key: Key) -> None:
    owner = reg.owner_of(key.public)
    if owner is not None:
        raise RegistryError.keyed(f"registry.key_owned.{owner[0]}", fingerprint=key.fingerprint, id=owner[1])


def apply_op(reg: Registry, op: Any) -> Registry:
    """`reg` with the operation `op` applied; RegistryError when it does not fit `reg`."""
    name = op.get(rn.OP) if isinstance(op, dict) else None
    if name not in _OPS:
        raise RegistryError.keyed("registry.op.unknown", name=str(name)[:40])
    f = _fields(op, _OPS[name], name)
    if name == rn.THRESHOLD:
        if f[rn.COUNT] < 1:
            raise RegistryError.keyed("registry.threshold_at_least_one")
        return dataclasses.replace(reg, threshold=f[rn.COUNT])
    if name == rn.ADMIN_ADD:
        check_id(f[rn.ID], "admin key id")
        if reg.admin(f[rn.ID]) is not None:
            raise RegistryError.keyed("registry.admin_exists", id=f[rn.ID])
        admin = AdminKey(
            public=sshsig.parse_public_key(f[rn.KEY], name), start=f[rn.FROM], id=f[rn.ID], name=f[rn.NAME]
        )
        _not_owned(reg, admin)
        return dataclasses.replace(reg, admins=(*reg.admins, admin))
    if name == rn.ADMIN_REVOKE:
        revoked = reg.admin(f[rn.ID])
        if revoked is None:
            raise RegistryError.keyed("registry.no_admin", id=f[rn.ID], admins=", ".join(a.id for a in reg.admins))
        if revoked.revoked is not None:
            raise RegistryError.keyed("registry.admin_already_revoked", id=revoked.id, date=revoked.revoked)
        after = dataclasses.replace(revoked, revoked=f[rn.DATE], reason=f[rn.REASON])
        return dataclasses.replace(reg, admins=tuple(after if a is revoked else a for a in reg.admins))
    if name == rn.SIGNATORY_ADD:
        check_id(f[rn.ID], "signatory id")
        if f[rn.KIND] not in rn.KINDS:
            raise RegistryError.keyed("registry.kind_unknown", kind=f[rn.KIND][:40], kinds=", ".join(rn.KINDS))
        if reg.signatory(f[rn.ID]) is not None:
            raise RegistryError.keyed("registry.signatory_exists", id=f[rn.ID])
        keys = tuple(_key(k, Message("registry.what.key_of", id=f[rn.ID])) for k in f[rn.KEYS])
        for key in keys:
            _not_owned(reg, key)
        added = Signatory(
            id=f[rn.ID],
            name=f[rn.NAME],
            kind=f[rn.KIND],
            term_start=f[rn.TERM_START],
            term_end=f[rn.TERM_END],
            succeeds=f[rn.SUCCEEDS],
            keys=keys,
        )
        return dataclasses.replace(reg, signatories=(*reg.signatories, added))
    signatory = reg.require(f[rn.SIGNATORY])
    if name == rn.KEY_ADD:
        key = _key({k: op[k] for k in _KEY_FIELDS}, Message("registry.what.key_of", id=signatory.id))
        _not_owned(reg, key)
        return _replace_signatory(reg, dataclasses.replace(signatory, keys=(*signatory.keys, key)))
    if name == rn.KEY_REVOKE:
        old = find_key(signatory, f[rn.FINGERPRINT]) if f[rn.FINGERPRINT].startswith("SHA256:") else None
        if old is None:
            raise RegistryError.keyed("registry.no_such_key.short", id=signatory.id, selector=f[rn.FINGERPRINT][:80])
        if old.revoked is not None:
            raise RegistryError.keyed(
                "registry.key_already_revoked", fingerprint=old.fingerprint, id=signatory.id, date=old.revoked
            )
        revoked_key = dataclasses.replace(old, revoked=f[rn.DATE], reason=f[rn.REASON])
        return _replace_signatory(
            reg, dataclasses.replace(signatory, keys=tuple(revoked_key if k is old else k for k in signatory.keys))
        )
    if signatory.retired is not None:
        raise RegistryError.keyed("registry.already_retired", id=signatory.id, date=signatory.retired)
    return _replace_signatory(reg, dataclasses.replace(signatory, retired=f[rn.DATE]))


def apply_ops(
    reg: Registry, ops: list[Any], serial: int, day: dt.date, source: str | Message | None = None
) -> Registry:
    """`reg` after all `ops`, stamped with the record's serial and date, checked as a whole. `source`: what the
    operations are, for the message (default: the registry change)."""
    source = source or Message("registry.what.change")
    if not ops:
        raise RegistryError.keyed("registry.op.none", what=source)
    for op in ops:
        reg = apply_op(reg, op)
    reg = dataclasses.replace(reg, serial=serial, date=day)
    check(reg, source)
    return reg
