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
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..errors import AkkoordError
from ..model import canonical
from ..model.dates import is_day, optional_day, parse_day
from ..model.document import Document
from ..model.ids import AGREEMENT_ID as _AGREEMENT
from ..model.ids import SIGNATORY_ID as _ID
from ..model.ids import SIGNATORY_ID_PATTERN
from . import Problem, printable, sshsig
from .jsonfile import JSONFileError, check_fields, load_object
from .model import Key, Registry

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
        raise AkkoordError(f"--{what} is {len(text)} characters; at most {MAX_TEXT} fit in a statement")
    if any(unicodedata.category(c) == "Cc" and c != "\n" for c in text):
        raise AkkoordError(f"--{what} contains control characters; use plain text")
    return text


def parse_statement(data: bytes) -> dict[str, Any]:
    """Read a statement's bytes; raise StatementError unless it is a well-formed statement in canonical form."""
    try:
        obj = load_object(data, FORMAT)
        if obj.get("kind") not in KINDS:
            raise StatementError(f"kind is {str(obj.get('kind'))[:40]!r}, expected 'endorsement' or 'attestation'")
        check_fields(obj, {**_COMMON, **(_ATTESTED if obj["kind"] == ATTESTATION else {})})
    except JSONFileError as exc:
        raise StatementError(exc.message) from None
    for name, pattern in (("signatory", _ID), ("version", _LABEL), ("agreement", _AGREEMENT)):
        if not pattern.match(obj[name]):
            raise StatementError(f"{name} {obj[name]!r} is not a valid identifier")
    for name in ("mandate", "comment", "evidence"):
        value = obj.get(name)
        if isinstance(value, str) and (
            len(value) > MAX_TEXT or any(unicodedata.category(c) == "Cc" and c != "\n" for c in value)
        ):
            raise StatementError(f"{name} is too long or contains control characters")
    if obj["decision"] not in DECISIONS:
        raise StatementError(f"decision {obj['decision']!r} is not one of {', '.join(DECISIONS)}")
    for name in ("date",) + (("recorded",) if obj["kind"] == ATTESTATION else ()):
        if not is_day(obj[name]):
            raise StatementError(f"{name} {printable(obj[name][:20])!r} is not a date written YYYY-MM-DD")
    if not _HEX40.match(obj["commit"]) or not all(_HEX64.match(obj[n]) for n in ("text_sha256", "version_record")):
        raise StatementError("commit, text_sha256 or version_record is not a hash")
    registry = obj["registry"]
    if (
        not registry
        or not all(isinstance(r, str) and _HEX64.match(r) for r in registry)
        or registry != sorted(set(registry))
    ):
        raise StatementError("registry must be a sorted list of distinct record hashes")
    if obj["seq"] < 1:
        raise StatementError("seq must be 1 or more")
    if not all(isinstance(p, str) and _HEX64.match(p) for p in obj["previous"]) or obj["previous"] != sorted(
        set(obj["previous"])
    ):
        raise StatementError("previous must be a sorted list of distinct statement hashes")
    if not all(isinstance(c, list) and len(c) == 2 and all(isinstance(x, str) for x in c) for c in obj["clauses"]):
        raise StatementError("clauses must be a list of [id, sha256] pairs")
    return obj


# statements in a repository -------------------------------------------------------------------------
@dataclass
class Statement:
    """One statement file in the repository (with its signature), parsed when possible."""

    path: str
    data: bytes
    signature: bytes | None
    fields: dict[str, Any] | None = None
    error: str | None = None
    signatures: dict[str, bytes] = field(default_factory=dict)  # an attestation's: admin id -> signature

    @property
    def sha256(self) -> str:
        return canonical.sha256(self.data)

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

    @property
    def date(self) -> dt.date:
        return parse_day(self.get("date"))

    @property
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


def load_statements(files: dict[str, bytes]) -> tuple[list[Statement], list[Problem]]:
    """Every statement among `files` (read by `reader.read_folders`), with its signatures; stray files as problems."""
    statements: list[Statement] = []
    problems: list[Problem] = []
    used: set[str] = set()
    admin_signatures: dict[str, dict[str, bytes]] = {}
    for path in files:
        match = _ADMIN_SIG.match(path)
        if match:
            admin_signatures.setdefault(path[: -len(match.group(1)) - 5], {})[match.group(1)] = files[path]
    for path in sorted(files):
        if not _PATH.match(path):
            continue
        statement = Statement(path, files[path], files.get(path + ".sig"))
        used.add(path)
        if statement.signature is not None:
            used.add(path + ".sig")
        for admin, signature in admin_signatures.get(path, {}).items():
            statement.signatures[admin] = signature
            used.add(f"{path}.{admin}.sig")
        try:
            statement.fields = parse_statement(statement.data)
        except StatementError as exc:
            statement.error = exc.message
        statements.append(statement)
    for path in sorted(set(files) - used):
        if path.endswith(".sig"):
            problems.append(
                Problem("stray-signature", path, "is a signature without its statement (statement deleted?)")
            )
        else:
            problems.append(
                Problem(
                    "stray-file",
                    path,
                    "is not a statement file (<folder>/<signatory>/<seq>-<hash>.json); it is ignored",
                )
            )
    return statements, problems


def chain_heads(chain: list[Statement]) -> list[Statement]:
    """The statements of one chain that no other statement names as previous."""
    named = {p for s in chain for p in s.previous}
    return [s for s in chain if s.sha256 not in named]


def clause_hashes(doc: Document) -> list[list[str]]:
    return [[clause.id, clause.sha256] for clause in doc.clauses]


# checking one signature (shared by `verify` and by the commands that build on a chain) ---------------
def signature_problem(
    statement: Statement, registry: Registry, verifier: sshsig.Verifier, regime: Registry | None = None
) -> str | None:
    """Why the signature(s) of `statement` do not hold against `registry`, in words; None when they hold.

    An attestation needs the threshold of `regime`, the registry in force when it was recorded (see
    `RegistryState.regime_of`). Everything that can be told from a signature's own bytes (namespace, which
    key) is checked first: a planted statement signed by an unregistered key costs no ssh-keygen run."""
    if statement.kind == ATTESTATION:
        if regime is None:
            return (
                "names a registry that was not the one in force when it was recorded (a change of the admins or "
                "the threshold is missing from it); an attestation needs the admins in force then"
            )
        good, why = attesters(statement, registry, verifier)
        if len(good) >= regime.threshold:
            return None
        said = f"is signed by {len(good)} of the {regime.threshold} admin keys an attestation needs"
        return f"{said}: {why[0]}" if why else said
    day = statement.signing_day
    if statement.signature is None:
        return "has no signature file (.json.sig); it proves nothing"
    info = sshsig.read_signature(statement.signature)
    if info is None:
        return "its .sig file is not an SSH signature"
    if info.namespace != sshsig.NS_ENDORSEMENT:
        return (
            f"was signed in SSH namespace {printable(info.namespace[:80])!r}, not {sshsig.NS_ENDORSEMENT!r}: a signature "
            "made for something else does not count as this statement"
        )
    signatory = registry.signatory(statement.signatory)
    if signatory is None:
        return f"names signatory {statement.signatory!r}, which is not in the registry"
    key = signatory.key_for(info.key) if info.key else None
    fingerprint = info.key.fingerprint if info.key else printable(info.key_type[:80])
    if key is None:
        owner = registry.owner_of(info.key) if info.key else None
        if owner is not None:
            return f"was signed with the key of {owner[0]} {owner[1]} ({fingerprint}), not with a key of {signatory.id}"
        return f"was signed with a key that is not registered ({fingerprint}), not with a key of {signatory.id}"
    inactive = signatory.why_inactive(day)
    if inactive:
        return f"is dated {day}, but {inactive}: it could not sign then"
    start, end = signatory.key_window(key)
    if day < start or (end is not None and day >= end):
        return f"is dated {day}, when key {fingerprint} of {signatory.id} was {key.state_on(day)}{window(key)}"
    ok, _said = verifier.verify(statement.data, statement.signature, signatory.id, sshsig.NS_ENDORSEMENT, day)
    return None if ok else "does not match its signature: the statement was changed after it was signed"


def attesters(statement: Statement, registry: Registry, verifier: sshsig.Verifier) -> tuple[list[str], list[str]]:
    """The admin ids whose signature of an attestation holds (each key once), and why the others do not."""
    good: list[str] = []
    why: list[str] = []
    day = statement.signing_day
    for admin_id, signature in sorted(statement.signatures.items()):
        info = sshsig.read_signature(signature)
        admin = registry.admin(admin_id)
        if info is None:
            why.append(f"the signature of {admin_id} is not an SSH signature")
        elif info.namespace != sshsig.NS_ATTESTATION:
            why.append(f"the signature of {admin_id} was made in SSH namespace {printable(info.namespace[:80])!r}")
        elif admin is None:
            why.append(f"{admin_id} is not an admin key of the registry")
        elif info.key is None or info.key.blob != admin.public.blob:
            owner = registry.owner_of(info.key) if info.key else None
            who = f"{owner[0]} {owner[1]}" if owner else "an unregistered key"
            why.append(f"the signature filed as admin key {admin.id} was made by {who}")
        elif not admin.valid_on(day):
            why.append(f"it was recorded on {day}, when admin key {admin.id} was {admin.state_on(day)}{window(admin)}")
        elif (
            admin.id not in good and verifier.verify(statement.data, signature, admin.id, sshsig.NS_ATTESTATION, day)[0]
        ):
            good.append(admin.id)
        elif admin.id not in good:
            why.append(f"the signature of {admin.id} does not match: the attestation was changed after it was signed")
    if not statement.signatures:
        why.append("it has no admin signature files (.json.ADMIN.sig)")
    return good, why


def window(key: Key) -> str:
    parts = [f"valid from {key.start}"]
    if key.until:
        parts.append(f"until {key.until}")
    if key.revoked:
        parts.append(f"revoked on {key.revoked}")
    return " (" + ", ".join(parts) + ")"


def verifiers(registry: Registry) -> dict[str, sshsig.Verifier]:
    return {
        ENDORSEMENT: sshsig.Verifier(registry.signatory_signers(sshsig.NS_ENDORSEMENT)),
        ATTESTATION: sshsig.Verifier(registry.admin_signers(sshsig.NS_ATTESTATION)),
    }
