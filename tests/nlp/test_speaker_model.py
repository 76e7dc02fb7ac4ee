"""The learned speaker chooser: its candidates and features (invented examples), as extract_quotes reads them and
applies a model, and the trainer's fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rassegna.domain import Quote
from rassegna.nlp import analyze, speaker_model
from rassegna.nlp.quotes import extract_quotes, speaker_chooser_candidates
from rassegna.nlp.speaker_model import Candidate, Model, QuoteChoice, choose, decide

TEXT = (
    "La giunta ha approvato ieri il nuovo piano dei trasporti, presentato dall'assessora Carla Ferri.\n\n"
    "«Serve più coraggio sulle corsie preferenziali» incalza Mario Bianchi, capogruppo di minoranza.\n\n"
    "Il sindaco Paolo Neri ha risposto: «Le corsie arriveranno entro l'estate, lo abbiamo promesso»."
)


def collect(text: str, title: str | None = None) -> list[QuoteChoice]:
    """The candidates of each quote of the text in a span, in order."""
    return [c.choice for c in speaker_chooser_candidates(text, title=title) if c.choice is not None]


def by_name(choice: QuoteChoice, name: str) -> Candidate:
    return next(c for c in choice.candidates if c.name == name)


def test_no_model_file_no_change() -> None:
    """Without speaker_model.json the rules decide: the chooser hands the rules' quotes back untouched."""
    assert speaker_model.load_model(speaker_model.MODEL_PATH.with_name("absent.json")) is None
    found = [(0, Quote("x y z w", "Mario Bianchi", None))]
    if speaker_model.load_model() is None:
        assert speaker_model.rerank_speakers(None, {}, found) is found  # type: ignore[arg-type]


def test_candidates_are_the_people_named_and_nobody() -> None:
    choices = collect(TEXT)
    assert len(choices) == 2
    names = {c.name for c in choices[0].candidates}
    assert {"Carla Ferri", "Mario Bianchi", "Paolo Neri", speaker_model.NONE} <= names
    assert choices[0].candidates[0].name == "Mario Bianchi"  # the rules' pick first: it wins ties
    assert choices[0].rules == "mario bianchi"


def test_name_right_after_the_closing_mark() -> None:
    """«…» incalza X: a name right after the closing mark with a verb between."""
    first = collect(TEXT)[0]
    f = by_name(first, "Mario Bianchi").features
    assert f["right_after"] == f["right_after_verb"] == f["after_same_sentence"] == 1.0
    assert "right_after" not in by_name(first, "Paolo Neri").features
    assert by_name(first, "Carla Ferri").features.get("before_other_para") == 1.0


def test_name_before_a_colon_and_a_complement() -> None:
    """X ha risposto: «…» leads the quote in; "presentato dall'assessora Y" is a complement."""
    second = collect(TEXT)[1]
    f = by_name(second, "Paolo Neri").features
    assert f["before_colon"] == f["before_same_sentence"] == f["sentence_subject"] == 1.0
    text = "Il piano, presentato dall'assessora Carla Ferri, divide la città: «Non siamo stati ascoltati affatto»."
    f = by_name(collect(text)[0], "Carla Ferri").features
    assert f["before_complement"] == 1.0 and "sentence_subject" not in f


def test_interrupted_quote_and_headline() -> None:
    """«… – ha detto X – …»: the attribution inside the quote; the headline names X."""
    text = "«Il bilancio è in ordine – ha detto Giulia Riva – e i conti tornano per tutti»."
    f = by_name(collect(text, title="Riva difende i conti")[0], "Giulia Riva").features
    assert f["inside_attribution"] == f["in_title"] == 1.0


def test_names_inside_other_quotes_are_not_speakers() -> None:
    text = "Anna Conti ha detto: «Ringrazio Luca Moro per il lavoro di questi mesi». Poi: «Andiamo avanti insieme»."
    second = collect(text)[1]
    assert "nearest_before" not in by_name(second, "Luca Moro").features
    assert by_name(second, "Anna Conti").features.get("before_across_quote") == 1.0


def test_a_model_reranks(monkeypatch: pytest.MonkeyPatch) -> None:
    """With weights loaded, the best-scoring candidate becomes the speaker, with its role."""
    model = Model("with-rules", {"before_colon": 5.0, "person": -1.0})
    monkeypatch.setattr(speaker_model, "load_model", lambda: model)
    quotes = extract_quotes(TEXT)
    assert [q.speaker for q in quotes] == [None, "Paolo Neri"]  # no colon before the first: nobody wins
    assert quotes[1].role and "sindaco" in quotes[1].role


def test_fit_learns_a_structural_preference() -> None:
    from rassegna.nlp.data.train_speaker_model import Example, fit, right

    def ex(gold: str) -> Example:
        cands = [
            Candidate("A", None, {"person": 1.0, "nearest_before": 1.0}),
            Candidate("B", None, {"person": 1.0, "right_after": 1.0}),
            Candidate("", None, {"none": 1.0}),
        ]
        return Example(gold, "a", QuoteChoice(Quote("x", "A", None), "a", cands))

    train = [ex("b")] * 8 + [ex("a")] * 2
    w = fit(train, steps=300)
    assert choose(w, train[0].choice.candidates).name == "B"  # type: ignore[union-attr]
    assert right(train, w) == 8 and right(train, None) == 2


def three_way(rules: str = "a") -> QuoteChoice:
    """A quote whose rules' pick is A (listed first), with B and nobody as the other candidates."""
    cands = [
        Candidate("A", None, {"person": 1.0, "rules_pick": 1.0, "nearest_before": 1.0}),
        Candidate("B", None, {"person": 1.0, "right_after": 1.0, "slot_after": 1.0}),
        Candidate("", None, {"none": 1.0}),
    ]
    return QuoteChoice(Quote("x", "A", None), rules, cands)


def test_model_file_format_and_modes(tmp_path: Path) -> None:
    """speaker_model.json carries its mode (and an override's threshold); a file without mode is with-rules."""
    for model in (
        Model("with-rules", {"rules_pick": 2.0, "right_after": 1.0}),
        Model("structure", {"right_after": 1.0}),
        Model("override", {"right_after": 1.0}, 0.8),
    ):
        path = tmp_path / f"{model.mode}.json"
        path.write_text(json.dumps(model.to_json()), encoding="utf-8")
        assert speaker_model.load_model(path) == model
        assert json.loads(path.read_text(encoding="utf-8"))["mode"] == model.mode
    legacy = Model.from_json({"weights": {"rules_pick": 1.0}})
    assert legacy.mode == "with-rules" and legacy.weights == {"rules_pick": 1.0}
    assert "threshold" not in Model("structure", {}).to_json()
    with pytest.raises(ValueError, match="mode"):
        Model.from_json({"mode": "rules-only", "weights": {}})
    with pytest.raises(ValueError, match="threshold"):
        Model.from_json({"mode": "override", "weights": {}})
    with pytest.raises(ValueError, match="threshold"):
        Model("override", {}, 1.5)


def test_structure_mode_ignores_the_rules_pick() -> None:
    """A structure-only model never reads the rules' pick, even when the file carries such a weight."""
    weights = {"rules_pick": 10.0, "right_after": 1.0, "nearest_before": 0.5}
    assert decide(Model("with-rules", weights), three_way()).name == "A"
    structure = Model("structure", weights)
    assert "rules_pick" not in structure.weights
    assert decide(structure, three_way()).name == "B"


def test_override_mode_needs_the_threshold() -> None:
    """Override: the rules' pick stands unless another candidate's structure-only probability reaches the
    threshold."""
    weights = {"right_after": 2.0, "nearest_before": 0.0, "none": -5.0}  # B: e^2 / (e^2 + 1 + e^-5) ≈ 0.88
    p = speaker_model.probabilities(weights, three_way().candidates)
    assert 0.85 < p[1] < 0.9 and abs(sum(p) - 1.0) < 1e-9
    assert decide(Model("override", weights, 0.8), three_way()).name == "B"
    assert decide(Model("override", weights, 0.9), three_way()).name == "A"  # not sure enough: the rules
    assert decide(Model("structure", weights), three_way()).name == "B"


def test_override_changes_speakers_in_extract_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook honours the mode: an override too timid keeps every rules' speaker; a bold one still cannot
    take a quote from a speaker the rules read in its own attribution ("incalza Mario Bianchi")."""
    rules = [q.speaker for q in extract_quotes(TEXT)]
    timid = Model("override", {"before_colon": 5.0, "person": -1.0}, 1.0)
    monkeypatch.setattr(speaker_model, "load_model", lambda: timid)
    assert [q.speaker for q in extract_quotes(TEXT)] == rules
    assert rules[0] == "Mario Bianchi"
    bold = Model("override", {"before_colon": 5.0, "person": -3.0}, 0.5)  # nobody: 1 / (1 + 3e^-3) ≈ 0.87
    monkeypatch.setattr(speaker_model, "load_model", lambda: bold)
    assert [q.speaker for q in extract_quotes(TEXT)] == rules == ["Mario Bianchi", "Paolo Neri"]


def test_nobody_for_a_quoted_fragment() -> None:
    """A quoted fragment worked into the sentence (lowercase, short) marks the "no speaker" candidate."""
    text = "Il consigliere Marco Lodi ha letto la delibera, che parla di «interventi non più rinviabili»."
    none = next(c for c in collect(text)[0].candidates if c.name == speaker_model.NONE).features
    assert none["none_lowercase_start"] == none["none_short"] == 1.0


def test_a_body_named_with_its_seat() -> None:
    """«…» spiega la Prefettura, after "la Prefettura di Lecco" elsewhere: the fuller form is a candidate."""
    text = (
        "La Prefettura di Lecco ha convocato il comitato per l'ordine pubblico.\n\n"
        "«Non sono previsti altri arrivi nelle prossime settimane» spiega la Prefettura."
    )
    choice = collect(text)[0]
    if choice.rules == "prefettura":  # the rules name the body by its generic head
        assert by_name(choice, "Prefettura di Lecco").features["body_fuller_form"] == 1.0
    assert any(c.name == "Prefettura di Lecco" for c in choice.candidates)


def test_plural_verb_and_an_aside_between_dashes() -> None:
    """«…» dicono: a plural verb of saying (a group, or a joint statement) marks nobody and each person; a name
    set off by a pair of dashes inside the quote, with no verb, is an aside naming the speaker."""
    text = "Il sindaco Paolo Neri ha firmato il decreto. «Non siamo stati ascoltati da nessuno» tuonano i residenti."
    choice = collect(text)[0]
    none = next(c for c in choice.candidates if c.name == speaker_model.NONE).features
    assert none["none_plural_verb"] == 1.0 and by_name(choice, "Paolo Neri").features["plural_verb"] == 1.0
    text = "«Il progetto è pronto da mesi – questa la risposta di Giulia Riva – e lo presenteremo in aula»."
    f = by_name(collect(text)[0], "Giulia Riva").features
    assert f["inside_dash"] == 1.0 and "inside_attribution" not in f


def test_trainer_configurations() -> None:
    """The trainer fits every mode: override shares the structure-only weights, with its threshold."""
    from rassegna.nlp.data.train_speaker_model import (
        FREE_THRESHOLDS,
        OVERRIDE_THRESHOLDS,
        Example,
        models,
        right,
        train,
    )

    def ex(gold: str) -> Example:
        return Example(gold, "a", three_way())

    data = [ex("b")] * 6 + [ex("a")] * 4
    fitted = models(data)
    assert set(fitted) == {
        "with-rules",
        "structure",
        *(f"override@{t}" for t in OVERRIDE_THRESHOLDS),
        *(f"free@{t}" for t in FREE_THRESHOLDS),
    }
    assert all(fitted[f"override@{t}"].constrained for t in OVERRIDE_THRESHOLDS)
    assert not any(fitted[f"free@{t}"].constrained for t in FREE_THRESHOLDS)
    assert not any(speaker_model.is_rules_feature(k) for k in fitted["structure"].weights)
    assert fitted["override@0.5"].weights == fitted["structure"].weights
    model = train(data, "override", 0.99)
    assert model.mode == "override" and model.threshold == 0.99
    assert right(data, model) == 4  # never sure enough: the rules' pick everywhere
    assert right(data, fitted["structure"]) == 6


def test_override_decides_a_piece_in_sequence() -> None:
    """Override reads the previous quote's speaker as it left it: a correction carries to the next quote of the
    same statement; the other modes read the rules' previous speaker, as they were fitted."""
    first = three_way()
    second = QuoteChoice(
        Quote("y", "A", None),
        "a",
        [
            Candidate("A", None, {"person": 1.0, "prev_speaker": 1.0, "prev_speaker_near": 1.0}),  # the rules'
            Candidate("B", None, {"person": 1.0, "slot_after": 1.0}),
            Candidate("", None, {"none": 1.0}),
        ],
        prev_near=True,
    )
    weights = {"right_after": 3.0, "prev_speaker_near": 3.0, "none": -5.0}
    override = Model("override", weights, 0.9)
    assert [c.name for c in speaker_model.decide_piece(override, [first, second])] == ["B", "B"]
    assert decide(override, second).name == "A"  # alone, with the rules' previous speaker: A
    structure = Model("structure", weights)
    assert [c.name for c in speaker_model.decide_piece(structure, [first, second])] == ["B", "A"]
    moved = speaker_model.with_prev(second, "b")
    assert "prev_speaker" not in moved.candidates[0].features
    assert moved.candidates[1].features["prev_speaker_near"] == 1.0


CONSTRAINED = {  # invented: the rules decide these on purpose; no override may touch them
    "anonymous source": "Il ministro Luca Ferri ha presentato la riforma.\n\n«Non passerà mai», ha detto una fonte "
    "vicina al governo.",
    "unnamed group": "Il sindaco Mario Calvi ha respinto le accuse. «Così non si governa una città» tuonano i "
    "consiglieri di minoranza.",
    "complement": "«Il progetto va rivisto da cima a fondo», ha scritto la Regione in una lettera al sindaco Gino "
    "Sarti.",
    "gerund clause": "Il nuovo presidente Franco Ruggeri ha vinto. «Ho girato tra la gente – ha detto in serata "
    "ringraziando il fondatore del partito, Silvio Marchi – perché serviva ascoltare».",
    "live-blog post": "Ore 10.15\n\nIl premier Luca Dini è arrivato a Bruxelles: «Siamo pronti a trattare».\n\n"
    "Ore 10.40\n\nLa seduta è sospesa. Sul portone un cartello: «Chiuso per inventario».",
    "a source between": "Il sindaco Ugo Ferrante, secondo i consiglieri di opposizione, «ha tentato di zittire "
    "l'aula con un regolamento scritto di notte».",
    "misprint": "«Sono fatti gravissimi», ha detto la procuratrice Elena Vannucci.\n\nInfine Elena Vanucci ha "
    "spiegato che «il sequestro era necessario».",
}


def test_a_written_model_never_overrides_the_constrained_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model file written to a temp path, as bold as can be (threshold 0.5, every person favoured, nobody
    disfavoured, complements and by-role mentions rewarded), leaves the rules' speakers of the constrained
    frames alone: anonymous source, unnamed group, a complement, a name in a gerund clause, a live-blog post,
    a source named between the subject and the quote ("secondo i consiglieri"), one name misprinted."""
    rules = {k: [q.speaker for q in extract_quotes(t)] for k, t in CONSTRAINED.items()}
    bold = Model(
        "override",
        {
            "person": 8.0,
            "none": -8.0,
            "nearest_before": 4.0,
            "prev_speaker": 4.0,
            "before_complement": 4.0,
            "after_complement": 4.0,
            "before_by_role": 4.0,
            "inside": 4.0,
            "in_title": 4.0,
            "most_named": 4.0,
        },
        0.5,
    )
    path = tmp_path / "speaker_model.json"
    path.write_text(json.dumps(bold.to_json()), encoding="utf-8")
    model = speaker_model.load_model.__wrapped__(path)
    assert model == bold
    monkeypatch.setattr(speaker_model, "load_model", lambda: model)
    for kind, text in CONSTRAINED.items():
        assert [q.speaker for q in extract_quotes(text)] == rules[kind], kind
    assert rules["unnamed group"] == [None]
    assert rules["gerund clause"] == ["Franco Ruggeri"]


def test_may_override_only_where_the_rules_guess() -> None:
    """The guard itself: a person displaces the rules' pick only from an attribution slot, and not when the
    rules' pick has a frame of its own or is the same person spelt otherwise; nobody displaces a person only
    when the rules carry that person from outside the paragraph; a rules' nobody on an unframed quote gives way
    to the protagonist (named in the headline, the previous speaker)."""
    may = speaker_model.may_override
    rules = Candidate("Anna Riva", None, {"person": 1.0, "nearest_before": 1.0})
    slotted = Candidate("Bruno Sala", None, {"person": 1.0, "slot_after": 1.0})
    loose = Candidate("Bruno Sala", None, {"person": 1.0, "nearest_after": 1.0})
    nobody = Candidate("", None, {"none": 1.0})
    assert may(rules, slotted) and not may(rules, loose)
    framed = Candidate("Anna Riva", None, {"person": 1.0, "right_after_verb": 1.0})
    assert not may(framed, slotted)
    assert not may(Candidate("Anna Rivas", None, {"person": 1.0}), Candidate("Anna Riva", None, slotted.features))
    assert may(rules, nobody)
    assert not may(Candidate("Anna Riva", None, {"person": 1.0, "same_para": 1.0}), nobody)
    protagonist = Candidate("Bruno Sala", None, {"person": 1.0, "in_title": 1.0, "prev_speaker": 1.0})
    assert may(nobody, protagonist)
    assert not may(Candidate("", None, {"none": 1.0, "none_framed": 1.0}), protagonist)
    assert not may(nobody, loose)


def test_the_candidates_of_a_flagged_quote_are_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """A quote the rules flag keeps its candidates (matched by identity, as the trainer once did, every quote the
    rules guessed lost them, and with them any gain a chooser makes there)."""
    monkeypatch.setattr(speaker_model, "speaker_confidence", lambda: None)  # the rules' flag: a guess is flagged
    text = (
        "Mario Bianchi, capogruppo di minoranza, è intervenuto in consiglio. La seduta è durata tre ore e "
        "«serve più coraggio sulle corsie preferenziali», si è detto."
    )
    (found,) = speaker_chooser_candidates(text)
    assert found.quote == extract_quotes(text)[0] and found.quote.speaker_to_check  # the nearest person, no pattern
    assert found.choice is not None and found.choice.quote.text == found.quote.text
    assert found.choice.candidates[0].name == found.quote.speaker == "Mario Bianchi"


def test_the_candidates_are_what_the_analysis_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trainer's quotes are the analysis' with the rules' speakers, block quotes without candidates; a shipped
    model decides on the very candidates the trainer reads."""
    text = (
        TEXT + "\n\nGrazie a questo piano, la città è diventata più sicura per chi si muove a piedi o in bici.\n\n"
        "Lamberto Bertolé, Assessore alla Mobilità del Comune."
    )
    found = speaker_chooser_candidates(text)
    quotes = analyze(text).quotes
    assert [(c.quote.text, c.quote.speaker, c.quote.role) for c in found] == [
        (q.text, q.speaker, q.role) for q in quotes
    ]
    assert [c.choice is None for c in found] == [False, False, True]  # the last: a block quote
    model = Model("with-rules", {"before_colon": 5.0, "person": -1.0})
    monkeypatch.setattr(speaker_model, "load_model", lambda: model)
    chosen = speaker_model.decide_piece(model, [c.choice for c in found if c.choice is not None])
    assert [c.name or None for c in chosen] == [None, "Paolo Neri"]
    assert [q.speaker for q in extract_quotes(text)] == [None, "Paolo Neri", "Lamberto Bertolé"]
    assert [c.quote for c in speaker_chooser_candidates(text)] == [c.quote for c in found]  # the rules' speakers
