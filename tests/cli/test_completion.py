"""`planner completion`: the bash script sourced in a real bash, completing commands, subcommands,
options, their choices and the workspace's account and person ids; zsh and fish scripts made from
the same parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import Run


def completed(script: Path, root: Path, *words: str) -> list[str]:
    probe = (
        f"source {script}; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
        'COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=(); _planner; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PLANNER_DATA": str(root),
    }
    done = subprocess.run(
        ["bash", "-c", probe], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    return [line for line in done.stdout.splitlines() if line]


def test_bash_completes_commands_options_choices_and_ids(run: Run, tmp_path: Path) -> None:
    root = tmp_path / "city"
    run("init", str(root), "--demo", check=0)
    script = tmp_path / "planner.bash"
    script.write_text(run("completion", "bash", check=0).stdout, encoding="utf-8")
    assert completed(script, root, "planner", "feedb") == ["feedback"]
    assert sorted(completed(script, root, "planner", "fee")) == ["feed", "feedback"]
    assert "export" in completed(script, root, "planner", "post", "")
    assert completed(script, root, "planner", "post", "add", "--ki") == ["--kind"]
    assert completed(script, root, "planner", "feedback", "close", "f-1", "--reason", "") == [
        "no-reply-needed",
        "spam",
        "removed",
    ]
    assert completed(script, root, "planner", "report", "--account", "youtube") == ["youtube-jarvela-tv"]
    assert completed(script, root, "planner", "--user", "ai") == ["aino"]


def test_zsh_and_fish_scripts_name_every_command(run: Run) -> None:
    zsh = run("completion", "zsh", check=0).stdout
    fish = run("completion", "fish", check=0).stdout
    assert "bashcompinit" in zsh and "_planner" in zsh
    for command in ("feedback", "incident", "goal", "metrics", "report", "post"):
        assert command in fish
    assert "-l reason -r -a 'no-reply-needed spam removed'" in fish
