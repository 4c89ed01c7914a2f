// Learning loop charts: a capability's daily acceptance, edit and rejection rates. Data comes from the
// canvas's data-series attribute, its labels from data-label-* (the CSP allows no inline scripts); the
// same figures are in the table below the chart.
(function () {
  'use strict';

  var COLOURS = { accepted: '#0b5c3f', edited: '#8a5a00', rejected: '#a11d2b' };

  function render() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas.dg-trend[data-series]').forEach(function (canvas) {
      var data = JSON.parse(canvas.dataset.series);
      var existing = Chart.getChart(canvas);
      if (existing) {
        existing.destroy();
      }
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: data.labels,
          datasets: data.series.map(function (s) {
            return { label: canvas.dataset['label' + s.key.charAt(0).toUpperCase() + s.key.slice(1)] || s.key,
              data: s.values.map(Number), borderColor: COLOURS[s.key], backgroundColor: COLOURS[s.key],
              borderWidth: 1.5, pointRadius: 0, fill: false };
          })
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } }
        }
      });
      canvas.dataset.rendered = 'true';
    });
  }

  document.addEventListener('DOMContentLoaded', render);
})();
