"""The store's side of the standards desk, on SQLite and PostgreSQL: story
versions, decisions on findings and their carry-over, the list's search and
pages, and the trends aggregates."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from service.store import DecisionError, FindingKey, Store, StoryMeta, finding_keys
from tests.desk_fixtures import finding, made_report
from tests.store_fixtures import T0, clock, db_url, store  # noqa: F401 - fixtures

V1 = made_report(named=1, anonymous=1, named_sources=("Maria Lopez",),
                 anonymous_sources=(("A senior official", None),),
                 findings=(finding("anonymous-without-reason", "A senior official"),
                           finding("anonymous-only-claim", "the cost had doubled")))
V2 = made_report(named=1, anonymous=2, named_sources=("Maria Lopez",),
                 anonymous_sources=(("A senior official", None), ("People familiar with the talks", None)),
                 findings=(finding("anonymous-without-reason", "People familiar with the talks"),
                           finding("anonymous-without-reason", "A  senior\nofficial"),  # re-wrapped words
                           finding("anonymous-only-claim", "the cost had doubled")))


def save(store, report, story_id="bridge", **meta) -> str:
    return store.save(report, text="t", format="text", story=StoryMeta(story_id=story_id, **meta))


# --- stories and versions ---------------------------------------------------------

def test_story_metadata_round_trips(store):
    published = datetime(2026, 11, 20, 7, 30, tzinfo=timezone.utc)
    id = save(store, V1, url="https://news.example/bridge", desk="Metro", authors=("Ann Lee", "Bo Chen"),
              published_at=published)
    assert store.get(id).story == StoryMeta("bridge", "https://news.example/bridge", "Metro",
                                            ("Ann Lee", "Bo Chen"), published)


def test_reports_with_one_story_id_are_its_versions_oldest_first_and_only_the_newest_is_latest(store, clock):
    first = save(store, V1)
    clock.advance(hours=1)
    second = save(store, V2)
    save(store, V1, story_id="other")
    assert [v.id for v in store.versions("bridge")] == [first, second]
    assert (store.get(first).is_latest, store.get(second).is_latest) == (False, True)


def test_a_report_without_story_id_is_its_own_latest_story(store):
    id = store.save(V1, text="t", format="text")
    assert store.get(id).is_latest and store.get(id).story_key == id


def test_save_many_keeps_only_the_last_version_of_a_story_as_latest(store):
    ids = store.save_many([(V1, "t", "text", None, StoryMeta("s")), (V2, "t", "text", None, StoryMeta("s"))])
    assert [store.get(i).is_latest for i in ids] == [False, True]


# --- decisions ----------------------------------------------------------------------

def key_of(report, rule, n=0) -> FindingKey:
    return [k for k in finding_keys(report) if k.rule == rule][n]


def test_finding_keys_match_by_rule_and_words_not_offsets_or_wrapping():
    assert key_of(V1, "anonymous-without-reason") == key_of(V2, "anonymous-without-reason", 1)


def test_a_decision_records_state_note_editor_and_time(store, clock):
    id = save(store, V1)
    key = key_of(V1, "anonymous-only-claim")
    store.decide(id, key, "dismissed", note="source's position given in the next graf", editor="Ed Itor")
    d = store.decisions(store.get(id))[key]
    assert (d.state, d.note, d.editor, d.decided_at, d.report_id) == (
        "dismissed", "source's position given in the next graf", "Ed Itor", T0, id)


def test_dismissing_without_a_note_is_refused(store):
    id = save(store, V1)
    with pytest.raises(DecisionError, match="note is required"):
        store.decide(id, key_of(V1, "anonymous-only-claim"), "dismissed", note="  ", editor="e")


@pytest.mark.parametrize("state", ["fixed", "", "DISMISSED"])
def test_unknown_states_are_refused(store, state):
    with pytest.raises(DecisionError):
        store.decide(save(store, V1), key_of(V1, "anonymous-only-claim"), state, note="n", editor="e")


def test_a_decision_on_an_unknown_report_is_refused(store):
    with pytest.raises(DecisionError):
        store.decide("0" * 32, FindingKey("r", "w", 0), "accepted", editor="e")


def test_decisions_carry_over_to_the_next_version_when_the_finding_recurs(store, clock):
    first = save(store, V1)
    store.decide(first, key_of(V1, "anonymous-without-reason"), "dismissed", note="reason in graf 4", editor="e")
    clock.advance(hours=1)
    second = save(store, V2)
    carried = store.decisions(store.get(second))
    assert carried[key_of(V2, "anonymous-without-reason", 1)].report_id == first
    assert key_of(V2, "anonymous-without-reason", 0) not in carried  # the new finding has no decision


def test_a_later_decision_wins_and_reopening_is_a_decision(store, clock):
    id = save(store, V1)
    key = key_of(V1, "anonymous-only-claim")
    store.decide(id, key, "accepted", editor="a")
    clock.advance(minutes=5)
    store.decide(id, key, "reopened", editor="b")
    assert store.decisions(store.get(id))[key].state == "reopened"
    assert [d.state for d in store.history(store.get(id))] == ["accepted", "reopened"]


def test_a_decision_on_a_later_version_does_not_reach_back_to_an_earlier_one(store, clock):
    first = save(store, V1)
    clock.advance(hours=1)
    second = save(store, V2)
    store.decide(second, key_of(V2, "anonymous-only-claim"), "accepted", editor="e")
    assert store.decisions(store.get(first)) == {}


def test_decisions_stay_within_their_story(store, clock):
    first = save(store, V1)
    store.decide(first, key_of(V1, "anonymous-only-claim"), "accepted", editor="e")
    other = save(store, V1, story_id="another-story")
    assert store.decisions(store.get(other)) == {}


# --- the list: search, desk, author, pages ---------------------------------------------

@pytest.fixture
def newsroom(store, clock):
    """Five reports: titles, speakers, desks and authors to search and filter."""
    rows = [("Bridge vote delayed", "Maria Lopez", "Metro", ("Ann Lee",)),
            ("Budget talks stall", "Tom Ruiz", "Politics", ("Bo Chen",)),
            ("School opens", "Maria Lopez", "Metro", ("Bo Chen", "Ann Lee")),
            ("Storm warning", "Kim Park", None, ()),
            ("River levels rise", "Tom Ruiz", "Metro", ("ann  LEE",))]
    ids = {}
    for title, speaker, desk, authors in rows:
        report = made_report(named=1, named_sources=(speaker,), title=title)
        ids[title] = store.save(report, text="t", format="text", title=title,
                                story=StoryMeta(desk=desk, authors=authors))
        clock.advance(minutes=1)
    return ids


def titles(page) -> list[str]:
    return [r.title for r in page.rows]


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"search": "bridge"}, ["Bridge vote delayed"]),
    ({"search": "LOPEZ"}, ["School opens", "Bridge vote delayed"]),  # a speaker, case ignored
    ({"search": "maria school"}, ["School opens"]),  # every word, in any order
    ({"search": "100%"}, []),  # LIKE wildcards are literal
    ({"desk": "Metro"}, ["River levels rise", "School opens", "Bridge vote delayed"]),
    ({"author": "Ann Lee"}, ["River levels rise", "School opens", "Bridge vote delayed"]),
    ({"author": "bo chen", "desk": "Politics"}, ["Budget talks stall"]),
    ({"search": "tom", "desk": "Metro"}, ["River levels rise"]),
])
def test_the_list_searches_titles_and_speakers_and_filters_by_desk_and_author(store, newsroom, kwargs, expected):
    page = store.page(**kwargs)
    assert (titles(page), page.total) == (expected, len(expected))


def test_the_list_pages_newest_first(store, newsroom):
    pages = [store.page(number=n, per_page=2) for n in (1, 2, 3)]
    assert [titles(p) for p in pages] == [["River levels rise", "Storm warning"],
                                          ["School opens", "Budget talks stall"], ["Bridge vote delayed"]]
    assert (pages[0].total, pages[0].pages) == (5, 3)


def test_desks_and_authors_for_the_filters(store, newsroom):
    assert store.desks() == ["Metro", "Politics"]
    assert store.authors() == ["Ann Lee", "Bo Chen"]


# --- trends -------------------------------------------------------------------------

MONDAY = date(2026, 3, 2)


@pytest.fixture
def month(store, clock):
    """Stories over three weeks of March 2026 on two desks (and one outside the range)."""
    def file(day_offset, report, desk, story_id=None, authors=()):
        published = datetime.combine(MONDAY + timedelta(days=day_offset), datetime.min.time(), timezone.utc)
        clock.advance(minutes=1)
        return store.save(report, text="t", format="text", story=StoryMeta(
            story_id=story_id, desk=desk, authors=authors, published_at=published))

    file(0, made_report(named=2, anonymous=1, named_sources=("A", "B"),
                        anonymous_sources=(("a senior official", "not authorised to speak"),),
                        findings=(finding("anonymous-source", "a senior official"),)), "Metro", authors=("Ann Lee",))
    file(2, made_report(named=1, named_sources=("C",)), "Politics")  # one source
    # a story filed twice: only its second version counts
    file(3, made_report(anonymous=5, anonymous_sources=(("people familiar with", None),)), "Politics", "s1")
    file(3, made_report(anonymous=1, institutional=1, anonymous_sources=(("people familiar with", None),),
                        findings=(finding("anonymous-without-reason", "people familiar with"),
                                  finding("anonymous-source", "people familiar with"))), "Politics", "s1")
    file(8, made_report(named=1, unattributed=2, anonymous=1, named_sources=("D",),
                        anonymous_sources=(("A Senior  Official", None),)), "Metro", authors=("Bo Chen",))
    file(40, made_report(named=9, named_sources=("E",)), "Metro")  # after the range
    return None


def test_trends_total_counts_the_latest_version_of_each_story(store, month):
    t = store.trends(MONDAY, date(2026, 3, 22)).total
    assert (t.stories, t.quotes, t.quotes_named, t.quotes_anonymous, t.quotes_institutional,
            t.quotes_unattributed) == (4, 10, 4, 3, 1, 2)
    assert t.anonymous_quote_share == pytest.approx(3 / 10)
    assert (t.anonymous_sources, t.anonymous_with_reason) == (3, 1)
    assert t.reason_share == pytest.approx(1 / 3)
    assert (t.single_source, t.findings) == (2, 3)  # story "C" and story s1 (one anonymous source)


def test_trends_week_by_week_including_empty_weeks(store, month):
    weeks = store.trends(MONDAY, date(2026, 3, 22)).weeks
    assert [(w.week, w.tally.stories, w.tally.quotes) for w in weeks] == [
        (date(2026, 3, 2), 3, 6), (date(2026, 3, 9), 1, 4), (date(2026, 3, 16), 0, 0)]
    assert weeks[0].findings_by_rule == {"anonymous-source": 2, "anonymous-without-reason": 1}
    assert weeks[2].tally.anonymous_quote_share is None


def test_trends_desks_side_by_side(store, month):
    desks = store.trends(MONDAY, date(2026, 3, 22)).desks
    assert [(d.desk, d.tally.stories, d.tally.quotes_anonymous, d.tally.findings) for d in desks] == [
        ("Metro", 2, 2, 1), ("Politics", 2, 1, 2)]


def test_trends_rules_and_unnamed_source_phrases(store, month):
    t = store.trends(MONDAY, date(2026, 3, 22))
    assert t.rules == (("anonymous-source", 2), ("anonymous-without-reason", 1))
    assert t.phrases == (("a senior official", 2), ("people familiar with", 1))


@pytest.mark.parametrize(("kwargs", "stories"), [
    ({"desk": "Metro"}, 2), ({"desk": "Politics"}, 2), ({"desk": "Sport"}, 0),
    ({"author": "ann lee"}, 1), ({"author": "Bo Chen", "desk": "Metro"}, 1),
])
def test_trends_filter_by_desk_and_author(store, month, kwargs, stories):
    assert store.trends(MONDAY, date(2026, 3, 22), **kwargs).total.stories == stories


def test_trends_range_is_inclusive_of_both_days(store, month):
    assert store.trends(date(2026, 3, 4), date(2026, 3, 5)).total.stories == 2


def test_trends_of_an_empty_range(store, month):
    t = store.trends(date(2025, 1, 1), date(2025, 1, 31))
    assert (t.total.stories, t.total.anonymous_quote_share, t.rules, t.phrases) == (0, None, (), ())


def test_the_daily_roll_up_gives_the_same_trends_as_the_rows(store, month):
    from service.store.trends import trends

    for desk in (None, "Metro"):
        with store.engine.connect() as conn:
            assert trends(conn, MONDAY, date(2026, 3, 22), desk=desk) == \
                trends(conn, MONDAY, date(2026, 3, 22), desk=desk, rolled=False)


def test_the_roll_up_kept_by_saves_equals_one_rebuilt_from_scratch(store, month, clock):
    from sqlalchemy import text as sql

    from service.store import rollup

    save(store, V2, story_id="s1")  # supersedes the version counted on 5 March with one stored today
    tables = ("trend_days", "trend_day_rules", "trend_day_phrases")

    def cells():
        with store.engine.connect() as conn:
            return {t: sorted(map(tuple, conn.execute(sql(f"SELECT * FROM {t}")))) for t in tables}

    kept = cells()
    with store.engine.begin() as conn:
        rollup.rebuild(conn)
    assert cells() == kept


def test_a_bulk_import_without_roll_up_then_one_rebuild_gives_the_same_trends(store, clock):
    items = [(V1, "t", "text", None, StoryMeta("s", desk="Metro")), (V2, "t", "text", None, StoryMeta("s")),
             (V1, "t", "text", None, StoryMeta(desk="Metro"))]
    store.save_many(items, rollup_now=False)
    assert store.trends(date(2026, 11, 1), date(2026, 11, 30)).total.stories == 0  # not rolled up yet
    store.rebuild_trends()
    with store.engine.connect() as conn:
        from service.store.trends import trends

        rows = trends(conn, date(2026, 11, 1), date(2026, 11, 30), rolled=False)
    assert store.trends(date(2026, 11, 1), date(2026, 11, 30)) == rows and rows.total.stories == 2


# --- deleting and purging (retention) --------------------------------------------------

def rollup_cells(store) -> dict:
    from sqlalchemy import text as sql

    with store.engine.connect() as conn:
        return {t: sorted(map(tuple, conn.execute(sql(f"SELECT * FROM {t}"))))
                for t in ("trend_days", "trend_day_rules", "trend_day_phrases")}


def rebuilt_cells(store) -> dict:
    from service.store import rollup

    with store.engine.begin() as conn:
        rollup.rebuild(conn)
    return rollup_cells(store)


def test_deleting_a_report_takes_it_out_of_the_trends_and_the_roll_up(store, month):
    before = store.trends(MONDAY, date(2026, 3, 22)).total.stories
    gone = store.page(search="", per_page=500).rows[-1]  # the first one filed (Metro, 2 March)
    assert store.delete(gone.id) and store.get(gone.id) is None
    assert store.trends(MONDAY, date(2026, 3, 22)).total.stories == before - 1
    kept = rollup_cells(store)
    assert rebuilt_cells(store) == kept


def test_deleting_a_storys_latest_version_makes_the_one_before_it_latest_and_counted(store, clock):
    first = save(store, V1, desk="Metro")
    clock.advance(hours=1)
    second = save(store, V2, desk="Metro")
    store.decide(second, key_of(V2, "anonymous-only-claim"), "accepted", editor="e")
    assert store.delete(second)
    assert store.get(first).is_latest and [v.id for v in store.versions("bridge")] == [first]
    assert store.decisions(store.get(first)) == {}  # the deleted version's decisions went with it
    t = store.trends(date(2026, 11, 1), date(2026, 11, 30)).total
    assert (t.stories, t.quotes_anonymous) == (1, 1)
    kept = rollup_cells(store)
    assert rebuilt_cells(store) == kept


def test_deleting_an_earlier_version_leaves_the_latest_counted(store, clock):
    first = save(store, V1)
    clock.advance(hours=1)
    second = save(store, V2)
    assert store.delete(first) and store.get(second).is_latest
    assert store.trends(date(2026, 11, 1), date(2026, 11, 30)).total.quotes_anonymous == 2
    kept = rollup_cells(store)
    assert rebuilt_cells(store) == kept


def test_a_purge_forgets_old_reports_and_keeps_the_roll_up_exact(store, clock):
    old = save(store, V1, story_id="s")
    clock.advance(days=40)
    recent = save(store, V2, story_id="s")
    assert store.purge(30) == 1
    assert store.get(old) is None and store.get(recent).is_latest
    kept = rollup_cells(store)
    assert rebuilt_cells(store) == kept


def test_deleting_an_unknown_report_is_false(store):
    assert store.delete("nope") is False


# --- the author roll-up ----------------------------------------------------------------

AUTHOR_TABLES = ("trend_author_days", "trend_author_rules", "trend_author_phrases")


def author_cells(store) -> dict:
    from sqlalchemy import text as sql

    with store.engine.connect() as conn:
        return {t: sorted(map(tuple, conn.execute(sql(f"SELECT * FROM {t}")))) for t in AUTHOR_TABLES}


def rebuilt_author_cells(store) -> dict:
    from service.store import rollup

    with store.engine.begin() as conn:
        rollup.rebuild_authors(conn)
    return author_cells(store)


def detailed(store, since, until, **kwargs):
    """The trends counted from every counted row (no roll-up)."""
    from service.store.trends import trends

    with store.engine.connect() as conn:
        return trends(conn, since, until, rolled=False, **kwargs)


@pytest.fixture
def bylines(store, clock):
    """Stories with one, two or no authors on two desks; one story filed
    three times with its byline changing, one author written two ways."""
    def file(day_offset, report, desk, authors, story_id=None):
        published = datetime.combine(MONDAY + timedelta(days=day_offset), datetime.min.time(), timezone.utc)
        clock.advance(minutes=1)
        return store.save(report, text="t", format="text", story=StoryMeta(
            story_id=story_id, desk=desk, authors=authors, published_at=published))

    file(0, V1, "Metro", ("Ann Lee",))
    file(1, V2, "Metro", ("Ann Lee", "Bo Chen"))
    file(1, made_report(named=2, named_sources=("A", "B")), None, ("bo  CHEN",))  # no desk
    file(4, V1, "Politics", ("Ann Lee",), "s1")
    file(4, V2, "Politics", ("Ann Lee", "Cy Dean"), "s1")
    file(5, made_report(anonymous=3, anonymous_sources=(("a diplomat", "not authorised"),),
                        findings=(finding("anonymous-source", "a diplomat"),)), "Politics", ("Cy Dean",), "s1")
    file(9, V2, "Politics", ())  # no byline
    file(12, made_report(named=1, named_sources=("C",)), "Metro", ("Bo Chen",))
    return None


@pytest.mark.parametrize("kwargs", [
    {"author": "Ann Lee"}, {"author": "bo chen"}, {"author": "Cy Dean"}, {"author": "Nobody"},
    {"author": "Ann Lee", "desk": "Metro"}, {"author": "Bo Chen", "desk": "Politics"},
])
def test_author_filtered_trends_from_the_roll_up_equal_the_detailed_count(store, bylines, kwargs):
    for since, until in ((MONDAY, date(2026, 3, 22)), (date(2026, 3, 3), date(2026, 3, 6)),
                         (date(2025, 1, 1), date(2025, 1, 31))):
        assert store.trends(since, until, **kwargs) == detailed(store, since, until, **kwargs)


def test_author_filtered_trends_count_the_latest_version_once_per_author(store, bylines):
    # s1's latest version names Cy Dean only: Ann Lee's two superseded versions no longer count for her
    t = store.trends(MONDAY, date(2026, 3, 22), author="Ann Lee")
    assert (t.total.stories, t.total.quotes_anonymous, [d.desk for d in t.desks]) == (2, 3, ["Metro"])
    cy = store.trends(MONDAY, date(2026, 3, 22), author="cy dean").total
    assert (cy.stories, cy.quotes_anonymous, cy.anonymous_with_reason, cy.findings) == (1, 3, 1, 1)
    bo = store.trends(MONDAY, date(2026, 3, 22), author="Bo Chen")
    assert (bo.total.stories, [(d.desk, d.tally.stories) for d in bo.desks]) == (3, [("Metro", 2), (None, 1)])


def test_the_author_roll_up_kept_by_saves_equals_one_rebuilt_from_scratch(store, bylines):
    kept = author_cells(store)
    assert kept["trend_author_days"] and rebuilt_author_cells(store) == kept


def test_deleting_and_purging_keep_the_author_roll_up_exact(store, bylines, clock):
    s1 = store.versions("s1")
    assert store.delete(s1[-1].id)  # Cy Dean's latest version goes: Ann Lee and Cy Dean's V2 counts again
    assert store.get(s1[-2].id).is_latest
    assert author_cells(store) == rebuilt_author_cells(store)
    for who in ("Ann Lee", "Cy Dean", "Bo Chen"):
        assert store.trends(MONDAY, date(2026, 3, 22), author=who) == detailed(
            store, MONDAY, date(2026, 3, 22), author=who)
    assert store.trends(MONDAY, date(2026, 3, 22), author="Ann Lee").total.stories == 3
    clock.advance(days=40)
    assert store.purge(30) == 7
    assert all(not rows for rows in author_cells(store).values())


def test_a_bulk_import_then_one_rebuild_fills_the_author_roll_up(store, clock):
    items = [(V1, "t", "text", None, StoryMeta("s", desk="Metro", authors=("Ann Lee",))),
             (V2, "t", "text", None, StoryMeta("s", authors=("Ann Lee", "Bo Chen"))),
             (V1, "t", "text", None, StoryMeta(desk="Metro", authors=("Bo Chen",)))]
    store.save_many(items, rollup_now=False)
    november = (date(2026, 11, 1), date(2026, 11, 30))
    assert store.trends(*november, author="Ann Lee").total.stories == 0  # not rolled up yet
    store.rebuild_trends()
    for who in ("Ann Lee", "Bo Chen"):
        assert store.trends(*november, author=who) == detailed(store, *november, author=who)
    assert store.trends(*november, author="Bo Chen").total.stories == 2


# --- a save is all or nothing ------------------------------------------------------------

def test_a_database_error_in_a_batch_stores_none_of_it_and_the_store_goes_on(store, clock, monkeypatch):
    import uuid as uuid_module

    from sqlalchemy.exc import IntegrityError

    first = save(store, V1, desk="Metro", authors=("Ann Lee",))
    before = (rollup_cells(store), author_cells(store), store.page().total)
    same = uuid_module.uuid4()
    monkeypatch.setattr("service.store.store.uuid.uuid4", lambda: same)  # the batch's two reports collide
    items = [(V2, "t", "text", None, StoryMeta("bridge", desk="Metro", authors=("Ann Lee",))),
             (V1, "t", "text", None, StoryMeta("other", authors=("Bo Chen",)))]
    with pytest.raises(IntegrityError):
        store.save_many(items)
    assert (rollup_cells(store), author_cells(store), store.page().total) == before
    assert store.get(first).is_latest and store.get(same.hex) is None
    monkeypatch.undo()
    clock.advance(hours=1)
    second = save(store, V2, desk="Metro", authors=("Ann Lee",))
    assert [v.id for v in store.versions("bridge")] == [first, second]
    assert author_cells(store) == rebuilt_author_cells(store)


# --- a new story's save on PostgreSQL: one statement ---------------------------------------

ALL_TABLES = ("reports", "report_stats", "report_authors", "report_findings", "report_phrases", "trend_days",
              "trend_day_rules", "trend_day_phrases", *AUTHOR_TABLES)


def every_row(store) -> dict:
    from sqlalchemy import text as sql

    with store.engine.connect() as conn:  # each row as PostgreSQL's text: a JSON column's very text
        return {t: sorted(conn.scalars(sql(f"SELECT {t}::text FROM {t}"))) for t in ALL_TABLES}


def saved_by(store, monkeypatch, one_statement: bool) -> dict:
    """Every row after a fixed series of saves (ids and times fixed), by one path or the other."""
    import itertools
    import uuid as uuid_module

    from sqlalchemy import text as sql

    with store.engine.begin() as conn:
        for t in ALL_TABLES:
            conn.execute(sql(f"DELETE FROM {t}"))
    counter = itertools.count(1)
    monkeypatch.setattr("service.store.store.uuid.uuid4", lambda: uuid_module.UUID(int=next(counter)))
    monkeypatch.setattr("service.store.pgsave.supported", lambda dialect: one_statement)
    published = datetime(2026, 11, 20, 7, 30, 0, 123456, tzinfo=timezone.utc)
    save(store, V1, story_id="bridge", desk="Metro", authors=("Ann Lee", "Zoë Ångström"), published_at=published)
    save(store, V2, story_id="road", desk="Metro", authors=("Ann Lee",), url="https://news.example/road")
    store.save(V1, text="Zoë said “no” \\ é", format="text")  # no story, no desk, no authors (JSON null)
    store.save_many([(V2, "t", "text", "Twice", StoryMeta("twice")), (V1, "t", "text", None, StoryMeta("twice"))])
    store.save_many([(V1, "t", "text", None, StoryMeta("bulk", desk="World"))], rollup_now=False)
    save(store, V2, story_id="bridge", desk="Metro", authors=("Ann Lee",))  # a second version: the general path
    return every_row(store)


def test_the_one_statement_save_stores_exactly_what_the_general_path_stores(store, monkeypatch):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("the one-statement save is PostgreSQL's")
    assert saved_by(store, monkeypatch, True) == saved_by(store, monkeypatch, False)


def test_the_one_statement_writes_nothing_and_says_so_when_a_story_has_a_stored_version(store):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("the one-statement save is PostgreSQL's")
    from service.store import pgsave
    from service.store.models import ReportRow

    save(store, V1, story_id="bridge")
    before = every_row(store)
    row = {"id": "f" * 32, "created_at": T0, "title": None, "format": "text", "text": "t", "report": V2,
           "score": None, "has_anonymous": False, "quotes": 0, "story_id": "bridge", "url": None, "desk": None,
           "authors": None, "published_at": None}
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        assert pgsave.write(conn, ["bridge"], {ReportRow: [row]}) is False
    assert every_row(store) == before


def test_a_value_too_long_for_its_column_fails_the_save_and_stores_nothing(store):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite does not enforce a VARCHAR's length")
    from sqlalchemy.exc import DataError

    before = every_row(store)
    with pytest.raises(DataError):
        save(store, V1, story_id="bridge", desk="D" * 101)  # desks are VARCHAR(100): refused, not cut short
    assert every_row(store) == before


def test_the_one_statement_locks_roll_up_cells_table_by_table_in_the_general_paths_order(store, db_url):
    """The daily cell before the day's rule cells, as ``rollup.add`` does: a
    save on either path never waits for the other while holding what it needs."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    import threading
    import time

    import psycopg
    from sqlalchemy import text as sql
    from sqlalchemy.exc import OperationalError

    on = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
    save(store, V1, story_id="first", desk="Metro", published_at=on)
    other = Store(db_url, migrate_on_open=False)
    with other.engine.connect() as holder:
        holder.execute(sql("SELECT 1 FROM trend_day_rules WHERE day = :d AND desk = 'Metro' AND rule = :r "
                           "FOR UPDATE"), {"d": on.date(), "r": "anonymous-only-claim"})
        saving = threading.Thread(target=save, args=(store, V1), kwargs={"story_id": "second", "desk": "Metro",
                                                                        "published_at": on})
        saving.start()
        for _ in range(100):  # until the save waits for the rule cell held here
            if holder.execute(sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                  "AND datname = current_database()")).scalar():
                break
            time.sleep(0.05)
        with pytest.raises(OperationalError) as held:  # its daily cell: already locked by the waiting save
            with holder.begin_nested():
                holder.execute(sql("SELECT 1 FROM trend_days WHERE day = :d AND desk = 'Metro' FOR UPDATE NOWAIT"),
                               {"d": on.date()})
        assert isinstance(held.value.orig, psycopg.errors.LockNotAvailable)
        holder.rollback()
    saving.join(10)
    other.close()
    assert store.trends(on.date(), on.date()).total.stories == 2
