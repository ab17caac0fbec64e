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

#: Largest document accepted, in bytes. The largest real law in the test corpus is 0.9 MB.
MAX_BYTES = int(os.environ.get("AKKOORD_MAX_XML_BYTES", 16 * 1024 * 1024))
#: Deepest element nesting accepted; libxml2 enforces it while parsing (without XML_PARSE_HUGE).
MAX_DEPTH = 256

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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
        raise XMLInputError(
            f"{source}: file is {len(data):,} bytes, over the limit of {MAX_BYTES:,} bytes; "
            "split the document or raise AKKOORD_MAX_XML_BYTES"
        )
    if data.startswith(_UTF16_BOMS) or data[:4] in (b"\x00<\x00?", b"<\x00?\x00"):
        raise XMLInputError(f"{source}: file is UTF-16 encoded; save it as UTF-8 and retry")
    match = _DOCTYPE.search(data)
    if match:
        line = data.count(b"\n", 0, match.start()) + 1
        raise XMLInputError(
            f"{source}:{line}: document declares a DTD or entity (<!{match.group(1).decode().upper()}>), "
            "which is refused for safety; remove the declaration"
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        message = " ".join((exc.msg or str(exc)).split())  # libxml2 may end a message with a newline: one line
        message = re.sub(r", line \d+, column \d+$", "", message)
        if "Excessive depth" in message:
            message = f"elements nested deeper than {MAX_DEPTH} levels are refused"
        elif "Huge input" in message or "huge" in message.lower():
            message = "a text node or name is too large and is refused"
        raise XMLInputError(f"{source}:{line}:{column}: malformed XML: {message}; fix the XML and retry") from None
    except ValueError as exc:  # e.g. unsupported encoding declarations
        raise XMLInputError(f"{source}: cannot read XML: {' '.join(str(exc).split())}") from None
    if root is None:
        raise XMLInputError(f"{source}: no XML element found; the file is empty")
    return root


def parse_file(path: str | os.PathLike) -> etree._Element:
    """Read and parse the XML file at `path` (see `parse_bytes`)."""
    source = os.fspath(path)
    try:
        size = os.path.getsize(source)
        if size > MAX_BYTES:
            raise XMLInputError(
                f"{source}: file is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes; "
                "split the document or raise AKKOORD_MAX_XML_BYTES"
            )
        with open(source, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise XMLInputError(f"{source}: no such file; check the path") from None
    except IsADirectoryError:
        raise XMLInputError(f"{source}: is a directory, not an XML file") from None
    except PermissionError:
        raise XMLInputError(f"{source}: permission denied; check the file's permissions") from None
    except OSError as exc:  # e.g. a file name too long
        raise XMLInputError(f"{source}: cannot read: {exc.strerror or exc}; check the path") from None
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
            _foreign(source, element, f"element <{name}> is in the XML namespace {uri}")
        for key in element.keys():
            if key.startswith("{") and not key.startswith(_XML_NS):
                uri, name = key[1:].split("}", 1)
                _foreign(
                    source,
                    element,
                    f"attribute {name!r} of <{etree.QName(tag).localname}> is in the XML namespace {uri}",
                )
    return root


def _foreign(source: str, element: etree._Element, what: str) -> None:
    raise XMLInputError(
        f"{source}:{element.sourceline or 0}: {what}, which akkoord documents do not use; "
        "remove the namespace (xmlns) declaration and prefix"
    )


#: characters no XML document can hold: control characters other than tab and line ends, U+FFFE and U+FFFF,
#: and lone surrogates (how Python passes on bytes of a command line that are not UTF-8)
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")


def check_text(value: str | None, what: str, *, line: bool = False, limit: int | None = None) -> str | None:
    """Refuse `value` (an option such as --title) when akkoord could not store it in XML: a control character,
    a byte that is not UTF-8, a line break when `line` (one line of text), or more than `limit` characters.
    Returns `value`; None passes."""
    if value is None:
        return None
    bad = _NOT_XML_TEXT.search(value) or (_LINE_BREAK.search(value) if line else None)
    if bad:
        char = bad.group()
        if "\ud800" <= char <= "\udfff":
            kind = "bytes that are not UTF-8 text"
        elif _LINE_BREAK.fullmatch(char):
            kind = "a line break"
        else:
            kind = f"the control character U+{ord(char):04X}"
        raise XMLInputError(f"{what}: contains {kind}, which akkoord cannot store; remove it and retry")
    if limit is not None and len(value) > limit:
        raise XMLInputError(f"{what}: {len(value):,} characters, over the limit of {limit:,}; shorten it and retry")
    return value
