"""The signatory registry: who may sign, with which keys, and who may change that.

`signatories.xml` (schema `schemas/signatories.xsd`) holds the admin keys of the network's
secretariat with a threshold, and every signatory with its public SSH keys and their
validity windows. Each version names its `serial` and the SHA-256 of the version it
replaces (`previous`), so versions form a chain that cannot be reordered or rolled back.

A change counts only when signed by at least `threshold` distinct admin keys **of the
previous version**. Signatures are append-only files

    registry/signatures/<sha256 of the new signatories.xml>/<admin-key id>.sig

made with `ssh-keygen -Y sign -n akkoordvc-registry-v1` over the file's exact bytes, so
co-signatures made in different clones merge without conflicts, and anyone can check one
with OpenSSH alone.

`load_state` replays the registry through the repository's history, oldest commit first:
the first version (serial 0, the *trust anchor*, whose SHA-256 `akkoord init` prints) is
taken as given (or checked against a pinned anchor); every later commit must either keep
its parent's registry or carry a signed successor of it; a merge must not fall back to an
older serial. The registry in force is the newest trusted one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import AkkoordError
from ..model import canonical
from ..model import registry_names as rn
from ..model.dates import optional_day, parse_day
from ..model.dates import today as _today
from ..model.ids import SIGNATORY_ID as ID_PATTERN
from ..model.ids import SIGNATORY_ID_PATTERN
from ..model.strings import one_line
from ..model.validate import schema_problems
from ..model.xmlparse import parse_bytes
from . import Problem, sshsig
from .sshsig import AllowedSigner, PublicKey

REGISTRY_PATH = "signatories.xml"
SIGNATURES_DIR = "registry/signatures"
SCHEMA = "signatories.xsd"
_SIG_PATH = re.compile(rf"^registry/signatures/([0-9a-f]{{64}})/({SIGNATORY_ID_PATTERN})\.sig$")
DAY = dt.timedelta(days=1)


class RegistryError(AkkoordError):
    """A registry that is invalid, untrusted, or a change to it that cannot be made."""


# model -------------------------------------------------------------------------------------
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

    def as_dict(self) -> dict:
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

    def as_dict(self) -> dict:
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

    def why_inactive(self, day: dt.date) -> str | None:
        """Why this signatory cannot act on `day`, in words; None when it can."""
        if self.term_start is not None and day < self.term_start:
            return f"{self.name} ({self.id}) takes office on {self.term_start}; {day} is before its term"
        if self.term_end is not None and day > self.term_end:
            return f"the term of {self.name} ({self.id}) ended on {self.term_end}; {day} is after its term"
        if self.retired is not None and day >= self.retired:
            return f"{self.name} ({self.id}) retired on {self.retired}"
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

    def as_dict(self, on: dt.date | None = None) -> dict:
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
    serial: int
    date: dt.date
    threshold: int
    admins: tuple[AdminKey, ...]
    signatories: tuple[Signatory, ...] = ()
    previous: str | None = None
    data: bytes | None = field(default=None, compare=False, repr=False)  # the bytes it was read from

    # reading -------------------------------------------------------------------------
    def signatory(self, ident: str) -> Signatory | None:
        for signatory in self.signatories:
            if signatory.id == ident:
                return signatory
        return None

    def require(self, ident: str) -> Signatory:
        found = self.signatory(ident)
        if found is None:
            known = ", ".join(s.id for s in self.signatories) or "none yet"
            raise RegistryError(
                f"signatory {ident!r} is not in the registry (known: {known}); see `akkoord signatory list`"
            )
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

    def to_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        return canonical.to_bytes(_to_element(self))

    @property
    def sha256(self) -> str:
        return canonical.sha256(self.to_bytes())

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
        return max(sitting, key=lambda s: s.term_start) if sitting else None


def _day(text: str | None) -> dt.date | None:
    return optional_day(text or None)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# reading and writing -------------------------------------------------------------------------
def parse(data: bytes, source: str = REGISTRY_PATH) -> Registry:
    """Read and check a registry; raise RegistryError with the first problem."""
    root = parse_bytes(data, source)
    if root.tag != rn.REGISTRY:
        raise RegistryError(f"{source}: root element is <{root.tag}>, expected <{rn.REGISTRY}>")
    found = schema_problems(root, SCHEMA)
    if found:
        raise RegistryError(f"{source}:{found[0].line}: {found[0].message}")
    try:
        registry = _from_element(root, source)
    except AkkoordError as exc:
        raise RegistryError(exc.message) from None
    registry = dataclasses.replace(registry, data=bytes(data))
    check(registry, source)
    return registry


def _key_fields(element: etree._Element, source: str) -> dict:
    public = sshsig.parse_public_key(element.text or "", f"{source}:{element.sourceline}")
    return {
        "public": public,
        "start": _day(element.get(rn.FROM)),
        "until": _day(element.get(rn.UNTIL)),
        "revoked": _day(element.get(rn.REVOKED)),
        "reason": element.get(rn.REASON),
    }


def _from_element(root: etree._Element, source: str) -> Registry:
    admins_el = root.find(rn.ADMINS)
    admins = tuple(
        AdminKey(id=el.get(rn.ID), name=el.get(rn.NAME), **_key_fields(el, source))
        for el in admins_el.iterchildren(rn.ADMIN_KEY)
    )
    signatories = []
    for el in root.find(rn.SIGNATORIES).iterchildren(rn.SIGNATORY):
        signatories.append(
            Signatory(
                id=el.get(rn.ID),
                name=el.get(rn.NAME),
                kind=el.get(rn.KIND),
                term_start=_day(el.get(rn.TERM_START)),
                term_end=_day(el.get(rn.TERM_END)),
                succeeds=el.get(rn.SUCCEEDS),
                retired=_day(el.get(rn.RETIRED)),
                keys=tuple(Key(**_key_fields(k, source)) for k in el.iterchildren(rn.KEY)),
            )
        )
    return Registry(
        serial=int(root.get(rn.SERIAL)),
        date=_day(root.get(rn.DATE)),
        threshold=int(admins_el.get(rn.THRESHOLD)),
        admins=admins,
        signatories=tuple(signatories),
        previous=root.get(rn.PREVIOUS),
    )


def _key_element(tag: str, key: Key, extra: dict[str, str] | None = None) -> etree._Element:
    element = etree.Element(tag)
    for name, value in (extra or {}).items():
        element.set(name, value)
    element.set(rn.FROM, key.start.isoformat())
    for name, value in ((rn.UNTIL, _iso(key.until)), (rn.REVOKED, _iso(key.revoked)), (rn.REASON, key.reason)):
        if value:
            element.set(name, value)
    element.text = key.public.line
    return element


def _to_element(registry: Registry) -> etree._Element:
    root = etree.Element(rn.REGISTRY)
    root.set(rn.FORMAT, rn.FORMAT_V1)
    root.set(rn.SERIAL, str(registry.serial))
    root.set(rn.DATE, registry.date.isoformat())
    if registry.previous:
        root.set(rn.PREVIOUS, registry.previous)
    admins = etree.SubElement(root, rn.ADMINS)
    admins.set(rn.THRESHOLD, str(registry.threshold))
    for admin in registry.admins:
        admins.append(_key_element(rn.ADMIN_KEY, admin, {rn.ID: admin.id, rn.NAME: admin.name}))
    signatories = etree.SubElement(root, rn.SIGNATORIES)
    for s in registry.signatories:
        element = etree.SubElement(signatories, rn.SIGNATORY)
        element.set(rn.ID, s.id)
        element.set(rn.KIND, s.kind)
        element.set(rn.NAME, s.name)
        for name, value in (
            (rn.TERM_START, _iso(s.term_start)),
            (rn.TERM_END, _iso(s.term_end)),
            (rn.SUCCEEDS, s.succeeds),
            (rn.RETIRED, _iso(s.retired)),
        ):
            if value:
                element.set(name, value)
        for key in s.keys:
            element.append(_key_element(rn.KEY, key))
    return root


def check(registry: Registry, source: str = REGISTRY_PATH) -> None:
    """The rules the schema cannot express; raise RegistryError with the first one broken."""
    problems = rule_problems(registry)
    if problems:
        raise RegistryError(f"{source}: {problems[0]}")


def rule_problems(registry: Registry) -> list[str]:
    problems: list[str] = []
    if (registry.serial == 0) != (registry.previous is None):
        problems.append("the first registry version (serial 0) and only it has no `previous`")
    admin_ids = [a.id for a in registry.admins]
    for ident in sorted({i for i in admin_ids if admin_ids.count(i) > 1}):
        problems.append(f"admin key id {ident!r} is used twice")
    ids = [s.id for s in registry.signatories]
    for ident in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"signatory id {ident!r} is used twice")
    owners: dict[bytes, str] = {}
    all_keys = [(f"admin key {a.id}", a) for a in registry.admins] + [
        (f"signatory {s.id}", k) for s in registry.signatories for k in s.keys
    ]
    for who, key in all_keys:
        if key.public.blob in owners:
            problems.append(
                f"key {key.fingerprint} of {who} is also registered for {owners[key.public.blob]}; "
                "every key belongs to one signatory or admin"
            )
        owners.setdefault(key.public.blob, who)
        if key.until is not None and key.until < key.start:
            problems.append(f"key {key.fingerprint} of {who} ends ({key.until}) before it starts ({key.start})")
        if key.reason and key.revoked is None:
            problems.append(f"key {key.fingerprint} of {who} has a revocation reason but no revocation date")
    usable = [a for a in registry.admins if a.end is None or a.end > registry.date]
    if registry.threshold > len({a.public.blob for a in usable}):
        problems.append(
            f"threshold {registry.threshold} is more than the {len(usable)} admin key(s) still valid; "
            "the registry could never be changed again"
        )
    by_id = {s.id: s for s in registry.signatories}
    for s in registry.signatories:
        if s.is_college:
            if s.term_start is None or s.term_end is None:
                problems.append(f"college {s.id} needs a term (term-start and term-end)")
            elif s.term_end < s.term_start:
                problems.append(f"college {s.id}: its term ends ({s.term_end}) before it starts ({s.term_start})")
            if s.succeeds is not None:
                before = by_id.get(s.succeeds)
                if before is None or not before.is_college:
                    problems.append(f"college {s.id} succeeds {s.succeeds!r}, which is not a college in the registry")
                elif s.succeeds == s.id:
                    problems.append(f"college {s.id} cannot succeed itself")
                elif before.term_start and s.term_start and before.term_start >= s.term_start:
                    problems.append(f"college {s.id} succeeds {before.id}, whose term does not start earlier")
        elif s.term_start or s.term_end or s.succeeds:
            problems.append(f"{s.kind} {s.id} has a term or `succeeds`; only a college has those")
    return problems


def check_id(ident: str, what: str = "id") -> str:
    if not ID_PATTERN.match(ident or ""):
        raise RegistryError(
            f"{what} {ident!r} is not allowed; use lower-case letters, digits, '.', '_' or '-' "
            "(starting with a letter or digit, at most 64 characters), e.g. college-2026-2030"
        )
    return ident


# the first version -------------------------------------------------------------------------
def anchor_of(data: bytes) -> str:
    """The trust anchor: the SHA-256 of the registry's first version, as printed and pinned."""
    return "sha256:" + canonical.sha256(data)


def normalize_anchor(text: str) -> str:
    value = text.strip().lower()
    if value.startswith("sha256:"):
        value = value[len("sha256:") :]
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise RegistryError(
            f"trust anchor {text!r} is not a registry fingerprint; give the 'sha256:' + 64 hex digits printed by `akkoord init`"
        )
    return value


def genesis(admin_keys: list[tuple[str, PublicKey]], threshold: int, day: dt.date) -> Registry:
    admins = tuple(AdminKey(public=key, start=day, id=ident, name=ident) for ident, key in admin_keys)
    registry = Registry(serial=0, date=day, threshold=threshold, admins=admins)
    check(registry, "new registry")
    return registry


def genesis_files(admin_pubkey_paths: list[str], threshold: int, actor=None) -> tuple[dict[str, bytes], str]:
    """The files of a new repository's registry (for `akkoord init --admin-key`), and its trust anchor.

    Admin key ids are taken from the key files' names (`secretariaat.pub` -> `secretariaat`).
    """
    keys: list[tuple[str, PublicKey]] = []
    used: set[str] = set()
    for path in admin_pubkey_paths:
        key = sshsig.read_public_key_file(path)
        if any(key.blob == k.blob for _, k in keys):
            raise RegistryError(f"--admin-key {path}: the same key is given twice; the threshold counts distinct keys")
        sshsig.fingerprint_with_ssh_keygen(key)
        base = re.sub(r"[^a-z0-9._-]+", "-", Path(path).name.lower().removesuffix(".pub")).strip("-._") or "admin"
        base = base[:60]
        ident, n = base, 2
        while ident in used or not ID_PATTERN.match(ident):
            ident = f"{base}-{n}" if ID_PATTERN.match(f"{base}-{n}") else f"admin-{n}"
            n += 1
        used.add(ident)
        keys.append((ident, key))
    if threshold > len(keys):
        raise RegistryError(f"--threshold {threshold} is more than the {len(keys)} admin key(s) given")
    registry = genesis(keys, threshold, _today())
    data = registry.to_bytes()
    _readable(data)
    return {REGISTRY_PATH: data}, anchor_of(data)


def _readable(data: bytes) -> None:
    """Read a new registry back as every later command will, before it is signed and committed: a registry
    that breaks its own schema (e.g. an empty --name) is refused here, and nothing is written."""
    try:
        parse(data, REGISTRY_PATH)
    except AkkoordError as exc:
        reason = exc.message.split(": ", 1)[1] if exc.message.startswith(REGISTRY_PATH) else exc.message
        raise RegistryError(
            f"the registry change would not be valid ({one_line(reason)}); correct the names, ids or dates "
            "given; nothing was written"
        ) from None


def start_registry(workspace, admin_pubkey_paths: list[str], threshold: int, by) -> tuple[str, str]:
    """Give an existing repository (made without --admin-key) its registry; return (commit, trust anchor)."""
    if workspace.repo.read(workspace.head(), REGISTRY_PATH) is not None:
        raise RegistryError(
            f"this repository already has a registry ({REGISTRY_PATH}); change it with `akkoord signatory ...`"
        )
    files, anchor = genesis_files(admin_pubkey_paths, threshold, by)
    message = f"Start the signatory registry\n\nAkkoord-Registry-Anchor: {anchor}"
    return workspace.commit(dict(files), message, "registry", by), anchor


# replay ---------------------------------------------------------------------------------------
@dataclass
class _At:
    """The registry as it stands in one commit."""

    sha: str
    registry: Registry | None  # None when unreadable
    trusted: bool


@dataclass
class Pending:
    """The current registry version, signed by fewer admin keys than its predecessor's threshold."""

    registry: Registry
    base: Registry
    signed_by: list[str]


@dataclass
class RegistryState:
    head: Registry | None = None  # the registry in the current commit (trusted or not)
    current: Registry | None = None  # the newest trusted registry: the one in force
    head_trusted: bool = False
    anchor: str | None = None  # sha256 of the first version
    trusted: dict[str, Registry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    changes: int = 0  # signed changes since the first version
    pending: Pending | None = None
    signatures: dict[str, list[str]] = field(default_factory=dict)  # sha -> admin ids with a good signature

    def require_current(self, *, for_change: bool = False) -> Registry:
        """The registry in force, refusing when the current one is not trusted.

        While a registry change awaits co-signatures, statements are checked against the version
        before it; a further registry change (`for_change`) is refused until it is complete."""
        if self.head is None:
            raise RegistryError(
                f"this repository has no signatory registry ({REGISTRY_PATH}); start one with "
                "`akkoord signatory init --admin-key PUBFILE`"
            )
        if (
            self.pending is not None
            and not for_change
            and self.current is not None
            and self.current is self.pending.base
        ):
            return self.current
        if self.pending is not None:
            have, need = len(self.pending.signed_by), self.pending.base.threshold
            raise RegistryError(
                f"registry change {self.pending.registry.serial} is signed by {have} of {need} required admin keys "
                "and does not count yet; another admin must run `akkoord signatory cosign --key KEY` first"
            )
        if not self.head_trusted or self.current is None:
            first = self.problems[0].message if self.problems else "its history is not signed"
            raise RegistryError(f"the signatory registry cannot be trusted: {first}; run `akkoord verify`")
        return self.current


def signature_path(registry_sha: str, admin_id: str) -> str:
    return f"{SIGNATURES_DIR}/{registry_sha}/{admin_id}.sig"


def _signature_files(repo, head: str) -> dict[str, dict[str, bytes]]:
    """registry sha -> admin id -> signature bytes, for every signature file in `head`."""
    found: dict[str, dict[str, bytes]] = {}
    for path in repo.list_dir(head, SIGNATURES_DIR):
        match = _SIG_PATH.match(path)
        if match:
            found.setdefault(match.group(1), {})[match.group(2)] = repo.read(head, path) or b""
    return found


def count_signatures(
    base: Registry, new_data: bytes, new_date: dt.date, sigs: dict[str, bytes]
) -> tuple[list[str], list[Problem]]:
    """Admin ids of `base` whose signature over `new_data` is good, counting each key once; and bad signature files."""
    good: list[str] = []
    bad: list[Problem] = []
    seen: set[bytes] = set()
    sha = canonical.sha256(new_data)
    with sshsig.Verifier(base.admin_signers(sshsig.NS_REGISTRY)) as verifier:
        for admin_id, signature in sorted(sigs.items()):
            path = signature_path(sha, admin_id)
            admin = base.admin(admin_id)
            if admin is None:
                bad.append(
                    Problem(
                        "registry-signature-unknown-key",
                        path,
                        f"names admin key {admin_id!r}, which the registry it changes (serial {base.serial}) "
                        "does not have; it does not count",
                    )
                )
                continue
            ok, said = verifier.verify(new_data, signature, admin_id, sshsig.NS_REGISTRY, new_date)
            if not ok:
                bad.append(
                    Problem(
                        "registry-signature-invalid",
                        path,
                        _why_signature_failed(
                            signature, admin, sshsig.NS_REGISTRY, new_date, said, "this registry version"
                        ),
                    )
                )
                continue
            if admin.public.blob not in seen:
                seen.add(admin.public.blob)
                good.append(admin_id)
    return good, bad


def _why_signature_failed(signature: bytes, key: Key, namespace: str, day: dt.date, said: str, what: str) -> str:
    info = sshsig.read_signature(signature)
    if info is None:
        return "is not an SSH signature (damaged or replaced); it does not count"
    if info.namespace != namespace:
        return f"was made in SSH namespace {info.namespace!r}, not {namespace!r}; it does not count"
    if info.key is None or info.key.blob != key.public.blob:
        fp = info.key.fingerprint if info.key else info.key_type
        return f"was made with another key ({fp}), not {key.fingerprint}; it does not count"
    if not key.valid_on(day):
        return f"key {key.fingerprint} is {key.state_on(day)} on {day}; it does not count"
    return f"does not match {what} (changed after signing?); ssh-keygen: {said}"


def load_state(workspace, trust_anchor: str | None = None) -> RegistryState:
    """Replay the registry through the history of the current commit (see the module docstring)."""
    repo = workspace.repo
    head = workspace.head()
    pinned = normalize_anchor(trust_anchor) if trust_anchor else None
    state = RegistryState()
    rows = [line.split() for line in repo.run("rev-list", "--topo-order", "--reverse", "--parents", head).splitlines()]
    signatures = _signature_files(repo, head)
    at: dict[str, _At | None] = {}
    parsed: dict[str, Registry | None] = {}
    geneses: list[str] = []
    undersigned: list[tuple[str, str, Registry, Registry, list[str]]] = []

    def read(commit: str) -> tuple[str, bytes] | None:
        data = repo.read(commit, REGISTRY_PATH)
        return (canonical.sha256(data), data) if data is not None else None

    def problem(code: str, commit: str, message: str) -> None:
        state.problems.append(Problem(code, f"{REGISTRY_PATH} in commit {commit[:12]}", message))

    for row in rows:
        commit, parents = row[0], row[1:]
        found = read(commit)
        before = [at.get(p) for p in parents]
        present = [b for b in before if b is not None]
        if found is None:
            if present:
                problem(
                    "registry-deleted",
                    commit,
                    "the registry was deleted; a registry can only be changed by a signed new version",
                )
                at[commit] = _At(present[0].sha, present[0].registry, False)
            else:
                at[commit] = None
            continue
        sha, data = found
        same = next((b for b in present if b.sha == sha and b.trusted), None) or next(
            (b for b in present if b.sha == sha), None
        )
        if same is not None:
            at[commit] = same
            top = max((b.registry.serial for b in present if b.registry and b.trusted), default=-1)
            if same.registry and same.trusted and same.registry.serial < top:
                problem(
                    "registry-rollback",
                    commit,
                    f"this merge keeps registry serial {same.registry.serial} although serial {top} was already in force: "
                    "a newer registry change was dropped (rolled back)",
                )
                at[commit] = _At(same.sha, same.registry, False)
            continue
        if sha not in parsed:
            try:
                parsed[sha] = parse(data, f"{REGISTRY_PATH} in commit {commit[:12]}")
            except AkkoordError as exc:
                parsed[sha] = None
                problem("registry-invalid", commit, f"not a valid registry: {exc.message}")
        registry = parsed[sha]
        if registry is None:
            at[commit] = _At(sha, None, False)
            continue
        if not present:
            # a first version: the trust anchor
            trusted = True
            if registry.serial != 0:
                problem(
                    "registry-no-history",
                    commit,
                    f"the registry appears with serial {registry.serial} but without the versions before it",
                )
                trusted = False
            elif pinned and sha != pinned:
                problem(
                    "registry-anchor-mismatch",
                    commit,
                    f"the registry's first version has fingerprint sha256:{sha}, not the pinned trust anchor "
                    f"sha256:{pinned}: this is not the registry you trust",
                )
                trusted = False
            elif geneses and sha not in geneses:
                problem(
                    "registry-second-start",
                    commit,
                    "a second, different first registry version (serial 0) appears in the history; "
                    "only one can be the trust anchor",
                )
                trusted = False
            if sha not in geneses:
                geneses.append(sha)
            if trusted:
                state.trusted[sha] = registry
            at[commit] = _At(sha, registry, trusted)
            continue
        base_at = next((b for b in present if b.sha == registry.previous), None)
        trusted = False
        if base_at is None:
            problem(
                "registry-unlinked",
                commit,
                f"the registry was replaced by serial {registry.serial}, whose `previous` does not name the "
                "registry it replaced (an older version put back, or an edit outside akkoord)",
            )
        elif not base_at.trusted or base_at.registry is None:
            problem(
                "registry-untrusted-base",
                commit,
                f"registry serial {registry.serial} builds on a registry version that is not signed",
            )
        elif registry.serial != base_at.registry.serial + 1:
            problem(
                "registry-serial",
                commit,
                f"registry serial {registry.serial} follows serial {base_at.registry.serial}; serials go up by one",
            )
        elif registry.date < base_at.registry.date:
            problem(
                "registry-date",
                commit,
                f"registry serial {registry.serial} is dated {registry.date}, before the version it replaces "
                f"({base_at.registry.date})",
            )
        else:
            base = base_at.registry
            sigs = dict(signatures.get(sha, {}))
            for path in repo.list_dir(commit, f"{SIGNATURES_DIR}/{sha}"):  # also those deleted since (reported apart)
                match = _SIG_PATH.match(path)
                if match and match.group(2) not in sigs:
                    sigs[match.group(2)] = repo.read(commit, path) or b""
            good, bad = count_signatures(base, data, registry.date, sigs)
            state.problems.extend(p for p in bad if p not in state.problems)
            state.signatures[sha] = good
            if len(good) >= base.threshold:
                trusted = True
                state.trusted[sha] = registry
                state.changes += 1
            else:
                undersigned.append((commit, sha, registry, base, good))
        top = max((b.registry.serial for b in present if b.registry and b.trusted), default=-1)
        if trusted and registry.serial <= top and base_at is not None and base_at.registry.serial < top:
            problem(
                "registry-rollback",
                commit,
                f"serial {registry.serial} replaces a registry that already had serial {top}",
            )
            trusted = False
        at[commit] = _At(sha, registry, trusted)

    # registry signature files that belong to no registry version of this history
    known = {b.sha for b in at.values() if b is not None}
    for path in repo.list_dir(head, "registry"):
        match = _SIG_PATH.match(path)
        if match is None:
            state.problems.append(
                Problem(
                    "registry-stray-file",
                    path,
                    "is not a registry signature (registry/signatures/<sha256>/<admin id>.sig)",
                )
            )
        elif match.group(1) not in known:
            state.problems.append(
                Problem("registry-stray-file", path, "signs a registry version that does not occur in this history")
            )

    state.anchor = geneses[0] if geneses else None
    final = at.get(head)
    for commit, sha, registry, base, good in undersigned:
        if final is not None and final.sha == sha and good and state.pending is None:
            state.pending = Pending(registry, base, good)
            problem(
                "registry-pending",
                commit,
                f"registry change {registry.serial} is signed by {len(good)} of the {base.threshold} admin keys "
                "required; it does not count until another admin runs `akkoord signatory cosign --key KEY`",
            )
        else:
            problem(
                "registry-unsigned",
                commit,
                f"the registry was changed (serial {registry.serial}) with {len(good)} of the {base.threshold} "
                "required admin signatures; the change does not count",
            )
    if final is not None:
        state.head = final.registry
        state.head_trusted = final.trusted and final.registry is not None
        if state.head_trusted:
            state.current = final.registry
        else:
            # the newest trusted registry along the first-parent line
            parents = {row[0]: row[1:] for row in rows}
            commit = head
            while commit:
                here = at.get(commit)
                if here is not None and here.trusted:
                    state.current = here.registry
                    break
                commit = parents.get(commit, [None])[0] if parents.get(commit) else None
    return state


# changing the registry ---------------------------------------------------------------------------
def successor(base: Registry, day: dt.date, **changes) -> Registry:
    """The next registry version after `base`, dated `day`, with `changes` applied."""
    if day < base.date:
        raise RegistryError(f"the registry is dated {base.date}, after today ({day}); check the clock")
    new = dataclasses.replace(base, serial=base.serial + 1, previous=base.sha256, date=day, data=None, **changes)
    check(new, "the changed registry")
    return new


def sign_change(base: Registry, new_data: bytes, new_date: dt.date, key_path: str) -> tuple[str, bytes]:
    """Sign `new_data` with an admin key of `base`; return (admin id, signature). Refuse other keys."""
    info = sshsig.inspect_key_file(key_path)
    if info.public is not None:
        admin = base.admin_for(info.public)
        if admin is None:
            raise RegistryError(_not_admin(base, info.public, key_path))
        if not admin.valid_on(new_date):
            raise RegistryError(f"--key {key_path}: admin key {admin.id} is {admin.state_on(new_date)} on {new_date}")
    signature = sshsig.sign(new_data, key_path, sshsig.NS_REGISTRY)
    sig = sshsig.read_signature(signature)
    admin = base.admin_for(sig.key) if sig and sig.key else None
    if admin is None:
        raise RegistryError(_not_admin(base, sig.key if sig else None, key_path))
    with sshsig.Verifier(base.admin_signers(sshsig.NS_REGISTRY)) as verifier:
        ok, said = verifier.verify(new_data, signature, admin.id, sshsig.NS_REGISTRY, new_date)
    if not ok:
        raise RegistryError(f"--key {key_path}: the signature does not verify ({said}); nothing was written")
    return admin.id, signature


def _not_admin(base: Registry, public: PublicKey | None, key_path: str) -> str:
    owner = base.owner_of(public) if public else None
    what = f"the key of signatory {owner[1]}" if owner else f"key {public.fingerprint if public else '?'}"
    admins = ", ".join(a.id for a in base.admins)
    return (
        f"--key {key_path}: {what} is not an admin key of the registry (admin keys: {admins}); "
        "registry changes must be signed by the secretariat's admin keys"
    )


@dataclass
class ChangeResult:
    registry: Registry
    commit: str
    signed_by: list[str]
    threshold: int

    @property
    def complete(self) -> bool:
        return len(self.signed_by) >= self.threshold


def apply_change(workspace, new: Registry, base: Registry, key_paths: list[str], message: str, by) -> ChangeResult:
    """Sign `new` (a successor of `base`) with the admin `key_paths` and commit it with its signatures."""
    if not key_paths:
        raise RegistryError("a registry change must be signed: give --key ADMIN_PRIVATE_KEY")
    data = new.to_bytes()
    _readable(data)
    sha = canonical.sha256(data)
    changes: dict[str, bytes | None] = {REGISTRY_PATH: data}
    signed: dict[bytes, str] = {}
    for key_path in key_paths:
        admin_id, signature = sign_change(base, data, new.date, key_path)
        blob = base.admin(admin_id).public.blob
        if blob in signed:
            raise RegistryError(
                f"--key {key_path}: admin key {admin_id} already signs this change; the threshold counts distinct keys"
            )
        signed[blob] = admin_id
        changes[signature_path(sha, admin_id)] = signature
    ids = list(signed.values())
    body = f"{message}\n\nAkkoord-Registry-Serial: {new.serial}\nAkkoord-Registry-Sha256: {sha}\nAkkoord-Signed-By: {' '.join(ids)}"
    commit = workspace.commit(changes, body, "registry", by)
    return ChangeResult(new, commit, ids, base.threshold)


def cosign(workspace, state: RegistryState, key_path: str, by) -> ChangeResult:
    """Add an admin signature to the pending registry change."""
    if state.pending is None:
        if state.head is not None and state.head_trusted:
            raise RegistryError(
                f"registry serial {state.head.serial} is already signed by enough admin keys; nothing to cosign"
            )
        state.require_current()
    pending = state.pending
    data = pending.registry.to_bytes()
    admin_id, signature = sign_change(pending.base, data, pending.registry.date, key_path)
    if admin_id in pending.signed_by:
        raise RegistryError(
            f"--key {key_path}: admin key {admin_id} already signed registry change {pending.registry.serial}"
        )
    sha = canonical.sha256(data)
    message = (
        f"Cosign registry change {pending.registry.serial}\n\nAkkoord-Registry-Serial: {pending.registry.serial}\n"
        f"Akkoord-Registry-Sha256: {sha}\nAkkoord-Signed-By: {admin_id}"
    )
    commit = workspace.commit({signature_path(sha, admin_id): signature}, message, "registry", by)
    return ChangeResult(pending.registry, commit, [*pending.signed_by, admin_id], pending.base.threshold)


# the mutations behind `akkoord signatory ...` -----------------------------------------------------
def with_signatory(base: Registry, signatory: Signatory) -> dict:
    if base.signatory(signatory.id) is not None:
        raise RegistryError(
            f"signatory {signatory.id!r} already exists; choose another id (see `akkoord signatory list`)"
        )
    return {"signatories": (*base.signatories, signatory)}


def _replace_signatory(base: Registry, new: Signatory) -> dict:
    return {"signatories": tuple(new if s.id == new.id else s for s in base.signatories)}


def with_key(base: Registry, ident: str, key: Key) -> dict:
    signatory = base.require(ident)
    owner = base.owner_of(key.public)
    if owner is not None:
        raise RegistryError(
            f"key {key.fingerprint} is already registered for {owner[0]} {owner[1]}; every key belongs to one"
        )
    return _replace_signatory(base, dataclasses.replace(signatory, keys=(*signatory.keys, key)))


def find_key(signatory: Signatory, selector: str) -> Key:
    """A key of `signatory` by fingerprint (SHA256:...) or by a public key file's path."""
    if selector.startswith("SHA256:"):
        matches = [k for k in signatory.keys if k.fingerprint == selector]
    else:
        public = sshsig.read_public_key_file(selector)
        matches = [k for k in signatory.keys if k.public.blob == public.blob]
    if not matches:
        listed = ", ".join(k.fingerprint for k in signatory.keys) or "none"
        raise RegistryError(f"{signatory.id} has no key {selector} (its keys: {listed})")
    return matches[0]


def with_revoked_key(base: Registry, ident: str, selector: str, day: dt.date, reason: str | None) -> dict:
    signatory = base.require(ident)
    key = find_key(signatory, selector)
    if key.revoked is not None:
        raise RegistryError(f"key {key.fingerprint} of {ident} was already revoked on {key.revoked}")
    new_key = dataclasses.replace(key, revoked=day, reason=reason or None)
    keys = tuple(new_key if k is key else k for k in signatory.keys)
    return _replace_signatory(base, dataclasses.replace(signatory, keys=keys))


def with_retired(base: Registry, ident: str, day: dt.date) -> dict:
    signatory = base.require(ident)
    if signatory.retired is not None:
        raise RegistryError(f"{ident} already retired on {signatory.retired}")
    return _replace_signatory(base, dataclasses.replace(signatory, retired=day))


def with_admin_key(base: Registry, admin: AdminKey) -> dict:
    if base.admin(admin.id) is not None:
        raise RegistryError(f"admin key id {admin.id!r} already exists")
    owner = base.owner_of(admin.public)
    if owner is not None:
        raise RegistryError(f"key {admin.fingerprint} is already registered for {owner[0]} {owner[1]}")
    return {"admins": (*base.admins, admin)}


def with_revoked_admin(base: Registry, ident: str, day: dt.date, reason: str | None) -> dict:
    admin = base.admin(ident)
    if admin is None:
        raise RegistryError(f"no admin key {ident!r} (admin keys: {', '.join(a.id for a in base.admins)})")
    if admin.revoked is not None:
        raise RegistryError(f"admin key {ident} was already revoked on {admin.revoked}")
    new = dataclasses.replace(admin, revoked=day, reason=reason or None)
    return {"admins": tuple(new if a is admin else a for a in base.admins)}


def new_key(pubkey_path: str, start: dt.date, until: dt.date | None = None) -> Key:
    public = sshsig.read_public_key_file(pubkey_path)
    sshsig.fingerprint_with_ssh_keygen(public)
    if until is not None and until < start:
        raise RegistryError(f"--valid-until {until} is before the key becomes valid ({start})")
    return Key(public=public, start=start, until=until)


__all__ = [
    "REGISTRY_PATH",
    "Registry",
    "Signatory",
    "Key",
    "AdminKey",
    "RegistryState",
    "RegistryError",
    "parse",
    "load_state",
    "genesis_files",
    "successor",
    "apply_change",
    "cosign",
    "anchor_of",
    "normalize_anchor",
    "parse_day",
]
