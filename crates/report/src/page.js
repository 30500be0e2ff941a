// The report's own script: progressive enhancement of a page that reads without it. It reads
// the data block as JSON (never as code), and writes corpus text only through textContent,
// so nothing in the corpus can become markup or script.
(function () {
  "use strict";
  var block = document.getElementById("report-data");
  var data = block ? JSON.parse(block.textContent) : {};
  var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Sortable tables: a click on a heading sorts by that column, again to reverse.
  function cellValue(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    var v = cell.getAttribute("data-v");
    return v !== null ? parseFloat(v) : cell.textContent.toLowerCase();
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var body = table.tBodies[0];
    if (!body || body.rows.length < 2) return;
    table.classList.add("ready");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.tabIndex = 0;
      function sort() {
        var descending = th.getAttribute("aria-sort") !== "descending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  });

  // The term picker: the chosen terms' rates per 10,000 tokens over the periods, drawn by uPlot.
  var trends = data.trends;
  var picker = document.getElementById("term-picker");
  if (picker && trends && trends.series.length && trends.starts.length && typeof uPlot === "function") {
    var choices = document.getElementById("term-choices");
    var target = document.getElementById("term-plot");
    var xs = trends.starts.map(function (d) { return Date.parse(d + "T00:00:00Z") / 1000; });
    var plot = null;
    var boxes = trends.series.map(function (s, i) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = i < 5;
      box.addEventListener("change", draw);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + s.term));
      choices.appendChild(label);
      return box;
    });
    function draw() {
      var chosen = [];
      boxes.forEach(function (box, i) { if (box.checked) chosen.push(i); });
      if (plot) { plot.destroy(); plot = null; }
      var series = [{ label: "period", value: function (u, v, si, i) { return i == null ? "" : trends.periods[i]; } }];
      var columns = [xs];
      chosen.forEach(function (i, k) {
        series.push({ label: trends.series[i].term, stroke: PALETTE[k % PALETTE.length], width: 2, points: { show: xs.length < 60 } });
        columns.push(trends.series[i].rates);
      });
      var width = Math.max(320, Math.min(880, target.clientWidth || 880));
      plot = new uPlot({ width: width, height: 280, series: series, axes: [{}, { label: "per 10,000 tokens" }], scales: { x: { time: true } } }, columns, target);
    }
    picker.hidden = false;
    draw();
  }

  // The search box: KWIC lines of the sampled terms.
  var kwic = data.kwic || {};
  var form = document.getElementById("kwic-form");
  if (form) {
    var input = document.getElementById("kwic-query");
    var list = document.getElementById("kwic-terms");
    var status = document.getElementById("kwic-status");
    var table = document.getElementById("kwic-table");
    var terms = Object.keys(kwic);
    terms.forEach(function (term) { var option = el("option"); option.value = term; list.appendChild(option); });
    function fold(text) { return text.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/'s$/, ""); }
    function show() {
      var query = fold(input.value);
      var lines = Object.prototype.hasOwnProperty.call(kwic, query) ? kwic[query] : null;
      var body = table.tBodies[0];
      while (body.firstChild) body.removeChild(body.firstChild);
      if (!query) { status.textContent = terms.length + " terms sampled"; table.hidden = true; return; }
      if (!lines) { status.textContent = "not among the sampled terms"; table.hidden = true; return; }
      lines.forEach(function (line) {
        var row = el("tr");
        row.appendChild(el("td", line[0]));
        row.appendChild(el("td", line[1]));
        row.appendChild(el("td", line[2]));
        row.appendChild(el("td", line[3] + (line[4] ? " (" + line[4] + ")" : "")));
        body.appendChild(row);
      });
      status.textContent = lines.length + (lines.length === 1 ? " line" : " lines");
      table.hidden = false;
    }
    input.addEventListener("input", show);
    form.addEventListener("submit", function (e) { e.preventDefault(); show(); });
    form.hidden = false;
    show();
  }
})();
