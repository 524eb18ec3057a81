"""``citeledger check``: options → ``check_file`` → diagnostics (text, JSON or SARIF) and exit code.

Several files or a directory: every article's findings, then a summary table; exit code the worst.
"""

from __future__ import annotations

from functools import partial

import click

from citeledger.article import FORMATS
from citeledger.citations.checks import UNCITED_LEVELS
from citeledger.citations.export import render_sarif
from citeledger.diagnostics import exit_code, filter_diagnostics, format_json, resolve_codes
from citeledger.pipeline import LedgerOptions, check_file

from . import batch
from .output import emit, print_diagnostics, unusable_input_exits_2


def _summary(ledger, findings) -> str:
    linked = sum(link.key is not None for link in ledger.links)
    counts = {level: sum(str(d.severity) == level for d in findings) for level in ("error", "warning", "info")}
    return (f"{ledger.article.source}: {len(ledger.citations)} citations, {linked}/{len(ledger.links)} items linked, "
            f"{len(ledger.references)} references; {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} notes")  # fmt: skip


def check_one(path: str, options: LedgerOptions, select, ignore, strict: bool) -> batch.FileResult:
    """One article of a batch → its filtered findings and exit code; run in a worker process."""
    ledger = check_file(path, options)
    findings = filter_diagnostics(ledger.diagnostics, select, ignore)
    return batch.ledger_result(path, ledger, exit_code(findings, strict), findings)


def _emit_findings(findings, output_format: str, output: str | None) -> None:
    """Linter lines on stderr, or JSON / SARIF on stdout or in ``output``."""
    if output_format == "text":
        print_diagnostics(findings)
        return
    text = format_json(findings) + "\n" if output_format == "json" else render_sarif(findings)
    with unusable_input_exits_2():
        emit(text, output)


def _check_batch(articles, options, output_format, select, ignore, strict, output, jobs, quiet) -> None:
    with unusable_input_exits_2():
        paths = batch.expand_paths(articles)
    work = partial(check_one, options=options, select=select, ignore=ignore, strict=strict)
    results = batch.run_batch(paths, work, jobs, quiet, "checking")
    findings = [diagnostic for result in results for diagnostic in result.diagnostics]
    _emit_findings(findings, output_format, output)
    batch.print_summary(results)
    raise SystemExit(batch.worst_code(results))


@click.command()
@click.argument("articles", metavar="ARTICLE...", nargs=-1, required=True)
@click.option("--bib", metavar="FILE", help="Check against this .bib or CSL-JSON file instead of the article's list.")
@click.option("--from", "from_format", type=click.Choice(FORMATS), help="Article format (default: guessed).")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "sarif"]), default="text",
              show_default=True, help="Findings as linter lines (stderr), JSON or SARIF (stdout).")
@click.option("--uncited", type=click.Choice(list(UNCITED_LEVELS)), default="warning", show_default=True,
              help="Level of CL304 (uncited reference); 'info' or 'ignore' when the list holds further reading.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--select", multiple=True, metavar="CODE", help="Only report these codes or slugs (e.g. CL3).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Do not report these codes or slugs.")
@click.option("--encoding", metavar="CODEC", help="Read with this encoding instead of sniffing it.")
@click.option("-o", "--output", metavar="OUT", help="Write JSON or SARIF here instead of stdout.")
@batch.batch_options
def check(articles, bib, from_format, output_format, uncited, strict, select, ignore, encoding, output, jobs,
          quiet) -> None:
    """Check an article's citations against its references, like a linter.

    Finds every in-text citation, links it to a reference (the article's own list,
    or --bib), and reports: CL301 unresolved, CL302 ambiguous, CL303 matched by
    title, CL304 uncited, CL305 year mismatch, CL306 author mismatch, CL307 bad
    locator, CL202/CL203 duplicates, CL101 no reference list. Exit 0 when clean,
    1 on errors (warnings too with --strict), 2 on unusable input. Several
    files or a directory: all findings, then a summary table (exit code: the
    worst file's; a file that cannot be read is reported and the rest go on).

    \b
    Example:
      citeledger check article.txt
      citeledger check article.md --bib references.bib --format sarif -o findings.sarif
      citeledger check article.txt --uncited=info --strict --ignore CL303
      citeledger check articles/ --jobs 2
    """
    try:
        resolve_codes([*select, *ignore])
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    options = LedgerOptions(bib=bib, fmt=from_format, uncited=uncited, encoding=encoding)
    if batch.is_batch(articles):
        _check_batch(articles, options, output_format, select, ignore, strict, output, jobs, quiet)
    with unusable_input_exits_2():
        ledger = check_file(articles[0], options)
    findings = filter_diagnostics(ledger.diagnostics, select, ignore)
    _emit_findings(findings, output_format, output)
    if output_format == "text":
        click.echo(_summary(ledger, findings), err=True)
    raise SystemExit(exit_code(findings, strict))
