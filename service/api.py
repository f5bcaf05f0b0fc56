"""The REST face: ``/v1/audits`` (one article, a batch, a stored report) and
the health probes. Views only translate between HTTP and ``audit()``; the
schemas in ``schemas/`` are the contract and the source of ``/openapi.json``.
"""
from __future__ import annotations

import hashlib
import json
import time
from http import HTTPStatus

from flask import Response, current_app, g, request
from flask_smorest import Blueprint as _Blueprint

from schemas.audit import (AuditRequestSchema, AuditResponseSchema, BatchRequestSchema,
                           BatchResponseSchema, HealthSchema)
from schemas.report import dump_report
from schemas.trends import TrendsQuerySchema, TrendsSchema, dump_trends
from service import __version__, auth
from service.body import JSONBodyParser
from service.engine import DeadlineExceeded, InputError, audit
from service.problems import Problem, deadline_problem, input_problem

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

_BODY_ERRORS = (400, 401, 413, 415, 500, 501, 503)

# Request schemas built once: given a class, webargs would build a schema (and
# its nested policy schema) for every request. Loading keeps no state on them.
AUDIT_REQUEST = AuditRequestSchema()
BATCH_REQUEST = BatchRequestSchema()
TRENDS_QUERY = TrendsQuerySchema()


# A stored report's id leads to reading and deleting it (OpenAPI links; clients and fuzzers follow them).
_STORED_LINKS = {"links": {
    "GetStoredAudit": {"operationId": "getAudit", "parameters": {"audit_id": "$response.body#/stored_id"},
                       "description": "the stored report (present when the request asked to store it)"},
    "DeleteStoredAudit": {"operationId": "deleteAudit", "parameters": {"audit_id": "$response.body#/stored_id"},
                          "description": "forget the stored report"},
}}


_ETAG_HEADER = {"description": "names this request's report: send it back in `If-None-Match` with "
                               "the same article to get 304 without a new audit (not when storing)",
                "schema": {"type": "string"}}
_IF_NONE_MATCH = {"in": "header", "name": "If-None-Match", "required": False, "schema": {"type": "string"},
                  "description": "the `ETag` of a report the client holds for this same request; "
                                 "answered with 304 Not Modified when it still matches"}


@audits.route("/audits", methods=["POST"])
@audits.arguments(AUDIT_REQUEST, description="the article and how to read it")
@audits.response(200, AuditResponseSchema, description="the sourcing-transparency report",
                 headers={"ETag": _ETAG_HEADER})
@audits.alt_response(304, description="the report named by `If-None-Match` still stands (no body)",
                     headers={"ETag": _ETAG_HEADER})
@audits.errors(*_BODY_ERRORS)
@audits.doc(operationId="createAudit", parameters=[_IF_NONE_MATCH], responses={200: _STORED_LINKS})
def create_audit(article: dict):
    """Audit one article.

    Offsets in the report are into the `text` sent, in Python code points
    (`unit`); each spanned object also carries its exact `text`. An audit
    that is not stored is safe and repeatable, so its report has an `ETag`
    and an `If-None-Match` naming it is answered 304 before any work.
    """
    _require_store_if(article["store"])
    if article["store"]:
        return _store_if_asked(article, _audit(article, at=()))
    etag = audit_etag(article, g.get("json_body", {}).get("policy"))
    if _matches(etag):
        return Response(status=304, headers={"ETag": etag})
    return wire_json(_audit(article, at=()), headers={"ETag": etag})


@audits.route("/audits:batch", methods=["POST"])
@audits.arguments(BATCH_REQUEST, description="the articles, in order")
@audits.response(200, BatchResponseSchema, description="one report per article, in request order")
@audits.errors(*_BODY_ERRORS)
@audits.doc(operationId="createAudits")
def create_audits(batch: dict):
    """Audit several articles at once: all succeed, or the request fails
    with a problem pointing at the first article that could not be audited."""
    articles = batch["articles"]
    limit = current_app.config["SOURCECHECK_MAX_BATCH"]
    if len(articles) > limit:
        raise Problem(422, "invalid-body", f"at most {limit} articles per batch, got {len(articles)}",
                      errors=[{"pointer": "/articles", "detail": f"at most {limit} articles"}])
    budget = current_app.config.get("SOURCECHECK_MAX_BATCH_CHARS")
    total = sum(len(a["text"]) for a in articles)
    if budget and total > budget:
        raise Problem(422, "invalid-body", f"the articles hold {total:,} characters together; a batch may "
                      f"hold at most {budget:,}: send fewer or shorter articles",
                      errors=[{"pointer": "/articles", "detail": f"at most {budget:,} characters in all"}])
    _require_store_if(any(a["store"] for a in articles))
    # one deadline for the whole batch: the request, not each article, must finish in time
    deadline = _Clock(current_app.config.get("SOURCECHECK_DEADLINE"))
    reports = [_audit(a, at=("articles", i), seconds=deadline.left()) for i, a in enumerate(articles)]
    # stored only once every article is audited, in one transaction: all or nothing
    keep = [(i, a, r) for i, (a, r) in enumerate(zip(articles, reports)) if a["store"]]
    if not keep:
        return wire_json({"reports": reports})
    store = current_app.extensions[STORE]
    ids = store.save_many([(r, a["text"], a["format"], a["title"], _story(a)) for _, a, r in keep])
    for (i, _, r), stored_id in zip(keep, ids):
        reports[i] = _stored(_decided(store, store.get(stored_id)), str(stored_id))
    return {"reports": reports}


@audits.route("/audits/<string:audit_id>", methods=["GET"])
@audits.response(200, AuditResponseSchema, description="a stored report")
@audits.errors(401, 404, 500, 501)
@audits.doc(operationId="getAudit")
def get_audit(audit_id: str):
    """A report stored with `"store": true`."""
    store = _require_store_if(True)
    stored = store.get(audit_id)
    if stored is None:
        raise Problem(404, None, f"no stored audit {audit_id!r}")
    return _stored(_decided(store, stored), audit_id)


@trends.route("/trends", methods=["GET"])
@trends.arguments(TRENDS_QUERY, location="query", as_kwargs=True)
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


@audits.route("/audits/<string:audit_id>", methods=["DELETE"])
@audits.response(204, description="the report is deleted")
@audits.errors(401, 404, 500, 501)
@audits.doc(operationId="deleteAudit")
def delete_audit(audit_id: str):
    """Delete a stored report and the text it was made from."""
    store = _require_store_if(True)
    if not store.delete(audit_id):
        raise Problem(404, None, f"no stored audit {audit_id!r}")
    return None


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

def wire_json(body: dict, status: int = 200, headers: dict | None = None) -> Response:
    """The one prebuilt response path for reports fresh from ``dump_report``:
    written straight to JSON, as the ``@response`` schema documents them
    (``dump_report`` already builds the schema's shape, in its field order: a
    schema dump would rebuild the same dict; tests/test_api_wire.py checks both
    agree on real reports, and every test response is validated against
    ``/openapi.json``). Stored reports, read back from the store, still go
    through the schema."""
    response = current_app.json.response(body)
    response.status_code = status
    if headers:
        response.headers.update(headers)
    return response


def audit_etag(article: dict, policy: object) -> str:
    """A strong ETag for the report of ``article``: a digest of what decides
    it (text, format, title, id, the policy as sent) and the service version,
    so a new release never answers 304 for an old report."""
    decides = {"text": article["text"], "format": article["format"], "title": article["title"],
               "id": article["id"], "policy": policy}
    canonical = json.dumps(decides, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(f"{__version__}\n{canonical}".encode("utf-8", "surrogatepass")).hexdigest()
    return f'"{digest[:32]}"'


def _matches(etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag`` (weak comparison, as RFC 9110
    says; a proxy that compresses may weaken it). ``*`` never matches: a POST
    has no current representation to stand for."""
    sent = request.if_none_match
    return not sent.star_tag and sent.contains_weak(etag.strip('"'))


class _Clock:
    """Seconds left of a request's engine deadline (None: no deadline)."""

    def __init__(self, seconds: float | None):
        self.at = None if seconds is None else time.monotonic() + seconds

    def left(self) -> float | None:
        return None if self.at is None else max(0.0, self.at - time.monotonic())


def _audit(article: dict, at: tuple, seconds: float | None = None) -> dict:
    """The report of one loaded article (its ``policy`` is already a ``Policy``
    or None: ``schemas.audit.PolicyField``), within ``seconds`` (default: the
    configured deadline); 503 with ``Retry-After`` past it."""
    if seconds is None:
        seconds = current_app.config.get("SOURCECHECK_DEADLINE")
    try:
        report = audit(article["text"], article["format"], article["policy"], title=article["title"],
                       id=article["id"], max_chars=current_app.config["SOURCECHECK_MAX_CHARS"],
                       deadline=seconds)
    except InputError as e:
        raise input_problem(e, at) from None
    except DeadlineExceeded as e:
        raise deadline_problem(e, at) from None
    return dump_report(report)


def _store_if_asked(article: dict, report: dict) -> dict:
    if not article["store"]:
        return report
    store = current_app.extensions[STORE]
    stored_id = store.save(report, text=article["text"], format=article["format"], title=article["title"],
                           story=_story(article))
    return _stored(_decided(store, store.get(stored_id)), str(stored_id))


def _story(article: dict):
    """The story metadata of a request, as the store keeps it."""
    from service.store import StoryMeta

    return StoryMeta(story_id=article["story_id"], url=article["url"], desk=article["desk"],
                     authors=tuple(article["authors"]), published_at=article["published_at"])


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
