"""``citeledger convert``: options → ``convert_file`` → output, diagnostics and exit code."""

from __future__ import annotations

import click

from citeledger.diagnostics import exit_code, filter_diagnostics, resolve_codes
from citeledger.io.convert import FORMAT_ALIASES, convert_file

from .output import emit, print_diagnostics, unusable_input_exits_2

_FORMAT = click.Choice(sorted(FORMAT_ALIASES), case_sensitive=False)


@click.command()
@click.argument("path", metavar="IN")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout; `-` is stdout.")
@click.option("--from", "from_format", type=_FORMAT, help="Input format (default: from the extension of IN).")
@click.option("--to", "to_format", type=_FORMAT,
              help="Output format (default: from the extension of OUT; else csl-json for .bib input, "
                   "bibtex otherwise).")
@click.option("--dialect", type=click.Choice(["bibtex", "biblatex"]),
              help="Synonym of --to bibtex|biblatex, for .bib output.")
@click.option("--ascii", "ascii_only", is_flag=True,
              help="Write non-ASCII characters as LaTeX escapes (\\u escapes in JSON).")
@click.option("--keys", "key_pattern", metavar="PATTERN",
              help="Regenerate every key from a pattern: {family}, {year}, {title_word}, {given_initial}.")
@click.option("--encoding", metavar="CODEC", help="Read with this encoding instead of sniffing it.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (e.g. a field that cannot be carried).")
@click.option("--select", multiple=True, metavar="CODE", help="Only report these codes or slugs.")
@click.option("--ignore", multiple=True, metavar="CODE", help="Do not report these codes or slugs (e.g. CL205).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Diagnostics as text on stderr, or JSON on stdout (then use -o OUT).")
def convert(path, output, from_format, to_format, dialect, ascii_only, key_pattern, encoding, strict, select,
            ignore, fmt) -> None:
    """Convert between BibTeX, BibLaTeX and CSL-JSON (IN `-` is stdin).

    Every field, type or date the target cannot carry is reported (CL205) on
    stderr. Exit 0 when nothing is at error level, 1 otherwise (or on warnings
    with --strict), 2 on unusable input.

    \b
    Example:
      citeledger convert references.bib -o references.json
      citeledger convert references.json --to biblatex -o references.bib
      citeledger convert old.bib --to bibtex --ascii --keys '{family}{year}'
    """
    if dialect and to_format and FORMAT_ALIASES[to_format.lower()] not in ("bibtex", "biblatex"):
        raise click.UsageError("--dialect applies to BibTeX output; it conflicts with --to " + to_format)
    if fmt == "json" and (not output or output == "-"):
        raise click.UsageError("--format json prints diagnostics on stdout; add -o OUT")
    try:
        resolve_codes([*select, *ignore])
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    with unusable_input_exits_2():
        result = convert_file(path, from_format, to_format or dialect, output, ascii_only, encoding, key_pattern)
        findings = filter_diagnostics(result.diagnostics, select, ignore)
        emit(result.text, output)
    print_diagnostics(findings, fmt)
    raise SystemExit(exit_code(findings, strict))
