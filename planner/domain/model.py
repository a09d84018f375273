"""The entities of SPEC *Domain* as frozen dataclasses, read from and written to plain dicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from planner.domain import choices, plain
from planner.domain.errors import DataError
from planner.domain.fields import Fields, format_time
from planner.domain.plain import made, plain_record

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

    @classmethod
    def from_dict(cls, raw: object) -> Organization:
        f = Fields(raw)
        return cls(
            name=f.text("name"),
            website=f.text("website").strip(),
            required_hashtags=f.strings("required_hashtags"),
            timezone=f.text("timezone", "Europe/Helsinki"),
            holiday_country=f.text("holiday_country", "FI"),
            languages=f.strings("languages") or ("fi",),
            cadence_per_week=f.number("cadence_per_week", 1) or 0,
        )

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
        f = Fields(raw)
        roles = f.strings("roles")
        for role in roles:
            if role not in ROLES:
                raise DataError("err.bad_choice", field="roles", value=role, choices=", ".join(ROLES))
        return cls(
            id=f.identifier("id"),
            name=f.text("name"),
            email=f.text("email").strip(),
            roles=tuple(dict.fromkeys(roles)),
            retired=f.date("retired"),
            revision=f.number("revision", 0) or 0,
        )

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
        f = Fields(raw)
        return cls(
            id=f.identifier("id", required=False) or default_id,
            platform=f.choice("platform", PLATFORMS, "other"),
            name=f.text("name"),
            url=f.text("url").strip(),
            unit=f.text("unit"),
            status=f.choice("status", ACCOUNT_STATUSES, "active"),
            starts=f.date("starts"),
            ends=f.date("ends"),
            login_email=f.text("login_email").strip(),
            admins=f.strings("admins"),
            owners=f.strings("owners"),
            producers=f.strings("producers"),
            deputies=f.strings("deputies"),
            cadence_per_week=f.number("cadence_per_week"),
            required_hashtags=f.strings("required_hashtags"),
            listed_on_website=f.flag("listed_on_website"),
            links_to_website=f.flag("links_to_website"),
            two_factor=f.flag("two_factor"),
            password_changed=f.date("password_changed"),
            purpose=f.text("purpose"),
            decided_by=f.text("decided_by"),
            decided_on=f.date("decided_on"),
            told_on=f.date("told_on"),
            review=f.flag("review"),
            revision=f.number("revision", 0) or 0,
        )

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
        f = Fields(raw)
        start, end = f.date("from", required=True), f.date("to", required=True)
        assert start is not None and end is not None
        if end < start:
            raise DataError("err.range_reversed", start=start, end=end)
        return cls(
            id=f.identifier("id", required=False) or default_id,
            person=f.identifier("person"),
            start=start,
            end=end,
            kind=f.choice("kind", ABSENCE_KINDS, "vacation"),
            deputy=f.optional_text("deputy"),
            revision=f.number("revision", 0) or 0,
        )

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
        f = Fields(raw)
        return cls(
            id=f.identifier("id"),
            name=f.text("name"),
            start=f.date("from"),
            end=f.date("to"),
            hashtags=f.strings("hashtags"),
            revision=f.number("revision", 0) or 0,
        )


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
        quick = plain_record(raw, _ASSET_SHAPE)  # a lone text for a map takes the full path
        if quick is not None:
            if "kind" not in quick:
                quick["kind"] = _guessed_kind(quick["file"])
            return made(cls, quick, _ASSET_DEFAULTS)
        return cls.from_fields(raw, default_lang)

    @classmethod
    def from_fields(cls, raw: object, default_lang: str = "fi") -> Asset:
        """Any document, every field read through `Fields`: what the short path is held to."""
        f = Fields(raw)
        location = f.raw.get("location")
        file = f.text("file", required=True)
        return cls(
            id=f.identifier("id"),
            file=file,
            kind=f.choice("kind", ASSET_KINDS, _guessed_kind(file)),
            alt=f.text_map("alt", default_lang),
            subtitles=f.text_map("subtitles", default_lang),
            people=f.choice("people", PEOPLE_SHOWN, "unknown"),
            consents=f.strings("consents"),
            rights=f.choice("rights", RIGHTS, "unknown"),
            rights_expire=f.date("rights_expire"),
            attribution=f.text("attribution"),
            width=f.number("width"),
            height=f.number("height"),
            format=f.optional_text("format"),
            location=location if isinstance(location, bool) else None,
            revision=f.number("revision", 0) or 0,
        )


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
        quick = plain_record(raw, _CONSENT_SHAPE)
        if quick is not None:
            return made(cls, quick, _CONSENT_DEFAULTS)
        return cls.from_fields(raw)

    @classmethod
    def from_fields(cls, raw: object) -> Consent:
        """Any document, every field read through `Fields`: what the short path is held to."""
        f = Fields(raw)
        return cls(
            id=f.identifier("id"),
            subject=f.text("subject"),
            minor=f.flag("minor"),
            guardian=f.optional_text("guardian"),
            written=f.flag("written"),
            evidence=f.optional_text("evidence"),
            scope=f.strings("scope"),
            valid_from=f.date("valid_from"),
            valid_to=f.date("valid_to"),
            withdrawn=f.date("withdrawn"),
            revision=f.number("revision", 0) or 0,
        )


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
        quick = plain_record(raw, _POST_SHAPE)
        if quick is not None:
            return made(cls, quick, _post_defaults(default_lang))
        return cls.from_fields(raw, default_id, default_lang)

    @classmethod
    def from_fields(cls, raw: object, default_id: str = "", default_lang: str = "fi") -> Post:
        """Any document, every field read through `Fields`: what the short path is held to."""
        f = Fields(raw)
        return cls(
            id=f.identifier("id", required=False) or default_id,
            account=f.identifier("account"),
            publish_at=f.time("publish_at"),
            title=f.text("title"),
            text=f.text("text"),
            kind=f.choice("kind", POST_KINDS, "other"),
            lang=f.text("lang", default_lang).strip(),
            owner=f.optional_text("owner"),
            media=f.strings("media"),
            campaign=f.optional_text("campaign"),
            status=f.choice("status", POST_STATUSES, "draft"),
            ready_by=f.optional_text("ready_by"),
            ready_at=f.time("ready_at"),
            published_url=f.optional_text("published_url"),
            scheduled_by=f.optional_text("scheduled_by"),
            scheduled_at=f.time("scheduled_at"),
            published_by=f.optional_text("published_by"),
            published_at=f.time("published_at"),
            cancelled_by=f.optional_text("cancelled_by"),
            cancelled_at=f.time("cancelled_at"),
            cancel_reason=f.optional_text("cancel_reason"),
            taken_down=f.date("taken_down"),
            taken_down_by=f.optional_text("taken_down_by"),
            takedown_reason=f.optional_text("takedown_reason"),
            copied_from=f.optional_text("copied_from"),
            approved_by=f.optional_text("approved_by"),
            approved_at=f.time("approved_at"),
            edited_by=f.optional_text("edited_by"),
            edited_at=f.time("edited_at"),
            modified_at=f.time("modified_at"),
            revision=f.number("revision", 0) or 0,
        )

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


# The records' shapes for the short path of reading (planner.domain.plain): the same fields,
# read the same way, as their `from_dict` reads them through `Fields`.
_ASSET_SHAPE = plain.Shape(
    (
        ("id", plain.ID, None),
        ("file", plain.TEXT, True),
        ("kind", plain.CHOICE, ASSET_KINDS),
        ("alt", plain.MAP, None),
        ("subtitles", plain.MAP, None),
        ("people", plain.CHOICE, PEOPLE_SHOWN),
        ("consents", plain.STRINGS, None),
        ("rights", plain.CHOICE, RIGHTS),
        ("rights_expire", plain.DATE, None),
        ("attribution", plain.TEXT, False),
        ("width", plain.NUMBER, None),
        ("height", plain.NUMBER, None),
        ("format", plain.OPTIONAL, None),
        ("location", plain.BOOLEAN, None),
        ("revision", plain.NUMBER, None),
    )
)
_ASSET_DEFAULTS = plain.defaults_of(Asset)

_CONSENT_SHAPE = plain.Shape(
    (
        ("id", plain.ID, None),
        ("subject", plain.TEXT, False),
        ("minor", plain.FLAG, None),
        ("guardian", plain.OPTIONAL, None),
        ("written", plain.FLAG, None),
        ("evidence", plain.OPTIONAL, None),
        ("scope", plain.STRINGS, None),
        ("valid_from", plain.DATE, None),
        ("valid_to", plain.DATE, None),
        ("withdrawn", plain.DATE, None),
        ("revision", plain.NUMBER, None),
    )
)
_CONSENT_DEFAULTS = plain.defaults_of(Consent)

_POST_SHAPE = plain.Shape(
    (
        ("id", plain.ID, None),
        ("account", plain.ID, None),
        ("publish_at", plain.TIME, None),
        ("title", plain.TEXT, False),
        ("text", plain.TEXT, False),
        ("kind", plain.CHOICE, POST_KINDS),
        ("lang", plain.LINE, None),
        ("owner", plain.OPTIONAL, None),
        ("media", plain.STRINGS, None),
        ("campaign", plain.OPTIONAL, None),
        ("status", plain.CHOICE, POST_STATUSES),
        ("ready_by", plain.OPTIONAL, None),
        ("ready_at", plain.TIME, None),
        ("published_url", plain.OPTIONAL, None),
        ("scheduled_by", plain.OPTIONAL, None),
        ("scheduled_at", plain.TIME, None),
        ("published_by", plain.OPTIONAL, None),
        ("published_at", plain.TIME, None),
        ("cancelled_by", plain.OPTIONAL, None),
        ("cancelled_at", plain.TIME, None),
        ("cancel_reason", plain.OPTIONAL, None),
        ("taken_down", plain.DATE, None),
        ("taken_down_by", plain.OPTIONAL, None),
        ("takedown_reason", plain.OPTIONAL, None),
        ("copied_from", plain.OPTIONAL, None),
        ("approved_by", plain.OPTIONAL, None),
        ("approved_at", plain.TIME, None),
        ("edited_by", plain.OPTIONAL, None),
        ("edited_at", plain.TIME, None),
        ("modified_at", plain.TIME, None),
        ("revision", plain.NUMBER, None),
    )
)


@cache
def _post_defaults(default_lang: str) -> dict[str, Any]:
    return {**plain.defaults_of(Post), "lang": default_lang}


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
        f = Fields(raw)
        return cls(
            id=f.identifier("id"),
            reason=f.text("reason", required=True),
            accounts=f.strings("accounts"),
            started_by=f.text("started_by"),
            started_at=f.time("started_at"),
            ended_by=f.optional_text("ended_by"),
            ended_at=f.time("ended_at"),
            revision=f.number("revision", 0) or 0,
        )

    def covers(self, account: str) -> bool:
        return not self.accounts or account in self.accounts

    def on_at(self, moment: dt.datetime) -> bool:
        """On at `moment`: started by then, and not ended before it."""
        started = self.started_at is None or self.started_at <= moment
        return started and (self.ended_at is None or moment < self.ended_at)
