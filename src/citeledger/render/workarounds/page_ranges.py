"""``page-range-format`` as citeproc-js applies it (its ``CSL.Util.PageRangeMangler``).

citeproc-py compares the two numbers digit by digit whatever their lengths, so ``minimal-two`` turns
``1-28`` into ``1–8`` and ``1-30`` into ``1–0``, and it prints a short second number as it is
(``321-28`` stays ``321–28`` when ``expanded``). citeproc-js first completes a second number shorter
than the first from the first's leading digits (``321-28`` → ``321-328``), formats only real ranges
(first below second; an optional letter prefix the same on both), and drops digits only between numbers
of the same length: ``minimal`` drops the leading digits they share, ``minimal-two`` keeps two or more;
``chicago``/``chicago-15`` and ``chicago-16`` follow the Chicago Manual's 15th and 16th editions.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import re

_PAGE = re.compile(r"([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)")


def _value(number: str) -> int:
    return int(re.match(r"\d+", number).group())


def _minimal(first: str, last: str, keep: int) -> str:
    if len(first) != len(last):
        return last
    shared = 0
    while shared < len(first) and first[shared] == last[shared] and len(last) - shared > keep:
        shared += 1
    return last[shared:]


def _chicago_15(start: str, stop: str) -> str:
    first, last = _value(start), _value(stop)
    if first > 100 and first % 100 and first // 100 == last // 100:
        return str(last % 100)
    return str(last % 1000) if first >= 10000 else stop


def _chicago_16(start: str, stop: str) -> str:
    first, last = _value(start), _value(stop)
    if first > 100 and first % 100:
        for power in range(2, len(str(last))):
            if first // 10**power == last // 10**power:
                return str(last % 10**power)
    return stop


def format_page_range_end(first: str, last: str, range_format: str | None) -> str:
    """The second number of the page range ``first``-``last`` as ``range_format`` prints it."""
    begin, end = _PAGE.fullmatch(first), _PAGE.fullmatch(last)
    if not begin or not end or (end.group(1) and end.group(1) != begin.group(1)):
        return last
    prefix, start, stop = begin.group(1) or "", begin.group(2), end.group(2)
    if len(stop) < len(start):
        stop = start[: len(start) - len(stop)] + stop
    if _value(start) >= _value(stop):
        return last
    if range_format == "minimal":
        return _minimal(start, stop, 0)
    if range_format == "minimal-two":
        return _minimal(start, stop, 2)
    if range_format in ("chicago", "chicago-15"):
        return _chicago_15(start, stop)
    if range_format == "chicago-16":
        return _chicago_16(start, stop)
    return prefix + stop


class PageRangeFormat:
    """cs:text / cs:number mixin: the end of a page range formatted as citeproc-js does."""

    def _format_last_page(self, first, last):
        return format_page_range_end(str(first), str(last), self.get_root().get_option("page-range-format"))
