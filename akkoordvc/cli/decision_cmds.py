"""`akkoord amend accept|reject|withdraw|rebase`: decisions about an amendment, and redrafting one in conflict.

Registered on the `amend` group by `amend_cmds`. Thin: the store decides and commits; in a repository with a
signatory registry a decision is also an admin-signed record (`trust.decisions`), made with `--key`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

import click

from ..errors import AkkoordError
from ..messages import Message
from ..model import amendment_names as an
from ..model.reading import read_input
from .common import DATE_HELP, by_option, moment, open_workspace, use_color
from .language import say

if TYPE_CHECKING:
    from ..ops.amendments import Amendment
    from ..storage.amendment_store import AmendmentConflict
    from ..trust.changes import Committed

_KEY_HELP = (
    "Private SSH key of a registry admin (repeatable when the threshold needs several): with a signatory "
    "registry, every decision is an admin-signed record."
)


def _keys(func: Callable[..., int]) -> Callable[..., int]:
    return click.option("--key", "keys", multiple=True, type=click.Path(dir_okay=False), help=_KEY_HELP)(func)


def _decide(
    outcome: str, ident: str, by: str | None, reason: str, date: str | None, keys: tuple[str, ...]
) -> tuple[Amendment, Committed | None]:
    """Record the decision: signed by the admin `keys` when the repository has a registry."""
    from ..model.dates import today
    from ..trust.decisions import decide

    workspace = open_workspace(write=True)
    return decide(workspace, outcome, ident, workspace.actor(by), reason, moment(date), list(keys), today())


def _signed(signed: Committed | None) -> None:
    if signed is not None:
        from ..present.trust import committed

        for line in committed(signed, Message("amend.decision_record_signed")):
            click.echo(line)


def _raise_conflict(exc: AmendmentConflict) -> NoReturn:
    """Re-raise an AmendmentConflict with a redline of each conflict as its detail."""
    from ..present.amendments import conflict_detail

    try:
        exc.detail = conflict_detail(exc, color=use_color(None, sys.stderr))
    except AkkoordError:
        pass
    raise exc


def _decided(verb: str, decided: tuple[Amendment, Committed | None]) -> None:
    """After a rejection or withdrawal: a contest decided against an amendment a version had already
    consolidated leaves its change in the text; say so."""
    done, signed = decided
    click.echo(say(f"amend.{verb}", id=done.id, title=done.title))
    _signed(signed)
    consolidated = done.last(an.CONSOLIDATED)
    if consolidated is not None:
        version = consolidated.reason or say("output.decision.a_version")
        click.echo(say("output.decision.still_consolidated", version=version, id=done.id), err=True)


@click.command("accept")
@click.argument("ident", metavar="ID")
@by_option()
@click.option("--reason", help="Why (e.g. the meeting that decided).")
@click.option("--date", help=DATE_HELP)
@_keys
def accept(ident: str, by: str | None, reason: str | None, date: str | None, keys: tuple[str, ...]) -> int:
    """Accept a proposed amendment (refused, exit 3, if it conflicts with the current text).

    Also decides a contested amendment (accepted in one clone, rejected in another): the new decision was
    made after both, so it replaces them."""
    from ..model import registry_names as rn
    from ..storage import amendment_store as store

    try:
        done, signed = _decide(rn.ACCEPT, ident, by, reason or "", date, keys)
    except store.AmendmentConflict as exc:
        _raise_conflict(exc)
    if done.status == an.CONSOLIDATED:  # a contest with a version that consolidated it, decided for acceptance
        click.echo(say("amend.accepted_consolidated", id=done.id, title=done.title))
    else:
        click.echo(say("amend.accepted", id=done.id, title=done.title))
    _signed(signed)
    return 0


@click.command("reject")
@click.argument("ident", metavar="ID")
@by_option()
@click.option("--reason", required=True, help="Why it is rejected.")
@click.option("--date", help=DATE_HELP)
@_keys
def reject(ident: str, by: str | None, reason: str, date: str | None, keys: tuple[str, ...]) -> int:
    """Reject a proposed (or contested) amendment, with a reason."""
    from ..model import registry_names as rn

    _decided("rejected", _decide(rn.REJECT, ident, by, reason, date, keys))
    return 0


@click.command("withdraw")
@click.argument("ident", metavar="ID")
@by_option()
@click.option("--reason", help="Why it is withdrawn.")
@click.option("--date", help=DATE_HELP)
@_keys
def withdraw(ident: str, by: str | None, reason: str | None, date: str | None, keys: tuple[str, ...]) -> int:
    """Withdraw a proposed (or contested) amendment: by its proposer, or by a registry admin signing with --key."""
    from ..model import registry_names as rn

    _decided("withdrawn", _decide(rn.WITHDRAW, ident, by, reason or "", date, keys))
    return 0


@click.command("rebase")
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
@by_option()
@click.option("--reason", help="What changed in this revision.")
@click.option("--date", help=DATE_HELP)
def rebase(
    ident: str, edited: str | None, write: str | None, by: str | None, reason: str | None, date: str | None
) -> int:
    """Resolve a conflict: redraft an amendment against the current text (it is proposed again)."""
    from ..storage import amendment_store as store
    from .common import write_output

    if bool(edited) == bool(write):
        raise click.UsageError(say("output.usage.rebase_write_or_file"))
    workspace = open_workspace(write=not write)
    if write:
        amendment, data, conflicts = store.rebase_start(workspace, ident)
        write_output(data, write)
        click.echo(say("output.rebase.written", path=write, id=amendment.id))
        for conflict in conflicts:
            click.echo(say("output.rebase.by_hand", target=conflict.target, reason=conflict.reason))
        click.echo(say("output.rebase.then", id=amendment.id, path=write))
        return 0
    assert edited is not None
    done = store.rebase(workspace, ident, read_input(edited), edited, workspace.actor(by), reason or "", moment(date))
    base = done.base.describe()
    click.echo(say("output.rebase.done", id=done.id, revision=done.revision, base=base, count=len(done.operations)))
    return 0


@click.command("sign")
@click.argument("refs", metavar="ID...", nargs=-1, required=True)
@by_option()
@_keys
def sign(refs: tuple[str, ...], by: str | None, keys: tuple[str, ...]) -> int:
    """Sign the decisions about these amendments that no signed record backs (made before the repository had a
    signatory registry, or written without one). The admins vouch for each decision listed."""
    from ..model.dates import today
    from ..trust.decisions import sign_made

    workspace = open_workspace(write=True)
    for ident, event, signed in sign_made(workspace, list(refs), workspace.actor(by), list(keys), today()):
        status = say(f"amend.status.{event.status}")
        click.echo(
            say("output.decision.signed_event", id=ident, status=status, day=event.at[:10], revision=event.revision)
        )
        _signed(signed)
    return 0
