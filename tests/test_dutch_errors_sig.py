"""Keys, signatures and statements fail in Dutch in a Dutch repository: why a signature does not hold (also when
the verdict comes from the cache an English run filled), a statement file that is not a statement, a key file
that is not a key or not the signatory's, a decision that cannot be made. Each failure is real (keys made and
statements signed with ssh-keygen, files planted with plain git) and driven through the command line; the same
failure with `--lang en` gives the English sentence."""

from __future__ import annotations

import os

import pytest
from dutch import english_words

from akkoordvc import messages
from akkoordvc.trust import cache, sshsig
from akkoordvc.trust.jsonfile import canonical_json


@pytest.fixture
def dutch(monkeypatch, tmp_path):
    """No language chosen (the repository's Dutch text decides), and a verdict cache of this test's own."""
    monkeypatch.delenv(messages.ENV, raising=False)
    monkeypatch.setenv(cache.SECRET_ENV, str(tmp_path / "user-cache"))
    messages.reset()
    yield
    messages.reset()


def run(run_cli, world, *args, expect=1, lang=None):
    """The output of `akkoord -C WORLD [--lang LANG] ARGS` (stdout and stderr), its exit code checked."""
    chosen = ("--lang", lang) if lang else ()
    args = [str(world.keys[a[4:]]) if isinstance(a, str) and a.startswith("KEY:") else str(a) for a in args]
    code, out, err = run_cli("-C", world.root, *chosen, *args)
    assert code == expect, (args, out, err)
    return out + err


def lines_about(output: str, path: str) -> list[str]:
    return [line for line in output.splitlines() if path in line]


def statement_at(world, seq: int, data: bytes, who: str = "org-a") -> str:
    """The path a statement of `who` with `seq` and bytes `data` lies at."""
    from akkoordvc.model import canonical

    return f"endorsements/{who}/{seq:06d}-{canonical.sha256(data)[:16]}.json"


def plant_copy(world, seq: int, key: str = "org-a", namespace: str = sshsig.NS_ENDORSEMENT, **changed: str) -> str:
    """Commit a copy of org-a's first statement with `seq` (and fields `changed`), signed with the key of `key` in
    `namespace`; its path."""
    data = world.read(world.statements("endorsements", "org-a")[0]).replace(b'"seq":1', b'"seq":%d' % seq)
    for name, (old, new) in ((n, v.split(">")) for n, v in changed.items()):
        data = data.replace(f'"{name}":"{old}"'.encode(), f'"{name}":"{new}"'.encode())
    path = statement_at(world, seq, data)
    world.git_commit({path: data, path + ".sig": sshsig.sign(data, str(world.keys[key]), namespace)}, "geplant")
    return path


def test_a_forged_statement_says_why_in_dutch_also_from_the_cache_an_english_run_filled(world, run_cli, dutch):
    path = world.statements("endorsements", "org-b")[0]
    forged = world.read(path).replace(b'"decision":"decline"', b'"decision":"endorse"')
    world.git_commit({path: forged}, "toch ondertekend")
    english = run(run_cli, world, "verify", lang="en")  # checks the signature and keeps the verdict
    assert "does not match its signature: the statement was changed after it was signed" in english, english
    # the verdict is kept as its catalogue key (the report of `verify` is kept per language, apart)
    section = cache.Cache(world.root / ".git" / cache.FOLDER, b"").file("statements:endorsements/org-b")
    kept = section.read_bytes() if section is not None else b""
    assert b'"sig.changed_after_signing"' in kept and b"does not match" not in kept, kept
    dutch_output = run(run_cli, world, "verify")
    said = lines_about(dutch_output, path)
    assert any(
        "past niet bij de handtekening: de verklaring is gewijzigd nadat zij werd ondertekend" in s for s in said
    )
    assert not english_words(dutch_output), dutch_output


def test_a_statement_signed_with_another_signatorys_key_is_refused_unread_in_dutch(world, run_cli, dutch):
    path = plant_copy(world, 7, key="org-b")
    output = run(run_cli, world, "verify")
    said = " ".join(lines_about(output, path))
    assert "is ondertekend met de sleutel van ondertekenaar org-b" in said, output
    assert "zij wordt niet gelezen" in said and not english_words(output), output
    english = run(run_cli, world, "verify", lang="en")
    assert "was signed with the key of signatory org-b" in english and "it is not read" in english, english


def plant_malformed(world) -> str:
    """Commit a statement of org-a, signed with its key, that is not canonical JSON; its path."""
    data = canonical_json({"format": "x"})[:-1] + b" \n"  # a space: not the canonical form
    path = statement_at(world, 8, data)
    signature = sshsig.sign(data, str(world.keys["org-a"]), sshsig.NS_ENDORSEMENT)
    world.git_commit({path: data, path + ".sig": signature}, "kapot")
    return path


def test_a_statement_that_is_not_canonical_json_is_named_in_dutch(world, run_cli, dutch):
    path = plant_malformed(world)
    output = run(run_cli, world, "verify")
    said = " ".join(lines_about(output, path))
    assert "is geen geldige verklaring: niet in canonieke vorm" in said, output
    assert not english_words(output), output
    english = run(run_cli, world, "verify", lang="en")
    assert "is not a valid statement: not in canonical form (sorted keys, no spaces" in english, english


def test_a_statement_with_an_unknown_decision_is_named_in_dutch(world, run_cli, dutch):
    plant_copy(world, 9, decision="endorse>maybe")
    output = run(run_cli, world, "verify")
    assert "het besluit 'maybe' is niet een van endorse, decline, withdraw" in output, output
    assert not english_words(output), output
    assert "decision 'maybe' is not one of endorse" in run(run_cli, world, "verify", lang="en")


def test_a_planted_symbolic_link_is_named_in_dutch(world, run_cli, dutch):
    link = world.root / "endorsements" / "org-a" / "link.json"
    os.symlink("/etc/passwd", link)
    world.git("add", "--", "endorsements/org-a/link.json")
    world.git("commit", "-q", "-m", "geplant")
    output = run(run_cli, world, "verify")
    assert "is een symbolische koppeling, geen bestand; het wordt niet gelezen" in output, output
    assert not english_words(output), output
    assert "is a symbolic link, not a file; it is not read" in run(run_cli, world, "verify", lang="en")


def endorse(*extra: str) -> tuple[str, ...]:
    return ("endorse", "2023", "--as", "org-c", "--yes", *extra)


KEY_MISTAKES = [
    # (what, the arguments, the Dutch words, the English words)
    ("another's key", endorse("--key", "KEY:org-a"), "het is de sleutel van ondertekenaar org-a", "it is the key of"),
    ("not a key file", endorse("--key", "FILE:notes.txt"), "geen SSH-sleutelbestand", "not an SSH key file"),
    (
        "no such key file",
        endorse("--key", "FILE:missing"),
        "dit bestand bestaat niet; geef het pad van uw privé-SSH-sleutel",
        "no such file; give the path of your private SSH key",
    ),
    ("a damaged private key", endorse("--key", "FILE:broken"), "is afgebroken", "truncated private key file"),
    ("an RSA public key", endorse("--key", "FILE:rsa.pub"), "RSA-sleutels worden niet", "RSA keys are not accepted"),
    (
        "nothing to withdraw",
        endorse("--key", "KEY:org-c", "--decision", "withdraw"),
        "heeft versie 2023 niet ondertekend",
        "has no standing endorsement of version 2023 to withdraw",
    ),
    (
        "a private key as --pubkey",
        ("signatory", "add-key", "org-a", "--pubkey", "KEY:stranger", "--key", "KEY:admin", "--by", "S <s@e.org>"),
        "dit is een PRIVÉ-sleutel",
        "this is a PRIVATE key",
    ),
    (
        "an id with a space",
        (
            "signatory",
            "add",
            "Org D",
            "--name",
            "D",
            "--kind",
            "organisation",
            "--key",
            "KEY:admin",
            "--by",
            "S <s@e.org>",
        ),
        "ondertekenaar-id 'Org D' is niet toegestaan; gebruik kleine letters",
        "signatory id 'Org D' is not allowed; use lower-case letters",
    ),
    (
        "attested while it has its own key",
        ("attest", "2023", "--signatory", "org-a", "--date", "2026-11-27", "--evidence", "brief", "--key", "KEY:admin"),
        "heeft sinds 2026-11-27 een eigen sleutel in het register",
        "has had a key of its own in the registry since 2026-11-27",
    ),
    (
        "attested without evidence",
        ("attest", "2019", "--signatory", "org-b", "--date", "2019-11-09", "--evidence", " ", "--key", "KEY:admin"),
        "--evidence is verplicht",
        "--evidence is required",
    ),
]


@pytest.mark.parametrize(("what", "args", "nl", "en"), KEY_MISTAKES, ids=[m[0] for m in KEY_MISTAKES])
def test_key_and_decision_mistakes_are_one_dutch_line(world, run_cli, dutch, tmp_path, what, args, nl, en):
    (tmp_path / "notes.txt").write_text("mijn aantekeningen\n")
    (tmp_path / "broken").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n")
    rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 someone\n"
    (tmp_path / "rsa.pub").write_text(rsa)
    args = tuple(str(tmp_path / a[5:]) if a.startswith("FILE:") else a for a in args)
    before = world.git("rev-parse", "HEAD")
    code, out, err = run_cli("-C", world.root, *[str(world.keys[a[4:]]) if a.startswith("KEY:") else a for a in args])
    assert code == 1 and not out and err.startswith("akkoord: fout: ") and err.count("\n") == 1, (out, err)
    assert nl in err and not english_words(err), err
    assert world.git("rev-parse", "HEAD") == before  # nothing was written
    english = run(run_cli, world, *args, lang="en")
    assert en in english and english.startswith("akkoord: error: "), english


def test_a_statement_signed_in_another_namespace_is_refused_in_dutch(world, run_cli, dutch):
    path = plant_copy(world, 6, namespace=sshsig.NS_ATTESTATION)
    output = run(run_cli, world, "verify")
    said = " ".join(lines_about(output, path))
    assert "is ondertekend in SSH-naamruimte 'akkoordvc-attestation-v1', niet 'akkoordvc-endorsement-v1'" in said
    assert "nooit de eigen handtekening van de ondertekenaar" in said and not english_words(output), output
    english = run(run_cli, world, "verify", lang="en")
    assert "(an attestation is never the signatory's own signature); it is not read" in english, english


def test_the_site_of_a_dutch_repository_says_why_a_statement_is_malformed_in_dutch(world, run_cli, dutch, tmp_path):
    plant_malformed(world)
    code, out, err = run_cli("-C", world.root, "site", tmp_path / "site")
    assert code in (0, 1) and "Traceback" not in err, (out, err)
    pages = [p.read_text("utf-8") for p in (tmp_path / "site").rglob("*.html")]
    assert any("niet in canonieke vorm" in page for page in pages)
    assert not any("not in canonical form" in page for page in pages)


def test_a_verdict_kept_as_english_text_by_an_older_release_is_not_shown(world, run_cli, dutch):
    """A cache entry of the older shape (the reason as English text, under a valid HMAC) is a miss, and a file of
    the older format is no cache: the reason is worked out again, in Dutch."""
    path = world.statements("endorsements", "org-b")[0]
    world.git_commit({path: world.read(path).replace(b'"decision":"decline"', b'"decision":"endorse"')}, "vals")
    run(run_cli, world, "verify", lang="en")
    kept = cache.Cache(world.root / ".git" / cache.FOLDER, cache._secret())
    section = "statements:endorsements/org-b"
    entries = kept.section(section)
    old = {
        name: [*v[:6], str(cache.message_from_data(v[6])), *v[7:]] for name, v in entries.items() if len(v) > 6 and v[6]
    }
    assert old and all("does not match its signature" in v[6] for v in old.values())
    for name, value in old.items():
        kept.put(name, value, section=section)
    kept.save()
    file = kept.file(section)
    assert file is not None and b"does not match its signature" in file.read_bytes()
    results = [p for p in (world.root / ".git" / cache.FOLDER).glob("*.json") if p != file]
    for p in results:  # the reports of verify (kept per language) are not what this test is about
        p.unlink()
    output = run(run_cli, world, "verify")
    assert "past niet bij de handtekening" in output and not english_words(output), output
    assert cache.Cache(file.parent, cache._secret()).section(section) != old  # checked again and kept anew
    file.write_bytes(file.read_bytes().replace(cache.MAGIC, b"akkoordvc-cache-v1\n", 1))
    assert cache.Cache(file.parent, cache._secret()).section(section) == {}
