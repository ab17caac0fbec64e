"""The redline of two texts: every part, every clause and every block, aligned.

`compute(old, new, old_side, new_side)` returns a `Redline` (see `ops.redline`): a `PartChange`
for the title, each metadata item, the preamble and each division, a `ClauseChange` for every
clause of both texts with its blocks (`ops.blocks`), and the reading order, from the two
outlines merged into one tree (`ops.outline`). It never returns an empty redline for two texts
whose canonical bytes differ (`InternalError` instead): no change may be invisible.

Which clause of the old text became which clause of the new one:

How clauses are paired, in this order (each step only sees what the earlier ones left):

1. **By permanent id.** A clause keeps its `id` when it is renumbered, moved or edited.
2. **By exact content** (heading + text; not id, not num): a clause whose id changed but whose
   words did not (a re-keyed clause, a BWB article that got a new label-id). Duplicates pair
   in document order.
3. **Split and merged.** An old clause whose text is largely covered by two or more of the
   remaining new clauses, each made mostly of its text, was *split* (and the reverse is
   *merged*), measured on bags of word bigrams: every part has at least
   `SPLIT_PART_CONTAINMENT` of its bigrams in the old clause and adds at least
   `SPLIT_MIN_GAIN` of the old clause's bigrams not covered yet, together they cover
   `SPLIT_COVERAGE`, and no part alone covers `SPLIT_SINGLE_MAX` (then it is an edit plus a new
   clause that repeats some words). This runs before step 4, which would otherwise pair the
   old clause with its largest part.
4. **By similarity** for the rest: a cheap candidate filter (an inverted index of word
   3-shingles, skipping shingles too common to be telling; at most `MAX_CANDIDATES` per
   clause), then a score — the Dice coefficient of the two bags of word *bigrams*,
   2·|A∩B| / (|A|+|B|) — and a greedy one-to-one assignment, best score first (ties: the pair
   at the most similar relative position). Only clauses of at least `MIN_WORDS` words take
   part, and only pairs scoring at least `SIMILARITY_THRESHOLD` are paired.

   Why bigrams and 0.6: measured on the BWB corpus, the best-matching *other* article of an
   article scores (median / 90th / 95th percentile) 0.46 / 0.64 / 0.72 with bags of single
   words, but 0.19 / 0.49 / 0.64 with bigrams — legal text shares its vocabulary, much less its
   word order — while real edits of one article between versions still score 0.94 (median) and
   0.80 (25th percentile) with bigrams. A wrong pairing shows a meaningless diff of two unrelated
   articles; a missed one shows a correct removed + added, so the threshold favours precision.

What is reported per clause (`ClauseChange.kinds`, in the order moved, modified, renumbered,
formatting, origin, rekeyed; `change` is the first kind; `matched_by` says how the pair was
found: id, content, similarity, split or merged; `position`/`old_position` index the clause lists):

- ``moved``: the clause is not at the same place in the merged outline: its division is not the
  same division (by id) at the same place, or it is out of order among its siblings. Out of
  order is the fewest moves: on each level the longest increasing run of old positions stays
  put, every other pair moved (O(n log n)). A clause in a division that moved as a whole did
  not move itself (the division's part says "moved").
- ``modified``: heading, subheading or text differs (a lid's number included), or a block was
  added or removed, or the clause's kind. ``renumbered``: `num` differs. ``formatting``: only
  inline markup or attributes differ. ``origin``: the origin metadata differs (not a change of
  the text). ``rekeyed``: the permanent id differs (a pair by content or similarity).
- ``added``, ``removed``; ``split`` (one entry per new part, each with `old_id` the old clause
  and `related` all parts, `old_text` the piece of the old text that went to this part; the
  old heading is compared with the first part's heading, later parts have `old_heading` "");
  ``merged`` (one entry for the new clause, `old_id` the first old clause, `related` all old
  clauses, `old_text` their texts joined by one space); ``unchanged``.

Order of `Redline.clauses` and `Redline.order`: the pre-order of the merged outline; a
removed clause stands where it stood, among the clauses of the new text that stayed put.

Word diffs are computed per block, only where the strings differ; equal text is one ``=``
segment. A clause's `words` (its whole running text) are its blocks' diffs joined. Every
entry satisfies: the ``=``/``-`` segments rebuild `old_text`, the ``=``/``+`` segments
rebuild `new_text` (texts are in Unicode NFC).

Cost: linear in the number of clauses for the pairing by id and content; the similarity
step is linear in the words of the unpaired clauses (bounded candidate lists).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from heapq import nsmallest
from itertools import chain, pairwise
from typing import Any

from lxml import etree

from ..errors import AkkoordError
from ..messages import Message
from ..model import canonical, names, validate
from ..model.document import Clause, Document, content_text
from ..model.strings import one_line
from .blocks import align, clause_words, one_side, same
from .outline import BOTH, MOVED_FROM, MOVED_TO, NEW, OLD, Node, merge, walk
from .redline import (
    ADDED,
    DIVISION,
    FORMATTING,
    MERGED,
    META,
    MODIFIED,
    MOVED,
    ORIGIN,
    PART,
    PREAMBLE,
    REKEYED,
    REMOVED,
    RENUMBERED,
    SPLIT,
    TITLE,
    UNCHANGED,
    WAS,
    BlockChange,
    ClauseChange,
    Entry,
    InternalError,
    PartChange,
    Redline,
    Segments,
    Side,
)
from .redline import CLAUSE as CLAUSE_ENTRY
from .worddiff import WordDiff

Element = etree._Element
Bag = Counter[Any]  # a multiset of word bigrams (or shingles)

__all__ = [
    "MIN_WORDS",
    "SIMILARITY_THRESHOLD",
    "compute",
    "similarity",
]

#: Clauses shorter than this (words of heading + text) are never paired by similarity, split
#: or merged: short clauses ("Vervallen.", "Deze wet treedt in werking op ...") look alike
#: without being the same clause.
MIN_WORDS = 8
#: Least Dice score (bags of word bigrams) for pairing two clauses by similarity (see the module docstring).
SIMILARITY_THRESHOLD = 0.6
#: A split part must consist for at least this share of bigrams of the old clause.
SPLIT_PART_CONTAINMENT = 0.7
#: Together the parts must cover at least this share of the old clause's bigrams...
SPLIT_COVERAGE = 0.7
#: ...each part adding at least this share (so every part carries real text of the old clause)...
SPLIT_MIN_GAIN = 0.15
#: ...and no single part may cover this much on its own (that is an edit, not a split).
SPLIT_SINGLE_MAX = 0.85
#: Word 3-shingles held by more unpaired clauses than this are boilerplate: not used as evidence.
MAX_POSTINGS = 24
#: Candidates scored per clause (those sharing the most shingles).
MAX_CANDIDATES = 6

_WORD = re.compile(r"\w+")
_SEP = " "  # joins the texts of split parts / merged clauses

_KIND_WORDS_NL = dict(
    zip(
        names.DIVISION_KINDS,
        ("Deel", "Hoofdstuk", "Titel", "Afdeling", "Paragraaf", "Subparagraaf", "Bijlage", "Verdrag"),
        strict=True,
    )
)


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


class _Item:
    """One clause as the aligner sees it (strings read once from the tree, the text only when needed)."""

    __slots__ = ("index", "clause", "id", "num", "heading", "_text", "division", "division_el", "_words", "_bag")

    def __init__(self, index: int, clause: Clause) -> None:
        element = clause.element
        self.index = index
        self.clause = clause
        self.id = clause.id
        self.num = clause.num
        self.heading = _nfc(clause.heading)
        self._text: str | None = None
        parent = element.getparent()
        self.division_el: Element | None
        if parent is not None and parent.tag == names.DIVISION:
            self.division_el = parent
            self.division = parent.get(names.ID)
        else:
            self.division_el = None
            self.division = None
        self._words: list[str] | None = None
        self._bag: Bag | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = _nfc(self.clause.text)
        return self._text

    @property
    def words(self) -> list[str]:
        """The words of heading and text, lower case."""
        if self._words is None:
            self._words = _WORD.findall(f"{self.heading} {self.text}".lower())
        return self._words

    @property
    def bag(self) -> Bag:
        """The bag (multiset) of word bigrams: the unit of every similarity measure here."""
        if self._bag is None:
            words = self.words
            self._bag = Counter(pairwise(words))
        return self._bag


def _intersection(a: Bag, b: Bag) -> int:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    total = 0
    for word, count in a.items():
        other = get(word)
        if other:
            total += count if count < other else other
    return total


def similarity(a: Bag, b: Bag) -> float:
    """Dice coefficient of two bags (of word bigrams): 2·|A∩B| / (|A|+|B|), in [0, 1]."""
    size = sum(a.values()) + sum(b.values())
    return 2 * _intersection(a, b) / size if size else 1.0


# --- pairing ------------------------------------------------------------------------------------


class _Alignment:
    def __init__(self, olds: list[_Item], news: list[_Item]) -> None:
        self.olds = olds
        self.news = news
        self.old_to_new: list[int | None] = [None] * len(olds)
        self.new_to_old: list[int | None] = [None] * len(news)
        self.how: dict[int, str] = {}  # new index -> "id" | "content" | "similarity"
        self.score: dict[int, float] = {}  # new index -> similarity score
        self.identical: set[int] = set()  # new indices paired by id with the same XML
        self.splits: list[tuple[int, list[int]]] = []  # (old index, new indices in new order)
        self.merges: list[tuple[list[int], int]] = []  # (old indices in old order, new index)
        self.in_group_old: set[int] = set()
        self.in_group_new: set[int] = set()

    def pair(self, o: int, n: int, how: str, score: float | None = None) -> None:
        self.old_to_new[o] = n
        self.new_to_old[n] = o
        self.how[n] = how
        if score is not None:
            self.score[n] = score

    def free_old(self) -> list[int]:
        return [o for o, n in enumerate(self.old_to_new) if n is None and o not in self.in_group_old]

    def free_new(self) -> list[int]:
        return [n for n, o in enumerate(self.new_to_old) if o is None and n not in self.in_group_new]


def _by_id(al: _Alignment) -> None:
    where: dict[str, int] = {}
    for item in al.news:
        if item.id and item.id not in where:
            where[item.id] = item.index
    for item in al.olds:
        n = where.get(item.id) if item.id else None
        if n is not None and al.new_to_old[n] is None:
            al.pair(item.index, n, "id")
            new = al.news[n]
            # Identical XML has identical text: read it once (the XML comparison runs in C and
            # costs a tenth of extracting the text).
            if _xml(item) == _xml(new):
                item._text = new.text
                al.identical.add(n)


def _xml(item: _Item) -> bytes:
    return etree.tostring(item.clause.element, with_tail=False)


def _by_content(al: _Alignment) -> None:
    free_new = al.free_new()
    if not free_new:
        return
    waiting: dict[tuple[str, str], deque[int]] = defaultdict(deque)
    for n in free_new:
        item = al.news[n]
        waiting[(item.heading, item.text)].append(n)
    for o in al.free_old():
        item = al.olds[o]
        queue = waiting.get((item.heading, item.text))
        if queue:
            al.pair(o, queue.popleft(), "content")


def _eligible(items: list[_Item], indices: Iterable[int]) -> list[int]:
    return [i for i in indices if len(items[i].words) >= MIN_WORDS]


def _shingles(item: _Item) -> set[int]:
    words = item.words
    return {hash((words[i], words[i + 1], words[i + 2])) for i in range(len(words) - 2)}


def _by_rank(item: tuple[int, int]) -> tuple[int, int]:
    return (-item[1], item[0])


class _Similar:
    """Candidate pairs among the unpaired clauses, and their overlap, computed once.

    `per_new[n]`: up to MAX_CANDIDATES old clauses sharing the most telling word 3-shingles
    with new clause n (best first, ties by position: deterministic). `per_old` is the reverse.
    """

    def __init__(self, al: _Alignment, free_old: list[int], free_new: list[int]) -> None:
        self.al = al
        self._inter: dict[tuple[int, int], int] = {}
        index: dict[int, list[int]] = defaultdict(list)
        for o in free_old:
            for shingle in _shingles(al.olds[o]):
                index[shingle].append(o)
        get = index.get
        self.per_new: dict[int, list[int]] = {}
        self.per_old: dict[int, list[int]] = defaultdict(list)
        for n in free_new:
            postings = [p for p in map(get, _shingles(al.news[n])) if p and len(p) <= MAX_POSTINGS]
            if not postings:
                continue
            shared = Counter(chain.from_iterable(postings))
            best = [o for o, _ in nsmallest(MAX_CANDIDATES, shared.items(), key=_by_rank)]
            self.per_new[n] = best
            for o in best:
                self.per_old[o].append(n)

    def inter(self, o: int, n: int) -> int:
        """|bigrams(old o) ∩ bigrams(new n)| (multisets), cached."""
        key = (o, n)
        value = self._inter.get(key)
        if value is None:
            value = self._inter[key] = _intersection(self.al.olds[o].bag, self.al.news[n].bag)
        return value


def _groups(
    wholes: dict[int, list[int]],
    whole_size: Callable[[int], int],
    part_size: Callable[[int], int],
    inter: Callable[[int, int], int],
    whole_bag: Callable[[int], Bag],
    part_bag: Callable[[int], Bag],
) -> list[tuple[int, list[int]]]:
    """Wholes (old clause of a split, new clause of a merge) covered by 2+ parts.

    `wholes`: whole -> candidate parts. Returns [(whole, [parts in order])], each part used once.
    """
    used: set[int] = set()
    groups = []
    for w in sorted(wholes):
        candidates = [p for p in wholes[w] if p not in used]
        if len(candidates) < 2:
            continue
        size = whole_size(w)
        if not size:
            continue
        contained = []
        for p in candidates:
            shared = inter(w, p)
            if shared >= SPLIT_PART_CONTAINMENT * part_size(p) and shared >= SPLIT_MIN_GAIN * size:
                contained.append((shared, p))
        if len(contained) < 2:
            continue
        contained.sort(key=lambda x: (-x[0], x[1]))
        if contained[0][0] >= SPLIT_SINGLE_MAX * size:
            continue  # one part alone is the whole: an edit plus an unrelated new clause
        remaining = Counter(whole_bag(w))
        chosen = []
        covered = 0
        for _, p in contained:
            gain = _intersection(remaining, part_bag(p))
            if gain >= SPLIT_MIN_GAIN * size:
                chosen.append(p)
                covered += gain
                remaining.subtract(part_bag(p))
                remaining = +remaining
        if len(chosen) >= 2 and covered >= SPLIT_COVERAGE * size:
            chosen.sort()
            used.update(chosen)
            groups.append((w, chosen))
    return groups


def _size(bag: Bag) -> int:
    return len(bag) and sum(bag.values())


def _split_and_merge(al: _Alignment, similar: _Similar) -> None:
    olds, news = al.olds, al.news
    splits = _groups(
        {o: ns for o, ns in similar.per_old.items() if len(ns) >= 2},
        lambda o: _size(olds[o].bag),
        lambda n: _size(news[n].bag),
        similar.inter,
        lambda o: olds[o].bag,
        lambda n: news[n].bag,
    )
    for o, parts in splits:
        al.splits.append((o, parts))
        al.in_group_old.add(o)
        al.in_group_new.update(parts)
    merges = _groups(
        {
            n: [o for o in os_ if o not in al.in_group_old]
            for n, os_ in similar.per_new.items()
            if n not in al.in_group_new and len(os_) >= 2
        },
        lambda n: _size(news[n].bag),
        lambda o: _size(olds[o].bag),
        lambda n, o: similar.inter(o, n),
        lambda n: news[n].bag,
        lambda o: olds[o].bag,
    )
    for n, parts in merges:
        al.merges.append((parts, n))
        al.in_group_new.add(n)
        al.in_group_old.update(parts)


def _by_similarity(al: _Alignment, similar: _Similar) -> None:
    edges = []
    n_old, n_new = max(len(al.olds), 1), max(len(al.news), 1)
    threshold = SIMILARITY_THRESHOLD
    for n, olds in similar.per_new.items():
        if n in al.in_group_new:
            continue
        new_size = _size(al.news[n].bag)
        for o in olds:
            if o in al.in_group_old:
                continue
            total = new_size + _size(al.olds[o].bag)
            if not total or 2 * min(new_size, total - new_size) < threshold * total:
                continue  # sizes too different to reach the threshold
            score = 2 * similar.inter(o, n) / total
            if score >= threshold:
                # ties: prefer the pair at the most similar relative position
                edges.append((-score, abs(o / n_old - n / n_new), o, n))
    edges.sort()
    for negative, _, o, n in edges:
        if al.old_to_new[o] is None and al.new_to_old[n] is None:
            al.pair(o, n, "similarity", round(-negative, 4))


def _by_likeness(al: _Alignment) -> None:
    """Steps 3 and 4: split/merged, then similarity, over the clauses long enough to compare."""
    free_old = _eligible(al.olds, al.free_old())
    free_new = _eligible(al.news, al.free_new())
    if not free_old or not free_new:
        return
    similar = _Similar(al, free_old, free_new)
    if not similar.per_new:
        return
    _split_and_merge(al, similar)
    _by_similarity(al, similar)


# --- the redline --------------------------------------------------------------------------------


class _Labels:
    def __init__(self, lang: str) -> None:
        self.dutch = (lang or "nl").lower().startswith("nl")
        self.cache: dict[Element, str] = {}

    def __call__(self, element: Element | None) -> str:
        if element is None:
            return ""
        label = self.cache.get(element)
        if label is None:
            kind = element.get(names.KIND, "")
            word = _KIND_WORDS_NL.get(kind, kind.capitalize()) if self.dutch else kind.capitalize()
            num = element.get(names.NUM, "")
            heading = element.find(names.HEADING)
            heading_text = one_line("".join(heading.itertext())) if heading is not None else ""
            parts = [p for p in (word, num, heading_text) if p]
            label = " ".join(parts)
            self.cache[element] = label
        return label


class _Differ:
    """`diff_words` with the bound given to `compute`, and a word counter for one-sided text."""

    def __init__(self, max_tokens: object) -> None:
        from .worddiff import diff_words

        self.diff_words = diff_words
        self.bound: dict[str, Any] = {} if max_tokens is _DEFAULT else {"max_tokens": max_tokens}

    def __call__(self, old: str, new: str) -> WordDiff:
        return self.diff_words(old, new, **self.bound)

    @staticmethod
    def count(text: str) -> int:
        from .tokens import is_word, tokenize

        return sum(map(is_word, tokenize(text, normalize=False)))


_DEFAULT = object()


def _same(text: str, op: str = "=") -> list[tuple[str, str]]:
    return [(op, text)] if text else []


def _cut(segments: Segments, cuts: list[int]) -> list[Segments]:
    """Cut a diff whose new side is parts joined by the one-character `_SEP` into one segment list per part.

    `cuts` are the offsets (in the new side) of the separators. A separator is dropped (from
    both sides when it was common: it belongs to no clause). Deletions at a boundary go to the
    earlier part.
    """
    pieces: list[list[tuple[str, str]]] = [[] for _ in range(len(cuts) + 1)]
    part = 0
    pos = 0  # offset in the new side

    def add(op: str, text: str) -> None:
        if text:
            out = pieces[part]
            if out and out[-1][0] == op:
                out[-1] = (op, out[-1][1] + text)
            else:
                out.append((op, text))

    for op, text in segments:
        if op == "-":
            add(op, text)
            continue
        while part < len(cuts) and pos + len(text) > cuts[part]:
            head = cuts[part] - pos
            add(op, text[:head])
            text = text[head + 1 :]
            pos += head + 1
            part += 1
        add(op, text)
        pos += len(text)
    return pieces


def _count_words(segments: Segments, op: str) -> int:
    from .tokens import is_word, tokenize

    return sum(is_word(t) for o, text in segments if o == op for t in tokenize(text, normalize=False))


def _rebuild(pieces: list[tuple[str, str]], side: str) -> str:
    drop = "+" if side == "old" else "-"
    return "".join(text for op, text in pieces if op != drop)


# --- blocks of a clause -------------------------------------------------------------------------

_OWN = frozenset({names.HEADING, names.SUBHEADING})
_CLAUSE_IDENTITY = frozenset({names.ID, names.NUM, names.KIND})


def _content_blocks(tree: list[BlockChange]) -> list[BlockChange]:
    """The blocks of a clause tree other than heading, subheading and origin (with their children)."""
    return [b for b in tree if b.kind not in _OWN and b.kind != names.ORIGIN]


def _block_kinds(tree: list[BlockChange]) -> set[str]:
    """The kinds of change found in a clause's blocks: modified, formatting, origin."""
    found: set[str] = set()
    for top in tree:
        origin = top.kind == names.ORIGIN
        for block in top.walk():
            if not block.changed:
                continue
            if origin:
                found.add(ORIGIN)
            elif block.change in (ADDED, REMOVED) or MODIFIED in block.kinds or RENUMBERED in block.kinds:
                found.add(MODIFIED)
            elif FORMATTING in block.kinds:
                found.add(FORMATTING)
    return found


def _clause_attrs(element: Element) -> dict[str, str]:
    return {k: v for k, v in element.items() if k not in _CLAUSE_IDENTITY}


def _tree_counts(tree: list[BlockChange]) -> tuple[int, int, bool]:
    """Words inserted and deleted in a clause's blocks (origin metadata left out), numbers included."""
    inserted = deleted = 0
    bounded = False
    for top in tree:
        if top.kind == names.ORIGIN:
            continue
        for block in top.walk():
            inserted += block.words_inserted
            deleted += block.words_deleted
            bounded = bounded or block.bounded
            if block.num != block.old_num:
                if block.new is not None and block.num:
                    inserted += _Differ.count(block.num)
                if block.old is not None and block.old_num:
                    deleted += _Differ.count(block.old_num)
    return inserted, deleted, bounded


def _heading_words(
    tree: list[BlockChange], old_heading: str, new_heading: str, differ: _Differ
) -> tuple[Segments, int, int, bool]:
    for block in tree:
        if block.kind == names.HEADING:
            if block.old is None or block.new is None or block.words:
                return list(block.words), 0, 0, False
    if old_heading == new_heading:
        return _same(new_heading), 0, 0, False
    diff = differ(old_heading, new_heading)
    return [tuple(s) for s in diff.segments], diff.words_inserted, diff.words_deleted, diff.bounded


class _Builder:
    """Builds the `ClauseChange`s and `PartChange`s of one redline."""

    def __init__(self, old: Document, new: Document, differ: _Differ) -> None:
        self.old, self.new, self.differ = old, new, differ
        self.old_label = _Labels(old.lang)
        self.new_label = _Labels(new.lang)

    # clauses -------------------------------------------------------------------------------------
    def base(self, change: str, kinds: tuple[str, ...], o: _Item | None, n: _Item | None) -> ClauseChange:
        entry = ClauseChange(change=change, kinds=kinds, id=n.id if n else None, old_id=o.id if o else None)
        if n is not None:
            entry.num, entry.heading = n.num, n.heading
            entry.division, entry.division_label = n.division, self.new_label(n.division_el)
            entry.position = n.index
            entry.new = n.clause.element
            entry.clause_kind = n.clause.element.get(names.KIND) or names.ARTICLE
        if o is not None:
            entry.old_num, entry.old_heading = o.num, o.heading
            entry.old_division, entry.old_division_label = o.division, self.old_label(o.division_el)
            entry.old_position = o.index
            entry.old = o.clause.element
            entry.old_clause_kind = o.clause.element.get(names.KIND) or names.ARTICLE
        if n is None:
            entry.clause_kind = entry.old_clause_kind
        if o is None:
            entry.old_clause_kind = entry.clause_kind
        return entry

    def one_sided(self, entry: ClauseChange, item: _Item, change: str) -> ClauseChange:
        text, heading = item.text, item.heading
        op = "+" if change == ADDED else "-"
        entry.old_text, entry.new_text = ("", text) if change == ADDED else (text, "")
        entry.words = _same(text, op)
        entry.heading_words = _same(heading, op)
        entry.block_tree = one_side(list(item.clause.element), change, self.differ)
        inserted, deleted, bounded = _tree_counts(entry.block_tree)
        entry.words_inserted, entry.words_deleted, entry.bounded = inserted, deleted, bounded
        return entry

    def pair(self, entry: ClauseChange, o: _Item, n: _Item, kinds: list[str], identical: bool) -> ClauseChange:
        old_el, new_el = o.clause.element, n.clause.element
        if identical or (entry.matched_by != "id" and _xml(o) == _xml(n)):
            entry.old_text = entry.new_text = n.text
            entry.words = _same(n.text)
            entry.heading_words = _same(n.heading)
            entry._build = _unchanged_tree
            return self.finish(entry, kinds, checked=True)
        tree = align(list(old_el), list(new_el), self.differ)
        entry.block_tree = tree
        entry.old_text, entry.new_text = o.text, n.text
        words = clause_words(_content_blocks(tree))
        if _rebuild(words, "old") != o.text or _rebuild(words, "new") != n.text:
            diff = self.differ(o.text, n.text)  # the blocks could not be joined into the running text
            words = [tuple(s) for s in diff.segments]
        entry.words = words
        heading_words, h_ins, h_del, h_bounded = _heading_words(tree, o.heading, n.heading, self.differ)
        entry.heading_words = heading_words
        inserted, deleted, bounded = _tree_counts(tree)
        entry.words_inserted, entry.words_deleted = inserted + h_ins, deleted + h_del
        entry.bounded = bounded or h_bounded
        found = _block_kinds(tree)
        if MODIFIED in found and MODIFIED not in kinds:
            kinds.append(MODIFIED)
        if entry.clause_kind != entry.old_clause_kind and MODIFIED not in kinds:
            kinds.append(MODIFIED)
        attributes_differ = _clause_attrs(old_el) != _clause_attrs(new_el) or old_el.get(names.KIND) != new_el.get(
            names.KIND
        )  # kind="article" written out or left implicit: the same kind, other bytes
        if (FORMATTING in found or attributes_differ) and MODIFIED not in kinds:
            kinds.append(FORMATTING)
        if ORIGIN in found:
            kinds.append(ORIGIN)
        return self.finish(entry, kinds)

    @staticmethod
    def finish(entry: ClauseChange, kinds: list[str], checked: bool = False) -> ClauseChange:
        if entry.id and entry.old_id and entry.id != entry.old_id and entry.change not in (SPLIT, MERGED):
            kinds.append(REKEYED)
        entry.kinds = tuple(kinds) or (UNCHANGED,)
        entry.change = entry.kinds[0]
        if entry.change == UNCHANGED and not checked and entry.old is not None and entry.new is not None:
            _check_unchanged(entry.old, entry.new, f"clause {entry.id!r}")
        return entry

    def splits(self, al: _Alignment) -> list[ClauseChange]:
        """One entry per part of every split clause: the piece of the old text that went to it."""
        olds, news, differ = al.olds, al.news, self.differ
        out = []
        for o, members in al.splits:
            texts = [news[n].text for n in members]
            cuts, offset = [], 0
            for text in texts[:-1]:
                offset += len(text)
                cuts.append(offset)
                offset += len(_SEP)
            joined = _SEP.join(texts)
            bounded = False
            if olds[o].text == joined:
                segments = _same(joined)
            else:
                diff = differ(olds[o].text, joined)
                segments = [(op, text) for op, text in diff.segments]
                bounded = diff.bounded
            blocks = _split_blocks(olds[o], [news[n] for n in members], differ)
            for k, (n, pieces) in enumerate(zip(members, _cut(segments, cuts), strict=True)):
                n_item = news[n]
                entry = self.base(SPLIT, (SPLIT,), olds[o], n_item)
                entry.related = tuple(news[p].id for p in members)
                entry.related_nums = tuple(news[p].num for p in members)
                entry.matched_by = SPLIT
                if k:  # the old heading stays with the first part; later parts start without one
                    entry.old_heading = ""
                if entry.old_heading == n_item.heading:
                    entry.heading_words = _same(n_item.heading)
                else:
                    heading = differ(entry.old_heading or "", n_item.heading)
                    entry.heading_words = [(op, text) for op, text in heading.segments]
                    entry.words_inserted += heading.words_inserted
                    entry.words_deleted += heading.words_deleted
                entry.words = pieces
                entry.old_text = _rebuild(pieces, "old")
                entry.new_text = n_item.text
                entry.words_deleted += _count_words(pieces, "-")
                entry.words_inserted += _count_words(pieces, "+")
                entry.bounded = bounded
                entry.block_tree = blocks.get(n, [])
                out.append(entry)
        return out

    def merges(self, al: _Alignment) -> list[ClauseChange]:
        """One entry per merged clause: the old texts joined, against the new one."""
        olds, news, differ = al.olds, al.news, self.differ
        out = []
        for olds_in, n in al.merges:
            n_item = news[n]
            first = olds[olds_in[0]]
            entry = self.base(MERGED, (MERGED,), first, n_item)
            entry.related = tuple(olds[o].id for o in olds_in)
            entry.related_nums = tuple(olds[o].num for o in olds_in)
            entry.matched_by = MERGED
            old_text = _SEP.join(olds[o].text for o in olds_in)
            entry.old_text, entry.new_text = old_text, n_item.text
            inserted = deleted = 0
            bounded = False
            if old_text == n_item.text:
                entry.words = _same(old_text)
            else:
                diff = differ(old_text, n_item.text)
                entry.words = [(op, text) for op, text in diff.segments]
                inserted, deleted, bounded = diff.words_inserted, diff.words_deleted, diff.bounded
            if first.heading == n_item.heading:
                entry.heading_words = _same(n_item.heading)
            else:
                heading = differ(first.heading, n_item.heading)
                entry.heading_words = [(op, text) for op, text in heading.segments]
                inserted += heading.words_inserted
                deleted += heading.words_deleted
                bounded = bounded or heading.bounded
            entry.words_inserted, entry.words_deleted, entry.bounded = inserted, deleted, bounded
            old_children = [c for o in olds_in for c in olds[o].clause.element]
            entry.block_tree = align(old_children, list(n_item.clause.element), differ)
            out.append(entry)
        return out

    # parts ---------------------------------------------------------------------------------------
    def part_from_blocks(
        self, kind: str, ident: str | None, tree: list[BlockChange], old_el: Element | None, new_el: Element | None
    ) -> PartChange:
        part = PartChange(kind=kind, id=ident, blocks=tree, old=old_el, new=new_el)
        part.exists_old, part.exists_new = old_el is not None, new_el is not None
        if len(tree) == 1 and not tree[0].container:
            block = tree[0]
            part.old_text, part.new_text, part.words = block.old_text, block.new_text, list(block.words)
        else:
            part.old_text = content_text(old_el) if old_el is not None else ""
            part.new_text = content_text(new_el) if new_el is not None else ""
            words = clause_words(tree)
            if _rebuild(words, "old") != part.old_text or _rebuild(words, "new") != part.new_text:
                words = [tuple(s) for s in self.differ(part.old_text, part.new_text).segments]
            part.words = words
        part.words_inserted, part.words_deleted, part.bounded = _tree_counts(tree)
        if old_el is None:
            kinds = [ADDED]
        elif new_el is None:
            kinds = [REMOVED]
        else:
            found = _block_kinds(tree)
            kinds = [k for k in (MODIFIED, FORMATTING) if k in found][:1]
        part.kinds = tuple(kinds) or (UNCHANGED,)
        part.change = part.kinds[0]
        return part

    def meta_parts(self) -> list[PartChange]:
        """The title and every other metadata item, then the document's own attributes."""
        old_root, new_root = self.old.root, self.new.root
        old_meta, new_meta = old_root.find(names.META), new_root.find(names.META)
        tree = align(
            list(old_meta) if old_meta is not None else [], list(new_meta) if new_meta is not None else [], self.differ
        )
        parts = []
        for block in tree:
            element = block.new if block.new is not None else block.old
            assert element is not None
            tag = str(element.tag)
            if tag == names.TITLE:
                kind, ident = TITLE, TITLE
            elif block.name is not None:
                kind, ident = META, f"{tag}:{block.name}"
            else:
                kind, ident = META, tag
            part = self.part_from_blocks(kind, ident, [block], block.old, block.new)
            if block.change in (ADDED, REMOVED):
                part.kinds, part.change = (block.change,), block.change
            parts.append(part)
        # attributes of the document and of its top elements: id, lang, anything else
        holders: list[tuple[str | None, Element | None, Element | None]] = [(None, old_root, new_root)]
        for top in (names.META, names.PREAMBLE, names.BODY):
            holders.append((top, old_root.find(top), new_root.find(top)))
        for holder, old_el, new_el in holders:
            old_attrs = dict(old_el.items()) if old_el is not None else {}
            new_attrs = dict(new_el.items()) if new_el is not None else {}
            keys = [k for k in (names.ID, names.LANG) if holder is None and (k in old_attrs or k in new_attrs)]
            keys += sorted(k for k in {*old_attrs, *new_attrs} if k not in keys)
            for key in keys:
                ident = f"@{key}" if holder is None else f"@{holder}.{key}"
                part = PartChange(kind=META, id=ident)
                part.old_text, part.new_text = old_attrs.get(key, ""), new_attrs.get(key, "")
                part.exists_old, part.exists_new = key in old_attrs, key in new_attrs
                if part.old_text == part.new_text and part.exists_old == part.exists_new:
                    part.words = _same(part.new_text)
                else:
                    part.words = [tuple(s) for s in self.differ(part.old_text, part.new_text).segments]
                    change = ADDED if not part.exists_old else REMOVED if not part.exists_new else MODIFIED
                    part.kinds, part.change = (change,), change
                parts.append(part)
        return parts

    def preamble_part(self) -> PartChange | None:
        old_el, new_el = self.old.root.find(names.PREAMBLE), self.new.root.find(names.PREAMBLE)
        if old_el is None and new_el is None:
            return None
        tree = align(
            list(old_el) if old_el is not None else [], list(new_el) if new_el is not None else [], self.differ
        )
        part = self.part_from_blocks(PREAMBLE, PREAMBLE, tree, old_el, new_el)
        if part.change == UNCHANGED and old_el is not None and new_el is not None and old_el.attrib == new_el.attrib:
            _check_unchanged(old_el, new_el, "the preamble")  # (its own attributes are metadata parts)
        return part

    def division_part(self, node: Node) -> PartChange:
        old_el = node.old if node.role != NEW else None
        new_el = node.new if node.role not in (OLD, MOVED_FROM) else None
        own_old = [c for c in old_el if c.tag not in _STRUCTURE] if old_el is not None else []
        own_new = [c for c in new_el if c.tag not in _STRUCTURE] if new_el is not None else []
        if own_old and [_tostring(c) for c in own_old] == [_tostring(c) for c in own_new]:
            tree = same(own_new, own_old)
        else:
            tree = align(own_old, own_new, self.differ)
        part = self.part_from_blocks(DIVISION, node.element.get(names.ID), tree, old_el, new_el)
        heading = next((b for b in tree if b.kind == names.HEADING), None)
        if heading is not None:
            part.old_text, part.new_text, part.words = heading.old_text, heading.new_text, list(heading.words)
        else:
            part.old_text = part.new_text = ""
            part.words = []
        if old_el is not None:
            part.old_num, part.old_division_kind = old_el.get(names.NUM), old_el.get(names.KIND)
        if new_el is not None:
            part.num, part.division_kind = new_el.get(names.NUM), new_el.get(names.KIND)
        if old_el is None:
            part.old_num, part.old_division_kind = part.num, part.division_kind
        if new_el is None:
            part.num, part.division_kind = part.old_num, part.old_division_kind
        if old_el is not None and new_el is not None:
            kinds = [] if node.role == BOTH else [MOVED]
            kinds += [k for k in part.kinds if k != UNCHANGED]
            if part.division_kind != part.old_division_kind and MODIFIED not in kinds:
                kinds.append(MODIFIED)
            if part.num != part.old_num:
                kinds.append(RENUMBERED)
            other_old = {k: v for k, v in old_el.items() if k not in _CLAUSE_IDENTITY}
            other_new = {k: v for k, v in new_el.items() if k not in _CLAUSE_IDENTITY}
            if other_old != other_new and FORMATTING not in kinds and MODIFIED not in kinds:
                kinds.append(FORMATTING)
            part.kinds = tuple(kinds) or (UNCHANGED,)
            part.change = part.kinds[0]
        return part


_STRUCTURE = frozenset({names.DIVISION, names.CLAUSE})


def _tostring(element: Element) -> bytes:
    return etree.tostring(element, with_tail=False)


def _unchanged_tree(entry: ClauseChange) -> list[BlockChange]:
    assert entry.new is not None and entry.old is not None
    return same(list(entry.new), list(entry.old))


def _check_unchanged(old_el: Element, new_el: Element, what: str) -> None:
    """An "unchanged" verdict on two elements whose XML differs must mean canonically equal XML."""
    if etree.tostring(old_el, with_tail=False) == etree.tostring(new_el, with_tail=False):
        return
    if canonical.to_string(old_el) != canonical.to_string(new_el):
        raise InternalError(Message("ops.redline_hid_change", what=what))


def compute(
    old: Document,
    new: Document,
    old_side: Side,
    new_side: Side,
    *,
    max_tokens: object = _DEFAULT,
) -> Redline:
    """The redline from `old` to `new`: every part and every clause of both, aligned (see the module docstring).

    `max_tokens` is passed to `diff_words` (its default bound when omitted). Raises
    `InternalError` rather than return an empty redline for two texts whose canonical bytes differ.
    """
    olds = [_Item(i, c) for i, c in enumerate(old.clauses)]
    news = [_Item(i, c) for i, c in enumerate(new.clauses)]
    al = _Alignment(olds, news)
    _by_id(al)
    _by_content(al)
    _by_likeness(al)

    differ = _Differ(max_tokens)
    build = _Builder(old, new, differ)
    partners = {olds[o].clause.element: news[n].clause.element for n, o in enumerate(al.new_to_old) if o is not None}
    tree = merge(old.body, new.body, partners)
    moved_new: set[Element] = set()
    for node, _ in walk(tree):
        if node.role == MOVED_TO and node.tag == names.CLAUSE and node.new is not None:
            moved_new.add(node.new)

    changes: dict[Element, ClauseChange] = {}  # clause element (new, or old when removed) -> ClauseChange
    for entry in [*build.splits(al), *build.merges(al)]:
        assert entry.new is not None
        changes[entry.new] = entry
    for n_item in news:
        n = n_item.index
        if n_item.clause.element in changes:
            continue
        paired = al.new_to_old[n]
        if paired is None:
            entry = build.one_sided(build.base(ADDED, (ADDED,), None, n_item), n_item, ADDED)
            changes[n_item.clause.element] = entry
            continue
        o_item = olds[paired]
        kinds = []
        if n_item.clause.element in moved_new:
            kinds.append(MOVED)
        if o_item.text != n_item.text or o_item.heading != n_item.heading:
            kinds.append(MODIFIED)
        if o_item.num != n_item.num:
            kinds.append(RENUMBERED)
        entry = build.base(UNCHANGED, (), o_item, n_item)
        entry.matched_by = al.how[n]
        entry.similarity = al.score.get(n)
        changes[n_item.clause.element] = build.pair(entry, o_item, n_item, kinds, n in al.identical)

    for o_item in olds:
        if al.old_to_new[o_item.index] is None and o_item.index not in al.in_group_old:
            entry = build.one_sided(build.base(REMOVED, (REMOVED,), o_item, None), o_item, REMOVED)
            changes[o_item.clause.element] = entry

    # parts and the reading order, from the merged tree
    parts: list[PartChange] = build.meta_parts()
    order: list[Entry] = [Entry(PART, part=p) for p in parts]
    preamble = build.preamble_part()
    if preamble is not None:
        parts.append(preamble)
        order.append(Entry(PART, part=preamble))
    moved_parts: dict[Element, PartChange] = {}  # old element of a moved division -> its part
    for node, depth in _shown(tree):  # the divisions' parts first: a moved one is needed at its old place
        if node.tag == names.DIVISION and node.role != MOVED_FROM:
            node.change = build.division_part(node)
            node.change.depth = depth
            if node.role == MOVED_TO and node.old is not None:
                moved_parts[node.old] = node.change
    clauses: list[ClauseChange] = []
    for node, depth in _shown(tree):
        if node.tag == names.DIVISION:
            if node.role == MOVED_FROM:
                assert node.old is not None
                order.append(Entry(WAS, part=moved_parts[node.old], depth=depth))
            else:
                parts.append(node.change)
                order.append(Entry(PART, part=node.change, depth=depth))
            continue
        if node.role == MOVED_FROM:
            node.change = changes.get(partners[node.old]) if node.old is not None else None
            if node.change is not None:
                order.append(Entry(WAS, clause=node.change, depth=depth))
            continue
        node.change = changes.get(node.element)
        if node.change is None:  # the old clause of a split or merge: shown in the new clauses
            continue
        node.change.depth = depth
        clauses.append(node.change)
        order.append(Entry(CLAUSE_ENTRY, clause=node.change, depth=depth))
    redline = Redline(old_side, new_side, clauses, parts, order, outline=tree)
    if redline.empty:
        _check_equal(old, new)
    return redline


def _shown(nodes: list[Node], depth: int = 0) -> Iterator[tuple[Node, int]]:
    """The nodes of the merged outline in reading order: not inside the old place of a moved division
    (its content is shown at the new place)."""
    for node in nodes:
        yield node, depth
        if node.role != MOVED_FROM:
            yield from _shown(node.children, depth + 1)


def _split_blocks(o_item: _Item, n_items: list[_Item], differ: _Differ) -> dict[int, list[BlockChange]]:
    """The blocks of each part of a split clause: the old clause's blocks aligned with all parts'
    blocks in a row; each block goes to the part its new element is in, an old-only block to the
    part of the block before it."""
    owner = {}
    children = []
    for item in n_items:
        for child in item.clause.element:
            owner[child] = item.index
            children.append(child)
    tree = align(list(o_item.clause.element), children, differ)
    out: dict[int, list[BlockChange]] = {item.index: [] for item in n_items}
    current = n_items[0].index
    for block in tree:
        if block.new is not None:
            current = owner.get(block.new, current)
        out[current].append(block)
    return out


def _check_equal(old: Document, new: Document) -> None:
    """Completeness: an empty redline is only for texts with the same canonical bytes."""
    if etree.tostring(old.root) == etree.tostring(new.root):
        return
    if canonical.to_bytes(old.root) != canonical.to_bytes(new.root):
        # An element where the schema has no place for it is outside every part the redline compares: say
        # which text is invalid (a mistake in the input) rather than report an internal error.
        for side, doc in (("old", old), ("new", new)):
            found = validate.problems(doc.root)
            if found:
                raise AkkoordError(
                    Message(
                        "redline.invalid_text",
                        side=Message(f"redline.side.{side}"),
                        line=found[0].line,
                        problem=found[0].message,
                    )
                )
        raise InternalError(Message("ops.redline_empty"))
