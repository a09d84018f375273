"""What the calendar views show, computed headless: weeks, months, the agenda and account filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.calendar import days, iso_week_label, monday_of, mondays, sunday_of
from planner.domain.check import Finding
from planner.domain.model import Account, Post
from planner.domain.rules.accounts import counted_posts, shortfall, week_count
from planner.domain.workspace import Workspace
from planner.services import public_holidays
from planner.services.checks import PostResults, check_posts


@dataclass(frozen=True)
class AccountFilter:
    """All accounts, one account, or every account of a platform or a unit."""

    kind: str = "all"  # all | account | platform | unit
    value: str = ""

    def matches(self, account: Account) -> bool:
        if self.kind == "account":
            return account.id == self.value
        if self.kind == "platform":
            return account.platform == self.value
        if self.kind == "unit":
            return account.unit == self.value
        return True

    def accounts(self, ws: Workspace) -> list[Account]:
        return sorted((a for a in ws.accounts.values() if self.matches(a)), key=lambda a: a.id)


def filter_choices(ws: Workspace) -> list[AccountFilter]:
    choices = [AccountFilter()]
    choices += [AccountFilter("account", a.id) for a in sorted(ws.accounts.values(), key=lambda a: a.id)]
    choices += [AccountFilter("platform", p) for p in sorted({a.platform for a in ws.accounts.values()})]
    choices += [AccountFilter("unit", u) for u in sorted({a.unit for a in ws.accounts.values() if a.unit})]
    return choices


@dataclass(frozen=True)
class PostSummary:
    post: Post
    errors: int
    warnings: int
    findings: tuple[Finding, ...] = ()

    @property
    def ready_mark(self) -> str:
        return "✓" if not self.errors and not self.warnings else ""

    @property
    def waiting_review(self) -> bool:
        """The account asks for a second pair of eyes and the post has no approval yet."""
        return any(f.rule == "post.review" for f in self.findings)

    @property
    def held(self) -> bool:
        """A crisis hold pauses it."""
        return any(f.rule == "post.crisis_hold" for f in self.findings)


@dataclass(frozen=True)
class DayView:
    day: dt.date
    holiday: str | None
    posts: tuple[PostSummary, ...]


@dataclass(frozen=True)
class Cadence:
    account: str
    done: int
    required: int

    @property
    def met(self) -> bool:
        return self.done >= self.required


@dataclass(frozen=True)
class WeekView:
    monday: dt.date
    label: str
    days: tuple[DayView, ...]
    cadence: tuple[Cadence, ...]
    unscheduled: tuple[PostSummary, ...] = field(default_factory=tuple)


def summarize(checked: PostResults, post: Post) -> PostSummary:
    results = checked.get(post.id, {})
    findings = tuple(f for found in results.values() for f in found)
    errors = sum(f.severity == "error" for f in findings)
    return PostSummary(post, errors, len(findings) - errors, findings)


def checked_weeks(
    ws: Workspace, assets_root: Path, now: dt.datetime, start: dt.date, end: dt.date
) -> PostResults:
    """The findings of each post in the weeks from start's to end's."""
    return check_posts(ws, assets_root, now, monday_of(start), sunday_of(end))


def week_view(
    ws: Workspace, checked: PostResults, monday: dt.date, account_filter: AccountFilter, lang: str
) -> WeekView:
    sunday = sunday_of(monday)
    accounts = {a.id for a in account_filter.accounts(ws)}
    holidays = public_holidays(ws, monday, sunday, lang)

    def shown(post: Post) -> bool:
        return post.account in accounts

    by_day: dict[dt.date, list[Post]] = {day: [] for day in days(monday, sunday)}
    for post in ws.posts_in_week(monday).where(shown).sorted():
        by_day[post.publish_at.date()].append(post)  # type: ignore[union-attr]  # dated: in a week
    day_views = [
        DayView(day, holidays.get(day), tuple(summarize(checked, p) for p in on_day))
        for day, on_day in by_day.items()
    ]
    cadence = tuple(
        Cadence(a.id, week_count(counted_posts(ws, a.id), monday), ws.cadence_of(a))
        for a in account_filter.accounts(ws)
        if a.is_active_on(monday) and ws.cadence_of(a) > 0
    )
    undated = ws.unscheduled
    unscheduled = tuple(
        summarize(checked, p) for p in undated.where(lambda p: shown(p) and p.status != "cancelled").sorted()
    )
    return WeekView(monday, iso_week_label(monday), tuple(day_views), cadence, unscheduled)


@dataclass(frozen=True)
class MonthWeek:
    monday: dt.date
    label: str
    counts: tuple[int, ...]  # posts per day, Monday to Sunday
    short: tuple[str, ...]  # accounts short of their cadence that week


def month_view(ws: Workspace, first: dt.date, account_filter: AccountFilter) -> list[MonthWeek]:
    """The weeks that touch the month of `first`, with post counts and cadence gaps."""
    start = monday_of(first.replace(day=1))
    next_month = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    end = sunday_of(next_month - dt.timedelta(days=1))
    accounts = account_filter.accounts(ws)
    ids = {a.id for a in accounts}
    posts = ws.posts_view.where(lambda p: p.account in ids and p.status != "cancelled")
    counted = {a.id: counted_posts(ws, a.id) for a in accounts}
    weeks = []
    for monday in mondays(start, end):
        counts = tuple(len(posts.between(d, d)) for d in days(monday, sunday_of(monday)))
        short = tuple(a.id for a in accounts if shortfall(ws, a, counted[a.id], monday) is not None)
        weeks.append(MonthWeek(monday, iso_week_label(monday), counts, short))
    return weeks


def agenda(
    ws: Workspace,
    checked: PostResults,
    account_filter: AccountFilter,
    now: dt.datetime,
    only_not_ready: bool = False,
    sort: str = "time",
) -> list[PostSummary]:
    """The coming posts (and undated ones), with their readiness."""
    ids = {a.id for a in account_filter.accounts(ws)}
    chosen = [
        summarize(checked, p)
        for p in ws.posts.values()
        if p.account in ids
        and p.status not in ("cancelled", "published")
        and (p.publish_at is None or p.publish_at >= now)
    ]
    if only_not_ready:  # the drafts, and the riskiest: marked ready or scheduled yet failing a check now
        chosen = [s for s in chosen if s.post.status == "draft" or s.errors]
    far = dt.datetime.max
    keys = {
        "time": lambda s: (s.post.publish_at or far, s.post.account),
        "account": lambda s: (s.post.account, s.post.publish_at or far),
        "readiness": lambda s: (-s.errors, -s.warnings, s.post.publish_at or far),
        "status": lambda s: (s.post.status, s.post.publish_at or far),
    }
    return sorted(chosen, key=keys.get(sort, keys["time"]))
