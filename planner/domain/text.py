"""Post text: hashtags, links, and length counted each platform's way."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

from planner.domain.fields import fold, nfc
from planner.domain.x_text import extract_urls, weighted_length

# A tag starts after a non-word character; `\w` after NFC covers ä, ö and å. Combining marks that
# NFC leaves apart (Hebrew points, Devanagari signs) belong to the tag too: `\w` alone would cut it.
_HASHTAG_RE = re.compile(r"(?<![\w#&])[#＃](\w+)")


def hashtags(text: str) -> list[str]:
    """The tags in `text`, `#` included, in the order written (NFC)."""
    return list(_hashtags(text))


@lru_cache(maxsize=4096)  # several rules read one post's tags
def _hashtags(text: str) -> tuple[str, ...]:
    text = nfc(text)
    tags, position = [], 0
    while match := _HASHTAG_RE.search(text, position):
        end = match.end()
        while end < len(text) and (text[end].isalnum() or text[end] == "_" or _is_mark(text[end])):
            end += 1
        tags.append("#" + text[match.start(1) : end])
        position = end
    return tuple(tags)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


@lru_cache(maxsize=4096)  # the same few tags are compared in every post
def tag_key(tag: str) -> str:
    """How tags are compared: NFC, casefolded, `#` dropped; whole tags only."""
    return fold(tag.strip().lstrip("#＃"))


def missing_tags(text: str, required: list[str] | tuple[str, ...]) -> list[str]:
    present = {tag_key(tag) for tag in hashtags(text)}
    missing: list[str] = []
    for tag in required:
        key = tag_key(tag)
        if key and key not in present and tag not in missing:
            missing.append("#" + nfc(tag.strip().lstrip("#＃")))
    return missing


# Characters that do not show but split or disguise a tag: zero-width ones, the soft hyphen and
# the bidirectional controls (a right-to-left override can make "#ylöjärvi" display reversed).
INVISIBLE = {
    "\u00ad": "SOFT HYPHEN",
    "\u061c": "ARABIC LETTER MARK",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2060": "WORD JOINER",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}
_RAW_TAG = "[#＃](?:[\\w" + "".join(INVISIBLE) + "]|\\p{M})+"  # for the `regex` module (\\p{M})
# Scripts written together on purpose count as one: Japanese mixes kanji and both kana.
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "KATAKANA-HIRAGANA": "CJK", "HANGUL": "CJK"}
# Letters that look like Latin ones: a tag that matches a required one through them is a lookalike.
_LOOKALIKES = str.maketrans("аеорсухіјѕӏԁԛԝοαειкνρτυχ", "aeopcyxijsldqwoaeikvptux")


@dataclass(frozen=True)
class TagProblem:
    """A tag that will not work as it reads: `hidden` characters inside it, or letters of `mixed`
    scripts (a Cyrillic "о" in "#ylöjärvi"). `shown` has the hidden ones spelt out as <U+200B>."""

    kind: str  # hidden | mixed
    raw: str  # as written
    shown: str
    detail: str  # the hidden characters' names, or the scripts


def _script(char: str) -> str | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    first = name.split(" ")[0] if name else ""
    return _SCRIPT_GROUPS.get(first, first) or None


def tag_problems(text: str) -> list[TagProblem]:
    """Tags with hidden characters inside them, and tags that mix scripts; NFC first."""
    text = nfc(text)
    return _searched_tag_problems(text) if _may_disguise(text) else []


def _searched_tag_problems(text: str) -> list[TagProblem]:
    found: list[TagProblem] = []
    for match in _patterns().raw_tag.finditer(text):
        raw = match.group(0).rstrip("".join(INVISIBLE))
        letters = [c for c in raw[1:] if c not in INVISIBLE]
        scripts = sorted({s for s in map(_script, letters) if s})
        hidden = [c for c in raw if c in INVISIBLE and not (c == "\u200c" and scripts == ["ARABIC"])]
        if hidden and letters:
            shown = "".join(f"<U+{ord(c):04X}>" if c in INVISIBLE else c for c in raw)
            names = ", ".join(dict.fromkeys(INVISIBLE[c] for c in hidden))
            found.append(TagProblem("hidden", raw, shown, names))
        elif len(scripts) > 1:
            found.append(TagProblem("mixed", raw, raw, " + ".join(scripts)))
    return found


def _may_disguise(text: str) -> bool:
    """Whether a tag in `text` (NFC) could have a problem at all: it has a tag sign, and a hidden
    character or letters of two scripts somewhere (read from its distinct characters). Most texts
    have neither, and then the `regex` module is not imported for them."""
    chars = set(text)
    if "#" not in chars and "＃" not in chars:
        return False
    return not chars.isdisjoint(INVISIBLE) or len({s for s in map(_script, chars) if s}) > 1


def plain_key(tag: str) -> str:
    """A tag's key with hidden characters dropped and lookalike letters read as Latin: what a
    reader takes it for."""
    return tag_key("".join(c for c in nfc(tag) if c not in INVISIBLE)).translate(_LOOKALIKES)


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str
    host: str
    has_scheme: bool


def links(text: str) -> tuple[Link, ...]:
    """Web addresses in the text as X's counter finds them (domain/x_text): with a scheme, or a
    bare domain whose top-level domain is a real one (`bit.ly`, `ylojarvi.fi/kirjasto`)."""
    return _links(text)


@lru_cache(maxsize=4096)  # the length and official-link rules read one post's links
def _links(text: str) -> tuple[Link, ...]:
    found = []
    for url in extract_urls(nfc(text)):
        scheme = url.url[:8].casefold().startswith(("http://", "https://"))
        host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.url, flags=re.I)
        host = re.split(r"[/?#:]", host, maxsplit=1)[0].split("@")[-1].casefold()
        found.append(Link(url.start, url.end, url.url, host, scheme))
    return tuple(found)


@cache  # asked for every announcement; an organization has one website
def website_domain(website: str) -> str:
    """The organization's domain: the website's host less a leading `www.`."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", website.strip(), flags=re.I)
    host = re.split(r"[/?#:]", host, maxsplit=1)[0].casefold()
    return host[4:] if host.startswith("www.") else host


def links_to_domain(text: str, domain: str) -> bool:
    """True when a link goes to `domain` or one of its subdomains."""
    if not domain:
        return False
    return any(link.host == domain or link.host.endswith("." + domain) for link in links(text))


class _Patterns(NamedTuple):
    emoji: Any  # a pictograph or a regional indicator (half a flag)
    grapheme: Any  # one user-perceived character
    raw_tag: Any  # a tag with whatever hides inside it


@cache
def _patterns() -> _Patterns:
    """The `regex` module's patterns, compiled once (a check counts thousands of posts)."""
    import regex  # imported only when a post needs graphemes, emoji or a look inside its tags

    return _Patterns(
        regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}"),
        regex.compile(r"\X"),
        regex.compile(_RAW_TAG),
    )


def _without_links(text: str) -> tuple[str, int]:
    """The text with links that have a scheme cut out (and how many): Mastodon counts each as 23
    and, unlike X, leaves a bare domain as the letters it is."""
    found = extract_urls(text, without_protocol=False)
    parts, last = [], 0
    for link in found:
        parts.append(text[last : link.start])
        last = link.end
    parts.append(text[last:])
    return "".join(parts), len(found)


# Below U+0300 (Latin, Latin-1 and Latin Extended: Finnish, Swedish and Sámi) no character joins
# another into one grapheme but CR LF, and only © and ® are pictographs (emoji). Such a text, most
# of a municipality's posts, is counted without splitting it into graphemes; a test holds the
# shortcut equal to the grapheme walk on mixed texts.
_LAST_SIMPLE = "\u02ff"
_PICTOGRAPHS_BELOW = ("\u00a9", "\u00ae")


def _is_simple(text: str) -> bool:
    return not text or max(text) <= _LAST_SIMPLE


def _pictographs(text: str) -> int:
    return sum(text.count(p) for p in _PICTOGRAPHS_BELOW)


def x_weighted_length(text: str) -> int:
    """X's weighted length (twitter-text v3: CJK and emoji 2, most letters 1, any link 23), counted
    by the port of X's own counter (domain/x_text)."""
    return weighted_length(text)


def threads_length(text: str) -> int:
    """Threads: characters, with each emoji counted as its UTF-8 bytes."""
    text = nfc(text)
    if _is_simple(text):
        return len(text) + _pictographs(text)  # © and ® are two bytes each in UTF-8
    return _threads_length_by_grapheme(text)


def _threads_length_by_grapheme(text: str) -> int:
    emoji, grapheme, _ = _patterns()
    total = 0
    for cluster in grapheme.findall(text):
        total += len(cluster.encode("utf-8")) if emoji.search(cluster) else len(cluster)
    return total


def grapheme_length(text: str) -> int:
    text = nfc(text)
    if _is_simple(text):
        return len(text) - text.count("\r\n")
    return len(_patterns().grapheme.findall(text))


def mastodon_length(text: str) -> int:
    rest, link_count = _without_links(nfc(text))
    return len(rest) + 23 * link_count


def text_length(text: str, counting: str) -> int:
    """The length of `text` counted the way named in the platform table."""
    if counting == "x_weighted":
        return x_weighted_length(text)
    if counting == "threads":
        return threads_length(text)
    if counting == "graphemes":
        return grapheme_length(text)
    if counting == "mastodon":
        return mastodon_length(text)
    return len(nfc(text))
