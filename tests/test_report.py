"""The report without a browser: templates (StrictUndefined, autoescape), escaping of hostile data, the
Markdown form, anchors, self-containment, and the `report` command's options and errors."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner
from markupsafe import escape

from citeledger.cli import cli
from citeledger.pipeline import build_ledger, check_file
from citeledger.render import reports, styles
from citeledger.render.reports import DEFAULT_STYLES, escape_markdown, render_report, render_template

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "duch.txt"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "</script><script>window.pwned=1</script>"
HOSTILE_ARTICLE = """Title <b>bold</b> & more

3 February, 2008
Doe Jane

It was raining (Evil, 2001: 3). It was pouring (Worse, 2002). Nobody saw it (Ghost, 1999).

References

EVIL, Eve, 2001, Title, Paris: Seuil.
"""
HOSTILE_BIB = f"""@book{{evil2001, author = {{Evil, Eve}}, title = {{{HOSTILE_IMG}}}, year = {{2001}},
  publisher = {{Seuil}}}}
@book{{worse2002, author = {{Worse, Will}}, title = {{{HOSTILE_SCRIPT}}}, year = {{2002}}, publisher = {{Seuil}}}}
"""


class Anchors(HTMLParser):
    """Collects element ids, local hrefs, script/img tags and attributes that could fetch something."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.tags, self.fetching = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id":
                self.ids.add(value)
            if name == "href" and value.startswith("#"):
                self.hrefs.append(value)
            if name in ("src", "srcset", "poster", "data") or (name == "href" and not value.startswith("#")):
                self.fetching.append((tag, name, value))


def parse(html: str) -> Anchors:
    parser = Anchors()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def example_html() -> str:
    return render_report(check_file(str(EXAMPLE)))[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "a.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "a.bib").write_text(HOSTILE_BIB, encoding="utf-8")
    return folder


def test_templates_use_strict_undefined_and_autoescape_html_only():
    environment = reports.template_environment()
    assert environment.undefined is jinja2.StrictUndefined
    with pytest.raises(jinja2.UndefinedError):
        render_template("report.md.j2")
    with pytest.raises(jinja2.UndefinedError):
        render_template("report.html.j2")
    assert environment.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"  # unnamed templates escape too
    assert environment.autoescape("report.html.j2") and not environment.autoescape("report.md.j2")


def test_default_styles_exist():
    for style_id in DEFAULT_STYLES:
        assert styles.resolve_style(style_id).is_file()


def test_every_local_link_resolves_and_nothing_is_fetched(example_html):
    page = parse(example_html)
    assert page.hrefs, "no links"
    assert [href for href in page.hrefs if href[1:] not in page.ids] == []
    assert page.fetching == []
    assert "<link" not in example_html and "@import" not in example_html and "url(" not in example_html
    assert page.tags.count("script") == 1


def test_landmarks_headings_and_print_css(example_html):
    page = parse(example_html)
    for tag in ("main", "nav", "header", "section", "h1", "h2", "table", "caption"):
        assert tag in page.tags, tag
    assert example_html.count('aria-labelledby="') == 8
    assert "@media print" in example_html and 'name="viewport"' in example_html


def test_citations_link_to_references_with_locator_tooltips(example_html):
    assert ('<a class="cite" href="#ref-bizot2000" title="BIZOT, François, 2000, Le Portail, Paris: La Table Ronde.'
            ' — p. 112-118"') in example_html
    # one citation, two works: each item is its own link
    assert re.search(r'href="#ref-kiernan1996"[^>]*>Kiernan, 1996: 315-320</a>; <a class="cite" href="#ref-dy2007"',
                     example_html)
    assert "cited 2×:" in example_html  # chandler1999 supports two claims
    assert re.search(r'id="ref-vickery1984"[^>]*>.*?uncited', example_html, re.S)


def test_the_inline_script_is_the_only_one_the_policy_allows(example_html):
    script = re.search(r"<script>(.*?)</script>", example_html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in example_html
    assert "default-src 'none'" in example_html


def test_hostile_titles_and_text_are_escaped_everywhere(hostile):
    ledger = check_file(str(hostile / "a.txt"), _options(hostile))
    html, report = render_report(ledger)
    page = parse(html)
    assert "img" not in page.tags and page.tags.count("script") == 1 and "b" not in page.tags
    assert HOSTILE_IMG not in html and HOSTILE_SCRIPT not in html and "<b>bold</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "Title &lt;b&gt;bold&lt;/b&gt; &amp; more" in html
    assert len(report.styles) == 3 and all(len(view.entries) == 2 for view in report.styles)


def _options(folder):
    from citeledger.pipeline import LedgerOptions

    return LedgerOptions(bib=str(folder / "a.bib"))


def test_unresolved_citation_stands_out_and_links_to_its_finding(hostile):
    html, report = render_report(check_file(str(hostile / "a.txt"), _options(hostile)))
    finding = next(f for f in report.findings if f.code == "CL301")
    tooltip = "CL301: no reference matches"
    assert re.search(rf'<a class="cite problem" href="#{finding.anchor}" title="{tooltip}[^>]*>Ghost, 1999</a>', html)
    assert f'<span class="flag flag-error" role="note">CL301: {escape(finding.message)}' in html
    assert f'<tr id="{finding.anchor}">' in html and f'href="{finding.target}"' in html


def test_markdown_report(hostile):
    text, _ = render_report(check_file(str(EXAMPLE)), to="markdown")
    for heading in ("# Citation report: Kaing Guek Eav (Duch)", "## Claims ledger", "## References",
                    "## Bibliography", "### APA Style 7th edition", "## Cite this item", "## Findings", "## BibTeX"):
        assert heading in text, heading
    assert "a much larger scale ([Bizot, 2000: 112-118](#ref-bizot2000))." in text
    assert "([Kiernan, 1996: 315-320](#ref-kiernan1996); [Dy, 2007](#ref-dy2007))" in text
    assert "**uncited**" in text and "cited 2×:" in text
    assert "```bibtex\n@book{bizot2000," in text
    hostile_text, _ = render_report(check_file(str(hostile / "a.txt"), _options(hostile)), to="markdown")
    prose, _, bibtex = hostile_text.partition("## BibTeX")  # inside the fenced BibTeX block, text is literal
    assert not re.search(r"(?<!\\)<(img|script|/script|b)\b", prose)
    assert HOSTILE_IMG in bibtex and "\n````bibtex\n" in bibtex
    assert r"\<img src=x onerror=alert(1)\>" in hostile_text
    assert r"Title \<b\>bold\</b\> & more" in prose.partition("## Cite this item")[2]  # the cite-this line


def test_escape_markdown():
    assert escape_markdown("a *b* [c](d) <e> | f\ng") == r"a \*b\* \[c\](d) \<e\> \| f g"


def test_article_without_references_or_header_still_reports():
    html, report = render_report(build_ledger("Just a sentence (Nobody, 2000).\n", "x.txt"))
    assert report.references == () and report.cite_this == ""
    assert "No findings." not in html and "CL101" in html


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_report_command_writes_html_and_markdown(tmp_path):
    out = tmp_path / "r.html"
    result = run("report", str(EXAMPLE), "-o", str(out), "--style", "apa")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "APA Style 7th edition" in page and "Chicago" not in page
    markdown = run("report", str(EXAMPLE), "--to", "markdown")
    assert markdown.exit_code == 0 and markdown.output.startswith("# Citation report: Kaing Guek Eav (Duch)")


def test_report_command_bad_input_exits_2_without_traceback(tmp_path):
    bad_style = run("report", str(EXAMPLE), "--style", "no-such-style")
    assert bad_style.exit_code == 2 and "CL501" in bad_style.output and "Traceback" not in bad_style.output
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    assert run("report", str(binary)).exit_code == 2
    assert run("report", str(tmp_path / "missing.txt")).exit_code == 2
    assert not (tmp_path / "r.html").exists()


def test_findings_about_a_reference_show_on_its_card():
    text = ("A Title\n\nIt rained (Smith, 2001: 4).\n\nReferences\n\nSMITH, Anna, 2001, Rain in the North, : Verso.\n\n"
            "JONES, Paul, 2003, Harvests, Paris: Seuil.\n")
    html, report = render_report(build_ledger(text, "a.txt"))
    cards = {card.key: card for card in report.references}
    assert [label for _, _, label in cards["smith2001"].findings] == [
        "CL103: no place of publication (publisher-place)"]
    assert [label.split(":")[0] for _, _, label in cards["jones2003"].findings] == ["CL304"]
    anchor = cards["smith2001"].findings[0][0]
    assert f'<a class="flag flag-warning" href="#{anchor}">CL103: no place of publication' in html


def test_odd_and_missing_keys_get_safe_anchors():
    from citeledger.model import Date, Name, Reference

    references = [Reference(id="", type="book", fields={"title": "No key"}, names={"author": (Name("Smith", "A"),)},
                            dates={"issued": Date((2001,))}),
                  Reference(id='x "y"', type="book", fields={"title": "Odd"}, names={"author": (Name("Jones", "P"),)},
                            dates={"issued": Date((2003,))})]  # fmt: skip
    html, report = render_report(build_ledger("A\n\nIt rained (Jones, 2003).\n", "a.txt", references=references))
    assert [card.anchor for card in report.references] == ["ref-smith2001", "ref-2"]
    assert report.references[1].uses == 1
    page = parse(html)
    assert [href for href in page.hrefs if href[1:] not in page.ids] == []


def test_jinja2_is_imported_in_one_module_only():
    src = REPO / "src" / "citeledger"
    importing = sorted(str(path.relative_to(src)) for path in src.rglob("*.py")
                       if re.search(r"^\s*(import|from) (jinja2|markupsafe)\b", path.read_text(encoding="utf-8"), re.M))
    assert importing == ["render/reports.py"]
