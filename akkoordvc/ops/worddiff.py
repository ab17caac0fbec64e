"""Word-level diff of two texts: the core of the redline.

What: `diff_words(old, new)` returns a `WordDiff` whose `segments` are ``(op, text)`` pairs,
op ``"="`` (in both), ``"-"`` (only in old) or ``"+"`` (only in new). Concatenating the ``=``
and ``-`` texts rebuilds NFC(old) exactly; ``=`` and ``+`` rebuild NFC(new) exactly. Every
segment boundary is a token boundary of `akkoordvc.ops.tokens.tokenize`, so a change never
splits a word: ``artikel`` -> ``artikelen`` is ``[-artikel-]{+artikelen+}``, never
``artikel{+en+}``. Adjacent segments never share an op, and within a run of changes between
two equal segments the deletion comes before the insertion.

How: each distinct token is mapped to one unique code point (a token-level variant of
diff-match-patch's lines-to-chars trick; our own encoder), the encoded strings are diffed with
``diff_match_patch.diff_main(a, b, checklines=False)`` and cleaned with
``diff_cleanupSemantic`` *on the encoded diff*, so that every cleanup step (merging small
equalities, sliding edits sideways, overlap extraction) moves whole tokens; only then is the
result decoded. The code points are chosen by token class (words get CJK ideographs, which
are alphanumeric; whitespace gets whitespace, line-break runs get ``\\n``/``\\r``; the rest gets
private-use characters), so diff-match-patch's semantic scoring, which prefers edits that
start and end at whitespace and line breaks, works at token level too. When a class's range
is used up, any other code point (never a surrogate) serves: about 1.1 million distinct tokens
per diff can be encoded before `ValueError`.

Unchanged text costs almost nothing: equal inputs return at once, and the common prefix and
suffix (found by C-speed string comparison) are cut at a whitespace-to-text boundary and never
tokenized; each stands in the diff as one sentinel code point, so edits cannot slide into it.
The tokenizer's locality (see `tokens`) makes this exact: the tokens of the part that is
diffed are the tokens the whole text would have there. The cut keeps `_MARGIN` characters of
the common text next to the change, so the sideways sliding of an edit has room.

Complexity: tokenizing and encoding are O(n) in the changed span; diff-match-patch's Myers
bisection is O(N*D) for N tokens and D differing tokens, in pure Python, without a timeout
(minimal diff). For giant inputs (more than `max_tokens` tokens in the diffed span on either
side) ``Diff_Timeout`` is `BOUNDED_TIMEOUT` seconds instead and the result says
``bounded=True``: it is still exact (it rebuilds both texts) but may not be minimal. Since
O(N*D) is quadratic for unrelated texts (a fully rewritten clause), ordinary diffs also get a
last-resort deadline, `SAFETY_TIMEOUT`, which sets ``bounded`` only if it actually ran out.

Measured (one core): 170 clauses of 3 KB with three one-word edits in the whole set: about
2.5 ms for all 170 diffs, most of it NFC and equality checks; every clause edited in three
scattered places (the changed span is then most of each clause): about 0.9 ms per clause,
split between the regex tokenizer, the encoder and diff-match-patch's pure-Python bisection.
"""

from __future__ import annotations

import itertools
import time
from collections import namedtuple
from collections.abc import Iterable, Iterator

from diff_match_patch import diff_match_patch

from .tokens import ORDINARY_SPACE, is_word, nfc, tokenize

__all__ = [
    "BOUNDED_TIMEOUT",
    "DEFAULT_BOUND",
    "SAFETY_TIMEOUT",
    "DELETE",
    "EQUAL",
    "INSERT",
    "Segment",
    "WordDiff",
    "diff_words",
    "segments_text",
]

EQUAL = "="
DELETE = "-"
INSERT = "+"

#: Above this many tokens (in the changed span, on either side) the diff gets a deadline.
DEFAULT_BOUND = 20_000
#: The deadline, in seconds, for a diff above the bound.
BOUNDED_TIMEOUT = 1.0
#: Last-resort deadline, in seconds, for a diff below the bound. Myers' cost is O(N*D): two
#: unrelated texts of 1000 tokens take about 0.7 s, of 2000 tokens 3 s, of 8000 tokens 40 s,
#: so the token bound alone does not bound time. Diffs that finish within this are exactly
#: the no-timeout result (diff-match-patch's non-minimal speedups stay off).
SAFETY_TIMEOUT = 5.0

# Common text kept next to the change when the common prefix/suffix is cut off (characters).
_MARGIN = 80


# (collections.namedtuple and a plain class rather than typing.NamedTuple and a dataclass:
# importing typing and dataclasses would triple this module's import time.)
Segment = namedtuple("Segment", "op text")
Segment.__doc__ = """One piece of a word diff: op is ``"="``, ``"-"`` or ``"+"``; text is never empty."""


class WordDiff:
    """The result of `diff_words` (treat as read-only).

    segments: list of `Segment`, merged (no two adjacent segments share an op).
    bounded: True if a time limit may have cut the diff short, so it may be longer than
        minimal (it is still exact): the input was above `max_tokens` (deadline
        `BOUNDED_TIMEOUT`), or, rarely, the `SAFETY_TIMEOUT` of an ordinary diff ran out.
    words_deleted / words_inserted: word and number tokens (not whitespace, not punctuation)
        in the ``-`` and ``+`` segments.
    """

    __slots__ = ("segments", "bounded", "words_deleted", "words_inserted")
    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        segments: list[Segment],
        bounded: bool = False,
        words_deleted: int = 0,
        words_inserted: int = 0,
    ) -> None:
        self.segments = segments
        self.bounded = bounded
        self.words_deleted = words_deleted
        self.words_inserted = words_inserted

    def _key(self) -> tuple:
        return (self.segments, self.bounded, self.words_deleted, self.words_inserted)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WordDiff):
            return NotImplemented
        return self._key() == other._key()

    def __repr__(self) -> str:
        return (
            f"WordDiff(segments={self.segments!r}, bounded={self.bounded!r}, "
            f"words_deleted={self.words_deleted!r}, words_inserted={self.words_inserted!r})"
        )

    @property
    def changed(self) -> bool:
        """True if old and new differ (after NFC)."""
        return any(op != EQUAL for op, _ in self.segments)

    @property
    def old(self) -> str:
        """NFC(old), rebuilt from the segments."""
        return segments_text(self.segments, "old")

    @property
    def new(self) -> str:
        """NFC(new), rebuilt from the segments."""
        return segments_text(self.segments, "new")


def segments_text(segments: Iterable[tuple[str, str]], side: str) -> str:
    """The text of one side: ``"old"`` (``=`` and ``-``) or ``"new"`` (``=`` and ``+``)."""
    if side == "old":
        drop = INSERT
    elif side == "new":
        drop = DELETE
    else:
        raise ValueError(f"side must be 'old' or 'new', not {side!r}")
    return "".join(text for op, text in segments if op != drop)


def diff_words(old: str, new: str, *, max_tokens: int | None = DEFAULT_BOUND) -> WordDiff:
    """Word diff of `old` against `new` (both NFC-normalized first).

    `max_tokens`: if the changed span of either side has more tokens than this, the diff runs
    with a deadline of `BOUNDED_TIMEOUT` seconds (and diff-match-patch's speedups) and the
    result has ``bounded=True``. None: no token bound. Below the bound the diff is minimal
    unless it runs into `SAFETY_TIMEOUT`, which also sets ``bounded``.
    """
    old = nfc(old)
    new = nfc(new)
    if old == new:
        return WordDiff([Segment(EQUAL, old)] if old else [])

    dmp = diff_match_patch()

    # Cut off the common prefix and suffix at whitespace-to-text boundaries (see module doc).
    common = dmp.diff_commonPrefix(old, new)
    start = _cut_before(old, common - 1 - _MARGIN)
    common = min(dmp.diff_commonSuffix(old, new), len(old) - start, len(new) - start)
    end_old = _cut_after(old, len(old) - common + _MARGIN)
    end_new = end_old - len(old) + len(new)

    tokens_old = tokenize(old[start:end_old], normalize=False)
    tokens_new = tokenize(new[start:end_new], normalize=False)
    bounded = max_tokens is not None and max(len(tokens_old), len(tokens_new)) > max_tokens

    enc = _Encoder()
    head = enc.sentinel(old[:start], "space") if start else ""
    tail = ""
    if end_old < len(old):
        suffix = old[end_old:]
        tail = enc.sentinel(suffix, "word" if is_word(suffix[0]) else "other")
    encoded_old = head + enc.encode(tokens_old) + tail
    encoded_new = head + enc.encode(tokens_new) + tail

    if bounded:
        dmp.Diff_Timeout = BOUNDED_TIMEOUT
        diffs = dmp.diff_main(encoded_old, encoded_new, False)
    else:
        # Diff_Timeout 0 keeps the half-match speedup off (minimal diff); the explicit deadline
        # only stops the bisection of pathological inputs.
        dmp.Diff_Timeout = 0
        deadline = time.time() + SAFETY_TIMEOUT
        diffs = dmp.diff_main(encoded_old, encoded_new, False, deadline)
        bounded = time.time() > deadline
    dmp.diff_cleanupSemantic(diffs)

    segments: list[Segment] = []
    words_deleted = words_inserted = 0
    decode = enc.tokens.__getitem__
    words = enc.words.__contains__
    for op, encoded in _normalize(diffs):
        segments.append(Segment(op, "".join(map(decode, encoded))))
        if op == DELETE:
            words_deleted += sum(map(words, encoded))
        elif op == INSERT:
            words_inserted += sum(map(words, encoded))
    return WordDiff(segments, bounded, words_deleted, words_inserted)


# ---------------------------------------------------------------------------------------
# internals


def _normalize(diffs: list[tuple[int, str]]) -> Iterator[tuple[str, str]]:
    """dmp diffs -> merged (op, encoded) pairs; in each change run, deletion before insertion."""
    deleted: list[str] = []
    inserted: list[str] = []
    equal: list[str] = []
    for op, text in diffs:
        if not text:
            continue
        if op == 0:
            if deleted or inserted:
                if equal:
                    yield EQUAL, "".join(equal)
                    equal = []
                if deleted:
                    yield DELETE, "".join(deleted)
                    deleted = []
                if inserted:
                    yield INSERT, "".join(inserted)
                    inserted = []
            equal.append(text)
        elif op < 0:
            deleted.append(text)
        else:
            inserted.append(text)
    if equal:
        yield EQUAL, "".join(equal)
    if deleted:
        yield DELETE, "".join(deleted)
    if inserted:
        yield INSERT, "".join(inserted)


def _cut_before(text: str, limit: int) -> int:
    """Largest p <= limit with text[p-1] a space or newline and text[p] not whitespace; else 0.

    Requires limit < len(text). Cost: O(limit - p) plus C-speed searches.
    """
    if limit < 1:
        return 0
    space = text.rfind(" ", 0, limit)
    newline = text.rfind("\n", 0, limit)
    while True:
        k = max(space, newline)
        if k < 0:
            return 0
        if text[k + 1] not in ORDINARY_SPACE:
            return k + 1
        if k == space:
            space = text.rfind(" ", 0, k)
        else:
            newline = text.rfind("\n", 0, k)


def _cut_after(text: str, first: int) -> int:
    """Smallest p > first with text[p-1] a space or newline and text[p] not whitespace;
    len(text) if there is none (nothing to cut)."""
    n = len(text)
    space = text.find(" ", first)
    newline = text.find("\n", first)
    while True:
        if space < 0 and newline < 0:
            return n
        k = newline if space < 0 or 0 <= newline < space else space
        if k + 1 >= n:
            return n
        if text[k + 1] not in ORDINARY_SPACE:
            return k + 1
        if k == space:
            space = text.find(" ", k + 1)
        else:
            newline = text.find("\n", k + 1)


# Code point ranges per token class (see module doc). The fallback is every other code point
# except surrogates and NUL, so all pools together are disjoint and cover ~1.1M code points.
_WORD_RANGES = ((0x4E00, 0xA000), (0x3400, 0x4DC0), (0x20000, 0x2A6E0))
_OTHER_RANGES = ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE))
_LINEBREAKS = (0x0A, 0x0D)
# Every str.isspace() code point except the line breaks (a literal: computing it costs 1 ms).
_SPACES = (
    0x20, 0x09, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0xA0, 0x1680,
    *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
)


def _fallback() -> Iterator[int]:
    taken = set(_LINEBREAKS) | set(_SPACES)
    primary = _WORD_RANGES + _OTHER_RANGES
    for cp in range(1, 0x110000):
        if 0xD800 <= cp < 0xE000 or cp in taken:
            continue
        if any(lo <= cp < hi for lo, hi in primary):
            continue
        yield cp


class _Encoder:
    """Token <-> code point maps for one diff. Fresh per call: small maps, no shared state."""

    __slots__ = ("codes", "tokens", "words", "_line", "_space", "_word", "_other")

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}  # token -> code point
        self.tokens: dict[str, str] = {}  # code point -> token (or sentinel -> cut text)
        self.words: set[str] = set()  # code points of word tokens
        lines = iter(_LINEBREAKS)
        spaces = iter(_SPACES)
        word = itertools.chain.from_iterable(itertools.starmap(range, _WORD_RANGES))
        other = itertools.chain.from_iterable(itertools.starmap(range, _OTHER_RANGES))
        rest = _fallback()
        # Shared underlying iterators: a code point handed out by one chain is gone for all.
        self._line = itertools.chain(lines, spaces, other, rest, word)
        self._space = itertools.chain(spaces, other, rest, word)
        self._word = itertools.chain(word, rest, other, spaces)
        self._other = itertools.chain(other, rest, word, spaces)

    def _new(self, token: str) -> str:
        """Give `token` the next code point of its class (first character decides mostly)."""
        first = token[0]
        if first.isalnum():
            pool = self._word
        elif first.isspace():
            pool = self._line if ("\n" in token or "\r" in token) else self._space
        elif len(token) > 1 and is_word(token):  # 's  -administratie
            pool = self._word
        else:
            pool = self._other
        try:
            code = chr(next(pool))
        except StopIteration:
            raise ValueError("too many distinct tokens to encode in one diff") from None
        self.codes[token] = code
        self.tokens[code] = token
        if pool is self._word:
            self.words.add(code)
        return code

    def encode(self, tokens: list[str]) -> str:
        get = self.codes.get
        new = self._new
        return "".join([get(token) or new(token) for token in tokens])

    def sentinel(self, text: str, kind: str) -> str:
        """A code point standing for a whole stretch of common text (never a word)."""
        pool = {"space": self._space, "word": self._word, "other": self._other}[kind]
        try:
            code = chr(next(pool))
        except StopIteration:
            raise ValueError("too many distinct tokens to encode in one diff") from None
        self.tokens[code] = text
        return code
