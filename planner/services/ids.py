"""New ids that two writers, or two copies of one workspace, never both hand out.

A sequential `p-0043` is safe under the lock, but two clones of a workspace (a laptop copy, a
sync tool's conflict copy) would each hand out the same next number. An id here is the creation
second since 2020 (six characters, so ids sort by creation) and 20 random bits (four more), in
Crockford's base32 without the letters that read as digits: `p-0kb3mx7q2z`. Two clones collide
only by creating in the same second and drawing the same one-in-a-million suffix; within one
workspace the taken ids are checked as well.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Container

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
EPOCH = 1_577_836_800  # 2020-01-01T00:00:00Z
TIME_CHARS, RANDOM_CHARS = 6, 4


def _base32(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, rest = divmod(number, 32)
        digits.append(ALPHABET[rest])
    return "".join(reversed(digits))


def new_id(prefix: str, taken: Container[str] = ()) -> str:
    """A fresh `prefix-…` id not in `taken`."""
    stamp = _base32(max(int(time.time()) - EPOCH, 0), TIME_CHARS)
    while True:
        candidate = f"{prefix}-{stamp}{_base32(secrets.randbits(5 * RANDOM_CHARS), RANDOM_CHARS)}"
        if candidate not in taken:
            return candidate
