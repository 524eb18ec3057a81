"""Options several commands share, declared once: what references are written as, and which findings count."""

from __future__ import annotations

import click

from citeledger.diagnostics import resolve_codes
from citeledger.references import METHODS
from citeledger.references.extract import OUTPUTS


def _known_codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """Refuse an unknown code or slug as a usage error (exit 2) before any work is done."""
    try:
        resolve_codes(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    return value


def finding_filters(command):
    """``--select`` / ``--ignore``: codes (``CL304``), prefixes (``CL3``) or slugs (``uncited-reference``)."""
    command = click.option("--ignore", multiple=True, metavar="CODE", callback=_known_codes,
                           help="Do not report these codes or slugs.")(command)  # fmt: skip
    return click.option("--select", multiple=True, metavar="CODE", callback=_known_codes,
                        help="Only report these codes or slugs.")(command)  # fmt: skip


def reference_output_options(command):
    """``--to``, ``-o`` and ``--method``: how parsed references are written, and which parser makes them."""
    command = click.option("--method", type=click.Choice(METHODS), default="hybrid", show_default=True,
                           help="Templates then labeller (hybrid), templates only (rules), labeller only.")(command)
    command = click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout.")(command)
    return click.option("--to", "to_format", type=click.Choice(OUTPUTS), default="bibtex", show_default=True,
                        help="Output: BibTeX, BibLaTeX, CSL-JSON, or json (fields with spans and confidences)."
                        )(command)  # fmt: skip
