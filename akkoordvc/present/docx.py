"""A redline as a Word document with real tracked changes.

`render(redline)` returns the bytes of a .docx package: this module writes word/document.xml and
its styles, and the package writer it shares with the clean export (`present/ooxml.py`) adds the
other parts.

The document has a title, the two versions with their text hashes, a summary, and then the
clauses in the reading order of the new text (see `html.reading_order`): a heading paragraph
(number and heading) and a body paragraph per clause. Every change is a revision Word and
LibreOffice list for accepting or rejecting: inserted text is `w:ins` around `w:r/w:t`,
deleted text `w:del` around `w:r/w:delText`, each with a unique `w:id`, `w:author` and
`w:date`. A paragraph that exists only in the new text has its paragraph mark inserted too
(`w:pPr/w:rPr/w:ins`), one that exists only in the old text has it deleted, so that
"accept all" leaves exactly the new clauses and "reject all" exactly the old ones. A moved
clause is deleted where it stood and inserted where it now stands (plain `w:del`/`w:ins`, no
move markup: LibreOffice reads it reliably); a note paragraph on each side links to the other
(bookmarks and internal hyperlinks). Notes, division headings and the summary are ordinary,
untracked text in their own styles (AkkoordNote, AkkoordMeta, Heading1).

Characters are written as they are (a changed no-break space stays a no-break space, so
accepting gives the exact text); a note names changed invisible characters with
`tokens.visible`.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import wordml_names as wn
from ..model.dates import word_moment as iso_date
from ..ops.redline import ADDED, DELETE, EQUAL, INSERT, MERGED, REMOVED, SPLIT, ClauseChange, Redline
from . import labels as L
from .html import is_moved, kinds, reading_order
from .ooxml import SANS, Package, Styles, clean, el, new_document, page_setup

__all__ = ["STYLE_CLAUSE", "STYLE_HEADING", "STYLE_META", "STYLE_NOTE", "iso_date", "render"]

W_NS = wn.W_NS
XML_SPACE = wn.XML_SPACE

#: Paragraph style ids: clause headings, clause text, notes (untracked commentary), header lines.
STYLE_HEADING = "Heading2"
STYLE_DIVISION = "Heading1"
STYLE_CLAUSE = "AkkoordClause"
STYLE_NOTE = "AkkoordNote"
STYLE_META = "AkkoordMeta"

_TAB_OR_BREAK = re.compile(r"(\t|\r\n|\n|\r)")


w = wn.w
_el = el


_clean = clean


def _merge(segments) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for op, text in segments:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return out


def _old_part(segments) -> str:
    return "".join(t for op, t in segments if op != INSERT)


def _new_part(segments) -> str:
    return "".join(t for op, t in segments if op != DELETE)


class _Writer:
    def __init__(self, redline: Redline, author: str, date: str, include_unchanged: bool):
        self.redline = redline
        self.author = author or "akkoordvc"
        self.date = date
        self.include_unchanged = include_unchanged
        self.doc_lang = (redline.new.lang or redline.old.lang or "").strip()
        self.lab = L.labels(self.doc_lang)
        self.next_id = 1
        # the last paragraph ended in an insertion while its paragraph mark is not tracked
        self.open_insertion = False
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

    def paragraph(self, style: str | None, *, mark: str | None = None, bookmark: str | None = None) -> etree._Element:
        """A new paragraph; `mark` "+" or "-" tracks its paragraph mark as inserted or deleted."""
        p = _el(self.body, "p")
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
        for op, text in _merge(segments):
            if op == EQUAL:
                self.run(p, text)
            elif op == INSERT:
                self.run(self.revision(p, "ins"), text)
            elif op == DELETE:
                self.run(self.revision(p, "del"), text, deleted=True)

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
        changed = [t for op, t in segments if op != EQUAL and self.has_invisible(t)]
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

    def clause(self, c: ClauseChange, part: str | None = None) -> None:
        """One clause: heading, note, text. `part` is "first", "next" or "last" for the parts of
        a split clause written together: the first carries the old heading, the later ones
        have their heading inserted, and the text of every part but the last ends in an
        inserted paragraph mark (plus the deleted space that joined the parts), so that
        rejecting all changes gives back the one old clause."""
        lab = self.lab
        moved = is_moved(c)
        mode = INSERT if moved or c.change == ADDED else DELETE if c.change == REMOVED else "diff"
        anchor = self.bookmark(c.anchor)
        heading = self.heading_segments(c, INSERT if part in ("next", "last") else mode)
        body = self.body_segments(c, mode)
        body_mark = "auto"
        if part in ("first", "next"):
            body_mark = INSERT
            if not _old_part(body)[-1:].isspace():
                body = body + [(DELETE, " ")]
        written = self.tracked_paragraph(STYLE_HEADING, heading, bookmark=anchor)
        if part in ("next", "last"):
            # no untracked note between the parts: it would stand inside the old clause's text
            self.tracked_paragraph(STYLE_CLAUSE, body, bookmark=None if written else anchor, mark=body_mark)
            return
        if c.changed:
            parts = [" · ".join(L.kind_label(lab, k) for k in kinds(c))]
            words = L.words_phrase(lab, c.words_inserted, c.words_deleted)
            if words:
                parts.append(words)
            if SPLIT in kinds(c) and c.related:
                parts.append(lab["split_into"].format(clauses=self.related_names(c, old=False)))
            if MERGED in kinds(c) and c.related:
                parts.append(lab["merged_from"].format(clauses=self.related_names(c, old=True)))
            invisible = self.invisible_note(c.words or body)
            if invisible:
                parts.append(invisible)
            if c.bounded:
                parts.append(lab["bounded_note"])
            links = []
            if moved:
                links = [(lab["moved_from"].format(place=L.old_place(self.lab, c)), self.bookmark(f"was-{c.old_id}"))]
            text = "; ".join(parts) + ("; " if links else "")
            self.plain(STYLE_NOTE, text, links=links, bookmark=None if written else anchor)
            written = True
        self.tracked_paragraph(STYLE_CLAUSE, body, bookmark=None if written else anchor, mark=body_mark)

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
        self.tracked_paragraph(STYLE_HEADING, self.heading_segments(c, DELETE))
        self.tracked_paragraph(STYLE_CLAUSE, self.body_segments(c, DELETE))

    # -- the document -----------------------------------------------------------------------
    def title(self) -> str:
        r = self.redline
        return r.new.title or r.old.title or r.new.doc_id or r.old.doc_id or self.lab["changes"]

    def build(self) -> bytes:
        r, lab = self.redline, self.lab
        self.plain("Title", lab["changes_in"].format(title=self.title()))
        for key, side in (("old_version", r.old), ("new_version", r.new)):
            self.plain(STYLE_META, f"{lab[key]}: {L.side_name(side)}\n{lab['text_hash']} {side.text_sha256}")
        stats = r.stats()
        counts = ", ".join(
            f"{stats[k]} {L.kind_label(lab, k)}"
            for k in stats
            if k not in ("words_inserted", "words_deleted") and stats[k]
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
            if item.kind == "division":
                self.plain(STYLE_DIVISION, item.label)
            elif item.kind == "gap":
                self.plain(
                    STYLE_NOTE, "\u2026 " + L.count_phrase(lab, item.n, "unchanged_1", "unchanged_n") + " \u2026"
                )
            elif item.kind == "was":
                self.was(item.clause)
            elif item.kind == "clause":
                self.clause(item.clause, parts.get(i))
        # a last, untracked paragraph: Word keeps the final paragraph mark of a document
        self.plain(STYLE_META, f"{lab['generated_by']} \u00b7 {L.side_name(r.old)} \u2192 {L.side_name(r.new)}")
        page_setup(self.body)
        return self.document


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


def _styles(lang: str) -> Styles:
    styles = Styles(lang)
    styles.title()
    styles.add(
        "paragraph",
        STYLE_DIVISION,
        "heading 1",
        based="Normal",
        next_="Normal",
        ppr=[
            ("keepNext", {}),
            ("keepLines", {}),
            ("pBdr", {}, [("bottom", {"val": "single", "sz": "4", "space": "1", "color": "A6A6A6"})]),
            ("spacing", {"before": "360", "after": "120"}),
        ],
        rpr=[SANS, ("b", {}), ("color", {"val": "1F2A44"}), ("sz", {"val": "28"}), ("szCs", {"val": "28"})],
        outline=0,
    )
    styles.add(
        "paragraph",
        STYLE_HEADING,
        "heading 2",
        based="Normal",
        next_=STYLE_CLAUSE,
        ppr=[("keepNext", {}), ("keepLines", {}), ("spacing", {"before": "280", "after": "60"})],
        rpr=[SANS, ("b", {}), ("sz", {"val": "24"}), ("szCs", {"val": "24"})],
        outline=1,
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
        _styles(lang),
        lang,
        writer.lab["changes_in"].format(title=writer.title()),
        subject=f"{L.side_name(redline.old)} \u2192 {L.side_name(redline.new)}",
        author=writer.author,
        date=stamp,
        track_revisions=True,
    )
    return package.to_bytes()
