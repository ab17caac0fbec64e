"""Clause alignment: which clause of the old text became which clause of the new one.

`compute(old, new, old_side, new_side)` returns a `Redline` (see `ops.redline`) with one
`ClauseChange` for every clause of both texts.

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

What is reported per clause (`ClauseChange.kinds`, in the order moved, modified, renumbered;
`change` is the first kind; `matched_by` says how the pair was found: id, content,
similarity, split or merged; `position`/`old_position` index the clause lists):

- ``moved``: the innermost enclosing division differs (by division id), or the clause is out
  of order. Out of order is the fewest moves: the longest increasing subsequence of old
  positions over the paired clauses in new order stays put, every other paired clause moved
  (O(n log n)).
- ``modified``: heading or text differs. ``renumbered``: `num` differs.
- ``added``, ``removed``; ``split`` (one entry per new part, each with `old_id` the old clause
  and `related` all parts, `old_text` the piece of the old text that went to this part; the
  old heading is compared with the first part's heading, later parts have `old_heading` "");
  ``merged`` (one entry for the new clause, `old_id` the first old clause, `related` all old
  clauses, `old_text` their texts joined by one space); ``unchanged``.

Order of `Redline.clauses`: the new document's order; a removed clause stands right after
the new position of its nearest old predecessor that still exists (at the start if none).

Word diffs (`words`, `heading_words`) are computed only where the strings differ; equal text is
one ``=`` segment. Every entry satisfies: the ``=``/``-`` segments rebuild `old_text`, the
``=``/``+`` segments rebuild `new_text` (texts are in Unicode NFC).

Cost: linear in the number of clauses for the pairing by id and content; the similarity
step is linear in the words of the unpaired clauses (bounded candidate lists).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from heapq import nsmallest
from itertools import chain, pairwise

from lxml import etree

from ..model import names
from ..model.document import Document
from ..model.strings import one_line
from .redline import (
    ADDED,
    MERGED,
    MODIFIED,
    MOVED,
    REMOVED,
    RENUMBERED,
    SPLIT,
    UNCHANGED,
    ClauseChange,
    Redline,
    Side,
)
from .sequence import longest_increasing

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
        ("Deel", "Hoofdstuk", "Titel", "Afdeling", "Paragraaf", "Subparagraaf", "Bijlage"),
        strict=True,
    )
)


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


class _Item:
    """One clause as the aligner sees it (strings read once from the tree, the text only when needed)."""

    __slots__ = ("index", "clause", "id", "num", "heading", "_text", "division", "division_el", "_words", "_bag")

    def __init__(self, index: int, clause) -> None:
        element = clause.element
        self.index = index
        self.clause = clause
        self.id = clause.id
        self.num = clause.num
        self.heading = _nfc(clause.heading)
        self._text: str | None = None
        parent = element.getparent()
        if parent is not None and parent.tag == names.DIVISION:
            self.division_el = parent
            self.division = parent.get(names.ID)
        else:
            self.division_el = None
            self.division = None
        self._words: list[str] | None = None
        self._bag: Counter | None = None

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
    def bag(self) -> Counter:
        """The bag (multiset) of word bigrams: the unit of every similarity measure here."""
        if self._bag is None:
            words = self.words
            self._bag = Counter(pairwise(words))
        return self._bag


def _intersection(a: Counter, b: Counter) -> int:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    total = 0
    for word, count in a.items():
        other = get(word)
        if other:
            total += count if count < other else other
    return total


def similarity(a: Counter, b: Counter) -> float:
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


def _shingles(item: _Item) -> set:
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


def _groups(wholes: dict[int, list[int]], whole_size, part_size, inter, whole_bag, part_bag):
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


def _size(bag: Counter) -> int:
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
        self.cache: dict = {}

    def __call__(self, element) -> str:
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
    def __init__(self, max_tokens) -> None:
        from .worddiff import diff_words

        self.diff_words = diff_words
        self.kwargs = {} if max_tokens is _DEFAULT else {"max_tokens": max_tokens}

    def __call__(self, old: str, new: str):
        return self.diff_words(old, new, **self.kwargs)


_DEFAULT = object()


def _same(text: str, op: str = "=") -> list[tuple[str, str]]:
    return [(op, text)] if text else []


def _fill(change: ClauseChange, differ: _Differ, old_text: str, new_text: str, old_heading: str, new_heading: str):
    """Words, heading words and counts of one entry (word diff only where strings differ)."""
    change.old_text, change.new_text = old_text, new_text
    inserted = deleted = 0
    bounded = False
    if old_text == new_text:
        change.words = _same(new_text)
    else:  # (added or removed text is one segment; the diff counts its words)
        diff = differ(old_text, new_text)
        change.words = [tuple(s) for s in diff.segments]
        inserted, deleted, bounded = diff.words_inserted, diff.words_deleted, diff.bounded
    if old_heading == new_heading:
        change.heading_words = _same(new_heading)
    else:
        diff = differ(old_heading, new_heading)
        change.heading_words = [tuple(s) for s in diff.segments]
        inserted += diff.words_inserted
        deleted += diff.words_deleted
        bounded = bounded or diff.bounded
    change.words_inserted, change.words_deleted, change.bounded = inserted, deleted, bounded


def _cut(segments, cuts: list[int]) -> list[list[tuple[str, str]]]:
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


def _count_words(segments, op: str) -> int:
    from .tokens import is_word, tokenize

    return sum(is_word(t) for o, text in segments if o == op for t in tokenize(text, normalize=False))


def _rebuild(pieces: list[tuple[str, str]], side: str) -> str:
    drop = "+" if side == "old" else "-"
    return "".join(text for op, text in pieces if op != drop)


def compute(
    old: Document,
    new: Document,
    old_side: Side,
    new_side: Side,
    *,
    max_tokens=_DEFAULT,
) -> Redline:
    """The redline from `old` to `new`: every clause of both, aligned (see the module docstring).

    `max_tokens` is passed to `diff_words` (its default bound when omitted).
    """
    olds = [_Item(i, c) for i, c in enumerate(old.clauses)]
    news = [_Item(i, c) for i, c in enumerate(new.clauses)]
    al = _Alignment(olds, news)
    _by_id(al)
    _by_content(al)
    _by_likeness(al)

    # moves: out of order (LIS over the one-to-one pairs) or in another division
    paired_new = [n for n, o in enumerate(al.new_to_old) if o is not None]
    keep = longest_increasing([al.new_to_old[n] for n in paired_new])
    out_of_order = {n for k, n in enumerate(paired_new) if k not in keep}

    differ = _Differ(max_tokens)
    old_label = _Labels(old.lang)
    new_label = _Labels(new.lang)
    entries: list[tuple[tuple, ClauseChange]] = []
    # where each old clause went (for placing removed ones): the last new index it feeds
    old_home: list[int | None] = list(al.old_to_new)

    def base(change: str, kinds: tuple, o: _Item | None, n: _Item | None) -> ClauseChange:
        entry = ClauseChange(change=change, kinds=kinds, id=n.id if n else None, old_id=o.id if o else None)
        if n is not None:
            entry.num, entry.heading = n.num, n.heading
            entry.division, entry.division_label = n.division, new_label(n.division_el)
            entry.position = n.index
        if o is not None:
            entry.old_num, entry.old_heading = o.num, o.heading
            entry.old_division, entry.old_division_label = o.division, old_label(o.division_el)
            entry.old_position = o.index
        return entry

    group_of_new: dict[int, tuple] = {}
    for o, parts in al.splits:
        for n in parts:
            group_of_new[n] = ("split", o, parts)
        old_home[o] = parts[-1]
    for olds_in, n in al.merges:
        group_of_new[n] = ("merged", olds_in, n)
        for o in olds_in:
            old_home[o] = n

    split_pieces: dict[int, list] = {}
    split_bounded: set[int] = set()
    for o, parts in al.splits:
        texts = [news[n].text for n in parts]
        cuts, offset = [], 0
        for text in texts[:-1]:
            offset += len(text)
            cuts.append(offset)
            offset += len(_SEP)
        joined = _SEP.join(texts)
        if olds[o].text == joined:
            segments = _same(joined)
        else:
            diff = differ(olds[o].text, joined)
            segments = [tuple(s) for s in diff.segments]
            if diff.bounded:
                split_bounded.add(o)
        for n, pieces in zip(parts, _cut(segments, cuts), strict=False):
            split_pieces[n] = pieces

    for n_item in news:
        n = n_item.index
        group = group_of_new.get(n)
        if group is not None and group[0] == "split":
            _, o, parts = group
            o_item = olds[o]
            entry = base(SPLIT, (SPLIT,), o_item, n_item)
            entry.related = tuple(news[p].id for p in parts)
            entry.related_nums = tuple(news[p].num for p in parts)
            entry.matched_by = SPLIT
            # the old heading stays with the first part; later parts start without one
            if n != parts[0]:
                entry.old_heading = ""
            _fill(entry, differ, "", "", entry.old_heading, n_item.heading)
            pieces = split_pieces[n]
            entry.words = pieces
            entry.old_text = _rebuild(pieces, "old")
            entry.new_text = n_item.text
            entry.words_deleted += _count_words(pieces, "-")
            entry.words_inserted += _count_words(pieces, "+")
            entry.bounded = entry.bounded or o in split_bounded
            entries.append(((n, 0, 0), entry))
            continue
        if group is not None:
            _, olds_in, _ = group
            first = olds[olds_in[0]]
            entry = base(MERGED, (MERGED,), first, n_item)
            entry.related = tuple(olds[o].id for o in olds_in)
            entry.related_nums = tuple(olds[o].num for o in olds_in)
            entry.matched_by = MERGED
            _fill(entry, differ, _SEP.join(olds[o].text for o in olds_in), n_item.text, first.heading, n_item.heading)
            entries.append(((n, 0, 0), entry))
            continue
        o = al.new_to_old[n]
        if o is None:
            entry = base(ADDED, (ADDED,), None, n_item)
            _fill(entry, differ, "", n_item.text, "", n_item.heading)
            entries.append(((n, 0, 0), entry))
            continue
        o_item = olds[o]
        kinds = []
        if n in out_of_order or o_item.division != n_item.division:
            kinds.append(MOVED)
        if o_item.text != n_item.text or o_item.heading != n_item.heading:
            kinds.append(MODIFIED)
        if o_item.num != n_item.num:
            kinds.append(RENUMBERED)
        entry = base(kinds[0] if kinds else UNCHANGED, tuple(kinds) or (UNCHANGED,), o_item, n_item)
        entry.matched_by = al.how[n]
        entry.similarity = al.score.get(n)
        _fill(entry, differ, o_item.text, n_item.text, o_item.heading, n_item.heading)
        entries.append(((n, 0, 0), entry))

    # removed clauses: after the new position of their nearest surviving old predecessor
    anchor = -1
    for o_item in olds:
        o = o_item.index
        if old_home[o] is not None:
            anchor = old_home[o]
            continue
        if o in al.in_group_old:
            continue
        entry = base(REMOVED, (REMOVED,), o_item, None)
        _fill(entry, differ, o_item.text, "", o_item.heading, "")
        entries.append(((anchor, 1, o), entry))

    entries.sort(key=lambda pair: pair[0])
    return Redline(old_side, new_side, [entry for _, entry in entries])
