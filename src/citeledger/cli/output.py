"""What every command shares: turning library errors into exit 2, writing output, printing findings."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator

import click

from citeledger.diagnostics import Diagnostic, format_json, format_text
from citeledger.errors import UnusableInputError
from citeledger.io.textfile import write_atomic


class InputProblem(click.ClickException):
    """Unusable input: message on stderr, exit code 2."""

    exit_code = 2


@contextlib.contextmanager
def unusable_input_exits_2() -> Iterator[None]:
    try:
        yield
    except UnusableInputError as error:
        raise InputProblem(str(error)) from None


def emit(data: str | bytes, output: str | None) -> None:
    """Write to ``output`` atomically, or to stdout when it is None or ``-``."""
    if output and output != "-":
        write_atomic(output, data.encode("utf-8") if isinstance(data, str) else data)
        return
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        click.echo(data, nl=False)


def print_diagnostics(diagnostics: Iterable[Diagnostic], fmt: str = "text") -> None:
    """Findings go to stderr as text, or to stdout as JSON (``--format json``)."""
    diagnostics = list(diagnostics)
    if fmt == "json":
        click.echo(format_json(diagnostics))
        return
    for diagnostic in diagnostics:
        click.echo(format_text(diagnostic), err=True)
