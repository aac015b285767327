// The original PDF beside the text: shows the page of the paragraph in view and highlights that paragraph, its
// citations, or the one citation pointed at. Boxes come from /documents/SYMBOL/boxes.json (PDF points from the
// page's top left); the page is an image under an SVG whose rects are the highlights. No inline script or style:
// the page's Content-Security-Policy allows scripts from this server only.
(function () {
  "use strict";
  var pane = document.getElementById("pdf-pane");
  var svg = document.getElementById("pdf-page");
  if (!pane || !svg || !pane.dataset.boxes) { return; }
  var SVG = "http://www.w3.org/2000/svg";
  var image = svg.querySelector("image");
  var marks = svg.querySelector("g.marks");
  var pageNo = document.getElementById("pdf-page-no");
  var open = document.getElementById("pdf-open");
  var status = document.getElementById("pdf-status");
  var sizes = JSON.parse(pane.dataset.sizes || "[]");
  var boxes = null;
  var shown = { page: 0, id: null, cite: null };

  function setPage(page) {
    if (page === shown.page || page < 1 || page > sizes.length) { return; }
    var size = sizes[page - 1];
    svg.setAttribute("viewBox", "0 0 " + size[0] + " " + size[1]);
    // A new image element for each page: Chromium keeps drawing the old picture when only the href changes.
    var next = document.createElementNS(SVG, "image");
    next.setAttribute("x", "0");
    next.setAttribute("y", "0");
    next.setAttribute("width", size[0]);
    next.setAttribute("height", size[1]);
    next.addEventListener("load", function () { svg.setAttribute("data-loaded", String(page)); });
    next.setAttribute("href", pane.dataset.pages + page + ".png");
    svg.replaceChild(next, image);
    image = next;
    pageNo.textContent = String(page);
    open.setAttribute("href", open.getAttribute("href").replace(/#page=\d+$/, "#page=" + page));
    svg.setAttribute("data-page", String(page));
    shown.page = page;
  }

  function rect(box, kind) {
    var r = document.createElementNS(SVG, "rect");
    r.setAttribute("x", box[1] - 1);
    r.setAttribute("y", box[2] - 1);
    r.setAttribute("width", box[3] + 2);
    r.setAttribute("height", box[4] + 2);
    r.setAttribute("class", "hl " + kind);
    marks.appendChild(r);
  }

  function boxesOf(id) {
    if (!boxes) { return []; }
    // A note's anchor writes the spaces of its label as "_" (fn:2_bis); its boxes are under the label as printed.
    return (id.indexOf("fn:") === 0 ? boxes.footnotes[id] || boxes.footnotes[id.replace(/_/g, " ")]
      : boxes.paragraphs[id]) || [];
  }

  // Draw a paragraph (or note) on its page, its citations within it, and the citation `cite` (an index) apart.
  function show(id, cite) {
    var element = document.getElementById(id);
    var own = boxesOf(id);
    var page = own.length ? own[0][0] : Number(element && element.dataset.page) || shown.page || 1;
    if (cite !== null && boxes && boxes.citations[cite] && boxes.citations[cite].length) {
      page = boxes.citations[cite][0][0];
    }
    setPage(page);
    while (marks.firstChild) { marks.removeChild(marks.firstChild); }
    own.forEach(function (b) { if (b[0] === page) { rect(b, "para"); } });
    if (element) {
      element.querySelectorAll("[data-c]").forEach(function (c) {
        var n = Number(c.dataset.c);
        var found = boxes && boxes.citations[n];
        (found || []).forEach(function (b) { if (b[0] === page) { rect(b, n === cite ? "cite current" : "cite"); } });
      });
    }
    svg.setAttribute("data-shown", id);
    svg.setAttribute("data-marks", String(marks.childNodes.length));
    shown.id = id;
    shown.cite = cite;
  }

  function targetId() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    return id && document.getElementById(id) && /^(p\d+|fn:.+)$/.test(id) ? id : null;  // a paragraph or a note
  }

  // The paragraph in view is the first one in the top two fifths of the window: after a link to "#p8", p8 itself.
  var paragraphs = Array.prototype.slice.call(document.querySelectorAll(".text .p[id]"));
  // A paragraph the address points at stays shown while the browser scrolls to it (near the end of a document it
  // cannot reach the top, and the paragraph above would take its place); the reader's own scrolling moves on.
  var pinnedUntil = 0;
  var observer = new IntersectionObserver(function (entries) {
    var visible = entries.filter(function (e) { return e.isIntersecting; });
    if (visible.length && Date.now() > pinnedUntil) { show(visible[0].target.id, null); }
  }, { rootMargin: "0px 0px -60% 0px" });

  function pin(id) {
    pinnedUntil = Date.now() + 800;
    show(id, null);
  }

  window.addEventListener("hashchange", function () {
    var id = targetId();
    if (id) { pin(id); }
  });
  document.addEventListener("mouseover", function (event) {
    var c = event.target.closest ? event.target.closest("[data-c]") : null;
    var p = c && c.closest(".p[id]");
    if (c && p) { show(p.id, Number(c.dataset.c)); }
  });

  fetch(pane.dataset.boxes, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
    boxes = data;
    if (data.reason) { status.textContent = data.reason; }
    var id = targetId();
    if (id) { pin(id); } else if (paragraphs.length) { show(paragraphs[0].id, null); }
    paragraphs.forEach(function (p) { observer.observe(p); });
    pane.setAttribute("data-ready", "true");
  }).catch(function () { status.textContent = "The highlights could not be loaded."; });
})();
