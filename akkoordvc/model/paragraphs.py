"""An agreement as a word processor holds it: a flat sequence of paragraphs and tables.

`from_agreement(root)` flattens an agreement tree; `to_agreement(flow, base)` builds one back. The DOCX
and Markdown exports write such a flow, and their readers produce one, so both formats share one
mapping from the tree and one builder back to it.

Each paragraph has a role (`wordml_names`: title, short title, division heading at a depth, clause
heading, text, lid, lid continuation, list item at a depth, item continuation) and carries the
permanent id of the clause or division it heads. A lid or an item paragraph holds its number and the
first `p` of its content; further `p`s follow as continuation paragraphs; a table belongs to the
innermost open item, lid or clause. Inline content is a sequence of runs (text, the set of
emphasis marks, the target of the reference it stands in).

Building back is anchored on the base text the document was exported from: a clause or division
keeps its id through the marker its heading carries, and what a word processor does not show (the
agreement's id and language, dates and properties, a clause's origin and kind, a list's kind) is
taken from the base. A clause, division, preamble or title whose flow equals the base's own flow is
taken from the base verbatim, so an unedited export derives no operation at all, whatever inline
nesting or attributes the base used.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NoReturn, TypeAlias

from lxml import etree

from ..errors import AkkoordError
from ..messages import Message
from . import canonical, names
from . import wordml_names as wn
from .strings import normalize_space, slug

INLINE_MARKS = (names.STRONG, names.EM, names.U, names.SUP, names.SUB)
_MARK_ORDER = {mark: index for index, mark in enumerate(INLINE_MARKS)}


@dataclass(frozen=True)
class Run:
    """A piece of inline text: its emphasis marks and, inside a reference, the reference's target
    ("" for a reference without one)."""

    text: str
    marks: frozenset[str] = frozenset()
    link: str | None = None


@dataclass
class Paragraph:
    role: str
    runs: tuple[Run, ...] = ()
    level: int = 0  # the depth of a division heading or of a list item (1 = outermost)
    num: str | None = None  # the number of a heading, lid or item
    ident: str | None = None  # the id of the clause or division a heading opens
    kind: str | None = None  # the kind of that clause or division (for labels)
    has_text: bool = True  # a lid or item paragraph holds the first p of its content
    where: str | Message = ""  # the place in the source document, for messages ("paragraph 57", "line 12")
    bookmarks: tuple[str, ...] = ()  # the names of the markers a word processor kept on it

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Table:
    rows: list[list[tuple[Run, ...]]] = field(default_factory=list)
    where: str | Message = ""


Flow: TypeAlias = list[Paragraph | Table]


# -- inline content ----------------------------------------------------------------------------------


def runs_of(element: etree._Element | None) -> tuple[Run, ...]:
    """The runs of an inline container (adjacent runs of equal formatting merged)."""
    if element is None:
        return ()
    out: list[Run] = []

    def add(text: str | None, marks: frozenset[str], link: str | None) -> None:
        if not text:
            return
        if out and out[-1].marks == marks and out[-1].link == link:
            out[-1] = Run(out[-1].text + text, marks, link)
        else:
            out.append(Run(text, marks, link))

    def walk(node: etree._Element, marks: frozenset[str], link: str | None) -> None:
        add(node.text, marks, link)
        for child in node:
            if not isinstance(child.tag, str):
                add(child.tail, marks, link)
                continue
            if child.tag == names.FIGURE:
                out.append(Run(child.get(names.SRC, ""), marks | {names.FIGURE}, link))
            elif child.tag == names.REF:
                walk(child, marks, child.get(names.HREF, ""))
            elif child.tag in _MARK_ORDER:
                walk(child, marks | {child.tag}, link)
            else:
                walk(child, marks, link)
            add(child.tail, marks, link)

    walk(element, frozenset(), None)
    return tuple(out)


def merge_runs(runs: Iterable[Run]) -> tuple[Run, ...]:
    """Runs with empty ones dropped and neighbours of equal formatting joined."""
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].marks == run.marks and out[-1].link == run.link and names.FIGURE not in run.marks:
            out[-1] = Run(out[-1].text + run.text, run.marks, run.link)
        else:
            out.append(run)
    return tuple(out)


def fill_inline(element: etree._Element, runs: Iterable[Run]) -> etree._Element:
    """Write `runs` into `element` as text with `ref` outermost, then strong, em, u, sup, sub."""
    runs = merge_runs(runs)
    i = 0
    while i < len(runs):
        link = runs[i].link
        j = i
        while j < len(runs) and runs[j].link == link:
            j += 1
        if link is None:
            _fill_marks(element, runs[i:j], 0)
        else:
            ref = etree.SubElement(element, names.REF)
            if link:
                ref.set(names.HREF, link)
            _fill_marks(ref, runs[i:j], 0)
        i = j
    return element


def _append_text(element: etree._Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _fill_marks(element: etree._Element, runs: tuple[Run, ...], depth: int) -> None:
    if depth == len(INLINE_MARKS):
        for run in runs:
            if names.FIGURE in run.marks:
                etree.SubElement(element, names.FIGURE, {names.SRC: run.text})
            else:
                _append_text(element, run.text)
        return
    mark = INLINE_MARKS[depth]
    i = 0
    while i < len(runs):
        has = mark in runs[i].marks
        j = i
        while j < len(runs) and (mark in runs[j].marks) == has:
            j += 1
        if has:
            _fill_marks(etree.SubElement(element, mark), runs[i:j], depth + 1)
        else:
            _fill_marks(element, runs[i:j], depth + 1)
        i = j


# -- tree -> flow ------------------------------------------------------------------------------------


def from_agreement(root: etree._Element) -> Flow:
    """The agreement as paragraphs and tables, in reading order."""
    flow: Flow = []
    meta = root.find(names.META)
    if meta is not None:
        flow.append(Paragraph(wn.TITLE, runs_of(meta.find(names.TITLE))))
        short = meta.find(names.SHORT_TITLE)
        if short is not None:
            flow.append(Paragraph(wn.SHORT_TITLE, runs_of(short)))
    preamble = root.find(names.PREAMBLE)
    if preamble is not None:
        _blocks(flow, list(preamble), in_para=False, depth=0)
    body = root.find(names.BODY)
    if body is not None:
        _body(flow, body, 0)
    return flow


def _headed(style: str, element: etree._Element, depth: int) -> Paragraph:
    """The heading paragraph of a division or clause, carrying its number, id and kind."""
    return Paragraph(
        style,
        runs_of(element.find(names.HEADING)),
        level=depth + 1,
        num=element.get(names.NUM),
        ident=element.get(names.ID),
        kind=element.get(names.KIND),
    )


def _body(flow: Flow, parent: etree._Element, depth: int) -> None:
    for child in parent:
        if child.tag == names.DIVISION:
            flow.append(_headed(wn.DIVISION, child, depth))
            _subheading(flow, child)
            _blocks(flow, [c for c in child if c.tag in names.BLOCK_CONTENT], in_para=False, depth=0)
            _body(flow, child, depth + 1)
        elif child.tag == names.CLAUSE:
            flow.append(_headed(wn.CLAUSE, child, depth))
            _subheading(flow, child)
            for block in child:
                if block.tag == names.PARA:
                    _start(flow, wn.LID, 0, block)
                    _blocks(flow, _rest(block), in_para=True, depth=0)
                elif block.tag in names.BLOCK_CONTENT:
                    _blocks(flow, [block], in_para=False, depth=0)


def _subheading(flow: Flow, element: etree._Element) -> None:
    subheading = element.find(names.SUBHEADING)
    if subheading is not None:
        flow.append(Paragraph(wn.SUBHEADING, runs_of(subheading)))


def _rest(container: etree._Element) -> list[etree._Element]:
    children = list(container)
    return children[1:] if children and children[0].tag == names.P else children


def _start(flow: Flow, role: str, level: int, container: etree._Element) -> None:
    children = list(container)
    first = children[0] if children and children[0].tag == names.P else None
    flow.append(Paragraph(role, runs_of(first), level=level, num=container.get(names.NUM), has_text=first is not None))


def _blocks(flow: Flow, blocks: Iterable[etree._Element], *, in_para: bool, depth: int) -> None:
    for block in blocks:
        if block.tag == names.P:
            if depth:
                flow.append(Paragraph(wn.ITEM_CONT, runs_of(block), level=depth))
            else:
                flow.append(Paragraph(wn.LID_CONT if in_para else wn.TEXT, runs_of(block)))
        elif block.tag == names.LIST:
            for item in block.iterchildren(names.ITEM):
                _start(flow, wn.ITEM, depth + 1, item)
                _blocks(flow, _rest(item), in_para=in_para, depth=depth + 1)
        elif block.tag == names.TABLE:
            flow.append(
                Table(
                    [[runs_of(cell) for cell in row.iterchildren(names.CELL)] for row in block.iterchildren(names.ROW)]
                )
            )
        elif block.tag == names.FIGURE:
            flow.append(Paragraph(wn.FIGURE, (Run(block.get(names.SRC, "")),)))


# -- flow -> tree ------------------------------------------------------------------------------------


class FlowError(AkkoordError):
    """A document whose paragraphs cannot be mapped back to an agreement."""


def to_agreement(flow: Flow, base: etree._Element, source: str = "<document>") -> etree._Element:
    """The agreement a flow stands for, anchored on `base` (see the module docstring).

    Raises FlowError, naming the place, for what cannot be mapped: a heading whose marker was lost,
    a document without a title."""
    built = _Builder(base, source).build(flow)
    normal = build(from_agreement(base), base, source)
    _reuse_base(built, base, normal)
    return built


def build(flow: Flow, base: etree._Element, source: str = "<document>") -> etree._Element:
    """The agreement a flow stands for, taking from `base` only what a word processor does not show
    (ids, attributes, origins), never whole elements: `to_agreement` without its safety net."""
    return _Builder(base, source, keep_new_ids=True).build(flow)


def _bytes(element: etree._Element | None) -> bytes:
    return b"" if element is None else canonical.to_bytes(element)


def _own(division: etree._Element) -> etree._Element:
    """A division without its divisions and clauses (its own part: attributes and heading)."""
    shell = etree.Element(division.tag, dict(division.attrib))
    for child in division:
        if child.tag not in (names.DIVISION, names.CLAUSE):
            shell.append(copy.deepcopy(child))
    return shell


def _reuse_base(built: etree._Element, base: etree._Element, normal: etree._Element) -> None:
    """Put the base's own elements wherever the built text equals the base as the flow sees it."""
    base_meta, built_meta, normal_meta = (r.find(names.META) for r in (base, built, normal))
    if base_meta is not None and built_meta is not None and normal_meta is not None:
        for tag in (names.TITLE, names.SHORT_TITLE):
            mine, theirs, original = built_meta.find(tag), normal_meta.find(tag), base_meta.find(tag)
            if mine is not None and original is not None and _bytes(mine) == _bytes(theirs):
                built_meta.replace(mine, copy.deepcopy(original))
    mine, theirs, original = (r.find(names.PREAMBLE) for r in (built, normal, base))
    if mine is not None and original is not None and _bytes(mine) == _bytes(theirs):
        built.replace(mine, copy.deepcopy(original))
    normal_by_id = {e.get(names.ID): e for e in normal.iter(names.CLAUSE, names.DIVISION)}
    base_by_id = {e.get(names.ID): e for e in base.iter(names.CLAUSE, names.DIVISION)}
    for element in list(built.iter(names.CLAUSE, names.DIVISION)):
        ident = element.get(names.ID)
        theirs, original = normal_by_id.get(ident), base_by_id.get(ident)
        if theirs is None or original is None or theirs.tag != element.tag:
            continue
        if element.tag == names.CLAUSE:
            parent = element.getparent()
            if parent is not None and _bytes(element) == _bytes(theirs):
                parent.replace(element, copy.deepcopy(original))
        elif _bytes(_own(element)) == _bytes(_own(theirs)):
            for child in [c for c in element if c.tag not in (names.DIVISION, names.CLAUSE)]:
                element.remove(child)
            own = [copy.deepcopy(c) for c in original if c.tag not in (names.DIVISION, names.CLAUSE)]
            for index, child in enumerate(own):
                element.insert(index, child)
            for key in list(element.attrib):
                del element.attrib[key]
            element.attrib.update(original.attrib)


class _Builder:
    def __init__(self, base: etree._Element, source: str, keep_new_ids: bool = False):
        self.base = base
        self.source = source
        self.base_clauses = {e.get(names.ID, ""): e for e in base.iter(names.CLAUSE)}
        self.base_divisions = {e.get(names.ID, ""): e for e in base.iter(names.DIVISION)}
        self.used: set[str] = set(self.base_clauses) | set(self.base_divisions)
        self.keep_new_ids = keep_new_ids

    def fail(self, paragraph: Paragraph | Table | None, said: Message) -> NoReturn:
        if paragraph is not None and paragraph.where:
            said = Message("input.at", where=paragraph.where, what=said)
        raise FlowError.keyed("input.at", where=self.source, what=said)

    # -- the whole document --------------------------------------------------------------------
    def build(self, flow: Flow) -> etree._Element:
        base = self.base
        root = etree.Element(names.AGREEMENT)
        for key in (names.ID, names.LANG):
            value = base.get(key)
            if value is not None:
                root.set(key, value)
        meta = copy.deepcopy(base.find(names.META)) if base.find(names.META) is not None else None
        if meta is None:
            meta = etree.Element(names.META)
        for tag in (names.TITLE, names.SHORT_TITLE):
            for old in meta.findall(tag):
                meta.remove(old)
        root.append(meta)
        preamble = etree.SubElement(root, names.PREAMBLE)
        body = etree.SubElement(root, names.BODY)

        title: Paragraph | None = None
        short: Paragraph | None = None
        self.container: etree._Element = preamble
        self.para: etree._Element | None = None
        self.items: list[etree._Element] = []  # the open item at each list depth
        self.lists: list[etree._Element] = []  # the open list at each depth
        self.divisions: list[etree._Element] = []
        self.clause: etree._Element | None = None
        self.present_ids = {p.ident for p in flow if isinstance(p, Paragraph) and p.ident}
        self.seen_ids: set[str] = set()
        for entry in flow:
            if isinstance(entry, Table):
                self.table(entry)
                continue
            role = entry.role
            if role == wn.TITLE:
                if title is not None and title.text.strip():
                    self.fail(entry, Message("input.flow.second_title"))
                title = entry
            elif role == wn.SHORT_TITLE:
                short = entry
            elif role == wn.DIVISION:
                self.division(entry, body)
            elif role == wn.CLAUSE:
                self.start_clause(entry, body)
            elif role == wn.SUBHEADING:
                self.subheading(entry)
            elif role == wn.FIGURE:
                self.figure(entry)
            elif role == wn.LID:
                self.lid(entry)
            elif role == wn.LID_CONT:
                self.close_lists(0)
                self.p(self.para if self.para is not None else self.block_parent(entry), entry.runs)
            elif role == wn.ITEM:
                self.item(entry)
            elif role == wn.ITEM_CONT:
                depth = min(entry.level, len(self.items))
                self.close_lists(depth)
                parent = self.items[depth - 1] if depth else (self.para if self.para is not None else None)
                self.p(parent if parent is not None else self.block_parent(entry), entry.runs)
            else:  # text, and anything else a document holds
                self.close_lists(0)
                self.para = None
                self.p(self.block_parent(entry), entry.runs)
        if title is None or not title.text.strip():
            self.fail(None, Message("input.flow.no_title"))
        fill_inline(_insert_meta(meta, names.TITLE, 0), title.runs)
        if short is not None and short.text.strip():
            fill_inline(_insert_meta(meta, names.SHORT_TITLE, 1), short.runs)
        if not len(preamble):
            root.remove(preamble)
        self.inherit_list_kinds(root)
        return root

    # -- headings -----------------------------------------------------------------------------
    def identify(self, entry: Paragraph, known: dict[str, etree._Element], what: str) -> str:
        """The id of the clause or division a heading opens: its marker's, or a new one."""
        ident = entry.ident
        if ident and ident not in self.seen_ids:
            self.seen_ids.add(ident)
            return ident
        # no marker (or a copy of one already used): a new clause, unless it is a base clause whose
        # marker was lost
        for base_id, element in known.items():
            if base_id in self.present_ids or base_id in self.seen_ids:
                continue
            if element.get(names.NUM) == entry.num and not self.keep_new_ids:
                own = element.find(names.HEADING)
                if normalize_space(entry.text) == normalize_space("".join(own.itertext()) if own is not None else ""):
                    self.seen_ids.add(base_id)
                    return base_id
                kind = Message(f"input.flow.what.{what}")
                self.fail(entry, Message("input.flow.lost_bookmark", what=kind, num=entry.num, id=base_id))
        wanted = slug(entry.text) or slug(entry.num or "") or what
        prefix = "c" if what == "clause" else "d"
        wanted = wanted if wanted[:1].isalpha() else f"{prefix}-{wanted}"
        ident, n = wanted, 2
        while ident in self.used or ident in self.present_ids:
            ident, n = f"{wanted}-{n}", n + 1
        self.used.add(ident)
        self.seen_ids.add(ident)
        return ident

    def division(self, entry: Paragraph, body: etree._Element) -> None:
        self.end_blocks()
        self.clause = None
        depth = max(1, min(entry.level, len(self.divisions) + 1))
        del self.divisions[depth - 1 :]
        parent = self.divisions[-1] if self.divisions else body
        ident = self.identify(entry, self.base_divisions, "division")
        division = etree.SubElement(parent, names.DIVISION)
        division.set(names.ID, ident)
        original = self.base_divisions.get(ident)
        kind = original.get(names.KIND) if original is not None else None
        division.set(names.KIND, kind or self.guess_kind(depth))
        if entry.num:
            division.set(names.NUM, entry.num)
        if entry.runs:
            fill_inline(etree.SubElement(division, names.HEADING), entry.runs)
        self.divisions.append(division)
        self.container = division

    def guess_kind(self, depth: int) -> str:
        """The kind of a new division: that of the base's divisions at the same depth, else "chapter"."""
        for element in self.base_divisions.values():
            if len(list(element.iterancestors(names.DIVISION))) == depth - 1:
                return element.get(names.KIND, "chapter")
        return "chapter"

    def start_clause(self, entry: Paragraph, body: etree._Element) -> None:
        self.end_blocks()
        if entry.level:  # a clause that stands outside the divisions open before it
            del self.divisions[max(0, entry.level - 1) :]
        if not (entry.num or "").strip():
            self.fail(entry, Message("input.flow.clause_without_number"))
        parent = self.divisions[-1] if self.divisions else body
        ident = self.identify(entry, self.base_clauses, "clause")
        clause = etree.SubElement(parent, names.CLAUSE)
        clause.set(names.ID, ident)
        original = self.base_clauses.get(ident)
        kind = original.get(names.KIND) if original is not None else None
        if kind is not None:
            clause.set(names.KIND, kind)
        clause.set(names.NUM, (entry.num or "").strip())
        if entry.runs:
            fill_inline(etree.SubElement(clause, names.HEADING), entry.runs)
        origin = original.find(names.ORIGIN) if original is not None else None
        if origin is not None:
            clause.append(copy.deepcopy(origin))
        self.clause = clause
        self.container = clause

    # -- blocks -------------------------------------------------------------------------------
    def end_blocks(self) -> None:
        self.close_lists(0)
        self.para = None

    def close_lists(self, depth: int) -> None:
        del self.items[depth:]
        del self.lists[depth:]

    def block_parent(self, entry: Paragraph | Table) -> etree._Element:
        container = self.container
        if container.tag == names.DIVISION and any(c.tag in (names.DIVISION, names.CLAUSE) for c in container):
            self.fail(entry, Message("input.flow.text_outside_clause"))
        return container

    def subheading(self, entry: Paragraph) -> None:
        """A subheading right below a clause or division heading; elsewhere it is text."""
        holder = self.container
        if holder.tag in (names.CLAUSE, names.DIVISION) and all(c.tag == names.HEADING for c in holder):
            etree.SubElement(holder, names.SUBHEADING)
            fill_inline(holder[-1], entry.runs)
            return
        self.close_lists(0)
        self.para = None
        self.p(self.block_parent(entry), entry.runs)

    def figure(self, entry: Paragraph) -> None:
        host = self.items[-1] if self.items else self.para if self.para is not None else self.block_parent(entry)
        src = entry.text.strip()
        if not src:
            self.fail(entry, Message("input.flow.empty_figure"))
        figure = etree.SubElement(host, names.FIGURE, {names.SRC: src})
        for original in self.base.iter(names.FIGURE):
            if original.get(names.SRC) == src:
                for key in (names.WIDTH, names.HEIGHT):
                    if original.get(key) is not None:
                        figure.set(key, original.get(key, ""))
                break

    def p(self, parent: etree._Element, runs: tuple[Run, ...]) -> None:
        fill_inline(etree.SubElement(parent, names.P), runs)

    def lid(self, entry: Paragraph) -> None:
        self.end_blocks()
        container = self.block_parent(entry)
        if container.tag != names.CLAUSE:
            self.p(container, entry.runs)  # a numbered paragraph in the preamble is text there
            return
        para = etree.SubElement(container, names.PARA)
        if entry.num:
            para.set(names.NUM, entry.num)
        if entry.has_text:
            self.p(para, entry.runs)
        self.para = para

    def item(self, entry: Paragraph) -> None:
        depth = max(1, min(entry.level, len(self.items) + 1))
        del self.items[depth - 1 :]
        del self.lists[depth:]
        if len(self.lists) < depth:
            if depth == 1:
                host = self.para if self.para is not None else self.block_parent(entry)
            else:
                host = self.items[depth - 2]
            self.lists.append(etree.SubElement(host, names.LIST))
        item = etree.SubElement(self.lists[depth - 1], names.ITEM)
        if entry.num:
            item.set(names.NUM, entry.num)
        if entry.has_text:
            self.p(item, entry.runs)
        self.items.append(item)

    def table(self, entry: Table) -> None:
        if self.items:
            host = self.items[-1]
        elif self.para is not None:
            host = self.para
        else:
            host = self.block_parent(entry)
        if not entry.rows or not any(entry.rows):
            self.fail(entry, Message("input.flow.empty_table"))
        table = etree.SubElement(host, names.TABLE)
        for cells in entry.rows:
            row = etree.SubElement(table, names.ROW)
            for runs in cells or [()]:
                fill_inline(etree.SubElement(row, names.CELL), runs)

    def inherit_list_kinds(self, root: etree._Element) -> None:
        """A list takes the kind of the list at the same place (by order) in the base's clause,
        preamble or division."""
        base_holders = {e.get(names.ID): e for e in self.base.iter(names.CLAUSE)}
        pairs = [(root.find(names.PREAMBLE), self.base.find(names.PREAMBLE))]
        pairs += [(clause, base_holders.get(clause.get(names.ID))) for clause in root.iter(names.CLAUSE)]
        for mine, theirs in pairs:
            if mine is None or theirs is None:
                continue
            kinds = [lst.get(names.KIND) for lst in theirs.iter(names.LIST)]
            for lst, kind in zip(mine.iter(names.LIST), kinds, strict=False):
                if kind is not None:
                    lst.set(names.KIND, kind)


def _insert_meta(meta: etree._Element, tag: str, index: int) -> etree._Element:
    element = etree.Element(tag)
    meta.insert(min(index, len(meta)), element)
    return element
