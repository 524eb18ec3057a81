"""Lines and paragraphs of a text, each with its character offsets, so every block keeps its span."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


@dataclass(frozen=True)
class Line:
    """One line: ``start``/``end`` bound its content without the line break; ``indent`` counts
    leading blanks; ``content`` is the stripped text."""

    start: int
    end: int
    indent: int
    content: str

    @property
    def blank(self) -> bool:
        return not self.content


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Takes a text (and optional bounds); returns its lines with offsets. CR, LF and CRLF end lines."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    for match in _LINE.finditer(text, start, end):
        if match.start() == match.end():
            break
        body = match.group().rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        first = match.start() + lead
        lines.append(Line(first, first + len(stripped), lead, stripped))
    return lines


def group_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Takes lines; returns runs of non-blank lines (paragraphs), in order."""
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def paragraph_text(paragraph: list[Line]) -> str:
    """The paragraph's lines joined by single spaces (for classification, not for spans)."""
    return " ".join(line.content for line in paragraph)
