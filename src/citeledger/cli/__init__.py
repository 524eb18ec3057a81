"""The ``citeledger`` command line: a thin click layer over the library.

Each command parses options, makes one library call, prints, and picks the exit code
(0 clean, 1 findings at error level, 2 unusable input or usage error).

Commands are imported when they run, not at start-up: each pulls in its own part of the library
(the reference labeller, the CSL engine, jinja2 ...), and `citeledger check` should not pay for
`citeledger report`.
"""

from __future__ import annotations

import importlib

import click

from citeledger import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# command name → (module under citeledger.cli, attribute), in the order `--help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "extract"),
    "parse": ("parse", "parse"),
    "check": ("check", "check"),
    "claims": ("claims", "claims"),
    "report": ("report", "report"),
    "format": ("format", "format_command"),
    "cite-this": ("format", "cite_this_command"),
    "styles": ("format", "styles_command"),
    "convert": ("convert", "convert"),
    "tidy": ("tidy", "tidy"),
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when that command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute = COMMANDS[cmd_name]
        return getattr(importlib.import_module(f"citeledger.cli.{module}"), attribute)


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="citeledger")
def cli() -> None:
    """Check and format citations in scholarly articles.

    \b
    Example:
      citeledger check article.txt
      citeledger extract article.txt --to bibtex -o references.bib
      citeledger format references.bib --style chicago-author-date
    """


def main() -> None:
    cli(prog_name="citeledger")
