"""The admin side of `akkoord signatory`: start the registry, admin keys, threshold, cosign, resolve a fork."""

from __future__ import annotations

import click

from ..messages import Message
from . import trust_common as tc
from .common import open_workspace
from .language import say


@click.command("init")
@click.option(
    "--admin-key",
    "admin_keys",
    multiple=True,
    required=True,
    type=click.Path(dir_okay=False),
    help="Public SSH key of a registry admin (repeatable).",
)
@click.option(
    "--threshold",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="How many distinct admin keys must sign an admin record.",
)
@click.option("--by", help=tc.BY_HELP)
def registry_init(admin_keys, threshold, by):
    """Start the registry in a repository created without `init --admin-key`."""
    from ..trust.changes import start_registry

    found = open_workspace(write=True)
    commit, anchor = start_registry(found, list(admin_keys), threshold, tc.admin_actor(found, by))
    click.echo(say("output.registry.started", commit=commit[:12]))
    click.echo(say("repo.anchor", anchor=anchor))
    return 0


@click.command("cosign")
@click.option("--key", required=True, type=click.Path(dir_okay=False), help="Private SSH key of a registry admin.")
@click.option(
    "--attestation",
    metavar="STATEMENT",
    help="Cosign this attestation (attestations/...json) instead of the admin record that awaits signatures.",
)
@click.option("--by", help=tc.BY_HELP)
def registry_cosign(key, attestation, by):
    """Add your admin signature to an admin record, or an attestation, that awaits more signatures (threshold > 1)."""
    from ..errors import AkkoordError
    from ..present.trust import committed
    from ..trust.changes import cosign
    from ..trust.endorsements import awaiting_attestations, cosign_attestation
    from ..trust.registry import describe

    found = open_workspace(write=True)
    state = tc.state(found)
    if attestation is not None:
        done = cosign_attestation(found, state, attestation, key, tc.admin_actor(found, by))
        click.echo(say("output.attestation.cosigned", path=done.statement.path, commit=done.commit[:12]))
        signers = ", ".join(done.signed_by)
        click.echo(
            say("output.attestation.signed_by", keys=signers, count=len(done.signed_by), threshold=done.threshold)
        )
        return 0
    if state.pending is None:
        waiting = awaiting_attestations(found, state)
        if waiting:
            listed = ", ".join(
                say("output.attestation.awaiting", path=a.statement.path, count=len(a.signed_by), threshold=a.threshold)
                for a in waiting
            )
            raise AkkoordError.keyed("output.attestation.only_attestations", listed=listed)
    result = cosign(found, state, key, tc.admin_actor(found, by))
    tc.echo(committed(result, Message("signatory.cosigned", record=describe(result.record))))
    return 0


@click.command("resolve")
@click.option(
    "--drop",
    "drop",
    multiple=True,
    required=True,
    metavar="RECORD",
    help="A forked record to drop (hash prefix; repeatable).",
)
@click.option("--reason", required=True, help="Why these records are dropped (published in the resolution).")
@tc.admin_keys_option
@click.option("--by", help=tc.BY_HELP)
def registry_resolve(drop, reason, keys, by):
    """Settle a registry fork: sign a resolution that joins every branch and drops the records named.

    It needs the threshold of the admins of every branch it joins."""
    tc.texts(reason=reason)
    from ..present.trust import committed
    from ..trust.changes import resolve

    found = open_workspace(write=True)
    result = resolve(found, tc.state(found), list(drop), reason, list(keys), tc.admin_actor(found, by), tc.today())
    tc.echo(committed(result, Message("signatory.fork_resolved")))
    return 0


@click.command("admin-add")
@click.argument("ident", metavar="ADMIN_ID")
@click.option("--pubkey", required=True, type=click.Path(dir_okay=False), help="The new admin's public SSH key.")
@click.option("--name", help="Who holds the key (default: ADMIN_ID).")
@tc.admin_keys_option
@click.option("--by", help=tc.BY_HELP)
def admin_add(ident, pubkey, name, keys, by):
    """Add an admin key to the registry (signed by the current admins)."""
    tc.texts(name=name)
    from ..trust.model import AdminKey, check_id
    from ..trust.registry_ops import add_admin, new_key

    check_id(ident, "admin key id")
    key = new_key(pubkey, tc.today())
    admin = AdminKey(public=key.public, start=key.start, id=ident, name=name or ident)
    return tc.change(
        lambda reg: add_admin(admin),
        keys,
        by,
        Message("commit.admin_add", id=ident),
        Message("signatory.admin_added", id=ident),
    )


@click.command("admin-revoke")
@click.argument("ident", metavar="ADMIN_ID")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="First day the key is no longer valid (default: today).")
@click.option("--reason", help="Why.")
@tc.admin_keys_option
@click.option("--by", help=tc.BY_HELP)
def admin_revoke(ident, date, reason, keys, by):
    """Revoke an admin key (signed by the current admins)."""
    tc.texts(reason=reason)
    from ..trust.registry_ops import revoke_admin

    day = tc.day(date, "--date") or tc.today()
    return tc.change(
        lambda reg: revoke_admin(ident, day, reason),
        keys,
        by,
        Message("commit.admin_revoke", id=ident),
        Message("signatory.admin_revoked", id=ident),
    )


@click.command("threshold")
@click.argument("count", type=click.IntRange(min=1))
@tc.admin_keys_option
@click.option("--by", help=tc.BY_HELP)
def threshold(count, keys, by):
    """Set how many distinct admin keys must sign an admin record (signed under the current threshold)."""
    from ..trust.registry_ops import set_threshold

    return tc.change(
        lambda reg: set_threshold(count),
        keys,
        by,
        Message("commit.threshold", count=count),
        Message("signatory.threshold_set", count=count),
    )


def add_registry_commands(group: click.Group) -> None:
    for command in (registry_init, registry_cosign, registry_resolve, admin_add, admin_revoke, threshold):
        group.add_command(command)
