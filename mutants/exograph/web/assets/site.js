/* Search over every entity and assertion, and the interactive network view of an entity page. */
(function () {
  "use strict";
  var base = document.documentElement.getAttribute("data-base") || "";
  var standalone = document.documentElement.hasAttribute("data-standalone");

  function searchBox() {
    var input = document.getElementById("q"), list = document.getElementById("hits");
    if (!input || !window.EXOGRAPH_INDEX) { return; }
    var index = window.EXOGRAPH_INDEX;
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      list.innerHTML = "";
      if (q.length < 2) { return; }
      var hits = [];
      for (var i = 0; i < index.length; i++) {
        var item = index[i], names = item.n, best = -1;
        for (var j = 0; j < names.length; j++) {
          var name = names[j].toLowerCase();
          var score = name === q ? 3 : name.indexOf(q) === 0 ? 2 : name.indexOf(q) >= 0 ? 1 : -1;
          if (score > best) { best = score; }
        }
        if (best >= 0) { hits.push([best, item]); }
      }
      hits.sort(function (a, b) { return b[0] - a[0] || a[1].l.localeCompare(b[1].l); });
      hits.slice(0, 12).forEach(function (hit) {
        var li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("span");
        a.href = base + hit[1].u;
        a.textContent = hit[1].l;
        kind.className = "kind";
        kind.textContent = hit[1].k;
        a.appendChild(kind);
        li.appendChild(a);
        list.appendChild(li);
      });
    });
  }

  function showEvidence(panel, edge) {
    panel.innerHTML = "";
    var title = document.createElement("p");
    title.textContent = edge.source_label + " " + edge.sign + " " + edge.target_label + " (" + edge.aspect + ")";
    panel.appendChild(title);
    edge.evidence.forEach(function (ev) {
      var quote = document.createElement("blockquote"), cite = document.createElement("p");
      quote.textContent = ev.quote;
      cite.className = "meta";
      cite.textContent = ev.citation + (ev.context ? " · " + ev.context : "") + " · ";
      if (standalone) {
        cite.appendChild(document.createTextNode(ev.assertion));
      } else {
        var link = document.createElement("a");
        link.href = base + "assertion/" + ev.assertion + ".html";
        link.textContent = ev.assertion;
        cite.appendChild(link);
      }
      panel.appendChild(quote);
      panel.appendChild(cite);
    });
  }

  function network() {
    var holder = document.getElementById("network"), data = document.getElementById("network-data");
    if (!holder || !data || !window.cytoscape) { return; }
    var graph = JSON.parse(data.textContent), panel = document.getElementById("evidence");
    var cy = window.cytoscape({
      container: holder,
      elements: graph.elements,
      style: graph.style,
      layout: { name: "breadthfirst", directed: true, spacingFactor: 1.1, padding: 12 },
      wheelSensitivity: 0.3
    });
    cy.on("tap", "edge", function (event) { showEvidence(panel, event.target.data()); });
    cy.on("tap", "node", function (event) {
      var url = event.target.data("url");
      if (url && !event.target.data("focus")) { window.location.href = base + url; }
    });
    window.EXOGRAPH_CY = cy;
  }

  function diagramEvidence() {
    var data = document.getElementById("edge-data"), panel = document.getElementById("evidence");
    if (!data || !panel) { return; }
    var edges = JSON.parse(data.textContent);
    Object.keys(edges).forEach(function (id) {
      var node = document.getElementById(id);
      if (!node) { return; }
      node.style.cursor = "pointer";
      ["mouseenter", "click"].forEach(function (type) {
        node.addEventListener(type, function () { showEvidence(panel, edges[id]); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { searchBox(); network(); diagramEvidence(); });
})();
