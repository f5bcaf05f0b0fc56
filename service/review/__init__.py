"""The standards editors' review page (``/review``): an article with every
quotation highlighted by source type, the sources, findings and score, and a
list of recent reports. Templates, CSS, JS and SVG ship in this package.
"""
from __future__ import annotations

from service.store import Store

from .views import STORE_KEY, bp, error_page, form_limits

__all__ = ["init_app", "error_page", "STORE_KEY"]


def init_app(app) -> None:
    """Register the review pages and attach the report store.

    The store comes from ``app.config``: ``DATABASE_URL``, else SQLite at
    ``SOURCECHECK_DB_PATH`` (default ``var/sourcecheck.db``); it migrates to
    the newest schema on open unless ``SOURCECHECK_DB_MIGRATE`` is false.
    An app that already attached a store keeps it. When API keys are set
    (``SOURCECHECK_API_KEYS``), every page asks an editor to sign in first.
    """
    from service import security

    security.init_app(app)  # sessions, CSRF and headers (create_app has done it already)
    if STORE_KEY not in app.extensions:
        app.extensions[STORE_KEY] = Store.from_config(app.config)
    app.register_blueprint(bp)
    app.before_request_funcs.setdefault(None, []).insert(0, form_limits)  # before the CSRF check reads the form
