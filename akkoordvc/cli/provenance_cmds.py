"""`akkoord blame` and `akkoord history`: which version and amendment made each clause what it is."""

from __future__ import annotations

import click

from .common import color_option, emit_json, open_workspace, use_color


@click.command()
@click.argument("ref", required=False, metavar="[REF]")
@click.option("--clause", "clause_id", metavar="ID", help="One clause only (id, number or unique start of the id).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print [{"clause","version","amendment","proposers","rationale","source", ...}].',
)
def blame(ref: str | None, clause_id: str | None, as_json: bool) -> int:
    """For each clause of REF (default: the current text): the version and amendment that last changed it."""
    from ..present.amendments import blame_one, blame_table
    from ..storage import amendment_store as store

    entries = store.blame(open_workspace(), ref, clause_id)
    if as_json:
        emit_json([e.as_dict() for e in entries])
    elif clause_id:
        (entry,) = entries
        click.echo(blame_one(entry))
    else:
        click.echo(blame_table(entries))
    return 0


@click.command()
@click.argument("ref", required=False, metavar="[REF]")
@click.option(
    "--clause",
    "clause_id",
    metavar="ID",
    required=True,
    help="The clause: its id, its number (13, 'artikel 13') or a unique start of its id.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@color_option("Colours in the redlines (default: on a terminal).")
def history(ref: str | None, clause_id: str, as_json: bool, color: bool | None) -> int:
    """Each version of a clause, with the amendment that changed it and its redline."""
    from ..present.amendments import history as layout
    from ..storage import amendment_store as store

    entries = store.clause_history(open_workspace(), clause_id, ref)
    clause_id = entries[0].clause_id if entries else clause_id
    if as_json:
        emit_json([e.as_dict(clause_id) for e in entries])
    else:
        click.echo(layout(entries, clause_id, use_color(color)), nl=False)
    return 0
