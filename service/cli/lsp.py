"""``sourcecheck lsp``: a Language Server Protocol server over stdio (pygls),
so an editor shows a draft's findings as the writer types.

Markdown, HTML and plain-text documents (by language id, else by file
extension) are audited on open, on every change and on save, with the
configuration found from the document's folder (as ``check`` finds it).
Each finding becomes a diagnostic: the rule id as its code, the severity
(error, warning, information), a link to the rule's section of the
documentation, and ``sourcecheck`` as its source. Suppression comments
apply; an unknown rule id in one is an error diagnostic at its place, with
the closest id. Quick fixes: replace the flagged words with the rule's
suggestion where the suggestion is a rewrite (the neutral verb for a loaded
one), and, for every finding, a comment that disables the rule on its line.

Positions are sent in the encoding the client and server agree on (UTF-16
unless the client offers another); the engine's offsets are code points.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from service import __version__, engine

from . import checking, config as config_mod, drafts, suppression

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
# Rules whose suggestion is the text to put in place of the flagged words
# (others suggest what to do: "Say why the source was granted anonymity").
REWRITING_RULES = frozenset({"loaded-verb"})
DOCS = Path(__file__).resolve().parents[2] / "docs" / "report.md"
SOURCE = "sourcecheck"


@dataclass
class Checked:
    """The last diagnostics sent for a document, with what quick fixes need."""

    version: int | None
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    rewrites: dict[int, str] = field(default_factory=dict)  # id(diagnostic) -> replacement text


class SourcecheckServer(LanguageServer):
    """The language server, with the documentation link it gives each rule."""

    def __init__(self, docs_url: str | None = None):
        super().__init__(SOURCE, __version__)
        self.docs_url = docs_url if docs_url is not None else (DOCS.as_uri() if DOCS.is_file() else "")
        self.checked: dict[str, Checked] = {}
        self._policies: dict[str, tuple[object, str | None]] = {}

    def rule_docs(self, rule: str) -> str | None:
        """The rule's section of docs/report.md (headings read "`id` (severity)")."""
        known = engine.RULES.get(rule)
        if not self.docs_url or known is None:
            return None
        return f"{self.docs_url}#{rule}-{known.severity}"

    def policy_for(self, folder: str):
        """``(policy, error message)`` from the configuration found from
        ``folder`` (cached per folder; a broken one gives its message)."""
        if folder not in self._policies:
            try:
                cfg = config_mod.load(start=folder)
                self._policies[folder] = (config_mod.build_policy(cfg), None)
            except (config_mod.ConfigError, engine.PolicyError) as e:
                details = "".join(f"; {k}: {v}" for k, v in getattr(e, "errors", {}).items())
                self._policies[folder] = (None, f"sourcecheck configuration: {e}{details}")
        return self._policies[folder]


def draft_format(uri: str, language_id: str | None) -> str | None:
    """The engine format for a document, None for one that is not a draft."""
    if language_id in LANGUAGES:
        return LANGUAGES[language_id]
    path = urlparse(uri).path
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    return drafts.format_for(path) if ext in drafts.DEFAULT_EXTENSIONS else None


def folder_of(uri: str) -> str:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return os.path.dirname(unquote(parsed.path)) or "."
    return os.getcwd()


def _position(source: str, lines: list[str], offset: int, codec) -> types.Position:
    line = source.count("\n", 0, offset)
    column = offset - (source.rfind("\n", 0, offset) + 1)
    return codec.position_to_client_units(lines, types.Position(line=line, character=column))


def _range(source: str, lines: list[str], start: int, end: int, codec) -> types.Range:
    return types.Range(start=_position(source, lines, start, codec), end=_position(source, lines, end, codec))


def diagnose(server: SourcecheckServer, uri: str, source: str, fmt: str, codec) -> Checked:
    """Audit one document's text; its diagnostics and quick-fix rewrites."""
    out = Checked(None)
    lines = source.split("\n")
    policy, problem = server.policy_for(folder_of(uri))
    if problem:
        out.diagnostics.append(types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=problem, severity=types.DiagnosticSeverity.Error, source=SOURCE))
        return out
    try:
        report = engine.audit(source, fmt, policy)
    except engine.InputError as e:
        out.diagnostics.append(types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=f"cannot check this draft: {e}", severity=types.DiagnosticSeverity.Error, source=SOURCE))
        return out
    for typo in suppression.unknown_rules(source, checking.known_rule_ids(report)):
        hint = f"; did you mean {typo.suggestion!r}?" if typo.suggestion else ""
        out.diagnostics.append(types.Diagnostic(
            range=_range(source, lines, typo.offset, typo.offset + len(typo.rule), codec),
            message=f"unknown rule id {typo.rule!r} in a suppression comment{hint}",
            severity=types.DiagnosticSeverity.Error, source=SOURCE, code="unknown-rule"))
    for located in checking.place(uri, report, check_rules=False):
        if located.suppressed:
            continue
        f, loc = located.finding, located.location
        span = (loc.start, loc.end) if loc is not None else (0, 0)
        href = server.rule_docs(f.rule)
        message = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
        diagnostic = types.Diagnostic(
            range=_range(source, lines, *span, codec), message=message, severity=SEVERITY[f.severity],
            code=f.rule, source=SOURCE,
            code_description=types.CodeDescription(href=href) if href else None,
            data={"rule": f.rule, "suggestion": f.suggestion})
        out.diagnostics.append(diagnostic)
        if f.rule in REWRITING_RULES and f.suggestion and loc is not None:
            out.rewrites[id(diagnostic)] = _same_case(located.snippet, f.suggestion)
    return out


def _same_case(original: str, replacement: str) -> str:
    """"Claimed" -> "Said": a rewrite keeps the capital of the words it replaces."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _overlaps(a: types.Range, b: types.Range) -> bool:
    key = lambda p: (p.line, p.character)  # noqa: E731
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def code_actions(server: SourcecheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Quick fixes for the findings in the requested range."""
    uri = params.text_document.uri
    checked = server.checked.get(uri)
    if checked is None:
        return []
    document = server.workspace.get_text_document(uri)
    lines = document.source.split("\n")
    actions = []
    for diagnostic in checked.diagnostics:
        if diagnostic.code in (None, "unknown-rule") or not _overlaps(diagnostic.range, params.range):
            continue
        rewrite = checked.rewrites.get(id(diagnostic))
        if rewrite is not None:
            actions.append(types.CodeAction(
                title=f"Replace with \"{rewrite}\" ({diagnostic.code})", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic], is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diagnostic.range, new_text=rewrite)]})))
        line = diagnostic.range.start.line
        end = types.Position(line=line, character=document.position_codec.client_num_units(
            lines[line].rstrip("\r")) if line < len(lines) else 0)
        actions.append(types.CodeAction(
            title=f"Disable {diagnostic.code} on this line", kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                range=types.Range(start=end, end=end),
                new_text=f" <!-- sourcecheck-disable-line {diagnostic.code} -->")]})))
    return actions


def make_server(docs_url: str | None = None) -> SourcecheckServer:
    server = SourcecheckServer(docs_url)

    def publish(ls: SourcecheckServer, uri: str) -> None:
        document = ls.workspace.get_text_document(uri)
        fmt = draft_format(uri, document.language_id)
        if fmt is None:
            ls.checked.pop(uri, None)
            return
        checked = diagnose(ls, uri, document.source, fmt, document.position_codec)
        checked.version = document.version
        ls.checked[uri] = checked
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=checked.diagnostics))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SourcecheckServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SourcecheckServer, params: types.DidChangeTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SourcecheckServer, params: types.DidSaveTextDocumentParams) -> None:
        ls._policies.clear()  # a saved config file may have changed
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SourcecheckServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.checked.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: SourcecheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params)

    return server


def serve(docs_url: str | None = None) -> None:
    """Serve one editor over stdin/stdout until it says exit."""
    make_server(docs_url).start_io()
