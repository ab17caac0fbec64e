"""Threats: each one an attack on the record, and a check that `verify` catches it (or a command refuses).

Every attack is carried out the way an attacker with write access to the repository (but
without the victims' private keys) would: by committing crafted files, moving tags, or
rewriting history, with real ssh-keygen keys.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess

import pytest
from trust_world import TODAY, World

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical
from akkoordvc.storage.versions import find_version
from akkoordvc.trust import changes as C
from akkoordvc.trust import records, sshsig
from akkoordvc.trust import registry_ops as O
from akkoordvc.trust import statements as S
from akkoordvc.trust import versions as V
from akkoordvc.trust.jsonfile import canonical_json


def codes(report, path=None) -> set[str]:
    return {p.code for p in report.problems if path is None or p.where == path}


def messages(report, path=None) -> str:
    return "\n".join(p.message for p in report.problems if path is None or p.where == path)


def chain_tail(world: World, who: str, folder: str = "endorsements") -> tuple[int, list[str]]:
    """(next seq, previous) for appending to `who`'s chain, as an honest client would compute them."""
    found = (
        [json.loads(world.read(p)) | {"_sha": canonical.sha256(world.read(p))} for p in world.statements(folder, who)]
        if (world.root / folder / who).is_dir()
        else []
    )
    named = {p for s in found for p in s["previous"]}
    heads = [s for s in found if s["_sha"] not in named]
    return 1 + max((s["seq"] for s in heads), default=0), sorted(s["_sha"] for s in heads)


def statement_for(world: World, version: str, who: str, decision="endorse", date=TODAY, **extra) -> dict:
    """A well-formed, correctly chained statement by `who` about `version` (not yet signed)."""
    ws = world.ws()
    v = V.version_of(V.find(world.state(), version))
    from akkoordvc.model.document import Document

    doc = Document.from_bytes(ws.text_at(v.commit))
    seq, previous = chain_tail(world, who)
    fields = {
        "format": S.FORMAT,
        "kind": "endorsement",
        "agreement": doc.id,
        "version": v.label,
        "version_record": v.record,
        "commit": v.commit,
        "text_sha256": v.text_sha256,
        "clauses": S.clause_hashes(doc),
        "signatory": who,
        "decision": decision,
        "mandate": None,
        "comment": None,
        "date": date.isoformat(),
        "seq": seq,
        "previous": previous,
        "registry": sorted(h.sha for h in world.state().heads),
    }
    fields.update(extra)
    return fields


def plant(
    world: World,
    fields: dict,
    key: str,
    namespace: str = sshsig.NS_ENDORSEMENT,
    signature: bytes | None = None,
    path: str | None = None,
) -> str:
    """Sign `fields` with `key` (or use `signature`) and commit statement and signature at the expected path."""
    data = canonical_json(fields)
    sig = signature if signature is not None else sshsig.sign(data, str(world.keys[key]), namespace)
    folder = "attestations" if fields["kind"] == "attestation" else "endorsements"
    path = path or S.statement_path(folder, fields["signatory"], fields["seq"], canonical.sha256(data))
    world.git_commit({path: data, path + (".admin.sig" if folder == "attestations" else ".sig"): sig}, "statement")
    return path


# 1 ---------------------------------------------------------------------------------------------------
def test_statement_signed_with_another_signatorys_key(world):
    path = plant(world, statement_for(world, "2023", "org-c"), key="org-b")
    report = world.verify()
    assert not report.ok
    assert codes(report, path) == {"signature-invalid"}
    assert "signed with the key of signatory org-b" in messages(report, path)
    assert "not with a key of org-c" in messages(report, path)


def test_statement_signed_with_an_unregistered_key(world):
    path = plant(world, statement_for(world, "2023", "org-c"), key="stranger")
    report = world.verify()
    assert "a key that is not registered" in messages(report, path)


# 2 ---------------------------------------------------------------------------------------------------
def test_statement_edited_after_signing(world):
    path = world.statements("endorsements", "org-b")[0]
    fields = json.loads(world.read(path))
    assert fields["decision"] == "decline"
    fields["decision"] = "endorse"
    world.commit({path: canonical_json(fields)})
    report = world.verify()
    assert not report.ok
    assert "signature-invalid" in codes(report, path)
    assert "changed after it was signed" in messages(report, path)
    assert "file-changed" in codes(report, path)  # and the history shows the rewrite


def test_statement_edited_and_renamed_to_fit_its_new_content(world):
    """A careful forger also renames the file so the name matches the edited content."""
    old = world.statements("endorsements", "org-b")[0]
    fields = json.loads(world.read(old))
    fields["decision"] = "endorse"
    data = canonical_json(fields)
    new = S.statement_path("endorsements", "org-b", fields["seq"], canonical.sha256(data))
    world.commit({old: None, old + ".sig": None, new: data, new + ".sig": world.read(old + ".sig")})
    report = world.verify()
    assert "changed after it was signed" in messages(report, new)
    assert "file-deleted" in codes(report, old)


# 3 ---------------------------------------------------------------------------------------------------
def test_endorsed_version_text_changed_and_tag_moved(world):
    """Moving the tag to a changed text moves nothing: the signed version record names the commit and its text."""
    ws = world.ws()
    text = ws.head_text().replace(b"ruim 40 bijeenkomsten", b"zo'n 400 bijeenkomsten")
    assert text != ws.head_text()
    commit = world.commit({"akkoord.xml": text}, "quietly change the text")
    world.git(
        "tag", "-f", "-a", "version/2023", "-m", "Version 2023\n\nAkkoord-Label: 2023\nAkkoord-Date: 2023-03-01", commit
    )
    report = world.verify()
    assert codes(report) == {"version-tag"}
    assert "the tag was moved; the record is what counts" in messages(report, "version/2023")
    assert report.versions[-1].commit != commit and report.versions[-1].label == "2023"
    assert all(c.verified for c in report.statements)


def test_statement_naming_another_text_than_its_version(world):
    """A signatory's statement that binds another commit, text or clause list than the signed version fails."""
    ws = world.ws()
    v2019 = find_version(ws, "2019")
    path = plant(world, statement_for(world, "2023", "org-c", commit=v2019.commit), key="org-c")
    wrong_text = plant(world, statement_for(world, "2023", "org-b", text_sha256="0" * 64), key="org-b")
    fields = statement_for(world, "2023", "org-a")
    fields["clauses"] = fields["clauses"][:-1]
    wrong_clauses = plant(world, fields, key="org-a")
    fields = statement_for(world, "2023", "org-b", text_sha256="2" * 64)
    fields["version"] = "2031"
    unknown = plant(world, fields, key="org-b")
    report = world.verify()
    assert "the version was moved after it was endorsed" in messages(report, path)
    assert "the text is not the one that was endorsed" in messages(report, wrong_text)
    assert "which is not a signed version of this repository" in messages(report, unknown)
    assert f"says commit {v2019.commit[:12]}" not in messages(report, unknown)
    assert "has text sha256 2222222222222222…" in messages(report, unknown)  # checked against the commit itself
    assert codes(report, wrong_clauses) == {"text-mismatch"}
    assert "its clause hashes do not match the endorsed text" in messages(report, wrong_clauses)


def test_endorsed_version_tag_deleted(world, run_cli):
    world.git("tag", "-d", "version/2019")
    report = world.verify()
    assert report.ok and [v.label for v in report.missing_tags] == ["2019"]
    code, out, _ = run_cli("verify", cwd=world.root)
    assert code == 0 and "version/2019 was missing; made again from its signed version record" in out
    assert world.git("rev-parse", "version/2019^{commit}").strip() == report.versions[0].commit


# 4 ---------------------------------------------------------------------------------------------------
def test_statement_deleted_from_the_middle_of_a_chain(world):
    first, middle, last = world.statements("endorsements", "org-a")
    world.commit({middle: None, middle + ".sig": None}, "remove an inconvenient decision")
    report = world.verify()
    assert not report.ok
    assert "chain-broken" in codes(report, last)
    assert "a statement was deleted from the chain" in messages(report, last)
    assert "file-deleted" in codes(report, middle)


def test_statement_deleted_from_the_middle_with_history_rewritten(world):
    """Even when the deletion is hidden by rewriting history, the chain shows the gap."""
    first, middle, last = world.statements("endorsements", "org-a")
    env = dict(os.environ, FILTER_BRANCH_SQUELCH_WARNING="1")
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.org",
            "filter-branch",
            "-f",
            "--index-filter",
            f"git rm -q --cached --ignore-unmatch {middle} {middle}.sig",
            "HEAD",
        ],
        cwd=world.root,
        env=env,
        check=True,
        capture_output=True,
    )
    report = world.verify()
    assert "chain-broken" in codes(report, last)
    assert "file-deleted" not in codes(report)  # the history no longer shows it: only the chain does


def test_latest_statement_deleted_is_caught_by_the_append_only_history(world):
    *_, last = world.statements("endorsements", "org-a")
    world.commit({last: None, last + ".sig": None})
    report = world.verify()
    assert "file-deleted" in codes(report, last)


# 5 ---------------------------------------------------------------------------------------------------
def test_statement_copied_to_another_version(world):
    """org-b endorsed nothing of 2019; reuse org-a's 2019 signature for a 2023 statement: it does not fit."""
    source = world.statements("endorsements", "org-a")[0]
    fields = json.loads(world.read(source))
    assert fields["version"] == "2019"
    copy = statement_for(
        world, "2023", "org-a", decision=fields["decision"], date=dt.date.fromisoformat(fields["date"])
    )
    path = plant(world, copy, key="org-a", signature=world.read(source + ".sig"))
    report = world.verify()
    assert "changed after it was signed" in messages(report, path)


def test_statement_copied_byte_for_byte_under_another_name(world):
    source = world.statements("endorsements", "org-a")[0]
    for target in (
        "endorsements/org-a/000009-0000000000000000.json",
        "endorsements/org-c/000001-" + canonical.sha256(world.read(source))[:16] + ".json",
    ):
        world.commit({target: world.read(source), target + ".sig": world.read(source + ".sig")})
    report = world.verify()
    assert "a copied or renamed statement" in messages(report, "endorsements/org-a/000009-0000000000000000.json")
    assert "copied into the folder of org-c" in messages(report)


def test_attestation_passed_off_as_the_signatorys_own_statement(world):
    source = world.statements("attestations", "college-2018-2022")[0]
    target = source.replace("attestations/", "endorsements/")
    world.commit({target: world.read(source), target + ".sig": world.read(source + ".admin.sig")})
    report = world.verify()
    assert "never the signatory's own signature" in messages(report, target)


def test_admin_key_cannot_sign_as_a_signatory(world):
    path = plant(world, statement_for(world, "2023", "org-c"), key="admin")
    report = world.verify()
    assert "signed with the key of admin admin" in messages(report, path)


# 6 ---------------------------------------------------------------------------------------------------
def _swap_key(world: World, serial_bump: int = 1, signed_by: str | None = None) -> str:
    """Commit, with plain git, a registry record that replaces org-a's key by the attacker's; return its path."""
    state = world.state()
    org_a = state.current.signatory("org-a")
    stranger = O.new_key(str(world.keys["stranger"]) + ".pub", dt.date(2019, 1, 1))
    ops = O.revoke_key("org-a", org_a.keys[0].fingerprint, TODAY, "lost") + O.add_key("org-a", stranger)
    record = records.make_record("registry", state.heads, TODAY, {"ops": ops})
    if serial_bump != 1:
        fields = {**record.fields, "serial": record.serial - 1 + serial_bump}
        record = records.parse_record(records.canonical_json(fields))
    files = {record.path: record.data}
    if signed_by:
        sig = sshsig.sign(record.data, str(world.keys[signed_by]), records.NAMESPACE)
        files[records.signature_path(record.sha, "admin")] = sig
    world.git_commit(files, "routine registry update")
    return record.path


def test_registry_edited_in_an_unsigned_commit_to_swap_a_key(world):
    path = _swap_key(world)
    forged = plant(world, statement_for(world, "2023", "org-a", decision="withdraw"), key="stranger")
    report = world.verify()
    assert not report.ok
    assert codes(report, path) == {"record-unsigned"}
    assert "has 0 of the 1 required admin signatures; it does not count" in messages(report, path)
    # the forged statement is checked against the registry in force, where org-a has its own key
    assert "a key that is not registered" in messages(report, forged)
    assert (
        report.registry.current.signatory("org-a").keys[0].public.blob
        != sshsig.read_public_key_file(str(world.keys["stranger"]) + ".pub").blob
    )


def test_registry_swap_with_a_forged_admin_signature(world):
    path = _swap_key(world, signed_by="stranger")
    sig = path.replace(".json", "/admin.sig")
    report = world.verify()
    assert codes(report, sig) == {"record-signature-invalid"}
    assert "made with another key" in messages(report, sig)
    assert codes(report, path) == {"record-unsigned"}


def test_registry_swap_with_a_serial_jump(world):
    path = _swap_key(world, serial_bump=2, signed_by="admin")
    report = world.verify()
    assert codes(report, path) == {"registry-serial"}
    assert "serials go up by one" in messages(report, path)


def test_registry_record_dated_before_the_one_it_follows(world):
    state = world.state()
    record = records.make_record("registry", state.heads, TODAY, {"ops": O.retire("org-b", TODAY)})
    back = records.parse_record(records.canonical_json({**record.fields, "date": "2026-01-01"}))
    sig = sshsig.sign(back.data, str(world.keys["admin"]), records.NAMESPACE)
    world.git_commit({back.path: back.data, records.signature_path(back.sha, "admin"): sig}, "backdated")
    report = world.verify()
    assert codes(report, back.path) == {"registry-date"}
    assert "dated 2026-01-01, before the record it follows (2026-11-27)" in messages(report, back.path)


def test_registry_record_deleted_to_revive_a_revoked_key(world):
    """Taking back a (validly signed) revocation would revive the key: the records are append-only."""
    result = world.change(
        lambda reg: O.revoke_key(
            "org-b", O.find_key(reg.require("org-b"), str(world.keys["org-b"]) + ".pub").fingerprint, TODAY, "lost"
        )
    )
    world.git("rm", "-q", "-r", result.record.path, f"records/{result.record.sha}")
    world.git("commit", "-q", "-m", "restore")
    report = world.verify()
    assert codes(report, result.record.path) == {"file-deleted"}


def test_changes_build_only_on_records_that_count(world):
    path = _swap_key(world)
    result = world.change(lambda reg: O.retire("org-c", TODAY + dt.timedelta(days=9)))
    assert path.split("/")[1][:64] not in result.record.parents
    world.endorse("2023", "org-c", "org-c")  # against the registry in force
    report = world.verify()
    assert {p.code for p in report.problems} == {"record-unsigned"}


def test_pinned_trust_anchor(world):
    report = world.verify(anchor="sha256:" + "0" * 64)
    assert "registry-anchor-mismatch" in codes(report)
    assert "not the registry you trust" in messages(report)
    good = world.verify(anchor="sha256:" + world.state().anchor)
    assert good.ok


def test_registry_replaced_wholesale_by_another_genesis(world, tmp_path):
    """A registry with other admins, introduced as if it were a first version, is not trusted."""
    files, anchor = C.genesis_files([str(world.keys["stranger"]) + ".pub"], 1)
    world.git_commit(files, "new registry")
    report = world.verify()
    [path] = files
    assert codes(report, path) == {"registry-second-start"}
    assert report.registry.anchor != anchor.removeprefix("sha256:")


def test_college_signing_after_its_term_ended_is_refused(world):
    before = world.ws().head()
    with pytest.raises(AkkoordError, match="ended on 2026-05-31"):
        world.endorse("2023", "college-2022-2026", "col22", today=dt.date(2026, 7, 1))
    assert world.ws().head() == before


def test_college_signing_after_its_term_ended_is_caught(world):
    path = plant(world, statement_for(world, "2023", "college-2022-2026", date=dt.date(2026, 7, 1)), key="col22")
    report = world.verify()
    assert codes(report, path) == {"signature-invalid"}
    assert "the term of College van B&W 2022–2026 (college-2022-2026) ended on 2026-05-31" in messages(report, path)


def test_college_signing_within_its_term_with_its_key_is_valid(world):
    plant(world, statement_for(world, "2023", "college-2022-2026", date=dt.date(2026, 5, 20)), key="col22")
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]


def test_backdated_statement_before_the_key_was_registered(world):
    path = plant(world, statement_for(world, "2023", "org-c", date=dt.date(2024, 1, 1)), key="org-c")
    report = world.verify()
    assert "was not yet valid" in messages(report, path)


def test_admin_backdated_key_cannot_sign_before_it_was_registered(world, tmp_path):
    """Even an admin cannot make a new key valid in the past: statements before its registration fail."""
    late = tmp_path / "late"
    subprocess.run(["ssh-keygen", "-t", "ed25519", "-N", "", "-q", "-f", str(late)], check=True)
    world.keys = {**world.keys, "late": late}
    world.change(lambda reg: O.add_key("org-c", O.new_key(str(late) + ".pub", dt.date(2020, 1, 1))))
    path = plant(world, statement_for(world, "2023", "org-c", date=dt.date(2024, 1, 1)), key="late")
    report = world.verify()
    assert codes(report, path) == {"statement-backdated"}
    assert "before its key" in messages(
        report, path
    ) and f"was added to the registry (registry record of {TODAY})" in messages(report, path)


# 8 ---------------------------------------------------------------------------------------------------
def test_signature_made_in_another_ssh_namespace(world):
    path = plant(world, statement_for(world, "2023", "org-c"), key="org-c", namespace="file")
    report = world.verify()
    assert codes(report, path) == {"signature-invalid"}
    assert "signed in SSH namespace 'file', not 'akkoordvc-endorsement-v1'" in messages(report, path)


def test_registry_signature_cannot_serve_as_an_endorsement(world):
    """Same key, other purpose: an admin's registry signature is no attestation."""
    fields = statement_for(world, "2023", "org-c")
    fields.update(kind="attestation", evidence="none", recorded=TODAY.isoformat(), date="2023-04-01")
    fields["seq"], fields["previous"] = 1, []
    path = plant(world, fields, key="admin", namespace=records.NAMESPACE)
    report = world.verify()
    assert "namespace 'akkoordvc-record-v1'" in messages(report, path)


# revocation: valid when signed, key since retired --------------------------------------------------------
def test_key_revoked_after_signing_leaves_statement_valid(world):
    world.change(
        lambda reg: O.revoke_key(
            "org-b",
            O.find_key(reg.require("org-b"), str(world.keys["org-b"]) + ".pub").fingerprint,
            TODAY + dt.timedelta(days=3),
            "replaced",
        )
    )
    later = TODAY + dt.timedelta(days=5)
    report = world.verify(today=later)
    assert report.ok, [str(p) for p in report.problems]
    notes = [n for c in report.statements if c.statement.signatory == "org-b" for n in map(str, c.notes)]
    assert any("valid when signed; key since revoked" in n for n in notes)
    # but a statement dated after the revocation is not
    with pytest.raises(AkkoordError, match="revoked"):
        world.endorse("2023", "org-b", "org-b", today=later)
    path = plant(world, statement_for(world, "2023", "org-b", date=later), key="org-b")
    assert "was revoked" in messages(world.verify(today=later), path)
