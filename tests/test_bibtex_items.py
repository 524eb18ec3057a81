"""BibTeX/BibLaTeX entries ⇄ model items: reading (decoding, names, dates, aliases) and the writer's
conventions. Expected values are written by hand."""

import pytest

from citeledger.io.bibtex_items import normalize_edition, parse_bibtex_items, parse_name
from citeledger.io.bibtex_writer import format_name, format_pages, to_bibtex
from citeledger.model import Date, Name, Reference

SAMPLE = r"""
@string{wv = {Westview Press}}
@Book{chandler2000,
  author = {Chandler, David},
  title = {A History of {Cambodia}},
  edition = {4th},
  publisher = wv,
  address = {Boulder, Colorado},
  year = 2000,
}
@book{kosal1998,
  author = {Kosal, Phat and Kiernan, Ben},
  translator = {Sim, Sorya},
  title = {Ieng Sary's Regime: a Diary of the Khmer Rouge Foreign Ministry, 1976-1979},
  date = {1998},
}
@book{picq1984,
  author = {Picq, Laurence},
  title = {Au-del{\`a} du ciel: cinq ans chez les {Khmers} rouges},
  publisher = {Barrault},
  location = {Paris},
  year = {1984},
  langid = {french},
}
@online{chandler2008,
  author = {Chandler, David},
  title = {Ieng Sary},
  journaltitle = {Mass Violence \& R{\'e}sistance},
  date = {2008-02-03},
  urldate = {2021-02-17},
  issn = {1961-9898},
  url = {https://www.sciencespo.fr/mass-violence-war-massacre-resistance/en/document/ieng-sary.html},
}
"""


@pytest.fixture(scope="module")
def sample():
    references, diagnostics = parse_bibtex_items(SAMPLE, "sample.bib")
    return {r.id: r for r in references}, diagnostics


def test_reads_every_entry_in_order(sample):
    references, _ = sample
    assert list(references) == ["chandler2000", "kosal1998", "picq1984", "chandler2008"]


def test_string_macro_edition_and_address(sample):
    chandler = sample[0]["chandler2000"]
    assert chandler.type == "book"
    assert chandler.fields["publisher"] == "Westview Press"
    assert chandler.fields["edition"] == "4"
    assert chandler.fields["publisher-place"] == "Boulder, Colorado"
    assert chandler.fields["title"] == "A History of Cambodia"
    assert chandler.dates["issued"] == Date(parts=(2000,))


def test_translator_and_biblatex_date(sample):
    kosal = sample[0]["kosal1998"]
    assert kosal.names["author"] == (Name("Kosal", "Phat"), Name("Kiernan", "Ben"))
    assert kosal.names["translator"] == (Name("Sim", "Sorya"),)
    assert kosal.dates["issued"] == Date(parts=(1998,))


def test_location_langid_and_accents(sample):
    picq = sample[0]["picq1984"]
    assert picq.fields["title"] == "Au-delà du ciel: cinq ans chez les Khmers rouges"
    assert picq.fields["publisher-place"] == "Paris"
    assert picq.fields["language"] == "fr"


def test_online_entry_with_journaltitle_is_reported_not_dropped(sample):
    references, diagnostics = sample
    article = references["chandler2008"]
    assert article.type == "webpage"
    assert article.dates["issued"] == Date(parts=(2008, 2, 3))
    assert article.dates["accessed"] == Date(parts=(2021, 2, 17))
    assert article.fields["ISSN"] == "1961-9898"
    assert article.fields["URL"].endswith("/ieng-sary.html")
    # @online has no journal: its journaltitle is reported (CL205), with the line it sits on
    [finding] = [d for d in diagnostics if d.code == "CL205"]
    assert "journaltitle" in finding.message and finding.subject == "chandler2008"
    assert finding.line == 28


@pytest.mark.parametrize(("raw", "name"), [
    ("Chandler, David", Name("Chandler", "David")),
    ("David Chandler", Name("Chandler", "David")),
    ("van der Berg, Jan", Name("Berg", "Jan", "van der")),
    ("Jan van der Berg", Name("Berg", "Jan", "van der")),
    ("Le Roy Ladurie, Emmanuel", Name("Le Roy Ladurie", "Emmanuel")),
    ("Des Forges, Alison", Name("Des Forges", "Alison")),
    ("Smith, Jr., John", Name("Smith", "John", suffix="Jr.")),
    ("{Human Rights Watch}", Name(literal="Human Rights Watch")),
    (r"D{\'e}sir{\'e}e Dupont", Name("Dupont", "Désirée")),
    (r"{\'E}mile Durkheim", Name("Durkheim", "Émile")),
    ("{de la Mata}, M.", Name("de la Mata", "M.")),
    ("Aristotle", Name("Aristotle")),
    ("others", Name(literal="others")),
])
def test_parse_name(raw, name):
    assert parse_name(raw) == name


@pytest.mark.parametrize(("name", "written"), [
    (Name("Chandler", "David"), "Chandler, David"),
    (Name("Berg", "Jan", "van der"), "van der Berg, Jan"),
    (Name("Smith", "John", suffix="Jr."), "Smith, Jr., John"),
    (Name(literal="Human Rights Watch"), "{Human Rights Watch}"),
    (Name(literal="Barnes & Noble"), r"{Barnes \& Noble}"),
    (Name("de la Mata", "M."), "{de la Mata}, M."),
    (Name("Le Roy Ladurie", "Emmanuel"), "Le Roy Ladurie, Emmanuel"),
    (Name("Gaulle", "Charles", dropping_particle="de"), "de Gaulle, Charles"),
    (Name("Aristotle"), "Aristotle"),
    (Name("Ministry, Foreign", "X"), "{Ministry, Foreign}, X"),
])
def test_format_name(name, written):
    assert format_name(name) == written


@pytest.mark.parametrize("name", [Name("Berg", "Jan", "van der"), Name("Smith", "John", suffix="Jr."),
                                  Name(literal="Human Rights Watch"), Name("de la Mata", "M."),
                                  Name("Désirée", "Émile")])
def test_written_names_read_back(name):
    assert parse_name(format_name(name)) == name
    assert parse_name(format_name(name, ascii=True)) == name


@pytest.mark.parametrize(("year", "month", "date"), [
    ("2000", "feb", Date(parts=(2000, 2))),
    ("2000", "February", Date(parts=(2000, 2))),
    ("2000", "", Date(parts=(2000,))),
    ("1976--1979", "", Date(parts=(1976,), end_parts=(1979,))),
    ("forthcoming", "", Date(literal="forthcoming")),
])
def test_year_and_month(year, month, date):
    month_field = f", month = {month}" if month else ""
    (reference,), _ = parse_bibtex_items(f"@book{{k, year = {{{year}}}{month_field}}}")
    assert reference.dates["issued"] == date


@pytest.mark.parametrize(("text", "edition"), [
    ("4th", "4"), ("4th ed.", "4"), ("2nd edition", "2"), ("Second", "2"), ("3", "3"), ("4e éd.", "4"),
    ("Revised", "Revised"),
])
def test_normalize_edition(text, edition):
    assert normalize_edition(text) == edition


@pytest.mark.parametrize(("pages", "written"), [("81-93", "81--93"), ("81–93", "81--93"), ("81, 93", "81, 93"),
                                                ("75", "75"), ("S1-S5", "S1--S5")])
def test_format_pages(pages, written):
    assert format_pages(pages) == written


def test_writer_conventions_bibtex():
    reference = Reference(
        "chandler2000", "book",
        {"title": "A History of Cambodia", "edition": "4th", "publisher": "Westview Press",
         "publisher-place": "Boulder, Colorado", "page": "81-93", "note": "50% & more_"},
        {"author": (Name("Chandler", "David"),)}, {"issued": Date(parts=(2000, 2))})
    text, diagnostics = to_bibtex([reference], "bibtex")
    assert text == (
        "@book{chandler2000,\n"
        "  author = {Chandler, David},\n"
        "  title = {A {History} of {Cambodia}},\n"
        "  edition = {4},\n"
        "  pages = {81--93},\n"
        "  publisher = {Westview Press},\n"
        "  address = {Boulder, Colorado},\n"
        "  year = {2000},\n"
        "  month = feb,\n"
        "  note = {50\\% \\& more\\_},\n"
        "}\n")
    assert diagnostics == []


def test_writer_conventions_biblatex_and_ascii():
    reference = Reference(
        "picq1984", "book", {"title": "Au-delà du ciel", "publisher-place": "Paris", "language": "fr",
                             "URL": "https://x.org/a_b%20c"},
        {"author": (Name("Picq", "Laurence"),)}, {"issued": Date(parts=(1984, 5, 2))})
    text, _ = to_bibtex([reference], "biblatex", ascii=True)
    assert text == (
        "@book{picq1984,\n"
        "  author = {Picq, Laurence},\n"
        "  title = {{Au-del\\`a du ciel}},\n"
        "  location = {Paris},\n"
        "  date = {1984-05-02},\n"
        "  langid = {french},\n"
        "  url = {https://x.org/a_b%20c},\n"
        "}\n")
    assert text.isascii()


def test_writer_keeps_input_order_and_reports_bibtex_gaps():
    references = [Reference("b", "book", {"title": "B"}), Reference("a", "webpage", {"title": "A"},
                                                                    dates={"original-date": Date((1900,))})]
    text, diagnostics = to_bibtex(references, "bibtex")
    assert text.index("@book{b,") < text.index("@misc{a,")
    messages = sorted(d.message for d in diagnostics if d.code == "CL205")
    assert messages == ["`original-date` of `a` has no bibtex field for type `webpage`",
                        "type `webpage` of `a` has no bibtex entry type; written as @misc"]


def test_bibtex_cannot_keep_a_circa_date_and_says_so():
    reference = Reference("k", "book", dates={"issued": Date(parts=(1998,), circa=True)})
    text, diagnostics = to_bibtex([reference], "bibtex")
    assert "year = {1998}" in text
    assert [d.code for d in diagnostics] == ["CL205"]


@pytest.mark.parametrize(("genre", "bibtex_type", "biblatex_type_field"), [
    ("PhD thesis", "@phdthesis{", "type = {phdthesis}"),
    ("Master's thesis", "@mastersthesis{", "type = {mathesis}"),
])
def test_thesis_kind(genre, bibtex_type, biblatex_type_field):
    reference = Reference("t", "thesis", {"genre": genre, "publisher": "MIT"})
    bibtex, _ = to_bibtex([reference], "bibtex")
    biblatex, _ = to_bibtex([reference], "biblatex")
    assert bibtex.startswith(bibtex_type) and "type =" not in bibtex and "school = {MIT}" in bibtex
    assert biblatex.startswith("@thesis{") and biblatex_type_field in biblatex and "institution = {MIT}" in biblatex
    for text in (bibtex, biblatex):
        (back,), _ = parse_bibtex_items(text)
        assert back.fields == {"genre": genre, "publisher": "MIT"}


def test_bad_ids_get_generated_keys_with_a_finding():
    reference = Reference("has space", "book", {"title": "Title"}, {"author": (Name("Chandler", "David"),)},
                          {"issued": Date((1993,))})
    text, diagnostics = to_bibtex([reference], "bibtex")
    assert text.startswith("@book{chandler1993,")
    assert [d.code for d in diagnostics] == ["CL209"]


def test_alias_with_a_different_value_is_reported():
    _, diagnostics = parse_bibtex_items("@book{k, address = {Paris}, location = {Lyon}}")
    assert [d.code for d in diagnostics] == ["CL205"]
    assert "location" in diagnostics[0].message


def test_unknown_entry_type_is_read_as_document_and_reported():
    (reference,), diagnostics = parse_bibtex_items("@jabrefthing{k, title = {T}}")
    assert reference.type == "document"
    assert [d.code for d in diagnostics] == ["CL205"]


def test_broken_input_gives_diagnostics_not_exceptions():
    references, diagnostics = parse_bibtex_items("@book{a, title = {Unclosed\n@book{b, title = {Fine}}\n")
    assert "CL201" in {d.code for d in diagnostics} or references


@pytest.mark.parametrize(("written", "value"), [
    ("https://x.org/a%20b_c?d=1&e=2#f", "https://x.org/a%20b_c?d=1&e=2#f"),
    (r"10.1002/(SICI)1097\_4636", "10.1002/(SICI)1097_4636"),
    (r"http://x.org/\~{}user", "http://x.org/~{}user"),
])
def test_url_and_doi_are_verbatim(written, value):
    (reference,), _ = parse_bibtex_items(f"@misc{{k, url = {{{written}}}, doi = {{{written}}}}}")
    assert reference.fields["URL"] == value and reference.fields["DOI"] == value
