"""Offsets → 1-based line:col, for every parsed object that points back at its source."""

from __future__ import annotations

import bisect
import re

from citeledger.model import Span

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Answers ``line_col(offset)`` in O(log n). CR, LF and CRLF each end a line."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.line_col(start)
        return Span(start, end, line, col)
