"""The amendment record: the operations with who proposed them, why, on which base, and the status history
(`Event`s). `to_xml`/`from_xml` convert it to and from the amendment vocabulary of `schemas/amendment.xsd`;
reading goes through the hardened parser and the XSD."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ...messages import Message
from ...model import amendment_names as an
from ...model import canonical, names
from ...model.document import inline_text
from ...model.strings import normalize_space
from ...model.validate import problems, schema_problems
from ...model.xmlparse import parse_bytes
from .errors import AmendmentFormatError, OperationError
from .operations import Operation, operation_from_xml, touched_clauses
from .patch import describe_target, stale_operations
from .tree import Tree

SCHEMA = "amendment.xsd"


@dataclass(frozen=True)
class Person:
    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email}


@dataclass(frozen=True)
class Base:
    """The text an amendment was drafted against: a commit's text, plus accepted amendments (`on`)."""

    text_sha256: str
    label: str | None = None
    commit: str | None = None
    on: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "commit": self.commit, "text_sha256": self.text_sha256, "on": list(self.on)}

    def describe(self) -> Message:
        """The base in words ("version 2019 (34a555bdeb24)"), shown in the language of the moment."""
        on = "".join(f" + {ident}" for ident in self.on)
        if self.label:
            return Message("amend.base.version", label=self.label, on=on, sha=self.text_sha256[:12])
        if self.commit:
            return Message("amend.base.commit", commit=self.commit[:12], on=on, sha=self.text_sha256[:12])
        return Message("amend.base.text", on=on, sha=self.text_sha256[:12])


@dataclass(frozen=True)
class Event:
    """One step in an amendment's life: who did what, when (UTC, YYYY-MM-DDTHH:MM:SSZ) and why."""

    status: str
    by: Person
    at: str
    revision: int = 1
    reason: str = ""

    def __post_init__(self) -> None:
        if self.status not in an.EVENT_KINDS:
            raise AmendmentFormatError.keyed(
                "ops.unknown_status", status=repr(self.status), known=", ".join(an.EVENT_KINDS)
            )
        object.__setattr__(self, "reason", normalize_space(self.reason or ""))

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "by": str(self.by),
            "at": self.at,
            "revision": self.revision,
            "reason": self.reason or None,
        }


def status_of(history: Iterable[Event]) -> str:
    """The status an amendment has after `history` (in order); a revision makes it proposed again."""
    status = an.PROPOSED
    for event in history:
        status = an.PROPOSED if event.status == an.REVISED else event.status
    return status


@dataclass(frozen=True)
class Amendment:
    title: str
    proposers: tuple[Person, ...]
    date: str
    base: Base
    operations: tuple[Operation, ...]
    id: str | None = None
    revision: int = 1
    source: str = ""
    rationale: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    history: tuple[Event, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", normalize_space(self.title or ""))
        object.__setattr__(self, "source", normalize_space(self.source or ""))
        paragraphs = tuple(p for p in (normalize_space(p) for p in self.rationale) if p)
        object.__setattr__(self, "rationale", paragraphs)
        if not self.title:
            raise AmendmentFormatError.keyed("ops.needs_title")
        if not self.proposers:
            raise AmendmentFormatError.keyed("ops.needs_proposer")
        if not self.operations:
            raise AmendmentFormatError.keyed("ops.needs_operation")

    @property
    def status(self) -> str:
        return status_of(self.history)

    def last(self, status: str) -> Event | None:
        for event in reversed(self.history):
            if event.status == status:
                return event
        return None

    def clauses(self) -> list[str]:
        return touched_clauses(self.operations)

    @property
    def known_id(self) -> str:
        """The id of a recorded amendment (one being drafted has none yet)."""
        if self.id is None:
            raise AmendmentFormatError.keyed("ops.no_id_yet", title=repr(self.title))
        return self.id

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "revision": self.revision,
            "date": self.date,
            "proposers": [str(p) for p in self.proposers],
            "source": self.source or None,
            "rationale": "\n\n".join(self.rationale) or None,
            "supersedes": list(self.supersedes),
            "base": self.base.as_dict(),
            "clauses": self.clauses(),
            "operations": [op.as_dict() for op in self.operations],
            "history": [event.as_dict() for event in self.history],
        }


# --- writing ------------------------------------------------------------------------------------------


def event_to_xml(event: Event) -> etree._Element:
    element = etree.Element(
        an.EVENT,
        {
            an.STATUS: event.status,
            an.BY: event.by.name,
            an.EMAIL: event.by.email,
            an.AT: event.at,
            an.REVISION: str(event.revision),
        },
    )
    if event.reason:
        etree.SubElement(element, an.REASON).text = event.reason
    return element


def to_xml(amendment: Amendment, *, history: bool = True) -> etree._Element:
    """The amendment record as an `amendment` element (with its status history unless `history` is False)."""
    root = etree.Element(an.AMENDMENT)
    if amendment.id:
        root.set(an.ID, amendment.id)
    root.set(an.REVISION, str(amendment.revision))
    root.set(an.DATE, amendment.date)
    etree.SubElement(root, an.TITLE).text = amendment.title
    for person in amendment.proposers:
        etree.SubElement(root, an.PROPOSER, {an.NAME: person.name, an.EMAIL: person.email})
    if amendment.source:
        etree.SubElement(root, an.SOURCE).text = amendment.source
    if amendment.rationale:
        rationale = etree.SubElement(root, an.RATIONALE)
        for paragraph in amendment.rationale:
            etree.SubElement(rationale, an.P).text = paragraph
    for ident in amendment.supersedes:
        etree.SubElement(root, an.SUPERSEDES, {an.AMENDMENT_REF: ident})
    base = etree.SubElement(root, an.BASE, {an.TEXT_SHA256: amendment.base.text_sha256})
    if amendment.base.label:
        base.set(an.LABEL, amendment.base.label)
    if amendment.base.commit:
        base.set(an.COMMIT, amendment.base.commit)
    for ident in amendment.base.on:
        etree.SubElement(base, an.ON, {an.AMENDMENT_REF: ident})
    operations = etree.SubElement(root, an.OPERATIONS)
    for op in amendment.operations:
        operations.append(op.to_xml())
    if history and amendment.history:
        held = etree.SubElement(root, an.HISTORY)
        for event in amendment.history:
            held.append(event_to_xml(event))
    return root


def to_bytes(amendment: Amendment, *, history: bool = True) -> bytes:
    return canonical.to_bytes(to_xml(amendment, history=history))


# --- reading and checking -----------------------------------------------------------------------------


def _schema_check(root: etree._Element, source: str, what: Message) -> None:
    found = schema_problems(root, SCHEMA)
    if found:
        first = found[0]
        more = Message("ops.more", count=len(found) - 1) if len(found) > 1 else ""
        raise AmendmentFormatError.keyed(
            "ops.not_valid", source=source, line=first.line, what=what, said=first.message, more=more, schema=SCHEMA
        )


def _person(element: etree._Element) -> Person:
    return Person(normalize_space(element.get(an.NAME, "")), normalize_space(element.get(an.EMAIL, "")))


def _required(element: etree._Element, name: str, source: str) -> str:
    """An attribute the schema requires (the record was checked against it before it is read)."""
    value = element.get(name)
    if value is None:
        raise AmendmentFormatError.keyed(
            "ops.needs_attribute", source=source, line=element.sourceline or 0, tag=element.tag, name=name
        )
    return value


def _child(element: etree._Element, tag: str, source: str) -> etree._Element:
    """A child the schema requires."""
    found = element.find(tag)
    if found is None:
        raise AmendmentFormatError.keyed(
            "ops.needs_child", source=source, line=element.sourceline or 0, tag=element.tag, child=tag
        )
    return found


def event_from_xml(element: etree._Element, source: str = "<event>") -> Event:
    reason = element.find(an.REASON)
    return Event(
        _required(element, an.STATUS, source),
        Person(normalize_space(element.get(an.BY, "")), normalize_space(element.get(an.EMAIL, ""))),
        _required(element, an.AT, source),
        int(element.get(an.REVISION, "1")),
        inline_text(reason) if reason is not None else "",
    )


def from_xml(root: etree._Element, source: str = "<amendment>") -> Amendment:
    """Read an `amendment` element (checked against the XSD first; errors are one clear line)."""
    if root.tag != an.AMENDMENT:
        advice = Message("ops.use_from_file") if root.tag == names.AGREEMENT else Message("ops.see", schema=SCHEMA)
        raise AmendmentFormatError.keyed(
            "ops.wrong_root", source=source, tag=root.tag, expected=an.AMENDMENT, advice=advice
        )
    _schema_check(root, source, Message("ops.what.amendment"))
    base = _child(root, an.BASE, source)
    rationale = root.find(an.RATIONALE)
    history = root.find(an.HISTORY)
    operations = _child(root, an.OPERATIONS, source)
    ops = tuple(operation_from_xml(op, source) for op in operations if isinstance(op.tag, str))
    return Amendment(
        title=inline_text(root.find(an.TITLE)),
        proposers=tuple(_person(p) for p in root.iterfind(an.PROPOSER)),
        date=_required(root, an.DATE, source),
        base=Base(
            text_sha256=_required(base, an.TEXT_SHA256, source),
            label=base.get(an.LABEL),
            commit=base.get(an.COMMIT),
            on=tuple(_required(on, an.AMENDMENT_REF, source) for on in base.iterfind(an.ON)),
        ),
        operations=ops,
        id=root.get(an.ID),
        revision=int(root.get(an.REVISION, "1")),
        source=inline_text(root.find(an.SOURCE)),
        rationale=tuple(inline_text(p) for p in rationale.iterfind(an.P)) if rationale is not None else (),
        supersedes=tuple(_required(s, an.AMENDMENT_REF, source) for s in root.iterfind(an.SUPERSEDES)),
        history=tuple(event_from_xml(e, source) for e in history.iterfind(an.EVENT)) if history is not None else (),
    )


def parse_amendment(data: bytes, source: str = "<amendment>") -> Amendment:
    """Parse an amendment record (hardened parser, then XSD)."""
    return from_xml(parse_bytes(data, source), source)


def parse_event(data: bytes, source: str = "<event>") -> Event:
    root = parse_bytes(data, source)
    if root.tag != an.EVENT:
        raise AmendmentFormatError.keyed("ops.wrong_root", source=source, tag=root.tag, expected=an.EVENT, advice="")
    _schema_check(root, source, Message("ops.what.event"))
    return event_from_xml(root, source)


def check_against_base(amendment: Amendment, base: etree._Element, source: str = "<amendment>") -> etree._Element:
    """Check that the operations fit their base (every hash matches, every id is right) and that the
    result is a valid agreement; return the amended text. Errors are one line, naming the operation."""
    tree = Tree(copy.deepcopy(base))
    for target, _expected, actual, op in stale_operations(tree, amendment.operations):
        what = describe_target(tree, target, op)
        if actual is None:
            raise AmendmentFormatError.keyed("ops.names_absent", source=source, what=what)
        raise AmendmentFormatError.keyed("ops.base_mismatch", source=source, what=what)
    for number, op in enumerate(amendment.operations, 1):
        try:
            op.apply_to(tree)
        except OperationError as exc:
            raise AmendmentFormatError.keyed(
                "ops.operation_failed", source=source, number=number, operation=op.describe(), said=exc.said
            ) from None
    found = problems(tree.root)
    if found:
        raise AmendmentFormatError.keyed("ops.amended_invalid", source=source, said=found[0].message)
    return tree.root
