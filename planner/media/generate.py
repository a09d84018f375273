"""Real media files for the demo and the tests: Pillow pictures (with or without GPS), clips, subtitles."""

from __future__ import annotations

import io
import random
from pathlib import Path

from planner.media.images import GPS_IFD


def make_picture(
    path: Path, size: tuple[int, int], seed: int = 0, gps: tuple[float, float] | None = None
) -> Path:
    """`picture` written to `path` (for tests and benchmarks; the demo writes through storage)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(picture(size, seed, gps, "PNG" if path.suffix.lower() == ".png" else "JPEG"))
    return path


def picture(
    size: tuple[int, int], seed: int = 0, gps: tuple[float, float] | None = None, fmt: str = "JPEG"
) -> bytes:
    """A small landscape-like picture: a sky gradient, a lake and a row of houses."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    top, bottom = rng.choice([((40, 70, 140), (250, 180, 120)), ((20, 30, 60), (90, 120, 170))])
    horizon = int(height * 0.6)
    for y in range(horizon):
        mix = y / max(1, horizon)
        colour = tuple(int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    draw.rectangle([0, horizon, width, height], fill=(30, 60, 90))
    x = 0
    while x < width:
        w = rng.randint(width // 12, width // 6)
        h = rng.randint(height // 10, height // 4)
        colour = rng.choice([(170, 40, 40), (200, 170, 60), (220, 220, 210), (90, 110, 70)])
        draw.rectangle([x, horizon - h, x + w, horizon], fill=colour)
        draw.polygon(
            [(x, horizon - h), (x + w // 2, horizon - h - w // 3), (x + w, horizon - h)], fill=(60, 40, 40)
        )
        x += w + rng.randint(2, width // 20)
    exif = Image.Exif()
    if gps:
        exif[0x0110] = "Somekalenteri demo camera"
        exif.get_ifd(GPS_IFD).update(_gps_ifd(*gps))
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes() if gps else b"", **({"quality": 85} if fmt == "JPEG" else {}))
    return out.getvalue()


def _gps_ifd(lat: float, lon: float) -> dict[int, object]:
    def dms(value: float) -> tuple[float, float, float]:
        degrees = int(abs(value))
        minutes = int((abs(value) - degrees) * 60)
        seconds = round(((abs(value) - degrees) * 60 - minutes) * 60, 2)
        return (float(degrees), float(minutes), seconds)

    return {1: "N" if lat >= 0 else "S", 2: dms(lat), 3: "E" if lon >= 0 else "W", 4: dms(lon)}


def make_clip(path: Path, frames: int = 6, size: tuple[int, int] = (160, 90)) -> Path:
    """`clip` written to `path` (for tests and benchmarks)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(clip(frames, size))
    return path


def clip(frames: int = 6, size: tuple[int, int] = (160, 90)) -> bytes:
    """A short animated clip (animated GIF: no video encoder is among the dependencies)."""
    from PIL import Image, ImageDraw

    images = []
    for index in range(frames):
        frame = Image.new("RGB", size, (10, 40, 80))
        draw = ImageDraw.Draw(frame)
        x = int((size[0] - 30) * index / max(1, frames - 1))
        draw.ellipse([x, size[1] // 2 - 15, x + 30, size[1] // 2 + 15], fill=(250, 250, 250))
        images.append(frame)
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=400, loop=0)
    return out.getvalue()


def write_subtitles(path: Path, cues: list[tuple[str, str, str]], vtt: bool = False) -> Path:
    """`subtitles` written to `path` (for tests and benchmarks)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(subtitles(cues, vtt), encoding="utf-8")
    return path


def subtitles(cues: list[tuple[str, str, str]], vtt: bool = False) -> str:
    """A subtitle file's text from (start, end, text) cues, times as HH:MM:SS.mmm."""
    lines = ["WEBVTT", ""] if vtt else []
    for number, (start, end, text) in enumerate(cues, start=1):
        if not vtt:
            lines.append(str(number))
            start, end = start.replace(".", ","), end.replace(".", ",")
        lines += [f"{start} --> {end}", text, ""]
    return "\n".join(lines)
