"""The story the review-site tests build: a real agreement repository made with the `akkoord` CLI.

Versions 2019 (the sample text), 2023 (two amendments accepted, one rejected) and 2025 (an editorial
change); two open amendments that both change clause `looptijd` (a collision); a registry with two
colleges and two organisations whose keys are made with ssh-keygen; an attested endorsement, a signed
endorsement by the sitting college and a signed decline. "Today" is 2026-11-27.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from akkoordvc.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "texts" / "maak020"
TODAY = "2026-11-27"
SECRETARIAAT = "Secretariaat Ma.ak020 <secretariaat@maak020.example>"


def akkoord(*args, cwd: Path, today: str = TODAY) -> str:
    """Run the CLI in-process in `cwd` with "today" fixed; return its output, failing loudly on an error."""
    runner = CliRunner()
    old_cwd, old_today = os.getcwd(), os.environ.get("AKKOORD_TODAY")
    os.chdir(cwd)
    os.environ["AKKOORD_TODAY"] = today
    try:
        with runner.isolation() as streams:
            code = main([str(a) for a in args])
            sys.stdout.flush()
            out = streams[0].getvalue().decode("utf-8")
            err = streams[1].getvalue().decode("utf-8")
    finally:
        os.chdir(old_cwd)
        if old_today is None:
            os.environ.pop("AKKOORD_TODAY", None)
        else:
            os.environ["AKKOORD_TODAY"] = old_today
    if code != 0:
        raise AssertionError(f"akkoord {' '.join(map(str, args))} exited {code}: {err}")
    return out


def keygen(folder: Path, name: str) -> Path:
    path = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return path


def edited(repo: Path, out: Path, old: str, new: str) -> Path:
    """A copy of the repository's text with `old` replaced by `new` (which must occur once)."""
    text = (repo / "akkoord.xml").read_text("utf-8")
    assert text.count(old) == 1, old
    out.write_text(text.replace(old, new), "utf-8")
    return out


LOOPTIJD = "blijft in elk geval van kracht tot en met 2025."


def build_story(folder: Path) -> Path:
    """Build the story's repository in `folder`/maak020 (keys in `folder`/keys); return the repository."""
    keys = folder / "keys"
    keys.mkdir(parents=True)
    for name in ("admin", "college-2022-2026", "college-2026-2030", "buurtkracht-oost", "huurders-zuidoost"):
        keygen(keys, name)
    repo = folder / "maak020"
    akkoord(
        "init", repo, "--from", TEXTS / "akkoord.xml", "--by", SECRETARIAAT,
        "--admin-key", keys / "admin.pub", "--date", "2019-11-09", cwd=folder,
    )  # fmt: skip
    akkoord(
        "version",
        "create",
        "2019",
        "--date",
        "2019-11-09",
        "-m",
        "Op hoofdlijnen ondertekend",
        "--by",
        SECRETARIAAT,
        "--key",
        keys / "admin",
        cwd=repo,
    )

    ids = {}
    for name, title, who in (
        ("meer-routes", "Meer routes naar uitvoering dan alleen Ma.akbanken", "Noor Haddou <noor@netwerk.example>"),
        ("informele-netwerken", "Informele netwerken betrekken", "Joris Meijer <joris@netwerk.example>"),
        ("zichtbaarheid-resultaten", "Resultaten zichtbaar maken", "Fenna de Boer <fenna@netwerk.example>"),
    ):
        ids[name] = akkoord(
            "amend", "propose", "--from-file", TEXTS / "amendments" / f"{name}.xml", "--title", title, "--by", who,
            "--source", "netwerkbijeenkomst 23 juni 2022", "--rationale", f"Toelichting bij {title.lower()}.",
            "--date", "2022-07-04", "--base", "2019", cwd=repo,
        ).split()[0]  # fmt: skip
    admin = ("--key", keys / "admin")  # a decision in a repository with a registry is an admin-signed record
    akkoord("amend", "accept", ids["meer-routes"], "--by", SECRETARIAAT, "--date", "2022-09-27", *admin, cwd=repo)
    akkoord("amend", "accept", ids["zichtbaarheid-resultaten"], "--by", SECRETARIAAT, "--date", "2022-09-27", *admin, cwd=repo)  # fmt: skip
    akkoord(
        "amend", "reject", ids["informele-netwerken"], "--by", SECRETARIAAT, "--reason", "Neem hier tijd voor", *admin,
        cwd=repo,
    )  # fmt: skip
    akkoord("version", "create", "2023", "--date", "2023-03-01", "-m", "Geactualiseerd", "--by", SECRETARIAAT, "--key", keys / "admin", cwd=repo)  # fmt: skip

    edited(repo, repo / "akkoord.xml", "binnen zes maanden na zijn aantreden", "binnen vier maanden na zijn aantreden")
    akkoord("commit", "-m", "Termijn voor een nieuw college verduidelijkt", "--by", SECRETARIAAT, cwd=repo)
    akkoord(
        "version",
        "create",
        "2025",
        "--date",
        "2025-06-01",
        "-m",
        "Redactionele bijwerking",
        "--by",
        SECRETARIAAT,
        "--key",
        keys / "admin",
        cwd=repo,
    )

    for n, (until, who) in enumerate(
        (("2030", "Noor Haddou <noor@netwerk.example>"), ("2029", "Pieter Smit <pieter@netwerk.example>"))
    ):
        copy = edited(
            repo, folder / f"looptijd-{n}.xml", LOOPTIJD, f"blijft in elk geval van kracht tot en met {until}."
        )
        akkoord(
            "amend", "propose", "--from-file", copy, "--title", f"Looptijd verlengen tot en met {until}", "--by", who,
            "--rationale", f"Het akkoord loopt af; verleng het tot en met {until}.", "--date", f"2026-10-0{n + 1}",
            cwd=repo,
        )  # fmt: skip

    admin = keys / "admin"
    for ident, name, kind, extra in (
        ("college-2022-2026", "College van B&W 2022–2026", "college", ["--term-start", "2022-06-01", "--term-end", "2026-05-31"]),
        ("college-2026-2030", "College van B&W 2026–2030", "college", ["--term-start", "2026-06-01", "--term-end", "2030-05-31", "--succeeds", "college-2022-2026", "--pubkey", keys / "college-2026-2030.pub"]),
        ("buurtkracht-oost", "Stichting Buurtkracht Oost", "organisation", ["--pubkey", keys / "buurtkracht-oost.pub"]),
        ("huurders-zuidoost", "Huurdersvereniging Zuidoost", "organisation", ["--pubkey", keys / "huurders-zuidoost.pub"]),
    ):  # fmt: skip
        akkoord("signatory", "add", ident, "--name", name, "--kind", kind, *extra, "--key", admin, "--by", SECRETARIAAT, "--valid-from", "2026-11-01", cwd=repo)  # fmt: skip
    akkoord(
        "attest", "2023", "--signatory", "college-2022-2026", "--date", "2023-03-15",
        "--evidence", "Collegebesluit van 14 maart 2023", "--key", admin, "--by", SECRETARIAAT, cwd=repo,
    )  # fmt: skip
    akkoord("endorse", "2023", "--as", "buurtkracht-oost", "--key", keys / "buurtkracht-oost", "--mandate", "Bestuursbesluit", "--yes", cwd=repo)  # fmt: skip
    akkoord("endorse", "2025", "--as", "huurders-zuidoost", "--key", keys / "huurders-zuidoost", "--decision", "decline", "--comment", "Wij tekenen (nog) niet.", cwd=repo)  # fmt: skip
    akkoord("endorse", "2025", "--as", "college-2026-2030", "--key", keys / "college-2026-2030", "--mandate", "Collegebesluit", cwd=repo)  # fmt: skip
    return repo


def build_law(folder: Path, files: list[Path]) -> Path:
    """A repository whose versions are consecutive BWB versions of one law (labelled by their date)."""
    repo = folder / "law"
    by = "Bench <law@example.org>"
    for n, source in enumerate(files):
        imported = folder / f"{source.stem}.xml"
        akkoord("import", "bwb", source, "-o", imported, cwd=folder)
        label = source.stem.split("_", 1)[1]
        if n == 0:
            akkoord("init", repo, "--from", imported, "--by", by, "--date", label[:10], cwd=folder)
        else:
            (repo / "akkoord.xml").write_bytes(imported.read_bytes())
            akkoord("commit", "-m", f"Toestand {label}", "--by", by, cwd=repo)
        akkoord("version", "create", label, "--date", label[:10], "--by", by, cwd=repo)
    return repo
