"""Tests for akkoordvc.ops.worddiff: exactness, token-boundary alignment, Dutch cases, bounds."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import bwb_files, needs_corpus
from hypothesis import given, settings
from hypothesis import strategies as st
from test_tokens import SEPARATORS, WORDS, anytext, dutchish

from akkoordvc.ops import worddiff
from akkoordvc.ops.tokens import is_word, nfc, strip_invisible, tokenize, visible
from akkoordvc.ops.worddiff import (
    DEFAULT_BOUND,
    Segment,
    WordDiff,
    diff_words,
    segments_text,
)


def redline(diff: WordDiff) -> str:
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in diff.segments)


def check(old: str, new: str, diff: WordDiff) -> None:
    """Every invariant the redline relies on."""
    old, new = nfc(old), nfc(new)
    segments = diff.segments
    # exact rebuild of both sides
    assert segments_text(segments, "old") == old
    assert segments_text(segments, "new") == new
    assert diff.old == old and diff.new == new
    # well-formed: known ops, no empty text, merged, deletion before insertion
    for op, text in segments:
        assert op in ("=", "-", "+") and text
    for (op1, _), (op2, _) in itertools.pairwise(segments):
        assert op1 != op2
        assert (op1, op2) != ("+", "-")
    assert diff.changed == (old != new)
    # every boundary is a token boundary, on both sides, except next to a change of invisible
    # characters only (shown in place inside its word); word counts match the tokens
    for side, keep, count in (
        (old, ("=", "-"), diff.words_deleted),
        (new, ("=", "+"), diff.words_inserted),
    ):
        token_ends = set(itertools.accumulate(map(len, tokenize(side, normalize=False)), initial=0))
        pos = 0
        invisible_before = False
        for op, text in segments:
            invisible = op != "=" and not strip_invisible(text)
            if op in keep:
                assert pos in token_ends or invisible or invisible_before
                pos += len(text)
            invisible_before = invisible
        assert pos == len(side) and (pos in token_ends or invisible_before)
        assert count == _words_in_changed_tokens(side, segments, keep)


def _words_in_changed_tokens(side: str, segments, keep) -> int:
    spans = []
    pos = 0
    for op, text in segments:
        if op in keep:
            if op != "=" and strip_invisible(text):
                spans.append((pos, pos + len(text)))
            pos += len(text)
    total = 0
    pos = 0
    for token in tokenize(side, normalize=False):
        if is_word(token) and any(a <= pos < b for a, b in spans):
            total += 1
        pos += len(token)
    return total


# ---------------------------------------------------------------------------------------
# strategies


@st.composite
def edited(draw, base=dutchish):
    """(old, new): new is old with a few token-level edits, sometimes inside long common text."""
    old_tokens = tokenize(draw(base))
    new_tokens = list(old_tokens)
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["replace", "insert", "delete"]))
        pos = draw(st.integers(0, len(new_tokens)))
        piece = draw(st.sampled_from(WORDS + SEPARATORS))
        if kind == "insert" or not new_tokens:
            new_tokens.insert(pos, piece)
        elif kind == "replace":
            new_tokens[min(pos, len(new_tokens) - 1)] = piece
        else:
            del new_tokens[min(pos, len(new_tokens) - 1)]
    old, new = "".join(old_tokens), "".join(new_tokens)
    if draw(st.booleans()):  # long common context, so the prefix/suffix cut is exercised
        before, after = draw(dutchish), draw(dutchish)
        old, new = before * 3 + old + after * 3, before * 3 + new + after * 3
    return old, new


pairs = st.one_of(
    edited(),
    edited(anytext),
    st.tuples(dutchish, dutchish),
    st.tuples(anytext, anytext),
    st.tuples(st.text(), st.text()),
)


# ---------------------------------------------------------------------------------------
# properties


@settings(max_examples=200, deadline=None)
@given(pairs)
def test_invariants(pair):
    old, new = pair
    check(old, new, diff_words(old, new))


@settings(max_examples=100, deadline=None)
@given(pairs)
def test_invariants_when_bounded(pair):
    old, new = pair
    diff = diff_words(old, new, max_tokens=3)
    check(old, new, diff)


@settings(max_examples=100, deadline=None)
@given(edited())
def test_invariants_without_prefix_cut(pair):
    """With the cut disabled (margin larger than any text) the whole texts are tokenized."""
    old, new = pair
    saved = worddiff._MARGIN
    worddiff._MARGIN = 10**9
    try:
        diff = diff_words(old, new)
    finally:
        worddiff._MARGIN = saved
    check(old, new, diff)


# ---------------------------------------------------------------------------------------
# explicit cases


def test_artikel_to_artikelen_replaces_the_whole_word():
    diff = diff_words("Het artikel geldt.", "Het artikelen geldt.")
    assert diff.segments == [
        ("=", "Het "),
        ("-", "artikel"),
        ("+", "artikelen"),
        ("=", " geldt."),
    ]
    assert redline(diff) == "Het [-artikel-]{+artikelen+} geldt."
    assert (diff.words_deleted, diff.words_inserted) == (1, 1)


def test_segments_are_segment_namedtuples():
    diff = diff_words("a b", "a c")
    assert all(isinstance(s, Segment) for s in diff.segments)
    assert diff.segments[0].op == "=" and diff.segments[0].text == "a "


def test_nbsp_instead_of_space_is_detected_and_visible():
    diff = diff_words("€ 1.000,-", "€\u00a01.000,-")
    assert diff.changed
    assert diff.segments == [("=", "€"), ("-", " "), ("+", "\u00a0"), ("=", "1.000,-")]
    assert (diff.words_deleted, diff.words_inserted) == (0, 0)
    assert visible(redline(diff)) == "€[- -]{+⟨NBSP⟩+}1.000,-"


def test_zero_width_insertion_is_detected():
    diff = diff_words("de koper", "de \u200bkoper")
    assert diff.segments == [("=", "de "), ("+", "\u200b"), ("=", "koper")]
    assert visible(diff.segments[1].text) == "⟨ZWSP⟩"


def test_soft_hyphen_is_shown_in_place_and_counts_no_words():
    diff = diff_words("de Horecawet geldt", "de Horeca\u00adwet geldt")
    assert redline(diff) == "de Horeca{+\u00ad+}wet geldt"
    assert (diff.words_inserted, diff.words_deleted) == (0, 0)
    # a real change next to it is still a change of the whole word
    diff = diff_words("de Horecawet geldt", "de Horeca\u00adwetten gelden")
    assert redline(diff) == "de [-Horecawet geldt-]{+Horeca\u00adwetten gelden+}"
    assert (diff.words_inserted, diff.words_deleted) == (2, 2)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("zo\u00adals", "zoals", "zo[-\u00ad-]als"),
        ("koop\u200dhuis en huur", "koophuis en huur", "koop[-\u200d-]huis en huur"),
        ("a\u00adb\u200dc", "a\u200cbc", "a[-\u00ad-]{+\u200c+}b[-\u200d-]c"),
    ],
)
def test_changes_of_invisible_characters_only_are_shown_in_place(old, new, expected):
    diff = diff_words(old, new)
    assert redline(diff) == expected
    assert (diff.words_inserted, diff.words_deleted) == (0, 0)
    check(old, new, diff)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("€ 1.000,- per maand", "€ 1.500,- per maand", "€ [-1.000,--]{+1.500,-+} per maand"),
        ("art. 7:201 BW", "art. 7:202 BW", "art. [-7:201-]{+7:202+} BW"),
        ("op 2019-11-09 getekend", "op 2019-11-10 getekend", "op [-2019-11-09-]{+2019-11-10+} getekend"),
        ("Drank- en Horecawet", "Drank- of Horecawet", "Drank- [-en-]{+of+} Horecawet"),
        ("land- en tuinbouw", "akker- en tuinbouw", "[-land--]{+akker-+} en tuinbouw"),
        ("'s avonds", "'s middags", "'s [-avonds-]{+middags+}"),
        ("de auto's", "de auto", "de [-auto's-]{+auto+}"),
        ("zie o.a. lid 2", "zie bijv. lid 2", "zie [-o.a.-]{+bijv.+} lid 2"),
        ("te 's-Hertogenbosch", "te 's-Gravenhage", "te [-'s-Hertogenbosch-]{+'s-Gravenhage+}"),
        ("het café sluit", "het cafe sluit", "het [-café-]{+cafe+} sluit"),
        ("de koper betaalt nu", "de huurder ontvangt nu", "de [-koper betaalt-]{+huurder ontvangt+} nu"),
        (
            "de koper en de verkoper",
            "de koper en de huurder en de verkoper",
            "de koper en de {+huurder en de +}verkoper",
        ),
        ("Ma.ak020", "Ma.ak021", "[-Ma.ak020-]{+Ma.ak021+}"),
    ],
)
def test_dutch_redlines(old, new, expected):
    diff = diff_words(old, new)
    assert redline(diff) == expected
    check(old, new, diff)


def test_word_counts():
    diff = diff_words("de koper betaalt € 100, nu", "de huurder betaalt nu")
    assert diff.words_deleted == 2  # koper, 100 (not €, not the comma)
    assert diff.words_inserted == 1  # huurder


def test_equal_and_empty_inputs():
    assert diff_words("", "").segments == []
    assert diff_words("abc", "abc").segments == [("=", "abc")]
    assert not diff_words("abc", "abc").changed
    assert diff_words("", "de koper").segments == [("+", "de koper")]
    assert diff_words("de koper", "").segments == [("-", "de koper")]
    assert diff_words("", "de koper").words_inserted == 2


def test_nfc_equivalent_inputs_are_equal():
    diff = diff_words("cafe\u0301", "café")
    assert diff.segments == [("=", "café")]


def test_worddiff_value_semantics():
    assert diff_words("a b", "a c") == diff_words("a b", "a c")
    assert diff_words("a b", "a c") != diff_words("a b", "a d")
    assert "words_inserted=1" in repr(diff_words("a b", "a c"))


def test_segments_text_rejects_unknown_side():
    with pytest.raises(ValueError):
        segments_text([], "left")


def test_long_text_with_one_change_uses_the_cut_and_stays_exact():
    before = "In dit artikel wordt verstaan onder de koper: de partij die koopt. " * 50
    after = " De verkoper levert binnen 14 dagen, t.b.v. de koper. " * 50
    old = before + "De prijs bedraagt € 1.000,- per maand." + after
    new = before + "De prijs bedraagt € 1.250,- per maand." + after
    diff = diff_words(old, new)
    check(old, new, diff)
    assert [op for op, _ in diff.segments] == ["=", "-", "+", "="]
    assert diff.segments[1:3] == [("-", "1.000,-"), ("+", "1.250,-")]


# ---------------------------------------------------------------------------------------
# bound


def test_bound_flag():
    old = " ".join(f"w{i}" for i in range(300))
    new = old.replace("w150", "x150")
    assert not diff_words(old, new).bounded
    assert diff_words(old, new, max_tokens=100).bounded is False  # changed span is small
    wide_new = " ".join(f"x{i}" for i in range(300))
    bounded = diff_words(old, wide_new, max_tokens=50)
    assert bounded.bounded
    check(old, wide_new, bounded)
    assert not diff_words(old, wide_new, max_tokens=None).bounded
    assert DEFAULT_BOUND >= 10_000


def test_giant_dissimilar_input_is_bounded_and_exact():
    old = " ".join(f"a{i}" for i in range(15_000))
    new = " ".join(f"b{i}" for i in range(15_000))
    diff = diff_words(old, new, max_tokens=10_000)
    assert diff.bounded
    assert diff.old == old and diff.new == new


def test_safety_deadline_stops_quadratic_diffs(monkeypatch):
    old = " ".join(f"a{i % 50}" for i in range(1500))
    new = " ".join(f"b{i % 50}" for i in range(1500))
    monkeypatch.setattr(worddiff, "SAFETY_TIMEOUT", 0.05)
    diff = diff_words(old, new)
    assert diff.bounded
    check(old, new, diff)
    assert not diff_words("de koper", "de huurder").bounded


# ---------------------------------------------------------------------------------------
# encoder


def test_encoder_beyond_the_bmp_without_surrogates():
    enc = worddiff._Encoder()
    tokens = [f"w{i}" for i in range(70_000)] + [f"{i}%" for i in range(1000)] + ["\n", " ", "\n\n"]
    encoded = enc.encode(tokens)
    assert len(encoded) == len(tokens)
    assert len(set(encoded)) == len(tokens)  # unique per distinct token
    assert not any(0xD800 <= ord(c) < 0xE000 for c in encoded)
    assert any(ord(c) > 0xFFFF for c in encoded)
    assert [enc.tokens[c] for c in encoded] == tokens
    assert enc.encode(tokens[:10]) == encoded[:10]  # stable within one encoder


def test_encoder_mirrors_token_classes():
    enc = worddiff._Encoder()
    word, space, line, comma, clitic = enc.encode(["koper", " ", "\n", ",", "'s"])
    assert word.isalnum() and clitic.isalnum()
    assert space.isspace() and space not in "\r\n"
    assert line == "\n"
    assert not comma.isalnum() and not comma.isspace()
    assert enc.words == {word, clitic}


def test_space_pool_is_whitespace_without_line_breaks():
    assert all(chr(cp).isspace() for cp in worddiff._SPACES)
    assert len(set(worddiff._SPACES)) == len(worddiff._SPACES)
    assert not set(worddiff._SPACES) & set(worddiff._LINEBREAKS)


def test_fallback_pool_is_disjoint_from_primary_pools():
    primary = set(worddiff._SPACES) | set(worddiff._LINEBREAKS)
    for lo, hi in worddiff._WORD_RANGES + worddiff._OTHER_RANGES:
        primary.update(range(lo, hi))
    first = list(itertools.islice(worddiff._fallback(), 5000))
    assert not primary.intersection(first)
    assert not any(0xD800 <= cp < 0xE000 for cp in first)
    assert 0 not in first
    total = len(primary) + sum(1 for _ in worddiff._fallback())
    assert total == 0x110000 - 0x800 - 1  # every code point but surrogates and NUL


# ---------------------------------------------------------------------------------------
# many clauses (timings belong in bench/, not here)


def test_many_clauses_with_small_edits():
    sentence = (
        "Indien de huurder na ingebrekestelling tekortschiet in de nakoming van zijn "
        "verplichtingen uit art. 7:201 BW, o.a. de betaling van € 1.000,- per maand, is de "
        "verhuurder bevoegd de overeenkomst te ontbinden. "
    )
    clauses = [f"{i}. " + sentence * 15 for i in range(170)]  # ~3 KB each
    edited_clauses = list(clauses)
    for i in (3, 80, 150):
        edited_clauses[i] = edited_clauses[i].replace("huurder", "pachter", 1)
    diff_words(clauses[0], edited_clauses[0])  # warm up
    diffs = [diff_words(a, b) for a, b in zip(clauses, edited_clauses, strict=True)]
    assert sum(d.changed for d in diffs) == 3
    assert sum(d.words_inserted for d in diffs) == 3


@needs_corpus
def test_consecutive_law_versions():
    """Real text: two versions of a BWB law, clause by clause (tags stripped crudely)."""
    files = bwb_files("BWBR0002458")[:2]
    if len(files) < 2:
        pytest.skip("need two versions of BWBR0002458")

    def clauses(path):
        xml = path.read_text(encoding="utf-8")
        return [re.sub(r"<[^>]+>", " ", c) for c in re.findall(r"<artikel\b.*?</artikel>", xml, re.S)]

    old, new = clauses(files[0]), clauses(files[1])
    assert old and new
    changed = 0
    for a, b in zip(old, new, strict=False):
        diff = diff_words(a, b)
        check(a, b, diff)
        changed += diff.changed
    assert changed


# ---------------------------------------------------------------------------------------
# the word-level engine and windows (exactness; timings belong in bench/)


def _lcs_length(a, b):
    """Textbook dynamic programme, for checking."""
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b):
            current = row[j + 1]
            row[j + 1] = previous + 1 if x == y else max(row[j + 1], row[j])
            previous = current
    return row[-1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=40), st.lists(st.sampled_from("abcdef"), max_size=40))
def test_lcs_is_a_longest_common_subsequence(a, b):
    pairs = worddiff._lcs(a, b)
    assert len(pairs) == _lcs_length(a, b)
    assert all(a[i] == b[j] for i, j in pairs)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in itertools.pairwise(pairs))


def _long_text(seed: int, sentences: int = 60) -> str:
    import random

    rng = random.Random(seed)
    words = [w for w in WORDS if w.strip()]
    return " ".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(8, 25))) + rng.choice([".", ";", ":"])
        for _ in range(sentences)
    )


def _scatter(text: str, seed: int, edits: int = 5) -> str:
    import random

    rng = random.Random(seed)
    words = text.split(" ")
    for k in rng.sample(range(len(words)), edits):
        words[k] = rng.choice(["huurder", "verhuurder", "€ 1.500,-", "art. 7:202", "ten\u00a0minste"])
    return " ".join(words)


@pytest.mark.parametrize("seed", range(6))
def test_windowed_diff_equals_the_diff_in_one_piece(seed, monkeypatch):
    old = _long_text(seed)
    new = _scatter(old, seed)
    assert worddiff._windows(old, new) is not None  # the long span is split into windows
    windowed = diff_words(old, new)
    check(old, new, windowed)
    monkeypatch.setattr(worddiff, "_WINDOWED", 10**9)
    assert diff_words(old, new) == windowed


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 12))
def test_invariants_of_long_texts_with_scattered_edits(seed, edits):
    old = _long_text(seed, 40)
    new = _scatter(old, seed + 1, edits)
    check(old, new, diff_words(old, new))


def test_word_level_diff_keeps_a_changed_space_apart_from_its_word():
    """Above the small-input size the diff goes by word units first; a unit whose word stays
    but whose space becomes an NBSP is refined token by token."""
    base = " ".join(f"woord{i}" for i in range(200))
    new = base.replace("woord50 ", "woord50\u00a0").replace("woord150", "woord150a")
    diff = diff_words(base, new)
    check(base, new, diff)
    assert ("-", " ") in diff.segments and ("+", "\u00a0") in diff.segments
    assert ("-", "woord150") in diff.segments and ("+", "woord150a") in diff.segments
