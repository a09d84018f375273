"""Platform limits, read once from the package's `platforms.json` (data, not code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Limits:
    platform: str
    text_limit: int | None
    text_counting: str
    max_hashtags: int | None
    alt_max: int | None
    aspect: tuple[float, float] | None
    width: tuple[int, int] | None
    title_limit: int | None = None
    needs_media: str | None = None  # "any" (an image or a video) or "video": no post of text alone


@cache
def _table() -> dict[str, Any]:
    raw = (Path(__file__).parent / "platforms.json").read_text("utf-8")  # a data file beside this one
    data: dict[str, Any] = json.loads(raw)
    return data


def aspect_tolerance() -> float:
    return float(_table()["aspect_tolerance"])


@cache
def limits(platform: str) -> Limits:
    entry = _table()["platforms"].get(platform) or _table()["platforms"]["other"]
    aspect, width = entry.get("aspect"), entry.get("width")
    return Limits(
        platform=platform,
        text_limit=entry.get("text_limit"),
        text_counting=entry.get("text_counting", "characters"),
        max_hashtags=entry.get("max_hashtags"),
        alt_max=entry.get("alt_max"),
        aspect=(float(aspect[0]), float(aspect[1])) if aspect else None,
        width=(int(width[0]), int(width[1])) if width else None,
        title_limit=entry.get("title_limit"),
        needs_media=entry.get("needs_media"),
    )
