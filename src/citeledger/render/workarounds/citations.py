"""Citation fixes: cite order, collapsing, near-note distance.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import re


class NearNoteDistance:
    """The root ``get_option`` lacks ``near-note-distance``: read it from cs:citation, default 5."""

    def get_option(self, name):
        if name == "near-note-distance":
            citation = self.citation
            return int(citation.get(name, 5)) if citation is not None else 5
        return super().get_option(name)


class CiteOrder:
    """Cites keep the order they were given in unless cs:citation has a cs:sort (citeproc-py first
    sorts them into bibliography order)."""

    def render_citation(self, citation, callback):
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if self.getparent().sort is not None:
            good = self.getparent().sort.sort(good, self)
        rendered = []
        root = self.getroottree().getroot()
        root.citeledger_names = {}  # first names of each cite, for collapsing
        try:
            for item in good:
                self.repressed = {}
                try:
                    output = self.render_children(item)
                except self.cp.VariableError:
                    continue
                if output is not None:
                    rendered.append((item, item.get("prefix", "") + output + item.get("suffix", "")))
                    self.getparent().cites.append(item)
            names = dict(root.citeledger_names)
        finally:
            root.citeledger_names = None
        out = self.collapse_cites(rendered, names)
        out.extend(callback(item) or f"{item.key}?" for item in bad)
        return self.format(self.wrap(self.join(out)))

    def collapse_cites(self, rendered, names) -> list:
        return [text for _, text in rendered]


class CiteCollapse:
    """cs:citation ``collapse``: ``(Kiernan 1996, 2008)`` for cites by the same names (``year``,
    ``year-suffix``…), ``[6–8]`` for runs of citation numbers. Needs cite-order."""

    def collapse_cites(self, rendered, names) -> list:
        mode = self.getparent().get("collapse")
        if not mode or len(rendered) < 2:
            return super().collapse_cites(rendered, names)
        if mode == "citation-number":
            return _collapse_numbers(rendered, self.cp.String)
        group_delimiter = self.getparent().get("cite-group-delimiter", ", ")
        after = self.getparent().get("after-collapse-delimiter")
        groups: list[list[str]] = []
        previous = None
        for item, text in rendered:
            first = names.get(item.key)
            if first and first == previous and str(text).startswith(first):
                groups[-1].append(re.sub(r"^[\s,;:]+", "", str(text)[len(first):]))
            else:
                groups.append([str(text)])
            previous = first
        joined = [group_delimiter.join(group) for group in groups]
        if after is None or len(joined) < 2:
            return [self.cp.String(text) for text in joined]
        return [self.cp.String(after.join(joined))]


def _collapse_numbers(rendered, string) -> list:
    """Runs of three or more consecutive citation numbers become ``first–last``."""
    numbers = [(item.number, text) for item, text in rendered]
    if not all(str(text).strip() == str(number) for number, text in numbers):
        return [text for _, text in numbers]
    out, run = [], [numbers[0][0]]
    for number, _ in [*numbers[1:], (None, None)]:
        if number is not None and number == run[-1] + 1:
            run.append(number)
            continue
        out.extend([f"{run[0]}–{run[-1]}"] if len(run) > 2 else [str(n) for n in run])
        run = [number]
    return [string(text) for text in out]
