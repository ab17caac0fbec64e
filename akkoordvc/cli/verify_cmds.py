"""`akkoord verify`, `endorsements` and `since`: what holds, who stands where, what changed since."""

from __future__ import annotations

import click

from ..errors import AkkoordError
from ..trust import printable
from . import trust_common as tc
from .common import emit_json, open_workspace, use_color


def _report(found, trust_anchor):
    from ..trust.anchor import checked_anchor
    from ..trust.verify import verify as run

    pinned, warning = checked_anchor(found, trust_anchor)
    if warning:
        click.echo(warning, err=True)
    return run(found, pinned, tc.today()), pinned


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {ok, problems: [{code, where, message}], ...}.")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def verify(as_json, trust_anchor):
    """Check every signature, the endorsed texts, every chain and the registry's signed records.

    Exit 0 when everything holds, 1 with a list of problems otherwise. The first run in a clone
    remembers the trust anchor; later runs check against it."""
    from ..present.trust import verify_report
    from ..trust.anchor import remember

    found = open_workspace()
    report, pinned = _report(found, trust_anchor)
    anchor = report.registry.anchor
    note = remember(found, anchor) if anchor and (pinned is None or pinned == anchor) else None
    if note:
        report.notices = [n for n in report.notices if not n.startswith("registry trust anchor")] + [note]
    if report.missing_tags:
        from ..storage.actors import stand_in
        from ..trust.versions import repair_tags

        made = repair_tags(found, report.missing_tags, stand_in("akkoord verify", "akkoord"))
        report.notices.extend(f"{tag} was missing; made again from its signed version record" for tag in made)
    if as_json:
        emit_json(report.as_dict())
    else:
        tc.echo(verify_report(report, pinned is not None))
    return 0 if report.ok else 1


@click.command()
@click.argument("ref", metavar="[REF]", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def endorsements(ref, as_json, trust_anchor):
    """Who endorsed which version: signatories × versions, with the sitting college's decision."""
    from ..present.trust import matrix as render
    from ..trust.status import matrix

    found = open_workspace()
    report, _ = _report(found, trust_anchor)
    report.registry.require_current()
    today = tc.today()
    data = matrix(report, today, ref)
    if ref is not None and not data["versions"]:
        known = ", ".join(printable(v["label"]) for v in matrix(report, today)["versions"]) or "none"
        raise AkkoordError(f"REF {printable(ref)!r} is not a version (versions: {known})")
    if as_json:
        emit_json(data)
    else:
        tc.echo(render(data, report))
    return 0


@click.command()
@click.argument("signatory_id", metavar="SIGNATORY")
@click.option("--json", "as_json", is_flag=True, help="Print the redline as JSON.")
@click.option("--all", "show_all", is_flag=True, help="Show unchanged clauses too.")
@click.option("--color/--no-color", default=None, help="Colours (default: when writing to a terminal).")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def since(signatory_id, as_json, show_all, color, trust_anchor):
    """What changed from the version SIGNATORY last endorsed to the current version."""
    from ..trust.status import since_redline

    found = open_workspace()
    report, _ = _report(found, trust_anchor)
    who, old, current, result = since_redline(found, report, signatory_id)
    if as_json:
        emit_json(
            {
                "signatory": who.id,
                "last_endorsed": old.label,
                "current": current.label,
                "redline": result.as_dict(include_unchanged=show_all),
            }
        )
        return 0
    click.echo(
        f"{printable(who.name)} ({who.id}) last endorsed version {printable(old.label)}; the current version is "
        f"{printable(current.label)}."
    )
    if old.label == current.label:
        click.echo("Nothing has changed since.")
        return 0
    from ..present.term import render

    click.echo(render(result, color=use_color(color), include_unchanged=show_all), nl=False)
    return 0
