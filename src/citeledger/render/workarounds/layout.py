"""Layout fixes: second-field-align and ``display`` (left margin, the layout suffix).

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

from citeledger.render.workarounds.output import FIELD_SEPARATOR


class SecondFieldAlign:
    """Render the first field of a ``second-field-align`` bibliography apart from the rest."""

    def render_bibliography(self, citation_items):
        bibliography = self.getparent()
        if not bibliography.get("second-field-align") or len(self) < 2:
            return super().render_bibliography(citation_items)
        first, *rest = list(self)
        output = []
        for item in citation_items:
            self.repressed = {}
            head = _render_or_none(first, item, self.cp.VariableError)
            parts = [_render_or_none(child, item, self.cp.VariableError) for child in rest]
            tail = self.format(self.wrap(self.cp.join([part for part in parts if part is not None])))
            output.append(tail if head is None else head + FIELD_SEPARATOR + tail)
        return output


def _render_or_none(element, item, missing: type[Exception]):
    try:
        return element.render(item)
    except missing:  # an absent variable, as citeproc-py's own render_children treats it
        return None


class LeftMarginSpace:
    """A ``display="left-margin"`` field is followed by a space in text output, as citeproc-js's
    text format does (``2000 Le Portail``, not ``2000Le Portail``). HTML is left as it was."""

    def wrap(self, string):
        text = super().wrap(string)
        if text is None or self.get("display") != "left-margin":
            return text
        if getattr(self.get_formatter(), "name", "text") == "html":
            return text
        return text + " "


class DisplayLayoutSuffix:
    """A bibliography layout whose first child has ``display``: citeproc-js puts the layout's suffix
    in place of the last child's own (``… Grasset`` when the layout has none, not ``… Grasset.``)."""

    def render_bibliography(self, citation_items):
        children = list(self)
        bibliography = self.getparent()
        if (not children or children[0].get("display") is None or bibliography.get("second-field-align")
                or not bibliography.tag.endswith("}bibliography")):
            return super().render_bibliography(citation_items)
        last, own_suffix, layout_suffix = children[-1], children[-1].get("suffix"), self.get("suffix")
        _set_or_remove(last, "suffix", layout_suffix)
        _set_or_remove(self, "suffix", None)
        try:
            return super().render_bibliography(citation_items)
        finally:
            _set_or_remove(last, "suffix", own_suffix)
            _set_or_remove(self, "suffix", layout_suffix)


def _set_or_remove(element, name: str, value: str | None) -> None:
    if value is None:
        element.attrib.pop(name, None)
    else:
        element.set(name, value)
