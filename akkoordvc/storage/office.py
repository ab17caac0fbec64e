"""The one module that runs LibreOffice (`soffice`), for the OpenDocument text format.

An .odt is read by converting it to .docx and written by converting the Word export, so one reader and
one writer serve both formats. Each conversion runs headless in a temporary folder with a user profile
of its own (so it never touches, or waits for, a LibreOffice the user has open), with a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import AkkoordError
from ..messages import Message
from ..model.strings import one_line

#: Seconds one conversion may take (a first run also creates the profile: about 3 s here).
TIMEOUT = 180


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return os.environ.get("AKKOORD_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, source_ext: str, target: str, what: str) -> bytes:
    """`data` (a file with extension `source_ext`) converted by LibreOffice to `target` ("docx", "odt")."""
    program = soffice()
    if program is None:
        raise AkkoordError.keyed("store.no_libreoffice", what=what)
    with tempfile.TemporaryDirectory(prefix="akkoord-office-") as folder:
        work = Path(folder)
        src = work / f"document.{source_ext}"
        src.write_bytes(data)
        out = work / "out"
        try:
            proc = subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={(work / 'profile').as_uri()}",
                    "--headless",
                    "--norestore",
                    "--nologo",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(out),
                    str(src),
                ],
                capture_output=True,
                timeout=TIMEOUT,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise AkkoordError.keyed("store.libreoffice_timeout", what=what, seconds=TIMEOUT) from None
        except OSError as exc:
            raise AkkoordError.keyed(
                "store.libreoffice_failed", what=what, program=program, why=exc.strerror or str(exc)
            ) from None
        result = out / f"document.{target}"
        if not result.is_file():
            detail = one_line((proc.stderr or proc.stdout).decode("utf-8", "replace"))[:200]
            said = detail or Message("store.libreoffice_no_output")
            raise AkkoordError.keyed("store.libreoffice_not_converted", what=what, target=target, said=said)
        return result.read_bytes()


def to_docx(data: bytes, what: str) -> bytes:
    """An OpenDocument text as a Word document."""
    return convert(data, "odt", "docx", what)


def from_docx(data: bytes, target: str, what: str) -> bytes:
    """A Word document as `target` ("odt")."""
    return convert(data, "docx", target, what)
