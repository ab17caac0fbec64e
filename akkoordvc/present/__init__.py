"""Presentation: turn a `Redline` (see `akkoordvc.ops.redline`) into something people read.

Each renderer consumes the data model only and never computes a diff:

* `labels`: the words the renderers print, in the document's language (Dutch for "nl",
  English otherwise), shared by every renderer;
* `html`: one self-contained HTML5 page, inline or side by side;
* `docx`: a Word document whose changes are real tracked changes (accept all gives the new
  text, reject all the old one);
* `term`: terminal text, coloured or with ``[-old-]{+new+}`` markup, and a one-line summary;
* `xmlmarkup`: both texts in one XML document, every change marked with ``rl:ins``/``rl:del``
  and ``rl:old-*`` in the namespace ``urn:akkoordvc:redline:2``, lossless both ways
  (described in `schemas/redline.md`).
"""
