"""Comparing our formatting with citeproc-js's (the CSL reference implementation).

Used by the golden tests and ``bench/format_fidelity.py``: citeproc-js's raw entries are brought to
the shape ``engine.format_items`` returns (no ``csl-entry`` wrapper, no layout whitespace; text entries
trimmed), then compared item by item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citeledger.render import engine


def normalize_citeprocjs_entry(entry: str, fmt: str) -> str:
    """citeproc-js's bibliography entry → the entry text we produce."""
    entry = entry.strip()
    if fmt != "html":
        return entry
    entry = re.sub(r'^<div class="csl-entry">', "", entry)
    entry = re.sub(r"</div>$", "", entry)
    return re.sub(r"\n\s*", "", entry)


@dataclass(frozen=True)
class Comparison:
    """Indices of the entries and citations that differ, and the totals."""

    bad_entries: frozenset[int]
    bad_citations: frozenset[int]
    entries: int
    citations: int
    result: engine.Formatted


def compare(
    items: Sequence[dict], style: engine.Style, cites: Sequence[Sequence[engine.Cite]], golden: dict, fmt: str
) -> Comparison:
    """Format ``items`` and ``cites`` with ``style`` and compare with citeproc-js's ``golden`` record
    (``{"bibliography": [...] | null, "citations": [...]}``)."""
    result = engine.format_items(items, style, cites=cites, fmt=fmt)
    theirs = [normalize_citeprocjs_entry(e, fmt) for e in golden.get("bibliography") or []]
    ours = [entry.text for entry in result.entries]
    size = max(len(ours), len(theirs))
    bad_entries = {i for i in range(size) if i >= len(ours) or i >= len(theirs) or ours[i] != theirs[i]}
    their_cites = list(golden.get("citations") or [])
    ours_cites = list(result.citations)
    bad_cites = {i for i in range(len(their_cites)) if i >= len(ours_cites) or ours_cites[i] != their_cites[i]}
    return Comparison(frozenset(bad_entries), frozenset(bad_cites), len(theirs), len(their_cites), result)
