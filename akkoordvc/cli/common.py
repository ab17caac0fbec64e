"""Helpers shared by the CLI commands: output formatting and option types."""

from __future__ import annotations

import json
import sys

import click


def emit_json(data) -> None:
    """Print `data` as pretty, stable JSON (UTF-8, keys in given order)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def read_file(path: str) -> bytes:
    """The bytes of the file at `path`, or one clear line saying why it cannot be read."""
    from ..errors import AkkoordError

    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise AkkoordError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise AkkoordError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise AkkoordError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:  # e.g. a file name too long
        raise AkkoordError(f"{path}: cannot read: {exc.strerror or exc}; check the path") from None


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
