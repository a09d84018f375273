"""Crisis holds (SPEC *A post's life*): which planned posts a hold pauses. Pure: no I/O."""

from __future__ import annotations

import datetime as dt

from planner.domain.model import Hold, Post
from planner.domain.workspace import Workspace

PAUSE_EXEMPT = ("crisis", "announcement")  # what may still go out under a hold
PAUSED_STATUSES = ("ready", "scheduled")  # a draft is not going out; a published one went


def held_by(post: Post, ws: Workspace) -> Hold | None:
    """The hold that pauses `post`: one on at its publish time, over its account, when the post is
    ready or scheduled and of an ordinary kind; None when nothing holds it."""
    if post.status not in PAUSED_STATUSES or post.kind in PAUSE_EXEMPT or post.publish_at is None:
        return None
    found = ws.holds_on(post.account, post.publish_at)
    return found[0] if found else None


def held_posts(ws: Workspace) -> list[Post]:
    """The posts a hold pauses, by publish time (what `check` reports under `post.crisis_hold`)."""
    if not ws.holds:
        return []
    held = [p for p in ws.posts.values() if held_by(p, ws) is not None]
    return sorted(held, key=lambda p: (p.publish_at or dt.datetime.min, p.id))
