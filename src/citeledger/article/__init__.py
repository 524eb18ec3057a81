"""Article text (plain, Markdown, HTML) → ``Article``: header, body, reference list, cite-this block."""

from citeledger.article.reader import FORMATS, guess_format, parse_article, read_article

__all__ = ["FORMATS", "guess_format", "parse_article", "read_article"]
