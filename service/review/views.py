"""The review pages: paste or upload an article, read a report, list reports.

A thin face over the engine and the store: it audits in-process with
``service.engine.audit`` and renders ``schemas.report.dump_report``'s dict.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from flask import Blueprint, Response, current_app, flash, g, redirect, render_template, request, session, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from schemas.report import dump_report
from service.engine import DeadlineExceeded, InputError, audit
from service.exports import findings_csv
from service.security import refuse_foreign_origin
from service.store import DecisionError, finding_keys, with_decisions

from . import access, reportview, story, trendsview
from .forms import (FORMAT_CHOICES, FormError, read_decision, read_list, read_submission,
                    read_trends)

STORE_KEY = "sourcecheck.store"
FORM_ALLOWANCE = 64 * 1024  # bytes for the form's other fields and its framing, beyond the article

bp = Blueprint("review", __name__, url_prefix="/review", template_folder="templates",
               static_folder="static", static_url_path="/static")


# Every page under /review: a foreign Origin is refused, then (keys set) sign-in is required.
bp.before_request(refuse_foreign_origin)
bp.before_request(access.require_editor)


def _store():
    return current_app.extensions[STORE_KEY]


@bp.app_template_global()
def type_label(source_type: str) -> str:
    return reportview.TYPE_LABELS.get(source_type, source_type)


@bp.context_processor
def _globals():
    return {"source_types": reportview.SOURCE_TYPES, "type_help": reportview.TYPE_HELP,
            "kind_labels": reportview.KIND_LABELS, "display_title": reportview.display_title,
            "signed_in": session.get("editor") if access.keys_required() else None,
            "retention_days": current_app.config.get("SOURCECHECK_RETENTION_DAYS")}


@bp.get("/sign-in")
def sign_in():
    return _sign_in_page()


@bp.post("/sign-in")
def sign_in_submit():
    if not access.keys_required():
        return redirect(url_for("review.index"), code=303)
    if not access.sign_in(request.form.get("key", "")):
        return _sign_in_page(error="That key is not valid. Check it and try again.", status=401)
    return redirect(access.safe_next(request.form.get("next")) or url_for("review.index"), code=303)


@bp.post("/sign-out")
def sign_out():
    access.sign_out()
    return redirect(url_for("review.sign_in"), code=303)


def _sign_in_page(error: str | None = None, status: int = 200):
    if not access.keys_required():
        return redirect(url_for("review.index"), code=303)
    return render_template("review/sign_in.html", error=error,
                           next=access.safe_next(request.values.get("next"))), status


@bp.get("")
def index():
    return _form_page()


@bp.get("/")
def index_slash():
    return redirect(url_for("review.index"), code=308)


def form_limits() -> None:
    """App-wide ``before_request``, first of all (the CSRF check reads the form):
    the paste form may carry an article as large as the API's body limit."""
    limit = _article_limit()
    if limit and request.method == "POST" and request.endpoint == "review.submit":
        # Room on the wire for what travels with the article: a pasted text's line
        # breaks arrive as CRLF, plus the other fields and the multipart framing.
        request.max_content_length = request.max_form_memory_size = 2 * limit + FORM_ALLOWANCE


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error):
    """A form too large to read (also when the CSRF check reads it first)."""
    return _too_large()


@bp.post("")
def submit():
    limit = _article_limit()
    try:
        sub = read_submission(request.form, request.files)
        size = len(sub.text.encode("utf-8"))
        if limit and size > limit:
            return _too_large(size)
        report = dump_report(audit(sub.text, sub.format, title=sub.title, **_engine_limits()))
    except RequestEntityTooLarge:
        return _too_large()
    except (FormError, InputError) as e:
        return _form_page(error=str(e), status=400)
    except DeadlineExceeded:
        return _form_page(error="The article took too long to check. Check it in parts, or try again "
                                "in a minute.", status=503)
    if sub.keep:
        report_id = _store().save(report, text=sub.text, format=sub.format, title=sub.title, story=sub.story)
        return redirect(url_for("review.show", report_id=report_id), code=303)
    view = reportview.build(report, sub.text, sub.title)
    return render_template("review/report.html", view=view, stored=None)


@bp.get("/<report_id>")
def show(report_id: str):
    stored = _store().get(report_id)
    if stored is None:
        return render_template("review/not_found.html", report_id=report_id), 404
    fmt = request.args.get("format", "html")
    if fmt in ("json", "csv"):
        return _export(stored, fmt)
    if fmt != "html":
        return render_template("review/error.html", status=400, heading="Unknown format",
                               detail="Ask for format=json or format=csv.", request_id=None), 400
    return _report_page(stored)


def _report_page(stored, error: str | None = None, error_at: int | None = None, status: int = 200):
    store = _store()
    decisions = store.decisions(stored)
    versions = store.versions(stored.story.story_id) if stored.story.story_id else [stored]
    earlier_versions = [v for v in versions if v.created_at < stored.created_at or (
        v.created_at == stored.created_at and versions.index(v) < versions.index(stored))]
    previous = earlier_versions[-1] if earlier_versions else None
    earlier = set(finding_keys(previous.report)) if previous else None
    view = reportview.build(stored.report, stored.text, stored.title, decisions=decisions, earlier=earlier)
    number = len(earlier_versions) + 1
    return render_template("review/report.html", view=view, stored=stored, versions=versions, number=number,
                           previous=previous, decision_error=error, error_at=error_at), status


def _export(stored, fmt: str) -> Response:
    report = with_decisions(dict(stored.report), _store().decisions(stored), stored.id)
    name = f"sourcecheck-{stored.id[:8]}-findings"
    if fmt == "csv":
        return Response(findings_csv(report), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    body = {**report, "stored_id": stored.id, "review_url": url_for("review.show", report_id=stored.id),
            "story": _story_wire(stored)}
    return Response(json.dumps(body, ensure_ascii=False, indent=2) + "\n", mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{name}.json"'})


def _story_wire(stored) -> dict:
    s = stored.story
    return {"story_id": s.story_id, "url": s.url, "desk": s.desk, "authors": list(s.authors),
            "published_at": s.published_at.isoformat() if s.published_at else None}


@bp.post("/<report_id>/findings/<int:index>/decision")
def decide(report_id: str, index: int):
    """An editor's decision on finding ``index`` of a stored report."""
    store = _store()
    stored = store.get(report_id)
    if stored is None:
        return render_template("review/not_found.html", report_id=report_id), 404
    keys = finding_keys(stored.report)
    if not 0 <= index < len(keys):
        return render_template("review/error.html", status=404, heading="Finding not found",
                               detail="This report has no such finding.", request_id=None), 404
    try:
        state, note = read_decision(request.form)
        store.decide(report_id, keys[index], state, note=note, editor=editor_name())
    except (FormError, DecisionError) as e:
        return _report_page(stored, error=str(e), error_at=index, status=400)
    return redirect(url_for("review.show", report_id=report_id) + f"#f{index}", code=303)


def editor_name() -> str:
    """Who decides: the signed-in editor (the hardening's session), else "editor"."""
    return str(session.get("editor", "editor"))


@bp.get("/stories/<path:story_id>")
def story_page(story_id: str):
    """A story's versions, and its latest version's findings against an earlier one."""
    versions = _store().versions(story_id)
    if not versions:
        return render_template("review/error.html", status=404, heading="Story not found",
                               detail=f"No report is kept for the story “{story_id}”.", request_id=None), 404
    latest = versions[-1]
    against = request.args.get("against")
    earlier = next((v for v in versions[:-1] if v.id == against), versions[-2] if len(versions) > 1 else None)
    comparison = story.compare(latest.report, earlier.report) if earlier else None
    return render_template("review/story.html", story_id=story_id, versions=versions, latest=latest,
                           earlier=earlier, comparison=comparison,
                           decisions=_store().decisions(latest))


@bp.post("/<report_id>/delete")
def delete(report_id: str):
    """Forget a kept report (its text names sources' positions): the delete button."""
    if not _store().delete(report_id):
        return render_template("review/not_found.html", report_id=report_id), 404
    flash("The report was deleted.")
    return redirect(url_for("review.reports"), code=303)


@bp.get("/reports")
def reports():
    store = _store()
    try:
        query = read_list(request.args)
    except FormError as e:
        return render_template("review/reports.html", page=None, args=request.args, error=str(e),
                               desks=store.desks(), authors=store.authors()), 400
    f = query.filters
    page = store.page(number=query.page, per_page=50, search=query.search, desk=query.desk, author=query.author,
                      min_score=f.min_score, max_score=f.max_score, has_anonymous=f.anonymous,
                      since=f.since, until=f.until)
    return render_template("review/reports.html", page=page, args=request.args, error=None,
                           desks=store.desks(), authors=store.authors(), page_url=_page_url)


def _page_url(number: int) -> str:
    args = {k: v for k, v in request.args.items() if k != "page"}
    return url_for("review.reports", **args, page=number)


@bp.get("/trends")
def trends():
    store = _store()
    try:
        query = read_trends(request.args, datetime.now(timezone.utc).date())
    except FormError as e:
        return render_template("review/trends.html", view=None, args=request.args, error=str(e),
                               desks=store.desks(), authors=store.authors()), 400
    t = store.trends(query.since, query.until, desk=query.desk, author=query.author)
    api_url = None
    if "trends.get_trends" in current_app.view_functions:  # the API is mounted beside the pages
        params = {"from": t.since.isoformat(), "to": t.until.isoformat(), "desk": t.desk, "author": t.author}
        api_url = url_for("trends.get_trends", **{k: v for k, v in params.items() if v})
    return render_template("review/trends.html", view=trendsview.build(t), args=request.args, error=None,
                           desks=store.desks(), authors=store.authors(), percent=trendsview.percent,
                           query=query, api_url=api_url)


def _article_limit() -> int | None:
    """Bytes an article may have: ``SOURCECHECK_MAX_BYTES``, the API's limit
    (None in an app built without the service's config: Flask's limits apply)."""
    return current_app.config.get("SOURCECHECK_MAX_BYTES")


def _engine_limits() -> dict:
    """The API's text limit (``SOURCECHECK_MAX_CHARS``) and engine deadline when the app has them."""
    chars = current_app.config.get("SOURCECHECK_MAX_CHARS")
    seconds = current_app.config.get("SOURCECHECK_DEADLINE")
    return {**({"max_chars": chars} if chars else {}), **({"deadline": seconds} if seconds else {})}


def _too_large(size: int | None = None):
    limit = _article_limit() or current_app.config.get("MAX_FORM_MEMORY_SIZE")
    message = "The article is too large to check" + (f" ({size:,} bytes)" if size else "") + "."
    if limit:
        message += f" The limit is {limit:,} bytes."
    return _form_page(error=message + " Check it in parts, or ask for a higher limit.", status=413)


def _form_page(error: str | None = None, status: int = 200):
    form = request.form if request.method == "POST" and status != 413 else {}
    recent = _store().recent(limit=5)
    return render_template("review/index.html", error=error, form=form, formats=FORMAT_CHOICES,
                           recent=recent, desks=_store().desks()), status


# Titles for editors; other statuses use the HTTP reason phrase.
_ERROR_HEADINGS = {404: "Page not found", 405: "This page does not take that request",
                   413: "Too large", 500: "Something went wrong"}
_ERROR_DETAILS = {404: "There is no review page at this address.",
                  500: "An unexpected error stopped this page. If it happens again, quote the request id "
                       "below when you report it."}


def error_page(problem) -> Response:
    """The HTML page for an error under ``/review`` (``service.problems``
    answers it here instead of problem+json): same status and headers."""
    detail = _ERROR_DETAILS.get(problem.status, problem.detail)
    html = render_template("review/error.html", status=problem.status, detail=detail,
                           heading=_ERROR_HEADINGS.get(problem.status, problem.title),
                           request_id=g.get("request_id"))
    return Response(html, problem.status, headers=problem.headers, mimetype="text/html")
