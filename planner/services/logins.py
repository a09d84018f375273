"""Sign-in passwords for `planner serve`: set and removed by admins (or a person for themself),
hashed with scrypt (memory-hard, in the standard library), checked in constant time. The hashes
live in their own file outside the workspace (storage/logins.py), never in the audit log."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.domain.errors import DataError, Refused
from planner.domain.model import Person
from planner.domain.roles import require_admin
from planner.domain.workspace import Workspace
from planner.services import Session
from planner.storage import logins as store

# scrypt's cost: 16 MiB of memory and about 50 ms a guess on a laptop (OWASP's minimum is N=2**17
# with r=8 for 128 MiB; this serves a team's server with a few sign-ins a day, and the cost is in
# each record, so it can be raised without anyone setting a new password).
N, R, P = 2**14, 8, 1
MIN_LENGTH = 10


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=N, r=R, p=P, maxmem=64 * 1024 * 1024, dklen=32
    )
    return {"algorithm": "scrypt", "n": N, "r": R, "p": P, "salt": _b64(salt), "hash": _b64(digest)}


def matches(record: dict[str, Any], password: str) -> bool:
    """The password is the one the record was made from (constant time; a bad record never is)."""
    try:
        salt = base64.b64decode(record["salt"])
        expected = base64.b64decode(record["hash"])
        digest = hashlib.scrypt(
            password.encode("utf-8", "surrogatepass"),
            salt=salt,
            n=int(record["n"]),
            r=int(record["r"]),
            p=int(record["p"]),
            maxmem=256 * 1024 * 1024,
            dklen=len(expected),
        )
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(digest, expected)


def _person(ws: Workspace, person_id: str) -> Person:
    person = ws.people.get(person_id)
    if person is None:
        raise DataError("err.unknown_person", value=person_id)
    return person


def set_login(session: Session, person_id: str, password: str, path: Path | None = None) -> None:
    """An admin sets anyone's password; anyone else only their own. Someone who left gets none."""
    ws = session.load()
    actor = session.actor(ws)
    person = _person(ws, person_id)
    if actor.id != person.id:
        require_admin(actor, "action.login")
    if person.retired is not None and person.is_retired_on(session.now(ws).date()):
        raise Refused("refused.login_retired", user=person.id)
    if len(password) < MIN_LENGTH:
        raise DataError("err.password_short", count=MIN_LENGTH)
    if password.strip() != password or any(ch in password for ch in "\r\n"):
        raise DataError("err.password_spaces")
    target = path or store.logins_path()
    hashed = hash_password(password)  # the slow part, before the file is locked

    def set_hash(logins: dict[str, dict[str, Any]]) -> bool:
        logins[person.id] = hashed
        return True

    store.update_logins(target, set_hash)
    store.log_event(target, "password-set", person.id, detail=f"by {actor.id}")


def remove_login(session: Session, person_id: str, path: Path | None = None) -> bool:
    """Admins only; True when there was one to remove."""
    ws = session.load()
    actor = session.actor(ws)
    require_admin(actor, "action.login")
    target = path or store.logins_path()
    if not store.update_logins(target, lambda logins: logins.pop(person_id, None) is not None):
        return False
    store.log_event(target, "password-removed", person_id, detail=f"by {actor.id}")
    return True


@dataclass(frozen=True)
class SignIn:
    person: Person | None  # None: refused
    reason: str = ""  # why not: unknown, wrong, retired, no-password


def check_sign_in(
    ws: Workspace, logins: dict[str, dict[str, Any]], user: str, password: str, today: dt.date
) -> SignIn:
    """Who signs in with this password; a wrong one, an unknown person and a person without a
    password cost the same scrypt (nothing tells them apart from outside)."""
    person = ws.people.get(user)
    record = logins.get(user) if person is not None else None
    if record is None:
        matches(DUMMY, password)
        return SignIn(None, "unknown" if person is None else "no-password")
    if not matches(record, password):
        return SignIn(None, "wrong")
    if person is not None and person.is_retired_on(today):
        return SignIn(None, "retired")
    return SignIn(person)


DUMMY = hash_password(secrets.token_hex(16))  # compared against when there is no record
