"""The one XML parsing function of akkoordvc, hardened against hostile input.

No DTD is loaded, no entity is expanded, nothing is fetched from the network. Documents
that declare a DTD (the vehicle of XXE and "billion laughs") are refused before parsing,
as are files over the size limit. Malformed XML is reported with line and column.
"""

from __future__ import annotations

import os
import re

from lxml import etree

from ..errors import XMLInputError
from ..messages import Message
from . import formats
from .reading import read_input
from .strings import LINE_BREAK, NOT_XML, describe_char, one_line

#: Largest document accepted, in bytes. The largest real law in the test corpus is 0.9 MB.
MAX_BYTES = int(os.environ.get("AKKOORD_MAX_XML_BYTES", 16 * 1024 * 1024))
#: Deepest element nesting accepted; libxml2 enforces it while parsing (without XML_PARSE_HUGE).
MAX_DEPTH = 256

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SPLIT = Message("input.hint.split_xml")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def parse_bytes(data: bytes, source: str = "<input>") -> etree._Element:
    """Parse `data` as XML and return the root element; raise XMLInputError on anything unsafe or malformed."""
    if len(data) > MAX_BYTES:
        raise XMLInputError.keyed(
            "input.read.too_large", where=source, size=f"{len(data):,}", limit=f"{MAX_BYTES:,}", advice=_SPLIT
        )
    if data.startswith(_UTF16_BOMS) or data[:4] in (b"\x00<\x00?", b"<\x00?\x00"):
        raise XMLInputError.keyed("input.xml.utf16", where=source)
    match = _DOCTYPE.search(data)
    if match:
        line = data.count(b"\n", 0, match.start()) + 1
        raise XMLInputError.keyed("input.xml.doctype", where=f"{source}:{line}", kind=match.group(1).decode().upper())
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        kind = other_format(data, source)
        if kind is not None:
            raise XMLInputError(Message(f"model.not_xml.{kind}", path=source)) from None
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        message = one_line(exc.msg or str(exc))  # libxml2 may end a message with a newline
        message = re.sub(r", line \d+, column \d+$", "", message)
        plain = _plain_mistake(message)
        if plain is not None:
            shown = _line_of(data, line, column)
            raise XMLInputError(Message(plain, where=f"{source}:{line}:{column}", line=shown)) from None
        where = f"{source}:{line}:{column}"
        raise XMLInputError.keyed("input.xml.malformed", where=where, reason=_reason(message)) from None
    except ValueError as exc:  # e.g. unsupported encoding declarations
        raise XMLInputError.keyed("input.xml.unreadable", where=source, reason=one_line(str(exc))) from None
    if root is None:
        raise XMLInputError.keyed("input.xml.empty", where=source)
    return root


#: libxml2's words for the commonest mistakes in hand-edited XML -> the catalogue key that says them plainly
#: (the English text is libxml2's own)
_REASONS = tuple(
    (re.compile(pattern + "$"), f"input.xml.{key}")
    for pattern, key in (
        (r"Opening and ending tag mismatch: (?P<opened>\S+) line (?P<line>\d+) and (?P<closed>\S+)", "tag_mismatch"),
        (r"Premature end of data in tag (?P<opened>\S+) line (?P<line>\d+)", "unclosed"),
        (r"Couldn't find end of Start Tag (?P<opened>\S+) line (?P<line>\d+)", "start_tag_open"),
        (r"Extra content at the end of the document", "extra_content"),
        (r"Start tag expected, '<' not found", "no_start"),
        (r"Document is empty", "no_content"),
        (r"AttValue: \" or ' expected", "attribute_quote"),
        (r"Specification mandates value for attribute (?P<name>\S+)", "attribute_value"),
        (r"Attribute (?P<name>\S+) redefined", "attribute_twice"),
        (r"Entity '(?P<name>[^']+)' not defined", "unknown_entity"),
    )
)


def _reason(libxml_message: str) -> str | Message:
    """What is wrong, from libxml2's message: in the catalogue's words where it has them, else libxml2's."""
    if "Excessive depth" in libxml_message:
        return Message("input.xml.too_deep", depth=MAX_DEPTH)
    if "Huge input" in libxml_message or "huge" in libxml_message.lower():
        return Message("input.xml.too_huge")
    for pattern, key in _REASONS:
        found = pattern.match(libxml_message)
        if found:
            return Message(key, **found.groupdict())
    return libxml_message


#: what `formats.kind_of` finds -> the kind named in the message
_OTHER = {formats.DOCX: "word", formats.ODT: "odt", formats.MARKDOWN: "text"}


def other_format(data: bytes, name: str = "") -> str | None:
    """The kind of a file that is not XML at all but a format people often give instead: "word", "odt", "pdf" or
    "text" (Markdown or plain text); None when it may be XML (a mistake inside XML is reported as such)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "word"
    kind = formats.kind_of(data, name)
    if kind == formats.XML and name.lower().endswith(".txt") and not data.lstrip().startswith(b"<"):
        return "text"
    return _OTHER.get(kind)


#: libxml2's words for an unescaped & or < -> the catalogue key that says it plainly
_MISTAKES = (
    ("xmlParseEntityRef: no name", "model.bare_ampersand"),
    ("EntityRef: expecting ';'", "model.bare_ampersand"),
    ("StartTag: invalid element name", "model.bare_less_than"),
    ("Unescaped '<' not allowed in attributes values", "model.bare_less_than"),
)
#: how much of the line is quoted before and after the place of the mistake
_BEFORE, _AFTER = 40, 20


def _plain_mistake(libxml_message: str) -> str | None:
    return next((key for words, key in _MISTAKES if libxml_message.startswith(words)), None)


def _line_of(data: bytes, number: int, column: int) -> str:
    """Line `number` of `data` around `column`, on one line, with … where it is cut."""
    lines = data.split(b"\n")
    text = lines[number - 1].decode("utf-8", "replace") if 0 < number <= len(lines) else ""
    start, end = max(0, column - _BEFORE), column + _AFTER
    shown = one_line(text[start:end])
    return ("…" if start > 0 and text[:start].strip() else "") + shown + ("…" if text[end:].strip() else "")


def parse_file(path: str | os.PathLike[str]) -> etree._Element:
    """Read and parse the XML file at `path` (see `parse_bytes`)."""
    source = os.fspath(path)
    data = read_input(
        source,
        kind=Message("input.kind.xml"),
        error=XMLInputError,
        limit=MAX_BYTES,
        over_limit=_SPLIT,
    )
    return parse_bytes(data, source)


_XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def check_vocabulary(root: etree._Element, source: str = "<input>") -> etree._Element:
    """Refuse element and attribute names in an XML namespace (other than xml:): akkoord's vocabularies
    use none, and their canonical form cannot hold them. Returns `root`. (Foreign input such as a BWB law
    is checked by its importer instead.)"""
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue  # comments and processing instructions are removed by the parser
        if tag.startswith("{"):
            uri, name = tag[1:].split("}", 1)
            _foreign(source, element, Message("input.xml.foreign_element", name=name, uri=uri))
        for key in element.keys():
            if key.startswith("{") and not key.startswith(_XML_NS):
                uri, name = key[1:].split("}", 1)
                of = etree.QName(tag).localname
                _foreign(source, element, Message("input.xml.foreign_attribute", name=name, element=of, uri=uri))
    return root


def _foreign(source: str, element: etree._Element, what: Message) -> None:
    raise XMLInputError.keyed("input.xml.foreign", where=f"{source}:{element.sourceline or 0}", what=what)


def check_text(value: str | None, what: str, *, line: bool = False, limit: int | None = None) -> str | None:
    """Refuse `value` (an option such as --title) when akkoord could not store it in XML: a control character,
    a byte that is not UTF-8, a line break when `line` (one line of text), or more than `limit` characters.
    Returns `value`; None passes."""
    if value is None:
        return None
    bad = NOT_XML.search(value) or (LINE_BREAK.search(value) if line else None)
    if bad:
        raise XMLInputError.keyed("input.xml.unstorable", what=what, char=describe_char(bad.group()))
    if limit is not None and len(value) > limit:
        raise XMLInputError.keyed("input.xml.too_long", what=what, count=f"{len(value):,}", limit=f"{limit:,}")
    return value
