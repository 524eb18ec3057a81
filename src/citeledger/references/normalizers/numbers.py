"""Normalizer: volume, issue and pages (``vol. 47, no. 4, pp. 423–42``, ``35 (4): 585-597``)."""

from __future__ import annotations

import re

from citeledger.references.normalizers.draft import Draft

_LABELS = re.compile(
    r"(?i)^(?:vol(?:ume)?s?\.?|bd\.|t\.|tome|no\.?|nos\.|n°|nº|nr\.|n\.|heft|issue|pp?\.|s\.|pages?)\s*"
)
_RANGE = re.compile(r"(\w+)\s*(?:-{1,2}|–|—|‑|‒)\s*(\w+)")


def _bare(text: str) -> str:
    text = text.strip(" \t.,;:()[]")
    text = _LABELS.sub("", text)
    return text.strip(" \t.,;:()[]")


def normalize_numbers(draft: Draft) -> None:
    """Strips labels and brackets; a page range gets a plain hyphen (writers choose ``--``)."""
    for label in ("volume", "issue"):
        if value := _bare(draft.first(label)):
            draft.fields[label] = value
    pages = _bare(draft.first("pages"))
    if pages:
        draft.fields["page"] = _RANGE.sub(r"\1-\2", pages)
    if number := _bare(draft.first("collection-number")):
        draft.fields["collection-number"] = number
