"""Goals and results (SPEC *Goals and results*): an account's goals, a published post's figures as
a platform's export gave them, and the periods a goal is measured in. Pure."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from planner.domain.calendar import add_months
from planner.domain.errors import DataError
from planner.domain.feedback import Counts
from planner.domain.fields import (
    CHOICE,
    DATE,
    ID,
    NUMBER,
    TEXT,
    TIME,
    Schema,
    Spec,
    defaults_of,
    read_record,
)
from planner.domain.model import Account, Entity, Post

METRICS = ("posts", "reach", "engagement", "in_time_share")
PERIODS = ("month", "quarter", "year")
FIGURES = ("reach", "views", "reactions", "comments", "shares", "saves", "clicks")
MOST = 10**12  # no post of a municipality's account is seen a trillion times: a figure past it is an error


@dataclass(frozen=True)
class Goal(Entity):
    """What an account aims for in each month, quarter or year (from `start` to `end`, when set)."""

    id: str
    account: str
    metric: str
    per: str
    target: float
    start: dt.date | None = None
    end: dt.date | None = None
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    _renamed = {"start": "from", "end": "to"}

    @classmethod
    def from_dict(cls, raw: object) -> Goal:
        found = read_record(cls, raw, _GOAL, _GOAL_DEFAULTS)
        target = raw.get("target") if isinstance(raw, Mapping) else None
        return dataclasses.replace(found, target=goal_target(target, found.metric))

    def to_dict(self) -> dict[str, object]:
        found = super().to_dict()
        found["target"] = shown_target(self.target, self.metric)
        return found

    def applies(self, start: dt.date, end: dt.date) -> bool:
        """The goal is in force on some day of start..end."""
        return (self.start is None or self.start <= end) and (self.end is None or start <= self.end)


def goal_target(value: object, metric: str) -> float:
    """A goal's target: a whole number of posts, reach or engagement; a share between 0 and 1."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise bad_target(value, metric)
    if metric == "in_time_share":
        if not 0 <= value <= 1:
            raise bad_target(value, metric)
        return float(value)
    if value < 0 or value > MOST or not float(value).is_integer():
        raise bad_target(value, metric)
    return float(int(value))


def bad_target(value: object, metric: str) -> DataError:
    """A refused target, with what `metric` takes (a share, or a whole number)."""
    expected = "target.share" if metric == "in_time_share" else "target.count"
    return DataError("err.bad_target", value=value, metric=metric, expected_key=expected)


def typed_target(text: str, metric: str) -> float:
    """A target for `metric` as a person types it: `12`, `5 000`, `0,9`, `0.9` or `90 %` (a share).
    A refused one is named as it was typed (not `-5.0` for `-5`)."""
    value = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        number = float(value.removesuffix("%"))
        return goal_target(number / 100 if value.endswith("%") else number, metric)
    except (ValueError, DataError):
        raise bad_target(text, metric) from None


def shown_target(target: float, metric: str) -> float | int:
    return target if metric == "in_time_share" else int(target)


def goal_id(account: str, metric: str, per: str) -> str:
    """One goal per account, metric and period length: setting it again replaces it."""
    return f"{account}:{metric}:{per}"


@dataclass(frozen=True)
class Figures(Entity):
    """A published post's lifetime figures, as the platform's export last gave them."""

    post: str
    account: str
    platform: str
    imported_at: dt.datetime
    reach: int | None = None
    views: int | None = None
    reactions: int | None = None
    comments: int | None = None
    shares: int | None = None
    saves: int | None = None
    clicks: int | None = None
    source: str = ""  # the export's file name
    revision: int = 0

    @property
    def id(self) -> str:
        return self.post

    @classmethod
    def from_dict(cls, raw: object) -> Figures:
        given = raw if isinstance(raw, Mapping) else {}
        figures = {name: None if given.get(name) is None else figure(given[name], name) for name in FIGURES}
        # The figures are read by their own reader and given as the fields the schema leaves out:
        # the record is made once (a year's figures are tens of thousands of records).
        return read_record(cls, raw, _FIGURES, {**_FIGURES_DEFAULTS, **figures})

    def with_figures(self, figures: Mapping[str, int | None]) -> Figures:
        """These figures, as an export's row gave them (a figure it lacks is None)."""
        return dataclasses.replace(
            self,
            reach=figures.get("reach"),
            views=figures.get("views"),
            reactions=figures.get("reactions"),
            comments=figures.get("comments"),
            shares=figures.get("shares"),
            saves=figures.get("saves"),
            clicks=figures.get("clicks"),
        )

    @property
    def engagement(self) -> int:
        """Reactions, comments, shares and saves (a figure the export lacks counts as 0)."""
        return sum(getattr(self, name) or 0 for name in ("reactions", "comments", "shares", "saves"))

    def same_figures(self, other: Figures) -> bool:
        return all(getattr(self, name) == getattr(other, name) for name in FIGURES)

    def shown(self) -> dict[str, object]:
        """As `metrics list --format json` gives it."""
        found = self.to_dict()
        return {
            "post": self.post,
            "account": self.account,
            "platform": self.platform,
            **{name: found[name] for name in FIGURES},
            "engagement": self.engagement,
            "imported_at": found["imported_at"],
        }


def figure(value: object, name: str) -> int:
    """A figure: a whole number from 0 up (text as an export writes it: `1234`, `1 234`, `1234.0`)."""
    if type(value) is int and 0 <= value <= MOST:  # as the planner stores it
        return value
    if isinstance(value, bool):
        raise DataError("err.bad_figure", field=name, value=value)
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if not text or len(text) > 20:
            raise DataError("err.bad_figure", field=name, value=value)
        try:
            value = float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            raise DataError("err.bad_figure", field=name, value=value) from None
    if not isinstance(value, int | float) or not math.isfinite(value) or value < 0 or value > MOST:
        raise DataError("err.bad_figure", field=name, value=value)
    if isinstance(value, float) and not value.is_integer():
        raise DataError("err.bad_figure", field=name, value=value)
    return int(value)


_GOAL = Schema(
    {
        "id": Spec(ID, True),
        "account": Spec(ID, True),
        "metric": Spec(CHOICE, METRICS),
        "per": Spec(CHOICE, PERIODS),
        "from": Spec(DATE, None, "start"),
        "to": Spec(DATE, None, "end"),
        "revision": Spec(NUMBER),
    }
)
_GOAL_DEFAULTS = {**defaults_of(Goal), "metric": "posts", "per": "month", "target": 0.0}
_FIGURES = Schema(
    {
        "post": Spec(ID, True),
        "account": Spec(ID, True),
        "platform": Spec(TEXT, True),
        "imported_at": Spec(TIME, True),
        "source": Spec(TEXT),
        "revision": Spec(NUMBER),
    }
)
_FIGURES_DEFAULTS = defaults_of(Figures)


@dataclass(frozen=True)
class Period:
    label: str  # 2027-06, 2027-Q2, 2027
    start: dt.date
    end: dt.date


def period_of(day: dt.date, per: str) -> Period:
    """The month, quarter or year `day` lies in."""
    if per == "month":
        first = day.replace(day=1)
        return Period(f"{day.year}-{day.month:02d}", first, add_months(first, 1) - dt.timedelta(days=1))
    if per == "quarter":
        quarter = (day.month - 1) // 3
        first = dt.date(day.year, quarter * 3 + 1, 1)
        return Period(f"{day.year}-Q{quarter + 1}", first, add_months(first, 3) - dt.timedelta(days=1))
    return Period(str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))


def periods(start: dt.date, end: dt.date, per: str) -> Iterator[Period]:
    """Every period of length `per` that has a day in start..end, in order."""
    day = start
    while day <= end:
        found = period_of(day, per)
        yield found
        day = found.end + dt.timedelta(days=1)


# What the report finds -------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalResult:
    metric: str
    per: str
    period: str
    target: float
    actual: float | None
    met: bool
    running: bool = False  # the period had not ended on the report's day: not met is not yet missed

    def to_dict(self) -> dict[str, object]:
        share = self.metric == "in_time_share"
        return {
            "metric": self.metric,
            "per": self.per,
            "period": self.period,
            "target": self.target if share else int(self.target),
            "actual": self.actual if share or self.actual is None else int(self.actual),
            "met": self.met,
        }


@dataclass(frozen=True)
class AccountResult:
    account: Account
    published: int
    cadence_weeks: int
    cadence_met: int
    reach: int | None  # None: posts were published and not one has this figure (see services)
    views: int | None
    engagement: int
    feedback: Counts
    incidents: int
    goals: list[GoalResult]
    weeks: list[tuple[dt.date, int, int]]  # each Monday of the range: posts published, reach
    best: list[tuple[Post, Figures]] = field(default_factory=list)  # by engagement, the best first

    def to_dict(self) -> dict[str, object]:
        return {
            "account": self.account.id,
            "published": self.published,
            "cadence_weeks": self.cadence_weeks,
            "cadence_met": self.cadence_met,
            "reach": self.reach or 0,  # SPEC's whole number: the sum of the figures there are
            "views": self.views or 0,
            "engagement": self.engagement,
            "feedback": self.feedback.to_dict(),
            "incidents": self.incidents,
            "goals": [g.to_dict() for g in self.goals],
        }


@dataclass(frozen=True)
class Results:
    start: dt.date
    end: dt.date
    accounts: list[AccountResult]

    def to_dict(self) -> dict[str, object]:
        return {
            "range": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "accounts": [a.to_dict() for a in self.accounts],
        }
