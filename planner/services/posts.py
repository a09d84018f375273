"""Writing posts: add one, mark it ready (only when no error remains), list them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner.domain.check import Finding, errors_if_ready
from planner.domain.errors import DataError, Refused, unknown_ref
from planner.domain.fields import nfc, parse_time
from planner.domain.model import POST_KINDS, Person, Post
from planner.domain.roles import require_post_writer
from planner.domain.text import tag_problems
from planner.domain.workspace import Workspace
from planner.services import Note, Session, on_the_clocks
from planner.services.checks import context
from planner.services.ids import new_id


@dataclass(frozen=True)
class NewPost:
    account: str
    at: dt.datetime | None
    text: str
    media: tuple[str, ...] = ()
    owner: str | None = None
    kind: str = "other"
    title: str = ""
    lang: str | None = None
    campaign: str | None = None


def _validate(ws: Workspace, new: NewPost) -> dt.datetime | None:
    if new.account not in ws.accounts:
        raise DataError("err.unknown_account", value=new.account)
    for asset_id in new.media:
        if asset_id not in ws.assets:
            raise DataError("err.unknown_asset", value=asset_id)
    if new.owner and new.owner not in ws.people:
        raise DataError("err.unknown_person", value=new.owner)
    if new.campaign and new.campaign not in ws.campaigns:
        raise unknown_ref("campaign", "campaign", new.campaign)
    if new.kind not in POST_KINDS:
        raise DataError("err.bad_choice", field="kind", value=new.kind, choices=", ".join(POST_KINDS))
    if not new.text.strip():
        raise DataError("err.empty_text")
    if not new.at:
        return None
    at = parse_time(new.at, "publish_at")  # minute precision, within the years
    on_the_clocks(ws, at, "publish_at")  # a time the clocks skip is no time
    return at


def add_post(session: Session, new: NewPost) -> Post:
    """A new draft; its owner is the writer unless another is named."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        publish_at = _validate(ws, new)
        require_post_writer(actor, ws.accounts[new.account])
        post = Post(
            id=new_id("p", ws.posts),
            account=new.account,
            publish_at=publish_at,
            title=nfc(new.title),
            text=nfc(new.text),
            kind=new.kind,
            lang=new.lang or ws.organization.default_lang,
            owner=new.owner or actor.id,
            media=tuple(dict.fromkeys(new.media)),
            campaign=new.campaign,
            edited_by=actor.id,
            edited_at=session.now(ws),
        )
        post = unit.put("posts", post)
    return post


@dataclass(frozen=True)
class PostEdit:
    """Fields to change; None leaves a field as it is."""

    text: str | None = None
    at: dt.datetime | None = None
    unschedule: bool = False  # no publish time any more
    account: str | None = None  # moved to another account (the writer may write both)
    media: tuple[str, ...] | None = None
    owner: str | None = None
    kind: str | None = None
    title: str | None = None
    campaign: str | None = None
    revision: int | None = None  # the revision the edit was made on: a newer one is a conflict


def _writable(session: Session, ws: Workspace, post_id: str) -> tuple[Person, Post]:
    """The writer and the post they may change; unknown posts and missing rights refused."""
    actor = session.actor(ws)
    post = ws.posts.get(post_id)
    if post is None:
        raise DataError("err.unknown_post", value=post_id)
    require_post_writer(actor, ws.accounts[post.account])
    return actor, post


def edit_post(session: Session, post_id: str, edit: PostEdit) -> Post:
    """Change a post; a ready or scheduled post whose content changes goes back to draft. A
    published post may be corrected: it stays published (the audit log keeps both versions)."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor, post = _writable(session, ws, post_id)
        unit.expect("posts", post_id, edit.revision)
        if post.status == "cancelled":
            raise Refused("refused.edit_status", post=post.id, status_key=f"status.{post.status}")
        account = edit.account or post.account
        if account != post.account:
            if account not in ws.accounts:
                raise DataError("err.unknown_account", value=account)
            require_post_writer(actor, ws.accounts[account])
        merged = NewPost(
            account=account,
            at=None if edit.unschedule else edit.at if edit.at is not None else post.publish_at,
            text=edit.text if edit.text is not None else post.text,
            media=edit.media if edit.media is not None else post.media,
            owner=edit.owner if edit.owner is not None else post.owner,
            kind=edit.kind or post.kind,
            title=edit.title if edit.title is not None else post.title,
            campaign=edit.campaign if edit.campaign is not None else post.campaign,
        )
        changed = revised(ws, post, merged, actor.id, session.now(ws))
        if changed == post:
            return post
        changed = unit.put("posts", changed)
    return changed


def revised(ws: Workspace, post: Post, merged: NewPost, by: str, now: dt.datetime) -> Post:
    """`post` with the fields of `merged`, checked: when its content changed, edited by `by` now
    and any approval gone; a ready or scheduled post that changed goes back to draft."""
    publish_at = _validate(ws, merged)
    changed = replace(
        post,
        account=merged.account,
        publish_at=publish_at,
        text=nfc(merged.text),
        media=tuple(dict.fromkeys(merged.media)),
        owner=merged.owner or None,
        kind=merged.kind,
        title=nfc(merged.title),
        campaign=merged.campaign or None,
        lang=merged.lang or post.lang,
    )
    if changed == post:
        return post
    if content(changed) != content(post):  # an approval is for the content it was given on
        changed = replace(changed, edited_by=by, edited_at=now, approved_by=None, approved_at=None)
    if post.status in ("ready", "scheduled"):
        changed = replace(
            changed, status="draft", ready_by=None, ready_at=None, scheduled_by=None, scheduled_at=None
        )
    return changed


def content(post: Post) -> tuple[object, ...]:
    """What a reader sees of a post: a change here asks for a new review (time and owner do not)."""
    return (post.account, post.title, post.text, post.media, post.kind, post.lang, post.campaign)


class NotReady(Refused):
    """Marking ready refused: the errors that remain come with it."""

    def __init__(self, post: Post, findings: list[Finding], key: str = "refused.not_ready") -> None:
        self.findings = findings
        super().__init__(key, post=post.id, count=len(findings))

    def rules(self, lang: str) -> str:
        """The failing rules by their titles, each once, in the order of the checklist."""
        from planner.i18n import t

        return ", ".join(dict.fromkeys(t(f"{f.rule}.title", lang) for f in self.findings))

    def render(self, lang: str) -> str:
        from planner.i18n import t

        return t(self.key, lang, post=self.params["post"], count=self.params["count"], rules=self.rules(lang))


def mark_ready(session: Session, post_id: str) -> Post:
    """Ready only when no error finding remains; records who and when."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor, post = _writable(session, ws, post_id)
        if post.status in ("ready", "scheduled"):
            return post
        if post.status != "draft":
            raise Refused("refused.status", post=post.id, status_key=f"status.{post.status}")
        now = session.now(ws)
        day = post.publish_date or now.date()
        errors = errors_if_ready(post, context(ws, session.store.assets, now, day, day, [post]))
        if errors:
            raise NotReady(post, errors)
        ready = replace(post, status="ready", ready_by=actor.id, ready_at=now)
        ready = unit.put("posts", ready, action="ready")
    return ready


def list_posts(ws: Workspace, account: str | None, start: dt.date | None, end: dt.date | None) -> list[Post]:
    if account and account not in ws.accounts:
        raise DataError("err.unknown_account", value=account)
    view = ws.posts_of(account) if account else ws.posts_view
    if start or end:
        low, high = start or dt.date.min, end or dt.date.max
        view = view.where(lambda p: p.publish_at is not None and low <= p.publish_at.date() <= high)
    return view.sorted()


def time_notes(ws: Workspace, post: Post) -> list[Note]:
    """What to say of the post's time: that it is one the clocks show twice, and which it is."""
    return on_the_clocks(ws, post.publish_at, "publish_at") if post.publish_at else []


def tag_notes(text: str) -> list[Note]:
    """Warnings about tags that will not work as they read: hidden characters, mixed scripts."""
    return [
        Note(f"note.tag_{found.kind}", {"tag": found.shown, "detail": found.detail})
        for found in tag_problems(text)
    ]
