"""Rules for plain strings that every layer shares: characters XML cannot hold, whitespace, slugs.

XML 1.0 cannot hold control characters other than tab and line ends, U+FFFE and U+FFFF; lone
surrogates are how Python passes on bytes of a command line or file name that are not UTF-8, and
cannot be written as UTF-8 at all. XML whitespace is space, tab, CR and LF only: a no-break space
is content and stays.
"""

from __future__ import annotations

import re
import unicodedata

from ..messages import Message

_NOT_XML_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_LINE_BREAK_CHARS = "\n\r\x85\u2028\u2029"

#: a character no XML document can hold (see the module docstring)
NOT_XML = re.compile(f"[{_NOT_XML_CHARS}]")
#: a line break, in any of the forms a terminal or editor shows as one
LINE_BREAK = re.compile(f"[{_LINE_BREAK_CHARS}]")
#: what one line of a record (a git author, a name) cannot hold: the above, a tab, or DEL
NOT_ONE_LINE = re.compile(f"[{_NOT_XML_CHARS}{_LINE_BREAK_CHARS}\t\x7f]")
#: a run of XML whitespace
XML_SPACE = re.compile(r"[ \t\r\n]+")
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")


def describe_char(char: str) -> Message:
    """What an unstorable character is, for a message: "a line break", "the control character U+0007", or
    "bytes that are not UTF-8 text" (a lone surrogate)."""
    if "\ud800" <= char <= "\udfff":
        return Message("input.char.not_utf8")
    if LINE_BREAK.fullmatch(char):
        return Message("input.char.line_break")
    return Message("input.char.control", code=f"{ord(char):04X}")


def replace_not_xml(text: str, replacement: str = "\ufffd") -> str:
    """`text` with every character XML cannot hold replaced (by U+FFFD unless told otherwise)."""
    return NOT_XML.sub(replacement, text)


def collapse(text: str) -> str:
    """Runs of XML whitespace (space, tab, CR, LF) as one space; other spaces (NBSP) stay."""
    return XML_SPACE.sub(" ", text)


def normalize_space(text: str | None) -> str:
    """`collapse`d and trimmed of spaces at both ends; None gives ""."""
    if not text:
        return ""
    if "\n" not in text and "  " not in text and "\t" not in text and "\r" not in text:
        return text.strip(" ")  # nothing to collapse (the common case)
    # The same as collapse(text).strip(" "), in C: tab, CR and LF become spaces,
    # and splitting at single spaces leaves runs and both ends as empty parts.
    if "\n" in text:
        text = text.replace("\n", " ")
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\r" in text:
        text = text.replace("\r", " ")
    return " ".join([part for part in text.split(" ") if part])


def one_line(text: str) -> str:
    """`text` on one line: every run of whitespace of any kind (line breaks too) as one space, trimmed.

    For messages that quote what a library or a user said."""
    return " ".join(text.split())


def slug(text: str, limit: int = 48) -> str:
    """Lowercase ASCII words joined by '-', whole words only up to `limit` characters; "" when none.

    "Prijs en betaling" -> "prijs-en-betaling". A first word longer than `limit` is cut at `limit`."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out = ""
    for word in _SLUG_UNSAFE.split(folded):
        if not word:
            continue
        candidate = f"{out}-{word}" if out else word[:limit]
        if len(candidate) > limit:
            break
        out = candidate
    return out
