"""The site's "Cite this item" line for an article's own entry, and ISSN validation.

``Sok Dara, Kaing Guek Eav (Duch), Mass Violence & Résistance, [online], published on: 12 March, 2010,
accessed 01/06/2024, URL : …, ISSN 1961-9898``: the ``URL : …`` slot only when a URL is known (never
an empty ``,,``). Rendered with our ``citeledger-cite-this`` CSL style, or any ``style``.
Codes: CL401 (ISSN malformed or failing its check digit), plus the engine's.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace

from citeledger.article.reader import read_article
from citeledger.diagnostics import Diagnostic
from citeledger.errors import UnusableInputError
from citeledger.io.bibtex_writer import to_bibtex
from citeledger.io.csljson import to_csljson, to_item
from citeledger.model import Date, Reference
from citeledger.render import engine, styles

CITE_THIS_STYLE = "citeledger-cite-this"
_ISSN = re.compile(r"^(\d{4})-?(\d{3}[\dX])$")
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass
class CiteThis:
    text: str
    reference: Reference
    diagnostics: list[Diagnostic] = field(default_factory=list)


def check_issn(issn: str, subject: str = "") -> Diagnostic | None:
    """``1961-9898`` → None; a malformed ISSN or a wrong check digit → CL401."""
    match = _ISSN.match(issn.strip().upper())
    if not match:
        return Diagnostic("CL401", f"ISSN {issn!r} is malformed (expected NNNN-NNNC)", subject=subject)
    digits = match.group(1) + match.group(2)
    total = sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    if digits[7] != expected:
        return Diagnostic("CL401", f"ISSN {issn} fails its check digit (expected {expected})", subject=subject,
                          hint="a digit was probably mistyped or transposed")
    return None


def parse_accessed(text: str) -> Date:
    """``17/02/2021`` (day first, as the site writes it) or ``2021-02-17`` → Date; else UnusableInputError."""
    text = text.strip()
    if match := _DAY_FIRST.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise UnusableInputError(f"cannot read the date {text!r} (use DD/MM/YYYY or YYYY-MM-DD)")
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise UnusableInputError(f"{text!r} is not a calendar date") from None
    return Date((year, month, day))


def with_access(reference: Reference, url: str | None, accessed: Date | None, today: datetime.date) -> Reference:
    """The entry with ``url`` and ``accessed`` filled in; ``accessed`` defaults to the entry's own, else today."""
    fields = dict(reference.fields)
    if url:
        fields["URL"] = url
    dates = dict(reference.dates)
    if accessed is not None:
        dates["accessed"] = accessed
    elif "accessed" not in dates:
        dates["accessed"] = Date((today.year, today.month, today.day))
    return replace(reference, fields=fields, dates=dates)


def format_cite_this(
    reference: Reference, *, url: str | None = None, accessed: Date | None = None,
    today: datetime.date | None = None, style: str = CITE_THIS_STYLE, fmt: str = "text",
) -> CiteThis:
    """The article's own citation in the site's form (or ``style``), with its ISSN checked (CL401)."""
    entry = with_access(reference, url, accessed, today or datetime.date.today())
    diagnostics: list[Diagnostic] = []
    if (issn := entry.get("ISSN")) and (problem := check_issn(issn, subject=entry.id)):
        diagnostics.append(problem)
    item = to_item(entry) | {"id": entry.id or "article"}
    formatted = engine.format_items([item], engine.load_style(styles.resolve_style(style)), fmt=fmt)
    diagnostics.extend(formatted.diagnostics)
    text = formatted.entries[0].text if formatted.entries else ""
    return CiteThis(text, entry, diagnostics)


def cite_this_article(
    path: str, *, url: str | None = None, accessed: str | None = None, style: str = CITE_THIS_STYLE,
    to: str = "text", today: datetime.date | None = None,
) -> CiteThis:
    """Read the article at ``path`` and cite it: ``to`` is text/html/markdown (formatted with ``style``),
    or bibtex/csl-json (the article's own entry). The URL comes from ``url``, else the article."""
    article, diagnostics = read_article(path)
    if article.own_entry is None:
        raise UnusableInputError(f"{path}: no header or cite-this block to cite the article from")
    when = parse_accessed(accessed) if accessed else None
    result = format_cite_this(article.own_entry, url=url or article.url or None, accessed=when, today=today,
                              style=style, fmt=to if to in engine.FORMATS else "text")
    # the reader's findings about the reference list or citations are not this command's business
    result.diagnostics[:0] = [d for d in diagnostics if d.code.startswith("CL4")]
    entry = replace(result.reference, id=result.reference.id or "article")
    if to == "csl-json":
        result.text = to_csljson([entry])
    elif to == "bibtex":
        text, problems = to_bibtex([entry])
        result.text = text
        result.diagnostics.extend(problems)
    else:
        result.text += "\n"
    return result
