"""The HTML report in a real browser: Debian's chromium driven by Selenium through the system chromedriver
(no browser download). Citations are links that scroll to their reference, every citation anchor resolves,
tooltips carry the reference and locator, hostile titles stay text, and the page fits a phone screen.

Skips only when chromium or chromedriver is not installed (CI installs them in .ci/run). The full-page
screenshot of the sample article's report is kept in tests/artifacts/report.png (git-ignored).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By

from citeledger.cli import cli

REPO = Path(__file__).resolve().parents[1]
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_4a36c623ce564520.txt"
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1100,1400")  # fmt: skip

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason=f"chromium ({CHROMIUM}) or chromedriver ({CHROMEDRIVER}) not installed: "
    "apt-get install chromium chromium-driver",
)

HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "</script><script>window.pwned=1</script>"
HOSTILE_ARTICLE = """A Test of Hostile Titles

Early sources were unreliable (Evil, 2001: 3). Later ones were worse (Worse, 2002). A stray tag in the prose
<script>window.pwned=2</script> stays text too.

References

EVIL, Eve, 2001, Title, Paris: Seuil.

WORSE, Will, 2002, Title, Paris: Seuil.
"""
HOSTILE_BIB = f"""@book{{evil2001, author = {{Evil, Eve}}, title = {{{HOSTILE_IMG}}}, year = {{2001}},
  publisher = {{Seuil}}, address = {{Paris}}}}
@book{{worse2002, author = {{Worse, Will}}, title = {{{HOSTILE_SCRIPT}}}, year = {{2002}},
  publisher = {{Seuil}}, address = {{Paris}}}}
"""


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="citeledger-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except WebDriverException as error:  # installed but unable to start: a real failure, say why
        pytest.fail(f"chromium did not start: {error.msg}")
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def write_report(tmp_path: Path, article: Path, *extra: str) -> Path:
    out = tmp_path / (article.stem + ".html")
    result = CliRunner().invoke(cli, ["report", str(article), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def open_page(driver, path: Path) -> None:
    driver.set_window_size(1100, 1400)
    driver.get(path.resolve().as_uri())


def citation_hrefs(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.citation a.cite')).map(a => a.getAttribute('href'));")


def assert_every_anchor_resolves(driver) -> None:
    hrefs = citation_hrefs(driver)
    assert hrefs, "no citation links on the page"
    missing = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href^=\"#\"]')).map(a => a.getAttribute('href'))"
        ".filter(h => !document.getElementById(decodeURIComponent(h.slice(1))));")
    assert missing == [], f"anchors without a target: {missing}"


def click_citation_and_check_scroll(driver, index: int) -> None:
    """A real mouse click on the citation's first line box (WebDriver aims at the centre of the bounding box,
    which misses a link wrapped over two lines), then the target must be in the viewport."""
    link = driver.find_elements(By.CSS_SELECTOR, ".citation a.cite")[index]
    href = link.get_attribute("href").split("#", 1)[1]
    x, y = driver.execute_script(
        "const a = arguments[0]; a.scrollIntoView({block: 'center'});"
        "const r = a.getClientRects()[0]; return [r.left + Math.min(8, r.width / 2), r.top + r.height / 2];", link)
    assert driver.execute_script("return document.elementFromPoint(arguments[0], arguments[1]);", x, y) == link
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(x), int(y)).click()
    actions.perform()
    assert driver.execute_script("return location.hash;") == "#" + href
    target = driver.find_element(By.ID, href)
    assert target.is_displayed()
    top, bottom, height = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];", target)
    assert 0 <= top < height and bottom > 0, f"#{href} not scrolled into view (top {top}, viewport {height})"


def save_full_page_screenshot(driver, path: Path) -> None:
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    driver.set_window_size(1100, min(int(height) + 120, 16000))
    driver.execute_script("window.scrollTo(0, 0);")
    path.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(path))
    driver.set_window_size(1100, 1400)


@pytest.mark.skipif(not SAMPLE.exists(), reason=f"the sample article is not here ({SAMPLE}): no shared/ folder")
def test_sample_report_links_scroll_and_screenshot(browser, tmp_path):
    open_page(browser, write_report(tmp_path, SAMPLE))
    assert browser.title == "Citation report: Ieng Sary"
    assert len(citation_hrefs(browser)) == 8
    assert_every_anchor_resolves(browser)
    save_full_page_screenshot(browser, ARTIFACTS / "report.png")
    click_citation_and_check_scroll(browser, 0)
    assert browser.execute_script("return location.hash;") == "#ref-short2007"
    click_citation_and_check_scroll(browser, 7)  # the title-matched citation (CL303)
    assert browser.execute_script("return location.hash;") == "#ref-kosal1998"


def test_bundled_example_report_in_browser(browser, tmp_path):
    open_page(browser, write_report(tmp_path, REPO / "examples" / "duch.txt"))
    assert_every_anchor_resolves(browser)
    hrefs = citation_hrefs(browser)
    assert "#ref-kiernan1996" in hrefs and "#ref-dy2007" in hrefs  # both items of one citation are links
    click_citation_and_check_scroll(browser, len(hrefs) - 1)
    uncited = browser.find_element(By.ID, "ref-vickery1984")
    assert "uncited" in uncited.text.lower()


def test_focused_citation_shows_reference_and_locator(browser, tmp_path):
    open_page(browser, write_report(tmp_path, REPO / "examples" / "duch.txt"))
    link = browser.find_elements(By.CSS_SELECTOR, ".citation a.cite")[0]
    browser.execute_script("arguments[0].focus();", link)
    tooltip = browser.execute_script("return getComputedStyle(arguments[0], '::after').content;", link)
    assert "Le Portail" in tooltip and "p. 112-118" in tooltip
    assert link.get_attribute("title") == tooltip.strip('"')


def test_readable_at_phone_width(browser, tmp_path):
    open_page(browser, write_report(tmp_path, REPO / "examples" / "duch.txt"))
    browser.set_window_size(390, 844)
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at phone width"


def test_hostile_titles_render_as_text_and_run_nothing(browser, tmp_path):
    article, bib = tmp_path / "hostile.txt", tmp_path / "hostile.bib"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    bib.write_text(HOSTILE_BIB, encoding="utf-8")
    open_page(browser, write_report(tmp_path, article, "--bib", str(bib)))
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is what raises when there is no alert
    assert browser.execute_script("return typeof window.pwned;") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('img').length;") == 0
    assert browser.execute_script("return document.scripts.length;") == 1  # our own copy button script
    references = browser.find_element(By.ID, "references").text
    assert HOSTILE_IMG in references and HOSTILE_SCRIPT in references
    assert "<script>window.pwned=2</script>" in browser.find_element(By.ID, "article").text
    bibliography = browser.find_element(By.ID, "bibliography").text
    assert HOSTILE_IMG in bibliography
    assert_every_anchor_resolves(browser)


def test_styles_switch_on_the_page_and_all_print(browser, tmp_path):
    open_page(browser, write_report(tmp_path, REPO / "examples" / "duch.txt"))
    panels = browser.find_elements(By.CSS_SELECTOR, "#bibliography .panel")
    assert [panel.is_displayed() for panel in panels] == [True, False, False]
    label = browser.find_element(By.CSS_SELECTOR, "label[for=style-2]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", label)
    label.click()
    assert [panel.is_displayed() for panel in panels] == [False, True, False]
    assert "Bizot, F. (2000)" in panels[1].text  # APA
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert all(panel.is_displayed() for panel in panels)
        assert not browser.find_element(By.TAG_NAME, "nav").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
