"""Every command has help with an example, is documented in the README, and bad usage exits 2."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citeledger import __version__
from citeledger.cli import cli

REPO = Path(__file__).resolve().parents[1]

COMMANDS = cli.list_commands(None)


def test_version_and_short_help():
    runner = CliRunner()
    assert runner.invoke(cli, ["--version"]).output.strip() == f"citeledger, version {__version__}"
    assert runner.invoke(cli, ["-h"]).exit_code == 0


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_has_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"citeledger {command}" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented_in_readme(command):
    assert f"citeledger {command}" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_each_lazy_command_resolves_to_itself(command):
    assert cli.get_command(None, command).name == command


def test_group_help_lists_every_command():
    output = CliRunner().invoke(cli, ["--help"]).output
    assert all(f"  {command} " in output for command in COMMANDS)


def test_unknown_command_is_a_usage_error():
    assert CliRunner().invoke(cli, ["no-such-command"]).exit_code == 2


def test_unknown_option_is_a_usage_error():
    assert CliRunner().invoke(cli, ["--no-such-option"]).exit_code == 2


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "citeledger", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "Usage" in result.stdout


@pytest.mark.parametrize("command", ["parse", "extract", "check"])
def test_an_unknown_code_in_select_is_a_usage_error(command, monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, [command, "examples/duch.txt", "--select", "no-such-check"])
    assert result.exit_code == 2
    assert "no-such-check" in result.output
