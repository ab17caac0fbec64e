"""The hardened parser refuses hostile and malformed XML with one clear line."""

import pytest

from akkoordvc.errors import XMLInputError
from akkoordvc.model import xmlparse

HOSTILE = {
    "billion-laughs": b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<agreement>&lol3;</agreement>""",
    "xxe-file": b"""<?xml version="1.0"?>
<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><agreement>&xxe;</agreement>""",
    "xxe-network": b"""<!DOCTYPE a [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]><agreement>&xxe;</agreement>""",
    "external-dtd": b"""<?xml version="1.0"?><!DOCTYPE agreement SYSTEM "http://127.0.0.1:9/evil.dtd"><agreement/>""",
    "parameter-entity": b"""<!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><a/>""",
    "lowercase-doctype": b"""<!doctype a><a/>""",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_are_refused_before_parsing(name):
    with pytest.raises(XMLInputError) as info:
        xmlparse.parse_bytes(HOSTILE[name], f"{name}.xml")
    message = str(info.value)
    assert message.startswith(f"{name}.xml:")
    assert "DTD or entity" in message and "\n" not in message


def test_undeclared_entity_is_malformed_not_expanded():
    with pytest.raises(XMLInputError, match=r"x.xml:1:\d+: malformed XML"):
        xmlparse.parse_bytes(b"<a>&ent;</a>", "x.xml")


def test_malformed_xml_reports_line_and_column():
    with pytest.raises(XMLInputError) as info:
        xmlparse.parse_bytes(b"<agreement>\n  <meta>\n</agreement>\n", "bad.xml")
    assert str(info.value).startswith("bad.xml:3:")
    assert "malformed XML" in str(info.value)


def test_too_large_input_is_refused(monkeypatch):
    monkeypatch.setattr(xmlparse, "MAX_BYTES", 1000)
    with pytest.raises(XMLInputError, match="over the limit of 1,000 bytes"):
        xmlparse.parse_bytes(b"<a>" + b"x" * 2000 + b"</a>", "big.xml")


def test_too_large_file_is_refused_without_reading(monkeypatch, tmp_path):
    monkeypatch.setattr(xmlparse, "MAX_BYTES", 1000)
    path = tmp_path / "big.xml"
    path.write_bytes(b"<a>" + b"x" * 2000 + b"</a>")
    with pytest.raises(XMLInputError, match="over the limit"):
        xmlparse.parse_file(path)


def test_deep_nesting_is_refused():
    data = b"<a>" * 5000 + b"</a>" * 5000
    with pytest.raises(XMLInputError, match="nested deeper than"):
        xmlparse.parse_bytes(data, "deep.xml")


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "malformed XML"),
        (b"   ", "malformed XML"),
        (b"not xml at all", "malformed XML"),
        (b"<a></b>", "malformed XML"),
        (b"<a>\x00</a>", "malformed XML"),
        (b"<a><b></a>", "malformed XML"),
        (b'<?xml version="1.0" encoding="UTF-8"?><a>\xff\xfe</a>', "malformed XML"),
        ("<a/>".encode("utf-16"), "UTF-16"),
        (b"<a/><b/>", "malformed XML"),
    ],
)
def test_malformed_catalogue(data, expected):
    with pytest.raises(XMLInputError) as info:
        xmlparse.parse_bytes(data, "m.xml")
    assert expected in str(info.value)
    assert str(info.value).startswith("m.xml")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(XMLInputError, match="no such file"):
        xmlparse.parse_file(tmp_path / "nope.xml")
    with pytest.raises(XMLInputError, match="is a directory"):
        xmlparse.parse_file(tmp_path)


def test_comments_and_processing_instructions_are_not_content():
    root = xmlparse.parse_bytes(b"<a><!-- c --><?pi x?><b>t</b></a>")
    assert [child.tag for child in root] == ["b"]
