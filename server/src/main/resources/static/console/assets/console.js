// The console's only script: draws the overview's charts with the vendored uPlot (no inline script,
// the page's CSP forbids it; the data comes from a JSON data block the server rendered).
(function () {
  'use strict';
  function ready(fn) { if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn); }

  function draw(el, labels, columns, kind) {
    if (!el || typeof uPlot === 'undefined') return;
    var colours = ['#3b4fd8', '#1b7f3b', '#b3261e'];
    var series = [{}];
    columns.forEach(function (c, i) {
      var s = { label: el.dataset['series' + (i + 1)] || ('series ' + (i + 1)), stroke: colours[i % colours.length], width: 2 };
      if (kind === 'bars') { s.fill = colours[i % colours.length] + '55'; s.paths = uPlot.paths.bars({ size: [0.6, 40] }); }
      series.push(s);
    });
    var width = Math.max(260, el.clientWidth || 320);
    var plot = new uPlot({ width: width, height: 220, series: series, axes: [{}, { size: 40 }], scales: { x: { time: true } },
      cursor: { drag: { x: false, y: false } } }, [labels].concat(columns), el);
    el.classList.add('drawn');
    window.addEventListener('resize', function () { plot.setSize({ width: Math.max(260, el.clientWidth), height: 220 }); });
  }

  ready(function () {
    var block = document.getElementById('chart-data');
    if (!block) return;
    var start = function () {
      var data = JSON.parse(block.textContent || '{}');
      var timeline = data.timeline || [];
      var x = timeline.map(function (p) { return Date.parse(p.date + 'T00:00:00Z') / 1000; });
      draw(document.getElementById('chart-activity'), x,
        [timeline.map(function (p) { return p.signIns; }), timeline.map(function (p) { return p.signUps; })], 'lines');
      draw(document.getElementById('chart-active'), x, [timeline.map(function (p) { return p.activeUsers; })], 'bars');
      draw(document.getElementById('chart-failed'), x, [data.failures || []], 'bars');
      document.body.dataset.charts = 'ready';
    };
    if (typeof uPlot !== 'undefined') start(); else window.addEventListener('load', start);
  });
})();
