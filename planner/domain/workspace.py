"""A read-only snapshot of a whole workspace, with the indexes the rules and views need."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from planner.domain.calendar import days, week_number
from planner.domain.feedback import Feedback, feedback_order
from planner.domain.feeds import Feed, Mailing
from planner.domain.incidents import Incident
from planner.domain.model import (
    Absence,
    Account,
    Asset,
    Campaign,
    Consent,
    Hold,
    Organization,
    Person,
    Post,
)
from planner.domain.results import Figures, Goal


class Posts:
    """An immutable view over posts: `ws.posts_view.for_account(a).between(d1, d2).ready()`.

    What is worked out from a view is kept on it (`derived`): a view never changes, so its week
    index and its undated posts are gathered once, when first asked for."""

    def __init__(self, posts: Iterable[Post]) -> None:
        self._posts = tuple(posts)
        self._memo: dict[Hashable, Any] = {}

    def derived(self, key: Hashable, compute: Callable[[Posts], T]) -> T:
        """`compute(self)`, worked out once for this view (`key` names what it is)."""
        memo = self._memo
        if key not in memo:
            memo[key] = compute(self)
        return memo[key]  # type: ignore[no-any-return]

    def by_week(self) -> Mapping[int, tuple[Post, ...]]:
        """The dated posts by `week_number`, in the view's order."""
        return self.derived("by_week", _by_week)

    def undated(self) -> Posts:
        """The posts with no publish time."""
        return self.derived("undated", Posts.unscheduled)

    def in_week(self, monday: dt.date) -> int:
        """How many of the posts are dated in the ISO week starting `monday` (counted once)."""
        return len(self.by_week().get(week_number(monday), ()))

    def __iter__(self) -> Iterator[Post]:
        return iter(self._posts)

    def __len__(self) -> int:
        return len(self._posts)

    def where(self, keep: Callable[[Post], bool]) -> Posts:
        return Posts(p for p in self._posts if keep(p))

    def for_account(self, account_id: str) -> Posts:
        return self.where(lambda p: p.account == account_id)

    def between(self, start: dt.date, end: dt.date) -> Posts:
        """Posts whose publish date lies in start..end (inclusive)."""
        return self.where(lambda p: p.publish_at is not None and start <= p.publish_at.date() <= end)

    def unscheduled(self) -> Posts:
        return self.where(lambda p: p.publish_at is None)

    def with_status(self, *statuses: str) -> Posts:
        return self.where(lambda p: p.status in statuses)

    def ready(self) -> Posts:
        return self.with_status("ready", "scheduled", "published")

    def sorted(self) -> list[Post]:
        far = dt.datetime.max
        return sorted(self._posts, key=lambda p: (p.publish_at or far, p.account, p.id))


def _by_week(posts: Posts) -> dict[int, tuple[Post, ...]]:
    by_week: dict[int, list[Post]] = defaultdict(list)
    for post in posts:
        if post.publish_at is not None:
            by_week[week_number(post.publish_at)].append(post)
    return {number: tuple(found) for number, found in by_week.items()}


T = TypeVar("T")


@dataclass(frozen=True)
class Workspace:
    organization: Organization = field(default_factory=Organization)
    people: Mapping[str, Person] = field(default_factory=dict)
    accounts: Mapping[str, Account] = field(default_factory=dict)
    absences: Mapping[str, Absence] = field(default_factory=dict)
    campaigns: Mapping[str, Campaign] = field(default_factory=dict)
    assets: Mapping[str, Asset] = field(default_factory=dict)
    consents: Mapping[str, Consent] = field(default_factory=dict)
    posts: Mapping[str, Post] = field(default_factory=dict)
    holds: Mapping[str, Hold] = field(default_factory=dict)
    feedback: Mapping[str, Feedback] = field(default_factory=dict)
    incidents: Mapping[str, Incident] = field(default_factory=dict)
    goals: Mapping[str, Goal] = field(default_factory=dict)
    metrics: Mapping[str, Figures] = field(default_factory=dict)  # each published post's figures, by post id
    feeds: Mapping[str, Feed] = field(default_factory=dict)  # calendar subscriptions
    mailings: Mapping[str, Mailing] = field(default_factory=dict)  # the last digest mailed, by person

    @cached_property
    def posts_view(self) -> Posts:
        return Posts(self.posts.values())

    @cached_property
    def posts_by_account(self) -> Mapping[str, Posts]:
        """Each account's posts, gathered once per snapshot."""
        by_account: dict[str, list[Post]] = defaultdict(list)
        for post in self.posts.values():
            by_account[post.account].append(post)
        return {account: Posts(found) for account, found in by_account.items()}

    @cached_property
    def feedback_by_account(self) -> Mapping[str, tuple[Feedback, ...]]:
        """Each account's feedback, by the time it was received."""
        by_account: dict[str, list[Feedback]] = defaultdict(list)
        for item in sorted(self.feedback.values(), key=feedback_order):
            by_account[item.account].append(item)
        return {account: tuple(found) for account, found in by_account.items()}

    def feedback_of(self, account_id: str) -> tuple[Feedback, ...]:
        return self.feedback_by_account.get(account_id, ())

    def beside_posts(self, account_id: str) -> dict[str, dict[str, Any]]:
        """What an account's file holds besides the account and its posts: its feedback and its
        posts' figures, by id."""
        return {
            "feedback": {f.id: f for f in self.feedback_of(account_id)},
            "metrics": {m.id: m for m in self.metrics.values() if m.account == account_id},
        }

    def posts_of(self, account_id: str) -> Posts:
        return self.posts_by_account.get(account_id) or Posts(())

    @cached_property
    def _by_week(self) -> Mapping[int, tuple[Post, ...]]:
        """Every dated post of the snapshot by `week_number`, gathered once per snapshot."""
        return _by_week(self.posts_view)

    def posts_in_week(self, monday: dt.date) -> Posts:
        """The dated posts of the ISO week starting `monday`."""
        return Posts(self._by_week.get(week_number(monday), ()))

    @cached_property
    def unscheduled(self) -> Posts:
        """The posts with no publish time."""
        return self.posts_view.undated()

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value worked out from this snapshot once: snapshots never change, a write makes a new one."""
        memo: dict[Hashable, Any] = self.__dict__.setdefault("_derived", {})
        if key not in memo:
            memo[key] = compute()
        return memo[key]  # type: ignore[no-any-return]

    @cached_property
    def absences_by_person(self) -> Mapping[str, tuple[Absence, ...]]:
        by_person: dict[str, list[Absence]] = defaultdict(list)
        for absence in self.absences.values():
            by_person[absence.person].append(absence)
        return {k: tuple(sorted(v, key=lambda a: a.start)) for k, v in by_person.items()}

    @cached_property
    def posts_by_asset(self) -> Mapping[str, tuple[Post, ...]]:
        """The posts (cancelled ones left out) that carry each asset, by publish time."""
        by_asset: dict[str, list[Post]] = defaultdict(list)
        for post in self.posts_view.sorted():
            if post.status != "cancelled":
                for asset_id in dict.fromkeys(post.media):
                    by_asset[asset_id].append(post)
        return {k: tuple(v) for k, v in by_asset.items()}

    @cached_property
    def emails(self) -> frozenset[str]:
        return frozenset(p.email.casefold() for p in self.people.values() if p.email)

    @cached_property
    def writers(self) -> frozenset[str]:
        """The people who may hold a duty (a writing role): an auditor's presence covers nothing."""
        return frozenset(pid for pid, person in self.people.items() if person.writes)

    def can_cover(self, person: str, day: dt.date) -> bool:
        """The person may hold a duty and is present on `day` (not absent, not retired)."""
        return person in self.writers and self.is_present(person, day)

    def absences_on(self, person: str, day: dt.date) -> list[Absence]:
        return [a for a in self.absences_by_person.get(person, ()) if a.covers(day)]

    @cached_property
    def _away(self) -> Mapping[str, tuple[list[dt.date], list[dt.date]]]:
        """Each person's absences merged into runs of days (the runs' first and last days, in
        order), so that whether someone is away on a day is one bisection: the coverage rule asks
        it for every working day of every account's owners and deputies."""
        merged: dict[str, tuple[list[dt.date], list[dt.date]]] = {}
        for person, absences in self.absences_by_person.items():  # each person's sorted by start
            starts: list[dt.date] = []
            ends: list[dt.date] = []
            for absence in absences:
                if absence.end < absence.start:
                    continue  # covers no day
                if ends and absence.start <= ends[-1]:
                    ends[-1] = max(ends[-1], absence.end)
                else:
                    starts.append(absence.start)
                    ends.append(absence.end)
            merged[person] = (starts, ends)
        return merged

    def is_away(self, person: str, day: dt.date) -> bool:
        """One of the person's absences covers `day`."""
        runs = self._away.get(person)
        if runs is None:
            return False
        starts, ends = runs
        at = bisect_right(starts, day) - 1
        return at >= 0 and day <= ends[at]

    def days_away(self, person: str, start: dt.date, end: dt.date) -> frozenset[dt.date]:
        """The days of start..end on which the person is not present (`is_present`): under one of
        their absences, or retired."""
        return self.derived(("away", person, start, end), lambda: self._days_away(person, start, end))

    def _days_away(self, person: str, start: dt.date, end: dt.date) -> frozenset[dt.date]:
        away: set[dt.date] = set()
        starts, ends = self._away.get(person, ((), ()))
        for first, last in zip(starts, ends, strict=True):
            away.update(days(max(first, start), min(last, end)))
        found = self.people.get(person)
        if found is not None and found.retired is not None:
            away.update(days(max(found.retired, start), end))
        return frozenset(away)

    def is_present(self, person: str, day: dt.date) -> bool:
        """A person is present on a day unless one of their absences covers it (or they retired)."""
        found = self.people.get(person)
        if found is not None and found.is_retired_on(day):
            return False
        return not self.is_away(person, day)

    def deputy_covering(self, person: str, day: dt.date) -> str | None:
        """The deputy assigned to one of the person's absences on `day` who is present and may
        hold the duty, if any."""
        for absence in self.absences_on(person, day):
            if absence.deputy and self.can_cover(absence.deputy, day):
                return absence.deputy
        return None

    def is_covered(self, person: str, day: dt.date) -> bool:
        """Present and able to write, or absent under an absence whose deputy is (SPEC: a duty held
        by someone who cannot write never covers a day)."""
        return self.can_cover(person, day) or self.deputy_covering(person, day) is not None

    def cadence_of(self, account: Account) -> int:
        if account.cadence_per_week is not None:
            return account.cadence_per_week
        return self.organization.cadence_per_week

    def holds_on(self, account: str, moment: dt.datetime) -> list[Hold]:
        """The crisis holds on `account` that are on at `moment`."""
        return [h for h in self.holds.values() if h.covers(account) and h.on_at(moment)]

    @property
    def open_holds(self) -> list[Hold]:
        """The holds not ended, oldest first."""
        return sorted(
            (h for h in self.holds.values() if h.ended_at is None),
            key=lambda h: h.started_at or dt.datetime.min,
        )
