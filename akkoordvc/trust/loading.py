"""The statements of a commit with the verdicts on their signatures, read in bulk and through the verdict cache.

A statement is found from a `reader.Listing`, by its path alone. The cache answers for it under a key made of
the blob ids of the statement file and its signature files, its folder, the verifier (in-process or
ssh-keygen), and the part of the registry its verdict reads: for the endorsements of a signatory that
signatory's own entry (and, for a statement refused because another's key signed it, which key belongs to
whom); for an attestation the whole registry state (`RegistryState.fingerprint`). Every key also holds the code
fingerprint (`cache.key`). The answer is what checking would find: refused unread, malformed, or its fields with
the verdict on its signature(s).

What the cache cannot answer is checked, in bulk:

1. its signature files are read (one `git cat-file --batch` for all) and it is refused unread when its folder
   names no signatory of the registry or no signature carries a key registered for that folder
   (`statements.unread_problem`): a planted statement costs no reading, parsing or signature check;
2. the statements that pass are read (one more `git cat-file --batch`), parsed, and their signatures checked
   (`statements.signature_problem`);

and the answers are put in the cache, except for a statement whose content names another signatory than its
folder (its verdict reads that other signatory's entry, which the key does not hold): that is checked again by
every command.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..messages import Message
from ..storage.gitrepo import Repository
from . import Problem, sshsig
from .cache import Cache, key, message_data, message_from_data
from .jsonfile import canonical_json
from .model import Registry
from .reader import Listing
from .registry import RegistryState
from .statements import (
    ATTESTATION,
    FOLDERS,
    Statement,
    attesters,
    fields_spec,
    signature_problem,
    statement_files,
    unread_problem,
    verifiers,
)

#: from this many statements to check, a forked process reads and checks a share of them (see `_read_and_check`)
SHARE_FROM = 400
#: the forked process's share when this one also has other work to do meanwhile (`load`'s `meanwhile`)
CHILD_SHARE = 0.6
_NAMES = {kind: tuple(sorted(fields_spec(kind))) for kind in FOLDERS}
_SPECS = {kind: tuple(fields_spec(kind).items()) for kind in FOLDERS}


@dataclass(frozen=True)
class Verdict:
    """What the signature check of one statement found."""

    why: Message | None  # why the signature(s) do not hold; None when they do
    key: sshsig.PublicKey | None = None  # an endorsement's key that signed
    attested_by: tuple[str, ...] = ()  # an attestation's admins whose signatures hold


@dataclass
class Loaded:
    """The statements of a listing with their verdicts (none for one refused unread or malformed), and stray
    files."""

    statements: list[Statement] = field(default_factory=list)
    verdicts: dict[str, Verdict] = field(default_factory=dict)  # statement path -> verdict
    problems: list[Problem] = field(default_factory=list)
    listing: Listing | None = None
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # statement path -> suffix -> signature path

    def read_files(self) -> None:
        """Give every statement the bytes of its file and signature files (one `git cat-file --batch` for all
        those the cache answered for), for a command that publishes them."""
        missing = [s for s in self.statements if s.data is None]
        if self.listing is None or not missing:
            return
        data = self.listing.read(path for s in missing for path in (s.path, *self.files[s.path].values()))
        for statement in missing:
            statement.data = data.get(statement.path, b"")
            _give_signatures(statement, _sigs(self.files[statement.path], data))


class _Fingerprints:
    """Per registry: a hash of each signatory's entry and of who owns which key (what an endorsement's verdict
    reads), each computed once."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.signatories: dict[str, str] = {}
        owners = sorted(
            [(a.public.blob.hex(), "admin", a.id) for a in registry.admins]
            + [(k.public.blob.hex(), "signatory", s.id) for s in registry.signatories for k in s.keys]
        )
        self.owners = hashlib.sha256(canonical_json(owners)).hexdigest()

    def signatory(self, ident: str) -> str:
        if ident not in self.signatories:
            found = self.registry.signatory(ident)
            data = canonical_json(found.as_dict()) if found is not None else b"absent"
            self.signatories[ident] = hashlib.sha256(data).hexdigest()
        return self.signatories[ident]


def load(
    listing: Listing,
    state: RegistryState,
    cache: Cache,
    folders: tuple[str, ...] = tuple(FOLDERS.values()),
    meanwhile: Callable[[], None] | None = None,
) -> Loaded:
    """The statements under `folders` of `listing` with their verdicts (see the module docstring); stray files as
    problems. `state.current` must be the registry in force. `meanwhile`, when given, is called once, while a
    forked process checks its share of the statements (or before the statements are checked, when none is)."""
    registry = state.current
    assert registry is not None
    mode = sshsig.verifier_mode()
    prints = _Fingerprints(registry)
    found = statement_files(p for p in listing.blobs if any(p.startswith(f + "/") for f in folders))
    loaded = Loaded(problems=found.stray, listing=listing, files=found.statements)
    blobs = listing.blobs
    statements: dict[str, Statement] = {}
    names: dict[str, str] = {}
    missing: list[str] = []
    for path, sigs in found.statements.items():
        folder, ident = path.split("/")[:2]
        context = state.fingerprint if folder == FOLDERS[ATTESTATION] else prints.signatory(ident)
        signed = "\0".join(f"{suffix}={blobs[sig]}" for suffix, sig in sorted(sigs.items()))
        plain = names[path] = key("statement", mode, folder, ident, blobs[path], signed, context)
        statement = Statement(path, None, None)
        section = _section(path)
        value = cache.get(plain, section=section)
        if value is None:  # the key of an answer that read who owns which key (see `_check`)
            value = cache.get(key(plain, prints.owners), section=section)
        verdict = _restore(statement, value) if value is not None else False
        if verdict is False:
            statement = Statement(path, None, None)
            missing.append(path)
        elif isinstance(verdict, Verdict):
            loaded.verdicts[path] = verdict
        statements[path] = statement
    if missing:
        files = found.statements
        _check(listing, files, [statements[p] for p in missing], state, cache, names, prints.owners, loaded, meanwhile)
    elif meanwhile is not None:
        meanwhile()
    loaded.statements = [statements[path] for path in sorted(statements)]
    return loaded


def _check(
    listing: Listing,
    files: dict[str, dict[str, str]],
    missing: list[Statement],
    state: RegistryState,
    cache: Cache,
    names: dict[str, str],
    owners: str,
    loaded: Loaded,
    meanwhile: Callable[[], None] | None,
) -> None:
    """Check the statements the cache had no answer for (see the module docstring) and remember the answers: under
    the key holding who owns which key when the answer read it, else under the one without."""
    registry = state.current
    assert registry is not None
    known = [s for s in missing if registry.signatory(s.path.split("/")[1]) is not None]  # the others: no reading
    signatures = listing.read(sig for s in known for sig in files[s.path].values())
    passed = []
    for statement in missing:
        sigs = _sigs(files[statement.path], signatures)
        statement.unread = unread_problem(statement.path, sigs, registry)
        if statement.unread is None:
            passed.append(statement)
        else:
            name = names[statement.path]
            if _reads_owners(statement.path, sigs.get(".sig"), registry):
                name = key(name, owners)
            cache.put(name, [message_data(statement.unread)], section=_section(statement.path))
    for statement in passed:
        _give_signatures(statement, _sigs(files[statement.path], signatures))
    blobs = [listing.blobs[s.path] for s in passed]
    verdicts = _read_and_check(listing.repo, passed, blobs, state, meanwhile)
    for statement, verdict in zip(passed, verdicts, strict=True):
        if verdict is None:
            error = message_data(statement.error) if statement.error is not None else None
            cache.put(names[statement.path], [None, error], section=_section(statement.path))
            continue
        loaded.verdicts[statement.path] = verdict
        folder, ident = statement.path.split("/")[:2]
        if folder == FOLDERS[ATTESTATION] or statement.signatory == ident:
            cache.put(names[statement.path], _entry(statement, verdict), section=_section(statement.path))


def _read_and_check(
    repo: Repository,
    statements: list[Statement],
    blobs: list[str],
    state: RegistryState,
    meanwhile: Callable[[], None] | None = None,
) -> list[Verdict | None]:
    """Read each of `statements` (blob ids `blobs`; its signatures given), parse it and check its signature(s): the
    verdicts, None for one that does not parse. From `SHARE_FROM` statements on, in a process of one thread, a
    forked process reads and checks a share of them meanwhile (both cores at work on a first, cold verification:
    half, or `CHILD_SHARE` when this process also runs `meanwhile`) and hands its answers back pickled through a
    pipe; when it fails, its share is done here after all (the statements it checked then have no bytes in this
    process: as those the cache answered for). The verifier in-process only: the reference (ssh-keygen) is kept
    simple."""
    alone = threading.active_count() == 1  # a fork copies one thread: none may hold a lock the child needs
    if len(statements) < SHARE_FROM or not alone or not hasattr(os, "fork") or sshsig.verifier_mode() != "in-process":
        if meanwhile is not None:
            meanwhile()
        return _read_and_check_here(repo, statements, blobs, state)
    half = len(statements) // 2 if meanwhile is None else round(len(statements) * (1 - CHILD_SHARE))
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its share, the answers pickled to the parent, then gone without cleanup
        code = 1
        try:
            os.close(read)
            theirs = statements[half:]
            done: list[Any] = [
                (s.sha256, s.fields, s.clauses_sha256, s.error, v)
                for s, v in zip(theirs, _read_and_check_here(repo, theirs, blobs[half:], state), strict=True)
            ]
            with os.fdopen(write, "wb") as out:
                out.write(pickle.dumps(done))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    try:
        if meanwhile is not None:
            meanwhile()
        verdicts = _read_and_check_here(repo, statements[:half], blobs[:half], state)
    finally:
        with os.fdopen(read, "rb") as received:
            payload = received.read()
        _, status = os.waitpid(pid, 0)
    answers: list[Any] | None
    try:
        answers = pickle.loads(payload) if status == 0 else None  # noqa: S301 - from the process forked above
    except Exception:  # noqa: BLE001 - a child that died mid-write: check its share here
        answers = None
    if answers is None or len(answers) != len(statements) - half:
        return verdicts + _read_and_check_here(repo, statements[half:], blobs[half:], state)
    for statement, (digest, fields, clauses, error, verdict) in zip(statements[half:], answers, strict=True):
        statement.digest, statement.fields, statement.clauses_sha256, statement.error = digest, fields, clauses, error
        verdicts.append(verdict)
    return verdicts


def _read_and_check_here(
    repo: Repository, statements: list[Statement], blobs: list[str], state: RegistryState
) -> list[Verdict | None]:
    registry = state.current
    assert registry is not None
    found = verifiers(registry)
    try:
        verdicts: list[Verdict | None] = []
        for statement, data in zip(statements, repo.stream_blobs(blobs), strict=True):
            statement.data = data or b""
            statement.parse()
            verdicts.append(check(statement, state, found[statement.kind]) if statement.fields is not None else None)
        return verdicts
    finally:
        for verifier in found.values():
            verifier.close()


def check(statement: Statement, state: RegistryState, verifier: sshsig.Verifier) -> Verdict:
    """The verdict on the signature(s) of a read and parsed `statement`."""
    registry = state.current
    assert registry is not None
    if statement.kind == ATTESTATION:
        regime = state.regime_of(statement.get("registry"), statement.signing_day)
        why = signature_problem(statement, registry, verifier, regime)
        good = attesters(statement, registry, verifier)[0] if why is None else []
        return Verdict(why, None, tuple(good))
    why = signature_problem(statement, registry, verifier)
    info = sshsig.read_signature(statement.signature) if why is None and statement.signature else None
    return Verdict(why, info.key if info else None)


# cache entries: [unread], [None, error], or [None, None, sha256, clauses, kind, [fields], why, key, attested_by];
# unread, error and why are messages as `cache.message_data` keeps them
def _entry(statement: Statement, verdict: Verdict) -> list[Any]:
    assert statement.fields is not None
    public = [verdict.key.type, verdict.key.base64] if verdict.key else None
    values = [statement.fields[name] for name in _NAMES[statement.kind]]
    why = message_data(verdict.why) if verdict.why is not None else None
    return [None, None, statement.sha256, statement.clauses_sha256, statement.kind, values, why, public] + [
        list(verdict.attested_by)
    ]


def _restore(statement: Statement, value: Any) -> Verdict | None | bool:
    """Fill `statement` from a cache entry: its verdict, None (refused unread, or malformed), or False for an entry
    of another shape (a miss)."""
    try:
        if type(value) is not list or not value:
            return False
        if value[0] is not None:
            statement.unread = message_from_data(value[0])
            return None if len(value) == 1 and statement.unread is not None else False
        if len(value) == 2:
            statement.error = message_from_data(value[1])
            return None if statement.error else False
        _, _, sha, clauses, kind, values, kept, public, attested = value
        fields = dict(zip(_NAMES[kind], values, strict=True))
        shaped = all(isinstance(fields[n], kinds) and type(fields[n]) is not bool for n, kinds in _SPECS[kind])
        why = message_from_data(kept) if kept is not None else None
        if not (shaped and type(sha) is str and type(clauses) is str and (kept is None or why is not None)):
            return False
        if type(attested) is not list or not all(type(a) is str for a in attested):
            return False
        statement.fields, statement.digest, statement.clauses_sha256 = fields, sha, clauses
        signer = _public_key(public[0], public[1]) if public else None
        return Verdict(why, signer, tuple(attested))
    except (ValueError, TypeError, KeyError):
        return False


@functools.lru_cache(maxsize=1024)
def _public_key(kind: str, text: str) -> sshsig.PublicKey:
    """A key as a cache entry holds it (its type and base64 blob), decoded once per process: a few hundred keys
    sign thousands of statements."""
    if type(kind) is not str or type(text) is not str:
        raise TypeError("a key is two strings")
    return sshsig.PublicKey(kind, base64.b64decode(text, validate=True))


def _reads_owners(path: str, signature: bytes | None, registry: Registry) -> bool:
    """Whether the verdict on an endorsement at `path` says whose key signed it (`statements.unread_problem` asks
    `Registry.owner_of` exactly then: a signature in the right namespace by a key not of the folder's signatory)."""
    folder, ident = path.split("/")[:2]
    info = sshsig.read_signature(signature) if signature is not None else None
    signatory = registry.signatory(ident)
    return (
        folder != FOLDERS[ATTESTATION]
        and info is not None
        and info.key is not None
        and info.namespace == sshsig.NS_ENDORSEMENT
        and signatory is not None
        and signatory.key_for(info.key) is None
    )


def _section(path: str) -> str:
    """The cache section of a statement: its signatory's folder."""
    return "statements:" + path.rsplit("/", 1)[0]


def _give_signatures(statement: Statement, sigs: dict[str, bytes]) -> None:
    statement.signature = sigs.pop(".sig", None)
    if statement.path.startswith(FOLDERS[ATTESTATION] + "/"):
        statement.signatures = {suffix[1:-4]: sig for suffix, sig in sigs.items()}


def _sigs(files: dict[str, str], data: dict[str, bytes]) -> dict[str, bytes]:
    return {suffix: data[path] for suffix, path in files.items() if path in data}
