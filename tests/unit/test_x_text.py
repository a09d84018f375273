"""X counting proved against X's own counter: the twitter-text library (twitter-text-parser, the
official algorithm and top-level domain list) must agree with the planner's port (domain/x_text) on
random text made of words, links of every top-level domain, emoji of X's list and newer ones,
keycaps, flags, CJK, combining marks and every kind of line break."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.domain.text import links, text_length
from planner.domain.x_text import _emoji, _tlds, extract_urls, weighted_length

twitter_text = pytest.importorskip("twitter_text")  # a test dependency (pyproject: test extras)
from twitter_text import extract_urls_with_indices, parse_tweet  # noqa: E402
from twitter_text.regexp.emoji import emoji_list  # noqa: E402
from twitter_text.regexp.valid_cctld import valid_cctld  # noqa: E402
from twitter_text.regexp.valid_gtld import valid_gtld  # noqa: E402


def _alternatives(pattern: str) -> tuple[str, ...]:
    return tuple(pattern[pattern.index("(?:(?:") + 6 : pattern.index(")(?=")].split("|"))


def test_the_top_level_domains_are_the_libraries_in_its_order() -> None:
    assert _tlds() == (_alternatives(valid_gtld.pattern), _alternatives(valid_cctld.pattern))


def test_the_emoji_are_the_libraries() -> None:
    sequences, singles, _, _ = _emoji()
    theirs_multi = {
        "".join(chr(int(c, 16)) for c in e.codepoint.split())
        for e in emoji_list
        if len(e.codepoint.split()) > 1
    }
    theirs_single = {int(e.codepoint, 16) for e in emoji_list if len(e.codepoint.split()) == 1}
    assert set().union(*sequences.values()) == theirs_multi and singles == theirs_single


_TLDS = [tld for tld in _alternatives(valid_gtld.pattern) + _alternatives(valid_cctld.pattern)]
_EMOJI = sorted({e.emoji for e in emoji_list}) + ["🫠", "🧑‍🩰", "🇫🇮", "🇫", "1️⃣", "1⃣", "#️⃣", "*⃣", "👍🏽", "🏽"]
_LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäö0123456789-", min_size=1, max_size=8)
_LINK = st.builds(
    lambda scheme, labels, tld, path, query, tail: f"{scheme}{'.'.join(labels)}.{tld}{path}{query}{tail}",
    st.sampled_from(["", "", "https://", "http://", "HTTPS://", "www."]),
    st.lists(_LABEL, min_size=1, max_size=3),
    st.sampled_from(_TLDS + ["fi", "com", "ly", "museum", "invalid", "xn--p1ai", "local"]),
    st.sampled_from(["", "", "/", "/kirjasto", "/a/b-c_d", "/(x)", "/wiki/Foo_(bar)", "/%C3%A4", "/@kuva/"]),
    st.sampled_from(["", "", "?a=1", "?q=hyvä&x=", "#osio"]),
    st.sampled_from(["", "", ".", ",", ")", "!", "?", "…", "'"]),
)
_WORD = st.text(alphabet="aäöåbcdeijklmnorstuvyzAÄÖ0123456789", min_size=1, max_size=10)
_PIECE = st.one_of(
    _WORD,
    _LINK,
    st.sampled_from(_EMOJI),
    st.sampled_from(
        [
            " ",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\r",
            "\t",
            ",",
            ".",
            "!",
            "?",
            "(",
            ")",
            ":",
            "-",
            "/",
            "@",
            "#",
            "$",
            "&",
            "\u2028",
            "\u0301",
            "é",
            "日本語",
            "한국어",
            "©",
            "®",
            "\u200d",
            "\ufe0f",
            "\u20e3",
            "ﬀ",
            "Ａ",
        ]
    ),
)
_TEXT = st.lists(_PIECE, max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
@example("#ylöjärvi " + "a" * 250 + " bit.ly/abcdef")  # 284 on X; 274 by the planner's old counter
@example("1️⃣2️⃣3️⃣\r\n#️⃣")
@example("Katso https://www.ylojarvi.fi/kirjasto.")
@example("x.com/@kuva/ ja (esimerkki.fi/a_(b)) sekä t.co/abcdef?x=1")
def test_the_weighted_length_is_xs_own(text: str) -> None:
    assert weighted_length(text) == parse_tweet(text).weightedLength
    assert text_length(text, "x_weighted") == parse_tweet(text).weightedLength


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_the_links_are_the_ones_x_finds(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    theirs = [(found["url"], tuple(found["indices"])) for found in extract_urls_with_indices(nfc)]
    assert [(url.url, (url.start, url.end)) for url in extract_urls(nfc)] == theirs
    assert [link.url for link in links(text)] == [url for url, _ in theirs]


def test_the_case_that_passed_but_x_rejects() -> None:
    text = "#ylöjärvi " + "a" * 250 + " bit.ly/abcdef"
    assert weighted_length(text) == 284 > 280
    assert [link.url for link in links(text)] == ["bit.ly/abcdef"]
