"""Which commits descend from which (`amendment_store.contest.Ancestry`), as blame and history ask it for every
version: a real git history with a side branch."""

from __future__ import annotations

from helpers import git

from akkoordvc.storage.amendment_store.contest import Ancestry
from akkoordvc.storage.gitrepo import Repository


def commit(repo, name: str) -> str:
    (repo / name).write_text(name)
    git(repo, "add", name)
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", name)
    return git(repo, "rev-parse", "HEAD").strip()


def test_the_versions_of_a_tip_are_its_history_not_a_side_branch(tmp_path):
    """main: a - b - c; side: a - s. From c, a and b are ancestors and s is not (nor the reverse); from s, only a."""
    git(tmp_path, "init", "-q", "-b", "main")
    a, b = commit(tmp_path, "a"), commit(tmp_path, "b")
    git(tmp_path, "checkout", "-q", "-b", "side", a)
    s = commit(tmp_path, "s")
    git(tmp_path, "checkout", "-q", "main")
    c = commit(tmp_path, "c")
    repo = Repository.discover(tmp_path)
    from_c = Ancestry(repo, c)
    assert [from_c.is_ancestor(x, c) for x in (a, b, c, s)] == [True, True, True, False]
    assert not from_c.is_ancestor(c, b) and from_c.is_ancestor(a, b)
    from_s = Ancestry(repo, s)
    assert [from_s.is_ancestor(x, s) for x in (a, b, c, s)] == [True, False, False, True]
