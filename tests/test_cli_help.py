"""The help texts: the everyday form first, every argument described, a command's own usage on error."""

from __future__ import annotations

import pytest

from reader.cli import main


def _help(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_shows_the_everyday_form_and_examples(capsys):
    text = _help(capsys)
    first = text.splitlines()[0]
    assert first.startswith("usage: reader SOURCE [--published DATE]")
    assert "examples:" in text
    assert "--published 2026-" in text
    for command in ("open", "extract", "export", "library"):
        assert command in text


def test_extract_help_describes_source_every_argument_and_the_default_format(capsys):
    text = _help(capsys, "extract")
    assert text.startswith("usage: reader extract ")
    block = text.split("positional arguments:")[1].split("options:")[0]
    assert "SOURCE" in block and "URL" in block and "standard input" in block
    assert "(default: json)" in " ".join(text.split())
    options = text.split("options:")[1]
    for flag in ("--format", "--published", "--jsonl", "--no-clean", "--jobs"):
        entry = options.split(flag, 1)[1].split("\n  -", 1)[0]
        assert len(entry.split()) > 2, f"{flag} has no description"


@pytest.mark.parametrize("command", ["open", "export", "library"])
def test_every_command_describes_its_arguments(capsys, command):
    text = _help(capsys, command)
    assert text.startswith(f"usage: reader {command} ")
    positional = text.split("positional arguments:")[1].split("options:")[0]
    lines = [line for line in positional.splitlines() if line.strip()]
    assert lines and all(len(line.split()) > 1 for line in lines[:1])


def test_extract_without_source_prints_its_own_usage(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: reader extract ")
    assert "reader extract: error: extract needs a SOURCE" in err
    assert "COMMAND" not in err
