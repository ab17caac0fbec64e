"""A kill at every step: every writing command, SIGKILLed at each step point of storage/gitrepo.py in turn.

The steps are not listed here: each command is first run once with AKKOORD_TEST_STEPS, which records every step
it passes (object written, refs moved, file synced, ...), so a new step point is covered without touching this
file. Then, for each step in turn, on a fresh copy of one shared repository world, the command is killed there
and the test checks what a secretariat would check after a crash:

- `git fsck --strict` is clean at once, before any akkoord command has repaired anything;
- a kill before the refs moved left everything a user sees as it was;
- `akkoord verify` and `akkoord status` work (and finish an interrupted work-tree sync);
- running the command again succeeds, or, when the killed command had already recorded its change, says so in
  one clear line;
- and then the repository is healthy: fsck clean, work tree and index equal to HEAD, no crash record, no
  temporary file.

About 200 kills, two at a time; each costs four akkoord processes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gitworld import (
    BY,
    EXE,
    SAMPLE,
    akkoord,
    assert_healthy,
    edited_copies,
    git,
    one_clear_line,
    propose,
    snapshot,
)

pytestmark = pytest.mark.slow  # about 200 kills: minutes of wall time

PROPOSER = "Noor <noor@example.org>"


def _keys(folder: Path) -> None:
    folder.mkdir()
    for name in ("admin", "org", "orgb"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(folder / name)],
            check=True,
            stdin=subprocess.DEVNULL,
        )


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[Path]:
    """One repository with something for every writing command to act on: a registry with a signatory, a
    version, five proposals, edited copies of the text. Each kill works on a copy of it."""
    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen is not installed")
    base = tmp_path_factory.mktemp("world")
    home = base / "home"
    home.mkdir()
    with pytest.MonkeyPatch.context() as env:  # a machine with no git identity, as CI
        env.setenv("HOME", str(home))
        env.setenv("GIT_CONFIG_NOSYSTEM", "1")
        env.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
        for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
            env.delenv(var, raising=False)
        yield _build(base)


def _build(base: Path) -> Path:
    _keys(base / "keys")
    repo = base / "repo"
    run_ok("init", repo, "--from", SAMPLE, "--by", BY, "--admin-key", base / "keys" / "admin.pub")
    run_ok(
        "-C", repo, "version", "create", "2019", "--by", BY, "--date", "2019-11-09", "--key", base / "keys" / "admin"
    )
    run_ok(
        "-C",
        repo,
        *("signatory", "add", "org-a", "--name", "Org A", "--kind", "organisation"),
        *("--pubkey", base / "keys" / "org.pub", "--key", base / "keys" / "admin", "--by", BY),
    )
    copies = edited_copies(base, 7)
    for letter, copy in zip("ABCDE", copies, strict=False):
        propose(repo, copy, f"Voorstel {letter}", who=PROPOSER)
    assert run_ok("-C", repo, "verify").returncode == 0
    return base


def run_ok(*args) -> subprocess.CompletedProcess:
    proc = akkoord(*args)
    assert proc.returncode == 0, (args, proc.stderr)
    return proc


def amendment(repo: Path, title: str) -> str:
    import json

    listed = json.loads(run_ok("-C", repo, "amend", "list", "--json").stdout)
    return next(a["id"] for a in listed if a["title"] == title)


def _edit_text(repo: Path) -> None:
    text = (repo / "akkoord.xml").read_text(encoding="utf-8")
    (repo / "akkoord.xml").write_text(text.replace("Dit akkoord geldt", "Dit akkoord geldt ook", 1), encoding="utf-8")


def _accept_e(repo: Path) -> None:
    run_ok("-C", repo, "amend", "accept", amendment(repo, "Voorstel E"), "--by", BY, "--key", _admin(repo))


def _admin(copy: Path) -> Path:
    """The admin key of the world a copy was made in: a decision is an admin-signed record there."""
    return copy.parents[1] / "keys" / "admin"


# name -> (prepare the copy, the command's arguments given the copy and the world)
COMMANDS = {
    "commit": (_edit_text, lambda r, w: ("commit", "-m", "Redactie", "--by", BY)),
    "version-create": (
        None,
        lambda r, w: ("version", "create", "2024", "--by", BY, "--date", "2024-05-01", "--key", w / "keys" / "admin"),
    ),
    "version-create-consolidating": (
        _accept_e,
        lambda r, w: ("version", "create", "2024", "--by", BY, "--key", w / "keys" / "admin"),
    ),
    "amend-propose": (
        None,
        lambda r, w: ("amend", "propose", "--from-file", w / "edited-5.xml", "--title", "F", "--by", PROPOSER),
    ),
    "amend-accept": (
        None,
        lambda r, w: ("amend", "accept", amendment(r, "Voorstel A"), "--by", BY, "--key", _admin(r)),
    ),
    "amend-reject": (
        None,
        lambda r, w: ("amend", "reject", amendment(r, "Voorstel B"), "--by", BY, "--reason", "nee", "--key", _admin(r)),
    ),
    "amend-withdraw": (
        None,
        lambda r, w: ("amend", "withdraw", amendment(r, "Voorstel C"), "--by", PROPOSER, "--key", _admin(r)),
    ),
    "amend-rebase": (
        None,
        lambda r, w: (
            "amend",
            "rebase",
            amendment(r, "Voorstel D"),
            "--from-file",
            w / "edited-6.xml",
            "--by",
            PROPOSER,
        ),
    ),
    "signatory-add": (
        None,
        lambda r, w: (
            *("signatory", "add", "org-b", "--name", "Org B", "--kind", "organisation"),
            *("--pubkey", w / "keys" / "orgb.pub", "--key", w / "keys" / "admin", "--by", BY),
        ),
    ),
    "endorse": (None, lambda r, w: ("endorse", "2019", "--as", "org-a", "--key", w / "keys" / "org")),
    "attest": (
        None,
        lambda r, w: (
            *("attest", "2019", "--signatory", "org-a", "--date", "2019-12-01"),
            *("--evidence", "brief van 1 december 2019", "--key", w / "keys" / "admin", "--by", BY),
        ),
    ),
}


def _copy(world: Path, name: str) -> Path:
    target = world / "copies" / name
    shutil.copytree(world / "repo", target, symlinks=True)
    return target


def _recorded_steps(world: Path, name: str, args_of, prepare) -> list[str]:
    repo = _copy(world, f"{name}-record")
    if prepare:
        prepare(repo)
    log = world / "copies" / f"{name}.steps"
    proc = subprocess.run(
        [str(EXE), "-C", str(repo), *map(str, args_of(repo, world))],
        capture_output=True,
        text=True,
        env=dict(os.environ, AKKOORD_TEST_STEPS=str(log)),
    )
    assert proc.returncode == 0, proc.stderr
    steps = log.read_text().split()
    shutil.rmtree(repo)
    return steps


def _fsck_strict(repo: Path) -> None:
    fsck = subprocess.run(["git", "-C", str(repo), "fsck", "--strict", "--no-progress"], capture_output=True, text=True)
    assert fsck.returncode == 0 and "error" not in fsck.stderr, fsck.stdout + fsck.stderr


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_kill_at_every_step_of_a_writing_command_leaves_a_usable_repository(world, name):
    prepare, args_of = COMMANDS[name]
    steps = _recorded_steps(world, name, args_of, prepare)
    assert "refs-moved#1" in steps and ("file-synced#1" in steps or name == "version-create"), steps
    moved_at = steps.index("refs-moved#1")
    with ThreadPoolExecutor(max_workers=2) as pool:  # each kill on its own copy: two at a time
        list(pool.map(lambda n: _kill_and_check(world, name, steps, n, n >= moved_at), range(len(steps))))


def _kill_and_check(world: Path, name: str, steps: list[str], number: int, recorded: bool) -> None:
    prepare, args_of = COMMANDS[name]
    point = steps[number]
    repo = _copy(world, f"{name}-{number}")
    if prepare:
        prepare(repo)
    args = args_of(repo, world)
    before = snapshot(repo)
    env = dict(os.environ, AKKOORD_TEST_KILL_AT=point)
    proc = subprocess.run([str(EXE), "-C", str(repo), *map(str, args)], capture_output=True, text=True, env=env)
    where = f"{name} killed at {point}"
    assert proc.returncode == -signal.SIGKILL, (where, proc.stderr)
    _fsck_strict(repo)
    if not recorded:
        assert snapshot(repo) == before, where
    for check in (("verify",), ("status",)):
        done = akkoord("-C", repo, *check)
        assert done.returncode == 0, (where, check, done.stdout, done.stderr)
    again = akkoord("-C", repo, *args)
    if again.returncode != 0:
        assert recorded, (where, "the change was not recorded, yet the re-run failed", again.stderr)
        one_clear_line(again.stderr)
    assert_healthy(repo)
    shutil.rmtree(repo)


def test_a_kill_at_every_step_of_init_leaves_nothing_half_made(world):
    parent = world / "copies" / "init"
    parent.mkdir(parents=True)
    args = ("init", parent / "agreement", "--from", SAMPLE, "--by", BY, "--admin-key", world / "keys" / "admin.pub")
    log = world / "copies" / "init.steps"
    proc = subprocess.run(
        [str(EXE), *map(str, args)], capture_output=True, text=True, env=dict(os.environ, AKKOORD_TEST_STEPS=str(log))
    )
    assert proc.returncode == 0, proc.stderr
    shutil.rmtree(parent / "agreement")
    steps = log.read_text().split()
    assert "init-staged#1" in steps
    for point in steps:
        env = dict(os.environ, AKKOORD_TEST_KILL_AT=point)
        proc = subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, env=env)
        assert proc.returncode == -signal.SIGKILL, (point, proc.stderr)
        assert not (parent / "agreement").exists(), point  # moved into place whole, or not at all
        run_ok(*args)
        assert [p.name for p in parent.iterdir()] == ["agreement"], point  # the abandoned attempt is gone
        assert_healthy(parent / "agreement")
        assert git(parent / "agreement", "rev-list", "--count", "HEAD").strip() == "1"
        run_ok("-C", parent / "agreement", "verify")
        shutil.rmtree(parent / "agreement")
