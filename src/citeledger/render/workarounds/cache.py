"""Speed, not correctness: the ``structure-cache`` mixins.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

from citeledger.render.workarounds.plans import plan_choose, remember_options


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
    for choose in root.iter(f"{{{_CSL}}}choose"):
        plan_choose(choose)
    for context in (root.citation, root.bibliography):
        if context is not None:
            remember_options(context)
    root.citeledger_pinned = pinned


_CSL = "http://purl.org/net/xbiblio/csl"
_FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class CachedStructure:
    """Speed, not correctness: citeproc-py repeats the same XPath searches (ancestors, macros, layout)
    and ``calls_variable`` walks for every element of every item, and finds the root through a new
    tree proxy hundreds of times per entry; all depend only on the parsed style, so they are computed
    once per element. The cache lives on the root (which keeps proxies alive)."""

    citeledger_root = citeledger_style = citeledger_shared = None  # set per element by pin_elements
    citeledger_plain = None  # no formatting attributes (computed on first use)

    def __getattr__(self, name):
        # citeproc-py reads child elements as attributes (``names.name``, ``style.bibliography``): a search
        # each time; the tree does not change once loaded
        cache = self.citeledger_shared
        if cache is None or name.startswith("__"):
            return super().__getattr__(name)
        key = (self, "child", name)
        try:
            return cache[key]
        except KeyError:
            found = cache[key] = super().__getattr__(name)
            return found

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

    # identities when the element lacks the attribute (read each time: some fixes set affixes while rendering)
    def wrap(self, string):
        if string is None or (self.get("prefix") is None and self.get("suffix") is None):
            return string
        return super().wrap(string)

    def quote(self, string):
        if self.get("quotes") is None:
            return string
        return super().quote(string)

    def strip_periods(self, string):
        if self.get("strip-periods") is None:
            return string
        return super().strip_periods(string)

    def case(self, text, language=None):
        if self.get("text-case") is None:
            return text
        return super().case(text, language)

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


class CachedTermTexts:
    """cs:term's single and multiple forms computed once per output formatter (citeproc-py searches the
    term's children and preformats its text on every use, raising and catching an AttributeError for a
    term without forms). Outermost on the term, so the fixes' changes are kept too."""

    citeledger_texts = None  # (formatter, {form: text})

    @property
    def single(self):
        return self._form_text("single")

    @property
    def multiple(self):
        return self._form_text("multiple")

    def _form_text(self, form: str):
        formatter = self.get_formatter()
        texts = self.citeledger_texts
        if texts is None or texts[0] is not formatter:
            texts = self.citeledger_texts = (formatter, {})
        text = texts[1].get(form)
        if text is None:
            text = texts[1][form] = getattr(super(), form)
        return text
