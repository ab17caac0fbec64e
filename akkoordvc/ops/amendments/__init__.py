"""Amendments as data: clause operations, the amendment record, and the three things done with them.

* `derive(base, edited)`: the operations that turn the base text into an edited copy of it.
  Derive-then-apply reproduces the edited copy exactly (canonical bytes); `derive` checks this
  itself and refuses what it cannot express.
* `apply(root, ops)`: carry the operations out on a copy of a text. By default every operation's
  `base_sha256` is first checked against the text (`StaleError` when a target changed).
* `merge(base, current, ops)`: the three-way merge used when an amendment drafted against `base`
  is accepted onto `current`. An operation on a target untouched since the base applies; one
  whose change is already in `current` is skipped; a clause edited in place on both sides is
  merged block by block (`blockmerge`: different leden, items or cells combine; only the same
  block changed on both sides conflicts); a target that went away, moved elsewhere or was changed
  by a structural operation is a `Conflict`. Nothing is ever overwritten silently.

Operations are small frozen dataclasses (like xmldiff's actions) naming permanent ids, never
positions by number. Each carries the SHA-256 of its target as it stood in the base
(`canonical.element_sha256` of a clause; of a division's own part — id, kind, num, heading —
for a division), so a stale amendment is recognised. Element content is held as canonical XML
text, so an operation is plain, hashable data that serializes to the amendment record and back
without change.

The amendment record (`Amendment`) holds the operations with who proposed them, why, on which
base, and the status history (`Event`s). `to_xml`/`from_xml` convert it to and from the
amendment vocabulary of `schemas/amendment.xsd`; reading goes through the hardened parser and
the XSD. Pure functions throughout: no files, no git, no clock.

The modules: `operations` (the vocabulary: `edits` in place, `structure` changes, and the
`families` they share), `derivation` (derive), `patch` (apply), `threeway` (merge and conflicts),
`blockmerge` (the block-level merge of one clause, with the redline's notion of a block),
`record` (the amendment record), `tree` (the working tree and positions), `nodes` (clause and
division helpers), `errors`.
"""

from .blockmerge import BlockConflict, merge_blocks
from .derivation import derive
from .errors import AmendmentFormatError, DeriveError, OperationError, StaleError
from .nodes import clause_document, division_sha256, element_text, node_sha256
from .operations import (
    Delete,
    Insert,
    Merge,
    Move,
    Operation,
    Position,
    Renumber,
    ReplaceDivisionHeading,
    ReplaceHeading,
    ReplaceMeta,
    ReplacePreamble,
    ReplaceText,
    Split,
    touched_clauses,
)
from .patch import apply, stale_targets
from .record import (
    SCHEMA,
    Amendment,
    Base,
    Event,
    Person,
    check_against_base,
    event_from_xml,
    event_to_xml,
    from_xml,
    parse_amendment,
    parse_event,
    status_of,
    to_bytes,
    to_xml,
)
from .threeway import Conflict, MergeResult, merge
from .tree import META_TARGET, PREAMBLE_TARGET, changed_targets

__all__ = [
    "SCHEMA",
    "META_TARGET",
    "PREAMBLE_TARGET",
    "OperationError",
    "StaleError",
    "AmendmentFormatError",
    "DeriveError",
    "division_sha256",
    "node_sha256",
    "element_text",
    "clause_document",
    "Position",
    "ReplaceMeta",
    "ReplacePreamble",
    "ReplaceDivisionHeading",
    "ReplaceHeading",
    "ReplaceText",
    "Renumber",
    "Insert",
    "Delete",
    "Move",
    "Split",
    "Merge",
    "Operation",
    "touched_clauses",
    "changed_targets",
    "derive",
    "apply",
    "stale_targets",
    "BlockConflict",
    "Conflict",
    "MergeResult",
    "merge",
    "merge_blocks",
    "Person",
    "Base",
    "Event",
    "status_of",
    "Amendment",
    "event_to_xml",
    "to_xml",
    "to_bytes",
    "event_from_xml",
    "from_xml",
    "parse_amendment",
    "parse_event",
    "check_against_base",
]
