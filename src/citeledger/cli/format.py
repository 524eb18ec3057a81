"""``citeledger format``, ``citeledger styles`` and ``citeledger cite-this``: options → one library call
→ output, diagnostics and exit code."""

from __future__ import annotations

import click

from citeledger.diagnostics import exit_code
from citeledger.render.bibliography import format_files
from citeledger.render.cite_this import CITE_THIS_STYLE, cite_this_article
from citeledger.render.engine import FORMATS
from citeledger.render.styles import list_styles

from .output import emit, print_diagnostics, unusable_input_exits_2


@click.command("format")
@click.argument("files", nargs=-1, required=True, metavar="FILES...")
@click.option("-s", "--style", default="apa", show_default=True, metavar="ID|PATH",
              help="A style id (see `citeledger styles`), a renamed id, or a .csl file.")
@click.option("--locale", metavar="LANG", help="Locale for terms and dates (default: the style's), e.g. fr-FR.")
@click.option("--to", "to", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--cite", "cites", multiple=True, metavar="KEY[:LOCATOR]",
              help="Format an in-text citation (repeatable); `a:12;b` cites two works, `b:chap. 3` takes a label.")
@click.option("--cited-only", is_flag=True, help="List only the works named by --cite.")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Processes for a long bibliography (default: one per core; the output is the same).")
def format_command(files, style, locale, to, cites, cited_only, output, strict, jobs) -> None:
    """Format a bibliography (.bib or CSL-JSON files; `-` is stdin) in a CSL style.

    Citations from --cite come first, then the bibliography. Engine warnings,
    unknown keys and items that cannot be read are reported on stderr (CL502).
    Exit 0 when nothing is at error level, 1 otherwise, 2 on unusable input or
    an unknown style.

    \b
    Example:
      citeledger format references.bib --style chicago-author-date
      citeledger format references.json --style vancouver --to html -o refs.html
      citeledger format references.bib --cite short2007:81,93 --cite 'heder2004:75-100;picq1984' --cited-only
    """
    with unusable_input_exits_2():
        result = format_files(files, style, locale=locale, to=to, cites=cites, cited_only=cited_only, jobs=jobs)
        emit(result.text, output)
    print_diagnostics(result.diagnostics)
    raise SystemExit(exit_code(result.diagnostics, strict))


@click.command("styles")
@click.argument("query", nargs=-1)
def styles_command(query) -> None:
    """List the styles --style accepts: id, class (in-text or note) and title.

    Our own styles come first, then the official CSL styles (independent, then
    dependent). Every word of QUERY must appear in the id or the title.

    \b
    Example:
      citeledger styles chicago
      citeledger styles iso 690 fr
    """
    found = list_styles(" ".join(query))
    for info in found:
        click.echo(f"{info.id}\t{info.style_class or '-'}\t{info.title}")
    if not found:
        click.echo(f"no style matches {' '.join(query)!r}", err=True)
        raise SystemExit(1)


@click.command("cite-this")
@click.argument("article", metavar="ARTICLE")
@click.option("--url", help="The article's URL (default: the one in the article, if any).")
@click.option("--accessed", metavar="DATE", help="Access date, DD/MM/YYYY or YYYY-MM-DD (default: the article's, "
                                                  "else today).")
@click.option("-s", "--style", default=CITE_THIS_STYLE, show_default=True, metavar="ID|PATH",
              help="Any style; the default is the site's 'Cite this item' form.")
@click.option("--to", "to", type=click.Choice([*FORMATS, "bibtex", "csl-json"]), default="text", show_default=True,
              help="A formatted line, or the article's own entry as BibTeX or CSL-JSON.")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout.")
def cite_this_command(article, url, accessed, style, to, output) -> None:
    """Cite an article (plain text, Markdown or HTML) in the site's own form.

    The ISSN is checked (CL401). The URL slot is filled when a URL is known and
    left out otherwise, never as an empty `,,`.

    \b
    Example:
      citeledger cite-this article.txt --url https://example.org/ieng-sary
      citeledger cite-this article.txt --style apa --accessed 2021-02-17
      citeledger cite-this article.txt --to bibtex
    """
    with unusable_input_exits_2():
        result = cite_this_article(article, url=url, accessed=accessed, style=style, to=to)
        emit(result.text, output)
    print_diagnostics(result.diagnostics)
    raise SystemExit(exit_code(result.diagnostics))
