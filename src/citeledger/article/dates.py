"""Calendar dates as articles print them: ``3 February, 2008``, ``February 3, 2008``, ``17/02/2021``,
``2008-02-03``, ``3 février 2008``. Numeric ``a/b/yyyy`` is read day first (the European order)."""

from __future__ import annotations

import re

from citeledger.model import Date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "janvier", "januar", "enero", "gennaio"),
            ("february", "feb", "février", "fevrier", "februar", "febrero", "febbraio"),
            ("march", "mar", "mars", "märz", "marzo"),
            ("april", "apr", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maggio"),
            ("june", "jun", "juin", "juni", "junio", "giugno"),
            ("july", "jul", "juillet", "juli", "julio", "luglio"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre", "settembre"),
            ("october", "oct", "octobre", "oktober", "octubre", "ottobre"),
            ("november", "nov", "novembre", "noviembre"),
            ("december", "dec", "décembre", "decembre", "dezember", "diciembre", "dicembre"),
        ),
        start=1,
    )
    for name in names
}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er)?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"([^\W\d_]+)\.?,?\s+(\d{4})")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def _valid(year: int, month: int, day: int) -> Date | None:
    if 1 <= month <= 12 and 1 <= day <= 31:
        return Date(parts=(year, month, day))
    return None


def _month_first(text: str) -> Date | None:
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        month = MONTHS.get(match.group(1).lower())
        if month:
            return _valid(int(match.group(3)), month, int(match.group(2)))
    if match := _MONTH_YEAR.fullmatch(text):
        month = MONTHS.get(match.group(1).lower())
        if month:
            return Date(parts=(int(match.group(2)), month))
    return None


def parse_date(text: str) -> Date | None:
    """Takes a date as printed (the whole string must be a date); returns a Date or None."""
    text = text.strip().rstrip(".")
    if len(text) > 40:
        return None
    if match := _ISO.fullmatch(text):
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _NUMERIC.fullmatch(text):
        return _valid(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        month = MONTHS.get(match.group(2).lower())
        if month:
            return _valid(int(match.group(3)), month, int(match.group(1)))
    if dated := _month_first(text):
        return dated
    if _YEAR.fullmatch(text):
        return Date(parts=(int(text),))
    return None


def find_year(text: str) -> re.Match[str] | None:
    """The first plausible publication year (1500–2099) in ``text``, as a match, or None."""
    return _YEAR.search(text)
