"""The demo's goals and figures: each account's goals for the month and the quarter, and figures for
its published posts as if the platforms' exports had been imported yesterday (made-up numbers)."""

from __future__ import annotations

import datetime as dt

from planner.domain.results import Figures, Goal, goal_id
from planner.domain.workspace import Workspace

GOALS = (
    # (account, metric, per, target)
    ("facebook-jarvelan-kaupunki", "posts", "month", 8),
    ("facebook-jarvelan-kaupunki", "reach", "month", 6000),
    ("facebook-jarvelan-kaupunki", "in_time_share", "quarter", 0.9),
    ("instagram-jarvelan-kaupunki", "posts", "month", 4),
    ("instagram-jarvelan-kaupunki", "engagement", "month", 300),
    ("youtube-jarvela-tv", "posts", "quarter", 3),
    ("x-jarvelan-kaupunki", "posts", "month", 4),
    ("linkedin-jarvelan-kaupunki", "engagement", "quarter", 200),
)
FIGURES_BY_PLATFORM = {  # which figures each platform's export gives
    "facebook": ("reach", "views", "reactions", "comments", "shares", "clicks"),
    "instagram": ("reach", "views", "reactions", "comments", "shares", "saves"),
    "youtube": ("reach", "views", "reactions", "comments", "shares"),
    "linkedin": ("views", "clicks", "reactions", "comments", "shares"),
    "x": ("views", "reactions", "comments", "shares"),
}
SCALE = {"reach": 900, "views": 1400, "reactions": 45, "comments": 9, "shares": 6, "saves": 5, "clicks": 30}


def demo_goals() -> list[Goal]:
    return [Goal(goal_id(a, m, p), a, m, p, float(t)) for a, m, p, t in GOALS]


def demo_figures(ws: Workspace, now: dt.datetime) -> list[Figures]:
    """Figures for every published post with an address, varying from post to post."""
    found = []
    for number, post in enumerate(sorted(ws.posts.values(), key=lambda p: p.id), start=1):
        account = ws.accounts.get(post.account)
        if post.status != "published" or not post.published_url or account is None:
            continue
        given = FIGURES_BY_PLATFORM.get(account.platform, ())
        spread = 0.5 + ((number * 37) % 100) / 100  # 0.5 … 1.5
        values = {name: int(SCALE[name] * spread) if name in given else None for name in SCALE}
        made = Figures(post.id, post.account, account.platform, now - dt.timedelta(days=1), source="demo")
        found.append(made.with_figures(values))
    return found
