/* Compute Atlas: draw the charts, make tables sortable, find entities by name or alias (explore.js compares them).
   No network access: everything it loads is a file of the site itself. */
(function () {
  "use strict";

  // the site's root, from this script's own address (_static/atlas.js), so that it works at any depth
  var ROOT = (function () {
    var s = document.currentScript && document.currentScript.src;
    return s ? s.replace(/_static\/atlas\.js(\?.*)?$/, "") : "";
  })();
  var FOLDERS = { accelerator: "accelerators", model: "models" };

  // Scripts of the site (api/*.js), loaded by a script element: unlike fetch, it works from file:// too.
  var waiting = {};
  function loadScript(path, onError) {
    var el = document.createElement("script");
    el.src = ROOT + path;
    el.async = true;
    if (onError) el.onerror = onError;
    document.head.appendChild(el);
  }
  function loadIndex(done) {
    if (window.atlasSearchIndex) { done(window.atlasSearchIndex); return; }
    (waiting.index = waiting.index || []).push(done);
    if (waiting.index.length === 1) loadScript("api/search.js");
  }
  window.atlasSearchIndexLoaded = function (list) {
    window.atlasSearchIndex = list;
    (waiting.index || []).forEach(function (f) { f(list); });
    waiting.index = [];
  };
  var entities = {};
  window.atlasEntityLoaded = function (doc) {
    var key = doc.kind + ":" + doc.id;
    entities[key] = doc;
    (waiting[key] || []).forEach(function (f) { f(doc); });
    waiting[key] = [];
  };
  function loadEntity(kind, id, done) {
    var key = kind + ":" + id;
    if (entities[key]) { done(entities[key]); return; }
    (waiting[key] = waiting[key] || []).push(done);
    if (waiting[key].length === 1) loadScript("api/" + FOLDERS[kind] + "/" + id + ".js", function () { done(null); });
  }

  // --- search by name and alias ---------------------------------------------------------------------
  function tokens(s) { return String(s).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean); }
  function names(e) { return [e.name, e.id].concat(e.aliases || []); }
  function unique(list) {
    var seen = {};
    return list.filter(function (e) { var k = e.kind + ":" + e.id; if (seen[k]) return false; seen[k] = true; return true; });
  }
  /* Where the words of `name` stand together in the words `q` of a query: their first index, or -1. */
  function spanIn(q, name) {
    var t = tokens(name);
    if (!t.length || t.length > q.length) return -1;
    for (var i = 0; i + t.length <= q.length; i++) {
      var all = true;
      for (var j = 0; j < t.length && all; j++) all = q[i + j] === t[j];
      if (all) return i;
    }
    return -1;
  }
  /* The entities a query names, best first:
     1. those with a name, alias or id equal to it (ignoring case and punctuation);
     2. else those with a name or alias that holds every word of the query ("Llama 3 405B");
     3. else those a name, alias or id of which stands in the query among other words ("cost of GPT-4", "H100 cloud
        price"), the longest names first; a name inside a longer one found at the same place does not count
        ("GPT-4" in "GPT-4 Turbo price").
     Each entity once. */
  function findEntities(index, query) {
    var q = tokens(query);
    if (!q.length) return [];
    var nq = q.join(" ");
    var exact = index.filter(function (e) { return names(e).some(function (n) { return tokens(n).join(" ") === nq; }); });
    if (exact.length) return unique(exact);
    var within = index.filter(function (e) {
      return names(e).some(function (n) { var t = tokens(n); return q.every(function (w) { return t.indexOf(w) >= 0; }); });
    });
    if (within.length) return unique(within);
    var found = [];
    index.forEach(function (e) {
      var best = null;
      names(e).forEach(function (n) {
        var at = spanIn(q, n), len = tokens(n).length;
        if (at >= 0 && (!best || len > best.len)) best = { e: e, at: at, len: len };
      });
      if (best) found.push(best);
    });
    found = found.filter(function (f) {
      return !found.some(function (g) { return g.len > f.len && g.at <= f.at && f.at + f.len <= g.at + g.len; });
    });
    found.sort(function (a, b) { return b.len - a.len || a.at - b.at; });
    return unique(found.map(function (f) { return f.e; }));
  }
  window.atlasFindEntities = findEntities;

  function entitySearch() {
    var results = document.getElementById("search-results");
    if (!results) return;
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q");
    if (!query) return;
    loadIndex(function (index) {
      var hits = findEntities(index, query);
      var q = tokens(query);
      var onlyIt = hits.length === 1 && names(hits[0]).some(function (n) {
        var t = tokens(n); return q.every(function (w) { return t.indexOf(w) >= 0; });
      });
      if (onlyIt && !params.has("all")) {  // the query names one entity and nothing else: land on its page
        window.location.replace(ROOT + hits[0].page);
        return;
      }
      if (!hits.length) return;
      var box = document.createElement("div");
      box.className = "atlas-entity-hits";
      var h = document.createElement("h2");
      h.textContent = "Accelerators and models";
      box.appendChild(h);
      var ul = document.createElement("ul");
      hits.slice(0, 50).forEach(function (e) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = ROOT + e.page;
        a.textContent = e.name;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" (" + e.kind + ")"));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      results.parentNode.insertBefore(box, results);
    });
    dropDuplicateResults(results);
  }

  /* Sphinx's search lists a page once per matching section; a result whose address is already listed is
     dropped, as the results arrive. */
  function dropDuplicateResults(results) {
    function dedupe() {
      var seen = {};
      results.querySelectorAll("li").forEach(function (li) {
        var a = li.querySelector("a");
        if (!a) return;
        var href = a.getAttribute("href");
        if (seen[href]) li.remove(); else seen[href] = true;
      });
    }
    if (window.MutationObserver) new MutationObserver(dedupe).observe(results, { childList: true, subtree: true });
    dedupe();
  }

  /* The loaders, for the compare page's script (explore.js, loaded on the compare page and the accelerator list). */
  window.atlasData = { root: ROOT, loadIndex: loadIndex, loadEntity: loadEntity, findEntities: findEntities };

  // --- charts ----------------------------------------------------------------------------------------
  /* Each chart's Vega-Lite spec is drawn with the site's own Vega bundle. Its width follows the page's column
     (a chart wider than its box is drawn again, narrower), and on a dark page it takes the dark colours its
     own usermeta names (atlas.dark: config to merge, and "ink" colours to swap). Both are redone when the
     window is resized or the reader switches the theme. */
  function pageIsDark() {
    var theme = document.body.dataset.theme;
    if (theme === "dark") return true;
    if (theme === "light") return false;
    return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }
  function merge(into, from) {
    Object.keys(from).forEach(function (k) {
      var v = from[k];
      if (v && typeof v === "object" && !Array.isArray(v) && into[k] && typeof into[k] === "object") merge(into[k], v);
      else into[k] = v;
    });
    return into;
  }
  function swapInk(node, ink) {
    if (Array.isArray(node)) return node.map(function (v) { return swapInk(v, ink); });
    if (node && typeof node === "object") {
      var out = {};
      Object.keys(node).forEach(function (k) {
        out[k] = (k === "data" || k === "datasets") ? node[k] : swapInk(node[k], ink);
      });
      return out;
    }
    return (typeof node === "string" && ink.hasOwnProperty(node)) ? ink[node] : node;
  }
  // the width a chart may take: its figure's (the view itself is an inline block as wide as what it holds)
  function columnWidth(el) { return (el.closest("figure") || el.parentElement).clientWidth; }
  // every number under a key of caps, at most the cap (a chart's own label limits and legend columns)
  function capKeys(node, caps) {
    if (Array.isArray(node)) { node.forEach(function (v) { capKeys(v, caps); }); return; }
    if (!node || typeof node !== "object") return;
    Object.keys(node).forEach(function (k) {
      if (k === "data" || k === "datasets") return;
      if (caps.hasOwnProperty(k) && typeof node[k] === "number") node[k] = Math.min(node[k], caps[k]);
      else capKeys(node[k], caps);
    });
  }
  // a title longer than width characters, as lines of at most width (Vega-Lite draws an array as lines)
  function wrapTitles(node, width) {
    if (Array.isArray(node)) { node.forEach(function (v) { wrapTitles(v, width); }); return; }
    if (!node || typeof node !== "object") return;
    Object.keys(node).forEach(function (k) {
      if (k === "data" || k === "datasets") return;
      var v = node[k];
      if (k === "title" && typeof v === "string" && v.length > width) {
        var lines = [""];
        v.split(" ").forEach(function (word) {
          var last = lines[lines.length - 1];
          if (last && (last + " " + word).length > width) lines.push(word);
          else lines[lines.length - 1] = last ? last + " " + word : word;
        });
        node[k] = lines;
      } else wrapTitles(v, width);
    });
  }
  function specFor(el, base, shrinkBy) {
    var spec = JSON.parse(JSON.stringify(base));
    var meta = (spec.usermeta && spec.usermeta.atlas) || {};
    spec.config = spec.config || {};
    var room = columnWidth(el);
    if (meta.narrow && room < 560) {
      merge(spec.config, meta.narrow.config);
      capKeys(spec, meta.narrow.caps || {});
      if (meta.narrow.wrap_titles_at) wrapTitles(spec, meta.narrow.wrap_titles_at);
    }
    if (meta.dark && pageIsDark()) {
      spec = swapInk(spec, meta.dark.ink || {});
      merge(spec.config, meta.dark.config);
    }
    if (shrinkBy && typeof spec.width === "number") spec.width = Math.max(80, spec.width - shrinkBy);
    return spec;
  }
  /* A chart's spec: a JSON block in the page (an entity page's small chart), else the script beside the chart's
     CSV (data-spec-src, relative to the page), loaded once; it calls atlasChartSpecLoaded. */
  var specs = {};
  window.atlasChartSpecLoaded = function (name, spec) {
    specs[name] = spec;
    (waiting["spec:" + name] || []).forEach(function (f) { f(spec); });
    waiting["spec:" + name] = [];
  };
  function withSpec(el, done) {
    var inline = document.getElementById(el.dataset.specId);
    if (inline) { done(JSON.parse(inline.textContent)); return; }
    var name = el.dataset.specId.replace(/^spec-/, ""), key = "spec:" + name;
    if (specs[name]) { done(specs[name]); return; }
    if (!el.dataset.specSrc) return;
    (waiting[key] = waiting[key] || []).push(done);
    if (waiting[key].length > 1) return;
    var script = document.createElement("script");
    script.src = el.dataset.specSrc;
    script.async = true;
    script.onerror = function () { el.textContent = "This chart's data could not be loaded (" + el.dataset.specSrc + ")."; };
    document.head.appendChild(script);
  }
  function drawChart(el, shrinkBy, tries) {
    if (typeof window.vegaEmbed !== "function") return;
    withSpec(el, function (base) { drawWith(el, base, shrinkBy, tries); });
  }
  function drawWith(el, base, shrinkBy, tries) {
    if (el.atlasView) { el.atlasView.finalize(); el.atlasView = null; }
    window.vegaEmbed(el, specFor(el, base, shrinkBy), {
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false },
    }).then(function (result) {
      el.atlasView = result.view;
      var svg = el.querySelector("svg");
      var over = svg ? Math.ceil(el.getBoundingClientRect().width - columnWidth(el)) : 0;
      // wider than the column: once more, narrower by the overrun (a chart with a fixed width only)
      if (over > 0 && tries < 4 && typeof base.width === "number") {
        drawChart(el, (shrinkBy || 0) + over + 6, tries + 1);
        return;
      }
      el.classList.add("atlas-chart-drawn");
    }).catch(function (err) {
      el.textContent = "This chart could not be drawn: " + err;
    });
  }
  function drawCharts() {
    document.querySelectorAll(".atlas-chart-view").forEach(function (el) { drawChart(el, 0, 0); });
  }
  function redrawOnChange() {
    var last = { dark: pageIsDark(), width: window.innerWidth }, timer = null;
    function maybe() {
      var now = { dark: pageIsDark(), width: window.innerWidth };
      if (now.dark === last.dark && now.width === last.width) return;
      last = now;
      clearTimeout(timer);
      timer = setTimeout(drawCharts, 150);
    }
    new MutationObserver(maybe).observe(document.body, { attributes: true, attributeFilter: ["data-theme"] });
    window.addEventListener("resize", maybe);
    if (window.matchMedia) {
      var mq = window.matchMedia("(prefers-color-scheme: dark)");
      if (mq.addEventListener) mq.addEventListener("change", maybe);
    }
  }

  function cellValue(cell) {
    var text = cell.textContent.trim();
    var m = text.match(/^\$?(-?[\d,]*\.?\d+)\s*([kMGTPEZY]?)/);
    if (m && text !== "") {
      var scale = { "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Z: 1e21, Y: 1e24 }[m[2]] || 1;
      var words = text.match(/(million|billion)/);
      if (words) scale = words[1] === "million" ? 1e6 : 1e9;
      return { num: parseFloat(m[1].replace(/,/g, "")) * scale, text: text };
    }
    return { num: NaN, text: text };
  }

  function makeSortable(table) {
    var head = table.tHead;
    if (!head || !table.tBodies.length) return;
    Array.prototype.forEach.call(head.rows[0].cells, function (th, index) {
      th.setAttribute("role", "columnheader");
      th.setAttribute("aria-sort", "none");
      th.tabIndex = 0;
      th.title = "Sort by this column";
      var sort = function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var asc = th.getAttribute("aria-sort") !== "ascending";
        rows.sort(function (a, b) {
          var x = cellValue(a.cells[index]), y = cellValue(b.cells[index]);
          var r;
          if (!isNaN(x.num) && !isNaN(y.num)) r = x.num - y.num;
          else if (x.text === "") r = 1;
          else if (y.text === "") r = -1;
          else r = x.text.localeCompare(y.text);
          return asc ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(head.rows[0].cells, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    redrawOnChange();
    document.querySelectorAll("table.sortable").forEach(makeSortable);
    entitySearch();
  });
})();
