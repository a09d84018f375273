"""`planner check`: the readiness of a range, as text or as SPEC's JSON (exit 1 when blocking)."""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any

from planner.cli.args import Helper, format_arg, range_args, resolve_range, session_of
from planner.cli.output import print_json, say
from planner.domain.check import Finding
from planner.i18n import t


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    check = sub.add_parser("check", parents=[common], help=h("cmd.check"), description=h("cmd.check.long"))
    range_args(check, h)
    format_arg(check, h)


def check(args: argparse.Namespace, lang: str) -> int:
    """The answer kept from an earlier run when nothing it read has changed (services.checks), else
    a fresh check, printed and kept."""
    from planner.services.checks import Question, answered

    session = session_of(args)
    question = Question(args.start, args.end, args.account, args.format, lang, sys.stdout.isatty())

    def produce(ws: Any, now: Any) -> tuple[str, int, Any]:
        from planner.domain.errors import DataError
        from planner.services.checks import check as judge

        if args.account and args.account not in ws.accounts:
            raise DataError("err.unknown_account", value=args.account)
        start, end = resolve_range(args.start, args.end, now.date())
        report = judge(ws, session.store.assets, now, start, end, args.account)
        printed = io.StringIO()
        saved, sys.stdout = sys.stdout, printed
        try:
            code = _print(report, lang, args.format)
        finally:
            sys.stdout = saved
        return printed.getvalue(), code, report

    output, code = answered(session, question, produce)
    sys.stdout.write(output)
    return code


def _print(report: Any, lang: str, fmt: str) -> int:
    from planner.i18n.dates import day

    if fmt == "json":
        print_json(report.to_dict(lang))
    else:
        summary = report.summary()
        say(
            "cli.check_header",
            lang,
            start=day(report.start, lang),
            end=day(report.end, lang),
            accounts=summary["accounts"],
            posts=summary["posts"],
        )
        account = None
        for finding in report.findings:
            if finding.account != account:
                account = finding.account
                print(f"\n{account}")
            print(finding_line(finding, lang))
        print()
        if report.findings:
            say("cli.check_summary", lang, **summary)
        else:
            say("cli.all_clear", lang)
    return 1 if report.has_blocking else 0


def finding_line(finding: Finding, lang: str) -> str:
    from planner.i18n.dates import day

    mark = "✗" if finding.severity == "error" else "!"
    where = finding.post or t("cli.account_level", lang)
    when = day(finding.date, lang) if finding.date else "—"
    flag = f" [{t('cli.blocking', lang)}]" if finding.blocking else ""
    status = f" ({t('status.' + finding.post_status, lang)})" if finding.post_status else ""
    title = t(f"{finding.rule}.title", lang)
    return f"  {mark} {when:<10} {where}{status} {title} ({finding.rule}){flag}: {finding.message(lang)}"


HANDLERS = {"check": check}
