"""The formatting tests' data: CSL-JSON item sets, citation clusters and citeproc-js goldens (one loader each)."""

from __future__ import annotations

import json
from pathlib import Path

from citeledger.render import engine

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden" / "format"

# The target styles (issue 5) are recorded on every item set; the disambiguation set also in official
# styles that use what the targets do not (year-suffix collapsing, other given-name rules). As in
# bench/record_citeprocjs.js, which records them.
TARGET_STYLES = (
    "apa", "chicago-author-date", "chicago-shortened-notes-bibliography", "modern-language-association",
    "harvard-cite-them-right", "ieee", "nlm-citation-sequence", "iso690-author-date-fr",
    "citeledger-house", "citeledger-cite-this",
)
ITEM_SETS = ("sample", "mixed", "disambig")
EXTRA_STYLES = {
    "disambig": (
        "american-meteorological-society", "annual-reviews-author-date", "harvard-leeds-beckett-university",
        "journal-of-animal-physiology-and-animal-nutrition", "european-journal-of-taxonomy",
    ),
}


def golden_cases() -> list[tuple[str, str]]:
    """(style, item set) pairs that have citeproc-js goldens."""
    return [(style, item_set) for item_set in ITEM_SETS for style in (*TARGET_STYLES, *EXTRA_STYLES.get(item_set, ()))]


def load_items(item_set: str) -> list[dict]:
    return json.loads((DATA / f"{item_set}-items.json").read_text(encoding="utf-8"))


def load_cites(item_set: str) -> list[list[engine.Cite]]:
    clusters = json.loads((DATA / f"{item_set}-cites.json").read_text(encoding="utf-8"))
    return [[engine.Cite(**cite) for cite in cluster] for cluster in clusters]


def load_golden(style: str, item_set: str, fmt: str) -> dict:
    return json.loads((GOLDEN / style / f"{item_set}.{fmt}.json").read_text(encoding="utf-8"))
