"""The message catalogue: every message in Dutch and in English with the same fields, every key the code
uses present, and the choice of language (--lang, AKKOORD_LANG, the document's language, the locale)."""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path

import pytest

from akkoordvc import messages

PACKAGE = Path(messages.__file__).resolve().parents[1]
#: calls whose first argument is a catalogue key
KEYED_CALLS = {"say", "text", "Message", "msg", "keyed", "has", "template"}


def all_areas() -> dict[str, dict[str, dict[str, str]]]:
    return {info.name: messages.area(info.name) for info in pkgutil.iter_modules(messages.__path__)}


def test_every_message_exists_in_both_languages_with_the_same_fields():
    areas = all_areas()
    assert {"common", "document", "model"} <= set(areas)
    for name, entries in areas.items():
        for key, texts in entries.items():
            assert key.startswith(f"{name}."), f"{key} lives in messages/{name}.py but is named for another area"
            assert set(texts) == set(messages.LANGUAGES), f"{key}: languages {sorted(texts)}"
            assert all(texts[lang].strip() for lang in messages.LANGUAGES), f"{key}: an empty text"
            assert messages.fields(texts["nl"]) == messages.fields(texts["en"]), f"{key}: different fields"
            for lang in messages.LANGUAGES:  # a stray brace would fail only when the message is shown
                texts[lang].format(**{name: "x" for name in messages.fields(texts[lang])})


def used_keys() -> set[str]:
    """Every literal key passed to a catalogue call in the package (``counted`` keys as KEY.one and KEY.many)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            key = node.args[0].value
            if not isinstance(key, str):
                continue
            if name == "counted":
                found |= {f"{key}.one", f"{key}.many"}
            elif name in KEYED_CALLS and "." in key and " " not in key:
                found.add(key)
    return found


def test_every_key_the_code_uses_is_in_the_catalogue():
    used = used_keys()
    assert "common.error_line" in used and "document.valid.one" in used  # the scan finds calls
    missing = sorted(key for key in used if not messages.has(key))
    assert not missing, f"keys used but not in akkoordvc/messages/: {missing}"


def test_a_message_is_rendered_in_the_language_of_the_moment(monkeypatch):
    monkeypatch.delenv(messages.ENV, raising=False)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    messages.reset()
    try:
        said = messages.Message("document.not_canonical", path="a.xml")
        assert messages.language() == "nl"  # no locale at all: Dutch
        assert str(said) == "a.xml: niet in canonieke vorm (maak het zo met `akkoord fmt a.xml`)"
        monkeypatch.setenv("LANG", "en_GB.UTF-8")
        assert messages.language() == "en"
        messages.set_default("nl-NL")  # the document's language beats the locale
        assert messages.language() == "nl"
        monkeypatch.setenv(messages.ENV, "en")  # AKKOORD_LANG beats the document
        assert str(said).startswith("a.xml: not in canonical form")
        messages.choose("nl")  # --lang beats everything
        assert messages.language() == "nl"
    finally:
        messages.reset()


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("nl", "nl"), ("nl_BE.UTF-8", "nl"), ("EN-gb", "en"), ("de_DE", None), ("C", None), ("", None), (None, None)],
)
def test_normalise_language_tags(tag, expected):
    assert messages.normalise(tag) == expected


def test_counted_chooses_one_or_many():
    assert messages.counted("document.valid", 1) in ("OK: 1 bestand geldig", "OK: 1 file valid")
    assert messages.text("document.valid.many", "nl", count=3) == "OK: 3 bestanden geldig"
    assert messages.counted("document.valid", 3) == messages.text("document.valid.many", count=3)


# the language on the command line -----------------------------------------------------------------


def test_the_repository_text_chooses_dutch_and_lang_or_env_override_it(sample_repo, run_cli, monkeypatch):
    monkeypatch.delenv(messages.ENV)
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the locale loses against the document's language
    (sample_repo / "los.xml").write_text('<agreement id="a" lang="en"><meta><title>T</title></meta><body/></agreement>')
    code, out, _ = run_cli("-C", sample_repo, "fmt", "--check", "los.xml")
    assert code == 1 and out == "los.xml: niet in canonieke vorm (maak het zo met `akkoord fmt los.xml`)\n", out
    code, out, _ = run_cli("-C", sample_repo, "--lang", "en", "fmt", "--check", "los.xml")
    assert out == "los.xml: not in canonical form (run `akkoord fmt los.xml`)\n", out
    monkeypatch.setenv(messages.ENV, "en")
    code, out, _ = run_cli("-C", sample_repo, "fmt", "--check", "los.xml")
    assert out.startswith("los.xml: not in canonical form"), out
    code, out, _ = run_cli("--lang", "nl", "-C", sample_repo, "fmt", "--check", "los.xml")
    assert out.startswith("los.xml: niet in canonieke vorm"), out


def test_outside_a_repository_the_locale_decides(tmp_path, run_cli, monkeypatch):
    monkeypatch.delenv(messages.ENV)
    bad = tmp_path / "a.xml"
    bad.write_text('<agreement id="a" lang="nl"><meta><title>T</title></meta><body/></agreement>')
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, err = run_cli("fmt", "--check", bad, cwd=tmp_path)
    assert code == 1 and "not in canonical form" in out, out + err
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    code, out, err = run_cli("fmt", "--check", bad, cwd=tmp_path)
    assert code == 1 and "niet in canonieke vorm" in out, out + err


def test_help_is_in_the_chosen_language(run_cli, tmp_path):
    code, out, _ = run_cli("--lang", "nl", "show", "--help", cwd=tmp_path)
    assert code == 0
    assert out.startswith("Gebruik: akkoord show") and "Opties:" in out and "Voorbeelden:" in out
    assert "akkoord show 2023 --clause 13" in out and "Toon deze hulp en stop." in out
    code, out, _ = run_cli("--lang", "en", "show", "--help", cwd=tmp_path)
    assert out.startswith("Usage: akkoord show") and "Options:" in out and "Examples:" in out


def test_a_mistake_on_the_command_line_is_one_line_in_the_chosen_language(run_cli, tmp_path):
    code, _, err = run_cli("--lang", "nl", "show", "--clauze", "13", cwd=tmp_path)
    assert code == 2
    assert err == "akkoord: fout: onbekende optie --clauze (bedoelde u --clause?); zie `akkoord show --help`\n"
    code, _, err = run_cli("--lang", "en", "shwo", cwd=tmp_path)
    assert err == "akkoord: error: no such command 'shwo' (did you mean show?); see `akkoord --help`\n"
    code, _, err = run_cli("--lang", "en", "show", "--clause", cwd=tmp_path)
    assert err == "akkoord: error: option --clause needs a value; see `akkoord show --help`\n"
    code, _, err = run_cli("--lang", "nl", "history", cwd=tmp_path)
    assert code == 2 and err == "akkoord: fout: optie --clause ontbreekt; zie `akkoord history --help`\n"


def test_amendment_commands_report_in_the_language_of_the_text(sample_repo, run_cli, monkeypatch):
    from conftest import SAMPLE

    monkeypatch.delenv(messages.ENV)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    edited = SAMPLE.parent / "amendments" / "meer-routes.xml"
    by = "Noor Haddou <noor@netwerk.example>"
    code, out, err = run_cli("-C", sample_repo, "amend", "propose", "--from-file", edited, "--title", "R", "--by", by)
    assert code == 0 and err.startswith("voorgesteld: R — 3 wijziging(en) in ma-akbanken, "), err
    assert "; basis versie 2019" in err or "; basis version 2019" in err, err
    ident = out.splitlines()[0]
    code, out, err = run_cli("-C", sample_repo, "amend", "accept", ident, "--by", by)
    assert out == f"aangenomen {ident}: R; het wordt verwerkt in de volgende versie\n", out + err
