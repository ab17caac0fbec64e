"""No difference is invisible in any format (issue 8 items 1, 5 and 8).

`test_redline_complete` checks the redline as data; here the same random edits on generated
documents (and, marked slow, every consecutive pair of the BWB corpus) go through every renderer a
reviewer reads: the terminal text, JSON, HTML and the XML redline (`amend show` and `since` use the
same renderers: tests/test_amendment_refs.py). For every pair:

* "Geen wijzigingen" appears exactly when the canonical bytes of the two texts are equal, in term
  and HTML; JSON and XML report a change exactly then;
* in the terminal text every changed part or clause shows at least one mark of what changed
  besides its header (a deletion, an insertion, a note in parentheses, an arrow or where it
  moved), and every changed block is shown whole: its whole old and new text can be read back.

Then, one example each, the changes that no word shows: formatting in a table cell or a heading,
a clause's kind, a division that gets a number, an empty attribute, an NBSP; and line breaks.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_redline_complete import NEW, OLD, corpus_pairs, edited, imported

from akkoordvc.model import canonical
from akkoordvc.model.document import Document
from akkoordvc.ops.align import compute
from akkoordvc.ops.redline import flatten
from akkoordvc.ops.tokens import INVISIBLE_NAMES
from akkoordvc.present import labels
from akkoordvc.present.formats import render

NO_CHANGES = labels.labels("nl")["no_changes"]
RL = "urn:akkoordvc:redline:2"
_DELETED = re.compile(r"\[-.*?-\]", re.S)
_INSERTED = re.compile(r"\{\+.*?\+\}", re.S)
_MARKS = ("[-", "{+", "(", "→", labels.kind_label(labels.labels("nl"), "moved"))
# in the header: a word diff in the heading, the old place of a moved clause, a part added or removed whole
_MARKS_IN_HEADER = ("[-", "{+", _MARKS[-1], "[toegevoegd]", "[verwijderd]")
_NOT_SHOWN_WHOLE = frozenset({"list", "table", "row", "origin", "heading"})


_NAMED = {f"\u27e8{name}\u27e9": char for char, name in INVISIBLE_NAMES.items()}
_NAMED_RE = re.compile("|".join(map(re.escape, _NAMED)))


def _flat(text: str) -> str:
    """Text with invisible characters shown by name (⟨NBSP⟩) put back, and its whitespace folded."""
    return " ".join(_NAMED_RE.sub(lambda m: _NAMED[m.group()], text).split())


def side_of(term: str, side: str) -> str:
    """The terminal text as one side reads it: the other side's marked words dropped, the markers removed."""
    drop, keep = (_DELETED, ("{+", "+}")) if side == "new" else (_INSERTED, ("[-", "-]"))
    text = drop.sub("", term)
    for marker in keep:
        text = text.replace(marker, "")
    return _flat(text)


def sections(term: str) -> list[list[str]]:
    """The entries of a terminal redline: runs of lines between blank lines, without the header and summary."""
    body = term.split("\n")[2:]
    found, current = [], []
    for line in body:
        if line:
            current.append(line)
        elif current:
            found.append(current)
            current = []
    return found[:-1] if not current else found  # the last run is the summary


def check_formats(old_root: etree._Element, new_root: etree._Element, context: str) -> None:
    old_doc, new_doc = Document(old_root), Document(new_root)
    redline = compute(old_doc, new_doc, OLD, NEW)
    same = canonical.to_bytes(old_root) == canonical.to_bytes(new_root)

    term = str(render(redline, "term", width=80))
    assert (NO_CHANGES in term) == same, f"{context}: term says no changes={NO_CHANGES in term}, same={same}"
    page = str(render(redline, "html"))
    assert (NO_CHANGES in page) == same, f"{context}: html"
    assert bool(re.search(r"\sdata-change[\s>]", page)) != same, f"{context}: html marks no change"
    data = json.loads(render(redline, "json"))
    changed = [x for x in (*data["parts"], *data["clauses"]) if x["change"] != "unchanged"]
    assert bool(changed) != same, f"{context}: json"
    xml = etree.fromstring(render(redline, "xml", documents=(old_doc, new_doc)))
    marked = any(
        isinstance(e.tag, str)
        and (e.tag.startswith(f"{{{RL}}}") and not e.tag.endswith("summary"))
        or any(k.startswith(f"{{{RL}}}") for k in e.attrib)
        for e in xml.iter()
        if not (isinstance(e.tag, str) and e.tag.endswith("summary"))
    )
    assert marked != same, f"{context}: xml"
    if same:
        return

    for lines in sections(term):
        assert any(m in line for line in lines[1:] for m in _MARKS) or any(m in lines[0] for m in _MARKS_IN_HEADER), (
            f"{context}: an entry without a mark of its change:\n" + "\n".join(lines)
        )
    new_side, old_side = side_of(term, "new"), side_of(term, "old")
    for item in [*redline.parts, *redline.clauses]:
        tree = item.tree if hasattr(item, "tree") else item.blocks
        for block in flatten(tree):
            if not block.changed or block.kind in _NOT_SHOWN_WHOLE:
                continue
            if block.new is not None and block.new_text:
                assert _flat(block.new_text) in new_side, f"{context}: {block.kind} not whole: {block.new_text!r}"
            if block.old is not None and block.old_text:
                assert _flat(block.old_text) in old_side, f"{context}: {block.kind} not whole: {block.old_text!r}"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.integers(0, 3))
def test_every_format_shows_every_difference(seed, n_edits):
    old, new, done = edited(seed, n_edits)
    check_formats(old, new, f"seed {seed}, edits {done}")


@pytest.mark.slow
@pytest.mark.parametrize("old_path, new_path", corpus_pairs())
def test_every_format_shows_every_difference_of_every_corpus_pair(old_path, new_path):
    check_formats(imported(old_path), imported(new_path), f"{old_path.name} -> {new_path.name}")


# --- changes that no word shows, each in term and html ------------------------------------------------


_WRAP = '<agreement id="t" lang="nl"><meta><title>T</title></meta>{}<body>{}</body></agreement>'


def _pair(old_xml: str, new_xml: str) -> tuple[str, str]:
    """The terminal and HTML redlines of two small texts: "PREAMBLE|BODY" each."""
    old, new = (etree.fromstring(_WRAP.format(*x.split("|", 1)).encode()) for x in (old_xml, new_xml))
    redline = compute(Document(old), Document(new), OLD, NEW)
    return str(render(redline, "term", width=80)), str(render(redline, "html"))


def test_a_formatting_change_in_a_table_cell_is_noted_in_its_row():
    table = '|<clause id="a" num="1"><table><row><cell>Een</cell><cell>Twee {}</cell></row></table></clause>'
    term, page = _pair(table.format("drie"), table.format("<em>drie</em>"))
    assert "| Een | Twee drie |\n        (cel 2: alleen de opmaak is gewijzigd)" in term
    assert '<td class="k-formatting">Twee drie <span class="bnote">(alleen de opmaak is gewijzigd)</span></td>' in page


def test_a_clause_whose_kind_changed_says_so():
    clause = '|<clause id="a" num="1"{}><p>Tekst.</p></clause>'
    term, page = _pair(clause.format(' kind="annex"'), clause.format(' kind="closing"'))
    assert (
        "\n    soort: Bijlage → Slotformulier\n" in term
        and '<p class="note">soort: Bijlage → Slotformulier</p>' in page
    )
    term, page = _pair(clause.format(""), clause.format(' kind="article"'))
    assert "\n    kenmerk kind: — → article\n" in term and '<p class="note">kenmerk kind: — → article</p>' in page


def test_a_division_that_gets_a_number_is_renumbered_from_nothing():
    division = (
        '|<division id="d" kind="section"{}><heading>Kop</heading><clause id="a" num="1"><p>T.</p></clause></division>'
    )
    term, page = _pair(division.format(""), division.format(' num="2"'))
    assert "\n    hernummerd — → 2\n" in term and '<p class="note">hernummerd van — naar 2</p>' in page


def test_a_formatting_change_in_a_heading_is_noted():
    clause = '|<clause id="a" num="1"><heading>De {}</heading><p>Tekst.</p></clause>'
    term, page = _pair(clause.format("kop"), clause.format("<em>kop</em>"))
    assert "\n    (kop: alleen de opmaak is gewijzigd)\n" in term
    assert '<p class="note">kop: alleen de opmaak is gewijzigd</p>' in page


def test_an_attribute_with_an_empty_value_is_shown():
    term, page = _pair("<preamble><p>A.</p></preamble>|", '<preamble style=""><p>A.</p></preamble>|')
    assert "\n    {+(leeg)+}\n" in term and '(leeg)<span class="sr">]</span></ins>' in page


def test_the_terminal_breaks_lines_only_at_spaces():
    """A word diff inside a word ("gemeente" -> "gemeenten") or before a full stop is never split over two
    lines, at any width."""
    words = " ".join(["woord"] * 14)
    clause = '|<clause id="a" num="1"><p>' + words + " {}.</p></clause>"
    for width in range(40, 100):
        old, new = (etree.fromstring(_WRAP.format(*clause.format(w).split("|", 1)).encode()) for w in ("x", "y"))
        text = str(render(compute(Document(old), Document(new), OLD, NEW), "term", width=width))
        assert any(line.endswith(" [-x-]{+y+}.") or line.endswith(" woord [-x-]{+y+}.") for line in text.split("\n"))


def test_an_nbsp_is_shown_in_place_by_name_and_counts_no_word():
    term, page = _pair(
        "<preamble><p>Wij betalen 10 000 euro.</p></preamble>|",
        "<preamble><p>Wij betalen 10\u00a0000 euro.</p></preamble>|",
    )
    assert "\n    Wij betalen 10[- -]{+⟨NBSP⟩+}000 euro.\n" in term and "+0 −0 woorden" in term
    assert (
        'Wij betalen 10<del class="ws"><span class="sr">[verwijderd: </span> <span class="sr">]</span></del>'
        '<ins class="ws"><span class="sr">[ingevoegd: </span><span class="inv">⟨NBSP⟩</span>'
    ) in page
