"""The names part of disambiguation: which names a work's citation shows first, how a given-name level
is rendered, and the document-wide given-name rules (``all-names``, ``primary-name`` and their
``-with-initials`` forms), as citeproc-js's ``CSL.Registry.NameReg`` does.

Given-name levels are citeproc-js's: 0 family name only, 1 initials (whole when the style does not
initialize), 2 whole given name. The first names a citation renders (its "nameset") are found by rendering
each work's citation once in probe mode (``probe_marker``), which is also the first rendering the
collisions are found in; later names are left as the style has them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NAMESET_KEY = "citeledger_nameset"


@dataclass
class NameInfo:
    """The first names a work's citation renders and how the style renders them."""

    names: list  # citeproc Name objects of the variable
    shown: int  # names shown by the style's et-al rules
    form_level: int  # 0 form="short", 1 initialized, 2 whole given names
    initialize: bool
    global_levels: dict[int, int] = field(default_factory=dict)  # position → level (document-wide rules)

    @property
    def total(self) -> int:
        return len(self.names)

    def floor(self, position: int, options) -> int:
        """The level a name gets before any disambiguation step (citeproc-js's evalname, no request)."""
        if options.add_givenname and options.rule != "by-cite":
            return self.global_levels.get(position, self.form_level)
        return self.form_level


# The first names a citation renders are found by rendering each work's citation once with
# ``root.citeledger_names_probe`` set: the names are followed by this marker (control characters and
# digits only, so that no text-case or formatting of the style changes it; after the names, so that a
# capitalize-first still sees them). Without the markers, the texts are the citations as the style has them.
NAME_VARIABLES = ("author", "editor", "translator", "collection-editor", "composer", "container-author",
                  "director", "editorial-director", "illustrator", "interviewer", "original-author",
                  "recipient", "reviewed-author", "chair", "compiler", "contributor", "curator",
                  "executive-producer", "guest", "host", "narrator", "organizer", "performer", "producer",
                  "script-writer", "series-creator")
_MARKER = re.compile(r"\x01(\d+)\x02(\d)\x02(\d+)\x02(\d)\x03")


def probe_marker(variable: str, form_level: int, shown: int, initialize: bool) -> str:
    index = NAME_VARIABLES.index(variable) if variable in NAME_VARIABLES else len(NAME_VARIABLES)
    return f"\x01{index}\x02{form_level}\x02{shown}\x02{int(initialize)}\x03"


def strip_markers(text: str | None) -> str | None:
    return _MARKER.sub("", text) if text else text


def name_infos(keys, texts, references) -> dict[str, NameInfo]:
    """key → NameInfo, read from the probe renderings ``texts`` of ``keys`` (no marker: no names)."""
    infos = {}
    for key, text in zip(keys, texts, strict=True):
        found = _MARKER.search(text or "")
        if not found or int(found[1]) >= len(NAME_VARIABLES):
            continue
        names = list(dict.get(references[key], NAME_VARIABLES[int(found[1])]) or [])
        infos[key] = NameInfo(names, int(found[3]), int(found[2]), found[4] == "1")
    return infos


def _strip(text) -> str:
    return re.sub(r"\s+", " ", (text or "").replace(".", " ")).strip()


def _keys(name, demote_never: bool) -> tuple[str, str, str] | None:
    """(family key, initials key, given key) of a personal name, as NameReg's set_keys."""
    if "literal" in name or not (name.get("family") or name.get("given")):
        return None
    family = _strip(name.get("family"))
    if demote_never and name.get("non-dropping-particle") and name.get("family"):
        family = f"{family} {name.get('non-dropping-particle')}"
    given = _strip(name.get("given"))
    initials = "".join(part[0] for part in re.split(r"[\s-]+", given) if part)
    return family, initials, given


def global_name_levels(infos: dict[str, NameInfo], rule: str, root) -> None:
    """Document-wide given-name levels: a name is shown with initials where another person of the same
    family name is cited, whole where even the initials collide (not for the ``-with-initials`` rules);
    the ``primary-name`` rules look at the first name of each citation only."""
    demote_never = (root.get("demote-non-dropping-particle") or "") == "never"
    primary = rule.startswith("primary-name")
    registry: dict[str, dict[str, set[str]]] = {}
    for info in infos.values():
        for position, name in enumerate(info.names[:info.shown]):
            keys = _keys(name, demote_never)
            if keys and not (primary and position > 0):
                registry.setdefault(keys[0], {}).setdefault(keys[1], set()).add(keys[2])
    for info in infos.values():
        for position, name in enumerate(info.names):
            keys = _keys(name, demote_never)
            if not keys or keys[0] not in registry or keys[1] not in registry[keys[0]]:
                continue
            if primary and position > 0:
                continue
            family_count, given_count = len(registry[keys[0]]), len(registry[keys[0]][keys[1]])
            level = info.form_level
            if rule in ("all-names", "primary-name"):
                if family_count > 1:
                    level = 1
                if given_count > 1 or (family_count > 1 and not info.initialize):
                    level = 2
            else:
                level = 1 if family_count > 1 else 0
            info.global_levels[position] = level


def levels(info: NameInfo, count: int, givens: list[int], options) -> list[int]:
    """The level each of the first ``count`` names is rendered at for a config's ``givens``
    (citeproc-js's ``_runDisambigNames`` with a disambiguation request)."""
    out = []
    for position, name in enumerate(info.names[:count]):
        value = givens[position] if position < len(givens) else info.floor(position, options)
        if options.add_givenname:
            has_given = bool(name.get("given")) and "literal" not in name
            if options.rule == "by-cite" and value == 1 and (not info.initialize or not has_given):
                value = 2
            if has_given:
                if options.rule == "by-cite":
                    value = max(value, info.form_level)
                else:
                    value = info.global_levels.get(position, info.form_level)
        out.append(value)
    return out
