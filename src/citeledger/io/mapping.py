"""The one mapping table: CSL variables and types ⇄ BibTeX ⇄ BibLaTeX, as data.

Every adapter (``bibtex_items`` reading and writing, ``convert``) is driven by ``FIELDS`` and
``TYPES``; nothing else knows a field name. A row may be limited to a group of CSL types (the
container of an article is ``journal``, of a chapter ``booktitle``). An empty field name means the
dialect has no place for the variable: writers report it as CL205 (field-not-carried).

Field order in written entries is the order of ``FIELDS``.
"""

from __future__ import annotations

from dataclasses import dataclass

DIALECTS = ("bibtex", "biblatex")

# CSL types grouped by where their container title lives.
ARTICLE_TYPES = frozenset({"article", "article-journal", "article-magazine", "article-newspaper", "review",
                           "review-book"})
PART_TYPES = frozenset({"chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia"})
BOOK_TYPES = frozenset({"book", "chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia",
                        "collection", "classic"})


@dataclass(frozen=True)
class FieldRule:
    """One row: a CSL variable and its field in each dialect.

    ``kind``: ``text`` (LaTeX-decoded), ``title`` (decoded; case-protected on writing: only the
    title, since styles sentence-case titles, not journals or series), ``verbatim``
    (URL/DOI: never decoded nor escaped), ``names``, ``date``, ``pages``, ``edition``, ``language``,
    ``month``/``day`` (parts of ``issued`` in BibTeX). ``types``: the CSL types the row applies to
    (empty: all); ``exclude``: CSL types it never applies to. ``aliases``: more field names read
    (in order) when the main one is absent, never written."""

    csl: str
    bibtex: str
    biblatex: str
    kind: str = "text"
    types: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    aliases: tuple[str, ...] = ()

    def field(self, dialect: str) -> str:
        return self.bibtex if dialect == "bibtex" else self.biblatex

    def read_names(self) -> tuple[str, ...]:
        """The field names this row reads, in order of preference (aliases first when given)."""
        return tuple(dict.fromkeys(n for n in (*self.aliases, self.bibtex, self.biblatex) if n))

    def applies_to(self, csl_type: str) -> bool:
        return (not self.types or csl_type in self.types) and csl_type not in self.exclude


_CONTAINER_OWNERS = ARTICLE_TYPES | PART_TYPES
_NUMBERED_ISSUES = ARTICLE_TYPES | BOOK_TYPES

FIELDS: tuple[FieldRule, ...] = (
    FieldRule("author", "author", "author", "names"),
    FieldRule("editor", "editor", "editor", "names"),
    FieldRule("translator", "translator", "translator", "names"),
    FieldRule("container-author", "", "bookauthor", "names"),
    FieldRule("title", "title", "title", "title"),
    FieldRule("title-short", "shorttitle", "shorttitle", "text"),
    FieldRule("container-title", "journal", "journaltitle", "text", ARTICLE_TYPES, aliases=("journal",)),
    FieldRule("container-title", "booktitle", "booktitle", "text", PART_TYPES),
    FieldRule("container-title", "howpublished", "howpublished", "text", exclude=_CONTAINER_OWNERS),
    FieldRule("container-title-short", "", "shortjournal", "text"),
    FieldRule("collection-title", "series", "series", "text"),
    FieldRule("event-title", "", "eventtitle", "text"),
    FieldRule("event-place", "", "venue", "text"),
    FieldRule("edition", "edition", "edition", "edition"),
    FieldRule("volume", "volume", "volume", "text"),
    FieldRule("number-of-volumes", "", "volumes", "text"),
    FieldRule("issue", "number", "number", "text", ARTICLE_TYPES, aliases=("number", "issue")),
    FieldRule("collection-number", "number", "number", "text", BOOK_TYPES - ARTICLE_TYPES),
    FieldRule("number", "number", "number", "text", exclude=_NUMBERED_ISSUES),
    FieldRule("chapter-number", "chapter", "chapter", "text"),
    FieldRule("page", "pages", "pages", "pages"),
    FieldRule("number-of-pages", "", "pagetotal", "text", aliases=("pagetotal", "numpages")),
    FieldRule("publisher", "school", "institution", "text", frozenset({"thesis"}), aliases=("institution",)),
    FieldRule("publisher", "institution", "institution", "text", frozenset({"report"}),
              aliases=("organization", "publisher")),
    FieldRule("publisher", "publisher", "publisher", "text", exclude=frozenset({"thesis", "report"}),
              aliases=("organization",)),
    FieldRule("publisher-place", "address", "location", "text", aliases=("address", "location")),
    FieldRule("genre", "type", "type", "text"),
    FieldRule("issued", "year", "date", "date"),
    FieldRule("issued", "month", "", "month"),
    FieldRule("issued", "day", "", "day"),
    FieldRule("original-date", "", "origdate", "date"),
    FieldRule("event-date", "", "eventdate", "date"),
    FieldRule("accessed", "urldate", "urldate", "date"),
    FieldRule("status", "", "pubstate", "text"),
    FieldRule("version", "version", "version", "text"),
    FieldRule("language", "langid", "langid", "language", aliases=("langid", "language")),
    FieldRule("ISSN", "issn", "issn", "text"),
    FieldRule("ISBN", "isbn", "isbn", "text"),
    FieldRule("DOI", "doi", "doi", "verbatim"),
    FieldRule("PMID", "pmid", "pmid", "text"),
    FieldRule("PMCID", "pmcid", "pmcid", "text"),
    FieldRule("URL", "url", "url", "verbatim"),
    FieldRule("keyword", "keywords", "keywords", "text"),
    FieldRule("abstract", "abstract", "abstract", "text"),
    FieldRule("annote", "annote", "annotation", "text", aliases=("annote",)),
    FieldRule("note", "note", "note", "text"),
)


@dataclass(frozen=True)
class TypeRule:
    """A CSL type, the entry type written for it in each dialect, and every entry type read as it.

    Reading does not depend on the dialect (``.bib`` files mix them): ``reads`` lists BibTeX and
    BibLaTeX entry types alike. A CSL type whose written entry type is not in its own ``reads``
    (``entry-encyclopedia`` → BibTeX ``@incollection``) cannot come back: writers report CL205."""

    csl: str
    bibtex: str
    biblatex: str
    reads: tuple[str, ...] = ()


TYPES: tuple[TypeRule, ...] = (
    TypeRule("article-journal", "article", "article", ("article",)),
    TypeRule("article-magazine", "article", "article"),
    TypeRule("article-newspaper", "article", "article"),
    TypeRule("book", "book", "book", ("book", "collection", "proceedings", "mvbook", "mvcollection",
                                      "mvproceedings", "bookinbook")),
    TypeRule("chapter", "incollection", "incollection", ("incollection", "inbook", "suppbook", "suppcollection")),
    TypeRule("paper-conference", "inproceedings", "inproceedings", ("inproceedings", "conference")),
    TypeRule("entry-encyclopedia", "incollection", "inreference", ("inreference",)),
    TypeRule("entry-dictionary", "incollection", "inreference"),
    TypeRule("webpage", "misc", "online", ("online", "electronic", "www")),
    TypeRule("report", "techreport", "report", ("techreport", "report", "manual")),
    TypeRule("thesis", "phdthesis", "thesis", ("phdthesis", "mastersthesis", "thesis")),
    TypeRule("manuscript", "unpublished", "unpublished", ("unpublished",)),
    TypeRule("pamphlet", "booklet", "booklet", ("booklet",)),
    TypeRule("dataset", "misc", "dataset", ("dataset",)),
    TypeRule("software", "misc", "software", ("software",)),
    TypeRule("patent", "misc", "patent", ("patent",)),
    TypeRule("standard", "misc", "standard", ("standard",)),
    TypeRule("periodical", "misc", "periodical", ("periodical",)),
    TypeRule("legislation", "misc", "legislation", ("legislation",)),
    TypeRule("legal_case", "misc", "jurisdiction", ("jurisdiction",)),
    TypeRule("motion_picture", "misc", "movie", ("movie", "video")),
    TypeRule("song", "misc", "audio", ("audio", "music")),
    TypeRule("graphic", "misc", "artwork", ("artwork", "image")),
    TypeRule("document", "misc", "misc", ("misc",)),
)
_READS = {entry: rule.csl for rule in TYPES for entry in rule.reads}

# Thesis kinds: BibTeX says it with the entry type, BibLaTeX with `type` (its localisation keys).
THESIS_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis", "mathesis": "Master's thesis"}

# babel/polyglossia language names (langid) ⇄ BCP 47 tags (CSL `language`).
LANGUAGES = {
    "english": "en", "american": "en-US", "british": "en-GB", "french": "fr", "german": "de", "ngerman": "de-DE",
    "spanish": "es", "italian": "it", "portuguese": "pt", "brazilian": "pt-BR", "dutch": "nl", "russian": "ru",
    "polish": "pl", "czech": "cs", "swedish": "sv", "danish": "da", "norsk": "nb", "finnish": "fi", "greek": "el",
    "latin": "la", "catalan": "ca", "japanese": "ja", "chinese": "zh", "khmer": "km", "vietnamese": "vi",
    "turkish": "tr", "hungarian": "hu", "romanian": "ro", "croatian": "hr", "ukrainian": "uk", "arabic": "ar",
    "hebrew": "he", "korean": "ko", "indonesian": "id", "thai": "th",
}


def csl_type(entry_type: str) -> str | None:
    """BibTeX or BibLaTeX entry type (any case) → CSL type, or None when the table has no row."""
    return _READS.get(entry_type.lower())


def entry_type(csl: str, dialect: str) -> tuple[str, bool]:
    """CSL type → (entry type in ``dialect``, True when it reads back as the same CSL type)."""
    for rule in TYPES:
        if rule.csl == csl:
            written = rule.bibtex if dialect == "bibtex" else rule.biblatex
            return written, _READS.get(written) == csl
    return "misc", False


def rules_for(csl: str, csl_type_: str) -> list[FieldRule]:
    """The rows for CSL variable ``csl`` that apply to items of type ``csl_type_``."""
    return [rule for rule in FIELDS if rule.csl == csl and rule.applies_to(csl_type_)]


def csl_variables() -> list[str]:
    """Every CSL variable the table knows, in table order, without repeats."""
    return list(dict.fromkeys(rule.csl for rule in FIELDS))


def language_to_csl(value: str) -> str:
    """``french`` → ``fr``; values not in the table (``fr-CA``, ``Klingon``) are kept as written."""
    return LANGUAGES.get(value.strip().lower(), value.strip())


def language_from_csl(value: str) -> str:
    """``fr`` → ``french`` (case-insensitive); unknown tags are kept as written."""
    folded = value.strip().lower()
    for name, tag in LANGUAGES.items():
        if tag.lower() == folded:
            return name
    return value.strip()
