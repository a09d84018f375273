"""`planner goal|metrics|report`: each account's goals, the figures of its published posts from the
platforms' exports, and the results report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner.cli.args import Helper, day_arg, format_arg, range_args, session_of
from planner.cli.output import print_json, say, tell, warn, write_output
from planner.domain.results import METRICS, PERIODS, typed_target
from planner.i18n import number, t
from planner.i18n.dates import day
from planner.reports.formats import RESULTS_FORMATS
from planner.reports.results import figure_text


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    goal = sub.add_parser("goal", parents=[common], help=h("cmd.goal"), description=h("cmd.goal"))
    goals = goal.add_subparsers(dest="goal_command", required=True, metavar="set|list")
    put = goals.add_parser(
        "set", parents=[common], help=h("cmd.goal_set"), description=h("cmd.goal_set.long")
    )
    put.add_argument("--account", required=True, metavar="ID", help=h("feedback.account"))
    put.add_argument("--metric", required=True, choices=METRICS, help=h("goal.metric"))
    put.add_argument("--per", required=True, choices=PERIODS, help=h("goal.per"))
    put.add_argument("--target", required=True, metavar="N", help=h("goal.target"))
    put.add_argument("--from", dest="start", metavar="DATE", help=h("goal.from"))
    put.add_argument("--to", dest="end", metavar="DATE", help=h("goal.to"))
    listing = goals.add_parser(
        "list", parents=[common], help=h("cmd.goal_list"), description=h("cmd.goal_list")
    )
    listing.add_argument("--account", metavar="ID", help=h("account_filter"))
    format_arg(listing, h)

    metrics = sub.add_parser("metrics", parents=[common], help=h("cmd.metrics"), description=h("cmd.metrics"))
    steps = metrics.add_subparsers(dest="metrics_command", required=True, metavar="import|list")
    imp = steps.add_parser(
        "import", parents=[common], help=h("cmd.metrics_import"), description=h("cmd.metrics_import.long")
    )
    imp.add_argument("file", metavar="FILE", help=h("metrics.file"))
    imp.add_argument("--account", metavar="ID", help=h("metrics.account"))
    listing = steps.add_parser(
        "list", parents=[common], help=h("cmd.metrics_list"), description=h("cmd.metrics_list")
    )
    range_args(listing, h)
    format_arg(listing, h)

    report = sub.add_parser(
        "report", parents=[common], help=h("cmd.report"), description=h("cmd.report.long")
    )
    range_args(report, h)
    report.add_argument("--format", required=True, choices=RESULTS_FORMATS, help=h("format"))
    report.add_argument("-o", "--output", metavar="FILE", help=h("export.output"))


def goal(args: argparse.Namespace, lang: str) -> int:
    from planner.services import results

    session = session_of(args)
    ws = session.load()
    if args.goal_command == "set":
        today = session.now(ws).date()
        start, end = day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
        saved, notes = results.set_goal(
            session, args.account, args.metric, args.per, typed_target(args.target, args.metric), start, end
        )
        say("cli.goal_saved", lang, goal=saved.id)
        warn(notes, lang)
        return 0
    found = results.goals_of(ws, args.account)
    if args.format == "json":
        print_json([{k: v for k, v in g.to_dict().items() if k not in ("id", "revision")} for g in found])
    elif not found:
        say("cli.goals_none", lang)
    for item in found if args.format == "text" else ():
        metric = t(f"results.metric.{item.metric}", lang)
        per = t(f"results.per.{item.per}", lang)
        target = figure_text(item.metric, item.target, lang)
        span = (
            "–".join(day(d, lang) if d else "" for d in (item.start, item.end))
            if item.start or item.end
            else ""
        )
        print(f"{item.account:<30} {metric:<22} {per:<12} {target:<10} {span}")
    return 0


def metrics(args: argparse.Namespace, lang: str) -> int:
    from planner.services import results

    session = session_of(args)
    if args.metrics_command == "import":
        done = results.import_metrics(session, Path(args.file), args.account)
        for note in done.said():
            tell(note.key, lang, **note.params)
        for post in done.updated:
            print(post)
        return 0
    ws = session.load()
    today = session.now(ws).date()
    start, end = day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
    found = results.figures_of(ws, args.account, start, end)
    if args.format == "json":
        print_json([item.shown() for item in found])
        return 0
    if not found:
        say("cli.metrics_none", lang)
    for item in found:
        figures = "  ".join(
            f"{t('results.figure.' + name, lang)} {number(value, lang)}"
            for name, value in (("reach", item.reach), ("views", item.views))
            if value is not None
        )
        engaged = t("results.metric.engagement", lang)
        print(f"{item.post:<13} {item.account:<30} {figures}  {engaged} {number(item.engagement, lang)}")
    return 0


def report(args: argparse.Namespace, lang: str) -> int:
    from planner.services.exports import results_export

    session = session_of(args)
    today = session.now(session.load()).date()
    start, end = day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
    write_output(args.output, results_export(session, args.format, lang, start, end, args.account))
    return 0


HANDLERS = {"goal": goal, "metrics": metrics, "report": report}
