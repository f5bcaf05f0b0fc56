"""The CMS kit as the app serves it: the client's types match the live
OpenAPI document, the panel's colours are the review page's, the kit's files
are served (and nothing else of the package), the demo page only when asked
for, and every page of it fits a strict Content-Security-Policy."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from tests.apiclient import make_app
from tests.conftest import ROOT

KIT = ROOT / "clients" / "js"
GENERATOR = KIT / "node_modules" / ".bin" / "openapi-typescript"
REVIEW_CSS = ROOT / "service" / "review" / "static" / "review.css"
PANEL_CSS = KIT / "panel" / "panel.css"
TYPES = ("named", "anonymous", "institutional", "unattributed")


@pytest.fixture
def demo_client():
    return make_app(SOURCECHECK_DEMO="on").test_client()


def test_generated_types_match_the_live_openapi_document(tmp_path):
    if shutil.which("node") is None or not GENERATOR.exists():
        pytest.skip("openapi-typescript is not installed: run `make js-test` (npm ci in clients/js) with node")
    spec = make_app().test_client().get("/openapi.json").get_json()
    (tmp_path / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    out = tmp_path / "openapi.d.ts"
    subprocess.run([str(GENERATOR), str(tmp_path / "openapi.json"), "-o", str(out)], check=True,
                   capture_output=True, timeout=120)
    committed = (KIT / "src" / "openapi.d.ts").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, "clients/js/src/openapi.d.ts is stale: run `make js-types`"


def _declarations(css: str, selector: str) -> str:
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert match, selector
    return match.group(1)


def _var(css: str, name: str) -> str:
    return re.search(rf"--{name}:\s*([^;]+);", css).group(1).strip().lower()


@pytest.mark.parametrize("source_type", TYPES)
def test_panel_highlights_have_the_review_pages_colours_and_underline(source_type):
    review, panel = REVIEW_CSS.read_text(), PANEL_CSS.read_text()
    colour, tint = _var(review, source_type), _var(review, f"{source_type}-tint")
    assert (_var(panel, f"sc-{source_type}"), _var(panel, f"sc-{source_type}-tint")) == (colour, tint)
    style = re.search(r"border-bottom-style:\s*(\w+)", _declarations(review, f".q-{source_type} ")).group(1)
    assert f"border-bottom-style: {style}" in _declarations(panel, f".sc-q-{source_type} ")
    highlight = _declarations(panel, f"::highlight(sourcecheck-{source_type})").lower()
    assert f"background-color: {tint}" in highlight and f"underline {style} {colour}" in highlight


@pytest.mark.parametrize("path", ["/cms/src/index.js", "/cms/src/offsets.js", "/cms/panel/panel.js"])
def test_kit_modules_are_served_as_javascript(client, path):
    response = client.get(path)
    assert (response.status_code, response.mimetype) == (200, "text/javascript")


def test_panel_stylesheet_is_served(client):
    assert client.get("/cms/panel/panel.css").mimetype == "text/css"


@pytest.mark.parametrize("path", ["/cms/package.json", "/cms/test/client.test.js",
                                  "/cms/node_modules/typescript/package.json", "/cms/src/../package.json"])
def test_nothing_else_of_the_package_is_served(client, path):
    assert client.get(path).status_code == 404


def test_demo_page_is_off_by_default(client):
    assert client.get("/demo/editor").status_code == 404


def test_demo_page_embeds_the_panel(demo_client):
    response = demo_client.get("/demo/editor")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'id="editor"' in page and 'id="sourcecheck-panel"' in page
    assert "/cms/panel/panel.css" in page and "/cms/panel/panel.js" in page
    assert 'id="api-key"' not in page  # no API keys configured: nothing to ask


def test_demo_page_asks_for_the_key_when_keys_are_set():
    client = make_app(SOURCECHECK_DEMO="on", SOURCECHECK_API_KEYS="k" * 20).test_client()
    assert 'id="api-key"' in client.get("/demo/editor").get_data(as_text=True)


class _InlineFinder(HTMLParser):
    """What a strict CSP (script-src 'self'; style-src 'self') would block."""

    def __init__(self):
        super().__init__()
        self.blocked: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and "src" not in names:
            self.blocked.append("inline <script>")
        if tag == "style":
            self.blocked.append("<style> element")
        self.blocked += [f"{name}= attribute on <{tag}>" for name in names
                         if name == "style" or name.startswith("on")]
        if any(v and v.strip().lower().startswith("javascript:") for v in names.values()):
            self.blocked.append(f"javascript: URL on <{tag}>")


@pytest.mark.parametrize("query", ["", "?editor=rich"])
def test_demo_page_has_no_inline_script_or_style(demo_client, query):
    finder = _InlineFinder()
    finder.feed(demo_client.get("/demo/editor" + query).get_data(as_text=True))
    assert finder.blocked == []


def test_panel_script_writes_no_style_attributes_or_markup():
    source = (KIT / "panel" / "panel.js").read_text()
    assert not re.search(r"setAttribute\(\s*[\"']style|\.innerHTML\s*=|insertAdjacentHTML|\beval\(|new Function", source)
