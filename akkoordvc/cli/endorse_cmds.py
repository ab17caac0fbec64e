"""`akkoord endorse` and `akkoord attest`: a signatory's own signed decision, or the admins' record of one."""

from __future__ import annotations

import click

from ..trust import printable
from . import trust_common as tc
from .common import answerable, open_workspace, out_option, write_to_send
from .language import say

DECISIONS = click.Choice(["endorse", "decline", "withdraw"])
#: answers that mean yes, in either language ("ja" in Dutch)
YES = ("j", "ja", "y", "yes")


@click.command()
@click.argument("ref", metavar="REF")
@click.option("--as", "as_", required=True, metavar="SIGNATORY", help="The signatory you sign for.")
@click.option(
    "--key", required=True, type=click.Path(dir_okay=False), help="Your private SSH key (or a .pub held by ssh-agent)."
)
@click.option("--decision", type=DECISIONS, default="endorse", show_default=True)
@click.option("--mandate", help="What authorises this decision (e.g. collegebesluit 2026/123).")
@click.option("--comment", help="A short explanation, published with the statement.")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
@click.option("--by", help=tc.BY_HELP)
@click.option("--yes", is_flag=True, help="Sign without showing what is signed and asking first (for scripts).")
@out_option("the signed statement")
def endorse(ref, as_, key, decision, mandate, comment, trust_anchor, by, yes, out):
    """Sign, as SIGNATORY, your decision about version REF, dated today, and commit it (or write it to --out)."""
    tc.texts(mandate=mandate, comment=comment)
    from ..trust.endorsements import endorse as do_endorse

    found = open_workspace(write=out is None)
    state = tc.state(found, trust_anchor)
    who = state.require_current().require(as_)
    created = do_endorse(
        found,
        state,
        ref=ref,
        signatory_id=as_,
        key_path=key,
        decision=decision,
        mandate=mandate,
        comment=comment,
        today=tc.today(),
        by=tc.actor(found, by, who.name, who.id, prefer_fallback=True),
        confirm=None if yes else lambda: _confirm(found, state, as_, ref, decision),
        store=out is None,
    )
    s = created.statement
    shown = {"name": printable(who.name), "id": who.id, "version": printable(created.version.label)}
    click.echo(
        say("endorse.signed", **shown, decision=say(f"trust.decision.{decision}"), date=s.get("date"), seq=s.seq)
    )
    click.echo(f"  text_sha256 {created.version.text_sha256}")
    if out is None:
        click.echo(say("endorse.written", path=s.path, commit=created.commit[:12]))
        return 0
    assert s.data is not None and s.signature is not None
    click.echo("  " + write_to_send("endorsement", {s.path: s.data, s.path + ".sig": s.signature}, out))
    return 0


def _confirm(found, state, signatory_id: str, ref: str, decision: str) -> None:
    """On a terminal: show what is about to be signed and ask. Elsewhere (a script): sign, except a decision the
    signatory already stands by or a version older than the current one, which need --yes. Only the signatory's
    own statements are checked for it (`verify_chains`), not the whole repository."""
    from ..errors import AkkoordError
    from ..messages import Message
    from ..present.preview import preview_lines
    from ..trust.preview import preview
    from ..trust.verify import verify_chains

    shown = preview(found, verify_chains(found, state, signatory_id, tc.today()), signatory_id, ref, decision)
    if shown is None:
        return  # the endorsement itself says what is wrong with REF or the signatory
    if not answerable():
        if shown.again:
            said = Message(f"endorse.decision.{decision}")
            raise AkkoordError(Message("endorse.again_needs_yes", version=shown.version, decision=said))
        if shown.older:
            raise AkkoordError(Message("endorse.older_needs_yes", version=shown.version, current=shown.current))
        return
    tc.echo(preview_lines(shown))
    answer = click.prompt(say("endorse.confirm"), default="", show_default=False, prompt_suffix=" ")
    if answer.strip().lower() not in YES:
        raise AkkoordError(Message("endorse.not_signed"))


@click.command()
@click.argument("ref", metavar="REF")
@click.option("--signatory", required=True, metavar="ID", help="Whose decision is recorded.")
@click.option("--date", "date", required=True, metavar="YYYY-MM-DD", help="The day the decision was made.")
@click.option(
    "--evidence", required=True, help="Where the decision is documented (signed paper, collegebesluit, minutes)."
)
@tc.admin_keys_option
@click.option("--decision", type=DECISIONS, default="endorse", show_default=True)
@click.option("--mandate", help="What authorised the decision.")
@click.option("--comment", help="A short explanation.")
@click.option("--by", help=tc.BY_HELP)
def attest(ref, signatory, date, evidence, keys, decision, mandate, comment, by):
    """Record, as registry admins, a decision made outside the repository (e.g. a signature on paper).

    It is shown as attested, never as the signatory's own signature, and needs the admin threshold."""
    tc.texts(evidence=evidence, mandate=mandate, comment=comment)
    from ..trust.endorsements import attest as do_attest

    found = open_workspace(write=True)
    created = do_attest(
        found,
        tc.state(found),
        ref=ref,
        signatory_id=signatory,
        key_paths=list(keys),
        date=tc.day(date, "--date"),
        evidence=evidence,
        decision=decision,
        mandate=mandate,
        comment=comment,
        today=tc.today(),
        by=tc.admin_actor(found, by),
    )
    s = created.statement
    click.echo(
        say(
            "endorse.attested",
            name=printable(created.signatory.name),
            id=created.signatory.id,
            decision=say(f"trust.decision.{decision}"),
            version=printable(created.version.label),
            date=s.get("date"),
            keys=", ".join(created.signed_by),
        )
    )
    click.echo(say("endorse.attested.evidence", evidence=printable(s.get("evidence"))))
    click.echo(say("endorse.attested.written", path=s.path, commit=created.commit[:12]))
    if created.threshold > len(created.signed_by):
        more = created.threshold - len(created.signed_by)
        click.echo(say("endorse.attested.pending", more=more, path=s.path))
    return 0
