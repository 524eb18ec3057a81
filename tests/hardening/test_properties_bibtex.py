"""Fuzzing the BibTeX reader with hypothesis: any text is cut into blocks without an exception, every
block is a slice of the source at the right line:col, the file renders back byte for byte, and the
item layer (macros, concatenation, names, dates, LaTeX) never raises either."""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeledger.io.bibtex import parse_bibtex, render_bibtex, string_macros
from citeledger.io.bibtex_items import from_bibtex
from citeledger.tidy import tidy_bibtex

# CITELEDGER_FUZZ_EXAMPLES raises the budget for a long run (bench); the default keeps CI quick.
EXAMPLES = int(os.environ.get("CITELEDGER_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=3), suppress_health_check=[HealthCheck.too_slow])

# Pieces of BibTeX syntax, so that random strings look enough like .bib files to reach deep code.
TOKENS = [
    "@article", "@book{", "@string{", "@preamble{", "@comment{", "@Misc(", "@", "{", "}", "(", ")", '"', "#", ",",
    "=", "\n", "\r\n", "\r", " ", "\t", "key", "author", "title", "year", "month", "pages", "editor", " and ",
    "others", "jan", "2000", "81--93", "\\'e", "{\\\"o}", "\\", "$x^2$", "%", "~", "Smith, John", "van der Berg",
    "{Human Rights Watch}", "date", "2008-02-03", "edition", "4th", "url", "doi", "10.1/x_y", "\x00", "é", "𝔘",
]
bib_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=60).map("".join)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Reference implementation: CR, LF and CRLF each end a line."""
    head = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    last_break = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset))
    return head.count("\n") + 1, offset - last_break


@FUZZ
@given(bib_text)
def test_blocks_are_ordered_slices_at_the_right_line(text):
    bib = parse_bibtex(text, "fuzz.bib")
    previous_end = 0
    for block in bib.blocks:
        assert text[block.start : block.end] == block.raw
        assert block.start >= previous_end
        assert (block.line, block.col) == line_col(text, block.start)
        previous_end = block.end
    assert render_bibtex(bib) == text
    assert all(d.code.startswith("CL2") for d in bib.diagnostics)


@FUZZ
@given(bib_text)
def test_items_never_raise_and_keep_their_span(text):
    bib = parse_bibtex(text, "fuzz.bib")
    references, diagnostics = from_bibtex(bib)
    assert len(references) == len(bib.entries)
    for reference in references:
        assert text[reference.span.start : reference.span.end] == reference.raw
    assert all(d.code.startswith("CL2") for d in diagnostics)


@FUZZ
@given(bib_text)
def test_tidy_never_raises_and_keeps_every_block(text):
    bib = parse_bibtex(text, "fuzz.bib")
    result = tidy_bibtex(bib, "all")
    again = parse_bibtex(result.text, "fuzz.bib")
    # a rule may rewrite a block, never drop one: the failed ones stay verbatim
    assert [b.raw for b in again.failed] == [b.raw for b in bib.failed]
    assert len(again.entries) == len(bib.entries)


@FUZZ
@given(st.lists(st.sampled_from(["a", "b", "c", "jan", '"x"', "{y}", "2000"]), min_size=1, max_size=8),
       st.sampled_from(["a", "b", "c"]))
def test_self_referencing_strings_expand_once(pieces, name):
    # @string{a = a # a}: BibTeX expands with the definitions made so far, so this cannot loop
    text = f"@string{{{name} = {' # '.join(pieces)}}}\n@misc{{k, title = {name} # {name}}}\n"
    bib = parse_bibtex(text)
    macros = string_macros(bib)
    assert len(macros[name]) <= len(text)
    references, _ = from_bibtex(bib)
    assert len(references) == 1
