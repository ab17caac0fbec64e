"""Real LibreOffice for tests: one headless `soffice` process runs a batch of jobs through a Basic macro
(opening a file, accepting or rejecting all tracked changes, editing with change tracking on,
saving as another format), because starting LibreOffice costs seconds and a job a fraction of one.

A job is (source, target, action, filter, *arguments); actions: "none" (open and save), "accept",
"reject" (all tracked changes), "replace" (turn change tracking on, replace every `old` by `new`),
"insert-after" (turn change tracking on, add a paragraph in `style` holding `text` after the paragraph
holding `anchor`; a tab in `text` is written as \\t). Filters: "MS Word 2007 XML" (docx), "writer8"
(odt), "Text (encoded)" (UTF-8 text, one line a paragraph)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
DOCX = "MS Word 2007 XML"
ODT = "writer8"
TEXT = "Text (encoded)"

_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Batch(jobFile As String)
  On Error GoTo Failed
  Dim f As Integer, job As String, parts
  f = FreeFile
  Open jobFile For Input As #f
  Do While Not EOF(f)
    Line Input #f, job
    If Len(job) &gt; 0 Then
      parts = Split(job, Chr(9))
      RunJob(parts)
    End If
  Loop
  Close #f
  StarDesktop.terminate()
  Exit Sub
Failed:
  Dim g As Integer
  g = FreeFile
  Open jobFile &amp; ".err" For Output As #g
  Print #g, "error " &amp; Err &amp; " at line " &amp; Erl &amp; ": " &amp; Error$
  Close #g
  StarDesktop.terminate()
End Sub

Function Unescape(s As String) As String
  Unescape = Join(Split(s, "\\t"), Chr(9))
End Function

Sub RunJob(parts)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(0)), "_blank", 0, args())
  Dim disp As Object
  disp = createUnoService("com.sun.star.frame.DispatchHelper")
  Dim none(0) As New com.sun.star.beans.PropertyValue
  Dim action As String
  action = parts(2)
  If action = "accept" Then
    disp.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, none())
  ElseIf action = "reject" Then
    disp.executeDispatch(doc.getCurrentController().getFrame(), ".uno:RejectAllTrackedChanges", "", 0, none())
  ElseIf action = "replace" Then
    doc.RecordChanges = True
    Dim rd As Object
    rd = doc.createReplaceDescriptor()
    rd.SearchString = Unescape(parts(5))
    rd.ReplaceString = Unescape(parts(6))
    doc.replaceAll(rd)
  ElseIf action = "insert-after" Then
    doc.RecordChanges = True
    Dim sd As Object, found As Object, cursor As Object
    sd = doc.createSearchDescriptor()
    sd.SearchString = Unescape(parts(5))
    found = doc.findFirst(sd)
    cursor = doc.Text.createTextCursorByRange(found.getEnd())
    cursor.gotoEndOfParagraph(False)
    doc.Text.insertControlCharacter(cursor, com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK, False)
    cursor.setPropertyValue("ParaStyleName", parts(6))
    doc.Text.insertString(cursor, Unescape(parts(7)), False)
  End If
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = parts(3)
  out(1).Name = "FilterOptions"
  out(1).Value = parts(4)
  doc.storeToURL(ConvertToURL(parts(1)), out())
  doc.close(True)
End Sub
</script:module>
"""


class Office:
    """A LibreOffice user profile holding the batch macro, in `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.profile = folder / "profile"
        self._run(["--terminate_after_init"])
        library = self.profile / "user" / "basic" / "Standard"
        library.mkdir(parents=True, exist_ok=True)
        (library / "Module1.xba").write_text(_MODULE, encoding="utf-8")
        self.count = 0

    def _run(self, args: list[str], timeout: int = 900) -> subprocess.CompletedProcess[bytes]:
        assert SOFFICE is not None
        return subprocess.run(
            [SOFFICE, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore", "--nologo", *args],
            capture_output=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )

    def batch(self, jobs: list[tuple[str, ...]]) -> None:
        """Run the jobs in one LibreOffice process; every target must exist afterwards."""
        self.count += 1
        job_file = self.folder / f"jobs-{self.count}.txt"
        lines = []
        for job in jobs:
            src, dst, action, filter_, *rest = job
            options = "UTF8,LF" if filter_ == TEXT else "-"
            fields = [str(src), str(dst), action, filter_, options, *[r.replace("\t", "\\t") for r in rest]]
            assert all("\t" not in f and "\n" not in f for f in fields)
            lines.append("\t".join(fields))
        job_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        proc = self._run([f'macro:///Standard.Module1.Batch("{job_file}")'])
        error = job_file.with_name(job_file.name + ".err")
        assert not error.exists(), error.read_text()
        missing = [job[1] for job in jobs if not Path(job[1]).exists()]
        assert not missing, (missing, proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace"))

    def convert(self, sources: list[Path], target: str, outdir: Path) -> list[Path]:
        """`soffice --convert-to target` of many files at once (the command line a user would type)."""
        proc = self._run(["--convert-to", target, "--outdir", str(outdir), *map(str, sources)])
        made = [outdir / (s.stem + "." + target.split(":")[0]) for s in sources]
        assert all(m.exists() for m in made), proc.stderr.decode(errors="replace")
        return made
