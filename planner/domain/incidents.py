"""Harassment recorded (SPEC *Harassment recorded, and kept confidential*): the incident, its
actions and evidence, and who sees what of it. Pure: the evidence files are checked by storage.

Confidential by construction: everything but an incident's `PUBLIC_FIELDS` is its content, and
`seen_by` is the one door every output passes (the command line, the app, the server, the audit
log's own stand-in `for_log`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from planner.domain import choices
from planner.domain.errors import DataError
from planner.domain.fields import (
    CHOICE,
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
from planner.domain.model import Entity, Person

PUBLIC_FIELDS = ("id", "account", "category", "observed_at", "status")


@dataclass(frozen=True)
class Action(Entity):
    """One thing done about an incident: told the supervisor, reported to the police, …"""

    kind: str
    at: dt.datetime
    by: str
    note: str = ""
    ref: str = ""  # the police report's number, the platform's case

    @classmethod
    def from_dict(cls, raw: object) -> Action:
        return read_record(cls, raw, _ACTION, _ACTION_DEFAULTS)


@dataclass(frozen=True)
class Evidence(Entity):
    """A file kept in the workspace's incidents/ folder, named by its SHA-256."""

    file: str
    sha256: str
    name: str = ""  # the file's name as it was given (the screenshot's)

    @classmethod
    def from_dict(cls, raw: object) -> Evidence:
        found = read_record(cls, raw, _EVIDENCE, _EVIDENCE_DEFAULTS)
        digest = found.sha256
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise DataError("err.bad_type", field="sha256", expected_key="type.sha256")
        if "/" in found.file or "\\" in found.file or found.file.startswith("."):
            raise DataError("err.path_outside", field="evidence", value=found.file)
        return found


@dataclass(frozen=True)
class Incident(Entity):
    id: str
    account: str
    observed_at: dt.datetime
    category: str
    text: str
    senders: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    target: str = "organization"
    evidence: tuple[Evidence, ...] = ()
    actions: tuple[Action, ...] = ()
    related: tuple[str, ...] = ()
    status: str = "open"
    recorded_by: str = ""
    recorded_at: dt.datetime | None = None
    closed_by: str | None = None
    closed_at: dt.datetime | None = None
    revision: int = 0  # bumped by every save; a save from an older revision is a conflict

    _renamed = {"senders": "from"}

    @classmethod
    def from_dict(cls, raw: object) -> Incident:
        found = read_record(cls, raw, _INCIDENT, _INCIDENT_DEFAULTS)
        if not isinstance(raw, Mapping):
            return found
        evidence = raw.get("evidence") or []
        actions = raw.get("actions") or []
        if not isinstance(evidence, list) or not isinstance(actions, list):
            raise DataError(
                "err.bad_type",
                field="evidence" if not isinstance(evidence, list) else "actions",
                expected_key="type.list",
            )
        return dataclasses.replace(
            found,
            evidence=tuple(Evidence.from_dict(e) for e in evidence),
            actions=tuple(Action.from_dict(a) for a in actions),
        )


_ACTION = Schema(
    {
        "kind": Spec(CHOICE, choices.INCIDENT_ACTIONS),
        "at": Spec(TIME, True),
        "by": Spec(ID, True),
        "note": Spec(TEXT),
        "ref": Spec(TEXT),
    }
)
_ACTION_DEFAULTS = {**defaults_of(Action), "kind": "other"}
_EVIDENCE = Schema({"file": Spec(TEXT, True), "sha256": Spec(TEXT, True), "name": Spec(TEXT)})
_EVIDENCE_DEFAULTS = defaults_of(Evidence)
_INCIDENT = Schema(
    {
        "id": Spec(ID, True),
        "account": Spec(ID, True),
        "observed_at": Spec(TIME, True),
        "category": Spec(CHOICE, choices.INCIDENT_CATEGORIES),
        "text": Spec(TEXT, True),
        "from": Spec(STRINGS, None, "senders"),
        "links": Spec(STRINGS),
        "target": Spec(CHOICE, choices.INCIDENT_TARGETS),
        "related": Spec(STRINGS),
        "status": Spec(CHOICE, choices.INCIDENT_STATUSES),
        "recorded_by": Spec(TEXT),
        "recorded_at": Spec(TIME),
        "closed_by": Spec(OPTIONAL),
        "closed_at": Spec(TIME),
        "revision": Spec(NUMBER),
    }
)
_INCIDENT_DEFAULTS = {**defaults_of(Incident), "category": "other"}


def sees_whole(person: Person | None, incident: Incident) -> bool:
    """Admins see every incident whole; the person who recorded one sees it whole; nobody else."""
    return person is not None and (person.has("admin") or incident.recorded_by == person.id)


def public_part(incident: Incident) -> dict[str, Any]:
    """What everyone may see of an incident: that it exists, where, of what kind, when, and
    whether it is still open. No text, sender, link, note or evidence."""
    whole = incident.to_dict()
    return {name: whole[name] for name in PUBLIC_FIELDS}


def seen_by(person: Person | None, incident: Incident) -> dict[str, Any]:
    """The incident as `person` may see it: whole, or its public part."""
    return incident.to_dict() if sees_whole(person, incident) else public_part(incident)


def record_digest(doc: Mapping[str, Any]) -> str:
    """The SHA-256 of a record's document: what the audit log keeps of an incident instead of
    its words (the same record always gives the same digest)."""
    data = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def for_log(doc: Mapping[str, Any]) -> dict[str, Any]:
    """An incident as the audit log keeps it: its public part and the record's SHA-256."""
    return {**{name: doc.get(name) for name in PUBLIC_FIELDS}, "sha256": record_digest(doc)}
