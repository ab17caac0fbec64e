"""The word diff held against an independent longest common subsequence of the words (a plain quadratic
table, nothing shared with the diff's own code).

What is minimal and what is not: the diff cleans its raw result semantically (small equalities between
edits are merged into them, so a reader sees one change instead of a confetti of words), so in general
it changes more words than the LCS bound (measured: about half of random small pairs). Two things hold
and are checked: no diff is below the bound (its unchanged words are a common subsequence of both
texts), and a single edit (one word replaced, inserted or deleted anywhere) is shown minimally.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from akkoordvc.ops.tokens import tokenize
from akkoordvc.ops.worddiff import diff_words

VOCABULARY = ["de", "huurder", "betaalt", "huur", "per", "maand", "aan", "verhuurder", "artikel", "3", "lid", ",", "."]
texts = st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=40)


def lcs_length(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def words(text: str) -> list[str]:
    return [token for token in tokenize(text) if not token.isspace()]


def changed_words(old: str, new: str) -> tuple[int, int]:
    """Words the diff shows as deleted or inserted, and the fewest any diff could show."""
    diff = diff_words(old, new)
    changed = sum(len(words(text)) for op, text in diff.segments if op != "=")
    a, b = words(old), words(new)
    return changed, len(a) + len(b) - 2 * lcs_length(a, b)


def test_the_oracle():
    assert lcs_length("abcbdab", "bdcaba") == 4
    assert changed_words("de huurder betaalt", "de verhuurder betaalt") == (2, 2)


@settings(max_examples=400, deadline=None)
@given(texts, texts)
def test_no_diff_changes_fewer_words_than_the_bound(a, b):
    changed, minimal = changed_words(" ".join(a), " ".join(b))
    assert changed >= minimal


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=100),
    st.sampled_from(["replace", "insert", "delete"]),
    st.integers(min_value=0),
    st.sampled_from(VOCABULARY),
)
def test_a_single_edit_is_shown_minimally(old, edit, where, word):
    new = list(old)
    position = where % len(old)
    if edit == "replace":
        new[position] = word
    elif edit == "insert":
        new.insert(position, word)
    else:
        del new[position]
    changed, minimal = changed_words(" ".join(old), " ".join(new))
    assert changed == minimal
