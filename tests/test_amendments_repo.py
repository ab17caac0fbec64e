"""Amendments in a real repository: propose, list, show, accept, reject, withdraw, rebase, consolidate,
blame and history; conflicts; bad input that changes nothing; two clones merging with plain git."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLE, SECRETARIAAT, bwb_files, needs_corpus
from helpers import git, snapshot

from akkoordvc.model import amendment_names as an
from akkoordvc.model import canonical, names
from akkoordvc.model.xmlparse import parse_bytes, parse_file

AMENDMENTS = SAMPLE.parent / "amendments"

GEMEENTE = "Gemeente Amsterdam <democratisering@gemeente.example>"
BRON = "netwerkbijeenkomst 23 juni 2022"


@pytest.fixture
def repo(sample_repo):
    return sample_repo


def propose(run_cli, repo, edited, title, by="Noor Haddou <noor@netwerk.example>", *extra) -> str:
    code, out, err = run_cli(
        "-C",
        repo,
        "amend",
        "propose",
        "--from-file",
        edited,
        "--title",
        title,
        "--by",
        by,
        "--source",
        BRON,
        "--json",
        *extra,
    )
    assert code == 0, err
    return json.loads(out)["id"]


def edited_copy(tmp_path, name, change, start=SAMPLE) -> Path:
    """A copy of the text changed by `change(root)`, as a drafter would save it."""
    root = parse_file(start)
    change(root)
    path = tmp_path / f"{name}.xml"
    path.write_bytes(canonical.to_bytes(root))
    return path


def clause(root, ident):
    (found,) = [c for c in root.iter(names.CLAUSE) if c.get(names.ID) == ident]
    return found


def set_text(ident, text):
    def change(root):
        clause(root, ident).find(".//" + names.P).text = text

    return change


def text_at(repo, rev) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"{rev}:akkoord.xml"], capture_output=True, check=True
    ).stdout


def fails_cleanly(run_cli, repo, *args, code=1, contains=""):
    before = snapshot(repo)
    got, out, err = run_cli("-C", repo, *args)
    assert got == code, (got, out, err)
    assert "Traceback" not in err and err.startswith(("akkoord: error:", "Usage:", "Error:")), err
    if code != 3:
        assert err.strip().count("\n") == 0 or err.startswith("Usage:"), err
    assert contains in err, err
    assert snapshot(repo) == before
    return err


# --- the story -------------------------------------------------------------------------------------


def test_the_2022_amendment_round_end_to_end(repo, run_cli):
    routes = propose(
        run_cli,
        repo,
        AMENDMENTS / "meer-routes.xml",
        "Meer routes dan alleen Ma.akbanken",
        "Noor Haddou <noor@netwerk.example>",
        "--date",
        "2022-07-04",
    )
    netwerken = propose(
        run_cli,
        repo,
        AMENDMENTS / "informele-netwerken.xml",
        "Informele netwerken",
        "Joris Meijer <joris@netwerk.example>",
        "--date",
        "2022-07-04",
    )
    zichtbaar = propose(
        run_cli,
        repo,
        AMENDMENTS / "zichtbaarheid-resultaten.xml",
        "Zichtbaarheid",
        "Fenna de Boer <fenna@netwerk.example>",
        "--rationale",
        "Maak resultaten zichtbaar.",
        "--date",
        "2022-07-08",
    )
    assert (
        routes.startswith("2022-07-04-meer-routes-dan-alleen-ma-akbanken-") and len({routes, netwerken, zichtbaar}) == 3
    )

    code, out, _ = run_cli("-C", repo, "amend", "list", "--json")
    listed = json.loads(out)
    assert [set(item) for item in listed] == [{"id", "title", "status", "base", "clauses"}] * 3
    assert [(i["id"], i["status"], i["base"]) for i in listed] == [
        (routes, "proposed", "2019"),
        (netwerken, "proposed", "2019"),
        (zichtbaar, "proposed", "2019"),
    ]
    assert listed[0]["clauses"] == ["ma-akbanken", "andere-routes"]

    head_text = (repo / "akkoord.xml").read_bytes()
    code, out, err = run_cli("-C", repo, "amend", "accept", routes, "--by", SECRETARIAAT, "--date", "2022-09-27")
    assert code == 0, err
    assert git(repo, "log", "-1", "--format=%an <%ae>").strip() == SECRETARIAAT
    code, _, err = run_cli("-C", repo, "amend", "accept", zichtbaar[:14], "--by", GEMEENTE, "--date", "2022-09-27")
    assert code == 0, err  # a unique start of the id is enough
    assert git(repo, "log", "-1", "--format=%an").strip() == "Gemeente Amsterdam"
    code, _, err = run_cli(
        "-C",
        repo,
        "amend",
        "reject",
        netwerken,
        "--by",
        SECRETARIAAT,
        "--reason",
        "Neem hier tijd voor",
        "--date",
        "2022-09-27",
    )
    assert code == 0, err
    assert (repo / "akkoord.xml").read_bytes() == head_text  # decisions never touch the text

    code, out, _ = run_cli("-C", repo, "amend", "list", "--status", "accepted", "--json")
    assert [i["id"] for i in json.loads(out)] == [routes, zichtbaar]

    code, out, err = run_cli("-C", repo, "version", "create", "2023", "--date", "2023-03-01", "--by", SECRETARIAAT)
    assert code == 0, err
    assert f"{routes} {zichtbaar}" in out
    tag = git(repo, "cat-file", "-p", "version/2023")
    assert f"Akkoord-Amendments: {routes} {zichtbaar}" in tag
    assert git(repo, "status", "--porcelain") == ""

    new = parse_bytes(text_at(repo, "version/2023"))
    for ident, source in (
        ("ma-akbanken", "meer-routes"),
        ("andere-routes", "meer-routes"),
        ("resultaten-delen", "zichtbaarheid-resultaten"),
    ):
        assert canonical.to_string(clause(new, ident)) == canonical.to_string(
            clause(parse_file(AMENDMENTS / f"{source}.xml"), ident)
        )
    assert canonical.to_string(clause(new, "masterplannen")) == canonical.to_string(
        clause(parse_file(SAMPLE), "masterplannen")
    )

    code, out, _ = run_cli("-C", repo, "amend", "list", "--json")
    assert {i["id"]: i["status"] for i in json.loads(out)} == {
        routes: "consolidated",
        netwerken: "rejected",
        zichtbaar: "consolidated",
    }

    code, out, _ = run_cli("-C", repo, "blame", "--json")
    entries = {e["clause"]: e for e in json.loads(out)}
    assert all(
        {"clause", "version", "amendment", "proposers", "rationale", "source"} <= set(e) for e in entries.values()
    )
    assert entries["ma-akbanken"]["version"] == "2023" and entries["ma-akbanken"]["amendment"] == routes
    assert entries["ma-akbanken"]["proposers"] == ["Noor Haddou <noor@netwerk.example>"]
    assert entries["ma-akbanken"]["source"] == BRON and entries["ma-akbanken"]["accepted_by"] == SECRETARIAAT
    assert entries["resultaten-delen"]["rationale"] == "Maak resultaten zichtbaar."
    assert entries["aanleiding"]["version"] == "2019" and entries["aanleiding"]["amendment"] is None
    assert entries["masterplannen"]["amendment"] is None

    code, out, _ = run_cli("-C", repo, "blame", "2019", "--clause", "ma-akbanken", "--json")
    assert [(e["version"], e["amendment"]) for e in json.loads(out)] == [("2019", None)]

    code, out, err = run_cli("-C", repo, "history", "--clause", "ma-akbanken", "--json")
    assert code == 0, err
    steps = json.loads(out)
    assert [(s["version"], s["change"], s["amendment"]) for s in steps] == [
        ("2019", "added", None),
        ("2023", "changed", routes),
    ]
    code, out, _ = run_cli("-C", repo, "history", "--clause", "ma-akbanken", "--no-color")
    assert "[-route-]{+een van de routes+}" in out and routes in out


def test_every_state_change_is_one_commit_by_the_actor_and_show_tells_it(repo, run_cli):
    count = lambda: int(git(repo, "rev-list", "--count", "HEAD"))  # noqa: E731
    start = count()
    ident = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes", "Noor <noor@netwerk.example>")
    assert count() == start + 1
    files = git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert f"amendments/{ident}/amendment.xml" in files and "akkoord.xml" not in files
    assert any(f.startswith(f"amendments/{ident}/events/") and "-proposed-" in f for f in files)
    assert "Akkoord-Change: amendment" in git(repo, "log", "-1", "--format=%B")

    code, out, err = run_cli(
        "-C", repo, "amend", "withdraw", ident, "--by", "Noor <noor@netwerk.example>", "--reason", "herschreven"
    )
    assert code == 0, err
    assert count() == start + 2 and git(repo, "log", "-1", "--format=%an").strip() == "Noor"

    code, out, _ = run_cli("-C", repo, "amend", "show", ident, "--no-color")
    assert "withdrawn by Noor" in out and "herschreven" in out and "[-route-]{+een van de routes+}" in out
    code, out, _ = run_cli("-C", repo, "amend", "show", ident, "--json")
    data = json.loads(out)
    assert data["status"] == "withdrawn" and [e["status"] for e in data["history"]] == ["proposed", "withdrawn"]
    assert data["redline"]["stats"]["added"] == 1
    code, out, _ = run_cli("-C", repo, "amend", "show", ident, "--xml")
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<amendment id="')
    assert '<event at="' in out and 'status="withdrawn"' in out


def test_a_real_subprocess_without_git_identity(repo, akkoord_exe):
    code, out, err = akkoord_exe(
        "-C",
        repo,
        "amend",
        "propose",
        "--from-file",
        AMENDMENTS / "informele-netwerken.xml",
        "--title",
        "Informele netwerken",
        "--by",
        "Joris <joris@netwerk.example>",
        "--json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"id", "operations"}
    assert [(op["op"], op["target"]) for op in data["operations"]] == [("replace-text", "masterplannen")]
    code, out, err = akkoord_exe("-C", repo, "amend", "accept", data["id"])
    assert code == 1 and "--by" in err and "Traceback" not in err  # nobody to record
    code, out, err = akkoord_exe("-C", repo, "amend", "accept", data["id"], "--by", SECRETARIAAT)
    assert code == 0, err
    code, out, err = akkoord_exe("-C", repo, "amend", "list")
    assert code == 0 and data["id"] in out and "accepted" in out


def test_supersede_and_hand_in_an_amendment_file(repo, run_cli, tmp_path):
    first = propose(run_cli, repo, AMENDMENTS / "zichtbaarheid-resultaten.xml", "Zichtbaarheid")
    code, out, _ = run_cli("-C", repo, "amend", "show", first, "--xml")
    record = tmp_path / "handed-in.xml"
    record.write_text(out, encoding="utf-8")
    code, out, err = run_cli(
        "-C",
        repo,
        "amend",
        "propose",
        record,
        "--title",
        "Zichtbaarheid, herzien",
        "--by",
        "Fenna <fenna@netwerk.example>",
        "--supersedes",
        first,
    )
    assert code == 0, err
    second = out.strip()
    code, out, _ = run_cli("-C", repo, "amend", "list", "--json")
    statuses = {i["id"]: (i["status"], i["title"]) for i in json.loads(out)}
    assert statuses == {first: ("superseded", "Zichtbaarheid"), second: ("proposed", "Zichtbaarheid, herzien")}
    code, out, _ = run_cli("-C", repo, "amend", "show", second, "--json")
    assert json.loads(out)["supersedes"] == [first]


# --- concurrent amendments ----------------------------------------------------------------------------


def test_same_clause_conflict_is_refused_with_both_texts_and_a_redline(repo, run_cli, tmp_path):
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes")
    other = propose(
        run_cli,
        repo,
        edited_copy(
            tmp_path,
            "gedragen",
            set_text(
                "ma-akbanken",
                "Ma.akbanken zijn de route waarlangs de partijen dit akkoord samen in de praktijk brengen.",
            ),
        ),
        "Samen in de praktijk",
    )
    assert run_cli("-C", repo, "amend", "accept", other, "--by", SECRETARIAAT)[0] == 0
    err = fails_cleanly(
        run_cli, repo, "amend", "accept", routes, "--by", SECRETARIAAT, code=3, contains="clause ma-akbanken"
    )
    first_line, *detail = err.splitlines()
    assert "conflicts with the current text" in first_line and "nothing was accepted" in first_line
    detail = "\n".join(detail)
    assert "current:" in detail and "samen in de praktijk" in detail  # the text accepted before
    assert "amendment:" in detail and "een van de routes" in detail  # the amendment's text
    assert "[-" in detail and "{+" in detail  # the redline
    code, out, _ = run_cli("-C", repo, "amend", "list")
    assert "conflict" in [line.split()[3] for line in out.splitlines() if line.startswith(routes)]
    code, out, _ = run_cli("-C", repo, "amend", "show", routes, "--json")
    assert json.loads(out)["check"]["state"] == "conflict"


def test_rebase_resolves_a_conflict(repo, run_cli, tmp_path):
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes")
    samen = "Ma.akbanken zijn de route waarlangs de partijen dit akkoord samen in de praktijk brengen."
    other = propose(run_cli, repo, edited_copy(tmp_path, "samen", set_text("ma-akbanken", samen)), "Samen")
    assert run_cli("-C", repo, "amend", "accept", other, "--by", SECRETARIAAT)[0] == 0
    start = tmp_path / "resolve.xml"
    code, out, err = run_cli("-C", repo, "amend", "rebase", routes, "--write", start)
    assert code == 0, err
    assert "ma-akbanken" in out
    root = parse_file(start)
    assert clause(root, "andere-routes") is not None  # the parts that still apply are in
    assert "samen in de praktijk" in "".join(clause(root, "ma-akbanken").itertext())  # the other decision is kept
    # the drafter writes the clause as it should be now: both changes
    wanted = parse_file(AMENDMENTS / "meer-routes.xml")
    merged = clause(wanted, "ma-akbanken")
    p = merged.find(".//" + names.P)
    p.text = p.text.replace("in de praktijk brengen", "samen in de praktijk brengen")
    clause(root, "ma-akbanken").getparent().replace(clause(root, "ma-akbanken"), merged)
    start.write_bytes(canonical.to_bytes(root))
    code, out, err = run_cli(
        "-C", repo, "amend", "rebase", routes, "--from-file", start, "--by", "Noor <noor@x.example>"
    )
    assert code == 0, err
    assert "revision 2" in out
    code, out, _ = run_cli("-C", repo, "amend", "show", routes, "--json")
    data = json.loads(out)
    assert data["status"] == "proposed" and data["revision"] == 2 and data["base"]["on"] == [other]
    assert data["check"]["state"] == "clean"
    assert run_cli("-C", repo, "amend", "accept", routes, "--by", SECRETARIAAT)[0] == 0
    code, out, err = run_cli("-C", repo, "version", "create", "2023", "--by", SECRETARIAAT)
    assert code == 0, err
    final = parse_bytes(text_at(repo, "version/2023"))
    words = "".join(clause(final, "ma-akbanken").itertext())
    assert "samen in de praktijk" in words and "een van de routes" in words
    code, out, _ = run_cli("-C", repo, "blame", "--clause", "ma-akbanken", "--json")
    assert json.loads(out)[0]["amendment"] == routes


def test_rebase_refuses_a_copy_that_would_undo_other_changes(repo, run_cli, tmp_path):
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes")
    samen = propose(run_cli, repo, edited_copy(tmp_path, "samen", set_text("ma-akbanken", "Samen.")), "Samen")
    looptijd = propose(run_cli, repo, edited_copy(tmp_path, "looptijd", set_text("looptijd", "Tot 2030.")), "Looptijd")
    for ident in (samen, looptijd):
        assert run_cli("-C", repo, "amend", "accept", ident, "--by", SECRETARIAAT)[0] == 0
    # the drafter resolves ma-akbanken, but on a copy of the 2019 text: looptijd would silently go back
    fails_cleanly(
        run_cli,
        repo,
        "amend",
        "rebase",
        routes,
        "--from-file",
        AMENDMENTS / "meer-routes.xml",
        "--by",
        "N",
        contains="would undo changes made since the amendment's base to looptijd",
    )


def test_different_clauses_both_apply(repo, run_cli, tmp_path):
    a = propose(run_cli, repo, edited_copy(tmp_path, "a", set_text("looptijd", "Tot 2030.")), "Looptijd")
    b = propose(run_cli, repo, edited_copy(tmp_path, "b", set_text("missie", "Een nieuwe missie.")), "Missie")
    for ident in (a, b):
        code, _, err = run_cli("-C", repo, "amend", "accept", ident, "--by", SECRETARIAAT)
        assert code == 0, err
    assert run_cli("-C", repo, "version", "create", "2023", "--by", SECRETARIAAT)[0] == 0
    new = parse_bytes(text_at(repo, "version/2023"))
    assert "Tot 2030." in "".join(clause(new, "looptijd").itertext())
    assert "Een nieuwe missie." in "".join(clause(new, "missie").itertext())


def _delete(ident):
    def change(root):
        element = clause(root, ident)
        element.getparent().remove(element)

    return change


def _move_to_end_of(ident, division):
    def change(root):
        element = clause(root, ident)
        (target,) = [d for d in root.iter(names.DIVISION) if d.get(names.ID) == division]
        target.append(element)

    return change


def test_delete_versus_edit_is_a_conflict_both_ways(repo, run_cli, tmp_path):
    deleted = propose(run_cli, repo, edited_copy(tmp_path, "del", _delete("coalitieakkoord")), "Schrappen")
    edited = propose(run_cli, repo, edited_copy(tmp_path, "edit", set_text("coalitieakkoord", "Nieuw.")), "Wijzigen")
    assert run_cli("-C", repo, "amend", "accept", deleted, "--by", SECRETARIAAT)[0] == 0
    fails_cleanly(run_cli, repo, "amend", "accept", edited, "--by", SECRETARIAAT, code=3, contains="was deleted")


def test_edit_versus_delete_is_a_conflict(repo, run_cli, tmp_path):
    deleted = propose(run_cli, repo, edited_copy(tmp_path, "del", _delete("coalitieakkoord")), "Schrappen")
    edited = propose(run_cli, repo, edited_copy(tmp_path, "edit", set_text("coalitieakkoord", "Nieuw.")), "Wijzigen")
    assert run_cli("-C", repo, "amend", "accept", edited, "--by", SECRETARIAAT)[0] == 0
    fails_cleanly(run_cli, repo, "amend", "accept", deleted, "--by", SECRETARIAAT, code=3, contains="was changed")


def test_move_versus_edit_both_apply(repo, run_cli, tmp_path):
    moved = propose(
        run_cli, repo, edited_copy(tmp_path, "move", _move_to_end_of("regelruimte", "h-uitvoering")), "Verplaatsen"
    )
    edited = propose(
        run_cli, repo, edited_copy(tmp_path, "edit", set_text("regelruimte", "Meer regelruimte.")), "Wijzigen"
    )
    code, out, _ = run_cli("-C", repo, "amend", "show", moved, "--json")
    assert [op["op"] for op in json.loads(out)["operations"]] == ["move"]
    for ident in (edited, moved):
        code, _, err = run_cli("-C", repo, "amend", "accept", ident, "--by", SECRETARIAAT)
        assert code == 0, err
    assert run_cli("-C", repo, "version", "create", "2023", "--by", SECRETARIAAT)[0] == 0
    new = parse_bytes(text_at(repo, "version/2023"))
    element = clause(new, "regelruimte")
    assert element.getparent().get(names.ID) == "h-uitvoering" and "Meer regelruimte." in "".join(element.itertext())


def test_stale_detection_after_an_editorial_commit(repo, run_cli, tmp_path):
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes")
    zichtbaar = propose(run_cli, repo, AMENDMENTS / "zichtbaarheid-resultaten.xml", "Zichtbaarheid")
    moved = propose(
        run_cli, repo, edited_copy(tmp_path, "m", _move_to_end_of("donutdeals", "h-uitvoering")), "Verplaatsen"
    )
    editorial = edited_copy(
        tmp_path,
        "ed",
        lambda r: (set_text("ma-akbanken", "Redactioneel.")(r), set_text("donutdeals", "Ook redactioneel.")(r)),
    )
    (repo / "akkoord.xml").write_bytes(editorial.read_bytes())
    assert run_cli("-C", repo, "commit", "-m", "Redactie", "--by", SECRETARIAAT)[0] == 0
    states = {}
    for ident in (routes, zichtbaar, moved):
        code, out, _ = run_cli("-C", repo, "amend", "show", ident, "--json")
        check = json.loads(out)["check"]
        states[ident] = (check["state"], check["stale"])
    assert states[routes] == ("conflict", ["ma-akbanken"])
    assert states[zichtbaar] == ("clean", [])
    assert states[moved] == ("stale", ["donutdeals"])  # its clause changed, but a move still applies
    fails_cleanly(run_cli, repo, "amend", "accept", routes, "--by", SECRETARIAAT, code=3, contains="ma-akbanken")


def test_a_copy_of_an_old_version_is_compared_with_that_version(repo, run_cli, tmp_path):
    """A drafter who edits a copy of 2019 after 2023 exists does not undo 2023's changes."""
    first = propose(run_cli, repo, edited_copy(tmp_path, "a", set_text("looptijd", "Tot 2030.")), "Looptijd")
    assert run_cli("-C", repo, "amend", "accept", first, "--by", SECRETARIAAT)[0] == 0
    assert run_cli("-C", repo, "version", "create", "2023", "--by", SECRETARIAAT)[0] == 0
    late = propose(run_cli, repo, edited_copy(tmp_path, "b", set_text("missie", "Nieuwe missie.")), "Missie")
    code, out, _ = run_cli("-C", repo, "amend", "show", late, "--json")
    data = json.loads(out)
    assert data["base"]["label"] == "2019" and data["clauses"] == ["missie"] and data["check"]["state"] == "clean"


# --- bad input changes nothing ------------------------------------------------------------------------


def test_bad_input_is_one_line_and_changes_nothing(repo, run_cli, tmp_path):
    ident = propose(run_cli, repo, AMENDMENTS / "informele-netwerken.xml", "Informele netwerken")
    code, out, _ = run_cli("-C", repo, "amend", "show", ident, "--xml")
    record = out

    unknown_clause = tmp_path / "unknown-clause.xml"
    unknown_clause.write_text(record.replace('clause="masterplannen"', 'clause="bestaat-niet"'), encoding="utf-8")
    fails_cleanly(
        run_cli, repo, "amend", "propose", unknown_clause, "--by", "X", contains="'bestaat-niet', which does not exist"
    )

    malformed = tmp_path / "malformed.xml"
    malformed.write_text(
        record.replace("<operations>", "<operaties>").replace("</operations>", "</operaties>"), encoding="utf-8"
    )
    fails_cleanly(run_cli, repo, "amend", "propose", malformed, "--by", "X", contains="not a valid amendment")
    broken = tmp_path / "broken.xml"
    broken.write_text(record[:200], encoding="utf-8")
    fails_cleanly(run_cli, repo, "amend", "propose", broken, "--by", "X", contains="malformed XML")

    unknown_base = tmp_path / "unknown-base.xml"
    foreign = parse_bytes(record.encode())
    base = foreign.find(an.BASE)
    for attribute in (an.LABEL, an.COMMIT):
        del base.attrib[attribute]
    base.set(an.TEXT_SHA256, "0" * 64)
    unknown_base.write_bytes(canonical.to_bytes(foreign))
    fails_cleanly(run_cli, repo, "amend", "propose", unknown_base, "--by", "X", contains="is not in this repository")

    hash_mismatch = tmp_path / "hash.xml"
    mismatched = parse_bytes(record.encode())
    for op in mismatched.iter(an.REPLACE_TEXT):
        op.set(an.BASE_SHA256, "1" * 64)
    hash_mismatch.write_bytes(canonical.to_bytes(mismatched))
    fails_cleanly(run_cli, repo, "amend", "propose", hash_mismatch, "--by", "X", contains="does not match its base")

    fails_cleanly(
        run_cli,
        repo,
        "amend",
        "propose",
        "--from-file",
        SAMPLE,
        "--title",
        "Niets",
        "--by",
        "X",
        contains="same text as its base",
    )
    invalid = edited_copy(tmp_path, "invalid", _delete("ma-akbanken"))  # artikel 5 still refers to it
    fails_cleanly(
        run_cli,
        repo,
        "amend",
        "propose",
        "--from-file",
        invalid,
        "--title",
        "T",
        "--by",
        "X",
        contains="reference to unknown id '#ma-akbanken'",
    )
    fails_cleanly(
        run_cli,
        repo,
        "amend",
        "propose",
        "--from-file",
        tmp_path / "missing.xml",
        "--title",
        "T",
        "--by",
        "X",
        contains="no such file",
    )
    fails_cleanly(
        run_cli,
        repo,
        "amend",
        "propose",
        "--from-file",
        AMENDMENTS / "meer-routes.xml",
        "--by",
        "X",
        contains="give --title",
    )
    fails_cleanly(
        run_cli, repo, "amend", "propose", AMENDMENTS / "meer-routes.xml", "--by", "X", contains="use --from-file"
    )
    fails_cleanly(
        run_cli, repo, "amend", "accept", "2099-bestaat-niet", "--by", "X", contains="no amendment '2099-bestaat-niet'"
    )
    fails_cleanly(
        run_cli, repo, "amend", "accept", ident, "--by", "X", "--date", "2001-01-01", contains="before it was proposed"
    )
    fails_cleanly(run_cli, repo, "amend", "reject", ident, "--by", "X", code=2, contains="--reason")

    assert run_cli("-C", repo, "amend", "accept", ident, "--by", SECRETARIAAT)[0] == 0
    fails_cleanly(run_cli, repo, "amend", "accept", ident, "--by", SECRETARIAAT, contains="already accepted")
    fails_cleanly(run_cli, repo, "amend", "withdraw", ident, "--by", "X", contains="already accepted")
    assert run_cli("-C", repo, "version", "create", "2023", "--by", SECRETARIAAT)[0] == 0
    fails_cleanly(run_cli, repo, "amend", "reject", ident, "--by", "X", "--reason", "r", contains="consolidated")
    fails_cleanly(run_cli, repo, "blame", "--clause", "bestaat-niet", contains="clause 'bestaat-niet'")
    fails_cleanly(run_cli, repo, "history", "--clause", "bestaat-niet", contains="clause 'bestaat-niet'")


def test_a_failed_version_create_leaves_accepted_amendments_pending(repo, run_cli):
    ident = propose(
        run_cli,
        repo,
        AMENDMENTS / "informele-netwerken.xml",
        "Informele netwerken",
        "Joris <joris@x.example>",
        "--date",
        "2022-07-04",
    )
    assert run_cli("-C", repo, "amend", "accept", ident, "--by", SECRETARIAAT, "--date", "2022-09-27")[0] == 0
    fails_cleanly(run_cli, repo, "version", "create", "2019", "--by", SECRETARIAAT, contains="already exists")
    fails_cleanly(
        run_cli,
        repo,
        "version",
        "create",
        "2022",
        "--by",
        SECRETARIAAT,
        "--date",
        "2022-01-01",
        contains="before it was accepted",
    )
    code, out, _ = run_cli("-C", repo, "amend", "list", "--json")
    assert json.loads(out)[0]["status"] == "accepted"


# --- clones --------------------------------------------------------------------------------------------


def test_two_clones_add_amendments_and_merge_with_plain_git_pull(repo, run_cli, tmp_path):
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(repo), str(origin))
    one, two = tmp_path / "one", tmp_path / "two"
    git(tmp_path, "clone", "-q", str(origin), str(one))
    git(tmp_path, "clone", "-q", str(origin), str(two))

    a = propose(run_cli, one, AMENDMENTS / "meer-routes.xml", "Meer routes", "Noor <noor@x.example>")
    assert run_cli("-C", one, "amend", "accept", a, "--by", SECRETARIAAT)[0] == 0
    b = propose(run_cli, two, AMENDMENTS / "zichtbaarheid-resultaten.xml", "Zichtbaarheid", "Fenna <fenna@x.example>")
    c = propose(run_cli, two, AMENDMENTS / "informele-netwerken.xml", "Netwerken", "Joris <joris@x.example>")
    assert run_cli("-C", two, "amend", "reject", c, "--by", GEMEENTE, "--reason", "later")[0] == 0

    git(one, "push", "-q", "origin", "HEAD")
    env = {
        **__import__("os").environ,
        "GIT_AUTHOR_NAME": "Merger",
        "GIT_AUTHOR_EMAIL": "m@x.example",
        "GIT_COMMITTER_NAME": "Merger",
        "GIT_COMMITTER_EMAIL": "m@x.example",
    }
    git(two, "pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD", env=env)  # must not conflict
    assert git(two, "status", "--porcelain") == ""
    code, out, _ = run_cli("-C", two, "amend", "list", "--json")
    assert {i["id"]: i["status"] for i in json.loads(out)} == {a: "accepted", b: "proposed", c: "rejected"}
    assert run_cli("-C", two, "amend", "accept", b, "--by", SECRETARIAAT)[0] == 0
    code, out, err = run_cli("-C", two, "version", "create", "2023", "--by", SECRETARIAAT)
    assert code == 0, err
    assert a in out and b in out


def test_parallel_acceptances_of_the_same_clause_are_never_merged_silently(repo, run_cli, tmp_path):
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(repo), str(origin))
    one, two = tmp_path / "one", tmp_path / "two"
    git(tmp_path, "clone", "-q", str(origin), str(one))
    git(tmp_path, "clone", "-q", str(origin), str(two))
    a = propose(run_cli, one, edited_copy(tmp_path, "a", set_text("looptijd", "Tot 2030.")), "A")
    assert run_cli("-C", one, "amend", "accept", a, "--by", SECRETARIAAT)[0] == 0
    b = propose(run_cli, two, edited_copy(tmp_path, "b", set_text("looptijd", "Tot 2035.")), "B")
    assert run_cli("-C", two, "amend", "accept", b, "--by", GEMEENTE)[0] == 0
    git(one, "push", "-q", "origin", "HEAD")
    env = {
        **__import__("os").environ,
        "GIT_AUTHOR_NAME": "M",
        "GIT_AUTHOR_EMAIL": "m@x.example",
        "GIT_COMMITTER_NAME": "M",
        "GIT_COMMITTER_EMAIL": "m@x.example",
    }
    git(two, "pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD", env=env)
    err = fails_cleanly(run_cli, two, "version", "create", "2023", "--by", SECRETARIAAT, code=3, contains="looptijd")
    assert "no longer applies" in err and "Tot 2030." in err and "Tot 2035." in err


# --- contradictory decisions in two clones ---------------------------------------------------------------

MERGER_ENV = {
    "GIT_AUTHOR_NAME": "Merger",
    "GIT_AUTHOR_EMAIL": "m@x.example",
    "GIT_COMMITTER_NAME": "Merger",
    "GIT_COMMITTER_EMAIL": "m@x.example",
}
NOOR = "Noor Haddou <noor@netwerk.example>"


def two_clones(repo, tmp_path):
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(repo), str(origin))
    one, two = tmp_path / "one", tmp_path / "two"
    git(tmp_path, "clone", "-q", str(origin), str(one))
    git(tmp_path, "clone", "-q", str(origin), str(two))
    return one, two


def push_and_pull(source, target):
    """`source` pushes; `target` pulls it with a merge commit (which needs an identity: none is configured)."""
    git(source, "push", "-q", "origin", "HEAD")
    env = {**__import__("os").environ, **MERGER_ENV}
    git(target, "pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD", env=env)  # never a git conflict
    assert git(target, "status", "--porcelain") == ""


def statuses(run_cli, repo, *extra) -> dict:
    code, out, err = run_cli("-C", repo, "amend", "list", "--json", *extra)
    assert code == 0, err
    return {item["id"]: item for item in json.loads(out)}


def test_accepted_in_one_clone_and_rejected_in_another_is_contested_until_decided_again(repo, run_cli, tmp_path):
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes", NOOR, "--date", "2022-07-04")
    one, two = two_clones(repo, tmp_path)
    code, _, err = run_cli(
        "-C",
        one,
        "amend",
        "accept",
        routes,
        "--by",
        SECRETARIAAT,
        "--reason",
        "ALV 27 september",
        "--date",
        "2022-09-27",
    )
    assert code == 0, err
    code, _, err = run_cli(
        "-C",
        two,
        "amend",
        "reject",
        routes,
        "--by",
        GEMEENTE,
        "--reason",
        "Neem hier tijd voor",
        "--date",
        "2022-09-28",
    )
    assert code == 0, err
    push_and_pull(one, two)

    # both decisions are kept and shown, neither wins silently
    item = statuses(run_cli, two)[routes]
    assert item["status"] == "contested"
    competing = sorted((c["status"], c["by"], c["at"][:10], c["reason"]) for c in item["competing"])
    assert competing == [
        ("accepted", SECRETARIAAT, "2022-09-27", "ALV 27 september"),
        ("rejected", GEMEENTE, "2022-09-28", "Neem hier tijd voor"),
    ]
    assert all(len(c["commit"]) == 40 for c in item["competing"])
    assert list(statuses(run_cli, two, "--status", "contested")) == [routes]
    assert statuses(run_cli, two, "--status", "accepted") == {} and statuses(run_cli, two, "--status", "rejected") == {}
    code, out, _ = run_cli("-C", two, "amend", "list", "--status", "contested")
    assert code == 0 and [line.split()[1] for line in out.splitlines() if line.startswith(routes)] == ["contested"]
    assert "ALV 27 september" in out and "Neem hier tijd voor" in out and f"akkoord amend accept {routes}" in out
    code, out, _ = run_cli("-C", two, "amend", "show", routes, "--no-color")
    status_line = next(line for line in out.splitlines() if line.startswith("status"))
    assert "contested" in status_line and "accepted by Secretariaat Ma.ak020" in status_line
    assert "rejected by Gemeente Amsterdam" in status_line and "Neem hier tijd voor" in status_line
    code, out, _ = run_cli("-C", two, "amend", "show", routes, "--json")
    data = json.loads(out)
    assert data["status"] == "contested" and len(data["competing"]) == 2 and data["check"]["state"] == "clean"
    assert [e["status"] for e in data["history"]].count("accepted") == 1  # the history holds both events

    # nothing is consolidated while it is contested; the error names it and how to resolve it
    err = fails_cleanly(run_cli, two, "version", "create", "2023", "--by", SECRETARIAAT, code=3, contains=routes)
    first_line = err.splitlines()[0]
    assert "contested" in first_line and "nothing was changed" in first_line
    assert f"akkoord amend accept {routes}" in first_line and f"akkoord amend reject {routes}" in first_line
    assert "Secretariaat" in err and "Gemeente Amsterdam" in err
    assert git(two, "tag", "-l", "version/2023") == ""
    # it cannot be superseded (or decided before the later of the two decisions) either
    fails_cleanly(
        run_cli,
        two,
        "amend",
        "propose",
        "--from-file",
        AMENDMENTS / "informele-netwerken.xml",
        "--title",
        "Anders",
        "--by",
        NOOR,
        "--supersedes",
        routes,
        contains="contested",
    )
    fails_cleanly(
        run_cli,
        two,
        "amend",
        "accept",
        routes,
        "--by",
        SECRETARIAAT,
        "--date",
        "2022-09-27",
        contains="before it was rejected",
    )

    # a decision made after both (its commit descends from both events) resolves it
    code, out, err = run_cli(
        "-C",
        two,
        "amend",
        "accept",
        routes,
        "--by",
        SECRETARIAAT,
        "--reason",
        "besloten na overleg",
        "--date",
        "2022-10-01",
    )
    assert code == 0, err
    item = statuses(run_cli, two)[routes]
    assert item["status"] == "accepted" and "competing" not in item
    fails_cleanly(run_cli, two, "amend", "accept", routes, "--by", SECRETARIAAT, contains="already accepted")
    fails_cleanly(
        run_cli, two, "amend", "reject", routes, "--by", GEMEENTE, "--reason", "r", contains="already accepted"
    )
    code, out, err = run_cli("-C", two, "version", "create", "2023", "--by", SECRETARIAAT, "--date", "2023-03-01")
    assert code == 0, err
    assert routes in out
    new = parse_bytes(text_at(two, "version/2023"))
    assert canonical.to_string(clause(new, "ma-akbanken")) == canonical.to_string(
        clause(parse_file(AMENDMENTS / "meer-routes.xml"), "ma-akbanken")
    )

    # the other clone follows once it pulls (a fast-forward)
    git(two, "push", "-q", "origin", "HEAD")
    git(one, "pull", "-q", "--ff-only", "origin", "HEAD")
    assert statuses(run_cli, one)[routes]["status"] == "consolidated"


def test_deciding_a_contest_again_exactly_as_before_is_a_new_decision(repo, run_cli, tmp_path):
    """The same person, the same date, no reason: the event equals one already there, yet it is recorded."""
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes", NOOR, "--date", "2022-07-04")
    one, two = two_clones(repo, tmp_path)
    assert run_cli("-C", one, "amend", "accept", routes, "--by", SECRETARIAAT, "--date", "2022-09-27")[0] == 0
    assert (
        run_cli("-C", two, "amend", "reject", routes, "--by", GEMEENTE, "--reason", "nee", "--date", "2022-09-27")[0]
        == 0
    )
    push_and_pull(one, two)
    assert statuses(run_cli, two)[routes]["status"] == "contested"
    events = lambda: git(two, "ls-files", f"amendments/{routes}/events").split()  # noqa: E731
    before = events()
    code, _, err = run_cli("-C", two, "amend", "accept", routes, "--by", SECRETARIAAT, "--date", "2022-09-27")
    assert code == 0, err
    assert len(events()) == len(before) + 1
    assert statuses(run_cli, two)[routes]["status"] == "accepted"


def test_a_contest_resolved_by_rejection_consolidates_nothing(repo, run_cli, tmp_path):
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes", NOOR)
    zichtbaar = propose(run_cli, repo, AMENDMENTS / "zichtbaarheid-resultaten.xml", "Zichtbaarheid", NOOR)
    one, two = two_clones(repo, tmp_path)
    assert run_cli("-C", one, "amend", "accept", routes, "--by", SECRETARIAAT)[0] == 0
    assert run_cli("-C", two, "amend", "reject", routes, "--by", GEMEENTE, "--reason", "later")[0] == 0
    assert run_cli("-C", two, "amend", "accept", zichtbaar, "--by", GEMEENTE)[0] == 0
    push_and_pull(two, one)  # this time the first clone merges
    found = statuses(run_cli, one)
    assert (found[routes]["status"], found[zichtbaar]["status"]) == ("contested", "accepted")
    fails_cleanly(run_cli, one, "version", "create", "2023", "--by", SECRETARIAAT, code=3, contains=routes)
    code, out, err = run_cli("-C", one, "amend", "reject", routes, "--by", SECRETARIAAT, "--reason", "toch niet")
    assert code == 0, err
    item = statuses(run_cli, one)[routes]
    assert item["status"] == "rejected" and "competing" not in item
    code, out, _ = run_cli("-C", one, "amend", "show", routes, "--json")
    assert json.loads(out)["status"] == "rejected" and "competing" not in json.loads(out)
    code, out, err = run_cli("-C", one, "version", "create", "2023", "--by", SECRETARIAAT)
    assert code == 0, err
    assert zichtbaar in out and routes not in out
    new = parse_bytes(text_at(one, "version/2023"))
    assert canonical.to_string(clause(new, "ma-akbanken")) == canonical.to_string(
        clause(parse_file(SAMPLE), "ma-akbanken")
    )


def test_the_same_decision_in_two_clones_is_not_contested(repo, run_cli, tmp_path):
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes", NOOR)
    netwerken = propose(run_cli, repo, AMENDMENTS / "informele-netwerken.xml", "Netwerken", NOOR)
    one, two = two_clones(repo, tmp_path)
    for clone, who in ((one, SECRETARIAAT), (two, GEMEENTE)):
        assert run_cli("-C", clone, "amend", "accept", routes, "--by", who)[0] == 0
        assert run_cli("-C", clone, "amend", "reject", netwerken, "--by", who, "--reason", "nee")[0] == 0
    push_and_pull(one, two)
    found = statuses(run_cli, two)
    assert (found[routes]["status"], found[netwerken]["status"]) == ("accepted", "rejected")
    assert "competing" not in found[routes] and statuses(run_cli, two, "--status", "contested") == {}
    fails_cleanly(run_cli, two, "amend", "accept", routes, "--by", SECRETARIAAT, contains="already accepted")
    fails_cleanly(
        run_cli, two, "amend", "reject", netwerken, "--by", SECRETARIAAT, "--reason", "r", contains="already rejected"
    )
    code, out, err = run_cli("-C", two, "version", "create", "2023", "--by", SECRETARIAAT)
    assert code == 0, err
    assert f"Akkoord-Amendments: {routes}\n" in git(two, "cat-file", "-p", "version/2023") + "\n"
    assert statuses(run_cli, two)[routes]["status"] == "consolidated"


def test_withdrawn_in_one_clone_and_accepted_in_another_is_contested(repo, run_cli, tmp_path):
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes", NOOR)
    one, two = two_clones(repo, tmp_path)
    assert run_cli("-C", one, "amend", "withdraw", routes, "--by", NOOR, "--reason", "herschrijven")[0] == 0
    assert run_cli("-C", two, "amend", "accept", routes, "--by", SECRETARIAAT)[0] == 0
    push_and_pull(one, two)
    item = statuses(run_cli, two)[routes]
    assert item["status"] == "contested"
    assert sorted(c["status"] for c in item["competing"]) == ["accepted", "withdrawn"]
    code, out, err = run_cli("-C", two, "amend", "withdraw", routes, "--by", NOOR, "--reason", "toch herschrijven")
    assert code == 0, err
    assert statuses(run_cli, two)[routes]["status"] == "withdrawn"
    code, out, err = run_cli("-C", two, "version", "create", "2023", "--by", SECRETARIAAT)
    assert code == 0, err
    assert routes not in out


def test_rejected_in_one_clone_while_another_consolidated_it(repo, run_cli, tmp_path):
    """A version already holds the change: the contest is shown and blocks the next version; accepting it
    again keeps it consolidated (it is not consolidated twice)."""
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes", NOOR)
    one, two = two_clones(repo, tmp_path)
    assert run_cli("-C", one, "amend", "reject", routes, "--by", GEMEENTE, "--reason", "nee")[0] == 0
    assert run_cli("-C", two, "amend", "accept", routes, "--by", SECRETARIAAT)[0] == 0
    code, out, err = run_cli("-C", two, "version", "create", "2023", "--by", SECRETARIAAT)
    assert code == 0, err
    push_and_pull(two, one)
    item = statuses(run_cli, one)[routes]
    assert item["status"] == "contested"
    assert sorted(c["status"] for c in item["competing"]) == ["consolidated", "rejected"]
    fails_cleanly(run_cli, one, "version", "create", "2024", "--by", SECRETARIAAT, code=3, contains=routes)
    code, out, err = run_cli("-C", one, "amend", "accept", routes, "--by", SECRETARIAAT)
    assert code == 0, err
    assert "stays consolidated" in out
    assert statuses(run_cli, one)[routes]["status"] == "consolidated"
    code, out, err = run_cli("-C", one, "version", "create", "2024", "--by", SECRETARIAAT)
    assert code == 0, err
    assert routes not in out


def test_a_concurrent_rebase_and_acceptance_are_contested(repo, run_cli, tmp_path):
    """One clone accepted revision 1 while another redrafted it as revision 2: not the same decision."""
    routes = propose(run_cli, repo, AMENDMENTS / "meer-routes.xml", "Meer routes", NOOR)
    one, two = two_clones(repo, tmp_path)
    assert run_cli("-C", one, "amend", "accept", routes, "--by", SECRETARIAAT)[0] == 0
    start = tmp_path / "redraft.xml"
    assert run_cli("-C", two, "amend", "rebase", routes, "--write", start)[0] == 0
    root = parse_file(start)
    set_text("andere-routes", "Andere routes, herschreven.")(root)
    start.write_bytes(canonical.to_bytes(root))
    code, _, err = run_cli("-C", two, "amend", "rebase", routes, "--from-file", start, "--by", NOOR)
    assert code == 0, err
    push_and_pull(one, two)
    item = statuses(run_cli, two)[routes]
    assert item["status"] == "contested"
    assert sorted((c["status"], c["revision"]) for c in item["competing"]) == [("accepted", 1), ("revised", 2)]
    fails_cleanly(run_cli, two, "version", "create", "2023", "--by", SECRETARIAAT, code=3, contains=routes)
    assert run_cli("-C", two, "amend", "accept", routes, "--by", SECRETARIAAT)[0] == 0
    code, out, _ = run_cli("-C", two, "amend", "show", routes, "--json")
    assert json.loads(out)["status"] == "accepted" and json.loads(out)["revision"] == 2
    code, out, err = run_cli("-C", two, "version", "create", "2023", "--by", SECRETARIAAT)
    assert code == 0, err
    assert "Andere routes, herschreven." in "".join(
        clause(parse_bytes(text_at(two, "version/2023")), "andere-routes").itertext()
    )


# --- repositories without amendments --------------------------------------------------------------------


def test_blame_without_amendments_names_versions_only(repo, run_cli, tmp_path):
    editorial = edited_copy(tmp_path, "ed", set_text("looptijd", "Tot ten minste 2030."))
    (repo / "akkoord.xml").write_bytes(editorial.read_bytes())
    assert run_cli("-C", repo, "commit", "-m", "Redactie", "--by", SECRETARIAAT)[0] == 0
    code, out, _ = run_cli("-C", repo, "blame", "--json", "--clause", "looptijd")
    assert [(e["version"], e["kind"], e["amendment"]) for e in json.loads(out)] == [(None, "editorial", None)]
    assert run_cli("-C", repo, "version", "create", "2020", "--by", SECRETARIAAT)[0] == 0
    code, out, _ = run_cli("-C", repo, "blame", "--json")
    entries = {e["clause"]: e for e in json.loads(out)}
    assert entries["looptijd"]["version"] == "2020" and entries["looptijd"]["kind"] == "editorial"
    assert entries["missie"]["version"] == "2019" and entries["missie"]["kind"] == "initial"
    code, out, _ = run_cli("-C", repo, "blame")
    assert "looptijd" in out and "(editorial)" in out


@needs_corpus
def test_blame_on_a_law_imported_from_bwb(tmp_path, run_cli, no_git_identity):
    laws = sorted({f.parent.name for f in bwb_files()})
    files = next((found for law in laws if len(found := bwb_files(law)) >= 2), None)
    if files is None:
        pytest.skip("no law with two versions in the corpus")
    texts = []
    for index, source in enumerate(files[:2]):
        out = tmp_path / f"v{index}.xml"
        code, _, err = run_cli("import", "bwb", source, "-o", out)
        assert code == 0, err
        texts.append(out)
    repo = tmp_path / "wet"
    assert run_cli("init", repo, "--from", texts[0], "--by", "Redactie")[0] == 0
    assert run_cli("-C", repo, "version", "create", "v1", "--date", "2000-01-01", "--by", "Redactie")[0] == 0
    (repo / "akkoord.xml").write_bytes(texts[1].read_bytes())
    run_cli("-C", repo, "commit", "-m", "Nieuwe toestand", "--by", "Redactie")
    assert run_cli("-C", repo, "version", "create", "v2", "--date", "2001-01-01", "--by", "Redactie")[0] == 0
    code, out, err = run_cli("-C", repo, "blame", "--json")
    assert code == 0, err
    entries = json.loads(out)
    assert entries and {e["version"] for e in entries} <= {"v1", "v2"} and all(e["amendment"] is None for e in entries)
