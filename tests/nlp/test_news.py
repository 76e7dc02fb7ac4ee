"""The rules on general Italian news (not about the campaign): the cases of real pages that broke them.

Each text is a short passage in the style of a national or local daily, an agency wire or a live blog.
"""

from __future__ import annotations

import pytest

from rassegna.nlp.figures import extract_figures
from rassegna.nlp.places import extract_places
from rassegna.nlp.quotes import extract_quotes


def figs(text: str) -> list[tuple[float | int, str]]:
    return [(f.value, f.unit) for f in extract_figures(text)]


# --- quotes: marks ---------------------------------------------------------------------------------------


def test_mismatched_closing_marks_close_the_quote():
    text = (
        "«La situazione è sotto controllo e le scuole riapriranno lunedì” ha detto il prefetto Mario Rossi "
        "ai giornalisti.\n\n"
        '“Abbiamo chiesto al governo lo stato di emergenza", ha aggiunto il presidente della Regione, Stefano '
        "Bonaccini."
    )
    qs = extract_quotes(text)
    assert [q.text for q in qs] == [
        "La situazione è sotto controllo e le scuole riapriranno lunedì",
        "Abbiamo chiesto al governo lo stato di emergenza",
    ]
    assert [q.speaker for q in qs] == ["Mario Rossi", "Stefano Bonaccini"]


def test_multi_paragraph_quote_italian_style_is_one_quote():
    text = (
        "Il sindaco Gaetano Manfredi ha spiegato: «Abbiamo lavorato per mesi con i quartieri e con le "
        "associazioni, senza mai fermarci.\n\n"
        "«Ora la città ha una rete di servizi che prima non c'era e che resterà anche dopo il 2026».\n\n"
        "La giunta approverà il piano la prossima settimana."
    )
    (q,) = extract_quotes(text)
    assert q.text.startswith("Abbiamo lavorato per mesi")
    assert "Ora la città ha una rete" in q.text
    assert "giunta" not in q.text
    assert q.speaker == "Gaetano Manfredi"


def test_quote_left_open_ends_with_its_paragraph():
    text = (
        "“Non ci fermeremo finché i responsabili non saranno assicurati alla giustizia – ha affermato la "
        "procuratrice Maria Teresa Leacche – e le famiglie avranno una risposta\n\n"
        "Le indagini proseguono.\n\n" + "Il corteo ha attraversato il centro. " * 3 + "\n\n"
        'Domani è previsto un presidio davanti al tribunale, dove sono attese "centinaia di persone".'
    )
    qs = extract_quotes(text)
    assert len(qs) == 1
    assert qs[0].text.startswith("Non ci fermeremo")
    assert "Le indagini" not in qs[0].text
    assert qs[0].speaker == "Maria Teresa Leacche"


def test_no_quote_runs_on_over_many_paragraphs():
    paras = ["«Il ponte sarà pronto entro l'estate”, assicura l'assessore Luca Bianchi."]
    paras += [f"Il cantiere numero {i} è aperto da mesi e i residenti protestano." for i in range(10)]
    paras += ["Il comitato ha scritto al prefetto: «Nessuno ci ascolta»."]
    qs = extract_quotes("\n\n".join(paras))
    assert [q.text for q in qs][0] == "Il ponte sarà pronto entro l'estate"
    assert all("cantiere" not in q.text for q in qs)


def test_interrupted_quote_with_dashes_is_one():
    text = (
        "“Non possiamo più aspettare – ha affermato il sindaco di Genova Marco Bucci – servono risorse "
        "subito per mettere in sicurezza la diga”."
    )
    (q,) = extract_quotes(text)
    assert q.text.startswith("Non possiamo più aspettare")
    assert q.speaker == "Marco Bucci"
    assert q.role == "sindaco di Genova"


@pytest.mark.parametrize(
    "text",
    [
        "Il regista ha presentato alla Mostra di Venezia il film «La vita è bella ancora», accolto da lunghi applausi.",
        'Sul palco è comparso lo striscione "Fuori la mafia dallo Stato", firmato dagli studenti del liceo.',
        "Il ministro Carlo Nordio ha partecipato alla presentazione del libro «Giustizia, una riforma "
        "necessaria per il Paese» di Luciano Violante.",
        "In prima pagina il titolo «Crolla il ponte, dieci morti» campeggiava su sei colonne.",
    ],
)
def test_titles_banners_and_headlines_are_not_quotes(text):
    assert extract_quotes(text) == []


# --- quotes: speakers ------------------------------------------------------------------------------------


def test_role_after_name_is_split():
    text = "«Il contratto va rinnovato entro marzo», ha detto Walter Artibani Segretario della Uil."
    (q,) = extract_quotes(text)
    assert q.speaker == "Walter Artibani"
    assert q.role.startswith("Segretario")


def test_role_before_surname_is_split():
    text = "«La seduta è sospesa fino a nuovo ordine», ha annunciato il Presidente Cannata."
    (q,) = extract_quotes(text)
    assert q.speaker == "Cannata"
    assert q.role == "Presidente"


def test_no_carry_over_across_live_blog_posts():
    text = (
        "12:30\n\nIl ministro degli Esteri Antonio Tajani: «Lavoriamo per una tregua immediata a Gaza».\n\n"
        "12:45\n\n«Gli aiuti umanitari non bastano più, servono corridoi sicuri per i civili».\n\n"
        "13:10\n\nIl presidente francese ha chiesto un vertice europeo."
    )
    qs = extract_quotes(text)
    assert qs[0].speaker == "Antonio Tajani"
    assert all(q.speaker != "Antonio Tajani" for q in qs[1:])


def test_no_carry_over_to_an_unrelated_paragraph():
    text = (
        "«Il bilancio è in ordine», ha detto l'assessore Paolo Verdi.\n\n"
        "Il consiglio comunale si è poi occupato della nuova linea del tram, dopo mesi di proteste dei "
        "residenti del quartiere e una lunga trattativa con l'azienda dei trasporti.\n\n"
        "«Aspettiamo da dieci anni una fermata sotto casa»."
    )
    qs = extract_quotes(text)
    assert qs[0].speaker == "Paolo Verdi"
    assert len(qs) == 1 or qs[1].speaker != "Paolo Verdi"


def test_country_speaks_only_when_the_text_makes_it_speak():
    spoke = "La Turchia ha dichiarato: «Non accetteremo nuove sanzioni contro i nostri alleati»."
    (q,) = extract_quotes(spoke)
    assert q.speaker == "Turchia"
    passing = (
        "In Turchia, dove il voto è previsto a maggio, l'opposizione si è divisa.\n\n"
        "«Sono giorni difficili per tutti noi», scrive un attivista su X."
    )
    assert all(q.speaker != "Turchia" for q in extract_quotes(passing))


def test_organisation_is_not_a_speaker_by_proximity():
    text = (
        "Secondo i dati dell'Unrwa, sono oltre un milione gli sfollati. «Non abbiamo più acqua né cibo per i "
        "bambini», racconta una madre nel campo di Rafah."
    )
    assert all(q.speaker != "Unrwa" for q in extract_quotes(text))


# --- figures ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il Comune ha stanziato 2 milioni e 900mila euro per le scuole.", (2_900_000, "euro")),
        ("Il bilancio prevede 38,4 milioni di euro di investimenti.", (38_400_000, "euro")),
        ("L'appalto vale 1,2 mld di euro.", (1_200_000_000, "euro")),
        ("Sono stati spesi 3 miliardi e 200 milioni di euro.", (3_200_000_000, "euro")),
        ("L'affluenza si è fermata al 48,3% degli aventi diritto.", (48.3, "%")),
        ("La disoccupazione giovanile è scesa al 22 per cento.", (22, "%")),
    ],
)
def test_compound_amounts_and_percentages(text, expected):
    assert expected in figs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Il Canada ha acquistato nuovi F-35 per sostituire i vecchi CF-18, con il supporto dei KC-135.",
        "Il post (id 10158567434593322) è stato rimosso da Facebook.",
        "L'attacco è avvenuto alle 23 locali, quando la città dormiva.",
        "La riunione è convocata per le ore 15 in municipio.",
        "Per informazioni chiamare lo 06 6710 2345 oppure il 333 1234567.",
        "Il 25 aprile 2024 la piazza era piena.",
        "Il decreto 12/2023 entra in vigore oggi.",
    ],
)
def test_model_numbers_ids_times_dates_phones_are_not_figures(text):
    assert figs(text) == []


def test_plain_counts_still_found():
    assert (300, "migranti") in figs("Sono sbarcati 300 migranti a Lampedusa alle prime luci dell'alba.")
    assert (23, "famiglie") in figs("Il contributo è andato alle 23 famiglie sfollate.")


# --- city ------------------------------------------------------------------------------------------------


def test_region_is_not_the_comune_of_the_same_name():
    text = (
        "La Regione Molise ha approvato il piano sanitario. In Molise mancano medici di base e il presidente "
        "della Regione ha chiesto aiuto al governo. Anche in provincia di Campobasso i pronto soccorso sono in "
        "affanno."
    )
    city, _ = extract_places(text, "Molise, la sanità in affanno: il piano della Regione")
    assert city is None


def test_national_piece_has_no_city():
    text = (
        "Il governo ha approvato la legge di bilancio. La manovra vale 28 miliardi e interviene su pensioni, "
        "cuneo fiscale e sanità. Il testo passa ora al Parlamento, che dovrà approvarlo entro fine anno. "
        "Critiche dai sindacati, che hanno annunciato una manifestazione a Roma per il mese prossimo."
    )
    city, _ = extract_places(text, "Manovra, via libera del Consiglio dei ministri")
    assert city is None


def test_city_named_once_in_passing_is_not_the_city():
    text = (
        "I carabinieri hanno arrestato un uomo di 45 anni a Pontedera per maltrattamenti in famiglia. La "
        "donna, originaria di Napoli, aveva denunciato più volte il compagno. A Pontedera l'uomo era già noto "
        "alle forze dell'ordine."
    )
    city, _ = extract_places(text, "Maltrattamenti, arrestato un 45enne")
    assert city == "Pontedera"


def test_city_the_article_is_about_still_found():
    text = (
        "Si è conclusa a Bari la Fiera del Levante. Il sindaco di Bari ha detto che l'edizione è stata un "
        "successo. Tra i visitatori anche molti turisti arrivati da Milano."
    )
    city, _ = extract_places(text, "Bari, chiusa la Fiera del Levante")
    assert city == "Bari"


# --- more shapes of real news --------------------------------------------------------------------------


def test_attribution_in_the_next_sentence():
    text = (
        'Roma, 24 mar. – "Non è pensabile un intervento autoritativo in questa fase, serve collaborazione". '
        "Così il presidente del Consiglio, Giuseppe Conte, al termine del Consiglio dei ministri.\n\n"
        "“La Turchia non riconosce i passi contro la sovranità dell'Ucraina” come il riconoscimento delle due "
        "repubbliche. Lo ha detto il presidente turco, Recep Tayyip Erdogan, nel corso di un colloquio."
    )
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Giuseppe Conte", "Recep Tayyip Erdogan"]
    assert qs[1].role == "presidente turco"


def test_surname_resolves_to_the_fullest_name_in_the_text():
    text = (
        "Lo ha dichiarato il ministro degli Esteri turco Mevlut Cavusoglu in conferenza stampa.\n\n"
        "«Abbiamo trasportato 870 cittadini in Polonia», ha affermato Cavusoglu."
    )
    (q,) = extract_quotes(text)
    assert q.speaker == "Mevlut Cavusoglu"


def test_agency_double_apostrophes_are_quotation_marks():
    text = (
        "BRUXELLES, 20 SET – ''Faccio il ministro della Repubblica: non commento le voci''. Cosi' il ministro "
        "Saverio Romano ha commentato le ultime notizie."
    )
    (q,) = extract_quotes(text)
    assert q.text == "Faccio il ministro della Repubblica: non commento le voci"
    assert q.speaker == "Saverio Romano"


def test_live_blog_name_before_colon():
    text = (
        "ore 19,19 – Ansa - Andrea Orlando, ministro del Lavoro: “L'auspicio è di trovare presto una "
        "soluzione”.\n\n19.30 – Sgarbi: “Draghi uscirà alla quarta o quinta votazione”."
    )
    qs = extract_quotes(text)
    assert [(q.speaker, q.role) for q in qs] == [("Andrea Orlando", "ministro del Lavoro"), ("Sgarbi", None)]


def test_bare_interrupting_verb_keeps_the_speaker_of_the_previous_paragraph():
    text = (
        '"Una serenità così non si era mai vista". Lo ha affermato il ministro Francesco Lollobrigida.\n\n'
        '"C\'è un programma che ci aiuta - ha spiegato - e gli italiani lo hanno scelto".'
    )
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Francesco Lollobrigida"] * 2


def test_organisation_made_to_speak():
    text = (
        "L'auto è stata fermata in centro. \"Durante l'identificazione il conducente ha mostrato nervosismo\", "
        "spiegano dalla questura."
    )
    (q,) = extract_quotes(text)
    assert q.speaker == "questura"


def test_unattributed_speech_is_kept_without_a_speaker_but_a_goal_is_not_a_quote():
    text = (
        "Ha commentato con “non ci voglio credere”. L'obiettivo, ambizioso, è di \"ridurre i tempi di attesa "
        'in tutti gli ospedali".'
    )
    (q,) = extract_quotes(text)
    assert (q.text, q.speaker) == ("non ci voglio credere", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La terapia intensiva passa da 6 a 16 posti.", [(6, "posti"), (16, "posti")]),
        ("Hanno ottenuto, rispettivamente, 7 e 13 voti.", [(7, "voti"), (13, "voti")]),
        ("La Turchia ha ritirato quattro delle sue navi.", [(4, "navi")]),
        ("I 445 mln dei fondi ci occorrono.", [(445_000_000, "euro")]),
        ("Il contributo è di € 426.668,10 per l'anno.", [(426668.1, "euro")]),
        ("Un incidente ha lasciato altre quattro gravemente ferite.", [(4, "ferite")]),
        ("Il Pil è cresciuto di 3,0 punti percentuali.", [(3, "punti percentuali")]),
    ],
)
def test_ranges_partitives_money_and_points(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lo prevede l'articolo 382 bis del codice.",
        "Una maggioranza dei due terzi dei grandi elettori.",
        "Sul posto il 118 Romagna Soccorso.",
        "L'incidente intorno alle 13 sull'autostrada.",
    ],
)
def test_more_numbers_that_are_not_counts(text):
    assert figs(text) == []


def test_multi_comune_piece_has_no_city():
    text = (
        "L'indagine, coordinata dalla Procura di Genova e condotta dalla Squadra Mobile di Genova, ha portato a "
        "perquisizioni a Napoli e a Caserta. La banda operava a Napoli, a Genova e a Salerno."
    )
    city, _ = extract_places(text, "Truffe agli anziani in tutta Italia, 77 arresti")
    assert city is None


def test_headline_naming_one_comune_beats_an_agency_dateline():
    text = "Roma, 3 set. – Sono 184 gli ospiti dell'hotspot, ieri erano 3.300. Trasferimenti verso Agrigento."
    city, _ = extract_places(text, "Migranti, quasi svuotato l'hotspot a Lampedusa")
    assert city == "Lampedusa e Linosa"


def test_regional_council_datelined_in_the_capital_has_no_city():
    text = (
        "CAMPOBASSO – Sono i due nuovi vice presidenti del Consiglio regionale del Molise. L'elezione ha dato "
        "inizio alla legislatura della Regione, con il governatore e la maggioranza in aula."
    )
    city, _ = extract_places(text, "Consiglio regionale, eletti i vice presidenti")
    assert city is None


def test_lead_quote_takes_the_speaker_the_next_paragraph_introduces():
    text = (
        "“Penso sia importante condividere questo traguardo, che ci rende felici”.\n\n"
        "Non nasconde la soddisfazione l'assessore ai Servizi sociali Federica Sgorbati: “Ringrazio i gestori "
        "che hanno garantito la loro disponibilità”."
    )
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Federica Sgorbati"] * 2


def test_lone_quote_paragraph_attributed_by_the_next_paragraph():
    text = (
        '"Dedico questa vittoria a chi mi ha sostenuto in questi mesi".\n\n'
        "Così il nuovo presidente della Regione, Francesco Roberti, nel commentare il voto.\n\n"
        'Ringraziamenti anche alla coalizione. "Ho svolto la campagna tra la gente - ha detto - e non in tv".'
    )
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Francesco Roberti"] * 2


def test_organisation_interrupting_its_quote():
    text = '"Durante il controllo - spiegano dalla questura - il conducente ha mostrato nervosismo".'
    (q,) = extract_quotes(text)
    assert q.speaker == "questura"


def test_mayor_called_primo_cittadino():
    text = (
        "Alla cerimonia c'era il sindaco di Ascoli, Marco Fioravanti.\n\n"
        "Il primo cittadino ha detto: «Questa scuola è il futuro della nostra comunità»."
    )
    (q,) = extract_quotes(text)
    assert q.speaker == "Marco Fioravanti"


def test_surname_subject_of_a_reporting_clause():
    text = (
        "Era presente l'assessore regionale Carlo Daldoss.\n\n"
        'Daldoss ha ricordato come la nuova scuola sia "il compimento di un progetto della fusione fra Comuni".'
    )
    (q,) = extract_quotes(text)
    assert q.speaker == "Carlo Daldoss"


def test_role_with_a_department_then_a_foreign_name():
    text = (
        "Lo ha dichiarato il ministro degli Esteri turco Mevlut Cavusoglu, in conferenza stampa.\n\n"
        "“Abbiamo evacuato 870 cittadini con alcuni autobus”, ha proseguito il ministro."
    )
    (q,) = extract_quotes(text)
    assert q.speaker == "Mevlut Cavusoglu"


def test_speaker_goes_on_past_a_person_named_in_passing_but_not_past_a_new_speaker():
    text = (
        "“I numeri lo dimostrano”. Lo dice il governatore Francesco Roberti, a Campobasso con la premier "
        "Giorgia Meloni per la firma dell'accordo. Le risorse “faranno da volano per la nostra realtà”.\n\n"
        "“Bene così, avanti tutta”, ha detto Mario Rossi. Poi Anna Verdi ha replicato. "
        "“Non siamo d'accordo con la giunta”."
    )
    qs = extract_quotes(text)
    assert [q.speaker for q in qs[:3]] == ["Francesco Roberti", "Francesco Roberti", "Mario Rossi"]
    assert qs[3].speaker != "Mario Rossi"
