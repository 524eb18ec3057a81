"""Article text → ``Article``: header, body, reference list and its entries, cite-this block.

Steps, in order: pick the format (HTML becomes Markdown-shaped text first), split lines, cut off the
trailing navigation and the cite-this block, read the header, find the reference list, split it into
entries, read the article's own entry. Every block is a span into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from citeledger.article.citethis import CITE_THIS_HEADINGS, NAVIGATION, header_entry, parse_cite_this
from citeledger.article.header import Header, parse_header
from citeledger.article.html import html_to_text, looks_like_html
from citeledger.article.lines import Line, split_lines
from citeledger.article.refblock import find_reference_lines, heading_text, split_entries, strip_bullet
from citeledger.diagnostics import Diagnostic
from citeledger.errors import UnusableInputError
from citeledger.io.textfile import read_text
from citeledger.model import Article, Reference, Span
from citeledger.positions import LineIndex

FORMATS = ("text", "markdown", "html")
_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}


def guess_format(text: str, path: str = "-") -> str:
    """The article format from the file extension, else from the content."""
    if fmt := _EXTENSIONS.get(Path(path).suffix.lower()):
        return fmt
    if looks_like_html(text):
        return "html"
    starts = (line.lstrip()[:3] for line in text[:20000].splitlines())
    return "markdown" if any(start.startswith(("# ", "## ")) for start in starts) else "text"


def _tail(lines: list[Line]) -> tuple[int, int, int | None]:
    """Returns (content_end, stop, cite_index): where the trailing navigation begins, where the
    trailing blocks (cite-this …) begin, and the cite-this heading's index."""
    end = len(lines)
    while end and (lines[end - 1].blank or heading_text(lines[end - 1].content) in NAVIGATION):
        end -= 1
    for index in range(end - 1, max(-1, end - 40), -1):
        if heading_text(lines[index].content) in CITE_THIS_HEADINGS:
            return end, index, index
    return end, end, None


def _span_of(index: LineIndex, lines: list[Line], skip_bullet: bool = False) -> Span:
    filled = [line for line in lines if not line.blank]
    start = filled[0].start + (strip_bullet(filled[0]) if skip_bullet else 0)
    return index.span(start, filled[-1].end)


def _own_entry(text: str, cite: Span | None, header: Header, family_first: bool, source: str):
    if cite is None:
        return header_entry(header, family_first), []
    block = " ".join(text[cite.start : cite.end].split())
    entry, said = parse_cite_this(block, header, family_first)
    entry = replace(entry, span=cite, raw=text[cite.start : cite.end])
    diagnostics = []
    if header.title and said["title"] and said["title"] != header.title:
        diagnostics.append(
            Diagnostic("CL402", f"the cite-this title {said['title']!r} differs from the header's {header.title!r}",
                       path=source, line=cite.line, col=cite.col, start=cite.start, end=cite.end)
        )  # fmt: skip
    return entry, diagnostics


def parse_article(text: str, source: str = "-", fmt: str | None = None) -> tuple[Article, list[Diagnostic]]:
    """Takes an article's text, its path (for diagnostics) and optionally its format (``text``,
    ``markdown``, ``html``); returns the Article and diagnostics: CL101 when no reference list is
    found, CL402 when the cite-this block disagrees with the header."""
    fmt = fmt or guess_format(text, source)
    if fmt not in FORMATS:
        raise UnusableInputError(f"unknown article format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if fmt == "html":
        text = html_to_text(text)
    index, lines = LineIndex(text), split_lines(text)
    end_of_tail, stop, cite_index = _tail(lines)
    cite_lines = lines[cite_index + 1 : end_of_tail] if cite_index is not None else []
    cite = _span_of(index, cite_lines) if any(not line.blank for line in cite_lines) else None
    header = parse_header(lines, stop)
    found = find_reference_lines(lines[header.end :], stop - header.end)
    diagnostics: list[Diagnostic] = []
    block, entries, body_end = None, (), stop
    if found:
        first, end, headed = found[0] + header.end, found[1] + header.end, found[2]
        block = _span_of(index, lines[first:end])
        entries = tuple(_span_of(index, entry, skip_bullet=True) for entry in split_entries(lines[first:end]))
        body_end = first - 1 if headed else first
    else:
        at = index.span(len(text), len(text))
        diagnostics.append(
            Diagnostic("CL101", "no reference list was found", path=source, line=at.line, col=at.col,
                       hint="give the list a heading such as 'References' or 'Bibliography'")
        )  # fmt: skip
    body_lines = [line for line in lines[header.end : body_end] if not line.blank]
    body = _span_of(index, body_lines) if body_lines else None
    family_first = fmt == "text" or bool(cite and text[cite.start : cite.end].startswith(header.author_line or "\0"))
    own, own_diagnostics = _own_entry(text, cite, header, family_first, source)
    diagnostics.extend(own_diagnostics)
    article = _build(source, text, fmt, header, body, block, entries, cite, own)
    return article, diagnostics


def _build(source, text, fmt, header, body, block, entries, cite, own: Reference | None) -> Article:
    fields = own.fields if own else {}
    return Article(
        source=source, text=text, format=fmt, title=header.title,
        authors=own.author if own else (), date=header.date, body=body, reference_block=block,
        reference_entries=entries, cite_this_block=cite, own_entry=own,
        container_title=fields.get("container-title", ""), issn=fields.get("ISSN", ""), url=fields.get("URL", ""),
    )  # fmt: skip


def read_article(path: str, fmt: str | None = None, encoding: str | None = None) -> tuple[Article, list[Diagnostic]]:
    """Takes a path (``-`` for stdin); returns ``parse_article`` of its decoded text, with the
    decoder's diagnostics (CL204) first. Raises UnusableInputError for unreadable or binary files."""
    decoded = read_text(path, encoding)
    article, diagnostics = parse_article(decoded.text, path, fmt or guess_format(decoded.text, path))
    return article, [*decoded.diagnostics, *diagnostics]
