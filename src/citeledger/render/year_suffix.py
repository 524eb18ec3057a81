"""Year suffixes as the engine prints them: on the first year a rendering prints (``2003a``) when the
style has no ``year-suffix`` variable of its own, and never inside sort keys (citeproc-js sorts first).
``render.disambiguation`` decides the letters; these mixins print them (listed in ``render.workarounds``).
"""

from __future__ import annotations

SUFFIX_KEY, USED_KEY = "citeledger_suffix", "citeledger_used"  # on a reference's issued date


def set_suffix(reference, letter: str, explicit: bool) -> None:
    """Give the work its suffix letter: as its ``year-suffix`` variable when the style prints that
    (``explicit``), else on its issued date for ``ImplicitYearSuffix``."""
    if explicit:
        reference["year_suffix"] = letter
        return
    issued = dict.get(reference, "issued")
    date = dict.get(issued, "begin", issued) if isinstance(issued, dict) else None
    if isinstance(date, dict):
        date[SUFFIX_KEY] = letter


class ImplicitYearSuffix:
    """Date-part mixin: append the year suffix to the first ``year`` rendered for the item, when the style
    does not print ``year-suffix`` itself (1,120 official styles)."""

    def process(self, date, context=None):
        text = super().process(date, context)
        root = self.getroottree().getroot()
        root = vars(root).get("style", root)  # a localized date's parts are the locale file's
        sorting = vars(root).get("citeledger_sorting")
        if self.get("name") == "year" and isinstance(date, dict) and text and not sorting:
            suffix = dict.get(date, SUFFIX_KEY)
            if suffix and not dict.get(date, USED_KEY):
                date[USED_KEY] = True
                return f"{text}{suffix}"
        return text


class SortWithoutSuffix:
    """Key mixin: sort keys are computed as if no year suffix existed (citeproc-js sorts first)."""

    def sort_keys(self, items, context):
        root = self.getroottree().getroot()
        root.citeledger_sorting = True
        try:
            return super().sort_keys(items, context)
        finally:
            root.citeledger_sorting = False


class SuffixlessSortText:
    """Text mixin: an explicit ``year-suffix`` prints nothing inside a sort key."""

    def render(self, *args, **kwargs):
        if self.get("variable") == "year-suffix" and vars(self.getroottree().getroot()).get("citeledger_sorting"):
            return None
        return super().render(*args, **kwargs)
