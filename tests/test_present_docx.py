"""The DOCX redline: a valid package whose changes are real tracked changes, checked by
structure and then by LibreOffice itself (headless conversion to flat ODF; skipped when
`soffice` is not installed): LibreOffice must list the revisions with our author, accepting
all of them must give the new text and rejecting all of them the old text."""

from __future__ import annotations

import difflib
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from akkoordvc.ops.redline import (
    ADDED,
    MODIFIED,
    MOVED,
    REMOVED,
    RENUMBERED,
    SPLIT,
    UNCHANGED,
    ClauseChange,
    Redline,
    Side,
)
from akkoordvc.present import docx as docx_render
from akkoordvc.present.labels import clause_name, labels

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AUTHOR = "Mr. J. de Vries & Co"
DATE = "2023-03-01T00:00:00Z"

# -- a hand-built redline ------------------------------------------------------------------


def seg_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A word diff for test data (difflib over words with their leading space)."""
    a, b = re.findall(r"\s*\S+|\s+", old), re.findall(r"\s*\S+|\s+", new)
    out: list[tuple[str, str]] = []

    def add(op, text):
        if text:
            if out and out[-1][0] == op:
                out[-1] = (op, out[-1][1] + text)
            else:
                out.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("=", "".join(a[i1:i2]))
        else:
            add("-", "".join(a[i1:i2]))
            add("+", "".join(b[j1:j2]))
    return out


# old and new documents: (id, num, heading, text, division id, division label)
D1, D2 = ("h1", "Hoofdstuk 1 Algemeen"), ("h2", "Hoofdstuk 2 Zeggenschap")
OLD = [
    ("begrippen", "1", "Begrippen", "In dit akkoord wordt verstaan onder gemeente: de gemeente Amsterdam.", D1),
    ("doel", "2", "Doel", "Dit akkoord heeft tot doel de zeggenschap van bewoners te vergroten.", D1),
    ("looptijd", "3", "Looptijd", "Dit akkoord geldt tot en met 31 december 2025.", D1),
    ("budget", "4", "Buurtbegroting", "Elk stadsdeel stelt jaarlijks een buurtbegroting vast van € 1.000.000,-.", D2),
    ("uitdaag", "5", "Uitdaagrecht", "Bewoners kunnen de gemeente uitdagen.", D2),
    ("evaluatie", "6", "Evaluatie", "De partijen evalueren dit akkoord in 2024.", D2),
]
NEW = [
    (
        "begrippen",
        "1",
        "Begrippen",
        "In dit akkoord wordt verstaan onder gemeente: het college & zijn raad <samen>.",
        D1,
    ),
    (
        "looptijd",
        "2",
        "Looptijd en opzegging",
        "Dit akkoord geldt tot en met 31\u00a0december 2026.  Opzeggen kan\tschriftelijk.",
        D1,
    ),
    ("evaluatie", "3", "Evaluatie", "De partijen evalueren dit akkoord jaarlijks.", D1),
    ("budget", "4", "Buurtbegroting", "Elk stadsdeel stelt jaarlijks een buurtbegroting vast van € 1.000.000,-.", D2),
    ("buurtrecht", "5", "Buurtrechten", " Bewoners hebben het recht een taak van de gemeente over te nemen. ", D2),
    ("uitdaag", "6", "Uitdaagrecht", "Bewoners kunnen de gemeente uitdagen.", D2),
]
# new order, removed clauses where they stood: (new index, old index, kinds)
PAIRS = [
    (0, 0, (MODIFIED,)),
    (None, 1, (REMOVED,)),
    (1, 2, (MODIFIED, RENUMBERED)),
    (2, 5, (MOVED, MODIFIED, RENUMBERED)),
    (3, 3, (UNCHANGED,)),
    (4, None, (ADDED,)),
    (5, 4, (RENUMBERED,)),
]


def sample(lang: str = "nl") -> Redline:
    clauses = []
    for n, o, kinds in PAIRS:
        new = NEW[n] if n is not None else None
        old = OLD[o] if o is not None else None
        old_text, new_text = (old[3] if old else ""), (new[3] if new else "")
        old_heading, heading = (old[2] if old else None), (new[2] if new else None)
        words = seg_diff(old_text, new_text)
        c = ClauseChange(
            kinds[0],
            kinds,
            new and new[0],
            old and old[0],
            num=new and new[1],
            old_num=old and old[1],
            heading=heading,
            old_heading=old_heading,
            old_text=old_text,
            new_text=new_text,
            words=words,
            heading_words=seg_diff(old_heading or "", heading or "") if old_heading != heading else [],
            division=new and new[4][0],
            old_division=old and old[4][0],
            division_label=new[4][1] if new else "",
            old_division_label=old[4][1] if old else "",
            words_inserted=sum(len(re.findall(r"\w+", t)) for op, t in words if op == "+"),
            words_deleted=sum(len(re.findall(r"\w+", t)) for op, t in words if op == "-"),
        )
        if o is not None:
            c.old_position = o
        clauses.append(c)
    old = Side("v1", "Concept 1", "a" * 64, title="Akkoord <Test>", lang=lang, doc_id="test")
    new = Side("v2", "Concept 2", "b" * 64, title="Akkoord <Test>", lang=lang, doc_id="test")
    return Redline(old, new, clauses)


def expected(side: str, skip=()) -> list[tuple[str, str]]:
    """The clause paragraphs (kind, text) of one version: a heading, then the text."""
    lab = labels("nl")
    out = []
    for cid, num, heading, text, _div in OLD if side == "old" else NEW:
        if cid in skip:
            continue
        out.append(("heading", f"{clause_name(lab, num)} {heading}"))
        out.append(("text", text))
    return out


def render(**kw) -> bytes:
    return docx_render.render(sample(), author=AUTHOR, date=DATE, **kw)


def document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


# -- the package ----------------------------------------------------------------------------


def test_package_parts_and_relationships():
    data = render()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert names[0] == "[Content_Types].xml"
        for part in (
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/settings.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
        ):
            assert part in names
        parts = {name: etree.fromstring(z.read(name)) for name in names}  # all well-formed
    types = parts["[Content_Types].xml"]
    overrides = {el.get("PartName"): el.get("ContentType") for el in types}
    assert overrides["/word/document.xml"].endswith("wordprocessingml.document.main+xml")
    rels = parts["_rels/.rels"]
    assert "word/document.xml" in [r.get("Target") for r in rels]
    doc_rels = [r.get("Target") for r in parts["word/_rels/document.xml.rels"]]
    assert sorted(doc_rels) == ["settings.xml", "styles.xml"]
    core = parts["docProps/core.xml"]
    assert core.findtext("{http://purl.org/dc/elements/1.1/}creator") == AUTHOR
    assert core.findtext("{http://purl.org/dc/elements/1.1/}language") == "nl-NL"
    assert core.findtext("{http://purl.org/dc/terms/}created") == DATE
    styles = parts["word/styles.xml"]
    style_ids = set(styles.xpath("//w:style/@w:styleId", namespaces=NS))
    used = set(parts["word/document.xml"].xpath("//w:pStyle/@w:val | //w:rStyle/@w:val", namespaces=NS))
    assert used <= style_ids
    assert render() == data  # deterministic for the same date


def test_revisions_are_well_formed():
    root = document_xml(render())
    revisions = root.xpath("//w:ins | //w:del", namespaces=NS)
    assert revisions
    ids = []
    for rev in revisions:
        assert rev.get(f"{{{W}}}author") == AUTHOR
        assert rev.get(f"{{{W}}}date") == DATE
        ids.append(rev.get(f"{{{W}}}id"))
    ids += root.xpath("//w:bookmarkStart/@w:id", namespaces=NS)
    assert len(ids) == len(set(ids)), "w:id values must be unique"
    assert not root.xpath("//w:ins//w:del | //w:del//w:ins", namespaces=NS), "no w:del inside w:ins"
    # deleted text is w:delText, never w:t; inserted text is w:t
    assert not root.xpath("//w:del//w:t", namespaces=NS)
    assert not root.xpath("//w:ins//w:delText | //w:delText[not(ancestor::w:del)]", namespaces=NS)
    for t in root.xpath("//w:t | //w:delText", namespaces=NS):
        if t.text != t.text.strip():
            assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve", t.text
    # the run-level revisions hold runs; paragraph-mark revisions sit in w:pPr/w:rPr
    for rev in revisions:
        parent = etree.QName(rev.getparent()).localname
        if parent == "rPr":
            assert etree.QName(rev.getparent().getparent()).localname == "pPr"
            assert len(rev) == 0
        else:
            assert parent in ("p", "hyperlink") and all(etree.QName(c).localname == "r" for c in rev)


def test_no_insertion_runs_on_across_an_untracked_paragraph_mark():
    """LibreOffice would join an insertion ending a paragraph (mark not tracked) with one starting
    the next paragraph, so "reject all" would join the paragraphs: the renderer keeps them apart."""
    root = document_xml(render(include_unchanged=True))
    body = [p for p in root.iter(f"{{{W}}}p")]
    content = [[c for c in p if etree.QName(c).localname in ("r", "ins", "del", "hyperlink")] for p in body]
    for p, this, following in zip(body, content, content[1:], strict=False):
        mark = p.find("w:pPr/w:rPr/w:ins", namespaces=NS)
        if this and following and mark is None:
            assert not (etree.QName(this[-1]).localname == "ins" and etree.QName(following[0]).localname == "ins")


def paragraphs(root) -> list[tuple[str, str | None, etree._Element]]:
    """(style id, tracked paragraph mark "ins"/"del"/None, element) for every paragraph."""
    out = []
    for p in root.iter(f"{{{W}}}p"):
        style = p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
        mark = p.find("w:pPr/w:rPr/*", namespaces=NS)
        out.append((style, etree.QName(mark).localname if mark is not None else None, p))
    return out


def test_added_and_removed_paragraphs_track_the_paragraph_mark():
    root = document_xml(render(include_unchanged=True))
    marks = {}
    for style, mark, p in paragraphs(root):
        text = "".join(p.xpath(".//w:t/text() | .//w:delText/text()", namespaces=NS))
        marks[text] = (style, mark)
    assert marks["Artikel 5 Buurtrechten"] == ("Heading2", "ins")
    assert marks[NEW[4][3]] == ("AkkoordClause", "ins")
    assert marks["Artikel 2 Doel"] == ("Heading2", "del")
    assert marks[OLD[1][3]] == ("AkkoordClause", "del")
    # moved: deleted where it stood, inserted where it stands
    assert marks["Artikel 6 Evaluatie"] == ("Heading2", "del")
    assert marks["Artikel 3 Evaluatie"] == ("Heading2", "ins")
    assert marks["Artikel 4 Buurtbegroting"] == ("Heading2", None)


def test_renumbering_and_heading_changes_are_tracked():
    root = document_xml(render())
    (heading,) = [p for p in root.iter(f"{{{W}}}p") if "Looptijd" in "".join(p.itertext())]
    deleted = heading.xpath(".//w:del//w:delText/text()", namespaces=NS)
    inserted = heading.xpath(".//w:ins//w:t/text()", namespaces=NS)
    assert deleted == ["3"] and inserted == ["2", " en opzegging"]


def test_moved_notes_link_both_ways():
    root = document_xml(render())
    bookmarks = set(root.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    anchors = root.xpath("//w:hyperlink/@w:anchor", namespaces=NS)
    assert sorted(anchors) == ["c_evaluatie", "was_evaluatie"]
    assert set(anchors) <= bookmarks
    texts = ["".join(h.itertext()) for h in root.iter(f"{{{W}}}hyperlink")]
    assert "verplaatst van Hoofdstuk 2 Zeggenschap (artikel 6)" in texts
    assert "verplaatst naar Hoofdstuk 1 Algemeen (artikel 3)" in texts


def test_dutch_and_english_labels():
    nl = "".join(document_xml(render()).itertext())
    assert "Wijzigingen in Akkoord <Test>" in nl and "Overzicht" in nl and "toegevoegd" in nl
    en = "".join(document_xml(docx_render.render(sample("en"), date=DATE)).itertext())
    assert "Changes to Akkoord <Test>" in en and "Article 5 Buurtrechten" in en


def test_unchanged_clauses_only_when_asked():
    short = "".join(document_xml(render()).itertext())
    assert "Artikel 4 Buurtbegroting" not in short and "1 ongewijzigd artikel" in short
    full = "".join(document_xml(render(include_unchanged=True)).itertext())
    assert "Artikel 4 Buurtbegroting" in full


def test_odd_input_still_renders():
    """No clauses, no language, odd ids and characters XML cannot hold."""
    empty = docx_render.render(Redline(Side("", None, ""), Side("", None, ""), []), date=DATE)
    assert "No changes" in "".join(document_xml(empty).itertext())
    odd = [
        ClauseChange(
            ADDED, (ADDED,), 'x "y" <z> ' + "k" * 60, None, new_text="Nieuw\x01.", words=[("+", "Nieuw\x01.")]
        ),
        ClauseChange(REMOVED, (REMOVED,), None, "1&b", old_text="Oud."),
        ClauseChange(MOVED, (MOVED,), "m", "m", num="2", old_num="1", old_text="Zelfde.", new_text="Zelfde."),
    ]
    root = document_xml(docx_render.render(Redline(Side("r1", "", "0" * 64), Side("r2", "", "1" * 64), odd), date=DATE))
    names = root.xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", n) for n in names), names
    assert set(root.xpath("//w:hyperlink/@w:anchor", namespaces=NS)) <= set(names)
    assert "Nieuw\ufffd." in "".join(root.xpath("//w:t/text()", namespaces=NS))


def test_dates():
    assert docx_render.iso_date("2023-03-01") == "2023-03-01T00:00:00Z"
    assert docx_render.iso_date("2023-03-01T12:30:00+02:00") == "2023-03-01T10:30:00Z"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", docx_render.iso_date(None))
    with pytest.raises(ValueError):
        docx_render.iso_date("1 maart 2023")


# -- LibreOffice ------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) not on PATH (CI apt-installs libreoffice-writer-nogui: see .ci/run)"
)

ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DC = "http://purl.org/dc/elements/1.1/"


def T(tag):
    return f"{{{ODF_TEXT}}}{tag}"


def convert(tmp_path: Path, data: bytes, fmt: str = "fodt") -> etree._Element:
    """Let LibreOffice open the .docx and save it as flat ODF; its own user profile per test."""
    src = tmp_path / "redline.docx"
    src.write_bytes(data)
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            fmt,
            "--outdir",
            str(out),
            str(src),
        ],
        capture_output=True,
        timeout=180,
    )
    result = out / f"redline.{fmt}"
    assert result.exists(), (
        proc.returncode,
        proc.stdout.decode(errors="replace"),
        proc.stderr.decode(errors="replace"),
    )
    return etree.parse(str(result)).getroot()


def _style_names(root) -> dict[str, str]:
    """Automatic paragraph style -> the named style it derives from; ODF names decoded (_20_ -> space)."""

    def decode(name):
        return re.sub(r"_([0-9a-fA-F]{2})_", lambda m: chr(int(m.group(1), 16)), name)

    parents = {}
    for st in root.iter(f"{{{ODF_STYLE}}}style"):
        parent = st.get(f"{{{ODF_STYLE}}}parent-style-name")
        if parent and st.getparent().tag == f"{{{ODF_OFFICE}}}automatic-styles":
            parents[st.get(f"{{{ODF_STYLE}}}name")] = parent
    return {k: decode(v) for k, v in parents.items()} | {"__decode__": decode}


def _events(element, events):
    """Flatten paragraph content into ("text", s), ("start", id), ("end", id), ("point", id)."""
    if element.text:
        events.append(("text", element.text))
    for child in element:
        tag = child.tag
        if tag == T("s"):
            events.append(("text", " " * int(child.get(T("c"), "1"))))
        elif tag == T("tab"):
            events.append(("text", "\t"))
        elif tag == T("line-break"):
            events.append(("text", "\n"))
        elif tag == T("change-start"):
            events.append(("start", child.get(T("change-id"))))
        elif tag == T("change-end"):
            events.append(("end", child.get(T("change-id"))))
        elif tag == T("change"):
            events.append(("point", child.get(T("change-id"))))
        elif tag in (T("span"), T("a")):
            _events(child, events)
        # bookmarks, soft page breaks, ...: no text
        if child.tail:
            events.append(("text", child.tail))


def tracked_changes(root) -> dict[str, tuple[str, str, etree._Element]]:
    """change id -> (kind "insertion"/"deletion", creator, the region element)."""
    out = {}
    for region in root.iter(T("changed-region")):
        (change,) = [c for c in region if c.tag in (T("insertion"), T("deletion"), T("format-change"))]
        creator = change.findtext(f"{{{ODF_OFFICE}}}change-info/{{{DC}}}creator")
        out[region.get(T("id"))] = (etree.QName(change).localname, creator, region)
    return out


def apply_all(root, accept: bool) -> list[tuple[str, str]]:
    """The body's paragraphs (style, text) after accepting (or rejecting) every tracked change.

    Accepting drops the deleted ranges and keeps the inserted ones; rejecting drops the inserted
    ranges and keeps (or restores) the deleted ones. A dropped range that holds a paragraph end
    joins that paragraph with the next; the joined paragraph keeps the style of the first part
    unless all of that part's text was dropped (then the next one's, as a word processor does).
    """
    changes = tracked_changes(root)
    styles = _style_names(root)
    decode = styles.pop("__decode__")
    drop_kind = "deletion" if accept else "insertion"
    text_body = root.find(f"{{{ODF_OFFICE}}}body/{{{ODF_OFFICE}}}text")
    open_drops: set[str] = set()
    paragraphs: list[list[str]] = []
    joining = False
    for block in text_body:
        if block.tag not in (T("p"), T("h")):
            continue
        raw = block.get(T("style-name"), "")
        style = styles.get(raw, decode(raw))
        if joining and paragraphs:
            if not paragraphs[-1][1]:
                paragraphs[-1][0] = style
        else:
            paragraphs.append([style, ""])
        events: list = []
        _events(block, events)
        for kind, value in events:
            if kind == "start" and changes[value][0] == drop_kind:
                open_drops.add(value)
            elif kind == "end":
                open_drops.discard(value)
            elif kind == "point":  # old-style deletion: the deleted text lives in the region
                kind_, _, region = changes[value]
                if kind_ == "deletion" and not accept:
                    deleted = region.find(T("deletion"))
                    parts = [p for p in deleted if p.tag in (T("p"), T("h"))]
                    for i, p in enumerate(parts):
                        ev: list = []
                        _events(p, ev)
                        if i:
                            paragraphs.append([paragraphs[-1][0], ""])
                        paragraphs[-1][1] += "".join(v for k, v in ev if k == "text")
            elif kind == "text" and not open_drops:
                paragraphs[-1][1] += value
        joining = bool(open_drops)  # the paragraph end lies inside a dropped range
    return [(style, text) for style, text in paragraphs]


def clause_paragraphs(paragraphs) -> list[tuple[str, str]]:
    kinds = {"Heading 2": "heading", docx_render.STYLE_CLAUSE: "text"}
    return [(kinds[style], text) for style, text in paragraphs if style in kinds]


@pytest.mark.slow
@needs_soffice
def test_libreoffice_lists_the_revisions_and_accept_reject_give_new_and_old(tmp_path):
    data = render(include_unchanged=True)
    root = convert(tmp_path, data)
    changes = tracked_changes(root)
    kinds = [kind for kind, _, _ in changes.values()]
    assert kinds.count("insertion") >= 5 and kinds.count("deletion") >= 5, kinds
    assert {creator for _, creator, _ in changes.values()} == {AUTHOR}
    # every change LibreOffice lists is marked in the text
    body = etree.tostring(root.find(f"{{{ODF_OFFICE}}}body"), encoding="unicode")
    for cid in changes:
        assert f'text:change-id="{cid}"' in body

    accepted = clause_paragraphs(apply_all(root, accept=True))
    rejected = clause_paragraphs(apply_all(root, accept=False))
    assert accepted == expected("new")
    assert rejected == expected("old")


@pytest.mark.slow
@needs_soffice
def test_libreoffice_accept_reject_with_changed_clauses_only(tmp_path):
    root = convert(tmp_path, render())
    shown = {cid for cid, (kind, creator, _) in tracked_changes(root).items()}
    assert shown
    # the unchanged clause is left out; all the others are there, in order
    assert clause_paragraphs(apply_all(root, accept=True)) == expected("new", skip={"budget"})
    assert clause_paragraphs(apply_all(root, accept=False)) == expected("old", skip={"budget"})


def split_sample() -> Redline:
    """Old clause 7 "Samen" (two leden) split into 7 "Samen" and 7a "Tweede"."""
    related = ("s-a", "s-b")
    parts = [
        ClauseChange(
            SPLIT,
            (SPLIT,),
            "s-a",
            "s",
            num="7",
            old_num="7",
            heading="Samen",
            old_heading="Samen",
            old_text="1 Eerste lid.",
            new_text="1 Eerste lid.",
            words=[("=", "1 Eerste lid.")],
            heading_words=[("=", "Samen")],
            related=related,
        ),
        ClauseChange(
            SPLIT,
            (SPLIT,),
            "s-b",
            "s",
            num="7a",
            old_num="7",
            heading="Tweede",
            old_heading="Samen",
            old_text="2 Tweede lid.",
            new_text="2 Tweede lid, gewijzigd.",
            words=[("=", "2 Tweede lid"), ("-", "."), ("+", ", gewijzigd.")],
            heading_words=[("-", "Samen"), ("+", "Tweede")],
            related=related,
        ),
    ]
    return Redline(Side("v1", None, "a" * 64, lang="nl"), Side("v2", None, "b" * 64, lang="nl"), parts)


def test_split_parts_are_written_together():
    root = document_xml(docx_render.render(split_sample(), date=DATE))
    text = "".join(root.itertext())
    assert "gesplitst in artikelen 7, 7a" in text
    marks = {
        "".join(p.xpath(".//w:t/text() | .//w:delText/text()", namespaces=NS)): mark
        for _style, mark, p in paragraphs(root)
    }
    assert marks["1 Eerste lid. "] == "ins"  # the break between the parts is new; the space went
    assert marks["Artikel 7a Tweede"] == "ins"
    assert marks["2 Tweede lid., gewijzigd."] is None


@pytest.mark.slow
@needs_soffice
def test_libreoffice_split_clause_rejects_to_the_one_old_clause(tmp_path):
    root = convert(tmp_path, docx_render.render(split_sample(), author=AUTHOR, date=DATE))
    assert clause_paragraphs(apply_all(root, accept=True)) == [
        ("heading", "Artikel 7 Samen"),
        ("text", "1 Eerste lid."),
        ("heading", "Artikel 7a Tweede"),
        ("text", "2 Tweede lid, gewijzigd."),
    ]
    assert clause_paragraphs(apply_all(root, accept=False)) == [
        ("heading", "Artikel 7 Samen"),
        ("text", "1 Eerste lid. 2 Tweede lid."),
    ]


@pytest.mark.slow
@needs_soffice
def test_libreoffice_round_trips_the_revisions_to_docx(tmp_path):
    """LibreOffice keeps the revisions when it saves the document as .docx again."""
    data = render()
    src = tmp_path / "in"
    src.mkdir()
    (src / "redline.docx").write_bytes(data)
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(src / "redline.docx"),
        ],
        capture_output=True,
        timeout=180,
    )
    saved = out / "redline.docx"
    assert saved.exists(), proc.stderr.decode(errors="replace")
    root = document_xml(saved.read_bytes())
    assert root.xpath("//w:ins[@w:author=$a]", a=AUTHOR, namespaces=NS)
    assert root.xpath("//w:del[@w:author=$a]//w:delText", a=AUTHOR, namespaces=NS)


def test_renders_the_alignment_engines_redline():
    from akkoordvc.model.document import Document
    from akkoordvc.ops import align

    root = Path(__file__).resolve().parents[1]
    data = (root / "texts" / "maak020" / "akkoord.xml").read_bytes()
    edited = data.replace(b"ongeveer 40 bijeenkomsten", b"ruim 45 bijeenkomsten &amp; meer", 1)
    old, new = Document.from_bytes(data), Document.from_bytes(edited)
    redline = align.compute(
        old, new, Side("v1", None, "a" * 64, lang=old.lang), Side("v2", None, "b" * 64, lang=new.lang)
    )
    doc = document_xml(docx_render.render(redline, date=DATE))
    assert "ruim 45" in "".join(doc.xpath("//w:ins//w:t/text()", namespaces=NS))
    assert "ongeveer 40" in "".join(doc.xpath("//w:del//w:delText/text()", namespaces=NS))
