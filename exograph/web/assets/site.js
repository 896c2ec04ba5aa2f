/* Search, the network view, filters and sortable tables of exograph's static site (no server needed). */
(function () {
  "use strict";
  var base = document.documentElement.getAttribute("data-base") || "";
  var standalone = document.documentElement.hasAttribute("data-standalone");

  /* Search: every word must appear in a hit's names or quotes; names weigh more than quotes. */
  function searchBox() {
    var input = document.getElementById("q"), list = document.getElementById("hits");
    if (!input || !window.EXOGRAPH_INDEX) { return; }
    var index = window.EXOGRAPH_INDEX.map(function (item) {
      return { item: item, names: item.n.join(" \u0001 ").toLowerCase(), label: item.l.toLowerCase(),
               quote: (item.q || "").toLowerCase() };
    });
    var active = -1;

    function score(entry, q, words) {
      var total = 0;
      for (var i = 0; i < words.length; i++) {
        var w = words[i], s = 0;
        if (entry.names.indexOf(w) >= 0 || entry.label.indexOf(w) >= 0) { s = 4; }
        else if (entry.quote.indexOf(w) >= 0) { s = 1; }
        if (!s) { return -1; }
        total += s;
      }
      for (var j = 0; j < entry.item.n.length; j++) {
        var name = entry.item.n[j].toLowerCase();
        if (name === q) { total += 100; } else if (name.indexOf(q) === 0) { total += 20; }
      }
      if (entry.item.k.indexOf("assertion") !== 0) { total += 5; }
      return total;
    }

    function select(i) {
      var items = list.querySelectorAll("[role=option]");
      if (!items.length) { return; }
      active = (i + items.length) % items.length;
      for (var k = 0; k < items.length; k++) { items[k].setAttribute("aria-selected", k === active ? "true" : "false"); }
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function open(option) { if (option) { window.location.href = base + option.getAttribute("data-url"); } }

    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase(), words = q.split(/\s+/).filter(Boolean);
      list.innerHTML = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      input.setAttribute("aria-expanded", "false");
      if (q.length < 2) { return; }
      var hits = [];
      for (var i = 0; i < index.length; i++) {
        var s = score(index[i], q, words);
        if (s >= 0) { hits.push([s, index[i].item]); }
      }
      hits.sort(function (a, b) { return b[0] - a[0] || a[1].l.localeCompare(b[1].l); });
      hits.slice(0, 30).forEach(function (hit, n) {
        var li = document.createElement("li"), kind = document.createElement("span");
        li.id = "hit-" + n;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-url", hit[1].u);
        li.textContent = hit[1].l;
        kind.className = "kind";
        kind.textContent = hit[1].k;
        li.appendChild(kind);
        li.addEventListener("mousedown", function (event) { event.preventDefault(); open(li); });
        list.appendChild(li);
      });
      if (hits.length > 30) {
        var more = document.createElement("li");
        more.className = "kind";
        more.setAttribute("role", "presentation");
        more.textContent = (hits.length - 30) + " more: type more words";
        list.appendChild(more);
      }
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { select(active + 1); event.preventDefault(); }
      else if (event.key === "ArrowUp") { select(active - 1); event.preventDefault(); }
      else if (event.key === "Enter") {
        var options = list.querySelectorAll("[role=option]");
        open(options[active >= 0 ? active : 0]);
        event.preventDefault();
      } else if (event.key === "Escape") { list.innerHTML = ""; input.setAttribute("aria-expanded", "false"); }
    });
  }

  function showEvidence(panel, edge) {
    panel.innerHTML = "";
    var title = document.createElement("p");
    title.className = "claim";
    title.textContent = (edge.mark ? edge.mark + " " : "") + edge.caption;
    panel.appendChild(title);
    edge.evidence.forEach(function (ev) {
      var quote = document.createElement("blockquote"), cite = document.createElement("p");
      quote.innerHTML = ev.reading; /* escaped and typeset by exograph.web.words.typeset */
      quote.title = ev.quote;
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

  /* Layered layout: regulators left, the entity in the middle, targets right (on a narrow screen:
     above and below), each side grouped by sign and kind, sized so that it fits at zoom 1 or more. */
  function layered(cy, holder) {
    var visible = cy.nodes().filter(function (n) { return !n.hasClass("collapsed") && !n.hasClass("filtered"); });
    var sides = { upstream: [], focus: [], downstream: [], other: [] };
    visible.forEach(function (n) { (sides[n.data("side")] || sides.other).push(n); });
    Object.keys(sides).forEach(function (s) {
      sides[s].sort(function (a, b) {
        return (a.data("group") || "").localeCompare(b.data("group") || "") ||
          String(a.data("label")).localeCompare(String(b.data("label")));
      });
    });
    var width = holder.clientWidth, gap = 26, rowH = 0, wide = width >= 620, positions = {}, height;
    visible.forEach(function (n) { rowH = Math.max(rowH, n.outerHeight()); });
    rowH += 14;
    var colW = function (nodes) { return nodes.reduce(function (m, n) { return Math.max(m, n.outerWidth()); }, 0) + gap; };
    if (wide) {
      /* Regulators on the left half of an ellipse, targets on the right, the entity in the middle: every
         arrow is a spoke, so none crosses another node. One ring per side: an arrow to an outer ring would
         pass over a node of an inner one and seem to start or end there, so a crowded side makes the box
         taller instead. */
      var focus = sides.focus, x0 = 0, slot = 62, spread = 2.7;  /* slot: vertical room for one name */
      var stack = focus.reduce(function (t, n) { return t + n.outerHeight() + 14; }, 0), top = -stack / 2;
      focus.forEach(function (n) {
        positions[n.id()] = { x: x0, y: top + n.outerHeight() / 2 };
        top += n.outerHeight() + 14;
      });
      var focusW = colW(focus), left = sides.upstream.concat(sides.other);
      var oneSided = !sides.downstream.length || !left.length;
      /* one side only: the entity stands at the edge and its neighbours use the whole width */
      var rx = oneSided ? Math.max(width - focusW - 150, 300) : Math.max(width / 2 - 90, focusW / 2 + 160);
      var ry = Math.max(slot * Math.max(left.length, sides.downstream.length) / spread, stack / 2 + slot, 90);
      var place = function (nodes, centre) {
        nodes.forEach(function (n, i) {
          var theta = centre - spread / 2 + spread * (i + 0.5) / nodes.length;
          positions[n.id()] = { x: x0 + Math.cos(theta) * rx, y: Math.sin(theta) * ry };
        });
      };
      place(left, Math.PI);
      place(sides.downstream, 0);
      height = 2 * ry + rowH;
    } else {
      var y = 0;
      ["upstream", "focus", "downstream", "other"].forEach(function (s) {
        var lineX = 0, lineNodes = [];
        var flush = function () {
          var shift = (width - 20 - lineX) / 2;
          lineNodes.forEach(function (p) { positions[p[0]] = { x: p[1] + shift, y: y }; });
          if (lineNodes.length) { y += rowH; }
          lineX = 0; lineNodes = [];
        };
        sides[s].forEach(function (n) {
          var w = n.outerWidth() + 12;
          if (lineX + w > width - 20 && lineNodes.length) { flush(); }
          lineNodes.push([n.id(), lineX + w / 2]);
          lineX += w;
        });
        flush();
        if (sides[s].length) { y += rowH * 0.8; }
      });
      height = y;
    }
    holder.style.height = Math.max(240, Math.min(height + 60, 8000)) + "px";
    cy.resize();
    cy.layout({ name: "preset", positions: positions, fit: false }).run();
    cy.fit(visible, 24);
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(visible); }
  }

  /* Each node's box: its name wrapped between words at 120 px, in the 12 px font the network draws. */
  function measure(elements, holder) {
    var context = document.createElement("canvas").getContext("2d");
    var font = window.getComputedStyle(holder).fontFamily;
    elements.forEach(function (el) {
      if (el.data.source) { return; }
      context.font = (el.data.focus || el.data.more ? "bold " : "") + "12px " + font;
      var lines = [], line = "";
      String(el.data.label).split(/\s+/).forEach(function (word) {
        var next = line ? line + " " + word : word;
        if (line && context.measureText(next).width > 120) { lines.push(line); line = word; } else { line = next; }
      });
      lines.push(line);
      var widest = lines.reduce(function (m, l) { return Math.max(m, context.measureText(l).width); }, 0);
      el.data.w = Math.ceil(widest) + 18;
      el.data.h = lines.length * 15 + 14;
    });
  }

  function network() {
    var holder = document.getElementById("network"), data = document.getElementById("network-data");
    if (!holder || !data || !window.cytoscape) { return; }
    var graph = JSON.parse(data.textContent), panel = document.getElementById("evidence");
    measure(graph.elements, holder);
    var cy = window.cytoscape({
      container: holder,
      elements: graph.elements,
      style: graph.style,
      layout: { name: "preset" },
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3
    });
    var relayout = function () { layered(cy, holder); };
    cy.on("tap", "edge", function (event) { showEvidence(panel, event.target.data()); });
    cy.on("tap", "node", function (event) {
      var node = event.target, side = node.data("more");
      if (side) {
        cy.nodes().filter(function (n) { return n.data("side") === side; }).removeClass("collapsed");
        cy.edges().forEach(function (e) {
          if (!e.source().hasClass("collapsed") && !e.target().hasClass("collapsed")) { e.removeClass("collapsed"); }
        });
        node.addClass("collapsed");
        relayout();
        applyFilters();
        return;
      }
      var url = node.data("url");
      if (url && !node.data("focus")) { window.location.href = base + url; }
    });
    relayout();
    window.EXOGRAPH_CY = cy;
  }

  /* Filters: a row is shown when it has every chosen value; the network keeps the edges of shown rows. */
  function applyFilters() {
    var form = document.querySelector("form.filters");
    if (!form) { return; }
    var chosen = [];
    form.querySelectorAll("select[data-facet]").forEach(function (s) {
      if (s.value) { chosen.push([s.getAttribute("data-facet"), s.value]); }
    });
    function passes(item) {
      var facets = JSON.parse(item.getAttribute("data-facets"));
      return chosen.every(function (c) { return (facets[c[0]] || []).indexOf(c[1]) >= 0; });
    }
    var chainList = document.querySelectorAll("ol.chains > li.chain");
    if (chainList.length) { /* a path page: a chain stays when every step keeps an assertion that passes */
      var kept = 0;
      chainList.forEach(function (chain) {
        var whole = true;
        chain.querySelectorAll("ol.steps > li.step:not(.transfer):not(.link)").forEach(function (step) {
          var any = false;
          step.querySelectorAll("li.evidence").forEach(function (item) {
            var ok = passes(item);
            item.hidden = !ok;
            any = any || ok;
          });
          whole = whole && any;
        });
        chain.hidden = !whole;
        if (whole) { kept += 1; }
      });
      var said = document.getElementById("shown");
      if (said) { said.textContent = kept + " of " + chainList.length + " shown"; }
      return;
    }
    var shown = {}, total = 0, count = 0;
    document.querySelectorAll("table.assertions tbody tr").forEach(function (row) {
      var ok = passes(row);
      row.hidden = !ok;
      var id = row.getAttribute("data-id");
      if (!(id in shown)) { total += 1; if (ok) { count += 1; } }
      shown[id] = shown[id] || ok;
    });
    var label = document.getElementById("shown");
    if (label) { label.textContent = count + " of " + total + " shown"; }
    var cy = window.EXOGRAPH_CY;
    if (!cy) { return; }
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        var ids = e.data("assertions") || [];
        var keep = !chosen.length || !ids.length || ids.some(function (id) { return shown[id]; });
        if (keep) { e.removeClass("filtered"); } else { e.addClass("filtered"); }
      });
      cy.nodes().forEach(function (n) {
        if (n.data("focus") || n.data("more")) { return; }
        var live = n.connectedEdges().some(function (e) { return !e.hasClass("filtered"); });
        if (live) { n.removeClass("filtered"); } else { n.addClass("filtered"); }
      });
    });
    layered(cy, document.getElementById("network"));
  }

  function filters() {
    var form = document.querySelector("form.filters");
    if (!form) { return; }
    form.addEventListener("change", applyFilters);
    form.addEventListener("reset", function () { window.setTimeout(applyFilters, 0); });
  }

  function sortable() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      table.querySelectorAll("thead th").forEach(function (th, column) {
        var button = th.querySelector("button");
        if (!button) { return; }
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          table.querySelectorAll("thead th[aria-sort]").forEach(function (other) { other.setAttribute("aria-sort", "none"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
            return (ascending ? 1 : -1) * x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  function copyButtons() {
    document.querySelectorAll("button.copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var text = button.getAttribute("data-verbatim");
        if (navigator.clipboard) {
          navigator.clipboard.writeText(text).then(function () { button.textContent = "Copied"; });
        }
      });
    });
    document.querySelectorAll(".stable-url").forEach(function (span) {
      if (window.location.protocol === "http:" || window.location.protocol === "https:") {
        span.textContent = new URL(span.getAttribute("data-path"), window.location.href.replace(/[^/]*\/[^/]*$/, "")).href;
      }
    });
  }

  function diagramEvidence() {
    var data = document.getElementById("edge-data"), panel = document.getElementById("evidence");
    if (!data || !panel) { return; }
    var edges = JSON.parse(data.textContent);
    var box = document.querySelector(".diagram");  /* a path page starts where its chains start */
    var focus = box && box.dataset.start ? document.getElementById(box.dataset.start) : document.querySelector(".diagram g.focus");
    if (focus && box) {  /* the picture is drawn at a readable size, so start where the entity is */
      var f = focus.getBoundingClientRect(), b = box.getBoundingClientRect();
      box.scrollLeft += f.left - b.left - (b.width - f.width) / 2;
      box.scrollTop += f.top - b.top - (b.height - f.height) / 2;
    }
    Object.keys(edges).forEach(function (id) {
      var node = document.getElementById(id);
      if (!node) { return; }
      node.style.cursor = "pointer";
      ["mouseenter", "click"].forEach(function (type) {
        node.addEventListener(type, function () { showEvidence(panel, edges[id]); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    searchBox(); network(); filters(); sortable(); copyButtons(); diagramEvidence();
  });
})();
