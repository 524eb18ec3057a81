"""Claims: the sentence a citation supports, or the clause before it when one sentence cites different works.

``extract_claims`` pairs each citation with its sentence; when a sentence carries several citations to
different works (``A grew (Smith, 2001), while B fell (Jones, 2003).``) each citation supports only the
clause that runs from the previous citation (or the sentence start) to itself. ``link_supports`` turns the
claims into the reference → claims map of the ledger.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

from citeledger.model import Citation, Claim, Link, Reference, Sentence
from citeledger.positions import LineIndex

_CLAUSE_GAP = " \t\r\n,;:–—-"


def _sentence_of(starts: list[int], sentences: Sequence[Sentence], citation: Citation) -> int | None:
    number = bisect.bisect_right(starts, citation.span.start) - 1
    if number >= 0 and citation.span.start < sentences[number].span.end:
        return number
    return None


def _works(citation_number: int, links_by_citation: dict[int, list[Link]], citation: Citation) -> frozenset:
    """What a citation points at: its reference keys, or its raw items when unresolved."""
    return frozenset(
        link.key or citation.items[link.item].raw for link in links_by_citation.get(citation_number, [])
    )


def _clauses(text: str, index: LineIndex, sentence: Sentence, members: list[int], citations, works) -> list[Claim]:
    """Claims of one sentence whose citations point at different works: one clause per run of citations
    to the same works, from the end of the previous run to the end of the run's last citation."""
    claims: list[Claim] = []
    start = sentence.span.start
    run: list[int] = []
    for position, number in enumerate(members):
        run.append(number)
        following = members[position + 1] if position + 1 < len(members) else None
        if following is not None and works[following] == works[number]:
            continue
        end = citations[number].span.end
        last = position + 1 == len(members)
        if last:
            end = sentence.span.end
        claims.append(Claim(index.span(start, end), text[start:end], tuple(run)))
        start, run = end, []
        while start < sentence.span.end and text[start] in _CLAUSE_GAP:
            start += 1
    return claims


def extract_claims(
    text: str, sentences: Sequence[Sentence], citations: Sequence[Citation], links: Sequence[Link],
    index: LineIndex | None = None,
) -> list[Claim]:
    """Takes the text, its sentences, the citations and their links; returns the claims in text order, each
    with its span, raw text and the indices of the citations supporting it. Emits no codes."""
    index = index or LineIndex(text)
    starts = [sentence.span.start for sentence in sentences]
    links_by_citation: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        links_by_citation[link.citation].append(link)
    works = {number: _works(number, links_by_citation, c) for number, c in enumerate(citations)}
    grouped: dict[int | None, list[int]] = defaultdict(list)
    for number, citation in enumerate(citations):
        grouped[_sentence_of(starts, sentences, citation)].append(number)
    claims: list[Claim] = []
    for sentence_number, members in grouped.items():
        if sentence_number is None:
            claims += [Claim(citations[n].span, citations[n].raw, (n,)) for n in members]
            continue
        sentence = sentences[sentence_number]
        if len({works[number] for number in members}) == 1:
            claims.append(Claim(sentence.span, sentence.raw, tuple(members)))
        else:
            claims += _clauses(text, index, sentence, members, citations, works)
    return sorted(claims, key=lambda claim: claim.span.start)


def link_supports(
    claims: Sequence[Claim], links: Sequence[Link], references: Sequence[Reference]
) -> dict[str, tuple[int, ...]]:
    """Reference key → indices of the claims it supports (every reference present, ``()`` if uncited)."""
    claim_of = {citation: number for number, claim in enumerate(claims) for citation in claim.citations}
    # sets, not lists: a membership test per link in a list was quadratic when one work is cited everywhere
    supports: dict[str, set[int]] = {reference.id: set() for reference in references}
    for link in links:
        if link.key is not None and link.citation in claim_of:
            supports.setdefault(link.key, set()).add(claim_of[link.citation])
    return {key: tuple(sorted(numbers)) for key, numbers in supports.items()}
