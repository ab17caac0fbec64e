"""Where amendments live in the repository, and how their ids and event file names are made.

Every amendment has a folder of its own and every event a file of its own, so two clones that propose
or decide touch different paths and `git pull` merges them without conflicts."""

from __future__ import annotations

import hashlib

from ...errors import RepositoryError
from ...messages import Message
from ...model import canonical
from ...model.strings import slug
from ...ops import amendments as ops
from ...ops.amendments import Event, Person
from ..gitrepo import Identity
from ..workspace import Workspace

FOLDER = "amendments"


RECORD = "amendment.xml"


EVENTS = "events"


README = f"{FOLDER}/README.md"


CHANGE = "amendment"


def readme_text(workspace: Workspace) -> bytes:
    """The README of the amendments folder, in the agreement's language (written when the folder gets one)."""
    return workspace.in_text_language(Message("store.readme.amendments")).encode("utf-8")


def person(identity: Identity) -> Person:
    return Person(identity.name, identity.email)


def record_path(ident: str) -> str:
    return f"{FOLDER}/{ident}/{RECORD}"


def event_path(ident: str, event: Event, salt: str = "") -> str:
    """Where an event is stored; `salt` (the commit it follows) tells apart an event identical to one already
    recorded (the same person deciding the same way at the same time, e.g. deciding a contest again)."""
    data = canonical.to_bytes(ops.event_to_xml(event)) + salt.encode("ascii")
    stamp = event.at.replace("-", "").replace(":", "")
    return f"{FOLDER}/{ident}/{EVENTS}/{stamp}-{event.status}-{hashlib.sha256(data).hexdigest()[:8]}.xml"


def new_event_path(workspace: Workspace, ident: str, event: Event) -> str:
    """The path of a new event: never that of an event already there (which would add nothing)."""
    path = event_path(ident, event)
    head = workspace.head()
    if workspace.repo.read(head, path) is not None:
        path = event_path(ident, event, head)
    return path


def new_id(date: str, title: str, seed: bytes, taken: set[str]) -> str:
    digest = hashlib.sha256(seed).hexdigest()
    for length in (6, 8, 10, 12, 16, 64):
        ident = f"{date}-{slug(title, 40) or 'amendement'}-{digest[:length]}"
        if ident not in taken:
            return ident
    raise RepositoryError.keyed("store.no_free_id", title=repr(title))


def event_bytes(event: Event) -> bytes:
    return canonical.to_bytes(ops.event_to_xml(event))
