"""Precision and recall of citation extraction and linking on our own test articles.

Each ``tests/data/articles/*.expected.json`` is written by hand: the citations as written (found in the
article by their n-th occurrence), the reference key and locator of every item (``null`` key when no
reference should be linked: unresolved or ambiguous), brackets that are NOT citations, and the findings
the checks must report as (code, subject). Run::

    python bench/citations_eval.py            # a table
    python bench/citations_eval.py --json     # the same figures as JSON

Exit status 1 when a finding is missing that is not listed in KNOWN_FAILURES, or when a listed one
unexpectedly passes (so the list stays honest).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from citeledger.pipeline import LedgerOptions, check_file

ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "articles"

# (article, code, subject) → why it fails today. Reported as "expected failure"; a pass is reported too.
KNOWN_FAILURES: dict[tuple[str, str, str], str] = {}


def _expected_spans(text: str, expected: list[dict]) -> list[tuple[int, int, dict]]:
    """Each expected citation's span: the n-th occurrence of its raw text, n counted per raw text."""
    seen: Counter = Counter()
    spans = []
    for citation in expected:
        raw, position = citation["raw"], -1
        for _ in range(seen[raw] + 1):
            position = text.index(raw, position + 1)
        seen[raw] += 1
        spans.append((position, position + len(raw), citation))
    return spans


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 3) if denominator else 1.0


def _links(ledger, expected_spans):
    """(expected key, predicted key, expected locator, predicted locator) per expected item, plus the number
    of predicted links (with a key) outside any expected citation."""
    predicted = {}
    for number, citation in enumerate(ledger.citations):
        for link in ledger.links_of(number):
            item = citation.items[link.item]
            predicted[(citation.span.start, link.item)] = (link.key, item.locator.raw if item.locator else None)
    pairs = []
    for start, _, citation in expected_spans:
        for position, (key, locator) in enumerate(citation["items"]):
            got_key, got_locator = predicted.pop((start, position), (None, None))
            pairs.append((key, got_key, locator, got_locator))
    stray = sum(key is not None for key, _ in predicted.values())
    return pairs, stray


def _findings(name: str, ledger, expected: list[list[str]]) -> dict:
    found, missing, known, unexpected_pass = [], [], [], []
    for code, subject in expected:
        hit = any(d.code == code and (subject in d.subject or subject in d.message) for d in ledger.diagnostics)
        reason = KNOWN_FAILURES.get((name, code, subject))
        if hit:
            (unexpected_pass if reason else found).append(f"{code} {subject}")
        else:
            (known if reason else missing).append(f"{code} {subject}" + (f" ({reason})" if reason else ""))
    listed = {code for code, _ in expected}
    extra = [f"{d.code} {d.subject}" for d in ledger.diagnostics
             if d.code[:3] in ("CL2", "CL3") and d.code not in listed]  # fmt: skip
    return {"found": found, "missing": missing, "expected_failures": known, "unexpected_passes": unexpected_pass,
            "unlisted": extra}  # fmt: skip


def evaluate(path: Path) -> dict:
    """One article: extraction and linking counts, locator accuracy, negative cases, findings."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    bib = str(ARTICLES / expected["bib"]) if expected["bib"] else None
    ledger = check_file(str(ARTICLES / expected["article"]), LedgerOptions(bib=bib))
    spans = _expected_spans(ledger.article.text, expected["citations"])
    gold = {(start, end) for start, end, _ in spans}
    got = {(c.span.start, c.span.end) for c in ledger.citations}
    pairs, stray = _links(ledger, spans)
    linked = sum(got_key is not None for _, got_key, _, _ in pairs) + stray
    correct = sum(key is not None and key == got_key for key, got_key, _, _ in pairs)
    text = ledger.article.text
    false_brackets = [raw for raw in expected["not_citations"]
                      if any(s <= text.index(raw) < e for s, e in got)]  # fmt: skip
    return {
        "article": expected["article"], "style": expected["style"], "bib": expected["bib"],
        "extraction": {"expected": len(gold), "found": len(got), "correct": len(gold & got)},
        "linking": {"expected": sum(key is not None for key, *_ in pairs), "linked": linked, "correct": correct,
                    "unresolved_right": sum(key is None and got_key is None for key, got_key, _, _ in pairs)},
        "locators": {"items": len(pairs), "correct": sum(loc == got_loc for _, _, loc, got_loc in pairs)},
        "not_citations": {"listed": len(expected["not_citations"]), "taken": false_brackets},
        "findings": _findings(expected["article"], ledger, expected["findings"]),
    }  # fmt: skip


def totals(results: list[dict]) -> dict:
    def total(section: str, field: str) -> int:
        return sum(result[section][field] for result in results)

    return {
        "extraction_precision": _ratio(total("extraction", "correct"), total("extraction", "found")),
        "extraction_recall": _ratio(total("extraction", "correct"), total("extraction", "expected")),
        "linking_precision": _ratio(total("linking", "correct"), total("linking", "linked")),
        "linking_recall": _ratio(total("linking", "correct"), total("linking", "expected")),
        "locator_accuracy": _ratio(total("locators", "correct"), total("locators", "items")),
        "false_citations": sum(len(result["not_citations"]["taken"]) for result in results),
        "findings_missing": sum(len(result["findings"]["missing"]) for result in results),
        "unexpected_passes": sum(len(result["findings"]["unexpected_passes"]) for result in results),
    }


def _print_table(results: list[dict], summary: dict) -> None:
    print(f"{'article':<26} {'extract P/R':>12} {'link P/R':>12} {'locators':>9}  findings")
    for result in results:
        ex, li, lo = result["extraction"], result["linking"], result["locators"]
        findings = result["findings"]
        extraction = f"{_ratio(ex['correct'], ex['found'])}/{_ratio(ex['correct'], ex['expected'])}"
        linking = f"{_ratio(li['correct'], li['linked'])}/{_ratio(li['correct'], li['expected'])}"
        print(f"{result['article']:<26} {extraction:>12} {linking:>12} {lo['correct']:>4}/{lo['items']:<4}  "
              f"{len(findings['found'])} found, {len(findings['missing'])} missing, "
              f"{len(findings['expected_failures'])} expected failures")
        for label in ("missing", "expected_failures", "unexpected_passes", "unlisted"):
            for entry in findings[label]:
                print(f"    {label}: {entry}")
    print("totals:", json.dumps(summary))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    results = [evaluate(path) for path in sorted(ARTICLES.glob("*.expected.json"))]
    summary = totals(results)
    if args.json:
        print(json.dumps({"articles": results, "totals": summary}, ensure_ascii=False, indent=2))
    else:
        _print_table(results, summary)
    return 1 if summary["findings_missing"] or summary["unexpected_passes"] else 0


if __name__ == "__main__":
    sys.exit(main())
