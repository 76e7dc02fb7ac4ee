"""City, round 9: comuni the rules never recognised (a dateline alone on its line, a text opening on its comune,
short forms of names of several words, merged comuni written without their hyphen). Every example is invented."""

from __future__ import annotations

from tests.nlp.invented import city

# A dateline alone on its line, over the text.


def test_a_comune_in_capitals_with_its_province_alone_on_its_line_is_the_dateline():
    text = (
        "CASALPUSTERLENGO (Lodi)\n\nIl comando della polizia locale ha chiuso l'anno con otto agenti: "
        "più controlli sulle strade e meno incidenti, dice il comandante."
    )
    assert city(text, "Polizia locale, un anno in trincea") == "Casalpusterlengo"


def test_a_comune_of_several_words_alone_on_its_line_is_the_dateline():
    text = (
        "Noventa Vicentina\n\nLadri nell'abitazione del primo cittadino. Hanno portato via due fucili "
        "da caccia e qualche gioiello: indagano i carabinieri."
    )
    assert city(text, "Ladri pure a casa del sindaco") == "Noventa Vicentina"


def test_a_comune_alone_on_a_line_at_the_end_of_the_text_is_no_dateline():
    # near miss: a signature line closing the text is not over it
    text = (
        "Il comando della polizia locale ha chiuso l'anno con otto agenti: più controlli sulle strade e meno "
        "incidenti, dice il comandante.\n\nCasalpusterlengo"
    )
    assert city(text, "Polizia locale, un anno in trincea") is None


# A text opening on its comune, set off by a comma as a headline's lead.


def test_a_text_opening_on_its_comune_and_a_comma_gives_it():
    text = (
        "Caresana, centro estivo: sondaggio dell'amministrazione comunale per verificarne la fattibilità. "
        "Le famiglie hanno tempo fino a venerdì per rispondere."
    )
    assert city(text, "Centro estivo, un sondaggio tra le famiglie") == "Caresana"


def test_a_text_opening_on_a_list_of_comuni_gives_none():
    # near miss: "Caresana, Stroppiana e Motta" is a list, not a lead
    text = (
        "Caresana, Stroppiana e Motta de' Conti organizzano insieme il centro estivo. Le famiglie hanno tempo "
        "fino a venerdì per rispondere al sondaggio."
    )
    assert city(text, "Centro estivo, un sondaggio tra le famiglie") is None


# Short forms: the first words of one comune only.


def test_a_short_form_only_one_comune_begins_with_is_that_comune_where_something_happens_at_it():
    text = (
        "Torna la fiera dei Santi. Nelle notti di novembre a Rivignano si accendono i falò e il paese si prepara "
        "ad accogliere migliaia di visitatori. La festa di Rivignano compie seicento anni."
    )
    assert city(text, "Ritorna la fiera dei Santi") == "Rivignano Teor"


def test_a_short_form_that_is_a_word_for_a_place_is_never_the_comune():
    # near miss: "a Palazzo Ghilini" is a building, though Palazzo Canavese begins so
    text = (
        "Sindacati e Rsu sono stati ricevuti ieri a Palazzo Ghilini per discutere del futuro dello stabilimento "
        "e dei suoi lavoratori."
    )
    assert city(text, "Vertice sullo stabilimento") is None


def test_a_short_form_in_a_valley_name_is_not_the_comune():
    # near miss: "Val di Cembra" names the valley, though Cembra Lisignago begins so
    text = (
        "La seconda commissione ha approvato i nuovi ambiti turistici: nascono l'Apt della Val di Cembra "
        "e quella dell'altopiano, con nuovi fondi per la promozione."
    )
    assert city(text, "Ambiti turistici, via libera in commissione") is None


def test_a_saints_short_form_of_one_comune_is_that_comune_where_something_happens_at_it():
    text = (
        "Nasce il banco alimentare: a San Quirico le aziende del territorio doneranno le derrate non più in "
        "vendita alle famiglie in difficoltà."
    )
    assert city(text, "Donazioni di derrate alimentari a San Quirico") == "San Quirico d'Orcia"


def test_a_saints_short_form_named_as_a_church_is_not_the_comune():
    # near miss: "la chiesa di San Quirico" is a church; the saint's short form needs "a"
    text = (
        "Le campane della chiesa di San Quirico suoneranno di nuovo domenica, dopo il restauro del campanile "
        "finanziato dalla diocesi. La festa di San Quirico sarà il 16 giugno."
    )
    assert city(text, "Tornano a suonare le campane") is None


def test_a_shared_short_form_is_the_comune_of_the_province_the_text_names():
    # "Peschiera": del Garda (Verona) or Borromeo (Milano)? The text names Verona.
    text = (
        "Quattro ambulatori nell'ex caserma: i medici di base di Peschiera, in provincia di Verona, saranno "
        "aperti tutto il giorno. Il sindaco di Peschiera ha firmato ieri l'accordo."
    )
    assert city(text, "I medici di base nell'ex caserma") == "Peschiera del Garda"


def test_a_shared_short_form_without_region_or_province_gives_none():
    # near miss: nothing tells Peschiera del Garda from Peschiera Borromeo
    text = (
        "Quattro ambulatori nell'ex caserma: i medici di base di Peschiera saranno aperti tutto il giorno. "
        "Il sindaco di Peschiera ha firmato ieri l'accordo."
    )
    assert city(text, "I medici di base nell'ex caserma") is None


def test_a_foreign_city_named_like_a_comunes_first_word_is_not_the_comune():
    # near miss: "Nizza" is Nice; Nizza Monferrato and Nizza di Sicilia share the word, and no region is named
    text = (
        "Il ministro ha incontrato a Nizza il suo omologo francese per discutere dei controlli alla frontiera "
        "e dei respingimenti."
    )
    assert city(text, "Frontiera, vertice italo-francese") is None


# A merged comune written without its hyphen.


def test_a_merged_comune_written_without_its_hyphen_is_that_comune():
    text = (
        "Il consiglio comunale di Corigliano Rossano ha approvato il bilancio dopo una lunga seduta: la "
        "minoranza ha votato contro."
    )
    assert city(text, "Bilancio, scontro in consiglio") == "Corigliano-Rossano"


def test_the_first_word_of_a_merged_comune_alone_is_shared_and_needs_the_region():
    # near miss: "Corigliano" alone is d'Otranto or Corigliano-Rossano; the Calabria named gives the merger
    text = (
        "La Regione Calabria ha finanziato la nuova scuola: il sindaco di Corigliano ha firmato ieri la "
        "convenzione per i lavori."
    )
    assert city(text, "Nuova scuola, firmata la convenzione") == "Corigliano-Rossano"
