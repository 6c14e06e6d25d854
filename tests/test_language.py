"""Language guess from stop-word votes, with the n-gram model for close calls and CJK."""

from __future__ import annotations

import pytest

from cleaner import language
from cleaner.language import guess_language, stopwords

CASES = {
    "en": "The council said on Tuesday that the new bridge would open in the spring, after years of delays.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im Frühjahr eröffnet wird.",
    "fr": "Le conseil a annoncé mardi que le nouveau pont ouvrira au printemps, après des années de retard.",
    "es": "El consejo anunció el martes que el nuevo puente se abrirá en primavera, tras años de retrasos.",
    "id": "Dewan kota mengatakan pada hari Selasa bahwa jembatan baru akan dibuka pada musim semi setelah bertahun-tahun tertunda karena masalah anggaran yang tidak kunjung selesai.",
    "ja": "横浜市交通局は二十日、市営バスの深夜便を来年四月から大幅に拡充すると発表した。対象は市内の主要駅を結ぶ十二路線である。",
    "ko": "서울시는 화요일 새 다리가 봄에 개통될 것이라고 밝혔다. 시는 수년간의 지연 끝에 공사를 마무리했다고 설명했다.",
}


@pytest.mark.parametrize(("code", "text"), CASES.items())
def test_guess(code: str, text: str) -> None:
    assert guess_language(text * 3) == code


def test_english_text_is_not_taken_for_marathi() -> None:
    """jusText's Marathi list holds English words; votes for such lists count native words only."""
    text = "The information provided on this website is for general purposes and does not replace advice. " * 4
    assert guess_language(text) == "en"


def test_no_text_no_language() -> None:
    assert guess_language("   ") is None


def test_stopwords_fall_back_to_english() -> None:
    assert "the" in stopwords(None)
    assert "der" in stopwords("de")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("市议会周二批准了新的预算，并表示将在明年增加对学校和道路的投资。" * 4, "zh"),
        ("市議会は火曜日、新しい予算を承認し、来年は学校と道路への投資を増やすと発表した。" * 4, "ja"),
        ("시의회는 화요일 새 예산을 승인했으며 내년에 학교와 도로에 대한 투자를 늘리겠다고 밝혔다." * 4, "ko"),
    ],
)
def test_chinese_japanese_and_korean_are_told_apart_by_script(text: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kana mark Japanese, Hangul Korean, kanji alone Chinese: no n-gram model is needed."""
    monkeypatch.setattr(language, "_ngram_guess", lambda text: pytest.fail("the n-gram model was asked"))
    assert language.guess_language(text) == code


def test_stop_lists_are_jusTexts_own_without_importing_it() -> None:
    """Read from jusText's package data, the lists equal jusText's, and `import cleaner` stays
    free of jusText's urllib/http/email imports (~60 ms of every command's start-up)."""
    import subprocess
    import sys

    import justext

    for name in ("English", "German", "Finnish", "Indonesian"):
        assert language._stoplist(name) == justext.get_stoplist(name)
    run = subprocess.run(
        [sys.executable, "-c", "import sys, cleaner; cleaner.clean('A short text.'); print('justext' in sys.modules)"],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"
