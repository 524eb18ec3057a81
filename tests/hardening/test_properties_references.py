"""Fuzzing the reference-string parser with hypothesis: any string (and any pasted block of them)
parses without an exception, labels stay inside the string, and every reference keeps its span."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeledger.references import METHODS, parse_reference
from citeledger.references.extract import parse_reference_text

# CITELEDGER_FUZZ_EXAMPLES raises the budget for a long run (bench); the default keeps CI quick.
EXAMPLES = int(os.environ.get("CITELEDGER_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=3), suppress_health_check=[HealthCheck.too_slow])

TOKENS = [
    "CHANDLER", "David", "KIERNAN Ben", "SIM Sorya (translation)", ", ", ". ", ": ", "; ", "1993", "2000 (4th ed.)",
    "1976-1979", "Pol Pot", "Paris", "New Haven, Connecticut", ": Plon.", "In ", "ed.", "eds.", "pp. 75-100",
    "vol. 3", "no. 2", "doi:10.1000/xyz", "https://example.org/a", "ISBN 978-0-300-00000-0", "\"", "'", "«", "»",
    "(", ")", "[", "]", "&", " and ", " et ", "—", "-", "\n", "\t", "é", "ß", "Ø", "n.d.", "et al.",
]
reference = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=40).map("".join)


@FUZZ
@given(reference, st.sampled_from(METHODS))
def test_one_reference_never_raises(text, method):
    parsed, diagnostics, labelling = parse_reference(text, "fuzz", method=method)
    assert parsed.raw == text
    for segment in labelling.segments:
        assert 0 <= segment.start < segment.end <= len(labelling.text)
    assert all(d.code.startswith(("CL1", "CL4")) for d in diagnostics)


@FUZZ
@given(st.lists(reference, max_size=6), st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\r\n\r\n"]))
def test_pasted_references_keep_their_spans(strings, separator):
    text = separator.join(strings)
    result = parse_reference_text(text, "fuzz")
    for parsed in result.references:
        assert parsed.span is not None
        # a paragraph's lines are joined by single spaces: same words, same order
        assert text[parsed.span.start : parsed.span.end].split() == parsed.raw.split()


@pytest.mark.parametrize("method", METHODS)
def test_a_huge_reference_is_clipped_and_reported(method):
    parsed, diagnostics, _ = parse_reference("SMITH, John, 2000, " + "A title, " * 5000, method=method)
    assert len(parsed.raw) > 45_000
    assert any("too long" in d.message for d in diagnostics)
