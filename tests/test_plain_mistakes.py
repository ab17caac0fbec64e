"""Common mistakes said in plain words: another format where XML is expected, a bare & or <, a day written
day first, a private key others can read. Each is one line that says what to do."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile

import pytest

from akkoordvc.errors import AkkoordError
from akkoordvc.model.dates import parse_day
from akkoordvc.model.xmlparse import other_format, parse_bytes


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"})


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("voorstel.docx", DOCX, "word"),
        ("voorstel.xml", DOCX, "word"),  # the content decides, not the name
        ("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "word"),
        ("voorstel.odt", ODT, "odt"),
        ("akkoord.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "pdf"),
        ("tekst.md", b"Artikel 1\n\nDe partijen...\n", "text"),
        ("tekst", b"# Akkoord\n\n## Artikel 1\n", "text"),
        ("tekst.txt", b"Artikel 1\n", "text"),
        ("oud.rtf", b"{\\rtf1\\ansi", "word"),
        ("akkoord.xml", b"  <agreement><broken", None),  # XML with a mistake in it is reported as XML
        ("akkoord.xml", b"garbage", None),
    ],
)
def test_another_format_is_recognised(name, data, kind):
    assert other_format(data, name) == kind


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("voorstel.docx", DOCX, "voorstel.docx is a Word document, not XML;"),
        ("voorstel.odt", ODT, "voorstel.odt is an OpenDocument text (LibreOffice), not XML;"),
        ("akkoord.pdf", b"%PDF-1.7\n", "akkoord.pdf is a PDF, not XML;"),
        ("tekst.md", b"Artikel 1\n", "tekst.md is plain text or Markdown, not XML; turn a new text into XML with "),
    ],
)
def test_validate_names_the_format_and_the_command_that_takes_it(tmp_path, run_cli, name, data, said):
    (tmp_path / name).write_bytes(data)
    code, out, err = run_cli("validate", name, cwd=tmp_path)
    assert code == 1
    assert out.startswith(said) and "`akkoord import text " in out and "malformed" not in out, out
    if not name.endswith(".pdf"):  # an edited copy of an exported text is proposed as such
        assert f"`akkoord amend propose --from-file {name}`" in out, out
    assert out.count("\n") == 1


def test_a_word_file_given_to_init_is_one_line_in_dutch(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("AKKOORD_LANG", "nl")
    (tmp_path / "voorstel.docx").write_bytes(DOCX)
    code, out, err = run_cli("init", "r", "--from", "voorstel.docx", "--by", "A <a@example.org>", cwd=tmp_path)
    assert code == 1 and not (tmp_path / "r").exists()
    assert err.startswith("akkoord: fout: voorstel.docx is een Word-document, geen XML;"), err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("title", "key", "where"),
    [
        ("Jansen & Zonen", "model.bare_ampersand", "<input>:2:"),
        ("Jansen &Zonen", "model.bare_ampersand", "<input>:2:"),
        ("prijs < 100 euro", "model.bare_less_than", "<input>:2:"),
    ],
)
def test_a_bare_ampersand_or_less_than_explains_itself_with_the_line(title, key, where):
    data = f'<agreement id="a" lang="nl">\n<meta><title>{title}</title></meta><body/></agreement>\n'.encode()
    with pytest.raises(AkkoordError) as caught:
        parse_bytes(data)
    assert caught.value.key == key
    message = caught.value.said.render("nl")
    assert message.startswith(where) and title in message, message
    assert ("&amp;" if "&" in title else "&lt;") in message


def test_the_quoted_line_is_cut_around_the_mistake():
    words = " ".join(f"woord{i}" for i in range(40))
    data = f"<agreement>\n<p>{words} Jansen & Zonen {words}</p></agreement>".encode()
    with pytest.raises(AkkoordError) as caught:
        parse_bytes(data, "a.xml")
    message = caught.value.said.render("en")
    assert "Jansen & Zonen" in message and "(line: …" in message and message.endswith("…)")
    assert len(message) < 200


@pytest.mark.parametrize(
    ("written", "meant"), [("04-07-2022", "2022-07-04"), ("4/7/2022", "2022-07-04"), ("31.12.2023", "2023-12-31")]
)
def test_a_day_written_day_first_suggests_the_iso_form(written, meant):
    with pytest.raises(AkkoordError) as caught:
        parse_day(written, "--date")
    assert caught.value.message == f"--date {written!r} is not a date written YYYY-MM-DD; did you mean {meant}?"


@pytest.mark.parametrize("written", ["31-02-2022", "morgen", "2022/07/04"])
def test_a_day_that_cannot_be_read_gets_no_guess(written):
    with pytest.raises(AkkoordError) as caught:
        parse_day(written)
    assert caught.value.key == "model.not_a_date"


def test_date_options_suggest_the_iso_form(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("AKKOORD_LANG", "nl")
    code, _, err = run_cli("init", "r", "--date", "04-07-2022", "--by", "A <a@example.org>", cwd=tmp_path)
    assert code in (1, 2) and not (tmp_path / "r").exists()
    assert err.startswith("akkoord: fout: ") and "bedoelde u 2022-07-04?" in err and err.count("\n") == 1, err


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen not installed")
def test_a_private_key_others_can_read_says_chmod_600_and_keeps_ssh_keygens_reason(tmp_path):
    from akkoordvc.trust.sshsig import SigningError, sign

    key = tmp_path / "mijn sleutel"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    os.chmod(key, 0o644)
    with pytest.raises(SigningError) as caught:
        sign(b"tekst", key, "akkoord-test")
    message = caught.value.said.render("en")
    assert f"Permissions 0644 for '{key}' are too open" in message, message
    assert f"run `chmod 600 '{key}'` and retry" in message
    os.chmod(key, 0o600)
    assert sign(b"tekst", key, "akkoord-test").startswith(b"-----BEGIN SSH SIGNATURE-----")


def test_a_wrong_trust_anchor_is_one_problem_not_one_per_record(world, run_cli):
    wrong = "sha256:" + "1" * 64
    code, out, err = run_cli("verify", "--trust-anchor", wrong, cwd=world.root)
    assert code == 1
    listed = [line for line in out.splitlines() if line.startswith("  - ")]
    assert len(listed) == 1 and "not the registry you trust" in listed[0], out
    assert "1 problem" in out and "further problems follow from it and are not listed" in out, out


@pytest.mark.parametrize("by", ["", "  ", "<secretariaat@maak020.example>"])
def test_by_without_a_name_is_refused_not_filled_in(sample_repo, run_cli, by):
    text = sample_repo / "akkoord.xml"
    text.write_text(text.read_text(encoding="utf-8").replace("Aanleiding<", "Aanleiding!<", 1), encoding="utf-8")
    head = subprocess.run(["git", "-C", sample_repo, "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    code, _, err = run_cli("-C", sample_repo, "commit", "-m", "typo", "--by", by)
    assert code == 1 and "expected a name" in err and err.count("\n") == 1, err
    assert (
        subprocess.run(["git", "-C", sample_repo, "rev-parse", "HEAD"], capture_output=True, text=True).stdout == head
    )
