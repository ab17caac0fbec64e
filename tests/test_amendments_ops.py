"""Amendment operations as pure functions: each operation, derive-then-apply on generated documents,
stale detection, the merge matrix and the amendment record's XML."""

from __future__ import annotations

import copy
import random
from collections import Counter

import pytest
from conftest import SAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical, names
from akkoordvc.model.validate import problems
from akkoordvc.model.xmlparse import parse_bytes, parse_file
from akkoordvc.ops import amendments as A

AMENDMENTS = SAMPLE.parent / "amendments"

SMALL = b"""<?xml version="1.0" encoding="UTF-8"?>
<agreement id="t" lang="nl">
  <meta><title>Test</title></meta>
  <body>
    <division id="h1" kind="chapter" num="1">
      <heading>Een</heading>
      <clause id="a" num="1"><heading>A</heading><para num="1"><p>alpha een.</p></para><para num="2"><p>alpha twee.</p></para></clause>
      <clause id="b" num="2"><p>beta.</p></clause>
    </division>
    <division id="h2" kind="chapter" num="2">
      <heading>Twee</heading>
      <clause id="c" num="3"><p>gamma, zie <ref href="#a">artikel 1</ref>.</p></clause>
      <clause id="d" num="4"><p>delta.</p></clause>
    </division>
  </body>
</agreement>
"""


def small():
    return parse_bytes(SMALL)


def edit(root, fn):
    """A copy of `root` changed by `fn(copy)`."""
    out = copy.deepcopy(root)
    fn(out)
    return out


def by_id(root, ident):
    (found,) = [e for e in root.iter(names.CLAUSE, names.DIVISION) if e.get(names.ID) == ident]
    return found


def same(a, b):
    return canonical.to_bytes(a) == canonical.to_bytes(b)


def roundtrip(base, edited):
    """derive, apply, and the record's XML round trip; returns the operations."""
    ops = A.derive(base, edited)
    assert same(A.apply(base, ops), edited)
    if not ops:
        return ops
    record = A.Amendment(
        "t",
        (A.Person("P", "p@x.invalid"),),
        "2022-06-23",
        A.Base(canonical.text_sha256(base)),
        tuple(ops),
        id="2022-06-23-t-abc123",
    )
    data = A.to_bytes(record)
    back = A.parse_amendment(data, "record.xml")
    assert back == record
    assert A.to_bytes(back) == data
    return ops


# --- each operation ----------------------------------------------------------------------------


def _p(text):
    element = etree.Element(names.P)
    element.text = text
    return element


def test_replace_text_and_heading():
    base = small()
    edited = edit(
        base,
        lambda r: (
            by_id(r, "b").find(names.P).__setattr__("text", "beta nieuw."),
            by_id(r, "b").insert(0, etree.fromstring("<heading>B</heading>")),
        ),
    )
    ops = roundtrip(base, edited)
    assert [type(op) for op in ops] == [A.ReplaceHeading, A.ReplaceText]
    assert all(op.base_sha256 == canonical.element_sha256(by_id(base, "b")) for op in ops)


def test_remove_heading_and_renumber():
    base = small()

    def change(r):
        a = by_id(r, "a")
        a.remove(a.find(names.HEADING))
        a.set(names.NUM, "1a")

    ops = roundtrip(base, edit(base, change))
    assert [type(op) for op in ops] == [A.ReplaceHeading, A.Renumber]
    assert ops[0].heading is None and ops[1].num == "1a"


def test_insert_after_a_clause_and_at_the_start_of_a_division():
    base = small()

    def change(r):
        new = etree.fromstring('<clause id="b2" num="2a"><p>nieuw.</p></clause>')
        by_id(r, "b").addnext(new)
        first = etree.fromstring('<clause id="c0" num="2b"><p>eerst.</p></clause>')
        by_id(r, "h2").insert(1, first)

    ops = roundtrip(base, edit(base, change))
    assert [(type(op), op.target, op.position) for op in ops] == [
        (A.Insert, "b2", A.Position("h1", after="b")),
        (A.Insert, "c0", A.Position("h2", after=None)),
    ]


def test_insert_before_applies_from_a_hand_written_operation():
    base = small()
    op = A.Insert("x", '<clause id="x" num="0"><p>x.</p></clause>\n', A.Position("h2", before="d"))
    out = A.apply(base, [op])
    assert [e.get("id") for e in by_id(out, "h2").iter(names.CLAUSE)] == ["c", "x", "d"]


def test_delete_move_and_division_changes():
    base = small()

    def change(r):
        by_id(r, "h1").remove(by_id(r, "b"))
        by_id(r, "h1").append(by_id(r, "d"))  # move d into chapter 1
        heading = by_id(r, "h2").find(names.HEADING)
        heading.text = "Twee, herzien"

    ops = roundtrip(base, edit(base, change))
    kinds = [type(op) for op in ops]
    assert kinds == [A.ReplaceDivisionHeading, A.Delete, A.Move]
    assert ops[2].position == A.Position("h1", after="a")


def test_new_division_holding_existing_and_new_clauses_and_a_deleted_division():
    base = small()

    def change(r):
        body = r.find(names.BODY)
        new = etree.fromstring('<division id="h3" kind="chapter" num="3"><heading>Drie</heading></division>')
        body.append(new)
        new.append(by_id(r, "c"))
        new.append(etree.fromstring('<clause id="e" num="5"><p>epsilon.</p></clause>'))
        new.append(by_id(r, "d"))
        body.remove(by_id(r, "h2"))

    ops = roundtrip(base, edit(base, change))
    assert A.Delete("h2", A.division_sha256(by_id(base, "h2")), "division") == ops[-1]


def test_a_new_division_with_only_new_content_is_one_insert():
    base = small()
    ops = roundtrip(
        base,
        edit(
            base,
            lambda r: r.find(names.BODY).append(
                etree.fromstring(
                    '<division id="h9" kind="part" num="IX"><clause id="z1" num="9"><p>z.</p></clause></division>'
                )
            ),
        ),
    )
    assert len(ops) == 1 and isinstance(ops[0], A.Insert) and ops[0].kind == "division"
    assert ops[0].clauses() == ("z1",)


def test_split_and_merge_are_recognised():
    base = small()

    def split(r):
        a = by_id(r, "a")
        second = a.findall(names.PARA)[1]
        a.remove(second)
        new = etree.fromstring('<clause id="a2" num="1a"></clause>')
        new.append(second)
        a.addnext(new)

    ops = roundtrip(base, edit(base, split))
    assert [type(op) for op in ops] == [A.Split] and ops[0].part_ids() == ("a", "a2")

    def merge(r):
        c, d = by_id(r, "c"), by_id(r, "d")
        for child in list(d):
            c.append(child)
        d.getparent().remove(d)

    ops = roundtrip(base, edit(base, merge))
    assert [type(op) for op in ops] == [A.Merge] and ops[0].clauses() == ("c", "d")


def test_meta_and_preamble():
    base = small()

    def change(r):
        r.find(names.META).find(names.TITLE).text = "Test, geactualiseerd"
        preamble = etree.Element(names.PREAMBLE)
        preamble.append(_p("Vooraf."))
        r.insert(1, preamble)

    ops = roundtrip(base, edit(base, change))
    assert [type(op) for op in ops] == [A.ReplaceMeta, A.ReplacePreamble]
    assert ops[1].base_sha256 is None
    ops = roundtrip(edit(base, change), base)
    assert ops == [A.ReplaceMeta(ops[0].base_sha256, ops[0].meta), A.ReplacePreamble(ops[1].base_sha256, None)]


def test_the_sample_amendments_derive_and_apply_exactly():
    base = parse_file(SAMPLE)
    for path in sorted(AMENDMENTS.glob("*.xml")):
        edited = parse_file(path)
        ops = roundtrip(base, edited)
        assert ops, path


def test_derive_refuses_what_is_not_an_amendment():
    base = small()
    with pytest.raises(A.DeriveError, match="id or language"):
        A.derive(base, edit(base, lambda r: r.set("lang", "en")))

    def swap(r):
        b = by_id(r, "b")
        b.getparent().replace(b, etree.fromstring('<division id="b" kind="section"/>'))

    with pytest.raises(A.DeriveError, match="give the new element an id of its own"):
        A.derive(base, edit(base, swap))


# --- stale detection ---------------------------------------------------------------------------


def test_apply_refuses_a_stale_amendment_and_names_the_clause():
    base = small()
    ops = A.derive(base, edit(base, lambda r: by_id(r, "b").find(names.P).__setattr__("text", "beta 2.")))
    changed = edit(base, lambda r: by_id(r, "b").find(names.P).__setattr__("text", "beta 3."))
    assert [t for t, _, _ in A.stale_targets(changed, ops)] == ["b"]
    with pytest.raises(A.StaleError, match="clause b has changed since the amendment's base") as info:
        A.apply(changed, ops)
    assert info.value.target == "b"
    gone = edit(base, lambda r: by_id(r, "h1").remove(by_id(r, "b")))
    with pytest.raises(A.OperationError, match="does not exist"):
        A.apply(gone, ops)
    assert A.stale_targets(base, ops) == []


def test_unknown_clause_in_an_operation():
    base = small()
    op = A.ReplaceText("nope", "0" * 64, ("<p>x</p>\n",))
    with pytest.raises(A.OperationError, match="'nope' does not exist"):
        A.apply(base, [op])


# --- merge matrix ------------------------------------------------------------------------------


def _text(root, ident, text):
    return edit(root, lambda r: by_id(r, ident).find(".//" + names.P).__setattr__("text", text))


def test_merge_different_clauses_both_apply():
    base = small()
    first = _text(base, "b", "beta door A.")
    second = A.derive(base, _text(base, "d", "delta door B."))
    result = A.merge(base, first, second)
    assert result.clean and len(result.applied) == 1
    assert by_id(result.root, "b").find(names.P).text == "beta door A."
    assert by_id(result.root, "d").find(names.P).text == "delta door B."


def test_merge_same_clause_is_a_conflict_with_all_three_texts():
    base = small()
    current = _text(base, "b", "beta door A.")
    ops = A.derive(base, _text(base, "b", "beta door B."))
    result = A.merge(base, current, ops)
    (conflict,) = result.conflicts
    assert (
        conflict.target == "b"
        and str(conflict.reason) == "paragraph was changed both in the current text and by the amendment"
    )
    (block,) = conflict.blocks
    assert (block.text("base"), block.text("current"), block.text("amendment")) == (
        "beta.",
        "beta door A.",
        "beta door B.",
    )
    texts = conflict.as_dict()
    assert (texts["base_text"], texts["current_text"], texts["amendment_text"]) == (
        "2 beta.",
        "2 beta door A.",
        "2 beta door B.",
    )
    assert by_id(result.root, "b").find(names.P).text == "beta door A."  # never overwritten


def test_merge_the_same_change_twice_is_not_a_conflict():
    base = small()
    edited = _text(base, "b", "beta door A en B.")
    result = A.merge(base, edited, A.derive(base, edited))
    assert result.clean and result.applied == [] and len(result.already) == 1


def test_merge_delete_vs_edit_both_ways():
    base = small()
    deleted = edit(base, lambda r: by_id(r, "h1").remove(by_id(r, "b")))
    edited = _text(base, "b", "beta gewijzigd.")
    result = A.merge(base, deleted, A.derive(base, edited))
    assert [c.target for c in result.conflicts] == ["b"] and "deleted" in str(result.conflicts[0].reason)
    result = A.merge(base, edited, A.derive(base, deleted))
    assert [c.target for c in result.conflicts] == ["b"] and "changed" in str(result.conflicts[0].reason)


def test_merge_move_vs_edit_both_ways_apply():
    base = small()
    moved = edit(base, lambda r: by_id(r, "h1").append(by_id(r, "d")))
    edited = _text(base, "d", "delta gewijzigd.")
    expected = edit(moved, lambda r: by_id(r, "d").find(names.P).__setattr__("text", "delta gewijzigd."))
    for current, other in ((moved, edited), (edited, moved)):
        result = A.merge(base, current, A.derive(base, other))
        assert result.clean, result.conflicts
        assert same(result.root, expected)


def test_merge_move_vs_move_is_a_conflict():
    base = small()
    one = edit(base, lambda r: by_id(r, "h1").append(by_id(r, "d")))
    other = edit(base, lambda r: r.find(names.BODY).append(by_id(r, "d")))
    result = A.merge(base, one, A.derive(base, other))
    assert [c.target for c in result.conflicts] == ["d"] and "moved" in str(result.conflicts[0].reason)


def test_merge_insert_after_a_deleted_anchor_is_a_conflict():
    base = small()
    current = edit(base, lambda r: by_id(r, "h1").remove(by_id(r, "b")))
    ops = A.derive(
        base,
        edit(base, lambda r: by_id(r, "b").addnext(etree.fromstring('<clause id="n" num="2a"><p>n.</p></clause>'))),
    )
    result = A.merge(base, current, ops)
    assert [c.target for c in result.conflicts] == ["n"] and "'b'" in str(result.conflicts[0].reason)


def test_merge_two_inserts_after_the_same_clause_keep_acceptance_order():
    base = small()
    first = edit(
        base, lambda r: by_id(r, "b").addnext(etree.fromstring('<clause id="n1" num="2a"><p>n1.</p></clause>'))
    )
    ops = A.derive(
        base,
        edit(base, lambda r: by_id(r, "b").addnext(etree.fromstring('<clause id="n2" num="2b"><p>n2.</p></clause>'))),
    )
    result = A.merge(base, first, ops)
    assert result.clean
    assert [e.get("id") for e in by_id(result.root, "h1").iter(names.CLAUSE)] == ["a", "b", "n1", "n2"]


def test_merge_same_new_id_is_a_conflict():
    base = small()
    first = edit(
        base, lambda r: by_id(r, "b").addnext(etree.fromstring('<clause id="n" num="2a"><p>een.</p></clause>'))
    )
    ops = A.derive(
        base,
        edit(base, lambda r: by_id(r, "d").addnext(etree.fromstring('<clause id="n" num="5"><p>ander.</p></clause>'))),
    )
    result = A.merge(base, first, ops)
    assert [c.target for c in result.conflicts] == ["n"] and "already used" in str(result.conflicts[0].reason)


def test_merge_that_leaves_a_dangling_reference_is_a_conflict():
    base = small()
    current = edit(base, lambda r: None)
    ops = A.derive(base, edit(base, lambda r: by_id(r, "h1").remove(by_id(r, "a"))))
    # c refers to a: deleting a would leave a dangling reference
    result = A.merge(base, current, ops)
    assert result.conflicts and "not be valid" in str(result.conflicts[0].reason)


# --- the amendment record ----------------------------------------------------------------------


def _record_bytes():
    base = small()
    ops = A.derive(base, _text(base, "b", "beta nieuw."))
    record = A.Amendment(
        "Beta bijwerken",
        (A.Person("Fatima", "fatima@example.org"),),
        "2022-07-01",
        A.Base(canonical.text_sha256(base), "2019", "a" * 40),
        tuple(ops),
        id="2022-07-01-beta-bijwerken-1a2b3c",
        source="netwerkbijeenkomst 23 juni 2022",
        rationale=("Eerste alinea.", "Tweede  alinea."),
        history=(
            A.Event("proposed", A.Person("Fatima", "fatima@example.org"), "2022-07-01T12:00:00Z"),
            A.Event("accepted", A.Person("Secretariaat", "s@example.org"), "2022-09-01T12:00:00Z", 1, "ok"),
        ),
    )
    return record, A.to_bytes(record)


def test_record_round_trip_and_status():
    record, data = _record_bytes()
    back = A.parse_amendment(data)
    assert back == record and back.status == "accepted" and back.rationale[1] == "Tweede alinea."
    assert back.as_dict()["clauses"] == ["b"]
    assert b'<amendment id="2022-07-01-beta-bijwerken-1a2b3c"' in data


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda s: s.replace(b"<title>Beta bijwerken</title>", b""), "not a valid amendment"),
        (lambda s: s.replace(b'base-sha256="', b'base-sha256="zz', 1), "not a valid amendment"),
        (
            lambda s: s.replace(b"<replace-text", b"<replace-everything").replace(
                b"</replace-text>", b"</replace-everything>"
            ),
            "not a valid amendment",
        ),
        (lambda s: s.replace(b'status="accepted"', b'status="adopted"'), "not a valid amendment"),
        (lambda s: s.replace(b"</amendment>", b""), "malformed XML"),
        (lambda s: s.replace(b"<amendment ", b'<!DOCTYPE x [<!ENTITY e "e">]><amendment '), "DTD"),
    ],
)
def test_malformed_records_are_one_clear_line(mutate, message):
    _, data = _record_bytes()
    with pytest.raises(AkkoordError) as info:
        A.parse_amendment(mutate(data), "bad.xml")
    assert message in str(info.value) and "\n" not in str(info.value) and "bad.xml" in str(info.value)


def test_an_agreement_is_not_an_amendment():
    with pytest.raises(A.AmendmentFormatError, match="--from-file"):
        A.parse_amendment(SMALL, "akkoord.xml")


def test_check_against_base_names_the_bad_operation():
    record, _ = _record_bytes()
    other = _text(small(), "b", "beta anders.")
    with pytest.raises(A.AmendmentFormatError, match="does not match its base"):
        A.check_against_base(record, other)
    assert same(A.check_against_base(record, small()), _text(small(), "b", "beta nieuw."))


# --- generated documents -----------------------------------------------------------------------

WORDS = ["de", "stad", "buurt", "akkoord", "netwerk", "Ma.akbank", "route", "bewoners", "raad", "2022", "€ 5,-"]
CLAUSE_IDS = [f"c{i}" for i in range(12)]
DIVISION_IDS = [f"d{i}" for i in range(5)]


def _sentence(rnd):
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 5))) + "."


def _clause(rnd, ident):
    clause = etree.Element(names.CLAUSE, {names.ID: ident, names.NUM: str(rnd.randint(1, 30)) + rnd.choice(["", "a"])})
    if rnd.random() < 0.6:
        etree.SubElement(clause, names.HEADING).text = _sentence(rnd)
    for k in range(rnd.randint(0, 3)):
        if rnd.random() < 0.5:
            para = etree.SubElement(clause, names.PARA, {names.NUM: str(k + 1)})
            para.append(_p(_sentence(rnd)))
        else:
            clause.append(_p(_sentence(rnd)))
    return clause


def _division(rnd, ident):
    division = etree.Element(names.DIVISION, {names.ID: ident, names.KIND: rnd.choice(["part", "chapter", "section"])})
    if rnd.random() < 0.7:
        division.set(names.NUM, rnd.choice(["I", "II", "1", "2"]))
    if rnd.random() < 0.7:
        etree.SubElement(division, names.HEADING).text = _sentence(rnd)
    return division


def _containers(root):
    return [root.find(names.BODY), *root.iter(names.DIVISION)]


def _insert_somewhere(rnd, root, element):
    containers = [c for c in _containers(root) if c is not element and element not in c.iterancestors()]
    parent = rnd.choice(containers)
    start = 1 if len(parent) and parent[0].tag == names.HEADING else 0
    parent.insert(rnd.randint(start, len(parent)), element)


def generate(rnd: random.Random) -> etree._Element:
    root = etree.Element(names.AGREEMENT, {names.ID: "gen", names.LANG: "nl"})
    meta = etree.SubElement(root, names.META)
    etree.SubElement(meta, names.TITLE).text = _sentence(rnd)
    if rnd.random() < 0.5:
        preamble = etree.SubElement(root, names.PREAMBLE)
        preamble.append(_p(_sentence(rnd)))
    etree.SubElement(root, names.BODY)
    for ident in rnd.sample(DIVISION_IDS, rnd.randint(0, 4)):
        _insert_somewhere(rnd, root, _division(rnd, ident))
    for ident in rnd.sample(CLAUSE_IDS, rnd.randint(0, 9)):
        _insert_somewhere(rnd, root, _clause(rnd, ident))
    return parse_bytes(canonical.to_bytes(root))


def _unused(rnd, root, pool):
    used = {e.get(names.ID) for e in root.iter(names.CLAUSE, names.DIVISION)}
    free = [i for i in pool if i not in used]
    return rnd.choice(free) if free else None


def mutate(rnd: random.Random, base: etree._Element, steps: int) -> etree._Element:
    """An edited copy: the edits a drafter makes (text, headings, numbers, insert, delete, move, split,
    merge, divisions, metadata, preamble)."""
    root = copy.deepcopy(base)
    for _ in range(steps):
        clauses = list(root.iter(names.CLAUSE))
        divisions = list(root.iter(names.DIVISION))
        kind = rnd.randrange(13)
        if kind == 0 and clauses:
            rnd.choice(clauses).append(_p(_sentence(rnd)))
        elif kind == 1 and clauses:
            clause = rnd.choice(clauses)
            heading = clause.find(names.HEADING)
            if heading is not None and rnd.random() < 0.5:
                clause.remove(heading)
            elif heading is not None:
                heading.text = _sentence(rnd)
            else:
                heading = etree.Element(names.HEADING)
                heading.text = _sentence(rnd)
                clause.insert(0, heading)
        elif kind == 2 and clauses:
            rnd.choice(clauses).set(names.NUM, str(rnd.randint(1, 40)))
        elif kind == 3 and clauses:
            clause = rnd.choice(clauses)
            clause.getparent().remove(clause)
        elif kind == 4:
            ident = _unused(rnd, root, CLAUSE_IDS)
            if ident:
                _insert_somewhere(rnd, root, _clause(rnd, ident))
        elif kind == 5 and clauses:
            clause = rnd.choice(clauses)
            clause.getparent().remove(clause)
            _insert_somewhere(rnd, root, clause)
        elif kind == 6 and clauses:  # split
            clause = rnd.choice(clauses)
            blocks = [c for c in clause if c.tag in (names.PARA, names.P)]
            ident = _unused(rnd, root, CLAUSE_IDS)
            if len(blocks) >= 2 and ident:
                new = etree.Element(names.CLAUSE, {names.ID: ident, names.NUM: "99"})
                for block in blocks[rnd.randint(1, len(blocks) - 1) :]:
                    new.append(block)
                clause.addnext(new)
        elif kind == 7 and clauses:  # merge with the next clause
            clause = rnd.choice(clauses)
            following = clause.getnext()
            if following is not None and following.tag == names.CLAUSE:
                for child in [c for c in following if c.tag in (names.PARA, names.P)]:
                    clause.append(child)
                following.getparent().remove(following)
        elif kind == 8 and divisions:
            division = rnd.choice(divisions)
            division.set(names.KIND, rnd.choice(["part", "chapter", "annex"]))
            heading = division.find(names.HEADING)
            if heading is None:
                heading = etree.Element(names.HEADING)
                division.insert(0, heading)
            heading.text = _sentence(rnd)
        elif kind == 9:  # a new division, holding some existing clauses
            ident = _unused(rnd, root, DIVISION_IDS)
            if ident:
                division = _division(rnd, ident)
                _insert_somewhere(rnd, root, division)
                for clause in rnd.sample(clauses, min(len(clauses), rnd.randint(0, 2))):
                    if division not in clause.iterancestors():
                        clause.getparent().remove(clause)
                        division.append(clause)
        elif kind == 10 and divisions:  # dissolve a division into its parent
            division = rnd.choice(divisions)
            parent = division.getparent()
            index = parent.index(division)
            for child in [c for c in division if c.tag in (names.CLAUSE, names.DIVISION)]:
                parent.insert(index, child)
                index += 1
            parent.remove(division)
        elif kind == 11 and divisions:
            division = rnd.choice(divisions)
            division.getparent().remove(division)
            _insert_somewhere(rnd, root, division)
        elif kind == 12:
            root.find(names.META).find(names.TITLE).text = _sentence(rnd)
            preamble = root.find(names.PREAMBLE)
            if preamble is not None and rnd.random() < 0.5:
                root.remove(preamble)
            elif preamble is None:
                preamble = etree.Element(names.PREAMBLE)
                preamble.append(_p(_sentence(rnd)))
                root.insert(1, preamble)
    return parse_bytes(canonical.to_bytes(root))


SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.randoms(use_true_random=False), st.integers(0, 8))
def test_derive_then_apply_gives_exactly_the_edited_copy(rnd, steps):
    base = generate(rnd)
    assert problems(base) == []
    edited = mutate(rnd, base, steps)
    ops = roundtrip(base, edited)
    if same(base, edited):
        assert ops == []
    # an amendment merged onto its own base is clean and gives the edited copy
    result = A.merge(base, base, ops)
    assert result.clean or any("not be valid" in str(c.reason) for c in result.conflicts)
    if result.clean:
        assert same(result.root, edited)


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_derive_then_apply_between_unrelated_documents(rnd):
    base, edited = generate(rnd), generate(rnd)
    roundtrip(base, edited)


def _changes(before: etree._Element, after: etree._Element) -> tuple[set[tuple[str, str | None]], Counter]:
    """What a side changed in a clause: its attributes (name, value) and its new leaf blocks (canonical XML)."""
    attributes = {(k, after.get(k)) for k in set(before.attrib) | set(after.attrib) if before.get(k) != after.get(k)}
    leaves = Counter(canonical.to_string(e) for e in after.iter(*LEAVES)) - Counter(
        canonical.to_string(e) for e in before.iter(*LEAVES)
    )
    return attributes, leaves


LEAVES = (names.HEADING, names.P, names.CELL, names.FIGURE)


@SETTINGS
@given(st.randoms(use_true_random=False), st.integers(1, 4), st.integers(1, 4))
def test_two_amendments_on_one_base_merge_or_conflict_never_lose_a_change(rnd, steps_a, steps_b):
    """Whatever two drafters do, merging B onto A's text either applies (keeping A's clauses that B did not
    touch, and in a clause both changed every change of each) or reports conflicts; it never silently drops
    A's change to a clause B also changed."""
    base = generate(rnd)
    first, second = mutate(rnd, base, steps_a), mutate(rnd, base, steps_b)
    ops_b = A.derive(base, second)
    result = A.merge(base, first, ops_b)
    touched = {t for op in ops_b for t, _ in op.targets()} | {i for op in ops_b for i in op.creates()}
    first_nodes = {e.get("id"): e for e in first.iter(names.CLAUSE)}
    merged_nodes = {e.get("id"): e for e in result.root.iter(names.CLAUSE)}
    for ident, element in first_nodes.items():
        if ident not in touched:
            assert ident in merged_nodes and canonical.to_string(merged_nodes[ident]) == canonical.to_string(element)
    if not result.clean:
        return
    base_nodes = {e.get("id"): e for e in base.iter(names.CLAUSE)}
    second_nodes = {e.get("id"): e for e in second.iter(names.CLAUSE)}
    for ident in result.blockwise:
        merged = merged_nodes[ident]
        for side in (first_nodes[ident], second_nodes[ident]):
            attributes, leaves = _changes(base_nodes[ident], side)
            assert {(k, merged.get(k)) for k, _ in attributes} == attributes
            assert not leaves - Counter(canonical.to_string(e) for e in merged.iter(*LEAVES))
    for op in ops_b:
        for target, _sha in op.targets():
            if target in first_nodes and target in base_nodes and target not in result.blockwise:
                if not isinstance(op, A.Move):
                    # B changed it, not block by block: A must not have (else a conflict) unless both agree
                    changed_by_a = canonical.to_string(first_nodes[target]) != canonical.to_string(base_nodes[target])
                    if changed_by_a:
                        assert canonical.to_string(first_nodes[target]) == canonical.to_string(merged_nodes[target])
