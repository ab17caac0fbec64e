"""Commands on documents: validate, fmt, show."""

from __future__ import annotations

import sys

import click

from ..errors import AkkoordError
from ..messages import counted
from ..model.reading import read_input
from .common import emit_json
from .language import say


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate(files):
    """Check agreement FILEs against the schema and the extra rules; print every problem as file:line: message."""
    from ..model.validate import problems
    from ..model.xmlparse import parse_file

    count = 0
    for path in files:
        try:
            root = parse_file(path)
        except AkkoordError as exc:
            click.echo(exc.message)
            count += 1
            continue
        for problem in problems(root):
            click.echo(problem.format(path))
            count += 1
    if count:
        return 1
    click.echo(counted("document.valid", len(files)))
    return 0


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--check", is_flag=True)
def fmt(files, check):
    """Rewrite FILEs in canonical form (same content, same bytes)."""
    from ..model.canonical import to_bytes
    from ..model.xmlparse import check_vocabulary, parse_bytes
    from ..storage.files import write_atomic

    not_canonical = []
    rewritten = {}
    for path in files:  # every file is read and checked before any is written: bad input changes nothing
        data = read_input(path)
        root = check_vocabulary(parse_bytes(data, path), path)
        new = to_bytes(root)
        if new != data:
            not_canonical.append(path)
            rewritten[path] = new
    if not check:
        for path, new in rewritten.items():
            write_atomic(path, new)
    if check:
        for path in not_canonical:
            click.echo(say("document.not_canonical", path=path))
        if not_canonical:
            return 1
        click.echo(counted("document.canonical", len(files)))
        return 0
    for path in not_canonical:
        click.echo(say("document.formatted", path=path), err=True)
    return 0


@click.command()
@click.argument("ref", required=False, default="working")
@click.option("--clause", "clause_id", metavar="ID")
@click.option("--toc", is_flag=True)
@click.option("--format", "fmt_", type=click.Choice(["text", "xml", "json"]), default="text", show_default=True)
def show(ref, clause_id, fmt_, toc):
    """Show the text of REF (a version label, git revision, 'working', or an XML file), one clause of it, or its
    table of contents."""
    from ..model import canonical, names
    from ..storage.refs import resolve

    if toc and clause_id:
        raise click.UsageError(say("document.toc_or_clause"))
    if toc and fmt_ == "xml":
        raise click.UsageError(say("document.toc_not_xml"))
    resolved = resolve(ref)
    doc = resolved.document
    if doc.root.tag != names.AGREEMENT:
        raise AkkoordError.keyed("document.not_agreement", ref=ref, tag=str(doc.root.tag), expected=names.AGREEMENT)
    if toc:
        from ..present.toc import toc_data, toc_lines

        if fmt_ == "json":
            emit_json({"ref": ref, "label": resolved.label, "clauses": toc_data(doc)})
        else:
            title = say("document.toc_title", title=doc.title, ref=resolved.label or ref)
            click.echo("\n".join(toc_lines(doc, title)))
        return 0
    if clause_id:
        from ..model.clauses import find_clause

        clause = find_clause(doc.clauses, clause_id, ref)
        if fmt_ == "xml":
            sys.stdout.write(canonical.to_string(clause.element))
        elif fmt_ == "json":
            data = clause.as_dict()
            data.update({"ref": ref, "label": resolved.label, "sha256": clause.sha256})
            emit_json(data)
        else:
            from ..present.text import clause_text

            click.echo(clause_text(clause))
        return 0
    if fmt_ == "xml":
        sys.stdout.buffer.write(resolved.data if resolved.kind != "file" else doc.to_bytes())
        sys.stdout.flush()
    elif fmt_ == "json":
        data = doc.as_dict(ref)
        data["label"] = resolved.label
        data["commit"] = resolved.commit
        data["text_sha256"] = resolved.text_sha256 if resolved.kind != "file" else doc.text_sha256
        emit_json(data)
    else:
        from ..present.text import document_text

        click.echo(document_text(doc, resolved.label), nl=False)
    return 0
