"""Synthetic CSL-JSON items for training the labeller: books, chapters, journal articles, theses and
web pages, with names from several languages (some organisations, some particles), titles with
subtitles, quotes and year ranges, editors, translators, editions, volumes, pages, DOIs and URLs.

Everything is drawn from one ``random.Random(seed)``, so the same seed gives the same items.
"""

from __future__ import annotations

import random

from citeledger.references.gazetteer import load_places, load_regions
from citeledger.references.training import vocab, vocab_europe

LANGUAGES = ("fr", "en", "de", "it", "es")
LANGUAGE_WEIGHTS = (35, 35, 10, 10, 10)
TYPES = ("book", "chapter", "article-journal", "paper-conference", "report", "thesis", "webpage")
TYPE_WEIGHTS = (38, 20, 26, 6, 3, 4, 3)
_NAME_POOLS = tuple(vocab.FAMILY)
_FREE_WORDS = {"en": (vocab.FREE_WORDS["en"] + " " + vocab_europe.SCIENCE_WORDS).split(),
               "fr": vocab.FREE_WORDS["fr"].split(), "de": vocab_europe.DE_WORDS.split(),
               "it": vocab_europe.IT_WORDS.split(), "es": vocab_europe.ES_WORDS.split()}  # fmt: skip


def _words(table: dict[str, str], key: str) -> list[str]:
    return table[key].split()


def _person(rng: random.Random) -> dict[str, str]:
    pool = rng.choice(_NAME_POOLS)
    family, given = rng.choice(_words(vocab.FAMILY, pool)), rng.choice(_words(vocab.GIVEN, pool))
    if rng.random() < 0.15:
        given = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
    elif rng.random() < 0.2:  # many lists print initials only, whatever the style
        given = " ".join(f"{part[0]}." for part in given.replace("-", " ").split())
    person = {"family": family, "given": given}
    if rng.random() < 0.06:
        person["non-dropping-particle"] = rng.choice(vocab.PARTICLES)
    return person


def _people(rng: random.Random, low: int, high: int) -> list[dict[str, str]]:
    if rng.random() < 0.04:
        return [{"literal": rng.choice(vocab.ORGANISATIONS)}]
    return [_person(rng) for _ in range(rng.randint(low, high))]


def _title(rng: random.Random, lang: str) -> str:
    words = vocab.TITLE_WORDS[lang].split()
    year = rng.randint(1800, 2010)
    slots = {"A": rng.choice(words).capitalize(), "B": rng.choice(words), "C": rng.choice(words),
             "R": rng.choice(vocab.REGIONS), "Y1": year, "Y2": year + rng.randint(1, 30)}  # fmt: skip
    if lang in _FREE_WORDS and rng.random() < 0.5:
        free = _FREE_WORDS[lang]
        words = [rng.choice(free) for _ in range(rng.randint(3, 14))]
        title = " ".join(words).capitalize() if rng.random() < 0.5 else " ".join(w.capitalize() for w in words)
    else:
        title = rng.choice(vocab.TITLE_PATTERNS[lang]).format(**slots)
    if rng.random() < 0.25:  # a subtitle, after a colon or (German, Italian) a full stop or a dash
        subtitle = rng.choice(vocab.TITLE_PATTERNS[lang]).format(**slots)
        separator = rng.choice((": ", ": ", ": ", ". ", ". ", " – "))
        title += separator + (subtitle[:1].upper() + subtitle[1:] if separator == ". " else subtitle.lower())
    elif rng.random() < 0.1:
        title += "?"
    return title


def abbreviated_journal(rng: random.Random, words: list[str]) -> str:
    """``JHS``, ``Z.f.S.`` or ``Riv. Stor. Ital.``: an acronym or a few clipped words."""
    if rng.random() < 0.4:
        letters = [rng.choice("ABCDEFGHIJKLMNOPRSTVZ") for _ in range(rng.randint(2, 5))]
        return "".join(f"{letter}." for letter in letters) if rng.random() < 0.25 else "".join(letters)
    clipped = [rng.choice(words)[: rng.randint(3, 5)].capitalize() for _ in range(rng.randint(2, 4))]
    return " ".join(f"{word}." for word in clipped)


def _journal(rng: random.Random, lang: str = "en") -> str:
    if rng.random() < 0.15:
        return rng.choice(vocab.JOURNAL_ABBREVIATIONS)
    if rng.random() < 0.12:
        return abbreviated_journal(rng, [word for word in _FREE_WORDS[lang] if len(word) > 4])
    if rng.random() < 0.5:
        words = [word for word in _FREE_WORDS[lang] if len(word) > 3]
        first, second = rng.choice(words), rng.choice(words)
        city = rng.choice(vocab_europe.PLACES[lang]).split("/")[0].split("-")[0]
        return rng.choice(vocab_europe.JOURNALS[lang]).format(A=first.capitalize(), B=second.capitalize(), a=first,
                                                              c=city.lower(), L=rng.choice("ABCDE"))  # fmt: skip
    words = vocab.TITLE_WORDS[rng.choice(("en", "fr"))].split()
    first, second = rng.choice(words), rng.choice(words)
    pattern = rng.choice(vocab.JOURNALS)
    return pattern.format(A=first.capitalize(), B=second.capitalize(), a=first, R=rng.choice(vocab.REGIONS))


def _place(rng: random.Random, cities: list[str], lang: str = "en") -> str:
    if rng.random() < 0.5:
        return rng.choice(vocab_europe.PLACES[lang])
    if rng.random() < 0.15:
        return f"{rng.choice(('New Haven', 'Boston', 'Ithaca', 'Princeton', 'Berkeley', 'Chicago'))}, " + rng.choice(
            vocab.US_STATES
        )
    return rng.choice(cities)


def _pages(rng: random.Random) -> str:
    start = rng.randint(1, 900)
    return f"{start}-{start + rng.randint(3, 45)}"


def _fill_type(item: dict, kind: str, rng: random.Random, lang: str, cities: list[str]) -> None:
    if kind in ("book", "chapter", "thesis"):
        item["publisher-place"] = _place(rng, cities, lang)
        item["publisher"] = rng.choice(vocab_europe.PUBLISHERS[lang] if rng.random() < 0.6 else vocab.PUBLISHERS)
    if kind == "book":
        if rng.random() < 0.08:
            item["volume"] = str(rng.randint(1, 12))
        if rng.random() < 0.15:
            item["edition"] = str(rng.randint(2, 6))
        if rng.random() < 0.12:
            item["collection-title"] = rng.choice(vocab.SERIES).format(A=rng.choice(vocab.REGIONS))
            if rng.random() < 0.5:
                item["collection-number"] = str(rng.randint(1, 300))
        if rng.random() < 0.12:
            item["translator"] = _people(rng, 1, 2)
    elif kind == "chapter":
        if rng.random() < 0.85:
            item["editor"] = [_person(rng) for _ in range(rng.randint(1, 3))]
        item["container-title"] = _title(rng, lang)
        item["page"] = _pages(rng)
    elif kind == "article-journal":
        item["container-title"] = _journal(rng, lang)
        item["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.6:
            item["issue"] = str(rng.randint(1, 12))
        item["page"] = _pages(rng)
        if rng.random() < 0.2:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.choice(('j', 's', 'x'))}{rng.randint(10000, 999999)}"
    elif kind == "paper-conference":
        number = rng.randint(2, 40)
        item["container-title"] = f"Proceedings of the {number}th {rng.choice(vocab.CONFERENCES)}"
        item["page"] = _pages(rng)
        if rng.random() < 0.5:  # IEEE prints it: ``in Proc. …, Las Vegas, NV, USA, 2019``
            item["event-place"] = _place(rng, cities)
        if rng.random() < 0.5:
            item["publisher"], item["publisher-place"] = rng.choice(vocab.PUBLISHERS), _place(rng, cities)
    elif kind == "report":
        item["publisher"] = rng.choice(vocab.ORGANISATIONS)
        item["publisher-place"] = _place(rng, cities)
        item["number"] = str(rng.randint(1, 99))
    elif kind == "thesis":
        item["genre"] = rng.choice(vocab.THESIS_GENRES)
        item["publisher"] = f"University of {rng.choice(cities)}"
    elif kind == "webpage":
        word = rng.choice(vocab.TITLE_WORDS["en"].split())
        item["URL"] = f"https://www.{word}-archive.org/{word}/{rng.randint(1, 9999)}"
        item["container-title"] = _journal(rng)
        item["accessed"] = {"date-parts": [[rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)]]}


def make_item(rng: random.Random, index: int, cities: list[str]) -> dict:
    """One synthetic CSL-JSON item (``id`` = ``s{index}``)."""
    lang = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
    kind = rng.choices(TYPES, TYPE_WEIGHTS)[0]
    item: dict = {"id": f"s{index}", "type": kind, "title": _title(rng, lang),
                  "issued": {"date-parts": [[rng.randint(1900, 2024)]]}}  # fmt: skip
    if kind != "webpage" or rng.random() < 0.5:
        item["author"] = _people(rng, 1, 4 if rng.random() < 0.8 else 7)
    _fill_type(item, kind, rng, lang, cities)
    if "issue" in item and item["issue"] == item["volume"]:
        item.pop("issue")  # equal numbers could not be told apart when labelling
    return item


def make_items(count: int, seed: int) -> list[dict]:
    """``count`` items from ``seed``; cities are drawn from the shipped gazetteer (regions excluded)."""
    rng = random.Random(seed)
    regions = load_regions()
    cities = sorted(place.title() for place in load_places() if place not in regions and place.isascii())
    return [make_item(rng, index, cities) for index in range(count)]
