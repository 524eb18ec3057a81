"""Speed, not correctness: the ``structure-cache`` mixins.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations


def pin_elements(root, locales) -> None:
    """Keep one Python proxy alive for every element of the style and its locales (lxml otherwise
    builds a new one on each access, losing per-element state) and give each its tree's root and the
    style root whose formatter it renders with. Called once when the style is loaded."""
    pinned = []
    for top in (root, *locales):
        cache = vars(top).setdefault("citeledger_cache", {})
        for element in top.iter():
            element.citeledger_root, element.citeledger_style, element.citeledger_shared = top, root, cache
            pinned.append(element)
    root.citeledger_pinned = pinned


class CachedStructure:
    """Speed, not correctness: citeproc-py repeats the same XPath searches (ancestors, macros, layout)
    and ``calls_variable`` walks for every element of every item, and finds the root through a new
    tree proxy hundreds of times per entry; all depend only on the parsed style, so they are computed
    once per element. The cache lives on the root (which keeps proxies alive)."""

    citeledger_root = citeledger_style = citeledger_shared = None  # set per element by pin_elements

    def get_root(self):
        root = self.citeledger_root
        return root if root is not None else super().get_root()

    def get_formatter(self):
        style = self.citeledger_style
        return style.formatter if style is not None else super().get_formatter()

    def _structure_cache(self) -> dict:
        cache = self.citeledger_shared
        if cache is not None:
            return cache
        root = self.get_root()
        cache = vars(root).get("citeledger_cache")
        if cache is None:
            cache = root.citeledger_cache = {}
        return cache

    def xpath_search(self, expression):
        cache, key = self._structure_cache(), (self, expression)
        if key not in cache:
            cache[key] = super().xpath_search(expression)
        return cache[key]

    def get_term(self, *args, **kwargs):
        # the locale list is fixed once the style is loaded (in-style cs:locale answers for itself)
        if isinstance(self, self.cp.Locale):
            return super().get_term(*args, **kwargs)
        cache, key = self._structure_cache(), ("term", args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = super().get_term(*args, **kwargs)
        return cache[key]


    def get_locale_option(self, name):
        # the answer depends on the locale list only, fixed once the style is loaded
        cache, key = self._structure_cache(), ("locale-option", name)
        if key not in cache:
            cache[key] = super().get_locale_option(name)
        return cache[key]


class CachedCallsVariable:
    def calls_variable(self):
        cache, key = self._structure_cache(), (self, "calls_variable")
        if key not in cache:
            cache[key] = super().calls_variable()
        return cache[key]
