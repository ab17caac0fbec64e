"""Renaming a version made in this clone and never shared, because another clone claimed its label first.

A label is claimed once, and the remote's claim stands: `pull` refuses a remote that holds one of this clone's
labels for another version, and says to rename this clone's own. Renaming is allowed only while nothing can
depend on the label: no statement names the version (or its record), no remote this clone exchanged with has
it, and no admin record was signed on top of its version record.

In a repository with a signatory registry the label is part of the admin-signed version record, which cannot
be changed, and which would fork the chain of versions beside the remote's. Since the record was never shared,
it is taken out of this clone's unshared history (`storage.versions.rename_version`), so the version becomes a
tag that awaits its signature: after `akkoord pull`, `akkoord version create NEW --key KEY` signs it again,
following the remote's versions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import RepositoryError
from ..messages import Message
from ..model import registry_names as rn
from ..storage.exchange import recorded_state
from ..storage.gitrepo import Repository, TagInfo
from ..storage.versions import TAG_PREFIX, rename_version
from ..storage.workspace import Workspace
from .reader import read_folders
from .records import Record, signature_path
from .registry import load_state
from .statements import FOLDERS, load_statements


@dataclass
class Renamed:
    old: str
    new: str
    tag: TagInfo
    record: Record | None  # the version record taken out of the unshared history


def rename(workspace: Workspace, old: str, new: str) -> Renamed:
    """Rename version `old` to `new` (see the module docstring); one line saying why not otherwise."""
    repo = workspace.repo
    head = workspace.head()
    state = load_state(workspace)
    records = [r for r in state.records.values() if r.type == rn.VERSION and r.get(rn.LABEL) == old]
    shas = {r.sha for r in records}
    files = read_folders(repo, head, list(FOLDERS.values()))
    statements, _ = load_statements(files.data)
    for s in statements:
        if s.ok and (s.version == old or s.get("version_record") in shas or shas & set(s.get("registry") or [])):
            raise RepositoryError(Message("exchange.rename.statement", old=old, path=s.path))
    branch = repo.branch_ref().removeprefix("refs/heads/")
    tag = repo.tags(TAG_PREFIX + old)
    for remote in sorted(repo.remotes()):
        seen = recorded_state(repo, remote, branch)
        shared = any(t.name == TAG_PREFIX + old for t in seen.tags.values() if t.sha in {x.sha for x in tag})
        shared = shared or any(seen.head and repo.read(seen.head, r.path) is not None for r in records)
        if shared:
            raise RepositoryError(Message("exchange.rename.shared", old=old, remote=remote))
    on_top = [r for r in state.records.values() if shas & set(r.parents)]
    if on_top:
        raise RepositoryError(Message("exchange.rename.record_on_top", old=old, record=on_top[0].short))
    if len(records) > 1:
        raise RepositoryError(Message("exchange.rename.records", old=old, count=len(records)))
    record = records[0] if records else None
    drop: list[str] = []
    since = None
    if record is not None:
        drop = [record.path, *(signature_path(record.sha, admin) for admin in _signers(repo, head, record))]
        since = repo.commit_adding(record.path, head)
    made = rename_version(workspace, old, new, drop, since)
    return Renamed(old, new, made, record)


def _signers(repo: Repository, head: str, record: Record) -> list[str]:
    folder = record.path.removesuffix(".json")
    return [path.rsplit("/", 1)[1].removesuffix(".sig") for path in sorted(repo.read_tree(head, folder))]
