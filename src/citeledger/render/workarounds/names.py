"""Name fixes: initializing, delimiters, particles, cs:substitute, names recorded for
subsequent-author-substitute.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import re


def _inherited(element, context, name: str) -> str | None:
    """An inheritable name option: on the element, its cs:citation/cs:bibliography, or cs:style."""
    if element.get(name) is not None:
        return element.get(name)
    expr = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
    parents = (context if context is not None else element).xpath_search(expr)
    if parents and parents[0].get(name) is not None:
        return parents[0].get(name)
    return element.get_root().get(name)


class InitializeFalse:
    """``initialize="false"``: keep given names whole (initials already in them stay as written)."""

    def initialize(self, given, mark, context):
        if (_inherited(self, context, "initialize") or "true").lower() == "false":
            return given
        return super().initialize(given, mark, context)


class DemoteParticleInSortKeys:
    """Names rendered as sort keys demote the non-dropping particle unless the style says ``never``
    (``van der Kroef`` sorts under K with ``sort-only``, the CSL default ``display-and-sort``)."""

    def get_option(self, name, context=None, sort_options=None):
        value = super().get_option(name, context, sort_options)
        if name == "demote-non-dropping-particle" and sort_options is not None and value == "sort-only":
            return "display-and-sort"
        return value


class DemoteParticleKeys:
    """Macro sort keys built from short names keep the particle (``van der Kroef``): drop it there too."""

    def sort_keys(self, items, context):
        keys = super().sort_keys(items, context)
        demote = (self.get_root().get("demote-non-dropping-particle") or "display-and-sort").lower()
        if "macro" not in self.attrib or demote == "never":
            return keys
        return [_without_particle(item, key) for item, key in zip(items, keys, strict=True)]


def _without_particle(item, key):
    if not isinstance(key, str):
        return key
    for role in ("author", "editor", "translator", "composer", "director"):
        for name in dict.get(item.reference, role) or ():
            particle = dict.get(name, "non-dropping-particle")
            if particle and key.lower().startswith(particle.lower() + " "):
                return type(key)(key[len(particle) + 1:])
        if dict.get(item.reference, role):
            break
    return key


class RecordFirstNames:
    """Remember the first names rendering of each bibliography entry (subsequent-author-substitute)."""

    def render(self, item, *args, **kwargs):
        text = super().render(item, *args, **kwargs)
        state = self.get_root().citeledger_names
        if state is not None and text and item.key not in state:
            state[item.key] = str(text)
        return text


class SubstituteNames:
    """Names inside cs:substitute (also nested in cs:choose) inherit the options of the cs:names they
    replace, and a substituted variable is not printed again later in the entry (citeproc-py
    handles only direct children, and never suppresses names)."""

    def process(self, item, names_context=None, context=None, **kwargs):
        layout = _layout_of(context if context is not None else self)
        outer = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
        if outer and self.name is None and names_context in (None, self):
            names_context = outer[0]
        variables = self.get("variable", "").split()
        repressed = set(layout.repressed.get(self.tag, ())) if layout is not None else set()
        kept = [v for v in variables if v not in repressed]
        if not kept:
            raise self.cp.VariableError
        self.set("variable", " ".join(kept))
        try:
            text = super().process(item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(variables))
        if text:
            _record_substituted(self, kept)
        return text


class Substituting:
    """While a cs:substitute renders, whatever variable prints (through macros too) is recorded as
    substituted, so that the rest of the entry does not print it again."""

    def render(self, item, context=None, **kwargs):
        root = self.getroottree().getroot()
        previous = vars(root).get("citeledger_substituting")
        root.citeledger_substituting = _layout_of(context if context is not None else self)
        try:
            return super().render(item, context=context, **kwargs)
        finally:
            root.citeledger_substituting = previous


class SubstitutedText:
    def render(self, item, *args, **kwargs):
        text = super().render(item, *args, **kwargs)
        if text and self.get("variable"):
            _record_substituted(self, [self.get("variable")])
        return text


def _record_substituted(element, variables) -> None:
    layout = vars(element.getroottree().getroot()).get("citeledger_substituting")
    if layout is not None:
        layout.repressed.setdefault(element.tag, []).extend(variables)


def _layout_of(element):
    found = element.xpath_search("./ancestor-or-self::cs:layout[1]")
    return found[0] if found else None


class AfterInvertedName:
    """``delimiter-precedes-last`` / ``-et-al`` = ``after-inverted-name``: the delimiter goes in when the
    name before ``and`` (or et al.) is inverted (``Panh, Rithy, and Christophe Bataille``); citeproc-py
    treated the value as ``never``."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        changed = []
        names = dict.get(item.reference, variable) or []
        order = self.get_option("name-as-sort-order", context, sort_options)
        for option in ("delimiter-precedes-last", "delimiter-precedes-et-al"):
            if self.get_option(option, context, sort_options) != "after-inverted-name":
                continue
            if option.endswith("last"):
                before = len(names) - 2
            else:
                before = min(len(names), self.get_option("et-al-use-first", context, sort_options) or 1) - 1
            inverted = order == "all" or (order == "first" and before == 0)
            changed.append((option, self.get(option)))
            self.set(option, "always" if inverted else "never")
        try:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            for option, value in changed:
                if value is None:
                    del self.attrib[option]
                else:
                    self.set(option, value)


class SortSeparatorSpace:
    """Runs of spaces in ``sort-separator`` print as one, as in citeproc-js (``Bizot  F`` → ``Bizot F``)."""

    def get_option(self, name, context=None, sort_options=None):
        value = super().get_option(name, context, sort_options)
        if name == "sort-separator" and isinstance(value, str):
            return re.sub(r" {2,}", " ", value)
        return value


_NBSP_LANGUAGES = ("fr", "ru", "cs")  # citeproc-js ties particle and family in these default locales


_JOINING = ("'", "’", "ʼ", "-")


class ParticleJoin:
    """A particle is joined to the family name as citeproc-js does: with nothing after ``al-`` or
    ``d’`` (``al-Ghazali``, not ``al- Ghazali``), with a no-break space in styles whose default locale
    is French, Russian or Czech (``van der\u00a0Kroef``). Sort keys are left alone."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        names = dict.get(item.reference, variable)
        if sort_options is not None or not names or not any(_has_particle(name) for name in names):
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        root = self.get_root()
        space = "\u00a0" if (root.get("default-locale") or "en-US")[:2] in _NBSP_LANGUAGES else " "
        order = self.get_option("name-as-sort-order", context, sort_options)
        short = self.get_option("form", context, sort_options) == "short"
        demote = (root.get("demote-non-dropping-particle") or "display-and-sort").lower()
        joined = []
        for index, name in enumerate(names):
            inverted = not short and (order == "all" or (order == "first" and index == 0))
            if inverted and demote in ("always", "display-and-sort"):
                joined.append(name)
            else:
                joined.append(_join_particles(name, space, keep_dropping=inverted or short))
        dict.__setitem__(item.reference, variable, joined)
        try:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            dict.__setitem__(item.reference, variable, names)


def _has_particle(name) -> bool:
    return "literal" not in name and bool(name.get("non-dropping-particle") or name.get("dropping-particle"))


def _join(first: str | None, second: str, space: str) -> str:
    if not first:
        return second
    return first + ("" if first.endswith(_JOINING) else space) + second


def _join_particles(name, space: str, keep_dropping: bool):
    """``name`` with its particles folded into ``family`` (the dropping one only when it prints there)."""
    if "literal" in name or not name.get("family"):
        return name
    fields = {key: value for key, value in name.items() if key not in ("non-dropping-particle", "dropping-particle")}
    family = _join(name.get("non-dropping-particle"), name["family"], space)
    dropping = name.get("dropping-particle")
    if keep_dropping:
        if dropping:
            fields["dropping-particle"] = dropping
    elif dropping and not name.get("non-dropping-particle") and dropping.endswith(_JOINING) and dropping[:-1] != "de":
        family = dropping + family
    else:
        family = _join(dropping, family, space) if dropping else family
    fields["family"] = family
    return type(name)(**fields)
