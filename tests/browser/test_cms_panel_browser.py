"""The CMS kit's panel on the demo page (/demo/editor) in headless Chromium:
type the seed article, see its six quotations highlighted by type after the
pause, edit a sentence and see the findings follow with one request."""
from __future__ import annotations

import io
import threading
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

from service.app import create_app
from tests.browser.conftest import _QuietHandler

# the overlay's marks, one entry per quotation (a quote may be painted in several marks)
MARKS_JS = """
return Array.from(document.querySelectorAll('.sc-overlay mark[data-quote]')).reduce((acc, m) => {
  const last = acc[acc.length - 1];
  if (last && last.quote === m.dataset.quote) { last.text += m.textContent; }
  else { acc.push({quote: m.dataset.quote, type: m.dataset.type, text: m.textContent}); }
  return acc;
}, []);
"""
STATE_JS = "const p = document.querySelector('.sc-panel'); return p && p.dataset.state;"
RULES_JS = "return Array.from(document.querySelectorAll('.sc-finding[data-rule]'), li => li.dataset.rule);"
VAGUE = "There are also claims"
SLOW_SECONDS = 3
# the strictest policy the hardened service may send: the panel must work under it
STRICT_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
              "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class AuditCounter:
    """WSGI middleware recording the status of every POST /v1/audits, and
    sending a strict Content-Security-Policy with every page."""

    def __init__(self, app):
        self.app = app
        self.statuses: list[int] = []

    def __call__(self, environ, start_response):
        audit = environ["REQUEST_METHOD"] == "POST" and environ["PATH_INFO"] == "/v1/audits"
        if audit:
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = io.BytesIO(body)
            if b"SLOW" in body:
                time.sleep(SLOW_SECONDS)  # an answer that arrives after a newer one

        def record(status, headers, exc_info=None):
            if audit:
                self.statuses.append(int(status[:3]))
            return start_response(status, [*headers, ("Content-Security-Policy", STRICT_CSP)], exc_info)
        return self.app(environ, record)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The app with the demo page on, on a free loopback port, counting audits,
    under a strict CSP."""
    app = create_app({"TESTING": True, "SOURCECHECK_DEMO": "on",
                      "SOURCECHECK_DB_PATH": str(tmp_path_factory.mktemp("store") / "reports.db")})
    counter = AuditCounter(app.wsgi_app)
    app.wsgi_app = counter
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.base_url = f"http://127.0.0.1:{server.server_port}"
    app.audits = counter.statuses
    yield app
    server.shutdown()
    thread.join(5)


def settled(browser, timeout=30):
    """Wait until the panel shows a report for the editor's current text."""
    WebDriverWait(browser, timeout).until(lambda b: b.execute_script(STATE_JS) == "done")


def select(browser, text):
    browser.execute_script("""
      const ed = document.getElementById('editor'), at = ed.value.indexOf(arguments[0]);
      ed.focus(); ed.setSelectionRange(at, at + arguments[0].length);""", text)


@pytest.fixture(scope="module")
def typed(browser, demo, seed):
    """The demo page with the seed article typed into its editor, key by key."""
    browser.get(f"{demo.base_url}/demo/editor")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script(STATE_JS) == "idle")
    editor = browser.find_element(By.ID, "editor")
    editor.click()
    editor.send_keys(seed["text"])
    settled(browser)
    return browser


def test_typing_the_seed_article_highlights_its_six_quotes_by_type(typed, seed, screenshot):
    marks = typed.execute_script(MARKS_JS)
    typed.execute_script("const e = document.getElementById('editor'); e.scrollTop = 0; e.dispatchEvent(new Event('scroll'));")
    screenshot("cms-panel")
    assert [(m["type"], m["text"]) for m in marks] == [(q["source_type"], q["quote"]) for q in seed["quotes"]]
    counts = {e.get_attribute("data-type"): e.text for e in typed.find_elements(By.CSS_SELECTOR, ".sc-legend__count")}
    assert counts == {"named": "2", "anonymous": "3", "institutional": "0", "unattributed": "1"}


def test_the_panel_never_changes_the_editors_text(typed, seed):
    assert typed.find_element(By.ID, "editor").get_attribute("value") == seed["text"]


def test_highlights_have_the_review_pages_underline_styles(typed):
    styles = typed.execute_script("""
      const out = {};
      for (const m of document.querySelectorAll('.sc-overlay mark[data-type]')) {
        const s = getComputedStyle(m);
        out[m.dataset.type] = [s.borderBottomStyle, s.borderBottomColor];
      }
      return out;""")
    assert styles == {"anonymous": ["dashed", "rgb(213, 94, 0)"], "unattributed": ["dotted", "rgb(204, 121, 167)"],
                      "named": ["solid", "rgb(0, 114, 178)"]}


def test_findings_are_listed_with_their_suggestions(typed):
    assert VAGUE in typed.find_element(By.CSS_SELECTOR, '.sc-finding[data-rule="vague-attribution"]').text
    suggestions = typed.find_elements(By.CSS_SELECTOR, ".sc-finding .sc-finding__sugg")
    assert suggestions and all(s.text.startswith("Suggestion: ") for s in suggestions)


def test_showing_a_finding_selects_its_words_in_the_editor(typed):
    typed.find_element(By.CSS_SELECTOR, '.sc-finding[data-rule="vague-attribution"] .sc-finding__go').click()
    assert typed.execute_script(
        "const e = document.getElementById('editor'); return e.value.slice(e.selectionStart, e.selectionEnd);") == VAGUE


def test_editing_a_sentence_updates_the_findings_with_one_request(typed, demo, seed, screenshot):
    before = len(demo.audits)
    select(typed, VAGUE)
    typed.find_element(By.ID, "editor").send_keys("The Pentagon said")
    WebDriverWait(typed, 30).until(lambda b: "vague-attribution" not in b.execute_script(RULES_JS)
                                   and b.execute_script(STATE_JS) == "done")
    screenshot("cms-panel-edited")
    assert demo.audits[before:] == [200]
    marks = typed.execute_script(MARKS_JS)
    assert [m["type"] for m in marks] == ["anonymous", "anonymous", "institutional", "named", "anonymous", "named"]
    assert marks[2]["text"] == seed["quotes"][2]["quote"]


def test_text_back_to_what_was_shown_sends_nothing(typed, demo):
    before = len(demo.audits)
    editor = typed.find_element(By.ID, "editor")
    editor.send_keys("x")
    WebDriverWait(typed, 5).until(lambda b: b.execute_script(STATE_JS) == "waiting")
    editor.send_keys(Keys.BACKSPACE)
    settled(typed)
    assert demo.audits[before:] == []


def test_text_audited_before_is_revalidated_and_answered_304(typed, demo, seed):
    before = len(demo.audits)
    select(typed, "The Pentagon said")
    typed.find_element(By.ID, "editor").send_keys(VAGUE)
    WebDriverWait(typed, 30).until(lambda b: "vague-attribution" in b.execute_script(RULES_JS)
                                   and b.execute_script(STATE_JS) == "done")
    assert demo.audits[before:] == [304]
    assert typed.find_element(By.ID, "editor").get_attribute("value") == seed["text"]


def test_an_edit_cancels_the_request_in_flight_and_its_answer_is_never_shown(typed, demo):
    slow = "SLOW. Mayor Jane Doe said, \u201cWe will build the bridge next year.\u201d"  # a third named quote
    editor = typed.find_element(By.ID, "editor")
    editor.send_keys(Keys.CONTROL, Keys.END)
    editor.send_keys(slow)
    WebDriverWait(typed, 10).until(lambda b: b.execute_script(STATE_JS) == "checking")
    select(typed, slow)
    editor.send_keys("Fast.")
    settled(typed)
    time.sleep(SLOW_SECONDS + 1)  # the slow answer has come and gone
    named = typed.find_element(By.CSS_SELECTOR, '.sc-legend__count[data-type="named"]').text
    assert (typed.execute_script(STATE_JS), named) == ("done", "2")  # not the slow report's 3


# --- a contenteditable editor: the CSS Custom Highlight API ------------------

HIGHLIGHTS_JS = """
const out = [];
for (const t of ['named', 'anonymous', 'institutional', 'unattributed']) {
  const h = CSS.highlights.get('sourcecheck-' + t);
  if (h) for (const r of h) out.push({type: t, text: r.toString(), range: r});
}
out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
return out.map(h => ({type: h.type, text: h.text}));
"""


def test_rich_editor_highlights_the_quotes_without_touching_its_markup(browser, demo, seed, screenshot):
    browser.get(f"{demo.base_url}/demo/editor?editor=rich")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script(STATE_JS) == "idle")
    html = browser.execute_script("""
      const ed = document.getElementById('editor');
      for (const para of arguments[0].split('\\n\\n').filter(p => p.trim())) {
        const p = document.createElement('p'); p.textContent = para; ed.append(p);
      }
      ed.dispatchEvent(new InputEvent('input', {bubbles: true}));
      return ed.innerHTML;""", seed["text"])
    settled(browser)
    screenshot("cms-panel-rich")
    got = browser.execute_script(HIGHLIGHTS_JS)
    assert [(h["type"], h["text"]) for h in got] == [(q["source_type"], q["quote"]) for q in seed["quotes"]]
    assert browser.execute_script("return document.getElementById('editor').innerHTML") == html
