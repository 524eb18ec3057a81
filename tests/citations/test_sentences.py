"""Sentence segmentation: abbreviations, quotes, citations after the stop, damaged text; spans round-trip."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeledger.citations.sentences import split_sentences


def raws(text):
    return [sentence.raw for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("See Brian D. Tittemore on it. Next.", ["See Brian D. Tittemore on it.", "Next."]),
        ("In Smith (ed.) The book. Next.", ["In Smith (ed.) The book.", "Next."]),
        ("See pp. 4-5 and p. 7 of it. Next.", ["See pp. 4-5 and p. 7 of it.", "Next."]),
        ("She holds a Ph.D. from Yale. Next.", ["She holds a Ph.D. from Yale.", "Next."]),
        ("Kiernan et al. (2010) agree. Next.", ["Kiernan et al. (2010) agree.", "Next."]),
        ("Compare cf. Smith, i.e. Jones. Next.", ["Compare cf. Smith, i.e. Jones.", "Next."]),
        ("He said “Stop.” Then he left.", ["He said “Stop.”", "Then he left."]),
        ("It was so. (Short, 2007: 81) Then more.", ["It was so. (Short, 2007: 81)", "Then more."]),
        ("It was so (Picq, 1984) Then more.", ["It was so (Picq, 1984)", "Then more."]),
        ("Mamdani (2001) Argues it.", ["Mamdani (2001) Argues it."]),
        ("In , he already left. Next.", ["In , he already left.", "Next."]),
        ("No stop at the end (Smith, 1998)\n\nNew paragraph.", ["No stop at the end (Smith, 1998)", "New paragraph."]),
        ("Title line\n\n3 May, 2008\n\nBody.", ["Title line", "3 May, 2008", "Body."]),
        ("It is 4.5 km. It ends? Yes! Done", ["It is 4.5 km.", "It ends?", "Yes!", "Done"]),
        ("- one (Smith, 2001)\n- two\n1. three", ["- one (Smith, 2001)", "- two", "1. three"]),
        ("Text here\n# Heading\n\nMore", ["Text here", "# Heading", "More"]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert raws(text) == expected


def test_lines_and_columns():
    text = "First one.\nSecond one. Third."
    assert [(s.span.line, s.span.col) for s in split_sentences(text)] == [(1, 1), (2, 1), (2, 13)]


def test_window():
    text = "Header. Body one. Body two. Refs."
    assert [s.raw for s in split_sentences(text, 8, 27)] == ["Body one.", "Body two."]


PIECES = ["et al.", "p. ", "Ph.D.", "(Smith, 2001)", "\n\n"]
ALPHABET = st.sampled_from([*"ab AZ.,;:!?()[]“”\"'’\n\t-0123456789", *PIECES])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_spans_round_trip_and_cover_the_text(text):
    sentences = split_sentences(text)
    covered = set()
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.span.start : sentence.span.end] == sentence.raw
        assert sentence.raw == sentence.raw.strip() and sentence.raw
        assert sentence.span.start >= previous_end
        previous_end = sentence.span.end
        covered.update(range(sentence.span.start, sentence.span.end))
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())
