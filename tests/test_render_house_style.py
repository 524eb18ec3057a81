"""Our house style reproduces the sample article's reference list, except where the article lost data.

The article's list is copied here as facts (the nine entries as published). Typography is folded
before comparing (the engine prints ’ “ ” and a narrow no-break space before a French colon, as
citeproc-js does; the article mixes straight and curly forms). What remains must be exactly the
article's damage: the five places lost in publication (``, : Plon.``) and the KOSAL entry, which ends
with a comma and writes its name list irregularly (``KIERNAN Ben and SIM Sorya``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeledger.render import engine, styles

REPO = Path(__file__).resolve().parents[1]
ARTICLE_LIST = {
    "chandler1993": "CHANDLER, David, 1993, Pol Pot : Frère Numéro Un, : Plon.",
    "chandler2000": "CHANDLER, David, 2000 (4th ed.), A History of Cambodia, Boulder, Colorado: Westview Press.",
    "heder2004": "HEDER, Steve, TITTEMORE, Brian D., 2004, Seven Candidates for Prosecution. Accountability for the "
    "Crimes of the Khmer Rouge, Phnom Penh: Documentation Center of Cambodia.",
    "kosal1998": "KOSAL, Phat, KIERNAN Ben and SIM Sorya (translation), 1998, Ieng Sary’s Regime: a Diary of the Khmer "
    "Rouge Foreign Ministry, 1976-1979, New Haven, Connecticut: Yale Center for International and Area Studies,",
    "martin1989": "MARTIN, Marie-Alexandrine, 1989, Le Mal Cambodgien, : Hachette.",
    "osborne1994": "OSBORNE, Milton, 1994, Sihanouk. Prince of Light, Prince of Darkness, Honolulu: University of "
    "Hawaii Press.",
    "picq1984": "PICQ, Laurence, 1984, Au-delà du ciel : cinq ans chez les khmers rouges, : B. Barrault.",
    "sher2004": 'SHER, Sacha, 2004, Le Kampuchéa des "Khmers rouges" : essai de compréhension d\'une tentative de '
    "révolution, : L'Harmattan.",
    "short2007": "SHORT, Philip, 2007, Pol Pot. Anatomie d’un cauchemar, : Denoël.",
}
PLACE_LOST = {"chandler1993", "martin1989", "picq1984", "sher2004", "short2007"}


def fold(text: str) -> str:
    return (text.replace("’", "'").replace("“", '"').replace("”", '"').replace("\u202f", " ")
            .replace("\u00a0", " "))


def repair(key: str, published: str) -> str:
    """The article's entry with its known damage undone: what an intact list would have printed."""
    if key in PLACE_LOST:
        return published.replace(", : ", ", ")
    if key == "kosal1998":
        return published.replace("KIERNAN Ben and SIM", "KIERNAN, Ben, SIM").removesuffix(",") + "."
    return published


def _items_from_references_bib() -> list[dict]:
    bibtex_items = pytest.importorskip("citeledger.io.bibtex_items")
    csljson = pytest.importorskip("citeledger.io.csljson")
    references, _ = bibtex_items.parse_bibtex_items((REPO / "references.bib").read_text(encoding="utf-8"))
    # references.bib also holds the article's own entry, which is not in its reference list
    return [csljson.to_item(reference) for reference in references if reference.id in ARTICLE_LIST]


def _items_from_test_data() -> list[dict]:
    return json.loads((REPO / "tests" / "data" / "sample-items.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("load", [_items_from_test_data, _items_from_references_bib], ids=["csl-json", "bibtex"])
def test_house_style_reproduces_the_article_list_up_to_its_damage(load) -> None:
    style = engine.load_style(styles.resolve_style("citeledger-house"))
    result = engine.format_items(load(), style)
    ours = {entry.id: fold(entry.text) for entry in result.entries}
    assert list(ours) == list(ARTICLE_LIST), "entries in the article's order"
    differing = {key for key, published in ARTICLE_LIST.items() if ours[key] != fold(published)}
    assert differing == PLACE_LOST | {"kosal1998"}
    for key, published in ARTICLE_LIST.items():
        assert ours[key] == fold(repair(key, published)), key
