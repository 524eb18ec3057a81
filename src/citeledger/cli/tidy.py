"""``citeledger tidy``: options → ``tidy_file`` → output, diagnostics and exit code."""

from __future__ import annotations

import click

from citeledger.diagnostics import exit_code
from citeledger.io.textfile import write_atomic
from citeledger.tidy import TidyResult, format_rule_table, tidy_file

from .output import emit, print_diagnostics, unusable_input_exits_2


def _check_usage(path: str | None, output: str | None, in_place: bool, check: bool, fmt: str) -> None:
    if path is None:
        raise click.UsageError("missing FILE.bib (or use --list-rules)")
    if in_place and (output or check or path == "-"):
        raise click.UsageError("--in-place cannot be combined with -o, --check or stdin input")
    if fmt == "json" and not (output or in_place or check):
        raise click.UsageError("--format json prints diagnostics on stdout; add -o FILE, --in-place or --check")


def _write_in_place(result: TidyResult, force: bool) -> int:
    """Rewrite the input atomically with a .bak backup; refuse when blocks failed unless ``force``."""
    failed = result.bib.failed
    if failed and not force:
        click.echo(f"{result.bib.source}: not rewritten: {len(failed)} block(s) could not be parsed (CL201); "
                   "fix them or pass --force (they are kept verbatim)", err=True)
        return 1
    if not result.changed:
        click.echo(f"{result.bib.source}: already tidy, left untouched", err=True)
        return 0
    write_atomic(result.bib.source, result.encoded(), backup_suffix=".bak")
    click.echo(f"{result.bib.source}: {len(result.changes)} entr{'y' if len(result.changes) == 1 else 'ies'} "
               f"rewritten (backup in {result.bib.source}.bak)", err=True)
    return 0


@click.command()
@click.argument("path", metavar="FILE.bib", required=False)
@click.option("-o", "--output", metavar="OUT", help="Write the tidied file here instead of stdout.")
@click.option("--in-place", is_flag=True, help="Rewrite FILE.bib atomically, keeping FILE.bib.bak.")
@click.option("--check", is_flag=True, help="Write nothing; list the blocks that would change (CL208); exit 1 if any.")
@click.option("--rules", default="default", show_default=True,
              help="Comma-separated rule names, or default, all, none (identity), list.")
@click.option("--list-rules", is_flag=True, help="Print the rules and exit.")
@click.option("--force", is_flag=True, help="With --in-place: rewrite even if some blocks failed to parse.")
@click.option("--encoding", metavar="CODEC", help="Read (and write) with this encoding instead of sniffing it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Diagnostics as text on stderr or JSON on stdout.")
def tidy(path, output, in_place, check, rules, list_rules, force, encoding, fmt) -> None:
    """Normalize a .bib file with named rules; blocks no rule changes keep every byte.

    Comments, @string, @preamble, unknown types and fields survive; blocks that
    cannot be parsed are kept verbatim and reported (CL201). Exit 0 when clean,
    1 on errors (or, with --check, when the file would change), 2 on unusable input.

    \b
    Example:
      citeledger tidy references.bib --check
      citeledger tidy references.bib --rules pages-en-dash,month-macros -o tidy.bib
      citeledger tidy references.bib --in-place
    """
    if list_rules or rules.strip() == "list":
        click.echo(format_rule_table(), nl=False)
        return
    _check_usage(path, output, in_place, check, fmt)
    with unusable_input_exits_2():
        result = tidy_file(path, rules, encoding)
        findings = result.diagnostics + (result.change_diagnostics() if check else [])
        print_diagnostics(findings, fmt)
        status = exit_code(findings)
        if check:
            status = max(status, 1 if result.changed else 0)
        elif in_place:
            status = max(status, _write_in_place(result, force))
        else:
            emit(result.encoded(), output)
    raise SystemExit(status)
