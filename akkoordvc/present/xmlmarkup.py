"""A redline as XML: the new text with the changes marked inline (format ``xml``).

The output is the new agreement document, unchanged in structure, with markup from one
extra vocabulary in the namespace ``urn:akkoordvc:redline:1`` (prefix ``rl``). Elements and
attributes without that namespace are the akkoord vocabulary (`schemas/akkoord.xsd`);
removing every ``rl:`` attribute, every ``rl:del`` element and the ``rl:ins`` wrappers (keeping
their content), and every clause marked ``rl:change="removed"``, gives back the new text.
The full description, with an example, is `schemas/redline.md`; in short:

On the root ``agreement``:
    ``rl:old-ref``, ``rl:old-label``, ``rl:old-sha256``, ``rl:new-ref``, ``rl:new-label``,
    ``rl:new-sha256``: the two versions compared (labels only when there are labels).
``rl:summary`` (first child of the root, empty):
    attributes ``added``, ``removed``, ``modified``, ``moved``, ``renumbered``, ``split``,
    ``merged``, ``unchanged``, ``words-inserted``, ``words-deleted``: the counts.
On each changed ``clause``:
    ``rl:change``: the kinds of change, space-separated, main kind first: ``added``,
    ``removed``, ``modified``, ``moved``, ``renumbered``, ``split``, ``merged`` (e.g.
    ``rl:change="moved modified"``). Unchanged clauses carry no ``rl:`` attribute.
    ``rl:old-id`` (when the id differs: a clause paired by content or similarity, a split
    part, a merged clause), ``rl:old-num`` (when the number differs), ``rl:old-division``
    (the id of the old division, when it differs), ``rl:related`` (split: the ids of all
    parts; merged: the ids of all old clauses; space-separated), ``rl:similarity`` (pairing
    score, when paired by similarity), ``rl:bounded="true"`` (the word diff hit its size
    bound: exact but perhaps not minimal).
Inline, inside ``heading``, ``p`` and ``cell``:
    ``<rl:del>old words</rl:del>`` and ``<rl:ins>new words</rl:ins>``. A text element that
    has a change is rewritten as plain text with these two elements (inline markup such as
    ``em`` or ``ref`` inside that one element is not kept); text elements without a change
    are left exactly as they are. Deleted text at the border of two text elements stays with
    the earlier one. A heading that was removed is kept as a ``heading`` holding only
    ``rl:del``.
On ``para`` and ``item``:
    ``rl:old-num`` when the number of a lid or list item changed.
Added clauses:
    the content of every text element is wrapped in one ``rl:ins`` (inline markup kept).
Removed clauses:
    kept where they stood (after the clause that preceded them in the old text, at its new
    place), with ``rl:change="removed"``, their old ``id`` and ``num``, and the content of every
    text element wrapped in one ``rl:del``.
Fallback:
    if the word diff cannot be mapped onto the clause's text elements (it always can for
    texts made by this version of akkoordvc), the clause's content is replaced by one ``p``
    holding the whole diff, and the clause gets ``rl:flat="true"``.

This is an output format, not a stored text: it is serialized with lxml
(`etree.tostring(pretty_print=True)`), not by the canonical serializer (which refuses
namespaces).
"""

from __future__ import annotations

import copy

from lxml import etree

from ..model import names
from ..model.document import Document
from ..ops.redline import ADDED, ClauseChange, Redline

__all__ = ["NS", "PREFIX", "render"]

NS = "urn:akkoordvc:redline:1"
PREFIX = "rl"

_INS = f"{{{NS}}}ins"
_DEL = f"{{{NS}}}del"
_SUMMARY = f"{{{NS}}}summary"
_SPACE = " \t\r\n"


def _rl(name: str) -> str:
    return f"{{{NS}}}{name}"


# --- inline markup ------------------------------------------------------------------------------


def _write(holder: etree._Element, pieces: list[tuple[str, str]]) -> None:
    """Replace the content of a text element by the segments (text, rl:del, rl:ins)."""
    for child in list(holder):
        holder.remove(child)
    holder.text = ""  # an (empty) text node: pretty printing must not indent inside a line of text
    last = None
    for op, text in pieces:
        if not text:
            continue
        if op == "=":
            if last is None:
                holder.text = (holder.text or "") + text
            else:
                last.tail = (last.tail or "") + text
        else:
            last = etree.SubElement(holder, _DEL if op == "-" else _INS)
            last.text = text


def _wrap(holder: etree._Element, tag: str) -> None:
    """Wrap the whole content of a text element (inline markup included) in one rl:ins/rl:del."""
    if not (holder.text or len(holder)):
        return
    wrapper = etree.Element(tag)
    wrapper.text = holder.text
    holder.text = ""
    for child in list(holder):
        wrapper.append(child)  # moves the child with its tail
    holder.append(wrapper)


def _text_holders(clause: etree._Element):
    return [e for e in clause.iter(names.HEADING, names.P, names.CELL)]


def _units(clause: etree._Element):
    """(owner, is_text, string) in the order `model.document.content_text` reads them.

    Owner None marks separators that belong to no element (the spaces between parts, " | "
    between cells).
    """
    units = []
    for child in clause.iter(names.PARA, names.ITEM, names.P, names.ROW):
        tag = child.tag
        if tag == names.PARA or tag == names.ITEM:
            num = child.get(names.NUM)
            if num:
                units.append((child, False, num))
        elif tag == names.P:
            units.append((child, True, "".join(child.itertext())))
        else:
            for k, cell in enumerate(child.iterchildren(names.CELL)):
                if k:
                    units.append((None, False, " | "))
                units.append((cell, True, "".join(cell.itertext())))
    return units


def _owners(clause: etree._Element, expected: str):
    """Per character of the clause's content text: the element it comes from (None for
    separators), or None when the text does not come out as `expected`."""
    chars: list[str] = []
    owners: list = []
    space = True  # at the start: leading whitespace is dropped
    first = True
    for owner, _, string in _units(clause):
        if not first:
            string = " " + string
            joined_owner = [None] + [owner] * (len(string) - 1)
        else:
            joined_owner = [owner] * len(string)
        first = False
        for ch, own in zip(string, joined_owner, strict=True):
            if ch in _SPACE:
                if space:
                    continue
                ch, space = " ", True
            else:
                space = False
            chars.append(ch)
            owners.append(own)
    while chars and chars[-1] == " ":
        chars.pop()
        owners.pop()
    if "".join(chars) != expected:
        return None
    return owners


def _project(clause: etree._Element, segments, new_text: str) -> bool:
    """Write the word diff into the clause's own text elements; False if it cannot be mapped."""
    owners = _owners(clause, new_text)
    if owners is None:
        return False
    pieces: dict = {}
    nums: dict = {}
    text_owner = {owner for owner in owners if owner is not None and owner.tag in (names.P, names.CELL)}

    def add(owner, op: str, text: str) -> None:
        target = pieces if owner in text_owner else nums
        out = target.setdefault(owner, [])
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    orphans: list[tuple[str, str]] = []
    pos = 0
    n = len(owners)
    for op, text in segments:
        if op == "-":
            nxt = owners[pos] if pos < n else None
            prev = owners[pos - 1] if pos > 0 else None
            if nxt in text_owner:
                add(nxt, op, text)
            elif prev in text_owner:
                add(prev, op, text)
            elif nxt is not None:
                add(nxt, op, text)
            elif prev is not None:
                add(prev, op, text)
            else:
                orphans.append((op, text))
            continue
        start = pos
        end = pos + len(text)
        run_start = start
        while run_start < end:
            owner = owners[run_start]
            run_end = run_start + 1
            while run_end < end and owners[run_end] is owner:
                run_end += 1
            if owner is not None:
                add(owner, op, text[run_start - start : run_end - start])
            run_start = run_end
        pos = end
    for holder, parts in pieces.items():
        if any(op != "=" for op, _ in parts):
            _write(holder, parts)
    for element, parts in nums.items():
        old = "".join(t for op, t in parts if op != "+")
        if old and old != element.get(names.NUM, ""):
            element.set(_rl("old-num"), old)
    if orphans:  # the new clause has no text at all: the deletion gets a p of its own
        _write(etree.SubElement(clause, names.P), orphans)
    return True


def _flat(clause: etree._Element, segments) -> None:
    for child in list(clause):
        if child.tag not in (names.HEADING, names.ORIGIN):
            clause.remove(child)
    _write(etree.SubElement(clause, names.P), list(segments))
    clause.set(_rl("flat"), "true")


def _heading(clause: etree._Element, segments) -> None:
    heading = clause.find(names.HEADING)
    if heading is None:
        heading = etree.Element(names.HEADING)
        clause.insert(0, heading)
    _write(heading, list(segments))


# --- clauses ------------------------------------------------------------------------------------


def _mark(clause: etree._Element, change: ClauseChange) -> None:
    kinds = change.kinds or (change.change,)
    clause.set(_rl("change"), " ".join(kinds))
    if change.old_id and change.id and change.old_id != change.id:
        clause.set(_rl("old-id"), change.old_id)
    if change.old_num is not None and change.num is not None and change.old_num != change.num:
        clause.set(_rl("old-num"), change.old_num)
    if change.id and change.old_id and change.old_division != change.division:
        clause.set(_rl("old-division"), change.old_division or "")
    if change.related:
        clause.set(_rl("related"), " ".join(change.related))
    if change.similarity is not None:
        clause.set(_rl("similarity"), f"{change.similarity:.3f}")
    if change.bounded:
        clause.set(_rl("bounded"), "true")


def _changed(segments) -> bool:
    return any(op != "=" for op, _ in segments)


def _mark_new(clause: etree._Element, change: ClauseChange) -> None:
    _mark(clause, change)
    if change.change == ADDED:
        for holder in _text_holders(clause):
            _wrap(holder, _INS)
        return
    if _changed(change.heading_words):
        _heading(clause, change.heading_words)
    if _changed(change.words) and not _project(clause, change.words, change.new_text):
        _flat(clause, change.words)


def _mark_removed(clause: etree._Element, change: ClauseChange) -> None:
    _mark(clause, change)
    for holder in _text_holders(clause):
        _wrap(holder, _DEL)


def _root_with_namespace(root: etree._Element) -> etree._Element:
    out = etree.Element(root.tag, nsmap={PREFIX: NS})
    for key, value in root.attrib.items():
        out.set(key, value)
    out.text = root.text
    for child in list(root):
        out.append(child)
    return out


def render(redline: Redline, old: Document, new: Document) -> bytes:
    """The new text of `redline` with inline change markup (see the module docstring), as UTF-8 XML."""
    root = _root_with_namespace(copy.deepcopy(new.root))
    for side, name in ((redline.old, "old"), (redline.new, "new")):
        root.set(_rl(f"{name}-ref"), side.ref or "")
        if side.label:
            root.set(_rl(f"{name}-label"), side.label)
        root.set(_rl(f"{name}-sha256"), side.text_sha256 or "")
    stats = redline.stats()
    summary = etree.Element(_SUMMARY, {k.replace("_", "-"): str(v) for k, v in stats.items()})
    summary.tail = root.text
    root.insert(0, summary)

    new_clauses = list(root.iter(names.CLAUSE))
    new_ids = {c.get(names.ID): c for c in new_clauses}
    old_clauses = old.clauses
    old_ids = {c.id: c for c in old_clauses}
    body = root.find(names.BODY)
    last: etree._Element | None = None
    for change in redline.clauses:
        if change.id is not None:
            element = None
            if change.position is not None and change.position < len(new_clauses):
                element = new_clauses[change.position]
                if element.get(names.ID) != change.id:
                    element = None
            if element is None:
                element = new_ids.get(change.id)
            if element is None:
                continue
            if change.changed:
                _mark_new(element, change)
            last = element
            continue
        # removed: the old clause, kept in place
        source = None
        if change.old_position is not None and change.old_position < len(old_clauses):
            source = old_clauses[change.old_position]
            if source.id != change.old_id:
                source = None
        if source is None:
            source = old_ids.get(change.old_id)
        if source is None:
            continue
        element = copy.deepcopy(source.element)
        _mark_removed(element, change)
        if last is not None:
            element.tail = last.tail
            last.addnext(element)
        elif new_clauses:
            element.tail = new_clauses[0].tail
            new_clauses[0].addprevious(element)
        elif body is not None:
            body.append(element)
        last = element
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
