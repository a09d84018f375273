"""A read-only snapshot of a whole workspace, with the indexes the rules and views need."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from planner.domain.calendar import monday_of_week, week_number
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


class Posts:
    """An immutable view over posts: `ws.posts_view.for_account(a).between(d1, d2).ready()`."""

    def __init__(self, posts: Iterable[Post]) -> None:
        self._posts = tuple(posts)
        self._weeks: Counter[int] | None = None  # posts by `week_number`

    def in_week(self, monday: dt.date) -> int:
        """How many of the posts are dated in the ISO week starting `monday` (counted once)."""
        if self._weeks is None:
            self._weeks = Counter(week_number(p.publish_at) for p in self._posts if p.publish_at)
        return self._weeks[week_number(monday)]

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

    def posts_of(self, account_id: str) -> Posts:
        return self.posts_by_account.get(account_id) or Posts(())

    def with_posts_by_account(self, index: Mapping[str, Posts]) -> Workspace:
        """This snapshot with its per-account index given (storage reads it file by file)."""
        self.__dict__["posts_by_account"] = index  # what the cached property would compute
        return self

    @cached_property
    def posts_by_week(self) -> Mapping[dt.date, Posts]:
        """The dated posts of each ISO week, by the week's Monday."""
        by_week: dict[int, list[Post]] = defaultdict(list)
        for post in self.posts.values():
            if post.publish_at is not None:
                by_week[week_number(post.publish_at)].append(post)
        return {monday_of_week(number): Posts(found) for number, found in by_week.items()}

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

    def is_present(self, person: str, day: dt.date) -> bool:
        """A person is present on a day unless one of their absences covers it (or they retired)."""
        found = self.people.get(person)
        if found is not None and found.is_retired_on(day):
            return False
        return not self.absences_on(person, day)

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
