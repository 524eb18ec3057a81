"""Property tests: CSL-JSON → BibTeX → CSL-JSON and BibTeX → CSL-JSON → BibTeX reach a fixed point
for the fields both carry (one trip may normalize; a second trip changes nothing)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeledger.io import mapping
from citeledger.io.bibtex_items import parse_bibtex_items
from citeledger.io.bibtex_writer import to_bibtex
from citeledger.io.csljson import parse_csljson, to_csljson
from citeledger.model import Date, Name, Reference

DIALECTS = ["bibtex", "biblatex"]
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

letters = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéèçøßÅ"), min_size=1, max_size=8)
capitalized = letters.map(lambda w: w[:1].upper() + w[1:])
# Prose with every character BibTeX needs escaped, accents, dashes and quotes.
prose = st.lists(st.one_of(letters, capitalized, st.sampled_from(
    ["&", "%", "$", "#", "_", "{", "}", "~", "^", "\\", "--", "—", "«", "»", ":", ",", "CPK", "UN", "50%",
     "$5", "AT&T", "O'Brien", "(x)", "1976-1979"])), min_size=1, max_size=10).map(" ".join)
url = st.text(st.sampled_from("abcxyz0123456789/._-%?=&#~"), min_size=1, max_size=20).map(
    lambda s: "https://example.org/" + s)
name = st.one_of(
    st.builds(Name, family=capitalized, given=capitalized),
    st.builds(Name, family=capitalized, given=capitalized, particle=st.sampled_from(["van der", "de", "von"])),
    st.builds(Name, family=capitalized, given=capitalized, suffix=st.sampled_from(["Jr.", "III"])),
    st.builds(Name, literal=st.lists(capitalized, min_size=1, max_size=3).map(" ".join)),
)
date = st.one_of(
    st.builds(lambda y: Date(parts=(y,)), st.integers(1000, 2100)),
    st.builds(lambda y, m: Date(parts=(y, m)), st.integers(1000, 2100), st.integers(1, 12)),
    st.builds(lambda y, m, d: Date(parts=(y, m, d)), st.integers(1000, 2100), st.integers(1, 12),
              st.integers(1, 28)),
    st.builds(lambda y, n: Date(parts=(y,), end_parts=(y + n,)), st.integers(1000, 2000), st.integers(1, 50)),
)
TEXT_VARIABLES = ["title", "container-title", "publisher", "publisher-place", "volume", "note", "collection-title",
                  "ISSN", "ISBN", "abstract"]


@st.composite
def references(draw, dialect):
    csl_type = draw(st.sampled_from([t.csl for t in mapping.TYPES if mapping.entry_type(t.csl, dialect)[1]]))
    fields = {v: draw(prose) for v in draw(st.sets(st.sampled_from(TEXT_VARIABLES), max_size=6))}
    if draw(st.booleans()):
        fields["URL"] = draw(url)
    if draw(st.booleans()):
        fields["page"] = draw(st.sampled_from(["81-93", "81, 93", "75", "e1234"]))
    if draw(st.booleans()):
        fields["edition"] = str(draw(st.integers(1, 20)))
    if draw(st.booleans()):
        fields["language"] = draw(st.sampled_from(["fr", "en", "de-DE", "km"]))
    names = {role: tuple(draw(st.lists(name, min_size=1, max_size=4)))
             for role in draw(st.sets(st.sampled_from(["author", "editor", "translator"])))}
    dates = {"issued": draw(date)} if draw(st.booleans()) else {}
    key = draw(st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True))
    return Reference(key, csl_type, fields, names, dates)


def model(reference):
    return reference.id, reference.type, dict(reference.fields), dict(reference.names), dict(reference.dates)


def csl_to_bib_to_csl(items, dialect):
    bib, _ = to_bibtex(items, dialect)
    back, _ = parse_bibtex_items(bib)
    again, _ = parse_csljson(to_csljson(back))
    return again


def bib_to_csl_to_bib(text, dialect):
    items, _ = parse_bibtex_items(text)
    back, _ = parse_csljson(to_csljson(items))
    bib, _ = to_bibtex(back, dialect)
    return bib


@pytest.mark.parametrize("dialect", DIALECTS)
def test_csl_json_to_bibtex_to_csl_json_reaches_a_fixed_point(dialect):
    @SETTINGS
    @given(st.lists(references(dialect), min_size=1, max_size=3, unique_by=lambda r: r.id))
    def check(items):
        once = csl_to_bib_to_csl(items, dialect)
        twice = csl_to_bib_to_csl(once, dialect)
        assert [model(r) for r in twice] == [model(r) for r in once]
        assert [r.id for r in once] == [r.id for r in items]
        assert [r.type for r in once] == [r.type for r in items]

    check()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_plain_values_survive_unchanged(dialect):
    """Values without LaTeX-significant sequences (``--``, quotes) come back exactly on the first trip."""
    plain = st.lists(st.one_of(letters, capitalized, st.sampled_from(["&", "%", "$", "#", "_", "CPK", ":"])),
                     min_size=1, max_size=6).map(" ".join)

    @SETTINGS
    @given(st.builds(lambda t, n, d: Reference("k", "book", {"title": t, "publisher": t}, {"author": n},
                                               {"issued": d}),
                     plain, st.lists(name, min_size=1, max_size=3).map(tuple), date))
    def check(item):
        [back] = csl_to_bib_to_csl([item], dialect)
        assert model(back) == model(item)

    check()


raw_piece = st.sampled_from([r"{\'e}", r"\&", "{CPK}", "--", r"\%", r"{\"o}", "Word", "word", r"\_", "{X}y",
                             r"\$", "~", "Straße", r"\textit{it}", "``q''"])
raw_value = st.lists(raw_piece, min_size=1, max_size=8).map(" ".join)


@st.composite
def bibtex_files(draw):
    entries = []
    for index in range(draw(st.integers(1, 3))):
        entry_type = draw(st.sampled_from(["article", "book", "incollection", "inproceedings", "techreport",
                                           "phdthesis", "misc", "online", "inreference", "unpublished"]))
        names = draw(st.lists(st.sampled_from(["Chandler, David", "van der Berg, Jan", "{Human Rights Watch}",
                                               r"D{\'e}sir{\'e}e Dupont", "Smith, Jr., John", "Le Roy Ladurie, E."]),
                              min_size=1, max_size=3))
        fields = {"author": " and ".join(names), "title": draw(raw_value), "year": str(draw(st.integers(1900, 2030)))}
        for field in draw(st.sets(st.sampled_from(["journal", "booktitle", "publisher", "address", "note",
                                                   "pages", "month", "edition", "langid", "url"]))):
            fields[field] = {"pages": "81--93", "month": "feb", "edition": "4th", "langid": "french",
                             "url": "https://x.org/a_b%20c"}.get(field) or draw(raw_value)
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        entries.append(f"@{entry_type}{{key{index},\n{body}\n}}\n")
    return "\n".join(entries)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_bibtex_to_csl_json_to_bibtex_reaches_a_fixed_point(dialect):
    @SETTINGS
    @given(bibtex_files())
    def check(text):
        once = bib_to_csl_to_bib(text, dialect)
        twice = bib_to_csl_to_bib(once, dialect)
        assert twice == once
        first, _ = parse_bibtex_items(text)
        assert len(parse_bibtex_items(once)[0]) == len(first)

    check()
