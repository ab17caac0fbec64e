"""Signed versions: the admin-signed version record is what a version is; the tag `version/LABEL` is a convenience.

A version record (type `version` in `records/`, see `records`) names the label, the frozen
commit, the SHA-256 of `akkoord.xml` there, the version's day, its message, the amendments it
consolidates and the version record it `follows`. It cannot live in the commit it names, so it
is committed right after it, in the same ref transaction (`storage.versions.create_version`),
and the tag is made from it. Version order and the current version come from the chain of
counting records only; `check` compares the tags with them: a tag that points elsewhere or says
another date is a problem, a missing tag is repaired by `akkoord verify`, and a version tag that
no record signs is not a version.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import RepositoryError
from ..messages import Message
from ..model import canonical
from ..model import registry_names as rn
from ..model.dates import is_day, noon, parse_day
from ..storage.gitrepo import Identity
from ..storage.versions import TAG_PREFIX, Version, check_label, create_version
from ..storage.workspace import Workspace
from . import Problem
from .changes import Committed, signed_record
from .records import Record
from .registry import RegistryState

if TYPE_CHECKING:
    from .texts import Texts


def version_of(record: Record) -> Version:
    """The storage view of a signed version record (text_sha256 as signed; `check` recomputes it)."""
    return Version(
        label=record.get(rn.LABEL),
        date=record.get(rn.DAY),
        message=record.get(rn.MESSAGE),
        commit=record.get(rn.COMMIT),
        tag=TAG_PREFIX + record.get(rn.LABEL),
        text_sha256=record.get(rn.TEXT_SHA256),
        amendments=tuple(record.get(rn.AMENDMENTS)),
        record=record.sha,
    )


def chain(state: RegistryState) -> tuple[list[Record], list[Problem]]:
    """The counting version records in order (each follows the one before it), and what breaks the chain."""
    found: list[Record] = []
    problems: list[Problem] = []
    labels: set[str] = set()
    dag = state.dag
    for record in state.of_type(rn.VERSION):
        follows = record.get(rn.FOLLOWS)
        expected = found[-1].sha if found else None
        why = None
        if not is_day(record.get(rn.DAY)):
            why = Message("registry.version.no_day")
        elif follows != expected:
            why = Message(
                "registry.version.follows",
                follows=str(follows)[:12],
                expected=expected[:12] if expected else Message("registry.none"),
            )
        elif dag is not None and follows and not (dag.ancestors[dag.index[record.sha]] >> dag.index[follows]) & 1:
            why = Message("registry.version.not_after")
        elif record.get(rn.LABEL) in labels:
            why = Message("registry.version.label_taken", label=record.get(rn.LABEL))
        elif found and record.get(rn.DAY) < found[-1].get(rn.DAY):
            why = Message("registry.version.dated_before", day=record.get(rn.DAY), previous=found[-1].get(rn.DAY))
        elif record.get(rn.DAY) > record.date.isoformat():
            why = Message("registry.version.day_after_signing", day=record.get(rn.DAY), signed=record.date)
        if why is not None:
            said = Message("registry.version.chain", label=record.get(rn.LABEL), why=why)
            problems.append(Problem("version-chain", record.path, said))
            continue
        found.append(record)
        labels.add(record.get(rn.LABEL))
    return found, problems


def signed_versions(
    workspace: Workspace, state: RegistryState, texts: Texts | None = None
) -> tuple[list[Version], list[Problem], list[Version]]:
    """(the versions, oldest first; problems with the records and the tags; versions whose tag is missing).

    Without a registry (no records at all) a repository's versions are its tags, unsigned. `texts`: a
    `trust.texts.Texts` to read the versions' texts through (default: one without a persistent cache)."""
    from ..storage.versions import versions
    from .cache import Cache
    from .texts import Texts

    tags = {v.label: v for v in versions(workspace, hashes=bool(not state.records))}
    if not state.records:
        return list(tags.values()), [], []
    records, problems = chain(state)
    texts = texts or Texts(workspace.repo, Cache.none())
    texts.load(r.get(rn.COMMIT) for r in records)
    out: list[Version] = []
    missing: list[Version] = []
    for record in records:
        version = version_of(record)
        text = texts.get(version.commit)
        if text is None or text.sha256 != version.text_sha256:
            problems.append(
                Problem(
                    "version-text",
                    record.path,
                    Message("registry.version.text", label=version.label, commit=version.commit[:12]),
                )
            )
            continue
        tag = tags.pop(version.label, None)
        if tag is None:
            missing.append(version)
        elif tag.commit != version.commit:
            problems.append(
                Problem(
                    "version-tag",
                    f"{TAG_PREFIX}{version.label}",
                    Message("registry.version.tag_moved", tag=tag.commit[:12], commit=version.commit[:12]),
                )
            )
        elif tag.date != version.date:
            problems.append(
                Problem(
                    "version-tag",
                    f"{TAG_PREFIX}{version.label}",
                    Message(
                        "registry.version.tag_redated",
                        tagged=tag.date or Message("registry.nothing"),
                        date=version.date,
                    ),
                )
            )
        out.append(version)
    recorded = {r.get(rn.LABEL) for r in state.records.values() if r.type == rn.VERSION}
    for label, tag in sorted(tags.items()):
        if label in recorded:
            continue  # its record exists but does not count: that record's own problem says why
        problems.append(Problem("version-unsigned", tag.tag, Message("registry.version.unsigned", label=label)))
    return out, problems, missing


def find(state: RegistryState, label: str) -> Record | None:
    """The counting version record of `label`."""
    records, _ = chain(state)
    return next((r for r in records if r.get(rn.LABEL) == label), None)


def create(
    workspace: Workspace,
    state: RegistryState,
    label: str,
    *,
    by: Identity,
    key_paths: list[str],
    today: dt.date,
    message: str | None = None,
    date: str | None = None,
    text: bytes | None = None,
    extra_changes: dict[str, bytes | None] | None = None,
    amendments: tuple[str, ...] = (),
) -> tuple[Version, Committed]:
    """Freeze the text as version `label` with an admin-signed version record (see the module docstring)."""
    check_label(label)
    state.require_current(for_change=True)
    records, _ = chain(state)
    if any(r.get(rn.LABEL) == label for r in records):
        raise RepositoryError.keyed("repo.version_exists", label=label)
    from ..storage.versions import find_version

    tagged = find_version(workspace, label)
    if tagged is not None and (text is not None or extra_changes or amendments):
        raise RepositoryError.keyed("registry.version.tag_exists", label=label)
    day = parse_day(date, "--date") if date else (parse_day(tagged.date) if tagged else today)
    if day > today:
        raise RepositoryError.keyed("registry.version.after_today", day=day, today=today)
    previous = records[-1] if records else None
    if previous is not None and day.isoformat() < previous.get(rn.DAY):
        raise RepositoryError.keyed(
            "registry.version.before_previous", day=day, label=previous.get(rn.LABEL), date=previous.get(rn.DAY)
        )
    made: list[Committed] = []

    def record(commit: str, data: bytes, _day: dt.date) -> tuple[dict[str, bytes | None], str]:
        body = {
            rn.LABEL: label,
            rn.COMMIT: commit,
            rn.TEXT_SHA256: canonical.sha256(data),
            rn.FOLLOWS: previous.sha if previous else None,
            rn.MESSAGE: (message or workspace.in_text_language(Message("commit.version", label=label))).strip(),
            rn.AMENDMENTS: list(amendments),
            rn.DAY: day.isoformat(),
        }
        signed, files, trailer = signed_record(state, rn.VERSION, body, today, key_paths)
        made.append(signed)
        return files, f"{workspace.in_text_language(Message('commit.version_record', label=label))}\n\n{trailer}"

    if tagged is not None:  # a version made before the registry existed: sign its record now
        amendments = amendments or tagged.amendments
        if tagged.commit != workspace.repo.resolve(tagged.commit):
            raise RepositoryError.keyed("registry.version.tag_no_commit", label=label)
        files, commit_message = record(tagged.commit, workspace.text_at(tagged.commit), day)
        result = made[0]
        result.commit = workspace.commit(files, commit_message, "version", by)
        return version_of(result.record), result
    created = create_version(
        workspace,
        label,
        by=by,
        message=message,
        date=day.isoformat(),
        text=text,
        extra_changes=extra_changes,
        amendments=amendments,
        record=record,
    )
    result = made[0]
    result.commit = workspace.head()
    return created, result


def repair_tags(workspace: Workspace, missing: list[Version], by: Identity) -> list[str]:
    """Make the tags of signed versions whose tag is missing (a convenience: the record is the truth)."""
    made = []
    for version in missing:
        message = f"{version.message}\n\nAkkoord-Label: {version.label}\nAkkoord-Date: {version.date}\n"
        message += f"Akkoord-Text-Sha256: {version.text_sha256}\nAkkoord-Record: {version.record}\n"
        try:
            workspace.repo.create_tag(version.tag, version.commit, message, by, noon(parse_day(version.date)))
        except RepositoryError:
            continue
        made.append(version.tag)
    return made


def freeze(
    workspace: Workspace, label: str, *, by: Identity, key_paths: list[str], today: dt.date, **options: Any
) -> tuple[Version, Committed | None]:
    """`akkoord version create`: a signed version when the repository has a registry (the admin `key_paths`
    sign it), a plain tagged version when it has none."""
    from .registry import load_state

    state = load_state(workspace, today=today)
    if not state.records:
        if key_paths:
            raise RepositoryError.keyed("registry.version.no_registry_key")
        return create_version(workspace, label, by=by, today=today, **options), None
    if not key_paths:
        raise RepositoryError.keyed("trust.version_needs_key")
    from .decisions import refuse_unverified

    refuse_unverified(workspace, state, tuple(options.get("amendments", ())), label)
    return create(workspace, state, label, by=by, key_paths=key_paths, today=today, **options)
