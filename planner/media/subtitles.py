"""Strict SubRip (.srt) and WebVTT (.vtt) parsing: cues, or the first error with its line number.

The PyPI parsers we tried skip malformed cues silently; a subtitle rule needs to know, so this is a
small strict parser of the two formats' cue grammar, with tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_SRT_TIME = r"(\d{2,}):([0-5]\d):([0-5]\d),(\d{3})"
_VTT_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_SRT_TIMING = re.compile(rf"^{_SRT_TIME}\s+-->\s+{_SRT_TIME}\s*$")
_VTT_TIMING = re.compile(rf"^{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t]+.*)?$")


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str
    line: int  # where the cue's timing line stands, 1-based


class SubtitleError(ValueError):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def _ms(hours: str | None, minutes: str, seconds: str, millis: str) -> int:
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks, each with the number of its first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _timed(match: re.Match[str], line: int) -> tuple[int, int]:
    groups = match.groups()
    start, end = _ms(*groups[:4]), _ms(*groups[4:])
    if end <= start:
        raise SubtitleError(line, "cue ends before it starts")
    return start, end


def parse_srt(text: str) -> list[Cue]:
    cues: list[Cue] = []
    for start_line, lines in _blocks(text.lstrip("\ufeff")):
        if not lines[0].strip().isdigit():
            raise SubtitleError(start_line, f"expected a cue number, found «{lines[0][:40]}»")
        if len(lines) < 2:
            raise SubtitleError(start_line, "cue has no timing line")
        match = _SRT_TIMING.match(lines[1].strip())
        if not match:
            raise SubtitleError(start_line + 1, f"bad timing «{lines[1][:60]}»")
        start, end = _timed(match, start_line + 1)
        if len(lines) < 3:
            raise SubtitleError(start_line + 1, "cue has no text")
        cues.append(Cue(start, end, "\n".join(lines[2:]), start_line + 1))
    return cues


def parse_vtt(text: str) -> list[Cue]:
    text = text.lstrip("\ufeff")
    blocks = _blocks(text)
    first = text.split("\n", 1)[0].rstrip("\r")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", first):
        raise SubtitleError(1, "a WebVTT file must start with WEBVTT")
    cues: list[Cue] = []
    for start_line, lines in blocks[1:] if blocks and blocks[0][0] == 1 else blocks:
        if re.match(r"^(NOTE|STYLE|REGION)(\s|$)", lines[0]):
            continue
        offset = 0 if "-->" in lines[0] else 1
        if offset and (len(lines) < 2 or "-->" not in lines[1]):
            raise SubtitleError(start_line, f"expected a cue timing, found «{lines[0][:40]}»")
        match = _VTT_TIMING.match(lines[offset].strip())
        if not match:
            raise SubtitleError(start_line + offset, f"bad timing «{lines[offset][:60]}»")
        start, end = _timed(match, start_line + offset)
        payload = lines[offset + 1 :]
        if not payload:
            raise SubtitleError(start_line + offset, "cue has no text")
        cues.append(Cue(start, end, "\n".join(payload), start_line + offset))
    return cues


def parse_subtitles(path: Path) -> list[Cue]:
    """The cues of an .srt or .vtt file; SubtitleError names the line of the first problem."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SubtitleError(1, "the file is not UTF-8 text") from exc
    suffix = path.suffix.lower()
    if suffix == ".srt":
        cues = parse_srt(text)
    elif suffix == ".vtt":
        cues = parse_vtt(text)
    else:
        raise SubtitleError(1, "only .srt and .vtt subtitle files are supported")
    if not cues:
        raise SubtitleError(1, "the file has no cues")
    return cues


def subtitle_problem(path: Path) -> str | None:
    """None when the file parses, else a one-line reason (what the subtitle rule reports)."""
    try:
        parse_subtitles(path)
    except SubtitleError as exc:
        return str(exc)
    except OSError as exc:
        return exc.strerror or "cannot be read"
    return None
