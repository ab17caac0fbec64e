"""`akkoord signatory ...`: who may endorse, with which keys. Every change is an admin-signed record."""

from __future__ import annotations

import click

from ..messages import Message
from . import trust_common as tc
from .common import emit_json, open_workspace
from .language import say
from .registry_cmds import add_registry_commands


@click.group()
def signatory():
    """The signatory registry: who may endorse, with which keys. Changes need admin signatures."""


@signatory.command("add")
@click.argument("ident", metavar="ID")
@click.option("--name", required=True, help="The signatory's name as it should be shown.")
@click.option("--kind", required=True, type=click.Choice(["organisation", "person", "college"]))
@click.option("--term-start", metavar="YYYY-MM-DD", help="college: first day in office.")
@click.option("--term-end", metavar="YYYY-MM-DD", help="college: last day in office.")
@click.option("--succeeds", metavar="ID", help="college: the college it succeeds.")
@click.option(
    "--pubkey",
    "pubkeys",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="The signatory's public SSH key (.pub; repeatable). Without one, only attested statements are possible.",
)
@click.option("--valid-from", metavar="YYYY-MM-DD", help="First day the keys may sign (default: today).")
@tc.admin_keys_option
@click.option("--by", help=tc.BY_HELP)
def signatory_add(ident, name, kind, term_start, term_end, succeeds, pubkeys, valid_from, keys, by):
    """Add signatory ID to the registry."""
    tc.texts(name=name)
    from ..trust.model import Signatory, check_id
    from ..trust.registry_ops import add_signatory, new_key

    check_id(ident, "signatory id")
    if kind != "college" and (term_start or term_end or succeeds):
        raise click.UsageError(say("output.usage.college_only"))
    if kind == "college" and not (term_start and term_end):
        raise click.UsageError(say("output.usage.college_term"))
    start = tc.day(valid_from, "--valid-from") or tc.today()
    new = Signatory(
        id=ident,
        name=name.strip(),
        kind=kind,
        term_start=tc.day(term_start, "--term-start"),
        term_end=tc.day(term_end, "--term-end"),
        succeeds=succeeds,
        keys=tuple(new_key(p, start) for p in pubkeys),
    )
    return tc.change(
        lambda reg: add_signatory(new),
        keys,
        by,
        Message("commit.signatory_add", id=ident, name=name),
        Message("signatory.added", id=ident),
    )


@signatory.command("add-key")
@click.argument("ident", metavar="ID")
@click.option("--pubkey", required=True, type=click.Path(dir_okay=False), help="The new public SSH key (.pub).")
@click.option("--valid-from", metavar="YYYY-MM-DD", help="First day the key may sign (default: today).")
@click.option("--valid-until", metavar="YYYY-MM-DD", help="Last day the key may sign (default: open-ended).")
@tc.admin_keys_option
@click.option("--by", help=tc.BY_HELP)
def signatory_add_key(ident, pubkey, valid_from, valid_until, keys, by):
    """Register another public key for signatory ID."""
    from ..trust.registry_ops import add_key, new_key

    key = new_key(pubkey, tc.day(valid_from, "--valid-from") or tc.today(), tc.day(valid_until, "--valid-until"))
    return tc.change(
        lambda reg: add_key(ident, key),
        keys,
        by,
        Message("commit.key_add", id=ident),
        Message("signatory.key_added", id=ident),
    )


@signatory.command("revoke-key")
@click.argument("ident", metavar="ID")
@click.argument("selector", metavar="FINGERPRINT|PUBFILE")
@click.option(
    "--date",
    "date",
    metavar="YYYY-MM-DD",
    help="First day the key is no longer valid (default: today). Give an earlier day when it was compromised.",
)
@click.option("--reason", help="Why, e.g. 'lost', 'compromised', 'replaced'.")
@tc.admin_keys_option
@click.option("--by", help=tc.BY_HELP)
def signatory_revoke_key(ident, selector, date, reason, keys, by):
    """Revoke a key of signatory ID. Statements it signed before that day stay valid."""
    tc.texts(reason=reason)
    from ..trust.registry_ops import find_key, revoke_key

    def ops(reg):
        key = find_key(reg.require(ident), selector)
        return revoke_key(ident, key.fingerprint, tc.day(date, "--date") or tc.today(), reason)

    return tc.change(ops, keys, by, Message("commit.key_revoke", id=ident), Message("signatory.key_revoked", id=ident))


@signatory.command("retire")
@click.argument("ident", metavar="ID")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="First day it no longer acts (default: today).")
@tc.admin_keys_option
@click.option("--by", help=tc.BY_HELP)
def signatory_retire(ident, date, keys, by):
    """Retire signatory ID: it signs nothing more; what it signed before stays valid."""
    from ..trust.registry_ops import retire

    day = tc.day(date, "--date") or tc.today()
    return tc.change(
        lambda reg: retire(ident, day),
        keys,
        by,
        Message("commit.signatory_retire", id=ident),
        Message("signatory.retired", id=ident),
    )


def _listing_state():
    found = open_workspace()
    state = tc.state(found)
    state.require_current()
    if not state.head_trusted:
        problem = state.problems[0].message if state.problems else say("output.signatory.see_verify")
        click.echo(say("output.signatory.partial_registry", problem=problem), err=True)
    return state


@signatory.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def signatory_list(as_json):
    """List the signatories of the registry in force."""
    from ..present.trust import registry_summary, signatory_rows

    state = _listing_state()
    today = tc.today()
    registry = state.current
    sitting = registry.sitting_college(today)
    if as_json:
        rows = [
            {**s.as_dict(today), "sitting": sitting is not None and s.id == sitting.id, "active": s.active_on(today)}
            for s in registry.signatories
        ]
        emit_json({"registry": registry_summary(state), "signatories": rows})
        return 0
    tc.echo(signatory_rows(registry, today))
    return 0


@signatory.command("show")
@click.argument("ident", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def signatory_show(ident, as_json):
    """Show signatory ID (or an admin key): kind, term, succession and keys with their windows."""
    from ..present.trust import signatory_detail
    from ..trust import printable

    state = _listing_state()
    today = tc.today()
    registry = state.current
    s = registry.signatory(ident)
    if s is None:
        admin = registry.admin(ident)
        if admin is None:
            from ..errors import AkkoordError
            from ..messages import Message

            known = ", ".join(item.id for item in registry.signatories) or "-"
            raise AkkoordError(Message("signatory.not_registered", id=ident, known=known))
        if as_json:
            emit_json({"admin_key": {**admin.as_dict(), "state": admin.state_on(today)}})
        else:
            state = say("trust.key_state." + admin.state_on(today).replace(" ", "_"))
            click.echo(
                say(
                    "output.signatory.admin_key",
                    id=admin.id,
                    name=printable(admin.name),
                    fingerprint=admin.fingerprint,
                    label=admin.public.label,
                    state=state,
                )
            )
        return 0
    if as_json:
        sitting = registry.sitting_college(today)
        successors = [c.id for c in registry.colleges() if c.succeeds == s.id]
        emit_json(
            {
                **s.as_dict(today),
                "sitting": sitting is not None and s.id == sitting.id,
                "active": s.active_on(today),
                "succeeded_by": successors,
            }
        )
        return 0
    tc.echo(signatory_detail(registry, s, today))
    tc.echo(registration_lines(s))
    return 0


def registration_lines(s) -> list[str]:
    """Each key as the line of its .pub file, and the command a registry admin runs to register another key."""
    lines = [say("signatory.show.public_key", line=k.public.line) for k in s.keys]
    return [*lines, say("signatory.show.register_another", id=s.id)]


add_registry_commands(signatory)
