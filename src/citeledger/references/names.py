"""Name lists as references print them → ``Name`` tuples per role.

Handles ``SURNAME, Given``, ``SURNAME Given`` (no comma), ``Surname, G.``, ``G. Surname``, Vancouver
``Surname GA``, connectors (``and``, ``et``, ``&``, ``und``, ``y``, ``;``), ``et al.``, organisations
(kept as literal names), particles, and role markers: ``(translation)``/``(trad.)`` → translator,
``(dir.)``/``(ed.)``/``(eds.)``/``(Hrsg.)`` → editor. A singular marker applies to the name just before
it, a plural one to the whole list. Mixed name forms in one list are reported as irregular (CL104).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citeledger.model import Name
from citeledger.references.recase import PARTICLES, is_caps, recase_name

ROLE_MARKERS = {
    "translation": ("translator", False), "trans.": ("translator", False), "transl.": ("translator", False),
    "trad.": ("translator", False), "tr.": ("translator", False), "übers.": ("translator", False),
    "translator": ("translator", False), "translators": ("translator", True), "traduction": ("translator", False),
    "dir.": ("editor", False), "dirs.": ("editor", True), "ed.": ("editor", False), "eds.": ("editor", True),
    "éd.": ("editor", False), "éds.": ("editor", True), "hrsg.": ("editor", True), "hg.": ("editor", True),
    "hgg.": ("editor", True), "coord.": ("editor", False), "a cura di": ("editor", True), "ed": ("editor", False),
    "eds": ("editor", True), "edd.": ("editor", True), "editor": ("editor", False), "editors": ("editor", True),
    "comp.": ("editor", False), "comps.": ("editor", True), "a c. di": ("editor", True), "cur.": ("editor", False),
    "curr.": ("editor", True), "hrsg": ("editor", True), "hg": ("editor", True), "ed. by": ("editor", False),
}  # fmt: skip
_ROLE = re.compile(r"\(\s*([^()]{1,20}?)\s*\)|,?\s+\b(eds?\.|éds?\.|Hrsg\.|Hg\.|dir\.|trad\.|trans\.)(?=\s|$|,)", re.I)
# Italian lists join names with a spaced dash (``G. COZZI - M. KNAPTON``); a hyphen inside a name has no spaces.
_CONNECTOR = re.compile(r"\s*(?:;|/|,?\s+(?:and|et|und|y|e|[-–—])\s+|,?\s*&\s*|,)\s*")
_LEADING_ROLE = re.compile(
    r"(?i)^(?:in:?\s+)?(?:(edited|ed\.|eds\.|hrsg\. v\.|hg\. v\.|dir\.|sous la dir(?:ection)?\.? de|a cura di)"
    r"|(translated|trans\.|transl\.|trad\.|traduit|übers\.))(?:\s+(?:by|par|von|de))?\s+"
)
_ET_AL = re.compile(r",?\s*(?:et al\.?|et alii|u\.\s?a\.|and others|et coll\.)\s*$", re.I)
_ORG_WORDS = frozenset({
    "institute", "institut", "university", "université", "universität", "centre", "center", "organization",
    "organisation", "commission", "committee", "ministry", "ministère", "association", "society", "société",
    "council", "bank", "nations", "office", "agency", "department", "foundation", "group", "watch", "international",
    "network", "bureau", "service", "court", "tribunal", "government", "unesco", "unicef", "who", "oecd",
})  # fmt: skip
_INITIALS = re.compile(r"[A-Z]{1,3}")
_DOTTED_INITIALS = re.compile(r"(?:[A-ZÀ-Þ][a-z]?\.-?)+")  # J., F.C., J.-P., Th.
# Italian and French bibliographies print ``Family (Given)``: ``Cozzi (Gaetano)``, ``BRAUDEL (F.)``.
_GIVEN_IN_BRACKETS = re.compile(r"(?P<family>[^()]*[^\W\d_][^()]*?)\s*\((?P<given>[A-ZÀ-Þ][^()\d]{0,40})\)")


@dataclass
class NameList:
    names: dict[str, list[Name]] = field(default_factory=dict)
    irregular: bool = False
    et_al: bool = False


def _initials(given: str) -> str:
    """``JA`` (Vancouver) → ``J. A.``; ``J.A.`` → ``J. A.``; other given names unchanged."""
    if _INITIALS.fullmatch(given):
        return " ".join(f"{char}." for char in given)
    if re.fullmatch(r"(?:[A-ZÀ-Þ]\.){2,4}", given):
        return " ".join(f"{char}." for char in given if char.isalpha())
    return given


def _split_particle(family: str) -> tuple[str, str]:
    words = family.split(" ")
    cut = 0
    while cut < len(words) - 1 and words[cut].lower() in PARTICLES and words[cut].islower():
        cut += 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _clean(chunk: str) -> str:
    """Separators off both ends; a final full stop too, unless it closes an initial (``Brian D.``)."""
    chunk = chunk.strip(" ,;:")
    word = chunk.rsplit(" ", 1)[-1]
    last = word.split("-")[-1]
    initials = _DOTTED_INITIALS.fullmatch(word)
    if chunk.endswith(".") and len(last.rstrip(".")) > 1 and not last.startswith(("Jr", "Sr")) and not initials:
        chunk = chunk[:-1]
    return chunk.strip(" ,;:")


def make_name(family: str, given: str = "") -> Name:
    """Takes a family and given name as printed; returns a Name re-cased, with particle and initials."""
    family = recase_name(_clean(family))
    given = _clean(given)
    given = recase_name(given) if is_caps(given.replace(".", "").replace(" ", "")) and len(given) > 3 else given
    particle, family = _split_particle(family)
    return Name(family=family, given=_initials(given), particle=particle)


def _is_org(chunk: str) -> bool:
    words = chunk.split()
    return any(word.lower().strip(".,") in _ORG_WORDS for word in words) or len(words) > 5


def _is_caps_word(word: str) -> bool:
    """A word in capitals that is not a run of dotted initials (``COZZI``, not ``F.C.``)."""
    return is_caps(word) and len(word.strip(".")) > 1 and not _DOTTED_INITIALS.fullmatch(word)


def _is_initial(word: str) -> bool:
    return bool(_INITIALS.fullmatch(word) or re.fullmatch(r"(?:[A-ZÀ-Þ]\.-?){1,3}", word))


def _looks_given(chunk: str) -> bool:
    """A chunk that can only be a given name: initials (``J.``, ``J.-P.``, ``JA``) or one word
    that is not in capitals."""
    words = chunk.split()
    if all(re.fullmatch(r"(?:[A-ZÀ-Þ][a-zà-ÿ]?\.?-?)+", word) for word in words):
        return True
    return not any(is_caps(word) for word in words) and len(words) <= 2


def _chunk_to_name(chunk: str) -> tuple[Name, str]:
    """One chunk with several words → (Name, form): ``caps-first``, ``vancouver``, ``given-first``."""
    words = chunk.split()
    caps = [_is_caps_word(word) for word in words]
    if caps[0] and not all(caps):
        cut = caps.index(False)
        return make_name(" ".join(words[:cut]), " ".join(words[cut:])), "caps-first"
    if len(words) >= 2 and not caps[0] and not _is_initial(words[0]) and all(_is_initial(w) for w in words[1:]):
        return make_name(words[0], " ".join(words[1:])), "vancouver"
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in PARTICLES:
        cut -= 1
    return make_name(" ".join(words[cut:]), " ".join(words[:cut])), "given-first"


def _role_of(chunk: str) -> tuple[str, str | None, bool]:
    """Takes a chunk; returns (chunk without its role marker, role or None, plural)."""
    for match in _ROLE.finditer(chunk):
        marker = (match.group(1) or match.group(2) or "").lower()
        if marker in ROLE_MARKERS:
            role, plural = ROLE_MARKERS[marker]
            return _clean(chunk[: match.start()] + chunk[match.end() :]), role, plural
    return chunk, None, False


@dataclass
class _Reader:
    """Walks the chunks of a name list: a lone family name waits (``pending``) for its given name."""

    default_role: str
    people: list[tuple[Name, str]] = field(default_factory=list)  # (name, role)
    forms: set[str] = field(default_factory=set)
    pending: str | None = None
    plural_role: str | None = None

    def flush(self) -> None:
        if self.pending is not None:
            self.people.append((make_name(self.pending), self.default_role))
            self.pending = None

    def read(self, chunk: str, role: str | None) -> None:
        if self.pending is not None and _looks_given(chunk):
            self.people.append((make_name(self.pending, chunk), role or self.default_role))
            self.forms.add("comma")
            self.pending = None
            return
        self.flush()
        words = chunk.split()
        if bracketed := _GIVEN_IN_BRACKETS.fullmatch(chunk):
            self.people.append((make_name(bracketed["family"], bracketed["given"]), role or self.default_role))
            self.forms.add("comma")
        elif _is_org(chunk):
            self.people.append((Name(literal=chunk), role or self.default_role))
        elif len(words) == 1 or all(_is_caps_word(word) or word in PARTICLES for word in words):
            self.pending = chunk  # a family name waiting for its given name after the comma
        else:
            name, form = _chunk_to_name(chunk)
            self.forms.add(form if form != "caps-first" else "no-comma")
            self.people.append((name, role or self.default_role))


def parse_name_list(text: str, default_role: str = "author") -> NameList:
    """Takes a printed name list; returns its names grouped by role (author, editor, translator)."""
    result = NameList()
    text = _clean(text)
    if leading := _LEADING_ROLE.match(text):
        default_role = "editor" if leading.group(1) else "translator"
        text = text[leading.end() :]
    if _ET_AL.search(text):
        result.et_al, text = True, _ET_AL.sub("", text)
    reader = _Reader(default_role)
    for raw in _CONNECTOR.split(text):
        chunk, role, plural = _role_of(_clean(raw))
        if role and plural:
            reader.plural_role = role
        chunk = _clean(chunk)
        if chunk:
            reader.read(chunk, role)
        elif role and not plural and reader.people:  # "(trad.)" after its name's comma
            reader.people[-1] = (reader.people[-1][0], role)
    reader.flush()
    for name, role in reader.people:
        result.names.setdefault(reader.plural_role or role, []).append(name)
    # "SURNAME, Given" beside "SURNAME Given"; Chicago's "Family, Given, and Given Family" is regular.
    result.irregular = {"comma", "no-comma"} <= reader.forms
    return result
