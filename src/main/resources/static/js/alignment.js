// The alignment dashboard's charts. Data comes from the JSON in #alignment-data (the CSP allows no
// inline scripts); the same numbers are in the tables beside each chart.
(function () {
  'use strict';

  var COLOURS = ['#0d6efd', '#d63384', '#198754', '#fd7e14', '#6f42c1', '#20c997'];

  function chart(canvas, config) {
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var existing = Chart.getChart(canvas);
    if (existing) {
      existing.destroy();
    }
    new Chart(canvas, config);
  }

  function points(pairs) {
    return pairs.map(function (p) { return { x: p[0], y: p[1] }; });
  }

  function render() {
    var holder = document.getElementById('alignment-data');
    if (!holder || !holder.dataset.chart) {
      return;
    }
    var data = JSON.parse(holder.dataset.chart);
    data.pairs.forEach(function (pair) {
      var datasets = [{ type: 'scatter', label: data.labels.points, data: points(pair.points), backgroundColor: COLOURS[0] }];
      if (pair.line) {
        datasets.push({ type: 'line', label: data.labels.line, data: points(pair.line), borderColor: COLOURS[1],
          pointRadius: 0, fill: false });
      }
      chart(document.getElementById('pair-chart-' + pair.id), {
        data: { datasets: datasets },
        options: { animation: false, scales: { x: { type: 'linear', title: { display: true, text: pair.x } },
          y: { title: { display: true, text: pair.y } } } }
      });
    });
    var metrics = Object.keys(data.series);
    if (metrics.length > 0) {
      chart(document.getElementById('series-chart'), {
        type: 'line',
        data: {
          datasets: metrics.map(function (metric, i) {
            return { label: metric, data: data.series[metric].map(function (p) { return { x: p[0], y: p[1] }; }),
              borderColor: COLOURS[i % COLOURS.length], pointRadius: 1, yAxisID: 'y' + (i % 2) };
          })
        },
        options: { animation: false, parsing: true, scales: { x: { type: 'category' },
          y0: { position: 'left' }, y1: { position: 'right', grid: { drawOnChartArea: false } } } }
      });
    }
    chart(document.getElementById('funnel-chart'), {
      type: 'bar',
      data: { labels: data.funnel.labels, datasets: [
        { label: data.labels.reached, data: data.funnel.reached, backgroundColor: COLOURS[0] },
        { label: data.labels.current, data: data.funnel.current, backgroundColor: COLOURS[2] }] },
      options: { animation: false, indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  document.addEventListener('DOMContentLoaded', render);
  // After htmx swaps in new figures (filter form), draw them again.
  document.addEventListener('htmx:afterSettle', render);
})();
