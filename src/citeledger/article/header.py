"""The article's header: title line, date line and author line, as on encyclopedia and journal pages.

Author lines are read family-first when the site prints them so (``Doe Jane``): a comma
between family and given names, an ALL-CAPS family name, or the same order in the cite-this block
decide; otherwise a plain name is read given-first (``Jane Doe``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeledger.article.dates import parse_date
from citeledger.article.lines import Line
from citeledger.model import Date, Name

_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|&|\band\b|\bet\b|\bund\b|,(?=\s*\S+\s+\S))\s*")
_BY = re.compile(r"(?i)^(?:by|par|von|di)\s+")
_HEADER_LINES = 4
_NOT_AUTHORS = frozenset({"references", "bibliography", "bibliographie", "works cited", "abstract", "résumé",
                          "introduction", "contents", "notes", "sources"})  # fmt: skip


@dataclass(frozen=True)
class Header:
    title: str = ""
    date: Date | None = None
    author_line: str = ""
    end: int = 0  # index of the first line after the header


def _is_author_line(content: str) -> bool:
    words = content.split()
    if content.startswith(("#", "-", "*", "[")) or content.lower().rstrip(":") in _NOT_AUTHORS:
        return False  # a heading or a list, not a byline
    return 1 <= len(words) <= 16 and content[-1:] not in ".:?!" and not any(char.isdigit() for char in content)


def parse_header(lines: list[Line], stop: int) -> Header:
    """Takes the article's lines and the index where the body cannot extend past; returns the
    title (first non-blank line, ``#`` marks removed), the date line and the author line."""
    filled = [index for index in range(stop) if not lines[index].blank][:_HEADER_LINES]
    if not filled:
        return Header()
    title = lines[filled[0]].content.lstrip("#").strip().strip("*_").strip()
    if len(title) > 300:
        return Header()
    date: Date | None = None
    author_line, end = "", filled[0] + 1
    for index in filled[1:]:
        content = lines[index].content.strip("*_").strip()
        if date is None and (found := parse_date(content)):
            date, end = found, index + 1
        elif not author_line and _is_author_line(content):
            author_line, end = _BY.sub("", content), index + 1
        else:
            break
    return Header(title, date, author_line, end)


def _split_name(text: str, family_first: bool) -> Name:
    text = text.strip()
    if "," in text:
        family, given = (part.strip() for part in text.split(",", 1))
        return Name(family=family, given=given)
    words = text.split()
    if len(words) == 1:
        return Name(family=words[0])
    if family_first or words[0].isupper():
        return Name(family=words[0], given=" ".join(words[1:]))
    return Name(family=words[-1], given=" ".join(words[:-1]))


def parse_author_line(author_line: str, family_first: bool) -> tuple[Name, ...]:
    """Takes an author line; returns its names (``Family Given`` when ``family_first``)."""
    if not author_line:
        return ()
    parts = [part for part in _AUTHOR_SEPARATORS.split(author_line) if part.strip()]
    if len(parts) == 2 and len(parts[1].split()) <= 2 and "," in author_line and ";" not in author_line:
        parts = [author_line]  # "Doe, Jane" is one name, not two
    return tuple(_split_name(part, family_first) for part in parts)
