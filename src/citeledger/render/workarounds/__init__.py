"""Named, tested fixes for citeproc-py 0.11 gaps, measured against citeproc-js (the CSL reference engine).

This module is the one place that lists them (the table below, ``WORKAROUNDS`` and ``ELEMENT_MIXINS``);
the fixes live in modules of one concern each: ``names``, ``conditions`` (cs:if, group suppression),
``citations``, ``layout`` (second-field-align, ``display``), ``locale``, ``text`` (case, quotes, numbers,
collation), ``title_case``, ``page_ranges``, ``sorting`` (sort keys), ``author_substitute``
(subsequent-author-substitute), ``output`` (string fixes before and after the engine), ``cache`` and ``plans``
(speed). None imports citeproc: ``render.engine`` does, and mixes the element fixes into citeproc-py's
element classes (``build_element_classes``), passing the citeproc model module in as the class attribute
``cp``. Each fix can be switched off by name (``engine.format_items(..., workarounds=...)``) so that its
test shows the gap it closes.

Each fix is tested by ``tests/test_render_workarounds.py::test_<name with underscores>``, which fails
when the fix is switched off.

| name | citeproc-py gap | fix |
|---|---|---|
| initialize-false | ``initialize="false"`` ignored: ``Bizot, F.`` | keep given names whole |
| second-field-align | no space after the number (``[1]F. Bizot``) | first field apart: space / left margin |
| html-escape | data passes raw into HTML (``&``, ``<``) | escape data as citeproc-js does (``&#38;``) |
| text-case-str | ``AttributeError`` in ``TextCased.case`` on ``str`` | wrap in citeproc ``String`` |
| near-note-distance | ``KeyError: 'near-note-distance'`` | default 5, read from cs:citation |
| label-text-case | ``text-case`` skipped on labels (``trans.``) | case labels in the style's language |
| punctuation-in-quote | ``“Le Portail”.`` in en locales | move ``.``/``,`` inside the close quote |
| typographic-quotes | straight ``"``/``'`` kept; `` :`` in French | locale (inner) quotes, ``’``, nbsp |
| year-suffix | no year suffixes (``2003a/2003b``) | suffix colliding works in bibliography order |
| disambiguate-add-names | ``(Brown et al., 2010a)``: lists differing in later names | show names until they differ |
| disambiguate-add-givenname | no given names: ``(Smith, 2005a, 2005b)`` | initials or whole given names |
| disambiguate-condition | ``cs:if disambiguate`` always true | true only for ambiguous works |
| subsequent-author-substitute | not implemented (``———.``) | citeproc-js's, with its rules |
| collation-sort | sorted by code point (``Éluard`` after ``Zimmer``) | accent-insensitive sort keys |
| sort-key-text | keys keep markup, punctuation (``<i>Water``, ``DOE, Jane,``); ``10`` < ``9`` | as citeproc-js |
| sort-key-names | a nested macro's names in display order (``Lee, Hana, Minjun Kim``) | sort order there too |
| punctuation-merge | ``1993:. Title`` | drop a period after ``: ; ! ?`` |
| trim-entry | entries end in a space after an absent field | strip entry edges (citations kept) |
| substitute-names | substituted names lose their options, print twice | inherit options, suppress repeats |
| is-numeric | ``is-numeric`` false for ``81, 93`` and always for ``locator`` | CSL's definition |
| type-any | ``type="chapter article-journal"`` (match all) never holds | any of the types (citeproc-js) |
| locator-range | page-range-format not applied to locators | format page locators like ``page`` |
| page-range-format | ``minimal-two``: ``1-28`` → ``1–8``; short ends kept (``321–28``) | citeproc-js's ranges |
| locale-date-delimiter | localized dates lose their delimiter (``2021Feb17``) | join with the locale date's |
| cite-order | cites re-sorted into bibliography order | keep input order unless cs:sort |
| demote-particle-sort | ``sort-only`` particles kept in macro sort keys | demote them when sorting |
| group-suppression | groups judged statically: ``p. .``, ``translated by .`` | judge what rendered; macros too |
| locale-language-match | ordinals fall back to English (``2nd éd.``) | match ``fr`` with ``fr-FR`` |
| cite-collapse | ``collapse`` ignored | same-names cites share names; number runs ``6–8`` |
| year-suffix-collapse | ``collapse="year-suffix"``: ``(Doe 2003a, 2003b)`` | ``(Doe 2003a, b)``, ranged ``2003a–c`` |
| title-case | ``Twentieth-century``; ``After``, ``Under`` (26 stop words) | citeproc-js's words and stop words |
| after-inverted-name | ``delimiter-precedes-*="after-inverted-name"`` read as never | comma after an inverted name |
| sort-separator-space | ``sort-separator="  "`` prints two spaces (``Bizot  F``) | runs of spaces print as one |
| display-left-margin | no space after a ``display="left-margin"`` field (``1993Pol``) | a space, in text output |
| display-layout-suffix | layout opening with ``display``: the last child keeps its suffix | layout suffix replaces it |
| strip-periods-number | ``AttributeError`` for ``strip-periods`` on ``citation-number`` | leave numbers alone |
| quote-period | ``‘Le Portail.’.`` | drop a period after ``.’`` (as citeproc-js) |
| particle-join | ``al- Ghazali``; no ``van der\u00a0Kroef`` in fr/ru/cs styles | join as citeproc-js |
| legacy-ordinal-terms | a style's ``ordinal-01``… without ``ordinal`` win: ``4e éd.`` | locale file's set (``4ᵉ``) |

``structure-cache`` is an optimisation, not a fix: XPath, ``calls_variable``, child and option lookups
cached per element (``cache``); cs:choose tested from plans, and citeproc-py's cs:name options and cs:text
language re-expressed without the exceptions it raises and catches (``plans``). Tested for identical
output and for being used (``tests/test_render_speed_paths.py``).

Disambiguation (``render.disambiguation``) is a port of citeproc-js's: added names and given names
(document-wide for the ``all-names``/``primary-name`` rules, and in the bibliography entry as citeproc-js
does), year suffixes, then the ``disambiguate`` condition (citeproc-js's order), all or nothing for the
condition; only the first names a citation renders are disambiguated.

Not fixed (yet): citeproc-js's punctuation at some joins (``Grasset.; 2011``, kept double spaces ``Un.  o. O.``);
``display`` in HTML output (no ``csl-block``/``csl-left-margin`` divs); ``particle-join`` for a cs:names
without a cs:name child; punctuation-in-quote also moves a comma into quotes a style prints as affixes
(``‘Ieng Sary,’``; citeproc-js only into ``quotes="true"``); particles under a name part's text-case
(``GAULLE, Charles De``); citeproc-js's order of collapsed cites (``(Chandler 1993, 2000)`` under a
descending key); sort keys compare as citeproc-js without its locale's collation tailoring.
"""

from __future__ import annotations

from citeledger.render.parallel import ParallelSort, ParallelSortKeys
from citeledger.render.workarounds.author_substitute import (
    RecordFirstNames,
    ShownNames,
    substitute_subsequent_authors,
)
from citeledger.render.workarounds.cache import CachedCallsVariable, CachedStructure, CachedTermTexts, pin_elements
from citeledger.render.workarounds.citations import CiteCollapse, CiteOrder, NearNoteDistance, YearSuffixCollapse
from citeledger.render.workarounds.conditions import (
    CountVariables,
    DisambiguateCondition,
    GroupByRender,
    IsNumeric,
    MacroByRender,
    TypeAnyOf,
)
from citeledger.render.workarounds.layout import DisplayLayoutSuffix, LeftMarginSpace, SecondFieldAlign
from citeledger.render.workarounds.locale import (
    LegacyOrdinalTerms,
    LocaleDateDelimiter,
    LocaleLanguageMatch,
    TypographicTerm,
)
from citeledger.render.workarounds.names import (
    AfterInvertedName,
    DemoteParticleInSortKeys,
    DemoteParticleKeys,
    DisambiguatedNames,
    InitializeFalse,
    ParticleJoin,
    SortSeparatorSpace,
    SubstitutedText,
    SubstituteNames,
    Substituting,
)
from citeledger.render.workarounds.output import (
    CLOSE_MARK,
    FIELD_SEPARATOR,
    OPEN_MARK,
    escape_html,
    merge_punctuation,
    merge_quote_period,
    punctuation_in_quote,
    typographic_quotes,
)
from citeledger.render.workarounds.page_ranges import PageRangeFormat
from citeledger.render.workarounds.plans import NameOptionsWithoutRaising, PlannedCondition, TextLanguageWithoutRaising
from citeledger.render.workarounds.sorting import PlainSortKeys, SortOptionsInMacros
from citeledger.render.workarounds.text import (
    CollationSort,
    LabelTextCase,
    LocatorRange,
    NestedQuotes,
    StripPeriodsNumber,
    TextCaseStr,
    collation_key,
)
from citeledger.render.workarounds.title_case import TitleCase
from citeledger.render.year_suffix import ImplicitYearSuffix, SortWithoutSuffix, SuffixlessSortText

__all__ = [  # what the engine, item preparation and tests use
    "ALL", "CLOSE_MARK", "ELEMENT_MIXINS", "FIELD_SEPARATOR", "OPEN_MARK", "WORKAROUNDS", "build_element_classes",
    "collation_key", "escape_html", "merge_punctuation", "merge_quote_period", "pin_elements", "punctuation_in_quote",
    "substitute_subsequent_authors", "typographic_quotes",
]


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
    "disambiguate-add-names": "element",
    "disambiguate-add-givenname": "element",
    "disambiguate-condition": "element",
    "subsequent-author-substitute": "element",
    "collation-sort": "element",
    "sort-key-text": "element",
    "sort-key-names": "element",
    "trim-entry": "output",
    "punctuation-merge": "output",
    "title-case": "element",
    "substitute-names": "element",
    "locale-date-delimiter": "element",
    "cite-order": "element",
    "cite-collapse": "element",
    "year-suffix-collapse": "element",
    "is-numeric": "element",
    "type-any": "element",
    "locator-range": "element",
    "page-range-format": "element",
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


ELEMENT_MIXINS: dict[str, tuple[tuple[str, type], ...]] = {
    # first, so that the names it sets are what the other name fixes see (one mixin, two switches)
    "disambiguate-add-names": (("name", DisambiguatedNames),),
    "disambiguate-add-givenname": (("name", DisambiguatedNames),),
    "initialize-false": (("name", InitializeFalse),),
    "group-suppression": (("group", GroupByRender), ("macro", MacroByRender), ("text", CountVariables),
                          ("number", CountVariables), ("names", CountVariables), ("date", CountVariables)),
    "second-field-align": (("layout", SecondFieldAlign),),
    "text-case-str": (("text", TextCaseStr), ("label", TextCaseStr), ("date-part", TextCaseStr),
                      ("name-part", TextCaseStr)),
    "title-case": tuple((tag, TitleCase) for tag in ("text", "label", "date-part", "name-part")),
    "near-note-distance": (("style", NearNoteDistance),),
    "label-text-case": (("label", LabelTextCase),),
    "disambiguate-condition": (("if", DisambiguateCondition), ("else-if", DisambiguateCondition)),
    "subsequent-author-substitute": (("names", RecordFirstNames), ("name", ShownNames)),
    "substitute-names": (("names", SubstituteNames), ("substitute", Substituting), ("text", SubstitutedText)),
    "locale-date-delimiter": (("date", LocaleDateDelimiter),),
    "year-suffix-collapse": (("layout", YearSuffixCollapse),),  # before cite-collapse, whose hook it overrides
    "cite-collapse": (("layout", CiteCollapse),),  # before cite-order, whose hook it overrides
    "cite-order": (("layout", CiteOrder),),
    "is-numeric": (("if", IsNumeric), ("else-if", IsNumeric)),
    "type-any": (("if", TypeAnyOf), ("else-if", TypeAnyOf)),
    "locator-range": (("text", LocatorRange),),
    "page-range-format": (("text", PageRangeFormat), ("number", PageRangeFormat)),
    "typographic-quotes": (("term", TypographicTerm), ("text", NestedQuotes)),
    "collation-sort": (("key", CollationSort),),
    # inside collation-sort (which folds what it returns), outside the key fixes that read the rendered text
    "sort-key-text": (("key", PlainSortKeys),),
    "sort-key-names": (("text", SortOptionsInMacros),),
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


# speed: citeproc-py's own method without its internal exceptions, right above the engine's class
SPEED_BELOW_FIXES: dict[str, tuple[type, ...]] = {"name": (NameOptionsWithoutRaising,),
                                                  "text": (TextLanguageWithoutRaising,)}


def build_element_classes(base_classes: dict[str, type], model, enabled: frozenset[str]) -> dict[str, type]:
    """tag → element class with the enabled fixes mixed in (``model`` is ``citeproc.model``).
    ``structure-cache`` (an optimisation) goes into every class; cs:key computes long lists of macro sort
    keys in parallel (``render.parallel``), outside the fixes, which then run in the workers."""
    mixins: dict[str, list[type]] = {}
    for name, pairs in ELEMENT_MIXINS.items():
        if name in enabled:
            for tag, mixin in pairs:
                if mixin not in mixins.setdefault(tag, []):
                    mixins[tag].append(mixin)
    classes = dict(base_classes)
    for tag, base in base_classes.items():
        extra = [*mixins.get(tag, ()), *mixins.get("*", ())]
        if tag == "key":
            extra.insert(0, ParallelSortKeys)
        if tag == "sort":
            extra.insert(0, ParallelSort)
        if "structure-cache" in enabled:
            if tag == "term":
                extra.insert(0, CachedTermTexts)
            if tag in ("if", "else-if"):
                extra.append(PlannedCondition)
            extra.append(CachedStructure)
            extra += SPEED_BELOW_FIXES.get(tag, ())
            if hasattr(base, "calls_variable"):
                extra.insert(0, CachedCallsVariable)
        if extra:
            classes[tag] = type(base.__name__, (*extra, base), {"cp": model})
    return classes
