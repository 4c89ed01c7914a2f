// Evidence trends on the prototype page: one small line per metric over the last 90 days. Data comes from
// each canvas's data-points attribute (the CSP allows no inline scripts); the same figures are in the
// table below the evidence table.
(function () {
  'use strict';

  function render() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas.dg-spark[data-points]').forEach(function (canvas) {
      var points = JSON.parse(canvas.dataset.points).map(function (p) { return { x: p[0], y: Number(p[1]) }; });
      var existing = Chart.getChart(canvas);
      if (existing) {
        existing.destroy();
      }
      new Chart(canvas, {
        type: 'line',
        data: { datasets: [{ data: points, borderColor: '#1b3a5c', backgroundColor: '#1b3a5c', borderWidth: 1.5, fill: false,
          // a dot on the latest value, so that a single observation still shows
          pointRadius: function (c) { return c.dataIndex === points.length - 1 ? 2 : 0; } }] },
        options: {
          animation: false, responsive: false, events: [],
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
          scales: { x: { type: 'category', display: false }, y: { display: false } }
        }
      });
      canvas.dataset.rendered = 'true';
    });
  }

  document.addEventListener('DOMContentLoaded', render);
})();
