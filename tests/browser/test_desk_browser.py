"""The standards desk in headless Chromium, CSRF tokens checked: two versions
of one story filed through the form, a dismissal carried to version 2, a new
finding marked new; the trends page's charts agree with their tables."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from service.store import StoryMeta
from tests.desk_fixtures import STORY_V1, STORY_V2, finding, made_report

NOTE = "source's position given in the next graf"


def wait(browser, condition, timeout=15):
    return WebDriverWait(browser, timeout).until(condition)


def file_version(browser, base_url, text, story_id):
    browser.get(f"{base_url}/review")
    browser.execute_script("document.getElementById('article').value = arguments[0];", text)
    browser.find_element(By.ID, "title").send_keys("Council delays the bridge vote")
    browser.find_element(By.ID, "story_id").send_keys(story_id)
    browser.find_element(By.ID, "desk").send_keys("Metro")
    browser.find_element(By.ID, "authors").send_keys("Ann Lee")
    keep = browser.find_element(By.ID, "keep")
    if not keep.is_selected():
        keep.click()
    browser.find_element(By.ID, "submit").click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".report-head h1")))
    return browser.current_url.rsplit("/", 1)[1].split("#")[0]


def finding_item(browser, rule, words):
    """The findings-list item of ``rule`` whose excerpt shows ``words``."""
    for li in browser.find_elements(By.CSS_SELECTOR, "li.finding"):
        if li.get_attribute("data-rule") == rule and words in li.text:
            return li
    raise AssertionError(f"no {rule} finding on “{words}”")


def test_two_versions_a_dismissal_carried_over_and_a_new_finding(browser, live_app, screenshot):
    base = live_app.base_url
    file_version(browser, base, STORY_V1, "bridge-vote")
    item = finding_item(browser, "anonymous-without-reason", "A senior official")
    item.find_element(By.CSS_SELECTOR, "input[name=note]").send_keys(NOTE)
    item.find_element(By.CSS_SELECTOR, "button[value=dismissed]").click()
    wait(browser, lambda d: "#f" in d.current_url)
    item = finding_item(browser, "anonymous-without-reason", "A senior official")
    assert "Dismissed" in item.text and NOTE in item.text and "by editor" in item.text
    screenshot("desk-version-1-dismissed")

    second = file_version(browser, base, STORY_V2, "bridge-vote")
    assert "Version 2 of 2 of story" in browser.find_element(By.CSS_SELECTOR, ".story-line").text
    carried = finding_item(browser, "anonymous-without-reason", "A senior official")
    assert "Dismissed" in carried.text and "carried from an earlier version" in carried.text
    assert "Persists" in carried.text
    new = finding_item(browser, "anonymous-without-reason", "People familiar with the talks")
    assert new.find_element(By.CSS_SELECTOR, ".change--new").text == "New"
    screenshot("desk-version-2-carried")

    browser.find_element(By.ID, "story-link").click()
    wait(browser, EC.presence_of_element_located((By.ID, "new")))
    assert "People familiar with the talks" in browser.find_element(By.ID, "new").text
    assert "Dismissed by editor" in browser.find_element(By.ID, "persisting").text
    screenshot("desk-story")
    assert second in browser.page_source


@pytest.fixture(scope="module")
def seeded_month(live_app):
    """Twelve stories over March 2026 on three desks."""
    store = live_app.extensions["sourcecheck.store"]
    desks = ("Metro", "Politics", "Business")
    for i in range(12):
        anonymous = i % 3
        report = made_report(named=1 + i % 2, anonymous=anonymous, institutional=i % 4 == 0,
                             named_sources=("Someone",),
                             anonymous_sources=tuple((("a senior official", "not authorised")
                                                      if j == 0 and i % 2 else ("people familiar with", None))
                                                     for j in range(anonymous)),
                             findings=tuple(finding("anonymous-source", "a senior official") for _ in range(anonymous)))
        store.save(report, text="t", format="text", title=f"March story {i}", story=StoryMeta(
            desk=desks[i % 3], published_at=datetime(2026, 3, 2 + 2 * i, tzinfo=timezone.utc)))


def test_the_trends_charts_show_the_numbers_of_their_tables(browser, live_app, seeded_month, screenshot):
    browser.get(f"{live_app.base_url}/review/trends?from=2026-03-01&to=2026-03-31")
    wait(browser, EC.presence_of_element_located((By.ID, "chart-quotes")))
    screenshot("desk-trends")
    for chart in ("chart-stories", "chart-quotes", "chart-anonymous-share", "chart-single-source"):
        drawn = browser.execute_script("""
          const out = {};
          document.querySelectorAll('#' + arguments[0] + ' svg .chart__column').forEach(g => {
            g.querySelectorAll('rect').forEach(r => { out[g.dataset.label + '/' + r.dataset.series] = r.dataset.value; });
          });
          return out;""", chart)
        table = browser.execute_script("""
          const out = {};
          document.querySelectorAll('#' + arguments[0] + '-table tbody tr').forEach(tr => {
            const week = tr.querySelector('th').textContent;
            tr.querySelectorAll('td').forEach(td => { out[week + '/' + td.dataset.series] = td.textContent; });
          });
          return out;""", chart)
        assert drawn, chart
        assert drawn == {k: v for k, v in table.items() if k in drawn}, chart  # zero-height bars are not drawn
        assert all(v in ("0", "0.0%", "–") for k, v in table.items() if k not in drawn), chart
    total = sum(int(v) for k, v in browser.execute_script("""
        const out = {};
        document.querySelectorAll('#chart-stories-table tbody tr').forEach(tr => {
          out[tr.querySelector('th').textContent] = tr.querySelector('td').textContent; });
        return out;""").items())
    assert total == 12
    assert browser.find_element(By.ID, "chart-quotes-title").get_attribute("textContent") == \
        "Quotes by source type, week by week"


def test_the_story_page_prints_without_forms_or_navigation(browser, live_app, seeded_month):
    browser.get(f"{live_app.base_url}/review/reports?q=march+story+3")
    browser.find_element(By.LINK_TEXT, "March story 3").click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".report-head h1")))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script("""
          return ['.site-header', 'form.decide', '.exports'].map(s => {
            const el = document.querySelector(s); return el ? getComputedStyle(el).display : 'none'; });""")
        assert hidden == ["none", "none", "none"]
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
