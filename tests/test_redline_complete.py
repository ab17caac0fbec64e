"""No change may be invisible: the redline covers the whole text (issue 8 items 1, 2 and 5).

Generated documents (every element of the schema: metadata, preamble, divisions with headings,
subheadings and their own text, clauses of every kind with leden, nested lists, tables, figures,
inline markup and origin metadata) get random edits of every kind, and:

* the redline is empty exactly when the canonical bytes of the two texts are equal;
* every part, clause and block rebuilds its old and new text from its word diff;
* the reading order holds every part and clause once, in document order.

The same checks run on every consecutive pair of the BWB corpus, where the expected changes
outside the clauses (division headings) are read from the BWB XML with plain lxml.
"""

from __future__ import annotations

import copy
import itertools
import json
import random
import re

import pytest
from conftest import BWB, bwb_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from akkoordvc.model import canonical, names
from akkoordvc.model.document import Document
from akkoordvc.model.validate import problems
from akkoordvc.ops.align import compute
from akkoordvc.ops.redline import CLAUSE, PART, WAS, InternalError, Side, flatten

OLD = Side("old", None, "0" * 64, lang="nl")
NEW = Side("new", None, "1" * 64, lang="nl")

WORDS = (
    "de gemeente stelt een budget beschikbaar voor bewoners die samen een plan maken en "
    "zij verantwoordt de besteding in een openbaar verslag dat iedereen kan lezen over de stad"
).split()


# --- generated documents ------------------------------------------------------------------------


def sentence(rng: random.Random, low: int = 3, high: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def inline(parent: etree._Element, rng: random.Random, text: str) -> None:
    """Text with, now and then, an em, strong, ref or figure inside."""
    words = text.split(" ")
    if len(words) < 4 or rng.random() < 0.6:
        parent.text = text
        return
    k = rng.randrange(1, len(words) - 1)
    parent.text = " ".join(words[:k]) + " "
    kind = rng.choice([names.EM, names.STRONG, names.REF, names.FIGURE])
    child = etree.SubElement(parent, kind)
    if kind == names.FIGURE:
        child.set(names.SRC, f"f{rng.randint(1, 9)}.png")
        child.tail = " " + " ".join(words[k:])
        return
    if kind == names.REF:
        child.set(names.HREF, f"https://example.org/{rng.randint(1, 9)}")
    child.text = words[k]
    child.tail = " " + " ".join(words[k + 1 :])


def p(parent: etree._Element, rng: random.Random) -> etree._Element:
    element = etree.SubElement(parent, names.P)
    inline(element, rng, sentence(rng))
    return element


def blocks(parent: etree._Element, rng: random.Random, depth: int = 0) -> None:
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        if roll < 0.55 or depth > 1:
            p(parent, rng)
        elif roll < 0.8:
            lst = etree.SubElement(parent, names.LIST)
            if rng.random() < 0.5:
                lst.set(names.KIND, rng.choice(["expliciet", "ongemarkeerd"]))
            for k in range(rng.randint(1, 4)):
                item = etree.SubElement(lst, names.ITEM, {names.NUM: f"{'abcdefgh'[k]}."})
                blocks(item, rng, depth + 1)
        elif roll < 0.92:
            table = etree.SubElement(parent, names.TABLE)
            columns = rng.randint(1, 3)
            for _ in range(rng.randint(1, 3)):
                row = etree.SubElement(table, names.ROW)
                for _ in range(columns):
                    inline(etree.SubElement(row, names.CELL), rng, sentence(rng, 1, 4))
        else:
            figure = etree.SubElement(parent, names.FIGURE, {names.SRC: f"scan-{rng.randint(1, 20)}.png"})
            if rng.random() < 0.5:
                figure.set(names.WIDTH, str(rng.randint(100, 600)))


def clause(parent: etree._Element, rng: random.Random, ident: str, num: int) -> None:
    kind = rng.choice([None, None, None, "annex", "closing", "text"])
    element = etree.SubElement(parent, names.CLAUSE, {names.ID: ident, names.NUM: str(num)})
    if kind:
        element.set(names.KIND, kind)
    if rng.random() < 0.7:
        inline(etree.SubElement(element, names.HEADING), rng, sentence(rng, 1, 5))
    if rng.random() < 0.15:
        etree.SubElement(element, names.SUBHEADING).text = sentence(rng, 1, 4)
    if rng.random() < 0.3:
        origin = etree.SubElement(element, names.ORIGIN)
        for name in rng.sample(["inwerking", "bron", "label-id"], rng.randint(1, 3)):
            etree.SubElement(origin, names.PROPERTY, {names.NAME: name}).text = f"{name}-{rng.randint(1, 5)}"
    if rng.random() < 0.6:
        for k in range(rng.randint(1, 4)):
            para = etree.SubElement(element, names.PARA, {names.NUM: str(k + 1)})
            blocks(para, rng, 1)
    else:
        blocks(element, rng)


def document(seed: int) -> etree._Element:
    rng = random.Random(seed)
    root = etree.Element(names.AGREEMENT, {names.ID: "gen", names.LANG: "nl"})
    meta = etree.SubElement(root, names.META)
    inline(etree.SubElement(meta, names.TITLE), rng, sentence(rng, 2, 6))
    if rng.random() < 0.5:
        etree.SubElement(meta, names.SHORT_TITLE).text = "Gen"
    etree.SubElement(meta, names.DATE, {names.NAME: "signed", names.VALUE: f"2019-11-{rng.randint(10, 28)}"})
    for name in ("status", "plaats")[: rng.randint(0, 2)]:
        etree.SubElement(meta, names.PROPERTY, {names.NAME: name}).text = sentence(rng, 1, 3)
    if rng.random() < 0.8:
        preamble = etree.SubElement(root, names.PREAMBLE)
        blocks(preamble, rng)
    body = etree.SubElement(root, names.BODY)
    counter = iter(range(1, 1000))
    for d in range(rng.randint(0, 3)):
        division = etree.SubElement(
            body, names.DIVISION, {names.ID: f"d{d}", names.KIND: rng.choice(names.DIVISION_KINDS), names.NUM: str(d)}
        )
        if rng.random() < 0.8:
            inline(etree.SubElement(division, names.HEADING), rng, sentence(rng, 1, 5))
        if rng.random() < 0.2:
            etree.SubElement(division, names.SUBHEADING).text = sentence(rng, 1, 3)
        if rng.random() < 0.25:
            p(division, rng)
        for _ in range(rng.randint(0, 3)):
            n = next(counter)
            clause(division, rng, f"c{n}", n)
        if rng.random() < 0.3:
            inner = etree.SubElement(division, names.DIVISION, {names.ID: f"d{d}s", names.KIND: "section"})
            for _ in range(rng.randint(1, 2)):
                n = next(counter)
                clause(inner, rng, f"c{n}", n)
    for _ in range(rng.randint(0, 3)):
        n = next(counter)
        clause(body, rng, f"c{n}", n)
    return root


# --- random edits ---------------------------------------------------------------------------------

_TEXT_HOLDERS = (names.TITLE, names.SHORT_TITLE, names.HEADING, names.SUBHEADING, names.P, names.CELL, names.PROPERTY)


def _set_text(element: etree._Element, text: str) -> None:
    for child in list(element):
        element.remove(child)
    element.text = text


def edit(root: etree._Element, rng: random.Random) -> str:
    """Apply one random edit to the tree; returns what it did (for the failure message)."""
    everything = [e for e in root.iter() if isinstance(e.tag, str)]
    holders = [e for e in everything if e.tag in _TEXT_HOLDERS]
    clauses = list(root.iter(names.CLAUSE))
    divisions = list(root.iter(names.DIVISION))
    kind = rng.choice(
        [
            "text",
            "word",
            "nbsp",
            "space-run",
            "markup",
            "href",
            "num",
            "attribute",
            "remove",
            "duplicate",
            "move-clause",
            "date",
            "lang",
            "figure",
            "kind",
            "id",
            "stray-attribute",
        ]
    )
    if kind == "text" and holders:
        target = rng.choice(holders)
        _set_text(target, sentence(rng))
        return f"text of <{target.tag}>"
    if kind == "word" and holders:
        target = rng.choice(holders)
        text = "".join(target.itertext())
        words = text.split(" ")
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        _set_text(target, " ".join(words))
        return f"a word in <{target.tag}>"
    if kind == "nbsp" and holders:
        target = rng.choice(holders)
        if target.text and " " in target.text:
            target.text = target.text.replace(" ", "\u00a0", 1)
            return f"a space became an NBSP in <{target.tag}>"
    if kind == "space-run" and holders:  # canonically the same text: no change
        target = rng.choice(holders)
        if target.text and " " in target.text:
            target.text = target.text.replace(" ", "  \n ", 1)
            return f"layout whitespace in <{target.tag}>"
    if kind == "markup" and holders:
        target = rng.choice(holders)
        text = "".join(target.itertext())
        if " " in text:
            head, _, tail = text.partition(" ")
            _set_text(target, "")
            em = etree.SubElement(target, names.EM)
            em.text = head
            em.tail = " " + tail
            return f"emphasis in <{target.tag}>"
    if kind == "href":
        refs = list(root.iter(names.REF))
        if refs:
            rng.choice(refs).set(names.HREF, "https://example.org/other")
            return "a reference's href"
    if kind == "num":
        numbered = [e for e in everything if e.tag in (names.PARA, names.ITEM, names.CLAUSE, names.DIVISION)]
        if numbered:
            target = rng.choice(numbered)
            target.set(names.NUM, f"{rng.randint(1, 99)}{rng.choice(['', 'a'])}")
            return f"num of <{target.tag}>"
    if kind == "attribute":
        lists = list(root.iter(names.LIST))
        if lists:
            rng.choice(lists).set(names.KIND, rng.choice(["streepje", "expliciet"]))
            return "a list's kind"
    if kind == "remove":
        removable = [
            e
            for e in everything
            if e.tag in (names.PARA, names.ITEM, names.ROW, names.P, names.CLAUSE, names.DIVISION, names.PROPERTY)
            and len(e.getparent()) > 1
        ]
        if removable:
            target = rng.choice(removable)
            target.getparent().remove(target)
            return f"removed a <{target.tag}>"
    if kind == "duplicate":
        copyable = [e for e in everything if e.tag in (names.PARA, names.ITEM, names.ROW, names.P)]
        if copyable:
            target = rng.choice(copyable)
            twin = copy.deepcopy(target)
            for holder in twin.iter(*_TEXT_HOLDERS):
                if holder.text:
                    holder.text = holder.text + " " + rng.choice(WORDS)
                    break
            target.addnext(twin)
            return f"added a <{target.tag}>"
    if kind == "move-clause" and len(clauses) > 1:
        target = rng.choice(clauses)
        places = [d for d in divisions if target not in d.iterancestors()] + [root.find(names.BODY)]
        place = rng.choice(places)
        place.append(target)
        return f"moved clause {target.get(names.ID)}"
    if kind == "date":
        date = root.find(f"{names.META}/{names.DATE}")
        date.set(names.VALUE, "2020-01-01")
        return "a date"
    if kind == "lang":
        root.set(names.LANG, "nl-BE")
        return "the document's language"
    if kind == "figure":
        figures = list(root.iter(names.FIGURE))
        if figures:
            rng.choice(figures).set(names.SRC, "other.png")
            return "a figure's file"
    if kind == "kind" and clauses:
        target = rng.choice(clauses)
        target.set(names.KIND, rng.choice(names.CLAUSE_KINDS))
        return f"kind of clause {target.get(names.ID)}"
    if kind == "stray-attribute":  # an attribute the schema does not know, on any element
        target = rng.choice(everything)
        target.set(rng.choice(["big", "style", "lang"]), rng.choice(["", "x", "AAAA"]))
        return f"an attribute on <{target.tag}>"
    if kind == "id" and clauses:
        target = rng.choice(clauses)
        target.set(names.ID, target.get(names.ID) + "x")
        return f"id of clause {target.get(names.ID)}"
    return "nothing"


def edited(seed: int, n_edits: int) -> tuple[etree._Element, etree._Element, list[str]]:
    old = document(seed)
    new = copy.deepcopy(old)
    rng = random.Random(seed * 7919 + n_edits)
    done = [edit(new, rng) for _ in range(n_edits)]
    return old, new, done


# --- the checks -----------------------------------------------------------------------------------


def _rebuilds(words, old: str, new: str) -> bool:
    return "".join(t for op, t in words if op != "+") == old and "".join(t for op, t in words if op != "-") == new


def check_redline(old_root: etree._Element, new_root: etree._Element, context: str = "") -> None:
    """Every promise of the redline's data model on one pair of texts."""
    redline = compute(Document(old_root), Document(new_root), OLD, NEW)
    same = canonical.to_bytes(old_root) == canonical.to_bytes(new_root)
    assert redline.empty == same, f"{context}: empty={redline.empty} but canonical bytes equal={same}"
    for part in redline.parts:
        assert _rebuilds(part.words, part.old_text, part.new_text), (context, part.kind, part.id)
    for change in redline.clauses:
        assert _rebuilds(change.words, change.old_text, change.new_text), (context, change.id)
        assert _rebuilds(change.heading_words, change.old_heading or "", change.heading or ""), (context, change.id)
    for item in [*redline.parts, *redline.clauses]:
        for block in flatten(item.tree if hasattr(item, "tree") else item.blocks):
            assert _rebuilds(block.words, block.old_text, block.new_text), (context, block.kind)
            if block.change == "unchanged":
                assert block.old_text == block.new_text and block.num == block.old_num, (context, block.kind)
    # the reading order: every part and clause once, and nothing else
    shown = [e.part if e.kind == PART else e.clause for e in redline.order if e.kind in (PART, CLAUSE)]
    assert sorted(map(id, shown)) == sorted(map(id, [*redline.parts, *redline.clauses]))
    assert all(e.kind in (PART, CLAUSE, WAS) for e in redline.order)
    # as data
    data = json.loads(json.dumps(redline.as_dict(include_unchanged=True)))
    assert data["stats"]["parts_changed"] == sum(1 for p in redline.parts if p.changed)
    assert len(data["parts"]) == len(redline.parts) and len(data["clauses"]) == len(redline.clauses)


def test_generated_documents_are_valid():
    for seed in range(40):
        root = document(seed)
        assert problems(root) == [], seed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.integers(0, 4))
def test_no_difference_is_ever_invisible(seed, n_edits):
    old, new, done = edited(seed, n_edits)
    check_redline(old, new, f"seed {seed}, edits {done}")


@pytest.mark.parametrize("seed", range(12))
def test_a_document_against_itself_is_empty(seed):
    root = document(seed)
    redline = compute(Document(root), Document(copy.deepcopy(root)), OLD, NEW)
    assert redline.empty and not redline.changed and not redline.changed_parts


# --- parts outside the clauses --------------------------------------------------------------------


def _doc(preamble: str = "Wij spreken af.", title: str = "Akkoord", heading: str = "Zeggenschap") -> etree._Element:
    root = etree.fromstring(
        f"""<agreement id="t" lang="nl"><meta><title>{title}</title><date name="signed" value="2019-11-09"/></meta>
        <preamble><p>{preamble}</p><p>Tweede alinea.</p></preamble>
        <body><division id="h1" kind="chapter" num="3"><heading>{heading}</heading>
          <clause id="a" num="1"><para num="1"><p>Een lid.</p></para><para num="2"><p>Twee leden.</p></para></clause>
        </division><clause id="slot" kind="closing" num="Slotformulier"><p>Lasten en bevelen.</p></clause></body>
        </agreement>""".encode()
    )
    return root


def test_a_preamble_change_is_reported_as_a_part():
    redline = compute(Document(_doc()), Document(_doc(preamble="Wij spreken samen af.")), OLD, NEW)
    assert not redline.empty and redline.changed == []
    (part,) = redline.changed_parts
    assert (part.kind, part.change) == ("preamble", "modified")
    assert ("+", "samen ") in part.words
    changed_blocks = [b for b in flatten(part.blocks) if b.changed]
    assert [(b.kind, b.old_text, b.new_text) for b in changed_blocks] == [
        ("p", "Wij spreken af.", "Wij spreken samen af.")
    ]
    assert redline.stats()["parts_changed"] == 1 and redline.stats()["words_inserted"] == 1


def test_title_and_division_heading_changes_are_parts_in_document_order():
    old, new = _doc(), _doc(title="Nieuw akkoord", heading="Zeggenschap en eigenaarschap")
    new.find(f"{names.META}/{names.DATE}").set(names.VALUE, "2023-03-01")
    redline = compute(Document(old), Document(new), OLD, NEW)
    changed = [(p.kind, p.id, p.change) for p in redline.changed_parts]
    assert changed == [
        ("title", "title", "modified"),
        ("meta", "date:signed", "modified"),
        ("division", "h1", "modified"),
    ]
    division = redline.changed_parts[-1]
    assert (division.num, division.division_kind) == ("3", "chapter")
    assert division.words == [("=", "Zeggenschap"), ("+", " en eigenaarschap")]
    order = [(e.kind, (e.part or e.clause).id) for e in redline.order]
    assert order == [
        ("part", "title"),
        ("part", "date:signed"),
        ("part", "@id"),
        ("part", "@lang"),
        ("part", "preamble"),
        ("part", "h1"),
        ("clause", "a"),
        ("clause", "slot"),
    ]


def test_a_lid_change_is_shown_in_its_lid():
    old = _doc()
    new = _doc()
    new.find(".//para[@num='2']/p").text = "Twee leden, of meer."
    redline = compute(Document(old), Document(new), OLD, NEW)
    (change,) = redline.changed
    changed = [(b.kind, b.num, b.change) for b in change.blocks if b.changed]
    assert changed == [("para", "2", "modified")]
    lid = next(b for b in change.blocks if b.changed)
    assert lid.words == [("=", "Twee leden"), ("+", ", of meer"), ("=", ".")]
    assert change.words == [("=", "1 Een lid. 2 Twee leden"), ("+", ", of meer"), ("=", ".")]


def test_a_clause_that_is_not_an_article_keeps_its_kind():
    old, new = _doc(), _doc()
    new.find(".//clause[@id='slot']/p").text = "Lasten en bevelen, gegeven."
    redline = compute(Document(old), Document(new), OLD, NEW)
    (change,) = redline.changed
    assert (change.clause_kind, change.num) == ("closing", "Slotformulier")


def test_layout_whitespace_is_no_change_but_an_nbsp_is():
    old = _doc()
    new = _doc(preamble="Wij  spreken\n af.")
    assert compute(Document(old), Document(new), OLD, NEW).empty
    nbsp = _doc(preamble="Wij spreken\u00a0af.")
    redline = compute(Document(old), Document(nbsp), OLD, NEW)
    (part,) = redline.changed_parts
    assert part.words == [("=", "Wij spreken"), ("-", " "), ("+", "\u00a0"), ("=", "af. Tweede alinea.")]
    assert (part.words_inserted, part.words_deleted) == (0, 0)


def test_origin_metadata_and_id_changes_surface_without_being_text_changes():
    old = _doc()
    new = _doc()
    clause_el = new.find(".//clause[@id='a']")
    origin = etree.Element(names.ORIGIN)
    etree.SubElement(origin, names.PROPERTY, {names.NAME: "bron"}).text = "Stb. 2020, 1"
    clause_el.insert(0, origin)
    redline = compute(Document(old), Document(new), OLD, NEW)
    (change,) = redline.changed
    assert change.kinds == ("origin",)
    assert [(b.kind, b.name, b.change) for b in change.blocks if b.changed] == [
        ("origin", None, "added"),
        ("property", "bron", "added"),
    ]


def test_an_empty_redline_of_different_texts_is_refused(monkeypatch):
    """The library's own check: if a difference were missed, compute raises instead of saying "no changes"."""
    from akkoordvc.ops import align

    monkeypatch.setattr(align._Builder, "preamble_part", lambda self: None)
    with pytest.raises(InternalError, match="came out empty"):
        compute(Document(_doc()), Document(_doc(preamble="Anders.")), OLD, NEW)


# --- the corpus -----------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
DIVISIONS = {"deel", "boek", "hoofdstuk", "titeldeel", "afdeling", "paragraaf", "sub-paragraaf", "subparagraaf"}


def _kops(path) -> dict[str, str]:
    """label-id -> the words of the division's kop (without its label), from the BWB XML."""
    root = etree.parse(str(path)).getroot()
    out = {}
    for element in root.iter(*DIVISIONS, "bijlage"):
        kop = element.find("kop")
        if kop is None:
            continue
        words = " ".join(_SPACE.sub(" ", "".join(c.itertext())).strip() for c in kop if c.tag != "label")
        out[element.get("label-id")] = words
    return out


def corpus_pairs():
    pairs = []
    for law in ("BWBR0002458", "BWBR0002629"):
        files = bwb_files(law)
        pairs.extend(
            pytest.param(a, b, id=f"{a.stem}..{b.stem.split('_', 1)[1]}") for a, b in itertools.pairwise(files)
        )
    return pairs or [pytest.param(None, None, marks=pytest.mark.skip(reason=f"test corpus not found at {BWB}"))]


_IMPORTS: dict = {}


def imported(path):
    from akkoordvc.model.bwb import import_bwb_bytes

    if path not in _IMPORTS:
        if len(_IMPORTS) > 4:
            _IMPORTS.clear()
        _IMPORTS[path] = import_bwb_bytes(path.read_bytes(), path.name)
    return _IMPORTS[path]


@pytest.mark.slow
@pytest.mark.parametrize("old_path, new_path", corpus_pairs())
def test_every_corpus_pair_shows_its_division_headings_and_loses_nothing(old_path, new_path):
    """A division whose kop changed between two versions (read from the BWB XML) is a changed part;
    a division that came or went is added or removed; and the data model's promises hold."""
    old_root, new_root = imported(old_path), imported(new_path)
    check_redline(old_root, new_root, f"{old_path.name} -> {new_path.name}")
    redline = compute(Document(old_root), Document(new_root), OLD, NEW)
    old_kops, new_kops = _kops(old_path), _kops(new_path)
    expected = {f"d{k}" for k in old_kops.keys() & new_kops.keys() if old_kops[k] != new_kops[k]}
    expected |= {f"d{k}" for k in old_kops.keys() ^ new_kops.keys()}
    got = {p.id for p in redline.parts if p.kind == "division" and p.changed}
    assert expected <= got, sorted(expected - got)
