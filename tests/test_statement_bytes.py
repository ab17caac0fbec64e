"""Reading a statement's bytes: clause hashes read once per version (issue 10), every other byte checked as before.

Every statement about one version holds the same clause hashes, so `statements.read_fields` reads that run of bytes
once per process and, for a later statement holding the same run, parses only the rest. These tests hold it to
`parse_statement` (the full reading) on statements that share the run but differ, or are damaged, elsewhere.
"""

from __future__ import annotations

import pytest

from akkoordvc.trust import statements as S
from akkoordvc.trust.jsonfile import canonical_json
from akkoordvc.trust.statements import StatementError, clauses_digest, parse_statement, read_fields

HEX64 = "ab" * 32


def fields(**changes) -> dict:
    found = {
        "format": S.FORMAT,
        "kind": "endorsement",
        "agreement": "maak020",
        "version": "2023",
        "version_record": "cd" * 32,
        "commit": "ef" * 20,
        "text_sha256": HEX64,
        "clauses": [[f"c{n}", f"{n:064x}"] for n in range(1, 40)],
        "signatory": "org-a",
        "decision": "endorse",
        "mandate": None,
        "comment": None,
        "date": "2026-11-27",
        "seq": 1,
        "previous": [],
        "registry": ["12" * 32],
    }
    found.update(changes)
    return found


def full_reading(data: bytes) -> tuple[dict, str] | str:
    """What `parse_statement` (no clause hashes remembered) finds: (fields but clauses, their digest) or the error."""
    try:
        obj = parse_statement(data)
    except StatementError as exc:
        return exc.message
    return obj, clauses_digest(obj.pop("clauses"))


def shared_reading(data: bytes) -> tuple[dict, str] | str:
    try:
        return read_fields(data)
    except StatementError as exc:
        return exc.message


def test_a_statement_reads_the_same_whether_its_clause_hashes_were_seen_or_not():
    first = canonical_json(fields())
    assert shared_reading(first) == full_reading(first)
    second = canonical_json(fields(signatory="org-b", seq=3, previous=[HEX64], comment='Met "clauses": [] erin'))
    assert shared_reading(second) == full_reading(second)
    assert shared_reading(second)[1] == shared_reading(first)[1]
    other = canonical_json(fields(clauses=[["c1", HEX64]]))
    assert shared_reading(other)[1] != shared_reading(first)[1]


def _damaged(good: bytes) -> list[bytes]:
    """Statements holding the clause hashes of `good`, byte for byte, that are not in canonical form elsewhere (or
    not statements at all)."""
    head, rest = good.split(b',"clauses":', 1)
    run, tail = rest.split(b'],"comment":', 1)
    run += b"]"
    tail = b',"comment":' + tail
    return [
        good.replace(b'"seq":1', b'"seq": 1'),  # a space
        good.replace(b'"seq":1', b'"seq":01'),  # not JSON
        good[:-1],  # no final newline
        good + b"\n",  # two
        head + b',"clauses":' + run + b',"clauses":[]' + tail,  # a key twice
        head + b',"clauses":' + run + tail.replace(b'"comment":null', b'"comment":"Cafe\xcc\x81"'),  # not NFC
        head + b',"clauses":' + run + tail.replace(b'"comment":null', b'"comment":"\\ud800"'),  # a lone surrogate
        head + b',"clauses":' + run + tail.replace(b'"comment":null', b'"comment":' + b"[" * 20 + b"]" * 20),
        head + b',"clauses":' + run + tail.replace(b'"decision":"endorse",', b""),  # a field missing
        head + b',"clauses":' + run + tail.replace(b'"date":"2026-11-27"', b'"date":"2026-11-27","extra":1'),
        head.replace(b'"maak020"', b'"maak020\\",\\"clauses\\":' + run.replace(b'"', b'\\"') + b'"')
        + b',"clauses":'
        + run
        + tail,  # the run inside the agreement's string: not a valid identifier
        b"{" + good[len(b'{"agreement":"maak020",') :],  # the agreement left out
    ]


@pytest.mark.parametrize("index", range(12))
def test_a_statement_holding_known_clause_hashes_is_checked_in_full_elsewhere(index):
    good = canonical_json(fields())
    assert shared_reading(good) == full_reading(good)  # the clause hashes are now known
    bad = _damaged(good)[index]
    assert bad != good
    found = full_reading(bad)
    assert isinstance(found, str), f"{bad!r} reads as a statement"
    assert shared_reading(bad) == found


@pytest.mark.parametrize(
    "clauses, error",
    [
        ([["c1", HEX64, "x"]], "clauses must be a list of [id, sha256] pairs"),
        ([["c1\u0000", HEX64]], "a clause id or hash contains a NUL character"),
        ("c1", "field 'clauses' has the wrong type"),
    ],
)
def test_clause_hashes_that_are_not_pairs_are_refused_every_time(clauses, error):
    data = canonical_json(fields(clauses=clauses))
    for _ in range(2):
        assert shared_reading(data) == full_reading(data) == error
    again = canonical_json(fields(clauses=clauses, seq=2, previous=[HEX64]))
    assert shared_reading(again) == error
