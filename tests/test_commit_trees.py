"""A commit's tree (issue 10): only the folders along the changed paths are rewritten, and the result is the tree
plain git makes of the same change through its index."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import git

from akkoordvc.storage.gitrepo import Identity, Repository

BY = Identity("Secretariaat", "secretariaat@example.org")
FILES = {
    "a.txt": b"a\n",
    "b.txt": b"file b.txt sorts before folder b\n",
    "b/inner.txt": b"in b\n",
    "b-c/file": b"b-c sorts before b.txt and b/\n",
    "endorsements/org-a/000001.json": b"{}\n",
    "endorsements/org-b/000001.json": b"{}\n",
    "endorsements/org-b/000002.json": b"{}\n",
    "endorsements/org-b.txt": b"a file beside folder org-b\n",
    "records/x.json": b"{}\n",
    "deep/er/and/deeper/leaf": b"leaf\n",
    "only/one": b"the last file of its folders\n",
}
CHANGES: list[dict[str, bytes | None]] = [
    {"endorsements/org-b/000003.json": b'{"seq":3}\n', "endorsements/org-b/000003.json.sig": b"sig\n"},
    {"endorsements/org-new/000001.json": b"new signatory\n", "records/y.json": b"{}\n"},
    {"a.txt": b"changed\n", "b/inner.txt": None, "b/new/deeper.txt": b"new\n"},
    {"only/one": None, "deep/er/and/deeper/leaf": b"leaf changed\n", "top.txt": b"top\n"},
    {"deep/er/and/deeper/leaf": None, "b-c/file": None, "missing/file": None},
]


def _world(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    for path, data in FILES.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(data)
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-q", "-m", "start")
    return repo


def _git_tree(repo: Path, changes: dict[str, bytes | None]) -> str:
    """The tree plain git writes for `changes` on top of HEAD, in a copy of `repo` through the index."""
    copy = repo.parent / (repo.name + "-copy")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(repo, copy)
    for path, data in changes.items():
        target = copy / path
        if data is None:
            target.unlink(missing_ok=True)
            continue
        if target.parent.is_file():
            target.parent.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    git(copy, "add", "-A")
    return git(copy, "write-tree").strip()


def test_a_commit_has_the_tree_git_makes_of_the_same_change(tmp_path):
    repo = _world(tmp_path)
    for changes in CHANGES:
        expected = _git_tree(repo, changes)
        commit = Repository.discover(repo).commit_files(changes, "change", BY)
        assert git(repo, "rev-parse", f"{commit}^{{tree}}").strip() == expected, changes
        assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "fsck", "--strict", "--no-dangling") == ""
