"""High-precision templates: each takes a reference string and returns labelled segments covering it,
or None (abstains) unless it consumes the whole string. Tried in order; the first match wins."""

from __future__ import annotations

from citeledger.references.templates.common import COMMON_TEMPLATES
from citeledger.references.templates.house import HOUSE_TEMPLATES

TEMPLATES = (*HOUSE_TEMPLATES, *COMMON_TEMPLATES)

__all__ = ["TEMPLATES"]
