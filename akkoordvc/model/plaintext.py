"""Plain text and Markdown agreements with numbered headings become agreement trees.

What is recognised, line by line (a line is a heading only when it starts at the left margin):

- divisions: Markdown headings without a clause number (`## Algemene bepalingen`) and lines such as
  `Hoofdstuk 2 Begrippen`, `Deel I`, `Titel 3`, `Afdeling 1`, `Paragraaf 2`, `§ 2`, `Bijlage A`,
  `Chapter 2`, `Part I`, `Annex 1`; they nest by Markdown level, or by kind for plain lines;
- the first level-1 Markdown heading (`# Koopovereenkomst`) before any clause is the document title;
- clauses: `Artikel 3 Titel` / `Article 3: Titel` / `Art. 3`, a multi-level number `3.1 Titel`,
  a bare `3.` or `3. Titel` (a short line without closing punctuation), each also after Markdown `#`s;
- inside a clause: `1. text` is a numbered paragraph (lid) when the clause was opened by an article
  heading; in a text whose clauses are themselves numbered lines (`1. text`, `2. text`) each such line
  starts the next clause. `a.`, `a)`, `(a)`, `1°`, `i.` and `-`, `*`, `•` bullets are list items,
  nested by indentation; other lines are paragraphs, and a line directly below another continues it;
- inline Markdown: `**strong**`, `*em*`, `_em_`, `[text](href)`.

Text before the first clause is the preamble; text between a division heading and its first clause
becomes an unnumbered-looking clause with num "intro" so no word is lost.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import AkkoordError
from . import names
from .strings import slug

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_ARTICLE = re.compile(
    r"^(?:artikel|article|art\.)\s+(\d+[a-z]?(?:\.\d+[a-z]?)*)\.?(?:\s*[:.\-–—]\s*|\s+|$)(.*)$", re.IGNORECASE
)
_MULTI = re.compile(r"^(\d+(?:\.\d+)+)\.?(?:\s+(.*))?$")
_SINGLE = re.compile(r"^(\d+[a-z]?)\.(?:\s+(.*))?$")
_DIVISION_WORDS = {
    "deel": "part",
    "part": "part",
    "boek": "part",
    "hoofdstuk": "chapter",
    "chapter": "chapter",
    "titel": "title",
    "title": "title",
    "afdeling": "section",
    "paragraaf": "paragraph",
    "§": "paragraph",
    "subparagraaf": "subsection",
    "bijlage": "annex",
    "annex": "annex",
    "schedule": "annex",
}
_DIVISION = re.compile(
    r"^(deel|part|boek|hoofdstuk|chapter|titel|title|afdeling|paragraaf|subparagraaf|bijlage|annex|schedule|§)"
    r"\s*([0-9]+[a-z]?(?:\.[0-9]+)*|[IVXLCDM]+|[A-Z])\.?(?:\s*[:.\-–—]\s*|\s+|$)(.*)$",
    re.IGNORECASE,
)
_KIND_RANK = {"part": 1, "annex": 1, "chapter": 2, "title": 3, "section": 4, "paragraph": 5, "subsection": 6}
_LEVEL_KIND = {1: "part", 2: "chapter", 3: "section", 4: "paragraph", 5: "subsection", 6: "subsection"}
_ITEM = re.compile(r"^(?:(\([a-z0-9]{1,4}\))|([a-z]|[ivx]{1,5}|\d+)[.)]|(\d+°\.?)|([-*•–]))\s+(.*)$")
_INLINE = re.compile(
    r"\*\*(?P<strong>.+?)\*\*"
    r"|__(?P<strong2>.+?)__"
    r"|\*(?P<em>[^\s*](?:.*?[^\s*])?)\*"
    r"|(?<![A-Za-z0-9])_(?P<em2>[^\s_](?:.*?[^\s_])?)_(?![A-Za-z0-9])"
    r"|\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)"
)
_NUM_UNSAFE = re.compile(r"[^A-Za-z0-9.]+")
_HEADING_MAX = 80


def _heading_like(text: str) -> bool:
    """A short line without closing punctuation reads as a heading ("Prijs en betaling"), not a sentence."""
    text = text.strip()
    return bool(text) and len(text) <= _HEADING_MAX and text[-1] not in ".;:,!?" and not text[0].islower()


def from_text(
    text: str,
    *,
    doc_id: str,
    title: str | None,
    lang: str = "nl",
    fallback_title: str | None = None,
    source: str = "<text>",
) -> etree._Element:
    """Convert a plain-text or Markdown agreement into a new `agreement` root element.

    `title` wins when given; else the first `# ` heading, else `fallback_title` (e.g. the file name), else `doc_id`.
    Raises AkkoordError when no clause is recognised.
    """
    builder = _Builder(doc_id)
    builder.feed(text)
    if builder.clause_count == 0:
        raise AkkoordError.keyed("input.plain.no_clause", where=source)
    chosen = title if title and title.strip() else builder.md_title or fallback_title or doc_id
    return builder.build(chosen, lang)


class _Builder:
    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.used: set[str] = {doc_id}
        self.preamble = etree.Element(names.PREAMBLE)
        self.body = etree.Element(names.BODY)
        self.divisions: list[tuple[int, etree._Element]] = []  # open divisions, outermost first
        self.clause: etree._Element | None = None
        self.mode = ""  # how the open clause began: "article", "num-heading" or "num-text"
        self.para: etree._Element | None = None
        self.lists: list[tuple[int, etree._Element]] = []  # open lists with the indent of their items
        self.open_text: list[str] | None = None  # the lines of the paragraph a next line continues
        self.texts: list[tuple[etree._Element, list[str]]] = []  # inline containers and their raw lines
        self.md_title: str | None = None
        self.clause_count = 0

    # ids --------------------------------------------------------------------------------------------
    def _unique(self, wanted: str) -> str:
        ident, n = wanted, 2
        while ident in self.used:
            ident = f"{wanted}-{n}"
            n += 1
        self.used.add(ident)
        return ident

    # lines ------------------------------------------------------------------------------------------
    def feed(self, text: str) -> None:
        for raw in text.splitlines():
            line = raw.expandtabs(4).rstrip()
            stripped = line.lstrip()
            if not stripped:
                self.open_text = None
                continue
            indent = len(line) - len(stripped)
            if indent == 0 and self._heading(stripped):
                continue
            if self._numbered(stripped, indent):
                continue
            if self._item(stripped, indent):
                continue
            self._paragraph(stripped, indent)

    def _heading(self, line: str) -> bool:
        md = _MD_HEADING.match(line)
        level = len(md.group(1)) if md else 0
        content = md.group(2).strip() if md else line
        article = _ARTICLE.match(content)
        if article and (md or not article.group(2) or not article.group(2)[0].islower()):
            self._start_clause(article.group(1), article.group(2), "article", level)
            return True
        division = _DIVISION.match(content)
        if division and (md or not division.group(3) or _heading_like(division.group(3))):
            kind = _DIVISION_WORDS[division.group(1).lower()]
            self._start_division(kind, division.group(2), division.group(3), level or _KIND_RANK[kind])
            return True
        multi = _MULTI.match(content)
        if multi and (md or not multi.group(2) or not multi.group(2)[0].islower()):
            rest = (multi.group(2) or "").strip()
            if md or _heading_like(rest):
                self._start_clause(multi.group(1), rest, "article", level)
            else:  # "3.1 De koper betaalt ...": a numbered clause whose first line is its text
                self._add_p(self._start_clause(multi.group(1), "", "article"), rest)
            return True
        if md:
            single = _SINGLE.match(content)
            if single:
                self._start_clause(single.group(1), single.group(2) or "", "article", level)
            elif level == 1 and self.md_title is None and self.clause_count == 0 and not self.divisions:
                self.md_title = content
                self.open_text = None
            else:
                self._start_division(_LEVEL_KIND[level], "", content, level)
            return True
        return False

    def _numbered(self, line: str, indent: int) -> bool:
        """'3.' or '3. text' at the margin: a new clause or a lid of the open clause, depending on the mode."""
        single = _SINGLE.match(line)
        if not single or indent:
            return False
        num, rest = single.group(1), (single.group(2) or "").strip()
        if self.clause is not None and (
            self.mode == "article" or (self.mode == "num-heading" and rest and not _heading_like(rest))
        ):
            self._start_para(num, rest)
            return True
        mode = "num-heading" if (not rest or _heading_like(rest)) else "num-text"
        clause = self._start_clause(num, rest if mode == "num-heading" else "", mode)
        if mode == "num-text":
            self._add_p(clause, rest)
        return True

    def _item(self, line: str, indent: int) -> bool:
        match = _ITEM.match(line)
        if not match:
            return False
        container = self._container()
        if container is None:
            return False
        paren, marker, degree, bullet, rest = match.groups()
        num = paren or (f"{marker}{line[len(marker)]}" if marker else None) or degree
        while self.lists and self.lists[-1][0] > indent:
            self.lists.pop()
        if self.lists and self.lists[-1][0] == indent:
            lst = self.lists[-1][1]
        else:
            parent = self.lists[-1][1][-1] if self.lists else container
            lst = etree.SubElement(parent, names.LIST)
            if bullet:
                lst.set(names.KIND, "bullet")
            self.lists.append((indent, lst))
        item = etree.SubElement(lst, names.ITEM)
        if num:
            item.set(names.NUM, num)
        self._add_p(item, rest)
        return True

    def _paragraph(self, line: str, indent: int) -> None:
        if self.open_text is not None:
            self.open_text.append(line)
            return
        if self.lists and indent > 0:
            # an indented paragraph continues the last list item at or above its indent
            while len(self.lists) > 1 and self.lists[-1][0] > indent:
                self.lists.pop()
            self._add_p(self.lists[-1][1][-1], line)
            return
        self.lists = []
        if indent == 0:
            self.para = None
        container = self._container()
        if container is None:
            container = self.preamble if not len(self.body) else self._intro_clause()
        self._add_p(container, line)

    # building ---------------------------------------------------------------------------------------
    def _container(self) -> etree._Element | None:
        if self.para is not None:
            return self.para
        if self.clause is not None:
            return self.clause
        if not len(self.body) and not self.divisions:
            return self.preamble
        return None

    def _add_p(self, parent: etree._Element, text: str) -> None:
        p = etree.SubElement(parent, names.P)
        lines = [text] if text else []
        self.texts.append((p, lines))
        self.open_text = lines

    def _parent(self) -> etree._Element:
        return self.divisions[-1][1] if self.divisions else self.body

    def _start_division(self, kind: str, num: str, heading: str, level: int) -> None:
        while self.divisions and self.divisions[-1][0] >= level:
            self.divisions.pop()
        division = etree.SubElement(self._parent(), names.DIVISION)
        label = heading.strip() or f"{kind} {num}"
        division.set(names.ID, self._unique(f"d-{slug(label) or kind}"))
        division.set(names.KIND, kind)
        if num:
            division.set(names.NUM, num)
        if heading.strip():
            self._add_inline(etree.SubElement(division, names.HEADING), heading.strip())
        self.divisions.append((level, division))
        self._close_clause()

    def _start_clause(self, num: str, heading: str, mode: str, level: int = 0) -> etree._Element:
        """Open a clause; a Markdown clause heading (`level` > 0) also closes divisions of its level or deeper."""
        while level and self.divisions and self.divisions[-1][0] >= level:
            self.divisions.pop()
        heading = heading.strip()
        clause = etree.SubElement(self._parent(), names.CLAUSE)
        wanted = slug(heading) if heading else ""
        clause.set(names.ID, self._unique(_prefixed("c", wanted) if wanted else f"c-{_NUM_UNSAFE.sub('-', num)}"))
        clause.set(names.NUM, num)
        if heading:
            self._add_inline(etree.SubElement(clause, names.HEADING), heading)
        self._close_clause()
        self.clause = clause
        self.mode = mode
        self.clause_count += 1
        return clause

    def _intro_clause(self) -> etree._Element:
        """A clause for text between a division heading and its first clause."""
        parent = self._parent()
        clause = etree.SubElement(parent, names.CLAUSE)
        clause.set(names.ID, self._unique(f"{parent.get(names.ID, 'body')}-intro"))
        clause.set(names.NUM, "intro")
        self.clause = clause
        self.mode = "num-text"  # a numbered line after it starts the first real clause
        return clause

    def _start_para(self, num: str, text: str) -> None:
        assert self.clause is not None  # a numbered paragraph is only recognised inside a clause
        self.lists = []
        self.para = etree.SubElement(self.clause, names.PARA, {names.NUM: num})
        if text:
            self._add_p(self.para, text)
        else:
            self.open_text = None

    def _close_clause(self) -> None:
        self.clause = None
        self.para = None
        self.lists = []
        self.open_text = None

    def _add_inline(self, element: etree._Element, text: str) -> None:
        self.texts.append((element, [text]))
        self.open_text = None

    def build(self, title: str, lang: str) -> etree._Element:
        for element, lines in self.texts:
            _render_inline(" ".join(lines), element)
        agreement = etree.Element(names.AGREEMENT, {names.ID: self.doc_id, names.LANG: lang})
        meta = etree.SubElement(agreement, names.META)
        _render_inline(title.strip(), etree.SubElement(meta, names.TITLE))
        if len(self.preamble):
            agreement.append(self.preamble)
        agreement.append(self.body)
        return agreement


def _prefixed(prefix: str, ident: str) -> str:
    if not ident:
        return prefix
    return ident if ident[0].isalpha() else f"{prefix}-{ident}"


def _append(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _render_inline(text: str, parent: etree._Element) -> None:
    """Append `text` to `parent`, turning Markdown emphasis and links into inline elements."""
    pos = 0
    for match in _INLINE.finditer(text):
        _append(parent, text[pos : match.start()])
        pos = match.end()
        groups = match.groupdict()
        if groups["strong"] is not None or groups["strong2"] is not None:
            _render_inline(groups["strong"] or groups["strong2"], etree.SubElement(parent, names.STRONG))
        elif groups["em"] is not None or groups["em2"] is not None:
            _render_inline(groups["em"] or groups["em2"], etree.SubElement(parent, names.EM))
        else:
            ref = etree.SubElement(parent, names.REF, {names.HREF: groups["href"]})
            _render_inline(groups["text"], ref)
    _append(parent, text[pos:])
