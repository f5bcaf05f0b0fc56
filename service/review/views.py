"""The review pages: paste or upload an article, read a report, list reports.

A thin face over the engine and the store: it audits in-process with
``service.engine.audit`` and renders ``schemas.report.dump_report``'s dict.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, g, redirect, render_template, request, session, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from schemas.report import dump_report
from service.engine import DeadlineExceeded, InputError, audit

from service.security import refuse_foreign_origin

from . import access, reportview
from .forms import FORMAT_CHOICES, FormError, read_filters, read_submission

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


@bp.post("/<report_id>/delete")
def delete(report_id: str):
    """Forget a kept report (its text names sources' positions): the delete button."""
    if not _store().delete(report_id):
        return render_template("review/not_found.html", report_id=report_id), 404
    flash("The report was deleted.")
    return redirect(url_for("review.reports"), code=303)


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
