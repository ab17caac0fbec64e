"""The trust commands as users run them: JSON shapes, text output, one-line errors that change nothing."""

from __future__ import annotations

import json
import shutil

import pytest
from test_trust_registry import sk_ed25519_line
from trust_world import SAMPLE, TODAY, keygen

from akkoordvc.trust import sshsig


def snapshot(world) -> tuple[str, str]:
    return world.git("rev-parse", "HEAD").strip(), world.git("status", "--porcelain")


def one_line_error(code, out, err):
    assert code == 1, (code, out, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("akkoord: error: ")
    assert "Traceback" not in err + out
    return lines[0]


# JSON shapes ---------------------------------------------------------------------------------------------
def test_endorsements_json_shape(world, run_cli):
    code, out, err = run_cli("endorsements", "--json", cwd=world.root)
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"versions", "signatories", "current"}
    assert [v["label"] for v in data["versions"]] == ["2019", "2023"]
    for version in data["versions"]:
        assert set(version) >= {"label", "text_sha256", "endorsements"}
        assert len(version["text_sha256"]) == 64
        for entry in version["endorsements"]:
            assert set(entry) >= {"signatory", "decision", "date", "verified"}
            assert entry["verified"] is True
    signatories = {s["id"]: s for s in data["signatories"]}
    for s in signatories.values():
        assert set(s) >= {"id", "name", "kind", "term_start", "term_end", "succeeds", "sitting"}
    assert signatories["college-2026-2030"]["sitting"] is True
    assert signatories["college-2026-2030"]["succeeds"] == "college-2022-2026"
    assert signatories["college-2022-2026"]["sitting"] is False
    assert signatories["org-a"]["term_start"] is None
    assert data["current"] == {
        "label": "2023",
        "sitting_college": "college-2026-2030",
        "sitting_college_decision": "pending",
        "sitting_college_decision_attested": False,
    }
    v2019, v2023 = data["versions"]
    assert v2019["states"]["college-2018-2022"] == "endorsed" and v2023["states"]["college-2018-2022"] == "historic"
    assert v2023["states"]["college-2022-2026"] == "endorsed"
    assert v2023["states"]["org-a"] == "endorsed" and v2023["states"]["org-b"] == "declined"
    assert v2023["states"]["org-c"] == "pending"
    attested = [e for e in v2019["endorsements"] if e["signatory"] == "college-2018-2022"]
    assert attested[0]["attested"] is True and attested[0]["evidence"].startswith("Ondertekend")


def test_sitting_college_decides_with_its_own_key(world, run_cli):
    code, out, err = run_cli(
        "endorse",
        "2023",
        "--as",
        "college-2026-2030",
        "--key",
        world.keys["col26"],
        "--mandate",
        "collegebesluit 2026/412",
        cwd=world.root,
    )
    assert code == 0, err
    assert "College van B&W 2026–2030 (college-2026-2030): endorse version 2023 on 2026-11-27" in out
    code, out, err = run_cli("endorsements", "--json", cwd=world.root)
    data = json.loads(out)
    assert data["current"]["sitting_college_decision"] == "endorsed"
    own = [e for e in data["versions"][1]["endorsements"] if e["signatory"] == "college-2026-2030"]
    assert own[0]["attested"] is False and own[0]["mandate"] == "collegebesluit 2026/412"
    code, out, err = run_cli("endorsements", cwd=world.root)
    assert "the sitting college, College van B&W 2026–2030, has endorsed it" in out


def test_endorsements_text_matrix(world, run_cli):
    code, out, err = run_cli("endorsements", cwd=world.root)
    assert code == 0, err
    lines = out.splitlines()
    row = next(line for line in lines if line.startswith("college-2026-2030 (sitting)"))
    assert "pending" in row
    assert next(line for line in lines if line.startswith("college-2018-2022")).split()[1] == "endorsed*"
    assert "* attested" in out
    assert "has not yet decided whether it endorses it (pending)" in out
    code, out, err = run_cli("endorsements", "2019", "--json", cwd=world.root)
    assert [v["label"] for v in json.loads(out)["versions"]] == ["2019"]
    one_line_error(*run_cli("endorsements", "2031", cwd=world.root))


def test_verify_json_ok_and_problems(world, run_cli):
    code, out, err = run_cli("verify", "--json", cwd=world.root)
    assert code == 0, out
    data = json.loads(out)
    assert data["ok"] is True and data["problems"] == []
    assert data["trust_anchor"].startswith("sha256:") and data["registry"]["serial"] == 4
    path = world.statements("endorsements", "org-b")[0]
    world.commit({path: world.read(path).replace(b'"decline"', b'"endorse"')})
    code, out, err = run_cli("verify", "--json", cwd=world.root)
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False
    assert {"code", "where", "message"} <= set(data["problems"][0])
    assert any(p["where"] == path and "changed after it was signed" in p["message"] for p in data["problems"])
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 1
    assert f"  - {path}: does not match its signature: the statement was changed after it was signed" in out


def test_verify_text_ok_and_trust_anchor(world, run_cli):
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 0, out
    assert "statements: 5 signed by their signatories, 1 attested by admins, 0 failing" in out
    assert out.rstrip().splitlines()[-1].startswith("OK: everything verifies")
    anchor = json.loads(run_cli("verify", "--json", cwd=world.root)[1])["trust_anchor"]
    code, out, err = run_cli("verify", "--trust-anchor", anchor, cwd=world.root)
    assert code == 0 and "(pinned)" in out
    code, out, err = run_cli("verify", "--trust-anchor", "sha256:" + "1" * 64, cwd=world.root)
    assert code == 1 and "not the registry you trust" in out
    one_line_error(*run_cli("verify", "--trust-anchor", "abc", cwd=world.root))


def test_signatory_list_and_show(world, run_cli):
    code, out, err = run_cli("signatory", "list", "--json", cwd=world.root)
    assert code == 0, err
    data = json.loads(out)
    assert data["registry"]["serial"] == 4 and data["registry"]["threshold"] == 1
    assert data["registry"]["admins"][0]["id"] == "admin"
    ids = [s["id"] for s in data["signatories"]]
    assert ids == ["college-2018-2022", "college-2022-2026", "college-2026-2030", "org-a", "org-b", "org-c"]
    org_c = data["signatories"][-1]
    assert org_c["keys"][0]["type"] == "ecdsa-sha2-nistp256" and org_c["keys"][0]["state"] == "valid"
    code, out, err = run_cli("signatory", "list", cwd=world.root)
    assert "(sitting)" in out and "(historic)" in out
    code, out, err = run_cli("signatory", "show", "college-2026-2030", "--json", cwd=world.root)
    shown = json.loads(out)
    assert shown["sitting"] is True and shown["succeeds"] == "college-2022-2026" and shown["keys"][0]["fingerprint"]
    code, out, err = run_cli("signatory", "show", "college-2022-2026", cwd=world.root)
    assert "historic" in out and "succeeded by college-2026-2030" in out
    one_line_error(*run_cli("signatory", "show", "nobody", cwd=world.root))


def test_since(world, run_cli):
    code, out, err = run_cli(
        "attest",
        "2019",
        "--signatory",
        "org-b",
        "--date",
        "2019-11-09",
        "--evidence",
        "Ondertekend op papier",
        "--key",
        world.keys["admin"],
        cwd=world.root,
    )
    assert code == 0, err
    code, out, err = run_cli("since", "org-b", "--no-color", cwd=world.root)
    assert code == 0, err
    assert out.startswith("Vereniging B (org-b) last endorsed version 2019; the current version is 2023.")
    assert "[-ongeveer-]{+ruim+}" in out
    code, out, err = run_cli("since", "org-b", "--json", cwd=world.root)
    data = json.loads(out)
    assert data["last_endorsed"] == "2019" and data["current"] == "2023"
    assert data["redline"]["stats"]["modified"] == 1
    code, out, err = run_cli("since", "org-a", cwd=world.root)
    assert "Nothing has changed since." in out
    assert "has endorsed no version" in one_line_error(*run_cli("since", "org-c", cwd=world.root))


# registry commands ------------------------------------------------------------------------------------------
def test_signatory_commands(world, run_cli, tmp_path):
    admin = world.keys["admin"]
    sk = tmp_path / "sk.pub"
    sk.write_text(sk_ed25519_line() + "\n")
    new = keygen(tmp_path, "org-d")
    code, out, err = run_cli(
        "signatory",
        "add",
        "org-d",
        "--name",
        "Stichting D",
        "--kind",
        "organisation",
        "--pubkey",
        f"{new}.pub",
        "--pubkey",
        sk,
        "--key",
        admin,
        cwd=world.root,
    )
    assert code == 0, err
    assert out.startswith("Added signatory org-d (record ")
    assert "signed by admin key(s): admin (1 of 1 required)" in out
    code, out, err = run_cli(
        "signatory",
        "add-key",
        "org-d",
        "--pubkey",
        f"{keygen(tmp_path, 'org-d2')}.pub",
        "--valid-until",
        "2027-12-31",
        "--key",
        admin,
        cwd=world.root,
    )
    assert code == 0, err
    fingerprint = json.loads(run_cli("signatory", "show", "org-d", "--json", cwd=world.root)[1])["keys"][0][
        "fingerprint"
    ]
    code, out, err = run_cli(
        "signatory", "revoke-key", "org-d", fingerprint, "--reason", "lost", "--key", admin, cwd=world.root
    )
    assert code == 0, err
    shown = json.loads(run_cli("signatory", "show", "org-d", "--json", cwd=world.root)[1])
    assert [k["state"] for k in shown["keys"]] == ["revoked", "valid", "valid"]
    assert shown["keys"][0]["reason"] == "lost" and shown["keys"][2]["until"] == "2027-12-31"
    code, out, err = run_cli("signatory", "retire", "org-d", "--date", "2027-01-01", "--key", admin, cwd=world.root)
    assert code == 0, err
    code, out, err = run_cli(
        "signatory",
        "add",
        "college-2030-2034",
        "--name",
        "College 2030–2034",
        "--kind",
        "college",
        "--term-start",
        "2030-06-01",
        "--term-end",
        "2034-05-31",
        "--succeeds",
        "college-2026-2030",
        "--key",
        admin,
        cwd=world.root,
    )
    assert code == 0, err
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 0, out


def test_registry_threshold_and_cosign_commands(world, run_cli):
    admin, admin2 = world.keys["admin"], world.keys["admin2"]
    assert (
        run_cli("signatory", "admin-add", "admin2", "--pubkey", f"{admin2}.pub", "--key", admin, cwd=world.root)[0] == 0
    )
    assert run_cli("signatory", "threshold", "2", "--key", admin, cwd=world.root)[0] == 0
    code, out, err = run_cli("signatory", "retire", "org-c", "--date", "2027-01-01", "--key", admin, cwd=world.root)
    assert code == 0, err
    assert "pending: it counts once 1 more admin key(s) sign it" in out
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 1 and "signed by 1 of the 2 admin keys required" in out
    code, out, err = run_cli("signatory", "cosign", "--key", admin2, cwd=world.root)
    assert code == 0, err
    assert "(2 of 2 required)" in out
    assert run_cli("verify", cwd=world.root)[0] == 0


# errors: one line, nothing changed ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args, expect",
    [
        (
            ["endorse", "2023", "--as", "org-a", "--key", "@org-b"],
            "not a registered key of org-a: it is the key of signatory org-b",
        ),
        (["endorse", "2031", "--as", "org-a", "--key", "@org-a"], "not a signed version of this agreement"),
        (["endorse", "2023", "--as", "nobody", "--key", "@org-a"], "not in the registry"),
        (["endorse", "2023", "--as", "college-2022-2026", "--key", "@col22"], "ended on 2026-05-31"),
        (["endorse", "2023", "--as", "org-a", "--key", "@org-a.pub-missing"], "no such file"),
        (["endorse", "2023", "--as", "org-a", "--key", "@org-a", "--comment", "x" * 3000], "over the limit of 2,000"),
        (
            ["attest", "2023", "--signatory", "org-c", "--date", "2023-13-01", "--evidence", "x", "--key", "@admin"],
            "is not a date",
        ),
        (
            ["attest", "2023", "--signatory", "org-c", "--date", "2023-04-01", "--evidence", "x", "--key", "@org-c"],
            "not an admin key",
        ),
        (["signatory", "add", "org-x", "--name", "X", "--kind", "organisation", "--key", "@org-a"], "not an admin key"),
        (["signatory", "add", "org-a", "--name", "X", "--kind", "organisation", "--key", "@admin"], "already exists"),
        (
            ["signatory", "add", "Org X", "--name", "X", "--kind", "organisation", "--key", "@admin"],
            "lower-case letters",
        ),
        (
            [
                "signatory",
                "add",
                "org-x",
                "--name",
                "X",
                "--kind",
                "organisation",
                "--pubkey",
                "@org-a",
                "--key",
                "@admin",
            ],
            "PRIVATE key",
        ),
        (
            [
                "signatory",
                "add",
                "org-x",
                "--name",
                "X",
                "--kind",
                "organisation",
                "--pubkey",
                "@org-b.pub",
                "--key",
                "@admin",
            ],
            "already registered for signatory org-b",
        ),
        (["signatory", "revoke-key", "org-a", "SHA256:nope", "--key", "@admin"], "has no key SHA256:nope"),
        (["signatory", "cosign", "--key", "@admin"], "nothing to cosign"),
    ],
)
def test_errors_are_one_line_and_change_nothing(world, run_cli, args, expect):
    before = snapshot(world)
    args = [
        str(world.keys[a[1:].split(".pub")[0]]) + (".pub" if a.endswith(".pub") else "")
        if a.startswith("@") and not a.endswith("-missing")
        else (str(world.root / "missing") if a.startswith("@") else a)
        for a in args
    ]
    line = one_line_error(*run_cli(*args, cwd=world.root))
    assert expect in line
    assert snapshot(world) == before


def test_usage_errors(world, run_cli):
    code, out, err = run_cli(
        "signatory", "add", "c", "--name", "C", "--kind", "college", "--key", world.keys["admin"], cwd=world.root
    )
    assert code == 2 and "needs --term-start and --term-end" in err and "Traceback" not in err
    code, out, err = run_cli("attest", "2023", "--signatory", "org-c", "--key", world.keys["admin"], cwd=world.root)
    assert code == 2 and "--date" in err


def test_outside_a_repository(run_cli, tmp_path):
    one_line_error(*run_cli("verify", cwd=tmp_path))
    one_line_error(*run_cli("endorsements", cwd=tmp_path))


# the real console script, no git identity, from init on -------------------------------------------------------
def test_init_to_verify_with_the_installed_command(akkoord_exe, tmp_path, world_template, no_git_identity):
    keys = tmp_path / "keys"
    keys.mkdir()
    shutil.copy(f"{world_template.keys['admin']}.pub", keys / "secretariaat.pub")
    shutil.copy(world_template.keys["admin"], keys / "secretariaat")
    (keys / "secretariaat").chmod(0o600)
    org = keygen(keys, "org")
    env = {"AKKOORD_TODAY": TODAY.isoformat(), "HOME": str(no_git_identity)}
    repo = tmp_path / "repo"

    def run(*args):
        return akkoord_exe("-C", repo, *args, env=env)

    code, out, err = akkoord_exe(
        "init", repo, "--from", SAMPLE, "--by", "Secretariaat", "--admin-key", keys / "secretariaat.pub", env=env
    )
    assert code == 0, err
    anchor = next(line.split(": ")[1] for line in out.splitlines() if line.startswith("Registry trust anchor"))
    assert "every version is a record signed by admin keys; give --key" in one_line_error(
        *run("version", "create", "2019", "--date", "2019-11-09", "--by", "Secretariaat")
    )
    code, out, err = run(
        "version", "create", "2019", "--date", "2019-11-09", "--by", "Secretariaat", "--key", keys / "secretariaat"
    )
    assert code == 0 and "Signed its version record" in out, err
    assert (
        run(
            "signatory",
            "add",
            "org",
            "--name",
            "Org",
            "--kind",
            "organisation",
            "--pubkey",
            f"{org}.pub",
            "--key",
            keys / "secretariaat",
        )[0]
        == 0
    )
    code, out, err = run("endorse", "2019", "--as", "org", "--key", org)
    assert code == 0, err
    code, out, err = run("verify", "--trust-anchor", anchor)
    assert code == 0, out + err
    code, out, err = run("endorsements", "--json")
    assert json.loads(out)["versions"][0]["endorsements"][0]["signatory"] == "org"
    code, out, err = run("endorse", "2019", "--as", "org", "--key", keys / "secretariaat")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err


def test_registry_started_in_an_existing_repository(run_cli, tmp_path, world_template, monkeypatch):
    monkeypatch.setenv("AKKOORD_TODAY", TODAY.isoformat())
    repo = tmp_path / "plain"
    assert run_cli("init", repo, "--from", SAMPLE, "--by", "Secretariaat")[0] == 0
    assert run_cli("version", "create", "2019", "--date", "2019-11-09", "--by", "S", cwd=repo)[0] == 0
    code, out, err = run_cli("signatory", "list", cwd=repo)
    assert "has no signatory registry" in one_line_error(code, out, err)
    admin = world_template.keys["admin"]
    code, out, err = run_cli("signatory", "init", "--admin-key", f"{admin}.pub", "--by", "S", cwd=repo)
    assert code == 0, err
    anchor = out.split("Registry trust anchor: ")[1].split()[0]
    code, out, err = run_cli("verify", cwd=repo)
    assert code == 1 and "version 2019 has a tag but no version record signed by the admins" in out
    code, out, err = run_cli("version", "create", "2019", "--key", admin, "--by", "S", cwd=repo)  # sign the old one
    assert code == 0 and out.startswith("Created version 2019 (2019-11-09)"), err
    assert "already has a registry" in one_line_error(
        *run_cli("signatory", "init", "--admin-key", f"{admin}.pub", "--by", "S", cwd=repo)
    )
    assert (
        run_cli(
            "signatory",
            "add",
            "org-a",
            "--name",
            "A",
            "--kind",
            "organisation",
            "--pubkey",
            f"{world_template.keys['org-a']}.pub",
            "--key",
            admin,
            "--by",
            "S",
            cwd=repo,
        )[0]
        == 0
    )
    assert run_cli("endorse", "2019", "--as", "org-a", "--key", world_template.keys["org-a"], cwd=repo)[0] == 0
    code, out, err = run_cli("verify", "--trust-anchor", anchor, cwd=repo)
    assert code == 0, out


def test_hostile_names_are_printed_safely(world, run_cli):
    """File names and fields come from anyone with push access: no terminal escapes reach the screen."""
    world.commit({"endorsements/org-a/\x1b[2J\u202eevil.json": b"{}\n"})
    source = world.statements("endorsements", "org-b")[0]
    fields = json.loads(world.read(source))
    fields["signatory"] = "org-b\x1b[31m"
    from akkoordvc.trust.jsonfile import canonical_json

    data = canonical_json(fields)
    signature = sshsig.sign(data, str(world.keys["org-b"]), sshsig.NS_ENDORSEMENT)  # signed, so it is read
    world.commit(
        {
            "endorsements/org-b/000009-0123456789abcdef.json": data,
            "endorsements/org-b/000009-0123456789abcdef.json.sig": signature,
        }
    )
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 1
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\u001b[2J\\u202eevil.json" in out
    assert "signatory 'org-b\\x1b[31m' is not a valid identifier" in out
