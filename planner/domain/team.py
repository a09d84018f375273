"""Who can stand in for whom: deputy candidates, coverage by week, and what a retirement leaves behind.

Pure functions over a Workspace snapshot; the coverage verdict itself is the `account.coverage` rule's
(`rules.accounts.coverage_gaps`), so the grid, the command line and `check` cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.domain.calendar import days, is_working_day, mondays, sunday_of
from planner.domain.feedback import Feedback, first_working_day
from planner.domain.fields import finnish_key
from planner.domain.model import Absence, Account, Person, Post
from planner.domain.rules.accounts import (
    Gap,
    counted_posts,
    coverage_gaps,
    is_day_covered,
    shortfall,
    week_count,
)
from planner.domain.workspace import Workspace

OPEN_STATUSES = ("draft", "ready", "scheduled")


def name_key(person: Person) -> tuple[tuple[str, str], str]:
    """Sort people by name the Finnish way (NFC, casefold; å, ä, ö after z), then by id."""
    return finnish_key(person.name or person.id), person.id


def accounts_of(ws: Workspace, person: str) -> list[Account]:
    """Accounts on which the person holds any role."""
    return [a for a in ws.accounts.values() if person in a.team]


def roles_on(account: Account, person: str) -> list[str]:
    kinds = ("admins", "owners", "producers", "deputies")
    return [kind for kind in kinds if person in getattr(account, kind)]


def away_days(ws: Workspace, person: str, start: dt.date, end: dt.date) -> list[dt.date]:
    return [day for day in days(start, end) if not ws.is_present(person, day)]


def load_of(ws: Workspace, person: str, start: dt.date, end: dt.date) -> int:
    """How busy a person already is in a period: open posts they own there, plus the absences
    they already stand in for that overlap it."""
    posts = sum(
        1 for p in ws.posts_view.between(start, end) if p.owner == person and p.status in OPEN_STATUSES
    )
    standing_in = sum(
        1 for a in ws.absences.values() if a.deputy == person and a.start <= end and start <= a.end
    )
    return posts + standing_in


@dataclass(frozen=True)
class Candidate:
    """A possible deputy for a period; `away` lists the days of the period they are away."""

    person: str
    load: int
    away: tuple[dt.date, ...] = ()
    shared: tuple[str, ...] = ()  # accounts of the absent person the candidate can post on

    @property
    def present_throughout(self) -> bool:
        return not self.away


def _ranked(
    ws: Workspace, people: Iterable[str], start: dt.date, end: dt.date, accounts: list[Account]
) -> list[Candidate]:
    found = []
    for pid in dict.fromkeys(people):
        person = ws.people.get(pid)
        if person is None or not person.may_hold_duty(start):
            continue
        shared = tuple(a.id for a in accounts if pid in a.team)
        found.append(
            Candidate(pid, load_of(ws, pid, start, end), tuple(away_days(ws, pid, start, end)), shared)
        )
    return sorted(found, key=lambda c: (bool(c.away), len(c.away), c.load, name_key(ws.people[c.person])))


def deputy_candidates(ws: Workspace, absence: Absence) -> list[Candidate]:
    """People with access to the absent person's accounts, those present for the whole absence first,
    least loaded first; the others follow with the days they are away."""
    accounts = accounts_of(ws, absence.person)
    people = [pid for a in accounts for pid in a.team if pid != absence.person]
    return _ranked(ws, people, absence.start, absence.end, accounts)


def gap_candidates(ws: Workspace, gap: Gap) -> list[Candidate]:
    """People with access to the account who are present on every day of the gap, least loaded first."""
    account = ws.accounts[gap.account]
    people = [pid for pid in account.team if pid not in gap.absent]
    return [c for c in _ranked(ws, people, gap.start, gap.end, [account]) if c.present_throughout]


def absences_behind(ws: Workspace, gap: Gap) -> list[Absence]:
    """The absences of the account's owners and deputies that overlap the gap."""
    account = ws.accounts[gap.account]
    people = set(account.owners + account.deputies)
    found = [
        a for a in ws.absences.values() if a.person in people and a.start <= gap.end and gap.start <= a.end
    ]
    return sorted(found, key=lambda a: (a.start, a.person, a.id))


# Coverage by week -------------------------------------------------------------------------------

COVERED, DEPUTY, GAP, INACTIVE = "covered", "deputy", "gap", "inactive"
_WORST = {INACTIVE: 0, COVERED: 1, DEPUTY: 2, GAP: 3}


def day_state(ws: Workspace, account: Account, day: dt.date) -> str:
    """Covered by a present owner, only by a deputy, or not at all (the rule's verdict)."""
    if not account.is_active_on(day):
        return INACTIVE
    if any(ws.can_cover(p, day) for p in account.owners):
        return COVERED
    return DEPUTY if is_day_covered(ws, account, day) else GAP


@dataclass(frozen=True)
class WeekCell:
    account: str
    monday: dt.date
    coverage: str  # covered | deputy | gap | inactive, the worst of the week's working days
    posts: int
    required: int
    short: bool  # fewer posts than the cadence (the `account.cadence` verdict)
    gap_days: tuple[dt.date, ...] = ()


def week_cells(
    ws: Workspace, account: Account, start: dt.date, end: dt.date, holidays: Mapping[dt.date, str]
) -> list[WeekCell]:
    counted = counted_posts(ws, account.id)
    required = ws.cadence_of(account)
    cells = []
    for monday in mondays(start, end):
        states = {
            day: day_state(ws, account, day)
            for day in days(monday, sunday_of(monday))
            if is_working_day(day, holidays)
        }
        worst = max(states.values(), key=_WORST.__getitem__, default=INACTIVE)
        if worst == INACTIVE and account.is_active_on(monday):
            worst = COVERED  # a week of holidays only: nobody needs to be there
        short = shortfall(ws, account, counted, monday) is not None
        gaps = tuple(day for day, state in states.items() if state == GAP)
        cells.append(WeekCell(account.id, monday, worst, week_count(counted, monday), required, short, gaps))
    return cells


@dataclass(frozen=True)
class GapReport:
    """A coverage gap with the people away and who could stand in: `planner coverage`'s unit."""

    gap: Gap
    absences: tuple[Absence, ...]
    candidates: tuple[Candidate, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "account": self.gap.account,
            "from": self.gap.start.isoformat(),
            "to": self.gap.end.isoformat(),
            "absent": list(self.gap.absent),
            "candidates": [c.person for c in self.candidates],
        }


def coverage_report(
    ws: Workspace, accounts: Iterable[Account], start: dt.date, end: dt.date, holidays: Mapping[dt.date, str]
) -> list[GapReport]:
    found = []
    for account in accounts:
        for gap in coverage_gaps(ws, account, start, end, dict(holidays)):
            found.append(GapReport(gap, tuple(absences_behind(ws, gap)), tuple(gap_candidates(ws, gap))))
    return found


# Retirement -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leftovers:
    """What a person leaves behind on retiring: roles on accounts, open posts from that day on,
    absences they were to stand in for, and the open feedback given to them to answer."""

    roles: tuple[tuple[str, tuple[str, ...]], ...]  # (account id, role lists)
    posts: tuple[Post, ...]
    deputy_for: tuple[Absence, ...]
    feedback: tuple[Feedback, ...]

    @property
    def empty(self) -> bool:
        return not (self.roles or self.posts or self.deputy_for or self.feedback)

    @property
    def count(self) -> int:
        return len(self.roles) + len(self.posts) + len(self.deputy_for) + len(self.feedback)


NOTHING_LEFT = Leftovers((), (), (), ())


def leftovers(ws: Workspace, person: str, day: dt.date) -> Leftovers:
    roles = tuple((a.id, tuple(roles_on(a, person))) for a in accounts_of(ws, person))
    posts = tuple(
        p
        for p in ws.posts_view.sorted()
        if p.owner == person
        and p.status in OPEN_STATUSES
        and (p.publish_at is None or p.publish_at.date() >= day)
    )
    deputy_for = tuple(
        sorted(
            (a for a in ws.absences.values() if a.deputy == person and a.end >= day), key=lambda a: a.start
        )
    )
    answers = [f for f in ws.feedback.values() if f.is_open and f.assignee == person]
    feedback = tuple(sorted(answers, key=lambda f: (f.due, f.id)))
    return Leftovers(roles, posts, deputy_for, feedback)


def standing_in(ws: Workspace, person: str, day: dt.date) -> tuple[bool, str | None]:
    """Whether `person` is away on `day`, and if so the deputy of their absence who is there to
    stand in for them (None when nobody is): what the feedback queue, its listing and the digest
    say of an item given to someone away."""
    if ws.is_present(person, day):
        return False, None
    return True, ws.deputy_covering(person, day)


def assignee_for(
    ws: Workspace,
    account: Account,
    post_owner: str | None,
    received: dt.datetime,
    holidays: Mapping[dt.date, object],
) -> str | None:
    """Who answers, on the first working day from receipt: the owner of the post commented on
    when present; then the first of the account's owners present; then the deputy assigned to an
    owner's absence, the account's first present deputy, its first present admin. Only a person
    who may hold a duty that day (SPEC *Who may hold a duty*); None when nobody is there."""
    day = first_working_day(received.date(), holidays)
    candidates: list[str | None] = [post_owner, *account.owners]
    candidates += [ws.deputy_covering(owner, day) for owner in account.owners]
    candidates += [*account.deputies, *account.admins]
    for person in candidates:
        if person and ws.can_cover(person, day):
            return person
    return None
