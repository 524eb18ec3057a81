"""Label a rendered reference by finding each field of its item in the text.

Every field value is searched for (case-folded, quotes and dashes unified) in characters not yet
claimed, longest fields first; names are found by family name and then given name or initials
nearby, and a role's names, connectors and role marker (``(eds.)``, ``edited by``) form one span.
A token takes the label most of its letters and digits carry; a rendering whose title (but for an
article, which some styles print without one) or first author cannot be found is dropped rather
than labelled wrongly.
"""

from __future__ import annotations

import re

from citeledger.references.features import tokenize

_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": '"', "’": '"', "'": '"',
                       "–": "-", "—": "-", "‑": "-", "\u00a0": " ", "\u202f": " "})  # fmt: skip
_ROLE_AFTER = re.compile(r"\s*,?\s*\(?(?:eds?\.|éds?\.|dir\.|dirs\.|hrsg\.|hg\.|trans\.|trad\.|transl\.|translation|"
                         r"translator|translators|editors?|ed|eds|a cura di|a c\. di|cur\.|coord\.|comp\.|"
                         r"ed\. by|hrsg\. v\.)\)?(?=[\s,.;:]|$)", re.I)  # fmt: skip
_ROLE_BEFORE = re.compile(r"(?:edited by|ed\. by|eds\. by|translated by|trans\. by|trad\. par|hrsg\. v\.|"
                          r"hrsg\. von|hg\. v\.|hg\. von|herausgegeben von|übersetzt von|übers\. v\.|übers\. von|"
                          r"sous la dir\. de|sous la direction de|éd\. par|édité par|traduit par|a cura di|a c\. di|"
                          r"trad\. di|trad\. it\. di|traduzione di|ed\. de|edición de|trad\. de|ed\.|eds\.|"
                          r"trans\.|hrsg\.|hg\.|dir\.)\s*$", re.I)  # fmt: skip
FIELD_LABELS = (
    ("URL", "url"), ("DOI", "doi"), ("title", "title"), ("container-title", "container-title"),
    ("publisher", "publisher"), ("genre", "genre"), ("publisher-place", "location"), ("event-place", "location"),
    ("collection-title", "collection-title"),
)  # fmt: skip


class _Claims:
    def __init__(self, text: str):
        self.text = text
        self.folded = text.lower().translate(_FOLD)
        self.labels: list[str | None] = [None] * len(text)

    def free(self, start: int, end: int) -> bool:
        return all(label is None for label in self.labels[start:end])

    def mark(self, start: int, end: int, label: str) -> None:
        for index in range(start, end):
            if self.labels[index] is None:
                self.labels[index] = label

    def find(self, pattern: str, after: int = 0, word: bool = True) -> tuple[int, int] | None:
        bounded = rf"(?<!\w){pattern}(?!\w)" if word else pattern
        for match in re.finditer(bounded, self.folded[after:]):
            start, end = match.start() + after, match.end() + after
            if self.free(start, end):
                return start, end
        return None


def _value(text: str) -> str:
    return re.escape(text.lower().translate(_FOLD))


def _find_person(claims: _Claims, person: dict) -> tuple[int, int] | None:
    if person.get("literal"):
        return claims.find(_value(person["literal"]))
    family = " ".join(filter(None, (person.get("non-dropping-particle"), person["family"])))
    found = claims.find(_value(family)) or claims.find(_value(person["family"]))
    if not found:
        return None
    start, end = found
    given = person.get("given", "")
    initials = r"[\s.-]*".join(re.escape(part[0].lower()) + r"\." for part in re.split(r"[\s-]+", given) if part)
    bare = "".join(part[0].lower() for part in re.split(r"[\s-]+", given) if part)  # Vancouver: "JA"
    after = claims.folded[end : end + 45]
    before = claims.folded[max(0, start - 45) : start]
    for pattern in filter(None, (_value(given), initials, bare)):
        if hit := re.match(rf"[\s,]*{pattern}(?!\w)", after):
            return start, end + hit.end()
        if hit := re.search(rf"(?<!\w){pattern}[\s,]*$", before):
            return start - len(before) + hit.start(), end
    return start, end


def _mark_role(claims: _Claims, people: list[dict], label: str) -> bool:
    spans = [span for person in people if (span := _find_person(claims, person))]
    if not spans:
        return False
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if after := _ROLE_AFTER.match(claims.text, end):
        end = after.end()
    if before := _ROLE_BEFORE.search(claims.text[max(0, start - 30) : start]):
        start = max(0, start - 30) + before.start()
    claims.mark(start, end, label)
    return True


def _mark_numbers(claims: _Claims, item: dict) -> None:
    year = item.get("issued", {}).get("date-parts", [[None]])[0][0]
    if year and (found := claims.find(rf"{year}[a-z]?")):
        claims.mark(*found, "date")
    if edition := item.get("edition"):
        found = claims.find(rf"{edition}(?:st|nd|rd|th|e|ème|\.)?\s*(?:ed|edn|éd|edition|édition|aufl)\.?", word=False)
        if found:
            claims.mark(*found, "edition")
    if page := item.get("page"):
        first = page.split("-")[0]
        if found := claims.find(rf"(?:pp?\.\s?|s\.\s?)?{first}(?:\s?-\s?\d+)?"):
            claims.mark(*found, "pages")
    for variable in ("volume", "issue"):
        if item.get(variable) and (found := claims.find(re.escape(item[variable]))):
            claims.mark(*found, variable)


def label_rendering(text: str, item: dict) -> list[tuple[str, str]] | None:
    """Takes a rendered reference and its item; returns ``(token, label)`` pairs, or None when the
    title or the first author cannot be found in the text."""
    claims = _Claims(text)
    if len(claims.folded) != len(text):
        return None
    found_fields = set()
    for variable, label in FIELD_LABELS:
        if item.get(variable):
            found = claims.find(_value(item[variable]), word=variable not in ("URL", "DOI"))
            if found:
                claims.mark(*found, label)
                found_fields.add(variable)
    # Physics and chemistry styles print an article without its title (``Phys. Rev. 47, 777 (1935)``):
    # such renderings are kept, other renderings without their title are dropped.
    titleless_article = item.get("type") == "article-journal" and "container-title" in found_fields
    if "title" not in found_fields and not titleless_article:
        return None
    for role in ("author", "editor", "translator"):
        if item.get(role) and not _mark_role(claims, item[role], role) and role == "author":
            return None
    _mark_numbers(claims, item)
    if number := re.match(r"\[?\(?\d{1,4}[.)\]]", text):
        claims.mark(*number.span(), "citation-number")
    return [(token.text, _majority_label(text, claims.labels, token.start, token.end)) for token in tokenize(text)]


def _majority_label(chars: str | list[str], labels: list[str | None], start: int, end: int) -> str:
    """The label most letters and digits of ``chars[start:end]`` carry; for punctuation alone, its first
    label, else ``other``."""
    counts: dict[str, int] = {}
    for index in range(start, end):
        if (label := labels[index]) and chars[index].isalnum():
            counts[label] = counts.get(label, 0) + 1
    if counts:
        return max(counts, key=lambda label: counts[label])
    return next((label for label in labels[start:end] if label), "other")


class LabelledText:
    """Characters written so far and each one's label (None: a separator); its tokens take the label
    most of their letters and digits carry."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.labels: list[str | None] = []

    def put(self, text: str, label: str | None = None) -> None:
        self.chars.extend(text)
        self.labels.extend([label] * len(text))

    def tokens(self) -> list[tuple[str, str]]:
        text = "".join(self.chars)
        return [(token.text, _majority_label(text, self.labels, token.start, token.end)) for token in tokenize(text)]
