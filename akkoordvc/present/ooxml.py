"""The one writer of Word packages (.docx): parts, relationships, content types, styles, properties.

Both Word documents akkoord writes, the clean export of a version (`worddoc`) and the tracked-change
redline (`docx`), build their `word/document.xml` themselves and hand it here with the styles they use;
this module adds `[Content_Types].xml`, the relationships, `word/styles.xml`, `word/settings.xml`,
the core, extended and custom document properties and the hyperlink relationships, and zips it all
with a fixed timestamp so the same input gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from lxml import etree

from ..model import wordml_names as wn
from ..model.strings import replace_not_xml

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: A w: property of a style: (tag, attributes) or (tag, attributes, [(child tag, attributes), ...]).
Prop: TypeAlias = tuple[Any, ...]
SANS: Prop = ("rFonts", {"ascii": "Calibri", "hAnsi": "Calibri", "eastAsia": "Calibri", "cs": "Calibri"})


clean = replace_not_xml


def el(parent: etree._Element, tag: str, **attrs: object) -> etree._Element:
    """A w: child element; attribute names are w: attributes ("val" -> w:val)."""
    element: etree._Element = etree.SubElement(parent, wn.w(tag))
    for name, value in attrs.items():
        element.set(wn.w(name), str(value))
    return element


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def new_document() -> tuple[etree._Element, etree._Element]:
    """An empty w:document and its w:body."""
    document = etree.Element(wn.DOCUMENT, nsmap={"w": wn.W_NS, "r": wn.R_NS})
    return document, el(document, "body")


def table(parent: etree._Element, columns: int) -> etree._Element:
    """A full-width w:tbl with thin grey borders and `columns` equal columns, without rows."""
    tbl = el(parent, "tbl")
    props = el(tbl, "tblPr")
    el(props, "tblW", w="5000", type="pct")
    borders = el(props, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el(borders, side, val="single", sz="4", space="0", color="A6A6A6")
    el(props, "tblLook", val="0000")
    grid = el(tbl, "tblGrid")
    for _ in range(columns):
        el(grid, "gridCol", w=str(9000 // columns))
    return tbl


def cell(row: etree._Element, columns: int) -> etree._Element:
    """A w:tc of a table made by `table`, in its row."""
    tc = el(row, "tc")
    el(el(tc, "tcPr"), "tcW", w=str(9000 // columns), type="dxa")
    return tc


def page_setup(body: etree._Element) -> None:
    """A4 with 2.5 cm margins, as the last child of the body."""
    sect = el(body, "sectPr")
    el(sect, "pgSz", w="11906", h="16838")
    el(sect, "pgMar", top="1418", right="1418", bottom="1418", left="1418", header="709", footer="709", gutter="0")


class Styles:
    """A `word/styles.xml` under construction: document defaults (font, size, language) and styles."""

    def __init__(self, lang: str):
        self.root = etree.Element(wn.STYLES, nsmap={"w": wn.W_NS})
        defaults = el(self.root, "docDefaults")
        rpr = el(el(defaults, "rPrDefault"), "rPr")
        el(rpr, "rFonts", ascii="Cambria", hAnsi="Cambria", eastAsia="Cambria", cs="Cambria")
        el(rpr, "sz", val="22")
        el(rpr, "szCs", val="22")
        el(rpr, "lang", val=lang, eastAsia="en-US", bidi="ar-SA")
        ppr = el(el(defaults, "pPrDefault"), "pPr")
        el(ppr, "spacing", after="120", line="288", lineRule="auto")
        self.add("paragraph", "Normal", "Normal", default=True)
        self.add("character", "DefaultParagraphFont", "Default Paragraph Font", default=True)

    def add(
        self,
        kind: str,
        sid: str,
        name: str,
        *,
        default: bool = False,
        based: str | None = None,
        next_: str | None = None,
        ppr: Sequence[Prop] = (),
        rpr: Sequence[Prop] = (),
        outline: int | None = None,
    ) -> None:
        """One style; `ppr`/`rpr` are (tag, attrs[, [(child tag, attrs)]]) tuples of w: properties."""
        s = el(self.root, "style", type=kind, styleId=sid)
        if default:
            s.set(wn.w("default"), "1")
        el(s, "name", val=name)
        if based:
            el(s, "basedOn", val=based)
        if next_:
            el(s, "next", val=next_)
        el(s, "qFormat")
        if ppr or outline is not None:
            p = el(s, "pPr")
            for tag, attrs, *children in ppr:
                child = el(p, tag, **attrs)
                for sub_tag, sub_attrs in children[0] if children else ():
                    el(child, sub_tag, **sub_attrs)
            if outline is not None:
                el(p, "outlineLvl", val=str(outline))
        if rpr:
            r = el(s, "rPr")
            for tag, attrs in rpr:
                el(r, tag, **attrs)

    def title(self) -> None:
        self.add(
            "paragraph",
            "Title",
            "Title",
            based="Normal",
            next_="Normal",
            ppr=[("spacing", {"after": "200"})],
            rpr=[SANS, ("b", {}), ("color", {"val": "1F2A44"}), ("sz", {"val": "40"}), ("szCs", {"val": "40"})],
        )

    def heading(self, level: int, *, next_: str = "Normal") -> None:
        """Word's built-in "heading N" (outline level N-1), sized down with depth."""
        size = str(max(22, 30 - 2 * level))
        ppr: list[Prop] = [
            ("keepNext", {}),
            ("keepLines", {}),
            ("spacing", {"before": "360" if level == 1 else "240", "after": "120"}),
        ]
        if level == 1:
            ppr.insert(2, ("pBdr", {}, [("bottom", {"val": "single", "sz": "4", "space": "1", "color": "A6A6A6"})]))
        self.add(
            "paragraph",
            f"Heading{level}",
            f"heading {level}",
            based="Normal",
            next_=next_,
            ppr=ppr,
            rpr=[SANS, ("b", {}), ("color", {"val": "1F2A44"}), ("sz", {"val": size}), ("szCs", {"val": size})],
            outline=level - 1,
        )

    def hyperlink(self) -> None:
        self.add(
            "character",
            "Hyperlink",
            "Hyperlink",
            based="DefaultParagraphFont",
            rpr=[("color", {"val": "1F4E79"}), ("u", {"val": "single"})],
        )

    def to_bytes(self) -> bytes:
        return xml_bytes(self.root)


def settings(lang: str, *, track_revisions: bool) -> bytes:
    root = etree.Element(wn.w("settings"), nsmap={"w": wn.W_NS})
    el(root, "zoom", percent="100")
    if track_revisions:
        el(root, "trackRevisions")
    el(root, "defaultTabStop", val="708")
    el(root, "characterSpacingControl", val="doNotCompress")
    compat = el(root, "compat")
    el(compat, "compatSetting", name="compatibilityMode", uri="http://schemas.microsoft.com/office/word", val="15")
    el(root, "themeFontLang", val=lang)
    return xml_bytes(root)


@dataclass
class Package:
    """What goes into a .docx besides the document body."""

    document: etree._Element
    styles: Styles
    lang: str
    title: str
    subject: str = ""
    author: str = "akkoordvc"
    date: str = "1980-01-01T00:00:00Z"
    track_revisions: bool = False
    custom: dict[str, str] = field(default_factory=dict)
    hyperlinks: list[str] = field(default_factory=list)  # external targets; rId{n+10} is the n-th

    def hyperlink_id(self, target: str) -> str:
        """The relationship id of an external hyperlink to `target` (one per target)."""
        if target not in self.hyperlinks:
            self.hyperlinks.append(target)
        return f"rId{self.hyperlinks.index(target) + 10}"

    def to_bytes(self) -> bytes:
        root_rels = [
            ("rId1", wn.REL_DOCUMENT, "word/document.xml"),
            ("rId2", wn.REL_CORE, "docProps/core.xml"),
            ("rId3", wn.REL_APP, "docProps/app.xml"),
        ]
        overrides = [
            ("/word/document.xml", wn.CT_DOCUMENT),
            ("/word/styles.xml", wn.CT_STYLES),
            ("/word/settings.xml", wn.CT_SETTINGS),
            ("/docProps/core.xml", wn.CT_CORE),
            ("/docProps/app.xml", wn.CT_APP),
        ]
        extra = []
        if self.custom:
            root_rels.append(("rId4", wn.REL_CUSTOM, "docProps/custom.xml"))
            overrides.append(("/docProps/custom.xml", wn.CT_CUSTOM))
            extra.append(("docProps/custom.xml", _custom(self.custom)))
        doc_rels: list[tuple[str, str, str, str | None]] = [
            ("rId1", wn.REL_STYLES, "styles.xml", None),
            ("rId2", wn.REL_SETTINGS, "settings.xml", None),
        ]
        doc_rels += [(f"rId{n + 10}", wn.REL_HYPERLINK, target, "External") for n, target in enumerate(self.hyperlinks)]
        parts = [
            (wn.CONTENT_TYPES_PART, _content_types(overrides)),
            (wn.ROOT_RELS_PART, _relationships([(i, t, target, None) for i, t, target in root_rels])),
            (wn.DOCUMENT_PART, xml_bytes(self.document)),
            (wn.DOCUMENT_RELS_PART, _relationships(doc_rels)),
            ("word/styles.xml", self.styles.to_bytes()),
            ("word/settings.xml", settings(self.lang, track_revisions=self.track_revisions)),
            ("docProps/core.xml", _core(self.title, self.subject, self.author, self.lang, self.date)),
            ("docProps/app.xml", _app()),
            *extra,
        ]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts:
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                package.writestr(info, data)
        return buffer.getvalue()


def _content_types(overrides: list[tuple[str, str]]) -> bytes:
    root = etree.Element(wn.TYPES, nsmap={None: wn.CT_NS})
    for ext, ctype in (("rels", wn.CT_RELS), ("xml", "application/xml")):
        etree.SubElement(root, wn.DEFAULT, Extension=ext, ContentType=ctype)
    for part, ctype in overrides:
        etree.SubElement(root, wn.OVERRIDE, PartName=part, ContentType=ctype)
    return xml_bytes(root)


def _relationships(rels: list[tuple[str, str, str, str | None]]) -> bytes:
    root = etree.Element(wn.RELATIONSHIPS, nsmap={None: wn.PKG_REL_NS})
    for rid, rtype, target, mode in rels:
        rel = etree.SubElement(root, wn.RELATIONSHIP, Id=rid, Type=rtype, Target=clean(target))
        if mode:
            rel.set("TargetMode", mode)
    return xml_bytes(root)


def _core(title: str, subject: str, author: str, lang: str, date: str) -> bytes:
    root = etree.Element(
        f"{{{wn.CP_NS}}}coreProperties",
        nsmap={"cp": wn.CP_NS, "dc": wn.DC_NS, "dcterms": wn.DCTERMS_NS, "xsi": wn.XSI_NS},
    )
    for ns, tag, text in (
        (wn.DC_NS, "title", title),
        (wn.DC_NS, "subject", subject),
        (wn.DC_NS, "creator", author),
        (wn.CP_NS, "lastModifiedBy", author),
        (wn.DC_NS, "language", lang),
    ):
        etree.SubElement(root, f"{{{ns}}}{tag}").text = clean(text)
    for tag in ("created", "modified"):
        element = etree.SubElement(root, f"{{{wn.DCTERMS_NS}}}{tag}")
        element.set(f"{{{wn.XSI_NS}}}type", "dcterms:W3CDTF")
        element.text = date
    return xml_bytes(root)


def _app() -> bytes:
    root = etree.Element(f"{{{wn.EP_NS}}}Properties", nsmap={None: wn.EP_NS})
    etree.SubElement(root, f"{{{wn.EP_NS}}}Application").text = "akkoordvc"
    return xml_bytes(root)


def _custom(properties: dict[str, str]) -> bytes:
    root = etree.Element(wn.CUSTOM_PROPERTIES, nsmap={None: wn.CUSTOM_NS, "vt": wn.VT_NS})
    for pid, (name, value) in enumerate(properties.items(), 2):
        prop = etree.SubElement(root, wn.CUSTOM_PROPERTY, fmtid=wn.CUSTOM_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, wn.VT_LPWSTR).text = clean(value)
    return xml_bytes(root)
