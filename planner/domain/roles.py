"""Who may change what: the one place the app and the command line ask before any write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.domain.errors import DataError, Refused, unknown_ref
from planner.domain.model import WRITING_ROLES, Account, Person
from planner.domain.workspace import Workspace

__all__ = ["WRITING_ROLES", "identify", "require_admin", "require_duty_holder", "require_post_writer"]


def identify(ws: Workspace, user: str | None) -> Person:
    """The person behind `--user`/PLANNER_USER; a write without one is a usage error."""
    if not user:
        raise DataError("err.no_user")
    person = ws.people.get(user)
    if person is None:
        raise DataError("err.unknown_user", value=user)
    return person


def _refuse(person: Person, action: str, reason: str, **params: Any) -> Refused:
    return Refused("refused.role", user=person.id, action_key=action, why_key=reason, **params)


def require_admin(person: Person, action: str) -> None:
    if not person.has("admin"):
        raise _refuse(person, action, "refused.not_admin")


def require_post_writer(person: Person, account: Account) -> None:
    """Admins write every post; producers and experts only on accounts they are granted."""
    require_account_writer(person, account, "action.post_write")


def require_account_writer(person: Person, account: Account, action: str) -> None:
    """Someone who may write the account's posts (its feedback and incidents too): admins, and
    producers and experts granted the account."""
    if person.has("admin"):
        return
    if not any(person.has(role) for role in WRITING_ROLES):
        reason = "refused.auditor" if person.has("auditor") else "refused.no_write_role"
        raise _refuse(person, action, reason, account=account.id)
    if person.id not in account.owners + account.producers + account.deputies:
        raise _refuse(person, action, "refused.not_on_account", account=account.id)


def require_writer(person: Person, action: str) -> None:
    """Admins, producers and experts may add to the shared library; auditors only read."""
    if any(person.has(role) for role in WRITING_ROLES):
        return
    reason = "refused.auditor" if person.has("auditor") else "refused.no_write_role"
    raise _refuse(person, action, reason)


def require_duty_holder(ws: Workspace, person_id: str, duty: str, day: dt.date) -> Person:
    """A person named as owner, producer or deputy (of an account or an absence) must be known and
    may write on `day` (SPEC *Who may hold a duty*): an auditor, or someone retired by then, is
    refused naming the duty. `duty` is the field (owners, deputy, …)."""
    person = ws.people.get(person_id)
    if person is None:
        raise unknown_ref(duty, "person", person_id)
    if not person.writes:
        raise DataError("err.duty_reader", field=duty, person=person_id)
    if person.is_retired_on(day):
        raise DataError("err.duty_retired", field=duty, person=person_id, day=person.retired)
    return person
