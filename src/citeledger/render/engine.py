"""CSL formatting on citeproc-py: CSL-JSON items + a style → bibliography entries and citations.

The only module that imports citeproc. Its gaps are fixed by the named workarounds listed in
``render.workarounds``; each can be switched off (``load_style(..., workarounds=...)``) for its test.
Styles are parsed with a safe lxml parser (no DTD, no entities, no network) and not validated
(RELAX NG validation costs 50–90 ms per load and only warns).

Codes: CL501 (style file missing), CL502 (style unreadable, engine warnings, unknown ids, crashes).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from citeproc import (
    LANGUAGE_NAMES,
    PRIMARY_DIALECTS,
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
)
from citeproc import LOCALES_PATH as cp_locales_path
from citeproc import model as cp_model
from citeproc.formatter import html as cp_html
from citeproc.formatter import plain as cp_plain
from citeproc.source import Reference, VariableError
from citeproc.source.json import CiteProcJSON
from lxml import etree

from citeledger.diagnostics import Diagnostic, Severity
from citeledger.errors import UnusableInputError
from citeledger.performance import gc_paused
from citeledger.render import disambiguation, parallel, workarounds
from citeledger.render import items as item_prep

FORMATS = ("text", "html", "markdown")
CSL_NS = "http://purl.org/net/xbiblio/csl"


class StyleError(UnusableInputError):
    """A style that cannot be used at all; ``diagnostic`` says why (CL501 or CL502)."""

    def __init__(self, diagnostic: Diagnostic):
        hint = f"; {diagnostic.hint}" if diagnostic.hint else ""
        super().__init__(f"{diagnostic.code}: {diagnostic.message}{hint}")
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class Cite:
    """One work in an in-text citation: its id and an optional locator (``label`` is a CSL locator term)."""

    id: str
    locator: str = ""
    label: str = "page"
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Entry:
    id: str
    text: str


@dataclass(frozen=True)
class Formatted:
    """What ``format_items`` returns: entries in bibliography order, one string per citation, findings."""

    entries: tuple[Entry, ...]
    citations: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    fmt: str = "text"


@dataclass
class Style:
    """A parsed style, ready to format. ``citeproc`` is the citeproc-py style object."""

    citeproc: CitationStylesStyle
    source: str
    enabled: frozenset[str]
    has_bibliography: bool
    title: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def root(self):
        return self.citeproc.root


class _OnceReference:
    """``item.reference``, looked up in the source on first use and then kept in the item's own
    ``__dict__`` (which a non-data descriptor does not shadow): citeproc-py looks it up through two
    dict subclasses on every variable access, a fifth of the run time."""

    def __get__(self, item, owner=None):
        if item is None:
            return self
        reference = vars(item)["reference"] = item.bibliography.source[item.key]
        return reference


class _Item(CitationItem):
    """A cite; its fields and ``reference`` read at C speed (see ``_Reference``)."""

    __getattr__ = __getitem__ = dict.__getitem__
    reference = _OnceReference()

    def __missing__(self, key):
        raise VariableError

    def is_bad(self):
        # citeproc-py scans the list of registered keys (quadratic over a bibliography); every cited
        # work that the source has is registered before anything renders (``_register``)
        return self.key not in self.bibliography.source


class _Reference(Reference):
    """A work whose variables read at C speed: citeproc-py's attribute and item access each add two
    Python calls per variable read (hundreds per entry) only to turn a KeyError into a VariableError,
    which ``__missing__`` raises here."""

    __getattr__ = __getitem__ = dict.__getitem__

    def __missing__(self, key):
        raise VariableError


def _element_lookup(enabled: frozenset[str]) -> etree.ElementNamespaceClassLookup:
    """The class lookup citeproc-py builds, with our fixed element classes in place of its own."""
    base = {cls.__name__.replace("_", "-").lower(): cls for cls in cp_model.CitationStylesElement.__subclasses__()}
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = cp_model.CitationStylesElement
    namespace.update(workarounds.build_element_classes(base, cp_model, enabled))
    return lookup


class _ParsedStyle(CitationStylesStyle):
    """citeproc-py's style object, parsed by our safe parser instead of its own."""

    def __init__(self, data: bytes, locale: str | None, enabled: frozenset[str]):
        parser = etree.XMLParser(
            remove_comments=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        parser.set_element_class_lookup(_element_lookup(enabled))
        self.xml = etree.ElementTree(etree.fromstring(data, parser))
        self.root = self.xml.getroot()
        if not isinstance(self.root, cp_model.Style):
            raise ValueError("not a CSL style (the root element is not cs:style)")
        _set_locale_list(self.root, locale or self.root.get("default-locale") or "en-US", parser)
        if "structure-cache" in enabled:
            workarounds.pin_elements(self.root, self.root.locales)


def _set_locale_list(root, output_locale: str, parser: etree.XMLParser) -> None:
    """citeproc-py's ``Style.set_locale_list``, with the locale files parsed by our parser, so that the
    fixes apply inside localized dates and terms too. Raises ValueError for an unknown locale."""
    def in_style(lang: str | None) -> None:
        expr = f'./cs:locale[@xml:lang="{lang}"]' if lang else "./cs:locale[not(@xml:lang)]"
        root.locales.extend(root.xpath_search(expr))

    def system(lang: str) -> None:
        if lang not in loaded:
            path = Path(cp_locales_path) / f"locales-{lang}.xml"
            try:
                root.locales.append(etree.parse(str(path), parser).getroot())
            except OSError:
                raise ValueError(f"{lang!r} is not a known locale") from None
            loaded.add(lang)

    root.locales, loaded = [], set()
    language = output_locale.split("-")[0]
    for lang in (output_locale, language, None):
        in_style(lang)
    if output_locale in LANGUAGE_NAMES:
        system(output_locale)
    if language in PRIMARY_DIALECTS:
        system(PRIMARY_DIALECTS[language])
    system("en-US")
    for found in root.locales:
        found.style = root


def load_style(
    path: str | Path, *, locale: str | None = None, enabled: Iterable[str] = workarounds.ALL
) -> Style:
    """Parse the CSL file at ``path``. Raises ``StyleError`` (CL501 missing, CL502 unreadable/invalid)."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise StyleError(Diagnostic("CL501", f"cannot read style {source}: {error.strerror}", path=source)) from None
    return load_style_data(data, source=source, locale=locale, enabled=enabled)


def load_style_data(
    data: bytes, *, source: str = "<style>", locale: str | None = None, enabled: Iterable[str] = workarounds.ALL
) -> Style:
    """Parse CSL XML held in memory; see ``load_style``."""
    enabled = frozenset(enabled)
    try:
        parsed = _ParsedStyle(data, locale, enabled)
    except etree.XMLSyntaxError as error:
        raise StyleError(Diagnostic("CL502", f"style is not well-formed XML: {error}", path=source)) from None
    except ValueError as error:  # citeproc-py: unknown locale
        raise StyleError(Diagnostic("CL502", f"cannot load style: {error}", path=source)) from None
    root = parsed.root
    if root.tag != f"{{{CSL_NS}}}style" or root.citation is None or root.citation.layout is None:
        raise StyleError(Diagnostic("CL502", "not a CSL style (no cs:style with a cs:citation layout)", path=source))
    info = root.find(f"{{{CSL_NS}}}info")
    title = info.findtext(f"{{{CSL_NS}}}title", default="") if info is not None else ""
    style = Style(parsed, source, enabled, root.bibliography is not None, title=title)
    if not style.has_bibliography:
        style.diagnostics.append(
            Diagnostic("CL502", "the style defines no bibliography; only citations are formatted",
                       severity=Severity.INFO, path=source)
        )
    return style


def _formatter(fmt: str) -> SimpleNamespace:
    if fmt == "text":
        return SimpleNamespace(name=fmt, **{name: getattr(cp_plain, name) for name in _FORMATTER_NAMES})
    if fmt == "html":
        classes = {name: getattr(cp_html, name) for name in _FORMATTER_NAMES if name != "preformat"}
        return SimpleNamespace(name=fmt, preformat=lambda text: workarounds.escape_html(str(text)), **classes)
    return SimpleNamespace(name=fmt, preformat=item_prep.escape_markdown, **_MARKDOWN)


_FORMATTER_NAMES = ("preformat", "Italic", "Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript",
                    "SmallCaps")


def _wrapper(before: str, after: str) -> type:
    return type("Markdown", (str,), {"__new__": lambda cls, text: str.__new__(cls, f"{before}{text}{after}")})


_MARKDOWN = {
    "Italic": _wrapper("*", "*"), "Oblique": _wrapper("*", "*"), "Bold": _wrapper("**", "**"),
    "Light": str, "Underline": str, "Superscript": _wrapper("^", "^"), "Subscript": _wrapper("~", "~"),
    "SmallCaps": str,
}


def format_items(
    items: Sequence[dict],
    style: Style,
    *,
    cites: Sequence[Sequence[Cite]] = (),
    fmt: str = "text",
    only_cited: bool = False,
    jobs: int | None = None,
) -> Formatted:
    """Format CSL-JSON ``items`` with ``style``: the bibliography (all items, or only those in ``cites``)
    and one string per citation cluster in ``cites``. Bad items, unknown ids and engine crashes become
    CL502 diagnostics; the rest is still formatted. Long bibliographies are sorted and rendered in
    ``jobs`` worker processes (None: one per core; 1: none), with the same output (``render.parallel``)."""
    if fmt not in FORMATS:
        raise UnusableInputError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")
    with gc_paused():  # the collector's passes over the style's caches cost a quarter of the run, and free nothing
        return _format(items, style, cites, fmt, only_cited, jobs)


def _format(items, style: Style, cites, fmt: str, only_cited: bool, jobs: int | None) -> Formatted:
    diagnostics: list[Diagnostic] = list(style.diagnostics)
    style.root.formatter = formatter = _formatter(fmt)  # locale terms are read through it
    style.root.citeledger_jobs = jobs  # read by the sort keys (parallel.ParallelSortKeys)
    prepared = item_prep.prepare(items, style.root, fmt, style.enabled)
    source, ids = _build_source(prepared, diagnostics, style.source)
    bibliography = CitationStylesBibliography(style.citeproc, source, formatter)
    clusters = [_citation(cluster) for cluster in cites]
    _register(bibliography, [Citation([_Item(key)]) for key in source] if not only_cited else [], clusters)
    if style.has_bibliography:  # citeproc-py's sort needs a cs:bibliography
        _guarded(bibliography.sort, diagnostics, style.source, "sorting the bibliography")
    _disambiguate(bibliography, style, diagnostics)
    entries = _render_entries(bibliography, style, ids, fmt, diagnostics) if style.has_bibliography else []
    citations = [_render_citation(bibliography, citation, style, fmt, diagnostics) for citation in clusters]
    return Formatted(tuple(entries), tuple(citations), tuple(diagnostics), fmt)


def _register(bibliography, listed: Sequence[Citation], clusters: Sequence[Citation]) -> None:
    """citeproc-py's ``register`` for many citations at once: each known work once, in order of first
    appearance (its own check scans a list: quadratic in the number of works)."""
    seen = set(bibliography.keys)
    for citation in (*listed, *clusters):
        citation.bibliography = bibliography
        for item in citation.cites:
            if item.key in bibliography.source and item.key not in seen:
                seen.add(item.key)
                bibliography.keys.append(item.key)
                bibliography.items.append(item)


def _disambiguate(bibliography, style: Style, diagnostics: list[Diagnostic]) -> None:
    def render_alone(key: str) -> str | None:
        citation = Citation([_Item(key)])
        citation.bibliography = bibliography
        for item in citation.cites:
            disambiguation.reset_item(item)
        # as citeproc-js, the cite as a later one (position "subsequent", near-note, not ibid)
        earlier = [Citation([_Item(key)]).cites[0], Citation([_Item(f"{key}\x00")]).cites[0]]
        return _guarded(lambda: str(style.citeproc.render_citation(citation, earlier, None)), [], style.source, "")

    def render_each(keys):
        jobs = style.root.citeledger_jobs
        return parallel.map_chunks(lambda chunk: [render_alone(key) for key in chunk], keys, jobs=jobs)

    keys = [item.key for item in bibliography.items]
    disambiguation.disambiguate(keys, render_each, style.root, bibliography.source, style.enabled)


def _citation(cluster: Sequence[Cite]) -> Citation:
    items = []
    for cite in cluster:
        extra = {"prefix": cite.prefix, "suffix": cite.suffix} if cite.prefix or cite.suffix else {}
        if cite.locator:
            extra["locator"] = Locator(cite.label or "page", cite.locator)
        items.append(_Item(cite.id, **extra))
    return Citation(items)


def _build_source(items: Sequence[dict], diagnostics: list[Diagnostic], path: str) -> tuple[CiteProcJSON, dict]:
    """CSL-JSON → citeproc-py source, one item at a time so that one bad item does not sink the rest."""
    source = CiteProcJSON([])
    ids: dict[str, str] = {}
    for item in items:
        key = str(item.get("id", ""))
        if key.lower() in ids:  # as in BibTeX (and our linker), the first item with an id counts
            diagnostics.append(Diagnostic("CL502", f"item {key!r} repeats an id; the first one is used",
                                          severity=Severity.INFO, subject=key))
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                parsed = CiteProcJSON([item])
            except Exception as error:  # citeproc-py raises bare TypeErrors/KeyErrors on malformed items
                diagnostics.append(Diagnostic("CL502", f"item {key!r} cannot be read: {error}", subject=key))
                continue
        for reference in parsed.values():
            object.__setattr__(reference, "__class__", _Reference)  # CustomDict's own would store a key
        source.update(parsed)
        for warning in caught:
            diagnostics.append(Diagnostic("CL502", f"item {key!r}: {warning.message}", severity=Severity.INFO,
                                          subject=key))
        ids[key.lower()] = key
    return source, ids


def _guarded(call, diagnostics: list[Diagnostic], path: str, doing: str, subject: str = ""):
    """Run an engine step; a crash becomes a CL502 diagnostic (the style, not the user, is at fault)."""
    try:
        return call()
    except Exception as error:
        diagnostics.append(
            Diagnostic("CL502", f"the engine failed while {doing}: {type(error).__name__}: {error}",
                       path=path, subject=subject, hint="the style uses a CSL feature citeproc-py cannot render")
        )
        return None


def _render_entries(bibliography, style: Style, ids: dict, fmt: str, diagnostics: list[Diagnostic]) -> list[Entry]:
    root = style.root
    collect_names = "subsequent-author-substitute" in style.enabled

    def render_chunk(items) -> list[tuple[str, str | None, object, list[Diagnostic]]]:
        """(key, text or None, names rendering for subsequent-author-substitute, findings) per item."""
        root.citeledger_names = {} if collect_names else None
        results = []
        for item in items:
            disambiguation.reset_item(item)
            found: list[Diagnostic] = []
            rendered = _guarded(lambda item=item: style.citeproc.render_bibliography([item]), found,
                                style.source, f"formatting entry {ids.get(item.key, item.key)!r}", item.key)
            text = item_prep.finish(str(rendered[0]), root, fmt, style.enabled) if rendered else None
            results.append((item.key, text, (root.citeledger_names or {}).get(item.key), found))
        root.citeledger_names = None
        return results

    keys, texts, names = [], [], []
    rendered = parallel.map_chunks(render_chunk, bibliography.items, jobs=root.citeledger_jobs)
    for key, text, name, found in rendered:
        diagnostics.extend(found)
        if text is not None:
            keys.append(key)
            texts.append(text)
            names.append(name)
    substitute = root.bibliography.get("subsequent-author-substitute")
    if substitute is not None and collect_names:
        texts = workarounds.substitute_subsequent_authors(texts, names, substitute)
    return [Entry(ids.get(key, key), text) for key, text in zip(keys, texts, strict=True)]


def _render_citation(bibliography, citation, style: Style, fmt: str, diagnostics: list[Diagnostic]) -> str:
    def unknown(item) -> str:
        diagnostics.append(Diagnostic("CL502", f"citation of unknown id {item.key!r}", subject=item.key))
        return f"{item.key}?"

    for item in citation.cites:
        disambiguation.reset_item(item)
    bibliography._cites = []  # each cluster on its own, as citeproc-js's makeCitationCluster does
    text = _guarded(lambda: bibliography.cite(citation, unknown), diagnostics, style.source, "formatting a citation")
    return item_prep.finish(str(text or ""), style.root, fmt, style.enabled, entry=False)
