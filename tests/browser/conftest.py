"""Headless Chromium (Debian's chromium + chromium-driver) driven by Selenium,
against the review pages served on a free loopback port from a thread.

Nothing is downloaded: the driver path is given explicitly and Selenium
Manager is kept offline. Without the browser the tests skip, saying how to
install it (``scripts/test-setup.sh``, which ``make test`` runs, as root).
"""
from __future__ import annotations

import os
import pathlib
import shutil
import tempfile
import threading

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server

from tests.review_fixtures import review_app

CHROMIUM = os.environ.get("SOURCECHECK_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SOURCECHECK_CHROMEDRIVER", "/usr/bin/chromedriver")
ARTIFACTS = pathlib.Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--window-size=1440,1000", "--force-device-scale-factor=1")


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:
        pass


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The review pages on http://127.0.0.1:<free port>, with a fresh SQLite store."""
    app = review_app(DATABASE_URL=None, SOURCECHECK_DB_PATH=str(tmp_path_factory.mktemp("store") / "reports.db"),
                     WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.base_url = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="session")
def browser():
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing:
        pytest.skip(f"headless Chromium is not installed ({', '.join(missing)} missing); "
                    "install Debian's chromium and chromium-driver, e.g. by running scripts/test-setup.sh as root")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never reach for the network
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="sourcecheck-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def screenshot(browser):
    """Save a full-page screenshot to test-artifacts/<name>.png for the record."""
    def save(name: str) -> pathlib.Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        width = browser.get_window_size()["width"]
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, max(height, 600))
        browser.save_screenshot(str(path))
        browser.set_window_size(width, 1000)
        return path
    return save
