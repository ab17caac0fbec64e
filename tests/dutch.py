"""Finding English in what a Dutch user is shown: a deny-list of words the English output uses, and the fixture
`dutch` (no language chosen, so a Dutch repository's text decides). Loaded as a pytest plugin by conftest.py, so
every test can ask for `dutch`; import `english_words` from here.

What is code stays as it is and is left out of the check: commands and options in backticks, paths and ids,
hashes and keys, element names."""

from __future__ import annotations

import re

import pytest

from akkoordvc import messages

#: words of the English output that have no place in a Dutch sentence
ENGLISH = frozenset(
    """endorsed pending declined withdrawn historic version versions problem problems signature signatures valid
    registry statement statements signed attested sitting current everything verifies created added amendment
    amendments proposed accepted rejected key keys since changed record serial the and not none warning note name
    succeeds threshold required remembered anchor trust clone deleted restore files yet last nothing
    organisation retired revoked expired consolidated operations history rationale proposers source clause clauses
    insert replace heading after before initial editorial title date by on changed contested""".split()
)
#: what is code, not language: `commands`, options, paths, ids with a dash, hashes, fingerprints, keys, emails,
#: element names (<clause>, </heading>)
CODE = re.compile(
    r"`[^`]*`|--[a-z-]+|</?[\w:.-]+>|\S*/\S*|\S+@\S+|\b[\w.]+-[\w.-]+\b|\b\w+_\w+\b|\bsha256:\w+|SHA256:\S+"
    r"|\b[0-9a-f]{7,}\b"
)


def english_words(output: str) -> list[str]:
    """The deny-listed English words in `output`, outside what is code."""
    return [w for w in re.findall(r"[A-Za-z]+", CODE.sub(" ", output)) if w.lower() in ENGLISH]


@pytest.fixture
def dutch(monkeypatch):
    """No language chosen: the repository's Dutch text decides."""
    monkeypatch.delenv(messages.ENV, raising=False)
    messages.reset()
    yield
    messages.reset()
