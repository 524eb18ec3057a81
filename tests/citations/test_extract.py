"""Citation extraction, one row per form (issue 4), negative cases, and bounded time on hostile input."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeledger.citations.extract import extract_citations


def summary(text, pandoc=False):
    """Each citation as (form, [(prefix, names or key or title, et_al, year+suffix, locator ranges, suffix)])."""
    result = []
    for citation in extract_citations(text, pandoc_syntax=pandoc):
        items = []
        for item in citation.items:
            who = item.key or (item.names and " & ".join(item.names)) or item.title
            ranges = item.locator.ranges if item.locator else None
            items.append((item.prefix, who, item.et_al, item.year + item.year_suffix, ranges, item.suffix))
        result.append((citation.form, items))
    return result


P = "parenthetical"
N = "narrative"
FORMS = [
    ("(Short, 2007: 81, 93)", [(P, [("", "Short", False, "2007", (("81", "81"), ("93", "93")), "")])]),
    ("(Martin 2001:138)", [(P, [("", "Martin", False, "2001", (("138", "138"),), "")])]),
    ("(Jennar, 2010, p.22)", [(P, [("", "Jennar", False, "2010", (("22", "22"),), "")])]),
    ("(Straus, 2006, pp. 41–64)", [(P, [("", "Straus", False, "2006", (("41", "64"),), "")])]),
    ("(Human Rights Watch, 1995: xvii)", [(P, [("", "Human Rights Watch", False, "1995", (("xvii", "xvii"),), "")])]),
    ("(Heder and Tittemore, 2004: 75-100)", [(P, [("", "Heder & Tittemore", False, "2004", (("75", "100"),), "")])]),
    ("(Lawrence & Mueller, 2003)", [(P, [("", "Lawrence & Mueller", False, "2003", None, "")])]),
    ("(Kiernan et al., 2010)", [(P, [("", "Kiernan", True, "2010", None, "")])]),
    ("(Chandler, 1999a)", [(P, [("", "Chandler", False, "1999a", None, "")])]),
    ("(Smith, n.d.)", [(P, [("", "Smith", False, "n.d.", None, "")])]),
    ("(van der Berg, 2001)", [(P, [("", "van der Berg", False, "2001", None, "")])]),
    ("(Genocide Archive of Rwanda, n.d.)", [(P, [("", "Genocide Archive of Rwanda", False, "n.d.", None, "")])]),
    ("(Vickery, 1984; Kiernan, 1996)",
     [(P, [("", "Vickery", False, "1984", None, ""), ("", "Kiernan", False, "1996", None, "")])]),
    ("(Straus, 2006, 2015)", [(P, [("", "Straus", False, "2006", None, ""), ("", "Straus", False, "2015", None, "")])]),
    ("(Jacquard 1981, Langaney 1992)",
     [(P, [("", "Jacquard", False, "1981", None, ""), ("", "Langaney", False, "1992", None, "")])]),
    ("(see Vickery, 1984; cf. Kiernan, 1996)",
     [(P, [("see", "Vickery", False, "1984", None, ""), ("cf.", "Kiernan", False, "1996", None, "")])]),
    ("(for instance Straus, 2006)", [(P, [("for instance", "Straus", False, "2006", None, "")])]),
    ("(Smith 2001, emphasis added)", [(P, [("", "Smith", False, "2001", None, "emphasis added")])]),
    ("(Smith 2001: 12, Jones 2003: 4)",
     [(P, [("", "Smith", False, "2001", (("12", "12"),), ""), ("", "Jones", False, "2003", (("4", "4"),), "")])]),
    ("Mamdani (2001) shows", [(N, [("", "Mamdani", False, "2001", None, "")])]),
    ("Ponchaud (1977: 12) argues", [(N, [("", "Ponchaud", False, "1977", (("12", "12"),), "")])]),
    ("Chandler’s (1993) account", [(N, [("", "Chandler", False, "1993", None, "")])]),
    ("Chandler's (1993) account", [(N, [("", "Chandler", False, "1993", None, "")])]),
    ("as Heder and Tittemore (2004) note", [(N, [("", "Heder & Tittemore", False, "2004", None, "")])]),
    ("Kiernan et al. (2010) show", [(N, [("", "Kiernan", True, "2010", None, "")])]),
    ("(Ieng Sary Regime: A Diary of the Khmer Rouge Foreign Ministry, 1998)",
     [(P, [("", "Ieng Sary Regime: A Diary of the Khmer Rouge Foreign Ministry", False, "1998", None, "")])]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_forms(text, expected):
    assert summary(text) == expected


PANDOC = [
    ("[@kiernan1996, p. 31]", [("pandoc", [("", "kiernan1996", False, "", (("31", "31"),), "")])]),
    ("[see @a; @b]", [("pandoc", [("see", "a", False, "", None, ""), ("", "b", False, "", None, "")])]),
    ("@a [p. 4] says", [("pandoc-narrative", [("", "a", False, "", (("4", "4"),), "")])]),
    ("[-@smith04, pp. 33-35, emphasis mine]",
     [("pandoc", [("", "smith04", False, "", (("33", "35"),), "emphasis mine")])]),
    ("mail me at x@y.com or [a link](http://u@h)", []),
]


@pytest.mark.parametrize(("text", "expected"), PANDOC)
def test_pandoc_forms(text, expected):
    assert summary(text, pandoc=True) == expected


def test_pandoc_is_off_for_plain_text():
    assert summary("[@kiernan1996, p. 31]") == []


NOT_CITATIONS = [
    "His ministry (B-1) was there",
    "the party (CPK) was",
    "in those years (1977-1978) many",
    "an area (10,747 sq miles) of",
    "his brother-in-law (their wives, Khieu Ponnary and Khieu Thirith, were sisters).",
    "(In 1960, he became a member)",
    "(born in 1924)",
    "a range (1970–1975) of",
    "f(2001)",
    "[not a citation]",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_not_citations(text):
    assert summary(text, pandoc=True) == []


@pytest.mark.parametrize(
    ("text", "tentative"),
    [("the fall of Buenos Aires (1976) was", True), ("in Buenos Aires (1976) he", True),
     ("as shown in Smith (2001)", True), ("as Smith (2001) shows", False), ("Smith (2001) shows", False)],
)
def test_narrative_after_a_preposition_is_tentative(text, tentative):
    [citation] = extract_citations(text)
    assert citation.tentative is tentative


@pytest.mark.parametrize(
    ("text", "expected"),
    [("(Smith, 2001; 2003)", [("Smith", "2001"), ("Smith", "2003")]),
     ("(WHO, 2020)", [("WHO", "2020")]),
     ("(Smith 2001a, 2001b)", [("Smith", "2001a"), ("Smith", "2001b")])],
)
def test_more_forms(text, expected):
    [citation] = extract_citations(text)
    assert [(" & ".join(item.names), item.year + item.year_suffix) for item in citation.items] == expected


def test_spans_point_at_the_raw_text():
    text = "First (Short, 2007: 81, 93). Then Chandler’s (1993) account (see Vickery, 1984; Kiernan, 1996)."
    for citation in extract_citations(text):
        assert text[citation.span.start : citation.span.end] == citation.raw
        for item in citation.items:
            assert text[item.span.start : item.span.end] == item.raw
    assert [c.raw for c in extract_citations(text)] == [
        "(Short, 2007: 81, 93)", "Chandler’s (1993)", "(see Vickery, 1984; Kiernan, 1996)"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["(", ")", "Smith", ", ", "2001", "; ", ": 4", " and ", "[@k", "]", "x", "\n"]),
                max_size=40).map("".join))
def test_spans_round_trip_on_noise(text):
    for citation in extract_citations(text, pandoc_syntax=True):
        assert text[citation.span.start : citation.span.end] == citation.raw
        for item in citation.items:
            assert text[item.span.start : item.span.end] == item.raw


@pytest.mark.parametrize(
    "text",
    ["(" * 1_000_000, ")(" * 500_000, "(Smith, 2001" * 80_000, "a" * 100_000, "(" + "Smith, 2001; " * 8000 + ")",
     "Smith " * 20_000 + "(2001)", "[@" * 500_000, "(" + "1999 " * 20_000],
)
def test_hostile_input_is_fast(text):
    started = time.perf_counter()
    extract_citations(text, pandoc_syntax=True)
    assert time.perf_counter() - started < 1.0
