"""Endorsement and attestation statements: creation, chaining, refusals, merging across clones.

Also home of the shared world builder (`build_world`, `World`) that the other test_trust_*
files import: an agreement repository with versions 2019 and 2023, a registry with three
colleges and three organisations, and a few statements — built once per session with real
ssh-keygen keys and copied per test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from akkoordvc.errors import AkkoordError
from akkoordvc.storage.gitrepo import Identity
from akkoordvc.storage.versions import create_version, find_version
from akkoordvc.storage.workspace import TEXT_PATH, Workspace, initialise
from akkoordvc.trust import endorsements as E
from akkoordvc.trust import registry as R
from akkoordvc.trust import sshsig
from akkoordvc.trust.verify import verify

TODAY = dt.date(2026, 11, 27)
GENESIS = dt.date(2022, 6, 1)
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "texts" / "maak020" / "akkoord.xml"
BY = Identity("Secretariaat Ma.ak020", "secretariaat@example.org")


# the shared world ------------------------------------------------------------------------------------
def keygen(folder: Path, name: str, kind: str = "ed25519", passphrase: str = "") -> Path:
    path = folder / name
    subprocess.run(
        ["ssh-keygen", "-t", kind, "-N", passphrase, "-f", str(path), "-q", "-C", name],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return path


@dataclasses.dataclass
class World:
    root: Path
    keys: dict[str, Path]

    def ws(self) -> Workspace:
        return Workspace.open(self.root)

    def state(self, anchor=None):
        return R.load_state(self.ws(), anchor)

    def endorse(self, ref, who, key, decision="endorse", today=TODAY, **kw):
        ws = self.ws()
        return E.endorse(
            ws,
            R.load_state(ws),
            ref=ref,
            signatory_id=who,
            key_path=str(self.keys[key]),
            decision=decision,
            today=today,
            by=BY,
            **kw,
        )

    def attest(self, ref, who, date, decision="endorse", key="admin", today=TODAY, evidence="signed on paper"):
        ws = self.ws()
        return E.attest(
            ws,
            R.load_state(ws),
            ref=ref,
            signatory_id=who,
            key_path=str(self.keys[key]),
            date=date,
            evidence=evidence,
            decision=decision,
            today=today,
            by=BY,
        )

    def change(self, mutate, keys=("admin",), day=TODAY):
        ws = self.ws()
        state = R.load_state(ws)
        base = state.require_current(for_change=True)
        new = R.successor(base, day, **mutate(base))
        return R.apply_change(ws, new, base, [str(self.keys[k]) for k in keys], "test change", BY)

    def verify(self, anchor=None, today=TODAY):
        return verify(self.ws(), anchor, today)

    def commit(self, changes, message="tamper"):
        return self.ws().commit(changes, message, "editorial", BY)

    def git(self, *args) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=self.root,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def read(self, path) -> bytes:
        return (self.root / path).read_bytes()

    def statements(self, folder="endorsements", who="org-a") -> list[str]:
        return sorted(f"{folder}/{who}/{p.name}" for p in (self.root / folder / who).glob("*.json"))


def make_keys(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    keys = {name: keygen(folder, name) for name in ("admin", "admin2", "org-a", "org-b", "col22", "col26", "stranger")}
    keys["org-c"] = keygen(folder, "org-c", "ecdsa")
    return keys


def signatory(ident, name, kind, keys=(), start=TODAY, **kw):
    return R.Signatory(id=ident, name=name, kind=kind, keys=tuple(R.new_key(str(k), start) for k in keys), **kw)


def build_world(base: Path, keys: dict[str, Path] | None = None) -> World:
    keys = keys or make_keys(base / "keys")
    old = os.environ.get("AKKOORD_TODAY")
    os.environ["AKKOORD_TODAY"] = GENESIS.isoformat()  # the registry starts when the first college took office
    try:
        extra, _anchor = R.genesis_files([str(keys["admin"]) + ".pub"], 1)
    finally:
        if old is None:
            os.environ.pop("AKKOORD_TODAY")
        else:
            os.environ["AKKOORD_TODAY"] = old
    ws, _ = initialise(base / "repo", SAMPLE.read_bytes(), str(SAMPLE), BY, extra)
    create_version(ws, "2019", by=BY, date="2019-11-09")
    text = ws.head_text().replace(b"ongeveer 40 bijeenkomsten", b"ruim 40 bijeenkomsten")
    assert text != ws.head_text()
    ws.commit({TEXT_PATH: text}, "Amend clause 2", "editorial", BY)
    create_version(ws, "2023", by=BY, date="2023-03-01")
    world = World(base / "repo", keys)
    d = dt.date.fromisoformat
    world.change(
        lambda reg: {
            "signatories": (
                signatory(
                    "college-2018-2022",
                    "College van B&W 2018–2022",
                    "college",
                    term_start=d("2018-06-01"),
                    term_end=d("2022-05-31"),
                ),
                signatory(
                    "college-2022-2026",
                    "College van B&W 2022–2026",
                    "college",
                    [str(keys["col22"]) + ".pub"],
                    start=d("2022-06-01"),
                    term_start=d("2022-06-01"),
                    term_end=d("2026-05-31"),
                    succeeds="college-2018-2022",
                ),
                signatory(
                    "college-2026-2030",
                    "College van B&W 2026–2030",
                    "college",
                    [str(keys["col26"]) + ".pub"],
                    term_start=d("2026-06-01"),
                    term_end=d("2030-05-31"),
                    succeeds="college-2022-2026",
                ),
            )
        },
        day=GENESIS,
    )
    world.change(
        lambda reg: {
            "signatories": (
                *reg.signatories,
                signatory("org-a", "Stichting A", "organisation", [str(keys["org-a"]) + ".pub"]),
                signatory("org-b", "Vereniging B", "organisation", [str(keys["org-b"]) + ".pub"]),
                signatory("org-c", "Coöperatie C", "organisation", [str(keys["org-c"]) + ".pub"]),
            )
        }
    )
    world.attest("2019", "college-2018-2022", d("2019-11-09"), evidence="Ondertekend op papier, 9 november 2019")
    world.attest("2023", "college-2022-2026", d("2023-03-15"), evidence="Collegebesluit 14 maart 2023")
    world.endorse("2019", "org-a", "org-a")
    world.endorse("2023", "org-a", "org-a", "decline", comment="clause 2 changed")
    world.endorse("2023", "org-a", "org-a", "endorse", mandate="bestuursbesluit 2026-11")
    world.endorse("2023", "org-b", "org-b", "decline")
    return world


@pytest.fixture(scope="session")
def world_template(tmp_path_factory) -> World:
    return build_world(tmp_path_factory.mktemp("trust-world"))


@pytest.fixture
def world(world_template, tmp_path, monkeypatch) -> World:
    monkeypatch.setenv("AKKOORD_TODAY", TODAY.isoformat())
    target = tmp_path / "repo"
    shutil.copytree(world_template.root, target, symlinks=True)
    return World(target, world_template.keys)


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
    assert data == E.canonical_json(fields)
    assert data.endswith(b"}\n") and b" " not in data.split(b'"comment"')[0]
    version = find_version(world.ws(), "2019")
    assert fields["format"] == "akkoordvc-statement-v1"
    assert fields["kind"] == "endorsement"
    assert fields["agreement"] == "maak020"
    assert fields["version"] == "2019" and fields["commit"] == version.commit
    assert fields["text_sha256"] == version.text_sha256
    assert fields["signatory"] == "org-a" and fields["decision"] == "endorse"
    assert fields["date"] == TODAY.isoformat()
    assert fields["seq"] == 1 and fields["previous"] == []
    assert fields["registry"] == world.state().current.sha256
    assert len(fields["clauses"]) > 10 and all(len(pair) == 2 for pair in fields["clauses"])
    assert path == f"endorsements/org-a/000001-{E.canonical.sha256(data)[:16]}.json"
    assert (world.root / (path + ".sig")).read_bytes().startswith(b"-----BEGIN SSH SIGNATURE-----")


def test_chain_links_each_statement_to_the_previous(world):
    paths = world.statements()
    chain = [json.loads(world.read(p)) for p in paths]
    assert [s["seq"] for s in chain] == [1, 2, 3]
    for before, after, path in zip(chain, chain[1:], paths):
        assert after["previous"] == [E.canonical.sha256(world.read(path))]
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
    assert item.statement.get("attested_by") == "admin"
    assert item.statement.get("evidence").startswith("Ondertekend op papier")
    assert item.statement.get("recorded") == TODAY.isoformat() and item.statement.get("date") == "2019-11-09"
    info = sshsig.read_signature(world.read(item.statement.path + ".sig"))
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
    with pytest.raises(AkkoordError, match="not a version of this agreement .*2019, 2023"):
        world.endorse("2031", "org-a", "org-a")
    with pytest.raises(AkkoordError, match="not a version"):
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
    world.change(lambda reg: {"signatories": (*reg.signatories, signatory("org-d", "D", "organisation"))})
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
    world.change(lambda reg: R.with_key(reg, "org-c", R.new_key(str(locked) + ".pub", TODAY)))
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
    assert any("chain of org-b forks" in n for n in report.notices)
    joined = a.endorse("2023", "org-b", "org-b", "endorse")
    assert len(joined.statement.previous) == 2 and joined.statement.seq == 3
    report = a.verify()
    assert report.ok and not any("forks" in n for n in report.notices)


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
    world.change(lambda reg: R.with_key(reg, "org-c", R.new_key(str(locked) + ".pub", TODAY)))
    for key in (locked, str(locked) + ".pub"):  # the private file, or only its public half: the agent signs
        E.endorse(world.ws(), world.state(), ref="2023", signatory_id="org-c", key_path=str(key), today=TODAY, by=BY)
    assert world.verify().ok
