"""`akkoord import`: turn a text in another format (a BWB law, plain text or Markdown) into an agreement document."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from lxml import etree

from ..errors import AkkoordError
from ..messages import Message, counted
from ..model.ids import is_agreement_id
from ..model.reading import read_input
from ..model.strings import NOT_XML
from .common import write_output

_LANG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


@click.group("import")
def import_group() -> None:
    """Import a text from another format as an agreement document (canonical XML)."""


@import_group.command("bwb")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", metavar="OUT", help="Write the agreement to OUT (default: standard output).")
def bwb(file: str, output: str | None) -> int:
    """Import FILE, a Dutch law in BWB "toestand" XML as published by wetten.overheid.nl.

    Every artikel becomes a clause whose id comes from the article's BWB label-id, so the same article
    has the same id in every version of the law.
    """
    from ..model.bwb import from_bwb
    from ..model.xmlparse import parse_bytes, parse_file

    if file == "-":
        source = "<stdin>"
        root = parse_bytes(sys.stdin.buffer.read(), source)
    else:
        source = file
        root = parse_file(file)
    _finish(from_bwb(root, source), source, output)
    return 0


@import_group.command("text")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", metavar="OUT", help="Write the agreement to OUT (default: standard output).")
@click.option("--id", "doc_id", metavar="ID", help="Document id (default: from the file name).")
@click.option("--title", metavar="T", help="Title (default: the first '# ' heading, else the file name).")
@click.option("--lang", default="nl", show_default=True, metavar="LANG", help="Language of the text.")
def text(file: str, output: str | None, doc_id: str | None, title: str | None, lang: str) -> int:
    """Import FILE, a plain-text or Markdown agreement with numbered headings ("Artikel 3", "3.", "## 2.1 ...")."""
    from ..model.plaintext import from_text
    from ..model.xmlparse import check_text

    check_text(title, "--title", line=True, limit=4000)
    if file == "-":
        source, stem = "<stdin>", "document"
        raw = sys.stdin.buffer.read()
    else:
        source = file
        stem = os.path.splitext(os.path.basename(file))[0] or "document"
        raw = read_input(file)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AkkoordError.keyed("output.import.not_utf8", where=source, byte=exc.start) from None
    _refuse_non_xml_characters(content, source)
    if doc_id is None:
        doc_id = _id_from_name(stem)
    elif not is_agreement_id(doc_id):
        raise AkkoordError.keyed("output.import.bad_id", id=doc_id)
    if not _LANG.fullmatch(lang):
        raise AkkoordError.keyed("output.import.bad_lang", lang=lang)
    root = from_text(content, doc_id=doc_id, title=title, lang=lang, fallback_title=stem, source=source)
    _finish(root, source, output)
    return 0


def _refuse_non_xml_characters(content: str, source: str) -> None:
    match = NOT_XML.search(content)
    if match:
        line = content.count("\n", 0, match.start()) + 1
        column = match.start() - (content.rfind("\n", 0, match.start()) + 1) + 1
        code = f"{ord(match.group()):04X}"
        raise AkkoordError.keyed("output.import.control_char", where=f"{source}:{line}:{column}", code=code)


def _id_from_name(stem: str) -> str:
    from ..model.strings import slug

    ident = slug(stem, 64)
    return ident if ident and ident[0].isalpha() else f"doc-{ident}".rstrip("-")


def _finish(root: etree._Element, source: str, output: str | None) -> None:
    """Validate the converted document, then write its canonical bytes; report the count on stderr."""
    from ..model import canonical, names
    from ..model.validate import problems
    from ..model.xmlparse import parse_bytes

    data = canonical.to_bytes(root)
    target = output if output not in (None, "-") else "<stdout>"
    found = problems(root)
    if found:
        # re-read what would be written, so line numbers point into the output
        found = problems(parse_bytes(data, target)) or found
        first = found[0]
        more = Message("output.and_more", count=len(found) - 1) if len(found) > 1 else ""
        problem = first.message.rstrip(".")
        raise AkkoordError.keyed("output.import.invalid", where=source, line=first.line, problem=problem, more=more)
    write_output(data, output)
    if output not in (None, "-"):
        count = sum(1 for _ in root.iter(names.CLAUSE))
        click.echo(counted("output.import.done", count, source=source, output=output), err=True)
