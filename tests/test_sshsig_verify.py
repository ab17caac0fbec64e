"""In-process SSHSIG verification (trust/sshsig_verify.py) held to real `ssh-keygen -Y verify`.

Keys of every type are made with ssh-keygen and signed with `ssh-keygen -Y sign`; the in-process
verifier and ssh-keygen must give the same verdict on good signatures, on corrupted copies, on
every signature checked while verifying the demo and a repository built through the CLI, and on
random byte flips. Signatures with other fields (another version, hash algorithm or signature
type) are constructed here from the same private keys, read with `cryptography`.

No hardware security key is available here: the sk- signatures below are CONSTRUCTED in the test
from software keys, following PROTOCOL.u2f (SHA256 of the application, flags, counter, SHA256 of
the message). Real ssh-keygen accepts the unmodified ones, which shows the construction is right;
a real hardware key has not been tested.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akkoordvc.trust import sshsig, sshsig_verify

ROOT = Path(__file__).resolve().parents[1]
NS = sshsig.NS_ENDORSEMENT
OTHER_NS = sshsig.NS_ATTESTATION
DAY = dt.date(2026, 11, 27)
DATA = b'{"statement":"the text of 2023, endorsed"}\n'
KINDS = {
    "ed25519": ["-t", "ed25519"],
    "ecdsa256": ["-t", "ecdsa", "-b", "256"],
    "ecdsa384": ["-t", "ecdsa", "-b", "384"],
    "ecdsa521": ["-t", "ecdsa", "-b", "521"],
    "rsa": ["-t", "rsa", "-b", "2048"],
}
HASHES = {"ecdsa-sha2-nistp256": hashes.SHA256(), "ecdsa-sha2-nistp384": hashes.SHA384()}
HASHES["ecdsa-sha2-nistp521"] = hashes.SHA512()


# wire format, written independently of the module under test ---------------------------------------------------
def wire(*fields: bytes) -> bytes:
    return b"".join(len(f).to_bytes(4, "big") + f for f in fields)


def mpint(value: int) -> bytes:
    return value.to_bytes(value.bit_length() // 8 + 1, "big")


def armour(blob: bytes, width: int = 70) -> bytes:
    text = base64.b64encode(blob).decode()
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    return ("-----BEGIN SSH SIGNATURE-----\n" + "\n".join(lines) + "\n-----END SSH SIGNATURE-----\n").encode()


def unarmour(armoured: bytes) -> bytes:
    lines = armoured.decode().strip().splitlines()
    assert lines[0] == "-----BEGIN SSH SIGNATURE-----" and lines[-1] == "-----END SSH SIGNATURE-----"
    return base64.b64decode("".join(lines[1:-1]))


def strings(data: bytes) -> list[bytes]:
    out, offset = [], 0
    while offset < len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        out.append(data[offset + 4 : offset + 4 + size])
        offset += 4 + size
    return out


@dataclasses.dataclass
class Blob:
    """The fields of an SSHSIG blob (PROTOCOL.sshsig), to rebuild signatures with one field changed."""

    key: bytes
    namespace: bytes
    reserved: bytes
    hash_algorithm: bytes
    signature: bytes
    magic: bytes = b"SSHSIG"
    version: int = 1
    trailing: bytes = b""

    @classmethod
    def of(cls, armoured: bytes) -> Blob:
        raw = unarmour(armoured)
        assert raw[:6] == b"SSHSIG" and raw[6:10] == b"\0\0\0\1"
        return cls(*strings(raw[10:]))

    def armoured(self) -> bytes:
        return armour(
            self.magic
            + self.version.to_bytes(4, "big")
            + wire(self.key, self.namespace, self.reserved, self.hash_algorithm, self.signature)
            + self.trailing
        )


def signed_data(namespace: bytes, hash_algorithm: bytes, data: bytes) -> bytes:
    digest = hashlib.new(hash_algorithm.decode(), data).digest()
    return b"SSHSIG" + wire(namespace, b"", hash_algorithm, digest)


# keys and signatures made with ssh-keygen --------------------------------------------------------------------------
@dataclasses.dataclass
class Key:
    name: str
    path: Path
    public: sshsig.PublicKey

    def private(self):
        return serialization.load_ssh_private_key(self.path.read_bytes(), None)

    def signer(self, principal: str = "org", namespace: str = NS, **kw) -> sshsig.AllowedSigner:
        return sshsig.AllowedSigner(principal, self.public, namespace, **kw)


def keygen(folder: Path, name: str, args: list[str]) -> Key:
    path = folder / name
    subprocess.run(["ssh-keygen", "-q", *args, "-N", "", "-C", name, "-f", str(path)], check=True)
    key_type, data = (path.with_suffix(".pub")).read_text().split()[:2]
    return Key(name, path, sshsig.PublicKey(key_type, base64.b64decode(data)))


def ssh_keygen_sign(key: Key, data: bytes, namespace: str = NS, hash_algorithm: str | None = None) -> bytes:
    """`ssh-keygen -Y sign`, run here directly (sshsig.sign refuses RSA keys, which the registry does not accept)."""
    folder = key.path.parent / "signing"
    folder.mkdir(exist_ok=True)
    message = folder / "message"
    message.write_bytes(data)
    options = ["-O", f"hashalg={hash_algorithm}"] if hash_algorithm else []
    subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-f", str(key.path), "-n", namespace, *options, str(message)],
        check=True,
        capture_output=True,
    )
    signature = message.with_name("message.sig")
    try:
        return signature.read_bytes()
    finally:
        signature.unlink()


def inner_signature(key: Key, message: bytes, rsa_type: bytes = b"rsa-sha2-512") -> bytes:
    """The SSH signature of `message` by `key`, built with cryptography (for fields ssh-keygen will not write)."""
    private = key.private()
    key_type = key.public.type
    if key_type == "ssh-ed25519":
        return wire(b"ssh-ed25519", private.sign(message))
    if key_type in HASHES:
        r, s = decode_dss_signature(private.sign(message, ec.ECDSA(HASHES[key_type])))
        return wire(key_type.encode(), wire(mpint(r), mpint(s)))
    digest = {b"rsa-sha2-256": hashes.SHA256(), b"rsa-sha2-512": hashes.SHA512(), b"ssh-rsa": hashes.SHA1()}
    return wire(rsa_type, private.sign(message, padding.PKCS1v15(), digest[rsa_type]))


def construct(key: Key, data: bytes, *, hash_algorithm: bytes = b"sha512", rsa_type: bytes = b"rsa-sha2-512") -> Blob:
    namespace = NS.encode()
    message = signed_data(namespace, hash_algorithm, data)
    return Blob(key.public.blob, namespace, b"", hash_algorithm, inner_signature(key, message, rsa_type))


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, Key]:
    folder = tmp_path_factory.mktemp("keys")
    made = {name: keygen(folder, name, args) for name, args in KINDS.items()}
    made["ed25519-b"] = keygen(folder, "ed25519-b", KINDS["ed25519"])
    made["ecdsa256-b"] = keygen(folder, "ecdsa256-b", KINDS["ecdsa256"])
    return made


@pytest.fixture(scope="module")
def signed(keys) -> dict[str, bytes]:
    """One `ssh-keygen -Y sign` signature of DATA per key type."""
    return {name: ssh_keygen_sign(keys[name], DATA) for name in KINDS}


def verdicts(entries, data, signature, principal="org", namespace=NS, day=DAY):
    """(in-process, ssh-keygen) verdicts: each (ok, message)."""
    with sshsig.Verifier(entries) as ours, sshsig.Verifier(entries, ssh_keygen=True) as reference:
        assert not ours.ssh_keygen and reference.ssh_keygen
        return (
            ours.verify(data, signature, principal, namespace, day),
            reference.verify(data, signature, principal, namespace, day),
        )


def agreed(entries, data, signature, principal="org", namespace=NS, day=DAY) -> tuple[bool, str]:
    """The common verdict of both verifiers (and the in-process reason, in English); fails when they disagree."""
    ours, reference = verdicts(entries, data, signature, principal, namespace, day)
    assert ours[0] == reference[0], f"in-process {ours} but ssh-keygen {reference}"
    return ours[0], str(ours[1])


# good signatures -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("hash_algorithm", ["sha512", "sha256"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_good_signature_of_every_key_type_verifies_in_both(keys, kind, hash_algorithm):
    key = keys[kind]
    signature = ssh_keygen_sign(key, DATA, hash_algorithm=hash_algorithm)
    assert sshsig.read_signature(signature).hash_algorithm == hash_algorithm
    ours, reference = verdicts([key.signer()], DATA, signature)
    assert ours == reference  # the same line, word for word
    assert ours[0] is True and ours[1].startswith(f'Good "{NS}" signature for org with {key.public.label} key ')


def test_the_default_verifier_is_in_process_and_the_environment_selects_ssh_keygen(keys, monkeypatch):
    monkeypatch.delenv(sshsig.VERIFY_WITH_ENV, raising=False)
    assert sshsig.Verifier([]).ssh_keygen is False
    monkeypatch.setenv(sshsig.VERIFY_WITH_ENV, "ssh-keygen")
    assert sshsig.Verifier([]).ssh_keygen is True
    assert sshsig.Verifier([], ssh_keygen=False).ssh_keygen is False


# corrupted signatures, messages and keys -----------------------------------------------------------------------------
def flip(data: bytes, index: int, mask: int = 0x01) -> bytes:
    return data[:index] + bytes([data[index] ^ mask]) + data[index + 1 :]


def corruptions(keys: dict[str, Key], kind: str, signature: bytes):
    """(name, entries, data, signature, principal, namespace) cases that must not verify."""
    key = keys[kind]
    other = keys["ed25519-b" if kind != "ed25519" else "ecdsa256-b"]
    blob, raw = Blob.of(signature), unarmour(signature)

    mine = [key.signer()]

    def case(name, sig=signature, entries=mine, data=DATA):
        return name, entries, data, sig, "org", NS

    def changed(**fields) -> bytes:
        return dataclasses.replace(blob, **fields).armoured()

    tampered = sshsig.PublicKey(key.public.type, flip(key.public.blob, len(key.public.blob) - 2))
    yield case("flipped bit in the signature value", changed(signature=flip(blob.signature, len(blob.signature) - 3)))
    yield case("flipped bit in the message", data=flip(DATA, 5))
    yield case("flipped bit in the key inside the signature", changed(key=flip(blob.key, len(blob.key) - 2)))
    yield case("flipped bit in the expected key", entries=[sshsig.AllowedSigner("org", tampered, NS)])
    yield case("signed in another namespace", ssh_keygen_sign(key, DATA, OTHER_NS))
    yield case("namespace field changed", changed(namespace=OTHER_NS.encode()))
    yield case("key allowed in another namespace only", entries=[key.signer(namespace=OTHER_NS)])
    yield case("another principal's key", entries=[key.signer("someone-else"), other.signer()])
    yield case("signed by another key", ssh_keygen_sign(other, DATA))
    yield case("key inside swapped for another", changed(key=other.public.blob))
    yield case("swapped for the expected key", changed(key=other.public.blob), entries=[other.signer()])
    yield case("blob truncated by one byte", armour(raw[:-1]))
    yield case("blob cut in half", armour(raw[: len(raw) // 2]))
    yield case("armour cut in half", signature[: len(signature) // 2])
    yield case("extra data after the blob", changed(trailing=b"\0"))
    yield case("extra data inside the signature value", changed(signature=blob.signature + b"\0"))
    yield case("wrong magic", changed(magic=b"SSHSIH"))
    yield case("version 2", changed(version=2))
    yield case("hash algorithm renamed", changed(hash_algorithm=b"sha256"))
    yield case("no header", signature.split(b"\n", 1)[1])
    yield case("no footer", signature.rsplit(b"-----END", 1)[0])
    yield case("blank line before the header", b"\n" + signature)
    yield case("empty", b"")
    yield case("not base64", signature.replace(b"A", b"!", 1))
    text = base64.b64encode(raw).decode()
    if text.endswith("="):  # the last character before the padding carries spare bits that must be zero
        spare = text.rstrip("=")
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        bumped = spare[:-1] + alphabet[alphabet.index(spare[-1]) + 1] + text[len(spare) :]
        assert base64.b64decode(bumped) == raw
        non_canonical = b"-----BEGIN SSH SIGNATURE-----\n" + bumped.encode() + b"\n-----END SSH SIGNATURE-----\n"
        yield case("non-zero spare bits in the base64", non_canonical)


@pytest.mark.parametrize("kind", list(KINDS))
def test_corrupted_signatures_are_refused_by_both(keys, signed, kind):
    seen = []
    for name, entries, data, signature, principal, namespace in corruptions(keys, kind, signed[kind]):
        ok, why = agreed(entries, data, signature, principal, namespace)
        assert ok is False, name
        assert why and "Traceback" not in why, name
        seen.append(name)
    assert len(seen) >= 24


@pytest.mark.parametrize("kind", list(KINDS))
def test_what_openssh_ignores_is_ignored_by_both(keys, signed, kind):
    """Fields that are not signed and that OpenSSH accepts: both accept (so a check with OpenSSH alone agrees)."""
    key, signature = keys[kind], signed[kind]
    blob = Blob.of(signature)
    variants = {
        "text after the footer": signature + b"appended\n",
        "other line width": armour(unarmour(signature), 40),
        "version 0": dataclasses.replace(blob, version=0).armoured(),
        "reserved field filled": dataclasses.replace(blob, reserved=b"future").armoured(),
    }
    for name, variant in variants.items():
        ok, why = agreed([key.signer()], DATA, variant)
        assert ok is True, (name, why)


@pytest.mark.parametrize("kind", list(KINDS))
def test_constructed_signatures_agree(keys, kind):
    """Signatures made here with the same keys: the unmodified one verifies; unsupported fields do not."""
    key = keys[kind]
    good = construct(key, DATA)
    assert agreed([key.signer()], DATA, good.armoured())[0] is True
    bad = {"hash algorithm sha384": construct(key, DATA, hash_algorithm=b"sha384")}
    if kind == "rsa":
        assert agreed([key.signer()], DATA, construct(key, DATA, rsa_type=b"rsa-sha2-256").armoured())[0] is True
        bad["RSA with SHA-1 (ssh-rsa)"] = construct(key, DATA, rsa_type=b"ssh-rsa")
    else:
        sig_type, *rest = strings(good.signature)
        other_type = b"ssh-ed25519" if sig_type != b"ssh-ed25519" else b"ecdsa-sha2-nistp256"
        bad["signature type of another key type"] = dataclasses.replace(good, signature=wire(other_type, *rest))
    for name, blob in bad.items():
        ok, why = agreed([key.signer()], DATA, blob.armoured())
        assert ok is False, name


def test_integer_encodings_agree(keys):
    """OpenSSH reads integers with extra leading zeros, and refuses them with the sign bit set."""
    key = keys["ecdsa256"]
    for attempt in range(200):
        data = DATA + str(attempt).encode()
        message = signed_data(NS.encode(), b"sha512", data)
        r, s = decode_dss_signature(key.private().sign(message, ec.ECDSA(hashes.SHA256())))
        if r.bit_length() % 8 == 0:  # its encoding needs a leading zero byte
            break
    base = Blob(key.public.blob, NS.encode(), b"", b"sha512", b"")
    variants = {
        "minimal": (mpint(r), True),
        "extra leading zeros": (b"\0\0" + mpint(r), True),
        "leading zero dropped: negative": (mpint(r)[1:], False),
    }
    for name, (encoded_r, valid) in variants.items():
        value = wire(b"ecdsa-sha2-nistp256", wire(encoded_r, mpint(s)))
        ok, why = agreed([key.signer()], data, dataclasses.replace(base, signature=value).armoured())
        assert ok is valid, (name, why)


@pytest.mark.slow
def test_short_and_long_rsa_values_agree(keys):
    """OpenSSH pads an RSA value shorter than the modulus with zeros and refuses a longer one."""
    key = keys["rsa"]
    for attempt in range(3000):
        data = DATA + str(attempt).encode()
        blob = construct(key, data)
        sig_type, value = strings(blob.signature)
        if value[0] == 0:
            break
    else:
        pytest.fail("no RSA signature with a leading zero byte in 3000 tries")
    short = dataclasses.replace(blob, signature=wire(sig_type, value[1:]))
    long = dataclasses.replace(blob, signature=wire(sig_type, b"\0" + value))
    assert agreed([key.signer()], data, short.armoured())[0] is True
    assert agreed([key.signer()], data, long.armoured())[0] is False


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a 512-bit RSA key")
def test_a_small_rsa_key_is_refused_by_both(tmp_path):
    pem = subprocess.run(["openssl", "genrsa", "512"], check=True, capture_output=True).stdout
    private = serialization.load_pem_private_key(pem, None)
    numbers = private.public_key().public_numbers()
    public = sshsig.PublicKey("ssh-rsa", wire(b"ssh-rsa", mpint(numbers.e), mpint(numbers.n)))
    message = signed_data(NS.encode(), b"sha512", DATA)
    value = wire(b"rsa-sha2-256", private.sign(message, padding.PKCS1v15(), hashes.SHA256()))
    blob = Blob(public.blob, NS.encode(), b"", b"sha512", value)
    ok, why = agreed([sshsig.AllowedSigner("org", public, NS)], DATA, blob.armoured())
    assert ok is False and "512 bits is too small" in why


@pytest.mark.parametrize("kind", ["ed25519", "ecdsa256", "rsa"])
def test_a_key_with_trailing_bytes_is_refused_by_both(keys, signed, kind):
    key = keys[kind]
    odd = sshsig.PublicKey(key.public.type, key.public.blob + b"\0")
    variant = dataclasses.replace(Blob.of(signed[kind]), key=odd.blob).armoured()
    ok, why = agreed([sshsig.AllowedSigner("org", odd, NS)], DATA, variant)
    assert ok is False and "the public key has 1 unexpected trailing byte" in why


def test_an_ecdsa_signature_with_trailing_bytes_is_refused_by_both(keys, signed):
    blob = Blob.of(signed["ecdsa384"])
    sig_type, inner = strings(blob.signature)
    variant = dataclasses.replace(blob, signature=wire(sig_type, inner + b"\0")).armoured()
    ok, why = agreed([keys["ecdsa384"].signer()], DATA, variant)
    assert ok is False and "the ECDSA signature has 1 unexpected trailing byte" in why


def test_a_key_naming_another_curve_is_refused_by_both(keys, signed):
    key = keys["ecdsa256"]
    _type, _curve, point = strings(key.public.blob)
    odd = sshsig.PublicKey(key.public.type, wire(key.public.type.encode(), b"nistp384", point))
    variant = dataclasses.replace(Blob.of(signed["ecdsa256"]), key=odd.blob).armoured()
    ok, why = agreed([sshsig.AllowedSigner("org", odd, NS)], DATA, variant)
    assert ok is False and "curve is not nistp256" in why


@pytest.mark.parametrize(
    "day, valid",
    [
        (dt.date(2026, 3, 31), False),
        (dt.date(2026, 4, 1), True),
        (dt.date(2026, 6, 30), True),
        (dt.date(2026, 7, 1), False),
    ],
)
def test_the_validity_window_agrees(keys, signed, day, valid):
    entry = keys["ed25519"].signer(start=dt.date(2026, 4, 1), end=dt.date(2026, 7, 1))
    ok, why = agreed([entry], DATA, signed["ed25519"], day=day)
    assert ok is valid, why
    if not valid:
        assert "not valid on" in why


def test_one_of_several_keys_and_windows_suffices(keys, signed):
    old = keys["ed25519"].signer(start=dt.date(2020, 1, 1), end=dt.date(2021, 1, 1))
    renewed = keys["ed25519"].signer(start=dt.date(2026, 1, 1))
    other = keys["ecdsa256-b"].signer()
    assert agreed([old, other, renewed], DATA, signed["ed25519"])[0] is True
    assert agreed([old, other], DATA, signed["ed25519"])[0] is False


def test_reasons_name_what_is_wrong(keys, signed):
    key = keys["ed25519"]
    ours, reference = verdicts([key.signer()], flip(DATA, 1), signed["ed25519"])
    assert reference == (False, "Could not verify signature.")  # ssh-keygen really ran (no shared memo)
    assert ours[0] is False and "does not match the signed data" in str(ours[1])
    _, why = agreed([key.signer()], DATA, ssh_keygen_sign(key, DATA, OTHER_NS))
    assert f"namespace '{OTHER_NS}', not '{NS}'" in why
    ec_key = keys["ecdsa256"]
    _, why = agreed([key.signer()], DATA, signed["ecdsa256"])
    assert f"ECDSA key {ec_key.public.fingerprint}, which is not a key of org" in why
    assert f"ED25519 {key.public.fingerprint}" in why
    _, why = agreed([key.signer()], flip(DATA, 0), signed["ed25519"])
    assert "does not match" in why
    _, why = agreed([key.signer()], DATA, armour(unarmour(signed["ed25519"]) + b"xy"))
    assert "2 unexpected trailing bytes" in why
    _, why = agreed([key.signer()], DATA, armour(unarmour(signed["ed25519"])[:-1]))
    assert "truncated" in why
    _, why = agreed([key.signer()], DATA, b"-----BEGIN PGP SIGNATURE-----\n")
    assert "does not start with the line '-----BEGIN SSH SIGNATURE-----'" in why


# hardware (sk-) keys: signatures constructed from software keys ------------------------------------------------
@dataclasses.dataclass
class SoftwareSecurityKey:
    """A software stand-in for a FIDO key: signs what PROTOCOL.u2f says the hardware signs."""

    kind: str  # "ed25519" or "ecdsa"
    application: bytes = b"ssh:"

    def __post_init__(self):
        if self.kind == "ed25519":
            self.private = ed25519.Ed25519PrivateKey.generate()
            raw = self.private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            self.type = b"sk-ssh-ed25519@openssh.com"
            self.blob = wire(self.type, raw, self.application)
        else:
            self.private = ec.generate_private_key(ec.SECP256R1())
            point = self.private.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
            self.type = b"sk-ecdsa-sha2-nistp256@openssh.com"
            self.blob = wire(self.type, b"nistp256", point, self.application)
        self.public = sshsig.PublicKey(self.type.decode(), self.blob)

    def sign(self, data: bytes, flags: int = 0x01, counter: int = 42, signed_flags: int | None = None) -> Blob:
        message = signed_data(NS.encode(), b"sha512", data)
        tail = bytes([flags]) + counter.to_bytes(4, "big")
        signed = hashlib.sha256(self.application).digest() + bytes([flags if signed_flags is None else signed_flags])
        signed += counter.to_bytes(4, "big") + hashlib.sha256(message).digest()
        if self.kind == "ed25519":
            value = wire(self.type, self.private.sign(signed)) + tail
        else:
            r, s = decode_dss_signature(self.private.sign(signed, ec.ECDSA(hashes.SHA256())))
            value = wire(self.type, wire(mpint(r), mpint(s))) + tail
        return Blob(self.blob, NS.encode(), b"", b"sha512", value)


@pytest.mark.parametrize("kind", ["ed25519", "ecdsa"])
def test_constructed_security_key_signatures_agree(kind):
    token = SoftwareSecurityKey(kind)
    assert sshsig.parse_public_key(token.public.line).blob == token.blob  # the registry accepts the key
    entries = [sshsig.AllowedSigner("org", token.public, NS)]
    for name, blob in {"user present": token.sign(DATA), "no touch required": token.sign(DATA, flags=0)}.items():
        ok, why = agreed(entries, DATA, blob.armoured())
        assert ok is True, (name, why)
        assert f"with {token.public.label} key" in why
    good = token.sign(DATA)
    other_app = SoftwareSecurityKey(kind, application=b"ssh:other")
    bad = {
        "flags changed after signing": token.sign(DATA, flags=0x05, signed_flags=0x01),
        "counter changed after signing": dataclasses.replace(good, signature=good.signature[:-1] + b"\x2b"),
        "counter missing": dataclasses.replace(good, signature=good.signature[:-4]),
        "extra byte after the counter": dataclasses.replace(good, signature=good.signature + b"\0"),
        "application changed in the key": dataclasses.replace(
            good, key=good.key[: -len(token.application) - 4] + wire(b"ssh:other")
        ),
        "message changed": token.sign(flip(DATA, 3)),
        "another token": other_app.sign(DATA),
    }
    for name, blob in bad.items():
        ok, why = agreed(entries, DATA, blob.armoured())
        assert ok is False, name
    nul = SoftwareSecurityKey(kind, application=b"ssh:\0x")
    ok, why = agreed([sshsig.AllowedSigner("org", nul.public, NS)], DATA, nul.sign(DATA).armoured())
    assert ok is False and "NUL" in why
    # the application is part of what was signed: the same point under another application does not verify
    moved = dataclasses.replace(good, key=good.key[: -len(token.application) - 4] + wire(b"ssh:other"))
    moved_key = sshsig.PublicKey(token.public.type, moved.key)
    assert agreed([sshsig.AllowedSigner("org", moved_key, NS)], DATA, moved.armoured())[0] is False


# random corruption: both verifiers always agree ---------------------------------------------------------------
@pytest.mark.parametrize("kind", ["ed25519", "ecdsa384", "rsa"])
def test_random_byte_flips_in_the_armour_never_split_the_verdicts(keys, signed, kind):
    key, signature = keys[kind], signed[kind]
    entries = [key.signer()]

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.integers(0, len(signature) - 1), st.integers(1, 255)), min_size=1, max_size=3))
    def check(flips):
        variant = signature
        for index, mask in flips:
            variant = flip(variant, index, mask)
        agreed(entries, DATA, variant)

    check()


@pytest.mark.parametrize("kind", ["ed25519", "ecdsa256", "ecdsa521"])
def test_random_byte_flips_in_the_blob_never_split_the_verdicts(keys, signed, kind):
    key, raw = keys[kind], unarmour(signed[kind])
    entries = [key.signer()]

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.integers(0, len(raw) - 1), st.sampled_from([0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF]))
    def check(index, mask):
        agreed(entries, DATA, armour(flip(raw, index, mask)))

    check()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.binary(max_size=300).map(armour)))
def test_garbage_is_refused_with_a_reason_never_an_exception(garbage):
    key = sshsig.PublicKey("ssh-ed25519", wire(b"ssh-ed25519", bytes(32)))
    with sshsig.Verifier([sshsig.AllowedSigner("org", key, NS)]) as verifier:
        ok, why = verifier.verify(DATA, garbage, "org", NS, DAY)
    assert ok is False and why
    try:
        parsed = sshsig_verify.parse(garbage)
    except sshsig_verify.Malformed:
        return
    assert sshsig_verify.check(parsed, DATA, NS) is not None


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=300), st.sampled_from(sshsig_verify.KEY_TYPES))
def test_any_key_and_signature_fields_are_refused_never_an_exception(noise, key_type):
    """A well-formed blob around random key and signature bytes of each type: a reason, never another exception."""
    half = len(noise) // 2
    blob = Blob(wire(key_type.encode()) + noise[:half], NS.encode(), b"", b"sha512", noise[half:])
    parsed = sshsig_verify.parse(blob.armoured())
    assert sshsig_verify.check(parsed, DATA, NS) is not None


# every signature checked while verifying real repositories ---------------------------------------------------
@dataclasses.dataclass
class Call:
    entries: list
    data: bytes
    signature: bytes
    principal: str
    namespace: str
    day: dt.date
    ok: bool


@pytest.fixture
def recorded(monkeypatch):
    """Every question put to a Verifier while a command runs (the real verifier answers it)."""
    calls: list[Call] = []
    real = sshsig.Verifier.verify

    def spy(self, data, signature, principal, namespace, day):
        verdict = real(self, data, signature, principal, namespace, day)
        calls.append(Call(self.entries, data, signature, principal, namespace, day, verdict[0]))
        return verdict

    monkeypatch.setattr(sshsig.Verifier, "verify", spy)
    return calls


def replay(calls: list[Call]) -> dict[str, int]:
    """Each recorded question and three corrupted forms of it, to both verifiers; they must agree."""
    unique = {(c.data, c.signature, c.principal, c.namespace, c.day): c for c in calls}.values()
    counts = {"good": 0, "bad": 0}
    for c in unique:
        ok, why = agreed(c.entries, c.data, c.signature, c.principal, c.namespace, c.day)
        assert ok == c.ok
        counts["good" if ok else "bad"] += 1
        blob = Blob.of(c.signature)
        value = dataclasses.replace(blob, signature=flip(blob.signature, len(blob.signature) - 5)).armoured()
        for variant in (
            (c.entries, flip(c.data, len(c.data) // 2), c.signature, c.principal, c.namespace, c.day),
            (c.entries, c.data, value, c.principal, c.namespace, c.day),
            (c.entries, c.data, c.signature, c.principal, sshsig.NS_REGISTRY + "-x", c.day),
        ):
            assert agreed(*variant)[0] is False
    return counts


def verify_both_ways(run_cli, repo: Path, recorded: list[Call], monkeypatch) -> int:
    """`akkoord verify` with each verifier: the same exit code and the same JSON report."""
    monkeypatch.delenv(sshsig.VERIFY_WITH_ENV, raising=False)
    code, out, err = run_cli("-C", repo, "verify", "--json")
    monkeypatch.setenv(sshsig.VERIFY_WITH_ENV, "ssh-keygen")
    ref_code, ref_out, ref_err = run_cli("-C", repo, "verify", "--json")
    monkeypatch.delenv(sshsig.VERIFY_WITH_ENV)
    assert (code, err) == (ref_code, ref_err)
    ours, reference = json.loads(out), json.loads(ref_out)
    problems = [(p["code"], p["where"]) for p in ours["problems"]]
    assert problems == [(p["code"], p["where"]) for p in reference["problems"]]
    return code


@pytest.mark.slow
def test_every_signature_of_the_demo_agrees(tmp_path, run_cli, recorded, monkeypatch):
    for folder in ("demo", "texts"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    env.pop(sshsig.VERIFY_WITH_ENV, None)
    proc = subprocess.run(["bash", str(tmp_path / "demo" / "run.sh")], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    demo = tmp_path / "demo-out"
    sig_files = [p for p in (demo / "maak020").rglob("*.sig") if ".git" not in p.parts]
    assert len(sig_files) >= 8
    assert verify_both_ways(run_cli, demo / "maak020", recorded, monkeypatch) == 0
    checked = {c.signature for c in recorded}
    assert {p.read_bytes() for p in sig_files} <= checked  # every signature file in the demo was checked
    assert verify_both_ways(run_cli, demo / "vervalst", recorded, monkeypatch) == 1  # the forged copy
    counts = replay(recorded)
    assert counts["good"] >= len(sig_files) and counts["bad"] >= 1


@pytest.mark.slow
def test_a_repository_signed_with_every_registry_key_type_agrees(tmp_path, keys, run_cli, recorded, monkeypatch):
    monkeypatch.setenv("AKKOORD_TODAY", "2026-11-27")
    repo, by = tmp_path / "repo", "Secretariaat <secretariaat@example.org>"
    admin = keys["ecdsa384"].path
    sample = ROOT / "texts" / "maak020" / "akkoord.xml"

    def run(*args):
        code, out, err = run_cli(*args)
        assert code == 0, err
        return out

    run("init", repo, "--from", sample, "--by", by, "--admin-key", f"{admin}.pub", "--date", "2026-11-01")
    run(
        "-C", repo, "version", "create", "2026", "-m", "Vastgesteld", "--date", "2026-11-01", "--by", by, "--key", admin
    )
    signers = {"org-ed": "ed25519", "org-p256": "ecdsa256", "org-p521": "ecdsa521"}
    for org, kind in signers.items():
        pubkey = f"{keys[kind].path}.pub"
        admin_signs = ("--key", admin, "--by", by)
        run(
            "-C",
            repo,
            "signatory",
            "add",
            org,
            "--name",
            org,
            "--kind",
            "organisation",
            "--pubkey",
            pubkey,
            *admin_signs,
        )
    for org, kind in signers.items():
        run("-C", repo, "endorse", "2026", "--as", org, "--key", keys[kind].path)
    # an attestation speaks only for a signatory without a key of its own (issue 9 item 3)
    run("-C", repo, "signatory", "add", "org-papier", "--name", "Papier", "--kind", "organisation", *admin_signs)
    run(
        "-C",
        repo,
        "attest",
        "2026",
        "--signatory",
        "org-papier",
        "--date",
        "2026-11-27",
        "--evidence",
        "op papier",
        *admin_signs,
    )
    assert verify_both_ways(run_cli, repo, recorded, monkeypatch) == 0
    types = {sshsig.read_signature(c.signature).key_type for c in recorded}
    assert types == {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"}
    replay(recorded)
