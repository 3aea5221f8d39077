/* Compute Atlas: explore and compare. Loaded only on the accelerator list (accelerators.html) and the compare page
   (compare.html), after atlas.js, whose loaders it uses (window.atlasData). No network access: the list reads the
   JSON block of its own page, the compare page the site's entity scripts (api/...).

   - The accelerator list: a table of every accelerator, filtered by name, market, vendor, release year and
     precision (the rate, per-dollar and per-watt columns follow the precision), sorted by any column; the filters,
     the sort and the chips ticked for comparison are in the page's address (its query string), so that a view can
     be shared and a reload restores it.
   - The compare page: any number of accelerators (or models) side by side, from each one's entity JSON (its
     "summary" rows: [label, value, group]); an id the atlas does not know is named in a message, never dropped
     silently. */
(function () {
  "use strict";

  var ROOT = (function () {
    var s = document.currentScript && document.currentScript.src;
    return s ? s.replace(/_static\/explore\.js(\?.*)?$/, "") : "";
  })();
  var ID = /^[a-z0-9][a-z0-9._-]*$/;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }

  // --- the accelerator list ------------------------------------------------------------------------------------

  /* A row of the data: [id, name, vendor, segment, released, memory, bandwidth, power, price, rates]; a quantity is
     [raw, shown] or null; rates maps a precision to [peak, per dollar, per watt] quantities. */
  var R = { id: 0, name: 1, vendor: 2, segment: 3, released: 4, memory: 5, bandwidth: 6, power: 7, price: 8, rates: 9 };

  function columns(data, precision) {
    var p = (data.precisions.filter(function (x) { return x[0] === precision; })[0] || [precision, precision])[1];
    var ops = /^int/.test(precision) ? "OP/s" : "FLOP/s";
    function rate(i) { return function (row) { var r = row[R.rates][precision]; return r ? r[i] : null; }; }
    function quantity(i) { return function (row) { return row[i]; }; }
    function text(i, names) {
      return function (row) { var v = row[i]; return [v, names ? (names[v] || v) : v]; };
    }
    var segments = {};
    data.segments.forEach(function (s) { segments[s[0]] = s[1]; });
    return [
      { key: "name", head: "Accelerator", get: text(R.name), text: true },
      { key: "released", head: "Released", unit: "date", get: text(R.released), text: true },
      { key: "peak", head: p + " dense peak", unit: ops, get: rate(0) },
      { key: "per_dollar", head: p + " per dollar", unit: ops + " per US$ (2024 dollars)", get: rate(1) },
      { key: "per_watt", head: p + " per watt", unit: ops + " per W of rated power", get: rate(2) },
      { key: "price", head: "Price per dollar of", unit: "US$, nominal", get: quantity(R.price) },
      { key: "memory", head: "Memory", unit: "bytes", get: quantity(R.memory) },
      { key: "bandwidth", head: "Memory bandwidth", unit: "bytes/s", get: quantity(R.bandwidth) },
      { key: "power", head: "Power", unit: "W", get: quantity(R.power) },
      { key: "vendor", head: "Vendor", get: text(R.vendor), text: true },
      { key: "market", head: "Market", get: text(R.segment, segments), text: true },
    ];
  }

  /* The view: what the address says, each value checked against the data (an unknown one is named, not used). */
  function readState(data, search) {
    var params = new URLSearchParams(search), ignored = [];
    var segments = data.segments.map(function (s) { return s[0]; });
    var precisions = data.precisions.map(function (p) { return p[0]; });
    var ids = {};
    data.rows.forEach(function (r) { ids[r[R.id]] = true; });
    function known(name, values, list) {
      return values.filter(function (v) {
        if (list.indexOf(v) >= 0) return true;
        ignored.push(name + "=" + v);
        return false;
      });
    }
    function year(name) {
      var v = params.get(name);
      if (v === null || v === "") return null;
      var n = parseInt(v, 10);
      if (isNaN(n)) { ignored.push(name + "=" + v); return null; }
      return n;
    }
    var state = {
      q: params.get("q") || "",
      segment: known("segment", params.getAll("segment"), segments),
      vendor: known("vendor", params.getAll("vendor"), data.vendors),
      from: year("from"),
      to: year("to"),
      precision: params.get("precision") || data.default_precision,
      has: params.get("has") === "1",
      sort: params.get("sort") || "released",
      order: params.get("order") === "asc" ? "asc" : params.get("order") === "desc" ? "desc" : null,
      pick: (params.get("pick") || "").split(",").filter(Boolean),
    };
    if (precisions.indexOf(state.precision) < 0) {
      ignored.push("precision=" + state.precision);
      state.precision = data.default_precision;
    }
    state.pick = state.pick.filter(function (id) {
      if (ids[id]) return true;
      ignored.push("pick=" + id);
      return false;
    });
    var keys = columns(data, state.precision).map(function (c) { return c.key; });
    if (keys.indexOf(state.sort) < 0) { ignored.push("sort=" + state.sort); state.sort = "released"; }
    if (!state.order) state.order = defaultOrder(data, state.sort);
    state.ignored = ignored;
    return state;
  }
  function defaultOrder(data, key) {
    // names read A to Z; dates and quantities newest or highest first
    return ["name", "vendor", "market"].indexOf(key) >= 0 ? "asc" : "desc";
  }
  function writeState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    state.segment.forEach(function (s) { params.append("segment", s); });
    state.vendor.forEach(function (v) { params.append("vendor", v); });
    if (state.from !== null) params.set("from", String(state.from));
    if (state.to !== null) params.set("to", String(state.to));
    params.set("precision", state.precision);
    if (state.has) params.set("has", "1");
    params.set("sort", state.sort);
    params.set("order", state.order);
    if (state.pick.length) params.set("pick", state.pick.join(","));
    return "?" + params.toString().replace(/%2C/g, ",");
  }

  function matches(state, row) {
    if (state.q) {
      var words = state.q.toLowerCase().split(/\s+/).filter(Boolean), name = row[R.name].toLowerCase();
      if (!words.every(function (w) { return name.indexOf(w) >= 0 || row[R.id].indexOf(w) >= 0; })) return false;
    }
    if (state.segment.length && state.segment.indexOf(row[R.segment]) < 0) return false;
    if (state.vendor.length && state.vendor.indexOf(row[R.vendor]) < 0) return false;
    var year = parseInt(row[R.released].slice(0, 4), 10);
    if (state.from !== null && year < state.from) return false;
    if (state.to !== null && year > state.to) return false;
    if (state.has && !row[R.rates][state.precision]) return false;
    return true;
  }

  function sortRows(rows, column, order) {
    var sign = order === "asc" ? 1 : -1;
    return rows.slice().sort(function (a, b) {
      var x = column.get(a), y = column.get(b);
      if (!x && !y) return 0;
      if (!x) return 1;  // unknown values last, whichever the order
      if (!y) return -1;
      var r = column.text ? String(x[0]).localeCompare(String(y[0])) : x[0] - y[0];
      return sign * r || a[R.name].localeCompare(b[R.name]);
    });
  }

  function explorer() {
    var root = document.getElementById("atlas-explore"), block = document.getElementById("atlas-explore-data");
    if (!root || !block) return;
    var data = JSON.parse(block.textContent);
    var state = readState(data, window.location.search);
    root.textContent = "";

    // the filters
    var form = el("form", { "class": "atlas-explore-filters", role: "search", "aria-label": "Filter the accelerators" });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    function field(label, control, cls) {
      var wrap = el("label", { "class": "atlas-explore-field " + (cls || "") });
      wrap.appendChild(el("span", { "class": "atlas-explore-label" }, label));
      wrap.appendChild(control);
      form.appendChild(wrap);
      return control;
    }
    var q = field("Name", el("input", { type: "search", name: "q", placeholder: "e.g. H100", autocomplete: "off" }));
    var precision = field("Precision", el("select", { name: "precision" }));
    data.precisions.forEach(function (p) {
      precision.appendChild(el("option", { value: p[0] }, p[1] + " (" + plural(p[2], "chip") + ")"));
    });
    var from = field("Released from", el("select", { name: "from" }));
    var to = field("to", el("select", { name: "to" }));
    [from, to].forEach(function (s, i) {
      s.appendChild(el("option", { value: "" }, i ? "latest" : "earliest"));
      for (var y = data.years[0]; y <= data.years[1]; y++) s.appendChild(el("option", { value: String(y) }, String(y)));
    });
    function checkboxes(title, name, values, names) {
      var box = el("fieldset", { "class": "atlas-explore-choices atlas-explore-" + name });
      box.appendChild(el("legend", {}, title));
      var inputs = values.map(function (v) {
        var l = el("label", {}), input = el("input", { type: "checkbox", name: name, value: v });
        l.appendChild(input);
        l.appendChild(document.createTextNode(" " + (names ? names[v] : v)));
        box.appendChild(l);
        return input;
      });
      return { box: box, inputs: inputs };
    }
    var segmentNames = {};
    data.segments.forEach(function (s) { segmentNames[s[0]] = s[1]; });
    var segments = checkboxes("Market (none ticked: all)", "segment", data.segments.map(function (s) { return s[0]; }),
                              segmentNames);
    form.appendChild(segments.box);
    var vendorDetails = el("details", { "class": "atlas-explore-vendors" });
    var vendorSummary = el("summary", {});
    vendorDetails.appendChild(vendorSummary);
    var vendors = checkboxes("Vendor (none ticked: all)", "vendor", data.vendors);
    vendorDetails.appendChild(vendors.box);
    form.appendChild(vendorDetails);
    var hasLabel = el("label", { "class": "atlas-explore-field atlas-explore-has" });
    var has = el("input", { type: "checkbox", name: "has" });
    hasLabel.appendChild(has);
    var hasText = el("span", {});
    hasLabel.appendChild(hasText);
    form.appendChild(hasLabel);
    var reset = el("button", { type: "button", "class": "atlas-explore-reset" }, "Clear the filters");
    form.appendChild(reset);
    root.appendChild(form);

    // what the view shows, the comparison, a message about the address
    var status = el("p", { "class": "atlas-explore-status", role: "status", "aria-live": "polite" });
    var picked = el("p", { "class": "atlas-explore-compare" });
    var note = el("p", { "class": "atlas-explore-note" });
    root.appendChild(status);
    root.appendChild(picked);
    root.appendChild(note);
    var box = el("div", { "class": "atlas-explore-box", tabindex: "0", role: "region",
                          "aria-label": "The accelerators (the table scrolls inside this box)" });
    var table = el("table", { "class": "atlas-table atlas-explore-table docutils align-default" });
    box.appendChild(table);
    root.appendChild(box);

    function fromForm() {
      state.q = q.value.trim();
      state.precision = precision.value;
      state.from = from.value ? parseInt(from.value, 10) : null;
      state.to = to.value ? parseInt(to.value, 10) : null;
      state.segment = segments.inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      state.vendor = vendors.inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      state.has = has.checked;
      state.ignored = [];
    }
    function toForm() {
      q.value = state.q;
      precision.value = state.precision;
      from.value = state.from === null ? "" : String(state.from);
      to.value = state.to === null ? "" : String(state.to);
      segments.inputs.forEach(function (i) { i.checked = state.segment.indexOf(i.value) >= 0; });
      vendors.inputs.forEach(function (i) { i.checked = state.vendor.indexOf(i.value) >= 0; });
      has.checked = state.has;
    }

    function draw() {
      var cols = columns(data, state.precision);
      var sortCol = cols.filter(function (c) { return c.key === state.sort; })[0];
      var shown = sortRows(data.rows.filter(function (r) { return matches(state, r); }), sortCol, state.order);
      var pName = precision.options[precision.selectedIndex].textContent.replace(/ \(.*$/, "");
      hasText.textContent = " only chips with a " + pName + " rate";
      vendorSummary.textContent = "Vendor: " + (state.vendor.length ? state.vendor.join(", ") : "all");

      table.textContent = "";
      var head = el("thead"), tr = el("tr");
      cols.forEach(function (c) {
        var th = el("th", { "class": "head", scope: "col", "data-key": c.key,
                            "aria-sort": c.key === state.sort ? (state.order === "asc" ? "ascending" : "descending") : "none" });
        var b = el("button", { type: "button", "class": "atlas-explore-sort",
                               title: "Sort by " + c.head.toLowerCase() });
        b.appendChild(el("span", { "class": "atlas-explore-head" }, c.head));
        if (c.unit) b.appendChild(el("span", { "class": "atlas-explore-unit" }, c.unit));
        b.addEventListener("click", function () {
          if (state.sort === c.key) state.order = state.order === "asc" ? "desc" : "asc";
          else { state.sort = c.key; state.order = defaultOrder(data, c.key); }
          update();
        });
        th.appendChild(b);
        tr.appendChild(th);
      });
      head.appendChild(tr);
      table.appendChild(head);
      var body = el("tbody");
      shown.forEach(function (row) {
        var tr = el("tr", { "data-id": row[R.id] });
        cols.forEach(function (c) {
          var cell;
          if (c.key === "name") {
            cell = el("th", { scope: "row" });
            var tick = el("input", { type: "checkbox", "class": "atlas-explore-pick", value: row[R.id],
                                     "aria-label": "Compare " + row[R.name] });
            tick.checked = state.pick.indexOf(row[R.id]) >= 0;
            tick.addEventListener("change", function () {
              var i = state.pick.indexOf(row[R.id]);
              if (tick.checked && i < 0) state.pick.push(row[R.id]);
              if (!tick.checked && i >= 0) state.pick.splice(i, 1);
              update(true);
            });
            cell.appendChild(tick);
            cell.appendChild(document.createTextNode(" "));
            cell.appendChild(el("a", { "class": "reference internal atlas-entity-link",
                                       href: ROOT + "accelerators/" + row[R.id] + ".html" }, row[R.name]));
          } else {
            var v = c.get(row);
            cell = el("td", { "data-key": c.key }, v ? v[1] : "");
            if (!c.text) cell.className = "atlas-explore-number";
          }
          tr.appendChild(cell);
        });
        body.appendChild(tr);
      });
      table.appendChild(body);

      var order = sortCol.key === "released" ? (state.order === "asc" ? "oldest first" : "newest first")
        : sortCol.text ? (state.order === "asc" ? "A to Z" : "Z to A")
        : (state.order === "asc" ? "lowest first" : "highest first");
      status.textContent = "Showing " + shown.length + " of " + plural(data.rows.length, "accelerator") +
        ", sorted by " + sortCol.head.replace(/^[A-Z](?=[a-z])/, function (c) { return c.toLowerCase(); }) + ", " + order +
        ". Empty cells: the atlas has no figure. The address of this page keeps the view.";
      drawPicked(shown);
      note.textContent = state.ignored.length
        ? "Not understood in the address, and left out: " + state.ignored.join(", ") + "." : "";
    }

    function compareLink(ids, text) {
      return el("a", { href: ROOT + "compare.html?accelerators=" + ids.join(","), "class": "atlas-explore-compare-link" }, text);
    }
    function drawPicked(shown) {
      picked.textContent = "";
      if (state.pick.length) {
        var names = state.pick.map(function (id) {
          var row = data.rows.filter(function (r) { return r[R.id] === id; })[0];
          return row ? row[R.name] : id;
        });
        picked.appendChild(compareLink(state.pick, "Compare the " + plural(state.pick.length, "chip") + " ticked"));
        picked.appendChild(document.createTextNode(": " + names.join(", ") + ". "));
        var clear = el("button", { type: "button", "class": "atlas-explore-unpick" }, "Untick all");
        clear.addEventListener("click", function () { state.pick = []; update(); });
        picked.appendChild(clear);
      } else {
        picked.appendChild(document.createTextNode("Tick chips in the first column to compare them side by side"));
        if (shown.length > 1 && shown.length <= 12) {
          picked.appendChild(document.createTextNode(", or "));
          picked.appendChild(compareLink(shown.map(function (r) { return r[R.id]; }),
                                         "compare the " + shown.length + " shown"));
        }
        picked.appendChild(document.createTextNode("."));
      }
    }

    function update(keepTable) {
      window.history.replaceState(null, "", window.location.pathname + writeState(state) + window.location.hash);
      if (keepTable) redrawPicked();  // a tick: the table stays as it is
      else draw();
    }
    function redrawPicked() {
      var shown = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
        return data.rows.filter(function (r) { return r[R.id] === tr.dataset.id; })[0];
      });
      drawPicked(shown);
    }

    toForm();
    form.addEventListener("input", function (ev) {
      if (ev.target === q) { clearTimeout(form.atlasTimer); form.atlasTimer = setTimeout(function () { fromForm(); update(); }, 200); }
    });
    form.addEventListener("change", function (ev) {
      if (ev.target === q) return;
      fromForm();
      update();
    });
    reset.addEventListener("click", function () {
      state = readState(data, "?pick=" + state.pick.join(","));
      toForm();
      update();
    });
    window.history.replaceState(null, "", window.location.pathname + writeState(state) + window.location.hash);
    draw();
  }

  // --- the compare page ----------------------------------------------------------------------------------------

  var FOLDERS = { accelerator: "accelerators", model: "models" };
  var KIND_NAMES = { accelerator: ["accelerator", "accelerators"], model: ["model", "models"] };

  function compare() {
    var root = document.getElementById("atlas-compare"), atlas = window.atlasData;
    if (!root || !atlas) return;
    var params = new URLSearchParams(window.location.search);
    var kind = params.has("models") && !params.has("accelerators") ? "model" : "accelerator";
    var only = params.get("precision") || "";  // one precision's rows, or every precision's
    var asked = (params.get(FOLDERS[kind]) || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
    var ids = [], badIds = [];
    asked.forEach(function (id) {
      if (!ID.test(id)) badIds.push(id);
      else if (ids.indexOf(id) < 0) ids.push(id);
    });

    atlas.loadIndex(function (index) {
      root.textContent = "";
      var byKey = {}, byLabel = {};
      index.forEach(function (e) { byKey[e.kind + ":" + e.id] = e; });

      var form = el("form", { "class": "atlas-compare-form" });
      var kindSelect = el("select", { name: "kind", "aria-label": "What to compare" });
      [["accelerator", "Accelerators"], ["model", "Models"]].forEach(function (o) {
        var opt = el("option", { value: o[0] }, o[1]);
        if (o[0] === kind) opt.selected = true;
        kindSelect.appendChild(opt);
      });
      form.appendChild(kindSelect);
      var list = el("datalist", { id: "atlas-compare-names" });
      form.appendChild(list);
      var input = el("input", { type: "text", list: "atlas-compare-names", "aria-label": "Add by name or id",
                                placeholder: "add by name or id", "class": "atlas-compare-pick", autocomplete: "off" });
      form.appendChild(input);
      form.appendChild(el("button", { type: "submit" }, "Add"));
      var clear = el("button", { type: "button", "class": "atlas-compare-clear" }, "Remove all");
      form.appendChild(clear);
      var precisionSelect = el("select", { name: "precision", "aria-label": "Precisions shown" });
      precisionSelect.appendChild(el("option", { value: "" }, "every precision"));
      form.appendChild(precisionSelect);
      var chosen = el("ul", { "class": "atlas-compare-chosen", "aria-label": "Compared" });
      var messages = el("div", { "class": "atlas-compare-messages", role: "status", "aria-live": "polite" });
      var result = el("div", { "class": "atlas-compare-result" });
      root.appendChild(form);
      root.appendChild(chosen);
      root.appendChild(messages);
      root.appendChild(result);

      function fillList() {
        list.textContent = "";
        byLabel = {};
        index.forEach(function (e) {
          if (e.kind !== kind) return;
          var label = e.name + " (" + e.id + ")";
          byLabel[label] = e;
          list.appendChild(el("option", { value: label }));
        });
      }
      fillList();

      var notes = [];  // messages of the last change, shown above the table
      if (badIds.length) notes.push("Not an id (ids are lowercase letters, digits, dots, dashes): " + badIds.join(", ") + ".");

      function drawChosen() {
        chosen.textContent = "";
        ids.forEach(function (id) {
          var e = byKey[kind + ":" + id], li = el("li", {});
          li.appendChild(el("span", {}, e ? e.name : id));
          var x = el("button", { type: "button", "class": "atlas-compare-remove", "aria-label": "Remove " + (e ? e.name : id),
                                 title: "Remove" }, "×");
          x.addEventListener("click", function () { ids.splice(ids.indexOf(id), 1); changed(); });
          li.appendChild(x);
          chosen.appendChild(li);
        });
      }
      function changed() {
        var url = new URL(window.location.href);
        url.search = "?" + FOLDERS[kind] + "=" + ids.join(",") + (only ? "&precision=" + encodeURIComponent(only) : "");
        window.history.replaceState(null, "", url.toString());
        drawChosen();
        draw(kind, ids.filter(known), result, messages, notes.concat(unknownNote()));
      }
      // an id that the index does not hold is named in a message (and not asked for: no request fails)
      function known(id) { return !!byKey[kind + ":" + id]; }
      function unknownNote() {
        var missing = ids.filter(function (id) { return !known(id); });
        return missing.length ? ["Not in the atlas, so not compared: " + missing.join(", ") + " (no " +
          KIND_NAMES[kind][0] + " has this id; the list of every " + KIND_NAMES[kind][0] + " has the ids)."] : [];
      }
      kindSelect.addEventListener("change", function () {
        kind = kindSelect.value;
        ids = [];
        notes = [];
        input.value = "";
        fillList();
        changed();
      });
      clear.addEventListener("click", function () { ids = []; notes = []; changed(); });
      precisionSelect.addEventListener("change", function () { only = precisionSelect.value; notes = []; changed(); });
      function fillPrecisions(docs) {  // the precisions the compared entities have rows of
        var seen = [];
        docs.forEach(function (d) {
          d.summary.forEach(function (row) {
            if (row[3] && !seen.some(function (s) { return s[0] === row[3]; })) seen.push([row[3], row[2]]);
          });
        });
        precisionSelect.textContent = "";
        precisionSelect.appendChild(el("option", { value: "" }, "every precision"));
        seen.forEach(function (s) { precisionSelect.appendChild(el("option", { value: s[0] }, s[1] + " only")); });
        if (!seen.some(function (s) { return s[0] === only; })) only = "";  // none of them has it: every precision
        precisionSelect.value = only;
        precisionSelect.hidden = !seen.length;
      }
      precisionSelect.hidden = true;
      result.atlasDrawn = fillPrecisions;
      result.atlasOnly = function () { return only; };
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        notes = [];
        var v = input.value.trim();
        if (!v) return;
        var e = byLabel[v] || byKey[kind + ":" + v];
        if (!e) {
          var hits = atlas.findEntities(index, v).filter(function (h) { return h.kind === kind; });
          if (hits.length === 1) e = hits[0];
          else if (hits.length > 1) {
            notes.push("“" + v + "” names " + hits.length + " " + KIND_NAMES[kind][1] + ": " +
                       hits.slice(0, 8).map(function (h) { return h.name; }).join(", ") +
                       (hits.length > 8 ? ", …" : "") + ". Pick one from the list.");
          } else notes.push("No " + KIND_NAMES[kind][0] + " of the atlas is called “" + v + "”.");
        }
        if (e) {
          if (ids.indexOf(e.id) < 0) ids.push(e.id);
          else notes.push(e.name + " is already compared.");
          input.value = "";
        }
        changed();
      });
      drawChosen();
      draw(kind, ids.filter(known), result, messages, notes.concat(unknownNote()));
    });
  }

  function draw(kind, ids, target, messages, notes) {
    var docs = [], left = ids.length;
    if (!left) {
      target.textContent = "";
      target.removeAttribute("data-compared");
      showMessages(messages, notes);
      return;
    }
    ids.forEach(function (id, i) {
      window.atlasData.loadEntity(kind, id, function (doc) {
        docs[i] = doc;
        if (--left > 0) return;
        var missing = ids.filter(function (id, j) { return !docs[j]; });
        var all = notes.slice();
        if (missing.length) all.push("These could not be loaded, so are not compared: " + missing.join(", ") + ".");
        docs = docs.filter(Boolean);
        if (target.atlasDrawn) target.atlasDrawn(docs);
        render(docs, target, all, target.atlasOnly ? target.atlasOnly() : "");
        showMessages(messages, all);
      });
    });
  }

  function showMessages(box, notes) {
    box.textContent = "";
    notes.forEach(function (n) {  // a problem (a string), or a note about the table ({info: text})
      box.appendChild(el("p", { "class": n.info ? "atlas-compare-info" : "atlas-compare-message" }, n.info || n));
    });
  }

  function render(docs, target, notes, only) {
    target.textContent = "";
    if (!docs.length) return;
    var labels = [], values = {}, groups = {};
    docs.forEach(function (d, i) {
      d.summary.forEach(function (row) {
        if (only && row[3] && row[3] !== only) return;  // another precision's row
        if (!(row[0] in values)) { values[row[0]] = []; labels.push(row[0]); groups[row[0]] = row[2] || ""; }
        values[row[0]][i] = row[1];
      });
    });
    // rows in the order of the groups as they first occur, keeping each group's own order
    var order = [];
    labels.forEach(function (l) { if (order.indexOf(groups[l]) < 0) order.push(groups[l]); });
    labels.sort(function (a, b) { return order.indexOf(groups[a]) - order.indexOf(groups[b]) || labels.indexOf(a) - labels.indexOf(b); });

    var wrap = el("div", { "class": "table-wrapper atlas-compare-box", tabindex: "0", role: "region",
                           "aria-label": "The comparison (it scrolls sideways inside this box)" });
    var table = el("table", { "class": "atlas-table atlas-compare-table docutils align-default" });
    var head = el("thead"), tr = el("tr");
    tr.appendChild(el("th", { "class": "head", scope: "col" }, ""));
    docs.forEach(function (d) {
      var th = el("th", { "class": "head", scope: "col" });
      th.appendChild(el("a", { href: ROOT + d.page }, d.name));
      tr.appendChild(th);
    });
    head.appendChild(tr);
    table.appendChild(head);
    var body = el("tbody"), group = null;
    labels.forEach(function (label) {
      if (groups[label] && groups[label] !== group) {
        group = groups[label];
        var g = el("tr", { "class": "atlas-compare-group" });
        g.appendChild(el("th", { colspan: String(docs.length + 1), scope: "colgroup" }, group));
        body.appendChild(g);
      }
      var row = el("tr", {});
      row.appendChild(el("th", { scope: "row" }, label));
      docs.forEach(function (d, i) {
        var v = values[label][i];
        row.appendChild(v ? el("td", {}, v) : el("td", { "class": "atlas-compare-none" }, "not in the atlas"));
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    target.appendChild(wrap);
    target.setAttribute("data-compared", docs.map(function (d) { return d.id; }).join(","));
    // wider than the page: say that the table scrolls in its box (the first column stays)
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      notes.push({ info: "The " + docs.length + " columns are wider than the page: the table scrolls sideways " +
                         "inside its box, and the first column stays in place." });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    explorer();
    compare();
  });
})();
