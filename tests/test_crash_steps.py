"""A kill at every step: every writing command, SIGKILLed at each step point of storage/gitrepo.py in turn.

The steps are not listed here: each command is first run once with AKKOORD_TEST_STEPS, which records every step
it passes (object written, refs moved, file synced, ...), so a new step point is covered without touching this
file. Then, for each step in turn, on a fresh copy of the command's prepared repository, the command is killed
there and the test checks what a secretariat would check after a crash:

- `git fsck --strict` is clean at once, before any akkoord command has repaired anything;
- a kill before the refs moved left everything a user sees as it was;
- `akkoord verify` and `akkoord status` work (and finish an interrupted work-tree sync);
- running the command again succeeds, or, when the killed command had already recorded its change, says so in
  one clear line;
- and then the repository is healthy: fsck clean, work tree and index equal to HEAD, no crash record, no
  temporary file.

Every command that writes to a repository is here but `signatory resolve` (it needs a registry fork to settle).
Commands that write through the same storage path as another (the registry changes all commit one signed record,
as `signatory add` does) are checked to pass exactly the same steps as that one, and are killed only where their own outcome differs: just before and just after the
refs move. Setup is shared: two repository worlds are built once, each command's starting state is prepared
once, and every kill works on a copy of it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from gitworld import BY, EXE, SAMPLE, akkoord, assert_healthy, edited_copies, git, one_clear_line, snapshot

pytestmark = pytest.mark.slow  # about 250 kills: minutes of wall time (`make test-quick` leaves it out)

PROPOSER = "Noor <noor@example.org>"


@dataclass(frozen=True)
class World:
    """The folder holding both repositories, the keys and the edited copies; and the ids of the proposals."""

    base: Path
    ids: dict[str, str]

    def key(self, name: str) -> Path:
        return self.base / "keys" / name


@dataclass(frozen=True)
class Case:
    """A writing command: the repository it starts from, what is done first (once), and its arguments."""

    repo: str  # "registry": with a signatory registry; "plain": without one
    args: Callable[[World], tuple]
    prepare: Callable[[World], list[tuple]] = lambda w: []
    same_as: str | None = None  # writes through the same storage path as that command: killed sparsely
    moves_a_tag_only: bool = False


def _keys(folder: Path) -> None:
    folder.mkdir()
    for name in ("admin", "admin2", "org", "orgb"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(folder / name)],
            check=True,
            stdin=subprocess.DEVNULL,
        )


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    """Two repositories with something for every writing command to act on. `registry`: a signatory registry
    with a signatory, a signed version, five proposals. `plain`: no registry, a version made as a tag only,
    one proposal. Each command prepares its own copy of one of them once; each kill works on a copy of that."""
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


def _build(base: Path) -> World:
    _keys(base / "keys")
    admin = base / "keys" / "admin"
    repo = base / "registry"
    run_ok("init", repo, "--from", SAMPLE, "--by", BY, "--admin-key", f"{admin}.pub")
    run_ok("-C", repo, "version", "create", "2019", "--by", BY, "--date", "2019-11-09", "--key", admin)
    run_ok(
        "-C",
        repo,
        *("signatory", "add", "org-a", "--name", "Org A", "--kind", "organisation"),
        *("--pubkey", base / "keys" / "org.pub", "--key", admin, "--by", BY),
    )
    copies = edited_copies(base, 8)
    for letter, copy in zip("ABCDE", copies, strict=False):
        _propose(repo, copy, f"Voorstel {letter}")
    plain = base / "plain"
    run_ok("init", plain, "--from", SAMPLE, "--by", BY)
    run_ok("-C", plain, "version", "create", "2019", "--by", BY, "--date", "2019-11-09")
    _propose(plain, copies[7], "Voorstel P")
    for folder in (repo, plain):
        assert run_ok("-C", folder, "verify").returncode == 0
    ids = {}
    for folder in (repo, plain):
        ids.update({a["title"]: a["id"] for a in json.loads(run_ok("-C", folder, "amend", "list", "--json").stdout)})
    return World(base, ids)


def _propose(repo: Path, copy: Path, title: str) -> None:
    run_ok("-C", repo, "amend", "propose", "--from-file", copy, "--title", title, "--by", PROPOSER)


def run_ok(*args) -> subprocess.CompletedProcess:
    proc = akkoord(*args)
    assert proc.returncode == 0, (args, proc.stderr)
    return proc


def _admin(w: World) -> tuple:
    return ("--key", w.key("admin"), "--by", BY)


def _edit_text(repo: Path) -> None:
    text = (repo / "akkoord.xml").read_text(encoding="utf-8")
    (repo / "akkoord.xml").write_text(text.replace("Dit akkoord geldt", "Dit akkoord geldt ook", 1), encoding="utf-8")


def _registry_change(*args: str) -> Callable[[World], tuple]:
    return lambda w: (*args, *_admin(w))


def _awaiting_attestation(w: World, name: str) -> str:
    """The attestation (a path in the repository) that the preparation of `name` left awaiting a cosignature."""
    (path,) = (w.base / "prepared" / name / "attestations").rglob("*.json")
    return str(path.relative_to(w.base / "prepared" / name))


# name -> the case; the registry changes all commit one signed record through trust.changes, as signatory-add does;
# in the registry world an amendment decision is an admin-signed record too (--key)
COMMANDS: dict[str, Case] = {
    "commit": Case("registry", lambda w: ("commit", "-m", "Redactie", "--by", BY)),
    "version-create": Case("registry", lambda w: ("version", "create", "2024", "--date", "2024-05-01", *_admin(w))),
    "version-create-consolidating": Case(
        "registry",
        lambda w: ("version", "create", "2024", *_admin(w)),
        prepare=lambda w: [("amend", "accept", w.ids["Voorstel E"], *_admin(w))],
    ),
    "version-create-unsigned": Case(
        "plain", lambda w: ("version", "create", "2024", "--by", BY, "--date", "2024-05-01"), moves_a_tag_only=True
    ),
    "version-create-unsigned-consolidating": Case(
        "plain",
        lambda w: ("version", "create", "2024", "--by", BY),
        prepare=lambda w: [("amend", "accept", w.ids["Voorstel P"], "--by", BY)],
    ),
    "version-sign-tagged": Case(
        "plain",
        lambda w: ("version", "create", "2019", *_admin(w)),
        prepare=lambda w: [("signatory", "init", "--admin-key", f"{w.key('admin')}.pub", "--by", BY)],
    ),
    "verify-remakes-a-tag": Case("registry", lambda w: ("verify",), moves_a_tag_only=True),
    "amend-propose": Case(
        "registry",
        lambda w: ("amend", "propose", "--from-file", w.base / "edited-5.xml", "--title", "F", "--by", PROPOSER),
    ),
    "amend-accept": Case("registry", lambda w: ("amend", "accept", w.ids["Voorstel A"], *_admin(w))),
    "amend-reject": Case("registry", lambda w: ("amend", "reject", w.ids["Voorstel B"], "--reason", "nee", *_admin(w))),
    "amend-withdraw": Case(
        "registry", lambda w: ("amend", "withdraw", w.ids["Voorstel C"], "--by", PROPOSER, "--key", w.key("admin"))
    ),
    "amend-rebase": Case(
        "registry",
        lambda w: ("amend", "rebase", w.ids["Voorstel D"], "--from-file", w.base / "edited-6.xml", "--by", PROPOSER),
    ),
    "signatory-init": Case(
        "plain", lambda w: ("signatory", "init", "--admin-key", f"{w.key('admin')}.pub", "--by", BY)
    ),
    "signatory-add": Case(
        "registry",
        lambda w: (
            *("signatory", "add", "org-b", "--name", "Org B", "--kind", "organisation"),
            *("--pubkey", w.key("orgb.pub"), *_admin(w)),
        ),
    ),
    "signatory-add-key": Case(
        "registry",
        lambda w: ("signatory", "add-key", "org-a", "--pubkey", w.key("orgb.pub"), *_admin(w)),
        same_as="signatory-add",
    ),
    "signatory-revoke-key": Case(
        "registry",
        lambda w: ("signatory", "revoke-key", "org-a", w.key("org.pub"), *_admin(w)),
        same_as="signatory-add",
    ),
    "signatory-retire": Case("registry", _registry_change("signatory", "retire", "org-a"), same_as="signatory-add"),
    "signatory-admin-add": Case(
        "registry",
        lambda w: ("signatory", "admin-add", "admin2", "--pubkey", w.key("admin2.pub"), *_admin(w)),
        same_as="signatory-add",
    ),
    "signatory-threshold": Case(
        "registry",
        _registry_change("signatory", "threshold", "2"),
        prepare=lambda w: [("signatory", "admin-add", "admin2", "--pubkey", w.key("admin2.pub"), *_admin(w))],
        same_as="signatory-add",
    ),
    "signatory-cosign": Case(
        "registry",
        lambda w: ("signatory", "cosign", "--key", w.key("admin2"), "--by", BY),
        prepare=lambda w: [
            ("signatory", "admin-add", "admin2", "--pubkey", w.key("admin2.pub"), *_admin(w)),
            ("signatory", "threshold", "2", *_admin(w)),
            ("signatory", "retire", "org-a", *_admin(w)),  # one of two signatures: awaits the second
        ],
    ),
    "signatory-admin-revoke": Case(
        "registry",
        _registry_change("signatory", "admin-revoke", "admin2"),
        prepare=lambda w: [("signatory", "admin-add", "admin2", "--pubkey", w.key("admin2.pub"), *_admin(w))],
        same_as="signatory-add",
    ),
    "signatory-cosign-attestation": Case(
        "registry",
        lambda w: (
            *("signatory", "cosign", "--attestation", _awaiting_attestation(w, "signatory-cosign-attestation")),
            *("--key", w.key("admin2"), "--by", BY),
        ),
        prepare=lambda w: [
            ("signatory", "admin-add", "admin2", "--pubkey", w.key("admin2.pub"), *_admin(w)),
            ("signatory", "threshold", "2", *_admin(w)),
            (
                *("attest", "2019", "--signatory", "org-a", "--date", "2019-12-01"),
                *("--evidence", "brief van 1 december 2019", *_admin(w)),
            ),  # one of two signatures: awaits the second
        ],
    ),
    "endorse": Case("registry", lambda w: ("endorse", "2019", "--as", "org-a", "--key", w.key("org"))),
    "attest": Case(
        "registry",
        lambda w: (
            *("attest", "2019", "--signatory", "org-a", "--date", "2019-12-01"),
            *("--evidence", "brief van 1 december 2019", *_admin(w)),
        ),
    ),
}

#: what is done to a copy before the command, besides akkoord commands (not a command: no steps of its own)
EDITS: dict[str, Callable[[Path], None]] = {
    "commit": _edit_text,
    "verify-remakes-a-tag": lambda repo: git(repo, "tag", "-d", "version/2019") and None,
}


@pytest.fixture(scope="module")
def prepared(world: World) -> Callable[[str], Path]:
    """The starting repository of a command, made once: a copy of its world with the preparation done."""
    made: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in made:
            case = COMMANDS[name]
            target = world.base / "prepared" / name
            shutil.copytree(world.base / case.repo, target, symlinks=True)
            for args in case.prepare(world):
                run_ok("-C", target, *args)
            if name in EDITS:
                EDITS[name](target)
            made[name] = target
        return made[name]

    return get


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    return target


@dataclass(frozen=True)
class Run:
    """A command run once to the end on a copy of its starting repository: the steps it passed, what a user
    sees of the repository before it, and whether `akkoord verify` passed before and after it (a repository
    with a version awaiting its signed record, or a record awaiting a cosignature, does not verify)."""

    steps: list[str]
    before: dict
    verified_before: int
    verified_after: int


def _run_once(world: World, prepared: Callable[[str], Path], name: str) -> Run:
    baseline = _copy(prepared(name), world.base / "runs" / f"{name}-baseline")
    verified_before = akkoord("-C", baseline, "verify").returncode  # on a copy of its own: verify may repair
    shutil.rmtree(baseline)
    repo = _copy(prepared(name), world.base / "runs" / f"{name}-record")
    log = world.base / "runs" / f"{name}.steps"
    log.unlink(missing_ok=True)
    before = snapshot(repo)
    proc = subprocess.run(
        [str(EXE), "-C", str(repo), *map(str, COMMANDS[name].args(world))],
        capture_output=True,
        text=True,
        env=dict(os.environ, AKKOORD_TEST_STEPS=str(log)),
    )
    assert proc.returncode == 0, proc.stderr
    run = Run(log.read_text().split(), before, verified_before, akkoord("-C", repo, "verify").returncode)
    shutil.rmtree(repo)
    return run


def _fsck_strict(repo: Path) -> None:
    fsck = subprocess.run(["git", "-C", str(repo), "fsck", "--strict", "--no-progress"], capture_output=True, text=True)
    assert fsck.returncode == 0 and "error" not in fsck.stderr, fsck.stdout + fsck.stderr


def _kill_points(name: str, steps: list[str]) -> list[int]:
    """Where to kill: every step, or for a command that shares its storage path with another, the step just
    before the refs move, the move itself and the step after (where its own re-run and message differ)."""
    if COMMANDS[name].same_as is None:
        return list(range(len(steps)))
    moved = steps.index("refs-moved#1")
    return [n for n in (moved - 1, moved, moved + 1) if 0 <= n < len(steps)]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_kill_at_every_step_of_a_writing_command_leaves_a_usable_repository(world, prepared, name):
    case = COMMANDS[name]
    run = _run_once(world, prepared, name)
    steps = run.steps
    assert "refs-moved#1" in steps, steps
    assert ("file-synced#1" in steps) != case.moves_a_tag_only, steps
    if case.same_as is not None:  # the same storage path, or it needs killing at every step of its own
        assert _run_once(world, prepared, case.same_as).steps == steps, (name, case.same_as)
    moved_at = steps.index("refs-moved#1")
    points = _kill_points(name, steps)
    with ThreadPoolExecutor(max_workers=2) as pool:  # each kill on its own copy: two at a time
        list(pool.map(lambda n: _kill_and_check(world, prepared(name), name, run, n, n >= moved_at), points))


def _kill_and_check(world: World, start: Path, name: str, run: Run, number: int, recorded: bool) -> None:
    point = run.steps[number]
    repo = _copy(start, world.base / "runs" / f"{name}-{number}")
    args = COMMANDS[name].args(world)
    env = dict(os.environ, AKKOORD_TEST_KILL_AT=point)
    proc = subprocess.run([str(EXE), "-C", str(repo), *map(str, args)], capture_output=True, text=True, env=env)
    where = f"{name} killed at {point}"
    assert proc.returncode == -signal.SIGKILL, (where, proc.stderr)
    _fsck_strict(repo)
    if not recorded:
        assert snapshot(repo) == run.before, where
    done = akkoord("-C", repo, "verify")  # as before the command, or as after it once it was recorded
    assert done.returncode == (run.verified_after if recorded else run.verified_before), (where, done.stdout)
    assert "internal error" not in done.stderr and not done.stderr.strip(), (where, done.stderr)
    done = akkoord("-C", repo, "status")
    assert done.returncode == 0, (where, done.stdout, done.stderr)
    again = akkoord("-C", repo, *args)
    if again.returncode != 0:
        assert recorded, (where, "the change was not recorded, yet the re-run failed", again.stderr)
        one_clear_line(again.stderr)
    assert_healthy(repo)
    shutil.rmtree(repo)


def test_a_kill_at_every_step_of_init_leaves_nothing_half_made(world):
    parent = world.base / "runs" / "init"
    parent.mkdir(parents=True)
    args = ("init", parent / "agreement", "--from", SAMPLE, "--by", BY, "--admin-key", f"{world.key('admin')}.pub")
    log = world.base / "runs" / "init.steps"
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
