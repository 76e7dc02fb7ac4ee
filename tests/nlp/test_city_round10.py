"""City, round 10: precision of the mentions (a city's quarter, the start of a longer name) and frames that
misfired (a comune's territory, a headline about a body of many comuni). Every example is invented."""

from __future__ import annotations

from tests.nlp.invented import city

# "il territorio di X", "sul territorio comunale di X": the comune's own ground, not an area around it.


def test_the_territory_of_a_comune_is_the_comune():
    text = (
        "Un camion si è ribaltato ieri mattina nel territorio di Roncofreddo, lungo la provinciale. "
        "Ferito il conducente, soccorso dal 118 e portato all'ospedale di Cesena."
    )
    assert city(text, "Camion ribaltato, ferito l'autista") == "Roncofreddo"


def test_the_territory_of_a_region_stays_an_area():
    # near miss: "il territorio della Toscana" names no comune
    text = (
        "Allerta gialla su tutto il territorio della Toscana per piogge e temporali: "
        "la protezione civile invita alla prudenza."
    )
    assert city(text, "Maltempo, allerta gialla") is None


# "nel quartiere X", "il rione X": a city's quarter, though a comune elsewhere has its name.


def test_a_quarter_named_as_such_is_not_the_comune_of_that_name():
    text = (
        "A Palermo la polizia ha chiuso un deposito di merce rubata nel quartiere San Vito. "
        "Due uomini sono stati denunciati, la merce è stata restituita ai negozi del centro di Palermo."
    )
    assert city(text, "Merce rubata, deposito chiuso a San Vito") == "Palermo"


def test_a_comune_named_without_the_word_quarter_stays_the_comune():
    # near miss: no "quartiere" before it, San Vito is the comune
    text = (
        "A San Vito la polizia locale ha chiuso un deposito di merce rubata. "
        "Due uomini sono stati denunciati, la merce è stata restituita ai negozi del paese."
    )
    assert city(text, "Merce rubata, deposito chiuso a San Vito") is not None


# A short form followed by a capitalised word begins a longer name ("San Giovanni Galermo", a quarter).


def test_a_saints_short_form_that_a_name_goes_on_from_is_no_comune():
    text = (
        "I carabinieri hanno arrestato tre giovani: custodivano la droga in un garage. "
        "Il sindaco ha ringraziato i militari."
    )
    assert city(text, "Droga in un garage a San Gavino Piccinu") is None


def test_a_saints_short_form_alone_stays_the_comune():
    # near miss: the short form alone, "a San Gavino", is still read
    text = "Festa grande ieri sera a San Gavino: il sindaco ha inaugurato la nuova piazza del paese."
    assert city(text, "Inaugurata la piazza") == "San Gavino Monreale"


# A headline about a body of many comuni (Anci, an Unione dei Comuni, the conference of mayors): its piece.


def test_a_headline_about_the_association_of_comuni_gives_no_comune():
    text = (
        "Il sindaco di Foligno è stato eletto all'unanimità presidente di Anci Umbria. "
        "«Lavoreremo per i piccoli comuni», ha detto dopo il voto a Perugia."
    )
    assert city(text, "Foligno, il sindaco nuovo presidente di Anci Umbria") is None


def test_a_headline_about_an_union_of_comuni_gives_no_comune():
    text = (
        "Il consiglio dell'Unione dei Comuni della Valle del Savio ha eletto il sindaco di Sarsina presidente. "
        "Resterà in carica due anni; il sindaco di Sarsina ringrazia i colleghi."
    )
    assert city(text, "Sarsina, il sindaco presidente dell'Unione dei Comuni") is None


def test_a_headline_about_a_comune_that_names_no_body_of_comuni_keeps_it():
    # near miss: the same news told as the comune's own, no body of comuni in the headline
    text = (
        "Il sindaco di Sarsina ha presentato la nuova giunta in consiglio comunale. "
        "Resterà in carica due anni; il sindaco di Sarsina ringrazia i colleghi."
    )
    assert city(text, "Sarsina, il sindaco presenta la giunta") == "Sarsina"


# A proper name goes on after "scuola", "plesso": "la scuola primaria Gaetano Bruni di X" is a site of X.


def test_a_named_school_with_its_kind_before_the_name_is_a_site_of_the_comune():
    text = (
        "Inaugurati i nuovi spazi della scuola primaria Gaetano Bruni di Fucecchio: due milioni per l'adeguamento "
        "sismico. Al taglio del nastro gli alunni, le maestre e le famiglie."
    )
    assert city(text, "Taglio del nastro alla Bruni") == "Fucecchio"


def test_a_site_word_with_a_description_then_a_is_no_site():
    # near miss: words of description, no name, then "a": where the sites are crowded, not a site of the comune
    text = (
        "Pronto soccorso presi d'assalto a Fucecchio: attese di sei ore, i medici chiedono rinforzi alla Regione. "
        "Il presidente della Regione promette fondi, il governo tace."
    )
    assert city(text, "Sanità, attese lunghe") is None


# A church, a feast or the cult of a saint names the saint, not the comune of that name.


def test_a_sanctuary_of_a_saint_is_no_comune():
    text = "I fedeli si sono radunati ieri sera davanti al santuario di San Vincenzo per la veglia di preghiera."
    assert city(text, "Veglia dei fedeli") is None


def test_a_sanctuary_of_a_saint_whose_name_begins_a_comunes_is_no_comune():
    # "San Gennaro" is also the short form of San Gennaro Vesuviano
    text = "I fedeli si sono radunati ieri sera davanti al santuario di San Gennaro per la veglia di preghiera."
    assert city(text, "Veglia dei fedeli") is None


def test_a_church_of_a_saint_is_no_comune():
    text = "Furto nella chiesa di San Paolo: rubati gli ex voto d'argento. Indagano i carabinieri."
    assert city(text, "Furto in chiesa") is None


def test_a_comune_named_after_a_saint_where_something_happens_stays():
    # near miss: no church nor feast before it
    text = "I fedeli si sono radunati ieri sera a San Vincenzo per la veglia: il sindaco ha ringraziato i volontari."
    assert city(text, "Veglia dei fedeli") == "San Vincenzo"


# A given name followed by a surname is a person, even after "a" or in a headline.


def test_a_given_name_that_is_a_comune_with_a_surname_after_it_is_a_person():
    text = (
        "Il premio è andato a Donato Ferraresi, maestro elementare in pensione: la cerimonia si è svolta in municipio."
    )
    assert city(text, "Il premio del paese") is None


def test_a_given_name_that_is_a_comune_with_a_surname_in_a_headline_is_a_person():
    text = "La nuova giunta si è insediata ieri: in consiglio la maggioranza ha votato compatta."
    assert city(text, "Paola Ferraresi sindaca, la giunta") is None


def test_the_comune_named_like_a_given_name_set_off_by_a_comma_stays():
    # near miss: no surname after it
    text = "La nuova giunta si è insediata ieri: in consiglio la maggioranza ha votato compatta."
    assert city(text, "Paola, la nuova giunta") == "Paola"


# A headline rebuilt from the address, its punctuation lost: the comune then a figure, or then its province.


def test_a_headline_opening_on_a_comune_then_a_figure_gives_it():
    text = (
        "Arrivano i fondi per la nuova palestra della scuola media. «Lavori entro l'estate», spiega la sindaca, "
        "che ringrazia gli uffici comunali."
    )
    assert city(text, "Castelleone 350mila euro per la palestra della scuola media") == "Castelleone"


def test_a_headline_opening_on_a_comune_then_a_year_is_an_events_name():
    # near miss: "Castelleone 2025" names an event, the figure is a year
    text = "Tre giorni di musica e stand gastronomici: gli organizzatori contano su diecimila visitatori."
    assert city(text, "Castelleone 2025 il programma della festa") is None


def test_a_headline_opening_on_a_comune_and_its_province_gives_it():
    text = "La giunta ha approvato tre progetti esecutivi finanziati dal Pnrr: parcheggio, scuola e lungomare."
    assert city(text, "Pozzallo RG La Giunta approva i progetti") == "Pozzallo"


def test_a_headline_opening_on_a_comune_and_another_provinces_sigla_is_not_read_so():
    # near miss: "Pozzallo" is in the province of Ragusa, not of Milano
    text = "La giunta ha approvato tre progetti esecutivi finanziati dal Pnrr: parcheggio, scuola e lungomare."
    assert city(text, "Pozzallo MI La Giunta approva i progetti") is None


# A capoluogo in a piece about its province: the provincial bodies' news, no word of a comune's government.


def test_a_capoluogo_in_a_piece_about_its_province_is_no_city():
    text = (
        "Festa ieri a Piacenza per l'anniversario dell'Arma. Il comandante provinciale ha ricordato il lavoro "
        "delle stazioni della provincia: 1.200 denunce e 300 arresti in un anno."
    )
    assert city(text, "I carabinieri in festa a Piacenza") is None


def test_a_capoluogo_whose_mayor_speaks_in_a_piece_about_its_province_stays():
    # near miss: the comune's own government speaks: the piece is the comune's
    text = (
        "Festa ieri a Piacenza per l'anniversario dell'Arma. Il comandante provinciale ha ricordato il lavoro "
        "delle stazioni della provincia, il sindaco ha ringraziato i militari per la sicurezza della città."
    )
    assert city(text, "I carabinieri in festa a Piacenza") == "Piacenza"


# "S." for San, Santa, Santo before a comune's name of three words or more.


def test_a_comune_whose_saints_title_is_cut_to_its_initial_is_read():
    text = "Grande successo per la sagra di S. Stefano al Mare: migliaia di visitatori sul lungomare, dice il sindaco."
    assert city(text, "Sagra, un successo") == "Santo Stefano al Mare"


def test_a_saints_name_cut_to_its_initial_is_no_comune():
    # near miss: "S. Stefano" alone names the saint (or one of many comuni)
    text = "Grande successo per la sagra di S. Stefano: migliaia di visitatori sul lungomare, dice il sindaco."
    assert city(text, "Sagra, un successo") is None


# The text's opening makes several comuni its subject: a piece over them, unless it calls one comune its own.


def test_an_opening_on_several_comuni_gives_no_comune():
    text = (
        "Sono sette i comuni della Val Seriana che hanno chiesto i fondi regionali per le scuole. "
        "Tra i progetti anche quello della sindaca di Gandino, Elena Rossi, per la palestra."
    )
    assert city(text, "Scuole, sette progetti in valle") is None


def test_an_opening_on_two_comuni_it_names_keeps_the_one_it_calls_its_own():
    # near miss: the comuni are named ("i Comuni di X e di Y"), and the Comune di Gandino acts
    text = (
        "Accordo tra i Comuni di Gandino e di Leffe per la palestra della scuola media. "
        "Il Comune di Gandino pagherà i lavori, la sindaca di Gandino, Elena Rossi, firma oggi."
    )
    assert city(text, "Scuole, accordo per la palestra") == "Gandino"


def test_a_comune_among_several_comuni_keeps_it():
    # near miss: "Castelleone tra i 12 comuni": the comune is one of them, and the subject
    text = (
        "Castelleone tra i 12 comuni della rete per l'accoglienza: trenta persone seguite dagli sportelli, "
        "spiega il sindaco di Castelleone."
    )
    assert city(text, "Castelleone, un anno di accoglienza") == "Castelleone"


# An event named after its place ("le stragi di Capaci", "il naufragio di Cutro") is recalled, not where the piece is.


def test_a_massacre_named_after_a_comune_is_no_evidence_for_it():
    text = (
        "La corte ha confermato l'ergastolo per il boss, mandante della strage di Lucignano. «Attendiamo le "
        "motivazioni», dice il difensore. La strage di Lucignano resta una ferita aperta."
    )
    assert city(text, "Ergastolo confermato, il difensore: attendiamo le motivazioni") is None


def test_a_comune_named_where_the_court_sits_after_the_event_stays():
    # near miss: no event before the comune's name, a body of the comune acts
    text = (
        "Il sindaco di Lucignano ha incontrato le famiglie delle vittime. «Attendiamo le motivazioni», dice il "
        "sindaco di Lucignano."
    )
    assert city(text, "Ergastolo confermato, il sindaco: attendiamo le motivazioni") == "Lucignano"


# A headline's "a X" is where the events happen, though the text names X only inside a list's name.


def test_a_headlines_at_comune_named_in_the_text_only_in_a_lists_name_stays():
    text = (
        "Prima seduta del nuovo consiglio comunale, subito polemiche sulla presidenza. Tra i primi ad arrivare "
        "in aula il capogruppo di Insieme per Lodi, Marco Neri."
    )
    assert city(text, "A Lodi primo consiglio comunale, subito polemiche") == "Lodi"


def test_a_headlines_bare_comune_named_in_the_text_only_in_a_lists_name_is_not_read():
    # near miss: no "a" before it in the headline, the comune is the list's name
    text = (
        "Prima seduta del nuovo consiglio comunale, subito polemiche sulla presidenza. Tra i primi ad arrivare "
        "in aula il capogruppo di Insieme per Lodi, Marco Neri."
    )
    assert city(text, "Insieme per Lodi, il capogruppo all'attacco") is None


# The comune's own address ("www.comune.X.it", "protocollo@comune.X.pv.it"): its office speaks.


def test_a_comunes_web_address_names_it():
    text = (
        "Il Comune apre il nuovo sito (www.comune.fortunago.pv.it), presentato ieri dal sindaco: pagamenti, "
        "certificati e prenotazioni si fanno ora in rete."
    )
    assert city(text, "Il nuovo sito del Comune") == "Fortunago"


def test_an_address_with_another_provinces_sigla_is_not_read():
    # near miss: Fortunago is in the province of Pavia, not of Milano
    text = (
        "Il Comune apre il nuovo sito (www.comune.fortunago.mi.it), presentato ieri dal sindaco: pagamenti, "
        "certificati e prenotazioni si fanno ora in rete."
    )
    assert city(text, "Il nuovo sito del Comune") is None
