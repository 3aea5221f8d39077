/* Compute Atlas: draw the charts and make tables sortable. No network access. */
(function () {
  "use strict";

  function drawCharts() {
    document.querySelectorAll(".atlas-chart-view").forEach(function (el) {
      var script = document.getElementById(el.dataset.specId);
      if (!script || typeof window.vegaEmbed !== "function") return;
      var spec = JSON.parse(script.textContent);
      window.vegaEmbed(el, spec, {
        renderer: "svg",
        actions: { export: true, source: false, compiled: false, editor: false },
      }).then(function () {
        el.classList.add("atlas-chart-drawn");
      }).catch(function (err) {
        el.textContent = "This chart could not be drawn: " + err;
      });
    });
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
    document.querySelectorAll("table.sortable").forEach(makeSortable);
  });
})();
