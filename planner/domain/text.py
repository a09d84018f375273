"""Post text: hashtags, links, and length counted each platform's way."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from planner.domain import platforms
from planner.domain.fields import fold, nfc

# A tag starts after a non-word character; `\w` after NFC covers ä, ö and å. Combining marks that
# NFC leaves apart (Hebrew points, Devanagari signs) belong to the tag too: `\w` alone would cut it.
_HASHTAG_RE = re.compile(r"(?<![\w#&])[#＃](\w+)")

_BARE_TLDS = "fi|com|net|org|eu|se|ax|info|io|me|app|dev|gov|edu|int|tv|no|dk|de|ee"
_URL_RE = re.compile(
    rf"""(?ix)
    (?<![\w@./-])
    (?:
        (?P<scheme>https?://)(?P<host1>[^\s/?#<>"'()\[\]]+)
      | (?P<host2>www\.[^\s/?#<>"'()\[\]]+)
      | (?P<host3>(?:[\w-]+\.)+(?:{_BARE_TLDS}))(?=[/\s?#:]|$|[.,;!?)\]])
    )
    (?P<rest>[^\s<>"]*)
    """
)
_TRAILING = ".,;:!?'\")]}"


def hashtags(text: str) -> list[str]:
    """The tags in `text`, `#` included, in the order written (NFC)."""
    text = nfc(text)
    tags, position = [], 0
    while match := _HASHTAG_RE.search(text, position):
        end = match.end()
        while end < len(text) and (text[end].isalnum() or text[end] == "_" or _is_mark(text[end])):
            end += 1
        tags.append("#" + text[match.start(1) : end])
        position = end
    return tags


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


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


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str
    host: str
    has_scheme: bool


def links(text: str) -> list[Link]:
    """Web addresses in the text: with a scheme, starting `www.`, or a bare common domain."""
    text = nfc(text)
    found: list[Link] = []
    for m in _URL_RE.finditer(text):
        url = m.group(0)
        stripped = url.rstrip(_TRAILING)
        # Keep a closing bracket that belongs to the address, as in a Wikipedia link.
        while url != stripped and url[len(stripped)] == ")" and stripped.count("(") > stripped.count(")"):
            stripped += ")"
        host = (m.group("host1") or m.group("host2") or m.group("host3") or "").rstrip(_TRAILING)
        host = host.split("@")[-1].split(":")[0].casefold()
        found.append(Link(m.start(), m.start() + len(stripped), stripped, host, bool(m.group("scheme"))))
    return found


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


@cache
def _emoji_re() -> tuple[Any, Any]:
    import regex  # imported only when a platform counts emoji or graphemes

    return regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}"), regex


def _without_links(text: str, keep: bool) -> tuple[str, int]:
    """The text with links cut out (and how many), for platforms that count a link as 23."""
    found = [link for link in links(text) if keep or link.has_scheme]
    parts, last = [], 0
    for link in found:
        parts.append(text[last : link.start])
        last = link.end
    parts.append(text[last:])
    return "".join(parts), len(found)


def x_weighted_length(text: str) -> int:
    """X's weighted length (twitter-text v3): CJK and emoji 2, most letters 1, any link 23."""
    config = platforms.x_weighting()
    emoji, regex = _emoji_re()
    rest, link_count = _without_links(nfc(text), keep=True)
    total = link_count * config["url_length"] * config["scale"]
    for cluster in regex.findall(r"\X", rest):
        if emoji.search(cluster):
            total += config["emoji_weight"]
            continue
        for char in cluster:
            point = ord(char)
            for low, high, weight in config["ranges"]:
                if low <= point <= high:
                    total += weight
                    break
            else:
                total += config["default_weight"]
    return int(-(-total // config["scale"]))


def threads_length(text: str) -> int:
    """Threads: characters, with each emoji counted as its UTF-8 bytes."""
    emoji, regex = _emoji_re()
    total = 0
    for cluster in regex.findall(r"\X", nfc(text)):
        total += len(cluster.encode("utf-8")) if emoji.search(cluster) else len(cluster)
    return total


def grapheme_length(text: str) -> int:
    _, regex = _emoji_re()
    return len(regex.findall(r"\X", nfc(text)))


def mastodon_length(text: str) -> int:
    rest, link_count = _without_links(nfc(text), keep=False)
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
