"""The element and attribute names of the amendment vocabulary (`schemas/amendment.xsd`).

An amendment record embeds elements of the agreement vocabulary (clauses, headings, blocks);
those names come from `names`. Everything that belongs to the amendment record itself is
spelled here, and only here.
"""

# the record
AMENDMENT = "amendment"
TITLE = "title"
PROPOSER = "proposer"
SOURCE = "source"
RATIONALE = "rationale"
P = "p"
SUPERSEDES = "supersedes"
BASE = "base"
ON = "on"
OPERATIONS = "operations"
HISTORY = "history"
EVENT = "event"
REASON = "reason"

# operations
REPLACE_META = "replace-meta"
REPLACE_PREAMBLE = "replace-preamble"
REPLACE_DIVISION_HEADING = "replace-division-heading"
REPLACE_HEADING = "replace-heading"
REPLACE_TEXT = "replace-text"
RENUMBER = "renumber"
INSERT = "insert"
DELETE = "delete"
MOVE = "move"
SPLIT = "split"
MERGE = "merge"
WITH = "with"
OPERATION_TAGS = (
    REPLACE_META,
    REPLACE_PREAMBLE,
    REPLACE_DIVISION_HEADING,
    REPLACE_HEADING,
    REPLACE_TEXT,
    RENUMBER,
    INSERT,
    DELETE,
    MOVE,
    SPLIT,
    MERGE,
)

# attributes
ID = "id"
REVISION = "revision"
DATE = "date"
NAME = "name"
EMAIL = "email"
LABEL = "label"
COMMIT = "commit"
TEXT_SHA256 = "text-sha256"
BASE_SHA256 = "base-sha256"
CLAUSE = "clause"
DIVISION = "division"
PARENT = "parent"
AFTER = "after"
BEFORE = "before"
NUM = "num"
KIND = "kind"
STATUS = "status"
BY = "by"
AT = "at"
AMENDMENT_REF = "amendment"

# statuses, in the order of an amendment's life
PROPOSED = "proposed"
ACCEPTED = "accepted"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"
SUPERSEDED = "superseded"
CONSOLIDATED = "consolidated"
STATUSES = (PROPOSED, ACCEPTED, REJECTED, WITHDRAWN, SUPERSEDED, CONSOLIDATED)
#: An event that is not a status: a new revision of the operations (after `amend rebase`).
REVISED = "revised"
EVENT_KINDS = (PROPOSED, REVISED, ACCEPTED, REJECTED, WITHDRAWN, SUPERSEDED, CONSOLIDATED)
