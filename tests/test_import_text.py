"""The plain-text and Markdown importer (`akkoordvc.model.plaintext`, `akkoord import text`)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from akkoordvc.errors import AkkoordError
from akkoordvc.model import canonical, names
from akkoordvc.model.plaintext import from_text, slug
from akkoordvc.model.validate import problems
from akkoordvc.model.xmlparse import parse_bytes

MARKDOWN = """\
# Huurovereenkomst kantoorruimte

De ondergetekenden:

- Verhuurder B.V., hierna *verhuurder*;
- Huurder B.V., hierna **huurder**,

komen het volgende overeen.

## Hoofdstuk 1 Algemeen

### Artikel 1 Begrippen

1. In deze overeenkomst wordt verstaan onder:
   a. gehuurde: de ruimte aan de [Hoofdstraat 1](https://example.org/kaart);
   b. huurprijs: het bedrag in artikel 3.
2. Bijlagen maken deel uit van deze
   overeenkomst.

### Artikel 2 Duur

De huur geldt voor vijf jaar.

## Geld

### 3.1 Huurprijs

De huurprijs is € 1.000 per maand.

### 3.2 Betaling

Betaling vóór de eerste van de maand.
"""

PLAIN = """\
Samenwerkingsafspraken gemeente en corporatie

Partijen spreken het volgende af.

1. Doel
De partijen werken samen aan betaalbare woningen.

2. Looptijd
Deze afspraken gelden tot 2030.
1. Verlenging is mogelijk.
2. Opzegging kan schriftelijk.

3. Geschillen
Geschillen gaan naar:
a. de mediator;
b. de rechter.
"""

ARTICLES = """\
Hoofdstuk 1 Begrippen

Dit hoofdstuk regelt de begrippen.

Artikel 1 Slotbepaling
In deze regeling wordt verstaan onder:
a. gemeente: de gemeente Utrecht;
b. college: het college,
   tenzij anders bepaald;
   - met een opsomming
c. raad: de raad.

Artikel 2 Slotbepaling
1. Het college besluit.
2. De raad controleert.

Hoofdstuk 2 Slot

Artikel 3
Artikel 3 van deze regeling treedt in werking.
"""


def convert(text, **options):
    options.setdefault("doc_id", "doc")
    options.setdefault("title", None)
    root = from_text(text, **options)
    data = canonical.to_bytes(root)
    assert problems(parse_bytes(data)) == [], data.decode()
    assert canonical.to_bytes(parse_bytes(data)) == data
    return root, data.decode()


def outline(root):
    """(tag, id, num, heading) of divisions and clauses in document order."""
    found = []
    for element in root.iter(names.DIVISION, names.CLAUSE):
        heading = element.find(names.HEADING)
        text = "".join(heading.itertext()) if heading is not None else None
        found.append((element.tag, element.get(names.ID), element.get(names.NUM), text))
    return found


def document_words(root) -> list[str]:
    """Every word of the result in document order, numbers of clauses, divisions, paras and items included."""
    parts: list[str] = []

    def walk(node):
        block = node.tag not in names.INLINE
        if block:
            parts.append(" ")
        if node.get(names.NUM):
            parts.append(node.get(names.NUM) + " ")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append(" ")

    walk(root)
    return "".join(parts).split()


def source_words(text: str) -> list[str]:
    """The words of a plain/Markdown text without its markup (heading marks, bullets, emphasis, link targets)."""
    text = re.sub(r"\]\([^)]*\)", "", text)
    text = re.sub(r"[*_\[\]]", "", text)
    words = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(#+|[-•])\s+", "", line)
        line = re.sub(r"^(Artikel|Hoofdstuk|Deel)\s+", "", line)  # the kind of a heading, not a word of it
        words.extend(line.split())
    return words


def _number(word: str) -> str:
    """'1.' and '2.1.' are written as the nums '1' and '2.1'."""
    return word[:-1] if re.fullmatch(r"\d+(\.\d+)*\.", word) else word


def assert_words_in_order(text: str, root) -> None:
    got = [_number(w) for w in document_words(root)]
    position = 0
    for word in map(_number, source_words(text)):
        try:
            position = got.index(word, position) + 1
        except ValueError:
            pytest.fail(f"word {word!r} missing or out of order; result continues with {got[position : position + 8]}")


def test_markdown_structure():
    root, text = convert(MARKDOWN, doc_id="huur")
    assert root.findtext(f"{names.META}/{names.TITLE}") == "Huurovereenkomst kantoorruimte"
    assert outline(root) == [
        (names.DIVISION, "d-algemeen", "1", "Algemeen"),
        (names.CLAUSE, "begrippen", "1", "Begrippen"),
        (names.CLAUSE, "duur", "2", "Duur"),
        (names.DIVISION, "d-geld", None, "Geld"),
        (names.CLAUSE, "huurprijs", "3.1", "Huurprijs"),
        (names.CLAUSE, "betaling", "3.2", "Betaling"),
    ]
    assert root.find(f"{names.BODY}/{names.DIVISION}").get(names.KIND) == "chapter"
    begrippen = root.find(f".//{names.CLAUSE}[@{names.ID}='begrippen']")
    assert [p.get(names.NUM) for p in begrippen.findall(names.PARA)] == ["1", "2"]
    items = begrippen.findall(f"{names.PARA}/{names.LIST}/{names.ITEM}")
    assert [i.get(names.NUM) for i in items] == ["a.", "b."]
    assert '<ref href="https://example.org/kaart">Hoofdstraat 1</ref>' in text
    assert "<p>Bijlagen maken deel uit van deze overeenkomst.</p>" in text  # a wrapped line continues
    preamble = root.find(names.PREAMBLE)
    assert "<em>verhuurder</em>" in canonical.to_string(preamble)
    assert "<strong>huurder</strong>" in canonical.to_string(preamble)
    assert preamble.find(names.LIST).get(names.KIND) == "bullet"
    assert_words_in_order(MARKDOWN, root)


def test_plain_text_with_numbered_clauses_and_leden():
    root, _ = convert(PLAIN, doc_id="samen", title="Samenwerking")
    assert root.findtext(f"{names.META}/{names.TITLE}") == "Samenwerking"
    assert outline(root) == [
        (names.CLAUSE, "doel", "1", "Doel"),
        (names.CLAUSE, "looptijd", "2", "Looptijd"),
        (names.CLAUSE, "geschillen", "3", "Geschillen"),
    ]
    looptijd = root.find(f".//{names.CLAUSE}[@{names.ID}='looptijd']")
    assert [p.get(names.NUM) for p in looptijd.findall(names.PARA)] == ["1", "2"]
    geschillen = root.find(f".//{names.CLAUSE}[@{names.ID}='geschillen']")
    assert [i.get(names.NUM) for i in geschillen.iter(names.ITEM)] == ["a.", "b."]
    assert len(root.find(names.PREAMBLE)) == 2
    assert_words_in_order(PLAIN, root)


def test_numbered_sentences_are_clauses_of_their_own():
    root, _ = convert("1. De koper betaalt.\n2. De verkoper levert.\n3. Partijen zwijgen.\n")
    assert [(c.get(names.ID), c.get(names.NUM)) for c in root.iter(names.CLAUSE)] == [
        ("c-1", "1"),
        ("c-2", "2"),
        ("c-3", "3"),
    ]


def test_plain_articles_divisions_and_unique_ids():
    root, _ = convert(ARTICLES, doc_id="regeling", fallback_title="regeling.txt")
    assert root.findtext(f"{names.META}/{names.TITLE}") == "regeling.txt"
    assert outline(root) == [
        (names.DIVISION, "d-begrippen", "1", "Begrippen"),
        (names.CLAUSE, "d-begrippen-intro", "intro", None),  # text before the first clause of a division
        (names.CLAUSE, "slotbepaling", "1", "Slotbepaling"),
        (names.CLAUSE, "slotbepaling-2", "2", "Slotbepaling"),
        (names.DIVISION, "d-slot", "2", "Slot"),
        (names.CLAUSE, "c-3", "3", None),
    ]
    first = root.find(f".//{names.CLAUSE}[@{names.ID}='slotbepaling']")
    outer = first.find(names.LIST)
    assert [i.get(names.NUM) for i in outer.findall(names.ITEM)] == ["a.", "b.", "c."]
    nested = outer.findall(names.ITEM)[1].find(names.LIST)
    assert nested.get(names.KIND) == "bullet" and len(nested) == 1
    second = outer.findall(names.ITEM)[1]
    assert "".join(second.find(names.P).itertext()) == "college: het college, tenzij anders bepaald;"
    last = root.find(f".//{names.CLAUSE}[@{names.ID}='c-3']")
    assert "".join(last.find(names.P).itertext()) == "Artikel 3 van deze regeling treedt in werking."
    assert_words_in_order(ARTICLES, root)


def test_markdown_numbered_headings_and_multilevel_numbers():
    text = (
        "# Voorwaarden\n\n## 1. Definities\n\nTekst een.\n\n## 2.1 Prijs\n\nTekst twee.\n\n"
        "2.2 De koper betaalt binnen dertig dagen.\n"
    )
    root, _ = convert(text)
    assert outline(root) == [
        (names.CLAUSE, "definities", "1", "Definities"),
        (names.CLAUSE, "prijs", "2.1", "Prijs"),
        (names.CLAUSE, "c-2.2", "2.2", None),
    ]
    assert root.findtext(f"{names.META}/{names.TITLE}") == "Voorwaarden"


def test_no_clause_is_a_clear_error():
    with pytest.raises(AkkoordError) as info:
        from_text("Zomaar wat tekst.\n\nNog een alinea.\n", doc_id="x", title=None, source="los.txt")
    message = str(info.value)
    assert message.startswith("los.txt: no clause found;")
    assert "'Artikel 3 Titel'" in message and "'3.1 Titel'" in message and "Hoofdstuk 2" in message
    assert "\n" not in message


def test_slug():
    assert slug("Prijs en betaling") == "prijs-en-betaling"
    assert slug("Één café, ´s avonds!") == "een-cafe-s-avonds"
    assert len(slug("woord " * 40)) <= 48


# --- the command ----------------------------------------------------------------------------------


def test_cli_in_process(run_cli, tmp_path):
    source = tmp_path / "Huur contract.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / "huur.xml"
    code, stdout, stderr = run_cli("import", "text", source, "-o", out, "--id", "huur", "--lang", "nl")
    assert code == 0, stderr
    assert stderr == f"imported 4 clauses from {source} to {out}\n" and stdout == ""
    assert out.read_bytes() == canonical.to_bytes(from_text(MARKDOWN, doc_id="huur", title=None))

    code, stdout, _ = run_cli("import", "text", source, "--title", "Andere titel")
    assert code == 0
    root = etree.fromstring(stdout.encode())
    assert root.get(names.ID) == "huur-contract"  # from the file name
    assert root.findtext(f"{names.META}/{names.TITLE}") == "Andere titel"

    plain = tmp_path / "2024 afspraken.txt"
    plain.write_text(ARTICLES, encoding="utf-8")
    code, stdout, _ = run_cli("import", "text", plain, "--lang", "en")
    root = etree.fromstring(stdout.encode())
    assert code == 0 and root.get(names.ID) == "doc-2024-afspraken" and root.get(names.LANG) == "en"
    assert root.findtext(f"{names.META}/{names.TITLE}") == "2024 afspraken"


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--id", "1 fout"], "--id '1 fout' is not a valid id"),
        (["--lang", "nl nl"], "is not a language tag"),
    ],
)
def test_cli_bad_options(run_cli, tmp_path, args, expected):
    source = tmp_path / "a.txt"
    source.write_text(PLAIN, encoding="utf-8")
    code, _, stderr = run_cli("import", "text", source, *args)
    assert code == 1 and expected in stderr and stderr.count("\n") == 1


def test_cli_subprocess_errors(akkoord_exe, tmp_path):
    empty = tmp_path / "leeg.txt"
    empty.write_text("Geen artikelen hier.\n", encoding="utf-8")
    code, stdout, stderr = akkoord_exe("import", "text", empty, "-o", tmp_path / "out.xml")
    assert code == 1 and stdout == ""
    assert stderr.startswith("akkoord: error: ") and "no clause found" in stderr and stderr.count("\n") == 1
    assert "Traceback" not in stderr and not (tmp_path / "out.xml").exists()

    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Artikel 1 Café\nTekst.\n".encode("latin-1"))
    code, _, stderr = akkoord_exe("import", "text", latin1)
    assert code == 1 and "not UTF-8" in stderr and "Traceback" not in stderr

    good = tmp_path / "goed.txt"
    good.write_text(PLAIN, encoding="utf-8")
    code, stdout, stderr = akkoord_exe("import", "text", good)
    assert code == 0 and stdout.startswith("<?xml") and stderr == ""


def test_markdown_clause_heading_closes_a_division_of_its_level():
    text = "# T\n\n## Hoofdstuk 1 Begin\n\n### Artikel 1\n\nEen.\n\n## Artikel 2\n\nTwee.\n"
    root, _ = convert(text)
    body = root.find(names.BODY)
    assert [child.tag for child in body] == [names.DIVISION, names.CLAUSE]
    assert [c.get(names.NUM) for c in body.find(names.DIVISION).iter(names.CLAUSE)] == ["1"]


def test_bare_numbers_and_intro_text():
    text = "Hoofdstuk 1 Start\n\nInleidende woorden.\n\n1. Eerste regel.\n\n2.\nTweede regel.\n\n3.\nDerde regel.\n"
    root, _ = convert(text)
    assert [(c.get(names.ID), c.get(names.NUM)) for c in root.iter(names.CLAUSE)] == [
        ("d-start-intro", "intro"),
        ("c-1", "1"),
        ("c-2", "2"),
        ("c-3", "3"),
    ]
    assert_words_in_order(text, root)
