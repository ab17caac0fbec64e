"""Dutch-aware tokenizer: the unit of change for the redline.

What: `tokenize(text)` splits a text (after Unicode NFC) into tokens whose concatenation is
exactly the NFC text. Every character belongs to exactly one token: words and numbers,
whitespace runs, and single punctuation characters are all tokens.

Why: the word diff (`akkoordvc.ops.worddiff`) compares token sequences, so token boundaries
are the only places where a change can start or end. A change therefore never splits a word,
and the tokenizer decides what "a word" is for Dutch legal text:

* numbers stay whole: ``3.1``, ``1.000,-``, ``1.000,00``, ``7:201``, ``6:162a``, ``2019-11-09``
  (``€`` and ``%`` are tokens of their own; an en dash in ``1–10%`` separates two numbers);
* abbreviations keep their dots: a closed list of common legal abbreviations (``art.``,
  ``bijv.``, ``nr.``, ``jo.``, ``Stb.`` ...) plus the general initialism pattern
  letter-dot-letter-dot (``o.a.``, ``t.b.v.``, ``m.b.t.``, ``i.v.m.``, ``B.V.``);
* apostrophes and hyphens inside words: ``auto's``, ``zo'n``, ``z'n``, ``'s-Hertogenbosch``,
  ``'s`` (as in ``'s avonds``), ``'t``, ``'n``, ``e-mail``, ``B&W`` (straight ``'`` or
  typographic ``’``);
* a dangling hyphen belongs to its word (``Drank-`` in ``Drank- en Horecawet``), as does a
  leading one (``-administratie`` in ``bedrijfsvoering en -administratie``);
* internal dots join (``Ma.ak020``, ``wetten.overheid.nl``); a sentence-final dot does not;
* soft hyphen, ZWJ, ZWNJ, word joiner and combining marks are part of the word they sit in,
  so inserting a soft hyphen replaces that word rather than splitting it.

Whitespace: runs of ordinary whitespace (space, tab, CR, LF, FF, VT) are one token; every
other whitespace character (NBSP U+00A0, U+202F, U+2007, thin space, ...) is a token of its
own, so replacing a space by an NBSP is a visible change. Zero-width and bidi control
characters are single-character tokens and are never dropped. `visible()` renders all of these
as ``⟨NBSP⟩``, ``⟨ZWSP⟩``, ``⟨LRM⟩`` ... for display.

Complexity: one compiled regular expression, one `findall` pass: O(n) in the text length
(every alternative is anchored and bounded to the current run of non-whitespace); about
0.1 µs per character (20 ms for the 210 KB of text of a 900 KB BWB law).

Locality (relied on by the word diff to skip unchanged text without tokenizing it): if
``text[p-1]`` is ordinary whitespace and ``text[p]`` is not, then
``tokenize(text) == tokenize(text[:p]) + tokenize(text[p:])``. No token spans ordinary
whitespace except a whitespace run, no look-ahead reads past the first ordinary whitespace
character, and look-behinds read one character and treat whitespace like the start of the
text.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ABBREVIATIONS",
    "INVISIBLE_NAMES",
    "ORDINARY_SPACE",
    "has_invisible",
    "is_space",
    "is_word",
    "nfc",
    "strip_invisible",
    "tokenize",
    "visible",
]

#: Single-segment abbreviations kept whole with their final dot. The first letter may be
#: upper or lower case (``Art.`` at the start of a sentence); the rest is matched exactly.
#: Multi-letter initialisms like ``o.a.`` or ``t.b.v.`` need no entry: the general
#: letter-dot-letter-dot pattern covers them.
ABBREVIATIONS: tuple[str, ...] = (
    "aant",
    "afd",
    "ann",
    "art",
    "artt",
    "bijl",
    "bijv",
    "blz",
    "ca",
    "cf",
    "cfr",
    "dhr",
    "dr",
    "drs",
    "enz",
    "etc",
    "evt",
    "excl",
    "hfdst",
    "incl",
    "ir",
    "jl",
    "jo",
    "m.nt",
    "mevr",
    "mld",
    "mln",
    "mr",
    "mrd",
    "mrs",
    "nl",
    "nr",
    "nrs",
    "pag",
    "par",
    "prof",
    "Rb",
    "resp",
    "Stb",
    "Stcrt",
    "Trb",
    "vgl",
    "vlg",
    "zgn",
)

#: Ordinary whitespace: runs of these form one token. Other whitespace is one token per char.
ORDINARY_SPACE = " \t\n\r\f\v"

#: Characters that render invisibly (or look like a plain space) and their display names.
INVISIBLE_NAMES: dict[str, str] = {
    # non-breaking and special spaces
    "\u00a0": "NBSP",
    "\u202f": "NNBSP",
    "\u2007": "FIGSP",
    "\u2009": "THSP",
    "\u200a": "HSP",
    "\u2028": "LSEP",
    "\u2029": "PSEP",
    # soft hyphen and zero-width characters
    "\u00ad": "SHY",
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u2060": "WJ",
    "\ufeff": "BOM",
    # bidirectional controls
    "\u061c": "ALM",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}

# ---------------------------------------------------------------------------------------
# The token pattern. Only non-capturing groups, so `findall` returns whole matches.

# Characters that make up a word: \w (letters, digits, underscore) plus characters that
# live inside words without being letters: soft hyphen, ZWNJ, ZWJ, word joiner, and the
# combining-mark blocks (for letters without a precomposed NFC form).
_WORDCHARS = (
    r"\w\u00AD\u200C\u200D\u2060"
    r"\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F"
)
_W = rf"[{_WORDCHARS}]+"
_LETTER = r"[^\W\d_]"
_APOS = "'\u2019"

# Joins after a word run: hyphen, dot, ampersand, apostrophe between word runs
# (e-mail, Ma.ak020, B&W, auto's); comma, colon, slash between digits (1.000,00 7:201 2019/12).
_CONT = rf"(?:[-.&{_APOS}]{_W}|(?<=\d)[,:/](?=\d){_W})*"
# Tails: the Dutch whole-euro suffix (1.000,- 1.000,-- 1.000,=) or a dangling hyphen (Drank-).
_TAIL = r"(?:(?<=\d),(?:--?|[\u2013\u2014=])(?![\w-])|-(?![\w-]))?"


def _abbreviation_alternatives() -> str:
    alts = []
    for abbr in sorted(ABBREVIATIONS, key=len, reverse=True):
        first = abbr[0]
        head = f"[{first.upper()}{first.lower()}]" if first.isalpha() else re.escape(first)
        alts.append(head + re.escape(abbr[1:]))
    return "|".join(alts)


_TOKEN_PATTERN = "|".join(
    [
        # 1. a run of ordinary whitespace (first: the most frequent token, cheapest test)
        r"[ \t\n\r\f\v]+",
        # fast path, same result as the general rules below: a plain alphanumeric word
        # followed by whitespace can be nothing but itself.
        r"[^\W_]+(?=[ \t\n\r\f\v])",
        # 2. abbreviations with their final dot: the closed list, or an initialism
        #    letter-dot-letter-dot... (o.a. t.b.v. m.b.t. B.V.). The leading look-ahead
        #    (a letter, then a dot within five characters) is a cheap guard that lets
        #    ordinary words skip the long alternation: it halves tokenizing time.
        rf"(?={_LETTER}[\w.]{{0,4}}\.)(?<!\w)"
        rf"(?:(?:{_abbreviation_alternatives()})\.(?!{_LETTER})|(?:{_LETTER}\.){{2,}}(?!{_LETTER}))",
        # 3. clitics 's 't 'n, optionally hyphenated on ('s-Hertogenbosch);
        # 4. a word with a leading hyphen (en -administratie);
        # 5. words and numbers; all three with internal joins and tails. (Written as one
        #    alternative with the joins and tails once: they can always match empty, so this
        #    is the same as three alternatives in this order, and compiling the large word
        #    character class three times fewer keeps the first use of `tokenize` cheap.)
        rf"(?:[{_APOS}][sStTnN](?![\w{_APOS}])|(?:(?<![\w-])-(?={_LETTER}))?{_W}){_CONT}{_TAIL}",
        # 6. any other whitespace (NBSP, NNBSP, figure space, ...): one char each
        r"\s",
        # 7. anything else: one char (punctuation, symbols, zero-width and bidi controls)
        r".",
    ]
)

_TOKEN_RE: re.Pattern[str] | None = None  # compiled on first use: keeps the import cheap
_ALNUM_RE = re.compile(r"[^\W_]")
_INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE_NAMES) + "]")
_VISIBLE_TABLE = {ord(ch): f"\u27e8{name}\u27e9" for ch, name in INVISIBLE_NAMES.items()}


def nfc(text: str) -> str:
    """Unicode NFC of `text` (cheap when already NFC: quick-check in C)."""
    return unicodedata.normalize("NFC", text)


def tokenize(text: str, *, normalize: bool = True) -> list[str]:
    """Split `text` into tokens; ``"".join(tokenize(t)) == nfc(t)``.

    `normalize=False` skips NFC for callers that already normalized (the concatenation is
    then exactly `text`). O(n).
    """
    if normalize:
        text = unicodedata.normalize("NFC", text)
    return (_TOKEN_RE or _compile()).findall(text)


def _compile() -> re.Pattern[str]:
    global _TOKEN_RE
    _TOKEN_RE = re.compile(_TOKEN_PATTERN, re.DOTALL)
    return _TOKEN_RE


def is_word(token: str) -> bool:
    """True for word and number tokens (a token holding at least one letter or digit)."""
    return _ALNUM_RE.search(token) is not None


def is_space(token: str) -> bool:
    """True for whitespace tokens (ordinary runs and single special spaces such as NBSP)."""
    return token.isspace()


def has_invisible(text: str) -> bool:
    """True if `text` holds a character that `visible()` would rename."""
    return _INVISIBLE_RE.search(text) is not None


def strip_invisible(text: str) -> str:
    """`text` without the characters `visible()` would rename (what a reader sees, spaces aside)."""
    return _INVISIBLE_RE.sub("", text) if _INVISIBLE_RE.search(text) else text


def visible(text: str) -> str:
    """`text` with invisible and look-alike characters rendered by name, e.g. ``⟨NBSP⟩``.

    The names come from `INVISIBLE_NAMES`; all other characters pass through unchanged.
    For display only: the result is not the original text.
    """
    return text.translate(_VISIBLE_TABLE)
