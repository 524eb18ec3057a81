"""Normalizers: edition (``(4th ed.)`` → ``4``), place and publisher, thesis genre."""

from __future__ import annotations

import re

from citeledger.references.gazetteer import is_place
from citeledger.references.normalizers.draft import Draft

_EDITION_NUMBER = re.compile(r"(\d{1,3})\s*(?:st|nd|rd|th|e|ème|re|er|\.)?\s*(?:ed|éd|edn|edition|Aufl)?", re.I)
_WORD_EDITIONS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
                  "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10"}  # fmt: skip
_QUOTE_OR_MARK = " \t.,;:()[]"


def normalize_edition(draft: Draft) -> None:
    text = draft.first("edition").strip(_QUOTE_OR_MARK)
    if not text:
        return
    if match := _EDITION_NUMBER.search(text):
        draft.fields["edition"] = match.group(1)
        return
    word = text.split()[0].lower()
    draft.fields["edition"] = _WORD_EDITIONS.get(word, text)


def _split_place_publisher(place: str, publisher: str) -> tuple[str, str]:
    """One field holding both: ``London: Verso`` (place first) or ``Mohr, Tübingen`` (German order,
    told by the gazetteer)."""
    both = place or publisher
    if (place and publisher) or not both:
        return place, publisher
    if ": " in both:
        before, after = both.split(": ", 1)
        return before.strip(), after.strip()
    if ", " in both:
        before, after = both.rsplit(", ", 1)
        if is_place(after) and not is_place(before):
            return after.strip(), before.strip()
    return place, publisher


def normalize_place_publisher(draft: Draft) -> None:
    """``location`` → ``publisher-place``; ``publisher`` stripped of separators and a final stop;
    a place and publisher caught in one field are split."""
    place = draft.first("location").strip(_QUOTE_OR_MARK)
    publisher = draft.first("publisher").strip(" \t,;:")
    place, publisher = _split_place_publisher(place, publisher)
    if place:
        draft.fields["publisher-place"] = place
    if publisher.endswith(".") and not re.search(r"(?:\b[A-Z]|\bInc|\bLtd|\bCo|\bCie)\.$", publisher):
        publisher = publisher[:-1]
    if publisher:
        draft.fields["publisher"] = publisher
    if genre := draft.first("genre").strip(_QUOTE_OR_MARK):
        draft.fields["genre"] = genre
