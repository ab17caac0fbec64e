"""Attestations (issue 9 item 3), chain order (item 4) and the remembered trust anchor (item 8), with real git."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_trust_threats import chain_tail, plant, statement_for
from trust_world import BY, TODAY, World, signatory

from akkoordvc.errors import AkkoordError
from akkoordvc.trust import registry_ops as O
from akkoordvc.trust import sshsig
from akkoordvc.trust.model import AdminKey


def codes(report, where=None) -> set[str]:
    return {p.code for p in report.problems if where is None or p.where == where}


def messages(report, where=None) -> str:
    return "\n".join(p.message for p in report.problems if where is None or p.where == where)


def plant_attestation(world: World, who: str, decision: str, date: dt.date, keys=("admin",)) -> str:
    """An attestation signed by admin `keys`, committed with plain git (as an admin with push access could)."""
    fields = statement_for(world, "2023", who, decision=decision, date=date)
    seq, previous = chain_tail(world, who, "attestations")
    fields.update(kind="attestation", evidence="op papier", recorded=TODAY.isoformat(), seq=seq, previous=previous)
    from akkoordvc.model import canonical
    from akkoordvc.trust.jsonfile import canonical_json
    from akkoordvc.trust.statements import statement_path

    data = canonical_json(fields)
    path = statement_path("attestations", who, seq, canonical.sha256(data))
    files = {path: data}
    for key in keys:
        files[f"{path}.{key}.sig"] = sshsig.sign(data, str(world.keys[key]), sshsig.NS_ATTESTATION)
    world.git_commit(files, "attest")
    return path


def two_admins(world: World) -> None:
    public = sshsig.read_public_key_file(str(world.keys["admin2"]) + ".pub")
    world.change(lambda reg: O.add_admin(AdminKey(public=public, start=TODAY, id="admin2", name="admin2")))
    world.change(lambda reg: O.set_threshold(2))


def test_attestation_needs_the_admin_threshold(world):
    two_admins(world)
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")), keys=("admin", "admin2"))
    one = plant_attestation(world, "org-d", "endorse", dt.date(2023, 4, 1))
    report = world.verify()
    assert codes(report, one) == {"signature-invalid"}
    assert "is signed by 1 of the 2 admin keys an attestation needs" in messages(report, one)
    created = world.attest("2023", "org-d", dt.date(2023, 4, 2), key=("admin", "admin2"))
    report = world.verify()
    assert [c.verified for c in report.statements if c.statement.path == created.statement.path] == [True]
    with pytest.raises(AkkoordError, match="admin key"):
        world.attest("2023", "org-d", dt.date(2023, 4, 3), key=("admin", "org-a"))


def test_an_attestation_short_of_the_threshold_counts_once_another_admin_cosigns_it(world, run_cli):
    """Item 3 with threshold 2: the admins need not sign at once; the second cosigns later, like a registry record."""
    from helpers import assert_one_line_error, snapshot

    two_admins(world)
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")), keys=("admin", "admin2"))
    created = world.attest("2023", "org-d", dt.date(2023, 4, 2), key="admin")
    path = created.statement.path
    assert created.signed_by == ["admin"] and created.threshold == 2
    assert "is signed by 1 of the 2 admin keys" in messages(world.verify(), path)
    cli = ("-C", world.root, "signatory", "cosign", "--by", "S <s@example.org>")
    before = snapshot(world.root)
    code, _, err = run_cli(*cli, "--key", world.keys["admin2"])
    assert_one_line_error(code, err, "no admin record awaits signatures", f"{path} (1 of 2)", "--attestation")
    code, _, err = run_cli(*cli, "--attestation", path, "--key", world.keys["admin"])
    assert_one_line_error(code, err, "admin key admin already signed")
    code, _, err = run_cli(*cli, "--attestation", path, "--key", world.keys["org-a"])
    assert_one_line_error(code, err, "is not an admin key")
    assert snapshot(world.root) == before
    code, out, err = run_cli(*cli, "--attestation", path, "--key", world.keys["admin2"])
    assert code == 0, err
    assert "(2 of 2 required)" in out
    assert (world.root / f"{path}.admin2.sig").is_file()
    report = world.verify()
    assert report.ok, messages(report)
    assert [c.attested_by for c in report.statements if c.statement.path == path] == [["admin", "admin2"]]
    code, _, err = run_cli(*cli, "--attestation", path, "--key", world.keys["admin2"])
    assert_one_line_error(code, err, "not an attestation that awaits admin signatures")


def test_attestation_naming_an_older_registry_cannot_borrow_its_lower_threshold(world):
    """An admin names the registry from before the threshold was raised, in an attestation recorded a day later."""
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")))
    old_heads = [h.sha for h in world.state().heads]
    two_admins(world)
    later = TODAY + dt.timedelta(days=1)
    fields = statement_for(world, "2023", "org-d", date=dt.date(2023, 4, 1), registry=old_heads)
    fields.update(kind="attestation", evidence="op papier", recorded=later.isoformat(), seq=1, previous=[])
    from akkoordvc.model import canonical
    from akkoordvc.trust.jsonfile import canonical_json
    from akkoordvc.trust.statements import statement_path

    data = canonical_json(fields)
    path = statement_path("attestations", "org-d", 1, canonical.sha256(data))
    world.git_commit(
        {path: data, f"{path}.admin.sig": sshsig.sign(data, str(world.keys["admin"]), sshsig.NS_ATTESTATION)}
    )
    report = world.verify(today=later)
    assert codes(report, path) == {"signature-invalid"}
    assert "names a registry that was not the one in force when it was recorded" in messages(report, path)


def test_one_admin_cannot_attest_a_withdrawal_over_the_sitting_colleges_own_endorsement(world, run_cli):
    """Issue 9 item 3: the college signed 'endorse' itself; an admin attests 'withdraw' for the same day."""
    world.endorse("2023", "college-2026-2030", "col26")
    forged = plant_attestation(world, "college-2026-2030", "withdraw", TODAY)
    report = world.verify()
    assert codes(report, forged) == {"attestation-own-key"}
    assert "only its own signature speaks for it" in messages(report, forged)
    code, out, err = run_cli("endorsements", "--json", cwd=world.root)
    current = json.loads(out)["current"]
    assert current["sitting_college_decision"] == "endorsed" and current["sitting_college_decision_attested"] is False
    with pytest.raises(AkkoordError, match="has had a key of its own in the registry since"):
        world.attest("2023", "college-2026-2030", TODAY, decision="withdraw")


def test_own_statement_outranks_an_attestation_and_the_headline_says_attested(world, run_cli, tmp_path):
    from trust_world import keygen

    new = signatory(
        "college-2026-b",
        "Interim-college 2026",
        "college",
        term_start=dt.date(2026, 7, 1),
        term_end=dt.date(2030, 5, 31),
        succeeds="college-2026-2030",
    )
    world.change(lambda reg: O.add_signatory(new))
    world.attest("2023", "college-2026-b", dt.date(2026, 8, 1), decision="decline", evidence="collegebesluit")
    code, out, err = run_cli("endorsements", cwd=world.root)
    assert "has declined it (attested by the registry admins, not signed by the college itself)." in out
    data = json.loads(run_cli("endorsements", "--json", cwd=world.root)[1])
    assert data["current"]["sitting_college"] == "college-2026-b"
    assert data["current"]["sitting_college_decision_attested"] is True
    assert data["versions"][1]["attested"]["college-2026-b"] is True
    world.keys = {**world.keys, "interim": keygen(tmp_path, "interim")}
    world.change(lambda reg: O.add_key("college-2026-b", O.new_key(str(world.keys["interim"]) + ".pub", TODAY)))
    world.endorse("2023", "college-2026-b", "interim")  # later, with its own key
    data = json.loads(run_cli("endorsements", "--json", cwd=world.root)[1])
    assert data["current"]["sitting_college_decision"] == "endorsed"
    assert data["current"]["sitting_college_decision_attested"] is False
    assert data["versions"][1]["attested"]["college-2026-b"] is False


def test_own_statement_outranks_attestations_with_higher_sequence_numbers(world, run_cli, tmp_path):
    """Two attestations (seq 1 and 2, the last "endorse") from before org-e had a key; then org-e declines itself
    (seq 1 of its own chain). Its own statement stands, in the status and when it asks to withdraw."""
    from helpers import assert_one_line_error
    from trust_world import keygen

    world.change(lambda reg: O.add_signatory(signatory("org-e", "E", "organisation")))
    world.attest("2023", "org-e", dt.date(2026, 8, 1), decision="decline", evidence="brief van 1 augustus")
    world.attest("2023", "org-e", dt.date(2026, 8, 2), decision="endorse", evidence="brief van 2 augustus")
    world.keys = {**world.keys, "org-e": keygen(tmp_path, "org-e")}
    world.change(lambda reg: O.add_key("org-e", O.new_key(str(world.keys["org-e"]) + ".pub", TODAY)))
    world.endorse("2023", "org-e", "org-e", "decline")
    assert world.verify().ok
    data = json.loads(run_cli("endorsements", "--json", cwd=world.root)[1])
    assert data["versions"][1]["states"]["org-e"] == "declined"
    assert data["versions"][1]["attested"]["org-e"] is False
    args = ("endorse", "2023", "--as", "org-e", "--key", world.keys["org-e"], "--decision", "withdraw")
    code, _, err = run_cli(*args, cwd=world.root)
    assert_one_line_error(code, err, "no standing endorsement of version 2023 to withdraw")


# item 4 ------------------------------------------------------------------------------------------------
def test_chain_runs_backwards_in_time(world):
    """org-a signs on day +5, then a statement dated day +2 (its key valid both days) follows it in the chain."""
    world.endorse("2023", "org-a", "org-a", "withdraw", today=TODAY + dt.timedelta(days=5))
    path = plant(world, statement_for(world, "2023", "org-a", date=TODAY + dt.timedelta(days=2)), "org-a")
    report = world.verify(today=TODAY + dt.timedelta(days=10))
    assert codes(report, path) == {"chain-order"}
    assert "before the statement it follows (2026-12-02)" in messages(report, path)


def test_latest_by_sequence_decides_not_the_latest_date(world, run_cli):
    """Two statements of one day: the one with the higher sequence number stands."""
    world.endorse("2023", "org-b", "org-b", "endorse")
    data = json.loads(run_cli("endorsements", "--json", cwd=world.root)[1])
    assert data["versions"][1]["states"]["org-b"] == "endorsed"  # seq 2 (endorse) after seq 1 (decline), same day


# item 8 ------------------------------------------------------------------------------------------------
def test_trust_on_first_use_is_remembered_and_checked(world, run_cli):
    assert world.git("config", "--local", "--get-regexp", "akkoord", check=False).strip() == ""
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 0 and "remembered trust anchor sha256:" in out
    anchor = world.git("config", "--local", "akkoord.trustAnchor").strip()
    assert anchor == "sha256:" + world.state().anchor
    code, out, err = run_cli("verify", cwd=world.root)
    assert code == 0 and "(pinned)" in out and "remembered" not in out
    other = "sha256:" + "7" * 64
    for args in (("endorsements",), ("since", "org-a"), ("verify",)):
        code, out, err = run_cli(*args, "--trust-anchor", other, cwd=world.root)
        assert code == 1 and f"WARNING: --trust-anchor {other} is not the trust anchor this clone remembered" in err
    # a clone whose remembered anchor is not where its registry starts refuses to endorse
    world.git("config", "--local", "akkoord.trustAnchor", other)
    code, out, err = run_cli("endorse", "2023", "--as", "org-c", "--key", world.keys["org-c"], cwd=world.root)
    assert code == 1 and err.count("\n") == 1 and "not the registry you trust" in err
    code, out, err = run_cli("endorsements", cwd=world.root)
    assert code == 1 and "not the registry you trust" in err


def test_an_admin_whose_key_was_not_valid_when_an_attestation_was_recorded_cannot_cosign_it(world):
    """admin2 joined today; the attestation was recorded yesterday: admin2's signature could not have been made then."""
    from akkoordvc.trust import endorsements as E

    two_admins(world)
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")), keys=("admin", "admin2"))
    yesterday = TODAY - dt.timedelta(days=1)
    created = world.attest("2023", "org-d", dt.date(2023, 4, 2), key="admin", today=yesterday)
    before = world.git("rev-parse", "HEAD")
    with pytest.raises(AkkoordError, match="admin key admin2 was not yet valid"):
        E.cosign_attestation(world.ws(), world.state(), created.statement.path, str(world.keys["admin2"]), BY)
    assert world.git("rev-parse", "HEAD") == before
