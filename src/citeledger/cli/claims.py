"""``citeledger claims``: options → ``check_file`` → the claims ledger as JSON, CSV or Markdown.

Several files or a directory: one ledger per article in the ``-o`` directory, then a summary table.
"""

from __future__ import annotations

from functools import partial

import click

from citeledger.article import FORMATS
from citeledger.citations.export import LEDGER_FORMATS, RENDERERS
from citeledger.pipeline import LedgerOptions, check_file

from . import batch
from .output import emit, unusable_input_exits_2

SUFFIXES = {"json": ".json", "csv": ".csv", "markdown": ".md"}


def claims_one(path: str, options: LedgerOptions, to: str) -> batch.FileResult:
    """One article of a batch → its ledger rendered in ``to``; run in a worker process."""
    ledger = check_file(path, options)
    return batch.ledger_result(path, ledger, 0, output=RENDERERS[to](ledger))


def _claims_batch(articles, options, to_format, output, jobs, quiet) -> None:
    if not output or output == "-":
        raise click.UsageError("several articles: give -o DIRECTORY for the ledgers")
    with unusable_input_exits_2():
        paths = batch.expand_paths(articles)
        results = batch.run_batch(paths, partial(claims_one, options=options, to=to_format), jobs, quiet, "ledgers")
        batch.write_outputs(results, output, SUFFIXES[to_format])
    batch.print_summary(results)
    raise SystemExit(batch.worst_code(results))


@click.command()
@click.argument("articles", metavar="ARTICLE...", nargs=-1, required=True)
@click.option("--bib", metavar="FILE", help="Link against this .bib or CSL-JSON file instead of the article's list.")
@click.option("--from", "from_format", type=click.Choice(FORMATS), help="Article format (default: guessed).")
@click.option("--to", "to_format", type=click.Choice(LEDGER_FORMATS), default="json", show_default=True,
              help="json (the full ledger, see docs/ledger.schema.json), csv (claim × source rows) or markdown.")
@click.option("--encoding", metavar="CODEC", help="Read with this encoding instead of sniffing it.")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout; a directory "
              "when given several articles.")
@batch.batch_options
def claims(articles, bib, from_format, to_format, encoding, output, jobs, quiet) -> None:
    """The claims ledger: every claim with its sources and locators.

    A claim is the sentence a citation supports (or the clause before it when a
    sentence cites different works); each reference lists the claims it supports.
    Findings are in the JSON output; use `citeledger check` to lint them.
    Several files or a directory: one ledger per article in the -o directory.

    \b
    Example:
      citeledger claims article.txt --to markdown
      citeledger claims article.md --bib references.bib --to csv -o claims.csv
      citeledger claims articles/ --to csv -o ledgers/ --jobs 2
    """
    options = LedgerOptions(bib=bib, fmt=from_format, encoding=encoding)
    if batch.is_batch(articles):
        _claims_batch(articles, options, to_format, output, jobs, quiet)
    with unusable_input_exits_2():
        ledger = check_file(articles[0], options)
        emit(RENDERERS[to_format](ledger), output)
