"""The demo workspace: a made-up city, Järvelä, dated around today, showing most rules' findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.demo.feedback import demo_feedback, demo_incident
from planner.demo.media import _media
from planner.demo.people import ORG, PEOPLE, _absences, _accounts, summer_vacation_start
from planner.demo.posts import _history_posts, _regular_posts, _special_posts
from planner.demo.results import demo_figures, demo_goals
from planner.domain.feedback import handled
from planner.domain.workspace import Workspace
from planner.services import Session, feedback, now_local
from planner.services.importer import apply_document, parse_document
from planner.storage.workspace import WorkspaceStore

__all__ = ["ORG", "PEOPLE", "build_demo", "demo_document", "summer_vacation_start"]


PAGES = {  # each demo account's address on its platform, and how a post's address is made of it
    "facebook-jarvelan-kaupunki": "https://www.facebook.com/jarvelankaupunki/posts/{n}",
    "facebook-jarvelan-kirjasto": "https://www.facebook.com/jarvelankirjasto/posts/{n}",
    "instagram-jarvelan-kaupunki": "https://www.instagram.com/p/JARVELA{n}/",
    "instagram-nuorten-kesa": "https://www.instagram.com/p/NUORET{n}/",
    "linkedin-jarvelan-kaupunki": "https://www.linkedin.com/feed/update/urn:li:activity:7{n}",
    "x-jarvelan-kaupunki": "https://x.com/jarvela/status/18{n}",
    "youtube-jarvela-tv": "https://www.youtube.com/watch?v=jarvelaTV{n}",
}


def demo_address(account: str, number: int) -> str:
    """A published demo post's address, shaped as its platform writes them (a YouTube id is 11
    characters)."""
    digits = f"{number:02d}" if account == "youtube-jarvela-tv" else f"{number:012d}"
    return PAGES.get(account, "https://www.jarvela.fi/some/{n}").format(n=digits)


def demo_document(assets: Path, now: dt.datetime) -> dict[str, Any]:
    today = now.date()
    asset_list, consents = _media(assets, today)
    posts = _regular_posts(now) + _special_posts(now) + _history_posts(now)
    for number, post in enumerate(posts, start=1):
        post["id"] = f"p-demo-{number:03d}"  # never like an id `post add` prints, nor one in a README
        if post["status"] == "published":
            post["published_url"] = demo_address(post["account"], number)
        if post["status"] in ("ready", "scheduled", "published"):
            post["ready_by"] = post.get("owner") or "aino"
            ready_at = dt.datetime.fromisoformat(post["publish_at"] or now.isoformat()) - dt.timedelta(days=2)
            post["ready_at"] = min(ready_at, now).strftime("%Y-%m-%dT%H:%M")
    campaign = {
        "id": "joulu",
        "name": "Joulu Järvelässä",
        "from": today.isoformat(),
        "to": (today + dt.timedelta(days=35)).isoformat(),
        "hashtags": ["#joulujärvelässä"],
    }
    return {
        "organization": ORG,
        "people": PEOPLE,
        "accounts": _accounts(today),
        "absences": _absences(today),
        "campaigns": [campaign],
        "consents": consents,
        "assets": asset_list,
        "posts": posts,
    }


def build_demo(root: Path) -> Workspace:
    """Create a demo workspace in `root` (calendars/ and assets/), dated around today."""
    store = WorkspaceStore(root)
    store.create()
    now = now_local(ORG["timezone"])
    doc = demo_document(store.assets, now)
    session = Session(store, "demo")
    with store.transaction("demo", session.stamp) as unit:
        apply_document(unit, parse_document(doc, unit.base, store.assets))
        ws = unit.ws
        for number, new in enumerate(demo_feedback(ws, now), start=1):
            made = replace(feedback.made(ws, new, "aino", ()), id=f"f-demo-{number:03d}")
            item = unit.put("feedback", made)
            if number == 3:  # answered the next morning
                answered = item.received_at.replace(hour=9, minute=0) + dt.timedelta(days=1)
                unit.put("feedback", handled(item, "answered", min(answered, now), "aino"), action="reply")
        unit.put("incidents", demo_incident(now))
        for goal in demo_goals():
            unit.put("goals", goal)
        for figures in demo_figures(ws, now):
            unit.put("metrics", figures, action="import")
    return store.load()
