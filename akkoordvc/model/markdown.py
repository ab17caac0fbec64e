"""Reading the Markdown export back into an agreement (the dialect is described in `present/markdown.py`).

`read(data, source)` parses the text into a flow (`model.paragraphs`) and the front matter;
`agreement(text, base)` maps it onto the base text: a heading keeps the id in its `{#id}`, and its
number is the base's number where the heading still starts with it (so "Tabel I" or "1.2a" stay
whole), else the word after a label word ("Artikel 5a ...") or a leading number. What a plain editor
does to a file (lines wrapped or joined, trailing spaces, CRLF line ends) does not change the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NoReturn

from lxml import etree

from ..errors import AkkoordError
from ..messages import Message
from . import wordml_names as wn
from .ids import AGREEMENT_ID_PATTERN
from .paragraphs import Flow, Paragraph, Run, Table, merge_runs, to_agreement
from .xmlparse import MAX_BYTES, check_text

PROP_AGREEMENT = wn.PROP_AGREEMENT
PROP_CLAUSE_LEVEL = "akkoord-clause-level"
PROP_SHORT_TITLE = "short-title"

_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ANCHOR = re.compile(rf"[ \t]*\{{#({AGREEMENT_ID_PATTERN})(?:[ \t]+depth=(\d))?\}}[ \t]*$")
_FIGURE_BLOCK = re.compile(r"^!\[[^\]]*\]\((<[^>]*>|[^)\s]*)\)$")
_LID = re.compile(r"^\[((?:\\.|[^\]\\])*)\](?:[ \t]+(.*))?$")
_ITEM = re.compile(r"^([-*+])(?:[ \t]+(.*))?$")
_DELIMITER = re.compile(r"^:?-+:?$")
_NUMBERISH = re.compile(r"^(?:\d+[a-z]{0,3}(?:\.\d+[a-z]{0,3})*\.?|[a-z]{1,2}[.)]|[IVXLCDM]+\.?|\d+°\.?)$")
_TAGS = {"<u>": "u", "</u>": "u", "<sup>": "sup", "</sup>": "sup", "<sub>": "sub", "</sub>": "sub"}


@dataclass
class MarkdownText:
    flow: Flow
    properties: dict[str, str] = field(default_factory=dict)
    source: str = "<markdown>"


def protect(text: str) -> str:
    """Markdown text made safe to stand at the start of a line (not read as a heading, item or lid)."""
    if re.match(r"^(#|[-+*:]( |$)|[-+*:]$|!\[)", text):
        return "\\" + text
    return text


_FRONT_MATTER = Message("input.where.front_matter")


def _fail(source: str, line: int, said: Message) -> NoReturn:
    raise AkkoordError.keyed("input.at", where=f"{source}:{line}", what=said)


# -- inline ----------------------------------------------------------------------------------------


def parse_inline(text: str) -> tuple[Run, ...]:
    """Runs of a line of the dialect's inline Markdown (escapes, **, *, <u>, <sup>, <sub>, [text](target))."""
    runs: list[Run] = []
    marks: set[str] = set()
    link_stack: list[int] = []  # index in runs where an open [ started
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            runs.append(Run("".join(buffer), frozenset(marks), None))
            buffer.clear()

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            buffer.append(text[i + 1])
            i += 2
            continue
        if text.startswith("**", i):
            flush()
            marks.symmetric_difference_update({"strong"})
            i += 2
            continue
        if ch == "*":
            flush()
            marks.symmetric_difference_update({"em"})
            i += 1
            continue
        tag = next((t for t in _TAGS if text.startswith(t, i)), None)
        if tag:
            flush()
            if tag.startswith("</"):
                marks.discard(_TAGS[tag])
            else:
                marks.add(_TAGS[tag])
            i += len(tag)
            continue
        if text.startswith("![](", i):
            target, end = _link_target(text, i + 4)
            if end is not None:
                flush()
                runs.append(Run(target, frozenset(marks | {"figure"}), None))
                i = end
                continue
        if ch == "[":
            flush()
            link_stack.append(len(runs))
            i += 1
            continue
        if ch == "]" and link_stack and text.startswith("(", i + 1):
            target, end = _link_target(text, i + 2)
            if end is not None:
                flush()
                start = link_stack.pop()
                runs[start:] = [Run(r.text, r.marks, target) for r in runs[start:]]
                i = end
                continue
        buffer.append(ch)
        i += 1
    flush()
    return merge_runs(runs)


def _link_target(text: str, start: int) -> tuple[str, int | None]:
    if text.startswith("<", start):
        end = text.find(">)", start)
        return (text[start + 1 : end], end + 2) if end >= 0 else ("", None)
    depth, i = 0, start
    out = []
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return "".join(out), i + 1
            depth -= 1
        out.append(ch)
        i += 1
    return "", None


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


# -- blocks ----------------------------------------------------------------------------------------


@dataclass
class _Block:
    kind: str  # heading, lid, item, para, table
    indent: int
    line: int
    text: str = ""
    level: int = 0
    num: str | None = None
    has_text: bool = True
    rows: list[str] = field(default_factory=list)


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise AkkoordError.keyed("input.too_large", where=source, size=f"{len(data):,}", limit=f"{MAX_BYTES:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AkkoordError.keyed("input.not_utf8", where=source, byte=exc.start) from None
    check_text(text.replace("\r", "\n"), source)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read(data: bytes, source: str = "<markdown>") -> MarkdownText:
    """The flow and front matter of a Markdown text."""
    lines = _decode(data, source).split("\n")
    properties: dict[str, str] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                start = index + 1
                break
            key, sep, value = lines[index].partition(":")
            if sep:
                properties[key.strip()] = value.strip()
        else:
            _fail(source, 1, Message("input.markdown.front_matter_open"))
    blocks = _blocks(lines, start)
    return MarkdownText(_flow(blocks, properties, source), properties, source)


def _blocks(lines: list[str], start: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, raw in enumerate(lines[start:], start + 1):
        line = raw.rstrip().replace("\t", "    ")
        if not line.strip():
            current = None
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.lstrip(" ")
        heading = _HEADING.match(line)
        if heading and indent == 0:
            blocks.append(_Block("heading", 0, number, heading.group(2) or "", level=len(heading.group(1))))
            current = None
            continue
        if body.startswith("|"):
            if current is None or current.kind != "table":
                current = _Block("table", indent, number)
                blocks.append(current)
            current.rows.append(body)
            continue
        item = _ITEM.match(body)
        if item and not body.startswith("**"):
            marker, rest = item.group(1), item.group(2) or ""
            num, has_text = None, True
            if marker != "*":
                bracket = re.match(r"^\[((?:\\.|[^\]\\])*)\](?:[ \t]+|$)", rest)
                if bracket:
                    num, rest = _unescape(bracket.group(1)), rest[bracket.end() :]
                    has_text = bool(rest) or not bracket.group(0).endswith("]")
                else:
                    first, _, tail = rest.partition(" ")
                    num, rest, has_text = _unescape(first) or None, tail.lstrip(" "), bool(tail.strip())
            current = _Block("item", indent, number, rest, num=num, has_text=has_text or bool(rest))
            blocks.append(current)
            continue
        lid = _LID.match(body) if indent == 0 else None
        if lid:
            current = _Block("lid", 0, number, lid.group(2) or "", num=_unescape(lid.group(1)) or None)
            current.has_text = lid.group(2) is not None
            blocks.append(current)
            continue
        if current is not None and current.kind in ("para", "item", "lid"):
            current.text = f"{current.text} {body}" if current.text else body
            current.has_text = True
            continue
        current = _Block("para", indent, number, body)
        blocks.append(current)
    return blocks


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells, buffer, i = [], [], 0
    while i < len(row):
        if row[i] == "\\" and i + 1 < len(row):
            buffer.append(row[i : i + 2])
            i += 2
            continue
        if row[i] == "|":
            cells.append("".join(buffer).strip())
            buffer = []
        else:
            buffer.append(row[i])
        i += 1
    cells.append("".join(buffer).strip())
    return cells


def _flow(blocks: list[_Block], properties: dict[str, str], source: str) -> Flow:
    flow: Flow = []
    try:
        clause_level = int(properties.get(PROP_CLAUSE_LEVEL, "0"))
    except ValueError:
        clause_level = 0
    if not 2 <= clause_level <= 6:
        levels = [b.level for b in blocks if b.kind == "heading" and b.level > 1]
        clause_level = max(levels, default=2)
    title_seen = False
    lid_open = False
    for block in blocks:
        where = Message("input.where.line", line=block.line)
        if block.kind == "heading":
            text, ident = block.text, None
            anchor = _ANCHOR.search(text)
            depth = None
            if anchor:
                text, ident = text[: anchor.start()], anchor.group(1)
                depth = int(anchor.group(2)) if anchor.group(2) else None
            lid_open = False
            if block.level == 1 and not title_seen:
                title_seen = True
                flow.append(Paragraph(wn.TITLE, parse_inline(text), where=where))
                if properties.get(PROP_SHORT_TITLE):
                    flow.append(
                        Paragraph(wn.SHORT_TITLE, parse_inline(properties[PROP_SHORT_TITLE]), where=_FRONT_MATTER)
                    )
            elif block.level == 1:
                _fail(source, block.line, Message("input.markdown.second_title"))
            elif block.level == clause_level:
                level = depth + 1 if depth is not None else 0
                flow.append(Paragraph(wn.CLAUSE, parse_inline(text), level=level, ident=ident, where=where))
            elif block.level < clause_level:
                flow.append(Paragraph(wn.DIVISION, parse_inline(text), level=block.level - 1, ident=ident, where=where))
            else:
                deeper = Message(
                    "input.markdown.heading_too_deep",
                    level=block.level,
                    clause_level=clause_level,
                    marks="#" * clause_level,
                )
                _fail(source, block.line, deeper)
        elif block.kind == "lid":
            lid_open = True
            flow.append(
                Paragraph(wn.LID, parse_inline(block.text), num=block.num, has_text=block.has_text, where=where)
            )
        elif block.kind == "item":
            base = 2 if lid_open else 0
            level = max(1, (block.indent - base) // 2 + 1)
            flow.append(
                Paragraph(
                    wn.ITEM, parse_inline(block.text), level=level, num=block.num, has_text=block.has_text, where=where
                )
            )
        elif block.kind == "table":
            rows = [_cells(row) for row in block.rows]
            rows = [r for r in rows if not all(_DELIMITER.match(c) for c in r if c) or not any(r)]
            flow.append(Table([[parse_inline(c) for c in row] for row in rows], where=where))
        elif block.text.startswith(": ") and block.indent == 0:
            flow.append(Paragraph(wn.SUBHEADING, parse_inline(block.text[2:]), where=where))
        elif _FIGURE_BLOCK.match(block.text):
            target = _FIGURE_BLOCK.match(block.text)
            src = (
                target.group(1)[1:-1]
                if target and target.group(1).startswith("<")
                else target.group(1)
                if target
                else ""
            )
            flow.append(Paragraph(wn.FIGURE, (Run(src),), where=where))
        else:
            base = 2 if lid_open else 0
            if block.indent == 0:
                lid_open = False
                flow.append(Paragraph(wn.TEXT, parse_inline(block.text), where=where))
            elif lid_open and block.indent - base < 2:
                flow.append(Paragraph(wn.LID_CONT, parse_inline(block.text), where=where))
            else:
                level = max(1, (block.indent - base) // 2)
                flow.append(Paragraph(wn.ITEM_CONT, parse_inline(block.text), level=level, where=where))
    return flow


# -- onto the base ---------------------------------------------------------------------------------


def _drop(runs: tuple[Run, ...], count: int) -> tuple[Run, ...]:
    out = []
    for run in runs:
        if count >= len(run.text):
            count -= len(run.text)
            continue
        out.append(Run(run.text[count:], run.marks, run.link))
        count = 0
    return merge_runs(out)


def split_heading(runs: tuple[Run, ...], base_num: str | None, known: bool) -> tuple[str | None, tuple[Run, ...]]:
    """(num, heading runs) of a heading's text; `base_num` is the number of the clause or division it
    has in the base (`known` when it has one there)."""
    text = "".join(run.text for run in runs)
    if known:
        if not base_num:
            return None, runs
        for prefix_end in (0, *[m.end() for m in re.finditer(r"^\S+ ", text)]):
            if text.startswith(base_num, prefix_end):
                end = prefix_end + len(base_num)
                if end == len(text) or text[end] == " ":
                    return base_num, _drop(runs, end + (1 if end < len(text) else 0))
    words = text.split(" ")
    if len(words) >= 2 and words[0].isalpha() and not _NUMBERISH.match(words[0]) and _NUMBERISH.match(words[1]):
        end = len(words[0]) + 1 + len(words[1])
        return words[1], _drop(runs, end + (1 if end < len(text) else 0))
    if words and _NUMBERISH.match(words[0]):
        end = len(words[0])
        return words[0], _drop(runs, end + (1 if end < len(text) else 0))
    return None, runs


def agreement(text: MarkdownText, base: etree._Element) -> etree._Element:
    """The agreement the Markdown text stands for, anchored on `base`."""
    from . import names

    known = {e.get(names.ID): e for e in base.iter(names.CLAUSE, names.DIVISION)}
    for entry in text.flow:
        if isinstance(entry, Paragraph) and entry.role in (wn.CLAUSE, wn.DIVISION):
            original = known.get(entry.ident or "")
            entry.num, entry.runs = split_heading(
                entry.runs, original.get(names.NUM) if original is not None else None, original is not None
            )
    return to_agreement(text.flow, base, text.source)
