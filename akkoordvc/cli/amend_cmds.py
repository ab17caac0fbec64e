"""Amendment commands: `akkoord amend propose|list|show|accept|reject|withdraw|rebase`, `blame`, `history`.

Thin: options are read here, the work is done by `storage.amendment_store`, redlines are computed by
`ops.align` and drawn by `present.term`.
"""

from __future__ import annotations

import os
import re
import sys

import click

from ..errors import AkkoordError
from ..model.reading import read_input
from .common import BY_HELP, emit_json, use_color
from .common import open_workspace as _workspace

DATE_HELP = "When, YYYY-MM-DD (default: now)."
STATUSES = ("proposed", "accepted", "rejected", "withdrawn", "superseded", "consolidated", "contested")
#: statuses whose amendment is still open: it may still be decided (and a check says whether it applies now)
OPEN = ("proposed", "accepted", "contested")


def _ts(date):
    from ..model.dates import timestamp_for

    return timestamp_for(date) if date else None


def _color(stream, choice):
    return use_color(choice, stream)


def _paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"\n\s*\n", text or "") if p.strip())


def _side(ref, label, root):
    from ..model import canonical
    from ..model.document import Document
    from ..ops.redline import Side

    doc = Document(root)
    return Side(
        ref=ref, label=label, text_sha256=canonical.text_sha256(root), title=doc.title, lang=doc.lang, doc_id=doc.id
    )


def _redline(old_root, new_root, old_side, new_side, color):
    from ..model.document import Document
    from ..ops.align import compute
    from ..present.term import render

    return render(compute(Document(old_root), Document(new_root), old_side, new_side), color=color)


def _conflict_detail(exc, color=False) -> str:
    """Each conflict: the reason, the three texts, and a redline from the current text to the amendment's."""
    from ..ops.amendments import clause_document, element_text

    lines = []
    for conflict in exc.conflicts:
        lines.append(f"conflict in {conflict.target}: {conflict.reason}")
        if conflict.operation:
            lines.append(f"  operation:   {conflict.operation}")
        for label, xml in (("base", conflict.base), ("current", conflict.current), ("amendment", conflict.amendment)):
            lines.append(f"  {label + ':':<12} {element_text(xml) if xml else '(absent)'}")
        if conflict.about_clause and (conflict.current or conflict.amendment):
            current = clause_document(conflict.current, exc.text)
            theirs = clause_document(conflict.amendment, exc.text)
            text = _redline(
                current, theirs, _side("current text", None, current), _side(exc.amendment.id, None, theirs), color
            )
            lines.append("  redline, current text -> amendment:")
            lines.extend("    " + line if line else "" for line in text.rstrip("\n").split("\n")[2:])
    return "\n".join(lines)


def _raise_conflict(exc):
    """Re-raise an AmendmentConflict with the redline detail."""
    try:
        exc.detail = _conflict_detail(exc, color=_color(sys.stderr, None))
    except AkkoordError:
        pass
    raise exc


@click.group()
def amend():
    """Propose, review, accept and consolidate amendments to the agreement."""


# --- propose ----------------------------------------------------------------------------------------


@amend.command("propose")
@click.argument("amendment_file", metavar="[AMENDMENT.xml]", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--from-file",
    "edited",
    metavar="EDITED.xml",
    type=click.Path(dir_okay=False),
    help="An edited copy of akkoord.xml; the operations are derived against the base.",
)
@click.option("--title", help="A short title (required with --from-file).")
@click.option("--by", help=BY_HELP)
@click.option("--co-proposer", "co", multiple=True, metavar="WHO", help="Another proposer (repeatable).")
@click.option("--rationale", help="Why (paragraphs separated by a blank line).")
@click.option("--source", help='Where it comes from, e.g. "netwerkbijeenkomst 23 juni 2022".')
@click.option("--supersedes", multiple=True, metavar="ID", help="A proposed amendment this one replaces (repeatable).")
@click.option(
    "--base",
    "base_ref",
    metavar="REF",
    help="With --from-file: the version the copy was made from (default: the current text).",
)
@click.option("--date", help=DATE_HELP)
@click.option("--json", "as_json", is_flag=True, help='Print {"id": ..., "operations": [...]}.')
def propose(amendment_file, edited, title, by, co, rationale, source, supersedes, base_ref, date, as_json):
    """Propose an amendment: from an edited copy of the text (--from-file) or an amendment file. Prints its id."""
    from ..storage import amendment_store as store
    from ..storage.gitrepo import Identity

    if bool(edited) == bool(amendment_file):
        raise click.UsageError("give either --from-file EDITED.xml or an AMENDMENT.xml file (not both)")
    if base_ref and not edited:
        raise click.UsageError("--base applies to --from-file only (an amendment file names its own base)")
    workspace = _workspace(write=True)
    actor = workspace.actor(by)
    path = edited or amendment_file
    data = read_input(path)
    created = store.propose(
        workspace,
        actor=actor,
        title=title,
        edited=data if edited else None,
        record=None if edited else data,
        source_name=path,
        base_ref=base_ref,
        co_proposers=tuple(Identity.parse(c) for c in co),
        rationale=_paragraphs(rationale),
        source=source,
        supersedes=supersedes,
        timestamp=_ts(date),
    )
    if as_json:
        emit_json({"id": created.id, "operations": [op.as_dict() for op in created.operations]})
    else:
        click.echo(created.id)
        clauses = ", ".join(created.clauses()) or "no clauses (structure or metadata only)"
        click.echo(
            f"proposed: {created.title} — {len(created.operations)} operation(s) on {clauses}; "
            f"base {created.base.describe()}",
            err=True,
        )
    if edited and os.path.realpath(edited) == os.path.realpath(workspace.root / "akkoord.xml"):
        click.echo(
            "note: akkoord.xml in the work tree still holds the proposed edits; the text changes only when "
            "the amendment is consolidated — restore it with `git checkout -- akkoord.xml`",
            err=True,
        )
    return 0


# --- list and show ----------------------------------------------------------------------------------


def _base_name(amendment) -> str:
    return amendment.base.label or amendment.base.text_sha256


@amend.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only amendments with this status.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print [{"id","title","status","base","clauses"}], plus "competing" (the decisions) when contested.',
)
def list_(status, as_json):
    """List amendments, oldest first, with status, base and the clauses they touch.

    An amendment decided differently in two clones (e.g. accepted in one, rejected in the other, merged by
    git pull) is `contested`, with both decisions; decide it again to resolve it."""
    from ..storage import amendment_store as store

    workspace = _workspace()
    amendments = store.load(workspace)
    shown = [a for a in amendments.values() if status is None or a.status == status]
    if as_json:
        items = []
        for a in shown:
            item = {"id": a.id, "title": a.title, "status": a.status, "base": _base_name(a), "clauses": a.clauses()}
            if a.status == store.CONTESTED:
                item["competing"] = [c.as_dict() for c in a.competing]
            items.append(item)
        emit_json(items)
        return 0
    if not shown:
        click.echo(
            "no amendments"
            + (f" with status {status}" if status else "")
            + ("; propose one with `akkoord amend propose --from-file EDITED.xml --title T`" if not amendments else "")
        )
        return 0
    checks = _checks(workspace, amendments, shown)
    rows = [
        (
            a.id,
            a.status,
            a.base.label or a.base.text_sha256[:12],
            checks.get(a.id, ""),
            " ".join(a.clauses()) or "-",
            a.title,
        )
        for a in shown
    ]
    widths = [max(len(row[i]) for row in rows + [("ID", "STATUS", "BASE", "NOW", "CLAUSES", "")]) for i in range(5)]
    header = ("ID", "STATUS", "BASE", "NOW", "CLAUSES", "TITLE")
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(widths[i]) if i < 5 else cell for i, cell in enumerate(row)).rstrip())
    for amendment in shown:
        if amendment.status == store.CONTESTED:
            click.echo("")
            click.echo(_contest_lines(amendment))
    return 0


def _contest_lines(amendment, indent: str = "") -> str:
    """Who decided what, when and why, on each side of a contest; and how to resolve it."""
    from ..storage.amendment_store import how_to_resolve

    lines = [f"{indent}contested {amendment.id}: decided differently in clones that did not see each other's decision"]
    for competing in amendment.competing:
        event = competing.event
        where = f"  (commit {competing.commit[:12]})" if competing.commit else ""
        reason = f"  {event.reason}" if event.reason else ""
        lines.append(f"{indent}  {event.at[:10]}  {event.status:<12} {event.by}{reason}{where}")
    lines.append(f"{indent}  to resolve, {how_to_resolve(amendment.id)}")
    return "\n".join(lines)


def _checks(workspace, amendments, shown) -> dict[str, str]:
    """For open amendments: would they apply to the current text now (clean / stale / conflict)?"""
    from ..storage import amendment_store as store

    open_ones = [a for a in shown if a.status in OPEN]
    if not open_ones:
        return {}
    cache: dict = {}
    try:
        pending, _ = store.pending_text(workspace, amendments, cache=cache)
    except store.AmendmentConflict as exc:
        return {str(exc.amendment.id): "conflict"}
    out = {}
    for amendment in open_ones:
        try:
            if amendment.status == "accepted":
                out[amendment.id] = "clean"  # it is part of the pending text computed above
                continue
            out[amendment.id] = store.check(workspace, amendment, amendments, cache, pending).state
        except AkkoordError:
            out[amendment.id] = "unknown base"
    return out


@amend.command("show")
@click.argument("ident", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the record, its check and its redline as JSON.")
@click.option("--xml", "as_xml", is_flag=True, help="Print the amendment record (with its history) as XML.")
@click.option("--color/--no-color", default=None, help="Colours in the redline (default: on a terminal).")
def show(ident, as_json, as_xml, color):
    """Show an amendment: who, why, status history, operations, whether it applies now, and its redline."""
    from ..model.document import Document
    from ..ops import amendments as ops
    from ..ops.align import compute
    from ..storage import amendment_store as store

    workspace = _workspace()
    amendments = store.load(workspace)
    amendment = store.find(amendments, ident)
    if as_xml:
        sys.stdout.buffer.write(ops.to_bytes(amendment))
        sys.stdout.flush()
        return 0
    base, amended = store.amended_text(workspace, amendment, amendments)
    old_side = _side(amendment.base.label or "base", amendment.base.label, base)
    new_side = _side(amendment.id, None, amended)
    now = None
    if amendment.status in OPEN:
        try:
            now = store.check(workspace, amendment, amendments)
        except store.AmendmentConflict as exc:
            now = store.Check("conflict", [], exc.conflicts)
    if as_json:
        data = amendment.as_dict()
        data["check"] = (
            None
            if now is None
            else {"state": now.state, "stale": now.stale, "conflicts": [c.as_dict() for c in now.conflicts]}
        )
        data["redline"] = compute(Document(base), Document(amended), old_side, new_side).as_dict()
        emit_json(data)
        return 0
    click.echo(_describe(amendment, now))
    click.echo("")
    click.echo(_redline(base, amended, old_side, new_side, _color(sys.stdout, color)), nl=False)
    return 0


def _describe(amendment, now) -> str:
    from ..storage.amendment_store import _describe_status

    lines = [
        f"amendment  {amendment.id}" + (f" (revision {amendment.revision})" if amendment.revision > 1 else ""),
        f"title      {amendment.title}",
        f"status     {_describe_status(amendment)}",
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
    if amendment.status == "contested":
        lines.append("contested")
        lines += _contest_lines(amendment).split("\n")[1:]
    if now is not None:
        if now.state == "clean":
            lines.append("now        applies cleanly to the current text")
        elif now.state == "stale":
            lines.append(f"now        stale ({', '.join(now.stale)} changed since its base) but merges cleanly")
        else:
            first = now.conflicts[0]
            lines.append(
                f"now        CONFLICT in {first.target}: {first.reason}"
                + (f" (and {len(now.conflicts) - 1} more)" if len(now.conflicts) > 1 else "")
                + f"; resolve with `akkoord amend rebase {amendment.id} --write FILE`"
            )
    return "\n".join(lines)


# --- decisions --------------------------------------------------------------------------------------


@amend.command("accept")
@click.argument("ident", metavar="ID")
@click.option("--by", help=BY_HELP)
@click.option("--reason", help="Why (e.g. the meeting that decided).")
@click.option("--date", help=DATE_HELP)
def accept(ident, by, reason, date):
    """Accept a proposed amendment (refused, exit 3, if it conflicts with the current text).

    Also decides a contested amendment (accepted in one clone, rejected in another): the new decision was
    made after both, so it replaces them."""
    from ..storage import amendment_store as store

    workspace = _workspace(write=True)
    try:
        done = store.accept(workspace, ident, workspace.actor(by), reason or "", _ts(date))
    except store.AmendmentConflict as exc:
        _raise_conflict(exc)
    if done.status == "consolidated":  # a contest with a version that consolidated it, decided for acceptance
        click.echo(f"accepted {done.id}: {done.title}; a version already consolidated it, so it stays consolidated")
    else:
        click.echo(f"accepted {done.id}: {done.title}; it will be consolidated into the next version")
    return 0


@amend.command("reject")
@click.argument("ident", metavar="ID")
@click.option("--by", help=BY_HELP)
@click.option("--reason", required=True, help="Why it is rejected.")
@click.option("--date", help=DATE_HELP)
def reject(ident, by, reason, date):
    """Reject a proposed (or contested) amendment, with a reason."""
    from ..storage import amendment_store as store

    workspace = _workspace(write=True)
    done = store.reject(workspace, ident, workspace.actor(by), reason, _ts(date))
    click.echo(f"rejected {done.id}: {done.title}")
    _note_consolidated(done)
    return 0


def _note_consolidated(done):
    """A contest decided against an amendment a version had already consolidated: its change stays in the text."""
    consolidated = done.last("consolidated")
    if consolidated is not None:
        click.echo(
            f"note: {consolidated.reason or 'a version'} already consolidated {done.id}; its change stays in "
            "the text until an amendment undoes it",
            err=True,
        )


@amend.command("withdraw")
@click.argument("ident", metavar="ID")
@click.option("--by", help=BY_HELP)
@click.option("--reason", help="Why it is withdrawn.")
@click.option("--date", help=DATE_HELP)
def withdraw(ident, by, reason, date):
    """Withdraw a proposed (or contested) amendment (by its proposer)."""
    from ..storage import amendment_store as store

    workspace = _workspace(write=True)
    done = store.withdraw(workspace, ident, workspace.actor(by), reason or "", _ts(date))
    click.echo(f"withdrawn {done.id}: {done.title}")
    _note_consolidated(done)
    return 0


@amend.command("rebase")
@click.argument("ident", metavar="ID")
@click.option(
    "--from-file",
    "edited",
    metavar="EDITED.xml",
    type=click.Path(dir_okay=False),
    help="An edited copy of the current text (see --write) holding the amendment as it should be now.",
)
@click.option(
    "--write",
    "write",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the starting point: the current text with every part of the amendment that still applies.",
)
@click.option("--by", help=BY_HELP)
@click.option("--reason", help="What changed in this revision.")
@click.option("--date", help=DATE_HELP)
def rebase(ident, edited, write, by, reason, date):
    """Resolve a conflict: redraft an amendment against the current text (it is proposed again)."""
    from ..storage import amendment_store as store
    from ..storage.files import write_atomic

    if bool(edited) == bool(write):
        raise click.UsageError("give either --write FILE (to start) or --from-file EDITED.xml (to record)")
    workspace = _workspace(write=not write)
    if write:
        amendment, data, conflicts = store.rebase_start(workspace, ident)
        write_atomic(write, data)
        click.echo(f"wrote {write}: the current text with amendment {amendment.id} applied where it still applies")
        for conflict in conflicts:
            click.echo(f"  to resolve by hand: {conflict.target}: {conflict.reason}")
        click.echo(f"edit it, then: akkoord amend rebase {amendment.id} --from-file {write}")
        return 0
    done = store.rebase(workspace, ident, read_input(edited), edited, workspace.actor(by), reason or "", _ts(date))
    click.echo(
        f"rebased {done.id} (revision {done.revision}) onto {done.base.describe()}: "
        f"{len(done.operations)} operation(s); it is proposed again"
    )
    return 0


# --- provenance -------------------------------------------------------------------------------------


@click.command()
@click.argument("ref", required=False, metavar="[REF]")
@click.option("--clause", "clause_id", metavar="ID", help="One clause only.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print [{"clause","version","amendment","proposers","rationale","source", ...}].',
)
def blame(ref, clause_id, as_json):
    """For each clause of REF (default: the current text): the version and amendment that last changed it."""
    from ..storage import amendment_store as store

    entries = store.blame(_workspace(), ref, clause_id)
    if as_json:
        emit_json([e.as_dict() for e in entries])
        return 0
    if clause_id:
        (entry,) = entries
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
        click.echo("\n".join(lines))
        return 0
    width_num = max([len(e.num) for e in entries] + [3])
    width_id = max([len(e.clause) for e in entries] + [6])
    width_version = max([len(e.version or "-") for e in entries] + [7])
    for entry in entries:
        if entry.amendment:
            who = f"{entry.amendment}  {', '.join(p.split(' <')[0] for p in entry.proposers)}"
        else:
            who = f"({entry.kind})"
        click.echo(
            f"{entry.num:>{width_num}}  {entry.clause:<{width_id}}  {(entry.version or '-'):<{width_version}}  {who}"
        )
    return 0


@click.command()
@click.argument("ref", required=False, metavar="[REF]")
@click.option("--clause", "clause_id", metavar="ID", required=True, help="The clause (its permanent id).")
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@click.option("--color/--no-color", default=None, help="Colours in the redlines (default: on a terminal).")
def history(ref, clause_id, as_json, color):
    """Each version of a clause, with the amendment that changed it and its redline."""
    from ..model import canonical
    from ..ops.amendments import clause_document
    from ..storage import amendment_store as store

    entries = store.clause_history(_workspace(), clause_id, ref)
    if as_json:
        emit_json([e.as_dict(clause_id) for e in entries])
        return 0
    use_color = _color(sys.stdout, color)
    for entry in entries:
        data = entry.as_dict(clause_id)
        when = f"version {entry.label}" if entry.label else "after the last version"
        if entry.date:
            when += f" ({entry.date})"
        by = ""
        if entry.amendment is not None:
            by = f" by amendment {data['amendment']}: {data['title']!r}, proposed by {', '.join(data['proposers'])}"
            if data["accepted_by"]:
                by += f", accepted by {data['accepted_by']}"
        elif entry.old_root is not None:
            by = " (editorial change)"
        else:
            by = " (initial text)"
        click.echo(f"== {when}: {entry.change}{by}")
        if data["source"]:
            click.echo(f"   source: {data['source']}")
        if data["rationale"]:
            click.echo(f"   rationale: {data['rationale']}")
        old = clause_document(canonical.to_string(entry.old) if entry.old is not None else None, entry.new_root)
        new = clause_document(canonical.to_string(entry.new) if entry.new is not None else None, entry.new_root)
        text = _redline(
            old, new, _side("before", None, old), _side(entry.label or "current", entry.label, new), use_color
        )
        click.echo("\n".join("   " + line if line else "" for line in text.rstrip("\n").split("\n")[2:]))
        click.echo("")
    return 0
