"""Finnish and English text: choosing the language and looking messages up in one catalogue.

A number's noun takes its plural form from the number: `{count} {count|virhe|virhettä}` reads
"1 virhe", "2 virhettä" (`{name|one|other}`, for any whole-number param). Dates and times in a message are shown as the language writes them
(i18n/dates), and text that came from anyone is shown safely (i18n/shown)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

from planner.i18n.catalogue import CATALOGUE
from planner.i18n.shown import shown

LANGS = ("fi", "en")


def default_lang(env: Mapping[str, str] | None = None) -> str:
    """Finnish when the locale for messages is Finnish (LC_ALL, then LC_MESSAGES, then LANG, as
    POSIX reads them), English otherwise."""
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "fi" if value.lower().startswith("fi") else "en"
    return "en"


def fmt_date(value: dt.date, lang: str) -> str:
    """14.6.2027 (klo 9.00) in Finnish, 14 Jun 2027 (09:00) in English."""
    from planner.i18n import dates

    if isinstance(value, dt.datetime):
        return dates.moment(value, lang)
    return dates.day(value, lang)


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def number(value: float | int | None, lang: str) -> str:
    """A whole number as the language groups its thousands (1 234 in Finnish, 1,234 in English)."""
    if value is None:
        return "-"
    text = f"{int(value):,}"
    return text.replace(",", "\u00a0") if lang == "fi" else text


def _forms(text: str, params: Mapping[str, object]) -> str:
    """`{name|one|other}` made the form the number `name` asks for (one for exactly 1)."""

    def chosen(match: re.Match[str]) -> str:
        value = params.get(match.group(1))
        return match.group(2) if value == 1 else match.group(3)

    return _PLURAL.sub(chosen, text) if "|" in text else text


def t(key: str, lang: str, /, **params: object) -> str:
    """The message `key` in `lang` (fi or en), with `params` filled in and its nouns in the right
    number. A text param is shown safely (`shown`): it may come from anyone, and a message
    reaches a terminal."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["en"]
    if not params:
        return text
    return _forms(text, params).format(**{k: _safe(k, v, lang) for k, v in params.items()})


def keyed(params: Mapping[str, object], lang: str) -> dict[str, object]:
    """`params` with each value named `…_key` said as the catalogue entry it names (in `lang`,
    filled with the same params) under its name without `_key`: a message's reason, or the kind
    of thing it names, in the message's own language."""
    found = dict(params)
    for name, value in params.items():
        if name.endswith("_key"):
            found[name.removesuffix("_key")] = t(str(value), lang, **params)
    return found


ECHO_LIMIT = 60  # characters of a refused value quoted back (a whole line of a wrong file is not)


def _safe(name: str, value: object, lang: str) -> object:
    """Numbers as they are, dates as the language writes them; anything else (a text, a path) as
    its safe text. A refused `value` is quoted back only in part: it may be a line of any file
    given by mistake."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.date):
        return fmt_date(value, lang)
    text = value if isinstance(value, str) else str(value)
    if name == "value" and len(text) > ECHO_LIMIT:
        text = text[: ECHO_LIMIT - 1] + "…"
    return shown(text)
