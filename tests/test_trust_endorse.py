"""Endorsement and attestation statements: creation, chaining, refusals, merging across clones."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest
from trust_world import BY, TODAY, World, keygen, signatory

from akkoordvc.errors import AkkoordError
from akkoordvc.storage.versions import find_version
from akkoordvc.trust import endorsements as E
from akkoordvc.trust import registry_ops as O
from akkoordvc.trust import sshsig
from akkoordvc.trust import statements as S
from akkoordvc.trust.jsonfile import canonical_json


# statements ------------------------------------------------------------------------------------------
def test_world_verifies(world):
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]
    assert len(report.statements) == 6
    assert all(c.verified for c in report.statements)


def test_statement_is_canonical_json_binding_everything(world):
    path = world.statements()[0]
    data = world.read(path)
    fields = json.loads(data)
    assert data == canonical_json(fields)
    assert data.endswith(b"}\n") and b" " not in data.split(b'"comment"')[0]
    version = find_version(world.ws(), "2019")
    assert fields["format"] == "akkoordvc-statement-v2"
    assert fields["kind"] == "endorsement"
    assert fields["agreement"] == "maak020"
    assert fields["version"] == "2019" and fields["commit"] == version.commit
    assert fields["text_sha256"] == version.text_sha256
    assert fields["signatory"] == "org-a" and fields["decision"] == "endorse"
    assert fields["date"] == TODAY.isoformat()
    assert fields["seq"] == 1 and fields["previous"] == []
    assert fields["registry"] == [h.sha for h in world.state().heads]
    assert len(fields["clauses"]) > 10 and all(len(pair) == 2 for pair in fields["clauses"])
    assert path == f"endorsements/org-a/000001-{S.canonical.sha256(data)[:16]}.json"
    assert (world.root / (path + ".sig")).read_bytes().startswith(b"-----BEGIN SSH SIGNATURE-----")


def test_chain_links_each_statement_to_the_previous(world):
    paths = world.statements()
    chain = [json.loads(world.read(p)) for p in paths]
    assert [s["seq"] for s in chain] == [1, 2, 3]
    for after, path in zip(chain[1:], paths, strict=False):
        assert after["previous"] == [S.canonical.sha256(world.read(path))]
    assert chain[1]["comment"] == "clause 2 changed" and chain[2]["mandate"] == "bestuursbesluit 2026-11"


def test_anyone_can_check_a_statement_with_openssh_alone(world, tmp_path):
    """No akkoordvc needed: the registry's key, ssh-keygen -Y verify, the statement's bytes."""
    path = world.statements()[0]
    key = world.state().current.signatory("org-a").keys[0]
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(f'org-a namespaces="akkoordvc-endorsement-v1" {key.public.line}\n')
    proc = subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(allowed),
            "-I",
            "org-a",
            "-n",
            "akkoordvc-endorsement-v1",
            "-s",
            str(world.root / (path + ".sig")),
        ],
        input=world.read(path),
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"Good" in proc.stdout


def test_ecdsa_key_endorses(world):
    created = world.endorse("2023", "org-c", "org-c")
    assert created.statement.path.startswith("endorsements/org-c/000001-")
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]


def test_attestation_is_shown_as_attested_never_as_own_signature(world):
    report = world.verify()
    attested = [c for c in report.statements if c.statement.signatory == "college-2018-2022"]
    assert len(attested) == 1
    item = attested[0]
    assert item.statement.path.startswith("attestations/")
    assert item.as_dict()["attested"] is True
    assert item.attested_by == ["admin"] and item.as_dict()["attested_by"] == ["admin"]
    assert item.statement.get("evidence").startswith("Ondertekend op papier")
    assert item.statement.get("recorded") == TODAY.isoformat() and item.statement.get("date") == "2019-11-09"
    info = sshsig.read_signature(world.read(item.statement.path + ".admin.sig"))
    assert info.namespace == sshsig.NS_ATTESTATION


# refusals -----------------------------------------------------------------------------------------------
def _unchanged(world, before):
    assert world.ws().head() == before
    assert world.git("status", "--porcelain") == ""


def test_refuses_a_key_not_registered_for_that_signatory(world):
    before = world.ws().head()
    with pytest.raises(AkkoordError, match="not a registered key of org-a: it is the key of signatory org-b"):
        world.endorse("2023", "org-a", "org-b")
    with pytest.raises(AkkoordError, match="not a registered key of org-a: it is not in the registry"):
        world.endorse("2023", "org-a", "stranger")
    _unchanged(world, before)


def test_refuses_unknown_version_and_non_versions(world):
    before = world.ws().head()
    with pytest.raises(AkkoordError, match="not a signed version of this agreement .*2019, 2023"):
        world.endorse("2031", "org-a", "org-a")
    with pytest.raises(AkkoordError, match="not a signed version"):
        world.endorse("HEAD", "org-a", "org-a")
    _unchanged(world, before)


def test_refuses_college_outside_its_term(world):
    before = world.ws().head()
    with pytest.raises(AkkoordError, match="term of College van B&W 2022–2026 .* ended on 2026-05-31"):
        world.endorse("2023", "college-2022-2026", "col22")
    with pytest.raises(AkkoordError, match="takes office on 2026-06-01"):
        world.endorse("2023", "college-2026-2030", "col26", today=dt.date(2026, 5, 1))
    _unchanged(world, before)


def test_college_signs_within_its_term(world):
    world.endorse("2023", "college-2026-2030", "col26", mandate="collegebesluit 2026/412")
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]


def test_refuses_withdraw_without_standing_endorsement(world):
    with pytest.raises(AkkoordError, match="no standing endorsement of version 2023 to withdraw"):
        world.endorse("2023", "org-b", "org-b", "withdraw")
    world.endorse("2023", "org-a", "org-a", "withdraw")  # org-a endorsed 2023: may withdraw
    assert world.verify().ok


def test_refuses_unknown_signatory_and_keyless_signatory(world):
    with pytest.raises(AkkoordError, match="not in the registry"):
        world.endorse("2023", "nobody", "org-a")
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")))
    with pytest.raises(AkkoordError, match="org-d has no registered key"):
        world.endorse("2023", "org-d", "org-a")


def test_attest_refuses_non_admin_key_and_dates_outside_term(world):
    before = world.ws().head()
    with pytest.raises(AkkoordError, match="not an admin key"):
        world.attest("2023", "org-c", dt.date(2023, 4, 1), key="org-c")
    with pytest.raises(AkkoordError, match="ended on 2022-05-31"):
        world.attest("2023", "college-2018-2022", dt.date(2023, 4, 1))
    with pytest.raises(AkkoordError, match="before version 2023 existed"):
        world.attest("2023", "org-c", dt.date(2022, 4, 1))
    with pytest.raises(AkkoordError, match="in the future"):
        world.attest("2023", "org-c", dt.date(2027, 1, 1))
    _unchanged(world, before)


def test_passphrase_key_without_agent_fails_fast_and_clearly(world, tmp_path, monkeypatch):
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    locked = keygen(tmp_path, "locked", passphrase="geheim")
    world.change(lambda reg: O.add_key("org-c", O.new_key(str(locked) + ".pub", TODAY)))
    before = world.ws().head()
    with pytest.raises(
        AkkoordError, match="protected by a passphrase and no ssh-agent holds it; load it with `ssh-add"
    ):
        E.endorse(world.ws(), world.state(), ref="2023", signatory_id="org-c", key_path=str(locked), today=TODAY, by=BY)
    _unchanged(world, before)


def test_key_file_errors_are_clear(world, tmp_path):
    with pytest.raises(AkkoordError, match="no such file"):
        E.endorse(
            world.ws(),
            world.state(),
            ref="2023",
            signatory_id="org-a",
            key_path=str(tmp_path / "nope"),
            today=TODAY,
            by=BY,
        )
    junk = tmp_path / "junk"
    junk.write_text("hello\n")
    with pytest.raises(AkkoordError, match="not an SSH key file"):
        E.endorse(world.ws(), world.state(), ref="2023", signatory_id="org-a", key_path=str(junk), today=TODAY, by=BY)


# merging and forks --------------------------------------------------------------------------------------
def _clone(world, target: Path) -> World:
    subprocess.run(["git", "clone", "-q", str(world.root), str(target)], check=True)
    return World(target, world.keys)


def test_endorsements_in_two_clones_merge_with_plain_git_pull(world, tmp_path, no_git_identity):
    a = _clone(world, tmp_path / "a")
    b = _clone(world, tmp_path / "b")
    a.endorse("2023", "org-c", "org-c")
    b.endorse("2023", "college-2026-2030", "col26")
    b.attest("2019", "org-b", dt.date(2019, 11, 9))
    a.git("pull", "-q", "--no-rebase", "--no-edit", str(b.root), "main")
    assert a.git("status", "--porcelain") == ""
    report = a.verify()
    assert report.ok, [str(p) for p in report.problems]
    assert {c.statement.signatory for c in report.statements} >= {"org-c", "college-2026-2030", "org-b"}


def test_fork_in_one_chain_is_a_notice_and_the_next_statement_joins_it(world, tmp_path, no_git_identity):
    a = _clone(world, tmp_path / "a")
    b = _clone(world, tmp_path / "b")
    a.endorse("2023", "org-b", "org-b", "endorse")
    b.endorse("2023", "org-b", "org-b", "decline", comment="still no")
    a.git("pull", "-q", "--no-rebase", "--no-edit", str(b.root), "main")
    report = a.verify()
    assert report.ok, [str(p) for p in report.problems]
    assert any("chain of org-b forks" in str(n) for n in report.notices)
    joined = a.endorse("2023", "org-b", "org-b", "endorse")
    assert len(joined.statement.previous) == 2 and joined.statement.seq == 3
    report = a.verify()
    assert report.ok and not any("forks" in str(n) for n in report.notices)


def test_endorse_without_git_identity(world, no_git_identity):
    created = world.endorse("2023", "org-c", "org-c")
    author = world.git("log", "-1", "--format=%an <%ae>")
    assert author.strip() == "Secretariaat Ma.ak020 <secretariaat@example.org>"
    assert created.commit == world.ws().head()


@pytest.fixture
def ssh_agent(tmp_path, monkeypatch):
    """A private ssh-agent for one test (stopped by its pid afterwards)."""
    out = subprocess.run(
        ["ssh-agent", "-s", "-a", str(tmp_path / "agent.sock")],
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
    ).stdout
    env = dict(part.split("=", 1) for part in out.replace(";", "\n").split() if "=" in part)
    monkeypatch.setenv("SSH_AUTH_SOCK", env["SSH_AUTH_SOCK"])
    try:
        yield env
    finally:
        subprocess.run(["kill", env["SSH_AGENT_PID"]], check=False)


def test_passphrase_key_held_by_ssh_agent_signs(world, tmp_path, ssh_agent):
    locked = keygen(tmp_path, "locked", passphrase="geheim")
    askpass = tmp_path / "askpass.sh"
    askpass.write_text("#!/bin/sh\necho geheim\n")
    askpass.chmod(0o700)
    subprocess.run(
        ["ssh-add", "-q", str(locked)],
        check=True,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "SSH_ASKPASS": str(askpass), "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"},
    )
    world.change(lambda reg: O.add_key("org-c", O.new_key(str(locked) + ".pub", TODAY)))
    for key in (locked, str(locked) + ".pub"):  # the private file, or only its public half: the agent signs
        E.endorse(world.ws(), world.state(), ref="2023", signatory_id="org-c", key_path=str(key), today=TODAY, by=BY)
    assert world.verify().ok
