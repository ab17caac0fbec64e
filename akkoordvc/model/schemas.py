"""Locating and loading the project's XML schemas (`schemas/*.xsd`), each loaded once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import AkkoordError

_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "schemas",  # source checkout / editable install
    Path(__file__).resolve().parents[1] / "schemas",  # packaged beside the code
)


def schema_path(name: str) -> Path:
    for folder in _CANDIDATES:
        path = folder / name
        if path.is_file():
            return path
    raise AkkoordError.keyed("input.schema_missing", name=name)


@cache
def load(name: str) -> etree.XMLSchema:
    """The compiled XSD `name` (e.g. "akkoord.xsd")."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(schema_path(name)), parser))
