"""The timeline: versions and colleges of B&W on one time scale, and the same events as a table.

The drawing runs top to bottom (one year is `YEAR_REM` rem), so it fits a phone as well as a desktop:
college terms are bars beside a year axis, versions and the start of each term are labelled ticks.
Labels that would overlap are pushed down; the tick stays at the true date. The chronology table
below holds the same facts, with the amendments each version consolidated, for reading and for
screen readers (the drawing's axis and bars are hidden from them; its labels are a list).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...errors import AkkoordError
from ...model.dates import parse_day
from . import links
from .collect import SiteData
from .layout import Page, Site, data_table
from .markup import Child, h
from .words import date_text

YEAR_REM = 4.0
LABEL_REM = 2.7  # the height given to a label of two lines
GAP_REM = 0.2


@dataclass
class Event:
    day: dt.date
    kind: str  # version | college | today
    label: list[Child]
    detail: list[Child]


@dataclass
class Term:
    """A college's term of office."""

    id: str
    name: str
    start: dt.date
    end: dt.date


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return parse_day(str(value)[:10])
    except AkkoordError:
        return None


def _colleges(data: SiteData) -> list[Term]:
    terms = []
    for s in data.status["signatories"]:
        start, end = _day(s.get("term_start")), _day(s.get("term_end"))
        if s["kind"] == "college" and start and end:
            terms.append(Term(s["id"], s["name"], start, end))
    return terms


def _events(site: Site, data: SiteData, page: Page) -> list[Event]:
    w = site.words
    events = []
    for text in data.texts:
        day = _day(text.version.date)
        if day is None:
            continue
        amendments = []
        for ident in text.version.amendments:
            view = data.amendment(ident)
            title = view.amendment.title if view else ident
            amendments.append(h("li", None, page.link(links.amendment_page(ident), title) if view else title))
        events.append(
            Event(
                day,
                "version",
                [page.link(links.version_page(text.label), w["version_n"].format(label=text.label))],
                [h("ul", {"class": "plain"}, amendments)] if amendments else [w["no_amendments"]],
            )
        )
    for college in _colleges(data):
        events.append(
            Event(
                college.start,
                "college",
                [page.link(links.signatory_page(college.id), college.name)],
                [w["term"].format(start=date_text(w, college.start), end=date_text(w, college.end))],
            )
        )
    events.sort(key=lambda e: (e.day, e.kind != "college"))
    return events


def drawing(site: Site, data: SiteData, page: Page, events: list[Event]) -> list[Child]:
    w = site.words
    colleges = _colleges(data)
    days = [e.day for e in events] + [data.today]
    days += [c.end for c in colleges]
    first = dt.date(min(days).year, 1, 1)
    last = dt.date(max(days).year + 1, 1, 1)

    def rem(day: dt.date) -> float:
        return round((day - first).days / 365.2425 * YEAR_REM, 2)

    height = rem(last)
    years = [
        h("span", {"class": "year", "style": f"top: {rem(dt.date(y, 1, 1))}rem"}, str(y))
        for y in range(first.year, last.year + 1)
    ]
    bars = [
        h(
            "span",
            {
                "class": "term" + (" alt" if i % 2 else ""),
                "style": f"top: {rem(c.start)}rem; "
                f"height: {max(rem(c.end + dt.timedelta(days=1)) - rem(c.start), 0.3):.2f}rem",
            },
        )
        for i, c in enumerate(colleges)
    ]
    items = []
    bottom = -100.0
    shown = [*events, Event(data.today, "today", [w["today"]], [])]
    shown.sort(key=lambda e: e.day)
    for event in shown:
        top = rem(event.day)
        label_top = max(top - 0.65, bottom + GAP_REM)
        bottom = label_top + LABEL_REM
        height = max(height, bottom)
        items.append(
            h(
                "li",
                {"class": f"event {event.kind}", "style": f"top: {top}rem"},
                h("span", {"class": "tick", "aria-hidden": "true"}),
                h(
                    "span",
                    {"class": "label", "style": f"top: {label_top - top:.2f}rem"},
                    event.label,
                    h("br"),
                    h("time", {"class": "muted", "datetime": event.day.isoformat()}, date_text(w, event.day)),
                ),
            )
        )
    return [
        h(
            "figure",
            {"class": "timeline-figure", "aria-labelledby": "_timeline-caption"},
            h("figcaption", {"id": "_timeline-caption"}, w["timeline_intro"]),
            h(
                "div",
                {"class": "timeline", "style": f"height: {height:.2f}rem"},
                h("div", {"class": "axis", "aria-hidden": "true"}, years),
                h("div", {"class": "terms", "aria-hidden": "true"}, bars),
                h("ol", {"class": "events"}, items),
            ),
        )
    ]


def build(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("timeline.html", "timeline")
    events = _events(site, data, page)
    rows = [
        h(
            "tr",
            None,
            h("td", None, h("time", {"datetime": e.day.isoformat()}, date_text(w, e.day))),
            h("th", {"scope": "row"}, e.label),
            h("td", None, e.detail),
        )
        for e in events
    ]
    table = data_table(w["chronology"], [w["date"], w["event"], w["details"]], rows, labelled_by="_chronology")
    body = [
        h("h1", None, w["timeline"]),
        drawing(site, data, page, events) if events else h("p", None, w["no_versions"]),
        h("h2", {"id": "_chronology"}, w["chronology"]),
        table,
    ]
    return site.render(page, w["timeline"], body)
