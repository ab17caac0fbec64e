"""Statements: a signatory's signed decision about one exact version of the text, or the admins' attestation of one.

A statement is a small JSON object in canonical form (keys sorted, no insignificant
whitespace, UTF-8, Unicode NFC, one final newline), so the same statement is always the
same bytes. It binds:

    format       "akkoordvc-statement-v1"
    kind         "endorsement" (signed by the signatory) or "attestation" (recorded by an admin)
    agreement    the agreement's id
    version      the version label; version_record: the admin-signed record of that version
                 (records/<sha256>.json); commit, text_sha256 and clauses ([id, sha256] in text order)
    signatory    the registry id; decision: endorse | decline | withdraw; mandate; comment
    date         the day of the decision (for an endorsement: the day it was signed)
    seq          1, 2, ... within this signatory's chain; previous: sha256 of the statement(s) before
    registry     the newest admin records (records/<sha256>.json) when it was made: the registry it saw
    (attestation only) evidence, recorded (the day the admins signed)

Files (append-only; nothing is rewritten or deleted):

    endorsements/<signatory>/<seq:06d>-<sha256[:16]>.json      + .json.sig
    attestations/<signatory>/<seq:06d>-<sha256[:16]>.json      + .json.sig

Each signatory has two chains: its own statements (namespace akkoordvc-endorsement-v1) and
those the admins recorded about it (namespace akkoordvc-attestation-v1). Paths are unique,
so statements added in two clones merge without conflicts; two statements with the same
`seq` (a fork) are joined by the next statement, whose `previous` lists both.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import AkkoordError
from ..messages import Message
from ..model import canonical
from ..model.dates import is_day, optional_day, parse_day
from ..model.document import Document
from ..model.ids import AGREEMENT_ID as _AGREEMENT
from ..model.ids import SIGNATORY_ID as _ID
from ..model.ids import SIGNATORY_ID_PATTERN
from . import Problem, printable, sshsig
from .jsonfile import JSONFileError, Repeating, check_fields, load_object
from .model import AdminKey, Key, Registry, Signatory

FORMAT = "akkoordvc-statement-v2"
ENDORSEMENT = "endorsement"
ATTESTATION = "attestation"
KINDS = (ENDORSEMENT, ATTESTATION)
FOLDERS = {ENDORSEMENT: "endorsements", ATTESTATION: "attestations"}
NAMESPACES = {ENDORSEMENT: sshsig.NS_ENDORSEMENT, ATTESTATION: sshsig.NS_ATTESTATION}
ENDORSE, DECLINE, WITHDRAW = "endorse", "decline", "withdraw"
DECISIONS = (ENDORSE, DECLINE, WITHDRAW)
MAX_TEXT = 2000
_PATH = re.compile(rf"^(endorsements|attestations)/({SIGNATORY_ID_PATTERN})/(\d{{6}})-([0-9a-f]{{16}})\.json$")
_ADMIN_SIG = re.compile(rf"^attestations/.*\.json\.({SIGNATORY_ID_PATTERN})\.sig$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX40 = re.compile(r"^[0-9a-f]{40}$")
_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$")

_COMMON = {
    "format": str,
    "kind": str,
    "agreement": str,
    "version": str,
    "version_record": str,
    "commit": str,
    "text_sha256": str,
    "clauses": list,
    "signatory": str,
    "decision": str,
    "mandate": (str, type(None)),
    "comment": (str, type(None)),
    "date": str,
    "seq": int,
    "previous": list,
    "registry": list,
}
_ATTESTED = {"evidence": str, "recorded": str}


def fields_spec(kind: str | None) -> dict[str, Any]:
    """The fields of a parsed statement of `kind` and their types, the clause hashes left out (see `Statement`)."""
    spec = {name: kinds for name, kinds in _COMMON.items() if name != "clauses"}
    return {**spec, **_ATTESTED} if kind == ATTESTATION else spec


class StatementError(AkkoordError):
    """A statement file that is not a well-formed statement."""


# bytes ------------------------------------------------------------------------------------------
def clean_text(text: str | None, what: str) -> str | None:
    """Free text of a statement (mandate, comment, evidence): NFC, trimmed, no control characters."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        return None
    if len(text) > MAX_TEXT:
        raise AkkoordError.keyed("sig.text_too_long", what=what, length=len(text), most=MAX_TEXT)
    if any(unicodedata.category(c) == "Cc" and c != "\n" for c in text):
        raise AkkoordError.keyed("sig.text_control", what=what)
    return text


def parse_statement(data: bytes) -> dict[str, Any]:
    """Read a statement's bytes; raise StatementError unless it is a well-formed statement in canonical form."""
    return _checked(_loaded(lambda: load_object(data, FORMAT)))


@dataclass(frozen=True)
class _Clauses:
    """What the clause hashes of a statement come to: their digest (`clauses_digest`), or why they are not
    [id, sha256] pairs."""

    digest: str | None
    error: Message | None = None


def _clauses(value: Any) -> _Clauses:
    if not isinstance(value, list):
        return _Clauses(None, Message("sig.clauses.type"))
    if not (
        set(map(type, value)) <= {list}
        and set(map(len, value)) <= {2}
        and set(map(type, itertools.chain.from_iterable(value))) <= {str}
    ):
        return _Clauses(None, Message("sig.clauses.pairs"))
    if "\0" in "".join(itertools.chain.from_iterable(value)):
        return _Clauses(None, Message("sig.clauses.nul"))
    return _Clauses(clauses_digest(value))


#: every statement about one version holds the same clause hashes: read and checked once per process
_REPEATING = Repeating("agreement", "clauses", _clauses)


def read_fields(data: bytes) -> tuple[dict[str, Any], str]:
    """A statement's fields but its clause hashes, and their digest (`clauses_digest`); as `parse_statement`, but
    clause hashes already read in this process (those of one version) are not read again."""
    obj = _checked(_loaded(lambda: _REPEATING.load(data, FORMAT)))
    clauses = obj.pop("clauses")
    assert isinstance(clauses, _Clauses) and clauses.digest is not None
    return obj, clauses.digest


def _loaded(read: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return read()
    except JSONFileError as exc:
        raise StatementError(exc.said) from None


def _checked(obj: dict[str, Any]) -> dict[str, Any]:
    """`obj` when it is a well-formed statement (its clauses a list, or what `_clauses` made of it)."""
    try:
        if obj.get("kind") not in KINDS:
            raise StatementError.keyed("sig.statement.kind", kind=str(obj.get("kind"))[:40])
        fields = {**_COMMON, "clauses": (list, _Clauses)}
        check_fields(obj, {**fields, **(_ATTESTED if obj["kind"] == ATTESTATION else {})})
    except JSONFileError as exc:
        raise StatementError(exc.said) from None
    for name, pattern in (("signatory", _ID), ("version", _LABEL), ("agreement", _AGREEMENT)):
        if not pattern.match(obj[name]):
            raise StatementError.keyed("sig.statement.identifier", name=name, value=obj[name])
    for name in ("mandate", "comment", "evidence"):
        value = obj.get(name)
        if isinstance(value, str) and (
            len(value) > MAX_TEXT or any(unicodedata.category(c) == "Cc" and c != "\n" for c in value)
        ):
            raise StatementError.keyed("sig.statement.free_text", name=name)
    if obj["decision"] not in DECISIONS:
        raise StatementError.keyed("sig.statement.decision", decision=obj["decision"], choices=", ".join(DECISIONS))
    for name in ("date",) + (("recorded",) if obj["kind"] == ATTESTATION else ()):
        if not is_day(obj[name]):
            raise StatementError.keyed("sig.statement.date", name=name, value=printable(obj[name][:20]))
    if not _HEX40.match(obj["commit"]) or not all(_HEX64.match(obj[n]) for n in ("text_sha256", "version_record")):
        raise StatementError.keyed("sig.statement.hashes")
    registry = obj["registry"]
    if (
        not registry
        or not all(isinstance(r, str) and _HEX64.match(r) for r in registry)
        or registry != sorted(set(registry))
    ):
        raise StatementError.keyed("sig.statement.registry")
    if obj["seq"] < 1:
        raise StatementError.keyed("sig.statement.seq")
    if not all(isinstance(p, str) and _HEX64.match(p) for p in obj["previous"]) or obj["previous"] != sorted(
        set(obj["previous"])
    ):
        raise StatementError.keyed("sig.statement.previous")
    clauses = obj["clauses"]
    found = clauses if isinstance(clauses, _Clauses) else _clauses(clauses)
    if found.error is not None:
        raise StatementError(found.error)
    return obj


# statements in a repository -------------------------------------------------------------------------
@dataclass
class Statement:
    """One statement file in the repository (with its signature), parsed when possible.

    `data` and the signatures are None when they were not read: the statement's parse and verdict came
    from the cache, or it was refused unread (`unread`) because its signature's key is not registered for
    the folder it lies in. Parsed fields hold everything but the clause hashes, which are kept as one
    SHA-256 (`clauses_sha256`) to compare with the text's."""

    path: str
    data: bytes | None
    signature: bytes | None
    fields: dict[str, Any] | None = None
    error: Message | None = None
    signatures: dict[str, bytes] = field(default_factory=dict)  # an attestation's: admin id -> signature
    digest: str = ""  # the SHA-256 of `data`
    clauses_sha256: str = ""
    unread: Message | None = None

    @property
    def sha256(self) -> str:
        if not self.digest and self.data is not None:
            self.digest = canonical.sha256(self.data)
        return self.digest

    @property
    def ok(self) -> bool:
        return self.fields is not None

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default) if self.fields else default

    @property
    def kind(self) -> str:
        return str(self.get("kind", ""))

    @property
    def signatory(self) -> str:
        return str(self.get("signatory", ""))

    @property
    def version(self) -> str:
        return str(self.get("version", ""))

    @property
    def decision(self) -> str:
        return str(self.get("decision", ""))

    @functools.cached_property
    def date(self) -> dt.date:
        return parse_day(self.get("date"))

    @functools.cached_property
    def recorded(self) -> dt.date | None:
        value = self.get("recorded")
        return optional_day(value or None)

    @property
    def seq(self) -> int:
        return int(self.get("seq", 0))

    @property
    def previous(self) -> list[str]:
        return list(self.get("previous", []))

    @property
    def chain(self) -> tuple[str, str]:
        return self.kind, self.signatory

    @property
    def signing_day(self) -> dt.date:
        """The day the signature claims to be made: the decision for an endorsement, the recording for an attestation."""
        return (self.recorded or self.date) if self.kind == ATTESTATION else self.date

    def parse(self) -> None:
        """Read the fields from `data` (or set `error`)."""
        assert self.data is not None
        try:
            self.fields, self.clauses_sha256 = read_fields(self.data)
        except StatementError as exc:
            self.error = exc.said if isinstance(exc.said, Message) else Message("sig.said", text=exc.said)

    def signature_files(self) -> dict[str, bytes]:
        """The signature files beside the statement, by the suffix added to its path (".sig", ".ADMIN.sig")."""
        if self.kind == ATTESTATION:
            return {f".{admin}.sig": sig for admin, sig in sorted(self.signatures.items())}
        return {".sig": self.signature} if self.signature is not None else {}

    @property
    def signer(self) -> str:
        """Whose key the (first) signature claims: the signatory's own, or an admin's for an attestation."""
        if self.kind == ATTESTATION:
            return min(self.signatures, default="")
        return self.signatory

    def expected_path(self) -> str:
        folder = FOLDERS.get(self.kind, "?")
        return statement_path(folder, self.signatory, self.seq, self.sha256)


def statement_path(folder: str, signatory: str, seq: int, sha: str) -> str:
    return f"{folder}/{signatory}/{seq:06d}-{sha[:16]}.json"


def clauses_digest(clauses: list[list[str]]) -> str:
    """One SHA-256 for a list of [clause id, sha256] pairs (what a statement binds and a text has): of their strings
    joined by NUL, which neither holds (a statement's are refused with one, an XML text cannot have one), so no two
    lists of pairs give the same bytes."""
    return canonical.sha256("\0".join(itertools.chain.from_iterable(clauses)).encode("utf-8"))


@dataclass
class Files:
    """The statement files of a listing (paths only): each statement with its signature files, and stray files."""

    statements: dict[str, dict[str, str]]  # statement path -> {suffix (".sig", ".ADMIN.sig"): signature path}
    stray: list[Problem]


def statement_files(paths: Iterable[str]) -> Files:
    """Group the files under endorsements/ and attestations/ (`reader.list_folders`) into statements and their
    signatures; files that are neither are stray problems. Nothing is read."""
    paths = set(paths)
    statements: dict[str, dict[str, str]] = {}
    used: set[str] = set()
    admin_signatures: dict[str, dict[str, str]] = {}
    for path in paths:
        match = _ADMIN_SIG.match(path) if path.startswith("attestations/") else None
        if match:
            admin_signatures.setdefault(path[: -len(match.group(1)) - 5], {})[f".{match.group(1)}.sig"] = path
    for path in sorted(paths):
        if not _PATH.match(path):
            continue
        sigs = {".sig": path + ".sig"} if path + ".sig" in paths else {}
        sigs.update(admin_signatures.get(path, {}))
        statements[path] = sigs
        used.add(path)
        used.update(sigs.values())
    problems: list[Problem] = []
    for path in sorted(paths - used):
        if path.endswith(".sig"):
            problems.append(Problem("stray-signature", path, Message("sig.stray_signature")))
        else:
            problems.append(Problem("stray-file", path, Message("sig.stray_file")))
    return Files(statements, problems)


def load_statements(files: dict[str, bytes]) -> tuple[list[Statement], list[Problem]]:
    """Every statement among `files` (path -> bytes), with its signatures, parsed; stray files as problems."""
    found = statement_files(files)
    statements = []
    for path, sigs in found.statements.items():
        statement = Statement(path, files[path], files.get(sigs[".sig"]) if ".sig" in sigs else None)
        for suffix, sig_path in sigs.items():
            if suffix != ".sig":
                statement.signatures[suffix[1:-4]] = files[sig_path]
        statement.parse()
        statements.append(statement)
    return statements, found.stray


def chain_heads(chain: list[Statement]) -> list[Statement]:
    """The statements of one chain that no other statement names as previous."""
    named = {p for s in chain for p in s.previous}
    return [s for s in chain if s.sha256 not in named]


def clause_hashes(doc: Document) -> list[list[str]]:
    return [[clause.id, clause.sha256] for clause in doc.clauses]


# checking one signature (shared by `verify` and by the commands that build on a chain) ---------------
def signature_problem(
    statement: Statement, registry: Registry, verifier: sshsig.Verifier, regime: Registry | None = None
) -> Message | None:
    """Why the signature(s) of `statement` do not hold against `registry` (a catalogue message); None when they
    hold.

    An attestation needs the threshold of `regime`, the registry in force when it was recorded (see
    `RegistryState.regime_of`). Everything that can be told from a signature's own bytes (namespace, which
    key) is checked first: a planted statement signed by an unregistered key costs no ssh-keygen run."""
    if statement.kind == ATTESTATION:
        if regime is None:
            return Message("sig.attestation.regime")
        good, reasons = attesters(statement, registry, verifier)
        if len(good) >= regime.threshold:
            return None
        if reasons:
            return Message(
                "sig.attestation.short_because", count=len(good), threshold=regime.threshold, reason=reasons[0]
            )
        return Message("sig.attestation.short", count=len(good), threshold=regime.threshold)
    day = statement.signing_day
    why, signatory, key = _signer(statement.signature, statement.signatory, registry)
    if why is not None:
        return why
    assert signatory is not None and key is not None and statement.signature is not None
    assert statement.data is not None, "a statement is read before its signature is checked"
    inactive = signatory.why_inactive(day)
    if inactive:
        return Message("sig.inactive_then", day=day.isoformat(), inactive=inactive)
    start, end = signatory.key_window(key)
    if day < start or (end is not None and day >= end):
        return Message(
            "sig.key_not_valid_then",
            day=day.isoformat(),
            fingerprint=key.fingerprint,
            id=signatory.id,
            state=key_state(key, day),
            window=window(key),
        )
    ok, _said = verifier.verify(statement.data, statement.signature, signatory.id, sshsig.NS_ENDORSEMENT, day)
    return None if ok else Message("sig.changed_after_signing")


def _signer(
    signature: bytes | None, ident: str, registry: Registry
) -> tuple[Message | None, Signatory | None, Key | None]:
    """(why an endorsement signature cannot be `ident`'s, or None; the signatory; its key that made it), told from
    the signature's own bytes and the registry alone: no cryptography yet."""
    if signature is None:
        return Message("sig.no_signature_file"), None, None
    info = sshsig.read_signature(signature)
    if info is None:
        return Message("sig.not_ssh_signature"), None, None
    if info.namespace != sshsig.NS_ENDORSEMENT:
        namespace = printable(info.namespace[:80])
        said = "sig.namespace.attestation" if info.namespace == sshsig.NS_ATTESTATION else "sig.namespace"
        return Message(said, namespace=namespace, expected=sshsig.NS_ENDORSEMENT), None, None
    signatory = registry.signatory(ident)
    if signatory is None:
        return Message("sig.signatory_unknown", id=ident), None, None
    key = signatory.key_for(info.key) if info.key else None
    if key is None:
        fingerprint = info.key.fingerprint if info.key else printable(info.key_type[:80])
        owner = registry.owner_of(info.key) if info.key else None
        if owner is not None:
            why = Message("sig.others_key", owner=owner_word(owner), fingerprint=fingerprint, id=signatory.id)
        else:
            why = Message("sig.unregistered_key", fingerprint=fingerprint, id=signatory.id)
        return why, signatory, None
    return None, signatory, key


def owner_word(owner: tuple[str, str]) -> Message:
    """("admin", id) or ("signatory", id) of `Registry.owner_of` in words: "admin ID", "signatory ID"."""
    return Message(f"sig.owner.{owner[0]}", id=owner[1])


def unread_problem(path: str, signatures: dict[str, bytes], registry: Registry) -> Message | None:
    """Why the statement at `path` is refused before it is read (issue 9 item 6), from its signature files
    (suffix -> bytes) alone: its folder names no signatory of the registry, or none of its signatures is by a
    key registered for that folder (the signatory's own, or for an attestation an admin's). A planted statement
    so costs no reading, parsing or signature check; a statement that passes is read and checked in full."""
    folder, ident = path.split("/")[:2]
    if registry.signatory(ident) is None:
        return Message("sig.not_read.folder", id=ident)
    if folder == FOLDERS[ENDORSEMENT]:
        why, signatory, key = _signer(signatures.get(".sig"), ident, registry)
        if why is None:
            return None
        owner = why.params.get("owner")
        if signatory is not None and isinstance(owner, Message) and owner.key == "sig.owner.signatory":
            return Message("sig.not_read.copied", why=why, id=ident)
        return Message("sig.not_read", why=why)
    reasons = [
        _admin_signer(suffix[1:-4], sig, registry)[0] for suffix, sig in sorted(signatures.items()) if suffix != ".sig"
    ]
    if any(w is None for w in reasons):
        return None
    first = reasons[0] if reasons and reasons[0] is not None else Message("sig.admin.no_files")
    return Message("sig.not_read.no_admin", first=first)


def _admin_signer(admin_id: str, signature: bytes, registry: Registry) -> tuple[Message | None, AdminKey | None]:
    """(why an attestation signature filed as `admin_id`'s is not that admin's, or None; the admin key), told from
    the signature's own bytes and the registry alone."""
    info = sshsig.read_signature(signature)
    admin = registry.admin(admin_id)
    if info is None:
        return Message("sig.admin.not_ssh", admin=admin_id), None
    if info.namespace != sshsig.NS_ATTESTATION:
        return Message("sig.admin.namespace", admin=admin_id, namespace=printable(info.namespace[:80])), None
    if admin is None:
        return Message("sig.admin.unknown", admin=admin_id), None
    if info.key is None or info.key.blob != admin.public.blob:
        owner = registry.owner_of(info.key) if info.key else None
        if owner is None:
            return Message("sig.admin.made_by_unregistered", admin=admin.id), None
        return Message("sig.admin.made_by", admin=admin.id, who=owner_word(owner)), None
    return None, admin


def attesters(statement: Statement, registry: Registry, verifier: sshsig.Verifier) -> tuple[list[str], list[Message]]:
    """The admin ids whose signature of an attestation holds (each key once), and why the others do not (each
    reason names its admin as the parameter `admin`, but the one saying there are no signatures at all)."""
    good: list[str] = []
    why: list[Message] = []
    day = statement.signing_day
    data = statement.data
    assert data is not None, "a statement is read before its signatures are checked"
    for admin_id, signature in sorted(statement.signatures.items()):
        problem, admin = _admin_signer(admin_id, signature, registry)
        if problem is not None or admin is None:
            why.append(problem or Message("sig.admin.unknown", admin=admin_id))
        elif not admin.valid_on(day):
            state = key_state(admin, day)
            why.append(
                Message(
                    "sig.admin.not_valid_then", day=day.isoformat(), admin=admin.id, state=state, window=window(admin)
                )
            )
        elif admin.id not in good and verifier.verify(data, signature, admin.id, sshsig.NS_ATTESTATION, day)[0]:
            good.append(admin.id)
        elif admin.id not in good:
            why.append(Message("sig.admin.changed", admin=admin.id))
    if not statement.signatures:
        why.append(Message("sig.admin.no_files"))
    return good, why


def window(key: Key) -> Message:
    """When `key` is valid, in words (" (valid from D, until D, revoked on D)"), to follow its state."""
    dates = {"start": key.start.isoformat()}
    if key.until:
        dates["until"] = key.until.isoformat()
    if key.revoked:
        dates["revoked"] = key.revoked.isoformat()
    name = "_".join(d for d in ("until", "revoked") if d in dates)
    return Message(f"sig.window.{name}" if name else "sig.window", **dates)


def key_state(key: Key, day: dt.date) -> Message:
    """`key.state_on(day)` in words: valid, not yet valid, expired or revoked."""
    return Message("trust.key_state." + key.state_on(day).replace(" ", "_"))


def verifiers(registry: Registry) -> dict[str, sshsig.Verifier]:
    return {
        ENDORSEMENT: sshsig.Verifier(registry.signatory_signers(sshsig.NS_ENDORSEMENT)),
        ATTESTATION: sshsig.Verifier(registry.admin_signers(sshsig.NS_ATTESTATION)),
    }
