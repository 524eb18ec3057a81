"""Locator parsing: label, value, pages and ranges, problems (CL307)."""

import pytest

from citeledger.citations.locators import page_number, parse_locator


@pytest.mark.parametrize(
    ("raw", "label", "ranges", "problem"),
    [
        ("81, 93", "page", (("81", "81"), ("93", "93")), False),
        ("75-100", "page", (("75", "100"),), False),
        ("pp. 41–64", "page", (("41", "64"),), False),
        ("p.22", "page", (("22", "22"),), False),
        ("xvii", "page", (("xvii", "xvii"),), False),
        ("241-7", "page", (("241", "247"),), False),
        ("12ff.", "page", (("12", "12"),), False),
        ("ch. 3", "chapter", (("3", "3"),), False),
        ("§ 4", "section", (("4", "4"),), False),
        ("passim", "page", (), False),
        ("100-75", "page", (("100", "175"),), False),
        ("300-250", "page", (), True),
        ("abc", "page", (), True),
        ("", "page", (), True),
    ],
)
def test_parse_locator(raw, label, ranges, problem):
    locator = parse_locator(raw)
    assert (locator.label, locator.ranges, bool(locator.problem), locator.raw) == (label, ranges, problem, raw)


def test_page_number():
    assert [page_number(v) for v in ("81", "xvii", "XL", "a3")] == [81, 17, 40, None]
