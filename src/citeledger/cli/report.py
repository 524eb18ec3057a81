"""``citeledger report``: options → ``check_file`` → ``render_report`` → one HTML page (or Markdown).

Several files or a directory: one report per article, written into the ``-o`` directory, then a summary.
"""

from __future__ import annotations

from functools import partial

import click

from citeledger.article import FORMATS
from citeledger.pipeline import LedgerOptions, check_file
from citeledger.render.reports import DEFAULT_STYLES, REPORT_FORMATS, render_report

from . import batch
from .output import emit, unusable_input_exits_2

SUFFIXES = {"html": ".html", "markdown": ".md"}


def report_one(path: str, options: LedgerOptions, style_ids: tuple[str, ...], to: str) -> batch.FileResult:
    """One article → its report (in ``FileResult.output``); batch work, run in a worker process."""
    ledger = check_file(path, options)
    document, _ = render_report(ledger, style_ids, to)
    return batch.ledger_result(path, ledger, 0, output=document)


@click.command()
@click.argument("articles", metavar="ARTICLE...", nargs=-1, required=True)
@click.option("--bib", metavar="FILE", help="Link against this .bib or CSL-JSON file instead of the article's list.")
@click.option("--from", "from_format", type=click.Choice(FORMATS), help="Article format (default: guessed).")
@click.option("--style", "style_ids", multiple=True, metavar="ID|PATH",
              help=f"Bibliography style, repeatable; the first one also formats the tooltips "
                   f"(default: {', '.join(DEFAULT_STYLES)}).")  # fmt: skip
@click.option("--to", "to_format", type=click.Choice(REPORT_FORMATS), default="html", show_default=True,
              help="One self-contained HTML page, or the same content as Markdown.")
@click.option("--encoding", metavar="CODEC", help="Read with this encoding instead of sniffing it.")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout; a directory "
              "when given several articles.")
@batch.batch_options
def report(articles, bib, from_format, style_ids, to_format, encoding, output, jobs, quiet) -> None:
    """One page per article: citations linked to the bibliography, claims, findings.

    The article with every citation highlighted and linked to its reference
    (hover or focus one for the formatted reference and locator; problems are
    flagged), the claims ledger, each reference with the claims it supports,
    the bibliography in several styles, the "Cite this item" line, the findings
    with line:col and the references as BibTeX. Exit 2 on unusable input.

    \b
    Example:
      citeledger report article.txt -o report.html
      citeledger report article.md --bib references.bib --style apa --style mla -o report.html
      citeledger report article.txt --to markdown
      citeledger report articles/ -o reports/ --jobs 2
    """
    options = LedgerOptions(bib=bib, fmt=from_format, encoding=encoding)
    style_ids = tuple(style_ids) or DEFAULT_STYLES
    if batch.is_batch(articles):
        _report_batch(articles, options, style_ids, to_format, output, jobs, quiet)
    with unusable_input_exits_2():
        document, _ = render_report(check_file(articles[0], options), style_ids, to_format)
        emit(document, output)


def _report_batch(articles, options, style_ids, to_format, output, jobs, quiet) -> None:
    if not output or output == "-":
        raise click.UsageError("several articles: give -o DIRECTORY for the reports")
    with unusable_input_exits_2():
        from citeledger.render import styles  # a bad --style is a usage problem: report it once, up front

        for style_id in style_ids:
            styles.resolve_style(style_id)
        paths = batch.expand_paths(articles)
        results = batch.run_batch(paths, partial(report_one, options=options, style_ids=style_ids, to=to_format),
                            jobs, quiet, "reports")  # fmt: skip
        batch.write_outputs(results, output, SUFFIXES[to_format])
    batch.print_summary(results)
    raise SystemExit(batch.worst_code(results))
