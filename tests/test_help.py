"""Every command's help, in Dutch and in English: a short description from the catalogue and at least one real
example; every option described in the language chosen."""

from __future__ import annotations

import click
import pytest

from akkoordvc import messages
from akkoordvc.cli.language import help_keys
from akkoordvc.cli.main import COMMANDS, cli


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand, as the words typed after `akkoord`."""
    ctx = click.Context(cli)
    found: list[tuple[str, ...]] = []

    def walk(command: click.Command, words: tuple[str, ...]) -> None:
        found.append(words)
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, (*words, name))

    for name in COMMANDS:
        walk(cli.get_command(ctx, name), (name,))
    return found


PATHS = command_paths()


def test_every_command_is_found():
    assert len(PATHS) >= 40 and ("signatory", "add") in PATHS and ("show",) in PATHS


@pytest.mark.parametrize("words", PATHS, ids=" ".join)
@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_help_has_a_description_and_an_example_in_both_languages(run_cli, tmp_path, words, lang):
    description, examples = help_keys(COMMANDS[words[0]], words)
    code, out, err = run_cli("--lang", lang, *words, "--help", cwd=tmp_path)
    assert code == 0, err
    first = messages.text(description, lang).split("\n", 1)[0]
    assert " ".join(first.split()[:6]) in " ".join(out.split()), out
    said = messages.text(examples, lang)
    assert said.startswith({"nl": "Voorbeeld", "en": "Example"}[lang])
    shown = [line.strip() for line in said.splitlines() if line.strip().startswith("akkoord ")]
    assert shown and all(line.startswith("akkoord " + " ".join(words)) for line in shown), shown
    assert shown[0] in out
    flat = " ".join(out.split())
    for key in option_keys(words):
        assert " ".join(messages.text(key, lang).split()[:4]) in flat, (key, out)


def option_keys(words: tuple[str, ...]) -> list[str]:
    """The catalogue key of the text of each described option of command `words` (missing ones are left out:
    `test_every_option_is_described_in_both_languages` names them)."""
    command = cli.get_command(click.Context(cli), words[0])
    for word in words[1:]:
        command = command.commands[word]
    description, _ = help_keys(COMMANDS[words[0]], words)
    found = []
    for param in command.params:
        if isinstance(param, click.Option) and param.name and param.name != "help":
            for key in (f"{description}.opt.{param.name}", f"common.opt.{param.name}"):
                if messages.has(key):
                    found.append(key)
                    break
    return found


def test_every_option_is_described_in_both_languages():
    missing = []
    for words in PATHS:
        command = cli.get_command(click.Context(cli), words[0])
        for word in words[1:]:
            command = command.commands[word]
        described = [p for p in command.params if isinstance(p, click.Option) and p.name and p.name != "help"]
        if len(option_keys(words)) != len(described):
            missing.append(" ".join(words))
    assert not missing, f"commands with an option the catalogue does not describe: {missing}"


def test_by_says_what_it_means_for_each_command():
    """`--by` is explained by each command (who proposes, who decides, who withdraws ...), never by one text for all."""
    texts: dict[str, tuple[str, ...]] = {}
    for words in PATHS:
        command = cli.get_command(click.Context(cli), words[0])
        for word in words[1:]:
            command = command.commands[word]
        if any(isinstance(p, click.Option) and p.name == "by" for p in command.params):
            description, _ = help_keys(COMMANDS[words[0]], words)
            key = f"{description}.opt.by"
            assert messages.has(key), f"akkoord {' '.join(words)}: --by has no text of its own ({key})"
            texts[" ".join(words)] = tuple(messages.text(key, lang) for lang in messages.LANGUAGES)
    assert len(texts) >= 9 and "amend withdraw" in texts
    assert len(set(texts.values())) >= 5, texts
