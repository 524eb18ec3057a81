"""The "Cite this item" block: the site's own citation of the article, read into the article's entry.

``Doe Jane, A Title, Some Encyclopedia, [online], published on: 3 March, 2011,
accessed 17/02/2021,, ISSN 1234-5679`` → author, title, container, issued, accessed, URL, ISSN.
The lead (authors, title, container) is read with the header's help: the author line and title are
taken off its front, and what remains is the container.
"""

from __future__ import annotations

import re

from citeledger.article.dates import parse_date
from citeledger.article.header import Header, parse_author_line
from citeledger.model import Date, Name, Reference

CITE_THIS_HEADINGS = frozenset(
    {"cite this item", "cite this article", "cite this page", "how to cite", "how to cite this article",
     "to cite this article", "cite as", "citer cet article", "pour citer cet article", "citation"}
)  # fmt: skip
NAVIGATION = frozenset({"back to top", "top", "retour en haut", "haut de page", "print", "share", "↑"})

_ISSN = re.compile(r"\bISSN[:\s]*(\d{4}-?\d{3}[\dXx])\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s,<>\"]+")
# "[online]" only ends the lead: the mapping table has no BibTeX field for CSL `medium`.
_ONLINE = re.compile(r"\[(?:online|en ligne|online resource)\]", re.I)
_PUBLISHED = re.compile(r"\b(?:published(?: online)?(?: on)?|publié le|mis en ligne le)\s*:?\s*", re.I)
_ACCESSED = re.compile(r"\b(?:accessed(?: on)?|consulted(?: on)?|viewed(?: on)?|consulté le)\s*:?\s*", re.I)


def _date_after(text: str, marker: re.Pattern[str]) -> tuple[Date | None, int]:
    """The date right after ``marker`` (it may hold one comma: ``3 February, 2008``) and where it ends."""
    found = marker.search(text)
    if not found:
        return None, -1
    pieces = text[found.end() :].split(",")
    for count in (2, 1):
        candidate = ",".join(pieces[:count])
        if date := parse_date(candidate):
            return date, found.start()
    return None, found.start()


def _lead(text: str) -> str:
    cuts = [m.start() for m in (_ONLINE.search(text), _PUBLISHED.search(text), _ACCESSED.search(text)) if m]
    return text[: min(cuts)] if cuts else text


def _split_lead(lead: str, header: Header) -> tuple[str, str, str]:
    """Takes the lead; returns (author text, title, container)."""
    rest = lead.strip().strip(",").strip()
    author = title = ""
    if header.author_line and rest.startswith(header.author_line):
        author, rest = header.author_line, rest[len(header.author_line) :].lstrip(", ")
    if header.title and rest.startswith(header.title):
        title, rest = header.title, rest[len(header.title) :].lstrip(", ")
    parts = [part.strip() for part in rest.split(", ") if part.strip()]
    if not author and parts and (title or len(parts) >= 3):
        author = parts.pop(0)
    if not title and len(parts) >= 2:
        title = parts.pop(0)
    return author, title, ", ".join(parts).strip(" ,")


def parse_cite_this(block: str, header: Header, family_first: bool = True) -> tuple[Reference, dict[str, str]]:
    """Takes the cite-this block's text and the article header; returns the article's own entry and
    what the block said itself (``title``, ``author``) so the caller can compare it with the header."""
    lead = _lead(block)
    author_text, title, container = _split_lead(lead, header)
    issued, _ = _date_after(block, _PUBLISHED)
    accessed, _ = _date_after(block, _ACCESSED)
    fields: dict[str, str] = {}
    if title or header.title:
        fields["title"] = title or header.title
    if container:
        fields["container-title"] = container
    if issn := _ISSN.search(block):
        value = issn.group(1).upper()
        fields["ISSN"] = value if "-" in value else f"{value[:4]}-{value[4:]}"
    if url := _URL.search(block):
        fields["URL"] = url.group().rstrip(".;)")
    dates = {"issued": issued or header.date} if (issued or header.date) else {}
    if accessed:
        dates["accessed"] = accessed
    authors: tuple[Name, ...] = parse_author_line(header.author_line or author_text, family_first)
    kind = "entry-encyclopedia" if container else "webpage"
    names = {"author": authors} if authors else {}
    entry = Reference(id="", type=kind, fields=fields, names=names, dates=dates, raw=block)
    return entry, {"title": title, "author": author_text}


def header_entry(header: Header, family_first: bool) -> Reference | None:
    """The article's own entry from its header alone (no cite-this block); None unless the header
    gives a title and an author or a date (a title alone is any document's first line)."""
    if not header.title or not (header.author_line or header.date):
        return None
    authors = parse_author_line(header.author_line, family_first)
    return Reference(
        id="",
        type="article",
        fields={"title": header.title},
        names={"author": authors} if authors else {},
        dates={"issued": header.date} if header.date else {},
    )
