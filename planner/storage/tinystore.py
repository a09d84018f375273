"""TinyDB's file layout, read strictly and rendered to bytes for an atomic commit (storage/files)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from planner.domain.errors import DataError
from planner.storage.files import dump_json, parse_json

Tables = dict[str, list[dict[str, Any]]]


def read_tables(path: Path) -> Tables:
    """Every table of a TinyDB file as plain lists of dicts, in the file's order (empty when the
    file does not exist). What `TinyDB(path).table(name).all()` gives, read without wrapping each
    document in a `Document` and copying it back out, which was most of reading the files (a test
    holds the two readings equal)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    return tables_of(raw, path)


def tables_of(raw: bytes, path: Path) -> Tables:
    """The tables of a TinyDB file's bytes, strictly: an object of tables, each an object of
    documents by id (`path` names the file in an error)."""
    data = parse_json(raw, path)
    if data is None:
        return {}
    if not isinstance(data, Mapping) or not all(
        isinstance(table, Mapping) and all(isinstance(doc, Mapping) for doc in table.values())
        for table in data.values()
    ):
        raise DataError("err.corrupt_file", file=str(path), reason_key="reason.not_tinydb")
    return {name: list(table.values()) for name, table in data.items()}


def render_tables(tables: Tables) -> bytes:
    """The bytes of a TinyDB file holding `tables`, for an atomic multi-file commit."""
    from tinydb import TinyDB  # a writer's: a check reads the files without it
    from tinydb.storages import MemoryStorage

    db = TinyDB(storage=MemoryStorage)
    for name, docs in tables.items():
        table = db.table(name)
        if docs:
            table.insert_multiple(docs)
    data = db.storage.read() or {}
    for name in tables:  # keep empty tables visible in the file
        data.setdefault(name, {})
    return dump_json(data)
