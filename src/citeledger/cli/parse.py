"""``citeledger parse``: reference strings → ``parse_reference_text`` → output and exit code."""

from __future__ import annotations

import click

from citeledger.diagnostics import exit_code, filter_diagnostics
from citeledger.io.textfile import read_text
from citeledger.references.extract import explain, parse_reference_text, render_result

from .options import finding_filters, reference_output_options
from .output import emit, print_diagnostics, unusable_input_exits_2


@click.command()
@click.argument("references", nargs=-1, metavar="[REF…|-]")
@reference_output_options
@click.option("--explain", "explain_", is_flag=True, help="Print the labelled tokens instead.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (e.g. an unparsed reference, CL102).")
@finding_filters
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
