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
            if not isinstance(element, CachedStructure):  # entity references, processing instructions
                continue
            element.citeledger_root, element.citeledger_style, element.citeledger_shared = top, root, cache
            pinned.append(element)
    root.citeledger_pinned = pinned


_FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class CachedStructure:
    """Speed, not correctness: citeproc-py repeats the same XPath searches (ancestors, macros, layout)
    and ``calls_variable`` walks for every element of every item, and finds the root through a new
    tree proxy hundreds of times per entry; all depend only on the parsed style, so they are computed
    once per element. The cache lives on the root (which keeps proxies alive)."""

    citeledger_root = citeledger_style = citeledger_shared = None  # set per element by pin_elements
    citeledger_plain = None  # no formatting attributes (computed on first use)

    def get_root(self):
        root = self.citeledger_root
        return root if root is not None else super().get_root()

    def get_formatter(self):
        style = self.citeledger_style
        return style.formatter if style is not None else super().get_formatter()

    def format(self, string):
        # citeproc-py asks the formatter five times per rendered element, mostly to change nothing
        plain = self.citeledger_plain
        if plain is None:
            plain = self.citeledger_plain = not any(name in self.attrib for name in _FORMATTING)
        if plain:
            return str(string) if isinstance(string, (int, float)) else string
        return super().format(string)

    def _structure_cache(self) -> dict:
        root = self.get_root()
        cache = vars(root).get("citeledger_cache")
        if cache is None:
            cache = root.citeledger_cache = {}
        return cache

    def xpath_search(self, expression):
        cache, key = self.citeledger_shared or self._structure_cache(), (self, expression)
        found = cache.get(key)
        if found is None:
            found = cache[key] = super().xpath_search(expression)
        return found

    def get_macro(self, name):
        cache, key = self.citeledger_shared or self._structure_cache(), ("macro", name)
        macro = cache.get(key)
        if macro is None:
            macro = cache[key] = super().get_macro(name)
        return macro

    def get_layout(self):
        cache, key = self.citeledger_shared or self._structure_cache(), (self, "layout")
        layout = cache.get(key)
        if layout is None:
            layout = cache[key] = super().get_layout()
        return layout

    def get_term(self, *args, **kwargs):
        # the locale list is fixed once the style is loaded (in-style cs:locale answers for itself)
        if isinstance(self, self.cp.Locale):
            return super().get_term(*args, **kwargs)
        cache, key = self.citeledger_shared or self._structure_cache(), ("term", args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = super().get_term(*args, **kwargs)
        return cache[key]


    def get_locale_option(self, name):
        # the answer depends on the locale list only, fixed once the style is loaded
        cache, key = self.citeledger_shared or self._structure_cache(), ("locale-option", name)
        if key not in cache:
            cache[key] = super().get_locale_option(name)
        return cache[key]


class CachedCallsVariable:
    def calls_variable(self):
        cache, key = self.citeledger_shared or self._structure_cache(), (self, "calls_variable")
        if key not in cache:
            cache[key] = super().calls_variable()
        return cache[key]


_PLANNED_TESTS = frozenset({"type", "variable", "match", "disambiguate"})  # disambiguate: DisambiguateCondition


class PlannedCondition:
    """cs:if / cs:else-if whose tests are ``type`` and ``variable`` only (most of them) are evaluated from
    a plan read once from the element, with citeproc-py's semantics (``disambiguate`` is left to the
    ``disambiguate-condition`` fix, which runs before); other tests go to citeproc-py."""

    citeledger_plan = None

    def render(self, item, context=None, delimiter="", **kwargs):
        plan = self.citeledger_plan
        if plan is None:
            plan = self.citeledger_plan = _condition_plan(self.attrib)
        if not plan:
            return super().render(item, context=context, delimiter=delimiter, **kwargs)
        types, variables, match = plan
        reference = item.reference
        results = [kind == reference.type for kind in types]
        results += [("locator" in item) if name == "locator" else (name in reference) for name in variables]
        if match == "any":
            holds = any(results)
        elif match == "none":
            holds = not any(results)
        else:
            holds = all(results)
        if not holds:
            raise self.cp.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


def _condition_plan(attrib) -> tuple | bool:
    if not set(attrib) <= _PLANNED_TESTS:
        return False
    types = tuple(kind.lower() for kind in attrib.get("type", "").split())
    variables = tuple(name.replace("-", "_") for name in attrib.get("variable", "").split())
    return types, variables, attrib.get("match")
