"""CSL-JSON ⇄ model: names, dates, numbers, bad input."""

import json

import pytest

from citeledger.errors import UnusableInputError
from citeledger.io.csljson import parse_csljson, to_csljson
from citeledger.model import Date, Name, Reference

ITEM = {
    "id": "chandler2000",
    "type": "book",
    "author": [{"family": "Chandler", "given": "David"},
               {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
               {"family": "Gaulle", "given": "Charles", "dropping-particle": "de", "suffix": "Jr."},
               {"literal": "Human Rights Watch"}],
    "issued": {"date-parts": [[2000, 2, 3]]},
    "accessed": {"date-parts": [["2021", "2", "17"]]},
    "title": "A History of Cambodia",
    "edition": 4,
    "publisher-place": "Boulder, Colorado",
}


def test_reads_names_dates_and_numbers():
    (reference,), diagnostics = parse_csljson(json.dumps([ITEM]))
    assert diagnostics == []
    assert reference.id == "chandler2000" and reference.type == "book"
    assert reference.names["author"] == (
        Name("Chandler", "David"), Name("Berg", "Jan", particle="van der"),
        Name("Gaulle", "Charles", dropping_particle="de", suffix="Jr."), Name(literal="Human Rights Watch"))
    assert reference.dates["issued"] == Date(parts=(2000, 2, 3))
    assert reference.dates["accessed"] == Date(parts=(2021, 2, 17))
    assert reference.fields["edition"] == "4"


@pytest.mark.parametrize(("date", "expected"), [
    ({"date-parts": [[1976], [1979]]}, Date(parts=(1976,), end_parts=(1979,))),
    ({"raw": "2008-02-03"}, Date(parts=(2008, 2, 3))),
    ({"raw": "Spring 1998"}, Date(literal="Spring 1998")),
    ({"literal": "n.d."}, Date(literal="n.d.")),
    ({"date-parts": [[1998]], "circa": True}, Date(parts=(1998,), circa=True)),
])
def test_dates(date, expected):
    (reference,), _ = parse_csljson(json.dumps({"id": "a", "type": "book", "issued": date}))
    assert reference.dates["issued"] == expected


def test_write_then_read_is_identity():
    (reference,), _ = parse_csljson(json.dumps([ITEM]))
    (again,), _ = parse_csljson(to_csljson([reference]))
    assert (again.id, again.type, again.fields, again.names, again.dates) == (
        reference.id, reference.type, reference.fields, reference.names, reference.dates)


def test_written_form():
    reference = Reference("k", "book", {"title": "Résistance [1,2]"}, {"author": (Name("Picq", "Laurence"),)},
                          {"issued": Date(parts=(1984, 5))})
    text = to_csljson([reference])
    assert '"date-parts": [[1984, 5]]' in text
    assert '"title": "Résistance [1,2]"' in text  # data is never reformatted
    assert json.loads(text) == [{"id": "k", "type": "book", "author": [{"family": "Picq", "given": "Laurence"}],
                                 "issued": {"date-parts": [[1984, 5]]}, "title": "Résistance [1,2]"}]
    assert to_csljson([reference], ascii=True).isascii()


@pytest.mark.parametrize("text", ["", "[{", "not json", "{'single': 'quotes'}", "[" * 100000])
def test_bad_json_is_unusable_input(text):
    with pytest.raises(UnusableInputError):
        parse_csljson(text, "bad.json")


@pytest.mark.parametrize("text", ['"a string"', "42", "null"])
def test_json_that_is_not_items_is_unusable_input(text):
    with pytest.raises(UnusableInputError, match="list of items"):
        parse_csljson(text, "bad.json")


def test_bad_items_and_values_are_diagnostics():
    data = [1, {"id": "a", "type": "book", "issued": {"date-parts": [["x"]]}, "custom": {"k": "v"}}]
    references, diagnostics = parse_csljson(json.dumps(data))
    assert [r.id for r in references] == ["a"]
    assert sorted(d.code for d in diagnostics) == ["CL205", "CL209", "CL209"]
    assert "issued" not in references[0].dates


def test_single_item_object_is_accepted():
    references, _ = parse_csljson(json.dumps(ITEM))
    assert [r.id for r in references] == ["chandler2000"]
