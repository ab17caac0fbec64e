"""The only module that knows the field and operation names of the admin-signed records.

Records (`records/<sha256>.json`, canonical JSON; see `trust.records` and SECURITY.md) carry
registry changes as a list of operations, version records and amendment decisions. This
module spells every name once.
"""

# fields every record has
FORMAT = "format"
TYPE = "type"
PARENTS = "parents"
SERIAL = "serial"
DATE = "date"

FORMAT_V1 = "akkoordvc-record-v1"

# record types
REGISTRY = "registry"
RESOLUTION = "resolution"
VERSION = "version"
DECISION = "decision"
TYPES = (REGISTRY, RESOLUTION, VERSION, DECISION)

# registry change: a list of operations
OPS = "ops"
OP = "op"
ADMIN_ADD = "admin-add"
ADMIN_REVOKE = "admin-revoke"
THRESHOLD = "threshold"
SIGNATORY_ADD = "signatory-add"
KEY_ADD = "key-add"
KEY_REVOKE = "key-revoke"
SIGNATORY_RETIRE = "signatory-retire"
#: operations that change who may sign records: they commute with nothing made concurrently
ADMIN_OPS = (ADMIN_ADD, ADMIN_REVOKE, THRESHOLD)
SIGNATORY_OPS = (SIGNATORY_ADD, KEY_ADD, KEY_REVOKE, SIGNATORY_RETIRE)

# operation fields
ID = "id"
NAME = "name"
KIND = "kind"
KEY = "key"
KEYS = "keys"
SIGNATORY = "signatory"
FROM = "from"
UNTIL = "until"
REVOKED = "revoked"
REASON = "reason"
COUNT = "count"
TERM_START = "term_start"
TERM_END = "term_end"
SUCCEEDS = "succeeds"
FINGERPRINT = "fingerprint"

# resolution
DROP = "drop"

# version record
LABEL = "label"
COMMIT = "commit"
TEXT_SHA256 = "text_sha256"
FOLLOWS = "follows"
MESSAGE = "message"
AMENDMENTS = "amendments"
DAY = "day"

# amendment decision: the event file it backs (path and SHA-256), the revision decided and the SHA-256 of the
# amendment record (amendment.xml) as it was decided
AMENDMENT = "amendment"
OUTCOME = "outcome"
EVENT = "event"
EVENT_SHA256 = "event_sha256"
REVISION = "revision"
AMENDMENT_SHA256 = "amendment_sha256"
ACCEPT = "accept"
REJECT = "reject"
WITHDRAW = "withdraw"
OUTCOMES = (ACCEPT, REJECT, WITHDRAW)

# kinds of signatory
ORGANISATION = "organisation"
PERSON = "person"
COLLEGE = "college"
KINDS = (ORGANISATION, PERSON, COLLEGE)
