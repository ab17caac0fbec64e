"""The only module that runs `ssh-keygen`: signing, verifying, and reading SSH keys and signatures.

Signatures are OpenSSH "SSHSIG" signatures, made with `ssh-keygen -Y sign` (it holds the private
key, or asks ssh-agent or the hardware key). They are checked in-process (`sshsig_verify`, with
`cryptography`) against the registry's allowed signers: the key, its namespace and its validity
window on the claimed signing day, the same questions `ssh-keygen -Y verify` answers from an
allowed-signers file with `-O verify-time`. That file is still written, and `Verifier(...,
ssh_keygen=True)` (or AKKOORD_VERIFY_WITH=ssh-keygen for every command) asks ssh-keygen instead:
the tests hold both to the same verdicts, and anyone can repeat every check with OpenSSH alone.

Reading a public key, the public half of an OpenSSH private key file, or the key and
namespace inside a signature is plain parsing and needs no subprocess; it lets errors say
*why* a signature failed (another namespace, another signatory's key, a key outside its
window).

ssh-keygen never waits for a person: stdin is /dev/null, it runs in its own session (no
controlling terminal, so no passphrase prompt), askpass is disabled, and every call has a
timeout. A passphrase-protected key must be loaded in ssh-agent.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import AkkoordError
from ..messages import Message
from ..model.ids import is_signatory_id
from ..model.reading import read_input
from . import printable
from .cache import message_data, message_from_data

if TYPE_CHECKING:  # the in-process checks (and the cryptography library) load when a signature is first read
    from . import sshsig_verify
    from .cache import Cache

NS_ENDORSEMENT = "akkoordvc-endorsement-v1"
NS_ATTESTATION = "akkoordvc-attestation-v1"
NS_REGISTRY = "akkoordvc-registry-v1"

#: Key types accepted in the registry, with the fields their public blob holds after the type name.
KEY_TYPES = {
    "ssh-ed25519": ("ed25519",),
    "ecdsa-sha2-nistp256": ("curve", "point"),
    "ecdsa-sha2-nistp384": ("curve", "point"),
    "ecdsa-sha2-nistp521": ("curve", "point"),
    "sk-ssh-ed25519@openssh.com": ("ed25519", "application"),
    "sk-ecdsa-sha2-nistp256@openssh.com": ("curve", "point", "application"),
}
_CURVES = {
    "ecdsa-sha2-nistp256": ("nistp256", 65),
    "ecdsa-sha2-nistp384": ("nistp384", 97),
    "ecdsa-sha2-nistp521": ("nistp521", 133),
    "sk-ecdsa-sha2-nistp256@openssh.com": ("nistp256", 65),
}
_LABELS = {
    "ssh-ed25519": "ED25519",
    "ecdsa-sha2-nistp256": "ECDSA",
    "ecdsa-sha2-nistp384": "ECDSA",
    "ecdsa-sha2-nistp521": "ECDSA",
    "sk-ssh-ed25519@openssh.com": "ED25519-SK",
    "sk-ecdsa-sha2-nistp256@openssh.com": "ECDSA-SK",
    "ssh-rsa": "RSA",
}
_REFUSED = {
    "ssh-rsa": "sig.key.refused.rsa",
    "ssh-dss": "sig.key.refused.dsa",
}

SIGN_TIMEOUT = 120  # seconds; a hardware key may wait for a touch
VERIFY_TIMEOUT = 30
_B64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")


class KeyProblem(AkkoordError):
    """A key file or key text that cannot be used."""


class SigningError(AkkoordError):
    """ssh-keygen could not sign."""


# public keys ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PublicKey:
    """An SSH public key: its type name and its wire-format blob."""

    type: str
    blob: bytes

    @property
    def base64(self) -> str:
        return base64.b64encode(self.blob).decode("ascii")

    @property
    def line(self) -> str:
        """'TYPE BASE64', as in the registry and in allowed-signers files (no comment)."""
        return f"{self.type} {self.base64}"

    @property
    def fingerprint(self) -> str:
        """The SHA256 fingerprint, exactly as `ssh-keygen -l` prints it."""
        return "SHA256:" + base64.b64encode(hashlib.sha256(self.blob).digest()).decode("ascii").rstrip("=")

    @property
    def label(self) -> str:
        return _LABELS.get(self.type, self.type)

    @property
    def hardware(self) -> bool:
        return self.type.startswith("sk-")


def _read_string(buf: bytes, offset: int) -> tuple[bytes, int]:
    if offset + 4 > len(buf):
        raise ValueError(Message("sig.blob.truncated"))
    length = int.from_bytes(buf[offset : offset + 4], "big")
    end = offset + 4 + length
    if end > len(buf):
        raise ValueError(Message("sig.blob.truncated"))
    return buf[offset + 4 : end], end


def _check_blob(key_type: str, blob: bytes) -> None:
    """Raise ValueError unless `blob` is a well-formed public key of `key_type`."""
    name, offset = _read_string(blob, 0)
    if name.decode("ascii", "replace") != key_type:
        raise ValueError(Message("sig.blob.name", found=name.decode("ascii", "replace"), expected=key_type))
    for field in KEY_TYPES[key_type]:
        value, offset = _read_string(blob, offset)
        if field == "ed25519" and len(value) != 32:
            raise ValueError(Message("sig.blob.ed25519"))
        if field == "curve" and value.decode("ascii", "replace") != _CURVES[key_type][0]:
            raise ValueError(Message("sig.blob.curve", curve=value, type=key_type))
        if field == "point" and (len(value) != _CURVES[key_type][1] or value[:1] != b"\x04"):
            raise ValueError(Message("sig.blob.point"))
        if field == "application" and not value.startswith(b"ssh:"):
            raise ValueError(Message("sig.blob.application"))
    if offset != len(blob):
        raise ValueError(Message("sig.blob.trailing"))


def parse_public_key(text: str, source: str = "public key") -> PublicKey:
    """Read 'TYPE BASE64 [comment]' (one line) and check its structure; refuse other key kinds."""
    if "PRIVATE KEY" in text:
        raise KeyProblem.keyed("sig.key.private_given", source=source)
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) != 1:
        raise KeyProblem.keyed("sig.key.lines", source=source, count=len(lines))
    parts = lines[0].split()
    if len(parts) < 2:
        raise KeyProblem.keyed("sig.key.shape", source=source)
    key_type, data = parts[0], parts[1]
    if key_type in _REFUSED or "-cert-" in key_type:
        why = Message(_REFUSED.get(key_type, "sig.key.refused.cert"))
        raise KeyProblem.keyed("sig.key.refused", source=source, why=why)
    if key_type not in KEY_TYPES:
        raise KeyProblem.keyed("sig.key.type", source=source, type=key_type)
    if not _B64.match(data):
        raise KeyProblem.keyed("sig.key.base64", source=source)
    try:
        blob = base64.b64decode(data, validate=True)
        _check_blob(key_type, blob)
    except (binascii.Error, ValueError) as exc:
        raise KeyProblem.keyed("sig.key.malformed", source=source, type=key_type, why=_said(exc)) from None
    return PublicKey(key_type, blob)


def read_public_key_file(path: str | os.PathLike[str]) -> PublicKey:
    source = os.fspath(path)
    shown = printable(source)
    data = read_input(
        source,
        kind=Message("input.kind.public_key"),
        hint=Message("input.hint.public_key"),
        error=KeyProblem,
        label=shown,
    )
    if len(data) > 16384:
        raise KeyProblem.keyed("sig.key.too_large", source=source)
    return parse_public_key(data.decode("utf-8", "replace"), source)


# private keys -----------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyFile:
    """What can be told about a signing key file without using it."""

    path: str
    public: PublicKey | None  # the public half, when it can be read without a passphrase
    encrypted: bool
    is_public: bool  # the file is a public key (signing needs ssh-agent or the private key beside it)


_PRIVATE_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----"
_PRIVATE_END = "-----END OPENSSH PRIVATE KEY-----"


def inspect_key_file(path: str | os.PathLike[str]) -> KeyFile:
    """Check that `path` is a usable signing key file; read its public half when possible."""
    source = os.fspath(path)
    shown = printable(source)
    raw = read_input(
        source,
        kind=Message("input.kind.key"),
        hint=Message("input.hint.private_key"),
        error=KeyProblem,
        label=f"--key {shown}",
    )
    text = raw[:65536].decode("utf-8", "replace")
    stripped = text.strip()
    if stripped.startswith(_PRIVATE_BEGIN):
        public, encrypted = _openssh_private_public(stripped, source)
        return KeyFile(source, public, encrypted, False)
    if stripped.startswith("-----BEGIN") and "PRIVATE KEY" in stripped.splitlines()[0]:
        public = _sibling_public(source)
        return KeyFile(source, public, "ENCRYPTED" in stripped[:200], False)
    first = stripped.split(None, 1)[0] if stripped else ""
    if first in KEY_TYPES or first in _REFUSED or "-cert-" in first:
        public = parse_public_key(text, f"--key {source}")
        return KeyFile(source, public, False, True)
    raise KeyProblem.keyed("sig.key.not_key_file", source=source)


def _openssh_private_public(text: str, source: str) -> tuple[PublicKey | None, bool]:
    body = text[len(_PRIVATE_BEGIN) :]
    if _PRIVATE_END not in body:
        raise KeyProblem.keyed("sig.key.private_truncated", source=source)
    body = "".join(body.split(_PRIVATE_END, 1)[0].split())
    try:
        raw = base64.b64decode(body, validate=True)
        magic = b"openssh-key-v1\x00"
        if not raw.startswith(magic):
            raise ValueError("bad magic")
        offset = len(magic)
        cipher, offset = _read_string(raw, offset)
        _kdf, offset = _read_string(raw, offset)
        _kdf_options, offset = _read_string(raw, offset)
        count = int.from_bytes(raw[offset : offset + 4], "big")
        offset += 4
        if count != 1:
            raise ValueError("expected one key")
        blob, offset = _read_string(raw, offset)
        name, _ = _read_string(blob, 0)
    except (binascii.Error, ValueError):
        raise KeyProblem.keyed("sig.key.private_malformed", source=source) from None
    key_type = name.decode("ascii", "replace")
    if key_type in _REFUSED or key_type not in KEY_TYPES:
        raise KeyProblem.keyed("sig.key.private_type", source=source, type=key_type)
    try:
        _check_blob(key_type, blob)
    except ValueError as exc:
        raise KeyProblem.keyed("sig.key.private_key_malformed", source=source, why=_said(exc)) from None
    return PublicKey(key_type, blob), cipher != b"none"


def _sibling_public(source: str) -> PublicKey | None:
    try:
        return read_public_key_file(source + ".pub")
    except AkkoordError:
        return None


# running ssh-keygen -----------------------------------------------------------------------
def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "SSH_ASKPASS", "WAYLAND_DISPLAY")}
    env["SSH_ASKPASS_REQUIRE"] = "never"
    env["LC_ALL"] = "C"
    return env


def _ssh_keygen() -> str:
    exe = shutil.which("ssh-keygen")
    if exe is None:
        raise AkkoordError.keyed("sig.no_ssh_keygen")
    return exe


def _run(args: list[str], *, data: bytes | None, timeout: int) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            [_ssh_keygen(), *args],
            input=data,
            stdin=None if data is not None else subprocess.DEVNULL,
            capture_output=True,
            env=_environment(),
            timeout=timeout,
            start_new_session=True,  # no controlling terminal: ssh-keygen cannot prompt
        )
    except subprocess.TimeoutExpired:
        raise SigningError.keyed("sig.timeout", seconds=timeout) from None


#: ssh-keygen's reason for ignoring a private key others may read ("Permissions 0644 for 'k' are too open.")
_TOO_OPEN = re.compile(r"Permissions 0?[0-7]{3,4} for .{1,4096}? are too open\.?")


def _last_line(stderr: bytes) -> str | Message:
    """ssh-keygen's last line of output (its own words), or a message saying it said nothing."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith(("Signing ", "Enter passphrase"))]
    return lines[-1] if lines else Message("sig.no_message")


def _said(exc: Exception) -> str | Message:
    """What a ValueError of `_check_blob` (a message) or of base64 decoding (Python's words) says."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)


def sign(data: bytes, key_path: str | os.PathLike[str], namespace: str) -> bytes:
    """Sign `data` with the key at `key_path` in `namespace`; return the armored signature."""
    info = inspect_key_file(key_path)
    with tempfile.TemporaryDirectory(prefix="akkoord-sign-") as tmp:
        message = Path(tmp) / "message"
        message.write_bytes(data)
        proc = _run(
            ["-Y", "sign", "-f", os.path.abspath(info.path), "-n", namespace, str(message)],
            data=None,
            timeout=SIGN_TIMEOUT,
        )
        signature = message.with_name("message.sig")
        if proc.returncode == 0 and signature.is_file():
            return signature.read_bytes()
    too_open = _TOO_OPEN.search(proc.stderr.decode("utf-8", "replace"))
    if too_open:
        raise SigningError(
            Message("trust.key_too_open", path=info.path, why=too_open.group(0), chmod=shlex.quote(info.path))
        )
    why = _last_line(proc.stderr)
    told = why if isinstance(why, str) else ""
    if "passphrase" in told or (info.encrypted and "agent" not in told):
        raise SigningError.keyed("sig.sign.passphrase", path=info.path)
    if info.is_public:
        raise SigningError.keyed("sig.sign.public", path=info.path, why=why)
    if info.public is not None and info.public.hardware:
        raise SigningError.keyed("sig.sign.hardware", path=info.path, why=why)
    raise SigningError.keyed("sig.sign.failed", path=info.path, why=why)


def fingerprint_with_ssh_keygen(key: PublicKey) -> str:
    """The fingerprint as ssh-keygen computes it (a cross-check that OpenSSH accepts the key)."""
    with tempfile.TemporaryDirectory(prefix="akkoord-key-") as tmp:
        path = Path(tmp) / "key.pub"
        path.write_text(key.line + "\n")
        proc = _run(["-l", "-E", "sha256", "-f", str(path)], data=None, timeout=VERIFY_TIMEOUT)
    if proc.returncode != 0:
        raise KeyProblem.keyed("sig.key.ssh_keygen_refuses", fingerprint=key.fingerprint, why=_last_line(proc.stderr))
    fields = proc.stdout.decode().split()
    return fields[1] if len(fields) > 1 else ""


# signatures -----------------------------------------------------------------------------
@dataclass(frozen=True)
class SignatureInfo:
    """What an SSHSIG signature says about itself (not yet checked)."""

    key: PublicKey | None  # None when the key type is not one we accept
    key_type: str
    namespace: str
    hash_algorithm: str


_READ: dict[bytes, SignatureInfo | None] = {}
_PARSED: dict[bytes, sshsig_verify.Signature | sshsig_verify.Malformed] = {}


def _parse(armored: bytes) -> sshsig_verify.Signature:
    """`sshsig_verify.parse`, remembered for the life of the process: a statement's signature is read when it is
    sorted (`read_signature`), then parsed again to be checked."""
    from . import sshsig_verify

    found = _PARSED.get(armored)
    if found is None:
        try:
            found = sshsig_verify.parse(armored)
        except sshsig_verify.Malformed as exc:
            found = exc
        if len(armored) <= 4096:
            if len(_PARSED) >= 20000:
                _PARSED.clear()
            _PARSED[armored] = found
    if isinstance(found, sshsig_verify.Malformed):
        raise sshsig_verify.Malformed(found.said)
    return found


def read_signature(armored: bytes) -> SignatureInfo | None:
    """Parse an armored SSHSIG signature; None when it is not one. Remembered for the life of the process (a
    statement's signature is read when it is sorted, checked and reported)."""
    if armored in _READ:
        return _READ[armored]
    found = _read_signature(armored)
    if len(armored) <= 4096:
        if len(_READ) >= 20000:
            _READ.clear()
        _READ[armored] = found
    return found


def _read_signature(armored: bytes) -> SignatureInfo | None:
    from . import sshsig_verify

    try:
        sig = _parse(armored)
    except sshsig_verify.Malformed:
        return None
    key = None
    if sig.key_type in KEY_TYPES:
        try:
            _check_blob(sig.key_type, sig.key_blob)
            key = PublicKey(sig.key_type, sig.key_blob)
        except ValueError:
            key = None
    return SignatureInfo(key, sig.key_type, sig.namespace_text, sig.hash_algorithm_text)


@dataclass(frozen=True)
class AllowedSigner:
    """One line of an allowed-signers file. `start` is the first valid day, `end` the first day no longer valid."""

    principal: str
    key: PublicKey
    namespace: str
    start: dt.date | None = None
    end: dt.date | None = None

    def line(self) -> str:
        options = [f'namespaces="{self.namespace}"']
        if self.start is not None:
            options.append(f'valid-after="{self.start:%Y%m%d}000000Z"')
        if self.end is not None:
            last = self.end - dt.timedelta(days=1)
            options.append(f'valid-before="{last:%Y%m%d}235959Z"')
        return f"{self.principal} {','.join(options)} {self.key.line}"


def allowed_signers_text(entries: list[AllowedSigner]) -> str:
    """An allowed-signers file for `ssh-keygen -Y verify` (principals are registry ids: no patterns)."""
    lines = ["# generated by akkoordvc from signatories.xml; one line per key and namespace"]
    for entry in entries:
        if not is_signatory_id(entry.principal):
            raise ValueError(f"unsafe principal {entry.principal!r}")
        lines.append(entry.line())
    return "\n".join(lines) + "\n"


def signing_time(day: dt.date) -> str:
    """The `-O verify-time` of a statement dated `day`: noon UTC, the same calendar day everywhere in Europe."""
    return f"{day:%Y%m%d}120000Z"


#: Set to "ssh-keygen" to check every signature with `ssh-keygen -Y verify` instead of in-process.
VERIFY_WITH_ENV = "AKKOORD_VERIFY_WITH"
_VERDICTS: dict[bytes, tuple[bool, str | Message]] = {}


def verifier_mode() -> str:
    """ "ssh-keygen" when AKKOORD_VERIFY_WITH asks for it, else "in-process"."""
    return "ssh-keygen" if os.environ.get(VERIFY_WITH_ENV, "").strip().lower() == "ssh-keygen" else "in-process"


def _kept_verdict(value: object) -> tuple[bool, str | Message] | None:
    """A verdict as the cache keeps it ([ok, ssh-keygen's words or a message's data]); None for another shape."""
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], bool)):
        return None
    said = value[1] if isinstance(value[1], str) else message_from_data(value[1])
    return None if said is None else (value[0], said)


class Verifier:
    """Checks signatures against one allowed-signers list: in-process, or with ssh-keygen (`ssh_keygen=True`)."""

    def __init__(self, entries: list[AllowedSigner], *, ssh_keygen: bool | None = None, memo: Cache | None = None):
        """`memo`, when given, keeps verdicts beyond this process (a `trust.cache.Cache`: get, put and key)."""
        self.entries = list(entries)
        self._text = allowed_signers_text(self.entries)
        if ssh_keygen is None:
            ssh_keygen = verifier_mode() == "ssh-keygen"
        self.ssh_keygen = ssh_keygen
        self.memo = memo
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._count = 0
        mode = b"ssh-keygen" if ssh_keygen else b"in-process"
        self._context = mode + b"\0" + hashlib.sha256(self._text.encode()).digest()
        self._by_principal: dict[tuple[str, str], list[AllowedSigner]] = {}
        for entry in self.entries:
            self._by_principal.setdefault((entry.principal, entry.namespace), []).append(entry)

    def __enter__(self) -> Verifier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def verify(
        self, data: bytes, signature: bytes, principal: str, namespace: str, day: dt.date
    ) -> tuple[bool, str | Message]:
        """Whether `signature` over `data` is a good `namespace` signature by `principal` on `day`.

        Returns (ok, a line saying why: ssh-keygen's words for a good signature, the reason for a bad
        one: ssh-keygen's own words, or the in-process verifier's as a catalogue message). The verdict depends only on the inputs, so it is remembered for the life of the process
        (a registry replay asks the same question often)."""
        fields = [self._context, data, signature, principal.encode(), namespace.encode(), day.isoformat().encode()]
        memo_key = hashlib.sha256(b"\0".join(len(f).to_bytes(8, "big") + f for f in fields)).digest()
        if memo_key in _VERDICTS:
            return _VERDICTS[memo_key]
        memo = self.memo
        kept = memo.key("signature", memo_key) if memo is not None else None
        found = (
            memo.get(kept, lambda v: _kept_verdict(v) is not None) if memo is not None and kept is not None else None
        )
        if found is not None and (known := _kept_verdict(found)) is not None:
            verdict = known
        elif self.ssh_keygen:
            verdict = self._verify_with_ssh_keygen(data, signature, principal, namespace, day)
        else:
            verdict = self._verify_in_process(data, signature, principal, namespace, day)
        if memo is not None and kept is not None:
            memo.put(kept, [verdict[0], verdict[1] if isinstance(verdict[1], str) else message_data(verdict[1])])
        if len(_VERDICTS) > 4096:
            _VERDICTS.clear()
        _VERDICTS[memo_key] = verdict
        return verdict

    def _verify_in_process(
        self, data: bytes, signature: bytes, principal: str, namespace: str, day: dt.date
    ) -> tuple[bool, str | Message]:
        """The questions `ssh-keygen -Y verify -I principal -n namespace -O verify-time=day` asks."""
        from . import sshsig_verify

        try:
            sig = _parse(signature)
        except sshsig_verify.Malformed as exc:
            return False, Message("sig.verdict.signature", why=exc.said)
        signer = PublicKey(sig.key_type, sig.key_blob)
        allowed = self._by_principal.get((principal, namespace), [])
        mine = [e for e in allowed if e.key.blob == sig.key_blob]
        if not mine:
            theirs = ", ".join(sorted({f"{e.key.label} {e.key.fingerprint}" for e in allowed})) or Message("sig.none")
            return False, Message(
                "sig.verdict.not_their_key",
                label=signer.label,
                fingerprint=signer.fingerprint,
                principal=principal,
                namespace=namespace,
                theirs=theirs,
            )
        if not any((e.start is None or e.start <= day) and (e.end is None or day < e.end) for e in mine):
            return False, Message(
                "sig.verdict.key_not_valid", fingerprint=signer.fingerprint, principal=principal, day=day.isoformat()
            )
        why = sshsig_verify.check(sig, data, namespace)
        if why is not None:
            return False, Message("sig.verdict.signature", why=why)
        return True, f'Good "{namespace}" signature for {principal} with {signer.label} key {signer.fingerprint}'

    def _verify_with_ssh_keygen(
        self, data: bytes, signature: bytes, principal: str, namespace: str, day: dt.date
    ) -> tuple[bool, str | Message]:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="akkoord-verify-")
            (Path(self._tmp.name) / "allowed_signers").write_text(self._text)
        folder = Path(self._tmp.name)
        self._count += 1
        sig_path = folder / f"sig-{self._count}"
        sig_path.write_bytes(signature)
        try:
            proc = _run(
                [
                    "-Y",
                    "verify",
                    "-f",
                    str(folder / "allowed_signers"),
                    "-I",
                    principal,
                    "-n",
                    namespace,
                    "-s",
                    str(sig_path),
                    "-O",
                    f"verify-time={signing_time(day)}",
                ],
                data=data,
                timeout=VERIFY_TIMEOUT,
            )
        finally:
            sig_path.unlink(missing_ok=True)
        if proc.returncode == 0:
            return True, proc.stdout.decode("utf-8", "replace").strip()
        return False, _last_line(proc.stderr + proc.stdout)
