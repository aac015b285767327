"""The citation neighbourhood as a drawing: what cites a document on the left, what it cites on the right.

The layout is computed here and drawn as SVG by the template, so the graph needs no
script and no library, and scales to the width of a phone. Each side shows at most
`per_side` nodes; the tables under the drawing list every link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Diagram", "DrawnEdge", "DrawnNode", "layout"]

WIDTH = 960
ROW = 30  # vertical pitch of the nodes of a column
MARGIN = 30
COLUMNS = (200, WIDTH // 2, WIDTH - 200)
LABEL = 30  # characters of a label before it is cut


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
