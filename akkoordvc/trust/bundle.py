"""Statement and proposal files: what a signatory or drafter without push rights mails to someone who has them.

A bundle is one canonical JSON file (see `jsonfile`: size, depth, number and encoding limits, and nothing but
the canonical form is read):

    {"files": {"<path in the repository>": "<the file's bytes, base64>", ...},
     "format": "akkoordvc-bundle-v1",
     "kind": "endorsement" | "amendment"}

An endorsement bundle holds one signed statement and its signature (`akkoord endorse ... --out FILE`), an
amendment bundle one proposal: its record and events (`akkoord amend propose ... --out FILE`). The bytes are
those the sender's command would have committed, so the receiver commits them unchanged (`akkoord receive`)
and every signature still holds. Receiving checks everything before it commits: the bundle's shape, the files
a kind may hold, that no file is already in the repository with other content, and then the repository as it
would be with the files added, through `trust.verify` (as `pull` does): a statement that does not verify, or a
proposal that does not fit its base, is refused with one line and nothing is written.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass

from ..errors import AkkoordError
from ..messages import Message
from ..storage.actors import stand_in, who_acts
from ..storage.amendment_store import CHANGE as AMENDMENT_CHANGE
from ..storage.amendment_store import proposal_message, received_proposal
from ..storage.exchange import local_state
from ..storage.gitrepo import Identity
from ..storage.workspace import CHANGE_TRAILER, Workspace
from . import printable
from .endorsements import commit_message, decision_word
from .exchange import Refused, new_problems, own_report, report_at
from .jsonfile import MAX_BYTES, JSONFileError, canonical_json, check_fields, load_object
from .statements import ENDORSEMENT, load_statements

FORMAT = "akkoordvc-bundle-v1"
KINDS = ("endorsement", "amendment")
MAX_FILES = 32
_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*){1,4}$")


@dataclass
class Bundle:
    kind: str
    files: dict[str, bytes]


@dataclass
class Received:
    kind: str
    what: Message  # one line: the statement or amendment received
    commit: str


def make(kind: str, files: dict[str, bytes]) -> bytes:
    """The bundle of `files` (path -> bytes)."""
    encoded = {path: base64.b64encode(data).decode("ascii") for path, data in sorted(files.items())}
    return canonical_json({"files": encoded, "format": FORMAT, "kind": kind})


def read(data: bytes, source: str) -> Bundle:
    """The bundle in `data`; one line naming `source` for anything that is not a well-formed bundle."""

    def refuse(why: str | Message) -> AkkoordError:
        return AkkoordError(Message("exchange.bundle.not_a_bundle", source=source, why=why))

    try:
        obj = load_object(data, FORMAT)
        check_fields(obj, {"files": dict, "format": str, "kind": str})
    except JSONFileError as exc:
        raise refuse(exc.said) from None
    if obj["kind"] not in KINDS:
        raise refuse(Message("exchange.bundle.kind", kind=printable(str(obj["kind"])[:40]), kinds=", ".join(KINDS)))
    files: dict[str, bytes] = {}
    if not 0 < len(obj["files"]) <= MAX_FILES:
        raise refuse(Message("exchange.bundle.count", count=len(obj["files"]), most=MAX_FILES))
    for path, value in obj["files"].items():
        if not _PATH.match(path) or ".." in path.split("/"):
            raise refuse(Message("exchange.bundle.path", path=printable(path[:80])))
        if not isinstance(value, str):
            raise refuse(Message("exchange.bundle.base64", path=path))
        try:
            files[path] = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise refuse(Message("exchange.bundle.base64", path=path)) from None
    if sum(len(d) for d in files.values()) > MAX_BYTES:
        raise refuse(Message("exchange.bundle.size", most=f"{MAX_BYTES:,}"))
    return Bundle(obj["kind"], files)


def receive(
    workspace: Workspace, bundle: Bundle, source: str, *, by: str | None, anchor: str | None, today: dt.date
) -> Received:
    """Commit the files of `bundle` unchanged, when the repository with them added verifies (see the docstring)."""
    repo = workspace.repo
    with workspace.writing():
        head = workspace.head()
        if bundle.kind == ENDORSEMENT:
            files, message, what, author = _statement(workspace, bundle, source, by)
        else:
            amendment, files = received_proposal(workspace, bundle.files, source)
            what = Message("exchange.bundle.amendment", id=amendment.known_id, title=printable(amendment.title))
            message = (
                f"{proposal_message(amendment, workspace.text_language())}\n\n{CHANGE_TRAILER}: {AMENDMENT_CHANGE}\n"
            )
            proposer = amendment.proposers[0]
            author = who_acts(by, repo, signer=Identity(proposer.name, proposer.email))
        present = {path: repo.read(head, path) for path in files}
        if all(present[path] == data for path, data in files.items()):
            raise AkkoordError(Message("exchange.bundle.already", source=source, what=what))
        clash = [path for path, data in present.items() if data is not None and data != files[path]]
        if clash:
            raise AkkoordError(Message("exchange.bundle.clash", source=source, path=clash[0]))
        candidate = repo.prepare_commit(head, dict(files), message, author)
        pinned, mine, _ = own_report(workspace, anchor, today)
        local = local_state(repo)
        local.head = candidate
        bad = new_problems(mine.problems, report_at(workspace, local, pinned, today).problems)
        if bad:
            raise Refused(Message("exchange.what.receive", source=source), bad, Message("exchange.advice.receive"))
        repo.advance(candidate, head, [], f"akkoord: receive {source}")
        workspace.expected = candidate
        return Received(bundle.kind, what, candidate)


def _statement(
    workspace: Workspace, bundle: Bundle, source: str, by: str | None
) -> tuple[dict[str, bytes], str, Message, Identity]:
    statements, stray = load_statements(bundle.files)
    if len(statements) != 1 or stray or not statements[0].ok:
        why = stray[0].said if stray else (statements[0].error if statements else Message("exchange.bundle.none"))
        raise AkkoordError(Message("exchange.bundle.no_statement", source=source, why=why))
    s = statements[0]
    if s.kind != ENDORSEMENT or s.signature is None or s.path != s.expected_path() or len(bundle.files) != 2:
        raise AkkoordError(Message("exchange.bundle.not_signed_statement", source=source, path=s.path))
    from .registry import load_state

    registry = load_state(workspace).require_current()
    who = registry.signatory(s.signatory)
    name = who.name if who is not None else s.signatory
    author = who_acts(by, workspace.repo, signer=stand_in(name, s.signatory))
    what = Message(
        "exchange.bundle.statement",
        name=printable(name),
        id=s.signatory,
        decision=decision_word(s.decision),
        version=printable(s.version),
        date=s.get("date"),
    )
    message = f"{commit_message(s, name, workspace.text_language())}\n\n{CHANGE_TRAILER}: endorsement\n"
    return dict(bundle.files), message, what, author
