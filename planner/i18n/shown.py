"""Untrusted text made safe to show: what a person typed, a file held or an argument carried reaches
a terminal, a message or a log line with its control, bidirectional and unpaired surrogate
characters spelt out (`\\x1b`, `\\u202e`, `\\udcff`), never raw."""

from __future__ import annotations

import re

# C0 and C1 controls (tab and line breaks too: a message is one line), the bidirectional
# embeddings, overrides, isolates and marks, the line and paragraph separators, the byte-order
# mark and lone surrogates (an undecodable byte of an argument, as Python hands it over).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def _spelt(match: re.Match[str]) -> str:
    """`\\x1b` for a C0 control, `\\u202e` for the rest: the latter is also a valid escape
    inside a JSON string, so a JSON document passed through `shown_stream` still reads."""
    point = ord(match.group(0))
    return f"\\x{point:02x}" if point < 0x20 else f"\\u{point:04x}"


def shown(text: str) -> str:
    """`text` with every character that could repaint a terminal, reorder a line or fail to encode
    replaced by its escape; other text, Finnish letters and emoji included, is left as it is."""
    return _UNSAFE.sub(_spelt, text) if _UNSAFE.search(text) else text


_UNSAFE_IN_STREAM = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def shown_stream(text: str) -> str:
    """As `shown`, keeping tabs and line feeds: for whole lines of output on their way to a terminal."""
    return _UNSAFE_IN_STREAM.sub(_spelt, text) if _UNSAFE_IN_STREAM.search(text) else text
