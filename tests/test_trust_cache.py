"""The verdict cache (issue 10 item 3) and reading in bulk (items 2 and 5; issue 9 item 6), with real git and
ssh-keygen.

The cache may change how long a command takes, never what it says: the same `verify --json` with and without it,
after it is damaged, forged or deleted; a change of any input a verdict depends on is a miss. A planted statement
whose signature carries no key registered for its folder is refused before it is read.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from helpers import git
from trust_world import SAMPLE, TODAY, keygen

from akkoordvc.errors import AkkoordError
from akkoordvc.storage.gitrepo import Repository
from akkoordvc.trust import cache, loading, results, sshsig
from akkoordvc.trust import registry_ops as O
from akkoordvc.trust.jsonfile import canonical_json

BY = "Secretariaat <secretariaat@example.org>"


@pytest.fixture
def own_secret(tmp_path, monkeypatch) -> Path:
    """A user cache folder (and so a cache secret) of this test's own."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv(cache.SECRET_ENV, str(folder))
    return folder


def forget_results(repo: Path) -> None:
    """Delete the kept results of verify, endorsements and since (`trust.results`), so the verdicts answer."""
    kept = cache.Cache(repo / ".git" / cache.FOLDER, b"")
    for section in results.SECTIONS:
        path = kept.file(f"result:{section}")
        if path is not None:
            path.unlink(missing_ok=True)


def cache_files(repo: Path) -> list[Path]:
    return sorted((repo / ".git" / cache.FOLDER).glob("*.json"))


def forget(repo: Path) -> None:
    shutil.rmtree(repo / ".git" / cache.FOLDER, ignore_errors=True)


def commit_files(repo: Path, files: dict[str, bytes], message: str = "by hand") -> None:
    """Commit `files` with plain git, as anyone with push access could."""
    for path, data in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(data)
    git(repo, "add", "--", *files)
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", message)


@pytest.fixture
def cli_repo(tmp_path, run_cli, own_secret, monkeypatch):
    """A repository built through the CLI (a registry, a version, endorsements, an attestation), then two
    statements that fail committed with plain git: one edited after it was signed, one signed with another
    signatory's key. Returns (repo, keys, run) with `run(*args)` the CLI that must succeed."""
    monkeypatch.setenv("AKKOORD_TODAY", TODAY.isoformat())
    keys_folder = tmp_path / "keys"
    keys_folder.mkdir()
    keys = {name: keygen(keys_folder, name) for name in ("admin", "org-a", "org-b")}
    keys["org-c"] = keygen(keys_folder, "org-c", "ecdsa")
    repo = tmp_path / "repo"

    def run(*args):
        code, out, err = run_cli(*args)
        assert code == 0, err
        return out

    admin = ("--key", keys["admin"], "--by", BY)
    run("init", repo, "--from", SAMPLE, "--by", BY, "--admin-key", f"{keys['admin']}.pub", "--date", "2026-01-05")
    run("-C", repo, "version", "create", "2026", "--date", "2026-01-05", *admin)
    for name in ("org-a", "org-b", "org-c"):
        pubkey = f"{keys[name]}.pub"
        run("-C", repo, "signatory", "add", name, "--name", name, "--kind", "organisation", "--pubkey", pubkey, *admin)
    run("-C", repo, "signatory", "add", "org-papier", "--name", "Papier", "--kind", "organisation", *admin)
    run("-C", repo, "endorse", "2026", "--as", "org-a", "--key", keys["org-a"])
    run("-C", repo, "endorse", "2026", "--as", "org-b", "--key", keys["org-b"], "--decision", "decline")
    run("-C", repo, "endorse", "2026", "--as", "org-b", "--key", keys["org-b"])
    run(
        "-C",
        repo,
        "attest",
        "2026",
        "--signatory",
        "org-papier",
        "--date",
        "2026-11-20",
        "--evidence",
        "op papier",
        *admin,
    )
    statements = sorted((repo / "endorsements" / "org-a").glob("*.json"))
    fields = json.loads(statements[0].read_bytes())
    edited = canonical_json(
        {**fields, "seq": 2, "previous": [hashlib.sha256(statements[0].read_bytes()).hexdigest()], "comment": "changed"}
    )
    signature = sshsig.sign(canonical_json({**fields, "seq": 2}), str(keys["org-a"]), sshsig.NS_ENDORSEMENT)
    path = f"endorsements/org-a/000002-{hashlib.sha256(edited).hexdigest()[:16]}.json"
    stolen = canonical_json({**fields, "signatory": "org-c", "seq": 1, "previous": []})
    other = f"endorsements/org-c/000001-{hashlib.sha256(stolen).hexdigest()[:16]}.json"
    commit_files(
        repo,
        {
            path: edited,
            path + ".sig": signature,
            other: stolen,
            other + ".sig": sshsig.sign(stolen, str(keys["org-b"]), sshsig.NS_ENDORSEMENT),
        },
    )
    run_cli("-C", repo, "verify")  # remembers the trust anchor: the runs compared below print the same notices
    return repo, keys, run


def verify_json(run_cli, repo: Path) -> tuple[int, dict]:
    code, out, err = run_cli("-C", repo, "verify", "--json")
    assert "Traceback" not in err
    return code, json.loads(out)


def test_the_same_report_with_and_without_the_cache_after_damage_and_deletion(cli_repo, run_cli):
    repo, _, _ = cli_repo
    forget(repo)
    cold = verify_json(run_cli, repo)
    assert cold[0] == 1 and {p["code"] for p in cold[1]["problems"]} == {"signature-invalid"}
    assert len(cold[1]["problems"]) == 2 and sum(s["verified"] for s in cold[1]["statements"]) == 4
    files = cache_files(repo)
    assert len(files) >= 4  # the statements of each folder, the texts, the history, the admin signatures
    assert verify_json(run_cli, repo) == cold  # warm
    damages = {
        "truncated": lambda data: data[: len(data) // 2],
        "one byte flipped": lambda data: data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
        "empty": lambda data: b"",
        "not ours": lambda data: b"\x00\xff" * 1000,
        "a huge number": lambda data: data[:84] + b'{"x":' + b"9" * 5000 + b"}",
        "deep": lambda data: data[:84] + b"[" * 100_000 + b"]" * 100_000,
    }
    for name, damage in damages.items():
        for path in files:
            path.write_bytes(damage(path.read_bytes()))
        assert verify_json(run_cli, repo) == cold, name
        assert cache_files(repo) == files and verify_json(run_cli, repo) == cold, name  # rebuilt
    forget(repo)
    assert verify_json(run_cli, repo) == cold
    code, out, err = run_cli("-C", repo, "endorsements", "--json")
    forget(repo)
    assert run_cli("-C", repo, "endorsements", "--json") == (code, out, err)


def sections(repo: Path) -> list[str]:
    """The cache sections of a repository: the statements of each signatory folder, the texts, the history, the
    admin signatures."""
    folders = {f"statements:{p.parent.relative_to(repo)}" for p in repo.glob("*/*/*.json")}
    return sorted({*folders, "texts", "history", "signatures"})


def rewrite(repo: Path, secret: bytes, change) -> int:
    """Rewrite every cache entry with `change(value)` (None: keep it) and sign the files with `secret`, as a
    cache written by akkoordvc under that secret; returns how many entries changed."""
    folder = repo / ".git" / cache.FOLDER
    mine, theirs = cache.Cache(folder, cache._secret()), cache.Cache(folder, secret)
    changed = 0
    for section in sections(repo):
        for name, value in mine.section(section).items():
            new = change(value)
            changed += new is not None
            theirs.put(name, value if new is None else new, section=section)
    forget(repo)
    theirs.save()
    return changed


def holds(value):
    """A failing verdict said to hold."""
    if isinstance(value, list) and len(value) == 9 and value[6] is not None:
        return [*value[:6], None, *value[7:]]
    return None


def test_a_cache_forged_or_copied_from_another_user_is_ignored(cli_repo, run_cli):
    """A repository copied with its .git from someone else carries their cache, made under their secret; one
    edited to say a failing statement holds fails the check too. Either is ignored whole."""
    repo, _, _ = cli_repo
    expected = verify_json(run_cli, repo)
    assert rewrite(repo, b"another user's secret, 32 bytes", holds) == 1
    assert verify_json(run_cli, repo) == expected
    forget_results(repo)  # the verdicts answer, not the kept report
    for path in cache_files(repo):  # the forged verdict, signed with the old (now wrong) HMAC
        body = json.loads(path.read_bytes()[84:])
        forged = json.dumps({name: holds(value) or value for name, value in body.items()}, separators=(",", ":"))
        path.write_bytes(path.read_bytes()[:84] + forged.encode())
    assert verify_json(run_cli, repo) == expected


def test_entries_of_another_shape_are_misses(cli_repo, run_cli):
    """Entries under this user's own secret but of an unexpected shape (an older format, a bug) are checked again."""
    repo, _, _ = cli_repo
    expected = verify_json(run_cli, repo)
    secret = cache._secret()
    assert secret is not None
    shapes = [1, "x", [], [None], [None, None], [None, None, 1, 2, "endorsement", [], None, None, []], {"why": None}]
    for shape in shapes:
        rewrite(repo, secret, lambda value, shape=shape: shape)
        assert verify_json(run_cli, repo) == expected, shape


def test_a_registry_change_a_verdict_reads_is_a_miss(world, own_secret, monkeypatch):
    """org-a's statements verify and are cached; org-a is then retired from a day before them: they no longer
    verify, whatever the cache says. A change to another signatory leaves org-a's verdicts cached."""
    assert world.verify().ok
    checked: list[str] = []
    original = loading._check

    def spy(listing, files, missing, *args):
        checked.extend(s.path for s in missing)
        return original(listing, files, missing, *args)

    monkeypatch.setattr(loading, "_check", spy)
    world.change(lambda reg: O.add_key("org-c", O.new_key(str(world.keys["stranger"]) + ".pub", TODAY)))
    assert world.verify().ok
    assert checked and not [p for p in checked if "/org-a/" in p]  # org-c's verdicts checked again, not org-a's
    world.change(lambda reg: O.retire("org-a", TODAY.replace(year=2019)))
    report = world.verify()
    retired = [p for p in report.problems if "/org-a/" in p.where]
    assert retired and all(p.code == "signature-invalid" and "retired" in p.message for p in retired)


def use_the_reference_verifier(monkeypatch) -> list[str]:
    """Verify with ssh-keygen from now on; returns the list of the principals it is asked to check."""
    calls: list[str] = []
    original = sshsig.Verifier._verify_with_ssh_keygen

    def spy(self, *args):
        calls.append(args[2])
        return original(self, *args)

    monkeypatch.setattr(sshsig.Verifier, "_verify_with_ssh_keygen", spy)
    monkeypatch.setenv(sshsig.VERIFY_WITH_ENV, "ssh-keygen")
    return calls


def test_the_reference_verifier_does_not_read_the_in_process_verdicts(world, own_secret, monkeypatch):
    assert world.verify().ok
    calls = use_the_reference_verifier(monkeypatch)
    assert world.verify().ok
    assert {"org-a", "org-b", "college-2022-2026"} <= set(calls)


def test_a_key_depends_on_every_part_and_on_the_code(monkeypatch):
    assert len({cache.key("a", "bc"), cache.key("ab", "c"), cache.key("abc"), cache.key("abc", "")}) == 4
    before = cache.key("statement", "x")
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another release")
    assert cache.key("statement", "x") != before


# reading in bulk, refusing unread ------------------------------------------------------------------------------
def read_spy(monkeypatch) -> list[str]:
    """Every blob id a command reads through the repository."""
    read: list[str] = []
    original = Repository.read_blobs

    def spy(self, names):
        read.extend(names)
        return original(self, names)

    monkeypatch.setattr(Repository, "read_blobs", spy)
    return read


def test_a_planted_statement_with_an_unregistered_key_is_refused_unread(world, own_secret, monkeypatch):
    """A megabyte of junk under a signature by a stranger's key, and a folder of a signatory that does not exist:
    one problem each, and neither statement file is read."""
    junk = b"[" * 1_000_000
    path = f"endorsements/org-a/000009-{'0' * 16}.json"
    nobody = f"endorsements/nobody/000001-{'1' * 16}.json"
    signature = sshsig.sign(junk, str(world.keys["stranger"]), sshsig.NS_ENDORSEMENT)
    world.git_commit({path: junk, path + ".sig": signature, nobody: b"{}\n", nobody + ".sig": b"junk\n"})
    blobs = {p: world.git("rev-parse", f"HEAD:{p}").strip() for p in (path, nobody, nobody + ".sig")}
    forget(world.root)
    read = read_spy(monkeypatch)
    report = world.verify()
    problems = {p.where: p for p in report.problems if p.where in (path, nobody)}
    assert problems[path].code == "signature-invalid" and "not registered" in problems[path].message
    assert problems[path].message.endswith("it is not read")
    assert (
        problems[nobody].message
        == "lies in the folder of 'nobody', which is not a signatory in the registry; it is not read"
    )
    assert not set(blobs.values()) & set(read)
    assert world.git("rev-parse", f"HEAD:{path}.sig").strip() in read  # the signature alone was read


def test_endorse_with_a_wrong_key_fails_before_reading_any_statement(world, own_secret, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a statement was read")

    monkeypatch.setattr(loading, "load", refuse)
    with pytest.raises(AkkoordError, match="is not a registered key of org-a: it is the key of signatory org-b"):
        world.endorse("2023", "org-a", "org-b")


def test_endorse_reads_only_its_own_chain(world, own_secret, monkeypatch):
    read = read_spy(monkeypatch)
    world.endorse("2023", "org-b", "org-b")
    others = {
        world.git("rev-parse", f"HEAD:{p}").strip()
        for p in world.git("ls-tree", "-r", "--name-only", "HEAD", "endorsements", "attestations").split()
        if "/org-b/" not in p
    }
    assert others and not others & set(read)


# sharing a cold verification with a forked process ------------------------------------------------------------
def test_a_forked_process_checking_half_finds_the_same(cli_repo, run_cli, monkeypatch):
    """The same report when a forked process checks half the statements, and when that process fails (its half is
    then checked by the command itself)."""
    repo, _, _ = cli_repo
    forget(repo)
    alone = verify_json(run_cli, repo)
    forks: list[int] = []
    fork = os.fork

    def counted() -> int:
        forks.append(1)
        return fork()

    monkeypatch.setattr(os, "fork", counted)
    monkeypatch.setattr(loading, "SHARE_FROM", 2)
    forget(repo)
    assert verify_json(run_cli, repo) == alone and len(forks) == 1

    def broken(obj):
        raise RuntimeError("the child fails")

    monkeypatch.setattr(loading.pickle, "dumps", broken)  # called by the child alone
    forget(repo)
    assert verify_json(run_cli, repo) == alone and len(forks) == 2
