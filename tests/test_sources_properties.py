"""Invariants of the sources stage on arbitrary input: it never raises, and
every span it returns covers exactly the text it carries."""
from hypothesis import HealthCheck, given, settings, strategies as st

from service.engine.document import load
from service.engine.errors import InputError
from service.engine.model import Mention, Quote, Span
from service.engine.sources import resolve_sources

# words that reach the interesting branches, mixed with arbitrary Unicode
WORDS = ("he she they it I we who which the a an Mr. Ms. Sen. President Secretary of State John Kerry Kerry "
         "official officials senior American spokesman for ministry the White House Iran police report poll "
         "said , . \" “ ” who spoke on condition of anonymity because to discuss not authorized to speak "
         "another source sources al-Maliki Jr. (D-N.Y.) 77 percent of Republicans polled and including "
         "Department Institution Post Times \n\n").split(" ")

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=80).map(" ".join),
)


@st.composite
def article(draw):
    text = draw(texts)
    n = len(text)
    quotes = []
    for i in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        speaker = None
        if draw(st.booleans()):
            c = draw(st.integers(0, n))
            d = draw(st.integers(c, min(n, c + 40)))
            speaker = Mention(Span(c, d), text[c:d])
        kind = draw(st.sampled_from(["direct", "partial", "indirect"]))
        quotes.append(Quote(id=f"q{i + 1}", kind=kind, span=Span(a, b), text=text[a:b], speaker=speaker))
    return text, quotes


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article(), st.frozensets(st.sampled_from(["Chief Meteorologist", "Anchor", "", "  "]), max_size=2))
def test_never_raises_and_every_span_holds(case, house):
    text, quotes = case
    try:
        doc = load(text)
    except InputError:  # binary-looking input never reaches this stage
        return
    out, sources = resolve_sources(doc, quotes, house_titles=house)
    assert len(out) == len(quotes)
    ids = {s.id for s in sources}
    for q, o in zip(quotes, out):
        assert (o.source_id is None) == (q.speaker is None)
        assert o.source_id is None or o.source_id in ids
    for s in sources:
        assert s.type in ("named", "anonymous", "institutional")
        for m in (*s.mentions, s.descriptor, s.anonymity_reason):
            if m is not None:
                assert text[m.span.start:m.span.end] == m.text


def test_positional_signature_still_works():
    text = "Ann Ross said it was cold."
    q = Quote(id="q1", kind="indirect", span=Span(14, 25), text="it was cold", speaker=Mention(Span(0, 8), "Ann Ross"))
    out, sources = resolve_sources(load(text), [q])
    assert out[0].source_id == "s1" and sources[0].name == "Ann Ross"


MENTION_WORDS = ("the a Mr. Sen. John Kerry , – who is a fellow at of for officials spokesman Department "
                 "and including ( ) 's ’s I he Jr. al-Maliki 77 percent").split(" ")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60),
                 st.lists(st.one_of(st.sampled_from(MENTION_WORDS), st.text(max_size=4)), max_size=12).map(" ".join)))
def test_analyse_never_raises_and_its_spans_fit(text):
    from service.engine.sources.mentions import analyse

    info = analyse(text)
    for span in (info.name_span, info.title_span, info.organisation, info.appositive):
        if span is not None:
            assert 0 <= span[0] <= span[1] <= len(text)
