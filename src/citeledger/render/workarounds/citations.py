"""Citation fixes: cite order, collapsing, near-note distance.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import itertools
import re

from citeledger.render.year_suffix import SUFFIX_KEY


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
        if len(good) > 1 and self.getparent().sort is not None:  # one cite: no sort keys to render
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
    ``year-suffix``…), ``[6–8]`` for runs of citation numbers. Needs cite-order. The delimiters are
    citeproc-js's: ``cite-group-delimiter`` inside a group (default ``, ``, the layout's in note styles); with an
    ``after-collapse-delimiter`` that one after a group, after a cite with a locator and between cites
    that do not collapse, and the layout's delimiter inside a group."""

    def collapse_cites(self, rendered, names) -> list:
        mode = self.getparent().get("collapse")
        if not mode or len(rendered) < 2:
            return super().collapse_cites(rendered, names)
        if mode == "citation-number":
            return _collapse_numbers(rendered, self.cp.String)
        pieces, previous = [], None
        for item, text in rendered:
            first = names.get(item.key)
            collapsed = bool(first) and first == previous and str(text).startswith(first)
            piece = re.sub(r"^[ ,;:]+", "", str(text)[len(first):]) if collapsed else str(text)
            pieces.append(Piece(item, piece, collapsed))
            previous = first
        pieces = self.collapse_year_suffixes(pieces, mode)
        out = pieces[0].text
        for before, piece in itertools.pairwise(pieces):
            out += piece.join if piece.join is not None else self._splice(before, piece, mode)
            out += piece.text
        return [self.cp.String(out)]

    def _splice(self, before: Piece, piece: Piece, mode: str) -> str:
        """citeproc-js's getSpliceDelimiter."""
        citation = self.getparent()
        layout_delimiter = self.get("delimiter", "")
        after = citation.get("after-collapse-delimiter")
        if after is None:  # an empty cite-group-delimiter counts as none, as in citeproc-js
            if not piece.collapsed:
                return layout_delimiter
            in_text = self.get_root().get("class") != "note"
            return citation.get("cite-group-delimiter") or (", " if in_text else layout_delimiter)
        if _has_locator(before.item) or (before.collapsed and not piece.collapsed):
            return after
        if not before.collapsed and not piece.collapsed and mode != "year-suffix":
            return after
        return layout_delimiter

    def collapse_year_suffixes(self, pieces: list[Piece], mode: str) -> list[Piece]:
        return pieces


class Piece:
    """One cite of a collapsing citation: its text (without the names when it joins a group) and the
    delimiter before it when collapsing fixed one."""

    def __init__(self, item, text: str, collapsed: bool):
        self.item, self.text, self.collapsed = item, text, collapsed
        self.join: str | None = None
        self.suffix: str | None = None


def _has_locator(item) -> bool:
    return bool(getattr(item, "has_locator", False))


class YearSuffixCollapse:
    """``collapse="year-suffix"``: a cite of the same names and year as the one before prints its year
    suffix only (``(Doe 2003a, b)``), after ``cite-group-delimiter``, ``year-suffix-delimiter`` or the
    layout's delimiter; ``year-suffix-ranged`` makes runs of three or more a range (``2003a–c``). The
    suffix keeps the affixes of the style's ``year-suffix`` text, as in citeproc-js."""

    def collapse_year_suffixes(self, pieces: list[Piece], mode: str) -> list[Piece]:
        pieces = super().collapse_year_suffixes(pieces, mode)
        if mode not in ("year-suffix", "year-suffix-ranged"):
            return pieces
        citation = self.getparent()
        join = citation.get("cite-group-delimiter") or citation.get("year-suffix-delimiter")
        join = join if join is not None else self.get("delimiter", "")
        years = [_year_and_suffix(piece.item) for piece in pieces]
        for index, piece in enumerate(pieces):
            year, suffix = years[index]
            if index and piece.collapsed and suffix and year and years[index - 1] == (year, years[index - 1][1]) \
                    and years[index - 1][1] and piece.text.startswith(year):
                piece.text, piece.join, piece.suffix = piece.text[len(year):], join, suffix
            elif suffix and piece.text.rstrip().endswith(suffix):
                piece.suffix = suffix  # a possible head of a range
        return _suffix_ranges(pieces, self) if mode == "year-suffix-ranged" else pieces


def _year_and_suffix(item) -> tuple[str | None, str | None]:
    reference = item.reference
    issued = dict.get(reference, "issued")
    date = dict.get(issued, "begin", issued) if isinstance(issued, dict) else None
    year = dict.get(date, "year") if isinstance(date, dict) else None
    suffix = dict.get(reference, "year_suffix") or (dict.get(date, SUFFIX_KEY) if isinstance(date, dict) else None)
    return (str(year) if year is not None else None), suffix


def _suffix_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("a") + 1
    return index


def _suffix_ranges(pieces: list[Piece], layout) -> list[Piece]:
    """Runs of three or more consecutive bare suffixes after a head become ``head–last``."""
    dash = str(layout.get_single_term("citation-range-delimiter") or "") or "\u2013"
    out, index = [], 0
    while index < len(pieces):
        head, end = pieces[index], index
        while (head.suffix and end + 1 < len(pieces) and pieces[end + 1].join is not None
               and pieces[end + 1].text.strip() == pieces[end + 1].suffix
               and _suffix_index(pieces[end + 1].suffix) == _suffix_index(pieces[end].suffix) + 1):
            end += 1
        if end - index >= 2:
            pieces[end].join = dash
            pieces[end].text = pieces[end].text.strip()
            out.extend([head, pieces[end]])
        else:
            out.extend(pieces[index:end + 1])
        index = end + 1
    return out


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
