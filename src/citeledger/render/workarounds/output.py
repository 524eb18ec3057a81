"""Data and output fixes applied to strings, before and after the engine (no element classes).

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import re

FIELD_SEPARATOR = "\x1f"  # between the first field and the rest, in second-field-align styles


# Quotes found in the data, until the output knows whether they sit inside quotes (then: inner quotes).
OPEN_MARK, CLOSE_MARK = "\ue000", "\ue001"


APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


_NOCASE = re.compile(r'(<span class="nocase">|</span>)', re.IGNORECASE)


_ENTITIES = {"&": "&#38;", "<": "&#60;", ">": "&#62;"}


def escape_html(text: str) -> str:
    """Escape ``& < >`` the way citeproc-js does, keeping the nocase spans citeproc-py reads."""
    parts = _NOCASE.split(text)
    return "".join(p if _NOCASE.fullmatch(p) else re.sub(r"[&<>]", lambda m: _ENTITIES[m.group()], p) for p in parts)


def typographic_quotes(text: str, open_quote: str, close_quote: str, french: bool = False) -> str:
    """Straight apostrophes become ``’``; pairs of straight double quotes become the locale's quotes;
    in French text a space before ``: ; ! ?`` becomes a narrow no-break space (as citeproc-js does)."""
    text = APOSTROPHE.sub("’", text)
    text = re.sub(r'"([^"]*)"', lambda m: open_quote + m.group(1) + close_quote, text)
    return re.sub(r" ([:;!?])", "\u202f\\1", text) if french else text


def punctuation_in_quote(text: str, close_quotes: tuple[str, ...]) -> str:
    """``“Le Portail”.`` → ``“Le Portail.”`` (for locales with ``punctuation-in-quote="true"``)."""
    for quote in close_quotes:
        if quote:  # a quote that already ends in punctuation swallows the mark that follows it
            pattern = r"([.,!?])?" + re.escape(quote) + r"([.,])"
            text = re.sub(pattern, lambda m, q=quote: (m.group(1) or m.group(2)) + q, text)
    return text


def merge_punctuation(text: str) -> str:
    """``1993:. Title`` → ``1993: Title``: a period after ``: ; ! ?`` is dropped, as citeproc-js does."""
    return re.sub(r"(?<=[:;!?])\.(?=\s|$)", "", text)


def merge_quote_period(text: str, close_quotes: tuple[str, ...]) -> str:
    """``‘Le Portail.’.`` → ``‘Le Portail.’``: a period after a close quote that already
    follows one is dropped, as citeproc-js does (``?’.`` and ``.’,`` are kept)."""
    for quote in close_quotes:
        if quote:
            text = re.sub(r"(?<=\.)" + re.escape(quote) + r"\.", quote, text)
    return text
