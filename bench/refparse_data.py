"""Readers for the held-out reference sets in ../shared/data/refparse (evaluation only: nothing here
is used for training). Each reader yields ``(text, gold)`` where ``gold`` maps an evaluated field
(``author``, ``editor``, ``title``, ``container-title``, ``year``, ``volume/issue``, ``pages``,
``publisher``, ``place``) to the raw gold strings.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

Gold = dict[str, list[str]]
# Each set's label → evaluated field; labels not listed are not scored.
ANYSTYLE = {"author": "author", "editor": "editor", "title": "title", "container-title": "container-title",
            "journal": "container-title", "date": "year", "volume": "volume/issue", "issue": "volume/issue",
            "pages": "pages", "publisher": "publisher", "location": "place"}  # fmt: skip
PARSCIT = {**ANYSTYLE, "booktitle": "container-title", "institution": "publisher"}
# ``tomo`` is the Italian volume (``t. II``): scored as volume/issue like ``volume``.
LINKEDBOOKS = {"author": "author", "title": "title", "year": "year", "publicationplace": "place",
               "publisher": "publisher", "pagination": "pages", "volume": "volume/issue",
               "tomo": "volume/issue"}  # fmt: skip
EXCITE = {"author": "author", "title": "title", "source": "container-title", "year": "year", "volume": "volume/issue",
          "issue": "volume/issue", "publisher": "publisher", "fpage": "pages", "lpage": "pages"}  # fmt: skip
HOUSE = {**ANYSTYLE, "translator": "author"}


def _add(gold: Gold, field: str | None, text: str) -> None:
    if field and text.strip():
        gold.setdefault(field, []).append(" ".join(text.split()))


def read_anystyle(path: Path, exclude: set[str] = frozenset(), mapping=ANYSTYLE) -> Iterator[tuple[str, Gold]]:
    for sequence in ET.parse(path).getroot().iter("sequence"):
        parts, gold = [], {}
        for child in sequence:
            text = " ".join("".join(child.itertext()).split())
            parts.append(text)
            _add(gold, mapping.get(child.tag), text)
        text = " ".join(part for part in parts if part)
        if text not in exclude:
            yield text, gold


def anystyle_texts(path: Path) -> set[str]:
    return {text for text, _ in read_anystyle(path)}


_PARSCIT_TAG = re.compile(r"<(/?)([\w-]+)>")


def read_parscit(path: Path) -> Iterator[tuple[str, Gold]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        parts, gold, label, pos = [], {}, None, 0
        for match in _PARSCIT_TAG.finditer(line):
            chunk = line[pos : match.start()].strip()
            if chunk:
                parts.append(chunk)
                _add(gold, PARSCIT.get(label or ""), chunk)
            label = None if match.group(1) else match.group(2)
            pos = match.end()
        yield " ".join(parts), gold


def read_linkedbooks(path: Path) -> Iterator[tuple[str, Gold]]:
    """CoNLL rows ``token tag type-BIE reference-BIE``; a reference starts at ``b-r``."""
    references: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        fields = line.split()
        if len(fields) < 4 or fields[0] == "-DOCSTART-":
            continue
        if fields[3].startswith("b") or not references:
            references.append([])
        references[-1].append((fields[0], fields[1]))
    for tokens in references:
        gold: Gold = {}
        for token, label in tokens:
            if field := LINKEDBOOKS.get(label):
                previous = gold.setdefault(field, [""])
                previous[0] = f"{previous[0]} {token}".strip()
        yield detokenize([token for token, _ in tokens]), gold


_CLOSERS = frozenset(".,;:)]»”'’")
_OPENERS = frozenset("([«“‘")


def detokenize(tokens: list[str]) -> str:
    """CoNLL tokens → text as printed: no space before closing punctuation, after an opening
    bracket, or around a hyphen between numbers (``pp . 3 - 6 .`` → ``pp. 3-6.``)."""
    text = ""
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        glued = (set(token) <= _CLOSERS or previous in _OPENERS
                 or (token == "-" and previous[-1:].isdigit()) or (previous == "-" and token[:1].isdigit()))
        text += token if glued or not text else f" {token}"
    return text


_AMP = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#\d+);)")


def read_excite(path: Path) -> Iterator[tuple[str, Gold]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("<?xml"):
            continue
        try:
            root = ET.fromstring(f"<ref>{_AMP.sub('&amp;', line)}</ref>")
        except ET.ParseError:
            continue
        gold: Gold = {}
        for child in root:
            _add(gold, EXCITE.get(child.tag), "".join(child.itertext()))
        if "pages" in gold:
            gold["pages"] = ["-".join(gold["pages"])]
        yield " ".join("".join(root.itertext()).split()), gold


def read_house(path: Path) -> Iterator[tuple[str, Gold]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold: Gold = {}
        for label, text in record["segments"]:
            _add(gold, HOUSE.get(label or ""), text)
        yield "".join(text for _, text in record["segments"]), gold


def load_sets(root: Path) -> dict[str, list[tuple[str, Gold]]]:
    """Every evaluated set, by name (missing files are skipped)."""
    core = anystyle_texts(root / "anystyle" / "core.xml") if (root / "anystyle" / "core.xml").exists() else set()
    readers = {
        "seed": lambda: read_anystyle(root / "seed" / "seed_gold.xml", mapping=HOUSE),
        "house_style_300": lambda: read_house(root / "synthetic" / "house_style_300.jsonl"),
        "anystyle_gold_heldout": lambda: read_anystyle(root / "anystyle" / "gold.xml", exclude=core),
        "parscit_en_humanities": lambda: read_parscit(root / "parscit" / "en-humanities.tagged.txt"),
        "parscit_it_humanities": lambda: read_parscit(root / "parscit" / "it-humanities.tagged.txt"),
        "parscit_mixed_humanities": lambda: read_parscit(root / "parscit" / "mixed-humanities.tagged.txt"),
        "linkedbooks_test": lambda: read_linkedbooks(root / "linkedbooks" / "clean_test.txt"),
        "excite_de": lambda: read_excite(root / "excite" / "excite_de.xml"),
    }
    sets = {}
    for name, reader in readers.items():
        try:
            sets[name] = list(reader())
        except FileNotFoundError:
            continue
    return sets
