"""A version of the agreement as Markdown, for drafters who prefer a plain editor.

`render(root, ...)` writes the agreement's flow (`model.paragraphs`) in the dialect
`model.markdown` reads back:

    ---
    akkoord-agreement: maak020
    akkoord-version: 2019
    akkoord-text-sha256: 34a5…
    akkoord-clause-level: 4
    short-title: Ma.ak020
    ---

    # Maatschappelijk akkoord Amsterdam

    Preamble paragraphs.

    ## Deel I Wat en waar vandaan? {#deel-1}

    #### Artikel 2 Hoe dit akkoord tot stand kwam {#ontstaan}

    [1] In de loop van 2019 ...

    [2] De opbrengst van de Ma.aktafels is geordend in zeven thema's:
      - a. [zeggenschap](#h-zeggenschap);
      - b. ...

A division heading has one `#` more than its depth, a clause heading the level named in the front
matter (one below the deepest division); the `{#id}` at its end carries the clause's or division's
id through any plain editor. A lid starts with its number in brackets, a list item with `- ` and its
number (`* ` for an item without one); what belongs to a lid or item is indented by two spaces per
level. Tables are pipe tables. Emphasis is `**strong**`, `*em*`, `<u>`, `<sup>`, `<sub>`; a
reference is `[text](target)`. Characters Markdown would read as markup are escaped with `\\`.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import AkkoordError
from ..model import markdown as md
from ..model import names
from ..model import wordml_names as wn
from ..model.paragraphs import Paragraph, Run, Table, fill_inline, from_agreement
from . import labels as L
from .worddoc import division_word

_ESCAPE = re.compile(r"([\\*_\[\]<>`{}|])")
_MARK_SYNTAX = {
    names.STRONG: ("**", "**"),
    names.EM: ("*", "*"),
    names.U: ("<u>", "</u>"),
    names.SUP: ("<sup>", "</sup>"),
    names.SUB: ("<sub>", "</sub>"),
}


def escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def inline(runs: tuple[Run, ...]) -> str:
    """Runs as Markdown, in the nesting `paragraphs.fill_inline` builds (link outermost)."""
    holder = fill_inline(etree.Element("x"), runs)
    return _element(holder)


def _element(element: etree._Element) -> str:
    out = [escape(element.text or "")]
    for child in element:
        inner = _element(child)
        if child.tag == names.FIGURE:
            out.append(f"![]({_target(child.get(names.SRC, ''))})")
        elif child.tag == names.REF:
            out.append(f"[{inner}]({_target(child.get(names.HREF, ''))})")
        else:
            start, end = _MARK_SYNTAX[str(child.tag)]
            out.append(f"{start}{inner}{end}")
        out.append(escape(child.tail or ""))
    return "".join(out)


def _target(href: str) -> str:
    return f"<{href}>" if re.search(r"[\s()<>]", href) else href


def _table(entry: Table, indent: str) -> list[str]:
    lines = []
    for index, row in enumerate(entry.rows):
        cells = [inline(cell) or " " for cell in row]
        cells = [("\\" + c) if re.fullmatch(r":?-+:?", c) else c for c in cells]
        lines.append(indent + "| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append(indent + "|" + "|".join(" --- " for _ in row) + "|")
    return lines


def render(
    root: etree._Element, *, version: str | None = None, text_sha256: str = "", commit: str | None = None
) -> str:
    """The agreement `root` as Markdown text (see the module docstring)."""
    flow = from_agreement(root)
    lang = root.get(names.LANG, "")
    lab = L.labels(lang)
    depth = max((e.level for e in flow if isinstance(e, Paragraph) and e.role == wn.DIVISION), default=0)
    clause_level = depth + 2
    if clause_level > 6:
        raise AkkoordError.keyed("output.markdown.too_deep", depth=depth)
    front = {md.PROP_AGREEMENT: root.get(names.ID, ""), md.PROP_CLAUSE_LEVEL: str(clause_level)}
    if version:
        front[wn.PROP_VERSION] = version
    if text_sha256:
        front[wn.PROP_TEXT_SHA256] = text_sha256
    if commit:
        front[wn.PROP_COMMIT] = commit
    blocks: list[list[str]] = []
    lid_open = False
    open_depth = 0
    article_word = lab["clause"].split("{num}")[0].strip()
    last_was_item = False
    for entry in flow:
        if isinstance(entry, Table):
            blocks.append(_table(entry, "  " if lid_open else ""))
            last_was_item = False
            continue
        role = entry.role
        last_was_item, was_item = entry.role == wn.ITEM, last_was_item
        if role == wn.TITLE:
            blocks.append(["# " + inline(entry.runs)])
        elif role == wn.SHORT_TITLE:
            front[md.PROP_SHORT_TITLE] = inline(entry.runs)
        elif role in (wn.DIVISION, wn.CLAUSE):
            lid_open = False
            anchor = f"{{#{entry.ident}}}"
            if role == wn.DIVISION:
                level = entry.level + 1
                word = division_word(lang, entry.kind) if entry.num else ""
                open_depth = entry.level
            else:
                level = clause_level
                word = article_word if entry.kind in (None, "article") else ""
                if entry.level and entry.level - 1 < open_depth:  # a clause outside the open divisions
                    anchor = f"{{#{entry.ident} depth={entry.level - 1}}}"
                    open_depth = entry.level - 1
            num = entry.num or ""
            if word and num.lower().startswith(word.lower()[:3]):
                word = ""
            text = " ".join(part for part in (word, escape(num), inline(entry.runs)) if part)
            blocks.append([f"{'#' * level} {text} {anchor}"])
        elif role == wn.SUBHEADING:
            blocks.append([": " + inline(entry.runs)])
        elif role == wn.FIGURE:
            blocks.append([("  " if lid_open else "") + f"![]({_target(entry.text)})"])
        elif role == wn.LID:
            lid_open = True
            num = escape(entry.num or "")
            blocks.append([f"[{num}]" + (" " + inline(entry.runs) if entry.has_text else "")])
        elif role == wn.ITEM:
            indent = "  " * (entry.level - 1 + (1 if lid_open else 0))
            num = entry.num or ""
            if not num:
                marker = "*"
            elif re.search(r"\s", num) or num.startswith("["):
                marker = f"- [{escape(num)}]"
            else:
                marker = f"- {escape(num)}"
            line = indent + marker + (" " + inline(entry.runs) if entry.has_text else "")
            if was_item:
                blocks[-1].append(line)
            else:
                blocks.append([line])
        elif role == wn.LID_CONT:
            blocks.append(["  " + md.protect(inline(entry.runs))])
        elif role == wn.ITEM_CONT:
            indent = "  " * (entry.level + (1 if lid_open else 0))
            blocks.append([indent + md.protect(inline(entry.runs))])
        else:
            lid_open = False
            blocks.append([md.protect(inline(entry.runs))])
    head = ["---", *(f"{key}: {value}" for key, value in front.items()), "---"]
    return "\n".join(head) + "\n\n" + "\n\n".join("\n".join(block) for block in blocks) + "\n"
