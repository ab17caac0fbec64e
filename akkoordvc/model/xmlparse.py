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
        message = exc.msg or str(exc)
        message = re.sub(r", line \d+, column \d+$", "", message)
        if "Excessive depth" in message:
            message = f"elements nested deeper than {MAX_DEPTH} levels are refused"
        elif "Huge input" in message or "huge" in message.lower():
            message = "a text node or name is too large and is refused"
        raise XMLInputError(f"{source}:{line}:{column}: malformed XML: {message}; fix the XML and retry") from None
    except ValueError as exc:  # e.g. unsupported encoding declarations
        raise XMLInputError(f"{source}: cannot read XML: {exc}") from None
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
    return parse_bytes(data, source)
