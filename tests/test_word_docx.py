"""The Word export and the way back: a clean document of a version whose every clause and division
keeps its id, and edits made to it as Word writes them (runs split with revision ids, tracked
insertions and deletions, moved paragraphs, comments) deriving exactly the operations of the same
edit made to the XML."""

from __future__ import annotations

import copy
import io
import re
import zipfile

import pytest
from docx_edit import NS, DocxEdit, w
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical, names, wordfile
from akkoordvc.model import wordml_names as wn
from akkoordvc.model.ids import AGREEMENT_ID_PATTERN
from akkoordvc.model.xmlparse import parse_file
from akkoordvc.ops import amendments as ops
from akkoordvc.present import worddoc

LIST_ITEM = "Opsomming1"


@pytest.fixture(scope="module")
def base():
    from conftest import SAMPLE

    return parse_file(SAMPLE)


@pytest.fixture(scope="module")
def exported(base):
    return worddoc.render(base, version="2019", text_sha256=canonical.text_sha256(base), commit="0" * 40)


def read_back(data: bytes, base) -> etree._Element:
    return wordfile.agreement(wordfile.read(data, "voorstel.docx"), base)


def derived(base, edited) -> list[dict]:
    return [op.as_dict() for op in ops.derive(base, edited)]


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


# -- the export ---------------------------------------------------------------------------------------


def test_unedited_export_reads_back_as_the_same_text(base, exported):
    assert canonical.to_bytes(read_back(exported, base)) == canonical.to_bytes(base)
    assert derived(base, read_back(exported, base)) == []


def test_every_clause_and_division_heading_carries_its_id_in_a_hidden_bookmark(base, exported):
    document = part(exported, "word/document.xml")
    marks = {}
    for p in document.iter(w("p")):
        for b in p.iter(w("bookmarkStart")):
            marks[b.get(w("name"))] = p
    for kind in (names.CLAUSE, names.DIVISION):
        for element in base.iter(kind):
            name = wordfile.bookmark_name(kind, element.get(names.ID))
            assert name in marks, element.get(names.ID)
            assert name.startswith("_") and len(name) <= 40 and re.fullmatch(r"[A-Za-z0-9_]+", name)
            style = marks[name].find("w:pPr/w:pStyle", NS).get(w("val"))
            if kind == names.CLAUSE:
                assert style == "Artikelkop"
            else:
                depth = len(list(element.iterancestors(names.DIVISION))) + 1
                assert style == f"Heading{depth}"


def test_headings_are_in_the_navigation_pane_and_the_language_is_dutch(exported):
    styles = part(exported, "word/styles.xml")
    outline = {}
    for style in styles.iter(w("style")):
        level = style.find("w:pPr/w:outlineLvl", NS)
        if level is not None:
            outline[style.get(w("styleId"))] = int(level.get(w("val")))
    # the sample nests divisions two deep: Deel (heading 1), Hoofdstuk (heading 2), then the articles
    assert outline == {"Heading1": 0, "Heading2": 1, "Artikelkop": 2}
    names_ = {s.get(w("styleId")): s.find("w:name", NS).get(w("val")) for s in styles.iter(w("style"))}
    assert names_["Heading1"] == "heading 1" and names_["Lid"] == "Lid" and names_["Opsomming1"] == "Opsomming 1"
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("val")) == "nl-NL"
    settings_ = part(exported, "word/settings.xml")
    assert settings_.find("w:trackRevisions", NS) is not None  # a drafter's edits are tracked from the start


def test_headings_leden_items_and_tables_read_as_a_drafter_expects(exported):
    edit = DocxEdit(exported)
    heading = edit.find("Hoe dit akkoord tot stand kwam")
    assert DocxEdit.text(heading) == "Artikel 2\tHoe dit akkoord tot stand kwam"
    runs = heading.findall("w:r", NS)
    assert [r.find("w:rPr/w:rStyle", NS).get(w("val")) for r in runs[:2]] == ["Nummerlabel", "Nummer"]
    lid = edit.find("In de loop van 2019")
    assert DocxEdit.style(lid) == "Lid" and DocxEdit.text(lid).startswith("1\tIn de loop van 2019")
    item = edit.find("\thet netwerk Ma.ak020.")
    assert DocxEdit.style(item) == LIST_ITEM and DocxEdit.text(item).startswith("d.\t")
    ref = [h for h in edit.body.iter(w("hyperlink")) if "".join(h.itertext()) == "zeggenschap"]
    assert ref and ref[0].get(w("anchor")).startswith("_akkd_")  # an internal reference: a link to the heading
    tables = edit.body.findall(".//w:tbl", NS)
    assert len(tables) == 1 and len(tables[0].findall("w:tr", NS)) == 6
    assert [DocxEdit.text(p) for p in tables[0].findall("w:tr", NS)[3].iter(w("p"))] == [
        "Ma.akbanken",
        "€ 1.000.000,- (startbudget)",
        "artikel 13",
    ]


def test_the_document_says_which_text_it_was_exported_from(base, exported):
    document = wordfile.read(exported, "x.docx")
    assert document.properties == {
        wn.PROP_AGREEMENT: "maak020",
        wn.PROP_TEXT_SHA256: canonical.text_sha256(base),
        wn.PROP_VERSION: "2019",
        wn.PROP_COMMIT: "0" * 40,
    }


_IDS = st.from_regex(AGREEMENT_ID_PATTERN, fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(_IDS, min_size=1, max_size=8, unique=True), st.sampled_from([names.CLAUSE, names.DIVISION]))
def test_bookmark_names_fit_word_and_give_the_id_back(idents, kind):
    base = etree.Element(names.AGREEMENT)
    for ident in idents:
        etree.SubElement(base, kind, id=ident)
    seen = set()
    for ident in idents:
        name = wordfile.bookmark_name(kind, ident)
        assert len(name) <= 40 and re.fullmatch(r"_[A-Za-z0-9_]+", name), name
        assert wordfile.resolve_bookmark(name, base) == (kind, ident)
        seen.add(name)
    assert len(seen) == len(idents)


# -- edits made as Word makes them ----------------------------------------------------------------------


def xml_edit(base, change) -> etree._Element:
    edited = copy.deepcopy(base)
    change(edited)
    return edited


def clause(root, ident):
    return root.find(f".//{names.CLAUSE}[@{names.ID}='{ident}']")


def set_text(element, old, new):
    element.text = element.text.replace(old, new)


@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "tracked"])
def test_changed_words_derive_the_operation_of_the_same_xml_edit(base, exported, tracked):
    edit = DocxEdit(exported)
    edit.replace(
        "geregeld vast op regels", "geregeld vast op regels", "geregeld vast op allerlei regels", tracked=tracked
    )
    got = read_back(edit.to_bytes(), base)
    want = xml_edit(base, lambda r: set_text(clause(r, "aanleiding").find("para/p"), "op regels", "op allerlei regels"))
    assert derived(base, got) == derived(base, want)
    assert [op["op"] for op in derived(base, got)] == ["replace-text"]


@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "tracked"])
def test_a_new_lid_and_a_new_list_item(base, exported, tracked):
    edit = DocxEdit(exported)
    edit.insert_after(
        "democratisering tot een van de speerpunten",
        edit.new_paragraph("Lid", ["3", "\t", "De partijen evalueren dit jaarlijks."], tracked=tracked),
    )
    edit.insert_after(
        "\thet netwerk Ma.ak020.",
        edit.new_paragraph(LIST_ITEM, ["e.", "\t", "de stadsdelen."], tracked=tracked),
    )
    got = read_back(edit.to_bytes(), base)

    def change(root):
        para = etree.SubElement(clause(root, "aanleiding"), "para", num="3")
        etree.SubElement(para, "p").text = "De partijen evalueren dit jaarlijks."
        lst = clause(root, "partijen").find("para/list")
        item = etree.SubElement(lst, "item", num="e.")
        etree.SubElement(item, "p").text = "de stadsdelen."

    assert derived(base, got) == derived(base, xml_edit(base, change))
    assert {op["target"] for op in derived(base, got)} == {"aanleiding", "partijen"}


@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "tracked"])
def test_a_deleted_clause(base, exported, tracked):
    edit = DocxEdit(exported)
    edit.delete("Artikel 4\tOndertekening op hoofdlijnen", "vast in een werkafspraak", tracked=tracked)
    got = read_back(edit.to_bytes(), base)
    want = xml_edit(base, lambda r: clause(r, "op-hoofdlijnen").getparent().remove(clause(r, "op-hoofdlijnen")))
    assert derived(base, got) == derived(base, want)
    assert [(op["op"], op["target"]) for op in derived(base, got)] == [("delete", "op-hoofdlijnen")]


@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "tracked"])
def test_a_new_clause_is_a_heading_in_the_clause_heading_style(base, exported, tracked):
    edit = DocxEdit(exported)
    edit.insert_after(
        "vast in een werkafspraak",
        edit.new_paragraph("Artikelkop", ["Artikel 4a", "\t", "Jaarlijkse evaluatie"], tracked=tracked),
        edit.new_paragraph("Lid", ["1", "\t", "De partijen evalueren het akkoord elk jaar."], tracked=tracked),
    )
    got = read_back(edit.to_bytes(), base)
    new = clause(got, "jaarlijkse-evaluatie")
    assert new is not None and new.get(names.NUM) == "4a"

    def change(root):
        anchor = clause(root, "op-hoofdlijnen")
        element = etree.fromstring(
            '<clause id="jaarlijkse-evaluatie" num="4a"><heading>Jaarlijkse evaluatie</heading>'
            '<para num="1"><p>De partijen evalueren het akkoord elk jaar.</p></para></clause>'
        )
        anchor.addnext(element)

    assert derived(base, got) == derived(base, xml_edit(base, change))
    assert [op["op"] for op in derived(base, got)] == ["insert"]


@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "tracked"])
def test_a_moved_clause(base, exported, tracked):
    edit = DocxEdit(exported)
    edit.move("Artikel 4\tOndertekening op hoofdlijnen", "vast in een werkafspraak", "meeschrijft.", tracked=tracked)
    got = read_back(edit.to_bytes(), base)

    def change(root):
        moving = clause(root, "op-hoofdlijnen")
        moving.getparent().remove(moving)
        clause(root, "aanleiding").addnext(moving)

    assert derived(base, got) == derived(base, xml_edit(base, change))
    assert [(op["op"], op["target"]) for op in derived(base, got)] == [("move", "op-hoofdlijnen")]


def test_renumbering_a_heading_title_and_preamble_and_a_table_cell(base, exported):
    edit = DocxEdit(exported)
    edit.replace("Artikel 4\tOndertekening op hoofdlijnen", "Ondertekening op hoofdlijnen", "Ondertekening in 2019")
    edit.replace("Artikel 4\tOndertekening in 2019", "4", "4a")
    edit.replace("Maatschappelijk akkoord Amsterdam", "Amsterdam", "Amsterdam 2019")
    edit.replace("Amsterdam is van de mensen", "de mensen", "alle mensen")
    edit.replace("binnen bestaande budgetten", "binnen bestaande", "binnen de bestaande")
    got = read_back(edit.to_bytes(), base)

    def change(root):
        c = clause(root, "op-hoofdlijnen")
        c.set(names.NUM, "4a")
        c.find("heading").text = "Ondertekening in 2019"
        set_text(root.find("meta/title"), "Amsterdam", "Amsterdam 2019")
        set_text(root.find("preamble/p[2]"), "de mensen", "alle mensen")
        cell = [c for c in root.iter("cell") if c.text == "binnen bestaande budgetten"][0]
        cell.text = "binnen de bestaande budgetten"

    assert derived(base, got) == derived(base, xml_edit(base, change))


def test_tracked_changes_are_taken_as_accepted_including_joined_paragraphs(base, exported):
    edit = DocxEdit(exported)
    # delete the paragraph mark between lid 1 and lid 2 of article 1 and lid 2's number and tab: one lid
    first = edit.find("geregeld vast op regels")
    first.find("w:pPr", NS).append(etree.Element(w("rPr")))
    first.find("w:pPr/w:rPr", NS).append(edit._revision("del"))
    second = edit.find("speerpunten")
    for r in second.findall("w:r", NS)[:2]:  # the number and the tab
        for t in r.findall("w:t", NS):
            t.tag = w("delText")
        holder = edit._revision("del")
        r.addprevious(holder)
        holder.append(r)
    got = read_back(edit.to_bytes(), base)
    paras = clause(got, "aanleiding").findall("para")
    assert len(paras) == 1
    assert (
        paras[0]
        .find("p")
        .text.endswith(
            "niet op zulke initiatieven is ingericht.Het college heeft democratisering tot een van de speerpunten van zijn beleid gemaakt. De partijen zien dit akkoord als de gezamenlijke uitwerking van die ambitie, waarbij de stad niet alleen wordt gehoord maar ook meeschrijft."
        )
    )


def test_formatting_and_hyperlinks_made_in_word_come_back_as_inline_markup(base, exported):
    edit = DocxEdit(exported)
    p = edit.find("geregeld vast op regels")
    r = [r for r in p.findall("w:r", NS) if "regels" in "".join(r.itertext())][0]
    rpr = r.find("w:rPr", NS) if r.find("w:rPr", NS) is not None else etree.SubElement(r, w("rPr"))
    rpr.insert(0, etree.Element(w("b")))
    got = read_back(edit.to_bytes(), base)
    assert clause(got, "aanleiding").find("para/p/strong") is not None


# -- what cannot be mapped is refused, with the place named -----------------------------------------------


def test_a_clause_whose_bookmark_was_lost_is_refused_naming_the_paragraph(base, exported):
    edit = DocxEdit(exported)
    heading = edit.find("Artikel 4\tOndertekening op hoofdlijnen")
    for b in list(heading.iter(w("bookmarkStart"), w("bookmarkEnd"))):
        heading.remove(b)
    edit.replace("Artikel 4\tOndertekening op hoofdlijnen", "Ondertekening op hoofdlijnen", "Ondertekening")
    with pytest.raises(AkkoordError) as caught:
        read_back(edit.to_bytes(), base)
    message = str(caught.value)
    assert re.match(r"voorstel\.docx: paragraph \d+: clause 4 has lost the hidden bookmark", message), message
    assert "\n" not in message


def test_a_lost_bookmark_on_an_unchanged_heading_is_recovered(base, exported):
    edit = DocxEdit(exported)
    heading = edit.find("Artikel 4\tOndertekening op hoofdlijnen")
    for b in list(heading.iter(w("bookmarkStart"), w("bookmarkEnd"))):
        heading.remove(b)
    assert derived(base, read_back(edit.to_bytes(), base)) == []


def test_merged_table_cells_are_refused(base, exported):
    edit = DocxEdit(exported)
    tc = edit.body.find(".//w:tc", NS)
    tcpr = tc.find("w:tcPr", NS)
    etree.SubElement(tcpr, w("gridSpan")).set(w("val"), "2")
    with pytest.raises(AkkoordError, match=r"table at paragraph \d+: a table with merged cells"):
        read_back(edit.to_bytes(), base)


def test_a_footnote_is_refused(base, exported):
    edit = DocxEdit(exported)
    p = edit.find("geregeld vast op regels")
    etree.SubElement(etree.SubElement(p, w("r")), w("footnoteReference")).set(w("id"), "1")
    with pytest.raises(AkkoordError, match=r"paragraph \d+: a footnote"):
        read_back(edit.to_bytes(), base)


def zip_of(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<agreement/>", "not a valid zip package"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old binary Word file"),
        (zip_of({"../../etc/evil": b"x", "word/document.xml": b"<x/>"}), "unsafe path"),
        (zip_of({"/abs/evil": b"x"}), "unsafe path"),
        (zip_of({"word/document.xml": b"\0" * (17 * 1024 * 1024)}), "over the limit"),
        (zip_of({"a.txt": b"x"}), "it has no word/document.xml"),
        (
            zip_of({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'}),
            "DTD or entity",
        ),
    ],
    ids=["not-zip", "doc", "traversal", "absolute", "bomb", "no-document", "dtd"],
)
def test_hostile_or_broken_packages_are_refused_with_one_line(data, message):
    with pytest.raises(AkkoordError) as caught:
        wordfile.read(data, "voorstel.docx")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_zip_bomb_is_caught_while_unpacking_not_from_its_header(monkeypatch):
    monkeypatch.setattr(wordfile, "MAX_PART_BYTES", 1000)
    data = zip_of({"word/document.xml": b"<x>" + b" " * 5000 + b"</x>"})
    # forge the header's uncompressed size to look small
    forged = data.replace((5007).to_bytes(4, "little"), (10).to_bytes(4, "little"))
    with pytest.raises(AkkoordError, match="over the limit|more than|damaged"):
        wordfile.read(forged, "bomb.docx")


# -- the commands ----------------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path, run_cli, sample_path):
    code, out, err = run_cli("init", tmp_path / "r", "--from", sample_path, "--by", "S <s@x.example>")
    assert code == 0, err
    code, out, err = run_cli(
        "version", "create", "2019", "--date", "2019-11-09", "--by", "S <s@x.example>", cwd=tmp_path / "r"
    )
    assert code == 0, err
    return tmp_path / "r"


def amendment_count(repo) -> int:
    folder = repo / "amendments"
    return len(list(folder.glob("*/amendment.xml"))) if folder.is_dir() else 0


def test_export_edit_and_propose_from_a_word_document(repo, run_cli, tmp_path):
    target = tmp_path / "voorstel.docx"
    code, out, err = run_cli("export", "docx", "2019", "-o", target, cwd=repo)
    assert code == 0, err
    edit = DocxEdit(target.read_bytes())
    edit.replace("geregeld vast op regels", "geregeld vast op regels", "geregeld vast op allerlei regels", tracked=True)
    edit.comment("geregeld vast op", "Regels zijn niet het enige obstakel.")
    target.write_bytes(edit.to_bytes())
    code, out, err = run_cli(
        "amend",
        "propose",
        "--from-file",
        target,
        "--title",
        "Allerlei regels",
        "--by",
        "N <n@x.example>",
        "--date",
        "2022-07-04",
        "--json",
        cwd=repo,
    )
    assert code == 0, err
    import json

    result = json.loads(out)
    assert [(op["op"], op["target"]) for op in result["operations"]] == [("replace-text", "aanleiding")]
    code, out, err = run_cli("amend", "show", result["id"], "--json", cwd=repo)
    assert code == 0, err
    assert json.loads(out)["rationale"] == "Regels zijn niet het enige obstakel."


def test_an_unedited_export_proposes_nothing_and_records_nothing(repo, run_cli, tmp_path):
    target = tmp_path / "v.docx"
    assert run_cli("export", "docx", "-o", target, cwd=repo)[0] == 0
    code, out, err = run_cli("amend", "propose", "--from-file", target, "--title", "x", "--by", "N <n@x>", cwd=repo)
    assert code == 1 and "same text as its base (version 2019" in err and amendment_count(repo) == 0


def test_a_refused_document_records_nothing(repo, run_cli, tmp_path):
    target = tmp_path / "v.docx"
    assert run_cli("export", "docx", "-o", target, cwd=repo)[0] == 0
    edit = DocxEdit(target.read_bytes())
    tc = edit.body.find(".//w:tc", NS)
    etree.SubElement(tc.find("w:tcPr", NS), w("vMerge"))
    target.write_bytes(edit.to_bytes())
    head = (repo / ".git" / "HEAD").read_text()
    code, out, err = run_cli("amend", "propose", "--from-file", target, "--title", "x", "--by", "N <n@x>", cwd=repo)
    assert code == 1 and "merged cells" in err and err.count("\n") == 1
    assert amendment_count(repo) == 0 and (repo / ".git" / "HEAD").read_text() == head


def test_a_word_document_given_as_an_amendment_file_is_not_called_malformed_xml(repo, run_cli, tmp_path):
    target = tmp_path / "v.docx"
    assert run_cli("export", "docx", "-o", target, cwd=repo)[0] == 0
    code, out, err = run_cli("amend", "propose", target, "--title", "x", "--by", "N <n@x>", cwd=repo)
    assert code == 2 and "give it as --from-file" in err and "malformed" not in err
    renamed = tmp_path / "voorstel.xml"  # a Word document under an XML name is still read as Word
    renamed.write_bytes(target.read_bytes())
    code, out, err = run_cli("amend", "propose", "--from-file", renamed, "--title", "x", "--by", "N <n@x>", cwd=repo)
    assert code == 1 and "same text as its base" in err and "malformed" not in err


def test_a_document_from_a_text_the_repository_lacks_needs_base(repo, run_cli, tmp_path, sample_path):
    other = tmp_path / "other.xml"
    other.write_bytes(sample_path.read_bytes().replace(b"Ma.ak020</short-title>", b"Ma.ak021</short-title>"))
    target = tmp_path / "v.docx"
    assert run_cli("export", "docx", other, "-o", target, cwd=repo)[0] == 0
    code, out, err = run_cli("amend", "propose", "--from-file", target, "--title", "x", "--by", "N <n@x>", cwd=repo)
    assert code == 1 and "not a version or the current text of this repository; give the version" in err
    code, out, err = run_cli(
        "amend", "propose", "--from-file", target, "--title", "x", "--by", "N <n@x>", "--base", "2019", cwd=repo
    )
    assert code == 0, err  # against 2019 the document changes the short title


def test_what_a_word_processor_cannot_show_is_kept_from_the_base(base):
    """Inline nesting Word flattens (a reference inside emphasis), a list's kind and a clause's origin
    come back from the base, so the unedited export of such a text still derives nothing."""
    odd = copy.deepcopy(base)
    p = clause(odd, "aanleiding").find("para/p")
    p.text = "Zie "
    em = etree.SubElement(p, "em")
    etree.SubElement(em, "ref", href="#ontstaan").text = "artikel 2"
    em.tail = " hierover."
    clause(odd, "partijen").find("para/list").set("kind", "expliciet")
    origin = etree.Element("origin")
    etree.SubElement(origin, "property", name="bron").text = "Stb. 2019, 1"
    clause(odd, "partijen").find("heading").addnext(origin)
    data = worddoc.render(odd, text_sha256=canonical.text_sha256(odd))
    assert canonical.to_bytes(read_back(data, odd)) == canonical.to_bytes(odd)
    edit = DocxEdit(data)  # an edit elsewhere in the clause keeps the list kind and the origin
    edit.replace("Dit akkoord wordt gedragen door", "gedragen", "onderschreven")
    got = clause(read_back(edit.to_bytes(), odd), "partijen")
    assert got.find("para/list").get("kind") == "expliciet" and got.find("origin/property").text == "Stb. 2019, 1"


def test_a_table_row_deleted_with_tracking_is_gone(base, exported):
    edit = DocxEdit(exported)
    row = edit.body.findall(".//w:tr", NS)[-1]  # Donutdeals | binnen bestaande budgetten | artikel 14
    trpr = row.find("w:trPr", NS)
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        row.insert(0, trpr)
    trpr.append(edit._revision("del"))
    got = read_back(edit.to_bytes(), base)
    rows = clause(got, "verdeling-middelen").findall(".//row")
    assert len(rows) == 5 and "Donutdeals" not in "".join(rows[-1].itertext())


def test_the_paragraph_flow_itself_loses_nothing(base):
    """Built back without taking anything from the base verbatim, the flow of a text is the text: the
    reuse of base elements is a safety net for what Word cannot show, not what makes round trips work."""
    from akkoordvc.model import paragraphs

    rebuilt = paragraphs.build(paragraphs.from_agreement(base), base)
    assert canonical.to_bytes(rebuilt) == canonical.to_bytes(base)
