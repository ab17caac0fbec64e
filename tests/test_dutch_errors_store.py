"""What storage (git, the work tree, REFs, Word files, remotes, amendments) refuses is said in Dutch in a Dutch
repository: real failures through the CLI, with real git, each one line without English words, and `--lang en`
still gives the English sentence. Merge commits of `pull` are written in the agreement's language.

One test per kind of failure a user meets first: a dirty work tree, an unfinished git operation, a REF that names
nothing, a Word document exported from a text the repository lacks, a push to a remote that is gone, an amendment
whose base is not in the repository, and an amendment that conflicts with one accepted before it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from dutch import english_words
from exchange_world import SAMPLE, SECRETARIAT, TODAY
from helpers import akkoord

pytestmark = pytest.mark.usefixtures("dutch")


def refused(root, *args, code=1) -> str:
    """The one line of a refused command run in `root`."""
    exit_code, out, err = akkoord(*args, cwd=root)
    assert exit_code == code, (args, exit_code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def edit(text) -> None:
    """Change a word of the agreement's text in the work tree."""
    data = text.read_bytes()
    text.write_bytes(data.replace(b"</p>", b" Redactioneel.</p>", 1))


def both(root, *args, code=1) -> tuple[str, str]:
    """The refusal in the repository's language (Dutch) and with --lang en."""
    return refused(root, *args, code=code), refused(root, "--lang", "en", *args, code=code)


def test_a_dirty_work_tree_is_named_in_dutch(exchange):
    a = exchange.clone("a")
    text = a.root / "akkoord.xml"
    edit(text)
    args = ("version", "create", "2027", "--date", TODAY, "--key", a.admin(), "--by", SECRETARIAT)
    nl, en = both(a.root, *args)
    assert "akkoord.xml bevat wijzigingen die nog niet zijn vastgelegd" in nl and not english_words(nl), nl
    assert "akkoord.xml has uncommitted edits; record them with `akkoord commit -m MSG`" in en


def test_an_unfinished_git_operation_is_named_in_dutch(exchange):
    a = exchange.clone("a")
    (a.root / ".git" / "MERGE_HEAD").write_text(a.head() + "\n")
    text = a.root / "akkoord.xml"
    edit(text)
    args = ("commit", "-m", "Redactioneel", "--by", SECRETARIAT)
    nl, en = both(a.root, *args)
    assert "een git merge is niet afgemaakt; maak hem af (`git commit`)" in nl and not english_words(nl), nl
    assert "er is niets geschreven" in nl
    assert "a git merge is unfinished; finish it (`git commit`) or undo it (`git merge --abort`), then retry" in en


def test_a_ref_that_names_nothing_is_said_in_dutch(exchange, tmp_path):
    a = exchange.clone("a")
    nl, en = both(a.root, "redline", "2019", "amend/", code=1)
    assert nl.startswith("akkoord: fout: REF 'amend/': geef na amend/ het kenmerk van een amendement"), nl
    assert not english_words(nl), nl
    assert "REF 'amend/': give an amendment id (or a unique start of it) after amend/" in en
    outside = refused(tmp_path, "--lang", "nl", "redline", "2019", "weg.xml")  # outside a repository
    assert "REF '2019': geen bestand, en u bent niet in een akkoord-repository" in outside, outside
    assert not english_words(outside), outside
    outside = refused(tmp_path, "--lang", "nl", "redline", "oud.xml", "weg.xml")
    assert outside == "akkoord: fout: oud.xml: dit bestand bestaat niet; controleer het pad", outside


def test_a_word_document_from_another_text_is_refused_in_dutch(exchange, tmp_path):
    a = exchange.clone("a")
    other = tmp_path / "ander.xml"
    other.write_bytes(SAMPLE.read_bytes().replace(b"Ma.ak020</short-title>", b"Ma.ak021</short-title>"))
    document = tmp_path / "voorstel.docx"
    akkoord("export", "docx", other, "-o", document, cwd=a.root)
    args = ("amend", "propose", "--from-file", document, "--title", "Titel", "--by", "Noor <noor@example.org>")
    nl, en = both(a.root, *args)
    assert "geëxporteerd uit een tekst (text-SHA-256 " in nl and "geef met --base de versie" in nl, nl
    assert not english_words(nl), nl
    assert "that is not a version or the current text of this repository; give the version" in en


def test_a_push_to_a_remote_that_is_gone_is_refused_in_dutch(exchange):
    a = exchange.clone("a")
    shutil.rmtree(exchange.origin)
    nl, en = both(a.root, "push")
    git_said = re.search(r"lukte niet: (.*); er is niets binnengehaald$", nl)
    assert nl.startswith("akkoord: fout: ophalen van origin lukte niet: ") and git_said, nl
    assert not english_words(nl.replace(git_said.group(1), "")), nl  # git's own words stay as git said them
    assert en.startswith("akkoord: error: could not fetch from origin: ") and en.endswith("nothing was taken in")


def test_pull_writes_its_merge_commit_in_dutch(exchange):
    a = exchange.clone("a")
    b = exchange.clone("b")
    a.endorse("buurt", "2019")
    a.ak("push")
    b.endorse("energie", "2019")
    b.ak("pull", "--by", "Energie Noord <energie@example.org>")
    subject = b.git("log", "-1", "--format=%s").strip()
    assert re.fullmatch(r"origin \(.*origin\.git\) samengevoegd in main", subject), subject
    assert b.git("log", "-1", "--format=%(trailers:key=Akkoord-Change,valueonly)").strip() == "merge"


def test_an_amendment_whose_base_is_gone_is_refused_in_dutch(exchange, tmp_path):
    a = exchange.clone("a")
    b = exchange.clone("b")
    text = a.root / "akkoord.xml"
    edit(text)
    a.ak("commit", "-m", "Redactioneel", "--by", SECRETARIAT)  # never pushed: b never sees this text
    ident = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    record = tmp_path / "voorstel.xml"
    record.write_bytes((a.root / "amendments" / ident / "amendment.xml").read_bytes())
    nl, en = both(b.root, "amend", "propose", record, "--by", "Noor <noor@example.org>")
    assert "de basistekst (text_sha256 " in nl and "staat niet in deze repository" in nl, nl
    assert not english_words(nl), nl
    assert "its base text (text_sha256 " in en and "is not in this repository; draft amendments against" in en


def test_a_conflicting_amendment_is_refused_in_dutch(exchange):
    a = exchange.clone("a")
    first = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    second = a.propose("ma-akbanken", "Ook per post.", "Per post", "Sem <sem@example.org>")
    a.accept(first)
    readme = (a.root / "amendments" / "README.md").read_text("utf-8")  # written in the text's language too
    assert readme.startswith("# Amendementen\n\nElke map hier is één amendement op `akkoord.xml`"), readme
    args = ("amend", "accept", second, "--by", SECRETARIAT, "--date", TODAY, "--key", a.admin())
    nl, en = (
        akkoord(*args, cwd=a.root)[2].splitlines()[0],
        akkoord("--lang", "en", *args, cwd=a.root)[2].splitlines()[0],
    )
    assert nl.startswith(f"akkoord: fout: amendement {second} botst met de huidige tekst (commit "), nl
    assert f"met de aangenomen {first}" in nl and "er is niets aangenomen" in nl, nl
    assert not english_words(nl), nl
    assert f"amendment {second} conflicts with the current text (commit " in en and "nothing was accepted" in en
    assert "clause ma-akbanken: lid 1 was changed both in the current text and by the amendment" in en, en


def test_an_edit_an_amendment_cannot_express_is_refused_in_dutch(exchange, tmp_path):
    a = exchange.clone("a")
    edited = tmp_path / "bewerkt.xml"
    text = (a.root / "akkoord.xml").read_text("utf-8")
    edited.write_text(text.replace('<agreement id="maak020"', '<agreement id="maak021"', 1), "utf-8")
    args = ("amend", "propose", "--from-file", edited, "--title", "Taal", "--by", "Noor <noor@example.org>")
    nl, en = both(a.root, *args)
    assert "de bewerkte kopie verandert het kenmerk of de taal van het akkoord zelf" in nl, nl
    assert not english_words(nl), nl
    assert "the edited copy changes the agreement's own id or language; an amendment changes clauses" in en


def test_the_repair_step_of_a_damaged_amendment_commits_in_dutch(exchange):
    a = exchange.clone("a")
    ident = a.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Noor <noor@example.org>")
    path = f"amendments/{ident}/amendment.xml"
    record = a.root / path
    record.write_bytes(record.read_bytes()[:-40])  # cut off: no longer XML
    a.git("commit", "-qam", "damage")
    args = ("version", "create", "2027", "--date", TODAY, "--key", a.admin(), "--by", SECRETARIAT)
    nl, en = both(a.root, *args)
    assert not english_words(nl), nl
    assert f'git commit -m "Herstel {path}"' in nl, nl
    assert f'git commit -m "Restore {path}"' in en, en
    step = re.search(r"`(git checkout [^`]*)`", nl).group(1)
    # the step as a user pastes it: plain git, with the identity such a user has configured
    who = {
        f"GIT_{role}_{part}": value
        for role in ("AUTHOR", "COMMITTER")
        for part, value in (("NAME", "Noor"), ("EMAIL", "noor@example.org"))
    }
    run = subprocess.run(step, shell=True, cwd=a.root, capture_output=True, text=True, env={**os.environ, **who})
    assert run.returncode == 0, run.stderr
    assert a.git("log", "-1", "--format=%s").strip() == f"Herstel {path}"
    assert ident in a.ak("amend", "show", ident)  # readable again
