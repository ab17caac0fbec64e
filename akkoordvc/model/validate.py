"""The one validator of agreement documents: the XSD plus the rules XSD cannot express.

Returns problems as data (`Problem(line, message)`); callers decide how to show them.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from . import names, schemas
from .strings import normalize_space


class Problem(NamedTuple):
    line: int
    message: str

    def format(self, source: str) -> str:
        return f"{source}:{self.line}: {self.message}"


def _schema_problems(root: etree._Element, schema_name: str) -> list[Problem]:
    schema = schemas.load(schema_name)
    if schema.validate(root):
        return []
    problems = []
    for entry in schema.error_log:
        message = entry.message
        problems.append(Problem(entry.line or 0, message))
    return problems


def _rule_problems(root: etree._Element) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for element in root.iter(names.DIVISION, names.CLAUSE):
        ident = element.get(names.ID)
        line = element.sourceline or 0
        if ident is None:
            continue  # reported by the schema
        if ident in seen:
            problems.append(
                Problem(line, f"duplicate id {ident!r} (first used on line {seen[ident]}); every id must be unique")
            )
        else:
            seen[ident] = line
        if element.tag == names.CLAUSE:
            num = element.get(names.NUM)
            if num is not None and not normalize_space(num):
                problems.append(Problem(line, f"clause {ident!r} has a blank num; every clause must be numbered"))
    if root.get(names.ID) in seen:
        problems.append(Problem(root.sourceline or 0, f"document id {root.get(names.ID)!r} is also used by an element"))
    for ref in root.iter(names.REF):
        href = ref.get(names.HREF, "")
        if href.startswith("#") and href[1:] not in seen:
            problems.append(Problem(ref.sourceline or 0, f"reference to unknown id {href!r}"))
    return problems


def problems(root: etree._Element) -> list[Problem]:
    """Every problem of an agreement document, schema first, in line order."""
    if root.tag != names.AGREEMENT:
        return [Problem(root.sourceline or 0, f"root element is <{root.tag!s}>, expected <{names.AGREEMENT}>")]
    found = _schema_problems(root, "akkoord.xsd")
    found.extend(_rule_problems(root))
    return sorted(found, key=lambda p: p.line)


def schema_problems(root: etree._Element, schema_name: str) -> list[Problem]:
    """Problems of a document of another vocabulary against its XSD (amendments, registry)."""
    return _schema_problems(root, schema_name)
