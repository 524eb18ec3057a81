"""Pandoc citations in Markdown: ``[@okafor1996, p. 31]``, ``[see @a; -@b]``, and ``@a [p. 4]`` in text.

Items name a citation key instead of authors; the linker checks the key against the references. Patterns
run on the bounded contents of one bracket pair, or on one bounded key match.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from citeledger.citations.locators import looks_like_locator, parse_locator
from citeledger.model import Citation, CitationItem
from citeledger.positions import LineIndex

KEY = r"[\w](?:[\w:.#$%&+?<>~/-]{0,80}[\w])?"
# An innermost [...] with an @ inside, content bounded (see extract.PAREN_CANDIDATE for why it is linear).
BRACKET_CANDIDATE = re.compile(r"\[(?=[^\[\]]{0,400}\])[^\[\]@]*@[^\[\]]*\]")
BRACKET_ITEM = re.compile(rf"(?P<prefix>[^@]*?)(?P<suppress>-?)@(?P<key>{KEY})(?P<rest>[^@]*)", re.S)
IN_TEXT = re.compile(rf"(?<![\w.@\[-])@(?P<key>{KEY})(?:[ \t]?\[(?P<locator>[^\[\]@\n]{{1,80}})\])?")


def _split_rest(rest: str) -> tuple[str, str]:
    """``, p. 31, emphasis added`` → (locator text, suffix text)."""
    rest = rest.strip().lstrip(",").strip()
    if not rest or not looks_like_locator(rest):
        return "", rest
    locator, _, suffix = rest.partition(", ")
    if suffix and looks_like_locator(suffix):
        return rest, ""
    return locator, suffix


def _bracket_item(text: str, index: LineIndex, start: int, end: int) -> CitationItem | None:
    match = BRACKET_ITEM.fullmatch(text, start, end)
    if not match:
        return None
    locator_text, suffix = _split_rest(match["rest"])
    span_start = match.start("suppress")
    span_end = match.end("key") + len(match["rest"].rstrip())
    return CitationItem(
        names=(), year="", key=match["key"], prefix=match["prefix"].strip(), suffix=suffix,
        locator=parse_locator(locator_text) if locator_text else None,
        span=index.span(span_start, span_end), raw=text[span_start:span_end],
    )


def _bracket_citation(text: str, index: LineIndex, opened: int, closed: int) -> Citation | None:
    if "@" not in text[opened:closed] or (closed + 1 < len(text) and text[closed + 1] == "("):
        return None  # a Markdown link [text](url) is not a citation
    items, position = [], opened + 1
    for part in text[opened + 1 : closed].split(";"):
        item = _bracket_item(text, index, position, position + len(part))
        if item is None:
            return None
        items.append(item)
        position += len(part) + 1
    return Citation(index.span(opened, closed + 1), text[opened : closed + 1], tuple(items), False, "pandoc")


def _in_text_citation(text: str, index: LineIndex, match: re.Match) -> Citation:
    locator = parse_locator(match["locator"]) if match["locator"] and looks_like_locator(match["locator"]) else None
    key_end = match.end("key")
    item = CitationItem(names=(), year="", key=match["key"], locator=locator,
                        span=index.span(match.start(), key_end), raw=text[match.start() : key_end])
    end = match.end() if locator else key_end
    return Citation(index.span(match.start(), end), text[match.start() : end], (item,), True, "pandoc-narrative")


def extract_pandoc(
    text: str, index: LineIndex, start: int, end: int, pairs: Callable[..., list[tuple[int, int]]]
) -> list[Citation]:
    """Pandoc citations in ``text[start:end]``: bracketed ones first, then in-text keys outside them."""
    found: list[Citation] = []
    for opened, closed in pairs(text, start, end, BRACKET_CANDIDATE):
        if (citation := _bracket_citation(text, index, opened, closed)) is not None:
            found.append(citation)
    starts = [c.span.start for c in found]  # bracket pairs come sorted and do not overlap once kept
    for match in IN_TEXT.finditer(text, start, end):
        inside = bisect.bisect_right(starts, match.start()) - 1
        if inside >= 0 and match.start() < found[inside].span.end:
            continue
        found.append(_in_text_citation(text, index, match))
    return found
