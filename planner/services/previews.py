"""What the app shows of a picture: its colour preview rows, read from assets/ through storage (a
path leaving assets/, a missing file or a FIFO in its place is a one-line error, not a hang)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from planner.domain.errors import DataError
from planner.domain.model import Asset
from planner.media import preview
from planner.media.preview import RGB, half_block_rows
from planner.storage.files import read_regular, stat_signature
from planner.storage.paths import resolve_asset_path

Rows = list[list[tuple[RGB, RGB]]]


def asset_bytes(assets_root: Path, relative: str) -> bytes:
    """The bytes of a file under assets/; DataError when it leaves assets/, is missing or is no
    regular file."""
    path = resolve_asset_path(assets_root, relative, must_exist=False)
    if path is None:
        raise DataError("err.asset_outside", value=relative)
    if resolve_asset_path(assets_root, relative) is None:
        raise DataError("err.asset_missing", value=relative)
    data = read_regular(path)
    assert data is not None
    return data


def preview_rows(assets_root: Path, asset: Asset, columns: int, rows: int) -> Rows:
    """An image asset's preview: `rows` lines of `columns` cells of (top, bottom) colours."""
    data = asset_bytes(assets_root, asset.file)
    return half_block_rows(data, PurePosixPath(asset.file).name, columns, rows)


def warm() -> None:
    """What drawing the first preview needs, made ready ahead of it (media.preview.warm)."""
    preview.warm()


def preview_stamp(assets_root: Path, asset: Asset) -> tuple[object, ...]:
    """What tells one drawing of an asset's preview from the next: the record, and its file's
    stat signature (None for a file that cannot be statted, or one outside assets/)."""
    path = resolve_asset_path(assets_root, asset.file, must_exist=False)
    try:
        found = stat_signature(path.stat()) if path is not None else None
    except OSError:
        found = None
    return (asset, found)
