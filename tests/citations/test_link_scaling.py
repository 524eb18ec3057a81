"""Linking stays linear when one surname is cited thousands of times against thousands of references
that share it (a ratio of times, not a wall-clock bound)."""

import time

from citeledger.citations.extract import extract_citations
from citeledger.citations.link import link_citations
from citeledger.model import Date, Name, Reference


def _seconds(count: int) -> float:
    """Best of three timings of linking ``count`` citations of one surname against ``count`` references."""
    references = [
        Reference(id=f"smith{i}", type="book", fields={"title": f"Book number {i}"},
                  names={"author": (Name(family="Smith", given="J"),)}, dates={"issued": Date(parts=(1900 + i % 50,))})
        for i in range(count)
    ]
    text = " ".join(f"It was so (Smith, {1900 + i % 50})." for i in range(count))
    citations = extract_citations(text)
    assert len(citations) == count
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        links = link_citations(citations, references)
        timings.append(time.perf_counter() - start)
    assert len(links) == count
    return min(timings)


def test_doubling_same_surname_citations_and_references_roughly_doubles_the_time():
    small, large = _seconds(600), _seconds(1200)
    # Quadratic linking gives a ratio near 4; linear near 2.
    assert large / small < 3.0, (small, large)
