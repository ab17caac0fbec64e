"""A redline as one self-contained HTML5 page.

`render(redline)` returns the page as a string: inline `<style>`, no scripts, no external
fonts, images or links, so the file can be mailed, archived or opened offline. The page has a
header naming both versions (labels, refs and text hashes), a summary of counts, a table of
contents of the changed clauses and then the clauses in the reading order of the new text,
removed clauses where they stood. Inserted text is in `<ins>`, deleted text in `<del>`; both
are marked by more than colour (underline, line-through) and carry visually hidden
"[ingevoegd: ...]" / "[verwijderd: ...]" text for screen readers. A moved clause links to a
marker at its old position, and the marker links back. `side_by_side=True` shows old and new
text in two columns. Labels are in the document's language (see `labels`).

`reading_order()` is shared with the DOCX renderer: it decides where old-position markers of
moved clauses, division headings and "n unchanged clauses" gaps go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from ..ops.redline import (
    ADDED,
    DELETE,
    EQUAL,
    INSERT,
    MERGED,
    MOVED,
    REMOVED,
    SPLIT,
    ClauseChange,
    PartChange,
    Redline,
    is_moved,
)
from . import labels as L

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


def reading_order(redline: Redline, include_unchanged: bool = False) -> list[Item]:
    """The items of a redline page in the redline's reading order (`Redline.order`): parts outside
    the clauses that changed (or all), clauses (changed ones, or all), old-position markers of
    moved clauses, division headings when the division changes, and gaps counting the unchanged
    clauses left out."""
    items: list[Item] = []
    division: str | None = None
    gap: list[str] = []  # division labels of the unchanged clauses not shown since the last item

    def label_of(clause: ClauseChange) -> str:
        return clause.division_label if clause.id else clause.old_division_label

    def emit(item: Item, label: str) -> None:
        nonlocal division
        if label and label != division:
            # the unchanged clauses just before, in the new division, are counted under its heading
            tail = 0
            while tail < len(gap) and gap[len(gap) - 1 - tail] == label:
                tail += 1
            if len(gap) > tail:
                items.append(Item("gap", n=len(gap) - tail))
            items.append(Item("division", label=label))
            if tail:
                items.append(Item("gap", n=tail))
            division = label
        elif gap:
            items.append(Item("gap", n=len(gap)))
        gap.clear()
        items.append(item)

    for entry in redline.order or ():
        if entry.kind == "part":
            if entry.part is not None and (include_unchanged or entry.part.changed):
                if gap:
                    items.append(Item("gap", n=len(gap)))
                    gap.clear()
                items.append(Item("part", part=entry.part))
            continue
        clause = entry.clause
        if clause is None:
            continue
        if entry.kind == "was":
            emit(Item("was", clause), clause.old_division_label)
        elif not (include_unchanged or clause.changed):
            gap.append(label_of(clause))
        else:
            emit(Item("clause", clause), label_of(clause))
    if gap:
        items.append(Item("gap", n=len(gap)))
    return items


# ---------------------------------------------------------------------------------------
# Rendering


def _invisible():
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
        self.anchors: dict[int, str] = {}
        used: set[str] = {"top", "summary", "contents", "changes"}
        for item in self.items:
            if item.kind != "clause":
                continue
            anchor = base = item.clause.anchor
            n = 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            self.anchors[id(item.clause)] = anchor
        self.was_anchors: dict[int, str] = {}
        for item in self.items:
            if item.kind == "was":
                anchor = base = f"was-{item.clause.old_id}"
                n = 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
                self.was_anchors[id(item.clause)] = anchor
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

    def segments(self, words, show: str = "both") -> str:
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
        """ "Artikel 5", with a renumbering shown as "Artikel [-4-] [+5+]"."""
        old = c.old_num if c.old_id else None
        new = c.num if c.id else None
        if not c.id:
            return self.dele(L.clause_name(self.lab, old)) if old else ""
        if not c.old_id:
            return self.ins(L.clause_name(self.lab, new)) if new else ""
        if old == new:
            return _e(L.clause_name(self.lab, new)) if new else ""
        template = self.lab["clause"]
        if old and new and not new.lower().startswith("art") and not old.lower().startswith("art"):
            before, after = template.split("{num}", 1)
            return f"{_e(before)}{self.dele(old)} {self.ins(new)}{_e(after)}"
        parts = [
            self.dele(L.clause_name(self.lab, old)) if old else "",
            self.ins(L.clause_name(self.lab, new)) if new else "",
        ]
        return " ".join(p for p in parts if p)

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
        num = c.old_num if old else c.num
        heading = c.old_heading if old else c.heading
        name = L.clause_name(self.lab, num, None, start=start)
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

        def side(name: str, s) -> str:
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
            for kind in (k for k in stats if k not in ("words_inserted", "words_deleted"))
            if stats[kind]
        ]
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
        entries = []
        for item in self.items:
            if item.kind != "clause" or not item.clause.changed:
                continue
            c = item.clause
            old = not c.id
            num = c.old_num if old else c.num
            heading = c.old_heading if old else c.heading
            name = L.clause_name(self.lab, num) if num else ""
            text = " ".join(
                x
                for x in (
                    f'<span class="toc-num">{_e(name)}</span>' if name else "",
                    f'<span class="toc-title">{_e(heading)}</span>' if heading else "",
                )
                if x
            ) or _e(c.id or c.old_id)
            entries.append(
                f'<li class="t-{_e(c.change)}"><a href="#{_e(self.anchors[id(c)])}">{text}</a> '
                f'<span class="toc-kinds">{self.badges(c)}</span></li>'
            )
        if not entries:
            return ""
        return (
            f'<nav class="toc" id="contents" aria-labelledby="contents-h"{self.ui_attr}>\n'
            f'<h2 id="contents-h">{_e(self.lab["contents"])}</h2>\n<ol>\n' + "\n".join(entries) + "\n</ol>\n</nav>"
        )

    def clause(self, c: ClauseChange) -> str:
        lab = self.lab
        anchor = self.anchors[id(c)]
        classes = " ".join(["clause"] + [f"k-{kind}" for kind in kinds(c)])
        meta = [self.badges(c)]
        words = L.words_phrase(lab, c.words_inserted, c.words_deleted)
        if words:
            meta.append(f'<span class="words">{_e(words)}</span>')
        if c.changed:
            meta.append(f'<a class="up" href="#contents">{_e(lab["back_to_contents"])}</a>')
        notes = []
        if is_moved(c):
            was = self.was_anchors.get(id(c))
            text = _e(lab["moved_from"].format(place=L.old_place(self.lab, c)))
            notes.append(f'<a href="#{_e(was)}">{text}</a>' if was else text)
        if SPLIT in kinds(c) and c.related:
            notes.append(_e(lab["split_into"]).format(clauses=self.link_list(c, old=False)))
        if MERGED in kinds(c) and c.related:
            notes.append(_e(lab["merged_from"]).format(clauses=self.link_list(c, old=True)))
        if c.bounded:
            notes.append(_e(lab["bounded_note"]))
        notes_html = "".join(f'<p class="note"{self.ui_attr}>{n}</p>' for n in notes)
        head = self.title_html(c) or _e(c.id or c.old_id)
        words_list = self.body_words(c)
        if self.side_by_side:
            old_cell = (
                f"<p>{self.segments(words_list, 'old')}</p>"
                if c.old_id
                else f'<p class="absent"{self.ui_attr}>{_e(lab["not_present"])}</p>'
            )
            new_cell = (
                f"<p>{self.segments(words_list, 'new')}</p>"
                if c.id
                else f'<p class="absent"{self.ui_attr}>{_e(lab["not_present"])}</p>'
            )
            body = (
                '<table class="sbs">'
                '<colgroup><col class="col-old"><col class="col-new"></colgroup>'
                f'<thead{self.ui_attr}><tr><th scope="col">{_e(lab["old_text"])}</th>'
                f'<th scope="col">{_e(lab["new_text"])}</th></tr></thead>'
                f'<tbody><tr><td class="old">{old_cell}</td><td class="new">{new_cell}</td></tr></tbody></table>'
            )
        else:
            body = f'<div class="text"><p>{self.segments(words_list)}</p></div>' if words_list else ""
        return (
            f'<section class="{_e(classes)}" id="{_e(anchor)}" aria-labelledby="h-{_e(anchor)}">\n'
            f'<h3 id="h-{_e(anchor)}">{head}</h3>\n'
            f'<p class="meta"{self.ui_attr}>{" ".join(meta)}</p>\n{notes_html}{body}\n</section>'
        )

    def part(self, p: PartChange) -> str:
        """A part outside the clauses (title, metadata, preamble, division): its name, kinds and word diff."""
        lab = self.lab
        name = L.part_name(lab, p)
        aspects = L.part_aspects(lab, p)
        if aspects:
            name = f"{name} ({aspects})"
        anchor = p.anchor
        badges = " ".join(
            f'<span class="badge b-{_e(kind)}">{_e(L.kind_label(lab, kind))}</span>'
            for kind in (p.kinds or (p.change,))
        )
        texts = [self.segments(p.words)] if p.words else []
        if p.kind == "division":
            texts += [self.segments(b.words) for b in p.blocks if b.kind != "heading" and b.words]
        body = "".join(f"<p>{t}</p>" for t in texts if t)
        return (
            f'<section class="clause part k-{_e(p.change)}" id="{_e(anchor)}" aria-labelledby="h-{_e(anchor)}">\n'
            f'<h3 id="h-{_e(anchor)}">{_e(name)}</h3>\n'
            f'<p class="meta"{self.ui_attr}>{badges}</p>\n<div class="text">{body}</div>\n</section>'
        )

    def was(self, c: ClauseChange) -> str:
        lab = self.lab
        anchor = self.was_anchors[id(c)]
        target = self.anchors.get(id(c))
        stood = lab["old_position"].format(clause=self.plain_name(c, old=True, start=False))
        stood = stood[:1].upper() + stood[1:]
        moved = _e(lab["moved_to"].format(place=L.new_place(self.lab, c)))
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
            if item.kind == "clause":
                out.append(self.clause(item.clause))
            elif item.kind == "was":
                out.append(self.was(item.clause))
            elif item.kind == "division":
                out.append(f'<h2 class="division">{_e(item.label)}</h2>')
            elif item.kind == "gap":
                out.append(self.gap(item.n))
            elif item.kind == "part" and item.part is not None:
                out.append(self.part(item.part))
        return '<main id="changes">\n' + "\n".join(out) + "\n</main>"

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
            f"{main}\n{footer}\n</body>\n</html>\n"
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
  section.clause, .was, .gap, nav.toc li, table.sbs tr { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, .meta, .note, .gap { break-after: avoid; page-break-after: avoid; }
  :target { outline: none; }
}
""".replace("SERIF", _SERIF)
    .replace("SANS", _SANS)
    .replace("MONO", _MONO)
)
