"""Word-level diff of two texts: the core of the redline.

What: `diff_words(old, new)` returns a `WordDiff` whose `segments` are ``(op, text)`` pairs,
op ``"="`` (in both), ``"-"`` (only in old) or ``"+"`` (only in new). Concatenating the ``=``
and ``-`` texts rebuilds NFC(old) exactly; ``=`` and ``+`` rebuild NFC(new) exactly. Every
segment boundary is a token boundary of `akkoordvc.ops.tokens.tokenize`, so a change never
splits a word: ``artikel`` -> ``artikelen`` is ``[-artikel-]{+artikelen+}``, never
``artikel{+en+}``. Adjacent segments never share an op, and within a run of changes between
two equal segments the deletion comes before the insertion.

How: each distinct token is mapped to one unique code point (a token-level variant of
diff-match-patch's lines-to-chars trick; our own encoder), the encoded strings are diffed and
the raw diff is cleaned with ``diff_cleanupSemantic`` *on the encoded diff*, so that every
cleanup step (merging small equalities, sliding edits sideways, overlap extraction) moves
whole tokens; only then is the result decoded. The code points are chosen by token class
(words get CJK ideographs, which are alphanumeric; whitespace gets whitespace, line-break runs
get ``\n``/``\r``; the rest gets private-use characters), so diff-match-patch's semantic
scoring, which prefers edits that start and end at whitespace and line breaks, works at token
level too. When a class's range is used up, any other code point (never a surrogate) serves:
about 1.1 million distinct tokens per diff can be encoded before `ValueError`.

The raw diff: small inputs (up to 64 by 64 tokens) go to ``diff_match_patch.diff_main(a, b,
checklines=False)`` as they are. Larger ones are diffed at word level first: a word unit is a
token that is not whitespace together with the whitespace token after it, and a longest common
subsequence of the word units is found bit-parallel (`_lcs`: each row of the LCS table is one
big integer, so the quadratic part runs in C at 64 cells per machine word). Every replaced run
of units between two common ones is then diffed token by token by diff-match-patch, so a word
that stays while its space becomes an NBSP, or a comma that is added after a word, shows as a
change of that token alone. The result is minimal at word level (and within replaced runs at
token level); it rebuilds both texts exactly like any diff here.

Unchanged text costs almost nothing: equal inputs return at once, and the common prefix and
suffix (found by C-speed string comparison) are cut at a whitespace-to-text boundary and never
tokenized; each stands in the diff as one sentinel code point, so edits cannot slide into it.
The tokenizer's locality (see `tokens`) makes this exact: the tokens of the part that is
diffed are the tokens the whole text would have there. The cut keeps `_MARGIN` characters of
the common text next to the change, so the sideways sliding of an edit has room. A long span
with edits in several places is cut the same way between them (`_windows`): its sentences are
aligned first, and a run of common sentences that the semantic cleanup provably cannot merge
into the edits around it (it has more tokens than either neighbouring window) is left out
except for its `_MARGIN` ends; each window is diffed and cleaned on its own.

Complexity: tokenizing and encoding are O(n) in the diffed span (in the windows, for long
spans); the word-level LCS is O(N*M/64) machine operations and O(N+M) Python steps for N and M
word units; refining replaced runs is diff-match-patch's Myers bisection, O(n*d) in pure
Python for a run of n tokens with d differing, without a timeout (minimal). For giant inputs
(more than `max_tokens` tokens in the diffed span on either side) diff-match-patch diffs the
whole span with ``Diff_Timeout`` `BOUNDED_TIMEOUT` seconds instead and the result says
``bounded=True``: it is still exact (it rebuilds both texts) but may not be minimal. Since a
replaced run of two unrelated texts (no word in common) is quadratic to refine, ordinary diffs
also get a last-resort deadline, `SAFETY_TIMEOUT`, which sets ``bounded`` only if it actually
ran out.

Measured (one core, see bench/ and BENCHMARKS.md): the 39 changed articles of BWBR0002458
2012 -> 2013, heavy rewrites of up to 1,200 tokens, about 40 ms in all (diff-match-patch on the
tokens alone took 450 ms); the 41 changed articles of BWBR0002629 2013-10-10 -> 2014, long
texts with scattered edits, about 30 ms; 2,000 clauses of 400 characters with one to three
word edits each, about 0.25 ms per clause, mostly the tokenizer and the encoder.
"""

from __future__ import annotations

import itertools
import re
import time
from collections import namedtuple
from collections.abc import Iterable, Iterator
from typing import Any

from diff_match_patch import diff_match_patch

from .tokens import ORDINARY_SPACE, has_invisible, is_word, nfc, strip_invisible, tokenize

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
    "merge_segments",
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

# Inputs with at most this many token pairs (len(old) * len(new)) are diffed token by token
# directly; larger ones word by word first (see `_diff_body`).
_SMALL = 64 * 64
# Largest word-level LCS table kept in memory, in bits (8 MB); beyond it diff-match-patch runs
# on the tokens directly (linear memory, slower).
_LCS_CELLS = 1 << 26

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

    def _key(self) -> tuple[list[Segment], bool, int, int]:
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
    result has ``bounded=True``. None: no token bound. Below the bound the diff is minimal (at
    word level, see the module docstring) unless it runs into `SAFETY_TIMEOUT`, which also sets
    ``bounded``.
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
    span_old = old[start:end_old]
    span_new = new[start:end_new]
    after = ("word" if is_word(old[end_old]) else "other") if end_old < len(old) else None

    pieces: list[tuple[str, str]] = [(EQUAL, old[:start])]
    # Long spans are windowed when they can be (see `_windows`); a span of at most `max_tokens`
    # characters has at most that many tokens, so windowing never hides the bound.
    windows = None
    if len(span_old) + len(span_new) >= _WINDOWED and (
        max_tokens is None or max(len(span_old), len(span_new)) <= max_tokens
    ):
        windows = _windows(span_old, span_new)
    if windows is None:
        windows = [(tokenize(span_old, normalize=False), tokenize(span_new, normalize=False))]
    deadline = time.time() + SAFETY_TIMEOUT
    bounded = False
    words_deleted = words_inserted = 0
    for k, window in enumerate(windows):
        if isinstance(window[0], str):  # common text between windows
            pieces.append(window)
            continue
        head = "space" if (start or k) else None
        tail = after if k == len(windows) - 1 else "word" if is_word(windows[k + 1][1][0]) else "other"
        segments, cut_short, deleted, inserted = _diff_tokens(
            dmp, window[0], window[1], head, tail, max_tokens, deadline
        )
        pieces.extend(segments)
        bounded = bounded or cut_short
        words_deleted += deleted
        words_inserted += inserted
    pieces.append((EQUAL, old[end_old:]))
    merged = merge_segments(pieces)
    if has_invisible(span_old) or has_invisible(span_new):
        merged, deleted, inserted = _invisible_in_place(merged)
        words_deleted -= deleted
        words_inserted -= inserted
    return WordDiff(merged, bounded, words_deleted, words_inserted)


def _invisible_in_place(segments: list[Segment]) -> tuple[list[Segment], int, int]:
    """Show a change in invisible characters only (a soft hyphen, a zero-width joiner) in place.

    The tokenizer keeps such characters inside their word, so "Horecawet" -> "Horeca\u00adwet"
    comes out of the token diff as the whole word deleted and inserted. A deletion followed by an
    insertion whose texts are the same once invisible characters are left out is rewritten
    character by character (``Horeca{+SHY+}wet``), and its words are not counted. Returns the
    segments and the words no longer counted as deleted and as inserted.
    """
    out: list[tuple[str, str]] = []
    deleted = inserted = 0
    k = 0
    while k < len(segments):
        op, text = segments[k]
        if op == DELETE and k + 1 < len(segments) and segments[k + 1].op == INSERT:
            new = segments[k + 1].text
            if strip_invisible(text) == strip_invisible(new):
                deleted += sum(map(is_word, tokenize(text, normalize=False)))
                inserted += sum(map(is_word, tokenize(new, normalize=False)))
                out.extend(_by_character(text, new))
                k += 2
                continue
        out.append((op, text))
        k += 1
    return merge_segments(out), deleted, inserted


def _by_character(old: str, new: str) -> list[tuple[str, str]]:
    """The diff of two texts that differ in invisible characters only (visible ones equal, in order)."""
    out = []
    i = j = 0
    while i < len(old) or j < len(new):
        if i < len(old) and j < len(new) and old[i] == new[j]:
            out.append((EQUAL, old[i]))
            i, j = i + 1, j + 1
        elif i < len(old) and has_invisible(old[i]):
            out.append((DELETE, old[i]))
            i += 1
        else:
            out.append((INSERT, new[j]))
            j += 1
    return out


def _diff_tokens(
    dmp: diff_match_patch,
    tokens_old: list[str],
    tokens_new: list[str],
    head: str | None,
    tail: str | None,
    max_tokens: int | None,
    deadline: float,
) -> tuple[list[tuple[str, str]], bool, int, int]:
    """Diff two token lists (a span of the texts, or one window of it); common text before and
    after them, if any, stands in the diff as one sentinel code point of class `head` / `tail`.

    Returns (segments, bounded, words deleted, words inserted); the sentinels decode to nothing.
    """
    bounded = max_tokens is not None and max(len(tokens_old), len(tokens_new)) > max_tokens
    enc = _Encoder()
    head = enc.sentinel("", head) if head else ""
    tail = enc.sentinel("", tail) if tail else ""
    body_old = enc.encode(tokens_old)
    body_new = enc.encode(tokens_new)

    if bounded:
        dmp.Diff_Timeout = BOUNDED_TIMEOUT
        diffs = dmp.diff_main(head + body_old + tail, head + body_new + tail, False)
    else:
        # Diff_Timeout 0 keeps the half-match speedup off (minimal diffs); the explicit deadline
        # only stops the bisection of pathological inputs.
        dmp.Diff_Timeout = 0
        diffs = [(0, head)] if head else []
        _diff_body(dmp, enc, tokens_old, body_old, tokens_new, body_new, deadline, diffs)
        if tail:
            diffs.append((0, tail))
        dmp.diff_cleanupMerge(diffs)
        bounded = time.time() > deadline
    dmp.diff_cleanupSemantic(diffs)

    segments = []
    words_deleted = words_inserted = 0
    decode = enc.tokens.__getitem__
    words = enc.words.__contains__
    for op, encoded in _normalize(diffs):
        segments.append((op, "".join(map(decode, encoded))))
        if op == DELETE:
            words_deleted += sum(map(words, encoded))
        elif op == INSERT:
            words_inserted += sum(map(words, encoded))
    return segments, bounded, words_deleted, words_inserted


def merge_segments(pieces: Iterable[tuple[str, str]], *, deletions_first: bool = False) -> list[Segment]:
    """Segments from (op, text) pieces: empty ones dropped, neighbours with the same op joined.

    `deletions_first`: within every run of changes between two equal segments, all deleted text
    comes first, then all inserted text (both sides still rebuild exactly).
    """
    segments: list[Segment] = []
    for op, text in pieces:
        if not text:
            continue
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))
    if not deletions_first:
        return segments
    ordered: list[Segment] = []
    run: list[Segment] = []
    for segment in [*segments, Segment(EQUAL, "")]:
        if segment.op != EQUAL:
            run.append(segment)
            continue
        for op in (DELETE, INSERT):
            text = "".join(t for o, t in run if o == op)
            if text:
                ordered.append(Segment(op, text))
        run = []
        if segment.text:
            ordered.append(segment)
    return ordered


# --- windows -----------------------------------------------------------------------------

#: Spans shorter than this (both sides together, in characters) are diffed in one piece.
_WINDOWED = 2000
# A sentence ends at ".", ";" or ":" and the whitespace after it; the next sentence starts at a
# whitespace-to-text boundary, so the tokens of the sentences are the tokens of the text.
_SENTENCE_END = re.compile(r"[.;:][ \t\n\r\f\v]+")


def _sentences(text: str) -> list[str]:
    bounds = [0]
    bounds.extend(m.end() for m in _SENTENCE_END.finditer(text))
    if bounds[-1] != len(text):
        bounds.append(len(text))
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def _windows(span_old: str, span_new: str) -> list[Any] | None:
    """Split a long span into windows around its changed sentences, or None.

    The sentences of both sides are aligned first (a longest common subsequence of whole
    sentences, as diff-match-patch's line mode does with lines). A run of common sentences
    separates two windows when the semantic cleanup provably could not merge it into the edits
    around it: it holds more tokens (counted from below: two per whitespace-separated word,
    less one) than either window next to it holds on either side, and the cleanup only merges
    an equality into edits at least as long on both sides. Such a run is left out of the diff
    except for `_MARGIN` characters at each end, which stay in the windows so that edits can
    still slide sideways (as with the common prefix and suffix). Each window is then diffed on
    its own, exactly as a whole span would be; runs too short to separate stay inside windows.

    Returns a list of windows ``(tokens_old, tokens_new)`` and common texts ``("=", text)`` in
    order, or None when the span does not split (then it is diffed in one piece).
    """
    a = _sentences(span_old)
    b = _sentences(span_new)
    if len(a) < 3 or len(b) < 3 or len(a) * len(b) > _LCS_CELLS:
        return None
    runs: list[list[int]] = []  # (i0, i1, j0, j1): a[i0:i1] == b[j0:j1], maximal
    for i, j in _lcs(a, b):
        if runs and runs[-1][1] == i and runs[-1][3] == j:
            runs[-1][1] += 1
            runs[-1][3] += 1
        else:
            runs.append([i, i + 1, j, j + 1])
    if not runs:
        return None
    join = "".join
    # Alternate changes and common runs: changes[k] comes before runs[k]; changes[-1] after all.
    changes = []
    i = j = 0
    for i0, i1, j0, j1 in runs:
        changes.append((join(a[i:i0]), join(b[j:j0])))
        i, j = i1, j1
    changes.append((join(a[i:]), join(b[j:])))
    commons = [join(a[i0:i1]) for i0, i1, _, _ in runs]

    # Each common run: the part kept before it (its head), the part left out, the part kept
    # after it (its tail). A run at either end of the span needs no margin on that side.
    n = len(commons)
    cuts = []
    for k, text in enumerate(commons):
        first = k == 0 and not changes[0][0] and not changes[0][1]
        last = k == n - 1 and not changes[-1][0] and not changes[-1][1]
        q = 0 if first else _cut_after(text, _MARGIN)
        p = len(text) if last else _cut_before(text, len(text) - _MARGIN)
        cuts.append((q, p) if q < p else None)
    # Windows between separators; merge across every run that cannot separate.
    out: list[Any] = []
    pending_old, pending_new = changes[0]
    for k, text in enumerate(commons):
        if cuts[k] is None:
            pending_old += text + changes[k + 1][0]
            pending_new += text + changes[k + 1][1]
            continue
        cut = cuts[k]
        assert cut is not None
        q, p = cut
        out.append([pending_old + text[:q], pending_new + text[:q]])
        out.append((EQUAL, text[q:p]))
        pending_old, pending_new = text[p:] + changes[k + 1][0], text[p:] + changes[k + 1][1]
    out.append([pending_old, pending_new])
    out = [w for w in out if not isinstance(w, list) or w[0] or w[1]]

    # Tokens per window; then drop every separator the cleanup could still merge away.
    for w in out:
        if isinstance(w, list):
            w.append(tokenize(w[0], normalize=False))
            w.append(tokenize(w[1], normalize=False))
    changed = True
    while changed:
        changed = False
        for k in range(1, len(out) - 1):
            sep = out[k]
            if isinstance(sep, list):
                continue
            before, after = out[k - 1], out[k + 1]
            if not isinstance(before, list) or not isinstance(after, list):
                continue
            floor = 2 * len(sep[1].split()) - 1
            if floor > max(len(before[2]), len(before[3])) or floor > max(len(after[2]), len(after[3])):
                continue
            middle = tokenize(sep[1], normalize=False)
            out[k - 1 : k + 2] = [
                [
                    before[0] + sep[1] + after[0],
                    before[1] + sep[1] + after[1],
                    before[2] + middle + after[2],
                    before[3] + middle + after[3],
                ]
            ]
            changed = True
            break
    if len(out) == 1:
        return None
    return [(w[2], w[3]) if isinstance(w, list) else w for w in out]


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


def _diff_body(
    dmp: diff_match_patch,
    enc: _Encoder,
    tokens_old: list[str],
    encoded_old: str,
    tokens_new: list[str],
    encoded_new: str,
    deadline: float,
    diffs: list[tuple[int, str]],
) -> None:
    """Append the raw diff of two encoded token strings to `diffs` (dmp's (op, text) tuples).

    Small inputs go to diff-match-patch as they are (a token-level minimal diff). Larger ones
    are first diffed at word level: a longest common subsequence of word units (a token that
    is not whitespace together with the whitespace token after it, if any), found by `_lcs`;
    then every replaced run of word units (deleted and inserted units between two common
    ones) is diffed again token by token with diff-match-patch, so whitespace and punctuation
    shared by the two runs stay common. The result is exact, and minimal at word level.
    """
    n_old, n_new = len(encoded_old), len(encoded_new)
    if n_old * n_new <= _SMALL or not n_old or not n_new:
        diffs.extend(dmp.diff_main(encoded_old, encoded_new, False, deadline))
        return
    # Common ends at token level (as diff_main would strip them), so the units start there.
    lo = dmp.diff_commonPrefix(encoded_old, encoded_new)
    hi = dmp.diff_commonSuffix(encoded_old[lo:], encoded_new[lo:])
    if lo:
        diffs.append((0, encoded_old[:lo]))
    a = _word_units(enc, tokens_old, encoded_old, lo, n_old - hi)
    b = _word_units(enc, tokens_new, encoded_new, lo, n_new - hi)
    if not a or not b or len(a) * len(b) > _LCS_CELLS:
        diffs.extend(dmp.diff_main("".join(a), "".join(b), False, deadline))
    else:
        join = "".join
        i0 = j0 = 0  # next unit of a and b not yet in the diff
        run = 0  # length of the run of common units ending at (i0, j0)
        for i, j in _lcs(a, b):
            if i == i0 and j == j0:  # continues the run of common units
                run += 1
                i0, j0 = i + 1, j + 1
                continue
            if run:
                diffs.append((0, join(a[i0 - run : i0])))
                run = 0
            if i > i0 and j > j0:
                diffs.extend(dmp.diff_main(join(a[i0:i]), join(b[j0:j]), False, deadline))
            elif i > i0:
                diffs.append((-1, join(a[i0:i])))
            else:
                diffs.append((1, join(b[j0:j])))
            run = 1
            i0, j0 = i + 1, j + 1
        if run:
            diffs.append((0, join(a[i0 - run : i0])))
        if i0 < len(a) and j0 < len(b):
            diffs.extend(dmp.diff_main(join(a[i0:]), join(b[j0:]), False, deadline))
        elif i0 < len(a):
            diffs.append((-1, join(a[i0:])))
        elif j0 < len(b):
            diffs.append((1, join(b[j0:])))
    if hi:
        diffs.append((0, encoded_old[n_old - hi :]))


# A word unit, read off the code points: whitespace tokens have whitespace code points.
_UNIT = re.compile(r"\S\s?|\s")


def _word_units(enc: _Encoder, tokens: list[str], encoded: str, start: int, end: int) -> list[str]:
    """encoded[start:end] (one code point per token) as word units: each token not whitespace
    together with one whitespace token right after it; other whitespace tokens stand alone."""
    if not enc.mixed:
        return _UNIT.findall(encoded, start, end)
    units = []
    i = start
    while i < end:
        if i + 1 < end and not tokens[i][0].isspace() and tokens[i + 1][0].isspace():
            units.append(encoded[i : i + 2])
            i += 2
        else:
            units.append(encoded[i])
            i += 1
    return units


def _lcs(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """A longest common subsequence of `a` and `b`: the matched index pairs, in order.

    Bit-parallel (Allison-Dix, in Hyyrö's form): for each item of `b` one row of the LCS table
    is computed as a bit vector over `a` with a few big-integer operations, which run in C at
    word speed: O(len(a) * len(b) / 64) machine operations, len(b) Python steps. The rows are
    kept (len(a) * len(b) bits, bounded by `_LCS_CELLS`) and the pairs are read back from the
    end: a set bit i of row j means the LCS of a[:i+1] and b[:j] is no longer than that of
    a[:i] and b[:j], so a[i] can be left out.
    """
    masks: dict[str, int] = {}
    get = masks.get
    for i, unit in enumerate(a):
        masks[unit] = get(unit, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    rows = [row]
    for unit in b:
        match = row & get(unit, 0)
        row = ((row + match) | (row - match)) & full
        rows.append(row)
    pairs = []
    i, j = len(a), len(b)
    while i and j:
        if (rows[j] >> (i - 1)) & 1:
            i -= 1
        elif a[i - 1] == b[j - 1]:
            i -= 1
            j -= 1
            pairs.append((i, j))
        else:
            j -= 1
    pairs.reverse()
    return pairs


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
    0x20,
    0x09,
    0x0B,
    0x0C,
    0x1C,
    0x1D,
    0x1E,
    0x1F,
    0x85,
    0xA0,
    0x1680,
    *range(0x2000, 0x200B),
    0x2028,
    0x2029,
    0x202F,
    0x205F,
    0x3000,
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

    __slots__ = ("codes", "tokens", "words", "mixed", "_line", "_space", "_word", "_other")

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}  # token -> code point
        self.tokens: dict[str, str] = {}  # code point -> token (or sentinel -> cut text)
        self.words: set[str] = set()  # code points of word tokens
        # True once a token got a code point of another class (whitespace or not), which
        # only happens when a pool runs out; `_word_units` then cannot go by code points.
        self.mixed = False
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
        self._add((token,))
        return self.codes[token]

    def _add(self, tokens: Iterable[str]) -> None:
        """Give each of `tokens` (not encoded yet) the next code point of its class, in order."""
        codes, back, words = self.codes, self.tokens, self.words
        word, space, line, other = self._word, self._space, self._line, self._other
        for token in tokens:
            first = token[0]
            if first.isalnum():
                pool = word
            elif first.isspace():
                pool = line if ("\n" in token or "\r" in token) else space
            elif len(token) > 1 and is_word(token):  # 's  -administratie
                pool = word
            else:
                pool = other
            try:
                code = chr(next(pool))
            except StopIteration:
                raise ValueError("too many distinct tokens to encode in one diff") from None
            codes[token] = code
            back[code] = token
            if pool is word:
                words.add(code)
            if code.isspace() != first.isspace():  # a pool ran out into another class
                self.mixed = True

    def encode(self, tokens: list[str]) -> str:
        codes = self.codes
        # new tokens get code points in order of first occurrence
        new = [token for token in dict.fromkeys(tokens) if token not in codes]
        if new:
            self._add(new)
        return "".join(map(codes.__getitem__, tokens))

    def sentinel(self, text: str, kind: str) -> str:
        """A code point standing for a whole stretch of common text (never a word)."""
        pool = {"space": self._space, "word": self._word, "other": self._other}[kind]
        try:
            code = chr(next(pool))
        except StopIteration:
            raise ValueError("too many distinct tokens to encode in one diff") from None
        self.tokens[code] = text
        return code
