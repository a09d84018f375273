"""storage/signature: which files tell one state of a workspace from the next, and by what."""

from __future__ import annotations

import os
from pathlib import Path

from planner.storage.signature import JOURNAL, stat_signature, workspace_signature


def test_each_data_file_and_a_pending_journal_by_its_stat(tmp_path: Path) -> None:
    calendars, assets = tmp_path / "calendars", tmp_path / "assets"
    calendars.mkdir()
    assets.mkdir()
    wanted = [
        calendars / "team.json",
        calendars / "x-kunta.json",
        calendars / JOURNAL,
        assets / "library.json",
    ]
    for path in [
        *wanted,
        calendars / ".x-kunta.json.tmp",
        calendars / ".hidden.json",
        calendars / "notes.txt",
    ]:
        path.write_text("{}", "utf-8")
    found = workspace_signature(tmp_path)
    assert found == {str(p): stat_signature(os.stat(p)) for p in wanted}
    (calendars / "x-kunta.json").write_text('{"a": 1}', "utf-8")  # a save moves its signature
    assert (
        workspace_signature(tmp_path)[str(calendars / "x-kunta.json")]
        != found[str(calendars / "x-kunta.json")]
    )
    assert workspace_signature(tmp_path / "nowhere") == {}
