"""Finnish and English text: choosing the language and looking messages up in one catalogue."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from planner.i18n.catalogue import CATALOGUE

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
    """The message `key` in `lang` (fi or en), with `params` filled in."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text
