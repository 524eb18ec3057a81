"""Reading the author part of a citation: ``Lawrence and Mueller``, ``Okafor et al.``, ``Human Rights Watch``,
``van der Berg``, or a title cited in place of authors. Works on short, bounded strings only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised words that open prose, not names: "(In 1960, ...)", "However Mendes (1993)".
NOT_NAMES = _word_set(
    """
    a about according after also although an and around as at before between born both but by ca chapter
    cf circa compare during each even figure for from he her here his however i if in it its many most
    nevertheless note on our page part see she since so some table than that the their then there these
    they this those thus to under unlike until was we what when where whereas which while who yet
    january february march april may june july august september october november december
    spring summer autumn winter fall
    """
)
PARTICLES = _word_set("van von der den de da di du des del della dos le la ter ten bin ibn al el zu vom")
# A name run after these words may be a place or a period ("in Buenos Aires (1976)") as well as a work
# ("as shown in Smith (2001)"): the citation is tentative, kept only if it links.
PLACE_WORDS = _word_set("in at from to into near across since until during of on the")
# Lower-case words allowed inside an organisation's name: "Genocide Archive of Rwanda".
ORGANISATION_WORDS = _word_set("of for the on")
CONNECTORS = frozenset({"and", "&", "und", "et", "y"})
ET_AL = re.compile(r"\s*,?\s*(?:et\s+al\.?|and\s+others|et\s+coll\.?)\s*,?\s*$", re.I)
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*$")
_TITLE_CHARS = re.compile(r"[^\W\d_][\w\s’'\-.,:;!?“”\"«»&]*$")
MAX_NAMES, MAX_WORDS = 8, 6


@dataclass(frozen=True)
class Authors:
    """The names as written (``("Lawrence", "Mueller")``) and whether ``et al.`` followed them."""

    names: tuple[str, ...]
    et_al: bool = False


def _is_name_word(word: str) -> bool:
    if word.lower() in PARTICLES or (len(word) > 1 and word.isupper() and word.isalpha()):
        return True  # particles, and acronyms of organisations: "WHO", "UNESCO"
    if not _WORD.match(word) or not word[0].isupper():
        return False
    return word.rstrip("’'s").lower() not in NOT_NAMES and word.lower() not in NOT_NAMES


def _inner_word(words: list[str], position: int) -> bool:
    return 0 < position < len(words) - 1 and words[position] in ORGANISATION_WORDS


def _split_names(text: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+(?:and|&|und)\s+|\s*&\s*", text)
    return [part.strip() for part in parts if part.strip()]


def read_authors(text: str) -> Authors | None:
    """``"Lawrence and Mueller"`` → Authors(("Lawrence", "Mueller")); prose or empty text → None."""
    text = text.strip().rstrip(",").strip()
    et_al = ET_AL.search(text)
    if et_al:
        text = text[: et_al.start()]
    names = _split_names(text)
    if not names or len(names) > MAX_NAMES:
        return None
    for name in names:
        words = name.split()
        if len(words) > MAX_WORDS:
            return None
        if not all(_is_name_word(word) or _inner_word(words, i) for i, word in enumerate(words)):
            return None
        if words[0].lower() in PARTICLES and len(words) == 1:
            return None
    return Authors(tuple(names), bool(et_al))


def read_title(text: str) -> str | None:
    """A title cited in place of authors: ``A Diary of the Foreign Ministry`` (three words or more, starting
    with a capital, written before a comma and the year). Returns the title or None."""
    title = text.strip()
    if not title.endswith(","):
        return None
    title = title[:-1].strip()
    words = title.split()
    if len(words) < 3 or not title[0].isupper() or not _TITLE_CHARS.match(title):
        return None
    if words[0].lower() in NOT_NAMES - {"a", "an", "the"} or words[-1].lower() in NOT_NAMES:
        return None
    return title


_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def _acceptable_backwards(word: str) -> bool:
    bare = word.rstrip(",")
    return _is_name_word(bare) or bare.lower() in CONNECTORS or bare.lower() in {"al.", "et"}


def read_names_before(text: str, end: int, window: int = 120) -> tuple[int, Authors, bool] | None:
    """The run of names that ends at ``end`` (before a narrative ``(2001)``): ``Mendes's``,
    ``Lawrence and Mueller``, ``Okafor et al.``. Returns (start offset, Authors, tentative) or None;
    tentative when a preposition precedes the names (PLACE_WORDS)."""
    start = max(0, end - window)
    words = list(re.finditer(r"\S+", text[start:end]))
    if words and start > 0 and not text[start - 1].isspace():
        words.pop(0)  # the window cut this word in two
    run: list[re.Match] = []
    for word in reversed(words):
        if len(run) >= MAX_WORDS + 4 or not _acceptable_backwards(word.group()):
            break
        run.insert(0, word)
    while run and (run[0].group().rstrip(",").lower() in CONNECTORS | {"al.", "et"}):
        run.pop(0)
    if not run:
        return None
    before = words[len(words) - len(run) - 1].group().lower() if len(run) < len(words) else ""
    first = start + run[0].start()
    written = _POSSESSIVE.sub("", text[first:end].rstrip())
    authors = read_authors(written)
    return (first, authors, before in PLACE_WORDS) if authors else None
