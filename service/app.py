"""The application factory: ``create_app(config)`` builds the Flask app.

Gunicorn runs ``service.app:create_app()`` (see ``docker/gunicorn.conf.py``);
tests call ``create_app({...})`` with their own settings.
"""
from __future__ import annotations

import http
import logging
from collections.abc import Mapping

from flask import Flask
from flask_smorest import Api
from flask_smorest.utils import prepare_response

from schemas.fields import dict_key_names
from schemas.problem import PROBLEM_MEDIA_TYPE, ProblemSchema
from service import __version__, api, auth, cors, problems, requestlog, security
from service.config import Config

log = logging.getLogger("sourcecheck.app")

WARM_UP_TEXT = "Warm-up.\n\n\u201cIt is ready,\u201d the editor said. Officials said it works."


class ProblemApi(Api):
    """flask-smorest's Api documenting every error as RFC 9457 problem+json."""

    ERROR_SCHEMA = ProblemSchema

    def __init__(self, app=None, *, config: Config | None = None, **kwargs):
        self.service_config = config or Config()
        super().__init__(app, **kwargs)

    def _init_spec(self, *args, **kwargs):
        super()._init_spec(*args, **kwargs)
        self.ma_plugin.converter.add_attribute_function(dict_key_names)
        self.ma_plugin.converter.add_attribute_function(self._configured_limits())

    def _configured_limits(self):
        """Document the limits this server is configured with: a field whose
        metadata names a ``limit`` gets it as ``maxItems`` / ``maxLength``."""
        config = self.service_config

        def configured_limits(converter, field, **kwargs) -> dict:
            limit = field.metadata.get("limit")
            if limit == "max_batch":
                return {"maxItems": config.max_batch}
            if limit == "max_chars":
                return {"maxLength": config.max_chars}
            return {}
        return configured_limits

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_MEDIA_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "a problem (RFC 9457)", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_MEDIA_TYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


def create_app(config: Config | Mapping | None = None) -> Flask:
    """Build the app. ``config``: a ``Config``; or a mapping of the
    environment's names (``SOURCECHECK_MAX_BYTES``...) plus any Flask
    settings (``TESTING``...); or None to read the process environment."""
    extra: dict = {}
    if config is None:
        config = Config.from_env()
    elif isinstance(config, Mapping):
        extra = {k: v for k, v in config.items() if k not in Config.ENV}
        config = Config.from_env({k: v for k, v in config.items() if k in Config.ENV})

    app = Flask("service")
    app.config.update(config.flask_config())
    app.config.update(
        API_TITLE="Sourcecheck",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS=_spec_options(config),
    )
    app.config.update(extra)
    app.json.sort_keys = False  # keep the schema's field order on the wire
    app.extensions["sourcecheck.config"] = config
    app.extensions[auth.EXTENSION] = auth.digests(config.api_keys)

    requestlog.init_app(app)
    csrf = security.init_app(app, config.secret_key)  # sessions, CSRF tokens, security headers
    cors.init_app(app, config.cors_origins)  # after the request id, before the API key check
    rest = ProblemApi(app, config=config)
    problems.init_app(app)  # after the Api: replaces its JSON error handler
    rest.register_blueprint(api.health)
    rest.register_blueprint(api.audits)
    rest.register_blueprint(api.trends)
    csrf.exempt(api.audits)  # the JSON API authenticates with a Bearer key, not a cookie
    csrf.exempt(api.trends)

    from service import review
    from service.store import Store

    if api.STORE not in app.extensions:
        app.extensions[api.STORE] = Store.from_config(app.config)
    if config.retention_days:
        purged = app.extensions[api.STORE].purge(config.retention_days)
        if purged:
            log.info("purged %d report(s) kept more than %d day(s)", purged, config.retention_days)
    if config.review:
        review.init_app(app)
        problems.serve_pages_under(app, review.bp.url_prefix, review.error_page)  # HTML for browsers there

    from service import cms
    cms.init_app(app, demo_page=config.demo)

    app.extensions[api.READY] = _warm_up()
    return app


def _spec_options(config: Config) -> dict:
    info = {"description": "Sourcing-transparency reports for news articles. Offsets are Python code "
                           "points into the text sent; errors are RFC 9457 application/problem+json."}
    options: dict = {"info": info}
    if config.api_keys:
        options["components"] = {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}
        options["security"] = [{"bearerAuth": []}]
    return options


def _warm_up() -> bool:
    """Audit a short text so lexicons and the sentence splitter load once,
    before gunicorn forks its workers (preload)."""
    from service.engine import audit

    try:
        audit(WARM_UP_TEXT)
    except Exception:  # readiness reports it; liveness stays up for the logs
        log.exception("engine warm-up failed")
        return False
    return True
