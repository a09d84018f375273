"""`planner org|account|campaign`: the organization, its account register and its campaigns."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.args import Helper


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    return None


HANDLERS: dict[str, Any] = {}
