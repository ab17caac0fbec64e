"""Canonical JSON: the one byte form of every signed file (statements and admin records), and its safe reader.

Canonical form: keys sorted, no insignificant whitespace, UTF-8, Unicode NFC, one final
newline; so the same content is always the same bytes and can be signed and hashed.

Files come from a repository anyone with push access could have written to, so reading
refuses, with one `JSONFileError` line and never a crash: more than `MAX_BYTES`, bytes that
are not UTF-8 (UTF-16 and UTF-32 included), lone surrogates (escaped or not), a key given
twice, NaN/Infinity, floats, integers of more than `MAX_DIGITS` digits (Python would spend
quadratic time on a 5,000-digit one), nesting deeper than `MAX_DEPTH`, and anything not in
canonical form.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from ..errors import AkkoordError

MAX_BYTES = 1024 * 1024
MAX_DIGITS = 18
MAX_DEPTH = 16
_SURROGATE = re.compile(rb"(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]")  # an escape, not an escaped backslash


class JSONFileError(AkkoordError):
    """A file that is not canonical JSON of an acceptable shape."""


def canonical_json(obj: Any) -> bytes:
    """The one byte form of `obj`: sorted keys, no spaces, UTF-8, final newline."""
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise JSONFileError.keyed("sig.json.key_twice", key=sorted({k for k in keys if keys.count(k) > 1})[0])
    return dict(pairs)


def _constant(name: str) -> Any:
    raise JSONFileError.keyed("sig.json.constant", name=name)


def _float(text: str) -> Any:
    raise JSONFileError.keyed("sig.json.fraction")


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise JSONFileError.keyed("sig.json.digits", digits=f"{len(text):,}")
    return int(text)


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def _depth(data: bytes) -> int:
    """How deeply the JSON text `data` nests (a scalar: 0), from its brackets outside strings, without parsing
    it: in JSON that parses, every string is a match of `_STRING` scanning from the left (without a backslash,
    simply the text between two quotes), so this is exact for what is accepted, and a deep text is refused before
    the parser recurses into it."""
    outside = b"".join(data.split(b'"')[::2]) if b"\\" not in data else _STRING.sub(b"", data)
    brackets = outside.translate(None, _NOT_BRACKETS)
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def load_json(data: bytes) -> Any:
    """The value of canonical JSON `data`; JSONFileError (one line, no path) for anything else."""
    if len(data) > MAX_BYTES:
        raise JSONFileError.keyed("sig.json.too_large", size=f"{len(data):,}", most=f"{MAX_BYTES:,}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise JSONFileError.keyed("sig.json.not_utf8") from None
    if not unicodedata.is_normalized("NFC", text):
        raise JSONFileError.keyed("sig.json.not_nfc")
    if b"\\u" in data and _SURROGATE.search(data):
        raise JSONFileError.keyed("sig.json.surrogate")
    if _depth(data) > MAX_DEPTH:
        raise JSONFileError.keyed("sig.json.deep", depth=MAX_DEPTH)
    try:
        obj = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as exc:
        raise JSONFileError.keyed("sig.json.not_json", why=exc.msg, line=exc.lineno) from None
    except RecursionError:
        raise JSONFileError.keyed("sig.json.deep", depth=MAX_DEPTH) from None
    except ValueError as exc:
        raise JSONFileError.keyed("sig.json.unacceptable", kind=type(exc).__name__) from None
    if canonical_json(obj) != data:
        raise JSONFileError.keyed("sig.json.not_canonical")
    return obj


def load_object(data: bytes, format_value: str) -> dict[str, Any]:
    """A canonical JSON object whose "format" is `format_value`; JSONFileError for anything else."""
    obj = load_json(data)
    if not isinstance(obj, dict):
        raise JSONFileError.keyed("sig.json.not_object")
    if obj.get("format") != format_value:
        raise JSONFileError.keyed("sig.json.format", found=str(obj.get("format"))[:40], expected=format_value)
    return obj


def check_fields(obj: dict[str, Any], expected: dict[str, Any]) -> None:
    """Exactly the fields of `expected` (name -> type or tuple of types; a bool is never an int)."""
    missing, extra = sorted(set(expected) - set(obj)), sorted(set(obj) - set(expected))
    if missing or extra:
        raise JSONFileError.keyed(
            "sig.json.fields", missing=", ".join(missing) or "-", extra=", ".join(extra)[:200] or "-"
        )
    for name, kinds in expected.items():
        if not isinstance(obj[name], kinds) or isinstance(obj[name], bool):
            raise JSONFileError.keyed("sig.json.field_type", name=name)


class Repeating:
    """A field that many objects hold with the same value (a statement's clause hashes: the same for every
    statement about one version), read once per distinct value in a process.

    In canonical form the field's value is one run of bytes right after the object's first field, whose
    value is a string (`first`). The first object holding a run is read in full (`load_object`); the run is then
    remembered with what `derive` made of the value. A later object holding the same run at that place is read
    as itself with the run replaced by `[]`: every check of `load_json` runs on those bytes, and the run was
    checked in full before (it is the canonical form of a value, so a parser reads exactly it and the whole is
    canonical exactly when the rest is). Any other object is read in full."""

    def __init__(self, first: str, name: str, derive: Callable[[Any], Any], limit: int = 512):
        self.name, self.derive, self.limit = name, derive, limit
        self._head = re.compile(rb'\{"%s":"(?:[^"\\]|\\.)*","%s":' % (first.encode(), name.encode()), re.DOTALL)
        self._seen: dict[bytes, Any] = {}

    def load(self, data: bytes, format_value: str) -> dict[str, Any]:
        """`load_object(data, format_value)`, with the field's value replaced by what `derive` makes of it."""
        head = self._head.match(data) if len(data) <= MAX_BYTES else None
        end = data.find(b'],"', head.end()) + 1 if head else 0
        run = data[head.end() : end] if head and end else b""
        if run in self._seen:
            assert head is not None
            obj = load_object(data[: head.end()] + b"[]" + data[end:], format_value)
            obj[self.name] = self._seen[run]
            return obj
        obj = load_object(data, format_value)
        if self.name in obj:
            value = obj[self.name]
            obj[self.name] = derived = self.derive(value)
            if len(self._seen) >= self.limit:
                self._seen.clear()
            self._seen[canonical_json(value)[:-1]] = derived
        return obj
