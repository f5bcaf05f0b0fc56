"""Test support for the API tests: an app factory with test settings, a
Flask test client that checks every response against ``/openapi.json``, a
fake report store and a fake engine whose output is obvious."""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass

import jsonschema
from flask.testing import FlaskClient
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.exceptions import MethodNotAllowed, NotFound

from service.app import create_app
from service.engine.document import load
from service.engine.model import Quote, Report, Span

SPEC_URI = "urn:sourcecheck:openapi"


class ConformingClient(FlaskClient):
    """A test client asserting that each response is documented in the
    app's OpenAPI document: its status (or ``default``), its media type, and
    its body against the documented schema."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        conform(self.application, response.request.method, response.request.path, response)
        return response


def conform(app, method: str, path: str, response) -> None:
    if path == "/review" or path.startswith("/review/"):
        return  # the review pages: HTML for browsers, not in the API document
    if path.startswith(("/cms/", "/demo/")):
        return  # the CMS kit's files and demo page, not in the API document
    if method == "OPTIONS" and response.request.headers.get("Access-Control-Request-Method"):
        assert response.status_code in (200, 204) and not response.data, (path, response.status_code)
        return  # a CORS preflight, answered by flask-cors outside the API document
    spec = _spec(app)
    try:
        rule, _ = app.url_map.bind("localhost").match(path, method=method, return_rule=True)
        if rule.endpoint == "api-docs.openapi_json":  # the document itself
            assert response.mimetype == "application/json"
            return
        template = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        operation = spec["paths"].get(template, {}).get(method.lower())
    except (NotFound, MethodNotAllowed):
        operation = None
    if operation is None:  # unrouted (404, 405) and undocumented (OPTIONS): must still be a problem
        assert response.status_code >= 400, (method, path, response.status_code)
        documented = {"$ref": "#/components/responses/DEFAULT_ERROR"}
    else:
        responses = operation["responses"]
        documented = responses.get(str(response.status_code)) or responses.get("default")
        assert documented, f"{method} {path}: status {response.status_code} is not documented"
    if "$ref" in documented:
        documented = _resolve(spec, documented["$ref"])
    content = documented.get("content", {})
    if not content:  # documented without a body (304 Not Modified)
        assert not response.data, f"{method} {path} {response.status_code}: a body where none is documented"
        return
    assert response.mimetype in content, (
        f"{method} {path} {response.status_code}: {response.mimetype} not in {list(content)}")
    schema = content[response.mimetype]["schema"]
    validator = jsonschema.Draft202012Validator(
        {"$ref": SPEC_URI + "#" + schema["$ref"][1:]} if "$ref" in schema else schema,
        registry=_registry(app))
    body = response.get_json() if response.is_json else response.get_data(as_text=True)  # text/csv: a string
    validator.validate(body)


def _spec(app) -> dict:
    cached = app.extensions.get("tests.spec")
    if cached is None:
        with app.app_context():
            cached = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
        app.extensions["tests.spec"] = cached
    return cached


def _registry(app) -> Registry:
    return Registry().with_resource(SPEC_URI, Resource(contents=_spec(app), specification=DRAFT202012))


def _resolve(spec: dict, ref: str) -> dict:
    node = spec
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


TEST_DB_DIR = tempfile.TemporaryDirectory(prefix="sourcecheck-api-tests-")


def make_app(**settings):
    """An app with test settings (any ``SOURCECHECK_*`` / Flask key) and no
    report store unless a test installs one (``FakeStore``), whatever the
    review page's ``init_app`` provides."""
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": f"{TEST_DB_DIR.name}/sourcecheck.db", **settings})
    app.extensions.pop("sourcecheck.store", None)
    app.test_client_class = ConformingClient
    return app


@dataclass(frozen=True)
class Stored:
    report: dict
    text: str
    format: str
    title: str | None
    story: object = None
    id: str = ""


class FakeStore:
    """The report store's interface (``save``, ``get``, ``decisions``), in a dict."""

    def __init__(self):
        self.saved: dict[str, Stored] = {}

    def save(self, report: dict, *, text: str, format: str, title: str | None, story=None) -> str:
        stored_id = f"r{len(self.saved) + 1}"
        self.saved[stored_id] = Stored(report, text, format, title, story, stored_id)
        return stored_id

    def decisions(self, stored: Stored) -> dict:
        return {}

    def trends(self, since, until, *, desk=None, author=None):
        """The trends of a store holding nothing (the real aggregates, on an empty database)."""
        global _EMPTY_STORE
        if _EMPTY_STORE is None:
            from service.store import Store

            _EMPTY_STORE = Store("sqlite://")
        return _EMPTY_STORE.trends(since, until, desk=desk, author=author)

    def save_many(self, items) -> list[str]:
        return [self.save(report, text=text, format=format, title=title, story=story)
                for report, text, format, title, story in items]

    def get(self, stored_id: str) -> Stored | None:
        return self.saved.get(stored_id)

    def delete(self, stored_id: str) -> bool:
        return self.saved.pop(stored_id, None) is not None


_EMPTY_STORE = None


_CURLY = re.compile(r"\u201c([^\u201d]+)\u201d")


def curly_quotes_audit(text, format="text", policy=None, *, title=None, id=None, max_chars=None,
                       deadline=None) -> Report:
    """A stand-in engine: every “…” in the plain text is one direct quote.
    It lets API tests assert exact offsets whatever the real engine finds."""
    doc = load(text, format, max_chars=max_chars)
    quotes = tuple(Quote(id=f"q{i + 1}", kind="direct", span=Span(m.start(1), m.end(1)), text=m.group(1),
                         paragraph=doc.paragraph_at(m.start(1)))
                   for i, m in enumerate(_CURLY.finditer(doc.text)))
    return Report(document=doc, quotes=quotes, title=title, id=id)
