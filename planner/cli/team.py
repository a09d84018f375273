"""`planner person|absence|deputy|coverage`: the team, its absences and deputies, and the gaps."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.cli.args import Helper, day_arg, format_arg, range_args, session_of
from planner.cli.output import aligned, print_json, report_import, say, tell, unchanged
from planner.domain.choices import ABSENCE_KINDS, ROLES
from planner.domain.dates import parse_day
from planner.domain.errors import unknown_ref
from planner.i18n import t
from planner.i18n.dates import day as shown_day

if TYPE_CHECKING:
    from planner.domain.model import Absence, Person
    from planner.domain.team import Leftovers
    from planner.domain.workspace import Workspace


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    person = sub.add_parser("person", parents=[common], help=h("cmd.person"), description=h("cmd.person"))
    people = person.add_subparsers(
        dest="person_command", required=True, metavar="add|edit|retire|list|import"
    )
    add = people.add_parser(
        "add", parents=[common], help=h("cmd.person_add"), description=h("cmd.person_add")
    )
    add.add_argument("person_id", metavar="ID", help=h("person.id"))
    add.add_argument("--name", required=True, help=h("person.name"))
    add.add_argument("--email", required=True, help=h("person.email"))
    add.add_argument(
        "--role", dest="roles", action="append", choices=ROLES, required=True, help=h("person.role")
    )
    edit = people.add_parser(
        "edit", parents=[common], help=h("cmd.person_edit"), description=h("cmd.person_edit")
    )
    edit.add_argument("person_id", metavar="ID", help=h("person.id"))
    edit.add_argument("--revision", type=int, metavar="N", help=h("revision"))
    edit.add_argument("--name", help=h("person.name"))
    edit.add_argument("--email", help=h("person.email"))
    edit.add_argument("--role", dest="roles", action="append", choices=ROLES, help=h("person.role"))
    retire = people.add_parser(
        "retire", parents=[common], help=h("cmd.person_retire"), description=h("cmd.person_retire")
    )
    retire.add_argument("person_id", metavar="ID", help=h("person.id"))
    retire.add_argument("--from", dest="start", metavar="DATE", help=h("retire.from"))
    retire.add_argument("--successor", metavar="ID", help=h("retire.successor"))
    listing = people.add_parser(
        "list", parents=[common], help=h("cmd.person_list"), description=h("cmd.person_list")
    )
    format_arg(listing, h)
    imp = people.add_parser(
        "import", parents=[common], help=h("cmd.person_import"), description=h("cmd.person_import.long")
    )
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx", help=h("sheet.file"))

    absence = sub.add_parser("absence", parents=[common], help=h("cmd.absence"), description=h("cmd.absence"))
    absences = absence.add_subparsers(dest="absence_command", required=True, metavar="add|import|remove|list")
    add = absences.add_parser(
        "add", parents=[common], help=h("cmd.absence_add"), description=h("cmd.absence_add")
    )
    add.add_argument("person_id", metavar="PERSON_ID", help=h("absence.person"))
    add.add_argument("--from", dest="start", required=True, metavar="DATE", help=h("absence.from"))
    add.add_argument("--to", dest="end", required=True, metavar="DATE", help=h("absence.to"))
    add.add_argument("--kind", choices=ABSENCE_KINDS, default="vacation", help=h("absence.kind"))
    add.add_argument("--deputy", metavar="PERSON_ID", help=h("absence.deputy"))
    imp = absences.add_parser(
        "import", parents=[common], help=h("cmd.absence_import"), description=h("cmd.absence_import.long")
    )
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx", help=h("absence.file"))
    remove = absences.add_parser(
        "remove", parents=[common], help=h("cmd.absence_remove"), description=h("cmd.absence_remove")
    )
    remove.add_argument("absence_id", metavar="ABSENCE_ID", help=h("absence.id"))
    listing = absences.add_parser(
        "list", parents=[common], help=h("cmd.absence_list"), description=h("cmd.absence_list")
    )
    listing.add_argument("--person", metavar="ID", help=h("absence.person_filter"))
    range_args(listing, h, account=False)
    format_arg(listing, h)

    deputy = sub.add_parser("deputy", parents=[common], help=h("cmd.deputy"), description=h("cmd.deputy"))
    deputies = deputy.add_subparsers(dest="deputy_command", required=True, metavar="assign|clear|candidates")
    assign = deputies.add_parser(
        "assign", parents=[common], help=h("cmd.deputy_assign"), description=h("cmd.deputy_assign")
    )
    assign.add_argument("absence_id", metavar="ABSENCE_ID", help=h("absence.id"))
    assign.add_argument("deputy_id", metavar="PERSON_ID", help=h("deputy.person"))
    assign.add_argument("--handover", action="store_true", help=h("deputy.handover"))
    clear = deputies.add_parser(
        "clear", parents=[common], help=h("cmd.deputy_clear"), description=h("cmd.deputy_clear")
    )
    clear.add_argument("absence_id", metavar="ABSENCE_ID", help=h("absence.id"))
    propose = deputies.add_parser(
        "candidates",
        parents=[common],
        help=h("cmd.deputy_candidates"),
        description=h("cmd.deputy_candidates"),
    )
    propose.add_argument("absence_id", metavar="ABSENCE_ID", help=h("absence.id"))
    format_arg(propose, h)

    coverage = sub.add_parser(
        "coverage", parents=[common], help=h("cmd.coverage"), description=h("cmd.coverage.long")
    )
    range_args(coverage, h)
    format_arg(coverage, h)


# People -------------------------------------------------------------------------------------------


def person(args: argparse.Namespace, lang: str) -> int:
    from planner.services import team as services

    session = session_of(args)
    command = args.person_command
    if command == "add":
        added = services.add_person(session, args.person_id, args.name, args.email, tuple(args.roles))
        say("cli.person_added", lang, person=added.id)
    elif command == "edit":
        roles = tuple(args.roles) if args.roles else None
        before = session.load().people.get(args.person_id)
        edited = services.edit_person(session, args.person_id, args.name, args.email, roles, args.revision)
        key = "cli.person_unchanged" if unchanged(before, edited) else "cli.person_edited"
        say(key, lang, person=edited.id)
    elif command == "import":
        from planner.services.sheet_import import import_people

        report_import(import_people(session, Path(args.file)), "cli.people_imported", lang)
    elif command == "retire":
        ws = session.load()
        today = session.now(ws).date()
        day = day_arg(args.start, "--from", today) or today
        done = services.retire_person(session, args.person_id, day, args.successor)
        say("cli.person_retired", lang, person=done.person.id, day=shown_day(day, lang))
        if not done.handed.empty:
            say("cli.handed_to", lang, person=args.successor)
            _leftover_lines(done.handed, lang)
        if not done.left.empty:
            say("cli.needs_reassign", lang, person=done.person.id)
            _leftover_lines(done.left, lang)
    else:
        from planner.domain.team import name_key

        people = sorted(session.load().people.values(), key=name_key)
        if args.format == "json":
            print_json([p.to_dict() for p in people])
            return 0
        if not people:
            say("cli.no_people", lang)
        for line in aligned([person_cells(found, lang) for found in people]):
            print(line)
    return 0


def person_cells(found: Person, lang: str) -> list[str]:
    """One person's line, cell by cell: id, name, e-mail, roles and the day they retired."""
    roles = ", ".join(t("role." + r, lang) for r in found.roles)
    retired = (
        f"  [{t('cli.retired_mark', lang, day=shown_day(found.retired, lang))}]" if found.retired else ""
    )
    return [found.id, found.name, found.email, roles + retired]


def _leftover_lines(left: Leftovers, lang: str) -> None:
    from planner.i18n.dates import moment

    for account, roles in left.roles:
        listed = ", ".join(t("role." + r, lang) for r in roles)
        print("  " + t("cli.role_on", lang, account=account, roles=listed))
    for post in left.posts:
        when = moment(post.publish_at, lang) if post.publish_at else t("cli.unscheduled", lang)
        print("  " + t("cli.post_line", lang, post=post.id, when=when, account=post.account))
    for absence in left.deputy_for:
        print(
            "  "
            + t(
                "cli.deputy_line",
                lang,
                absence=absence.id,
                person=absence.person,
                start=shown_day(absence.start, lang),
                end=shown_day(absence.end, lang),
            )
        )
    for item in left.feedback:
        due = shown_day(item.due, lang)
        print("  " + t("cli.feedback_line", lang, feedback=item.id, account=item.account, due=due))


# Absences and deputies ----------------------------------------------------------------------------


def absence(args: argparse.Namespace, lang: str) -> int:
    from planner.services import team as services

    session = session_of(args)
    command = args.absence_command
    if command == "add":
        today = session.now(session.load()).date()
        start, end = parse_day(args.start, "--from", today), parse_day(args.end, "--to", today)
        added, notes = services.add_absence(session, args.person_id, start, end, args.kind, args.deputy)
        print(added.id)
        for note in notes:
            tell("cli.warning", lang, text=note.render(lang))
    elif command == "import":
        imported, known = services.import_absences(session, Path(args.file))
        say("cli.absences_imported", lang, count=len(imported), known=known)
        for found in imported:
            print(absence_line(found, lang))
    elif command == "remove":
        removed = services.remove_absence(session, args.absence_id)
        say("cli.absence_removed", lang, absence=removed.id)
    else:
        ws = session.load()
        chosen = _absences(ws, args, session.now(ws).date())
        if args.format == "json":
            print_json([a.to_dict() for a in chosen])
            return 0
        if not chosen:
            say("cli.no_absences", lang)
        for found in chosen:
            print(absence_line(found, lang))
    return 0


def _absences(ws: Workspace, args: argparse.Namespace, today: Any) -> list[Absence]:
    if args.person and args.person not in ws.people:
        raise unknown_ref("--person", "person", args.person)
    low, high = day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
    chosen = [
        a
        for a in ws.absences.values()
        if (not args.person or a.person == args.person)
        and (low is None or a.end >= low)
        and (high is None or a.start <= high)
    ]
    return sorted(chosen, key=lambda a: (a.start, a.person, a.id))


def absence_line(found: Absence, lang: str) -> str:
    deputy = found.deputy or "—"
    kind = t("kind." + found.kind, lang)
    period = f"{shown_day(found.start, lang)} – {shown_day(found.end, lang)}"
    return f"{found.id:<13} {found.person:<10} {period:<27} {kind:<10} → {deputy}"


def deputy(args: argparse.Namespace, lang: str) -> int:
    from planner.services import team as services

    session = session_of(args)
    command = args.deputy_command
    if command == "candidates":
        found = services.candidates(session.load(), args.absence_id)
        if args.format == "json":
            print_json(
                [
                    {
                        "person": c.person,
                        "load": c.load,
                        "away": [d.isoformat() for d in c.away],
                        "accounts": list(c.shared),
                    }
                    for c in found
                ]
            )
            return 0
        present = [c.person for c in found if c.present_throughout]
        if present:
            say("cli.candidates", lang, people=", ".join(present))
        else:
            say("cli.no_candidates", lang)
        return 0
    chosen = args.deputy_id if command == "assign" else None
    done = services.assign_deputy(session, args.absence_id, chosen, getattr(args, "handover", False))
    assigned = done.absence
    if chosen is None:
        say("cli.deputy_cleared", lang, absence=assigned.id)
    else:
        say(
            "cli.deputy_assigned",
            lang,
            absence=assigned.id,
            person=assigned.person,
            start=shown_day(assigned.start, lang),
            end=shown_day(assigned.end, lang),
            deputy=chosen,
        )
    if done.handed:
        say(
            "cli.handed_over",
            lang,
            count=len(done.handed),
            deputy=chosen,
            posts=", ".join(p.id for p in done.handed),
        )
    for note in done.notes:
        tell("cli.warning", lang, text=note.render(lang))
    return 0


def coverage(args: argparse.Namespace, lang: str) -> int:
    """Gaps are account-level errors, so like `check` this exits 1 when there is one."""
    from planner.services import team as services

    session = session_of(args)
    ws = session.load()
    today = session.now(ws).date()
    low, high = day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
    start, end = services.coverage_range(low, high, today)
    gaps = services.coverage(ws, args.account, start, end)
    if args.format == "json":
        print_json([g.to_dict() for g in gaps])
        return 1 if gaps else 0
    accounts = sorted({g.gap.account for g in gaps})
    say(
        "cli.coverage_header",
        lang,
        start=shown_day(start, lang),
        end=shown_day(end, lang),
        count=len(gaps),
        accounts=len(accounts),
    )
    if not gaps:
        say("cli.coverage_clear", lang)
    account = None
    nobody = t("cli.nobody", lang)
    for found in gaps:
        if found.gap.account != account:
            account = found.gap.account
            print(f"\n{account}")
        print(
            "  ✗ "
            + t(
                "cli.coverage_gap",
                lang,
                start=shown_day(found.gap.start, lang),
                end=shown_day(found.gap.end, lang),
                count=found.gap.working_days,
                absent=", ".join(found.gap.absent) or nobody,
                candidates=", ".join(c.person for c in found.candidates) or nobody,
            )
        )
    return 1 if gaps else 0


HANDLERS = {"person": person, "absence": absence, "deputy": deputy, "coverage": coverage}
