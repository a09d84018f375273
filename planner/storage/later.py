"""The library's records, unpickled when first asked for.

An app start at city scale read 62 kept entries (storage/parse_cache) before it painted the week,
and the library's 4,000 assets were a quarter of that (8 ms), though the week shows none of them.
A kept entry is checked (its seal over its bytes) when the workspace is read; only `pickle.loads`
waits until something looks at an asset or a consent, as the app's editor made in the background
after start does (ui/app.prebuild_editor). So the records are those of the bytes the load read,
whenever they are unpickled.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class Later:
    """The records a sealed payload holds, unpickled once, at the first `value()`. Should the
    payload not unpickle after all, `again()` reads the records another way (the file's bytes,
    parsed, when they are still the bytes the payload was kept of)."""

    __slots__ = ("_payload", "_value", "_again")

    def __init__(self, payload: bytes, again: Callable[[], Any]) -> None:
        self._payload: bytes | None = payload
        self._value: Any = None
        self._again = again

    @property
    def waiting(self) -> bool:
        """Not unpickled yet."""
        return self._payload is not None

    def value(self) -> Any:
        payload = self._payload
        if payload is not None:
            try:
                self._value = pickle.loads(payload)
            except Exception:  # noqa: BLE001 - a payload that does not load: read another way
                self._value = self._again()
            self._payload = None
        return self._value


class LaterMap(Mapping[str, V], Generic[V]):
    """One kind of the library's records (`kind` of the dict of kinds `later` holds), as a
    read-only map that unpickles them all when first read (a save copies it into a dict of its
    own: storage/unit)."""

    __slots__ = ("_later", "_kind", "_found")

    def __init__(self, later: Later, kind: str) -> None:
        self._later = later
        self._kind = kind
        self._found: dict[str, V] | None = None

    def _records(self) -> dict[str, V]:
        found = self._found
        if found is None:
            found = self._found = self._later.value()[self._kind]
        return found

    def __getitem__(self, key: str) -> V:
        return self._records()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._records())

    def __len__(self) -> int:
        return len(self._records())

    def __contains__(self, key: object) -> bool:
        return key in self._records()

    def get(self, key: str, default: Any = None) -> Any:
        return self._records().get(key, default)

    def keys(self) -> KeysView[str]:
        return self._records().keys()

    def values(self) -> ValuesView[V]:
        return self._records().values()

    def items(self) -> ItemsView[str, V]:
        return self._records().items()

    def __eq__(self, other: object) -> bool:
        return self._records() == (dict(other) if isinstance(other, Mapping) else other)

    __hash__ = None  # type: ignore[assignment]  # a map, as a dict is

    def __repr__(self) -> str:
        return f"LaterMap({self._kind}, {'waiting' if self._found is None else len(self._found)})"
