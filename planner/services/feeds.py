"""Calendar subscriptions: a person's secret feed address (admins, or the person), revoked all at
once, and the feed itself as `planner serve` answers `GET /feed/TOKEN.ics` without a session: the
posts of the feed's accounts from 30 days back to 180 ahead."""

from __future__ import annotations

import secrets
from dataclasses import replace
from pathlib import Path

from planner.domain.errors import DataError, Refused
from planner.domain.feeds import AHEAD, BACK, TOKEN_FORM, Feed, token_digest
from planner.domain.model import Person
from planner.domain.workspace import Workspace
from planner.services import Session
from planner.services.ids import new_id


def _may(actor: Person, person_id: str) -> None:
    if actor.id != person_id and not actor.has("admin"):
        raise Refused("refused.feed_other", person=person_id)


def accounts_of(ws: Workspace, person_id: str) -> list[str]:
    """The accounts a person is granted (admin, owner, producer or deputy), by id."""
    return sorted(a.id for a in ws.accounts.values() if person_id in a.team)


def add_feed(session: Session, person_id: str, accounts: tuple[str, ...] = ()) -> tuple[Feed, str]:
    """A new feed of `person_id`: the record (the token's SHA-256) and the token, shown once."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        if person_id not in ws.people:
            raise DataError("err.unknown_person", value=person_id)
        _may(actor, person_id)
        for account in accounts:
            if account not in ws.accounts:
                raise DataError("err.unknown_account", value=account)
        token = secrets.token_urlsafe(32)
        feed = Feed(
            new_id("feed", ws.feeds),
            person_id,
            token_digest(token),
            tuple(dict.fromkeys(accounts)),
            actor.id,
            session.now(ws),
        )
        stored: Feed = unit.put("feeds", feed, action="create")
    return stored, token


def revoke(session: Session, person_id: str) -> int:
    """End every live feed of `person_id`; how many there were."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        if person_id not in ws.people:
            raise DataError("err.unknown_person", value=person_id)
        _may(actor, person_id)
        now = session.now(ws)
        live = [f for f in ws.feeds.values() if f.person == person_id and f.live]
        for feed in live:
            unit.put("feeds", replace(feed, revoked_at=now, revoked_by=actor.id), action="revoke")
    return len(live)


def feed_calendar(root: Path, token: str, lang: str) -> bytes | None:
    """The calendar behind `token`, or None for a token no live feed has (a guessed one, a revoked
    one, one of someone retired)."""
    from planner.services.exports import calendar_for

    if not TOKEN_FORM.fullmatch(token):
        return None
    session = Session.open(str(root), None)
    ws = session.load()
    digest = token_digest(token)
    feed = next((f for f in ws.feeds.values() if f.token_sha256 == digest and f.live), None)
    person = ws.people.get(feed.person) if feed else None
    now = session.now(ws)
    if feed is None or person is None or person.is_retired_on(now.date()):
        return None
    accounts = set(feed.accounts or accounts_of(ws, feed.person))
    today = now.date()
    return calendar_for(session, ws, accounts, lang, today - BACK, today + AHEAD, refresh=True)
