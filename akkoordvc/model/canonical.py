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

import unicodedata

from lxml import etree

from . import names
from .strings import XML_SPACE

_ORDER = {name: index for index, name in enumerate(names.ATTRIBUTE_ORDER)}
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text) if not text.isascii() else text


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(text: str) -> str:
    return _escape_text(text).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


# The serializer below is the hot path of every write and hash; it inlines the steps above
# (NFC, collapse, escape) behind C-speed substring checks, so text that needs none of them is
# passed through untouched: about 3.5 µs per element instead of 8 (same bytes).
def _text(text: str) -> str:
    """Escaped, collapsed NFC text: ``_escape_text(collapse(nfc(text)))``."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        text = XML_SPACE.sub(" ", text)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _value(value: str) -> str:
    """An escaped NFC attribute value: ``_escape_attr(nfc(value))``."""
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    if "&" in value or "<" in value or ">" in value or '"' in value or "\t" in value or "\n" in value or "\r" in value:
        value = _escape_attr(value)
    return value


def _attr_key(item: tuple[str, str]) -> tuple[int, str]:
    return (_ORDER.get(item[0], len(_ORDER)), item[0])


def _attributes(element: etree._Element) -> str:
    items = element.items()
    if not items:
        return ""
    if len(items) == 1:
        key, value = items[0]
        if key[0] == "{":
            key = _qname(key)
        return f' {key}="{_value(value)}"'
    items.sort(key=_attr_key)
    return "".join([f' {_qname(key) if key[0] == "{" else key}="{_value(value)}"' for key, value in items])


def _qname(tag: str) -> str:
    if tag.startswith("{"):
        if tag.startswith("{http://www.w3.org/XML/1998/namespace}"):
            return "xml:" + tag.split("}", 1)[1]
        raise ValueError(f"namespaced name {tag} is not part of the akkoord vocabularies")
    return tag


# Tag -> True (inline container or inline element), False (block); other tags are decided
# by their content (see the module docstring).
_KNOWN_INLINE = {
    **{tag: False for tag in names.BLOCKS},
    **{tag: True for tag in names.INLINE_CONTAINERS | names.INLINE},
}


def _is_inline(element: etree._Element) -> bool:
    known = _KNOWN_INLINE.get(element.tag)  # type: ignore[arg-type]  # our parser makes str tags only
    if known is not None:
        return known
    if element.text and element.text.strip(" \t\r\n"):
        return True
    for child in element:
        if child.tag in names.INLINE or (child.tail and child.tail.strip(" \t\r\n")):
            return True
    return False


def _inline_content(element: etree._Element, out: list[str]) -> None:
    text = element.text
    if text:
        out.append(_text(text))
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            if tag[0] == "{":
                tag = _qname(tag)
            attrs = _attributes(child)
            if child.text or len(child):
                out.append(f"<{tag}{attrs}>")
                _inline_content(child, out)
                out.append(f"</{tag}>")
            else:
                out.append(f"<{tag}{attrs}/>")
        tail = child.tail
        if tail:
            out.append(_text(tail))


def _inline_line(element: etree._Element) -> str:
    if not len(element):  # text only: no markup to walk
        text = element.text
        body = _text(text) if text else ""
    else:
        parts: list[str] = []
        _inline_content(element, parts)
        body = "".join(parts)
    # Leading/trailing whitespace of an inline container is layout, not content.
    if body.startswith(" "):
        body = body[1:]
    if body.endswith(" "):
        body = body[:-1]
    return body


_INDENTS = ["  " * depth for depth in range(64)]


def _serialize(element: etree._Element, depth: int, out: list[str]) -> None:
    indent = _INDENTS[depth] if depth < 64 else "  " * depth
    tag: str = element.tag  # type: ignore[assignment]  # our parser makes str tags only
    if tag[0] == "{":
        tag = _qname(tag)
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
    depth += 1
    for child in children:
        _serialize(child, depth, out)
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
    import hashlib  # here, not at the top: loading OpenSSL costs 3 ms a process that only writes

    return hashlib.sha256(data).hexdigest()


def text_sha256(root: etree._Element) -> str:
    """The identity of a document: the sha256 of its canonical bytes."""
    return sha256(to_bytes(root))


def element_sha256(element: etree._Element) -> str:
    """The identity of one element (e.g. a clause) as it stands: sha256 of its canonical text."""
    return sha256(to_string(element).encode("utf-8"))


_REMEMBERED: dict[bytes, str] = {}


def remembered_sha256(element: etree._Element) -> str:
    """`element_sha256`, remembered for the life of the process: an element's canonical form depends on its own
    subtree alone, which `etree.tostring` (in C) gives whole, so the same serialisation has the same hash."""
    raw = etree.tostring(element, with_tail=False)
    found = _REMEMBERED.get(raw)
    if found is None:
        if len(_REMEMBERED) >= 100_000:
            _REMEMBERED.clear()
        found = _REMEMBERED[raw] = element_sha256(element)
    return found


def is_canonical(data: bytes, root: etree._Element) -> bool:
    return data == to_bytes(root)
