"""The feedback register (SPEC *After publishing*): feedback added by hand or from a sheet, its due
day and who answers it worked out when it arrives, and each step (reply, forward, close, reopen)
taken by someone who may write the account's posts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.domain import feedback_rows
from planner.domain.choices import CLOSE_REASONS, FEEDBACK_KINDS
from planner.domain.errors import DataError, PlannerError, Refused, unknown_ref
from planner.domain.feedback import (
    Counts,
    Feedback,
    FeedbackReport,
    counts,
    due_date,
    handled,
    holiday_span,
    reopened,
)
from planner.domain.fields import fold, nfc
from planner.domain.model import Account, Person
from planner.domain.roles import require_account_writer, require_duty_holder
from planner.domain.sheet import RowErrors
from planner.domain.team import assignee_for
from planner.domain.values import LONGEST_LINE, bounded_text, web_address
from planner.domain.workspace import Workspace
from planner.services import Session, on_the_clocks, public_holidays
from planner.services.ids import new_id
from planner.services.sheet_import import Imported
from planner.storage.sheets import read_rows

ACTION = "action.feedback_write"


@dataclass(frozen=True)
class NewFeedback:
    account: str
    received: dt.datetime
    text: str
    sender: str = ""
    link: str = ""
    post: str | None = None
    kind: str = "comment"
    assignee: str | None = None


def _link(value: str | None) -> str:
    return web_address(value or "", key="err.bad_link") if value else ""


def _account(ws: Workspace, account_id: str) -> Account:
    account = ws.accounts.get(account_id)
    if account is None:
        raise DataError("err.unknown_account", value=account_id)
    return account


def _item(ws: Workspace, feedback_id: str) -> Feedback:
    item = ws.feedback.get(feedback_id)
    if item is None:
        raise unknown_ref("feedback", "feedback", feedback_id)
    return item


def made(ws: Workspace, new: NewFeedback, by: str, taken: Container[str]) -> Feedback:
    """A new item: checked, its due day by the organization's promise and calendar, and who
    answers it (the one named, else as SPEC says)."""
    account = _account(ws, new.account)
    if new.kind not in FEEDBACK_KINDS:
        raise DataError("err.bad_choice", field="kind", value=new.kind, choices=", ".join(FEEDBACK_KINDS))
    post_owner = None
    if new.post:
        post = ws.posts.get(new.post)
        if post is None:
            raise DataError("err.unknown_post", value=new.post)
        if post.account != account.id:
            raise DataError("err.feedback_post_account", post=post.id, account=account.id)
        post_owner = post.owner
    on_the_clocks(ws, new.received, "received_at")
    start, end = holiday_span(new.received, ws.organization)
    holidays = public_holidays(ws, start, end)
    if new.assignee:
        require_duty_holder(ws, new.assignee, "assignee", new.received.date())
        assignee: str | None = new.assignee
    else:
        assignee = assignee_for(ws, account, post_owner, new.received, holidays)
    return Feedback(
        id=new_id("f", taken),
        account=account.id,
        received_at=new.received,
        text=bounded_text(new.text, "text", required=True),
        due=due_date(new.received, ws.organization, holidays),
        post=new.post or None,
        kind=new.kind,
        sender=bounded_text(new.sender, "from", LONGEST_LINE),
        link=_link(new.link),
        assignee=assignee,
        added_by=by,
    )


def add_feedback(session: Session, new: NewFeedback) -> Feedback:
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        require_account_writer(actor, _account(ws, new.account), ACTION)
        stored: Feedback = unit.put("feedback", made(ws, new, actor.id, ws.feedback), action="create")
        return stored


def _step(
    session: Session,
    feedback_id: str,
    action: str,
    change: Callable[[Feedback, Person, dt.datetime], Feedback],
) -> Feedback:
    """One step on an item, by someone who may write its account's posts."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        item = _item(ws, feedback_id)
        require_account_writer(actor, _account(ws, item.account), ACTION)
        after = change(item, actor, session.now(ws))
        stored: Feedback = unit.put("feedback", after, action=action)
        return stored


def _when(at: dt.datetime | None, now: dt.datetime, item: Feedback) -> dt.datetime:
    """When a step on an open item was taken (now, unless told): never before the item came."""
    if not item.is_open:  # handled already: reopened first, so that no earlier step is overwritten
        raise Refused(
            "refused.feedback_handled", feedback=item.id, status_key=f"feedback_status.{item.status}"
        )
    moment = at or now
    if moment < item.received_at:
        raise DataError("err.handled_before_received", at=moment, received=item.received_at)
    return moment


def reply(
    session: Session, feedback_id: str, at: dt.datetime | None, link: str | None, note: str | None
) -> Feedback:
    def change(item: Feedback, actor: Person, now: dt.datetime) -> Feedback:
        return handled(
            item,
            "answered",
            _when(at, now, item),
            actor.id,
            reply_link=_link(link) or None,
            note=bounded_text(note, "note") or None if note else None,
        )

    return _step(session, feedback_id, "reply", change)


def forward(session: Session, feedback_id: str, to: str, at: dt.datetime | None) -> Feedback:
    receiver = bounded_text(to, "to", LONGEST_LINE)
    if not receiver:
        raise DataError("err.missing_field", field="to")

    def change(item: Feedback, actor: Person, now: dt.datetime) -> Feedback:
        return handled(item, "forwarded", _when(at, now, item), actor.id, forwarded_to=receiver)

    return _step(session, feedback_id, "forward", change)


def close(session: Session, feedback_id: str, reason: str, at: dt.datetime | None) -> Feedback:
    if reason not in CLOSE_REASONS:
        raise DataError("err.bad_choice", field="reason", value=reason, choices=", ".join(CLOSE_REASONS))

    def change(item: Feedback, actor: Person, now: dt.datetime) -> Feedback:
        return handled(item, "closed", _when(at, now, item), actor.id, close_reason=reason)

    return _step(session, feedback_id, "close", change)


def reopen(session: Session, feedback_id: str) -> Feedback:
    def change(item: Feedback, actor: Person, now: dt.datetime) -> Feedback:
        if item.is_open:
            raise Refused("refused.feedback_open", feedback=item.id)
        return reopened(item)

    return _step(session, feedback_id, "reopen", change)


@dataclass(frozen=True)
class Listing:
    account: str | None = None
    only_open: bool = False
    only_overdue: bool = False
    start: dt.date | None = None
    end: dt.date | None = None


def listed(ws: Workspace, listing: Listing, today: dt.date) -> list[Feedback]:
    """The register's items as asked: by account, open or overdue ones, received in a range;
    by due day, then by receipt."""
    if listing.account is not None:
        _account(ws, listing.account)
    found = [
        item
        for item in ws.feedback.values()
        if (listing.account is None or item.account == listing.account)
        and (not listing.only_open or item.is_open)
        and (not listing.only_overdue or item.overdue(today))
        and (listing.start is None or listing.start <= item.received_at.date())
        and (listing.end is None or item.received_at.date() <= listing.end)
    ]
    return sorted(found, key=lambda f: (f.due, f.received_at, f.id))


def queue(ws: Workspace, accounts: Iterable[str] | None = None, handled_too: bool = False) -> list[Feedback]:
    """The app's queue: the open items (of `accounts`, else all), the earliest due first; with
    `handled_too`, the handled ones after them."""
    chosen = set(accounts) if accounts is not None else None
    found = [
        f
        for f in ws.feedback.values()
        if (handled_too or f.is_open) and (chosen is None or f.account in chosen)
    ]
    return sorted(found, key=lambda f: (not f.is_open, f.due, f.received_at, f.id))


def report(
    ws: Workspace, account: str | None, start: dt.date, end: dt.date, today: dt.date
) -> FeedbackReport:
    """The counts of feedback received in start..end, per account (every account, also one with
    none) and in total."""
    if account is not None:
        _account(ws, account)
    chosen = sorted(a for a in ws.accounts if account is None or a == account)
    in_range = [f for f in ws.feedback.values() if start <= f.received_at.date() <= end]
    per_account = {a: counts([f for f in in_range if f.account == a], today) for a in chosen}
    return FeedbackReport(
        start, end, per_account, counts([f for f in in_range if f.account in chosen], today)
    )


def monthly(
    ws: Workspace, account: str | None, start: dt.date, end: dt.date, today: dt.date
) -> dict[tuple[str, str], Counts]:
    """The same counts per account and month of receipt (`YYYY-MM`), for the people's formats."""
    found: dict[tuple[str, str], list[Feedback]] = {}
    for item in ws.feedback.values():
        day = item.received_at.date()
        if start <= day <= end and (account is None or item.account == account):
            found.setdefault((item.account, day.strftime("%Y-%m")), []).append(item)
    return {key: counts(items, today) for key, items in sorted(found.items())}


def _import_key(account: str, at: dt.datetime, sender: str, text: str) -> tuple[str, dt.datetime, str, str]:
    """What makes a row the same feedback: its account, time, sender and text."""
    return account, at, fold(nfc(sender).strip()), nfc(text).strip()


def import_feedback(session: Session, path: Path) -> Imported:
    """Feedback from a sheet the team keeps: each row added on an account the importer may write;
    a row already in the register (same account, time, sender and text) counted, not added."""
    rows = read_rows(path)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        today = session.now(ws).date()
        parsed, skipped = feedback_rows.parse_rows(rows, ws, path.name, today)
        for row in parsed:
            require_account_writer(actor, ws.accounts[row.account], ACTION)
        known_keys = {_import_key(f.account, f.received_at, f.sender, f.text) for f in ws.feedback.values()}
        added: list[str] = []
        known = 0
        errors: list[tuple[int, PlannerError]] = []
        for row in parsed:
            key = _import_key(row.account, row.received, row.sender, row.text)
            if key in known_keys:
                known += 1
                continue
            known_keys.add(key)
            new = NewFeedback(row.account, row.received, row.text, row.sender, row.link, None, row.kind)
            try:
                item = unit.put("feedback", made(ws, new, actor.id, unit.maps["feedback"]), action="import")
            except PlannerError as error:
                errors.append((row.line, error))
                continue
            added.append(item.id)
        if errors:
            raise RowErrors(path.name, errors)
    return Imported(tuple(added), (), known, skipped)
