"""Which kind of file an edited copy of a text is: agreement XML, a Word document, an OpenDocument text
or Markdown, by its content first and its name second.

Content wins over the name, so a Word document saved as `voorstel.xml` is still read as one (and never
reported as "malformed XML"), and a name helps only where content cannot tell (Markdown is plain text).
"""

from __future__ import annotations

XML = "xml"
DOCX = "docx"
ODT = "odt"
MARKDOWN = "md"

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .doc, or an encrypted .docx
_ODF_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument"
_EXTENSIONS = {"xml": XML, "docx": DOCX, "docm": DOCX, "odt": ODT, "md": MARKDOWN, "markdown": MARKDOWN}


def kind_of(data: bytes, name: str = "") -> str:
    """XML, DOCX, ODT or MARKDOWN for the bytes of a file called `name`."""
    if data.startswith(_ZIP):
        return ODT if _ODF_MIMETYPE in data[:256] else DOCX
    if data.startswith(_OLE):
        return DOCX  # the Word reader explains what to do with it
    extension = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    by_name = _EXTENSIONS.get(extension)
    if by_name in (DOCX, ODT):
        return by_name  # not a zip: the reader says the file is damaged or of another kind
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return XML
    if by_name:
        return by_name
    return MARKDOWN if text.startswith((b"#", b"---")) else XML
