"""Locators: ``81, 93`` / ``p.22`` / ``pp. 41–64`` / ``xvii`` / ``ch. 3`` → ``Locator`` with pages and ranges.

``parse_locator(raw)`` never raises: a value it cannot read comes back with ``problem`` set, which the
checks report as CL307. Parts are pages (arabic or roman numerals, optionally with ``f.``/``ff.``) or
ranges (``75-100``, ``241–7`` expanded to ``241``–``247``); other text is malformed.
"""

from __future__ import annotations

import re

from citeledger.model import Locator

# Written label → CSL locator term; longest first so "pp." wins over "p.".
LABELS: tuple[tuple[str, str], ...] = (
    ("pages", "page"),
    ("page", "page"),
    ("pp.", "page"),
    ("pp", "page"),
    ("p.", "page"),
    ("p", "page"),
    ("s.", "page"),
    ("chapters", "chapter"),
    ("chapter", "chapter"),
    ("chap.", "chapter"),
    ("ch.", "chapter"),
    ("§§", "section"),
    ("§", "section"),
    ("sect.", "section"),
    ("sec.", "section"),
    ("paras.", "paragraph"),
    ("para.", "paragraph"),
    ("figs.", "figure"),
    ("fig.", "figure"),
    ("nn.", "note"),
    ("n.", "note"),
    ("note", "note"),
    ("vols.", "volume"),
    ("vol.", "volume"),
    ("ll.", "line"),
    ("l.", "line"),
    ("col.", "column"),
    ("fol.", "folio"),
    ("t.", "volume"),
)
_LABEL = re.compile(
    r"(?P<label>" + "|".join(re.escape(label) for label, _ in LABELS) + r")(?=[\s\d]|$)\s*", re.I
)
_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_ROMAN = re.compile(r"(?i)^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_PAGE = r"(?:\d{1,6}+[a-eg-z]?|[ivxlcdmIVXLCDM]{1,9})"
_PART = re.compile(rf"^(?P<first>{_PAGE})(?:\s*[-–—]\s*(?P<last>{_PAGE}))?\s*(?:ff?\.?)?$")
_WORDS = frozenset({"passim", "n.p.", "s.p."})


def _is_page(value: str) -> bool:
    return value[:1].isdigit() or bool(_ROMAN.match(value))


def _expand(first: str, last: str) -> str:
    """``241-7`` means 241–247: expand an abbreviated last page from the first one's leading digits."""
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        return first[: len(first) - len(last)] + last
    return last


def _roman_value(value: str) -> int:
    numerals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total, previous = 0, 0
    for char in reversed(value.lower()):
        number = numerals[char]
        total += -number if number < previous else number
        previous = max(previous, number)
    return total


def page_number(value: str) -> int | None:
    """``"81"`` → 81, ``"xvii"`` → 17 (front matter), anything else → None."""
    if value.isdigit():
        return int(value)
    return _roman_value(value) if _ROMAN.match(value) else None


def _parse_part(part: str) -> tuple[tuple[str, str] | None, str]:
    """One comma-separated part → ((first, last), "") or (None, problem)."""
    match = _PART.match(part)
    if not match or not _is_page(match["first"]) or (match["last"] and not _is_page(match["last"])):
        return None, f"cannot read {part!r} as a page or range"
    first, last = match["first"], _expand(match["first"], match["last"] or match["first"])
    low, high = page_number(first), page_number(last)
    if low is not None and high is not None and high < low:
        return None, f"range {part!r} ends before it starts"
    return (first, last), ""


def split_label(raw: str) -> tuple[str, str]:
    """``"pp. 41–64"`` → (``"page"``, ``"41–64"``); no label → (``""``, raw stripped)."""
    text = raw.strip()
    match = _LABEL.match(text)
    if not match:
        return "", text
    written = match["label"].lower()
    term = next(term for label, term in LABELS if label == written)
    return term, text[match.end() :].strip()


def parse_locator(raw: str) -> Locator:
    """Takes the locator text as written (``"p.22"``, ``"81, 93"``); returns a Locator whose label
    defaults to ``page`` and whose ``problem`` is non-empty when a part cannot be read (CL307)."""
    label, value = split_label(raw)
    if value.lower() in _WORDS:
        return Locator(label or "page", value, (), raw)
    ranges, problems = [], []
    for part in _SEPARATOR.split(value) if value else [""]:
        pages, problem = _parse_part(part)
        if pages:
            ranges.append(pages)
        else:
            problems.append(problem if part else "empty locator")
    return Locator(label or "page", value, tuple(ranges), raw, "; ".join(problems))


def looks_like_locator(raw: str) -> bool:
    """True when ``raw`` starts with a locator label or a page number (used to tell a locator from a
    suffix such as ``emphasis added``)."""
    text = raw.strip()
    if not text:
        return False
    label, value = split_label(text)
    return bool(label) or text[0].isdigit() or bool(_ROMAN.match(_SEPARATOR.split(value)[0]))
