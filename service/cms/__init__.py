"""The CMS kit's face: its client and panel files under ``/cms`` (what a CMS
page includes) and, when ``SOURCECHECK_DEMO`` is on, the demo CMS page at
``/demo/editor`` that embeds the panel, the example plugin developers copy.

The files themselves live in ``clients/js/`` (the npm package); this module
only serves them. Nothing here reads or writes reports.
"""
from __future__ import annotations

import pathlib

from flask import Blueprint, Flask, current_app, render_template, request, send_from_directory

KIT = pathlib.Path(__file__).resolve().parents[2] / "clients" / "js"
SERVED = ("src", "panel")  # the package's browser files; never its tests, scripts or node_modules

kit = Blueprint("cms", __name__, url_prefix="/cms")
demo = Blueprint("demo", __name__, url_prefix="/demo", template_folder="templates",
                 static_folder="static", static_url_path="/static")


@kit.get("/<any(src, panel):folder>/<path:filename>")
def kit_file(folder: str, filename: str):
    """One of the kit's browser files (ES modules, the stylesheet, type declarations)."""
    response = send_from_directory(KIT / folder, filename, max_age=300)
    if filename.endswith(".js"):
        response.mimetype = "text/javascript"
    return response


@demo.get("/editor")
def editor():
    """A stand-in CMS edit page with the sourcing panel beside its editor: a
    textarea, or with ``?editor=rich`` a contenteditable element."""
    return render_template("cms/demo_editor.html", rich=request.args.get("editor") == "rich",
                           keys_required=bool(current_app.config["SOURCECHECK_API_KEYS"]))


def init_app(app: Flask, *, demo_page: bool) -> None:
    """Serve the kit's files; the demo page only when ``demo_page``."""
    app.register_blueprint(kit)
    if demo_page:
        app.register_blueprint(demo)
