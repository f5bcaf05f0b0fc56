"""The given-names lexicon: its format, its reach beyond English names, and the
pronoun agreement it makes possible for people from anywhere."""
import re
from collections import Counter

import pytest

from service.engine.lexicon import resources, table, words
from tests.builders import resolve

NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|['\-](?=[^\W\d_]))*$")


def _lines() -> list[str]:
    text = resources.files("service.engine.lexicon").joinpath("first_names.txt").read_text("utf-8")
    return text.splitlines()


def _entries() -> list[list[str]]:
    return [line.split("\t") for line in _lines() if line.strip() and not line.startswith("#")]


def test_given_names_say_where_they_come_from():
    first = _lines()[0]
    assert first.startswith("# ") and "compiled by the Sourcecheck team from general knowledge" in first
    assert "sorted alphabetically" in first


def test_every_given_name_line_has_exactly_two_tab_separated_columns():
    assert [cols for cols in _entries() if len(cols) != 2] == []


def test_every_given_name_has_gender_m_f_or_u():
    assert {g for _, g in _entries()} <= {"m", "f", "u"}


def test_given_names_are_capitalised_letters_hyphens_and_apostrophes():
    bad = [n for n, _ in _entries() if not (n[:1].isupper() and NAME.match(n))]
    assert bad == []


def test_each_given_name_is_listed_once():
    counts = Counter(n for n, _ in _entries())
    assert [n for n, c in counts.items() if c > 1] == []


def test_given_names_cover_the_world():
    assert len(_entries()) >= 5000


def test_given_names_that_are_countries_or_capitals_are_not_people_alone():
    # "Jordan", "Chad", "Sofia": kept because they are common names, but never a person on their own
    countries, alone = table("countries"), words("name_words")
    assert [n for n in table("first_names") if n.lower() in countries and n not in alone] == []


@pytest.mark.parametrize("name, gender", [
    ("Siobhan", "f"), ("Declan", "m"),                  # Ireland
    ("Ximena", "f"), ("Joaquim", "m"),                  # Latin America, Portugal
    ("Ségolène", "f"), ("Jürgen", "m"), ("Sanne", "f"), ("Mikkel", "m"),   # France, Germany, Netherlands, Nordics
    ("Oksana", "f"), ("Volodymyr", "m"), ("Małgorzata", "f"),              # Eastern Europe
    ("Eleni", "f"), ("Zeynep", "f"), ("Ekrem", "m"),    # Greece, Turkey
    ("Fatemeh", "f"), ("Youssef", "m"),                 # Iran, the Arab world
    ("Priya", "f"), ("Sourav", "m"), ("Kanimozhi", "f"), ("Chiranjeevi", "m"), ("Jagmeet", "m"), ("Mehwish", "f"),
    ("Xiaoming", "m"), ("Wei", "u"), ("Aiko", "f"), ("Min-jun", "m"), ("Ji-woo", "u"),   # East Asia
    ("Huong", "f"), ("Somchai", "m"), ("Imelda", "f"), ("Megawati", "f"),              # Southeast Asia
    ("Oluwaseun", "m"), ("Chiamaka", "f"), ("Hauwa", "f"), ("Wanjiku", "f"), ("Thandiwe", "f"),
    ("Tigist", "f"), ("Akosua", "f"), ("Kwame", "m"),   # Sub-Saharan Africa
    ("Wiremu", "m"), ("Aroha", "f"), ("Sione", "m"),    # Maori, Pacific
])
def test_given_names_from_each_region_carry_their_usual_gender(name, gender):
    assert table("first_names")[name] == (gender,)


PAIRS = [("Ngozi Eze", "Chidi Obi"), ("Priya Nair", "Arjun Rao"), ("Aiko Sato", "Kenji Ito"),
         ("Seo-yeon Park", "Min-jun Choi"), ("Fatemeh Rahimi", "Reza Karimi"), ("Oksana Kovalenko", "Taras Melnyk"),
         ("Zeynep Arslan", "Emre Demir"), ("Thandiwe Dlamini", "Sipho Nkosi"), ("Xiaoling Zhang", "Jianguo Wang"),
         ("Huong Tran", "Tuan Le"), ("Aroha Ngata", "Wiremu Parata"), ("Fatoumata Diallo", "Mamadou Sow")]


@pytest.mark.parametrize("woman, man", PAIRS)
@pytest.mark.parametrize("woman_first", [True, False])
@pytest.mark.parametrize("pronoun", ["she", "he"])
def test_pronoun_agrees_with_the_gender_of_a_given_name_from_anywhere(woman, man, woman_first, pronoun):
    first, second = (woman, man) if woman_first else (man, woman)
    text = f'{first} met {second} on Friday. "It went well," {pronoun} said.'
    _, quotes, sources = resolve(text, ("It went well", pronoun))
    assert sources[0].name == (woman if pronoun == "she" else man)
