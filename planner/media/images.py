"""Facts read from image files with Pillow: pixel size, format and whether GPS location is present."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from planner.domain.errors import DataError

GPS_IFD = 0x8825


@dataclass(frozen=True)
class ImageFacts:
    width: int
    height: int
    format: str
    location: bool


def probe_image(data: bytes, name: str) -> ImageFacts:
    """Open the image's bytes safely (decompression-bomb limit kept, whole file decoded once);
    `name` is the file's name, for the message when it is not a readable image. The bytes are read
    by storage (a FIFO or a device given as a file is refused there, never waited on)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; treat it as the error it is.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                fmt = image.format or name.rsplit(".", 1)[-1].upper()
                width, height = image.size
                gps = image.getexif().get_ifd(GPS_IFD)
                image.load()  # a truncated file fails here rather than in a preview later
    except UnidentifiedImageError as exc:  # its text names Python's stream object, not the file
        raise DataError("err.unknown_image", value=name) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        millions = (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000
        raise DataError(
            "err.bad_image", value=name, reason_key="reason.image_pixels", millions=millions
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        # Pillow's own words are English and name its decoders; what a person can act on is
        # whether the file was cut short (copied or downloaded only in part) or is broken inside.
        cut = "truncated" in str(exc).casefold()
        reason = "reason.image_truncated" if cut else "reason.image_broken"
        raise DataError("err.bad_image", value=name, reason_key=reason) from exc
    return ImageFacts(width, height, fmt, bool(gps))


def without_location(data: bytes, name: str) -> bytes:
    """The image re-saved with its GPS block removed from EXIF (JPEG data kept as it is where the
    format allows)."""
    from PIL import Image

    probe_image(data, name)  # refuses broken files and bombs before anything is decoded again
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if GPS_IFD in exif:
            del exif[GPS_IFD]
        out = io.BytesIO()
        fmt = image.format or "PNG"
        options: dict[str, object] = (
            {"exif": exif.tobytes()} if fmt in ("JPEG", "PNG", "WEBP", "TIFF") else {}
        )
        if fmt == "JPEG":
            options["quality"] = "keep"
        image.save(out, format=fmt, **options)
    return out.getvalue()
