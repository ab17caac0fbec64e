"""A redline for the terminal.

`render(redline, color=..., include_unchanged=...)` returns the text that `akkoord redline`
prints (format ``term``):

* two lines naming the versions (``--- old`` / ``+++ new``);
* per changed clause (per clause with ``include_unchanged``): a header line with the clause
  name and heading and the kinds of change, then detail lines ("verplaatst van Hoofdstuk 1
  naar Hoofdstuk 2", "hernummerd 3 → 4", "gesplitst in ..."), the heading diff when the
  heading changed, and the body text as a word diff (long unchanged stretches shortened to
  some context around the changes, marked "…");
* a one-line summary: "3 gewijzigd, 1 toegevoegd, 1 verplaatst, 0 verwijderd; +42 −17 woorden".

Word diffs: with ``color=True`` (a terminal) deletions are red and struck through and
insertions green and underlined (ANSI SGR codes); without colour they are written
``[-old-]`` and ``{+new+}`` (as `git diff --word-diff=plain` does), so the output can be read
in a log or a file. Invisible characters (NBSP, zero-width space, bidi controls) inside
changed text are shown by name, e.g. ``⟨NBSP⟩``, so a change that is only invisible can be
seen. Clauses whose word diff hit the size bound get a note.

Words come from `present.labels` in the document's language (Dutch for "nl", else English),
like the HTML and DOCX renderers.
"""

from __future__ import annotations

from ..ops.redline import ADDED, MERGED, MODIFIED, MOVED, REMOVED, RENUMBERED, SPLIT, ClauseChange, Redline
from . import labels as L

__all__ = ["render", "summary"]

# ANSI SGR sequences
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_DEL = "\x1b[31;9m"  # red, struck through
_INS = "\x1b[32;4m"  # green, underlined
_HEAD = "\x1b[1;36m"  # bold cyan

_WORDS = {"nl": "woorden", "en": "words"}
_SUMMARY_ALWAYS = (MODIFIED, ADDED, MOVED, REMOVED)
_SUMMARY_IF_ANY = (RENUMBERED, SPLIT, MERGED)


def _visible(text: str) -> str:
    from ..ops.tokens import visible

    return visible(text)


def _elide(text: str, keep_start: bool, keep_end: bool, context: int) -> str:
    """Shorten a long unchanged stretch to `context` characters next to the changes (cut at spaces)."""
    if len(text) <= 2 * context + 20:
        return text
    head = tail = ""
    if keep_start:
        cut = text.rfind(" ", 0, context)
        head = text[: cut if cut > 0 else context]
    if keep_end:
        cut = text.find(" ", len(text) - context)
        tail = text[cut + 1 if cut >= 0 else len(text) - context :]
    return f"{head}{' ' if head else ''}…{' ' if tail else ''}{tail}"


def _segments(segments, color: bool, context: int | None = None) -> str:
    out = []
    last = len(segments) - 1
    for k, (op, text) in enumerate(segments):
        if op == "=":
            # keep the text next to the changes; a clause without changes in its text shows its start
            out.append(_elide(text, k > 0 or last == 0, k < last, context) if context else text)
        elif op == "-":
            shown = _visible(text)
            out.append(f"{_DEL}{shown}{_RESET}" if color else f"[-{shown}-]")
        else:
            shown = _visible(text)
            out.append(f"{_INS}{shown}{_RESET}" if color else f"{{+{shown}+}}")
    return "".join(out)


def _names(lab, nums) -> str:
    return ", ".join(L.clause_name(lab, num, start=False) for num in nums if num) or "?"


class _Renderer:
    def __init__(self, redline: Redline, color: bool, include_unchanged: bool, context: int | None) -> None:
        self.redline = redline
        self.color = color
        self.context = context
        self.include_unchanged = include_unchanged
        self.lab = L.labels(redline.new.lang or redline.old.lang)

    def style(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color and text else text

    def header(self, c: ClauseChange) -> str:
        lab = self.lab
        num = c.num if c.id else c.old_num
        heading = c.heading if c.id else c.old_heading
        name = L.clause_name(lab, num, None) or (c.id or c.old_id or "")
        if heading:
            name = f"{name}  {heading}" if num else name
        kinds = ", ".join(L.kind_label(lab, k) for k in (c.kinds or (c.change,)))
        return f"{self.style(_HEAD if c.changed else _BOLD, name)}  [{kinds}]"

    def details(self, c: ClauseChange) -> list[str]:
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
            lines.append(f"{L.kind_label(lab, RENUMBERED)} {c.old_num} → {c.num}")
        if c.change == SPLIT:
            parts = c.related_nums or c.related
            lines.append(f"{L.clause_name(lab, c.old_num)}: {lab['split_into'].format(clauses=_names(lab, parts))}")
        if c.change == MERGED:
            parts = c.related_nums or c.related
            lines.append(lab["merged_from"].format(clauses=_names(lab, parts)))
        if c.id and c.old_id and c.id != c.old_id and c.change not in (SPLIT, MERGED):
            lines.append(f"id {c.old_id} → {c.id}")
        if c.changed and (c.words_inserted or c.words_deleted):
            lines.append(L.words_phrase(lab, c.words_inserted, c.words_deleted))
        return lines

    def clause(self, c: ClauseChange) -> list[str]:
        out = [self.header(c)]
        out += ["    " + self.style(_DIM, line) for line in self.details(c)]
        if c.heading_words and any(op != "=" for op, _ in c.heading_words):
            out.append("    " + _segments(c.heading_words, self.color))
        body = _segments(c.words, self.color, self.context if c.changed else None)
        if body:
            out.append("    " + body)
        if c.bounded:
            out.append("    " + self.style(_DIM, self.lab["bounded_note"]))
        return out

    def render(self) -> str:
        lab = self.lab
        red = self.redline
        lines = [f"--- {L.side_name(red.old)}", f"+++ {L.side_name(red.new)}"]
        shown = [c for c in red.clauses if self.include_unchanged or c.changed]
        for c in shown:
            lines.append("")
            lines.extend(self.clause(c))
        lines.append("")
        if not red.changed:
            lines.append(lab["no_changes"])
        lines.append(summary(red, lab))
        if any(c.bounded for c in red.clauses):
            lines.append(lab["bounded_note"])
        return "\n".join(lines) + "\n"


def summary(redline: Redline, lab: dict[str, str] | None = None) -> str:
    """ "3 gewijzigd, 1 toegevoegd, 1 verplaatst, 0 verwijderd; +42 −17 woorden" (renumbered,
    split and merged are listed when they occur)."""
    lab = lab or L.labels(redline.new.lang or redline.old.lang)
    stats = redline.stats()
    parts = [f"{stats[k]} {L.kind_label(lab, k)}" for k in _SUMMARY_ALWAYS]
    parts += [f"{stats[k]} {L.kind_label(lab, k)}" for k in _SUMMARY_IF_ANY if stats[k]]
    words = _WORDS.get(lab.get("lang", "en"), "words")
    return f"{', '.join(parts)}; +{stats['words_inserted']} \u2212{stats['words_deleted']} {words}"


def render(redline: Redline, *, color: bool = False, include_unchanged: bool = False, context: int | None = 160) -> str:
    """The redline as terminal text; `color` for ANSI colours, else ``[-…-]{+…+}`` markup.

    `context`: unchanged text inside a changed clause is shortened to about this many
    characters on each side of a change, with "…" for the rest (None: the whole text).
    Unchanged clauses (`include_unchanged`) are always shown whole.
    """
    return _Renderer(redline, color, include_unchanged, context).render()
