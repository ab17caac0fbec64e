"""A redline as a Word document with real tracked changes.

`render(redline)` returns the bytes of a .docx package built with lxml and zipfile: the parts
[Content_Types].xml, _rels/.rels, word/document.xml, word/_rels/document.xml.rels,
word/styles.xml, word/settings.xml, docProps/core.xml and docProps/app.xml.

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

import io
import re
import zipfile

from lxml import etree

from ..model.dates import word_moment as iso_date
from ..model.strings import replace_not_xml
from ..ops.redline import ADDED, DELETE, EQUAL, INSERT, MERGED, REMOVED, SPLIT, ClauseChange, Redline
from . import labels as L
from .html import is_moved, kinds, reading_order

__all__ = ["STYLE_CLAUSE", "STYLE_HEADING", "STYLE_META", "STYLE_NOTE", "iso_date", "render"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CP_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
EP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

REL_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"

CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
CT_SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

#: Paragraph style ids: clause headings, clause text, notes (untracked commentary), header lines.
STYLE_HEADING = "Heading2"
STYLE_DIVISION = "Heading1"
STYLE_CLAUSE = "AkkoordClause"
STYLE_NOTE = "AkkoordNote"
STYLE_META = "AkkoordMeta"

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same redline and date give the same bytes
_TAB_OR_BREAK = re.compile(r"(\t|\r\n|\n|\r)")


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _el(parent, tag: str, **attrs) -> etree._Element:
    """A w: child element; attribute names are w: attributes ("val" -> w:val)."""
    element = etree.SubElement(parent, w(tag))
    for name, value in attrs.items():
        element.set(w(name), str(value))
    return element


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
        self.document = etree.Element(w("document"), nsmap={"w": W_NS, "r": R_NS})
        self.body = _el(self.document, "body")
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
        for part in _TAB_OR_BREAK.split(replace_not_xml(text)):
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
        sect = _el(self.body, "sectPr")
        _el(sect, "pgSz", w="11906", h="16838")
        _el(sect, "pgMar", top="1418", right="1418", bottom="1418", left="1418", header="709", footer="709", gutter="0")
        return _xml(self.document)


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


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types() -> bytes:
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    for ext, ctype in (("rels", CT_RELS), ("xml", "application/xml")):
        etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=ext, ContentType=ctype)
    for part, ctype in (
        ("/word/document.xml", CT_DOCUMENT),
        ("/word/styles.xml", CT_STYLES),
        ("/word/settings.xml", CT_SETTINGS),
        ("/docProps/core.xml", CT_CORE),
        ("/docProps/app.xml", CT_APP),
    ):
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=part, ContentType=ctype)
    return _xml(root)


def _relationships(rels) -> bytes:
    root = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    for n, (rtype, target) in enumerate(rels, 1):
        etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", Id=f"rId{n}", Type=rtype, Target=target)
    return _xml(root)


def _core(title: str, subject: str, author: str, lang: str, date: str) -> bytes:
    root = etree.Element(
        f"{{{CP_NS}}}coreProperties",
        nsmap={"cp": CP_NS, "dc": DC_NS, "dcterms": DCTERMS_NS, "xsi": XSI_NS},
    )
    for ns, tag, text in (
        (DC_NS, "title", title),
        (DC_NS, "subject", subject),
        (DC_NS, "creator", author),
        (CP_NS, "lastModifiedBy", author),
        (DC_NS, "language", lang),
    ):
        etree.SubElement(root, f"{{{ns}}}{tag}").text = replace_not_xml(text)
    for tag in ("created", "modified"):
        el = etree.SubElement(root, f"{{{DCTERMS_NS}}}{tag}")
        el.set(f"{{{XSI_NS}}}type", "dcterms:W3CDTF")
        el.text = date
    return _xml(root)


def _app() -> bytes:
    root = etree.Element(f"{{{EP_NS}}}Properties", nsmap={None: EP_NS})
    etree.SubElement(root, f"{{{EP_NS}}}Application").text = "akkoordvc"
    return _xml(root)


def _settings(lang: str) -> bytes:
    root = etree.Element(w("settings"), nsmap={"w": W_NS})
    _el(root, "zoom", percent="100")
    _el(root, "trackRevisions")  # further edits by reviewers are tracked too
    _el(root, "defaultTabStop", val="708")
    _el(root, "characterSpacingControl", val="doNotCompress")
    compat = _el(root, "compat")
    _el(compat, "compatSetting", name="compatibilityMode", uri="http://schemas.microsoft.com/office/word", val="15")
    _el(root, "themeFontLang", val=lang)
    return _xml(root)


def _styles(lang: str) -> bytes:
    root = etree.Element(w("styles"), nsmap={"w": W_NS})
    defaults = _el(root, "docDefaults")
    rpr = _el(_el(defaults, "rPrDefault"), "rPr")
    _el(rpr, "rFonts", ascii="Cambria", hAnsi="Cambria", eastAsia="Cambria", cs="Cambria")
    _el(rpr, "sz", val="22")
    _el(rpr, "szCs", val="22")
    _el(rpr, "lang", val=lang, eastAsia="en-US", bidi="ar-SA")
    ppr = _el(_el(defaults, "pPrDefault"), "pPr")
    _el(ppr, "spacing", after="120", line="288", lineRule="auto")

    def style(kind, sid, name, *, default=False, based=None, next_=None, ppr=(), rpr=(), outline=None):
        s = _el(root, "style", type=kind, styleId=sid)
        if default:
            s.set(w("default"), "1")
        _el(s, "name", val=name)
        if based:
            _el(s, "basedOn", val=based)
        if next_:
            _el(s, "next", val=next_)
        _el(s, "qFormat")
        if ppr or outline is not None:
            p = _el(s, "pPr")
            for tag, attrs, *children in ppr:
                child = _el(p, tag, **attrs)
                for sub_tag, sub_attrs in children[0] if children else ():
                    _el(child, sub_tag, **sub_attrs)
            if outline is not None:
                _el(p, "outlineLvl", val=str(outline))
        if rpr:
            r = _el(s, "rPr")
            for tag, attrs in rpr:
                _el(r, tag, **attrs)

    sans = ("rFonts", {"ascii": "Calibri", "hAnsi": "Calibri", "eastAsia": "Calibri", "cs": "Calibri"})
    style("paragraph", "Normal", "Normal", default=True)
    style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True)
    style(
        "paragraph",
        "Title",
        "Title",
        based="Normal",
        next_="Normal",
        ppr=[("spacing", {"after": "200"})],
        rpr=[sans, ("b", {}), ("color", {"val": "1F2A44"}), ("sz", {"val": "40"}), ("szCs", {"val": "40"})],
    )
    style(
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
        rpr=[sans, ("b", {}), ("color", {"val": "1F2A44"}), ("sz", {"val": "28"}), ("szCs", {"val": "28"})],
        outline=0,
    )
    style(
        "paragraph",
        STYLE_HEADING,
        "heading 2",
        based="Normal",
        next_=STYLE_CLAUSE,
        ppr=[("keepNext", {}), ("keepLines", {}), ("spacing", {"before": "280", "after": "60"})],
        rpr=[sans, ("b", {}), ("sz", {"val": "24"}), ("szCs", {"val": "24"})],
        outline=1,
    )
    style(
        "paragraph", STYLE_CLAUSE, STYLE_CLAUSE, based="Normal", next_=STYLE_CLAUSE, ppr=[("spacing", {"after": "160"})]
    )
    style(
        "paragraph",
        STYLE_NOTE,
        STYLE_NOTE,
        based="Normal",
        next_=STYLE_CLAUSE,
        ppr=[("keepNext", {}), ("spacing", {"after": "60"})],
        rpr=[sans, ("i", {}), ("color", {"val": "595959"}), ("sz", {"val": "18"}), ("szCs", {"val": "18"})],
    )
    style(
        "paragraph",
        STYLE_META,
        STYLE_META,
        based="Normal",
        next_=STYLE_META,
        ppr=[("spacing", {"after": "40"})],
        rpr=[sans, ("color", {"val": "404040"}), ("sz", {"val": "18"}), ("szCs", {"val": "18"})],
    )
    style(
        "character",
        "Hyperlink",
        "Hyperlink",
        based="DefaultParagraphFont",
        rpr=[("color", {"val": "1F4E79"}), ("u", {"val": "single"})],
    )
    return _xml(root)


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
    title = writer.lab["changes_in"].format(title=writer.title())
    subject = f"{L.side_name(redline.old)} \u2192 {L.side_name(redline.new)}"
    parts = [
        ("[Content_Types].xml", _content_types()),
        (
            "_rels/.rels",
            _relationships(
                [(REL_DOCUMENT, "word/document.xml"), (REL_CORE, "docProps/core.xml"), (REL_APP, "docProps/app.xml")]
            ),
        ),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", _relationships([(REL_STYLES, "styles.xml"), (REL_SETTINGS, "settings.xml")])),
        ("word/styles.xml", _styles(lang)),
        ("word/settings.xml", _settings(lang)),
        ("docProps/core.xml", _core(title, subject, writer.author, lang, stamp)),
        ("docProps/app.xml", _app()),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)
    return buffer.getvalue()
