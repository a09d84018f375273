"""The organization itself: its name, website, required hashtags, cadence and languages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.domain.choices import REPLY_DAYS
from planner.domain.errors import DataError
from planner.domain.fields import nfc
from planner.domain.model import Organization
from planner.domain.roles import require_admin
from planner.domain.values import MOST_REPLY_DAYS, email, hashtag, hashtags, web_address
from planner.services import Session
from planner.storage.workspace import WorkspaceStore

__all__ = ["OrganizationChange", "changed", "first_organization", "hashtag", "set_organization"]

LANGUAGE_CODES = ("fi", "sv", "en", "se", "smn", "sms", "ru", "et", "so", "ar", "uk")


@dataclass(frozen=True)
class OrganizationChange:
    """Fields to change; None leaves a field as it is (lists replace the stored list)."""

    name: str | None = None
    website: str | None = None
    hashtags: tuple[str, ...] | None = None
    cadence: int | None = None
    languages: tuple[str, ...] | None = None
    reply_within: int | None = None  # feedback answered within so many days
    reply_days: str | None = None  # working or calendar days
    smtp: str | None = None  # host:port ("" clears it)
    mail_from: str | None = None


def changed(organization: Organization, change: OrganizationChange) -> Organization:
    """`organization` with `change` applied and checked (the pure part, for a new or a stored one)."""
    found = organization
    if change.name is not None:
        if not change.name.strip():
            raise DataError("err.missing_field", field="name")
        found = replace(found, name=nfc(change.name).strip())
    if change.website is not None:
        found = replace(found, website=web_address(change.website, required=True))
    if change.hashtags is not None:
        found = replace(found, required_hashtags=hashtags(change.hashtags))
    if change.cadence is not None:
        if change.cadence < 0 or change.cadence > 50:
            raise DataError("err.bad_cadence", value=change.cadence)
        found = replace(found, cadence_per_week=change.cadence)
    if change.languages is not None:
        languages = tuple(dict.fromkeys(code.strip().casefold() for code in change.languages if code.strip()))
        if not languages or any(code not in LANGUAGE_CODES for code in languages):
            raise DataError(
                "err.bad_languages", value=",".join(change.languages), known=", ".join(LANGUAGE_CODES)
            )
        found = replace(found, languages=languages)
    if change.reply_within is not None:
        if not 0 <= change.reply_within <= MOST_REPLY_DAYS:
            raise DataError("err.bad_reply_within", value=change.reply_within)
        found = replace(found, reply_within=change.reply_within)
    if change.reply_days is not None:
        if change.reply_days not in REPLY_DAYS:
            raise DataError(
                "err.bad_choice", field="reply_days", value=change.reply_days, choices=", ".join(REPLY_DAYS)
            )
        found = replace(found, reply_days=change.reply_days)
    if change.smtp is not None:
        found = replace(found, smtp=smtp_address(change.smtp) or None)
    if change.mail_from is not None:
        found = replace(found, mail_from=email(change.mail_from))
    return found


def smtp_address(value: str) -> str:
    """`host:port` of a mail server (`host` alone is port 25), or "" for none."""
    text = value.strip()
    if not text:
        return ""
    host, _, port = text.rpartition(":") if ":" in text else (text, "", "25")
    if (
        not host
        or any(c.isspace() or c in "/@" for c in host)
        or not port.isdigit()
        or not 0 < int(port) < 65536
    ):
        raise DataError("err.bad_smtp", value=value)
    return f"{host}:{int(port)}"


def first_organization(store: WorkspaceStore, change: OrganizationChange) -> Organization:
    """The organization of a workspace just made (`init --name`): nobody is in it yet to ask."""
    with store.transaction("init", lambda ws: "") as unit:
        if unit.base.people:
            raise DataError("err.workspace_exists", path=str(store.root))
        organization = changed(unit.base.organization, change)
        unit.set_organization(organization)
    return organization


def set_organization(session: Session, change: OrganizationChange) -> Organization:
    """Change the organization (admins; into a workspace with nobody yet, as `init --name`, anyone
    setting it up)."""
    with session.store.transaction(session.user or "setup", session.stamp) as unit:
        if unit.base.people or session.store.has_had_people():
            require_admin(session.actor(unit.base), "action.org_write")
        organization = changed(unit.base.organization, change)
        if organization != unit.base.organization:
            unit.set_organization(organization)
    return organization
