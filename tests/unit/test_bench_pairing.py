"""The bench times a check in turn with the json.load floor and takes the ratios pair by pair
(planner/bench/run._timed_runs): a minute when the machine ran slow moves both runs of a pair."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tools.bench import app_figures, run

FLOOR = ["floor"]
CHECK = ["check"]


def test_the_ratio_is_the_median_of_the_pairs_not_of_two_medians(monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []
    walls: dict[str, Iterator[float]] = {"floor": iter([1.0, 4.0, 4.0]), "check": iter([3.0, 4.0, 8.0])}

    def one_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
        order.append(command[0])
        wall = next(walls[command[0]])
        return wall, wall / 2

    monkeypatch.setattr(run, "_one_run", one_run)
    timed = run._timed_runs(CHECK, 3, before=lambda: order.append("save"), floor=FLOOR)
    assert order == ["floor", "save", "check"] * 3  # each check run just after its floor run
    assert timed.ratio == 2.0 and timed.cpu_ratio == 2.0  # pairs 3, 1, 2 (the medians' ratio: 1)
    assert timed.wall_ms == 4000.0 and timed.floor is not None and timed.floor.wall_ms == 4000.0
    figure = run.Figure(
        "check",
        timed.wall_ms,
        "floor",
        timed.floor.wall_ms,
        paired_ratio=timed.ratio,
        paired_cpu_ratio=timed.cpu_ratio,
    )
    assert figure.ratio == 2.0 and figure.cpu_ratio == 2.0


def test_without_a_floor_there_is_no_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "_one_run", lambda command, env: (0.5, 0.25))
    timed = run._timed_runs(CHECK, 2)
    assert (timed.wall_ms, timed.cpu_ms, timed.floor, timed.ratio) == (500.0, 250.0, None, None)
    assert run.Figure("check", timed.wall_ms, "base", 250.0).ratio == 2.0


def test_the_saves_alternate_and_each_ratio_is_the_median_of_its_rounds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    times = {"empty": iter([2.0, 5.0, 4.0]), "metro": iter([5.0, 6.0, 12.0])}

    def save_ms(root: object, runs: int) -> float:
        order.append(str(root))
        return next(times[str(root)])

    monkeypatch.setattr(run, "save_ms", save_ms)
    (empty, one), (metro, ratio) = run.saves_ms(["empty", "metro"], 5)  # type: ignore[list-item]
    assert order == ["empty", "metro"] * run.SAVE_ROUNDS  # the empty workspace just before each
    assert (empty, one, metro) == (4.0, 1.0, 6.0)
    assert ratio == 2.5  # rounds 2.5, 1.2, 3.0 (the medians' ratio: 1.5)


def test_the_app_start_ratio_is_the_median_of_the_rounds_not_of_two_medians() -> None:
    def runs(start: list[float]) -> dict[str, list[float]]:
        return {"start": start, "week": [0.01], "open_first": [], "open_again": [], "keystroke": []}

    empty, city = app_figures.app_summary([runs([0.1, 0.4, 0.4]), runs([0.3, 0.4, 0.8])])
    assert empty["start_ratio"] == 1.0
    assert city["start_ratio"] == 2.0  # rounds 3, 1, 2 (the medians' ratio: 1)
    assert city["start"] == 400.0 and city["week"] == 10.0
    assert "open" not in city  # no post was opened: no figure made of nothing


def test_a_change_is_timed_to_the_paint_after_which_the_screen_stayed_the_same() -> None:
    class App:
        def _display(self, *args: object) -> None:
            pass

    app = App()
    paints = app_figures.Paints(app)
    app._display()  # not watched: not counted
    began = paints.watch()
    for frame in ("old", "new", "old", "old"):  # back to the first screen, then painted again alike
        paints.frames.append((began + len(paints.frames) + 1, ((frame,),)))
    assert paints.settled(began) == (3, 4)  # the third paint, not the first that looked the same
    assert not paints.watched and paints.settled(paints.watch()) is None
