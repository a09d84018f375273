"""The entities of SPEC *Domain* as frozen dataclasses, read from and written to plain dicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from planner.domain import choices
from planner.domain.errors import DataError
from planner.domain.fields import (
    BOOLEAN,
    CHOICE,
    DATE,
    FLAG,
    ID,
    LINE,
    MAP,
    NUMBER,
    OPTIONAL,
    STRINGS,
    TEXT,
    TIME,
    Schema,
    Spec,
    defaults_of,
    format_time,
    read_record,
)

# The fixed choices, under the model's names (planner.domain.choices holds them for the command line).
PLATFORMS = choices.PLATFORMS
ROLES = choices.ROLES
WRITING_ROLES = choices.WRITING_ROLES
ACCOUNT_STATUSES = choices.ACCOUNT_STATUSES
ABSENCE_KINDS = choices.ABSENCE_KINDS
ASSET_KINDS = choices.ASSET_KINDS
PEOPLE_SHOWN = choices.PEOPLE_SHOWN
RIGHTS = choices.RIGHTS
POST_KINDS = choices.POST_KINDS
POST_STATUSES = choices.POST_STATUSES

VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi", ".mpg", ".mpeg"})


def to_plain(value: Any) -> Any:
    """Dates as `YYYY-MM-DD`, times as `YYYY-MM-DDTHH:MM`, tuples as lists: the document form."""
    if isinstance(value, dt.datetime):
        return format_time(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, Entity):  # a record inside a record (an incident's actions)
        return value.to_dict()
    return value


class Entity:
    """Shared document conversion; `_renamed` maps attribute names to document names."""

    _renamed: dict[str, str] = {}

    def to_dict(self) -> dict[str, Any]:
        return {
            self._renamed.get(f.name, f.name): to_plain(getattr(self, f.name))
            for f in dataclasses.fields(self)  # type: ignore[arg-type]
        }


@dataclass(frozen=True)
class Organization(Entity):
    name: str = ""
    website: str = ""
    required_hashtags: tuple[str, ...] = ()
    timezone: str = "Europe/Helsinki"
    holiday_country: str = "FI"
    languages: tuple[str, ...] = ("fi",)
    cadence_per_week: int = 1
    reply_within: int = 2  # feedback is answered within this many days of its receipt
    reply_days: str = "working"  # counted in working days, or in calendar days
    smtp: str | None = None  # host:port of the mail server the digest goes through
    mail_from: str = ""  # the digest's sender

    @classmethod
    def from_dict(cls, raw: object) -> Organization:
        found = read_record(cls, raw, _ORGANIZATION, _defaults(cls))
        website = found.website.strip()
        if website != found.website or not found.languages:
            found = dataclasses.replace(found, website=website, languages=found.languages or ("fi",))
        return found

    @property
    def default_lang(self) -> str:
        return self.languages[0]


@dataclass(frozen=True)
class Person(Entity):
    id: str
    name: str = ""
    email: str = ""
    roles: tuple[str, ...] = ()
    retired: dt.date | None = None  # from this day on, away for good: nobody's owner or deputy
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    @classmethod
    def from_dict(cls, raw: object) -> Person:
        found = read_record(cls, raw, _PERSON, _defaults(cls))
        for role in found.roles:
            if role not in ROLES:
                raise DataError("err.bad_choice", field="roles", value=role, choices=", ".join(ROLES))
        roles, email = tuple(dict.fromkeys(found.roles)), found.email.strip()
        if roles != found.roles or email != found.email:
            found = dataclasses.replace(found, roles=roles, email=email)
        return found

    def has(self, role: str) -> bool:
        return role in self.roles

    def is_retired_on(self, day: dt.date) -> bool:
        return self.retired is not None and self.retired <= day

    @property
    def writes(self) -> bool:
        """Holds a role that may write posts (an auditor only reads)."""
        return any(role in WRITING_ROLES for role in self.roles)

    def may_hold_duty(self, day: dt.date) -> bool:
        """May be an owner, producer or deputy on `day` (SPEC *Who may hold a duty*): writes, and
        has not retired by then."""
        return self.writes and not self.is_retired_on(day)


@dataclass(frozen=True)
class Account(Entity):
    id: str
    platform: str
    name: str = ""
    url: str = ""
    unit: str = ""
    status: str = "active"
    starts: dt.date | None = None
    ends: dt.date | None = None
    login_email: str = ""
    admins: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    producers: tuple[str, ...] = ()
    deputies: tuple[str, ...] = ()
    cadence_per_week: int | None = None
    required_hashtags: tuple[str, ...] = ()
    listed_on_website: bool = False
    links_to_website: bool = False
    two_factor: bool = False
    password_changed: dt.date | None = None
    # What the register keeps: why the account exists, who decided to open it and when, and when
    # the communications unit was told.
    purpose: str = ""
    decided_by: str = ""
    decided_on: dt.date | None = None
    told_on: dt.date | None = None
    review: bool = False  # a post needs a second pair of eyes (`post approve`) before it is ready
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    @classmethod
    def from_dict(cls, raw: object, default_id: str = "") -> Account:
        found = read_record(cls, raw, _ACCOUNT, _defaults(cls))
        if not found.id or found.url != found.url.strip() or found.login_email != found.login_email.strip():
            found = dataclasses.replace(
                found, id=found.id or default_id, url=found.url.strip(), login_email=found.login_email.strip()
            )
        return found

    @property
    def closed(self) -> bool:
        return self.status == "closed"

    def is_active_on(self, day: dt.date) -> bool:
        return (
            self.status == "active"
            and (self.starts is None or self.starts <= day)
            and (self.ends is None or day <= self.ends)
        )

    @property
    def team(self) -> tuple[str, ...]:
        """Everyone granted the account: admins, owners, producers and deputies."""
        return tuple(dict.fromkeys(self.admins + self.owners + self.producers + self.deputies))


@dataclass(frozen=True)
class Absence(Entity):
    id: str
    person: str
    start: dt.date
    end: dt.date
    kind: str = "vacation"
    deputy: str | None = None
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    _renamed = {"start": "from", "end": "to"}

    @classmethod
    def from_dict(cls, raw: object, default_id: str = "") -> Absence:
        found = read_record(cls, raw, _ABSENCE, _defaults(cls))
        if found.end < found.start:
            raise DataError("err.range_reversed", start=found.start, end=found.end)
        return found if found.id else dataclasses.replace(found, id=default_id)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Campaign(Entity):
    id: str
    name: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    hashtags: tuple[str, ...] = ()
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    _renamed = {"start": "from", "end": "to"}

    @classmethod
    def from_dict(cls, raw: object) -> Campaign:
        return read_record(cls, raw, _CAMPAIGN, _defaults(cls))


@dataclass(frozen=True)
class Asset(Entity):
    id: str
    file: str
    kind: str = "image"
    alt: dict[str, str] = field(default_factory=dict)
    subtitles: dict[str, str] = field(default_factory=dict)
    people: str = "unknown"
    consents: tuple[str, ...] = ()
    rights: str = "unknown"
    rights_expire: dt.date | None = None
    attribution: str = ""
    # Facts read from the file with Pillow when it was imported.
    width: int | None = None
    height: int | None = None
    format: str | None = None
    location: bool | None = None
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    @classmethod
    def from_dict(cls, raw: object, default_lang: str = "fi") -> Asset:
        found = read_record(cls, raw, _ASSET, _defaults(cls), default_lang)
        if not isinstance(raw, Mapping) or not raw.get("kind"):  # none given: told by the file's name
            found = dataclasses.replace(found, kind=_guessed_kind(found.file))
        return found


@dataclass(frozen=True)
class Consent(Entity):
    id: str
    subject: str = ""
    minor: bool = False
    guardian: str | None = None
    written: bool = False
    evidence: str | None = None
    scope: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    withdrawn: dt.date | None = None
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    @classmethod
    def from_dict(cls, raw: object) -> Consent:
        return read_record(cls, raw, _CONSENT, _defaults(cls))


@dataclass(frozen=True)
class Post(Entity):
    id: str
    account: str
    publish_at: dt.datetime | None = None
    title: str = ""
    text: str = ""
    kind: str = "other"
    lang: str = "fi"
    owner: str | None = None
    media: tuple[str, ...] = ()
    campaign: str | None = None
    status: str = "draft"
    ready_by: str | None = None
    ready_at: dt.datetime | None = None
    published_url: str | None = None
    # A post's life (SPEC): who took each step, and when.
    scheduled_by: str | None = None
    scheduled_at: dt.datetime | None = None
    published_by: str | None = None
    published_at: dt.datetime | None = None
    cancelled_by: str | None = None
    cancelled_at: dt.datetime | None = None
    cancel_reason: str | None = None
    taken_down: dt.date | None = None
    taken_down_by: str | None = None
    takedown_reason: str | None = None
    copied_from: str | None = None
    approved_by: str | None = None
    approved_at: dt.datetime | None = None
    edited_by: str | None = None  # who last changed its content (an approver must be someone else)
    edited_at: dt.datetime | None = None  # when: an approval before this is for an older text
    modified_at: dt.datetime | None = None  # when it was last saved (set by every save)
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    @classmethod
    def from_dict(cls, raw: object, default_id: str = "", default_lang: str = "fi") -> Post:
        found = read_record(cls, raw, _POST, _post_defaults(default_lang), default_lang)
        return found if found.id else dataclasses.replace(found, id=default_id)

    @property
    def publish_date(self) -> dt.date | None:
        return self.publish_at.date() if self.publish_at else None

    def label(self) -> str:
        """The title, or the first words of the text."""
        if self.title:
            return self.title
        words = self.text.split()
        short = " ".join(words[:6])
        return short + ("…" if len(words) > 6 else "")


def _guessed_kind(file: str) -> str:
    suffix = posixpath.splitext(file)[1]  # a string split: 4,000 assets are read per check
    return "video" if suffix.casefold() in VIDEO_SUFFIXES else "image"


# How each record is read from its document (planner.domain.fields.read_record): each field's kind.
_ORGANIZATION = Schema(
    {
        "name": Spec(TEXT),
        "website": Spec(TEXT),
        "required_hashtags": Spec(STRINGS),
        "timezone": Spec(TEXT),
        "holiday_country": Spec(TEXT),
        "languages": Spec(STRINGS),
        "cadence_per_week": Spec(NUMBER),
        "reply_within": Spec(NUMBER),
        "reply_days": Spec(CHOICE, choices.REPLY_DAYS),
        "smtp": Spec(OPTIONAL),
        "mail_from": Spec(TEXT),
    }
)
_PERSON = Schema(
    {
        "id": Spec(ID, True),
        "name": Spec(TEXT),
        "email": Spec(TEXT),
        "roles": Spec(STRINGS),
        "retired": Spec(DATE),
        "revision": Spec(NUMBER),
    }
)
_ACCOUNT = Schema(
    {
        "id": Spec(ID),
        "platform": Spec(CHOICE, PLATFORMS),
        "name": Spec(TEXT),
        "url": Spec(TEXT),
        "unit": Spec(TEXT),
        "status": Spec(CHOICE, ACCOUNT_STATUSES),
        "starts": Spec(DATE),
        "ends": Spec(DATE),
        "login_email": Spec(TEXT),
        "admins": Spec(STRINGS),
        "owners": Spec(STRINGS),
        "producers": Spec(STRINGS),
        "deputies": Spec(STRINGS),
        "cadence_per_week": Spec(NUMBER),
        "required_hashtags": Spec(STRINGS),
        "listed_on_website": Spec(FLAG),
        "links_to_website": Spec(FLAG),
        "two_factor": Spec(FLAG),
        "password_changed": Spec(DATE),
        "purpose": Spec(TEXT),
        "decided_by": Spec(TEXT),
        "decided_on": Spec(DATE),
        "told_on": Spec(DATE),
        "review": Spec(FLAG),
        "revision": Spec(NUMBER),
    }
)
_ABSENCE = Schema(
    {
        "id": Spec(ID),
        "person": Spec(ID, True),
        "from": Spec(DATE, True, "start"),
        "to": Spec(DATE, True, "end"),
        "kind": Spec(CHOICE, ABSENCE_KINDS),
        "deputy": Spec(OPTIONAL),
        "revision": Spec(NUMBER),
    }
)
_CAMPAIGN = Schema(
    {
        "id": Spec(ID, True),
        "name": Spec(TEXT),
        "from": Spec(DATE, None, "start"),
        "to": Spec(DATE, None, "end"),
        "hashtags": Spec(STRINGS),
        "revision": Spec(NUMBER),
    }
)
_ASSET = Schema(
    {
        "id": Spec(ID, True),
        "file": Spec(TEXT, True),
        "kind": Spec(CHOICE, ASSET_KINDS),
        "alt": Spec(MAP),
        "subtitles": Spec(MAP),
        "people": Spec(CHOICE, PEOPLE_SHOWN),
        "consents": Spec(STRINGS),
        "rights": Spec(CHOICE, RIGHTS),
        "rights_expire": Spec(DATE),
        "attribution": Spec(TEXT),
        "width": Spec(NUMBER),
        "height": Spec(NUMBER),
        "format": Spec(OPTIONAL),
        "location": Spec(BOOLEAN),
        "revision": Spec(NUMBER),
    }
)
_CONSENT = Schema(
    {
        "id": Spec(ID, True),
        "subject": Spec(TEXT),
        "minor": Spec(FLAG),
        "guardian": Spec(OPTIONAL),
        "written": Spec(FLAG),
        "evidence": Spec(OPTIONAL),
        "scope": Spec(STRINGS),
        "valid_from": Spec(DATE),
        "valid_to": Spec(DATE),
        "withdrawn": Spec(DATE),
        "revision": Spec(NUMBER),
    }
)
_POST = Schema(
    {
        "id": Spec(ID),
        "account": Spec(ID, True),
        "publish_at": Spec(TIME),
        "title": Spec(TEXT),
        "text": Spec(TEXT),
        "kind": Spec(CHOICE, POST_KINDS),
        "lang": Spec(LINE),
        "owner": Spec(OPTIONAL),
        "media": Spec(STRINGS),
        "campaign": Spec(OPTIONAL),
        "status": Spec(CHOICE, POST_STATUSES),
        "ready_by": Spec(OPTIONAL),
        "ready_at": Spec(TIME),
        "published_url": Spec(OPTIONAL),
        "scheduled_by": Spec(OPTIONAL),
        "scheduled_at": Spec(TIME),
        "published_by": Spec(OPTIONAL),
        "published_at": Spec(TIME),
        "cancelled_by": Spec(OPTIONAL),
        "cancelled_at": Spec(TIME),
        "cancel_reason": Spec(OPTIONAL),
        "taken_down": Spec(DATE),
        "taken_down_by": Spec(OPTIONAL),
        "takedown_reason": Spec(OPTIONAL),
        "copied_from": Spec(OPTIONAL),
        "approved_by": Spec(OPTIONAL),
        "approved_at": Spec(TIME),
        "edited_by": Spec(OPTIONAL),
        "edited_at": Spec(TIME),
        "modified_at": Spec(TIME),
        "revision": Spec(NUMBER),
    }
)


# Fields a document may leave out that the dataclass must be given: an account's platform, and the
# ids a caller fills in (`default_id`) when the document has none.
_GIVEN: dict[type, dict[str, Any]] = {}
_DEFAULTS: dict[type, dict[str, Any]] = {}


def _defaults(cls: type) -> dict[str, Any]:
    """The values of the fields a record's document leaves out, worked out once per class."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = {**defaults_of(cls), **_GIVEN.get(cls, {})}
    return found


@cache
def _post_defaults(default_lang: str) -> dict[str, Any]:
    return {**_defaults(Post), "lang": default_lang}


@dataclass(frozen=True)
class Hold(Entity):
    """A crisis hold: from its start until it is ended, ready and scheduled posts of its accounts
    (all of them when none is named) that are neither crisis nor announcement posts must pause."""

    id: str
    reason: str
    accounts: tuple[str, ...] = ()
    started_by: str = ""
    started_at: dt.datetime | None = None
    ended_by: str | None = None
    ended_at: dt.datetime | None = None
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: object) -> Hold:
        return read_record(cls, raw, _HOLD, _defaults(cls))

    def covers(self, account: str) -> bool:
        return not self.accounts or account in self.accounts

    def on_at(self, moment: dt.datetime) -> bool:
        """On at `moment`: started by then, and not ended before it."""
        started = self.started_at is None or self.started_at <= moment
        return started and (self.ended_at is None or moment < self.ended_at)


_HOLD = Schema(
    {
        "id": Spec(ID, True),
        "reason": Spec(TEXT, True),
        "accounts": Spec(STRINGS),
        "started_by": Spec(TEXT),
        "started_at": Spec(TIME),
        "ended_by": Spec(OPTIONAL),
        "ended_at": Spec(TIME),
        "revision": Spec(NUMBER),
    }
)

_GIVEN.update({Account: {"id": "", "platform": "other"}, Absence: {"id": ""}, Post: {"id": ""}})
