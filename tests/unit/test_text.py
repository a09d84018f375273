"""Hashtags, links and platform counting, including property-based checks."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from planner.domain.text import (
    hashtags,
    links,
    links_to_domain,
    missing_tags,
    text_length,
    website_domain,
    x_weighted_length,
)


@pytest.mark.parametrize(
    ("text", "required", "missing"),
    [
        ("Hei #ylöjärvi", ["#ylöjärvi"], []),
        ("Hei #YLÖJÄRVI!", ["#ylöjärvi"], []),
        (unicodedata.normalize("NFD", "Hei #ylöjärvi"), ["#ylöjärvi"], []),
        ("Hei #ylöjärvi", [unicodedata.normalize("NFD", "#Ylöjärvi")], []),
        ("Hei #ylöjärvi2026", ["#ylöjärvi"], ["#ylöjärvi"]),
        ("Hei #ylojarvi", ["#ylöjärvi"], ["#ylöjärvi"]),
        ("Hei ylöjärvi", ["#ylöjärvi"], ["#ylöjärvi"]),
        ("Hei#ylöjärvi", ["#ylöjärvi"], ["#ylöjärvi"]),  # not a tag when glued to a word
        ("(#ylöjärvi)", ["ylöjärvi"], []),
        ("#a #b", ["#a", "#b", "#c"], ["#c"]),
    ],
)
def test_required_tags_are_whole_nfc_casefolded_tags(
    text: str, required: list[str], missing: list[str]
) -> None:
    assert missing_tags(text, required) == missing


def test_hashtags_in_order() -> None:
    assert hashtags("#Yksi ja #kaksi, #kolme_3.") == ["#Yksi", "#kaksi", "#kolme_3"]


@pytest.mark.parametrize(
    ("website", "domain"),
    [
        ("https://www.ylojarvi.fi", "ylojarvi.fi"),
        ("https://tuusula.fi/", "tuusula.fi"),
        ("www.rautalampi.fi/etusivu", "rautalampi.fi"),
        ("", ""),
    ],
)
def test_website_domain(website: str, domain: str) -> None:
    assert website_domain(website) == domain


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Lue lisää: https://www.ylojarvi.fi/uutiset.", True),
        ("https://YLOJARVI.FI", True),
        ("www.ylojarvi.fi/kirjasto", True),
        ("ylojarvi.fi/kirjasto", True),
        ("https://kirjasto.ylojarvi.fi", True),
        ("https://ylojarvi.fi.example.com", False),
        ("https://notylojarvi.fi", False),
        ("https://example.com/?u=ylojarvi.fi", False),
        ("mail: viestinta@ylojarvi.fi", False),
    ],
)
def test_official_links(text: str, ok: bool) -> None:
    assert links_to_domain(text, "ylojarvi.fi") is ok


def test_link_trailing_punctuation_is_not_part_of_it() -> None:
    assert [link.url for link in links("(katso https://www.ylojarvi.fi/a).")] == ["https://www.ylojarvi.fi/a"]


@pytest.mark.parametrize(
    ("text", "weighted"),
    [
        ("Hei ylöjärvi https://www.ylojarvi.fi/jotain/pitka/osoite 😀 #ylöjärvi", 49),
        ("日本語", 6),
        ("👨‍👩‍👧", 2),
        ("a" * 280, 280),
        ("https://a.fi https://b.fi", 47),
    ],
)
def test_x_weighted_length(text: str, weighted: int) -> None:
    assert x_weighted_length(text) == weighted


def test_other_countings() -> None:
    assert text_length("e\u0301" * 3, "graphemes") == 3
    assert text_length("e\u0301" * 3, "characters") == 3  # NFC first
    assert text_length("a😀", "threads") == 5
    assert text_length("x https://a.fi/" + "b" * 100, "mastodon") == 25


@given(st.text())
def test_counting_never_fails_and_links_point_inside_the_text(text: str) -> None:
    for counting in ("characters", "x_weighted", "threads", "graphemes", "mastodon"):
        assert text_length(text, counting) >= 0
    nfc = unicodedata.normalize("NFC", text)
    for link in links(text):
        assert nfc[link.start : link.end] == link.url


# Finnish and Latin text with the characters that trip a shortcut: CR LF, © and ®, a combining
# mark, an emoji with a variation selector, CJK, and the edge of the simple range.
_MIXED = st.lists(
    st.sampled_from(list("aäöåÅšŋ ,.#\r\n\u00a9\u00ae\u02ff\u0300\u0301\ufe0f😀日") + ["\r\n"])
).map("".join)


@given(_MIXED)
def test_the_latin_shortcuts_count_as_the_grapheme_walk(text: str) -> None:
    import regex

    from planner.domain.text import _threads_length_by_grapheme

    nfc = unicodedata.normalize("NFC", text)
    assert text_length(text, "threads") == _threads_length_by_grapheme(nfc)
    assert text_length(text, "graphemes") == len(regex.findall(r"\X", nfc))


def test_latin_texts_take_the_shortcut() -> None:
    assert text_length("Hyvää joulua ©\r\n", "threads") == 17  # © two bytes; CR LF two characters
    assert text_length("Hyvää joulua ©\r\n", "graphemes") == 15  # CR LF one grapheme
    assert x_weighted_length("Hyvää joulua ©®") == 17


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1))
def test_a_tag_always_matches_itself_in_any_case_and_form(word: str) -> None:
    tag = "#" + word
    assume(tag.upper().casefold() == tag.casefold())  # e.g. Turkish dotless ı upper-cases to I
    for variant in (tag.upper(), unicodedata.normalize("NFD", tag)):
        assert missing_tags(f"x {variant} y", [tag]) == []


def test_combining_marks_that_nfc_keeps_apart_stay_inside_the_tag() -> None:
    # U+FB2A decomposes under NFC into shin + a combining dot (composition exclusion): found by hypothesis.
    assert hashtags("x #\ufb2a y") == ["#\u05e9\u05c1"]
    assert missing_tags("x #\ufb2a y", ["#\ufb2a"]) == []
    assert hashtags("#ylöjärvi\u0301x") == ["#ylöjärvíx"]  # NFC joins i and the accent


def test_a_tag_whose_casefold_decomposes_still_matches_its_capitals() -> None:
    """Found by hypothesis: ΰ casefolds to υ and two combining marks, its capital Ϋ́ to another
    composition of them; compared in NFC after the fold, they are one tag."""
    assert missing_tags("x #Ϋ́ y", ["#ΰ"]) == []
    assert missing_tags("x #ΰ y", ["#Ϋ́"]) == []


# Latin and Finnish with emoji, other scripts' lookalike letters, hidden characters and tag signs.
_TAGGY = st.lists(
    st.sampled_from(list("aäöYLÖ_1# ＃.\n😀µª\u00ad\u200b\u200d\u202eаеоΑ日ä\u0301") + ["#ylö", "#jär"])
).map("".join)


@given(_TAGGY)
def test_a_text_passed_over_has_no_tag_problem_the_full_search_finds(text: str) -> None:
    """`tag_problems` skips the `regex` module's search for a text without a hidden character or
    a second script: its answer is always the search's."""
    from planner.domain import text as module

    nfc = unicodedata.normalize("NFC", text)
    assert module.tag_problems(text) == module._searched_tag_problems(nfc)


def test_a_latin_text_with_emoji_is_passed_over_and_a_disguised_tag_is_not() -> None:
    from planner.domain.text import _may_disguise, tag_problems

    assert not _may_disguise("Hyvää joulua 🎄 #ylöjärvi #joulu2026")
    assert not _may_disguise("ylöjärvi ааа")  # two scripts, but no tag
    assert [(p.kind, p.raw) for p in tag_problems("Hei #ylö\u00adjärvi!")] == [("hidden", "#ylö\u00adjärvi")]
    assert [(p.kind, p.detail) for p in tag_problems("Hei #ylöjärvі 🎄")] == [("mixed", "CYRILLIC + LATIN")]
