"""Making statements: `endorse` (a signatory signs its own decision) and `attest` (admins record one made on paper).

Both read only the chain they extend, refuse what `verify` would reject (a key not registered
for the signatory, a college outside its term, a withdrawal of nothing), and commit the
statement with its signature(s) in one commit. The format is in `trust.statements`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import AkkoordError, RepositoryError
from ..messages import Message, has, text
from ..model.document import Document
from ..storage.gitrepo import Identity
from ..storage.versions import TAG_PREFIX, Version
from ..storage.workspace import Workspace
from . import sshsig
from .jsonfile import canonical_json
from .model import Registry, RegistryError, Signatory
from .registry import RegistryState, key_first_seen, own_key_since
from .statements import (
    ATTESTATION,
    DECISIONS,
    ENDORSE,
    ENDORSEMENT,
    FOLDERS,
    FORMAT,
    WITHDRAW,
    Statement,
    attesters,
    chain_heads,
    clause_hashes,
    clean_text,
    key_state,
    load_statements,
    owner_word,
    parse_statement,
    signature_problem,
    window,
)

if TYPE_CHECKING:
    from ..storage.workspace import Workspace


# making a statement ----------------------------------------------------------------------------------
@dataclass
class Created:
    statement: Statement
    commit: str
    version: Version
    signatory: Signatory
    signed_by: list[str] = field(default_factory=list)
    threshold: int = 1


def _version(workspace: Workspace, state: RegistryState, ref: str) -> Version:
    """The signed version REF names (only a version, a frozen text with its admin-signed record, is endorsed)."""
    from .versions import chain, find, version_of

    label = ref[len(TAG_PREFIX) :] if ref.startswith(TAG_PREFIX) else ref
    record = find(state, label)
    if record is None:
        known = ", ".join(r.get("label") for r in chain(state)[0]) or Message("trust.none_yet")
        raise RepositoryError.keyed("trust.not_a_signed_version", ref=ref, known=known)
    return version_of(record)


def _good_chains(workspace: Workspace, state: RegistryState, signatory: str) -> tuple[list[Statement], list[Statement]]:
    """(its own statements, its attestations): the statements of `signatory`'s two chains whose signatures hold
    (a planted statement is not built upon). Only the signatory's own two folders are read, in one pass and
    through the verdict cache (`trust.loading`)."""
    from .cache import Cache
    from .loading import load
    from .reader import list_folders

    state.require_current()
    folders = (f"{FOLDERS[ENDORSEMENT]}/{signatory}", f"{FOLDERS[ATTESTATION]}/{signatory}")
    cache = Cache.of(workspace.repo)
    loaded = load(list_folders(workspace.repo, workspace.head(), list(folders)), state, cache, folders)
    cache.save()
    good = [
        s for s in loaded.statements if s.ok and s.path == s.expected_path() and loaded.verdicts[s.path].why is None
    ]
    return [s for s in good if s.chain == (ENDORSEMENT, signatory)], [
        s for s in good if s.chain == (ATTESTATION, signatory)
    ]


def latest_decision(own: list[Statement], attested: list[Statement], version: str) -> Statement | None:
    """The standing decision about `version`: the signatory's own latest statement (by sequence) whenever it made
    one; an attestation only when it signed none."""
    for chain in (own, attested):
        relevant = [s for s in chain if s.version == version]
        if relevant:
            return max(relevant, key=lambda s: (s.seq, s.sha256))
    return None


def _statement(
    kind: str,
    *,
    doc: Document,
    version: Version,
    signatory: str,
    decision: str,
    mandate: str | None,
    comment: str | None,
    day: dt.date,
    chain: list[Statement],
    registry: Registry,
    registry_heads: list[str],
    extra: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], bytes]:
    heads = chain_heads(chain)
    fields = {
        "format": FORMAT,
        "kind": kind,
        "agreement": doc.id,
        "version": version.label,
        "version_record": version.record,
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
        "registry": sorted(registry_heads),
    }
    fields.update(extra or {})
    data = canonical_json(fields)
    parse_statement(data)  # the statement we write is one we would accept
    return fields, data


def _check_decision(decision: str, own: list[Statement], attested: list[Statement], version: Version, who: str) -> None:
    if decision not in DECISIONS:
        raise AkkoordError.keyed("sig.decision_choice", decision=decision)
    if decision == WITHDRAW:
        latest = latest_decision(own, attested, version.label)
        if latest is None or latest.decision != ENDORSE:
            raise AkkoordError.keyed("sig.nothing_to_withdraw", who=who, label=version.label)


def endorse(
    workspace: Workspace,
    state: RegistryState,
    *,
    ref: str,
    signatory_id: str,
    key_path: str,
    decision: str = ENDORSE,
    mandate: str | None = None,
    comment: str | None = None,
    today: dt.date,
    by: Identity,
    confirm: Callable[[], None] | None = None,
    store: bool = True,
) -> Created:
    """Sign and commit `signatory_id`'s decision about version `ref`, dated `today`, with its own key (with
    `store` False: sign only, for the signatory to send the statement to someone who can commit it).
    `confirm` runs once every check has passed, just before signing (it raises to stop)."""
    registry = state.require_current()
    version = _version(workspace, state, ref)
    signatory = registry.require(signatory_id)
    mandate, comment = clean_text(mandate, "mandate"), clean_text(comment, "comment")
    inactive = signatory.why_inactive(today)
    if inactive:
        raise RegistryError.keyed("sig.cannot_endorse_on", inactive=inactive, day=today)
    if not signatory.keys:
        raise RegistryError.keyed("sig.no_key_yet", id=signatory.id)
    if version.date and version.date > today.isoformat():
        raise AkkoordError.keyed("sig.version_after_today", label=version.label, date=version.date, today=today)
    info = sshsig.inspect_key_file(key_path)
    if info.public is not None:
        _check_own_key(registry, signatory, info.public, today, key_path)
    chain, attested = _good_chains(workspace, state, signatory.id)
    _check_decision(decision, chain, attested, version, signatory.id)
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
        registry_heads=[h.sha for h in state.heads],
    )
    if confirm is not None:
        confirm()
    signature = sshsig.sign(data, key_path, sshsig.NS_ENDORSEMENT)
    statement = Statement("", data, signature, fields)
    statement.path = statement.expected_path()
    with sshsig.Verifier(registry.signatory_signers(sshsig.NS_ENDORSEMENT)) as verifier:
        why = signature_problem(statement, registry, verifier, registry)
    if why is not None:
        raise RegistryError.keyed("sig.new_statement_bad", path=key_path, why=_would(why))
    if not store:
        return Created(statement, "", version, signatory)
    message = commit_message(statement, signatory.name, workspace.text_language())
    commit = workspace.commit({statement.path: data, statement.path + ".sig": signature}, message, "endorsement", by)
    return Created(statement, commit, version, signatory)


def _would(why: Message) -> Message:
    """Why a statement's signature does not hold, said of a statement about to be signed ("would be signed with")."""
    future = "sig.new." + why.key.removeprefix("sig.")
    return Message(future, **why.params) if has(future) else why


def commit_message(statement: Statement, name: str, lang: str) -> str:
    """The message of the commit that records a signatory's statement, in `lang` (the agreement's language)."""
    subject = text(f"commit.statement.{statement.decision}", lang, version=statement.version, name=name)
    return f"{subject}\n\nAkkoord-Statement: {statement.path}\nAkkoord-Text-Sha256: {statement.get('text_sha256')}"


def decision_word(decision: str) -> Message:
    """A statement's decision (endorse, decline, withdraw) as a verb in the language of the moment."""
    return Message(f"trust.decision.{decision}")


def _check_own_key(
    registry: Registry, signatory: Signatory, public: sshsig.PublicKey, day: dt.date, key_path: str
) -> None:
    key = signatory.key_for(public)
    if key is None:
        owner = registry.owner_of(public)
        shown = {"path": key_path, "fingerprint": public.fingerprint, "id": signatory.id}
        if owner is not None:
            raise RegistryError.keyed("sig.key_of_other", **shown, owner=owner_word(owner))
        raise RegistryError.keyed("sig.key_not_registered", **shown)
    start, end = signatory.key_window(key)
    if day < start or (end is not None and day >= end):
        raise RegistryError.keyed(
            "sig.key_not_valid_on",
            path=key_path,
            fingerprint=key.fingerprint,
            id=signatory.id,
            state=key_state(key, day),
            day=day,
            window=window(key),
        )


def attest(
    workspace: Workspace,
    state: RegistryState,
    *,
    ref: str,
    signatory_id: str,
    key_paths: list[str],
    date: dt.date,
    evidence: str,
    decision: str = ENDORSE,
    mandate: str | None = None,
    comment: str | None = None,
    today: dt.date,
    by: Identity,
) -> Created:
    """Record, signed by admin keys (the threshold counts), a decision `signatory_id` made outside the repository
    (e.g. on paper) on `date`, a day before it had a key of its own in the registry."""
    registry = state.require_current()
    version = _version(workspace, state, ref)
    signatory = registry.require(signatory_id)
    documented = clean_text(evidence, "evidence")
    if not documented:
        raise AkkoordError.keyed("sig.evidence_required")
    mandate, comment = clean_text(mandate, "mandate"), clean_text(comment, "comment")
    if date > today:
        raise AkkoordError.keyed("sig.attest_future", date=date)
    if version.date and date.isoformat() < version.date:
        raise AkkoordError.keyed("sig.attest_before_version", date=date, label=version.label, since=version.date)
    inactive = signatory.why_inactive(date)
    if inactive:
        raise RegistryError.keyed("sig.could_not_decide", inactive=inactive, date=date)
    own_key = own_key_since(signatory, key_first_seen(state))
    if own_key is not None and date >= own_key:
        raise RegistryError.keyed("sig.has_own_key", id=signatory.id, since=own_key, date=date)
    own, chain = _good_chains(workspace, state, signatory.id)
    _check_decision(decision, own, chain, version, signatory.id)
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
        registry_heads=[h.sha for h in state.heads],
        extra={"evidence": documented, "recorded": today.isoformat()},
    )
    statement = Statement("", data, None, fields)
    statement.path = statement.expected_path()
    with sshsig.Verifier(registry.admin_signers(sshsig.NS_ATTESTATION)) as verifier:
        for key_path in key_paths:
            signature = sshsig.sign(data, key_path, sshsig.NS_ATTESTATION)
            info = sshsig.read_signature(signature)
            admin = registry.admin_for(info.key) if info and info.key else None
            if admin is None:
                raise RegistryError.keyed("sig.not_admin_key", path=key_path)
            if admin.id in statement.signatures:
                raise RegistryError.keyed("sig.admin_signs_already", path=key_path, admin=admin.id)
            statement.signatures[admin.id] = signature
            good, why = attesters(statement, registry, verifier)
            if admin.id not in good:
                raise RegistryError.keyed("sig.key_said", path=key_path, why=why[-1])
    files: dict[str, bytes | None] = {statement.path: data}
    files.update({f"{statement.path}.{admin}.sig": sig for admin, sig in statement.signatures.items()})
    signed = sorted(statement.signatures)
    subject = Message(
        "commit.attest", decision=decision_word(decision), label=version.label, name=signatory.name, date=date
    )
    message = (
        f"{workspace.in_text_language(subject)}\n\n"
        f"Akkoord-Statement: {statement.path}\nAkkoord-Attested-By: {' '.join(signed)}"
    )
    commit = workspace.commit(files, message, "attestation", by)
    return Created(statement, commit, version, signatory, signed_by=signed, threshold=registry.threshold)


# cosigning an attestation ----------------------------------------------------------------------------
@dataclass
class Awaiting:
    """An attestation signed by fewer admin keys than the registry it was recorded under requires."""

    statement: Statement
    signed_by: list[str]
    threshold: int


def awaiting_attestations(workspace: Workspace, state: RegistryState) -> list[Awaiting]:
    """The attestations that another admin's signature would make count (those short only of signatures)."""
    from .reader import read_folders

    registry = state.require_current()
    files = read_folders(workspace.repo, workspace.head(), [FOLDERS[ATTESTATION]])
    statements, _ = load_statements(files.data)
    found: list[Awaiting] = []
    with sshsig.Verifier(registry.admin_signers(sshsig.NS_ATTESTATION)) as verifier:
        for s in statements:
            if not s.ok or s.kind != ATTESTATION or s.path != s.expected_path():
                continue
            regime = state.regime_of(s.get("registry"), s.signing_day)
            good = attesters(s, registry, verifier)[0] if regime is not None else []
            if regime is not None and 0 < len(good) < regime.threshold:
                found.append(Awaiting(s, good, regime.threshold))
    return found


def cosign_attestation(workspace: Workspace, state: RegistryState, path: str, key_path: str, by: Identity) -> Created:
    """Add an admin signature to the attestation at `path` that awaits more (the threshold counts distinct keys)."""
    waiting = {a.statement.path: a for a in awaiting_attestations(workspace, state)}
    if path not in waiting:
        listed = ", ".join(sorted(waiting)) or Message("sig.none")
        raise RegistryError.keyed("sig.not_awaiting", path=path, listed=listed)
    pending = waiting[path]
    statement, registry = pending.statement, state.require_current()
    if statement.data is None:
        raise RegistryError.keyed("sig.attestation_unreadable", path=path)
    signature = sshsig.sign(statement.data, key_path, sshsig.NS_ATTESTATION)
    info = sshsig.read_signature(signature)
    admin = registry.admin_for(info.key) if info and info.key else None
    if admin is None:
        raise RegistryError.keyed("sig.not_admin_key", path=key_path)
    if admin.id in pending.signed_by:
        raise RegistryError.keyed("sig.admin_signed_already", path=key_path, admin=admin.id, attestation=path)
    statement.signatures[admin.id] = signature
    with sshsig.Verifier(registry.admin_signers(sshsig.NS_ATTESTATION)) as verifier:
        good, why = attesters(statement, registry, verifier)
    if admin.id not in good:
        said = next((w for w in why if w.params.get("admin") == admin.id), Message("sig.signature_does_not_verify"))
        raise RegistryError.keyed("sig.key_said", path=key_path, why=said)
    subject = Message(
        "commit.attest_cosign",
        decision=decision_word(statement.decision),
        label=statement.version,
        name=statement.signatory,
    )
    message = f"{workspace.in_text_language(subject)}\n\nAkkoord-Statement: {path}\nAkkoord-Attested-By: {admin.id}"
    commit = workspace.commit({f"{path}.{admin.id}.sig": signature}, message, "attestation", by)
    version = _version(workspace, state, statement.version)
    who = registry.require(statement.signatory)
    return Created(statement, commit, version, who, signed_by=good, threshold=pending.threshold)
