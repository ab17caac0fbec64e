"""Amendment decisions signed by the admins (issue 9 item 10), each attack built with real git and ssh-keygen.

The attacker has push access: it writes event files and records with plain git, copies signed files
elsewhere, or (as an admin) signs with a key the registry no longer accepts. `verify` must name each
as a problem, and `version create` must not consolidate an amendment whose acceptance does not verify.
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import assert_one_line_error, snapshot
from trust_world import BY, TODAY, World

from akkoordvc.errors import AkkoordError
from akkoordvc.model import amendment_names as an
from akkoordvc.model import canonical
from akkoordvc.model import registry_names as rn
from akkoordvc.model.dates import moment_text, noon
from akkoordvc.ops.amendments import Event
from akkoordvc.storage import amendment_store as store
from akkoordvc.storage.amendment_store.paths import event_bytes, event_path, person
from akkoordvc.trust import decisions as D
from akkoordvc.trust import model as M
from akkoordvc.trust import records, sshsig
from akkoordvc.trust import registry_ops as O

TOMORROW = TODAY + dt.timedelta(days=1)
NOON = noon(TODAY)


def codes(report, where: str | None = None) -> set[str]:
    return {p.code for p in report.problems if where is None or p.where == where}


def messages(report) -> str:
    return "\n".join(str(p) for p in report.problems)


def propose(world: World, old: bytes, new: bytes, title: str) -> str:
    ws = world.ws()
    edited = ws.head_text().replace(old, new)
    assert edited != ws.head_text()
    return store.propose(ws, actor=BY, title=title, edited=edited, timestamp=NOON).known_id


def decide(world: World, outcome: str, ident: str, keys=("admin",), reason="", when=NOON):
    with world.on_current_branch():
        ws = world.ws()
        return D.decide(ws, outcome, ident, BY, reason, when, [str(world.keys[k]) for k in keys], TODAY)


def routes(world: World) -> str:
    return propose(world, b"ruim 40 bijeenkomsten", b"meer dan 40 bijeenkomsten", "Meer dan 40")


def plant_event(world: World, ident: str, status: str, revision: int = 1, at: int = NOON) -> str:
    """An event file written and committed with plain git, as anyone with push access could."""
    event = Event(status, person(BY), moment_text(at), revision, "besloten" if status != an.ACCEPTED else "")
    path = event_path(ident, event)
    world.git_commit({path: event_bytes(event)}, f"{status} {ident}")
    return path


def signed_decision(world: World, body: dict, keys=("admin",), day: dt.date = TODAY) -> records.Record:
    """A decision record signed with admin `keys` and committed with plain git (an admin with push access)."""
    state = world.state()
    record = records.make_record(rn.DECISION, state.heads, day, body)
    signatures = records.sign_all(state.current, record, [str(world.keys[k]) for k in keys])
    world.git_commit(dict(records.record_files(record, signatures)), "a decision record")
    return record


def body_for(world: World, ident: str, path: str, outcome: str = rn.ACCEPT, revision: int = 1) -> dict:
    return {
        rn.AMENDMENT: ident,
        rn.OUTCOME: outcome,
        rn.EVENT: path,
        rn.EVENT_SHA256: canonical.sha256(world.read(path)),
        rn.REVISION: revision,
        rn.AMENDMENT_SHA256: canonical.sha256(world.read(store.record_path(ident))),
    }


def create_version(run_cli, world: World, label: str = "2027", keys=("admin",)):
    args = ["-C", world.root, "version", "create", label, "--by", "Secretariaat <s@example.org>"]
    for key in keys:
        args += ["--key", world.keys[key]]
    return run_cli(*args)


def two_admins(world: World) -> None:
    """admin2 joins and the threshold becomes 2."""
    public = sshsig.read_public_key_file(str(world.keys["admin2"]) + ".pub")
    world.change(lambda reg: O.add_admin(M.AdminKey(public=public, start=TODAY, id="admin2", name="admin2")))
    world.change(lambda reg: O.set_threshold(2))


# the honest path -----------------------------------------------------------------------------------------
def test_decisions_are_admin_signed_records_and_verify_clean(world, run_cli):
    ident = routes(world)
    other = propose(world, b"Looptijd en vernieuwing", b"Looptijd en herziening", "Looptijd")
    third = propose(world, b"<heading>Aanleiding</heading>", b"<heading>Waarom</heading>", "Kop")
    accepted, signed = decide(world, rn.ACCEPT, ident)
    decide(world, rn.REJECT, other, reason="niet nu")
    decide(world, rn.WITHDRAW, third, reason="ingetrokken door de indiener")
    assert accepted.status == an.ACCEPTED and signed is not None and signed.complete
    record = signed.record
    event = world.git("show", "--name-only", "--format=", signed.commit).split()
    assert record.path in event  # the event and its record are one commit
    path = record.get(rn.EVENT)
    assert path in event and path.startswith(f"amendments/{ident}/events/") and "-accepted-" in path
    assert record.get(rn.EVENT_SHA256) == canonical.sha256(world.read(path))
    assert record.get(rn.AMENDMENT_SHA256) == canonical.sha256(world.read(store.record_path(ident)))
    assert (record.get(rn.AMENDMENT), record.get(rn.OUTCOME), record.get(rn.REVISION)) == (ident, "accept", 1)
    report = world.verify()
    assert report.ok, messages(report)
    code, out, err = create_version(run_cli, world)
    assert code == 0, err
    assert f"consolidating 1 amendment(s): {ident}" in out
    report = world.verify()
    assert report.ok, messages(report)


def test_the_commands_take_key_with_a_registry_and_refuse_it_without(world, run_cli, sample_repo):
    ident = routes(world)
    before = snapshot(world.root)
    code, _, err = run_cli("-C", world.root, "amend", "accept", ident, "--by", "S <s@example.org>")
    assert_one_line_error(code, err, "signatory registry", "--key ADMIN_PRIVATE_KEY")
    assert snapshot(world.root) == before
    code, out, err = run_cli(
        "-C", world.root, "amend", "accept", ident, "--by", "S <s@example.org>", "--key", world.keys["admin"]
    )
    assert code == 0, err
    assert "accepted " in out.splitlines()[0] and "Signed its decision record" in out.splitlines()[1]
    assert "(1 of 1 required)" in out
    # without a registry: as before, and --key is refused
    edited = (sample_repo / "akkoord.xml").read_bytes().replace(b"ongeveer 40", b"ruim 40")
    (sample_repo.parent / "edited.xml").write_bytes(edited)
    code, plain, err = run_cli(
        "-C", sample_repo, "amend", "propose", "--from-file", sample_repo.parent / "edited.xml", "--title", "T",
        "--by", "N <n@example.org>",
    )  # fmt: skip
    assert code == 0, err
    plain_id = plain.splitlines()[0]
    before = snapshot(sample_repo)
    code, _, err = run_cli(
        "-C", sample_repo, "amend", "reject", plain_id, "--by", "S", "--reason", "nee", "--key", world.keys["admin"]
    )
    assert_one_line_error(code, err, "--key", "no signatory registry")
    assert snapshot(sample_repo) == before
    code, out, err = run_cli("-C", sample_repo, "amend", "reject", plain_id, "--by", "S", "--reason", "nee")
    assert code == 0, err
    assert "Signed" not in out and not (sample_repo / "records").exists()


def test_a_decision_dated_after_today_is_refused(world):
    ident = routes(world)
    before = snapshot(world.root)
    with pytest.raises(AkkoordError, match="after today"):
        decide(world, rn.ACCEPT, ident, when=noon(TOMORROW))
    assert snapshot(world.root) == before


# forged, unsigned, under-signed ----------------------------------------------------------------------------
@pytest.mark.parametrize("status", [an.ACCEPTED, an.REJECTED, an.WITHDRAWN])
def test_a_decision_event_written_with_plain_git_is_caught(world, run_cli, status):
    ident = routes(world)
    path = plant_event(world, ident, status)
    report = world.verify()
    assert codes(report, path) == {"decision-unsigned"}, messages(report)
    assert f"was {status}" in messages(report) and "no decision record signed by the admins" in messages(report)
    assert store.load(world.ws())[ident].status == status  # the store believes the file; verify does not
    if status == an.ACCEPTED:
        before = snapshot(world.root)
        code, _, err = create_version(run_cli, world)
        assert_one_line_error(code, err, "cannot create version 2027", ident, "does not verify")
        assert snapshot(world.root) == before


def test_an_unsigned_decision_record_backs_nothing(world, run_cli):
    ident = routes(world)
    path = plant_event(world, ident, an.ACCEPTED)
    state = world.state()
    record = records.make_record(rn.DECISION, state.heads, TODAY, body_for(world, ident, path))
    world.git_commit({record.path: record.data}, "a decision record without a signature")
    report = world.verify()
    assert "record-unsigned" in codes(report, record.path)
    assert codes(report, path) == {"decision-unsigned"}
    assert f"its decision record {record.short} does not count" in messages(report)
    code, _, err = create_version(run_cli, world)
    assert_one_line_error(code, err, "does not verify", ident)


def test_a_decision_below_the_threshold_counts_once_cosigned(world, run_cli):
    two_admins(world)
    ident = routes(world)
    done, signed = decide(world, rn.ACCEPT, ident, keys=("admin",))
    assert signed is not None and not signed.complete and signed.signed_by == ["admin"] and signed.threshold == 2
    report = world.verify()
    assert "record-pending" in codes(report, signed.record.path)
    assert codes(report, signed.record.get(rn.EVENT)) == {"decision-unsigned"}
    before = snapshot(world.root)
    code, _, err = create_version(run_cli, world, keys=("admin", "admin2"))
    assert_one_line_error(code, err, "does not verify", ident)
    assert snapshot(world.root) == before
    code, out, err = run_cli("-C", world.root, "signatory", "cosign", "--key", world.keys["admin2"], "--by", "S")
    assert code == 0, err
    report = world.verify()
    assert report.ok, messages(report)
    code, out, err = create_version(run_cli, world, keys=("admin", "admin2"))
    assert code == 0, err
    assert ident in out


def test_a_decision_signed_by_a_revoked_admin_does_not_count(world, run_cli):
    public = sshsig.read_public_key_file(str(world.keys["admin2"]) + ".pub")
    world.change(lambda reg: O.add_admin(M.AdminKey(public=public, start=TODAY, id="admin2", name="admin2")))
    world.change(lambda reg: O.revoke_admin("admin", TODAY, "left"), keys=("admin2",))
    ident = routes(world)
    with pytest.raises(AkkoordError, match="revoked"):
        decide(world, rn.ACCEPT, ident, keys=("admin",))
    path = plant_event(world, ident, an.ACCEPTED)
    state = world.state()
    record = records.make_record(rn.DECISION, state.heads, TODAY, body_for(world, ident, path))
    signature = sshsig.sign(record.data, str(world.keys["admin"]), records.NAMESPACE)  # its key still signs
    world.git_commit({record.path: record.data, records.signature_path(record.sha, "admin"): signature})
    report = world.verify()
    assert "record-signature-invalid" in codes(report)
    assert codes(report, path) == {"decision-unsigned"}


def test_a_revoked_admin_signing_an_acceptance_on_an_old_branch_does_not_count(world, run_cli):
    """The fork of item 1, for a decision: signed where the revoked admin still held the threshold."""
    public = sshsig.read_public_key_file(str(world.keys["admin2"]) + ".pub")
    world.change(lambda reg: O.add_admin(M.AdminKey(public=public, start=TODAY, id="admin2", name="admin2")))
    ident = routes(world)
    old = world.git("rev-parse", "HEAD").strip()
    world.change(lambda reg: O.revoke_admin("admin", TOMORROW, "left"), keys=("admin2",))
    world.git("checkout", "-q", "-b", "evil", old)
    _, evil = decide(world, rn.ACCEPT, ident, keys=("admin",))
    world.git("checkout", "-q", "main")
    world.git("merge", "-q", "--no-edit", "evil")
    report = world.verify()
    assert "registry-fork" in codes(report)
    assert codes(report, evil.record.get(rn.EVENT)) == {"decision-unsigned"}
    code, _, err = create_version(run_cli, world, keys=("admin2",))
    assert code != 0 and "Traceback" not in err


# records that do not match their event ---------------------------------------------------------------------
TAMPER = {
    "outcome": lambda b, other: {**b, rn.OUTCOME: rn.REJECT},
    "unknown outcome": lambda b, other: {**b, rn.OUTCOME: "approve"},
    "another amendment's event": lambda b, other: {**b, rn.AMENDMENT: other},
    "a missing event": lambda b, other: {**b, rn.EVENT: b[rn.EVENT].replace("-accepted-", "-accepted-0")},
    "other bytes": lambda b, other: {**b, rn.EVENT_SHA256: canonical.sha256(b"other")},
    "another revision": lambda b, other: {**b, rn.REVISION: 2},
}


@pytest.mark.parametrize("how", sorted(TAMPER))
def test_a_signed_record_that_does_not_match_its_event_backs_nothing(world, how):
    ident = routes(world)
    other = propose(world, b"Looptijd en vernieuwing", b"Looptijd en herziening", "Looptijd")
    path = plant_event(world, ident, an.ACCEPTED)
    record = signed_decision(world, TAMPER[how](body_for(world, ident, path), other))
    report = world.verify()
    assert codes(report, record.path) == {"decision-mismatch"}, messages(report)
    assert codes(report, path) == {"decision-unsigned"}


def test_a_record_signed_before_the_day_of_its_event_backs_nothing(world):
    """A decision signed today cannot back an event dated tomorrow (checked tomorrow)."""
    ident = routes(world)
    path = plant_event(world, ident, an.ACCEPTED, at=noon(TOMORROW))
    record = signed_decision(world, body_for(world, ident, path), day=TODAY)
    report = world.verify(today=TOMORROW)
    mismatch = [p for p in report.problems if p.code == "decision-mismatch"]
    assert mismatch and "before the day of the event" in mismatch[0].message, messages(report)
    assert record.path == mismatch[0].where


def test_an_event_changed_after_signing_is_caught(world):
    ident = routes(world)
    _, signed = decide(world, rn.REJECT, ident, reason="nee")
    path = signed.record.get(rn.EVENT)
    world.git_commit({path: world.read(path).replace(b"nee", b"ja, toch")}, "edit the reason")
    report = world.verify()
    assert codes(report, signed.record.path) == {"decision-mismatch"}
    assert "changed after signing" in messages(report)
    assert codes(report, path) == {"decision-unsigned"}


def test_a_signed_acceptance_copied_elsewhere_backs_nothing(world, run_cli):
    """Replay: the bytes of a signed acceptance, under another name (to settle a contest its way) or in another
    amendment's folder."""
    ident = routes(world)
    other = propose(world, b"Looptijd en vernieuwing", b"Looptijd en herziening", "Looptijd")
    _, signed = decide(world, rn.ACCEPT, ident)
    path = signed.record.get(rn.EVENT)
    data = world.read(path)
    copy = path.replace("-accepted-", "-accepted-f")
    elsewhere = path.replace(f"amendments/{ident}/", f"amendments/{other}/")
    world.git_commit({copy: data, elsewhere: data}, "replay")
    report = world.verify()
    assert codes(report, copy) == {"decision-unsigned"} and codes(report, elsewhere) == {"decision-unsigned"}
    assert codes(report, path) == set()
    assert store.load(world.ws())[other].status == an.ACCEPTED
    code, _, err = create_version(run_cli, world)
    assert_one_line_error(code, err, "does not verify")


def test_an_amendment_rewritten_after_its_acceptance_is_not_consolidated(world, run_cli):
    ident = routes(world)
    decide(world, rn.ACCEPT, ident)
    path = store.record_path(ident)
    rewritten = world.read(path).replace(b"meer dan 40 bijeenkomsten", b"geen enkele bijeenkomst")
    assert rewritten != world.read(path)
    world.git_commit({path: rewritten}, "a small fix")
    report = world.verify()
    assert codes(report, path) == {"decision-stale"}, messages(report)
    before = snapshot(world.root)
    code, _, err = create_version(run_cli, world)
    assert_one_line_error(code, err, "does not verify", "changed after the acceptance")
    assert snapshot(world.root) == before


def test_an_amendment_rolled_back_to_an_earlier_accepted_revision_is_caught(world, run_cli):
    """Accepted as revision 1, rebased and accepted again as revision 2; the attacker puts revision 1 back."""
    ident = routes(world)
    decide(world, rn.ACCEPT, ident)
    first = world.read(store.record_path(ident))
    ws = world.ws()
    edited = ws.head_text().replace(b"ruim 40 bijeenkomsten", b"ruim 50 bijeenkomsten")
    with world.on_current_branch():
        store.rebase(world.ws(), ident, edited, "edited.xml", BY, "meer", NOON)
    decide(world, rn.ACCEPT, ident)
    assert world.verify().ok
    world.git_commit({store.record_path(ident): first}, "put revision 1 back")
    report = world.verify()
    assert codes(report, store.record_path(ident)) == {"decision-stale"}, messages(report)


def test_a_forged_consolidated_event_is_caught(world):
    """An attacker marks an accepted amendment consolidated, so that the next version leaves it out."""
    ident = routes(world)
    decide(world, rn.ACCEPT, ident)
    path = plant_event(world, ident, an.CONSOLIDATED)
    assert store.load(world.ws())[ident].status == an.CONSOLIDATED
    report = world.verify()
    assert codes(report, path) == {"decision-unsigned"}
    assert "no version record signed by the admins consolidates it" in messages(report)


# contests ----------------------------------------------------------------------------------------------
def test_contested_decisions_from_two_clones_stay_contested_until_decided_again(world, run_cli):
    ident = routes(world)
    base = world.git("rev-parse", "HEAD").strip()
    world.git("checkout", "-q", "-b", "other", base)
    decide(world, rn.REJECT, ident, reason="nee, in de andere kloon")
    world.git("checkout", "-q", "main")
    decide(world, rn.ACCEPT, ident)
    world.git("merge", "-q", "--no-edit", "other")
    report = world.verify()
    assert report.ok, messages(report)  # both decisions are authentic: a contest, not a forgery
    assert store.load(world.ws())[ident].status == store.CONTESTED
    before = snapshot(world.root)
    code, _, err = create_version(run_cli, world)
    assert code != 0 and "contested" in err and "Traceback" not in err
    assert snapshot(world.root) == before
    decide(world, rn.ACCEPT, ident, reason="besloten na beide")
    assert store.load(world.ws())[ident].status == an.ACCEPTED
    assert world.verify().ok
    code, out, err = create_version(run_cli, world)
    assert code == 0, err
    assert ident in out
    report = world.verify()
    assert report.ok, messages(report)


@pytest.mark.parametrize("how", ["forged_by_a_signatory_key", "copied_signature_of_another_record"])
def test_a_decision_record_whose_signature_does_not_hold_backs_nothing(world, run_cli, how):
    """The admin's name on a signature file is not enough: it must be the admin's key, over these bytes."""
    ident = routes(world)
    other = propose(world, b"Looptijd en vernieuwing", b"Looptijd en herziening", "Looptijd")
    _, genuine = decide(world, rn.REJECT, other, reason="nee")
    path = plant_event(world, ident, an.ACCEPTED)
    state = world.state()
    record = records.make_record(rn.DECISION, state.heads, TODAY, body_for(world, ident, path))
    if how == "forged_by_a_signatory_key":
        signature = sshsig.sign(record.data, str(world.keys["org-a"]), records.NAMESPACE)
    else:
        signature = world.read(records.signature_path(genuine.record.sha, "admin"))
    sig_path = records.signature_path(record.sha, "admin")
    world.git_commit({record.path: record.data, sig_path: signature}, "a decision record with a borrowed signature")
    report = world.verify()
    assert codes(report, sig_path) == {"record-signature-invalid"}, messages(report)
    assert codes(report, path) == {"decision-unsigned"}
    assert codes(report, genuine.record.get(rn.EVENT)) == set()
    before = snapshot(world.root)
    code, _, err = create_version(run_cli, world)
    assert_one_line_error(code, err, "does not verify", ident)
    assert snapshot(world.root) == before


# decisions made before the registry ---------------------------------------------------------------------
def test_decisions_made_without_a_record_are_signed_after_the_fact(world, run_cli):
    """Events written before the registry (here: with plain git) verify once the admins sign them by name."""
    ident = routes(world)
    other = propose(world, b"Looptijd en vernieuwing", b"Looptijd en herziening", "Looptijd")
    accepted = plant_event(world, ident, an.ACCEPTED)
    rejected = plant_event(world, other, an.REJECTED)
    assert codes(world.verify()) == {"decision-unsigned"}
    cli = ("-C", world.root, "amend", "sign", "--by", "S <s@example.org>")
    before = snapshot(world.root)
    code, _, err = run_cli(*cli, ident)
    assert_one_line_error(code, err, "--key ADMIN_PRIVATE_KEY")
    code, _, err = run_cli(*cli, "--key", world.keys["org-a"], ident)
    assert_one_line_error(code, err, "is not an admin key of the registry")
    assert snapshot(world.root) == before
    code, out, err = run_cli(*cli, "--key", world.keys["admin"], ident)
    assert code == 0, err
    assert f"{ident}: accepted on {TODAY}" in out and "(1 of 1 required)" in out
    report = world.verify()
    assert codes(report, accepted) == set() and codes(report, rejected) == {"decision-unsigned"}, messages(report)
    code, _, err = run_cli(*cli, "--key", world.keys["admin"], ident)
    assert_one_line_error(code, err, "no unsigned decision to sign")
    code, out, err = run_cli(*cli, "--key", world.keys["admin"], other)
    assert code == 0, err
    report = world.verify()
    assert report.ok, messages(report)
    code, out, err = create_version(run_cli, world)
    assert code == 0, err
    assert ident in out


def test_signing_after_the_fact_binds_the_event_and_the_amendment_as_they_are(world, run_cli):
    """The record names the event's bytes and amendment.xml at signing: a later change to either is caught."""
    ident = routes(world)
    path = plant_event(world, ident, an.ACCEPTED)
    code, _, err = run_cli("-C", world.root, "amend", "sign", "--by", "S", "--key", world.keys["admin"], ident)
    assert code == 0, err
    record = world.state().of_type(rn.DECISION)[0]
    assert record.get(rn.EVENT) == path and record.get(rn.EVENT_SHA256) == canonical.sha256(world.read(path))
    assert record.get(rn.AMENDMENT_SHA256) == canonical.sha256(world.read(store.record_path(ident)))
    rewritten = world.read(store.record_path(ident)).replace(b"meer dan 40", b"geen")
    world.git_commit({store.record_path(ident): rewritten}, "a small fix")
    assert codes(world.verify(), store.record_path(ident)) == {"decision-stale"}


def test_signing_after_the_fact_refuses_an_event_dated_after_today(world, run_cli):
    ident = routes(world)
    plant_event(world, ident, an.ACCEPTED, at=noon(TOMORROW))
    cli = ("-C", world.root, "amend", "sign", "--by", "S <s@example.org>")
    before = snapshot(world.root)
    code, _, err = run_cli(*cli, "--key", world.keys["admin"], ident)
    assert_one_line_error(code, err, f"after today ({TODAY})", "nothing was written")
    assert snapshot(world.root) == before
