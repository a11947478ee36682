"""QR codes drawn here, as inline SVG: no image service ever sees what they encode."""

import qrcode
import qrcode.image.svg


def qr_svg(text: str, box_size: int = 8) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=box_size)
    svg = image.to_string(encoding="unicode")
    return svg[svg.index("<svg") :]
