"""Resolving pronouns, surnames and descriptions to sources, and merging mentions."""
import pytest

from tests.builders import resolve, source_of


def test_pronoun_refers_to_person_named_in_the_text():
    text = 'John Kerry arrived in Paris on Monday.\n\n"We are close," he said.'
    _, quotes, sources = resolve(text, ("We are close", "he"))
    src = source_of(quotes, sources, "q1")
    assert (src.name, src.type) == ("John Kerry", "named")
    assert [m.text for m in src.mentions] == ["he"]


def test_full_name_surname_and_honorific_merge_into_one_source():
    text = ('Secretary of State Paul Marsh said the harbor talks would resume. Marsh said the sides were close. '
            '"It is time," Mr. Marsh said.')
    _, quotes, sources = resolve(text, ("the harbor talks would resume", "Paul Marsh"), ("the sides were close", "Marsh", 1),
                                 ("It is time", "Mr. Marsh"))
    assert len(sources) == 1
    src = sources[0]
    assert (src.name, src.type, src.descriptor.text) == ("Paul Marsh", "named", "Secretary of State")
    assert [m.text for m in src.mentions] == ["Paul Marsh", "Marsh", "Mr. Marsh"]
    assert src.quote_ids == ("q1", "q2", "q3")


def test_surname_takes_full_name_from_the_text():
    text = "Charles Lister has studied the militias for years. Lister said the command role was growing."
    _, quotes, sources = resolve(text, ("the command role was growing", "Lister", 1))
    assert sources[0].name == "Charles Lister"


@pytest.mark.parametrize("pronoun, name", [("she", "Anna Weber"), ("he", "Tom Price")])
def test_pronoun_gender_picks_the_compatible_person(pronoun, name):
    text = f'Anna Weber met Tom Price on Friday. "It went well," {pronoun} said.'
    _, quotes, sources = resolve(text, ("It went well", pronoun))
    assert sources[0].name == name


def test_pronoun_prefers_the_subject_of_the_nearest_sentence():
    text = 'Tom Price met Mark Hill on Friday. "It went well," he said.'
    _, quotes, sources = resolve(text, ("It went well", "he"))
    assert sources[0].name == "Tom Price"


def test_names_inside_the_quotation_are_not_antecedents():
    text = 'Tom Price spoke after the vote. "I told Mark Hill we would win," he said.'
    _, quotes, sources = resolve(text, ("I told Mark Hill we would win", "he"))
    assert sources[0].name == "Tom Price"


def test_pronoun_refers_to_previous_speaker():
    text = ('Maria Lopez said the plan would fail.\n\n"It is a waste of money," she said.')
    _, quotes, sources = resolve(text, ("the plan would fail", "Maria Lopez"), ("It is a waste of money", "she"))
    assert len(sources) == 1 and sources[0].quote_ids == ("q1", "q2")


def test_gender_learned_from_a_pronoun_keeps_people_apart():
    text = ('Lee Sands said the plan would fail. "It is a waste," she said. Pat Orr said it would work. '
            '"I disagree," she said.')
    _, quotes, sources = resolve(text, ("the plan would fail", "Lee Sands"), ("It is a waste", "she"),
                                 ("it would work", "Pat Orr"), ("I disagree", "she", 1))
    assert [s.name for s in sources] == ["Lee Sands", "Pat Orr"]


def test_definite_title_refers_to_person_introduced_with_it():
    text = "Sen. Ana Ruiz said the bill would pass. The senator added that the vote was set for Friday."
    _, quotes, sources = resolve(text, ("the bill would pass", "Ana Ruiz"),
                                 ("the vote was set for Friday", "The senator"))
    assert len(sources) == 1
    assert (sources[0].name, sources[0].type) == ("Ana Ruiz", "named")


def test_definite_title_refers_to_office_holder_named_in_the_text():
    text = 'President Lena Park signed the decree on Tuesday. "This is a new day," the president said.'
    _, quotes, sources = resolve(text, ("This is a new day", "the president"))
    assert (sources[0].name, sources[0].type, sources[0].descriptor.text) == ("Lena Park", "named", "President")


def test_unique_office_holder_not_named_is_still_named():
    text = '"We will win," the president said.'
    _, quotes, sources = resolve(text, ("We will win", "the president"))
    assert (sources[0].name, sources[0].type) == ("the president", "named")


def test_definite_description_of_unnamed_official_merges_with_it():
    text = "A senior official said the talks had failed. The official added that a new round was unlikely."
    _, quotes, sources = resolve(text, ("the talks had failed", "A senior official"),
                                 ("a new round was unlikely", "The official"))
    assert len(sources) == 1
    assert (sources[0].name, sources[0].type) == ("A senior official", "anonymous")
    assert [m.text for m in sources[0].mentions] == ["A senior official", "The official"]


def test_another_source_is_a_different_source():
    text = "A source said the deal was done. Another source said the deal was not done."
    _, quotes, sources = resolve(text, ("the deal was done", "A source"), ("the deal was not done", "Another source"))
    assert len(sources) == 2


def test_same_plural_description_is_one_source():
    text = "Sources said the deal was done. Sources also said the price was high."
    _, quotes, sources = resolve(text, ("the deal was done", "Sources"), ("the price was high", "Sources", 1))
    assert len(sources) == 1


def test_different_descriptions_stay_apart():
    text = "American officials said supplies were arriving. Senior American officials said the efforts were separate."
    _, quotes, sources = resolve(text, ("supplies were arriving", "American officials"),
                                 ("the efforts were separate", "Senior American officials"))
    assert len(sources) == 2


def test_pronoun_with_no_antecedent_is_anonymous():
    text = '"We will see," he said.'
    _, quotes, sources = resolve(text, ("We will see", "he"))
    assert sources[0].type == "anonymous"


def test_they_refers_to_the_group_quoted_before():
    text = "Officials said the road was closed. They added that repairs would take a week."
    _, quotes, sources = resolve(text, ("the road was closed", "Officials"), ("repairs would take a week", "They"))
    assert len(sources) == 1 and sources[0].type == "anonymous"


def test_it_refers_to_the_organisation_quoted_before():
    text = "The company said profits fell. It added that layoffs were planned."
    _, quotes, sources = resolve(text, ("profits fell", "The company"), ("layoffs were planned", "It"))
    assert len(sources) == 1 and sources[0].type == "institutional"


def test_short_outlet_name_merges_with_full_name():
    text = "The New York Post reported that the deal was off. The Post said the buyer had walked away."
    _, quotes, sources = resolve(text, ("the deal was off", "The New York Post"),
                                 ("the buyer had walked away", "The Post"))
    assert len(sources) == 1 and sources[0].name == "The New York Post"


def test_relative_pronoun_refers_to_the_name_before_it():
    text = "The mayor praised Maria Lopez, who said the plan would work."
    _, quotes, sources = resolve(text, ("the plan would work", "who"))
    assert (sources[0].name, sources[0].type) == ("Maria Lopez", "named")


def test_relative_pronoun_after_unnamed_person_is_anonymous():
    text = "The plan was backed by a senior aide, who said it would work."
    _, quotes, sources = resolve(text, ("it would work", "who"))
    assert sources[0].type == "anonymous"


def test_people_sharing_a_surname_stay_apart():
    text = "Eric Trump said the tower was sold. Donald Trump said the tower was not for sale."
    _, quotes, sources = resolve(text, ("the tower was sold", "Eric Trump"),
                                 ("the tower was not for sale", "Donald Trump"))
    assert [s.name for s in sources] == ["Eric Trump", "Donald Trump"]


def test_honorific_gender_picks_between_people_sharing_a_surname():
    text = ("Hillary Clinton said the plan was sound. Bill Clinton said it was late. "
            "Mr. Clinton added that it would still pass.")
    _, quotes, sources = resolve(text, ("the plan was sound", "Hillary Clinton"), ("it was late", "Bill Clinton"),
                                 ("it would still pass", "Mr. Clinton"))
    assert source_of(quotes, sources, "q3").name == "Bill Clinton"


def test_source_ids_follow_first_quote_order():
    text = "Ann Ross said it was cold. Ben Hart said it was warm. Ross said it was very cold."
    _, quotes, sources = resolve(text, ("it was cold", "Ann Ross"), ("it was warm", "Ben Hart"),
                                 ("it was very cold", "Ross", 1))
    assert [q.source_id for q in quotes] == ["s1", "s2", "s1"]
    assert [(s.id, s.name) for s in sources] == [("s1", "Ann Ross"), ("s2", "Ben Hart")]


def test_resolution_returns_new_quotes_and_leaves_inputs_alone():
    from service.engine.document import load
    from service.engine.sources import resolve_sources
    from tests.builders import quote

    text = "Ann Ross said it was cold."
    q = quote(text, "it was cold", "Ann Ross", kind="indirect")
    out, sources = resolve_sources(load(text), [q])
    assert q.source_id is None and out[0].source_id == "s1" and out[0] is not q


def test_pronoun_after_a_surname_alone_takes_the_full_name_from_the_text():
    text = ("Ana Ruiz met her rival, Carla Diaz, at a debate in Austin.\n\n"
            "Diaz hit back. She said Ruiz had never run anything.")
    _, quotes, sources = resolve(text, ("Ruiz had never run anything", "She"))
    assert (source_of(quotes, sources, "q1").name, source_of(quotes, sources, "q1").type) == ("Carla Diaz", "named")


@pytest.mark.parametrize("opener", ["", "Meanwhile, ", "But "])
def test_they_refers_to_the_plural_subject_just_before_rather_than_a_body_quoted_earlier(opener):
    text = ("Northwind Airlines cancelled 300 flights. The airline said staff shortages were to blame.\n\n"
            f"{opener}Harbour residents blocked the road to the terminal. They said the noise was unbearable.")
    _, quotes, sources = resolve(text, ("staff shortages were to blame", "The airline"),
                                 ("the noise was unbearable", "They"))
    assert (source_of(quotes, sources, "q2").name, source_of(quotes, sources, "q2").type) \
        == ("Harbour residents", "anonymous")


def test_a_subordinate_clause_s_subject_is_not_the_antecedent_of_they():
    text = ("The Harbour League said the figures were wrong.\n\n"
            "But when the numbers were revised in June, they showed a smaller gap.")
    _, quotes, sources = resolve(text, ("the figures were wrong", "The Harbour League"),
                                 ("a smaller gap", "they"))
    assert source_of(quotes, sources, "q2").name != "when the numbers"


def test_it_refers_to_the_body_that_opens_the_sentence_before():
    text = ("Northwind Airlines cancelled 300 flights. The airline said staff shortages were to blame.\n\n"
            "The pilots' union disputed that account. It said managers had ignored warnings for months.")
    _, quotes, sources = resolve(text, ("staff shortages were to blame", "The airline"),
                                 ("managers had ignored warnings for months", "It"))
    assert (source_of(quotes, sources, "q2").name, source_of(quotes, sources, "q2").type) \
        == ("The pilots' union", "institutional")


def test_it_still_refers_to_the_body_quoted_last_when_nothing_nearer_opens_a_sentence():
    text = ("Northwind Airlines cancelled 300 flights. The airline said staff shortages were to blame. "
            "It added that refunds would be offered.")
    _, quotes, sources = resolve(text, ("staff shortages were to blame", "The airline"),
                                 ("refunds would be offered", "It"))
    assert source_of(quotes, sources, "q2") is source_of(quotes, sources, "q1")


@pytest.mark.parametrize("named, description", [
    ("Globex Corp", "The company"),
    ("Northwind Airlines", "The airline"),
    ("The Harbour Authority", "The authority"),
])
def test_a_generic_description_refers_to_the_body_named_just_before(named, description):
    text = f"{named} cut 300 jobs on Monday. {description} said demand had fallen."
    _, quotes, sources = resolve(text, ("demand had fallen", description))
    assert (source_of(quotes, sources, "q1").name, source_of(quotes, sources, "q1").type) == (named, "institutional")


def test_the_company_merges_with_the_company_quoted_by_name():
    text = "Globex Corp said demand had fallen. The company said 300 jobs would go."
    _, quotes, sources = resolve(text, ("demand had fallen", "Globex Corp"), ("300 jobs would go", "The company"))
    assert len(sources) == 1 and sources[0].name == "Globex Corp"


def test_a_generic_description_does_not_reach_a_body_of_another_kind():
    text = "The Harbour Authority closed the port on Monday. The company said demand had fallen."
    _, quotes, sources = resolve(text, ("demand had fallen", "The company"))
    assert source_of(quotes, sources, "q1").name == "The company"


def test_a_description_naming_a_person_is_not_that_person():
    text = ("Ana Ruiz toured the harbour on Monday.\n\n"
            "The senior Ruiz adviser said the visit had gone well.")
    _, quotes, sources = resolve(text, ("the visit had gone well", "The senior Ruiz adviser"))
    assert source_of(quotes, sources, "q1").name != "Ana Ruiz"


def test_a_description_by_its_relation_to_him_is_not_him():
    text = ("Tom Hale toured the harbour on Monday.\n\n"
            "His chief adviser said the visit had gone well.")
    _, quotes, sources = resolve(text, ("the visit had gone well", "His chief adviser"))
    assert source_of(quotes, sources, "q1").name == "His chief adviser"


def test_a_bare_unique_title_is_not_the_nearest_person_named():
    text = ("Developer Tom Hale wants to build a casino on the pier.\n\n"
            "The mayor said the plan would bring jobs.")
    _, quotes, sources = resolve(text, ("the plan would bring jobs", "The mayor"))
    assert (source_of(quotes, sources, "q1").name, source_of(quotes, sources, "q1").type) == ("The mayor", "named")


def test_a_unique_title_with_a_modifier_is_the_person_named_before():
    text = ("Tom Hale won the primary on Tuesday.\n\n"
            "The Harbour Party nominee said the plan would bring jobs.")
    _, quotes, sources = resolve(text, ("the plan would bring jobs", "The Harbour Party nominee"))
    assert source_of(quotes, sources, "q1").name == "Tom Hale"


def test_a_bare_title_refers_to_the_person_an_appositive_gives_it():
    text = ("Mark Olsen, the chief executive of Globex, defended the plan on Monday.\n\n"
            "The CEO said costs would fall next year.")
    _, quotes, sources = resolve(text, ("costs would fall next year", "The CEO"))
    assert source_of(quotes, sources, "q1").name == "Mark Olsen"


def test_a_clause_before_a_name_is_no_appositive():
    text = ("Shortly after the mayor closed the pier, Tom Hale sold his boat.\n\n"
            "The mayor said the pier would reopen in May.")
    _, quotes, sources = resolve(text, ("the pier would reopen in May", "The mayor"))
    assert source_of(quotes, sources, "q1").name == "The mayor"


def test_given_name_alone_is_an_antecedent():
    text = 'Corinne thought the whole plan was absurd.\n\n"It never crossed my mind," she said.'
    _, quotes, sources = resolve(text, ("It never crossed my mind", "she"))
    assert (sources[0].name, sources[0].type) == ("Corinne", "named")


def test_pronoun_skips_sentences_led_by_a_pronoun():
    text = 'John Kerry arrived on Monday. He met Sergei Lavrov at noon. "We are close," he said.'
    _, quotes, sources = resolve(text, ("We are close", "he"))
    assert sources[0].name == "John Kerry"


def test_names_do_not_run_across_sentences():
    text = 'Crowds moved to the West. Frances Dole spoke last.\n\n"It will work," she said.'
    _, quotes, sources = resolve(text, ("It will work", "she"))
    assert sources[0].name == "Frances Dole"


def test_capitalised_role_before_a_given_name_is_not_part_of_the_name():
    text = 'Comedian Nora Vance took the stage.\n\n"We are ready," she said.'
    _, quotes, sources = resolve(text, ("We are ready", "she"))
    assert sources[0].name == "Nora Vance"


def test_one_mention_shared_by_two_quotes_is_listed_once():
    text = '"We are ready," Ann Ross said, adding that the team was "in good shape."'
    _, quotes, sources = resolve(text, ("We are ready", "Ann Ross"), ("in good shape.", "Ann Ross"))
    assert [m.text for m in sources[0].mentions] == ["Ann Ross"]
    assert sources[0].quote_ids == ("q1", "q2")


def test_pronoun_reaches_past_the_window_for_a_person_named_earlier():
    text = ("Maria Lopez runs the clinic.\n\nThe building is old.\n\nThe roof leaks.\n\nThe boiler is broken.\n\n"
            '"We need help," she said.')
    _, quotes, sources = resolve(text, ("We need help", "she"))
    assert (sources[0].name, sources[0].type) == ("Maria Lopez", "named")


def test_family_name_first_merges_with_its_first_word():
    text = "Xi Jinping said the talks were useful. Xi said trade would grow."
    _, quotes, sources = resolve(text, ("the talks were useful", "Xi Jinping"), ("trade would grow", "Xi", 1))
    assert len(sources) == 1 and sources[0].name == "Xi Jinping"


def test_name_with_particles_is_one_name():
    text = 'Ursula von der Leyen spoke first.\n\n"Europe is ready," she said.'
    _, quotes, sources = resolve(text, ("Europe is ready", "she"))
    assert sources[0].name == "Ursula von der Leyen"


def test_epithet_refers_to_the_person_named_before():
    text = "Donald Trump spoke in Ohio on Monday. The businessman said the plant would reopen."
    _, quotes, sources = resolve(text, ("the plant would reopen", "The businessman"))
    assert (sources[0].name, sources[0].type) == ("Donald Trump", "named")


def test_unnamed_person_described_by_a_lexicon_noun_stays_anonymous():
    text = "Donald Trump spoke in Ohio on Monday. The woman said the plant would reopen."
    _, quotes, sources = resolve(text, ("the plant would reopen", "The woman"))
    assert sources[0].type == "anonymous"


@pytest.mark.parametrize("body, pronoun", [("The Pentagon", "It"), ("The Democrats", "They")])
def test_it_and_they_refer_to_an_organisation_named_in_the_text(body, pronoun):
    text = f"{body} released new figures on Monday. {pronoun} said the drills would continue."
    _, quotes, sources = resolve(text, ("the drills would continue", pronoun))
    assert (sources[0].name, sources[0].type) == (body, "institutional")


def test_they_does_not_refer_to_a_country():
    text = "Officials in Mexico conducted polls in the United States. They said the outreach worked."
    _, quotes, sources = resolve(text, ("the outreach worked", "They"))
    assert sources[0].type == "anonymous"


def test_organisation_named_in_the_text_merges_with_its_later_quotes():
    text = ("The State Department issued a warning. It said travel was unsafe. "
            "The State Department said the embassy would stay open.")
    _, quotes, sources = resolve(text, ("travel was unsafe", "It"),
                                 ("the embassy would stay open", "The State Department", 1))
    assert len(sources) == 1 and sources[0].type == "institutional"


def test_surname_that_is_also_a_demonym():
    text = 'Mark Cuban spoke at the rally.\n\n"He is not a serious man," Cuban said.'
    _, quotes, sources = resolve(text, ("He is not a serious man", "Cuban", 1))
    assert (sources[0].name, sources[0].type) == ("Mark Cuban", "named")
