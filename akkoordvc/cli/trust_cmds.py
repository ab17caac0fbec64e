"""Commands on signatories and endorsements: signatory, endorse, attest, verify, endorsements, since.

Thin: every decision lives in `akkoordvc.trust`; this module reads options, calls it and prints.
"""

from __future__ import annotations

import click

from ..errors import AkkoordError
from ..model.dates import optional_day, parse_day
from ..model.dates import today as _today
from ..trust import printable
from .common import emit_json, use_color
from .common import open_workspace as _workspace

BY_HELP = "Git author of the commit: 'Name <email>' or a name (default: git's user; for endorse: the signatory)."
KEY_HELP = "Private SSH key of a registry admin (repeatable when the threshold needs several)."


def _texts(**options):
    """Refuse option text a registry entry or statement could not hold (one line for names; 500 characters
    for names, 4000 for the rest); options given as None pass."""
    from ..model.xmlparse import check_text

    for option, value in options.items():
        line = option == "name"
        check_text(value, f"--{option}", line=line, limit=500 if line else 4000)


def _actor(workspace, by, fallback: str, ident: str = "registry", prefer_fallback: bool = False):
    """Who commits (git's author; not a security claim: the signature is): --by, else git's configured
    user, else `fallback` (for an endorsement the signatory itself comes first)."""
    from ..storage.actors import stand_in, who_acts

    own = stand_in(fallback, ident)
    return who_acts(by, workspace.repo, signer=own if prefer_fallback else None, fallback=own)


def _state(workspace, anchor=None):
    from ..trust.registry import load_state

    return load_state(workspace, anchor)


def _term(s) -> str:
    if s.term_start or s.term_end:
        return f"{s.term_start or '?'} – {s.term_end or '?'}"
    return ""


def _report_change(result, what: str) -> None:
    r = result.registry
    click.echo(f"{what} (registry serial {r.serial}, sha256:{r.sha256[:16]}…, commit {result.commit[:12]})")
    click.echo(
        f"  signed by admin key(s): {', '.join(result.signed_by)} ({len(result.signed_by)} of {result.threshold} required)"
    )
    if not result.complete:
        click.echo(
            f"  pending: the change counts once {result.threshold - len(result.signed_by)} more admin key(s) "
            "sign it with `akkoord signatory cosign --key KEY`"
        )


def _change(mutate, keys, by, message, what):
    """Apply a registry change built by `mutate(base, today) -> dict of changes`, signed with the admin `keys`."""
    from ..trust.registry import apply_change, successor

    workspace = _workspace(write=True)
    state = _state(workspace)
    base = state.require_current(for_change=True)
    today = _today()
    new = successor(base, today, **mutate(base, today))
    result = apply_change(workspace, new, base, list(keys), message, _actor(workspace, by, "akkoord registry admin"))
    _report_change(result, what)
    return 0


# signatory --------------------------------------------------------------------------------------
@click.group()
def signatory():
    """The signatory registry (signatories.xml): who may endorse, with which keys. Changes need admin signatures."""


@signatory.command("init")
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
    help="How many distinct admin keys must sign a registry change.",
)
@click.option("--by", help=BY_HELP)
def signatory_init(admin_keys, threshold, by):
    """Start the registry in a repository created without `init --admin-key`."""
    from ..trust.registry import start_registry

    workspace = _workspace(write=True)
    commit, anchor = start_registry(
        workspace, list(admin_keys), threshold, _actor(workspace, by, "akkoord registry admin")
    )
    click.echo(f"Started the signatory registry (commit {commit[:12]})")
    click.echo(f"Registry trust anchor: {anchor}")
    click.echo("  Keep it: `akkoord verify --trust-anchor` checks the registry's history starts here.")
    return 0


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
@click.option("--key", "keys", multiple=True, required=True, type=click.Path(dir_okay=False), help=KEY_HELP)
@click.option("--by", help=BY_HELP)
def signatory_add(ident, name, kind, term_start, term_end, succeeds, pubkeys, valid_from, keys, by):
    """Add signatory ID to the registry."""
    _texts(name=name)
    from ..trust.registry import Signatory, check_id, new_key, with_signatory

    check_id(ident, "signatory id")
    if kind != "college" and (term_start or term_end or succeeds):
        raise click.UsageError("--term-start, --term-end and --succeeds apply to --kind college only")
    if kind == "college" and not (term_start and term_end):
        raise click.UsageError("a college needs --term-start and --term-end")

    def mutate(base, today):
        start = optional_day(valid_from, "--valid-from") or today
        new = Signatory(
            id=ident,
            name=name.strip(),
            kind=kind,
            term_start=optional_day(term_start, "--term-start"),
            term_end=optional_day(term_end, "--term-end"),
            succeeds=succeeds,
            keys=tuple(new_key(p, start) for p in pubkeys),
        )
        return with_signatory(base, new)

    return _change(mutate, keys, by, f"Add signatory {ident}: {name}", f"Added signatory {ident}")


@signatory.command("add-key")
@click.argument("ident", metavar="ID")
@click.option("--pubkey", required=True, type=click.Path(dir_okay=False), help="The new public SSH key (.pub).")
@click.option("--valid-from", metavar="YYYY-MM-DD", help="First day the key may sign (default: today).")
@click.option("--valid-until", metavar="YYYY-MM-DD", help="Last day the key may sign (default: open-ended).")
@click.option("--key", "keys", multiple=True, required=True, type=click.Path(dir_okay=False), help=KEY_HELP)
@click.option("--by", help=BY_HELP)
def signatory_add_key(ident, pubkey, valid_from, valid_until, keys, by):
    """Register another public key for signatory ID."""
    from ..trust.registry import new_key, with_key

    def mutate(base, today):
        key = new_key(
            pubkey, optional_day(valid_from, "--valid-from") or today, optional_day(valid_until, "--valid-until")
        )
        return with_key(base, ident, key)

    return _change(mutate, keys, by, f"Add a key for {ident}", f"Added a key for {ident}")


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
@click.option("--key", "keys", multiple=True, required=True, type=click.Path(dir_okay=False), help=KEY_HELP)
@click.option("--by", help=BY_HELP)
def signatory_revoke_key(ident, selector, date, reason, keys, by):
    """Revoke a key of signatory ID. Statements it signed before that day stay valid."""
    _texts(reason=reason)
    from ..trust.registry import with_revoked_key

    def mutate(base, today):
        return with_revoked_key(base, ident, selector, optional_day(date, "--date") or today, reason)

    return _change(mutate, keys, by, f"Revoke a key of {ident}", f"Revoked a key of {ident}")


@signatory.command("retire")
@click.argument("ident", metavar="ID")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="First day it no longer acts (default: today).")
@click.option("--key", "keys", multiple=True, required=True, type=click.Path(dir_okay=False), help=KEY_HELP)
@click.option("--by", help=BY_HELP)
def signatory_retire(ident, date, keys, by):
    """Retire signatory ID: it signs nothing more; what it signed before stays valid."""
    from ..trust.registry import with_retired

    def mutate(base, today):
        return with_retired(base, ident, optional_day(date, "--date") or today)

    return _change(mutate, keys, by, f"Retire signatory {ident}", f"Retired signatory {ident}")


@signatory.command("cosign")
@click.option("--key", required=True, type=click.Path(dir_okay=False), help="Private SSH key of a registry admin.")
@click.option("--by", help=BY_HELP)
def signatory_cosign(key, by):
    """Add your admin signature to a registry change that awaits more signatures (threshold > 1)."""
    from ..trust.registry import cosign

    workspace = _workspace(write=True)
    result = cosign(workspace, _state(workspace), key, _actor(workspace, by, "akkoord registry admin"))
    _report_change(result, f"Cosigned registry change {result.registry.serial}")
    return 0


@signatory.command("admin-add")
@click.argument("ident", metavar="ADMIN_ID")
@click.option("--pubkey", required=True, type=click.Path(dir_okay=False), help="The new admin's public SSH key.")
@click.option("--name", help="Who holds the key (default: ADMIN_ID).")
@click.option("--key", "keys", multiple=True, required=True, type=click.Path(dir_okay=False), help=KEY_HELP)
@click.option("--by", help=BY_HELP)
def signatory_admin_add(ident, pubkey, name, keys, by):
    """Add an admin key to the registry (signed by the current admins)."""
    _texts(name=name)
    from ..trust.registry import AdminKey, check_id, new_key, with_admin_key

    check_id(ident, "admin key id")

    def mutate(base, today):
        key = new_key(pubkey, today)
        return with_admin_key(base, AdminKey(public=key.public, start=key.start, id=ident, name=name or ident))

    return _change(mutate, keys, by, f"Add admin key {ident}", f"Added admin key {ident}")


@signatory.command("admin-revoke")
@click.argument("ident", metavar="ADMIN_ID")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="First day the key is no longer valid (default: today).")
@click.option("--reason", help="Why.")
@click.option("--key", "keys", multiple=True, required=True, type=click.Path(dir_okay=False), help=KEY_HELP)
@click.option("--by", help=BY_HELP)
def signatory_admin_revoke(ident, date, reason, keys, by):
    """Revoke an admin key (signed by the current admins)."""
    _texts(reason=reason)
    from ..trust.registry import with_revoked_admin

    def mutate(base, today):
        return with_revoked_admin(base, ident, optional_day(date, "--date") or today, reason)

    return _change(mutate, keys, by, f"Revoke admin key {ident}", f"Revoked admin key {ident}")


@signatory.command("threshold")
@click.argument("count", type=click.IntRange(min=1))
@click.option("--key", "keys", multiple=True, required=True, type=click.Path(dir_okay=False), help=KEY_HELP)
@click.option("--by", help=BY_HELP)
def signatory_threshold(count, keys, by):
    """Set how many distinct admin keys must sign a registry change (signed under the current threshold)."""
    return _change(
        lambda base, today: {"threshold": count},
        keys,
        by,
        f"Set the registry threshold to {count}",
        f"Threshold set to {count}",
    )


def _registry_summary(state) -> dict:
    r = state.current
    return {
        "serial": r.serial,
        "sha256": r.sha256,
        "date": r.date.isoformat(),
        "threshold": r.threshold,
        "trusted": state.head_trusted,
        "trust_anchor": f"sha256:{state.anchor}" if state.anchor else None,
        "admins": [a.as_dict() for a in r.admins],
    }


def _listing_state():
    workspace = _workspace()
    state = _state(workspace)
    if state.current is None:
        state.require_current()
    if not state.head_trusted:
        click.echo(
            f"warning: the registry in the current commit does not count ({state.problems[0].message}); "
            f"showing the last signed one (serial {state.current.serial})",
            err=True,
        )
    return state


@signatory.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def signatory_list(as_json):
    """List the signatories of the registry in force."""
    state = _listing_state()
    today = _today()
    registry = state.current
    sitting = registry.sitting_college(today)
    if as_json:
        emit_json(
            {
                "registry": _registry_summary(state),
                "signatories": [
                    {
                        **s.as_dict(today),
                        "sitting": sitting is not None and s.id == sitting.id,
                        "active": s.active_on(today),
                    }
                    for s in registry.signatories
                ],
            }
        )
        return 0
    click.echo(
        f"registry serial {registry.serial} ({registry.date}), {len(registry.admins)} admin key(s), "
        f"threshold {registry.threshold}"
    )
    if not registry.signatories:
        click.echo("no signatories yet; add one with `akkoord signatory add ID --name N --kind K --key ADMIN_KEY`")
        return 0
    width = max(len(s.id) for s in registry.signatories)
    for s in registry.signatories:
        flags = []
        if sitting is not None and s.id == sitting.id:
            flags.append("sitting")
        elif not s.active_on(today):
            flags.append("retired" if s.retired and s.retired <= today else "historic" if s.term_end else "inactive")
        valid = sum(
            1
            for k in s.keys
            if s.key_window(k)[0] <= today and (s.key_window(k)[1] is None or today < s.key_window(k)[1])
        )
        keys = f"{valid} key{'s' if valid != 1 else ''}"
        click.echo(
            f"{s.id:<{width}}  {s.kind:<12}  {_term(s):<23}  {keys:<7}  {printable(s.name)}"
            + (f"  ({', '.join(flags)})" if flags else "")
        )
    return 0


@signatory.command("show")
@click.argument("ident", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def signatory_show(ident, as_json):
    """Show signatory ID: kind, term, succession and keys with their windows."""
    from ..trust.registry import DAY

    state = _listing_state()
    today = _today()
    registry = state.current
    s = registry.signatory(ident)
    if s is None:
        admin = registry.admin(ident)
        if admin is None:
            registry.require(ident)
        if as_json:
            emit_json({"admin_key": {**admin.as_dict(), "state": admin.state_on(today)}})
        else:
            click.echo(
                f"{admin.id}: admin key ({printable(admin.name)}) {admin.fingerprint} {admin.public.label}, {admin.state_on(today)}"
            )
        return 0
    sitting = registry.sitting_college(today)
    successors = [c.id for c in registry.colleges() if c.succeeds == s.id]
    if as_json:
        emit_json(
            {
                **s.as_dict(today),
                "sitting": sitting is not None and s.id == sitting.id,
                "active": s.active_on(today),
                "succeeded_by": successors,
            }
        )
        return 0
    click.echo(f"{s.id}: {printable(s.name)}")
    click.echo(f"  kind       {s.kind}")
    if s.is_college:
        state_word = (
            "sitting"
            if sitting is not None and s.id == sitting.id
            else ("in office" if s.active_on(today) else "historic")
        )
        click.echo(f"  term       {_term(s)} ({state_word})")
        if s.succeeds:
            click.echo(f"  succeeds   {s.succeeds}")
        if successors:
            click.echo(f"  succeeded by {', '.join(successors)}")
    if s.retired:
        click.echo(f"  retired    {s.retired}")
    if not s.keys:
        click.echo("  keys       none (its decisions can only be recorded as attested)")
    for k in s.keys:
        start, end = s.key_window(k)
        window = f"{start} – {(end - DAY) if end else 'open'}"
        extra = f", revoked {k.revoked}" + (f" ({k.reason})" if k.reason else "") if k.revoked else ""
        click.echo(f"  key        {k.fingerprint} {k.public.label}  valid {window}{extra}  [{k.state_on(today)}]")
    return 0


# endorse / attest ----------------------------------------------------------------------------------
@click.command()
@click.argument("ref", metavar="REF")
@click.option("--as", "as_", required=True, metavar="SIGNATORY", help="The signatory you sign for.")
@click.option(
    "--key", required=True, type=click.Path(dir_okay=False), help="Your private SSH key (or a .pub held by ssh-agent)."
)
@click.option("--decision", type=click.Choice(["endorse", "decline", "withdraw"]), default="endorse", show_default=True)
@click.option("--mandate", help="What authorises this decision (e.g. collegebesluit 2026/123).")
@click.option("--comment", help="A short explanation, published with the statement.")
@click.option("--by", help=BY_HELP)
def endorse(ref, as_, key, decision, mandate, comment, by):
    """Sign, as SIGNATORY, your decision about version REF, dated today, and commit it."""
    _texts(mandate=mandate, comment=comment)
    from ..trust.endorsements import endorse as do_endorse

    workspace = _workspace(write=True)
    state = _state(workspace)
    registry = state.require_current()
    who = registry.require(as_)
    created = do_endorse(
        workspace,
        state,
        ref=ref,
        signatory_id=as_,
        key_path=key,
        decision=decision,
        mandate=mandate,
        comment=comment,
        today=_today(),
        by=_actor(workspace, by, who.name, who.id, prefer_fallback=True),
    )
    s = created.statement
    click.echo(
        f"{printable(who.name)} ({who.id}): {decision} version {created.version.label} on {s.get('date')} "
        f"(statement {s.seq} of its chain)"
    )
    click.echo(f"  text_sha256 {created.version.text_sha256}")
    click.echo(f"  {s.path} (+ .sig), commit {created.commit[:12]}")
    return 0


@click.command()
@click.argument("ref", metavar="REF")
@click.option("--signatory", required=True, metavar="ID", help="Whose decision is recorded.")
@click.option("--date", "date", required=True, metavar="YYYY-MM-DD", help="The day the decision was made.")
@click.option(
    "--evidence", required=True, help="Where the decision is documented (signed paper, collegebesluit, minutes)."
)
@click.option("--key", required=True, type=click.Path(dir_okay=False), help="Private SSH key of a registry admin.")
@click.option("--decision", type=click.Choice(["endorse", "decline", "withdraw"]), default="endorse", show_default=True)
@click.option("--mandate", help="What authorised the decision.")
@click.option("--comment", help="A short explanation.")
@click.option("--by", help=BY_HELP)
def attest(ref, signatory, date, evidence, key, decision, mandate, comment, by):
    """Record, as a registry admin, a decision made outside the repository (e.g. a signature on paper).

    It is shown as attested by the admin, never as the signatory's own signature."""
    _texts(evidence=evidence, mandate=mandate, comment=comment)
    from ..trust.endorsements import attest as do_attest

    workspace = _workspace(write=True)
    state = _state(workspace)
    created = do_attest(
        workspace,
        state,
        ref=ref,
        signatory_id=signatory,
        key_path=key,
        date=parse_day(date, "--date"),
        evidence=evidence,
        decision=decision,
        mandate=mandate,
        comment=comment,
        today=_today(),
        by=_actor(workspace, by, "akkoord registry admin"),
    )
    s = created.statement
    click.echo(
        f"Attested: {printable(created.signatory.name)} ({created.signatory.id}) {decision} version "
        f"{created.version.label} on {s.get('date')}, recorded by admin key {created.attested_by}"
    )
    click.echo(f"  evidence: {s.get('evidence')}")
    click.echo(f"  {s.path} (+ .sig), commit {created.commit[:12]}")
    return 0


# verify ---------------------------------------------------------------------------------------------
@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {ok, problems: [{code, where, message}], ...}.")
@click.option("--trust-anchor", metavar="FPR", help="The registry fingerprint printed by `akkoord init` (sha256:...).")
def verify(as_json, trust_anchor):
    """Check every signature, the endorsed texts, every chain and the registry's signed history.

    Exit 0 when everything holds, 1 with a list of problems otherwise."""
    from ..trust.verify import verify as run

    workspace = _workspace()
    report = run(workspace, trust_anchor, _today())
    if as_json:
        emit_json(report.as_dict())
        return 0 if report.ok else 1
    reg = report.registry
    own = sum(1 for c in report.statements if c.verified and c.statement.kind == "endorsement")
    attested = sum(1 for c in report.statements if c.verified and c.statement.kind == "attestation")
    if reg.current is not None:
        click.echo(
            f"registry: serial {reg.current.serial}, {reg.changes} signed change(s) since the trust anchor "
            f"sha256:{reg.anchor}" + (" (pinned)" if trust_anchor else "")
        )
    elif reg.head is None:
        click.echo("registry: none (start one with `akkoord signatory init --admin-key PUBFILE`)")
    click.echo(
        f"statements: {own} signed by their signatories, {attested} attested by admins, "
        f"{len(report.statements) - own - attested} failing"
    )
    for item in report.statements:
        for note in item.notes:
            click.echo(printable(f"note: {item.statement.path}: {note}"))
    for notice in report.notices:
        click.echo(printable(f"note: {notice}"))
    if report.ok:
        click.echo(f"OK: everything verifies (commit {report.head[:12]})")
        return 0
    click.echo(f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''}:")
    for problem in report.problems:
        click.echo(printable(f"  - {problem.where}: {problem.message}"))
    return 1


# endorsements / since ----------------------------------------------------------------------------------
_CELL = {
    "endorsed": "endorsed",
    "declined": "declined",
    "withdrawn": "withdrawn",
    "pending": "pending",
    "historic": "historic",
    "none": "—",
}


@click.command()
@click.argument("ref", metavar="[REF]", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def endorsements(ref, as_json):
    """Who endorsed which version: signatories × versions, with the sitting college's decision."""
    from ..trust.status import matrix
    from ..trust.verify import verify as run

    workspace = _workspace()
    today = _today()
    report = run(workspace, None, today)
    if report.registry.current is None:
        report.registry.require_current()
    data = matrix(workspace, report, today, ref)
    if ref is not None and not data["versions"]:
        known = ", ".join(v["label"] for v in matrix(workspace, report, today)["versions"]) or "none"
        raise AkkoordError(f"REF {ref!r} is not a version (versions: {known})")
    if as_json:
        emit_json(data)
        return 0
    _print_matrix(data, report)
    return 0


def _print_matrix(data, report) -> None:
    signatories = data["signatories"]
    versions = data["versions"]
    if not versions:
        click.echo("no versions yet; create one with `akkoord version create LABEL`")
        return
    attested = {}  # (signatory, version) -> whether its standing verified decision is attested
    for v in versions:
        for e in sorted(
            (e for e in v["endorsements"] if e["verified"]), key=lambda e: (e["date"], e.get("recorded") or "")
        ):
            attested[(e["signatory"], v["label"])] = e["attested"]
    width = max([len("signatory")] + [len(s["id"]) + (10 if s["sitting"] else 0) for s in signatories])
    headers = [v["label"] + (" (current)" if v["current"] else "") for v in versions]
    col = max([12] + [len(h) + 2 for h in headers])
    click.echo(f"{'signatory':<{width}}  " + "".join(f"{h:<{col}}" for h in headers) + "name")
    for s in signatories:
        label = s["id"] + (" (sitting)" if s["sitting"] else "")
        cells = []
        for v in versions:
            state = v["states"].get(s["id"], "none")
            text = _CELL[state]
            if state in ("endorsed", "declined", "withdrawn") and attested.get((s["id"], v["label"])):
                text += "*"
            cells.append(f"{text:<{col}}")
        click.echo(f"{label:<{width}}  " + "".join(cells) + printable(s["name"]))
    if any(attested.values()):
        click.echo(
            "* attested: recorded by a registry admin from evidence (e.g. a signature on paper), "
            "not signed by the signatory itself"
        )
    current = data["current"]
    if current["label"]:
        if current["sitting_college"]:
            decision = current["sitting_college_decision"]
            name = printable(next(s["name"] for s in signatories if s["id"] == current["sitting_college"]))
            if decision == "pending":
                click.echo(
                    f"Current version {current['label']}: the sitting college, {name}, has not yet decided "
                    "whether it endorses it (pending)."
                )
            else:
                click.echo(f"Current version {current['label']}: the sitting college, {name}, has {decision} it.")
        else:
            click.echo(f"Current version {current['label']}: no college is in office today.")
    unverified = sum(1 for v in versions for e in v["endorsements"] if not e["verified"])
    if unverified or not report.ok:
        click.echo(
            f"warning: {unverified} statement(s) do not verify and are not counted; "
            f"run `akkoord verify` ({len(report.problems)} problem(s))"
        )


@click.command()
@click.argument("signatory_id", metavar="SIGNATORY")
@click.option("--json", "as_json", is_flag=True, help="Print the redline as JSON.")
@click.option("--all", "show_all", is_flag=True, help="Show unchanged clauses too.")
@click.option("--color/--no-color", default=None, help="Colours (default: when writing to a terminal).")
def since(signatory_id, as_json, show_all, color):
    """What changed from the version SIGNATORY last endorsed to the current version."""

    from ..model.document import Document
    from ..ops.align import compute
    from ..ops.redline import Side
    from ..storage.versions import versions
    from ..trust.status import last_endorsed
    from ..trust.verify import verify as run

    workspace = _workspace()
    report = run(workspace, None, _today())
    registry = report.registry.current or report.registry.require_current()
    who = registry.require(signatory_id)
    found = versions(workspace)
    if not found:
        raise AkkoordError("there are no versions yet; create one with `akkoord version create LABEL`")
    label = last_endorsed(report, who.id, [v.label for v in found])
    current = found[-1]
    if label is None:
        raise AkkoordError(
            f"{who.name} ({who.id}) has endorsed no version (with a statement that verifies); "
            f"to read the whole current text: `akkoord show {current.label}`"
        )
    old = next(v for v in found if v.label == label)

    def side(v):
        doc = Document.from_bytes(workspace.text_at(v.commit), f"version {v.label}")
        return doc, Side(
            ref=v.label, label=v.label, text_sha256=v.text_sha256, title=doc.title, lang=doc.lang, doc_id=doc.id
        )

    old_doc, old_side = side(old)
    new_doc, new_side = side(current)
    result = compute(old_doc, new_doc, old_side, new_side)
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
        f"{printable(who.name)} ({who.id}) last endorsed version {old.label}; the current version is {current.label}."
    )
    if old.label == current.label:
        click.echo("Nothing has changed since.")
        return 0
    from ..present.term import render

    color = use_color(color)
    click.echo(render(result, color=color, include_unchanged=show_all), nl=False)
    return 0
