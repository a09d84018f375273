"""Small colour previews of images for the terminal: two pixel rows per character cell."""

from __future__ import annotations

import io

RGB = tuple[int, int, int]


def warm() -> None:
    """Pillow, its common image formats and the probe imported ahead of the first preview (the
    app does it while idle), not while the first post with a picture opens."""
    from PIL import Image

    from planner.media import images  # noqa: F401  (imported for what it imports)

    Image.preinit()


def half_block_rows(data: bytes, name: str, columns: int, rows: int) -> list[list[tuple[RGB, RGB]]]:
    """(top, bottom) colour pairs of an image's bytes, `rows` lines of `columns` cells, aspect
    kept, EXIF orientation applied. Raises DataError (via probe rules) for files Pillow cannot read."""
    from PIL import Image, ImageOps

    from planner.media.images import probe_image

    probe_image(data, name)  # the same safe open as everywhere else: bombs and broken files refused
    with Image.open(io.BytesIO(data)) as image:
        image.seek(0)
        picture = ImageOps.exif_transpose(image).convert("RGB")
    picture.thumbnail((columns, rows * 2))
    width, height = picture.size
    pixels = picture.load()
    assert pixels is not None
    lines = []
    for y in range(0, height - 1, 2):
        lines.append([(pixels[x, y], pixels[x, y + 1]) for x in range(width)])
    if height % 2:
        lines.append([(pixels[x, height - 1], (0, 0, 0)) for x in range(width)])
    return lines  # type: ignore[return-value]
