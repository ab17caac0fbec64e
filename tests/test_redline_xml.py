"""The XML redline is lossless, both ways (issue 8 item 3).

The two projections below are written from `schemas/redline.md` alone, independently of the
renderer: removing every deletion and unwrapping every insertion must give exactly the new text
(its canonical bytes), removing every insertion and unwrapping every deletion (and restoring the
old values of attributes) exactly the old one. Checked on every consecutive pair of the BWB
corpus, on the sample text with edits of every kind, and with hypothesis on generated documents.
"""

from __future__ import annotations

import copy
import itertools
import random

import pytest
from conftest import SAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_redline_complete import NEW, OLD, corpus_pairs, document, edit, edited, imported

from akkoordvc.model import canonical, names
from akkoordvc.model.document import Document
from akkoordvc.model.xmlparse import parse_file
from akkoordvc.ops.align import compute

RL = "urn:akkoordvc:redline:2"
INS, DEL, SUMMARY = f"{{{RL}}}ins", f"{{{RL}}}del", f"{{{RL}}}summary"
OLD_PREFIX = f"{{{RL}}}old-"
NEW_ATTRS = f"{{{RL}}}new-attrs"


# --- the two projections, from schemas/redline.md ---------------------------------------------------


def _drop(element: etree._Element) -> None:
    """Remove an element and its content, keeping the text after it."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def project(data: bytes, side: str) -> bytes:
    """The canonical bytes of one side of an XML redline: "new" or "old"."""
    root = etree.fromstring(data)
    drop, unwrap = (DEL, INS) if side == "new" else (INS, DEL)
    for element in list(root.iter(SUMMARY)):
        _drop(element)
    for element in list(root.iter(drop)):
        if element.getparent() is not None:  # not already gone with an outer one
            _drop(element)
    etree.strip_tags(root, unwrap)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if side == "old":
            for name in (element.get(NEW_ATTRS) or "").split():
                del element.attrib[name]
            for key, value in list(element.attrib.items()):
                if key.startswith(OLD_PREFIX):
                    element.set(key[len(OLD_PREFIX) :], value)
        for key in [k for k in element.attrib if k.startswith(f"{{{RL}}}")]:
            del element.attrib[key]
    etree.cleanup_namespaces(root)
    return canonical.to_bytes(root)


def check_lossless(old_root: etree._Element, new_root: etree._Element, context: str = "") -> bytes:
    from akkoordvc.present.xmlmarkup import render

    old_doc, new_doc = Document(old_root), Document(new_root)
    redline = compute(old_doc, new_doc, OLD, NEW)
    data = render(redline, old_doc, new_doc)
    assert project(data, "new") == canonical.to_bytes(new_root), f"{context}: new side"
    assert project(data, "old") == canonical.to_bytes(old_root), f"{context}: old side"
    return data


# --- generated documents and the sample -------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.integers(0, 5))
def test_generated_documents_project_back_to_both_texts(seed, n_edits):
    old, new, done = edited(seed, n_edits)
    check_lossless(old, new, f"seed {seed}, edits {done}")


@pytest.mark.parametrize("seed", range(30))
def test_the_sample_with_random_edits_projects_back(seed):
    old = parse_file(SAMPLE)
    new = copy.deepcopy(old)
    rng = random.Random(seed)
    done = [edit(new, rng) for _ in range(1 + seed % 6)]
    check_lossless(old, new, f"seed {seed}, edits {done}")


def test_unrelated_documents_project_back():
    for a, b in itertools.pairwise(range(6)):
        check_lossless(document(a), document(b), f"{a} -> {b}")


# --- what the markup says -----------------------------------------------------------------------------


def _sample_pair():
    old = parse_file(SAMPLE)
    new = copy.deepcopy(old)
    by_id = {c.get(names.ID): c for c in new.iter(names.CLAUSE)}
    p = by_id["missie"].findall(f"{names.PARA}/{names.P}")[1]
    p.text = p.text.replace("groener", "duurzamer")
    by_id["looptijd"].find(f"{names.PARA}[@num='2']").set(names.NUM, "2a")
    gone = by_id["een-gemeente"]
    gone.getparent().remove(gone)
    moved = by_id["regelruimte"]
    by_id["maatschappelijk-aanbesteden"].addprevious(moved)
    new.find(f"{names.PREAMBLE}/{names.P}").getnext().text = "Amsterdam is van iedereen."
    new.find(f"{names.BODY}/{names.DIVISION}/{names.HEADING}").text = "Wat en waarom?"
    return old, new


def test_the_markup_of_words_attributes_and_whole_elements():
    old, new = _sample_pair()
    root = etree.fromstring(check_lossless(old, new))
    assert root.nsmap["rl"] == RL
    assert root[0].tag == SUMMARY and root[0].get("parts-changed") == "2"
    clauses = {c.get(names.ID): c for c in root.iter(names.CLAUSE)}
    missie = clauses["missie"]
    assert missie.get(f"{{{RL}}}change") == "modified"
    assert ["groener"] == ["".join(e.itertext()) for e in missie.iter(DEL)]
    assert ["duurzamer"] == ["".join(e.itertext()) for e in missie.iter(INS)]
    lid = clauses["looptijd"].find(f"{names.PARA}[@num='2a']")
    assert lid.get(f"{{{RL}}}old-num") == "2"
    gone = clauses["een-gemeente"]
    assert gone.getparent().tag == DEL and gone.get(f"{{{RL}}}change") == "removed"
    # a moved clause: deleted at its old place, inserted at the new one
    places = [c for c in root.iter(names.CLAUSE) if c.get(names.ID) == "regelruimte"]
    assert [c.getparent().tag for c in places] == [DEL, INS] or [c.getparent().tag for c in places] == [INS, DEL]
    assert {c.getparent().get("moved-to") or c.getparent().get("moved-from") for c in places} == {"regelruimte"}
    heading = root.find(f"{names.BODY}/{names.DIVISION}/{names.HEADING}")
    assert "".join(heading.itertext()) and heading.find(DEL) is not None


def test_markup_inside_a_line_is_kept_around_the_words():
    old = etree.fromstring(
        b'<agreement id="t" lang="nl"><meta><title>T</title></meta><body><clause id="a" num="1">'
        b'<p>De <em>gemeente</em> stelt een <ref href="#x">budget</ref> beschikbaar.</p></clause></body></agreement>'
    )
    new = copy.deepcopy(old)
    p = new.find(".//p")
    p[1].text = "groot budget"
    p[0].text = "stad"
    data = check_lossless(old, new)
    line = etree.fromstring(data).find(".//p")
    text = etree.tostring(line, encoding=str).split(">", 1)[1]
    assert "<rl:del><em>gemeente</em></rl:del><rl:ins><em>stad</em></rl:ins>" in text
    assert '<ref href="#x"><rl:ins>groot </rl:ins>budget</ref>' in text


# --- the corpus -----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("old_path, new_path", corpus_pairs())
def test_every_corpus_pair_projects_back_to_both_versions(old_path, new_path):
    check_lossless(imported(old_path), imported(new_path), f"{old_path.name} -> {new_path.name}")
