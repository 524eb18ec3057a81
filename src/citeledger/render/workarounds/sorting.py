"""Sort-key fixes: keys compared as citeproc-js compares them, names in nested macros in sort order.

citeproc-js renders a cs:key with its decorations suppressed (no italics, no quotes; affixes kept),
joins the key's words with a separator that sorts before digits and letters, and compares keys with
``Intl.Collator`` at base sensitivity, ``ignorePunctuation`` and ``numeric``: case, accents,
punctuation and whitespace other than the word separator count for nothing, digits compare by value,
and keys equal on that level fall through to the next cs:key. ``sort_text`` turns a key into a string
whose code-point order is that comparison's (without the locale's tailoring).

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import re
import unicodedata
from types import SimpleNamespace

WORD_SEPARATOR = "\x01"  # citeproc-js's "|" between a key's words: after nothing, before digits and letters

_DECORATIONS = ("Italic", "Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript", "SmallCaps")

_NUMBER = re.compile(r"\d+")


def _number(match: re.Match) -> str:
    """Digits as a string that sorts by value: their count (two digits), then the digits."""
    digits = str(int(match.group())) if match.group().isascii() else match.group()
    return f"{min(len(digits), 99):02d}{digits}"


def sort_text(text: str) -> str:
    """``text`` (a rendered key) without punctuation and ignorable whitespace, spaces as the word
    separator, digit runs comparable by value. Case and accents are the collation fix's concern."""
    kept = []
    for char in text:
        if char == " ":
            kept.append(WORD_SEPARATOR)
        elif not unicodedata.category(char).startswith(("P", "Z", "C")):
            kept.append(char)
    return _NUMBER.sub(_number, "".join(kept))


def _page_first(page) -> str | None:
    """citeproc-js's ``page-first``: the page range's first part (``29`` of ``29-51``)."""
    if not page:
        return None
    first = re.split(r"\s*(?:&|, |-|\u2013)\s*", str(page))[0]
    return str(page) if first.endswith("\\") else first


def _undecorated(formatter):
    """A formatter that prints no decorations (text passes through; data is still escaped)."""
    fields = dict(vars(formatter))
    fields.update({name: str for name in _DECORATIONS})
    return SimpleNamespace(**fields)


class PlainSortKeys:
    """cs:key mixin: keys are rendered without decorations and compared as plain text (``sort_text``).
    Date variables keep citeproc-py's own numeric keys; a names variable's names are words apart;
    ``page-first`` is the page range's first part (citeproc-py has no such key)."""

    def sort_keys(self, items, context):
        root = self.get_root()
        formatter = vars(root).get("formatter")
        if formatter is not None:
            root.formatter = _undecorated(formatter)
        try:
            keys = super().sort_keys(items, context)
        finally:
            if formatter is not None:
                root.formatter = formatter
        variable = (self.get("variable") or "").replace("-", "_")
        if variable in self.cp.DATES:
            return keys
        if variable == "page_first":  # citeproc-py has no such variable; citeproc-js derives it from page
            keys = [_page_first(dict.get(item.reference, "page")) for item in items]
        names = variable in self.cp.NAMES
        return [
            key
            if key is None or isinstance(key, (int, float))
            else sort_text(str(key).replace(";", " ") if names else str(key))
            for key in keys
        ]


class SortOptionsInMacros:
    """cs:text mixin: a macro called from a sort key's macro renders its names in sort order too
    (citeproc-py passes the key's name options to the key's own macro only: ``Lee, Hana, Minjun Kim``)."""

    def process(self, item, context=None, **kwargs):
        sort_options = kwargs.get("sort_options")
        if sort_options is None or "macro" not in self.attrib:
            return super().process(item, context=context, **kwargs)
        try:
            language = item.reference.language[:2]
        except self.cp.VariableError:
            language = (self.get_root().get("default-locale") or "en")[:2]
        macro = self.get_macro(self.get("macro"))
        return macro.render(item, context if context is not None else self, sort_options=sort_options), language
