"""Sequence algorithms shared by the redline and the amendment derivation."""

from __future__ import annotations

from bisect import bisect_left


def longest_increasing(sequence: list[int]) -> set[int]:
    """Indices (into `sequence`) of one longest strictly increasing subsequence, in O(n log n).

    Elements off it are the fewest that must move to restore the order: the clauses a redline
    reports as moved, the operations an amendment records as moves.
    """
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_at: list[int] = []  # index in sequence of that tail
    before: list[int] = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        before[i] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        keep.add(i)
        i = before[i]
    return keep
