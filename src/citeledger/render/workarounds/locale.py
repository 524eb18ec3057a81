"""Locale fixes: terms looked up in the style's language, ordinals, localized dates, typographic terms.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

from citeledger.render.workarounds.output import APOSTROPHE

_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class LocaleLanguageMatch:
    """Terms looked up "in the style's language only" (ordinals: ``2ᵉ``, ``2.``) also search the
    system locale of that language: citeproc-py compared ``fr`` with ``fr-FR``, missed, and fell back
    to English (``2nd éd.``)."""

    def get_term(self, *args, **kwargs):
        fallback = kwargs.get("fallback_locale", args[2] if len(args) > 2 else True)
        root = self.get_root()
        if fallback or isinstance(root, self.cp.Locale):
            return super().get_term(*args, **kwargs)
        name, form = args[0] if args else kwargs["name"], kwargs.get("form", args[1] if len(args) > 1 else None)
        zero_padded = kwargs.get("zero_padded", args[3] if len(args) > 3 else False)
        main = (root.locales[0].get(_LANG) or "").split("-")[0]
        for locale in root.locales:
            if (locale.get(_LANG) or main).split("-")[0] != main:
                continue
            try:
                return locale.get_term(name, form, zero_padded=zero_padded)
            except IndexError:
                continue
        return None


class TypographicTerm:
    """Locale terms get typographic apostrophes too (``l’adresse``)."""

    @property
    def single(self):
        return self.cp.String(APOSTROPHE.sub("’", super().single))

    @property
    def multiple(self):
        return self.cp.String(APOSTROPHE.sub("’", super().multiple))


class LocaleDateDelimiter:
    """A localized date joins its parts with the locale date's delimiter (``2021 Feb 17``), not the
    calling cs:date's (citeproc-py printed ``2021Feb17``)."""

    def render_single_date(self, date, show_parts=None, context=None):
        if context is None or context is self or not self.is_locale_date():
            return super().render_single_date(date, show_parts, context)
        parts = self.parts(date, show_parts, context)
        return self.cp.join(parts, self.get("delimiter", "")) if parts else None


class LegacyOrdinalTerms:
    """A style's own cs:locale with ``ordinal-01`` … terms but no ``ordinal`` term (CSL 1.0's scheme) does
    not override the locale file's ordinals in citeproc-js, which reads ordinal terms as one set
    (CSL 1.0.1): ``4ᵉ éd.``, not ``4e éd.``."""

    def get_term(self, *args, **kwargs):
        name = args[0] if args else kwargs.get("name", "")
        root = self.get_root()
        if not str(name).startswith("ordinal") or isinstance(root, self.cp.Locale):
            return super().get_term(*args, **kwargs)
        kept = [locale for locale in root.locales if not _legacy_ordinals(locale, root)]
        if len(kept) == len(root.locales):
            return super().get_term(*args, **kwargs)
        every, root.locales = root.locales, kept
        try:
            return super().get_term(*args, **kwargs)
        finally:
            root.locales = every


def _legacy_ordinals(locale, root) -> bool:
    if locale.getparent() is not root:  # a locale file, not the style's own cs:locale
        return False
    names = {term.get("name") for term in locale.iter("{http://purl.org/net/xbiblio/csl}term")}
    return "ordinal" not in names and any(name.startswith("ordinal-") for name in names)
