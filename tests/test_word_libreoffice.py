"""The Word export through real LibreOffice: re-saved (docx -> docx, and docx -> odt -> docx) it keeps
every id and derives nothing, for the sample and for every corpus law; an edit made inside LibreOffice
by a macro, with change tracking on, derives exactly the intended operation; OpenDocument files go
through the commands. Skipped when LibreOffice is not installed (CI installs it: .ci/run)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import SAMPLE, bwb_files
from libreoffice import DOCX, ODT, SOFFICE, Office
from lxml import etree

from akkoordvc.model import canonical, markdown, names, wordfile
from akkoordvc.model.bwb import from_bwb
from akkoordvc.model.xmlparse import parse_bytes, parse_file
from akkoordvc.ops import amendments as ops
from akkoordvc.present import markdown as render_md
from akkoordvc.present import worddoc

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not on PATH (CI installs it: see .ci/run)"),
]


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Office:
    return Office(tmp_path_factory.mktemp("office"))


def export(root, version="2019") -> bytes:
    return worddoc.render(root, version=version, text_sha256=canonical.text_sha256(root))


def back(data: bytes, base) -> etree._Element:
    return wordfile.agreement(wordfile.read(data, "libreoffice.docx"), base)


def bookmarks(data: bytes) -> set[str]:
    return {p for entry in wordfile.read(data, "x.docx").flow for p in getattr(entry, "bookmarks", ())}


def test_resaved_by_libreoffice_keeps_every_id_and_derives_nothing(office, tmp_path):
    base = parse_file(SAMPLE)
    src = tmp_path / "export.docx"
    src.write_bytes(export(base))
    office.batch(
        [
            (src, tmp_path / "resaved.docx", "none", DOCX),
            (src, tmp_path / "resaved.odt", "none", ODT),
        ]
    )
    office.batch([(tmp_path / "resaved.odt", tmp_path / "via-odt.docx", "none", DOCX)])
    wanted = {wordfile.bookmark_name(e.tag, e.get(names.ID)) for e in base.iter(names.CLAUSE, names.DIVISION)}
    for name in ("resaved.docx", "via-odt.docx"):
        data = (tmp_path / name).read_bytes()
        assert wanted <= bookmarks(data), name
        assert ops.derive(base, back(data, base)) == [], name
        assert canonical.to_bytes(back(data, base)) == canonical.to_bytes(base), name


def xml_edit(base, change):
    edited = copy.deepcopy(base)
    change(edited)
    return edited


def test_edits_made_in_libreoffice_with_tracking_on_derive_exactly_those_operations(office, tmp_path):
    base = parse_file(SAMPLE)
    src = tmp_path / "export.docx"
    src.write_bytes(export(base))
    office.batch(
        [
            (
                src,
                tmp_path / "words.docx",
                "replace",
                DOCX,
                "geregeld vast op regels",
                "geregeld vast op allerlei regels",
            ),
            (
                src,
                tmp_path / "lid.docx",
                "insert-after",
                DOCX,
                "waarbij de stad niet alleen wordt gehoord maar ook meeschrijft.",
                "Lid",
                "3\tDe partijen evalueren dit jaarlijks.",
            ),
        ]
    )
    words = back((tmp_path / "words.docx").read_bytes(), base)

    def change_words(root):
        p = root.find(".//clause[@id='aanleiding']/para/p")
        p.text = p.text.replace("op regels", "op allerlei regels")

    assert [op.as_dict() for op in ops.derive(base, words)] == [
        op.as_dict() for op in ops.derive(base, xml_edit(base, change_words))
    ]
    assert len(ops.derive(base, words)) == 1

    lid = back((tmp_path / "lid.docx").read_bytes(), base)

    def change_lid(root):
        para = etree.SubElement(root.find(".//clause[@id='aanleiding']"), "para", num="3")
        etree.SubElement(para, "p").text = "De partijen evalueren dit jaarlijks."

    assert [op.as_dict() for op in ops.derive(base, lid)] == [
        op.as_dict() for op in ops.derive(base, xml_edit(base, change_lid))
    ]
    # the revisions LibreOffice recorded are in the file: rejecting them gives the export back
    office.batch([(tmp_path / "lid.docx", tmp_path / "lid-rejected.docx", "reject", DOCX)])
    assert ops.derive(base, back((tmp_path / "lid-rejected.docx").read_bytes(), base)) == []


def test_opendocument_through_the_commands(office, tmp_path, run_cli):
    assert run_cli("init", tmp_path / "r", "--from", SAMPLE, "--by", "S <s@x>")[0] == 0
    repo = tmp_path / "r"
    assert run_cli("version", "create", "2019", "--by", "S <s@x>", cwd=repo)[0] == 0
    target = tmp_path / "voorstel.odt"
    code, out, err = run_cli("export", "odt", "2019", "-o", target, cwd=repo)
    assert code == 0, err
    assert target.read_bytes()[:2] == b"PK" and b"opendocument.text" in target.read_bytes()[:100]
    code, out, err = run_cli("amend", "propose", "--from-file", target, "--title", "x", "--by", "N <n@x>", cwd=repo)
    assert code == 1 and "same text as its base (version 2019" in err
    edited = tmp_path / "bewerkt.odt"
    office.batch([(target, edited, "replace", ODT, "geregeld vast op regels", "geregeld vast op allerlei regels")])
    code, out, err = run_cli("amend", "propose", "--from-file", edited, "--title", "x", "--by", "N <n@x>", cwd=repo)
    assert code == 0 and "1 operation(s) on aanleiding; base version 2019" in err, err


@pytest.fixture(scope="module")
def corpus_laws(tmp_path_factory):
    files = bwb_files()
    if not files:
        pytest.skip("test corpus not found (needs ../shared beside the repository)")
    folder = tmp_path_factory.mktemp("corpus")
    laws = {}
    for path in files:
        root = from_bwb(parse_file(path), str(path))
        laws[path.stem] = parse_bytes(canonical.to_bytes(root), path.name)
        (folder / f"{path.stem}.docx").write_bytes(export(laws[path.stem], version=path.stem))
    return folder, laws


def test_every_corpus_law_exports_and_reads_back_with_zero_operations_docx_and_markdown(corpus_laws):
    folder, laws = corpus_laws
    from akkoordvc.model import paragraphs

    for stem, root in laws.items():
        assert canonical.to_bytes(paragraphs.build(paragraphs.from_agreement(root), root)) == canonical.to_bytes(root)
        assert canonical.to_bytes(back((folder / f"{stem}.docx").read_bytes(), root)) == canonical.to_bytes(root), stem
        text = render_md.render(root, version=stem, text_sha256=canonical.text_sha256(root))
        again = markdown.agreement(markdown.read(text.encode("utf-8"), f"{stem}.md"), root)
        assert canonical.to_bytes(again) == canonical.to_bytes(root), stem


def test_every_corpus_law_resaved_by_libreoffice_derives_nothing(office, corpus_laws, tmp_path):
    folder, laws = corpus_laws
    sources = [folder / f"{stem}.docx" for stem in laws]
    outdir = tmp_path / "resaved"
    resaved = office.convert(sources, "docx", outdir)  # one soffice process for every file
    for path in resaved:
        root = laws[Path(path).stem]
        assert ops.derive(root, back(path.read_bytes(), root)) == [], path.name
