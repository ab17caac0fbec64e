"""`akkoord export docx|odt|md REF -o FILE`: a version as a document a drafter can edit.

Thin: the REF is resolved by `storage.refs`, the document drawn by `present.worddoc` (Word),
`present.markdown` (Markdown) or LibreOffice (`storage.office`, OpenDocument). What a drafter does
with the file is `akkoord amend propose --from-file FILE`.
"""

from __future__ import annotations

import click

from ..errors import AkkoordError
from ..messages import Message
from .common import write_output
from .language import say


def _resolve(ref: str):
    from ..model import names
    from ..storage.refs import resolve

    resolved = resolve(ref)
    if resolved.label is None and resolved.commit is not None:
        from ..storage.versions import versions
        from ..storage.workspace import Workspace

        same = [v.label for v in versions(Workspace.open(".")) if v.text_sha256 == resolved.text_sha256]
        resolved.label = same[-1] if same else None
    root = resolved.document.root
    if root.tag != names.AGREEMENT:
        raise AkkoordError.keyed("output.not_an_agreement", ref=ref, tag=str(root.tag), expected=names.AGREEMENT)
    return resolved


def _docx(resolved) -> bytes:
    from ..present.worddoc import render

    return render(
        resolved.document.root,
        version=resolved.label,
        text_sha256=resolved.text_sha256,
        commit=resolved.commit,
    )


def _note(path: str, markdown: bool = False) -> None:
    how = Message("output.export.edit_markdown" if markdown else "output.export.edit_word")
    click.echo(say("output.export.written", path=path, how=how), err=True)


REF_HELP = "A version label, git revision, 'working' or the path of an agreement XML file (default: the current text)."


@click.group("export")
def export():
    """Export a version of the text as a document to edit: Word, OpenDocument or Markdown."""


@export.command("docx")
@click.argument("ref", metavar="[REF]", default="HEAD", required=False)
@click.option("-o", "--output", metavar="FILE.docx", required=True, help="Where to write the Word document.")
def docx(ref, output):
    """A Word document of REF: headings in Word's navigation pane, clauses with their leden, lists and
    tables, every clause and division carrying its id in a hidden bookmark."""
    write_output(_docx(_resolve(ref)), output)
    _note(output)
    return 0


@export.command("odt")
@click.argument("ref", metavar="[REF]", default="HEAD", required=False)
@click.option("-o", "--output", metavar="FILE.odt", required=True, help="Where to write the OpenDocument text.")
def odt(ref, output):
    """An OpenDocument text of REF (the Word export converted by LibreOffice, which must be installed)."""
    from ..storage.office import from_docx

    write_output(from_docx(_docx(_resolve(ref)), "odt", output), output)
    _note(output)
    return 0


@export.command("md")
@click.argument("ref", metavar="[REF]", default="HEAD", required=False)
@click.option("-o", "--output", metavar="FILE.md", help="Where to write (default: standard output).")
def md(ref, output):
    """A Markdown text of REF: headings with their ids as {#id}, leden as [1], list items as "- a.",
    tables as pipe tables."""
    from ..present.markdown import render

    resolved = _resolve(ref)
    text = render(
        resolved.document.root, version=resolved.label, text_sha256=resolved.text_sha256, commit=resolved.commit
    )
    write_output(text, output)
    if output not in (None, "-"):
        _note(output, markdown=True)
    return 0
