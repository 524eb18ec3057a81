"""Normalizer: author, editor and translator segments → name lists (roles moved by their markers)."""

from __future__ import annotations

from citeledger.references.names import parse_name_list
from citeledger.references.normalizers.draft import Draft

_ROLE_LABELS = ("author", "editor", "translator")


def normalize_names(draft: Draft) -> None:
    """Parses every name segment; a role marker (``(trad.)``, ``(eds.)``) overrides the segment's label.
    Emits CL104 when one list mixes ``SURNAME, Given`` and ``SURNAME Given``."""
    collected: dict[str, list] = {}
    for label in _ROLE_LABELS:
        for text in draft.values(label):
            parsed = parse_name_list(text, default_role=label)
            for role, names in parsed.names.items():
                collected.setdefault(role, []).extend(names)
            if parsed.irregular:
                draft.report("CL104", f"the name list mixes name forms: {text!r}",
                             hint="write every name as 'SURNAME, Given'")  # fmt: skip
    for role in _ROLE_LABELS:
        if collected.get(role):
            draft.names[role] = tuple(collected[role])
