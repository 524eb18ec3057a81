"""Ordered deterministic normalizers: one concern each, run top to bottom over a ``Draft``."""

from __future__ import annotations

from citeledger.references.normalizers.dates import normalize_date
from citeledger.references.normalizers.draft import Draft
from citeledger.references.normalizers.identifiers import normalize_identifiers
from citeledger.references.normalizers.numbers import normalize_numbers
from citeledger.references.normalizers.people import normalize_names
from citeledger.references.normalizers.publishing import normalize_edition, normalize_place_publisher
from citeledger.references.normalizers.resegment import split_editor_container
from citeledger.references.normalizers.titles import normalize_language, normalize_titles
from citeledger.references.normalizers.types import check_required, infer_type

NORMALIZERS = (
    split_editor_container,
    normalize_names,
    normalize_date,
    normalize_edition,
    normalize_titles,
    normalize_place_publisher,
    normalize_numbers,
    normalize_identifiers,
    infer_type,
    normalize_language,
    check_required,
)


def run_normalizers(draft: Draft) -> Draft:
    for normalizer in NORMALIZERS:
        normalizer(draft)
    return draft


__all__ = ["NORMALIZERS", "Draft", "run_normalizers"]
