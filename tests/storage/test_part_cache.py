"""Each account's part of a `check` answer is kept between runs (storage/part_cache.py): after a save
only the account whose file changed is judged again, and a part is used again only while every
input named in its key, and its clock window and subtitle files, are as they were.

As in test_check_cache, a kept part is told from a fresh one by a marker written into it (sealed
with the user's key, as the user would): a marker seen proves the part was reused, a marker not seen
proves it was made again. The whole answers are removed before each run, so the parts answer."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from planner.bench.generate import generate
from planner.cli.check import part_text, whole_text
from planner.media.generate import write_subtitles
from planner.services import Session
from planner.services.checks import account_parts, check
from planner.storage import cache_folder
from planner.storage.part_cache import Part
from tests.conftest import Run
from tests.storage.test_check_cache import _entry, _sealed

RANGE = ("--from", "2026-03-30", "--to", "2026-09-27")
NOW = "2026-06-15 10:00"  # the generator's moment


@pytest.fixture
def town(tmp_path: Path) -> Path:
    """The benchmark's small workspace: six accounts, half a year, every rule failing somewhere."""
    root = tmp_path / "town"
    generate("small", root)
    return root


def _parts(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "parts").rglob("*.json"))


def _ask(run: Run, root: Path, tmp_path: Path, *args: str, now: str = NOW) -> str:
    """`check` as text, with the whole answers kept so far removed: the parts make the answer."""
    shutil.rmtree(tmp_path / "cache" / "check", ignore_errors=True)
    return run("check", *RANGE, *args, "--data", str(root), env={"PLANNER_NOW": now}).stdout


def _mark(tmp_path: Path) -> None:
    """Every kept part now ends with a line naming it as kept."""
    for path in _parts(tmp_path):
        entry = _entry(tmp_path, path)
        path.write_bytes(_sealed(tmp_path, path, {**entry, "text": f"{entry['text']}KEPT\n"}))


def _kept(output: str) -> int:
    return output.count("KEPT\n")


def test_after_a_save_only_that_accounts_part_is_made_again(run: Run, town: Path, tmp_path: Path) -> None:
    first = _ask(run, town, tmp_path)
    assert len(_parts(tmp_path)) == 6
    _mark(tmp_path)
    assert _kept(_ask(run, town, tmp_path)) == 6  # nothing changed: every part is used again
    ws = Session.open(str(town), None).load()
    draft = next(p for p in ws.posts_view.sorted() if p.status == "draft" and p.publish_date)
    run("post", "edit", draft.id, "--title", "Uusi otsikko", "--user", "h001", "--data", str(town), check=0)
    after = _ask(run, town, tmp_path)
    assert _kept(after) == 5  # the five other accounts' parts
    changed = after.split(f"\n{draft.account}\n", 1)[1].split("\n\n", 1)[0]
    assert "KEPT" not in changed  # the saved account's part is fresh
    assert after.replace("KEPT\n", "") == first  # and the answer is the one a fresh check gives


@pytest.mark.parametrize(
    "change",
    [
        ("absence", "add", "h002", "--from", "2026-06-15", "--to", "2026-06-30"),
        ("asset", "edit", "img-00001", "--alt", "Uusi kuvaus kirjastosta", "--lang", "fi"),
    ],
    ids=["team file", "library"],
)
def test_a_change_to_the_team_or_the_library_makes_every_part_again(
    run: Run, town: Path, tmp_path: Path, change: tuple[str, ...]
) -> None:
    _ask(run, town, tmp_path)
    _mark(tmp_path)
    run(*change, "--user", "h001", "--data", str(town), check=0)
    assert _kept(_ask(run, town, tmp_path)) == 0


def test_another_range_format_or_language_has_parts_of_its_own(run: Run, town: Path, tmp_path: Path) -> None:
    _ask(run, town, tmp_path)
    _mark(tmp_path)
    assert _kept(_ask(run, town, tmp_path, "--lang", "fi")) == 0
    shutil.rmtree(tmp_path / "cache" / "check")
    shorter = run("check", "--from", "2026-03-30", "--to", "2026-06-28", "--data", str(town)).stdout
    assert _kept(shorter) == 0
    _mark(tmp_path)
    as_json = _ask(run, town, tmp_path, "--format", "json")
    assert "KEPT" not in as_json and json.loads(as_json)["summary"]["accounts"] == 6


def test_a_ready_posts_time_passing_makes_only_its_accounts_part_again(
    run: Run, town: Path, tmp_path: Path
) -> None:
    ws = Session.open(str(town), None).load()
    now = dt.datetime(2026, 6, 15, 10, 0)
    ready = min(
        (p for p in ws.posts.values() if p.status == "ready" and p.publish_at and p.publish_at >= now),
        key=lambda p: p.publish_at or now,
    )
    assert ready.publish_at is not None
    at = ready.publish_at.strftime("%Y-%m-%d %H:%M")
    later = (ready.publish_at + dt.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M")
    earlier = (ready.publish_at - dt.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M")
    midnight = (ready.publish_at.date() + dt.timedelta(days=1)).isoformat() + " 00:00"
    _ask(run, town, tmp_path, now=at)
    _mark(tmp_path)
    assert _kept(_ask(run, town, tmp_path, now=at)) == 6  # not late yet
    assert _kept(_ask(run, town, tmp_path, now=later)) == 5  # late now: its account is judged again
    assert _kept(_ask(run, town, tmp_path, now=midnight)) == 0  # a new day: every part
    _mark(tmp_path)
    assert _kept(_ask(run, town, tmp_path, now=earlier)) == 0  # the clock went back: none is used


def test_a_changed_subtitle_file_makes_its_accounts_part_again(run: Run, town: Path, tmp_path: Path) -> None:
    ws = Session.open(str(town), None).load()
    video = next(a for a in ws.assets.values() if a.kind == "video" and a.subtitles)
    users = {p.account for p in ws.posts.values() if video.id in p.media and p.status != "cancelled"}
    assert users and len(users) < 6
    _ask(run, town, tmp_path)
    _mark(tmp_path)
    for file in video.subtitles.values():
        write_subtitles(town / "assets" / file, [("00:00:02.000", "00:00:01.000", "Takaperin")])
    after = _ask(run, town, tmp_path)
    assert _kept(after) <= 6 - len(users)


def test_a_forged_or_moved_part_is_never_printed(run: Run, town: Path, tmp_path: Path) -> None:
    _ask(run, town, tmp_path)
    first, second = _parts(tmp_path)[:2]
    forged = {**_entry(tmp_path, first), "text": "FORGED\n"}
    first.write_bytes(json.dumps(forged).encode())  # no seal
    second.write_bytes(_sealed(tmp_path, first, {**forged, "text": "MOVED\n"}))  # sealed for another name
    answer = _ask(run, town, tmp_path)
    assert "FORGED" not in answer and "MOVED" not in answer


def answer_parts(
    session: Session, now: dt.datetime, start: dt.date, end: dt.date, fmt: str, lang: str, terminal: bool
) -> list[Part]:
    """Each account's part of `check`'s answer for start..end in `fmt`, as the command asks."""
    return account_parts(
        session,
        session.store.load_partial(()),
        now,
        start,
        end,
        None,
        (fmt, lang, terminal),
        lambda r: part_text(r.findings, lang, fmt, terminal),
    )


def test_the_code_and_the_holidays_package_are_in_every_key(
    town: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process: a part kept under this code is looked up again; another code stamp, or another
    `holidays` package, asks for another key and judges afresh."""
    from planner.storage import holiday_cache

    monkeypatch.setenv("PLANNER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PLANNER_NOW", NOW)
    session = Session.open(str(town), None)
    ws = session.load()
    now = session.now(ws)
    start, end = dt.date(2026, 3, 30), dt.date(2026, 9, 27)
    judged: list[str] = []

    def render(report: object) -> str:
        judged.append("x")
        return part_text(report.findings, "en", "text", False)  # type: ignore[attr-defined]

    def ask() -> int:
        judged.clear()
        account_parts(
            session, session.store.load_partial(()), now, start, end, None, ("text", "en", False), render
        )
        return len(judged)

    assert ask() == 6 and ask() == 0
    monkeypatch.setattr(cache_folder, "_CODE", "another version of the planner")
    assert ask() == 6 and ask() == 0
    holiday_cache.library_stamp.cache_clear()
    monkeypatch.setattr(holiday_cache, "library_stamp", lambda: "another holidays package")
    assert ask() == 6
    assert len({p.stem for p in _parts(tmp_path)}) == 18


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_answer_from_parts_is_the_whole_reports_to_the_character(
    town: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool, lang: str
) -> None:
    """SPEC's JSON (indented at a terminal) and the text, made from kept parts and from fresh ones,
    equal the whole report's own rendering (Report.to_dict, json.dumps as `print_json` writes it)."""
    monkeypatch.setenv("PLANNER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PLANNER_NOW", NOW)
    session = Session.open(str(town), None)
    ws = session.load()
    now = session.now(ws)
    start, end = dt.date(2026, 3, 30), dt.date(2026, 9, 27)
    whole = check(ws, session.store.assets, now, start, end)
    expected = json.dumps(whole.to_dict(lang), ensure_ascii=False, indent=2 if terminal else None) + "\n"

    def printed(fmt: str) -> str:
        """The answer `check` prints in `fmt`, made from the accounts' parts."""
        parts = answer_parts(session, now, start, end, fmt, lang, terminal)
        blocking.append(sum(p.blocking for p in parts))
        return whole_text(parts, start, end, lang, fmt, terminal)

    blocking: list[int] = []
    for _ in range(2):  # made, then kept
        assert printed("json") == expected
    assert blocking[-1] == whole.summary()["blocking"] > 0
    lines = printed("text").splitlines()
    assert len([line for line in lines if line.startswith("  ")]) == len(whole.findings)
    assert lines[-1].startswith("Yhteensä" if lang == "fi" else "In all")
    assert [line for line in lines if line and not line.startswith("  ")][1:-1] == sorted(
        {f.account for f in whole.findings}
    )


def test_no_accounts_and_an_empty_range_still_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert whole_text([], dt.date(2026, 1, 5), dt.date(2026, 1, 11), "en", "json", True).endswith(
        '"findings": []\n}\n'
    )
    assert json.loads(whole_text([], dt.date(2026, 1, 5), dt.date(2026, 1, 11), "en", "json", False))[
        "summary"
    ] == {
        "errors": 0,
        "warnings": 0,
        "blocking": 0,
        "posts": 0,
        "accounts": 0,
    }
    assert whole_text([], dt.date(2026, 1, 5), dt.date(2026, 1, 11), "en", "text", False).endswith(
        "\nAll clear.\n"
    )


def test_damage_is_found_whatever_parts_are_kept(run: Run, town: Path, tmp_path: Path) -> None:
    """An account file that is not JSON any more has no part (its bytes are new), so it is read and
    found damaged; an emptied one is damage before anything is looked up."""
    first = _ask(run, town, tmp_path)
    assert len(_parts(tmp_path)) == 6
    victim = sorted((town / "calendars").glob("x-*.json"))[0]
    good = victim.read_bytes()
    for damage in (good[: len(good) // 2], b""):
        victim.write_bytes(damage)
        shutil.rmtree(tmp_path / "cache" / "check", ignore_errors=True)
        done = run("check", *RANGE, "--data", str(town), check=2)
        assert victim.name in done.stderr and "doctor" in done.stderr and done.stdout == ""
    victim.write_bytes(good)
    assert _ask(run, town, tmp_path) == first


def test_a_partial_read_never_stands_for_the_workspace(town: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`load_partial` reads some accounts' records for a check; the store's snapshot, which every
    later load and every save starts from, stays the whole workspace."""
    monkeypatch.setenv("PLANNER_NOW", NOW)
    session = Session.open(str(town), None)
    found = session.store.load_partial(())
    assert found.ws.accounts == {} and found.ws.posts == {} and len(found.account_files) == 6
    some = session.store.load_partial(sorted(found.account_files)[:1])
    assert len(some.ws.accounts) == 1 and some.ws.assets
    whole = session.load()
    assert len(whole.accounts) == 6 and len(whole.posts) > len(some.ws.posts)
    assert {p.account for p in whole.posts.values()} == set(whole.accounts)


def test_a_file_only_hashed_is_hashed_again_once_it_changes(
    town: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store remembers the digest of a file it only hashed while the file's stat signature
    holds: a rewrite of the same size, or an emptied file, is read again (and the empty one is
    damage)."""
    from planner.domain.errors import DataError
    from planner.storage import workspace

    monkeypatch.setenv("PLANNER_NOW", NOW)
    store = Session.open(str(town), None).store
    first = store.load_partial(())
    hashed: list[int] = []
    real = workspace.content_digest
    monkeypatch.setattr(workspace, "content_digest", lambda data: hashed.append(len(data)) or real(data))
    assert store.load_partial(()).account_files == first.account_files and len(hashed) == 0
    name = sorted(first.account_files)[0]
    path = town / "calendars" / name
    good = path.read_bytes()
    changed = re.sub(
        rb'("revision": ?)([0-8])', lambda m: m.group(1) + bytes([m.group(2)[0] + 1]), good, count=1
    )
    assert changed != good
    path.write_bytes(changed)
    assert len(path.read_bytes()) == len(good)
    again = store.load_partial(())
    assert again.account_files[name] != first.account_files[name] and len(hashed) == 1
    path.write_bytes(b"")
    with pytest.raises(DataError):
        store.load_partial(())


def test_an_unknown_account_is_named_whatever_is_kept(run: Run, town: Path, tmp_path: Path) -> None:
    _ask(run, town, tmp_path)
    done = run("check", *RANGE, "--account", "ei-ole", "--data", str(town), check=2)
    assert "ei-ole" in done.stderr and done.stdout == ""


@pytest.mark.parametrize(("fmt", "terminal"), [("json", False), ("json", True), ("text", False)])
def test_each_part_is_made_safe_for_a_terminal_and_the_answer_with_it(fmt: str, terminal: bool) -> None:
    """The parts are made safe (`shown_stream`) one by one when made, not the joined answer: the
    answer joined from them is what the whole answer made safe at once would be."""
    from planner.domain.check import Finding
    from planner.i18n.shown import shown_stream
    from planner.storage.part_cache import Part

    day = dt.date(2026, 1, 7)
    hostile = "\x1b[2J\u202eevil\u2028\x85"
    parts = []
    for account in ("a-tili", "b-tili"):
        finding = Finding(
            "media.alt_quality",
            "warning",
            False,
            account,
            "p-1",
            "draft",
            day,
            None,
            "media.alt_quality.filename",
            {"asset": hostile},
        )
        text = part_text([finding], "fi", fmt, terminal)
        assert not any(c in text for c in "\x1b\u202e\u2028\x85")
        parts.append(Part(text, 1, 0, 1, 1, until=dt.datetime(2026, 1, 8), account=account))
    raw = [Part(shown_stream(p.text), 1, 0, 1, 1, until=p.until, account=p.account) for p in parts]
    answer = whole_text(parts, day, day, "fi", fmt, terminal)
    assert answer == whole_text(raw, day, day, "fi", fmt, terminal)
    assert answer.count("\\x1b") == 2 and answer.count("\\u202e") == 2
    if fmt == "json":
        assert [f["account"] for f in json.loads(answer)["findings"]] == ["a-tili", "b-tili"]
