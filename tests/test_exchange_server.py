"""Three organisations and an attacker against real servers on the loopback address: `git daemon` (git://) and
`git http-backend` behind a small HTTP server (http://), both serving the one shared repository, started and
stopped inside the test.

The secretariat and one organisation work over git://, another over http://, the attacker pushes with plain git
over http://. Rounds of propose / accept / version / endorse / signatory add are interleaved between the clones;
after every round each clone pulls and pushes in turn until all hold the same branch and version tags, and every
clone verifies; the forgeries of `forgeries.FORGERIES` are spread over the rounds, and each is refused by `pull` in
every clone, which is left exactly as it was. Last, https:// behind the same HTTP server with TLS and a
self-signed certificate git is told to trust.
"""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from exchange_world import Clone
from forgeries import FORGERIES, refresh, restore, server_refs


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def git_daemon(exchange):
    """git:// on 127.0.0.1, pushing allowed, serving the folder of the shared repository."""
    for _attempt in range(5):
        port = _free_port()
        proc = subprocess.Popen(
            [
                "git",
                "daemon",
                "--reuseaddr",
                "--export-all",
                "--enable=receive-pack",
                "--informative-errors",
                "--listen=127.0.0.1",
                f"--port={port}",
                f"--base-path={exchange.base}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        if proc.poll() is None:
            break
    else:
        pytest.fail(f"git daemon did not start: {proc.stderr.read().decode()}")
    yield f"git://127.0.0.1:{port}/origin.git"
    proc.terminate()
    proc.wait(timeout=10)


class _GitHTTP(BaseHTTPRequestHandler):
    """Runs `git http-backend` as a CGI program for every request (pushing allowed: a user is set)."""

    root = ""

    def do_GET(self):
        self._backend()

    def do_POST(self):
        self._backend()

    def log_message(self, *args):
        pass

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _backend(self) -> None:
        path, _, query = self.path.partition("?")
        body = self._body()
        env = {
            **os.environ,
            "GIT_PROJECT_ROOT": self.root,
            "GIT_HTTP_EXPORT_ALL": "1",
            "REMOTE_USER": "organisatie",
            "REMOTE_ADDR": "127.0.0.1",
            "REQUEST_METHOD": self.command,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
            "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
        }
        out = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True).stdout
        head, _, payload = (
            out.replace(b"\r\n", b"\n").partition(b"\n\n") if b"\r\n\r\n" not in out else out.partition(b"\r\n\r\n")
        )
        status, headers = 200, []
        for line in head.replace(b"\r\n", b"\n").split(b"\n"):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value.strip()))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@contextlib.contextmanager
def _serving(root, tls: ssl.SSLContext | None = None):
    """git http-backend behind Python's HTTP server on 127.0.0.1, in a thread of this process; its base URL."""
    handler = type("Handler", (_GitHTTP,), {"root": str(root)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def http_backend(exchange):
    """http:// on 127.0.0.1."""
    with _serving(exchange.base) as url:
        yield f"{url}/origin.git"


def _certificate(folder):
    """A self-signed certificate for 127.0.0.1 (made with `cryptography`): (certificate file, key file)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "server.crt", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


def test_https_urls_work(exchange, monkeypatch):
    """https:// with a certificate git is told to trust (GIT_SSL_CAINFO), as on a server with a real one."""
    cert, key = _certificate(exchange.base)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    monkeypatch.setenv("GIT_SSL_CAINFO", str(cert))
    from exchange_world import git

    git(exchange.origin, "config", "http.receivepack", "true")
    with _serving(exchange.base, tls) as url:
        a = exchange.clone("a", f"{url}/origin.git")
        a.endorse("buurt", "2019")
        assert f"Pushed to origin ({url}/origin.git)" in a.ak("push")
        b = exchange.clone("b", f"{url}/origin.git")
        assert b.refs() == a.refs()
        monkeypatch.delenv("GIT_SSL_CAINFO")
        code, _, err = b.ak_fail("pull")
        assert code == 1 and "cannot reach origin" not in err and "could not fetch from origin" in err
        assert len(err.strip().splitlines()) == 1


def _converge(clones: list[Clone]) -> None:
    """Each clone pulls and pushes in turn, then all pull: afterwards all hold the same refs and verify."""
    for clone in clones:
        clone.ak("pull", "--by", f"{clone.name} <{clone.name}@example.org>")
        clone.ak("push")
    for clone in clones:
        clone.ak("pull")
    refs = [clone.refs() for clone in clones]
    assert all(r == refs[0] for r in refs), refs
    for clone in clones:
        assert "OK: everything verifies" in clone.ak("verify"), clone.name


def _attack(exchange, mallory: Clone, clones: list[Clone], names: list[str]) -> list[tuple]:
    missed = []
    for name in names:
        forge, said = FORGERIES[name]
        honest = server_refs(exchange.origin)
        refresh(mallory)
        forge(mallory)
        assert server_refs(exchange.origin) != honest, name
        for clone in clones:
            before = clone.snapshot()
            code, _, err = clone.ak_fail("pull")
            if not (code == 1 and said in err and clone.snapshot() == before):
                missed.append((name, clone.name, code, err))
        restore(exchange.origin, honest)
    return missed


def test_three_clones_and_an_attacker_against_git_daemon_and_http_backend(exchange, git_daemon, http_backend):
    from exchange_world import git

    git(exchange.origin, "config", "http.receivepack", "true")
    secretariat = exchange.clone("secretariaat", git_daemon)
    buurt = exchange.clone("buurt", http_backend)
    energie = exchange.clone("energie", git_daemon)
    mallory = exchange.attacker(http_backend)
    clones = [secretariat, buurt, energie]
    assert "git://127.0.0.1" in secretariat.ak("remote", "list") and "http://127.0.0.1" in buurt.ak("remote", "list")
    missed = []

    # round 1: two organisations propose amendments at the same time
    first = buurt.propose("ma-akbanken", "Ook via andere routes.", "Meer routes", "Buurtkracht <b@example.org>")
    second = energie.propose("donutdeals", "Met jaarlijkse verslaglegging.", "Verslag", "Energie <e@example.org>")
    _converge(clones)
    missed += _attack(exchange, mallory, clones, ["unsigned registry change", "forked registry", "history rewrite"])
    missed += _attack(exchange, mallory, clones, ["deleted amendment", "changed amendment event", "forged acceptance"])

    # round 2: the secretariat accepts both while an organisation endorses version 2019
    secretariat.accept(first)
    secretariat.accept(second)
    buurt.endorse("buurt", "2019")
    _converge(clones)
    missed += _attack(exchange, mallory, clones, ["moved version", "re-dated version"])

    # round 3: a version, consolidating both amendments
    secretariat.version("2024", "Actualisering 2024")
    _converge(clones)
    assert all("2024" in clone.ak("log") for clone in clones)
    missed += _attack(exchange, mallory, clones, ["rolled-back registry", "unsigned version"])

    # round 4: both organisations endorse the new version at the same time
    buurt.endorse("buurt", "2024")
    energie.endorse("energie", "2024")
    _converge(clones)
    missed += _attack(exchange, mallory, clones, ["forged statement", "edited statement", "deleted statement"])

    # round 5: a signatory is added while an organisation proposes again
    secretariat.add_signatory("huurders")
    third = energie.propose("routes-uitgangspunt", "Samen met bewoners.", "Samen", "Energie <e@example.org>")
    _converge(clones)

    assert missed == []
    for clone in clones:
        matrix = clone.ak("endorsements")
        assert "buurtkracht-oost" in matrix and "energie-noord" in matrix and "huurders-zuidoost" in matrix
        listing = clone.ak("amend", "list")
        assert third in listing and "consolidated" in listing
