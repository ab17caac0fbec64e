"""The three-way merge of one clause (or the preamble, or the metadata) block by block.

When an amendment changes a clause that was also changed since the amendment's base, the two changes
are combined when they touch different blocks: a lid, a list item, a table cell, a paragraph, the
heading (the blocks of the redline, `ops.blocks`, paired the way the redline pairs them). Only a block
changed on both sides, differently, is a conflict, and the conflict names just those blocks.

The merge is conservative: where it cannot tell which block is which, it reports a conflict rather
than guess. That is the case when

* a block was changed on both sides (differently), or blocks were added, removed or rewritten on
  both sides at the same place between two blocks both sides kept;
* one side moved blocks (a block gone from one place and a related one — same kind, and the same
  number or mostly the same words — come at another) while the other side changed the same list;
* one side renumbered blocks of a list while the other side added, removed or renumbered numbered
  blocks in it; or one side renumbered a block while the other changed anything inside it;
* the merged list would hold two numbered blocks with the same number where neither side had them.

Otherwise, per list of sibling blocks (recursively): a block kept by both sides is merged in turn; a
stretch between two such blocks takes the side that changed it. The clause's own attributes (its
number, its kind) merge one by one: changed on one side, that side's value. Pure: elements in, an
element and conflicts out.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ...messages import Message
from ...model import names
from ...model.document import content_text, inline_text
from ..blocks import lead_and_children, matching, related
from .nodes import element_of, xml_of

Element = etree._Element

__all__ = ["BOTH_CHANGED", "BlockConflict", "merge_blocks"]

BOTH_CHANGED = Message("ops.both_changed")
_MOVED = Message("ops.blocks_moved")
_RENUMBERED = Message("ops.blocks_renumbered")
_NUM_AND_TEXT = Message("ops.renumbered_and_changed")
_NUMBERED = frozenset({names.PARA, names.ITEM})
#: blocks named by their place among siblings of their kind ("row 3") when they have no number
_COUNTED = frozenset({names.P, names.ROW, names.CELL, names.LIST, names.TABLE, names.FIGURE})
_WRAPPERS = {names.ITEM: (names.LIST,), names.ROW: (names.TABLE,), names.CELL: (names.TABLE, names.ROW)}


@dataclass(frozen=True)
class BlockConflict:
    """Blocks of one clause that the two sides changed in ways that cannot be combined.

    `where` names the place ("lid 2, item b.", "heading", "the clause's number"); `base`, `current` and
    `amendment` hold the blocks concerned (canonical XML, none where a side has none) as they are in the
    amendment's base, in the current text, and as the amendment would have them.
    """

    where: str | Message
    reason: Message
    base: tuple[str, ...] = ()
    current: tuple[str, ...] = ()
    amendment: tuple[str, ...] = ()

    def describe(self) -> Message:
        return Message("ops.block_conflict", where=self.where, reason=self.reason)

    def text(self, side: str) -> str | None:
        """The readable text of one side's blocks ("base", "current" or "amendment"); None when it has none."""
        blocks: tuple[str, ...] = getattr(self, side)
        if not blocks:
            return None
        return " ".join(_readable(element_of(xml)) for xml in blocks)

    def clause_xml(self, side: str, clause: Element | None) -> str | None:
        """One side's blocks in a clause of their own (id and number of `clause`), for a redline of just them;
        items, rows and cells wrapped in the list or table they need. None when the side has no blocks."""
        blocks: tuple[str, ...] = getattr(self, side)
        if not blocks:
            return None
        holder = etree.Element(names.CLAUSE, {names.ID: "conflict"})
        if clause is not None:
            for name in (names.ID, names.NUM, names.KIND):
                if clause.get(name) is not None:
                    holder.set(name, clause.get(name, ""))
            heading = clause.find(names.HEADING)
            if heading is not None and not any(element_of(xml).tag == names.HEADING for xml in blocks):
                holder.append(copy.deepcopy(heading))  # for context: which clause
        for xml in blocks:
            block = element_of(xml)
            parent = holder
            if block.tag == names.HEADING or block.tag == names.SUBHEADING:
                holder.insert(0, block)
                continue
            for tag in _WRAPPERS.get(str(block.tag), ()):
                parent = etree.SubElement(parent, tag)
            parent.append(block)
        return xml_of(holder)

    def as_dict(self) -> dict[str, Any]:
        return {
            "where": str(self.where),
            "reason": str(self.reason),
            "base_text": self.text("base"),
            "current_text": self.text("current"),
            "amendment_text": self.text("amendment"),
        }


def _readable(element: Element) -> str:
    if element.tag == names.FIGURE:
        return element.get(names.SRC, "")
    if element.tag == names.DATE:
        return element.get(names.VALUE, "")
    _, children = lead_and_children(element)
    return inline_text(element) if children is None else content_text(element)


def _key(element: Element) -> bytes:
    """What makes two blocks the same: their bytes. The three clauses are first put in canonical form and
    parsed again (`merge_blocks`), so blocks at one place are the same exactly when their bytes are."""
    return etree.tostring(element, with_tail=False)


def _keys(elements: Sequence[Element]) -> list[bytes]:
    return [_key(e) for e in elements]


def _copies(elements: Sequence[Element]) -> list[Element]:
    return [copy.deepcopy(e) for e in elements]


def _names(siblings: Sequence[Element]) -> dict[int, str | Message]:
    """How each of a list of sibling blocks is named in a conflict (by `id()` of the element): "lid 2",
    "item b.", "row 3", "paragraph 1", "heading". One pass over the list."""
    counts = Counter(str(e.tag) for e in siblings)
    seen: Counter[str] = Counter()
    out: dict[int, str | Message] = {}
    for element in siblings:
        tag = str(element.tag)
        seen[tag] += 1
        num, name = element.get(names.NUM), element.get(names.NAME)
        word: str | Message = Message("ops.block.paragraph") if tag == names.P else tag
        if tag == names.HEADING:
            word = Message("ops.block.heading")
        if tag in _NUMBERED and num:
            out[id(element)] = f"{'lid' if tag == names.PARA else 'item'} {num}"
        elif name:
            out[id(element)] = f"{tag} {name}"
        elif counts[tag] > 1 and tag in _COUNTED:
            out[id(element)] = Message("ops.block.counted", word=word, count=seen[tag])
        else:
            out[id(element)] = word
    return out


def _join(where: str | Message, name: str | Message) -> str | Message:
    return Message("ops.block.within", where=where, name=name) if where else name


def _shell(element: Element) -> Element:
    """A container block with only its own part (number and lead paragraph), for showing a conflict in it."""
    lead, _ = lead_and_children(element)
    shell = etree.Element(element.tag, dict(element.attrib))
    if lead is not None:
        shell.append(copy.deepcopy(lead))
    return shell


def _own(element: Element) -> tuple[tuple[tuple[str, str], ...], bytes | None]:
    lead, _ = lead_and_children(element)
    return tuple(sorted(element.attrib.items())), (_key(lead) if lead is not None else None)


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[BlockConflict] = []

    def conflict(
        self,
        where: str | Message,
        reason: Message,
        base: Sequence[Element],
        current: Sequence[Element],
        theirs: Sequence[Element],
    ) -> None:
        self.conflicts.append(
            BlockConflict(
                where,
                reason,
                tuple(xml_of(e) for e in base),
                tuple(xml_of(e) for e in current),
                tuple(xml_of(e) for e in theirs),
            )
        )

    def root(self, b: Element, c: Element, t: Element) -> Element:
        """The clause (preamble, metadata) itself: attributes one by one, then its blocks."""
        merged = etree.Element(b.tag)
        for name in sorted(set(b.attrib) | set(c.attrib) | set(t.attrib)):
            vb, vc, vt = b.get(name), c.get(name), t.get(name)
            value = vt if vc == vb else vc
            if vc != vb and vt != vb and vc != vt:
                what = {names.NUM: "number", names.KIND: "kind"}.get(name)
                said = Message(f"ops.attribute.{what}") if what else Message("ops.attribute", name=name)
                where = Message("ops.attribute_of", what=said, tag=_tag_word(str(b.tag)))
                values = Message("ops.both_changed_values", base=repr(vb), current=repr(vc), theirs=repr(vt))
                self.conflicts.append(BlockConflict(where, values))
            if value is not None:
                merged.set(name, value)
        for child in self.siblings(_blocks(b), _blocks(c), _blocks(t), ""):
            merged.append(child)
        return merged

    def block(self, b: Element, c: Element, t: Element, where: str | Message) -> Element:
        """One block kept by both sides (b, c and t are of one kind)."""
        kb, kc, kt = _key(b), _key(c), _key(t)
        if kc == kb:
            return copy.deepcopy(t)
        if kt == kb or kc == kt:
            return copy.deepcopy(c)
        _, kids_b = lead_and_children(b)
        _, kids_c = lead_and_children(c)
        _, kids_t = lead_and_children(t)
        if kids_b is None or kids_c is None or kids_t is None:
            self.conflict(where, BOTH_CHANGED, [b], [c], [t])
            return copy.deepcopy(c)
        num_b, num_c, num_t = b.get(names.NUM), c.get(names.NUM), t.get(names.NUM)
        if num_c != num_b or num_t != num_b:
            self.conflict(where, BOTH_CHANGED if num_c != num_b and num_t != num_b else _NUM_AND_TEXT, [b], [c], [t])
            return copy.deepcopy(c)
        own_b, own_c, own_t = _own(b), _own(c), _own(t)
        if own_c != own_b and own_t != own_b and own_c != own_t:
            self.conflict(where, BOTH_CHANGED, [_shell(b)], [_shell(c)], [_shell(t)])
        source = c if own_c != own_b else t
        merged = etree.Element(b.tag, dict(source.attrib))
        source_lead, _ = lead_and_children(source)
        if source_lead is not None:
            merged.append(copy.deepcopy(source_lead))
        for child in self.siblings(kids_b, kids_c, kids_t, where):
            merged.append(child)
        return merged

    def siblings(self, b: list[Element], c: list[Element], t: list[Element], where: str | Message) -> list[Element]:
        """A list of sibling blocks: pair both sides with the base, merge the blocks both kept, and take the
        side that changed each stretch between them."""
        kb, kc, kt = _keys(b), _keys(c), _keys(t)
        if kc == kb:
            return _copies(t)
        if kt == kb or kc == kt:
            return _copies(c)
        to_c, to_t = matching(b, c), matching(b, t)
        place = where or Message("ops.text_of", tag=_tag_word(_parent_name(b, c, t)))
        if _moves(b, c, to_c) or _moves(b, t, to_t):
            self.conflict(place, _MOVED, *_differing(b, c, t))
            return _copies(c)
        if (_renumbers(b, c, to_c) and _numbering(b, t, to_t)) or (_renumbers(b, t, to_t) and _numbering(b, c, to_c)):
            self.conflict(place, _RENUMBERED, *_differing(b, c, t))
            return _copies(c)
        in_c, in_t = dict(to_c), dict(to_t)
        kept = [(i, in_c[i], in_t[i]) for i in range(len(b)) if i in in_c and i in in_t]
        named = _names(b)
        out: list[Element] = []
        i0 = j0 = k0 = 0
        for i, j, k in [*kept, (len(b), len(c), len(t))]:
            out += self.stretch(b[i0:i], c[j0:j], t[k0:k], where, named, out)
            if i < len(b):
                out.append(self.block(b[i], c[j], t[k], _join(where, named[id(b[i])])))
            i0, j0, k0 = i + 1, j + 1, k + 1
        self.check_numbers(out, c, t, place)
        return out

    def stretch(
        self,
        b: list[Element],
        c: list[Element],
        t: list[Element],
        where: str | Message,
        named: dict[int, str | Message],
        before: list[Element],
    ) -> list[Element]:
        """The blocks between two blocks both sides kept: the side that changed them (both: a conflict)."""
        kb, kc, kt = _keys(b), _keys(c), _keys(t)
        if kc == kb:
            return _copies(t)
        if kt == kb or kc == kt:
            return _copies(c)
        name: str | Message
        if b:
            name = ", ".join(str(named[id(e)]) for e in b)
        elif before:
            name = Message("ops.blocks_after", name=_names(before)[id(before[-1])])
        else:
            name = Message("ops.blocks_at_start")
        self.conflict(_join(where, name), BOTH_CHANGED, b, c, t)
        return _copies(c)

    def check_numbers(self, out: list[Element], c: list[Element], t: list[Element], where: str | Message) -> None:
        def doubles(elements: list[Element]) -> set[str]:
            counts = Counter(e.get(names.NUM) for e in elements if e.tag in _NUMBERED and e.get(names.NUM))
            return {str(num) for num, n in counts.items() if n > 1}

        in_c, in_t = set(_keys(c)), set(_keys(t))
        for num in sorted(doubles(out) - doubles(c) - doubles(t)):
            same = [e for e in out if e.tag in _NUMBERED and e.get(names.NUM) == num]
            ours = [e for e in same if _key(e) in in_c]
            theirs = [e for e in same if _key(e) in in_t and _key(e) not in in_c]
            self.conflict(where, Message("ops.same_number", num=num), [], ours, theirs)


def _parent_name(*lists: list[Element]) -> str:
    for elements in lists:
        for element in elements:
            parent = element.getparent()
            if parent is not None:
                return str(parent.tag)
    return "clause"


def _tag_word(tag: str) -> str | Message:
    """An element named in a conflict: a clause in words, any other by its element name."""
    return Message("amend.op.kind.clause") if tag == names.CLAUSE else tag


def _blocks(element: Element) -> list[Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _moves(b: list[Element], s: list[Element], pairs: list[tuple[int, int]]) -> bool:
    """Whether side `s` moved a block: a block gone from the base whose like comes elsewhere on side `s`."""
    gone = [b[i] for i in sorted(set(range(len(b))) - {i for i, _ in pairs})]
    come = [s[j] for j in sorted(set(range(len(s))) - {j for _, j in pairs})]
    return any(_key(o) == _key(n) or related(o, n) for o in gone for n in come)


def _renumbers(b: list[Element], s: list[Element], pairs: list[tuple[int, int]]) -> bool:
    return any(b[i].tag in _NUMBERED and b[i].get(names.NUM) != s[j].get(names.NUM) for i, j in pairs)


def _numbering(b: list[Element], s: list[Element], pairs: list[tuple[int, int]]) -> bool:
    """Whether side `s` renumbered, added or removed numbered blocks of the list."""
    if _renumbers(b, s, pairs):
        return True
    paired_b, paired_s = {i for i, _ in pairs}, {j for _, j in pairs}
    return any(e.tag in _NUMBERED for i, e in enumerate(b) if i not in paired_b) or any(
        e.tag in _NUMBERED for j, e in enumerate(s) if j not in paired_s
    )


def _differing(
    b: list[Element], c: list[Element], t: list[Element]
) -> tuple[list[Element], list[Element], list[Element]]:
    """The blocks of a list that are not the same on all three sides (what a conflict about the list shows)."""
    kb, kc, kt = Counter(_keys(b)), Counter(_keys(c)), Counter(_keys(t))
    return (
        [e for e in b if not (kc[_key(e)] and kt[_key(e)])],
        [e for e in c if not kb[_key(e)]],
        [e for e in t if not kb[_key(e)]],
    )


def merge_blocks(base: Element, current: Element, theirs: Element) -> tuple[Element, list[BlockConflict]]:
    """Merge the changes made to one clause (preamble, metadata) since `base` in `current` and in `theirs`
    (the amendment's version), block by block. Returns the merged element and the conflicts; the element is
    meaningful only when there are none."""
    normal = [element_of(xml_of(e)) for e in (base, current, theirs)]
    merger = _Merger()
    return merger.root(*normal), merger.conflicts
