"""The results of `verify`, `endorsements`, `since` and `status` kept whole in the cache (issue 10): a warm command reads
one entry. They change no output: the same text and JSON without the cache, with it, after deleting it, with a
damaged file and with one forged under another secret or of another shape; and a change of anything the report
reads (a commit, a version tag, the trust anchor, today, the verifier, an unfinished git operation, the folder)
is a miss. Real git and ssh-keygen throughout."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import git
from test_trust_cache import cli_repo, forget, own_secret, use_the_reference_verifier  # noqa: F401 - fixtures shared with the verdict cache
from trust_world import TODAY

from akkoordvc import messages
from akkoordvc.storage.workspace import Workspace
from akkoordvc.trust import cache, results

COMMANDS = [
    ("verify",),
    ("verify", "--json"),
    ("endorsements",),
    ("endorsements", "--json"),
    ("endorsements", "2026", "--json"),
    ("endorsements", "version/2026"),
    ("endorsements", "1999"),
    ("since", "org-a", "--json"),
    ("since", "org-b", "--no-color"),
    ("since", "org-c"),
    ("since", "nobody"),
    ("status",),
    ("status", "--json"),
]


def result_files(repo: Path) -> list[Path]:
    """The cache files of the kept results (one per section)."""
    kept = cache.Cache(repo / ".git" / cache.FOLDER, b"")
    return [path for section in results.SECTIONS if (path := kept.file(f"result:{section}")) is not None]


def outputs(run_cli, repo: Path) -> list[tuple[int, str, str]]:
    return [run_cli("-C", repo, *args) for args in COMMANDS]


def test_every_output_is_the_same_cold_warm_deleted_damaged_and_forged(cli_repo, run_cli):  # noqa: F811
    repo, _, _ = cli_repo
    forget(repo)
    cold = outputs(run_cli, repo)
    assert [code for code, _, _ in cold] == [1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0]
    assert '"problems": 2' in cold[-1][1] and '"undecided": [' in cold[-1][1]
    assert "Traceback" not in "".join(err for _, _, err in cold)
    files = result_files(repo)
    assert all(path.is_file() for path in files)
    assert outputs(run_cli, repo) == cold  # warm: answered by the kept results
    for path in files:
        path.unlink()
    assert outputs(run_cli, repo) == cold
    assert all(path.is_file() for path in files)
    damages = {
        "truncated": lambda data: data[: len(data) // 2],
        "one byte flipped": lambda data: data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
        "empty": lambda data: b"",
    }
    for name, damage in damages.items():
        for path in files:
            path.write_bytes(damage(path.read_bytes()))
        assert outputs(run_cli, repo) == cold, name
    forget(repo)
    assert outputs(run_cli, repo) == cold


def forge(repo: Path, secret: bytes, change) -> None:
    """Rewrite every kept result with `change(section, value)` and sign the files with `secret`."""
    folder = repo / ".git" / cache.FOLDER
    mine, theirs = cache.Cache(folder, cache._secret()), cache.Cache(folder, secret)
    for section in results.SECTIONS:
        for name, value in mine.section(f"result:{section}").items():
            theirs.only(name, change(section, value), section=f"result:{section}")
    theirs.save()


def all_good(section: str, value):
    """A result that says everything verifies and every signatory endorsed."""
    data = value["data"]
    if section == "verify":
        data = {**data, "ok": True, "problems": [], "statements": [{**s, "verified": True} for s in data["statements"]]}
    elif section == "matrix":
        data = {**data, "verified": True, "problems": 0}
    elif section == "waiting":
        data = {**data, "problems": 0, "undecided": []}
    else:
        data = {**data, "signatories": {k: [v[0], "2026"] for k, v in data["signatories"].items()}}
    return {**value, "data": data}


def test_results_forged_under_another_secret_are_ignored(cli_repo, run_cli):  # noqa: F811
    repo, _, _ = cli_repo
    expected = outputs(run_cli, repo)
    forge(repo, b"another user's secret, 32 bytes", all_good)
    assert outputs(run_cli, repo) == expected
    # the forgery is what the cache would answer under the right secret: the test above sees through it
    forge(repo, cache._secret(), all_good)
    assert run_cli("-C", repo, "verify", "--json")[0] == 0
    assert json.loads(run_cli("-C", repo, "status", "--json")[1])["problems"] == 0


@pytest.mark.parametrize(
    "shape",
    [1, "x", [], {}, {"of": "verify"}, {"of": "matrix", "damaged": 0, "records": True, "data": []}, None],
)
def test_results_of_another_shape_are_misses(cli_repo, run_cli, shape):  # noqa: F811
    repo, _, _ = cli_repo
    expected = outputs(run_cli, repo)
    forge(repo, cache._secret(), lambda section, value: shape)
    assert outputs(run_cli, repo) == expected


def verify_json(run_cli, repo: Path) -> dict:
    code, out, err = run_cli("-C", repo, "verify", "--json")
    assert "Traceback" not in err
    return json.loads(out)


def codes(report: dict) -> set[str]:
    return {p["code"] for p in report["problems"]}


def test_a_new_commit_is_a_miss(cli_repo, run_cli):  # noqa: F811
    repo, _, _ = cli_repo
    before = verify_json(run_cli, repo)
    (repo / "endorsements" / "org-a" / "junk.txt").write_text("planted\n")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "plant")
    after = verify_json(run_cli, repo)
    assert after["commit"] != before["commit"] and len(after["problems"]) == len(before["problems"]) + 1


def test_a_moved_version_tag_is_a_miss(cli_repo, run_cli):  # noqa: F811
    """The commit stays the same; only the tag of version 2026 now names another commit."""
    repo, _, _ = cli_repo
    assert "version-tag" not in codes(verify_json(run_cli, repo))
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "tag", "-f", "-a", "version/2026", "-m", "m", head)
    moved = verify_json(run_cli, repo)
    assert moved["commit"] == head and "version-tag" in codes(moved)


def test_a_missing_version_tag_is_made_again_and_said_once(cli_repo, run_cli):  # noqa: F811
    repo, _, _ = cli_repo
    before = verify_json(run_cli, repo)
    target = git(repo, "rev-parse", "version/2026^{commit}").strip()
    git(repo, "tag", "-d", "version/2026")
    repaired = verify_json(run_cli, repo)
    assert "version/2026 was missing; made again from its signed version record" in repaired["notices"]
    assert git(repo, "rev-parse", "version/2026^{commit}").strip() == target
    assert verify_json(run_cli, repo) == before


def test_a_repair_that_failed_is_tried_again(cli_repo, run_cli, monkeypatch):  # noqa: F811
    """A report that asks for a missing tag to be made again is never kept: when the repair cannot be made (another
    command holds the repository), the next run still repairs it and says so."""
    import fcntl

    from akkoordvc.storage import gitrepo

    repo, _, _ = cli_repo
    before = verify_json(run_cli, repo)
    git(repo, "tag", "-d", "version/2026")
    monkeypatch.setattr(gitrepo, "LOCK_WAIT", 0.0)
    with open(repo / ".git" / "akkoord.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # as another akkoord command in the middle of a commit
        held = verify_json(run_cli, repo)
    assert not [n for n in held["notices"] if "was missing" in n]
    assert git(repo, "tag", "-l", "version/2026") == ""
    repaired = verify_json(run_cli, repo)
    assert "version/2026 was missing; made again from its signed version record" in repaired["notices"]
    assert verify_json(run_cli, repo) == before


def test_another_trust_anchor_is_a_miss(cli_repo, run_cli):  # noqa: F811
    repo, _, _ = cli_repo
    assert "registry-anchor-mismatch" not in codes(verify_json(run_cli, repo))
    code, out, err = run_cli("-C", repo, "verify", "--json", "--trust-anchor", "sha256:" + "ab" * 32)
    assert code == 1 and codes(json.loads(out)) == {"registry-anchor-mismatch"}


def test_another_day_is_a_miss(cli_repo, run_cli, monkeypatch):  # noqa: F811
    """Seen from a day before the registry records were signed, they are dated in the future."""
    repo, _, _ = cli_repo
    assert "record-future" not in codes(verify_json(run_cli, repo))
    monkeypatch.setenv("AKKOORD_TODAY", "2026-01-06")
    assert "record-future" in codes(verify_json(run_cli, repo))


def test_an_unfinished_git_operation_and_another_folder_are_misses(cli_repo, run_cli, tmp_path):  # noqa: F811
    repo, _, _ = cli_repo
    assert "git-unfinished" not in codes(verify_json(run_cli, repo))
    (repo / ".git" / "MERGE_HEAD").write_text(git(repo, "rev-parse", "HEAD"))
    unfinished = [p for p in verify_json(run_cli, repo)["problems"] if p["code"] == "git-unfinished"]
    assert [p["where"] for p in unfinished] == [str(repo)]
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy)  # the cache and the unfinished merge travel with it
    moved = [p for p in verify_json(run_cli, copy)["problems"] if p["code"] == "git-unfinished"]
    assert [p["where"] for p in moved] == [str(copy)]


def test_the_reference_verifier_is_a_miss(cli_repo, run_cli, monkeypatch):  # noqa: F811
    repo, _, _ = cli_repo
    expected = verify_json(run_cli, repo)
    calls = use_the_reference_verifier(monkeypatch)
    assert verify_json(run_cli, repo) == expected and {"org-a", "org-b"} <= set(calls)


def test_the_key_holds_the_language(cli_repo):  # noqa: F811
    repo, _, _ = cli_repo
    workspace = Workspace.open(repo)
    try:
        keys = []
        for lang in ("en", "nl", "en"):
            messages.choose(lang)
            keys.append(results.cache_key(workspace, None, TODAY))
    finally:
        messages.reset()
    assert keys[0] == keys[2] != keys[1]
