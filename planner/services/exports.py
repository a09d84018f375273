"""Writing an export where the user asked: atomically, or one clear error."""

from __future__ import annotations

from pathlib import Path

from planner.domain.errors import DataError
from planner.storage.files import atomic_write


def write_export(path: Path, data: bytes) -> None:
    try:
        atomic_write(path.resolve(), data)
    except OSError as exc:
        raise DataError("err.output", file=str(path), reason=exc.strerror or str(exc)) from exc
