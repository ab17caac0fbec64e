"""The one validator of agreement documents: the XSD plus the rules XSD cannot express.

Returns problems as data (`Problem(line, said)`, `said` a catalogue `Message`); callers decide how to show them.
The schema's findings are libxml2's English sentences: the common ones are read into catalogue messages (whose
English is libxml2's sentence), any other is kept as it is.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from ..messages import Message
from . import names, schemas
from .strings import normalize_space


class Problem(NamedTuple):
    line: int
    said: Message

    @property
    def message(self) -> str:
        """What is wrong, in words (in the language of the moment)."""
        return str(self.said)

    def format(self, source: str) -> str:
        return f"{source}:{self.line}: {self.message}"


_ELEMENT = r"Element '(?P<element>[^']+)'"
_ATTRIBUTE = _ELEMENT + r", attribute '(?P<attribute>[^']+)'"
#: libxml2's sentences of the schema's findings -> the catalogue key that says the same
_SCHEMA_SENTENCES = tuple(
    (re.compile(pattern + "$", re.DOTALL), f"input.schema.{key}")
    for pattern, key in (
        (_ATTRIBUTE + r": The attribute '(?P=attribute)' is not allowed\.", "attribute_not_allowed"),
        (_ELEMENT + r": The attribute '(?P<attribute>[^']+)' is required but missing\.", "attribute_missing"),
        (_ELEMENT + r": This element is not expected\. Expected is (?P<expected>.+)\.", "not_expected"),
        (_ELEMENT + r": This element is not expected\.", "unexpected"),
        (_ELEMENT + r": Missing child element\(s\)\. Expected is (?P<expected>.+)\.", "missing_child"),
        (
            _ELEMENT + r": Character content other than whitespace is not allowed because the content type is "
            r"'element-only'\.",
            "loose_text",
        ),
        (
            _ATTRIBUTE + r": \[facet 'pattern'\] The value '(?P<value>.*)' is not accepted by the pattern "
            r"'(?P<pattern>.*)'\.",
            "pattern",
        ),
        (
            _ATTRIBUTE + r": \[facet 'enumeration'\] The value '(?P<value>.*)' is not an element of the set "
            r"\{(?P<allowed>.*)\}\.",
            "enumeration",
        ),
        (_ATTRIBUTE + r": '(?P<value>.*)' is not a valid value of the atomic type 'xs:date'\.", "date"),
        (_ATTRIBUTE + r": '(?P<value>.*)' is not a valid value of the atomic type '(?P<type>[^']+)'\.", "type"),
    )
)


#: attributes whose values are ids (a pattern they break is said as "not a valid id")
_IDS = frozenset({names.ID})


def schema_sentence(libxml_message: str) -> Message:
    """A finding of the schema as a catalogue message (libxml2's own sentence when the catalogue has no words
    for it)."""
    for pattern, key in _SCHEMA_SENTENCES:
        found = pattern.match(libxml_message)
        if found:
            if key == "input.schema.pattern" and found.group("attribute") in _IDS:
                key = "input.schema.id_pattern"
            return Message(key, **found.groupdict())
    return Message("input.schema.other", detail=libxml_message)


def _schema_problems(root: etree._Element, schema_name: str) -> list[Problem]:
    schema = schemas.load(schema_name)
    if schema.validate(root):
        return []
    problems = []
    for entry in schema.error_log:
        problems.append(Problem(entry.line or 0, schema_sentence(entry.message)))
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
            problems.append(Problem(line, Message("input.valid.duplicate_id", id=ident, first=seen[ident])))
        else:
            seen[ident] = line
        if element.tag == names.CLAUSE:
            num = element.get(names.NUM)
            if num is not None and not normalize_space(num):
                problems.append(Problem(line, Message("input.valid.blank_num", id=ident)))
    if root.get(names.ID) in seen:
        problems.append(Problem(root.sourceline or 0, Message("input.valid.document_id_used", id=root.get(names.ID))))
    for ref in root.iter(names.REF):
        href = ref.get(names.HREF, "")
        if href.startswith("#") and href[1:] not in seen:
            problems.append(Problem(ref.sourceline or 0, Message("input.valid.unknown_ref", id=href)))
    return problems


def problems(root: etree._Element) -> list[Problem]:
    """Every problem of an agreement document, schema first, in line order."""
    if root.tag != names.AGREEMENT:
        said = Message("input.valid.root", tag=str(root.tag), expected=names.AGREEMENT)
        return [Problem(root.sourceline or 0, said)]
    found = _schema_problems(root, "akkoord.xsd")
    found.extend(_rule_problems(root))
    return sorted(found, key=lambda p: p.line)


def schema_problems(root: etree._Element, schema_name: str) -> list[Problem]:
    """Problems of a document of another vocabulary against its XSD (amendments, registry)."""
    return _schema_problems(root, schema_name)
