"""Speed, not correctness: the ``structure-cache`` mixins.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations


class CachedStructure:
    """Speed, not correctness: citeproc-py repeats the same XPath searches (ancestors, macros, layout)
    and ``calls_variable`` walks for every element of every item; both depend only on the parsed style,
    so they are computed once per element. The cache lives on the root (which keeps proxies alive)."""

    def _structure_cache(self) -> dict:
        root = self.getroottree().getroot()
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


class CachedCallsVariable:
    def calls_variable(self):
        cache, key = self._structure_cache(), (self, "calls_variable")
        if key not in cache:
            cache[key] = super().calls_variable()
        return cache[key]
