"""A small, safe HTML layer on lxml: every text and attribute value is escaped by the serializer.

Pages are lxml trees built with `h(tag, attrs, *children)`; nothing on the site is made by
concatenating strings of untrusted text (names, titles and rationales come from files anyone could
commit). Text passes through `clean`: control and bidirectional-override characters show as escapes (as
the terminal's printable filter shows them) instead of reordering what a reader sees.

`graft` takes a page rendered by `present.html` (the redline renderer, reused as it is) and returns its
parts as elements, renaming ids (and the links and labels that point at them) with a prefix so several
redlines can share one page.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import TypeAlias

import lxml.html
from lxml import etree

from ...model.strings import NOT_XML
from ...trust import printable

#: C1 control characters and the bidirectional controls that reorder what a reader sees.
_HIDDEN = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

Child: TypeAlias = "str | etree._Element | None | Iterable[Child]"


def _escape(match: re.Match[str]) -> str:
    return printable(match.group())


def clean(text: object) -> str:
    """`text` as a string safe for the page: characters XML cannot hold, C1 controls and bidirectional
    controls shown as escapes, as the terminal's printable filter shows them; every other character
    (a no-break space, a soft hyphen) is text and stays."""
    value = "" if text is None else str(text)
    if value.isprintable():
        return value
    return _HIDDEN.sub(_escape, NOT_XML.sub(_escape, value))


def _append(parent: etree._Element, child: Child) -> None:
    if child is None:
        return
    if isinstance(child, str):
        text = clean(child)
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
    elif isinstance(child, etree._Element):
        # an element already placed elsewhere is copied: appending would move it out of the other place
        if child.getparent() is not None:
            child = copy.deepcopy(child)
            child.tail = None
        parent.append(child)
    else:
        for item in child:
            _append(parent, item)


def h(tag: str, attrs: dict[str, object] | None = None, *children: Child) -> etree._Element:
    """An element: `attrs` with None (or False) values left out, True as an empty attribute."""
    element = etree.Element(tag)
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        element.set(name.rstrip("_").replace("_", "-"), "" if value is True else clean(value))
    for child in children:
        _append(element, child)
    return element


def serialize(root: etree._Element) -> bytes:
    """An HTML5 document: doctype and the tree in HTML serialization, UTF-8, one final newline."""
    body = etree.tostring(root, method="html", encoding="unicode")
    return ("<!DOCTYPE html>\n" + body + "\n").encode("utf-8")


def fragment(markup: str) -> etree._Element:
    """Parse trusted markup made by our own renderer (already escaped) into elements."""
    return lxml.html.document_fromstring(markup)


_REFS = ("href", "aria-labelledby", "aria-describedby", "aria-controls", "for")


def prefix_ids(element: etree._Element, prefix: str) -> etree._Element:
    """Rename every id in `element` to `prefix` + id, and the in-page links and ARIA references to them."""
    if not prefix:
        return element
    for node in element.iter(etree.Element):
        ident = node.get("id")
        if ident:
            node.set("id", prefix + ident)
        for attribute in _REFS:
            value = node.get(attribute)
            if not value:
                continue
            if attribute == "href":
                if value.startswith("#") and len(value) > 1:
                    node.set("href", "#" + prefix + value[1:])
            else:
                node.set(attribute, " ".join(prefix + part for part in value.split()))
    return element


def unwrap(element: etree._Element, keep_content: bool = True) -> None:
    """Take `element` out of its tree, leaving its text and children (or, without `keep_content`, nothing
    of it) in its place; the text after it stays."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    moved = list(element) if keep_content else []
    lead = (element.text or "") if keep_content else ""
    tail = element.tail or ""
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + lead
    else:
        parent.text = (parent.text or "") + lead
    parent.remove(element)
    for offset, child in enumerate(moved):
        parent.insert(index + offset, child)
    if moved:
        last = moved[-1]
        last.tail = (last.tail or "") + tail
    elif index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def dangling_links(part: etree._Element) -> None:
    """In a part taken out of its page: links to anchors it does not hold become plain text, and "back to
    the contents" links go (there are no contents beside it)."""
    ids = {node.get("id") for node in part.iter(etree.Element) if node.get("id")}
    for link in list(part.iter("a")):
        href = link.get("href") or ""
        if href.startswith("#") and href[1:] not in ids:
            unwrap(link, keep_content="up" not in (link.get("class") or "").split())


def graft(page: str, prefix: str = "") -> dict[str, etree._Element]:
    """The parts of a page rendered by `present.html`, by role: "versions" (the list of the two texts
    compared), "summary", "contents" (table of contents), "changes" (the redline itself, as a `div`),
    "style" (its stylesheet text in a `style` element). Parts the page does not have are left out."""
    root = fragment(page)
    parts: dict[str, etree._Element] = {}
    html = {element.tag: element for element in root}  # head, body
    style = next((e for e in html["head"] if e.tag == "style"), None) if "head" in html else None
    if style is not None:
        parts["style"] = style
    body = html.get("body")
    if body is None:
        return parts
    header = next((e for e in body if e.tag == "header"), None)
    versions = next((e for e in header.iter() if e.tag == "dl"), None) if header is not None else None
    if versions is not None:
        parts["versions"] = versions
    for child in body:
        if not isinstance(child.tag, str):
            continue
        classes = (child.get("class") or "").split()
        if child.tag == "main":
            child.tag = "div"
            child.set("class", " ".join(["redline", *classes]).strip())
            parts["changes"] = child
        elif "summary" in classes:
            parts["summary"] = child
        elif child.tag == "nav":
            parts["contents"] = child
    for name, part in parts.items():
        if name != "style":
            prefix_ids(part, prefix)
    return parts
