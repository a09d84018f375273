"""Account rules: cadence per ISO week, coverage on working days, admins, owner and hygiene."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from planner.domain.calendar import days, is_working_day, iso_week_label, mondays
from planner.domain.fields import fold
from planner.domain.model import Account
from planner.domain.rules import ERROR, WARNING, Context, Problem, account_rule, problem
from planner.domain.workspace import Posts, Workspace

PASSWORD_MAX_AGE_DAYS = 90
COUNTED_STATUSES = ("ready", "scheduled", "published")


def counted_posts(ws: Workspace, account_id: str) -> Posts:
    """The account's posts that count toward its cadence."""
    return counted_of(ws.posts_of(account_id))


def counted_of(posts: Posts) -> Posts:
    """Those of `posts` that count toward a cadence (kept on the view: `Posts.derived`)."""
    return posts.derived("counted", _counted)


def _counted(posts: Posts) -> Posts:
    return posts.with_status(*COUNTED_STATUSES)


def week_count(counted: Posts, monday: dt.date) -> int:
    return counted.in_week(monday)


def shortfall(ws: Workspace, account: Account, counted: Posts, monday: dt.date) -> int | None:
    """The week's count when the account, active on that Monday, has fewer posts than its cadence."""
    required = ws.cadence_of(account)
    if required <= 0 or not account.is_active_on(monday):
        return None
    count = week_count(counted, monday)
    return count if count < required else None


@account_rule("account.cadence", ERROR)
def cadence(account: Account, ctx: Context) -> Iterator[Problem]:
    required = ctx.ws.cadence_of(account)
    counted = counted_posts(ctx.ws, account.id)
    for monday in mondays(ctx.start, ctx.end):
        count = shortfall(ctx.ws, account, counted, monday)
        if count is not None:
            yield problem(
                "account.cadence", on=monday, week=iso_week_label(monday), count=count, required=required
            )


@dataclass(frozen=True)
class Gap:
    """A run of working days on which nobody looks after an account."""

    account: str
    start: dt.date
    end: dt.date
    working_days: int
    absent: tuple[str, ...]


def is_day_covered(ws: Workspace, account: Account, day: dt.date) -> bool:
    """An owner or deputy of the account who may write is present, or an absent owner's assigned
    deputy is (an auditor named in a duty never covers a day)."""
    if any(ws.can_cover(p, day) for p in account.owners + account.deputies):
        return True
    return any(ws.deputy_covering(owner, day) for owner in account.owners)


def coverage_gaps(
    ws: Workspace, account: Account, start: dt.date, end: dt.date, holidays: Mapping[dt.date, str]
) -> list[Gap]:
    """Runs of uncovered working days; weekends and holidays inside a run do not break it."""
    gaps: list[Gap] = []
    run: list[dt.date] = []
    people = tuple(dict.fromkeys(account.owners + account.deputies))

    def close() -> None:
        if run:
            away = {p for day in run for p in people if not ws.can_cover(p, day)}
            gaps.append(Gap(account.id, run[0], run[-1], len(run), tuple(sorted(away))))
            run.clear()

    alone = _nobody_there(ws, people, start, end)
    for day in days(start, end):
        if not is_working_day(day, holidays):
            continue
        if (
            account.is_active_on(day)
            and (alone is None or day in alone)
            and not is_day_covered(ws, account, day)
        ):
            run.append(day)
        else:
            close()
    close()
    return gaps


def _nobody_there(
    ws: Workspace, people: tuple[str, ...], start: dt.date, end: dt.date
) -> frozenset[dt.date] | None:
    """The days of start..end on which none of `people` who may write is present: the only days
    `is_day_covered` can answer no (then only an absent owner's deputy can cover). None when none
    of them may write: every day is asked. One intersection of each person's days away instead of
    asking every person about every working day."""
    found: frozenset[dt.date] | None = None
    for person in people:
        if person in ws.writers:
            away = ws.days_away(person, start, end)
            found = away if found is None else found & away
    return found


@account_rule("account.coverage", ERROR)
def coverage(account: Account, ctx: Context) -> Iterator[Problem]:
    for gap in coverage_gaps(ctx.ws, account, ctx.start, ctx.end, ctx.holidays):
        yield problem(
            "account.coverage",
            on=gap.start,
            until=gap.end,
            start=gap.start,
            end=gap.end,
            days=gap.working_days,
            absent=", ".join(gap.absent) or "-",
        )


@account_rule("account.admins", ERROR)
def admins(account: Account, ctx: Context) -> Iterator[Problem]:
    count = len(set(account.admins))
    if count < 2:
        yield problem("account.admins", count=count)


@account_rule("account.owner", ERROR)
def owner(account: Account, ctx: Context) -> Iterator[Problem]:
    if not account.owners:
        yield problem("account.owner")


@account_rule("account.continuity", WARNING)
def continuity(account: Account, ctx: Context) -> Iterator[Problem]:
    if not account.login_email:
        yield problem("account.continuity.missing")
    elif fold(account.login_email) in {fold(e) for e in ctx.ws.emails}:
        yield problem("account.continuity.personal", email=account.login_email)


@account_rule("account.verification", WARNING)
def verification(account: Account, ctx: Context) -> Iterator[Problem]:
    if not account.listed_on_website:
        yield problem("account.verification.not_listed")
    if not account.links_to_website:
        yield problem("account.verification.no_link")


@account_rule("account.security", WARNING)
def security(account: Account, ctx: Context) -> Iterator[Problem]:
    if not account.two_factor:
        yield problem("account.security.no_2fa")
    if account.password_changed is None:
        yield problem("account.security.password_never")
    elif (ctx.today - account.password_changed).days > PASSWORD_MAX_AGE_DAYS:
        yield problem("account.security.password_old", date=account.password_changed)


@account_rule("feedback.overdue", WARNING)
def feedback_overdue(account: Account, ctx: Context) -> Iterator[Problem]:
    """Feedback still open past the day it was due (SPEC *After publishing*)."""
    for item in ctx.ws.feedback_of(account.id):
        if item.overdue(ctx.today):
            yield problem(
                "feedback.overdue",
                on=item.due,
                feedback=item.id,
                received=item.received_at.date(),
                due=item.due,
                assignee=item.assignee or "-",
            )
