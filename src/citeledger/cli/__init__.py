"""The ``citeledger`` command line: a thin click layer over the library.

Each command parses options, makes one library call, prints, and picks the exit code
(0 clean, 1 findings at error level, 2 unusable input or usage error).
"""

from __future__ import annotations

import click

from citeledger import __version__
from citeledger.cli.check import check
from citeledger.cli.claims import claims
from citeledger.cli.convert import convert
from citeledger.cli.extract import extract
from citeledger.cli.format import cite_this_command, format_command, styles_command
from citeledger.cli.parse import parse
from citeledger.cli.report import report
from citeledger.cli.tidy import tidy

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="citeledger")
def cli() -> None:
    """Check and format citations in scholarly articles.

    \b
    Example:
      citeledger convert references.bib -o references.json
    """


for command in (convert, tidy, extract, parse, check, claims, format_command, styles_command, cite_this_command,
                report):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="citeledger")
