"""``citeledger extract``: options → ``extract_references`` → output, diagnostics and exit code."""

from __future__ import annotations

import click

from citeledger.article import FORMATS
from citeledger.diagnostics import exit_code, filter_diagnostics
from citeledger.references.extract import explain, extract_references, render_result

from . import batch
from .extract_batch import extract_batch
from .options import finding_filters, reference_output_options
from .output import emit, print_diagnostics, unusable_input_exits_2


@click.command()
@click.argument("articles", metavar="ARTICLE...", nargs=-1, required=True)
@click.option("--from", "from_format", type=click.Choice(FORMATS), help="Article format (default: guessed).")
@reference_output_options
@click.option("--explain", "explain_", is_flag=True, help="Print the labelled tokens of every reference instead.")
@click.option("--encoding", metavar="CODEC", help="Read with this encoding instead of sniffing it.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (e.g. a missing place, CL103).")
@finding_filters
@batch.batch_options
def extract(articles, from_format, to_format, output, method, explain_, encoding, strict, select, ignore, jobs,
            quiet) -> None:
    """Extract an article's reference list (and its own entry) as BibTeX or CSL-JSON.

    Reads plain text, Markdown or HTML (ARTICLE `-` is stdin). Findings go to
    stderr: CL101 no reference list (exit 1), CL102 unparsed or uncertain,
    CL103 missing field, CL104 irregular name list. Exit 2 on unusable input.

    \b
    Example:
      citeledger extract article.txt --to bibtex -o references.bib
      citeledger extract page.html --to csl-json
      citeledger extract article.md --explain
      citeledger extract articles/ --to bibtex -o bib/ --jobs 2
    """
    if batch.is_batch(articles):  # several files or a directory: one output file each in the -o directory
        extract_batch(articles, output, jobs, quiet, from_format=from_format, encoding=encoding, method=method,
                      to_format=to_format, explain_=explain_, select=select, ignore=ignore, strict=strict)
    article = articles[0]
    with unusable_input_exits_2():
        result = extract_references(article, from_format, encoding, method)
        text, written = (explain(result), []) if explain_ else render_result(result, to_format, article)
        findings = filter_diagnostics([*result.diagnostics, *written], select, ignore)
        emit(text, output)
    print_diagnostics(findings)
    raise SystemExit(exit_code(findings, strict))
