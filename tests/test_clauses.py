"""Finding a clause the way a person names it (`model.clauses.find_clause`), and `akkoord show --toc`."""

from __future__ import annotations

import json

import pytest

from akkoordvc.errors import AkkoordError
from akkoordvc.model.clauses import find_clause
from akkoordvc.model.document import Document

TEXT = b"""<agreement id="t" lang="nl"><meta><title>T</title></meta><body>
<clause id="aanleiding" num="1"><heading>Aanleiding</heading><para><p>a</p></para></clause>
<clause id="ma-akbanken" num="13"><heading>Ma.akbanken</heading><para><p>b</p></para></clause>
<clause id="ma-akbanken-extra" num="13a"><heading>Meer banken</heading><para><p>c</p></para></clause>
<clause id="right-to-bid" num="36"><heading>Right to Bid</heading><para><p>d</p></para></clause>
<clause id="right-to-plan" num="37"><heading>Right to Plan</heading><para><p>e</p></para></clause>
<clause id="13" num="40"><heading>Een id dat een getal is</heading><para><p>f</p></para></clause>
</body></agreement>"""


@pytest.fixture
def clauses():
    return Document.from_bytes(TEXT).clauses


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ma-akbanken", "ma-akbanken"),  # the permanent id
        ("13", "13"),  # an exact id wins over a number
        ("1", "aanleiding"),  # the displayed number
        ("artikel 1", "aanleiding"),
        ("Art. 36", "right-to-bid"),
        ("article 37.", "right-to-plan"),
        ("13a", "ma-akbanken-extra"),
        ("artikel 13 A", "ma-akbanken-extra"),
        ("right-to-p", "right-to-plan"),  # a unique start of an id
        ("AANL", "aanleiding"),
        ("meer banken", "ma-akbanken-extra"),  # the whole heading
    ],
)
def test_a_clause_is_found_by_id_number_prefix_or_heading(clauses, query, found):
    assert find_clause(clauses, query, "versie 2023").id == found


def test_an_unknown_clause_names_the_closest_candidates(clauses):
    with pytest.raises(AkkoordError) as caught:
        find_clause(clauses, "aanleidng", "versie 2023")
    said = caught.value.said
    assert said.key == "model.clause_unknown_close"
    assert said.render("nl") == (
        "artikel 'aanleidng' staat niet in versie 2023; bedoelde u aanleiding (1, Aanleiding)? "
        "(alle artikelen: `akkoord show versie 2023 --toc`)"
    )
    with pytest.raises(AkkoordError) as caught:
        find_clause(clauses, "zzzzzz", "versie 2023")
    assert caught.value.key == "model.clause_unknown"


def test_a_prefix_of_several_ids_is_refused_naming_them(clauses):
    with pytest.raises(AkkoordError) as caught:
        find_clause(clauses, "right", "2023")
    assert caught.value.key == "model.clause_ambiguous"
    assert "right-to-bid (36, Right to Bid); right-to-plan (37, Right to Plan)" in caught.value.message


def test_show_finds_a_clause_by_number_and_suggests_in_dutch(sample_repo, run_cli, monkeypatch):
    code, out, err = run_cli("-C", sample_repo, "show", "2019", "--clause", "artikel 13", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["id"] == "ma-akbanken"
    monkeypatch.delenv("AKKOORD_LANG")
    code, out, err = run_cli("-C", sample_repo, "show", "--clause", "akbankn")
    assert code == 1 and out == ""
    assert err.startswith("akkoord: fout: artikel 'akbankn' staat niet in working; bedoelde u ma-akbanken (13, "), err


def test_show_toc_lists_every_clause_with_number_id_and_heading(sample_repo, run_cli):
    code, out, err = run_cli("-C", sample_repo, "show", "2019", "--toc")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Maatschappelijk akkoord Amsterdam — contents of 2019"
    assert "I Wat en waar vandaan?" in lines
    row = next(line for line in lines if "ma-akbanken" in line).split()
    assert row[:3] == ["13", "ma-akbanken", "Ma.akbanken"]
    code, out, _ = run_cli("-C", sample_repo, "show", "2019", "--toc", "--format", "json")
    data = json.loads(out)
    assert len(data["clauses"]) == 49
    assert data["clauses"][12] == {
        "num": "13",
        "id": "ma-akbanken",
        "heading": "Ma.akbanken als route naar uitvoering",
        "division": data["clauses"][12]["division"],
    }
    code, _, err = run_cli("-C", sample_repo, "show", "--toc", "--clause", "13")
    assert code == 2 and "give --toc or --clause, not both" in err


def test_blame_and_history_take_a_clause_number(sample_repo, run_cli):
    code, out, err = run_cli("-C", sample_repo, "blame", "--clause", "artikel 13", "--json")
    assert code == 0, err
    assert [entry["clause"] for entry in json.loads(out)] == ["ma-akbanken"]
    code, out, err = run_cli("-C", sample_repo, "history", "--clause", "13", "--json")
    assert code == 0, err
    assert "ma-akbanken" in out
