"""The one item model, shaped like CSL-JSON, and the objects built around it.

Frozen dataclasses only; this module imports nothing from the project. Variable names inside
``Reference.fields``/``names``/``dates`` are CSL variable names exactly as CSL-JSON spells them
(``container-title``, ``publisher-place``, ``ISSN``, ``URL`` ...), so the CSL-JSON adapter is a near
identity and every other format is an adapter over one mapping table (``citeledger.io.mapping``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A half-open range ``[start, end)`` of characters in a source text, with the 1-based line and
    column of ``start`` (columns count characters, not bytes)."""

    start: int
    end: int
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Name:
    """A person or organisation name, in CSL's parts.

    ``particle`` is CSL's non-dropping-particle (``van der`` in ``van der Berg``), ``dropping_particle``
    the dropping one (``de`` in ``Charles de Gaulle``); ``literal`` holds organisation names that must
    not be split (``Human Rights Watch``).
    """

    family: str = ""
    given: str = ""
    particle: str = ""
    dropping_particle: str = ""
    suffix: str = ""
    literal: str = ""

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    @property
    def sort_family(self) -> str:
        """The family name as written, with its non-dropping particle (``van der Berg``)."""
        if self.literal:
            return self.literal
        return f"{self.particle} {self.family}".strip()


@dataclass(frozen=True)
class Date:
    """A CSL date: ``parts`` is (year[, month[, day]]); ``end_parts`` closes a range; ``literal`` is kept
    when the text could not be read as parts (``n.d.``, ``Spring 1998``)."""

    parts: tuple[int, ...] = ()
    end_parts: tuple[int, ...] = ()
    literal: str = ""
    circa: bool = False

    @property
    def year(self) -> int | None:
        return self.parts[0] if self.parts else None


@dataclass(frozen=True)
class Reference:
    """One bibliographic item, shaped like a CSL-JSON item.

    ``fields`` holds CSL string and number variables (values are strings: ``edition`` is ``"4"``),
    ``names`` the name variables (``author``, ``editor``, ``translator`` ...), ``dates`` the date
    variables (``issued``, ``accessed``). ``raw`` and ``span`` point back at the text it was read from.
    ``confidence`` is 1.0 for structured sources and the parser's estimate for free text.
    """

    id: str
    type: str = "document"
    fields: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, tuple[Name, ...]] = field(default_factory=dict)
    dates: Mapping[str, Date] = field(default_factory=dict)
    raw: str = ""
    span: Span | None = None
    confidence: float = 1.0

    def get(self, variable: str, default: str = "") -> str:
        return self.fields.get(variable, default)

    @property
    def author(self) -> tuple[Name, ...]:
        return self.names.get("author", ())

    @property
    def year(self) -> int | None:
        issued = self.dates.get("issued")
        return issued.year if issued else None


@dataclass(frozen=True)
class Locator:
    """``p. 81, 93``: label (a CSL locator term such as ``page``), the value as written, and the pages or
    ranges in it as ``(first, last)`` strings (``81`` → ``("81", "81")``; ``75-100`` → ``("75", "100")``;
    roman numerals kept as written). ``problem`` says why the value could not be read ("" when it could)."""

    label: str
    value: str
    ranges: tuple[tuple[str, str], ...] = ()
    raw: str = ""
    problem: str = ""


@dataclass(frozen=True)
class CitationItem:
    """One work inside a citation: the surnames (or title) as written, year and suffix, locator.

    ``key`` is set for pandoc citations (``[@okafor1996]``), which name a key instead of authors;
    ``et_al`` records an ``et al.`` after the names.
    """

    names: tuple[str, ...]
    year: str
    year_suffix: str = ""
    title: str = ""
    locator: Locator | None = None
    prefix: str = ""
    suffix: str = ""
    span: Span | None = None
    raw: str = ""
    key: str = ""
    et_al: bool = False


@dataclass(frozen=True)
class Citation:
    """An in-text citation: ``(Smith, 2007: 81, 93)`` (parenthetical) or ``Smith (2007)`` (narrative).

    ``form`` names the pattern that found it (``parenthetical``, ``narrative``, ``pandoc`` ...).
    ``tentative`` marks a weak pattern (``in Paris (1968)`` may be a place and a date): such a citation
    is kept only if it links to a reference.
    """

    span: Span
    raw: str
    items: tuple[CitationItem, ...]
    narrative: bool = False
    form: str = ""
    tentative: bool = False


@dataclass(frozen=True)
class Sentence:
    span: Span
    raw: str


@dataclass(frozen=True)
class Claim:
    """The sentence (or clause) a citation supports, with the citations that support it."""

    span: Span
    raw: str
    citations: tuple[int, ...]  # indices into Ledger.citations


@dataclass(frozen=True)
class Link:
    """A citation item paired with a reference key, how it was matched, and how sure we are.

    ``reasons`` explain a tolerant match (``"spelling: Smyth ~ Smith"``); ``candidates`` are the keys
    that were considered (the tied ones when ambiguous, the nearest ones when unresolved).
    """

    citation: int  # index into Ledger.citations
    item: int  # index into Citation.items
    key: str | None
    method: str  # "surname+year", "key", "fuzzy", "title+year", "ambiguous", "unresolved"
    score: float
    reasons: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """An article as published: header, body with offsets, reference and cite-this blocks.

    ``text`` is the text every span points into: the file itself for plain text and Markdown, the
    extracted text for HTML. ``reference_entries`` are the spans of the single references inside
    ``reference_block``; ``own_entry`` is the article's own entry (header + cite-this block).
    """

    source: str
    text: str
    format: str = "text"  # "text", "markdown" or "html"
    title: str = ""
    authors: tuple[Name, ...] = ()
    date: Date | None = None
    body: Span | None = None
    reference_block: Span | None = None
    reference_entries: tuple[Span, ...] = ()
    cite_this_block: Span | None = None
    own_entry: Reference | None = None
    container_title: str = ""
    issn: str = ""
    url: str = ""


@dataclass(frozen=True)
class Ledger:
    """Everything ``check`` and ``claims`` report on: the article, the references it was checked against,
    the citations found, the claims they support, the links between them, and the findings.

    ``supports`` maps each reference key to the indices of the claims it supports (every key of
    ``references`` is present, with ``()`` when the reference is never cited). ``reference_source`` is the
    path the references were read from (the article itself, or a ``--bib`` file).
    """

    article: Article
    references: tuple[Reference, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    citations: tuple[Citation, ...] = ()
    claims: tuple[Claim, ...] = ()
    links: tuple[Link, ...] = ()
    supports: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    diagnostics: tuple = ()  # Diagnostic records; typed loosely because model imports nothing
    reference_source: str = ""  # the file the references' spans point into (the article or a --bib file)

    def links_of(self, citation: int) -> tuple[Link, ...]:
        """The links of one citation, in item order."""
        return tuple(link for link in self.links if link.citation == citation)

    def sources(self, claim: int) -> tuple[tuple[str | None, Locator | None], ...]:
        """The (reference key, locator) pairs a claim rests on; the key is None when unresolved."""
        pairs = []
        for index in self.claims[claim].citations:
            for link in self.links_of(index):
                pairs.append((link.key, self.citations[index].items[link.item].locator))
        return tuple(pairs)
