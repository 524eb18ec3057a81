"""Coverage-guided fuzz target (atheris) for citation extraction and the whole ledger: bytes →
``decode_bytes`` → ``build_ledger`` (article, reference list, citations, links, claims, checks).

Run: ``python tests/fuzz/fuzz_citations.py [libFuzzer options] [corpus dir]``; see ``fuzz_bibtex.py``.
"""

from __future__ import annotations

from harness import fuzz, instrumented

with instrumented(__name__):
    from citeledger.citations.extract import extract_citations
    from citeledger.errors import UnusableInputError
    from citeledger.io.textfile import decode_bytes
    from citeledger.keys import assign_keys  # noqa: F401  (loaded here so that it is instrumented)
    from citeledger.pipeline import LedgerOptions, build_ledger
    from citeledger.references import parse_references  # noqa: F401  (same)


def check(data: bytes) -> None:
    """Raises when citation extraction or the ledger misbehaves on ``data``."""
    try:
        text = decode_bytes(data, "fuzz.txt").text
    except UnusableInputError:
        return
    for citation in extract_citations(text, pandoc_syntax=True):
        assert text[citation.span.start : citation.span.end] == citation.raw, citation
        for item in citation.items:
            assert text[item.span.start : item.span.end] == item.raw, item
    for fmt in ("text", "markdown"):
        ledger = build_ledger(text, "fuzz", LedgerOptions(fmt=fmt))
        for thing in (*ledger.citations, *ledger.sentences, *ledger.claims):
            assert text[thing.span.start : thing.span.end] == thing.raw, thing


if __name__ == "__main__":
    fuzz(check)
