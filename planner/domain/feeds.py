"""Calendar subscriptions (SPEC *Reaching the team where it already is*): a person's secret feed
address. The token is a long random secret shown once; the record keeps only its SHA-256, so
neither the workspace's files nor the audit log can give a feed away."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from planner.domain.fields import (
    DATE,
    ID,
    NUMBER,
    OPTIONAL,
    STRINGS,
    TEXT,
    TIME,
    Schema,
    Spec,
    defaults_of,
    read_record,
)
from planner.domain.model import Entity

TOKEN_FORM = re.compile(r"[A-Za-z0-9_-]{32,128}")  # what `secrets.token_urlsafe(32)` hands out
BACK, AHEAD = dt.timedelta(days=30), dt.timedelta(days=180)  # the posts a feed carries around today


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@dataclass(frozen=True)
class Feed(Entity):
    id: str
    person: str
    token_sha256: str
    accounts: tuple[str, ...] = ()  # none: the person's accounts, as they are when it is read
    created_by: str = ""
    created_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    revoked_by: str | None = None
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: object) -> Feed:
        return read_record(cls, raw, _FEED, _DEFAULTS)

    @property
    def live(self) -> bool:
        return self.revoked_at is None


_FEED = Schema(
    {
        "id": Spec(ID, True),
        "person": Spec(ID, True),
        "token_sha256": Spec(TEXT, True),
        "accounts": Spec(STRINGS),
        "created_by": Spec(TEXT),
        "created_at": Spec(TIME),
        "revoked_at": Spec(TIME),
        "revoked_by": Spec(OPTIONAL),
        "revision": Spec(NUMBER),
    }
)
_DEFAULTS = defaults_of(Feed)


@dataclass(frozen=True)
class Mailing(Entity):
    """The last digest mailed to a person: a second `digest --send` on the same day (a rerun after
    a failure, a cron line and a timer both) does not mail them again."""

    id: str  # the person's id
    day: dt.date
    sent_at: dt.datetime
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: object) -> Mailing:
        return read_record(cls, raw, _MAILING, _MAILING_DEFAULTS)


_MAILING = Schema(
    {"id": Spec(ID, True), "day": Spec(DATE, True), "sent_at": Spec(TIME, True), "revision": Spec(NUMBER)}
)
_MAILING_DEFAULTS = defaults_of(Mailing)
