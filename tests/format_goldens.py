"""The formatting tests' data: CSL-JSON item sets, citation clusters and citeproc-js goldens (one loader each)."""

from __future__ import annotations

import json
from pathlib import Path

from citeledger.render import engine

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden" / "format"


def load_items(item_set: str) -> list[dict]:
    return json.loads((DATA / f"{item_set}-items.json").read_text(encoding="utf-8"))


def load_cites(item_set: str) -> list[list[engine.Cite]]:
    clusters = json.loads((DATA / f"{item_set}-cites.json").read_text(encoding="utf-8"))
    return [[engine.Cite(**cite) for cite in cluster] for cluster in clusters]


def load_golden(style: str, item_set: str, fmt: str) -> dict:
    return json.loads((GOLDEN / style / f"{item_set}.{fmt}.json").read_text(encoding="utf-8"))
