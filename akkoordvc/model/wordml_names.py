"""The only module that knows the names of the WordprocessingML (Office Open XML) vocabulary.

The DOCX reader (`model/wordfile.py`), the clean export (`present/worddoc.py`), the tracked-change
redline (`present/docx.py`) and the package writer they share (`present/ooxml.py`) all ask here, so
no other module spells a `w:` name. Tags and attributes are Clark names (``{namespace}local``),
ready for lxml.

Besides the vocabulary this module names what akkoord puts into a Word document: its paragraph
and character styles (by role, with the names they carry in a Dutch and an English document) and
the custom document properties that record which text a document was exported from.
"""

from __future__ import annotations

import re

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CP_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
EP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(local: str) -> str:
    """The Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{local}"


# -- package parts, relationships and content types ---------------------------------------------
CONTENT_TYPES_PART = "[Content_Types].xml"
ROOT_RELS_PART = "_rels/.rels"
DOCUMENT_PART = "word/document.xml"
DOCUMENT_RELS_PART = "word/_rels/document.xml.rels"

REL_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
REL_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
REL_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
#: the "strict" variants of the relationship types (ISO 29500 Strict) a reader may meet
REL_STRICT_PREFIX = "http://purl.oclc.org/ooxml/officeDocument/relationships/"

CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
CT_SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
CT_NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

TYPES = f"{{{CT_NS}}}Types"
DEFAULT = f"{{{CT_NS}}}Default"
OVERRIDE = f"{{{CT_NS}}}Override"
RELATIONSHIPS = f"{{{PKG_REL_NS}}}Relationships"
RELATIONSHIP = f"{{{PKG_REL_NS}}}Relationship"
R_ID = f"{{{R_NS}}}id"
CUSTOM_PROPERTIES = f"{{{CUSTOM_NS}}}Properties"
CUSTOM_PROPERTY = f"{{{CUSTOM_NS}}}property"
VT_LPWSTR = f"{{{VT_NS}}}lpwstr"
#: the format id Office gives every user-defined custom property
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

# -- document structure ----------------------------------------------------------------------------
DOCUMENT = w("document")
BODY = w("body")
P = w("p")
PPR = w("pPr")
PSTYLE = w("pStyle")
NUMPR = w("numPr")
ILVL = w("ilvl")
NUMID = w("numId")
OUTLINE_LVL = w("outlineLvl")
R = w("r")
RPR = w("rPr")
RSTYLE = w("rStyle")
T = w("t")
DEL_TEXT = w("delText")
INSTR_TEXT = w("instrText")
DEL_INSTR_TEXT = w("delInstrText")
TAB = w("tab")
PTAB = w("ptab")
BR = w("br")
CR = w("cr")
NO_BREAK_HYPHEN = w("noBreakHyphen")
SOFT_HYPHEN = w("softHyphen")
SYM = w("sym")
FLD_CHAR = w("fldChar")
FLD_SIMPLE = w("fldSimple")
HYPERLINK = w("hyperlink")
BOOKMARK_START = w("bookmarkStart")
BOOKMARK_END = w("bookmarkEnd")
SECT_PR = w("sectPr")
SDT = w("sdt")
SDT_CONTENT = w("sdtContent")
SMART_TAG = w("smartTag")
CUSTOM_XML = w("customXml")
DIR = w("dir")
BDO = w("bdo")
FOOTNOTE_REFERENCE = w("footnoteReference")
ENDNOTE_REFERENCE = w("endnoteReference")
DRAWING = w("drawing")
PICT = w("pict")
OBJECT = w("object")
COMMENT_REFERENCE = w("commentReference")
COMMENT = w("comment")
COMMENTS = w("comments")

# tracked changes
INS = w("ins")
DEL = w("del")
MOVE_FROM = w("moveFrom")
MOVE_TO = w("moveTo")
PPR_CHANGE = w("pPrChange")
RPR_CHANGE = w("rPrChange")

# run formatting
B = w("b")
I = w("i")  # noqa: E741 (the element is called i)
U = w("u")
VERT_ALIGN = w("vertAlign")
VANISH = w("vanish")
LANG = w("lang")
SUPERSCRIPT = "superscript"
SUBSCRIPT = "subscript"
#: on/off values that switch a toggle property off
OFF_VALUES = frozenset({"0", "false", "off", "none"})

# tables
TBL = w("tbl")
TBL_PR = w("tblPr")
TBL_GRID = w("tblGrid")
GRID_COL = w("gridCol")
TR = w("tr")
TR_PR = w("trPr")
TC = w("tc")
TC_PR = w("tcPr")
GRID_SPAN = w("gridSpan")
V_MERGE = w("vMerge")
H_MERGE = w("hMerge")
CELL_INS = w("cellIns")
CELL_DEL = w("cellDel")

# numbering
NUMBERING = w("numbering")
ABSTRACT_NUM = w("abstractNum")
ABSTRACT_NUM_ID = w("abstractNumId")
NUM = w("num")
LVL = w("lvl")
START = w("start")
NUM_FMT = w("numFmt")
LVL_TEXT = w("lvlText")
LVL_OVERRIDE = w("lvlOverride")
START_OVERRIDE = w("startOverride")

# styles
STYLES = w("styles")
STYLE = w("style")
NAME = w("name")
BASED_ON = w("basedOn")

# attributes
VAL = w("val")
ID = w("id")
AUTHOR = w("author")
DATE = w("date")
ANCHOR = w("anchor")
TYPE = w("type")
STYLE_ID = w("styleId")
CHAR = w("char")
FLD_CHAR_TYPE = w("fldCharType")
ABSTRACT_NUM_ID_ATTR = w("abstractNumId")
NUM_ID_ATTR = w("numId")
W_NAME = w("name")

# -- what akkoord puts into a document ---------------------------------------------------------------
#: Paragraph roles: what a paragraph is in the agreement. Division headings use the built-in
#: "heading N" styles (N = depth), so Word's navigation pane shows them; clause headings have a style
#: of their own whose outline level puts them one below the deepest division.
TITLE = "title"
SHORT_TITLE = "short-title"
DIVISION = "division"
CLAUSE = "clause"
SUBHEADING = "subheading"
TEXT = "text"
LID = "lid"
LID_CONT = "lid-cont"
ITEM = "item"
ITEM_CONT = "item-cont"
CELL = "cell"
FIGURE = "figure"
INFO = "info"  # a line about the export (version, text hash): not part of the agreement

#: Character roles: the number in a heading, its label word, a reference without a link target.
NUMBER = "number"
LABEL = "label"
REF = "ref"
INLINE_FIGURE = "inline-figure"

#: Deepest list nesting with a style of its own (deeper items use the last).
MAX_ITEM_LEVEL = 6
#: Deepest division nesting (Word has nine heading levels; the clause heading takes one more).
MAX_DIVISION_DEPTH = 8

#: role -> (style id, Dutch name, English name). A style id equals one of its names without spaces,
#: because LibreOffice writes the name as the id when it saves a document.
_STYLES = {
    TITLE: ("Title", "Title", "Title"),
    SHORT_TITLE: ("Subtitle", "Subtitle", "Subtitle"),
    CLAUSE: ("Artikelkop", "Artikelkop", "Clause Heading"),
    SUBHEADING: ("Kopondertitel", "Kopondertitel", "Heading Subtitle"),
    TEXT: ("Tekst", "Tekst", "Clause Text"),
    LID: ("Lid", "Lid", "Numbered Paragraph"),
    LID_CONT: ("Lidvervolg", "Lidvervolg", "Numbered Paragraph Continued"),
    CELL: ("Tabelcel", "Tabelcel", "Table Cell"),
    FIGURE: ("Figuur", "Figuur", "Figure"),
    INFO: ("Akkoordinfo", "Akkoordinfo", "Agreement Info"),
    NUMBER: ("Nummer", "Nummer", "Number"),
    LABEL: ("Nummerlabel", "Nummerlabel", "Number Label"),
    REF: ("Verwijzing", "Verwijzing", "Reference"),
    INLINE_FIGURE: ("Figuurnaam", "Figuurnaam", "Figure Name"),
}


def _key(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


def style_id(role: str, level: int = 0) -> str:
    """The style id akkoord writes for a role (headings and list items take their level)."""
    if role == DIVISION:
        return f"Heading{level}"
    if role == ITEM:
        return f"Opsomming{level}"
    if role == ITEM_CONT:
        return f"Opsomming{level}vervolg"
    return _STYLES[role][0]


def style_name(role: str, level: int = 0, dutch: bool = True) -> str:
    """The style name shown in Word's style gallery, in the document's language."""
    if role == DIVISION:
        return f"heading {level}"
    if role == ITEM:
        return f"Opsomming {level}" if dutch else f"List Item {level}"
    if role == ITEM_CONT:
        return f"Opsomming {level} vervolg" if dutch else f"List Item {level} Continued"
    return _STYLES[role][1 if dutch else 2]


def _known() -> dict[str, tuple[str, int]]:
    known: dict[str, tuple[str, int]] = {}
    for role, names in _STYLES.items():
        for name in names:
            known[_key(name)] = (role, 0)
    for level in range(1, 10):
        for name in (f"heading {level}", f"kop {level}"):
            known[_key(name)] = (DIVISION, level)
    for level in range(1, MAX_ITEM_LEVEL + 1):
        for dutch in (True, False):
            known[_key(style_name(ITEM, level, dutch))] = (ITEM, level)
            known[_key(style_name(ITEM_CONT, level, dutch))] = (ITEM_CONT, level)
    known[_key("Titel")] = (TITLE, 0)
    # the furniture of a redline: its own title, notes and header lines
    for name in ("AkkoordTitel", "AkkoordNote", "AkkoordMeta"):
        known[_key(name)] = (INFO, 0)
    return known


_KNOWN = _known()


def role_of_style(*names: str | None) -> tuple[str, int] | None:
    """The (role, level) of a style known by any of `names` (its id or its name, in any language or
    spelling: "Heading2", "heading 2", "Kop 2"), or None for a style akkoord did not write."""
    for name in names:
        if name:
            found = _KNOWN.get(_key(name))
            if found:
                return found
    return None


#: A reference whose target has no URI scheme ("31992L0012") is written with this scheme in front:
#: LibreOffice takes a target without one for a file path and rewrites it relative to the document
#: ("../31992L0012"). The reader takes it off again.
RELATIVE_TARGET = "akkoord-href:"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def link_target(href: str) -> str:
    """The hyperlink target written for a reference's href."""
    return href if _SCHEME.match(href) else RELATIVE_TARGET + href


def reference_href(target: str) -> str:
    """The href of a reference read from a hyperlink target (`link_target` undone)."""
    return target[len(RELATIVE_TARGET) :] if target.startswith(RELATIVE_TARGET) else target


#: Custom document properties: which agreement and which text a document was exported from.
PROP_AGREEMENT = "akkoord-agreement"
PROP_TEXT_SHA256 = "akkoord-text-sha256"
PROP_VERSION = "akkoord-version"
PROP_COMMIT = "akkoord-commit"
