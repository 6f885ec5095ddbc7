"""Draw the rich-picture stencil library: simple figures with a hand-drawn wobble.

Every stroke is a path whose points are nudged by a seeded random jitter, so the figures
look drawn with a marker on a flip chart, and rebuilding gives the same files.

Run:  python packaging/make_stencils.py   (writes resources/stencils/)
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "stencils"
INK = "#222222"


def outline(text: str, x: float, y: float, size: float) -> str:
    """``text`` in bold DejaVu Sans, centred on x with its baseline at y, as SVG path data."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPainterPath

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need an application)
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(int(size))
    path = QPainterPath()
    path.addText(QPointF(x - QFontMetricsF(font).horizontalAdvance(text) / 2, y), font, text)
    parts, i = [], 0
    while i < path.elementCount():
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            parts.append(f"M{e.x:.2f},{e.y:.2f}")
            i += 1
        elif e.type == QPainterPath.ElementType.LineToElement:
            parts.append(f"L{e.x:.2f},{e.y:.2f}")
            i += 1
        else:  # a cubic: this element and the next two
            c1, c2, end = path.elementAt(i), path.elementAt(i + 1), path.elementAt(i + 2)
            parts.append(f"C{c1.x:.2f},{c1.y:.2f} {c2.x:.2f},{c2.y:.2f} {end.x:.2f},{end.y:.2f}")
            i += 3
    return " ".join(parts) + " Z"


class Pen:
    def __init__(self, seed: str) -> None:
        self.rng = random.Random(seed)
        self.parts: list[str] = []

    def j(self, v: float, amount: float = 1.2) -> float:
        return round(v + self.rng.uniform(-amount, amount), 1)

    def line(self, x1, y1, x2, y2, width=3.0) -> None:
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        self.parts.append(f'<path d="M{self.j(x1)},{self.j(y1)} Q{self.j(mx, 2)},{self.j(my, 2)} '
                          f'{self.j(x2)},{self.j(y2)}" stroke-width="{width}"/>')

    def poly(self, points, closed=True, fill="none", width=3.0) -> None:
        d = "M" + " L".join(f"{self.j(x)},{self.j(y)}" for x, y in points) + (" Z" if closed else "")
        self.parts.append(f'<path d="{d}" fill="{fill}" stroke-width="{width}"/>')

    def circle(self, cx, cy, r, fill="none", width=3.0) -> None:
        """Ten quadratic arcs whose radius wobbles a little, like a circle drawn by hand."""
        steps = 10
        step = 2 * math.pi / steps
        start = self.rng.uniform(0, step)
        radii = [r * (1 + self.rng.uniform(-0.05, 0.05)) for _ in range(steps)]
        radii.append(radii[0] * 1.03)  # the pen overshoots where it started
        def at(i, k=1.0):
            a = start + step * i
            return cx + radii[i] * k * math.cos(a), cy + radii[i] * k * math.sin(a)
        x, y = at(0)
        d = f"M{x:.1f},{y:.1f}"
        for i in range(1, steps + 1):
            a = start + step * (i - 0.5)
            reach = (radii[i - 1] + radii[i]) / 2 / math.cos(step / 2)
            qx, qy = cx + reach * math.cos(a), cy + reach * math.sin(a)
            x, y = at(i)
            d += f" Q{qx:.1f},{qy:.1f} {x:.1f},{y:.1f}"
        self.parts.append(f'<path d="{d}" fill="{fill}" stroke-width="{width}"/>')

    def rect(self, x, y, w, h, fill="none", width=3.0) -> None:
        self.poly([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], fill=fill, width=width)

    def text(self, x, y, s, size=22) -> None:
        """Words and signs in a figure are part of its artwork, written as outlines: as text,
        a printed pack would count them as labels and shrink or enlarge them with the words."""
        self.parts.append(f'<!-- {s}, as outlines: part of the artwork, not a label -->')
        self.parts.append(f'<path d="{outline(s, x, y, size)}" fill="{INK}" stroke="none" fill-rule="nonzero"/>')

    def svg(self) -> str:
        body = "\n  ".join(self.parts)
        return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">\n'
                f'<g fill="none" stroke="{INK}" stroke-linecap="round" stroke-linejoin="round">\n  {body}\n</g>\n</svg>\n')


def person(p: Pen, x=50, y=0, s=1.0, fill="none"):
    p.circle(x, y + 18 * s, 9 * s, fill=fill)
    p.line(x, y + 27 * s, x, y + 62 * s)
    p.line(x - 20 * s, y + 40 * s, x + 20 * s, y + 40 * s)
    p.line(x, y + 62 * s, x - 15 * s, y + 92 * s)
    p.line(x, y + 62 * s, x + 15 * s, y + 92 * s)


def building(p: Pen, label: str | None, roof: str = "flat", fill="#F3F0E6"):
    p.rect(18, 38, 64, 56, fill=fill)
    if roof == "pitched":
        p.poly([(12, 40), (50, 10), (88, 40)], closed=False)
    elif roof == "columns":
        p.poly([(12, 38), (50, 16), (88, 38)], fill=fill)
        for x in (28, 42, 58, 72):
            p.line(x, 44, x, 90, 2.2)
    for x in (28, 60):
        p.rect(x, 48, 12, 10, width=2)
    p.rect(44, 70, 12, 24, width=2)
    if label:
        p.text(50, 34 if roof == "flat" else 13, label, 12 if roof == "flat" else 9)


def build_all() -> dict[str, tuple[list[str], object]]:
    figures = {}

    def figure(name, keywords):
        def register(fn):
            figures[name] = (keywords, fn)
            return fn
        return register

    figure("person", ["person", "individual", "resident", "claimant", "stick figure"])(lambda p: person(p))
    figure("group", ["group", "people", "team", "staff", "community", "crowd"])(
        lambda p: (person(p, 28, 12, 0.8), person(p, 72, 12, 0.8), person(p, 50, 4, 0.85)))
    figure("family", ["family", "parents", "household", "children"])(
        lambda p: (person(p, 25, 2, 0.85), person(p, 75, 2, 0.85), person(p, 50, 40, 0.55)))
    figure("child", ["child", "young person", "student", "pupil"])(lambda p: person(p, 50, 28, 0.72))
    figure("older-person", ["older person", "elderly", "pensioner", "carer"])(
        lambda p: (person(p, 45), p.line(72, 45, 76, 95, 3), p.line(65, 42, 72, 45, 3)))
    figure("professional", ["professional", "adviser", "worker", "officer", "manager"])(
        lambda p: (person(p), p.rect(60, 52, 24, 18, fill="#E8E4D8", width=2.5)))
    figure("organisation", ["organisation", "building", "agency", "service", "office"])(
        lambda p: building(p, None))
    figure("council-office", ["council", "local authority", "town hall", "LSP", "partnership"])(
        lambda p: building(p, "COUNCIL", "columns"))
    figure("job-centre", ["jobcentre", "job centre", "employment service", "DWP", "benefits"])(
        lambda p: building(p, "JOBS"))
    figure("school", ["school", "college", "education", "training", "university"])(
        lambda p: (building(p, None, "pitched"), p.line(50, 10, 50, 0, 2), p.poly([(50, 0), (62, 4), (50, 8)], fill="#D55E00")))
    figure("hospital", ["hospital", "GP", "surgery", "health", "NHS", "clinic"])(
        lambda p: (building(p, None), p.line(50, 14, 50, 32, 5), p.line(41, 23, 59, 23, 5)))
    figure("house", ["house", "home", "housing", "tenant", "RSL"])(lambda p: building(p, None, "pitched", "#FFFFFF"))
    figure("factory", ["factory", "employer", "business", "industry", "jobs"])(
        lambda p: (p.poly([(10, 94), (10, 50), (35, 35), (35, 50), (60, 35), (60, 50), (90, 35), (90, 94)], fill="#F3F0E6"),
                   p.rect(72, 12, 10, 30), p.line(77, 10, 70, 2, 2), p.line(80, 8, 88, 1, 2)))
    figure("crossed-swords", ["conflict", "crossed swords", "disagreement", "tension", "dispute"])(
        lambda p: (p.line(15, 85, 85, 15, 4), p.line(15, 15, 85, 85, 4), p.line(22, 68, 32, 78, 4),
                   p.line(68, 78, 78, 68, 4)))
    figure("eye", ["eye", "observer", "watching", "inspector", "scrutiny"])(
        lambda p: (p.poly([(8, 50), (30, 28), (70, 28), (92, 50), (70, 72), (30, 72)]), p.circle(50, 50, 12, fill=INK)))
    figure("speech-bubble", ["speech", "says", "talk", "voice"])(
        lambda p: (p.poly([(8, 15), (92, 15), (92, 65), (45, 65), (25, 88), (30, 65), (8, 65)], fill="#FFFFFF")))
    figure("thought-bubble", ["thought", "thinks", "belief", "worry"])(
        lambda p: (p.circle(55, 40, 32, fill="#FFFFFF"), p.circle(22, 80, 7), p.circle(12, 93, 4)))
    figure("heart", ["heart", "care", "love", "wellbeing"])(
        lambda p: p.poly([(50, 88), (12, 48), (14, 25), (32, 15), (50, 30), (68, 15), (86, 25), (88, 48)], fill="#F4C7C3"))
    figure("money", ["money", "funding", "budget", "cost", "pound", "income"])(
        lambda p: (p.circle(50, 50, 38, fill="#F6E7A1"), p.text(50, 63, "£", 40)))
    figure("clock", ["clock", "time", "time pressure", "deadline", "delay"])(
        lambda p: (p.circle(50, 50, 40, fill="#FFFFFF"), p.line(50, 50, 50, 22, 3.5), p.line(50, 50, 70, 58, 3.5)))
    figure("lightning", ["lightning", "crisis", "shock", "sudden", "energy"])(
        lambda p: p.poly([(58, 5), (25, 55), (48, 55), (38, 95), (78, 40), (54, 40), (66, 5)], fill="#F0E442"))
    figure("question-mark", ["question", "unknown", "uncertain", "unclear"])(lambda p: p.text(50, 80, "?", 80))
    figure("exclamation", ["exclamation", "warning", "important", "alert"])(lambda p: p.text(50, 82, "!", 80))
    figure("road", ["road", "journey", "client journey", "path", "pathway"])(
        lambda p: (p.poly([(30, 95), (44, 5)], closed=False), p.poly([(70, 95), (56, 5)], closed=False),
                   p.line(50, 88, 50, 74, 3), p.line(50, 60, 50, 48, 3), p.line(50, 36, 50, 27, 3)))
    figure("wall", ["wall", "barrier", "obstacle", "silo", "block"])(
        lambda p: [p.rect(x + (10 if row % 2 else 0), 20 + row * 20, 30, 20, width=2.5)
                   for row in range(4) for x in (5, 35, 65) if x + (10 if row % 2 else 0) + 30 <= 100])
    figure("bridge", ["bridge", "link", "partnership", "connection", "joining up"])(
        lambda p: (p.poly([(5, 60), (25, 35), (50, 28), (75, 35), (95, 60)], closed=False), p.line(5, 60, 95, 60),
                   p.line(5, 60, 5, 90), p.line(95, 60, 95, 90), p.line(35, 32, 35, 60, 2), p.line(65, 32, 65, 60, 2)))
    figure("broken-link", ["broken link", "gap", "disconnect", "handover", "missing"])(
        lambda p: (p.poly([(10, 40), (40, 40), (40, 60), (10, 60)]), p.poly([(60, 40), (90, 40), (90, 60), (60, 60)]),
                   p.line(44, 30, 48, 20, 2), p.line(52, 80, 56, 70, 2)))
    figure("scales", ["scales", "balance", "fairness", "justice", "trade-off"])(
        lambda p: (p.line(50, 10, 50, 88), p.line(15, 25, 85, 25), p.line(30, 88, 70, 88),
                   p.poly([(5, 55), (15, 25), (25, 55)], closed=False), p.line(3, 55, 27, 55),
                   p.poly([(75, 55), (85, 25), (95, 55)], closed=False), p.line(73, 55, 97, 55)))
    figure("target", ["target", "goal", "aim", "outcome", "measure"])(
        lambda p: (p.circle(50, 50, 40), p.circle(50, 50, 26), p.circle(50, 50, 11, fill="#D55E00")))
    figure("document", ["document", "form", "paperwork", "policy", "report", "contract"])(
        lambda p: (p.poly([(20, 5), (65, 5), (82, 22), (82, 95), (20, 95)], fill="#FFFFFF"),
                   *[p.line(30, y, 72, y, 2) for y in (35, 48, 61, 74)]))
    figure("phone", ["phone", "call", "helpline", "contact"])(
        lambda p: (p.rect(30, 8, 40, 84, fill="#FFFFFF"), p.rect(36, 18, 28, 52, width=2), p.circle(50, 81, 4)))
    figure("computer", ["computer", "IT", "data", "system", "online", "database"])(
        lambda p: (p.rect(12, 12, 76, 52, fill="#FFFFFF"), p.line(50, 64, 50, 78), p.line(28, 82, 72, 82, 4)))
    figure("cloud", ["cloud", "weather", "climate", "gloom", "uncertainty"])(
        lambda p: (p.circle(35, 55, 20, fill="#FFFFFF"), p.circle(58, 45, 25, fill="#FFFFFF"),
                   p.circle(75, 60, 16, fill="#FFFFFF")))
    return figures


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    index = []
    for name, (keywords, draw) in build_all().items():
        pen = Pen(name)
        draw(pen)
        (OUT / f"{name}.svg").write_text(pen.svg(), encoding="utf-8")
        index.append({"name": name, "title": name.replace("-", " ").capitalize(), "keywords": keywords,
                      "file": f"{name}.svg"})
    (OUT / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
    print(f"wrote {len(index)} stencils to {OUT}")


if __name__ == "__main__":
    main()
