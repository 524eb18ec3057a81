"""The tidy rules: a registry read top to bottom, applied in this order whatever order the user names them.

An *entry rule* takes an ``Entry`` and returns the changed ``Entry``; a *value rule* takes a field's
lower-cased name and raw value (``{x}``, ``"x" # jan``) and returns the new raw value; both return None
when they do not apply. The runner applies consecutive value rules in one pass over the fields. Rules
never touch @string, @preamble, @comment or failed blocks, never expand or drop a macro reference or a
``#`` concatenation, and never change a citation key.

| rule | default | does (details and limits: docs/tidy-rules.md) |
|---|---|---|
| entry-type-lowercase | yes | ``@Article`` → ``@article`` (BibTeX ignores the case) |
| field-names-lowercase | yes | ``Title =`` → ``title =`` |
| remove-empty-fields | yes | drops ``{}``/``""`` fields; not with crossref/xref/xdata (empty blocks inheritance) |
| braces-for-values | yes | ``"…"`` → ``{…}`` when its braces balance; numbers and macros stay bare |
| escape-specials | yes | bare ``&``/``%`` → ``\\&``/``\\%`` in prose fields; never near ``\\url``, ``$``, ``://`` |
| trim-whitespace | yes | trim, collapse spaces and single newlines; not verbatim fields, blank lines or ``%`` text |
| pages-en-dash | yes | ``pages = {12-34}`` or ``12–34`` → ``{12--34}``; leaves values holding ``--`` |
| month-macros | yes | ``month = {January}``/``"jan."``/``Jan`` → ``jan``; numbers, other macros stay |
| doi-url-clean | yes | ``doi = {https://doi.org/10.1/x}``/``doi:10.1/x`` → ``{10.1/x}`` |
| sort-fields | no | conventional field order (author, title, container, numbers, publisher, date, ids, rest) |
| indent | yes | standard layout: ``@type{key,``, two-space indent, one field per line, the block's newline |

Whenever any rule changes an entry, the entry is written in the standard layout; every block no rule
changed keeps its bytes. ``indent`` is the rule that rewrites entries only for their layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from citeledger.tidy import values
from citeledger.tidy.entry import Entry

EntryRule = Callable[[Entry], Entry | None]
ValueRule = Callable[[str, str], str | None]


@dataclass(frozen=True)
class Rule:
    """``kind`` is ``entry`` (``apply`` is an EntryRule), ``value`` (a ValueRule, run only on ``fields``
    when given) or ``layout`` (``indent``: no function, the runner re-lays the entry out)."""

    name: str
    summary: str
    kind: str
    apply: EntryRule | ValueRule | None
    default: bool = True
    fields: frozenset[str] | None = None


# -- entry rules ---------------------------------------------------------------------------------


def entry_type_lowercase(entry: Entry) -> Entry | None:
    lowered = entry.entry_type.lower()
    return replace(entry, entry_type=lowered) if lowered != entry.entry_type else None


def field_names_lowercase(entry: Entry) -> Entry | None:
    fields = tuple((name.lower(), value) for name, value in entry.fields)
    return replace(entry, fields=fields) if fields != entry.fields else None


_INHERITING = frozenset({"crossref", "xref", "xdata"})


_BLANK = '{}" \t\r\n'


def _is_empty(value: str) -> bool:
    pieces = values.pieces_of(value)
    return bool(pieces) and all(kind in ("braced", "quoted") and not text.strip() for kind, text in pieces)


def remove_empty_fields(entry: Entry) -> Entry | None:
    # Cheap test first (strip() in C): almost every value holds text.
    if all(value.strip(_BLANK) for _, value in entry.fields):
        return None
    if any(name.lower() in _INHERITING for name, _ in entry.fields):
        return None
    fields = tuple((name, value) for name, value in entry.fields if not _is_empty(value))
    return replace(entry, fields=fields) if fields != entry.fields else None


FIELD_ORDER = (
    "author", "editor", "translator", "title", "subtitle", "booktitle", "journal", "journaltitle", "series",
    "edition", "volume", "number", "issue", "chapter", "pages", "publisher", "institution", "organization",
    "school", "address", "location", "year", "month", "date", "note", "isbn", "issn", "doi", "url", "urldate",
)
_RANK = {name: rank for rank, name in enumerate(FIELD_ORDER)}


def sort_fields(entry: Entry) -> Entry | None:
    # sorted() is stable: unknown fields keep their relative order after the known ones.
    fields = tuple(sorted(entry.fields, key=lambda field: _RANK.get(field[0].lower(), len(_RANK))))
    return replace(entry, fields=fields) if fields != entry.fields else None


# -- value rules ---------------------------------------------------------------------------------


def _quoted_to_braced(kind: str, text: str) -> values.Piece:
    return ("braced", text) if kind == "quoted" and values.balanced(text) else (kind, text)


def braces_for_values(name: str, value: str) -> str | None:
    return values.map_pieces(value, _quoted_to_braced) if '"' in value else None


# Fields that hold prose, where a bare & or % is a typo for the character itself.
PROSE_FIELDS = frozenset({
    "title", "subtitle", "titleaddon", "booktitle", "booksubtitle", "maintitle", "journal", "journaltitle",
    "series", "publisher", "institution", "organization", "school", "address", "location", "note", "annote",
    "abstract", "keywords", "author", "editor", "howpublished", "edition", "chapter", "type", "addendum",
    "shorttitle", "eventtitle", "venue",
})
_NOT_PROSE = re.compile(r"\\(?:url|href|path|verb)|\$|://")


def _escape_piece(kind: str, text: str) -> values.Piece:
    if kind not in ("braced", "quoted") or _NOT_PROSE.search(text):
        return kind, text
    if values.has_unescaped(text, "&") or values.has_unescaped(text, "%"):
        return kind, values.escape_specials(text)
    return kind, text


def escape_specials(name: str, value: str) -> str | None:
    if "&" not in value and "%" not in value:
        return None
    return values.map_pieces(value, _escape_piece)


def trim_whitespace(name: str, value: str) -> str | None:
    if not values.may_need_trim(value) or values.is_verbatim(name):
        return None
    return values.trim_value(value)


_PAGE = r"[A-Za-z]{0,3}\d+[A-Za-z]{0,2}"
_PAGE_RANGE = re.compile(rf"^(\s*{_PAGE})\s*(?:-|\u2013)\s*({_PAGE}\s*)$")


def _en_dash(kind: str, text: str) -> values.Piece:
    if kind not in ("braced", "quoted") or "--" in text:
        return kind, text
    return kind, ",".join(_PAGE_RANGE.sub(r"\1--\2", part) for part in text.split(","))


def pages_en_dash(name: str, value: str) -> str | None:
    return values.map_pieces(value, _en_dash)


_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = {
    **{m: m for m in _MACROS},
    **{full: full[:3] for full in ("january", "february", "march", "april", "june", "july", "august",
                                   "september", "october", "november", "december")},
    "sept": "sep",
}


def month_macros(name: str, value: str) -> str | None:
    text = values.single_text_piece(value)
    if text is None:
        # A bare word is a macro reference: only `Jan` -> `jan` is the same macro (names ignore case);
        # `September` is another, possibly user-defined, macro and stays.
        bare = value.strip().lower()
        return bare if bare in _MACROS else None
    return _MONTH_NAMES.get(text.strip().rstrip(".").lower())


_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


def doi_url_clean(name: str, value: str) -> str | None:
    text = values.single_text_piece(value)
    if text is None or not _DOI_PREFIX.match(text):
        return None
    doi = _DOI_PREFIX.sub("", text).strip()
    return "{" + doi + "}" if doi.startswith("10.") and values.balanced(doi) else None


# -- the registry, in the order the rules run ----------------------------------------------------

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("entry-type-lowercase", "@Article -> @article", "entry", entry_type_lowercase),
        Rule("field-names-lowercase", "Title = -> title =", "entry", field_names_lowercase),
        Rule("remove-empty-fields", "drop fields whose value is empty (not with crossref/xdata)", "entry",
             remove_empty_fields),
        Rule("braces-for-values", '"..." -> {...} when braces balance; numbers and macros stay', "value",
             braces_for_values),
        Rule("escape-specials", "bare & and % -> \\& and \\% in prose fields", "value", escape_specials,
             fields=PROSE_FIELDS),
        Rule("trim-whitespace", "trim values, collapse spaces and single newlines (not verbatim fields)", "value",
             trim_whitespace),
        Rule("pages-en-dash", "pages 12-34 -> 12--34", "value", pages_en_dash, fields=frozenset({"pages"})),
        Rule("month-macros", "month {January} -> jan", "value", month_macros, fields=frozenset({"month"})),
        Rule("doi-url-clean", "doi https://doi.org/10.x -> 10.x", "value", doi_url_clean, fields=frozenset({"doi"})),
        Rule("sort-fields", "fields in a conventional order", "entry", sort_fields, default=False),
        Rule("indent", "standard layout: two-space indent, one field per line", "layout", None),
    )
}
DEFAULT_RULES: tuple[str, ...] = tuple(name for name, rule in RULES.items() if rule.default)
