"""Figures: digits and words, qualifiers, counted nouns, and what is not a figure."""

from __future__ import annotations

import pytest

from rassegna.domain import Figure
from rassegna.nlp.figures import extract_figures
from tests.nlp.invented import values


def test_words_and_digits():
    assert values("Il progetto coinvolge sedici Comuni.") == [(16, "Comuni", None)]
    assert extract_figures("Sono oltre cento nuclei familiari.") == [
        Figure(100, "nuclei familiari", "oltre", "oltre cento nuclei familiari")
    ]
    assert values("sono oltre cento i nuclei familiari che") == [(100, "nuclei familiari", "oltre")]
    assert values("hanno trovato casa 160 persone.") == [(160, "persone", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("un lettorato di 1.641.811 lettori", (1641811, "lettori", None)),
        ("un centinaio di persone", (100, "persone", "circa")),
        ("una decina di volontari", (10, "volontari", "circa")),
        ("raccolti 8mila euro", (8000, "euro", None)),
        ("più di 20 famiglie", (20, "famiglie", "più di")),
        ("quasi 2.000 pasti", (2000, "pasti", "quasi")),
        ("almeno 12 tirocini", (12, "tirocini", "almeno")),
        ("ben 41 beneficiari", (41, "beneficiari", "ben")),
        ("circa 60 di minore età", (60, "minori", "circa")),
        ("tre Unità mobili", (3, "Unità mobili", None)),
        ("32 posti letto", (32, "posti letto", None)),
    ],
)
def test_forms(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "finanziato dal Fondo FAMI 2014-2020 e dal FAMI 2021-2027.",
        "(ANSA) - TORINO, 18 OTT - Ha fatto tappa.",
        "MILANO, 25 ottobre 2023 – Intercettare i migranti.",
        "Vivere Umbria 23/10/2023 - Intercettare.",
        "Edizione delle ore 19:30, intervista dal minuto 12.14.",
        "Per informazioni tel. 06 1234567 oppure 333 1234567.",
        "in via Milazzo 12 e in Corso Vittorio 343 facenti capo al centro",
        "per un periodo massimo di sei mesi, due giorni di formazione",
        "Distretto Latina 2, ASL Roma 1, ASL Roma2, USL LT2, Padiglione 17, LgNet 2 e LgNet2",
        "si focalizza su tre ambiti di azione. Tre gli ambiti di azione.",
        "in una serie di video pillole, un'equipe, uno sportello",
        "Nel 2023 sono stati molti.",
    ],
)
def test_not_figures(text):
    assert extract_figures(text) == []


def test_network_elided_noun():
    assert values("Il Comune di Taranto è tra i sedici che risultano coinvolti.") == [(16, "Comuni", None)]


def test_one_entry_per_value_and_unit_most_specific_mention():
    text = "per un totale di 60 persone. Ha visto il coinvolgimento di oltre 60 persone migranti."
    assert extract_figures(text) == [Figure(60, "persone", "oltre", "oltre 60 persone migranti")]


def test_other_network():
    assert extract_figures("che coinvolge anche Taranto, insieme con altri 16 Comuni.") == [
        Figure(16, "Comuni", None, "altri 16 Comuni")
    ]


def test_number_after_place_name_counts():
    assert values("Il progetto ha coinvolto a Caserta 150 migranti.") == [(150, "migranti", None)]


def test_compound_units():
    assert values("sono state attivate due unità di strada") == [(2, "unità di strada", None)]
    assert values("curati 5 cimiteri e accolte 45 donne") == [(5, "cimiteri", None), (45, "donne", None)]
    assert values("In totale 250 ore di formazione.") == []


def test_generalised_shapes():
    from rassegna.nlp.figures import extract_figures

    def got(text):
        return [(f.value, f.unit) for f in extract_figures(text)]

    assert got("Complessivamente i beneficiari sono stati oltre mille.") == [(1000, "beneficiari")]
    assert got("Il Comune è uno dei sedici della rete.") == [(16, "Comuni")]
    assert got("Attiva tre sere a settimana, ha preso 430 presi in carico.") == []
    assert got("In via Nazionale 5, 30 volontari hanno aiutato.") == [(30, "volontari")]


def test_percentages_are_figures_with_unit_percent():
    assert extract_figures("il 45% delle persone e il 12 per cento dei nuclei") == [
        Figure(45, "%", None, "45%"),
        Figure(12, "%", None, "12 per cento"),
    ]
    assert values("oltre il 30,5 percento") == [(30.5, "%", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ora il numero degli elettori scende a 1008 così come il quorum.", (1008, "elettori", None)),
        ("Per la minoranza, invece, i seggi sono quindi 7 con la lista civica.", (7, "seggi", None)),
        ("la Finanza ha scoperto che le vittime delle frodi sono state oltre mille.", (1000, "vittime", "oltre")),
        ("un aumento di posti letto, pari a 123 totali.", (123, "posti letto", None)),
    ],
)
def test_counted_noun_before_the_number(text, expected):
    assert expected in values(text)


def test_range_closing_a_clause_takes_the_noun_before_it():
    text = "l'aumento delle strutture complesse, che passeranno da 14 a 17, e dei posti letto."
    assert values(text) == [(14, "strutture", None), (17, "strutture", None)]


def test_subjectless_clause_takes_the_previous_figures_unit():
    text = "L'anno scorso 1.577 utenti. Quest'anno sono stati 3.276. E la quota non considera gli studenti."
    assert values(text) == [(1577, "utenti", None), (3276, "utenti", None)]


def test_a_number_closing_a_clause_with_no_noun_anywhere_is_no_figure():
    assert values("Il risultato finale è stato 3 a 1. Sono stati 12.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I ricavi aggregati salgono a 16,1 mld.", (16100000000, "euro", None)),
        ("il numero di posti complessivi previsti era di 3.530.", (3530, "posti", None)),
        ("In tutto 334 sono stati gli interventi dei vigili.", (334, "interventi", None)),
        ("La fiducia passa con 321 sì e 259 no.", (321, "voti favorevoli", None)),
        ("La fiducia passa con 321 sì e 259 no.", (259, "voti contrari", None)),
    ],
)
def test_more_forms(text, expected):
    assert expected in values(text)


def test_range_with_a_multiplier_glued_to_the_second_number():
    assert (250000, "voti", None) in values("Gli mancano tra 250 e 300mila voti.")


def test_weekdays_counted_are_durations():
    assert values("Gli incontri si svolgeranno in tre domeniche di novembre.") == []


def test_an_adjective_that_ends_its_clause_is_the_counted_noun():
    (f,) = extract_figures("Ieri quattro giovani sono stati denunciati dai carabinieri.")
    assert (f.value, f.unit) == (4, "giovani")
    (f,) = extract_figures("Sono arrivate 8 nuove imbarcazioni.")
    assert (f.value, f.unit) == (8, "imbarcazioni")


def test_lengths_and_surfaces_are_quantities_with_a_unit():
    figures = {(f.value, f.unit) for f in extract_figures("Una sala di 120 metri quadrati, alta 7 metri.")}
    assert figures == {(120, "metri"), (7, "metri")}


def test_an_article_or_mezzo_before_milione_is_one_or_half_a_million():
    assert values("L'importo è di poco superiore al milione di euro.") == [(1000000, "euro", None)]
    assert values("Servono mezzo milione di euro per la scuola.") == [(500000, "euro", None)]


def test_a_lower_case_a_or_e_glued_to_a_number_is_a_missing_space():
    assert (2073793.85, "euro", None) in values("Un valore stimato pari a2.073.793,85 euro per i servizi.")
    assert (12, "feriti", None) in values("Nello scontro 3 morti e12 feriti.")
    assert values("Il sistema a2 funziona.") == []  # one digit: a name


def test_a_part_of_a_real_total_counts_but_a_ratio_does_not():
    # the whole after a bare "su" counts too (stop 41, F3): the annotators list it
    assert values("La crisi coinvolgerebbe 30 lavoratori su 90.") == [
        (30, "lavoratori", None),
        (90, "lavoratori", None),
    ]
    assert values("Otto italiani su 10 leggono.") == []
    assert values("Due persone su tre non votano.") == []


def test_the_counted_noun_before_a_copula_whose_clause_goes_on():
    text = "Di questi i minori non accompagnati sono 12.330 e c'è bisogno di strutture."
    assert values(text) == [(12330, "minori", None)]
    assert (10, "persone", None) in values("Sono tra 10 e 20 persone.")  # a range stays a range


def test_a_part_of_a_counted_whole_takes_its_noun():
    assert (3, "persone", None) in values("Anche tre delle nove persone dell'équipe erano presenti.")


def test_a_bracketed_comparison_and_a_year_shaped_count_after_its_noun():
    text = "La Caritas ha incontrato 1.327 persone (lo scorso anno erano 1172) nei suoi centri."
    assert (1172, "persone", None) in values(text)
    assert values("Il totale dei beneficiari diretti e indiretti è 1971.") == [(1971, "beneficiari", None)]
    assert values("La legge è del 1971.") == []


def test_a_printed_minus_before_a_count_is_kept():
    assert values("Un calo di 138mila attività (-148mila occupati).") == [
        (138000, "attività", None),
        (-148000, "occupati", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # compound amounts
        ("La Regione stanzia un milione e duecentomila euro per le scuole.", (1200000, "euro", None)),
        ("Al Comune vanno 2 milioni 450mila euro per la palestra.", (2450000, "euro", None)),
        ("la spesa è di 3 milioni e 12.500,50 euro in tutto", (3012500.5, "euro", None)),
        ("Mancano ancora tre milioni e mezzo, da trovare entro l'estate.", (3500000, "euro", None)),
        ("Il bando vale 12.5 milioni di euro.", (12500000, "euro", None)),
        ("sequestrati 3, 4 chilogrammi di hashish", (3.4, "chilogrammi", None)),
        ("il bilancio prevede 2,3 miliardi di investimenti nel triennio", (2300000000, "euro", None)),
        ("con un contributo complessivo di euro 1.250,00 alla parrocchia", (1250, "euro", None)),
        ("un finanziamento di 48.000 € per il centro", (48000, "euro", None)),
        ("il rimborso va da 200 a 2 mila euro a famiglia", (200, "euro", None)),
        ("il Comune ha speso 80 mila euro per la scuola e 20 mila per la mensa", (20000, "euro", None)),
        ("multe da un minimo di 300 a un massimo di 5 mila euro", (300, "euro", None)),
        # votes, crowds, wholes, one unit of measure
        ("Il bilancio passa con 18 sì e 7 no.", (18, "voti favorevoli", None)),
        ("Il bilancio passa con 18 sì e 7 no.", (7, "voti contrari", None)),
        ("Alla fiaccolata erano in oltre tremila lungo il corso.", (3000, "persone", "oltre")),
        ("Alla fiaccolata erano quasi in mille.", (1000, "persone", "quasi")),
        ("la polizia ha fermato 41 su 57 pullman diretti allo stadio", (41, "pullman", None)),
        ("lo spoglio è concluso in 612 sezioni su 612", (612, "sezioni", None)),
        ("nello zaino c'era quasi un chilo di marijuana", (1, "chilo", "quasi")),
        ("sequestrati tre chili e mezzo di hashish", (3.5, "chili", None)),
        ("nel furgone 12 Kg di hashish", (12, "Kg", None)),
        ("le due sedi hanno accolto circa 2000 visitatori ciascuna", (2000, "visitatori", "circa")),
        ("la mostra ha avuto 2000 visitatori", (2000, "visitatori", None)),
        # the noun told before the number
        ("i volontari impegnati ogni sera in stazione sono circa 45.", (45, "volontari", "circa")),
        ("il numero complessivo dei posti messi a bando è di 1.250, più dell'anno scorso", (1250, "posti", None)),
        ("il numero dei contagi sale a 310 dall'inizio del mese", (310, "contagi", None)),
        ("Sette invece le scuole chiuse per neve.", (7, "scuole", None)),
        ("Nelle prime due ore 300 visite, per un totale di 1.100 nei tre giorni.", (1100, "visite", None)),
        ("La sala tiene 200 persone: ieri ce n'erano almeno 500.", (500, "persone", "almeno")),
        ("Il gruppo di medici volontari, dodici in totale, ha visitato", (12, "medici", None)),
        ("Approvato con 20 voti favorevoli, i contrari 4, gli astenuti 2.", (2, "astenuti", None)),
        ("la giunta ha scelto tre di questi progetti", (3, "progetti", None)),
        ("I morti sono saliti a 9 e i feriti sono 30.", (9, "morti", None)),
        ("Il numero dei ricoveri è salito a 1.420.", (1420, "ricoveri", None)),
        ("I vigili hanno multato 80 automobilisti e ne hanno fermati 12.", (12, "automobilisti", None)),
        ("sono arrivate le nuove panchine del parco, dodici in tutto tra legno e metallo", (12, "panchine", None)),
        ("Gli operai aspettano gli stipendi arretrati (ben quattro) dall'azienda.", (4, "stipendi", "ben")),
        ("Il biglietto costa Euro 5,00 per gli adulti.", (5, "euro", None)),
        ("Alle urne sono andati 2.345 elettori su 5.678 aventi diritto.", (2345, "elettori", None)),
        ("Alle urne sono andati 2.345 elettori su 5.678 aventi diritto.", (5678, "aventi diritto", None)),
        # points among percentages, places called points
        ("Il sindaco ha il 54,2% e lo sfidante è a nove punti di distanza.", (9, "punti percentuali", None)),
        ("La catena conta 1.200 punti vendita in Italia.", (1200, "punti vendita", None)),
        ("pari al 3 per mille del bilancio", (3, "per mille", None)),
        # a capitalised number word after a headline line with no full stop
        ("Nuovi arrivi in città  Venti migranti sono stati accolti ieri.", (20, "migranti", None)),
    ],
)
def test_round_three_forms(text, expected):
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("gli agenti hanno fermato i sospetti dei due ragazzi", 2),
        ("queste tre straordinarie figure del Novecento", 3),
        ("il 5 per mille dell'Irpef va al Comune", 5),
        ("il 5 per mille dell'Irpef va al Comune", 1000),
        ("progetti per i migranti under 18 soli", 18),
        ("un italiano su dieci vive da solo", 10),
        ("il 118 intervenuto sul posto", 118),
        ("la moto a due ruote si è ribaltata", 2),
        ("Enel sale in classifica (+3 posizioni)", 3),
        ("le lastre sono andate in mille pezzi", 1000),
        ("sono 7 all'opposizione e 12 alla maggioranza", 7),
        ("i laboratori sono 12, di cui 5 dedicati ai bambini", 5),
        ("La legge 194 compie gli anni.", 194),
        ("come prevede la delibera 45 della giunta", 45),
        ("Incidente al chilometro 300 della A1", 300),
        ("Mille grazie a chi ha donato.", 1000),
        ("in piazza il raduno delle 500 Abarth e delle Vespa", 500),
        ("Nel 2000 visitatori e residenti erano pochi.", 2000),
        ("il piano vale fino al 2030 euro e progetti compresi", 2030),
        ("È tra i primi cinque festival d'Italia.", 5),
        ("Missione 4 Istruzione e ricerca: 2 milioni di euro.", 4),
        ("Il 12 suoneremo in piazza, il 13 balleremo.", 12),
        ("Erano sei, nove contando gli ospiti.", 9),
        ("il contributo va a chi ha un reddito tra 0 e 9.000 euro", 0),
    ],
)
def test_round_three_not_figures(text, absent):
    assert absent not in [v for v, _, _ in values(text)]


def test_votes_share_one_entry_with_the_votes_they_count():
    assert values("La fiducia passa con 150 sì. I 150 voti arrivano dalla maggioranza.") == [(150, "voti", None)]


def test_thousands_after_money_only():
    assert values("Al concerto 20 mila persone e, il giorno dopo, 15 mila allo stadio.") == [(20000, "persone", None)]


def test_a_small_number_told_again_with_its_article_is_the_same_figure():
    text = "Tre giovani sono rimasti feriti nello scontro. I tre feriti sono stati portati in ospedale."
    assert values(text) == [(3, "giovani", None)]
    assert values("Le tre mediatrici si erano unite alla protesta.") == [(3, "mediatrici", None)]
