"""The BWB importer (`akkoordvc.model.bwb`, `akkoord import bwb`) on the real corpus and on small made-up laws.

The expected text of every article is computed here from the source with plain lxml, independently of
the importer: all text of the `artikel` except its `meta-data` (anywhere) and its `kop`, compared with
whitespace removed so only the words and their order count.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import bwb_files, needs_corpus
from lxml import etree

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical, names
from akkoordvc.model.bwb import from_bwb, import_bwb_bytes
from akkoordvc.model.validate import problems
from akkoordvc.model.xmlparse import parse_bytes

FILES = bwb_files()
LARGEST = "BWBR0002629_2014-01-01_0.xml"
_WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without any whitespace: what is left are the words, in order."""
    return _WS.sub("", text)


def normal(text: str | None) -> str:
    return " ".join((text or "").split())


# --- independent readings of the source and the result ---------------------------------------------


def source_text(element, skip=("meta-data", "kop")) -> str:
    """All text below a BWB element except the subtrees named in `skip` (their tails do count)."""
    parts: list[str] = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            if not (isinstance(child.tag, str) and child.tag in skip):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def clause_text(clause) -> str:
    """The content of a clause: numbers of paras and items and all text, without heading and origin."""
    parts: list[str] = []

    def walk(node):
        if node.tag in (names.PARA, names.ITEM) and node.get(names.NUM):
            parts.append(node.get(names.NUM) + " ")
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag not in (names.HEADING, names.ORIGIN):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(clause)
    return "".join(parts)


@cache
def imported_bytes(path: Path) -> bytes:
    """The canonical bytes of a corpus file's import, computed once per run (trees are not kept: memory)."""
    return canonical.to_bytes(import_bwb_bytes(path.read_bytes(), path.name))


def imported(path: Path):
    """(plain lxml source root, agreement root, canonical bytes) of a corpus file."""
    data = imported_bytes(path)
    return etree.parse(str(path)).getroot(), etree.fromstring(data), data


def clauses_by_id(agreement) -> dict:
    return {c.get(names.ID): c for c in agreement.iter(names.CLAUSE)}


def ids(paths):
    return [p.name for p in paths]


# --- every corpus file ----------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_corpus_file_imports_validates_and_round_trips(path):
    _, agreement, data = imported(path)
    found = problems(parse_bytes(data, path.name))
    assert not found, [p.format(path.name) for p in found[:5]]
    again = canonical.to_bytes(parse_bytes(data, path.name))
    assert again == data, "canonical -> parse -> canonical must give identical bytes"


@needs_corpus
@pytest.mark.parametrize("path", FILES[::19], ids=ids(FILES[::19]))
def test_import_is_deterministic(path):
    data = imported(path)[2]
    assert canonical.to_bytes(from_bwb(etree.fromstring(path.read_bytes()), "elsewhere/" + path.name)) == data


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_every_artikel_keeps_its_words_number_and_heading(path):
    source, agreement, _ = imported(path)
    clauses = clauses_by_id(agreement)
    artikelen = list(source.iter("artikel"))
    assert artikelen
    for artikel in artikelen:
        label_id = artikel.get("label-id")
        clause = clauses.get(f"a{label_id}")
        where = f"{path.name}: artikel label-id {label_id} ({artikel.get('label')})"
        assert clause is not None, f"{where}: no clause a{label_id}"

        expected, got = squeeze(source_text(artikel)), squeeze(clause_text(clause))
        if expected != got:
            at = next(
                (i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), min(len(expected), len(got))
            )
            context = slice(max(at - 30, 0), at + 40)
            pytest.fail(f"{where}: text differs at {at}: source {expected[context]!r}, clause {got[context]!r}")

        kop = artikel.find("kop")
        nr = normal(kop.findtext("nr")) if kop is not None else ""
        label = normal(artikel.get("label"))
        expected_num = nr or (label[len("Artikel ") :] if label.startswith("Artikel ") else label) or label_id
        assert clause.get(names.NUM) == expected_num, where

        titel = kop.find("titel") if kop is not None else None
        heading = clause.find(names.HEADING)
        if titel is not None and normal("".join(titel.itertext())):
            assert heading is not None, where
            assert squeeze("".join(heading.itertext())) == squeeze("".join(titel.itertext())), where
        else:
            assert heading is None, where

        properties = clause.iterfind(f"{names.ORIGIN}/{names.PROPERTY}")
        origin = {p.get(names.NAME): normal("".join(p.itertext())) for p in properties}
        assert origin["label-id"] == label_id, where
        for attribute in ("inwerking", "bron", "effect", "status"):
            if artikel.get(attribute):
                assert origin[attribute] == normal(artikel.get(attribute)), where


def body_text(element) -> str:
    """The text of a body or division in document order: each division's own text (not its heading),
    then its divisions and clauses; annexes left out."""
    parts: list[str] = []
    for child in element:
        if child.tag == names.CLAUSE:
            parts.append(clause_text(child))
        elif child.tag == names.DIVISION:
            if child.get(names.KIND) != "annex":
                parts.append(body_text(child))
        elif child.tag not in (names.HEADING, names.SUBHEADING):
            parts.append(clause_text(child))
    return "".join(parts)


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_no_word_of_the_law_is_lost_and_nothing_else_becomes_text(path):
    """Outside the articles too: the wettekst and wetsluiting (minus meta-data and kop), the aanhef and each bijlage."""
    source, agreement, _ = imported(path)
    body = agreement.find(names.BODY)
    annexes = [d for d in body.iter(names.DIVISION) if d.get(names.KIND) == "annex"]
    law = "".join(source_text(w) for w in source.iter("wettekst", "wetsluiting"))
    assert squeeze(body_text(body)) == squeeze(law)

    bijlagen = list(source.iter("bijlage"))
    assert len(annexes) == len(bijlagen)
    for bijlage, annex in zip(bijlagen, annexes, strict=True):
        assert annex.get(names.ID) == f"d{bijlage.get('label-id')}"
        assert squeeze("".join(clause_text(c) for c in annex.iter(names.CLAUSE))) == squeeze(source_text(bijlage))

    preamble = agreement.find(names.PREAMBLE)
    aanhef = source.find("wetgeving/wet-besluit/aanhef")
    assert squeeze(clause_text(preamble)) == squeeze(source_text(aanhef))


_WORDS = re.compile(r"\w+")


def source_words(element) -> list[str]:
    """Every word below a BWB element in document order, except in `meta-data` and the `label` of a `kop`
    (the word "Artikel", "Hoofdstuk", ... that the import keeps as the kind of the clause or division)."""
    words: list[str] = []

    def walk(node):
        words.extend(_WORDS.findall(node.text or ""))
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag != "meta-data" and not (tag == "label" and node.tag == "kop"):
                walk(child)
            words.extend(_WORDS.findall(child.tail or ""))

    walk(element)
    return words


def import_words(element) -> list[str]:
    """Every word of an imported document (or part of it) in document order: element text and the
    attributes people read (numbers, figure names, metadata values)."""
    words: list[str] = []

    def walk(node):
        for attribute in (names.NUM, names.SRC, names.VALUE):
            words.extend(_WORDS.findall(node.get(attribute) or ""))
        words.extend(_WORDS.findall(node.text or ""))
        for child in node:
            walk(child)
            words.extend(_WORDS.findall(child.tail or ""))

    if element is not None:
        walk(element)
    return words


def missing_in_order(wanted: list[str], have: list[str]) -> list[str]:
    """The words of `wanted` that cannot be matched, in order, in `have` (greedy; [] when all are there)."""
    position = 0
    for k, word in enumerate(wanted):
        try:
            position = have.index(word, position) + 1
        except ValueError:
            return wanted[k : k + 12]
    return []


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_every_word_outside_meta_data_is_in_the_import_in_order(path):
    """Computed from the BWB XML with plain lxml: every word of `wetgeving` outside `meta-data` (intitule,
    citeertitel, aanhef, wettekst, wetsluiting, bijlagen: not only inside articles) appears in the
    import, in the order of the source (the title and the intitule in the metadata; the rest in the
    preamble and body)."""
    source, agreement, _ = imported(path)
    meta = agreement.find(names.META)
    for tag in ("intitule", "citeertitel"):
        for element in source.iter(tag):
            assert missing_in_order(source_words(element), import_words(meta)) == [], tag
    text = source_words(source.find("wetgeving"))
    for tag in ("intitule", "citeertitel"):
        for element in source.iter(tag):
            head = source_words(element)
            assert text[: len(head)] == head
            text = text[len(head) :]
    flow = import_words(agreement.find(names.PREAMBLE)) + import_words(agreement.find(names.BODY))
    assert missing_in_order(text, flow) == []


@needs_corpus
@pytest.mark.parametrize("path", FILES[:3] + FILES[-3:], ids=ids(FILES[:3] + FILES[-3:]))
def test_document_metadata(path):
    source, agreement, _ = imported(path)
    bwb_id = source.get("bwb-id")
    assert agreement.get(names.ID) == bwb_id.lower()
    assert agreement.get(names.LANG) == "nl"
    meta = agreement.find(names.META)
    assert normal(meta.findtext(names.TITLE)) == normal(source.findtext("wetgeving/citeertitel"))
    dates = {d.get(names.NAME): d.get(names.VALUE) for d in meta.iter(names.DATE)}
    assert dates == {"valid-from": source.get("inwerkingtreding")}
    props = {p.get(names.NAME): normal("".join(p.itertext())) for p in meta.iterchildren(names.PROPERTY)}
    assert props["bwb-id"] == bwb_id
    assert props["version"] == "_".join(path.stem.split("_")[1:])
    assert props["intitule"] == normal(source.findtext("wetgeving/intitule"))
    assert "wetsluiting" not in props  # the closing formula is a clause at the end of the text


@needs_corpus
@pytest.mark.parametrize("law", ["BWBR0002458", "BWBR0002629"])
def test_same_label_id_gives_same_clause_id_in_every_version(law):
    seen: dict[str, set[str]] = {}
    versions = bwb_files(law)
    assert len(versions) > 10
    for path in versions:
        source, agreement, _ = imported(path)
        by_label = {}
        for clause in agreement.iter(names.CLAUSE):
            label = next(
                (
                    p.text
                    for p in clause.iterfind(f"{names.ORIGIN}/{names.PROPERTY}")
                    if p.get(names.NAME) == "label-id"
                ),
                None,
            )
            if label:
                by_label[label] = clause.get(names.ID)
        for artikel in source.iter("artikel"):
            seen.setdefault(artikel.get("label-id"), set()).add(by_label[artikel.get("label-id")])
    assert all(len(clause_ids) == 1 for clause_ids in seen.values()), {k: v for k, v in seen.items() if len(v) > 1}
    assert len(seen) > 50


@needs_corpus
def test_references_are_kept_without_the_version_dates():
    """JCI references carry the view date of the version (z=, g=); kept, they would change unchanged articles."""
    hrefs = [r.get(names.HREF) for path in FILES[:2] for r in imported(path)[1].iter(names.REF) if r.get(names.HREF)]
    assert len(hrefs) > 100
    assert any(h.startswith("jci1.3:c:BWBR0002458&") for h in hrefs)
    assert not [h for h in hrefs if "&z=" in h or "&g=" in h]


def without_origin(clause) -> str:
    copy = etree.fromstring(canonical.to_string(clause))
    for origin in copy.findall(names.ORIGIN):
        copy.remove(origin)
    return canonical.to_string(copy)


@needs_corpus
def test_unchanged_articles_give_identical_clauses_between_versions():
    """Between consecutive versions an article whose text is the same gives byte-identical clause XML."""
    versions = bwb_files("BWBR0002458")
    compared = 0
    for old_path, new_path in pairwise(versions):
        old_source, old, _ = imported(old_path)
        new_source, new, _ = imported(new_path)
        old_text = {a.get("label-id"): normal(source_text(a, skip=("meta-data",))) for a in old_source.iter("artikel")}
        old_clauses, new_clauses = clauses_by_id(old), clauses_by_id(new)
        for artikel in new_source.iter("artikel"):
            label = artikel.get("label-id")
            if old_text.get(label) != normal(source_text(artikel, skip=("meta-data",))):
                continue
            before, after = old_clauses[f"a{label}"], new_clauses[f"a{label}"]
            # the origin may legitimately change (a renumbered path, a new source); the rest must not
            assert without_origin(before) == without_origin(after), f"{new_path.name}: a{label}"
            compared += 1
    assert compared > 500


@needs_corpus
def test_largest_file_converts():
    """The largest law of the corpus converts (its speed is measured by `make bench`, import of the corpus)."""
    path = next(p for p in FILES if p.name == LARGEST)
    assert import_bwb_bytes(path.read_bytes(), path.name) is not None


# --- made-up laws for what the corpus lacks ------------------------------------------------------

SYNTHETIC = """<?xml version="1.0" encoding="UTF-8"?>
<toestand bwb-id="BWBR9999999" inwerkingtreding="2020-07-01"
          bwb-ng-vast-deel="http://wetten.overheid.nl/id/BWBR9999999/2020-07-01/1">
  <wetgeving xml:lang="nl" soort="wet">
    <intitule>Wet van 1 juli 2020 over <nadruk type="cur">proeven</nadruk></intitule>
    <citeertitel>Proefwet</citeertitel>
    <wet-besluit>
      <aanhef><wij>Wij, de koning,</wij><considerans><considerans.al>Alzo Wij in overweging genomen hebben;</considerans.al></considerans></aanhef>
      <wettekst>
        <deel label-id="100"><kop><label>Deel</label><nr>A</nr><titel>Algemeen</titel></kop>
          <titeldeel label-id="101"><kop><label>Titel</label><nr>1</nr></kop>
            <sub-paragraaf label-id="102"><kop><nr>1.1</nr><titel>Sub</titel></kop>
              <artikel label-id="200" label="Artikel 1" bron="Stb.2020-1" status="goed" effect="nieuw">
                <kop><label>Artikel</label><nr>1</nr><titel>Begrippen <nadruk type="vet">vet</nadruk></titel></kop>
                <lid label-id="200L1"><lidnr>1</lidnr>
                  <al>Een <nadruk type="vet">vet</nadruk>, <nadruk type="ond">onderstreept</nadruk>,
                      m<sup>2</sup> en H<inf>2</inf>O, <redactie type="vervanging">hersteld</redactie>
                      en <intref doc="jci1.3:c:BWBR9999999&amp;artikel=2&amp;z=2020-07-01&amp;g=2020-07-01">artikel 2</intref>
                      en <extref doc="onbekend" anker="W1:art_3">elders</extref>.</al>
                  <meta-data><jcis><jci verwijzing="GEHEIM-LID"/></jcis></meta-data>
                </lid>
                <lid><al>Lid zonder nummer.</al></lid>
                <tabel><titel>Tarieven</titel>
                  <tgroup cols="2"><colspec colname="c1"/><thead><row><entry>Soort</entry><entry>Tarief</entry></row></thead>
                    <tbody><row><entry><al>laag</al><al>(eten)</al></entry><entry>9%</entry></row><row/></tbody></tgroup>
                </tabel>
                <raadsel><onderdeel>Onbekend</onderdeel><onderdeel>blok</onderdeel></raadsel>
                <meta-data><brondata><oorspronkelijk><publicatie soort="Stb" effect="nieuw"><publicatiejaar>2020</publicatiejaar><publicatienr>1</publicatienr><ondertekeningsdatum isodatum="2020-01-02">2 januari 2020</ondertekeningsdatum></publicatie></oorspronkelijk></brondata><jcis><jci verwijzing="1.0:c:BWBR9999999&amp;artikel=1&amp;g=2020-07-01" korte-verwijzing="1.0:c:BWBR9999999&amp;artikel=1"/></jcis></meta-data>
              </artikel>
              <artikel label-id="201" label="Artikel 1a"><kop><label>Artikel 1a</label></kop></artikel>
              <artikel><al>Zonder kop of label-id.</al></artikel>
            </sub-paragraaf>
            <structuurtekst><al>Dit onderdeel is nog niet in werking getreden.</al></structuurtekst>
          </titeldeel>
        </deel>
      </wettekst>
      <wetsluiting><slotformulering><al>Lasten en bevelen.</al></slotformulering><gegeven><dagtekening><plaats>Den Haag</plaats><datum>1 juli 2020</datum></dagtekening></gegeven></wetsluiting>
      <bijlage label-id="300" label="Bijlage 1"><kop><label>Bijlage</label><nr>1</nr><titel>Lijst</titel></kop>
        <lijst type="expliciet"><li><li.nr>a.</li.nr><al>appels</al><meta-data><jcis><jci verwijzing="GEHEIM-LI"/></jcis></meta-data></li>
          <wetverwijzingen><wetverwijzing><wetsafkorting>Uitv.besch</wetsafkorting><artikelverwijzing><artikelnr>10</artikelnr></artikelverwijzing></wetverwijzing></wetverwijzingen></lijst>
      </bijlage>
      <bijlage label-id="301"><kop><label>Bijlage</label><nr>2</nr></kop></bijlage>
    </wet-besluit>
  </wetgeving>
</toestand>
"""


@pytest.fixture(scope="module")
def synthetic():
    agreement = import_bwb_bytes(SYNTHETIC.encode(), "BWBR9999999_2020-07-01_1.xml")
    data = canonical.to_bytes(agreement)
    return agreement, data.decode()


def test_synthetic_law_validates_and_round_trips(synthetic):
    agreement, text = synthetic
    assert problems(parse_bytes(text.encode())) == []
    assert canonical.to_bytes(parse_bytes(text.encode())) == text.encode()
    assert "GEHEIM" not in text  # meta-data of leden and list items never appears


def test_synthetic_divisions_and_metadata(synthetic):
    agreement, text = synthetic
    assert agreement.get(names.ID) == "bwbr9999999"
    kinds = [(d.get(names.ID), d.get(names.KIND), d.get(names.NUM)) for d in agreement.iter(names.DIVISION)]
    assert kinds == [
        ("d100", "part", "A"),
        ("d101", "title", "1"),
        ("d102", "subsection", "1.1"),
        ("d300", "annex", "1"),
        ("d301", "annex", "2"),
    ]
    assert '<property name="version">2020-07-01_1</property>' in text
    assert '<property name="intitule">Wet van 1 juli 2020 over <em>proeven</em></property>' in text
    assert "wetsluiting" not in text
    assert "<p>Wij, de koning,</p>" in text and "<p>Alzo Wij in overweging genomen hebben;</p>" in text


def test_synthetic_inline_markup_and_references(synthetic):
    agreement, text = synthetic
    assert "<heading>Begrippen <strong>vet</strong></heading>" in text
    assert (
        "<p>Een <strong>vet</strong>, <u>onderstreept</u>, m<sup>2</sup> en H<sub>2</sub>O, hersteld en "
        '<ref href="jci1.3:c:BWBR9999999&amp;artikel=2">artikel 2</ref> en <ref href="W1:art_3">elders</ref>.</p>'
    ) in text


def test_synthetic_leden_tables_and_unknown_elements(synthetic):
    agreement, text = synthetic
    clause = clauses_by_id(agreement)["a200"]
    paras = clause.findall(names.PARA)
    assert [p.get(names.NUM) for p in paras] == ["1", None]
    table = clause.find(names.TABLE)
    rows = [[normal("".join(c.itertext())) for c in row] for row in table]
    assert rows == [["Soort", "Tarief"], ["laag (eten)", "9%"], [""]]
    ps = [normal("".join(p.itertext())) for p in clause.findall(names.P)]
    assert ps == ["Tarieven", "Onbekend blok"]  # the table's title before it; unknown block kept as text
    origin = {p.get(names.NAME): p.text for p in clause.find(names.ORIGIN)}
    assert origin["jci"] == "1.0:c:BWBR9999999&artikel=1"
    assert origin["brondata"] == "oorspronkelijk: Stb. 2020, 1 (nieuw, ondertekend 2020-01-02)"
    assert origin["bron"] == "Stb.2020-1" and origin["status"] == "goed" and origin["label-id"] == "200"


def test_synthetic_numbers_ids_and_text_outside_articles(synthetic):
    agreement, text = synthetic
    clauses = [(c.get(names.ID), c.get(names.NUM), c.get(names.KIND)) for c in agreement.iter(names.CLAUSE)]
    assert clauses[:2] == [("a200", "1", None), ("a201", "1a", None)]  # no kop/nr: from the label
    assert clauses[2][1]  # no kop, no label-id: still a unique id and a number
    assert clauses[3] == ("t101", "Titel 1", "text")  # structuurtekst of titeldeel 101, after its articles
    assert clauses[4] == ("s-closing", "Slotformulier en ondertekening", "closing")  # the wetsluiting
    assert clauses[5] == ("b300", "Bijlage 1", "annex")
    assert len(clauses) == 6  # the empty bijlage 2 is a division with no clause
    closing = clauses_by_id(agreement)["s-closing"]
    assert [normal(p.text) for p in closing.iter(names.P)] == ["Lasten en bevelen.", "Den Haag 1 juli 2020"]
    annex = clauses_by_id(agreement)["b300"]
    items = [normal(" ".join(i.itertext())) for i in annex.iter(names.ITEM)]
    assert items == ["appels", "Uitv.besch 10"]
    assert [i.get(names.NUM) for i in annex.iter(names.ITEM)] == ["a.", None]


SYNTHETIC_TREATY = """<?xml version="1.0" encoding="UTF-8"?>
<toestand bwb-id="BWBV9999998" inwerkingtreding="2021-01-01">
  <wetgeving xml:lang="nl">
    <citeertitel>Verdragenwet</citeertitel>
    <wet-besluit>
      <wettekst>
        <hoofdstuk label-id="10"><kop><label>Hoofdstuk</label><nr>1</nr><titel>Nog niet</titel>
            <subtitel>met een ondertitel</subtitel></kop>
          <structuurtekst><al>Dit hoofdstuk is nog niet in werking getreden.</al></structuurtekst>
          <artikel label-id="11"><kop><nr>1</nr></kop><al>Zie de formule <illustratie naam="f1.png"/> hierboven.</al>
            <illustratie naam="scan-1.png" breedte="400" hoogte="300" schaal="50"/></artikel>
        </hoofdstuk>
      </wettekst>
      <verdragtekst label-id="20"><kop><titel>Eerste verdrag</titel></kop>
        <aanhef><al>De hoge verdragsluitende partijen,</al></aanhef>
        <artikel label-id="21"><kop><nr>1</nr></kop><al>Eerste instrument.</al></artikel>
      </verdragtekst>
      <verdragtekst label-id="30"><kop><titel>Protocol bij het verdrag</titel></kop>
        <artikel label-id="31"><kop><nr>1</nr></kop><al>Tweede instrument.</al></artikel>
      </verdragtekst>
      <bijlage label-id="40" label="Bijlage A"><kop><label>Bijlage</label><nr>A</nr><titel>Kaart</titel>
          <subtitel>behorende bij artikel 1</subtitel></kop><illustratie naam="kaart.tif"/></bijlage>
    </wet-besluit>
  </wetgeving>
</toestand>
"""


@pytest.fixture(scope="module")
def treaty():
    agreement = import_bwb_bytes(SYNTHETIC_TREATY.encode(), "BWBV9999998_2021-01-01_0.xml")
    return agreement, canonical.to_bytes(agreement).decode()


def test_treaty_instruments_subtitles_figures_and_division_text(treaty):
    agreement, text = treaty
    assert problems(parse_bytes(text.encode())) == []
    divisions = {d.get(names.ID): d for d in agreement.iter(names.DIVISION)}
    chapter = divisions["d10"]
    assert chapter.findtext(names.SUBHEADING) == "met een ondertitel"
    # the structuurtekst before the articles is the chapter's own text, not a clause called "Artikel"
    assert chapter.find(names.P).text == "Dit hoofdstuk is nog niet in werking getreden."
    assert "t10" not in {c.get(names.ID) for c in agreement.iter(names.CLAUSE)}
    # each treaty instrument under its own heading, its articles inside
    treaties = [(d.get(names.KIND), d.findtext(names.HEADING)) for d in agreement.iter(names.DIVISION)][1:3]
    assert treaties == [("treaty", "Eerste verdrag"), ("treaty", "Protocol bij het verdrag")]
    assert [c.get(names.ID) for c in divisions["d30"].iter(names.CLAUSE)] == ["a31"]
    assert divisions["d20"].find(names.P).text == "De hoge verdragsluitende partijen,"
    # figures: inline in the text and as a block, naming their file
    article = clauses_by_id(agreement)["a11"]
    assert '<p>Zie de formule <figure src="f1.png"/> hierboven.</p>' in text
    assert '<figure src="scan-1.png" width="400" height="300"/>' in text
    assert article.find(names.FIGURE).get(names.SRC) == "scan-1.png"
    annex = divisions["d40"]
    assert (annex.findtext(names.HEADING), annex.findtext(names.SUBHEADING)) == ("Kaart", "behorende bij artikel 1")
    assert clauses_by_id(agreement)["b40"].find(names.FIGURE).get(names.SRC) == "kaart.tif"
    # and every word in order
    source = etree.fromstring(SYNTHETIC_TREATY.encode())
    flow = import_words(agreement.find(names.PREAMBLE)) + import_words(agreement.find(names.BODY))
    assert missing_in_order(source_words(source.find("wetgeving/wet-besluit")), flow) == []


@pytest.mark.parametrize(
    "xml, expected",
    [
        (b"<agreement id='x' lang='nl'/>", "not a BWB toestand document (root <agreement>)"),
        (b"<toestand bwb-id='BWBR1'><bwb-inputbestand/></toestand>", "(root <toestand> without <wetgeving>)"),
    ],
)
def test_non_bwb_input_is_refused_with_one_clear_line(xml, expected):
    with pytest.raises(AkkoordError) as info:
        import_bwb_bytes(xml, "input.xml")
    message = str(info.value)
    assert message.startswith("input.xml: ") and expected in message and "\n" not in message


# --- the command ----------------------------------------------------------------------------------


@needs_corpus
def test_cli_in_process_writes_the_canonical_document(run_cli, tmp_path):
    path = bwb_files("BWBR0002458")[-1]
    out = tmp_path / "drank.xml"
    code, stdout, stderr = run_cli("import", "bwb", path, "-o", out)
    assert code == 0, stderr
    _, agreement, data = imported(path)
    assert out.read_bytes() == data
    count = sum(1 for _ in agreement.iter(names.CLAUSE))
    assert stderr == f"imported {count} clauses from {path} to {out}\n"
    assert stdout == ""

    code, stdout, stderr = run_cli("import", "bwb", path)
    assert code == 0 and stdout.encode() == data and stderr == ""


@needs_corpus
def test_cli_subprocess(akkoord_exe, tmp_path):
    path = next(p for p in FILES if p.name == LARGEST)
    out = tmp_path / "omzet.xml"
    code, stdout, stderr = akkoord_exe("import", "bwb", path, "-o", out)
    assert code == 0, stderr
    assert out.read_bytes() == imported(path)[2]
    assert re.fullmatch(r"imported \d+ clauses from .+ to .+\n", stderr)

    code, _, stderr = akkoord_exe("validate", out)
    assert code == 0, stderr


@pytest.mark.parametrize(
    "content, expected",
    [
        (b'<?xml version="1.0"?>\n<agreement id="x" lang="nl"><meta/></agreement>\n', "not a BWB toestand document"),
        (b"<toestand><wetgeving>\n<al>open", "malformed XML"),
        (b"<!DOCTYPE toestand [<!ENTITY x 'y'>]><toestand/>", "refused"),
    ],
    ids=["not-bwb", "malformed", "dtd"],
)
def test_cli_errors_are_one_line_exit_1(akkoord_exe, run_cli, tmp_path, content, expected):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content)
    out = tmp_path / "out.xml"
    for runner in (akkoord_exe, run_cli):
        code, stdout, stderr = runner("import", "bwb", bad, "-o", out)
        assert code == 1
        assert stderr.count("\n") == 1 and stderr.startswith("akkoord: error: ") and expected in stderr, stderr
        assert "Traceback" not in stderr + stdout
        assert not out.exists()


def test_cli_missing_file(run_cli, tmp_path):
    code, _, stderr = run_cli("import", "bwb", tmp_path / "nope.xml")
    assert code == 1 and "no such file" in stderr and stderr.count("\n") == 1


def test_cli_reports_an_invalid_result_in_one_line(run_cli, tmp_path):
    """A conversion that breaks the schema (here: a language tag that is not one) is refused, not written."""
    odd = tmp_path / "odd.xml"
    odd.write_text(
        '<toestand bwb-id="BWBR0000001"><wetgeving xml:lang="n l"><citeertitel>X</citeertitel><wet-besluit>'
        '<wettekst><artikel label-id="1"><kop><nr>1</nr></kop><al>Tekst.</al></artikel></wettekst>'
        "</wet-besluit></wetgeving></toestand>",
        encoding="utf-8",
    )
    out = tmp_path / "out.xml"
    code, stdout, stderr = run_cli("import", "bwb", odd, "-o", out)
    assert code == 1 and stdout == "" and not out.exists()
    assert "the imported document is not valid: line 2 of the output" in stderr and "lang" in stderr
    assert stderr.count("\n") == 1


# --- conversion without origin (what a redline of two BWB files uses) ------------------------------


def _without_origins(agreement: etree._Element) -> bytes:
    for origin in list(agreement.iter(names.ORIGIN)):
        origin.getparent().remove(origin)
    return etree.tostring(agreement)


def test_conversion_without_origin_is_the_full_conversion_without_its_origins():
    source = parse_bytes(SYNTHETIC.encode())
    full = from_bwb(source, "BWBR9999999_2020-07-01_1.xml")
    assert any(True for _ in full.iter(names.ORIGIN))
    lean = from_bwb(source, "BWBR9999999_2020-07-01_1.xml", origin=False)
    assert not any(True for _ in lean.iter(names.ORIGIN))
    assert etree.tostring(lean) == _without_origins(full)


@needs_corpus
def test_conversion_without_origin_on_a_real_law():
    path = next(p for p in FILES if p.name == LARGEST)
    source = parse_bytes(path.read_bytes(), path.name)
    assert etree.tostring(from_bwb(source, path.name, origin=False)) == _without_origins(from_bwb(source, path.name))


@needs_corpus
def test_summaries_of_sources_do_not_depend_on_what_was_converted_before():
    """Source summaries are remembered by their XML (articles share sources); converting other laws
    first, or with an emptied memory, gives the same document."""
    import akkoordvc.model.bwb as bwb

    path = next(p for p in FILES if p.name == LARGEST)
    data = path.read_bytes()
    bwb._BRONDATA_CACHE.clear()
    fresh = canonical.to_bytes(import_bwb_bytes(data, path.name))
    for other in FILES[:3]:
        import_bwb_bytes(other.read_bytes(), other.name)
    assert canonical.to_bytes(import_bwb_bytes(data, path.name)) == fresh
