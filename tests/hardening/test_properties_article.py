"""Fuzzing the article reader with hypothesis: any text, in any of the three formats, gives an Article
whose spans all point into ``Article.text`` at the right line:col, without an exception."""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeledger.article import FORMATS, parse_article

# CITELEDGER_FUZZ_EXAMPLES raises the budget for a long run (bench); the default keeps CI quick.
EXAMPLES = int(os.environ.get("CITELEDGER_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=3), suppress_health_check=[HealthCheck.too_slow])

# Pieces of the articles the reader is built for (header, citations, reference list, cite-this block)
# and of HTML, so that random text reaches every step.
TOKENS = [
    "Ieng Sary", "3 February, 2008", "Chandler David", "\n", "\n\n", "\r\n", "\r", " ", "References", "Bibliography",
    "# ", "## ", "- ", "* ", "1. ", "Cite this item", "Back to top", "CHANDLER, David, 1993, Pol Pot, : Plon.",
    "(Short, 2007: 81, 93)", "(B-1)", "(", ")", "[", "]", "@key", ", ", ": ", ".", "ISSN 1961-9898", "[online]",
    "accessed 17/02/2021,,", "<p>", "</p>", "<h2>", "</h2>", "<li>", "<br>", "<script>", "</script>", "&amp;",
    "&#x41;", "&bogus;", "<!DOCTYPE html>", "<html>", "<body>", "</", "é", "\u2028", "\x0c", "\t",
]
article_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map("".join)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Reference implementation: CR, LF and CRLF each end a line."""
    head = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    last_break = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset))
    return head.count("\n") + 1, offset - last_break


def spans_of(article):
    blocks = [article.body, article.reference_block, article.cite_this_block, *article.reference_entries]
    if article.own_entry is not None and article.own_entry.span is not None:
        blocks.append(article.own_entry.span)
    return [span for span in blocks if span is not None]


@FUZZ
@given(article_text, st.sampled_from((None, *FORMATS)))
def test_spans_point_into_the_text_at_the_right_line(text, fmt):
    article, diagnostics = parse_article(text, "fuzz.txt", fmt)
    for span in spans_of(article):
        assert 0 <= span.start <= span.end <= len(article.text)
        assert (span.line, span.col) == line_col(article.text, span.start)
    if article.own_entry is not None and article.own_entry.span is not None:
        span = article.own_entry.span
        assert article.text[span.start : span.end] == article.own_entry.raw
    for entry in article.reference_entries:
        assert article.reference_block.start <= entry.start <= entry.end <= article.reference_block.end
    assert all(d.code in ("CL101", "CL402") for d in diagnostics)


@FUZZ
@given(article_text)
def test_plain_text_is_its_own_text(text):
    article, _ = parse_article(text, "fuzz.txt", "text")
    assert article.text == text
