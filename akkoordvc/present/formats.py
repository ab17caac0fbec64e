"""One redline, every output format: the dispatch shared by `akkoord redline` and `akkoord amend show`, so
that both give exactly the same redline of the same two texts.

Each format loads only its own renderer (a terminal redline never imports the DOCX writer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.document import Document
    from ..ops.redline import Redline

FORMATS = ("term", "json", "html", "docx", "xml")
#: the author of tracked changes when nobody in particular made them
DEFAULT_AUTHOR = "akkoordvc"


def render(
    result: Redline,
    fmt: str,
    *,
    color: bool = False,
    include_unchanged: bool = False,
    width: int | None = None,
    side_by_side: bool = False,
    author: str | None = None,
    date: str | None = None,
    documents: tuple[Document, Document] | None = None,
) -> str | bytes:
    """The redline in format `fmt` (one of FORMATS). `author` and `date` are those of the DOCX's tracked
    changes; `documents` (old, new) are needed by the xml format only."""
    if fmt == "term":
        from .term import render as render_term

        return render_term(result, color=color, include_unchanged=include_unchanged, width=width)
    if fmt == "json":
        import json

        return json.dumps(result.as_dict(include_unchanged=include_unchanged), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from .html import render as render_html

        return render_html(result, side_by_side=side_by_side, include_unchanged=include_unchanged)
    if fmt == "docx":
        from .docx import render as render_docx

        return render_docx(result, author=author or DEFAULT_AUTHOR, date=date, include_unchanged=include_unchanged)
    if fmt == "xml" and documents is not None:
        from .xmlmarkup import render as render_xml

        return render_xml(result, *documents)
    raise ValueError(f"unknown redline format {fmt!r}")
