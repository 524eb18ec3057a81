"""Normalizer: a book title the labeller left inside the editor field, where the role words come
between them, as humanities notes print a chapter's container: ``in Gioco e giustizia, a cura di
G. Ortalli``, ``in Renaissance Venice, ed. J. R. Hale``, ``in: Stadt und Land, hrsg. von K. Weber``.

A name list never carries a role phrase *between* names and names (``X and Y, eds.`` puts it after
them), so what stands before ``, a cura di Names`` is the container's title.
"""

from __future__ import annotations

import re
from dataclasses import replace

from citeledger.references.normalizers.draft import Draft
from citeledger.references.segments import make_segment

_ROLE_BEFORE_NAMES = re.compile(
    r",\s+(?=(?:a cura di|a c\. di|ed\. by|eds?\.|edited by|hrsg\. v(?:on|\.)|hg\. v(?:on|\.)|herausgegeben von|"
    r"sous la dir(?:ection|\.)? de|éd\. par|édité par|ed\. de|edición de|coord\. por)\s+\S)",
    re.IGNORECASE,
)


def split_editor_container(draft: Draft) -> None:
    """Splits ``Title, a cura di Names`` labelled editor into container-title and editor, when the
    reference has no container-title of its own."""
    labelling = draft.labelling
    if any(segment.label == "container-title" for segment in labelling.segments):
        return
    segments = []
    for segment in labelling.segments:
        value = labelling.text[segment.start : segment.end]
        match = _ROLE_BEFORE_NAMES.search(value) if segment.label == "editor" else None
        if match is None or not re.search(r"[^\W\d_]{2}", value[: match.start()]):
            segments.append(segment)
            continue
        cut = segment.start + match.start()
        title = make_segment("container-title", labelling.text, segment.start, cut, segment.confidence)
        editor = make_segment("editor", labelling.text, segment.start + match.end(), segment.end, segment.confidence)
        segments.extend(part for part in (title, editor) if part)
    if len(segments) != len(labelling.segments):
        draft.labelling = replace(labelling, segments=tuple(segments))
