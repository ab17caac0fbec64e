"""Amendments as REFs and block-level acceptance, through the CLI on real repositories.

`amend/ID` is a REF like any other (the amendment's base with the amendment applied): `redline BASE amend/ID`
in every format, and `amend show ID` gives the same complete redline; a Word redline of an amendment carries
its proposers and proposal date. Two amendments to different leden of one clause both accept and reach the
next version; the same lid changed twice is refused, showing just that lid."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from conftest import SAMPLE, SECRETARIAAT
from helpers import assert_one_line_error, git, snapshot

from akkoordvc.model import canonical, names
from akkoordvc.model.xmlparse import parse_bytes, parse_file

NOOR = "Noor Haddou <noor@netwerk.example>"
FENNA = "Fenna de Boer <fenna.deboer@netwerk.example>"


@pytest.fixture
def repo(sample_repo):
    return sample_repo


def clause(root, ident):
    (found,) = [c for c in root.iter(names.CLAUSE) if c.get(names.ID) == ident]
    return found


def lid(root, ident, num):
    (found,) = [p for p in clause(root, ident).iter(names.PARA) if p.get(names.NUM) == num]
    return found.find(names.P)


def copy_with(tmp_path, name, *changes):
    root = parse_file(SAMPLE)
    for change in changes:
        change(root)
    path = tmp_path / f"{name}.xml"
    path.write_bytes(canonical.to_bytes(root))
    return path


def set_lid(ident, num, old, new):
    def change(root):
        p = lid(root, ident, num)
        assert old in p.text
        p.text = p.text.replace(old, new)

    return change


def set_preamble(old, new):
    def change(root):
        (p,) = [p for p in root.find(names.PREAMBLE).iter(names.P) if p.text and old in p.text]
        p.text = p.text.replace(old, new)

    return change


def propose(run_cli, repo, path, title, by=NOOR, *extra):
    code, out, err = run_cli(
        "-C", repo, "amend", "propose", "--from-file", path, "--title", title, "--by", by, "--json", *extra
    )
    assert code == 0, err
    return json.loads(out)["id"]


def ok(run_cli, *args):
    code, out, err = run_cli(*args)
    assert code == 0, err
    return out


def refused(run_cli, repo, *args, fragments=()):
    """A command that fails with one line naming `fragments`, and changes nothing."""
    before = snapshot(repo)
    code, _, err = run_cli("-C", repo, *args)
    assert_one_line_error(code, err, *fragments)
    assert snapshot(repo) == before
    return err


@pytest.fixture
def amended(repo, run_cli, tmp_path):
    """An amendment by two proposers that changes the preamble and lid 2 of looptijd (only)."""
    path = copy_with(
        tmp_path,
        "voorstel",
        set_preamble("tijd kost", "tijd en geduld kost"),
        set_lid("looptijd", "2", "eenmaal per bestuursperiode", "eenmaal per twee jaar"),
    )
    ident = propose(run_cli, repo, path, "Vaker bezien", NOOR, "--co-proposer", FENNA, "--date", "2022-07-04")
    return ident


# --- amend/ID as a REF ----------------------------------------------------------------------------------------


def test_redline_against_an_amendment_is_complete_and_the_same_as_amend_show(repo, run_cli, amended):
    prefix = amended[:16]
    data = json.loads(ok(run_cli, "-C", repo, "redline", "2019", f"amend/{prefix}", "--format", "json"))
    assert data["new"]["ref"] == f"amend/{amended}" and data["old"]["label"] == "2019"
    assert data["stats"]["parts_changed"] == 1 and data["stats"]["modified"] == 1
    (part,) = data["parts"]
    assert part["kind"] == "preamble" and "tijd en geduld kost" in part["new_text"]
    (changed,) = data["clauses"]
    assert changed["id"] == "looptijd"
    blocks = [(b["num"], b["change"]) for b in changed["blocks"] if b["kind"] == "para"]
    assert blocks == [("1", "unchanged"), ("2", "modified"), ("3", "unchanged")]
    shown = json.loads(ok(run_cli, "-C", repo, "amend", "show", prefix, "--format", "json"))
    assert shown["redline"] == data
    assert shown["id"] == amended and shown["check"]["state"] == "clean"
    assert json.loads(ok(run_cli, "-C", repo, "amend", "show", prefix, "--json")) == shown


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_amend_show_html_and_docx_are_the_redline_against_the_base(repo, run_cli, amended, tmp_path, fmt):
    shown, redlined = tmp_path / f"show.{fmt}", tmp_path / f"redline.{fmt}"
    ok(run_cli, "-C", repo, "amend", "show", amended[:12], "--format", fmt, "-o", shown)
    ok(run_cli, "-C", repo, "redline", "2019", f"amend/{amended[:12]}", "--format", fmt, "-o", redlined)
    assert shown.read_bytes() == redlined.read_bytes()
    if fmt == "html":
        page = shown.read_text("utf-8")
        assert "Aanhef" in page and "geduld" in page and f"amend/{amended}" in page


def test_amend_show_in_the_terminal_shows_a_change_outside_the_clauses(repo, run_cli, tmp_path):
    """An amendment that changes only the preamble: its redline is that change, never "no changes"."""
    ident = propose(
        run_cli, repo, copy_with(tmp_path, "aanhef", set_preamble("tijd kost", "tijd en geduld kost")), "Geduld"
    )
    shown = ok(run_cli, "-C", repo, "amend", "show", ident[:12], "--no-color")
    assert "Geen wijzigingen" not in shown
    assert "\nAanhef  [gewijzigd]\n" in shown and "tijd {+en geduld +}kost" in " ".join(shown.split())
    assert "0 gewijzigd, 0 toegevoegd, 0 verplaatst, 0 verwijderd; 1 ander onderdeel gewijzigd; +2" in " ".join(
        shown.split()
    )


def _authors(docx: bytes) -> set[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        document = package.read("word/document.xml").decode("utf-8")
    return set(re.findall(r'<w:(?:ins|del) [^>]*?w:author="([^"]*)" w:date="([^"]*)"', document))


def test_the_word_redline_of_an_amendment_carries_its_proposers_and_date(repo, run_cli, amended, tmp_path):
    out = tmp_path / "a.docx"
    ok(run_cli, "-C", repo, "amend", "show", amended[:12], "--format", "docx", "-o", out)
    assert _authors(out.read_bytes()) == {("Noor Haddou, Fenna de Boer", "2022-07-04T00:00:00Z")}
    # --author and --date still decide when given
    ok(
        run_cli, "-C", repo, "redline", "2019", f"amend/{amended[:12]}", "--format", "docx", "-o", out,
        "--author", "Griffie", "--date", "2022-09-01",
    )  # fmt: skip
    assert _authors(out.read_bytes()) == {("Griffie", "2022-09-01T00:00:00Z")}
    # against another text than its base, the changes are not all the amendment's: no proposer is named
    (repo / "akkoord.xml").write_bytes(
        (repo / "akkoord.xml").read_bytes().replace(b"tot en met 2025", b"tot en met 2026")
    )
    ok(run_cli, "-C", repo, "redline", "working", f"amend/{amended[:12]}", "--format", "docx", "-o", out)
    assert {author for author, _ in _authors(out.read_bytes())} == {"akkoordvc"}


def test_every_format_and_command_takes_an_amendment_ref(repo, run_cli, amended):
    ref = f"amend/{amended[:12]}"
    term = ok(run_cli, "-C", repo, "redline", "2019", ref, "--no-color")
    assert "Aanhef" in term and "eenmaal per [-bestuursperiode-]{+twee jaar+}" in " ".join(term.split())
    xml = ok(run_cli, "-C", repo, "redline", "2019", ref, "--format", "xml")
    assert "twee jaar" in xml and "bestuursperiode" in xml
    shown = ok(run_cli, "-C", repo, "show", ref, "--clause", "looptijd")
    assert "eenmaal per twee jaar" in shown
    text = parse_bytes(ok(run_cli, "-C", repo, "show", ref, "--format", "xml").encode("utf-8"))
    assert "tijd en geduld kost" in "".join(text.find(names.PREAMBLE).itertext())
    # an amendment compared with another amendment
    other = ok(run_cli, "-C", repo, "redline", ref, ref, "--no-color")
    assert "Geen wijzigingen" in other
    refused(run_cli, repo, "blame", ref, fragments=("not an amendment",))


def test_bad_amendment_refs_are_one_clear_line(repo, run_cli, amended, tmp_path):
    second = propose(
        run_cli, repo, copy_with(tmp_path, "b", set_lid("looptijd", "1", "2025", "2030")), "Later", NOOR,
        "--date", "2022-07-04",
    )  # fmt: skip
    refused(run_cli, repo, "redline", "2019", "amend/2022-07-04", fragments=("ambiguous", amended, second))
    refused(run_cli, repo, "redline", "2019", "amend/2099", fragments=("no amendment '2099'", "amend list"))
    refused(run_cli, repo, "redline", "2019", "amend/", fragments=("give an amendment id",))
    refused(run_cli, repo, "amend", "show", "2099", fragments=("no amendment '2099'",))
    # a record damaged in the repository: the file and what is wrong with it
    record = repo / "amendments" / second / "amendment.xml"
    good = record.read_bytes()
    record.write_bytes(good[: len(good) // 2])
    git(repo, "-c", "user.name=T", "-c", "user.email=t@x.example", "commit", "-qam", "damage")
    refused(run_cli, repo, "redline", "2019", f"amend/{second}", fragments=(f"amendments/{second}/", "malformed"))
    refused(run_cli, repo, "amend", "show", second, "--format", "html", fragments=("malformed", "last intact"))
    code, _, err = run_cli("-C", repo, "redline", "2019", f"amend/{amended}")  # the other one is not held up
    assert code == 0, err
    # a base that is no longer in the repository (as in a clone without the history it was drafted on)
    damaged = re.sub(rb"<base [^>]*/>", b'<base text-sha256="' + b"0" * 64 + b'"/>', good)
    record.write_bytes(damaged)
    git(repo, "-c", "user.name=T", "-c", "user.email=t@x.example", "commit", "-qam", "lose the base")
    refused(
        run_cli, repo, "redline", "2019", f"amend/{second}", fragments=(second, "base text", "not in this repository")
    )
    refused(run_cli, repo, "amend", "show", second, fragments=("not in this repository",))


def test_an_amendment_ref_outside_a_repository(run_cli, tmp_path, sample_path):
    code, _, err = run_cli("redline", sample_path, "amend/2022", cwd=tmp_path)
    assert_one_line_error(code, err, "amend/2022", "akkoord repository", "-C DIR")


def test_since_uses_the_same_complete_redline(world, run_cli):
    code, _, err = run_cli(
        "attest", "2019", "--signatory", "org-b", "--date", "2019-11-09", "--evidence", "Op papier",
        "--key", world.keys["admin"], cwd=world.root,
    )  # fmt: skip
    assert code == 0, err
    since = json.loads(ok(run_cli, "-C", world.root, "since", "org-b", "--json"))["redline"]
    assert since == json.loads(ok(run_cli, "-C", world.root, "redline", "2019", "2023", "--format", "json"))
    assert since["clauses"] and all("blocks" in c for c in since["clauses"]) and "parts" in since


# --- block-level acceptance -----------------------------------------------------------------------------------


def test_two_amendments_on_different_leden_of_one_clause_both_accept(repo, run_cli, tmp_path):
    first = propose(
        run_cli, repo, copy_with(tmp_path, "a", set_lid("looptijd", "1", "tot en met 2025", "tot en met 2030")),
        "Looptijd tot 2030", NOOR,
    )  # fmt: skip
    second = propose(
        run_cli, repo,
        copy_with(tmp_path, "b", set_lid("looptijd", "2", "eenmaal per bestuursperiode", "eenmaal per twee jaar")),
        "Elke twee jaar bezien", FENNA,
    )  # fmt: skip
    for ident in (first, second):
        ok(run_cli, "-C", repo, "amend", "accept", ident, "--by", SECRETARIAAT)
    listed = {item["id"]: item for item in json.loads(ok(run_cli, "-C", repo, "amend", "list", "--json"))}
    assert {listed[first]["status"], listed[second]["status"]} == {"accepted"}
    created = ok(run_cli, "-C", repo, "version", "create", "2023", "--by", SECRETARIAAT)
    assert first in created and second in created
    text = parse_bytes(git(repo, "show", "version/2023:akkoord.xml").encode("utf-8"))
    assert "tot en met 2030" in lid(text, "looptijd", "1").text
    assert "eenmaal per twee jaar" in lid(text, "looptijd", "2").text
    before = parse_file(SAMPLE)
    assert lid(text, "looptijd", "3").text == lid(before, "looptijd", "3").text
    # the rest of the text is the 2019 text: only looptijd changed
    data = json.loads(ok(run_cli, "-C", repo, "redline", "2019", "2023", "--format", "json"))
    assert [c["id"] for c in data["clauses"]] == ["looptijd"] and data["stats"]["parts_changed"] == 0


def test_the_same_lid_changed_twice_is_refused_showing_just_that_lid(repo, run_cli, tmp_path):
    first = propose(
        run_cli, repo, copy_with(tmp_path, "a", set_lid("looptijd", "1", "tot en met 2025", "tot en met 2030")),
        "Looptijd tot 2030",
    )  # fmt: skip
    other = propose(
        run_cli, repo, copy_with(tmp_path, "b", set_lid("looptijd", "1", "tot en met 2025", "tot en met 2035")),
        "Looptijd tot 2035",
    )  # fmt: skip
    ok(run_cli, "-C", repo, "amend", "accept", first, "--by", SECRETARIAAT)
    before = snapshot(repo)
    code, _, err = run_cli("-C", repo, "amend", "accept", other, "--by", SECRETARIAAT)
    assert code == 3 and snapshot(repo) == before
    headline, *detail = err.splitlines()
    assert "clause looptijd: lid 1 was changed both in the current text and by the amendment" in headline
    detail = "\n".join(detail)
    assert "conflict in looptijd: 1 block(s) in conflict, the rest merges" in detail
    assert "current:     1 Dit akkoord" in detail and "tot en met 2030." in detail
    assert "amendment:   1 Dit akkoord" in detail and "tot en met 2035." in detail
    assert "[-2030-]{+2035+}" in detail  # the redline of just that lid
    assert "eenmaal per bestuursperiode" not in detail and "open netwerkbijeenkomst" not in detail  # no other lid
    check = json.loads(ok(run_cli, "-C", repo, "amend", "show", other, "--json"))["check"]
    (conflict,) = check["conflicts"]
    assert [b["where"] for b in conflict["blocks"]] == ["lid 1"]
