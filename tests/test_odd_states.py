"""Odd repository states a secretariat meets after a crash or someone else's git command (issue 12): each is
made with real git, and each command answers it in one honest line, or works.

A read-only command works whatever state the index is in; a writing command refuses a state it cannot write in
safely (a detached HEAD, another branch, an unfinished merge or rebase, an unreadable crash record) with one
line saying how to get back; what was recorded and what remains to repair is said exactly.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from gitworld import (
    BY,
    EXE,
    SAMPLE,
    advised_step,
    akkoord,
    amendments_in,
    assert_healthy,
    commit_all,
    edited_copies,
    git,
    hold_open,
    killed,
    new_repo,
    one_clear_line,
    propose,
    run_step,
    snapshot,
    temporary_files,
)

READ_ONLY = [
    ("status",),
    ("log",),
    ("amend", "list"),
    ("show", "HEAD", "--clause", "looptijd"),
    ("redline", "HEAD", "working"),
    ("verify",),
]


@pytest.fixture
def repo(tmp_path, no_git_identity) -> Path:
    return new_repo(tmp_path / "repo")


def refs_of(repo: Path) -> str:
    return git(repo, "show-ref") + git(repo, "rev-parse", "HEAD")


# --- 1. a leftover index lock ------------------------------------------------------------------------------


def _proposal_killed_after_its_branch_moved(repo: Path, tmp_path: Path) -> Path:
    """A proposal killed before its work-tree sync; returns where git's index lock goes."""
    copy = edited_copies(tmp_path, 1)[0]
    args = ("-C", repo, "amend", "propose", "--from-file", copy, "--title", "T", "--by", "A")
    assert killed(tmp_path, "refs-moved", *args).returncode == -signal.SIGKILL
    return repo / ".git" / "index.lock"


@pytest.mark.slow
def test_read_only_commands_work_while_a_git_command_holds_the_index_lock_after_a_crash(repo, tmp_path):
    """A commit killed after its branch moved, and a git command holding .git/index.lock: every read-only
    command works; a writer says in one line what to do, with a step that works; once the lock is gone, the
    next command finishes the repair."""
    lock = _proposal_killed_after_its_branch_moved(repo, tmp_path)
    holder = hold_open(lock)
    try:
        for args in READ_ONLY:
            proc = akkoord("-C", repo, *args)
            assert proc.returncode == 0, (args, proc.stderr)
        status = json.loads(akkoord("-C", repo, "status", "--json").stdout)
        assert status["uncommitted_edits"] is False  # the stale index entries are not the user's edits
        proc = akkoord("-C", repo, "version", "create", "2024", "--by", BY)
        assert proc.returncode == 1
        line = one_clear_line(proc.stderr)
        assert f"rm {lock}" in line and "was recorded" in line
    finally:
        holder.kill()
        holder.wait()
    assert lock.exists()
    lock.unlink()  # the step the message gave
    assert akkoord("-C", repo, "version", "create", "2024", "--by", BY).returncode == 0
    assert_healthy(repo)


def test_a_stale_index_lock_whose_owner_is_gone_is_recovered(repo, tmp_path):
    """The git command that made .git/index.lock was killed with akkoord: no process holds it, so the next
    command removes it, as git's own advice says, and finishes the interrupted commit."""
    lock = _proposal_killed_after_its_branch_moved(repo, tmp_path)
    lock.write_bytes(b"DIRC half an index")
    for args in READ_ONLY:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 0, (args, proc.stderr)
    assert not lock.exists()
    assert list(amendments_in(repo).values()) == ["proposed"]
    assert_healthy(repo)


# --- 2. a detached HEAD, another branch, an unfinished merge or rebase ---------------------------------------

WRITERS = [
    ("version", "create", "2025", "--by", BY),
    ("commit", "-m", "Redactie", "--by", BY),
]


def _editorial(repo: Path) -> None:
    text = (repo / "akkoord.xml").read_text(encoding="utf-8")
    (repo / "akkoord.xml").write_text(text.replace("Dit akkoord geldt", "Dit akkoord geldt ook", 1), encoding="utf-8")


def test_a_version_on_a_detached_head_is_refused(repo, tmp_path):
    """After `git checkout version/2019`, a new version would freeze the old text and become "current"."""
    assert akkoord("-C", repo, "version", "create", "2019", "--by", BY, "--date", "2019-11-09").returncode == 0
    _editorial(repo)
    assert akkoord("-C", repo, "commit", "-m", "Redactie", "--by", BY).returncode == 0
    git(repo, "checkout", "-q", "version/2019")
    before = refs_of(repo)
    copy = edited_copies(tmp_path, 1)[0]
    for args in [*WRITERS, ("amend", "propose", "--from-file", copy, "--title", "T", "--by", BY)]:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 1, (args, proc.stdout)
        line = one_clear_line(proc.stderr)
        assert "detached" in line and "git switch main" in line, line
    assert refs_of(repo) == before
    git(repo, "switch", "-q", "main")
    assert akkoord("-C", repo, "version", "create", "2025", "--by", BY).returncode == 0


def test_writing_on_another_branch_is_refused(repo):
    git(repo, "switch", "-q", "-c", "experiment")
    _editorial(repo)
    before = refs_of(repo)
    proc = akkoord("-C", repo, "commit", "-m", "Redactie", "--by", BY)
    assert proc.returncode == 1
    line = one_clear_line(proc.stderr)
    assert "experiment" in line and "git switch main" in line and "git config akkoord.branch experiment" in line
    assert refs_of(repo) == before
    git(repo, "config", "akkoord.branch", "experiment")  # the other step the line offers
    assert akkoord("-C", repo, "commit", "-m", "Redactie", "--by", BY).returncode == 0


def _conflicting_merge(repo: Path) -> None:
    ident = ["-c", "user.name=T", "-c", "user.email=t@example.org"]
    git(repo, "switch", "-q", "-c", "side")
    (repo / "notes.txt").write_text("side\n")
    git(repo, "add", "notes.txt")
    git(repo, *ident, "commit", "-q", "-m", "side")
    git(repo, "switch", "-q", "main")
    (repo / "notes.txt").write_text("main\n")
    git(repo, "add", "notes.txt")
    git(repo, *ident, "commit", "-q", "-m", "main")
    git(repo, *ident, "merge", "side", check=False)
    assert (repo / ".git" / "MERGE_HEAD").exists()


def test_an_unfinished_merge_is_refused_by_writers_and_reported_by_verify(repo):
    _conflicting_merge(repo)
    _editorial(repo)
    before = refs_of(repo)
    for args in WRITERS:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 1, args
        line = one_clear_line(proc.stderr)
        assert "merge is unfinished" in line and "git merge --abort" in line
    assert refs_of(repo) == before
    proc = akkoord("-C", repo, "verify")
    assert proc.returncode == 1
    assert "merge is unfinished" in proc.stdout and "OK" not in proc.stdout
    git(repo, "merge", "--abort")
    assert akkoord("-C", repo, "verify").returncode == 0


def test_an_unfinished_rebase_is_refused(repo):
    ident = ["-c", "user.name=T", "-c", "user.email=t@example.org"]
    _conflicting_merge(repo)
    git(repo, "merge", "--abort")
    git(repo, "switch", "-q", "side")
    git(repo, *ident, "rebase", "main", check=False)
    assert (repo / ".git" / "rebase-merge").is_dir() or (repo / ".git" / "rebase-apply").is_dir()
    proc = akkoord("-C", repo, "version", "create", "2025", "--by", BY)
    assert proc.returncode == 1
    assert "git rebase --abort" in one_clear_line(proc.stderr)


# --- 3. objects written by git: a kill leaves a complete object or none ------------------------------------


@pytest.mark.parametrize("point", ["blob-partly-staged#1", "commit-partly-staged", "tag-partly-staged"])
def test_a_kill_while_an_object_is_written_leaves_fsck_strict_clean(repo, tmp_path, point):
    ident = propose(repo, edited_copies(tmp_path, 1)[0], "T")
    assert akkoord("-C", repo, "amend", "accept", ident, "--by", BY).returncode == 0
    before = snapshot(repo)
    proc = killed(tmp_path, point, "-C", repo, "version", "create", "2024", "--by", BY)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    fsck = subprocess.run(["git", "-C", str(repo), "fsck", "--strict"], capture_output=True, text=True)
    assert fsck.returncode == 0 and "error" not in fsck.stderr, fsck.stderr
    assert snapshot(repo) == before
    assert akkoord("-C", repo, "version", "create", "2024", "--by", BY).returncode == 0
    assert_healthy(repo)


# --- 4. what was recorded, and what remains to repair ------------------------------------------------------


def test_a_failed_work_tree_sync_says_the_commit_was_recorded(repo, tmp_path):
    """A stray file named `amendments` stops the sync of the first proposal: the proposal is recorded and the
    line says so (never "nothing was written"); read-only commands still work; removing the file and running
    any command finishes the repair."""
    (repo / "amendments").write_text("a note, not the folder\n")
    copy = edited_copies(tmp_path, 1)[0]
    proc = akkoord("-C", repo, "amend", "propose", "--from-file", copy, "--title", "T", "--by", "A")
    assert proc.returncode == 1
    line = one_clear_line(proc.stderr)
    assert "was recorded" in line and "nothing was written" not in line and "akkoord status" in line
    assert "amendments" in git(repo, "ls-tree", "--name-only", "HEAD").split()
    proc = akkoord("-C", repo, "amend", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    assert [a["title"] for a in json.loads(proc.stdout)] == ["T"]
    (repo / "amendments").unlink()
    assert akkoord("-C", repo, "status").returncode == 0
    assert_healthy(repo)


# --- 5. a repository owned by someone else -----------------------------------------------------------------


def test_a_repository_of_another_user_names_dubious_ownership_and_the_safe_directory_step(repo, no_git_identity):
    if os.geteuid() != 0:
        pytest.skip("needs root to give the repository to another user")
    import pwd

    other = pwd.getpwnam("nobody")
    for folder, dirs, files in os.walk(repo):
        for name in [*dirs, *files]:
            os.lchown(os.path.join(folder, name), other.pw_uid, other.pw_gid)
    os.chown(repo, other.pw_uid, other.pw_gid)
    for args in [("status",), ("log",), ("amend", "list"), ("commit", "-m", "x", "--by", BY)]:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 1, args
        line = one_clear_line(proc.stderr)
        assert "dubious ownership" in line and "user nobody" in line, line
        assert f"git config --global --add safe.directory {repo}" in line, line
    subprocess.run(["git", "config", "--global", "--add", "safe.directory", str(repo)], check=True)
    assert akkoord("-C", repo, "status").returncode == 0


# --- 6. temporary files --------------------------------------------------------------------------------------


@pytest.mark.parametrize("point", ["sync-temp-written#1", "pending-temp-written"])
def test_temporary_files_of_a_kill_are_removed_and_never_committed(repo, tmp_path, point):
    copy, other = edited_copies(tmp_path, 2)  # the killed proposal may have been recorded: the next is another
    proc = killed(tmp_path, point, "-C", repo, "amend", "propose", "--from-file", copy, "--title", "T", "--by", "A")
    assert proc.returncode == -signal.SIGKILL
    left = temporary_files(repo)
    assert left, "the kill should have left a temporary file"
    git(repo, "add", "-A")  # what a user might do next: git ignores them
    assert not [p for p in git(repo, "diff", "--cached", "--name-only").split() if ".akkoord-" in p]
    git(repo, "reset", "-q")
    assert akkoord("-C", repo, "status").returncode == 0
    assert temporary_files(repo) == []
    proposed = propose(repo, other, "T2")
    assert amendments_in(repo)[proposed] == "proposed"
    assert_healthy(repo)
    assert ".akkoord-" not in git(repo, "ls-tree", "-r", "--name-only", "HEAD")


# --- 7. a damaged committed registry file -------------------------------------------------------------------


def _registry_repo(tmp_path: Path) -> tuple[Path, Path]:
    """A repository whose registry has a signatory (org-a) that endorsed version 2019; and the keys' folder."""
    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen is not installed")
    keys = tmp_path / "keys"
    keys.mkdir()
    for name in ("admin", "org", "orgb"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)], check=True)
    repo = tmp_path / "repo"
    steps = [
        ("init", repo, "--from", SAMPLE, "--by", BY, "--admin-key", keys / "admin.pub"),
        ("-C", repo, "version", "create", "2019", "--date", "2019-11-09", "--key", keys / "admin", "--by", BY),
        ("-C", repo, "signatory", "add", "org-a", "--name", "Org A", "--kind", "organisation")
        + ("--pubkey", keys / "org.pub", "--key", keys / "admin", "--by", BY),
        ("-C", repo, "endorse", "2019", "--as", "org-a", "--key", keys / "org"),
    ]
    for args in steps:
        proc = akkoord(*args)
        assert proc.returncode == 0, (args, proc.stderr)
    return repo, keys


def _signatory_record(repo: Path) -> str:
    """The record that added org-a, without its .json (the record's signatures are in the folder of that name)."""
    commit = git(repo, "log", "-1", "--format=%H", "--grep=Ondertekenaar org-a toegevoegd").strip()
    (record,) = [p for p in git(repo, "show", "--name-only", "--format=", commit).split() if p.endswith(".json")]
    return record.removesuffix(".json")


@pytest.mark.parametrize("damage", ["record changed", "record deleted", "signature cut short", "first record changed"])
def test_a_damaged_registry_file_gets_one_advice_from_every_command(tmp_path, no_git_identity, damage):
    """A committed registry file damaged, deleted or cut short: every command that reads the registry says the
    same thing (which file, the commit that holds it intact, and the step that restores it), none says there is
    no registry, that org-a is unknown, or that a registry already exists; the step works."""
    repo, keys = _registry_repo(tmp_path)
    record = _signatory_record(repo)
    first = git(repo, "ls-tree", "--name-only", "-r", git(repo, "rev-list", "--max-parents=0", "HEAD").strip())
    paths = {
        "record changed": [f"{record}.json"],
        "record deleted": [f"{record}.json", f"{record}/admin.sig"],
        "signature cut short": [f"{record}/admin.sig"],
        "first record changed": [next(p for p in first.split() if p.startswith("records/"))],
    }[damage]
    intact = {p: git(repo, "log", "--diff-filter=A", "-1", "--format=%H", "--", p).strip() for p in paths}
    for path in paths:
        if damage == "record deleted":
            git(repo, "rm", "-q", path)
        else:
            (repo / path).write_bytes((repo / path).read_bytes()[:-30])
    commit_all(repo, "someone edited the registry")

    proc = akkoord("-C", repo, "verify")
    assert proc.returncode == 1 and "registry: none" not in proc.stdout, proc.stdout
    for path in paths:
        assert f"{path}: was" in proc.stdout and intact[path][:12] in proc.stdout, proc.stdout
    admin = ("--key", keys / "admin", "--by", BY)
    commands = [
        ("signatory", "list"),
        ("endorsements",),
        ("endorse", "2019", "--as", "org-a", "--key", keys / "org", "--decision", "withdraw"),
        (
            "signatory",
            "add",
            "org-b",
            "--name",
            "Org B",
            "--kind",
            "organisation",
            "--pubkey",
            keys / "orgb.pub",
            *admin,
        ),
        ("version", "create", "2024", *admin),
        ("signatory", "init", "--admin-key", keys / "admin.pub", "--by", BY),
    ]
    before = refs_of(repo)
    advice = set()
    for args in commands:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 1, (args, proc.stdout)
        line = one_clear_line(proc.stderr)
        assert "registry is damaged" in line and paths[0] in line, (args, line)
        assert not re.search(r"no (signatory )?registry|already has a registry|not in the registry", line), line
        step = advised_step(line)
        assert all(f"git checkout {intact[p][:12]} -- " in step and p in step for p in paths), step
        advice.add(step)
    assert refs_of(repo) == before
    assert len(advice) == 1  # one step, the same from every command
    run_step(repo, advice.pop())
    proc = akkoord("-C", repo, "verify")
    assert proc.returncode == 0, proc.stdout
    assert "org-a" in akkoord("-C", repo, "signatory", "list").stdout


# --- 8. a tag update refused for another reason --------------------------------------------------------------


@pytest.mark.parametrize("consolidating", [False, True])
def test_a_leftover_tag_lock_is_reported_as_such(repo, tmp_path, consolidating):
    if consolidating:
        ident = propose(repo, edited_copies(tmp_path, 1)[0], "T")
        assert akkoord("-C", repo, "amend", "accept", ident, "--by", BY).returncode == 0
    lock = repo / ".git" / "refs" / "tags" / "version" / "2024.lock"
    lock.parent.mkdir(parents=True)
    lock.write_bytes(b"")
    before = refs_of(repo)
    proc = akkoord("-C", repo, "version", "create", "2024", "--by", BY)
    assert proc.returncode == 1
    line = one_clear_line(proc.stderr)
    assert "meanwhile" not in line and "already exists" not in line
    assert f"rm {lock}" in line and "nothing was written" in line
    assert refs_of(repo) == before
    lock.unlink()
    assert akkoord("-C", repo, "version", "create", "2024", "--by", BY).returncode == 0
    assert_healthy(repo)


def test_a_refusing_reference_transaction_hook_is_reported_as_such(repo):
    hook = repo / ".git" / "hooks" / "reference-transaction"
    hook.write_text(
        '#!/bin/sh\n[ "$1" = prepared ] && grep -q refs/tags/ && { echo "no tags here" >&2; exit 1; }\nexit 0\n'
    )
    hook.chmod(0o755)
    before = refs_of(repo)
    proc = akkoord("-C", repo, "version", "create", "2024", "--by", BY)
    assert proc.returncode == 1
    line = one_clear_line(proc.stderr)
    assert "reference-transaction hook" in line and "meanwhile" not in line
    assert refs_of(repo) == before


# --- 9. a full disk, a damaged object, a folder for the text -------------------------------------------------


def test_a_full_disk_gives_one_line_and_leaves_the_repository_usable(tmp_path, no_git_identity):
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)]).returncode:
        pytest.skip("needs root and tmpfs to make a small file system")
    try:
        repo = new_repo(disk / "repo")
        copies = edited_copies(tmp_path, 3)
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        for size in (65536, 512, 1):  # fill the disk to the last byte
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
        os.close(fd)
        for args in [
            ("amend", "propose", "--from-file", copies[0], "--title", "T", "--by", BY),
            ("version", "create", "2024", "--by", BY),
        ]:
            proc = akkoord("-C", repo, *args)
            assert proc.returncode == 1, (args, proc.stdout)
            assert "disk is full" in one_clear_line(proc.stderr)
        assert akkoord("-C", repo, "status").returncode == 0
        filler.unlink()
        propose(repo, copies[1], "T")
        assert akkoord("-C", repo, "version", "create", "2024", "--by", BY).returncode == 0
        assert_healthy(repo)
    finally:
        subprocess.run(["umount", str(disk)])


def test_a_corrupt_loose_object_gives_one_line_naming_the_damage(repo):
    blob = git(repo, "rev-parse", "HEAD:akkoord.xml").strip()
    path = repo / ".git" / "objects" / blob[:2] / blob[2:]
    path.chmod(0o644)
    path.write_bytes(b"not zlib at all")
    for args in [
        ("status",),
        ("log",),
        ("amend", "list"),
        ("show", "HEAD"),
        ("redline", "HEAD", "working"),
        ("verify",),
    ]:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 1, (args, proc.stdout)
        line = one_clear_line(proc.stderr)
        assert "damaged" in line and "git fsck" in line, line


def test_a_folder_in_place_of_the_text_gives_one_line(repo, tmp_path):
    (repo / "akkoord.xml").unlink()
    (repo / "akkoord.xml").mkdir()
    for args in [("commit", "-m", "x", "--by", BY), ("redline", "HEAD", "working"), ("show", "working")]:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 1, (args, proc.stdout)
        line = one_clear_line(proc.stderr)
        assert "is a folder" in line and "git checkout -- akkoord.xml" in line, line
    proc = akkoord("-C", repo, "status", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["uncommitted_edits"] is True
    ident = propose(repo, edited_copies(tmp_path, 1)[0], "T")  # the text in the work tree is not needed
    assert akkoord("-C", repo, "amend", "accept", ident, "--by", BY).returncode == 0
    proc = akkoord("-C", repo, "version", "create", "2024", "--by", BY)
    assert proc.returncode == 1
    line = one_clear_line(proc.stderr)
    assert "uncommitted" in line or "is a folder" in line
    shutil.rmtree(repo / "akkoord.xml")
    git(repo, "checkout", "--", "akkoord.xml")
    assert akkoord("-C", repo, "version", "create", "2024", "--by", BY).returncode == 0
    assert_healthy(repo)


# --- 9. a damaged amendment record or event file ------------------------------------------------------------


def _accepted_and_proposed(repo: Path, tmp_path: Path) -> tuple[str, str]:
    """Amendment A accepted (waiting for the next version), amendment B proposed."""
    first, second = edited_copies(tmp_path, 2)
    accepted = propose(repo, first, "A")
    assert akkoord("-C", repo, "amend", "accept", accepted, "--by", BY).returncode == 0
    return accepted, propose(repo, second, "B")


def _last_writer(repo: Path, path: str) -> str:
    return git(repo, "log", "-1", "--format=%H", "--", path).strip()


@pytest.mark.parametrize("damage", ["record", "event", "deleted record"])
def test_a_damaged_amendment_is_listed_and_blocks_only_what_would_drop_it(repo, tmp_path, damage):
    """The accepted amendment's record (or its acceptance) is damaged in a commit: `amend list` lists it as
    damaged and goes on; `amend show` and `verify` say so; accepting and consolidating refuse, naming the file
    and the commit that holds it intact; the step they give restores it, and the version then holds it."""
    accepted, proposed = _accepted_and_proposed(repo, tmp_path)
    folder = repo / "amendments" / accepted
    if damage == "event":
        path = next(p for p in (folder / "events").iterdir() if "-accepted-" in p.name)
    else:
        path = folder / "amendment.xml"
    relative = str(path.relative_to(repo))
    intact = _last_writer(repo, relative)
    if damage == "deleted record":
        path.unlink()
    else:
        path.write_bytes(path.read_bytes()[:-20])  # cut short
    commit_all(repo, "an editor slipped")
    step = f"git checkout {intact[:12]} -- {relative}"
    what = "is missing" if damage == "deleted record" else "cannot be read"

    proc = akkoord("-C", repo, "amend", "list")
    assert proc.returncode == 0, proc.stderr
    listed = proc.stdout.splitlines()
    assert any(line.startswith(proposed) and "proposed" in line for line in listed), proc.stdout
    (line,) = [line for line in listed if accepted in line]
    assert relative in line and what in line and step in line, line
    items = json.loads(akkoord("-C", repo, "amend", "list", "--json").stdout)
    assert {"id": accepted, "status": "damaged", "path": relative, "commit": intact} == {
        k: v for k, v in items[-1].items() if k != "problem"
    }
    assert [i["status"] for i in items] == ["proposed", "damaged"]

    proc = akkoord("-C", repo, "amend", "show", accepted[:14])
    assert proc.returncode == 1
    assert relative in one_clear_line(proc.stderr) and step in proc.stderr
    assert akkoord("-C", repo, "amend", "show", proposed).returncode == 0
    proc = akkoord("-C", repo, "verify")
    assert proc.returncode == 1 and "OK" not in proc.stdout
    assert f"{relative}: {what}" in proc.stdout and step in proc.stdout, proc.stdout

    before = refs_of(repo)
    redraft = edited_copies(tmp_path, 3)[2]
    for args, action in [
        (("amend", "accept", proposed, "--by", BY), f"cannot accept amendment {proposed}"),
        (("amend", "rebase", proposed, "--from-file", redraft, "--by", BY), f"cannot rebase amendment {proposed}"),
        (("version", "create", "2024", "--by", BY), "cannot create version 2024"),
    ]:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 1, (args, proc.stdout)
        line = one_clear_line(proc.stderr)
        assert line.startswith(f"akkoord: error: {action}: amendment {accepted} is damaged: {relative} {what}"), line
        assert step in line and "nothing was written" in line, line
    assert refs_of(repo) == before

    run_step(repo, advised_step(line))
    assert amendments_in(repo) == {accepted: "accepted", proposed: "proposed"}
    assert akkoord("-C", repo, "version", "create", "2024", "--by", BY).returncode == 0
    assert amendments_in(repo)[accepted] == "consolidated"
    assert akkoord("-C", repo, "verify").returncode == 0
    assert_healthy(repo)


# --- an init killed before its staging folder could be marked ------------------------------------------------


@pytest.mark.parametrize("point", ["staging-made", "repository-created"])
def test_an_init_killed_while_git_init_runs_leaves_nothing_the_next_init_keeps(tmp_path, no_git_identity, point):
    """Killed just after the staging folder beside the target was made (before it could be locked), or while
    `git init` filled it: the half-made folder is left, and the next `akkoord init` of that folder removes it
    and succeeds."""
    target = tmp_path / "agreement"
    proc = killed(tmp_path, point, "init", target, "--from", SAMPLE, "--by", BY)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(".agreement.akkoord-")]
    assert len(left) == 1 and not target.exists(), left
    new_repo(target)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["agreement"]
    assert_healthy(target)


def test_an_init_does_not_take_the_staging_folder_of_an_init_still_running(tmp_path, no_git_identity):
    """A staging folder another process holds locked (an init that has just made it) is left alone; once its
    lock is free, the next init of that folder removes it."""
    busy = tmp_path / ".agreement.akkoord-busy"
    busy.mkdir()
    lock = "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(fd, fcntl.LOCK_EX); "
    holder = subprocess.Popen(
        [sys.executable, "-c", lock + "print(1, flush=True); time.sleep(60)", str(busy)], stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"1"
        new_repo(tmp_path / "agreement")
        assert busy.is_dir()
    finally:
        holder.kill()
        holder.wait()
    shutil.rmtree(tmp_path / "agreement")
    new_repo(tmp_path / "agreement")
    assert not busy.exists()


# --- 10. an unreadable crash record ------------------------------------------------------------------------


def test_an_unreadable_crash_record_stops_every_command_and_says_what_to_check(repo, tmp_path):
    """The record is written atomically, so garbage in it is no half-written record to ignore: the work tree
    may be older than HEAD, and committing it would undo a recorded change."""
    pending = repo / ".git" / "akkoord-pending"
    pending.write_bytes(b"\x00garbage")
    _editorial(repo)
    before = refs_of(repo)
    for args in [("status",), ("commit", "-m", "x", "--by", BY), ("version", "create", "2024", "--by", BY)]:
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 1, args
        line = one_clear_line(proc.stderr)
        assert str(pending) in line and "git status" in line, line
    assert pending.read_bytes() == b"\x00garbage"
    assert refs_of(repo) == before
    pending.unlink()
    assert akkoord("-C", repo, "commit", "-m", "x", "--by", BY).returncode == 0


# --- 11. hooks and GIT_INDEX_FILE ---------------------------------------------------------------------------


def test_the_readme_says_hooks_do_not_run_and_why():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Git hooks") :]
    assert "reference-transaction" in section and "pre-commit" in section


def test_hooks_that_would_refuse_a_commit_do_not_run(repo, tmp_path):
    for name in ("pre-commit", "commit-msg", "post-commit"):
        hook = repo / ".git" / "hooks" / name
        hook.write_text(f"#!/bin/sh\ntouch {tmp_path}/{name}-ran\nexit 1\n")
        hook.chmod(0o755)
    propose(repo, edited_copies(tmp_path, 1)[0], "T")
    assert not list(tmp_path.glob("*-ran"))


def test_an_index_file_set_by_an_outer_process_is_respected(repo, tmp_path):
    """Run from a git hook or a tool with its own GIT_INDEX_FILE: that index is the one brought up to date
    (and its stale lock the one recovered); .git/index is left alone."""
    own = tmp_path / "outer-index"
    shutil.copy(repo / ".git" / "index", own)
    main_index = (repo / ".git" / "index").read_bytes()
    Path(f"{own}.lock").write_bytes(b"")  # left by a killed git command using that index
    copy = edited_copies(tmp_path, 1)[0]
    env = dict(os.environ, GIT_INDEX_FILE=str(own))
    proc = subprocess.run(
        [str(EXE), "-C", str(repo), "amend", "propose", "--from-file", str(copy), "--title", "T", "--by", "A"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert not Path(f"{own}.lock").exists()
    assert (repo / ".git" / "index").read_bytes() == main_index
    staged = subprocess.run(
        ["git", "-C", str(repo), "diff", "--cached", "--name-only", "HEAD"], capture_output=True, text=True, env=env
    )
    assert staged.stdout == ""
