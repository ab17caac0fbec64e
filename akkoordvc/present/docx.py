"""A redline as a Word document with real tracked changes.

`render(redline)` returns the bytes of a .docx package: this module writes word/document.xml and
its styles, and the package writer it shares with the clean export (`present/ooxml.py`) adds the
other parts.

The document has a title, the two versions with their text hashes, a summary, and then the text
in the redline's reading order (see `html.reading_order`), block by block, written as the clean
export writes it (`present/worddoc.py`, the same styles): the agreement's title and short title,
the preamble, each division heading ("Hoofdstuk 3<tab>Heading", Word's "heading N") with its own
text, each clause heading ("Artikel 5<tab>Heading"), and one paragraph per block: a lid "1<tab>text",
a list item in "Opsomming N" by depth, further paragraphs of a lid or item, subheadings, figures,
and tables as real tables with a row inserted or deleted as a tracked row. Every change is a
revision Word and LibreOffice list for accepting or rejecting: inserted text is `w:ins` around
`w:r/w:t`, deleted text `w:del` around `w:r/w:delText`, each with a unique `w:id`, `w:author` and
`w:date` (for an amendment, its proposers and proposal date: see `cli/redline_cmds.py`). A block
that exists only in the new text has its paragraph mark inserted too (`w:pPr/w:rPr/w:ins`), one
only in the old text has it deleted, so that "accept all" leaves exactly the paragraphs of the new
text and "reject all" those of the old (tests/test_docx_redline_blocks.py checks both in
LibreOffice on every consecutive pair of the corpus). A moved clause is deleted where it stood and
inserted where it now stands (plain `w:del`/`w:ins`, no move markup: LibreOffice reads it
reliably); a note paragraph on each side links to the other (bookmarks and internal hyperlinks).
A moved division likewise: the old division whole (heading, own text, every clause and division
in it, from the old XML) deleted at its old place, and at its new place everything in it inserted
(the redline's changes inside it are shown as the new text, as in a moved clause), so that the
clauses around it keep their order either way.
Notes, the summary and, when only changes are shown, the division a changed clause stands in are
ordinary, untracked text in their own styles (AkkoordNote, AkkoordMeta, AkkoordKop). A redline
built by hand, without the block trees of `ops.align`, is written a clause at a time: a heading
paragraph and a body paragraph.

Characters are written as they are (a changed no-break space stays a no-break space, so
accepting gives the exact text); a note names changed invisible characters with
`tokens.visible`.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import names
from ..model import wordml_names as wn
from ..model.dates import word_moment as iso_date
from ..model.document import Clause
from ..ops.blocks import same
from ..ops.redline import (
    ADDED,
    DELETE,
    EQUAL,
    INSERT,
    MERGED,
    MOVED,
    REMOVED,
    SPLIT,
    BlockChange,
    ClauseChange,
    PartChange,
    Redline,
)
from . import labels as L
from .html import is_moved, kinds, reading_order
from .ooxml import SANS, Package, Styles, cell, clean, el, new_document, page_setup, table
from .worddoc import content_styles

__all__ = ["STYLE_CLAUSE", "STYLE_HEADING", "STYLE_META", "STYLE_NOTE", "iso_date", "render"]

W_NS = wn.W_NS
XML_SPACE = wn.XML_SPACE

#: Paragraph style ids: clause headings, clause text, notes (untracked commentary), header lines.
STYLE_HEADING = "Heading2"
STYLE_DIVISION = "Heading1"
STYLE_CLAUSE = "AkkoordClause"
STYLE_NOTE = "AkkoordNote"
STYLE_META = "AkkoordMeta"
STYLE_TITLE = "AkkoordTitel"  # the redline's own title (the agreement's title part is in Title)
STYLE_CONTEXT = "AkkoordKop"  # the division a changed clause stands in, when only changes are shown

_JOIN_MARK = "\u00b7"  # the text of the paragraphs that close a run of whole inserted or deleted ones
_TAB_OR_BREAK = re.compile(r"(\t|\r\n|\n|\r)")


w = wn.w
_el = el


_clean = clean


def _merge(segments) -> list[tuple]:
    """Segments (op, text[, character style]) with empty ones dropped and equal neighbours joined."""
    out: list[tuple] = []
    for op, text, *style in segments:
        if not text:
            continue
        if out and out[-1][0] == op and out[-1][2:] == tuple(style):
            out[-1] = (op, out[-1][1] + text, *style)
        else:
            out.append((op, text, *style))
    return out


def _old_part(segments) -> str:
    return "".join(t for op, t, *_ in segments if op != INSERT)


def _new_part(segments) -> str:
    return "".join(t for op, t, *_ in segments if op != DELETE)


class _Writer:
    def __init__(self, redline: Redline, author: str, date: str, include_unchanged: bool):
        self.redline = redline
        self.author = author or "akkoordvc"
        self.date = date
        self.include_unchanged = include_unchanged
        self.doc_lang = (redline.new.lang or redline.old.lang or "").strip()
        self.lab = L.labels(self.doc_lang)
        # the label words in the agreement's own headings ("Artikel", "Hoofdstuk"), per side: each side in its
        # text's own language, as the clean export of that text writes them
        self.side_labels = {True: L.labels(redline.old.lang), False: L.labels(redline.new.lang)}
        self.next_id = 1
        # the last paragraph ended in an insertion while its paragraph mark is not tracked
        self.open_insertion = False
        # the paragraphs of the agreement written whole inserted or whole deleted (see close_runs)
        self.whole: set[etree._Element] = set()
        self.bookmarks: dict[str, str] = {}
        self.bookmark_names: set[str] = set()
        self.document, self.body = new_document()
        from ..ops.tokens import has_invisible, visible

        self.has_invisible, self.visible = has_invisible, visible
        self.by_new_id = {c.id: c for c in redline.clauses if c.id}
        self.by_old_id: dict[str, ClauseChange] = {}
        for c in redline.clauses:
            if c.old_id:
                self.by_old_id.setdefault(c.old_id, c)
        # the old elements of moved divisions: with the unchanged text, each is written whole, deleted, at its
        # old place, so what was in it in the old text is written there and nowhere else
        moved = [p.old for p in redline.parts if p.kind == "division" and MOVED in p.kinds and p.old is not None]
        self.moved_old = set(moved)
        self.covered = {e for m in moved for e in m.iter(names.DIVISION, names.CLAUSE)} if include_unchanged else set()

    # -- ids and bookmarks ------------------------------------------------------------------
    def new_id(self) -> str:
        value = self.next_id
        self.next_id += 1
        return str(value)

    def bookmark(self, key: str) -> str:
        """The Word bookmark name for an anchor key: letters, digits and _, at most 40, unique."""
        if key in self.bookmarks:
            return self.bookmarks[key]
        base = re.sub(r"[^A-Za-z0-9_]", "_", key)
        if not base[:1].isalpha():
            base = "b_" + base
        base = base[:36]
        name, n = base, 2
        while name.lower() in self.bookmark_names:
            name, n = f"{base}_{n}", n + 1
        self.bookmark_names.add(name.lower())
        self.bookmarks[key] = name
        return name

    # -- runs and paragraphs ----------------------------------------------------------------
    def revision(self, parent, kind: str) -> etree._Element:
        return _el(parent, kind, id=self.new_id(), author=self.author, date=self.date)

    def run(self, parent, text: str, *, deleted: bool = False, style: str | None = None) -> None:
        r = _el(parent, "r")
        if style:
            _el(_el(r, "rPr"), "rStyle", val=style)
        for part in _TAB_OR_BREAK.split(_clean(text)):
            if not part:
                continue
            if part == "\t":
                _el(r, "tab")
            elif part in ("\n", "\r\n", "\r"):
                _el(r, "br")
            else:
                t = _el(r, "delText" if deleted else "t")
                t.text = part
                if part != part.strip() or "  " in part:
                    t.set(XML_SPACE, "preserve")

    def paragraph(
        self, style: str | None, *, mark: str | None = None, bookmark: str | None = None, parent=None
    ) -> etree._Element:
        """A new paragraph; `mark` "+" or "-" tracks its paragraph mark as inserted or deleted."""
        p = _el(self.body if parent is None else parent, "p")
        if style or mark:
            ppr = _el(p, "pPr")
            if style:
                _el(ppr, "pStyle", val=style)
            if mark:
                self.revision(_el(ppr, "rPr"), "ins" if mark == INSERT else "del")
        if bookmark:
            _el(p, "bookmarkStart", id=self.new_id(), name=bookmark)
        return p

    def finish(self, p) -> None:
        """Close the paragraph's bookmark, if it has one, after its content."""
        start = p.find(w("bookmarkStart"))
        if start is not None:
            _el(p, "bookmarkEnd", id=start.get(w("id")))

    def segments(self, p, segments) -> None:
        for op, text, *style in _merge(segments):
            rstyle = style[0] if style else None
            if op == EQUAL:
                self.run(p, text, style=rstyle)
            elif op == INSERT:
                self.run(self.revision(p, "ins"), text, style=rstyle)
            elif op == DELETE:
                self.run(self.revision(p, "del"), text, deleted=True, style=rstyle)

    def tracked_paragraph(
        self, style: str, segments, *, bookmark: str | None = None, mark: str | None = "auto"
    ) -> bool:
        """A paragraph of (op, text) segments; its mark is inserted when it has no old text,
        deleted when it has no new text (unless `mark` says otherwise); nothing when it has
        neither. True if written."""
        segments = _merge(segments)
        old, new = _old_part(segments), _new_part(segments)
        if not old and not new:
            return False
        if mark == "auto":
            mark = INSERT if not old else DELETE if not new else None
        if self.open_insertion and segments[0][0] == INSERT:
            # LibreOffice joins an insertion that ends a paragraph with one that starts the next
            # (same author, within a minute) into one change spanning the paragraph break in
            # between, so "reject all" would join the two paragraphs. An empty untracked
            # paragraph between them keeps the changes apart.
            self.plain(STYLE_NOTE, "")
        p = self.paragraph(style, mark=mark, bookmark=bookmark)
        self.segments(p, segments)
        self.finish(p)
        self.open_insertion = segments[-1][0] == INSERT and mark is None
        return True

    def plain(self, style: str, text: str, *, bookmark: str | None = None, links=()) -> None:
        """An untracked paragraph; `links` is a list of (text, bookmark) appended as hyperlinks."""
        self.open_insertion = False
        p = self.paragraph(style, bookmark=bookmark)
        if text:
            self.run(p, text)
        for link_text, target in links:
            if target:
                link = _el(p, "hyperlink", anchor=target, history="1")
                self.run(link, link_text, style="Hyperlink")
            else:
                self.run(p, link_text)
        self.finish(p)

    # -- clause pieces ----------------------------------------------------------------------
    def name(self, num: str | None) -> str:
        return L.clause_name(self.lab, num) if num else ""

    def heading_segments(self, c: ClauseChange, mode: str) -> list[tuple[str, str]]:
        """mode "diff": the heading with its changes; "+": all new (inserted); "-": all old."""
        old_name = self.name(c.old_num) if c.old_id else ""
        new_name = self.name(c.num) if c.id else ""
        if mode == INSERT:
            return [(INSERT, " ".join(x for x in (new_name, c.heading or "") if x))]
        if mode == DELETE:
            return [(DELETE, " ".join(x for x in (old_name, c.old_heading or "") if x))]
        if old_name == new_name:
            num = [(EQUAL, new_name)]
        else:
            template = self.lab["clause"]
            if old_name and new_name and c.old_num == old_name.split()[-1] and c.num == new_name.split()[-1]:
                before, after = template.split("{num}", 1)
                num = [(EQUAL, before), (DELETE, c.old_num), (INSERT, c.num), (EQUAL, after)]
            else:
                num = [(DELETE, old_name), (INSERT, new_name)]
        if c.heading_words:
            head = list(c.heading_words)
        else:
            old_head = (c.old_heading or "") if c.old_id else ""
            new_head = (c.heading or "") if c.id else ""
            head = [(EQUAL, new_head)] if old_head == new_head else [(DELETE, old_head), (INSERT, new_head)]
        old_sep = bool(_old_part(num)) and bool(_old_part(head))
        new_sep = bool(_new_part(num)) and bool(_new_part(head))
        sep = [(EQUAL if old_sep and new_sep else DELETE if old_sep else INSERT, " ")] if old_sep or new_sep else []
        return _merge(num + sep + head)

    def body_segments(self, c: ClauseChange, mode: str) -> list[tuple[str, str]]:
        if mode == INSERT:
            return [(INSERT, c.new_text)]
        if mode == DELETE:
            return [(DELETE, c.old_text)]
        if c.words:
            return list(c.words)
        if not c.old_id:
            return [(INSERT, c.new_text)]
        if not c.id:
            return [(DELETE, c.old_text)]
        if c.old_text == c.new_text:
            return [(EQUAL, c.new_text)]
        return [(DELETE, c.old_text), (INSERT, c.new_text)]

    def invisible_note(self, segments) -> str:
        changed = [t for op, t, *_ in segments if op != EQUAL and self.has_invisible(t)]
        if not changed:
            return ""
        shown = []
        for text in changed[:5]:
            # a window of about 20 characters either side of the first invisible character
            first = next(i for i, ch in enumerate(text) if self.has_invisible(ch))
            start, end = max(0, first - 20), min(len(text), first + 21)
            piece = ("\u2026" if start else "") + self.visible(text[start:end]) + ("\u2026" if end < len(text) else "")
            shown.append(f"\u201c{piece}\u201d")
        return self.lab["invisible_changed"].format(text=" / ".join(shown))

    def related_names(self, c: ClauseChange, old: bool) -> str:
        """ "artikelen 1, 1a" for the clauses related to `c` (their ids when a number is missing)."""
        nums = []
        known = tuple(getattr(c, "related_nums", ()) or ())
        for k, cid in enumerate(c.related):
            target = self.by_old_id.get(cid) if old else self.by_new_id.get(cid)
            num = (target.old_num if old else target.num) if target is not None else None
            num = num or (known[k] if k < len(known) else None)
            if not num:
                return ", ".join(c.related)
            nums.append(num)
        return self.lab["clause_plural_lc"].format(nums=", ".join(nums))

    def clause(self, c: ClauseChange, part: str | None = None, *, whole: bool = False) -> None:
        """One clause: heading, note, text. `part` is "first", "next" or "last" for the parts of
        a split clause written together: the first carries the old heading, the later ones
        have their heading inserted, and the text of every part but the last ends in an
        inserted paragraph mark (plus the deleted space that joined the parts), so that
        rejecting all changes gives back the one old clause. `whole`: only the new clause,
        inserted (its old side is written with the old place of a moved division)."""
        moved = is_moved(c)
        whole = whole or moved or c.change == ADDED
        mode = INSERT if whole else DELETE if c.change == REMOVED else "diff"
        anchor = self.bookmark(c.anchor)
        heading = self.heading_segments(c, INSERT if part in ("next", "last") else mode)
        body = self.body_segments(c, mode)
        body_mark = "auto"
        if part in ("first", "next"):
            body_mark = INSERT
            if not _old_part(body)[-1:].isspace():
                body = body + [(DELETE, " ")]
        if c.tree and part is None:
            self.clause_blocks(c, mode, anchor, lambda: self.clause_note(c, moved, c.words, None))
            return
        written = self.tracked_paragraph(STYLE_HEADING, heading, bookmark=anchor)
        if part in ("next", "last"):
            # no untracked note between the parts: it would stand inside the old clause's text
            self.tracked_paragraph(STYLE_CLAUSE, body, bookmark=None if written else anchor, mark=body_mark)
            return
        if c.changed:
            self.clause_note(c, moved, c.words or body, None if written else anchor)
            written = True
        self.tracked_paragraph(STYLE_CLAUSE, body, bookmark=None if written else anchor, mark=body_mark)

    def clause_note(self, c: ClauseChange, moved: bool, words, anchor: str | None) -> None:
        """An untracked note on what changed in a clause (with a link to the old place of a moved one)."""
        lab = self.lab
        if c.changed:
            parts = [" · ".join(L.kind_label(lab, k) for k in kinds(c))]
            counted = L.words_phrase(lab, c.words_inserted, c.words_deleted)
            if counted:
                parts.append(counted)
            if SPLIT in kinds(c) and c.related:
                parts.append(lab["split_into"].format(clauses=self.related_names(c, old=False)))
            if MERGED in kinds(c) and c.related:
                parts.append(lab["merged_from"].format(clauses=self.related_names(c, old=True)))
            invisible = self.invisible_note(words)
            if invisible:
                parts.append(invisible)
            if c.bounded:
                parts.append(lab["bounded_note"])
            links = []
            if moved:
                links = [(lab["moved_from"].format(place=L.old_place(self.lab, c)), self.bookmark(f"was-{c.old_id}"))]
            text = "; ".join(parts) + ("; " if links else "")
            self.plain(STYLE_NOTE, text, links=links, bookmark=anchor)

    def was(self, c: ClauseChange) -> None:
        """The old position of a moved clause: a note linking to the new one, the old text deleted."""
        lab = self.lab
        name = L.clause_name(lab, c.old_num, start=False) if c.old_num else (c.old_heading or c.old_id or "")
        if c.old_num and c.old_heading:
            name = f"{name} ({c.old_heading})"
        stood = lab["old_position"].format(clause=name)
        stood = stood[:1].upper() + stood[1:]
        link = (lab["moved_to"].format(place=L.new_place(self.lab, c)), self.bookmark(c.anchor))
        self.plain(STYLE_NOTE, f"{stood}; ", links=[link], bookmark=self.bookmark(f"was-{c.old_id}"))
        if c.tree:
            self.clause_blocks(c, DELETE, None)
            return
        self.tracked_paragraph(STYLE_HEADING, self.heading_segments(c, DELETE))
        self.tracked_paragraph(STYLE_CLAUSE, self.body_segments(c, DELETE))

    def covered_clause(self, c: ClauseChange) -> bool:
        """Whether the old side of a clause is written with the old place of a moved division (for a merged
        clause: that of its first old clause)."""
        return c.old is not None and c.old in self.covered

    def was_division(self, p: PartChange) -> None:
        """The old place of a moved division: a note linking to the new one, then the old division deleted:
        whole when the unchanged text is written too (unless it stood inside another moved division, which
        holds it), else its heading and own text (its clauses are shown with their changes at the new place)."""
        old = p.old
        whole = self.include_unchanged
        if old is None or (whole and any(a in self.moved_old for a in old.iterancestors(names.DIVISION))):
            return
        lab = self.lab
        stood = lab["was_division"].format(division=L.division_name(lab, p.old_division_kind, p.old_num))
        link = (L.kind_label(lab, MOVED), self.bookmark(p.anchor))
        self.plain(STYLE_NOTE, f"{stood[:1].upper()}{stood[1:]}; ", links=[link], bookmark=self.bookmark(f"was-{p.id}"))
        self.old_element(old, sum(1 for _ in old.iterancestors(names.DIVISION)), top=True, whole=whole)

    def old_element(self, element: etree._Element, depth: int, top: bool = False, whole: bool = True) -> None:
        """A division (with what is in it unless not `whole`) or clause of the old text, deleted, as the clean
        export writes it; the old place of a moved clause or division in it carries the bookmark its new
        place links to."""
        own = [c for c in element if c.tag not in (names.DIVISION, names.CLAUSE)]
        blocks = same(own)
        if element.tag == names.DIVISION:
            heading = next((b.old_text for b in blocks if b.kind == names.HEADING), "")
            num = element.get(names.NUM)
            word = self.division_word(element.get(names.KIND), num, old=True)
            segs = self.heading_segments_of(word, "", num, None, [], DELETE, heading, "")
            moved = element in self.moved_old and not top
            anchor = self.bookmark(f"was-{element.get(names.ID)}") if moved else None
            self.content(wn.DIVISION, segs, DELETE, level=min(depth + 1, 9), bookmark=anchor)
            self.tree(blocks, DELETE)
            for child in element if whole else ():
                if child.tag in (names.DIVISION, names.CLAUSE):
                    self.old_element(child, depth + 1)
            return
        clause = Clause(element)
        moved = self.by_old_id.get(clause.id) if clause.id else None
        anchor = self.bookmark(f"was-{clause.id}") if moved is not None and is_moved(moved) else None
        word = self.article_word(element.get(names.KIND) or names.ARTICLE, clause.num, old=True)
        segs = self.heading_segments_of(word, "", clause.num or None, None, [], DELETE, clause.heading, "")
        self.content(wn.CLAUSE, segs, DELETE, bookmark=anchor)
        self.tree(blocks, DELETE)

    # -- the agreement's own paragraphs, block by block ---------------------------------------
    # A part or clause computed by `ops.align` is written as the clean export writes the text
    # (`present/worddoc.py`: the same styles, "Artikel 5<tab>Heading", "1<tab>text"), each block in
    # its own paragraph with its changes tracked, so that accepting every change gives the
    # paragraphs of the new text and rejecting every change those of the old.

    def content(self, role: str, segments, mode: str, *, level: int = 0, bookmark=None, parent=None) -> None:
        """A paragraph of the agreement in `role`'s style; whole-inserted or -deleted in mode "+"/"-"."""
        segments = _merge(segments)
        mark = mode if mode in (INSERT, DELETE) else None
        if self.open_insertion and segments and segments[0][0] == INSERT and parent is None:
            self.plain(STYLE_NOTE, "")  # see tracked_paragraph
        p = self.paragraph(wn.style_id(role, level), mark=mark, bookmark=bookmark, parent=parent)
        self.segments(p, segments)
        self.finish(p)
        if parent is None:
            self.open_insertion = bool(segments) and segments[-1][0] == INSERT and mark is None
            if mark:
                self.whole.add(p)

    def words_of(self, block: BlockChange, mode: str) -> list:
        if mode == INSERT:
            return [(INSERT, block.new_text)]
        if mode == DELETE:
            return [(DELETE, block.old_text)]
        if block.words:
            return list(block.words)
        if block.old_text == block.new_text:
            return [(EQUAL, block.new_text)]
        return [(DELETE, block.old_text), (INSERT, block.new_text)]

    @staticmethod
    def sided(old: bool, new: bool, mode: str) -> str | None:
        """The op of something present on the old side, the new side or both."""
        old, new = old and mode != INSERT, new and mode != DELETE
        return EQUAL if old and new else DELETE if old else INSERT if new else None

    @staticmethod
    def pair(old: str | None, new: str | None, mode: str, style: str | None = None) -> list:
        """Segments of something with an old and a new value (a number, a label word)."""
        out: list = []
        if mode == INSERT or (mode != DELETE and old == new):
            if new and mode == INSERT:
                out.append((INSERT, new, style))
            elif new:
                out.append((EQUAL, new, style))
            return out
        if old:
            out.append((DELETE, old, style))
        if new and mode != DELETE:
            out.append((INSERT, new, style))
        return out

    def heading_segments_of(self, old_word, new_word, old_num, new_num, words, mode, old_text, new_text):
        """ "Artikel 5<tab>Heading" as segments: label word and number in their character styles."""
        number, label = wn.style_id(wn.NUMBER), wn.style_id(wn.LABEL)
        old_word = (old_word + (" " if old_num else "")) if old_word else ""
        new_word = (new_word + (" " if new_num else "")) if new_word else ""
        segs = self.pair(old_word, new_word, mode, label) + self.pair(old_num, new_num, mode, number)
        tab = self.sided(
            bool(old_text) and bool(old_word or old_num), bool(new_text) and bool(new_word or new_num), mode
        )
        if tab:
            segs.append((tab, "\t"))
        if mode == INSERT:
            segs.append((INSERT, new_text))
        elif mode == DELETE:
            segs.append((DELETE, old_text))
        elif words:
            segs.extend(words)
        else:
            segs.extend([(EQUAL, new_text)] if old_text == new_text else [(DELETE, old_text), (INSERT, new_text)])
        return segs

    def article_word(self, kind: str | None, num: str | None, old: bool) -> str:
        if kind not in (None, "article") or not num or num.lower().startswith("art"):
            return ""
        return self.side_labels[old]["clause"].split("{num}")[0].strip()

    def division_word(self, kind: str | None, num: str | None, old: bool) -> str:
        word = self.side_labels[old].get(f"division_{kind}", "") if kind else ""
        return "" if word and num and num.lower().startswith(word.lower()) else word

    def tree(self, blocks: list[BlockChange], mode: str, in_para: bool = False, depth: int = 0) -> None:
        for b in blocks:
            m = _mode_of(b, mode)
            if m is None:
                continue  # a block of the other side
            kind = b.kind
            if kind in ("heading", "origin", "property", "title", "short-title", "date"):
                continue
            if kind == "para" or kind == "item":
                role, level = (wn.LID, 0) if kind == "para" else (wn.ITEM, depth + 1)
                segs = self.pair(b.old_num, b.num, m, wn.style_id(wn.NUMBER))
                tab = self.sided(b.old_lead is not None and bool(b.old_num), b.new_lead is not None and bool(b.num), m)
                if tab:
                    segs.append((tab, "\t"))
                if b.old_lead is not None or b.new_lead is not None:
                    segs.extend(self.words_of(b, m))
                self.content(role, segs, m, level=level)
                self.tree(b.children, m, in_para=in_para or kind == "para", depth=depth + (kind == "item"))
            elif kind == "list":
                self.tree(b.children, m, in_para=in_para, depth=depth)
            elif kind == "table":
                self.table(b, m)
            elif kind == "p":
                role = wn.ITEM_CONT if depth else wn.LID_CONT if in_para else wn.TEXT
                self.content(role, self.words_of(b, m), m, level=depth)
            elif kind == "subheading":
                self.content(wn.SUBHEADING, self.words_of(b, m), m)
            elif kind == "figure":
                self.content(wn.FIGURE, self.words_of(b, m), m)
            else:
                self.content(wn.TEXT, self.words_of(b, m), m)

    def table(self, b: BlockChange, mode: str) -> None:
        self.open_insertion = False
        rows = [r for r in b.children if r.kind == "row"]
        columns = max((len(r.children) for r in rows), default=1) or 1
        tbl = table(self.body, columns)
        for row in rows:
            m = _mode_of(row, mode)
            if m == "diff" and any(c.change in (ADDED, REMOVED) for c in row.children):
                # a row that gained or lost a cell: the old row deleted, the new one inserted (a tracked
                # cell insertion, w:cellIns, is not something LibreOffice accepts or rejects)
                self.row(tbl, row, DELETE, columns)
                self.row(tbl, row, INSERT, columns)
            elif m is not None:
                self.row(tbl, row, m, columns)

    def row(self, tbl, row: BlockChange, mode: str, columns: int) -> None:
        tr = _el(tbl, "tr")
        if mode in (INSERT, DELETE):
            self.revision(_el(tr, "trPr"), "ins" if mode == INSERT else "del")
        for c in row.children:
            cm = _mode_of(c, mode)
            if cm is not None:
                self.content(wn.CELL, self.words_of(c, cm), "diff", parent=cell(tr, columns))

    def part(self, p: PartChange, mode: str | None = None) -> None:
        """A part outside the clauses: the title, the short title, other metadata (a note), the preamble,
        a division's heading, subheading and own text."""
        m = mode or (
            INSERT if p.change == ADDED or MOVED in (p.kinds or ()) else DELETE if p.change == REMOVED else "diff"
        )
        if p.kind == "title":
            self.content(wn.TITLE, self.words_of_part(p, m), m)
        elif p.kind == "meta" and p.id == "short-title":
            self.content(wn.SHORT_TITLE, self.words_of_part(p, m), m)
        elif p.kind == "meta":
            if p.changed:
                old, new = p.old_text or "\u2014", p.new_text or "\u2014"
                self.plain(STYLE_NOTE, f"{L.part_name(self.lab, p)}: {old} \u2192 {new}")
        elif p.kind == "preamble":
            self.tree(p.blocks, m)
        elif p.kind == "division":
            segs = self.heading_segments_of(
                self.division_word(p.old_division_kind, p.old_num, old=True) if p.exists_old else "",
                self.division_word(p.division_kind, p.num, old=False) if p.exists_new else "",
                p.old_num if p.exists_old else None,
                p.num if p.exists_new else None,
                p.words,
                m,
                p.old_text,
                p.new_text,
            )
            self.content(wn.DIVISION, segs, m, level=min(p.depth + 1, 9), bookmark=self.bookmark(p.anchor))
            if MOVED in p.kinds and p.old is not None:
                moved_from = self.lab["moved_from"].format(place=self.lab["old_place"])
                self.plain(STYLE_NOTE, "", links=[(moved_from, self.bookmark(f"was-{p.id}"))])
            self.tree(p.blocks, m)

    def words_of_part(self, p: PartChange, mode: str) -> list:
        if mode == INSERT:
            return [(INSERT, p.new_text)]
        if mode == DELETE:
            return [(DELETE, p.old_text)]
        return list(p.words) if p.words else [(EQUAL, p.new_text)]

    def clause_blocks(self, c: ClauseChange, mode: str, anchor: str | None, note=None) -> None:
        """A clause computed by `ops.align`: its heading, a note on what changed, its blocks."""
        segs = self.heading_segments_of(
            self.article_word(c.old_clause_kind, c.old_num, old=True) if c.old_id else "",
            self.article_word(c.clause_kind, c.num, old=False) if c.id else "",
            c.old_num if c.old_id else None,
            c.num if c.id else None,
            c.heading_words,
            mode,
            (c.old_heading or "") if c.old_id else "",
            (c.heading or "") if c.id else "",
        )
        self.content(wn.CLAUSE, segs, mode, bookmark=anchor)
        if note is not None:
            note()
        self.tree(c.tree, mode)

    def whole_mark(self, element) -> str | None:
        return _mark_of(element) if element in self.whole else None

    def close_runs(self) -> None:
        """End each run of whole inserted (or whole deleted) paragraphs that a paragraph of another
        style follows with two short paragraphs in the note style: one of the same change, one
        untracked, each holding a middle dot.

        Accepting a deletion (or rejecting an insertion) joins the run to the paragraph after it. Word
        keeps that paragraph's style; LibreOffice gave it the style of the last (deleted) or the first
        (inserted) paragraph of the run, and an empty paragraph there took a style either way: a clause
        heading became a figure, a division heading text (found on the corpus and generated texts by
        tests/test_docx_redline_blocks.py). With the two paragraphs, what either program joins is the
        untracked note, which stays a note, and the agreement's next paragraph keeps its style."""
        children = list(self.body)
        index = 0
        while index < len(children):
            op = self.whole_mark(children[index])
            if op is None:
                index += 1
                continue
            end = index
            while end + 1 < len(children) and self.whole_mark(children[end + 1]) == op:
                end += 1
            following = children[end + 1] if end + 1 < len(children) else None
            if following is None or _style_of(following) != _style_of(children[end]):
                closer = etree.Element(w("p"))
                props = _el(closer, "pPr")
                _el(props, "pStyle", val=STYLE_NOTE)
                self.revision(_el(props, "rPr"), op)
                self.run(self.revision(closer, op), _JOIN_MARK, deleted=op == "del")
                separator = etree.Element(w("p"))
                _el(_el(separator, "pPr"), "pStyle", val=STYLE_NOTE)
                self.run(separator, _JOIN_MARK)
                children[end].addnext(closer)
                closer.addnext(separator)
            index = end + 1

    # -- the document -----------------------------------------------------------------------
    def title(self) -> str:
        r = self.redline
        return r.new.title or r.old.title or r.new.doc_id or r.old.doc_id or self.lab["changes"]

    def build(self) -> bytes:
        r, lab = self.redline, self.lab
        self.plain(STYLE_TITLE, lab["changes_in"].format(title=self.title()))
        for key, side in (("old_version", r.old), ("new_version", r.new)):
            self.plain(STYLE_META, f"{lab[key]}: {L.side_name(side)}\n{lab['text_hash']} {side.text_sha256}")
        stats = r.stats()
        counts = ", ".join(
            f"{stats[k]} {L.kind_label(lab, k)}"
            for k in stats
            if k not in ("words_inserted", "words_deleted", "parts_changed") and stats[k]
        )
        if stats["parts_changed"]:
            counts += ("; " if counts else "") + L.count_phrase(
                lab, stats["parts_changed"], "other_parts_1", "other_parts_n"
            )
        words = L.words_phrase(lab, stats["words_inserted"], stats["words_deleted"])
        summary = f"{lab['summary']} \u2014 {lab['clauses'].lower()}: {counts}" + (f"; {words}" if words else "") + "."
        self.plain(STYLE_META, summary)
        self.plain(STYLE_NOTE, lab["docx_note"] if not r.empty else lab["no_changes"])
        items = reading_order(r, self.include_unchanged)
        # notes link to bookmarks further on: name them all first, in reading order
        for item in items:
            if item.kind in ("clause", "was"):
                self.bookmark(item.clause.anchor)
                if is_moved(item.clause):
                    self.bookmark(f"was-{item.clause.old_id}")
        parts = _split_runs(items)
        for i, item in enumerate(items):
            if item.kind == "part" and item.part is not None:
                p = item.part
                if p.kind != "division" or p.old not in self.covered:
                    self.part(p)
                elif p.exists_new:  # in a moved division: its old side is written at the division's old place
                    self.part(p, INSERT)
            elif item.kind == "division":
                if not self.include_unchanged:  # a context heading (the parts give the real ones in full)
                    self.plain(STYLE_CONTEXT, item.label)
            elif item.kind == "gap":
                self.plain(
                    STYLE_NOTE, "\u2026 " + L.count_phrase(lab, item.n, "unchanged_1", "unchanged_n") + " \u2026"
                )
            elif item.kind == "was-part" and item.part is not None:
                self.was_division(item.part)
            elif item.kind == "was":
                if not self.covered_clause(item.clause):
                    self.was(item.clause)
            elif item.kind == "clause":
                if not self.covered_clause(item.clause):
                    self.clause(item.clause, parts.get(i))
                elif item.clause.id:
                    self.clause(item.clause, whole=True)
        # a last, untracked paragraph: Word keeps the final paragraph mark of a document
        self.plain(STYLE_META, f"{lab['generated_by']} \u00b7 {L.side_name(r.old)} \u2192 {L.side_name(r.new)}")
        self.close_runs()
        page_setup(self.body)
        return self.document


def _mode_of(block: BlockChange, mode: str) -> str | None:
    """How to write a block inside something written in `mode` ("+" whole inserted, "-" whole
    deleted, "diff"): the same when whole, else by its own change; None for a block that exists
    only on the side a whole insertion or deletion does not show."""
    if mode in (INSERT, DELETE):
        other = REMOVED if mode == INSERT else ADDED
        return None if block.change == other else mode
    return INSERT if block.change == ADDED else DELETE if block.change == REMOVED else "diff"


def _mark_of(element) -> str | None:
    """ "ins" or "del" for a body paragraph whose paragraph mark is tracked, else None."""
    if element.tag != w("p"):
        return None
    mark = element.find(f"{w('pPr')}/{w('rPr')}")
    if mark is None:
        return None
    for op in ("ins", "del"):
        if mark.find(w(op)) is not None:
            return op
    return None


def _style_of(element) -> str | None:
    style = element.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val")) if style is not None else element.tag


def _split_runs(items) -> dict[int, str]:
    """Item index -> "first"/"next"/"last" for the parts of a split clause that follow each other
    directly (nothing in between) and all have text; other split parts are written one by one."""
    out: dict[int, str] = {}
    i = 0
    while i < len(items):
        c = items[i].clause if items[i].kind == "clause" else None
        j = i + 1
        if c is not None and SPLIT in kinds(c) and c.old_id:
            while (
                j < len(items)
                and items[j].kind == "clause"
                and SPLIT in kinds(items[j].clause)
                and items[j].clause.old_id == c.old_id
            ):
                j += 1
            run = [items[k].clause for k in range(i, j)]
            if len(run) > 1 and all(_new_part(x.words or [(EQUAL, x.new_text)]) for x in run):
                out[i] = "first"
                for k in range(i + 1, j - 1):
                    out[k] = "next"
                out[j - 1] = "last"
        i = j
    return out


def _styles(lang: str, depth: int) -> Styles:
    styles = Styles(lang)
    styles.title()
    content_styles(styles, L.language(lang) == "nl", depth, wn.MAX_ITEM_LEVEL)
    styles.add(
        "paragraph",
        STYLE_TITLE,
        STYLE_TITLE,
        based="Title",
        next_="Normal",
    )
    styles.add(
        "paragraph",
        STYLE_CONTEXT,
        STYLE_CONTEXT,
        based="Normal",
        ppr=[("keepNext", {}), ("spacing", {"before": "240", "after": "60"})],
        rpr=[SANS, ("b", {}), ("color", {"val": "595959"})],
        outline=0,
    )
    styles.add(
        "paragraph", STYLE_CLAUSE, STYLE_CLAUSE, based="Normal", next_=STYLE_CLAUSE, ppr=[("spacing", {"after": "160"})]
    )
    styles.add(
        "paragraph",
        STYLE_NOTE,
        STYLE_NOTE,
        based="Normal",
        next_=STYLE_CLAUSE,
        ppr=[("keepNext", {}), ("spacing", {"after": "60"})],
        rpr=[SANS, ("i", {}), ("color", {"val": "595959"}), ("sz", {"val": "18"}), ("szCs", {"val": "18"})],
    )
    styles.add(
        "paragraph",
        STYLE_META,
        STYLE_META,
        based="Normal",
        next_=STYLE_META,
        ppr=[("spacing", {"after": "40"})],
        rpr=[SANS, ("color", {"val": "404040"}), ("sz", {"val": "18"}), ("szCs", {"val": "18"})],
    )
    styles.hyperlink()
    return styles


def render(
    redline: Redline,
    *,
    author: str = "akkoordvc",
    date: str | None = None,
    include_unchanged: bool = False,
) -> bytes:
    """The redline as .docx bytes with tracked changes by `author` at `date` (ISO 8601; now
    when None). `include_unchanged` also writes the unchanged clauses."""
    stamp = iso_date(date)
    writer = _Writer(redline, author, stamp, include_unchanged)
    document = writer.build()
    lang = L.bcp47(writer.doc_lang)
    package = Package(
        document,
        _styles(lang, max(2, max((p.depth + 1 for p in redline.parts if p.kind == "division"), default=0))),
        lang,
        writer.lab["changes_in"].format(title=writer.title()),
        subject=f"{L.side_name(redline.old)} \u2192 {L.side_name(redline.new)}",
        author=writer.author,
        date=stamp,
        track_revisions=True,
    )
    return package.to_bytes()
