"""The Markdown press review: crawled text escaped so it can never become markup, links only http(s)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from rassegna.reports.formatting import count_of, it_date, it_number, paragraphs, safe_url, short_date, split_highlight
from rassegna.reports.html import FOOTNOTE, audience_text, source_note
from rassegna.reports.model import ReportClipping, ReportData

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md_escape(text: str | None) -> str:
    """Plain text safe in Markdown: HTML metacharacters as entities, Markdown punctuation backslashed."""
    if not text:
        return ""
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _SPECIAL.sub(r"\\\1", flat)
    flat = re.sub(r"^([-=])", r"\\\1", flat)  # a leading "-" or "=" would start a list or a rule
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", flat)  # "1." would start an ordered list


def md_highlight(text: str | None, pattern: re.Pattern[str] | None) -> str:
    """Escape each piece, then put the campaign keywords in bold."""
    return "".join(
        f"**{md_escape(piece)}**" if hit else md_escape(piece) for piece, hit in split_highlight(text or "", pattern)
    )


def md_link(url: str | None, label: str | None = None) -> str:
    """A Markdown link for a plain http(s) URL; anything else as escaped text."""
    link = safe_url(url)
    if not link:
        return md_escape(url)
    target = link.replace("(", "%28").replace(")", "%29")
    return f"[{md_escape(label or link)}]({target})"


def _unreviewed(item: ReportClipping) -> str:
    return " *(non revisionato)*" if item.unreviewed else ""


def _title_cell(item: ReportClipping, *, link: bool = False) -> str:
    """A table's title cell: linked to the article when its text is not in the review (or ``link``)."""
    v = item.view
    linked = (link or not v.text) and safe_url(v.url)
    return (md_link(v.url, v.title) if linked else md_escape(v.title)) + _unreviewed(item)


def _bold(text: str) -> str:
    return f"**{text}**" if text else ""


def _table(header: list[str], rows: Iterable[list[str]], right: set[int] = frozenset()) -> list[str]:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|")
    lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows)
    return lines


def render_markdown(data: ReportData) -> bytes:
    """The press review as Markdown (UTF-8)."""
    kw = data.keyword_regex

    def day(value: date | None) -> str:
        return short_date(value)

    m = data.methodology
    out: list[str] = []
    if data.cover.client_name:
        out += [f"**{md_escape(data.cover.client_name)}**", ""]
    out += [
        f"# Rassegna stampa {md_escape(data.campaign)}",
        "",
        f"Periodo: dal {it_date(data.start)} al {it_date(data.end)}  ",
        f"Ultimo aggiornamento: {it_date(data.generated_at.date())}",
        "",
    ]
    if data.highlights:
        out += ["**Highlight uscite:** " + " · ".join(md_escape(o) for o in data.highlights), ""]
    out += [
        f"**Numero Uscite:** {it_number(data.summary.count)} · "
        f"**Audience Totale\\*:** {it_number(data.summary.audience, empty='n.d.')} · "
        f"**Storie uniche:** {it_number(m.unique_stories)}",
        "",
    ]
    rows = [[md_escape(r.label), it_number(r.count), audience_text(r.audience, r.count)] for r in data.summary.rows]
    total = data.summary
    rows.append(["**Totale**", _bold(it_number(total.count)), _bold(audience_text(total.audience, total.count))])
    out += _table(["Categoria", "Numero Uscite", "Audience\\*"], rows, {1, 2})
    if data.unclassified:
        out += [
            "",
            f"Inoltre {count_of(len(data.unclassified))} di testate da classificare, non comprese nei totali.",
        ]
    out += ["", md_escape(FOOTNOTE), "", "## Rassegna Stampa", ""]
    for s in data.sections:
        if not s.clippings:
            continue
        out += [f"### {md_escape(s.label)}", ""]
        rows = [
            [md_escape(c.view.outlet), it_number(c.view.audience, empty="n.d."),
             _title_cell(c), day(c.view.date), md_escape(c.journalist_short)]
            for c in s.clippings
        ]  # fmt: skip
        rows.append(["**Audience**", _bold(audience_text(s.audience, s.count)), count_of(s.count), "", ""])
        out += _table(["Testata", "Audience\\*", "Titolo", "Data", "Giornalista"], rows, {1})
        out.append("")
    if data.unclassified:
        out += [
            "### Da classificare",
            "",
            f"*{count_of(len(data.unclassified)).capitalize()} di testate trovate dal crawler e non ancora "
            "classificate: non sono comprese nei totali (né nelle categorie, nella copertura per città o "
            "nell'andamento) finché in redazione non si assegna alla testata una categoria.*",
            "",
        ]
        rows = [
            [md_escape(c.view.outlet), it_number(c.view.audience, empty="n.d."),
             _title_cell(c, link=True), day(c.view.date), md_escape(c.journalist_short)]
            for c in data.unclassified
        ]  # fmt: skip
        out += _table(["Testata", "Audience\\*", "Titolo", "Data", "Giornalista"], rows, {1})
        out.append("")

    out += ["## Copertura per città", ""]
    if data.uncovered_partners:
        out += [
            "**Città partner senza uscite:** " + ", ".join(md_escape(c) for c in data.uncovered_partners),
            "",
        ]
    rows = [
        [md_escape(c.city) + ("" if c.partner else " (non partner)"),
         it_number(c.count), audience_text(c.audience, c.count),
         ", ".join(md_escape(o) for o in c.outlets) if c.covered else "*nessuna uscita*"]
        for c in data.cities
    ]  # fmt: skip
    out += _table(["Città", "Uscite", "Audience\\*", "Testate"], rows, {1, 2})

    unit = "Giorno" if data.timeline_unit == "day" else "Settimana"
    out += ["", "## Andamento nel tempo", ""]
    rows = [
        [it_date(p.start) if data.timeline_unit == "day" else f"{it_date(p.start)} – {it_date(p.end)}",
         it_number(p.count), it_number(p.audience, empty="n.d.")]
        for p in data.timeline if p.count
    ]  # fmt: skip
    out += _table([unit, "Uscite", "Audience\\*"], rows, {1, 2})

    out += ["", "## Ripresa dei comunicati", ""]
    out += [f"{count_of(len(data.clippings))}, {count_of(m.unique_stories, 'storia unica', 'storie uniche')}.", ""]
    for st in data.stories:
        out += [
            f"- **{md_highlight(st.title, kw)}** — {count_of(st.count)}, "
            f"{count_of(len(st.outlets), 'testata', 'testate')}, audience "
            f"{it_number(st.audience, empty='n.d.')}, prima uscita {it_date(st.first_date)}: "
            + ", ".join(md_escape(o) for o in st.outlets)
        ]
    out += ["", "## Dati e dichiarazioni per città", ""]
    for city in data.cities:
        if not (city.figures or city.quotes):
            continue
        out += [f"### {md_escape(city.city)}", ""]
        for f in city.figures:
            out.append(
                f"- **{md_escape(f.figure.text)}** — {md_escape(f.clipping.view.outlet)}, "
                f"{it_date(f.clipping.view.date)}"
            )
        for q in city.quotes:
            who = ", ".join(md_escape(x) for x in (q.quote.speaker, q.quote.role) if x)
            out.append(
                f"- «{md_escape(q.quote.text)}» — {who + ' — ' if who else ''}{md_escape(q.clipping.view.outlet)}"
            )
        out.append("")

    out += ["", "## Nota metodologica", ""]
    rule = "testo integrale" if m.text_policy == "full" else "titolo, estratto (circa 300 caratteri) e link"
    out += [
        f"- **Testi:** regola della rassegna: {rule}. Vale la regola della testata quando è impostata; "
        "gli articoli con «riproduzione riservata» sono riportati come titolo, estratto e link salvo "
        f"licenza della testata. Testi integrali: {m.full_texts}; solo estratto: {m.excerpts}; "
        f"con riproduzione riservata: {m.rights_reserved}.",
        "- **Audience:** pubblico potenziale della testata secondo la fonte indicata, non persone raggiunte; "
        "si somma "
        "per uscita. «n.d.» (non disponibile) è diverso da 0 e non entra nei totali "
        f"({m.unknown_audience} su {count_of(len(data.clippings))}).",
        "- **Duplicati:** ogni copia pubblicata da una testata conta come un'uscita; "
        f"{count_of(len(data.clippings))}, "
        f"{count_of(m.unique_stories, 'storia unica', 'storie uniche')}.",
        "",
    ]
    if m.source_health:
        out += ["**Fonti non disponibili:**", ""]
        out += [f"- {md_escape(p.display)} ({p.kind}: {md_escape(p.url)})." for p in m.source_health] + [""]
    if m.audience_notes:
        with_source = any(n.source or n.measured_on for n in m.audience_notes)
        header = ["Testata", "Audience"] + (["Fonte e rilevazione"] if with_source else [])
        rows = [
            [md_escape(n.outlet), it_number(n.audience)] + ([md_escape(source_note(n))] if with_source else [])
            for n in m.audience_notes
        ]
        out += _table(header, rows, {1}) + [""]

    out += ["## Testi degli articoli", ""]
    for s in data.sections:
        with_text = [c for c in s.clippings if c.view.text]
        if not with_text:
            continue
        out += [f"### {md_escape(s.label)}", ""]
        for c in with_text:
            v = c.view
            meta = " · ".join(x for x in (md_escape(v.outlet), it_date(v.date), md_escape(v.journalist)) if x)
            out += [f"#### {md_highlight(v.title, kw)}{_unreviewed(c)}", "", f"*{meta}*", ""]
            if v.url:
                out += [md_link(v.url), ""]
            if c.full_text:
                out += [p for para in paragraphs(v.text) for p in (md_highlight(para, kw), "")]
            else:
                note = "Riproduzione riservata: testo" if v.rights_reserved else "Testo"
                out += [md_highlight(c.excerpt, kw), "", f"*{note} integrale non riprodotto.*", ""]
    without_text = [c for c in data.clippings if not c.view.text]
    if without_text:
        listed = "è elencata" if len(without_text) == 1 else "sono elencate"
        out += [
            f"*{count_of(len(without_text)).capitalize()} senza testo (lanci d'agenzia, servizi radio e TV, post "
            f"social, importazioni manuali): {listed} con testata, titolo, data e link nelle tabelle della "
            "rassegna per categoria.*",
            "",
        ]
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")
