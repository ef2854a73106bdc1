/* Draw every chart on the page from the JSON options the server embedded.
 * <div class="chart" data-option="ID" role="img" aria-label="…"> + <script type="application/json" id="ID">.
 * No network request: echarts.min.js and the map script are loaded by <script src> beside this file,
 * so the same page works served or opened from disk (file://). */
(function () {
  "use strict";
  var charts = [];
  function draw(el) {
    var source = document.getElementById(el.getAttribute("data-option"));
    if (!source || !window.echarts) { return; }
    // ECharts' own words (the generated aria description, tooltips) follow the page's language.
    var locale = (document.documentElement.lang || "").indexOf("en") === 0 ? "EN" : "ZH";
    var chart = window.echarts.init(el, null, { renderer: "canvas", locale: locale });
    chart.setOption(JSON.parse(source.textContent));
    el.__planwatchChart = chart;
    charts.push(chart);
    if (el.hasAttribute("data-county-table")) { linkCounties(el, chart); }
  }
  function selectCounty(tableId, name) {
    var table = document.getElementById(tableId);
    if (!table) { return; }
    var rows = table.querySelectorAll("tr[data-county]");
    var detail = document.getElementById(tableId + "-detail");
    for (var i = 0; i < rows.length; i++) {
      var hit = rows[i].getAttribute("data-county") === name;
      rows[i].classList.toggle("selected", hit);
      if (hit) {
        rows[i].setAttribute("aria-current", "true");
        if (detail) {
          var tpl = detail.getAttribute("data-template") || "{name}";
          detail.textContent = tpl.replace("{name}", name)
            .replace("{value}", rows[i].getAttribute("data-value-text") || "—")
            .replace("{rank}", rows[i].getAttribute("data-rank") || "—");
          detail.hidden = false;
        }
      } else {
        rows[i].removeAttribute("aria-current");
      }
    }
  }
  function linkCounties(el, chart) {
    var tableId = el.getAttribute("data-county-table");
    chart.on("click", function (params) {
      if (params.componentType === "series" && params.name) { selectCounty(tableId, params.name); }
    });
    var buttons = document.querySelectorAll("#" + tableId + " button[data-county]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        var name = event.currentTarget.getAttribute("data-county");
        chart.dispatchAction({ type: "select", seriesIndex: 0, name: name });
        selectCounty(tableId, name);
      });
    }
  }
  function init() {
    var els = document.querySelectorAll(".chart[data-option]");
    for (var i = 0; i < els.length; i++) { draw(els[i]); }
  }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
  window.planwatchCharts = charts;
})();
