"""Places: main city from headline, dateline and context; traps of a bare gazetteer."""

from __future__ import annotations

from rassegna.nlp.places import extract_places

PARTNERS = ["Bologna", "Caserta", "Firenze", "Genova", "Latina", "Milano", "Napoli", "Palermo", "Perugia",
            "Potenza", "Roma", "Sassari", "Taranto", "Torino", "Trieste", "Bolzano"]  # fmt: skip
LISTING = (
    "Gli interventi vengono portati avanti da una rete di 16 città italiane: Bologna, Caserta, Firenze, "
    "Genova, Latina, Milano, Napoli, Palermo, Perugia, Potenza, Roma, Sassari, Taranto, Torino, "
    "Trieste e Bolzano."
)


def test_agency_dateline_alone_is_where_the_wire_was_filed():
    # the corpus rule (ANNOTATION.md): "Roma, 24 mar." says where the wire was filed, not what it is about
    assert extract_places("(ANSA) - TORINO, 18 OTT - Ha fatto tappa il tour. " + LISTING)[0] is None
    assert extract_places("MILANO, 25 ottobre 2023 – Intercettare i migranti. " + LISTING)[0] is None


def test_agency_dateline_with_the_city_in_the_text():
    text = "(ANSA) - TORINO, 18 OTT - Ha fatto tappa a Torino il tour. " + LISTING
    city, places = extract_places(text)
    assert city == "Torino"
    assert places[0] == "Torino"


def test_local_dateline():
    assert extract_places("GENOVA. Intercettare i migranti.\n\n" + LISTING)[0] == "Genova"


def test_listing_alone_does_not_decide():
    city, places = extract_places(LISTING)
    assert city is None
    assert places == []


def test_context_patterns_beat_listing():
    text = (
        LISTING
        + "\n\nTra i 16 Comuni coinvolti nella rete di LgNet2, anche Sassari. "
        + "Nella città di Sassari, in particolare..."
    )
    assert extract_places(text, partner_cities=PARTNERS)[0] == "Sassari"
    assert extract_places(LISTING + " L'adesione al progetto del Comune di Caserta ha reso...")[0] == "Caserta"


def test_headline():
    assert extract_places(LISTING, "Palermo fra i Comuni della rete LgNet2")[0] == "Palermo"
    assert extract_places("Nessun luogo qui.", 'Il Comune di Taranto: "Così ci prendiamo cura"')[0] == "Taranto"


def test_villaggio_trieste_is_not_trieste():
    text = (
        "Al progetto nella città di Latina hanno lavorato il Comune di Latina, il Comitato di Quartiere "
        "Villaggio Trieste, la Casa di Quartiere di via Milazzo."
    )
    city, places = extract_places(text, "Latina fra i Comuni della rete")
    assert city == "Latina"
    assert "Trieste" not in places
    assert "Milazzo" not in places


def test_trieste_as_city():
    assert extract_places("TRIESTE, 1 dicembre 2023 – Il tour. " + LISTING, "Trieste fra i Comuni")[0] == "Trieste"


def test_roma_capitale_is_roma():
    city, places = extract_places("L'adesione al progetto del Comune di Roma Capitale, nei Municipi di Roma Capitale.")
    assert city == "Roma"
    assert places == ["Roma"]


def test_names_and_words_are_not_places():
    text = "Ora sta migliorando, ha detto Mario Monti. Il nostro Paese accoglie. ASL Roma 1, Distretto Latina 2."
    city, places = extract_places(text)
    assert "Ora" not in places and "Paese" not in places and "Monti" not in places


def test_other_places_need_context():
    city, places = extract_places("Il tour è partito da Bolzano e arriverà a Cisterna di Latina.", "Tappa a Bolzano")
    assert city == "Bolzano"
    assert "Cisterna di Latina" in places


def test_bolzano_in_organisation_name():
    # a comune inside a body's name is a place named, not evidence that the piece is about it (ADJUDICATION-3,
    # convention 1): the piece needs more than the one plain mention a mixed piece asks for
    text = "Hanno collaborato l'Azienda Servizi Sociali Bolzano e altri. Il servizio resterà attivo a Bolzano."
    city, places = extract_places(text, "Inclusione, il tour")
    assert city is None and places == ["Bolzano"]
    text += " Il Comune di Bolzano lo rinnova ogni anno."
    assert extract_places(text, "Inclusione, il tour")[0] == "Bolzano"


def test_single_mention_in_passing_is_not_the_city():
    city, places = extract_places("Hanno collaborato l'Azienda Servizi Sociali Bolzano e altri.", "Inclusione")
    assert city is None
    assert places == ["Bolzano"]


def test_regional_piece_datelined_by_a_wire_in_the_regional_capital_has_no_city():
    text = (
        "(DIRE - Notiziario Sanità) Roma, 11 mar. \"L'offerta ospedaliera della nostra Asl verrà rimodulata, "
        "così i cittadini non dovranno spostarsi verso Roma\". Lo ha detto il direttore generale dell'Asl "
        "al termine dell'audizione in commissione Politiche sociali e salute della Regione."
    )
    assert extract_places(text, "Asl RmH, con l'ospedale dei Castelli offerta rimodulata")[0] is None


def test_regional_government_headlined_in_the_regional_capital_has_no_city():
    text = (
        "CAMPOBASSO. Formalizzata oggi la prima Giunta regionale del nuovo presidente. Il neo governatore del "
        "Molise ha firmato due decreti di nomina da assessori, in vista del Consiglio regionale."
    )
    assert extract_places(text, "Campobasso, il presidente nomina la prima giunta")[0] is None


def test_local_piece_datelined_in_a_provincial_capital_keeps_it():
    text = "RIETI - Di posti letto, in ospedale, 29 in più. Ma serviva l'ok della Regione, giunto ieri."
    assert extract_places(text, "Ospedale de Lellis, più posti letto")[0] == "Rieti"


def test_headline_saying_the_piece_is_national_beats_a_strong_mention():
    text = (
        "Aveva base logistica a Napoli la banda; per 55 indagati l'obbligo di dimora nel comune di Napoli. "
        "Perquisizioni tra Napoli e Caserta."
    )
    assert extract_places(text, "Truffe agli anziani: 103 colpi in tutta Italia, 22 arresti")[0] is None
    assert extract_places(text, "Truffe agli anziani a Napoli: 22 arresti")[0] == "Napoli"


def test_agency_dateline_of_a_national_piece_gives_no_city():
    text = "Roma, 16 giugno – Nel 2024 la Caritas ha assistito 278 mila famiglie in tutte le diocesi."
    assert extract_places(text, "Caritas, nel 2024 assistenza a 278 mila famiglie")[0] is None


def test_headline_surname_that_is_also_a_comune_is_the_person():
    text = "Il ministro dell'Economia Roberto Gualtieri ha presentato la manovra alla Camera."
    assert extract_places(text, "Manovra, Gualtieri: non faremo tagli su scuola e sanità")[0] is None


def test_headline_first_word_after_a_quotation_mark_is_capitalised_anyway():
    text = "Siamo preoccupati per il taglio al Fondo Unico della Regione, dice il Comune."
    assert extract_places(text, "«Fondi a rischio»")[0] is None


def test_diocesan_caritas_is_not_the_comune():
    text = "La Caritas di Rimini ha presentato il rapporto: in un anno 800 persone in più nelle parrocchie."
    assert extract_places(text, "Caritas di Rimini, in un anno 800 persone in più")[0] is None


def test_court_or_custody_centre_of_a_city_is_not_the_city():
    text = (
        "I carabinieri: il furto è avvenuto nell'abitazione dell'anziana, a Lamporecchio. Il minore, per ordine della "
        "Procura presso il Tribunale per i minorenni di Firenze, è stato portato al Centro di Prima "
        "Accoglienza minorile di Firenze."
    )
    assert extract_places(text, "Truffa del falso carabiniere: fermato un 17enne")[0] == "Lamporecchio"


def test_comune_in_a_list_name_is_not_a_place():
    text = (
        "In consiglio comunale ha votato contro Emmanuel Conte, della sinistra di Milano Progressista, e il "
        "consigliere Manfredi Palmeri di Io corro per Milano Lista civica."
    )
    assert extract_places(text, "Come ogni anno torna l'appuntamento con le tasche")[0] is None
    assert (
        extract_places("Il sindaco ha chiuso il palazzo.", "Coronavirus, a Catanzaro Abramo chiude il comune")[0]
        == "Catanzaro"
    )


def test_a_headline_naming_a_region_makes_a_regional_piece_without_a_city():
    text = (
        "PERUGIA – Il bilancio dei musei nazionali è in crescita. In nove mesi sono stati 220.000 i visitatori "
        "dei luoghi della cultura in Umbria, a Perugia come a Spoleto e a Orvieto."
    )
    assert extract_places(text, "Umbria e cultura binomio ok, musei e luoghi d'arte fanno il pieno")[0] is None
    hail = (
        "Sono stati dieci minuti in cui è venuto giù di tutto, dice il sindaco di Cornuda. Il sindaco di Cornuda "
        "conta i danni con i comuni vicini."
    )
    assert extract_places(hail, "Veneto piegato dalla grandine, viaggio nei comuni colpiti")[0] is None
    # the comune the headline names with its region stays the city
    assert extract_places("A Potenza laboratori per 41 migranti.", "Basilicata, a Potenza laboratori")[0] == "Potenza"


def test_a_football_club_is_not_its_comune_nor_is_the_headline_naming_it():
    text = (
        "Il Potenza è pronto ad aprire un nuovo capitolo: il nuovo allenatore torna sulla panchina del Potenza "
        "dopo dieci anni. «Non ho esitato quando ho saputo che il Potenza Calcio rischiava», ha detto."
    )
    assert extract_places(text, "Potenza, Sebastiano Siviglia allenatore: l'annuncio")[0] is None


def test_a_comune_inside_a_body_s_or_a_festival_s_name_is_not_the_city():
    band = "Quattro serate di fuochi e la Banda Città di Fossacesia in piazza: bilancio positivo per la festa."
    assert extract_places(band, "Feste di Settembre, bilancio più che positivo")[0] is None
    festival = "Il consiglio ha votato il bilancio di Universo Assisi e le prospettive di Universo Assisi."
    assert extract_places(festival, "Universo Assisi, tutti i numeri")[0] is None


def test_a_dateline_filed_by_an_agency_in_brackets_is_not_the_city():
    text = (
        "ROMA (Reuters) - La Guardia di Finanza sta eseguendo la confisca di beni per 100 milioni.\n\n"
        "I finanzieri, su mandato del Gip di Roma, stanno svolgendo perquisizioni in Lazio e Lombardia."
    )
    assert extract_places(text, "Fisco, operazione Gdf contro giro evasione da 1,7 miliardi")[0] is None


def test_short_forms_of_two_word_comuni_and_the_press_s_best_known_short_forms():
    text = "SAN BENEDETTO - Inizieranno domani quattro giovani rifugiati. Il sindaco ha firmato la convenzione."
    assert extract_places(text, "San Benedetto, nei parchi lavoreranno quattro rifugiati")[0] == (
        "San Benedetto del Tronto"
    )
    text = "Il Comune prenderà in carico un minore. Civitanova ne prenderà uno, dice il sindaco."
    assert extract_places(text, "Migranti, un minore in carico al Comune a Civitanova")[0] == "Civitanova Marche"
    text = "LAMEZIA - Il consiglio comunale ha approvato il bilancio. Il sindaco ha ringraziato la giunta."
    assert extract_places(text, "Approvato il bilancio")[0] == "Lamezia Terme"


def test_a_saint_s_name_alone_is_no_comune():
    text = "«Un segnale per questo quartiere», ha detto la presidente. Le periferie vanno ricucite alla città."
    assert extract_places(text, "Todde per Sant'Elia, niente chiacchiere solo fatti")[0] is None


def test_the_city_of_x_after_a_sentence_article_is_the_comune():
    text = "La Città di Castelfidardo ha vinto il premio per la raccolta differenziata, battendo Osimo in finale."
    assert extract_places(text, "Premio ambiente, vince la città")[0] == "Castelfidardo"


def test_lower_case_kicker_paragraph_is_a_local_dateline():
    text = "Grande festa per la sagra.\n\ntolentino\n\nSi è chiusa con la tombola la sagra, con trentamila presenze."
    assert extract_places(text, "Sagra, bilancio positivo")[0] == "Tolentino"


def test_a_body_of_the_comune_says_where_the_events_happen():
    text = (
        "Una pattuglia dei carabinieri di Scanno ha fermato un uomo che agitava un coltello in centro. "
        "L'uomo era ricercato per una condanna del tribunale, e risiedeva a Sulmona."
    )
    assert extract_places(text, "Uomo con coltello fermato in centro")[0] == "Scanno"


def test_a_piece_in_several_regions_has_no_city():
    text = "Le misure sono state eseguite a Napoli e in provincia dopo una denuncia dei carabinieri."
    assert extract_places(text, "Truffe agli anziani in sette regioni, sei arresti")[0] is None


def test_feminine_article_names_the_club_not_the_comune():
    text = "«La Roma non ha creato molto», ha detto l'allenatore dopo il derby contro la Roma."
    assert extract_places(text, "Lazio, l'allenatore: la Roma non ha creato tanto")[0] is None


def test_plural_article_names_a_people_not_the_comune():
    text = "La mostra sui Longobardi ha avuto diecimila visitatori nel primo mese, dice l'assessore."
    assert extract_places(text, "Longobardi, diecimila visitatori")[0] is None


def test_provincial_command_and_appeal_court_are_seats_not_the_comune():
    gdf = "I militari del comando provinciale di Bari hanno sequestrato i beni di una ditta di Modugno."
    assert extract_places(gdf, "Evasione fiscale, sequestro milionario")[0] != "Bari"
    court = (
        "Ieri in Corte d'Assise d'Appello a Roma il procuratore ha chiesto la conferma della condanna. "
        "L'omicidio era avvenuto nel giardino condominiale di via Verdi."
    )
    assert extract_places(court, "Ladro ucciso in via Verdi, chiesta la condanna")[0] is None


def test_capital_dash_dateline_alone_is_where_the_piece_was_filed():
    wire = "ROMA – Il presidente turco ha detto che il suo Paese lavora a una tregua immediata."
    assert extract_places(wire, "Ucraina, la Turchia lavora alla tregua")[0] is None
    local = "FIRENZE – Il modello fiorentino della casa popolare piace: il sindaco lo presenta in piazza."
    assert extract_places(local, "Casa e lavoro, il modello")[0] == "Firenze"


def test_a_judge_or_a_lake_of_x_is_not_the_comune():
    court = (
        "La Cassazione ha accolto il ricorso della procura contro il giudice di Lucca, che aveva liberato il pusher."
    )
    assert extract_places(court, "La Cassazione boccia il giudice di Lucca")[0] is None
    assert extract_places("Turisti in aumento sul lago di Como quest'estate, dicono gli albergatori.")[0] is None


def test_dateline_naming_the_area_after_the_comune():
    text = (
        "Gardone Riviera, lago di Garda - Un'auto contromano ha travolto una moto in via Roma. "
        "Il ferito è stato portato all'ospedale di Brescia."
    )
    assert extract_places(text, "Incidente moto, due ragazzi travolti")[0] == "Gardone Riviera"


def test_provincial_agencies_and_police_units_are_seats_not_the_comune():
    bus = (
        "Il Comune verserà 50mila euro all'Agenzia del Tpl (trasporto pubblico locale) di Bergamo perché non "
        "tagli le corse da e per Treviglio."
    )
    assert extract_places(bus, "50mila euro per salvare gli autobus")[0] == "Treviglio"
    gdf = (
        "L'indagine, condotta dal Nucleo Operativo Metropolitano di Bologna, ha portato al sequestro dei conti "
        "di una ditta con sede in via Porrettana a Casalecchio di Reno."
    )
    assert extract_places(gdf, "Evade il fisco, sequestro per sei milioni")[0] == "Casalecchio di Reno"


def test_a_carabinieri_company_serves_a_district_not_one_comune():
    text = (
        "I carabinieri della Compagnia di Pontremoli hanno arrestato un uomo trovato "
        "con dieci dosi di cocaina in una zona boschiva vicino a via dei Mulini."
    )
    assert extract_places(text, "Trovato con dieci dosi di cocaina, arrestato")[0] is None


def test_a_council_group_named_for_the_comune_is_not_the_comune():
    text = "Il consiglio comunale ha approvato la mozione del gruppo Uniti per Spoleto sul bilancio del festival."
    assert extract_places(text, "Festival, approvata la mozione")[0] is None


def test_a_learned_city_chooser_acts_only_where_the_rules_only_weighed_the_evidence():
    from rassegna.nlp.places import CityModel, city_candidates, model_city, no_city_evidence

    def chosen(model: CityModel, text: str, title: str) -> tuple[str | None, str | None]:
        rule, _ranked, candidates = city_candidates(text, title)
        return rule, model_city(model, rule, candidates, no_city_evidence(title, text, rule, candidates))

    prefers_no_city = CityModel(candidate={}, no_city={"bias": 5.0})
    prefers_a_city = CityModel(candidate={"bias": 1.0}, no_city={"bias": -5.0})
    spoleto = "SPOLETO. Il sindaco ha inaugurato la scuola, dove arriveranno anche gli alunni di Campello sul Clitunno."
    gubbio = "Il nuovo parcheggio è stato inaugurato ieri a Gubbio alla presenza di molti cittadini."
    bari = (
        "Dalle prime ore di oggi, nelle province di Bari, Milano, Torino e Pescara, è in corso un'operazione dei "
        "carabinieri contro una banda con base a Bari. Dodici le misure cautelari."
    )
    # a city the rules only weighed may become none; one an explicit frame gives ("Comune di X") stands
    assert chosen(prefers_no_city, spoleto, "Inaugurata la nuova scuola") == ("Spoleto", None)
    assert chosen(prefers_no_city, "Il Comune di Gubbio ha approvato il bilancio.", "Bilancio") == ("Gubbio", "Gubbio")
    # where every comune was weighed too little the chooser may name one; a listing of provinces stays no city
    assert chosen(prefers_a_city, gubbio, "Nuovo parcheggio") == (None, "Gubbio")
    assert chosen(prefers_a_city, bari, "Truffe agli anziani, banda con base a Bari: 12 arresti") == (None, None)


def test_the_evidence_for_no_city_reads_the_headline_s_and_the_lead_s_words():
    from rassegna.nlp.places import no_city_evidence

    evidence = no_city_evidence(
        "Il governo approva la manovra", "La Camera ha votato ieri. " + "x" * 500 + " fine", None, []
    )
    assert evidence["T:governo"] == evidence["L:camera"] == evidence["rule_abstained"] == 1.0
    assert "L:fine" not in evidence  # past the lead
    assert "T:il" not in evidence  # words of three letters or more


def test_an_order_of_the_mayor_is_not_a_professional_order():
    assert extract_places("Su ordine del sindaco di Spoleto la piazza è chiusa per il mercato.")[0] == "Spoleto"
    assert extract_places("Il presidente dell'ordine dei medici di Lucca ha parlato in piazza.")[0] is None


def test_where_the_mayor_travelled_is_not_a_body_of_that_comune():
    text = "Il sindaco è volato a Lecce per la firma del protocollo. Intanto proseguono in via Roma i lavori a Nardò."
    assert extract_places(text, "Firmato il protocollo")[0] != "Lecce"


def test_a_long_name_by_its_initials_or_without_its_di():
    text = "Il sindaco ha definito la nuova composizione della giunta municipale, con sette assessori."
    assert extract_places(text, "Barcellona PG, ridefinita la giunta")[0] == "Barcellona Pozzo di Gotto"
    wire = "Vado L. I sindacati esprimono soddisfazione per il voto dei lavoratori dello stabilimento."
    assert extract_places(wire, "Accordo per la cassa integrazione")[0] == "Vado Ligure"
    blitz = "I carabinieri hanno arrestato sette persone a Isola Capo Rizzuto, accusate di estorsione."
    assert extract_places(blitz, "Blitz a Isola Capo Rizzuto: 7 arresti")[0] == "Isola di Capo Rizzuto"


def test_headline_opening_on_the_comune_of_a_local_piece_that_names_none():
    text = "La giunta comunale ha approvato il progetto della pista ciclabile lungo via Roma. Il sindaco: «Bene»."
    assert extract_places(text, "Bertinoro sempre più amica delle bici: nasce la pista")[0] == "Bertinoro"
    # a common word opening the headline, or a text naming another comune, is not such a headline
    assert extract_places(text, "Chiusi tutti i cimiteri per la pioggia")[0] is None
    other = text + " I lavori partiranno anche a Forlimpopoli."
    assert extract_places(other, "Bertinoro sempre più amica delle bici")[0] == "Forlimpopoli"


def test_surname_with_a_particle_is_not_the_comune():
    # "Di Capua", "De Vita": southern surnames built on a comune's name, after a given name or a role
    text = "Il sindaco Antonio Di Capua ha inaugurato la nuova biblioteca comunale di Marcianise."
    assert extract_places(text, "Marcianise, inaugurata la biblioteca") == ("Marcianise", ["Marcianise"])
    assert extract_places("Il sindaco Antonio Di Capua ha inaugurato la nuova biblioteca comunale.")[0] is None
    later = "Il presidente Marco Di Sarno ha aperto la seduta. Poi Di Sarno ha letto il bilancio."
    assert extract_places(later, "Somma Vesuviana, approvato il bilancio")[0] == "Somma Vesuviana"


def test_surname_particle_does_not_hide_the_comune_of():
    # the comune itself, after a preposition, stays a place
    assert extract_places("Il sindaco di Capua ha aperto la fiera in piazza.")[0] == "Capua"


def test_comune_whose_name_begins_with_its_article():
    # the article of La Spezia and L'Aquila merges into the preposition before it
    assert extract_places("Il sindaco ha accolto la nave in porto.", "Migranti, sbarcano domani alla Spezia")[0] == (
        "La Spezia"
    )
    assert (
        extract_places("Paura tra i residenti, il sindaco ha aperto il centro comunale.", "Scossa all'Aquila")[0]
        == "L'Aquila"
    )
    assert extract_places("Il sindaco dell'Aquila ha firmato l'ordinanza sulla movida.")[0] == "L'Aquila"


def test_province_in_brackets_after_the_comune():
    city, places = extract_places("Il sindaco ha aperto la festa in piazza.", "Montalcino (Siena), festa del vino")
    assert city == "Montalcino"
    assert "Siena" not in places
    assert extract_places("MONTALCINO (Siena) - Il sindaco ha aperto la festa in piazza.")[0] == "Montalcino"


def test_street_named_after_a_person():
    assert extract_places("Il negozio di via Leonardo da Vinci è stato svaligiato. Indagano i carabinieri.")[0] is None
    text = "Chiuso corso Giuseppe Garibaldi per lavori. Il sindaco di Bra ha firmato l'ordinanza."
    assert extract_places(text)[0] == "Bra"


def test_unofficial_spellings_of_comuni():
    # fused words of a long name, and a short form the town itself uses: the official ISTAT name comes out
    assert extract_places("A Castelsangiovanni il sindaco ha inaugurato la rotonda.")[0] == "Castel San Giovanni"
    assert extract_places("Il sindaco ha chiuso la scuola.", "Borgotaro, chiude la scuola media")[0] == (
        "Borgo Val di Taro"
    )
    # a fused saint's name is a brand of mineral water, not the comune
    assert extract_places("Lo stabilimento Sangemini assume venti operai.")[0] is None


def test_headline_comune_named_again_beats_a_trip_destination():
    # the town travels to a protest in Roma, named three times; the headline and the text name the town
    text = (
        "Il sindaco Mario Bianchi: «Bisaccia ci sarà».\n\nI sindaci manifesteranno domani a Roma. Il raduno "
        "a Roma servirà a sbloccare i fondi. I cittadini raggiungeranno Roma col pullman."
    )
    assert extract_places(text, "Bisaccia tra i comuni a rischio dissesto")[0] == "Bisaccia"
    # a headline word that the text does not name again stays a word
    assert extract_places("I sindaci manifesteranno domani a Roma. Il raduno a Roma.", "Bisaccia in festa")[0] == (
        "Roma"
    )


def test_short_form_shared_by_several_comuni_told_apart_by_the_region():
    # "Santa Caterina" is Villarmosa (Sicilia), dello Ionio or Albanese (Calabria), d'Este (Veneto)
    text = (
        "SANTA CATERINA. Il sindaco ha firmato la convenzione con una cooperativa di Caltanissetta che gestisce "
        "tre centri di accoglienza in Sicilia."
    )
    assert extract_places(text, "Santa Caterina, venti posti per i profughi")[0] == "Santa Caterina Villarmosa"
    # with no region to tell them apart, no comune is guessed
    assert extract_places("SANTA CATERINA. Il sindaco ha firmato la convenzione.")[0] is None


def test_round_up_over_several_places_has_no_city():
    text = (
        "Perquisizioni e arresti: la polizia ha eseguito l'operazione a Cerignola, Andria e Bitonto. "
        "Ad Andria i controlli hanno riguardato il quartiere Sud. A Bitonto sono stati trovati due chili di droga."
    )
    assert extract_places(text, "Droga e armi, vasto blitz tra Cerignola, Bat e Barese")[0] is None
    # the same headline over a piece filed in one comune keeps it
    filed = "CERIGNOLA. Perquisizioni e arresti: la polizia ha controllato il quartiere Sud. " + text
    assert extract_places(filed, "Droga e armi, vasto blitz tra Cerignola, Bat e Barese")[0] == "Cerignola"


def test_headline_opening_on_the_towns_event():
    text = "Il sindaco Paolo Neri ha presentato il cartellone: «Porta Noto al centro dell'estate siciliana»."
    assert extract_places(text, "Noto Estate 2025, concerti fino a settembre")[0] == "Noto"
    # the text does not name the town again: a name, not evidence
    assert extract_places("Il sindaco ha presentato il cartellone.", "Noto Estate 2025, concerti")[0] is None


def test_square_of_a_comune_is_not_a_street():
    assert extract_places("Festa nella piazza di Bologna: il sindaco ha aperto il concerto.")[0] == "Bologna"


def test_headline_surname_glued_to_a_given_name_in_the_text():
    # copy that lost its spaces: "IgnazioVisco" is a person, so the headline's "Visco:" is not the comune
    text = "(ANSA) - ROMA, 31 MAG - Il messaggio lanciato dal Governatore della Banca d'Italia, IgnazioVisco, ieri."
    assert extract_places(text, "Visco, sulla crescita si può fare di più")[0] != "Visco"
