"""The frame every page of the site shares: head, skip link, site menu, main landmark and footer.

Links between pages are relative (`Page.href`), so the site works from `file://`, from any folder of a
static host and when copied elsewhere. The frame holds nothing that changes from one build to the next
(no build time, no commit), so a page is rewritten only when its own content changed.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

from .markup import Child, h, serialize
from .writer import Previous

CSS_PATH = "assets/site.css"
JS_PATH = "assets/site.js"

#: The site menu: (page, label key), in the order shown.
MENU = (
    ("index.html", "home"),
    ("timeline.html", "timeline"),
    ("versions/index.html", "versions"),
    ("compare/index.html", "compare"),
    ("clauses/index.html", "clauses"),
    ("amendments/index.html", "amendments"),
    ("signatories/index.html", "signatories"),
)

#: The id of the main landmark: it starts with "_", which no id of a document may, so a clause's permanent
#: anchor never collides with it.
MAIN = "_main"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def file_name(name: str) -> str:
    """A file name for a label or id: letters, digits, '.', '_' and '-' kept, anything else escaped
    (never a name that is empty, hidden or a path)."""
    safe = _UNSAFE.sub(lambda m: f"_{ord(m.group()):04x}", name)
    return safe if safe and not safe.startswith(".") else "_" + safe


@dataclass
class Page:
    """One page being built: where it lives in the site, its section of the menu, and the site's words."""

    path: str
    words: dict[str, str]
    lang: str
    section: str = ""

    def href(self, target: str) -> str:
        """A relative link from this page to `target` (a site path, optionally with #fragment)."""
        path, _, fragment = target.partition("#")
        if not path:
            return "#" + fragment
        here = posixpath.dirname(self.path)
        link = posixpath.relpath(path, here or ".")
        return link + ("#" + fragment if fragment else "")

    def link(self, target: str, *children: Child, **attrs: str | None) -> etree._Element:
        return h("a", {"href": self.href(target), **attrs}, *children)


def data_table(
    label: str, head: Iterable[Child], rows: Iterable[Child], *, labelled_by: str | None = None
) -> etree._Element:
    """A table of data with column headers `head`, in a labelled region that scrolls sideways on its own
    (and can be focused to scroll by keyboard), so the page around it reflows to a narrow screen."""
    return h(
        "div",
        {
            "class": "table-wrap",
            "role": "region",
            "tabindex": "0",
            "aria-label": None if labelled_by else label,
            "aria-labelledby": labelled_by,
        },
        h(
            "table",
            {"class": "data"},
            h("thead", None, h("tr", None, [h("th", {"scope": "col"}, cell) for cell in head])),
            h("tbody", None, rows),
        ),
    )


def table_row(header: Child, *cells: Child) -> etree._Element:
    """A row of a data table: its header cell, then its data cells."""
    return h("tr", None, h("th", {"scope": "row"}, header), [h("td", None, cell) for cell in cells])


def document(
    page: Page,
    title: str,
    body: Iterable[Child],
    *,
    site_title: str,
    skip_to: str = MAIN,
    extra_head: Iterable[Child] | None = None,
) -> bytes:
    """The page as HTML5 bytes: `body` inside the main landmark, under the site's header and menu."""
    w = page.words
    menu = h(
        "ul",
        None,
        [
            h(
                "li",
                None,
                h(
                    "a",
                    {"href": page.href(target), "aria-current": "page" if page.section == key else None},
                    w[key],
                ),
            )
            for target, key in MENU
        ],
    )
    head = h(
        "head",
        None,
        h("meta", {"charset": "utf-8"}),
        h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        h("meta", {"name": "color-scheme", "content": "light dark"}),
        h("meta", {"name": "generator", "content": "akkoordvc"}),
        h("title", None, f"{title} · {site_title}"),
        h("link", {"rel": "stylesheet", "href": page.href(CSS_PATH)}),
        h(
            "link",
            {"rel": "alternate", "type": "application/atom+xml", "href": page.href("feed.xml"), "title": w["feed"]},
        ),
        extra_head or [],
        h("script", {"src": page.href(JS_PATH), "defer": True}),
    )
    header = h(
        "header",
        {"class": "site"},
        h("a", {"class": "skip", "href": "#" + skip_to}, w["skip"]),
        h("p", {"class": "site-name"}, page.link("index.html", site_title)),
        h("nav", {"aria-label": w["menu"]}, menu),
    )
    footer = h(
        "footer",
        {"class": "site"},
        h("p", None, w["footer"]),
        h(
            "p",
            None,
            page.link("index.json", w["data"]),
            " · ",
            page.link("feed.xml", w["feed"]),
            " · ",
            page.link("verify.html", w["verification"]),
        ),
    )
    main = h("main", {"id": MAIN, "tabindex": "-1"}, body)
    root = h("html", {"lang": page.lang}, head, h("body", None, header, main, footer))
    return serialize(root)


@dataclass
class Site:
    """What every page builder needs: the site's words, language and title; and, to reuse pages of the
    previous build, that build (`previous`), a fingerprint of the code that renders pages, and the keys
    of the pages made from keys in this build."""

    words: dict[str, str]
    lang: str
    title: str
    previous: Previous | None = None
    fingerprint: str = ""
    keys: dict[str, str] = field(default_factory=dict)

    def cached(self, path: str, facts: Iterable[str], make: Callable[[], bytes]) -> bytes:
        """The page at `path`, made by `make` unless the previous build made it from the same facts (and the
        same code, site title and language), in which case its bytes on disk are reused."""
        parts = [self.fingerprint, self.title, self.lang, *facts]
        key = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
        self.keys[path] = key
        reused = self.previous.reuse(path, key) if self.previous is not None and self.fingerprint else None
        return reused if reused is not None else make()

    def page(self, path: str, section: str = "") -> Page:
        return Page(path, self.words, self.lang, section)

    def render(self, page: Page, title: str, body: Iterable[Child], **options: str) -> bytes:
        return document(page, title, body, site_title=self.title, **options)
