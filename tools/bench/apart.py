"""Pieces of the bench run in a fresh interpreter of their own, and the clock they all run at."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

from tools.bench.generate import NOW

PINNED = NOW.strftime("%Y-%m-%d %H:%M")  # PLANNER_NOW for every figure


def pin_clock() -> None:
    """In-process figures run at the generator's moment too."""
    os.environ["PLANNER_NOW"] = PINNED


def printed_apart(code: str, args: Sequence[str], env: dict[str, str]) -> str:
    """The last line `code` prints, run with `args` in a fresh interpreter of its own."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip().splitlines()[-1]
