"""The review site in a real browser: Debian's Chromium driven by Playwright, checked by axe-core.

One browser for the whole module (the suite shares two cores). The site is the story of
`review_site_story` built with `akkoord site`. Every page is loaded from file:// (as a reader who
opens the folder would) without console errors, failed or external requests; every internal link and
anchor resolves; the compare form leads to the right redline; the redline can be stepped through by
keyboard; axe finds no serious or critical violation on any kind of page, in light and dark mode;
pages reflow to 320 px; screenshots (desktop and 400 px) are kept in test-artifacts/site/.

Skipped only outside CI when Playwright or Chromium is missing; with CI set, that is a failure.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import bwb_files, needs_corpus
from review_site_story import akkoord, build_law, build_story

from akkoordvc.model.document import Document
from akkoordvc.ops.align import compute
from akkoordvc.storage.versions import versions
from akkoordvc.storage.workspace import Workspace

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "site"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _unavailable(why: str):
    if os.environ.get("CI"):
        pytest.fail(f"{why}; CI must run the browser tests (.ci/run installs chromium)")
    pytest.skip(f"{why} (outside CI the browser tests are skipped)")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site-story")
    repo = build_story(folder)
    akkoord("site", folder / "site", cwd=repo)
    return folder / "site"


@pytest.fixture(scope="module")
def repo(site) -> Path:
    return site.parent / "maak020"


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[test]')")
    if not os.path.exists(CHROMIUM):
        _unavailable(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


class Watched:
    """A browser page that records console errors, page errors and failed or non-file requests."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} {r.failure}"))
        page.on(
            "request",
            lambda r: self.problems.append(f"external request: {r.url}") if not r.url.startswith("file://") else None,
        )

    def open(self, url: str) -> None:
        self.problems.clear()
        self.page.goto(url)
        self.page.wait_for_load_state("load")


def url(site: Path, path: str) -> str:
    return (site / path).as_uri()


# one representative page of each kind
def page_kinds(site: Path) -> dict[str, str]:
    first = lambda pattern: sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))[0]  # noqa: E731
    return {
        "home": "index.html",
        "timeline": "timeline.html",
        "versions": "versions/index.html",
        "version-text": "versions/2025.html",
        "compare-form": "compare/index.html",
        "redline": "compare/2019/2023.html",
        "clauses": "clauses/index.html",
        "clause-history": "clauses/ma-akbanken.html",
        "amendments": "amendments/index.html",
        "amendment": first("amendments/2022-07-04-meer-routes*.html"),
        "collisions": "amendments/collisions.html",
        "signatories": "signatories/index.html",
        "signatory": "signatories/buurtkracht-oost.html",
        "statement": first("statements/endorsements/huurders-zuidoost/*.html"),
        "verification": "verify.html",
    }


def test_every_page_loads_cleanly_and_every_internal_link_resolves(site, browser):
    page = Watched(browser.new_page())
    site_root = site.resolve().as_posix() + "/"
    queue = ["index.html"]
    seen: set[str] = set()
    ids: dict[str, set[str]] = {}
    wanted: list[tuple[str, str, str]] = []  # (from page, target page, fragment)
    problems = []
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        page.open(url(site, path))
        problems += [f"{path}: {p}" for p in page.problems]
        found = page.page.evaluate(
            "() => ({ids: Array.from(document.querySelectorAll('[id]'), e => e.id),"
            " links: Array.from(document.querySelectorAll('a[href], link[href], script[src]'),"
            " e => e.href || e.src)})"
        )
        ids[path] = set(found["ids"])
        for link in found["links"]:
            parts = urlsplit(link)
            if parts.scheme != "file":
                continue
            target = unquote(parts.path)
            assert target.startswith(site_root), f"{path} links outside the site: {link}"
            relative = target[len(site_root) :]
            if not (site / relative).is_file():
                problems.append(f"{path}: broken link {link}")
                continue
            if relative.endswith(".html"):
                queue.append(relative)
                if parts.fragment:
                    wanted.append((path, relative, unquote(parts.fragment)))
    for source, target, fragment in wanted:
        if fragment not in ids.get(target, set()):
            problems.append(f"{source}: link to {target}#{fragment}, which has no such anchor")
    assert not problems, "\n".join(problems[:40])
    every_page = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert every_page - seen == set(), "pages no link leads to"
    assert len(seen) > 60
    page.page.close()


def test_no_serious_accessibility_violations_on_any_kind_of_page(site, browser):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = []
    # every rule of WCAG 2.1 A and AA (and axe's best practices) in light mode; contrast again in dark mode
    for scheme, only in (
        ("light", {"type": "tag", "values": AXE_TAGS}),
        ("dark", {"type": "rule", "values": ["color-contrast"]}),
    ):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        for kind, path in page_kinds(site).items():
            page.goto(url(site, path))
            result = axe.run(page, options={"runOnly": only, "preload": False, "resultTypes": ["violations"]})
            for violation in result.response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [n["target"] for n in violation["nodes"][:3]]
                    found.append(f"{scheme} {kind} ({path}): {violation['id']} {violation['impact']} {targets}")
            assert result.response["testEngine"]["name"] == "axe-core"
        context.close()
    assert not found, "\n".join(found)


def test_pages_reflow_to_320_px_and_screenshots_are_kept(site, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    too_wide = []
    for width in (1280, 400, 320):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for kind, path in page_kinds(site).items():
            page.goto(url(site, path))
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                too_wide.append(f"{kind} at {width}px scrolls sideways ({scroll}px)")
            if width != 320:
                name = f"{kind}-{'desktop' if width == 1280 else width}.jpg"
                page.screenshot(path=str(ARTIFACTS / name), full_page=True, type="jpeg", quality=70)
        page.close()
    assert not too_wide, "\n".join(too_wide)
    for kind in page_kinds(site):
        assert (ARTIFACTS / f"{kind}-desktop.jpg").stat().st_size > 10_000
        assert (ARTIFACTS / f"{kind}-400.jpg").stat().st_size > 10_000


def _changed_anchors(repo: Path, old: str, new: str) -> list[str]:
    """The anchors of the changed clauses in the library's redline of `old` → `new` (what the page must show)."""
    workspace = Workspace.open(repo)
    found = {v.label: v for v in versions(workspace)}

    def document(label):
        return Document.from_bytes(workspace.text_at(found[label].commit))

    from akkoordvc.ops.redline import Side

    def side(label):
        return Side(label, label, found[label].text_sha256)

    redline = compute(document(old), document(new), side(old), side(new))
    return [c.anchor for c in redline.changed]


def test_the_compare_form_shows_the_redline_of_the_chosen_versions(site, repo, browser):
    page = Watched(browser.new_page())
    page.open(url(site, "compare/index.html"))
    page.page.select_option("select[name=from]", label="2019")
    page.page.select_option("select[name=to]", label="2025")
    page.page.click("form.compare button[type=submit]")
    page.page.wait_for_url("**/compare/2019/2025.html")
    assert page.page.inner_text("h1") == "Wijzigingen van versie 2019 naar 2025"
    shown = page.page.eval_on_selector_all(
        "[data-redline] section.clause:not(.k-unchanged)", "els => els.map(e => e.id)"
    )
    expected = _changed_anchors(repo, "2019", "2025")
    assert shown == expected and len(expected) >= 4
    # the editorial change of 2025 and an amendment of 2023 are both in this redline, marked as such
    college = page.page.eval_on_selector("#c-nieuw-college", "e => e.textContent")
    assert "[verwijderd: zes" in college and "[ingevoegd: vier" in college
    assert page.page.locator("#c-andere-routes ins").count() >= 1

    # chosen the wrong way round: the older is taken as the old version
    page.open(url(site, "compare/index.html"))
    page.page.select_option("select[name=from]", label="2025")
    page.page.select_option("select[name=to]", label="2023")
    page.page.click("form.compare button[type=submit]")
    page.page.wait_for_url("**/compare/2023/2025.html")
    assert page.page.eval_on_selector_all(
        "[data-redline] section.clause:not(.k-unchanged)", "els => els.map(e => e.id)"
    ) == _changed_anchors(repo, "2023", "2025")

    # the same version twice: a message, and the page stays
    page.open(url(site, "compare/index.html"))
    page.page.select_option("select[name=from]", label="2023")
    page.page.select_option("select[name=to]", label="2023")
    page.page.click("form.compare button[type=submit]")
    assert page.page.inner_text("form.compare [role=status]") == "Kies twee verschillende versies."
    assert page.page.url.endswith("compare/index.html")
    assert not page.problems
    page.page.close()


def test_the_redline_is_navigable_by_keyboard_and_announces_changes(site, repo, browser):
    page = Watched(browser.new_page())
    page.open(url(site, "compare/2019/2025.html"))
    expected = _changed_anchors(repo, "2019", "2025")
    keyboard = page.page.keyboard
    keyboard.press("Tab")
    assert page.page.evaluate("document.activeElement.className") == "skip"
    keyboard.press("Enter")
    assert page.page.evaluate("document.activeElement.id") == "changes"
    visited = []
    for _ in expected:
        keyboard.press("n")
        visited.append(page.page.evaluate("document.activeElement.id"))
    assert visited == expected
    keyboard.press("n")  # at the last change it stays there
    assert page.page.evaluate("document.activeElement.id") == expected[-1]
    keyboard.press("p")
    assert page.page.evaluate("document.activeElement.id") == expected[-2]
    assert page.page.url.endswith("#" + expected[-2])
    # the buttons do the same, by keyboard
    page.page.focus(".change-nav [data-go=previous]")
    keyboard.press("Enter")
    assert page.page.evaluate("document.activeElement.id") == expected[-3]
    # insertions and deletions are announced: the accessible text of each says what it is
    snapshot = page.page.locator("#c-nieuw-college").aria_snapshot()
    assert 'deletion: "[verwijderd: zes' in snapshot and 'insertion: "[ingevoegd: vier' in snapshot
    # and marked by more than colour: struck through and underlined
    assert "line-through" in page.page.eval_on_selector(
        "#c-nieuw-college del", "e => getComputedStyle(e).textDecorationLine"
    )
    assert "underline" in page.page.eval_on_selector(
        "#c-nieuw-college ins", "e => getComputedStyle(e).textDecorationLine"
    )
    assert not page.problems
    page.page.close()


def test_the_timeline_is_drawn_to_scale(site, browser):
    """Each event's tick sits at its date and each college's bar is as long as its term, on one scale."""
    page = browser.new_page(viewport={"width": 400, "height": 900})
    page.goto(url(site, "timeline.html"))
    ticks = page.eval_on_selector_all(
        "li.event",
        "els => els.map(e => [e.className, e.querySelector('time').getAttribute('datetime'),"
        " e.querySelector('.tick').getBoundingClientRect().top])",
    )
    days = [(dt.date.fromisoformat(day), top) for _, day, top in ticks]
    (first, top0), (last, top1) = days[0], days[-1]
    per_day = (top1 - top0) / (last - first).days
    assert per_day > 0
    assert [round(top - top0 - (day - first).days * per_day) for day, top in days] == [0] * len(days)
    assert [kind for kind, _, _ in ticks].count("event version") == 3
    bars = page.eval_on_selector_all(".terms .term", "els => els.map(e => e.getBoundingClientRect())")
    colleges = [(day, top) for (kind, _, _), (day, top) in zip(ticks, days, strict=True) if kind == "event college"]
    for bar, (start, top) in zip(bars, colleges, strict=True):  # 1 June + four years, to 31 May inclusive
        assert round(bar["y"] - top) == 0
        assert round(bar["height"] - (start.replace(year=start.year + 4) - start).days * per_day) == 0
    page.close()


def test_print_and_dark_mode_styles_apply(site, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(url(site, "versions/2025.html"))
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(25, 25, 24)"
    page.emulate_media(media="print")
    assert page.eval_on_selector("header.site nav", "e => getComputedStyle(e).display") == "none"
    assert page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == "rgb(255, 255, 255)"
    context.close()


@needs_corpus
def test_a_real_law_reads_accessibly_and_reflows_too(browser, tmp_path_factory):
    """Divisions, nested lists, moved and renumbered articles and changes outside the articles: the Drank- en
    Horecawet 2012 → 2013 from the BWB corpus."""
    from axe_playwright_python.sync_playwright import Axe

    folder = tmp_path_factory.mktemp("law")
    files = [f for f in bwb_files("BWBR0002458") if f.stem.split("_", 1)[1] in ("2012-01-01_0", "2013-01-01_0")]
    akkoord("site", folder / "site", cwd=build_law(folder, files))
    page = Watched(browser.new_page(viewport={"width": 320, "height": 900}))
    found = []
    for path in ("versions/2013-01-01_0.html", "compare/2012-01-01_0/2013-01-01_0.html", "clauses/index.html"):
        page.open(url(folder / "site", path))
        assert page.page.evaluate("document.documentElement.scrollWidth") <= 320, path
        result = Axe().run(page.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "preload": False})
        found += [f"{path}: {v['id']}" for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not page.problems, page.problems
    assert not found, found
    page.page.close()


def test_index_json_is_valid_and_served_beside_the_pages(site):
    data = json.loads((site / "index.json").read_text("utf-8"))
    assert [v["label"] for v in data["versions"]] == ["2019", "2023", "2025"]
    for version in data["versions"]:
        assert (site / posixpath.normpath(version["page"])).is_file()
