"""`planner bench run`: medians of the figures the README's performance table cites, each beside
a baseline measured in the same run (so a slow machine does not read as a slow program), and the
target it must meet."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from planner.bench.generate import EMPTY, FIRST_MONDAY, NOW, SCALES, generate

PINNED = NOW.strftime("%Y-%m-%d %H:%M")  # PLANNER_NOW for every figure
CACHE_VERSION = "2"  # bump when the generator changes, so cached workspaces are made again


@dataclass(frozen=True)
class Figure:
    name: str
    median_ms: float
    baseline: str = ""
    baseline_ms: float | None = None
    target: str = ""
    ok: bool | None = None
    cpu_ms: float | None = None  # the processor time of the same runs (user and system), median
    baseline_cpu_ms: float | None = None
    paired_ratio: float | None = None  # runs made in turn with the baseline's: the pairs' median
    paired_cpu_ratio: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.paired_ratio is not None:
            return self.paired_ratio
        if not self.baseline_ms:
            return None
        return self.median_ms / self.baseline_ms

    @property
    def cpu_ratio(self) -> float | None:
        """The ratio of processor times: what a busy machine moves least (waiting is left out)."""
        if self.paired_cpu_ratio is not None:
            return self.paired_cpu_ratio
        if not self.cpu_ms or not self.baseline_cpu_ms:
            return None
        return self.cpu_ms / self.baseline_cpu_ms


@dataclass(frozen=True)
class Timed:
    """A command's medians over its runs: wall-clock time and processor time, in ms. Timed in turn
    with a baseline command (`floor`: run, then this, run, then this, ...), also the medians of
    the ratios pair by pair: the machine's speed drifts from minute to minute, and a ratio of two
    medians taken apart moved with it (the json.load floor measured 77 to 133 ms in one day)."""

    wall_ms: float
    cpu_ms: float
    floor: Timed | None = None
    ratio: float | None = None
    cpu_ratio: float | None = None


def workspace(scale: str, cache: Path) -> Path:
    """The generated workspace of `scale`, made once and kept in `cache`."""
    root = cache / f"{scale}-v{CACHE_VERSION}"
    if not (root / "calendars" / "team.json").exists():
        partial = root.with_name(root.name + ".partial")
        if partial.exists():
            shutil.rmtree(partial)
        generate(scale, partial)
        partial.rename(root)
    return root


def _env(cache: str = "off") -> dict[str, str]:
    """The clock pinned, English, and `check`'s answer cache off unless a figure asks for it."""
    return {**os.environ, "PLANNER_NOW": PINNED, "LANG": "en_US.UTF-8", "PLANNER_CACHE": cache}


def _pin_clock() -> None:
    """In-process figures run at the generator's moment too."""
    os.environ["PLANNER_NOW"] = PINNED


def _timed_runs(
    command: list[str],
    runs: int,
    env: dict[str, str] | None = None,
    before: Callable[[], object] | None = None,
    floor: list[str] | None = None,
) -> Timed:
    """`command`'s medians over `runs` runs (`before` each, untimed); with `floor`, that command
    is run just before each run too, and the ratios are taken pair by pair."""
    times, cpu, floor_times, floor_cpu = [], [], [], []
    for _ in range(runs):
        if floor is not None:
            wall, used = _one_run(floor, _env())
            floor_times.append(wall)
            floor_cpu.append(used)
        if before is not None:
            before()  # not timed
        wall, used = _one_run(command, env or _env())
        times.append(wall)
        cpu.append(used)
    if floor is None:
        return Timed(statistics.median(times) * 1000, statistics.median(cpu) * 1000)
    return Timed(
        statistics.median(times) * 1000,
        statistics.median(cpu) * 1000,
        Timed(statistics.median(floor_times) * 1000, statistics.median(floor_cpu) * 1000),
        statistics.median(t / f for t, f in zip(times, floor_times, strict=True)),
        statistics.median(c / f for c, f in zip(cpu, floor_cpu, strict=True)) if all(floor_cpu) else None,
    )


def _one_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """One run's wall-clock and processor time (its own and its children's), in seconds."""
    start, used = time.perf_counter(), _children_cpu()
    _run_quietly(command, env)
    return time.perf_counter() - start, _children_cpu() - used


def _children_cpu() -> float:
    """Processor time (user and system) of the child processes that have ended, in seconds (from
    getrusage, to the microsecond: os.times counts in 10 ms ticks)."""
    import resource

    found = resource.getrusage(resource.RUSAGE_CHILDREN)
    return found.ru_utime + found.ru_stime


def _run_quietly(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _year(scale: str) -> tuple[str, str]:
    first = FIRST_MONDAY[scale]
    return first.isoformat(), first.replace(year=first.year + 1).isoformat()


def floor_command(root: Path) -> list[str]:
    """A fresh interpreter that only json.loads every workspace file: reading the data at all."""
    files = [str(p) for p in sorted((root / "calendars").glob("*.json"))] + [
        str(root / "assets/library.json")
    ]
    code = "import json,sys\nfor f in sys.argv[1:]:\n    json.load(open(f, encoding='utf-8'))"
    return [sys.executable, "-c", code, *files]


def check_ms(
    root: Path, scale: str, runs: int, kept: Path | None, repeat: bool = False, floor: list[str] | None = None
) -> Timed:
    """`planner check` over a year in a fresh process, on a machine whose cache folder is `kept`:
    the first check after a save (before each run one post is saved and the answers kept are
    removed; what else the cache folder keeps stays, as on any machine that has run the planner
    before), or asked again about the unchanged workspace (the answer kept by the first run is
    used). Without `kept`, nothing is kept at all: every cache off. With `floor`, each run is
    paired with a run of that command just before it (`_timed_runs`)."""
    start, end = _year(scale)
    command = [
        sys.executable,
        "-m",
        "planner",
        "check",
        "--from",
        start,
        "--to",
        end,
        "--format",
        "json",
        "--data",
        str(root),
    ]
    if kept is None:
        return _timed_runs(command, runs, floor=floor)
    env = _env(str(kept))
    _run_quietly(command, env)  # a first run fills the machine's caches
    if repeat:
        return _timed_runs(command, runs, env, floor=floor)
    saving = _post_saver(root)

    def save_one() -> None:
        saving()
        shutil.rmtree(kept / "check", ignore_errors=True)

    return _timed_runs(command, runs, env, before=save_one, floor=floor)


def peak_memory_mb(root: Path, scale: str) -> float:
    """The highest resident size of `planner check` over the whole range, in a fresh process."""
    start, end = _year(scale)
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [sys.executable, "-m", "planner", "check", "--from", start, "--to", end, "--data", str(root)]
    out = subprocess.run([sys.executable, "-c", code, *command], env=_env(), capture_output=True, text=True)
    return int(out.stdout.strip() or 0) / 1024


def save_ms(root: Path, runs: int) -> float:
    """Saving one post, again and again as in the app, in a process of its own, like the empty
    workspace's baseline."""
    code = "import sys\nfrom planner.bench import run\nprint(run.save_in_process(*sys.argv[1:]))"
    return float(_printed_apart(code, [str(root), str(runs)], _env()))


def _printed_apart(code: str, args: Sequence[str], env: dict[str, str]) -> str:
    """The last line `code` prints, run with `args` in a fresh interpreter of its own."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip().splitlines()[-1]


SAVE_ROUNDS = 3  # processes per workspace for the save figures, each saving `runs` times


def saves_ms(roots: Sequence[Path], runs: int) -> list[tuple[float, float]]:
    """Saving one post (`save_ms`) in each workspace of `roots` in turn, the first (the empty one)
    first, `SAVE_ROUNDS` times: each one's median, and the median of its ratios to the first's
    round by round (a save is mostly its fsyncs, whose time drifts with what the disk did just
    before)."""
    rounds = [[save_ms(root, runs) for root in roots] for _ in range(SAVE_ROUNDS)]
    every = []
    for index in range(len(roots)):
        ratios = [found[index] / found[0] for found in rounds]
        every.append((statistics.median(found[index] for found in rounds), statistics.median(ratios)))
    return every


def _post_saver(root: Path | str) -> Callable[[], object]:
    """Saving one post (a draft's title) through the same service as the app and the command line,
    a new title each time."""
    from planner.services import Session, posts

    _pin_clock()
    session = Session.open(str(root), "h001")
    ws = session.load()
    post_id = next(p.id for p in ws.posts_view.sorted() if p.status == "draft")
    counter = iter(range(10**6))
    return lambda: posts.edit_post(session, post_id, posts.PostEdit(title=f"Otsikko {next(counter)}"))


def save_in_process(root: Path | str, runs: int | str) -> float:
    return _median_ms(_post_saver(root), int(runs))


def export_ms(root: Path, scale: str, fmt: str, runs: int) -> float:
    import datetime as dt

    from planner.services import Session
    from planner.services.exports import ChecklistRequest, checklist_export

    _pin_clock()
    session = Session.open(str(root), "h001")
    start, end = (dt.date.fromisoformat(d) for d in _year(scale))
    request = ChecklistRequest(fmt, start, end)
    return _median_ms(lambda: checklist_export(session, request, "fi"), runs)


def _stamp_each_call(owner: object, name: str) -> list[float]:
    """Wrap `owner.name` so that each call adds the moment it ended to the list returned."""
    stamps: list[float] = []
    method = getattr(owner, name)

    def stamped(*args: Any) -> None:
        method(*args)
        stamps.append(time.perf_counter())

    setattr(owner, name, stamped)
    return stamps


OPENINGS = 4  # posts opened in each run of the app: the first, and three again (the kept editor)


AppRuns = list[dict[str, list[float]]]  # for each workspace, each figure's times (seconds), run by run
APP_FIGURES = ("start", "week", "open_first", "open_again", "keystroke")


def _no_runs(roots: Sequence[Path]) -> AppRuns:
    return [{name: [] for name in APP_FIGURES} for _ in roots]


def app_runs(roots: Sequence[Path], runs: int) -> AppRuns:
    """In process, with Pilot, for each workspace of `roots`: start to the first painted week,
    changing week, opening a post from its card with Enter (the first one of the run, and again
    with others after Esc; once the app has made its editor, a second after start), and the
    checklist after one keystroke in the editor. The empty workspace's one post has no time, and
    no card: it is opened by name. Each run starts the app on every workspace in turn, the first
    (the empty one) first."""
    from planner.services import Session
    from planner.ui.app import PlannerApp
    from planner.ui.dialogs.confirm import Confirm
    from planner.ui.screens.week import WeekScreen
    from planner.ui.widgets.checklist import ChecklistPanel

    _pin_clock()

    async def once(root: Path, found: dict[str, list[float]]) -> None:
        gc.collect()  # the last run's app is garbage: collected here, not by this run's first load
        start = time.perf_counter()
        app = PlannerApp(Session.open(str(root), "h001"), "fi")
        painted = _stamp_each_call(app, "_display")  # each paint of the screen
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            found["start"].append(time.perf_counter() - start)
            for _ in range(3):  # from the key to the last paint it causes (Pilot's own waits left out)
                painted.clear()
                began = time.perf_counter()
                await pilot.press("l")
                await pilot.pause()
                if painted:
                    found["week"].append(painted[-1] - began)
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
                painted.clear()
                began = time.perf_counter()
                if day is not None:
                    await pilot.press("enter")
                else:
                    app.open_view("editor", post_id)
                await pilot.pause()
                if painted:
                    found["open_again" if turn else "open_first"].append(painted[-1] - began)
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


def app_figures_apart(roots: Sequence[Path], runs: int) -> list[dict[str, float]]:
    """`app_runs`, each of `runs` rounds in a fresh process of its own (on this process's machine
    cache folder) that starts every app of `roots` once before the round it reports, to fill the
    machine's caches and import what the apps import. A round per process, because an app does
    not leave a process as it found it: its first snapshot is frozen out of the collector's passes
    (`ui/app.loaded`), as a person's one app in a process should be, and Textual keeps some 17,000
    objects of each app it ran. In one process, the city's start grew from 170 ms in the first
    three rounds to 230 ms in the fourth and fifth, with 95 MB more memory each round."""
    code = (
        "import json, sys\nfrom pathlib import Path\nfrom planner.bench import run\n"
        "roots = [Path(p) for p in sys.argv[1:]]\nrun.app_runs(roots, 1)\n"
        "print(json.dumps(run.app_runs(roots, 1)))"
    )
    measured = _no_runs(roots)
    for _ in range(runs):
        found: AppRuns = json.loads(_printed_apart(code, [str(r) for r in roots], dict(os.environ)))
        for into, more in zip(measured, found, strict=True):
            for name, times in more.items():
                into[name] += times
    return app_summary(measured)


def _byte_compiled() -> None:
    """The planner's modules compiled to bytecode, as an installed package's are (pip compiles at
    install; an editable install on first import, unless PYTHONDONTWRITEBYTECODE is set, as it is
    on the build machine): the figures time the program, not Python compiling its 60 modules from
    source at every start (50 ms of each `check`)."""
    import compileall

    compileall.compile_dir(Path(__file__).parents[1], quiet=1)


def measure(scales: tuple[str, ...], cache: Path, runs: int) -> list[Figure]:
    """Every figure, for the scales asked (`city` and `metro` for the README; `small` for CI), on a
    machine cache folder of the run's own (in this process too)."""
    _byte_compiled()
    with tempfile.TemporaryDirectory(prefix="planner-bench-cache-") as machine:
        before = os.environ.get("PLANNER_CACHE")
        os.environ["PLANNER_CACHE"] = machine
        try:
            return _measure(scales, cache, runs, Path(machine))
        finally:
            if before is None:
                os.environ.pop("PLANNER_CACHE", None)
            else:
                os.environ["PLANNER_CACHE"] = before


def _measure(scales: tuple[str, ...], cache: Path, runs: int, machine: Path) -> list[Figure]:
    figures: list[Figure] = []
    empty = workspace(EMPTY, cache)
    # the saves first, while no other figure's files are still being written back to the disk:
    # a save's time is mostly its fsyncs, which took twice as long right after the app figures,
    # and as long again just after the workspaces were generated (40 MB written): those first
    roots = [empty, *(workspace(scale, cache) for scale in scales)]
    if hasattr(os, "sync"):
        os.sync()
    (empty_save, _), *saved = saves_ms(roots, runs)
    saves = dict(zip(scales, saved, strict=True))
    empty_app, *apps = app_figures_apart(roots, runs)
    for scale, app in zip(scales, apps, strict=True):
        root = workspace(scale, cache)
        judged = scale == "city"  # the check, app, week and export targets are set at city scale
        floor = floor_command(root)  # run in turn with each check figure's runs: ratios pair by pair
        check = check_ms(root, scale, runs, machine, floor=floor)  # the first after a save
        again = check_ms(root, scale, runs, machine, repeat=True, floor=floor)
        new = check_ms(root, scale, runs, None, floor=floor)
        for label, timed, most in (
            ("asked again", again, 2),
            ("first after a save", check, 3),
            ("every cache off", new, 6),
        ):
            at_metro = scale == "metro" and timed is check  # the one check target set at metro scale
            target = "< 1 s" if at_metro else f"≤ {most}× floor and < 1 s"
            assert timed.floor is not None and timed.ratio is not None
            met = timed.wall_ms < 1000 and (at_metro or timed.ratio <= most)
            figures.append(
                Figure(
                    f"check, a year ({scale}), {label}",
                    timed.wall_ms,
                    "json.load floor",
                    timed.floor.wall_ms,
                    target,
                    _judge(judged or at_metro, met),
                    timed.cpu_ms,
                    timed.floor.cpu_ms,
                    timed.ratio,
                    timed.cpu_ratio,
                )
            )
        start_target, started = "≤ 1.3× empty", app["start_ratio"] <= 1.3
        if scale == "metro":
            start_target, started = "< 1 s", app["start"] < 1000
        figures.append(
            Figure(
                f"app start to painted week ({scale})",
                app["start"],
                "empty workspace",
                empty_app["start"],
                start_target,
                _judge(judged or scale == "metro", started),
                paired_ratio=app["start_ratio"],
            )
        )
        for name, label in (
            ("week", "week change"),
            ("open_first", "opening a post, the first"),
            ("open_again", "opening a post, again"),
            ("keystroke", "keystroke → checklist"),
        ):
            if name in app:
                limit = {"week": 50, "keystroke": 10}.get(name, 100)
                target = f"< {limit} ms"
                figures.append(
                    Figure(
                        f"{label} ({scale})",
                        app[name],
                        "empty workspace",
                        empty_app.get(name),
                        target,
                        _judge(judged or (name.startswith("open") and scale == "metro"), app[name] < limit),
                    )
                )
        save, save_ratio = saves[scale]
        figures.append(
            Figure(
                f"saving one post ({scale})",
                save,
                "empty workspace",
                empty_save,
                "< 25 ms and ≤ 2× empty",
                save < 25 and save_ratio <= 2,
                paired_ratio=save_ratio,
            )
        )
        if scale != "metro":
            for fmt in ("csv", "json", "md", "html", "xlsx"):
                took = export_ms(root, scale, fmt, max(1, runs // 2))
                figures.append(
                    Figure(
                        f"export {fmt}, a year ({scale})",
                        took,
                        "check (command)",
                        check.wall_ms,
                        "< 5 s",
                        took < 5000,
                    )
                )
        else:
            memory = peak_memory_mb(root, scale)
            figures.append(
                Figure(f"peak memory, check ({scale}) [MB]", memory, "", None, "< 400 MB", memory < 400)
            )
    return figures


def _judge(judged: bool, met: bool) -> bool | None:
    """A figure measured beside a target set for another scale is shown, not judged."""
    return met if judged else None


def table(figures: list[Figure]) -> str:
    lines = [
        "| figure | median | baseline | ratio | CPU | CPU ratio | target | met |",
        "|---|---:|---|---:|---:|---:|---|---|",
    ]
    for f in figures:
        unit = "" if "[MB]" in f.name else " ms"
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else ""
        base = f"{f.baseline} ({f.baseline_ms:.0f} ms)" if f.baseline_ms is not None else f.baseline
        cpu = f"{f.cpu_ms:.0f} ms" if f.cpu_ms is not None else ""
        cpu_ratio = f"{f.cpu_ratio:.2f}×" if f.cpu_ratio is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[f.ok]
        target = f"({f.target} at city)" if f.ok is None and f.target else f.target
        cells = [f.name, f"{f.median_ms:.0f}{unit}", base, ratio, cpu, cpu_ratio, target, met]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(scales: tuple[str, ...], cache: Path, runs: int, output: Path | None) -> int:
    figures = measure(scales, cache, runs)
    print(table(figures))
    if output is not None:
        rows = [asdict(f) | {"ratio": f.ratio, "cpu_ratio": f.cpu_ratio} for f in figures]
        output.write_text(json.dumps(rows, indent=1), "utf-8")
    return 0 if all(f.ok is not False for f in figures) else 1


__all__ = ["SCALES", "Figure", "main", "measure", "table", "workspace"]
