"""`akkoord redline`: formats, output files, errors, and no git for a redline of two files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest
from conftest import BWB, SAMPLE, needs_corpus
from lxml import etree

from akkoordvc.model import canonical, names
from akkoordvc.model.document import Document
from akkoordvc.model.xmlparse import parse_file

RL = "urn:akkoordvc:redline:2"


def _rl(name):
    return f"{{{RL}}}{name}"


@pytest.fixture
def pair(tmp_path):
    """The sample agreement and an edited copy: 2 modified, 1 removed, 1 added, 1 moved."""
    old = tmp_path / "old.xml"
    old.write_bytes(SAMPLE.read_bytes())
    root = parse_file(SAMPLE)
    by_id = {c.get(names.ID): c for c in root.iter(names.CLAUSE)}
    missie = by_id["missie"]
    missie.find(names.HEADING).text = "Onze missie"
    p = missie.findall(f"{names.PARA}/{names.P}")[1]
    p.text = p.text.replace("groener", "duurzamer")
    first = by_id["aanleiding"].find(f"{names.PARA}/{names.P}")
    first.text = first.text.replace("Steeds meer", "Steeds\u00a0meer")
    gone = by_id["een-gemeente"]
    gone.getparent().remove(gone)
    added = etree.Element(names.CLAUSE, {names.ID: "nieuw-artikel", names.NUM: "32a"})
    etree.SubElement(added, names.HEADING).text = "Nieuw"
    etree.SubElement(added, names.P).text = "Dit artikel is nieuw in deze versie van het akkoord."
    by_id["cooperaties"].addnext(added)
    moved = by_id["regelruimte"]
    target = by_id["maatschappelijk-aanbesteden"]
    target.addprevious(moved)
    new = tmp_path / "new.xml"
    new.write_bytes(canonical.to_bytes(root))
    return old, new


def _lines(text):
    return [line for line in text.splitlines() if line.strip()]


# --- term ---------------------------------------------------------------------------------------


def test_term_without_tty_uses_word_diff_markup(run_cli, pair):
    old, new = pair
    code, out, err = run_cli("redline", old, new)
    assert code == 0, err
    assert "\x1b[" not in out
    assert "[-groener-]{+duurzamer+}" in out
    assert "{+Onze +}Missie" in out or "[-Missie-]{+Onze missie+}" in out
    assert "⟨NBSP⟩" in out  # an invisible change is made visible
    assert "Artikel 28" in out and "verwijderd" in out
    assert "Artikel 32a" in out and "toegevoegd" in out
    assert "verplaatst van Hoofdstuk 4 Randvoorwaarden" in out or "verplaatst van" in out
    summary = _lines(out)[-1]
    assert summary.startswith("2 gewijzigd, 1 toegevoegd, 1 verplaatst, 1 verwijderd; +")
    assert "Artikel 1 " in out and "Artikel 3 " not in out  # unchanged clauses only with --all


def test_term_all_and_color(run_cli, pair):
    old, new = pair
    code, out, _ = run_cli("redline", old, new, "--all", "--color")
    assert code == 0
    assert "\x1b[31;9m" in out and "\x1b[32;4m" in out
    assert "Artikel 3" in out and "[ongewijzigd]" in out


def test_term_no_changes(run_cli):
    code, out, _ = run_cli("redline", SAMPLE, SAMPLE)
    assert code == 0
    assert "Geen wijzigingen" in out
    assert _lines(out)[-1] == "0 gewijzigd, 0 toegevoegd, 0 verplaatst, 0 verwijderd; +0 \u22120 woorden"


@pytest.fixture
def whole(tmp_path):
    """The sample with a preamble change, a title change, a division heading change and a change in lid 2 of
    clause 46 only; the last clause made a closing formula (not an article)."""
    old_root = parse_file(SAMPLE)
    body = old_root.find(names.BODY)
    closing = etree.SubElement(
        body, names.CLAUSE, {names.ID: "slot", names.KIND: "closing", names.NUM: "Ondertekening"}
    )
    etree.SubElement(closing, names.P).text = "Aldus overeengekomen te Amsterdam."
    old = tmp_path / "old.xml"
    old.write_bytes(canonical.to_bytes(old_root))
    root = parse_file(old)
    root.find(f"{names.META}/{names.TITLE}").text = "Maatschappelijk akkoord Amsterdam 2023"
    first = root.find(f"{names.PREAMBLE}/{names.P}").getnext()
    first.text = first.text.replace("die er wonen, werken", "die er wonen, leren, werken")
    division = root.find(f"{names.BODY}/{names.DIVISION}")
    division.find(names.HEADING).text = "Wat is er en waar komt het vandaan?"
    lid = root.find(".//clause[@id='looptijd']/para[@num='2']/p")
    lid.text = lid.text.replace("met enige regelmaat", "elk jaar")
    root.find(".//clause[@id='slot']/p").text = "Aldus overeengekomen te Amsterdam, in tweevoud."
    new = tmp_path / "new.xml"
    new.write_bytes(canonical.to_bytes(root))
    return old, new


def test_term_shows_every_part_in_document_order_with_its_own_label(run_cli, whole):
    old, new = whole
    code, out, err = run_cli("redline", old, new)
    assert code == 0, err
    headers = [line for line in out.splitlines() if line and not line.startswith((" ", "---", "+++"))]
    assert headers[:5] == [
        "Titel  [gewijzigd]",
        "Aanhef  [gewijzigd]",
        "Deel I (kop)  [gewijzigd]",
        "Artikel 46  Looptijd en vernieuwing  [gewijzigd]",
        "Ondertekening  [gewijzigd]",  # a closing formula is not called "Artikel"
    ]
    assert "    Maatschappelijk akkoord Amsterdam{+ 2023+}" in out
    assert "wonen,{+ leren,+} werken" in out
    assert "    Wat [-en waar-]{+is er en waar komt het+} vandaan?" in out
    assert "Geen wijzigingen" not in out
    assert _lines(out)[-1].startswith("2 gewijzigd, 0 toegevoegd, 0 verplaatst, 0 verwijderd; 3 andere onderdelen")


def test_term_shows_a_change_in_its_lid_whole_with_a_lid_of_context(run_cli, whole):
    old, new = whole
    code, out, _ = run_cli("redline", old, new)
    clause = out.split("Artikel 46", 1)[1].split("\n\n", 1)[0].splitlines()
    assert clause[1].strip() == "2 woorden ingevoegd, 3 woorden verwijderd"
    assert clause[2].startswith("    1 Dit akkoord geldt vanaf") and clause[2].endswith("…")  # context, one line
    assert (
        clause[3] == "    2 De partijen brengen het akkoord [-met enige regelmaat-]{+elk jaar+} bij de tijd, zodat het"
    )
    assert clause[4].startswith(
        "      blijft aansluiten bij wat er in de stad gebeurt."
    )  # the changed lid whole, wrapped
    assert "Zij beoordelen ten minste eenmaal per bestuursperiode" in " ".join(out.split())
    assert clause[-1].startswith("    3 Een actualisering")


def test_term_wraps_to_the_width_and_never_shortens_a_changed_block(whole):
    from akkoordvc.model.document import Document
    from akkoordvc.ops.align import compute
    from akkoordvc.ops.redline import Side
    from akkoordvc.present.term import render

    old, new = whole
    redline = compute(Document.from_file(old), Document.from_file(new), Side("a", None, ""), Side("b", None, ""))
    for width in (50, 72, 120):
        text = render(redline, width=width)
        assert max(len(line) for line in text.splitlines() if not line.startswith(("---", "+++"))) <= width
        flat = " ".join(text.split())
        assert "Zij beoordelen ten minste eenmaal per bestuursperiode of een actualisering nodig is." in flat
    everything = " ".join(render(redline, include_unchanged=True, width=100).split())
    for change in redline.clauses:  # --all: every clause whole, the unchanged ones as they stand
        if not change.changed:
            assert " ".join(change.new_text.split()[-8:]) in everything


# --- json ---------------------------------------------------------------------------------------


def test_json_has_parts_beside_clauses_and_blocks_in_clauses(run_cli, whole):
    old, new = whole
    code, out, err = run_cli("redline", old, new, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    parts = [(p["kind"], p["id"], p["change"]) for p in data["parts"]]
    assert parts == [
        ("title", "title", "modified"),
        ("preamble", "preamble", "modified"),
        ("division", "deel-1", "modified"),
    ]
    for part in data["parts"]:
        assert {"kind", "id", "num", "old_num", "change", "old_text", "new_text", "words"} <= set(part)
    assert data["parts"][2]["old_text"] == "Wat en waar vandaan?" and data["parts"][2]["num"] == "I"
    assert data["stats"]["parts_changed"] == 3
    clause = next(c for c in data["clauses"] if c["id"] == "looptijd")
    for block in clause["blocks"]:
        assert {"kind", "num", "change", "old_text", "new_text", "words"} <= set(block)
    changed = [(b["kind"], b["num"], b["change"]) for b in clause["blocks"] if b["change"] != "unchanged"]
    assert changed == [("para", "2", "modified")]
    assert [b["num"] for b in clause["blocks"] if b["kind"] == "para"] == ["1", "2", "3"]
    slot = next(c for c in data["clauses"] if c["id"] == "slot")
    assert slot["kind"] == "closing"
    seqs = [x["seq"] for x in data["parts"] + data["clauses"]]
    assert seqs == sorted(seqs)  # the parts and clauses in one document order


def test_json_shape(run_cli, pair):
    old, new = pair
    code, out, err = run_cli("redline", old, new, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"old", "new", "stats", "clauses"}
    assert data["old"]["ref"] == str(old)
    assert set(data["old"]) >= {"ref", "label", "text_sha256"}
    assert len(data["new"]["text_sha256"]) == 64
    stats = data["stats"]
    assert (stats["modified"], stats["added"], stats["removed"], stats["moved"]) == (2, 1, 1, 1)
    by_id = {c["id"] or c["old_id"]: c for c in data["clauses"]}
    assert set(by_id) == {"missie", "aanleiding", "een-gemeente", "nieuw-artikel", "regelruimte"}
    for clause in data["clauses"]:
        assert {"id", "old_id", "num", "old_num", "change", "old_text", "new_text", "words"} <= set(clause)
        assert "".join(t for op, t in clause["words"] if op != "+") == clause["old_text"]
        assert "".join(t for op, t in clause["words"] if op != "-") == clause["new_text"]
    assert ["-", "groener"] in by_id["missie"]["words"] and ["+", "duurzamer"] in by_id["missie"]["words"]
    assert by_id["een-gemeente"]["change"] == "removed" and by_id["een-gemeente"]["id"] is None
    assert by_id["regelruimte"]["change"] == "moved"
    assert by_id["regelruimte"]["old_division"] == "h-randvoorwaarden"
    assert by_id["regelruimte"]["division"] == "h-financiering"
    code, out, _ = run_cli("redline", old, new, "--format", "json", "--all")
    assert len(json.loads(out)["clauses"]) == 50


# --- xml ----------------------------------------------------------------------------------------


def test_xml_output_is_well_formed_and_marks_changes(run_cli, pair, tmp_path):
    from test_redline_xml import project

    old, new = pair
    out_file = tmp_path / "redline.xml"
    code, out, err = run_cli("redline", old, new, "--format", "xml", "-o", out_file)
    assert code == 0, err
    assert out == ""
    data = out_file.read_bytes()
    assert data.startswith(b"<?xml")
    root = etree.fromstring(data)
    assert root.tag == names.AGREEMENT and root.nsmap.get("rl") == RL
    assert root[0].tag == _rl("summary") and root[0].get("old-ref") == str(old)
    clauses = {}
    for clause in root.iter(names.CLAUSE):
        clauses.setdefault(clause.get(names.ID), []).append(clause)
    (missie,) = clauses["missie"]
    assert missie.get(_rl("change")) == "modified"
    dels = ["".join(e.itertext()) for e in missie.iter(_rl("del"))]
    ins = ["".join(e.itertext()) for e in missie.iter(_rl("ins"))]
    assert "groener" in dels and "duurzamer" in ins
    (gone,) = clauses["een-gemeente"]
    assert gone.getparent().tag == _rl("del") and gone.get(_rl("change")) == "removed"
    (added,) = clauses["nieuw-artikel"]
    assert added.getparent().tag == _rl("ins") and added.get(_rl("change")) == "added"
    was, now = clauses["regelruimte"]  # deleted where it stood, inserted where it stands
    assert (was.getparent().tag, was.getparent().get("moved-to")) == (_rl("del"), "regelruimte")
    assert (now.getparent().tag, now.getparent().get("moved-from")) == (_rl("ins"), "regelruimte")
    assert now.get(_rl("change")) == "moved"
    # the removed clause stands where it stood: after its old predecessor
    assert gone.getparent().getprevious().get(names.ID) == "gelijkwaardigheid"
    # lossless: both texts come back
    assert project(data, "new") == canonical.to_bytes(parse_file(new))
    assert project(data, "old") == canonical.to_bytes(parse_file(old))


@pytest.mark.skipif(not BWB.is_dir(), reason=f"test corpus not found at {BWB}")
def test_xml_markup_on_a_real_law_gives_back_both_texts(run_cli, tmp_path):
    from test_redline_xml import project

    from akkoordvc.model.bwb import import_bwb_bytes

    folder = BWB / "BWBR0002629"
    old = folder / "BWBR0002629_2013-10-10_1.xml"
    new = folder / "BWBR0002629_2014-01-01_0.xml"
    code, out, err = run_cli("redline", old, new, "--format", "xml")
    assert code == 0, err
    data = out.encode("utf-8")
    root = etree.fromstring(data)
    changed = [c for c in root.iter(names.CLAUSE) if c.get(_rl("change"))]
    assert len(changed) == 41
    assert project(data, "new") == canonical.to_bytes(import_bwb_bytes(new.read_bytes(), str(new)))
    assert project(data, "old") == canonical.to_bytes(import_bwb_bytes(old.read_bytes(), str(old)))


# --- other formats and output files -------------------------------------------------------------


def test_output_file(run_cli, pair, tmp_path):
    old, new = pair
    target = tmp_path / "out.txt"
    code, out, _ = run_cli("redline", old, new, "-o", target)
    assert code == 0 and out == ""
    text = target.read_text("utf-8")
    assert "[-groener-]{+duurzamer+}" in text and "\x1b[" not in text


def test_html(run_cli, pair, tmp_path):
    old, new = pair
    for extra in ((), ("--side-by-side",)):
        target = tmp_path / "out.html"
        code, out, err = run_cli("redline", old, new, "--format", "html", "-o", target, *extra)
        assert code == 0, err
        page = target.read_text("utf-8")
        assert "<html" in page and "duurzamer" in page


def test_docx(run_cli, pair, tmp_path):
    old, new = pair
    target = tmp_path / "out.docx"
    code, _, err = run_cli(
        "redline", old, new, "--format", "docx", "-o", target, "--author", "Onderhandelaar", "--date", "2024-05-01"
    )
    assert code == 0, err
    with zipfile.ZipFile(target) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "duurzamer" in body and "Onderhandelaar" in body


def test_docx_needs_an_output_file(run_cli, pair):
    old, new = pair
    code, out, err = run_cli("redline", old, new, "--format", "docx")
    assert code == 2 and "-o" in err


def test_bad_date_and_misplaced_options(run_cli, pair, tmp_path):
    old, new = pair
    code, _, err = run_cli("redline", old, new, "--format", "docx", "-o", tmp_path / "x.docx", "--date", "1 mei")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run_cli("redline", old, new, "--side-by-side")
    assert code == 2 and "html" in err


# --- errors -------------------------------------------------------------------------------------


def _one_line_error(code, out, err):
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("akkoord: error: ")
    assert "Traceback" not in err + out


def test_unknown_ref_outside_a_repository(run_cli, tmp_path):
    code, out, err = run_cli("redline", "v1", "v2", cwd=tmp_path)
    _one_line_error(code, out, err)
    assert "v1" in err


def test_missing_file(run_cli, pair, tmp_path):
    old, _ = pair
    code, out, err = run_cli("redline", old, tmp_path / "nope.xml", cwd=tmp_path)
    _one_line_error(code, out, err)
    assert "nope.xml" in err


def test_malformed_file(run_cli, pair, tmp_path):
    old, _ = pair
    bad = tmp_path / "bad.xml"
    bad.write_text("<agreement><body></agreement>", "utf-8")
    code, out, err = run_cli("redline", old, bad)
    _one_line_error(code, out, err)
    assert "bad.xml" in err and "malformed" in err


def test_not_an_agreement(run_cli, pair, tmp_path):
    old, _ = pair
    other = tmp_path / "other.xml"
    other.write_text("<html><body/></html>", "utf-8")
    code, out, err = run_cli("redline", old, other)
    _one_line_error(code, out, err)
    assert "<html>" in err


@pytest.mark.skipif(not BWB.is_dir(), reason=f"test corpus not found at {BWB}")
def test_bwb_files_directly(run_cli):
    folder = BWB / "BWBR0002629"
    code, out, err = run_cli(
        "redline", folder / "BWBR0002629_2013-10-10_1.xml", folder / "BWBR0002629_2014-01-01_0.xml", "--format", "json"
    )
    assert code == 0, err
    stats = json.loads(out)["stats"]
    assert stats["modified"] == 41 and stats["added"] == stats["removed"] == 0  # 39 articles + 2 annexes


# --- no git -------------------------------------------------------------------------------------


def test_redline_of_two_files_does_not_import_git(pair, tmp_path):
    old, new = pair
    script = (
        "import sys\n"
        "from akkoordvc.cli.main import main\n"
        f"code = main(['redline', {str(old)!r}, {str(new)!r}, '--format', 'json',\n"
        f"             '-o', {str(tmp_path / 'o.json')!r}])\n"
        "loaded = sorted(m for m in sys.modules if m == 'git' or m.startswith('git.') or m == 'subprocess')\n"
        "print(code, loaded)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "0 []"
    assert json.loads((tmp_path / "o.json").read_text("utf-8"))["stats"]["removed"] == 1


# --- the fast paths of the command -------------------------------------------------------------


@pytest.mark.skipif(not BWB.is_dir(), reason=f"test corpus not found at {BWB}")
def _without_origin(data: dict) -> dict:
    """A JSON redline as it would be without the clauses' origin metadata."""
    clauses = []
    for clause in data["clauses"]:
        clause = dict(clause)
        clause["changes"] = [k for k in clause["changes"] if k != "origin"] or ["unchanged"]
        clause["change"] = clause["changes"][0]
        clause["blocks"] = [b for b in clause["blocks"] if b["kind"] not in ("origin", "property")]
        clauses.append(clause)
    stats = {**data["stats"], "origin": 0}
    stats["unchanged"] = sum(1 for c in clauses if c["change"] == "unchanged")
    return {"clauses": clauses, "stats": stats}


@needs_corpus
def test_bwb_redline_is_the_redline_of_the_imported_documents(run_cli):
    """The command converts BWB files without their provenance (`origin`) for every format but xml:
    the redline is the one of the full conversions, less what their origins add."""
    from akkoordvc.model.bwb import import_bwb_bytes
    from akkoordvc.ops.align import compute
    from akkoordvc.ops.redline import Side

    folder = BWB / "BWBR0002458"
    old = folder / "BWBR0002458_2012-01-01_0.xml"
    new = folder / "BWBR0002458_2013-01-01_0.xml"
    code, out, err = run_cli("redline", old, new, "--format", "json", "--all")
    assert code == 0, err
    got = json.loads(out)
    full = compute(
        Document(import_bwb_bytes(old.read_bytes(), str(old))),
        Document(import_bwb_bytes(new.read_bytes(), str(new))),
        Side(str(old), None, ""),
        Side(str(new), None, ""),
    ).as_dict(include_unchanged=True)
    assert full["stats"]["origin"] > 0
    assert _without_origin(got) == _without_origin(full)
    assert got["parts"] == full["parts"]


def test_console_script_writes_everything_before_it_exits(akkoord_exe, run_cli, pair, tmp_path):
    """The console script leaves without interpreter teardown after a redline: what it wrote to a pipe
    or a file is complete, and exit codes are kept."""
    old, new = pair
    code, expected, _ = run_cli("redline", old, new, "--format", "json", "--all")
    assert code == 0
    code, out, _ = akkoord_exe("redline", old, new, "--format", "json", "--all")
    assert code == 0 and out == expected
    target = tmp_path / "out.json"
    code, out, _ = akkoord_exe("redline", old, new, "--format", "json", "--all", "-o", target)
    assert code == 0 and out == "" and target.read_text("utf-8") == expected
    code, _, err = akkoord_exe("redline", old, tmp_path / "missing.xml")
    assert code == 1 and len(_lines(err)) == 1
    code, _, err = akkoord_exe("redline", old, new, "--format", "nonsense")
    assert code == 2 and err


@pytest.mark.parametrize("lang, said", [("nl", "de nieuwe tekst is geen geldige akkoordtekst"), ("en", "the new text")])
def test_an_element_outside_every_part_is_named_as_an_invalid_text(run_cli, tmp_path, lang, said):
    """A table straight under <agreement> (found by the fuzz test) is in no part the redline compares: the
    redline names the invalid text in one line instead of an internal error, and never says "no changes"."""
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index(">", text.index("<agreement")) + 1
    invalid = tmp_path / "invalid.xml"
    invalid.write_text(text[:start] + "<table><row><cell>x</cell></row></table>" + text[start:], encoding="utf-8")
    code, out, err = run_cli("--lang", lang, "redline", SAMPLE, invalid, "--format", "json")
    assert code == 1, (code, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and said in lines[0] and "akkoord validate" in lines[0], err
