"""Raw BibTeX values, piece by piece: the helpers tidy rules use to change text without changing meaning.

A raw value is what follows ``=`` in the source: ``{A {B}}``, ``"x" # jan``, ``2000``. ``split_value``
(from ``io.bibtex``) cuts it into pieces; ``map_pieces`` lets a rule rewrite the text of braced and
quoted pieces and re-joins them, so @string macros, numbers and ``#`` concatenations come back as the
same pieces. Values the splitter cannot read completely are never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from citeledger.io.bibtex import split_value

Piece = tuple[str, str]

# Fields whose text is data, not prose: whitespace and specials in them are meaningful or verbatim.
VERBATIM_FIELDS = frozenset({
    "url", "urlraw", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc", "uri", "eid",
})
VERBATIM_PREFIXES = ("bdsk-", "local-url", "mendeley-", "zotero-")

# ASCII whitespace only: a no-break space (U+00A0) is meaningful and must survive.
_WHITESPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_NEEDS_COLLAPSE = re.compile(r"[ \t\n\r\f\v]{2}|[\t\r\n\f\v]|^ | $")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def is_verbatim(name: str) -> bool:
    """True for fields tidy must not reflow or escape (URLs, DOIs, file links, tool metadata)."""
    name = name.lower()
    return name in VERBATIM_FIELDS or name.startswith(VERBATIM_PREFIXES)


def braced_pattern(depth: int = 8) -> str:
    """Regex for a ``{...}`` group nesting at most ``depth`` levels (a regex cannot count; deeper groups
    do not match). Possessive quantifiers keep it linear on text that does not match."""
    inner = r"[^{}]++"
    for _ in range(depth):
        inner = r"[^{}]++|\{(?:" + inner + r")*+\}"
    return r"\{(?:" + inner + r")*+\}"


_BRACED = braced_pattern()
_ONE_BRACED = re.compile(_BRACED + r"\Z")
_ONE_QUOTED = re.compile(rf'"(?:[^"{{}}]++|{_BRACED})*+"\Z')
_BALANCED = re.compile(rf"(?:[^{{}}]++|{_BRACED})*+\Z")


@lru_cache(maxsize=4096)
def pieces_of(value: str) -> tuple[Piece, ...]:
    """``split_value`` with a fast path for the common shapes (a number, one braced or quoted piece,
    matched by one regex) and a small cache, because several rules look at the same value in a row."""
    if value.isdigit():
        return (("number", value),)
    if value[:1] == "{" and _ONE_BRACED.match(value):
        return (("braced", value[1:-1]),)
    if value[:1] == '"' and _ONE_QUOTED.match(value):
        return (("quoted", value[1:-1]),)
    return tuple(split_value(value))


def join_pieces(pieces: tuple[Piece, ...]) -> str:
    """Inverse of ``split_value`` for readable pieces: ``{x} # jan # "y"``."""
    out = []
    for kind, text in pieces:
        if kind == "braced":
            out.append("{" + text + "}")
        elif kind == "quoted":
            out.append('"' + text + '"')
        else:
            out.append(text)
    return " # ".join(out)


def map_pieces(value: str, rewrite: Callable[[str, str], Piece]) -> str | None:
    """Apply ``rewrite(kind, text) -> (kind, text)`` to every piece of ``value``.

    Returns the new raw value, or None when nothing changed, when a piece is unreadable (``literal``),
    or when the new value would not split back into the same pieces (a safety net against a rule
    producing unbalanced braces or a stray ``"``).
    """
    pieces = pieces_of(value)
    if not pieces or any(kind == "literal" for kind, _ in pieces):
        return None
    return _rejoin(pieces, tuple(rewrite(kind, text) for kind, text in pieces))


def _rejoin(pieces: tuple[Piece, ...], new: tuple[Piece, ...]) -> str | None:
    """The raw value for ``new``, or None when nothing changed or it would not split back into ``new``."""
    if new == pieces:
        return None
    joined = join_pieces(new)
    return joined if pieces_of(joined) == new else None


def single_text_piece(value: str) -> str | None:
    """The text of a value that is exactly one braced or quoted piece (``{x}``/``"x"``), else None."""
    if not value or value[0] not in '{"':
        return None
    pieces = pieces_of(value)
    if len(pieces) == 1 and pieces[0][0] in ("braced", "quoted"):
        return pieces[0][1]
    return None


def balanced(text: str) -> bool:
    """True when every ``{`` in ``text`` is closed, in order (BibTeX counts braces even after ``\\``).
    Groups nested deeper than eight levels count as unbalanced: rules then leave the text alone."""
    return _BALANCED.match(text) is not None


def escaped_at(text: str, index: int) -> bool:
    """True when the character at ``index`` is preceded by an odd number of backslashes."""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def has_unescaped(text: str, char: str) -> bool:
    start = text.find(char)
    while start >= 0:
        if not escaped_at(text, start):
            return True
        start = text.find(char, start + 1)
    return False


def may_need_trim(value: str) -> bool:
    """A cheap over-approximation of "``trim_value`` would change ``value``": a run of spaces, a line
    break or tab, or a space next to a delimiter. Plain ``in`` tests: this runs on every field."""
    return (
        "  " in value or "\n" in value or "\r" in value or "\t" in value or "{ " in value or " }" in value
        or '" ' in value or ' "' in value or "\f" in value or "\v" in value
    )


def collapse_whitespace(text: str, strip_left: bool = True, strip_right: bool = True) -> str:
    """Runs of whitespace → one space, and the ends trimmed where asked; a run holding a blank line is
    kept as is (in TeX it is a paragraph break) and a trailing control space (``\\ ``) keeps its space."""
    if not _NEEDS_COLLAPSE.search(text):
        return text

    def one_run(match: re.Match[str]) -> str:
        run = match.group(0)
        return run if len(_LINE_BREAK.findall(run)) >= 2 else " "

    out = _WHITESPACE_RUN.sub(one_run, text)
    if strip_left:
        out = out.lstrip(" ")
    if strip_right:
        stripped = out.rstrip(" ")
        if len(stripped) < len(out) and stripped.endswith("\\") and escaped_at(stripped + " ", len(stripped)):
            stripped += " "
        out = stripped
    return out


def trim_value(value: str) -> str | None:
    """``collapse_whitespace`` on each braced or quoted piece of a raw value, trimming only the outer
    ends of the whole value: in ``acm # { Transactions}`` the inner space is part of the text. Pieces
    with an unescaped ``%`` are left alone (there a line break ends a TeX comment)."""
    pieces = pieces_of(value)
    if not pieces or any(kind == "literal" for kind, _ in pieces):
        return None
    last = len(pieces) - 1
    new = tuple(
        (kind, collapse_whitespace(text, index == 0, index == last))
        if kind in ("braced", "quoted") and not has_unescaped(text, "%") else (kind, text)
        for index, (kind, text) in enumerate(pieces)
    )
    return _rejoin(pieces, new)


def escape_specials(text: str, specials: str = "&%") -> str:
    """Put a backslash before every unescaped character of ``specials``."""
    out = []
    for index, char in enumerate(text):
        if char in specials and not escaped_at(text, index):
            out.append("\\")
        out.append(char)
    return "".join(out)
