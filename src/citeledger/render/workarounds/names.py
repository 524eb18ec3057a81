"""Name fixes: initializing, delimiters, particles, cs:substitute, disambiguated names.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import re

from citeledger.render.disambiguation_names import NAMESET_KEY, probe_marker


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
        if len(kept) == len(variables):  # nothing substituted earlier in the entry
            text = super().process(item, names_context=names_context, context=context, **kwargs)
        else:
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


class FullGiven(str):
    """A given name shown whole where the style initializes (given-name disambiguation, level 2)."""


class DisambiguatedNames:
    """The first names of a citation as ``render.disambiguation`` set them for the work
    (``root.citeledger_names_config``: key → (names shown, given-name level of each)): more names
    before et al. (``disambiguate-add-names``), initials or whole given names on a short form
    (``disambiguate-add-givenname``). As in citeproc-js, the first names of the bibliography entry get
    them too (``root.citeledger_bib_names`` says which), a level never goes below the style's form and
    more names show only where the style truncates. Sort keys are left alone."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        names = dict.get(item.reference, variable) or []
        found = self._names_config(item, context, sort_options) if names else None
        if found == "probe":  # the names as usual, then what disambiguation needs to know of them
            text = super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
            return text + self._probe(names, variable, context) if text else text
        if found is None:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        (shown, levels), area = found
        if area == "bibliography":
            add_names, add_givens = vars(self.get_root()).get("citeledger_bib_names") or (False, False)
            shown, levels = (shown if add_names else None), (levels if add_givens else ())
        attributes = self._et_al_attributes(len(names), shown, context)
        form = self.get_option("form", context, sort_options)
        natural = 0 if form == "short" else 1 if self.get_option("initialize-with", context) is not None else 2
        effective = [max(level, natural) for level in levels]
        if form == "short" and any(effective):
            attributes["form"] = "long"
            effective += [0] * (len(names) - len(effective))
        redo = [i < len(effective) and (effective[i] != natural or "form" in attributes) for i in range(len(names))]
        if not attributes and not any(redo):
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        saved = {name: self.get(name) for name in attributes}
        for name, value in attributes.items():
            self.set(name, value)
        failed = False
        changed = [_at_level(name, effective[i]) if redo[i] else name for i, name in enumerate(names)]
        dict.__setitem__(item.reference, variable, changed)
        try:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        except TypeError:  # citeproc-py cannot join formatted name parts of an inverted long form
            failed = True
        finally:
            dict.__setitem__(item.reference, variable, names)
            for name, value in saved.items():
                if value is None:
                    del self.attrib[name]
                else:
                    self.set(name, value)
        if failed:  # the names as the style has them, rather than none
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)

    def _et_al_attributes(self, count: int, shown: int | None, context) -> dict[str, str]:
        """More names than the style's et-al-use-first, where the style truncates this list."""
        et_al_min, use_first = self._int_option("et-al-min", context), self._int_option("et-al-use-first", context)
        if shown is None or not (count > 1 and et_al_min and use_first and count >= et_al_min) or shown <= use_first:
            return {}
        return {"et-al-min": str(count + 1)} if shown >= count else {"et-al-use-first": str(shown)}

    def _probe(self, names, variable, context) -> str:
        form = self.get_option("form", context)
        initialize = self.get_option("initialize-with", context) is not None
        level = 0 if form == "short" else 1 if initialize else 2
        et_al_min, use_first = self._int_option("et-al-min", context), self._int_option("et-al-use-first", context)
        shown = len(names)
        if len(names) > 1 and et_al_min and use_first and len(names) >= et_al_min:
            shown = min(use_first, len(names))
        return probe_marker(variable, level, shown, initialize)

    def _int_option(self, name, context) -> int | None:
        try:
            return self.get_option(name, context)
        except (TypeError, ValueError):  # not set anywhere
            return None

    def initialize(self, given, mark, context):
        if isinstance(given, FullGiven):
            return str(given)
        return super().initialize(given, mark, context)

    def _names_config(self, item, context, sort_options):
        """"probe", ((names shown, levels), area) for the first names of a rendering, or None."""
        root = self.get_root()
        configs = vars(root).get("citeledger_names_config")
        probing = vars(root).get("citeledger_names_probe")
        if not (configs or probing) or sort_options is not None or vars(root).get("citeledger_sorting"):
            return None
        config = "probe" if probing else configs.get(item.key)
        if config is None or dict.get(item.reference, NAMESET_KEY):
            return None  # only the first names of a rendering are disambiguated
        expr = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
        area = (context if context is not None else self).xpath_search(expr)
        if not area or (probing and not area[0].tag.endswith("}citation")):
            return None
        dict.__setitem__(item.reference, NAMESET_KEY, True)
        return config if probing else (config, "citation" if area[0].tag.endswith("}citation") else "bibliography")


def _at_level(name, level: int):
    """``name`` as given-name level ``level`` shows it: 0 the family name (and its non-dropping
    particle) alone, 1 as the style renders it, 2 with the given name whole."""
    if "literal" in name or not name.get("family"):
        return name
    if level == 0:
        fields = {key: value for key, value in name.items() if key in ("family", "non-dropping-particle")}
    else:
        fields = dict(name.items())
        if level == 2 and fields.get("given"):
            fields["given"] = FullGiven(fields["given"])
    return type(name)(**fields)
