"""Hostile files: CSL styles with external entities, external DTDs and entity bombs; HTML articles with
scripts and entities; .bib files with self-referencing or enormous @string concatenations.

Each style is tried through ``citeledger format``, ``cite-this --style`` and ``report --style``; whatever the
outcome (formatted, or refused with exit 2), a secret marker written in a local file must not appear in
any output, no request may reach a local HTTP server, and an entity bomb must not blow up memory.
"""

from __future__ import annotations

import http.server
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from citeledger.article import parse_article
from citeledger.cli import cli

REPO = Path(__file__).resolve().parents[2]
HOUSE_STYLE = REPO / "styles" / "citeledger-house.csl"
SECRET = "SECRET-MARKER-7f3a9c"
BIB = "@book{smith2000, author = {Smith, John}, year = 2000, title = {A Book}, publisher = {Plon}, address = {Paris}}\n"
ARTICLE = ("A Title\n\n3 February, 2008\nDoe Jane\n\nProse (Smith, 2000).\n\nReferences\n\n"
           "SMITH, John, 2000, A Book, Paris: Plon.\n")


def hostile_style(doctype: str, title_text: str, layout_text: str = "") -> str:
    """The house style with a DOCTYPE, an entity in the title's text and, optionally, in a text node of
    the bibliography layout (as element content, where a parser could expand it)."""
    style = HOUSE_STYLE.read_text(encoding="utf-8")
    style = style.replace("<style ", doctype + "\n<style ", 1)
    style = style.replace("<title>", "<title>" + title_text, 1)
    if layout_text:
        style = style.replace("</info>", f"</info>\n<!-- x -->\n<rights>{layout_text}</rights>", 1)
    return style


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@pytest.fixture
def http_server():
    """A local HTTP server that records every request it receives."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            body = f"<!ENTITY leak '{SECRET}'>".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def run_style(tmp_path: Path, style_text: str) -> list[tuple[int, str]]:
    """The style through ``format`` and ``cite-this``; returns (exit code, stdout + stderr) of each."""
    style = tmp_path / "hostile.csl"
    style.write_text(style_text, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "report.html"
    outcomes = []
    for arguments in (["format", str(tmp_path / "refs.bib"), "--style", str(style), "--cite", "smith2000"],
                      ["format", str(tmp_path / "refs.bib"), "--style", str(style), "--to", "html"],
                      ["cite-this", str(tmp_path / "article.txt"), "--style", str(style)],
                      # the report shows each style's title: an expanded entity in it would be visible
                      ["report", str(tmp_path / "article.txt"), "--style", str(style), "-o", str(report)]):
        result = CliRunner().invoke(cli, arguments)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 2)
        outcomes.append((result.exit_code, result.output))
    if report.exists():
        outcomes.append((0, report.read_text(encoding="utf-8")))
    return outcomes


@pytest.mark.parametrize("where", ["title", "both"])
def test_external_entity_to_a_local_file_is_not_resolved(tmp_path, secret_file, where):
    doctype = f'<!DOCTYPE style [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
    style = hostile_style(doctype, "&xxe;", "&xxe;" if where == "both" else "")
    for _code, output in run_style(tmp_path, style):
        assert SECRET not in output


def test_external_dtd_pointing_at_a_local_file_is_not_loaded(tmp_path, secret_file):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY % file SYSTEM "{secret_file.as_uri()}">\n<!ENTITY leak "%file;">\n', encoding="utf-8")
    style = hostile_style(f'<!DOCTYPE style SYSTEM "{dtd.as_uri()}">', "&leak;", "&leak;")
    for _code, output in run_style(tmp_path, style):
        assert SECRET not in output


def test_entities_and_dtds_on_the_network_are_never_fetched(tmp_path, http_server):
    url, requests = http_server
    doctype = (f'<!DOCTYPE style SYSTEM "{url}/evil.dtd" [<!ENTITY remote SYSTEM "{url}/entity">'
               f'<!ENTITY % param SYSTEM "{url}/param"> %param;]>')
    style = hostile_style(doctype, "&remote;", "&remote;&leak;")
    outputs = run_style(tmp_path, style)
    time.sleep(0.2)  # a request in flight would land in the server thread meanwhile
    assert requests == []
    assert all(SECRET not in output for _, output in outputs)


BILLION_LAUGHS = "<!DOCTYPE style [\n<!ENTITY lol \"lol\">\n" + "".join(
    f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n' for n in range(1, 10)) + "]>"


def test_billion_laughs_does_not_blow_up_memory(tmp_path):
    style = tmp_path / "laughs.csl"
    style.write_text(hostile_style(BILLION_LAUGHS, "&lol9;", "&lol9;"), encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    limit = 1 << 30  # fully expanded, the bomb is 3 GB of "lol"

    def cap_memory():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "citeledger", "format", str(tmp_path / "refs.bib"), "--style",
                          str(style)], capture_output=True, text=True, preexec_fn=cap_memory, timeout=120)
    assert time.perf_counter() - started < 60
    assert "MemoryError" not in run.stderr and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.returncode in (0, 1, 2)
    assert "lollollol" not in run.stdout + run.stderr


def test_html_script_is_not_article_text():
    html = ("<!DOCTYPE html><html><head><script>var secret = 'SCRIPT-ONLY';</script></head><body>"
            "<h1>A Title</h1><p>Prose (Smith, 2000).<script>document.write('SCRIPT-ONLY')</script></p>"
            "<noscript>NOSCRIPT-ONLY</noscript><style>p { color: red }</style>"
            "<p>&lt;script&gt;shown as text&lt;/script&gt; &amp; &#x41;</p>"
            "<h2>References</h2><ul><li>SMITH, John, 2000, A Book, Paris: Plon.</li></ul></body></html>")
    article, _ = parse_article(html, "page.html")
    assert "SCRIPT-ONLY" not in article.text and "NOSCRIPT-ONLY" not in article.text
    assert "color: red" not in article.text
    assert "<script>shown as text</script> & A" in article.text  # escaped markup is text, entities decoded
    assert "Prose (Smith, 2000)." in article.text


def test_html_entities_are_never_fetched(tmp_path, http_server, secret_file):
    url, requests = http_server
    page = tmp_path / "page.html"
    page.write_text(f'<!DOCTYPE html SYSTEM "{url}/x.dtd" [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
                    f'<html><body><h1>T</h1><p>Text &xxe; <img src="{url}/img.png"> (Smith, 2000).</p>'
                    "<h2>References</h2><p>SMITH, John, 2000, A Book, Paris: Plon.</p></body></html>",
                    encoding="utf-8")
    for arguments in (["extract", str(page)], ["check", str(page), "--format", "json"],
                      ["report", str(page), "-o", str(tmp_path / "report.html")]):
        result = CliRunner().invoke(cli, arguments)
        assert result.exit_code in (0, 1), (arguments, result.output[-1000:])
        assert SECRET not in result.output
    assert SECRET not in (tmp_path / "report.html").read_text(encoding="utf-8")
    time.sleep(0.2)
    assert requests == []


def test_self_referencing_string_ends_with_a_diagnostic(tmp_path):
    bib = tmp_path / "self.bib"
    bib.write_text("@string{a = a # a}\n@misc{k, title = a # a, year = 2000}\n", encoding="utf-8")
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["convert", str(bib), "--to", "csl-json"])
    assert time.perf_counter() - started < 30
    assert result.exit_code == 0
    assert re.search(r"CL206 .*@string `a` uses undefined @string `a`", result.output)


def test_a_hundred_thousand_level_concatenation_ends_with_a_diagnostic(tmp_path):
    bib = tmp_path / "long.bib"
    chain = " # ".join(["x"] * 100_000)
    bib.write_text(f"@string{{x = {{ab}}}}\n@string{{y = {chain} # undefinedmacro}}\n@misc{{k, title = y}}\n",
                   encoding="utf-8")
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["convert", str(bib), "--to", "csl-json"])
    assert time.perf_counter() - started < 30
    assert result.exit_code == 0
    assert "CL206" in result.output and "undefinedmacro" in result.output
    assert '"title": "' + "ab" * 1000 in result.output
