"""Redlines on the site, rendered by `present.html` (the same renderer as `akkoord redline --format html`).

The renderer's page is taken apart with `markup.graft` and its parts placed in the site's frame; ids
are prefixed when several redlines share a page. A whole redline is wrapped in a container the site's
script can step through (`data-redline`), with previous/next buttons that appear when scripts run.
"""

from __future__ import annotations

from lxml import etree

from ...ops.redline import ClauseChange, Redline
from .. import html
from .layout import Page
from .markup import Child, dangling_links, h
from .markup import graft as graft_page


def parts(redline: Redline, prefix: str = "") -> dict[str, etree._Element]:
    """The parts of the redline's page (see `markup.graft`)."""
    return graft_page(html.render(redline), prefix)


def navigation(page: Page) -> list[Child]:
    """Previous/next change buttons (hidden until the script shows them) and the keys hint."""
    w = page.words
    return [
        h("p", {"class": "keys-hint"}, w["keys_hint"]),
        h(
            "div",
            {"class": "change-nav", "hidden": True},
            h("button", {"type": "button", "data-go": "previous"}, w["previous_change"]),
            h("button", {"type": "button", "data-go": "next"}, w["next_change"]),
        ),
    ]


def whole(page: Page, redline: Redline, prefix: str = "", *, versions: bool = True) -> list[Child]:
    """The whole redline: the texts compared, summary, contents and the changes, navigable."""
    found = parts(redline, prefix)
    changes = found.get("changes")
    if changes is not None:
        changes.set("data-redline", "")
        changes.set("tabindex", "-1")
    return [
        found.get("versions") if versions else None,
        found.get("summary"),
        found.get("contents"),
        navigation(page) if changes is not None and redline.changed else None,
        changes,
    ]


def clause(redline: Redline, change: ClauseChange, prefix: str, context: str | None = None) -> etree._Element | None:
    """The redline of one clause (its section of the renderer's page), ids prefixed with `prefix`.

    `context` is the id of the heading the clause appears under (a version, an amendment): it becomes
    part of the section's accessible name, so two redlines of the same clause on one page are told apart."""
    single = Redline(redline.old, redline.new, [change])
    changes = parts(single, prefix).get("changes")
    if changes is None:
        return None
    for section in changes.iter("section"):
        if "clause" in (section.get("class") or "").split():
            dangling_links(section)
            if context and section.get("aria-labelledby"):
                section.set("aria-labelledby", f"{context} {section.get('aria-labelledby')}")
            return section
    return None
