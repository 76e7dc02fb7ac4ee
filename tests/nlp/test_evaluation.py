"""tests/nlp/evaluation.py: how a predicted city is compared with the gold."""

from tests.nlp.evaluation import same_city


def test_the_same_name_in_any_case_or_accents_is_the_same_city():
    assert same_city("Noicattaro", "Noicàttaro")
    assert same_city(None, None) and same_city(None, "")


def test_the_gold_s_other_spelling_of_the_named_comune_counts():
    assert same_city("Cocquio-Trevisago", "Cocquio Trevisago")  # the hyphen of a merged comune
    assert same_city("Salorno sulla strada del vino", "Salorno")  # the short form of a long name


def test_another_comune_a_quarter_or_no_city_does_not_count():
    assert not same_city("Roma", "Ostia")  # a quarter is not its comune
    assert not same_city("Salorno sulla strada del vino", "Bolzano")
    assert not same_city("Roma", None) and not same_city(None, "Roma")
