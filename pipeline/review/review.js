"use strict";
(function () {
  // Report page: a tooltip with a mark's value, on hover, keyboard focus or tap.
  var tip = document.getElementById("tip");
  var text = document.getElementById("text");
  if (tip && text) {
    var shown = null;
    // Under the line of the mark the pointer is on (a mark may wrap over lines).
    var lineBox = function (el, y) {
      var rects = Array.prototype.slice.call(el.getClientRects());
      var hit = rects.filter(function (r) { return y >= r.top && y <= r.bottom; });
      return hit[0] || rects[0] || el.getBoundingClientRect();
    };
    var show = function (el, y) {
      shown = el;
      tip.textContent = el.getAttribute("data-tip");
      tip.hidden = false;
      var box = lineBox(el, y);
      var width = tip.offsetWidth;
      var left = Math.min(box.left, document.documentElement.clientWidth - width - 8);
      tip.style.left = Math.max(4, left) + window.scrollX + "px";
      tip.style.top = box.bottom + window.scrollY + 6 + "px";
    };
    var hide = function () { shown = null; tip.hidden = true; };
    var marked = function (node) {
      return node && node.closest ? node.closest("[data-tip]") : null;
    };
    text.addEventListener("mouseover", function (e) {
      var el = marked(e.target);
      if (el) { show(el, e.clientY); }
    });
    text.addEventListener("mouseout", function (e) {
      var next = marked(e.relatedTarget);
      if (next) { show(next, e.clientY); } else { hide(); }
    });
    text.addEventListener("focusin", function (e) {
      var el = marked(e.target);
      if (el) { show(el); }
    });
    text.addEventListener("focusout", hide);
    text.addEventListener("click", function (e) {
      var el = marked(e.target);
      if (!el || el === shown) { hide(); } else { show(el, e.clientY); }
    });
    // Legend switches: hide the highlighting of one table.
    document.querySelectorAll(".legend input[data-table]").forEach(function (box) {
      box.addEventListener("change", function () {
        document.body.classList.toggle("hide-" + box.getAttribute("data-table"), !box.checked);
      });
    });
  }

  // Index: filter rows by text, sort by a column.
  var filter = document.getElementById("filter");
  var table = document.querySelector("table.reports");
  if (filter && table) {
    var body = table.tBodies[0];
    var count = document.getElementById("shown");
    var apply = function () {
      var query = filter.value.trim().toLowerCase();
      var visible = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var hit = !query || row.textContent.toLowerCase().indexOf(query) >= 0;
        row.hidden = !hit;
        if (hit) { visible += 1; }
      });
      count.textContent = visible;
    };
    filter.addEventListener("input", apply);
    apply();
    var key = function (row, i) {
      var cell = row.cells[i];
      return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    };
    var compare = function (a, b) {
      var x = parseFloat(a), y = parseFloat(b);
      if (!isNaN(x) && !isNaN(y) && String(x) === a.trim() && String(y) === b.trim()) {
        return x - y;
      }
      return a.localeCompare(b, "de", { numeric: true });
    };
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.tabIndex = 0;
      var sort = function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = compare(key(a, i), key(b, i));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
      });
    });
  }
})();
