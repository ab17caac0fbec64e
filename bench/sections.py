"""Each benchmark besides bench/run.py writes its own section of BENCHMARKS.md, between two markers."""

from __future__ import annotations

from pathlib import Path


def write_section(section: str, path: Path, start: str, end: str) -> None:
    """Put `section` (which begins with `start` and ends with `end`) in place of the old one, or append it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section.rstrip("\n") + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")
