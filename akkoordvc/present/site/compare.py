"""Comparisons: the redline of every precomputed pair of versions, and the form to choose one.

The form lists every version twice (old, new); the site's script sends it to the precomputed page
(`compare/OLD/NEW.html`). Without scripts the list of comparisons below the form does the same.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from . import links
from .collect import SiteData
from .layout import Page, Site, file_name
from .markup import Child, h
from .redlines import whole


def form(site: Site, data: SiteData, page: Page) -> list[Child]:
    w = site.words
    labels = [t.label for t in data.texts]
    available = " ".join(f"{file_name(a)}/{file_name(b)}.html" for a, b in data.pairs)

    def select(name: str, chosen: int) -> list[Child]:
        return [
            h("label", {"for": f"_{name}"}, w[name]),
            h(
                "select",
                {"id": f"_{name}", "name": name},
                [
                    h("option", {"value": file_name(label), "selected": i == chosen}, label)
                    for i, label in enumerate(labels)
                ],
            ),
        ]

    return [
        h(
            "form",
            {
                "class": "compare",
                "action": "#",
                "data-pairs": available,
                "data-same": w["same_version"],
                "data-missing": w["not_precomputed"].format(n=len(labels)),
            },
            h("div", None, select("from", max(len(labels) - 2, 0))),
            h("div", None, select("to", len(labels) - 1)),
            h("div", None, h("button", {"type": "submit"}, w["show"])),
            h("p", {"role": "status", "aria-live": "polite", "class": "form-message"}),
        ),
        h("p", {"class": "muted"}, w["swapped"]),
    ]


def index(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("compare/index.html", "compare")
    body: list[Child] = [h("h1", None, w["compare_title"]), h("p", None, w["compare_intro"])]
    if len(data.texts) < 2:
        body.append(h("p", None, w["no_pairs"]))
        return site.render(page, w["compare_title"], body)
    body.extend(form(site, data, page))
    consecutive = [(a.label, b.label) for a, b in zip(data.texts, data.texts[1:], strict=False)]
    body.append(h("h2", None, w["consecutive"]))
    body.append(
        h(
            "ul",
            {"class": "plain"},
            [
                h("li", None, page.link(links.compare_page(a, b), w["pair"].format(old=a, new=b)))
                for a, b in reversed(consecutive)
            ],
        )
    )
    body.append(h("h2", None, w["all_pairs"]))
    if len(data.pairs) < len(data.texts) * (len(data.texts) - 1) // 2:
        body.append(h("p", {"class": "muted"}, w["not_precomputed"].format(n=len(data.texts))))
    body.append(
        h(
            "ul",
            {"class": "plain pairs"},
            [h("li", None, page.link(links.compare_page(a, b), w["pair"].format(old=a, new=b))) for a, b in data.pairs],
        )
    )
    return site.render(page, w["compare_title"], body)


def pair(site: Site, data: SiteData, old: str, new: str) -> bytes:
    w = site.words
    page = site.page(links.compare_page(old, new), "compare")
    redline = data.redline(old, new)
    title = w["changes_title"].format(old=old, new=new)
    body: list[Child] = [
        h("h1", None, title),
        h(
            "p",
            {"class": "muted"},
            page.link(links.version_page(old), w["version_n"].format(label=old)),
            " → ",
            page.link(links.version_page(new), w["version_n"].format(label=new)),
        ),
        whole(page, redline),
    ]
    return site.render(page, title, body, skip_to="changes")


def pages(site: Site, data: SiteData) -> Iterator[tuple[str, bytes]]:
    yield "compare/index.html", index(site, data)
    for old, new in data.pairs:
        path = links.compare_page(old, new)
        facts = [old, data.text(old).version.text_sha256, new, data.text(new).version.text_sha256]
        yield path, site.cached(path, facts, functools.partial(pair, site, data, old, new))
