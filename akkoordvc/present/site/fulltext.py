"""A version's full text as HTML: divisions, clauses, leden, lists, tables and inline markup.

Every clause is a `section` whose id is the clause's permanent id (so `#ma-akbanken` stays right
across versions), and an article's heading carries the number anchor (`#art-13`) when that number is
unique in the text. Clauses are named by their kind ("Artikel 5" for an article, an annex or closing
formula by its own number) and divisions by theirs ("Hoofdstuk 2"); a figure is shown by its file name. Divisions keep their own ids too, so a `ref` inside the text (`#h-zeggenschap`) works as it
is. Element names come from `model.names`; an element this module does not know still shows its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ...model import names
from ...model.document import Clause, Division, Document
from ..labels import clause_label, division_name
from ..labels import labels as redline_labels
from .markup import Child, h

_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_NUM_SLUG = re.compile(r"[^a-z0-9.:]+")
_INLINE = {names.EM: "em", names.STRONG: "strong", names.U: "u", names.SUP: "sup", names.SUB: "sub"}


def num_anchor(num: str) -> str:
    """ "13" -> "art-13", "7:201" -> "art-7:201", "Artikel 5a" -> "art-5a"; "" when there is no number."""
    text = num.strip().lower()
    if text.startswith("artikel "):
        text = text[len("artikel ") :]
    slug = _NUM_SLUG.sub("-", text).strip("-")
    return f"art-{slug}" if slug else ""


def number_anchors(doc: Document) -> dict[str, str]:
    """Clause id -> its number anchor, for numbers that are unique in the text and collide with no id."""
    taken = {e.get(names.ID) for e in doc.root.iter() if isinstance(e.tag, str) and e.get(names.ID)}
    by_anchor: dict[str, list[str]] = {}
    for clause in doc.clauses:
        kind = clause.element.get(names.KIND)
        anchor = num_anchor(clause.num) if not kind or kind == names.ARTICLE else ""
        if anchor:
            by_anchor.setdefault(anchor, []).append(clause.id)
    return {ids[0]: anchor for anchor, ids in by_anchor.items() if len(ids) == 1 and anchor not in taken}


class TextRenderer:
    """Renders one document; `history(clause_id)` gives the link to a clause's history page (or None)."""

    def __init__(self, doc: Document, history: Callable[[str], str | None], words: dict[str, str]):
        self.doc = doc
        self.history = history
        self.words = words
        self.lab = redline_labels(doc.lang)
        self.ids = {e.get(names.ID) for e in doc.root.iter() if isinstance(e.tag, str) and e.get(names.ID)}
        self.anchors = number_anchors(doc)

    # inline ------------------------------------------------------------------------------------
    def href(self, value: str | None) -> str | None:
        if not value:
            return None
        if value.startswith("#"):
            return value if value[1:] in self.ids else None
        return value if value.lower().startswith(_SAFE_SCHEMES) else None

    def inline(self, element: etree._Element) -> list[Child]:
        out: list[Child] = [element.text]
        for child in element:
            if isinstance(child.tag, str):
                inner = self.inline(child)
                if child.tag in _INLINE:
                    out.append(h(_INLINE[child.tag], None, inner))
                elif child.tag == names.REF and self.href(child.get(names.HREF)):
                    out.append(h("a", {"href": self.href(child.get(names.HREF))}, inner))
                elif child.tag == names.FIGURE:
                    out.append(self.figure(child, "span"))
                else:
                    out.append(inner)
            out.append(child.tail)
        return out

    # blocks ------------------------------------------------------------------------------------
    def blocks(self, element: etree._Element, where: str) -> list[Child]:
        out: list[Child] = []
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in (names.HEADING, names.SUBHEADING, names.ORIGIN):
                continue
            if tag == names.P:
                out.append(h("p", None, self.inline(child)))
            elif tag == names.PARA:
                out.append(self.numbered("div", "para", child, where))
            elif tag == names.LIST:
                out.append(h("ol", {"class": "items"}, [self.numbered("li", "item", item, where) for item in child]))
            elif tag == names.TABLE:
                out.append(self.table(child, where))
            elif tag == names.FIGURE:
                out.append(self.figure(child, "p"))
            elif len(child):
                out.append(h("div", {"class": f"block {tag}"}, self.blocks(child, where)))
            else:
                out.append(h("p", {"class": f"block {tag}"}, self.inline(child)))
        return out

    def numbered(self, tag: str, kind: str, element: etree._Element, where: str) -> etree._Element:
        num = element.get(names.NUM)
        return h(
            tag,
            {"class": kind},
            h("span", {"class": "num"}, num) if num else None,
            h("div", {"class": "body"}, self.blocks(element, where)),
        )

    def figure(self, element: etree._Element, tag: str) -> etree._Element:
        """A figure, shown by the name of its file (the image itself is not part of the text)."""
        return h(tag, {"class": "figure"}, self.words["figure"].format(src=element.get(names.SRC) or "?"))

    def table(self, element: etree._Element, where: str) -> etree._Element:
        rows = [
            h("tr", None, [h("td", None, self.inline(cell)) for cell in row.iterchildren(names.CELL)])
            for row in element.iterchildren(names.ROW)
        ]
        label = f"{self.words['table']}: {where}" if where else self.words["table"]
        return h(
            "div",
            {"class": "table-wrap", "role": "region", "tabindex": "0", "aria-label": label},
            h("table", None, h("tbody", None, rows)),
        )

    # structure ---------------------------------------------------------------------------------
    def heading_tag(self, depth: int) -> str:
        return f"h{min(2 + depth, 6)}"

    def name(self, element: etree._Element) -> str:
        """How a clause is named: "Artikel 5", or an annex or closing formula by its own number."""
        return clause_label(self.lab, element.get(names.KIND), element.get(names.NUM))

    def subheading(self, element: etree._Element) -> Child:
        found = next(element.iterchildren(names.SUBHEADING), None)
        return h("p", {"class": "subheading"}, self.inline(found)) if found is not None else None

    def clause(self, element: etree._Element, depth: int) -> etree._Element:
        clause = Clause(element)
        name = self.name(element)
        title = " ".join(x for x in (name, clause.heading) if x) or clause.id
        heading_element = element.find(names.HEADING)
        anchor = self.anchors.get(clause.id)
        links: list[Child] = [
            h("a", {"href": "#" + (anchor or clause.id), "aria-label": f"{self.words['permalink']}: {title}"}, "#")
        ]
        history = self.history(clause.id)
        if history:
            links += [
                " ",
                h(
                    "a",
                    {"href": history, "aria-label": f"{self.words['clause_history']}: {title}"},
                    self.words["clause_history"],
                ),
            ]
        return h(
            "section",
            {"class": "clause", "id": clause.id},
            h(
                self.heading_tag(depth),
                {"id": anchor},
                h("span", {"class": "num"}, name) if name else None,
                " " if name and heading_element is not None else None,
                h("span", {"class": "title"}, self.inline(heading_element)) if heading_element is not None else None,
            ),
            self.subheading(element),
            h("p", {"class": "clause-links"}, links),
            self.blocks(element, title),
        )

    def division(self, element: etree._Element, depth: int) -> etree._Element:
        division = Division(element)
        heading_element = element.find(names.HEADING)
        name = division_name(self.lab, division.kind, division.num) if division.kind else division.num
        return h(
            "section",
            {"class": "division", "id": division.id or None},
            h(
                self.heading_tag(depth),
                None,
                h("span", {"class": "num"}, name) if name else None,
                " " if name and heading_element is not None else None,
                self.inline(heading_element) if heading_element is not None else None,
            ),
            self.subheading(element),
            self.children(element, depth + 1),
        )

    def children(self, element: etree._Element, depth: int) -> list[Child]:
        out: list[Child] = []
        other = []
        for child in element:
            if child.tag == names.DIVISION:
                out.append(self.division(child, depth))
            elif child.tag == names.CLAUSE:
                out.append(self.clause(child, depth))
            elif isinstance(child.tag, str) and child.tag not in (names.HEADING, names.SUBHEADING):
                other.append(child)
        if other:  # a division's own text, when the vocabulary gives it one
            holder = etree.Element("holder")
            holder.extend(other)
            out.insert(0, h("div", {"class": "division-text"}, self.blocks(holder, "")))
        return out

    def render(self) -> list[Child]:
        out: list[Child] = []
        preamble = self.doc.root.find(names.PREAMBLE)
        if preamble is not None:
            out.append(
                h(
                    "section",
                    {"class": "preamble", "aria-labelledby": "_preamble"},
                    h("h2", {"id": "_preamble"}, self.words["preamble"]),
                    self.blocks(preamble, self.words["preamble"]),
                )
            )
        body = self.doc.body
        if body is not None:
            out.extend(self.children(body, 0))
        return out

    def contents(self) -> etree._Element:
        """A nested list of the divisions and clauses, linking to each."""

        def items(element: etree._Element) -> list[etree._Element]:
            found = []
            for child in element:
                if child.tag == names.DIVISION:
                    division = Division(child)
                    name = division_name(self.lab, division.kind, division.num) if division.kind else division.num
                    label = " ".join(x for x in (name, division.heading) if x) or division.id
                    inner = items(child)
                    found.append(
                        h(
                            "li",
                            None,
                            h("a", {"href": "#" + division.id}, label) if division.id else label,
                            h("ol", None, inner) if inner else None,
                        )
                    )
                elif child.tag == names.CLAUSE:
                    clause = Clause(child)
                    title = " ".join(x for x in (self.name(child), clause.heading) if x) or clause.id
                    found.append(h("li", None, h("a", {"href": "#" + clause.id}, title)))
            return found

        body = self.doc.body
        return h("ol", {"class": "contents"}, items(body) if body is not None else [])
