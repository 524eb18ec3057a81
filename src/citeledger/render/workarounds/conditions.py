"""Conditions and suppression: cs:if tests (``disambiguate``, ``is-numeric``) and groups or
macros judged on what rendered.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import re

from citeledger.render.workarounds.plans import PLANNED_TESTS, tests_hold


def _variable_counts(element) -> list[int]:
    """The [called, printed] counters of the element's tree (one pair per tree, kept on its root)."""
    root = element.citeledger_root  # the structure cache pins each element with its root
    if root is None:
        root = element.getroottree().getroot()
    counts = vars(root).get("citeledger_counts")
    if counts is None:
        counts = root.citeledger_counts = [0, 0]
    return counts


class CountVariables:
    """Count, while rendering, the variables called and those that printed something (for GroupByRender)."""

    citeledger_root = None  # set by the structure cache (``cache.pin_elements``)
    citeledger_counting = None  # see _counting

    def render(self, *args, **kwargs):
        counting = self.citeledger_counting
        if counting is None:  # read once per element (pinned elements keep it)
            counting = self.citeledger_counting = _counting(self)
        if counting == "macro":
            # as citeproc-js: a macro that printed something counts as a variable that printed
            text = super().render(*args, **kwargs)
            if text:
                counts = _variable_counts(self)
                counts[0], counts[1] = counts[0] + 1, counts[1] + 1
            return text
        if counting == "no":
            return super().render(*args, **kwargs)
        counts = _variable_counts(self)
        counts[0] += 1
        text = super().render(*args, **kwargs)
        if text:
            counts[1] += 1
        return text


def _counting(element) -> str:
    """How a rendering of ``element`` counts: "macro" (a cs:text macro), "no" (a cs:text of a term, a
    value or the year suffix) or "variable"."""
    if element.tag.endswith("}text"):
        if element.get("macro") is not None:
            return "macro"
        if element.get("variable") in (None, "year-suffix"):
            return "no"
    return "variable"


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


_CONDITION_TESTS = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position")


class DisambiguateCondition:
    """``cs:if disambiguate="true"`` holds only for works the engine found ambiguous; it combines with
    the element's other tests under ``match`` like any test."""

    @staticmethod
    def render_passes_through(element) -> bool:  # for the structure cache's planned cs:choose
        return "disambiguate" not in element.attrib

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


class TypeAnyOf:
    """``cs:if type="chapter article-journal"`` holds for an item of any of the types, as in citeproc-js,
    whatever ``match`` says (it combines the type test with the element's other tests); citeproc-py's
    default ``match="all"`` asked for every type, so such a branch never held."""

    def _type(self, item):
        return [item.reference.type in [kind.lower() for kind in self.get("type").split()]]

    @staticmethod
    def render_passes_through(element) -> bool:  # for the structure cache's planned cs:choose
        # called by class below: DisambiguateCondition, before this class, has a method of that name too
        return len(element.get("type", "").split()) < 2 or not set(element.attrib) <= PLANNED_TESTS

    citeledger_type_any = None  # the element's plan, read once (see _plan)

    def planned_test(self, item) -> bool | None:
        """Whether the tests hold (the structure cache's planned cs:choose asks this instead of rendering)."""
        plan = self._plan()
        if not plan:
            return super().planned_test(item)
        types, variables, match = plan
        reference = item.reference
        results = [reference.type in types]
        for name in variables:
            results.append(("locator" in item) if name == "locator" else (name in reference))
        return tests_hold(results, match)

    def render(self, item, context=None, delimiter="", **kwargs):
        if not self._plan():
            return super().render(item, context=context, delimiter=delimiter, **kwargs)
        if not self.planned_test(item):
            raise self.cp.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _plan(self) -> tuple | bool:
        """(types, variables, match) when this fix decides the element, else False."""
        plan = self.citeledger_type_any
        if plan is None:
            plan = not TypeAnyOf.render_passes_through(self) and (
                self.get("type", "").lower().split(), self.get("variable", "").replace("-", "_").split(),
                self.get("match", "all"))
            self.citeledger_type_any = plan
        return plan
