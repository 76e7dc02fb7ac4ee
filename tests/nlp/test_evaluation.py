"""tests/nlp/evaluation.py: how a predicted city and a figure's unit are compared with the gold."""

from tests.nlp.evaluation import same_city, unit_matches


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


def test_the_sides_of_a_vote_are_one_unit_however_written():
    assert unit_matches("voti favorevoli", "sì") and unit_matches("favorevoli", "voti a favore")
    assert unit_matches("voti contrari", "no") and unit_matches("contrari", "voti contrari")
    assert not unit_matches("voti contrari", "voti favorevoli")  # near miss: the other side
    assert not unit_matches("sì", "astenuti")


def test_extra_words_before_or_after_the_noun_are_the_same_unit():
    assert unit_matches("persone", "persone migranti")  # after, as before stop 44
    assert unit_matches("posti", "nuovi posti") and unit_matches("giovani disoccupati", "disoccupati")
    assert not unit_matches("posti letto", "letti bis")  # near miss: no run of the same words
    assert not unit_matches("euro", "persone")
