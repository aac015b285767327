// Draws the citation neighbourhood with cytoscape (from npm), from the nodes the page embeds as JSON.
// The SVG above stays for readers without JavaScript; the tables list every link.
(function () {
  "use strict";
  var holder = document.getElementById("cy");
  var data = document.getElementById("graph-data");
  if (!holder || !data || typeof cytoscape !== "function") { return; }
  var nodes = JSON.parse(data.textContent).nodes;
  var center = nodes.filter(function (n) { return n.kind === "center"; })[0];
  if (!center) { return; }
  var elements = nodes.map(function (n, i) {
    return { data: { id: "n" + i, label: n.label, href: n.href || "", kind: n.kind,
                     stub: n.in_corpus ? "" : "stub" },
             position: { x: n.x, y: n.y } };
  });
  var centerId = "n" + nodes.indexOf(center);
  nodes.forEach(function (n, i) {
    if (n.kind === "citing") { elements.push({ data: { id: "e" + i, source: "n" + i, target: centerId } }); }
    if (n.kind === "cited") { elements.push({ data: { id: "e" + i, source: centerId, target: "n" + i } }); }
  });
  var cy = cytoscape({
    container: holder,
    elements: elements,
    layout: { name: "preset" },
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 11, "width": 12, "height": 12,
                                   "background-color": "#1d4f91", "text-valign": "center", "text-margin-x": 8,
                                   "text-halign": "right" } },
      { selector: "node[kind = 'center']", style: { "width": 18, "height": 18, "text-valign": "bottom",
                                                     "text-halign": "center", "text-margin-x": 0 } },
      { selector: "node[kind = 'citing']", style: { "text-halign": "left", "text-margin-x": -8 } },
      { selector: "node[stub = 'stub']", style: { "background-opacity": 0, "border-width": 2,
                                                   "border-color": "#1d4f91" } },
      { selector: "edge", style: { "width": 1, "line-color": "#9aa7b8", "curve-style": "bezier",
                                   "target-arrow-shape": "triangle", "target-arrow-color": "#9aa7b8" } }
    ]
  });
  cy.on("tap", "node", function (event) {
    var href = event.target.data("href");
    if (href) { window.location.href = href; }
  });
  holder.setAttribute("data-rendered", String(cy.nodes().length));
})();
