"""Identifier patterns, as the schemas define them (tests/test_homes.py checks them against the XSD files).

An agreement id (and a clause or division id) is `Id` of schemas/akkoord.xsd; a signatory id is `Id`
of schemas/signatories.xsd, also an SSH principal name and a folder name. The compiled patterns are
anchored at both ends (``\\A…\\Z``: a trailing line break does not match), so `match` and `fullmatch`
agree; the pattern texts are for building larger patterns such as paths.
"""

from __future__ import annotations

import re

AGREEMENT_ID_PATTERN = r"[A-Za-z][A-Za-z0-9_.\-]{0,127}"
SIGNATORY_ID_PATTERN = r"[a-z0-9][a-z0-9._\-]{0,63}"

AGREEMENT_ID = re.compile(rf"\A{AGREEMENT_ID_PATTERN}\Z")
SIGNATORY_ID = re.compile(rf"\A{SIGNATORY_ID_PATTERN}\Z")


def is_agreement_id(text: str) -> bool:
    return AGREEMENT_ID.match(text) is not None


def is_signatory_id(text: str) -> bool:
    return SIGNATORY_ID.match(text) is not None
