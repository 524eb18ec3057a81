"""Linking stays linear when one surname is cited thousands of times against thousands of references
that share it (a ratio of times, not a wall-clock bound)."""

import time

from citeledger.model import Date, Name, Reference
from citeledger.pipeline import build_ledger


def _seconds(count: int) -> float:
    references = [
        Reference(id=f"smith{i}", type="book", fields={"title": f"Book number {i}"},
                  names={"author": (Name(family="Smith", given="J"),)}, dates={"issued": Date(parts=(1900 + i % 50,))})
        for i in range(count)
    ]
    body = " ".join(f"It was so (Smith, {1900 + i % 50})." for i in range(count))
    text = f"T\n\n{body}\n\nReferences\n\nNone.\n"
    start = time.perf_counter()
    ledger = build_ledger(text, "t.txt", references=references)
    elapsed = time.perf_counter() - start
    assert len(ledger.links) == count
    return elapsed


def test_doubling_same_surname_citations_and_references_roughly_doubles_the_time():
    small = min(_seconds(300) for _ in range(2))
    large = min(_seconds(600) for _ in range(2))
    # Quadratic linking gives a ratio near 4; linear near 2.
    assert large / small < 3.0, (small, large)
