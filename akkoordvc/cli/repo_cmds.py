"""Commands on the repository: init, version, log, commit, status."""

from __future__ import annotations

from typing import Any

import click

from .common import actor_outside_repository, by_option, emit_json, open_workspace
from .language import follow_repository, say

_EMPTY = """<?xml version="1.0" encoding="UTF-8"?>
<agreement id="{id}" lang="{lang}">
  <meta>
    <title>{title}</title>
  </meta>
  <body/>
</agreement>
"""


@click.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--from", "from_file", type=click.Path(dir_okay=False), help="Start from this agreement XML file.")
@click.option("--id", "doc_id", default="akkoord", show_default=True, help="Id of a new, empty agreement.")
@click.option("--title", default="Nieuw akkoord", show_default=True, help="Title of a new, empty agreement.")
@click.option("--lang", default="nl", show_default=True, help="Language of a new, empty agreement.")
@by_option()
@click.option(
    "--admin-key",
    "admin_keys",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Public SSH key of a registry admin (repeatable); starts the signatory registry.",
)
@click.option(
    "--threshold",
    type=click.IntRange(min=1),
    default=None,
    help="How many distinct admin keys must sign a registry change (default 1).",
)
@click.option("--date", "date", help="Date of the initial commit (YYYY-MM-DD; default now).")
def init(
    directory: str,
    from_file: str | None,
    doc_id: str,
    title: str,
    lang: str,
    by: str | None,
    admin_keys: tuple[str, ...],
    threshold: int | None,
    date: str | None,
) -> int:
    """Create a new agreement repository in DIRECTORY."""
    from xml.sax.saxutils import escape, quoteattr

    from ..model.dates import noon, parse_day
    from ..model.reading import read_input
    from ..model.xmlparse import check_text
    from ..storage.workspace import initialise

    check_text(title, "--title", line=True, limit=4000)
    check_text(doc_id, "--id", line=True, limit=200)
    check_text(lang, "--lang", line=True, limit=200)
    if from_file:
        text = read_input(from_file)
        source = from_file
    else:
        text = _EMPTY.format(id=quoteattr(doc_id)[1:-1], lang=quoteattr(lang)[1:-1], title=escape(title)).encode()
        source = say("output.new_agreement")
    actor = actor_outside_repository(by)
    extra: dict[str, bytes] = {}
    if threshold is not None and not admin_keys:
        raise click.UsageError(say("output.usage.threshold_needs_admin"))
    anchor = None
    if admin_keys:
        from ..trust.changes import genesis_files

        extra, anchor = genesis_files(list(admin_keys), threshold or 1, actor)
    timestamp = noon(parse_day(date)) if date else None
    workspace, commit = initialise(directory, text, source, actor, extra, timestamp=timestamp)
    follow_repository(workspace.root)
    click.echo(say("repo.initialised", root=workspace.root, commit=commit[:12]))
    if anchor:
        click.echo(say("repo.anchor", anchor=anchor))
    return 0


@click.group()
def version() -> None:
    """Create and list versions (named, frozen texts)."""


@version.command("create")
@click.argument("label")
@click.option("-m", "--message", help="What this version is (default: 'Version LABEL').")
@click.option("--date", help="The version's date, YYYY-MM-DD (default: today).")
@click.option(
    "--key",
    "keys",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Private SSH key of a registry admin: with a signatory registry, a version is an admin-signed record.",
)
@by_option()
def version_create(label: str, message: str | None, date: str | None, keys: tuple[str, ...], by: str | None) -> int:
    """Freeze the current text as version LABEL, consolidating every accepted amendment."""
    from ..model.dates import today
    from ..model.xmlparse import check_text
    from ..storage.amendment_store import consolidation_for_version
    from ..trust.versions import freeze

    check_text(message, "--message")
    workspace = open_workspace(write=True)
    actor = workspace.actor(by)
    text, changes, ids = consolidation_for_version(workspace, label, actor, date)
    options: dict[str, Any] = {"message": message, "date": date}
    if text is not None or changes or ids:
        options.update(text=text, extra_changes=changes, amendments=ids)
    created, signed = freeze(workspace, label, by=actor, key_paths=list(keys), today=today(), **options)
    held = (
        say("repo.created.consolidating", count=len(created.amendments), ids=" ".join(created.amendments))
        if created.amendments
        else ""
    )
    click.echo(say("repo.created", label=created.label, date=created.date, commit=created.commit[:12]) + held)
    click.echo(f"text_sha256 {created.text_sha256}")
    if signed is not None:
        from ..present.trust import committed

        for line in committed(signed, say("repo.version_record_signed")):
            click.echo(line)
    return 0


@version.command("rename")
@click.argument("old")
@click.argument("new")
def version_rename(old: str, new: str) -> int:
    """Give version OLD, made in this clone and never shared, the label NEW (another clone claimed OLD first).

    Refused while a statement names OLD or a remote already has it."""
    from ..trust.rename import rename

    done = rename(open_workspace(write=True), old, new)
    click.echo(say("repo.version.renamed", old=old, new=new, commit=done.tag.commit[:12]))
    if done.record is not None:
        click.echo(say("repo.version.renamed_record", record=done.record.short, new=new))
        click.echo(say("repo.version.renamed_next", new=new))
    return 0


@version.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def version_list(as_json: bool) -> int:
    """List versions, oldest first."""
    return _print_log(as_json)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def log(as_json: bool) -> int:
    """List versions oldest first: label, date, message, commit, tag, text_sha256."""
    return _print_log(as_json)


def _print_log(as_json: bool) -> int:
    from ..storage.versions import versions

    found = versions(open_workspace())
    if as_json:
        emit_json([v.as_dict() for v in found])
        return 0
    if not found:
        click.echo(say("repo.no_versions"))
        return 0
    for v in found:
        held = say("repo.log.amendments", ids=" ".join(v.amendments)) if v.amendments else ""
        click.echo(
            f"{v.label:<12} {v.date}  {v.commit[:12]}  {v.text_sha256[:16]}  {v.message.splitlines()[0] if v.message else ''}{held}"
        )
    return 0


@click.command()
@click.option("-m", "--message", required=True, help="What the editorial change does.")
@by_option()
def commit(message: str, by: str | None) -> int:
    """Record edits to akkoord.xml as an explicit editorial change (not an amendment)."""
    from ..model.xmlparse import check_text

    check_text(message, "--message")
    workspace = open_workspace(write=True)
    sha = workspace.commit_editorial(message, workspace.actor(by))
    click.echo(say("repo.committed", commit=sha[:12], message=message))
    return 0


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def status(as_json: bool) -> int:
    """Where the text stands and what is waiting: amendments, decisions, signatories, edits in the work tree."""
    from ..model.dates import today
    from ..present.waiting import waiting_lines
    from ..trust.anchor import remembered
    from ..trust.waiting import waiting

    workspace = open_workspace()
    found = waiting(workspace, today(), remembered(workspace))
    if as_json:
        emit_json(found.as_dict())
        return 0
    click.echo("\n".join(waiting_lines(found)))
    return 0
