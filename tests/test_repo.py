"""The repository: init, versions as tags, log, show, REFs; readable with plain git."""

import hashlib
import json

import pytest
from helpers import git


@pytest.fixture
def repo(tmp_path, run_cli, sample_path, no_git_identity):
    path = tmp_path / "akkoord"
    code, out, err = run_cli("init", path, "--from", sample_path, "--by", "Secretariaat <secretariaat@example.org>")
    assert code == 0, err
    return path


def test_init_commits_canonical_text_and_readme(repo, sample_path):
    assert (repo / "akkoord.xml").read_bytes() == sample_path.read_bytes()
    assert "git show version/LABEL:akkoord.xml" in (repo / "README.md").read_text()
    files = git(repo, "ls-tree", "--name-only", "HEAD").split()
    assert {"akkoord.xml", "README.md", ".gitattributes"} <= set(files)
    assert git(repo, "log", "-1", "--format=%an <%ae>").strip() == "Secretariaat <secretariaat@example.org>"
    assert git(repo, "status", "--porcelain") == ""


def test_init_refuses_a_non_empty_folder_and_invalid_text(tmp_path, run_cli, sample_path):
    target = tmp_path / "x"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    code, _, err = run_cli("init", target, "--from", sample_path, "--by", "A")
    assert code == 1 and "not empty" in err
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]
    bad = tmp_path / "bad.xml"
    bad.write_text(
        '<agreement id="x" lang="nl"><meta><title>t</title></meta><body><clause id="c" num=""/></body></agreement>'
    )
    code, _, err = run_cli("init", tmp_path / "y", "--from", bad, "--by", "A")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "y").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".y")] == []


def test_init_without_identity_says_how_to_set_one(tmp_path, run_cli, sample_path, no_git_identity):
    code, _, err = run_cli("init", tmp_path / "r", "--from", sample_path)
    assert code == 1
    assert "--by" in err and "git config" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()


def test_version_create_log_and_plain_git(repo, run_cli):
    code, out, err = run_cli(
        "-C",
        repo,
        "version",
        "create",
        "2019",
        "-m",
        "Op hoofdlijnen ondertekend",
        "--date",
        "2019-11-09",
        "--by",
        "Secretariaat",
    )
    assert code == 0, err
    code, out, _ = run_cli("-C", repo, "log", "--json")
    (entry,) = json.loads(out)
    assert entry["label"] == "2019" and entry["date"] == "2019-11-09"
    assert entry["message"] == "Op hoofdlijnen ondertekend"
    assert entry["tag"] == "version/2019"
    assert entry["commit"] == git(repo, "rev-parse", "version/2019^{commit}").strip()
    blob = git(repo, "show", "version/2019:akkoord.xml").encode()
    assert entry["text_sha256"] == hashlib.sha256(blob).hexdigest()
    assert git(repo, "cat-file", "-t", "version/2019").strip() == "tag"
    code, out, _ = run_cli("-C", repo, "show", "2019", "--format", "xml")
    assert out.encode() == blob


def test_duplicate_label_and_bad_label_are_refused(repo, run_cli):
    assert run_cli("-C", repo, "version", "create", "2019", "--by", "A")[0] == 0
    before = git(repo, "show-ref")
    code, _, err = run_cli("-C", repo, "version", "create", "2019", "--by", "A")
    assert code == 1 and "already exists" in err
    code, _, err = run_cli("-C", repo, "version", "create", "bad..label", "--by", "A")
    assert code == 1 and "not allowed" in err
    code, _, err = run_cli("-C", repo, "version", "create", "2020", "--date", "2020-13-01", "--by", "A")
    assert code == 1 and "YYYY-MM-DD" in err
    assert git(repo, "show-ref") == before


def test_version_create_refuses_invalid_or_uncommitted_text(repo, run_cli):
    text = (repo / "akkoord.xml").read_text()
    (repo / "akkoord.xml").write_text(text.replace('num="1"', 'num=" "', 1))
    code, _, err = run_cli("-C", repo, "version", "create", "x", "--by", "A")
    assert code == 1 and "uncommitted" in err
    code, _, err = run_cli("-C", repo, "commit", "-m", "typo", "--by", "A")
    assert code == 1 and "blank num" in err
    assert git(repo, "tag") == ""


def test_editorial_commit_is_recorded_as_editorial(repo, run_cli):
    text = (repo / "akkoord.xml").read_text()
    (repo / "akkoord.xml").write_text(text.replace("Aanleiding", "Aanleiding en doel", 1))
    code, out, err = run_cli("-C", repo, "commit", "-m", "Kop verduidelijkt", "--by", "Redactie <r@example.org>")
    assert code == 0, err
    message = git(repo, "log", "-1", "--format=%B")
    assert "Akkoord-Change: editorial" in message
    assert git(repo, "status", "--porcelain") == ""


def test_show_json_shape_and_refs(repo, run_cli):
    run_cli("-C", repo, "version", "create", "2019", "--by", "A")
    code, out, _ = run_cli("-C", repo, "show", "2019", "--format", "json")
    data = json.loads(out)
    assert {"id", "title", "ref", "text_sha256", "clauses"} <= set(data)
    first = data["clauses"][0]
    assert set(first) >= {"id", "num", "heading", "text", "division"}
    assert "  " not in first["text"] and "\n" not in first["text"]
    # the same text through every kind of REF
    head = git(repo, "rev-parse", "HEAD").strip()
    for ref in ("2019", "version/2019", "HEAD", head[:10], "working", str(repo / "akkoord.xml")):
        code, out, err = run_cli("-C", repo, "show", ref, "--format", "json")
        assert code == 0, (ref, err)
        assert json.loads(out)["text_sha256"] == data["text_sha256"], ref


def test_show_one_clause_and_unknown_clause(repo, run_cli):
    code, out, _ = run_cli("-C", repo, "show", "--clause", "looptijd", "--format", "json")
    assert json.loads(out)["id"] == "looptijd"
    code, _, err = run_cli("-C", repo, "show", "--clause", "nope")
    assert code == 1 and "clause 'nope' is not in working" in err


def test_commands_work_from_a_subfolder(repo, run_cli):
    sub = repo / "deep" / "er"
    sub.mkdir(parents=True)
    code, out, err = run_cli("show", "--format", "json", cwd=sub)
    assert code == 0, err
    assert json.loads(out)["id"] == "maak020"


def test_unknown_ref_and_outside_repository(repo, run_cli, tmp_path):
    code, _, err = run_cli("-C", repo, "show", "1999")
    assert code == 1 and "not a version label" in err and "Traceback" not in err
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    code, _, err = run_cli("-C", outside, "log")
    assert code == 1 and "not inside an akkoord repository" in err
    code, _, err = run_cli("-C", tmp_path / "missing", "log")
    assert code == 2


def test_real_subprocess_without_git_identity(tmp_path, akkoord_exe, sample_path, no_git_identity):
    env = {
        "HOME": str(no_git_identity),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(no_git_identity / ".gitconfig"),
    }
    repo = tmp_path / "r"
    code, out, err = akkoord_exe("init", repo, "--from", sample_path, "--by", "Ann", env=env)
    assert code == 0, err
    code, out, err = akkoord_exe("-C", repo, "version", "create", "2019", env=env)
    assert code == 1 and "--by" in err and "Traceback" not in err
    code, out, err = akkoord_exe("-C", repo, "version", "create", "2019", "--by", "Ann", env=env)
    assert code == 0, err
    code, out, err = akkoord_exe("-C", repo, "log", env=env)
    assert code == 0 and out.startswith("2019")


def test_reading_a_commit_that_is_not_there_names_the_damage(repo):
    """A file absent from a commit is None; a commit the object store does not hold (a tag or record naming a
    commit that was lost) is damage, said in one line, never taken for a missing file."""
    from akkoordvc.errors import RepositoryError
    from akkoordvc.storage.gitrepo import Repository

    found = Repository.discover(repo)
    head = found.head_commit()
    assert head is not None and found.read(head, "akkoord.xml") is not None
    assert found.read(head, "no-such-file.xml") is None
    lost = "1234567890" * 4
    with pytest.raises(RepositoryError, match=f"git object {lost[:12]} is damaged or missing; run `git fsck`"):
        found.read(lost, "akkoord.xml")
