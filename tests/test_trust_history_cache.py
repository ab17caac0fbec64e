"""The append-only check walks only the commits since the last one it checked (issue 10), and finds what a whole walk
finds: a file rewritten before that commit is still reported after it, with the cache and without it."""

from __future__ import annotations

import shutil

import pytest
from trust_world import World

from akkoordvc.trust import cache


@pytest.fixture
def own_secret(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.SECRET_ENV, str(tmp_path / "user-cache"))


def rewritten(world: World) -> list[tuple[str, str]]:
    return sorted((p.code, p.where) for p in world.verify().problems if p.code in ("file-changed", "file-deleted"))


def test_a_rewrite_stays_found_after_later_commits(world, own_secret):
    first, *_, last = world.statements("endorsements", "org-a")
    assert rewritten(world) == []  # the cache now holds the history up to here
    world.commit({last: None, last + ".sig": None})
    assert rewritten(world) == [("file-deleted", last), ("file-deleted", last + ".sig")]
    world.commit({"notes.txt": b"an unrelated commit\n"}, "later")
    found = rewritten(world)  # only the commit since the last check is walked
    assert found == [("file-deleted", last), ("file-deleted", last + ".sig")]
    world.commit({first + ".sig": world.read(first + ".sig") + b"\n"}, "and another")
    assert rewritten(world) == sorted([*found, ("file-changed", first + ".sig")])
    shutil.rmtree(world.root / ".git" / cache.FOLDER)
    assert rewritten(world) == sorted([*found, ("file-changed", first + ".sig")])
