"""Realistic damage to labelled references, so the labeller does not expect clean typesetting: lost or
swapped punctuation, OCR-like letter confusions, words run together, text all in lower or upper
case. Applied to a share of the training sequences; the labels stay with their tokens.
"""

from __future__ import annotations

import random

Sequence = list[tuple[str, str]]
_STOPS = ".,;:"
_OCR = {
    "e": "c",
    "c": "e",
    "l": "1",
    "i": "l",
    "o": "0",
    "n": "u",
    "u": "n",
    "h": "b",
    "S": "5",
    "I": "l",
    "O": "0",
    "rn": "m",
    "m": "rn",
    "t": "f",
    "a": "o",
    "fi": "ﬁ",
    "é": "e",
    "è": "e",
    "à": "a",
    "ü": "u",
}
_OCR_KEYS = tuple(_OCR)


def _ocr(token: str, rng: random.Random) -> str:
    key = _OCR_KEYS[rng.randrange(len(_OCR_KEYS))]
    at = token.find(key)
    return token if at < 0 else token[:at] + _OCR[key] + token[at + len(key) :]


def _punctuation(token: str, rng: random.Random) -> str:
    if len(token) < 2 or token[-1] not in _STOPS:
        return token
    return token[:-1] if rng.random() < 0.6 else token[:-1] + _STOPS[rng.randrange(len(_STOPS))]


def _token(token: str, rng: random.Random, rate: float) -> str:
    if rng.random() < rate:
        token = _punctuation(token, rng)
    if rng.random() < rate / 2:
        token = _ocr(token, rng)
    return token


def _run_together(sequence: Sequence, rng: random.Random, rate: float) -> Sequence:
    """``Rossi,G.``: a token ending in punctuation glued to the next; the longer part's label wins."""
    result: Sequence = []
    for token, label in sequence:
        if result and result[-1][0][-1:] in _STOPS and rng.random() < rate:
            previous, previous_label = result.pop()
            result.append((previous + token, previous_label if len(previous) >= len(token) else label))
        else:
            result.append((token, label))
    return result


def roughen(sequence: Sequence, rng: random.Random) -> Sequence:
    """A damaged copy of ``sequence`` (token by token, at a rate drawn per sequence)."""
    rate = rng.choice((0.03, 0.06, 0.12))
    damaged = [(_token(token, rng, rate), label) for token, label in sequence]
    damaged = _run_together(damaged, rng, rate / 3)
    draw = rng.random()
    if draw < 0.06:
        damaged = [(token.lower(), label) for token, label in damaged]
    elif draw < 0.1:
        damaged = [(token.upper() if label in ("author", "editor") else token, label) for token, label in damaged]
    elif draw < 0.13:
        damaged = [(token.upper(), label) for token, label in damaged]
    return damaged
