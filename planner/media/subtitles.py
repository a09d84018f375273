"""Strict SubRip (.srt) and WebVTT (.vtt) parsing: cues, or the first error with its line number.

The PyPI parsers we tried skip malformed cues silently; a subtitle rule needs to know, so this is a
small strict parser of the two formats' cue grammar, with tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from planner.i18n import t

_SRT_TIME = r"(\d{2,}):([0-5]\d):([0-5]\d),(\d{3})"
_VTT_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_SRT_TIMING = re.compile(rf"^{_SRT_TIME}\s+-->\s+{_SRT_TIME}\s*$")
# Control characters but tab and line breaks (CR ends a line in files written on Windows).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_VTT_TIMING = re.compile(rf"^{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t]+.*)?$")


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str
    line: int  # where the cue's timing line stands, 1-based


class SubtitleError(ValueError):
    """The first problem in a file: its line and a catalogue key `sub.<code>` for the reason."""

    def __init__(self, line: int, code: str, **params: object) -> None:
        self.line, self.code, self.params = line, code, params
        super().__init__(f"line {line}: {self.reason('en')}")

    def reason(self, lang: str) -> str:
        return t("sub." + self.code, lang, **self.params)


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
        raise SubtitleError(line, "ends_before")
    return start, end


def parse_srt(text: str) -> list[Cue]:
    cues: list[Cue] = []
    for start_line, lines in _blocks(text.lstrip("\ufeff")):
        number = lines[0].strip()
        if not (number.isascii() and number.isdigit()):
            raise SubtitleError(start_line, "no_number", found=lines[0][:40])
        if len(lines) < 2:
            raise SubtitleError(start_line, "no_timing")
        match = _SRT_TIMING.match(lines[1].strip())
        if not match:
            raise SubtitleError(start_line + 1, "bad_timing", found=lines[1][:60])
        start, end = _timed(match, start_line + 1)
        if len(lines) < 3:
            raise SubtitleError(start_line + 1, "no_text")
        cues.append(Cue(start, end, "\n".join(lines[2:]), start_line + 1))
    return cues


def parse_vtt(text: str) -> list[Cue]:
    text = text.lstrip("\ufeff")
    blocks = _blocks(text)
    first = text.split("\n", 1)[0].rstrip("\r")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", first):
        raise SubtitleError(1, "no_header")
    cues: list[Cue] = []
    for start_line, lines in blocks[1:] if blocks and blocks[0][0] == 1 else blocks:
        if re.match(r"^(NOTE|STYLE|REGION)(\s|$)", lines[0]):
            continue
        offset = 0 if "-->" in lines[0] else 1
        if offset and (len(lines) < 2 or "-->" not in lines[1]):
            raise SubtitleError(start_line, "expected_timing", found=lines[0][:40])
        match = _VTT_TIMING.match(lines[offset].strip())
        if not match:
            raise SubtitleError(start_line + offset, "bad_timing", found=lines[offset][:60])
        start, end = _timed(match, start_line + offset)
        payload = lines[offset + 1 :]
        if not payload:
            raise SubtitleError(start_line + offset, "no_text")
        cues.append(Cue(start, end, "\n".join(payload), start_line + offset))
    return cues


def parse_subtitles(data: bytes, name: str) -> list[Cue]:
    """The cues of an .srt or .vtt file's bytes (`name` tells which by its suffix); SubtitleError
    names the line of the first problem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SubtitleError(1, "not_utf8") from exc
    control = _CONTROL.search(text)
    if control is not None:  # a cue that would repaint the terminal of whoever reads it
        raise SubtitleError(text.count("\n", 0, control.start()) + 1, "control_chars")
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".srt":
        cues = parse_srt(text)
    elif suffix == ".vtt":
        cues = parse_vtt(text)
    else:
        raise SubtitleError(1, "unsupported")
    if not cues:
        raise SubtitleError(1, "no_cues")
    return cues


READING_SPEED_MAX = 17.0  # characters a second; faster cues are hard to read in time
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class CueWarning:
    line: int
    kind: str  # "speed" or "overlap"
    value: str  # the speed (chars/s) or the line of the cue it overlaps


def reading_speed(cue: Cue) -> float:
    """Characters a second, counting the text without markup tags and line breaks."""
    chars = len(_TAG.sub("", cue.text).replace("\n", ""))
    return chars / ((cue.end_ms - cue.start_ms) / 1000)


def cue_warnings(cues: list[Cue]) -> list[CueWarning]:
    """Cues read faster than READING_SPEED_MAX, and cues that start before the previous one ends."""
    found: list[CueWarning] = []
    previous: Cue | None = None
    for cue in cues:
        speed = reading_speed(cue)
        if speed > READING_SPEED_MAX:
            found.append(CueWarning(cue.line, "speed", f"{speed:.1f}"))
        if previous is not None and cue.start_ms < previous.end_ms:
            found.append(CueWarning(cue.line, "overlap", str(previous.line)))
        if previous is None or cue.end_ms > previous.end_ms:
            previous = cue
    return found


def subtitle_problem(data: bytes, name: str) -> tuple[str, dict[str, object]] | None:
    """None when the file's bytes parse, else why not (what the subtitle rule reports): the
    reason's catalogue key and its values, the line among them."""
    try:
        parse_subtitles(data, name)
    except SubtitleError as exc:
        return "sub." + exc.code, {"line": exc.line, **exc.params}
    return None
