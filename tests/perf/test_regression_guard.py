"""The benchmark at a small scale, in CI: fails on a gross regression only.

Each figure is compared as a ratio to a baseline measured in the same run (of processor times
where the figure times whole commands, else of wall-clock times) (the check to the time
of reading the files, a full workspace to an empty one), so a slower or busier machine moves both
sides alike. A ratio more than three times its committed value in `baseline.json` fails; anything
less is noise as far as CI is concerned, and docs/performance.md is where real numbers are kept.
Refresh the baseline after a deliberate change with:

    .venv/bin/python -m tools.bench run --scale small --runs 5 --json tests/perf/baseline.json
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tools.bench.run import Figure, measure, table

BASELINE = Path(__file__).with_name("baseline.json")
WORSE = 3.0


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Figure]:
    pinned = os.environ.get("PLANNER_NOW")
    try:
        measured = measure(("small",), tmp_path_factory.mktemp("bench"), runs=3)
    finally:  # the benchmark pins the clock in this process; later tests set their own
        if pinned is None:
            os.environ.pop("PLANNER_NOW", None)
        else:
            os.environ["PLANNER_NOW"] = pinned
    print(table(measured))
    return {f.name: f for f in measured}


def _baseline() -> dict[str, tuple[float, bool]]:
    """Each committed figure's ratio, and whether it is the ratio of processor times (a figure
    of whole commands has one: a busy machine's waiting does not move it)."""
    found = {}
    for row in json.loads(BASELINE.read_text("utf-8")):
        if row.get("cpu_ratio"):
            found[row["name"]] = (row["cpu_ratio"], True)
        elif row["ratio"]:
            found[row["name"]] = (row["ratio"], False)
    return found


@pytest.mark.perf
def test_every_committed_ratio_is_still_measured(figures: dict[str, Figure]) -> None:
    assert set(_baseline()) <= set(figures), "a figure was renamed: refresh baseline.json"


@pytest.mark.perf
@pytest.mark.parametrize("name", sorted(_baseline()))
def test_no_figure_is_three_times_worse_than_its_baseline(figures: dict[str, Figure], name: str) -> None:
    committed, of_cpu = _baseline()[name]
    ratio = figures[name].cpu_ratio if of_cpu else figures[name].ratio
    kind = "processor time" if of_cpu else "wall time"
    assert ratio is not None and ratio <= WORSE * committed, (
        f"{name}: {ratio:.2f}× its baseline now ({kind}), {committed:.2f}× when committed"
    )
