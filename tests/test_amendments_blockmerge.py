"""The block-level three-way merge of amendments: changes to different leden, items or cells of one clause
combine; the same block changed on both sides, or an alignment that cannot be told, is a conflict that names
just those blocks. Property tests on generated clauses, and the ambiguous cases one by one."""

from __future__ import annotations

import copy
import random
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from akkoordvc.model import canonical, names
from akkoordvc.model.validate import problems
from akkoordvc.model.xmlparse import parse_bytes
from akkoordvc.ops import amendments as A

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = ["de", "stad", "buurt", "akkoord", "netwerk", "route", "bewoners", "raad", "gemeente", "fonds"]
TEXT_TAGS = (names.P, names.CELL, names.HEADING)


class Texts:
    """Fresh sentences: each call gives text no earlier call gave (so every edit really changes a block)."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        words = " ".join(self.rnd.choice(WORDS) for _ in range(self.rnd.randint(1, 6)))
        return f"{words} {self.count}."


def _p(text: str) -> etree._Element:
    element = etree.Element(names.P)
    element.text = text
    return element


def _list(rnd: random.Random, text: Texts, depth: int) -> etree._Element:
    element = etree.Element(names.LIST)
    for k in range(rnd.randint(1, 4)):
        item = etree.SubElement(element, names.ITEM, {names.NUM: "abcdefgh"[k] + "."})
        item.append(_p(text()))
        if depth < 1 and rnd.random() < 0.25:
            item.append(_list(rnd, text, depth + 1))
    return element


def _table(rnd: random.Random, text: Texts) -> etree._Element:
    table = etree.Element(names.TABLE)
    width = rnd.randint(1, 3)
    for _ in range(rnd.randint(1, 3)):
        row = etree.SubElement(table, names.ROW)
        for _ in range(width):
            etree.SubElement(row, names.CELL).text = text()
    return table


def generate_clause(rnd: random.Random, text: Texts) -> etree._Element:
    """A clause as drafters write them: a heading, then leden (with lists and tables in them) or paragraphs."""
    clause = etree.Element(names.CLAUSE, {names.ID: "x", names.NUM: "7"})
    if rnd.random() < 0.8:
        etree.SubElement(clause, names.HEADING).text = text()
    if rnd.random() < 0.75:
        for k in range(rnd.randint(1, 5)):
            para = etree.SubElement(clause, names.PARA, {names.NUM: str(k + 1)})
            para.append(_p(text()))
            if rnd.random() < 0.3:
                para.append(_list(rnd, text, 0))
            elif rnd.random() < 0.15:
                para.append(_table(rnd, text))
    else:
        for _ in range(rnd.randint(1, 4)):
            clause.append(_p(text()))
        if rnd.random() < 0.5:
            clause.append(_table(rnd, text))
    return clause


def document(clause: etree._Element) -> etree._Element:
    root = etree.Element(names.AGREEMENT, {names.ID: "gen", names.LANG: "nl"})
    etree.SubElement(etree.SubElement(root, names.META), names.TITLE).text = "Test"
    body = etree.SubElement(root, names.BODY)
    body.append(copy.deepcopy(clause))
    etree.SubElement(body, names.CLAUSE, {names.ID: "y", names.NUM: "8"}).append(_p("Een ander artikel."))
    return parse_bytes(canonical.to_bytes(root))


def the_clause(root: etree._Element) -> etree._Element:
    (clause,) = [c for c in root.iter(names.CLAUSE) if c.get(names.ID) == "x"]
    return clause


def leaves(root: etree._Element) -> list[etree._Element]:
    """The blocks with text of their own, in document order."""
    return [e for e in the_clause(root).iter(*TEXT_TAGS)]


def edited(root: etree._Element, changes: dict[int, str]) -> etree._Element:
    """A copy with the text of leaf number k set to changes[k]."""
    out = copy.deepcopy(root)
    found = leaves(out)
    for k, value in changes.items():
        found[k].text = value
        for child in list(found[k]):
            found[k].remove(child)
    return parse_bytes(canonical.to_bytes(out))


def merge(base: etree._Element, current: etree._Element, amendment: etree._Element) -> A.MergeResult:
    return A.merge(base, current, A.derive(base, amendment))


def same(a: etree._Element, b: etree._Element) -> bool:
    return canonical.to_bytes(a) == canonical.to_bytes(b)


# --- properties ------------------------------------------------------------------------------------------


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_edits_to_two_different_blocks_merge_into_both(rnd):
    text = Texts(rnd)
    base = document(generate_clause(rnd, text))
    count = len(leaves(base))
    if count < 2:
        return
    one, other = rnd.sample(range(count), 2)
    first, second = text(), text()
    current, amendment = edited(base, {one: first}), edited(base, {other: second})
    result = merge(base, current, amendment)
    assert result.clean, [c.reason for c in result.conflicts]
    assert same(result.root, edited(base, {one: first, other: second}))
    assert result.blockwise == ["x"]
    # and the other way round
    result = merge(base, amendment, current)
    assert result.clean and same(result.root, edited(base, {one: first, other: second}))


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_edits_to_the_same_block_conflict_and_name_just_that_block(rnd):
    text = Texts(rnd)
    base = document(generate_clause(rnd, text))
    count = len(leaves(base))
    k = rnd.randrange(count)
    old = leaves(base)[k].text
    current, amendment = edited(base, {k: text()}), edited(base, {k: text()})
    result = merge(base, current, amendment)
    (conflict,) = result.conflicts
    assert conflict.target == "x" and len(conflict.blocks) == 1
    (block,) = conflict.blocks
    assert block.text("base") is not None and old in block.text("base")
    assert leaves(current)[k].text in block.text("current")
    assert leaves(amendment)[k].text in block.text("amendment")
    # only that block: no other leaf's text is in the conflict
    others = [e.text for i, e in enumerate(leaves(base)) if i != k]
    shown = " ".join(block.text(side) or "" for side in ("base", "current", "amendment"))
    lead_of_item = leaves(base)[k].getparent().tag in (names.PARA, names.ITEM)
    assert lead_of_item or not any(f" {o}" in f" {shown}" for o in others)
    assert same(the_clause(result.root), the_clause(current))  # never overwritten


def _random_edit(rnd: random.Random, root: etree._Element, text: Texts) -> None:
    """One edit a drafter might make inside the clause: rewrite, add, remove, move or renumber a block."""
    clause = the_clause(root)
    blocks = [e for e in clause.iter(names.PARA, names.P, names.ITEM, names.ROW, names.CELL) if e is not clause]
    kind = rnd.randrange(6)
    target = rnd.choice(blocks) if blocks else None
    if kind == 0 and target is not None:
        holder = target if target.tag in (names.P, names.CELL) else target.find(names.P)
        if holder is not None:
            holder.text = text()
    elif kind == 1 and target is not None and target.tag in (names.PARA, names.P):
        new = etree.Element(names.PARA, {names.NUM: f"{rnd.randint(1, 9)}a"}) if target.tag == names.PARA else None
        if new is not None:
            new.append(_p(text()))
        target.addnext(new if new is not None else _p(text()))
    elif kind == 2 and target is not None and len(target.getparent()) > 1 and target.tag != names.CELL:
        target.getparent().remove(target)
    elif kind == 3 and target is not None and target.tag in (names.PARA, names.P) and len(clause) > 2:
        parent = target.getparent()
        parent.remove(target)
        parent.insert(rnd.randint(0, len(parent)), target)
    elif kind == 4 and target is not None and target.tag in (names.PARA, names.ITEM):
        target.set(names.NUM, f"{rnd.randint(1, 9)}")
    elif kind == 5 and target is not None and target.tag == names.ITEM and target.find(names.P) is not None:
        target.find(names.P).text = text()


def _leaf_counts(root: etree._Element) -> Counter[str]:
    return Counter(canonical.to_string(e) for e in leaves(root))


@SETTINGS
@given(st.randoms(use_true_random=False), st.integers(1, 3), st.integers(1, 3))
def test_merge_never_loses_or_duplicates_a_block(rnd, steps_a, steps_b):
    text = Texts(rnd)
    base = document(generate_clause(rnd, text))
    sides = []
    for steps in (steps_a, steps_b):
        side = copy.deepcopy(base)
        for _ in range(steps):
            _random_edit(rnd, side, text)
        side = parse_bytes(canonical.to_bytes(side))
        if problems(side):
            return
        sides.append(side)
    current, amendment = sides
    result = merge(base, current, amendment)
    if not result.clean:
        assert all(c.blocks or c.reason for c in result.conflicts)
        assert same(the_clause(result.root), the_clause(current)) or not any(c.blocks for c in result.conflicts)
        return
    b, c, t, m = (_leaf_counts(x) for x in (base, current, amendment, result.root))
    for leaf in set(b) | set(c) | set(t) | set(m):
        assert m[leaf] <= max(c[leaf], t[leaf]), f"duplicated: {leaf}"
        assert m[leaf] >= min(b[leaf], c[leaf], t[leaf]), f"lost a block neither side changed: {leaf}"
        if b[leaf] == 0 and t[leaf] == 0:
            assert m[leaf] == c[leaf], f"lost the current text's new block: {leaf}"
        if b[leaf] == 0 and c[leaf] == 0:
            assert m[leaf] == t[leaf], f"lost the amendment's new block: {leaf}"
        if c[leaf] == b[leaf] and t[leaf] != b[leaf]:
            assert m[leaf] == t[leaf]
        if t[leaf] == b[leaf] and c[leaf] != b[leaf]:
            assert m[leaf] == c[leaf]


# --- the cases one by one ---------------------------------------------------------------------------------

CLAUSE = """<clause id="x" num="7">
  <heading>Kop</heading>
  <para num="1"><p>Eerste lid over de stad.</p></para>
  <para num="2"><p>Tweede lid over de partijen:</p>
    <list><item num="a."><p>de raad;</p></item><item num="b."><p>de buurt;</p></item><item num="c."><p>het fonds.</p></item></list>
  </para>
  <para num="3"><p>Derde lid.</p><table><row><cell>links</cell><cell>rechts</cell></row></table></para>
</clause>"""


def sample() -> etree._Element:
    return document(etree.fromstring(CLAUSE))


def change(root: etree._Element, fn) -> etree._Element:
    out = copy.deepcopy(root)
    fn(the_clause(out))
    return parse_bytes(canonical.to_bytes(out))


def lid(clause: etree._Element, num: str) -> etree._Element:
    return next(p for p in clause.iter(names.PARA) if p.get(names.NUM) == num)


def set_lead(num: str, value: str):
    return lambda c: setattr(lid(c, num).find(names.P), "text", value)


def test_different_items_of_one_list_and_different_cells_of_one_row_combine():
    base = sample()
    current = change(base, lambda c: (setattr(c.find(".//item[@num='a.']/p"), "text", "de gemeenteraad;"),))
    amendment = change(
        base,
        lambda c: (
            setattr(c.find(".//item[@num='c.']/p"), "text", "het buurtfonds."),
            setattr(c.findall(".//cell")[1], "text", "rechtsboven"),
        ),
    )
    result = merge(base, current, amendment)
    assert result.clean
    merged = the_clause(result.root)
    assert [p.text for p in merged.iter(names.P)][2:5] == ["de gemeenteraad;", "de buurt;", "het buurtfonds."]
    assert [cell.text for cell in merged.iter(names.CELL)] == ["links", "rechtsboven"]


def test_the_lead_of_a_lid_and_an_item_in_it_are_different_blocks():
    base = sample()
    current = change(base, set_lead("2", "Tweede lid over alle partijen:"))
    amendment = change(base, lambda c: setattr(c.find(".//item[@num='b.']/p"), "text", "de buurten;"))
    result = merge(base, current, amendment)
    assert result.clean
    merged = the_clause(result.root)
    assert lid(merged, "2").find(names.P).text == "Tweede lid over alle partijen:"
    assert merged.find(".//item[@num='b.']/p").text == "de buurten;"


def test_heading_and_number_of_the_clause_merge_with_its_text():
    base = sample()
    current = change(base, lambda c: (c.set(names.NUM, "8"), setattr(c.find(names.HEADING), "text", "Nieuwe kop")))
    amendment = change(base, set_lead("3", "Derde lid, herzien."))
    result = merge(base, current, amendment)
    assert result.clean
    merged = the_clause(result.root)
    assert merged.get(names.NUM) == "8" and merged.find(names.HEADING).text == "Nieuwe kop"
    assert lid(merged, "3").find(names.P).text == "Derde lid, herzien."


def test_a_lid_added_on_one_side_and_another_edited_on_the_other_combine():
    base = sample()
    current = change(base, lambda c: c.append(etree.fromstring('<para num="4"><p>Vierde lid.</p></para>')))
    amendment = change(base, set_lead("1", "Eerste lid over heel de stad."))
    result = merge(base, current, amendment)
    assert result.clean
    merged = the_clause(result.root)
    assert [p.get(names.NUM) for p in merged.findall(names.PARA)] == ["1", "2", "3", "4"]
    assert lid(merged, "1").find(names.P).text == "Eerste lid over heel de stad."


def test_both_adding_a_lid_at_the_same_place_is_a_conflict():
    base = sample()
    current = change(base, lambda c: c.append(etree.fromstring('<para num="4"><p>Vierde lid A.</p></para>')))
    amendment = change(base, lambda c: c.append(etree.fromstring('<para num="4"><p>Vierde lid B.</p></para>')))
    (conflict,) = merge(base, current, amendment).conflicts
    (block,) = conflict.blocks
    assert str(block.where) == "the blocks after lid 3" and block.base == ()
    assert block.text("current") == "4 Vierde lid A." and block.text("amendment") == "4 Vierde lid B."


def test_deleted_on_one_side_and_edited_on_the_other_is_a_conflict():
    base = sample()
    current = change(base, lambda c: c.remove(lid(c, "3")))
    amendment = change(base, set_lead("3", "Derde lid, herzien."))
    (conflict,) = merge(base, current, amendment).conflicts
    (block,) = conflict.blocks
    assert str(block.where) == "lid 3" and block.current == () and "herzien" in block.text("amendment")


def test_a_block_moved_on_one_side_and_edited_on_the_other_is_a_conflict():
    base = sample()
    current = change(base, lambda c: c.append(lid(c, "1")))  # lid 1 now last
    amendment = change(base, set_lead("1", "Eerste lid over heel de stad."))
    (conflict,) = merge(base, current, amendment).conflicts
    (block,) = conflict.blocks
    assert "moved" in str(block.reason) and "ambiguous" in str(block.reason)


def test_renumbered_leden_on_both_sides_is_a_conflict():
    base = sample()

    def insert_first(c):
        for para in c.findall(names.PARA):
            para.set(names.NUM, str(int(para.get(names.NUM)) + 1))
        c.find(names.HEADING).addnext(etree.fromstring('<para num="1"><p>Nieuw eerste lid.</p></para>'))

    current = change(base, insert_first)
    amendment = change(base, lambda c: lid(c, "3").set(names.NUM, "4"))
    (conflict,) = merge(base, current, amendment).conflicts
    assert "renumbered" in str(conflict.blocks[0].reason)


def test_two_new_leden_with_one_number_in_different_places_is_a_conflict():
    base = sample()
    current = change(base, lambda c: lid(c, "2").addnext(etree.fromstring('<para num="2a"><p>Na twee.</p></para>')))
    amendment = change(base, lambda c: lid(c, "1").addnext(etree.fromstring('<para num="2a"><p>Na een.</p></para>')))
    (conflict,) = merge(base, current, amendment).conflicts
    (block,) = conflict.blocks
    assert "two blocks numbered 2a" in str(block.reason)
    assert (block.text("current"), block.text("amendment")) == ("2a Na twee.", "2a Na een.")


def test_a_num_changed_on_one_side_and_text_on_the_other_in_one_block_is_a_conflict():
    base = sample()
    current = change(base, lambda c: lid(c, "2").set(names.NUM, "2a"))
    amendment = change(base, lambda c: setattr(c.find(".//item[@num='b.']/p"), "text", "de buurten;"))
    (conflict,) = merge(base, current, amendment).conflicts
    (block,) = conflict.blocks
    assert str(block.where) == "lid 2" and str(block.reason) == "was renumbered on one side and changed on the other"


def test_a_clause_number_changed_on_both_sides_is_a_conflict():
    base = sample()
    current = change(base, lambda c: c.set(names.NUM, "8"))
    amendment = change(base, lambda c: c.set(names.NUM, "9"))
    (conflict,) = merge(base, current, amendment).conflicts
    assert str(conflict.blocks[0].where) == "the number of the clause"


def test_the_same_change_on_both_sides_is_not_a_conflict():
    base = sample()
    current = change(base, lambda c: (set_lead("1", "Gelijk.")(c), set_lead("3", "Alleen hier.")(c)))
    amendment = change(base, set_lead("1", "Gelijk."))
    result = merge(base, current, amendment)
    assert result.clean and same(result.root, current)


def test_the_preamble_merges_block_by_block_too():
    base = parse_bytes(canonical.to_bytes(sample()))
    preamble = etree.fromstring("<preamble><p>Eerste overweging.</p><p>Tweede overweging.</p></preamble>")
    base.insert(1, preamble)
    base = parse_bytes(canonical.to_bytes(base))

    def set_p(k, value):
        def fn(root):
            out = copy.deepcopy(root)
            out.find(names.PREAMBLE)[k].text = value
            return parse_bytes(canonical.to_bytes(out))

        return fn

    current, amendment = set_p(0, "Eerste, herzien.")(base), set_p(1, "Tweede, herzien.")(base)
    result = merge(base, current, amendment)
    assert result.clean and [p.text for p in result.root.find(names.PREAMBLE)] == [
        "Eerste, herzien.",
        "Tweede, herzien.",
    ]


def test_a_structural_operation_on_a_changed_clause_still_conflicts():
    base = sample()
    current = change(base, set_lead("1", "Eerste lid, herzien."))

    def split(root):
        out = copy.deepcopy(root)
        clause = the_clause(out)
        new = etree.Element(names.CLAUSE, {names.ID: "x2", names.NUM: "7a"})
        new.append(lid(clause, "3"))
        clause.addnext(new)
        return parse_bytes(canonical.to_bytes(out))

    ops = A.derive(base, split(base))
    assert any(isinstance(op, A.Split) for op in ops)
    result = A.merge(base, current, ops)
    assert result.conflicts and not result.conflicts[0].blocks


def test_a_conflict_shows_its_blocks_in_a_clause_of_their_own():
    base = sample()
    current = change(base, lambda c: setattr(c.find(".//item[@num='b.']/p"), "text", "de buurt A;"))
    amendment = change(base, lambda c: setattr(c.find(".//item[@num='b.']/p"), "text", "de buurt B;"))
    (conflict,) = merge(base, current, amendment).conflicts
    (block,) = conflict.blocks
    assert str(block.where) == "lid 2, list, item b."
    shown = parse_bytes(block.clause_xml("current", the_clause(base)).encode())
    assert shown.get(names.ID) == "x" and shown.get(names.NUM) == "7"
    assert [e.tag for e in shown.iter()] == [names.CLAUSE, names.HEADING, names.LIST, names.ITEM, names.P]
    assert conflict.as_dict()["blocks"][0]["amendment_text"] == "b. de buurt B;"
