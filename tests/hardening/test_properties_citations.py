"""Fuzzing citation extraction and the whole ledger with hypothesis: every citation, item, sentence
and claim is a slice of the article text at the right line:col; nothing raises."""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeledger.citations.extract import extract_citations
from citeledger.model import Reference
from citeledger.pipeline import LedgerOptions, build_ledger

# CITELEDGER_FUZZ_EXAMPLES raises the budget for a long run (bench); the default keeps CI quick.
EXAMPLES = int(os.environ.get("CITELEDGER_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=3), suppress_health_check=[HealthCheck.too_slow])

TOKENS = [
    "(", ")", "[", "]", "Smith", "Short", "Heder and Tittemore", "Okafor et al.", "&", ", ", "; ", ": ", " ", "2007",
    "1993a", "n.d.", "in press", "81, 93", "75-100", "p. 12", "pp. 3–4", "chap. 2", "see ", "cf. ", "e.g., ",
    "@okafor1996", "[@a; @b]", "-@x", "Mamdani", "'s", "’s", "\n", "\r\n", "\r", ". ", "? ", "Dr. ", "é", "Ø",
    "(Ieng Sary Regime: A Diary, 1998)", "(B-1)", "((", "))", "2000)", "(2000",
]
body = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=5)), max_size=60).map("".join)
REFERENCES = [
    Reference("short2007", "book", {"title": "Pol Pot"}, {}, {}),
    Reference("smith2007", "book", {"title": "A book"}, {}, {}),
]


def line_col(text: str, offset: int) -> tuple[int, int]:
    head = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    last_break = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset))
    return head.count("\n") + 1, offset - last_break


@FUZZ
@given(body, st.booleans())
def test_citations_are_ordered_slices(text, pandoc):
    citations = extract_citations(text, pandoc_syntax=pandoc)
    previous_end = 0
    for citation in citations:
        assert text[citation.span.start : citation.span.end] == citation.raw
        assert (citation.span.line, citation.span.col) == line_col(text, citation.span.start)
        assert citation.span.start >= previous_end
        previous_end = citation.span.end
        assert citation.items
        for item in citation.items:
            assert citation.span.start <= item.span.start <= item.span.end <= citation.span.end
            assert text[item.span.start : item.span.end] == item.raw


@FUZZ
@given(body, st.sampled_from(["text", "markdown", "html"]))
def test_the_ledger_never_raises_and_its_spans_are_slices(text, fmt):
    article = {"text": "Title\n\n" + text, "markdown": text, "html": f"<html><body><p>{text}</p></body></html>"}[fmt]
    ledger = build_ledger(article, "fuzz.txt", LedgerOptions(fmt=fmt), references=REFERENCES)
    source = ledger.article.text
    for thing in (*ledger.citations, *ledger.sentences, *ledger.claims):
        assert source[thing.span.start : thing.span.end] == thing.raw
        assert (thing.span.line, thing.span.col) == line_col(source, thing.span.start)
    for link in ledger.links:
        assert link.key is None or link.key in ledger.supports
    for diagnostic in ledger.diagnostics:
        if diagnostic.start is not None and diagnostic.path == "fuzz.txt":
            assert (diagnostic.line, diagnostic.col) == line_col(source, diagnostic.start)
