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
    // Lets tests (and people reading the DOM) see that the chart drew.
    canvas.dataset.rendered = 'true';
  }

  function heatColour(count, max) {
    var share = max > 0 ? count / max : 0;
    return 'rgba(27, 58, 92, ' + (0.08 + 0.92 * share).toFixed(3) + ')';
  }

  // Writes each cell's count on the heat map, so the shade is never the only carrier of the number.
  var cellCounts = {
    id: 'dgCellCounts',
    afterDatasetsDraw: function (c) {
      var ctx = c.ctx;
      var meta = c.getDatasetMeta(0);
      var max = c.data.datasets[0].max;
      ctx.save();
      ctx.font = 'bold 14px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      meta.data.forEach(function (element, i) {
        var value = c.data.datasets[0].data[i].v;
        ctx.fillStyle = (max > 0 && value / max > 0.5) ? '#ffffff' : '#212529';
        ctx.fillText(String(value), element.x, element.y);
      });
      ctx.restore();
    }
  };

  function renderGates(gates) {
    var colours = { GATE: COLOURS[0], TECHNICAL: '#0b6e4f', COMMERCIAL: '#8a5a00' };
    var datasets = gates.datasets.map(function (d) {
      return { type: 'bar', label: d.label, data: d.medians, backgroundColor: colours[d.track] };
    });
    datasets.push({ type: 'line', label: gates.targetLabel, data: gates.months.map(function () { return gates.target; }),
      borderColor: COLOURS[1], borderDash: [6, 4], pointRadius: 0, fill: false });
    chart(document.getElementById('gate-chart'), {
      data: { labels: gates.months, datasets: datasets },
      options: { animation: false, scales: { y: { beginAtZero: true, title: { display: true, text: gates.axis } } } }
    });
  }

  // One tick in the middle of each cell (the bounds sit half a cell outside).
  function cellTicks(values) {
    return function (axis) {
      axis.ticks = values.map(function (v) { return { value: v }; });
    };
  }

  function renderGrid(grid) {
    var cells = [];
    var max = 0;
    grid.counts.forEach(function (row, d) {
      row.forEach(function (count, l) {
        cells.push({ x: l + 1, y: 2 - d, v: count });
        max = Math.max(max, count);
      });
    });
    chart(document.getElementById('grid-chart'), {
      type: 'scatter',
      plugins: [cellCounts],
      data: { datasets: [{ label: grid.label, data: cells, max: max, pointStyle: 'rect',
        backgroundColor: function (c) { return c.raw ? heatColour(c.raw.v, max) : COLOURS[0]; },
        borderColor: '#1b3a5c', borderWidth: 1,
        pointRadius: function (c) {
          var area = c.chart.chartArea;
          return area ? Math.min(area.width, area.height) / 3 * 0.45 * Math.SQRT2 : 10;
        },
        pointHoverRadius: function (c) {
          var area = c.chart.chartArea;
          return area ? Math.min(area.width, area.height) / 3 * 0.45 * Math.SQRT2 : 10;
        } }] },
      options: { animation: false, aspectRatio: 1.6,
        plugins: { legend: { display: false },
          tooltip: { callbacks: { label: function (item) {
            return grid.dimensions[2 - item.raw.y] + ', ' + grid.levels[item.raw.x - 1] + ': ' + item.raw.v;
          } } } },
        scales: {
          x: { type: 'linear', min: 0.5, max: 3.5, grid: { display: false }, afterBuildTicks: cellTicks([1, 2, 3]),
            ticks: { callback: function (v) { return grid.levels[v - 1] || ''; } } },
          y: { type: 'linear', min: -0.5, max: 2.5, grid: { display: false }, afterBuildTicks: cellTicks([0, 1, 2]),
            ticks: { callback: function (v) { return grid.dimensions[2 - v] || ''; } } } } }
    });
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
    if (data.gates) {
      renderGates(data.gates);
    }
    if (data.grid) {
      renderGrid(data.grid);
    }
  }

  document.addEventListener('DOMContentLoaded', render);
  // After htmx swaps in new figures (filter form), draw them again.
  document.addEventListener('htmx:afterSettle', render);
})();
