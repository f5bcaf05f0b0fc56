"""The REST face: ``/v1/audits`` (one article, a batch, a stored report) and
the health probes. Views only translate between HTTP and ``audit()``; the
schemas in ``schemas/`` are the contract and the source of ``/openapi.json``.
"""
from __future__ import annotations

from http import HTTPStatus

from flask import Response, current_app, request
from flask_smorest import Blueprint as _Blueprint

from schemas.audit import (AuditRequestSchema, AuditResponseSchema, BatchRequestSchema,
                           BatchResponseSchema, HealthSchema)
from schemas.report import dump_report
from schemas.trends import TrendsQuerySchema, TrendsSchema, dump_trends
from service import __version__, auth
from service.body import JSONBodyParser
from service.engine import InputError, audit
from service.problems import Problem, input_problem

STORE = "sourcecheck.store"  # app.extensions key of the report store (the review page provides it)
READY = "sourcecheck.ready"


class Blueprint(_Blueprint):
    """flask-smorest's Blueprint, reading JSON bodies strictly (``service.body``)."""

    ARGUMENTS_PARSER = JSONBodyParser()

    def errors(self, *statuses: int):
        """Document problem responses (registered by ``service.app.ProblemApi``)."""
        def decorator(func):
            for status in reversed(statuses):
                func = self.alt_response(status, response=HTTPStatus(status).name)(func)
            return func
        return decorator


audits = Blueprint("audits", __name__, url_prefix="/v1",
                   description="Audit articles for sourcing transparency")
health = Blueprint("health", __name__, description="Liveness and readiness probes")

trends = Blueprint("trends", __name__, url_prefix="/v1",
                   description="The newsroom's sourcing over time (the standards desk)")

audits.before_request(auth.require_api_key)
trends.before_request(auth.require_api_key)

_BODY_ERRORS = (400, 401, 413, 415, 500, 501)


@audits.route("/audits", methods=["POST"])
@audits.arguments(AuditRequestSchema, description="the article and how to read it")
@audits.response(200, AuditResponseSchema, description="the sourcing-transparency report")
@audits.errors(*_BODY_ERRORS)
def create_audit(article: dict):
    """Audit one article.

    Offsets in the report are into the `text` sent, in Python code points
    (`unit`); each spanned object also carries its exact `text`.
    """
    _require_store_if(article["store"])
    return _store_if_asked(article, _audit(article, at=()))


@audits.route("/audits:batch", methods=["POST"])
@audits.arguments(BatchRequestSchema, description="the articles, in order")
@audits.response(200, BatchResponseSchema, description="one report per article, in request order")
@audits.errors(*_BODY_ERRORS)
def create_audits(batch: dict):
    """Audit several articles at once: all succeed, or the request fails
    with a problem pointing at the first article that could not be audited."""
    articles = batch["articles"]
    limit = current_app.config["SOURCECHECK_MAX_BATCH"]
    if len(articles) > limit:
        raise Problem(422, "invalid-body", f"at most {limit} articles per batch, got {len(articles)}",
                      errors=[{"pointer": "/articles", "detail": f"at most {limit} articles"}])
    _require_store_if(any(a["store"] for a in articles))
    reports = [_audit(a, at=("articles", i)) for i, a in enumerate(articles)]
    # stored only once every article is audited: a failing batch leaves nothing behind
    return {"reports": [_store_if_asked(a, r) for a, r in zip(articles, reports)]}


@audits.route("/audits/<string:audit_id>", methods=["GET"])
@audits.response(200, AuditResponseSchema, description="a stored report")
@audits.errors(401, 404, 500, 501)
def get_audit(audit_id: str):
    """A report stored with `"store": true`."""
    store = _require_store_if(True)
    stored = store.get(audit_id)
    if stored is None:
        raise Problem(404, None, f"no stored audit {audit_id!r}")
    return _stored(_decided(store, stored), audit_id)


@trends.route("/trends", methods=["GET"])
@trends.arguments(TrendsQuerySchema, location="query", as_kwargs=True)
@trends.response(200, TrendsSchema, description="week by week, desk by desk; `?format=csv` for one table as CSV")
@trends.doc(responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
@trends.errors(401, 422, 500, 501)
def get_trends(since, until, desk, author, format, table):
    """Sourcing trends of the stored stories (the latest version of each):
    stories, quotes by source type, anonymous shares, single-source stories,
    findings by rule, desks side by side, the commonest unnamed-source phrases."""
    store = _require_store_if(True)
    data = dump_trends(store.trends(since, until, desk=desk, author=author))
    if format == "csv" or request.accept_mimetypes.best_match(["application/json", "text/csv"]) == "text/csv":
        from service.exports import trends_csv

        name = f"trends-{data['from']}-{data['to']}-{table}.csv"
        return Response(trends_csv(data, table), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    return data


@health.route("/healthz", methods=["GET"])
@health.response(200, HealthSchema, description="the process is up")
@health.doc(security=[])
def healthz():
    """Liveness: the process answers."""
    return {"status": "ok", "version": __version__}


@health.route("/readyz", methods=["GET"])
@health.response(200, HealthSchema, description="ready to audit")
@health.errors(503)
@health.doc(security=[])
def readyz():
    """Readiness: the engine has loaded its lexicons and audited a warm-up text."""
    checks = {"engine": "ok" if current_app.extensions.get(READY) else "not ready"}
    if current_app.extensions.get(STORE) is not None:
        checks["store"] = "ok"
    if any(v != "ok" for v in checks.values()):
        raise Problem(503, None, "not ready: " + ", ".join(f"{k} {v}" for k, v in checks.items() if v != "ok"))
    return {"status": "ready", "version": __version__, "checks": checks}


# --- helpers ------------------------------------------------------------------

def _audit(article: dict, at: tuple) -> dict:
    """The report of one loaded article (its ``policy`` is already a ``Policy``
    or None: ``schemas.audit.PolicyField``)."""
    try:
        report = audit(article["text"], article["format"], article["policy"], title=article["title"],
                       id=article["id"], max_chars=current_app.config["SOURCECHECK_MAX_CHARS"])
    except InputError as e:
        raise input_problem(e, at) from None
    return dump_report(report)


def _store_if_asked(article: dict, report: dict) -> dict:
    if not article["store"]:
        return report
    from service.store import StoryMeta

    store = current_app.extensions[STORE]
    story = StoryMeta(story_id=article["story_id"], url=article["url"], desk=article["desk"],
                      authors=tuple(article["authors"]), published_at=article["published_at"])
    stored_id = store.save(report, text=article["text"], format=article["format"], title=article["title"],
                           story=story)
    return _stored(_decided(store, store.get(stored_id)), str(stored_id))


def _decided(store, stored) -> dict:
    """A stored report with the decision in force on each finding (carried over from earlier versions)."""
    from service.store.decisions import with_decisions

    return with_decisions(dict(stored.report), store.decisions(stored), stored.id)


def _stored(report: dict, stored_id: str) -> dict:
    return {**report, "stored_id": stored_id, "review_url": f"/review/{stored_id}"}


def _require_store_if(needed: bool):
    store = current_app.extensions.get(STORE)
    if needed and store is None:
        raise Problem(501, "storage-unavailable", "this server keeps no reports; send the request without \"store\"")
    return store


__all__ = ["audits", "trends", "health", "STORE", "READY"]
