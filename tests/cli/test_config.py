"""The settings file (`$XDG_CONFIG_HOME/somekalenteri/config.toml`): `data`, `user` and `lang` so
that nobody types `--data` and `--user` all day; options and the environment win over it; a broken
file is one line, exit 2."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.fixture
def settings(tmp_path: Path, run: Run) -> Path:
    root = tmp_path / "city"
    run("init", str(root), "--demo", check=0)
    folder = tmp_path / "config" / "somekalenteri"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(f'data = "{root}"\nuser = "sanna"\nlang = "fi"\n', encoding="utf-8")
    return root


def test_data_user_and_lang_come_from_the_file(run: Run, settings: Path, tmp_path: Path) -> None:
    done = run(
        "feedback",
        "add",
        "--account",
        "x-jarvelan-kaupunki",
        "--received",
        "2026-12-01 09:00",
        "--text",
        "Kysymys",
        cwd=tmp_path,
        check=0,
    )
    listed = json.loads(run("feedback", "list", "--format", "json", cwd=tmp_path, check=0).stdout)
    assert next(f for f in listed if f["id"] == done.stdout.strip())["added_by"] == "sanna"
    assert "tuntematon julkaisu" in run("post", "ready", "p-nope", cwd=tmp_path, check=2).stderr


def test_options_and_the_environment_win_over_the_file(run: Run, settings: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    run("init", str(other), "--demo", check=0)
    assert "unknown post" in run("post", "ready", "p-nope", "--lang", "en", cwd=tmp_path, check=2).stderr
    done = run(
        "feedback",
        "add",
        "--account",
        "x-jarvelan-kaupunki",
        "--received",
        "2026-12-01 09:00",
        "--text",
        "x",
        env={"PLANNER_DATA": str(other), "PLANNER_USER": "aino"},
        cwd=tmp_path,
        check=0,
    )
    item = json.loads(run("feedback", "list", "--format", "json", "--data", str(other), check=0).stdout)
    assert [f["added_by"] for f in item if f["id"] == done.stdout.strip()] == ["aino"]


@pytest.mark.parametrize("text", ["data = [1]\n", "data = \n", 'lang = "sv"\n', 'user = "a\\u001b[31m"\n'])
def test_a_broken_settings_file_is_one_line_and_exit_2(run: Run, tmp_path: Path, text: str) -> None:
    folder = tmp_path / "config" / "somekalenteri"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")
    done = run("check", cwd=tmp_path, check=2)
    assert "config.toml" in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "finnish", "english"),
    [
        ("lang = ", "virhe tekstin lopussa", "an error at the end of the text"),
        ('data = "x"\n[kesken x]\n', "virhe rivillä 2, sarakkeessa 9", "an error at line 2, column 9"),
    ],
)
def test_why_a_settings_file_is_not_toml_is_said_in_finnish(
    run: Run, tmp_path: Path, text: str, finnish: str, english: str
) -> None:
    """tomllib's English ("Expected ']' at the end of a table declaration") was the reason inside
    the Finnish line."""
    folder = tmp_path / "config" / "somekalenteri"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")
    said = run("check", "--lang", "fi", cwd=tmp_path, check=2).stderr
    assert said.endswith(f"config.toml ei kelpaa: {finnish}\n") and said.startswith(
        "planner: asetustiedosto "
    )
    assert run("check", "--lang", "en", cwd=tmp_path, check=2).stderr.endswith(f"is not valid: {english}\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_opening_the_app_says_so_on_a_terminal_until_the_app_draws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A metro's two years took 2.4 s to read before the app drew anything, and the terminal
    showed nothing meanwhile. The line is erased as the app ends."""
    import planner.ui.app as app_module
    from planner.cli.main import main

    root = tmp_path / "ws"
    main(["init", str(root)])
    shown: list[str] = []
    stream = _Terminal()

    def drawn(*args: object, **kwargs: object) -> int:
        shown.append(stream.getvalue())  # what the terminal held as the app started
        return 0

    monkeypatch.setattr(app_module, "run_app", drawn)
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    assert main(["--data", str(root), "--lang", "fi"]) == 0
    assert shown == [f"Avataan työtilaa {root}…\r"]
    assert stream.getvalue() == f"Avataan työtilaa {root}…\r\x1b[2K"


@pytest.mark.parametrize("demo", [False, True])
@pytest.mark.parametrize("terminal", ["stdin", "stderr"])
def test_the_app_without_a_terminal_is_one_line_and_never_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: str, demo: bool
) -> None:
    """`planner --data DIR` from a script, cron or with its input from a file: the app drew its
    screens into the file and waited for keys forever. Now it says why in one line (exit 2), and
    the demo is not built."""
    import tempfile

    import planner.ui.app as app_module
    from planner.cli.main import main

    root = tmp_path / "ws"
    main(["init", str(root)])
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    opened: list[object] = []
    monkeypatch.setattr(app_module, "run_app", lambda *a, **k: opened.append(a) or 0)
    error = io.StringIO() if terminal == "stderr" else _Terminal()
    monkeypatch.setattr(sys, "stderr", error)
    monkeypatch.setattr(sys, "stdin", io.StringIO() if terminal == "stdin" else _Terminal())
    assert main([*(["--demo"] if demo else ["--data", str(root)]), "--lang", "en"]) == 2
    assert opened == []
    said = error.getvalue()
    assert said.startswith("planner: the app draws on a terminal") and said.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws"]  # no demo made
