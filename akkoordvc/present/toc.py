"""The table of contents of a text: its divisions, and each clause with its number, permanent id and heading,
so a person can find the id (or the number) to give to ``--clause``."""

from __future__ import annotations

from ..model.document import Division, Document


def toc_lines(doc: Document, title: str) -> list[str]:
    """`title`, then each division heading and each clause as ``number  id  heading``, indented by depth."""
    clauses = doc.clauses
    num_width = max((len(c.num) for c in clauses), default=0)
    id_width = max((len(c.id) for c in clauses), default=0)
    out = [title, "=" * len(title)]
    shown: list[Division] = []
    for clause in clauses:
        divisions = clause.divisions
        for depth, division in enumerate(divisions):
            if depth >= len(shown) or shown[depth].element is not division.element:
                out.append("  " * depth + division.label)
                shown = shown[:depth]
                shown.append(division)
        shown = shown[: len(divisions)]
        indent = "  " * len(divisions)
        out.append(f"{indent}{clause.num:>{num_width}}  {clause.id:<{id_width}}  {clause.heading}".rstrip())
    return out


def toc_data(doc: Document) -> list[dict[str, str | None]]:
    """The same as data: one entry per clause in document order."""
    return [{"num": c.num, "id": c.id, "heading": c.heading or None, "division": c.division} for c in doc.clauses]
