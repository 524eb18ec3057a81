"""Templates for the rigid common styles: APA, Chicago author–date and notes–bibliography, MLA,
Harvard, Vancouver and IEEE, for books, chapters and journal articles.

Each template is one anchored regular expression whose free-text groups exclude the delimiters
that follow them (a title group holds no ``.``, a journal group no ``,``), so matching is linear and
a string that does not fit exactly is left to the labeller: the templates abstain rather than guess.
Group names are labels (``container`` stands for ``container-title``).
"""

from __future__ import annotations

import re

from citeledger.references.names import parse_name_list
from citeledger.references.segments import Segment, make_segment

YEAR = r"(?P<date>(?:1[5-9]|20)\d\d[a-z]?|n\.d\.)"
PAGES = r"(?P<pages>[A-Za-z]?\d+(?:\s?[–-]\s?[A-Za-z]?\d+)?)"
DOI = r"(?: (?P<doi>https?://\S+|doi:\s?\S+))?"
NUMBER = r"\[(?P<number>\d{1,4})\] "
AUTHOR_PAREN = r"(?P<author>[^()]{2,300})"  # APA, Harvard: names end at "(year)"
AUTHOR_STOP = r"(?P<author>[^“\"]{2,300}?)\."  # Chicago, MLA: names end at the first ". "
AUTHOR_COMMA = r"(?P<author>[^“\"]{2,300}), "  # IEEE
QUOTED_TITLE = r"[“\"](?P<title>[^“”\"]{2,400}?)[.,]?[”\"]"
PLAIN_TITLE = r"(?P<title>[^.?!()]{2,400}[?!]?)\.?"  # a title without full stops
LAZY_TITLE = r"(?P<title>[^“”]{2,400}?)\."
JOURNAL_COMMA = r"(?P<container>[^,.“”]{2,200})"
JOURNAL_BEFORE_NUMBER = r"(?P<container>[^“”\d]{2,200}?) "
VOLUME_ISSUE = r"(?P<volume>\d{1,5})(?:\((?P<issue>[^()]{1,12})\))?"
VOL_NO = r"vol\. (?P<volume>\d+)(?:, no\. (?P<issue>[\d/–-]+))?"
PLACE_PUBLISHER = r"(?P<location>[^.:\d]{2,60}): (?P<publisher>[^.:,()\d]{2,120})"
EDITION = r"(?P<edition>\d{1,2}\w{0,2} edn?\.)"

PATTERNS = {
    "ieee-article": NUMBER + AUTHOR_COMMA + QUOTED_TITLE + ",? " + r"(?P<container>[^,“”]{2,200}), " + VOL_NO
                    + r", pp\. " + PAGES + r", (?:[A-Z][a-z]{2,3}\.? )?" + YEAR + r"\." + DOI,
    "ieee-book": NUMBER + AUTHOR_COMMA + r"(?P<title>[^,.“”]{2,400})\. " + PLACE_PUBLISHER + ", " + YEAR + r"\.",
    "apa-article": AUTHOR_PAREN + r" \(" + YEAR + r"\)\. " + PLAIN_TITLE + " " + JOURNAL_COMMA + ", " + VOLUME_ISSUE
                   + ", " + PAGES + r"\." + DOI,
    "apa-chapter": AUTHOR_PAREN + r" \(" + YEAR + r"\)\. " + PLAIN_TITLE
                   + r" In (?P<editor>[^()]{2,300} \((?:Eds?|Hrsg)\.\)), "
                   + r"(?P<container>[^()]{2,300}) \(pp\. " + PAGES + r"\)\. (?:" + PLACE_PUBLISHER + "|"
                   + r"(?P<publisher2>[^.()\d]{2,120}))\." + DOI,
    "apa-book": AUTHOR_PAREN + r" \(" + YEAR + r"\)\. " + PLAIN_TITLE + r"(?: \(" + EDITION + r"\)\.)? (?:"
                + PLACE_PUBLISHER + r"|(?P<publisher2>[^.()\d]{2,120}))\." + DOI,
    "harvard-article": AUTHOR_PAREN + r" \(" + YEAR + r"\) [‘'](?P<title>[^‘’']{2,400})[’'], " + JOURNAL_COMMA + ", "
                       + VOLUME_ISSUE + r", pp?\. " + PAGES + r"\." + DOI,
    "harvard-book": AUTHOR_PAREN + r" \(" + YEAR + r"\) (?P<title>[^.]{2,400})\.(?: " + EDITION + ")? "
                    + PLACE_PUBLISHER + r"\.",
    "chicago-ad-article": AUTHOR_STOP + " " + YEAR + r"\. " + QUOTED_TITLE + " " + JOURNAL_BEFORE_NUMBER
                          + r"(?P<volume>\d{1,5})(?:,? (?:no\. )?\(?(?P<issue>\d[\d/–-]*)\)?)?: " + PAGES + r"\." + DOI,
    "chicago-ad-book": AUTHOR_STOP + " " + YEAR + r"\. " + LAZY_TITLE + " " + PLACE_PUBLISHER + r"\.",
    "chicago-nb-article": AUTHOR_STOP + " " + QUOTED_TITLE + " " + JOURNAL_BEFORE_NUMBER
                          + r"(?P<volume>\d{1,5})(?:, no\. (?P<issue>[\d/–-]+))? \(" + YEAR + r"\): "
                          + PAGES + r"\." + DOI,
    "chicago-nb-book": AUTHOR_STOP + " " + LAZY_TITLE + " " + PLACE_PUBLISHER + ", " + YEAR + r"\.",
    "mla-article": AUTHOR_STOP + " " + QUOTED_TITLE + " " + JOURNAL_COMMA + ", " + VOL_NO + ", " + YEAR
                   + r", pp?\. " + PAGES + r"\.",
    "vancouver-article": r"(?P<author>[^.]{2,300})\. " + PLAIN_TITLE + r" (?P<container>[^;]{2,200}?)\.? " + YEAR
                         + r"(?: [A-Z][a-z]{2})?;" + VOLUME_ISSUE + ":" + PAGES + r"\.",
}  # fmt: skip
COMPILED = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}
_LABELS = {"container": "container-title", "number": "citation-number", "publisher2": "publisher"}


def _names_ok(text: str) -> bool:
    """An author group must read as names: no digits, at least one family name, few words each."""
    if any(char.isdigit() for char in text) or "  " in text:
        return False
    names = [name for group in parse_name_list(text).names.values() for name in group]
    return bool(names) and all(
        name.literal or (name.family[:1].isupper() and len(name.family.split()) <= 3) for name in names
    )


# Words that open another element (editor, translator, container, volume): a title holding one of
# them was cut in the wrong place, so the template abstains.
_NOT_IN_TITLE = re.compile(r"(?i)\b(?:edited by|ed\. by|eds?\.|trans\.|translated by|in:|vol\.|hrsg\.)(?:\s|$)|\. In ")


def _segments(text: str, match: re.Match[str]) -> list[Segment] | None:
    segments = []
    for group, value in match.groupdict().items():
        if value is None:
            continue
        if group == "title" and _NOT_IN_TITLE.search(value):
            return None
        if group in ("author", "editor") and not _names_ok(re.sub(r"\((?:Eds?|Hrsg)\.\)", "", value)):
            return None
        segment = make_segment(_LABELS.get(group, group), text, *match.span(group))
        if segment:
            segments.append(segment)
    return sorted(segments, key=lambda segment: segment.start)


def _template(name: str):
    pattern = COMPILED[name]

    def match(text: str) -> list[Segment] | None:
        found = pattern.fullmatch(text.strip()) if len(text) < 1500 else None
        return _segments(text, found) if found and text == text.strip() else None

    match.__name__ = f"match_{name.replace('-', '_')}"
    return match


COMMON_TEMPLATES = tuple((name, _template(name)) for name in PATTERNS)
