"""Figures, round 5: rules that test what a number is (invented examples, none copied from the corpus)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb, a pronoun or an adverb in -o/-a after a number above one: no counted noun agrees with it
        ("Dei 40 soci, 18 frequentano la sede ogni settimana.", [(40, "soci", None)]),
        ("Il nuovo abbonamento da 35 costa meno del vecchio.", []),
        ("Le tre scuole hanno 24 aule, 8 ciascuna.", [(3, "scuole", None), (24, "aule", None)]),
        # invariable nouns and plurals in -a still count
        ("Rubate 12 auto e 30 paia di scarpe.", [(12, "auto", None), (30, "paia", None)]),
        ("Il fotografo ha esposto 45 foto.", [(45, "foto", None)]),
    ],
)
def test_singular_word_after_a_plural_number(text, expected):
    assert values(text) == expected


def test_time_adverbs_are_no_counted_noun():
    assert values("Dal porto ne sono partiti 60 ieri e altri 20 oggi.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # millions of people or things: the noun after an article, or the noun of the clause before the verb
        ("In regione sono quasi 1,4 milioni i pendolari.", (1400000, "pendolari", "quasi")),
        ("Quest'anno i viaggiatori sono stati 3,2 milioni.", (3200000, "viaggiatori", None)),
        ("Il numero degli iscritti è salito a 1,1 milioni.", (1100000, "iscritti", None)),
        # the same shapes with a noun of money stay euro
        ("Le entrate sono state 3,2 milioni.", (3200000, "euro", None)),
        ("Gli interessi netti sono pari a 2.300 milioni.", (2300000000, "euro", None)),
        ("Sono 4 milioni i fondi stanziati.", (4000000, "euro", None)),
    ],
)
def test_millions_of_a_counted_noun(text, expected):
    assert values(text) == [expected]


def test_the_nearest_subject_counts():
    # "il numero dei …" nearest to the number, not the noun that opened the sentence
    text = "Secondo i rilievi del ministero il numero degli sfollati è pari a 12.400."
    assert values(text) == [(12400, "sfollati", None)]
    # a noun after "di" completes the subject before it: "le vittime delle truffe"
    assert values("Per gli inquirenti le vittime delle truffe sono state oltre trecento.") == [
        (300, "vittime", "oltre")
    ]


def test_a_distance_in_km_is_a_quantity_a_marker_is_not():
    assert values("Il nuovo tratto di argine è lungo 9 km.") == [(9, "km", None)]
    assert values("Un tamponamento al km 41 della statale.") == []


def test_a_share_with_a_small_base_is_no_count():
    assert values("Ormai 3 su 4 le imprese cercano tecnici.") == []
    assert values("Hanno risposto 30 aziende su 90.") == [(30, "aziende", None), (90, "aziende", None)]  # stop 41


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Tari ha portato entrate pari a 3.215.000 nel bilancio.", (3215000, "euro", None)),
        ("Il costo dell'intervento è di 84.500,00, a carico del Comune.", (84500.0, "euro", None)),
        ("La spesa complessiva ammonta a circa 640.000.", (640000, "euro", "circa")),
    ],
)
def test_a_bare_amount_told_as_the_value_of_money(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "sono N, <insert>, i X": the subject after an insert between commas or brackets
        ("In provincia sono 1.250, secondo la Prefettura, i profughi accolti.", (1250, "profughi", None)),
        ("Sono infatti 7 (di cui 2 donne) gli indagati per la truffa.", (7, "indagati", None)),
        ("Erano quasi 300, ma il numero cresce, i “portoghesi” sui bus.", (300, "portoghesi", "quasi")),
    ],
)
def test_inverted_subject_after_an_insert(text, expected):
    assert expected in values(text)


def test_no_subject_after_an_insert_without_the_verb_of_being():
    assert values("Ne ha contati 40, a suo dire, i vigili.") == []


def test_an_emission_class_is_no_amount():
    assert values("Da lunedì stop ai furgoni diesel Euro 4 in centro.") == []
    assert values("Il blocco vale anche per le auto a benzina euro 2.") == []
    # after a preposition the word euro still prints an amount first
    assert values("Il biglietto ridotto costa la somma di euro 5.") == [(5, "euro", None)]
    assert values("Prezzo: euro 3,50 a persona.") == [(3.5, "euro", None)]


def test_a_score_is_no_range():
    assert values("La Virtus ha battuto la capolista 3 a 1 davanti a 800 tifosi.") == [(800, "tifosi", None)]
    assert values("I posti passano da 6 a 9.") != []


def test_temporal_adjectives_are_no_counted_noun():
    # "ai 12 attuali" (days): the noun is elided, the adjective is no unit
    assert values("Le attese sono scese dai 60 giorni di gennaio ai 12 attuali.") == []
    assert values("Si passa dalle 15 ore settimanali alle 10 odierne.") == []


def test_a_leading_di_after_a_duration_is_no_noun():
    assert values("Attese passate dai 45, 50 e 38 giorni di degenza, ai 20, 25 e 19.") == []


def test_digits_after_a_definite_article_repeat_a_quantity_told():
    text = "L'azienda ha 148 dipendenti. Per i 148 operai il sindacato chiede garanzie."
    assert values(text) == [(148, "dipendenti", None)]
    # a share or an amount with the same value is another quantity
    text = "Il 30% dei soci ha votato. Ai 30 soci presenti è andato un premio."
    assert (30, "soci", None) in values(text)


def test_a_currency_sign_before_the_number_names_its_unit():
    assert values("Con la delibera sono stati assegnati € 250.000 stanziati dalla Regione.") == [(250000, "euro", None)]


def test_a_noun_after_a_preposition_is_no_subject():
    # "per i controlli" completes "gli agenti in servizio"; the subject is out of reach: no unit rather than a wrong one
    text = "Gli agenti in servizio nelle ore serali sul territorio comunale per i controlli straordinari erano 48."
    assert values(text) == []
    assert values("I posti ancora liberi risultano essere 7.") == [(7, "posti", None)]


def test_an_elided_function_word_is_no_counted_noun():
    assert values("Le iscrizioni: 8.400 quest'anno, poche rispetto al passato.") == []


def test_a_base_with_a_unit_of_measure_is_no_proportion():
    assert values("Il vivaio conta 2.300 piante su 4 ettari.") == [(2300, "piante", None), (4, "ettari", None)]
    assert values("Ormai 2 famiglie su 5 rinunciano alle cure.") == []


@pytest.mark.parametrize(
    "text",
    [
        "I lavori ammontano a 3 milioni.",
        "Gli interventi previsti sono pari a 2,5 milioni.",
        "I progetti finanziati arrivano a 12 milioni.",
    ],
)
def test_verbs_of_amounts_keep_millions_money(text):
    assert [u for _, u, _ in values(text)] == ["euro"]


def test_the_clerks_n_before_a_count():
    assert values("Nel furgone sono stati trovati n. 6 pneumatici rubati.") == [(6, "pneumatici", None)]
    assert values("Denunciate nr. 3 persone per furto.") == [(3, "persone", None)]
    # a law, an act or an address keeps its number
    assert values("Con ordinanza n. 12 persone e mezzi non potranno transitare.") == []
    assert values("Abita al n. 7 di piazza Garibaldi.") == []


def test_a_unit_of_measure_printed_before_the_number():
    assert values("Nel garage i militari hanno rinvenuto kg 3,2 di hashish e gr. 40 di cocaina.") == [
        (3.2, "kg", None),
        (40, "gr", None),
    ]
    assert values("Al km 12 della provinciale un tamponamento.") == []
    assert values("Il progetto LT 2 è partito.") == []


def test_a_clause_that_moves_the_figure_just_told():
    assert (30, "posti", None) in values("Il nido aveva 18 posti, si passa a 30.")
    assert (410, "iscritti", None) in values("Gli iscritti erano 380; ora salgono a 410.")
    # a clause that goes on after the number has its own noun
    assert (12, "iscritti", None) not in values("Gli iscritti sono 300, sale a 12 il numero delle classi.")


def test_a_number_after_a_weekday_is_a_date():
    assert values("La sagra riprende venerdì 14 con 30 stand gastronomici.") == [(30, "stand", None)]


def test_digits_after_a_demonstrative_repeat_a_quantity_told():
    text = "Il concerto ha richiamato 40mila presenze. Se queste 40mila persone spendessero 20 euro a testa…"
    assert values(text) == [(40000, "presenze", None), (20, "euro", None)]


def test_a_spaced_minus_after_a_colon_or_bracket_is_kept():
    assert values("Furti in casa: - 18%, scippi (- 9%).") == [(-18, "%", None), (-9, "%", None)]
    # a dash between words is punctuation
    assert values("Ancona - 12% dei nuclei in povertà.") == [(12, "%", None)]


def test_attestarsi_names_the_count_before_it():
    assert values("Il numero complessivo dei ricoveri si è attestato a 860, in lieve calo.") == [
        (860, "ricoveri", None)
    ]


def test_and_a_half_after_a_count_with_its_noun_before():
    assert (7.5, "tonnellate", None) in values("Le tonnellate raccolte a maggio sono state 7 e mezzo.")


def test_circa_after_the_number_then_the_subject():
    assert values("Erano 2.000 circa le persone in piazza.") == [(2000, "persone", None)]
    # a noun of money as the subject of a large amount is euro; a few of them are a count
    assert values("Sono 45.000 circa gli incassi della serata.") == [(45000, "euro", None)]
    assert values("Sono 3 i finanziamenti ottenuti.") == [(3, "finanziamenti", None)]
