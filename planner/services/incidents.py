"""The incident log (SPEC *Harassment recorded, and kept confidential*): anyone who may write an
account's posts records what they met there, with its evidence; admins and the person who recorded
an incident see it whole and take its steps; everyone else sees only that it exists. Every answer
here passes `domain.incidents.seen_by`: no other way out of the log reads an incident's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from planner.domain.choices import INCIDENT_ACTIONS, INCIDENT_CATEGORIES, INCIDENT_TARGETS
from planner.domain.errors import DataError, Refused, unknown_ref
from planner.domain.incidents import Action, Evidence, Incident, seen_by, sees_whole
from planner.domain.model import Person
from planner.domain.roles import require_account_writer, require_admin, require_writer
from planner.domain.values import LONGEST_LINE, bounded_text, web_address
from planner.domain.workspace import Workspace
from planner.services import Note, Session, on_the_clocks
from planner.services.ids import new_id
from planner.storage import evidence as evidence_files

MOST_ITEMS = 50  # senders, links or evidence files of one incident


@dataclass(frozen=True)
class NewIncident:
    account: str
    observed: dt.datetime
    category: str
    text: str
    senders: Sequence[str] = ()
    links: Sequence[str] = ()
    target: str = "organization"
    evidence: Sequence[Path] = ()


def _list(values: Sequence[str], field: str) -> tuple[str, ...]:
    if len(values) > MOST_ITEMS:
        raise DataError("err.too_many", field=field, count=len(values), limit=MOST_ITEMS)
    return tuple(dict.fromkeys(t for t in (bounded_text(v, field, LONGEST_LINE) for v in values) if t))


def _choice(value: str, field: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise DataError("err.bad_choice", field=field, value=value, choices=", ".join(choices))
    return value


def reader(session: Session, ws: Workspace) -> Person | None:
    """Who is reading (None when nobody is named: then only what everyone may see)."""
    return ws.people.get(session.user) if session.user else None


def _incident(ws: Workspace, incident_id: str) -> Incident:
    found = ws.incidents.get(incident_id)
    if found is None:
        raise unknown_ref("incident", "incident", incident_id)
    return found


def _require_whole(person: Person | None, incident: Incident) -> None:
    """Only admins and the person who recorded the incident see it whole or take its steps."""
    if not sees_whole(person, incident):
        raise Refused("refused.incident_confidential", incident=incident.id)


def add_incident(session: Session, new: NewIncident) -> Incident:
    """Record an incident; its evidence files are read and checked first, and written into
    incidents/ only once everything else has passed."""
    _choice(new.category, "category", INCIDENT_CATEGORIES)
    _choice(new.target, "target", INCIDENT_TARGETS)
    text = bounded_text(new.text, "text", required=True)
    senders = _list(new.senders, "from")
    links = tuple(web_address(link, key="err.bad_link") for link in _list(new.links, "link"))
    if len(new.evidence) > MOST_ITEMS:
        raise DataError("err.too_many", field="evidence", count=len(new.evidence), limit=MOST_ITEMS)
    files = [(path.name, evidence_files.read_evidence(path)) for path in new.evidence]
    kept = [(evidence_files.evidence_name(name, data), name, data) for name, data in files]
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        account = ws.accounts.get(new.account)
        if account is None:
            raise DataError("err.unknown_account", value=new.account)
        require_account_writer(actor, account, "action.incident_write")
        on_the_clocks(ws, new.observed, "observed_at")
        now = session.now(ws)
        incident = Incident(
            id=new_id("i", ws.incidents),
            account=account.id,
            observed_at=new.observed,
            category=new.category,
            text=text,
            senders=senders,
            links=links,
            target=new.target,
            evidence=tuple(
                dict.fromkeys(
                    Evidence(file, digest, bounded_text(name, "evidence", LONGEST_LINE))
                    for (file, digest), name, _ in kept
                )
            ),
            recorded_by=actor.id,
            recorded_at=now,
        )
        stored = unit.put("incidents", incident, action="create")
        for (file, _), _, data in kept:
            evidence_files.keep_evidence(session.store.root, file, data)
        return stored


def _handle(sender: str) -> str:
    """A sender as compared: `@Trolli`, `trolli` and ` TROLLI ` are one person."""
    return sender.strip().removeprefix("@").casefold()


def added_notes(session: Session, ws: Workspace, incident: Incident) -> list[Note]:
    """What to say beside an incident just recorded: a time observed later than now, and the
    other incidents of its senders."""
    notes = []
    if session.later_than_now(ws, incident.observed_at):
        notes.append(Note("note.observed_later", {"at": incident.observed_at}))
    return notes + _same_sender_notes(session, ws, incident)


def _same_sender_notes(session: Session, ws: Workspace, incident: Incident) -> list[Note]:
    """The incidents, among those the reader sees whole and not yet linked to this one, that name
    one of its senders: repeated harassment is linked together, and the same sender is the usual
    sign of it. Nobody learns here of an incident they may not read."""
    person = reader(session, ws)
    senders = {_handle(sender): sender for sender in incident.senders}
    notes = []
    for other in sorted(ws.incidents.values(), key=lambda found: (found.observed_at, found.id)):
        if other.id == incident.id or other.id in incident.related or not sees_whole(person, other):
            continue
        shared = [senders[h] for h in (_handle(sender) for sender in other.senders) if h in senders]
        if shared:
            said = {
                "sender": shared[0],
                "other": other.id,
                "day": other.observed_at.date(),
                "incident": incident.id,
            }
            notes.append(Note("note.incident_same_sender", said))
    return notes


def _step(
    session: Session,
    incident_id: str,
    action: str,
    change: Callable[[Workspace, Incident, Person, dt.datetime], Incident],
) -> Incident:
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        incident = _incident(ws, incident_id)
        require_writer(actor, "action.incident_write")
        _require_whole(actor, incident)
        stored: Incident = unit.put("incidents", change(ws, incident, actor, session.now(ws)), action=action)
        return stored


def add_action(
    session: Session, incident_id: str, kind: str, at: dt.datetime | None, note: str, ref: str
) -> Incident:
    _choice(kind, "kind", INCIDENT_ACTIONS)
    note_text, ref_text = bounded_text(note, "note"), bounded_text(ref, "ref", LONGEST_LINE)

    def change(ws: Workspace, incident: Incident, actor: Person, now: dt.datetime) -> Incident:
        moment = at or now
        step = Action(kind, moment, actor.id, note_text, ref_text)
        return replace(incident, actions=(*incident.actions, step))

    return _step(session, incident_id, f"action:{kind}", change)


def close_incident(session: Session, incident_id: str) -> Incident:
    def change(ws: Workspace, incident: Incident, actor: Person, now: dt.datetime) -> Incident:
        if incident.status == "closed":
            raise Refused("refused.incident_closed", incident=incident.id)
        return replace(incident, status="closed", closed_by=actor.id, closed_at=now)

    return _step(session, incident_id, "close", change)


def link(session: Session, incident_id: str, other_id: str) -> tuple[Incident, Incident]:
    """Two incidents belong together (the same sender, a campaign against someone): each names
    the other. Only someone who sees both whole links them."""
    if incident_id == other_id:
        raise DataError("err.incident_self_link", value=incident_id)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        first, second = _incident(ws, incident_id), _incident(ws, other_id)
        require_writer(actor, "action.incident_write")
        _require_whole(actor, first)
        _require_whole(actor, second)
        if other_id in first.related and incident_id in second.related:
            return first, second
        one = unit.put(
            "incidents", replace(first, related=(*dict.fromkeys((*first.related, other_id)),)), "link"
        )
        two = unit.put(
            "incidents", replace(second, related=(*dict.fromkeys((*second.related, incident_id)),)), "link"
        )
        return one, two


def listed(session: Session, ws: Workspace) -> list[dict[str, Any]]:
    """Every incident as the reader may see it, newest first."""
    person = reader(session, ws)
    found = sorted(ws.incidents.values(), key=lambda i: (i.observed_at, i.id), reverse=True)
    return [seen_by(person, incident) for incident in found]


def shown(session: Session, ws: Workspace, incident_id: str) -> dict[str, Any]:
    """One incident whole, with whether each evidence file is still as kept (refused to anyone
    but an admin and the person who recorded it)."""
    incident = _incident(ws, incident_id)
    _require_whole(reader(session, ws), incident)
    whole = seen_by(reader(session, ws), incident)
    root = session.store.root
    whole["evidence"] = [
        {**e.to_dict(), "intact": evidence_files.intact(root, e.file, e.sha256)} for e in incident.evidence
    ]
    return whole


def for_export(session: Session, ws: Workspace) -> list[dict[str, Any]]:
    """Every incident whole, for the police or occupational safety: admins only."""
    person = reader(session, ws)
    if person is None:
        raise DataError("err.no_user")
    require_admin(person, "action.incident_export")
    return [
        shown(session, ws, incident.id)
        for incident in sorted(ws.incidents.values(), key=lambda i: (i.observed_at, i.id))
    ]
