import json

import pytest

from citeledger.diagnostics import (
    CATALOGUE,
    Diagnostic,
    Severity,
    exit_code,
    filter_diagnostics,
    format_json,
    format_text,
    resolve_codes,
    unique,
)

# The starting catalogue of DESIGN.md: these codes and slugs are a public contract.
DESIGN_CODES = {
    "CL101": ("reference-list-not-found", Severity.ERROR),
    "CL102": ("reference-unparsed", Severity.WARNING),
    "CL103": ("missing-field", Severity.WARNING),
    "CL104": ("irregular-name-list", Severity.INFO),
    "CL201": ("bibtex-block-failed", Severity.ERROR),
    "CL202": ("duplicate-key", Severity.ERROR),
    "CL301": ("unresolved-citation", Severity.ERROR),
    "CL302": ("ambiguous-citation", Severity.WARNING),
    "CL303": ("matched-by-title", Severity.INFO),
    "CL304": ("uncited-reference", Severity.WARNING),
    "CL305": ("year-mismatch", Severity.WARNING),
    "CL306": ("author-mismatch", Severity.WARNING),
    "CL307": ("locator-malformed", Severity.WARNING),
    "CL401": ("invalid-identifier", Severity.ERROR),
    "CL402": ("cite-this-mismatch", Severity.WARNING),
    "CL501": ("style-not-found", Severity.ERROR),
    "CL502": ("style-invalid", Severity.WARNING),
}


@pytest.mark.parametrize("code", sorted(DESIGN_CODES))
def test_design_catalogue_is_kept(code):
    slug, severity = DESIGN_CODES[code]
    assert CATALOGUE[code].slug == slug
    assert CATALOGUE[code].severity == severity


def test_slugs_are_unique():
    slugs = [info.slug for info in CATALOGUE.values()]
    assert len(slugs) == len(set(slugs))


def test_unknown_code_is_refused():
    with pytest.raises(ValueError):
        Diagnostic("CL999", "nope")


def test_severity_defaults_from_catalogue_and_can_be_overridden():
    assert Diagnostic("CL304", "x").severity == Severity.WARNING
    assert Diagnostic("CL304", "x", severity=Severity.ERROR).severity == Severity.ERROR


def test_text_format_is_linter_like_with_hint():
    d = Diagnostic("CL301", "no reference for Smith 2000", path="a.txt", line=3, col=7, hint="did you mean smith2001?")
    assert format_text(d) == (
        "a.txt:3:7: CL301 error: no reference for Smith 2000 [unresolved-citation]\n  hint: did you mean smith2001?"
    )


def test_text_format_without_position():
    text = format_text(Diagnostic("CL304", "uncited", path="a.bib"))
    assert text == "a.bib: CL304 warning: uncited [uncited-reference]"


def test_json_format_round_trips_the_record():
    d = Diagnostic("CL303", "matched by title", path="a.txt", line=1, col=2, start=5, end=9, subject="kosal1998")
    [record] = json.loads(format_json([d]))
    assert record == {
        "code": "CL303", "slug": "matched-by-title", "severity": "info", "message": "matched by title",
        "path": "a.txt", "line": 1, "col": 2, "start": 5, "end": 9, "hint": "", "subject": "kosal1998",
    }


def test_exit_codes():
    warning, error = Diagnostic("CL304", "w"), Diagnostic("CL301", "e")
    assert exit_code([]) == 0
    assert exit_code([warning]) == 0
    assert exit_code([warning], strict=True) == 1
    assert exit_code([warning, error]) == 1


def test_select_and_ignore_take_codes_slugs_and_prefixes():
    ds = [Diagnostic("CL301", "a"), Diagnostic("CL304", "b"), Diagnostic("CL201", "c")]
    assert [d.code for d in filter_diagnostics(ds, select=["CL3"])] == ["CL301", "CL304"]
    assert [d.code for d in filter_diagnostics(ds, ignore=["uncited-reference"])] == ["CL301", "CL201"]
    assert resolve_codes(["unresolved-citation", "CL201"]) == {"CL301", "CL201"}
    with pytest.raises(ValueError):
        resolve_codes(["no-such-check"])


def test_unique_drops_a_finding_reported_twice_and_keeps_order():
    first = Diagnostic("CL202", "duplicate key `a`", path="x.bib", line=9, col=1, subject="a")
    again = Diagnostic("CL202", "the key 'a' is used twice", path="x.bib", line=9, col=1, subject="a")
    other = Diagnostic("CL202", "duplicate key `b`", path="x.bib", line=12, col=1, subject="b")
    assert unique([first, other, again]) == [first, other]
