"""A redline as XML: both texts in one document, every change marked, lossless both ways (format ``xml``).

The output is the new agreement with the old one folded into it, in the vocabulary of
`schemas/akkoord.xsd` plus markup in the namespace ``urn:akkoordvc:redline:2`` (prefix ``rl``),
described in full in `schemas/redline.md`. In short:

* ``<rl:del>`` holds what only the old text has, ``<rl:ins>`` what only the new text has:
  words inside a line of text (``<p>het <rl:del>oude</rl:del><rl:ins>nieuwe</rl:ins>
  woord</p>``), or whole elements (a clause, a lid, a list item, a table row or cell, a
  heading, a metadata item, a division). A moved clause or division is an ``rl:del`` at its old
  place (``moved-to``) and an ``rl:ins`` at its new place (``moved-from``), where its own changes
  are marked inside.
* ``rl:old-NAME="value"`` on an element: in the old text its attribute NAME had this value (a
  number, an id, a list's kind, a figure's file); ``rl:new-attrs="NAME ..."``: attributes the
  old element did not have.
* ``rl:change`` (the kinds of change, main kind first) on every changed clause, division and
  block, and ``rl:summary`` (the counts and both versions' refs and hashes) as the root's first
  child, are information only.

Lossless, both ways: removing ``rl:summary``, every ``rl:del`` with its content, every ``rl:*``
attribute and unwrapping every ``rl:ins`` gives exactly the new text (the same canonical bytes);
removing ``rl:summary`` and every ``rl:ins`` with its content, unwrapping every ``rl:del``,
setting every ``rl:old-NAME`` and dropping the attributes named in ``rl:new-attrs`` gives exactly
the old one. The tests check both projections, written independently of this module, on every
consecutive corpus pair and on generated documents.

Words are marked at the word diff's boundaries (`ops.worddiff`). Inside a line with inline
markup (``em``, ``ref``, an inline ``figure``) the markup of both sides is kept around the words,
and a change of markup alone is a deletion and an insertion of the words it covers; where that
cannot be done exactly (this is checked for every line), the line's whole old content is marked
deleted and its new content inserted.

This is an output format, not a stored text: it is serialized by lxml, not by the canonical
serializer (which refuses namespaces).
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

from lxml import etree

from ..model import canonical, names
from ..model.document import Document
from ..model.strings import XML_SPACE
from ..ops.outline import MOVED_FROM, MOVED_TO, NEW, OLD, Node
from ..ops.redline import (
    ADDED,
    MERGED,
    REMOVED,
    SPLIT,
    UNCHANGED,
    BlockChange,
    ClauseChange,
    PartChange,
    Redline,
)

__all__ = ["NS", "PREFIX", "render"]

NS = "urn:akkoordvc:redline:2"
PREFIX = "rl"

Element = etree._Element

_INS = f"{{{NS}}}ins"
_DEL = f"{{{NS}}}del"
_SUMMARY = f"{{{NS}}}summary"


def _rl(name: str) -> str:
    return f"{{{NS}}}{name}"


def _wrap(tag: str, element: Element, **attributes: str) -> Element:
    """`element` (a copy) inside an rl:ins or rl:del."""
    wrapper = etree.Element(tag, {k.replace("_", "-"): v for k, v in attributes.items() if v})
    wrapper.append(copy.deepcopy(element))
    wrapper[0].tail = None
    return wrapper


def _mark(element: Element, kinds: tuple[str, ...]) -> None:
    if kinds and kinds != (UNCHANGED,):
        element.set(_rl("change"), " ".join(kinds))


def _attributes(out: Element, old: Element, new: Element) -> None:
    """`new`'s attributes on `out`, with rl:old-NAME / rl:new-attrs for every one that differs."""
    for key, value in new.items():
        out.set(key, value)
    added = []
    for key in sorted({*old.keys(), *new.keys()}):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if before is None:
            added.append(key)
        else:
            if key.startswith("{"):  # xml:lang and the like: kept as it is, its old value named
                key = key.split("}", 1)[1]
            out.set(_rl(f"old-{key}"), before)
    if added:
        out.set(_rl("new-attrs"), " ".join(added))


# --- words inside a line of text ------------------------------------------------------------------

_CharPath = tuple[Element, ...]


def _chars(holder: Element) -> list[tuple[str, _CharPath]] | None:
    """The characters of an inline container as the canonical serializer writes them (each text node
    NFC and collapsed; a space opening or closing the whole line dropped), each with the inline
    elements around it; None when an element without text would be lost (an empty `em`, a figure)."""
    out: list[tuple[str, _CharPath]] = []

    def text(value: str | None, path: _CharPath) -> None:
        if value:
            value = XML_SPACE.sub(" ", canonical.nfc(value))
            out.extend((ch, path) for ch in value)

    def walk(element: Element, path: _CharPath) -> bool:
        for child in element:
            if not isinstance(child.tag, str):
                return False
            inner = (*path, child)
            if not (child.text or len(child)):
                return False  # an empty inline element: no character to carry it
            text(child.text, inner)
            if not walk(child, inner):
                return False
            text(child.tail, path)
        return True

    first = len(out)
    text(holder.text, ())
    starts_with_text = len(out) > first
    if not walk(holder, ()):
        return None
    if starts_with_text and out and out[0][0] == " ":
        out.pop(0)
    last = holder[-1] if len(holder) else None
    ends_with_text = last is None or bool(last.tail) or not len(holder)
    if ends_with_text and out and out[-1][0] == " ":
        out.pop()
    return out


def _signature(element: Element) -> tuple[Any, ...]:
    return (element.tag, tuple(sorted(element.items())))


def _inline(out: Element, old: Element, new: Element, words: list[tuple[str, str]]) -> None:
    """The content of one line of text, `old` -> `new`, into `out` (a copy of `new` without content)."""
    if not len(old) and not len(new):
        _plain(out, words)
    elif not _marked(out, old, new, words):
        _whole(out, old, new)
    if not _exact(out, old, new):  # the promise of losslessness, checked for every line
        _whole(out, old, new)


def _clear(out: Element) -> None:
    for child in list(out):
        out.remove(child)
    out.text = ""  # an (empty) text node: pretty printing must not indent inside a line of text


def _plain(out: Element, words: list[tuple[str, str]]) -> None:
    _clear(out)
    last: Element | None = None
    for op, text in words:
        if op == "=":
            if last is None:
                out.text = (out.text or "") + text
            else:
                last.tail = (last.tail or "") + text
        else:
            last = etree.SubElement(out, _DEL if op == "-" else _INS)
            last.text = text


def _whole(out: Element, old: Element, new: Element) -> None:
    """The whole old content deleted, the whole new content inserted (markup kept on both sides)."""
    _clear(out)
    for tag, source in ((_DEL, old), (_INS, new)):
        if not (source.text or len(source)):
            continue
        wrapper = etree.SubElement(out, tag)
        wrapper.text = source.text
        for child in source:
            wrapper.append(copy.deepcopy(child))


def _marked(out: Element, old: Element, new: Element, words: list[tuple[str, str]]) -> bool:
    """Words marked inside inline markup (see the module docstring); False when the characters of
    the elements do not line up with the word diff (then the caller marks the whole line)."""
    old_chars, new_chars = _chars(old), _chars(new)
    if old_chars is None or new_chars is None:
        return False
    if "".join(c for c, _ in old_chars) != "".join(t for op, t in words if op != "+"):
        return False
    if "".join(c for c, _ in new_chars) != "".join(t for op, t in words if op != "-"):
        return False
    # pair the inline elements of both sides through the equal words they share
    o2n: dict[Element, Element] = {}
    n2o: dict[Element, Element] = {}
    sequence: list[tuple[str, _CharPath, _CharPath]] = []  # (op, old path, new path), one per character
    i = j = 0
    for op, text in words:
        for _ in text:
            if op == "-":
                sequence.append(("-", old_chars[i][1], ()))
                i += 1
            elif op == "+":
                sequence.append(("+", (), new_chars[j][1]))
                j += 1
            else:
                sequence.append(("=", old_chars[i][1], new_chars[j][1]))
                i += 1
                j += 1
    common: list[bool] = []
    for op, op_path, np_path in sequence:
        ok = op == "=" and len(op_path) == len(np_path)
        if ok:
            for o, n in zip(op_path, np_path, strict=True):
                if _signature(o) != _signature(n) or o2n.get(o, n) is not n or n2o.get(n, o) is not o:
                    ok = False
                    break
        if ok:
            for o, n in zip(op_path, np_path, strict=True):
                o2n[o], n2o[n] = n, o
        common.append(ok)
    # one key path per character: shared elements by pair, the rl marker below them, one-sided ones
    # below it; in each run of changes the old characters first, then the new ones
    chars: list[tuple[str, list[tuple[Any, Element]]]] = []
    i = j = 0
    run = 0
    for is_common, group in itertools.groupby(zip(sequence, common, strict=True), key=lambda x: x[1]):
        items = [item for item, _ in group]
        if is_common:
            for _, op_path, _ in items:
                chars.append((old_chars[i][0], [(("c", id(o), id(o2n[o])), o) for o in op_path]))
                i, j = i + 1, j + 1
            continue
        run += 1
        for op, op_path, _ in items:
            if op != "+":
                chars.append((old_chars[i][0], _one_side(op_path, o2n, "o", _DEL, run)))
                i += 1
        run += 1
        for op, _, np_path in items:
            if op != "-":
                chars.append((new_chars[j][0], _one_side(np_path, n2o, "n", _INS, run)))
                j += 1
    _build(out, chars)
    return True


def _one_side(
    path: _CharPath, partner: dict[Element, Element], side: str, marker: str, run: int
) -> list[tuple[Any, Element]]:
    keys: list[tuple[Any, Element]] = []
    k = 0
    while k < len(path) and path[k] in partner:
        element = path[k]
        pair = (id(element), id(partner[element])) if side == "o" else (id(partner[element]), id(element))
        keys.append((("c", *pair), element))
        k += 1
    keys.append(((marker, run), etree.Element(marker)))
    keys.extend(((side, id(element)), element) for element in path[k:])
    return keys


def _build(out: Element, chars: list[tuple[str, list[tuple[Any, Element]]]]) -> None:
    """Elements from characters with their key paths: neighbours that share a prefix of keys share those elements."""
    _clear(out)
    stack: list[tuple[Any, Element]] = []
    for char, path in chars:
        keep = 0
        while keep < len(stack) and keep < len(path) and stack[keep][0] == path[keep][0]:
            keep += 1
        del stack[keep:]
        for key, template in path[keep:]:
            parent = stack[-1][1] if stack else out
            if template.tag in (_INS, _DEL):
                element = etree.SubElement(parent, template.tag)
            else:
                element = etree.SubElement(parent, template.tag, dict(template.items()))
            stack.append((key, element))
        target = stack[-1][1] if stack else out
        if len(target):
            last = target[-1]
            last.tail = (last.tail or "") + char
        else:
            target.text = (target.text or "") + char


def _exact(out: Element, old: Element, new: Element) -> bool:
    """Whether `out` projects to exactly the content of `old` and of `new`."""
    for side, source in (("new", new), ("old", old)):
        projected = project(copy.deepcopy(out), side)
        if canonical.to_string(projected) != canonical.to_string(_bare(source, out.tag)):
            return False
    return True


def _bare(element: Element, tag: Any) -> Element:
    """A copy of `element`'s content under a bare element named `tag` (attributes are compared elsewhere)."""
    bare = etree.Element(tag)
    bare.text = element.text
    for child in element:
        bare.append(copy.deepcopy(child))
    return bare


def project(element: Element, side: str) -> Element:
    """The content of a marked line on one side (used to check every line before it is written)."""
    drop, keep = (_DEL, _INS) if side == "new" else (_INS, _DEL)
    for node in list(element.iter(drop)):
        parent = node.getparent()
        if parent is None:
            continue
        _remove_keeping_tail(node)
    etree.strip_tags(element, keep)
    for key in list(element.keys()):
        if key.startswith(f"{{{NS}}}"):
            del element.attrib[key]
    bare = etree.Element(element.tag)
    bare.text = element.text
    for child in element:
        bare.append(child)
    return bare


def _remove_keeping_tail(node: Element) -> None:
    parent = node.getparent()
    assert parent is not None
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


# --- blocks, clauses, divisions -------------------------------------------------------------------


class _Writer:
    def __init__(self, redline: Redline) -> None:
        self.redline = redline

    def blocks(self, parent: Element, blocks: list[BlockChange]) -> None:
        for block in blocks:
            parent.append(self.block(block))

    def block(self, block: BlockChange) -> Element:
        if block.change == ADDED or block.old is None:
            assert block.new is not None
            return _wrap(_INS, block.new)
        if block.change == REMOVED or block.new is None:
            return _wrap(_DEL, block.old)
        if not any(b.changed for b in block.walk()):  # (a container is unchanged itself when its children changed)
            return _copy(block.new)
        out = etree.Element(block.new.tag)
        _attributes(out, block.old, block.new)
        _mark(out, block.kinds)
        if not (len(block.old) or block.old.text or len(block.new) or block.new.text):
            pass  # an empty element (a date, a figure): its text is an attribute
        elif block.children or block.old_lead is not None or block.new_lead is not None or _is_block(block.new):
            if block.old_lead is not None and block.new_lead is not None:
                lead = etree.SubElement(out, names.P)
                _attributes(lead, block.old_lead, block.new_lead)
                _inline(lead, block.old_lead, block.new_lead, block.words)
            elif block.new_lead is not None:
                out.append(_wrap(_INS, block.new_lead))
            elif block.old_lead is not None:
                out.append(_wrap(_DEL, block.old_lead))
            self.blocks(out, block.children)
        else:
            _inline(out, block.old, block.new, block.words)
        return out

    def clause(self, node: Node) -> Element:
        change: ClauseChange | None = node.change
        if node.role == MOVED_FROM:
            assert node.old is not None
            wrapper = _wrap(_DEL, node.old, moved_to=change.id or "" if change is not None else "")
            if change is not None:
                _mark(wrapper[0], change.kinds)
            return wrapper
        if node.role == OLD:
            assert node.old is not None
            wrapper = _wrap(_DEL, node.old)
            if change is not None:
                _mark(wrapper[0], change.kinds)
            else:  # the old clause of a split or a merge, shown in the new clause(s)
                group = self.group_of(node.old.get(names.ID))
                if group is not None:
                    wrapper[0].set(_rl("change"), group.change)
                    wrapper[0].set(
                        _rl("related"),
                        " ".join(
                            group.related
                            if group.change == MERGED
                            else [
                                c.id or ""
                                for c in self.redline.clauses
                                if c.change == SPLIT and c.old_id == group.old_id
                            ]
                        ),
                    )
            return wrapper
        assert node.new is not None and change is not None
        if node.role == NEW or change.change in (SPLIT, MERGED):
            wrapper = _wrap(_INS, node.new)
            _mark(wrapper[0], change.kinds)
            if change.related:
                wrapper[0].set(_rl("related"), " ".join(change.related))
            return wrapper
        assert node.old is not None
        out = etree.Element(node.new.tag)
        _attributes(out, node.old, node.new)
        _mark(out, change.kinds)
        if change.similarity is not None:
            out.set(_rl("similarity"), f"{change.similarity:.3f}")
        if change.bounded:
            out.set(_rl("bounded"), "true")
        if change.change == UNCHANGED:
            for child in node.new:
                out.append(_copy(child))
        else:
            self.blocks(out, change.tree)
        if node.role == MOVED_TO:
            wrapper = etree.Element(_INS, {"moved-from": change.old_id or ""})
            wrapper.append(out)
            return wrapper
        return out

    def group_of(self, old_id: str | None) -> ClauseChange | None:
        for change in self.redline.clauses:
            if change.change in (SPLIT, MERGED) and (change.old_id == old_id or old_id in change.related):
                return change
        return None

    def division(self, node: Node) -> Element:
        part: PartChange | None = node.change
        if node.role == MOVED_FROM:
            assert node.old is not None
            return _wrap(_DEL, node.old, moved_to=node.old.get(names.ID) or "")
        if node.role == OLD:
            assert node.old is not None
            wrapper = _wrap(_DEL, node.old)
            _mark(wrapper[0], (REMOVED,))
            return wrapper
        if node.role == NEW:
            assert node.new is not None
            wrapper = _wrap(_INS, node.new)
            _mark(wrapper[0], (ADDED,))
            return wrapper
        assert node.old is not None and node.new is not None and part is not None
        out = etree.Element(node.new.tag)
        _attributes(out, node.old, node.new)
        _mark(out, part.kinds)
        self.blocks(out, part.blocks)
        self.nodes(out, node.children)
        if node.role == MOVED_TO:
            wrapper = etree.Element(_INS, {"moved-from": node.old.get(names.ID) or ""})
            wrapper.append(out)
            return wrapper
        return out

    def nodes(self, parent: Element, nodes: list[Node]) -> None:
        for node in nodes:
            parent.append(self.division(node) if node.tag == names.DIVISION else self.clause(node))


def _is_block(element: Element) -> bool:
    return element.tag in (names.PARA, names.ITEM, names.LIST, names.TABLE, names.ROW, names.ORIGIN)


def _copy(element: Element) -> Element:
    out = copy.deepcopy(element)
    out.tail = None
    return out


def render(redline: Redline, old: Document, new: Document) -> bytes:
    """Both texts in one XML document, every change marked (see the module docstring), as UTF-8."""
    if redline.outline is None:
        raise ValueError("the XML redline needs a redline computed from both documents (ops.align.compute)")
    writer = _Writer(redline)
    old_root, new_root = old.root, new.root
    root = etree.Element(new_root.tag, nsmap={PREFIX: NS})
    _attributes(root, old_root, new_root)
    stats = redline.stats()
    summary = etree.SubElement(root, _SUMMARY, {k.replace("_", "-"): str(v) for k, v in stats.items()})
    for side, name in ((redline.old, "old"), (redline.new, "new")):
        summary.set(f"{name}-ref", side.ref or "")
        if side.label:
            summary.set(f"{name}-label", side.label)
        summary.set(f"{name}-sha256", side.text_sha256 or "")

    meta_blocks = [b for p in redline.parts if p.kind in ("title", "meta") and p.blocks for b in p.blocks]
    root.append(_pair_container(names.META, old_root, new_root, meta_blocks, writer))
    preamble = next((p for p in redline.parts if p.kind == "preamble"), None)
    if preamble is not None:
        root.append(_pair_container(names.PREAMBLE, old_root, new_root, preamble.blocks, writer))
    old_body, new_body = old_root.find(names.BODY), new_root.find(names.BODY)
    body = etree.SubElement(root, names.BODY)
    if old_body is not None and new_body is not None:
        _attributes(body, old_body, new_body)
    writer.nodes(body, redline.outline)
    _tidy(root)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def _tidy(root: Element) -> None:
    """Drop the layout whitespace that copied elements bring along between blocks, so that the
    output is indented afresh (whitespace between blocks is not content; inside a line it is kept)."""
    blocks = names.BLOCKS | {names.BODY}
    for element in root.iter():
        tag = element.tag
        if tag in (_INS, _DEL):
            parent = element.getparent()
            holds_blocks = parent is not None and parent.tag in blocks
        else:
            holds_blocks = tag in blocks
        if not holds_blocks:
            continue
        if element.text is not None and not element.text.strip(" \t\r\n"):
            element.text = None
        for child in element:
            if child.tail is not None and not child.tail.strip(" \t\r\n"):
                child.tail = None


def _pair_container(
    tag: str, old_root: Element, new_root: Element, blocks: list[BlockChange], writer: _Writer
) -> Element:
    old, new = old_root.find(tag), new_root.find(tag)
    if old is None and new is not None:
        return _wrap(_INS, new)
    if new is None and old is not None:
        return _wrap(_DEL, old)
    assert old is not None and new is not None
    out = etree.Element(tag)
    _attributes(out, old, new)
    writer.blocks(out, blocks)
    return out
