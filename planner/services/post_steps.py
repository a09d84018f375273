"""A post's life after ready (SPEC *A post's life*): schedule, publish, cancel, reopen, take down,
copy and approve. Each step is one transaction with its audit line, taken only from the statuses
of SPEC's table and only by someone who may write the post; anything else is refused, unwritten."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.check import errors_if_ready
from planner.domain.errors import DataError, Refused
from planner.domain.fields import parse_time
from planner.domain.model import Person, Post
from planner.domain.roles import require_post_writer
from planner.domain.values import line, web_address
from planner.domain.workspace import Workspace
from planner.services import Note, Session, on_the_clocks
from planner.services.checks import context
from planner.services.ids import new_id
from planner.services.posts import NotReady
from planner.services.results import address_notes

FROM = {  # step -> the statuses it may start from
    "schedule": ("ready",),
    "publish": ("ready", "scheduled"),
    "cancel": ("draft", "ready", "scheduled"),
    "reopen": ("ready", "scheduled", "cancelled"),
    "takedown": ("published",),
    "approve": ("draft", "ready", "scheduled"),
    "move": ("draft", "ready", "scheduled"),
}


def without_life(post: Post) -> Post:
    """The post with none of the steps after draft recorded: a copy, or a post back to draft."""
    return replace(
        post,
        ready_by=None,
        ready_at=None,
        scheduled_by=None,
        scheduled_at=None,
        published_by=None,
        published_at=None,
        published_url=None,
        cancelled_by=None,
        cancelled_at=None,
        cancel_reason=None,
        taken_down=None,
        taken_down_by=None,
        takedown_reason=None,
    )


def may_take(post: Post, step: str) -> bool:
    """The step is open from the post's status (the app greys out the others)."""
    if step == "takedown":
        return post.status == "published" and post.taken_down is None
    return post.status in FROM[step]


def _post(ws: Workspace, post_id: str) -> Post:
    post = ws.posts.get(post_id)
    if post is None:
        raise DataError("err.unknown_post", value=post_id)
    return post


def _open(session: Session, ws: Workspace, post_id: str, step: str) -> tuple[Person, Post]:
    """The writer and the post, when the step is theirs to take from where the post stands."""
    actor = session.actor(ws)
    post = _post(ws, post_id)
    if step == "approve":
        require_approver(actor, ws, post)
    else:
        require_post_writer(actor, ws.accounts[post.account])
    if not may_take(post, step):
        raise refusal(post, step)
    return actor, post


def refusal(post: Post, step: str) -> Refused:
    """Why `step` cannot be taken from where `post` stands."""
    if post.status == "published" and step == "takedown" and post.taken_down is not None:
        return Refused("refused.taken_down", post=post.id, day=post.taken_down)
    return Refused("refused.step", post=post.id, step_key=f"step.{step}", status_key=f"status.{post.status}")


def last_editor(post: Post) -> str | None:
    """Who made the post's last content change (its owner when nothing was recorded)."""
    return post.edited_by or post.owner


def require_approver(actor: Person, ws: Workspace, post: Post) -> None:
    """An approver writes, is an admin or owner of the post's account, and did not make its last
    change: a second pair of eyes, not the same pair twice."""
    account = ws.accounts[post.account]
    if not actor.writes or actor.id not in account.admins + account.owners:
        raise Refused("refused.approver", user=actor.id, account=account.id)
    if last_editor(post) == actor.id:
        raise Refused("refused.own_edit", user=actor.id, post=post.id)


def schedule_post(session: Session, post_id: str, revision: int | None = None) -> Post:
    """Ready → scheduled (put in the platform's scheduler): refused while an error stands."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor, post = _open(session, ws, post_id, "schedule")
        unit.expect("posts", post.id, revision)
        now = session.now(ws)
        day = post.publish_date or now.date()
        errors = errors_if_ready(post, context(ws, session.store.assets, now, day, day, [post]))
        if errors:
            raise NotReady(post, errors, "refused.not_scheduled")
        done = replace(post, status="scheduled", scheduled_by=actor.id, scheduled_at=now)
        return unit.put("posts", done, action="schedule")


def publish_post(
    session: Session,
    post_id: str,
    url: str | None = None,
    at: dt.datetime | None = None,
    revision: int | None = None,
) -> Post:
    """Ready or scheduled → published, with where (an http or https address) and when (now by
    default)."""
    address = web_address(url or "", key="err.bad_url") or None
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor, post = _open(session, ws, post_id, "publish")
        unit.expect("posts", post.id, revision)
        now = session.now(ws)
        if at is not None:
            on_the_clocks(ws, at, "--at")
        done = replace(
            post, status="published", published_by=actor.id, published_at=at or now, published_url=address
        )
        return unit.put("posts", done, action="publish")


def published_notes(session: Session, ws: Workspace, post: Post) -> list[Note]:
    """What to say beside a publication just recorded: a time later than now, and an address
    another published post already has."""
    later = post.published_at is not None and session.later_than_now(ws, post.published_at)
    notes = [Note("note.published_later", {"at": post.published_at})] if later else []
    return notes + address_notes(ws, post)


def cancel_post(session: Session, post_id: str, reason: str = "", revision: int | None = None) -> Post:
    """Draft, ready or scheduled → cancelled, with why; a check no longer looks at it."""
    why = line(reason, "reason") or None
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor, post = _open(session, ws, post_id, "cancel")
        unit.expect("posts", post.id, revision)
        done = replace(
            post, status="cancelled", cancelled_by=actor.id, cancelled_at=session.now(ws), cancel_reason=why
        )
        return unit.put("posts", done, action="cancel")


def reopen_post(session: Session, post_id: str, revision: int | None = None) -> Post:
    """Ready, scheduled or cancelled → draft: it must pass the checks again to be ready."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        _, post = _open(session, ws, post_id, "reopen")
        unit.expect("posts", post.id, revision)
        return unit.put("posts", replace(without_life(post), status="draft"), action="reopen")


def take_down(
    session: Session, post_id: str, reason: str = "", day: dt.date | None = None, revision: int | None = None
) -> Post:
    """Record that a published post was removed from the channel (it stays published: it went out)."""
    why = line(reason, "reason") or None
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor, post = _open(session, ws, post_id, "takedown")
        unit.expect("posts", post.id, revision)
        when = day or session.now(ws).date()
        done = replace(post, taken_down=when, taken_down_by=actor.id, takedown_reason=why)
        return unit.put("posts", done, action="takedown")


def copy_post(session: Session, post_id: str, account: str, at: dt.datetime | None = None) -> Post:
    """A new draft on `account` with the post's content; the writer owns the copy."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        source = _post(ws, post_id)
        target = ws.accounts.get(account)
        if target is None:
            raise DataError("err.unknown_account", value=account)
        require_post_writer(actor, target)
        now = session.now(ws)
        if at is not None:
            on_the_clocks(ws, at, "--at")
        copy = replace(
            without_life(source),
            id=new_id("p", ws.posts),
            account=target.id,
            publish_at=at if at is not None else source.publish_at,
            status="draft",
            owner=actor.id,
            copied_from=source.id,
            approved_by=None,
            approved_at=None,
            edited_by=actor.id,
            edited_at=now,
            modified_at=None,
            revision=0,
        )
        return unit.put("posts", copy, action="copy")


def approve_post(session: Session, post_id: str, revision: int | None = None) -> Post:
    """A second pair of eyes: an admin or owner of the account who did not make the last change."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor, post = _open(session, ws, post_id, "approve")
        unit.expect("posts", post.id, revision)
        done = replace(post, approved_by=actor.id, approved_at=session.now(ws))
        return unit.put("posts", done, action="approve")


def move_post(
    session: Session, post_id: str, at: dt.datetime, revision: int | None = None
) -> tuple[Post, bool]:
    """Another day or time for a draft, ready or scheduled post. A ready or scheduled post keeps
    its status only while the checks still pass at the new time (else it is a draft again); the
    second value says whether it kept it."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        _, post = _open(session, ws, post_id, "move")
        unit.expect("posts", post.id, revision)
        moved = replace(post, publish_at=parse_time(at, "publish_at"))
        on_the_clocks(ws, at, "publish_at")
        if moved == post:
            return post, True
        kept = True
        if post.status in ("ready", "scheduled"):
            now = session.now(ws)
            day = at.date()
            kept = not errors_if_ready(moved, context(ws, session.store.assets, now, day, day, [moved]))
            if not kept:
                moved = replace(without_life(moved), status="draft")
        return unit.put("posts", moved, action="move"), kept
