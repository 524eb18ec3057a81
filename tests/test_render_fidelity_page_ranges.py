"""``page-range-format`` as citeproc-js applies it (``render.workarounds.page_ranges``)."""

from __future__ import annotations

import pytest

from citeledger.render.workarounds.page_ranges import format_page_range_end

RANGES = ("1-28", "321-28", "101-108", "1496-1504", "1536-38", "11564-11615", "1087-1089", "28-1", "A1-28", "12a-15a")
# citeproc-js 2.4.63's CSL.Util.PageRangeMangler on each range (node, "-" as the range delimiter)
CITEPROC_JS = {
    None: ("1-28", "321-328", "101-108", "1496-1504", "1536-1538", "11564-11615", "1087-1089", "28-1", "A1-A28",
           "12a-15a"),
    "expanded": ("1-28", "321-328", "101-108", "1496-1504", "1536-1538", "11564-11615", "1087-1089", "28-1",
                 "A1-A28", "12a-15a"),
    "minimal": ("1-28", "321-8", "101-8", "1496-504", "1536-8", "11564-615", "1087-9", "28-1", "A1-28", "12a-5a"),
    "minimal-two": ("1-28", "321-28", "101-08", "1496-504", "1536-38", "11564-615", "1087-89", "28-1", "A1-28",
                    "12a-5a"),
    "chicago": ("1-28", "321-28", "101-8", "1496-1504", "1536-38", "11564-615", "1087-89", "28-1", "A1-28",
                "12a-15a"),
    "chicago-16": ("1-28", "321-28", "101-8", "1496-504", "1536-38", "11564-615", "1087-89", "28-1", "A1-28",
                   "12a-15a"),
}  # fmt: skip


@pytest.mark.parametrize("range_format", sorted(CITEPROC_JS, key=str))
def test_page_ranges_as_citeproc_js(range_format: str | None) -> None:
    ours = []
    for page_range in RANGES:
        first, last = page_range.split("-")
        ours.append(f"{first}-{format_page_range_end(first, last, range_format)}")
    assert tuple(ours) == CITEPROC_JS[range_format]
