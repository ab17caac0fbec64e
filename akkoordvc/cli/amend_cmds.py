"""`akkoord amend propose|list|show|accept|reject|withdraw|rebase`.

Thin: options are read here, the work is done by `storage.amendment_store`, the text is laid out by
`present.amendments`. The store is imported when a command runs, so `akkoord --help` loads no git.
"""

from __future__ import annotations

import os
import re

import click

from ..model import amendment_names as an
from ..model.reading import read_input
from .common import DATE_HELP, by_option, emit_json, moment, open_workspace, use_color

STATUSES = (*an.STATUSES, "contested")


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
    metavar="EDITED.xml",
    type=click.Path(dir_okay=False),
    help="An edited copy of akkoord.xml; the operations are derived against the base.",
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
) -> int:
    """Propose an amendment: from an edited copy of the text (--from-file) or an amendment file. Prints its id."""
    from ..storage import amendment_store as store
    from ..storage.gitrepo import Identity

    if bool(edited) == bool(amendment_file):
        raise click.UsageError("give either --from-file EDITED.xml or an AMENDMENT.xml file (not both)")
    if base_ref and not edited:
        raise click.UsageError("--base applies to --from-file only (an amendment file names its own base)")
    workspace = open_workspace(write=True)
    actor = workspace.actor(by)
    path = edited or amendment_file
    assert path is not None
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
        timestamp=moment(date),
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
    git pull) is `contested`, with both decisions; decide it again to resolve it."""
    from ..present import amendments as show_
    from ..storage import amendment_store as store

    workspace = open_workspace()
    amendments = store.load(workspace)
    shown = [a for a in amendments.values() if status is None or a.status == status]
    if as_json:
        emit_json(show_.list_items(shown))
    elif not shown:
        click.echo(show_.no_amendments(status, bool(amendments)))
    else:
        click.echo(show_.table(shown, store.checks_now(workspace, amendments, shown)))
    return 0


@amend.command("show")
@click.argument("ident", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the record, its check and its redline as JSON.")
@click.option("--xml", "as_xml", is_flag=True, help="Print the amendment record (with its history) as XML.")
@click.option("--color/--no-color", default=None, help="Colours in the redline (default: on a terminal).")
def show(ident: str, as_json: bool, as_xml: bool, color: bool | None) -> int:
    """Show an amendment: who, why, status history, operations, whether it applies now, and its redline."""
    from ..model.document import Document
    from ..ops import amendments as ops
    from ..ops.align import compute
    from ..present import amendments as show_
    from ..storage import amendment_store as store
    from .common import write_output

    workspace = open_workspace()
    amendments = store.load(workspace)
    amendment = store.find(amendments, ident)
    if as_xml:
        write_output(ops.to_bytes(amendment), None)
        return 0
    base, amended = store.amended_text(workspace, amendment, amendments)
    old_side = show_.side(amendment.base.label or "base", amendment.base.label, base)
    new_side = show_.side(str(amendment.id), None, amended)
    now = store.check_open(workspace, amendment, amendments)
    if as_json:
        data = amendment.as_dict()
        data["check"] = None if now is None else now.as_dict()
        data["redline"] = compute(Document(base), Document(amended), old_side, new_side).as_dict()
        emit_json(data)
        return 0
    click.echo(show_.describe(amendment, now))
    click.echo("")
    click.echo(show_.redline(base, amended, old_side, new_side, use_color(color)), nl=False)
    return 0


def _register() -> None:
    from .decision_cmds import accept, rebase, reject, withdraw

    for command in (accept, reject, withdraw, rebase):
        amend.add_command(command)


_register()
