"""The verdict cache: what earlier commands worked out from a repository's content, so a command checks only what
is new (issue 10 item 3).

One folder, `.git/akkoord-cache/` (in git's common folder, shared by worktrees), one file per section: the
statements of one signatory's folder, the texts, the history, the admin signatures checked. Every entry is keyed
by a SHA-256 over everything its value was computed from (`Cache.key`): the git object ids of the files (git
names a blob by a hash of its bytes, and refuses an object that collides with one it has), the part of the
registry a verdict reads, the verifier (in-process or ssh-keygen), and the source of the code that decides
(`code_fingerprint`). A changed input or a changed rule is a miss, never a stale verdict; deleting the folder
changes no result, only the time.

It is local data, but read as untrusted input. Each file carries an HMAC-SHA256 under a secret kept in the
user's cache folder (`$XDG_CACHE_HOME/akkoordvc/cache-secret`, never in a repository), so a file that was
damaged, cut short, copied along with a repository from someone else, or written to mislead fails the check and
is ignored whole, then rebuilt; JSON is read with the standard parser inside a catch-all, and an entry of an
unexpected shape is a miss (`Cache.get` with a checker). A sentence is kept as its catalogue key and parameters
(`message_data`), never as text, so what one command worked out is shown by the next in its own language. A file is replaced atomically (a temporary file renamed
over it); two commands writing at once lose at most each other's new entries. Without a writable cache folder
there is no persistent cache: every command then checks everything, as with an empty one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import messages
from ..messages import Message
from ..storage.files import write_atomic

if TYPE_CHECKING:
    from ..storage.gitrepo import Repository

FOLDER = "akkoord-cache"
#: v2: sentences are kept as catalogue keys and parameters (v1 kept English text); a file of another version is
#: no cache
MAGIC = b"akkoordvc-cache-v2\n"
MAX_BYTES = 256 * 1024 * 1024
#: entries a section keeps beyond twice what a verification used, before the unused ones are dropped
SPARE = 200
SECRET_ENV = "XDG_CACHE_HOME"
_CODE: str | None = None


def code_fingerprint() -> str:
    """A hash of the source of the modules whose rules the cached values come from (trust/ and model/), and of
    the versions of Python and of the cryptography library: a new release of any never reads an older verdict."""
    global _CODE
    if _CODE is None:
        import cryptography

        digest = hashlib.sha256(f"{sys.version}\0{cryptography.__version__}".encode())
        package = Path(__file__).resolve().parents[1]
        for folder in ("trust", "model"):
            for path in sorted((package / folder).glob("*.py")):
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        _CODE = digest.hexdigest()
    return _CODE


def _secret() -> bytes | None:
    """This user's cache secret, made on first use (None when there is no usable cache folder)."""
    base = os.environ.get(SECRET_ENV) or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "akkoordvc" / "cache-secret"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = _new_secret(path)
    except OSError:
        return None
    return data if len(data) == 32 else None


def _new_secret(path: Path) -> bytes:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
    except FileExistsError:  # another command made it meanwhile
        pass
    except OSError:  # no home, or a read-only one
        return b""
    try:
        return path.read_bytes()
    except OSError:
        return b""


#: how deeply a kept message may nest messages in its parameters
MESSAGE_DEPTH = 4


def message_data(said: Message) -> list[Any]:
    """A catalogue message as JSON data: [key, {name: value}], a parameter that is a message itself nested the
    same way. Parameters are strings and integers."""
    return [said.key, {name: message_data(v) if isinstance(v, Message) else v for name, v in said.params.items()}]


def message_from_data(value: Any, depth: int = 0) -> Message | None:
    """The message `message_data` gave `value` for; None for data of another shape, or naming a message the
    catalogue does not have with these fields (in either language)."""
    if type(value) is not list or len(value) != 2 or depth > MESSAGE_DEPTH:
        return None
    key_name, given = value
    if type(key_name) is not str or type(given) is not dict or not messages.has(key_name):
        return None
    params: dict[str, Any] = {}
    for name, v in given.items():
        if type(v) is list:
            v = message_from_data(v, depth + 1)
            if v is None:
                return None
        elif type(v) not in (str, int):
            return None
        params[name] = v
    needed = set().union(*(messages.fields(messages.template(key_name, lang)) for lang in messages.LANGUAGES))
    return Message(key_name, **params) if needed <= set(params) else None


_KEYED: list[Any] = []  # the code fingerprint and a hasher fed with it, copied for every key


def key(*parts: str | bytes) -> str:
    """A cache key: the SHA-256 of `parts` (each length-prefixed, so no two lists of parts give one key) and of
    the code fingerprint."""
    code = code_fingerprint()
    if not _KEYED or _KEYED[0] != code:
        _KEYED[:] = [code, hashlib.sha256(code.encode())]
    digest = _KEYED[1].copy()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return str(digest.hexdigest())


@dataclass
class _Section:
    entries: dict[str, Any]
    used: set[str] = field(default_factory=set)
    dirty: bool = False


class Cache:
    """Entries (key -> JSON value) in sections, one file each, read when a section is first used.

    A command reads only the sections it needs (`endorse` its own chain's, not everyone's) and writes back only
    those it changed."""

    def __init__(self, folder: Path | None, secret: bytes | None):
        self.folder = folder if secret is not None else None
        self.secret = secret
        self.sections: dict[str, _Section] = {}

    @classmethod
    def of(cls, repo: Repository) -> Cache:
        """The cache of `repo` (a storage Repository)."""
        return cls(Path(repo.common_dir) / FOLDER, _secret())

    @classmethod
    def none(cls) -> Cache:
        """A cache that keeps nothing beyond this process."""
        return cls(None, None)

    def file(self, section: str) -> Path | None:
        """The file that holds `section` (None without a cache folder)."""
        return self._file(section) if self.folder is not None else None

    def _file(self, section: str) -> Path:
        assert self.folder is not None
        return self.folder / (hashlib.sha256(section.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json")

    def _section(self, section: str) -> _Section:
        found = self.sections.get(section)
        if found is None:
            found = self.sections[section] = _Section(self._load(section))
        return found

    def _mac(self, section: str, body: bytes) -> bytes:
        assert self.secret is not None
        mac = hmac.new(self.secret, section.encode("utf-8", "surrogateescape") + b"\0", hashlib.sha256)
        mac.update(body)
        return mac.hexdigest().encode()

    def _load(self, section: str) -> dict[str, Any]:
        if self.folder is None:
            return {}
        try:
            with open(self._file(section), "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError:
            return {}
        head = len(MAGIC) + 65
        if len(data) > MAX_BYTES or len(data) < head or not data.startswith(MAGIC) or data[head - 1 : head] != b"\n":
            return {}
        body = data[head:]
        if not hmac.compare_digest(data[len(MAGIC) : head - 1], self._mac(section, body)):
            return {}
        try:
            entries = json.loads(body)
        except Exception:  # noqa: BLE001 - whatever the bytes, a file that does not read is no cache
            return {}
        return entries if isinstance(entries, dict) else {}

    @staticmethod
    def key(*parts: str | bytes) -> str:
        return key(*parts)

    def section(self, name: str) -> dict[str, Any]:
        """The entries of section `name` (read from its file when first asked for)."""
        return self._section(name).entries

    def get(self, name: str, valid: Callable[[Any], bool] | None = None, *, section: str = "signatures") -> Any:
        """The value under `name` in `section`, or None when absent or (with `valid`) not of the expected shape."""
        found = self._section(section)
        value = found.entries.get(name)
        if value is None:
            return None
        try:
            if valid is not None and not valid(value):
                return None
        except Exception:  # noqa: BLE001 - a checker tripping over an odd shape: a miss
            return None
        found.used.add(name)
        return value

    def put(self, name: str, value: Any, *, section: str = "signatures") -> None:
        found = self._section(section)
        if found.entries.get(name) != value:
            found.entries[name] = value
            found.dirty = True
        found.used.add(name)

    def only(self, name: str, value: Any, *, section: str) -> None:
        """Make `name` -> `value` the one entry of `section` (a result kept whole: only the newest is worth keeping)."""
        found = self._section(section)
        if list(found.entries) != [name] or found.entries[name] != value:
            found.entries = {name: value}
            found.dirty = True
        found.used = {name}

    def save(self, *, prune: bool = False) -> None:
        """Write back the sections that changed (never raises: a cache that cannot be written is no cache).
        `prune`, for a command that used every entry of the sections it read (`verify`): a section holding more
        than twice what it used keeps only that (one older generation, such as another branch's, is kept)."""
        if self.folder is None:
            return
        for section, found in self.sections.items():
            if not found.dirty:
                continue
            entries = found.entries
            if prune and len(entries) > 2 * len(found.used) + SPARE:
                entries = {k: v for k, v in entries.items() if k in found.used}
            body = json.dumps(entries, separators=(",", ":"), ensure_ascii=True).encode("ascii")
            try:
                self.folder.mkdir(exist_ok=True)
                write_atomic(self._file(section), MAGIC + self._mac(section, body) + b"\n" + body, durable=False)
            except Exception:  # noqa: BLE001
                return
            found.dirty = False


__all__ = ["Cache", "code_fingerprint", "key", "message_data", "message_from_data"]
