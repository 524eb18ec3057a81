"""Sort keys compare as citeproc-js compares them (``render.workarounds.sorting``, ``collation-sort``)."""

from __future__ import annotations

import pytest

from citeledger.render import engine, styles, workarounds
from citeledger.render.workarounds.sorting import sort_text


def _compare(left: str, right: str) -> int:
    a, b = workarounds.collation_key(sort_text(left)), workarounds.collation_key(sort_text(right))
    return (a > b) - (a < b)


# Rendered keys and citeproc-js 2.4.63's order of them (its keys: words joined by "|", compared with
# Intl.Collator("en-US", {sensitivity: "base", ignorePunctuation: true, numeric: true}) in node).
@pytest.mark.parametrize(
    ("left", "right", "order"),
    [
        ("DOE, Jane, 2002", "DOE, Jane et ROE, Richard", -1),
        ("“Land Tenure", "Water and Power", -1),
        ("Report 9", "Report 10", -1),
        ("Vol. 2, no. 10", "Vol. 2, no. 9", 1),
        ("Éluard", "eluard", 0),
        ("Smith-Jones", "Smith Jones", 1),
        ("Smith-Jones", "Smithjones", 0),
        ("Ørsted", "Osborne", -1),
        ("O’Brien", "Obrien", 0),
        ("van der Kroef", "Van Der Kroef", 0),
        ("Doe & Roe", "Doe Roe", -1),
    ],
)
def test_sort_text_orders_as_citeproc_js(left: str, right: str, order: int) -> None:
    assert _compare(left, right) == order


def test_numbers_in_keys_sort_by_value() -> None:
    items = [
        {
            "id": f"r{n}",
            "type": "report",
            "title": f"Report {n}",
            "author": [{"family": "Doe", "given": "J"}],
            "issued": {"date-parts": [[2001]]},
        }
        for n in (10, 9)
    ]
    style = engine.load_style(styles.resolve_style("apa"))
    assert [e.id for e in engine.format_items(items, style).entries] == ["r9", "r10"]
    raw = engine.load_style(styles.resolve_style("apa"), enabled=workarounds.ALL - {"sort-key-text"})
    assert [e.id for e in engine.format_items(items, raw).entries] == ["r10", "r9"]


def test_page_first_key_is_the_first_page() -> None:
    # citeproc-js derives page-first from page (``29`` of ``29-51``); citeproc-py has no value to sort on
    style = (
        b'<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>t</title>'
        b"<id>t</id><updated>2026-01-01T00:00:00+00:00</updated></info>"
        b'<citation><layout><text variable="title"/></layout></citation><bibliography><sort>'
        b'<key variable="page-first"/></sort><layout><text variable="title"/></layout></bibliography></style>'
    )
    items = [
        {"id": "b", "type": "article-journal", "title": "Demography", "page": "585-597"},
        {"id": "a", "type": "chapter", "title": "Genocides", "page": "29-51"},
    ]
    assert [e.id for e in engine.format_items(items, engine.load_style_data(style)).entries] == ["a", "b"]
    raw = engine.load_style_data(style, enabled=workarounds.ALL - {"sort-key-text"})
    assert [e.id for e in engine.format_items(items, raw).entries] == ["b", "a"]
