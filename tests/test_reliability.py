"""Reliability of the commands that write: concurrent writers, crashes in the middle of a commit, atomic
versions, and a machine without a git identity.

Everything runs against real git repositories and real `akkoord` processes. Crashes are real too: the
environment variable AKKOORD_TEST_KILL_AT names a step of storage/gitrepo.py at which the command SIGKILLs
itself (tests/test_crash_steps.py kills every writing command at every step in turn).

What a crash leaves behind, by where it happens (see storage/gitrepo.py):

- before the branch moves (objects written, `update-ref` not run): the repository is exactly as before
  (HEAD, refs, index, work tree); only unreachable objects remain, which `git gc` removes.
- after the branch moved, before (or during) the work-tree sync: HEAD has the commit, and
  `.git/akkoord-pending` records the sync still to do. The next akkoord command, any command, finishes it
  (it writes the committed files where the work tree still holds the old or new content, and resets their
  index entries), so `git status` is clean again. Until then, plain git shows the touched files as changed;
  `git reset -q HEAD -- . && git checkout -- .` repairs that by hand too.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gitworld import (
    BY,
    EXE,
    SAMPLE,
    akkoord,
    amendments_in,
    assert_healthy,
    edited_copies,
    git,
    hold_open,
    killed,
    new_repo,
    one_clear_line,
    propose,
    snapshot,
    start,
)

N = 6

# a child process that takes another command's version tag just before its refs move (a race, not a crash)
TAG_THIEF = textwrap.dedent(
    """
    import subprocess
    import sys
    from akkoordvc.storage import gitrepo

    original = gitrepo.Repository._move_refs

    def steal_then_move(self, updates, reason):
        for ref, _new, _old in updates:
            if ref.startswith("refs/tags/"):
                subprocess.run(["git", "update-ref", ref, self.head_commit()], cwd=self.root, check=True)
        original(self, updates, reason)

    gitrepo.Repository._move_refs = steal_then_move
    from akkoordvc.cli.main import main

    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.fixture
def repo(tmp_path, no_git_identity) -> Path:
    """A fresh repository, on a machine with no git identity anywhere."""
    return new_repo(tmp_path / "repo")


# --- concurrency ----------------------------------------------------------------------------------------


def test_concurrent_proposals_all_land_and_leave_a_clean_repository(repo, tmp_path):
    copies = edited_copies(tmp_path, N)
    before = git(repo, "rev-parse", "HEAD").strip()
    procs = [
        start(
            "-C",
            repo,
            "amend",
            "propose",
            "--from-file",
            copy,
            "--title",
            f"Voorstel {i}",
            "--by",
            f"P{i} <p{i}@example.org>",
        )
        for i, copy in enumerate(copies)
    ]
    results = [(p, *p.communicate()) for p in procs]
    ids = []
    for proc, out, err in results:
        assert "Traceback" not in err, err
        if proc.returncode != 0:  # allowed by the standard, but the lock makes writers wait instead
            one_clear_line(err)
        assert proc.returncode == 0, err
        ids.append(out.strip())
    assert len(set(ids)) == N
    assert_healthy(repo)
    # linear: N new commits on top of the old HEAD, each adding exactly one amendment
    commits = git(repo, "rev-list", f"{before}..HEAD").split()
    assert len(commits) == N
    assert git(repo, "merge-base", "--is-ancestor", before, "HEAD") == ""
    listed = amendments_in(repo)
    assert set(ids) <= set(listed) and all(listed[i] == "proposed" for i in ids)
    for ident in ids:
        assert f"amendments/{ident}/amendment.xml" in git(repo, "ls-tree", "-r", "--name-only", "HEAD")
    # and each proposal is exactly the edit it was made from
    for i in range(len(copies)):
        shown = json.loads(akkoord("-C", repo, "amend", "show", ids[i], "--json").stdout)
        assert shown["title"] == f"Voorstel {i}"


def test_concurrent_decisions_and_versions_are_serialised(repo, tmp_path):
    """Accepts, a rejection, new proposals and versions with distinct labels, all at once: every command
    succeeds, one version consolidates the accepted amendments, and nothing is lost or applied twice."""
    copies = edited_copies(tmp_path, 5)
    first = [propose(repo, copies[i], f"Eerste {i}") for i in range(3)]
    before = git(repo, "rev-parse", "HEAD").strip()
    procs = {
        "accept-0": start("-C", repo, "amend", "accept", first[0], "--by", BY),
        "accept-1": start("-C", repo, "amend", "accept", first[1], "--by", BY),
        "reject-2": start("-C", repo, "amend", "reject", first[2], "--by", BY, "--reason", "nee"),
        "propose-3": start("-C", repo, "amend", "propose", "--from-file", copies[3], "--title", "Later 3", "--by", "A"),
        "propose-4": start("-C", repo, "amend", "propose", "--from-file", copies[4], "--title", "Later 4", "--by", "B"),
        "version-a": start("-C", repo, "version", "create", "va", "--by", BY),
        "version-b": start("-C", repo, "version", "create", "vb", "--by", BY),
    }
    done = {name: (p.wait(), p.stdout.read(), p.stderr.read()) for name, p in procs.items()}
    for name, (code, _out, err) in done.items():
        assert "Traceback" not in err, (name, err)
        assert code == 0, (name, err)
    assert_healthy(repo)
    subjects = git(repo, "log", "--format=%s", f"{before}..HEAD").strip().split("\n")
    consolidations = [s for s in subjects if s.startswith("Versie ") and s.endswith(" samengesteld")]  # Dutch text
    assert len(subjects) == 5 + len(consolidations) and len(consolidations) <= 2
    status = amendments_in(repo)
    assert status[first[2]] == "rejected"
    assert sum(1 for s in status.values() if s == "proposed") == 2
    # each accepted amendment is either consolidated by exactly one version, or still waiting for the next
    versions = json.loads(akkoord("-C", repo, "log", "--json").stdout)
    assert {v["label"] for v in versions} == {"va", "vb"}
    for ident in first[:2]:
        holders = [v["label"] for v in versions if ident in v["amendments"]]
        assert len(holders) <= 1
        assert status[ident] == ("consolidated" if holders else "accepted")
    for v in versions:  # every version is on the branch and its text is what its tag says
        assert git(repo, "merge-base", "--is-ancestor", v["commit"], "HEAD") == ""


def test_concurrent_versions_with_one_label_make_one_version_and_one_consolidation(repo, tmp_path):
    copies = edited_copies(tmp_path, 2)
    for i, copy in enumerate(copies):
        ident = propose(repo, copy, f"Voorstel {i}")
        assert akkoord("-C", repo, "amend", "accept", ident, "--by", BY).returncode == 0
    before = git(repo, "rev-parse", "HEAD").strip()
    procs = [start("-C", repo, "version", "create", "2024", "--by", BY) for _ in range(N)]
    results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in procs]
    assert sum(1 for code, _, _ in results if code == 0) == 1, results
    for code, _out, err in results:
        if code:
            assert code == 1
            assert "already exists" in one_clear_line(err)
    assert_healthy(repo)
    subjects = git(repo, "log", "--format=%s", f"{before}..HEAD").split("\n")
    assert [s for s in subjects if s] == ["Versie 2024 samengesteld"]  # the text is Dutch, so is its history
    assert git(repo, "rev-parse", "version/2024^{commit}").strip() == git(repo, "rev-parse", "HEAD").strip()
    assert set(amendments_in(repo).values()) == {"consolidated"}


def test_a_writer_waiting_too_long_for_the_lock_gives_one_clear_line(repo, tmp_path):
    import fcntl

    copy = edited_copies(tmp_path, 1)[0]
    before = snapshot(repo)
    with open(repo / ".git" / "akkoord.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # as another akkoord command in the middle of a commit
        handle.seek(0)
        handle.truncate()
        handle.write(b"4242\n")
        handle.flush()
        env = dict(os.environ, AKKOORD_LOCK_TIMEOUT="0")
        proc = subprocess.run(
            [str(EXE), "-C", str(repo), "amend", "propose", "--from-file", str(copy), "--title", "T", "--by", "A"],
            capture_output=True,
            text=True,
            env=env,
        )
        assert proc.returncode == 1
        line = one_clear_line(proc.stderr)
        assert "another akkoord command (process 4242)" in line and "retry" in line
        assert snapshot(repo) == before
        # readers do not wait for writers
        assert akkoord("-C", repo, "amend", "list").returncode == 0
    propose(repo, copy, "T")  # the lock is free again


def test_a_branch_moved_by_plain_git_after_the_command_read_it_is_refused(repo, tmp_path):
    """Plain git does not take akkoord's lock: the compare-and-swap still catches a writer that moved the
    branch after the command read the repository, and nothing is written."""
    copy = edited_copies(tmp_path, 1)[0]
    script = tmp_path / "race.py"
    script.write_text(
        textwrap.dedent(
            """
        import subprocess, sys
        from akkoordvc.storage.amendment_store import lifecycle

        original = lifecycle.commit_change

        def commit_after_someone_else(workspace, *a, **k):
            subprocess.run(["git", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q",
                            "--allow-empty", "-m", "elsewhere"], cwd=workspace.root, check=True)
            return original(workspace, *a, **k)

        lifecycle.commit_change = commit_after_someone_else
        from akkoordvc.cli.main import main

        sys.exit(main(sys.argv[1:]))
        """
        )
    )
    proc = subprocess.run(
        [
            sys.executable,
            str(script),
            "-C",
            str(repo),
            "amend",
            "propose",
            "--from-file",
            str(copy),
            "--title",
            "T",
            "--by",
            "A",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "moved while this command ran" in one_clear_line(proc.stderr)
    assert git(repo, "log", "-1", "--format=%s").strip() == "elsewhere"
    assert amendments_in(repo) == {}
    assert_healthy(repo)


def test_concurrent_inits_of_one_folder_make_one_repository(tmp_path, no_git_identity):
    target = tmp_path / "same"
    procs = [start("init", target, "--from", SAMPLE, "--by", BY) for _ in range(N)]
    results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in procs]
    assert sum(1 for code, _, _ in results if code == 0) == 1, results
    for code, _out, err in results:
        if code:
            assert code == 1 and "already exists and is not empty" in one_clear_line(err)
    assert_healthy(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".same")] == []  # no staging folder left


def test_in_process_commands_release_the_lock_even_when_they_fail(repo, tmp_path, run_cli):
    """The lock is held for a command's lifetime only: after a failing and a succeeding in-process command,
    another process can write at once."""
    from akkoordvc.storage import gitrepo

    copies = edited_copies(tmp_path, 2)
    code, _, err = run_cli("-C", repo, "amend", "accept", "no-such-id", "--by", BY)
    assert code == 1 and err.startswith("akkoord: error: no amendment")
    code, _, err = run_cli("-C", repo, "amend", "propose", "--from-file", copies[0], "--title", "T", "--by", BY)
    assert code == 0, err
    assert gitrepo._HELD == {}
    env = dict(os.environ, AKKOORD_LOCK_TIMEOUT="0")
    proc = subprocess.run(
        [str(EXE), "-C", str(repo), "amend", "propose", "--from-file", str(copies[1]), "--title", "U", "--by", BY],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert_healthy(repo)


# --- crashes --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("point", ["blob-written#1", "tree-written", "pending-written"])
def test_a_crash_before_the_branch_moves_leaves_the_repository_exactly_as_before(repo, tmp_path, point):
    copy = edited_copies(tmp_path, 1)[0]
    before = snapshot(repo)
    proc = killed(tmp_path, point, "-C", repo, "amend", "propose", "--from-file", copy, "--title", "T", "--by", "A")
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert snapshot(repo) == before
    assert_healthy(repo, settled=False)
    ident = propose(repo, copy, "T")  # the next command works (the kernel released the lock)
    assert amendments_in(repo) == {ident: "proposed"}
    assert_healthy(repo)


def test_a_crash_before_a_consolidating_version_moves_the_branch_leaves_no_trace(repo, tmp_path):
    ident = propose(repo, edited_copies(tmp_path, 1)[0], "T")
    assert akkoord("-C", repo, "amend", "accept", ident, "--by", BY).returncode == 0
    before = snapshot(repo)
    proc = killed(tmp_path, "pending-written", "-C", repo, "version", "create", "2024", "--by", BY)
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(repo) == before
    assert amendments_in(repo) == {ident: "accepted"}
    assert akkoord("-C", repo, "version", "create", "2024", "--by", BY).returncode == 0
    assert amendments_in(repo) == {ident: "consolidated"}
    assert_healthy(repo)


@pytest.mark.parametrize("point", ["refs-moved", "file-synced#1"])
@pytest.mark.parametrize("next_command", [("status",), ("amend", "list"), ("commit", "-m", "x", "--by", "A")])
def test_a_crash_after_the_branch_moved_is_repaired_by_the_next_command(repo, tmp_path, point, next_command):
    """The editorial commit is the dangerous case: with akkoord.xml left at its old content, committing the
    "edits" would silently undo the crashed change. The next command first finishes the sync."""
    edited = edited_copies(tmp_path, 1)[0]
    (repo / "akkoord.xml").write_bytes(edited.read_bytes())
    proc = killed(tmp_path, point, "-C", repo, "commit", "-m", "Redactioneel", "--by", "A")
    assert proc.returncode == -signal.SIGKILL
    head_text = subprocess.run(["git", "-C", str(repo), "show", "HEAD:akkoord.xml"], capture_output=True).stdout
    assert git(repo, "log", "-1", "--format=%s").strip() == "Redactioneel"  # the commit is on the branch
    assert (repo / ".git" / "akkoord-pending").exists()
    count = git(repo, "rev-list", "--count", "HEAD")
    after = akkoord("-C", repo, *next_command)
    assert "Traceback" not in after.stderr
    if next_command[0] == "commit":
        assert after.returncode == 1 and "no changes to commit" in one_clear_line(after.stderr)
    else:
        assert after.returncode == 0, after.stderr
    assert git(repo, "rev-list", "--count", "HEAD") == count  # nothing was undone or recorded twice
    assert (repo / "akkoord.xml").read_bytes() == head_text
    assert_healthy(repo)


def test_a_crash_after_a_consolidation_moved_the_branch_cannot_be_undone_by_the_next_commit(repo, tmp_path):
    """A consolidating version killed before the work tree was synced leaves akkoord.xml at the old text;
    `akkoord commit` would have recorded that old text as an editorial change, silently undoing the version."""
    ident = propose(repo, edited_copies(tmp_path, 1)[0], "T")
    assert akkoord("-C", repo, "amend", "accept", ident, "--by", BY).returncode == 0
    old_text = (repo / "akkoord.xml").read_bytes()
    proc = killed(tmp_path, "refs-moved", "-C", repo, "version", "create", "2024", "--by", BY)
    assert proc.returncode == -signal.SIGKILL
    assert git(repo, "rev-parse", "version/2024^{commit}").strip() == git(repo, "rev-parse", "HEAD").strip()
    assert (repo / "akkoord.xml").read_bytes() == old_text  # not yet synced
    after = akkoord("-C", repo, "commit", "-m", "Redactie", "--by", BY)
    assert after.returncode == 1 and "no changes to commit" in one_clear_line(after.stderr)
    assert git(repo, "log", "-1", "--format=%s").strip() == "Versie 2024 samengesteld"
    assert (repo / "akkoord.xml").read_bytes() != old_text
    assert amendments_in(repo) == {ident: "consolidated"}
    assert_healthy(repo)


def test_a_crash_during_a_proposal_sync_is_repaired(repo, tmp_path):
    copy = edited_copies(tmp_path, 1)[0]
    proc = killed(
        tmp_path, "refs-moved", "-C", repo, "amend", "propose", "--from-file", copy, "--title", "T", "--by", "A"
    )
    assert proc.returncode == -signal.SIGKILL
    assert git(repo, "status", "--porcelain") != ""  # plain git sees the unsynced files until akkoord runs
    listed = amendments_in(repo)
    assert list(listed.values()) == ["proposed"]
    assert_healthy(repo)


def test_an_edit_made_after_a_crash_is_kept_as_an_uncommitted_edit(repo, tmp_path):
    edited = edited_copies(tmp_path, 2)
    (repo / "akkoord.xml").write_bytes(edited[0].read_bytes())
    assert killed(tmp_path, "refs-moved", "-C", repo, "commit", "-m", "E", "--by", "A").returncode == -signal.SIGKILL
    (repo / "akkoord.xml").write_bytes(edited[1].read_bytes())  # the user edits on
    proc = akkoord("-C", repo, "status", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["uncommitted_edits"] is True
    assert (repo / "akkoord.xml").read_bytes() == edited[1].read_bytes()
    assert git(repo, "diff", "--cached", "--name-only") == ""  # the index was brought to HEAD


def test_a_sync_blocked_by_a_live_git_index_lock_is_reported_and_finished_later(repo, tmp_path):
    """A git command still holding .git/index.lock: the commit is recorded, the command says so in one line
    with a step that works, and the next akkoord command (once git is done) finishes the sync."""
    copy = edited_copies(tmp_path, 1)[0]
    lock = repo / ".git" / "index.lock"
    holder = hold_open(lock)
    try:
        proc = akkoord("-C", repo, "amend", "propose", "--from-file", copy, "--title", "T", "--by", "A")
        assert proc.returncode == 1
        line = one_clear_line(proc.stderr)
        assert "was recorded" in line and "nothing was written" not in line
        assert f"rm {lock}" in line
        assert lock.exists()  # a lock a process holds is never removed
    finally:
        holder.kill()
        holder.wait()
    lock.unlink()
    assert list(amendments_in(repo).values()) == ["proposed"]
    assert_healthy(repo)


# --- versions are atomic --------------------------------------------------------------------------------


def test_a_label_taken_meanwhile_leaves_no_consolidation_without_its_version(repo, tmp_path):
    ident = propose(repo, edited_copies(tmp_path, 1)[0], "T")
    assert akkoord("-C", repo, "amend", "accept", ident, "--by", BY).returncode == 0
    head = git(repo, "rev-parse", "HEAD").strip()
    script = tmp_path / "thief.py"
    script.write_text(TAG_THIEF)
    proc = subprocess.run(
        [sys.executable, str(script), "-C", str(repo), "version", "create", "2024", "--by", BY],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    line = one_clear_line(proc.stderr)
    assert "2024" in line and "another label" in line
    assert git(repo, "rev-parse", "HEAD").strip() == head  # no consolidation commit on the branch
    assert git(repo, "rev-parse", "version/2024^{commit}").strip() == head  # the other command's tag, untouched
    assert amendments_in(repo) == {ident: "accepted"}  # still waiting for a version of its own
    assert_healthy(repo)
    proc = akkoord("-C", repo, "version", "create", "2024-1", "--by", BY)
    assert proc.returncode == 0, proc.stderr
    assert amendments_in(repo) == {ident: "consolidated"}


def test_tags_under_version_that_akkoord_did_not_make_do_not_break_it(repo):
    """A lightweight tag, an annotated tag with an empty message and one of a tree, made with plain git:
    versions are still listed (those are not versions) and a taken label is refused in one line."""
    assert akkoord("-C", repo, "version", "create", "2019", "--by", BY, "--date", "2019-11-09").returncode == 0
    ident = ["-c", "user.name=T", "-c", "user.email=t@example.org"]
    git(repo, "tag", "version/light")
    git(repo, *ident, "tag", "-a", "-m", "", "version/empty")
    git(repo, *ident, "tag", "-a", "-m", "a tree", "version/tree", "HEAD^{tree}")
    proc = akkoord("-C", repo, "log", "--json")
    assert proc.returncode == 0, proc.stderr
    assert {v["label"] for v in json.loads(proc.stdout)} == {"2019", "empty"}
    for args in (("status",), ("show", "2019", "--format", "json"), ("redline", "2019", "working")):
        proc = akkoord("-C", repo, *args)
        assert proc.returncode == 0, (args, proc.stderr)
    proc = akkoord("-C", repo, "version", "create", "light", "--by", BY)
    assert proc.returncode == 1 and "already exists" in one_clear_line(proc.stderr)


# --- a fresh machine --------------------------------------------------------------------------------------


def test_every_committing_command_works_without_a_git_identity(repo, tmp_path, no_git_identity):
    assert git(repo, "config", "user.name", check=False) == ""
    # stricter than a fresh machine: git itself refuses to guess an identity
    (no_git_identity / ".gitconfig").write_text("[user]\n\tuseConfigOnly = true\n")
    copies = edited_copies(tmp_path, 4)
    ids = [propose(repo, copies[i], f"V{i}") for i in range(4)]
    steps = [
        ("amend", "accept", ids[0], "--by", BY),
        ("amend", "reject", ids[1], "--by", BY, "--reason", "nee"),
        ("amend", "withdraw", ids[2], "--by", "Noor"),
        ("version", "create", "2024", "--by", BY),
    ]
    for step in steps:
        proc = akkoord("-C", repo, *step)
        assert proc.returncode == 0, (step, proc.stderr)
    rebase_file = tmp_path / "rebase.xml"
    assert akkoord("-C", repo, "amend", "rebase", ids[3], "--write", rebase_file).returncode == 0
    text = rebase_file.read_text(encoding="utf-8")
    paragraph = re.findall(r"<p>([^<]{60,})</p>", text)[30]
    rebase_file.write_text(text.replace(paragraph, paragraph + " Herzien.", 1), encoding="utf-8")
    proc = akkoord("-C", repo, "amend", "rebase", ids[3], "--from-file", rebase_file, "--by", "Noor")
    assert proc.returncode == 0, proc.stderr
    text = (repo / "akkoord.xml").read_text(encoding="utf-8")
    paragraph = re.findall(r"<p>([^<]{60,})</p>", text)[40]
    (repo / "akkoord.xml").write_text(text.replace(paragraph, paragraph + " Redactie.", 1), encoding="utf-8")
    proc = akkoord("-C", repo, "commit", "-m", "Redactie", "--by", "Redactie")
    assert proc.returncode == 0, proc.stderr
    authors = set(git(repo, "log", "--format=%an <%ae>").strip().split("\n"))
    assert {"Noor <noor@akkoord.invalid>", "Redactie <redactie@akkoord.invalid>", BY} <= authors
    assert_healthy(repo)
    # and without --by: one clear line saying what to do, nothing written
    before = snapshot(repo)
    proc = akkoord("-C", repo, "version", "create", "2025")
    assert proc.returncode == 1
    line = one_clear_line(proc.stderr)
    assert "--by" in line and "git config" in line
    assert snapshot(repo) == before


def test_signatories_and_endorsements_work_without_a_git_identity(tmp_path, no_git_identity):
    if subprocess.run(["which", "ssh-keygen"], capture_output=True).returncode != 0:
        pytest.skip("ssh-keygen is not installed")
    keys = tmp_path / "keys"
    keys.mkdir()
    for name in ("admin", "org"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(keys / name)],
            check=True,
            stdin=subprocess.DEVNULL,
        )
    repo = tmp_path / "repo"
    assert akkoord("init", repo, "--from", SAMPLE, "--by", BY, "--admin-key", keys / "admin.pub").returncode == 0
    steps = [
        ("version", "create", "2019", "--by", BY, "--date", "2019-11-09", "--key", keys / "admin"),
        (
            "signatory",
            "add",
            "org-a",
            "--name",
            "Org A",
            "--kind",
            "organisation",
            "--pubkey",
            keys / "org.pub",
            "--key",
            keys / "admin",
            "--by",
            BY,
        ),
        ("endorse", "2019", "--as", "org-a", "--key", keys / "org"),
        ("verify",),
    ]
    for step in steps:
        proc = akkoord("-C", repo, *step)
        assert proc.returncode == 0, (step, proc.stderr)
    assert_healthy(repo)
