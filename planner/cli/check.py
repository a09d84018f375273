"""`planner check`: the readiness of a range, as text or as SPEC's JSON (exit 1 when blocking)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from planner.cli.args import Helper, format_arg, range_args, resolve_range
from planner.i18n import t
from planner.i18n.shown import shown_stream

if TYPE_CHECKING:
    from planner.domain.check import Finding


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    check = sub.add_parser("check", parents=[common], help=h("cmd.check"), description=h("cmd.check.long"))
    range_args(check, h)
    format_arg(check, h)


def check(args: argparse.Namespace, lang: str) -> int:
    """The answer kept from an earlier run when nothing it read has changed (services.checks), else
    made from each account's part (kept parts, and the accounts judged afresh), printed and kept."""
    from planner.services.answers import Question, answered

    terminal = sys.stdout.isatty()
    question = Question(args.start, args.end, args.account, args.format, lang, terminal)

    def produce(session: Any, found: Any, now: Any) -> tuple[str, int, Any]:
        from planner.services.checks import account_parts

        start, end = resolve_range(args.start, args.end, now.date())
        printed = (args.format, lang, terminal)

        def render(report: Any) -> str:
            return part_text(report.findings, lang, args.format, terminal)

        parts = account_parts(session, found, now, start, end, args.account, printed, render)
        code = 1 if any(p.blocking for p in parts) else 0
        return whole_text(parts, start, end, lang, args.format, terminal), code, parts

    output, code = answered(getattr(args, "data", None), getattr(args, "user", None), question, produce)
    getattr(sys.stdout, "inner", sys.stdout).write(output)  # made safe for a terminal before it was kept
    return code


def part_text(findings: list[Finding], lang: str, fmt: str, terminal: bool) -> str:
    """One account's findings as they stand in the printed answer (`whole_text` joins them), made
    safe for a terminal (`shown_stream`): its lines under its name, or its findings' JSON objects
    as items of the `findings` list. Each part is made safe once, when it is made, not the whole
    answer at every check (a city's is 2.4 MB)."""
    if fmt == "json":
        if not terminal:  # the list's items as json.dumps writes them inside it, in one call
            text = json.dumps([f.to_dict(lang) for f in findings], ensure_ascii=False)[1:-1]
        else:
            items = (json.dumps(f.to_dict(lang), ensure_ascii=False, indent=2) for f in findings)
            text = ",\n".join(textwrap.indent(item, "    ") for item in items)
    elif not findings:
        return ""
    else:
        text = f"\n{findings[0].account}\n" + "".join(finding_line(f, lang) + "\n" for f in findings)
    return shown_stream(text)


def whole_text(parts: list[Any], start: Any, end: Any, lang: str, fmt: str, terminal: bool) -> str:
    """The answer as `check` prints it, from the accounts' parts in id order: exactly what the
    whole report would print (SPEC's JSON, indented at a terminal; or the lines of text), made
    safe for a terminal. The parts are joined in one go, without copies of the whole between."""
    from planner.i18n.dates import day

    summary = {
        "errors": sum(p.errors for p in parts),
        "warnings": sum(p.warnings for p in parts),
        "blocking": sum(p.blocking for p in parts),
        "posts": sum(p.posts for p in parts),
        "accounts": len(parts),
    }
    shown = [p.text for p in parts if p.text]
    if fmt == "json":
        dates = {"from": start.isoformat(), "to": end.isoformat()}
        empty = json.dumps(
            {"range": dates, "summary": summary, "findings": []},
            ensure_ascii=False,
            indent=2 if terminal else None,
        )
        if not shown:
            return shown_stream(empty) + "\n"
        tail = "[]\n}" if terminal else "[]}"
        assert empty.endswith(tail)
        head = shown_stream(empty[: -len(tail)])
        if terminal:
            return _joined(head + "[\n", shown, ",\n", "\n  ]\n}\n")
        return _joined(head + "[", shown, ", ", "]}\n")
    header = t("cli.check_header", lang, start=day(start, lang), end=day(end, lang), **summary)
    closing = t("cli.check_summary", lang, **summary) if shown else t("cli.all_clear", lang)
    return _joined(shown_stream(f"{header}\n"), shown, "", shown_stream(f"\n{closing}\n"))


def _joined(head: str, items: list[str], between: str, tail: str) -> str:
    pieces = [head]
    for index, item in enumerate(items):
        if index and between:
            pieces.append(between)
        pieces.append(item)
    pieces.append(tail)
    return "".join(pieces)


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
