"""Place names the parser ships (built by ``tools/build_gazetteer.py`` from GeoNames): cities for the
labeller's features, regions to tell ``Boulder, Colorado`` (one place) from ``Title, Honolulu``."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_PARTS = re.compile(r"[-/–]")


def _load(name: str) -> frozenset[str]:
    text = resources.files("citeledger.references").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


@cache
def load_places() -> frozenset[str]:
    """Lower-cased city, country and region names."""
    return _load("places.txt")


@cache
def load_regions() -> frozenset[str]:
    """Lower-cased countries, US states (and postal codes), provinces and nations."""
    return _load("regions.txt")


def is_region(text: str) -> bool:
    return text.strip().lower() in load_regions()


def is_place(text: str) -> bool:
    """A known place, or places joined by hyphens or slashes (``Roma-Bari``, ``Berlin/New``)."""
    name = text.strip().strip(".,:;").lower()
    places = load_places()
    if name in places:
        return True
    joined = "-" in name or "/" in name or "–" in name
    return joined and any(part in places for part in _PARTS.split(name) if len(part) > 3)
