/* Bilan d'étape charts (Chart.js, served by tipilot). Each chart is drawn from the figures the
   page embeds (json_script "bilan-figures"), the same data as the table below it: without
   JavaScript the tables are the bilan. */
(function () {
  "use strict";
  var BLUE = "#000091", BLUE_LIGHT = "#6a6af4", GREEN = "#18753c", GREY = "#929292";
  var STATUS_COLOURS = {
    idea: "#cacafb", preparation: "#8585f6", engaged: "#6a6af4",
    in_progress: "#000091", completed: "#18753c", abandoned: "#929292"
  };
  var number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
  var euro = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", notation: "compact", maximumFractionDigits: 1 });

  function bindTools() {
    document.querySelectorAll("[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function readFigures() {
    var node = document.getElementById("bilan-figures");
    return node ? JSON.parse(node.textContent) : null;
  }

  function euroAxis() {
    return { beginAtZero: true, ticks: { callback: function (v) { return euro.format(v); } } };
  }

  function tooltipEuros() {
    return { callbacks: { label: function (c) { return c.dataset.label + " : " + euro.format(c.raw); } } };
  }

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    canvas.chart = new Chart(canvas, config);
  }

  function moneyGroups(f) {
    var rows = f.money.by_group;
    draw("chart-money-groups", {
      type: "bar",
      data: {
        labels: rows.map(function (r) { return r.label; }),
        datasets: [
          { label: "Demandé", data: rows.map(function (r) { return r.requested; }), backgroundColor: "#cacafb" },
          { label: "Engagé", data: rows.map(function (r) { return r.committed; }), backgroundColor: BLUE_LIGHT },
          { label: "Décaissé", data: rows.map(function (r) { return r.paid; }), backgroundColor: BLUE }
        ]
      },
      options: { scales: { y: euroAxis() }, plugins: { tooltip: tooltipEuros() } }
    });
  }

  function moneyMeasures(f) {
    var rows = f.money.by_measure;
    draw("chart-money-measures", {
      type: "bar",
      data: {
        labels: rows.map(function (r) { return r.label; }),
        datasets: [
          { label: "Engagé", data: rows.map(function (r) { return r.committed; }), backgroundColor: BLUE_LIGHT },
          { label: "Décaissé", data: rows.map(function (r) { return r.paid; }), backgroundColor: BLUE }
        ]
      },
      options: { indexAxis: "y", scales: { x: euroAxis() }, plugins: { tooltip: tooltipEuros() } }
    });
  }

  function actions(f) {
    var cross = f.actions.by_status_and_axis;
    draw("chart-actions", {
      type: "bar",
      data: {
        labels: cross.axes,
        datasets: cross.rows.map(function (row) {
          return { label: row.label, data: row.counts, backgroundColor: STATUS_COLOURS[row.code] || GREY };
        })
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function trend(f) {
    var rows = f.trend;
    if (!rows.length) { return; }
    draw("chart-trend", {
      type: "line",
      data: {
        labels: rows.map(function (r) { return r.month.slice(5) + "/" + r.month.slice(0, 4); }),
        datasets: [
          { label: "Engagé en cumul (€)", data: rows.map(function (r) { return r.committed_cumulative; }), borderColor: BLUE, backgroundColor: BLUE, yAxisID: "y", tension: 0.2 },
          { label: "Actions engagées en cumul", data: rows.map(function (r) { return r.engaged_cumulative; }), borderColor: GREEN, backgroundColor: GREEN, yAxisID: "y1", tension: 0.2 }
        ]
      },
      options: {
        interaction: { mode: "index", intersect: false },
        scales: {
          y: euroAxis(),
          y1: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 } }
        }
      }
    });
  }

  function jobs(f) {
    var j = f.jobs;
    draw("chart-jobs", {
      type: "bar",
      data: {
        labels: ["Créés", "Maintenus"],
        datasets: [
          { label: "Prévus", data: [j.created_planned, j.maintained_planned], backgroundColor: BLUE_LIGHT },
          { label: "Constatés", data: [j.created_observed, j.maintained_observed], backgroundColor: GREEN }
        ]
      },
      options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function breakdown(f) {
    if (!f.breakdown || !f.breakdown.rows.length) { return; }
    var rows = f.breakdown.rows;
    draw("chart-breakdown", {
      type: "bar",
      data: {
        labels: rows.map(function (r) { return r.label || "Sans région"; }),
        datasets: [
          { label: "Engagé", data: rows.map(function (r) { return r.committed; }), backgroundColor: BLUE_LIGHT },
          { label: "Décaissé", data: rows.map(function (r) { return r.paid; }), backgroundColor: BLUE }
        ]
      },
      options: { indexAxis: "y", scales: { x: euroAxis() }, plugins: { tooltip: tooltipEuros() } }
    });
  }

  var centreText = {
    id: "centreText",
    afterDraw: function (chart) {
      var text = chart.options.plugins.centreText && chart.options.plugins.centreText.text;
      if (!text) { return; }
      var ctx = chart.ctx, area = chart.chartArea;
      ctx.save();
      ctx.font = "700 16px Marianne, arial, sans-serif";
      ctx.fillStyle = BLUE;
      ctx.textAlign = "center";
      ctx.fillText(text, (area.left + area.right) / 2, area.bottom - 4);
      ctx.restore();
    }
  };

  function gauges(f) {
    document.querySelectorAll("canvas[data-gauge]").forEach(function (canvas) {
      var target = f.targets[Number(canvas.dataset.gauge)];
      var done = Math.min(target.progress || 0, 1);
      canvas.chart = new Chart(canvas, {
        type: "doughnut",
        data: { datasets: [{ data: [done, 1 - done], backgroundColor: [target.progress >= 1 ? GREEN : BLUE, "#e5e5e5"], borderWidth: 0 }] },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          rotation: -90, circumference: 180, cutout: "70%",
          plugins: { legend: { display: false }, tooltip: { enabled: false },
            centreText: { text: number.format((target.progress || 0) * 100) + " %" } }
        },
        plugins: [centreText]
      });
    });
  }

  function drawAll() {
    var figures = readFigures();
    if (!figures || typeof Chart === "undefined") { return; }
    Chart.defaults.font.family = "Marianne, arial, sans-serif";
    Chart.defaults.color = "#3a3a3a";
    [moneyGroups, moneyMeasures, actions, trend, jobs, breakdown, gauges].forEach(function (fn) { fn(figures); });
    document.getElementById("bilan").dataset.charts = "drawn";
  }

  bindTools();
  drawAll();
  window.addEventListener("beforeprint", function () {
    if (typeof Chart === "undefined") { return; }
    Object.values(Chart.instances || {}).forEach(function (chart) { chart.resize(); });
  });
})();
