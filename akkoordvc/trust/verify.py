"""Check everything a signatory must not take on trust; return what is wrong as data.

`verify(workspace)` checks, in the current commit and its history:

1. the registry: replayed from its first version (the trust anchor), every change signed by
   enough admin keys of the version before it (`registry.load_state`);
2. append-only: no statement, signature or registry signature file that was ever committed
   has since been changed or deleted (git history, merges included);
3. every statement: well-formed and canonical, stored at the path its content determines,
   signed (`ssh-keygen -Y verify`) in its namespace by a key the registry gives that
   signatory (or, for an attestation, an admin key) on the day it claims, within the key's
   window and the signatory's term; naming a registry version that was signed;
4. the text: the endorsed version still exists, its tag still points to the endorsed commit,
   and the text there still has the endorsed text_sha256 and clause hashes;
5. every signatory's chain: `seq` and `previous` intact (a statement deleted from the middle
   breaks it); a fork (two statements made in parallel) is a notice, not a failure.

A key revoked or a signatory retired *after* a statement was made leaves that statement valid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import AkkoordError
from ..model import canonical
from ..model.dates import today as _today
from ..model.document import Document
from ..storage.gitrepo import Repository
from ..storage.versions import Version
from ..storage.workspace import Workspace
from . import Problem, sshsig
from .model import Registry
from .reader import read_folders
from .records import FOLDER as RECORDS
from .records import split_files
from .registry import RegistryState, key_first_seen, own_key_since, replay
from .statements import (
    ATTESTATION,
    ENDORSEMENT,
    FOLDERS,
    Statement,
    attesters,
    chain_heads,
    clause_hashes,
    load_statements,
    signature_problem,
    verifiers,
)
from .versions import signed_versions

APPEND_ONLY = (*FOLDERS.values(), RECORDS)


@dataclass
class Checked:
    statement: Statement
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attested_by: list[str] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return not self.problems and self.statement.ok

    def as_dict(self) -> dict[str, Any]:
        s = self.statement
        data = {
            "path": s.path,
            "sha256": s.sha256,
            "kind": s.kind or None,
            "signatory": s.signatory or None,
            "version": s.version or None,
            "decision": s.decision or None,
            "date": s.get("date"),
            "seq": s.get("seq"),
            "attested": s.kind == ATTESTATION,
            "verified": self.verified,
            "notes": self.notes,
        }
        if s.kind == ATTESTATION:
            data.update({"attested_by": self.attested_by, "recorded": s.get("recorded"), "evidence": s.get("evidence")})
        return data


@dataclass
class Report:
    head: str
    registry: RegistryState
    statements: list[Checked]
    problems: list[Problem]
    notices: list[str]
    versions: list[Version] = field(default_factory=list)  # oldest first; the last is current
    missing_tags: list[Version] = field(default_factory=list)  # signed versions whose tag is missing

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        reg = self.registry
        return {
            "ok": self.ok,
            "problems": [p.as_dict() for p in self.problems],
            "notices": self.notices,
            "commit": self.head,
            "trust_anchor": f"sha256:{reg.anchor}" if reg.anchor else None,
            "registry": {
                "serial": reg.current.serial if reg.current else None,
                "heads": [h.sha for h in reg.heads],
                "signed_changes": reg.changes,
            },
            "statements": [c.as_dict() for c in self.statements],
        }


def append_only_problems(repo: Repository, head: str) -> list[Problem]:
    """Files under the append-only folders that a commit in the history changed or deleted."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for commit, status, path in repo.files_rewritten(head, list(APPEND_ONLY)):
        if (status, path) in seen:
            continue
        seen.add((status, path))
        if status.startswith("D"):
            problems.append(
                Problem(
                    "file-deleted",
                    path,
                    f"was deleted in commit {commit[:12]}; statements and signatures are never deleted",
                )
            )
        else:
            problems.append(
                Problem(
                    "file-changed",
                    path,
                    f"was changed in commit {commit[:12]} after it was committed; statements and "
                    "signatures are never rewritten",
                )
            )
    return problems


class _Texts:
    """The agreement text of a commit, parsed once."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace
        self._docs: dict[str, tuple[bytes, Document] | None] = {}
        self._clauses: dict[str, list[list[str]]] = {}

    def clauses(self, commit: str) -> list[list[str]]:
        if commit not in self._clauses:
            text = self.get(commit)
            self._clauses[commit] = clause_hashes(text[1]) if text else []
        return self._clauses[commit]

    def get(self, commit: str) -> tuple[bytes, Document] | None:
        if commit not in self._docs:
            try:
                if self.workspace.repo.resolve(commit) != commit:
                    raise AkkoordError("no such commit")
                data = self.workspace.text_at(commit)
                self._docs[commit] = (data, Document.from_bytes(data, f"akkoord.xml at {commit[:12]}"))
            except AkkoordError:
                self._docs[commit] = None
        return self._docs[commit]


def _check_text(s: Statement, by_label: dict[str, Version], texts: _Texts) -> list[str]:
    """Whether the endorsed text is still what the repository has for that version."""
    found: list[str] = []
    version = by_label.get(s.version)
    if version is None:
        found.append(f"endorses version {s.version}, which is not a signed version of this repository")
    else:
        if version.record and version.record != s.get("version_record"):
            found.append(
                f"names version record {s.get('version_record')[:12]}, but the signed record of version {s.version} "
                f"is {version.record[:12]}"
            )
        if version.commit != s.get("commit"):
            found.append(
                f"endorses version {s.version} at commit {s.get('commit')[:12]}, but version {s.version} is commit "
                f"{version.commit[:12]}: the version was moved after it was endorsed"
            )
        if version.text_sha256 != s.get("text_sha256"):
            found.append(
                f"endorses the text with sha256 {s.get('text_sha256')[:16]}…, but version {s.version} in this "
                f"repository has sha256 {version.text_sha256[:16]}…: the text is not the one that was endorsed"
            )
        if s.get("date") < (version.date or ""):
            found.append(f"is dated {s.get('date')}, before version {s.version} existed ({version.date})")
    text = texts.get(s.get("commit"))
    if text is None:
        found.append(f"endorses commit {s.get('commit')[:12]}, which is not in this repository")
    else:
        data, doc = text
        if canonical.sha256(data) != s.get("text_sha256"):
            found.append(
                f"says commit {s.get('commit')[:12]} has text sha256 {s.get('text_sha256')[:16]}…, "
                f"but it has {canonical.sha256(data)[:16]}…"
            )
        elif texts.clauses(s.get("commit")) != s.get("clauses"):
            found.append("its clause hashes do not match the endorsed text")
        if doc.id != s.get("agreement"):
            found.append(f"is about agreement {s.get('agreement')!r}, not {doc.id!r}")
    return found


def verify(workspace: Workspace, trust_anchor: str | None = None, today: dt.date | None = None) -> Report:
    today = today or _today()
    head = workspace.head()
    files = read_folders(workspace.repo, head, [RECORDS, *FOLDERS.values()])
    records, signatures, odd = split_files(files.under(RECORDS))
    state = replay(records, signatures, trust_anchor, today)
    state.problems[:0] = odd
    problems: list[Problem] = [*files.problems, *state.problems]
    notices: list[str] = []
    problems.extend(append_only_problems(workspace.repo, head))
    unfinished = workspace.repo.unfinished_operation()
    if unfinished:  # the work tree is between two states: what is committed may not be what was meant
        problems.append(Problem("git-unfinished", str(workspace.root), unfinished))
    statements, stray = load_statements({p: d for p, d in files.data.items() if not p.startswith(RECORDS + "/")})
    problems.extend(stray)
    registry = state.current
    if registry is None and not state.records and statements:
        problems.append(
            Problem("no-registry", "records/", "there are statements but no signatory registry to check them against")
        )
    found_versions, version_problems, missing_tags = signed_versions(workspace, state)
    problems.extend(version_problems)
    by_label = {v.label: v for v in found_versions}
    texts = _Texts(workspace)
    checked = [Checked(s) for s in statements]
    found = verifiers(registry) if registry is not None else {}
    seen = key_first_seen(state)
    try:
        for item in checked:
            _check_statement(item, registry, state, found, by_label, texts, today, seen)
    finally:
        for verifier in found.values():
            verifier.close()
    _check_chains(checked, notices)
    for item in checked:
        problems.extend(item.problems)
    if state.anchor and not trust_anchor:
        notices.append(
            f"registry trust anchor sha256:{state.anchor} (compare it with the one `akkoord init` printed, "
            "or pin it with --trust-anchor)"
        )
    return Report(head, state, checked, problems, notices, found_versions, missing_tags)


def _check_statement(
    item: Checked,
    registry: Registry | None,
    state: RegistryState,
    found: dict[str, sshsig.Verifier],
    by_label: dict[str, Version],
    texts: _Texts,
    today: dt.date,
    first_seen: dict[bytes, dt.date],
) -> None:
    s = item.statement

    def bad(code: str, message: str) -> None:
        item.problems.append(Problem(code, s.path, message))

    if not s.ok:
        bad("statement-malformed", f"is not a valid statement: {s.error}")
        return
    if s.path != s.expected_path():
        folder = s.path.split("/", 1)[0]
        if folder != FOLDERS[s.kind]:
            bad(
                "statement-misplaced",
                f"is an {s.kind} but lies in {folder}/ (an attestation is never the signatory's own signature)",
            )
        elif s.path.split("/")[1] != s.signatory:
            bad(
                "statement-misplaced",
                f"is a statement of {s.signatory} copied into the folder of {s.path.split('/')[1]}",
            )
        else:
            bad(
                "statement-misplaced",
                f"its name does not match its content (expected {s.expected_path()}): a copied or renamed statement",
            )
    if registry is None:
        bad("statement-unverifiable", "cannot be checked: there is no trusted signatory registry")
        return
    why = signature_problem(s, registry, found[s.kind], state.regime_of(s.get("registry"), s.signing_day))
    keys: list[sshsig.PublicKey] = []
    if why is not None:
        bad("signature-invalid", why)
    elif s.kind == ENDORSEMENT:
        info = sshsig.read_signature(s.signature or b"")  # the key that verified
        signatory = registry.signatory(s.signatory)
        key = signatory.key_for(info.key) if signatory and info and info.key else None
        keys = [key.public] if key is not None else []
        if key is not None and key.revoked and key.revoked <= today:
            item.notes.append(f"valid when signed; key since revoked ({key.revoked})")
        if signatory and signatory.retired and signatory.retired <= today:
            item.notes.append(f"valid when signed; {signatory.id} since retired ({signatory.retired})")
    else:
        item.attested_by = attesters(s, registry, found[s.kind])[0]
        keys = [admin.public for admin in map(registry.admin, item.attested_by) if admin is not None]
    for public in keys:
        added = first_seen.get(public.blob)
        if added is not None and s.signing_day < added:
            bad(
                "statement-backdated",
                f"is dated {s.signing_day}, before its key {public.fingerprint} was added to the registry "
                f"(registry record of {added}): a backdated statement",
            )
    valid = set(state.valid)
    if not all(sha in valid for sha in s.get("registry")):
        bad(
            "statement-registry",
            "names a registry version (admin record) that does not count: never signed by the admins",
        )
    if s.kind == ATTESTATION:
        if s.signing_day < s.date:
            bad("statement-dates", f"records a decision of {s.date} on {s.signing_day}, before it was made")
        signatory = registry.signatory(s.signatory)
        if signatory is None:
            bad("statement-signatory", f"is about signatory {s.signatory!r}, which is not in the registry")
        else:
            inactive = signatory.why_inactive(s.date)
            if inactive:
                bad("statement-term", f"attests a decision of {s.date}, but {inactive}")
            own = own_key_since(signatory, first_seen)
            if own is not None and s.date >= own:
                bad(
                    "attestation-own-key",
                    f"attests a decision of {s.date}, but {s.signatory} has had a key of its own since {own}: from then "
                    "on only its own signature speaks for it",
                )
    if s.signing_day > today:
        bad("statement-future", f"is dated {s.signing_day}, after today ({today})")
    for message in _check_text(s, by_label, texts):
        bad("text-mismatch", message)


def _check_chains(checked: list[Checked], notices: list[str]) -> None:
    chains: dict[tuple[str, str], list[Checked]] = {}
    for item in checked:
        if item.statement.ok:
            chains.setdefault(item.statement.chain, []).append(item)
    for (kind, signatory), items in sorted(chains.items()):
        by_sha = {i.statement.sha256: i for i in items}
        for item in items:
            s = item.statement
            missing = [p for p in s.previous if p not in by_sha]
            if missing:
                item.problems.append(
                    Problem(
                        "chain-broken",
                        s.path,
                        f"follows statement {missing[0][:16]}… of {signatory}, which is not in the repository: "
                        "a statement was deleted from the chain",
                    )
                )
                continue
            before = [by_sha[p].statement for p in s.previous]
            if any(s.signing_day < p.signing_day for p in before):
                item.problems.append(
                    Problem(
                        "chain-order",
                        s.path,
                        f"is dated {s.signing_day}, before the statement it follows "
                        f"({max(p.signing_day for p in before)}): a chain only moves forward in time",
                    )
                )
            expected = 1 + max((p.seq for p in before), default=0)
            if s.seq != expected:
                item.problems.append(
                    Problem(
                        "chain-seq",
                        s.path,
                        f"has sequence number {s.seq}, but follows statement(s) ending at {expected - 1}: "
                        "the chain has a gap or was reordered",
                    )
                )
        heads = chain_heads([i.statement for i in items])
        roots = [i for i in items if not i.statement.previous]
        if len(heads) > 1 or len(roots) > 1:
            notices.append(
                f"the {kind} chain of {signatory} forks ({len(heads)} latest statements); its next statement joins them"
            )
