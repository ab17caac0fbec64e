"""Guard rails against the mistakes a newcomer makes: proposing the same change twice, withdrawing someone
else's proposal; and what a registry admin needs to register a signatory's key."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import SAMPLE
from trust_world import keygen

AMENDMENTS = SAMPLE.parent / "amendments"
NOOR = "Noor Haddou <noor@netwerk.example>"
FENNA = "Fenna de Vries <fenna@buurtkracht.example>"


def head(repo) -> str:
    return subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True).stdout


def propose(run_cli, repo, *extra, by=NOOR, title="Meer routes"):
    return run_cli(
        "-C", repo, "amend", "propose", "--from-file", AMENDMENTS / "meer-routes.xml", "--title", title, "--by", by,
        *extra,
    )  # fmt: skip


def test_the_same_change_twice_is_refused_unless_forced(sample_repo, run_cli, monkeypatch):
    code, out, err = propose(run_cli, sample_repo)
    assert code == 0, err
    first = out.splitlines()[0]
    before = head(sample_repo)
    code, out, err = propose(run_cli, sample_repo, by=FENNA, title="Nog eens meer routes")
    assert code == 1 and out == "" and head(sample_repo) == before
    assert err == (
        f"akkoord: error: amendment {first} ('Meer routes', proposed) already makes exactly this change; nothing was "
        "proposed. To propose it a second time anyway, give --force\n"
    )
    monkeypatch.setenv("AKKOORD_LANG", "nl")
    assert "doet al precies deze wijziging" in propose(run_cli, sample_repo, by=FENNA)[2]
    code, out, err = propose(run_cli, sample_repo, "--force", by=FENNA)
    assert code == 0 and out.splitlines()[0] != first, err


def test_a_change_proposed_again_after_a_withdrawal_is_fine(sample_repo, run_cli):
    first = propose(run_cli, sample_repo)[1].splitlines()[0]
    assert run_cli("-C", sample_repo, "amend", "withdraw", first, "--by", NOOR)[0] == 0
    code, _, err = propose(run_cli, sample_repo)
    assert code == 0, err


@pytest.mark.parametrize("by", [NOOR, "Noor Haddou", "Iemand Anders <noor@netwerk.example>"])
def test_a_proposer_may_withdraw(sample_repo, run_cli, by):
    ident = propose(run_cli, sample_repo)[1].splitlines()[0]
    code, _, err = run_cli("-C", sample_repo, "amend", "withdraw", ident, "--by", by)
    assert code == 0, err


def test_someone_else_may_not_withdraw_and_is_told_to_reject(sample_repo, run_cli):
    ident = propose(run_cli, sample_repo)[1].splitlines()[0]
    before = head(sample_repo)
    code, _, err = run_cli("-C", sample_repo, "amend", "withdraw", ident, "--by", FENNA)
    assert code == 1 and head(sample_repo) == before
    assert err == (
        f"akkoord: error: only a proposer of amendment {ident} ({NOOR}) can withdraw it, not {FENNA}; whoever "
        f"decides on it rejects it with `akkoord amend reject {ident} --reason ...`\n"
    )
    code, _, err = run_cli("-C", sample_repo, "amend", "reject", ident, "--by", FENNA, "--reason", "dubbel")
    assert code == 0, err


SECRETARIAAT = "Secretariaat Ma.ak020 <secretariaat@maak020.example>"


@pytest.fixture
def registry_repo(tmp_path, run_cli, no_git_identity):
    """A repository with a signatory registry (admin key `admin`), version 2019, signatory `buurtkracht` whose
    key is `fenna`, and an amendment proposed by Noor: (repository, keys, amendment id)."""
    keys = {name: keygen(tmp_path, name) for name in ("admin", "fenna")}
    repo = tmp_path / "maak020"
    steps = [
        ("init", repo, "--from", SAMPLE, "--by", SECRETARIAAT, "--admin-key", f"{keys['admin']}.pub"),
        ("-C", repo, "version", "create", "2019", "--key", keys["admin"], "--by", SECRETARIAAT),
        ("-C", repo, "signatory", "add", "buurtkracht", "--name", "Buurtkracht", "--kind", "organisation",
         "--pubkey", f"{keys['fenna']}.pub", "--key", keys["admin"], "--by", SECRETARIAAT),
    ]  # fmt: skip
    for step in steps:
        code, _, err = run_cli(*step)
        assert code == 0, err
    return repo, keys, propose(run_cli, repo)[1].splitlines()[0]


def status_of(run_cli, repo, ident) -> str:
    code, out, err = run_cli("-C", repo, "amend", "list", "--json")
    assert code == 0, err
    return next(a["status"] for a in json.loads(out) if a["id"] == ident)


@pytest.mark.parametrize("by", [NOOR, SECRETARIAAT])
def test_the_proposer_or_a_registry_admin_may_withdraw_signing_with_an_admin_key(registry_repo, run_cli, by):
    repo, keys, ident = registry_repo
    code, out, err = run_cli("-C", repo, "amend", "withdraw", ident, "--by", by, "--key", keys["admin"])
    assert code == 0, err
    assert out.startswith(f"withdrawn {ident}: Meer routes\nSigned its decision record"), out
    assert status_of(run_cli, repo, ident) == "withdrawn"
    code, out, err = run_cli("-C", repo, "verify")
    assert code == 0 and "OK: everything verifies" in out, out + err


@pytest.mark.parametrize("key", ["fenna", None])
def test_someone_else_may_not_withdraw_without_an_admin_key(registry_repo, run_cli, key):
    repo, keys, ident = registry_repo
    before = head(repo)
    signing = ("--key", keys[key]) if key else ()
    code, out, err = run_cli("-C", repo, "amend", "withdraw", ident, "--by", FENNA, *signing)
    assert code == 1 and out == "" and head(repo) == before
    assert err.count("\n") == 1, err
    assert ("is not an admin key of the registry" if key else "give --key ADMIN_PRIVATE_KEY") in err
    assert status_of(run_cli, repo, ident) == "proposed"


def test_signatory_show_prints_the_key_lines_and_the_admin_command(world, run_cli):
    code, out, err = run_cli("signatory", "show", "org-a", cwd=world.root)
    assert code == 0, err
    own = " ".join(world.keys["org-a"].with_suffix(".pub").read_text().split()[:2])
    assert f"  public     {own}" in out.splitlines()
    assert out.splitlines()[-2:] == [
        "A registry admin registers a new key with:",
        "  akkoord signatory add-key org-a --pubkey NEW.pub --key ADMIN_KEY",
    ]
    code, _, err = run_cli("signatory", "show", "buurtkracht-oost", cwd=world.root)
    assert code == 1 and err.count("\n") == 1
    assert err.endswith(
        "a registry admin adds it with: akkoord signatory add buurtkracht-oost --name 'NAME' --kind organisation "
        "--pubkey buurtkracht-oost.pub --key ADMIN_KEY\n"
    ), err
