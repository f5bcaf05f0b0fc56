"""A realistic report for the review page's tests, built by hand from the
seed article's annotation (service/examples/seed.json) through the engine's
own model and ``dump_report``, so it does not wait for the engine."""
from __future__ import annotations

from flask import Flask

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


def review_app(**config) -> Flask:
    """A minimal app: Flask plus the review pages (create_app is the API's).
    The store is an in-memory SQLite database unless ``config`` says otherwise.
    Forms carry CSRF tokens as in the service; checking them is off unless
    ``WTF_CSRF_ENABLED=True`` (the desk's tests and the browser turn it on)."""
    from flask_wtf.csrf import CSRFProtect

    from service.review import init_app

    app = Flask(__name__)
    app.config.update({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "test-only secret key",
                       "WTF_CSRF_ENABLED": False, **config})
    CSRFProtect(app)
    init_app(app)
    return app
