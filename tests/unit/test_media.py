"""Subtitle parsing and image facts, on real files made in the test."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.domain.errors import DataError
from planner.media.generate import make_picture
from planner.media.images import ImageFacts, probe_image
from planner.media.subtitles import SubtitleError, parse_srt, parse_subtitles, parse_vtt, subtitle_problem

GOOD_SRT = "1\n00:00:01,000 --> 00:00:02,500\nHei\n\n2\n00:00:03,000 --> 00:00:04,000\nMoi\nrivi\n"
GOOD_VTT = (
    "WEBVTT - otsikko\n\nNOTE huomio\n\ncue-1\n00:01.000 --> 00:02.000 align:start\nHei\n\n"
    "00:00:03.000 --> 00:00:04.000\nMoi\n"
)


def test_good_files_parse_into_cues() -> None:
    cues = parse_srt(GOOD_SRT)
    assert [(c.start_ms, c.end_ms, c.text, c.line) for c in cues] == [
        (1000, 2500, "Hei", 2),
        (3000, 4000, "Moi\nrivi", 6),
    ]
    assert [(c.start_ms, c.text, c.line) for c in parse_vtt(GOOD_VTT)] == [(1000, "Hei", 6), (3000, "Moi", 9)]
    assert parse_srt("\ufeff" + GOOD_SRT.replace("\n", "\r\n"))[1].text == "Moi\nrivi"


@pytest.mark.parametrize(
    ("text", "parser", "line"),
    [
        ("1\n00:00:01,000 --> 00:00:0x,500\nHei\n", parse_srt, 2),
        ("1\n00:00:01.000 --> 00:00:02.000\nHei\n", parse_srt, 2),  # SubRip uses a comma
        ("1\n00:00:03,000 --> 00:00:02,000\nHei\n", parse_srt, 2),
        ("yksi\n00:00:01,000 --> 00:00:02,000\nHei\n", parse_srt, 1),
        (GOOD_SRT + "\n3\n00:00:05,000 --> 00:00:06,000\n", parse_srt, 11),  # a cue with no text
        ("WEBVTT\n\n00:01.000 --> 00:00.500\nHei\n", parse_vtt, 3),
        ("WEBVTT\n\n00:01.000 -> 00:02.000\nHei\n", parse_vtt, 3),
        ("SUBTITLES\n\n00:01.000 --> 00:02.000\nHei\n", parse_vtt, 1),
        ("WEBVTT\n\n00:61.000 --> 00:62.000\nHei\n", parse_vtt, 3),
    ],
)
def test_malformed_files_name_the_line(text: str, parser: object, line: int) -> None:
    with pytest.raises(SubtitleError) as caught:
        parser(text)  # type: ignore[operator]
    assert caught.value.line == line


def test_file_level_problems(tmp_path: Path) -> None:
    (tmp_path / "empty.srt").write_text("", "utf-8")
    (tmp_path / "latin1.srt").write_bytes(GOOD_SRT.replace("Hei", "Hyvää").encode("latin-1"))
    (tmp_path / "good.vtt").write_text(GOOD_VTT, "utf-8")
    (tmp_path / "x.sbv").write_text("0:00:01.000,0:00:02.000\nHei\n", "utf-8")

    def problem(name: str) -> tuple[str, dict[str, object]] | None:
        return subtitle_problem((tmp_path / name).read_bytes(), name)

    assert problem("empty.srt") == ("sub.no_cues", {"line": 1})
    assert problem("latin1.srt") == ("sub.not_utf8", {"line": 1})
    assert problem("good.vtt") is None
    assert problem("x.sbv") is not None
    assert len(parse_subtitles((tmp_path / "good.vtt").read_bytes(), "good.vtt")) == 2


def test_image_facts_from_real_files(tmp_path: Path) -> None:
    def probe(path: Path) -> ImageFacts:
        return probe_image(path.read_bytes(), path.name)

    plain = probe(make_picture(tmp_path / "a.jpg", (640, 480), seed=1))
    located = probe(make_picture(tmp_path / "b.jpg", (300, 600), seed=2, gps=(61.55, 23.6)))
    png = probe(make_picture(tmp_path / "c.png", (200, 100), seed=3))
    assert (plain.width, plain.height, plain.format, plain.location) == (640, 480, "JPEG", False)
    assert (located.width, located.height, located.location) == (300, 600, True)
    assert (png.format, png.location) == ("PNG", False)


def test_bad_images_give_one_clear_error(tmp_path: Path) -> None:
    real = make_picture(tmp_path / "real.jpg", (640, 480), seed=1).read_bytes()
    (tmp_path / "fake.jpg").write_text("not an image", "utf-8")
    (tmp_path / "cut.jpg").write_bytes(real[: len(real) // 3])
    for name in ("fake.jpg", "cut.jpg"):
        with pytest.raises(DataError) as caught:
            probe_image((tmp_path / name).read_bytes(), name)
        for lang in ("fi", "en"):
            said = caught.value.render(lang)
            assert name in said and "0x" not in said and "<" not in said  # no Python object named


@pytest.mark.parametrize(
    ("fmt", "cut", "finnish", "english"),
    [
        ("JPEG", lambda data: data[: len(data) // 2], "kopioitunut vain osittain", "copied only in part"),
        ("JPEG", lambda data: data[:300], "kopioitunut vain osittain", "copied only in part"),
        ("PNG", lambda data: data[:-30], "kopioitunut vain osittain", "copied only in part"),
        ("WEBP", lambda data: data[:60], "kuvan sisältö on rikki", "the image data is broken"),
    ],
    ids=["jpeg-half", "jpeg-header-only", "png-end-cut", "webp-broken"],
)
def test_why_an_image_is_refused_is_said_in_the_language(
    fmt: str, cut: Callable[[bytes], bytes], finnish: str, english: str
) -> None:
    """Pillow's own words ("Truncated File Read", "could not create decoder object") were the reason
    inside the Finnish line."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 10, 10)).save(out, format=fmt)
    with pytest.raises(DataError) as caught:
        probe_image(cut(out.getvalue()), f"kuva.{fmt.lower()}")
    said = caught.value.render("fi")
    assert finnish in said and english not in said
    assert not any(word in said.casefold() for word in ("truncated", "decoder", "file read", "bytes"))
    assert english in caught.value.render("en")


def test_a_decompression_bomb_is_refused_by_its_pixels(tmp_path: Path) -> None:
    from PIL import Image

    # A real PNG header claiming 20000×20000 pixels: over Pillow's limit, refused before decoding.
    bomb = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000)).save(bomb, optimize=True)
    with pytest.raises(DataError) as caught:
        probe_image(bomb.read_bytes(), bomb.name)
    assert "bomb.png" in caught.value.render("fi")
    millions = (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000  # 89 in Pillow 10 and 11
    assert f"yli {millions} miljoonaa kuvapistettä" in caught.value.render("fi")
    assert f"over {millions} million pixels" in caught.value.render("en")
