"""Linking citation items to references: ``link_citations(citations, references)`` → one ``Link`` per item.

The stages, in order (the first that finds a reference wins):

1. ``key`` — pandoc items name a key: exact key, else unresolved with the nearest keys;
2. ``surname+year`` — every cited surname matches the reference's authors (case folded), same year and suffix;
3. ``fuzzy`` — the same comparison, tolerant and explained: diacritics, particles (``van der``), a spelling
   slip (edit distance), a missing co-author, ``et al.`` for two authors, a year suffix or year off; each
   tolerance costs a penalty (``PENALTIES``) and is recorded in ``Link.reasons``;
4. ``title+year`` — a title cited in place of authors, by title similarity.

Ties at the best score make the link ``ambiguous`` (key None, tied keys in ``candidates``); no match makes it
``unresolved`` with the nearest references in ``candidates``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from citeledger.citations.matching import compare_name, edit_distance, fold, strip_particles, title_similarity
from citeledger.model import Citation, CitationItem, Link, Name, Reference

PENALTIES = {
    "diacritics": 0.02, "particle": 0.05, "spelling": 0.15, "missing co-author": 0.1, "et al.": 0.05,
    "extra author": 0.2, "year suffix": 0.1, "year": 0.35,
}  # fmt: skip
ACCEPT = 0.5  # lowest score a tolerant or title match may have
TITLE_ACCEPT = 0.7


@dataclass(frozen=True)
class Target:
    """A reference as the linker sees it: key, the names citations use, year (``"n.d."`` when none), suffix."""

    key: str
    names: tuple[Name, ...]
    year: str
    suffix: str
    title: str


def year_and_suffix(reference: Reference) -> tuple[str, str]:
    """The year as citations write it and its suffix, when the reference itself gives one: a
    ``year-suffix`` field, the date as written (``1999a``), the year in the raw text, or (for a
    hand-built reference with no raw text) its key. Generated keys do not count: they add letters of
    their own to tell works apart."""
    issued = reference.dates.get("issued")
    year = str(issued.year) if issued and issued.year else "n.d."
    if reference.get("year-suffix"):
        return year, reference.get("year-suffix")
    sources = (issued.literal if issued else "", reference.raw) if reference.raw else (reference.id,)
    for text in sources:
        match = re.search(rf"{year}([a-z])\b", text) if year != "n.d." else None
        if match:
            return year, match.group(1)
    return year, ""


def to_targets(references: Iterable[Reference]) -> list[Target]:
    """References → Targets. Works sharing a first author and year with no suffix of their own get a, b, …
    in list order, as author–year styles assign them."""
    targets = []
    for reference in references:
        names = reference.author or reference.names.get("editor", ()) or reference.names.get("translator", ())
        year, suffix = year_and_suffix(reference)
        targets.append(Target(reference.id, names, year, suffix, reference.get("title")))
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    first_of_key = {target.key: number for number, target in reversed(list(enumerate(targets)))}
    for number, target in enumerate(targets):
        # A repeated key (CL202) is one work as far as citations go: as in BibTeX, the first entry counts.
        if target.names and not target.suffix and first_of_key[target.key] == number:
            groups[(fold(target.names[0].sort_family), target.year)].append(number)
    for members in groups.values():
        if len({fold(targets[number].title) for number in members}) > 1:  # copies of one work need no a/b
            for letter, number in zip("abcdefghijklmnopqrstuvwxyz", members, strict=False):
                targets[number] = Target(**{**targets[number].__dict__, "suffix": letter})
    return targets


def _penalty(reasons: Sequence[str]) -> float:
    return sum(PENALTIES[reason.split(":")[0]] for reason in reasons)


def _name_reasons(item: CitationItem, names: Sequence[Name]) -> list[str] | None:
    """Reasons the cited names differ from the reference's (``[]`` when identical), None when they don't
    denote the same authors."""
    reasons = []
    for position, cited in enumerate(item.names):
        if position >= len(names):
            reasons.append(f"extra author: {cited}")
            continue
        matched, why = compare_name(cited, names[position])
        if not matched:
            return None
        reasons += [why] if why else []
    missing = names[len(item.names) :]
    if item.et_al and len(names) <= 2:
        reasons.append(f"et al.: used for {len(names)} author(s)")
    elif missing and not item.et_al and (len(names) <= 2 or len(item.names) > 1):
        reasons.append("missing co-author: " + ", ".join(name.sort_family for name in missing))
    return reasons


def _year_reasons(item: CitationItem, target: Target) -> list[str]:
    if item.year == target.year:
        if item.year_suffix == target.suffix:
            return []
        return [f"year suffix: {item.year}{item.year_suffix} ~ {target.year}{target.suffix}"]
    return [f"year: {item.year}{item.year_suffix} ~ {target.year}{target.suffix}"]


def score_names(item: CitationItem, target: Target) -> tuple[float, tuple[str, ...]] | None:
    """(score, reasons) of an author–year item against a target, or None when the names differ."""
    if not item.names or not target.names:
        return None
    names = _name_reasons(item, target.names)
    if names is None:
        return None
    years = _year_reasons(item, target)
    if any(reason.startswith("year:") for reason in years) and _penalty(names) > 0.05:
        return None  # a wrong year is forgiven only when the names are right
    reasons = tuple(names + years)
    return round(1.0 - _penalty(reasons) - 0.01 * _year_gap(item, target), 3), reasons


def _year_gap(item: CitationItem, target: Target) -> int:
    """Years apart, capped at 10: among works of one author, the nearest year wins a year-mismatch tie."""
    if item.year == target.year or not (item.year.isdigit() and target.year.isdigit()):
        return 0
    return min(abs(int(item.year) - int(target.year)), 10)


def score_title(item: CitationItem, target: Target) -> tuple[float, tuple[str, ...]] | None:
    """(score, reasons) of a title cited in place of authors against a target, or None."""
    if not item.title or not target.title:
        return None
    similarity = title_similarity(item.title, target.title)
    reasons = (f"title: similarity {similarity:.2f}", *_year_reasons(item, target))
    score = similarity - (PENALTIES["year"] if len(reasons) > 1 else 0.0)
    return (round(score, 3), reasons) if score >= TITLE_ACCEPT else None


def nearest(item: CitationItem, targets: Sequence[Target], count: int = 3) -> tuple[str, ...]:
    """The keys of the references closest to an unresolved item (for CL301's hint): by edit distance of
    the first cited name (or key) to each reference's first author (or key), then by year distance."""
    cited = fold(item.key or (item.names[0] if item.names else item.title))

    def distance(target: Target) -> tuple[int, int]:
        if item.key:
            return edit_distance(cited, fold(target.key), 99), 0
        name = fold(target.names[0].sort_family) if target.names else fold(target.title)
        year_gap = abs(int(item.year) - int(target.year)) if item.year.isdigit() and target.year.isdigit() else 50
        return edit_distance(strip_particles(cited), strip_particles(name), 99), year_gap

    return tuple(target.key for target in sorted(targets, key=distance)[:count])


def _best(scored: list[tuple[float, tuple[str, ...], Target]]) -> list[tuple[float, tuple[str, ...], Target]]:
    if not scored:
        return []
    top = max(score for score, _, _ in scored)
    return [entry for entry in scored if entry[0] == top]


def _same_work_once(best: list[tuple[float, tuple[str, ...], Target]], index: _Index
                    ) -> list[tuple[float, tuple[str, ...], Target]]:
    """Ties between copies of one work (the list repeats an entry, CL203) or between entries that share
    one key (CL202) are no ambiguity: the citation points at that work or key; keep the first."""
    if len(best) < 2:
        return best
    works = {index.work(t) for _, _, t in best}
    keys = {t.key for _, _, t in best}
    return best[:1] if len(works) == 1 or len(keys) == 1 else best


class _Index:
    """Targets by folded family name, so most items are scored against a handful of references only."""

    def __init__(self, targets: Sequence[Target]):
        self.targets = targets
        self.by_key = {target.key: target for target in targets}
        self.by_name: dict[str, list[Target]] = defaultdict(list)
        self._works: dict[int, tuple] = {}  # id(target) → work; the targets live as long as the index
        for target in targets:
            for name in target.names[:1]:
                self.by_name[strip_particles(fold(name.literal or name.sort_family))].append(target)

    def work(self, target: Target) -> tuple:
        """What tells works apart: folded names, year, folded title. Computed once per target, as folding a
        long author list again for every citation item made linking slow."""
        if id(target) not in self._works:
            self._works[id(target)] = (tuple(fold(n.literal or n.sort_family) for n in target.names), target.year,
                                       fold(target.title))  # fmt: skip
        return self._works[id(target)]

    def for_names(self, item: CitationItem) -> Sequence[Target]:
        """Targets sharing the first cited surname; all targets when none does (spelling slips)."""
        cited = strip_particles(fold(item.names[0]))
        found = self.by_name.get(cited) or self.by_name.get(cited.split()[-1] if cited else "")
        return found or self.targets


def _link_key(item: CitationItem, index: _Index, where: tuple[int, int]) -> Link:
    if item.key in index.by_key:
        return Link(*where, item.key, "key", 1.0)
    folded = [target for target in index.targets if target.key.casefold() == item.key.casefold()]
    if len(folded) == 1:
        return Link(*where, folded[0].key, "fuzzy", 0.9, (f"key case: {item.key} ~ {folded[0].key}",))
    return Link(*where, None, "unresolved", 0.0, candidates=nearest(item, index.targets))


def _link_item(item: CitationItem, index: _Index, where: tuple[int, int]) -> Link:
    if item.key:
        return _link_key(item, index, where)
    link = _link_written(item, index, where)
    if link.method == "unresolved":
        # An organisation read as a title, or a title read as names: try the other reading.
        swapped = {"names": (item.title,), "title": ""} if item.title else {"names": (), "title": " ".join(item.names)}
        other = replace(item, **swapped)
        retry = _link_written(other, index, where)
        return retry if retry.key else link
    return link


def _link_written(item: CitationItem, index: _Index, where: tuple[int, int]) -> Link:
    if item.names:
        scored = [(r[0], r[1], t) for t in index.for_names(item) if (r := score_names(item, t)) and r[0] >= ACCEPT]
        method = "surname+year"
    else:
        scored = [(r[0], r[1], t) for t in index.targets if (r := score_title(item, t))]
        method = "title+year"
    best = _same_work_once(_best(scored), index)
    if not best:
        return Link(*where, None, "unresolved", 0.0, candidates=nearest(item, index.targets))
    if len(best) > 1:
        return Link(*where, None, "ambiguous", best[0][0], best[0][1], tuple(t.key for _, _, t in best))
    score, reasons, target = best[0]
    if method == "surname+year" and reasons:
        method = "fuzzy"
    return Link(*where, target.key, method, score, reasons)


def link_citations(citations: Sequence[Citation], references: Sequence[Reference]) -> list[Link]:
    """Takes the citations and the references to check them against; returns one Link per citation item,
    in order (method ``key``, ``surname+year``, ``fuzzy``, ``title+year``, ``ambiguous`` or ``unresolved``).
    Emits no codes: the checks read the links."""
    index = _Index(to_targets(references))
    # An article cites the same work many times: link each distinct way of citing it once. Without this,
    # thousands of citations of one surname against thousands of references with it were quadratic.
    linked: dict[tuple, Link] = {}
    links = []
    for number, citation in enumerate(citations):
        for position, item in enumerate(citation.items):
            how = (item.key, item.names, item.year, item.year_suffix, item.title, item.et_al)
            if how not in linked:
                linked[how] = _link_item(item, index, (number, position))
            links.append(replace(linked[how], citation=number, item=position))
    return links
