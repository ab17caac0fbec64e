"""Reading a Word document (.docx) back into an agreement: the drafter's way in.

`read(data, source)` opens the package and returns its paragraphs as a flow (`model.paragraphs`), the
custom properties that say which text it was exported from, and its comments; `agreement(doc, base)`
maps the flow onto the base text. A document is taken as it reads with **all tracked changes
accepted**: inserted and moved-to text is kept, deleted and moved-from text dropped, a deleted
paragraph mark joins its paragraph with the next, a deleted table row goes.

**How ids survive (the evidence).** Each clause and division heading carries a hidden bookmark
(`_akkc_…` for a clause, `_akkd_…` for a division; a leading underscore hides a bookmark in Word's
list). Word allows bookmark names of at most 40 characters of letters, digits and `_`, while ids may
have 128 characters including `.` and `-`: an id is written with `_u`, `_h`, `_d` for `_`, `-`, `.`,
and one that does not fit keeps its first 24 characters plus `_x` and 8 hex digits of its SHA-256,
resolved against the ids of the base text. Round trips through LibreOffice 7.4
(`soffice --headless --convert-to docx`, and docx -> odt -> docx) of a probe document kept every
bookmark with its name (a 47-character one was cut to 40), the paragraph styles (by name: LibreOffice
writes a style's name as its id), character styles, run formatting, hyperlinks (external targets
such as `jci1.3:c:BWBR0002629&bijlage=II`, and internal anchors), no-break spaces and the custom
document properties; it dropped every content control's tag (`w:sdt/w:sdtPr/w:tag`, block and inline)
and a table's caption and style (the latter through ODT). Hence bookmarks, not content controls,
and paragraph styles recognised by name (`wordml_names.role_of_style`).

**Hostile files.** A .docx is a zip: a file that is not one, an encrypted or old binary .doc, more
than `MAX_MEMBERS` members, a member name with `..`, a drive or a leading slash, or a part read here
that unpacks to more than `MAX_PART_BYTES` (checked while reading, not trusted from the header) is
refused with one line. Every XML part goes through the hardened parser.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NoReturn, TypeAlias

from lxml import etree

from ..errors import AkkoordError
from ..messages import Message
from . import names
from . import wordml_names as wn
from .paragraphs import Flow, Paragraph, Run, Table, merge_runs, to_agreement
from .strings import one_line
from .xmlparse import MAX_BYTES, parse_bytes

#: Most members a package may have (Word writes about 10 to 30).
MAX_MEMBERS = 2000
#: Most bytes one part read here may unpack to (the hardened parser's limit).
MAX_PART_BYTES = MAX_BYTES
_PART_LIMIT = f"{MAX_PART_BYTES:,}"
#: Most bytes a whole .docx file may have.
MAX_FILE_BYTES = 64 * 1024 * 1024

CLAUSE_PREFIX = "_akkc_"
DIVISION_PREFIX = "_akkd_"
_BOOKMARK_MAX = 40  # Word's limit on a bookmark name
_ESCAPES = {"_": "_u", "-": "_h", ".": "_d"}
_UNESCAPES = {v[1]: k for k, v in _ESCAPES.items()}
_HASHED = re.compile(r"^(.*)_x([0-9a-f]{8})$")
_NUMBERISH = re.compile(
    r"^(?:\d+[a-z]{0,3}(?:\.\d+[a-z]{0,3})*\.?|[a-z]{1,2}[.)]|[ivxlcdm]+\.?|[IVXLCDM]+\.?|\d+°\.?)$"
)


# -- ids as bookmark names -------------------------------------------------------------------------


def bookmark_name(kind: str, ident: str) -> str:
    """The hidden bookmark that carries the id of a clause (kind "clause") or division."""
    prefix = CLAUSE_PREFIX if kind == names.CLAUSE else DIVISION_PREFIX
    encoded = "".join(_ESCAPES.get(ch, ch) for ch in ident)
    room = _BOOKMARK_MAX - len(prefix)
    if len(encoded) <= room and not _HASHED.match(encoded):
        return prefix + encoded
    digest = hashlib.sha256(ident.encode("utf-8")).hexdigest()[:8]
    head = encoded[: room - 10].rstrip("_")
    return f"{prefix}{head}_x{digest}"


def _decode(name: str) -> tuple[str, str] | None:
    """(kind, id) for a bookmark name akkoord wrote with the id in it; ("clause"|"division", "") for a
    hashed one (resolved against the base); None for other bookmarks."""
    for prefix, kind in ((CLAUSE_PREFIX, names.CLAUSE), (DIVISION_PREFIX, names.DIVISION)):
        if name.startswith(prefix):
            encoded = name[len(prefix) :]
            if _HASHED.match(encoded):
                return kind, ""
            out, i = [], 0
            while i < len(encoded):
                ch = encoded[i]
                if ch == "_":
                    if i + 1 >= len(encoded) or encoded[i + 1] not in _UNESCAPES:
                        return None
                    out.append(_UNESCAPES[encoded[i + 1]])
                    i += 2
                else:
                    out.append(ch)
                    i += 1
            return kind, "".join(out)
    return None


def resolve_bookmark(name: str, base: etree._Element | None) -> tuple[str, str] | None:
    """(kind, id) a bookmark name stands for, looking hashed names up among the base's ids."""
    decoded = _decode(name)
    if decoded is None or decoded[1] or base is None:
        return decoded if decoded and decoded[1] else None
    kind = decoded[0]
    for element in base.iter(kind):
        ident = element.get(names.ID, "")
        if bookmark_name(kind, ident) == name:
            return kind, ident
    return None


# -- the package -----------------------------------------------------------------------------------


class WordFileError(AkkoordError):
    """A file that cannot be read as a Word document."""


#: a piece of a paragraph as read: its text, emphasis marks, link target and character role
Segment: TypeAlias = tuple[str, frozenset[str], str | None, str | None]


@dataclass
class RawParagraph:
    """A paragraph as read: its style, numbering, text segments and bookmarks."""

    style: str | None
    segments: list[Segment]
    bookmarks: list[str]
    numbering: tuple[str, int] | None  # (numId, ilvl)
    mark_deleted: bool
    where: Message
    outline: int | None = None  # an outline level set on the paragraph itself


@dataclass
class WordDocument:
    flow: Flow
    properties: dict[str, str] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)
    source: str = "<document>"


def _fail(source: str, said: Message) -> NoReturn:
    raise WordFileError.keyed("input.at", where=source, what=said)


class _Package:
    """The members of a zip package, read with limits."""

    def __init__(self, data: bytes, source: str):
        self.source = source
        if len(data) > MAX_FILE_BYTES:
            _fail(source, Message("input.word.too_large", size=f"{len(data):,}", limit=f"{MAX_FILE_BYTES:,}"))
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            _fail(source, Message("input.word.old_format"))
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            _fail(source, Message("input.word.not_zip"))
        if len(infos) > MAX_MEMBERS:
            _fail(source, Message("input.word.too_many_members", count=f"{len(infos):,}", limit=f"{MAX_MEMBERS:,}"))
        self.members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            parts = name.replace("\\", "/").split("/")
            if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name) or "\x00" in name:
                _fail(source, Message("input.word.unsafe_member", name=name))
            if info.flag_bits & 0x1:
                _fail(source, Message("input.word.encrypted"))
            self.members[name] = info
        # part names are case-insensitive in OPC
        self.lower = {name.lower(): name for name in self.members}

    def read(self, name: str) -> bytes | None:
        actual = self.lower.get(name.lower())
        if actual is None:
            return None
        info = self.members[actual]
        if info.file_size > MAX_PART_BYTES:
            too_large = Message("input.word.part_too_large", part=actual, size=f"{info.file_size:,}", limit=_PART_LIMIT)
            _fail(self.source, too_large)
        try:
            with self.zip.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            _fail(self.source, Message("input.word.part_damaged", part=actual, reason=str(exc)))
        if len(data) > MAX_PART_BYTES:
            _fail(self.source, Message("input.word.zip_bomb", part=actual, limit=_PART_LIMIT))
        return data

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        if data is None:
            return None
        return parse_bytes(data, f"{self.source}:{name}")

    def relationships(self, part: str) -> dict[str, tuple[str, str, str | None]]:
        """rId -> (type, target resolved to a part name or kept as an external URI, target mode)."""
        folder, base = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str, str | None]] = {}
        if rels is None:
            return out
        for rel in rels.iter(wn.RELATIONSHIP):
            target, mode = rel.get("Target", ""), rel.get("TargetMode")
            if mode != "External":
                target = (
                    posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
                    if not target.startswith("/")
                    else target.lstrip("/")
                )
            rtype = rel.get("Type", "")
            if rtype.startswith(wn.REL_STRICT_PREFIX):
                rtype = (
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + rtype[len(wn.REL_STRICT_PREFIX) :]
                )
            out[rel.get("Id", "")] = (rtype, target, mode)
        return out


def read(data: bytes, source: str = "<document>") -> WordDocument:
    """The paragraphs, properties and comments of a .docx (see the module docstring)."""
    package = _Package(data, source)
    main = None
    for rtype, target, _ in package.relationships("").values():
        if rtype == wn.REL_DOCUMENT:
            main = target
    main = main or wn.DOCUMENT_PART
    document = package.xml(main)
    if document is None or document.tag != wn.DOCUMENT:
        _fail(source, Message("input.word.no_document"))
    rels = package.relationships(main)
    parts = {rtype: target for rtype, target, mode in rels.values() if mode != "External"}
    links = {rid: target for rid, (rtype, target, mode) in rels.items() if rtype == wn.REL_HYPERLINK}
    styles = _Styles(package.xml(parts[wn.REL_STYLES]) if wn.REL_STYLES in parts else None)
    numbering = _Numbering(package.xml(parts[wn.REL_NUMBERING]) if wn.REL_NUMBERING in parts else None)
    body = document.find(wn.BODY)
    if body is None:
        _fail(source, Message("input.word.no_body"))
    reader = _Reader(source, links, styles, numbering)
    flow = reader.flow(body)
    comments = []
    if wn.REL_COMMENTS in parts:
        root = package.xml(parts[wn.REL_COMMENTS])
        for comment in root.iter(wn.COMMENT) if root is not None else ():
            paragraphs = [reader.plain_text(p).strip() for p in comment.iter(wn.P)]
            text = " ".join(p for p in paragraphs if p)
            if text:
                comments.append(text)
    return WordDocument(flow, _custom_properties(package), comments, source)


def _custom_properties(package: _Package) -> dict[str, str]:
    root = package.xml("docProps/custom.xml")
    if root is None:
        return {}
    return {prop.get("name", ""): "".join(prop.itertext()).strip() for prop in root.iter(wn.CUSTOM_PROPERTY)}


def agreement(document: WordDocument, base: etree._Element) -> etree._Element:
    """The agreement the document stands for, anchored on `base` (ids from the heading bookmarks)."""

    def target(run: Run) -> Run:
        if run.link and run.link.startswith(("#" + CLAUSE_PREFIX, "#" + DIVISION_PREFIX)):
            found = resolve_bookmark(run.link[1:], base)
            if found:
                return Run(run.text, run.marks, "#" + found[1])
        return run

    for entry in document.flow:
        if isinstance(entry, Table):
            entry.rows = [[tuple(target(run) for run in cell) for cell in row] for row in entry.rows]
            continue
        entry.runs = tuple(target(run) for run in entry.runs)
        if isinstance(entry, Paragraph) and entry.role in (wn.CLAUSE, wn.DIVISION) and entry.ident is None:
            wanted = names.CLAUSE if entry.role == wn.CLAUSE else names.DIVISION
            for name in entry.bookmarks:
                found = resolve_bookmark(name, base)
                if found and found[0] == wanted:
                    entry.ident = found[1]
                    break
    return to_agreement(document.flow, base, document.source)


# -- styles and numbering --------------------------------------------------------------------------


class _Styles:
    def __init__(self, root: etree._Element | None):
        self.roles: dict[str, tuple[str, int] | None] = {}
        self.char_marks: dict[str, frozenset[str]] = {}
        entries: dict[str, tuple[str, str | None]] = {}
        if root is not None:
            for style in root.iter(wn.STYLE):
                sid = style.get(wn.STYLE_ID, "")
                name_el, based_el = style.find(wn.NAME), style.find(wn.BASED_ON)
                entries[sid] = (
                    name_el.get(wn.VAL, "") if name_el is not None else "",
                    based_el.get(wn.VAL) if based_el is not None else None,
                )
        for sid in entries:
            seen: set[str] = set()
            current: str | None = sid
            role: tuple[str, int] | None = None
            while current and current not in seen and role is None:
                seen.add(current)
                name, based = entries.get(current, ("", None))
                role = wn.role_of_style(current, name)
                current = based
            self.roles[sid] = role
        for sid, (name, _) in entries.items():
            key = re.sub(r"[^a-z]", "", (name or sid).lower())
            self.char_marks[sid] = (
                frozenset({names.STRONG})
                if key in ("strong", "zwaar")
                else frozenset({names.EM})
                if key in ("emphasis", "nadruk")
                else frozenset()
            )

    def role(self, sid: str | None) -> tuple[str, int] | None:
        if not sid:
            return None
        if sid in self.roles:
            return self.roles[sid]
        return wn.role_of_style(sid)


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


class _Numbering:
    """Word's automatic numbering: the label a numbered paragraph shows ("a.", "3°", "•")."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iter(wn.ABSTRACT_NUM):
            levels = {}
            for lvl in node.iter(wn.LVL):
                fmt, text, start = lvl.find(wn.NUM_FMT), lvl.find(wn.LVL_TEXT), lvl.find(wn.START)
                levels[int(lvl.get(wn.ILVL, "0") or 0)] = (
                    fmt.get(wn.VAL, "decimal") if fmt is not None else "decimal",
                    text.get(wn.VAL, "") if text is not None else "",
                    int(start.get(wn.VAL, "1") or 1) if start is not None else 1,
                )
            abstract[node.get(wn.ABSTRACT_NUM_ID_ATTR, "")] = levels
        for num in root.iter(wn.NUM):
            ref = num.find(wn.ABSTRACT_NUM_ID)
            levels = dict(abstract.get(ref.get(wn.VAL, "") if ref is not None else "", {}))
            for override in num.iter(wn.LVL_OVERRIDE):
                restart = override.find(wn.START_OVERRIDE)
                level = int(override.get(wn.ILVL, "0") or 0)
                if restart is not None and level in levels:
                    fmt_name, pattern, _ = levels[level]
                    levels[level] = (fmt_name, pattern, int(restart.get(wn.VAL, "1") or 1))
            self.levels[num.get(wn.NUM_ID_ATTR, "")] = levels

    def label(self, num_id: str, level: int) -> str | None:
        levels = self.levels.get(num_id)
        if not levels or level not in levels or num_id == "0":
            return None
        counters = self.counters.setdefault(num_id, [0] * 10)
        fmt, text, start = levels[level]
        counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, 10):
            counters[deeper] = 0
        if fmt == "bullet":
            return "\u2022" if not text or "\uf000" <= text <= "\uf8ff" else text
        if fmt == "none":
            return None

        def value(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            f, _, s = levels.get(k, ("decimal", "", 1))
            return _format(counters[k] or s, f)

        return re.sub(r"%([1-9])", value, text)


# -- paragraphs ------------------------------------------------------------------------------------

_SKIPPED = {wn.DEL, wn.MOVE_FROM, wn.PPR, wn.RPR, wn.BOOKMARK_END, wn.SECT_PR}
_TRANSPARENT = {wn.INS, wn.MOVE_TO, wn.SMART_TAG, wn.CUSTOM_XML, wn.DIR, wn.BDO, wn.FLD_SIMPLE}


class _Reader:
    def __init__(self, source: str, links: dict[str, str], styles: _Styles, numbering: _Numbering):
        self.source = source
        self.links = links
        self.styles = styles
        self.numbering = numbering
        self.count = 0
        self.in_field_code = False

    def fail(self, where: Message, said: Message) -> NoReturn:
        _fail(self.source, Message("input.at", where=where, what=said))

    # -- the body ------------------------------------------------------------------------------
    def blocks(self, parent: etree._Element, out: list[RawParagraph | Table], pending: list[str]) -> None:
        for child in parent:
            tag = child.tag
            if tag == wn.P:
                out.append(self.paragraph(child, pending))
                pending.clear()
            elif tag == wn.TBL:
                out.append(self.table(child))
            elif tag == wn.BOOKMARK_START:
                pending.append(child.get(wn.W_NAME, ""))
            elif tag == wn.SDT:
                content = child.find(wn.SDT_CONTENT)
                if content is not None:
                    self.blocks(content, out, pending)
            elif tag in (wn.CUSTOM_XML, wn.INS, wn.MOVE_TO):
                self.blocks(child, out, pending)

    def flow(self, body: etree._Element) -> Flow:
        raw: list[RawParagraph | Table] = []
        self.blocks(body, raw, [])
        joined = _join_deleted_marks(raw)
        flow: Flow = []
        for entry in joined:
            if isinstance(entry, Table):
                flow.append(entry)
            else:
                paragraph = self.interpret(entry)
                if paragraph is not None:
                    flow.append(paragraph)
        return flow

    # -- one paragraph -------------------------------------------------------------------------
    def paragraph(self, p: etree._Element, pending: list[str]) -> RawParagraph:
        self.count += 1
        where = Message("input.where.paragraph", number=self.count)
        style, numbering, mark_deleted = None, None, False
        outline: int | None = None
        ppr = p.find(wn.PPR)
        if ppr is not None:
            pstyle = ppr.find(wn.PSTYLE)
            style = pstyle.get(wn.VAL) if pstyle is not None else None
            numpr = ppr.find(wn.NUMPR)
            if numpr is not None:
                num_id, ilvl = numpr.find(wn.NUMID), numpr.find(wn.ILVL)
                if num_id is not None:
                    numbering = (num_id.get(wn.VAL, "0"), int(ilvl.get(wn.VAL, "0") or 0) if ilvl is not None else 0)
            rpr = ppr.find(wn.RPR)
            if rpr is not None and (rpr.find(wn.DEL) is not None or rpr.find(wn.MOVE_FROM) is not None):
                mark_deleted = True
            level = ppr.find(wn.OUTLINE_LVL)
            if level is not None and (level.get(wn.VAL) or "").isdigit():
                outline = int(level.get(wn.VAL, "0"))
        segments: list[Segment] = []
        bookmarks = list(pending)
        self.inline(p, segments, bookmarks, None, where)
        return RawParagraph(style, segments, bookmarks, numbering, mark_deleted, where, outline)

    def inline(
        self, parent: etree._Element, segments: list[Segment], bookmarks: list[str], link: str | None, where: Message
    ) -> None:
        for child in parent:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == wn.R:
                self.run(child, segments, link, where)
            elif tag in _TRANSPARENT:
                self.inline(child, segments, bookmarks, link, where)
            elif tag == wn.HYPERLINK:
                rid, anchor = child.get(wn.R_ID), child.get(wn.ANCHOR)
                target = wn.reference_href(self.links[rid]) if rid and rid in self.links else None
                if target is None and anchor is not None:
                    target = "#" + anchor
                self.inline(child, segments, bookmarks, target if target is not None else link, where)
            elif tag == wn.SDT:
                content = child.find(wn.SDT_CONTENT)
                if content is not None:
                    self.inline(content, segments, bookmarks, link, where)
            elif tag == wn.BOOKMARK_START:
                bookmarks.append(child.get(wn.W_NAME, ""))
            elif etree.QName(tag).localname in ("oMath", "oMathPara"):
                self.fail(where, Message("input.word.formula"))
            elif etree.QName(tag).localname == "AlternateContent":
                self.fail(where, Message("input.word.text_box"))

    def run(self, r: etree._Element, segments: list[Segment], link: str | None, where: Message) -> None:
        marks: set[str] = set()
        role = None
        rpr = r.find(wn.RPR)
        if rpr is not None:
            for tag, mark in ((wn.B, names.STRONG), (wn.I, names.EM)):
                element = rpr.find(tag)
                if element is not None and element.get(wn.VAL, "1").lower() not in wn.OFF_VALUES:
                    marks.add(mark)
            underline = rpr.find(wn.U)
            if underline is not None and underline.get(wn.VAL, "single").lower() not in wn.OFF_VALUES:
                marks.add(names.U)
            vert = rpr.find(wn.VERT_ALIGN)
            if vert is not None and vert.get(wn.VAL) == wn.SUPERSCRIPT:
                marks.add(names.SUP)
            elif vert is not None and vert.get(wn.VAL) == wn.SUBSCRIPT:
                marks.add(names.SUB)
            rstyle = rpr.find(wn.RSTYLE)
            if rstyle is not None:
                sid = rstyle.get(wn.VAL, "")
                found = self.styles.role(sid)
                role = found[0] if found else None
                marks |= self.styles.char_marks.get(sid, frozenset())
        frozen = frozenset(marks)
        run_link = link
        if role == wn.REF and link is None:
            run_link = ""
        for child in r:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag
            text = None
            if tag == wn.FLD_CHAR:
                kind = child.get(wn.FLD_CHAR_TYPE)
                self.in_field_code = kind == "begin"
                continue
            if self.in_field_code:
                continue
            if tag == wn.T:
                text = child.text or ""
            elif tag in (wn.TAB, wn.PTAB):
                text = "\t"
            elif tag in (wn.BR, wn.CR):
                text = "\n"
            elif tag == wn.NO_BREAK_HYPHEN:
                text = "\u2011"
            elif tag == wn.SOFT_HYPHEN:
                text = "\u00ad"
            elif tag == wn.SYM:
                try:
                    code = int(child.get(wn.CHAR, ""), 16)
                    text = chr(code - 0xF000 if 0xF020 <= code <= 0xF0FF else code)
                except ValueError:
                    text = ""
            elif tag in (wn.FOOTNOTE_REFERENCE, wn.ENDNOTE_REFERENCE):
                self.fail(where, Message("input.word.footnote"))
            elif tag in (wn.DRAWING, wn.PICT, wn.OBJECT):
                self.fail(where, Message("input.word.picture"))
            elif etree.QName(tag).localname == "AlternateContent":
                self.fail(where, Message("input.word.text_box"))
            if text:
                segments.append((text, frozen, run_link, role))

    def plain_text(self, p: etree._Element) -> str:
        segments: list[Segment] = []
        self.inline(p, segments, [], None, Message("input.where.comment"))
        return "".join(s[0] for s in segments)

    # -- tables --------------------------------------------------------------------------------
    def table(self, tbl: etree._Element) -> Table:
        self.count += 1
        where = Message("input.where.table", number=self.count)
        rows = []
        for tr in tbl.iter(wn.TR):
            if _ancestor_table(tr) is not tbl:
                continue
            trpr = tr.find(wn.TR_PR)
            if trpr is not None and (trpr.find(wn.DEL) is not None or trpr.find(wn.MOVE_FROM) is not None):
                continue
            cells = []
            for tc in tr.iter(wn.TC):
                if _ancestor_table(tc) is not tbl:
                    continue
                tcpr = tc.find(wn.TC_PR)
                if tcpr is not None:
                    span = tcpr.find(wn.GRID_SPAN)
                    if (
                        (span is not None and span.get(wn.VAL, "1") != "1")
                        or tcpr.find(wn.V_MERGE) is not None
                        or tcpr.find(wn.H_MERGE) is not None
                    ):
                        self.fail(where, Message("input.word.merged_cells"))
                    if tcpr.find(wn.CELL_DEL) is not None:
                        continue
                if tc.find(f".//{wn.TBL}") is not None:
                    self.fail(where, Message("input.word.nested_table"))
                parts: list[Segment] = []
                for p in tc.iter(wn.P):
                    raw = self.paragraph(p, [])
                    self.count -= 1
                    if parts and not raw.mark_deleted:
                        parts.append((" ", frozenset(), None, None))
                    parts.extend(raw.segments)
                cells.append(_runs(parts))
            rows.append(cells)
        return Table(rows, where)

    # -- roles ---------------------------------------------------------------------------------
    def interpret(self, raw: RawParagraph) -> Paragraph | None:
        found = self.styles.role(raw.style)
        label = None
        if raw.numbering is not None:
            label = self.numbering.label(*raw.numbering)
        role, level = found if found else (wn.TEXT, 0)
        if found is None and label is not None and raw.numbering is not None:
            role, level = wn.ITEM, raw.numbering[1] + 1
        segments = raw.segments
        if role == wn.INFO:
            return None
        paragraph = Paragraph(role, level=level, where=raw.where, bookmarks=tuple(raw.bookmarks))
        if role in (wn.CLAUSE, wn.DIVISION):
            paragraph.num, paragraph.runs = _heading(segments)
            if role == wn.CLAUSE and raw.outline is not None:
                paragraph.level = raw.outline + 1
            if role == wn.DIVISION:
                paragraph.level = max(1, level)
        elif role in (wn.LID, wn.ITEM):
            if label is not None:
                paragraph.num, paragraph.runs, paragraph.has_text = label, _runs(segments), True
            else:
                paragraph.num, paragraph.runs, paragraph.has_text = _numbered(segments)
        else:
            text = "".join(s[0] for s in segments)
            if role == wn.TEXT and not text.strip() and not raw.bookmarks and found is None:
                return None  # an empty paragraph a word processor left
            paragraph.runs = _runs(segments)
        return paragraph


def _ancestor_table(element: etree._Element) -> etree._Element | None:
    return next(element.iterancestors(wn.TBL), None)


def _join_deleted_marks(raw: list[RawParagraph | Table]) -> list[RawParagraph | Table]:
    """Accept the deletion of paragraph marks: a paragraph whose mark is deleted runs on into the next
    paragraph, which keeps the first's style unless the first has no text left."""
    out: list[RawParagraph | Table] = []
    carry: RawParagraph | None = None
    for entry in raw:
        if isinstance(entry, Table):
            if carry is not None:
                out.append(carry)
                carry = None
            out.append(entry)
            continue
        if carry is not None:
            has_text = any(s[0] for s in carry.segments)
            entry = RawParagraph(
                carry.style if has_text else entry.style,
                carry.segments + entry.segments,
                # a paragraph deleted whole (text and mark) takes the bookmarks around its text with it
                (carry.bookmarks if has_text else []) + entry.bookmarks,
                carry.numbering if has_text else entry.numbering,
                entry.mark_deleted,
                carry.where,
                carry.outline if has_text else entry.outline,
            )
            carry = None
        if entry.mark_deleted:
            carry = entry
        else:
            out.append(entry)
    if carry is not None:
        out.append(carry)
    return out


def _runs(segments: Sequence[Segment]) -> tuple[Run, ...]:
    return merge_runs(
        Run(
            text.replace("\t", " ").replace("\n", " "),
            marks | {names.FIGURE} if role == wn.INLINE_FIGURE else marks,
            link,
        )
        for text, marks, link, role in segments
    )


def _split_at_tab(segments: Sequence[Segment]) -> tuple[list[Segment], list[Segment]] | None:
    """(before, after) at the first tab, or None when there is none."""
    for index, (text, marks, link, role) in enumerate(segments):
        if "\t" in text:
            head, tail = text.split("\t", 1)
            before = [*segments[:index], (head, marks, link, role)]
            after = [(tail, marks, link, role), *segments[index + 1 :]]
            return before, after
    return None


def _numbered(segments: Sequence[Segment]) -> tuple[str | None, tuple[Run, ...], bool]:
    """(num, runs, has_text) of a lid or item paragraph: "num<tab>text", "num" alone, or a first word that
    reads as a number ("3", "a.", "2°") before a space."""
    split = _split_at_tab(segments)
    if split is not None:
        before, after = split
        num = "".join(s[0] for s in before).strip()
        return num or None, _runs(after), True
    numbered = [s for s in segments if s[3] == wn.NUMBER]
    if numbered:
        rest = [s for s in segments if s[3] != wn.NUMBER]
        num = "".join(s[0] for s in numbered).strip()
        return num or None, _runs(rest), bool("".join(s[0] for s in rest).strip())
    text = "".join(s[0] for s in segments)
    words = text.lstrip().split(" ", 1)
    if words and _NUMBERISH.match(words[0]):
        return _cut(segments, words[0], len(words) > 1)
    return None, _runs(segments), True


def _after(segments: Sequence[Segment], skip: int) -> list[Segment]:
    """The segments after their first `skip` characters."""
    rest = []
    for s in segments:
        if skip >= len(s[0]):
            skip -= len(s[0])
            continue
        rest.append((s[0][skip:], *s[1:]))
        skip = 0
    return rest


def _cut(segments: Sequence[Segment], num: str, has_text: bool) -> tuple[str | None, tuple[Run, ...], bool]:
    """The runs after the leading `num` and one space."""
    text = "".join(s[0] for s in segments)
    skip = len(text) - len(text.lstrip()) + len(num) + (1 if has_text else 0)
    return num, _runs(_after(segments, skip)), has_text


def _heading(segments: Sequence[Segment]) -> tuple[str | None, tuple[Run, ...]]:
    """(num, heading runs) of a clause or division heading: the number is the text in the Number
    character style (the label word before it is ignored), else the label part before the first tab
    ("Artikel 5", "Hoofdstuk II"), else the second word when the first is a word and the second reads
    as a number ("Artikel 5a Nieuwe regels")."""
    split = _split_at_tab(segments)
    before, after = split if split is not None else (segments, [])
    numbered = [s for s in before if s[3] == wn.NUMBER]
    if numbered:
        heading = after if split is not None else [s for s in before if s[3] not in (wn.NUMBER, wn.LABEL)]
        return "".join(s[0] for s in numbered).strip() or None, _runs(heading)
    if split is not None:
        label = one_line("".join(s[0] for s in before))
        words = label.split(" ")
        if len(words) >= 2 and words[0].isalpha() and not _NUMBERISH.match(words[0]):
            return " ".join(words[1:]), _runs(after)
        if len(words) == 1 and words[0].isalpha() and not _NUMBERISH.match(words[0]):
            return None, _runs(after)  # a label word alone: no number
        return label or None, _runs(after)
    text = "".join(s[0] for s in segments)
    words = text.split()
    if len(words) >= 2 and words[0].isalpha() and _NUMBERISH.match(words[1].rstrip(":")):
        start = text.index(words[1]) + len(words[1])
        num = words[1].rstrip(":")
        runs = _runs(_after(segments, start))
        if runs:
            runs = (Run(runs[0].text.lstrip(" :"), runs[0].marks, runs[0].link), *runs[1:])
        return num, merge_runs(runs)
    return None, _runs(segments)
