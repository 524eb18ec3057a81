"""Re-casing names printed in capitals: ``DUPONT`` → ``Dupont``, ``LE ROY LADURIE`` → ``Le Roy Ladurie``,
``McNAMARA`` → ``McNamara``, ``O'BRIEN`` → ``O'Brien``, ``MARIE-ALEXANDRINE`` → ``Marie-Alexandrine``."""

from __future__ import annotations

import re

# Lower-case name particles; French "Le"/"La" stay capitalised inside surnames (Le Roy Ladurie).
PARTICLES = frozenset({"de", "d'", "d’", "du", "des", "van", "von", "der", "den", "da", "di", "del", "della",
                       "dos", "das", "ten", "ter", "zu", "vom", "van't", "y"})  # fmt: skip
_PIECES = re.compile(r"([^\W\d_]+)|([^\w]+|\d+|_)")
_MAC = ("Mc", "Mac", "Fitz")


def is_caps(word: str) -> bool:
    """A word printed in capitals (two or more letters, all upper-case except a ``Mc``/``Mac`` prefix)."""
    letters = [char for char in word if char.isalpha()]
    if len(letters) < 2:
        return False
    for prefix in _MAC:
        if word.startswith(prefix) and word[len(prefix) :][:1].isupper():
            letters = [char for char in word[len(prefix) :] if char.isalpha()]
            break
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _recase_piece(piece: str) -> str:
    for prefix in _MAC:
        rest = piece[len(prefix) :]
        if piece.startswith(prefix) and len(rest) >= 2 and rest.isupper():
            return prefix + rest.capitalize()
    return piece.capitalize()


def recase_word(word: str) -> str:
    """One capitalised word → its usual spelling; letters after ``'``, ``’`` or ``-`` start a capital."""
    if not is_caps(word):
        return word
    if word.lower() in PARTICLES:
        return word.lower()
    out = []
    for letters, other in _PIECES.findall(word):
        if letters:
            # "D'" and "L'" before a name are elided articles: "D'ALEMBERT" → "D'Alembert".
            out.append(_recase_piece(letters))
        else:
            out.append(other)
    return "".join(out)


def recase_name(text: str) -> str:
    """A family name in capitals → usual spelling, word by word; names not in capitals are kept."""
    words = text.split(" ")
    if not any(is_caps(word) for word in words):
        return text
    return " ".join(recase_word(word) if index or word.lower() not in PARTICLES else word.lower()
                    for index, word in enumerate(words))  # fmt: skip
