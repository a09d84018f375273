"""A post's steps in the app (SPEC *A post's life*), shared by the week view's selected card and
the editor: each key runs the same service as the command line, asking first what a step needs
(the address, a reason, an account), and says what happened or why not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from planner.domain.errors import PlannerError
from planner.domain.model import Post
from planner.services import post_steps
from planner.services.posts import NotReady, mark_ready
from planner.ui.context import Planner

Done = Callable[[Post | None], object]  # called with the post as it now stands (None: nothing done)


def _finish(
    app: Planner, message: Callable[[Post], str], done: Done, warns: bool = False
) -> Callable[[Post | None], None]:
    """What follows a step that went through (or was given up, None): the app reads the workspace
    again, says what happened (with `warns`, what the command line warns of too), and the screen
    redraws."""

    def finish(post: Post | None) -> None:
        if post is not None:
            app.reload()
            app.notify(message(post))
            app.warn(post_steps.published_notes(app.session, app.ws, post) if warns else [])
        done(post)

    return finish


def _run(app: Planner, work: Callable[[], Post], finish: Callable[[Post | None], None]) -> None:
    try:
        post = work()
    except NotReady as refused:
        key = refused.key.replace("refused.", "ui.")
        app.notify(
            app.tr(key, count=len(refused.findings), rules=refused.rules(app.lang)),
            severity="error",
            timeout=8,
        )
        finish(None)
        return
    except PlannerError as error:
        app.fail(error)
        finish(None)
        return
    finish(post)


MESSAGES: dict[str, Callable[[Planner, Post], str]] = {
    "ready": lambda app, p: app.tr("ui.marked_ready", post=p.id, user=p.ready_by, at=p.ready_at),
    "schedule": lambda app, p: app.tr("cli.scheduled", post=p.id, user=p.scheduled_by, at=p.scheduled_at),
    "publish": lambda app, p: app.tr(
        "cli.published", post=p.id, at=p.published_at, url=p.published_url or "—"
    ),
    "cancel": lambda app, p: app.tr("cli.cancelled", post=p.id, user=p.cancelled_by),
    "reopen": lambda app, p: app.tr("cli.reopened", post=p.id),
    "takedown": lambda app, p: app.tr("cli.taken_down", post=p.id, day=p.taken_down, user=p.taken_down_by),
    "approve": lambda app, p: app.tr("cli.approved", post=p.id, user=p.approved_by, at=p.approved_at),
}


def take_step(app: Planner, step: str, post: Post, done: Done) -> None:
    """Run `step` on `post`, asking for what it needs first."""
    from planner.ui.dialogs.step_forms import PublishForm, ReasonForm

    if not app.may_write("action.post_edit"):
        return
    if step == "copy":
        copy_to_account(app, post, done)
        return
    if step in ("publish", "cancel", "takedown") and not post_steps.may_take(post, step):
        app.fail(post_steps.refusal(post, step))  # said now, before a form asks for anything
        return
    session, revision = app.session, post.revision
    finish = _finish(app, lambda p: MESSAGES[step](app, p), done, warns=step == "publish")
    if step == "ready":
        _run(app, lambda: mark_ready(session, post.id), finish)
    elif step == "schedule":
        _run(app, lambda: post_steps.schedule_post(session, post.id, revision), finish)
    elif step == "reopen":
        _run(app, lambda: post_steps.reopen_post(session, post.id, revision), finish)
    elif step == "approve":
        _run(app, lambda: post_steps.approve_post(session, post.id, revision), finish)
    elif step == "publish":

        def publish(typed: tuple[str, dt.datetime | None]) -> Post:
            return post_steps.publish_post(session, post.id, typed[0], typed[1], revision)

        app.push_screen(PublishForm(post, publish), finish)
    elif step in ("cancel", "takedown"):

        def record(reason: str) -> Post:
            if step == "cancel":
                return post_steps.cancel_post(session, post.id, reason, revision)
            return post_steps.take_down(session, post.id, reason, None, revision)

        title = app.tr(f"ui.{step}_title", post=post.id, label=post.label())
        app.push_screen(ReasonForm(title, record, confirm=f"ui.{step}_confirm"), finish)


def copy_to_account(app: Planner, post: Post, done: Done) -> None:
    """Pick the account (another one, still running, that the user may write), then the copy opens
    in the editor."""
    from planner.domain.roles import require_post_writer
    from planner.ui.dialogs.pick import Pick

    person = app.ws.people.get(app.session.user or "")
    today = app.now().date()
    choices = []
    for account in sorted(app.ws.accounts.values(), key=lambda a: a.id):
        if account.id == post.account or account.closed or (account.ends and account.ends < today):
            continue
        try:
            if person is not None:
                require_post_writer(person, account)
        except PlannerError:
            continue
        choices.append((account.id, f"{account.name} ({app.tr('platform.' + account.platform)})"))
    if not choices:
        app.notify(app.tr("ui.copy_nowhere"), severity="warning")
        done(None)
        return

    def picked(account: str | None) -> None:
        if not account:
            done(None)
            return
        try:
            copy = post_steps.copy_post(app.session, post.id, account)
        except PlannerError as error:
            app.fail(error)
            done(None)
            return
        app.reload()
        app.notify(app.tr("ui.copied", post=post.id, copy=copy.id, account=account))
        done(copy)
        app.open_view("editor", copy.id)

    app.push_screen(Pick(app.tr("ui.copy_to", post=post.id), choices, wide=True), picked)


def move(app: Planner, post: Post, at: dt.datetime, done: Done) -> None:
    """Another day or time; a ready post stays ready only while its checks pass there."""
    if not app.may_write("action.post_edit"):
        return
    try:
        moved, kept = post_steps.move_post(app.session, post.id, at, post.revision)
    except PlannerError as error:
        app.fail(error)
        done(None)
        return
    app.reload()
    key = "ui.moved" if kept else "ui.moved_held" if app.ws.open_holds else "ui.moved_draft"
    app.notify(app.tr(key, post=moved.id, at=at), severity="information" if kept else "warning")
    done(moved)


def reschedule(app: Planner, post: Post, done: Done) -> None:
    """Ask for a new time (as the editor takes it), then move the post there."""
    from planner.ui.dialogs.step_forms import TimeForm

    if not app.may_write("action.post_edit"):
        return

    def chosen(at: object) -> None:
        if isinstance(at, dt.datetime):
            move(app, post, at, done)

    app.push_screen(TimeForm(post, lambda at: at), chosen)


def is_past_due(post: Post, now: dt.datetime) -> bool:
    """Ready or scheduled, and its time has passed: did it go out, or does it need a new time?"""
    return post.status in ("ready", "scheduled") and post.publish_at is not None and post.publish_at < now


def life_lines(post: Post, app: Planner) -> list[str]:
    """Who approved it, where it went out, and whether it was taken down: shown beside the title."""
    lines = []
    if post.approved_by and post.approved_at:
        lines.append(app.tr("ui.approved_by", user=post.approved_by, at=post.approved_at))
    if post.status == "published" and post.published_url:
        lines.append(post.published_url)
    if post.taken_down:
        lines.append(app.tr("ui.taken_down_on", day=post.taken_down))
    if post.status == "cancelled" and post.cancel_reason:
        lines.append(post.cancel_reason)
    return lines
