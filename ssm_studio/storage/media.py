"""Images embedded in a project: checked before use, stored once by content hash."""

from __future__ import annotations

import hashlib
import io
import warnings

from ..errors import ImageError
from ..model.limits import MAX_IMAGE_PIXELS, MAX_MEDIA_MEMBER_BYTES

# Pillow format name -> the extension we store under.
FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "BMP": "bmp", "WEBP": "webp"}


def check_image(data: bytes, source: str) -> tuple[str, int, int]:
    """Return (extension, width, height), or refuse with a readable message.

    The pixel count is checked from the header before any decoding, so a small file that
    claims to be a billion-pixel image cannot exhaust memory.
    """
    from PIL import Image

    if len(data) > MAX_MEDIA_MEMBER_BYTES:
        raise ImageError(
            f"{source} is {len(data) // (1024 * 1024)} MB; images up to "
            f"{MAX_MEDIA_MEMBER_BYTES // (1024 * 1024)} MB can be embedded."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(FORMATS)) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise ImageError(
                        f"{source} is {width} × {height} pixels; images up to "
                        f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels can be embedded. "
                        "Reduce it in a photo editor and try again."
                    )
                image.verify()
                fmt = image.format or ""
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{source} is too large an image to embed safely.") from None
    except Exception as error:  # Pillow raises many types for damaged data
        raise ImageError(f"{source} is not a picture SSM Studio can read ({error}).") from None
    return FORMATS[fmt], width, height


def media_key(data: bytes, extension: str) -> str:
    return f"{hashlib.sha256(data).hexdigest()}.{extension}"
