"""The citation neighbourhood as a drawing: what cites a document on the left, what it cites on the right.

The layout is computed here and drawn as SVG by the template, so the graph needs no
script and no library, and scales to the width of a phone. Each side shows at most
`per_side` nodes; the tables under the drawing list every link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Diagram", "DrawnEdge", "DrawnNode", "layout", "narrow_layout"]

WIDTH = 960
ROW = 30  # vertical pitch of the nodes of a column
MARGIN = 30
COLUMNS = (200, WIDTH // 2, WIDTH - 200)
LABEL = 30  # characters of a label before it is cut
# The drawing for a phone: one column, read top to bottom (what cites the document, the document, what it cites),
# as an outline whose lines join each node to the document; labels at 14 px stay readable at 360 px and up.
NARROW_WIDTH = 360
NARROW_ROW = 28
NARROW_INDENT = (22, 50)  # x of the document's circle, and of the others'
HEADING = 30  # the height of a side's heading ("Cited by", "Cites")


@dataclass(frozen=True, slots=True)
class DrawnNode:
    """A node at its place: the centre of its circle, its label and where it links."""

    x: float
    y: float
    label: str
    title: str
    href: str | None
    kind: str  # "center", "citing", "cited"
    in_corpus: bool
    anchor: str  # text-anchor of the label: start, middle or end
    count: int = 1  # citing passages or citations it stands for


@dataclass(frozen=True, slots=True)
class DrawnEdge:
    """A curve from one node to another; `d` is the SVG path."""

    d: str
    kind: str


@dataclass(frozen=True, slots=True)
class Diagram:
    """The drawing: its size, nodes and edges, and how many nodes each side left out."""

    width: int
    height: int
    nodes: list[DrawnNode]
    edges: list[DrawnEdge]
    hidden_citing: int
    hidden_cited: int


def _cut(text: str) -> str:
    return text if len(text) <= LABEL else text[: LABEL - 1] + "…"


def _title(node: dict[str, Any]) -> str:
    parts = [node.get("symbol") or "", node.get("date") or "", node.get("title") or ""]
    if not node.get("in_corpus"):
        parts.append("(not in the corpus)")
    return " · ".join(p for p in parts if p)


def _column(nodes: list[tuple[dict[str, Any], int]], x: float, height: int, kind: str,
            anchor: str) -> list[DrawnNode]:
    if not nodes:
        return []
    step = (height - 2 * MARGIN) / len(nodes)
    return [DrawnNode(x, MARGIN + (i + 0.5) * step, _cut(n["symbol"]), _title(n), n.get("href"), kind,
                      bool(n.get("in_corpus")), anchor, count) for i, (n, count) in enumerate(nodes)]


def _curve(a: DrawnNode, b: DrawnNode) -> str:
    mid = (a.x + b.x) / 2
    return f"M {a.x:.1f} {a.y:.1f} C {mid:.1f} {a.y:.1f}, {mid:.1f} {b.y:.1f}, {b.x:.1f} {b.y:.1f}"


def _unique(links: list[dict[str, Any]], end: str) -> list[tuple[dict[str, Any], int]]:
    """Return each distinct node at the `end` of these links, in order, with its number of links."""
    seen: dict[str, tuple[dict[str, Any], int]] = {}
    for link in links:
        node = link[end]
        node_, count = seen.get(node["symbol"], (node, 0))
        seen[node["symbol"]] = (node_, count + 1)
    return list(seen.values())


def layout(view: dict[str, Any], per_side: int = 30) -> Diagram:
    """Return the drawing of a neighbourhood (`views.neighbourhood`), at most `per_side` nodes a side."""
    citing = _unique(view["cited_by"]["links"], "source")
    cited = _unique(view["cites"]["links"], "target")
    shown_citing, shown_cited = citing[:per_side], cited[:per_side]
    rows = max(len(shown_citing), len(shown_cited), 3)
    height = rows * ROW + 2 * MARGIN
    center_data = view["node"]
    center = DrawnNode(COLUMNS[1], height / 2, _cut(center_data["symbol"]), _title(center_data),
                       center_data.get("href"), "center", bool(center_data.get("in_corpus")), "middle")
    left = _column(shown_citing, COLUMNS[0], height, "citing", "end")
    right = _column(shown_cited, COLUMNS[2], height, "cited", "start")
    edges = [DrawnEdge(_curve(n, center), "citing") for n in left]
    edges += [DrawnEdge(_curve(center, n), "cited") for n in right]
    return Diagram(WIDTH, height, [center, *left, *right], edges, len(citing) - len(shown_citing),
                   len(cited) - len(shown_cited))


def _outline(nodes: list[tuple[dict[str, Any], int]], top: float, kind: str) -> list[DrawnNode]:
    """Return the nodes of one side of the narrow drawing, a row each from `top`, labels to the right."""
    x = NARROW_INDENT[1]
    return [DrawnNode(x, top + (i + 0.5) * NARROW_ROW, _cut(n["symbol"]), _title(n), n.get("href"), kind,
                      bool(n.get("in_corpus")), "start", count) for i, (n, count) in enumerate(nodes)]


def _elbow(node: DrawnNode, center: DrawnNode) -> str:
    """Return the outline's line from a node to the document: across to the document's column, then along it."""
    return f"M {node.x:.1f} {node.y:.1f} L {center.x:.1f} {node.y:.1f} L {center.x:.1f} {center.y:.1f}"


def narrow_layout(view: dict[str, Any], per_side: int = 30) -> Diagram:
    """Return the neighbourhood drawn for a phone: what cites the document above it, what it cites below, each
    side under its heading (`narrow_headings`), at most `per_side` a side."""
    citing = _unique(view["cited_by"]["links"], "source")[:per_side]
    cited = _unique(view["cites"]["links"], "target")[:per_side]
    top = float(HEADING)
    left = _outline(citing, top, "citing")
    center_y = top + len(citing) * NARROW_ROW + NARROW_ROW / 2 + 6
    data = view["node"]
    center = DrawnNode(NARROW_INDENT[0], center_y, _cut(data["symbol"]), _title(data), data.get("href"), "center",
                       bool(data.get("in_corpus")), "start")
    below = center_y + NARROW_ROW / 2 + HEADING
    right = _outline(cited, below, "cited")
    height = int(below + len(cited) * NARROW_ROW + MARGIN / 2)
    edges = [DrawnEdge(_elbow(n, center), n.kind) for n in (*left, *right)]
    full_citing, full_cited = _unique(view["cited_by"]["links"], "source"), _unique(view["cites"]["links"], "target")
    return Diagram(NARROW_WIDTH, height, [center, *left, *right], edges, len(full_citing) - len(citing),
                   len(full_cited) - len(cited))


def narrow_headings(diagram: Diagram) -> list[tuple[float, str]]:
    """Return the y of each side's heading in a narrow drawing and its words ("cited by", "cites")."""
    center = diagram.nodes[0]
    return [(HEADING - 10, "Cited by"), (center.y + NARROW_ROW / 2 + HEADING - 10, "Cites")]
