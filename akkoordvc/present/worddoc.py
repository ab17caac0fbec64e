"""A version of the agreement as a clean Word document, for drafters to edit and propose from.

`render(root, ...)` writes the agreement's flow (`model.paragraphs`) as a .docx: the title (Title
style), the short title (Subtitle), one line about the export (version, text hash; ignored when read
back), the preamble, the divisions as Word's built-in "heading N" (N = depth) and each clause under a
heading style of its own whose outline level sits one below the deepest division, so Word's
navigation pane lists the whole structure. A heading reads "Artikel 5<tab>Heading": the label word
and the number are runs in the character styles Nummerlabel and Nummer, the number being what is
read back. A lid is "1<tab>text" in the Lid style, a list item "a.<tab>text" in "Opsomming N" (N =
nesting depth), further paragraphs of a lid or item in the "vervolg" styles; tables are real tables.
Emphasis is direct formatting (bold, italic, underline, super- and subscript), references are
hyperlinks (a reference without a target is in the Verwijzing character style). Every clause and
division heading carries its id in a hidden bookmark (`model.wordfile.bookmark_name`). The language
is set on the document defaults (nl-NL for a Dutch text), the custom document properties name the
agreement, version, commit and text hash it came from, and revisions are tracked from the start, as
a drafter proposing changes expects.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..model import names
from ..model import wordml_names as wn
from ..model.paragraphs import Paragraph, Run, Table, from_agreement
from ..model.strings import one_line
from ..model.wordfile import bookmark_name
from . import labels as L
from .ooxml import SANS, Package, Prop, Styles, cell, clean, el, new_document, page_setup, table

_INDENT = 567  # 1 cm in twips


def division_word(lang: str, kind: str | None) -> str:
    """ "Hoofdstuk" for a chapter of a Dutch text, "Chapter" in English; "" for an unknown kind."""
    return L.labels(lang).get(f"division_{kind}", "") if kind else ""


class _Writer:
    def __init__(self, root: etree._Element, package: Package, dutch: bool, lang: str):
        self.root = root
        self.package = package
        body = package.document.find(wn.BODY)
        assert body is not None  # new_document made it
        self.body = body
        self.dutch = dutch
        self.lang = lang
        self.lab = L.labels(lang)
        self.next_id = 0
        self.open_depth = 0
        ids = {e.get(names.ID) for e in root.iter(names.CLAUSE)}
        self.anchors = {f"#{i}": bookmark_name(names.CLAUSE, i) for i in ids if i}
        self.anchors.update(
            {f"#{i}": bookmark_name(names.DIVISION, i) for e in root.iter(names.DIVISION) if (i := e.get(names.ID))}
        )

    def paragraph(self, role: str, level: int = 0, parent: etree._Element | None = None) -> etree._Element:
        p = el(self.body if parent is None else parent, "p")
        el(el(p, "pPr"), "pStyle", val=wn.style_id(role, level))
        return p

    def text(self, parent: etree._Element, text: str, rpr: list[Prop] | None = None, style: str | None = None) -> None:
        r = el(parent, "r")
        if style or rpr:
            props = el(r, "rPr")
            if style:
                el(props, "rStyle", val=style)
            for tag, attrs in rpr or ():
                el(props, tag, **attrs)
        for index, part in enumerate(clean(text).split("\t")):
            if index:
                el(r, "tab")
            if part:
                t = el(r, "t")
                t.text = part
                if part != part.strip() or "  " in part:
                    t.set(wn.XML_SPACE, "preserve")

    def runs(self, p: etree._Element, runs: tuple[Run, ...]) -> None:
        for run in runs:
            rpr: list[Prop] = []
            if names.STRONG in run.marks:
                rpr.append(("b", {}))
            if names.EM in run.marks:
                rpr.append(("i", {}))
            if names.U in run.marks:
                rpr.append(("u", {"val": "single"}))
            if names.SUP in run.marks:
                rpr.append(("vertAlign", {"val": wn.SUPERSCRIPT}))
            elif names.SUB in run.marks:
                rpr.append(("vertAlign", {"val": wn.SUBSCRIPT}))
            if names.FIGURE in run.marks:
                self.text(p, run.text, rpr, style=wn.style_id(wn.INLINE_FIGURE))
            elif run.link is None:
                self.text(p, run.text, rpr)
            elif run.link == "":
                self.text(p, run.text, rpr, style=wn.style_id(wn.REF))
            else:
                link = el(p, "hyperlink")
                if run.link.startswith("#"):
                    link.set(wn.ANCHOR, self.anchors.get(run.link, run.link[1:]))
                else:
                    link.set(wn.R_ID, self.package.hyperlink_id(wn.link_target(run.link)))
                self.text(link, run.text, rpr, style="Hyperlink")

    def bookmark(self, p: etree._Element, name: str, content: Callable[[], None]) -> None:
        self.next_id += 1
        el(p, "bookmarkStart", id=str(self.next_id), name=name)
        content()
        el(p, "bookmarkEnd", id=str(self.next_id))

    def heading(self, entry: Paragraph, depth: int) -> None:
        if entry.role == wn.DIVISION:
            p = self.paragraph(wn.DIVISION, entry.level)
            self.open_depth = entry.level
            word = division_word(self.lang, entry.kind)
            num = entry.num or ""
            if word and num.lower().startswith(word.lower()):
                word = ""
            name = bookmark_name(names.DIVISION, entry.ident or "")
        else:
            p = self.paragraph(wn.CLAUSE)
            if entry.level and entry.level - 1 < self.open_depth:  # a clause outside the open divisions
                el(p[0], "outlineLvl", val=str(entry.level - 1))  # p[0]: the pPr `paragraph` wrote
            self.open_depth = max(0, entry.level - 1) if entry.level else self.open_depth
            num = entry.num or ""
            article = entry.kind in (None, "article")
            word = ""
            if article and not num.lower().startswith("art"):
                word = self.lab["clause"].split("{num}")[0].strip()
            name = bookmark_name(names.CLAUSE, entry.ident or "")

        def content() -> None:
            if word:
                self.text(p, word + (" " if num else ""), style=wn.style_id(wn.LABEL))
            if num:
                self.text(p, num, style=wn.style_id(wn.NUMBER))
            if entry.runs:
                if word or num:
                    self.text(p, "\t")
                self.runs(p, entry.runs)

        self.bookmark(p, name, content)

    def numbered(self, entry: Paragraph) -> None:
        p = self.paragraph(entry.role, entry.level)
        if entry.num:
            self.text(p, entry.num, style=wn.style_id(wn.NUMBER))
        if entry.has_text:
            self.text(p, "\t")
            self.runs(p, entry.runs)

    def table(self, entry: Table) -> None:
        columns = max((len(row) for row in entry.rows), default=1) or 1
        tbl = table(self.body, columns)
        for row in entry.rows:
            tr = el(tbl, "tr")
            for runs in row:
                self.runs(self.paragraph(wn.CELL, parent=cell(tr, columns)), runs)

    def write(self, info: str) -> None:
        flow = from_agreement(self.root)
        depth = max((e.level for e in flow if isinstance(e, Paragraph) and e.role == wn.DIVISION), default=0)
        wrote_info = False
        for entry in flow:
            if isinstance(entry, Table):
                self.table(entry)
                continue
            if entry.role not in (wn.TITLE, wn.SHORT_TITLE) and not wrote_info:
                self.text(self.paragraph(wn.INFO), info)
                wrote_info = True
            if entry.role in (wn.DIVISION, wn.CLAUSE):
                self.heading(entry, depth)
            elif entry.role in (wn.LID, wn.ITEM):
                self.numbered(entry)
            else:
                self.runs(self.paragraph(entry.role, entry.level), entry.runs)
        if not wrote_info:
            self.text(self.paragraph(wn.INFO), info)
        self.depth = depth


def _styles(lang: str, dutch: bool, depth: int, items: int) -> Styles:
    styles = Styles(lang)
    styles.title()
    content_styles(styles, dutch, depth, items)
    styles.hyperlink()
    return styles


def content_styles(styles: Styles, dutch: bool, depth: int, items: int) -> None:
    """The styles of the agreement's own paragraphs (shared with the redline): subtitle, info line,
    division headings to `depth`, clause heading, text, lid, list items to `items` levels, table cell,
    subheading, figure, and the number, label, reference and figure-name character styles."""

    def name(role: str, level: int = 0) -> str:
        return wn.style_name(role, level, dutch)

    styles.add(
        "paragraph",
        wn.style_id(wn.SHORT_TITLE),
        "Subtitle",
        based="Normal",
        next_="Normal",
        ppr=[("spacing", {"after": "160"})],
        rpr=[SANS, ("color", {"val": "404040"}), ("sz", {"val": "28"}), ("szCs", {"val": "28"})],
    )
    styles.add(
        "paragraph",
        wn.style_id(wn.INFO),
        name(wn.INFO),
        based="Normal",
        next_=wn.style_id(wn.TEXT),
        ppr=[("spacing", {"after": "240"})],
        rpr=[SANS, ("color", {"val": "595959"}), ("sz", {"val": "18"}), ("szCs", {"val": "18"})],
    )
    for level in range(1, depth + 1):
        styles.heading(level, next_=wn.style_id(wn.CLAUSE) if level == depth else wn.style_id(wn.DIVISION, level + 1))
    tab: Prop = ("tabs", {}, [("tab", {"val": "left", "pos": str(_INDENT * 2)})])
    styles.add(
        "paragraph",
        wn.style_id(wn.CLAUSE),
        name(wn.CLAUSE),
        based="Normal",
        next_=wn.style_id(wn.LID),
        ppr=[("keepNext", {}), ("keepLines", {}), tab, ("spacing", {"before": "280", "after": "80"})],
        rpr=[SANS, ("b", {}), ("sz", {"val": "23"}), ("szCs", {"val": "23"})],
        outline=min(depth, 8),
    )
    styles.add("paragraph", wn.style_id(wn.TEXT), name(wn.TEXT), based="Normal", next_=wn.style_id(wn.TEXT))
    lid_tab: Prop = ("tabs", {}, [("tab", {"val": "left", "pos": str(_INDENT)})])
    styles.add(
        "paragraph",
        wn.style_id(wn.LID),
        name(wn.LID),
        based="Normal",
        next_=wn.style_id(wn.LID),
        ppr=[lid_tab, ("ind", {"left": str(_INDENT), "hanging": str(_INDENT)})],
    )
    styles.add(
        "paragraph",
        wn.style_id(wn.LID_CONT),
        name(wn.LID_CONT),
        based="Normal",
        next_=wn.style_id(wn.LID_CONT),
        ppr=[("ind", {"left": str(_INDENT)})],
    )
    for level in range(1, max(items, 1) + 1):
        left = _INDENT * (level + 1)
        styles.add(
            "paragraph",
            wn.style_id(wn.ITEM, level),
            name(wn.ITEM, level),
            based="Normal",
            next_=wn.style_id(wn.ITEM, level),
            ppr=[
                ("tabs", {}, [("tab", {"val": "left", "pos": str(left)})]),
                ("spacing", {"after": "60"}),
                ("ind", {"left": str(left), "hanging": str(_INDENT)}),
            ],
        )
        styles.add(
            "paragraph",
            wn.style_id(wn.ITEM_CONT, level),
            name(wn.ITEM_CONT, level),
            based="Normal",
            next_=wn.style_id(wn.ITEM_CONT, level),
            ppr=[("spacing", {"after": "60"}), ("ind", {"left": str(left)})],
        )
    styles.add(
        "paragraph",
        wn.style_id(wn.CELL),
        name(wn.CELL),
        based="Normal",
        ppr=[("spacing", {"before": "40", "after": "40"})],
        rpr=[("sz", {"val": "20"}), ("szCs", {"val": "20"})],
    )
    styles.add(
        "paragraph",
        wn.style_id(wn.SUBHEADING),
        name(wn.SUBHEADING),
        based="Normal",
        next_=wn.style_id(wn.LID),
        ppr=[("keepNext", {}), ("spacing", {"after": "80"})],
        rpr=[SANS, ("i", {}), ("color", {"val": "404040"})],
    )
    styles.add(
        "paragraph",
        wn.style_id(wn.FIGURE),
        name(wn.FIGURE),
        based="Normal",
        ppr=[("jc", {"val": "center"})],
        rpr=[SANS, ("color", {"val": "595959"}), ("sz", {"val": "18"}), ("szCs", {"val": "18"})],
    )
    styles.add(
        "character",
        wn.style_id(wn.INLINE_FIGURE),
        name(wn.INLINE_FIGURE),
        based="DefaultParagraphFont",
        rpr=[("color", {"val": "595959"})],
    )
    styles.add("character", wn.style_id(wn.NUMBER), name(wn.NUMBER), based="DefaultParagraphFont")
    styles.add("character", wn.style_id(wn.LABEL), name(wn.LABEL), based="DefaultParagraphFont")
    styles.add(
        "character",
        wn.style_id(wn.REF),
        name(wn.REF),
        based="DefaultParagraphFont",
        rpr=[("color", {"val": "1F4E79"})],
    )


def render(
    root: etree._Element,
    *,
    version: str | None = None,
    text_sha256: str = "",
    commit: str | None = None,
    date: str = "1980-01-01T00:00:00Z",
) -> bytes:
    """The agreement `root` as .docx bytes (see the module docstring); `version`, `text_sha256` and
    `commit` say which text it is, and go into the custom document properties."""
    lang_attr = root.get(names.LANG, "")
    lang = L.bcp47(lang_attr)
    dutch = L.language(lang_attr) == "nl"
    lab = L.labels(lang_attr)
    document, _ = new_document()
    title_element = root.find(f"{names.META}/{names.TITLE}")
    title = one_line("".join(title_element.itertext())) if title_element is not None else ""
    package = Package(document, Styles(lang), lang, title, author="akkoordvc", date=date, track_revisions=True)
    package.custom = {wn.PROP_AGREEMENT: root.get(names.ID, ""), wn.PROP_TEXT_SHA256: text_sha256}
    if version:
        package.custom[wn.PROP_VERSION] = version
    if commit:
        package.custom[wn.PROP_COMMIT] = commit
    package.subject = version or ""
    writer = _Writer(root, package, dutch, lang_attr)
    info = (
        f"{lab['version']} {version} \u00b7 "
        if version and "version" in lab
        else (f"{version} \u00b7 " if version else "")
    )
    info += f"{lab['text_hash']} {text_sha256}" if text_sha256 else ""
    writer.write(info or lab["generated_by"])
    page_setup(writer.body)
    items = max((len(list(e.iterancestors(names.LIST))) for e in root.iter(names.ITEM)), default=0)
    package.styles = _styles(lang, dutch, writer.depth, items)
    return package.to_bytes()
