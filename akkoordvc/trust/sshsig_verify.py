"""SSHSIG signatures read and checked in-process with `cryptography`: no ssh-keygen process per signature.

The formats are OpenSSH's PROTOCOL.sshsig (armour, blob, signed data) and PROTOCOL.u2f (what a
hardware sk- key signs, and its signature layout). `parse` reads an armoured signature; `check`
says whether it holds over some data in a namespace. Every way a signature can be malformed is a
`Malformed` with a reason in words, never another exception.

The verdict is meant to equal `ssh-keygen -Y verify`'s, and the tests hold it to that with real
ssh-keygen. Where OpenSSH reads leniently without changing what was signed, this module does the
same, so that anyone repeating a check with OpenSSH alone gets the same answer: text after the
footer is ignored, whitespace inside the base64 is skipped, the reserved field is ignored (as the
protocol asks), the version may be 0 or 1 (OpenSSH refuses only versions above 1; the version is
not signed), integers may carry extra leading zero bytes, and sk- signatures count with or without
the user-presence flag (a key made with `-O no-touch-required` signs without it). It is stricter
than OpenSSH only on what ssh-keygen never writes: an Ed25519 `S` must be below the group order
(RFC 8032; OpenSSH checks its top three bits, so it also takes a malleated copy), RSA exponents
that `cryptography` refuses (even, or below 3), certificates and webauthn signatures.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from ..messages import Message

BEGIN = b"-----BEGIN SSH SIGNATURE-----\n"
END = b"\n-----END SSH SIGNATURE-----"
MAGIC = b"SSHSIG"
VERSION = 1
HASH_ALGORITHMS = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}
MAX_ARMOURED = 65536  # far above the largest signature (RSA 16384 bits: about 5 KB armoured)

_CURVES: dict[str, tuple[bytes, ec.EllipticCurve, hashes.HashAlgorithm]] = {
    "ecdsa-sha2-nistp256": (b"nistp256", ec.SECP256R1(), hashes.SHA256()),
    "ecdsa-sha2-nistp384": (b"nistp384", ec.SECP384R1(), hashes.SHA384()),
    "ecdsa-sha2-nistp521": (b"nistp521", ec.SECP521R1(), hashes.SHA512()),
    "sk-ecdsa-sha2-nistp256@openssh.com": (b"nistp256", ec.SECP256R1(), hashes.SHA256()),
}
_RSA_HASHES: dict[bytes, hashes.HashAlgorithm] = {b"rsa-sha2-256": hashes.SHA256(), b"rsa-sha2-512": hashes.SHA512()}
#: Key types this module can check (RSA only with rsa-sha2-256/512, as PROTOCOL.sshsig requires).
KEY_TYPES = (
    "ssh-ed25519",
    "sk-ssh-ed25519@openssh.com",
    *_CURVES,
    "ssh-rsa",
)


class Malformed(ValueError):
    """A signature (or the key inside it) that cannot be read; `said` says why (a catalogue message)."""

    def __init__(self, said: Message):
        self.said = said
        super().__init__(said)

    @classmethod
    def keyed(cls, key: str, /, **params: object) -> Malformed:
        """The reason whose message is catalogue entry `key` with `params`."""
        return cls(Message(key, **params))

    def __str__(self) -> str:
        return str(self.said)


class _Reader:
    """Reads SSH wire-format fields (RFC 4251) from `data`, raising Malformed naming `what` was cut short."""

    def __init__(self, data: bytes, what: str):
        """`what`: which part is read ("signature", "public_key", ...: a `sig.part.*` message)."""
        self.data = data
        self.offset = 0
        self.what = Message(f"sig.part.{what}")

    def take(self, size: int, field: str) -> bytes:
        end = self.offset + size
        if end > len(self.data):
            raise Malformed.keyed("sig.wire.truncated", what=self.what, field=field)
        value = self.data[self.offset : end]
        self.offset = end
        return value

    def u8(self, field: str) -> int:
        return self.take(1, field)[0]

    def u32(self, field: str) -> int:
        return int.from_bytes(self.take(4, field), "big")

    def string(self, field: str) -> bytes:
        return self.take(self.u32(field), field)

    def mpint(self, field: str) -> int:
        """A non-negative multiple-precision integer, read as OpenSSH reads it (leading zero bytes allowed)."""
        value = self.string(field)
        if value and value[0] & 0x80:
            raise Malformed.keyed("sig.wire.negative", what=self.what, field=field)
        return int.from_bytes(value, "big")

    def end(self) -> None:
        extra = len(self.data) - self.offset
        if extra:
            raise Malformed.keyed(f"sig.wire.trailing.{'many' if extra > 1 else 'one'}", what=self.what, count=extra)


@dataclass(frozen=True)
class Signature:
    """The fields of an SSHSIG signature blob, as read; nothing is checked yet but the structure."""

    key_type: str
    key_blob: bytes  # the signer's public key in wire format, as in the registry
    namespace: bytes
    hash_algorithm: bytes
    signature: bytes  # the SSH signature of the key type (RFC 4253 and successors, PROTOCOL.u2f)

    @property
    def namespace_text(self) -> str:
        return self.namespace.decode("utf-8", "replace")

    @property
    def hash_algorithm_text(self) -> str:
        return self.hash_algorithm.decode("ascii", "replace")


def dearmor(armoured: bytes) -> bytes:
    """The blob inside an armoured signature: the text between header and footer, base64-decoded."""
    if len(armoured) > MAX_ARMOURED:
        raise Malformed.keyed("sig.armour.too_large", size=len(armoured))
    if not armoured.startswith(BEGIN):
        raise Malformed.keyed("sig.armour.no_begin")
    end = armoured.find(END, len(BEGIN))
    if end < 0:
        raise Malformed.keyed("sig.armour.no_end")
    text = b"".join(armoured[len(BEGIN) : end].split())
    try:
        blob = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        blob = None
    # only the canonical encoding of a blob is accepted (OpenSSH refuses stray padding and non-zero spare bits)
    if blob is None or base64.b64encode(blob) != text:
        raise Malformed.keyed("sig.armour.base64")
    return blob


def parse(armoured: bytes) -> Signature:
    """Read an armoured SSHSIG signature; Malformed when it is not one."""
    reader = _Reader(dearmor(armoured), "signature")
    if reader.take(len(MAGIC), "magic") != MAGIC:
        raise Malformed.keyed("sig.sshsig.magic")
    version = reader.u32("version")
    if version > VERSION:
        raise Malformed.keyed("sig.sshsig.version", version=version, supported=VERSION)
    key_blob = reader.string("public key")
    namespace = reader.string("namespace")
    reader.string("reserved field")
    hash_algorithm = reader.string("hash algorithm")
    signature = reader.string("signature")
    reader.end()
    key_type = _Reader(key_blob, "public_key").string("type name")
    return Signature(key_type.decode("ascii", "replace"), key_blob, namespace, hash_algorithm, signature)


def check(signature: Signature, data: bytes, namespace: str) -> Message | None:
    """Why `signature` does not hold over `data` in `namespace` (a catalogue message); None when it holds.

    Whose key it is, is the caller's question: compare `signature.key_blob` with the expected key."""
    expected = namespace.encode("utf-8")
    if signature.namespace != expected:
        return Message("sig.sshsig.namespace", found=signature.namespace_text, expected=namespace)
    digest = HASH_ALGORITHMS.get(signature.hash_algorithm.decode("ascii", "replace"))
    if digest is None:
        return Message("sig.sshsig.hash", name=signature.hash_algorithm_text)
    message = _signed_data(expected, signature.hash_algorithm, digest(data).digest())
    try:
        ok = _verify(signature.key_type, signature.key_blob, signature.signature, message)
    except Malformed as exc:
        return exc.said
    return None if ok else Message("sig.sshsig.mismatch")


def _signed_data(namespace: bytes, hash_algorithm: bytes, message_hash: bytes) -> bytes:
    """What the key signs (PROTOCOL.sshsig, "Signed Data"): the reserved field is always empty."""
    return MAGIC + b"".join(len(f).to_bytes(4, "big") + f for f in (namespace, b"", hash_algorithm, message_hash))


# one function per key type: read the key (once per key), read its signature, verify ------------------------------
def _verify(key_type: str, key_blob: bytes, signature: bytes, message: bytes) -> bool:
    return _key(key_type, key_blob)(signature, message)


@functools.lru_cache(maxsize=1024)
def _key(key_type: str, key_blob: bytes) -> Callable[[bytes, bytes], bool]:
    """What checks a signature value over a message for the key `key_blob` of `key_type`: the key is read once
    (a few hundred keys sign thousands of statements); Malformed when it cannot be read."""
    key = _Reader(key_blob, "public_key")
    key.string("type name")
    if key_type in ("ssh-ed25519", "sk-ssh-ed25519@openssh.com"):
        public = _ed25519_key(key.string("key"))
        application = _application(key) if key_type.startswith("sk-") else None
        key.end()

        def ed25519_check(signature: bytes, message: bytes) -> bool:
            sig = _Reader(signature, "signature_value")
            _expect_type(sig.string("type name"), key_type)
            value = sig.string("signature")
            if application is not None:
                message = _sk_signed(application, sig, message)
            sig.end()
            return _holds(lambda: public.verify(value, message))

        return ed25519_check
    if key_type in _CURVES:
        curve_name, curve, hash_algorithm = _CURVES[key_type]
        if key.string("curve name") != curve_name:
            raise Malformed.keyed("sig.sshsig.curve", curve=curve_name.decode())
        point = key.string("point")
        try:
            ec_public = ec.EllipticCurvePublicKey.from_encoded_point(curve, point)
        except ValueError:
            raise Malformed.keyed("sig.sshsig.point") from None
        ec_application = _application(key) if key_type.startswith("sk-") else None
        key.end()

        def ecdsa_check(signature: bytes, message: bytes) -> bool:
            sig = _Reader(signature, "signature_value")
            _expect_type(sig.string("type name"), key_type)
            inner = _Reader(sig.string("ECDSA signature"), "ecdsa")
            r, s = inner.mpint("r"), inner.mpint("s")
            inner.end()
            if ec_application is not None:
                message = _sk_signed(ec_application, sig, message)
            sig.end()
            der = encode_dss_signature(r, s)
            return _holds(lambda: ec_public.verify(der, message, ec.ECDSA(hash_algorithm)))

        return ecdsa_check
    if key_type == "ssh-rsa":
        e, n = key.mpint("exponent"), key.mpint("modulus")
        key.end()
        if n.bit_length() < 1024:
            raise Malformed.keyed("sig.sshsig.rsa_small", bits=n.bit_length())
        try:
            rsa_public = rsa.RSAPublicNumbers(e, n).public_key()
        except (ValueError, UnsupportedAlgorithm):
            raise Malformed.keyed("sig.sshsig.rsa_invalid") from None

        def rsa_check(signature: bytes, message: bytes) -> bool:
            sig = _Reader(signature, "signature_value")
            sig_type = sig.string("type name")
            if sig_type not in _RSA_HASHES:
                raise Malformed.keyed("sig.sshsig.rsa_type", type=_text(sig_type))
            value = sig.string("signature")
            sig.end()
            value = value.rjust((n.bit_length() + 7) // 8, b"\0")  # as OpenSSH: a short value gets its leading zeros
            return _holds(lambda: rsa_public.verify(value, message, padding.PKCS1v15(), _RSA_HASHES[sig_type]))

        return rsa_check
    raise Malformed.keyed("sig.sshsig.key_type", type=key_type)


def _ed25519_key(raw: bytes) -> ed25519.Ed25519PublicKey:
    try:
        return ed25519.Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise Malformed.keyed("sig.sshsig.ed25519", size=len(raw)) from None


def _application(key: _Reader) -> bytes:
    value = key.string("application")
    if b"\0" in value:
        raise Malformed.keyed("sig.sshsig.application")
    return value


def _sk_signed(application: bytes, sig: _Reader, message: bytes) -> bytes:
    """What a hardware (sk-) key signs (PROTOCOL.u2f): SHA256(application), flags, counter, SHA256(message)."""
    flags = sig.u8("flags")
    counter = sig.u32("counter")
    return (
        hashlib.sha256(application).digest()
        + bytes([flags])
        + counter.to_bytes(4, "big")
        + hashlib.sha256(message).digest()
    )


def _expect_type(sig_type: bytes, key_type: str) -> None:
    if sig_type != key_type.encode():
        raise Malformed.keyed("sig.sshsig.type", found=_text(sig_type), type=key_type)


def _holds(verify: Callable[[], None]) -> bool:
    try:
        verify()
    except (InvalidSignature, ValueError):
        return False
    return True


def _text(value: bytes) -> str:
    return value.decode("ascii", "replace")
