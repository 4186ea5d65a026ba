"""A real browser on the real server: ``exactsvd serve`` in a subprocess, headless Chromium driven by Selenium.

Types the blog's matrix into the SVD page, checks a wrong answer, moves the
compression slider, and asserts what a visitor sees: the singular values
``3`` and ``√3`` as MathML that the browser laid out (a ``<math>`` box of
non-zero size), the checker's sentences, a new picture for a new k.  Each
test saves a screenshot (the paths are printed; ``docs/web_svd.png`` is one
of them, kept as the reference picture).

Needs Chromium and its driver (Debian: ``chromium``, ``chromium-driver``),
Selenium and the ``web`` extra; skipped without them, except in CI (the
``CI`` variable set), where anything missing is a failure.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_plots import require

ROOT = Path(__file__).resolve().parents[1]
BLOG = "[[1,2,1,0],[2,0,1,1]]"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1000,1400")
PROGRAMS = {"chromium": ("chromium", "chromium-browser"), "chromedriver": ("chromedriver",)}


def program(name):
    found = next((path for path in map(shutil.which, PROGRAMS[name]) if path), None)
    if found is None:
        message = f"{name} is not installed (Debian: apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message + "; .ci/run must install it")
        pytest.skip(message)
    return found


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    for module in ("starlette", "uvicorn", "multipart", "matplotlib"):
        require(module)
    port = free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "exactsvd", "serve", "--port", str(port), "--workers", "2", "--timeout", "60"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if process.poll() is not None:
                pytest.fail(f"exactsvd serve exited with {process.returncode}: {process.stderr.read()}")
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("exactsvd serve did not answer within two minutes")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = require("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = program("chromium")
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(program("chromedriver")), options=options)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    return tmp_path_factory.mktemp("web-screenshots")


def wait_for(driver, script, seconds=120):
    """Poll the JavaScript expression *script* until it is truthy; its value."""
    for _ in range(int(seconds * 10)):
        value = driver.execute_script(f"return {script};")
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"the page never satisfied {script}")


def size(driver, selector):
    return driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.width, r.height];",
        selector)


def shot(driver, screenshots, name):
    path = screenshots / name
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")
    assert path.stat().st_size > 10_000


def test_svd_page_shows_3_and_sqrt_3_in_rendered_mathml(server, browser, screenshots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    box = browser.find_element(By.ID, "matrix")
    box.clear()
    box.send_keys(BLOG)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for(browser, "document.getElementById('singular-values')")
    cells = browser.find_elements(By.CSS_SELECTOR, "#singular-values td.exact math")
    assert [cell.get_attribute("innerHTML") for cell in cells] == ["<mn>3</mn>", "<msqrt><mn>3</mn></msqrt>"]
    assert [d.text for d in browser.find_elements(By.CSS_SELECTOR, "#singular-values td.decimal")] == [
        "", "≈ 1.73205080756888"]
    root = browser.find_element(By.CSS_SELECTOR, "#singular-values tr:nth-child(2) msqrt")
    width, height = size(browser, "#singular-values tr:nth-child(2) math")
    assert width > 10 and height > 10 and root.size["width"] > 0  # laid out as MathML, not as bare text
    assert all(w > 50 and h > 30 for w, h in (size(browser, f"#{name} math") for name in "USV"))
    assert browser.find_element(By.ID, "proof").text.startswith("verified: U^T U = I, V^T V = I, U S V^T = A")
    shot(browser, screenshots, "web_svd.png")


def test_checker_explains_a_wrong_answer(server, browser, screenshots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/check")
    for name, value in (("matrix", "[[3, 0], [4, 5]]"), ("U", "1 0; 0 1"), ("S", "sqrt(5) 0; 0 3*sqrt(5)"),
                        ("V", "1 0; 0 1")):
        box = browser.find_element(By.ID, name)
        box.clear()
        box.send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for(browser, "document.getElementById('verdict')")
    assert browser.find_element(By.ID, "verdict").text.startswith("✗ not a valid SVD of A")
    problems = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "#problems li")]
    assert any("ascending order" in problem for problem in problems)
    assert size(browser, "#result math")[1] > 20
    shot(browser, screenshots, "web_check.png")


def test_compression_slider_changes_the_picture(server, browser, screenshots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server + "/compress?k=20")
    wait_for(browser, "document.getElementById('k-slider')")
    before = browser.find_element(By.ID, "reconstruction").get_attribute("src")
    error_before = float(browser.find_element(By.ID, "error").text)
    slider = browser.find_element(By.ID, "k-slider")
    slider.send_keys(Keys.HOME)  # k = 1, by the keyboard, as a visitor would
    wait_for(browser, "document.querySelector('section.compression').dataset.k === '1'")
    assert browser.find_element(By.ID, "k-value").text == "1"
    assert browser.find_element(By.NAME, "k").get_attribute("value") == "1"  # the form follows the slider
    assert browser.find_element(By.ID, "reconstruction").get_attribute("src") != before
    assert float(browser.find_element(By.ID, "error").text) > error_before
    assert size(browser, "#reconstruction")[0] > 100 and size(browser, "#plot")[0] > 100
    shot(browser, screenshots, "web_compress.png")
