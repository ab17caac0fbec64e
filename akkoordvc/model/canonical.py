"""The one canonical serializer: the same content always gives the same bytes.

Canonical form: UTF-8 with an XML declaration, Unicode NFC, attributes in a fixed order,
two-space indentation, every block element on its own line (so git shows clause-sized hunks),
inline text kept on one line and never reflowed, runs of XML whitespace inside text collapsed
to one space, and a final newline. Comments and processing instructions are not content and
are dropped by the parser. The sha256 of these bytes is a text's identity (`text_sha256`).

Which elements hold inline text is decided per element: a known inline container from
`names`, or any element with non-blank text or inline children. Everything else is a block.
This keeps the serializer usable for every vocabulary of the project (agreements,
amendments, the signatory registry).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from lxml import etree

from . import names

_XML_SPACE = re.compile(r"[ \t\r\n]+")
_ORDER = {name: index for index, name in enumerate(names.ATTRIBUTE_ORDER)}
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text) if not text.isascii() else text


def collapse(text: str) -> str:
    """Collapse runs of XML whitespace (space, tab, CR, LF) to one space; other spaces (NBSP) stay."""
    return _XML_SPACE.sub(" ", text)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(text: str) -> str:
    return (
        _escape_text(text)
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
    )


def _attributes(element: etree._Element) -> str:
    items = element.attrib.items()
    if not items:
        return ""
    ordered = sorted(items, key=lambda kv: (_ORDER.get(kv[0], len(_ORDER)), kv[0]))
    return "".join(f' {_qname(key)}="{_escape_attr(nfc(value))}"' for key, value in ordered)


def _qname(tag: str) -> str:
    if tag.startswith("{"):
        if tag.startswith("{http://www.w3.org/XML/1998/namespace}"):
            return "xml:" + tag.split("}", 1)[1]
        raise ValueError(f"namespaced name {tag} is not part of the akkoord vocabularies")
    return tag


def _is_inline(element: etree._Element) -> bool:
    tag = element.tag
    if tag in names.INLINE_CONTAINERS or tag in names.INLINE:
        return True
    if tag in names.BLOCKS:
        return False
    if element.text and element.text.strip(" \t\r\n"):
        return True
    for child in element:
        if child.tag in names.INLINE or (child.tail and child.tail.strip(" \t\r\n")):
            return True
    return False


def _inline_content(element: etree._Element, out: list[str]) -> None:
    if element.text:
        out.append(_escape_text(collapse(nfc(element.text))))
    for child in element:
        if isinstance(child.tag, str):
            tag = _qname(child.tag)
            if len(child) or child.text:
                out.append(f"<{tag}{_attributes(child)}>")
                _inline_content(child, out)
                out.append(f"</{tag}>")
            else:
                out.append(f"<{tag}{_attributes(child)}/>")
        if child.tail:
            out.append(_escape_text(collapse(nfc(child.tail))))


def _inline_line(element: etree._Element) -> str:
    parts: list[str] = []
    _inline_content(element, parts)
    body = "".join(parts)
    # Leading/trailing whitespace of an inline container is layout, not content.
    if body.startswith(" "):
        body = body[1:]
    if body.endswith(" "):
        body = body[:-1]
    return body


def _serialize(element: etree._Element, depth: int, out: list[str]) -> None:
    indent = "  " * depth
    tag = _qname(element.tag)
    attrs = _attributes(element)
    if _is_inline(element):
        body = _inline_line(element)
        out.append(f"{indent}<{tag}{attrs}>{body}</{tag}>\n" if body else f"{indent}<{tag}{attrs}/>\n")
        return
    children = [child for child in element if isinstance(child.tag, str)]
    if not children:
        out.append(f"{indent}<{tag}{attrs}/>\n")
        return
    out.append(f"{indent}<{tag}{attrs}>\n")
    for child in children:
        _serialize(child, depth + 1, out)
    out.append(f"{indent}</{tag}>\n")


def to_string(element: etree._Element, depth: int = 0) -> str:
    """The canonical text of `element` and its subtree, without XML declaration."""
    out: list[str] = []
    _serialize(element, depth, out)
    return "".join(out)


def to_bytes(root: etree._Element) -> bytes:
    """The canonical bytes of a whole document."""
    return (DECLARATION + to_string(root)).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_sha256(root: etree._Element) -> str:
    """The identity of a document: the sha256 of its canonical bytes."""
    return sha256(to_bytes(root))


def element_sha256(element: etree._Element) -> str:
    """The identity of one element (e.g. a clause) as it stands: sha256 of its canonical text."""
    return sha256(to_string(element).encode("utf-8"))


def is_canonical(data: bytes, root: etree._Element) -> bool:
    return data == to_bytes(root)
