"""What `planner person|absence|deputy|coverage` do: call the services, print the outcome."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli import optional_date, print_json, say
from planner.domain.errors import DataError
from planner.domain.model import Absence, Person
from planner.domain.team import Leftovers, name_key
from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.services import Note, Session
from planner.services import team as services


def _session(args: argparse.Namespace) -> Session:
    return Session.open(getattr(args, "data", None), getattr(args, "user", None))


def _notes(notes: list[Note], lang: str) -> None:
    for note in notes:
        print(note.render(lang), file=sys.stderr)


def cmd_person(args: argparse.Namespace, lang: str) -> int:
    session = _session(args)
    command = args.person_command
    if command == "add":
        person = services.add_person(session, args.person_id, args.name, args.email, tuple(args.roles))
        say("cli.person_added", lang, person=person.id)
    elif command == "edit":
        roles = tuple(args.roles) if args.roles else None
        person = services.edit_person(session, args.person_id, args.name, args.email, roles, args.revision)
        say("cli.person_edited", lang, person=person.id)
    elif command == "retire":
        ws = session.load()
        day = optional_date(args.start, "--from") or session.now(ws).date()
        done = services.retire_person(session, args.person_id, day, args.successor)
        say("cli.person_retired", lang, person=done.person.id, day=day.isoformat())
        if not done.handed.empty:
            say("cli.handed_to", lang, person=args.successor)
            _leftover_lines(done.handed, lang)
        if not done.left.empty:
            say("cli.needs_reassign", lang, person=done.person.id)
            _leftover_lines(done.left, lang)
    else:
        people = sorted(session.load().people.values(), key=name_key)
        if args.format == "json":
            print_json([p.to_dict() for p in people])
        elif not people:
            say("cli.no_people", lang)
        for person in people if args.format == "text" else []:
            print(_person_line(person, lang))
    return 0


def _person_line(person: Person, lang: str) -> str:
    roles = ", ".join(t("role." + r, lang) for r in person.roles)
    retired = f"  [{t('cli.retired_mark', lang, day=person.retired)}]" if person.retired else ""
    return f"{person.id:<10} {person.name:<24} {person.email:<32} {roles}{retired}"


def _leftover_lines(left: Leftovers, lang: str) -> None:
    for account, roles in left.roles:
        print(
            "  "
            + t("cli.role_on", lang, account=account, roles=", ".join(t("role." + r, lang) for r in roles))
        )
    for post in left.posts:
        when = post.to_dict()["publish_at"] or t("cli.unscheduled", lang)
        print("  " + t("cli.post_line", lang, post=post.id, when=when, account=post.account))
    for absence in left.deputy_for:
        print("  " + t("cli.deputy_line", lang, absence=absence.id, person=absence.person,
                       start=absence.start, end=absence.end))  # fmt: skip


def cmd_absence(args: argparse.Namespace, lang: str) -> int:
    session = _session(args)
    command = args.absence_command
    if command == "add":
        absence, notes = services.add_absence(
            session, args.person_id, args.start, args.end, args.kind, args.deputy
        )
        print(absence.id)
        _notes(notes, lang)
    elif command == "import":
        added, known = services.import_absences(session, Path(args.file))
        say("cli.absences_imported", lang, added=len(added), known=known)
        for absence in added:
            print(_absence_line(absence, lang))
    elif command == "remove":
        absence = services.remove_absence(session, args.absence_id)
        say("cli.absence_removed", lang, absence=absence.id)
    else:
        ws = session.load()
        chosen = _absences(ws, args)
        if args.format == "json":
            print_json([a.to_dict() for a in chosen])
        elif not chosen:
            say("cli.no_absences", lang)
        for absence in chosen if args.format == "text" else []:
            print(_absence_line(absence, lang))
    return 0


def _absences(ws: Workspace, args: argparse.Namespace) -> list[Absence]:
    if args.person and args.person not in ws.people:
        raise DataError("err.unknown_ref", field="--person", kind="person", value=args.person)
    low, high = optional_date(args.start, "--from"), optional_date(args.end, "--to")
    chosen = [
        a for a in ws.absences.values()
        if (not args.person or a.person == args.person)
        and (low is None or a.end >= low) and (high is None or a.start <= high)
    ]  # fmt: skip
    return sorted(chosen, key=lambda a: (a.start, a.person, a.id))


def _absence_line(absence: Absence, lang: str) -> str:
    deputy = absence.deputy or "—"
    kind = t("kind." + absence.kind, lang)
    return f"{absence.id:<8} {absence.person:<10} {absence.start} – {absence.end}  {kind:<10} → {deputy}"


def cmd_deputy(args: argparse.Namespace, lang: str) -> int:
    session = _session(args)
    command = args.deputy_command
    if command == "candidates":
        found = services.candidates(session.load(), args.absence_id)
        if args.format == "json":
            print_json([
                {"person": c.person, "load": c.load, "away": [d.isoformat() for d in c.away],
                 "accounts": list(c.shared)}
                for c in found
            ])  # fmt: skip
            return 0
        present = [c.person for c in found if c.present_throughout]
        if present:
            say("cli.candidates", lang, people=", ".join(present))
        else:
            say("cli.no_candidates", lang)
        return 0
    deputy = args.deputy_id if command == "assign" else None
    done = services.assign_deputy(session, args.absence_id, deputy, getattr(args, "handover", False))
    absence = done.absence
    if deputy is None:
        say("cli.deputy_cleared", lang, absence=absence.id)
    else:
        say("cli.deputy_assigned", lang, absence=absence.id, person=absence.person, start=absence.start,
            end=absence.end, deputy=deputy)  # fmt: skip
    if done.handed:
        say("cli.handed_over", lang, count=len(done.handed), deputy=deputy,
            posts=", ".join(p.id for p in done.handed))  # fmt: skip
    _notes(done.notes, lang)
    return 0


def cmd_coverage(args: argparse.Namespace, lang: str) -> int:
    """Gaps are account-level errors, so like `check` this exits 1 when there is one."""
    session = _session(args)
    ws = session.load()
    today = session.now(ws).date()
    low, high = optional_date(args.start, "--from"), optional_date(args.end, "--to")
    start, end = services.coverage_range(low, high, today)
    gaps = services.coverage(ws, args.account, start, end)
    if args.format == "json":
        print_json([g.to_dict() for g in gaps])
        return 1 if gaps else 0
    accounts = sorted({g.gap.account for g in gaps})
    say("cli.coverage_header", lang, start=start, end=end, gaps=len(gaps), accounts=len(accounts))
    if not gaps:
        say("cli.coverage_clear", lang)
    account = None
    for found in gaps:
        if found.gap.account != account:
            account = found.gap.account
            print(f"\n{account}")
        nobody = t("cli.nobody", lang)
        print("  ✗ " + t(
            "cli.coverage_gap", lang, start=found.gap.start, end=found.gap.end, days=found.gap.working_days,
            absent=", ".join(found.gap.absent) or nobody,
            candidates=", ".join(c.person for c in found.candidates) or nobody,
        ))  # fmt: skip
    return 1 if gaps else 0
