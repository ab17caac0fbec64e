"""Plain-text rendering of a document for reading in a terminal: divisions, clauses, leden and items."""

from __future__ import annotations

import textwrap

from lxml import etree

from ..model import names
from ..model.document import Clause, Division, Document, inline_text

WIDTH = 100


def _blocks(element: etree._Element, indent: str, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == names.P:
            out.extend(
                textwrap.wrap(inline_text(child), WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]
            )
        elif tag in (names.PARA, names.ITEM):
            num = child.get(names.NUM, "")
            lines: list[str] = []
            _blocks(child, indent + " " * (len(num) + 1), lines)
            if lines and num:
                lines[0] = indent + num + " " + lines[0][len(indent) + len(num) + 1 :]
            elif num:
                lines = [indent + num]
            out.extend(lines)
        elif tag == names.LIST:
            _blocks(child, indent, out)
        elif tag == names.TABLE:
            for row in child.iterchildren(names.ROW):
                out.append(indent + " | ".join(inline_text(cell) for cell in row.iterchildren(names.CELL)))


def clause_text(clause: Clause, indent: str = "") -> str:
    head = f"{indent}{clause.num}"
    if clause.heading:
        head += f"  {clause.heading}"
    lines = [head]
    _blocks(clause.element, indent + "    ", lines)
    return "\n".join(lines)


def document_text(doc: Document, label: str | None = None) -> str:
    title = doc.title
    if label:
        title += f" — {'versie' if doc.lang == 'nl' else 'version'} {label}"
    out = [title, "=" * min(len(title), WIDTH), ""]
    preamble = doc.root.find(names.PREAMBLE)
    if preamble is not None:
        _blocks(preamble, "", out)
        out.append("")
    shown: list[Division] = []
    for clause in doc.clauses:
        divisions = clause.divisions
        for depth, division in enumerate(divisions):
            if depth >= len(shown) or shown[depth].element is not division.element:
                if out[-1]:
                    out.append("")
                out.append("  " * depth + division.label)
                shown = shown[:depth]
                shown.append(division)
        shown = shown[: len(divisions)]
        out.append(clause_text(clause, "  " * len(divisions)))
    return "\n".join(out) + "\n"
