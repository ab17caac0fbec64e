"""Click pieces shared by the trust commands: the workspace, today, dates, option text, who acts."""

from __future__ import annotations

import click

from ..messages import Message
from ..model.dates import today as today
from .common import open_workspace

BY_HELP = "Git author of the commit: 'Name <email>' or a name (default: git's user; for endorse: the signatory)."
KEY_HELP = "Private SSH key of a registry admin (repeatable when the threshold needs several)."
ANCHOR_HELP = "The registry fingerprint printed by `akkoord init` (sha256:...); remembered in the clone."


def admin_keys_option(func):
    return click.option("--key", "keys", multiple=True, required=True, type=click.Path(dir_okay=False), help=KEY_HELP)(
        func
    )


def day(value, what):
    from ..model.dates import optional_day

    return optional_day(value, what)


def texts(**options) -> None:
    """Refuse option text a record or statement could not hold (one line and 500 characters for names)."""
    from ..model.xmlparse import check_text

    for option, value in options.items():
        line = option == "name"
        check_text(value, f"--{option}", line=line, limit=500 if line else 2000)


def actor(found, by, fallback: str, ident: str = "registry", prefer_fallback: bool = False):
    """Who commits (git's author; not a security claim: the signature is): --by, else git's configured
    user, else `fallback` (for an endorsement the signatory itself comes first)."""
    from ..storage.actors import stand_in, who_acts

    own = stand_in(fallback, ident)
    return who_acts(by, found.repo, signer=own if prefer_fallback else None, fallback=own)


def admin_actor(found, by):
    return actor(found, by, "akkoord registry admin")


def state(found, anchor=None):
    """The registry replayed, checked against the trust anchor remembered in this clone (or `anchor`)."""
    from ..trust.anchor import checked_anchor
    from ..trust.registry import load_state

    pinned, warning = checked_anchor(found, anchor)
    if warning:
        click.echo(warning, err=True)
    return load_state(found, pinned, today())


def echo(lines) -> None:
    for line in lines:
        click.echo(line)


def change(ops_for, keys, by, message: str | Message, what: str | Message) -> int:
    """Commit a registry change built by `ops_for(registry in force)`, signed with the admin `keys`, and say so."""
    from ..present.trust import committed
    from ..trust.changes import change as commit_change

    found = open_workspace(write=True)
    result = commit_change(found, state(found), ops_for, list(keys), message, admin_actor(found, by), today())
    echo(committed(result, what))
    return 0
