"""Every verification rule of issue 9 item 9 that no attack test covers on its own, each with a test that fails
when the rule is removed (the mutation check in the issue note lists rule -> test -> result)."""

from __future__ import annotations

import datetime as dt
import json

from test_trust_attest import plant_attestation
from test_trust_threats import plant, statement_for
from trust_world import TODAY, signatory

from akkoordvc.trust import registry_ops as O
from akkoordvc.trust import sshsig
from akkoordvc.trust.jsonfile import canonical_json

DAY = dt.timedelta(days=1)


def codes(report, where=None) -> set[str]:
    return {p.code for p in report.problems if where is None or p.where == where}


def test_statement_naming_a_registry_version_that_does_not_count(world):
    path = plant(world, statement_for(world, "2023", "org-c", registry=["f" * 64]), key="org-c")
    report = world.verify()
    assert codes(report, path) == {"statement-registry"}


def test_future_dated_statement(world):
    path = plant(world, statement_for(world, "2023", "org-c", date=TODAY + DAY), key="org-c")
    report = world.verify()
    assert codes(report, path) == {"statement-future"}
    assert world.verify(today=TODAY + DAY).ok  # the next day it is fine


def test_sequence_gap_in_a_chain(world):
    fields = statement_for(world, "2023", "org-a")
    fields["seq"] += 1
    path = plant(world, fields, key="org-a")
    report = world.verify()
    assert codes(report, path) == {"chain-seq"}


def test_attestation_recorded_before_the_decision(world):
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")))
    path = plant_attestation(world, "org-d", "endorse", TODAY + DAY)  # decided tomorrow, recorded today
    report = world.verify(today=TODAY + 2 * DAY)
    assert codes(report, path) == {"statement-dates"}


def test_status_counts_only_statements_that_verify(world, run_cli):
    fields = statement_for(world, "2023", "org-c")
    signature = sshsig.sign(canonical_json(fields), str(world.keys["org-c"]), sshsig.NS_ENDORSEMENT)
    plant(world, {**fields, "comment": "changed after signing"}, key="org-c", signature=signature)
    data = json.loads(run_cli("endorsements", "--json", cwd=world.root)[1])
    assert data["versions"][1]["states"]["org-c"] == "pending"
    assert any(e["signatory"] == "org-c" and e["verified"] is False for e in data["versions"][1]["endorsements"])
    code, out, err = run_cli("endorsements", cwd=world.root)
    assert "warning: 1 statement(s) do not verify and are not counted" in out


def test_college_term_boundaries(world):
    """college-2022-2026 sits 2022-06-01 through 2026-05-31: its key signs on both days, not the day after."""
    first, last = dt.date(2022, 6, 1), dt.date(2026, 5, 31)
    reg = world.state().current
    college = reg.signatory("college-2022-2026")
    assert college.active_on(first) and college.active_on(last) and not college.active_on(last + DAY)
    assert not college.active_on(first - DAY)
    ok = plant(world, statement_for(world, "2023", "college-2022-2026", date=last), key="col22")
    report = world.verify()
    assert codes(report, ok) == set()
    after = plant(world, statement_for(world, "2023", "college-2022-2026", date=last + DAY), key="col22")
    report = world.verify()
    assert codes(report, after) == {"signature-invalid"}


def test_no_college_sitting_and_overlapping_terms(world, run_cli, monkeypatch):
    reg = world.state().current
    assert reg.sitting_college(dt.date(2031, 1, 1)) is None
    assert reg.sitting_college(dt.date(2026, 5, 31)).id == "college-2022-2026"
    assert reg.sitting_college(dt.date(2026, 6, 1)).id == "college-2026-2030"
    overlapping = signatory(
        "college-interim",
        "Interim",
        "college",
        term_start=dt.date(2026, 9, 1),
        term_end=dt.date(2026, 12, 31),
        succeeds="college-2026-2030",
    )
    world.change(lambda r: O.add_signatory(overlapping))
    reg = world.state().current
    assert reg.sitting_college(TODAY).id == "college-interim"  # the latest-starting of overlapping terms sits
    monkeypatch.setenv("AKKOORD_TODAY", "2031-01-01")
    code, out, err = run_cli("endorsements", cwd=world.root)
    assert code == 0 and "Current version 2023: no college is in office today." in out
