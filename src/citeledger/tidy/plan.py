"""Applying the selected rules to one entry block, compiled once per file so the per-entry work is small.

``RulePlan(rules).apply(block, newline)`` returns the entry's new text and the names of the rules that
changed it, or None to keep the block byte for byte (no rule applied, the layout is already standard,
or ``read_entry`` refused the block). Entry rules run one by one; each run of consecutive value rules is
one pass over the fields, with the rules that apply to a field name looked up once per name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from citeledger.io.bibtex import BibBlock
from citeledger.tidy.entry import Entry, format_raw_entry, newline_of, read_entry
from citeledger.tidy.rules import RULES, Rule, ValueRule


class _ValueStage:
    """Consecutive value rules; ``for_field`` memoizes which of them apply to a field name."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = tuple(rules)
        self._by_name: dict[str, tuple[tuple[str, ValueRule], ...]] = {}

    def for_field(self, lowered: str) -> tuple[tuple[str, ValueRule], ...]:
        found = self._by_name.get(lowered)
        if found is None:
            found = tuple((r.name, r.apply) for r in self.rules if r.fields is None or lowered in r.fields)
            self._by_name[lowered] = found
        return found

    def apply(self, entry: Entry, applied: list[str]) -> Entry:
        """Every field through the stage's rules in order; names of rules that changed one go to ``applied``."""
        fields: list[tuple[str, str]] | None = None
        by_name = self._by_name
        for index, (name, value) in enumerate(entry.fields):
            lowered = name.lower()
            rules = by_name.get(lowered) or self.for_field(lowered)
            original = value
            for rule_name, rewrite in rules:
                new = rewrite(lowered, value)
                if new is not None and new != value:
                    value = new
                    applied.append(rule_name)
            if value != original:
                fields = fields or list(entry.fields)  # copy only once something changes
                fields[index] = (name, value)
        return replace(entry, fields=tuple(fields)) if fields else entry


class RulePlan:
    def __init__(self, rules: Sequence[Rule]):
        self.stages: list[Rule | _ValueStage] = []
        for rule in rules:
            if rule.kind == "entry":
                self.stages.append(rule)
            elif rule.kind == "value":
                if self.stages and isinstance(self.stages[-1], _ValueStage):
                    self.stages[-1] = _ValueStage((*self.stages[-1].rules, rule))
                else:
                    self.stages.append(_ValueStage((rule,)))
        self.relayout = any(rule.kind == "layout" for rule in rules)

    def apply(self, block: BibBlock, newline: str) -> tuple[str, tuple[str, ...]] | None:
        """New text for an entry block and the rules that changed it (registry order), or None."""
        entry = read_entry(block)
        if entry is None:  # something in the block the parser did not account for: never rewrite it
            return None
        applied: list[str] = []
        for stage in self.stages:
            if isinstance(stage, _ValueStage):
                entry = stage.apply(entry, applied)
                continue
            new = stage.apply(entry)
            if new is not None and new != entry:
                applied.append(stage.name)
                entry = new
        if not applied and not self.relayout:
            return None
        text = format_raw_entry(entry, newline_of(block.raw, newline))
        if text == block.raw:
            return None
        return text, tuple(name for name in RULES if name in applied) or ("indent",)
