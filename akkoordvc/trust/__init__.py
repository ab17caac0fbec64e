"""Trust: who may endorse (the signatory registry), what they endorsed (signed statements), and checking both.

* `sshsig`: the only module that runs ssh-keygen (sign, verify, read keys and signatures);
* `jsonfile`, `reader`: canonical JSON and the one safe reader of what a repository holds;
* `records`: admin-signed records (registry changes, version records, amendment decisions) as a DAG;
* `model`, `registry_ops`, `registry`: the registry as data, its operations, and its replay from the records;
* `anchor`: the trust anchor remembered in a clone (trust on first use);
* `endorsements`: endorsement and attestation statements (canonical JSON, chained per signatory);
* `verify`: every check, returning problems as data;
* `status`: the matrix of signatories and versions, and the sitting college;
* `cache`, `results`: the verdict cache, and the results of verify, endorsements and since kept whole in it.

Problems are data (`Problem`): the CLI decides how to show them.
"""

from __future__ import annotations

from ..errors import Problem

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """`text` safe to print on a terminal: control and bidirectional-override characters shown as escapes.

    Names, paths and free text come from files anyone could have committed."""
    if text.isprintable() and not any(c in _BIDI for c in text):
        return text
    return "".join(c if (c.isprintable() and c not in _BIDI) or c == " " else f"\\u{ord(c):04x}" for c in text)


__all__ = ["Problem", "printable"]
