"""The comparisons the linker explains itself with: folding, particles, edit distance, title similarity.

Each comparison returns a reason string ("" for an exact match) so that a tolerant link can say why it was
accepted (``"spelling: Smyth ~ Smith"``).
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from citeledger.model import Name

PARTICLES = ("van der", "van den", "von der", "de la", "van", "von", "der", "den", "de", "da", "di", "du", "des",
             "del", "della", "le", "la", "ter", "ten", "dos", "al", "el")
_PARTICLE_PREFIXES = tuple(particle + " " for particle in PARTICLES)
_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Case and diacritics folded, apostrophes unified, spaces collapsed: ``Müller`` → ``muller``."""
    if text.isascii():  # the common case, and ten times cheaper
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def plain(text: str) -> str:
    """Case folded only (diacritics kept): the comparison of an exact match."""
    return " ".join(text.replace("’", "'").casefold().split())


def strip_particles(text: str) -> str:
    """``van der berg`` → ``berg`` (folded text in, folded text out)."""
    if not text.startswith(_PARTICLE_PREFIXES):
        return text
    for particle in PARTICLES:
        if text.startswith(particle + " "):
            return text[len(particle) + 1 :]
    return text


def name_forms(name: Name) -> tuple[str, ...]:
    """The ways a citation may write a reference's name, case folded: family, particle + family, literal,
    given + family (narrative citations often name the person)."""
    if name.literal:
        return (plain(name.literal),)
    # A non-dropping particle belongs to the cited name ("van der Berg"); leaving it out is a tolerance.
    forms = [plain(name.sort_family)] + ([] if name.particle else [plain(name.family)])
    if name.given:
        forms.append(plain(f"{name.given} {name.sort_family}"))
    return tuple(dict.fromkeys(form for form in forms if form))


def edit_distance(first: str, second: str, limit: int = 3) -> int:
    """Levenshtein distance, cut off at ``limit`` (returns ``limit`` when it is at least that)."""
    if abs(len(first) - len(second)) >= limit:
        return limit
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            current.append(min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (char != other)))
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)


def compare_name(cited: str, name: Name) -> tuple[bool, str]:
    """Does the cited name denote ``name``? Returns (matched, reason); reason is "" for an exact match,
    else ``case``/``diacritics``/``particle``/``spelling: X ~ Y``."""
    written = plain(cited)
    forms = name_forms(name)
    if written in forms:
        return True, ""
    folded_forms = {fold(form) for form in forms}
    if fold(written) in folded_forms:
        return True, f"diacritics: {cited} ~ {name.sort_family}"
    bare = strip_particles(fold(written))
    if bare in {strip_particles(form) for form in folded_forms}:
        return True, f"particle: {cited} ~ {name.sort_family}"
    allowed = 1 if len(bare) < 8 else 2
    if len(bare) >= 4 and any(edit_distance(bare, strip_particles(form)) <= allowed for form in folded_forms):
        return True, f"spelling: {cited} ~ {name.sort_family}"
    return False, ""


def title_similarity(cited: str, title: str) -> float:
    """How well a title cited in place of authors matches a reference title, 0–1: the share of cited words
    found in the title, averaged with the character similarity of the cited text to the title's start."""
    cited_words = _words(cited)
    title_words = _words(title)
    if not cited_words or not title_words:
        return 0.0
    containment = sum(word in title_words for word in cited_words) / len(cited_words)
    cited_text, title_text = " ".join(cited_words), " ".join(title_words)
    ratio = SequenceMatcher(None, cited_text, title_text[: len(cited_text) + 10]).ratio()
    return round((containment + ratio) / 2, 3)


def _words(text: str) -> list[str]:
    folded = fold(text).replace("'s ", " ").replace("'s", " ")
    return [word for word in _NON_WORD.split(folded) if word]
