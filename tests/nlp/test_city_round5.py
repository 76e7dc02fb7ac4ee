"""City, round 5: rules about the scope of a piece as a whole. Every example is invented."""

from __future__ import annotations

from tests.nlp.invented import city


def test_comuni_of_three_provinces_make_a_wider_piece():
    # a nation-wide operation: the comune named most is not the city unless the headline or a dateline names it
    text = (
        "Operazione dei carabinieri contro le truffe agli anziani. Le indagini sono partite da Napoli, dove il "
        "gruppo aveva la base, e hanno portato a perquisizioni a Caserta e a Bergamo.\n\n"
        "Gli indagati a Napoli si fingevano avvocati."
    )
    assert city(text, "Truffe agli anziani, venti arresti") is None
    assert city(text, "Truffe agli anziani, venti arresti a Napoli") == "Napoli"


def test_a_listing_spreads_the_piece_over_its_comuni():
    text = (
        "Sciopero dei trasporti venerdì. A Napoli si ferma la metropolitana: a Napoli il servizio riprende alle "
        "17.\n\nDisagi previsti anche a Milano, a Torino e a Genova."
    )
    assert city(text, "Sciopero, venerdì nero per bus e treni") is None


def test_a_named_site_in_the_headline_gives_its_comune():
    text = "Il governo ha convocato i sindacati per martedì. La Regione chiede garanzie sull'occupazione."
    assert city(text, "Vertice sulle acciaierie di Piombino, la Regione chiede garanzie") == "Piombino"


def test_a_named_site_in_the_lead_of_a_piece_naming_no_other_comune():
    text = (
        "Un operaio di 50 anni è rimasto ferito ieri nello stabilimento di Ferrandina. Sul posto il 118.\n\n"
        "Sull'accaduto indagano i tecnici dell'Asp e la Regione."
    )
    assert city(text, "Operaio ferito, la rabbia dei sindacati") == "Ferrandina"


def test_several_plants_in_several_comuni_are_no_site():
    text = (
        "Il gruppo ha due stabilimenti a Lonato del Garda e Pescantina. In Italia il settore tessile perde "
        "posti di lavoro da anni."
    )
    assert city(text, "Crisi del tessile, 200 posti a rischio") is None


def test_a_rebuilt_lower_case_headline_keeps_its_comune():
    text = "Un uomo di 45 anni è morto ieri sera in un incidente. I carabinieri indagano sulla dinamica."
    assert city(text, "incidente stradale a castel di sangro muore un uomo") == "Castel di Sangro"
    # a lower-case word that is also a comune is not one when the text uses it as a word
    assert city("I fondi per le scuole arrivano dal ministero.", "arrivano i fondi per le scuole") is None


def test_a_headline_leading_with_its_comune_in_a_regional_piece():
    text = (
        "La Regione ha stanziato tre milioni per il programma. «La Regione farà la sua parte» ha detto "
        "l'assessore regionale al Bilancio."
    )
    assert city(text, "Matera capitale dei giovani, tre milioni dalla Regione") == "Matera"


def test_a_frazione_named_like_another_comune():
    # "la frazione di Campi": the frazione, not the comune of Campi Bisenzio or Campi Salentina
    text = "Il sindaco di Norcia ha inaugurato la nuova scuola nella frazione di Campi. Festa in paese."
    assert city(text, "Nuova scuola, la festa") == "Norcia"


def test_a_person_named_after_a_town():
    text = "La mostra su Leonardo da Vinci e Antonello da Messina apre domani. I biglietti sono già esauriti."
    assert city(text, "Leonardo da Vinci, la mostra dell'anno") is None


def test_a_surname_named_with_a_given_name_elsewhere_is_the_person():
    text = (
        "Il consigliere Marco Ferrara ha presentato una mozione sul traffico. Secondo Ferrara la giunta "
        "sbaglia. Ferrara insiste sulla necessità di nuovi parcheggi."
    )
    assert city(text, "Traffico, la mozione dell'opposizione") is None


def test_a_role_before_a_surname_that_is_a_comune():
    text = "Il questore Messina ha firmato il provvedimento. La decisione è arrivata ieri sera."
    assert city(text, "Daspo urbano per due giovani") is None


def test_a_frazione_in_apposition_gives_its_comune():
    # "Vado (frazione di Monzuno)": Vado is not Vado Ligure here
    text = "La sagra di Vado (frazione di Monzuno) richiama migliaia di persone. A Vado si balla fino a tardi."
    assert city(text, "Vado, la sagra d'estate") == "Monzuno"


def test_the_prefect_of_a_city_is_the_seat_of_a_province():
    text = "Il prefetto di Brescia ha firmato l'ordinanza che vieta gli alcolici. Il provvedimento vale un mese."
    assert city(text, "Stretta sugli alcolici, l'ordinanza") is None


def test_where_the_headline_says_it_happened_over_a_text_naming_no_comune():
    text = (
        "Un operaio di 50 anni è morto ieri. Il ministro del Lavoro ha annunciato un incontro con i sindacati; il "
        "governo e la Regione chiedono più controlli, i deputati dell'opposizione una legge."
    )
    assert city(text, "Operaio morto a Ferrandina, il ministro convoca i sindacati") == "Ferrandina"


def test_a_bar_association_names_the_seat_of_a_court():
    text = (
        "(ANSA) - BRESCIA, 3 MAR - Il giudice ha rinviato l'udienza per la terza volta. A protestare è la Camera "
        "penale di Brescia, che chiede tempi certi per i processi."
    )
    assert city(text, "Processi rinviati, protestano gli avvocati") is None


def test_the_headline_names_a_frazione_the_text_its_comune():
    text = (
        "L'Amministrazione comunale di Pontassieve ha aperto un nuovo ambulatorio nella ex scuola di Sieci "
        "Bassa. Le visite sono gratuite."
    )
    assert city(text, "A Sieci Bassa un nuovo ambulatorio per gli anziani") == "Pontassieve"


def test_a_capitalised_particle_mid_sentence_opens_a_name():
    text = "Lavori nelle scuole: la primaria Da Vinci e la media Fermi riapriranno a ottobre, annuncia l'assessora."
    assert city(text, "Scuole, i lavori dell'estate") is None


def test_a_listing_of_provinces_is_an_operation_over_the_country():
    text = (
        "Dalle prime ore di oggi, nelle province di Bari, Milano, Torino e Pescara, è in corso un'operazione dei "
        "carabinieri contro una banda con base a Bari. Dodici le misure cautelari."
    )
    assert city(text, "Truffe agli anziani, banda con base a Bari: 12 arresti") is None


def test_a_regional_board_decision_naming_one_comune_deep_in_the_text():
    text = (
        "La Giunta regionale ha approvato ieri le delibere sulla sanità, sui trasporti e sui fondi europei. Il "
        "presidente della Regione ha illustrato il piano ai consiglieri regionali.\n\n"
        "In materia di enti locali la Giunta ha assegnato in comodato d'uso al comune di Bosa alcuni immobili "
        "regionali."
    )
    assert city(text, "Giunta regionale, le delibere approvate") is None


def test_a_named_site_in_the_lead_outweighs_where_the_meeting_was():
    text = (
        "Si è tenuto ieri a Roma il tavolo sul futuro della raffineria di Falconara Marittima. Presenti il governo "
        "e i sindacati nazionali; per la Regione l'assessore al Lavoro. I sindacati chiedono un piano industriale."
    )
    assert city(text, "Raffineria, governo e sindacati a confronto") == "Falconara Marittima"


def test_a_university_is_in_its_comune():
    # ADJUDICATION-4 convention 4: a university gives its comune when the events told happen at it
    text = "L'ateneo ha pubblicato ieri il bando: 300 euro al mese per gli studenti fuori sede. Domande entro maggio."
    assert city(text, "Caro affitti, l'Università di Cagliari aiuta i fuori sede") == "Cagliari"


def test_a_hyphenated_address_headline_opening_on_its_comune():
    text = "Un operaio di 45 anni è morto ieri mattina. I carabinieri indagano sulla dinamica."
    assert city(text, "castelfidardo-operaio-muore-in-fabbrica") == "Castelfidardo"


def test_a_site_noun_then_any_words_then_a_is_no_named_site():
    text = (
        "Il picco dell'influenza è atteso per la prossima settimana: i casi sono 800mila secondo l'Istituto "
        "superiore di sanità. Pronto soccorso affollati a Roma e a Torino.\n\nIl ministro invita a vaccinarsi."
    )
    assert city(text, "Influenza, ospedali sotto pressione") is None


def test_a_short_name_of_a_comune_the_text_names_in_full():
    # Castelnuovo (TN) is a comune too: here it is the short name of the one the text names in full
    text = "Inaugurata la rotatoria sulla statale. Il sindaco di Castelnuovo di Garfagnana ha ringraziato la Provincia."
    assert city(text, "Garfagnana, nuova rotatoria a Castelnuovo") == "Castelnuovo di Garfagnana"


def test_a_capoluogo_that_is_a_common_word_opening_a_headline():
    text = "Una massa di turisti ha preso d'assalto le spiagge della Versilia. Gli albergatori: tutto esaurito."
    assert city(text, "Massa di turisti sulle spiagge, boom di presenze") is None


def test_the_press_short_name_of_ascoli_piceno():
    text = "Partono lunedì i lavori di rifacimento della piazza. Il Comune ha stanziato 1,2 milioni."
    assert city(text, "Ascoli, al via i lavori in piazza") == "Ascoli Piceno"


def test_firemen_from_other_provinces_do_not_spread_a_local_piece():
    text = (
        "Incendio nei boschi sopra Pontremoli: evacuate dieci famiglie. Sul posto i vigili del fuoco di La Spezia "
        "e i vigili del fuoco di Parma con due elicotteri. A Pontremoli la situazione è sotto controllo."
    )
    assert city(text, "Incendio nei boschi, evacuate dieci famiglie") == "Pontremoli"


def test_a_headline_kicker_set_apart_by_a_bar_a_slash_or_capitals():
    text = "Nuovi lavori in centro: il Comune ha stanziato 200mila euro. I cantieri apriranno a marzo."
    assert city(text, "Sarzana | nuovi lavori in centro") == "Sarzana"
    assert city(text, "Sarzana / nuovi lavori in centro") == "Sarzana"
    assert city(text, "SARZANA Nuovi lavori in centro") == "Sarzana"


def test_a_headline_opening_on_a_noun_and_its_adjective():
    # Campagna (SA) is a comune: "Campagna vaccinale" is a noun with its adjective
    text = "Il ministero ha stanziato due milioni per le vaccinazioni. Le prenotazioni aprono lunedì."
    assert city(text, "Campagna vaccinale al via, le prenotazioni") is None


def test_the_hospital_the_injured_were_taken_to_is_no_site_of_the_events():
    text = (
        "Un motociclista di 40 anni è rimasto gravemente ferito ieri sera in un incidente sulla strada regionale. "
        "È stato trasportato in elicottero all'ospedale di Padova."
    )
    assert city(text, "Incidente sulla regionale: grave un motociclista") is None


def test_a_comune_whose_name_has_other_uses_named_with_its_body_or_as_a_capoluogo():
    text = "Furto in una gioielleria del centro: i carabinieri di Este hanno arrestato due giovani."
    assert city(text, "Furto in gioielleria, due arresti") == "Este"
    text = "Un negozio di tessuti è stato svaligiato la notte scorsa a Prato, in via Roma. Indaga la polizia."
    assert city(text, "Negozio svaligiato nella notte") == "Prato"


def test_a_match_report_is_about_the_clubs_not_the_ground():
    text = (
        "L'Inter vince allo stadio di Bergamo con un gol al 90'. L'Atalanta aveva pareggiato nella ripresa. "
        "«Una vittoria da grande squadra» ha detto l'allenatore."
    )
    assert city(text, "Atalanta-Inter 1-2, decide un gol nel finale") is None


def test_a_quarter_of_a_large_city_gives_the_city():
    text = "Blitz antidroga nelle case popolari: i carabinieri hanno arrestato due pusher e sequestrato 50 dosi."
    assert city(text, "Scampia, blitz antidroga: due arresti") == "Napoli"
    text = "Il corteo è partito dalla stazione. In piazza duemila persone, dice la questura."
    assert city(text, "Barriera di Milano, in corteo contro lo spaccio") == "Torino"


def test_where_a_person_comes_from_or_lives_does_not_spread_the_piece():
    text = (
        "Un 30enne originario di Napoli e residente a Milano è stato arrestato ieri sera a Rimini dai carabinieri "
        "dopo una rapina in un negozio di via Roma. A Rimini era arrivato da pochi giorni."
    )
    assert city(text, "Rapina in negozio, arrestato un 30enne") == "Rimini"


def test_the_headline_lead_comune_over_a_partner_comune_of_the_text():
    text = "La pista ciclabile è stata finanziata anche dal Comune di Castelnuovo Magra. Il taglio del nastro domenica."
    assert city(text, "Sarzana, nuova pista ciclabile") == "Sarzana"


def test_a_study_of_a_hospital_is_no_event_at_the_site():
    text = (
        "Secondo uno studio dell'ospedale San Raffaele di Milano il 20% degli italiani dorme meno di sei ore. Il "
        "ministero della Salute lancia una campagna nazionale."
    )
    assert city(text, "Sonno, italiani sempre più stanchi") is None


def test_the_prison_an_arrested_man_was_taken_to_does_not_rival_the_place_of_the_arrest():
    text = (
        "Un uomo di 40 anni è stato arrestato ieri sera a Gubbio dai carabinieri dopo una lite in strada finita a "
        "coltellate.\n\nL'arrestato è stato portato nel carcere di Capanne, a Perugia."
    )
    assert city(text, "Lite in strada finisce a coltellate") == "Gubbio"


def test_a_suspect_bound_to_a_comune_by_a_measure_is_no_place_of_the_story():
    text = (
        "La polizia ha smantellato una banda di truffatori: dodici arresti in tutta Italia. Per altri venti "
        "indagati il gip ha disposto l'obbligo di dimora nel Comune di Salerno."
    )
    assert city(text, "Truffe agli anziani, dodici arresti") is None


def test_a_lake_named_like_a_comune():
    text = (
        "Turisti in aumento sul Garda: alberghi pieni da Sirmione a Riva. Il sindaco di Sirmione parla di record. "
        "A Sirmione code al castello."
    )
    assert city(text, "Estate da record per il turismo sul lago") == "Sirmione"
