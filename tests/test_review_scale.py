"""The report page renders in linear time: a stored report of 20,000 quotes
(each quote looked up by id, never by scanning) costs ten times the CPU of
one of 2,000 (``bench/review_page.py`` holds the 2 s budget at 20,000),
and a 400,000-character article opens at all. The article highlights every
quote; the lists beside it show the first ``LIST_LIMIT`` and say how many more."""
from __future__ import annotations

import gc
import time

import pytest

from service.review import reportview
from tests.review_fixtures import review_app

PARA = "“Hi there,” she said. Then a plain sentence follows here.\n\n"


def big_report(n: int) -> tuple[dict, str]:
    text = PARA * n
    quotes = [{"id": f"q{i + 1}", "kind": "direct", "start": i * len(PARA) + 1, "end": i * len(PARA) + 10,
               "text": "Hi there,", "source_type": "named" if i % 2 else "unattributed",
               "source_id": "s1" if i % 2 else None, "speaker": None, "cue": None, "fragments": [], "paragraph": i}
              for i in range(n)]
    sources = [{"id": "s1", "name": "Ann Lee", "type": "named",
                "quote_ids": [q["id"] for q in quotes if q["source_id"]]}]
    findings = [{"rule": "unattributed-quote", "severity": "error", "message": "No source.", "quote_id": q["id"],
                 "span": None} for q in quotes[::2]]
    return {"quotes": quotes, "sources": sources, "findings": findings, "stats": {}}, text


@pytest.fixture(scope="module")
def stored_big():
    app = review_app()
    report, text = big_report(20_000)
    return app, app.extensions["sourcecheck.store"].save(report, text=text, format="text")


def _page_cpu(app, stored) -> float:
    """The best of three CPU times to build and render ``stored``'s page. The
    cyclic garbage collector is paused while timing: its passes grow with
    everything the test process holds, not with the page."""
    from flask import render_template

    best = float("inf")
    with app.test_request_context(f"/review/{stored.id}"):
        for _ in range(3):
            gc.collect()
            gc.disable()
            try:
                t0 = time.process_time()
                view = reportview.build(stored.report, stored.text, stored.title)
                html = render_template("review/report.html", view=view, stored=stored)
                best = min(best, time.process_time() - t0)
            finally:
                gc.enable()
    assert html.count('<mark class="q ') == len(stored.report["quotes"])
    return best


def test_the_page_of_a_report_grows_linearly_with_its_quotes(stored_big):
    """Ten times the quotes costs about ten times the CPU (a quadratic step
    would cost a hundred): measured side by side, so a shared machine's
    speed cancels out. The absolute budget, 2 s for 20,000 quotes, is
    ``bench/review_page.py``'s."""
    app, report_id = stored_big
    store = app.extensions["sourcecheck.store"]
    report, text = big_report(2_000)
    small = _page_cpu(app, store.get(store.save(report, text=text, format="text")))
    big = _page_cpu(app, store.get(report_id))
    assert big / small < 25, f"2,000 quotes: {small:.3f} s, 20,000 quotes: {big:.3f} s of CPU"


def test_every_quote_is_highlighted_and_the_lists_say_how_many_more(stored_big):
    app, report_id = stored_big
    html = app.test_client().get(f"/review/{report_id}").get_data(as_text=True)
    assert html.count('<mark class="q ') == 20_000
    assert html.count('class="card qcard ') == reportview.LIST_LIMIT
    assert f"Details of the first {reportview.LIST_LIMIT} of 20000 quotes" in html
    assert f"And {10_000 - reportview.LIST_LIMIT} more findings" in html


def test_unattributed_quotes_are_found_by_id_not_by_scanning_sources():
    report, text = big_report(2_000)
    view = reportview.build(report, text)
    assert [q.id for q in view.unattributed] == [f"q{i + 1}" for i in range(0, 2_000, 2)]


def test_a_400000_character_article_opens(tmp_path):
    app = review_app()
    text = ("A plain sentence of the article, with no quotation in it at all. " * 6200)[:400_000]
    report_id = app.extensions["sourcecheck.store"].save({"quotes": [], "sources": [], "findings": []},
                                                         text=text, format="text")
    resp = app.test_client().get(f"/review/{report_id}")
    assert resp.status_code == 200 and text[:200] in resp.get_data(as_text=True)
