"""Endorsement statements: a signatory's signed decision about one exact version of the text.

A statement is a small JSON object in canonical form (keys sorted, no insignificant
whitespace, UTF-8, Unicode NFC, one final newline), so the same statement is always the
same bytes. It binds:

    format       "akkoordvc-statement-v1"
    kind         "endorsement" (signed by the signatory) or "attestation" (recorded by an admin)
    agreement    the agreement's id
    version      the version label; commit, text_sha256 and clauses ([id, sha256] in text order)
    signatory    the registry id; decision: endorse | decline | withdraw; mandate; comment
    date         the day of the decision (for an endorsement: the day it was signed)
    seq          1, 2, ... within this signatory's chain; previous: sha256 of the statement(s) before
    registry     sha256 of the registry version in force when it was made
    (attestation only) evidence, recorded (the day the admin signed), attested_by (admin key id)

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
import json
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import AkkoordError, RepositoryError
from ..model import canonical
from ..model.dates import is_day, optional_day, parse_day
from ..model.document import Document
from ..model.ids import AGREEMENT_ID as _AGREEMENT
from ..model.ids import SIGNATORY_ID as _ID
from ..model.ids import SIGNATORY_ID_PATTERN
from ..storage.versions import TAG_PREFIX, Version, find_version, versions
from . import Problem, sshsig
from .registry import Key, Registry, RegistryError, RegistryState, Signatory

FORMAT = "akkoordvc-statement-v1"
ENDORSEMENT = "endorsement"
ATTESTATION = "attestation"
KINDS = (ENDORSEMENT, ATTESTATION)
FOLDERS = {ENDORSEMENT: "endorsements", ATTESTATION: "attestations"}
NAMESPACES = {ENDORSEMENT: sshsig.NS_ENDORSEMENT, ATTESTATION: sshsig.NS_ATTESTATION}
ENDORSE, DECLINE, WITHDRAW = "endorse", "decline", "withdraw"
DECISIONS = (ENDORSE, DECLINE, WITHDRAW)
MAX_TEXT = 2000
_PATH = re.compile(rf"^(endorsements|attestations)/({SIGNATORY_ID_PATTERN})/(\d{{6}})-([0-9a-f]{{16}})\.json$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX40 = re.compile(r"^[0-9a-f]{40}$")
_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$")

_COMMON = {
    "format": str,
    "kind": str,
    "agreement": str,
    "version": str,
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
    "registry": str,
}
_ATTESTED = {"evidence": str, "recorded": str, "attested_by": str}


class StatementError(AkkoordError):
    """A statement file that is not a well-formed statement."""


# bytes ------------------------------------------------------------------------------------------
def canonical_json(obj) -> bytes:
    """The one byte form of a statement: sorted keys, no spaces, UTF-8, final newline."""
    return (json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False) + "\n").encode(
        "utf-8"
    )


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise StatementError(f"a key occurs twice ({sorted({k for k in keys if keys.count(k) > 1})[0]!r})")
    return dict(pairs)


def _no_constant(name: str):
    raise StatementError(f"{name} is not allowed in a statement")


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


def parse_statement(data: bytes) -> dict:
    """Read a statement's bytes; raise StatementError unless it is a well-formed statement in canonical form."""
    if len(data) > 1024 * 1024:
        raise StatementError("larger than 1 MB; not a statement")
    try:
        obj = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise StatementError("not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise StatementError(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(obj, dict):
        raise StatementError("not a JSON object")
    if obj.get("format") != FORMAT:
        raise StatementError(f"format is {obj.get('format')!r}, expected {FORMAT!r}")
    expected = dict(_COMMON)
    if obj.get("kind") == ATTESTATION:
        expected.update(_ATTESTED)
    elif obj.get("kind") != ENDORSEMENT:
        raise StatementError(f"kind is {obj.get('kind')!r}, expected 'endorsement' or 'attestation'")
    missing = sorted(set(expected) - set(obj))
    extra = sorted(set(obj) - set(expected))
    if missing or extra:
        raise StatementError(
            f"fields {'missing: ' + ', '.join(missing) if missing else ''}"
            f"{'; ' if missing and extra else ''}{'unexpected: ' + ', '.join(extra) if extra else ''}"
        )
    for name, kind in expected.items():
        if not isinstance(obj[name], kind) or isinstance(obj[name], bool):
            raise StatementError(f"field {name!r} has the wrong type")
    for name, pattern in (("signatory", _ID), ("version", _LABEL), ("agreement", _AGREEMENT)) + (
        (("attested_by", _ID),) if obj["kind"] == ATTESTATION else ()
    ):
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
            raise StatementError(f"{name} {obj[name]!r} is not a date written YYYY-MM-DD")
    if not _HEX40.match(obj["commit"]) or not _HEX64.match(obj["text_sha256"]) or not _HEX64.match(obj["registry"]):
        raise StatementError("commit, text_sha256 or registry is not a hash")
    if obj["seq"] < 1:
        raise StatementError("seq must be 1 or more")
    if not all(isinstance(p, str) and _HEX64.match(p) for p in obj["previous"]) or obj["previous"] != sorted(
        set(obj["previous"])
    ):
        raise StatementError("previous must be a sorted list of distinct statement hashes")
    if not all(isinstance(c, list) and len(c) == 2 and all(isinstance(x, str) for x in c) for c in obj["clauses"]):
        raise StatementError("clauses must be a list of [id, sha256] pairs")
    if canonical_json(obj) != data:
        raise StatementError("not in canonical form (sorted keys, no spaces, NFC, one final newline)")
    return obj


# statements in a repository -------------------------------------------------------------------------
@dataclass
class Statement:
    """One statement file in the repository (with its signature), parsed when possible."""

    path: str
    data: bytes
    signature: bytes | None
    fields: dict | None = None
    error: str | None = None

    @property
    def sha256(self) -> str:
        return canonical.sha256(self.data)

    @property
    def ok(self) -> bool:
        return self.fields is not None

    def get(self, name: str, default=None):
        return self.fields.get(name, default) if self.fields else default

    @property
    def kind(self) -> str:
        return self.get("kind", "")

    @property
    def signatory(self) -> str:
        return self.get("signatory", "")

    @property
    def version(self) -> str:
        return self.get("version", "")

    @property
    def decision(self) -> str:
        return self.get("decision", "")

    @property
    def date(self) -> dt.date:
        return parse_day(self.get("date"))

    @property
    def recorded(self) -> dt.date | None:
        value = self.get("recorded")
        return optional_day(value or None)

    @property
    def seq(self) -> int:
        return self.get("seq", 0)

    @property
    def previous(self) -> list[str]:
        return list(self.get("previous", []))

    @property
    def chain(self) -> tuple[str, str]:
        return self.kind, self.signatory

    @property
    def signing_day(self) -> dt.date:
        """The day the signature claims to be made: the decision for an endorsement, the recording for an attestation."""
        return self.recorded if self.kind == ATTESTATION else self.date

    @property
    def signer(self) -> str:
        """The principal whose key must have signed: the signatory, or the admin key that attested."""
        return self.get("attested_by") if self.kind == ATTESTATION else self.signatory

    def expected_path(self) -> str:
        folder = FOLDERS.get(self.kind, "?")
        return statement_path(folder, self.signatory, self.seq, self.sha256)


def statement_path(folder: str, signatory: str, seq: int, sha: str) -> str:
    return f"{folder}/{signatory}/{seq:06d}-{sha[:16]}.json"


def load_statements(repo, commit: str) -> tuple[list[Statement], list[Problem]]:
    """Every statement in `commit`, with its signature; stray files as problems."""
    statements: list[Statement] = []
    problems: list[Problem] = []
    for folder in FOLDERS.values():
        paths = repo.list_dir(commit, folder)
        present = set(paths)
        for path in paths:
            if path.endswith(".json.sig"):
                if path[: -len(".sig")] not in present:
                    problems.append(
                        Problem("stray-signature", path, "is a signature without its statement (statement deleted?)")
                    )
                continue
            if not _PATH.match(path):
                problems.append(
                    Problem(
                        "stray-file",
                        path,
                        f"is not a statement file ({folder}/<signatory>/<seq>-<hash>.json); it is ignored",
                    )
                )
                continue
            data = repo.read(commit, path) or b""
            signature = repo.read(commit, path + ".sig") if path + ".sig" in present else None
            statement = Statement(path, data, signature)
            try:
                statement.fields = parse_statement(data)
            except StatementError as exc:
                statement.error = exc.message
            statements.append(statement)
    return statements, problems


def chain_heads(chain: list[Statement]) -> list[Statement]:
    """The statements of one chain that no other statement names as previous."""
    named = {p for s in chain for p in s.previous}
    return [s for s in chain if s.sha256 not in named]


def clause_hashes(doc: Document) -> list[list[str]]:
    return [[clause.id, clause.sha256] for clause in doc.clauses]


# checking one signature (shared by `verify` and by the commands that build on a chain) ---------------
def signature_problem(statement: Statement, registry: Registry, verifier: sshsig.Verifier) -> str | None:
    """Why the signature of `statement` does not hold against `registry`, in words; None when it holds."""
    kind = statement.kind
    namespace = NAMESPACES[kind]
    day = statement.signing_day
    if statement.signature is None:
        return "has no signature file (.json.sig); it proves nothing"
    info = sshsig.read_signature(statement.signature)
    if info is None:
        return "its .sig file is not an SSH signature"
    if kind == ENDORSEMENT:
        signatory = registry.signatory(statement.signatory)
        if signatory is None:
            return f"names signatory {statement.signatory!r}, which is not in the registry"
        principal = signatory.id
    else:
        admin = registry.admin(statement.signer or "")
        if admin is None:
            return f"names admin key {statement.signer!r} as attester, which is not in the registry"
        principal = admin.id
    ok, said = verifier.verify(statement.data, statement.signature, principal, namespace, day)
    if ok:
        return None
    if info.namespace != namespace:
        return (
            f"was signed in SSH namespace {info.namespace!r}, not {namespace!r}: a signature made for "
            "something else does not count as this statement"
        )
    owner = registry.owner_of(info.key) if info.key else None
    fingerprint = info.key.fingerprint if info.key else info.key_type
    if kind == ENDORSEMENT:
        key = signatory.key_for(info.key) if info.key else None
        if key is None:
            if owner is not None:
                return f"was signed with the key of {owner[0]} {owner[1]} ({fingerprint}), not with a key of {signatory.id}"
            return f"was signed with a key that is not registered ({fingerprint}), not with a key of {signatory.id}"
        inactive = signatory.why_inactive(day)
        if inactive:
            return f"is dated {day}, but {inactive}: it could not sign then"
        start, end = signatory.key_window(key)
        if day < start or (end is not None and day >= end):
            return f"is dated {day}, when key {fingerprint} of {signatory.id} was {key.state_on(day)}{_window(key)}"
    else:
        if info.key is None or info.key.blob != admin.public.blob:
            who = f"{owner[0]} {owner[1]}" if owner else "an unregistered key"
            return f"claims to be attested by admin key {admin.id} but was signed by {who} ({fingerprint})"
        if not admin.valid_on(day):
            return f"was recorded on {day}, when admin key {admin.id} was {admin.state_on(day)}{_window(admin)}"
    return "does not match its signature: the statement was changed after it was signed"


def _window(key: Key) -> str:
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


# making a statement ----------------------------------------------------------------------------------
@dataclass
class Created:
    statement: Statement
    commit: str
    version: Version
    signatory: Signatory
    attested_by: str | None = None
    notes: list[str] = field(default_factory=list)


def _version(workspace, ref: str) -> Version:
    label = ref[len(TAG_PREFIX) :] if ref.startswith(TAG_PREFIX) else ref
    version = find_version(workspace, label)
    if version is None:
        known = ", ".join(v.label for v in versions(workspace)) or "none yet"
        raise RepositoryError(
            f"REF {ref!r} is not a version of this agreement (versions: {known}); only a version "
            "(a frozen text, `akkoord log`) can be endorsed"
        )
    return version


def _good_chain(workspace, registry: Registry, kind: str, signatory: str) -> list[Statement]:
    """The statements of this chain whose signatures hold (a planted statement is not built upon)."""
    statements, _ = load_statements(workspace.repo, workspace.head())
    chain = [s for s in statements if s.ok and s.chain == (kind, signatory) and s.path == s.expected_path()]
    found = verifiers(registry)
    try:
        return [s for s in chain if signature_problem(s, registry, found[kind]) is None]
    finally:
        for verifier in found.values():
            verifier.close()


def latest_decision(chains: list[Statement], version: str) -> Statement | None:
    relevant = [s for s in chains if s.version == version]
    return max(relevant, key=lambda s: (s.date, s.get("recorded") or "", s.seq, s.sha256)) if relevant else None


def _statement(
    kind: str,
    *,
    doc: Document,
    version: Version,
    signatory: str,
    decision: str,
    mandate,
    comment,
    day: dt.date,
    chain: list[Statement],
    registry: Registry,
    extra: dict | None = None,
) -> tuple[dict, bytes]:
    heads = chain_heads(chain)
    fields = {
        "format": FORMAT,
        "kind": kind,
        "agreement": doc.id,
        "version": version.label,
        "commit": version.commit,
        "text_sha256": version.text_sha256,
        "clauses": clause_hashes(doc),
        "signatory": signatory,
        "decision": decision,
        "mandate": mandate,
        "comment": comment,
        "date": day.isoformat(),
        "seq": 1 + max((s.seq for s in heads), default=0),
        "previous": sorted({s.sha256 for s in heads}),
        "registry": registry.sha256,
    }
    fields.update(extra or {})
    data = canonical_json(fields)
    parse_statement(data)  # the statement we write is one we would accept
    return fields, data


def _check_decision(decision: str, own_and_attested: list[Statement], version: Version, who: str) -> None:
    if decision not in DECISIONS:
        raise AkkoordError(f"--decision {decision!r}: choose endorse, decline or withdraw")
    if decision == WITHDRAW:
        latest = latest_decision(own_and_attested, version.label)
        if latest is None or latest.decision != ENDORSE:
            raise AkkoordError(f"{who} has no standing endorsement of version {version.label} to withdraw")


def endorse(
    workspace,
    state: RegistryState,
    *,
    ref: str,
    signatory_id: str,
    key_path: str,
    decision: str = ENDORSE,
    mandate: str | None = None,
    comment: str | None = None,
    today: dt.date,
    by,
) -> Created:
    """Sign and commit `signatory_id`'s decision about version `ref`, dated `today`, with its own key."""
    registry = state.require_current()
    version = _version(workspace, ref)
    signatory = registry.require(signatory_id)
    mandate, comment = clean_text(mandate, "mandate"), clean_text(comment, "comment")
    inactive = signatory.why_inactive(today)
    if inactive:
        raise RegistryError(f"{inactive}; it cannot endorse on {today}")
    if not signatory.keys:
        raise RegistryError(
            f"{signatory.id} has no registered key; an admin adds one with `akkoord signatory add-key {signatory.id} "
            "--pubkey FILE --key ADMIN_KEY` (a decision made on paper is recorded with `akkoord attest`)"
        )
    if version.date and version.date > today.isoformat():
        raise AkkoordError(f"version {version.label} is dated {version.date}, after today ({today})")
    info = sshsig.inspect_key_file(key_path)
    if info.public is not None:
        _check_own_key(registry, signatory, info.public, today, key_path)
    chain = _good_chain(workspace, registry, ENDORSEMENT, signatory.id)
    attested = _good_chain(workspace, registry, ATTESTATION, signatory.id)
    _check_decision(decision, chain + attested, version, signatory.id)
    doc = Document.from_bytes(workspace.text_at(version.commit), f"version {version.label}")
    fields, data = _statement(
        ENDORSEMENT,
        doc=doc,
        version=version,
        signatory=signatory.id,
        decision=decision,
        mandate=mandate,
        comment=comment,
        day=today,
        chain=chain,
        registry=registry,
    )
    signature = sshsig.sign(data, key_path, sshsig.NS_ENDORSEMENT)
    statement = Statement("", data, signature, fields)
    statement.path = statement.expected_path()
    with sshsig.Verifier(registry.signatory_signers(sshsig.NS_ENDORSEMENT)) as verifier:
        why = signature_problem(statement, registry, verifier)
    if why is not None:
        raise RegistryError(
            f"--key {key_path}: the new statement {why.replace('was signed', 'would be signed')}; nothing was written"
        )
    message = (
        f"{decision.capitalize()} version {version.label}: {signatory.name}\n\n"
        f"Akkoord-Statement: {statement.path}\nAkkoord-Text-Sha256: {version.text_sha256}"
    )
    commit = workspace.commit({statement.path: data, statement.path + ".sig": signature}, message, "endorsement", by)
    return Created(statement, commit, version, signatory)


def _check_own_key(registry: Registry, signatory: Signatory, public, day: dt.date, key_path: str) -> None:
    key = signatory.key_for(public)
    if key is None:
        owner = registry.owner_of(public)
        whose = f"it is the key of {owner[0]} {owner[1]}" if owner else "it is not in the registry"
        raise RegistryError(
            f"--key {key_path} ({public.fingerprint}) is not a registered key of {signatory.id}: {whose}; "
            f"see `akkoord signatory show {signatory.id}`"
        )
    start, end = signatory.key_window(key)
    if day < start or (end is not None and day >= end):
        raise RegistryError(
            f"--key {key_path}: key {key.fingerprint} of {signatory.id} is {key.state_on(day)} on {day}{_window(key)}"
        )


def attest(
    workspace,
    state: RegistryState,
    *,
    ref: str,
    signatory_id: str,
    key_path: str,
    date: dt.date,
    evidence: str,
    decision: str = ENDORSE,
    mandate: str | None = None,
    comment: str | None = None,
    today: dt.date,
    by,
) -> Created:
    """Record, signed by an admin key, a decision `signatory_id` made outside the repository (e.g. on paper)."""
    registry = state.require_current()
    version = _version(workspace, ref)
    signatory = registry.require(signatory_id)
    evidence = clean_text(evidence, "evidence")
    if not evidence:
        raise AkkoordError(
            "--evidence is required: say where the decision is documented (e.g. a signed paper, a collegebesluit)"
        )
    mandate, comment = clean_text(mandate, "mandate"), clean_text(comment, "comment")
    if date > today:
        raise AkkoordError(f"--date {date} is in the future; an attestation records a decision already made")
    if version.date and date.isoformat() < version.date:
        raise AkkoordError(f"--date {date} is before version {version.label} existed ({version.date})")
    inactive = signatory.why_inactive(date)
    if inactive:
        raise RegistryError(f"{inactive}; it cannot have decided on {date}")
    info = sshsig.inspect_key_file(key_path)
    if info.public is None:
        raise AkkoordError(f"--key {key_path}: cannot tell which admin key this is; put its .pub file beside it")
    admin = registry.admin_for(info.public)
    if admin is None:
        owner = registry.owner_of(info.public)
        whose = f"the key of {owner[0]} {owner[1]}" if owner else "not in the registry"
        raise RegistryError(
            f"--key {key_path} ({info.public.fingerprint}) is not an admin key ({whose}); attestations are recorded "
            "by the registry admins"
        )
    if not admin.valid_on(today):
        raise RegistryError(
            f"--key {key_path}: admin key {admin.id} is {admin.state_on(today)} on {today}{_window(admin)}"
        )
    chain = _good_chain(workspace, registry, ATTESTATION, signatory.id)
    own = _good_chain(workspace, registry, ENDORSEMENT, signatory.id)
    _check_decision(decision, chain + own, version, signatory.id)
    doc = Document.from_bytes(workspace.text_at(version.commit), f"version {version.label}")
    fields, data = _statement(
        ATTESTATION,
        doc=doc,
        version=version,
        signatory=signatory.id,
        decision=decision,
        mandate=mandate,
        comment=comment,
        day=date,
        chain=chain,
        registry=registry,
        extra={"evidence": evidence, "recorded": today.isoformat(), "attested_by": admin.id},
    )
    signature = sshsig.sign(data, key_path, sshsig.NS_ATTESTATION)
    statement = Statement("", data, signature, fields)
    statement.path = statement.expected_path()
    with sshsig.Verifier(registry.admin_signers(sshsig.NS_ATTESTATION)) as verifier:
        why = signature_problem(statement, registry, verifier)
    if why is not None:
        raise RegistryError(f"--key {key_path}: the new attestation {why}; nothing was written")
    message = (
        f"Attest {decision} of version {version.label} by {signatory.name} ({date})\n\n"
        f"Akkoord-Statement: {statement.path}\nAkkoord-Attested-By: {admin.id}"
    )
    commit = workspace.commit({statement.path: data, statement.path + ".sig": signature}, message, "attestation", by)
    return Created(statement, commit, version, signatory, attested_by=admin.id)
