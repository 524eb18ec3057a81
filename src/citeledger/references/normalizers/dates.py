"""Normalizer: the date segment → ``issued`` (``1999a`` keeps its year; ``n.d.`` becomes a literal)."""

from __future__ import annotations

import re

from citeledger.article.dates import parse_date
from citeledger.model import Date
from citeledger.references.normalizers.draft import Draft

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?:\s?[-–/]\s?(1[5-9]\d\d|20\d\d|\d\d))?([a-z])?(?![\d])")
_NO_DATE = re.compile(r"(?i)\b(?:n\.\s?d|s\.\s?d|o\.\s?J|sans date|no date)\b")


def normalize_date(draft: Draft) -> None:
    """Reads the first date segment: a full date when it is one, else its first year."""
    text = draft.first("date").strip(" .,;:()[]")
    if not text:
        return
    if (full := parse_date(text)) is not None:
        draft.dates["issued"] = full
        return
    match = _YEAR.search(text)
    if match:
        draft.dates["issued"] = Date(parts=(int(match.group(1)),))
    elif _NO_DATE.search(text):
        draft.dates["issued"] = Date(literal="n.d.")
