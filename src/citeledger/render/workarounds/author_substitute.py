"""``subsequent-author-substitute`` as citeproc-js applies it (citeproc-py does not implement it).

The first names each bibliography entry renders are recorded (``RecordFirstNames``, also used for
collapsing citations), and ``substitute_subsequent_authors`` replaces them once the entries are in
order. As in citeproc-js, names repeat when their data repeat (``Wang, L.`` for Li and for Lei does
not), comparing the names shown (before et al.); the rule decides what is replaced: ``complete-all``
(the default) the whole names, ``complete-each`` each name of a list that repeats whole, and
``partial-each``/``partial-first`` the names (or only the first) the list shares from its start with
the previous entry's. Each entry's names are followed by ``SUBSTITUTE_END`` until then, so that the
punctuation after them survives a substitution (``———.`` where ``Taylor, Ruth, et al.`` absorbed the
period); without a substitution, the mark goes and the punctuation merges as the engine merges it.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

from dataclasses import dataclass

from citeledger.render.disambiguation_names import NAMESET_KEY

SUBSTITUTE_END = "\ue021"  # after an entry's first names, until substitute_subsequent_authors
_SEAM_PUNCTUATION = ".,;:!?"  # citeproc-py's normalize_seam: one of two such marks meeting is dropped
_PARTS = ("non-dropping-particle", "family", "given", "dropping-particle", "suffix", "literal")


@dataclass(frozen=True)
class FirstNames:
    """An entry's first names: as rendered, as data (the names shown), and how the style substitutes."""

    text: str
    people: tuple[str, ...]
    rule: str = "complete-all"
    each: tuple[str, ...] = ()  # the rendering with its first 1, 2, … names replaced (partial-*, complete-each)
    affixes: tuple[str, str] = ("", "")  # the cs:names element's prefix and suffix, kept around the substitute


class RecordFirstNames:
    """cs:names mixin: remember the first names rendering of each entry (``root.citeledger_names``, key →
    its text in citations, a ``FirstNames`` in a bibliography that substitutes)."""

    def render(self, item, *args, **kwargs):
        root = self.get_root()
        state = root.citeledger_names
        if state is None or item.key in state:
            return super().render(item, *args, **kwargs)
        context = kwargs.get("context")
        nameset, layout = dict.get(item.reference, NAMESET_KEY), _layout_of(context if context is not None else self)
        repressed = {tag: list(names) for tag, names in _repressed(layout).items()}
        outer_shown, root.citeledger_shown = vars(root).get("citeledger_shown"), []
        try:
            text = super().render(item, *args, **kwargs)
            shown = root.citeledger_shown
        finally:
            root.citeledger_shown = outer_shown
        if not text or item.key in state:  # nothing, or names that a cs:substitute inside rendered (and recorded)
            return text
        bibliography = root.bibliography
        substitute = bibliography.get("subsequent-author-substitute") if bibliography is not None else None
        if substitute is None or not shown or not _in_bibliography(self, context):
            state[item.key] = str(text)
            return text
        before = (nameset, layout, repressed)  # what the first names rendering saw, for rendering them again
        state[item.key] = self._first_names(item, str(text), shown, substitute, before, args, kwargs)
        return text + self.cp.String(SUBSTITUTE_END)

    def _first_names(self, item, text: str, shown, substitute: str, before, args, kwargs) -> FirstNames:
        """``shown``: (variable, how many of its names printed) for each variable rendered."""
        rule = (self.get_root().bibliography.get("subsequent-author-substitute-rule") or "complete-all").lower()
        people = tuple(
            "".join(str(name.get(part) or "") for part in _PARTS)
            for variable, count in shown
            for name in dict.get(item.reference, variable)[:count]
        )
        each = ()
        if rule != "complete-all":
            variable, count = shown[0]
            each = tuple(
                self._replaced(item, variable, n, substitute, before, args, kwargs) for n in range(1, count + 1)
            )
        return FirstNames(text, people, rule, each, (self.get("prefix", ""), self.get("suffix", "")))

    def _replaced(self, item, variable: str, count: int, substitute: str, before, args, kwargs) -> str:
        """The names rendered again, as the first time (disambiguated, nothing yet substituted in the
        entry), with the first ``count`` of ``variable`` as the substitute ("" if that fails)."""
        nameset, layout, repressed = before
        names = dict.get(item.reference, variable)
        replaced = [type(name)(literal=substitute) for name in names[:count]] + list(names[count:])
        after = dict.get(item.reference, NAMESET_KEY), _repressed(layout)
        dict.__setitem__(item.reference, variable, replaced)
        _set_nameset(item, nameset)
        if layout is not None:
            layout.repressed = {tag: list(names) for tag, names in repressed.items()}
        try:
            return str(super().render(item, *args, **kwargs) or "")
        except self.cp.VariableError:
            return ""
        finally:
            dict.__setitem__(item.reference, variable, names)
            _set_nameset(item, after[0])
            if layout is not None:
                layout.repressed = after[1]


class ShownNames:
    """cs:name mixin: while an entry's first names render (``root.citeledger_shown`` is a list), record
    for each variable how many of its names printed before et al., with the et-al options in force
    (disambiguation may show more names than the style)."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        text = super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        shown = vars(self.get_root()).get("citeledger_shown")
        if shown is None or sort_options is not None or not text or self.get("form") == "count":
            return text
        count = len(dict.get(item.reference, variable) or ())
        try:
            et_al_min, use_first = self.get_option("et-al-min", context), self.get_option("et-al-use-first", context)
        except (TypeError, ValueError, IndexError):  # not set anywhere (or no cs:bibliography to ask)
            et_al_min = use_first = None
        shown.append((variable, use_first if et_al_min and use_first and count >= et_al_min else count))
        return text


def _repressed(layout) -> dict:
    """The variables the layout has printed through cs:substitute (``{}`` before it renders)."""
    return vars(layout).get("repressed") or {} if layout is not None else {}


def _set_nameset(item, value) -> None:
    if value is None:
        dict.pop(item.reference, NAMESET_KEY, None)
    else:
        dict.__setitem__(item.reference, NAMESET_KEY, value)


def _layout_of(element):
    found = element.xpath_search("./ancestor-or-self::cs:layout[1]")
    return found[0] if found else None


def _in_bibliography(element, context) -> bool:
    expr = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
    found = (context if context is not None else element).xpath_search(expr)
    return bool(found) and found[0].tag.endswith("}bibliography")


def substitute_subsequent_authors(entries: list[str], names: list, substitute: str) -> list[str]:
    """Replace the names opening an entry by ``substitute`` where they repeat the previous entry's, by
    the style's rule (``names``: each entry's ``FirstNames``, its names text, or None)."""
    result, previous = [], None
    for entry, first in zip(entries, names, strict=True):
        if isinstance(first, FirstNames):
            entry = _substituted(entry, first, previous, substitute)
            previous = first.people
        elif isinstance(first, str):  # recorded without the style's rule (a citation's names)
            if first == previous and entry.startswith(first):
                entry = substitute + entry[len(first) :]
            previous = first
        result.append(_without_marks(entry))
    return result


def _substituted(entry: str, first: FirstNames, previous: tuple[str, ...] | None, substitute: str) -> str:
    marked = first.text + SUBSTITUTE_END
    if not previous or not entry.startswith(marked):
        return entry
    rest = entry[len(marked) :]
    if first.rule in ("partial-each", "partial-first"):
        shared = 0
        while shared < min(len(first.people), len(previous)) and first.people[shared] == previous[shared]:
            shared += 1
        shared = min(shared, 1) if first.rule == "partial-first" else shared
        replaced = first.each[shared - 1] if 0 < shared <= len(first.each) else ""
        return replaced + SUBSTITUTE_END + rest if replaced else entry
    if first.people != previous:
        return entry
    if first.rule == "complete-each":
        return first.each[-1] + SUBSTITUTE_END + rest if first.each and first.each[-1] else entry
    prefix, suffix = first.affixes
    return prefix + substitute + suffix + SUBSTITUTE_END + rest


def _without_marks(entry: str) -> str:
    """The entry without ``SUBSTITUTE_END``; where one stood, punctuation merges as in the engine."""
    while SUBSTITUTE_END in entry:
        left, _, right = entry.partition(SUBSTITUTE_END)
        if left and right and left[-1] == right[0] and right[0] in _SEAM_PUNCTUATION + " ":
            right = right[1:]
        entry = left + right
    return entry
