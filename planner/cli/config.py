"""The user's defaults: `$XDG_CONFIG_HOME/somekalenteri/config.toml` (else `~/.config/…`) may hold
`data` (the workspace), `user` (who is writing) and `lang` (`fi` or `en`), so that a producer does
not type `--data` and `--user` all day. Options win over it, and so do `PLANNER_DATA` and
`PLANNER_USER`; its `lang` wins over the locale, which is the machine's, not the planner's."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from planner.domain.errors import DataError, system_reason, text_reason
from planner.domain.fields import has_control

KEYS = ("data", "user", "lang")


def config_path(env: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if env is None else env
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "somekalenteri" / "config.toml"


def load_config(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The file's settings (none when there is no file); a file that is not TOML, or a setting that
    is not a line of text (or a language other than fi and en), is an error naming the file."""
    path = config_path(env)
    try:
        raw = path.read_bytes() if path.is_file() else None
    except OSError as exc:
        raise DataError("err.config", file=str(path), **system_reason(exc)) from None
    if raw is None:
        return {}
    if len(raw) > 64 * 1024:
        raise DataError("err.config", file=str(path), reason_key="reason.config_too_big")
    try:
        found = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataError("err.config", file=str(path), **text_reason(exc)) from None
    settings: dict[str, str] = {}
    for key in KEYS:
        value = found.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip() or has_control(value) or "\n" in value:
            raise DataError("err.config", file=str(path), reason_key="reason.config_not_text", key=key)
        if key == "lang" and value not in ("fi", "en"):
            raise DataError("err.config", file=str(path), reason_key="reason.config_lang")
        settings[key] = os.path.expanduser(value) if key == "data" else value.strip()
    return settings
