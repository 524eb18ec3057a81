"""Running the tidy rules over a ``BibFile``: choose rules, rewrite changed entries, keep every other byte.

``tidy_bibtex`` takes a parsed file and rule names and returns a ``TidyResult``: the new text (the old
text with only the changed entries replaced, via ``render_bibtex``), what changed and why, and the
file's diagnostics (CL201 failed blocks, CL202 duplicate keys, CL204 guessed encoding, CL207 duplicate
fields). ``TidyResult.change_diagnostics`` gives one CL208 per block that would be rewritten;
``TidyResult.encoded`` gives the bytes in the file's own encoding, or raises ``UnusableInputError``
when that encoding cannot hold the new text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from citeledger.diagnostics import Diagnostic
from citeledger.errors import UnusableInputError
from citeledger.io.bibtex import BibBlock, BibFile, encode_bibtex, read_bibtex, render_bibtex
from citeledger.performance import gc_paused
from citeledger.tidy.entry import newline_of
from citeledger.tidy.plan import RulePlan
from citeledger.tidy.rules import DEFAULT_RULES, RULES


@dataclass(frozen=True)
class BlockChange:
    """Block ``index`` of the file is replaced by ``text`` because of ``rules``."""

    index: int
    block: BibBlock
    rules: tuple[str, ...]
    text: str


@dataclass
class TidyResult:
    bib: BibFile
    text: str
    rules: tuple[str, ...]
    changes: list[BlockChange] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return list(self.bib.diagnostics)

    @property
    def changed(self) -> bool:
        return self.text != self.bib.text

    def change_diagnostics(self) -> list[Diagnostic]:
        """One CL208 (info) per block tidy rewrites, at the block's line:col."""
        return [
            Diagnostic("CL208", f"tidy would rewrite `{c.block.key}` ({', '.join(c.rules)})", path=self.bib.source,
                       line=c.block.line, col=c.block.col, start=c.block.start, end=c.block.end,
                       subject=c.block.key, hint="run `citeledger tidy --in-place` to apply")
            for c in self.changes
        ]

    def encoded(self) -> bytes:
        return encode_tidied(self.bib, self.text)


def select_rules(spec: str | Iterable[str] | None = None) -> tuple[str, ...]:
    """``"default"`` (or None), ``"all"``, ``"none"`` or comma-separated rule names (``default`` and ``all``
    may appear in the list) → rule names in registry order. Unknown names raise UnusableInputError."""
    if spec is None:
        return DEFAULT_RULES
    names = [n.strip() for n in spec.split(",")] if isinstance(spec, str) else [n.strip() for n in spec]
    chosen: set[str] = set()
    for name in filter(None, names):
        if name == "none":
            continue
        if name == "default":
            chosen.update(DEFAULT_RULES)
        elif name == "all":
            chosen.update(RULES)
        elif name in RULES:
            chosen.add(name)
        else:
            raise UnusableInputError(f"unknown tidy rule `{name}`; known rules: {', '.join(RULES)}")
    return tuple(name for name in RULES if name in chosen)


def commented_out(text: str, start: int) -> bool:
    """True when the line holding an entry's ``@`` has a ``%`` before it (``%@book{...``): biber and
    many editors treat that entry as a comment, so tidy must not touch it."""
    # A bounded window, so a file without line breaks does not make this quadratic.
    window = text[max(0, start - 1024) : start]
    return "%" in window[max(window.rfind("\n"), window.rfind("\r")) + 1 :]


def tidy_bibtex(bib: BibFile, rules: str | Iterable[str] | None = None) -> TidyResult:
    """Apply ``rules`` (see ``select_rules``) to every entry of ``bib``; other blocks stay as they are."""
    names = select_rules(rules)
    changes: list[BlockChange] = []
    if names:
        plan = RulePlan([RULES[name] for name in names])
        newline = newline_of(bib.text)
        with gc_paused():
            for index, block in enumerate(bib.blocks):
                if block.kind != "entry" or commented_out(bib.text, block.start):
                    continue
                outcome = plan.apply(block, newline)
                if outcome is not None:
                    changes.append(BlockChange(index, block, outcome[1], outcome[0]))
    text = render_bibtex(bib, {change.index: change.text for change in changes})
    return TidyResult(bib, text, names, changes)


def tidy_file(path: str, rules: str | Iterable[str] | None = None, encoding: str | None = None) -> TidyResult:
    """Read ``path`` (``-`` for stdin) and tidy it. Raises UnusableInputError for unusable input."""
    names = select_rules(rules)  # fail on a bad rule name before reading anything
    return tidy_bibtex(read_bibtex(path, encoding), names)


def encode_tidied(bib: BibFile, text: str) -> bytes:
    """``text`` in ``bib``'s codec and BOM; UnusableInputError when the codec cannot hold a character."""
    try:
        return encode_bibtex(bib, text)
    except UnicodeEncodeError as error:
        codec = bib.decoded.encoding if bib.decoded else "utf-8"
        bad = error.object[error.start : error.end]
        raise UnusableInputError(
            f"{bib.source}: the tidied text holds {bad!r}, which the file's encoding ({codec}) cannot represent; "
            "nothing was written (convert the file to UTF-8, or leave out the rule that adds it)"
        ) from None


def format_rule_table() -> str:
    """The rules, one per line: name, whether it is in the default set, summary."""
    width = max(len(name) for name in RULES)
    lines = [f"{name:<{width}}  {'default' if rule.default else 'opt-in '}  {rule.summary}"
             for name, rule in RULES.items()]
    return "\n".join(lines) + "\n"
