#!/usr/bin/python3
"""Makes test PDFs from a plain text file: a text-layer PDF and a "scanned", image-only copy.

Run with the Debian Python (it has ReportLab and PIL; a pyenv `python3` may not):

    /usr/bin/python3 Tests/Fixtures/PDF/make-pdfs.py SOURCE.txt OUTDIR [--lines A-B] [--name NAME] [--dpi 200]
    /usr/bin/python3 Tests/Fixtures/PDF/make-pdfs.py --fixtures      # remake the committed fixtures

For SOURCE.txt (or its lines A..B, 1-based, inclusive) it writes into OUTDIR:

  NAME.txt          the text the PDFs were made from (only when --lines picks an excerpt)
  NAME-text.pdf     A4, DejaVu Sans 10.5 pt (Helvetica if DejaVu is missing), one text line per
                    source line; a line wider than the page wraps at spaces (a word wider than the
                    page at letters), never with a hyphen; a new page when one is full; tabs become
                    four spaces; no headers, footers or page numbers, so every word on a page is a
                    word of the source.
  NAME-scanned.pdf  each page of NAME-text.pdf rendered with `pdftoppm -r DPI -gray`, then "scanned":
                    turned by a random angle of at most 0.5 degrees, blurred (Gaussian, radius 0.7 px
                    at 200 dpi), toned (white 245, black 20), given light paper noise and sprinkled
                    with dark specks, saved as grayscale JPEG (quality 35) and wrapped with img2pdf: an image-only PDF, no text layer.

Everything is deterministic: the random numbers come from a generator seeded with the page
number and --seed (default 2025), ReportLab writes an invariant PDF (no dates or random ids), and
the JPEG encoder has fixed settings. After writing, the script checks with pdftotext that the
text PDF gives back the source's letters æøå and that the scanned PDF has no words.

The committed fixtures (--fixtures) are an excerpt of Corpus/ho21-møte-2023-3-saksframlegg.txt,
lines 250-312: case headers "Sak 19/2/23" ... "Sak 25/3/2023", and the words møtet, rådet,
Bærekraft, rådsmøte, høringssvar. Full-package PDFs are made on demand, e.g. by
Benchmarks/tesseract-damage.py, and never committed.
"""
import argparse
import io
import os
import random
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_SIZE = 10.5
LEADING = 14.0
MARGIN_X = 22 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
# About 120 KB for a full page at 200 dpi; quality 60 would be 160 KB, no easier to read.
JPEG_QUALITY = 35

# The committed fixtures: (source, first line, last line, name).
FIXTURE = ("Corpus/ho21-møte-2023-3-saksframlegg.txt", 250, 312, "excerpt-2023-3")


def font_name():
    if os.path.exists(FONT_PATH):
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", FONT_PATH))
        return "DejaVuSans"
    return "Helvetica"  # ReportLab's standard fonts use WinAnsi encoding, which has æøå


def wrap(line, font, width):
    """The line as printed lines no wider than `width`: breaks at spaces, a too-long word at letters."""
    line = line.replace("\t", "    ").rstrip()
    if pdfmetrics.stringWidth(line, font, FONT_SIZE) <= width:
        return [line]
    out, current = [], ""
    for word in line.split(" "):
        candidate = word if not current else current + " " + word
        if pdfmetrics.stringWidth(candidate, font, FONT_SIZE) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        current = word
        while pdfmetrics.stringWidth(current, font, FONT_SIZE) > width:
            cut = len(current)
            while cut > 1 and pdfmetrics.stringWidth(current[:cut], font, FONT_SIZE) > width:
                cut -= 1
            out.append(current[:cut])
            current = current[cut:]
    if current:
        out.append(current)
    return out


def clean_line(line):
    # Control characters (a form feed, a stray NUL) print as nothing.
    return "".join(c for c in line if c == "\t" or ord(c) >= 0x20)


def make_text_pdf(lines, path):
    font = font_name()
    page_w, page_h = A4
    width = page_w - 2 * MARGIN_X
    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle("")
    c.setAuthor("")
    c.setCreator("make-pdfs.py")
    y = page_h - MARGIN_TOP
    c.setFont(font, FONT_SIZE)
    on_page = 0
    for raw in lines:
        for printed in wrap(clean_line(raw), font, width):
            if y < MARGIN_BOTTOM:
                c.showPage()
                c.setFont(font, FONT_SIZE)
                y = page_h - MARGIN_TOP
                on_page = 0
            if printed.strip():
                c.drawString(MARGIN_X, y, printed)
            on_page += 1
            y -= LEADING
    c.showPage()
    c.save()


def scan_page(img, rng, dpi):
    """A rendered page made to look scanned: turned, blurred, greyed and specked."""
    img = img.convert("L")
    angle = rng.uniform(-0.5, 0.5)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(radius=0.7 * dpi / 200))
    w, h = img.size
    # Paper and toner: white becomes 245, black 20; then a 2% blend with uniform noise. (Stronger
    # per-pixel noise makes the JPEG two to three times larger.)
    img = img.point(lambda v: 20 + v * 225 // 255)
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    img = Image.blend(img, noise, 0.02)
    # Specks: small dark dots, as dust on the scanner glass leaves.
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(150, 300)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(0.4, 1.4) * dpi / 200
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(40, 140))
    return img


def make_scanned_pdf(text_pdf, path, dpi=200, seed=2025):
    import img2pdf

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", text_pdf, os.path.join(tmp, "p")], check=True)
        pages = sorted(f for f in os.listdir(tmp) if f.endswith(".png"))
        jpegs = []
        for number, name in enumerate(pages, start=1):
            rng = random.Random(seed * 1000 + number)
            img = scan_page(Image.open(os.path.join(tmp, name)), rng, dpi)
            buf = io.BytesIO()
            img.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=True, dpi=(dpi, dpi))
            jpegs.append(buf.getvalue())
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    with open(path, "wb") as f:
        # The internal engine writes an /ID made from the content (pikepdf would make a random one).
        f.write(img2pdf.convert(jpegs, layout_fun=layout, nodate=True, engine=img2pdf.Engine.internal))


def pdftotext(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True).stdout.decode("utf-8")


def check(source_text, text_pdf, scanned_pdf):
    got = pdftotext(text_pdf)
    for letter in "æøåÆØÅ":
        want = source_text.count(letter)
        have = got.count(letter)
        if want != have:
            sys.exit(f"{text_pdf}: pdftotext gives {have} of {letter!r}, the source has {want}")
    if got.split() == [] and source_text.split():
        sys.exit(f"{text_pdf}: pdftotext gives no words")
    words = pdftotext(scanned_pdf).split()
    if words:
        sys.exit(f"{scanned_pdf}: has a text layer ({len(words)} words)")


def make(source, outdir, name=None, lines=None, dpi=200, seed=2025):
    with open(source, encoding="utf-8") as f:
        text_lines = f.read().split("\n")
    if text_lines and text_lines[-1] == "":
        text_lines.pop()
    if lines:
        first, last = lines
        text_lines = text_lines[first - 1:last]
    name = name or os.path.splitext(os.path.basename(source))[0]
    os.makedirs(outdir, exist_ok=True)
    text = "\n".join(text_lines) + "\n"
    if lines:
        with open(os.path.join(outdir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    text_pdf = os.path.join(outdir, name + "-text.pdf")
    scanned_pdf = os.path.join(outdir, name + "-scanned.pdf")
    make_text_pdf(text_lines, text_pdf)
    make_scanned_pdf(text_pdf, scanned_pdf, dpi=dpi, seed=seed)
    check("".join(clean_line(l) for l in text_lines), text_pdf, scanned_pdf)
    return text_pdf, scanned_pdf


def main():
    p = argparse.ArgumentParser(description="Make a text-layer PDF and a scanned image-only PDF of a text file.")
    p.add_argument("source", nargs="?")
    p.add_argument("outdir", nargs="?")
    p.add_argument("--lines", help="A-B: only source lines A to B (1-based, inclusive); also writes NAME.txt")
    p.add_argument("--name", help="base name of the outputs (default: the source's name)")
    p.add_argument("--dpi", type=int, default=200, help="resolution of the scanned copy (default 200)")
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--fixtures", action="store_true", help="remake the committed fixtures in Tests/Fixtures/PDF")
    a = p.parse_args()
    if a.fixtures:
        source, first, last, name = FIXTURE
        made = make(os.path.join(REPO, source), HERE, name=name, lines=(first, last))
    else:
        if not a.source or not a.outdir:
            p.error("SOURCE and OUTDIR are needed (or --fixtures)")
        lines = tuple(int(x) for x in a.lines.split("-")) if a.lines else None
        made = make(a.source, a.outdir, name=a.name, lines=lines, dpi=a.dpi, seed=a.seed)
    for path in made:
        print(f"{path}\t{os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
