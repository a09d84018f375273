"""`planner check`: the readiness of a range, as text or as SPEC's JSON (exit 1 when blocking)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from planner.cli.args import Helper, format_arg, range_args, resolve_range, session_of


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    check = sub.add_parser("check", parents=[common], help=h("cmd.check"), description=h("cmd.check.long"))
    range_args(check, h)
    format_arg(check, h)


def check(args: argparse.Namespace, lang: str) -> int:
    """Each account's findings (kept from an earlier run while nothing they were judged from has
    changed: services/checks), printed once, at the end."""
    from planner.reports.findings import check_json, check_text
    from planner.services.checks import check_report, present

    session = session_of(args)
    now = present(session)
    start, end = resolve_range(args.start, args.end, now.date())
    report = check_report(session, start, end, args.account)
    if args.format == "json":
        sys.stdout.write(check_json(report, lang, indent=2 if sys.stdout.isatty() else None))
    else:
        sys.stdout.write(check_text(report, lang))
    return 1 if report.has_blocking else 0


HANDLERS = {"check": check}
