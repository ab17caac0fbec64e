"""One canonical form: the same content gives the same bytes."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from akkoordvc.model import canonical
from akkoordvc.model.document import Document
from akkoordvc.model.strings import collapse
from akkoordvc.model.validate import problems
from akkoordvc.model.xmlparse import parse_bytes

MESSY = """<?xml version='1.0' encoding='utf-8'?>
<agreement lang="nl"   id="t"><meta><title>  Een
   titel </title></meta>
<body><clause num="1" id="c1"><heading>Kop</heading><p>Tekst  met
  <em>nadruk</em>   en  <ref href="#c1">een   verwijzing</ref>.</p></clause></body></agreement>"""


def test_messy_input_gets_canonical_layout():
    data = canonical.to_bytes(parse_bytes(MESSY.encode()))
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<agreement id="t" lang="nl">\n')
    assert b"    <title>Een titel</title>\n" in data
    assert b'      <p>Tekst met <em>nadruk</em> en <ref href="#c1">een verwijzing</ref>.</p>\n' in data
    assert data.endswith(b"</agreement>\n")


def test_attribute_order_is_fixed():
    a = parse_bytes(b'<agreement lang="nl" id="x"><meta><title>t</title></meta><body/></agreement>')
    b = parse_bytes(b'<agreement id="x" lang="nl"><meta><title>t</title></meta><body/></agreement>')
    assert canonical.to_bytes(a) == canonical.to_bytes(b)


def test_unicode_is_nfc():
    decomposed = unicodedata.normalize("NFD", "coöperatie café")
    root = parse_bytes(
        f'<agreement id="x" lang="nl"><meta><title>{decomposed}</title></meta><body/></agreement>'.encode()
    )
    assert "coöperatie café".encode() in canonical.to_bytes(root)


def test_non_breaking_space_is_content_not_layout():
    root = parse_bytes('<agreement id="x" lang="nl"><meta><title>a\u00a0 b</title></meta><body/></agreement>'.encode())
    assert "<title>a\u00a0 b</title>".encode() in canonical.to_bytes(root)


def test_escaping_round_trips():
    root = parse_bytes(
        b'<agreement id="x" lang="nl"><meta><title>a &lt; b &amp; c &gt; d "q"</title></meta><body/></agreement>'
    )
    data = canonical.to_bytes(root)
    assert b'a &lt; b &amp; c &gt; d "q"' in data
    assert canonical.to_bytes(parse_bytes(data)) == data


def test_sample_text_is_canonical_and_valid(sample_path):
    data = sample_path.read_bytes()
    doc = Document.from_bytes(data, str(sample_path))
    assert doc.to_bytes() == data
    assert problems(doc.root) == []
    assert 30 <= len(doc.clauses) <= 60
    assert doc.text_sha256 == canonical.sha256(data)


def test_every_block_element_on_its_own_line(sample_path):
    for line in sample_path.read_text("utf-8").splitlines()[1:]:
        stripped = line.strip()
        assert stripped.startswith("<"), line
        # a line opens at most one block element: inline containers close on the same line
        assert stripped.count("<clause ") <= 1 and stripped.count("<para") <= 1


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=40,
) | st.sampled_from(["  a  b ", "\n\tx\n", "café", "e\u0301", "\u00a0", "1.000,-", "<&>\"'"])


@st.composite
def documents(draw):
    from lxml import etree

    root = etree.Element("agreement", id="d", lang="nl")
    meta = etree.SubElement(root, "meta")
    etree.SubElement(meta, "title").text = draw(_text)
    body = etree.SubElement(root, "body")
    for index in range(draw(st.integers(0, 4))):
        clause = etree.SubElement(body, "clause", num=str(index + 1), id=f"c{index}")
        for _ in range(draw(st.integers(0, 3))):
            p = etree.SubElement(clause, "p")
            p.text = draw(_text)
            if draw(st.booleans()):
                em = etree.SubElement(p, "em")
                em.text = draw(_text)
                em.tail = draw(_text)
    return root


@settings(max_examples=150, deadline=None)
@given(documents())
def test_canonical_is_a_fixed_point(root):
    first = canonical.to_bytes(root)
    second = canonical.to_bytes(parse_bytes(first))
    assert first == second
    assert first.decode("utf-8") == unicodedata.normalize("NFC", first.decode("utf-8"))


# --- the serializer's fast paths give the same strings as the plain steps --------------------------

_MIXED = st.text(alphabet=st.sampled_from(list("ab &<>\"'\t\n\r  \u00a0é\u0301ﬁ")), max_size=30) | st.text(max_size=30)


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_fast_text_and_attribute_escaping_match_the_plain_steps(text):
    assert canonical._text(text) == canonical._escape_text(collapse(canonical.nfc(text)))
    assert canonical._value(text) == canonical._escape_attr(canonical.nfc(text))


def test_a_remembered_clause_hash_is_the_hash_of_that_clause(sample_path):
    """`remembered_sha256` answers from what it hashed before only for the same clause: any change of its id, an
    attribute, its text or a child is another clause (issue 10: the versions of a text share most clauses)."""
    root = parse_bytes(sample_path.read_bytes())
    first = Document(root).clauses[0].element
    assert canonical.remembered_sha256(first) == canonical.element_sha256(first)
    changes = [
        lambda c: c.set("id", c.get("id") + "x"),
        lambda c: c.set("num", "99"),
        lambda c: next(c.iter("p")).__setattr__("text", (next(c.iter("p")).text or "") + " meer"),
        lambda c: c.append(parse_bytes(b"<p>Een nieuwe alinea.</p>")),
    ]
    for change in changes:
        again = parse_bytes(sample_path.read_bytes())
        clause = Document(again).clauses[0].element
        change(clause)
        assert canonical.remembered_sha256(clause) == canonical.element_sha256(clause)
        assert canonical.remembered_sha256(clause) != canonical.remembered_sha256(first)
