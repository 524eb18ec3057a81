"""``build_ledger(text, source, options)``: article → references → sentences → citations → links → claims →
checks, composed in that order. The CLI's ``check`` and ``claims`` commands are thin layers over it.

The references come from, in order of preference: ``references=`` (already built), ``options.bib`` (a
BibTeX or CSL-JSON file), or the article's own reference list, parsed. A ``--bib`` entry that is the article
itself (same title as the article, same year) is left out: it is not a reference of the list.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from citeledger.article import parse_article
from citeledger.citations.checks import CheckOptions, run_checks
from citeledger.citations.claims import extract_claims, link_supports
from citeledger.citations.extract import extract_citations
from citeledger.citations.link import link_citations
from citeledger.citations.matching import fold
from citeledger.citations.sentences import split_sentences
from citeledger.diagnostics import Diagnostic, unique
from citeledger.errors import UnusableInputError
from citeledger.io.textfile import read_text
from citeledger.model import Article, Ledger, Reference
from citeledger.positions import LineIndex


@dataclass(frozen=True)
class LedgerOptions:
    """``bib``: a .bib/.json file to check against instead of the article's list; ``fmt``: the article's
    format (``text``, ``markdown``, ``html``; guessed when None); ``uncited``: CL304's level."""

    bib: str | None = None
    fmt: str | None = None
    uncited: str = "warning"
    encoding: str | None = None


def load_bib(path: str) -> tuple[list[Reference], list[Diagnostic]]:
    """A BibTeX/BibLaTeX or CSL-JSON (``.json``) file → (References, diagnostics); UnusableInputError when
    it cannot be read."""
    # Imported here: only --bib needs the BibTeX and CSL-JSON readers.
    from citeledger.io.bibtex_items import parse_bibtex_items
    from citeledger.io.csljson import from_csljson

    decoded = read_text(path)
    if path.lower().endswith(".json"):
        try:
            data = json.loads(decoded.text)
        except json.JSONDecodeError as error:
            raise UnusableInputError(f"{path}: not valid JSON ({error.msg}, line {error.lineno})") from None
        references, diagnostics = from_csljson(data, path)
    else:
        references, diagnostics = parse_bibtex_items(decoded.text, path)
    return references, [*decoded.diagnostics, *diagnostics]


def is_the_article(reference: Reference, article: Article) -> bool:
    """True when a bibliography entry describes the article being checked (its own entry)."""
    if not article.title or fold(reference.get("title")) != fold(article.title):
        return False
    own_year = article.date.year if article.date else None
    return own_year is None or reference.year in (None, own_year)


def parse_article_references(article: Article, source: str) -> tuple[list[Reference], list[Diagnostic]]:
    """The article's own reference list, parsed and keyed (the other issue's parser and key rules)."""
    # Imported here: the reference parser is only needed without --bib, and it is slow to load.
    from citeledger.keys import assign_keys
    from citeledger.references import parse_references

    items = [(article.text[span.start : span.end], span) for span in article.reference_entries]
    references, diagnostics, _ = parse_references(items, source)
    keys = assign_keys(references)
    return [replace(reference, id=key) for reference, key in zip(references, keys, strict=True)], diagnostics


def _references(article: Article, source: str, options: LedgerOptions, given: Sequence[Reference] | None):
    if given is not None:
        return list(given), [], source
    if options.bib:
        references, diagnostics = load_bib(options.bib)
        return [r for r in references if not is_the_article(r, article)], diagnostics, options.bib
    references, diagnostics = parse_article_references(article, source)
    return references, diagnostics, source


def build_ledger(
    text: str, source: str = "-", options: LedgerOptions | None = None, references: Sequence[Reference] | None = None
) -> Ledger:
    """Takes an article's text, its path (for diagnostics) and options (and optionally the references to
    check against); returns the Ledger with every stage's results and all diagnostics: the article
    reader's (CL101 when no list and no ``--bib``), the reference parser's or the .bib reader's, and the
    checks' (CL301–CL307, CL202/CL203). Raises UnusableInputError only for an unusable ``--bib`` file."""
    options = options or LedgerOptions()
    article, found = parse_article(text, source, options.fmt)
    if options.bib or references is not None:
        found = [diagnostic for diagnostic in found if diagnostic.code != "CL101"]
    refs, ref_diagnostics, ref_source = _references(article, source, options, references)
    text = article.text
    body = article.body
    start, end = (body.start, body.end) if body else (0, article.reference_block.start if article.reference_block
                                                            else len(text))  # fmt: skip
    index = LineIndex(text)  # one line index for every stage: it costs a pass over the text
    sentences = split_sentences(text, start, end, index)
    citations = extract_citations(text, start, end, pandoc_syntax=article.format == "markdown", index=index)
    links = link_citations(citations, refs)
    linked = {link.citation for link in links if link.key is not None}
    if any(c.tentative and n not in linked for n, c in enumerate(citations)):
        citations = [c for n, c in enumerate(citations) if not c.tentative or n in linked]
        links = link_citations(citations, refs)
    claims = extract_claims(text, sentences, citations, links, index)
    ledger = Ledger(article, tuple(refs), tuple(sentences), tuple(citations), tuple(claims), tuple(links),
                    link_supports(claims, links, refs), reference_source=ref_source)  # fmt: skip
    checks = run_checks(ledger, CheckOptions(uncited=options.uncited))
    return replace(ledger, diagnostics=tuple(unique((*found, *ref_diagnostics, *checks))))


def check_file(path: str, options: LedgerOptions | None = None) -> Ledger:
    """Read an article file (UnusableInputError for binary or unreadable input) and build its ledger."""
    options = options or LedgerOptions()
    decoded = read_text(path, options.encoding)
    ledger = build_ledger(decoded.text, path, options)
    return replace(ledger, diagnostics=(*decoded.diagnostics, *ledger.diagnostics))


def _count_findings(path: str, options: LedgerOptions) -> tuple[str, int]:
    return path, len(check_file(path, options).diagnostics)


def check_files(paths: Sequence[str], options: LedgerOptions | None = None, jobs: int = 1) -> list[tuple[str, int]]:
    """Check many articles, ``jobs`` processes at a time; returns (path, number of findings) per article."""
    options = options or LedgerOptions()
    if jobs <= 1:
        return [_count_findings(path, options) for path in paths]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(paths) // (jobs * 8))
        return list(pool.map(_count_findings, paths, [options] * len(paths), chunksize=chunk))
