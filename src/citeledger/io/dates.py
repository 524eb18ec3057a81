"""Dates between BibTeX/BibLaTeX text and the model's ``Date``.

BibLaTeX ``date``/``urldate`` are ISO 8601 (``2008-02-03``, ranges ``1976/1979``, ``2008~`` circa,
``2008?`` uncertain); BibTeX spreads ``issued`` over ``year``, ``month`` and (rarely) ``day``, and
``year`` may hold a range (``1976--1979``). Text that is none of these becomes ``Date(literal=…)``.
"""

from __future__ import annotations

import re

from citeledger.model import Date

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORDS = {
    **{m: i for i, m in enumerate(MONTHS, 1)},
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "sept": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
_ISO_PART = r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+Z?)?"
_ISO = re.compile(rf"^{_ISO_PART}(?:\s*/\s*(?:{_ISO_PART})?)?\s*([~?%]?)$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*(?:-{1,3}|–|—|/)\s*(\d{4})$")


def _valid(parts: tuple[int, ...]) -> bool:
    return (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31)


def _parts(year: str | None, month: str | None, day: str | None) -> tuple[int, ...]:
    return tuple(int(p) for p in (year, month, day) if p)


def parse_iso_date(text: str) -> Date | None:
    """``2008-02-03``, ``2008-02``, ``1976/1979``, ``2008~`` → Date; None when not ISO-shaped."""
    match = _ISO.match(text.strip())
    if not match:
        return None
    start = _parts(*match.group(1, 2, 3))
    end = _parts(*match.group(4, 5, 6)) if match.group(4) else ()
    if not _valid(start) or not _valid(end):
        return None
    return Date(parts=start, end_parts=end, circa=match.group(7) in ("~", "%"))


def parse_month(text: str) -> int | None:
    """``2``, ``02``, ``feb``, ``February``, ``février`` → 2; anything else → None."""
    word = text.strip().strip(".").lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    return _MONTH_WORDS.get(word)


def parse_year_fields(year: str, month: str = "", day: str = "") -> Date:
    """BibTeX ``year``/``month``/``day`` (decoded text) → Date; unreadable text → literal date."""
    year = year.strip()
    ranged = _YEAR_RANGE.match(year)
    if ranged:
        return Date(parts=(int(ranged.group(1)),), end_parts=(int(ranged.group(2)),))
    if not re.fullmatch(r"-?\d{1,4}", year):
        literal = " ".join(p for p in (day.strip(), month.strip(), year) if p)
        return Date(literal=literal)
    number = parse_month(month) if month.strip() else None
    if month.strip() and number is None:
        return Date(literal=f"{month.strip()} {year}")
    parts = [int(year)]
    if number:
        parts.append(number)
        if day.strip().isdigit() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return Date(parts=tuple(parts))


def format_iso_date(date: Date) -> str:
    """Date → ``2008-02-03`` (ranges ``1976/1979``, circa ``2008~``); literal dates as written."""
    if not date.parts:
        return date.literal

    def iso(parts: tuple[int, ...]) -> str:
        year = f"-{-parts[0]:04d}" if parts[0] < 0 else f"{parts[0]:04d}"
        return "-".join([year, *(f"{p:02d}" for p in parts[1:])])

    text = iso(date.parts)
    if date.end_parts:
        text += "/" + iso(date.end_parts)
    return text + ("~" if date.circa else "")


def format_year_fields(date: Date) -> tuple[str, str, str]:
    """Date → BibTeX (year, month macro name, day); a range goes in ``year`` as ``1976--1979``."""
    if not date.parts:
        return date.literal, "", ""
    year = str(date.parts[0])
    if date.end_parts and date.end_parts[0] != date.parts[0]:
        return f"{year}--{date.end_parts[0]}", "", ""
    month = MONTHS[date.parts[1] - 1] if len(date.parts) > 1 else ""
    day = str(date.parts[2]) if len(date.parts) > 2 else ""
    return year, month, day
