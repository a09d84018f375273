"""People, absences and deputies: what admins change (and everyone may read), app and command line alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from planner.domain.absence_rows import AbsenceRow, parse_rows
from planner.domain.calendar import add_months, mondays, widen_to_weeks
from planner.domain.errors import DataError, Refused, known
from planner.domain.fields import fold, nfc, parse_date
from planner.domain.model import ABSENCE_KINDS, Absence, Account, Person, Post
from planner.domain.roles import require_admin, require_duty_holder
from planner.domain.team import (
    NOTHING_LEFT,
    Candidate,
    GapReport,
    Leftovers,
    WeekCell,
    away_days,
    coverage_report,
    deputy_candidates,
    leftovers,
    week_cells,
)
from planner.domain.values import stored_email
from planner.domain.workspace import Workspace
from planner.services import Note, Session, public_holidays
from planner.services.ids import new_id
from planner.storage.sheets import read_rows
from planner.storage.transaction import Unit

COVERAGE_MONTHS = 6


# People -----------------------------------------------------------------------------------------


def _admin(session: Session, unit: Unit, action: str) -> Person:
    actor = session.actor(unit.base)
    require_admin(actor, action)
    return actor


def checked_person(ws: Workspace, person: Person, emails: Mapping[str, str] | None = None) -> Person:
    """The person, when their name is given and their e-mail is one and nobody else's; `emails`
    (each id by its e-mail, folded) when the caller keeps it, as an import of a list does."""
    if not person.name.strip():
        raise DataError("err.missing_field", field="name")
    stored_email(person.email)
    if emails is None:
        emails = {fold(p.email): p.id for p in ws.people.values() if p.email}
    holder = emails.get(fold(person.email)) if person.email else None
    if holder is not None and holder != person.id:
        raise DataError("err.email_taken", value=person.email, person=holder)
    return person


def new_person(pid: str, name: str, email: str, roles: tuple[str, ...], retired: dt.date | None) -> Person:
    raw = {"id": pid, "name": name, "email": email, "roles": list(roles), "retired": None}
    return replace(Person.from_dict(raw), retired=retired)


def add_person(session: Session, pid: str, name: str, email: str, roles: tuple[str, ...]) -> Person:
    """A new person; into a workspace with nobody yet, the first one (an admin) needs no identity."""
    with session.store.transaction(session.user or pid, session.stamp) as unit:
        ws = unit.base
        if ws.people or session.store.has_had_people():
            _admin(session, unit, "action.team_write")
        elif "admin" not in roles:
            raise Refused("refused.first_admin")
        person = checked_person(ws, new_person(pid, nfc(name).strip(), email.strip(), roles, None))
        if person.id in ws.people:
            raise DataError("err.duplicate_id", value=person.id)
        person = unit.put("people", person)
    return person


def edit_person(
    session: Session,
    pid: str,
    name: str | None = None,
    email: str | None = None,
    roles: tuple[str, ...] | None = None,
    revision: int | None = None,
) -> Person:
    """Change a person; `revision` is the one the change was made on (a newer one: conflict)."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = _admin(session, unit, "action.team_write")
        old = _known_person(ws, pid)
        unit.expect("people", pid, revision)
        fresh = new_person(
            pid,
            nfc(name).strip() if name is not None else old.name,
            email.strip() if email is not None else old.email,
            roles if roles is not None else old.roles,
            old.retired,
        )
        person = replace(checked_person(ws, fresh), revision=old.revision)
        if actor.id == pid and "admin" not in person.roles:
            raise Refused("refused.own_admin")
        if person != old:
            person = unit.put("people", person)
    return person


def _known_person(ws: Workspace, pid: str, field: str = "person") -> Person:
    return known(ws.people, pid, "person", field)


@dataclass(frozen=True)
class Retirement:
    person: Person
    left: Leftovers  # what still needs someone (empty when a successor took it all)
    handed: Leftovers  # what the successor took over


def _swap(people: tuple[str, ...], old: str, new: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(new if p == old and new else p for p in people if p != old or new))


def retire_person(session: Session, pid: str, day: dt.date, successor: str | None = None) -> Retirement:
    """Mark a person retired from `day`. With a successor, their account roles, their open posts from
    that day on, the absences they were to cover and the open feedback they were to answer pass to
    the successor (one audit entry each); without one, everything is listed so nothing is silently
    orphaned (and `check` flags it)."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = _admin(session, unit, "action.team_write")
        person = _known_person(ws, pid)
        if actor.id == pid:
            raise Refused("refused.retire_self")
        heir = _known_person(ws, successor, "successor") if successor else None
        if heir is not None and heir.id == pid:
            raise DataError("err.bad_successor", person=heir.id)
        if heir is not None:  # the successor takes over duties: one who may hold them
            require_duty_holder(ws, heir.id, "successor", day)
        left = leftovers(ws, pid, day)
        unit.put("people", replace(person, retired=day), action="retire")
        if heir is None:
            return Retirement(unit.ws.people[pid], left, NOTHING_LEFT)
        for account_id, _ in left.roles:
            account = ws.accounts[account_id]
            new = heir.id
            swapped = replace(
                account,
                admins=_swap(account.admins, pid, new),
                owners=_swap(account.owners, pid, new),
                producers=_swap(account.producers, pid, new),
                deputies=_swap(account.deputies, pid, new),
            )
            unit.put("accounts", swapped, action="reassign")
        for post in left.posts:
            unit.put("posts", replace(post, owner=heir.id), action="reassign")
        for absence in left.deputy_for:
            unit.put(
                "absences",
                replace(absence, deputy=heir.id if absence.person != heir.id else None),
                action="reassign",
            )
        for item in left.feedback:
            unit.put("feedback", replace(item, assignee=heir.id), action="reassign")
    return Retirement(unit.ws.people[pid], NOTHING_LEFT, left)


# Absences ---------------------------------------------------------------------------------------


def _deputy_notes(ws: Workspace, absence: Absence) -> list[Note]:
    """Warnings for a chosen deputy: away part of the time, or without access to the accounts."""
    if not absence.deputy:
        return []
    notes = []
    candidate = next((c for c in deputy_candidates(ws, absence) if c.person == absence.deputy), None)
    away = away_days(ws, absence.deputy, absence.start, absence.end)
    if away:
        notes.append(
            Note(
                "note.deputy_away",
                {
                    "deputy": absence.deputy,
                    "days": len(away),
                    "first": away[0],
                    "last": away[-1],
                },
            )
        )
    if candidate is None or not candidate.shared:
        notes.append(Note("note.deputy_no_access", {"deputy": absence.deputy, "person": absence.person}))
    return notes


def _new_absence(ws: Workspace, taken: Mapping[str, Absence], row: AbsenceRow) -> Absence:
    if row.kind not in ABSENCE_KINDS:
        raise DataError("err.bad_choice", field="kind", value=row.kind, choices=", ".join(ABSENCE_KINDS))
    _known_person(ws, row.person)
    if row.deputy is not None:
        require_duty_holder(ws, row.deputy, "deputy", row.start)
        if row.deputy == row.person:
            raise DataError("err.self_deputy", person=row.person)
    if row.end < row.start:
        raise DataError("err.range_reversed", start=row.start, end=row.end)
    return Absence(new_id("a", taken), row.person, row.start, row.end, row.kind, row.deputy)


def add_absence(
    session: Session,
    person: str,
    start: dt.date,
    end: dt.date,
    kind: str = "vacation",
    deputy: str | None = None,
) -> tuple[Absence, list[Note]]:
    first, last = parse_date(start, "from"), parse_date(end, "to")  # within the years a plan may name
    with session.store.transaction(session.user or "", session.stamp) as unit:
        _admin(session, unit, "action.absence_write")
        absence = _new_absence(
            unit.base, unit.maps["absences"], AbsenceRow(0, person, first, last, kind, deputy or None)
        )
        absence = unit.put("absences", absence)
        notes = _deputy_notes(unit.ws, absence)
    return absence, notes


def _same(a: Absence, row: AbsenceRow) -> bool:
    return (a.person, a.start, a.end, a.kind) == (row.person, row.start, row.end, row.kind)


def import_absences(session: Session, path: Path) -> tuple[list[Absence], int]:
    """Every row of an HR list (a workbook or a CSV), or none: the new absences and how many were
    already there."""
    sheet = read_rows(path)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        _admin(session, unit, "action.absence_write")
        rows = parse_rows(sheet, unit.base, path.name, session.now(unit.base).date())
        added: list[Absence] = []
        known = 0
        for row in rows:
            if any(_same(a, row) for a in unit.maps["absences"].values()):
                known += 1
                continue
            absence = _new_absence(unit.base, unit.maps["absences"], row)
            unit.put("absences", absence, action="import")
            added.append(absence)
    return added, known


def remove_absence(session: Session, absence_id: str) -> Absence:
    with session.store.transaction(session.user or "", session.stamp) as unit:
        _admin(session, unit, "action.absence_write")
        absence = _known_absence(unit.base, absence_id)
        unit.remove("absences", absence_id)
    return absence


def _known_absence(ws: Workspace, absence_id: str) -> Absence:
    return known(ws.absences, absence_id, "absence", "absence")


# Deputies ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    absence: Absence
    notes: list[Note]
    handed: list[Post]


def handover_posts(ws: Workspace, absence: Absence) -> list[Post]:
    """The absent person's open posts whose publish date falls in the absence."""
    return [
        p
        for p in ws.posts_view.between(absence.start, absence.end).sorted()
        if p.owner == absence.person and p.status in ("draft", "ready", "scheduled")
    ]


def assign_deputy(
    session: Session, absence_id: str, deputy: str | None, handover: bool = False
) -> Assignment:
    """Name (or clear, with None) the deputy of an absence; optionally hand the absent person's posts
    in that period to the deputy, one audit entry per post."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        _admin(session, unit, "action.deputy_assign")
        ws = unit.base
        absence = _known_absence(ws, absence_id)
        if deputy is not None:
            require_duty_holder(ws, deputy, "deputy", absence.start)
            if deputy == absence.person:
                raise DataError("err.self_deputy", person=deputy)
        if handover and deputy is None:
            raise DataError("err.handover_nobody")
        changed = replace(absence, deputy=deputy)
        if changed != absence:
            changed = unit.put("absences", changed, action="deputy")
        handed = []
        for post in handover_posts(ws, absence) if handover and deputy else []:
            handed.append(unit.put("posts", replace(post, owner=deputy), action="handover"))
        notes = _deputy_notes(unit.ws, changed)
    return Assignment(changed, notes, handed)


def candidates(ws: Workspace, absence_id: str) -> list[Candidate]:
    return deputy_candidates(ws, _known_absence(ws, absence_id))


# Coverage ---------------------------------------------------------------------------------------


def coverage_range(start: dt.date | None, end: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """Whole ISO weeks; by default from this week on for six months."""
    first = start or (min(today, end) if end else today)
    last = end or add_months(first, COVERAGE_MONTHS)
    if last < first:
        raise DataError("err.range_reversed", start=first, end=last)
    return widen_to_weeks(first, last)


def coverage(ws: Workspace, account: str | None, start: dt.date, end: dt.date) -> list[GapReport]:
    if account and account not in ws.accounts:
        raise DataError("err.unknown_account", value=account)
    chosen: list[Account] = sorted(
        (a for a in ws.accounts.values() if account is None or a.id == account), key=lambda a: a.id
    )
    holidays = public_holidays(ws, start, end)
    return coverage_report(ws, chosen, start, end, holidays)


@dataclass(frozen=True)
class CoverageGrid:
    """Weeks × accounts for the coverage view, with the gaps (and their candidates) behind the cells."""

    start: dt.date
    end: dt.date
    mondays: list[dt.date]
    rows: list[tuple[Account, list[WeekCell]]]
    gaps: list[GapReport]
    holidays: dict[dt.date, str]

    def holidays_in(self, monday: dt.date) -> list[str]:
        """Names of the public holidays in the week starting on `monday`."""
        sunday = monday + dt.timedelta(days=6)
        return [name for day, name in sorted(self.holidays.items()) if monday <= day <= sunday]

    def gap_at(self, account: str, monday: dt.date) -> GapReport | None:
        sunday = monday + dt.timedelta(days=6)
        return next(
            (
                g
                for g in self.gaps
                if g.gap.account == account and g.gap.start <= sunday and monday <= g.gap.end
            ),
            None,
        )


def coverage_grid(
    ws: Workspace, start: dt.date, end: dt.date, accounts: list[Account], lang: str = "fi"
) -> CoverageGrid:
    """The grid of `accounts` over whole weeks, the holidays named in `lang`."""
    start, end = widen_to_weeks(start, end)
    holidays = public_holidays(ws, start, end, lang)
    rows = [(a, week_cells(ws, a, start, end, holidays)) for a in accounts]
    gaps = coverage_report(ws, accounts, start, end, holidays)
    return CoverageGrid(start, end, list(mondays(start, end)), rows, gaps, dict(holidays))
