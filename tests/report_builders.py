"""Hand-built quotes and sources for the report's tests: the report stage is
pure, so its rules are specified on small articles whose quotes and sources
are written out here, by phrase, rather than found by the engine."""
from __future__ import annotations

from dataclasses import replace

from service.engine import Cue, Mention, Quote, Source, Span, build_report, load
from service.policy import from_mapping  # a mapping becomes a Policy at the edge, as in the faces


class Article:
    """A small article with quotes and sources given by their phrases; each
    phrase is looked up in the text (``after`` skips earlier occurrences)."""

    def __init__(self, text: str):
        self.text = text
        self.doc = load(text)
        self.quotes: list[Quote] = []
        self.sources: dict[str, Source] = {}

    def span(self, phrase: str, after: int = 0) -> Span:
        start = self.text.index(phrase, after)
        return Span(start, start + len(phrase))

    def mention(self, phrase: str | None, after: int = 0) -> Mention | None:
        return None if phrase is None else Mention(self.span(phrase, after), phrase)

    def quote(self, words: str, *, kind: str = "direct", cue: str | None = None,
              lemma: str | None = None, speaker: str | None = None, source: str | None = None,
              after: int = 0) -> Quote:
        q = Quote(
            id=f"q{len(self.quotes) + 1}",
            kind=kind,
            span=self.span(words, after),
            text=words,
            cue=None if cue is None else Cue(self.span(cue, after), cue, lemma or cue.lower()),
            speaker=self.mention(speaker, after),
            source_id=source,
        )
        self.quotes.append(q)
        return q

    def source(self, id: str, type: str, name: str, *, reason: str | None = None,
               descriptor: str | None = None, organisation: str | None = None) -> Source:
        s = Source(id=id, name=name, type=type, descriptor=self.mention(descriptor),
                   anonymity_reason=self.mention(reason), organisation=organisation)
        self.sources[id] = s
        return s

    def build(self) -> tuple[list[Quote], list[Source]]:
        sources = []
        for s in self.sources.values():
            mine = [q for q in self.quotes if q.source_id == s.id]
            sources.append(replace(s, quote_ids=tuple(q.id for q in mine),
                                   mentions=tuple(q.speaker for q in mine if q.speaker)))
        return list(self.quotes), sources

    def report(self, policy=None):
        quotes, sources = self.build()
        return build_report(self.doc, quotes, sources, policy=from_mapping(policy))

    def findings(self, rule: str, policy=None) -> list[tuple[str, str | None]]:
        """``(severity, spanned text)`` of each finding of ``rule``."""
        return [(f.severity, f.span.of(self.text) if f.span else None)
                for f in self.report(policy).findings if f.rule == rule]


def seed_article(seed: dict) -> Article:
    """The seed article with its expected quotes and sources, from the
    offsets in ``service/examples/seed.json``."""
    a = Article(seed["text"])
    text = seed["text"]

    def add(expected, source, cue, lemma):
        assert text[expected["start"]:expected["end"]] == expected["quote"]
        after = a.quotes[-1].span.end if a.quotes else 0
        a.quote(expected["quote"], kind=expected["kind"], cue=cue, lemma=lemma,
                speaker=expected["speaker"], source=source, after=after)
        if expected["speaker"]:
            assert a.quotes[-1].speaker.span == Span(expected["speaker_start"], expected["speaker_end"])

    e = seed["quotes"]
    a.source("s1", "anonymous", "American officials")
    a.source("s2", "anonymous", "a senior American official",
             reason="because he was discussing classified reports")
    a.source("s3", "named", "John Kerry", descriptor="Secretary of State")
    a.source("s4", "anonymous", "Senior American officials")
    a.source("s5", "named", "Charles Lister",
             descriptor="a visiting fellow at the Brookings Doha Center in Qatar")
    add(e[0], "s1", "are reporting", "report")
    add(e[1], "s2", "According to", "according to")
    add(e[2], None, "There are also claims", "claims")
    add(e[3], "s3", "said", "say")
    add(e[4], "s4", "have emphasized", "emphasize")
    add(e[5], "s5", "commented", "comment")
    assert [x.span for x in a.quotes] == [Span(x["start"], x["end"]) for x in e]
    return a
