"""Finding in-text citations: ``extract_citations(text)`` → ``Citation`` objects with spans.

Linear time by construction: one scanner pass pairs brackets (a stack, no regex), and the named patterns
below only ever run on the bounded contents of one pair (at most ``MAX_CONTENT`` characters), so a
megabyte of ``(`` or a 100,000-character line costs one pass. The forms, tried in order on each pair:

- ``parenthetical``: ``(Smith, 2007: 81, 93)``, ``(see Vickery, 1984; Okafor, 1996)``, ``(Straus, 2006, 2015)``,
  ``(Jacquard 1981, Langaney 1992)``, ``(Okafor et al., 2010)``, ``(Smith, n.d.)``, a title in place of authors;
- ``narrative``: ``Mamdani (2001)``, ``Ponchaud (1977: 12) argues``, ``Mendes's (1993) account``;
- ``pandoc``: ``[@okafor1996, p. 31]``, ``[see @a; @b]`` and, in text, ``@a [p. 4]`` (see ``pandoc.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citeledger.citations import pandoc
from citeledger.citations.authors import Authors, read_authors, read_names_before, read_title
from citeledger.citations.locators import looks_like_locator, parse_locator
from citeledger.model import Citation, CitationItem, Locator
from citeledger.positions import LineIndex

MAX_CONTENT = 400  # longer bracketed text is prose, never a citation

# Named patterns, each applied to bounded text only.
YEAR = re.compile(
    r"(?<![\w/–-])(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)(?![\w/–-])"
    r"|(?P<nodate>\bn\.\s?d\.|\bin press\b|\bforthcoming\b)"
)
PREFIX = re.compile(
    r"\s*(?P<prefix>(?:see also|see e\.g\.,?|see|cf\.|e\.g\.,?|i\.e\.,?|for instance,?|for example,?|compare|contra"
    r"|quoted in|cited in|as in|after)\s+)",
    re.I,
)
SAME_AUTHORS = re.compile(r"\s*(?:,|,?\s*and|&)\s*")
LOCATOR_THEN_NAMES = re.compile(r"\s*[:,]\s*(?P<locator>[^A-Z;]*?)\s*,\s*(?=[A-Z])")
TAIL = re.compile(r"\s*(?P<sep>[:,])\s*(?P<rest>.*?)\s*$", re.S)
YEAR_ONLY = re.compile(
    r"\s*(?:1[5-9]\d\d|20\d\d)[a-z]?(?:\s*,\s*(?:1[5-9]\d\d|20\d\d)[a-z]?)*(?:\s*[:,]\s*[^()]{0,60}?)?\s*$"
)


# An innermost (...) holding a year-like anchor. The look-ahead bounds the content and each scan stops
# at the next bracket, so one pass over any text is linear: no nested quantifiers, no backtracking blow-up.
PAREN_CANDIDATE = re.compile(
    rf"\((?=[^()]{{0,{MAX_CONTENT}}}\))[^()]*?(?:\d{{4}}|n\.\s?d\.|\bin press\b|\bforthcoming\b)[^()]*\)"
)


def bracket_pairs(text: str, start: int, end: int, candidate: re.Pattern = PAREN_CANDIDATE) -> list[tuple[int, int]]:
    """Offsets ``(open, close)`` of the innermost bracket pairs in ``text[start:end]`` that ``candidate``
    accepts (a year inside for author–year citations, an ``@`` for pandoc ones), in text order."""
    return [(match.start(), match.end() - 1) for match in candidate.finditer(text, start, end)]


def _item(text: str, index: LineIndex, start: int, end: int, **fields) -> CitationItem:
    while end > start and text[end - 1] in " ,;":
        end -= 1
    while start < end and text[start] in " ,;:":
        start += 1
    return CitationItem(span=index.span(start, end), raw=text[start:end], **fields)


def _year_fields(match: re.Match) -> dict:
    if match["nodate"]:
        return {"year": match["nodate"]}
    return {"year": match["year"], "year_suffix": match["suffix"]}


def _tail(text: str, start: int, end: int) -> tuple[Locator | None, str] | None:
    """What follows the last year: nothing, a locator (``: 81, 93``, ``, p.22``) or a short suffix."""
    rest = text[start:end]
    if not rest.strip():
        return None, ""
    match = TAIL.match(rest)
    if not match or not match["rest"]:
        return None
    value = match["rest"]
    if match["sep"] == ":" or looks_like_locator(value):
        locator, _, suffix = value.partition(", ")
        parsed = parse_locator(value)
        if parsed.problem and suffix[:1].islower() and not looks_like_locator(suffix):
            return parse_locator(locator), suffix
        return parsed, ""
    if value[0].islower() and len(value.split()) <= 8:
        return None, value  # "(Smith 2001, emphasis added)"
    return None


def _first_authors(text: str, start: int, end: int, previous: Authors | None) -> tuple[Authors | None, str] | None:
    """The author part before the first year, or a title in its place: (authors, title) or None. A group
    with no author part repeats the previous group's authors: ``(Smith, 2001; 2003)``."""
    before = text[start:end]
    if previous and not before.strip(" ,"):
        return previous, ""
    authors = read_authors(before)
    if authors:
        return authors, ""
    title = read_title(before)
    return (None, title) if title else None


def _between(text: str, start: int, end: int, previous: Authors | None, title: str):
    """Between two years: the same authors again, new authors, or a locator then new authors.
    Returns (authors, title, locator of the previous item, offset where the next item starts) or None."""
    between = text[start:end]
    if SAME_AUTHORS.fullmatch(between):
        return previous, title, None, end
    authors = read_authors(between.lstrip(" ,"))
    if authors:
        return authors, "", None, end - len(between.lstrip(" ,"))
    split = LOCATOR_THEN_NAMES.match(between)
    if split and (authors := read_authors(between[split.end() :])):
        return authors, "", parse_locator(split["locator"]), start + split.end()
    return None


def parse_group(
    text: str, index: LineIndex, start: int, end: int, previous: Authors | None = None
) -> list[CitationItem] | None:
    """One ``;``-separated group of a parenthetical citation → its items, or None when it is not one.

    Takes absolute offsets of the group inside ``text``; the group may hold several works of the same
    authors (``Straus, 2006, 2015``) or of different authors (``Jacquard 1981, Langaney 1992``)."""
    prefix = PREFIX.match(text, start, end)
    body = prefix.end() if prefix else start
    years = list(YEAR.finditer(text, body, end))
    if not years or not (first := _first_authors(text, body, years[0].start(), previous)):
        return None
    authors, title = first
    pending: list[dict] = []
    item_start = body
    for number, year in enumerate(years):
        if number:
            step = _between(text, years[number - 1].end(), year.start(), authors, title)
            if step is None:
                return None
            authors, title, locator, item_start = step
            if locator:
                pending[-1]["locator"], pending[-1]["end"] = locator, item_start
        names = authors.names if authors else ()
        pending.append({"start": item_start, "end": year.end(), "names": names, "title": title,
                        "et_al": bool(authors and authors.et_al), "locator": None, **_year_fields(year)})
    tail = _tail(text, years[-1].end(), end)
    if tail is None and text[years[-1].end() : end].strip():
        return None
    if tail:
        pending[-1]["locator"], pending[-1]["suffix"] = tail
        pending[-1]["end"] = end
    if prefix:
        pending[0]["prefix"] = prefix["prefix"].strip()
    return [_item(text, index, fields.pop("start"), fields.pop("end"), **fields) for fields in pending]


def _split_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``;``-separated groups of ``text[start:end]`` as offsets, leading spaces skipped."""
    groups, position = [], start
    for part in text[start:end].split(";"):
        skipped = len(part) - len(part.lstrip())
        groups.append((position + skipped, position + len(part)))
        position += len(part) + 1
    return groups


def parse_parenthetical(text: str, index: LineIndex, opened: int, closed: int) -> Citation | None:
    """``(…)`` at ``opened``/``closed`` → a parenthetical Citation when every group is a citation."""
    if "(" in text[opened + 1 : closed]:
        return None
    items: list[CitationItem] = []
    for start, end in _split_groups(text, opened + 1, closed):
        previous = Authors(items[-1].names, items[-1].et_al) if items and items[-1].names else None
        group = parse_group(text, index, start, end, previous)
        if group is None:
            return None
        items.extend(group)
    span = index.span(opened, closed + 1)
    return Citation(span, text[opened : closed + 1], tuple(items), narrative=False, form="parenthetical")


def parse_narrative(text: str, index: LineIndex, opened: int, closed: int) -> Citation | None:
    """``Name (2001: 12)``: years (and a locator) in the brackets, the names just before them."""
    if not YEAR_ONLY.fullmatch(text, opened + 1, closed) or not (found := read_names_before(text, opened)):
        return None
    names_start, authors, tentative = found
    years = list(YEAR.finditer(text, opened + 1, closed))
    tail = _tail(text, years[-1].end(), closed) if years else None
    if not years or (tail is None and text[years[-1].end() : closed].strip()):
        return None
    items = []
    for number, year in enumerate(years):
        last = number == len(years) - 1
        locator, suffix = tail if (last and tail) else (None, "")
        items.append(_item(text, index, year.start(), closed if last and tail else year.end(), names=authors.names,
                           et_al=authors.et_al, locator=locator, suffix=suffix, **_year_fields(year)))
    span = index.span(names_start, closed + 1)
    return Citation(span, text[names_start : closed + 1], tuple(items), True, "narrative", tentative)


PAREN_FORMS: tuple[tuple[str, Callable], ...] = (
    ("parenthetical", parse_parenthetical),
    ("narrative", parse_narrative),
)


def extract_citations(
    text: str, start: int = 0, end: int | None = None, *, pandoc_syntax: bool = False, index: LineIndex | None = None
) -> list[Citation]:
    """Find the citations in ``text[start:end]`` (the article body).

    Takes the text, an optional window and whether to read pandoc ``[@key]`` citations (Markdown);
    returns citations in text order, each with its span, raw text and items. Emits no codes: whether a
    citation resolves is the linker's business.
    """
    limit = len(text) if end is None else min(end, len(text))
    index = index or LineIndex(text)
    found: list[Citation] = []
    for opened, closed in bracket_pairs(text, start, limit):
        for _name, form in PAREN_FORMS:
            if (citation := form(text, index, opened, closed)) is not None:
                found.append(citation)
                break
    if pandoc_syntax:
        found.extend(pandoc.extract_pandoc(text, index, start, limit, bracket_pairs))
    return _without_overlaps(sorted(found, key=lambda c: (c.span.start, -c.span.end)))


def _without_overlaps(citations: list[Citation]) -> list[Citation]:
    kept: list[Citation] = []
    for citation in citations:
        if kept and citation.span.start < kept[-1].span.end:
            continue
        kept.append(citation)
    return kept
