"""The only module that knows the element and attribute names of the signatory registry.

The registry (`signatories.xml`, described by `schemas/signatories.xsd`) names the admin keys
of the network's secretariat, how many of them must sign a registry change, and every
signatory with its public SSH keys. This module mirrors the schema as constants.
"""

REGISTRY = "registry"
ADMINS = "admins"
ADMIN_KEY = "admin-key"
SIGNATORIES = "signatories"
SIGNATORY = "signatory"
KEY = "key"

# attributes
FORMAT = "format"
SERIAL = "serial"
PREVIOUS = "previous"
DATE = "date"
THRESHOLD = "threshold"
ID = "id"
NAME = "name"
KIND = "kind"
TERM_START = "term-start"
TERM_END = "term-end"
SUCCEEDS = "succeeds"
RETIRED = "retired"
FROM = "from"
UNTIL = "until"
REVOKED = "revoked"
REASON = "reason"

FORMAT_V1 = "akkoordvc-registry-v1"

# kinds of signatory
ORGANISATION = "organisation"
PERSON = "person"
COLLEGE = "college"
KINDS = (ORGANISATION, PERSON, COLLEGE)
