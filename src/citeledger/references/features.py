"""Tokens and their features for the sequence labeller (shared by training and tagging).

Tokens are whitespace-separated words with their punctuation attached (``Colorado:``, ``(4th``),
as AnyStyle does: punctuation is then a feature of the token, not a token to label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
})  # fmt: skip
_STOPS = {lang: frozenset(words.split()) for lang, words in STOP_WORDS.items()}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    shape = re.sub(r"[A-ZÀ-Þ]", "X", word)
    shape = re.sub(r"[a-zß-ÿ]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)[:8]


def _core(token: str) -> str:
    """The token without the punctuation around it (a loop, not a regex: tokens can be huge)."""
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


def _token_features(token: str) -> dict[str, object]:
    token = token[:60]
    core = _core(token)
    lower = core.lower()
    letters = [c for c in core if c.isalpha()]
    features: dict[str, object] = {
        "w": lower, "shape": _shape(token), "p3": lower[:3], "s3": lower[-3:],
        "first": token[:1] if not token[:1].isalnum() else "a",
        "last": token[-1:] if not token[-1:].isalnum() else "a", "len": min(len(core), 10),
        "kw": token.lower() in KEYWORDS or lower in KEYWORDS,
        "caps": len(letters) >= 2 and all(c.isupper() for c in letters), "title": core[:1].isupper(),
        "digits": core.isdigit(), "year": bool(re.fullmatch(r"(1[5-9]|20)\d\d[a-z]?", core)),
        "range": bool(re.fullmatch(r"\d+[-–‑]\d+", core)),
        "initial": bool(re.fullmatch(r"[A-ZÀ-Þ]\.(?:-?[A-Z]\.)*", token.rstrip(",;:"))),
        "url": lower.startswith(("http", "www.", "doi", "10.")), "place": is_place(core),
    }  # fmt: skip
    for lang, stops in _STOPS.items():
        if lower in stops:
            features[f"stop_{lang}"] = True
    return features


def sequence_features(tokens: list[Token]) -> list[dict[str, object]]:
    """One feature dict per token: its own features, its neighbours' words and shapes, its position,
    and whether it sits inside brackets or quotes or after a colon."""
    own = [_token_features(token.text) for token in tokens]
    count = len(tokens)
    result = []
    depth, quoted, after_colon, after_in, stops, commas = 0, False, False, False, 0, 0
    for index, features in enumerate(own):
        text = tokens[index].text
        depth += text.count("(") + text.count("[")
        quoted ^= any(q in text[:1] for q in '"“«‘')
        row = dict(features)
        row.update({"pos": min(index, 4), "rel": int(10 * index / max(count, 1)), "paren": depth > 0,
                    "quoted": quoted, "colon": after_colon, "after_in": after_in, "stops": min(stops, 6),
                    "commas": min(commas, 8), "from_end": min(count - 1 - index, 4)})  # fmt: skip
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < count:
                row[f"{offset}:w"] = own[other]["w"]
                row[f"{offset}:shape"] = own[other]["shape"]
                row[f"{offset}:last"] = own[other]["last"]
            else:
                row[f"{offset}:edge"] = True
        result.append(row)
        depth = max(0, depth - text.count(")") - text.count("]"))
        quoted = quoted and not any(q in text[-2:] for q in '"”»’')
        after_colon = after_colon or text.endswith(":")
        after_in = after_in or text.lower() in ("in", "in:", "dans", "im")
        # Field boundaries: full stops that do not close an initial, and commas.
        stops += text.endswith(".") and not features["initial"] and len(text) > 3
        commas += text.endswith(",")
    return result


def to_crfsuite(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Feature dicts in python-crfsuite's form: strings become ``name=value`` keys with weight 1."""
    converted = []
    for row in rows:
        item: dict[str, float] = {}
        for name, value in row.items():
            if value is True:
                item[name] = 1.0
            elif value is False or value is None:
                continue
            else:
                item[f"{name}={value}"] = 1.0
        converted.append(item)
    return converted
