"""Feedback on an account (SPEC *After publishing*): the record, the day it is due by the
organization's promise, who answers it, and what a report counts. Pure: the holidays are given."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.domain import choices
from planner.domain.calendar import is_working_day
from planner.domain.fields import (
    CHOICE,
    DATE,
    ID,
    NUMBER,
    OPTIONAL,
    TEXT,
    TIME,
    Schema,
    Spec,
    defaults_of,
    read_record,
)
from planner.domain.model import Entity, Organization

HANDLED = ("answered", "forwarded", "closed")


@dataclass(frozen=True)
class Feedback(Entity):
    id: str
    account: str
    received_at: dt.datetime
    text: str
    due: dt.date
    post: str | None = None
    kind: str = "comment"
    sender: str = ""
    link: str = ""
    assignee: str | None = None
    status: str = "open"
    handled_at: dt.datetime | None = None
    handled_by: str | None = None
    reply_link: str | None = None
    note: str | None = None
    forwarded_to: str | None = None
    close_reason: str | None = None
    added_by: str | None = None
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    _renamed = {"sender": "from"}

    @classmethod
    def from_dict(cls, raw: object) -> Feedback:
        return read_record(cls, raw, _FEEDBACK, _DEFAULTS)

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def overdue(self, today: dt.date) -> bool:
        """Open, and today is past its due day."""
        return self.is_open and today > self.due

    @property
    def late(self) -> bool:
        """Handled after its due day."""
        return self.handled_at is not None and not self.is_open and self.handled_at.date() > self.due

    def behind(self, today: dt.date) -> bool:
        """Overdue today, or handled late: what a listing marks late."""
        return self.overdue(today) or self.late

    def shown(self, today: dt.date) -> dict[str, object]:
        """The record as `feedback list --format json` gives it: its fields, and whether it is
        overdue today and was handled late."""
        return {**self.to_dict(), "overdue": self.overdue(today), "late": self.late}


def feedback_order(item: Feedback) -> tuple[dt.datetime, str]:
    """How an account's feedback is kept and listed: by the time it came, then by id."""
    return item.received_at, item.id


_FEEDBACK = Schema(
    {
        "id": Spec(ID, True),
        "account": Spec(ID, True),
        "received_at": Spec(TIME, True),
        "text": Spec(TEXT, True),
        "due": Spec(DATE, True),
        "post": Spec(OPTIONAL),
        "kind": Spec(CHOICE, choices.FEEDBACK_KINDS),
        "from": Spec(TEXT, None, "sender"),
        "link": Spec(TEXT),
        "assignee": Spec(OPTIONAL),
        "status": Spec(CHOICE, choices.FEEDBACK_STATUSES),
        "handled_at": Spec(TIME),
        "handled_by": Spec(OPTIONAL),
        "reply_link": Spec(OPTIONAL),
        "note": Spec(OPTIONAL),
        "forwarded_to": Spec(OPTIONAL),
        "close_reason": Spec(CHOICE, choices.CLOSE_REASONS),
        "added_by": Spec(OPTIONAL),
        "revision": Spec(NUMBER),
    }
)
_DEFAULTS = defaults_of(Feedback)


def first_working_day(day: dt.date, holidays: Mapping[dt.date, object]) -> dt.date:
    """`day` when it is a working day, else the next one."""
    while not is_working_day(day, holidays):
        day += dt.timedelta(days=1)
    return day


def due_date(
    received: dt.datetime, organization: Organization, holidays: Mapping[dt.date, object]
) -> dt.date:
    """The day by which feedback received at `received` is answered: by default the second working
    day after the day of receipt (weekends and the organization's holidays are not working days);
    with `reply_days` calendar, so many days after it. A promise of 0 days is the day itself (the
    first working day from it, in working days)."""
    day = received.date()
    within = organization.reply_within
    if organization.reply_days == "calendar":
        return day + dt.timedelta(days=within)
    if within == 0:
        return first_working_day(day, holidays)
    counted = 0
    while counted < within:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays):
            counted += 1
    return day


def holiday_span(received: dt.datetime, organization: Organization) -> tuple[dt.date, dt.date]:
    """The days whose holidays `due_date` and `assignee_for` may need to know: enough for the
    longest promise, with weeks of holidays on the way."""
    day = received.date()
    return day, day + dt.timedelta(days=organization.reply_within * 2 + 21)


def handled(
    item: Feedback,
    status: str,
    at: dt.datetime,
    by: str,
    *,
    reply_link: str | None = None,
    note: str | None = None,
    forwarded_to: str | None = None,
    close_reason: str | None = None,
) -> Feedback:
    """The item answered, forwarded or closed at `at` by `by`, with what that step records (what
    an earlier step recorded is cleared)."""
    return dataclasses.replace(
        item,
        status=status,
        handled_at=at,
        handled_by=by,
        reply_link=reply_link,
        note=note,
        forwarded_to=forwarded_to,
        close_reason=close_reason,
    )


def reopened(item: Feedback) -> Feedback:
    """Open again, as if never handled."""
    return dataclasses.replace(
        item,
        status="open",
        handled_at=None,
        handled_by=None,
        reply_link=None,
        note=None,
        forwarded_to=None,
        close_reason=None,
    )


@dataclass(frozen=True)
class Counts:
    """What a report counts for an account (or for all): received in the range, handled, in time
    and late, still open, and overdue today."""

    received: int = 0
    handled: int = 0
    in_time: int = 0
    late: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def in_time_share(self) -> float | None:
        return round(self.in_time / self.handled, 4) if self.handled else None

    def to_dict(self) -> dict[str, object]:
        return {**dataclasses.asdict(self), "in_time_share": self.in_time_share}


def counts(items: Iterable[Feedback], today: dt.date) -> Counts:
    received = handled_count = in_time = late = still_open = overdue = 0
    for item in items:
        received += 1
        if item.is_open:
            still_open += 1
            overdue += item.overdue(today)
        else:
            handled_count += 1
            late += item.late
            in_time += not item.late
    return Counts(received, handled_count, in_time, late, still_open, overdue)


@dataclass(frozen=True)
class FeedbackReport:
    """The counts of feedback received in a range, per account and in total."""

    start: dt.date
    end: dt.date
    accounts: dict[str, Counts]
    total: Counts

    def to_dict(self) -> dict[str, object]:
        return {
            "range": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "accounts": [{"account": a, **c.to_dict()} for a, c in self.accounts.items()],
            "total": self.total.to_dict(),
        }
