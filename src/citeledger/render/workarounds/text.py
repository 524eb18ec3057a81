"""Text fixes: casing, quotes around titles, numbers and locators, sort keys.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import unicodedata

from citeledger.render.workarounds.output import CLOSE_MARK, OPEN_MARK


class NestedQuotes:
    """Data quotes inside a quoted title become the locale's inner quotes (``“… ‘guerre froide’ …”``)."""

    def quote(self, string):
        if self.get("quotes", "false").lower() == "true" and (OPEN_MARK in str(string) or CLOSE_MARK in str(string)):
            inner_open = str(self.get_single_term(name="open-inner-quote")) or "‘"
            inner_close = str(self.get_single_term(name="close-inner-quote")) or "’"
            string = self.cp.String(str(string).replace(OPEN_MARK, inner_open).replace(CLOSE_MARK, inner_close))
        return super().quote(string)


class TextCaseStr:
    """``TextCased.case`` calls String methods; some variables arrive as plain ``str`` (alone or inside a
    MixedString), and empty strings make ``capitalize_first`` raise."""

    def case(self, text, language=None):
        if text is None or not str(text):  # capitalize_first indexes the first character
            return text
        if type(text) is str:
            text = self.cp.String(text)
        elif type(text).__name__ == "MixedString" and any(type(part) is str for part in text):
            text = type(text)([self.cp.String(part) if type(part) is str else part for part in text])
        return super().case(text, language)


class LabelTextCase:
    """Labels are cased like the rest of the style (citeproc-py passes no language and skips them)."""

    def markup(self, text):
        if not text:
            return None
        language = (self.get_root().get("default-locale") or "en")[:2]
        return self.wrap(self.format(self.case(self.strip_periods(text), language)))


class LocatorRange:
    """Page locators get the style's page-range-format and delimiter, like the ``page`` variable."""

    def _variable(self, item, context):
        if self.get("variable") == "locator" and item.has_locator and item.locator.label == "page":
            return self._process(self.cp.String(str(item.locator.identifier)), "page")
        return super()._variable(item, context)


# letters that are other letters' variants at citeproc-js's collation strength but do not decompose
_BASE_LETTERS = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d"})


def collation_key(text: str) -> str:
    """Accent- and case-insensitive key (``Éluard`` before ``Zimmer``). Keys equal on that level are
    equal: the next sort key decides, as in citeproc-js (base sensitivity)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return base.casefold().translate(_BASE_LETTERS)


class CollationSort:
    def sort_keys(self, items, context):
        keys = super().sort_keys(items, context)
        return [collation_key(str(key)) if isinstance(key, str) else key for key in keys]


class StripPeriodsNumber:
    """``strip-periods`` on a number (``citation-number``) raised ``AttributeError`` on ``int.replace``."""

    def strip_periods(self, string):
        if isinstance(string, (int, float)):
            return string
        return super().strip_periods(string)
