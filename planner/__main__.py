"""Run the planner with `python -m planner`."""

from planner.cli.main import run

run()
