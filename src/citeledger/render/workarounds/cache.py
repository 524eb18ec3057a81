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
    for choose in root.iter(f"{{{_CSL}}}choose"):
        _plan_choose(choose)
    for context in (root.citation, root.bibliography):
        if context is not None:
            _remember_options(context)
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


_PLANNED_TESTS = frozenset({"type", "variable", "match", "disambiguate"})  # disambiguate: DisambiguateCondition


class PlannedCondition:
    """cs:if / cs:else-if whose tests are ``type`` and ``variable`` only (most of them) are evaluated from
    a plan read once from the element, with citeproc-py's semantics (``disambiguate`` is left to the
    ``disambiguate-condition`` fix, which runs before); other tests go to citeproc-py."""

    citeledger_plan = None

    def render(self, item, context=None, delimiter="", **kwargs):
        holds = self.planned_test(item)
        if holds is None:
            return super().render(item, context=context, delimiter=delimiter, **kwargs)
        if not holds:
            raise self.cp.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def planned_test(self, item) -> bool | None:
        """Whether the element's tests hold for ``item``; None when they are not all planned."""
        plan = self.citeledger_plan
        if plan is None:
            plan = self.citeledger_plan = _condition_plan(self.attrib)
        if not plan:
            return None
        types, variables, match = plan
        reference = item.reference
        results = [kind == reference.type for kind in types]
        results += [("locator" in item) if name == "locator" else (name in reference) for name in variables]
        if match == "any":
            return any(results)
        if match == "none":
            return not any(results)
        return all(results)


def _plan_choose(choose) -> None:
    """Give a cs:choose whose branches are all planned (or cs:else) a ``render`` of its own that tests
    them in turn without rendering the branches that fail (citeproc-py renders each branch until one does
    not raise ``ConditionFailed``: a raise and several calls per failed branch, a tenth of an APA
    entry). Only where every fix that overrides ``render`` on the choose and its branches declares that it
    passes this element through (``render_passes_through``): the result is then the same."""
    if not _renders_as(choose, choose.cp.Choose):
        return
    branches = []
    for branch in choose:
        if isinstance(branch, PlannedCondition) and _renders_as(branch, PlannedCondition):
            if not _condition_plan(branch.attrib):
                return
            branches.append((branch, _planned_test(branch)))
        elif isinstance(branch, choose.cp.Else) and _renders_as(branch, choose.cp.Else):
            branches.append((branch, None))
        else:
            return

    def render(item, context=None, delimiter="", **kwargs):
        for branch, test in branches:
            if test is None or test(item):
                return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)
        return None

    choose.render = render  # an instance attribute: this element only (it is pinned)


def _planned_test(branch):
    """The ``planned_test`` that answers for this branch: the first in its MRO whose class does not pass
    the branch through (a fix's own test, or ``PlannedCondition``'s), bound to it."""
    for cls in type(branch).__mro__:
        test = vars(cls).get("planned_test")
        passes = vars(cls).get("render_passes_through")
        if test is not None and (passes is None or not passes(branch)):
            return test.__get__(branch)
    raise AssertionError("PlannedCondition defines planned_test")  # unreachable: branch is a PlannedCondition


def _remember_options(context) -> None:
    """cs:citation and cs:bibliography answer each inherited option once: every cs:name asks its
    context for each of its options on every rendering, through the style root's own options. Neither
    element's attributes change after loading (the fixes that set attributes while rendering set them on
    cs:name and cs:layout elements)."""
    ask, answers = context.get_option, {}

    def get_option(name):
        try:
            return answers[name]
        except KeyError:
            answer = answers[name] = ask(name)
            return answer

    context.get_option = get_option  # an instance attribute: this element only (it is pinned)


def _renders_as(element, owner: type) -> bool:
    """Whether ``element.render`` does what ``owner.render`` does: every class before ``owner`` in its
    MRO that defines ``render`` passes this element through, or tests it with its own ``planned_test``
    (and then renders the children, as ``PlannedCondition`` does)."""
    for cls in type(element).__mro__:
        if cls is owner:
            return True
        if "render" in vars(cls) and "planned_test" not in vars(cls):  # a planned test renders as planned
            passes = vars(cls).get("render_passes_through")
            if passes is None or not passes(element):
                return False
    return False


def _condition_plan(attrib) -> tuple | bool:
    if not set(attrib) <= _PLANNED_TESTS:
        return False
    types = tuple(kind.lower() for kind in attrib.get("type", "").split())
    variables = tuple(name.replace("-", "_") for name in attrib.get("variable", "").split())
    return types, variables, attrib.get("match")


_CONTEXT = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"


class NameOptionsWithoutRaising:
    """cs:name's ``get_option`` as citeproc-py's, without the TypeError it raises and catches on every
    call outside sort keys (``None[name]``): a hundred exceptions per APA entry. Placed right above the
    engine's class, so the fixes above see no difference."""

    def get_option(self, name, context=None, sort_options=None):
        if sort_options is not None and name in sort_options:
            value = sort_options[name]
        else:
            parent = (self if context is None else context).xpath_search(_CONTEXT)[0]
            inherited = parent.get_option("name-" + name if name in ("form", "delimiter") else name)
            value = self.get(name, inherited)
        if name in ("initialize-with-hyphen", "et-al-use-last"):
            return value.lower() == "true"
        if name.startswith("et-al"):
            return int(value)
        return value


class TextLanguageWithoutRaising:
    """cs:text's ``process`` as citeproc-py's, without the VariableError raised and caught for the
    language of every item that has none (the style's default locale then answers). Placed right above
    the engine's class."""

    def process(self, item, context=None, **kwargs):
        attrib = self.attrib
        if "variable" not in attrib and "macro" not in attrib:  # terms and values: rarer, left as they were
            return super().process(item, context=context, **kwargs)
        if context is None:
            context = self
        language = dict.get(item.reference, "language")
        if language is None:
            language = self.get_root().get("default-locale", "en")
        if "variable" in attrib:
            return self._variable(item, context), language[:2]
        return self.get_macro(self.get("macro")).render(item, context), language[:2]
