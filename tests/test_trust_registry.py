"""The signatory registry: its format, key kinds, signed changes, threshold, rotation and replay."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import subprocess

import pytest
from trust_world import BY, TODAY, keygen, signatory

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical
from akkoordvc.trust import changes as C
from akkoordvc.trust import model as M
from akkoordvc.trust import records, sshsig
from akkoordvc.trust import registry as R
from akkoordvc.trust import registry_ops as O


def codes(report) -> set[str]:
    return {p.code for p in report.problems}


def _string(data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + data


def sk_ed25519_line(seed: int = 7) -> str:
    blob = _string(b"sk-ssh-ed25519@openssh.com") + _string(bytes([seed]) * 32) + _string(b"ssh:")
    return f"sk-ssh-ed25519@openssh.com {base64.b64encode(blob).decode()} yubikey-of-the-griffier"


def sk_ecdsa_line(tmp_path) -> str:
    """An ecdsa-sk public key built around the (valid) point of a freshly generated nistp256 key."""
    path = keygen(tmp_path, "ec-for-sk", "ecdsa")
    ec = sshsig.read_public_key_file(str(path) + ".pub").blob
    _name, offset = sshsig._read_string(ec, 0)
    _curve, offset = sshsig._read_string(ec, offset)
    point, _ = sshsig._read_string(ec, offset)
    blob = _string(b"sk-ecdsa-sha2-nistp256@openssh.com") + _string(b"nistp256") + _string(point) + _string(b"ssh:")
    return f"sk-ecdsa-sha2-nistp256@openssh.com {base64.b64encode(blob).decode()}"


# format -----------------------------------------------------------------------------------------------
def test_genesis_files_and_anchor(world_template, tmp_path, monkeypatch):
    monkeypatch.setenv("AKKOORD_TODAY", TODAY.isoformat())
    keys = world_template.keys
    files, anchor = C.genesis_files([str(keys["admin"]) + ".pub", str(keys["admin2"]) + ".pub"], 2)
    [(path, data)] = files.items()
    assert anchor == "sha256:" + canonical.sha256(data) and path == f"records/{canonical.sha256(data)}.json"
    record = records.parse_record(data)
    assert record.parents == [] and record.serial == 0 and record.date == TODAY and record.type == "registry"
    assert [op["op"] for op in record.get("ops")] == ["admin-add", "admin-add", "threshold"]
    state = R.replay({record.sha: record}, {}, anchor)
    assert state.problems == [] and state.anchor == record.sha
    assert [a.id for a in state.current.admins] == ["admin", "admin2"] and state.current.threshold == 2
    assert records.canonical_json(record.fields) == data  # canonical


def test_genesis_refuses_bad_input(world_template, tmp_path):
    keys = world_template.keys
    with pytest.raises(AkkoordError, match="more than the 1 admin key"):
        C.genesis_files([str(keys["admin"]) + ".pub"], 2)
    with pytest.raises(AkkoordError, match="same key is given twice"):
        C.genesis_files([str(keys["admin"]) + ".pub", str(keys["admin"]) + ".pub"], 1)
    with pytest.raises(AkkoordError, match="PRIVATE key"):
        C.genesis_files([str(keys["admin"])], 1)
    rsa = keygen(tmp_path, "rsa", "rsa")
    with pytest.raises(AkkoordError, match="RSA keys are not accepted"):
        C.genesis_files([str(rsa) + ".pub"], 1)
    with pytest.raises(AkkoordError, match="no such file"):
        C.genesis_files([str(tmp_path / "missing.pub")], 1)


def test_record_format_and_rules(world):
    state = world.state()
    newest = state.heads[0]
    for bad, message in (
        (newest.data.replace(b'"kind":"organisation"', b'"kind":"company"', 1), "kind 'company'"),
        (newest.data.replace(b'"op":"signatory-add"', b'"op":"signatory-delete"', 1), "unknown registry operation"),
    ):
        forged = records.parse_record(bad)
        with pytest.raises(AkkoordError, match=message):
            O.apply_ops(state.after[newest.parents[0]], forged.get("ops"), 2, TODAY)
    with pytest.raises(AkkoordError, match="not UTF-8|not JSON"):
        records.parse_record(b'<!DOCTYPE registry [<!ENTITY x "y">]>\n<registry/>')
    with pytest.raises(AkkoordError, match="canonical"):
        records.parse_record(newest.data.replace(b'{"date"', b'{ "date"', 1))
    reg = state.current
    org_a = reg.signatory("org-a")
    # the same key for two signatories
    dup = M.Signatory(id="org-z", name="Z", kind="organisation", keys=org_a.keys)
    with pytest.raises(AkkoordError, match="also registered for signatory org-a"):
        M.check(dataclasses.replace(reg, signatories=(*reg.signatories, dup)))
    bad = [
        (M.Signatory(id="c1", name="C", kind="college"), "needs a term"),
        (
            M.Signatory(id="c2", name="C", kind="college", term_start=TODAY, term_end=TODAY, succeeds="org-a"),
            "not a college",
        ),
        (M.Signatory(id="o1", name="O", kind="organisation", term_start=TODAY), "only a college"),
        (
            M.Signatory(
                id="c3", name="C", kind="college", term_start=dt.date(2026, 1, 1), term_end=dt.date(2025, 1, 1)
            ),
            "ends .* before it starts",
        ),
    ]
    for extra, message in bad:
        with pytest.raises(AkkoordError, match=message):
            M.check(dataclasses.replace(reg, signatories=(*reg.signatories, extra)))
    with pytest.raises(AkkoordError, match="lower-case letters"):
        M.check_id("Org A")


def test_key_kinds(tmp_path, world_template):
    ed = sshsig.read_public_key_file(str(world_template.keys["org-a"]) + ".pub")
    ec = sshsig.read_public_key_file(str(world_template.keys["org-c"]) + ".pub")
    assert (ed.type, ed.label) == ("ssh-ed25519", "ED25519")
    assert (ec.type, ec.label) == ("ecdsa-sha2-nistp256", "ECDSA")
    for key, path in ((ed, "org-a"), (ec, "org-c")):
        out = subprocess.run(
            ["ssh-keygen", "-l", "-f", str(world_template.keys[path]) + ".pub"], capture_output=True, text=True
        ).stdout
        assert key.fingerprint == out.split()[1]
    for line in (sk_ed25519_line(), sk_ecdsa_line(tmp_path)):
        key = sshsig.parse_public_key(line)
        assert key.hardware and key.label.endswith("-SK")
        assert sshsig.fingerprint_with_ssh_keygen(key) == key.fingerprint  # OpenSSH accepts it too
    refused = {
        "ssh-dss AAAAB3NzaC1kc3M=": "DSA keys are not accepted",
        "ssh-ed25519-cert-v01@openssh.com AAAA": "certificates are not accepted",
        "ssh-ed25519 not*base64": "not base64",
        "ecdsa-sha2-nistp256 " + ed.base64: "the key data says 'ssh-ed25519'",
        "ssh-ed25519 " + base64.b64encode(ed.blob + b"x").decode(): "malformed",
        "": "found 0 lines",
    }
    for line, message in refused.items():
        with pytest.raises(AkkoordError, match=message):
            sshsig.parse_public_key(line)


def test_hardware_key_can_be_registered(world, tmp_path):
    pub = tmp_path / "sk.pub"
    pub.write_text(sk_ed25519_line() + "\n")
    world.change(lambda reg: O.add_key("org-c", O.new_key(str(pub), TODAY)))
    reg = world.state().current
    assert [k.public.type for k in reg.signatory("org-c").keys] == ["ecdsa-sha2-nistp256", "sk-ssh-ed25519@openssh.com"]
    assert b"sk-ssh-ed25519@openssh.com" in world.state().heads[0].data
    lines = [s.line() for s in reg.signatory_signers(sshsig.NS_ENDORSEMENT) if s.principal == "org-c"]
    assert any(
        line.startswith('org-c namespaces="akkoordvc-endorsement-v1",valid-after="20261127000000Z" sk-ssh-ed25519')
        for line in lines
    )
    assert world.verify().ok


def test_allowed_signers_windows(world):
    reg = world.state().current
    lines = {s.principal: s.line() for s in reg.signatory_signers(sshsig.NS_ENDORSEMENT)}
    # a college key is valid only within the college's term, whatever the key's own window
    assert 'valid-after="20220601000000Z",valid-before="20260531235959Z"' in lines["college-2022-2026"]
    assert "valid-before" not in lines["org-a"]


# signed changes and replay --------------------------------------------------------------------------------
def test_every_change_is_signed_and_replayed(world):
    state = world.state()
    assert state.head_trusted and not state.problems
    assert state.changes == 2 and state.current.serial == 4  # the serial counts the version records too
    [head] = state.heads
    assert (world.root / "records" / head.sha / "admin.sig").is_file()
    assert state.signed_by[head.sha] == ["admin"]
    assert head.parents[0] in state.valid and state.records[state.anchor].serial == 0
    assert state.valid[0] == state.anchor


def test_change_refused_with_a_non_admin_key(world):
    before = world.ws().head()
    with pytest.raises(AkkoordError, match="the key of signatory org-a is not an admin key"):
        world.change(lambda reg: O.set_threshold(1), keys=("org-a",))
    with pytest.raises(AkkoordError, match="is not an admin key"):
        world.change(lambda reg: O.set_threshold(1), keys=("stranger",))
    with pytest.raises(AkkoordError, match="distinct keys"):
        world.change(lambda reg: O.set_threshold(1), keys=("admin", "admin"))
    with pytest.raises(AkkoordError, match="must be signed"):
        world.change(lambda reg: O.set_threshold(1), keys=())
    assert world.ws().head() == before


def test_threshold_two_needs_two_distinct_admin_keys(world):
    new_admin = M.AdminKey(
        public=sshsig.read_public_key_file(str(world.keys["admin2"]) + ".pub"),
        start=TODAY,
        id="admin2",
        name="Tweede beheerder",
    )
    world.change(lambda reg: O.add_admin(new_admin))
    world.change(lambda reg: O.set_threshold(2))
    # one signature: pending, does not count
    result = world.change(lambda reg: O.retire("org-c", TODAY + dt.timedelta(days=30)))
    assert not result.complete and result.signed_by == ["admin"]
    state = world.state()
    assert state.pending is not None and not state.head_trusted
    assert state.current.signatory("org-c").retired is None  # the change does not count yet
    report = world.verify()
    assert codes(report) == {"record-pending"}
    assert "signed by 1 of the 2 admin keys required" in report.problems[0].message
    # statements can still be made against the registry in force; further changes must wait
    world.endorse("2023", "org-c", "org-c")
    with pytest.raises(AkkoordError, match="cosign"):
        world.change(lambda reg: O.set_threshold(1))
    with pytest.raises(AkkoordError, match="already signed"):
        C.cosign(world.ws(), world.state(), str(world.keys["admin"]), BY)
    done = C.cosign(world.ws(), world.state(), str(world.keys["admin2"]), BY)
    assert done.complete and sorted(done.signed_by) == ["admin", "admin2"]
    state = world.state()
    assert state.head_trusted and state.current.signatory("org-c").retired == TODAY + dt.timedelta(days=30)
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]
    # both keys at once
    result = world.change(lambda reg: O.set_threshold(1), keys=("admin", "admin2"))
    assert result.complete
    with pytest.raises(AkkoordError, match="nothing to cosign"):
        C.cosign(world.ws(), world.state(), str(world.keys["admin2"]), BY)


def test_admin_key_rotation(world):
    new_admin = M.AdminKey(
        public=sshsig.read_public_key_file(str(world.keys["admin2"]) + ".pub"),
        start=TODAY,
        id="admin2",
        name="Nieuwe beheerder",
    )
    world.change(lambda reg: O.add_admin(new_admin))
    world.change(lambda reg: O.revoke_admin("admin", TODAY + dt.timedelta(days=1), "rotated"))
    later = TODAY + dt.timedelta(days=2)
    with pytest.raises(AkkoordError, match="admin key admin is revoked"):
        world.change(lambda reg: O.set_threshold(1), keys=("admin",), day=later)
    world.change(lambda reg: O.retire("org-c", later), keys=("admin2",), day=later)
    report = world.verify(today=later)
    assert report.ok, [str(p) for p in report.problems]
    # the admin's old attestations stay valid: made while its key was valid
    assert all(c.verified for c in report.statements if c.statement.kind == "attestation")


def test_threshold_cannot_exceed_usable_admin_keys(world):
    with pytest.raises(AkkoordError, match="could never be changed again"):
        world.change(lambda reg: O.set_threshold(2))


def test_retired_signatory_keeps_earlier_statements_valid(world):
    world.change(lambda reg: O.retire("org-b", TODAY + dt.timedelta(days=1)))
    later = TODAY + dt.timedelta(days=10)
    report = world.verify(today=later)
    assert report.ok
    assert any("org-b since retired" in str(n) for c in report.statements for n in c.notes)
    with pytest.raises(AkkoordError, match="retired on"):
        world.endorse("2023", "org-b", "org-b", today=later)


def test_merge_that_drops_a_newer_registry_is_a_rollback(world, no_git_identity):
    world.git("checkout", "-q", "-b", "revocation")
    world.change(
        lambda reg: O.revoke_key(
            "org-b", O.find_key(reg.require("org-b"), str(world.keys["org-b"]) + ".pub").fingerprint, TODAY, "lost"
        )
    )
    world.git("checkout", "-q", "main")
    world.endorse("2023", "org-c", "org-c")
    world.git("merge", "-q", "-s", "ours", "--no-edit", "revocation")
    report = world.verify()
    dropped = [p for p in report.problems if p.code == "file-deleted"]
    assert {p.where.split("/")[0] for p in dropped} == {"records"}  # the record and its signature
    assert len(dropped) == 2 and all("was deleted in commit" in p.message for p in dropped)


def test_registry_changes_in_two_branches_merge_when_they_agree(world, no_git_identity):
    world.git("checkout", "-q", "-b", "side")
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")))
    world.git("checkout", "-q", "main")
    world.endorse("2023", "org-c", "org-c")
    world.git("merge", "-q", "--no-edit", "side")
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]
    assert world.state().current.signatory("org-d") is not None


def test_stray_files_in_records_folder(world):
    world.commit({"records/notes.txt": b"hello\n", "records/" + "ab" * 32 + "/admin.sig": b"x\n"})
    report = world.verify()
    assert codes(report) == {"record-stray-file"}
    assert sorted(p.where for p in report.problems) == ["records/" + "ab" * 32 + "/", "records/notes.txt"]
