"""Claims: the sentence a citation supports, or its clause when a sentence cites different works."""

from hypothesis import given, settings
from hypothesis import strategies as st

from citeledger.model import Date, Name, Reference
from citeledger.pipeline import build_ledger

REFERENCES = [
    Reference(key, "book", {"title": title}, {"author": (Name(family=family),)}, {"issued": Date(parts=(year,))})
    for key, family, year, title in [
        ("smith2001", "Smith", 2001, "One"), ("jones2003", "Jones", 2003, "Two"), ("brown1999", "Brown", 1999, "Three")
    ]
]


def ledger_of(body):
    return build_ledger(f"A Title\n\n{body}\n\nReferences\n\nNone.\n", "t.txt", references=REFERENCES)


def test_one_citation_supports_its_sentence():
    ledger = ledger_of("Rice yields grew in the north (Smith, 2001: 4). They fell later.")
    [claim] = ledger.claims
    assert claim.raw == "Rice yields grew in the north (Smith, 2001: 4)."
    assert ledger.sources(0)[0][0] == "smith2001" and ledger.sources(0)[0][1].ranges == (("4", "4"),)
    assert ledger.supports == {"smith2001": (0,), "jones2003": (), "brown1999": ()}


def test_different_works_split_the_sentence_into_clauses():
    ledger = ledger_of("Yields grew in the north (Smith, 2001), while they fell in the south (Jones, 2003).")
    assert [claim.raw for claim in ledger.claims] == [
        "Yields grew in the north (Smith, 2001)", "while they fell in the south (Jones, 2003)."]
    assert ledger.supports["smith2001"] == (0,) and ledger.supports["jones2003"] == (1,)


def test_the_same_work_twice_keeps_one_claim():
    ledger = ledger_of("Yields grew (Smith, 2001) and grew again (Smith, 2001: 9).")
    [claim] = ledger.claims
    assert claim.citations == (0, 1)


def test_one_bracket_with_two_works_supports_one_claim():
    ledger = ledger_of("Yields grew (Smith, 2001; Brown, 1999). Next.")
    assert len(ledger.claims) == 1
    assert [key for key, _ in ledger.sources(0)] == ["smith2001", "brown1999"]
    assert ledger.supports["brown1999"] == (0,)


def test_tentative_citations_are_kept_only_when_they_link():
    ledger = ledger_of("As shown in Smith (2001), the city grew. Elections in Buenos Aires (1976) were cancelled.")
    assert [citation.raw for citation in ledger.citations] == ["Smith (2001)"]
    assert [link.key for link in ledger.links] == ["smith2001"]
    assert not [d for d in ledger.diagnostics if d.code == "CL301"]


def test_claim_spans_round_trip():
    ledger = ledger_of("A (Smith, 2001), b (Jones, 2003) and c (Brown, 1999). D (Smith, 2001).")
    for claim in ledger.claims:
        assert ledger.article.text[claim.span.start : claim.span.end] == claim.raw
    assert len(ledger.claims) == 4


PIECES = ["It rained", " (Smith, 2001)", " (Jones, 2003: 4)", ", while", " it fell", ". ", "\n\n", "?", " et al.",
          " (see Brown, 1999; Smith, 2001)", " Mendes (2001) says", " (B-1)", " (1977-1978)", " p. 4"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_every_span_in_the_ledger_round_trips(body):
    ledger = ledger_of(body)
    text = ledger.article.text
    objects = [*ledger.sentences, *ledger.citations, *ledger.claims]
    objects += [item for citation in ledger.citations for item in citation.items]
    for found in objects:
        assert text[found.span.start : found.span.end] == found.raw
    cited = {number for claim in ledger.claims for number in claim.citations}
    assert cited == set(range(len(ledger.citations)))  # every citation supports exactly one claim
    assert sum(len(claim.citations) for claim in ledger.claims) == len(ledger.citations)
