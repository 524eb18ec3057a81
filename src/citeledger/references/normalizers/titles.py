"""Normalizers: titles (quotes, italics marks, ``In:`` and final stops off) and the title's language.

The language is guessed from function words and letters typical of a language; only a clear
non-English verdict is written (``language`` = BCP 47 tag, e.g. ``fr``), since English is the
default of every style and BibTeX writer.
"""

from __future__ import annotations

import re

from citeledger.references.normalizers.draft import Draft

_QUOTES = "\"'“”„‟«»‹›‘’`*_"
_IN = re.compile(r"(?i)^(?:in|dans|en|im|in:)\s*:?\s+")
_WORDS = re.compile(r"[^\W\d_]+")
STOP_WORDS = {
    "en": "the of and in a an on for to with from by at its their is are how why what between",
    "fr": "le la les des du un une et pour dans sur au aux chez ce cette qui que est par avec son sa ses leur l d "
          "entre selon sous vers",
    "de": "der die das und im zum zur ein eine eines einer von mit für über den dem zwischen nach auf ist als bei",
    "it": "il lo gli della delle dei degli nel nella per con una uno che tra alla al di e",
    "es": "el los las del por para con una y en entre sobre como lo su sus",
}  # fmt: skip
_STOPS = {lang: frozenset(words.split()) for lang, words in STOP_WORDS.items()}
_LETTERS = {"fr": "éèêçàâôîûœë", "de": "äöüß", "es": "ñ¿¡áíóú", "it": "òìù"}


def clean_title(text: str) -> str:
    """Separators, a final full stop (not an ellipsis) and quotes or italics marks around the whole
    title removed: ``‘Homeric Fictions’,`` → ``Homeric Fictions``."""
    text = text.strip().strip(",;:").strip()
    for _ in range(2):
        if text.endswith(".") and not text.endswith(".."):
            text = text[:-1].rstrip()
        inner = text[1:-1]
        if len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES and not any(q in inner for q in _QUOTES[:12]):
            text = inner.strip().strip(",;:").strip()
    return text


def normalize_titles(draft: Draft) -> None:
    for label in ("title", "container-title", "collection-title"):
        value = draft.first(label)
        if label == "container-title":
            value = _IN.sub("", value.strip())
        if value := clean_title(value):
            draft.fields[label] = value


def guess_language(title: str) -> str:
    """Takes a title; returns a BCP 47 tag when a language other than English clearly wins, else ''."""
    words = [word.lower() for word in _WORDS.findall(title)]
    scores = {lang: sum(word in stops for word in words) for lang, stops in _STOPS.items()}
    lowered = title.lower()
    for lang, letters in _LETTERS.items():
        scores[lang] += min(2, sum(lowered.count(letter) for letter in letters)) * 0.5
    best = max(scores, key=lambda lang: scores[lang])
    return best if best != "en" and scores[best] >= 1 and scores[best] > scores["en"] else ""


def normalize_language(draft: Draft) -> None:
    if language := guess_language(draft.fields.get("title", "")):
        draft.fields["language"] = language
