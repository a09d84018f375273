"""Services the app and the command line share: one session on a workspace, as one user."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.domain.errors import DataError, Refused
from planner.domain.fields import parse_time
from planner.i18n import keyed, t

if TYPE_CHECKING:  # for the types alone: the store is imported when a session opens
    from planner.domain.model import Person
    from planner.domain.workspace import Workspace
    from planner.storage.workspace import WorkspaceStore


LATER_THAN_NOW = dt.timedelta(minutes=5)  # see Session.later_than_now


def now_local(timezone: str) -> dt.datetime:
    """The organization's local time, minute precision; PLANNER_NOW pins it (demos, evidence)."""
    pinned = os.environ.get("PLANNER_NOW")
    if pinned:
        return parse_time(pinned, "PLANNER_NOW")
    try:
        zone = ZoneInfo(timezone or "Europe/Helsinki")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("Europe/Helsinki")
    return dt.datetime.now(zone).replace(tzinfo=None, second=0, microsecond=0)


def public_holidays(ws: Workspace, start: dt.date, end: dt.date, lang: str = "fi") -> Mapping[dt.date, str]:
    """The organization's public holidays between start and end, named in `lang`, each year's
    worked out when a day of it is first asked about (kept in the index between runs)."""
    from planner.domain.calendar import Holidays

    return Holidays(start, end, ws.organization.holiday_country, lang, table=year_of_holidays)


@functools.cache
def year_of_holidays(country: str, year: int, lang: str) -> Mapping[dt.date, str]:
    """A year's public holidays: kept in the index, or computed (`holidays`) and kept there."""
    from planner.domain.calendar import holidays_of_year
    from planner.storage.index import Index

    index = Index.open()
    if index is None:
        return holidays_of_year(country, year, lang)
    try:
        stored = index.holidays(country, year, lang)
        if stored is not None:
            return stored
        found = holidays_of_year(country, year, lang)
        index.keep_holidays(country, year, lang, dict(found))
        return found
    finally:
        index.close()


def organization_zone(ws: Workspace) -> dt.tzinfo:
    """The organization's time zone (Finland's when its name is not one)."""
    try:
        return ZoneInfo(ws.organization.timezone or "Europe/Helsinki")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/Helsinki")


def on_the_clocks(ws: Workspace, moment: dt.datetime, field: str) -> list[Note]:
    """Refuse a time the organization's clocks skip (spring forward); for one they show twice
    (autumn), the note that says which of the two it is."""
    from planner.domain.dates import local_time

    _, twice = local_time(moment, organization_zone(ws), field)
    return [Note("note.time_twice", {"at": moment})] if twice else []


def find_workspace(data: str | None) -> Path:
    """--data, then $PLANNER_DATA, then the current folder when it holds calendars/."""
    if data:
        return Path(data)
    if os.environ.get("PLANNER_DATA"):
        return Path(os.environ["PLANNER_DATA"])
    if Path("calendars").is_dir():
        return Path.cwd()
    raise DataError("err.no_workspace")


@dataclass
class Session:
    store: WorkspaceStore
    user: str | None = None

    @classmethod
    def open(cls, data: str | None, user: str | None) -> Session:
        from planner.storage.workspace import WorkspaceStore

        root = find_workspace(data)
        store = WorkspaceStore(root)
        if not store.is_workspace():
            if root.is_file():  # `planner init FILE` cannot help: say what it is
                raise DataError("err.not_a_folder", path=str(root))
            raise DataError("err.not_workspace", path=str(root))
        return cls(store, user or os.environ.get("PLANNER_USER") or None)

    def load(self) -> Workspace:
        return self.store.load()

    def now(self, ws: Workspace) -> dt.datetime:
        return now_local(ws.organization.timezone)

    def actor(self, ws: Workspace) -> Person:
        """Who is writing; someone who has left the team writes no more."""
        from planner.domain.roles import identify

        person = identify(ws, self.user)
        if person.is_retired_on(self.now(ws).date()):
            raise Refused("refused.retired", user=person.id, day=person.retired)
        return person

    def stamp(self, ws: Workspace) -> str:
        return self.now(ws).strftime("%Y-%m-%dT%H:%M")

    def later_than_now(self, ws: Workspace, moment: dt.datetime) -> bool:
        """Whether a time typed for something that has happened (a publication, an incident seen)
        is past now, by more than a clock's drift: it is recorded as typed, and said to be checked
        (a team entering what happened may do so on a machine whose clock is wrong)."""
        return moment > self.now(ws) + LATER_THAN_NOW


@dataclass(frozen=True)
class Note:
    """A warning to show beside a change that went through (`render` in the user's language)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return t(self.key, lang, **keyed(self.params, lang))
