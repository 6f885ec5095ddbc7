"""Photos of flip charts in the rich picture print in the pack (the pack reads the project
file's images, as the canvas does)."""

import io

from PIL import Image
from pypdf import PdfReader

from ssm_studio.model import ImageItem, Project
from ssm_studio.report import PackOptions, build_pack
from ssm_studio.storage import media_key


def project_with_photo() -> tuple[Project, dict[str, bytes]]:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 120, 60)).save(buffer, "JPEG", quality=85)
    data = buffer.getvalue()
    key = media_key(data, "jpg")
    project = Project()
    project.rich_picture.items = [ImageItem(media=key, width=300, height=200, x=0, y=0, caption="Flip chart")]
    return project, {key: data}


def pdf_text_and_images(path) -> tuple[str, int]:
    reader = PdfReader(str(path))
    return "".join(page.extract_text() for page in reader.pages), sum(len(page.images) for page in reader.pages)


def test_the_packs_rich_picture_carries_its_photos(tmp_path, qapp):
    project, media = project_with_photo()
    options = PackOptions(sections={"situation"})
    with_media = tmp_path / "with.pdf"
    build_pack(project, with_media, options, media=media)
    text, images = pdf_text_and_images(with_media)
    assert images >= 1 and "Flip chart" in text and "picture missing" not in text
    # Without the file's images the photo is marked as missing, never silently dropped.
    without = tmp_path / "without.pdf"
    build_pack(project, without, options)
    text, images = pdf_text_and_images(without)
    assert images == 0 and "picture missing" in text
