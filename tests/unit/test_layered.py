"""domain/layered: a map of changes on top of a shared base reads exactly as a dict given the same
operations would (keys, values, items, order, length, membership), and never changes its base or
the map it was made from."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain import layered
from planner.domain.layered import Layered

KEYS = st.sampled_from([f"p{n}" for n in range(12)])
# (operation, key, value): set or delete, applied to one transaction's map; "next" starts another
OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["set", "delete", "next"]), KEYS, st.integers(0, 9)), max_size=60
)


def assert_reads_as(found: Layered[str, int], expected: dict[str, int]) -> None:
    assert list(found) == list(expected)
    assert list(found.keys()) == list(expected.keys())
    assert list(found.values()) == list(expected.values())
    assert list(found.items()) == list(expected.items())
    assert len(found) == len(expected) == len(found.values()) == len(found.items())
    assert dict(found) == expected and found == expected
    for key in (f"p{n}" for n in range(13)):
        assert (key in found) == (key in expected)
        assert found.get(key) == expected.get(key)


@settings(max_examples=300, deadline=None)
@given(
    base=st.dictionaries(KEYS, st.integers(0, 9)),
    operations=OPERATIONS,
    flat_below=st.sampled_from([0, 2, 64]),
)
def test_it_reads_as_a_dict_through_transaction_after_transaction(
    base: dict[str, int], operations: list[tuple[str, str, int]], flat_below: int
) -> None:
    original = dict(base)
    saved = layered.FLAT_BELOW
    layered.FLAT_BELOW = flat_below  # 0: every transaction flattens; 64: none does
    try:
        snapshots: list[tuple[Layered[str, int], dict[str, int]]] = []
        current, expected = Layered.over(base), dict(base)
        for operation, key, value in operations:
            if operation == "next":  # the transaction commits; the next one starts over it
                snapshots.append((current, dict(expected)))
                current = Layered.over(current)
            elif operation == "set":
                current[key] = value
                expected[key] = value
            elif key in expected:
                assert current.pop(key) == expected.pop(key)
            else:
                assert current.pop(key, None) is None
        assert_reads_as(current, expected)
        for snapshot, then in snapshots:  # a committed snapshot never moves with a later change
            assert_reads_as(snapshot, then)
    finally:
        layered.FLAT_BELOW = saved
    assert base == original and list(base) == list(original)


def test_a_change_shares_the_base_and_a_pile_of_changes_is_flattened() -> None:
    base = {f"p{n}": n for n in range(10_000)}
    first = Layered.over(base)
    first["p5"] = -5
    second = Layered.over(first)
    second["p6"] = -6
    assert second._base is base and first._base is base  # no copy of the 10,000
    assert first["p6"] == 6 and second["p5"] == -5 and base["p5"] == 5
    current, most = second, max(layered.FLAT_BELOW, len(base) // 64)  # changes kept on top
    for n in range(most - 2):
        current = Layered.over(current)
        current[f"new{n}"] = n
    assert current._base is base and len(current._top) == most
    current["one more"] = 0
    flat = Layered.over(current)
    assert flat._base is not base and type(flat._base) is dict and not flat._top
    assert list(flat.items()) == list(current.items())


def test_a_missing_key_is_a_key_error() -> None:
    found = Layered.over({"a": 1})
    del found["a"]
    for key in ("a", "b"):
        try:
            found[key]
        except KeyError:
            pass
        else:
            raise AssertionError(key)
        try:
            del found[key]
        except KeyError:
            pass
        else:
            raise AssertionError(key)
    assert len(found) == 0 and list(found.values()) == []
