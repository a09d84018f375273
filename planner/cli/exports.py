"""`planner export checklist|ics|register`: the auditors' evidence, the team's calendar feed and the
account register."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.args import Helper, day_arg, range_args, resolve_range, session_of
from planner.cli.output import tell, write_output
from planner.domain.errors import DataError


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    export = sub.add_parser("export", parents=[common], help=h("cmd.export"), description=h("cmd.export"))
    exports = export.add_subparsers(dest="export_command", required=True, metavar="checklist|ics|register")
    checklist = exports.add_parser(
        "checklist",
        parents=[common],
        help=h("cmd.export_checklist"),
        description=h("cmd.export_checklist.long"),
    )
    checklist.add_argument(
        "--format", choices=("csv", "json", "md", "html", "xlsx"), required=True, help=h("export.format")
    )
    range_args(checklist, h)
    checklist.add_argument("-o", "--output", metavar="FILE", help=h("export.output"))
    checklist.add_argument(
        "--delimiter", "--separator", choices=(";", ",", "tab"), default=";", help=h("export.delimiter")
    )
    checklist.add_argument("--include-personal-data", action="store_true", help=h("personal_data"))
    ics = exports.add_parser(
        "ics", parents=[common], help=h("cmd.export_ics"), description=h("cmd.export_ics")
    )
    range_args(ics, h)  # by default every dated post
    ics.add_argument("-o", "--output", metavar="FILE", required=True, help=h("export.output_ics"))
    register = exports.add_parser(
        "register", parents=[common], help=h("cmd.export_register"), description=h("cmd.export_register.long")
    )
    register.add_argument(
        "--format", choices=("csv", "json", "md", "html", "xlsx"), required=True, help=h("export.format")
    )
    register.add_argument("-o", "--output", metavar="FILE", help=h("export.output"))
    register.add_argument("--public", action="store_true", help=h("export.public"))
    register.add_argument(
        "--delimiter", "--separator", choices=(";", ",", "tab"), default=";", help=h("export.delimiter")
    )


def export(args: argparse.Namespace, lang: str) -> int:
    session = session_of(args)
    today = session.now(session.load()).date()
    if args.export_command == "ics":
        from planner.services.exports import calendar_export

        start, end = day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
        if start and end and end < start:
            raise DataError("cli.range_reversed", start=start, end=end)
        write_output(args.output, calendar_export(session, args.account, lang, start, end))
        if args.output != "-":
            tell("cli.exported", lang, file=args.output)
        return 0
    if args.export_command == "register":
        from planner.services.exports import register_export

        delimiter = "\t" if args.delimiter == "tab" else args.delimiter
        write_output(args.output, register_export(session, args.format, lang, args.public, delimiter))
        if args.output and args.output != "-":
            tell("cli.exported", lang, file=args.output)
        return 0
    from planner.services.exports import ChecklistRequest, checklist_export

    start, end = resolve_range(args.start, args.end, today)
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    request = ChecklistRequest(args.format, start, end, args.account, args.include_personal_data, delimiter)
    write_output(args.output, checklist_export(session, request, lang))
    if args.output and args.output != "-":
        tell("cli.exported", lang, file=args.output)
    return 0


HANDLERS = {"export": export}
