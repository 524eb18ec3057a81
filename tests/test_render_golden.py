"""Our formatting against citeproc-js's (golden files recorded by bench/record_citeprocjs.js).

A list of expected failures, as jgm/citeproc keeps: a difference not on the list fails, and so does an
entry on the list that now matches (an unexpected pass: update the list).
"""

from __future__ import annotations

import pytest

from citeledger.render import engine, fidelity, styles
from format_goldens import golden_cases, load_cites, load_golden, load_items

FORMATS = ("text", "html")


# (style, item set) → (entry indices, citation indices) known to differ, in both text and HTML;
# (style, item set, format) for a difference in one format only. Empty since the sort-key, title-case,
# page-range and subsequent-author-substitute fixes: add a difference here with the gap it shows.
EXPECTED_FAILURES: dict[tuple[str, ...], tuple[set[int], set[int]]] = {}


def _expected(style: str, item_set: str, fmt: str) -> tuple[set[int], set[int]]:
    return EXPECTED_FAILURES.get((style, item_set, fmt)) or EXPECTED_FAILURES.get((style, item_set), (set(), set()))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("style", "item_set"), golden_cases())
def test_matches_citeproc_js(style: str, item_set: str, fmt: str) -> None:
    loaded = engine.load_style(styles.resolve_style(style))
    golden = load_golden(style, item_set, fmt)
    comparison = fidelity.compare(load_items(item_set), loaded, load_cites(item_set), golden, fmt)
    bad_entries, bad_cites, result = comparison.bad_entries, comparison.bad_citations, comparison.result
    expected_entries, expected_cites = _expected(style, item_set, fmt)
    assert result.entries, "nothing was formatted"
    assert bad_entries - expected_entries == set(), "entries differ from citeproc-js"
    assert bad_cites - expected_cites == set(), "citations differ from citeproc-js"
    assert expected_entries - bad_entries == set(), "unexpected pass (entries): update EXPECTED_FAILURES"
    assert expected_cites - bad_cites == set(), "unexpected pass (citations): update EXPECTED_FAILURES"
