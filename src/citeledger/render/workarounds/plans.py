"""Speed, not correctness: the ``structure-cache`` paths that replace the engine's work rather than
caching it -- a cs:choose tested from plans, options answered once, and citeproc-py's own methods
re-expressed without the exceptions they raise and catch. Each gives the same result as the path it
replaces (``tests/test_render_speed_paths.py``).

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

# the attributes a plan covers (``disambiguate`` is the disambiguate-condition fix's, which runs before)
PLANNED_TESTS = frozenset({"type", "variable", "match", "disambiguate"})


def tests_hold(results: list[bool], match: str | None) -> bool:
    """Combine a condition's test results as CSL's ``match`` says (``all`` by default)."""
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


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
        return tests_hold(results, match)


def plan_choose(choose) -> None:
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


def remember_options(context) -> None:
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
    if not set(attrib) <= PLANNED_TESTS:
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
