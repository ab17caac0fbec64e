"""`akkoord site`: the pages it writes, their language, escaping, the feed and JSON, incremental rebuilds
and refusals. (The pages in a real browser, with axe-core: test_site_browser.py.)"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from conftest import bwb_files, needs_corpus
from helpers import assert_one_line_error, git
from lxml import etree
from review_site_story import LOOPTIJD, SECRETARIAAT, akkoord, build_law, build_story, edited

from akkoordvc.present.site import collect, render
from akkoordvc.present.site.writer import MANIFEST, previous_build, write_site
from akkoordvc.storage.workspace import Workspace

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    return build_story(tmp_path_factory.mktemp("story"))


@pytest.fixture
def repo(story, tmp_path) -> Path:
    """A fresh copy of the story's repository (and its keys), for a test that changes it."""
    shutil.copytree(story.parent, tmp_path / "story", symlinks=True)
    return tmp_path / "story" / "maak020"


@pytest.fixture(scope="module")
def built(story, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "site"
    akkoord("site", out, cwd=story)
    return out


def page(site: Path, path: str):
    return lxml.html.document_fromstring((site / path).read_bytes())


def stats(site: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()
    }


# the pages ------------------------------------------------------------------------------------------
def test_dutch_text_gets_a_dutch_site_with_every_kind_of_page(built):
    for path in (
        "index.html", "timeline.html", "versions/index.html", "versions/2019.html", "versions/2025.html",
        "compare/index.html", "compare/2019/2023.html", "compare/2023/2025.html", "compare/2019/2025.html",
        "clauses/index.html", "clauses/ma-akbanken.html", "amendments/index.html", "amendments/collisions.html",
        "signatories/index.html", "signatories/buurtkracht-oost.html", "verify.html", "index.json", "feed.xml",
        "assets/site.css", "assets/site.js",
    ):  # fmt: skip
        assert (built / path).is_file(), path
    home = page(built, "index.html")
    assert home.get("lang") == "nl"
    assert [a.text_content() for a in home.xpath("//header//nav//a")][-1] == "Ondertekenaars"
    text = home.text_content()
    assert "Het zittende college, College van B&W 2026–2030, heeft versie 2025 onderschreven." in text
    assert "Alles klopt" in text and "vertrouwensanker sha256:" in text


def test_english_text_gets_english_labels(tmp_path):
    source = tmp_path / "agreement.xml"
    source.write_text(
        '<agreement id="pact" lang="en"><meta><title>Neighbourhood pact</title></meta><body>'
        '<clause id="scope" num="1"><heading>Scope</heading><para num="1"><p>We agree.</p></para></clause>'
        "</body></agreement>",
        "utf-8",
    )
    akkoord("init", tmp_path / "pact", "--from", source, "--by", "Clerk <clerk@example.org>", cwd=tmp_path)
    akkoord(
        "version", "create", "1", "--date", "2024-01-01", "--by", "Clerk <clerk@example.org>", cwd=tmp_path / "pact"
    )
    akkoord("site", tmp_path / "site", cwd=tmp_path / "pact")
    home = page(tmp_path / "site", "index.html")
    assert home.get("lang") == "en"
    assert [a.text_content() for a in home.xpath("//header//nav//a")] == [
        "Overview", "Timeline", "Versions", "Compare", "Clauses", "Amendments", "Signatories",
    ]  # fmt: skip
    assert "This repository has no signatory registry." in home.text_content()
    assert "Current version: 1" in home.text_content() and "Adopted on 1 January 2024." in home.text_content()
    text = page(tmp_path / "site", "versions/1.html")
    assert text.get_element_by_id("scope").xpath(".//h2")[0].text_content() == "Article 1 Scope"
    assert "There are not yet two versions to compare." in page(tmp_path / "site", "compare/index.html").text_content()


def test_version_text_has_permanent_and_number_anchors(built):
    text = page(built, "versions/2025.html")
    clause = text.get_element_by_id("ma-akbanken")
    assert clause.tag == "section"
    assert clause[0].tag == "h4" and clause[0].get("id") == "art-13"  # part II, chapter 2, article 13
    assert text.get_element_by_id("art-13a").getparent().get("id") == "andere-routes"
    assert text.xpath('//a[@href="#h-zeggenschap"]'), "a ref inside the text links to its division"
    assert text.get_element_by_id("h-zeggenschap").tag == "section"
    assert text.xpath('//a[@href="../compare/2023/2025.html"]'), "what changed since the previous version"
    assert (built / "versions/2025.xml").read_bytes().startswith(b"<?xml")


def test_clause_history_names_the_amendment_proposer_and_rationale(built):
    history = page(built, "clauses/ma-akbanken.html").text_content()
    assert "In de eerste versie (2019)" in history and "Gewijzigd in versie 2023" in history
    assert "Meer routes naar uitvoering dan alleen Ma.akbanken" in history and "Noor Haddou" in history
    assert "Toelichting bij meer routes naar uitvoering dan alleen ma.akbanken." in history
    editorial = page(built, "clauses/nieuw-college.html").text_content()
    assert "Gewijzigd in versie 2025" in editorial and "Redactionele wijziging" in editorial


def test_collision_view_shows_both_open_amendments_side_by_side(built):
    collisions = page(built, "amendments/collisions.html")
    sections = collisions.xpath("//section[@class='collision']")
    assert len(sections) == 1
    columns = sections[0].xpath("./div[@class='columns']/div[@class='column']")
    assert [c.xpath(".//h3")[0].text_content() for c in columns] == [
        "Looptijd verlengen tot en met 2030",
        "Looptijd verlengen tot en met 2029",
    ]
    assert [c.xpath(".//ins")[0].text_content() for c in columns] == ["[ingevoegd: 2030]", "[ingevoegd: 2029]"]


def test_signatory_matrix_links_each_decision_to_its_statement_and_verification(built):
    matrix = page(built, "signatories/index.html")
    row = next(tr for tr in matrix.xpath("//tbody/tr") if "Huurdersvereniging" in tr.text_content())
    link = row.xpath("./td//a")[-1]
    assert link.text_content() == "afgewezen"
    statement = page(built, "signatories/" + link.get("href"))
    text = statement.text_content()
    assert "Controle: klopt" in text and "Wij tekenen (nog) niet." in text
    assert "ssh-keygen -Y verify -f allowed_signers -I huurders-zuidoost -n akkoordvc-endorsement-v1" in text
    attested = next(tr for tr in matrix.xpath("//tbody/tr") if "2022–2026" in tr.text_content())
    assert "(geattesteerd)" in attested.text_content()
    since = page(built, "signatories/buurtkracht-oost.html").text_content()
    assert "Stichting Buurtkracht Oost onderschreef het laatst versie 2023; de huidige versie is 2025." in since
    assert "[ingevoegd: vier" in since


def test_what_signatories_published_verifies_with_ssh_keygen_alone(built, tmp_path):
    statement = next((built / "statements/endorsements/huurders-zuidoost").glob("*.json"))
    text = page(built, statement.relative_to(built).with_suffix(".html").as_posix()).text_content()
    signers = text.split("# allowed_signers\n", 1)[1].split("\n")[0]
    (tmp_path / "allowed_signers").write_text(signers + "\n")
    command = text.split("ssh-keygen -Y verify", 1)[1].split("\n")[0]
    time = command.split("verify-time=")[1].split()[0]
    result = subprocess.run(
        ["ssh-keygen", "-Y", "verify", "-f", str(tmp_path / "allowed_signers"), "-I", "huurders-zuidoost",
         "-n", "akkoordvc-endorsement-v1", "-O", f"verify-time={time}", "-s", f"{statement}.sig"],
        input=statement.read_bytes(), capture_output=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_index_json_holds_the_endorsements_json_and_the_versions(built, story):
    data = json.loads((built / "index.json").read_text("utf-8"))
    assert data["endorsements"] == json.loads(akkoord("endorsements", "--json", cwd=story))
    log = json.loads(akkoord("log", "--json", cwd=story))
    facts = ("label", "date", "message", "commit", "text_sha256", "amendments")
    assert [{k: v[k] for k in facts} for v in data["versions"]] == [{k: v[k] for k in facts} for v in log]
    assert data["versions"][-1]["current"] and data["versions"][-1]["page"] == "versions/2025.html"
    assert data["verify"]["ok"] is True and data["verify"]["trust_anchor"].startswith("sha256:")


def test_atom_feed_lists_versions_amendments_and_statements(built, story, tmp_path):
    feed = etree.fromstring((built / "feed.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "Versie 2025" in titles and "Looptijd verlengen tot en met 2030 (voorgesteld)" in titles
    assert "Huurdersvereniging Zuidoost wijst af versie 2025" in titles
    assert len(entries) == 3 + 5 + 4
    assert feed.findtext(f"{ATOM}updated") == max(e.findtext(f"{ATOM}updated") for e in entries)
    for entry in entries:
        assert (built / entry.find(f"{ATOM}link").get("href")).is_file()
    # with --base-url links are absolute, and ids do not depend on where the site is published
    akkoord("site", tmp_path / "published", "--base-url", "https://example.org/maak020", cwd=story)
    other = etree.fromstring((tmp_path / "published/feed.xml").read_bytes())
    assert [e.findtext(f"{ATOM}id") for e in other.findall(f"{ATOM}entry")] == [
        e.findtext(f"{ATOM}id") for e in entries
    ]
    assert other.findall(f"{ATOM}entry")[0].find(f"{ATOM}link").get("href").startswith("https://example.org/maak020/")


def test_the_site_loads_nothing_from_elsewhere(built):
    for html in built.rglob("*.html"):
        tree = lxml.html.document_fromstring(html.read_bytes())
        for element in tree.iter("link", "script", "img", "iframe", "object", "embed", "source", "video", "audio"):
            ref = element.get("href") or element.get("src")
            if element.tag == "link" and element.get("rel") == "alternate":
                continue
            assert ref and "//" not in ref and not ref.startswith(("/", "data:")), (html, ref)
            assert (html.parent / ref).resolve().is_file(), (html, ref)
        assert not tree.xpath("//*[contains(@style, 'url(')]"), html
    assert (
        "url(" not in (built / "assets/site.css").read_text()
        and "@import" not in (built / "assets/site.css").read_text()
    )


def test_every_page_has_one_h1_first_and_no_skipped_heading_level(built):
    problems = []
    pages = sorted(built.rglob("*.html"))
    for path in pages:
        levels = [
            int(e.tag[1])
            for e in page(built, path.relative_to(built).as_posix()).iter("h1", "h2", "h3", "h4", "h5", "h6")
        ]
        name = path.relative_to(built).as_posix()
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{name}: {levels[:4]}")
        problems += [f"{name}: h{a} then h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not problems, problems[:10]
    assert len(pages) > 60


def test_the_timeline_lists_each_version_with_its_date_and_the_amendments_it_consolidated(built):
    timeline = page(built, "timeline.html")
    rows = {
        tr[1].text_content(): (tr[0].xpath(".//time/@datetime")[0], [a.text_content() for a in tr[2].iter("a")])
        for tr in timeline.xpath("//table//tbody/tr")
    }
    assert rows["Versie 2019"] == ("2019-11-09", [])
    assert rows["Versie 2023"] == (
        "2023-03-01",
        ["Meer routes naar uitvoering dan alleen Ma.akbanken", "Resultaten zichtbaar maken"],
    )
    assert rows["College van B&W 2022–2026"][0] == "2022-06-01"
    assert list(rows) == sorted(rows, key=lambda k: rows[k][0])


def test_an_amendment_page_shows_status_proposers_rationale_source_decisions_and_its_redline(built):
    path = next(built.glob("amendments/2022-07-04-meer-routes*.html")).relative_to(built).as_posix()
    amendment = page(built, path)
    terms = [dt.text_content() for dt in amendment.xpath("//dl[@class='facts']/dt")]
    facts = dict(zip(terms, [dd.text_content() for dd in amendment.xpath("//dl[@class='facts']/dd")], strict=True))
    assert facts["Status"] == "verwerkt" and facts["Indieners"] == "Noor Haddou"
    assert facts["Basis"] == "Versie 2019" and facts["Bron"] == "netwerkbijeenkomst 23 juni 2022"
    assert amendment.xpath("//dd/a[@href='../versions/2019.html']")
    text = amendment.text_content()
    assert "Toelichting bij meer routes naar uitvoering dan alleen ma.akbanken." in text
    assert "27 september 2022: aangenomen (Secretariaat Ma.ak020)" in text
    assert "1 maart 2023: verwerkt (Secretariaat Ma.ak020) — in versie 2023" in text and "version 2023" not in text
    assert amendment.xpath("//main//li/a[@href='../versions/2023.html']")  # the version that consolidated it
    changed = amendment.xpath("//section[contains(@class, 'clause') and not(contains(@class, 'k-unchanged'))]")
    assert [s.get("id") for s in changed] == ["c-ma-akbanken", "c-andere-routes"]
    assert "[ingevoegd: een van de routes]" in changed[0].text_content()


def test_home_marks_the_sitting_colleges_attested_decision(repo, tmp_path):
    git(repo, "reset", "-q", "--hard", "HEAD~1")  # before the sitting college signed 2025 itself
    akkoord(
        "attest", "2025", "--signatory", "college-2026-2030", "--date", "2026-11-21",
        "--evidence", "Collegebesluit van 21 november 2026", "--key", repo.parent / "keys/admin",
        "--by", SECRETARIAAT, cwd=repo,
    )  # fmt: skip
    akkoord("site", tmp_path / "site", cwd=repo)
    home = page(tmp_path / "site", "index.html")
    text = home.text_content()
    assert "Het zittende college, College van B&W 2026–2030, heeft versie 2025 onderschreven (geattesteerd)." in text
    endorsed = home.xpath("//div[contains(@class, 'group-endorsed')]//li")
    assert [li.text_content() for li in endorsed] == ["College van B&W 2026–2030 (geattesteerd)"]
    assert "niet door de ondertekenaar zelf ondertekend" in text


def test_collisions_are_clauses_changed_by_more_than_one_open_amendment(repo, tmp_path):
    # one open amendment on a clause an accepted amendment changed too, one alone on another clause
    copy = edited(repo, tmp_path / "a.xml", "totdat er een uitvoerbare afspraak ligt", "tot er een afspraak ligt")
    akkoord("amend", "propose", "--from-file", copy, "--title", "Korter", "--by", "Eve <eve@example.org>", cwd=repo)
    copy = edited(repo, tmp_path / "b.xml", "binnen vier maanden na zijn aantreden", "binnen drie maanden")
    akkoord("amend", "propose", "--from-file", copy, "--title", "Sneller", "--by", "Eve <eve@example.org>", cwd=repo)
    akkoord("site", tmp_path / "site", cwd=repo)
    sections = page(tmp_path / "site", "amendments/collisions.html").xpath("//section[@class='collision']")
    assert [s.xpath("./h2")[0].text_content() for s in sections] == ["Artikel 46 Looptijd en vernieuwing"]
    # one of the two withdrawn: no collision left
    ident = next(line.split()[0] for line in akkoord("amend", "list", cwd=repo).splitlines() if "2029" in line)
    withdraw = ("amend", "withdraw", ident, "--by", "Pieter Smit <pieter@netwerk.example>")
    akkoord(*withdraw, "--key", repo.parent / "keys/admin", cwd=repo)
    akkoord("site", tmp_path / "site", cwd=repo)
    collisions = page(tmp_path / "site", "amendments/collisions.html")
    assert not collisions.xpath("//section[@class='collision']")
    assert "Geen" in collisions.xpath("//main//p[@class='lead']")[0].text_content()


# escaping ---------------------------------------------------------------------------------------------
def test_text_from_the_repository_is_escaped_and_cannot_reorder_the_page(repo, tmp_path):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    copy = edited(repo, tmp_path / "edit.xml", LOOPTIJD, "blijft in elk geval van kracht tot en met 2031.")
    ident = akkoord(
        "amend", "propose", "--from-file", copy, "--title", f"Verlengen {hostile}", "--by", "Eve <eve@example.org>",
        "--rationale", f"Waarom: {hostile} \u202egnol\u202c 1\u00a0000\u00a0euro", "--date", "2026-11-01", cwd=repo,
    ).split()[0]  # fmt: skip
    akkoord("site", tmp_path / "site", cwd=repo)
    for path in (f"amendments/{ident}.html", "amendments/index.html", "amendments/collisions.html"):
        tree = page(tmp_path / "site", path)
        assert [s.get("src") for s in tree.iter("script")] == ["../assets/site.js"], path
        assert not list(tree.iter("img")), path
        assert hostile in tree.text_content(), path
    rationale = page(tmp_path / "site", f"amendments/{ident}.html").text_content()
    assert "\u202e" not in rationale and "\\u202egnol\\u202c" in rationale
    assert "1\u00a0000\u00a0euro" in rationale  # a no-break space is text, not an escape
    assert b"<script>alert" not in (tmp_path / "site/feed.xml").read_bytes()


# incremental rebuilds -------------------------------------------------------------------------------
def test_rebuild_after_one_statement_rewrites_only_the_pages_that_changed(repo, tmp_path):
    site = tmp_path / "site"
    akkoord("site", site, cwd=repo)
    before = stats(site)
    keys = repo.parent / "keys"
    akkoord("endorse", "2025", "--as", "buurtkracht-oost", "--key", keys / "buurtkracht-oost", cwd=repo)
    out = akkoord("site", site, cwd=repo)
    after = stats(site)
    touched = {p for p in after if before.get(p) != after[p]}
    new_statement = {p for p in after if p.startswith("statements/endorsements/buurtkracht-oost/") and p not in before}
    assert len(new_statement) == 3  # its page, the statement and its signature
    assert touched == new_statement | {
        "index.html", "index.json", "feed.xml", "verify.html", "signatories/index.html",
        "signatories/buurtkracht-oost.html", MANIFEST,
    }  # fmt: skip
    assert f"{len(touched) - 1} file(s) written, {len(after) - len(touched)} unchanged" in out
    assert before.keys() <= after.keys()


def test_rebuild_after_one_amendment_rewrites_only_the_pages_that_changed(repo, tmp_path):
    site = tmp_path / "site"
    akkoord("site", site, cwd=repo)
    before = stats(site)
    copy = edited(repo, tmp_path / "edit.xml", "binnen vier maanden na zijn aantreden", "binnen drie maanden")
    ident = akkoord(
        "amend", "propose", "--from-file", copy, "--title", "Sneller", "--by", "Eve <eve@example.org>", cwd=repo
    )
    akkoord("site", site, cwd=repo)
    after = stats(site)
    touched = {p for p in after if before.get(p) != after[p]}
    assert touched == {
        f"amendments/{ident.split()[0]}.html", "amendments/index.html", "clauses/nieuw-college.html",
        "index.html", "index.json", "feed.xml", "verify.html", MANIFEST,
    }  # fmt: skip


def test_a_second_build_writes_nothing(built, story):
    before = stats(built)
    out = akkoord("site", built, cwd=story)
    assert "0 file(s) written" in out
    assert stats(built) == before


# the writer and refusals --------------------------------------------------------------------------------
def test_writer_removes_only_files_it_wrote_before(tmp_path):
    site = tmp_path / "site"
    write_site(site, {"a.html": b"a", "sub/b.html": b"b"})
    (site / "notes.txt").write_text("mine")
    result = write_site(site, {"a.html": b"a2"})
    assert result.written == ["a.html"] and result.removed == ["sub/b.html"]
    assert (site / "notes.txt").read_text() == "mine" and not (site / "sub").exists()
    # a file the site wrote, replaced by the owner with a link to their own file, is left alone
    (site / "a.html").unlink()
    (site / "a.html").symlink_to(site / "notes.txt")
    result = write_site(site, {"c.html": b"c"})
    assert result.removed == [] and (site / "a.html").is_symlink() and (site / "notes.txt").read_text() == "mine"


def test_refuses_a_folder_it_did_not_make_and_changes_nothing(story, tmp_path, run_cli):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "index.html").write_text("my own page")
    code, out, err = run_cli("-C", story, "site", folder)
    assert_one_line_error(code, err, "not empty and was not made by `akkoord site`")
    assert [p.name for p in folder.iterdir()] == ["index.html"]
    assert (folder / "index.html").read_text() == "my own page"
    # a clone of a pages repository (hidden entries only) is fine
    clone = tmp_path / "pages"
    (clone / ".git").mkdir(parents=True)
    code, out, err = run_cli("-C", story, "site", clone)
    assert code == 0 and (clone / "index.html").is_file() and (clone / ".nojekyll").is_file()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--base-url", "javascript:alert(1)"], "is not an http(s) address"),
        (["--trust-anchor", "sha256:" + "0" * 64], None),
    ],
)
def test_bad_options_are_one_line(story, tmp_path, run_cli, args, message):
    code, out, err = run_cli("-C", story, "site", tmp_path / "site", *args)
    if message is None:  # a wrong anchor builds the site, which says verification failed
        assert code == 0
        assert "De controle vond" in page(tmp_path / "site", "index.html").text_content()
        return
    assert_one_line_error(code, err, message)
    assert not (tmp_path / "site").exists()


def test_outside_a_repository_or_onto_a_file_is_one_line(tmp_path, run_cli, story):
    code, out, err = run_cli("-C", tmp_path, "site", tmp_path / "site")
    assert_one_line_error(code, err, "akkoord repository")
    (tmp_path / "file").write_text("x")
    code, out, err = run_cli("-C", story, "site", tmp_path / "file")
    assert_one_line_error(code, err, "is not a folder")
    assert (tmp_path / "file").read_text() == "x"


def test_no_secrets_and_no_git_internals_are_published(built):
    names = {p.name for p in built.rglob("*")}
    assert not any(n.startswith(("id_", "admin")) or n == ".git" for n in names)
    assert os.path.exists(built / MANIFEST)


def test_a_repository_without_versions_gets_a_site_that_says_so(tmp_path):
    akkoord("init", tmp_path / "new", "--by", "Clerk <clerk@example.org>", cwd=tmp_path)
    akkoord("site", tmp_path / "site", cwd=tmp_path / "new")
    assert (
        "Er zijn nog geen versies van deze tekst vastgesteld." in page(tmp_path / "site", "index.html").text_content()
    )
    assert page(tmp_path / "site", "timeline.html").xpath("//h1")[0].text_content() == "Tijdlijn"


def test_a_planted_broken_statement_is_shown_as_failing_and_the_rest_still_counts(repo, tmp_path):
    folder = repo / "endorsements" / "huurders-zuidoost"
    (folder / "000009-0123456789abcdef.json").write_bytes(b'{"kind": "endorsement", <script>')
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Mallory", "-c", "user.email=m@example.org", "commit", "-qm", "planted")
    akkoord("site", tmp_path / "site", cwd=repo)
    home = page(tmp_path / "site", "index.html").text_content()
    assert "De controle vond" in home and "Het zittende college" in home
    planted = page(tmp_path / "site", "statements/endorsements/huurders-zuidoost/000009-0123456789abcdef.html")
    assert "Controle: klopt niet" in planted.text_content()
    assert '{"kind": "endorsement", <script>' in planted.text_content()
    assert [s.get("src") for s in planted.iter("script")] == ["../../../assets/site.js"]
    assert "000009-0123456789abcdef.json" in page(tmp_path / "site", "verify.html").text_content()


def test_a_rebuild_reuses_comparisons_made_from_the_same_texts_and_code(repo, tmp_path):
    site = tmp_path / "site"
    akkoord("site", site, cwd=repo)
    fresh = collect(Workspace.open(repo), today=dt.date(2026, 11, 27))
    made = render(fresh)
    assert sorted(fresh.computed) == [("2019", "2023"), ("2019", "2025"), ("2023", "2025")]

    again = collect(Workspace.open(repo), today=dt.date(2026, 11, 27))
    reused = render(again, None, previous_build(site))
    assert sorted(again.computed) == [("2019", "2023"), ("2023", "2025")]  # consecutive, for clause histories
    assert reused.files == made.files

    # a page changed on disk since is made again, and the build puts it right
    (site / "compare/2019/2025.html").write_text("tampered")
    third = collect(Workspace.open(repo), today=dt.date(2026, 11, 27))
    assert render(third, None, previous_build(site)).files == made.files
    assert ("2019", "2025") in third.computed
    akkoord("site", site, cwd=repo)
    assert (site / "compare/2019/2025.html").read_bytes() == made.files["compare/2019/2025.html"]


def _move_tag(repo: Path, label: str, old: str, new: str) -> None:
    """Commit an edit of the text and move the tag `version/LABEL` onto it, keeping its message."""
    edited(repo, repo / "akkoord.xml", old, new)
    akkoord("commit", "-m", "Moved", "--by", SECRETARIAAT, cwd=repo)
    message = git(repo, "tag", "-l", "--format=%(contents)", f"version/{label}")
    git(
        repo,
        "-c",
        "user.name=Mallory",
        "-c",
        "user.email=m@example.org",
        "tag",
        "-f",
        "-a",
        f"version/{label}",
        "-m",
        message,
    )


def test_a_moved_version_tag_changes_nothing_the_site_shows_and_is_reported(repo, tmp_path):
    """With a registry a version is its admin-signed record: a tag moved onto another text is a problem."""
    site = tmp_path / "site"
    akkoord("site", site, cwd=repo)
    before = (site / "compare/2023/2025.html").read_bytes()
    _move_tag(repo, "2025", "binnen vier maanden na zijn aantreden", "binnen twee maanden na zijn aantreden")
    akkoord("site", site, cwd=repo)
    assert (site / "compare/2023/2025.html").read_bytes() == before
    assert "twee maanden" not in (site / "versions/2025.html").read_text("utf-8")
    assert "version/2025: wijst naar commit" in page(site, "verify.html").text_content()  # in the text's language


def test_without_a_registry_a_moved_tag_makes_its_comparisons_again(tmp_path):
    """Without a registry the tags are the versions: pages of the new text replace those of the old."""
    source = tmp_path / "agreement.xml"
    source.write_text(
        '<agreement id="pact" lang="nl"><meta><title>Buurtpact</title></meta><body>'
        '<clause id="doel" num="1"><heading>Doel</heading><para num="1"><p>Wij spreken af.</p></para></clause>'
        "</body></agreement>",
        "utf-8",
    )
    repo = tmp_path / "pact"
    akkoord("init", repo, "--from", source, "--by", SECRETARIAAT, cwd=tmp_path)
    akkoord("version", "create", "1", "--date", "2024-01-01", "--by", SECRETARIAAT, cwd=repo)
    edited(repo, repo / "akkoord.xml", "Wij spreken af.", "Wij spreken samen af.")
    akkoord("commit", "-m", "Samen", "--by", SECRETARIAAT, cwd=repo)
    akkoord("version", "create", "2", "--date", "2024-02-01", "--by", SECRETARIAAT, cwd=repo)
    site = tmp_path / "site"
    akkoord("site", site, cwd=repo)
    assert "[ingevoegd: samen" in page(site, "compare/1/2.html").text_content()
    _move_tag(repo, "2", "Wij spreken samen af.", "Wij spreken nu af.")
    akkoord("site", site, cwd=repo)
    assert "[ingevoegd: nu" in page(site, "compare/1/2.html").text_content()


def test_a_page_recorded_with_another_key_is_made_again(repo, tmp_path):
    site = tmp_path / "site"
    akkoord("site", site, cwd=repo)
    manifest = json.loads((site / MANIFEST).read_text())
    manifest["keys"]["compare/2019/2025.html"] = "0" * 64
    (site / MANIFEST).write_text(json.dumps(manifest))
    data = collect(Workspace.open(repo), today=dt.date(2026, 11, 27))
    render(data, None, previous_build(site))
    assert ("2019", "2025") in data.computed


@needs_corpus
def test_a_law_names_articles_annexes_and_its_closing_formula_as_the_text_does(tmp_path):
    files = [f for f in bwb_files("BWBR0002629") if f.stem.split("_", 1)[1] in ("2013-10-10_1", "2014-01-01_0")]
    repo = build_law(tmp_path, files)
    akkoord("site", tmp_path / "site", cwd=repo)
    text = page(tmp_path / "site", "versions/2014-01-01_0.html")
    headings = {s.get("id"): s[0].text_content() for s in text.xpath("//section[@class='clause']")}
    assert "Slotformulier en ondertekening" in headings.values() and "Tabel I" in headings.values()
    assert sum(1 for h in headings.values() if h.startswith("Artikel ")) == len(headings) - 3
    assert text.get_element_by_id("art-28zg").tag == "h4"  # an article's number anchor, under its afdeling
    divisions = [s[0].text_content() for s in text.xpath("//section[@class='division']")]
    assert "Hoofdstuk I Inleidende bepalingen" in divisions and "Afdeling 1 Belastbaar feit" in divisions
    # the comparison shows what changed outside the articles too (metadata, a division's heading)
    compare = page(tmp_path / "site", "compare/2013-10-10_1/2014-01-01_0.html")
    assert compare.xpath("//section[contains(@class, 'part')]")
