"""The redline against real law: every consecutive pair of BWB versions in the corpus.

The expected answer is computed here, independently of akkoordvc, from the raw BWB files
with plain lxml: articles are matched by `label-id`; an article changed exactly when its
whitespace-normalised text (everything in the `artikel` except its `meta-data`) differs.
Articles whose label-id changed while their text stayed the same are matched by that text
and are not changes. The redline must report exactly those articles as changed (modified,
added, removed, renumbered, split or merged), and nothing else; a clause reported only as
moved must really have moved (another division, or out of order).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import BWB, bwb_files
from lxml import etree

from akkoordvc.ops.redline import Side

LAWS = ("BWBR0002458", "BWBR0002629")
TEXT_CHANGES = {"modified", "added", "removed", "renumbered", "split", "merged"}
DIVISIONS = {"deel", "boek", "hoofdstuk", "titeldeel", "afdeling", "paragraaf", "sub-paragraaf", "subparagraaf"}
_SPACE = re.compile(r"[ \t\r\n]+")


def _pairs():
    pairs = []
    for law in LAWS:
        files = bwb_files(law)
        pairs.extend(pytest.param(a, b, id=f"{a.stem}..{b.stem.split('_', 1)[1]}") for a, b in pairwise(files))
    if not pairs:
        pairs.append(pytest.param(None, None, marks=pytest.mark.skip(reason=f"test corpus not found at {BWB}")))
    return pairs


# --- the independent answer ---------------------------------------------------------------------


#: Elements inside a line of text; the boundary of any other element separates words.
INLINE = {"nadruk", "intref", "extref", "sup", "inf"}


def _text(element: etree._Element, out: list[str]) -> None:
    if element.text:
        out.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag != "meta-data":
            inline = child.tag in INLINE
            if not inline:
                out.append(" ")
            _text(child, out)
            if not inline:
                out.append(" ")
        if child.tail:
            out.append(child.tail)


@cache
def raw_articles(path: Path) -> dict[str, tuple[str, str | None]]:
    """label-id -> (normalised text, label-id of the innermost enclosing division), in document order."""
    root = etree.parse(str(path)).getroot()
    articles = {}
    for artikel in root.iter("artikel"):
        parts: list[str] = []
        _text(artikel, parts)
        division = next((a.get("label-id") for a in artikel.iterancestors() if a.tag in DIVISIONS), None)
        articles[artikel.get("label-id")] = (_SPACE.sub(" ", "".join(parts)).strip(), division)
    return articles


def expected_changes(old: dict, new: dict) -> tuple[set[str], set[str]]:
    """(old label-ids, new label-ids) of the articles that changed."""
    changed_old = {k for k in old if k in new and old[k][0] != new[k][0]}
    changed_new = set(changed_old)
    gone = [k for k in old if k not in new]
    came = [k for k in new if k not in old]
    # a new label-id with the same text as an old one that lost its label-id: the same article
    waiting: dict[str, list[str]] = {}
    for k in came:
        waiting.setdefault(new[k][0], []).append(k)
    for k in gone:
        match = waiting.get(old[k][0])
        if match:
            match.pop(0)
        else:
            changed_old.add(k)
    changed_new.update(k for ks in waiting.values() for k in ks)
    return changed_old, changed_new


# --- akkoordvc's answer -------------------------------------------------------------------------


@cache
def document(path: Path):
    from akkoordvc.model.bwb import import_bwb_bytes
    from akkoordvc.model.document import Document

    return Document(import_bwb_bytes(path.read_bytes(), str(path)), str(path))


def label_ids(doc) -> dict[str, str]:
    """clause id -> the BWB label-id it was made from (recorded in the clause's origin)."""
    return {clause.id: clause.origin.get("label-id", "") for clause in doc.clauses}


def side(path: Path) -> Side:
    return Side(str(path), path.stem, "")


def check_words(change):
    assert "".join(t for op, t in change.words if op != "+") == change.old_text
    assert "".join(t for op, t in change.words if op != "-") == change.new_text
    assert "".join(t for op, t in change.heading_words if op != "+") == (change.old_heading or "")
    assert "".join(t for op, t in change.heading_words if op != "-") == (change.heading or "")


def _stayers(sequence):
    """Length of the longest increasing subsequence (quadratic: an independent check, small inputs)."""
    best = []
    for i, value in enumerate(sequence):
        best.append(1 + max((best[j] for j in range(i) if sequence[j] < value), default=0))
    return max(best, default=0)


@pytest.mark.parametrize("old_path, new_path", _pairs())
def test_redline_reports_exactly_the_changed_articles(old_path, new_path):
    from akkoordvc.ops.align import compute

    raw_old, raw_new = raw_articles(old_path), raw_articles(new_path)
    want_old, want_new = expected_changes(raw_old, raw_new)

    old_doc, new_doc = document(old_path), document(new_path)
    old_labels, new_labels = label_ids(old_doc), label_ids(new_doc)
    redline = compute(old_doc, new_doc, side(old_path), side(new_path))

    got_old, got_new = set(), set()
    moved_only = []
    for change in redline.clauses:
        check_words(change)
        if TEXT_CHANGES & set(change.kinds):
            olds = change.related if change.change == "merged" else (change.old_id,) if change.old_id else ()
            got_old.update(old_labels[o] for o in olds)
            if change.id:
                got_new.add(new_labels[change.id])
        elif change.kinds == ("moved",):
            moved_only.append(change)
    # only articles are compared (annexes and loose text become clauses too)
    got_old &= raw_old.keys()
    got_new &= raw_new.keys()
    assert (sorted(got_old - want_old), sorted(want_old - got_old)) == ([], []), "old articles: (extra, missing)"
    assert (sorted(got_new - want_new), sorted(want_new - got_new)) == ([], []), "new articles: (extra, missing)"

    # moves: every clause reported as only moved changed division, or leaving it in place would
    # break the order; and the number of order moves is the minimum (n - longest increasing run)
    paired = [c for c in redline.clauses if c.id and c.old_id and c.change not in ("split", "merged")]
    old_order = {c.id: i for i, c in enumerate(old_doc.clauses)}
    sequence = [old_order[c.old_id] for c in paired]
    division_moves = {
        c.id
        for c in paired
        if raw_old.get(old_labels[c.old_id], (0, 0))[1] != raw_new.get(new_labels[c.id], (0, 1))[1]
        or c.old_division != c.division
    }
    order_moves = [c for c in paired if "moved" in c.kinds and c.id not in division_moves]
    assert len(order_moves) <= len(sequence) - _stayers(sequence)
    for change in moved_only:
        assert change.old_text == change.new_text


@pytest.mark.slow
@pytest.mark.parametrize("law", LAWS)
def test_first_to_last_version(law):
    """Across the whole history: many changes at once, still exactly the changed articles."""
    from akkoordvc.ops.align import compute

    files = bwb_files(law)
    if len(files) < 2:
        pytest.skip(f"test corpus not found at {BWB}")
    old_path, new_path = files[0], files[-1]
    want_old, want_new = expected_changes(raw_articles(old_path), raw_articles(new_path))
    old_doc, new_doc = document(old_path), document(new_path)
    old_labels, new_labels = label_ids(old_doc), label_ids(new_doc)
    redline = compute(old_doc, new_doc, side(old_path), side(new_path))
    got_old = {old_labels[c.old_id] for c in redline.clauses if c.old_id and TEXT_CHANGES & set(c.kinds)}
    got_new = {new_labels[c.id] for c in redline.clauses if c.id and TEXT_CHANGES & set(c.kinds)}
    for c in redline.clauses:
        if c.change == "merged":
            got_old.update(old_labels[o] for o in c.related)
        check_words(c)
    assert got_old & raw_articles(old_path).keys() == want_old
    assert got_new & raw_articles(new_path).keys() == want_new
