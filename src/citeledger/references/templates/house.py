"""The author–year house style of French humanities encyclopedias, as templates that abstain unless
they consume the whole string:

    SURNAME, Given[, SURNAME Given …] [and SURNAME Given] [(role)], YEAR[a] [(4th ed.)], Title, [Place]: Publisher.
    … YEAR, Title, in SURNAME Given (dir.), Container, [Place]: Publisher, p. 12-34.
    … YEAR, Title, Journal, vol. 12, n° 3, p. 45-67.      (also: Journal, 12 (3): 45-67.)

The year slot anchors the parse: what precedes it must be a name list with a family name in capitals.
"""

from __future__ import annotations

import re

from citeledger.references.gazetteer import is_region
from citeledger.references.recase import is_caps
from citeledger.references.segments import Segment, make_segment

_YEAR_SLOT = re.compile(
    r",\s+(?P<date>(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.|s\.\s?d\.)"
    r"(?:\s+(?P<edition>\(\d{1,2}(?:st|nd|rd|th|e|ème|re|er)?\.?\s+(?:ed|éd|edn|Aufl)\.?\)))?,\s+"
)
_IN = re.compile(r",\s+(?:in|In|dans|In:|in:)\s+")
_EDITOR_END = re.compile(r"\((?:dir|dirs|ed|eds|éd|éds|Hrsg|Hg|coord|a cura di)\.?\),\s+")
_PAGES_TAIL = re.compile(r",\s+(?:pp?\.|S\.)\s?(?P<pages>\d+(?:\s?[-–‑]\s?\d+)?)[.,]?$")
_JOURNAL_TAIL = re.compile(
    r",\s+(?:vol\.\s?)?(?P<volume>\d{1,4})"
    r"(?:\s?\((?P<issue1>[\d/\-–]{1,9})\)|,\s+(?:n°|no\.|nº|n\.|Heft)\s?(?P<issue2>[\d/\-–]{1,9}))?"
    r"(?:,\s+(?:pp?\.\s?)?|:\s?)(?P<pages>\d+(?:\s?[-–‑]\s?\d+)?)[.,]?$"
)
_TRAILING_JUNK = re.compile(r"\d{3}|https?:|www\.|[a-zà-ÿ]{2}\.\s+\S{4}|\(|\)")
_MAX = 2000


def _names_ok(text: str) -> bool:
    first = text.strip().split(",")[0].split()
    return bool(first) and is_caps(first[0]) and "." not in first[0][:-1]


def _publisher_ok(text: str) -> bool:
    # Text left over after the publisher ("Seuil. Reprinted 2004") makes the template abstain.
    text = text.strip(" .,")
    return 0 < len(text) <= 100 and not _TRAILING_JUNK.search(text)


def _place_publisher(text: str, start: int, end: int) -> tuple[list[Segment], int] | None:
    """``…, [Place]: Publisher`` at the end of ``text[start:end]`` → (place and publisher segments,
    where the title ends), or None."""
    colon = text.rfind(": ", start, end)
    if colon < 0 or not _publisher_ok(text[colon + 2 : end]):
        return None
    publisher = make_segment("publisher", text, colon + 1, end)
    before = text[start:colon].rstrip()
    if before.endswith(","):  # ", : Seuil" — the place was lost
        return [publisher], start + len(before) - 1
    cut = text.rfind(", ", start, colon)
    if cut < 0:
        return None
    previous = text.rfind(", ", start, cut)
    if is_region(text[cut + 2 : colon]) and previous > start:
        cut = previous  # "Boulder, Colorado": the region belongs to the place
    place = text[cut + 2 : colon].strip()
    if not place or len(place) > 60 or any(char.isdigit() for char in place) or not place[0].isupper():
        return None
    return [make_segment("location", text, cut + 1, colon), publisher], cut


def _head(text: str) -> tuple[list[Segment], int] | None:
    """Names and year slot → (segments, where the title starts), or None."""
    if len(text) > _MAX:
        return None
    slot = _YEAR_SLOT.search(text)
    if not slot or not _names_ok(text[: slot.start()]):
        return None
    segments = [make_segment("author", text, 0, slot.start()), make_segment("date", text, *slot.span("date"))]
    if slot.group("edition"):
        segments.append(make_segment("edition", text, *slot.span("edition")))
    return [segment for segment in segments if segment], slot.end()


def _finish(segments: list[Segment | None]) -> list[Segment] | None:
    kept = [segment for segment in segments if segment]
    return kept if len(kept) == len(segments) else None


def match_house_book(text: str) -> list[Segment] | None:
    head = _head(text)
    if head is None:
        return None
    segments, title_start = head
    end = len(text.rstrip().rstrip(".,"))
    tail = _place_publisher(text, title_start, end)
    if tail is None or _IN.search(text, title_start, tail[1]):
        return None
    return _finish([*segments, make_segment("title", text, title_start, tail[1]), *tail[0]])


def match_house_chapter(text: str) -> list[Segment] | None:
    head = _head(text)
    if head is None:
        return None
    segments, title_start = head
    marker = _IN.search(text, title_start)
    editors = _EDITOR_END.search(text, marker.end()) if marker else None
    if not marker or not editors:
        return None
    end = len(text.rstrip().rstrip(".,"))
    pages = _PAGES_TAIL.search(text, editors.end(), end + 1)
    if pages:
        end = pages.start()
    tail = _place_publisher(text, editors.end(), end)
    if tail is None:
        return None
    found = [
        *segments, make_segment("title", text, title_start, marker.start()),
        make_segment("editor", text, marker.end(), editors.end()),
        make_segment("container-title", text, editors.end(), tail[1]), *tail[0],
    ]  # fmt: skip
    if pages:
        found.append(make_segment("pages", text, *pages.span("pages")))
    return _finish(found)


def match_house_article(text: str) -> list[Segment] | None:
    head = _head(text)
    if head is None:
        return None
    segments, title_start = head
    tail = _JOURNAL_TAIL.search(text.rstrip(), title_start)
    if not tail:
        return None
    journal_cut = text.rfind(", ", title_start, tail.start())
    if journal_cut < 0:
        return None
    issue = "issue1" if tail.group("issue1") else "issue2"
    found = [
        *segments, make_segment("title", text, title_start, journal_cut),
        make_segment("container-title", text, journal_cut + 1, tail.start()),
        make_segment("volume", text, *tail.span("volume")), make_segment("pages", text, *tail.span("pages")),
    ]  # fmt: skip
    if tail.group(issue):
        found.append(make_segment("issue", text, *tail.span(issue)))
    return _finish(found)


HOUSE_TEMPLATES = (
    ("house-chapter", match_house_chapter),
    ("house-article", match_house_article),
    ("house-book", match_house_book),
)
