"""Non-English articles: the language is detected, the English-only analysis is skipped and says why."""

from __future__ import annotations

import json

import pytest

from reader.analysis.pipeline import analyse
from reader.cli import main
from reader.clean import clean_text
from reader.export.markdown import to_markdown
from reader.language import detect_language, english_only_error, normalise_code

ARTICLES = {
    "de": "Die Stadt hat am Donnerstag beschlossen, dass die alte Brücke über den Fluss im nächsten Jahr erneuert "
    "wird. Der Bürgermeister sagte, die Arbeiten würden mehr als zwei Jahre dauern und seien für den Verkehr eine "
    "große Belastung.",
    "fr": "La ville a décidé jeudi que le vieux pont sur la rivière sera rénové l'année prochaine. Le maire a déclaré "
    "que les travaux dureront plus de deux ans et qu'ils seront une lourde charge pour la circulation.",
    "es": "La ciudad decidió el jueves que el viejo puente sobre el río será renovado el próximo año. El alcalde dijo "
    "que las obras durarán más de dos años y que serán una carga pesada para el tráfico.",
    "it": "La città ha deciso giovedì che il vecchio ponte sul fiume sarà rinnovato il prossimo anno. Il sindaco ha "
    "detto che i lavori dureranno più di due anni e che saranno un peso per il traffico della zona.",
    "pt": "A cidade decidiu na quinta-feira que a velha ponte sobre o rio será renovada no próximo ano. O prefeito "
    "disse que as obras vão durar mais de dois anos e que serão um fardo pesado para o trânsito.",
    "nl": "De stad heeft donderdag besloten dat de oude brug over de rivier volgend jaar wordt vernieuwd. De "
    "burgemeester zei dat de werkzaamheden meer dan twee jaar zullen duren en een zware last zijn voor het verkeer.",
    "ru": "Город в четверг решил, что старый мост через реку будет отремонтирован в следующем году. Мэр сказал, что "
    "работы продлятся более двух лет и станут тяжёлым бременем для движения.",
    "ar": "قررت المدينة يوم الخميس تجديد الجسر القديم فوق النهر في العام المقبل. وقال رئيس البلدية إن الأعمال ستستمر "
    "أكثر من عامين وستكون عبئا ثقيلا على حركة المرور.",
    "zh": "该市周四决定，明年将翻修河上的旧桥。市长说，工程将持续两年多，对交通造成沉重负担。",
    "ja": "市は木曜日、川にかかる古い橋を来年改修することを決めた。市長によると、工事は二年以上続き、交通に大きな負担となる。",
    "en": "The city decided on Thursday that the old bridge over the river will be renovated next year. The mayor said "
    "the work would last more than two years and be a heavy burden on traffic.",
}
NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
         "ru": "Russian", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese"}


@pytest.mark.parametrize("code", sorted(ARTICLES))
def test_detects_the_language(code):
    assert detect_language(ARTICLES[code]) == code


def test_too_little_text_is_not_guessed():
    assert detect_language("Hello") is None
    assert detect_language("12 34 56 !!! ??? ...") is None


def test_codes_are_normalised():
    assert normalise_code("en-GB") == "en" and normalise_code("pt_BR") == "pt" and normalise_code("DE") == "de"
    assert normalise_code("und") == "en" and normalise_code("\x1b[31m") == "en" and normalise_code(None) == "en"


@pytest.mark.parametrize("code", sorted(NAMES))
def test_document_language_and_analysis_skipped(code):
    text = "Titel\n\n" + ARTICLES[code] + "\n\n" + ARTICLES[code] + "\n"
    document = clean_text(text)
    assert document.language == code
    analysis = analyse(document, None)
    assert analysis.entities == [] and analysis.quotes == [] and analysis.timeline == [] and analysis.sources == []
    assert analysis.errors == [f"the article is in {NAMES[code]} ({code}); the analysis is English-only"]
    assert analysis.complete


def test_the_model_is_not_consulted_for_other_languages():
    document = clean_text(ARTICLES["de"] + "\n\n" + ARTICLES["de"])
    analysis = analyse(document, object())  # any "model" would fail if it were used
    assert analysis.errors == [english_only_error("de")]


def test_english_is_analysed():
    document = clean_text("A title for it\n\n" + ARTICLES["en"] + "\n")
    assert document.language == "en"
    assert analyse(document, None).errors != [english_only_error("en")]


def test_text_beats_a_wrong_html_lang():
    page = f'<html lang="en"><head><title>T</title></head><body><article><p>{ARTICLES["fr"]}</p><p>{ARTICLES["fr"]}</p></article></body></html>'
    assert clean_text(page).language == "fr"


def test_cli_says_so_in_every_format(tmp_path, capsys):
    path = tmp_path / "de.txt"
    path.write_text("Die Brücke bleibt zu\n\n" + ARTICLES["de"] + "\n", encoding="utf-8")
    assert main(["extract", str(path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["document"]["language"] == "de"
    assert data["errors"] == ["the article is in German (de); the analysis is English-only"]
    assert data["entities"] == [] and data["quotes"] == [] and data["timeline"] == []
    assert err.strip() == "reader: warning: the article is in German (de); the analysis is English-only"
    assert main(["extract", str(path), "--format", "text"]) == 0
    out, err = capsys.readouterr()
    assert "Brücke" in out and "English-only" in err
    assert main(["extract", str(path), "--format", "markdown"]) == 0
    out, err = capsys.readouterr()
    assert "the article is in German (de); the analysis is English-only" in out


def test_markdown_export_says_so():
    document = clean_text(ARTICLES["es"] + "\n\n" + ARTICLES["es"])
    text = to_markdown(document, analyse(document, None), exported="2026-01-01T00:00:00Z")
    assert "*Not available: the article is in Spanish (es); the analysis is English-only.*" in text
