"""The HTML redline page: self-contained, well-formed, linked, accessible, in the document's language,
and rendered by a real browser (headless Chromium; skipped when it is not installed)."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from akkoordvc.ops.redline import (
    ADDED,
    MODIFIED,
    MOVED,
    REMOVED,
    RENUMBERED,
    SPLIT,
    UNCHANGED,
    ClauseChange,
    Redline,
    Side,
)
from akkoordvc.present import html as html_render
from akkoordvc.present.labels import labels, language

# -- a hand-built redline ------------------------------------------------------------------


def seg_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A word diff for test data (difflib over words and spaces; deletion before insertion)."""
    a, b = re.findall(r"\s*\S+|\s+", old), re.findall(r"\s*\S+|\s+", new)
    out: list[tuple[str, str]] = []

    def add(op, text):
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("=", "".join(a[i1:i2]))
        else:
            add("-", "".join(a[i1:i2]))
            add("+", "".join(b[j1:j2]))
    return out


def count_words(segments, op):
    return sum(len(re.findall(r"\w+", t)) for o, t in segments if o == op)


H1 = "Hoofdstuk 1 Algemeen"
H2 = "Hoofdstuk 2 Zeggenschap"


def change(
    kinds,
    *,
    id=None,
    old_id=None,
    num=None,
    old_num=None,
    heading=None,
    old_heading=None,
    old_text="",
    new_text="",
    division=None,
    old_division=None,
    old_position=None,
    **kw,
):
    words = seg_diff(old_text, new_text) if (old_text or new_text) else []
    heading_words = seg_diff(old_heading or "", heading or "") if (old_heading or "") != (heading or "") else []
    c = ClauseChange(
        kinds[0],
        tuple(kinds),
        id,
        old_id,
        num=num,
        old_num=old_num,
        heading=heading,
        old_heading=old_heading,
        old_text=old_text,
        new_text=new_text,
        words=words,
        heading_words=heading_words,
        division=division and division[0],
        old_division=old_division and old_division[0],
        division_label=division[1] if division else "",
        old_division_label=old_division[1] if old_division else "",
        words_inserted=count_words(words, "+"),
        words_deleted=count_words(words, "-"),
        **kw,
    )
    if old_position is not None:
        c.old_position = old_position  # as the alignment engine records it
    return c


def sample(lang: str = "nl", positions: bool = True) -> Redline:
    d1, d2 = ("h1", H1), ("h2", H2)
    clauses = [
        change(
            [MODIFIED],
            id="begrippen",
            old_id="begrippen",
            num="1",
            old_num="1",
            heading="Begrippen",
            old_heading="Begrippen",
            division=d1,
            old_division=d1,
            old_position=0,
            old_text="In dit akkoord wordt verstaan onder gemeente: de gemeente Amsterdam.",
            new_text="In dit akkoord wordt verstaan onder gemeente: het college & zijn raad <samen>.",
        ),
        change(
            [REMOVED],
            old_id="doel",
            old_num="2",
            old_heading="Doel",
            old_division=d1,
            old_position=1,
            old_text="Dit akkoord heeft tot doel de zeggenschap van bewoners te vergroten.",
        ),
        change(
            [MODIFIED, RENUMBERED],
            id="looptijd",
            old_id="looptijd",
            num="2",
            old_num="3",
            heading="Looptijd en opzegging",
            old_heading="Looptijd",
            division=d1,
            old_division=d1,
            old_position=2,
            old_text="Dit akkoord geldt tot en met 31 december 2025.",
            new_text="Dit akkoord geldt tot en met 31\u00a0december 2026.",
        ),
        change(
            [MOVED, MODIFIED, RENUMBERED],
            id="evaluatie",
            old_id="evaluatie",
            num="3",
            old_num="6",
            heading="Evaluatie",
            old_heading="Evaluatie",
            division=d1,
            old_division=d2,
            old_position=5,
            old_text="De partijen evalueren dit akkoord in 2024.",
            new_text="De partijen evalueren dit akkoord jaarlijks.",
        ),
        change(
            [UNCHANGED],
            id="budget",
            old_id="budget",
            num="4",
            old_num="4",
            heading="Buurtbegroting",
            old_heading="Buurtbegroting",
            division=d2,
            old_division=d2,
            old_position=3,
            old_text="Elk stadsdeel stelt jaarlijks een buurtbegroting vast.",
            new_text="Elk stadsdeel stelt jaarlijks een buurtbegroting vast.",
        ),
        change(
            [ADDED],
            id="buurtrecht",
            num="5",
            heading="Buurtrechten",
            division=d2,
            new_text="Bewoners hebben het recht een taak van de gemeente over te nemen.",
        ),
        change(
            [RENUMBERED],
            id="uitdaag",
            old_id="uitdaag",
            num="6",
            old_num="5",
            heading="Uitdaagrecht",
            old_heading="Uitdaagrecht",
            division=d2,
            old_division=d2,
            old_position=4,
            old_text="Bewoners kunnen de gemeente uitdagen.",
            new_text="Bewoners kunnen de gemeente uitdagen.",
        ),
    ]
    if not positions:
        for c in clauses:
            c.old_position = None
    old = Side("v1", "Concept 1", "a" * 64, title="Akkoord <Test> & co", lang=lang, doc_id="test")
    new = Side("v2", "Concept 2", "b" * 64, title="Akkoord <Test> & co", lang=lang, doc_id="test")
    return Redline(old, new, clauses)


def parse(page: str):
    return lxml.html.document_fromstring(page)


def ids(doc) -> set[str]:
    return {el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")}


def internal_links(doc) -> list[str]:
    return [a.get("href") for a in doc.iter("a") if (a.get("href") or "").startswith("#")]


# -- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize("side_by_side", [False, True])
@pytest.mark.parametrize("include_unchanged", [False, True])
def test_page_is_self_contained_and_parses(side_by_side, include_unchanged):
    page = html_render.render(sample(), side_by_side=side_by_side, include_unchanged=include_unchanged)
    assert page.startswith("<!DOCTYPE html>")
    lowered = page.lower()
    for forbidden in ("http://", "https://", "src=", "<link", "@import", "url("):
        assert forbidden not in lowered, forbidden
    # one inline script, an enhancement only: every link is a plain link to an anchor on the page
    assert lowered.count("<script") == 1 and "<script>" in lowered
    doc = parse(page)
    assert doc.tag == "html"
    assert doc.find("head/style") is not None
    assert doc.find("head/meta[@charset]").get("charset") == "utf-8"
    # ids are unique
    all_ids = [el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(all_ids) == len(set(all_ids))
    # every internal link resolves
    targets = ids(doc)
    for href in internal_links(doc):
        assert href[1:] in targets, href


def test_title_names_both_versions_and_hashes():
    doc = parse(html_render.render(sample()))
    title = doc.findtext("head/title")
    for part in ("Concept 1", "Concept 2", "v1", "v2", "a" * 12, "b" * 12, "Akkoord <Test> & co"):
        assert part in title
    header = doc.get_element_by_id("top").text_content()
    assert "a" * 64 in header and "b" * 64 in header


def test_ins_and_del_with_screen_reader_text():
    page = html_render.render(sample())
    doc = parse(page)
    ins = [el.text_content() for el in doc.iter("ins")]
    dels = [el.text_content() for el in doc.iter("del")]
    assert any("het college & zijn raad <samen>." in t for t in ins)
    assert any("de gemeente Amsterdam." in t for t in dels)
    assert any("Dit akkoord heeft tot doel" in t for t in dels)  # removed clause
    assert any("Bewoners hebben het recht" in t for t in ins)  # added clause
    # marked by more than colour: text for screen readers inside every ins/del, and CSS decorations
    for el in doc.iter("ins"):
        assert el.find("span[@class='sr']").text == "[ingevoegd: "
    for el in doc.iter("del"):
        assert el.find("span[@class='sr']").text == "[verwijderd: "
    style = doc.findtext("head/style")
    assert "text-decoration: underline" in style and "text-decoration: line-through" in style
    assert "@media print" in style and "break-inside: avoid" in style


def test_text_is_escaped():
    page = html_render.render(sample())
    assert "&lt;samen&gt;" in page and "het college &amp; zijn raad" in page
    assert "<samen>" not in page
    assert "Akkoord &lt;Test&gt; &amp; co" in page


def test_toc_lists_changed_clauses_and_links_resolve():
    doc = parse(html_render.render(sample()))
    toc = doc.get_element_by_id("contents")
    hrefs = [a.get("href") for a in toc.iter("a")]
    assert hrefs == ["#c-begrippen", "#old-doel", "#c-looptijd", "#c-evaluatie", "#c-buurtrecht", "#c-uitdaag"]
    targets = ids(doc)
    for href in hrefs:
        assert href[1:] in targets
        assert doc.get_element_by_id(href[1:]).tag == "section"
    assert "#c-budget" not in hrefs  # unchanged


@pytest.mark.parametrize("positions", [True, False], ids=["old-positions", "by-number"])
def test_moved_clause_links_both_ways(positions):
    doc = parse(html_render.render(sample(positions=positions)))
    section = doc.get_element_by_id("c-evaluatie")
    (back,) = [a for a in section.iter("a") if a.get("href", "").startswith("#was-")]
    assert back.text_content() == f"verplaatst van {H2} (artikel 6)"
    marker = doc.get_element_by_id(back.get("href")[1:])
    assert "was" in marker.get("class")
    forward = [a.get("href") for a in marker.iter("a")]
    assert forward == ["#c-evaluatie"]
    assert "Hier stond artikel 6 (Evaluatie)" in marker.text_content()
    # the marker stands where the clause stood: after old article 5 (uitdaag), the last clause
    order = [el.get("id") for el in doc.get_element_by_id("changes").iter() if el.get("id")]
    assert order.index(marker.get("id")) > order.index("c-uitdaag")


def test_removed_clause_where_it_stood_and_heading_changes():
    doc = parse(html_render.render(sample()))
    order = [s.get("id") for s in doc.iter("section") if "clause" in (s.get("class") or "")]
    assert order == ["c-begrippen", "old-doel", "c-looptijd", "c-evaluatie", "c-buurtrecht", "c-uitdaag"]
    heading = doc.get_element_by_id("h-c-looptijd")
    assert [el.text_content() for el in heading.iter("ins")] == ["[ingevoegd: 2]", "[ingevoegd:  en opzegging]"]
    assert [el.text_content() for el in heading.iter("del")] == ["[verwijderd: 3]"]
    removed = doc.get_element_by_id("h-old-doel")
    assert "Artikel 2" in removed.text_content() and removed.find(".//del") is not None


def test_invisible_characters_are_shown_in_changes():
    doc = parse(html_render.render(sample()))
    inv = [el.text_content() for el in doc.find_class("inv")]
    assert "\u27e8NBSP\u27e9" in inv
    assert "has-invisible" in doc.find("body").get("class")


def test_dutch_labels_for_dutch_documents():
    doc = parse(html_render.render(sample("nl")))
    assert doc.get("lang") == "nl"
    text = doc.text_content()
    for word in (
        "Wijzigingen",
        "Overzicht",
        "Inhoud",
        "gewijzigd",
        "toegevoegd",
        "verwijderd",
        "verplaatst",
        "hernummerd",
        "woorden ingevoegd",
        "Oude versie",
        "Nieuwe versie",
    ):
        assert word in text, word


def test_english_labels_otherwise():
    doc = parse(html_render.render(sample("fr")))
    assert doc.get("lang") == "fr"
    text = doc.text_content()
    for word in ("Changes", "Summary", "Contents", "modified", "added", "removed", "moved", "renumbered"):
        assert word in text, word
    assert doc.get_element_by_id("summary").get("lang") == "en"  # UI text says it is English
    assert "Wijzigingen" not in text


def test_labels():
    assert language("nl") == language("nl-BE") == language("NL_nl") == "nl"
    assert language("en") == language("fr") == language("") == language(None) == "en"
    nl = labels("nl")
    assert nl["moved_from_to"].format(old="a", new="b") == "verplaatst van a naar b"
    assert (nl["old_text"], nl["new_text"], nl["unchanged"], nl["split"], nl["merged"]) == (
        "Oude tekst",
        "Nieuwe tekst",
        "ongewijzigd",
        "gesplitst",
        "samengevoegd",
    )
    assert labels("en")["added"] == "added"
    assert set(labels("nl")) == set(labels("en"))
    labels("nl")["added"] = "x"
    assert labels("nl")["added"] == "toegevoegd"  # a fresh dict each time


def test_side_by_side_has_two_columns():
    """Per block, the old text beside the new one; "not in this version" where a side has nothing."""
    doc = parse(html_render.render(sample(), side_by_side=True))
    pairs = [p for p in doc.find_class("pair") if "sbs-head" not in p.get("class")]
    assert len(pairs) == 6  # the hand-built clauses have no blocks: one pair each
    for pair in pairs:
        old, new = pair.find_class("old")[0], pair.find_class("new")[0]
        assert old.find(".//ins") is None and new.find(".//del") is None
    heads = doc.find_class("sbs-head")
    assert [d.text_content() for d in heads[0]] == ["Oude tekst", "Nieuwe tekst"]
    removed = doc.get_element_by_id("old-doel").find_class("pair")[1]
    assert removed.find_class("old")[0].find(".//del") is not None
    assert "niet in deze versie" in removed.find_class("new")[0].text_content()


def test_unchanged_clauses_and_gaps():
    short = parse(html_render.render(sample()))
    assert [g.text_content() for g in short.find_class("gap")] == ["1 ongewijzigd artikel"]
    full = parse(html_render.render(sample(), include_unchanged=True))
    assert full.find_class("gap") == []
    assert full.get_element_by_id("c-budget") is not None


def test_odd_input_still_renders():
    """No clauses, no labels, no language, clauses without number or heading, odd ids."""
    empty = Redline(Side("", None, ""), Side("", None, ""), [])
    doc = parse(html_render.render(empty))
    assert doc.get("lang") == "en" and "No changes" in doc.text_content()
    odd = [
        ClauseChange(ADDED, (ADDED,), 'x "y" <z>', None, new_text="Nieuw.", words=[("+", "Nieuw.")]),
        ClauseChange(REMOVED, (REMOVED,), None, "a&b", old_text="Oud."),
        ClauseChange(MOVED, (MOVED,), "m", "m", num="2", old_num="1", old_text="Zelfde.", new_text="Zelfde."),
    ]
    page = html_render.render(Redline(Side("r1", "", "0" * 64), Side("r2", "", "1" * 64), odd), side_by_side=True)
    doc = parse(page)
    targets = ids(doc)
    assert all(href[1:] in targets for href in internal_links(doc))
    assert 'id="c-x &quot;y&quot; &lt;z&gt;"' in page


def test_many_moved_clauses_render_quickly():

    n = 4000
    clauses = [
        change(
            [MOVED] if i % 2 else [UNCHANGED],
            id=f"k{i}",
            old_id=f"k{i}",
            num=str(i + 1),
            old_num=str(n - i),
            heading=f"Kop {i}",
            old_heading=f"Kop {i}",
            old_text="Tekst.",
            new_text="Tekst.",
            division=("d", "D"),
            old_division=("d", "D"),
            old_position=n - 1 - i,
        )
        for i in range(n)
    ]
    r = Redline(Side("a", None, "0" * 64, lang="nl"), Side("b", None, "1" * 64, lang="nl"), clauses)
    order = html_render.reading_order(r)
    page = html_render.render(r)
    assert sum(1 for item in order if item.kind == "was") == n // 2
    assert page.count('class="was"') == n // 2


def test_split_parts_link_to_each_other():
    related = ("s-a", "s-b")
    parts = [
        ClauseChange(
            SPLIT,
            (SPLIT,),
            "s-a",
            "s",
            num="7",
            old_num="7",
            heading="Samen",
            old_heading="Samen",
            old_text="1 Eerste lid.",
            new_text="1 Eerste lid.",
            words=[("=", "1 Eerste lid.")],
            related=related,
        ),
        ClauseChange(
            SPLIT,
            (SPLIT,),
            "s-b",
            "s",
            num="7a",
            old_num="7",
            heading="Tweede",
            old_heading="Samen",
            old_text="2 Tweede lid.",
            new_text="2 Tweede lid.",
            words=[("=", "2 Tweede lid.")],
            heading_words=[("-", "Samen"), ("+", "Tweede")],
            related=related,
        ),
    ]
    doc = parse(
        html_render.render(Redline(Side("a", None, "0" * 64, lang="nl"), Side("b", None, "1" * 64, lang="nl"), parts))
    )
    note = doc.get_element_by_id("c-s-b").find_class("note")[0]
    assert note.text_content() == "gesplitst in artikelen 7, 7a"
    assert [a.get("href") for a in note.iter("a")] == ["#c-s-a", "#c-s-b"]


def test_no_changes():
    r = sample()
    r = Redline(r.old, r.new, [c for c in r.clauses if c.change == UNCHANGED])
    doc = parse(html_render.render(r))
    assert "Geen wijzigingen" in doc.text_content()
    assert doc.find(".//ins") is None and doc.find(".//del") is None


def test_renders_the_alignment_engines_redline():
    from akkoordvc.model.document import Document
    from akkoordvc.ops import align

    root = Path(__file__).resolve().parents[1]
    data = (root / "texts" / "maak020" / "akkoord.xml").read_bytes()
    old = Document.from_bytes(data)
    edited = data.replace(b"ongeveer 40 bijeenkomsten", b"ruim 45 bijeenkomsten &amp; meer", 1)
    assert edited != data
    new = Document.from_bytes(edited)
    redline = align.compute(
        old, new, Side("v1", None, "a" * 64, lang=old.lang), Side("v2", None, "b" * 64, lang=new.lang)
    )
    doc = parse(html_render.render(redline))
    assert any("ruim 45" in el.text_content() for el in doc.iter("ins"))
    assert any("ongeveer 40" in el.text_content() for el in doc.iter("del"))
    targets = ids(doc)
    assert all(href[1:] in targets for href in internal_links(doc))


# -- a real browser ------------------------------------------------------------------------

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            *args,
        ],
        capture_output=True,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (CI apt-installs it: see .ci/run)")
@pytest.mark.parametrize("side_by_side", [False, True])
def test_chromium_renders_the_page(tmp_path, side_by_side):
    page = tmp_path / "redline.html"
    page.write_text(html_render.render(sample(), side_by_side=side_by_side), "utf-8")
    proc = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    dom = lxml.html.document_fromstring(proc.stdout.decode("utf-8"))
    ins = " ".join(el.text_content() for el in dom.iter("ins"))
    dels = " ".join(el.text_content() for el in dom.iter("del"))
    assert "het college & zijn raad <samen>." in ins
    assert "Bewoners hebben het recht" in ins
    assert "de gemeente Amsterdam." in dels and "Dit akkoord heeft tot doel" in dels
    assert dom.get("lang") == "nl"

    shot = tmp_path / "redline.png"
    proc = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


# -- the whole text, block by block (a redline computed from two documents) ----------------------


def computed(side_by_side: bool = False, include_unchanged: bool = False) -> str:
    """The sample with a title, preamble, division heading, lid, table cell and list item change,
    and its closing clause (not an article) changed too."""
    import copy

    from conftest import SAMPLE
    from lxml import etree

    from akkoordvc.model import names
    from akkoordvc.model.document import Document
    from akkoordvc.model.xmlparse import parse_file
    from akkoordvc.ops.align import compute

    old = parse_file(SAMPLE)
    closing = etree.SubElement(
        old.find(names.BODY), names.CLAUSE, {"id": "slot", "kind": "closing", "num": "Ondertekening"}
    )
    etree.SubElement(closing, names.P).text = "Aldus overeengekomen te Amsterdam."
    new = copy.deepcopy(old)
    new.find(f"{names.META}/{names.TITLE}").text = "Maatschappelijk akkoord Amsterdam 2023"
    p = new.find(f"{names.PREAMBLE}/{names.P}").getnext()
    p.text = p.text.replace("die er wonen, werken", "die er wonen, leren, werken")
    new.find(f"{names.BODY}/{names.DIVISION}/{names.HEADING}").text = "Wat is er en waar komt het vandaan?"
    lid = new.find(".//clause[@id='looptijd']/para[@num='2']/p")
    lid.text = lid.text.replace("met enige regelmaat", "elk jaar")
    cell = new.find(".//clause[@id='verdeling-middelen']//row[2]/cell[2]")
    cell.text = cell.text.replace("1–10%", "2–12%")
    new.find(".//clause[@id='slot']/p").text = "Aldus overeengekomen te Amsterdam, in tweevoud."
    side = Side("v1", "2019", "a" * 64, lang="nl", title="Ma.ak020")
    redline = compute(Document(old), Document(new), side, Side("v2", "2023", "b" * 64, lang="nl", title="Ma.ak020"))
    return html_render.render(redline, side_by_side=side_by_side, include_unchanged=include_unchanged)


def test_parts_outside_the_clauses_are_on_the_page_in_document_order():
    doc = parse(computed())
    sections = [s.get("id") for s in doc.iter("section") if s.get("data-change") is not None]
    assert sections == ["p-title", "p-preamble", "p-deel-1", "c-verdeling-middelen", "c-looptijd", "c-slot"]
    assert doc.get_element_by_id("h-p-preamble").text_content() == "Aanhef"
    heading = doc.get_element_by_id("h-p-deel-1").text_content()
    assert heading.startswith("Deel I (kop)") and "is er en waar komt het" in heading
    assert doc.get_element_by_id("h-c-slot").text_content() == "Ondertekening"  # not "Artikel Ondertekening"
    assert "Geen wijzigingen" not in doc.text_content()


def test_a_lid_change_is_shown_in_its_lid_with_one_lid_of_context():
    doc = parse(computed())
    clause = doc.get_element_by_id("c-looptijd")
    blocks = [b for b in clause.find_class("blk")]
    assert [b.find_class("bn")[0].text_content() for b in blocks] == ["1", "2", "3"]
    assert [b.get("class").split()[-1] for b in blocks] == ["k-unchanged", "k-modified", "k-unchanged"]
    changed = blocks[1]
    assert changed.find(".//del").text_content().endswith("met enige regelmaat]")
    assert changed.find(".//ins").text_content().endswith("elk jaar]")
    assert "Zij beoordelen ten minste eenmaal per bestuursperiode" in changed.text_content()  # never cut short


def test_unchanged_blocks_beyond_the_context_are_folded_and_a_table_cell_is_marked_in_its_row():
    doc = parse(computed())
    preamble = doc.get_element_by_id("p-preamble")
    (folded,) = preamble.iter("details")
    assert folded.find("summary").text_content() == "1 ongewijzigd onderdeel"
    assert len(folded.find_class("blk")) == 1
    table = doc.get_element_by_id("c-verdeling-middelen").find(".//table")
    rows = table.findall("tr")
    assert [r.get("class") for r in rows][:3] == [None, "k-modified", None]
    (cell,) = [td for td in rows[1] if td.get("class") == "k-modified"]
    assert cell.find("del") is not None and cell.find("ins") is not None
    everything = parse(computed(include_unchanged=True))
    assert not list(everything.get_element_by_id("p-preamble").iter("details"))


def test_contents_show_the_divisions_headings_and_kinds_of_change():
    doc = parse(computed())
    entries = [
        (li.get("class"), " ".join(li.text_content().split())) for li in doc.get_element_by_id("contents").iter("li")
    ]
    assert ("lvl-0", "Titel gewijzigd") in entries
    assert ("lvl-0", "Deel I (kop) Wat is er en waar komt het vandaan? gewijzigd") in entries
    assert ("toc-div", "Hoofdstuk 9 Uitvoering, looptijd en status") in entries
    assert ("lvl-2", "Artikel 46 Looptijd en vernieuwing gewijzigd") in entries


def test_previous_and_next_change_links_walk_every_change_in_order():
    doc = parse(computed())
    changes = [s.get("id") for s in doc.iter("section") if s.get("data-change") is not None]
    for k, ident in enumerate(changes):
        section = doc.get_element_by_id(ident)
        nexts = [a.get("href") for a in section.find_class("next")]
        prevs = [a.get("href") for a in section.find_class("prev")]
        assert nexts == ([f"#{changes[k + 1]}"] if k + 1 < len(changes) else [])
        assert prevs == ([f"#{changes[k - 1]}"] if k else [])


@pytest.mark.slow
def test_in_a_browser_side_by_side_stacks_on_a_phone_keys_step_through_changes_and_axe_passes(tmp_path):
    try:
        from axe_playwright_python.sync_playwright import Axe
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright or axe-playwright-python is not installed")
    if CHROMIUM is None:
        pytest.skip("no chromium binary on PATH")
    page_file = tmp_path / "redline.html"
    page_file.write_text(computed(side_by_side=True), "utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        try:
            requests: list[str] = []
            for width, stacked in ((1280, False), (375, True)):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file://") else None)
                page.goto(page_file.as_uri())
                old = page.locator("#c-looptijd .pair.k-modified .old").bounding_box()
                new = page.locator("#c-looptijd .pair.k-modified .new").bounding_box()
                if stacked:
                    assert abs(old["x"] - new["x"]) < 2 and new["y"] >= old["y"] + old["height"] - 1
                else:
                    assert new["x"] > old["x"] + old["width"] - 1 and abs(old["y"] - new["y"]) < 2
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"{overflow}px too wide at {width}px"
                page.close()
            assert requests == []
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri())
            page.keyboard.press("n")
            assert page.evaluate("location.hash") == "#p-title"
            page.keyboard.press("n")
            assert page.evaluate("location.hash") == "#p-preamble"
            page.click("[data-open-all]")
            assert page.evaluate("Array.from(document.querySelectorAll('details.more')).every(d => d.open)")
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
            serious = [v["id"] for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
            assert serious == []
        finally:
            browser.close()
