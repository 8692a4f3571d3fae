// Run by ReportChartsTest inside a copy of report.html: for every chart, every pair of its <text> elements whose
// rendered boxes overlap, one line each, in a pre element with id label-overlaps appended to the body (its
// data-labels attribute: how many labels were checked).
// A box is the text's bounding box in its own coordinates, carried to the screen by its transform, so a label
// turned 45 degrees is a turned rectangle: two convex quadrilaterals overlap unless an edge of one separates them.
(function () {
  function corners(text) {
    var box = text.getBBox();
    var m = text.getScreenCTM();
    return [[box.x, box.y], [box.x + box.width, box.y], [box.x + box.width, box.y + box.height], [box.x, box.y + box.height]]
      .map(function (p) { return [m.a * p[0] + m.c * p[1] + m.e, m.b * p[0] + m.d * p[1] + m.f]; });
  }
  function extent(quad, nx, ny) {
    var values = quad.map(function (c) { return c[0] * nx + c[1] * ny; });
    return [Math.min.apply(null, values), Math.max.apply(null, values)];
  }
  function separated(p, q) {
    var quads = [p, q];
    for (var k = 0; k < 2; k++) {
      for (var i = 0; i < 4; i++) {
        var a = quads[k][i], b = quads[k][(i + 1) % 4];
        var length = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (length === 0) continue;
        var nx = (a[1] - b[1]) / length, ny = (b[0] - a[0]) / length;
        var e1 = extent(p, nx, ny), e2 = extent(q, nx, ny);
        if (e1[1] <= e2[0] + 0.5 || e2[1] <= e1[0] + 0.5) return true; // half a pixel of tolerance
      }
    }
    return false;
  }
  var overlaps = [];
  var labels = 0;
  document.querySelectorAll('svg.chart').forEach(function (chart) {
    var texts = Array.prototype.slice.call(chart.querySelectorAll('text')).filter(function (t) {
      return t.getBBox().width > 0;
    });
    labels += texts.length;
    var quads = texts.map(corners);
    for (var i = 0; i < texts.length; i++) {
      for (var j = i + 1; j < texts.length; j++) {
        if (!separated(quads[i], quads[j])) {
          overlaps.push(chart.getAttribute('data-chart') + ': "' + texts[i].textContent + '" and "' + texts[j].textContent + '"');
        }
      }
    }
  });
  var out = document.createElement('pre');
  out.id = 'label-overlaps';
  out.setAttribute('data-labels', String(labels));
  out.textContent = overlaps.join('\n');
  document.body.appendChild(out);
})();
