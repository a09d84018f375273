"""The app's figures for `python -m tools.bench run`: start, week change, opening a post and a keystroke,
timed with Pilot in rounds of fresh processes (`app_figures_apart`)."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tools.bench.apart import pin_clock, printed_apart


def _stamp_each_call(owner: object, name: str) -> list[float]:
    """Wrap `owner.name` so that each call adds the moment it ended to the list returned."""
    stamps: list[float] = []
    method = getattr(owner, name)

    def stamped(*args: Any) -> None:
        method(*args)
        stamps.append(time.perf_counter())

    setattr(owner, name, stamped)
    return stamps


Frame = tuple[tuple[Any, ...], ...]  # a whole screen as drawn: each line's segments (text and style)


class Paints:
    """The app's paints while `watched`: the moment each ended and the whole screen it left.
    Textual lays a screen out again when a widget's size changed in the last layout, and paints
    again even when nothing it draws changed: the week as a list of days is painted twice, the
    second time the same frame, some 25 ms later (a frame's wait and a layout)."""

    def __init__(self, app: Any) -> None:
        self.watched = False
        self.frames: list[tuple[float, Frame]] = []
        display = app._display

        def painted(*args: Any) -> None:
            display(*args)
            if self.watched:  # the moment first: reading the frame is the bench's own cost
                moment = time.perf_counter()
                strips = app.screen._compositor.render_strips()
                self.frames.append((moment, tuple(tuple(strip) for strip in strips)))

        app._display = painted

    def watch(self) -> float:
        """From now: the frames of what comes next, and the moment it began."""
        self.frames.clear()
        self.watched = True
        return time.perf_counter()

    def settled(self, began: float) -> tuple[float, float] | None:
        """From `began`, the time to the paint from which the screen no longer changed (what a
        person sees as done), and the time to the last paint."""
        self.watched = False
        if not self.frames:
            return None
        last = self.frames[-1][1]
        first = len(self.frames) - 1
        while first and self.frames[first - 1][1] == last:  # the same screen painted again
            first -= 1
        return self.frames[first][0] - began, self.frames[-1][0] - began


OPENINGS = 4  # posts opened in each run of the app: the first, and three again (the kept editor)


AppRuns = list[dict[str, list[float]]]  # for each workspace, each figure's times (seconds), run by run
APP_FIGURES = ("start", "week", "week_last", "open_first", "open_again", "open_last", "keystroke")


def _no_runs(roots: Sequence[Path]) -> AppRuns:
    return [{name: [] for name in APP_FIGURES} for _ in roots]


def app_runs(roots: Sequence[Path], runs: int) -> AppRuns:
    """In process, with Pilot, for each workspace of `roots`: start to the first painted week,
    changing week, opening a post from its card with Enter (the first one of the run, and again
    with others after Esc; once the app has made its editor, a second after start), and the
    checklist after one keystroke in the editor. A week change and an opening are timed to the
    screen settled (`Paints.settled`), and apart to the last paint (`week_last`, `open_last`). The empty
    workspace's one post has no time, and no card: it is opened by name. Each run starts the app on
    every workspace in turn, the first (the empty one) first."""
    from planner.services import Session
    from planner.ui.app import PlannerApp
    from planner.ui.dialogs.confirm import Confirm
    from planner.ui.screens.week import WeekScreen
    from planner.ui.widgets.checklist import ChecklistPanel

    pin_clock()

    async def once(root: Path, found: dict[str, list[float]]) -> None:
        gc.collect()  # the last run's app is garbage: collected here, not by this run's first load
        start = time.perf_counter()
        app = PlannerApp(Session.open(str(root), "h001"), "fi")
        paints = Paints(app)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            found["start"].append(time.perf_counter() - start)
            for _ in range(3):  # from the key to the screen settled (Pilot's own waits left out)
                began = paints.watch()
                await pilot.press("l")
                await pilot.pause()
                if times := paints.settled(began):
                    found["week"].append(times[0])
                    found["week_last"].append(times[1])
            week = app.screen
            assert isinstance(week, WeekScreen)
            while app.kept_editor is None or not app.kept_editor.is_mounted:  # as a person reads the week
                await asyncio.sleep(0.05)
            await pilot.pause()
            cards: list[tuple[Any, str]] = [(d, post_id) for d in week.day_lists() for post_id in d.post_ids]
            if not cards:  # the empty workspace's one post has no time, so no card: opened by name
                cards = [(None, p.id) for p in app.ws.posts_view.sorted()[:1]] * OPENINGS
            for turn, (day, post_id) in enumerate(cards[:OPENINGS]):
                if day is not None:
                    day.focus()
                    day.select_post(post_id)
                await pilot.pause()
                began = paints.watch()
                if day is not None:
                    await pilot.press("enter")
                else:
                    app.open_view("editor", post_id)
                await pilot.pause()
                if times := paints.settled(began):
                    found["open_again" if turn else "open_first"].append(times[0])
                    found["open_last"].append(times[1])
                done = _stamp_each_call(
                    app.screen.query_one(ChecklistPanel), "show"
                )  # the checklist's update
                for key in "abc":
                    done.clear()
                    began = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    if done:
                        found["keystroke"].append(done[-1] - began)
                del app.screen.query_one(ChecklistPanel).show  # the panel's own again, as the app keeps it
                await pilot.press("escape")  # typed: leave without saving
                await pilot.pause()
                if isinstance(app.screen, Confirm):
                    await pilot.press("tab", "enter")
                    await pilot.pause()

    measured = _no_runs(roots)
    for _ in range(runs):
        for root, found in zip(roots, measured, strict=True):
            asyncio.run(once(root, found))
    return measured


def app_summary(measured: AppRuns) -> list[dict[str, float]]:
    """Each workspace's median of each figure (ms), and its `start_ratio`: the median of its
    starts over the first workspace's (the empty one), run by run. The machine's speed drifts from
    minute to minute (the empty workspace's start measured 179 to 228 ms in one afternoon), and a
    ratio of medians taken apart moved with it."""
    every = []
    for found in measured:
        figures = {name: statistics.median(values) * 1000 for name, values in found.items() if values}
        if found["open_first"]:
            figures["open"] = statistics.median(found["open_first"] + found["open_again"]) * 1000
        pairs = zip(found["start"], measured[0]["start"], strict=True)
        figures["start_ratio"] = statistics.median(start / first for start, first in pairs)
        every.append(figures)
    return every


def warm_up(roots: Sequence[Path]) -> None:
    """Before a round: the first workspace's app (the empty one) run once, which imports and runs
    once everything the apps run, and the other workspaces' files read, into the machine's cache.
    Not their apps: a process keeps much of each app it ran (Textual keeps some 17,000 objects of
    each, and with them the city's snapshot), and the collector's full passes walked through that
    as well, 110 to 145 ms each, inside an opening of a post. A person's app has its process to
    itself."""
    app_runs(roots[:1], 1)
    for root in roots[1:]:
        for path in sorted(root.rglob("*.json")):
            path.read_bytes()


def app_figures_apart(roots: Sequence[Path], runs: int) -> list[dict[str, float]]:
    """`app_runs`, each of `runs` rounds in a fresh process of its own (on this process's machine
    cache folder), after `warm_up`. A round per process, because an app does not leave a process
    as it found it: in one process the city's start grew from round to round, with 95 MB more
    memory each."""
    code = (
        "import json, sys\nfrom pathlib import Path\nfrom tools.bench import app_figures\n"
        "roots = [Path(p) for p in sys.argv[1:]]\napp_figures.warm_up(roots)\n"
        "print(json.dumps(app_figures.app_runs(roots, 1)))"
    )
    measured = _no_runs(roots)
    for _ in range(runs):
        found: AppRuns = json.loads(printed_apart(code, [str(r) for r in roots], dict(os.environ)))
        for into, more in zip(measured, found, strict=True):
            for name, times in more.items():
                into[name] += times
    return app_summary(measured)
