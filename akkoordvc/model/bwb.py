"""The BWB adapter: a Dutch law in the BWB "toestand" XML of wetten.overheid.nl becomes an agreement.

`from_bwb(root, source)` is a pure function from the toestand tree to a new `agreement` tree. It makes one
pass over the source and does no validation (the caller validates the result once). The BWB vocabulary
(artikel, lid, al, ...) is spelled here, and only here; the akkoord vocabulary comes from `names`.

Mapping, in short:

- `agreement@id` is the lowercased bwb-id, `@lang` the `xml:lang` of `wetgeving`;
  meta holds the citeertitel as title, the toestand's in-force date as `valid-from`, and the bwb-id,
  version and intitule as properties.
- `aanhef` becomes the preamble; `hoofdstuk`, `titeldeel`, `afdeling`, ... become divisions with id
  `d<label-id>` (their `kop/titel` the heading, `kop/subtitel` the subheading); a `verdragtekst` (a
  treaty's text) becomes a division of kind "treaty" under its own heading; every `artikel` becomes a
  clause with the permanent id `a<label-id>`, so an article keeps its id in every version of the law. A
  `bijlage` becomes an annex division whose content is a clause of kind "annex" `b<label-id>`; the
  `wetsluiting` (closing formula, dates and signatures) a clause of kind "closing" `s<label-id>` where it
  stands. Text in a division before its first article or subdivision (`structuurtekst`: "not yet in
  force") is the division's own text; text after it a clause of kind "text" `t<label-id of the division>`.
- `lid` -> para, `al` -> p, `lijst/li` -> list/item, `tabel` -> table/row/cell, `nadruk` -> em/strong/u,
  `intref`/`extref` -> ref, `illustratie` -> figure (its file name as `src`, inline or as a block). An
  article's provenance attributes and a summary of its `meta-data` go into the clause's `origin`;
  `meta-data` never becomes text. Unknown elements keep their words as text.
- References in JCI form lose their `z=` and `g=` parameters (the date of the version being viewed):
  they differ in every version and would make unchanged articles look changed.
"""

from __future__ import annotations

import os
import re

from lxml import etree

from ..errors import AkkoordError
from . import names
from .strings import normalize_space as _space

# --- the BWB vocabulary ---------------------------------------------------------------------------

TOESTAND = "toestand"
WETGEVING = "wetgeving"
META_DATA = "meta-data"
KOP = "kop"

#: BWB division elements and the kind of division they become.
DIVISION_KINDS = {
    "deel": "part",
    "boek": "part",
    "hoofdstuk": "chapter",
    "titeldeel": "title",
    "afdeling": "section",
    "paragraaf": "paragraph",
    "sub-paragraaf": "subsection",
    "subparagraaf": "subsection",
}
ARTIKEL = "artikel"
BIJLAGE = "bijlage"
VERDRAGTEKST = "verdragtekst"
WETSLUITING = "wetsluiting"
ILLUSTRATIE = "illustratie"
#: How the closing formula with its signatures is named (it has no number of its own).
CLOSING_NUM = "Slotformulier en ondertekening"
#: illustratie attributes and the figure attributes they become.
_FIGURE_ATTRIBUTES = (("breedte", names.WIDTH), ("hoogte", names.HEIGHT))

#: Elements that hold one line of running text and become a `p`.
TEXT_BLOCKS = frozenset({"al", "considerans.al", "wij", "slotformulering.al", "tussenkop"})
#: Elements that are labels handled elsewhere (numbers of leden and list items) or no content at all.
SKIPPED = frozenset({META_DATA, KOP, "lidnr", "li.nr"})
#: Children that make an unknown element a container of blocks rather than a line of text.
BLOCKISH = frozenset({"al", "lid", "lijst", "tabel", "considerans.al", "li"})

#: Provenance attributes of an artikel copied into its origin, in this order.
PROVENANCE = (
    "inwerking",
    "bron",
    "effect",
    "ondertekening_bron",
    "publicatie_bron",
    "publicatie_iwt",
    "label-id",
    "bwb-ng-variabel-deel",
    "status",
)

_NADRUK = {
    "cur": (names.EM,),
    "schuin": (names.EM,),
    "vet": (names.STRONG,),
    "ond": (names.U,),
    "vet-cur": (names.STRONG, names.EM),
    "cur-vet": (names.STRONG, names.EM),
    "sup": (names.SUP,),
    "sub": (names.SUB,),
    "inf": (names.SUB,),
}
_SIMPLE_INLINE = {"sup": names.SUP, "inf": names.SUB, "sub": names.SUB}
_REFS = frozenset({"intref", "extref"})

_PUBLICATIE_DATES = {"ondertekeningsdatum": "ondertekend", "uitgiftedatum": "uitgegeven"}
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]")
_JCI = re.compile(r"(?:jci)?\d+\.\d+:")
_JCI_DATES = re.compile(r"&(?:amp;)?[zg]=[^&]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BWB_ID = re.compile(r"BWB[RV]\d{7}", re.IGNORECASE)
_VERSION_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2}(?:_\d+)?)$")
_NUM_MAX = 64
_STRUCTURE = frozenset({names.DIVISION, names.CLAUSE})


def _stable_href(value: str) -> str:
    """A JCI reference without the view and validity dates of the version it was taken from."""
    if _JCI.match(value):
        return _JCI_DATES.sub("", value)
    return value


def import_bwb_bytes(data: bytes, source: str = "<input>") -> etree._Element:
    """Parse BWB toestand XML (with the hardened parser) and convert it to an agreement tree."""
    from .xmlparse import parse_bytes

    return from_bwb(parse_bytes(data, source), source)


def from_bwb(root: etree._Element, source: str = "<input>", *, origin: bool = True) -> etree._Element:
    """Convert the root `toestand` element of a BWB document into a new `agreement` root element.

    `origin=False` leaves out every clause's `origin` (provenance and meta-data summary): for a
    caller that never reads it, such as a redline shown as text, which it makes 40% cheaper.
    The result is then not the document `akkoord import bwb` writes.
    """
    if root.tag != TOESTAND:
        raise AkkoordError.keyed("input.bwb.not_toestand", where=source, tag=str(root.tag))
    wetgeving = root.find(WETGEVING)
    if wetgeving is None:
        raise AkkoordError.keyed("input.bwb.no_wetgeving", where=source)
    return _Converter(source, origin).convert(root, wetgeving)


class _Converter:
    def __init__(self, source: str, origin: bool = True):
        self.source = source
        self.origin = origin
        self.used: set[str] = set()
        self.articles = 0  # articles seen so far: the number of last resort

    # ids -------------------------------------------------------------------------------------------
    def _unique(self, wanted: str) -> str:
        ident = wanted
        n = 2
        while ident in self.used:
            ident = f"{wanted}-{n}"
            n += 1
        self.used.add(ident)
        return ident

    def _id_for(self, prefix: str, element: etree._Element, fallback: str) -> str:
        label = element.get("label-id") or element.get("id") or ""
        label = _ID_UNSAFE.sub("-", label.strip())
        return self._unique(f"{prefix}{label}" if label else fallback)

    # document --------------------------------------------------------------------------------------
    def convert(self, toestand: etree._Element, wetgeving: etree._Element) -> etree._Element:
        bwb_id = self._bwb_id(toestand)
        doc_id = bwb_id.lower() if bwb_id else "bwb-document"
        self.used.add(doc_id)
        lang = _space(wetgeving.get("{http://www.w3.org/XML/1998/namespace}lang")) or "nl"
        agreement = etree.Element(names.AGREEMENT, {names.ID: doc_id, names.LANG: lang})

        meta = etree.SubElement(agreement, names.META)
        citeertitel = wetgeving.find("citeertitel")
        intitule = wetgeving.find("intitule")
        title = etree.SubElement(meta, names.TITLE)
        title_source = citeertitel if citeertitel is not None and _space("".join(citeertitel.itertext())) else intitule
        if title_source is not None:
            self._inline(title_source, title)
        else:
            title.text = bwb_id or os.path.basename(self.source)
        valid_from = toestand.get("inwerkingtreding") or wetgeving.get("inwerkingtredingsdatum") or ""
        if _DATE.fullmatch(valid_from.strip()):
            etree.SubElement(meta, names.DATE, {names.NAME: "valid-from", names.VALUE: valid_from.strip()})
        if bwb_id:
            self._property(meta, "bwb-id", bwb_id)
        version = self._version(toestand)
        if version:
            self._property(meta, "version", version)
        if intitule is not None:
            self._inline(intitule, etree.SubElement(meta, names.PROPERTY, {names.NAME: "intitule"}))

        preamble = etree.Element(names.PREAMBLE)
        body = etree.Element(names.BODY)
        for besluit in wetgeving:
            tag = besluit.tag
            if tag in ("intitule", "citeertitel", META_DATA) or not isinstance(tag, str):
                continue
            if tag == VERDRAGTEKST:
                self._division(besluit, body, "treaty")
                continue
            for part in besluit:
                ptag = part.tag
                if not isinstance(ptag, str) or ptag in SKIPPED:
                    continue
                if ptag == "aanhef" and not len(body):
                    self._blocks(part, preamble)
                elif ptag == WETSLUITING:
                    self._closing(part, body)
                elif ptag == BIJLAGE:
                    self._annex(part, body)
                elif ptag == VERDRAGTEKST:
                    self._division(part, body, "treaty")
                elif ptag == "aanhef" or not _holds_structure(part):  # text among the structure
                    self._text_clause(part, body, part)
                else:  # wettekst, regeling-tekst, or anything else holding the articles
                    self._structure(part, body, None)

        if len(preamble):
            agreement.append(preamble)
        agreement.append(body)
        return agreement

    def _bwb_id(self, toestand: etree._Element) -> str:
        for candidate in (toestand.get("bwb-id"), toestand.get("bwb-ng-vast-deel"), os.path.basename(self.source)):
            match = _BWB_ID.search(candidate or "")
            if match:
                return match.group(0).upper()
        return ""

    def _version(self, toestand: etree._Element) -> str:
        vast = (toestand.get("bwb-ng-vast-deel") or "").rstrip("/")
        parts = vast.split("/")
        if len(parts) >= 2 and _DATE.fullmatch(parts[-2]):
            return f"{parts[-2]}_{parts[-1]}"
        if parts and _DATE.fullmatch(parts[-1]):
            return parts[-1]
        stem = os.path.splitext(os.path.basename(self.source))[0]
        match = _VERSION_IN_NAME.search(stem)
        return match.group(1) if match else ""

    @staticmethod
    def _property(parent: etree._Element, name: str, value: str) -> None:
        prop = etree.SubElement(parent, names.PROPERTY)
        prop.set(names.NAME, name)
        prop.text = value

    # structure -------------------------------------------------------------------------------------
    def _structure(self, container: etree._Element, out: etree._Element, owner: etree._Element | None) -> None:
        """Convert the children of a BWB container (wettekst, a division) into divisions and clauses of `out`."""
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == ARTIKEL:
                self._clause(child, out)
            elif tag in DIVISION_KINDS:
                self._division(child, out, DIVISION_KINDS[tag])
            elif tag == BIJLAGE:
                self._annex(child, out)
            elif tag == VERDRAGTEKST:
                self._division(child, out, "treaty")
            elif tag == WETSLUITING:
                self._closing(child, out)
            elif _holds_structure(child):
                self._structure(child, out, owner)  # an unknown wrapper: look through it
            elif out.tag == names.DIVISION and not any(c.tag in _STRUCTURE for c in out):
                self._block(child, out)  # the division's own text, before its articles
            else:
                self._text_clause(child, out, owner if owner is not None else container)

    def _division(
        self, source: etree._Element, out: etree._Element, kind: str, *, recurse: bool = True
    ) -> etree._Element:
        division = etree.SubElement(out, names.DIVISION)
        division.set(names.ID, self._id_for("d", source, f"d-{kind}"))
        division.set(names.KIND, kind)
        kop = _child(source, KOP)
        num = _kop_num(kop) or _label_num(source, kop, None)
        if num:
            division.set(names.NUM, _clip(num))
        self._heading(kop, division)
        if recurse:
            self._structure(source, division, source)
        return division

    def _annex(self, bijlage: etree._Element, out: etree._Element) -> None:
        """A bijlage: an annex division; its content is one clause unless it holds articles of its own."""
        holds_structure = _holds_structure(bijlage)
        division = self._division(bijlage, out, "annex", recurse=holds_structure)
        if holds_structure:
            return
        if not any(isinstance(c.tag, str) and c.tag not in SKIPPED for c in bijlage):
            return  # a bijlage with only a heading
        clause = etree.SubElement(division, names.CLAUSE)
        clause.set(names.ID, self._id_for("b", bijlage, "b-annex"))
        clause.set(names.KIND, "annex")
        num = _display_label(bijlage, _child(bijlage, KOP)) or BIJLAGE
        clause.set(names.NUM, _clip(num))
        if self.origin:
            self._origin(bijlage, clause)
        self._blocks(bijlage, clause)

    def _closing(self, wetsluiting: etree._Element, out: etree._Element) -> None:
        """The closing formula, with the date and the signatures: a clause of kind "closing"."""
        clause = etree.SubElement(out, names.CLAUSE)
        clause.set(names.ID, self._id_for("s", wetsluiting, "s-closing"))
        clause.set(names.KIND, "closing")
        clause.set(names.NUM, CLOSING_NUM)
        if self.origin:
            self._origin(wetsluiting, clause)
        self._blocks(wetsluiting, clause)

    def _text_clause(self, source: etree._Element, out: etree._Element, owner: etree._Element) -> None:
        """Text in a division outside any article (e.g. `structuurtekst`): a clause of its own, so no word is lost."""
        clause = etree.Element(names.CLAUSE)
        clause.set(names.ID, self._id_for("t", owner, "t-text"))
        clause.set(names.KIND, "text")
        kop = _child(owner, KOP)
        clause.set(names.NUM, _clip(_display_label(owner, kop) or str(source.tag)))
        self._block(source, clause)
        if len(clause):
            out.append(clause)
        else:
            self.used.discard(clause.get(names.ID))

    def _heading(self, kop: etree._Element | None, out: etree._Element) -> None:
        if kop is None:
            return
        for tag, name in (("titel", names.HEADING), ("subtitel", names.SUBHEADING)):
            titel = _child(kop, tag)
            if titel is not None and _space("".join(titel.itertext())):
                self._inline(titel, etree.SubElement(out, name))

    # clauses ---------------------------------------------------------------------------------------
    def _clause(self, artikel: etree._Element, out: etree._Element) -> None:
        self.articles += 1
        clause = etree.SubElement(out, names.CLAUSE)
        clause.set(names.ID, self._id_for("a", artikel, f"a-{self.articles}"))
        kop = _child(artikel, KOP)
        num = _kop_num(kop) or _label_num(artikel, kop) or _space(artikel.get("label-id")) or str(self.articles)
        clause.set(names.NUM, _clip(num))
        self._heading(kop, clause)
        if self.origin:
            self._origin(artikel, clause)
        self._blocks(artikel, clause)

    def _origin(self, source: etree._Element, clause: etree._Element) -> None:
        origin = etree.SubElement(clause, names.ORIGIN)
        for attribute in PROVENANCE:
            value = source.get(attribute)
            if value is not None and value.strip():
                self._property(origin, attribute, _space(value))
        for meta in source.iterchildren(META_DATA):
            for name, value in _meta_summary(meta):
                self._property(origin, name, value)
        if not len(origin):
            clause.remove(origin)

    # blocks ----------------------------------------------------------------------------------------
    def _blocks(self, source: etree._Element, out: etree._Element) -> None:
        """Append the block content of `source`'s children to `out` (a clause, para, item or preamble)."""
        stray = source.text
        if stray and not stray.isspace():
            etree.SubElement(out, names.P).text = stray
        for child in source:
            tag = child.tag
            if isinstance(tag, str) and tag not in SKIPPED:
                self._block(child, out)
            tail = child.tail
            if tail and not tail.isspace():
                etree.SubElement(out, names.P).text = tail

    def _block(self, child: etree._Element, out: etree._Element) -> None:
        tag = child.tag
        if tag in TEXT_BLOCKS:
            self._inline(child, etree.SubElement(out, names.P))
        elif tag == "lid":
            self._lid(child, out)
        elif tag == "lijst":
            self._list(child, out)
        elif tag == "li":  # a list item outside a list: a list of one, so its number stays
            self._list(child, out, items=(child,))
        elif tag == "tabel" or tag == "table":
            self._table(child, out)
        elif tag == ILLUSTRATIE:
            self._figure(child, out)
        elif tag == ARTIKEL or tag in DIVISION_KINDS:
            self._blocks(child, out)  # structure where only text fits: keep its words
        elif any(isinstance(c.tag, str) and c.tag in BLOCKISH for c in child):
            self._blocks(child, out)  # an unknown container of blocks (structuurtekst, ...)
        else:
            text = _words(child)
            if text:
                etree.SubElement(out, names.P).text = text

    @staticmethod
    def _figure(illustratie: etree._Element, out: etree._Element) -> None:
        figure = etree.SubElement(out, names.FIGURE)
        figure.set(names.SRC, _space(illustratie.get("naam")) or _space(illustratie.get("src")) or "?")
        for source, target in _FIGURE_ATTRIBUTES:
            value = _space(illustratie.get(source))
            if value:
                figure.set(target, value)

    def _lid(self, lid: etree._Element, out: etree._Element) -> None:
        num = _space(_first_text(lid, "lidnr"))
        if out.tag == names.CLAUSE:
            para = etree.SubElement(out, names.PARA)
            if num and len(num) <= _NUM_MAX:
                para.set(names.NUM, num)
            elif num:
                etree.SubElement(para, names.P).text = num
            self._blocks(lid, para)
        else:  # a lid where no para fits (preamble, list item): keep its number as text
            if num:
                etree.SubElement(out, names.P).text = num
            self._blocks(lid, out)

    def _list(
        self, lijst: etree._Element, out: etree._Element, items: tuple[etree._Element, ...] | None = None
    ) -> None:
        lst = etree.Element(names.LIST)
        kind = lijst.get("type") if items is None else None
        if kind:
            lst.set(names.KIND, kind)
        for child in lijst if items is None else items:
            tag = child.tag
            if not isinstance(tag, str) or tag == META_DATA:
                continue
            item = etree.SubElement(lst, names.ITEM)
            if tag == "li":
                num = _space(_first_text(child, "li.nr"))
                if num and len(num) <= _NUM_MAX:
                    item.set(names.NUM, num)
                elif num:
                    etree.SubElement(item, names.P).text = num
                self._blocks(child, item)
            else:  # e.g. wetverwijzingen: an unnumbered item with its words
                self._block(child, item)
        if len(lst):
            out.append(lst)

    def _table(self, tabel: etree._Element, out: etree._Element) -> None:
        table = etree.Element(names.TABLE)
        before: list[etree._Element] = []
        after: list[etree._Element] = []
        self._table_part(tabel, table, before, after)
        for p in before:
            out.append(p)
        if len(table):
            out.append(table)
        for p in after:
            out.append(p)

    def _table_part(
        self,
        source: etree._Element,
        table: etree._Element,
        before: list[etree._Element],
        after: list[etree._Element],
    ) -> None:
        for child in source:
            tag = child.tag
            if not isinstance(tag, str) or tag == META_DATA or tag in ("colspec", "spanspec"):
                continue
            if tag == "row":
                row = etree.SubElement(table, names.ROW)
                for entry in child:
                    if not isinstance(entry.tag, str) or entry.tag == META_DATA:
                        continue
                    self._cell(entry, etree.SubElement(row, names.CELL))
                if not len(row):
                    etree.SubElement(row, names.CELL)
            elif tag in ("table", "tgroup", "thead", "tbody", "tfoot"):
                self._table_part(child, table, before, after)
            else:  # a title or note of the table: text around it
                text = _words(child)
                if text:
                    p = etree.Element(names.P)
                    p.text = text
                    (after if len(table) else before).append(p)

    def _cell(self, entry: etree._Element, cell: etree._Element) -> None:
        if any(isinstance(c.tag, str) and c.tag in BLOCKISH for c in entry):
            first = True
            _append_text(cell, entry.text)
            for child in entry:
                if isinstance(child.tag, str) and child.tag != META_DATA:
                    if not first:
                        _append_text(cell, " ")
                    first = False
                    if child.tag in TEXT_BLOCKS:
                        self._inline(child, cell)
                    else:
                        _append_text(cell, _words(child))
                _append_text(cell, child.tail)
        else:
            self._inline(entry, cell)

    # inline ----------------------------------------------------------------------------------------
    def _inline(self, source: etree._Element, out: etree._Element) -> None:
        """Append the mixed content of `source` to `out`, mapping BWB inline markup to ours."""
        _append_text(out, source.text)
        for child in source:
            tag = child.tag
            if isinstance(tag, str) and tag != META_DATA:
                if tag == "nadruk":
                    mapped = _NADRUK.get((child.get("type") or "").strip())
                    if mapped:
                        target = etree.SubElement(out, mapped[0])
                        for inner in mapped[1:]:
                            target = etree.SubElement(target, inner)
                        self._inline(child, target)
                    else:
                        self._inline(child, out)
                elif tag in _REFS:
                    ref = etree.SubElement(out, names.REF)
                    href = _ref_href(child)
                    if href:
                        ref.set(names.HREF, href)
                    self._inline(child, ref)
                elif tag in _SIMPLE_INLINE:
                    self._inline(child, etree.SubElement(out, _SIMPLE_INLINE[tag]))
                elif tag == ILLUSTRATIE:
                    self._figure(child, out)
                elif child.text is None and len(child) and not _has_mixed_text(child):
                    _append_text(out, _words(child))  # element-only content: words apart
                else:
                    self._inline(child, out)  # unknown inline (redactie, ...): keep its text
            _append_text(out, child.tail)


# --- helpers ---------------------------------------------------------------------------------------


def _append_text(out: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(out):
        last = out[-1]
        last.tail = (last.tail or "") + text
    else:
        out.text = (out.text or "") + text


def _has_mixed_text(element: etree._Element) -> bool:
    text = element.text
    if text and not text.isspace():
        return True
    for child in element:
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


def _words(element: etree._Element) -> str:
    """All text of `element` except meta-data, with a space between elements that hold no running text."""
    out: list[str] = []
    _collect_words(element, out)
    return _space(" ".join(out))


def _collect_words(element: etree._Element, out: list[str]) -> None:
    if not _has_mixed_text(element):
        for child in element:
            if isinstance(child.tag, str) and child.tag != META_DATA:
                _collect_words(child, out)
        if not len(element) and element.text:
            out.append(element.text)
        return
    parts: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag != META_DATA:
            inner: list[str] = []
            _collect_words(child, inner)
            parts.append(" ".join(inner) if not _has_mixed_text(child) else "".join(inner))
        parts.append(child.tail or "")
    out.append("".join(parts))


def _first_text(element: etree._Element, tag: str) -> str:
    """All text of the first child named `tag` ("" if there is none)."""
    child = next(element.iterchildren(tag), None)
    if child is None:
        return ""
    return "".join(child.itertext()) if len(child) else child.text or ""


def _child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child named `tag` (a C-level lookup; `find` goes through ElementPath)."""
    return next(element.iterchildren(tag), None)


def _holds_structure(element: etree._Element) -> bool:
    """Whether an element holds articles or divisions anywhere below it."""
    for _ in element.iter(ARTIKEL, *DIVISION_KINDS):
        if _ is not element:
            return True
    return False


def _clip(num: str) -> str:
    return num[:_NUM_MAX].strip() or num[:_NUM_MAX]


def _kop_num(kop: etree._Element | None) -> str:
    if kop is None:
        return ""
    nr = _child(kop, "nr")
    if nr is None:
        return ""
    return _clip(_space("".join(nr.itertext())))


def _label_num(element: etree._Element, kop: etree._Element | None, word: str | None = "artikel") -> str:
    """A number from the `label` attribute or the kop's label, for when the kop has no nr.

    "Artikel 3a" -> "3a". With `word` "artikel" another label is a number as it stands ("Slotartikel");
    with `word` None (divisions) the first word is the kind ("Hoofdstuk 3" -> "3") and a lone word no number.
    """
    candidates = [element.get("label")]
    if kop is not None:
        candidates.append(_first_text(kop, "label"))
    for candidate in candidates:
        text = _space(candidate)
        head, _, rest = text.partition(" ")
        rest = rest.strip()
        if word is None or head.lower() == word:
            if rest:
                return rest
        elif text:
            return text
    return ""


def _display_label(element: etree._Element, kop: etree._Element | None) -> str:
    """How the law names an element, e.g. "Afdeling 9" or "Tabel I": its `label` attribute, else kop label and nr."""
    label = _space(element.get("label"))
    if label:
        return label
    if kop is None:
        return ""
    words = [_space(_first_text(kop, "label")), _kop_num(kop)]
    return " ".join(word for word in words if word)


def _ref_href(ref: etree._Element) -> str:
    for attribute in ("doc", "verwijzing"):
        value = (ref.get(attribute) or "").strip()
        if value and value != "onbekend":
            return _stable_href(value)
    return (ref.get("anker") or "").strip()


# --- meta-data summaries ---------------------------------------------------------------------------


def _meta_summary(meta: etree._Element) -> list[tuple[str, str]]:
    """Compact name/value lines for an element's `meta-data`: its sources, retroactivity and JCI citation."""
    bron: list[str] = []
    retro: list[str] = []
    jci = ""
    for child in meta:
        tag = child.tag
        if tag == "brondata":
            text = _brondata_cached(child)
            if text:
                bron.append(text)
        elif tag == "terugwerkende-kracht-data":
            for kracht in child:
                if isinstance(kracht.tag, str):
                    retro.append(_terugwerkend(kracht))
        elif tag == "jcis":
            first = _child(child, "jci")
            if first is not None and not jci:
                jci = _stable_href((first.get("korte-verwijzing") or first.get("verwijzing") or "").strip())
    found = []
    if bron:
        found.append(("brondata", " | ".join(bron)))
    retro = [r for r in retro if r]
    if retro:
        found.append(("terugwerkende-kracht", " | ".join(retro)))
    if jci:
        found.append(("jci", jci))
    return found


# Summaries of `brondata` by their XML: articles changed by the same law carry the same sources,
# so a law has a few dozen distinct brondata for hundreds of articles, and two versions of a law
# (a redline) share nearly all of them. Serializing the subtree (in C) costs a tenth of
# summarizing it. Bounded: cleared when full.
_BRONDATA_CACHE: dict[bytes, str] = {}
_BRONDATA_CACHE_SIZE = 4096


def _brondata_cached(brondata: etree._Element) -> str:
    key = etree.tostring(brondata, with_tail=False)
    text = _BRONDATA_CACHE.get(key)
    if text is None:
        if len(_BRONDATA_CACHE) >= _BRONDATA_CACHE_SIZE:
            _BRONDATA_CACHE.clear()
        text = _BRONDATA_CACHE[key] = _brondata(brondata)
    return text


def _publicatie(publicatie: etree._Element) -> str:
    """E.g. "Stb. 2000, 185 (wijziging, ondertekend 2000-05-02, uitgegeven 2000-05-11, kamerstuk 26277)"."""
    jaar = nr = ""
    dates: dict[str, str] = {}
    extra: list[str] = []
    for child in publicatie:
        tag = child.tag
        if tag == "publicatiejaar":
            jaar = _space(child.text)
        elif tag == "publicatienr":
            nr = _space(child.text)
        elif tag in _PUBLICATIE_DATES:
            value = _space(child.get("isodatum")) or _space(child.text)
            if value:
                dates[tag] = f"{_PUBLICATIE_DATES[tag]} {value}"
        elif tag == "dossierref":
            value = _space(child.get("dossier")) or _space(child.text)
            if value:
                extra.append(f"kamerstuk {value}")
        elif isinstance(tag, str):
            value = _space("".join(child.itertext()))
            if value:
                extra.append(f"{tag} {value}")
    details = [_space(publicatie.get("effect"))]
    details.extend(dates[key] for key in _PUBLICATIE_DATES if key in dates)
    details.extend(extra)
    details = [d for d in details if d]
    soort = _space(publicatie.get("soort"))
    number = f"{jaar}, {nr}" if jaar and nr else jaar or nr
    cite = f"{soort}. {number}" if soort and number else soort or number
    return f"{cite} ({', '.join(details)})" if details else cite


def _brondata(brondata: etree._Element) -> str:
    parts: list[str] = []
    for child in brondata:
        tag = child.tag
        if tag in ("oorspronkelijk", "inwerkingtreding"):
            pubs: list[str] = []
            for sub in child:
                if sub.tag == "publicatie":
                    pubs.append(_publicatie(sub))
                elif sub.tag == "juncto":
                    pubs.extend("juncto " + _publicatie(p) for p in sub.iterchildren("publicatie"))
                elif sub.tag == "rectificatie":
                    pubs.extend("rectificatie " + _publicatie(p) for p in sub.iterchildren("publicatie"))
                elif sub.tag == "inwerkingtreding.datum":
                    value = _space(sub.get("isodatum")) or _space(sub.text)
                    if value:
                        pubs.append(f"per {value}")
                elif sub.tag == "terugwerkend.datum":
                    value = _space(sub.get("isodatum")) or _space(sub.text)
                    if value:
                        pubs.append(f"terugwerkend {_space(sub.get('datum-scope'))} {value}".replace("  ", " "))
                elif isinstance(sub.tag, str):
                    text = _words(sub)
                    if text:
                        pubs.append(text)
            label = "oorspronkelijk" if tag == "oorspronkelijk" else "inwerkingtreding"
            if pubs:
                parts.append(f"{label}: {' '.join(pubs)}")
        elif tag == "opmerkingen-inhoud":
            text = _words(child)
            if text:
                parts.append(f"opmerking: {text}")
        elif isinstance(tag, str):
            text = _words(child)
            if text:
                parts.append(f"{tag}: {text}")
    return "; ".join(parts)


def _terugwerkend(kracht: etree._Element) -> str:
    parts: list[str] = []
    terugwerking = _space(kracht.get("terugwerking"))
    if terugwerking:
        parts.append(f"terugwerking {terugwerking}")
    for generated in kracht.iter("gegenereerde-tekst"):
        text = _space("".join(generated.itertext()))
        if text:
            parts.append(text)
        break
    return ": ".join(parts)
