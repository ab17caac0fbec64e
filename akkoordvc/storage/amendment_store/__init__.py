"""Amendment records in the repository: propose, decide, rebase, consolidate; blame and clause history.

Layout (plain files, readable with git alone):

    amendments/README.md                        what the folder holds
    amendments/<id>/amendment.xml               the record: title, proposers, base, operations
    amendments/<id>/events/<when>-<status>-<hash>.xml
                                                one status event each: who, when, why

Event files are only ever added, and every amendment has a folder of its own, so two clones that
each propose amendments or record decisions touch different paths and `git pull` merges them
without conflicts. Only `amend rebase` rewrites `amendment.xml` (with a `revised` event).

Ids are allocated without coordination between clones: the proposal date, a slug of the title and
six hex digits of a hash over the record, the proposer and the time, e.g.
`2022-07-04-meer-routes-dan-alleen-ma-akbanken-3f9a1c`.

Every state change is one commit whose author is the person acting (trailer
`Akkoord-Change: amendment`). The text `akkoord.xml` is never touched here: accepted amendments
reach it only when `version create` consolidates them (`consolidation_for_version`).

The order in which accepted amendments are consolidated is the order their acceptances were
committed (`git log --topo-order` of the event files), then their time.

Contested decisions. Two clones can decide the same amendment differently (one accepts, the other
rejects) and `git pull` merges the two event files without a git conflict. An amendment's status is
therefore read from the commit graph, not from the order of its events: its standing decisions are
the events no later event has seen (no other event's commit descends from theirs). When they
disagree (a different status, or acceptances of different revisions) the amendment is `contested`:
`amend list` and `amend show` name the competing decisions, `version create` refuses to consolidate,
and a new decision recorded after both (`amend accept|reject|withdraw ID`, or `amend rebase`)
resolves it, because its commit descends from both. Concurrent identical decisions (both accepted)
are not a contest.

The package, one module per concern: `paths` (ids and file names), `loading` (reading every amendment
at a commit), `contest` (status from the commit graph), `texts` (bases and the pending text),
`lifecycle` (propose, accept, reject, withdraw), `remedies` (rebase), `consolidation` (for `version
create`), `provenance` (blame) and `history` (a clause's history). Callers import from the package.
"""

from .consolidation import consolidation_for_version
from .contest import CONTESTED, STATUSES, Competing, ContestedError, Recorded, describe_status, how_to_resolve
from .history import HistoryEntry, clause_history
from .lifecycle import (
    Signer,
    accept,
    commit_proposal,
    proposal,
    proposal_message,
    propose,
    received_proposal,
    reject,
    withdraw,
)
from .loading import Amendments, Damaged, accepted_pending, find, load, refuse_damaged
from .paths import CHANGE, EVENTS, FOLDER, README, event_path, record_path
from .provenance import BlameEntry, blame
from .remedies import rebase, rebase_start
from .texts import OPEN, AmendmentConflict, Check, amended_text, base_text, check, check_open, checks_now, pending_text

__all__ = [
    "CHANGE",
    "EVENTS",
    "CONTESTED",
    "OPEN",
    "FOLDER",
    "README",
    "Signer",
    "STATUSES",
    "AmendmentConflict",
    "Amendments",
    "BlameEntry",
    "Check",
    "Competing",
    "ContestedError",
    "Damaged",
    "HistoryEntry",
    "Recorded",
    "accept",
    "accepted_pending",
    "amended_text",
    "base_text",
    "blame",
    "check",
    "check_open",
    "checks_now",
    "clause_history",
    "commit_proposal",
    "consolidation_for_version",
    "describe_status",
    "event_path",
    "find",
    "how_to_resolve",
    "load",
    "pending_text",
    "propose",
    "proposal",
    "proposal_message",
    "received_proposal",
    "rebase",
    "rebase_start",
    "record_path",
    "refuse_damaged",
    "reject",
    "withdraw",
]
