"""The review page in headless Chromium: highlights, legend, quote details."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from tests.review_fixtures import seed_report

MARKS_JS = """
return Array.from(document.querySelectorAll('mark[data-quote]')).reduce((acc, m) => {
  const last = acc[acc.length - 1];
  if (last && last.quote === m.dataset.quote) { last.text += m.textContent; }
  else { acc.push({quote: m.dataset.quote, type: m.dataset.type, text: m.textContent}); }
  return acc;
}, []);
"""


def wait(browser, condition, timeout=10):
    return WebDriverWait(browser, timeout).until(condition)


def popover(browser):
    return browser.find_element(By.ID, "quote-popover")


@pytest.fixture
def stored_seed(live_app, seed):
    store = live_app.extensions["sourcecheck.store"]
    return store.save(seed_report(seed), text=seed["text"], format="text", title=seed["title"])


@pytest.fixture
def report_page(browser, live_app, stored_seed):
    """The hand-built seed report (no engine needed), opened in the browser."""
    browser.get(f"{live_app.base_url}/review/{stored_seed}")
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "mark[data-quote]")))
    return browser


def test_submitting_the_seed_article_highlights_its_six_quotes_by_type(browser, live_app, seed, screenshot):
    """End to end with the real engine: passes once the engine finds the seed's quotes."""
    browser.get(f"{live_app.base_url}/review")
    browser.execute_script("document.getElementById('article').value = arguments[0];", seed["text"])
    browser.find_element(By.ID, "title").send_keys(seed["title"])
    browser.find_element(By.ID, "submit").click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".report-head h1")))
    screenshot("review")
    assert browser.find_element(By.CSS_SELECTOR, ".report-head h1").text == seed["title"]
    marks = browser.execute_script(MARKS_JS)
    assert [(m["type"], m["text"]) for m in marks] == [(q["source_type"], q["quote"]) for q in seed["quotes"]]
    legend = browser.find_elements(By.CSS_SELECTOR, ".article-panel .legend__swatch")
    assert [e.text for e in legend] == ["Named", "Anonymous", "Institutional", "Unattributed"]
    kerry = next(m for m in marks if m["text"].startswith("From our point of view"))
    browser.find_element(By.CSS_SELECTOR, f"mark#{kerry['quote']} a").click()
    wait(browser, EC.visibility_of(popover(browser)))
    assert "John Kerry" in popover(browser).text


def test_stored_report_highlights_each_quote_with_its_type(report_page, seed):
    marks = report_page.execute_script(MARKS_JS)
    assert [(m["type"], m["text"]) for m in marks] == [(q["source_type"], q["quote"]) for q in seed["quotes"]]


def test_highlights_differ_by_underline_style_not_colour_alone(report_page):
    styles = report_page.execute_script("""
      const out = {};
      for (const t of ['named', 'anonymous', 'institutional', 'unattributed']) {
        const el = document.querySelector('.article-panel .legend .q-' + t);
        out[t] = getComputedStyle(el).borderBottomStyle;
      }
      return out;""")
    assert styles == {"named": "solid", "anonymous": "dashed", "institutional": "double", "unattributed": "dotted"}


def test_legend_names_the_four_types_with_their_counts(report_page):
    items = report_page.find_elements(By.CSS_SELECTOR, ".article-panel .legend__item")
    assert [i.find_element(By.CSS_SELECTOR, ".legend__swatch").text for i in items] == [
        "Named", "Anonymous", "Institutional", "Unattributed"]
    assert [i.find_element(By.TAG_NAME, "strong").text for i in items] == ["2", "3", "0", "1"]


def test_clicking_a_quote_shows_speaker_descriptor_cue_and_findings(report_page, screenshot):
    report_page.find_element(By.CSS_SELECTOR, "mark#q-q2 a").click()
    pop = wait(report_page, EC.visibility_of(popover(report_page)))
    text = pop.text
    for expected in ("Anonymous", "a senior American official", "“According to”",
                     "because he was discussing classified reports", "Quote rests on an anonymous source."):
        assert expected in text
    screenshot("review-quote-details")


def test_hovering_a_quote_shows_its_details(report_page):
    from selenium.webdriver import ActionChains

    ActionChains(report_page).move_to_element(report_page.find_element(By.CSS_SELECTOR, "mark#q-q4 a")).perform()
    pop = wait(report_page, EC.visibility_of(popover(report_page)))
    assert "Secretary of State" in pop.text


def test_keyboard_opens_quote_details_and_escape_closes_them(report_page):
    link = report_page.find_element(By.CSS_SELECTOR, "mark#q-q6 a")
    report_page.execute_script("arguments[0].focus()", link)
    link.send_keys(Keys.ENTER)
    pop = wait(report_page, EC.visibility_of(popover(report_page)))
    assert "Charles Lister" in pop.text
    assert link.get_attribute("aria-expanded") == "true"
    report_page.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(report_page, EC.invisibility_of_element(pop))
    assert report_page.switch_to.active_element == link


def test_quotes_are_reachable_with_the_tab_key(report_page):
    tabbable = report_page.execute_script(
        "return Array.from(document.querySelectorAll('mark a.q-link')).every(a => a.tabIndex >= 0);")
    assert tabbable


def test_a_finding_link_jumps_to_its_quote(report_page):
    report_page.find_element(By.CSS_SELECTOR, "#f1 .finding__go").click()
    wait(report_page, lambda d: d.current_url.endswith("#q-q3"))
    assert report_page.execute_script("return document.querySelector(':target').id") == "q-q3"


def test_the_report_page_screenshot_is_written(report_page, screenshot):
    assert screenshot("review-report").stat().st_size > 10_000


def test_the_recent_reports_list_filters_by_anonymous_sources(browser, live_app, stored_seed, screenshot):
    browser.get(f"{live_app.base_url}/review/reports")
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, "anonymous")).select_by_value("no")
    browser.find_element(By.CSS_SELECTOR, ".filters button[type=submit]").click()
    wait(browser, lambda d: "anonymous=no" in d.current_url)
    assert stored_seed not in browser.page_source
    browser.get(f"{live_app.base_url}/review/reports?anonymous=yes")
    assert stored_seed in browser.page_source
    screenshot("review-list")
