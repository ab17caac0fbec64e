"""`akkoord redline OLD NEW`: what changed between two texts, clause by clause and word by word.

Everything is imported lazily: a redline of two files never imports the git module, and
each output format loads only its own renderer.
"""

from __future__ import annotations

import click

from ..errors import AkkoordError
from ..present.formats import FORMATS
from .common import check_day, terminal_width, use_color
from .language import say

_BWB_ROOT = "toestand"


def load_text(ref: str, origin: bool = True):
    """Resolve REF to (Resolved, Document); a BWB toestand file is imported on the fly. (Also what
    bench/ times as the command's work.)

    `origin=False`: the clauses of a BWB file get no `origin` (provenance), which only the
    ``xml`` format shows; converting without it takes 40% less time.
    """
    from ..model import names
    from ..storage.refs import resolve

    resolved = resolve(ref)
    document = resolved.document
    tag = document.root.tag
    if tag == _BWB_ROOT:
        from ..model.bwb import from_bwb
        from ..model.document import Document

        document = Document(from_bwb(document.root, document.source, origin=origin), document.source)
    elif tag != names.AGREEMENT:
        raise AkkoordError.keyed("output.redline_not_an_agreement", ref=ref, tag=str(tag), expected=names.AGREEMENT)
    return resolved, document


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="term",
    show_default=True,
    help="term: coloured text (or [-old-]{+new+} when not a terminal); json: the redline as data; "
    "html: one self-contained page; docx: Word with tracked changes (needs -o); xml: both texts in one "
    "document, every change marked, lossless both ways (schemas/redline.md).",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@click.option("--all", "show_all", is_flag=True, help="Show unchanged clauses too.")
@click.option("--side-by-side", is_flag=True, help="html: old and new text in two columns.")
@click.option("--color/--no-color", default=None, help="term: colours (default: when writing to a terminal).")
@click.option(
    "--author",
    metavar="NAME",
    help="docx: author of the tracked changes (default: an amendment's proposers against its base, else akkoordvc).",
)
@click.option(
    "--date",
    metavar="YYYY-MM-DD",
    callback=check_day,
    help="docx: date of the tracked changes (default: an amendment's proposal date against its base, else now).",
)
def redline(old, new, fmt, output, show_all, side_by_side, color, author, date):
    """Show what changed from OLD to NEW.

    OLD and NEW are REFs: a version label, a git revision, 'working' (the text in the work tree),
    amend/ID (an amendment applied to its base; ID may be any unique start of its id) or the path of
    an XML file (an agreement, or a BWB law from wetten.overheid.nl). Clauses are
    paired by id, then by content, then by similarity; each is reported as added, removed,
    modified, moved, renumbered, split, merged or unchanged, block by block (leden, list items,
    table rows) with a word diff of its text. The title, metadata, preamble and division headings
    are compared too: "no changes" only when both texts are the same.
    """
    if fmt == "docx" and output in (None, "-"):
        raise click.UsageError(say("output.usage.docx_needs_output"))
    if side_by_side and fmt != "html":
        raise click.UsageError(say("output.usage.side_by_side"))
    if (author or date) and fmt != "docx":
        raise click.UsageError(say("output.usage.author_date"))

    from ..ops.align import compute
    from ..present.formats import render

    origin = fmt == "xml"  # only the xml format shows the documents themselves
    old_resolved, old_doc = load_text(old, origin)
    new_resolved, new_doc = load_text(new, origin)
    result = compute(old_doc, new_doc, old_resolved.side(old_doc), new_resolved.side(new_doc))
    by, on = new_resolved.changed_by(old_resolved)  # an amendment against its base: its proposers and date
    data = render(
        result,
        fmt,
        color=use_color(color, output=output),
        include_unchanged=show_all,
        width=terminal_width(output),
        side_by_side=side_by_side,
        author=author or by,
        date=date or on,
        documents=(old_doc, new_doc),
    )

    from .common import write_output

    write_output(data, output)
    return 0
