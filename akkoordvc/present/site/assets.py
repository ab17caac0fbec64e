"""The site's one stylesheet and one script, written as files beside the pages (no external resources).

The stylesheet starts with the redline page's own (`present.html.CSS`: colours, insertions and deletions
marked by more than colour, dark mode, print) and adds the site's furniture: menu, skip link, tables
that scroll inside themselves at 320 px, the timeline, the signatory matrix, focus outlines, print.

The script only enhances: without it every page reads and every link works. It sends the compare form
to the precomputed comparison, and lets a reader step through a redline's changes with two buttons or,
while the focus is inside the changes, the keys n and p (single-key shortcuts active only there, as
WCAG 2.1.4 allows).
"""

from __future__ import annotations

from ..html import CSS as REDLINE_CSS

SITE_CSS = """
body { max-width: 52rem; padding: 0 1.25rem 3rem; }
header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem; padding: 1rem 0 .8rem;
  border-bottom: 1px solid var(--rule); font-family: SANS; }
header.site .site-name { margin: 0; font-weight: 650; }
header.site .site-name a { color: var(--ink); text-decoration: none; }
header.site nav ul { display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: 0; padding: 0; list-style: none; font-size: .92rem; }
header.site nav a { display: inline-block; padding: .2rem 0; }
header.site nav a[aria-current="page"] { color: var(--ink); font-weight: 650; text-decoration-thickness: .15em; }
a.skip { position: absolute; left: -9999px; top: .5rem; z-index: 10; padding: .4rem .8rem; background: var(--paper);
  border: 2px solid var(--accent); border-radius: .3rem; }
a.skip:focus { left: .5rem; }
a:focus-visible, button:focus-visible, select:focus-visible, [tabindex]:focus-visible, summary:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
main:focus { outline: none; }
main { margin-top: 1.5rem; }
main > h1, .page-head h1 { margin: .6rem 0 1rem; font: 650 1.75rem/1.25 SERIF; hyphens: manual; }
main h2 { margin: 2rem 0 .7rem; font: 650 1.25rem/1.3 SANS; }
main h3 { margin: 1.4rem 0 .5rem; font: 650 1.05rem/1.35 SANS; }
main h4, main h5, main h6 { margin: 1.2rem 0 .4rem; font: 650 1rem/1.35 SANS; }
.lead { font-size: 1.1rem; }
.muted, .meta-line { color: var(--muted); font-size: .9rem; font-family: SANS; }
.card { margin: 1rem 0; padding: .9rem 1.1rem; background: var(--panel); border-radius: .5rem; }
.card > :first-child { margin-top: 0; }
.card > :last-child { margin-bottom: 0; }
.ok { border-left: 4px solid var(--ins-ink); }
.bad { border-left: 4px solid var(--del-ink); }
.status-word { font-weight: 650; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .3rem 1rem; margin: .6rem 0; font-family: SANS; font-size: .92rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code, .hash { overflow-wrap: anywhere; }
.toc-kinds { white-space: normal; }
.badge { white-space: nowrap; }
pre { overflow-x: auto; padding: .7rem .9rem; background: var(--panel); border-radius: .4rem; font: .82rem/1.5 MONO; white-space: pre-wrap; overflow-wrap: anywhere; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: .8rem 0; }
.table-wrap:focus-visible { outline: 3px solid var(--accent); }
table.data { border-collapse: collapse; font: .9rem/1.4 SANS; }
table.data th, table.data td { padding: .35rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
table.data thead th { border-bottom: 2px solid var(--rule); font-size: .8rem; color: var(--muted); }
table.data tbody th { font-weight: 600; }
.state { display: inline-block; padding: 0 .45rem; border: 1px solid currentColor; border-radius: .25rem; font: 600 .8rem/1.5 SANS; white-space: nowrap; }
.state-endorsed { color: var(--ins-ink); }
.state-declined, .state-withdrawn { color: var(--del-ink); }
.state-pending { color: var(--accent); }
.state-historic, .state-none { color: var(--muted); border-style: dotted; }
.mark-attested { font-weight: 700; }
ul.plain { padding-left: 1.1rem; }
ul.standing { list-style: none; padding: 0; }
ul.standing li { margin: .3rem 0; }
/* the full text */
.text-body section.clause { margin: 1.6rem 0; padding-left: 0; border-left: 0; }
.summary h2, nav.toc h2 { margin-top: 0; }
.text-body .clause-links { margin: -.3rem 0 .5rem; font: .8rem SANS; }
.text-body .clause-links a { color: var(--muted); }
.text-body .para, .text-body .item { display: grid; grid-template-columns: 2.2em minmax(0, 1fr); margin: 0 0 .6rem; }
.text-body .para > .body, .text-body .item > .body { grid-column: 2; }
.text-body .para > .num, .text-body .item > .num { grid-column: 1; font-weight: 600; }
.text-body .body > p { margin: 0 0 .5rem; }
.text-body .item { margin-bottom: .15rem; }
.text-body .body > :last-child { margin-bottom: 0; }
.text-body ol.items { margin: .3rem 0; padding: 0; list-style: none; }
.text-body table { border-collapse: collapse; }
.text-body td { padding: .25rem .5rem; border: 1px solid var(--rule); vertical-align: top; }
details.toc-box { margin: 1rem 0; padding: .6rem 1rem; background: var(--panel); border-radius: .5rem; font-family: SANS; }
details.toc-box summary { cursor: pointer; font-weight: 600; }
ol.contents { padding-left: 1.2rem; font-size: .92rem; }
/* timeline */
figure.timeline-figure { margin: 1rem 0; }
.timeline { position: relative; margin: 1.5rem 0; font-family: SANS; font-size: .85rem; }
.timeline .axis { position: absolute; left: 0; top: 0; bottom: 0; width: 3.2rem; border-right: 1px solid var(--rule); }
.timeline .year { position: absolute; left: 0; width: 2.8rem; transform: translateY(-50%); color: var(--muted); text-align: right; }
.timeline .terms { position: absolute; left: 3.6rem; top: 0; bottom: 0; width: 2.2rem; }
.timeline .term { position: absolute; left: 0; width: 100%; border-radius: .3rem; background: var(--panel);
  border: 2px solid var(--moved); box-sizing: border-box; }
.timeline .term.alt { left: .5rem; border-color: var(--accent); }
.timeline .events { position: relative; margin-left: 6.4rem; }
.timeline .event { position: absolute; left: 0; right: 0; }
.timeline .event .tick { position: absolute; left: -2.8rem; width: 2.6rem; border-top: 2px solid var(--ink); }
.timeline .event .label { position: absolute; left: 0; right: 0; padding: 0 .3rem; line-height: 1.3; }
.timeline .event.college .tick { border-top: 2px dashed var(--moved); }
.timeline .event.today .tick { border-top: 2px dotted var(--accent); }
.timeline ol { list-style: none; margin: 0; padding: 0; }
/* compare form and redline navigation */
form.compare { display: flex; flex-wrap: wrap; align-items: end; gap: .8rem 1.2rem; font-family: SANS; }
form.compare label { display: block; font-size: .85rem; color: var(--muted); }
select, button { font: inherit; font-family: SANS; padding: .35rem .6rem; border: 1px solid var(--muted); border-radius: .3rem; background: var(--paper); color: var(--ink); }
button { cursor: pointer; border-color: var(--accent); color: var(--accent); font-weight: 600; }
.change-nav { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: .5rem; justify-content: flex-end;
  padding: .5rem 0; background: var(--paper); border-bottom: 1px solid var(--rule); }
.redline [id] { scroll-margin-top: 4rem; }
.change-nav[hidden] { display: none; }
.change-nav button { padding: .25rem .6rem; font-size: .88rem; }
.keys-hint { font: .8rem SANS; color: var(--muted); }
[role="status"]:empty { display: none; }
.redline section.clause:focus { outline: 3px solid var(--accent); outline-offset: .3rem; }
/* side by side (collisions) */
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.columns > .column { min-width: 0; padding: .6rem .9rem; border: 1px solid var(--rule); border-radius: .5rem; }
.step { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
footer.site { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); font: .82rem SANS; color: var(--muted); }
footer.site p { margin: .3rem 0; }
@media (max-width: 30rem) {
  body { padding: 0 .8rem 2rem; }
  main > h1 { font-size: 1.45rem; }
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: .4rem; }
}
@media print {
  header.site nav, a.skip, .change-nav, .keys-hint, form.compare, .clause-links, footer.site { display: none; }
  body { max-width: none; padding: 0; }
  .card { padding: 0; background: none; }
  .table-wrap { overflow: visible; }
  .timeline .term { background: none; }
  details.toc-box { display: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; }
}
"""

_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif'
_SERIF = '"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Liberation Serif", "DejaVu Serif", serif'
_MONO = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace'

CSS = REDLINE_CSS + SITE_CSS.replace("SANS", _SANS).replace("SERIF", _SERIF).replace("MONO", _MONO)

JS = r"""
"use strict";
(function () {
  function compareForm(form) {
    var from = form.querySelector("select[name=from]");
    var to = form.querySelector("select[name=to]");
    var out = form.querySelector("[role=status]");
    var pairs = (form.getAttribute("data-pairs") || "").split(" ");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var a = from.selectedIndex, b = to.selectedIndex;
      if (a === b) { out.textContent = form.getAttribute("data-same"); return; }
      if (a > b) { var t = a; a = b; b = t; }
      var target = from.options[a].value + "/" + to.options[b].value + ".html";
      if (pairs.indexOf(target) < 0) { out.textContent = form.getAttribute("data-missing"); return; }
      window.location.href = target;
    });
  }

  function changeNavigation(box) {
    var nav = document.querySelector(".change-nav");
    function targets() {
      return Array.prototype.filter.call(box.querySelectorAll("section.clause, aside.was, [data-change]"), function (el) {
        return !/\bk-unchanged\b/.test(el.className);
      });
    }
    var last = null;
    function visible(el) {
      var box = el.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }
    function current(list) {
      var active = document.activeElement;
      for (var i = 0; i < list.length; i++) { if (list[i] === active || list[i].contains(active)) return i; }
      if (last && visible(last) && list.indexOf(last) >= 0) return list.indexOf(last);
      var found = -1;
      for (var j = 0; j < list.length; j++) { if (list[j].getBoundingClientRect().top < 0) found = j; }
      return found;
    }
    function go(step) {
      var list = targets();
      if (!list.length) return;
      var next = Math.max(0, Math.min(list.length - 1, current(list) + step));
      var el = list[next];
      last = el;
      if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
      el.focus();
      if (el.id && window.history && history.replaceState) history.replaceState(null, "", "#" + el.id);
    }
    if (nav) {
      nav.hidden = false;
      nav.querySelector("[data-go=next]").addEventListener("click", function () { go(1); });
      nav.querySelector("[data-go=previous]").addEventListener("click", function () { go(-1); });
    }
    box.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      var tag = (event.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "select" || tag === "textarea") return;
      if (event.key === "n" || event.key === "j") { event.preventDefault(); go(1); }
      else if (event.key === "p" || event.key === "k") { event.preventDefault(); go(-1); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form.compare"), compareForm);
    Array.prototype.forEach.call(document.querySelectorAll("[data-redline]"), changeNavigation);
  });
})();
"""
