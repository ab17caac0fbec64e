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
   breaks it); a fork (two statements made in parallel) is a notice, not a failure;
6. every amendment decision: backed by a decision record the admins signed (`decisions`).

A key revoked or a signatory retired *after* a statement was made leaves that statement valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..messages import Message
from ..model.dates import today as _today
from ..storage.amendment_store import load as load_amendments
from ..storage.gitrepo import Repository, restore_step
from ..storage.versions import Version
from ..storage.workspace import Workspace
from . import Problem
from .cache import Cache, key
from .decisions import problems as decision_problems
from .loading import Loaded, Verdict, load
from .model import Registry
from .reader import list_folders
from .records import FOLDER as RECORDS
from .registry import RegistryState, key_first_seen, own_key_since, state_of
from .statements import (
    ATTESTATION,
    ENDORSEMENT,
    FOLDERS,
    Statement,
    chain_heads,
    load_statements,
)
from .texts import Texts
from .versions import signed_versions

APPEND_ONLY = (*FOLDERS.values(), RECORDS)
#: the catalogue key of the notice that names the registry's trust anchor (the CLI replaces it once remembered)
ANCHOR_NOTICE = "verify.notice.anchor"


@dataclass
class Checked:
    statement: Statement
    problems: list[Problem] = field(default_factory=list)
    notes: list[str | Message] = field(default_factory=list)
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
            "notes": [str(note) for note in self.notes],
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
    notices: list[str | Message]
    versions: list[Version] = field(default_factory=list)  # oldest first; the last is current
    missing_tags: list[Version] = field(default_factory=list)  # signed versions whose tag is missing
    loaded: Loaded | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def read_files(self) -> None:
        """Give every statement the bytes of its files (verification reads only what its cache cannot answer):
        for a command that publishes them, such as `akkoord site`."""
        if self.loaded is not None:
            self.loaded.read_files()

    def as_dict(self) -> dict[str, Any]:
        reg = self.registry
        return {
            "ok": self.ok,
            "problems": [p.as_dict() for p in self.problems],
            "notices": [str(notice) for notice in self.notices],
            "commit": self.head,
            "trust_anchor": f"sha256:{reg.anchor}" if reg.anchor else None,
            "registry": {
                "serial": reg.current.serial if reg.current else None,
                "heads": [h.sha for h in reg.heads],
                "signed_changes": reg.changes,
            },
            "statements": [c.as_dict() for c in self.statements],
        }


def append_only_problems(
    repo: Repository, head: str, cache: Cache | None = None, folders: tuple[str, ...] = APPEND_ONLY
) -> tuple[list[Problem], dict[str, str | None]]:
    """Files under the append-only `folders` that a commit in the history changed or deleted and that do not hold
    what they were first committed with now; and for each, the newest commit holding it intact (see
    `restore_step`): a file put back as it was is no longer a problem, so the advised step makes verify pass.

    What a commit adds to the list depends on that commit alone (`files_rewritten_later`), so the list of a commit's
    history (every append-only folder) is cached under its id, and a later command walks only the commits since
    the last one it checked. Problems are sorted by path, each naming every commit that rewrote the file."""
    return append_only_later(repo, head, cache, folders)()


def append_only_later(
    repo: Repository, head: str, cache: Cache | None = None, folders: tuple[str, ...] = APPEND_ONLY
) -> Callable[[], tuple[list[Problem], dict[str, str | None]]]:
    """`append_only_problems`, its walk of the history started now (a `git log` that runs while the caller works
    on); the function returned finishes it."""
    cache = cache or Cache.none()
    rows: list[list[str]] | None = None
    before: list[list[str]] = []
    later = None
    last = cache.get(key("history-last"), lambda v: isinstance(v, str) and len(v) == 40, section="history")
    if last is not None and last != head:
        found = cache.get(key("history", last), _rows_shape, section="history")
        if found is not None and repo.resolve(last) == last and repo.is_ancestor(last, head):
            before, later = found, repo.files_rewritten_later(head, list(APPEND_ONLY), since=last)
    elif last == head:
        rows = cache.get(key("history", head), _rows_shape, section="history")
    if rows is None and later is None:
        later = repo.files_rewritten_later(head, list(APPEND_ONLY))

    def finish() -> tuple[list[Problem], dict[str, str | None]]:
        found = rows if later is None else [list(r) for r in later()] + before
        assert found is not None
        cache.put(key("history", head), found, section="history")
        cache.put(key("history-last"), head, section="history")
        return _rewritten(repo, head, found, folders)

    return finish


def _rewritten(
    repo: Repository, head: str, rows: list[list[str]], folders: tuple[str, ...]
) -> tuple[list[Problem], dict[str, str | None]]:
    commits: dict[tuple[str, str], set[str]] = {}
    for commit, status, path in rows:
        if path.split("/")[0] in folders:
            commits.setdefault((path, "D" if status.startswith("D") else "M"), set()).add(commit)
    problems: list[Problem] = []
    intact_in: dict[str, str | None] = {}
    restored: dict[str, bool] = {}
    for (path, status), found in sorted(commits.items()):
        if path not in restored:
            intact = repo.last_intact(head, path)
            restored[path] = intact is not None and repo.read(head, path) == repo.read(intact, path)
            if not restored[path]:
                intact_in[path] = intact
        if restored[path]:
            continue
        copy = intact_in[path]
        kept = Message("verify.problem.intact_copy", commit=copy[:12]) if copy else ""
        shown = ", ".join(c[:12] for c in sorted(found)[:3])
        more = Message("verify.problem.and_more", count=len(found) - 3) if len(found) > 3 else ""
        where = Message(
            "verify.problem.in_commits" if len(found) > 1 else "verify.problem.in_commit", shown=shown, more=more
        )
        code = "file-deleted" if status == "D" else "file-changed"
        problems.append(Problem(code, path, Message(f"verify.problem.{code}", where=where, kept=kept)))
    return problems, intact_in


def _rows_shape(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(r, list) and len(r) == 3 and all(isinstance(x, str) for x in r) for r in value
    )


def _check_text(s: Statement, by_label: dict[str, Version], texts: Texts) -> list[Message]:
    """Whether the endorsed text is still what the repository has for that version."""
    found: list[Message] = []
    f = s.fields or {}
    label, commit, text_sha256 = f["version"], f["commit"], f["text_sha256"]
    version = by_label.get(label)
    if version is None:
        found.append(Message("registry.text.not_a_version", label=label))
    else:
        if version.record and version.record != f["version_record"]:
            found.append(
                Message("registry.text.record", named=f["version_record"][:12], label=label, record=version.record[:12])
            )
        if version.commit != commit:
            found.append(Message("registry.text.moved", label=label, commit=commit[:12], actual=version.commit[:12]))
        if version.text_sha256 != text_sha256:
            found.append(
                Message("registry.text.sha", sha=text_sha256[:16], label=label, actual=version.text_sha256[:16])
            )
        if f["date"] < (version.date or ""):
            found.append(Message("registry.text.dated_before", date=f["date"], label=label, created=version.date))
    text = texts.get(commit)
    if text is None or text.agreement is None:
        found.append(Message("registry.text.no_commit", commit=commit[:12]))
    else:
        if text.sha256 != text_sha256:
            found.append(
                Message("registry.text.commit_sha", commit=commit[:12], sha=text_sha256[:16], actual=text.sha256[:16])
            )
        elif text.clauses_sha256 != s.clauses_sha256:
            found.append(Message("registry.text.clauses"))
        if text.agreement != f["agreement"]:
            found.append(Message("registry.text.agreement", named=f["agreement"], actual=text.agreement))
    return found


def verify(
    workspace: Workspace, trust_anchor: str | None = None, today: dt.date | None = None, cache: Cache | None = None
) -> Report:
    """Every check of the module docstring, on the current commit. `cache`: the verdict cache to use (default: the
    repository's own, `trust.cache`); its contents never change the report, only what has to be checked again."""
    today = today or _today()
    head = workspace.head()
    repo = workspace.repo
    cache = cache if cache is not None else Cache.of(repo)
    history = append_only_later(repo, head, cache)  # git walks the history while the statements are checked
    listing = list_folders(repo, head, [RECORDS, *FOLDERS.values()])
    state = state_of(listing, trust_anchor, today, cache)
    problems: list[Problem] = [p for p in listing.problems if p.where.split("/")[0] != RECORDS]
    problems.extend(state.problems)
    notices: list[str | Message] = []
    texts = Texts(repo, cache)
    found: dict[str, Any] = {}

    def meanwhile() -> None:
        """What does not depend on the statements, done while a forked process checks its share of them."""
        found["history"] = history()
        found["amendments"] = load_amendments(workspace, head).damaged.values()
        texts.load(r.get("commit") for r in state.of_type("version"))
        found["versions"] = signed_versions(workspace, state, texts)
        found["decisions"] = decision_problems(workspace, state, head) if state.current is not None else []

    registry = state.current
    if registry is not None:
        loaded = load(listing, state, cache, meanwhile=meanwhile)
    else:
        meanwhile()
        statements, stray = load_statements(listing.read(p for p in listing.blobs if p.split("/")[0] != RECORDS))
        loaded = Loaded(statements, {}, stray)
    rewritten, intact_in = found["history"]
    problems.extend(rewritten)
    if rewritten:
        state.damaged = [p for p in rewritten if p.where.startswith(RECORDS + "/")]
        state.restore = restore_step(
            {p: c for p, c in intact_in.items() if p.startswith(RECORDS + "/")},
            Message("store.restore.what.admin_records"),
        )
        notices.append(
            Message("verify.notice.restore", step=restore_step(intact_in, Message("store.restore.what.signed_files")))
        )
    problems.extend(Problem("amendment-damaged", d.path, d.detail) for d in found["amendments"])
    unfinished = repo.unfinished_operation()
    if unfinished:  # the work tree is between two states: what is committed may not be what was meant
        problems.append(Problem("git-unfinished", str(workspace.root), unfinished))
    problems.extend(loaded.problems)
    statements = loaded.statements
    if registry is None and not state.records and statements:
        problems.append(Problem("no-registry", "records/", Message("registry.problem.no_registry")))
    texts.load(s.get("commit") for s in statements if s.ok)
    found_versions, version_problems, missing_tags = found["versions"]
    problems.extend(version_problems)
    problems.extend(problem for _, problem in found["decisions"])
    checked = _checked(loaded, state, found_versions, texts, today, notices)
    for item in checked:
        problems.extend(item.problems)
    mismatch = [p for p in problems if p.code == "registry-anchor-mismatch"]
    if mismatch:  # a registry that is not the one pinned makes every other check moot: say that once
        notices.append(Message("verify.notice.further", count=len(problems) - len(mismatch)))
        problems = mismatch
    if state.anchor and not trust_anchor:
        notices.append(Message(ANCHOR_NOTICE, anchor=state.anchor))
    cache.save(prune=True)
    return Report(head, state, checked, problems, notices, found_versions, missing_tags, loaded)


def verify_chains(
    workspace: Workspace, state: RegistryState, signatory: str, today: dt.date, cache: Cache | None = None
) -> Report:
    """The statements in the two folders of `signatory` (its own and those attested for it), each checked as
    `verify` checks it, against the registry `state` (which must have a registry in force) and the signed versions:
    what `endorse` shows before it signs. Nothing else is looked at (the history, the amendments, the other
    signatories' statements), so its problems are those of these statements only: it verifies no repository."""
    registry = state.require_current()
    cache = cache if cache is not None else Cache.of(workspace.repo)
    head = workspace.head()
    folders = (f"{FOLDERS[ENDORSEMENT]}/{signatory}", f"{FOLDERS[ATTESTATION]}/{signatory}")
    assert registry is not None
    loaded = load(list_folders(workspace.repo, head, list(folders)), state, cache, folders)
    texts = Texts(workspace.repo, cache)
    texts.load(
        [*(s.get("commit") for s in loaded.statements if s.ok), *(r.get("commit") for r in state.of_type("version"))]
    )
    found_versions, _, missing_tags = signed_versions(workspace, state, texts)
    notices: list[str | Message] = []
    checked = _checked(loaded, state, found_versions, texts, today, notices)
    cache.save()
    problems = [problem for item in checked for problem in item.problems]
    return Report(head, state, checked, problems, notices, found_versions, missing_tags, loaded)


def _checked(
    loaded: Loaded,
    state: RegistryState,
    found_versions: list[Version],
    texts: Texts,
    today: dt.date,
    notices: list[str | Message],
) -> list[Checked]:
    """The statements of `loaded`, each with what `_check_statement` and the chain checks find (and notices)."""
    by_label = {v.label: v for v in found_versions}
    checked = [Checked(s) for s in loaded.statements]
    seen = key_first_seen(state)
    valid = set(state.valid)
    for item in checked:
        verdict = loaded.verdicts.get(item.statement.path)
        _check_statement(item, state.current, valid, verdict, by_label, texts, today, seen)
    _check_chains(checked, notices)
    return checked


def _check_statement(
    item: Checked,
    registry: Registry | None,
    valid: set[str],
    verdict: Verdict | None,
    by_label: dict[str, Version],
    texts: Texts,
    today: dt.date,
    first_seen: dict[bytes, dt.date],
) -> None:
    s = item.statement

    def bad(code: str, message: Message) -> None:
        item.problems.append(Problem(code, s.path, message))

    if s.unread is not None:
        bad("signature-invalid", s.unread)
        return
    if not s.ok:
        bad("statement-malformed", Message("verify.problem.statement-malformed", error=s.error))
        return
    if s.path != s.expected_path():
        folder = s.path.split("/", 1)[0]
        if folder != FOLDERS[s.kind]:
            bad("statement-misplaced", Message(f"verify.problem.misplaced.{s.kind}", folder=folder))
        elif s.path.split("/")[1] != s.signatory:
            bad(
                "statement-misplaced",
                Message("verify.problem.misplaced.folder", signatory=s.signatory, folder=s.path.split("/")[1]),
            )
        else:
            bad("statement-misplaced", Message("verify.problem.misplaced.name", expected=s.expected_path()))
    if registry is None or verdict is None:
        bad("statement-unverifiable", Message("verify.problem.statement-unverifiable"))
        return
    if verdict.why is not None:
        bad("signature-invalid", verdict.why)
        keys = []
    elif s.kind == ENDORSEMENT:
        keys = [verdict.key] if verdict.key else []
        signatory = registry.signatory(s.signatory)
        key = signatory.key_for(verdict.key) if signatory is not None and verdict.key else None
        if key is not None and key.revoked and key.revoked <= today:
            item.notes.append(Message("verify.note.key_revoked", date=key.revoked))
        if signatory and signatory.retired and signatory.retired <= today:
            item.notes.append(Message("verify.note.retired", id=signatory.id, date=signatory.retired))
    else:
        item.attested_by = list(verdict.attested_by)
        keys = [admin.public for admin in map(registry.admin, item.attested_by) if admin is not None]
    for public in keys:
        added = first_seen.get(public.blob)
        if added is not None and s.signing_day < added:
            bad(
                "statement-backdated",
                Message(
                    "verify.problem.statement-backdated", day=s.signing_day, fingerprint=public.fingerprint, added=added
                ),
            )
    if not all(sha in valid for sha in s.get("registry")):
        bad("statement-registry", Message("verify.problem.statement-registry"))
    if s.kind == ATTESTATION:
        if s.signing_day < s.date:
            bad("statement-dates", Message("verify.problem.statement-dates", date=s.date, day=s.signing_day))
        signatory = registry.signatory(s.signatory)
        if signatory is None:
            bad("statement-signatory", Message("verify.problem.statement-signatory", signatory=s.signatory))
        else:
            inactive = signatory.why_inactive(s.date)
            if inactive:
                bad("statement-term", Message("registry.problem.statement_term", date=s.date, inactive=inactive))
            own = own_key_since(signatory, first_seen)
            if own is not None and s.date >= own:
                bad(
                    "attestation-own-key",
                    Message("verify.problem.attestation-own-key", date=s.date, signatory=s.signatory, since=own),
                )
    if s.signing_day > today:
        bad("statement-future", Message("verify.problem.statement-future", day=s.signing_day, today=today))
    for message in _check_text(s, by_label, texts):
        bad("text-mismatch", message)


def _check_chains(checked: list[Checked], notices: list[str | Message]) -> None:
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
                        Message("verify.problem.chain-broken", previous=missing[0][:16], signatory=signatory),
                    )
                )
                continue
            before = [by_sha[p].statement for p in s.previous]
            if any(s.signing_day < p.signing_day for p in before):
                item.problems.append(
                    Problem(
                        "chain-order",
                        s.path,
                        Message(
                            "verify.problem.chain-order", day=s.signing_day, before=max(p.signing_day for p in before)
                        ),
                    )
                )
            expected = 1 + max((p.seq for p in before), default=0)
            if s.seq != expected:
                item.problems.append(
                    Problem(
                        "chain-seq",
                        s.path,
                        Message("verify.problem.chain-seq", seq=s.seq, last=expected - 1),
                    )
                )
        heads = chain_heads([i.statement for i in items])
        roots = [i for i in items if not i.statement.previous]
        if len(heads) > 1 or len(roots) > 1:
            notices.append(Message("verify.notice.chain_fork", kind=kind, signatory=signatory, count=len(heads)))
