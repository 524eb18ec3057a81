"""The README's examples are real: each `$ citeledger …` line runs, exits 0, and prints what is shown."""

import os
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from citeledger.cli import cli

REPO = Path(__file__).resolve().parents[1]


def readme_examples() -> list[tuple[str, list[str]]]:
    """(command line, expected output lines) for every `$` line inside a ```console block."""
    examples: list[tuple[str, list[str]]] = []
    in_console = False
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_console = line.strip() == "```console"
            continue
        if not in_console:
            continue
        if line.startswith("$ "):
            examples.append((line[2:], []))
        elif examples and line.strip():
            examples[-1][1].append(line)
    return examples


EXAMPLES = readme_examples()


def test_readme_has_examples():
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example(command, expected, monkeypatch):
    monkeypatch.chdir(REPO)
    argv = shlex.split(command)
    assert argv[0] == "citeledger"
    result = CliRunner().invoke(cli, argv[1:])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output
    # Whitespace is normalized: `styles` separates its columns with tabs, the README with spaces.
    output_lines = [" ".join(line.split()) for line in result.output.splitlines()]
    for line in expected:
        assert " ".join(line.split()) in output_lines, f"{line!r} not in the output of {command!r}:\n{result.output}"


def test_first_readme_command_uses_the_bundled_example():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("python3 -m venv"))
    for path in ("examples/duch.txt",):
        assert path in first and os.path.exists(REPO / path)
