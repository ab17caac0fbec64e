"""Amendments on the terminal: the list, one amendment described, its conflicts, blame and a clause's history.

Every function returns text; the CLI prints it. Redlines are computed by `ops.align` and drawn by
`present.term`, shown indented under the line they belong to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import etree

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

_COLUMNS = ("ID", "STATUS", "BASE", "NOW", "CLAUSES", "TITLE")


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
    return damaged.message


def no_amendments(status: str | None, any_at_all: bool) -> str:
    return (
        "no amendments"
        + (f" with status {status}" if status else "")
        + ("; propose one with `akkoord amend propose --from-file EDITED.xml --title T`" if not any_at_all else "")
    )


def table(shown: Sequence[Amendment], checks: dict[str, str]) -> str:
    """`amend list`: one row per amendment (id, status, base, whether it applies now, clauses, title), then
    the competing decisions of each contested one."""
    rows = [
        (
            str(a.id),
            a.status,
            a.base.label or a.base.text_sha256[:12],
            checks.get(str(a.id), ""),
            " ".join(a.clauses()) or "-",
            a.title,
        )
        for a in shown
    ]
    widths = [max(len(row[i]) for row in [*rows, (*_COLUMNS[:5], "")]) for i in range(5)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < 5 else cell for i, cell in enumerate(row)).rstrip()
        for row in [_COLUMNS, *rows]
    ]
    for amendment in shown:
        if amendment.status == CONTESTED:
            lines += ["", contest_lines(amendment)]
    return "\n".join(lines)


def contest_lines(amendment: Amendment, indent: str = "") -> str:
    """Who decided what, when and why, on each side of a contest; and how to resolve it."""
    lines = [f"{indent}contested {amendment.id}: decided differently in clones that did not see each other's decision"]
    for competing in getattr(amendment, "competing", ()):
        event = competing.event
        where = f"  (commit {competing.commit[:12]})" if competing.commit else ""
        reason = f"  {event.reason}" if event.reason else ""
        lines.append(f"{indent}  {event.at[:10]}  {event.status:<12} {event.by}{reason}{where}")
    lines.append(f"{indent}  to resolve, {how_to_resolve(str(amendment.id))}")
    return "\n".join(lines)


def describe(amendment: Amendment, now: Check | None) -> str:
    """`amend show`: who, why, status and its history, the operations, and whether it applies now."""
    lines = [
        f"amendment  {amendment.id}" + (f" (revision {amendment.revision})" if amendment.revision > 1 else ""),
        f"title      {amendment.title}",
        f"status     {describe_status(amendment)}",
        f"proposers  {', '.join(str(p) for p in amendment.proposers)}",
        f"date       {amendment.date}",
    ]
    if amendment.source:
        lines.append(f"source     {amendment.source}")
    lines.append(f"base       {amendment.base.describe()}")
    if amendment.supersedes:
        lines.append(f"supersedes {', '.join(amendment.supersedes)}")
    if amendment.rationale:
        lines.append("rationale")
        lines += [f"  {p}" for p in amendment.rationale]
    lines.append("operations")
    lines += [f"  {n}. {op.describe()}" for n, op in enumerate(amendment.operations, 1)]
    lines.append("history")
    for event in amendment.history:
        reason = f"  {event.reason}" if event.reason else ""
        lines.append(f"  {event.at[:10]}  {event.status:<12} {event.by}{reason}")
    if amendment.status == CONTESTED:
        lines.append("contested")
        lines += contest_lines(amendment).split("\n")[1:]
    if now is not None:
        lines.append(_now(amendment, now))
    return "\n".join(lines)


def _now(amendment: Amendment, now: Check) -> str:
    if now.state == "clean":
        return "now        applies cleanly to the current text"
    if now.state == "stale":
        return f"now        stale ({', '.join(now.stale)} changed since its base) but merges cleanly"
    first = now.conflicts[0]
    return (
        f"now        CONFLICT in {first.target}: {first.reason}"
        + (f" (and {len(now.conflicts) - 1} more)" if len(now.conflicts) > 1 else "")
        + f"; resolve with `akkoord amend rebase {amendment.id} --write FILE`"
    )


def _conflict_redline(current_xml: str | None, theirs_xml: str | None, exc: AmendmentConflict, color: bool) -> str:
    current = clause_document(current_xml, exc.text)
    theirs = clause_document(theirs_xml, exc.text)
    return redline(
        current,
        theirs,
        side("current text", None, current),
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
            lines.append(f"conflict in {conflict.target}: {len(conflict.blocks)} block(s) in conflict, the rest merges")
        else:
            lines.append(f"conflict in {conflict.target}: {conflict.reason}")
        if conflict.operation:
            lines.append(f"  operation:   {conflict.operation}")
        if conflict.blocks:
            for block in conflict.blocks:
                lines.append(f"  {block.where} {block.reason}")
                for label in ("base", "current", "amendment"):
                    lines.append(f"    {label + ':':<12} {block.text(label) or '(absent)'}")
                if conflict.about_clause and (block.current or block.amendment):
                    text = _conflict_redline(
                        conflict.block_clause(block, "current"), conflict.block_clause(block, "amendment"), exc, color
                    )
                    lines.append("    redline, current text -> amendment:")
                    lines.extend(_indented(text, "      "))
            continue
        for label, xml in (("base", conflict.base), ("current", conflict.current), ("amendment", conflict.amendment)):
            lines.append(f"  {label + ':':<12} {element_text(xml) if xml else '(absent)'}")
        if conflict.about_clause and (conflict.current or conflict.amendment):
            lines.append("  redline, current text -> amendment:")
            lines.extend(_indented(_conflict_redline(conflict.current, conflict.amendment, exc, color), "    "))
    return "\n".join(lines)


def blame_one(entry: BlameEntry) -> str:
    """`blame --clause ID`: the version and amendment that last changed one clause, with why."""
    lines = [
        f"clause     {entry.clause} (art. {entry.num})",
        f"version    {entry.version or '(after the last version)'}" + (f" ({entry.date})" if entry.date else ""),
    ]
    if entry.amendment:
        lines += [
            f"amendment  {entry.amendment}",
            f"title      {entry.title}",
            f"proposers  {', '.join(entry.proposers)}",
            f"accepted   {entry.accepted_by or '-'}",
        ]
        if entry.source:
            lines.append(f"source     {entry.source}")
        if entry.rationale:
            lines.append("rationale")
            lines += [f"  {p}" for p in entry.rationale.split("\n\n")]
    else:
        lines.append(f"change     {entry.kind}")
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
            who = f"({entry.kind})"
        lines.append(
            f"{entry.num:>{width_num}}  {entry.clause:<{width_id}}  {(entry.version or '-'):<{width_version}}  {who}"
        )
    return "\n".join(lines)


def history(entries: Sequence[HistoryEntry], clause_id: str, color: bool) -> str:
    """`history --clause ID`: each version that changed the clause, by whom and why, with its redline."""
    out = []
    for entry in entries:
        data = entry.as_dict(clause_id)
        when = f"version {entry.label}" if entry.label else "after the last version"
        if entry.date:
            when += f" ({entry.date})"
        if entry.amendment is not None:
            by = f" by amendment {data['amendment']}: {data['title']!r}, proposed by {', '.join(data['proposers'])}"
            if data["accepted_by"]:
                by += f", accepted by {data['accepted_by']}"
        elif entry.old_root is not None:
            by = " (editorial change)"
        else:
            by = " (initial text)"
        out.append(f"== {when}: {entry.change}{by}")
        if data["source"]:
            out.append(f"   source: {data['source']}")
        if data["rationale"]:
            out.append(f"   rationale: {data['rationale']}")
        old = clause_document(canonical.to_string(entry.old) if entry.old is not None else None, entry.new_root)
        new = clause_document(canonical.to_string(entry.new) if entry.new is not None else None, entry.new_root)
        text = redline(
            old, new, side("before", None, old), side(entry.label or "current", entry.label, new), color, header=False
        )
        out += [*_indented(text, "   "), ""]
    return "".join(line + "\n" for line in out)
