"""`planner bench generate|run`: seeded city- and metro-sized workspaces, and the performance table."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner.cli.args import Helper
from planner.cli.output import say
from planner.domain.errors import DataError


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    bench = sub.add_parser("bench", parents=[common], help=h("cmd.bench"), description=h("cmd.bench"))
    benches = bench.add_subparsers(dest="bench_command", required=True, metavar="generate|run")
    make = benches.add_parser(
        "generate", parents=[common], help=h("cmd.bench_generate"), description=h("cmd.bench_generate")
    )
    make.add_argument("--scale", choices=("small", "city", "metro"), default="city", help=h("bench.scale"))
    make.add_argument("--seed", type=int, default=2026, help=h("bench.seed"))
    make.add_argument("directory", metavar="DIR", help=h("bench.dir"))
    measure = benches.add_parser(
        "run", parents=[common], help=h("cmd.bench_run"), description=h("cmd.bench_run")
    )
    measure.add_argument(
        "--scale",
        nargs="+",
        choices=("small", "city", "metro"),
        default=["city", "metro"],
        help=h("bench.scales"),
    )
    measure.add_argument("--runs", type=int, default=5, help=h("bench.runs"))
    measure.add_argument("--cache", metavar="DIR", help=h("bench.cache"))
    measure.add_argument("--json", metavar="FILE", help=h("bench.json"))


def bench(args: argparse.Namespace, lang: str) -> int:
    """Generate a benchmark workspace, or measure the figures of the performance table."""
    if args.bench_command == "generate":
        from planner.bench.generate import generate

        root = Path(args.directory)
        if root.exists() and any(root.iterdir()):
            raise DataError("err.not_empty", path=str(root))
        counts = generate(args.scale, root, args.seed)
        say(
            "cli.bench_generated",
            lang,
            path=root,
            posts=counts["posts"],
            accounts=counts["accounts"],
            assets=counts["assets"],
        )
        return 0
    from planner.bench import run

    cache = Path(args.cache) if args.cache else Path.home() / ".cache" / "somekalenteri-bench"
    return run.main(tuple(args.scale), cache, max(1, args.runs), Path(args.json) if args.json else None)


HANDLERS = {"bench": bench}
