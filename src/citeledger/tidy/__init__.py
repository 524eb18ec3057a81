"""``citeledger tidy``: normalize a .bib file with named rules, rewriting only the entries a rule changes.

See ``citeledger.tidy.rules`` for the rule table and ``docs/tidy-rules.md`` for the user's view.
"""

from citeledger.tidy.rules import DEFAULT_RULES, RULES, Rule
from citeledger.tidy.run import (
    BlockChange,
    TidyResult,
    encode_tidied,
    format_rule_table,
    select_rules,
    tidy_bibtex,
    tidy_file,
)

__all__ = [
    "DEFAULT_RULES",
    "RULES",
    "BlockChange",
    "Rule",
    "TidyResult",
    "encode_tidied",
    "format_rule_table",
    "select_rules",
    "tidy_bibtex",
    "tidy_file",
]
