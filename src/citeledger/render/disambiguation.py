"""Citation disambiguation that citeproc-py lacks: the ``disambiguate`` condition and year suffixes.

CSL's order (after names and given names, which are not done here): render the citations of the
works; those that collide are *ambiguous*; re-render them with ``cs:if disambiguate="true"`` holding;
those that still collide get year suffixes (``2003a``, ``2003b``) in bibliography order, when the style
asks for them. No citeproc import: the engine passes ``render_each(keys) -> [text or None, …]``, which
renders each work's citation alone, in the current disambiguation state (the engine may do it in parallel).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from citeledger.keys import suffix_letters

SUFFIX_KEY, USED_KEY = "citeledger_suffix", "citeledger_used"


RenderEach = Callable[[Sequence[str]], Sequence[str | None]]


def _collisions(keys: Sequence[str], render_each: RenderEach) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for key, text in zip(keys, render_each(keys), strict=True):
        groups[text if text else f"\x00{key}"].append(key)
    return [group for group in groups.values() if len(group) > 1]


def disambiguate(keys: Sequence[str], render_each: RenderEach, root, references, enabled: frozenset[str]) -> None:
    """Mark ambiguous works on ``root`` (``citeledger_ambiguous``) and give year suffixes to the works
    that stay ambiguous. ``keys`` are in bibliography order; ``references`` maps key → citeproc Reference."""
    root.citeledger_ambiguous = set()
    if not {"year-suffix", "disambiguate-condition"} & enabled:
        return
    groups = _collisions(keys, render_each)
    if not groups:
        return
    ambiguous = {key for group in groups for key in group}
    if "disambiguate-condition" in enabled:
        root.citeledger_ambiguous = ambiguous
        groups = _collisions([key for key in keys if key in ambiguous], render_each)
    wants_suffix = (root.citation.get("disambiguate-add-year-suffix") or "false") == "true"
    if "year-suffix" not in enabled or not wants_suffix:
        return
    explicit = bool(root.xpath_search("//cs:text[@variable='year-suffix']"))
    for group in groups:
        for index, key in enumerate(group):
            _set_suffix(references[key], suffix_letters(index), explicit)


def _set_suffix(reference, letter: str, explicit: bool) -> None:
    if explicit:
        reference["year_suffix"] = letter
        return
    issued = dict.get(reference, "issued")
    date = dict.get(issued, "begin", issued) if isinstance(issued, dict) else None
    if isinstance(date, dict):
        date[SUFFIX_KEY] = letter


def reset_item(item) -> None:
    """Before each rendering: the implicit suffix goes on the first year rendered, once."""
    try:
        issued = dict.get(item.reference, "issued")
    except Exception:  # unknown key: nothing to reset
        return
    date = dict.get(issued, "begin", issued) if isinstance(issued, dict) else None
    if isinstance(date, dict):
        date[USED_KEY] = False


class ImplicitYearSuffix:
    """Date-part mixin: append the year suffix to the first ``year`` rendered for the item, when the style
    does not print ``year-suffix`` itself (1,120 official styles)."""

    def process(self, date, context=None):
        text = super().process(date, context)
        sorting = vars(self.getroottree().getroot()).get("citeledger_sorting")
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
