"""City, round 7: offices and seats, meetings, pieces of several comuni. Every example is invented."""

from __future__ import annotations

from tests.nlp.invented import city

# A person introduced by name, then by their office in a comune: what the person is, not where the story is.


def test_a_mayor_introduced_by_name_gives_no_city_to_a_piece_about_a_wider_body():
    text = (
        "Si è insediato ieri il nuovo consiglio del parco regionale. Giovanna Ferretti, sindaca di Bagnacavallo, "
        "sarà vicepresidente e seguirà i sentieri e la fauna. Le altre deleghe saranno assegnate a marzo."
    )
    assert city(text, "Parco regionale, assegnate le deleghe") is None


def test_the_mayor_of_a_comune_named_with_his_office_first_still_gives_it():
    # near miss: "il sindaco di X, Name" makes the office the subject, and the mayor speaks of his comune
    text = (
        "«Qui il pronto soccorso chiude di notte e nessuno ci ascolta»: è la denuncia del sindaco di Bagnacavallo "
        "Marco Ferretti, che chiede un incontro all'azienda sanitaria."
    )
    assert city(text, "Pronto soccorso chiuso di notte, la protesta") == "Bagnacavallo"


def test_a_mayor_introduced_by_name_acting_as_mayor_still_gives_the_comune():
    # near miss: the person's office is plain evidence when they hold no other office in the sentence
    text = (
        "Mario Rossi, sindaco di Fossano, ha inaugurato ieri la nuova scuola di via Roma. «È un giorno di festa per "
        "tutta la città» ha detto davanti ai bambini e ai genitori."
    )
    assert city(text, "Nuova scuola, taglio del nastro") == "Fossano"


def test_a_mayor_in_a_list_of_guests_is_no_mayor_with_a_wider_office():
    # near miss: ", il presidente della Provincia" after the mayor is the next guest, not his other office
    text = (
        "Alla cerimonia c'erano Mario Rossi, sindaco di Fossano, il presidente della Provincia e l'assessore "
        "regionale. La nuova scuola di via Roma aprirà a settembre."
    )
    assert city(text, "Nuova scuola, il taglio del nastro") == "Fossano"


def test_a_person_s_office_names_a_comune_with_a_short_form_surely():
    # near miss: the office is no body's weight, but it does say that "Lampedusa" is the comune
    text = (
        "«L'hotspot è pieno e il molo è ingombro di barchini». A dirlo è Marco Bonsignore, neo sindaco di Lampedusa, "
        "dopo gli ultimi sbarchi della notte. Il Comune chiede aiuto."
    )
    assert city(text, "Sbarchi, l'appello: hotspot pieno") == "Lampedusa e Linosa"


def test_a_councillor_named_at_the_head_of_a_sentence_is_an_office_too():
    text = (
        "Il consorzio dei servizi sociali ha eletto il nuovo presidente. Ermenegildo Sartori, consigliere comunale "
        "di Pontecorvo, ricoprirà la carica di vicepresidente. I comuni soci sono ventidue."
    )
    assert city(text, "Consorzio dei servizi sociali, eletto il presidente") is None


def test_a_mayor_who_also_holds_an_office_in_a_wider_body_speaks_for_that_body():
    text = (
        "«Servono più risorse per l'accoglienza dei minori» ha detto il sindaco di Lucca e delegato dell'Anci "
        "all'immigrazione, aprendo i lavori della commissione nazionale."
    )
    assert city(text, "Minori stranieri, l'appello dei comuni") is None
    text = (
        "«Servono più risorse per l'accoglienza dei minori» ha detto la presidente di Anci Liguria e sindaca di "
        "Sarzana, aprendo i lavori della commissione regionale."
    )
    assert city(text, "Minori stranieri, l'appello dei comuni") is None


def test_a_mayor_and_his_deputy_of_the_same_comune_still_give_it():
    # near miss: "sindaco di X e il vicesindaco" joins two offices of the same comune, not a wider body
    text = (
        "Il sindaco di Bagnacavallo e il vicesindaco hanno inaugurato ieri la nuova palestra della scuola media "
        "di via Roma. Il Comune ha speso 300 mila euro."
    )
    assert city(text, "Bagnacavallo, inaugurata la palestra") == "Bagnacavallo"


# Where the speakers met.


def test_where_a_meeting_was_held_is_no_city():
    text = (
        "Si è svolta ieri a Foligno l'assemblea dei sindaci della Valle Umbra sui rifiuti. I sindaci chiedono alla "
        "società della raccolta di ridurre la tariffa; il sindaco più giovane propone una nuova piazza ecologica "
        "in ogni comune."
    )
    assert city(text, "Rifiuti, i sindaci chiedono tariffe più basse") is None


def test_a_festival_held_in_a_comune_is_no_meeting():
    # near miss: "si è svolta a X" makes a venue only of a meeting (riunione, assemblea, commissione, vertice ...)
    text = (
        "Si è svolta domenica a Fossano la festa della castagna: migliaia di visitatori tra gli stand di piazza "
        "Castello. Il sindaco ha ringraziato i volontari della Pro loco."
    )
    assert city(text, "Festa della castagna, migliaia di visitatori") == "Fossano"


def test_a_meeting_of_the_comune_s_own_people_is_no_venue():
    # near miss: the mayor and the shopkeepers meeting in their comune speak of it
    text = (
        "Si è tenuto ieri a Fossano il tavolo sulla sicurezza tra il sindaco e i commercianti del centro: più "
        "telecamere e una pattuglia la sera."
    )
    assert city(text, "Sicurezza in centro, più telecamere") == "Fossano"


def test_a_meeting_held_under_a_provincial_committee_is_a_venue():
    text = (
        "Il comitato provinciale per l'ordine e la sicurezza pubblica si è tenuto ieri a Fossano, alla presenza del "
        "prefetto e dei sindaci della zona: più pattuglie nelle stazioni ferroviarie."
    )
    assert city(text, "Sicurezza nelle stazioni, più pattuglie") is None


def test_where_a_meeting_opened_is_no_city():
    text = (
        "L'assemblea nazionale delle cooperative sociali, con i delegati di tutte le regioni, ha preso il via ieri a "
        "Fossano e si chiuderà domani. I delegati chiedono più risorse per i servizi."
    )
    assert city(text, "Cooperative sociali, i delegati chiedono risorse") is None


def test_a_headline_place_the_text_gives_as_a_meeting_s_venue_is_no_city():
    text = (
        "Nella festa della Liberazione le associazioni partigiane si sono riunite a Ravenna per chiedere una "
        "scuola che insegni la Costituzione. Il presidente regionale ha ricordato i caduti."
    )
    assert city(text, "25 aprile a Ravenna: appello per la scuola") is None


def test_a_festival_held_in_the_comune_the_piece_is_about_keeps_it():
    # near miss: the event's comune is named as the comune's own too
    text = (
        "Si è svolta ieri a Bagnacavallo la festa di San Michele. Il Comune di Bagnacavallo ha organizzato "
        "mercatini e concerti in piazza fino a tarda sera."
    )
    assert city(text, "Bagnacavallo in festa per San Michele") == "Bagnacavallo"


def test_residents_meeting_in_their_own_comune_are_no_venue():
    # near miss: a gathering is a venue only for representatives (unions, mayors, delegates, associations ...)
    text = (
        "I residenti del quartiere si sono riuniti ieri sera a Fossano per protestare contro la nuova antenna. Il "
        "sindaco ha promesso una verifica dell'Arpa entro un mese."
    )
    assert city(text, "Antenna, la protesta dei residenti") == "Fossano"


def test_what_the_comune_s_own_mayor_said_in_it_is_no_venue():
    # near miss: "Lo ha detto ieri a X il sindaco" speaks of the comune
    text = (
        "«La scuola sarà pronta a settembre». Lo ha detto ieri a Fossano il sindaco, visitando il cantiere di via "
        "Roma con i tecnici del Comune."
    )
    assert city(text, "Scuola pronta a settembre") == "Fossano"


def test_an_assembly_with_its_date_is_a_venue():
    text = (
        "Assemblea dei sindaci umbri il 14 marzo a Foligno. I sindaci chiedono alla società della raccolta di "
        "ridurre la tariffa; il sindaco più giovane propone una piazza ecologica in ogni comune."
    )
    assert city(text, "Rifiuti, i sindaci a confronto il 14 marzo a Foligno") is None


def test_where_the_words_were_said_is_no_city():
    text = (
        "«Le nostre strade sono un colabrodo e i cantieri non partono». Lo ha detto ieri a Foligno il presidente "
        "nazionale dei costruttori, davanti ai sindaci e ai consiglieri comunali."
    )
    assert city(text, "Strade, i costruttori: cantieri fermi") is None


def test_where_the_words_were_said_does_not_undo_a_site_of_the_comune():
    # near miss: the piece is about the comune's steelworks, whoever spoke there
    text = (
        "«Serve un piano per le acciaierie di Terni e per i suoi lavoratori». Lo ha detto ieri a Terni il ministro "
        "delle Imprese, che ha promesso un tavolo con il Comune e i sindacati entro l'estate."
    )
    assert city(text, "Acciaio, il ministro promette un piano") == "Terni"


# The province the headline names.


def test_a_headline_naming_the_province_outweighs_one_plain_mention_of_its_capoluogo():
    text = (
        "Prima seduta per il nuovo Consiglio provinciale di Cremona. Marta Rossi, sindaca di Soresina, sarà "
        "vicepresidente; le altre deleghe vanno ai consiglieri della lista “Per Cremona”, ai sindaci dei comuni "
        "più piccoli e ai consiglieri comunali dell'opposizione."
    )
    assert city(text, "Provincia di Cremona, assegnate le deleghe") is None


def test_a_headline_naming_the_comune_is_not_the_province():
    # near miss: the headline names the comune, the text its province once
    text = (
        "Il sindaco di Cremona ha firmato l'ordinanza sulle polveri sottili, d'intesa con la Provincia di Cremona. "
        "Dal lunedì al venerdì stop ai diesel in centro; i vigili controlleranno le auto in piazza."
    )
    assert city(text, "Cremona, stop ai diesel in centro") == "Cremona"


# Spellings and sites.


def test_a_name_with_de_and_a_typographic_apostrophe_is_read_whole():
    text = (
        "Il Comune di Serra de’ Conti ha ottenuto dalla Regione i fondi per il nuovo asilo nido: i lavori "
        "partiranno a maggio."
    )
    assert city(text, "Un asilo nido più grande, i lavori a maggio") == "Serra de' Conti"


def test_a_school_campus_is_a_named_site():
    text = (
        "«Ho consegnato al ministro dell'Istruzione il progetto del nuovo polo scolastico a Sassoferrato – ha detto "
        "il sindaco –. Il governo ha promesso le risorse con la legge di bilancio»."
    )
    assert city(text, "Nuovo polo scolastico di Sassoferrato, il progetto al ministro") == "Sassoferrato"


def test_asylum_seekers_in_a_comune_are_no_named_site():
    # near miss: "asilo" is a site only as "asilo nido"
    text = (
        "Il ministro ha annunciato nuovi fondi per i richiedenti asilo a Fossano e in altri centri del Paese. Il "
        "governo vuole più posti."
    )
    assert city(text, "Migranti, il governo stanzia fondi") is None


def test_a_gym_is_no_named_site():
    # near miss: only schools, plants, hospitals and the like are sites; a national piece naming a gym once
    text = (
        "«Ho consegnato al ministro dello Sport il progetto della nuova palestra a Sassoferrato – ha detto il "
        "deputato –. Il governo ha promesso le risorse con la legge di bilancio»."
    )
    assert city(text, "Impianti sportivi, i progetti al ministro") is None


# Seats of bodies wider than a comune, and comuni named in pairs.


def test_a_comune_joined_to_another_by_e_is_its_rival():
    text = (
        "I carabinieri hanno controllato i bar di Tolentino e Pollenza: chiusi due locali per la vendita di alcol "
        "ai minori."
    )
    assert city(text, "Alcol ai minori, chiusi due bar") is None


def test_a_comune_joined_to_a_body_by_e_is_no_rival():
    # near miss: "i vigili di X e la polizia stradale" joins a body, not a comune
    text = (
        "Il sindaco di Tolentino ha firmato l'ordinanza: il ponte resta chiuso. «I vigili di Tolentino e la polizia "
        "stradale controlleranno il traffico» ha spiegato in piazza."
    )
    assert city(text, "Tolentino, il ponte resta chiuso") == "Tolentino"


def test_a_party_s_electoral_district_is_no_comune():
    text = (
        "Il coordinatore del Collegio di Macerata di Azione chiede ai sindaci dei comuni colpiti dalla frana di "
        "unirsi: la strada per Macerata è chiusa da un mese."
    )
    assert city(text, "Strade rovinate, Azione chiede fondi") is None


def test_the_general_prosecutor_and_the_bar_of_a_city_are_seats():
    text = (
        "MACERATA – Il procuratore generale di Macerata ha aperto l'anno giudiziario: i processi pendenti sono 12 "
        "mila, il presidente dell'ordine di Macerata chiede più giudici per la provincia di Macerata."
    )
    assert city(text, "Giustizia lenta nella provincia di Macerata") is None


def test_the_metropolitan_area_is_the_province():
    text = (
        "CATANIA – Il prefetto ha presentato i dati dei reati nell'area metropolitana di Catania: furti in calo, "
        "rapine in aumento. A Catania più pattuglie la notte."
    )
    assert city(text, "Reati in calo nell'area metropolitana di Catania") is None


def test_a_city_s_piece_naming_its_metropolitan_area_once_keeps_the_city():
    # near miss: the headline leads with the comune
    text = (
        "CATANIA – Il sindaco ha presentato i dati dei reati: furti in calo, rapine in aumento. A Catania più "
        "pattuglie la notte, anche nei comuni dell'area metropolitana di Catania."
    )
    assert city(text, "Catania, reati in calo") == "Catania"


def test_the_metropolitan_city_s_body_named_twice_does_not_undo_the_city():
    # near miss: the Città metropolitana is a body the city's mayor leads, not the province's territory
    text = (
        "CATANIA – Il sindaco, che guida anche la Città metropolitana di Catania, ha firmato con la Città "
        "metropolitana di Catania l'accordo per le strade: a Catania 40 cantieri entro l'estate."
    )
    assert city(text, "Strade, 40 cantieri in estate") == "Catania"


# Pieces of several comuni.


def test_a_headline_counting_comuni_spreads_the_piece():
    text = (
        "L'idea è del sindaco di Ponsacco, che ha scritto alla Regione. I sindaci di Ponsacco, Capannoli e Palaia "
        "chiedono di spostare l'impianto lontano dalle case."
    )
    assert city(text, "Rifiuti: tre comuni della Valdera dicono no all'inceneritore") is None


def test_a_headline_leading_with_a_comune_before_a_count_of_comuni_keeps_it():
    # near miss: the headline leads with the comune, then counts it with its partner
    text = (
        "Il Comune ha firmato l'accordo con Bra per la piscina: i residenti dei due paesi pagheranno la stessa "
        "tariffa. Il sindaco di Fossano parla di un passo avanti."
    )
    assert city(text, "Fossano: due comuni insieme per la piscina") == "Fossano"


def test_a_headline_leading_with_its_comune_is_not_spread_by_a_count_further_on():
    # near miss: the count of comuni is not the headline's subject, and the text calls the comune its own
    text = (
        "L'idea è del sindaco di Ponsacco, che ha scritto alla Regione. Il Comune di Ponsacco chiede di spostare "
        "l'impianto lontano dalle case di via Roma."
    )
    assert city(text, "Ponsacco, il sindaco: due comuni vicini ci hanno lasciato soli") == "Ponsacco"


def test_a_headline_s_comune_the_text_names_only_as_a_court_s_seat_and_in_a_listing_is_no_city():
    text = (
        "È stata letta ieri la sentenza del processo celebrato presso il Tribunale di Nola. Il giudice del "
        "Tribunale di Nola ha condannato 14 persone. I condannati sono di Cimitile, Camposano, Saviano e Nola."
    )
    assert city(text, "Processo alla criminalità di Nola, 14 condanne") is None


def test_a_headline_leading_with_a_comune_listed_with_others_keeps_it():
    # near miss: the listing names the headline's comune among others, and the headline leads with it
    text = (
        "La Regione ha assegnato 300 mila euro ai centri antiviolenza di Velletri, Tivoli e Aprilia, che in questi "
        "anni hanno accolto molte donne. La Regione Lazio ha già finanziato la rete dei centri; il presidente della "
        "Regione ha detto che il governo regionale continuerà. Il centro antiviolenza di Velletri aprirà un nuovo "
        "sportello."
    )
    assert city(text, "Velletri, in arrivo fondi per il centro antiviolenza") == "Velletri"


def test_the_comune_of_l_aquila_with_its_article_merged_is_named_strongly():
    text = (
        "Il progetto, che vede come capofila il Comune dell'Aquila, coinvolge la Comunità montana e i Comuni di "
        "Fontecchio, Ovindoli e Pizzoli. Gli sportelli apriranno a marzo."
    )
    assert city(text, "Sportelli per l'integrazione, presentato il progetto") == "L'Aquila"


# A regional capital's dateline.


def test_a_capital_s_dateline_over_a_piece_about_a_city_council_is_the_city():
    text = (
        "Bologna – Salta il consiglio comunale: le opposizioni hanno lasciato l'aula prima del voto sulla delibera "
        "contro il decreto del governo sulle multe. Il presidente del consiglio comunale Marco Neri ha rinviato la "
        "seduta; la maggioranza accusa il governo e il ministro di aver dettato la linea al centrodestra."
    )
    assert city(text, "Opposizioni fuori dall'aula, salta la seduta sulle multe") == "Bologna"


def test_a_capital_s_dateline_over_a_national_piece_on_every_council_is_no_city():
    # near miss: councils in general, no officer of one named
    text = (
        "ROMA – Il governo ha approvato il decreto: ogni consiglio comunale dovrà approvare il bilancio entro marzo, "
        "altrimenti il consiglio comunale sarà sciolto dal prefetto. L'Anci protesta e chiede un incontro al ministro."
    )
    assert city(text, "Bilanci dei comuni, stretta del governo") is None


def test_a_capital_s_dateline_over_a_regional_council_s_piece_is_no_city():
    # near miss: the regional council, not the city's
    text = (
        "Bologna – Salta il consiglio regionale: le opposizioni hanno lasciato l'aula prima del voto sulla delibera "
        "contro il decreto del governo sulle multe. Il presidente dell'assemblea ha rinviato la seduta; la "
        "maggioranza accusa il governo e il ministro di aver dettato la linea al centrodestra."
    )
    assert city(text, "Opposizioni fuori dall'aula, salta la seduta sulle multe") is None


# Names of documents.


def test_regions_listed_in_a_quoted_title_of_a_decree_are_no_reach_of_the_piece():
    text = (
        "Con il decreto “Fondo per la ricostruzione delle scuole delle Regioni di Abruzzo, Lazio, Marche e Umbria” "
        "sono stati trasferiti 300 mila euro per i lavori nella scuola media Leopardi a Tolentino. Il sindaco ha "
        "ringraziato il commissario."
    )
    assert city(text) == "Tolentino"


def test_regions_listed_outside_quotes_are_the_reach_of_the_piece():
    # near miss: the same regions, written as where the money goes, over one school among forty
    text = (
        "Con il decreto sulla ricostruzione delle scuole, nelle Regioni di Abruzzo, Lazio, Marche e Umbria sono "
        "stati trasferiti 300 mila euro per i lavori nella scuola media Leopardi a Tolentino e in altri 40 istituti. "
        "Il commissario ha ringraziato i sindaci."
    )
    assert city(text) is None


# Headlines rebuilt from the address.


def test_a_rebuilt_headline_opening_on_a_comune_then_the_firm_the_text_names():
    text = (
        "I lavoratori della Elica hanno incontrato ieri il vicesindaco e i consiglieri comunali nella sala del "
        "consiglio. «Saremo accanto a voi» ha detto il vicesindaco, che porterà la vicenda in consiglio comunale."
    )
    assert city(text, "Fabriano Elica il Comune incontra i lavoratori") == "Fabriano"


def test_a_rebuilt_headline_opening_on_a_word_the_headline_also_writes_in_lower_case_is_no_comune():
    # near miss: "vasto" is a common word too, and the headline writes it so
    text = (
        "I dipendenti della Elica hanno incontrato ieri il vicesindaco e i consiglieri comunali nella sala del "
        "consiglio. «Saremo accanto a voi» ha detto il vicesindaco, che porterà la vicenda in consiglio comunale."
    )
    assert city(text, "Vasto Elica il Comune incontra i lavoratori: vasto il sostegno") is None
