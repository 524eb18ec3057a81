"""Fuzzing the CSL-JSON reader with hypothesis: any text raises at most UnusableInputError (not JSON,
not a list of items); any JSON value gives items and CL205/CL209 findings, never an exception; what
is read writes back and reads again to the same items."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeledger.errors import UnusableInputError
from citeledger.io.csljson import from_csljson, parse_csljson, to_csljson

# CITELEDGER_FUZZ_EXAMPLES raises the budget for a long run (bench); the default keeps CI quick.
EXAMPLES = int(os.environ.get("CITELEDGER_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=3), suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8),
                    st.sampled_from(["2008-02-03", "1976/1979", "n.d.", "", " ", "1e5", "-1", "١٢"]))
keys = st.sampled_from(["id", "type", "date-parts", "raw", "literal", "circa", "family", "given"]) | st.text(max_size=4)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=20)
VARIABLES = ["id", "type", "title", "author", "editor", "issued", "accessed", "page", "volume", "custom", "URL"]
names = st.lists(st.dictionaries(st.sampled_from(["family", "given", "literal", "non-dropping-particle", "suffix"]),
                                 scalars, max_size=4), max_size=3)
dates = st.dictionaries(st.sampled_from(["date-parts", "raw", "literal", "circa"]),
                        st.one_of(scalars, st.lists(st.lists(scalars, max_size=4), max_size=3)), max_size=3)
items = st.lists(st.dictionaries(st.sampled_from(VARIABLES), st.one_of(scalars, names, dates, json_values),
                                 max_size=8), max_size=5)


@FUZZ
@given(st.text(max_size=60) | json_values.map(repr))
def test_any_text_is_read_or_refused(text):
    try:
        references, diagnostics = parse_csljson(text, "fuzz.json")
    except UnusableInputError as error:
        assert "fuzz.json" in str(error)
        return
    assert all(d.code in ("CL205", "CL209") for d in diagnostics)
    assert len(references) <= max(1, text.count("{"))


@FUZZ
@given(st.one_of(items, json_values))
def test_any_json_value_is_read_or_refused(data):
    try:
        references, diagnostics = from_csljson(data, "fuzz.json")
    except UnusableInputError:
        assert not isinstance(data, list | dict)
        return
    assert all(d.code in ("CL205", "CL209") for d in diagnostics)
    assert len(references) <= (len(data) if isinstance(data, list) else 1)


@FUZZ
@given(items)
def test_what_is_read_reads_back_the_same(data):
    references, _ = from_csljson(data, "fuzz.json")
    again, _ = parse_csljson(to_csljson(references), "again.json")
    assert [(r.id, r.type, dict(r.fields), dict(r.names), dict(r.dates)) for r in again] == \
        [(r.id, r.type, dict(r.fields), dict(r.names), dict(r.dates)) for r in references]


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_nesting_is_refused(depth):
    with pytest.raises(UnusableInputError):
        parse_csljson("[" * depth + "]" * depth, "deep.json")
