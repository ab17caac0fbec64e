"""Block alignment: the content of a clause (or preamble, division, metadata) compared block by block.

`align(old_children, new_children, differ)` takes the child elements of two versions of one
container (a clause, the preamble, a division's own text, `meta`) and returns a list of
`BlockChange` trees (see `ops.redline`) in document order: every block of both sides, paired
where it is the same block, with a word diff of its text.

Which blocks are paired, per list of siblings (recursively inside paired containers):

1. **Identical blocks** (the same serialized XML) on a longest common subsequence: anchors.
2. Between two anchors, blocks of the **same kind** are paired by a monotone best-score
   matching (dynamic programming over the gap, O(n·m); gaps beyond `MAX_GAP_CELLS` cells pair
   only blocks of the same kind and number, in order). Score: blocks with a `name` (metadata
   properties, dates) pair only by name; otherwise the Dice coefficient of their bags of words
   (whole subtree), plus `SAME_NUM_BONUS` when their numbers are equal; pairs below
   `MIN_SCORE` stay apart unless their numbers are equal (lid 2 stays lid 2 when rewritten) or
   the kind occurs once on each side (a heading, an origin).
3. Unpaired blocks are added or removed, with everything inside them.

A para or item shows its number and its first `p` as one block (the lid "2 De partijen ..."),
further `p`s, lists and tables inside it are its children. A table row holds its cells. A
figure's text is its file name. A date's text is its value; a property's its text.

What a paired block reports (`kinds`): "modified" when its text differs (a word diff),
"renumbered" when its number does, "formatting" when only inline markup (`em`, `ref` and
its `href`, ...) or other attributes differ (a list's `kind`, a figure's size). Comparing costs
nothing for identical blocks (one C-level serialization each); the canonical text is built only
for blocks whose plain text is equal while their XML is not.

`clause_words(tree)` rebuilds the running text of a clause (`model.document.content_text`)
from the blocks, so the clause's word diff is the blocks' diffs joined: a change in lid 2 never
borrows words from lid 3.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from lxml import etree

from ..model import canonical, names
from ..model.document import inline_text
from ..model.strings import normalize_space
from .redline import (
    ADDED,
    DELETE,
    EQUAL,
    FORMATTING,
    INSERT,
    MODIFIED,
    REMOVED,
    RENUMBERED,
    UNCHANGED,
    BlockChange,
    Segments,
)
from .worddiff import WordDiff, merge_segments

Element = etree._Element
Bag = Counter[str]


class Differ(Protocol):
    """What the aligner needs of a word differ: a diff, and a word count of one-sided text."""

    def __call__(self, old: str, new: str) -> WordDiff: ...

    def count(self, text: str) -> int: ...


__all__ = [
    "MAX_GAP_CELLS",
    "MIN_SCORE",
    "SAME_NUM_BONUS",
    "align",
    "clause_words",
    "lead_and_children",
    "matching",
    "related",
    "same",
]

#: Least score (Dice of word bags) for pairing two blocks of the same kind whose numbers differ.
MIN_SCORE = 0.4
#: Added to the score of two blocks with the same (non-empty) number.
SAME_NUM_BONUS = 0.5
#: Largest gap (old blocks × new blocks between two identical ones) paired by best score.
MAX_GAP_CELLS = 10_000

_WORD = re.compile(r"\w+")
_NUMBERED = frozenset({names.PARA, names.ITEM})
_NAMED = frozenset({names.PROPERTY, names.DATE})
#: Elements whose text is an attribute.
_TEXT_ATTRIBUTE = {names.DATE: names.VALUE, names.FIGURE: names.SRC}
#: Attributes that are not compared as attributes (identity, number, text).
_NOT_ATTRIBUTES = frozenset({names.NUM, names.NAME, names.ID})
_BLOCK_TAGS = frozenset(
    {names.PARA, names.ITEM, names.LIST, names.TABLE, names.ROW, names.ORIGIN, names.META, names.PREAMBLE}
)


def _tostring(element: Element) -> bytes:
    return etree.tostring(element, with_tail=False)


class _Node:
    """One block as the aligner sees it (strings read from the tree once, lazily)."""

    __slots__ = ("element", "tag", "num", "name", "lead", "children", "_xml", "_full", "_bag")

    def __init__(self, element: Element) -> None:
        self.element = element
        tag = str(element.tag)
        self.tag = tag
        self.num = element.get(names.NUM) if tag in _NUMBERED else None
        self.name = element.get(names.NAME) if tag in _NAMED else None
        self.lead: Element | None = None
        self.children: list[Element] | None = None  # child elements that are blocks (containers only)
        if _is_container(element):
            kids = [c for c in element if isinstance(c.tag, str)]
            if tag in _NUMBERED and kids and kids[0].tag == names.P:
                self.lead = kids[0]
                kids = kids[1:]
            self.children = kids
        self._xml: bytes | None = None
        self._full: str | None = None
        self._bag: Bag | None = None

    @property
    def xml(self) -> bytes:
        if self._xml is None:
            self._xml = _tostring(self.element)
        return self._xml

    @property
    def full(self) -> str:
        """All text of the block (lower case), for similarity."""
        if self._full is None:
            text = etree.tostring(self.element, method="text", encoding=str, with_tail=False)
            attr = _TEXT_ATTRIBUTE.get(self.tag)
            if attr:
                text = f"{self.element.get(attr, '')} {text}"
            self._full = text.lower()
        return self._full

    @property
    def bag(self) -> Bag:
        if self._bag is None:
            self._bag = Counter(_WORD.findall(self.full))
        return self._bag


def _is_container(element: Element) -> bool:
    tag = element.tag
    if tag in _BLOCK_TAGS or tag == names.DIVISION or tag == names.CLAUSE:
        return True
    if tag in names.INLINE_CONTAINERS or tag in _TEXT_ATTRIBUTE or tag in names.INLINE:
        return False
    # an element akkoordvc does not know: a container when it holds only elements
    if element.text and element.text.strip(" \t\r\n"):
        return False
    return len(element) > 0 and all(
        isinstance(c.tag, str) and c.tag not in names.INLINE and not (c.tail and c.tail.strip(" \t\r\n"))
        for c in element
    )


def text_of(element: Element | None) -> str:
    """The text a leaf block shows: an attribute for dates and figures, else its inline text."""
    if element is None:
        return ""
    attr = _TEXT_ATTRIBUTE.get(str(element.tag))
    if attr:
        return _nfc(normalize_space(element.get(attr, "")))
    return _nfc(inline_text(element))


def _nfc(text: str) -> str:
    return text if text.isascii() else canonical.nfc(text)


def _with_lead(node: _Node) -> dict[str, str]:
    """A block's attributes, and those of the first `p` it shows as its text (as "p@NAME")."""
    attrs = _attrs(node.element)
    if node.lead is not None:
        attrs.update((f"{names.P}@{k}", v) for k, v in node.lead.items())
    return attrs


def _attrs(element: Element | None) -> dict[str, str]:
    if element is None:
        return {}
    skip = _TEXT_ATTRIBUTE.get(str(element.tag))
    return {k: v for k, v in element.items() if k not in _NOT_ATTRIBUTES and k != skip}


# --- pairing ------------------------------------------------------------------------------------


def _dice(a: Bag, b: Bag) -> float:
    size = sum(a.values()) + sum(b.values())
    if not size:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    shared = sum(min(count, b[word]) for word, count in a.items() if word in b)
    return 2 * shared / size


def _score(o: _Node, n: _Node, single: bool) -> float | None:
    """The pairing score of two blocks, or None when they must not be paired."""
    if o.tag != n.tag:
        return None
    if o.name is not None or n.name is not None:
        return 1.0 if o.name == n.name else None
    score = _dice(o.bag, n.bag)
    same_num = bool(o.num) and o.num == n.num
    if same_num:
        score += SAME_NUM_BONUS
    if score >= MIN_SCORE or same_num or single:
        return score + 0.01  # any pair beats no pair
    return None


def _lcs_pairs(a: Sequence[object], b: Sequence[object]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of two lists of hashable keys (the common
    prefix and suffix cut first; the middle by dynamic programming, bounded)."""
    pairs: list[tuple[int, int]] = []
    lo = 0
    while lo < len(a) and lo < len(b) and a[lo] == b[lo]:
        pairs.append((lo, lo))
        lo += 1
    hi = 0
    while hi < len(a) - lo and hi < len(b) - lo and a[-1 - hi] == b[-1 - hi]:
        hi += 1
    middle_a, middle_b = a[lo : len(a) - hi], b[lo : len(b) - hi]
    if middle_a and middle_b:
        if len(middle_a) * len(middle_b) <= MAX_GAP_CELLS:
            pairs.extend((lo + i, lo + j) for i, j in _dp_lcs(middle_a, middle_b))
        else:
            # large: unique keys in order only (patience-style anchors)
            from .sequence import longest_increasing

            where: Counter[object] = Counter(middle_b)
            first: dict[object, int] = {}
            for j, key in enumerate(middle_b):
                if where[key] == 1:
                    first[key] = j
            count_a: Counter[object] = Counter(middle_a)
            cand = [(i, first[k]) for i, k in enumerate(middle_a) if count_a[k] == 1 and k in first]
            keep = longest_increasing([j for _, j in cand])
            pairs.extend((lo + cand[k][0], lo + cand[k][1]) for k in sorted(keep))
    pairs.extend((len(a) - hi + k, len(b) - hi + k) for k in range(hi))
    return pairs


def _dp_lcs(a: Sequence[object], b: Sequence[object]) -> list[tuple[int, int]]:
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if a[i] == b[j] else max(below[j], row[j + 1])
    pairs = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _best_pairs(olds: list[_Node], news: list[_Node]) -> list[tuple[int, int]]:
    """A monotone matching of two gaps maximizing the total score (see the module docstring)."""
    n, m = len(olds), len(news)
    if not n or not m:
        return []
    if n == m and all(o.tag == x.tag and o.num == x.num and o.name == x.name for o, x in zip(olds, news, strict=True)):
        return [(k, k) for k in range(n)]  # the same blocks in the same order: nothing to choose
    old_tags = Counter(o.tag for o in olds)
    new_tags = Counter(x.tag for x in news)
    if n * m > MAX_GAP_CELLS:
        keys_a: list[object] = [(o.tag, o.num, o.name) for o in olds]
        keys_b: list[object] = [(x.tag, x.num, x.name) for x in news]
        return _lcs_pairs(keys_a, keys_b)
    scores = [[_score(o, x, old_tags[o.tag] == 1 and new_tags[x.tag] == 1) for x in news] for o in olds]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            value = below[j] if below[j] > row[j + 1] else row[j + 1]
            s = scores[i][j]
            if s is not None and below[j + 1] + s > value:
                value = below[j + 1] + s
            row[j] = value
    pairs = []
    i = j = 0
    while i < n and j < m:
        s = scores[i][j]
        if s is not None and abs(best[i][j] - (best[i + 1][j + 1] + s)) < 1e-9:
            pairs.append((i, j))
            i += 1
            j += 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _pairs(olds: list[_Node], news: list[_Node]) -> list[tuple[int, int]]:
    """Paired indices in order: identical blocks first, then best-score pairs in each gap."""
    if not olds or not news:
        return []
    anchors = _lcs_pairs([o.xml for o in olds], [x.xml for x in news])
    pairs: list[tuple[int, int]] = []
    i0 = j0 = 0
    for i, j in [*anchors, (len(olds), len(news))]:
        if i > i0 and j > j0:
            pairs.extend((i0 + a, j0 + b) for a, b in _best_pairs(olds[i0:i], news[j0:j]))
        if i < len(olds):
            pairs.append((i, j))
        i0, j0 = i + 1, j + 1
    return pairs


def matching(old_elements: Sequence[Element], new_elements: Sequence[Element]) -> list[tuple[int, int]]:
    """Which of two lists of sibling block elements are the same block, as increasing index pairs: the
    pairing the redline shows (identical blocks first, then best score in each gap). The block-level merge
    of amendments (`ops.amendments.blockmerge`) pairs blocks with it too, so both agree on what a block is."""
    return _pairs([_Node(e) for e in old_elements], [_Node(e) for e in new_elements])


def related(old: Element, new: Element) -> bool:
    """Whether two blocks would be paired as one block if their places allowed it: the same kind, and the
    same name, the same number or words enough in common (a block that moved keeps this relation)."""
    return _score(_Node(old), _Node(new), False) is not None


def lead_and_children(element: Element) -> tuple[Element | None, list[Element] | None]:
    """A block's lead `p` (shown with the number of a lid or item) and its child blocks; None as the
    children of a leaf block (a paragraph, heading, cell, figure, ...), whose text is its own."""
    node = _Node(element)
    return node.lead, node.children


# --- block changes ------------------------------------------------------------------------------


def _words_of(op: str, text: str) -> Segments:
    return [(op, text)] if text else []


class _Builder:
    """`whole`: texts are compared whole, without a word diff (origin metadata: long, read rarely)."""

    def __init__(self, differ: Differ | None, whole: bool = False) -> None:
        self.differ = differ
        self.whole = whole

    # one side only: every block added or removed (or unchanged, for a clause shown whole)
    def one_side(self, node: _Node, side: str, change: str, depth: int) -> BlockChange:
        element = node.element
        lead = node.lead
        text = text_of(lead) if node.children is not None else text_of(element)
        if node.children is not None and lead is None:
            text = ""
        op = {ADDED: INSERT, REMOVED: DELETE}.get(change, EQUAL)
        block = BlockChange(kind=node.tag, change=change, kinds=(change,), depth=depth, name=node.name)
        if side == "old":
            block.old, block.old_lead, block.old_num, block.old_text = element, lead, node.num, text
            block.old_attrs = _with_lead(node)
        if side == "new" or change == UNCHANGED:
            block.new, block.new_lead, block.num, block.new_text = element, lead, node.num, text
            block.attrs = _with_lead(node)
        if change == UNCHANGED:
            block.old, block.old_lead, block.old_num, block.old_text = element, lead, node.num, text
            block.old_attrs = block.attrs
        block.words = _words_of(op, text)
        if change != UNCHANGED and text and self.differ is not None:
            count = self.differ.count(text)
            if change == ADDED:
                block.words_inserted = count
            else:
                block.words_deleted = count
        if node.children is not None:
            block.children = [self.one_side(_Node(c), side, change, depth + 1) for c in node.children]
        return block

    def pair(self, o: _Node, n: _Node, depth: int) -> BlockChange:
        if o.xml == n.xml:  # identical: nothing to diff
            block = self.one_side(n, "new", UNCHANGED, depth)
            block.old, block.old_lead = o.element, o.lead
            _rebind_old(block, o)
            return block
        block = BlockChange(kind=n.tag, depth=depth, name=n.name)
        block.old, block.new = o.element, n.element
        block.old_lead, block.new_lead = o.lead, n.lead
        block.old_num, block.num = o.num, n.num
        block.old_attrs, block.attrs = _with_lead(o), _with_lead(n)
        kinds = []
        container = n.children is not None
        if container:
            old_text, new_text = text_of(o.lead), text_of(n.lead)
            old_holder, new_holder = o.lead, n.lead
        else:
            old_text, new_text = text_of(o.element), text_of(n.element)
            old_holder, new_holder = o.element, n.element
        block.old_text, block.new_text = old_text, new_text
        if old_text != new_text and self.whole:
            kinds.append(MODIFIED)
            block.words = [w for w in ((DELETE, old_text), (INSERT, new_text)) if w[1]]
        elif old_text != new_text:
            kinds.append(MODIFIED)
            assert self.differ is not None
            diff = self.differ(old_text, new_text)
            block.words = [(op, text) for op, text in diff.segments]
            block.words_inserted, block.words_deleted, block.bounded = (
                diff.words_inserted,
                diff.words_deleted,
                diff.bounded,
            )
        else:
            block.words = _words_of(EQUAL, new_text)
            if _markup_differs(old_holder, new_holder):
                kinds.append(FORMATTING)
        if o.num != n.num:
            kinds.append(RENUMBERED)
        if block.old_attrs != block.attrs and FORMATTING not in kinds:
            kinds.append(FORMATTING)
        if o.children is not None and n.children is not None:
            inner = _Builder(self.differ, True) if n.tag == names.ORIGIN else self
            block.children = inner.children(o.children, n.children, depth + 1)
        block.kinds = tuple(kinds) or (UNCHANGED,)
        block.change = kinds[0] if kinds else UNCHANGED
        return block

    def children(
        self, old_elements: Iterable[Element], new_elements: Iterable[Element], depth: int
    ) -> list[BlockChange]:
        olds = [_Node(e) for e in old_elements if isinstance(e.tag, str)]
        news = [_Node(e) for e in new_elements if isinstance(e.tag, str)]
        out: list[BlockChange] = []
        i = j = 0
        for pi, pj in [*_pairs(olds, news), (len(olds), len(news))]:
            out.extend(self.one_side(olds[k], "old", REMOVED, depth) for k in range(i, pi))
            out.extend(self.one_side(news[k], "new", ADDED, depth) for k in range(j, pj))
            if pi < len(olds):
                out.append(self.pair(olds[pi], news[pj], depth))
            i, j = pi + 1, pj + 1
        return out


def _rebind_old(block: BlockChange, node: _Node) -> None:
    """After pairing identical subtrees: point each block's `old` at the old side's elements."""
    if node.children is None:
        return
    for child, element in zip(block.children, node.children, strict=True):
        sub = _Node(element)
        child.old, child.old_lead = element, sub.lead
        _rebind_old(child, sub)


def _markup_differs(old: Element | None, new: Element | None) -> bool:
    """Whether two text elements with the same plain text differ in inline markup (canonically)."""
    if old is None or new is None:
        return (old is None) != (new is None)
    if _tostring(old) == _tostring(new):
        return False
    return _inline_canonical(old) != _inline_canonical(new)


def _inline_canonical(element: Element) -> str:
    line = canonical.to_string(element)
    start = line.find(">") + 1 if not line.rstrip().endswith("/>") else len(line)
    return line[start:]


def align(
    old_elements: Iterable[Element], new_elements: Iterable[Element], differ: Differ, depth: int = 0
) -> list[BlockChange]:
    """The aligned block trees of two lists of sibling elements (see the module docstring)."""
    return _Builder(differ).children(list(old_elements), list(new_elements), depth)


def same(
    new_elements: Iterable[Element], old_elements: Iterable[Element] | None = None, depth: int = 0
) -> list[BlockChange]:
    """Block trees for content that did not change: `new_elements`, and `old_elements` (the
    same XML in the old text) when given, so that every block knows both its elements."""
    builder = _Builder(None)
    news = [e for e in new_elements if isinstance(e.tag, str)]
    olds = [e for e in old_elements if isinstance(e.tag, str)] if old_elements is not None else news
    out = []
    for old, new in zip(olds, news, strict=True):
        block = builder.one_side(_Node(new), "new", UNCHANGED, depth)
        if old is not new:
            old_node = _Node(old)
            block.old, block.old_lead = old, old_node.lead
            _rebind_old(block, old_node)
        out.append(block)
    return out


def one_side(elements: Iterable[Element], change: str, differ: Differ, depth: int = 0) -> list[BlockChange]:
    """Block trees for content that exists on one side only (`change` "added" or "removed")."""
    builder = _Builder(differ)
    side = "new" if change == ADDED else "old"
    return [builder.one_side(_Node(e), side, change, depth) for e in elements if isinstance(e.tag, str)]


# --- the running text of a clause, from its blocks --------------------------------------------------


def clause_words(tree: list[BlockChange]) -> Segments:
    """The word diff of `content_text` of both clauses, joined from the blocks' own diffs.

    The pieces are what `content_text` reads, in its order: the numbers of leden and items,
    paragraphs, and table rows (cells joined by " | "); they are joined by single spaces, on
    each side only between pieces that side has. Returns the merged segments.
    """
    segments: Segments = []
    has_old = has_new = False

    def piece(old: str | None, new: str | None, words: Segments) -> None:
        nonlocal has_old, has_new
        old_here = bool(old)
        new_here = bool(new)
        if old_here and has_old and new_here and has_new:
            segments.append((EQUAL, " "))
        else:
            if old_here and has_old:
                segments.append((DELETE, " "))
            if new_here and has_new:
                segments.append((INSERT, " "))
        segments.extend(words)
        has_old = has_old or old_here
        has_new = has_new or new_here

    def num_piece(block: BlockChange) -> None:
        old = block.old_num if block.old is not None else None
        new = block.num if block.new is not None else None
        if not old and not new:
            return
        if old == new:
            piece(old, new, [(EQUAL, new or "")])
        else:
            piece(old, new, [w for w in ((DELETE, old or ""), (INSERT, new or "")) if w[1]])

    def walk(block: BlockChange) -> None:
        kind = block.kind
        if kind in (names.HEADING, names.SUBHEADING, names.ORIGIN):
            return
        if kind in _NUMBERED:
            num_piece(block)
            if block.old_lead is not None or block.new_lead is not None:
                piece(
                    block.old_text if block.old_lead is not None else None,
                    block.new_text if block.new_lead is not None else None,
                    block.words,
                )
        elif kind == names.P:
            piece(
                block.old_text if block.old is not None else None,
                block.new_text if block.new is not None else None,
                block.words,
            )
        elif kind == names.ROW:
            row_piece(block)
            return
        for child in block.children:
            walk(child)

    def row_piece(row: BlockChange) -> None:
        words: Segments = []
        old_cells = [c for c in row.children if c.old is not None]
        new_cells = [c for c in row.children if c.new is not None]
        seen_old = seen_new = 0
        for cell in row.children:
            in_old, in_new = cell.old is not None, cell.new is not None
            if in_old and seen_old and in_new and seen_new:
                words.append((EQUAL, " | "))
            else:
                if in_old and seen_old:
                    words.append((DELETE, " | "))
                if in_new and seen_new:
                    words.append((INSERT, " | "))
            words.extend(cell.words)
            seen_old += in_old
            seen_new += in_new
        old_text = normalize_space(" | ".join(c.old_text for c in old_cells)) if row.old is not None else None
        new_text = normalize_space(" | ".join(c.new_text for c in new_cells)) if row.new is not None else None
        piece(old_text, new_text, words)

    for block in tree:
        walk(block)
    return [(op, text) for op, text in merge_segments(segments, deletions_first=True)]
