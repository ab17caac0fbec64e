"""Helpers shared by the CLI commands: output formatting and option types."""

from __future__ import annotations

import json
import sys

import click


def emit_json(data) -> None:
    """Print `data` as pretty, stable JSON (UTF-8, keys in given order)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def write_output(data: bytes | str, output: str | None) -> None:
    """Write to the file `output` atomically, or to stdout when it is None or '-'."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from ..storage.files import write_atomic

    write_atomic(output, data)
