"""Normalizer: DOI, URL, ISBN and ISSN, from their segments or anywhere in the string (the patterns
are strict enough to be trusted on their own)."""

from __future__ import annotations

import re

from citeledger.references.normalizers.draft import Draft

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+")
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b")
_ISSN = re.compile(r"\bISSN:?\s*(\d{4}-?\d{3}[\dXx])\b")
_TRAILING = ".,;)]>"


def normalize_identifiers(draft: Draft) -> None:
    text = draft.labelling.text
    if doi := _DOI.search(text):
        draft.fields["DOI"] = doi.group(1).rstrip(_TRAILING)
    url = _URL.search(text)
    if url and not (doi and "doi.org" in url.group()):
        draft.fields["URL"] = url.group().rstrip(_TRAILING)
    if isbn := _ISBN.search(text):
        draft.fields["ISBN"] = re.sub(r"\s", "-", isbn.group(1))
    if issn := _ISSN.search(text):
        value = issn.group(1).upper()
        draft.fields["ISSN"] = value if "-" in value else f"{value[:4]}-{value[4:]}"
