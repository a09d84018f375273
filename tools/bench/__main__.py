"""The benchmark from the repository's root (a developer's tool, not the product's):

.venv/bin/python -m tools.bench generate --scale city DIR
.venv/bin/python -m tools.bench run --scale city metro --runs 5 [--cache DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.bench.generate import SCALES, generate
from tools.bench.run import main as run_main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("generate", help="write a seeded workspace of a scale into DIR")
    made.add_argument("--scale", choices=sorted(SCALES), default="city")
    made.add_argument("--seed", type=int, default=2026)
    made.add_argument("dir", type=Path)
    timed = commands.add_parser("run", help="time the figures at the scales asked for")
    timed.add_argument("--scale", nargs="+", choices=sorted(SCALES), default=["city"])
    timed.add_argument("--runs", type=int, default=5)
    timed.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "somekalenteri-bench")
    timed.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "generate":
        counts = generate(args.scale, args.dir, args.seed)
        print(", ".join(f"{name} {count}" for name, count in counts.items()))
        return 0
    return run_main(tuple(args.scale), args.cache, args.runs, args.json)


if __name__ == "__main__":
    sys.exit(main())
