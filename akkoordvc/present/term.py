"""A redline for the terminal.

`render(redline, color=..., include_unchanged=..., width=...)` returns the text that `akkoord
redline` prints (format ``term``), in the reading order of the redline (`Redline.order`):

* two lines naming the versions (``--- old`` / ``+++ new``);
* every changed part outside the clauses, where it stands: "Titel", "Korte titel", "Aanhef",
  "Hoofdstuk 3 (kop)" (what changed in parentheses), with its word diff;
* every changed clause: a header line with its name ("Artikel 5", or for a clause that is not an
  article its own name, "Tabel I") and heading and the kinds of change, detail lines ("verplaatst
  van Hoofdstuk 1 naar Hoofdstuk 2", "hernummerd 3 → 4", words inserted and deleted), the heading
  diff, and then the clause block by block: each changed lid, list item, table row, paragraph,
  figure or origin property whole (never shortened), with its number; the unchanged block
  before and after a change as context, shortened to one line; the other unchanged blocks
  counted ("… 4 ongewijzigde onderdelen");
* the old place of a moved clause or division ("Hier stond artikel 5; verplaatst naar …");
* a one-line summary: "3 gewijzigd, 1 toegevoegd, 1 verplaatst, 0 verwijderd; +42 −17 woorden"
  (with "2 andere onderdelen gewijzigd" when parts outside the clauses changed).

"Geen wijzigingen" is printed only for an empty redline, which `ops.align` returns only when the
two texts have the same canonical bytes. With `include_unchanged` (``--all``) every part, clause
and block is shown whole. Lines are wrapped to `width` (the terminal's width when writing to one,
as the command passes it, else 100 columns), with a hanging indent under numbers.

Word diffs: with ``color=True`` (a terminal) deletions are red and struck through and
insertions green and underlined (ANSI SGR codes); without colour they are written ``[-old-]``
and ``{+new+}`` (as `git diff --word-diff=plain` does). Invisible characters (NBSP, zero-width
space, bidi controls) inside changed text are shown by name, e.g. ``⟨NBSP⟩``.

Words come from `present.labels` in the document's language (Dutch for "nl", else English).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..ops.redline import (
    ADDED,
    CLAUSE,
    FORMATTING,
    MERGED,
    MODIFIED,
    MOVED,
    PART,
    REMOVED,
    RENUMBERED,
    SPLIT,
    UNCHANGED,
    WAS,
    BlockChange,
    ClauseChange,
    Entry,
    PartChange,
    Redline,
)
from . import labels as L
from .blockview import notes as _notes
from .blockview import unit_changed as _unit_changed
from .blockview import units as _units

Runs = list[tuple[str | None, str]]  # (style, text) pieces of a line

__all__ = ["DEFAULT_WIDTH", "render", "summary"]

#: Columns when the output is not a terminal.
DEFAULT_WIDTH = 100
_MIN_WIDTH = 40
_INDENT = "    "

# ANSI SGR sequences
_RESET = "\x1b[0m"
_STYLES = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "del": "\x1b[31;9m",  # red, struck through
    "ins": "\x1b[32;4m",  # green, underlined
    "head": "\x1b[1;36m",  # bold cyan
}

_WORDS = {"nl": "woorden", "en": "words"}
_SUMMARY_ALWAYS = (MODIFIED, ADDED, MOVED, REMOVED)
_SUMMARY_IF_ANY = (RENUMBERED, SPLIT, MERGED, FORMATTING, "origin", "rekeyed")
_SPACES = re.compile(r"( +)")
_OWN_LINE = frozenset({"heading"})  # shown in the header, not as a block (see blockview)


def _words(runs: Runs) -> list[tuple[tuple[str | None, str] | None, Runs, int]]:
    """The words of styled runs: (the space before it, its pieces, its length); a word's pieces in different
    styles (``gemeente{+n+}``) are one word."""
    words: list[tuple[tuple[str | None, str] | None, Runs, int]] = []
    space: tuple[str | None, str] | None = None
    glued = False  # the last piece was part of a word (no space after it yet)
    for style, text in runs:
        for piece in _SPACES.split(text):
            if not piece:
                continue
            if piece[0] == " ":
                space, glued = (style, piece), False
            elif glued:
                before, pieces, size = words[-1]
                pieces.append((style, piece))
                words[-1] = (before, pieces, size + len(piece))
            else:
                words.append((space, [(style, piece)], len(piece)))
                space, glued = None, True
    return words


def _visible(text: str) -> str:
    from ..ops.tokens import visible

    return visible(text)


class _Renderer:
    def __init__(
        self, redline: Redline, color: bool, include_unchanged: bool, context: int | None, width: int | None
    ) -> None:
        self.redline = redline
        self.color = color
        self.full = include_unchanged
        self.context = context
        self.width = max(_MIN_WIDTH, width or DEFAULT_WIDTH)
        self.lab = L.labels(redline.new.lang or redline.old.lang)

    # -- styled text ----------------------------------------------------------------------------
    def style(self, key: str | None, text: str) -> str:
        return f"{_STYLES[key]}{text}{_RESET}" if key and self.color and text else text

    def runs(self, words: Iterable[tuple[str, str]]) -> Runs:
        """(style, text) runs of a word diff; without colour the markers are part of the text."""
        out: Runs = []
        for op, text in words:
            if op == "=":
                out.append((None, text))
            elif op == "-":
                shown = _visible(text)
                out.append(("del", shown) if self.color else (None, f"[-{shown}-]"))
            else:
                shown = _visible(text)
                out.append(("ins", shown) if self.color else (None, f"{{+{shown}+}}"))
        return out

    def wrap(self, runs: Runs, indent: str, prefix: Runs | tuple[()] = ()) -> list[str]:
        """Lines of at most `width` columns, broken only at spaces (a longer word stands alone; the
        pieces of one word in different styles, e.g. ``gemeente{+n+}``, stay together): the `prefix`
        runs (a number) and a space on the first line after `indent`, the following lines indented
        under the text."""
        prefix_len = sum(len(t) for _, t in prefix) + 1 if prefix else 0
        hang = indent + " " * prefix_len
        lines: list[str] = []
        line: Runs = [(None, indent), *prefix, (None, " ")] if prefix else [(None, indent)]
        used = len(indent) + prefix_len
        width = self.width
        at_start = True
        for space, word, size in _words(runs):
            need = size + (len(space[1]) if space and not at_start else 0)
            if not at_start and used + need > width:
                lines.append(self.join(line))
                line, used, need = [(None, hang)], len(hang), size
            elif space and not at_start:
                line.append(space)
            line.extend(word)
            used += need
            at_start = False
        if runs and runs[-1][0] and runs[-1][1].endswith(" ") and not at_start:  # a changed space at the end
            line.append((runs[-1][0], _SPACES.split(runs[-1][1])[-2]))
        lines.append(self.join(line))
        return lines

    def join(self, pieces: Runs) -> str:
        """One line from (style, text) pieces: neighbours of one style share one escape sequence."""
        out: list[str] = []
        style: str | None = None
        buffer: list[str] = []
        for key, text in pieces:
            if key != style and buffer:
                out.append(self.style(style, "".join(buffer)) if style else "".join(buffer))
                buffer = []
            style = key
            buffer.append(text)
        if buffer:
            out.append(self.style(style, "".join(buffer)) if style else "".join(buffer))
        return "".join(out)

    def plain(self, text: str, indent: str = _INDENT, key: str | None = None) -> list[str]:
        return self.wrap([(key, text)], indent)

    # -- clauses ----------------------------------------------------------------------------------
    def kinds(self, item: ClauseChange | PartChange) -> str:
        return ", ".join(L.kind_label(self.lab, k) for k in (item.kinds or (item.change,)))

    def clause_header(self, c: ClauseChange) -> list[str]:
        name = L.change_label(self.lab, c) or (c.id or c.old_id or "")
        heading = c.heading if c.id else c.old_heading
        if heading:
            name = f"{name}  {heading}"
        key = "head" if c.changed else "bold"
        return self.wrap([(key, name), (None, f"  [{self.kinds(c)}]")], "")

    def clause_details(self, c: ClauseChange) -> list[str]:
        lab = self.lab
        kinds = c.kinds or (c.change,)
        lines = []
        if MOVED in kinds:
            old_place = c.old_division_label or lab["top_level"]
            new_place = c.division_label or lab["top_level"]
            if c.old_division != c.division:
                lines.append(lab["moved_from_to"].format(old=old_place, new=new_place))
            else:
                lines.append(lab["moved_from"].format(place=lab["old_place"]))
        if RENUMBERED in kinds:
            lines.append(f"{L.kind_label(lab, RENUMBERED)} {c.old_num or '—'} → {c.num or '—'}")
        if c.change == SPLIT:
            parts = c.related_nums or c.related
            names = ", ".join(L.clause_label(lab, c.clause_kind, n, start=False) for n in parts if n) or "?"
            lines.append(f"{L.change_label(lab, c, old=True)}: {lab['split_into'].format(clauses=names)}")
        if c.change == MERGED:
            parts = c.related_nums or c.related
            names = ", ".join(L.clause_label(lab, c.old_clause_kind, n, start=False) for n in parts if n) or "?"
            lines.append(lab["merged_from"].format(clauses=names))
        lines.extend(L.clause_notes(lab, c))
        if c.id and c.old_id and c.id != c.old_id and c.change not in (SPLIT, MERGED):
            lines.append(f"id {c.old_id} → {c.id}")
        if c.changed and (c.words_inserted or c.words_deleted):
            lines.append(L.words_phrase(lab, c.words_inserted, c.words_deleted))
        return lines

    def clause(self, c: ClauseChange) -> list[str]:
        out = self.clause_header(c)
        for line in self.clause_details(c):
            out.extend(self.plain(line, key="dim"))
        if c.heading_words and any(op != "=" for op, _ in c.heading_words):
            out.extend(self.wrap(self.runs(c.heading_words), _INDENT))
        out.extend(self.heading_notes(c.tree))
        whole = self.full or not c.changed or c.change in (ADDED, REMOVED) or c.kinds == (MOVED,)
        out.extend(self.blocks(c.tree, whole))
        if c.bounded:
            out.extend(self.plain(self.lab["bounded_note"], key="dim"))
        return out

    def heading_notes(self, tree: list[BlockChange]) -> list[str]:
        """What changed in a heading besides its words (it is shown in the header, not as a block)."""
        found = [n for b in tree if b.kind in _OWN_LINE and b.changed for n in _notes(b, self.lab)]
        return [line for n in found for line in self.plain(f"({self.lab['aspect_heading']}: {n})", key="dim")]

    # -- blocks -----------------------------------------------------------------------------------
    def blocks(self, tree: list[BlockChange], whole: bool) -> list[str]:
        """The lines of a block tree: all of it (`whole`), or the changed blocks with one block of context."""
        units = list(_units(tree, 0))
        if not whole:
            units = [(b, d) for b, d in units if not (b.kind == "property" and not b.changed)]
        if whole:
            return [line for block, depth in units for line in self.block(block, depth)]
        changed = [_unit_changed(b) for b, _ in units]
        out: list[str] = []
        skipped = 0
        for k, (block, depth) in enumerate(units):
            if changed[k]:
                if skipped:
                    out.extend(self.skipped(skipped))
                    skipped = 0
                out.extend(self.block(block, depth))
            elif (k > 0 and changed[k - 1]) or (k + 1 < len(units) and changed[k + 1]):
                if skipped:
                    out.extend(self.skipped(skipped))
                    skipped = 0
                out.extend(self.block(block, depth, short=True))
            else:
                skipped += 1
        if skipped:
            out.extend(self.skipped(skipped))
        return out

    def skipped(self, n: int) -> list[str]:
        return self.plain("… " + L.count_phrase(self.lab, n, "unchanged_blocks_1", "unchanged_blocks_n"), key="dim")

    def block(self, b: BlockChange, depth: int, short: bool = False) -> list[str]:
        lab = self.lab
        indent = _INDENT + "  " * depth
        prefix_runs: list[tuple[str | None, str]] = []
        if b.kind in ("para", "item") and (b.num or b.old_num):
            if b.num == b.old_num or b.change in (ADDED, REMOVED, UNCHANGED):
                num = b.num if b.new is not None else b.old_num
                op = {"added": "+", "removed": "-"}.get(b.change, "=")
                prefix_runs = self.runs([(op, num or "")])
            else:
                prefix_runs = self.runs([(op, t) for op, t in (("-", b.old_num or ""), ("+", b.num or "")) if t])
        if b.kind == "row":
            words: list[tuple[str, str]] = []
            for k, cell in enumerate(b.children):
                if k:
                    words.append(("=", " | "))
                words.extend(cell.words if cell.words else [])
            runs = [(None, "| ")] + self.runs(words) + [(None, " |")]
            if b.change in (ADDED, REMOVED):
                runs = [
                    (
                        "ins" if b.change == ADDED else "del",
                        "| " + " | ".join(c.new_text or c.old_text for c in b.children) + " |",
                    )
                ]
                if not self.color:
                    runs = self.runs([("+" if b.change == ADDED else "-", runs[0][1])])
        else:
            runs = self.runs(b.words)
            label = {
                "subheading": lab["block_subheading"],
                "figure": lab["block_figure"],
                "property": f"{lab['block_origin']} {b.name}",
            }.get(b.kind)
            if label:
                runs = [(None, f"{label}: ")] + runs
            if not b.old_text and not b.new_text and b.kind not in ("list", "table", "origin"):
                mark = {"added": "+", "removed": "-"}.get(b.change)
                runs = self.runs([(mark, lab["block_empty"])]) if mark else [(None, lab["block_empty"])]
        notes = _notes(b, lab)
        if b.kind in ("list", "table", "origin"):
            if not notes:
                return []
            name = lab.get(f"block_{b.kind}", b.kind)
            return self.plain(f"({name}: {'; '.join(notes)})", indent, key="dim")
        if short:
            runs = self.shorten(runs, len(indent) + sum(len(t) + 1 for _, t in prefix_runs))
        lines = self.wrap(runs, indent, prefix_runs)
        for note in notes:
            lines.extend(self.plain(f"({note})", indent + "  ", key="dim"))
        return lines

    def shorten(self, runs: Runs, used: int) -> Runs:
        """One line of context: the start of an unchanged block, cut at a space, with "…"."""
        text = "".join(t for _, t in runs)
        room = max(20, min(self.width - used - 2, self.context or self.width))
        if len(text) <= room:
            return runs
        cut = text.rfind(" ", 0, room)
        return [(None, text[: cut if cut > 0 else room] + " …")]

    # -- parts ------------------------------------------------------------------------------------
    def part(self, p: PartChange) -> list[str]:
        lab = self.lab
        name = L.part_name(lab, p)
        aspects = L.part_aspects(lab, p) if p.changed else ""
        if aspects:
            name = f"{name} ({aspects})"
        if p.kind == "division" and not p.changed:
            heading = p.new_text
            return self.wrap([("bold", f"{name}  {heading}" if heading else name)], "")
        key = "head" if p.changed else "bold"
        header = self.wrap([(key, name), (None, f"  [{self.kinds(p)}]" if p.changed else "")], "")
        out = header
        if MOVED in p.kinds:
            out.extend(self.plain(lab["moved_from"].format(place=lab["old_place"]), key="dim"))
        if p.changed and (p.words_inserted or p.words_deleted) and p.kind in ("preamble", "division"):
            out.extend(self.plain(L.words_phrase(lab, p.words_inserted, p.words_deleted), key="dim"))
        if p.kind == "division":
            if p.num != p.old_num and p.change not in (ADDED, REMOVED):
                renumbered = f"{L.kind_label(lab, RENUMBERED)} {p.old_num or '—'} → {p.num or '—'}"
                out.extend(self.plain(renumbered, key="dim"))
            if p.division_kind != p.old_division_kind:
                old = L.division_name(lab, p.old_division_kind, None)
                new = L.division_name(lab, p.division_kind, None)
                out.extend(self.plain(f"{lab['aspect_kind']}: {old} → {new}", key="dim"))
            if p.words:
                out.extend(self.wrap(self.runs(p.words), _INDENT))
            out.extend(self.heading_notes(p.blocks))
            for note in L.attribute_notes(lab, p.old, p.new, {"id", "num", "kind"}):
                out.extend(self.plain(f"({note})", key="dim"))
            rest = [b for b in p.blocks if b.kind not in _OWN_LINE]
            out.extend(self.blocks(rest, self.full or p.change in (ADDED, REMOVED)))
        elif p.kind == "preamble":
            out.extend(self.blocks(p.blocks, self.full or not p.changed or p.change in (ADDED, REMOVED)))
        else:
            empty = {ADDED: "+", REMOVED: "-"}.get(p.change) if not p.words else None
            out.extend(self.wrap(self.runs(p.words or [(empty or "=", lab["empty_value"])]), _INDENT))
            for block in p.blocks:
                if FORMATTING in block.kinds and MODIFIED not in block.kinds:
                    out.extend(self.plain(f"({lab['formatting_only']})", _INDENT + "  ", key="dim"))
        return out

    def was(self, entry: Entry) -> list[str]:
        lab = self.lab
        if entry.clause is not None:
            c = entry.clause
            name = L.change_label(lab, c, old=True, start=False)
            if c.old_heading:
                name = f"{name} ({c.old_heading})"
            stood = lab["old_position"].format(clause=name)
            moved = lab["moved_to"].format(place=L.new_place(lab, c))
        else:
            p = entry.part
            assert p is not None
            stood = lab["was_division"].format(division=L.division_name(lab, p.old_division_kind, p.old_num))
            moved = L.kind_label(lab, MOVED)
        stood = stood[:1].upper() + stood[1:]
        return self.wrap([("dim", f"{stood}; {moved}")], "")

    def entry(self, entry: Entry) -> list[str]:
        if entry.kind == WAS:
            return self.was(entry)
        if entry.kind == PART and entry.part is not None:
            return self.part(entry.part)
        if entry.kind == CLAUSE and entry.clause is not None:
            return self.clause(entry.clause)
        return []

    def render(self, header: bool = True) -> str:
        lab = self.lab
        red = self.redline
        lines = [f"--- {L.side_name(red.old)}", f"+++ {L.side_name(red.new)}"] if header else []
        for entry in red.order or ():
            if not (self.full or entry.changed):
                continue
            shown = self.entry(entry)
            if shown:
                lines.append("")
                lines.extend(shown)
        lines.append("")
        if red.empty:
            lines.append(lab["no_changes"])
        lines.extend(self.wrap([(None, summary(red, lab))], ""))
        if any(c.bounded for c in red.clauses):
            lines.append(lab["bounded_note"])
        return "\n".join(lines) + "\n"


def summary(redline: Redline, lab: dict[str, str] | None = None) -> str:
    """ "3 gewijzigd, 1 toegevoegd, 1 verplaatst, 0 verwijderd; +42 −17 woorden" (renumbered,
    split, merged and the like are listed when they occur, and parts outside the clauses when any changed)."""
    lab = lab or L.labels(redline.new.lang or redline.old.lang)
    stats = redline.stats()
    parts = [f"{stats[k]} {L.kind_label(lab, k)}" for k in _SUMMARY_ALWAYS]
    parts += [f"{stats[k]} {L.kind_label(lab, k)}" for k in _SUMMARY_IF_ANY if stats[k]]
    words = _WORDS.get(lab.get("lang", "en"), "words")
    other = ""
    if stats["parts_changed"]:
        other = "; " + L.count_phrase(lab, stats["parts_changed"], "other_parts_1", "other_parts_n")
    return f"{', '.join(parts)}{other}; +{stats['words_inserted']} \u2212{stats['words_deleted']} {words}"


def render(
    redline: Redline,
    *,
    color: bool = False,
    include_unchanged: bool = False,
    context: int | None = 160,
    width: int | None = None,
    header: bool = True,
) -> str:
    """The redline as terminal text; `color` for ANSI colours, else ``[-…-]{+…+}`` markup.

    `include_unchanged`: every part, clause and block, whole. `context`: the most characters of an
    unchanged block shown next to a change (its first line). `width`: columns to wrap to (None:
    `DEFAULT_WIDTH`; the command passes the terminal's width when it writes to one). Without `header`,
    the two lines naming the sides are left out (a redline shown inside another listing).
    """
    return _Renderer(redline, color, include_unchanged, context, width).render(header)
