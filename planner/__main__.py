"""Run the planner with `python -m planner`."""

from planner.cli import main

raise SystemExit(main())
