"""Clone, pull and push through a shared bare repository: converging, verified before taken in, nothing lost."""

from __future__ import annotations

from exchange_world import Clone, git
from forgeries import FORGERIES, edited_statement, refresh, restore, server_refs
from helpers import akkoord, assert_one_line_error


def test_clones_converge_through_a_bare_repository(exchange):
    a = exchange.clone("a")
    b = exchange.clone("b", f"file://{exchange.origin}")
    assert a.refs() == b.refs()
    amendment = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor Haddou <noor@example.org>")
    b.endorse("buurt", "2019")
    a.ak("push")
    code, _, err = b.ak_fail("push")
    assert code == 1
    assert "has commits this clone does not have: run `akkoord pull origin`, then push again" in err
    out = b.ak("pull", "--by", "Energie <energie@example.org>")
    assert "merged into" in out and "taken in: 1 amendment(s), 1 amendment event(s)" in out
    assert b.git("log", "-1", "--format=%an %P").split()[0] == "Energie"
    assert len(b.git("log", "-1", "--format=%P").split()) == 2
    b.ak("push")
    out = a.ak("pull")
    assert "fast-forward" in out and "taken in: 1 statement(s)" in out
    assert a.refs() == b.refs()
    for clone in (a, b):
        assert "OK: everything verifies" in clone.ak("verify")
        assert amendment in clone.ak("amend", "list")
        assert "endorsed" in clone.ak("endorsements")
        assert clone.git("status", "--porcelain") == ""


def test_pull_refuses_every_forgery_and_changes_nothing(exchange):
    """Each forgery Mallory pushes with plain git is refused by `pull` in a clone that pushed (its record of the
    remote comes from the push) and in one that only cloned, and leaves both exactly as they were."""
    a = exchange.clone("a")
    a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor Haddou <noor@example.org>")
    a.endorse("buurt", "2019")
    a.ak("push")
    b = exchange.clone("b")
    mallory = exchange.attacker()
    honest = server_refs(exchange.origin)
    missed = []
    for name, (forge, said) in FORGERIES.items():
        forge(mallory)
        assert server_refs(exchange.origin) != honest, name
        for clone in (a, b):
            before = clone.snapshot()
            code, out, err = clone.ak_fail("pull")
            if not (code == 1 and "pull from origin: refused" in err and said in err and clone.snapshot() == before):
                missed.append((name, clone.name, code, err, out))
            assert "Traceback" not in err
        restore(exchange.origin, honest)
        refresh(mallory)
    assert missed == []
    for clone in (a, b):
        assert "already up to date" in clone.ak("pull")
        assert "OK: everything verifies" in clone.ak("verify")


def test_a_version_label_is_claimed_once(exchange):
    a = exchange.clone("a")
    b = exchange.clone("b")
    a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    a.accept(a.ak("amend", "list").splitlines()[1].split()[0])
    a.version("2024", "Actualisering")
    a.ak("push")
    b.version("2024", "Een andere 2024")
    before = b.snapshot()
    code, _, err = b.ak_fail("pull")
    assert code == 1
    theirs = a.git("rev-parse", "version/2024^{commit}").strip()[:12]
    mine = b.git("rev-parse", "version/2024^{commit}").strip()[:12]
    assert f"origin holds version 2024 at commit {theirs}" in err
    assert f"this clone's version 2024 is commit {mine}" in err
    assert "rename yours with `akkoord version rename 2024 NEW`, then pull again" in err
    assert b.snapshot() == before
    code, _, err = b.ak_fail("push")
    assert code == 1 and "origin holds version 2024" in err
    assert a.git("rev-parse", "version/2024").strip() == git(exchange.origin, "rev-parse", "version/2024").strip()

    assert_one_line_error(*b.ak_fail("version", "rename", "2019", "2019b")[::2], "remote origin already has it")
    out = b.ak("version", "rename", "2024", "2024b")
    assert f"Renamed version 2024 to 2024b (commit {mine})" in out and "never shared" in out
    assert b.git("tag", "-l", "version/*").split() == ["version/2019", "version/2024b"]
    assert b.git("status", "--porcelain") == ""
    assert "fast-forward" in b.ak("pull")
    b.ak("version", "create", "2024b", "--key", b.admin(), "--by", "Secretariaat")
    assert "OK: everything verifies" in b.ak("verify")
    b.ak("push")
    a.ak("pull")
    assert a.refs() == b.refs()
    assert sorted(line.split()[0] for line in a.ak("log").splitlines()) == ["2019", "2024", "2024b"]
    assert "2024b (current)" in a.ak("endorsements")
    assert "OK: everything verifies" in a.ak("verify")


def test_a_version_a_statement_names_keeps_its_label(exchange):
    a = exchange.clone("a")
    a.version("2024", "Actualisering")
    a.endorse("buurt", "2024")
    assert_one_line_error(
        *a.ak_fail("version", "rename", "2024", "2024b")[::2],
        "cannot be renamed: statement endorsements/buurtkracht-oost",
    )
    assert a.git("tag", "-l", "version/*").split() == ["version/2019", "version/2024"]


def test_a_version_an_admin_record_builds_on_keeps_its_label(exchange):
    a = exchange.clone("a")
    a.version("2024", "Actualisering")
    a.add_signatory("huurders")
    assert_one_line_error(
        *a.ak_fail("version", "rename", "2024", "2024b")[::2], "was signed on top of its version record"
    )


def test_push_refuses_a_clone_that_does_not_verify(exchange):
    a = exchange.clone("a")
    a.git("tag", "-a", "version/2099", "-m", "Akkoord-Label: 2099\nAkkoord-Date: 2026-11-27", "HEAD")
    before = git(exchange.origin, "for-each-ref")
    code, _, err = a.ak_fail("push")
    assert code == 1 and "this clone does not verify, and every other clone would refuse it" in err
    assert "version/2099: version 2099 has a tag but no version record signed by the admins" in err
    assert git(exchange.origin, "for-each-ref") == before


def test_clone_refuses_another_registry_than_the_anchor_and_leaves_nothing(exchange):
    code, _, err = akkoord("clone", "--trust-anchor", "sha256:" + "0" * 64, exchange.origin, exchange.base / "x")
    assert code == 1
    assert "clone of" in err and "refused" in err and "not at the pinned trust anchor" in err
    assert not (exchange.base / "x").exists()
    assert [p.name for p in exchange.base.iterdir() if p.name.startswith(".x")] == []


def test_clone_refuses_a_forged_repository_and_leaves_nothing(exchange):
    a = exchange.clone("a")
    a.endorse("buurt", "2019")
    a.ak("push")
    edited_statement(exchange.attacker())
    code, _, err = akkoord("clone", exchange.origin, exchange.base / "late", cwd=exchange.base)
    assert code == 1 and "was changed in commit" in err
    assert not (exchange.base / "late").exists()


def test_clone_pins_or_remembers_the_trust_anchor(exchange):
    code, out, err = akkoord("clone", exchange.origin, exchange.base / "first", cwd=exchange.base)
    assert code == 0
    anchor = (exchange.base / "first").joinpath(".git", "config").read_text().split("trustAnchor = ")[1].split()[0]
    assert f"NOTE: trust on first use: this clone now trusts the registry that starts at {anchor}" in err
    code, out, err = akkoord("clone", "--trust-anchor", anchor, exchange.origin, exchange.base / "pinned")
    assert code == 0 and "NOTE" not in err and f"trust anchor {anchor} (as given)" in out


def test_remotes_are_added_listed_and_removed(exchange):
    a = exchange.clone("a")
    assert f"origin  {exchange.origin}  (last verified at" in a.ak("remote", "list")
    a.ak("remote", "add", "spiegel", f"file://{exchange.origin}")
    assert "spiegel  file://" in a.ak("remote", "list") and "not fetched yet" in a.ak("remote", "list")
    assert "already up to date" in a.ak("pull", "spiegel")
    assert a.git("for-each-ref", "refs/akkoord/remotes/spiegel/")
    a.ak("remote", "remove", "spiegel")
    assert a.git("for-each-ref", "refs/akkoord/remotes/spiegel/", "refs/akkoord/incoming/spiegel/") == ""
    for args, said in (
        (("pull", "elders"), "no remote named elders (remotes: origin); add it with `akkoord remote add elders URL`"),
        (("remote", "add", "x y", "/tmp"), "remote name 'x y' is not allowed"),
        (("remote", "add", "boos", "--", "--upload-pack=touch /tmp/pwned"), "is not a git URL or path"),
        (("remote", "add", "origin", "/tmp"), "remote origin already exists"),
        (("remote", "remove", "elders"), "no remote named elders"),
    ):
        assert_one_line_error(*a.ak_fail(*args)[::2], said)


def test_pull_needs_someone_to_author_a_merge(exchange, no_git_identity):
    a = exchange.clone("a")
    b = exchange.clone("b")
    a.endorse("buurt", "2019")
    a.ak("push")
    b.endorse("energie", "2019")
    before = b.snapshot()
    assert_one_line_error(*b.ak_fail("pull")[::2], "no identity to record: pass --by 'Name <email>'")
    assert b.snapshot() == before
    assert "merged into" in b.ak("pull", "--by", "Energie Noord <energie@example.org>")


def test_pull_never_overwrites_uncommitted_edits(exchange):
    a = exchange.clone("a")
    b = exchange.clone("b")
    text = (a.root / "akkoord.xml").read_text("utf-8").replace("ongeveer 40", "ruim 40")
    (a.root / "akkoord.xml").write_text(text, "utf-8")
    a.ak("commit", "-m", "Redactioneel: ruim 40 bijeenkomsten", "--by", "Secretariaat <s@example.org>")
    a.ak("push")
    edited = (b.root / "akkoord.xml").read_text("utf-8").replace("Amsterdam", "Mokum", 1)
    (b.root / "akkoord.xml").write_text(edited, "utf-8")
    before = b.snapshot()
    code, _, err = b.ak_fail("pull")
    assert code == 1 and "akkoord.xml: uncommitted changes would be overwritten" in err
    assert b.snapshot() == before
    b.git("checkout", "--", "akkoord.xml")
    assert "fast-forward" in b.ak("pull")
    assert (b.root / "akkoord.xml").read_text("utf-8") == text
    assert b.git("status", "--porcelain") == ""


def test_ssh_urls_work(exchange, tmp_path, monkeypatch):
    """An ssh:// remote, through git's ssh transport; the 'ssh' runs git's own command here instead of on a host."""
    fake = tmp_path / "fake-ssh"
    fake.write_text('#!/bin/sh\nwhile [ $# -gt 1 ]; do shift; done\nexec sh -c "$1"\n')
    fake.chmod(0o755)
    monkeypatch.setenv("GIT_SSH_COMMAND", str(fake))
    monkeypatch.setenv("GIT_SSH_VARIANT", "simple")
    a = exchange.clone("a", f"ssh://git.example.org{exchange.origin}")
    a.endorse("buurt", "2019")
    assert "Pushed to origin (ssh://git.example.org" in a.ak("push")
    b = exchange.clone("b")
    assert "already up to date" in b.ak("pull")
    assert b.refs() == a.refs()


def test_concurrent_registry_changes_in_two_clones_both_count(exchange):
    a = exchange.clone("a")
    b = exchange.clone("b")
    a.add_signatory("huurders")
    a.ak("push")
    b.ak(
        "signatory",
        "add",
        "college-2026-2030",
        "--name",
        "College van B&W 2026–2030",
        "--kind",
        "college",
        "--term-start",
        "2026-06-01",
        "--term-end",
        "2030-05-31",
        "--key",
        b.admin(),
        "--by",
        "Secretariaat",
    )
    out = b.ak("pull", "--by", "Secretariaat <s@example.org>")
    assert "merged into" in out and "1 admin record(s)" in out
    b.ak("push")
    a.ak("pull")
    for clone in (a, b):
        listing = clone.ak("signatory", "list")
        assert "huurders-zuidoost" in listing and "college-2026-2030" in listing
        assert "OK: everything verifies" in clone.ak("verify")
    assert a.refs() == b.refs()


def test_contradictory_decisions_stay_contested_until_resolved(exchange):
    a = exchange.clone("a")
    amendment = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    a.ak("push")
    b = exchange.clone("b")
    a.ak(
        "amend",
        "accept",
        amendment,
        "--by",
        "Secretariaat A <a@example.org>",
        "--date",
        "2026-11-27",
        "--key",
        a.admin(),
    )
    b.reject(amendment, "Secretariaat B <b@example.org>")
    a.ak("push")
    b.ak("pull", "--by", "Secretariaat B <b@example.org>")
    b.ak("push")
    a.ak("pull")
    for clone in (a, b):
        assert "contested" in clone.ak("amend", "list")
        code, _, err = clone.ak_fail("version", "create", "2024", "--by", "S")
        assert code != 0 and "contested" in err
    a.ak("amend", "accept", amendment, "--by", "Secretariaat A <a@example.org>", "--key", a.admin())
    a.ak("push")
    b.ak("pull")
    for clone in (a, b):
        assert "contested" not in clone.ak("amend", "list")


def test_an_amendment_consolidated_in_one_clone_and_rejected_in_another_is_consolidated_once(exchange):
    a = exchange.clone("a")
    amendment = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    a.ak("push")
    b = exchange.clone("b")
    a.accept(amendment)
    a.version("2024", "Met de nieuwe routes")
    b.reject(amendment, "Secretariaat B <b@example.org>", "--date", "2026-11-27")
    a.ak("push")
    b.ak("pull", "--by", "Secretariaat B <b@example.org>")
    assert f"{amendment}  contested" in b.ak("amend", "list")
    assert "a version already consolidated it" in b.ak(
        "amend", "accept", amendment, "--by", "Secretariaat B", "--key", b.admin()
    )
    assert "consolidating" not in b.version("2025", "Zonder nieuwe amendementen")
    assert b.ak("amend", "show", amendment).count("consolidated Secretariaat") == 1
    assert "OK: everything verifies" in b.ak("verify")


def test_pull_refuses_what_would_not_verify_once_merged(exchange):
    """Each side verifies alone, the merge would not: a key revoked here as compromised from today, and a statement
    signed with it today in another clone. Nothing is taken in; the admin settles it before anything moves."""
    a = exchange.clone("a")
    b = exchange.clone("b")
    b.endorse("buurt", "2019")
    b.ak("push")
    a.ak(
        "signatory",
        "revoke-key",
        "buurtkracht-oost",
        a.key("buurt") + ".pub",
        "--reason",
        "compromised",
        "--key",
        a.admin(),
        "--by",
        "Secretariaat",
    )
    before = a.snapshot()
    code, _, err = a.ak_fail("pull", "--by", "Secretariaat <s@example.org>")
    assert code == 1 and "pull from origin: refused" in err and "endorsements/buurtkracht-oost/" in err
    assert a.snapshot() == before


def test_conflicting_registry_changes_merge_as_a_fork_that_push_keeps_in_until_resolved(exchange):
    a = exchange.clone("a")
    b = exchange.clone("b")
    b.ak(
        "signatory",
        "add-key",
        "buurtkracht-oost",
        "--pubkey",
        b.key("huurders") + ".pub",
        "--key",
        b.admin(),
        "--by",
        "S",
    )
    b.ak("push")
    a.ak(
        "signatory",
        "add-key",
        "buurtkracht-oost",
        "--pubkey",
        a.key("mallory") + ".pub",
        "--key",
        a.admin(),
        "--by",
        "S",
    )
    out = a.ak("pull", "--by", "Secretariaat <s@example.org>")
    assert "merged into" in out and "note: the merge leaves records/" in out and "do not commute" in out
    before = git(exchange.origin, "for-each-ref")
    code, _, err = a.ak_fail("push")
    assert code == 1 and "registry-fork" not in err and "do not commute" in err
    assert git(exchange.origin, "for-each-ref") == before
    mine = a.git("diff", "--name-only", "HEAD^1^", "HEAD^1", "--", "records/*.json").strip()
    a.ak(
        "signatory",
        "resolve",
        "--drop",
        mine[len("records/") :][:12],
        "--reason",
        "Dubbel",
        "--key",
        a.admin(),
        "--by",
        "S",
    )
    assert "OK: everything verifies" in a.ak("verify")
    a.ak("push")
    b.ak("pull")
    assert a.refs() == b.refs() and "OK: everything verifies" in b.ak("verify")


def test_an_admin_record_that_awaits_a_cosignature_travels_between_clones(exchange):
    """With a threshold of 2, the record one admin signs counts for nothing until the other cosigns, in another
    clone: it is pushed and pulled as work in progress, and counts everywhere once cosigned."""
    a = exchange.clone("a")
    a.ak("signatory", "admin-add", "griffie", "--pubkey", a.key("mallory") + ".pub", "--key", a.admin(), "--by", "S")
    a.ak("signatory", "threshold", "2", "--key", a.admin(), "--by", "S")
    a.add_signatory("huurders")
    assert "signed by 1 of the 2 admin keys required" in a.ak_fail("verify")[1]
    a.ak("push")
    b = exchange.clone("b")
    assert "huurders-zuidoost" not in b.ak("signatory", "list")
    b.ak("signatory", "cosign", "--key", b.key("mallory"), "--by", "Griffie")
    assert "OK: everything verifies" in b.ak("verify")
    b.ak("push")
    assert "fast-forward" in a.ak("pull")
    assert "huurders-zuidoost" in a.ak("signatory", "list") and "OK: everything verifies" in a.ak("verify")


def test_clone_pull_and_push_speak_the_language_of_the_text(exchange, monkeypatch):
    """The sample text is Dutch: what clone, pull, push and remote say comes from the catalogue, in Dutch."""
    monkeypatch.setenv("AKKOORD_LANG", "nl")
    code, out, err = akkoord("clone", exchange.origin, exchange.base / "a", cwd=exchange.base)
    assert code == 0 and f"{exchange.origin} gekopieerd naar {exchange.base / 'a'}" in out
    assert "LET OP: vertrouwen bij eerste gebruik" in err
    monkeypatch.delenv("AKKOORD_LANG")
    a = Clone("a", exchange.base / "a", exchange)
    b = exchange.clone("b")
    b.endorse("buurt", "2019")
    assert "Verstuurd naar origin (" in b.ak("push")
    out = a.ak("pull")
    assert "Opgehaald van origin (" in out and "vooruitgezet" in out and "opgenomen: 1 verklaring(en)" in out
    assert "al bijgewerkt tot" in a.ak("pull")
    assert "is bijgewerkt (tot" in a.ak("push")
    assert "laatst gecontroleerd op" in a.ak("remote", "list")
    b.endorse("energie", "2019")
    b.ak("push")
    a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    code, _, err = a.ak_fail("push")
    assert code == 1 and "push naar origin: geweigerd, 1 probleem/problemen; er is niets verstuurd" in err
    assert "heeft commits die deze kopie niet heeft: voer `akkoord pull origin` uit" in err


def test_a_rebased_amendment_travels_between_clones(exchange):
    """`amend rebase` rewrites an amendment's record beside a `revised` event: push sends it and pull takes it in
    (an edited record without that event is among the forgeries pull refuses)."""
    a = exchange.clone("a")
    routes = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    other = a.propose("ma-akbanken", "En samen.", "Samen", "Fenna <fenna@example.org>")
    a.accept(other)
    a.ak("push")
    b = exchange.clone("b")
    start = exchange.base / "opnieuw.xml"
    a.ak("amend", "rebase", routes, "--write", start)
    text = start.read_text("utf-8")
    end = text.index("</p>", text.index('id="ma-akbanken"'))
    start.write_text(text[:end] + " Ook via andere routes." + text[end:], "utf-8")
    assert "revision 2" in a.ak("amend", "rebase", routes, "--from-file", start, "--by", "Noor <noor@example.org>")
    a.ak("push")
    assert "fast-forward" in b.ak("pull")
    assert a.refs() == b.refs()
    assert '"revision": 2' in b.ak("amend", "show", routes, "--json")


def test_push_refuses_to_send_a_deleted_amendment(exchange):
    """A clone whose own branch lost an amendment (deleted with plain git) cannot send that loss to the remote."""
    a = exchange.clone("a")
    routes = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    a.ak("push")
    a.git("rm", "-q", "-r", f"amendments/{routes}")
    a.git("-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-q", "-m", "Clean up")
    before = git(exchange.origin, "rev-parse", "main").strip()
    code, _, err = a.ak_fail("push")
    assert code == 1 and "push to origin: refused" in err
    assert f"amendments/{routes}/amendment.xml: was deleted in commit" in err and "on this clone's branch main" in err
    assert git(exchange.origin, "rev-parse", "main").strip() == before
