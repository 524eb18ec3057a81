"""``citeledger claims``: options → ``check_file`` → the claims ledger as JSON, CSV or Markdown."""

from __future__ import annotations

import click

from citeledger.article import FORMATS
from citeledger.citations.export import LEDGER_FORMATS, RENDERERS
from citeledger.pipeline import LedgerOptions, check_file

from .output import emit, unusable_input_exits_2


@click.command()
@click.argument("article", metavar="ARTICLE")
@click.option("--bib", metavar="FILE", help="Link against this .bib or CSL-JSON file instead of the article's list.")
@click.option("--from", "from_format", type=click.Choice(FORMATS), help="Article format (default: guessed).")
@click.option("--to", "to_format", type=click.Choice(LEDGER_FORMATS), default="json", show_default=True,
              help="json (the full ledger, see docs/ledger.schema.json), csv (claim × source rows) or markdown.")
@click.option("--encoding", metavar="CODEC", help="Read with this encoding instead of sniffing it.")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout.")
def claims(article, bib, from_format, to_format, encoding, output) -> None:
    """The claims ledger: every claim with its sources and locators.

    A claim is the sentence a citation supports (or the clause before it when a
    sentence cites different works); each reference lists the claims it supports.
    Findings are in the JSON output; use `citeledger check` to lint them.

    \b
    Example:
      citeledger claims article.txt --to markdown
      citeledger claims article.md --bib references.bib --to csv -o claims.csv
    """
    with unusable_input_exits_2():
        ledger = check_file(article, LedgerOptions(bib=bib, fmt=from_format, encoding=encoding))
        emit(RENDERERS[to_format](ledger), output)
