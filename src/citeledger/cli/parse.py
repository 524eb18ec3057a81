"""``citeledger parse``: reference strings → ``parse_reference_text`` → output and exit code."""

from __future__ import annotations

import click

from citeledger.diagnostics import exit_code, filter_diagnostics, resolve_codes
from citeledger.io.textfile import read_text
from citeledger.references import METHODS
from citeledger.references.extract import OUTPUTS, explain, parse_reference_text, render_result

from .output import emit, print_diagnostics, unusable_input_exits_2


@click.command()
@click.argument("references", nargs=-1, metavar="[REF…|-]")
@click.option(
    "--to",
    "to_format",
    type=click.Choice(OUTPUTS),
    default="bibtex",
    show_default=True,
    help="Output: BibTeX, BibLaTeX, CSL-JSON, or json (fields with spans and confidences).",
)
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout.")
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default="hybrid",
    show_default=True,
    help="Templates then labeller (hybrid), templates only (rules), labeller only.",
)
@click.option("--explain", "explain_", is_flag=True, help="Print the labelled tokens instead.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (e.g. an unparsed reference, CL102).")
@click.option("--select", multiple=True, metavar="CODE", help="Only report these codes or slugs.")
@click.option("--ignore", multiple=True, metavar="CODE", help="Do not report these codes or slugs.")
def parse(references, to_format, output, method, explain_, strict, select, ignore) -> None:
    """Parse free-text references into BibTeX or CSL-JSON entries.

    Each REF argument is one reference; `-` (or no argument) reads stdin, one
    reference per line, or blank-line separated when references span lines.
    Uncertain fields and unparsed text are reported (CL102), not written.

    \b
    Example:
      citeledger parse "BIZOT, François, 2000, Le Portail, Paris: La Table Ronde."
      citeledger parse - --to csl-json < references.txt
      citeledger parse "Smith, J. (2001). A book. London: Verso." --explain
    """
    try:
        resolve_codes([*select, *ignore])
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    with unusable_input_exits_2():
        if not references or references == ("-",):
            text, source = read_text("-").text, "-"
        else:
            text, source = "\n\n".join(" ".join(ref.split()) for ref in references), "<args>"
        result = parse_reference_text(text, source, method)
        out, written = (explain(result), []) if explain_ else render_result(result, to_format, source)
        findings = filter_diagnostics([*result.diagnostics, *written], select, ignore)
        emit(out, output)
    print_diagnostics(findings)
    raise SystemExit(exit_code(findings, strict))
