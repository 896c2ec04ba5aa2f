"""The site and the HTML picture in a real headless Chromium, as a reader uses them.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them). Where they are
truly absent the tests skip and say so; under CI they fail instead, because CI is where they must run.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exograph.compiled.store import open_store
from exograph.web.site import build_site
from tests.conftest import PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser tests: install Debian's chromium and chromium-driver", pytrace=False)
    pytest.skip(
        "headless Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real curation's site, served on a free loopback port."""
    folder = tmp_path_factory.mktemp("site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        build_site(open_store(PROJECT_ROOT), folder)
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: ARG002
        return


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
        "--window-size=1200,1000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def console_errors(driver: Any) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "entity/RAB27A.html",
        "entity/exosome_secretion.html",
        "assertion/liang2021-sorafenib-rab27a-activity.html",
        "source/liang2021.html",
        "source/wang2021.html",
    ],
)
def test_every_page_type_loads_without_console_errors(browser: Any, served: str, page: str) -> None:
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(served + page)
    assert browser.find_element(By.TAG_NAME, "h1").text
    assert console_errors(browser) == []


def test_search_finds_rab27a(browser: Any, served: str) -> None:
    browser.get(served + "index.html")
    box = browser.find_element(By.ID, "q")
    box.send_keys("RAB27A")
    hits = WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#hits a"))
    assert hits[0].get_attribute("href").endswith("entity/RAB27A.html")
    hits[0].click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("entity/RAB27A.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "RAB27A"


def test_clicking_an_edge_shows_its_evidence(browser: Any, served: str) -> None:
    browser.get(served + "entity/RAB27A.html")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.EXOGRAPH_CY"))
    edge = "e-liang2021-sorafenib-rab27a-activity"
    x, y = browser.execute_script(
        "var cy = window.EXOGRAPH_CY, e = cy.getElementById(arguments[0]); cy.fit(e, 60);"
        "var p = e.renderedMidpoint(); return [p.x, p.y];",
        edge,
    )
    container = browser.find_element(By.ID, "network")
    width, height = container.size["width"], container.size["height"]
    ActionChains(browser).move_to_element_with_offset(
        container, int(x - width / 2), int(y - height / 2)
    ).click().perform()
    panel = browser.find_element(By.ID, "evidence")
    WebDriverWait(browser, 5).until(lambda _: "Rab27a activity increased after Sorafenib treatment" in panel.text)
    assert "liang2021-sorafenib-rab27a-activity" in panel.text
    assert "Liang" in panel.text


def test_entity_links_to_assertion_and_back(browser: Any, served: str) -> None:
    browser.get(served + "entity/RAB27A.html")
    browser.find_element(By.LINK_TEXT, "liang2021-sorafenib-rab27a-activity").click()
    WebDriverWait(browser, 5).until(lambda d: "assertion/liang2021-sorafenib-rab27a-activity.html" in d.current_url)
    assert "Rab27a activity increased after Sorafenib treatment" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.CSS_SELECTOR, "h1 a[href$='entity/RAB27A.html']").click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("entity/RAB27A.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "RAB27A"


def test_pages_fit_a_phone_screen(browser: Any, served: str) -> None:
    browser.set_window_size(390, 844)
    try:
        for page in (
            "entity/RAB27A.html",
            "assertion/liang2021-sorafenib-rab27a-activity.html",
            "source/liang2021.html",
        ):
            browser.get(served + page)
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, page
    finally:
        browser.set_window_size(1200, 1000)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_rendered_html_shows_citation_and_quote_on_an_edge(browser: Any, tmp_path: Path, cli: Any, mini: Path) -> None:
    page = tmp_path / "rab27a.html"
    assert cli("render", "RAB27A", "--root", str(mini), "-o", str(page)).exit_code == 0
    browser.get_log("browser")
    browser.get(page.as_uri())
    edge = browser.find_element(By.ID, "e-mini2024-rab27a-exosome-secretion")
    ActionChains(browser).move_to_element(edge.find_element(By.TAG_NAME, "text")).click().perform()
    panel = browser.find_element(By.ID, "evidence")
    WebDriverWait(browser, 5).until(lambda _: "Knockdown of RAB27A reduced exosome release." in panel.text)
    assert "mini2024-rab27a-exosome-secretion" in panel.text
    assert console_errors(browser) == []
