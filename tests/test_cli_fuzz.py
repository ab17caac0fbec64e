"""Fuzzing the command line: whatever bytes a file holds, a command answers with its output or with one clear
line and a non-zero exit; never a traceback, never an internal error (exit 70), and a refused input changes
nothing. Hostile XML (entities, DTDs, huge or deep input) is refused.

The inputs are random bytes and mutations of real inputs (the sample agreement, a BWB law, an amendment
record, a plain-text agreement): truncation, flipped bytes, inserted declarations and entity references,
deep nesting, huge attribute values, invalid UTF-8, NUL bytes, odd encodings, random element names. The
commands run in-process (`run_cli`); a crash found here is fixed where the input is read or checked.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import git
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from akkoordvc.cli.main import main
from akkoordvc.model import canonical
from akkoordvc.model.validate import problems

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = (ROOT / "texts" / "maak020" / "akkoord.xml").read_bytes()
BY = "Fuzz <fuzz@example.org>"

SETTINGS = dict(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _small_sample() -> bytes:
    """The sample cut to its first few clauses: a valid agreement small enough to fuzz quickly."""
    root = etree.fromstring(SAMPLE)
    body = root.find("body")
    divisions = list(body)
    for extra in divisions[1:]:
        body.remove(extra)
    clauses = divisions[0].findall("clause")
    for extra in clauses[3:]:
        divisions[0].remove(extra)
    etree.strip_tags(root, "ref")  # their targets may be cut
    data = canonical.to_bytes(root)
    assert not problems(etree.fromstring(data))
    return data


SMALL = _small_sample()

BWB = b"""<?xml version="1.0" encoding="UTF-8"?>
<toestand xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" bwb-id="BWBR0000001" inwerkingtreding="2020-01-01">
<wetgeving soort="wet" xml:lang="nl" label-id="1" id="C1">
  <intitule>Wet van 1 januari 2020, tot regeling van iets</intitule>
  <citeertitel status="officieel">Wet op iets</citeertitel>
  <wet-besluit>
    <wettekst>
      <hoofdstuk label-id="10" id="C10">
        <kop><label>Hoofdstuk</label><nr>1</nr><titel>Algemeen</titel></kop>
        <artikel label-id="11" id="C11" label="Artikel 1">
          <kop><label>Artikel</label><nr>1</nr></kop>
          <lid label-id="11L1"><lidnr>1</lidnr><al>In deze wet wordt verstaan onder <nadruk type="cur">iets</nadruk>: iets anders.</al></lid>
          <lid label-id="11L2"><lidnr>2</lidnr><al>Dit geldt ook voor:</al>
            <lijst><li><li.nr>a.</li.nr><al>het een;</al></li><li><li.nr>b.</li.nr><al>het ander.</al></li></lijst>
          </lid>
        </artikel>
        <artikel label-id="12" id="C12" label="Artikel 2">
          <kop><label>Artikel</label><nr>2</nr></kop>
          <al>Deze wet treedt in werking op 1 januari 2020.</al>
        </artikel>
      </hoofdstuk>
    </wettekst>
  </wet-besluit>
</wetgeving>
</toestand>
"""

TEXT = b"""# Akkoord over de buurt

Ondertekend door de partijen.

Hoofdstuk 1 Algemeen

Artikel 1 Doel

1. De partijen werken samen aan de buurt.
2. Zij spreken elkaar aan.

Artikel 2 Looptijd

Dit akkoord geldt vijf jaar.
"""

# things an attacker (or an unlucky editor) puts into XML
HOSTILE = [
    b'<!DOCTYPE agreement [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b'<!DOCTYPE agreement SYSTEM "http://example.invalid/evil.dtd">',
    b'<!DOCTYPE agreement [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE agreement [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    b"<! doctype x>",
    b"<!ENTITY e 'x'>",
    b"&xxe;",
    b"&a;",
    b"&#0;",
    b"&#x110000;",
    b"&#xD800;",
    b"&amp;",
    b"&lt;",
    b"&#x1F600;",
    b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>',
    b'<p xmlns="urn:other">x</p>',
    b' xmlns:x="urn:x" x:y="1"',
    b' xml:lang="nl"',
    b' xml:space="preserve"',
    b"\x00",
    b"\x01",
    b"\x0c",
    b"\xff",
    b"\xfe\xff",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe2\x80\xae",
    b"\r",
    b"\r\n",
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b'<?xml version="1.0" encoding="bogus"?>',
    b'<?xml version="1.0" encoding="ISO-8859-1"?>',
    b'<?xml version="1.1"?>',
    b'<?xml version="1.0" encoding="EBCDIC-US"?>',
    b"<![CDATA[<clause>]]>",
    b"<!-- -- -->",
    b"<?php echo 1; ?>",
    b"]]>",
    b'<clause id="x" num="1"/>',
    b'<clause id="aanleiding" num="9"><heading>dup</heading></clause>',
    b"</body>",
    b"<body>",
    b'<para num="1"><p>x</p></para>',
    b'<division id="d" kind="bogus">',
    b' id="dup"',
    b' num="999999999999999999999999"',
    b' href="javascript:alert(1)"',
    b"<table><row><cell>x</cell></row></table>",
    b'<ref href="#nowhere">x</ref>',
    # amendment record parts
    b'<replace clause="nope" base-sha256="' + b"0" * 64 + b'"/>',
    b'<delete clause="aanleiding" base-sha256="x"/>',
    b'<event status="accepted" by="x" email="y" at="2020-01-01T00:00:00Z" revision="0"/>',
    b"<title></title>",
    b"<title>" + b"x" * 5000 + b"</title>",
]


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """`seed` with one to four damaging edits."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        kind = draw(
            st.sampled_from(["truncate", "flip", "hostile", "nest", "attribute", "name", "cut", "copy", "noise"])
        )
        if kind == "truncate":
            del data[where:]
        elif kind == "flip" and data:
            for position in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=6)):
                data[position] = draw(st.integers(0, 255))
        elif kind == "hostile":
            data[where:where] = draw(st.sampled_from(HOSTILE))
        elif kind == "nest":
            depth = draw(st.sampled_from([2, 50, 255, 256, 257, 1000, 3000]))
            tag = draw(st.sampled_from([b"a", b"p", b"em", b"list", b"division"]))
            data[where:where] = b"<" + tag + b">" * 1 + (b"<" + tag + b">") * (depth - 1) + (b"</" + tag + b">") * depth
        elif kind == "attribute":
            size = draw(st.sampled_from([0, 1, 1000, 100_000, 1_000_000]))
            data[where:where] = b' big="' + b"A" * size + b'"'
        elif kind == "name":
            name = draw(st.text(st.sampled_from("abcxyz:_-.0é9"), min_size=1, max_size=10)).encode("utf-8")
            data[where:where] = draw(
                st.sampled_from([b"<" + name + b">", b"</" + name + b">", b"<" + name + b"/>", b" " + name + b'="v"'])
            )
        elif kind == "cut" and data:
            end = draw(st.integers(where, min(len(data), where + 300)))
            del data[where:end]
        elif kind == "copy" and data:
            start = draw(st.integers(0, len(data) - 1))
            data[where:where] = data[start : start + draw(st.integers(1, 300))]
        else:
            data[where:where] = draw(st.binary(min_size=1, max_size=30))
    return bytes(data)


def inputs(seed: bytes):
    return st.one_of(mutated(seed), st.binary(max_size=600))


def assert_clean_failure(code: int, out: str, err: str, *, detail_ok: bool = False) -> None:
    """Exit 0-3, never 70; no traceback; an error is one line (a conflict, exit 3, may add detail lines)."""
    assert code in (0, 1, 2, 3), (code, err)
    assert "Traceback" not in err and "Traceback" not in out, err
    assert "internal error" not in err, err
    if code == 0:
        return
    lines = err.rstrip("\n").split("\n") if err.strip() else []
    if code == 2:  # a mistake on the command line: one line, then where to read how it goes
        assert len(lines) == 1 and lines[0].startswith("akkoord: error: ") and "--help`" in lines[0], err
        return
    assert lines, (code, out, err)
    assert lines[0].startswith("akkoord: error: "), err
    if not (detail_ok and code == 3):
        assert len(lines) == 1, err


@pytest.fixture
def victim(tmp_path):
    """Where the fuzzed bytes go: (xml path, text path, the pristine small sample's path)."""
    clean = tmp_path / "clean.xml"
    clean.write_bytes(SMALL)
    return tmp_path / "input.xml", tmp_path / "input.txt", clean


# --- document commands ----------------------------------------------------------------------------------


@settings(max_examples=150, **SETTINGS)
@given(data=st.one_of(inputs(SMALL), inputs(SAMPLE)))
def test_validate_never_crashes(run_cli, victim, data):
    path, _, _ = victim
    path.write_bytes(data)
    code, out, err = run_cli("validate", path)
    assert code in (0, 1), (code, err)
    assert "Traceback" not in out + err and err == "", err  # problems go to stdout, one per line
    if code:
        for line in out.rstrip("\n").split("\n"):
            assert line.startswith(str(path)), out
    assert path.read_bytes() == data


@settings(max_examples=150, **SETTINGS)
@given(data=inputs(SMALL))
def test_fmt_check_never_crashes_and_writes_nothing(run_cli, victim, data):
    path, _, _ = victim
    path.write_bytes(data)
    code, out, err = run_cli("fmt", "--check", path)
    assert code in (0, 1), (code, err)
    if err:
        assert_clean_failure(code, out, err)
    assert path.read_bytes() == data


@settings(max_examples=150, **SETTINGS)
@given(data=inputs(SMALL))
def test_show_file_as_json_never_crashes(run_cli, victim, data):
    path, _, _ = victim
    path.write_bytes(data)
    code, out, err = run_cli("show", path, "--format", "json")
    assert_clean_failure(code, out, err)


@settings(max_examples=150, **SETTINGS)
@given(data=st.one_of(inputs(BWB), inputs(SMALL)))
def test_import_bwb_never_crashes(run_cli, victim, data):
    path, _, _ = victim
    path.write_bytes(data)
    code, out, err = run_cli("import", "bwb", path)
    assert_clean_failure(code, out, err)


@settings(max_examples=150, **SETTINGS)
@given(data=st.one_of(inputs(TEXT), st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_import_text_never_crashes(run_cli, victim, data):
    _, path, _ = victim
    path.write_bytes(data)
    code, out, err = run_cli("import", "text", path)
    assert_clean_failure(code, out, err)


@settings(max_examples=100, **SETTINGS)
@given(data=inputs(SMALL), swap=st.booleans())
def test_redline_of_files_as_json_never_crashes(run_cli, victim, data, swap):
    path, _, clean = victim
    path.write_bytes(data)
    old, new = (path, clean) if swap else (clean, path)
    code, out, err = run_cli("redline", old, new, "--format", "json")
    assert_clean_failure(code, out, err)


# --- amendments in a repository -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def amendment_repo(tmp_path_factory):
    """A repository holding the sample, and an amendment record drafted against it (read back as XML)."""
    from click.testing import CliRunner

    base = tmp_path_factory.mktemp("fuzz-repo")
    repo = base / "repo"
    edited = base / "edited.xml"
    edited.write_bytes(SAMPLE.replace(b"ongeveer 40 bijeenkomsten", b"ruim 40 bijeenkomsten"))

    def run(*args):
        with CliRunner().isolation() as streams:
            code = main([str(a) for a in args])
            return code, streams[0].getvalue()

    assert run("init", repo, "--from", ROOT / "texts" / "maak020" / "akkoord.xml", "--by", BY)[0] == 0
    code, out = run("-C", repo, "amend", "propose", "--from-file", edited, "--title", "Zaad", "--by", BY)
    assert code == 0
    code, record = run("-C", repo, "amend", "show", out.decode().strip(), "--xml")
    assert code == 0 and record.startswith(b"<")
    return repo, record


@pytest.mark.slow
@settings(max_examples=100, **SETTINGS)
@given(data=st.data())
def test_amend_propose_of_a_record_never_crashes_or_writes_half(run_cli, victim, amendment_repo, data):
    repo, record = amendment_repo
    path, _, _ = victim
    payload = data.draw(st.one_of(inputs(record), mutated(SMALL)))
    path.write_bytes(payload)
    head = git(repo, "rev-parse", "HEAD")
    code, out, err = run_cli("-C", repo, "amend", "propose", path, "--by", BY)
    assert_clean_failure(code, out, err, detail_ok=True)
    assert git(repo, "status", "--porcelain") == ""
    if code != 0:
        assert git(repo, "rev-parse", "HEAD") == head  # refused: nothing written
    # whatever was accepted, the repository still reads
    code, _, err = run_cli("-C", repo, "amend", "list", "--json")
    assert code == 0, err


# --- hostile XML, deliberately ------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE agreement [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<agreement id="a" lang="nl"><meta><title>&lol3;</title></meta><body/></agreement>
"""

HOSTILE_DOCUMENTS = {
    "billion laughs": BILLION_LAUGHS,
    "external entity": SMALL.replace(
        b"<agreement", b'<!DOCTYPE agreement [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<agreement', 1
    ).replace(b"</title>", b"&x;</title>", 1),
    "external dtd": SMALL.replace(
        b"<agreement", b'<!DOCTYPE agreement SYSTEM "http://example.invalid/a.dtd">\n<agreement', 1
    ),
    "parameter entity": b'<!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><a/>',
    "undeclared entity": SMALL.replace(b"</title>", b"&xxe;</title>", 1),
    "xinclude": SMALL.replace(
        b"</title>",
        b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/></title>',
        1,
    ),
    "deep nesting": b"<agreement>" + b"<p>" * 300 + b"</p>" * 300 + b"</agreement>",
    "huge attribute": SMALL.replace(b'<agreement id="', b'<agreement x="' + b"A" * 10_500_000 + b'" id="', 1),
    "huge text": SMALL.replace(b"</title>", b"x" * 10_500_000 + b"</title>", 1),
    "over the size limit": SMALL.replace(b"</title>", b"<!--" + b"x" * (17 * 1024 * 1024) + b"--></title>", 1),
    "utf-16": SMALL.decode("utf-8").encode("utf-16"),
    "nul byte": SMALL.replace(b"</title>", b"\x00</title>", 1),
    "invalid utf-8": SMALL.replace(b"</title>", b"\xff\xfe</title>", 1),
    "empty": b"",
    "namespaced": SMALL.replace(b'<agreement id="', b'<agreement xmlns="urn:elsewhere" id="', 1),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_DOCUMENTS))
def test_hostile_xml_is_refused_by_every_command_in_one_line(run_cli, tmp_path, name, amendment_repo):
    path = tmp_path / "hostile.xml"
    data = HOSTILE_DOCUMENTS[name]
    path.write_bytes(data)
    clean = tmp_path / "clean.xml"
    clean.write_bytes(SMALL)
    repo, _ = amendment_repo
    head = git(repo, "rev-parse", "HEAD")
    for args in (
        ("fmt", "--check", path),
        ("show", path, "--format", "json"),
        ("import", "bwb", path),
        ("redline", clean, path, "--format", "json"),
        ("-C", repo, "amend", "propose", path, "--by", BY),
        ("-C", repo, "amend", "propose", "--from-file", path, "--title", "T", "--by", BY),
        ("init", tmp_path / "new", "--from", path, "--by", BY),
    ):
        code, out, err = run_cli(*args)
        assert code == 1, (name, args[0], code, out[:200], err)
        assert_clean_failure(code, out, err)
        assert "passwd" not in out and "root:" not in out + err
    code, out, err = run_cli("validate", path)
    assert code == 1 and err == "" and len(out.strip().split("\n")) >= 1 and "Traceback" not in out
    assert path.read_bytes() == data
    assert git(repo, "rev-parse", "HEAD") == head and git(repo, "status", "--porcelain") == ""
    assert not (tmp_path / "new").exists()


def test_fmt_of_several_files_writes_none_when_one_is_bad(run_cli, tmp_path):
    messy = tmp_path / "a.xml"
    messy.write_bytes(SMALL.replace(b"<body>", b"<body >", 1))
    bad = tmp_path / "b.xml"
    bad.write_bytes(SMALL[: len(SMALL) // 2])
    code, out, err = run_cli("fmt", messy, bad)
    assert code == 1
    assert_clean_failure(code, out, err)
    assert str(bad) in err
    assert messy.read_bytes() == SMALL.replace(b"<body>", b"<body >", 1)  # not rewritten: nothing changes
    code, out, err = run_cli("fmt", messy)
    assert code == 0 and messy.read_bytes() == SMALL


def test_the_xml_limits_are_what_the_parser_enforces():
    """The limits the hostile-document test relies on (so a change to them is a deliberate one)."""
    from akkoordvc.model import xmlparse

    assert xmlparse.MAX_DEPTH <= 256
    assert xmlparse.MAX_BYTES <= 16 * 1024 * 1024 or os.environ.get("AKKOORD_MAX_XML_BYTES")


# --- text options -----------------------------------------------------------------------------------------

# what a command line can carry: no NUL (the OS cannot pass it), but control characters, line breaks, bytes
# that are not UTF-8 (Python hands them on as lone surrogates) and very long values
OPTION_TEXT = st.one_of(
    st.text(st.characters(blacklist_characters="\x00", blacklist_categories=()), max_size=40),
    st.sampled_from(
        ["\x01", "a\udcffb", "a\nb", "x" * 5000, "", " ", "<>&\"'", "a\u2028b", "\ufffe", "\x1b[31m", "-x"]
    ),
)


@pytest.mark.slow
@settings(max_examples=120, **SETTINGS)
@given(
    option=st.sampled_from(["--title", "--by", "--co-proposer", "--rationale", "--source", "--supersedes", "--date"]),
    value=OPTION_TEXT,
)
def test_amend_propose_options_never_crash_or_poison_the_repository(run_cli, amendment_repo, tmp_path, option, value):
    repo, _ = amendment_repo
    edited = tmp_path / "edited.xml"
    edited.write_bytes(SAMPLE.replace(b"ongeveer 40 bijeenkomsten", b"circa 40 bijeenkomsten"))
    args = {"--title": "T", "--by": BY}
    args[option] = value
    flat = [item for pair in args.items() for item in pair]
    head = git(repo, "rev-parse", "HEAD")
    code, out, err = run_cli("-C", repo, "amend", "propose", "--from-file", edited, *flat)
    assert_clean_failure(code, out, err)
    if code != 0:
        assert git(repo, "rev-parse", "HEAD") == head
    code, _, err = run_cli("-C", repo, "amend", "list", "--json")
    assert code == 0, err  # never a record the repository cannot read back
    assert git(repo, "status", "--porcelain") == ""


@settings(max_examples=60, **SETTINGS)
@given(value=OPTION_TEXT, option=st.sampled_from(["--title", "--id", "--lang", "--by"]))
def test_init_options_never_crash(run_cli, tmp_path, option, value):
    target = tmp_path / "init-target"
    args = {"--by": BY}
    args[option] = value
    code, out, err = run_cli("init", target, *[item for pair in args.items() for item in pair])
    assert_clean_failure(code, out, err)
    if code != 0:
        assert not target.exists()
    else:
        import shutil

        shutil.rmtree(target)


@settings(max_examples=60, **SETTINGS)
@given(value=OPTION_TEXT, option=st.sampled_from(["--title", "--id", "--lang"]))
def test_import_text_options_never_crash(run_cli, tmp_path, value, option):
    path = tmp_path / "akkoord.md"
    path.write_bytes(TEXT)
    code, out, err = run_cli("import", "text", path, option, value)
    assert_clean_failure(code, out, err)
