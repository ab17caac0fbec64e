"""Golden files: the reviewed, expected redline of a handful of cases, in every text format.

Each case in `CASES` is a pair of texts; `tests/golden/<case>/` holds what `akkoord redline` makes
of it: `term.txt` (the terminal text, no colour, 100 columns), `redline.json` (the data),
`xml.txt` (the XML redline, reduced to its markup: every marked element with its path) and
`html.txt` (the outline of the HTML page: headings, contents, sections, blocks with their
changes written [-old-]{+new+}). Hashes of the texts are masked (`<sha256>`): they change with
every change of the importer, which these files are not about.

A change of output shows here as a failing test with a diff. When the change is intended,
regenerate the files and review them like code:

    .venv/bin/python tests/test_golden.py --update

Cases that read the BWB corpus are skipped when it is absent (and not regenerated).
"""

from __future__ import annotations

import copy
import difflib
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import BWB, SAMPLE  # noqa: E402

from akkoordvc.model import canonical, names  # noqa: E402
from akkoordvc.model.xmlparse import parse_file  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = ("term.txt", "redline.json", "xml.txt", "html.txt")
RL = "urn:akkoordvc:redline:2"
_SHA = re.compile(r"\b[0-9a-f]{64}\b")


# --- the cases -------------------------------------------------------------------------------------


def sample_parts(tmp: Path) -> tuple[Path, Path]:
    """The sample text: its title, one paragraph of the preamble and the heading of part I changed."""
    old = parse_file(SAMPLE)
    new = copy.deepcopy(old)
    new.find(f"{names.META}/{names.TITLE}").text = "Maatschappelijk akkoord Amsterdam 2023"
    p = new.find(f"{names.PREAMBLE}/{names.P}").getnext()
    p.text = p.text.replace("die er wonen, werken", "die er wonen, leren, werken")
    new.find(f"{names.BODY}/{names.DIVISION}/{names.HEADING}").text = "Wat is er en waar komt het vandaan?"
    return _write(tmp, old, new)


def sample_blocks(tmp: Path) -> tuple[Path, Path]:
    """The sample text: words of lid 2 of article 46, a table cell of article 26, and a list item
    inserted in article 2."""
    old = parse_file(SAMPLE)
    new = copy.deepcopy(old)
    lid = new.find(".//clause[@id='looptijd']/para[@num='2']/p")
    lid.text = lid.text.replace("met enige regelmaat", "elk jaar")
    cell = new.find(".//clause[@id='verdeling-middelen']//row[2]/cell[2]")
    cell.text = cell.text.replace("1–10%", "2–12%")
    item = new.find(".//clause[@id='ontstaan']//item[@num='g.']")
    extra = copy.deepcopy(item)
    extra.set(names.NUM, "h.")
    item.addnext(extra)
    item.find(names.P).find(names.REF).tail = ";"
    extra.find(names.P).find(names.REF).text = "verantwoording"
    return _write(tmp, old, new)


def _bwb(law: str, old: str, new: str) -> Callable[[Path], tuple[Path, Path]]:
    def case(tmp: Path) -> tuple[Path, Path]:
        folder = BWB / law
        if not folder.is_dir():
            pytest.skip(f"test corpus not found at {BWB}")
        for name, version in (("old.xml", old), ("new.xml", new)):
            (tmp / name).write_bytes((folder / f"{law}_{version}.xml").read_bytes())
        return tmp / "old.xml", tmp / "new.xml"

    return case


def omzet_tabel_i(tmp: Path) -> tuple[Path, Path]:
    """Tabel I of the Wet op de omzetbelasting 1968 (a bijlage of nested lists), 2013-10-10_1 -> 2014-01-01_0:
    the two imported laws with everything but their metadata and that annex left out."""
    from akkoordvc.model.bwb import import_bwb_bytes

    folder = BWB / "BWBR0002629"
    if not folder.is_dir():
        pytest.skip(f"test corpus not found at {BWB}")
    roots = []
    for version in ("2013-10-10_1", "2014-01-01_0"):
        root = import_bwb_bytes((folder / f"BWBR0002629_{version}.xml").read_bytes(), f"BWBR0002629_{version}.xml")
        body = root.find(names.BODY)
        for child in list(body):
            if child.get(names.ID) != "d1255704":
                body.remove(child)
        preamble = root.find(names.PREAMBLE)
        if preamble is not None:
            root.remove(preamble)
        roots.append(root)
    return _write(tmp, *roots)


def _write(tmp: Path, old: etree._Element, new: etree._Element) -> tuple[Path, Path]:
    (tmp / "old.xml").write_bytes(canonical.to_bytes(old))
    (tmp / "new.xml").write_bytes(canonical.to_bytes(new))
    return tmp / "old.xml", tmp / "new.xml"


CASES: dict[str, Callable[[Path], tuple[Path, Path]]] = {
    "sample-title-preamble-heading": sample_parts,
    "sample-lid-cell-item": sample_blocks,
    "dhw-2000-11-01-2002-07-01": _bwb("BWBR0002458", "2000-11-01_0", "2002-07-01_0"),
    "omzet-tabel-i-2013-10-10-2014-01-01": omzet_tabel_i,
}


# --- the outputs -------------------------------------------------------------------------------------


def run(tmp: Path, *args: str) -> str:
    """`akkoord redline old.xml new.xml ARGS` in `tmp`, in-process; what it wrote."""
    from click.testing import CliRunner

    from akkoordvc.cli.main import main

    out = tmp / "out"
    here = os.getcwd()
    os.chdir(tmp)
    try:
        with CliRunner().isolation() as streams:
            code = main(["redline", "old.xml", "new.xml", *args, "-o", str(out)])
            error = streams[1].getvalue().decode("utf-8")
    finally:
        os.chdir(here)
    assert code == 0, error
    return out.read_text("utf-8")


def xml_outline(data: str) -> str:
    """Every element the XML redline marks, with its path: rl:del and rl:ins whole, and the start tag
    of each element with rl attributes."""
    root = etree.fromstring(data.encode("utf-8"))
    lines = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        marked = element.tag.startswith(f"{{{RL}}}") or any(k.startswith(f"{{{RL}}}") for k in element.keys())
        if element.tag in names.INLINE_CONTAINERS and next(element.iter(f"{{{RL}}}*"), None) is not None:
            marked = True  # a line of text with marked words
        shown = any(a.tag.startswith(f"{{{RL}}}") or a.tag in names.INLINE_CONTAINERS for a in element.iterancestors())
        if not marked or shown:  # (inside a marked element or a line of text, it is shown with it)
            continue
        path = "/".join(_step(e) for e in reversed([element, *element.iterancestors()]))
        if element.tag.startswith(f"{{{RL}}}"):
            body = etree.tostring(element, encoding=str, with_tail=False)
        else:
            tag = etree.tostring(element, encoding=str, with_tail=False)
            body = tag if len(element) == 0 and not element.text else tag.split(">", 1)[0] + ">"
            if element.tag in names.INLINE_CONTAINERS:  # a line of text: all of it
                body = tag
        body = body.replace(f' xmlns:rl="{RL}"', "")
        lines.append(f"{path}\n    {' '.join(body.split())}")
    return "\n".join(lines) + "\n"


def _step(element: etree._Element) -> str:
    tag = etree.QName(element).localname
    prefix = "rl:" if element.tag.startswith(f"{{{RL}}}") else ""
    for attribute in (names.ID, names.NUM, names.NAME):
        if element.get(attribute):
            return f"{prefix}{tag}[@{attribute}='{element.get(attribute)}']"
    return prefix + tag


def html_outline(page: str) -> str:
    """The structure of an HTML redline page as text: headings, contents entries, sections and their
    blocks, folded runs, gaps; inserted and deleted text written {+...+} and [-...-]."""
    import lxml.html

    root = lxml.html.document_fromstring(page)
    for element in root.iter("ins", "del"):
        for sr in element.find_class("sr"):
            sr.drop_tree()
        mark = ("{+", "+}") if element.tag == "ins" else ("[-", "-]")
        element.text = mark[0] + (element.text or "")
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + mark[1]
        else:
            element.text += mark[1]
    lines = []

    def text(element: etree._Element) -> str:
        return " ".join(element.text_content().split())

    for element in root.body.iter():
        if not isinstance(element.tag, str):
            continue
        cls = element.get("class") or ""
        if element.tag in ("h1", "h2", "h3"):
            lines.append(f"{element.tag}: {text(element)}")
        elif element.tag == "li" and element.getparent().getparent().tag == "nav":
            lines.append(f"  toc [{cls}] {text(element)}")
        elif element.tag in ("section", "aside") and element.get("id"):
            lines.append(f"{element.tag}#{element.get('id')} [{cls}]")
        elif element.tag == "summary" and element.getparent().tag == "details":
            lines.append(f"    details: {text(element)}")
        elif element.tag == "p" and cls in ("gap", "note"):
            lines.append(f"  {cls}: {text(element)}")
        elif "blk" in cls.split():
            lines.append(f"    {cls}: {text(element)}")
    return "\n".join(lines) + "\n"


def outputs(tmp: Path) -> dict[str, str]:
    data = json.loads(run(tmp, "--format", "json"))
    return {
        "term.txt": run(tmp),
        "redline.json": json.dumps(data, ensure_ascii=False, indent=1) + "\n",
        "xml.txt": xml_outline(run(tmp, "--format", "xml")),
        "html.txt": html_outline(run(tmp, "--format", "html")),
    }


def masked(text: str) -> str:
    return _SHA.sub("<sha256>", text)


# --- the test and the update ------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_golden(case, tmp_path):
    CASES[case](tmp_path)
    got = outputs(tmp_path)
    for name in FORMATS:
        path = GOLDEN / case / name
        assert path.is_file(), f"{path} is missing: run `.venv/bin/python tests/test_golden.py --update`"
        want = path.read_text("utf-8")
        have = masked(got[name])
        if have != want:
            diff = "".join(
                difflib.unified_diff(want.splitlines(True), have.splitlines(True), f"golden/{case}/{name}", "now", n=2)
            )
            pytest.fail(
                f"{case}/{name} differs from the golden file (update: see tests/test_golden.py):\n{diff[:6000]}"
            )


def update() -> None:
    import tempfile

    for case, make in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            try:
                make(Path(tmp))
            except pytest.skip.Exception as skip:
                print(f"skipped {case}: {skip}")
                continue
            folder = GOLDEN / case
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in outputs(Path(tmp)).items():
                (folder / name).write_text(masked(text), "utf-8")
            print(f"wrote {folder}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_golden.py --update")
    update()
