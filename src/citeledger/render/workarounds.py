"""Named, tested fixes for citeproc-py 0.11 gaps, measured against citeproc-js (the CSL reference engine).

This module is the one place that lists them. It does not import citeproc: ``render.engine`` does, and
mixes the element fixes below into citeproc-py's element classes (``build_element_classes``), passing
the citeproc model module in as the class attribute ``cp``. Each fix can be switched off by name
(``engine.format_items(..., workarounds=...)``) so that its test shows the gap it closes.

Each fix is tested by ``tests/test_render_workarounds.py::test_<name with underscores>``, which fails
when the fix is switched off.

| name | citeproc-py gap | fix |
|---|---|---|
| initialize-false | ``initialize="false"`` ignored: ``Chandler, D.`` | keep given names whole |
| second-field-align | no space after the number (``[1]D. Chandler``) | first field apart: space / left margin |
| html-escape | data passes raw into HTML (``&``, ``<``) | escape data as citeproc-js does (``&#38;``) |
| text-case-str | ``AttributeError`` in ``TextCased.case`` on ``str`` | wrap in citeproc ``String`` |
| near-note-distance | ``KeyError: 'near-note-distance'`` | default 5, read from cs:citation |
| label-text-case | ``text-case`` skipped on labels (``trans.``) | case labels in the style's language |
| punctuation-in-quote | ``“Ieng Sary”.`` in en locales | move ``.``/``,`` inside the close quote |
| typographic-quotes | straight ``"``/``'`` kept; `` :`` in French | locale (inner) quotes, ``’``, nbsp |
| year-suffix | no year suffixes (``2003a/2003b``) | suffix colliding works in bibliography order |
| disambiguate-condition | ``cs:if disambiguate`` always true | true only for ambiguous works |
| subsequent-author-substitute | not implemented (``———.``) | replace a repeated names rendering |
| collation-sort | sorted by code point (``Éluard`` after ``Zimmer``) | accent-insensitive sort keys |
| punctuation-merge | ``1993:. Title`` | drop a period after ``: ; ! ?`` |
| trim-entry | entries end in a space after an absent field | strip entry edges (citations kept) |
| substitute-names | substituted names lose their options, print twice | inherit options, suppress repeats |
| is-numeric | ``is-numeric`` false for ``81, 93`` and always for ``locator`` | CSL's definition |
| locator-range | page-range-format not applied to locators | format page locators like ``page`` |
| locale-date-delimiter | localized dates lose their delimiter (``2021Feb17``) | join with the locale date's |
| cite-order | cites re-sorted into bibliography order | keep input order unless cs:sort |
| demote-particle-sort | ``sort-only`` particles kept in macro sort keys | demote them when sorting |
| group-suppression | groups judged statically: ``p. .``, ``translated by .`` | judge what rendered; macros too |
| locale-language-match | ordinals fall back to English (``2nd éd.``) | match ``fr`` with ``fr-FR`` |
| cite-collapse | ``collapse`` ignored | same-names cites share names; number runs ``6–8`` |
| title-case-hyphen | ``Twentieth-century`` in title case | capitalize each hyphen part |
| after-inverted-name | ``delimiter-precedes-*="after-inverted-name"`` read as never | comma after an inverted name |
| sort-separator-space | ``sort-separator="  "`` prints two spaces (``Chandler  D``) | runs of spaces print as one |
| display-left-margin | no space after a ``display="left-margin"`` field (``1993Pol``) | a space, in text output |
| display-layout-suffix | layout opening with ``display``: the last child keeps its suffix | layout suffix replaces it |
| strip-periods-number | ``AttributeError`` for ``strip-periods`` on ``citation-number`` | leave numbers alone |
| quote-period | ``‘Le Mal Cambodgien.’.`` | drop a period after ``.’`` (as citeproc-js) |
| particle-join | ``al- Ghazali``; no ``van der\u00a0Kroef`` in fr/ru/cs styles | join as citeproc-js |
| legacy-ordinal-terms | a style's ``ordinal-01``… without ``ordinal`` win: ``4e éd.`` | locale file's set (``4ᵉ``) |

``structure-cache`` is an optimisation, not a fix: XPath and ``calls_variable`` results cached per element
(tested for identical output and for being used).

Not fixed (yet): ``year-suffix`` collapsing (``2003a, b``), given-name and add-names disambiguation.
"""

from __future__ import annotations

import re
import unicodedata

from citeledger.render.disambiguation import ImplicitYearSuffix, SortWithoutSuffix, SuffixlessSortText

FIELD_SEPARATOR = "\x1f"  # between the first field and the rest, in second-field-align styles
# Quotes found in the data, until the output knows whether they sit inside quotes (then: inner quotes).
OPEN_MARK, CLOSE_MARK = "\ue000", "\ue001"

# name → kind ("element" mixins, "items" preprocessing, "output" postprocessing, "engine" passes)
WORKAROUNDS: dict[str, str] = {
    "initialize-false": "element",
    "second-field-align": "element",
    "html-escape": "items",
    "text-case-str": "element",
    "near-note-distance": "element",
    "label-text-case": "element",
    "punctuation-in-quote": "output",
    "typographic-quotes": "items",
    "year-suffix": "engine",
    "disambiguate-condition": "element",
    "subsequent-author-substitute": "element",
    "collation-sort": "element",
    "trim-entry": "output",
    "punctuation-merge": "output",
    "title-case-hyphen": "element",
    "substitute-names": "element",
    "locale-date-delimiter": "element",
    "cite-order": "element",
    "cite-collapse": "element",
    "is-numeric": "element",
    "locator-range": "element",
    "demote-particle-sort": "element",
    "group-suppression": "element",
    "locale-language-match": "element",
    "after-inverted-name": "element",
    "sort-separator-space": "element",
    "display-left-margin": "element",
    "display-layout-suffix": "element",
    "strip-periods-number": "element",
    "quote-period": "output",
    "legacy-ordinal-terms": "element",
    "particle-join": "element",
    "structure-cache": "speed",
}
ALL = frozenset(WORKAROUNDS)


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


def _variable_counts(element) -> list[int]:
    root = element.getroottree().getroot()
    counts = vars(root).get("citeledger_counts")
    if counts is None:
        counts = root.citeledger_counts = [0, 0]
    return counts


class CountVariables:
    """Count, while rendering, the variables called and those that printed something (for GroupByRender)."""

    def render(self, *args, **kwargs):
        is_text = self.tag.endswith("}text")
        if is_text and self.get("macro") is not None:
            # as citeproc-js: a macro that printed something counts as a variable that printed
            text = super().render(*args, **kwargs)
            if text:
                counts = _variable_counts(self)
                counts[0], counts[1] = counts[0] + 1, counts[1] + 1
            return text
        if is_text and self.get("variable") in (None, "year-suffix"):
            return super().render(*args, **kwargs)
        counts = _variable_counts(self)
        counts[0] += 1
        text = super().render(*args, **kwargs)
        if text:
            counts[1] += 1
        return text


class GroupByRender:
    """A cs:group is suppressed when it called variables and none of them printed, judged on the branch
    of each cs:choose actually taken (citeproc-py judged statically, so ``p. .`` and ``translated by .``
    were printed for absent variables)."""

    def process(self, item, context=None, **kwargs):
        counts = _variable_counts(self)
        called, rendered = counts
        text = super().process(item, context=context, **kwargs)
        if counts[0] > called and counts[1] == rendered:
            raise self.cp.VariableError
        return text


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


class MacroByRender:
    """citeproc-js treats a macro like a group: ``<text term="translator" form="verb"/><names
    variable="translator"/>`` prints nothing when there is no translator."""

    def render(self, item, context=None, sort_options=None):
        counts = _variable_counts(self)
        called, rendered = counts
        text = super().render(item, context=context, sort_options=sort_options)
        if counts[0] > called and counts[1] == rendered:
            return None
        return text


class SecondFieldAlign:
    """Render the first field of a ``second-field-align`` bibliography apart from the rest."""

    def render_bibliography(self, citation_items):
        bibliography = self.getparent()
        if not bibliography.get("second-field-align") or len(self) < 2:
            return super().render_bibliography(citation_items)
        first, *rest = list(self)
        output = []
        for item in citation_items:
            self.repressed = {}
            head = _render_or_none(first, item, self.cp.VariableError)
            parts = [_render_or_none(child, item, self.cp.VariableError) for child in rest]
            tail = self.format(self.wrap(self.cp.join([part for part in parts if part is not None])))
            output.append(tail if head is None else head + FIELD_SEPARATOR + tail)
        return output


class TypographicTerm:
    """Locale terms get typographic apostrophes too (``l’adresse``)."""

    @property
    def single(self):
        return self.cp.String(_APOSTROPHE.sub("’", super().single))

    @property
    def multiple(self):
        return self.cp.String(_APOSTROPHE.sub("’", super().multiple))


def _render_or_none(element, item, missing: type[Exception]):
    try:
        return element.render(item)
    except missing:  # an absent variable, as citeproc-py's own render_children treats it
        return None


class NestedQuotes:
    """Data quotes inside a quoted title become the locale's inner quotes (``“… ‘Khmers rouges’ …”``)."""

    def quote(self, string):
        if self.get("quotes", "false").lower() == "true" and (OPEN_MARK in str(string) or CLOSE_MARK in str(string)):
            inner_open = str(self.get_single_term(name="open-inner-quote")) or "‘"
            inner_close = str(self.get_single_term(name="close-inner-quote")) or "’"
            string = self.cp.String(str(string).replace(OPEN_MARK, inner_open).replace(CLOSE_MARK, inner_close))
        return super().quote(string)


class TextCaseStr:
    """``TextCased.case`` calls String methods; some variables arrive as plain ``str`` (alone or inside a
    MixedString), and empty strings make ``capitalize_first`` raise."""

    def case(self, text, language=None):
        if text is None or not str(text):  # capitalize_first indexes the first character
            return text
        if type(text) is str:
            text = self.cp.String(text)
        elif type(text).__name__ == "MixedString" and any(type(part) is str for part in text):
            text = type(text)([self.cp.String(part) if type(part) is str else part for part in text])
        return super().case(text, language)


class TitleCaseHyphen:
    """Title case capitalizes each part of a hyphenated word, as citeproc-js does."""

    def case(self, text, language=None):
        text = super().case(text, language)
        if self.get("text-case") != "title" or language != "en" or not isinstance(text, str):
            return text
        fixed = re.sub(r"(?<=\w-)([a-z])", lambda m: m.group(1).upper(), str(text))
        return text if fixed == str(text) else self.cp.String(fixed)


class NearNoteDistance:
    """The root ``get_option`` lacks ``near-note-distance``: read it from cs:citation, default 5."""

    def get_option(self, name):
        if name == "near-note-distance":
            citation = self.citation
            return int(citation.get(name, 5)) if citation is not None else 5
        return super().get_option(name)


class LabelTextCase:
    """Labels are cased like the rest of the style (citeproc-py passes no language and skips them)."""

    def markup(self, text):
        if not text:
            return None
        language = (self.get_root().get("default-locale") or "en")[:2]
        return self.wrap(self.format(self.case(self.strip_periods(text), language)))


_CONDITION_TESTS = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position")


class DisambiguateCondition:
    """``cs:if disambiguate="true"`` holds only for works the engine found ambiguous; it combines with
    the element's other tests under ``match`` like any test."""

    def render(self, item, context=None, delimiter="", **kwargs):
        if "disambiguate" not in self.attrib:
            return super().render(item, context=context, delimiter=delimiter, **kwargs)
        ambiguous = self.get_root().citeledger_ambiguous or set()  # None when the engine did not look
        holds = self.get("disambiguate").lower() == "true" and item.key in ambiguous
        match = self.get("match", "all")
        has_others = any(test in self.attrib for test in _CONDITION_TESTS)
        if (match == "none" and holds) or (match == "all" and not holds):
            raise self.cp.ConditionFailed
        if has_others and not (match == "any" and holds):
            return super().render(item, context=context, delimiter=delimiter, **kwargs)
        if not has_others and match == "any" and not holds:
            raise self.cp.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


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


_NUMERIC = re.compile(r"^\s*[a-z]*\d+[a-z]*(\s*[-–,&]\s*[a-z]*\d+[a-z]*)*\s*$", re.IGNORECASE)


class IsNumeric:
    """``is-numeric`` as CSL defines it (``81, 93`` and ``75-100`` are numeric) and for ``locator``."""

    def _is_numeric(self, item):
        results = []
        for variable in self.get("is-numeric").split():
            if variable == "locator":
                value = item.locator.identifier if item.has_locator else None
            else:
                value = dict.get(item.reference, variable.replace("-", "_"))
            results.append(value is not None and bool(_NUMERIC.match(str(value))))
        return results


class LocatorRange:
    """Page locators get the style's page-range-format and delimiter, like the ``page`` variable."""

    def _variable(self, item, context):
        if self.get("variable") == "locator" and item.has_locator and item.locator.label == "page":
            return self._process(self.cp.String(str(item.locator.identifier)), "page")
        return super()._variable(item, context)


class LocaleDateDelimiter:
    """A localized date joins its parts with the locale date's delimiter (``2021 Feb 17``), not the
    calling cs:date's (citeproc-py printed ``2021Feb17``)."""

    def render_single_date(self, date, show_parts=None, context=None):
        if context is None or context is self or not self.is_locale_date():
            return super().render_single_date(date, show_parts, context)
        parts = self.parts(date, show_parts, context)
        return self.cp.join(parts, self.get("delimiter", "")) if parts else None


class CiteOrder:
    """Cites keep the order they were given in unless cs:citation has a cs:sort (citeproc-py first
    sorts them into bibliography order)."""

    def render_citation(self, citation, callback):
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if self.getparent().sort is not None:
            good = self.getparent().sort.sort(good, self)
        rendered = []
        root = self.getroottree().getroot()
        root.citeledger_names = {}  # first names of each cite, for collapsing
        try:
            for item in good:
                self.repressed = {}
                try:
                    output = self.render_children(item)
                except self.cp.VariableError:
                    continue
                if output is not None:
                    rendered.append((item, item.get("prefix", "") + output + item.get("suffix", "")))
                    self.getparent().cites.append(item)
            names = dict(root.citeledger_names)
        finally:
            root.citeledger_names = None
        out = self.collapse_cites(rendered, names)
        out.extend(callback(item) or f"{item.key}?" for item in bad)
        return self.format(self.wrap(self.join(out)))

    def collapse_cites(self, rendered, names) -> list:
        return [text for _, text in rendered]


class CiteCollapse:
    """cs:citation ``collapse``: ``(Chandler 1993, 2000)`` for cites by the same names (``year``,
    ``year-suffix``…), ``[6–8]`` for runs of citation numbers. Needs cite-order."""

    def collapse_cites(self, rendered, names) -> list:
        mode = self.getparent().get("collapse")
        if not mode or len(rendered) < 2:
            return super().collapse_cites(rendered, names)
        if mode == "citation-number":
            return _collapse_numbers(rendered, self.cp.String)
        group_delimiter = self.getparent().get("cite-group-delimiter", ", ")
        after = self.getparent().get("after-collapse-delimiter")
        groups: list[list[str]] = []
        previous = None
        for item, text in rendered:
            first = names.get(item.key)
            if first and first == previous and str(text).startswith(first):
                groups[-1].append(re.sub(r"^[\s,;:]+", "", str(text)[len(first):]))
            else:
                groups.append([str(text)])
            previous = first
        joined = [group_delimiter.join(group) for group in groups]
        if after is None or len(joined) < 2:
            return [self.cp.String(text) for text in joined]
        return [self.cp.String(after.join(joined))]


def _collapse_numbers(rendered, string) -> list:
    """Runs of three or more consecutive citation numbers become ``first–last``."""
    numbers = [(item.number, text) for item, text in rendered]
    if not all(str(text).strip() == str(number) for number, text in numbers):
        return [text for _, text in numbers]
    out, run = [], [numbers[0][0]]
    for number, _ in [*numbers[1:], (None, None)]:
        if number is not None and number == run[-1] + 1:
            run.append(number)
            continue
        out.extend([f"{run[0]}–{run[-1]}"] if len(run) > 2 else [str(n) for n in run])
        run = [number]
    return [string(text) for text in out]


def collation_key(text: str) -> str:
    """Accent- and case-insensitive key, ties broken by the text itself (``Éluard`` before ``Zimmer``)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return base.casefold() + "\x00" + text


class CollationSort:
    def sort_keys(self, items, context):
        keys = super().sort_keys(items, context)
        return [collation_key(str(key)) if isinstance(key, str) else key for key in keys]


class AfterInvertedName:
    """``delimiter-precedes-last`` / ``-et-al`` = ``after-inverted-name``: the delimiter goes in when the
    name before ``and`` (or et al.) is inverted (``Chandler, David, and Ben Kiernan``); citeproc-py
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
    """Runs of spaces in ``sort-separator`` print as one, as in citeproc-js (``Chandler  D`` → ``Chandler D``)."""

    def get_option(self, name, context=None, sort_options=None):
        value = super().get_option(name, context, sort_options)
        if name == "sort-separator" and isinstance(value, str):
            return re.sub(r" {2,}", " ", value)
        return value


class LeftMarginSpace:
    """A ``display="left-margin"`` field is followed by a space in text output, as citeproc-js's
    text format does (``1993 Pol Pot``, not ``1993Pol Pot``). HTML is left as it was."""

    def wrap(self, string):
        text = super().wrap(string)
        if text is None or self.get("display") != "left-margin":
            return text
        if getattr(self.get_formatter(), "name", "text") == "html":
            return text
        return text + " "


class DisplayLayoutSuffix:
    """A bibliography layout whose first child has ``display``: citeproc-js puts the layout's suffix
    in place of the last child's own (``… Plon`` when the layout has none, not ``… Plon.``)."""

    def render_bibliography(self, citation_items):
        children = list(self)
        bibliography = self.getparent()
        if (not children or children[0].get("display") is None or bibliography.get("second-field-align")
                or not bibliography.tag.endswith("}bibliography")):
            return super().render_bibliography(citation_items)
        last, own_suffix, layout_suffix = children[-1], children[-1].get("suffix"), self.get("suffix")
        _set_or_remove(last, "suffix", layout_suffix)
        _set_or_remove(self, "suffix", None)
        try:
            return super().render_bibliography(citation_items)
        finally:
            _set_or_remove(last, "suffix", own_suffix)
            _set_or_remove(self, "suffix", layout_suffix)


def _set_or_remove(element, name: str, value: str | None) -> None:
    if value is None:
        element.attrib.pop(name, None)
    else:
        element.set(name, value)


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


class StripPeriodsNumber:
    """``strip-periods`` on a number (``citation-number``) raised ``AttributeError`` on ``int.replace``."""

    def strip_periods(self, string):
        if isinstance(string, (int, float)):
            return string
        return super().strip_periods(string)


ELEMENT_MIXINS: dict[str, tuple[tuple[str, type], ...]] = {
    "initialize-false": (("name", InitializeFalse),),
    "group-suppression": (("group", GroupByRender), ("macro", MacroByRender), ("text", CountVariables),
                          ("number", CountVariables), ("names", CountVariables), ("date", CountVariables)),
    "second-field-align": (("layout", SecondFieldAlign),),
    "text-case-str": (("text", TextCaseStr), ("label", TextCaseStr), ("date-part", TextCaseStr),
                      ("name-part", TextCaseStr)),
    "title-case-hyphen": (("text", TitleCaseHyphen),),
    "near-note-distance": (("style", NearNoteDistance),),
    "label-text-case": (("label", LabelTextCase),),
    "disambiguate-condition": (("if", DisambiguateCondition), ("else-if", DisambiguateCondition)),
    "subsequent-author-substitute": (("names", RecordFirstNames),),
    "substitute-names": (("names", SubstituteNames), ("substitute", Substituting), ("text", SubstitutedText)),
    "locale-date-delimiter": (("date", LocaleDateDelimiter),),
    "cite-collapse": (("layout", CiteCollapse),),  # before cite-order, whose hook it overrides
    "cite-order": (("layout", CiteOrder),),
    "is-numeric": (("if", IsNumeric), ("else-if", IsNumeric)),
    "locator-range": (("text", LocatorRange),),
    "typographic-quotes": (("term", TypographicTerm), ("text", NestedQuotes)),
    "collation-sort": (("key", CollationSort),),
    "demote-particle-sort": (("name", DemoteParticleInSortKeys), ("key", DemoteParticleKeys)),
    # before locale-language-match, which searches the locales itself
    "legacy-ordinal-terms": (("*", LegacyOrdinalTerms),),
    "locale-language-match": (("*", LocaleLanguageMatch),),
    "year-suffix": (("date-part", ImplicitYearSuffix), ("key", SortWithoutSuffix), ("text", SuffixlessSortText)),
    "after-inverted-name": (("name", AfterInvertedName),),
    "sort-separator-space": (("name", SortSeparatorSpace),),
    "display-left-margin": tuple((tag, LeftMarginSpace) for tag in ("group", "text", "date", "names", "number",
                                                                     "label")),
    "display-layout-suffix": (("layout", DisplayLayoutSuffix),),
    "strip-periods-number": (("text", StripPeriodsNumber),),
    "particle-join": (("name", ParticleJoin),),
}


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


def build_element_classes(base_classes: dict[str, type], model, enabled: frozenset[str]) -> dict[str, type]:
    """tag → element class with the enabled fixes mixed in (``model`` is ``citeproc.model``).
    ``structure-cache`` (an optimisation) goes into every class."""
    mixins: dict[str, list[type]] = {}
    for name, pairs in ELEMENT_MIXINS.items():
        if name in enabled:
            for tag, mixin in pairs:
                mixins.setdefault(tag, []).append(mixin)
    classes = dict(base_classes)
    for tag, base in base_classes.items():
        extra = [*mixins.get(tag, ()), *mixins.get("*", ())]
        if "structure-cache" in enabled:
            extra.append(CachedStructure)
            if hasattr(base, "calls_variable"):
                extra.insert(0, CachedCallsVariable)
        if extra:
            classes[tag] = type(base.__name__, (*extra, base), {"cp": model})
    return classes


# ---- data and output fixes -------------------------------------------------------------------

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_NOCASE = re.compile(r'(<span class="nocase">|</span>)', re.IGNORECASE)
_ENTITIES = {"&": "&#38;", "<": "&#60;", ">": "&#62;"}


def escape_html(text: str) -> str:
    """Escape ``& < >`` the way citeproc-js does, keeping the nocase spans citeproc-py reads."""
    parts = _NOCASE.split(text)
    return "".join(p if _NOCASE.fullmatch(p) else re.sub(r"[&<>]", lambda m: _ENTITIES[m.group()], p) for p in parts)


def typographic_quotes(text: str, open_quote: str, close_quote: str, french: bool = False) -> str:
    """Straight apostrophes become ``’``; pairs of straight double quotes become the locale's quotes;
    in French text a space before ``: ; ! ?`` becomes a narrow no-break space (as citeproc-js does)."""
    text = _APOSTROPHE.sub("’", text)
    text = re.sub(r'"([^"]*)"', lambda m: open_quote + m.group(1) + close_quote, text)
    return re.sub(r" ([:;!?])", "\u202f\\1", text) if french else text


def punctuation_in_quote(text: str, close_quotes: tuple[str, ...]) -> str:
    """``“Ieng Sary”.`` → ``“Ieng Sary.”`` (for locales with ``punctuation-in-quote="true"``)."""
    for quote in close_quotes:
        if quote:  # a quote that already ends in punctuation swallows the mark that follows it
            pattern = r"([.,!?])?" + re.escape(quote) + r"([.,])"
            text = re.sub(pattern, lambda m, q=quote: (m.group(1) or m.group(2)) + q, text)
    return text


def merge_punctuation(text: str) -> str:
    """``1993:. Title`` → ``1993: Title``: a period after ``: ; ! ?`` is dropped, as citeproc-js does."""
    return re.sub(r"(?<=[:;!?])\.(?=\s|$)", "", text)


def merge_quote_period(text: str, close_quotes: tuple[str, ...]) -> str:
    """``‘Le Mal Cambodgien.’.`` → ``‘Le Mal Cambodgien.’``: a period after a close quote that already
    follows one is dropped, as citeproc-js does (``?’.`` and ``.’,`` are kept)."""
    for quote in close_quotes:
        if quote:
            text = re.sub(r"(?<=\.)" + re.escape(quote) + r"\.", quote, text)
    return text


def substitute_subsequent_authors(entries: list[str], names: list[str | None], substitute: str) -> list[str]:
    """Replace the names opening an entry by ``substitute`` when they repeat the previous entry's
    (CSL's default ``complete-all`` rule)."""
    result, previous = [], None
    for entry, first in zip(entries, names, strict=True):
        if first and first == previous and entry.startswith(first):
            entry = substitute + entry[len(first):]
        result.append(entry)
        previous = first
    return result
