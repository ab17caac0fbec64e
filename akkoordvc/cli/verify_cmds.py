"""`akkoord verify`, `endorsements` and `since`: what holds, who stands where, what changed since."""

from __future__ import annotations

import click

from ..errors import AkkoordError
from ..messages import Message
from ..trust import printable
from . import trust_common as tc
from .common import emit_json, open_workspace, use_color


def _results(found, trust_anchor, need):
    """The results `need` of verifying `found` (`trust.results`: whole from the cache when nothing changed)."""
    from ..trust.anchor import checked_anchor
    from ..trust.results import results

    pinned, warning = checked_anchor(found, trust_anchor)
    if warning:
        click.echo(warning, err=True)
    return results(found, pinned, tc.today(), need), pinned


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {ok, problems: [{code, where, message}], ...}.")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def verify(as_json, trust_anchor):
    """Check every signature, the endorsed texts, every chain and the registry's signed records.

    Exit 0 when everything holds, 1 with a list of problems otherwise. The first run in a clone
    remembers the trust anchor; later runs check against it."""
    from ..present.trust import verify_report
    from ..trust.anchor import remember
    from ..trust.registry import ANCHOR_PREFIX

    found = open_workspace()
    done, pinned = _results(found, trust_anchor, ("verify",))
    data = done.verify
    anchor = (data["trust_anchor"] or "").removeprefix(ANCHOR_PREFIX) or None
    note = remember(found, anchor) if anchor and (pinned is None or pinned == anchor) else None
    if note:
        from ..trust.verify import ANCHOR_NOTICE

        shown = str(Message(ANCHOR_NOTICE, anchor=anchor))
        data["notices"] = [n for n in data["notices"] if n != shown] + [str(note)]
    if done.report is not None and done.report.missing_tags:
        from ..storage.actors import stand_in
        from ..trust.versions import repair_tags

        made = repair_tags(found, done.report.missing_tags, stand_in("akkoord verify", "akkoord"))
        data["notices"].extend(str(Message("verify.notice.tag_made", tag=tag)) for tag in made)
    if as_json:
        emit_json(data)
    else:
        tc.echo(verify_report(data, done.damaged, done.records, pinned is not None))
    return 0 if data["ok"] else 1


@click.command()
@click.argument("ref", metavar="[REF]", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def endorsements(ref, as_json, trust_anchor):
    """Who endorsed which version: signatories × versions, with the sitting college's decision."""
    from ..present.trust import matrix as render
    from ..trust.results import shown

    found = open_workspace()
    done, _ = _results(found, trust_anchor, ("matrix",))
    full = done.matrix
    if full is None:
        done.full_report().registry.require_current()
        raise AssertionError("a registry in force always has a matrix")
    data = shown(full, ref)
    if ref is not None and not data["versions"]:
        known = ", ".join(printable(v["label"]) for v in full["versions"]) or "none"
        raise AkkoordError.keyed("verify.not_a_version", ref=printable(ref), known=known)
    if as_json:
        emit_json(data)
    else:
        tc.echo(render(data))
    return 0


@click.command()
@click.argument("signatory_id", metavar="SIGNATORY")
@click.option("--json", "as_json", is_flag=True, help="Print the redline as JSON.")
@click.option("--all", "show_all", is_flag=True, help="Show unchanged clauses too.")
@click.option("--color/--no-color", default=None, help="Colours (default: when writing to a terminal).")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def since(signatory_id, as_json, show_all, color, trust_anchor):
    """What changed from the version SIGNATORY last endorsed to the current version."""
    from ..trust.results import since_redline

    found = open_workspace()
    done, _ = _results(found, trust_anchor, ("standing",))
    change = since_redline(found, done.standing, signatory_id, done.full_report)
    result = change.redline
    if as_json:
        emit_json(
            {
                "signatory": change.signatory,
                "last_endorsed": change.old,
                "current": change.current,
                "redline": result.as_dict(include_unchanged=show_all),
            }
        )
        return 0
    click.echo(
        Message(
            "verify.since",
            name=printable(change.name),
            id=change.signatory,
            old=printable(change.old),
            now=printable(change.current),
        )
    )
    if change.old == change.current:
        click.echo(Message("verify.since.nothing"))
        return 0
    from ..present.term import render

    click.echo(render(result, color=use_color(color), include_unchanged=show_all), nl=False)
    return 0
