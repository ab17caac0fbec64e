"""Planted files (issue 9 item 5) and planted statements as denial of service (item 6), with real git.

Each hostile file is committed with plain git, as anyone with push access could; `verify` reports
it as one problem naming its path, never crashes, and other signatories can still endorse.
"""

from __future__ import annotations

import json
import shutil

import pytest
from test_trust_threats import plant, statement_for
from trust_world import World

from akkoordvc.trust import cache, sshsig


def problems_at(report, path: str) -> list:
    return [p for p in report.problems if p.where == path]


def still_endorsable(world: World) -> None:
    world.endorse("2023", "org-c", "org-c")
    assert any(c.verified and c.statement.signatory == "org-c" for c in world.verify().statements)


HOSTILE = {
    "lone-surrogate": b'{"format":"akkoordvc-statement-v2","signatory":"\\ud800"}\n',
    "huge-number": b'{"format":"akkoordvc-statement-v2","seq":' + b"9" * 5000 + b"}\n",
    "deep": b"[" * 200_000 + b"]" * 200_000 + b"\n",
    "utf32-doctype": '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'.encode("utf-32"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_planted_statement_is_one_problem_naming_its_path(world, name, run_cli):
    path = f"endorsements/org-a/000009-{'0' * 16}.json"
    signature = sshsig.sign(HOSTILE[name], str(world.keys["org-a"]), sshsig.NS_ENDORSEMENT)  # so it is read at all
    world.git_commit({path: HOSTILE[name], path + ".sig": signature}, f"plant {name}")
    report = world.verify()
    found = problems_at(report, path)
    assert [p.code for p in found] == ["statement-malformed"]
    assert "\n" not in found[0].message and len(found[0].message) < 300
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 1 and "Traceback" not in out + err and f"  - {path}: is not a valid statement" in out
    still_endorsable(world)


def test_planted_record_of_every_kind_is_one_problem(world):
    for number, (name, data) in enumerate(HOSTILE.items()):
        world.git_commit({f"records/{'a' * 63}{number}.json": data}, f"plant {name}")
    report = world.verify()
    bad = [p for p in report.problems if p.code == "record-malformed"]
    assert len(bad) == len(HOSTILE) and all(p.where.startswith("records/") for p in bad)
    assert report.registry.current is not None  # the registry in force is untouched


@pytest.mark.parametrize("kind", ["symlink", "file"])
def test_endorsements_folder_replaced(world, kind, run_cli):
    world.git("rm", "-q", "-r", "endorsements")
    if kind == "symlink":
        (world.root / "endorsements").symlink_to("/etc")
    else:
        (world.root / "endorsements").write_text("not a folder\n")
    world.git("add", "endorsements")
    world.git("commit", "-q", "-m", f"endorsements as a {kind}")
    report = world.verify()
    planted = problems_at(report, "endorsements")
    assert [p.code for p in planted] == ["planted-file"]
    assert ("symbolic link" if kind == "symlink" else "is a file, not a folder") in planted[0].message
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 1 and "Traceback" not in out + err


def test_planted_symlink_submodule_and_deep_files(world):
    (world.root / "endorsements" / "org-a" / "link.json").symlink_to("/etc/passwd")
    deep = world.root / "endorsements" / "a" / "b" / "c" / "d"
    deep.mkdir(parents=True)
    (deep / "x.json").write_text("{}\n")
    world.git("add", "endorsements")
    world.git("commit", "-q", "-m", "plant")
    report = world.verify()
    messages = {p.where: p.message for p in report.problems if p.code == "planted-file"}
    assert "symbolic link" in messages["endorsements/org-a/link.json"]
    assert "folders deep" in messages["endorsements/a/b/c/d/x.json"]


def test_hostile_names_and_labels_never_reach_the_terminal(world, run_cli):
    signed = plant(world, statement_for(world, "2023", "org-c", comment="\u202eevil\x1b[2J"), key="org-c")
    path = "endorsements/org-a/\u202e\x1b[31mred.json"
    world.git_commit({path: b"{}\n"}, "hostile name")
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 1 and "\x1b" not in out + err and "\u202e" not in out + err
    assert f"{signed}: is not a valid statement: comment is too long or contains control characters" in out
    assert "\\u202e\\u001b[31mred.json" in out  # shown, escaped


def test_a_statement_signed_by_an_unregistered_key_costs_no_signature_check(world, monkeypatch):
    """Item 6: the key is read from the signature and refused before any cryptography runs."""
    for seq in range(20):
        fields = statement_for(world, "2023", "org-a", seq=4 + seq)
        plant(world, fields, key="stranger")
    calls = []
    original = sshsig.Verifier.verify

    def counted(self, data, signature, principal, namespace, day):
        calls.append(principal)
        return original(self, data, signature, principal, namespace, day)

    monkeypatch.setattr(sshsig.Verifier, "verify", counted)
    shutil.rmtree(world.root / ".git" / cache.FOLDER, ignore_errors=True)  # every honest statement is checked again
    report = world.verify()
    planted = [c for c in report.statements if "not registered" in " ".join(p.message for p in c.problems)]
    assert len(planted) == 20
    assert calls.count("org-a") == 3  # org-a's three honest statements; none of the twenty planted ones
    json.dumps(report.as_dict())  # the report stays data
