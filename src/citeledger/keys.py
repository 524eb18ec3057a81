"""Citation keys: ``surname + year``, lowercase ASCII, ``a``/``b`` on collision.

A key depends only on the item and on the items before it, so the same input in the same order
always gets the same keys. The pattern is a ``str.format`` template over ``{family}`` (first
author's surname with its particle, or an organisation's first words; the editor's when there is
no author; the first significant title word when there is neither), ``{year}`` (or empty),
``{title_word}`` (first significant title word), ``{given_initial}``.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Sequence

from citeledger.model import Name, Reference

DEFAULT_PATTERN = "{family}{year}"
PLACEHOLDERS = ("family", "year", "title_word", "given_initial")
# Letters NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
})
# Words skipped at the start of organisation names and titles.
_STOP_WORDS = frozenset({
    "a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "by", "with", "from", "le", "la", "les", "l",
    "un", "une", "des", "du", "de", "d", "der", "die", "das", "den", "ein", "eine", "el", "lo", "los", "las",
    "il", "i", "gli",
})


def to_ascii(text: str) -> str:
    """``Désirée Łukasz`` → ``Desiree Lukasz``: decompose accents, drop combining marks."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c.isascii())


def _key_part(text: str) -> str:
    """Text → lowercase ASCII letters and digits only: ``Le Roy Ladurie`` → ``leroyladurie``."""
    return re.sub(r"[^a-z0-9]", "", to_ascii(text).lower())


def _significant_words(text: str, limit: int) -> list[str]:
    words = re.findall(r"[^\W_]+", text.split(",")[0])
    while words and words[0].lower() in _STOP_WORDS and len(words) > 1:
        words.pop(0)
    return words[:limit]


def _family(name: Name) -> str:
    if name.literal:
        # An organisation: up to its first three significant words (`Human Rights Watch`).
        return _key_part("".join(_significant_words(name.literal, 3)))
    return _key_part(name.sort_family or name.given)


def format_key(reference: Reference, pattern: str = DEFAULT_PATTERN) -> str:
    """The base key of one item (before collision suffixes); ``ref`` when every part is empty."""
    people = reference.names.get("author") or reference.names.get("editor") or ()
    title_words = _significant_words(reference.get("title"), 1)
    title_word = _key_part(title_words[0]) if title_words else ""
    family = _family(people[0]) if people else title_word
    given = _key_part(people[0].given)[:1] if people else ""
    year = str(reference.year) if reference.year is not None else ""
    parts = {"family": family, "year": year, "title_word": title_word, "given_initial": given}
    key = pattern.format_map(parts)
    return key or "ref"


def check_pattern(pattern: str) -> None:
    """Raise ValueError when ``pattern`` uses a placeholder we do not know."""
    used = [field for _, field, _, _ in string.Formatter().parse(pattern) if field is not None]
    unknown = [field for field in used if field not in PLACEHOLDERS]
    if unknown:
        raise ValueError(f"unknown key placeholder(s) {', '.join(unknown)}; use {', '.join(PLACEHOLDERS)}")


def suffix_letters(index: int) -> str:
    """0 → ``a`` … 25 → ``z``, 26 → ``aa``: the letters that tell colliding keys (and, in author–year
    styles, same-author-same-year works) apart, in citeproc-js's sequence."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def assign_keys(references: Sequence[Reference], pattern: str = DEFAULT_PATTERN,
                taken: Iterable[str] = ()) -> list[str]:
    """One unique key per item, in order. Items sharing a base key all get a suffix, in input
    order (``chandler2000a``, ``chandler2000b``); keys in ``taken`` are never produced."""
    check_pattern(pattern)
    bases = [format_key(reference, pattern) for reference in references]
    counts: dict[str, int] = {}
    for base in bases:
        counts[base] = counts.get(base, 0) + 1
    used = {key.lower() for key in taken}
    keys: list[str] = []
    next_suffix: dict[str, int] = {}
    for base in bases:
        key = base
        if counts[base] > 1 or key.lower() in used:
            while True:
                index = next_suffix.get(base, 0)
                next_suffix[base] = index + 1
                key = base + suffix_letters(index)
                if key.lower() not in used:
                    break
        used.add(key.lower())
        keys.append(key)
    return keys
