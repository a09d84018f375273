"""What the post editor shows as you type: the live checklist, the length meter and the hashtags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from planner.domain import platforms
from planner.domain.check import Results, check_as_ready
from planner.domain.model import Account, Post
from planner.domain.rules.posts import required_hashtags
from planner.domain.text import TagProblem, hashtags, missing_tags, tag_problems, text_length
from planner.domain.workspace import Workspace
from planner.services.checks import context


def live_check(ws: Workspace, assets_root: Path, now: dt.datetime, post: Post) -> Results:
    """Every post rule's findings for a post as it stands in the editor, saved or not. A draft is
    judged as if it were ready: the checklist shows exactly what stands in the way of marking it."""
    day = post.publish_date or now.date()
    return check_as_ready(post, context(ws, assets_root, now, day, day, [post]))


def new_draft(
    ws: Workspace,
    accounts: list[Account],
    now: dt.datetime,
    day: dt.date | None,
    user: str | None,
    post_id: str = "new",
) -> Post:
    """A new post as the editor opens it: on the first of `accounts` (those shown), on `day` (else
    today) at 9.00, or the next full hour when that has passed; its owner is the account's owner
    (who answers for its posts), the person typing only when it has none."""
    at = dt.datetime.combine(day or now.date(), dt.time(9, 0))
    if at <= now:  # today, or a past day: the next full hour from now
        at = now.replace(minute=0) + dt.timedelta(hours=1)
    account = accounts[0] if accounts else None
    owners = [p for p in (account.owners if account else ()) if p in ws.people]
    typing = user if user in ws.people else None
    return Post(
        id=post_id,
        account=account.id if account else "",
        publish_at=at,
        lang=ws.organization.default_lang,
        owner=owners[0] if owners else typing,
    )


@dataclass(frozen=True)
class Meter:
    length: int
    limit: int | None
    counting: str

    @property
    def over(self) -> bool:
        return self.limit is not None and self.length > self.limit


def meter(ws: Workspace, post: Post) -> Meter:
    account = ws.accounts.get(post.account)
    limits = platforms.limits(account.platform if account else "other")
    return Meter(text_length(post.text, limits.text_counting), limits.text_limit, limits.text_counting)


@dataclass(frozen=True)
class Tags:
    present: list[str]
    missing: list[str]
    limit: int | None
    problems: list[TagProblem]  # hidden characters inside a tag, mixed scripts


def tags(ws: Workspace, post: Post) -> Tags:
    account = ws.accounts.get(post.account)
    limit = platforms.limits(account.platform).max_hashtags if account else None
    required = missing_tags(post.text, required_hashtags(post, ws))
    return Tags(hashtags(post.text), required, limit, tag_problems(post.text))


@dataclass(frozen=True)
class Panel:
    """Everything the editor shows beside the text, from one look at the post."""

    results: Results
    meter: Meter
    tags: Tags


def panel(ws: Workspace, assets_root: Path, now: dt.datetime, post: Post) -> Panel:
    """The checklist, the length meter and the hashtags of a post as it stands in the editor."""
    return Panel(live_check(ws, assets_root, now, post), meter(ws, post), tags(ws, post))
