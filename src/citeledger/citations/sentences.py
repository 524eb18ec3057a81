"""Sentence segmentation with spans: ``split_sentences(text)`` → sentences whose ``text[span] == raw``.

One left-to-right pass over candidate boundaries (``.``, ``!``, ``?``, ``…`` and paragraph breaks); each
look-around is bounded, so the cost is linear in the text. A terminator ends a sentence only when the next
word can open one (a capital, a digit, an opening quote or bracket) and the word before it is not an
abbreviation or an initial. A citation placed after the full stop (``… in 1950. (Smith, 2007)``) is kept with
the sentence it supports; a citation followed by a capital with no full stop between (damaged text) ends one.
"""

from __future__ import annotations

import re

from citeledger.model import Sentence
from citeledger.positions import LineIndex


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Lower-cased tokens (without their final period) after which a period does not end a sentence.
ABBREVIATIONS = _word_set(
    """
    al cf ch chap col dr ed eds edn e.g eg esp fig figs i.e ie mr mrs ms n nn no nos op p pp para ph.d
    phd prof repr rev sec sect st trans transl vol vols vs viz ca c approx dept ibid id ill
    jr sr univ cit art ser suppl trad dir hrsg bd
    """
)
# Full stops and the like; a blank line; a line break before a list item or a Markdown heading.
_TERMINATOR = re.compile(r"[.!?…]+|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•] |\d{1,3}[.)] |#))")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"
_TOKEN_BEFORE = re.compile(r"([\w.’'-]{1,24})$")
_YEAR = re.compile(r"\b(?:1[4-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.")
_CITATION_SPAN = 300  # longest parenthesis still treated as a citation placed after a full stop


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial (``D.``, ``Ph.D.``)."""
    match = _TOKEN_BEFORE.search(text, max(0, dot - 24), dot)
    if not match:
        return False
    token = match.group(1).lstrip("'’-")
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "Anna B. Lee", "p. 4"
    lowered = token.lower()
    return lowered in ABBREVIATIONS or ("." in lowered and len(lowered) <= 6 and lowered[-1] != ".")


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def _skip_spaces(text: str, position: int, limit: int) -> int:
    while position < limit and text[position] in " \t\r\n\u00a0":
        position += 1
    return position


def _closing_paren(text: str, position: int, limit: int) -> int:
    """Offset just past the ``)`` matching the ``(`` at ``position``, or -1 (bounded search)."""
    depth = 0
    for index in range(position, min(limit, position + _CITATION_SPAN)):
        char = text[index]
        if char == "\n":
            return -1
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return index + 1
    return -1


def _trailing_citation_end(text: str, position: int, limit: int) -> int:
    """After a full stop, the end of a citation parenthesis that belongs to the sentence, or -1."""
    start = _skip_spaces(text, position, limit)
    if start >= limit or text[start] != "(" or text[position:start].count("\n") > 1:
        return -1
    end = _closing_paren(text, start, limit)
    if end < 0 or not _YEAR.search(text, start, end):
        return -1
    return end + 1 if end < limit and text[end] == "." else end


def _boundary_after(text: str, match: re.Match, limit: int) -> int:
    """Where the sentence ending at ``match`` ends, or -1 when ``match`` is no boundary."""
    if match.group().startswith("\n"):
        return match.start()
    end = match.end()
    while end < limit and text[end] in _CLOSERS:
        end += 1
    if match.group() == "." and _is_abbreviation(text, match.start()):
        return -1
    cited = _trailing_citation_end(text, end, limit)
    if cited > 0:
        return cited
    following = _skip_spaces(text, end, limit)
    if following >= limit:
        return end
    if following == end or not _opens_sentence(text[following]):
        return -1
    return end


_DAMAGED_STOP = re.compile(r"\((?:[^()\n]{0,200})\)(?=[ \t]+[A-Z][a-z])")
_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*(?:’s|'s)?[ \t]*$")


def _missing_stops(text: str, start: int, limit: int) -> list[int]:
    """Ends of citation parentheses followed by a capitalised word with no full stop between them."""
    ends = []
    for match in _DAMAGED_STOP.finditer(text, start, limit):
        if not _YEAR.search(match.group()):
            continue
        if _NAME_BEFORE.search(text, max(start, match.start() - 40), match.start()):
            continue  # "Mamdani (2001) Argues" is a narrative citation, not a sentence end
        ends.append(match.end())
    return ends


def _boundaries(text: str, start: int, limit: int) -> list[int]:
    ends = set(_missing_stops(text, start, limit))
    for match in _TERMINATOR.finditer(text, start, limit):
        end = _boundary_after(text, match, limit)
        if end > 0:
            ends.add(end)
    ends.add(limit)
    return sorted(ends)


def split_sentences(
    text: str, start: int = 0, end: int | None = None, index: LineIndex | None = None
) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences.

    Takes the text, an optional window (the article body) and optionally the text's LineIndex; returns
    sentences in order, each with a span (offsets, line:col) into ``text`` and ``raw == text[span]``,
    stripped of surrounding white space. Every non-space character of the window lies in exactly one
    sentence. Emits no codes.
    """
    limit = len(text) if end is None else min(end, len(text))
    index = index or LineIndex(text)
    sentences: list[Sentence] = []
    position = start
    for boundary in _boundaries(text, start, limit):
        if boundary <= position:
            continue
        first = _skip_spaces(text, position, boundary)
        last = boundary
        while last > first and text[last - 1].isspace():
            last -= 1
        if last > first:
            sentences.append(Sentence(index.span(first, last), text[first:last]))
        position = boundary
    return sentences
