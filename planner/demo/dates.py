"""Dates of the demo, counted from its today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


def days_from(today: dt.date) -> Callable[[int], str]:
    def day(offset: int) -> str:
        return (today + dt.timedelta(days=offset)).isoformat()

    return day


def fi(text: str) -> dict[str, str]:
    return {"fi": text}
