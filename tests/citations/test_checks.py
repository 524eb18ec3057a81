"""The checks registry: each code fires on its case, with a position and a hint, and not otherwise."""

import pytest

from citeledger.citations.checks import CHECKS
from citeledger.model import Date, Name, Reference
from citeledger.pipeline import LedgerOptions, build_ledger


def ref(key, families, year, title="A Title", type_="book", **fields):
    names = tuple(Name(family=family) for family in families)
    return Reference(key, type_, {"title": title, **fields}, {"author": names}, {"issued": Date(parts=(year,))})


REFERENCES = [
    ref("short2007", ["Short"], 2007),
    ref("heder2004", ["Heder", "Tittemore"], 2004),
    ref("lawrence2003", ["Lawrence", "Mueller"], 2003),
    ref("straus2006", ["Straus"], 2006, "The Order of Genocide", "chapter", page="41-64"),
    ref("vickery1984a", ["Vickery"], 1984, "Cambodia 1975-1982"),
    ref("vickery1984b", ["Vickery"], 1984, "Another Work"),
    ref("kosal1998", ["Kosal", "Kiernan"], 1998, "A Diary of the Foreign Ministry"),
    ref("uncited2000", ["Nobody"], 2000),
]


def codes(body, references=REFERENCES, **options):
    text = f"A Title\n\n{body}\n\nReferences\n\nNone.\n"
    ledger = build_ledger(text, "t.txt", LedgerOptions(**options), references=references)
    found = [d for d in ledger.diagnostics if d.subject != "uncited2000" or "uncited" in body]
    return [(d.code, d.line, d.col) for d in found], found


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("It was so (Nobody Else, 1990).", "CL301"),
        ("It was so (Vickery, 1984).", "CL302"),
        ("It was so (A Diary of the Foreign Ministry, 1998).", "CL303"),
        ("It was so (Short, 2008).", "CL305"),
        ("It was so (Short, 2007b).", "CL305"),
        ("It was so (Shortt, 2007).", "CL306"),
        ("It was so (Heder, 2004).", "CL306"),
        ("It was so (Lawrence et al., 2003).", "CL306"),
        ("It was so (Short, 2007: 12-x).", "CL307"),
        ("It was so (Straus, 2006, p. 80).", "CL307"),
    ],
)
def test_each_check_fires_with_position_and_hint(body, code):
    found, diagnostics = codes(body)
    assert (code, 3, body.index("(") + 2) in found
    assert all(d.hint for d in diagnostics if d.code == code)


def test_clean_citations_give_no_citation_findings():
    found, _ = codes("It was so (Short, 2007: 81, 93; Heder and Tittemore, 2004; Straus, 2006, p. 50).")
    assert [code for code, _, _ in found if code != "CL304"] == []


def test_nearest_candidates_in_the_hint():
    _, diagnostics = codes("It was so (Shorty, 2015).")
    [unresolved] = [d for d in diagnostics if d.code == "CL301"]
    assert unresolved.hint.startswith("nearest references: short2007 (Short 2007)")


@pytest.mark.parametrize(("level", "severity"), [("error", "error"), ("warning", "warning"), ("info", "info")])
def test_uncited_levels(level, severity):
    _, diagnostics = codes("It was so (Short, 2007). uncited", uncited=level)
    uncited = [d for d in diagnostics if d.code == "CL304"]
    assert "uncited2000" in {d.subject for d in uncited}
    assert {str(d.severity) for d in uncited} == {severity}


def test_uncited_ignore():
    _, diagnostics = codes("It was so (Short, 2007). uncited", uncited="ignore")
    assert not [d for d in diagnostics if d.code == "CL304"]


def test_duplicate_references_and_shared_labels():
    references = [*REFERENCES, ref("short2007", ["Short"], 2007, "Other"), ref("short-again", ["Short"], 2007),
                  ref("short-other", ["Short"], 2007, "A different book")]
    found, diagnostics = codes("It was so (Short, 2007a).", references=references)
    assert {"CL202", "CL203"} <= {code for code, _, _ in found}
    shared = [d for d in diagnostics if d.code == "CL302" and "share the label" in d.message]
    assert shared and "Short 2007" in shared[0].message
    # The entry repeating a key is CL202's business (the first entry counts, as in BibTeX), not a third work.
    assert "short-other" in shared[0].message and shared[0].message.count("short2007") == 1


def test_a_repeated_key_is_neither_ambiguous_nor_a_year_mismatch():
    references = [*REFERENCES, ref("short2007", ["Short"], 2007, "A shorter title")]
    found, _ = codes("It was so (Short, 2007).", references=references)
    assert {code for code, _, _ in found} >= {"CL202"}
    assert not {"CL302", "CL305"} & {code for code, _, _ in found}


def test_registry_is_named_and_documented():
    assert len({name for name, _ in CHECKS}) == len(CHECKS)
    assert all(check.__doc__ for _, check in CHECKS)
