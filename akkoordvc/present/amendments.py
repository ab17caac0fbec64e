"""Amendments on the terminal: the list, one amendment described, its conflicts, blame and a clause's history.

Every function returns text; the CLI prints it. Redlines are computed by `ops.align` and drawn by
`present.term`, shown indented under the line they belong to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import etree

from ..messages import has, text
from ..model import canonical
from ..model.document import Document
from ..ops.amendments import Amendment, clause_document, element_text
from ..ops.redline import Side
from ..storage.amendment_store import (
    CONTESTED,
    AmendmentConflict,
    BlameEntry,
    Check,
    Damaged,
    HistoryEntry,
    describe_status,
    how_to_resolve,
)

#: the columns of `amend list`, each a catalogue key ``amend.col.NAME``
_COLUMNS = ("id", "status", "base", "now", "clauses", "title")
#: the width of a label in `amend show` and `blame --clause`
_LABEL = 10


def _field(key: str, value: object) -> str:
    """A labelled line of `amend show` or `blame --clause`: "title      Meer routes"."""
    return f"{text(key):<{_LABEL}} {value}"


def _status(status: str) -> str:
    return text(f"amend.status.{status}") if has(f"amend.status.{status}") else status


def side(ref: str, label: str | None, root: etree._Element) -> Side:
    """One side of a redline of `root`, named `ref`."""
    doc = Document(root)
    return Side(
        ref=ref, label=label, text_sha256=canonical.text_sha256(root), title=doc.title, lang=doc.lang, doc_id=doc.id
    )


def redline(
    old_root: etree._Element,
    new_root: etree._Element,
    old_side: Side,
    new_side: Side,
    color: bool,
    *,
    header: bool = True,
) -> str:
    """The terminal redline from `old_root` to `new_root`."""
    from ..ops.align import compute
    from .term import render

    return render(compute(Document(old_root), Document(new_root), old_side, new_side), color=color, header=header)


def _indented(text: str, indent: str) -> list[str]:
    return [indent + line if line else "" for line in text.rstrip("\n").split("\n")]


def base_name(amendment: Amendment) -> str:
    return amendment.base.label or amendment.base.text_sha256


def list_items(shown: Iterable[Amendment]) -> list[dict[str, object]]:
    """`amend list --json`: id, title, status, base and clauses; the competing decisions when contested."""
    items: list[dict[str, object]] = []
    for a in shown:
        item: dict[str, object] = {
            "id": a.id,
            "title": a.title,
            "status": a.status,
            "base": base_name(a),
            "clauses": a.clauses(),
        }
        if a.status == CONTESTED:
            item["competing"] = [c.as_dict() for c in getattr(a, "competing", ())]
        items.append(item)
    return items


def damaged_line(damaged: Damaged) -> str:
    """`amend list`: an amendment whose files cannot be read, on one line with the step that restores it."""
    return str(damaged.message)


def no_amendments(status: str | None, any_at_all: bool) -> str:
    return (
        text("amend.none")
        + (text("amend.none.with_status", status=status) if status else "")
        + (text("amend.none.propose") if not any_at_all else "")
    )


def table(shown: Sequence[Amendment], checks: dict[str, str]) -> str:
    """`amend list`: one row per amendment (id, status, base, whether it applies now, clauses, title), then
    the competing decisions of each contested one."""
    rows = [
        (
            str(a.id),
            _status(a.status),
            a.base.label or a.base.text_sha256[:12],
            text(f"amend.now.{checks[str(a.id)]}") if checks.get(str(a.id)) else "",
            " ".join(a.clauses()) or "-",
            a.title,
        )
        for a in shown
    ]
    headings = tuple(text(f"amend.col.{name}") for name in _COLUMNS)
    widths = [max(len(row[i]) for row in [*rows, headings]) for i in range(5)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < 5 else cell for i, cell in enumerate(row)).rstrip()
        for row in [headings, *rows]
    ]
    for amendment in shown:
        if amendment.status == CONTESTED:
            lines += ["", contest_lines(amendment)]
    return "\n".join(lines)


def contest_lines(amendment: Amendment, indent: str = "") -> str:
    """Who decided what, when and why, on each side of a contest; and how to resolve it."""
    lines = [f"{indent}{text('amend.contested', id=amendment.id)}"]
    for competing in getattr(amendment, "competing", ()):
        event = competing.event
        where = f"  (commit {competing.commit[:12]})" if competing.commit else ""
        reason = f"  {event.reason}" if event.reason else ""
        lines.append(f"{indent}  {event.at[:10]}  {_status(event.status):<12} {event.by}{reason}{where}")
    lines.append(f"{indent}  {text('amend.to_resolve', how=how_to_resolve(str(amendment.id)))}")
    return "\n".join(lines)


def describe(amendment: Amendment, now: Check | None) -> str:
    """`amend show`: who, why, status and its history, the operations, and whether it applies now."""
    revision = text("amend.show.revision", revision=amendment.revision) if amendment.revision > 1 else ""
    lines = [
        _field("amend.show.amendment", f"{amendment.id}{revision}"),
        _field("amend.show.title", amendment.title),
        _field("amend.show.status", describe_status(amendment)),
        _field("amend.show.proposers", ", ".join(str(p) for p in amendment.proposers)),
        _field("amend.show.date", amendment.date),
    ]
    if amendment.source:
        lines.append(_field("amend.show.source", amendment.source))
    lines.append(_field("amend.show.base", amendment.base.describe()))
    if amendment.supersedes:
        lines.append(_field("amend.show.supersedes", ", ".join(amendment.supersedes)))
    if amendment.rationale:
        lines.append(text("amend.show.rationale"))
        lines += [f"  {p}" for p in amendment.rationale]
    lines.append(text("amend.show.operations"))
    lines += [f"  {n}. {op.describe()}" for n, op in enumerate(amendment.operations, 1)]
    lines.append(text("amend.show.history"))
    for event in amendment.history:
        reason = f"  {event.reason}" if event.reason else ""
        lines.append(f"  {event.at[:10]}  {_status(event.status):<12} {event.by}{reason}")
    if amendment.status == CONTESTED:
        lines.append(text("amend.show.contested"))
        lines += contest_lines(amendment).split("\n")[1:]
    if now is not None:
        lines.append(_now(amendment, now))
    return "\n".join(lines)


def _now(amendment: Amendment, now: Check) -> str:
    if now.state == "clean":
        return _field("amend.show.now", text("amend.now.applies"))
    if now.state == "stale":
        return _field("amend.show.now", text("amend.now.merges", clauses=", ".join(now.stale)))
    first = now.conflicts[0]
    more = text("amend.now.more", count=len(now.conflicts) - 1) if len(now.conflicts) > 1 else ""
    return _field(
        "amend.show.now",
        text("amend.now.conflicts", target=first.target, reason=first.reason, more=more, id=amendment.id),
    )


def _conflict_redline(current_xml: str | None, theirs_xml: str | None, exc: AmendmentConflict, color: bool) -> str:
    current = clause_document(current_xml, exc.text)
    theirs = clause_document(theirs_xml, exc.text)
    return redline(
        current,
        theirs,
        side(text("amend.conflict.current_text"), None, current),
        side(str(exc.amendment.id), None, theirs),
        color,
        header=False,
    )


def conflict_detail(exc: AmendmentConflict, color: bool = False) -> str:
    """Each conflict: the reason, the texts, and a redline from the current text to the amendment's. A clause
    merged block by block shows just its blocks in conflict, each with its three texts and its redline."""
    lines = []
    for conflict in exc.conflicts:
        if conflict.blocks:
            lines.append(text("amend.conflict.blocks", target=conflict.target, count=len(conflict.blocks)))
        else:
            lines.append(text("amend.conflict.in", target=conflict.target, reason=conflict.reason))
        if conflict.operation:
            lines.append(text("amend.conflict.operation", operation=conflict.operation))
        absent = text("amend.conflict.absent")
        if conflict.blocks:
            for block in conflict.blocks:
                lines.append(f"  {block.where} {block.reason}")
                for label in ("base", "current", "amendment"):
                    lines.append(f"    {text('amend.conflict.' + label) + ':':<12} {block.text(label) or absent}")
                if conflict.about_clause and (block.current or block.amendment):
                    shown = _conflict_redline(
                        conflict.block_clause(block, "current"), conflict.block_clause(block, "amendment"), exc, color
                    )
                    lines.append("    " + text("amend.conflict.redline"))
                    lines.extend(_indented(shown, "      "))
            continue
        for label, xml in (("base", conflict.base), ("current", conflict.current), ("amendment", conflict.amendment)):
            lines.append(f"  {text('amend.conflict.' + label) + ':':<12} {element_text(xml) if xml else absent}")
        if conflict.about_clause and (conflict.current or conflict.amendment):
            lines.append("  " + text("amend.conflict.redline"))
            lines.extend(_indented(_conflict_redline(conflict.current, conflict.amendment, exc, color), "    "))
    return "\n".join(lines)


def blame_one(entry: BlameEntry) -> str:
    """`blame --clause ID`: the version and amendment that last changed one clause, with why."""
    version = entry.version or text("amend.blame.after_last")
    lines = [
        _field("amend.blame.clause", f"{entry.clause} (art. {entry.num})"),
        _field("amend.blame.version", version + (f" ({entry.date})" if entry.date else "")),
    ]
    if entry.amendment:
        lines += [
            _field("amend.show.amendment", entry.amendment),
            _field("amend.show.title", entry.title),
            _field("amend.show.proposers", ", ".join(entry.proposers)),
            _field("amend.blame.accepted", entry.accepted_by or "-"),
        ]
        if entry.source:
            lines.append(_field("amend.show.source", entry.source))
        if entry.rationale:
            lines.append(text("amend.show.rationale"))
            lines += [f"  {p}" for p in entry.rationale.split("\n\n")]
    else:
        lines.append(_field("amend.blame.change", text(f"amend.blame.kind.{entry.kind}")))
    return "\n".join(lines)


def blame_table(entries: Sequence[BlameEntry]) -> str:
    """`blame`: one line per clause: number, id, version, and the amendment and its proposers (or the kind)."""
    width_num = max([len(e.num) for e in entries] + [3])
    width_id = max([len(e.clause) for e in entries] + [6])
    width_version = max([len(e.version or "-") for e in entries] + [7])
    lines = []
    for entry in entries:
        if entry.amendment:
            who = f"{entry.amendment}  {', '.join(p.split(' <')[0] for p in entry.proposers)}"
        else:
            who = f"({text(f'amend.blame.kind.{entry.kind}')})"
        lines.append(
            f"{entry.num:>{width_num}}  {entry.clause:<{width_id}}  {(entry.version or '-'):<{width_version}}  {who}"
        )
    return "\n".join(lines)


def history(entries: Sequence[HistoryEntry], clause_id: str, color: bool) -> str:
    """`history --clause ID`: each version that changed the clause, by whom and why, with its redline."""
    out = []
    for entry in entries:
        data = entry.as_dict(clause_id)
        when = text("amend.history.version", label=entry.label) if entry.label else text("amend.history.after_last")
        if entry.date:
            when += f" ({entry.date})"
        if entry.amendment is not None:
            by = text(
                "amend.history.by_amendment",
                id=data["amendment"],
                title=data["title"],
                proposers=", ".join(data["proposers"]),
            )
            if data["accepted_by"]:
                by += text("amend.history.accepted_by", name=data["accepted_by"])
        elif entry.old_root is not None:
            by = text("amend.history.editorial")
        else:
            by = text("amend.history.initial")
        out.append(f"== {when}: {text('amend.history.' + entry.change)}{by}")
        if data["source"]:
            out.append("   " + text("amend.history.source", source=data["source"]))
        if data["rationale"]:
            out.append("   " + text("amend.history.rationale", rationale=data["rationale"]))
        old = clause_document(canonical.to_string(entry.old) if entry.old is not None else None, entry.new_root)
        new = clause_document(canonical.to_string(entry.new) if entry.new is not None else None, entry.new_root)
        shown = redline(
            old, new, side("before", None, old), side(entry.label or "current", entry.label, new), color, header=False
        )
        out += [*_indented(shown, "   "), ""]
    return "".join(line + "\n" for line in out)
