"""The user's own keys: `{"binding-id": "key"}` in `~/.config/somekalenteri/keymap.json`, applied
with Textual's public keymap (`App.set_keymap`) by binding id (ui/actions.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from planner.ui.actions import BY_ID


def keymap_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "somekalenteri" / "keymap.json"


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The remapped keys of known actions (unknown ids and other shapes are passed by)."""
    try:
        found = json.loads((path or keymap_path()).read_text("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items() if str(k) in BY_ID and isinstance(v, str) and v.strip()}


def shown_keys(keys: str) -> str:
    """Textual's key names as a person reads them: `question_mark,f1` → `?, F1`."""
    names = {
        "question_mark": "?",
        "exclamation_mark": "!",
        "slash": "/",
        "escape": "Esc",
        "enter": "Enter",
        "left": "←",
        "right": "→",
        "up": "↑",
        "down": "↓",
    }
    shown = []
    for key in keys.split(","):
        parts = key.split("+")
        last = names.get(
            parts[-1],
            parts[-1].upper() if parts[-1].startswith("f") and parts[-1][1:].isdigit() else parts[-1],
        )
        shown.append("+".join([*(p.capitalize() for p in parts[:-1]), last]))
    return ", ".join(shown)
