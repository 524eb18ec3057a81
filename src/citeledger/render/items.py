"""Item preparation before the engine and text finishing after it (no citeproc import here).

``prepare`` applies the data workarounds (typographic quotes, HTML/Markdown escaping) to a copy of the
CSL-JSON items; ``finish`` applies the output ones (punctuation in quotes, trimming, the second field).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from citeledger.render import workarounds

# Identifiers and codes are data, not prose: never re-quoted or escaped.
_VERBATIM = frozenset({"id", "type", "URL", "DOI", "ISSN", "ISBN", "PMID", "PMCID", "language", "citation-key"})
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def escape_markdown(text) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def _term(root, name: str) -> str:
    term = root.get_term(name)
    return str(term.single) if term is not None else ""


def _map_strings(item: dict, change) -> dict:
    """Apply ``change`` to every prose string of a CSL-JSON item, names included."""
    out = {}
    for key, value in item.items():
        if key in _VERBATIM:
            out[key] = value
        elif isinstance(value, str):
            out[key] = change(value)
        elif isinstance(value, list) and all(isinstance(n, dict) for n in value):
            out[key] = [{k: change(v) if isinstance(v, str) else v for k, v in n.items()} for n in value]
        else:
            out[key] = copy.deepcopy(value)
    return out


def prepare(items: Sequence[dict], root, fmt: str, enabled: frozenset[str]) -> list[dict]:
    """A copy of ``items`` ready for the engine in output format ``fmt``; items that are not JSON
    objects are passed through for the engine's reader to report."""
    # data quotes become marks; ``finish`` turns them into outer quotes, quoted text into inner ones
    quotes = (workarounds.OPEN_MARK, workarounds.CLOSE_MARK) if "typographic-quotes" in enabled else None
    escape = workarounds.escape_html if fmt == "html" and "html-escape" in enabled else None
    if fmt == "markdown":
        escape = escape_markdown

    def prepare_one(item: dict) -> dict:
        french = str(item.get("language", "")).lower().startswith("fr")

        def change(text: str) -> str:
            if quotes:
                text = workarounds.typographic_quotes(text, *quotes, french=french)
            return escape(text) if escape else text

        return _map_strings(item, change)

    return [prepare_one(item) if isinstance(item, dict) else item for item in items]


def finish(text: str, root, fmt: str, enabled: frozenset[str], *, entry: bool = True) -> str:
    """The engine's string → the text we print (output workarounds, the second-field-align split).
    ``entry`` is false for a citation, which citeproc-js does not trim (``\u00a0[9]`` keeps its prefix)."""
    if "punctuation-in-quote" in enabled and (root.get_locale_option("punctuation-in-quote") or "") == "true":
        quotes = (_term(root, "close-quote"), _term(root, "close-inner-quote"))
        text = workarounds.punctuation_in_quote(text, quotes)
    if workarounds.OPEN_MARK in text or workarounds.CLOSE_MARK in text:
        text = text.replace(workarounds.OPEN_MARK, _term(root, "open-quote") or "“")
        text = text.replace(workarounds.CLOSE_MARK, _term(root, "close-quote") or "”")
    if "quote-period" in enabled:
        text = workarounds.merge_quote_period(text, (_term(root, "close-quote"), _term(root, "close-inner-quote")))
    if "punctuation-merge" in enabled:
        text = workarounds.merge_punctuation(text)
    head, separator, tail = text.partition(workarounds.FIELD_SEPARATOR)
    if "trim-entry" in enabled and fmt != "html" and entry:  # citeproc-js trims text entries, at their edges
        head, tail = head.lstrip(), tail.rstrip()
        if not separator:
            head = head.rstrip()
    if not separator:
        return head
    if fmt == "html":
        return f'<div class="csl-left-margin">{head}</div><div class="csl-right-inline">{tail}</div>'
    return f"{head} {tail}"
