"""A Dutch user meets the mistakes in a text in Dutch: malformed XML, a DTD, a Word file where XML is expected, a
damaged Word or Markdown copy, a bad date, a text that breaks the schema or akkoord's rules, a missing file; and
what export, site, cosign and init write says it in Dutch too. Each failure through the real CLI in a Dutch
repository: one line, no English word of the deny-list (tests/dutch.py), and `--lang en` gives the English sentence
as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SAMPLE
from dutch import english_words
from helpers import assert_one_line_error, snapshot
from test_plain_mistakes import zipped

from akkoordvc import messages
from akkoordvc.errors import XMLInputError
from akkoordvc.model.validate import schema_sentence
from akkoordvc.model.xmlparse import parse_bytes

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
#: the sample repository has no git identity (like CI): commands that commit name who acts
BY = ("--by", "Secretariaat <s@example.org>")


def test_element_names_are_code_not_english():
    assert english_words("element <clause> hoort hier niet; </heading> ontbreekt") == []
    assert english_words("the clause") == ["the", "clause"]


def failing(run_cli, repo: Path, *args: object, code: int = 1) -> tuple[str, str]:
    """The one line a failing command says in Dutch and, with --lang en, in English (`validate` reports on standard
    output, other commands on standard error); nothing changes."""
    before = snapshot(repo)
    said = {}
    for lang in ("nl", "en"):
        extra = ("--lang", "en") if lang == "en" else ()
        status, out, err = run_cli(*extra, "-C", repo, *args)
        assert status == code, (status, out, err)
        assert_one_line_error(status, out + err)
        said[lang] = (out + err).strip()
    assert snapshot(repo) == before
    assert not english_words(said["nl"]), said["nl"]
    return said["nl"], said["en"]


def write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


# -- XML -----------------------------------------------------------------------------------------------------------


def test_an_unescaped_ampersand(sample_repo, run_cli, dutch, tmp_path):
    bad = write(tmp_path, "bad.xml", SAMPLE_TEXT.replace("werken en zich", "werken & zich", 1))
    nl, en = failing(run_cli, sample_repo, "validate", bad)
    assert "&" in nl and "&amp;" in nl and ":15:" in nl, nl
    assert "&amp;" in en and ":15:" in en, en


def test_a_dtd_is_refused(sample_repo, run_cli, dutch, tmp_path):
    hostile = '<?xml version="1.0"?>\n<!DOCTYPE agreement [<!ENTITY x "y">]>\n<agreement id="a" lang="nl"/>\n'
    bad = write(tmp_path, "dtd.xml", hostile)
    nl, en = failing(run_cli, sample_repo, "validate", bad)
    assert nl.endswith(
        f"{bad}:2: het document bevat een DTD of entiteit (<!DOCTYPE>); die weigert akkoord om "
        "veiligheidsredenen; verwijder de declaratie"
    ), nl
    assert en.endswith(
        f"{bad}:2: document declares a DTD or entity (<!DOCTYPE>), which is refused for safety; remove the declaration"
    ), en


def test_a_tag_closed_by_another(sample_repo, run_cli, dutch, tmp_path):
    bad = write(
        tmp_path,
        "mismatch.xml",
        SAMPLE_TEXT.replace("<heading>Aanleiding</heading>", "<heading>Aanleiding</clause>", 1),
    )
    nl, en = failing(run_cli, sample_repo, "validate", bad)
    assert "geen geldige XML: het element <heading> van regel 23 wordt gesloten met </clause>" in nl, nl
    assert "malformed XML: Opening and ending tag mismatch: heading line 23 and clause; fix the XML and retry" in en


def test_a_text_that_stops_halfway(sample_repo, run_cli, dutch, tmp_path):
    bad = write(tmp_path, "half.xml", SAMPLE_TEXT[: len(SAMPLE_TEXT) // 2])
    nl, en = failing(run_cli, sample_repo, "validate", bad)
    assert "is gesloten; is het afgebroken?" in nl, nl
    assert "malformed XML: Premature end of data in tag" in en, en


HAND_EDITED = [
    (b"<a/><b/>", "1:5: malformed XML: Extra content at the end of the document", "na het einde van het document"),
    (b"<a", "1:3: malformed XML: Couldn't find end of Start Tag a line 1", "wordt niet afgesloten met '>'"),
    (b"hello", "1:1: malformed XML: Start tag expected, '<' not found", "hier wordt een element verwacht"),
    (b"", "1:1: malformed XML: Document is empty", "het document is leeg"),
    (b"<a x=1/>", "1:6: malformed XML: AttValue: \" or ' expected", "tussen aanhalingstekens"),
    (b"<a x/>", "1:5: malformed XML: Specification mandates value for attribute x", "attribuut x heeft geen waarde"),
    (b'<a x="1" x="2"/>', "1:15: malformed XML: Attribute x redefined", "attribuut x staat twee keer"),
    (b"<a>&nbsp;</a>", "1:10: malformed XML: Entity 'nbsp' not defined", "&nbsp; bestaat niet in XML"),
    (b"<a>" * 300, "malformed XML: elements nested deeper than 256 levels are refused", "dieper dan 256 niveaus"),
]


@pytest.mark.parametrize(("data", "english_said", "dutch_said"), HAND_EDITED, ids=[h[2] for h in HAND_EDITED])
def test_mistakes_of_hand_edited_xml_in_plain_dutch(data, english_said, dutch_said):
    """libxml2's words for the common mistakes become plain Dutch; the English stays libxml2's, word for word."""
    with pytest.raises(XMLInputError) as caught:
        parse_bytes(data, "f.xml")
    said = caught.value.said
    assert isinstance(said, messages.Message)
    english = said.render("en")
    assert english.startswith("f.xml:") and english.endswith(f"{english_said}; fix the XML and retry"), english
    dutch = said.render("nl")
    assert dutch_said in dutch and dutch.endswith("herstel de XML en probeer het opnieuw"), dutch
    assert not english_words(dutch), dutch


def test_a_word_file_where_xml_is_expected(sample_repo, run_cli, dutch, tmp_path):
    docx = write(tmp_path, "voorstel.xml", zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<x/>"}))
    nl, en = failing(run_cli, sample_repo, "validate", docx)
    assert "is een Word-document, geen XML" in nl and "akkoord amend propose --from-file" in nl, nl
    assert "is a Word document, not XML" in en, en


def test_a_missing_file(sample_repo, run_cli, dutch, tmp_path):
    nl, en = failing(run_cli, sample_repo, "validate", str(tmp_path / "nergens.xml"))
    assert nl.endswith("nergens.xml: dit bestand bestaat niet; controleer het pad"), nl
    assert en.endswith("nergens.xml: no such file; check the path"), en


# -- the schema and the rules ----------------------------------------------------------------------------------------


INVALID = [
    (
        'clause id="aanleiding"',
        'clause foo="x" id="aanleiding"',
        "element <clause>: het attribuut 'foo' hoort hier niet; verwijder het",
        "Element 'clause', attribute 'foo': The attribute 'foo' is not allowed.",
    ),
    (
        '<clause id="aanleiding" num="1">',
        '<clause num="1">',
        "element <clause> mist het verplichte attribuut 'id'",
        "Element 'clause': The attribute 'id' is required but missing.",
    ),
    (
        "<heading>Aanleiding</heading>",
        "<heading>Aanleiding</heading><bold>x</bold>",
        "element <bold> hoort hier niet; hier past: one of ( subheading, origin, p, list, table, figure, para )",
        "Element 'bold': This element is not expected. Expected is one of ( subheading, origin, p, list, table, "
        "figure, para ).",
    ),
    (
        "<heading>Aanleiding</heading>",
        "<heading>Aanleiding</heading>losse tekst",
        "element <clause> mag geen losse tekst bevatten",
        "Element 'clause': Character content other than whitespace is not allowed because the content type is "
        "'element-only'.",
    ),
    (
        'value="2019-11-09"',
        'value="09-11-2019"',
        "element <date>, attribuut 'value': '09-11-2019' is geen datum; schrijf een datum als JJJJ-MM-DD",
        "Element 'date', attribute 'value': '09-11-2019' is not a valid value of the atomic type 'xs:date'.",
    ),
    (
        'id="deel-1"',
        'id="aanleiding"',
        "id 'aanleiding' komt twee keer voor (eerst op regel 20); elk id moet uniek zijn",
        "duplicate id 'aanleiding' (first used on line 20); every id must be unique",
    ),
]


@pytest.mark.parametrize(("old", "new", "dutch_said", "english_said"), INVALID, ids=[i[2][:30] for i in INVALID])
def test_a_text_that_breaks_the_schema_or_the_rules(
    sample_repo, run_cli, dutch, tmp_path, old, new, dutch_said, english_said
):
    bad = write(tmp_path, "ongeldig.xml", SAMPLE_TEXT.replace(old, new, 1))
    before = snapshot(sample_repo)
    code, out, err = run_cli("-C", sample_repo, "validate", bad)
    assert code == 1 and dutch_said in out, out
    assert not english_words(out.replace(" one of ", " ")), out  # "one of" is the schema's list, quoted
    code, out, err = run_cli("--lang", "en", "-C", sample_repo, "validate", bad)
    assert code == 1 and english_said in out, out
    assert snapshot(sample_repo) == before


def test_every_schema_sentence_keeps_libxml2s_english_word_for_word():
    """The English text of a schema finding is libxml2's sentence itself; one the catalogue has no words for is
    kept as it is (in Dutch behind a plain lead-in)."""
    for _, _, _, english_said in INVALID[:-1]:
        said = schema_sentence(english_said)
        assert said.key != "input.schema.other" and said.render("en") == english_said
    odd = schema_sentence("Element 'x': something libxml2 says rarely.")
    assert odd.render("en") == "Element 'x': something libxml2 says rarely."
    assert odd.render("nl").startswith("past niet in het schema van een akkoordtekst: ")


def test_recording_an_invalid_working_text(sample_repo, run_cli, dutch):
    text = sample_repo / "akkoord.xml"
    text.write_text(text.read_text(encoding="utf-8").replace('<clause id="aanleiding" num="1">', '<clause num="1">', 1))
    nl, en = failing(run_cli, sample_repo, "commit", "-m", "redactioneel", *BY)
    assert "element <clause> mist het verplichte attribuut 'id'" in nl, nl
    assert "Element 'clause': The attribute 'id' is required but missing." in en, en


# -- dates -------------------------------------------------------------------------------------------------------------


def test_a_date_written_day_first(sample_repo, run_cli, dutch):
    nl, en = failing(run_cli, sample_repo, "version", "create", "2024", "--date", "04-07-2022", *BY)
    assert "2022-07-04" in nl and "bedoelde u" in nl, nl
    assert "did you mean 2022-07-04" in en, en


def test_a_wrong_akkoord_today(sample_repo, run_cli, dutch, monkeypatch):
    monkeypatch.setenv("AKKOORD_TODAY", "morgen")
    nl, en = failing(run_cli, sample_repo, "version", "create", "2024", *BY)
    assert nl.endswith("AKKOORD_TODAY='morgen' is geen datum; gebruik JJJJ-MM-DD of verwijder de variabele"), nl
    assert en.endswith("AKKOORD_TODAY='morgen' is not a date; use YYYY-MM-DD or unset it"), en


# -- Word, Markdown and plain text -----------------------------------------------------------------------------------


def test_a_word_copy_without_its_document(sample_repo, run_cli, dutch, tmp_path):
    docx = write(tmp_path, "kopie.docx", zipped({"[Content_Types].xml": b"<Types/>", "docProps/app.xml": b"<a/>"}))
    nl, en = failing(
        run_cli, sample_repo, "amend", "propose", "--from-file", docx, "--title", "t", "--by", "A <a@b.nl>"
    )
    assert nl.endswith(
        "kopie.docx: geen Word-document (.docx): het bevat geen word/document.xml; sla het op als .docx "
        "en probeer het opnieuw"
    ), nl
    assert en.endswith("not a Word document (.docx): it has no word/document.xml; save it as .docx and retry"), en


def test_a_markdown_copy_with_open_front_matter(sample_repo, run_cli, dutch, tmp_path):
    markdown = write(tmp_path, "kopie.md", "---\nagreement: maak020\n\n# Titel\n")
    nl, en = failing(
        run_cli, sample_repo, "amend", "propose", "--from-file", markdown, "--title", "t", "--by", "A <a@b.nl>"
    )
    assert "kopie.md:1: de eigenschappen bovenaan, die beginnen met '---', worden niet afgesloten" in nl, nl
    assert "kopie.md:1: the front matter that starts with '---' is not closed by a second '---' line" in en, en


def test_a_plain_text_without_clauses(sample_repo, run_cli, dutch, tmp_path):
    plain = write(tmp_path, "los.txt", "Een tekst zonder artikelen.\n")
    nl, en = failing(run_cli, sample_repo, "import", "text", plain, "-o", str(tmp_path / "uit.xml"))
    assert "los.txt: geen artikel gevonden; een artikel begint met een regel als 'Artikel 3 Titel'" in nl, nl
    assert "los.txt: no clause found; clauses start with a line like 'Artikel 3 Titel'" in en, en


# -- what commands write -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "dutch_how"), [("docx", "bijgehouden wijzigingen"), ("md", "{#id}")])
def test_export_says_what_to_do_next_in_dutch(sample_repo, run_cli, dutch, tmp_path, kind, dutch_how):
    target = str(tmp_path / f"kopie.{kind}")
    code, out, err = run_cli("-C", sample_repo, "export", kind, "-o", target)
    assert code == 0, err
    assert err.startswith(f"geëxporteerd naar {target}; bewerk het") and dutch_how in err, err
    assert not english_words(err), err
    code, out, err = run_cli("--lang", "en", "-C", sample_repo, "export", kind, "-o", target)
    assert code == 0 and err.startswith(f"exported to {target}; edit it"), err


def test_the_site_reports_in_dutch(sample_repo, run_cli, dutch, tmp_path):
    site = tmp_path / "website"
    code, out, err = run_cli("-C", sample_repo, "site", str(site))
    assert code == 0, err
    assert out.startswith(f"Site in {site}: ") and " bestand(en) geschreven, 0 ongewijzigd" in out, out
    assert "of publiceer de map" in out and not english_words(out), out
    code, out, err = run_cli("--lang", "en", "-C", sample_repo, "site", str(site))
    assert code == 0 and " file(s) written, " in out and "or publish the folder on any static host" in out, out
    other = tmp_path / "vol"
    other.mkdir()
    (other / "notities.txt").write_text("van iemand anders")
    nl, en = failing(run_cli, sample_repo, "site", str(other))
    assert nl.endswith("vol: de map is niet leeg en niet door `akkoord site` gemaakt; kies een lege of nieuwe map"), nl
    assert en.endswith("the folder is not empty and was not made by `akkoord site`; choose an empty or new folder")


def test_a_new_agreement_with_an_id_that_is_not_one(run_cli, dutch, tmp_path, no_git_identity):
    """The schema's pattern for ids said as what an id is; the English stays libxml2's sentence."""
    args = ("init", tmp_path / "nieuw", "--title", "Akkoord", "--id", "1x", "--lang", "nl", *BY)
    code, _, err = run_cli(*args)
    assert_one_line_error(code, err, "nieuw akkoord:2: element <agreement>, attribuut 'id': '1x' is geen geldig id")
    assert not english_words(err), err
    code, _, err = run_cli("--lang", "en", *args)
    assert_one_line_error(
        code, err, "new agreement:2: Element 'agreement', attribute 'id': [facet 'pattern'] The value"
    )
    assert not (tmp_path / "nieuw").exists()


def test_init_writes_a_dutch_readme_for_a_dutch_text(run_cli, dutch, tmp_path, no_git_identity):
    by = ("--by", "Secretariaat <s@example.org>")
    code, _, err = run_cli("init", tmp_path / "nl", "--from", SAMPLE, *by)
    assert code == 0, err
    readme = (tmp_path / "nl" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Maatschappelijk akkoord Amsterdam\n\nDeze repository bevat het akkoord `maak020`")
    assert "git show version/LABEL:akkoord.xml" in readme and not english_words(readme), readme
    english = write(tmp_path, "en.xml", SAMPLE_TEXT.replace('lang="nl"', 'lang="en"', 1))
    code, _, err = run_cli("init", tmp_path / "en", "--from", english, *by)
    assert code == 0, err
    readme = (tmp_path / "en" / "README.md").read_text(encoding="utf-8")
    assert "This repository holds the agreement `maak020` under version control with akkoordvc." in readme


def test_cosigning_an_attestation_reports_in_dutch(world, run_cli, dutch):
    from test_trust_attest import two_admins
    from trust_world import signatory

    from akkoordvc.trust import registry_ops as O

    two_admins(world)
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")), keys=("admin", "admin2"))
    path = world.attest("2023", "org-d", dt.date(2023, 4, 2), key="admin").statement.path
    cli = ("-C", world.root, "signatory", "cosign", "--by", "S <s@example.org>")
    nl, en = failing(run_cli, world.root, *cli[2:], "--key", world.keys["admin2"])
    assert "geen beheerdersvastlegging wacht op handtekeningen; deze verklaringen wel: " in nl, nl
    assert f"{path} (1 van 2)" in nl, nl
    assert f"no admin record awaits signatures; attestations that do: {path} (1 of 2)" in en, en
    code, out, err = run_cli(*cli, "--attestation", path, "--key", world.keys["admin2"])
    assert code == 0, err
    assert out.startswith(f"Verklaring {path} medeondertekend, vastlegging "), out
    assert "ondertekend door beheerderssleutel(s): admin, admin2 (2 van de 2 vereist)" in out, out
    assert not english_words(out), out


def test_the_english_texts_stay_as_they_were():
    """Item: English output stays as it is; a few sentences word for word."""
    said = messages.text("input.read.too_large", "en", where="a.xml", size="2,000", limit="1,000", advice="x")
    assert said == "a.xml: file is 2,000 bytes, over the limit of 1,000 bytes; x"
    said = messages.text("output.site.built", "en", outdir="s", written=3, unchanged=0, removed="")
    assert said == "Site in s: 3 file(s) written, 0 unchanged"


def test_a_key_file_that_is_not_there_or_a_folder_where_a_file_is_expected(world, run_cli, dutch, tmp_path):
    """What a key file should have been, said in Dutch (trust passes the kind and the hint as catalogue messages;
    click's own sentence about a folder given as a file is put into Dutch too)."""
    missing = str(tmp_path / "geen-sleutel")
    nl, en = failing(run_cli, world.root, "endorse", "2023", "--as", "org-c", "--yes", "--key", missing)
    assert nl.endswith(f"--key {missing}: dit bestand bestaat niet; geef het pad van uw privé-SSH-sleutel"), nl
    assert en.endswith(f"--key {missing}: no such file; give the path of your private SSH key"), en
    admin = ("--key", str(world.keys["admin"]), "--by", "S <s@example.org>")
    nl, en = failing(run_cli, world.root, "signatory", "add-key", "org-a", "--pubkey", str(tmp_path), *admin, code=2)
    assert f"--pubkey: '{tmp_path}' is een map, geen bestand; zie `akkoord signatory add-key --help`" in nl, nl
    assert f"--pubkey: File '{tmp_path}' is a directory; see `akkoord signatory add-key --help`" in en, en


@pytest.mark.parametrize("command", [("show",), ("export", "md"), ("redline", "HEAD")], ids=" ".join)
def test_a_file_that_is_not_an_agreement(sample_repo, run_cli, dutch, tmp_path, command):
    other = write(tmp_path, "notities.xml", '<?xml version="1.0"?>\n<notities><p>x</p></notities>\n')
    nl, en = failing(run_cli, sample_repo, *command, other)
    assert f"{other}: het hoofdelement is <notities>, " in nl and "<agreement>" in nl, nl
    assert f"{other}: root element is <notities>, not <agreement>" in en, en
