"""The article's body cut into paragraphs of text runs and citations, for the report.

``article_paragraphs(ledger, anchors, tips, findings_at)`` → paragraphs, each a tuple of Segments: a
text run, or a citation whose items are Pieces linked to their reference (``#ref-KEY``) with a tooltip
(the formatted reference and the locator). An item that links to no reference points at its finding
(``#diag-N``) instead. Only text: the templates escape it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from citeledger.model import Citation, Ledger, Link, Locator

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LOCATOR_LABELS = {"page": "p.", "chapter": "chap.", "section": "sec.", "volume": "vol.", "paragraph": "para.",
                   "note": "n.", "figure": "fig.", "line": "l.", "column": "col."}  # fmt: skip


@dataclass(frozen=True)
class Piece:
    """Part of a citation: one linked item (``href`` set) or the text between items."""

    text: str
    href: str = ""
    tip: str = ""
    problem: bool = False


@dataclass(frozen=True)
class Segment:
    """A run of article text (``cite_id`` empty) or one citation with its pieces and findings."""

    text: str
    cite_id: str = ""
    pieces: tuple[Piece, ...] = ()
    findings: tuple[tuple[str, str], ...] = ()  # (severity, "CL303: message")

    @property
    def problem(self) -> bool:
        """True when an item is unresolved or ambiguous, or a finding about it is a warning or an error."""
        return any(severity != "info" for severity, _ in self.findings) or any(p.problem for p in self.pieces)


def describe_locator(locator: Locator | None) -> str:
    """``Locator(page, "81, 93")`` → ``p. 81, 93``; None → ``""``."""
    if locator is None:
        return ""
    return f"{_LOCATOR_LABELS.get(locator.label, locator.label)} {locator.value or locator.raw}".strip()


def body_range(ledger: Ledger) -> tuple[int, int]:
    """The offsets of the article's body: as the pipeline reads it (up to the reference list)."""
    article = ledger.article
    if article.body is not None:
        return article.body.start, article.body.end
    return 0, article.reference_block.start if article.reference_block else len(article.text)


def _piece(ledger: Ledger, citation: Citation, link: Link, anchors: Mapping[str, str], tips: Mapping[str, str],
           problem: tuple[str, str]) -> Piece:
    item = citation.items[link.item]
    locator = describe_locator(item.locator)
    if link.key is None or link.key not in anchors:
        return Piece(item.raw or citation.raw, problem[0], problem[1], True)
    tip = " — ".join(part for part in (tips.get(link.key, link.key), locator) if part)
    if link.method not in ("surname+year", "key"):
        tip += f" (matched by {link.method})"
    return Piece(item.raw or citation.raw, "#" + anchors[link.key], tip, link.method == "ambiguous")


def citation_pieces(ledger: Ledger, number: int, anchors: Mapping[str, str], tips: Mapping[str, str],
                    problem: tuple[str, str]) -> tuple[Piece, ...]:
    """The citation's text cut at its items' spans; without item spans, the whole citation is one piece.
    An item linked to no reference points at ``problem`` (the href and tooltip of its finding)."""
    citation = ledger.citations[number]
    links = ledger.links_of(number)
    spanned = sorted((link for link in links if citation.items[link.item].span is not None),
                     key=lambda link: citation.items[link.item].span.start)  # fmt: skip
    if not spanned or len(spanned) != len(links):
        first = _piece(ledger, citation, links[0], anchors, tips, problem) if links else Piece(citation.raw)
        return (Piece(citation.raw, first.href, first.tip, first.problem),)
    pieces, position = [], citation.span.start
    for link in spanned:
        span = citation.items[link.item].span
        if span.start > position:
            pieces.append(Piece(ledger.article.text[position : span.start]))
        pieces.append(_piece(ledger, citation, link, anchors, tips, problem))
        position = max(position, span.end)
    if position < citation.span.end:
        pieces.append(Piece(ledger.article.text[position : citation.span.end]))
    return tuple(pieces)


def _split_paragraphs(segments: list[Segment]) -> list[tuple[Segment, ...]]:
    paragraphs: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.cite_id:
            paragraphs[-1].append(segment)
            continue
        for number, part in enumerate(_PARAGRAPH_BREAK.split(segment.text)):
            if number:
                paragraphs.append([])
            if part:
                paragraphs[-1].append(Segment(part))
    return [tuple(paragraph) for paragraph in paragraphs if any(s.cite_id or s.text.strip() for s in paragraph)]


def article_paragraphs(ledger: Ledger, anchors: Mapping[str, str], tips: Mapping[str, str],
                       findings_of: Callable[[int], tuple[tuple[str, str, str], ...]]) -> list[tuple[Segment, ...]]:
    """Takes the ledger, reference key → anchor id, key → tooltip text, and citation number → its
    findings as (anchor id, severity, "CL301: message"); returns the body's paragraphs of Segments."""
    text = ledger.article.text
    start, end = body_range(ledger)
    segments: list[Segment] = []
    position = start
    for number in sorted(range(len(ledger.citations)), key=lambda n: ledger.citations[n].span.start):
        citation = ledger.citations[number]
        if citation.span.start < position or citation.span.end > end:
            continue  # outside the body, or overlapping the previous one: left as text
        segments.append(Segment(text[position : citation.span.start]))
        findings = findings_of(number)
        problem = ("#" + findings[0][0], findings[0][2]) if findings else ("#findings", "no reference found")
        pieces = citation_pieces(ledger, number, anchors, tips, problem)
        labels = tuple((severity, label) for _, severity, label in findings)
        segments.append(Segment(citation.raw, f"cite-{number}", pieces, labels))
        position = citation.span.end
    segments.append(Segment(text[position:end]))
    return _split_paragraphs(segments)
