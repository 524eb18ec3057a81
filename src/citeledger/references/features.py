"""Tokens and their features for the sequence labeller (shared by training and tagging).

Tokens are whitespace-separated words with their punctuation attached (``Colorado:``, ``(4th``),
as AnyStyle does: punctuation is then a feature of the token, not a token to label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from citeledger.references.gazetteer import is_place
from citeledger.references.normalizers.titles import STOP_WORDS

_TOKEN = re.compile(r"\S+")
KEYWORDS = frozenset({
    "in", "in:", "ed.", "eds.", "ed", "eds", "edn", "edited", "by", "trad.", "trans.", "transl.", "translated",
    "dir.", "hrsg.", "hg.", "hrsg", "pp.", "p.", "pp", "vol.", "vols.", "vol", "no.", "nos.", "n°", "nº", "no",
    "s.", "bd.", "jg.", "heft", "issue", "volume", "tome", "t.", "press", "university", "verlag", "éditions",
    "editions", "publishing", "publishers", "presses", "universitaires", "thesis", "thèse", "dissertation", "phd",
    "doi", "doi:", "retrieved", "available", "accessed", "url", "isbn", "issn", "et", "al.", "and", "&", "journal",
    "review", "revue", "studies", "proceedings", "conference", "edition", "éd.", "cura", "di", "a", "(ed.)",
    "(eds.)", "(dir.)", "(hrsg.)", "(trad.)", "(translation)", "(ed.),", "(eds.),", "(dir.),", "n.d.", "s.d.",
    "c.", "cur.", "curr.", "voll.", "fasc.", "n.", "nr.", "h.", "hg", "ss.", "sgg.", "ff.", "übers.", "aufl.",
    "editore", "editori", "edizioni", "editrice", "editorial", "ediciones", "éds.", "cit.", "op.",
    "ibid.", "id.", "dans", "im", "u.a.", "und", "e", "y", "ed.)", "eds.)", "hrsg.)", "coord.", "comp.", "tr.",
})  # fmt: skip
_OFFSETS = (-2, -1, 1, 2)
_STOPS = {lang: frozenset(words.split()) for lang, words in STOP_WORDS.items()}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


# Points inside a whitespace token where one field ends and the next begins: ``9:1735-1780`` and
# ``35(4):585-597`` (volume, issue, pages), ``2000;35`` (Vancouver's year and volume), ``a.M.:Suhrkamp``.
_GLUED = re.compile(r"(?<=[\d)]:)(?=\d)|(?<=\d;)(?=\d)|(?<=\d)(?=\(\d{1,4}\))|(?<=[^\W\d_.]\.:)(?=[^\W\d_])")


def tokenize(text: str) -> list[Token]:
    """Whitespace-separated words, split again where numbers of different fields are glued."""
    tokens = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        cuts = [cut.start() for cut in _GLUED.finditer(word)] if ":" in word or ";" in word or "(" in word else []
        for begin, end in zip([0, *cuts], [*cuts, len(word)], strict=True):
            tokens.append(Token(word[begin:end], start + begin, start + end))
    return tokens


_SHAPES = str.maketrans(
    {**{chr(c): "X" for c in range(0x41, 0x5B)}, **{chr(c): "X" for c in range(0xC0, 0xDF)},
     **{chr(c): "x" for c in range(0x61, 0x7B)}, **{chr(c): "x" for c in range(0xDF, 0x100)},
     **{chr(c): "d" for c in range(0x30, 0x3A)}}
)  # fmt: skip
_REPEATS = re.compile(r"(.)\1{2,}")
_YEAR = re.compile(r"(1[5-9]|20)\d\d[a-z]?(?:[-–/](?:(1[5-9]|20)\d\d|\d\d))?")  # 1999a, 1853-1861, 1944/45
_RANGE = re.compile(r"\d+[-–‑]\d+")
_INITIAL = re.compile(r"[A-ZÀ-Þ]\.(?:-?[A-Z]\.)*")
_ROMAN = re.compile(r"[IVXLC]+|[ivxlc]+")


def _shape(word: str) -> str:
    return _REPEATS.sub(r"\1\1", word.translate(_SHAPES))[:8]


def _core(token: str) -> str:
    """The token without the punctuation around it (a loop, not a regex: tokens can be huge)."""
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


_IN_WORDS = frozenset({"in", "in:", "dans", "im", "en", "en:", "dans:"})
_NUMBER_MARKERS = frozenset({
    "pp.", "pp", "p.", "s.", "ss.", "vol.", "vols.", "vol", "voll.", "jg.", "bd.", "t.", "n°", "nº", "no.", "nos.",
    "nr.", "n.", "h.", "heft", "issue", "volume", "fasc.", "núm.", "v.",
})  # fmt: skip
_NUMBERED = re.compile(r"\d+\s*\(\d+\)|\(\d{1,4}\)|\d+:")


@dataclass(frozen=True)
class _Own:
    """A token's own features as crfsuite attribute strings, and what its neighbours look at."""

    attributes: tuple[str, ...]
    seen_from: dict[int, tuple[str, str, str]]  # what the token at each offset sees of this one
    initial: bool
    year: bool
    # What the reference's shape is made of: an ``In``-word, volume/issue/page numbers, a place.
    in_word: bool
    numbers: bool
    place: bool


@lru_cache(maxsize=65536)
def _token_features(token: str) -> _Own:
    token = token[:60]
    core = _core(token)
    lower = core.lower()
    letters = [c for c in core if c.isalpha()]
    first = token[:1] if not token[:1].isalnum() else "a"
    last = token[-1:] if not token[-1:].isalnum() else "a"
    shape = _shape(token)
    initial = bool(_INITIAL.fullmatch(token.rstrip(",;:")))
    year = bool(_YEAR.fullmatch(core))
    flags = {
        "kw": token.lower() in KEYWORDS or lower in KEYWORDS,
        "caps": len(letters) >= 2 and all(c.isupper() for c in letters), "title": core[:1].isupper(),
        "digits": core.isdigit(), "year": year, "range": bool(_RANGE.fullmatch(core)),
        "initial": initial, "roman": bool(_ROMAN.fullmatch(core)),
        "url": lower.startswith(("http", "www.", "doi", "10.")), "place": is_place(core),
    }  # fmt: skip
    flags.update({f"stop_{lang}": lower in stops for lang, stops in _STOPS.items()})
    values = {"w": lower, "shape": shape, "p3": lower[:3], "s3": lower[-3:], "first": first, "last": last,
              "len": min(len(core), 10)}  # fmt: skip
    attributes = tuple(f"{name}={value}" for name, value in values.items()) + tuple(n for n, on in flags.items() if on)
    # Neighbours see the word, shape and final character, keyed by their offset to this token.
    seen_from = {offset: (f"{offset}:w={lower}", f"{offset}:shape={shape}", f"{offset}:last={last}")
                 for offset in _OFFSETS}  # fmt: skip
    in_word = token.lower() in _IN_WORDS
    numbers = (token.lower() in _NUMBER_MARKERS or flags["range"] or bool(_NUMBERED.match(token))) and not year
    return _Own(attributes, seen_from, initial, year, in_word, numbers, flags["place"] and not flags["kw"])


# Attribute strings made once (the labeller's hot loop only picks them).
_POS = tuple(f"pos={n}" for n in range(5))
_REL = tuple(f"rel={n}" for n in range(10))
_STOPS_SEEN = tuple(f"stops={n}" for n in range(7))
_COMMAS_SEEN = tuple(f"commas={n}" for n in range(9))
_FROM_END = tuple(f"from_end={n}" for n in range(5))
_EDGES = {offset: f"{offset}:edge" for offset in _OFFSETS}
_OPENING_QUOTES = frozenset('"“«‘„‚‹')
_CLOSING_QUOTES = "\"”»’“‹›'"
_APOSTROPHE_OPENING = re.compile(r"'[^\W\d_]")  # a straight single quote opens 'Title, not '400


_SHAPE_CUES = (("later_numbers", "numbers"), ("later_place", "place"), ("later_year", "year"))
_AFTER_FIELD = frozenset(".,;:)]\"'”»’")


def _in_markers(tokens: list[Token], own: list[_Own]) -> list[bool]:
    """Which tokens introduce a container: ``In``, ``In:``, or ``in``/``dans`` after a field's closing
    punctuation (``…, in «Studi»``), not the ``in`` of ``Painting in Italy``."""
    markers = []
    for index, features in enumerate(own):
        text = tokens[index].text
        after_field = index > 0 and tokens[index - 1].text[-1:] in _AFTER_FIELD
        markers.append(features.in_word and (text[:1].isupper() or text.endswith(":") or after_field))
    return markers


def _later(own: list[_Own], markers: list[bool]) -> list[tuple[str, ...]]:
    """For each token, which of the reference's shape cues come after it (an ``In``, volume or page
    numbers, a place, a year), and ``has_numbers`` on all of them when the reference has numbers: the
    CRF's window is two tokens wide, these tell it whether the words it labels belong to a book, an
    article or a chapter."""
    seen: set[str] = set()
    result: list[tuple[str, ...]] = []
    for features, marker in zip(reversed(own), reversed(markers), strict=True):
        result.append(tuple(seen))
        seen.update(name for name, cue in _SHAPE_CUES if getattr(features, cue))
        if marker:
            seen.add("later_in")
    anywhere = ("has_numbers",) if "later_numbers" in seen else ()
    return [tuple(sorted(cues)) + anywhere for cues in reversed(result)]


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """One list of crfsuite attributes per token: its own features, its neighbours' words, shapes
    and final characters, its position, whether it sits inside brackets or quotes, after a colon or
    an ``In``, after how many field-closing stops and commas, and which shape cues come later."""
    own = [_token_features(token.text) for token in tokens]
    count = len(tokens)
    result = []
    markers = _in_markers(tokens, own)
    later = _later(own, markers)
    depth, quoted, after_colon, after_in, stops, commas, after_year = 0, False, False, False, 0, 0, False
    for index, features in enumerate(own):
        text = tokens[index].text
        depth += text.count("(") + text.count("[")
        opens = text[:1] in _OPENING_QUOTES or bool(_APOSTROPHE_OPENING.match(text))
        quoted ^= opens
        row = [*features.attributes, _POS[min(index, 4)], _REL[10 * index // count], _STOPS_SEEN[min(stops, 6)],
               _COMMAS_SEEN[min(commas, 8)], _FROM_END[min(count - 1 - index, 4)]]  # fmt: skip
        row += [name for name, on in (("paren", depth > 0), ("quoted", quoted), ("colon", after_colon),
                                      ("after_in", after_in), ("after_year", after_year)) if on]  # fmt: skip
        row += later[index]
        for offset in _OFFSETS:
            other = index + offset
            if 0 <= other < count:
                row.extend(own[other].seen_from[offset])
            else:
                row.append(_EDGES[offset])
        result.append(row)
        depth = max(0, depth - text.count(")") - text.count("]"))
        quoted = quoted and not any(q in text[opens:][-2:] for q in _CLOSING_QUOTES)
        after_colon = after_colon or text.endswith(":")
        after_in = after_in or markers[index]
        after_year = after_year or features.year
        # Field boundaries: full stops that do not close an initial, and commas.
        stops += text.endswith(".") and not features.initial and len(text) > 3
        commas += text.endswith(",")
    return result
