"""Tests for akkoordvc.ops.tokens: the Dutch-aware tokenizer and the invisible-character helpers."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akkoordvc.ops.tokens import (
    ABBREVIATIONS,
    INVISIBLE_NAMES,
    ORDINARY_SPACE,
    has_invisible,
    is_space,
    is_word,
    nfc,
    tokenize,
    visible,
)

# ---------------------------------------------------------------------------------------
# generated texts (shared with test_worddiff)

WORDS = [
    "artikel",
    "artikelen",
    "de",
    "het",
    "een",
    "koper",
    "verkoper",
    "huurder",
    "lid",
    "sub",
    "a",
    "b",
    "1",
    "2",
    "10",
    "café",
    "coördinatie",
    "naïef",
    "één",
    "reëel",
    "Horecawet",
    "Drank-",
    "land-",
    "tuinbouw",
    "en",
    "of",
    "e-mail",
    "B&W",
    "Ma.ak020",
    "Ma.akbanken",
    "auto's",
    "zo'n",
    "z'n",
    "auto’s",
    "'s-Hertogenbosch",
    "'s",
    "’s",
    "avonds",
    "art.",
    "Art.",
    "o.a.",
    "e.d.",
    "bijv.",
    "t.b.v.",
    "m.b.t.",
    "z.g.",
    "nr.",
    "jo.",
    "Stb.",
    "i.v.m.",
    "3.1",
    "1.000,-",
    "€",
    "7:201",
    "2019-11-09",
    "1–10%",
    "6:162a",
    "-administratie",
    "Hoger\u00adop",
    "zo\u200dals",
]
SEPARATORS = [
    " ",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "",
    ", ",
    ". ",
    "; ",
    ": ",
    " (",
    ") ",
    "'",
    "-",
    "–",
    ".",
    "\u00a0",
    "\u202f",
    "\u2007",
    "\u200b",
    "\u00ad",
    "\u200e",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u2060",
]

dutchish = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda pairs: "".join(word + sep for word, sep in pairs)
)

# any text, with extra weight on the characters the tokenizer treats specially
special = st.sampled_from(list(ORDINARY_SPACE) + list(INVISIBLE_NAMES) + list(".,:-'’&/–\u0301"))
anytext = st.lists(st.one_of(st.characters(), special, st.sampled_from(WORDS)), max_size=60).map("".join)

# ---------------------------------------------------------------------------------------
# Dutch cases


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Drank- en Horecawet", ["Drank-", " ", "en", " ", "Horecawet"]),
        ("land- en tuinbouw", ["land-", " ", "en", " ", "tuinbouw"]),
        ("bedrijfsvoering en -administratie", ["bedrijfsvoering", " ", "en", " ", "-administratie"]),
        ("€ 1.000,-", ["€", " ", "1.000,-"]),
        ("€\u00a01.000,--", ["€", "\u00a0", "1.000,--"]),
        ("1.000,00 en 3,5%", ["1.000,00", " ", "en", " ", "3,5", "%"]),
        ("artikel 3.1.", ["artikel", " ", "3.1", "."]),
        ("art. 7:201 BW", ["art.", " ", "7:201", " ", "BW"]),
        ("art. 6:162a BW.", ["art.", " ", "6:162a", " ", "BW", "."]),
        ("op 2019-11-09,", ["op", " ", "2019-11-09", ","]),
        ("1–10%", ["1", "–", "10", "%"]),
        ("Kamerstukken 2019/20", ["Kamerstukken", " ", "2019/20"]),
        ("Art.5", ["Art.", "5"]),
        (
            "o.a. e.d. bijv. t.b.v. m.b.t. z.g. nr. jo. Stb. i.v.m.",
            [
                "o.a.",
                " ",
                "e.d.",
                " ",
                "bijv.",
                " ",
                "t.b.v.",
                " ",
                "m.b.t.",
                " ",
                "z.g.",
                " ",
                "nr.",
                " ",
                "jo.",
                " ",
                "Stb.",
                " ",
                "i.v.m.",
            ],
        ),
        ("De B.V. en J.P. Balkenende", ["De", " ", "B.V.", " ", "en", " ", "J.P.", " ", "Balkenende"]),
        ("Einde. Begin", ["Einde", ".", " ", "Begin"]),
        ("Start. lid a.", ["Start", ".", " ", "lid", " ", "a", "."]),
        ("'s-Hertogenbosch", ["'s-Hertogenbosch"]),
        ("’s-Gravenhage", ["’s-Gravenhage"]),
        ("'s avonds", ["'s", " ", "avonds"]),
        ("’s avonds 't is", ["’s", " ", "avonds", " ", "'t", " ", "is"]),
        ("auto's zo'n z'n auto’s", ["auto's", " ", "zo'n", " ", "z'n", " ", "auto’s"]),
        ("'sociaal' en ‘citaat’", ["'", "sociaal", "'", " ", "en", " ", "‘", "citaat", "’"]),
        ("Ma.ak020 Ma.akbanken", ["Ma.ak020", " ", "Ma.akbanken"]),
        ("e-mail B&W", ["e-mail", " ", "B&W"]),
        ("het 18-jarige kind", ["het", " ", "18-jarige", " ", "kind"]),
        (
            "café één coördinatie naïef reëel Curaçao",
            ["café", " ", "één", " ", "coördinatie", " ", "naïef", " ", "reëel", " ", "Curaçao"],
        ),
        ("(zie lid 2)", ["(", "zie", " ", "lid", " ", "2", ")"]),
        ("a  \n\tb", ["a", "  \n\t", "b"]),
    ],
)
def test_dutch_cases(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize("abbr", ABBREVIATIONS)
def test_every_listed_abbreviation_is_one_token(abbr):
    assert tokenize(f"zie {abbr}. 3") == ["zie", " ", f"{abbr}.", " ", "3"]
    capital = abbr[0].upper() + abbr[1:]
    assert tokenize(f"{capital}. 3")[0] == f"{capital}."


def test_abbreviation_only_as_a_whole_word():
    assert tokenize("Start.") == ["Start", "."]  # 'art' inside a word is not 'art.'
    assert tokenize("artikel.") == ["artikel", "."]
    assert tokenize("bijv.de") == ["bijv.de"]  # followed by a letter: a dotted word instead


def test_nfc_is_applied():
    decomposed = "cafe\u0301 e\u0308e\u0301n"
    assert tokenize(decomposed) == ["café", " ", "ëén"]
    assert "".join(tokenize(decomposed)) == unicodedata.normalize("NFC", decomposed)
    assert tokenize(decomposed, normalize=False) == ["cafe\u0301", " ", "e\u0308e\u0301n"]


def test_combining_mark_without_precomposed_form_stays_in_word():
    assert tokenize("q\u0301x y") == ["q\u0301x", " ", "y"]


# ---------------------------------------------------------------------------------------
# invisible characters


def test_special_spaces_are_tokens_of_their_own():
    assert tokenize("a\u00a0b") == ["a", "\u00a0", "b"]
    assert tokenize("a \u00a0 b") == ["a", " ", "\u00a0", " ", "b"]
    assert tokenize("a\u202f\u2007b") == ["a", "\u202f", "\u2007", "b"]
    assert tokenize("a\u00a0b") != tokenize("a b")


@pytest.mark.parametrize(
    "char",
    [
        "\u200b",
        "\ufeff",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
    ],
)
def test_zero_width_and_bidi_controls_are_kept_as_tokens(char):
    assert tokenize(f"a{char}b") == ["a", char, "b"]
    assert tokenize(f"a {char} b") == ["a", " ", char, " ", "b"]


@pytest.mark.parametrize("char", ["\u00ad", "\u200c", "\u200d", "\u2060"])
def test_joiners_and_soft_hyphen_stay_inside_the_word(char):
    assert tokenize(f"Horeca{char}wet geldt") == [f"Horeca{char}wet", " ", "geldt"]


def test_visible_names_every_invisible_character():
    for char, name in INVISIBLE_NAMES.items():
        assert visible(f"a{char}b") == f"a⟨{name}⟩b"
        assert has_invisible(f"x{char}")
    assert visible("a\u00a0b") == "a⟨NBSP⟩b"
    assert visible("\u200b\u200e\u00ad") == "⟨ZWSP⟩⟨LRM⟩⟨SHY⟩"
    for name in (
        "NBSP",
        "NNBSP",
        "FIGSP",
        "SHY",
        "ZWSP",
        "ZWNJ",
        "ZWJ",
        "WJ",
        "BOM",
        "LRM",
        "RLM",
        "LRE",
        "RLE",
        "PDF",
        "LRO",
        "RLO",
        "LRI",
        "RLI",
        "FSI",
        "PDI",
    ):
        assert name in INVISIBLE_NAMES.values()


def test_visible_leaves_ordinary_text_alone():
    text = "Drank- en Horecawet, art. 3 lid 1\n\t€ 1.000,- café"
    assert visible(text) == text
    assert not has_invisible(text)


# ---------------------------------------------------------------------------------------
# classification


def test_is_word_and_is_space():
    for token in ["artikel", "1.000,-", "'s", "-administratie", "Drank-", "é", "7:201"]:
        assert is_word(token), token
    for token in [" ", ",", "€", "%", "\u00a0", "\u200b", "_", "–", "\u00ad"]:
        assert not is_word(token), token
    for token in [" ", "\n\t ", "\u00a0", "\u202f"]:
        assert is_space(token)
    for token in ["a", ",", "\u200b"]:
        assert not is_space(token)


# ---------------------------------------------------------------------------------------
# properties


@settings(max_examples=200, deadline=None)
@given(st.one_of(dutchish, anytext, st.text()))
def test_concatenation_is_exactly_the_nfc_text(text):
    tokens = tokenize(text)
    assert "".join(tokens) == nfc(text)
    assert all(tokens)


@settings(max_examples=200, deadline=None)
@given(st.one_of(dutchish, anytext))
def test_whitespace_tokens_are_pure(text):
    for token in tokenize(text):
        if any(c in ORDINARY_SPACE for c in token):
            assert all(c in ORDINARY_SPACE for c in token), repr(token)
        elif token.isspace():
            assert len(token) == 1


@settings(max_examples=200, deadline=None)
@given(st.one_of(dutchish, anytext))
def test_locality_cut_after_whitespace(text):
    """The property the word diff relies on to skip common text without tokenizing it."""
    text = nfc(text)
    whole = tokenize(text, normalize=False)
    for p in range(1, len(text)):
        if text[p - 1] in ORDINARY_SPACE and text[p] not in ORDINARY_SPACE:
            assert tokenize(text[:p], normalize=False) + tokenize(text[p:], normalize=False) == whole


@pytest.mark.parametrize("word", [w for w in WORDS if w != "1–10%"])
def test_generator_words_are_single_tokens_between_spaces(word):
    assert tokenize(f"x {word} y") == ["x", " ", word, " ", "y"]


def test_module_imports_only_stdlib_and_dmp():
    code = (
        "import sys, akkoordvc.ops.tokens, akkoordvc.ops.worddiff\n"
        "bad = [m for m in ('lxml', 'git', 'click') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
