"""A Dutch repository is answered in Dutch: the story's commands (verify, endorsements, signatory list and show,
since, log, version create, registry changes, a forged statement) print no English sentence, the commit messages
they write read in Dutch, and `--lang en` still gives the English texts.

English words are looked for with the deny-list of tests/dutch.py (`english_words`, fixture `dutch`)."""

from __future__ import annotations

import re

import pytest
from dutch import english_words
from helpers import git


def test_the_check_finds_english_and_leaves_code_alone():
    assert english_words("OK: everything verifies (commit 1a2b3c4d5e6f)") == ["everything", "verifies"]
    assert english_words("1 probleem:\n  - endorsements/org-a/000001-ab.json: is gewijzigd") == []
    assert english_words("zie `akkoord signatory add ID --key KEY` en --trust-anchor") == []


def said(run_cli, root, *args, expect=0):
    code, out, err = run_cli("-C", root, *args)
    assert code == expect, (args, out, err)
    return out + err


STORY = [
    ("verify",),
    ("endorsements",),
    ("signatory", "list"),
    ("signatory", "show", "org-a"),
    ("signatory", "show", "college-2026-2030"),
    ("signatory", "show", "college-2018-2022"),
    ("since", "org-a", "--no-color"),
    ("log",),
    ("status",),
]


@pytest.mark.parametrize("args", STORY, ids=" ".join)
def test_the_story_speaks_dutch_in_a_dutch_repository(world, run_cli, dutch, args):
    output = said(run_cli, world.root, *args)
    assert output.strip() and not english_words(output), output


def test_the_matrix_and_the_report_in_dutch_words(world, run_cli, dutch):
    matrix = said(run_cli, world.root, "endorsements")
    assert matrix.startswith("ondertekenaar ") and "2023 (huidig)" in matrix
    assert "ondertekend" in matrix and "geweigerd" in matrix and "* vastgelegd:" in matrix
    assert "college-2026-2030 (zittend)" in matrix
    report = said(run_cli, world.root, "verify")
    assert report.splitlines()[-1].startswith("OK: alles klopt (commit ")
    assert "verklaringen: " in report and "register: volgnummer " in report
    shown = said(run_cli, world.root, "signatory", "show", "org-a")
    assert "  soort      organisatie" in shown and "  sleutel    SHA256:" in shown and "[geldig]" in shown


def test_the_same_commands_in_english_with_lang_en(world, run_cli, dutch):
    matrix = said(run_cli, world.root, "--lang", "en", "endorsements")
    assert matrix.startswith("signatory ") and "2023 (current)" in matrix and "declined" in matrix
    report = said(run_cli, world.root, "--lang", "en", "verify")
    assert report.splitlines()[-1].startswith("OK: everything verifies (commit ")


def test_a_forged_statement_is_reported_in_dutch(world, run_cli, dutch):
    path = world.statements("endorsements", "org-b")[0]
    forged = world.read(path).replace(b'"decision":"decline"', b'"decision":"endorse"')
    assert forged != world.read(path)
    world.git_commit({path: forged}, "toch ondertekend")
    output = said(run_cli, world.root, "verify", expect=1)
    assert not english_words(output), output
    assert "past niet bij de handtekening: de verklaring is gewijzigd nadat zij werd ondertekend" in output
    assert "is gewijzigd in commit " in output and "de naam past niet bij de inhoud" in output
    assert re.search(r"^\d+ problemen:$", output, re.MULTILINE), output
    assert "let op: om de bestanden terug te zetten" in output


def test_commands_write_dutch_commit_messages_in_a_dutch_repository(world, run_cli, dutch, tmp_path):
    before = git(world.root, "rev-parse", "HEAD").strip()
    admin = ("--key", world.keys["admin"], "--by", "Secretariaat <s@example.org>")
    out = said(
        run_cli, world.root, "signatory", "add", "org-d", "--name", "Stichting D", "--kind", "organisation", *admin
    )
    assert out.startswith("Ondertekenaar org-d toegevoegd (vastlegging "), out
    assert not english_words(out), out
    text = (world.root / "akkoord.xml").read_bytes().replace(b"ruim 40 bijeenkomsten", b"wel 40 bijeenkomsten")
    (world.root / "akkoord.xml").write_bytes(text)
    said(run_cli, world.root, "commit", "-m", "Redactioneel", "--by", "Secretariaat <s@example.org>")
    out = said(run_cli, world.root, "version", "create", "2027", "--date", "2026-11-27", *admin)
    assert out.startswith("Versie 2027 (2026-11-27) gemaakt op "), out
    assert not english_words(out), out
    subjects = git(world.root, "log", "--format=%s", f"{before}..HEAD").strip().split("\n")
    assert subjects == [
        "Versie 2027: de ondertekende vastlegging",
        "Redactioneel",
        "Ondertekenaar org-d toegevoegd: Stichting D",
    ], subjects
    tag = git(world.root, "tag", "-l", "--format=%(contents)", "version/2027")
    assert tag.startswith("Versie 2027\n") and "Akkoord-Label: 2027" in tag  # the trailers code reads stay
    said(run_cli, world.root, "verify")  # and what was written still verifies


def test_init_speaks_and_writes_the_language_of_the_text(run_cli, dutch, tmp_path, no_git_identity):
    from conftest import SAMPLE

    out = said(run_cli, tmp_path, "init", tmp_path / "nieuw", "--from", SAMPLE, "--by", "S <s@example.org>")
    assert out.startswith("Repository van het akkoord gemaakt in "), out
    assert git(tmp_path / "nieuw", "log", "-1", "--format=%s").startswith("Begin akkoord maak020: ")


ADMIN_BY = "Secretariaat <s@example.org>"


def test_the_amendment_story_speaks_dutch_and_writes_dutch_history(world, run_cli, dutch, tmp_path):
    before = git(world.root, "rev-parse", "HEAD").strip()
    edited = tmp_path / "bewerkt.xml"
    edited.write_bytes((world.root / "akkoord.xml").read_bytes().replace(b"ruim 40 bijeenkomsten", b"41 bijeenkomsten"))
    noor = ("--by", "Noor <noor@example.org>")
    out = said(
        run_cli,
        world.root,
        "amend",
        "propose",
        "--from-file",
        edited,
        "--title",
        "Precies tellen",
        "--date",
        "2026-11-27",
        *noor,
    )
    ident = out.splitlines()[0]
    admin = ("--key", world.keys["admin"], "--by", ADMIN_BY)
    steps = [
        ("amend", "list"),
        ("amend", "show", ident, "--no-color"),
        ("amend", "accept", ident, "--reason", "aangenomen in de vergadering", *admin),
        ("amend", "list"),
        ("version", "create", "2027", "--date", "2026-11-27", *admin),
        ("amend", "show", ident, "--no-color"),
        ("blame", "--clause", "ontstaan"),
        ("blame",),
        ("history", "--clause", "ontstaan", "--no-color"),
    ]
    for args in steps:
        output = said(run_cli, world.root, *args)
        assert not english_words(output), (args, output)
    shown = said(run_cli, world.root, "amend", "show", ident, "--no-color")
    assert shown.startswith(f"amendement {ident}\ntitel      Precies tellen\nstatus     verwerkt op ")
    assert "  1. vervang de tekst van artikel ontstaan" in shown and "basis      versie 2023 (" in shown
    listed = said(run_cli, world.root, "amend", "list")
    assert listed.startswith("ID") and "BASIS" in listed and "verwerkt" in listed
    subjects = git(world.root, "log", "--format=%s", f"{before}..HEAD").strip().split("\n")
    assert f"Amendement {ident} voorgesteld: Precies tellen" in subjects
    assert f"Amendement {ident} aangenomen: Precies tellen" in subjects
    assert "Versie 2027 samengesteld" in subjects
    assert not english_words("\n".join(subjects)), subjects
    events = git(world.root, "show", "HEAD~1", "--", f"amendments/{ident}/events")
    assert 'reason="versie 2027"' in events or ">versie 2027<" in events, events  # the consolidation's reason


def test_endorse_and_attest_speak_and_write_dutch(world, run_cli, dutch):
    before = git(world.root, "rev-parse", "HEAD").strip()
    out = said(run_cli, world.root, "endorse", "2023", "--as", "org-c", "--key", world.keys["org-c"], "--yes")
    assert out.startswith("Coöperatie C (org-c): ondertekent versie 2023 op "), out
    assert not english_words(out), out
    admin = ("--key", world.keys["admin"], "--by", ADMIN_BY)
    paper = ("--date", "2019-11-09", "--evidence", "Ondertekend op papier")
    out = said(run_cli, world.root, "attest", "2019", "--signatory", "org-b", *paper, *admin)
    assert out.startswith("Vastgelegd: Vereniging B (org-b) ondertekent versie 2019 op 2019-11-09"), out
    assert not english_words(out), out
    subjects = git(world.root, "log", "--format=%s", f"{before}..HEAD").strip().split("\n")
    assert subjects == [
        "Vastgelegd: Vereniging B ondertekent versie 2019 (2019-11-09)",
        "Versie 2023 ondertekend: Coöperatie C",
    ], subjects
    said(run_cli, world.root, "verify")


MISTAKES = [
    ("show", "1999"),
    ("amend", "show", "geen-amendement"),
    ("since", "niemand"),
    ("endorsements", "1999"),
    ("endorse", "2030", "--as", "org-a", "--key", "KEY:org-a", "--yes"),
    ("version", "create", "2023", "--key", "KEY:admin"),
    ("version", "create", "2031"),
    ("commit", "-m", "niets", "--by", "S <s@example.org>"),
]


@pytest.mark.parametrize("args", MISTAKES, ids=" ".join)
def test_common_mistakes_are_one_dutch_line(world, run_cli, dutch, args):
    args = [str(world.keys[a[4:]]) if a.startswith("KEY:") else a for a in args]
    code, out, err = run_cli("-C", world.root, *args)
    assert code == 1 and not out and err.startswith("akkoord: fout: ") and err.count("\n") == 1, (out, err)
    assert not english_words(err), err
