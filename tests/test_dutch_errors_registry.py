"""The registry's refusals and the problems `verify` and `pull` find in records, versions, decisions and endorsed
texts reach a Dutch user in Dutch, and `--lang en` still gives the English sentences.

Every failure is real: files planted and records forged with plain git, keys made with ssh-keygen, commands run
through the CLI in a repository of the (Dutch) sample text. English is looked for with the deny-list of
tests/dutch.py (what is code — commands, options, paths, ids, hashes — is left out)."""

from __future__ import annotations

import subprocess

import pytest
from dutch import english_words
from forgeries import forged_acceptance, forged_statement, forked_registry, unsigned_registry_change
from helpers import assert_one_line_error, git
from test_trust_threats import plant, statement_for

from akkoordvc.model import registry_names as rn
from akkoordvc.trust.records import make_record, parse_record
from akkoordvc.trust.registry_ops import add_key, new_key

ADMIN_BY = "Secretariaat <s@example.org>"
#: no language chosen: the repository's Dutch text decides
pytestmark = pytest.mark.usefixtures("dutch")


def both(run_cli, root, *args, expect=1) -> tuple[str, str]:
    """What `akkoord ARGS` says in the Dutch repository `root`, and with `--lang en`: (Dutch, English)."""
    said = []
    for lang in ((), ("--lang", "en")):
        code, out, err = run_cli(*lang, "-C", root, *args)
        assert code == expect, (lang, args, out, err)
        assert "Traceback" not in out + err
        said.append(out + err)
    return said[0], said[1]


def test_a_file_planted_among_the_records_is_named_in_dutch(world, run_cli):
    world.git_commit({"records/notities.txt": b"niets\n", f"records/{'e' * 64}/admin.sig": b"x"}, "plant")
    nl, en = both(run_cli, world.root, "verify")
    assert "records/notities.txt: is geen vastlegging (records/<sha256>.json) of een handtekening daarvan" in nl
    assert f"records/{'e' * 64}/: ondertekent een vastlegging die niet in de repository staat" in nl
    assert not english_words(nl), nl
    assert "records/notities.txt: is not a record (records/<sha256>.json) or its signature; it is ignored" in en
    assert "signs a record that is not in the repository" in en


def test_a_registry_change_signed_by_a_non_admin_is_refused_and_found_in_dutch(world, run_cli):
    org_a = str(world.keys["org-a"])
    add = ("signatory", "add", "org-d", "--name", "Stichting D", "--kind", "organisation", "--by", ADMIN_BY)
    before = git(world.root, "rev-parse", "HEAD")
    nl, en = both(run_cli, world.root, *add, "--key", org_a)
    assert_one_line_error(1, nl, f"--key {org_a}: de sleutel van ondertekenaar org-a is geen beheerderssleutel")
    assert not english_words(nl), nl
    assert_one_line_error(1, en, "the key of signatory org-a is not an admin key of the registry (admin keys: admin)")
    assert git(world.root, "rev-parse", "HEAD") == before
    # the same change written with plain git, signed by org-a's key in the admin's name
    records = [parse_record(p.read_bytes()) for p in sorted((world.root / "records").glob("*.json"))]
    covered = {p for r in records for p in r.parents}
    heads = [r for r in records if r.sha not in covered]
    day = max(r.date for r in heads)
    ops = add_key("org-b", new_key(str(world.keys["stranger"]) + ".pub", day))
    record = make_record(rn.REGISTRY, heads, day, {rn.OPS: ops})
    signed = subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-q", "-f", org_a, "-n", "akkoordvc-record-v1"],
        input=record.data,
        capture_output=True,
        check=True,
    ).stdout
    world.git_commit({record.path: record.data, f"records/{record.sha}/admin.sig": signed}, "sleutel erbij")
    nl, en = both(run_cli, world.root, "verify")
    assert "is gemaakt met een andere sleutel (SHA256:" in nl and "deze handtekening telt niet" in nl
    assert "registerwijziging (key-add org-b) heeft 0 van de 1 vereiste handtekeningen van beheerders" in nl
    assert not english_words(nl), nl
    assert "was made with another key (SHA256:" in en
    assert "registry change (key-add org-b) has 0 of the 1 required admin signatures; it does not count" in en


def test_a_moved_version_tag_and_an_endorsed_text_that_differs_in_dutch(world, run_cli):
    world.git("tag", "-f", "-a", "version/2023", "-m", "Akkoord-Label: 2023\nAkkoord-Date: 2023-03-01", "HEAD~1")
    wrong = plant(world, statement_for(world, "2023", "org-c", text_sha256="0" * 64), key="org-c")
    nl, en = both(run_cli, world.root, "verify")
    assert "version/2023: wijst naar commit " in nl and "de tag is verplaatst; wat telt is de vastlegging" in nl
    assert f"{wrong}: ondertekent de tekst met sha256 0000000000000000…, maar versie 2023" in nl
    assert not english_words(nl), nl
    assert "the tag was moved; the record is what counts" in en
    assert "the text is not the one that was endorsed" in en


def test_a_refused_pull_names_the_forgeries_in_dutch(exchange, run_cli):
    a = exchange.clone("a")
    a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor Haddou <noor@example.org>")
    a.endorse("buurt", "2019")
    a.ak("push")
    mallory = exchange.attacker()
    for forge in (forked_registry, forged_statement, forged_acceptance, unsigned_registry_change):
        forge(mallory)
    nl, en = both(run_cli, a.root, "pull")
    assert nl.startswith("akkoord: fout: pull van origin: geweigerd, "), nl
    assert "van de 1 vereiste handtekeningen van beheerders" in nl
    assert "geen door de beheerders ondertekende besluitvastlegging staat erachter" in nl
    assert "zijn tegelijk gemaakt (geen van beide bouwt voort op de ander) en gaan niet samen" in nl
    assert not english_words(nl), nl
    assert "required admin signatures" in en
    assert "no decision record signed by the admins backs it" in en
    assert "were made concurrently (neither builds on the other) and do not commute" in en


def test_lifecycle_refusals_in_dutch(world, run_cli):
    admin = ("--key", str(world.keys["admin"]), "--by", ADMIN_BY)
    code, _, err = run_cli("-C", world.root, "signatory", "retire", "org-b", "--date", "2026-11-01", *admin)
    assert code == 0, err
    before = git(world.root, "rev-parse", "HEAD")
    nl, en = both(run_cli, world.root, "signatory", "retire", "org-b", *admin)
    assert_one_line_error(1, nl, "org-b is al gestopt op 2026-11-01")
    assert not english_words(nl), nl
    assert_one_line_error(1, en, "org-b already retired on 2026-11-01")
    nl, en = both(run_cli, world.root, "signatory", "admin-revoke", "beheer-2", *admin)
    assert_one_line_error(1, nl, "geen beheerderssleutel 'beheer-2' (beheerderssleutels: admin)")
    assert not english_words(nl), nl
    assert_one_line_error(1, en, "no admin key 'beheer-2' (admin keys: admin)")
    nl, en = both(run_cli, world.root, "signatory", "threshold", "2", *admin)
    assert_one_line_error(1, nl, "de registerwijziging: drempel 2 is meer dan de 1 beheerderssleutel(s) die nog geldig")
    assert not english_words(nl), nl
    assert_one_line_error(1, en, "the registry change: threshold 2 is more than the 1 admin key(s) still valid")
    pubkey = str(world.keys["org-a"]) + ".pub"
    nl, en = both(run_cli, world.root, "signatory", "add-key", "org-c", "--pubkey", pubkey, *admin)
    assert_one_line_error(1, nl, "staat al in het register voor ondertekenaar org-a; elke sleutel hoort bij één")
    assert not english_words(nl), nl
    assert_one_line_error(1, en, "is already registered for signatory org-a; every key belongs to one")
    assert git(world.root, "rev-parse", "HEAD") == before


def test_only_an_admin_key_signs_a_withdrawal_in_dutch(exchange, run_cli):
    a = exchange.clone("a")
    noor = "Noor Haddou <noor@example.org>"
    ident = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", noor)
    buurt = a.key("buurt")
    before = a.head()
    nl, en = both(run_cli, a.root, "amend", "withdraw", ident, "--by", noor, "--key", buurt)
    assert_one_line_error(1, nl, f"--key {buurt}: de sleutel van ondertekenaar buurtkracht-oost is geen beheerders")
    assert not english_words(nl), nl
    assert_one_line_error(1, en, "is not an admin key of the registry", "secretariat's admin keys")
    assert a.head() == before and a.git("status", "--porcelain") == ""  # nothing was written


def test_a_damaged_registry_is_refused_with_the_step_that_restores_it_in_dutch(world, run_cli):
    newest = max((world.root / "records").glob("*.json"), key=lambda p: parse_record(p.read_bytes()).serial)
    world.git(
        "rm", "-q", "-r", str(newest.relative_to(world.root)), str(newest.with_suffix("").relative_to(world.root))
    )
    world.git("commit", "-q", "-m", "opgeruimd")
    admin = ("--key", str(world.keys["admin"]), "--by", ADMIN_BY)
    nl, en = both(run_cli, world.root, "signatory", "retire", "org-b", *admin)
    assert_one_line_error(1, nl, "het register van ondertekenaars is beschadigd: records/", "zet het terug met `git ")
    assert "en probeer het opnieuw" in nl and not english_words(nl), nl
    assert_one_line_error(1, en, "the signatory registry is damaged: records/", "restore it with `git ", "then retry")
    step = en.split("`")[1]
    subprocess.run(step, shell=True, cwd=world.root, check=True, capture_output=True)
    code, out, err = run_cli("-C", world.root, "signatory", "retire", "org-b", *admin)
    assert code == 0, out + err
