// rolefit report: sorting the postings table. Everything else on the page
// works without this script.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var table = document.getElementById("postings-table");
  if (!table) return;
  var body = table.tBodies[0];
  var buttons = Array.prototype.slice.call(table.querySelectorAll("th button[data-key]"));

  function value(row, key, type) {
    var v = row.getAttribute("data-" + key);
    if (v === null || v === "") return null;
    return type === "num" ? parseFloat(v) : v;
  }

  function order(row) {
    return parseInt(row.getAttribute("data-n"), 10);
  }

  // Sorts by one column; rows without a value (errors, no fit) go last, and
  // equal values keep input order.
  function sort(key, type, dir) {
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, key, type);
      var y = value(b, key, type);
      if (x === null || y === null) {
        if (x === y) return order(a) - order(b);
        return x === null ? 1 : -1;
      }
      var c = type === "num" ? x - y : x.localeCompare(y);
      if (dir === "desc") c = -c;
      return c !== 0 ? c : order(a) - order(b);
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
    buttons.forEach(function (b) {
      var th = b.parentNode;
      if (b.getAttribute("data-key") === key) {
        th.setAttribute("aria-sort", dir === "desc" ? "descending" : "ascending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
    table.setAttribute("data-sorted", key + "-" + dir);
  }

  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      var key = b.getAttribute("data-key");
      var first = b.getAttribute("data-dir") || "asc";
      var now = table.getAttribute("data-sorted");
      var dir = first;
      if (now === key + "-" + first) dir = first === "asc" ? "desc" : "asc";
      sort(key, b.getAttribute("data-type"), dir);
    });
  });

  // A link to report.html#sort=fit (or #sort=title-asc) opens sorted; a
  // link to #p-12 opens that posting's evidence.
  function fromHash() {
    var h = window.location.hash;
    var m = /^#sort=([a-z]+)(?:-(asc|desc))?$/.exec(h);
    if (m) {
      var b = buttons.filter(function (x) { return x.getAttribute("data-key") === m[1]; })[0];
      if (b) sort(m[1], b.getAttribute("data-type"), m[2] || b.getAttribute("data-dir") || "asc");
      return;
    }
    var row = /^#p-\d+$/.test(h) ? document.getElementById(h.slice(1)) : null;
    var why = row && row.querySelector("details.why");
    if (why) why.open = true;
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
