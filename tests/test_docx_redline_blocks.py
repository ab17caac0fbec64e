"""The DOCX redline of a whole text, block by block: one Word paragraph per block in the styles of the
clean export (title, preamble, division and clause headings, leden, list items, table cells), every
change tracked, so that accepting every change gives the paragraphs of the new text in order and
rejecting every change those of the old.

The reference is the clean export of each text (`present/worddoc.py`, which the Word reader turns
back into the same agreement: tests/test_word_*.py), compared as (role, level, text) per paragraph.
Two ways of accepting and rejecting: Word's rules applied here to the document XML (a removed
paragraph mark joins the paragraph to the next, which keeps its own style), on the sample text and
on generated documents with random edits (hypothesis); and real LibreOffice (accept all / reject
all, saved as .docx), batched, on every consecutive pair of the BWB corpus and on generated pairs.
"""

from __future__ import annotations

import io
import itertools
import random
import re
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLE, bwb_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libreoffice import DOCX, SOFFICE, Office
from lxml import etree
from test_redline_complete import edited

from akkoordvc.model import wordml_names as wn
from akkoordvc.model.document import Document
from akkoordvc.ops.align import compute
from akkoordvc.ops.redline import Side
from akkoordvc.present import docx as docx_render
from akkoordvc.present import worddoc

W = wn.w
AUTHOR = "Fenna de Boer"
DATE = "2022-07-04T00:00:00Z"
#: The roles of the agreement's own paragraphs (the redline's notes and header lines are not).
CONTENT = frozenset(
    {
        wn.TITLE,
        wn.SHORT_TITLE,
        wn.DIVISION,
        wn.CLAUSE,
        wn.SUBHEADING,
        wn.TEXT,
        wn.LID,
        wn.LID_CONT,
        wn.ITEM,
        wn.ITEM_CONT,
        wn.CELL,
        wn.FIGURE,
    }
)
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not on PATH (see .ci/run)")

Para = tuple[str, int, str]


def redline_docx(old: etree._Element, new: etree._Element) -> bytes:
    old_doc, new_doc = Document(old), Document(new)
    redline = compute(
        old_doc, new_doc, Side("v1", None, "0" * 64, lang=old_doc.lang), Side("v2", None, "1" * 64, lang=new_doc.lang)
    )
    return docx_render.render(redline, author=AUTHOR, date=DATE, include_unchanged=True)


def _text(p: etree._Element, deleted: bool) -> str:
    out = []
    for node in p.iter(W("t"), W("delText"), W("tab"), W("br")):
        style = node.getparent().find(f"{W('rPr')}/{W('rStyle')}")
        if style is not None and style.get(W("val")) == wn.style_id(wn.INLINE_FIGURE):
            continue  # an image inside a text: the export names it, the redline's text has no words for it
        if node.tag == W("tab"):
            out.append("\t")
        elif node.tag == W("br"):
            out.append("\n")
        elif node.tag == W("t") or deleted:
            out.append(node.text or "")
    return "".join(out)


def _normal(text: str) -> str:
    """Whitespace runs as one space within each tab-separated field (the clean export writes the
    source's line breaks and indentation inside a text as they are; a word processor shows a space)."""
    return "\t".join(re.sub(r"\s+", " ", field).strip() for field in text.split("\t"))


def paragraphs(data: bytes) -> list[Para]:
    """The content paragraphs of a .docx without tracked changes: (role, level, text)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
        body = etree.fromstring(package.read("word/document.xml"))
    names = {
        s.get(W("styleId")): (s.find(W("name")).get(W("val")) if s.find(W("name")) is not None else None)
        for s in styles.iter(W("style"))
    }
    assert not body.xpath("//w:ins | //w:del", namespaces={"w": wn.W_NS}), "tracked changes left"
    out = []
    for p in body.iter(W("p")):
        style = p.find(f"{W('pPr')}/{W('pStyle')}")
        sid = style.get(W("val")) if style is not None else None
        role = wn.role_of_style(sid, names.get(sid))
        if role is not None and role[0] in CONTENT:
            out.append((role[0], role[1], _normal(_text(p, False))))
    return out


def expected(root: etree._Element) -> list[Para]:
    return paragraphs(worddoc.render(root))


def word_projection(data: bytes, accept: bool) -> list[Para]:
    """Word's "accept all" (or "reject all") applied to the redline's XML: the dropped side's runs go,
    a paragraph whose mark is dropped joins the next one (which keeps its style), a dropped table
    row goes whole; then the content paragraphs as in `paragraphs`."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        styles = package.read("word/styles.xml")
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    for row in list(body.iter(W("tr"))):
        if row.find(f"{W('trPr')}/{W(drop)}") is not None:
            row.getparent().remove(row)
    carried = ""
    for p in list(body.iter(W("p"))):
        for element in list(p.iter(W(drop))):
            if element.getparent().tag != W("rPr"):
                element.getparent().remove(element)
        text = carried + _text(p, deleted=not accept)
        mark = p.find(f"{W('pPr')}/{W('rPr')}/{W(drop)}")
        for run in list(p):
            if run.tag != W("pPr"):
                p.remove(run)
        if mark is not None:
            carried = text
            p.getparent().remove(p)
            continue
        carried = ""
        etree.SubElement(etree.SubElement(p, W("r")), W("t")).text = text
    for mark in list(body.iter(W(keep))):  # what stays is no longer a change
        mark.getparent().remove(mark)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("word/document.xml", etree.tostring(body))
        out.writestr("word/styles.xml", styles)
    return paragraphs(buffer.getvalue())


def sample_edits() -> tuple[etree._Element, etree._Element]:
    """The sample agreement and a copy with a change in the title, the preamble, a division heading,
    a lid, a list item, a table cell, a cell removed from a row, a clause added, one removed and one moved."""
    old = etree.fromstring(SAMPLE.read_bytes())
    new = etree.fromstring(SAMPLE.read_bytes())
    title = new.find("meta/title")
    title.text = (title.text or "") + " (herzien)"
    first = new.find("preamble").xpath(".//p")[0]
    first.text = "Bewoners en gemeente, " + (first.text or "")
    heading = new.xpath("//division/heading")[0]
    heading.text = (heading.text or "") + " en verder"
    lid = new.xpath("//clause/para/p")[1]
    lid.text = (lid.text or "") + " Dit lid is gewijzigd."
    item = new.xpath("//item/p")[0]
    item.text = "Gewijzigd: " + (item.text or "")
    cells = new.xpath("//cell")
    cells[0].text = "Nieuwe cel"
    row = new.xpath("//row[count(cell) > 1]")[-1]
    row.remove(row.findall("cell")[-1])  # a cell fewer in a row
    clauses = new.xpath("//clause")
    clauses[2].getparent().remove(clauses[2])
    moved = clauses[4]
    moved.getparent().remove(moved)
    clauses[-1].addnext(moved)
    clauses[5].addnext(
        etree.fromstring(
            '<clause id="nieuw" num="99"><heading>Nieuw</heading><para num="1"><p>Een nieuw lid.</p></para></clause>'
        )
    )
    return old, new


def test_one_paragraph_per_block_in_the_export_styles():
    old, new = sample_edits()
    data = redline_docx(old, new)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    ns = {"w": wn.W_NS}
    summary = "".join(body.xpath("//w:p[w:pPr/w:pStyle/@w:val='AkkoordMeta'][3]//w:t/text()", namespaces=ns))
    assert "3 andere onderdelen gewijzigd" in summary and "parts_changed" not in summary, summary
    styles = set(body.xpath("//w:pStyle/@w:val", namespaces=ns))
    assert {"Title", "Lid", "Artikelkop", "Opsomming1", "Heading1"} <= styles, styles
    # the table is a table, its changed cell tracked inside it
    assert body.xpath("//w:tbl//w:ins//w:t[contains(., 'Nieuwe cel')]", namespaces=ns)
    # title, preamble and division heading changes are tracked, by the author at the date
    inserted = "".join(body.xpath("//w:ins//w:t/text()", namespaces=ns))
    for text in ("herzien", "Bewoners en gemeente", "en verder", "Dit lid is gewijzigd", "Een nieuw lid."):
        assert text in inserted
    assert set(body.xpath("//w:ins/@w:author | //w:del/@w:author", namespaces=ns)) == {AUTHOR}
    assert set(body.xpath("//w:ins/@w:date | //w:del/@w:date", namespaces=ns)) == {DATE}


def test_word_accept_and_reject_give_the_new_and_the_old_sample():
    old, new = sample_edits()
    data = redline_docx(old, new)
    assert word_projection(data, accept=True) == expected(new)
    assert word_projection(data, accept=False) == expected(old)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), n_edits=st.integers(1, 8))
def test_word_accept_and_reject_on_generated_documents(seed, n_edits):
    old, new, done = edited(seed, n_edits)
    data = redline_docx(old, new)
    assert word_projection(data, accept=True) == expected(new), done
    assert word_projection(data, accept=False) == expected(old), done


def test_word_reject_gives_the_old_order_when_a_clause_moves_past_a_subdivision():
    # found by the generated test above (seed 772): the redline shows the subdivision as moved
    old, new, done = edited(772, 1)
    assert done == ["moved clause c3"]
    data = redline_docx(old, new)
    assert word_projection(data, accept=True) == expected(new)
    assert word_projection(data, accept=False) == expected(old)


def _clause(ident: str, words: str) -> str:
    return f'<clause id="{ident}" num="{ident[1:]}"><heading>Over {words}</heading><p>{words} staan hier.</p></clause>'


#: Two texts long enough to be paired by likeness (a split or a merge).
_LONG = (
    "de gemeente stelt elk jaar een plan op voor het onderhoud van alle straten en pleinen in de wijk",
    "bewoners mogen het plan lezen en geven binnen zes weken hun mening over de keuzes die erin staan",
)


def _lids(ident: str, *texts: str) -> str:
    lids = "".join(f'<para num="{k}"><p>{text}</p></para>' for k, text in enumerate(texts, 1))
    return f'<clause id="{ident}" num="{ident[1:]}"><heading>Onderhoud</heading>{lids}</clause>'


def _agreement(body: str) -> etree._Element:
    return etree.fromstring(
        f'<agreement id="t" lang="nl"><meta><title>Akkoord</title></meta><body>{body}</body></agreement>'.encode()
    )


def _moved_divisions() -> dict[str, tuple[etree._Element, etree._Element]]:
    """Small texts in which divisions move: (old, new) by name."""
    c = {k: _clause(f"a{k}", w) for k, w in enumerate(("Wonen", "Werken", "Leren", "Zorg", "Groen", "Water", "Geld"))}
    sub = f'<division id="s" kind="section"><heading>Wijk</heading>{c[3]}{c[4]}</division>'
    sub_after = sub.replace(c[4], c[4].replace("Groen staan", "Groen en bomen staan"))
    rest = f'<division id="h2" kind="chapter" num="2"><heading>Rand</heading>{c[5]}</division>{c[6]}'

    def chapter(content: str) -> str:
        return f'<division id="h1" kind="chapter" num="1"><heading>Stad</heading>{content}</division>'

    return {
        # a clause moves past a subdivision of its own division: the redline moves the subdivision
        "clause past subdivision": (
            _agreement(
                f'<division id="h1" kind="chapter" num="1"><heading>Stad</heading>{c[0]}{c[1]}{c[2]}{sub}'
                f'</division><division id="h2" kind="chapter" num="2"><heading>Rand</heading>{c[5]}</division>'
            ),
            _agreement(
                f'<division id="h1" kind="chapter" num="1"><heading>Stad</heading>{c[0]}{c[1]}{sub}{c[2]}'
                f'</division><division id="h2" kind="chapter" num="2"><heading>Rand</heading>{c[5]}</division>'
            ),
        ),
        # a chapter moves to the end, its heading and text edited; in it a clause is edited, one removed,
        # one added, one moved out of it
        "chapter moves, changes inside": (
            _agreement(
                f'<division id="h1" kind="chapter" num="1"><heading>Stad</heading><p>Inleiding.</p>{c[0]}{c[1]}'
                f'{sub}{c[2]}</division><division id="h2" kind="chapter" num="2"><heading>Rand</heading>{c[5]}'
                f"</division>{c[6]}"
            ),
            _agreement(
                f'<division id="h2" kind="chapter" num="2"><heading>Rand</heading>{c[5]}</division>{c[6]}'
                f'<division id="h1" kind="chapter" num="3"><heading>Binnenstad</heading><p>Inleiding, nu.</p>'
                f"{c[1]}{sub_after}{_clause('a9', 'Licht')}</division>{c[2]}"
            ),
        ),
        # a chapter moves; the two clauses it held are merged into one outside it (and the other way: split)
        "merged out of a moved chapter": (
            _agreement(f"{chapter(_lids('a1', _LONG[0]) + _lids('a2', _LONG[1]))}{rest}"),
            _agreement(f"{rest}{chapter(_clause('a7', 'Licht'))}{_lids('a8', *_LONG)}"),
        ),
        "split out of a moved chapter": (
            _agreement(f"{chapter(_lids('a1', *_LONG))}{rest}"),
            _agreement(f"{rest}{chapter(_clause('a7', 'Licht'))}{_lids('a8', _LONG[0])}{_lids('a9', _LONG[1])}"),
        ),
        # a division moves into the subdivision it held
        "divisions swap nesting": (
            _agreement(f'<division id="h1" kind="chapter" num="1"><heading>Stad</heading>{c[0]}{sub}</division>'),
            _agreement(
                f'<division id="s" kind="section"><heading>Wijk</heading>{c[3]}{c[4]}<division id="h1" '
                f'kind="chapter" num="1"><heading>Stad</heading>{c[0]}</division></division>'
            ),
        ),
    }


@pytest.mark.parametrize("name", list(_moved_divisions()))
def test_word_accept_and_reject_when_a_division_moves(name):
    """A moved division is deleted whole at its old place and inserted at its new place."""
    old, new = _moved_divisions()[name]
    redline = compute(Document(old), Document(new), Side("v1", None, "0" * 64), Side("v2", None, "1" * 64))
    assert any(p.kind == "division" and "moved" in p.kinds for p in redline.parts), "not the shape under test"
    if "merged" in name or "split" in name:
        assert any(c.change == name.split()[0] for c in redline.clauses), "not the shape under test"
    data = redline_docx(old, new)
    assert word_projection(data, accept=True) == expected(new)
    assert word_projection(data, accept=False) == expected(old)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    # the notes at either place link to the other one
    marks = {b.get(W("name")) for b in body.iter(W("bookmarkStart"))}
    links = [h.get(W("anchor")) for h in body.iter(W("hyperlink"))]
    assert links and set(links) <= marks, set(links) - marks


def _language_change(old_lang: str, new_lang: str) -> tuple[etree._Element, etree._Element]:
    body = f'<division id="h1" kind="chapter" num="1"><heading>Stad</heading>{_clause("a1", "Wonen")}</division>'
    old, new = _agreement(body), _agreement(body.replace("Wonen staan", "Wonen en werken staan"))
    old.set("lang", old_lang)
    new.set("lang", new_lang)
    return old, new


@pytest.mark.parametrize("old_lang, new_lang", [("nl", "en"), ("en", "nl"), ("nl", "")])
def test_word_accept_and_reject_when_the_language_changes(old_lang, new_lang):
    """The label words of the headings ("Artikel", "Hoofdstuk") of each side are in that text's own language
    (found by running the generated test above with more examples)."""
    old, new = _language_change(old_lang, new_lang)
    data = redline_docx(old, new)
    assert word_projection(data, accept=True) == expected(new)
    assert word_projection(data, accept=False) == expected(old)


def test_without_the_unchanged_text_a_moved_division_leaves_its_heading_and_its_changes_in_place():
    """Only changes shown: the old place of a moved division holds its old heading and own text, deleted;
    the changes in it are shown word by word at the new place, its unchanged clauses not at all."""
    old, new = _moved_divisions()["chapter moves, changes inside"]
    redline = compute(Document(old), Document(new), Side("v1", None, "0" * 64), Side("v2", None, "1" * 64))
    data = docx_render.render(redline, author=AUTHOR, date=DATE, include_unchanged=False)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    ns = {"w": wn.W_NS}
    deleted = "".join(body.xpath("//w:del//w:delText/text()", namespaces=ns))
    assert "Stad" in deleted and "Inleiding." in deleted, deleted
    assert "Werken staan hier." not in "".join(body.itertext())  # an unchanged clause of the moved chapter
    edited = body.xpath("//w:p[not(w:pPr/w:rPr/w:ins)][w:ins//w:t[.='en bomen ']]", namespaces=ns)
    assert edited, "the edit in the moved chapter is not shown word by word"


# -- LibreOffice ------------------------------------------------------------------------------------

_RESULTS: dict[str, dict[str, tuple[list[Para], list[Para], list[Para], list[Para]]]] = {}


def _pairs(law: str) -> list[tuple[Path, Path]]:
    return list(itertools.pairwise(bwb_files(law)))


def _generated() -> list[tuple[etree._Element, etree._Element]]:
    rng = random.Random(8)
    generated = [edited(rng.randrange(10_000), rng.randint(1, 8))[:2] for _ in range(30)] + [sample_edits()]
    return generated + list(_moved_divisions().values()) + [_language_change("nl", "en")]


def _libreoffice(group: str, tmp_path_factory) -> dict[str, tuple[list[Para], list[Para], list[Para], list[Para]]]:
    """Every pair of a group in one LibreOffice run: key -> (accepted, new, rejected, old)."""
    if group in _RESULTS:
        return _RESULTS[group]
    from akkoordvc.model.bwb import import_bwb_bytes

    folder = tmp_path_factory.mktemp(f"lo-{group}")
    office = Office(folder)
    if group == "generated":
        texts = {str(k): pair for k, pair in enumerate(_generated())}
    else:
        texts = {
            f"{a.stem}..{b.stem}": (import_bwb_bytes(a.read_bytes(), a.name), import_bwb_bytes(b.read_bytes(), b.name))
            for a, b in _pairs(group)
        }
    jobs, wanted = [], {}
    for k, (key, (old, new)) in enumerate(texts.items()):
        source = folder / f"redline-{k}.docx"
        source.write_bytes(redline_docx(old, new))
        jobs.append((str(source), str(folder / f"accepted-{k}.docx"), "accept", DOCX))
        jobs.append((str(source), str(folder / f"rejected-{k}.docx"), "reject", DOCX))
        wanted[key] = (k, expected(new), expected(old))
    office.batch(jobs)
    _RESULTS[group] = {
        key: (
            paragraphs((folder / f"accepted-{k}.docx").read_bytes()),
            new,
            paragraphs((folder / f"rejected-{k}.docx").read_bytes()),
            old,
        )
        for key, (k, new, old) in wanted.items()
    }
    return _RESULTS[group]


def _corpus_params():
    params = [
        pytest.param(law, f"{a.stem}..{b.stem}", id=f"{a.stem}..{b.stem}")
        for law in ("BWBR0002458", "BWBR0002629")
        for a, b in _pairs(law)
    ]
    return params or [pytest.param(None, None, marks=pytest.mark.skip(reason="test corpus not found (../shared)"))]


def _check(result, where: str) -> None:
    accepted, new, rejected, old = result
    assert new and old
    assert accepted == new, f"{where}: accept all in LibreOffice is not the new text"
    assert rejected == old, f"{where}: reject all in LibreOffice is not the old text"


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("law, key", _corpus_params())
def test_libreoffice_accept_and_reject_on_every_corpus_pair(law, key, tmp_path_factory):
    _check(_libreoffice(law, tmp_path_factory)[key], key)


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("key", [str(k) for k in range(32 + len(_moved_divisions()))])
def test_libreoffice_accept_and_reject_on_generated_pairs(key, tmp_path_factory):
    _check(_libreoffice("generated", tmp_path_factory)[key], f"generated pair {key}")
