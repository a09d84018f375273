"""Finnish and English text: choosing the language and looking messages up in one catalogue."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from planner.i18n.catalogue import CATALOGUE
from planner.i18n.shown import shown

LANGS = ("fi", "en")


def default_lang(env: Mapping[str, str] | None = None) -> str:
    """Finnish when LANG starts with `fi`, English otherwise."""
    env = os.environ if env is None else env
    return "fi" if env.get("LANG", "").lower().startswith("fi") else "en"


def fmt_date(value: dt.date, lang: str) -> str:
    """16.11.2026 in Finnish, 2026-11-16 otherwise."""
    if isinstance(value, dt.datetime):
        clock = value.strftime("%H:%M")
        return f"{fmt_date(value.date(), lang)} {clock}"
    return f"{value.day}.{value.month}.{value.year}" if lang == "fi" else value.isoformat()


def t(key: str, lang: str, /, **params: object) -> str:
    """The message `key` in `lang` (fi or en), with `params` filled in. A text param is shown
    safely (`shown`): it may come from anyone, and a message reaches a terminal."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["en"]
    if not params:
        return text
    return text.format(**{k: _safe(k, v) for k, v in params.items()})


ECHO_LIMIT = 60  # characters of a refused value quoted back (a whole line of a wrong file is not)


def _safe(name: str, value: object) -> object:
    """Numbers and dates as they are; anything else (a text, a path) as its safe text. A refused
    `value` is quoted back only in part: it may be a line of any file given by mistake."""
    if isinstance(value, int | float | dt.date):
        return value
    text = value if isinstance(value, str) else str(value)
    if name == "value" and len(text) > ECHO_LIMIT:
        text = text[: ECHO_LIMIT - 1] + "…"
    return shown(text)
