"""Registry forks and merges (issue 9 items 1 and 7), built with real git and real ssh-keygen keys.

The attacker is a revoked admin with push access: it checks out an old commit with plain git,
signs records there with akkoord (anyone can run it) and merges the branch back with plain git.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from trust_world import BY, TODAY, World, keygen, signatory

from akkoordvc.errors import AkkoordError
from akkoordvc.trust import changes as C
from akkoordvc.trust import model as M
from akkoordvc.trust import registry as R
from akkoordvc.trust import registry_ops as O
from akkoordvc.trust import sshsig

TOMORROW = TODAY + dt.timedelta(days=1)


def codes(report) -> set[str]:
    return {p.code for p in report.problems}


def add_admins(world: World, tmp_path) -> None:
    """Admins admin2 and admin3 join (threshold still 1)."""
    world.keys = {**world.keys, "admin3": keygen(tmp_path, "admin3")}
    for name in ("admin2", "admin3"):
        public = sshsig.read_public_key_file(str(world.keys[name]) + ".pub")
        world.change(lambda reg, p=public, n=name: O.add_admin(M.AdminKey(public=p, start=TODAY, id=n, name=n)))


def raise_threshold_and_revoke_admin(world: World) -> list[C.Committed]:
    return [
        world.change(lambda reg: O.set_threshold(2)),
        world.change(lambda reg: O.revoke_admin("admin", TOMORROW, "left the secretariat"), keys=("admin2", "admin3")),
    ]


def fork_from(world: World, commit: str, branch: str, ops_for, keys=("admin",)) -> C.Committed:
    """On a branch from the old `commit` (plain git), sign a registry record there, and merge it back (plain git)."""
    world.git("checkout", "-q", "-b", branch, commit)
    result = world.change(ops_for, keys=keys)
    world.git("checkout", "-q", "main")
    world.git("merge", "-q", "--no-edit", branch)
    return result


# item 1: the revoked admin's fork --------------------------------------------------------------------------
def test_revoked_admin_forks_an_old_registry_to_add_its_key_to_the_sitting_college(world, tmp_path, no_git_identity):
    add_admins(world, tmp_path)
    old = world.git("rev-parse", "HEAD").strip()  # threshold 1: admin alone could still sign here
    raise_threshold_and_revoke_admin(world)
    assert world.verify().ok
    stranger = O.new_key(str(world.keys["stranger"]) + ".pub", TODAY)
    evil = fork_from(world, old, "evil", lambda reg: O.add_key("college-2026-2030", stranger))
    world.git_commit({"notes.txt": b"routine\n"})  # more history on top: nothing is rewritten
    report = world.verify()
    assert not report.ok
    forks = [p for p in report.problems if p.code == "registry-fork"]
    assert forks and all(evil.record.sha in p.where for p in forks)
    assert all(f"({evil.record.short}) does not count" in p.message for p in forks)
    college = report.registry.current.signatory("college-2026-2030")
    assert stranger.public.blob not in {k.public.blob for k in college.keys}  # the honest registry stays in force
    assert report.registry.current.admin("admin").revoked == TOMORROW
    # the attacker's key cannot make the college sign
    with pytest.raises(AkkoordError, match="not a registered key of college-2026-2030"):
        world.endorse("2023", "college-2026-2030", "stranger")
    # the admins settle it: a resolution that names what it drops, signed by the threshold of every branch
    with pytest.raises(AkkoordError, match="fork"):
        world.change(lambda reg: O.retire("org-b", TODAY))
    ws = world.ws()
    done = C.resolve(
        ws,
        R.load_state(ws),
        [evil.record.sha[:12]],
        "signed by a revoked admin",
        [str(world.keys["admin2"]), str(world.keys["admin3"])],
        BY,
        TODAY,
    )
    assert done.complete
    report = world.verify()
    assert report.ok, [str(p) for p in report.problems]
    assert report.registry.dropped == [evil.record.sha]


def test_revoked_admin_forks_to_add_an_admin_key_and_cannot_resolve_it_alone(world, tmp_path, no_git_identity):
    add_admins(world, tmp_path)
    old = world.git("rev-parse", "HEAD").strip()
    honest = raise_threshold_and_revoke_admin(world)
    second = sshsig.read_public_key_file(str(world.keys["stranger"]) + ".pub")
    evil = fork_from(
        world, old, "evil", lambda reg: O.add_admin(M.AdminKey(public=second, start=TODAY, id="admin-b", name="B"))
    )
    report = world.verify()
    assert "registry-fork" in codes(report)
    # both changes of the admins are held back: neither the new admin key nor the revocation counts
    assert report.registry.current.admin("admin-b") is None
    assert any("neither counts" in p.message for p in report.problems if p.code == "registry-fork")
    # the revoked admin resolves in its own favour, dropping the threshold change and the revocation: signed
    # only under its own branch (threshold 1), it does not count
    ws = world.ws()
    drop = [h.record.sha[:12] for h in honest]
    attempt = C.resolve(ws, R.load_state(ws), drop, "mine", [str(world.keys["admin"])], BY, TODAY)
    state = world.state()
    assert attempt.record.sha not in state.valid and state.forks
    assert any(p.where == attempt.record.path for p in state.problems)
    # the sitting admins drop the fork (their resolution joins the attacker's too)
    ws = world.ws()
    C.resolve(
        ws,
        R.load_state(ws),
        [evil.record.sha[:12]],
        "not ours",
        [str(world.keys["admin2"]), str(world.keys["admin3"])],
        BY,
        TODAY,
    )
    state = world.state()
    assert not state.forks and state.current.admin("admin").revoked == TOMORROW
    assert state.current.admin("admin-b") is None and state.current.threshold == 2
    report = world.verify()
    assert codes(report) == {"record-unsigned"}  # the attacker's failed resolution stays visible


def test_old_record_replayed_under_a_new_name_is_no_fork(world, tmp_path, no_git_identity):
    """A merge of two branches that both hold the same records is no fork: records are content-addressed."""
    world.git("checkout", "-q", "-b", "side")
    world.change(lambda reg: O.add_signatory(signatory("org-d", "D", "organisation")))
    world.git("checkout", "-q", "main")
    world.git("cherry-pick", "side")
    world.git("merge", "-q", "--no-edit", "side")
    assert world.verify().ok


# item 7: concurrent signed changes merge -------------------------------------------------------------------
def clone(world: World, target) -> World:
    subprocess.run(["git", "clone", "-q", str(world.root), str(target)], check=True)
    return World(target, world.keys)


def test_two_clones_each_add_a_signatory_and_keep_both_after_a_plain_git_pull(world, tmp_path, no_git_identity):
    a, b = clone(world, tmp_path / "a"), clone(world, tmp_path / "b")
    ra = a.change(lambda reg: O.add_signatory(signatory("org-d", "Stichting D", "organisation")))
    rb = b.change(lambda reg: O.add_signatory(signatory("org-e", "Vereniging E", "organisation")))
    assert ra.record.serial == rb.record.serial  # the same serial, concurrently
    a.git("pull", "-q", "--no-rebase", "--no-edit", str(b.root), "main")
    assert a.git("status", "--porcelain") == ""
    report = a.verify()
    assert report.ok, [str(p) for p in report.problems]
    registry = report.registry.current
    assert registry.signatory("org-d") and registry.signatory("org-e")
    assert sorted(h.sha for h in report.registry.heads) == sorted([ra.record.sha, rb.record.sha])
    # the next record joins both heads
    joined = a.change(lambda reg: O.retire("org-d", TODAY))
    assert joined.record.parents == sorted([ra.record.sha, rb.record.sha])
    assert a.verify().ok


def test_two_clones_add_the_same_signatory_id_differently_is_a_fork_until_resolved(
    world, tmp_path, no_git_identity, run_cli
):
    a, b = clone(world, tmp_path / "a"), clone(world, tmp_path / "b")
    ra = a.change(lambda reg: O.add_signatory(signatory("org-d", "Stichting D", "organisation")))
    rb = b.change(lambda reg: O.add_signatory(signatory("org-d", "Dorpsraad D", "organisation")))
    a.git("pull", "-q", "--no-rebase", "--no-edit", str(b.root), "main")
    report = a.verify()
    assert codes(report) == {"registry-fork"}
    assert "neither counts" in report.problems[0].message
    assert report.registry.current.signatory("org-d") is None  # neither is silently kept or dropped
    code, out, err = run_cli(
        "signatory",
        "resolve",
        "--drop",
        rb.record.sha[:12],
        "--reason",
        "the dorpsraad registers as org-dr",
        "--key",
        a.keys["admin"],
        "--by",
        "Secretariaat",
        cwd=a.root,
    )
    assert code == 0, err
    assert out.startswith("Resolved the registry fork (record ")
    report = a.verify()
    assert report.ok, [str(p) for p in report.problems]
    assert report.registry.current.signatory("org-d").name == "Stichting D"
    assert report.registry.dropped == [rb.record.sha] and ra.record.sha in report.registry.valid


def test_concurrent_changes_of_one_signatory_do_not_commute(world, tmp_path, no_git_identity):
    a, b = clone(world, tmp_path / "a"), clone(world, tmp_path / "b")
    a.change(lambda reg: O.retire("org-c", TODAY))
    late = keygen(tmp_path, "late")
    b.change(lambda reg: O.add_key("org-c", O.new_key(str(late) + ".pub", TODAY)))
    a.git("pull", "-q", "--no-rebase", "--no-edit", str(b.root), "main")
    report = a.verify()
    assert codes(report) == {"registry-fork"} and len(report.problems) == 1
    org_c = report.registry.current.signatory("org-c")
    assert org_c.retired is None and len(org_c.keys) == 1
