"""`akkoord amend propose|list|show|accept|reject|withdraw|rebase`.

Thin: options are read here, the work is done by `storage.amendment_store`, the text is laid out by
`present.amendments`. The store is imported when a command runs, so `akkoord --help` loads no git.
"""

from __future__ import annotations

import json
import os
import re

import click

from ..model import amendment_names as an
from ..model.reading import read_input
from .common import (
    DATE_HELP,
    by_option,
    emit_json,
    moment,
    open_workspace,
    out_option,
    use_color,
    write_output,
    write_to_send,
)
from .language import say

STATUSES = (*an.STATUSES, "contested", "damaged")
SHOW_FORMATS = ("term", "json", "html", "docx")


def _paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"\n\s*\n", text or "") if p.strip())


@click.group()
def amend() -> None:
    """Propose, review, accept and consolidate amendments to the agreement."""


@amend.command("propose")
@click.argument("amendment_file", metavar="[AMENDMENT.xml]", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--from-file",
    "edited",
    metavar="EDITED",
    type=click.Path(dir_okay=False),
    help="An edited copy of the text: akkoord.xml, or a Word (.docx), OpenDocument (.odt) or Markdown (.md) "
    "file made by `akkoord export`; the operations are derived against the base. Tracked changes in a "
    "document are taken as accepted, its comments as the rationale when --rationale is absent.",
)
@click.option("--title", help="A short title (required with --from-file).")
@by_option()
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
@click.option("--force", is_flag=True, help="Propose even when an open amendment makes the same change.")
@out_option("the proposal")
def propose(
    amendment_file: str | None,
    edited: str | None,
    title: str | None,
    by: str | None,
    co: tuple[str, ...],
    rationale: str | None,
    source: str | None,
    supersedes: tuple[str, ...],
    base_ref: str | None,
    date: str | None,
    as_json: bool,
    force: bool,
    out: str | None,
) -> int:
    """Propose an amendment: from an edited copy of the text (--from-file) or an amendment file. Prints its id."""
    from ..storage import amendment_store as store
    from ..storage.gitrepo import Identity

    if bool(edited) == bool(amendment_file):
        raise click.UsageError(say("output.usage.propose_one_source"))
    if base_ref and not edited:
        raise click.UsageError(say("output.usage.base_from_file"))
    workspace = open_workspace(write=out is None)
    actor = workspace.actor(by)
    path = edited or amendment_file
    assert path is not None
    data = read_input(path)
    if edited:
        from ..storage.edited import read_edited

        copy = read_edited(workspace, data, path, base_ref)
        data, base_ref = copy.data, copy.base_ref
        if rationale is None and copy.comments:
            rationale = "\n\n".join(copy.comments)
    else:
        from ..model.formats import XML, kind_of

        if kind_of(data, path) != XML:
            raise click.UsageError(say("output.usage.edited_copy", path=path))
    created, files, ts = store.proposal(
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
        timestamp=moment(date),
        force=force,
    )
    if out is None:
        store.commit_proposal(workspace, created, files, actor, ts)
    else:
        click.echo(write_to_send("amendment", files, out), err=True)
    if as_json:
        emit_json({"id": created.id, "operations": [op.as_dict() for op in created.operations]})
    else:
        click.echo(created.id)
        clauses = ", ".join(created.clauses()) or say("amend.no_clauses")
        said = say("amend.proposed", count=len(created.operations), title=created.title, clauses=clauses)
        click.echo(f"{said}; {say('amend.base', base=created.base.describe())}", err=True)
    if edited and os.path.realpath(edited) == os.path.realpath(workspace.root / "akkoord.xml"):
        click.echo(say("amend.work_tree_holds_edits"), err=True)
    return 0


@amend.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only amendments with this status.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print [{"id","title","status","base","clauses"}], plus "competing" (the decisions) when contested.',
)
def list_(status: str | None, as_json: bool) -> int:
    """List amendments, oldest first, with status, base and the clauses they touch.

    An amendment decided differently in two clones (e.g. accepted in one, rejected in the other, merged by
    git pull) is `contested`, with both decisions; decide it again to resolve it. One whose files cannot be
    read is `damaged`, with the commit that holds them intact."""
    from ..present import amendments as show_
    from ..storage import amendment_store as store

    workspace = open_workspace()
    amendments = store.load(workspace)
    shown = [a for a in amendments.values() if status is None or a.status == status]
    damaged = list(amendments.damaged.values()) if status in (None, "damaged") else []
    if as_json:
        emit_json(show_.list_items(shown) + [d.as_dict() for d in damaged])
    elif not shown and not damaged:
        click.echo(show_.no_amendments(status, bool(amendments)))
    else:
        if shown:
            click.echo(show_.table(shown, store.checks_now(workspace, amendments, shown)))
        for item in damaged:
            click.echo(show_.damaged_line(item))
    return 0


@amend.command("show")
@click.argument("ident", metavar="ID")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(SHOW_FORMATS),
    default="term",
    show_default=True,
    help="term: the record, its history and its redline; json: the record, its check and its redline as data; "
    "html and docx: the redline alone, the same as `akkoord redline BASE amend/ID` (docx needs -o; its tracked "
    "changes carry the proposers and the proposal date).",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@click.option("--xml", "as_xml", is_flag=True, help="Print the amendment record (with its history) as XML.")
@click.option("--all", "show_all", is_flag=True, help="Show unchanged clauses too.")
@click.option("--color/--no-color", default=None, help="Colours in the redline (default: on a terminal).")
def show(
    ident: str, fmt: str, output: str | None, as_json: bool, as_xml: bool, show_all: bool, color: bool | None
) -> int:
    """Show an amendment: who, why, status history, operations, whether it applies now, and its redline
    (everything that changes, block by block: the same as `akkoord redline BASE amend/ID`)."""
    from ..ops import amendments as ops
    from ..ops.align import compute
    from ..present import amendments as show_
    from ..present.formats import render
    from ..storage import amendment_store as store
    from ..storage.refs import amendment_sides
    from .common import terminal_width

    fmt = "json" if as_json else fmt
    if fmt == "docx" and output in (None, "-"):
        raise click.UsageError(say("output.usage.docx_needs_output"))
    workspace = open_workspace()
    amendments = store.load(workspace)
    if as_xml:
        write_output(ops.to_bytes(store.find(amendments, ident)), output)
        return 0
    base, amended = amendment_sides(workspace, ident, amendments)
    amendment = amended.amendment
    assert amendment is not None
    result = compute(base.document, amended.document, base.side(), amended.side())
    if fmt in ("html", "docx"):
        by, on = amended.changed_by(base)
        write_output(render(result, fmt, include_unchanged=show_all, author=by, date=on), output)
        return 0
    now = store.check_open(workspace, amendment, amendments)
    if fmt == "json":
        data = amendment.as_dict()
        data["check"] = None if now is None else now.as_dict()
        data["redline"] = result.as_dict(include_unchanged=show_all)
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        return 0
    colour = use_color(color, output=output)
    shown = render(result, "term", color=colour, include_unchanged=show_all, width=terminal_width(output))
    write_output(f"{show_.describe(amendment, now)}\n\n{shown!s}", output)
    return 0


def _register() -> None:
    from .decision_cmds import accept, rebase, reject, sign, withdraw

    for command in (accept, reject, withdraw, rebase, sign):
        amend.add_command(command)


_register()
