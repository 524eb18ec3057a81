"""CSL-JSON ⇄ ``Reference``: the near-identity adapter (the model is shaped like CSL-JSON).

Reading accepts a list of items (or one item object). Names carry ``family``, ``given``,
``non-dropping-particle``, ``dropping-particle``, ``suffix``, ``literal``; dates ``date-parts``,
``raw``, ``literal``, ``circa``. Strings and numbers become field strings (``"volume": 3`` →
``"3"``). Writing gives a list of items: ``id``, ``type``, names, dates, then fields.

Errors: text that is not JSON, or JSON that is not a list of objects, raises UnusableInputError.
Diagnostics: CL209 for an item or value that cannot be read (skipped), CL205 for values with no
place in the model (nested objects such as ``custom``).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from citeledger.diagnostics import Diagnostic
from citeledger.errors import UnusableInputError
from citeledger.io.dates import parse_iso_date
from citeledger.model import Date, Name, Reference

_NAME_KEYS = (
    ("family", "family"), ("given", "given"), ("particle", "non-dropping-particle"),
    ("dropping_particle", "dropping-particle"), ("suffix", "suffix"), ("literal", "literal"),
)


def parse_name(data: Mapping[str, Any]) -> Name:
    """CSL-JSON name object → Name (unknown keys such as ``parse-names`` are ignored)."""
    return Name(**{attr: str(data.get(key) or "").strip() for attr, key in _NAME_KEYS})


def format_name(name: Name) -> dict[str, str]:
    return {key: getattr(name, attr) for attr, key in _NAME_KEYS if getattr(name, attr)}


def _int_parts(parts: Any) -> tuple[int, ...]:
    if not isinstance(parts, list):
        raise ValueError("date-parts must hold lists")
    return tuple(int(str(p).strip()) for p in parts[:3] if str(p).strip())


def parse_date(data: Mapping[str, Any]) -> Date:
    """CSL-JSON date object → Date; ``raw`` is read as ISO when it can be, else kept literal.
    Raises ValueError for date-parts that are not numbers."""
    circa = bool(data.get("circa"))
    parts = data.get("date-parts")
    if parts:
        if not isinstance(parts, list):
            raise ValueError("date-parts must be a list")
        start = _int_parts(parts[0])
        end = _int_parts(parts[1]) if len(parts) > 1 else ()
        return Date(start, end, str(data.get("literal") or ""), circa)
    raw = str(data.get("raw") or "").strip()
    if raw and (iso := parse_iso_date(raw)):
        return Date(iso.parts, iso.end_parts, circa=circa or iso.circa)
    return Date(literal=str(data.get("literal") or raw), circa=circa)


def format_date(date: Date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if date.parts:
        out["date-parts"] = [list(date.parts)] + ([list(date.end_parts)] if date.end_parts else [])
    if date.literal:
        out["literal"] = date.literal
    if date.circa:
        out["circa"] = True
    return out


def _is_date(value: Any) -> bool:
    return isinstance(value, dict) and bool({"date-parts", "raw", "literal"} & value.keys())


def _is_names(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


class _ItemReader:
    def __init__(self, item: Mapping[str, Any], index: int, source: str):
        self.item, self.index, self.source = item, index, source
        self.id = "" if item.get("id") is None else str(item["id"]).strip()  # null is no id, not "None"
        self.diagnostics: list[Diagnostic] = []

    def problem(self, code: str, variable: str, why: str) -> None:
        self.diagnostics.append(Diagnostic(
            code, f"`{variable}` of item {self.index + 1} (`{self.id}`) {why}", path=self.source, subject=self.id,
            hint="fix the value in the CSL-JSON file" if code == "CL209" else "it is left out of the item"))

    def read(self) -> Reference:
        fields: dict[str, str] = {}
        names: dict[str, tuple[Name, ...]] = {}
        dates: dict[str, Date] = {}
        for variable, value in self.item.items():
            if variable in ("id", "type") or value is None or value == "":
                continue
            if isinstance(value, bool):
                self.problem("CL205", variable, "is a flag with no place in the item model")
            elif isinstance(value, str | int | float):
                fields[variable] = str(value)
            elif _is_date(value):
                try:
                    date = parse_date(value)
                except (ValueError, TypeError) as error:
                    self.problem("CL209", variable, f"is not a readable date ({error})")
                    continue
                if date.parts or date.literal:  # an empty date would be written as {}, which reads as no date
                    dates[variable] = date
                else:
                    self.problem("CL209", variable, "is an empty date")
            elif _is_names(value):
                names[variable] = tuple(parse_name(v) for v in value)
            else:
                self.problem("CL205", variable, "is a structured value with no place in the item model")
        item_type = str(self.item.get("type") or "document")
        return Reference(self.id, item_type, fields, names, dates, raw=json.dumps(self.item, ensure_ascii=False))


def from_csljson(data: Any, source: str = "-") -> tuple[list[Reference], list[Diagnostic]]:
    """Decoded CSL-JSON (a list of item objects, or one item) → (References, CL205/CL209)."""
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise UnusableInputError(f"{source}: CSL-JSON must be a list of items, not {type(data).__name__}")
    references: list[Reference] = []
    diagnostics: list[Diagnostic] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            diagnostics.append(Diagnostic(
                "CL209", f"item {index + 1} is a {type(item).__name__}, not an object; skipped", path=source,
                hint="each CSL-JSON item is an object with id, type and variables"))
            continue
        reader = _ItemReader(item, index, source)
        references.append(reader.read())
        diagnostics.extend(reader.diagnostics)
    return references, diagnostics


def parse_csljson(text: str, source: str = "-") -> tuple[list[Reference], list[Diagnostic]]:
    """CSL-JSON text → (References, diagnostics). Raises UnusableInputError when it is not JSON."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnusableInputError(
            f"{source}:{error.lineno}:{error.colno}: not valid JSON ({error.msg}); CSL-JSON is a JSON list of items"
        ) from None
    except RecursionError:
        raise UnusableInputError(f"{source}: JSON nested too deeply to be CSL-JSON") from None
    return from_csljson(data, source)


def to_item(reference: Reference) -> dict[str, Any]:
    """Reference → CSL-JSON item: ``id``, ``type``, names, dates, fields (each in model order)."""
    item: dict[str, Any] = {"id": reference.id, "type": reference.type}
    for variable, names in reference.names.items():
        item[variable] = [format_name(name) for name in names]
    for variable, date in reference.dates.items():
        item[variable] = format_date(date)
    for variable, value in reference.fields.items():
        item.setdefault(variable, value)
    return item


def to_csljson(references: Sequence[Reference], ascii: bool = False) -> str:
    """References → CSL-JSON text (a list, two-space indented, newline-terminated); date-parts
    stay on one line (``[[2008, 2, 3]]``) as citeproc-js and Zotero write them."""
    if not references:
        return "[]\n"
    # Each date-parts list is swapped for a token no data can contain (a fresh UUID), then put back compact.
    token = f"date-parts-{uuid.uuid4().hex}-"
    # Item by item: json.dumps with an indent builds the whole document from small pieces first, which
    # for 100k items was a peak of several hundred MB. JSON strings hold no raw newline, so indenting
    # every line of an item's text by two spaces is exact.
    encoded = []
    for reference in references:
        item = to_item(reference)
        compact: list[str] = []
        for value in item.values():
            if isinstance(value, dict) and "date-parts" in value:
                compact.append(json.dumps(value["date-parts"]))
                value["date-parts"] = f"{token}{len(compact) - 1}"
        text = json.dumps(item, ensure_ascii=ascii, indent=2)
        text = re.sub(f'"{token}(\\d+)"', lambda m, compact=compact: compact[int(m.group(1))], text)
        encoded.append("  " + text.replace("\n", "\n  "))
    return "[\n" + ",\n".join(encoded) + "\n]\n"
