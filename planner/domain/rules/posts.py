"""Post rules: schedule, account activity, text length, hashtags, official link and owner."""

from __future__ import annotations

from collections.abc import Iterator

from planner.domain import platforms
from planner.domain.crisis import held_by
from planner.domain.model import Post
from planner.domain.rules import ERROR, Context, Problem, post_rule, problem
from planner.domain.text import (
    hashtags,
    links_to_domain,
    missing_tags,
    plain_key,
    tag_key,
    tag_problems,
    text_length,
    website_domain,
)
from planner.domain.workspace import Workspace


@post_rule("post.schedule", ERROR)
def schedule(post: Post, ctx: Context) -> Iterator[Problem]:
    if post.publish_at is None:
        yield problem("post.schedule.missing")
    elif post.status in ("ready", "scheduled") and post.publish_at < ctx.now:
        yield problem("post.schedule.past", at=post.publish_at, status=post.status)


@post_rule("post.account_active", ERROR)
def account_active(post: Post, ctx: Context) -> Iterator[Problem]:
    day = post.publish_date
    account = ctx.ws.accounts.get(post.account)
    if day is None or account is None:
        return
    if account.status != "active":
        yield problem("post.account_active.status", account=account.id, status=account.status)
    elif account.starts and day < account.starts:
        yield problem("post.account_active.before", account=account.id, starts=account.starts, date=day)
    elif account.ends and day > account.ends:
        yield problem("post.account_active.after", account=account.id, ends=account.ends, date=day)


@post_rule("post.text_length", ERROR)
def text_fits(post: Post, ctx: Context) -> Iterator[Problem]:
    account = ctx.ws.accounts.get(post.account)
    if account is None:
        return
    limits = platforms.limits(account.platform)
    if limits.text_limit is not None:
        length = text_length(post.text, limits.text_counting)
        if length > limits.text_limit:
            yield problem(
                "post.text_length.text", length=length, limit=limits.text_limit, platform=account.platform
            )
    if limits.title_limit is not None and len(post.title) > limits.title_limit:
        yield problem(
            "post.text_length.title_long",
            length=len(post.title),
            limit=limits.title_limit,
            platform=account.platform,
        )


def required_hashtags(post: Post, ws: Workspace) -> list[str]:
    """The organization's, the account's and (when the post belongs to one) the campaign's tags."""
    required = list(ws.organization.required_hashtags)
    account = ws.accounts.get(post.account)
    if account:
        required += account.required_hashtags
    campaign = ws.campaigns.get(post.campaign) if post.campaign else None
    if campaign:
        required += campaign.hashtags
    return required


@post_rule("hashtag.required", ERROR)
def required_tags(post: Post, ctx: Context) -> Iterator[Problem]:
    """A missing tag is named; when the text has one that only looks like it (a hidden character
    inside, a Cyrillic letter), that is said too, so the fix is obvious."""
    missing = missing_tags(post.text, required_hashtags(post, ctx.ws))
    if not missing:
        return
    lookalikes = {plain_key(found.raw): found for found in tag_problems(post.text)}
    plain = []
    for tag in missing:
        found = lookalikes.get(plain_key(tag))
        if found is None:
            plain.append(tag)
        else:
            yield problem(f"hashtag.required_{found.kind}", tag=tag, found=found.shown, detail=found.detail)
    if plain:
        yield problem("hashtag.required", tags=", ".join(plain))


@post_rule("hashtag.limit", ERROR)
def tag_limit(post: Post, ctx: Context) -> Iterator[Problem]:
    account = ctx.ws.accounts.get(post.account)
    if account is None:
        return
    limit = platforms.limits(account.platform).max_hashtags
    count = len({tag_key(tag) for tag in hashtags(post.text)})
    if limit is not None and count > limit:
        yield problem("hashtag.limit", count=count, limit=limit, platform=account.platform)


@post_rule("post.media_required", ERROR)
def media_required(post: Post, ctx: Context) -> Iterator[Problem]:
    """Instagram, TikTok and YouTube publish no text alone: an image or a video (YouTube: a video)."""
    account = ctx.ws.accounts.get(post.account)
    needs = platforms.limits(account.platform).needs_media if account else None
    if account is None or needs is None:
        return
    kinds = {asset.kind for asset in map(ctx.ws.assets.get, post.media) if asset is not None}
    if needs == "video" and "video" not in kinds:
        yield problem("post.media_required.video", platform=account.platform)
    elif needs == "any" and not kinds:
        yield problem("post.media_required.any", platform=account.platform)


@post_rule("post.official_link", ERROR)
def official_link(post: Post, ctx: Context) -> Iterator[Problem]:
    if post.kind not in ("announcement", "crisis"):
        return
    domain = website_domain(ctx.ws.organization.website)
    if not domain:
        yield problem("post.official_link.no_website")
    elif not links_to_domain(post.text, domain):
        yield problem("post.official_link.missing", domain=domain)


@post_rule("post.owner_available", ERROR)
def owner_available(post: Post, ctx: Context) -> Iterator[Problem]:
    if not post.owner or post.owner not in ctx.ws.people:
        yield problem("post.owner_available.none")
        return
    day = post.publish_date
    if day is not None and not ctx.ws.is_covered(post.owner, day):
        if post.owner not in ctx.ws.writers:
            yield problem("post.owner_available.reader", owner=post.owner, date=day)
        else:
            yield problem("post.owner_available.absent", owner=post.owner, date=day)


@post_rule("post.review", ERROR)
def review(post: Post, ctx: Context) -> Iterator[Problem]:
    """On an account that asks for review, an approval made after the post's last content change."""
    account = ctx.ws.accounts.get(post.account)
    if account is None or not account.review:
        return
    if post.approved_at is None:
        yield problem("post.review.missing", account=account.id)
    elif post.edited_at is not None and post.approved_at < post.edited_at:
        yield problem("post.review.stale", by=post.approved_by or "", at=post.approved_at)


@post_rule("post.crisis_hold", ERROR)
def crisis_hold(post: Post, ctx: Context) -> Iterator[Problem]:
    """A ready or scheduled post of an ordinary kind, due while a crisis hold is on: pause it."""
    hold = held_by(post, ctx.ws)
    if hold is not None:
        yield problem("post.crisis_hold", reason=hold.reason, by=hold.started_by, since=hold.started_at)
