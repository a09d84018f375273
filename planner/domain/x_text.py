"""Links and X's weighted length, found and counted exactly as X's own counter does: the twitter-text
library (its Python port, twitter-text-parser 3.0.0, configuration v3; Apache-2.0).

Why a port and not the package itself: the package imports `pkg_resources`, which setuptools 81
removed (it fails to import on a fresh environment), and is slow to import and to count with.
The patterns below are the package's own, built the
same way; its top-level domains and emoji are data files beside this one (`tlds.txt`,
`x_emoji.txt`), and a property test holds the counts and the links equal to the package's on random
text with links, emoji, keycaps and line breaks (tests/test_x_text.py).

Counting (`weighted_length`): the text in NFC with every line break as one `\\n`; each link weighs
23, each emoji of X's list 2, and every other code point 1 in the ranges below (Latin, most
punctuation) and 2 elsewhere (CJK, other emoji).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

SCALE = 100
DEFAULT_WEIGHT = 200
URL_WEIGHT = 23 * SCALE
RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
MAX_URL_LENGTH = 4096
MAX_TCO_SLUG = 40

# The package's character classes, as it writes them.
_PUNCT = r"\!'#%&'\(\)*\+,\\\-\.\/:;<=>\?@\[\]\^_{|}~\$/"
_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_INVALID = r"\uFFFE\uFEFF\uFFFF"
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069"
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F"
    r"\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"
_DOMAIN_CHARS = rf"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
_SUBDOMAIN = rf"(?:(?:{_DOMAIN_CHARS}(?:[_-]|{_DOMAIN_CHARS})*)?{_DOMAIN_CHARS}\.)"
_DOMAIN_NAME = rf"(?:(?:{_DOMAIN_CHARS}(?:-|{_DOMAIN_CHARS})*)?{_DOMAIN_CHARS}\.)"
_PUNYCODE = r"(?:xn--[\-0-9a-z]+)"
_PRECEDING = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|^)"
_PATH_CHARS = rf"[a-z{_CYRILLIC}0-9!\*';:=\+,\.\$\/%#\[\]\-\u2013_~@\|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = rf"\((?:{_PATH_CHARS}+|(?:{_PATH_CHARS}*\({_PATH_CHARS}+\){_PATH_CHARS}*))\)"
_PATH_ENDING = rf"[\+\-a-z{_CYRILLIC}0-9=_#\/{_LATIN_ACCENTS}]|(?:{_BALANCED_PARENS})"
_PATH = (
    rf"(?:(?:{_PATH_CHARS}*(?:{_BALANCED_PARENS}{_PATH_CHARS}*)*{_PATH_ENDING})"
    rf"|(?:@{_PATH_CHARS}+/))"
)
_QUERY_CHARS = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_ENDING = r"[a-z0-9\-_&=#/]"


@cache
def _tlds() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The generic and the country top-level domains, in the order the counter tries them."""
    text = (Path(__file__).parent / "tlds.txt").read_text("utf-8")  # data files beside this one
    lists: dict[str, list[str]] = {"generic": [], "country": []}
    current = "generic"
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            continue
        lists[current].append(line)
    return tuple(lists["generic"]), tuple(lists["country"])


def _tld_pattern(names: tuple[str, ...]) -> str:
    return "(?:(?:" + "|".join(names) + ")(?=[^0-9a-zA-Z@+-]|$))"


def _tld_patterns() -> tuple[str, str]:
    generic, country = (_tld_pattern(names) for names in _tlds())
    return generic, country


@cache
def _url_pattern() -> re.Pattern[str]:
    """Compiled once per process, when a text is first asked about (its top-level domain
    alternation is long)."""
    generic, country = _tld_patterns()
    domain = rf"(?:{_SUBDOMAIN}*{_DOMAIN_NAME}(?:{generic}|{country}|{_PUNYCODE}))"
    url = (
        rf"(({_PRECEDING})((https?:\/\/)?({domain})(?::([0-9]+))?(\/{_PATH}*)?"
        rf"(\?{_QUERY_CHARS}*{_QUERY_ENDING})?))"
    )
    return re.compile(url, re.IGNORECASE)


@cache
def _ascii_domain_pattern() -> re.Pattern[str]:
    """Only a link without a scheme needs this one: compiled (as long again) when one is met."""
    generic, country = _tld_patterns()
    ascii_domain = rf"(?:(?:[\-a-z0-9{_LATIN_ACCENTS}]+)\.)+(?:{generic}|{country}|{_PUNYCODE})"
    return re.compile(ascii_domain, re.IGNORECASE)


_TCO = re.compile(rf"^https?:\/\/t\.co\/([a-z0-9]+)(?:\?{_QUERY_CHARS}*{_QUERY_ENDING})?", re.IGNORECASE)


_INVALID_BEFORE_BARE = re.compile(r"[-_./]$")


@dataclass(frozen=True)
class Url:
    start: int  # code point index in the text searched
    end: int
    url: str


def _punycode_length(domain: str) -> int | None:
    try:
        return len(domain.encode("idna").decode("ascii"))
    except (UnicodeError, ValueError):
        return None


def extract_urls(text: str, without_protocol: bool = True) -> tuple[Url, ...]:
    """The links in `text` (already NFC, line breaks as the caller has them), as the counter finds
    them: with a scheme, or (when `without_protocol`) a bare domain with a known top-level domain."""
    return _extract(text, without_protocol)


@lru_cache(maxsize=4096)  # the length and official-link rules read one post's links
def _extract(text: str, without_protocol: bool) -> tuple[Url, ...]:
    if not text or ("." not in text if without_protocol else ":" not in text):
        return ()
    found: list[Url] = []
    for match in _url_pattern().finditer(text):
        _, before, url, protocol, domain, _, path, _ = match.groups()
        end = match.end()
        start = end - len(url)
        puny = _punycode_length(domain)
        if not puny or len(protocol or "https://") + len(url) + puny - len(domain) > MAX_URL_LENGTH:
            continue
        if protocol is None:
            if not without_protocol or _INVALID_BEFORE_BARE.match(before):
                continue
            last: Url | None = None
            for ascii_match in _ascii_domain_pattern().finditer(domain):
                last = Url(start + ascii_match.start(), start + ascii_match.end(), ascii_match.group(0))
                found.append(last)
            if last is None:
                continue
            if path:
                found[-1] = Url(last.start, end, url.replace(domain, last.url))
        else:
            tco = _TCO.search(url)
            if tco:
                slug = tco.group(1)
                if slug and len(slug) > MAX_TCO_SLUG:
                    continue
                url = tco.group(0)
                end = start + len(url)
            found.append(Url(start, end, url))
    return tuple(found)


@cache
def _emoji() -> tuple[dict[int, frozenset[str]], frozenset[int], int, frozenset[str]]:
    """X's emoji: the sequences by length, the single code points, the longest sequence, and every
    character an emoji can start with."""
    text = (Path(__file__).parent / "x_emoji.txt").read_text("ascii")
    sequences: dict[int, set[str]] = {}
    singles: set[int] = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if ".." in line:
            low, high = (int(part, 16) for part in line.split(".."))
            singles.update(range(low, high + 1))
        elif " " in line:
            sequence = "".join(chr(int(part, 16)) for part in line.split())
            sequences.setdefault(len(sequence), set()).add(sequence)
        else:
            singles.add(int(line, 16))
    frozen = {length: frozenset(found) for length, found in sequences.items()}
    starts = frozenset(chr(point) for point in singles) | {
        seq[0] for found in frozen.values() for seq in found
    }
    return frozen, frozenset(singles), max(frozen), starts


def emoji_spans(text: str) -> dict[int, int]:
    """Where X's emoji start in `text`, with their length in code points: at each place the
    longest sequence of the list, else a single emoji code point (as the counter's pattern, whose
    sequences are tried longest first). A place whose character starts no emoji is passed by."""
    sequences, singles, longest, starts = _emoji()
    spans: dict[int, int] = {}
    index, size = 0, len(text)
    while index < size:
        if text[index] not in starts:
            index += 1
            continue
        matched = 0
        for length in range(min(longest, size - index), 1, -1):
            found = sequences.get(length)
            if found and text[index : index + length] in found:
                matched = length
                break
        if not matched and ord(text[index]) in singles:
            matched = 1
        if matched:
            spans[index] = matched
            index += matched
        else:
            index += 1
    return spans


_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
_LIGHT = "\u10ff"  # up to here every code point weighs 100 (the first of RANGES)


def _weight(point: int) -> int:
    for low, high, weight in RANGES:
        if low <= point <= high:
            return weight
    return DEFAULT_WEIGHT


def _run_weight(run: str) -> int:
    """The weight of a run of text without links or emoji."""
    if not run or max(run) <= _LIGHT:
        return len(run) * SCALE
    return sum(_weight(ord(char)) for char in run)


def weighted_length(text: str) -> int:
    """X's weighted length of `text` (280 is the limit): each link and emoji by its weight, and
    the runs between them by their code points'."""
    normalized = _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text))
    spans = {url.start: (url.end - url.start, URL_WEIGHT) for url in extract_urls(normalized)}
    if not _is_latin(normalized):
        for start, length in emoji_spans(normalized).items():
            spans.setdefault(start, (length, DEFAULT_WEIGHT))
    total, index = 0, 0
    for start in sorted(spans):
        if start < index:
            continue  # inside a link: an emoji there is the link's
        length, weight = spans[start]
        total += _run_weight(normalized[index:start]) + weight
        index = start + length
    total += _run_weight(normalized[index:])
    return total // SCALE


_LATIN_LIMIT = "\u02ff"
_EMOJI_BELOW = frozenset({"\u00a9", "\u00ae"})  # the only emoji below U+0300


def _is_latin(text: str) -> bool:
    """A text below U+0300 without © or ® holds none of X's emoji (a keycap needs U+20E3), so it is
    counted without looking for them."""
    return not text or (max(text) <= _LATIN_LIMIT and not any(c in text for c in _EMOJI_BELOW))
