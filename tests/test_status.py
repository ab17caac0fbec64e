"""`akkoord status` says what is waiting: amendments to decide or to put in a version, signatories and the
sitting college that have not decided on the current version, edits in the work tree."""

from __future__ import annotations

import json
import os

from conftest import SAMPLE
from helpers import git

AMENDMENTS = SAMPLE.parent / "amendments"
NOOR = "Noor Haddou <noor@netwerk.example>"
SECRETARIAAT = "Secretariaat <secretariaat@maak020.example>"


def test_status_names_who_has_not_decided_on_the_current_version(world, run_cli):
    code, out, err = run_cli("status", cwd=world.root)
    assert code == 0, err
    assert out.splitlines()[1:] == [
        "version      2023",
        out.splitlines()[2],
        "Waiting:",
        "  - the sitting college (college-2026-2030) has not decided on version 2023",
        "  - 1 signatory has not decided on version 2023: org-c (`akkoord endorsements`)",
    ]
    data = json.loads(run_cli("status", "--json", cwd=world.root)[1])
    assert [u["id"] for u in data["undecided"]] == ["college-2026-2030", "org-c"]
    assert data["sitting_college"]["decision"] == "pending" and data["nothing_waiting"] is False


def test_status_follows_an_amendment_from_proposal_to_version(sample_repo, run_cli, monkeypatch):
    def waiting() -> list[str]:
        code, out, err = run_cli("-C", sample_repo, "status")
        assert code == 0, err
        return out.splitlines()[3:]

    assert waiting() == ["Nothing is waiting."]
    code, out, err = run_cli(
        "-C", sample_repo, "amend", "propose", "--from-file", AMENDMENTS / "meer-routes.xml",
        "--title", "Meer routes", "--by", NOOR,
    )  # fmt: skip
    ident = out.splitlines()[0]
    assert waiting() == [
        "Waiting:",
        f"  - 1 proposed amendment awaits a decision: {ident} (Meer routes) (`akkoord amend show ID`)",
    ]
    assert run_cli("-C", sample_repo, "amend", "accept", ident, "--by", SECRETARIAAT)[0] == 0
    assert waiting() == [
        "Waiting:",
        f"  - 1 accepted amendment is not yet in a version: {ident} (Meer routes) (`akkoord version create LABEL`)",
    ]
    assert run_cli("-C", sample_repo, "version", "create", "2023", "--by", SECRETARIAAT)[0] == 0
    assert waiting() == ["Nothing is waiting."]
    text = sample_repo / "akkoord.xml"
    text.write_text(text.read_text(encoding="utf-8").replace("Aanleiding<", "Aanleiding!<", 1), encoding="utf-8")
    monkeypatch.setenv("AKKOORD_LANG", "nl")
    assert waiting()[:2] == [
        "Er wacht:",
        "  - akkoord.xml heeft wijzigingen die nog niet zijn vastgelegd (`akkoord commit -m WAT`, of stel ze voor "
        "als amendement)",
    ]


def test_status_names_a_decision_two_copies_made_differently(sample_repo, run_cli, tmp_path):
    code, out, err = run_cli(
        "-C", sample_repo, "amend", "propose", "--from-file", AMENDMENTS / "meer-routes.xml",
        "--title", "Meer routes", "--by", NOOR,
    )  # fmt: skip
    assert code == 0, err
    ident = out.splitlines()[0]
    remote, one, two = tmp_path / "remote.git", tmp_path / "one", tmp_path / "two"
    git(tmp_path, "clone", "-q", "--bare", sample_repo, remote)
    for clone in (one, two):
        git(tmp_path, "clone", "-q", remote, clone)
    assert run_cli("-C", one, "amend", "accept", ident, "--by", SECRETARIAAT)[0] == 0
    assert run_cli("-C", two, "amend", "reject", ident, "--by", SECRETARIAAT, "--reason", "Te vroeg")[0] == 0
    git(one, "push", "-q", "origin", "HEAD")
    merger = {**os.environ, "GIT_AUTHOR_NAME": "M", "GIT_AUTHOR_EMAIL": "m@x", "GIT_COMMITTER_NAME": "M",
              "GIT_COMMITTER_EMAIL": "m@x"}  # fmt: skip
    git(two, "pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD", env=merger)
    code, out, err = run_cli("-C", two, "status")
    assert code == 0, err
    assert out.splitlines()[3:] == [
        "Waiting:",
        f"  - 1 amendment was decided differently in two copies: {ident} (Meer routes) (`akkoord amend show ID`)",
    ]
