"""Coverage-guided fuzz target (atheris) for the article reader: bytes → ``decode_bytes`` → ``parse_article``
in each format (plain text, Markdown, HTML).

Run: ``python tests/fuzz/fuzz_article.py [libFuzzer options] [corpus dir]``; see ``fuzz_bibtex.py``.
"""

from __future__ import annotations

from harness import fuzz, instrumented

with instrumented(__name__):
    from citeledger.article import FORMATS, parse_article
    from citeledger.errors import UnusableInputError
    from citeledger.io.textfile import decode_bytes


def check(data: bytes) -> None:
    """Raises when the article reader misbehaves on ``data``."""
    try:
        text = decode_bytes(data, "fuzz.txt").text
    except UnusableInputError:
        return
    for fmt in FORMATS:
        article, _ = parse_article(text, "fuzz", fmt)
        spans = [article.body, article.reference_block, article.cite_this_block, *article.reference_entries]
        for span in (s for s in spans if s is not None):
            assert 0 <= span.start <= span.end <= len(article.text), (fmt, span)
        own = article.own_entry
        if own is not None and own.span is not None:
            assert article.text[own.span.start : own.span.end] == own.raw


if __name__ == "__main__":
    fuzz(check)
