"""The Markdown export and the way back: ids in {#id} survive a plain editor, and edits derive the
operations of the same edit made to the XML."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical, markdown
from akkoordvc.model.xmlparse import parse_file
from akkoordvc.ops import amendments as ops
from akkoordvc.present import markdown as render_md


@pytest.fixture(scope="module")
def base():
    from conftest import SAMPLE

    return parse_file(SAMPLE)


@pytest.fixture(scope="module")
def text(base):
    return render_md.render(base, version="2019", text_sha256=canonical.text_sha256(base))


def back(text: str, base) -> etree._Element:
    return markdown.agreement(markdown.read(text.encode("utf-8"), "voorstel.md"), base)


def derived(base, edited):
    return [op.as_dict() for op in ops.derive(base, edited)]


def clause(root, ident):
    return root.find(f".//clause[@id='{ident}']")


def xml_edit(base, change):
    edited = copy.deepcopy(base)
    change(edited)
    return edited


def test_unedited_export_reads_back_as_the_same_text(base, text):
    assert canonical.to_bytes(back(text, base)) == canonical.to_bytes(base)


def test_a_plain_editor_may_wrap_lines_and_write_crlf(base, text):
    wrapped = text.replace(
        "hun energievoorziening anders te organiseren. Zij lopen",
        "hun energievoorziening anders\nte organiseren. Zij lopen",
    ).replace("\n", "\r\n")
    assert derived(base, back(wrapped, base)) == []


def test_the_shape_a_reader_sees(text):
    assert "#### Artikel 2 Hoe dit akkoord tot stand kwam {#ontstaan}" in text
    assert "\n[1] In de loop van 2019" in text
    assert "\n  - a. [zeggenschap](#h-zeggenschap);\n" in text
    assert "  | Ma.akbanken | € 1.000.000,- (startbudget) | [artikel 13](#ma-akbanken) |" in text
    assert "\n## Deel I Wat en waar vandaan? {#deel-1}\n" in text


def test_edits_derive_the_operations_of_the_same_xml_edits(base, text):
    edited = text.replace("geregeld vast op regels", "geregeld vast op allerlei regels")
    edited = edited.replace(
        "\n  - d. het netwerk Ma.ak020.\n", "\n  - d. het netwerk Ma.ak020;\n  - e. de stadsdelen.\n"
    )
    # delete article 4, move article 6 (leeswijzer) before article 5, add a new article after article 3
    start = edited.index("#### Artikel 4 ")
    end = edited.index("\n#", start) + 1
    edited = edited[:start] + edited[end:]
    lees_start = edited.index("#### Artikel 6 ")
    lees_end = edited.index("\n#", lees_start) + 1
    lees = edited[lees_start:lees_end]
    edited = edited[:lees_start] + edited[lees_end:]
    at = edited.index("#### Artikel 5 ")
    new = "#### Artikel 3a Evaluatie\n\n[1] De partijen evalueren dit akkoord.\n\n"
    edited = edited[:at] + new + lees + edited[at:]
    got = back(edited, base)

    def change(root):
        p = clause(root, "aanleiding").find("para/p")
        p.text = p.text.replace("op regels", "op allerlei regels")
        lst = clause(root, "partijen").find("para/list")
        lst[-1].find("p").text = "het netwerk Ma.ak020;"
        item = etree.SubElement(lst, "item", num="e.")
        etree.SubElement(item, "p").text = "de stadsdelen."
        gone = clause(root, "op-hoofdlijnen")
        gone.getparent().remove(gone)
        moved = clause(root, "leeswijzer")
        moved.getparent().remove(moved)
        clause(root, "begrippen").addprevious(moved)
        moved.addprevious(
            etree.fromstring(
                '<clause id="evaluatie" num="3a"><heading>Evaluatie</heading>'
                '<para num="1"><p>De partijen evalueren dit akkoord.</p></para></clause>'
            )
        )

    assert derived(base, got) == derived(base, xml_edit(base, change))
    assert sorted(op["op"] for op in derived(base, got)) == ["delete", "insert", "move", "replace-text", "replace-text"]


def test_emphasis_and_links_typed_in_markdown(base, text):
    edited = text.replace("geregeld vast op regels", "geregeld vast op **alle** [regels](https://example.org/r)")
    p = clause(back(edited, base), "aanleiding").find("para/p")
    assert p.find("strong").text == "alle" and p.find("ref").get("href") == "https://example.org/r"


def test_a_second_title_is_refused_with_its_line(base, text):
    with pytest.raises(AkkoordError, match=r"voorstel\.md:\d+: a second '# ' heading"):
        back(text + "\n# Nog een titel\n", base)


def test_markdown_through_the_commands(tmp_path, run_cli, sample_path):
    assert run_cli("init", tmp_path / "r", "--from", sample_path, "--by", "S <s@x>")[0] == 0
    repo = tmp_path / "r"
    assert run_cli("version", "create", "2019", "--by", "S <s@x>", cwd=repo)[0] == 0
    code, out, err = run_cli("export", "md", "2019", cwd=repo)
    assert code == 0 and out.startswith("---\nakkoord-agreement: maak020\n"), err
    target = tmp_path / "v.md"
    target.write_text(out.replace("geregeld vast op regels", "geregeld vast op allerlei regels"), encoding="utf-8")
    code, out, err = run_cli("amend", "propose", "--from-file", target, "--title", "x", "--by", "N <n@x>", cwd=repo)
    assert code == 0 and "1 operation(s) on aanleiding; base version 2019" in err, err
