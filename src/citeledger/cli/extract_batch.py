"""``citeledger extract`` over several files or a directory: one file of entries per article in the ``-o``
directory, every article's findings on stderr, then the summary table; exit code the worst file's."""

from __future__ import annotations

from functools import partial

import click

from citeledger.diagnostics import exit_code, filter_diagnostics
from citeledger.references.extract import explain, extract_references, render_result

from . import batch
from .output import print_diagnostics, unusable_input_exits_2

SUFFIXES = {"bibtex": ".bib", "biblatex": ".bib", "csl-json": ".json", "json": ".json"}


def extract_one(path: str, from_format, encoding, method, to_format, explain_: bool, select, ignore,
                strict: bool) -> batch.FileResult:
    """One article → its entries in ``to_format`` (or the ``--explain`` listing) and its findings."""
    result = extract_references(path, from_format, encoding, method)
    text, written = (explain(result), []) if explain_ else render_result(result, to_format, path)
    findings = filter_diagnostics([*result.diagnostics, *written], select, ignore)
    return batch.FileResult(path, exit_code(findings, strict), diagnostics=tuple(findings), output=text)


def extract_batch(articles, output, jobs: int, quiet: bool, **options) -> None:
    """Takes the arguments, the -o directory and the per-file options of ``extract``; exits with the
    worst file's code (a usage error when -o is not a directory name)."""
    if not output or output == "-":
        raise click.UsageError("several articles: give -o DIRECTORY for the extracted entries")
    with unusable_input_exits_2():
        paths = batch.expand_paths(articles)
        results = batch.run_batch(paths, partial(extract_one, **options), jobs, quiet, "extracting")
        suffix = ".txt" if options["explain_"] else SUFFIXES[options["to_format"]]
        batch.write_outputs(results, output, suffix)
    print_diagnostics(d for result in results for d in result.diagnostics)
    batch.print_summary(results)
    raise SystemExit(batch.worst_code(results))
