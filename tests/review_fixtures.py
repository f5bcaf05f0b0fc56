"""A realistic report for the review page's tests, built by hand from the
seed article's annotation (service/examples/seed.json) through the engine's
own model and ``dump_report``, so it does not wait for the engine."""
from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from schemas.report import dump_report
from service.engine.document import load
from service.engine.model import Cue, Deduction, Finding, Mention, Quote, Report, Score, Source, Span, Summary


def seed_report(seed: dict) -> dict:
    """The seed article's report in wire form (6 quotes, 5 sources, 3 findings, score 71)."""
    return dump_report(seed_report_model(seed))


def seed_report_model(seed: dict) -> Report:
    """The seed article's report as the engine's ``Report``, from its annotation."""
    text = seed["text"]
    doc = load(text, "text")
    quotes, sources = [], []
    for i, a in enumerate(seed["quotes"], start=1):
        qid, sid = f"q{i}", None
        speaker = None
        if a.get("speaker"):
            speaker = Mention(Span(a["speaker_start"], a["speaker_end"]), a["speaker"])
            sid = next((s.id for s in sources if s.name == a.get("speaker_name", a["speaker"])), None)
            if sid is None:
                sid = f"s{len(sources) + 1}"
                descriptor = None
                if a.get("speaker_title"):
                    at = text.find(a["speaker_title"])
                    descriptor = Mention(Span(at, at + len(a["speaker_title"])), a["speaker_title"])
                reason = None
                if a.get("anonymity_reason"):
                    at = text.find(a["anonymity_reason"])
                    reason = Mention(Span(at, at + len(a["anonymity_reason"])), a["anonymity_reason"])
                sources.append(Source(sid, a.get("speaker_name", a["speaker"]), a["source_type"],
                                      descriptor=descriptor, mentions=(speaker,), anonymity_reason=reason,
                                      quote_ids=(qid,)))
        cue_at = text.find(a["cue"], (a["speaker_start"] or a["start"] - 60) - 20)
        cue = Cue(Span(cue_at, cue_at + len(a["cue"])), a["cue"], a["cue"].lower(),
                  loaded=a["cue"] == "There are also claims", neutral=None)
        quotes.append(Quote(qid, a["kind"], Span(a["start"], a["end"]), a["quote"], cue=cue, speaker=speaker,
                            source_id=sid))
    findings = (
        Finding("anonymous-source", "warning", "Quote rests on an anonymous source.",
                span=quotes[1].span, quote_id="q2", source_id="s2"),
        Finding("unattributed-claim", "error", "Claim with no source at all.",
                span=quotes[2].span, quote_id="q3", suggestion="Say who makes the claim."),
        Finding("anonymous-plural", "info", "Unnamed group of officials speaks for the story.",
                span=Span(1567, 1592), source_id="s4"),
    )
    summary = Summary(quotes=6, quotes_by_type={"named": 2, "anonymous": 3, "institutional": 0, "unattributed": 1})
    score = Score(71, "C", (Deduction("anonymous-source", 18.0, 3, "quotes from anonymous sources"),
                            Deduction("unattributed-claim", 11.0, 1, "claims with no source")))
    return Report(doc, tuple(quotes), tuple(sources), findings, summary, score=score, title=seed["title"],
                  id=seed["id"])


_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token_of(client: FlaskClient, path: str = "/review") -> str:
    """The CSRF token a page's forms carry, as a browser that loaded it has it."""
    html = FlaskClient.open(client, path, follow_redirects=True).get_data(as_text=True)
    return _TOKEN.search(html).group(1)


class EditorClient(FlaskClient):
    """A test client posting the review pages' forms as a browser does: with
    the CSRF token of a page it loaded first (unless the test sends its own)."""

    def open(self, *args, **kwargs):
        path = args[0] if args and isinstance(args[0], str) else kwargs.get("path", "/")
        method = kwargs.get("method", "GET").upper()
        data = kwargs.get("data")
        if method == "POST" and path.startswith("/review") and (data is None or isinstance(data, dict)) \
                and "csrf_token" not in (data or {}):
            kwargs["data"] = {**(data or {}), "csrf_token": csrf_token_of(self)}
        return super().open(*args, **kwargs)


def review_app(**config) -> Flask:
    """A minimal app: Flask plus the review pages (create_app is the API's).
    The store is an in-memory SQLite database unless ``config`` says otherwise."""
    from service.review import init_app

    app = Flask(__name__)
    app.config.update({"TESTING": True, "DATABASE_URL": "sqlite://", **config})
    init_app(app)
    app.test_client_class = EditorClient
    return app
