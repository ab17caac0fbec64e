"""The signatory registry: its format, key kinds, signed changes, threshold, rotation and replay."""

from __future__ import annotations

import base64
import datetime as dt
import subprocess

import pytest
from test_trust_endorse import BY, TODAY, keygen, signatory, world, world_template  # noqa: F401

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical
from akkoordvc.trust import registry as R
from akkoordvc.trust import sshsig


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
    files, anchor = R.genesis_files([str(keys["admin"]) + ".pub", str(keys["admin2"]) + ".pub"], 2)
    data = files["signatories.xml"]
    assert anchor == "sha256:" + canonical.sha256(data)
    reg = R.parse(data)
    assert reg.serial == 0 and reg.previous is None and reg.threshold == 2 and reg.date == TODAY
    assert [a.id for a in reg.admins] == ["admin", "admin2"]
    assert reg.to_bytes() == data == R.Registry(**{**reg.__dict__, "data": None}).to_bytes()  # canonical
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<registry ')


def test_genesis_refuses_bad_input(world_template, tmp_path):
    keys = world_template.keys
    with pytest.raises(AkkoordError, match="more than the 1 admin key"):
        R.genesis_files([str(keys["admin"]) + ".pub"], 2)
    with pytest.raises(AkkoordError, match="same key is given twice"):
        R.genesis_files([str(keys["admin"]) + ".pub", str(keys["admin"]) + ".pub"], 1)
    with pytest.raises(AkkoordError, match="PRIVATE key"):
        R.genesis_files([str(keys["admin"])], 1)
    rsa = keygen(tmp_path, "rsa", "rsa")
    with pytest.raises(AkkoordError, match="RSA keys are not accepted"):
        R.genesis_files([str(rsa) + ".pub"], 1)
    with pytest.raises(AkkoordError, match="no such file"):
        R.genesis_files([str(tmp_path / "missing.pub")], 1)


def test_schema_and_rules(world):
    data = world.read("signatories.xml")
    with pytest.raises(AkkoordError, match="kind"):
        R.parse(data.replace(b'kind="organisation"', b'kind="company"', 1))
    with pytest.raises(AkkoordError, match="DTD"):
        R.parse(data.replace(b"<registry", b'<!DOCTYPE registry [<!ENTITY x "y">]>\n<registry', 1))
    reg = R.parse(data)
    org_a = reg.signatory("org-a")
    # the same key for two signatories
    dup = R.Signatory(id="org-z", name="Z", kind="organisation", keys=org_a.keys)
    with pytest.raises(AkkoordError, match="also registered for signatory org-a"):
        R.check(R.Registry(**{**reg.__dict__, "data": None, "signatories": (*reg.signatories, dup)}))
    bad = [
        (R.Signatory(id="c1", name="C", kind="college"), "needs a term"),
        (
            R.Signatory(id="c2", name="C", kind="college", term_start=TODAY, term_end=TODAY, succeeds="org-a"),
            "not a college",
        ),
        (R.Signatory(id="o1", name="O", kind="organisation", term_start=TODAY), "only a college"),
        (
            R.Signatory(
                id="c3", name="C", kind="college", term_start=dt.date(2026, 1, 1), term_end=dt.date(2025, 1, 1)
            ),
            "ends .* before it starts",
        ),
    ]
    for extra, message in bad:
        with pytest.raises(AkkoordError, match=message):
            R.check(R.Registry(**{**reg.__dict__, "data": None, "signatories": (*reg.signatories, extra)}))
    with pytest.raises(AkkoordError, match="lower-case letters"):
        R.check_id("Org A")


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
    world.change(lambda reg: R.with_key(reg, "org-c", R.new_key(str(pub), TODAY)))
    reg = world.state().current
    assert [k.public.type for k in reg.signatory("org-c").keys] == ["ecdsa-sha2-nistp256", "sk-ssh-ed25519@openssh.com"]
    assert b"sk-ssh-ed25519@openssh.com" in world.read("signatories.xml")
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
    assert state.changes == 2 and state.current.serial == 2
    sha = state.current.sha256
    assert (world.root / "registry" / "signatures" / sha / "admin.sig").is_file()
    assert state.current.previous in state.trusted
    anchor = state.anchor
    assert state.trusted[anchor].serial == 0


def test_change_refused_with_a_non_admin_key(world):
    before = world.ws().head()
    with pytest.raises(AkkoordError, match="the key of signatory org-a is not an admin key"):
        world.change(lambda reg: {"threshold": 1}, keys=("org-a",))
    with pytest.raises(AkkoordError, match="is not an admin key"):
        world.change(lambda reg: {"threshold": 1}, keys=("stranger",))
    with pytest.raises(AkkoordError, match="distinct keys"):
        world.change(lambda reg: {"threshold": 1}, keys=("admin", "admin"))
    with pytest.raises(AkkoordError, match="must be signed"):
        world.change(lambda reg: {"threshold": 1}, keys=())
    assert world.ws().head() == before


def test_threshold_two_needs_two_distinct_admin_keys(world):
    new_admin = R.AdminKey(
        public=sshsig.read_public_key_file(str(world.keys["admin2"]) + ".pub"),
        start=TODAY,
        id="admin2",
        name="Tweede beheerder",
    )
    world.change(lambda reg: R.with_admin_key(reg, new_admin))
    world.change(lambda reg: {"threshold": 2})
    # one signature: pending, does not count
    result = world.change(lambda reg: R.with_retired(reg, "org-c", TODAY + dt.timedelta(days=30)))
    assert not result.complete and result.signed_by == ["admin"]
    state = world.state()
    assert state.pending is not None and not state.head_trusted
    assert state.current.signatory("org-c").retired is None  # the change does not count yet
    report = world.verify()
    assert codes(report) == {"registry-pending"}
    assert "signed by 1 of the 2 admin keys required" in report.problems[0].message
    # statements can still be made against the registry in force; further changes must wait
    world.endorse("2023", "org-c", "org-c")
    with pytest.raises(AkkoordError, match="cosign"):
        world.change(lambda reg: {"threshold": 1})
    with pytest.raises(AkkoordError, match="already signed"):
        R.cosign(world.ws(), world.state(), str(world.keys["admin"]), BY)
    done = R.cosign(world.ws(), world.state(), str(world.keys["admin2"]), BY)
    assert done.complete and sorted(done.signed_by) == ["admin", "admin2"]
    state = world.state()
    assert state.head_trusted and state.current.signatory("org-c").retired == TODAY + dt.timedelta(days=30)
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]
    # both keys at once
    result = world.change(lambda reg: {"threshold": 1}, keys=("admin", "admin2"))
    assert result.complete
    with pytest.raises(AkkoordError, match="nothing to cosign"):
        R.cosign(world.ws(), world.state(), str(world.keys["admin2"]), BY)


def test_admin_key_rotation(world):
    new_admin = R.AdminKey(
        public=sshsig.read_public_key_file(str(world.keys["admin2"]) + ".pub"),
        start=TODAY,
        id="admin2",
        name="Nieuwe beheerder",
    )
    world.change(lambda reg: R.with_admin_key(reg, new_admin))
    world.change(lambda reg: R.with_revoked_admin(reg, "admin", TODAY + dt.timedelta(days=1), "rotated"))
    later = TODAY + dt.timedelta(days=2)
    with pytest.raises(AkkoordError, match="admin key admin is revoked"):
        world.change(lambda reg: {"threshold": 1}, keys=("admin",), day=later)
    world.change(lambda reg: R.with_retired(reg, "org-c", later), keys=("admin2",), day=later)
    report = world.verify(today=later)
    assert report.ok, [str(p) for p in report.problems]
    # the admin's old attestations stay valid: made while its key was valid
    assert all(c.verified for c in report.statements if c.statement.kind == "attestation")


def test_threshold_cannot_exceed_usable_admin_keys(world):
    with pytest.raises(AkkoordError, match="could never be changed again"):
        world.change(lambda reg: {"threshold": 2})


def test_retired_signatory_keeps_earlier_statements_valid(world):
    world.change(lambda reg: R.with_retired(reg, "org-b", TODAY + dt.timedelta(days=1)))
    later = TODAY + dt.timedelta(days=10)
    report = world.verify(today=later)
    assert report.ok
    assert any("org-b since retired" in n for c in report.statements for n in c.notes)
    with pytest.raises(AkkoordError, match="retired on"):
        world.endorse("2023", "org-b", "org-b", today=later)


def test_merge_that_drops_a_newer_registry_is_a_rollback(world, no_git_identity):
    world.git("checkout", "-q", "-b", "revocation")
    world.change(lambda reg: R.with_revoked_key(reg, "org-b", str(world.keys["org-b"]) + ".pub", TODAY, "lost"))
    world.git("checkout", "-q", "main")
    world.endorse("2023", "org-c", "org-c")
    world.git("merge", "-q", "-s", "ours", "--no-edit", "revocation")
    report = world.verify()
    assert "registry-rollback" in codes(report)
    assert "rolled back" in " ".join(p.message for p in report.problems)
    assert "file-deleted" in codes(report)  # the merge also dropped the revocation's signature file


def test_registry_changes_in_two_branches_merge_when_they_agree(world, no_git_identity):
    world.git("checkout", "-q", "-b", "side")
    world.change(lambda reg: {"signatories": (*reg.signatories, signatory("org-d", "D", "organisation"))})
    world.git("checkout", "-q", "main")
    world.endorse("2023", "org-c", "org-c")
    world.git("merge", "-q", "--no-edit", "side")
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]
    assert world.state().current.signatory("org-d") is not None


def test_stray_files_in_registry_folder(world):
    world.commit({"registry/signatures/notes.txt": b"hello\n"})
    report = world.verify()
    assert "registry-stray-file" in codes(report)
