"""City, round 6: homonyms, short names, and pieces wider than one comune. Every example is invented."""

from __future__ import annotations

from tests.nlp.invented import city


def test_the_province_in_brackets_chooses_among_homonyms():
    # San Vito is a comune in Sardinia; with "(PORDENONE)" it is San Vito al Tagliamento
    text = (
        "SAN VITO (PORDENONE) - La biblioteca civica resterà chiusa per lavori fino a marzo. Il sindaco ha "
        "annunciato che i prestiti continueranno nella sala del municipio."
    )
    assert city(text) == "San Vito al Tagliamento"


def test_a_shared_short_name_is_told_apart_by_the_province_the_text_names():
    # Mugnano di Napoli and Mugnano del Cardinale are both in Campania: the prefect of Napoli decides
    text = (
        "Mugnano. Il sindaco ha scritto al Prefetto di Napoli per chiedere più agenti davanti alle scuole. Il "
        "Comune ha già installato nuove telecamere."
    )
    assert city(text, "Più sicurezza davanti alle scuole a Mugnano") == "Mugnano di Napoli"


def test_a_region_named_anywhere_resolves_a_shared_short_name():
    text = (
        "Il Comune di Palazzolo riceverà 20 mila euro dal fondo della Sicilia per i servizi sociali. L'assessore "
        "ha spiegato che i soldi andranno alle famiglie."
    )
    assert city(text) == "Palazzolo Acreide"


def test_a_headline_short_name_is_the_comune_the_text_names_in_full():
    text = "L'autunno di Roncofreddo Vecchio? No: a Monteforte Irpino il festival della castagna apre sabato."
    assert city(text, "Monteforte celebra la castagna") == "Monteforte Irpino"


def test_a_press_short_form_may_lead_an_unpunctuated_headline():
    text = "«Chiederemo più medici per l'isola» ha detto il sindaco entrando in Prefettura. A Lampedusa si attende."
    assert city(text, "Lampedusa il sindaco chiede più medici al ministro") == "Lampedusa e Linosa"


def test_a_particle_after_an_initial_opens_a_person_s_name():
    text = "Il comune ha ottenuto i fondi per l'asilo nido G. Da Cles. «Avremo dieci posti in più» spiega il sindaco."
    assert city(text, "Arcugnano aumentano i posti al nido") == "Arcugnano"


def test_a_villa_named_after_a_family_is_no_comune():
    text = "Le serate d'estate si terranno nel parco di Villa Trissino, sede della biblioteca comunale di Arzignano."
    assert city(text, "Concerti a Villa Trissino") != "Trissino"


def test_a_lower_case_headline_takes_no_capital_from_a_brand_of_the_text():
    text = (
        "Un uomo armato è entrato nella tabaccheria di piazza Cavour a Lodi Vecchio e ha preso il denaro e i "
        "biglietti Gratta e Vinci. Indaga la polizia."
    )
    assert city(text, "Rapina in tabaccheria, presi soldi e gratta e vinci") == "Lodi Vecchio"


def test_a_region_counts_in_a_listing():
    text = (
        "BRUXELLES - Le regioni coinvolte nel progetto sono Trento, Bolzano, Veneto e Lombardia. A guidarlo è un "
        "istituto di ricerca di Bolzano."
    )
    assert city(text, "Un progetto europeo per i rifugiati") is None


def test_a_place_coordinated_with_an_area_is_an_area():
    text = "Il consiglio ha discusso dei medici dell'Asl di Pisa e Livorno, che mancano da mesi."
    assert city(text, "Mancano i medici") is None


def test_a_headline_comune_the_text_names_only_as_its_province():
    text = (
        "Roma, 3 mar. (askanews) - La Giunta provinciale di Lecce ha approvato un piano da tre milioni per le "
        "famiglie in difficoltà."
    )
    assert city(text, "Welfare: a Lecce tre milioni per le famiglie") is None


def test_the_branch_of_a_trade_association_is_a_seat():
    text = "La Confartigianato di Cuneo chiede al governo di fermare il caro energia: le imprese sono in affanno."
    assert city(text, "Caro energia, l'allarme degli artigiani") is None


def test_the_comune_of_an_assembly_is_where_the_speakers_met():
    text = (
        "«Servono più fondi ai piccoli comuni» ha detto il presidente nel corso dell'assemblea regionale di "
        "Pescara, dove sono stati presentati i dati sui bilanci."
    )
    assert city(text, "Piccoli comuni, l'appello dei sindaci") is None


def test_a_regional_seat_dateline_over_a_piece_about_the_region():
    text = (
        "CAGLIARI. Un'associazione di consumatori lancia una campagna contro le buche: i sardi potranno "
        "segnalarle in tutti i comuni della Sardegna con un'app."
    )
    assert city(text, "Buche, una app per segnalarle") is None


def test_a_capoluogo_dateline_named_no_more_over_other_comuni():
    text = (
        "Roma - Sono mille i comuni che accolgono rifugiati: lo ha ricordato il delegato dell'Anci. A Parma le "
        "famiglie ospitano minori soli; a Capua si restaurano mobili; a Lecce si coltiva la terra."
    )
    assert city(text, "Accoglienza diffusa, i numeri") is None


def test_a_headline_joining_two_comuni_makes_both_its_subject():
    text = (
        "La Regione ha firmato la convenzione con i Comuni di Borgomanero e di Gozzano per due alloggi. A Gozzano "
        "la casa è già pronta."
    )
    assert city(text, "Borgomanero e Gozzano firmano con la Regione per la casa") is None


def test_a_rebuilt_headline_leading_with_a_comune_and_its_mayor():
    text = "Mario Pedrali, cento giorni da sindaco: «In Comune ogni giorno, le strade prima di tutto»."
    assert city(text, "Pisogne Pedrali le strade prima di tutto") == "Pisogne"
    assert city(text, "Lovere Pedrali le strade prima di tutto") == "Lovere"


def test_a_comune_placed_in_its_province_in_brackets():
    text = (
        "La Regione ha presentato il progetto nella sala di Villa Bruno, a San Giorgio a Cremano (Na), alla "
        "presenza dell'assessore regionale. «La Regione Campania investe sui giovani» ha detto l'assessore della "
        "Regione Campania, ricordando i fondi regionali."
    )
    assert city(text, "Progetto giovani a San Giorgio a Cremano") == "San Giorgio a Cremano"


def test_a_text_opening_on_where_the_events_happen():
    text = (
        "A Lurago d'Erba aperta la nuova palestra della scuola media. Al taglio del nastro anche il sindaco di "
        "Erba Marco Rossi e il presidente della Provincia.\n\nSoddisfatto il sindaco: «Un'opera attesa da anni»."
    )
    assert city(text, "Aperta la nuova palestra") == "Lurago d'Erba"


def test_a_piece_about_a_province_and_several_of_its_comuni():
    text = (
        "La Prefettura di Rovigo ha rinnovato i progetti di accoglienza della provincia di Rovigo. Il progetto "
        "del Comune di Adria passa da 20 a 30 posti; quello del Comune di Lendinara da 10 a 15. In tutto la "
        "provincia di Rovigo avrà 120 posti."
    )
    assert city(text, "Accoglienza, più posti nel Polesine") is None


def test_a_headline_spreading_the_piece_over_comuni():
    text = (
        "ENNA. La Confartigianato organizzerà incontri con le imprese della provincia: il primo a Enna, poi negli "
        "altri comuni del territorio."
    )
    assert city(text, "Enna caro bollette, incontri nei 20 comuni della provincia") is None


def test_a_comune_of_the_headline_s_region_that_the_lead_calls_its_own():
    text = (
        "Il Comune di Sassoferrato ha ospitato per due giorni l'incontro europeo del progetto sui piccoli borghi.\n\n"
        "Tra i partner, per l'Italia, il comune marchigiano di Sassoferrato. La due giorni ha portato a "
        "Sassoferrato amministratori da sei paesi."
    )
    assert city(text, "Marche BORGHI Rete europea dei piccoli comuni") == "Sassoferrato"
    assert city(text, "In tutta Italia una rete dei piccoli comuni") is None


def test_where_a_speaker_spoke_is_no_evidence():
    text = (
        "«Servono più treni per i pendolari» ha detto il presidente dei consumatori parlando con i giornalisti a "
        "Verona, in piazza, davanti ai vigili."
    )
    assert city(text, "Pendolari, l'appello dei consumatori") is None


def test_a_quarter_takes_an_article_of_place():
    text = "Roma, 4 mag. - Il ministro ha visitato il centro sportivo del quartiere, tra i ragazzi e le famiglie."
    assert city(text, "Sport, il ministro al Pigneto tra i ragazzi") == "Roma"
    assert city("Il Posillipo ha vinto la partita contro il Savona.", "Pallanuoto, vince il Posillipo") is None


def test_a_headline_s_meeting_place_is_where_the_speakers_were():
    text = (
        "Bari, 3 feb. «Da noi arrivano trecento pescherecci al giorno, il porto non basta» ha detto il sindaco di "
        "Molfetta ai giornalisti. «A Molfetta chiediamo una nuova banchina», ha aggiunto, prima del vertice con i "
        "sindaci di Trani e di Barletta."
    )
    assert city(text, "Pesca, il ministro a Bari per il vertice sui porti") == "Molfetta"


def test_the_kin_of_a_person_name_a_surname():
    text = (
        "La corte ha condannato l'imputato a vent'anni. I familiari di Ferrara presenteranno appello.\n\n"
        "L'aggressione avvenne lo scorso maggio a Cesena, in via Emilia, davanti al condominio."
    )
    assert city(text, "Condannato per l'aggressione nel cortile") == "Cesena"


def test_the_dateline_s_province_chooses_among_homonyms():
    text = "PORDENONE - Il sindaco di San Vito ha inaugurato la nuova scuola. A San Vito gli alunni sono 300."
    assert city(text) == "San Vito al Tagliamento"
