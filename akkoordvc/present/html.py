"""A redline as one self-contained HTML5 page, block by block, in the reading order of the redline.

`render(redline)` returns the page as a string: inline `<style>`, no external fonts, images or
links, so the file can be mailed, archived or opened offline. A small inline script adds
keyboard navigation and "show everything" as a progressive enhancement; every link and every
part of the text works without it.

The page has a header naming both versions (labels, refs and text hashes), a summary of counts,
a table of contents (the divisions as the text has them, each changed part and clause with its
heading and the kinds of change, linked), and then the redline in the reading order of the
redline (`Redline.order`): the title and metadata, the preamble, the division headings (a
changed one marked "Hoofdstuk 3 (kop)"), the clauses (a clause that is not an article named by
its own number), the old places of moved clauses, and counts of the unchanged clauses left out.

Each part and clause is shown block by block: lid by lid (with its number), list item by list
item, table row by row (a real table, cells marked), figure by figure. Changed blocks are shown
whole; the unchanged block before and after a change too; runs of other unchanged blocks are
folded into a `<details>` element ("4 ongewijzigde onderdelen") that opens in place (the
condensed view; `include_unchanged` shows every clause whole). `side_by_side=True` shows, per
block, the old text and the new text in two columns, which stack to one on a narrow screen.

Inserted text is in `<ins>`, deleted text in `<del>`; both are marked by more than colour
(underline, line-through) and carry visually hidden "[ingevoegd: ...]" / "[verwijderd: ...]"
text for screen readers. Every changed item has "vorige wijziging" / "volgende wijziging" links
(the keys n and p, or j and k, do the same with the script). A moved clause links to a marker at
its old position, and the marker links back. Labels are in the document's language (see `labels`).

`reading_order()` gives the same order as items for the DOCX renderer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from ..ops.redline import (
    ADDED,
    DELETE,
    EQUAL,
    INSERT,
    MERGED,
    MODIFIED,
    MOVED,
    REMOVED,
    SPLIT,
    UNCHANGED,
    BlockChange,
    ClauseChange,
    PartChange,
    Redline,
    Side,
    is_moved,
)
from . import labels as L
from .blockview import notes as _notes
from .blockview import unit_changed as _unit_changed
from .blockview import units as _units

__all__ = ["Item", "is_moved", "kinds", "reading_order", "render"]


# ---------------------------------------------------------------------------------------
# Reading order (shared with the DOCX renderer)


@dataclass
class Item:
    """One thing on the page, in reading order.

    kind: "clause" (a clause, rendered), "was" (the old position of a moved clause),
    "division" (a division heading: `label`), "gap" (`n` unchanged clauses not shown) or "part"
    (a part outside the clauses: title, metadata, preamble, a division's heading and text).
    """

    kind: str
    clause: ClauseChange | None = None
    label: str = ""
    n: int = 0
    part: PartChange | None = None


def kinds(clause: ClauseChange) -> tuple[str, ...]:
    return clause.kinds or (clause.change,)


def division_label(lab: dict[str, str], part: PartChange) -> str:
    """ "Hoofdstuk 2 Zeggenschap": the division's kind, number and heading (as it stands now)."""
    name = L.division_name(lab, part.division_kind, part.num)
    heading = part.new_text if part.exists_new else part.old_text
    return f"{name} {heading}".strip()


def reading_order(redline: Redline, include_unchanged: bool = False) -> list[Item]:
    """The items of a redline page in the redline's reading order (`Redline.order`): the parts outside
    the clauses that changed (or all), the clauses that changed (or all), the old places of moved
    clauses ("was", with `clause`) and divisions ("was-part", with `part`), the headings of unchanged
    divisions around what is shown ("division", with `label`), and gaps counting the unchanged
    clauses left out ("gap", with `n`)."""
    lab = L.labels(redline.new.lang or redline.old.lang)
    items: list[Item] = []
    pending: list[tuple[int, str]] = []  # (depth, label) of unchanged divisions not shown yet
    gap = 0

    def flush(depth: int) -> None:
        nonlocal gap
        if gap:
            items.append(Item("gap", n=gap))
            gap = 0
        while pending and pending[0][0] < depth:
            items.append(Item("division", label=pending.pop(0)[1]))
        pending.clear()

    for entry in redline.order or ():
        part, clause, depth = entry.part, entry.clause, entry.depth
        if entry.kind == "part" and part is not None:
            if part.kind == "division":
                while pending and pending[-1][0] >= depth:
                    pending.pop()
                if include_unchanged or part.changed:
                    flush(depth + 1)
                    items.append(Item("part", part=part))
                else:
                    pending.append((depth, division_label(lab, part)))
            elif include_unchanged or part.changed:
                flush(0)
                items.append(Item("part", part=part))
        elif entry.kind == "was":
            flush(depth)
            items.append(Item("was", clause) if clause is not None else Item("was-part", part=part))
        elif clause is not None:
            if include_unchanged or clause.changed:
                flush(depth)
                items.append(Item("clause", clause))
            else:
                gap += 1
    if gap:
        items.append(Item("gap", n=gap))
    return items


# ---------------------------------------------------------------------------------------
# Rendering


def _shown_change(block: BlockChange) -> str:
    """The kind of change a shown block is marked with: a row whose cells changed is "modified"."""
    if not _unit_changed(block):
        return UNCHANGED
    return block.change if block.changed else MODIFIED


def _invisible() -> tuple[dict[str, str], Callable[[str], bool], Callable[[str], str]]:
    # lazily: tokens is a sibling layer's module and this keeps `present` cheap to import
    from ..ops.tokens import INVISIBLE_NAMES, has_invisible, visible

    return INVISIBLE_NAMES, has_invisible, visible


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


class _Page:
    def __init__(self, redline: Redline, side_by_side: bool, include_unchanged: bool):
        self.redline = redline
        self.side_by_side = side_by_side
        self.include_unchanged = include_unchanged
        self.doc_lang = (redline.new.lang or redline.old.lang or "").strip()
        self.lab = L.labels(self.doc_lang)
        self.ui_lang = self.lab["lang"]
        # UI strings carry their own lang when the document is in another language
        primary = self.doc_lang.replace("_", "-").split("-")[0].lower()
        self.ui_attr = f' lang="{self.ui_lang}"' if self.doc_lang and primary != self.ui_lang else ""
        self.items = reading_order(redline, include_unchanged)
        names, self.has_invisible, self.visible = _invisible()
        self.invisible_re = re.compile("([" + "".join(names) + "]+)")
        self.anchors: dict[int, str] = {}  # id() of a shown part or clause -> its anchor
        self.was_anchors: dict[int, str] = {}  # id() of a moved clause or division -> the anchor of its old place
        used: set[str] = {"top", "summary", "contents", "changes"}

        def unique(base: str) -> str:
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            return anchor

        self.change_ids: list[str] = []  # anchors of the changed items, in order (previous / next)
        self.change_order: dict[int, int] = {}
        for item in self.items:
            target = item.clause if item.kind == "clause" else item.part if item.kind == "part" else None
            if target is not None:
                anchor = unique(target.anchor)
                self.anchors[id(target)] = anchor
                if target.changed:
                    self.change_order[id(target)] = len(self.change_ids)
                    self.change_ids.append(anchor)
        for item in self.items:
            if item.kind == "was" and item.clause is not None:
                self.was_anchors[id(item.clause)] = unique(f"was-{item.clause.old_id}")
            elif item.kind == "was-part" and item.part is not None:
                self.was_anchors[id(item.part)] = unique(f"was-{item.part.id}")
        self.by_new_id = {c.id: c for c in redline.clauses if c.id}
        self.by_old_id: dict[str, ClauseChange] = {}
        for c in redline.clauses:
            if c.old_id:
                self.by_old_id.setdefault(c.old_id, c)
        self.invisible_seen = False

    # -- small pieces -------------------------------------------------------------------
    def changed_text(self, text: str) -> str:
        """Escaped text of an inserted or deleted segment, invisible characters shown by name."""
        if not self.has_invisible(text):
            return _e(text)
        self.invisible_seen = True
        out = []
        for i, part in enumerate(self.invisible_re.split(text)):
            if i % 2:
                out.append(f'<span class="inv">{_e(self.visible(part))}</span>')
            elif part:
                out.append(_e(part))
        return "".join(out)

    def ins(self, text: str) -> str:
        if not text:
            return ""
        cls = ' class="ws"' if text.isspace() else ""
        return (
            f'<ins{cls}><span class="sr"{self.ui_attr}>{_e(self.lab["sr_ins"])}</span>'
            f'{self.changed_text(text)}<span class="sr">{_e(self.lab["sr_end"])}</span></ins>'
        )

    def dele(self, text: str) -> str:
        if not text:
            return ""
        cls = ' class="ws"' if text.isspace() else ""
        return (
            f'<del{cls}><span class="sr"{self.ui_attr}>{_e(self.lab["sr_del"])}</span>'
            f'{self.changed_text(text)}<span class="sr">{_e(self.lab["sr_end"])}</span></del>'
        )

    def segments(self, words: Iterable[tuple[str, str]], show: str = "both") -> str:
        """(op, text) segments as HTML: "both" (inline), "old" (= and -) or "new" (= and +)."""
        out = []
        for op, text in words:
            if op == EQUAL:
                out.append(_e(text))
            elif op == DELETE and show in ("both", "old"):
                out.append(self.dele(text))
            elif op == INSERT and show in ("both", "new"):
                out.append(self.ins(text))
        return "".join(out)

    def body_words(self, c: ClauseChange) -> list[tuple[str, str]]:
        if c.words:
            return list(c.words)
        if c.change == ADDED or not c.old_id:
            return [(INSERT, c.new_text)] if c.new_text else []
        if c.change == REMOVED or not c.id:
            return [(DELETE, c.old_text)] if c.old_text else []
        if c.old_text == c.new_text:
            return [(EQUAL, c.new_text)] if c.new_text else []
        return [(op, t) for op, t in ((DELETE, c.old_text), (INSERT, c.new_text)) if t]

    def heading_words(self, c: ClauseChange) -> list[tuple[str, str]]:
        if c.heading_words:
            return list(c.heading_words)
        old = c.old_heading or "" if c.old_id else ""
        new = c.heading or "" if c.id else ""
        if old == new:
            return [(EQUAL, new)] if new else []
        return [(op, t) for op, t in ((DELETE, old), (INSERT, new)) if t]

    def num_html(self, c: ClauseChange) -> str:
        """ "Artikel 5" (or "Tabel I" for a clause that is not an article), a renumbering shown as
        "Artikel [-4-] [+5+]"."""
        lab = self.lab
        old = c.old_num if c.old_id else None
        new = c.num if c.id else None
        old_name = L.clause_label(lab, c.old_clause_kind, old) if c.old_id else ""
        new_name = L.clause_label(lab, c.clause_kind, new) if c.id else ""
        if not c.id:
            return self.dele(old_name) if old_name else ""
        if not c.old_id:
            return self.ins(new_name) if new_name else ""
        if old_name == new_name:
            return _e(new_name)
        article = c.clause_kind == c.old_clause_kind == "article"
        if article and old and new and not new.lower().startswith("art") and not old.lower().startswith("art"):
            before, after = lab["clause"].split("{num}", 1)
            return f"{_e(before)}{self.dele(old)} {self.ins(new)}{_e(after)}"
        return " ".join(p for p in (self.dele(old_name) if old_name else "", self.ins(new_name)) if p)

    def title_html(self, c: ClauseChange) -> str:
        num = self.num_html(c)
        head = self.segments(self.heading_words(c))
        parts = []
        if num:
            parts.append(f'<span class="num">{num}</span>')
        if head:
            parts.append(f'<span class="title">{head}</span>')
        return " ".join(parts)

    def plain_name(self, c: ClauseChange, *, old: bool = False, start: bool = True) -> str:
        heading = c.old_heading if old else c.heading
        name = L.change_label(self.lab, c, old=old, start=start)
        if name and heading:
            return f"{name} ({heading})"
        return name or heading or (c.old_id if old else c.id) or ""

    def badges(self, c: ClauseChange) -> str:
        return " ".join(
            f'<span class="badge b-{_e(kind)}">{_e(L.kind_label(self.lab, kind))}</span>' for kind in kinds(c)
        )

    def link_list(self, c: ClauseChange, old: bool) -> str:
        """ "artikelen 1, 1a" for the clauses related to `c`, each linked when it is on the page."""
        out = []
        numbered = True
        known = tuple(getattr(c, "related_nums", ()) or ())
        for k, cid in enumerate(c.related):
            target = (self.by_old_id if old else self.by_new_id).get(cid)
            num = (target.old_num if old else target.num) if target is not None else None
            num = num or (known[k] if k < len(known) else None)
            numbered = numbered and bool(num)
            anchor = self.anchors.get(id(target)) if target is not None else None
            text = _e(num or cid)
            out.append(f'<a href="#{_e(anchor)}">{text}</a>' if anchor else text)
        joined = ", ".join(out)
        if numbered and out:
            before, _, after = self.lab["clause_plural_lc"].partition("{nums}")
            return f"{_e(before)}{joined}{_e(after)}"
        return joined

    # -- page parts -----------------------------------------------------------------------
    def doc_title(self) -> str:
        r = self.redline
        return r.new.title or r.old.title or r.new.doc_id or r.old.doc_id or self.lab["changes"]

    def head(self) -> str:
        r, lab = self.redline, self.lab
        title = (
            f"{lab['changes_in'].format(title=self.doc_title())}: "
            f"{L.side_name(r.old)} \u2192 {L.side_name(r.new)} "
            f"({lab['text_hash']} {r.old.text_sha256[:12]} \u2192 {r.new.text_sha256[:12]})"
        )
        return (
            '<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="color-scheme" content="light dark">\n'
            '<meta name="generator" content="akkoordvc">\n'
            f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>"
        )

    def header(self) -> str:
        r, lab = self.redline, self.lab

        def side(name: str, s: Side) -> str:
            ref = f' <code class="ref">{_e(s.ref)}</code>' if s.ref and s.label and s.label != s.ref else ""
            main = _e(s.label or s.ref)
            return (
                f'<dt>{_e(lab[name])}</dt><dd><span class="side">{main}</span>{ref}'
                f'<br><span class="hash-label">{_e(lab["text_hash"])}</span> '
                f'<code class="hash">{_e(s.text_sha256)}</code></dd>'
            )

        return (
            f'<header id="top"{self.ui_attr}>\n<p class="kicker">{_e(lab["changes"])}</p>\n'
            f'<h1 lang="{_e(self.doc_lang or self.ui_lang)}">{_e(self.doc_title())}</h1>\n'
            f'<dl class="versions">{side("old_version", r.old)}{side("new_version", r.new)}</dl>\n'
            f'<p class="skip-wrap"><a class="skip" href="#changes">{_e(lab["skip_to_changes"])}</a></p>\n'
            "</header>"
        )

    def summary(self) -> str:
        lab = self.lab
        stats = self.redline.stats()
        items = [
            f'<li class="s-{_e(kind)}"><strong>{stats[kind]}</strong> {_e(L.kind_label(lab, kind))}</li>'
            for kind in (k for k in stats if k not in ("words_inserted", "words_deleted", "parts_changed"))
            if stats[kind]
        ]
        if stats["parts_changed"]:
            other = L.count_phrase(lab, stats["parts_changed"], "other_parts_1", "other_parts_n")
            items.append(
                f'<li class="s-parts"><strong>{stats["parts_changed"]}</strong> {_e(other.split(" ", 1)[1])}</li>'
            )
        words = L.words_phrase(lab, stats["words_inserted"], stats["words_deleted"])
        words_html = f'<p class="words">{_e(words)}</p>' if words else ""
        none = "" if not self.redline.empty else f'<p class="none">{_e(lab["no_changes"])}</p>'
        legend = (
            f'<p class="legend"><span class="legend-label">{_e(lab["legend"])}:</span> '
            f'<span class="sample-ins">{_e(lab["legend_ins"])}</span> '
            f'<span class="sample-del">{_e(lab["legend_del"])}</span>'
            f'<span class="legend-inv"> · {_e(lab["invisible_note"])}</span></p>'
        )
        return (
            f'<section class="summary" id="summary" aria-labelledby="summary-h"{self.ui_attr}>\n'
            f'<h2 id="summary-h">{_e(lab["summary"])}</h2>\n'
            f'<p class="stats-label">{_e(lab["clauses"])}</p>'
            f'<ul class="stats">{"".join(items)}</ul>\n{words_html}{none}{legend}\n</section>'
        )

    def toc(self) -> str:
        """The contents: the divisions as the text has them (indented by depth), under each the changed
        parts and clauses with their headings and kinds of change, each linked."""
        entries = []
        for item in self.items:
            if item.kind == "division":
                entries.append(f'<li class="toc-div">{_e(item.label)}</li>')
                continue
            if item.kind == "part" and item.part is not None:
                p = item.part
                if not p.changed:
                    continue
                name = self.part_name(p)
                heading = p.new_text if p.kind == "division" else ""
                target = self.anchors.get(id(p))
                badges = self.badges_of(p.kinds or (p.change,))
                depth = p.depth if p.kind == "division" else 0
            elif item.kind == "clause" and item.clause is not None and item.clause.changed:
                c = item.clause
                old = not c.id
                name = L.change_label(self.lab, c, old=old)
                heading = (c.old_heading if old else c.heading) or ""
                target = self.anchors.get(id(c))
                badges = self.badges(c)
                depth = c.depth
            else:
                continue
            text = " ".join(
                x
                for x in (
                    f'<span class="toc-num">{_e(name)}</span>' if name else "",
                    f'<span class="toc-title">{_e(heading)}</span>' if heading else "",
                )
                if x
            )
            link = f'<a href="#{_e(target)}">{text}</a>' if target else text
            entries.append(f'<li class="lvl-{min(depth, 6)}">{link} <span class="toc-kinds">{badges}</span></li>')
        if not any("toc-kinds" in e for e in entries):
            return ""
        return (
            f'<nav class="toc" id="contents" aria-labelledby="contents-h"{self.ui_attr}>\n'
            f'<h2 id="contents-h">{_e(self.lab["contents"])}</h2>\n<ol>\n' + "\n".join(entries) + "\n</ol>\n</nav>"
        )

    # -- navigation between changes --------------------------------------------------------
    def nav_links(self, key: int) -> str:
        """ "vorige wijziging" / "volgende wijziging" links of the changed item `key` (id() of its change)."""
        k = self.change_order.get(key)
        if k is None:
            return ""
        lab = self.lab
        out = []
        if k > 0:
            out.append(
                f'<a class="prev" href="#{_e(self.change_ids[k - 1])}" rel="prev">{_e(lab["previous_change"])}</a>'
            )
        if k + 1 < len(self.change_ids):
            out.append(f'<a class="next" href="#{_e(self.change_ids[k + 1])}" rel="next">{_e(lab["next_change"])}</a>')
        out.append(f'<a class="up" href="#contents">{_e(lab["back_to_contents"])}</a>')
        return f'<span class="nav"{self.ui_attr}>{" ".join(out)}</span>'

    # -- blocks -------------------------------------------------------------------------------
    def block_html(self, b: BlockChange, side: str = "both") -> str:
        """One block: its number (old and new when it changed) and its text, on one side or both."""
        lab = self.lab
        num = ""
        if b.kind in ("para", "item") and (b.num or b.old_num):
            if side == "old":
                num = _e(b.old_num or "") if b.old is not None else ""
            elif side == "new":
                num = _e(b.num or "") if b.new is not None else ""
            elif b.change in (ADDED, REMOVED) or b.num == b.old_num:
                shown = b.num if b.new is not None else b.old_num
                op = {ADDED: INSERT, REMOVED: DELETE}.get(b.change, EQUAL)
                num = self.segments([(op, shown or "")])
            else:
                num = self.segments([(op, t) for op, t in ((DELETE, b.old_num or ""), (INSERT, b.num or "")) if t])
        if b.kind == "row":
            cells = []
            for cell in b.children:
                if side == "old" and cell.old is None or side == "new" and cell.new is None:
                    continue
                cls = f' class="k-{_e(cell.change)}"' if cell.changed else ""
                cells.append(f"<td{cls}>{self.segments(self.words_of(cell), side)}{self.notes(cell, side)}</td>")
            return "".join(cells)
        text = self.segments(self.words_of(b), side)
        label = {"subheading": lab["block_subheading"], "figure": lab["block_figure"]}.get(b.kind)
        if b.kind == "property":
            label = f"{lab['block_origin']} {b.name}"
        if label:
            text = f'<span class="bl"{self.ui_attr}>{_e(label)}:</span> {text}'
        if not b.old_text and not b.new_text and b.kind not in ("list", "table", "origin", "row"):
            text = f'<span class="empty"{self.ui_attr}>{_e(lab["block_empty"])}</span>'
        num_html = f'<span class="bn">{num}</span> ' if num else ""
        return f"{num_html}{text}{self.notes(b, side)}"

    def heading_notes(self, tree: list[BlockChange]) -> list[str]:
        """What changed in a heading besides its words (the heading is shown in the section's title)."""
        found = [n for b in tree if b.kind == "heading" and b.changed for n in _notes(b, self.lab)]
        return [_e(f"{self.lab['aspect_heading']}: {n}") for n in found]

    def notes(self, b: BlockChange, side: str) -> str:
        """What changed besides the words (formatting, attributes), on the new side (or inline)."""
        if side == "old" or not b.changed:
            return ""
        return "".join(f' <span class="bnote"{self.ui_attr}>({_e(n)})</span>' for n in _notes(b, self.lab))

    @staticmethod
    def words_of(b: BlockChange) -> list[tuple[str, str]]:
        if b.words:
            return list(b.words)
        if b.change == ADDED:
            return [(INSERT, b.new_text)] if b.new_text else []
        if b.change == REMOVED:
            return [(DELETE, b.old_text)] if b.old_text else []
        return [(EQUAL, b.new_text)] if b.new_text else []

    def block_row(self, b: BlockChange, depth: int) -> str:
        """A block as shown: one line of text (inline) or a pair of cells (side by side)."""
        classes = f"blk b-{_e(b.kind)} d{min(depth, 6)} k-{_e(_shown_change(b))}"
        if b.kind == "table":
            return self.table(b, classes)
        if b.kind in ("list", "origin"):
            notes = self.block_html(b)
            if not notes.strip():
                return ""
            return f'<div class="{classes}">{notes}</div>'
        if not self.side_by_side:
            if b.kind == "row":
                return f'<table class="{classes} tbl"><tr>{self.block_html(b)}</tr></table>'
            return f'<div class="{classes}">{self.block_html(b)}</div>'
        old = new = ""
        absent = f'<span class="absent"{self.ui_attr}>{_e(self.lab["not_present"])}</span>'
        if b.kind == "row":
            old = f'<table class="tbl"><tr>{self.block_html(b, "old")}</tr></table>' if b.old is not None else absent
            new = f'<table class="tbl"><tr>{self.block_html(b, "new")}</tr></table>' if b.new is not None else absent
        else:
            old = self.block_html(b, "old") if b.old is not None else absent
            new = self.block_html(b, "new") if b.new is not None else absent
        return (
            f'<div class="{classes} pair"><div class="old"><span class="sr side-label"{self.ui_attr}>'
            f'{_e(self.lab["old_text"])}: </span>{old}</div><div class="new"><span class="sr side-label"'
            f"{self.ui_attr}>{_e(self.lab['new_text'])}: </span>{new}</div></div>"
        )

    def table(self, b: BlockChange, classes: str) -> str:
        """A table as one table, row by row, the changed rows and cells marked (side by side: one table
        a side, each holding the rows that side has)."""
        notes = self.block_html(b)
        note = f'<p class="bnote">{notes}</p>' if notes.strip() else ""

        def rows(side: str) -> str:
            out = []
            for row in b.children:
                if side == "old" and row.old is None or side == "new" and row.new is None:
                    continue
                cls = f' class="k-{_e(_shown_change(row))}"' if _unit_changed(row) else ""
                out.append(f"<tr{cls}>{self.block_html(row, side)}</tr>")
            return f'<table class="tbl">{"".join(out)}</table>'

        if not self.side_by_side:
            return f'<div class="{classes}">{note}{rows("both")}</div>'
        absent = f'<span class="absent"{self.ui_attr}>{_e(self.lab["not_present"])}</span>'
        old = rows("old") if b.old is not None else absent
        new = rows("new") if b.new is not None else absent
        return (
            f'<div class="{classes} pair"><div class="old"><span class="sr side-label"{self.ui_attr}>'
            f'{_e(self.lab["old_text"])}: </span>{old}</div><div class="new"><span class="sr side-label"'
            f"{self.ui_attr}>{_e(self.lab['new_text'])}: </span>{new}</div></div>"
        )

    def blocks(self, tree: list[BlockChange], whole: bool) -> str:
        """The blocks of a part or clause: all of them (`whole`), or the changed ones with one block of
        context each, the other unchanged ones folded into a `details` element."""
        units: list[tuple[BlockChange, int]] = []
        for block, depth in _units(tree, 0):
            if block.kind == "property" and not block.changed and not whole:
                continue
            if block.kind == "row" and units and units[-1][0].kind == "table" and block in units[-1][0].children:
                continue  # shown in its table
            units.append((block, depth))
        if not units:
            return ""
        changed = [
            _unit_changed(b) or (b.kind == "table" and any(_unit_changed(r) for r in b.children)) for b, _ in units
        ]
        out: list[str] = []
        folded: list[str] = []

        def fold() -> None:
            if folded:
                summary = L.count_phrase(self.lab, len(folded), "unchanged_blocks_1", "unchanged_blocks_n")
                out.append(
                    f'<details class="more"><summary{self.ui_attr}>{_e(summary)}</summary>{"".join(folded)}</details>'
                )
                folded.clear()

        for k, (block, depth) in enumerate(units):
            row = self.block_row(block, depth)
            if not row:
                continue
            near = (k > 0 and changed[k - 1]) or (k + 1 < len(units) and changed[k + 1])
            if whole or changed[k] or near:
                fold()
                out.append(row)
            else:
                folded.append(row)
        fold()
        head = ""
        if self.side_by_side:
            head = (
                f'<div class="pair sbs-head" aria-hidden="true"{self.ui_attr}><div>{_e(self.lab["old_text"])}</div>'
                f"<div>{_e(self.lab['new_text'])}</div></div>"
            )
        return f'<div class="blocks">{head}{"".join(out)}</div>'

    def flat_body(self, c: ClauseChange) -> str:
        """A clause without blocks (a redline built by hand): its text as one paragraph."""
        words = self.body_words(c)
        if not words:
            return ""
        if self.side_by_side:
            absent = f'<span class="absent"{self.ui_attr}>{_e(self.lab["not_present"])}</span>'
            old = self.segments(words, "old") if c.old_id else absent
            new = self.segments(words, "new") if c.id else absent
            return (
                f'<div class="blocks"><div class="pair sbs-head" aria-hidden="true"{self.ui_attr}>'
                f"<div>{_e(self.lab['old_text'])}</div><div>{_e(self.lab['new_text'])}</div></div>"
                f'<div class="blk pair"><div class="old">{old}</div><div class="new">{new}</div></div></div>'
            )
        return f'<div class="blocks"><div class="blk">{self.segments(words)}</div></div>'

    # -- items --------------------------------------------------------------------------------
    def clause(self, c: ClauseChange) -> str:
        lab = self.lab
        anchor = self.anchors[id(c)]
        classes = " ".join(["clause"] + [f"k-{kind}" for kind in kinds(c)])
        meta = [self.badges(c)]
        words = L.words_phrase(lab, c.words_inserted, c.words_deleted)
        if words:
            meta.append(f'<span class="words">{_e(words)}</span>')
        meta.append(self.nav_links(id(c)))
        notes = []
        if is_moved(c):
            was = self.was_anchors.get(id(c))
            text = _e(lab["moved_from"].format(place=L.old_place(self.lab, c)))
            notes.append(f'<a href="#{_e(was)}">{text}</a>' if was else text)
        if SPLIT in kinds(c) and c.related:
            notes.append(_e(lab["split_into"]).format(clauses=self.link_list(c, old=False)))
        if MERGED in kinds(c) and c.related:
            notes.append(_e(lab["merged_from"]).format(clauses=self.link_list(c, old=True)))
        notes.extend(_e(n) for n in L.clause_notes(lab, c))
        notes.extend(self.heading_notes(c.tree))
        if c.bounded:
            notes.append(_e(lab["bounded_note"]))
        notes_html = "".join(f'<p class="note"{self.ui_attr}>{n}</p>' for n in notes)
        head = self.title_html(c) or _e(c.id or c.old_id)
        tree = [b for b in c.tree if b.kind != "heading"]
        if tree:
            whole = self.include_unchanged or not c.changed or c.change in (ADDED, REMOVED) or c.kinds == (MOVED,)
            body = self.blocks(tree, whole)
        else:
            body = self.flat_body(c)
        change_attr = " data-change" if c.changed else ""
        return (
            f'<section class="{_e(classes)}" id="{_e(anchor)}" aria-labelledby="h-{_e(anchor)}"{change_attr}>\n'
            f'<h3 id="h-{_e(anchor)}">{head}</h3>\n'
            f'<p class="meta"{self.ui_attr}>{" ".join(m for m in meta if m)}</p>\n{notes_html}{body}\n</section>'
        )

    def part_name(self, p: PartChange) -> str:
        name = L.part_name(self.lab, p)
        aspects = L.part_aspects(self.lab, p) if p.changed else ""
        return f"{name} ({aspects})" if aspects else name

    def part(self, p: PartChange) -> str:
        """A part outside the clauses (title, metadata, preamble, division): name, kinds, text block by block."""
        lab = self.lab
        anchor = self.anchors.get(id(p), p.anchor)
        name = _e(self.part_name(p))
        if p.kind == "division" and p.changed:
            heading = next((b for b in p.blocks if b.kind == "heading"), None)
            title = self.segments(self.words_of(heading)) if heading is not None else ""
            head = f'<span class="num">{name}</span> <span class="title">{title}</span>' if title else name
        else:
            head = name
        meta = [self.badges_of(p.kinds or (p.change,))] if p.changed else []
        words = L.words_phrase(lab, p.words_inserted, p.words_deleted)
        if words and p.changed:
            meta.append(f'<span class="words">{_e(words)}</span>')
        meta.append(self.nav_links(id(p)))
        notes = []
        if MOVED in p.kinds:
            was = self.was_anchors.get(id(p))
            text = _e(lab["moved_from"].format(place=lab["old_place"]))
            notes.append(f'<a href="#{_e(was)}">{text}</a>' if was else text)
        if p.kind == "division":
            if p.num != p.old_num and p.change not in (ADDED, REMOVED):
                notes.append(_e(lab["renumbered_from_to"].format(old=p.old_num or "—", new=p.num or "—")))
            notes.extend(self.heading_notes(p.blocks))
            notes.extend(_e(n) for n in L.attribute_notes(lab, p.old, p.new, {"id", "num", "kind"}))
            if p.division_kind != p.old_division_kind:
                old = L.division_name(lab, p.old_division_kind, None)
                new = L.division_name(lab, p.division_kind, None)
                notes.append(_e(f"{lab['aspect_kind']}: {old} → {new}"))
            tree = [b for b in p.blocks if b.kind != "heading"]
        else:
            tree = p.blocks
        notes_html = "".join(f'<p class="note"{self.ui_attr}>{n}</p>' for n in notes)
        whole = self.include_unchanged or not p.changed or p.change in (ADDED, REMOVED) or p.kind != "preamble"
        body = self.blocks(tree, whole) if tree else ""
        if not tree and p.kind != "division" and (p.words or p.changed):  # document attributes: their value
            empty = {ADDED: INSERT, REMOVED: DELETE}.get(p.change, EQUAL)
            value = p.words or [(empty, lab["empty_value"])]
            body = f'<div class="blocks"><div class="blk">{self.segments(value)}</div></div>'
        classes = " ".join(["part", f"part-{p.kind}"] + [f"k-{k}" for k in (p.kinds or (p.change,))])
        change_attr = " data-change" if p.changed else ""
        level = "h3"
        return (
            f'<section class="{_e(classes)}" id="{_e(anchor)}" aria-labelledby="h-{_e(anchor)}"{change_attr}>\n'
            f'<{level} id="h-{_e(anchor)}">{head}</{level}>\n'
            f'<p class="meta"{self.ui_attr}>{" ".join(m for m in meta if m)}</p>\n{notes_html}{body}\n</section>'
        )

    def badges_of(self, found: tuple[str, ...]) -> str:
        return " ".join(f'<span class="badge b-{_e(kind)}">{_e(L.kind_label(self.lab, kind))}</span>' for kind in found)

    def was(self, item: Item) -> str:
        lab = self.lab
        if item.part is not None:
            p = item.part
            anchor = self.was_anchors[id(p)]
            stood = lab["was_division"].format(division=L.division_name(lab, p.old_division_kind, p.old_num))
            target = self.anchors.get(id(p))
            moved = _e(L.kind_label(lab, MOVED))
        else:
            c = item.clause
            assert c is not None
            anchor = self.was_anchors[id(c)]
            target = self.anchors.get(id(c))
            stood = lab["old_position"].format(clause=self.plain_name(c, old=True, start=False))
            moved = _e(lab["moved_to"].format(place=L.new_place(self.lab, c)))
        stood = stood[:1].upper() + stood[1:]
        link = f'<a href="#{_e(target)}">{moved}</a>' if target else moved
        return (
            f'<aside class="was" id="{_e(anchor)}" aria-label="{_e(L.kind_label(lab, MOVED))}"{self.ui_attr}>'
            f'<p><span class="badge b-moved">{_e(L.kind_label(lab, MOVED))}</span> {_e(stood)}; {link}.</p></aside>'
        )

    def gap(self, n: int) -> str:
        text = L.count_phrase(self.lab, n, "unchanged_1", "unchanged_n")
        return f'<p class="gap"{self.ui_attr}><span>{_e(text)}</span></p>'

    def main(self) -> str:
        out = []
        for item in self.items:
            if item.kind == "clause" and item.clause is not None:
                out.append(self.clause(item.clause))
            elif item.kind in ("was", "was-part"):
                out.append(self.was(item))
            elif item.kind == "division":
                out.append(f'<h2 class="division">{_e(item.label)}</h2>')
            elif item.kind == "gap":
                out.append(self.gap(item.n))
            elif item.kind == "part" and item.part is not None:
                out.append(self.part(item.part))
        tools = (
            f'<p class="tools" hidden{self.ui_attr}><button type="button" data-open-all>{_e(self.lab["show_all"])}</button> '
            f'<span class="keys">{_e(self.lab["keys_hint"])}</span></p>'
        )
        return f'<main id="changes" tabindex="-1">\n{tools}\n' + "\n".join(out) + "\n</main>"

    def page(self) -> str:
        r = self.redline
        body_class = "side-by-side" if self.side_by_side else "inline"
        main = self.main()  # first: notes whether invisible characters occur
        inv_class = " has-invisible" if self.invisible_seen else ""
        footer = (
            f"<footer{self.ui_attr}><p>{_e(self.lab['generated_by'])} · "
            f"{_e(L.side_name(r.old))} \u2192 {_e(L.side_name(r.new))}</p></footer>"
        )
        lang = self.doc_lang or self.ui_lang
        return (
            f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n{self.head()}\n'
            f'<body class="{body_class}{inv_class}">\n{self.header()}\n{self.summary()}\n{self.toc()}\n'
            f"{main}\n{footer}\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )


def render(redline: Redline, *, side_by_side: bool = False, include_unchanged: bool = False) -> str:
    """The redline as one self-contained HTML5 page (inline view, or old | new columns)."""
    return _Page(redline, side_by_side, include_unchanged).page()


_SANS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", '
    '"DejaVu Sans", sans-serif'
)
_SERIF = (
    '"Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Charter, "Bitstream Charter", '
    'Georgia, "Liberation Serif", "DejaVu Serif", serif'
)
_MONO = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace'

CSS = (
    """
:root {
  --ink: #1d1d1b; --muted: #5f5c57; --rule: #dedad2; --paper: #fffdf8; --panel: #f6f3ec;
  --ins-bg: #dff3e2; --ins-ink: #0b5a23; --del-bg: #fbe3df; --del-ink: #9a1f12;
  --accent: #1d4f7c; --moved: #5b3f8f;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e9e6df; --muted: #a9a49a; --rule: #45433f; --paper: #191918; --panel: #232321;
    --ins-bg: #183d22; --ins-ink: #b8efc2; --del-bg: #4b1f1a; --del-ink: #ffc4bb;
    --accent: #9fc6ee; --moved: #cfb9f5;
  }
}
html { background: var(--paper); color: var(--ink); }
body {
  margin: 0 auto; max-width: 44rem; padding: 2.5rem 1.5rem 4rem;
  font: 1.0625rem/1.62 SERIF; font-kerning: normal;
  hyphens: auto; -webkit-hyphens: auto; overflow-wrap: break-word;
}
body.side-by-side { max-width: 80rem; }
header, nav, .summary, .meta, .note, .gap, .was, footer, table.sbs th, h2, .absent { font-family: SANS; }
a { color: var(--accent); text-underline-offset: .15em; }
.kicker { margin: 0; font-size: .78rem; letter-spacing: .09em; text-transform: uppercase; color: var(--muted); }
h1 { margin: .15rem 0 1rem; font: 600 1.9rem/1.2 SERIF; hyphens: manual; }
dl.versions { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; font-size: .9rem; }
dl.versions dt { color: var(--muted); }
dl.versions dd { margin: 0; }
.side { font-weight: 600; }
code { font-family: MONO; font-size: .82em; }
code.hash { font-size: .74rem; color: var(--muted); word-break: break-all; }
.hash-label { font-size: .74rem; color: var(--muted); }
.skip-wrap { margin: 0; }
.skip { position: absolute; left: -9999px; }
.skip:focus { position: static; }
h2 { margin: 0 0 .6rem; font-size: 1rem; font-weight: 650; }
.summary, nav.toc { margin-top: 1.6rem; padding: .9rem 1.1rem 1rem; background: var(--panel); border-radius: .5rem; }
.stats-label { margin: 0 0 .35rem; font-size: .8rem; color: var(--muted); }
ul.stats { display: flex; flex-wrap: wrap; gap: .4rem .5rem; margin: 0; padding: 0; list-style: none; font-size: .88rem; }
ul.stats li { padding: .05rem .6rem; border: 1px solid var(--rule); border-radius: 999px; background: var(--paper); }
.summary .words, .summary .none { margin: .6rem 0 0; font-size: .88rem; }
.legend { margin: .6rem 0 0; font-size: .8rem; color: var(--muted); }
.legend-label { margin-right: .3rem; }
.legend-inv { display: none; }
.has-invisible .legend-inv { display: inline; }
nav.toc ol { margin: 0; padding: 0; list-style: none; font-size: .9rem; columns: 2 19rem; column-gap: 2rem; }
nav.toc li { padding: .14rem 0; break-inside: avoid; line-height: 1.35; }
nav.toc a { text-decoration: none; }
nav.toc a:hover .toc-title, nav.toc a:focus .toc-title { text-decoration: underline; }
.toc-num { font-weight: 600; margin-right: .25rem; }
.toc-title { color: var(--ink); }
.t-removed .toc-title, .t-removed .toc-num { text-decoration: line-through; text-decoration-color: var(--del-ink); }
.toc-kinds { white-space: nowrap; }
.badge {
  display: inline-block; padding: 0 .42rem; border: 1px solid currentColor; border-radius: .25rem;
  font: 500 .7rem/1.45 SANS; letter-spacing: .02em; color: var(--muted); vertical-align: .08em;
}
.b-added { color: var(--ins-ink); }
.b-removed { color: var(--del-ink); }
.b-moved, .b-split, .b-merged { color: var(--moved); }
.b-modified, .b-renumbered { color: var(--accent); }
main { margin-top: 2rem; }
h2.division { margin: 2.6rem 0 1rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); font-size: 1.12rem; }
section.clause { margin: 1.5rem 0 1.9rem; padding: .1rem 0 .1rem 1rem; border-left: 3px solid var(--rule); }
section.k-added { border-left-color: var(--ins-ink); }
section.k-removed { border-left-color: var(--del-ink); }
section.k-moved { border-left-color: var(--moved); }
section.k-unchanged { border-left-color: transparent; }
h3 { margin: 0 0 .2rem; font-size: 1.1rem; line-height: 1.35; font-weight: 650; hyphens: manual; }
h3 .num { margin-right: .35em; }
.meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem .45rem; margin: 0 0 .55rem; font-size: .78rem; color: var(--muted); }
.meta .up { margin-left: auto; color: var(--muted); }
.note { margin: 0 0 .5rem; font-size: .85rem; color: var(--muted); }
.text p, table.sbs p { margin: 0 0 .65rem; white-space: pre-line; }
ins, del, .sample-ins, .sample-del {
  padding: 0 .06em; border-radius: 2px; text-decoration-thickness: .07em; text-decoration-skip-ink: none;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
ins, .sample-ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: underline; text-underline-offset: .17em; }
del, .sample-del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; }
ins.ws, del.ws { padding: 0 .18em; }
del + ins, ins + del { margin-left: .18em; }
.sr {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.inv { padding: 0 .12em; border: 1px dotted currentColor; border-radius: 2px; font: .72em MONO; }
.was { margin: 1.3rem 0; padding: .45rem .8rem; border: 1px dashed var(--moved); border-radius: .4rem; font-size: .86rem; color: var(--muted); }
.was p { margin: 0; }
.gap { display: flex; align-items: center; gap: .8rem; margin: 1.4rem 0; font-size: .78rem; color: var(--muted); }
.gap::before, .gap::after { content: ""; flex: 1; border-top: 1px dotted var(--rule); }
table.sbs { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.sbs col { width: 50%; }
table.sbs th {
  padding: .15rem .7rem; border-bottom: 1px solid var(--rule); text-align: left;
  font-size: .7rem; font-weight: 600; letter-spacing: .07em; text-transform: uppercase; color: var(--muted);
}
table.sbs td { padding: .5rem .7rem 0; vertical-align: top; }
table.sbs td.old { border-right: 1px solid var(--rule); }
.absent { font-size: .85rem; font-style: italic; color: var(--muted); }
:target { outline: 2px solid var(--accent); outline-offset: .35rem; border-radius: .2rem; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); font-size: .78rem; color: var(--muted); }
/* blocks: one line (or row) per lid, item, paragraph, table row, figure */
.blocks { margin: 0; }
.blk { margin: 0 0 .55rem; white-space: pre-line; }
.blk.d1 { margin-left: 1.4rem; } .blk.d2 { margin-left: 2.8rem; } .blk.d3 { margin-left: 4.2rem; }
.blk.d4, .blk.d5, .blk.d6 { margin-left: 5.4rem; }
.bn { display: inline-block; min-width: 1.6em; margin-right: .35em; font-weight: 600; }
.bl, .bnote, .empty { font: .8rem SANS; color: var(--muted); }
.blk.k-added, .blk.k-removed, .blk.k-modified, .blk.k-renumbered, .blk.k-formatting {
  border-left: 2px solid var(--rule); padding-left: .5rem; margin-left: -.6rem;
}
.blk.d1.k-added, .blk.d1.k-removed, .blk.d1.k-modified, .blk.d1.k-renumbered { margin-left: .8rem; }
.blk.d2.k-added, .blk.d2.k-removed, .blk.d2.k-modified, .blk.d2.k-renumbered { margin-left: 2.2rem; }
.blk.k-added { border-left-color: var(--ins-ink); }
.blk.k-removed { border-left-color: var(--del-ink); }
table.tbl { border-collapse: collapse; margin: 0 0 .4rem; }
table.tbl td { border: 1px solid var(--rule); padding: .15rem .45rem; vertical-align: top; }
table.tbl td.k-modified, table.tbl td.k-added, table.tbl td.k-removed { border-color: var(--accent); }
table.tbl tr.k-added td { background: var(--ins-bg); }
table.tbl tr.k-removed td { background: var(--del-bg); }
.b-table { overflow-x: auto; }
details.more { margin: .2rem 0 .7rem; }
details.more > summary { cursor: pointer; font: .78rem SANS; color: var(--muted); list-style-position: inside; }
details.more[open] > summary { margin-bottom: .5rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2rem; }
.pair > div { min-width: 0; }
.pair > .old { border-right: 1px solid var(--rule); padding-right: .8rem; }
.sbs-head { font: 600 .7rem SANS; letter-spacing: .07em; text-transform: uppercase; color: var(--muted);
  border-bottom: 1px solid var(--rule); margin-bottom: .5rem; }
.absent { font-size: .85rem; font-style: italic; color: var(--muted); }
.meta .nav { display: inline-flex; gap: .6rem; margin-left: auto; }
.meta .nav a { color: var(--muted); }
.tools { font: .8rem SANS; color: var(--muted); }
.tools button { font: inherit; }
nav.toc li.toc-div { margin-top: .4rem; font-weight: 600; color: var(--muted); break-after: avoid; }
nav.toc li.lvl-1 { padding-left: 1rem; } nav.toc li.lvl-2 { padding-left: 2rem; }
nav.toc li.lvl-3, nav.toc li.lvl-4, nav.toc li.lvl-5, nav.toc li.lvl-6 { padding-left: 3rem; }
section.part { margin: 1.5rem 0 1.9rem; padding: .1rem 0 .1rem 1rem; border-left: 3px solid var(--accent); }
@media (max-width: 40rem) {
  body { padding: 1.2rem .9rem 3rem; }
  .pair { grid-template-columns: 1fr; }
  .pair > .old { border-right: 0; padding-right: 0; border-bottom: 1px dashed var(--rule); margin-bottom: .35rem; }
  .pair > div > .side-label { position: static !important; width: auto; height: auto; margin: 0; clip: auto;
    clip-path: none; overflow: visible; white-space: normal; font: 600 .7rem SANS; color: var(--muted); }
  .sbs-head { display: none; }
  .blk.d1, .blk.d2, .blk.d3, .blk.d4, .blk.d5, .blk.d6 { margin-left: .8rem; }
  .meta .nav { margin-left: 0; }
}
@page { margin: 18mm 16mm 20mm; }
@media print {
  :root {
    --ink: #000; --muted: #333; --rule: #999; --paper: #fff; --panel: #fff;
    --ins-bg: transparent; --ins-ink: #000; --del-bg: transparent; --del-ink: #000;
    --accent: #000; --moved: #000;
  }
  body, body.side-by-side { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.45; }
  .skip-wrap, .meta .up { display: none; }
  a { color: inherit; text-decoration: none; }
  .summary, nav.toc { padding: 0; background: none; }
  ins, .sample-ins { text-decoration: underline; text-decoration-thickness: 1px; }
  del, .sample-del { text-decoration: line-through; text-decoration-thickness: 1px; }
  section.clause, .was, .gap, nav.toc li, table.sbs tr, .blk { break-inside: avoid; page-break-inside: avoid; }
  .meta .nav, .tools, details.more > summary { display: none; }
  h2, h3, .meta, .note, .gap { break-after: avoid; page-break-after: avoid; }
  :target { outline: none; }
}
""".replace("SERIF", _SERIF)
    .replace("SANS", _SANS)
    .replace("MONO", _MONO)
)


#: Progressive enhancement only (the page works without it): the keys n / j and p / k go to the next
#: and previous change, and a button opens every folded run of unchanged blocks.
SCRIPT = """
(function () {
  var changes = Array.prototype.slice.call(document.querySelectorAll("[data-change]"));
  var tools = document.querySelector(".tools");
  if (tools) {
    tools.hidden = false;
    var button = tools.querySelector("[data-open-all]");
    button.addEventListener("click", function () {
      var folded = document.querySelectorAll("details.more");
      var open = !Array.prototype.every.call(folded, function (d) { return d.open; });
      Array.prototype.forEach.call(folded, function (d) { d.open = open; });
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !changes.length) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName))) return;
    var key = event.key, step = key === "n" || key === "j" ? 1 : key === "p" || key === "k" ? -1 : 0;
    if (!step) return;
    var top = window.scrollY + 4, next = null;
    for (var i = 0; i < changes.length; i++) {
      var y = changes[i].getBoundingClientRect().top + window.scrollY;
      if (step > 0 && y > top + 4) { next = changes[i]; break; }
      if (step < 0 && y < top - 4) next = changes[i];
    }
    if (next) { event.preventDefault(); location.hash = next.id; }
  });
})();
"""
