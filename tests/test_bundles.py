"""Signatories and drafters without push rights: a statement or proposal written to one file (`--out`), mailed,
and committed unchanged by someone with push rights (`akkoord receive`) only when it verifies."""

from __future__ import annotations

import base64
import json

import pytest
from exchange_world import statement_name
from helpers import assert_one_line_error

from akkoordvc.trust.jsonfile import canonical_json


@pytest.fixture
def pair(exchange):
    """The secretariat's clone (push rights) and an organisation's (read only: it never pushes)."""
    return exchange.clone("secretariaat"), exchange.clone("buurt")


def _files(path):
    return {p: base64.b64decode(v) for p, v in json.loads(path.read_bytes())["files"].items()}


def test_a_statement_travels_as_one_file_and_is_committed_unchanged(pair, exchange):
    secretariat, buurt = pair
    before = buurt.snapshot()
    mail = exchange.base / "verklaring.akkoord"
    out = buurt.ak("endorse", "2019", "--as", "buurtkracht-oost", "--key", buurt.key("buurt"), "--out", mail)
    assert f"written to {mail}: send it to someone with push rights, who runs `akkoord receive {mail}`" in out
    assert buurt.snapshot() == before
    files = _files(mail)
    assert sorted(files) == [p for p in sorted(files)] and len(files) == 2
    out = secretariat.ak("receive", mail)
    assert "Received Stichting Buurtkracht Oost (buurtkracht-oost): endorse version 2019 on 2026-11-27" in out
    for path, data in files.items():
        assert (secretariat.root / path).read_bytes() == data
        assert secretariat.git("show", f"HEAD:{path}", "--no-textconv").encode() == data
    assert secretariat.git("log", "-1", "--format=%an") == "Stichting Buurtkracht Oost\n"
    assert "OK: everything verifies" in secretariat.ak("verify")
    assert_one_line_error(*secretariat.ak_fail("receive", mail)[::2], "is already in this repository; nothing to do")
    secretariat.ak("push")
    assert "taken in: 1 statement(s)" in buurt.ak("pull")
    assert "endorsed" in buurt.ak("endorsements")


def test_a_proposal_travels_as_one_file(pair, exchange):
    secretariat, buurt = pair
    mail = exchange.base / "voorstel.akkoord"
    text = (buurt.root / "akkoord.xml").read_text("utf-8").replace("ongeveer 40", "ruim 40")
    (exchange.base / "edited.xml").write_text(text, "utf-8")
    before = buurt.snapshot()
    code, out, err = buurt.ak_fail(
        "amend",
        "propose",
        "--from-file",
        exchange.base / "edited.xml",
        "--title",
        "Ruim 40",
        "--by",
        "Noor <noor@example.org>",
        "--date",
        "2026-11-27",
        "--out",
        mail,
    )
    assert code == 0 and f"written to {mail}" in err
    ident = out.strip()
    assert buurt.snapshot() == before
    out = secretariat.ak("receive", mail)
    assert f"Received amendment {ident}: Ruim 40" in out
    for path, data in _files(mail).items():
        assert (secretariat.root / path).read_bytes() == data
    assert secretariat.git("log", "-1", "--format=%an") == "Noor\n"
    listing = secretariat.ak("amend", "list")
    assert ident in listing and "proposed" in listing
    secretariat.accept(ident)
    assert "OK: everything verifies" in secretariat.ak("verify")


def _bundle(kind, files):
    return canonical_json(
        {
            "files": {p: base64.b64encode(d).decode() for p, d in files.items()},
            "format": "akkoordvc-bundle-v1",
            "kind": kind,
        }
    )


def test_receive_refuses_anything_else_with_one_line_and_writes_nothing(pair, exchange):
    secretariat, buurt = pair
    good = exchange.base / "goed.akkoord"
    buurt.ak("endorse", "2019", "--as", "buurtkracht-oost", "--key", buurt.key("buurt"), "--out", good)
    files = _files(good)
    statement = next(p for p in files if p.endswith(".json"))
    edited = json.loads(files[statement])
    edited["mandate"] = "Geen besluit"
    other = dict(files)
    other[statement] = canonical_json(edited)
    deep = b'{"files":' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    cases = {
        "not JSON": (b"Beste secretariaat,\n", "not an akkoord statement or proposal file"),
        "not canonical": (b'{ "format": "akkoordvc-bundle-v1" }\n', "not in canonical form"),
        "deeply nested": (deep, "nested more than"),
        "another format": (canonical_json({"format": "x", "kind": "endorsement", "files": {}}), "format is 'x'"),
        "a path outside the repository": (_bundle("endorsement", {"../../.bashrc": b"x"}), "is not a repository path"),
        "a git path": (_bundle("endorsement", {".git/hooks/post-commit": b"x"}), "is not a repository path"),
        "bad base64": (
            canonical_json({"files": {statement: "!!"}, "format": "akkoordvc-bundle-v1", "kind": "endorsement"}),
            "is not base64 text",
        ),
        "an edited statement": (_bundle("endorsement", other), "not a signatory's signed statement at the path its"),
        "a statement renamed to fit": (
            _bundle(
                "endorsement",
                {
                    statement.rsplit("/", 1)[0] + "/" + statement_name(other[statement]): other[statement],
                    statement.rsplit("/", 1)[0] + "/" + statement_name(other[statement]) + ".sig": files[
                        statement + ".sig"
                    ],
                },
            ),
            "the statement was changed after it was signed",
        ),
        "a statement as an amendment": (_bundle("amendment", files), "holds 0 amendment records"),
        "a DTD in a proposal": (
            _bundle(
                "amendment",
                {"amendments/x/amendment.xml": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "e">]><a>&e;</a>'},
            ),
            "amendments/x/amendment.xml",
        ),
    }
    before = secretariat.snapshot()
    for name, (data, said) in cases.items():
        path = exchange.base / f"{name}.akkoord"
        path.write_bytes(data)
        code, out, err = secretariat.ak_fail("receive", path)
        assert code == 1 and said in err and "Traceback" not in err, (name, err)
        assert len(err.strip().splitlines()) <= 2, (name, err)
        assert secretariat.snapshot() == before, name
    huge = exchange.base / "huge.akkoord"
    huge.write_bytes(b" " * (3 * 1024 * 1024))
    assert_one_line_error(*secretariat.ak_fail("receive", huge)[::2], "over the limit")


def test_receive_refuses_a_proposal_that_decides_itself_or_does_not_fit_its_base(pair, exchange):
    """A proposal file holds a new amendment and its `proposed` event only, and must fit the text it names."""
    from akkoordvc.ops.amendments import parse_event
    from akkoordvc.storage.amendment_store.paths import event_path

    secretariat, buurt = pair
    mail = exchange.base / "voorstel.akkoord"
    text = (buurt.root / "akkoord.xml").read_text("utf-8").replace("ongeveer 40", "ruim 40")
    (exchange.base / "edited.xml").write_text(text, "utf-8")
    edited = exchange.base / "edited.xml"
    buurt.ak(
        "amend", "propose", "--from-file", edited, "--title", "Ruim 40", "--by", "Noor <n@example.org>", "--out", mail
    )
    files = _files(mail)
    record = next(p for p in files if p.endswith("/amendment.xml"))
    proposed = next(p for p in files if "/events/" in p)
    ident = record.split("/")[1]
    accepted = files[proposed].replace(b'status="proposed"', b'status="accepted"')
    self_accepted = {**files, event_path(ident, parse_event(accepted)): accepted}
    base = files[record].split(b'base-sha256="', 1)[1][:64]
    misfit = {**files, record: files[record].replace(base, b"0" * 64)}
    before = secretariat.snapshot()
    for name, bundle, said in (
        ("self-accepted", self_accepted, "is a 'accepted' event; a proposal holds only its 'proposed' event"),
        ("misfit", misfit, "does not match its base text"),
    ):
        path = exchange.base / f"{name}.akkoord"
        path.write_bytes(_bundle("amendment", bundle))
        assert_one_line_error(*secretariat.ak_fail("receive", path)[::2], said)
        assert secretariat.snapshot() == before, name
    assert "Received amendment" in secretariat.ak("receive", mail)
