"""`planner check` keeps its answer between runs (storage/check_cache.py): used again only while
nothing it read has changed and the clock has not passed a moment that changes the answer.

To tell a kept answer from a fresh one without timing anything, a test writes a marker into the
kept answer: seeing the marker proves the answer was reused, not seeing it proves it was not."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.media.generate import write_subtitles
from planner.storage import cache_folder, check_cache
from tests.conftest import Run, fingerprint

MARK = "KEPT-ANSWER\n"


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "check").rglob("*.json"))


def _mark(tmp_path: Path) -> None:
    """Every kept answer now prints MARK instead (written as the user would: sealed with the user's
    key, which the test, running as the user, can read)."""
    for path in _entries(tmp_path):
        path.write_bytes(_sealed(tmp_path, path, {**_entry(tmp_path, path), "output": MARK}))


def _field(path: Path) -> str:
    """The text an entry carries: a whole answer's output, or an account's part's text."""
    return "text" if "parts" in path.parts else "output"


def _entry(tmp_path: Path, path: Path) -> dict[str, object]:
    with _cache_of(tmp_path):
        payload = cache_folder.unsealed(path)
    assert payload is not None
    return dict(check_cache.unframed(payload, _field(path)))


def _sealed(tmp_path: Path, path: Path, entry: dict[str, object]) -> bytes:
    with _cache_of(tmp_path):
        sealed = cache_folder.seal(path, check_cache.framed(entry, _field(path)))
    assert sealed is not None
    return sealed


@contextlib.contextmanager
def _cache_of(tmp_path: Path) -> Iterator[None]:
    """The subprocesses' cache folder, as this process's for a moment."""
    before = os.environ.get("PLANNER_CACHE")
    os.environ["PLANNER_CACHE"] = str(tmp_path / "cache")
    try:
        yield
    finally:
        os.environ["PLANNER_CACHE"] = before or ""


def _check(run: Run, workspace: Path, *args: str, now: str | None = None) -> str:
    env = {"PLANNER_NOW": now} if now else None
    return run(
        "check", "--to", "2026-12-06", "--format", "json", *args, "--data", str(workspace), env=env
    ).stdout


def test_an_unchanged_workspace_gets_the_same_answer_back(run: Run, workspace: Path, tmp_path: Path) -> None:
    before = fingerprint(workspace)
    first = run("check", "--to", "2026-12-06", "--format", "json", "--data", str(workspace), check=0)
    second = run("check", "--to", "2026-12-06", "--format", "json", "--data", str(workspace), check=0)
    assert first.stdout == second.stdout and json.loads(first.stdout)["summary"]["posts"] == 1
    assert len(_entries(tmp_path)) == 1
    assert fingerprint(workspace) == before  # kept in the user's cache, never in the workspace
    _mark(tmp_path)
    assert _check(run, workspace) == MARK
    assert _check(run, workspace, "--lang", "fi") != MARK  # another question: its own answer


def test_any_write_to_the_workspace_is_a_new_question(run: Run, workspace: Path, tmp_path: Path) -> None:
    _check(run, workspace)
    _mark(tmp_path)
    run(
        "post",
        "edit",
        "p-0001",
        "--text",
        "Muutettu ilman tunnistetta",
        "--user",
        "p1",
        "--data",
        str(workspace),
        check=0,
    )
    fresh = _check(run, workspace)
    assert fresh != MARK and "hashtag.required" in {f["rule"] for f in json.loads(fresh)["findings"]}


def test_a_file_replaced_underneath_is_a_new_question(run: Run, workspace: Path, tmp_path: Path) -> None:
    _check(run, workspace)
    _mark(tmp_path)
    team = workspace / "calendars" / "team.json"
    team.write_bytes(team.read_bytes())  # same bytes, written again: a sync tool's replace
    assert _check(run, workspace) != MARK


def test_a_ready_posts_publish_time_passing_is_a_new_answer(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    """p-0001 is ready for 2026-12-02 10:00: at 10:00 it is not late yet, a minute later it is."""
    on_time = _check(run, workspace, now="2026-12-02 10:00")
    assert "post.schedule" not in {f["rule"] for f in json.loads(on_time)["findings"]}
    _mark(tmp_path)
    assert _check(run, workspace, now="2026-12-02 10:00") == MARK
    late = _check(run, workspace, now="2026-12-02 10:01")
    assert late != MARK and "post.schedule" in {f["rule"] for f in json.loads(late)["findings"]}
    assert _check(run, workspace, now="2026-12-02 09:59") != MARK  # the clock went back: no reuse


def test_midnight_is_a_new_answer(run: Run, workspace: Path, tmp_path: Path) -> None:
    run("check", "--format", "json", "--data", str(workspace), env={"PLANNER_NOW": "2026-12-06 23:59"})
    _mark(tmp_path)
    next_day = run(
        "check", "--format", "json", "--data", str(workspace), env={"PLANNER_NOW": "2026-12-07 00:00"}
    )
    assert next_day.stdout != MARK and json.loads(next_day.stdout)["range"]["from"] == "2026-12-07"


def test_a_changed_subtitle_file_is_a_new_answer(run: Run, workspace: Path, tmp_path: Path) -> None:
    run("post", "edit", "p-0001", "--media", "vid1", "--user", "p1", "--data", str(workspace), check=0)
    assert "media.subtitles" not in {f["rule"] for f in json.loads(_check(run, workspace))["findings"]}
    _mark(tmp_path)
    write_subtitles(workspace / "assets/vid1.fi.srt", [("00:00:02.000", "00:00:01.000", "Takaperin")])
    fresh = _check(run, workspace)
    assert fresh != MARK and "media.subtitles" in {f["rule"] for f in json.loads(fresh)["findings"]}


def test_the_cache_can_be_turned_off_and_a_broken_one_is_passed_by(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    run("check", "--to", "2026-12-06", "--data", str(workspace), env={"PLANNER_CACHE": "off"}, check=0)
    assert _entries(tmp_path) == []
    _check(run, workspace)
    for path in _entries(tmp_path):
        path.write_text("{not json", "utf-8")
    assert json.loads(_check(run, workspace))["summary"]["posts"] == 1
    unwritable = tmp_path / "a-file"
    unwritable.write_text("", "utf-8")  # the cache folder cannot be made under a file
    done = run(
        "check",
        "--to",
        "2026-12-06",
        "--data",
        str(workspace),
        env={"PLANNER_CACHE": str(unwritable / "x")},
        check=0,
    )
    assert done.stderr == ""


def test_a_forged_answer_is_never_printed(run: Run, workspace: Path, tmp_path: Path) -> None:
    """Someone who can write the cache folder (a shared, world-writable one) but has not the user's
    key writes "all ready" under the very name of the question: the check judges afresh."""
    run(
        "post",
        "edit",
        "p-0001",
        "--text",
        "Ilman tunnistetta",
        "--user",
        "p1",
        "--data",
        str(workspace),
        check=0,
    )
    _check(run, workspace)
    os.chmod(tmp_path / "cache", 0o777)
    clean = json.dumps({"range": {}, "summary": {"errors": 0}, "findings": []}) + "\n"
    (path,) = _entries(tmp_path)
    entry = {**_entry(tmp_path, path), "output": clean, "code": 0}
    tag = len(cache_folder.MAGIC) + cache_folder.TAG_BYTES
    unsealed = check_cache.framed(entry, "output")
    for forged in (unsealed, path.read_bytes()[:tag] + unsealed):
        path.write_bytes(forged)
        done = run("check", "--to", "2026-12-06", "--format", "json", "--data", str(workspace), check=1)
        assert done.stdout != clean and json.loads(done.stdout)["summary"]["blocking"] >= 1


@pytest.mark.parametrize(
    "text", ["", "\n", '{"findings": [\n  "ä"\n]}\n', '\u2028\u2029\r\n\\"', "ylöjärvi 🎉 " * 1000]
)
def test_an_entry_keeps_its_text_as_written(text: str) -> None:
    entry = {"made": "2026-06-15T10:00:00", "code": 1, "output": text}
    raw = check_cache.framed(entry, "output")
    assert raw.endswith(text.encode("utf-8")) and raw.count(b"\n") == text.count("\n") + 1
    assert check_cache.unframed(raw, "output") == entry


@pytest.mark.parametrize(
    "raw",
    [b"", b'{"code": 1}', b"[1]\nx", b'{"output": "a"}\nb', b'{"code": 1}\n\xff', b"{\nx", b"\xff\nx"],
)
def test_a_damaged_entry_is_refused(raw: bytes) -> None:
    with pytest.raises((ValueError, TypeError)):
        check_cache.unframed(raw, "output")
