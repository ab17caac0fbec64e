"""What an attacker with push access to the shared remote does with plain git, one forgery each: every function
takes Mallory's clone (up to date with the remote), commits or tags with git only, and pushes.

`FORGERIES` maps a name to (the function, a fragment every honest clone's refused `pull` must print).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess

from exchange_world import Clone, statement_name

from akkoordvc.model import registry_names as rn
from akkoordvc.ops.amendments import parse_event
from akkoordvc.storage.amendment_store.paths import event_path
from akkoordvc.trust.jsonfile import canonical_json
from akkoordvc.trust.records import make_record, parse_record
from akkoordvc.trust.registry_ops import add_key, new_key, set_threshold


def refresh(mallory: Clone) -> None:
    """Bring Mallory's plain clone to the remote's branch and tags."""
    mallory.git(
        "fetch", "-q", "--force", "origin", "+refs/heads/main:refs/remotes/origin/main", "+refs/tags/*:refs/tags/*"
    )
    mallory.git("reset", "-q", "--hard", "origin/main")


def _statements(mallory: Clone) -> list[str]:
    return sorted(str(p.relative_to(mallory.root)) for p in (mallory.root / "endorsements").rglob("*.json"))


def _commit(mallory: Clone, message: str) -> None:
    mallory.git("add", "-A")
    mallory.git("commit", "-q", "-m", message)
    mallory.git("push", "-q", "origin", "HEAD:main")


def forged_statement(mallory: Clone) -> None:
    """A new statement for a registered signatory, signed with Mallory's own key."""
    path = _statements(mallory)[-1]
    obj = json.loads((mallory.root / path).read_bytes())
    previous = canonical_json(obj)
    obj.update(decision="withdraw", seq=obj["seq"] + 1, previous=[hashlib.sha256(previous).hexdigest()])
    data = canonical_json(obj)
    target = mallory.root / path.rsplit("/", 1)[0] / statement_name(data)
    target.write_bytes(data)
    subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-q", "-f", mallory.key("mallory"), "-n", "akkoordvc-endorsement-v1", str(target)],
        check=True,
        capture_output=True,
    )
    _commit(mallory, "Withdraw")


def edited_statement(mallory: Clone) -> None:
    """An endorsement's mandate changed in place after it was signed."""
    path = mallory.root / _statements(mallory)[0]
    obj = json.loads(path.read_bytes())
    obj["mandate"] = "Geen besluit"
    path.write_bytes(canonical_json(obj))
    _commit(mallory, "Fix a typo")


def _records(mallory: Clone):
    return [parse_record(p.read_bytes()) for p in sorted((mallory.root / "records").glob("*.json"))]


def unsigned_registry_change(mallory: Clone) -> None:
    """A registry record giving Mallory's key to a signatory, with no admin signature."""
    records = _records(mallory)
    covered = {p for r in records for p in r.parents}
    heads = [r for r in records if r.sha not in covered]
    day = max(r.date for r in heads)
    key = new_key(mallory.key("mallory") + ".pub", day)
    record = make_record(rn.REGISTRY, heads, day, {rn.OPS: add_key("buurtkracht-oost", key)})
    (mallory.root / record.path).write_bytes(record.data)
    _commit(mallory, "Add a key")


def forked_registry(mallory: Clone) -> None:
    """An admin (a stolen or insider key) signs a change of the admin regime on an older registry version, beside
    the newer records: a fork that only a resolution signed by the admins settles."""
    records = [r for r in _records(mallory) if r.type == rn.REGISTRY]
    older = sorted(records, key=lambda r: r.serial)[-2]
    record = make_record(rn.REGISTRY, [older], older.date, {rn.OPS: set_threshold(1)})
    (mallory.root / record.path).write_bytes(record.data)
    signature = mallory.root / record.path.removesuffix(".json") / "secretariaat.sig"
    signature.parent.mkdir()
    made = subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-q", "-f", mallory.admin(), "-n", "akkoordvc-record-v1"],
        input=record.data,
        check=True,
        capture_output=True,
    )
    signature.write_bytes(made.stdout)
    _commit(mallory, "Threshold")


def rolled_back_registry(mallory: Clone) -> None:
    """The newest registry record and its signatures deleted: the registry put back to the version before it."""
    records = _records(mallory)
    newest = max(records, key=lambda r: r.serial)
    mallory.git("rm", "-q", "-r", newest.path, newest.path.removesuffix(".json"))
    _commit(mallory, "Undo the last registry change")


def _retag(mallory: Clone, label: str, commit: str, date: str | None = None) -> None:
    message = mallory.git("for-each-ref", "--format=%(contents)", f"refs/tags/version/{label}")
    if date is not None:
        message = "\n".join(
            f"Akkoord-Date: {date}" if line.startswith("Akkoord-Date:") else line for line in message.splitlines()
        )
    mallory.git("tag", "-f", "-a", f"version/{label}", "-m", message, commit)
    mallory.git("push", "-q", "--force", "origin", f"refs/tags/version/{label}")


def moved_version(mallory: Clone) -> None:
    """Version 2019's tag moved to another commit."""
    _retag(mallory, "2019", mallory.head())


def redated_version(mallory: Clone) -> None:
    """Version 2019's tag made again on the same commit with another date."""
    commit = mallory.git("rev-parse", "version/2019^{commit}").strip()
    _retag(mallory, "2019", commit, (dt.date(2019, 11, 9) - dt.timedelta(days=400)).isoformat())


def unsigned_version(mallory: Clone) -> None:
    """A new version tag that no admin-signed version record backs."""
    message = mallory.git("for-each-ref", "--format=%(contents)", "refs/tags/version/2019").replace("2019", "2099")
    mallory.git("tag", "-a", "version/2099", "-m", message, mallory.head())
    mallory.git("push", "-q", "origin", "refs/tags/version/2099")


def deleted_statement(mallory: Clone) -> None:
    """A signatory's statement and its signature removed with `git rm`: an endorsement silently lost."""
    path = _statements(mallory)[0]
    mallory.git("rm", "-q", path, path + ".sig")
    _commit(mallory, "Remove a duplicate")


def forged_acceptance(mallory: Clone) -> None:
    """An amendment's `accepted` event written with plain git, with no admin-signed decision record behind it."""
    proposed = sorted((mallory.root / "amendments").glob("*/events/*-proposed-*.xml"))[0]
    data = proposed.read_bytes().replace(b'status="proposed"', b'status="accepted"')
    ident = proposed.parent.parent.name
    (mallory.root / event_path(ident, parse_event(data))).write_bytes(data)
    _commit(mallory, "Accept")


def deleted_amendment(mallory: Clone) -> None:
    """An amendment proposal and its events removed with `git rm`: a proposal silently lost."""
    folders = sorted(p for p in (mallory.root / "amendments").iterdir() if p.is_dir())
    mallory.git("rm", "-q", "-r", str(folders[0].relative_to(mallory.root)))
    _commit(mallory, "Clean up")


def changed_amendment_event(mallory: Clone) -> None:
    """An amendment's `proposed` event edited in place (its date moved): its status history rewritten."""
    event = sorted((mallory.root / "amendments").glob("*/events/*.xml"))[0]
    text = event.read_text("utf-8")
    event.write_text(text.replace("2026-11-27", "2026-10-01"), "utf-8")
    assert event.read_text("utf-8") != text
    _commit(mallory, "Fix the date")


def edited_amendment_record(mallory: Clone) -> None:
    """An amendment's record edited in place (its title changed) without `amend rebase`: a proposal silently
    turned into another."""
    record = sorted((mallory.root / "amendments").glob("*/amendment.xml"))[0]
    text = record.read_text("utf-8")
    record.write_text(text.replace("<title>", "<title>Niet ", 1), "utf-8")
    assert record.read_text("utf-8") != text
    _commit(mallory, "Better title")


def history_rewrite(mallory: Clone) -> None:
    """The branch forced back one commit, dropping the newest change."""
    mallory.git("push", "-q", "--force", "origin", "HEAD~1:main")


FORGERIES = {
    "forged statement": (forged_statement, "signed with a key that is not registered"),
    "edited statement": (edited_statement, "was changed in commit"),
    "unsigned registry change": (unsigned_registry_change, "required admin signatures"),
    "rolled-back registry": (rolled_back_registry, "was deleted in commit"),
    "forked registry": (forked_registry, "were made concurrently (neither builds on the other) and do not commute"),
    "moved version": (moved_version, "was moved from commit"),
    "re-dated version": (redated_version, "was re-dated from"),
    "unsigned version": (unsigned_version, "no version record signed by the admins"),
    "history rewrite": (history_rewrite, "history was rewritten"),
    "deleted statement": (deleted_statement, "was deleted in commit"),
    "forged acceptance": (forged_acceptance, "no decision record signed by the admins backs it"),
    "deleted amendment": (deleted_amendment, "amendment.xml: was deleted in commit"),
    "changed amendment event": (changed_amendment_event, "amendments and their events are never deleted or rewritten"),
    "edited amendment record": (edited_amendment_record, "without a 'revised' event beside it"),
}


def server_refs(origin) -> dict[str, str]:
    out = subprocess.run(
        ["git", "for-each-ref", "--format=%(refname) %(objectname)"], cwd=origin, capture_output=True, text=True
    ).stdout
    return dict(line.split(" ", 1) for line in out.splitlines())


def restore(origin, refs: dict[str, str]) -> None:
    """Put the remote's refs back as they were (what its administrator does after an attack)."""
    now = server_refs(origin)
    script = "".join(f"delete {ref}\n" for ref in now if ref not in refs)
    script += "".join(f"update {ref} {sha}\n" for ref, sha in refs.items())
    subprocess.run(["git", "update-ref", "--stdin"], cwd=origin, input=script, text=True, check=True)
