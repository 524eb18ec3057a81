"""Citation disambiguation that citeproc-py lacks: added names, added given names, the ``disambiguate``
condition and year suffixes.

As citeproc-js (the CSL reference engine) does it: render the citation of each work alone; works whose
citations collide are *ambiguous* and are disambiguated group by group (``_Group``, a port of
citeproc-js's ``CSL.Disambiguation``): more names of an et-al list and fuller given names
(``disambiguate-add-names``, ``disambiguate-add-givenname`` with the ``by-cite`` rule), then year
suffixes, then ``cs:if disambiguate="true"`` (citeproc-js's default order, which puts the year suffix
before the condition that CSL lists third). With the other given-name rules (``all-names``,
``primary-name``, their ``-with-initials`` forms) a name is shown with initials or whole wherever the
document cites another person of the same family name (``names.global_name_levels``).

No citeproc import: the engine passes ``render_each(keys) -> [text or None, …]``, which renders each
work's citation alone in the current state. All the state lives on the style root and the references
(``root.citeledger_names_config``, ``root.citeledger_ambiguous``, the year suffixes), so the engine may
render in parallel.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from citeledger.keys import suffix_letters
from citeledger.render import disambiguation_names as names
from citeledger.render import parallel
from citeledger.render.year_suffix import USED_KEY, set_suffix

NAMESET_KEY = names.NAMESET_KEY

RenderEach = Callable[[Sequence[str]], Sequence[str | None]]


@dataclass
class Config:
    """citeproc-js's ``AmbigConfig`` for the first names of a cite: how many names are shown, the
    given-name level of each (0 family only, 1 initials, 2 whole), the condition, the year suffix."""

    names: int
    givens: list[int]
    disambiguate: int = 0
    year_suffix: int | None = None

    def copy(self) -> Config:
        return replace(self, givens=list(self.givens))


@dataclass
class _Options:
    """What the style asks for (and the workarounds allow); ``modes`` are the steps in citeproc-js's
    order: names (added names, by-cite given names), years, the condition."""

    add_names: bool
    add_givenname: bool
    rule: str
    year_suffix: bool
    condition: bool
    modes: list[str] = field(default_factory=list)


def _options(root, enabled: frozenset[str]) -> _Options:
    citation = root.citation

    def flag(name: str) -> bool:
        return (citation.get(name) or "false").lower() == "true"

    options = _Options(
        add_names=flag("disambiguate-add-names") and "disambiguate-add-names" in enabled,
        add_givenname=flag("disambiguate-add-givenname") and "disambiguate-add-givenname" in enabled,
        rule=citation.get("givenname-disambiguation-rule") or "by-cite",
        year_suffix=flag("disambiguate-add-year-suffix") and "year-suffix" in enabled,
        condition="disambiguate-condition" in enabled and bool(root.xpath_search("//cs:*[@disambiguate='true']")),
    )
    if options.add_names or (options.add_givenname and options.rule == "by-cite"):
        options.modes.append("names")
    if options.year_suffix:
        options.modes.append("years")
    if options.condition:
        options.modes.append("condition")
    return options


class _State:
    """The configs of all works, written onto the root before each batch rendering."""

    def __init__(self, root, references, infos: dict[str, names.NameInfo], options: _Options, render_each):
        self.root, self.references, self.infos, self.options = root, references, infos, options
        self.render_each = render_each
        self.final: dict[str, Config] = {}

    def render(self, keys: Sequence[str], config: Config) -> list[str | None]:
        """Each of ``keys`` rendered alone with ``config`` (citeproc-js's getAmbiguousCite)."""
        saved = {key: self.final.get(key) for key in keys}
        for key in keys:
            self.final[key] = config
        self.apply(keys)
        try:
            return list(self.render_each(keys))
        finally:
            self.final.update(saved)
            self.apply(keys)

    def apply(self, keys: Sequence[str] | None = None) -> None:
        """Write the configs of ``keys`` (default: all) onto the root, where the renderings read them."""
        if keys is None:
            self.root.citeledger_names_config, self.root.citeledger_ambiguous = {}, set()
            keys = list(self.final)
        names_config, ambiguous = self.root.citeledger_names_config, self.root.citeledger_ambiguous
        for key in keys:
            config = self.final.get(key)
            names_config.pop(key, None)
            ambiguous.discard(key)
            if config is None:
                continue
            if key in self.infos:
                names_config[key] = (config.names, tuple(names.levels(self.infos[key], config.names, config.givens,
                                                                      self.options)))
            if config.disambiguate:
                ambiguous.add(key)


def _collisions(keys: Sequence[str], texts: Sequence[str | None]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for key, text in zip(keys, texts, strict=True):
        groups[text if text else f"\x00{key}"].append(key)
    return [group for group in groups.values() if len(group) > 1]


def disambiguate(keys: Sequence[str], render_each: RenderEach, root, references, enabled: frozenset[str]) -> None:
    """Disambiguate the citations of the works ``keys`` (in bibliography order; ``references`` maps
    key → citeproc Reference, in input order): the names shown, the ``disambiguate`` condition
    (``root.citeledger_ambiguous``) and year suffixes, as citeproc-js does."""
    root.citeledger_ambiguous = set()
    root.citeledger_names_config = {}
    options = _options(root, enabled)
    root.citeledger_bib_names = (options.add_names, options.add_givenname)
    if not options.modes and not options.add_givenname:
        return
    wanted = set(keys)
    order = [key for key in references if key in wanted]  # citeproc-js registers in input order
    root.citeledger_names_probe = True
    try:
        probed = render_each(order)
    finally:
        root.citeledger_names_probe = False
    infos = names.name_infos(order, probed, references)
    texts = [names.strip_markers(text) for text in probed]  # each citation as the style has it
    if options.add_givenname and options.rule != "by-cite":
        names.global_name_levels(infos, options.rule, root)
        texts = None  # the document-wide levels change the renderings
    state = _State(root, references, infos, options, render_each)
    for key in order:
        info = infos.get(key)
        state.final[key] = (Config(info.shown, [info.floor(j, options) for j in range(info.shown)]) if info
                            else Config(0, []))
    state.apply()
    if not options.modes:
        return
    groups = _collisions(order, texts if texts is not None else render_each(order))
    rank = {key: index for index, key in enumerate(keys)}

    def settle(chunk: Sequence[list[str]]) -> list[list[tuple[str, Config]]]:
        """Run each group; its works' final configs. Groups share no work and a work's citation
        depends on its own config only, so chunks of groups may run in separate processes."""
        for group in chunk:
            _Group(state, group, rank).run()
        return [[(key, state.final[key]) for key in group] for group in chunk]

    for settled in parallel.map_chunks(settle, groups, jobs=vars(root).get("citeledger_jobs", 1)):
        state.final.update(settled)
    state.apply()
    explicit = bool(root.xpath_search("//cs:text[@variable='year-suffix']"))
    for key, config in state.final.items():
        if config is not None and config.year_suffix is not None:
            set_suffix(references[key], suffix_letters(config.year_suffix), explicit)


class _Group:
    """One group of colliding works, disambiguated as citeproc-js's ``CSL.Disambiguation`` does (its
    ``runDisambig``, ``scanItems``, ``disNames``, ``disYears``, ``disExtraText``, ``incrementDisambig``):
    one config for all the works of a list is pushed forward step by step; a work whose citation
    stops colliding is registered with the best config so far (``better``)."""

    def __init__(self, state: _State, group: list[str], rank: dict[str, int]):
        self.state, self.rank, self.modes = state, rank, state.options.modes
        infos = state.infos
        first = state.final[group[0]]
        self.base = first.copy()
        for key in group[1:]:
            other = state.final[key]
            if other.names > self.base.names:
                self.base.names, self.base.givens = other.names, list(other.givens)
        self.base.disambiguate, self.base.year_suffix = 0, None
        self.better = self.base.copy()
        maxima = {key: infos[key].total if key in infos else 0 for key in group}
        ordered = sorted(group, key=lambda key: (maxima[key], key))
        self.lists: list[tuple[Config, list[str]]] = [(self.base, ordered)]
        self.names_max = maxima[ordered[0]]
        options = state.options
        self.givens_max = 2 if options.rule == "by-cite" and options.add_givenname else None
        self.mode_index = 0
        self.init_givens = True
        self.gname = 0
        self.clashes = [1, 0]
        self.partners: list[str] = []
        self.nonpartners: list[str] = []

    def register(self, key: str, config: Config) -> None:
        self.state.final[key] = config.copy()

    def run(self) -> None:
        while self.lists:
            self.gname, self.clashes = 0, [1, 0]
            while self.lists[0][1]:
                maxed = self.increment()
                self.scan(self.lists[0][1])
                getattr(self, f"by_{self.modes[self.mode_index]}")(maxed)
                if maxed:
                    if self.mode_index < len(self.modes) - 1:
                        self.mode_index += 1
                    else:
                        self._set_list(1, (self.base, []))
            self.lists = self.lists[1:]

    def _set_list(self, position: int, value: tuple[Config, list[str]]) -> None:
        if position < len(self.lists):
            self.lists[position] = value
        else:
            self.lists.append(value)

    def scan(self, keys: list[str]) -> None:
        texts = self.state.render(keys, self.base)
        self.partners, self.nonpartners = [keys[0]], []
        for key, text in zip(keys[1:], texts[1:], strict=True):
            (self.partners if text == texts[0] else self.nonpartners).append(key)
        self.clashes = [self.clashes[1], len(self.partners) - 1]

    def increment(self) -> bool:
        if self.init_givens:
            self.init_givens = False
            return False
        mode = self.modes[self.mode_index]
        if mode == "condition":
            self.base.disambiguate += 1
            self.better.disambiguate += 1
            return False
        if mode != "names":
            return False
        givens = self.base.givens
        grow_names = self.givens_max is None
        if self.givens_max is not None:  # a name added later has no level yet: it is not raised
            if self.gname < len(givens) and givens[self.gname] < self.givens_max:
                givens[self.gname] += 1
            else:
                grow_names = True
        if grow_names and self.state.options.add_names and self.gname < self.names_max:
            self.base.names += 1
            self.gname += 1
        names_done = not self.state.options.add_names or self.gname == self.names_max
        givens_done = self.givens_max is None or self.gname >= len(givens) or givens[self.gname] == self.givens_max
        return names_done and givens_done

    def capture(self) -> None:
        """citeproc-js's captureStepToBase: the step just taken becomes part of the best config."""
        if self.state.options.rule == "by-cite" and self.gname < len(self.base.givens):
            _pad(self.better.givens, self.gname + 1)
            self.better.givens[self.gname] = self.base.givens[self.gname]
        self.better.names = self.base.names

    def by_names(self, maxed: bool) -> None:
        clashes, partners, nonpartners = self.clashes[1], self.partners, self.nonpartners
        if clashes == 0 and len(nonpartners) == 1:
            self.capture()
            self.register(nonpartners[0], self.better)
            self.register(partners[0], self.better)
            self.lists[0] = (self.better, [])
        elif clashes == 0:
            self.capture()
            self.register(partners[0], self.better)
            self.lists[0] = (self.better, nonpartners)
            if nonpartners:
                self.init_givens = True
        elif len(nonpartners) == 1:
            self.capture()
            self.register(nonpartners[0], self.better)
            self.lists[0] = (self.better, partners)
        elif clashes < self.clashes[0]:
            self.capture()
            self.lists[0] = (self.better, partners)
            self.lists.append((self.better, nonpartners))
        elif maxed:
            self.lists[0] = (self.better, nonpartners)
            self.lists.append((self.better, partners))
            if self.mode_index == len(self.modes) - 1:
                for key in partners:
                    self.register(key, self.better)
                self.lists[0] = (self.better, [])

    def by_years(self, maxed: bool) -> None:
        base = self.lists[0][0]
        keys = sorted(self.lists[0][1], key=lambda key: self.rank.get(key, 0)) if self.clashes[1] else []
        for position, key in enumerate(keys):
            base.year_suffix = position
            self.register(key, base)
        self.lists[0] = (self.better, [])

    def by_condition(self, maxed: bool) -> None:
        """Our condition is all or nothing (citeproc-js can turn conditions on one by one)."""
        done = self.clashes[1] == 0 and len(self.nonpartners) < 2
        if not done and not self.base.disambiguate:
            self.mode_index = 0
            self.better.disambiguate = 0
            self.init_givens = True
            self.base.disambiguate = 1
            return
        base, keys = self.lists[0]
        if done or self.mode_index == len(self.modes) - 1:
            for key in keys:
                self.register(key, base)
            self.lists[0] = (self.better, [])
        else:
            self.mode_index = len(self.modes) - 1
            base.disambiguate = 1
            for key in keys:
                self.register(key, base)


def _pad(levels: list[int], size: int) -> None:
    levels.extend([0] * (size - len(levels)))


def reset_item(item) -> None:
    """Before each rendering: the implicit suffix goes on the first year rendered, once; the names
    config on the first names rendered."""
    try:
        reference = item.reference
        issued = dict.get(reference, "issued")
    except Exception:  # unknown key: nothing to reset
        return
    dict.__setitem__(reference, NAMESET_KEY, False)
    date = dict.get(issued, "begin", issued) if isinstance(issued, dict) else None
    if isinstance(date, dict):
        date[USED_KEY] = False
