"""Signed version records (issue 9 item 2): the record is the version, the tag a convenience, built with real git."""

from __future__ import annotations

import datetime as dt

import pytest
from trust_world import BY, TODAY, World

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical
from akkoordvc.storage.workspace import TEXT_PATH
from akkoordvc.trust import changes as C
from akkoordvc.trust import records, sshsig
from akkoordvc.trust import registry_ops as O
from akkoordvc.trust import versions as V
from akkoordvc.trust.jsonfile import canonical_json


def codes(report, where=None) -> set[str]:
    return {p.code for p in report.problems if where is None or p.where == where}


def messages(report, where=None) -> str:
    return "\n".join(p.message for p in report.problems if where is None or p.where == where)


def new_text(world: World, old: bytes, new: bytes) -> None:
    ws = world.ws()
    text = ws.head_text().replace(old, new)
    assert text != ws.head_text()
    ws.commit({TEXT_PATH: text}, "edit", "editorial", BY)


def redate_tag(world: World, label: str, day: str) -> None:
    """What an attacker with push access does: make the tag again, same commit, another Akkoord-Date (plain git)."""
    commit = world.git("rev-parse", f"version/{label}^{{commit}}").strip()
    message = f"Version {label}\n\nAkkoord-Label: {label}\nAkkoord-Date: {day}"
    world.git("tag", "-f", "-a", f"version/{label}", "-m", message, commit)


def plant_statement(world: World, version: str, who: str, key: str, date: dt.date) -> str:
    from test_trust_threats import plant, statement_for

    return plant(world, statement_for(world, version, who, date=date), key=key)


def test_a_version_is_a_record_committed_right_after_the_text_it_names(world):
    new_text(world, b"ruim 40 bijeenkomsten", b"meer dan 40 bijeenkomsten")
    frozen = world.ws().head()
    version, signed = world.version("2026", "2026-11-01")
    record = signed.record
    assert record.type == "version" and record.get("commit") == frozen == version.commit
    assert record.get("text_sha256") == canonical.sha256(world.ws().text_at(frozen))
    assert record.get("follows") == V.find(world.state(), "2023").sha and record.get("day") == "2026-11-01"
    assert world.git("rev-parse", "HEAD~1").strip() == frozen  # the record's commit follows the frozen one
    assert world.git("rev-parse", "version/2026^{commit}").strip() == frozen
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]
    assert [v.label for v in report.versions] == ["2019", "2023", "2026"]


def test_redated_tag_cannot_date_an_endorsement_back_into_a_college_term(world):
    """Issue 9 item 2: the college of 2022-2026 (term ended 2026-05-31) endorses a newer version 'in its term'."""
    new_text(world, b"ruim 40 bijeenkomsten", b"meer dan 40 bijeenkomsten")
    world.version("2026", "2026-11-01")
    redate_tag(world, "2026", "2026-05-01")
    path = plant_statement(world, "2026", "college-2022-2026", "col22", dt.date(2026, 5, 20))
    report = world.verify()
    assert codes(report, "version/2026") == {"version-tag"}
    assert "says the version is dated 2026-05-01, but its signed record says 2026-11-01" in messages(report)
    assert "is dated 2026-05-20, before version 2026 existed (2026-11-01)" in messages(report, path)
    assert report.versions[-1].date == "2026-11-01"


def test_an_unsigned_version_tag_is_not_a_version_and_never_current(world, run_cli):
    new_text(world, b"ruim 40 bijeenkomsten", b"meer dan 40 bijeenkomsten")
    head = world.ws().head()
    world.git("tag", "-a", "version/2027", "-m", "Version 2027\n\nAkkoord-Label: 2027\nAkkoord-Date: 2026-11-20", head)
    report = world.verify()
    assert codes(report) == {"version-unsigned"}
    assert "no version record signed by the admins" in messages(report, "version/2027")
    assert report.versions[-1].label == "2023"
    code, out, err = run_cli("endorsements", "--json", cwd=world.root)
    import json

    assert json.loads(out)["current"]["label"] == "2023"
    with pytest.raises(AkkoordError, match="not a signed version"):
        world.endorse("2027", "org-c", "org-c")


def test_a_statement_binds_the_record_it_endorses(world):
    from test_trust_threats import plant, statement_for

    fields = statement_for(world, "2023", "org-c")
    fields["version_record"] = V.find(world.state(), "2019").sha
    path = plant(world, fields, key="org-c")
    report = world.verify()
    assert codes(report, path) == {"text-mismatch"}
    assert "but the signed record of version 2023 is" in messages(report, path)


def forge_version_record(world: World, **change) -> records.Record:
    """An admin-signed version record with `change` applied to an honest one, committed with plain git."""
    state = world.state()
    last = V.find(state, "2023")
    body = {k: last.get(k) for k in ("label", "commit", "text_sha256", "message", "amendments", "day")}
    body.update(label="2026", follows=last.sha, day="2026-11-01")
    body.update(change)
    record = records.make_record("version", state.heads, TODAY, body)
    sig = sshsig.sign(record.data, str(world.keys["admin"]), records.NAMESPACE)
    world.git_commit({record.path: record.data, records.signature_path(record.sha, "admin"): sig}, "version")
    return record


def test_signed_record_naming_a_commit_without_its_text(world):
    record = forge_version_record(world, text_sha256="1" * 64)
    report = world.verify()
    assert codes(report, record.path) == {"version-text"}


def test_version_records_form_one_chain(world):
    first = V.find(world.state(), "2019")
    skipping = forge_version_record(world, follows=first.sha)
    report = world.verify()
    assert codes(report, skipping.path) == {"version-chain"}
    assert "the latest version before it is" in messages(report, skipping.path)


def test_version_record_dated_before_the_version_it_follows(world):
    early = forge_version_record(world, day="2020-01-01")
    report = world.verify()
    assert "is dated 2020-01-01, before the version it follows (2023-03-01)" in messages(report, early.path)


def test_version_label_claimed_twice(world):
    twice = forge_version_record(world, label="2019")
    report = world.verify()
    assert "claims label 2019, which an earlier version already has" in messages(report, twice.path)


def test_two_concurrent_versions_after_the_same_one_are_a_fork(world, tmp_path, no_git_identity):
    import subprocess

    subprocess.run(["git", "clone", "-q", str(world.root), str(tmp_path / "b")], check=True)
    other = World(tmp_path / "b", world.keys)
    new_text(world, b"ruim 40 bijeenkomsten", b"meer dan 40 bijeenkomsten")
    world.version("2026", "2026-11-01")
    new_text(other, b"ruim 40 bijeenkomsten", b"meer dan 40 bijeenkomsten")
    other.version("2026-b", "2026-11-02")
    world.git("pull", "-q", "--no-rebase", "--no-edit", str(other.root), "main")
    report = world.verify()
    assert "registry-fork" in codes(report) and "neither counts" in messages(report)
    assert report.versions[-1].label == "2023"


def test_threshold_two_version_counts_once_cosigned(world):
    world.change(lambda reg: O.add_admin(_admin(world, "admin2")))
    world.change(lambda reg: O.set_threshold(2))
    new_text(world, b"ruim 40 bijeenkomsten", b"meer dan 40 bijeenkomsten")
    version, signed = world.version("2026", "2026-11-01")
    assert not signed.complete
    report = world.verify()
    assert codes(report) == {"record-pending"} and report.versions[-1].label == "2023"
    C.cosign(world.ws(), world.state(), str(world.keys["admin2"]), BY)
    report = world.verify()
    assert report.ok and report.versions[-1].label == "2026"


def _admin(world: World, name: str):
    from akkoordvc.trust.model import AdminKey

    return AdminKey(public=sshsig.read_public_key_file(str(world.keys[name]) + ".pub"), start=TODAY, id=name, name=name)


def test_version_create_needs_an_admin_key_and_changes_nothing_without(world, run_cli):
    new_text(world, b"ruim 40 bijeenkomsten", b"meer dan 40 bijeenkomsten")
    before = world.git("rev-parse", "HEAD").strip(), world.git("tag", "-l")
    code, out, err = run_cli("version", "create", "2026", "--by", "S", cwd=world.root)
    assert code == 1 and err.count("\n") == 1 and "give --key ADMIN_PRIVATE_KEY" in err
    code, out, err = run_cli("version", "create", "2026", "--by", "S", "--key", world.keys["org-a"], cwd=world.root)
    assert code == 1 and "is not an admin key" in err and err.count("\n") == 1
    assert (world.git("rev-parse", "HEAD").strip(), world.git("tag", "-l")) == before
    code, out, err = run_cli("version", "create", "2026", "--by", "S", "--key", world.keys["admin"], cwd=world.root)
    assert code == 0 and "Signed its version record" in out, err


def test_version_record_json_is_canonical(world):
    record = V.find(world.state(), "2023")
    assert canonical_json(record.fields) == record.data and record.path == f"records/{record.sha}.json"
