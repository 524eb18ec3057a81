"""What every labelling method returns: labelled character ranges of one reference string.

Labels are field names close to CSL's: ``author``, ``editor``, ``translator``, ``date``, ``edition``,
``title``, ``container-title``, ``collection-title``, ``volume``, ``issue``, ``pages``, ``publisher``,
``location``, ``genre``, ``url``, ``doi``, ``isbn``, ``issn``, ``note``, ``citation-number``; ``other``
marks separators and words that belong to no field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS = (
    "author", "editor", "translator", "date", "edition", "title", "container-title", "collection-title",
    "volume", "issue", "pages", "publisher", "location", "genre", "url", "doi", "isbn", "issn", "note",
    "citation-number", "other",
)  # fmt: skip
_TRIM = " \t\r\n,;"


@dataclass(frozen=True)
class Segment:
    label: str
    start: int
    end: int
    confidence: float = 1.0


@dataclass(frozen=True)
class Labelling:
    """One reference string labelled: ``segments`` in order, the ``method`` that produced them
    (``template:house-book``, ``crf`` …), an overall ``confidence``, and for ``--explain`` the tokens
    as ``(text, label, marginal probability)``."""

    text: str
    segments: tuple[Segment, ...]
    method: str
    confidence: float
    tokens: tuple[tuple[str, str, float], ...] = field(default=())

    def values(self, label: str) -> list[str]:
        return [self.text[s.start : s.end] for s in self.segments if s.label == label]


def make_segment(label: str, text: str, start: int, end: int, confidence: float = 1.0) -> Segment | None:
    """A segment over ``text[start:end]`` with blanks, commas and semicolons trimmed off both ends;
    None when nothing is left."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return Segment(label, start, end, confidence) if start < end else None
