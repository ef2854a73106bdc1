// The entry page: the change on last year while typing, and "select all". The server reads the value
// again with the one parser; this is only a preview (plain numbers, thousands separators, %).
(function () {
  function number(text) {
    var t = (text || "").normalize("NFKC").replace(/[\s,约左右以上以下以内超过近%]/g, "");
    if (!/^[+-]?\d*\.?\d+(e[+-]?\d+)?$/i.test(t)) return null;
    return parseFloat(t);
  }
  function show(input) {
    var cell = input.closest("tr").querySelector("td.change");
    var table = input.closest("table");
    var last = parseFloat(input.dataset.last), value = number(input.value), over = false;
    if (!cell || isNaN(last) || value === null) { if (cell) cell.textContent = ""; return; }
    if (input.dataset.points) {
      var d = value - last; cell.textContent = (d > 0 ? "+" : "") + d.toFixed(1) + " " + table.dataset.pointsWord;
      over = Math.abs(d) > parseFloat(table.dataset.yoyPoints);
    } else if (last !== 0) {
      var r = (value / last - 1) * 100; cell.textContent = (r > 0 ? "+" : "") + r.toFixed(1) + "%";
      over = Math.abs(r) > parseFloat(table.dataset.yoyLimit);
    }
    if (over) {
      var note = document.createElement("p");
      note.className = "row-warning"; note.textContent = "⚠ " + table.dataset.yoyWarning;
      cell.appendChild(note);
    }
  }
  document.querySelectorAll("input[data-last]").forEach(function (input) {
    input.addEventListener("input", function () { show(input); });
  });
  var all = document.getElementById("pick-all");
  if (all) all.addEventListener("change", function () {
    document.querySelectorAll('input[name="pick"]').forEach(function (box) { box.checked = all.checked; });
  });
})();
