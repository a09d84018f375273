"""A check that judges half of its accounts in a forked child (services/parallel): the same answer
as one process, and never the child's word where it could be wrong."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

from planner.bench.generate import generate
from planner.cli.check import whole_text
from planner.domain.errors import DataError
from planner.services import Session, checks, parallel
from tests.storage.test_part_cache import answer_parts

NOW = "2026-06-15 10:00"  # the generator's moment
START, END = dt.date(2026, 3, 30), dt.date(2026, 9, 27)


@pytest.fixture
def town(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The benchmark's small workspace (six accounts), every cache off, so that every account is
    judged."""
    root = tmp_path / "town"
    generate("small", root)
    monkeypatch.setenv("PLANNER_CACHE", "off")
    monkeypatch.setenv("PLANNER_NOW", NOW)
    return root


def _answer(root: Path, fmt: str = "json", lang: str = "fi") -> str:
    session = Session.open(str(root), None)
    now = session.now(session.load())
    return whole_text(answer_parts(session, now, START, END, fmt, lang, False), START, END, lang, fmt, False)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every check splits its accounts; each entry says whether a child was really started."""
    started: list[bool] = []
    real = parallel.on_the_side

    def watched(work):  # type: ignore[no-untyped-def]
        side = real(work)
        started.append(side._pid is not None)
        return side

    monkeypatch.setattr(checks, "SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "on_the_side", watched)
    return started


@pytest.mark.parametrize(("fmt", "lang"), [("json", "fi"), ("json", "en"), ("text", "fi"), ("text", "en")])
def test_two_processes_answer_as_one(
    town: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, lang: str
) -> None:
    alone = _answer(town, fmt, lang)
    monkeypatch.setattr(checks, "SPLIT_BYTES", 0)
    started: list[bool] = []
    real = parallel.on_the_side
    monkeypatch.setattr(parallel, "on_the_side", lambda work: started.append(True) or real(work))
    assert _answer(town, fmt, lang) == alone
    assert started == [True] and len(alone) > 5000


def test_the_child_judges_its_share_in_a_process_of_its_own(
    town: Path, forks: list[bool], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    log = tmp_path / "judged"
    real = checks._judged

    def judged(*args, **kwargs):  # type: ignore[no-untyped-def]
        with log.open("a") as out:  # the child's memory is its own: a file tells
            out.write(f"{os.getpid()} {len(args[1])}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(checks, "_judged", judged)
    _answer(town)
    seen: dict[str, int] = {}
    for line in log.read_text().splitlines():  # one line a piece: who judged it, how many files
        pid, count = line.split()
        seen[pid] = seen.get(pid, 0) + int(count)
    assert forks == [True] and len(seen) == 2 and str(os.getpid()) in seen
    assert sum(seen.values()) == 6  # every account judged once, by one process or the other


def test_a_child_that_fails_leaves_its_pieces_to_this_process(
    town: Path, forks: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    expected = _answer(town)
    forks.clear()
    real = checks._judged
    calls: list[int] = []

    def failing_in_the_child(*args, **kwargs):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os._exit(3)  # killed, or out of memory: no answer at all
        calls.append(len(args[1]))
        return real(*args, **kwargs)

    monkeypatch.setattr(checks, "_judged", failing_in_the_child)
    assert _answer(town) == expected
    assert forks == [True] and sum(calls) == 6  # every piece here, the one the child drew too


def test_a_child_that_read_other_files_is_not_believed(
    town: Path, forks: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone saved between the two reads: the child's parts were made from other bytes."""
    parent = os.getpid()
    expected = _answer(town)
    real = checks._judged
    calls: list[int] = []

    def other_bytes_in_the_child(*args, **kwargs):  # type: ignore[no-untyped-def]
        parts, (team, library, files) = real(*args, **kwargs)
        if os.getpid() != parent:
            return [], (team, library, {**files, next(iter(files)): "another digest"})
        calls.append(len(args[1]))
        return parts, (team, library, files)

    monkeypatch.setattr(checks, "_judged", other_bytes_in_the_child)
    answer = _answer(town)
    assert answer == expected and len(answer) > 5000
    assert sum(calls) == 6  # the child's pieces judged here again


def test_a_save_between_two_pieces_judges_everything_from_one_reading(
    town: Path, forks: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    expected = _answer(town)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    monkeypatch.setattr(parallel, "on_the_side", lambda work: parallel.Side(lambda: []))  # no help
    real = checks._judged
    calls: list[int] = []

    def saved_after_the_first_piece(*args, **kwargs):  # type: ignore[no-untyped-def]
        parts, (team, library, files) = real(*args, **kwargs)
        assert os.getpid() == parent
        calls.append(len(args[1]))
        if len(calls) == 1:
            return parts, (team, library, {**files, next(iter(files)): "before the save"})
        return parts, (team, library, files)

    monkeypatch.setattr(checks, "_judged", saved_after_the_first_piece)
    assert _answer(town) == expected
    assert len(calls) > 2 and calls[-1] == 6  # the pieces, then all six from one reading


def test_the_pieces_hold_every_file_once_and_grow_smaller() -> None:
    sizes = {f"a{n:03}.json": 400_000 + n for n in range(200)}  # a metro's 200 files of 400 kB
    names = sorted(sizes, key=lambda n: -sizes[n])
    pieces = checks._pieces(names, sizes)
    assert [n for piece in pieces for n in piece] == names
    assert 2 < len(pieces) <= parallel.Queue.MOST
    weights = [sum(sizes[n] for n in piece) for piece in pieces]
    assert weights[0] >= sum(weights) // 4 - 400_200 and weights[-1] <= max(weights[0] // 4, 1_000_000)
    assert checks._pieces(["one"], {"one": 5}) == [["one"]]


def test_a_queue_gives_each_number_to_one_process_only(tmp_path: Path) -> None:
    queue = parallel.Queue(200)
    side = parallel.on_the_side(lambda: list(queue.drawn()))
    mine = list(queue.drawn())
    queue.close()
    theirs = side.result()
    assert theirs is not None
    assert sorted(mine + theirs) == list(range(200))
    assert mine == sorted(mine) and theirs == sorted(theirs)  # each drawn in order
    with pytest.raises(ValueError):
        parallel.Queue(parallel.Queue.MOST + 1)


def test_damage_in_the_childs_half_is_named_as_one_process_names_it(
    town: Path, forks: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record found bad while judging (as a post that fails to read): the child has no answer,
    and this process, judging that half itself, raises what one process raises."""
    files = sorted(p.name for p in (town / "calendars").glob("x-*.json"))
    real = checks._judged
    for victim in (files[0], files[-1]):  # one of them falls in the child's half

        def damaged(*args, victim: str = victim, **kwargs):  # type: ignore[no-untyped-def]
            if victim in args[1]:
                raise DataError("err.corrupt_file", file=victim, reason="posts[3]")
            return real(*args, **kwargs)

        monkeypatch.setattr(checks, "_judged", damaged)
        with pytest.raises(DataError) as caught:
            _answer(town)
        assert caught.value.key == "err.corrupt_file" and victim in caught.value.render("en")
    assert forks == [True, True]


def test_a_damaged_file_is_found_before_any_child_starts(town: Path, forks: list[bool]) -> None:
    victim = sorted((town / "calendars").glob("x-*.json"))[-1]
    good = victim.read_bytes()
    victim.write_bytes(good[: len(good) // 2])
    with pytest.raises(DataError) as caught:
        _answer(town)
    assert victim.name in caught.value.render("en") and forks == []


def test_side_gives_the_childs_answer_or_none() -> None:
    assert parallel.on_the_side(lambda: {"parts": [1, 2, 3]}).result() == {"parts": [1, 2, 3]}

    def broken() -> object:
        raise DataError("err.corrupt_file", file="x", reason="y")

    assert parallel.on_the_side(broken).result() is None
    big = parallel.on_the_side(lambda: b"x" * (parallel.LIMIT + 1))
    assert big.result() is None


def test_no_child_while_another_thread_runs() -> None:
    """A fork copies only the calling thread: a lock another thread holds would stay held."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not parallel.can_fork()
        side = parallel.on_the_side(lambda: 1)
        assert side._pid is None and side.result() is None
    finally:
        stop.set()
        other.join()


def test_a_cancelled_child_is_gone() -> None:
    import time

    side = parallel.on_the_side(lambda: time.sleep(30))
    pid = side._pid
    assert pid is not None
    side.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    assert side.result() is None
