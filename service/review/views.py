"""The review pages: paste or upload an article, read a report, list reports.

A thin face over the engine and the store: it audits in-process with
``service.engine.audit`` and renders ``schemas.report.dump_report``'s dict.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, g, redirect, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from schemas.report import dump_report
from service.engine import InputError, audit

from . import reportview
from .forms import FORMAT_CHOICES, FormError, read_filters, read_submission

STORE_KEY = "sourcecheck.store"
FORM_ALLOWANCE = 64 * 1024  # bytes for the form's other fields and its framing, beyond the article

bp = Blueprint("review", __name__, url_prefix="/review", template_folder="templates",
               static_folder="static", static_url_path="/static")


def _store():
    return current_app.extensions[STORE_KEY]


@bp.app_template_global()
def type_label(source_type: str) -> str:
    return reportview.TYPE_LABELS.get(source_type, source_type)


@bp.context_processor
def _globals():
    return {"source_types": reportview.SOURCE_TYPES, "type_help": reportview.TYPE_HELP,
            "kind_labels": reportview.KIND_LABELS, "display_title": reportview.display_title}


@bp.get("")
def index():
    return _form_page()


@bp.get("/")
def index_slash():
    return redirect(url_for("review.index"), code=308)


@bp.post("")
def submit():
    limit = _article_limit()
    if limit:
        # Room on the wire for what travels with the article: a pasted text's line
        # breaks arrive as CRLF, plus the other fields and the multipart framing.
        request.max_content_length = request.max_form_memory_size = 2 * limit + FORM_ALLOWANCE
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
    if sub.keep:
        report_id = _store().save(report, text=sub.text, format=sub.format, title=sub.title)
        return redirect(url_for("review.show", report_id=report_id), code=303)
    view = reportview.build(report, sub.text, sub.title)
    return render_template("review/report.html", view=view, stored=None)


@bp.get("/<report_id>")
def show(report_id: str):
    stored = _store().get(report_id)
    if stored is None:
        return render_template("review/not_found.html", report_id=report_id), 404
    view = reportview.build(stored.report, stored.text, stored.title)
    return render_template("review/report.html", view=view, stored=stored)


@bp.get("/reports")
def reports():
    try:
        filters = read_filters(request.args)
    except FormError as e:
        return render_template("review/reports.html", rows=[], filters=None, args=request.args, error=str(e)), 400
    rows = _store().recent(limit=200, min_score=filters.min_score, max_score=filters.max_score,
                           has_anonymous=filters.anonymous, since=filters.since, until=filters.until)
    return render_template("review/reports.html", rows=rows, filters=filters, args=request.args, error=None)


def _article_limit() -> int | None:
    """Bytes an article may have: ``SOURCECHECK_MAX_BYTES``, the API's limit
    (None in an app built without the service's config: Flask's limits apply)."""
    return current_app.config.get("SOURCECHECK_MAX_BYTES")


def _engine_limits() -> dict:
    """The API's text limit (``SOURCECHECK_MAX_CHARS``) when the app has one."""
    chars = current_app.config.get("SOURCECHECK_MAX_CHARS")
    return {"max_chars": chars} if chars else {}


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
                           recent=recent), status


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
