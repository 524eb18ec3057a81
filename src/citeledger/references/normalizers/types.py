"""Normalizers: the entry type from the fields found, then the fields its type needs (CL103)."""

from __future__ import annotations

import re

from citeledger.references.normalizers.draft import Draft

_THESIS = re.compile(r"(?i)\b(?:thesis|thèse|these|dissertation|ph\.?\s?d|doctoral|mémoire|tesi|doktorarbeit)\b")
_EMPTY_PLACE = re.compile(r",\s*:\s*\S")
REQUIRED = {
    "book": ("title", "publisher", "publisher-place"),
    "chapter": ("title", "container-title", "publisher", "publisher-place"),
    "article-journal": ("title", "container-title"),
    "thesis": ("title", "publisher"),
    "webpage": ("title",),
    "document": ("title",),
}
_NAMES = {"publisher-place": "place of publication", "container-title": "container title"}


def infer_type(draft: Draft) -> None:
    fields, text = draft.fields, draft.labelling.text
    container = "container-title" in fields
    if _THESIS.search(fields.get("genre", "") or text) and not container:
        draft.type = "thesis"
    elif container and ("volume" in fields or "issue" in fields) and "publisher" not in fields:
        draft.type = "article-journal"
    elif container and ("editor" in draft.names or "publisher" in fields or "publisher-place" in fields):
        draft.type = "chapter"
    elif container:
        draft.type = "article-journal"
    elif "URL" in fields and "publisher" not in fields:
        draft.type = "webpage"
    elif "publisher" in fields or "publisher-place" in fields or "edition" in fields:
        draft.type = "book"
    else:
        draft.type = "document"


def check_required(draft: Draft) -> None:
    """CL103 for each field the type needs but the reference lacks (a lost place: ``, : Seuil``)."""
    for variable in REQUIRED.get(draft.type, ()):
        lost = variable == "publisher-place" and _EMPTY_PLACE.search(draft.labelling.text)
        # Modern styles (APA 7, MLA 9) print no place: only a place left empty counts as missing.
        if variable in draft.fields or (variable == "publisher-place" and not lost):
            continue
        hint = "the place was left empty (', : Publisher')" if lost else ""
        draft.report("CL103", f"no {_NAMES.get(variable, variable)} ({variable})", hint=hint,
                     at=lost.start() if lost else None)  # fmt: skip
    if "issued" not in draft.dates:
        draft.report("CL103", "no date (issued)")
