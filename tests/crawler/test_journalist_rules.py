"""Journalist and headline rules of issue 11, one cause each: saved strings and small saved pages
(fixtures/signals/, written for these tests after the misses of the regression set's tune half)."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.utils import load_html

from rassegna.crawler import metadata
from rassegna.crawler.extract import extract_article
from rassegna.nlp.byline import byline_people, clean_author, text_byline

SIGNALS = Path(__file__).parent / "fixtures" / "signals"
LEDE = (
    "Il consiglio comunale ha approvato ieri sera il nuovo piano per i servizi sociali del quartiere, con fondi "
    "europei destinati alle famiglie e ai giovani, dopo una lunga discussione in aula."
)


def saved(name: str) -> str:
    return (SIGNALS / name).read_text(encoding="utf-8")


def journalist(name: str, url: str = "https://www.borgo.example/a") -> str | None:
    article = extract_article(saved(name), url)
    assert article is not None
    return article.author


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        ("Rechtsanwalt Sebastian Einbock", "Sebastian Einbock"),
        ("Avv. Maria Teresa Ricci", "Maria Teresa Ricci"),
        ("Dr. Tim Loppe", "Dr. Tim Loppe"),  # an academic title stays, as the bylines write it
        ("deinen Hochzeitsbloggern", None),
        ("Deinen Hochzeitsbloggern", None),
        ("The Editors", None),
        ("Il Team Comunicazione", None),
        ("La Russa Ignazio", "La Russa Ignazio"),  # "La", "De", "Di" start surnames, not articles
        ("Lorenzo De Santis", "Lorenzo De Santis"),
    ],
)
def test_professions_and_articles_are_not_names(raw, people):
    assert clean_author(raw) == people


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("Von Tomas Spahn Fr, 18. Oktober 2019", "Tomas Spahn"),
        ("di Marco Rossi Gio, 12 marzo 2024", "Marco Rossi"),
        ("Autor: Rechtsanwalt Sebastian Einbock", "Sebastian Einbock"),
        ("di Marco Di Sabatino", "Marco Di Sabatino"),  # "Di" without a comma is a surname
    ],
)
def test_byline_element_without_weekday_or_profession(byline, people):
    assert byline_people(byline) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (f"{LEDE}\nAutor: Samuel Diekmann (Sponsored Post), Redner bei rent-a-pastor.com", "Samuel Diekmann"),
        (f"di Giulia Mascia, inviata a Bruxelles\n{LEDE}", "Giulia Mascia"),
        (f"di Giulia Mascia (ANSA)\n{LEDE}", "Giulia Mascia"),
        (f"da Roma, la giunta ha deciso\n{LEDE}", None),
    ],
)
def test_byline_line_with_a_role_or_note_after_the_name(text, people):
    assert text_byline(text) == people


def test_author_metadata_the_page_never_shows_yields_to_its_visible_byline():
    """meta author names a magazine the page never mentions; the byline cell names the journalist."""
    assert journalist("meta_author_not_shown.html") == "Luca Ferri"


def test_author_metadata_the_page_shows_wins():
    html = saved("meta_author_not_shown.html").replace("Auto Illustrierte", "Anna Neri")
    html = html.replace("<article>", "<article><p>Anna Neri ha collaborato.</p>")
    assert extract_article(html, "https://www.borgo.example/a").author == "Anna Neri"


def test_yoast_written_by_label():
    assert metadata.meta_authors(load_html(saved("yoast_written_by.html"))) == ["Chiara Monti"]
    assert journalist("yoast_written_by.html") == "Chiara Monti"


def test_json_ld_author_given_as_a_bare_id_string():
    objects = metadata.json_ld(load_html(saved("jsonld_author_id_string.html")))
    assert metadata.json_ld_authors(objects) == ["Chiara Monti"]
    assert journalist("jsonld_author_id_string.html") == "Chiara Monti"


def test_byline_classes_auteur_and_contributor_inside_a_layout_naming_a_sidebar():
    """French "auteurs" and "contributor" classes are bylines; "zen-one-sidebar-second" is the page's layout,
    not a sidebar, while the real <aside class="sidebar"> is still left out."""
    found = metadata.byline_elements(load_html(saved("byline_auteur_contributor.html")))
    assert [byline_people(text) for text in found] == ["Matthieu Hy", "Didier Roy", "Didier Roy"]


def test_signature_in_bold_under_the_last_paragraph():
    assert journalist("signature_paragraph.html") == "Stefan Wasmer"


def test_a_name_in_plain_text_under_the_article_is_not_a_signature():
    html = saved("signature_paragraph.html").replace("<p><b><i>Stefan Wasmer</i></b></p>", "<p>Stefan Wasmer</p>")
    article = extract_article(html, "https://www.borgo.example/a")
    assert article is not None
    assert article.author is None


def test_the_author_of_a_related_article_in_an_aside_is_not_the_journalist():
    assert journalist("related_aside_author.html") is None


def test_title_in_one_unicode_spelling():
    """A headline written with a precomposed letter and the same one decomposed read the same: NFC is kept."""
    html = saved("signature_paragraph.html").replace("Piano sociale, via libera", "Perche\u0301 il piano sociale")
    article = extract_article(html, "https://www.borgo.example/a")
    assert article is not None
    assert article.title == "Perch\u00e9 il piano sociale in consiglio"


def test_a_heading_that_only_links_home_is_the_logo_and_names_the_site():
    """<h1><a href="/">Time 4 talks</a></h1> is the site's logo: not the headline, and the title segments
    naming it (with the generic "Blog Archiv") go."""
    html = saved("title_logo_heading.html")
    assert metadata.logo_headings(load_html(html)) == ["Time 4 talks"]
    article = extract_article(html, "https://www.time4talks.com/2013/08/07/weitere-digitalisierung/")
    assert article is not None
    assert article.title == "Weitere Digitalisierung der Schweizer Kinos"


def test_a_heading_linking_to_an_article_is_not_a_logo():
    html = saved("title_logo_heading.html").replace('href="https://www.time4talks.com/"', 'href="/2013/08/07/kinos/"')
    assert metadata.logo_headings(load_html(html)) == []


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        ("Erstellt von Andri Bryner", "Andri Bryner"),
        ("Perry Bacon Jr.", "Perry Bacon Jr."),
        ("Mat\u00adthi\u00adas Lauerer", "Matthias Lauerer"),  # soft hyphens from the markup
        ("Raphael Felice'", "Raphael Felice"),
        ("Jungefreiheit De", None),  # a host written as words
        ("Resonanz im Nachttischschrank", None),  # lower-case words other than surname particles
        ("Jose de la Cruz", "Jose de la Cruz"),
        ("Bund der Energieverbraucher", None),
        ("OÖ Volksblatt", None),
        ("Regione Lombardia", None),
        ("Polizia Locale", None),
        ("Associazione Amici del Borgo", None),
    ],
)
def test_names_cleaned_of_leads_marks_hosts_and_organisations(raw, people):
    assert clean_author(raw) == people


def test_byline_element_stops_at_a_relative_date():
    assert byline_people("Isabel Caro, Rocío Latorre Hace 3 horas") == "Isabel Caro, Rocío Latorre"


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("Eine Kolumne von Nils Pickert", "Nils Pickert"),
        ("Auteur : Kossivi Tiassou", "Kossivi Tiassou"),
        ("Una rubrica di Anna Maria Rinaldi", "Anna Maria Rinaldi"),
    ],
)
def test_column_and_auteur_byline_lines(line, people):
    assert text_byline(f"{line}\n{LEDE}") == people


def test_visible_byline_with_co_authors_wins_over_metadata_naming_one():
    assert journalist("coauthors_in_byline.html") == "Rudolf Fischer, Simon Kohler"


def test_json_ld_organisation_named_in_author_meta_is_not_a_journalist():
    assert journalist("jsonld_publisher_in_meta_author.html") == "Marie Merlet"


def test_personal_site_whose_publisher_is_its_author():
    """A Person that is also the site's Organization (a personal blog) stays the journalist."""
    assert metadata.json_ld_publishers(metadata.json_ld(load_html(saved("personal_site_publisher.html")))) == []
    assert journalist("personal_site_publisher.html", "https://www.andreaskalt.example/a") == "Andreas Kalt"


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("Posted on September 21, 2020 by Adi Tzlil", "Adi Tzlil"),
        ("Pubblicato il 12 marzo 2024 da Luca Ferri", "Luca Ferri"),
        ("Auteur Anna Kubišta", "Anna Kubišta"),
    ],
)
def test_byline_element_names_after_the_date_or_a_role(byline, people):
    assert byline_people(byline) == people
    assert clean_author("Auteur Anna Kubišta") == "Anna Kubišta"


def test_names_in_central_european_spelling():
    assert clean_author("Anna Kubišta; Lech Wałęsa") == "Anna Kubišta, Lech Wałęsa"
    assert text_byline(f"di Anna Kubišta\n{LEDE}") == "Anna Kubišta"


def test_byline_in_the_article_own_footer_not_in_the_page_footer():
    """An <article>'s <footer> holds its byline ("Posted by A at 18:52"); the page's <footer> is another block."""
    found = metadata.byline_elements(load_html(saved("article_footer_byline.html")))
    assert found == ["Posted by Günter W. Kienitz at 18:52"]
    assert byline_people(found[0]) == "Günter W. Kienitz"
    assert journalist("article_footer_byline.html") == "Günter W. Kienitz"


# Bylines in plain markup, with no byline class (issue 11, third round): invented pages, one class each.
PARAGRAPHS = (
    "<p>La giunta ha spiegato che i primi bandi usciranno entro la fine del mese e che le domande si potranno "
    "presentare anche online, con l'aiuto degli sportelli di quartiere e dei centri civici della città.</p>"
    "<p>Le opposizioni hanno chiesto più tempo per esaminare i criteri di assegnazione, ma la maggioranza ha "
    "respinto la richiesta e il voto finale è arrivato poco prima della mezzanotte, tra le proteste.</p>"
    "<p>I primi contributi arriveranno alle famiglie già in primavera, ha assicurato l'assessore, e un secondo "
    "bando per le associazioni del quartiere è previsto entro l'estate, con fondi della regione.</p>"
)


def page_with(top: str = "", bottom: str = "", outside: str = "") -> str:
    """An invented article page: ``top`` under the headline, ``bottom`` under the text, ``outside`` after the
    article."""
    return (
        '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Piano sociale, via libera</title>'
        f"</head><body><article><h1>Piano sociale, via libera</h1>{top}<p>{LEDE}</p>{PARAGRAPHS}{bottom}"
        f"</article>{outside}</body></html>"
    )


def author_of(html: str) -> str | None:
    article = extract_article(html, "https://www.borgo.example/a")
    assert article is not None
    return article.author


@pytest.mark.parametrize(
    ("top", "bottom", "people"),
    [
        ('<div class="meta"><h5>Autore:</h5> Carla Menotti</div>', "", "Carla Menotti"),  # label, then its tail
        ('<div class="credits"><div>Testo</div><div>CARLA MENOTTI</div></div>', "", "Carla Menotti"),
        ('<div class="credits"><div>Interview</div><div>Carla Menotti</div></div>', "", "Carla Menotti"),
        ("", "<p>Autrice: Carla Menotti, consulente del centro studi.</p>", "Carla Menotti"),
        ('<p class="sub"><span>di Carla Menotti</span></p>', "", "Carla Menotti"),
        ("<p><em>a cura di Carla Menotti e Piero Sala</em></p>", "", "Carla Menotti, Piero Sala"),
        ("<p><small>Foto e testo di Carla Menotti</small></p>", "", "Carla Menotti"),
        ("<div><span>Testo di</span> <span>Carla Menotti</span></div>", "", "Carla Menotti"),
        ("<p>Von Carla Menotti, dpa</p>", "", "Carla Menotti"),  # the agency after the name goes
        ('<div class="info"><h5>Autor:</h5> Carla Menotti/SP-X</div>', "", "Carla Menotti"),
        ("", "<p><em>— di Carla Menotti</em></p>", "Carla Menotti"),  # a signature opening with a dash
        ("", "<p>Autori Carla Menotti e Piero Sala</p>", "Carla Menotti, Piero Sala"),  # a label with no colon
        ("<address>Carla Menotti</address>", "", "Carla Menotti"),
        ('<p class="meta">12.03.2024 - Carla Menotti</p>', "", "Carla Menotti"),
        ('<div class="meta"><small>04.02.2022 | 13:10 Uhr | Carla Menotti</small></div>', "", "Carla Menotti"),
    ],
)
def test_byline_in_plain_markup(top, bottom, people):
    assert author_of(page_with(top, bottom)) == people


@pytest.mark.parametrize(
    ("top", "bottom", "outside"),
    [
        ("", "<p>Ufficio stampa: Carla Menotti, tel. 0733 123456</p>", ""),  # a press contact
        ("", "<p>Pressekontakt: Carla Menotti</p>", ""),
        ("<p><small>Foto di Carla Menotti</small></p>", "", ""),  # a photo credit
        ("<p><small>Foto: Carla Menotti</small></p>", "", ""),
        ("<p>di Redazione</p>", "", ""),  # the newsroom, an agency, the site's own name
        ("<p>Autore: Redazione Cronaca</p>", "", ""),
        ("<div><h5>Autor:</h5> Onlineredaktion</div>", "", ""),
        ("<p>di ANSA</p>", "", ""),
        ("<p>Testo: Borgo Notizie</p>", "", ""),
        ("<address>Via Roma 12, 62100 Macerata</address>", "", ""),  # a street address
        ("", "", '<div class="comments"><p>di Piero Sala</p></div>'),  # a commenter
        ("", "", '<aside class="related"><p>Autore: Piero Sala</p></aside>'),  # another article's byline
        ('<p class="meta">12.03.2024 - Cronaca</p>', "", ""),  # a section, not a person
    ],
)
def test_plain_markup_that_names_no_journalist(top, bottom, outside):
    assert author_of(page_with(top, bottom, outside)) is None


def test_a_byline_amid_the_text_signs_a_part_of_it_not_the_article():
    """ "By A" between two parts of the article signs the second report; "Autrice:" there still names the author."""
    middle = PARAGRAPHS + "<h2>In città</h2><p><strong>Di Piero Sala</strong></p>" + PARAGRAPHS
    assert author_of(page_with(bottom=middle)) is None
    labelled = PARAGRAPHS + "<p><strong>Autrice: Carla Menotti</strong></p>" + PARAGRAPHS
    assert author_of(page_with(bottom=labelled)) == "Carla Menotti"


def test_a_byline_class_inside_a_layout_with_a_sidebar():
    """BEM layout classes ("wrapper__with-sidebar") describe the page, not a sidebar block."""
    html = page_with('<div class="meta--author">Posted on March 12, 2024 by Carla Menotti</div>')
    html = html.replace("<article>", '<section class="page__with-sidebar"><article>').replace(
        "</article>", "</article></section>"
    )
    assert author_of(html) == "Carla Menotti"


@pytest.mark.parametrize("raw", ["Redaktion Gelbe Liste", "Multimedia Redaktion", "Redacción Diario Hoy"])
def test_newsrooms_in_german_and_spanish_are_not_people(raw):
    assert clean_author(raw) is None


@pytest.mark.parametrize("raw", ["Cronaca Roma", "Politica Interna", "Sport Napoli", "Economia", "Attualità Milano"])
def test_a_newspaper_section_is_not_a_journalist(raw):
    assert clean_author(raw) is None
