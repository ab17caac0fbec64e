"""Clauses and divisions as elements: ids, siblings, headings, the hashes operations name, readable text."""

from __future__ import annotations

import copy

from lxml import etree

from ...messages import Message
from ...model import canonical, names
from ...model.document import content_text, inline_text
from ...model.xmlparse import parse_bytes

NODE_TAGS = (names.CLAUSE, names.DIVISION)
NODE_KINDS = {names.CLAUSE: "clause", names.DIVISION: "division"}


def xml_of(element: etree._Element) -> str:
    return canonical.to_string(element)


def element_of(xml: str) -> etree._Element:
    return parse_bytes(xml.encode("utf-8"), "<operation>")


def tag_of(element: etree._Element) -> str:
    """The element's name ("" for a comment or an entity, which the hardened parser never makes)."""
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def id_of(element: etree._Element) -> str:
    return element.get(names.ID, "")


def node_children(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent if child.tag in NODE_TAGS]


def next_node(element: etree._Element) -> etree._Element | None:
    sibling = element.getnext()
    while sibling is not None and sibling.tag not in NODE_TAGS:
        sibling = sibling.getnext()
    return sibling


def previous_node(element: etree._Element) -> etree._Element | None:
    sibling = element.getprevious()
    while sibling is not None and sibling.tag not in NODE_TAGS:
        sibling = sibling.getprevious()
    return sibling


def heading_of(element: etree._Element) -> etree._Element | None:
    first = element[0] if len(element) else None
    return first if first is not None and first.tag == names.HEADING else None


def rest_of(clause: etree._Element) -> list[etree._Element]:
    """A clause's children after its heading: origin and content blocks."""
    return [child for child in clause if child.tag != names.HEADING and isinstance(child.tag, str)]


def shell_of(division: etree._Element) -> etree._Element:
    """A division without its clauses and subdivisions: id, kind, num and heading."""
    shell = etree.Element(division.tag, dict(division.attrib))
    heading = heading_of(division)
    if heading is not None:
        shell.append(copy.deepcopy(heading))
    return shell


def node_kind(tag: object) -> Message:
    """A clause or a division (for no tag: either), in words."""
    kind = NODE_KINDS.get(tag if isinstance(tag, str) else "")
    return Message(f"amend.op.kind.{kind}") if kind else Message("ops.clause_or_division")


def where_of(parent_id: str | None) -> Message:
    return Message("ops.where.division", id=parent_id) if parent_id else Message("ops.where.body")


def division_sha256(division: etree._Element) -> str:
    """The identity of a division's own part (id, kind, num, heading), not of what it holds."""
    return canonical.element_sha256(shell_of(division))


def node_sha256(element: etree._Element) -> str:
    """The base hash an operation names: a clause's whole element, a division's own part."""
    if element.tag == names.DIVISION:
        return division_sha256(element)
    return canonical.element_sha256(element)


def element_text(xml: str | None) -> str:
    """A readable one-line text of an operation's payload or a conflict side: heading, then content."""
    if not xml:
        return ""
    element = element_of(xml)
    if element.tag == names.HEADING:
        return inline_text(element)
    heading = heading_of(element)
    parts = [element.get(names.NUM, ""), inline_text(heading) if heading is not None else "", content_text(element)]
    return " ".join(part for part in parts if part)


def clause_document(clause_xml: str | None, like: etree._Element) -> etree._Element:
    """A one-clause agreement (id, language and title of `like`) holding `clause_xml` (or nothing):
    lets the redline engine compare a single clause, e.g. the two sides of a conflict."""
    root = etree.Element(
        names.AGREEMENT, {names.ID: like.get(names.ID, "text"), names.LANG: like.get(names.LANG, "nl")}
    )
    meta = etree.SubElement(root, names.META)
    title = like.find(f"{names.META}/{names.TITLE}")
    meta.append(copy.deepcopy(title) if title is not None else etree.Element(names.TITLE))
    body = etree.SubElement(root, names.BODY)
    if clause_xml and element_of(clause_xml).tag == names.CLAUSE:
        body.append(element_of(clause_xml))
    return root
