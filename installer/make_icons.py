"""Render the app icon (``resources/icons/sst-desktop.svg``) into what each platform wants.

    .venv/bin/python installer/make_icons.py OUT_DIR

OUT_DIR gets ``hicolor/<N>x<N>/apps/sst-desktop.png`` for N in 16..512 and
``hicolor/scalable/apps/sst-desktop.svg`` (Linux, the freedesktop icon theme layout),
``sst-desktop.ico`` (Windows: 16-256 in one file) and ``sst-desktop.icns`` (macOS: 16-1024).
Qt's SVG renderer draws every size from the vector (a 16 px icon is drawn, not shrunk from
512); Pillow packs the .ico and .icns. Generated files belong in build output, not in git.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "sst-desktop.svg"
NAME = "sst-desktop"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int) -> bytes:
    """One square PNG of ``size`` pixels, transparent outside the tile."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; it wants str
    return bytes(buffer.data().data())


def write_hicolor(out: Path, pngs: dict[int, bytes], svg: Path) -> None:
    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)


def write_ico_icns(out: Path, pngs: dict[int, bytes]) -> None:
    from PIL import Image

    images = {size: Image.open(BytesIO(data)) for size, data in pngs.items()}
    largest = images[ICO_SIZES[-1]]
    largest.save(
        out / f"{NAME}.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES[:-1]],
    )
    biggest = images[ICNS_SIZES[-1]]
    biggest.save(
        out / f"{NAME}.icns",
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES[:-1]],
    )


def make_icons(out: Path, svg: Path = SVG) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    pngs = {size: render_png(svg, size) for size in sizes}
    out.mkdir(parents=True, exist_ok=True)
    write_hicolor(out, pngs, svg)
    write_ico_icns(out, pngs)
    return sorted(p for p in out.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory to write the icons into")
    parser.add_argument("--svg", type=Path, default=SVG, help="the source (default: the app's)")
    args = parser.parse_args(argv)
    written = make_icons(args.out, args.svg)
    print(f"make_icons: {len(written)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
