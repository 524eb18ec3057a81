"""Linking: exact surname+year first, then tolerant matches that explain themselves, then title+year."""

import pytest

from citeledger.citations.extract import extract_citations
from citeledger.citations.link import link_citations, to_targets
from citeledger.citations.matching import edit_distance, fold, title_similarity
from citeledger.model import Date, Name, Reference


def ref(key, families, year, title="A Title", literal=False, suffix=""):
    names = tuple(Name(literal=f) if literal else Name(family=f.split()[-1], particle=" ".join(f.split()[:-1]))
                  for f in families)
    fields = {"title": title, **({"year-suffix": suffix} if suffix else {})}
    return Reference(key, "book", fields, {"author": names}, {"issued": Date(parts=(year,))})


REFERENCES = [
    ref("short2007", ["Short"], 2007),
    ref("chandler1993", ["Chandler"], 1993),
    ref("chandler2000", ["Chandler"], 2000),
    ref("heder2004", ["Heder", "Tittemore"], 2004),
    ref("kiernan2010", ["Kiernan", "Owens", "Vickery"], 2010),
    ref("samphan2004", ["Samphân"], 2004),
    ref("berg2001", ["van der Berg"], 2001),
    ref("hrw1995", ["Human Rights Watch"], 1995, literal=True),
    ref("vickery1999a", ["Vickery"], 1999, title="Cambodia After Angkor"),
    ref("vickery1999b", ["Vickery"], 1999, title="Society, Economics and Politics"),
    ref("kosal1998", ["Kosal", "Kiernan"], 1998,
        title="Ieng Sary’s Regime: a Diary of the Khmer Rouge Foreign Ministry"),
    ref("lawrence2003", ["Lawrence", "Mueller"], 2003),
    ref("chandler1999", ["Chandler"], 1999, title="Brother Number One: A Political Biography of Pol Pot"),
]


def link(text, pandoc=False):
    citations = extract_citations(text, pandoc_syntax=pandoc)
    return [(link.key, link.method, link.reasons[0].split(":")[0] if link.reasons else "")
            for link in link_citations(citations, REFERENCES)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Short, 2007: 81, 93)", [("short2007", "surname+year", "")]),
        ("(Chandler, 1993: 94)", [("chandler1993", "surname+year", "")]),
        ("(Heder and Tittemore, 2004)", [("heder2004", "surname+year", "")]),
        ("(Kiernan et al., 2010)", [("kiernan2010", "surname+year", "")]),
        ("(Human Rights Watch, 1995: xvii)", [("hrw1995", "surname+year", "")]),
        ("(Brother Number One, 1999)", [("chandler1999", "title+year", "title")]),
        ("(van der Berg, 2001)", [("berg2001", "surname+year", "")]),
        ("(Vickery, 1999b)", [("vickery1999b", "surname+year", "")]),
        ("(SHORT, 2007)", [("short2007", "surname+year", "")]),
        ("(Samphan, 2004)", [("samphan2004", "fuzzy", "diacritics")]),
        ("(Berg, 2001)", [("berg2001", "fuzzy", "particle")]),
        ("(Shortt, 2007)", [("short2007", "fuzzy", "spelling")]),
        ("(Heder, 2004)", [("heder2004", "fuzzy", "missing co-author")]),
        ("(Lawrence et al., 2003)", [("lawrence2003", "fuzzy", "et al.")]),
        ("(Chandler, 1994)", [("chandler1993", "fuzzy", "year")]),
        ("(Vickery, 1999)", [(None, "ambiguous", "year suffix")]),
        ("(Ieng Sary Regime: A Diary of the Khmer Rouge Foreign Ministry, 1998)",
         [("kosal1998", "title+year", "title")]),
        ("(Nobody, 2001)", [(None, "unresolved", "")]),
    ],
)
def test_link(text, expected):
    assert link(text) == expected


def test_ambiguous_lists_the_tied_keys():
    [ambiguous] = link_citations(extract_citations("(Vickery, 1999)"), REFERENCES)
    assert ambiguous.candidates == ("vickery1999a", "vickery1999b")


def test_link_records_method_and_score():
    [short, wrong] = link_citations(extract_citations("(Short, 2007) and (Shortt, 2007)"), REFERENCES)
    assert (short.method, short.score) == ("surname+year", 1.0)
    assert wrong.method == "fuzzy" and 0.5 <= wrong.score < 1.0 and wrong.reasons == ("spelling: Shortt ~ Short",)


def test_unresolved_lists_nearest_candidates():
    [unresolved] = link_citations(extract_citations("(Shorty, 2015)"), REFERENCES)
    assert unresolved.key is None and unresolved.method == "unresolved"
    assert unresolved.candidates[0] == "short2007"


def test_pandoc_keys():
    links = link_citations(extract_citations("[@short2007, p. 4; @Chandler1993; @nokey]", pandoc_syntax=True),
                           REFERENCES)
    assert [(link.key, link.method) for link in links] == [
        ("short2007", "key"), ("chandler1993", "fuzzy"), (None, "unresolved")]


def test_suffixes_assigned_when_missing():
    works = [ref("a", ["Smith"], 2001, "One"), ref("b", ["Smith"], 2001, "Two"), ref("c", ["Smith"], 2002)]
    targets = to_targets(works)
    assert [t.suffix for t in targets] == ["a", "b", ""]
    copies = to_targets([ref("a", ["Smith"], 2001, "One"), ref("b", ["Smith"], 2001, "One")])
    assert [t.suffix for t in copies] == ["", ""]  # one work listed twice (CL203), not two works


def test_helpers():
    assert fold("Samphân’s") == "samphan's"
    assert edit_distance("short", "shortt") == 1 and edit_distance("abc", "xyzabc", 3) == 3
    assert title_similarity("Ieng Sary Regime", "Ieng Sary’s Regime: a Diary") > 0.7
    assert title_similarity("Completely Different", "Ieng Sary’s Regime") < 0.5
