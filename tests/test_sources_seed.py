"""The acceptance article (service/examples/seed.json): its six quotes, built
from the annotated offsets, get the annotated sources."""
import pytest

from service.engine.document import load
from service.engine.model import Mention, Quote, Span
from service.engine.sources import resolve_sources


@pytest.fixture(scope="module")
def resolved(seed):
    doc = load(seed["text"])
    quotes = []
    for i, q in enumerate(seed["quotes"]):
        speaker = None
        if q["speaker"] is not None:
            speaker = Mention(Span(q["speaker_start"], q["speaker_end"]), q["speaker"])
        quotes.append(Quote(id=f"q{i + 1}", kind=q["kind"], span=Span(q["start"], q["end"]), text=q["quote"],
                            speaker=speaker))
    out, sources = resolve_sources(doc, quotes)
    return doc, out, {s.id: s for s in sources}


def test_seed_source_types(seed, resolved):
    _, quotes, sources = resolved
    got = [sources[q.source_id].type if q.source_id else "unattributed" for q in quotes]
    assert got == [q["source_type"] for q in seed["quotes"]]


def test_seed_source_names(seed, resolved):
    _, quotes, sources = resolved
    got = [sources[q.source_id].name if q.source_id else None for q in quotes]
    assert got == [q.get("speaker_name", q["speaker"]) for q in seed["quotes"]]


def test_seed_anonymity_reason_of_first_direct_quote(seed, resolved):
    doc, quotes, sources = resolved
    reasons = [sources[q.source_id].anonymity_reason if q.source_id else None for q in quotes]
    assert reasons[1] == Mention(Span(267, 311), "because he was discussing classified reports")
    assert doc.text[267:311] == seed["quotes"][1]["anonymity_reason"]
    assert [r for i, r in enumerate(reasons) if i != 1] == [None] * 5


@pytest.mark.parametrize("index", [3, 5])
def test_seed_named_sources_keep_their_titles(seed, resolved, index):
    doc, quotes, sources = resolved
    descriptor = sources[quotes[index].source_id].descriptor
    assert descriptor.text == seed["quotes"][index]["speaker_title"]
    assert doc.text[descriptor.span.start:descriptor.span.end] == descriptor.text


def test_seed_sources_are_numbered_in_quote_order(resolved):
    _, quotes, sources = resolved
    assert [q.source_id for q in quotes] == ["s1", "s2", None, "s3", "s4", "s5"]
    assert list(sources) == ["s1", "s2", "s3", "s4", "s5"]
