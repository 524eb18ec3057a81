"""Reports from jinja2 templates: ``render_report(ledger, style_ids, to)`` → one HTML page or Markdown text.

The only module that imports jinja2. Templates live in ``templates/`` (packaged as ``citeledger/templates``):
``report.html.j2``, ``report.md.j2``. Autoescaping is on for every ``.html`` template and undefined
variables are errors everywhere (StrictUndefined). Data is never marked safe, with one exception: the
engine's formatted entries and cite-this line, which ``render.engine`` builds with every value escaped;
templates pass them through the ``formatted`` filter, so they are easy to find.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import re
from collections.abc import Sequence
from functools import cache

import jinja2
from markupsafe import Markup

from citeledger.errors import UnusableInputError
from citeledger.model import Ledger
from citeledger.render.report_data import DEFAULT_STYLES, REPORT_FORMATS, Report, build_report
from citeledger.resources import resource_dir

TEMPLATES = {"html": "report.html.j2", "markdown": "report.md.j2"}
# Backslash-escaped in Markdown text: emphasis, links, code, tables, and raw HTML's angle brackets.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_WHITESPACE = re.compile(r"\s+")  # a line break inside a table cell or list item would end it

__all__ = ["DEFAULT_STYLES", "REPORT_FORMATS", "TEMPLATES", "escape_markdown", "render_report", "render_template"]


def escape_markdown(text: object) -> str:
    """Text → Markdown that shows it literally (no emphasis, links, tables or HTML); newlines → spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", str(text)))


def _formatted(text: str, fmt: str = "html") -> Markup | str:
    """Engine output: HTML that ``render.engine`` already escaped (Markup), or Markdown it escaped."""
    return Markup(text) if fmt == "html" else text


def _csp_hash(script: str) -> str:
    """The CSP source for one inline script, so that no other (injected) script can run."""
    digest = hashlib.sha256(str(script).encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _autoescape(name: str | None) -> bool:
    return name is None or ".html" in name or ".htm" in name


@cache
def template_environment() -> jinja2.Environment:
    """The one jinja2 Environment: templates from the package's ``templates/`` folder."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_dir("templates"))),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(formatted=_formatted, md=escape_markdown, csp_hash=_csp_hash)
    return environment


def render_template(name: str, **context: object) -> str:
    """Render one template; a missing template (a broken installation) raises UnusableInputError.
    Undefined variables raise jinja2's UndefinedError: a bug in the template, not bad input."""
    try:
        template = template_environment().get_template(name)
    except jinja2.TemplateNotFound:
        raise UnusableInputError(f"report template {name} not found in {resource_dir('templates')}") from None
    return template.render(**context)


def render_report(ledger: Ledger, style_ids: Sequence[str] = DEFAULT_STYLES, to: str = "html",
                  today: datetime.date | None = None) -> tuple[str, Report]:
    """Takes a ledger, the bibliography styles (ids or paths), ``html`` or ``markdown``, and the date for a
    missing "accessed"; returns (the document, the Report it shows). Raises StyleError (CL501) for an
    unknown style and UnusableInputError for an unknown format."""
    if to not in TEMPLATES:
        raise UnusableInputError(f"unknown report format {to!r} (choose from {', '.join(TEMPLATES)})")
    report = build_report(ledger, style_ids, to, today)
    return render_template(TEMPLATES[to], report=report), report
