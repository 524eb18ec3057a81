"""The mapping table goes both ways: every type and every field row, written then read back."""

import pytest

from citeledger.io import mapping
from citeledger.io.bibtex_items import parse_bibtex_items
from citeledger.io.bibtex_writer import to_bibtex
from citeledger.model import Date, Name, Reference

DIALECTS = ["bibtex", "biblatex"]


@pytest.mark.parametrize(("entry_type", "csl"), [
    ("article", "article-journal"),
    ("Article", "article-journal"),
    ("book", "book"),
    ("incollection", "chapter"),
    ("inbook", "chapter"),
    ("inproceedings", "paper-conference"),
    ("conference", "paper-conference"),
    ("inreference", "entry-encyclopedia"),
    ("online", "webpage"),
    ("www", "webpage"),
    ("techreport", "report"),
    ("report", "report"),
    ("phdthesis", "thesis"),
    ("mastersthesis", "thesis"),
    ("thesis", "thesis"),
    ("unpublished", "manuscript"),
    ("misc", "document"),
    ("dataset", "dataset"),
    ("software", "software"),
    ("booklet", "pamphlet"),
    ("proceedings", "book"),
])
def test_entry_types_read_as_csl(entry_type, csl):
    assert mapping.csl_type(entry_type) == csl


def test_unknown_entry_type_has_no_csl_type():
    assert mapping.csl_type("jabrefmeta") is None


@pytest.mark.parametrize(("csl", "dialect", "written", "returns"), [
    ("article-journal", "bibtex", "article", True),
    ("chapter", "biblatex", "incollection", True),
    ("entry-encyclopedia", "biblatex", "inreference", True),
    ("entry-encyclopedia", "bibtex", "incollection", False),  # BibTeX has no reference-work entry type
    ("webpage", "biblatex", "online", True),
    ("webpage", "bibtex", "misc", False),
    ("report", "bibtex", "techreport", True),
    ("thesis", "biblatex", "thesis", True),
    ("article-magazine", "biblatex", "article", False),
    ("no-such-type", "bibtex", "misc", False),
])
def test_csl_types_written(csl, dialect, written, returns):
    assert mapping.entry_type(csl, dialect) == (written, returns)


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("rule", mapping.TYPES, ids=lambda r: r.csl)
def test_every_type_goes_both_ways_or_is_reported(rule, dialect):
    reference = Reference("k", rule.csl, {"title": "T"})
    text, diagnostics = to_bibtex([reference], dialect)
    back, _ = parse_bibtex_items(text)
    returns = mapping.entry_type(rule.csl, dialect)[1]
    assert (back[0].type == rule.csl) == returns
    reported = any(d.code == "CL205" and rule.csl in d.message for d in diagnostics)
    assert reported == (not returns)


def _sample_value(rule: mapping.FieldRule):
    if rule.kind == "names":
        return Name(family="Berg", given="Jan", particle="van der"),
    if rule.kind == "date":
        return Date(parts=(2008, 2, 3))
    return {"pages": "81-93", "edition": "4", "language": "fr", "verbatim": "https://x.org/a_b%20c"}.get(
        rule.kind, "Some Value & More")


def _type_for(rule: mapping.FieldRule, dialect: str) -> str:
    """The first CSL type of the table that the row applies to and that comes back as itself."""
    return next(t.csl for t in mapping.TYPES
                if rule.applies_to(t.csl) and mapping.entry_type(t.csl, dialect)[1] and t.csl != "thesis")


def _reference(rule: mapping.FieldRule, csl_type: str) -> Reference:
    value = _sample_value(rule)
    if isinstance(value, tuple):
        return Reference("k", csl_type, names={rule.csl: value})
    if isinstance(value, Date):
        return Reference("k", csl_type, dates={rule.csl: value})
    return Reference("k", csl_type, fields={rule.csl: value})


FIELD_ROWS = [r for r in mapping.FIELDS if r.kind not in ("month", "day")]


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("rule", FIELD_ROWS, ids=lambda r: f"{r.csl}-{r.bibtex or r.biblatex}")
def test_every_field_row_goes_both_ways_or_is_reported(rule, dialect):
    # (rows only for theses are tried on a thesis; its genre is tested in test_bibtex_items)
    csl_type = "thesis" if rule.types == {"thesis"} else _type_for(rule, dialect)
    reference = _reference(rule, csl_type)
    text, diagnostics = to_bibtex([reference], dialect)
    (back,), _ = parse_bibtex_items(text)
    not_carried = [d for d in diagnostics if d.code == "CL205" and f"`{rule.csl}`" in d.message]
    if rule.field(dialect):
        assert not not_carried
        assert back.fields.get(rule.csl) == reference.fields.get(rule.csl)
        assert back.names.get(rule.csl) == reference.names.get(rule.csl)
        assert back.dates.get(rule.csl) == reference.dates.get(rule.csl)
    else:
        assert not_carried, f"{rule.csl} has no {dialect} field but was not reported"


@pytest.mark.parametrize(("bib_field", "entry_type", "csl"), [
    ("journal", "article", "container-title"),
    ("journaltitle", "article", "container-title"),
    ("booktitle", "incollection", "container-title"),
    ("booktitle", "inreference", "container-title"),
    ("address", "book", "publisher-place"),
    ("location", "book", "publisher-place"),
    ("number", "article", "issue"),
    ("issue", "article", "issue"),
    ("number", "techreport", "number"),
    ("number", "book", "collection-number"),
    ("school", "phdthesis", "publisher"),
    ("institution", "techreport", "publisher"),
    ("organization", "manual", "publisher"),
    ("series", "book", "collection-title"),
    ("keywords", "article", "keyword"),
    ("annotation", "book", "annote"),
    ("shorttitle", "book", "title-short"),
])
def test_bibtex_fields_read_as_csl(bib_field, entry_type, csl):
    (reference,), diagnostics = parse_bibtex_items(f"@{entry_type}{{k, {bib_field} = {{Value}}}}")
    assert reference.fields.get(csl) == "Value"
    assert not [d for d in diagnostics if d.code == "CL205"]


def test_every_row_names_a_field_in_at_least_one_dialect():
    for rule in mapping.FIELDS:
        assert rule.bibtex or rule.biblatex, rule


@pytest.mark.parametrize(("langid", "tag"), [("french", "fr"), ("english", "en"), ("ngerman", "de-DE"),
                                              ("Klingon", "Klingon")])
def test_languages_both_ways(langid, tag):
    assert mapping.language_to_csl(langid) == tag
    assert mapping.language_from_csl(tag) == langid
