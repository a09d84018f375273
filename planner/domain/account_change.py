"""A change to an account, checked and applied without writing anything: what `account add|edit`,
the register import and the app's account form all go through."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner.domain import values
from planner.domain.errors import DataError, unknown_ref
from planner.domain.model import ACCOUNT_STATUSES, PLATFORMS, Account, Post
from planner.domain.roles import require_duty_holder
from planner.domain.workspace import Workspace

MEMBERS = ("admins", "owners", "producers", "deputies")
DUTIES = ("owners", "producers", "deputies")  # people who must be able to write (*Who may hold a duty*)
FLAGS = {
    "two_factor": "two_factor",
    "listed": "listed_on_website",
    "links_back": "links_to_website",
    "review": "review",
}
MAX_CADENCE = 50


@dataclass(frozen=True)
class AccountChange:
    """The fields of an account to set; None leaves a field as it is (a list replaces the stored one)."""

    platform: str | None = None
    name: str | None = None
    url: str | None = None
    unit: str | None = None
    login_email: str | None = None
    admins: tuple[str, ...] | None = None
    owners: tuple[str, ...] | None = None
    producers: tuple[str, ...] | None = None
    deputies: tuple[str, ...] | None = None
    cadence: int | None = None
    clear_cadence: bool = False  # back to the organization's cadence
    hashtags: tuple[str, ...] | None = None
    starts: dt.date | None = None
    ends: dt.date | None = None
    clear_starts: bool = False
    clear_ends: bool = False
    status: str | None = None
    two_factor: bool | None = None
    password_changed: dt.date | None = None
    listed: bool | None = None
    links_back: bool | None = None
    review: bool | None = None
    purpose: str | None = None
    decided_by: str | None = None
    decided_on: dt.date | None = None
    told_on: dt.date | None = None
    revision: int | None = None  # the revision the change was made on: a newer one is a conflict


def _members(ws: Workspace, kind: str, people: tuple[str, ...], today: dt.date) -> tuple[str, ...]:
    found = []
    for person in dict.fromkeys(p.strip() for p in people if p.strip()):
        if kind in DUTIES:
            require_duty_holder(ws, person, kind, today)
        elif person not in ws.people:
            raise unknown_ref(kind, "person", person)
        found.append(person)
    return tuple(found)


def _choice(value: str, field: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise DataError("err.bad_choice", field=field, value=value, choices=", ".join(choices))
    return value


def changed(ws: Workspace, account: Account, change: AccountChange, today: dt.date) -> Account:
    """`account` with `change` applied and every field checked."""
    found: dict[str, object] = {}
    if change.platform is not None:
        found["platform"] = _choice(change.platform, "platform", PLATFORMS)
    if change.name is not None:
        found["name"] = values.line(change.name, "name", required=True)
    for name in ("unit", "purpose", "decided_by"):
        if getattr(change, name) is not None:
            found[name] = values.line(getattr(change, name), name)
    if change.url is not None:
        found["url"] = values.web_address(change.url)
    if change.login_email is not None:
        found["login_email"] = values.email(change.login_email)
    for kind in MEMBERS:
        if getattr(change, kind) is not None:
            found[kind] = _members(ws, kind, getattr(change, kind), today)
    if change.clear_cadence:
        found["cadence_per_week"] = None
    elif change.cadence is not None:
        if not 0 <= change.cadence <= MAX_CADENCE:
            raise DataError("err.bad_cadence", value=change.cadence)
        found["cadence_per_week"] = change.cadence
    if change.hashtags is not None:
        found["required_hashtags"] = values.hashtags(change.hashtags)
    for name in ("starts", "ends"):
        if getattr(change, f"clear_{name}"):
            found[name] = None
        elif getattr(change, name) is not None:
            found[name] = getattr(change, name)
    if change.status is not None:
        found["status"] = _choice(change.status, "status", ACCOUNT_STATUSES)
    for name, field_name in FLAGS.items():
        if getattr(change, name) is not None:
            found[field_name] = getattr(change, name)
    for name in ("password_changed", "decided_on", "told_on"):
        if getattr(change, name) is not None:
            found[name] = getattr(change, name)
    after = replace(account, **found)  # type: ignore[arg-type]
    if after.starts and after.ends and after.ends < after.starts:
        raise DataError("err.range_reversed", start=after.starts, end=after.ends)
    return after


def now_inactive(ws: Workspace, before: Account | None, after: Account, today: dt.date) -> tuple[Post, ...]:
    """The coming posts of the account that pass post.account_active before the change and fail it
    after: what closing it, pausing it or ending it sooner means. Published and cancelled posts are
    history and are not listed."""
    found = []
    for post in ws.posts_of(after.id).sorted():
        day = post.publish_date
        if day is None or day < today or post.status in ("cancelled", "published"):
            continue
        if not after.is_active_on(day) and (before is None or before.is_active_on(day)):
            found.append(post)
    return tuple(found)


def closing(ws: Workspace, account_id: str, today: dt.date) -> tuple[Post, ...]:
    """The coming posts that closing the account would make fail (shown before it is closed)."""
    account = ws.accounts[account_id]
    return now_inactive(ws, account, replace(account, status="closed"), today)


def slug_id(platform: str, name: str) -> str:
    """The account's id when none is given: the slug of platform and name (`x-jarvelan-kaupunki`)."""
    from slugify import slugify

    return slugify(f"{platform} {name}", max_length=80)
