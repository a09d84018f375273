"""`python -m tools.bench run`: medians of the figures docs/performance.md cites, each beside
a baseline measured in the same run (so a slow machine does not read as a slow program), and the
target it must meet."""

from __future__ import annotations

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

from tools.bench.apart import PINNED, pin_clock, printed_apart
from tools.bench.app_figures import app_figures_apart
from tools.bench.generate import EMPTY, FIRST_MONDAY, SCALES, generate

CACHE_VERSION = "3"  # bump when the generator changes, so cached workspaces are made again


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
    the first check after a save (before each run one post is saved, so its account's findings
    kept in the index no longer hold, and that account is judged again; the rest of what the
    index keeps stays, as on any machine that has run the planner before), or asked again about
    the unchanged workspace (the findings kept by the first run are used). Without `kept`, nothing
    is kept at all: every cache off. With `floor`, each run is paired with a run of that command
    just before it (`_timed_runs`)."""
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
    return _timed_runs(command, runs, env, before=_post_saver(root), floor=floor)


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
    code = "import sys\nfrom tools.bench import run\nprint(run.save_in_process(*sys.argv[1:]))"
    return float(printed_apart(code, [str(root), str(runs)], _env()))


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

    pin_clock()
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

    pin_clock()
    session = Session.open(str(root), "h001")
    start, end = (dt.date.fromisoformat(d) for d in _year(scale))
    request = ChecklistRequest(fmt, start, end)
    return _median_ms(lambda: checklist_export(session, request, "fi"), runs)


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
            ("first after a save", check, 2.5),
            ("every cache off", new, 10),
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
        start_target, started = "≤ 1.5× empty", app["start_ratio"] <= 1.5
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
            ("week_last", "week change, to its last paint"),
            ("open_first", "opening a post, the first"),
            ("open_again", "opening a post, again"),
            ("open_last", "opening a post, to its last paint"),
            ("keystroke", "keystroke → checklist"),
        ):
            if name.endswith("_last") and name in app:  # shown beside the settled screen, not judged
                figures.append(
                    Figure(f"{label} ({scale})", app[name], "empty workspace", empty_app.get(name), "", None)
                )
            elif name in app:
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
