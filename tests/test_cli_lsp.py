"""``sourcecheck lsp``: a real LSP client session (pygls's LanguageClient)
with the real command as a subprocess over stdio - initialize, open and
edit drafts, read the published diagnostics, ask for quick fixes, shut
down."""
import asyncio
import sys

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.cli_run import ROOT, env

STORY = "# Budget\n\nThe mayor claimed the vote was rigged.\n"
TIMEOUT = 60


class Session:
    """A client talking to ``python -m service.cli lsp`` in ``folder``."""

    def __init__(self, folder, encodings=None):
        self.folder = folder
        self.encodings = encodings
        self.client = LanguageClient("sourcecheck-tests", "1")
        self.published: dict[str, asyncio.Queue] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams):
            self.queue(params.uri).put_nowait(params)

    def queue(self, uri: str) -> asyncio.Queue:
        return self.published.setdefault(uri, asyncio.Queue())

    async def __aenter__(self):
        await self.client.start_io(sys.executable, "-m", "service.cli", "lsp", cwd=str(self.folder),
                                   env=env())
        general = types.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None
        self.init = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            process_id=None, root_uri=self.folder.as_uri(),
            capabilities=types.ClientCapabilities(general=general))), TIMEOUT)
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc):
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)

    async def open(self, name: str, text: str, language: str = "markdown") -> types.PublishDiagnosticsParams:
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return await self.next(uri)

    async def change(self, uri: str, version: int, text: str) -> types.PublishDiagnosticsParams:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        return await self.next(uri)

    async def next(self, uri: str) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(self.queue(uri).get(), TIMEOUT)

    async def actions(self, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        return await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]))), TIMEOUT)


def run(coroutine):
    return asyncio.run(coroutine)


def test_opening_a_draft_publishes_its_findings_as_diagnostics(tmp_path):
    async def session():
        async with Session(tmp_path) as s:
            assert s.init.server_info.name == "sourcecheck"
            return await s.open("story.md", STORY)

    published = run(session())
    (d,) = published.diagnostics
    assert (d.code, d.severity, d.source) == ("loaded-verb", types.DiagnosticSeverity.Warning, "sourcecheck")
    assert (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character) == (2, 10, 2, 17)
    assert d.message.startswith('"claimed" is not neutral')
    assert d.code_description.href == (ROOT / "docs" / "report.md").as_uri() + "#loaded-verb-warning"
    assert published.version == 1


def test_diagnostics_follow_the_text_as_it_is_typed(tmp_path):
    async def session():
        async with Session(tmp_path) as s:
            uri = (tmp_path / "story.md").as_uri()
            first = await s.open("story.md", STORY)
            fixed = await s.change(uri, 2, STORY.replace("claimed", "said"))
            again = await s.change(uri, 3, "A new lede.\n\n" + STORY)
            return first, fixed, again

    first, fixed, again = run(session())
    assert [d.code for d in first.diagnostics] == ["loaded-verb"]
    assert (fixed.version, list(fixed.diagnostics)) == (2, [])
    assert [(d.code, d.range.start.line) for d in again.diagnostics] == [("loaded-verb", 4)]


def test_the_quick_fix_puts_the_neutral_verb_in_place(tmp_path):
    async def session():
        async with Session(tmp_path) as s:
            published = await s.open("story.md", STORY)
            return published.uri, await s.actions(published.uri, published.diagnostics[0])

    uri, actions = run(session())
    rewrite, disable = actions
    assert (rewrite.title, rewrite.kind, rewrite.is_preferred) == (
        'Replace with "said" (loaded-verb)', types.CodeActionKind.QuickFix, True)
    (edit,) = rewrite.edit.changes[uri]
    assert (edit.new_text, edit.range.start.character, edit.range.end.character) == ("said", 10, 17)
    (comment,) = disable.edit.changes[uri]
    assert disable.title == "Disable loaded-verb on this line"
    assert (comment.new_text, comment.range.start.line, comment.range.start.character) == (
        " <!-- sourcecheck-disable-line loaded-verb -->", 2, 38)


def test_advice_suggestions_get_no_rewrite_only_the_disable_fix(tmp_path):
    async def session():
        async with Session(tmp_path) as s:
            published = await s.open("anon.md", '"It was a fix," a senior official said.\n')
            reason = next(d for d in published.diagnostics if d.code == "anonymous-without-reason")
            return await s.actions(published.uri, reason)

    actions = run(session())
    assert "Disable anonymous-without-reason on this line" in [a.title for a in actions]
    assert all(a.title.startswith("Disable ") for a in actions)


def test_suppression_comments_apply_and_typos_in_them_are_errors(tmp_path):
    async def session():
        async with Session(tmp_path) as s:
            quiet = await s.open("a.md", STORY.replace("rigged.", "rigged. <!-- sourcecheck-disable-line loaded-verb -->"))
            typo = await s.open("b.md", STORY.replace("rigged.", "rigged. <!-- sourcecheck-disable-line loaded-verbs -->"))
            return quiet, typo

    quiet, typo = run(session())
    assert list(quiet.diagnostics) == []
    error = next(d for d in typo.diagnostics if d.code == "unknown-rule")
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.message == "unknown rule id 'loaded-verbs' in a suppression comment; did you mean 'loaded-verb'?"
    assert (error.range.start.line, error.range.start.character, error.range.end.character) == (2, 69, 81)


@pytest.mark.parametrize("language, name, text, column", [
    ("html", "story.html", "<p>The mayor <b>claimed</b> the vote was rigged.</p>\n", 16),
    ("plaintext", "story.txt", "The mayor claimed the vote was rigged.\n", 10),
])
def test_html_and_text_drafts_are_checked_too(tmp_path, language, name, text, column):
    async def session():
        async with Session(tmp_path) as s:
            return await s.open(name, text, language)

    (d,) = run(session()).diagnostics
    assert (d.code, d.range.start.character) == ("loaded-verb", column)


def test_positions_are_in_the_negotiated_encoding(tmp_path):
    text = "# 😀 Budget\n\n😀 The mayor claimed the vote was rigged.\n"

    async def session(encodings):
        async with Session(tmp_path, encodings) as s:
            published = await s.open("story.md", text)
            return s.init.capabilities.position_encoding, published.diagnostics[0].range.start.character

    assert run(session(None)) == (types.PositionEncodingKind.Utf16, 13)  # the emoji is two UTF-16 units
    assert run(session([types.PositionEncodingKind.Utf32])) == (types.PositionEncodingKind.Utf32, 12)


def test_the_folders_configuration_applies(tmp_path):
    (tmp_path / ".sourcecheck.toml").write_text('[policy.rules.loaded-verb]\nseverity = "error"\n',
                                                encoding="utf-8")

    async def session():
        async with Session(tmp_path) as s:
            return await s.open("story.md", STORY)

    (d,) = run(session()).diagnostics
    assert (d.code, d.severity) == ("loaded-verb", types.DiagnosticSeverity.Error)


def test_other_languages_are_left_alone(tmp_path):
    async def session():
        async with Session(tmp_path) as s:
            s.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
                uri=(tmp_path / "x.py").as_uri(), language_id="python", version=1, text="claimed = 1\n")))
            return await s.open("story.md", STORY), s.published

    published, queues = run(session())
    assert [d.code for d in published.diagnostics] == ["loaded-verb"]
    assert (tmp_path / "x.py").as_uri() not in queues
