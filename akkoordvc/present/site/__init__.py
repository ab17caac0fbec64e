"""A static, self-contained review site of an agreement repository: `build(workspace, outdir)`.

For reviewers and signatories who never open a terminal: the current text and who stands behind it,
every version, what changed between any two, each clause's history, the amendments (and where they
collide) and the signatories' signed statements with their verification, in any browser, on a phone
too. Plain files: no server, no external fonts, scripts or styles, relative links throughout, so the
folder works from `file://` and from any static host (Gitea or GitHub pages, a municipal web server).

Modules, each with one job:

* `collect`: everything shown, read once through the library (storage, trust); it also decides which
  comparisons are computed in advance (all pairs while there are few versions; see its docstring);
* `markup`: the escaping HTML layer on lxml, and grafting pages made by `present.html` (the redline
  renderer, reused as it is) into the site;
* `layout`: the frame every page shares; `links`: where each page lives; `words`: labels in the
  document's language; `assets`: the one stylesheet and one script;
* pages: `home`, `timeline`, `texts` (versions and their full text, via `fulltext`), `compare`,
  `clauses`, `amendments`, `signatories` (with statements and the verification report);
* `feed`: `index.json` and the Atom feed; `writer`: writes only the files whose bytes changed.

Accessibility (WCAG 2.1 AA): semantic landmarks and headings in order, a skip link, every control
reachable by keyboard, insertions and deletions marked by more than colour and announced to screen
readers (by the redline renderer), tables that scroll within themselves so pages reflow to 320 px,
print styles and dark mode.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...model.reading import read_input
from ...storage.workspace import Workspace
from . import amendments, clauses, compare, home, signatories, texts, timeline
from .assets import CSS, JS
from .collect import SiteData, collect
from .feed import atom, index_json
from .layout import CSS_PATH, JS_PATH, Site
from .words import words
from .writer import Previous, Written, previous_build, write_site

__all__ = ["Output", "Written", "build", "fingerprint", "render"]


@dataclass
class Output:
    """The files of a site (site path -> bytes), and the keys of the pages made from keys."""

    files: dict[str, bytes]
    keys: dict[str, str]


def fingerprint() -> str:
    """The SHA-256 of the package's source: a page made by other code is never reused."""
    package = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(read_input(path))
    return digest.hexdigest()


def render(data: SiteData, base_url: str | None = None, previous: Previous | None = None) -> Output:
    """Every file of the site, from collected data; pages the `previous` build made from the same facts
    are reused from disk."""
    w = words(data.lang)
    site = Site(w, data.lang or w["lang"], data.title, previous, fingerprint() if previous is not None else "")

    def everything() -> Iterator[tuple[str, bytes]]:
        yield CSS_PATH, CSS.encode("utf-8")
        yield JS_PATH, JS.encode("utf-8")
        yield ".nojekyll", b""  # GitHub Pages: serve the files as they are
        yield "index.html", home.build(site, data)
        yield "timeline.html", timeline.build(site, data)
        yield from texts.pages(site, data)
        yield from compare.pages(site, data)
        yield from clauses.pages(site, data)
        yield from amendments.pages(site, data)
        yield from signatories.pages(site, data)
        yield "index.json", index_json(data, base_url)
        yield "feed.xml", atom(data, base_url, site.words)

    files: dict[str, bytes] = {}
    for path, content in everything():
        if path in files:
            raise ValueError(f"two site files at {path}")
        files[path] = content
    return Output(files, site.keys)


def build(
    workspace: Workspace,
    outdir: str | os.PathLike[str],
    *,
    base_url: str | None = None,
    trust_anchor: str | None = None,
    today: dt.date,
) -> Written:
    """Build (or bring up to date) the site of `workspace`'s repository in `outdir`."""
    previous = previous_build(outdir)
    data = collect(workspace, trust_anchor=trust_anchor, today=today)
    output = render(data, base_url, previous)
    return write_site(outdir, output.files, output.keys)
