"""validate and fmt on files, in-process and as a real subprocess."""

import pytest


def test_validate_ok_and_problems(tmp_path, run_cli, sample_path):
    code, out, _ = run_cli("validate", sample_path)
    assert code == 0 and out.startswith("OK")
    bad = tmp_path / "bad.xml"
    bad.write_text(
        '<agreement id="x" lang="nl">\n<meta><title>t</title></meta>\n<body>\n'
        '<clause id="c1" num="1"><p>a</p></clause>\n'
        '<clause id="c1" num="2"><p><ref href="#zz">b</ref></p></clause>\n'
        '<clause id="9bad" num="3"/>\n'
        "</body></agreement>\n"
    )
    code, out, _ = run_cli("validate", bad, sample_path)
    assert code == 1
    lines = out.strip().splitlines()
    assert any(line.startswith(f"{bad}:5: duplicate id 'c1'") for line in lines)
    assert any(line.startswith(f"{bad}:5: reference to unknown id '#zz'") for line in lines)
    assert any(line.startswith(f"{bad}:6:") and "9bad" in line for line in lines)
    assert all(line.startswith(str(bad)) for line in lines)


def test_validate_reports_malformed_and_hostile_files_per_file(tmp_path, run_cli, sample_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<agreement>\n<meta>\n</agreement>")
    evil = tmp_path / "evil.xml"
    evil.write_text('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')
    code, out, _ = run_cli("validate", bad, evil, sample_path)
    assert code == 1
    assert f"{bad}:3:" in out and f"{evil}:1: document declares a DTD" in out


def test_fmt_check_and_rewrite(tmp_path, run_cli, sample_path):
    messy = tmp_path / "m.xml"
    messy.write_text(sample_path.read_text().replace("\n    ", "\n").replace("  ", " "))
    code, out, _ = run_cli("fmt", "--check", messy)
    assert code == 1 and "not in canonical form" in out
    assert run_cli("fmt", messy)[0] == 0
    assert messy.read_bytes() == sample_path.read_bytes()
    assert run_cli("fmt", "--check", messy)[0] == 0


def test_usage_errors_exit_2(run_cli):
    assert run_cli("validate")[0] == 2
    assert run_cli("show", "--format", "pdf")[0] == 2
    assert run_cli("no-such-command")[0] == 2


@pytest.mark.parametrize(
    "args", [("validate", "/nonexistent.xml"), ("fmt", "/nonexistent.xml"), ("show", "/nonexistent.xml")]
)
def test_subprocess_errors_are_one_line(akkoord_exe, args):
    code, out, err = akkoord_exe(*args)
    assert code == 1
    assert "Traceback" not in err + out
    assert len((err + out).strip().splitlines()) == 1
