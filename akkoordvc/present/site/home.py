"""The home page: the current version, who stands behind it, and whether everything verifies."""

from __future__ import annotations

from ...model import amendment_names as an
from . import links
from .collect import SiteData
from .layout import Page, Site
from .markup import Child, h
from .words import date_text, plural

#: The states a signatory can have about the current version, in the order the home page lists them.
STATES = ("endorsed", "declined", "withdrawn", "pending", "historic")


def standing(site: Site, data: SiteData, page: Page, label: str) -> list[Child]:
    """Who endorsed, declined or has not decided about version `label`, and the sitting college's decision."""
    w = site.words
    entry = next((v for v in data.status["versions"] if v["label"] == label), None)
    names = {s["id"]: s for s in data.status["signatories"]}
    out: list[Child] = []
    current = data.status["current"]
    if current.get("sitting_college") and current.get("label") == label:
        sitting = names[current["sitting_college"]]
        decision = current["sitting_college_decision"]
        if decision == "pending":
            text = w["sitting_pending"].format(name=sitting["name"], label=label)
        else:
            key = "sitting_decided_attested" if data.attested(sitting["id"], label) else "sitting_decided"
            text = w[key].format(name=sitting["name"], label=label, state=w.get(decision, decision))
        out.append(h("p", {"class": "lead"}, text))
    elif current.get("label") == label:
        out.append(h("p", None, w["no_sitting"]))
    states = entry["states"] if entry else {}
    any_attested = False
    groups = []
    for state in STATES:
        members = [sid for sid, s in states.items() if s == state]
        if not members:
            continue
        items = []
        for sid in members:
            attested = state in ("endorsed", "declined", "withdrawn") and data.attested(sid, label)
            any_attested = any_attested or attested
            items.append(
                h(
                    "li",
                    None,
                    page.link(links.signatory_page(sid), names.get(sid, {}).get("name") or sid),
                    [" ", h("span", {"class": "mark-attested"}, f"({w['attested']})")] if attested else None,
                )
            )
        heading = w.get(f"state_{state}", w[state][:1].upper() + w[state][1:])
        groups.append(
            h(
                "div",
                {"class": f"group group-{state}"},
                h("h3", None, h("span", {"class": f"state state-{state}"}, heading), f" ({len(members)})"),
                h("ul", {"class": "standing"}, items),
            )
        )
    out.extend(groups)
    if any_attested:
        out.append(h("p", {"class": "muted"}, w["attested_note"]))
    return out


def verification(site: Site, data: SiteData, page: Page) -> list[Child]:
    w = site.words
    report = data.report
    state = report.registry
    if report.ok:
        summary = h("p", {"class": "status-word"}, w["verify_ok"])
    else:
        summary = h("p", {"class": "status-word"}, plural(w, "verify_problems", len(report.problems)))
    anchor = f"sha256:{state.anchor}" if state.anchor else None
    if anchor:
        note = w["anchor_pinned" if data.pinned else "anchor_unpinned"].format(anchor=anchor)
    else:
        note = w["no_registry"]
    return [
        h(
            "div",
            {"class": "card " + ("ok" if report.ok else "bad")},
            summary,
            h("p", None, note),
            h("p", None, page.link("verify.html", w["verify_details"])),
        )
    ]


def build(site: Site, data: SiteData) -> bytes:
    w = site.words
    page = site.page("index.html", "home")
    body: list[Child] = [h("h1", None, data.title)]
    current = data.current
    if current is None:
        body.append(h("p", {"class": "lead"}, w["no_versions"]))
    else:
        version = current.version
        previous = data.previous(current.label)
        body.append(
            h(
                "div",
                {"class": "card"},
                h("h2", None, w["current_version"], ": ", current.label),
                h("p", None, w["adopted_on"].format(date=date_text(w, version.date)), " ", version.message),
                h(
                    "ul",
                    {"class": "plain"},
                    h("li", None, page.link(links.version_page(current.label), w["read_text"])),
                    h(
                        "li",
                        None,
                        page.link(
                            links.compare_page(previous.label, current.label),
                            w["changed_since"].format(label=previous.label),
                        ),
                    )
                    if previous
                    else None,
                ),
            )
        )
        body.append(h("h2", None, w["standing"].format(label=current.label)))
        body.extend(standing(site, data, page, current.label))
    body.append(h("h2", None, w["verification"]))
    body.extend(verification(site, data, page))
    open_views = data.open_amendments
    accepted = [a for a in data.amendments if a.amendment.status == an.ACCEPTED]
    if open_views:
        body.append(h("h2", None, w["amendments"]))
        body.append(
            h(
                "p",
                None,
                page.link("amendments/index.html", plural(w, "open_amendments", len(open_views))),
                ". ",
                plural(w, "pending_consolidation", len(accepted)) if accepted else None,
            )
        )
    body.append(
        h(
            "p",
            {"class": "meta-line"},
            w["built_from"].format(commit=data.head[:12], date=date_text(w, data.today)),
        )
    )
    return site.render(page, w["home"], body)
