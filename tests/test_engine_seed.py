"""Acceptance: the bundled seed article comes out exactly as annotated."""
from service.engine import audit


def test_seed_quotes_spans_kinds_speakers_and_cues(seed):
    report = audit(seed["text"])
    got = [(q.span.start, q.span.end, q.kind, q.speaker and (q.speaker.span.start, q.speaker.span.end),
            q.cue and q.cue.text) for q in report.quotes]
    want = [(g["start"], g["end"], g["kind"],
             (g["speaker_start"], g["speaker_end"]) if g["speaker_start"] is not None else None, g["cue"])
            for g in seed["quotes"]]
    assert got == want


def test_seed_quote_texts_match_the_article(seed):
    report = audit(seed["text"])
    assert [q.text for q in report.quotes] == [g["quote"] for g in seed["quotes"]]
    for q in report.quotes:
        assert seed["text"][q.span.start:q.span.end] == q.text
