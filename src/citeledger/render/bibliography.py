"""The library call behind ``citeledger format``: files of entries + a style → printable text.

Reads CSL-JSON (``.json``) as is and BibTeX/BibLaTeX (``.bib``) through ``citeledger.io``; formats
with ``render.engine``; assembles citations and the bibliography as text, HTML or Markdown.
Codes: those of the readers and the engine (CL2xx, CL501, CL502). Unusable files raise
``UnusableInputError`` (exit 2).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from citeledger.diagnostics import Diagnostic
from citeledger.errors import UnusableInputError
from citeledger.io.convert import read_items as read_references
from citeledger.io.convert import with_ids
from citeledger.io.csljson import to_item
from citeledger.io.textfile import read_text
from citeledger.render import engine, styles

# Locator labels a user may type before the value (``short2007:chap. 3``) → CSL locator terms.
LOCATOR_LABELS = {
    "p.": "page", "pp.": "page", "page": "page", "pages": "page", "chap.": "chapter", "ch.": "chapter",
    "chapter": "chapter", "sec.": "section", "section": "section", "§": "section", "vol.": "volume",
    "volume": "volume", "para.": "paragraph", "n.": "note", "note": "note", "fig.": "figure", "figure": "figure",
    "l.": "line", "line": "line", "col.": "column", "book": "book", "part": "part",
}


@dataclass
class FormatResult:
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    formatted: engine.Formatted | None = None


def parse_cite(spec: str) -> list[engine.Cite]:
    """``short2007:81, 93`` → one cite; ``a:12;b`` → a citation of two works; ``b:chap. 3`` takes a label."""
    cites = []
    for part in spec.split(";"):
        key, _, locator = part.strip().partition(":")
        if not key.strip():
            raise UnusableInputError(f"--cite {spec!r}: a citation key is missing")
        label, locator = "page", locator.strip()
        head, _, rest = locator.partition(" ")
        if head.lower() in LOCATOR_LABELS and rest:
            label, locator = LOCATOR_LABELS[head.lower()], rest.strip()
        cites.append(engine.Cite(key.strip(), locator, label))
    return cites


def read_items(path: str) -> tuple[list[dict], list[Diagnostic]]:
    """CSL-JSON items from a ``.json`` or ``.bib`` file (``-``: stdin, JSON when it starts with ``[``)."""
    decoded = read_text(path)
    text = decoded.text
    if path.lower().endswith((".json", ".csljson")) or (path == "-" and text.lstrip().startswith(("[", "{"))):
        return _read_json(text, path), list(decoded.diagnostics)
    references, diagnostics = read_references(text, "bibtex", path)
    return [to_item(r) for r in with_ids(references)], [*decoded.diagnostics, *diagnostics]


def _read_json(text: str, path: str) -> list[dict]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise UnusableInputError(f"{path}: not valid JSON ({error})") from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise UnusableInputError(f"{path}: CSL-JSON must be a list of item objects")
    return data


def format_files(
    paths: Sequence[str], style: str = "apa", *, locale: str | None = None, to: str = "text",
    cites: Sequence[str] = (), cited_only: bool = False, jobs: int | None = None,
) -> FormatResult:
    """Read ``paths``, format with ``style`` (id or path) and assemble the output in ``to``
    (``jobs``: worker processes for a long bibliography, None for one per core)."""
    items, diagnostics = [], []
    for path in paths:
        found, problems = read_items(path)
        items.extend(found)
        diagnostics.extend(problems)
    loaded = engine.load_style(styles.resolve_style(style), locale=locale)
    clusters = [parse_cite(spec) for spec in cites]
    formatted = engine.format_items(items, loaded, cites=clusters, fmt=to, only_cited=cited_only, jobs=jobs)
    diagnostics.extend(formatted.diagnostics)
    return FormatResult(render_document(formatted, loaded.title), diagnostics, formatted)


def render_document(formatted: engine.Formatted, title: str = "") -> str:
    """Citations, then the bibliography, in the result's format."""
    if formatted.fmt == "html":
        cites = "".join(f'<p class="csl-citation">{c}</p>\n' for c in formatted.citations)
        entries = "".join(f'  <div class="csl-entry" id="{html.escape(e.id)}">{e.text}</div>\n'
                          for e in formatted.entries)
        return f'{cites}<div class="csl-bib-body">\n{entries}</div>\n'
    separator = "\n\n" if formatted.fmt == "markdown" else "\n"
    parts = [separator.join(formatted.citations), separator.join(e.text for e in formatted.entries)]
    return "\n\n".join(part for part in parts if part) + "\n"
