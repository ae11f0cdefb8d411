// A saved report's chart, drawn the same way on the report's page (report-builder.js)
// and in a home page widget (dashboard.js), from rows the page already shows. A row is
// { g1, g2, values, href }: the first group gives the categories (or the slices of a pie
// or funnel), the second group the series (stacked for a stacked bar), and each value
// one figure of the row. A click on a bar, point or slice follows the row's link to the
// records behind it.
window.PotentiaReportChart = (function () {
  'use strict';

  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function follow(href) {
    if (href) {
      window.location.assign(href);
    }
  }

  // A funnel's slices are all as high as each other: below this many pixels a slice's
  // label would run into its neighbours'.
  var FUNNEL_LABEL_HEIGHT = 18;

  // The room ECharts leaves a funnel: the chart less its default top and bottom margins.
  var FUNNEL_MARGINS = 120;

  // height: the chart's height in pixels, to tell whether the funnel's labels fit.
  function slices(view, groups, measures, rows, hrefs, height) {
    var data = rows.map(function (row) {
      hrefs.push(row.href);
      var name = row.g1 + (groups > 1 ? ' / ' + row.g2 : '');
      return { name: name || '—', value: row.values[0] };
    });
    // Each slice labelled with its name and figure, in the page's language; where the
    // slices are too many for their labels to fit, none is labelled, and the tooltip and
    // the legend name them.
    var number = window.potentiaNumberText || function (value) { return value; };
    var labelled = (height - FUNNEL_MARGINS) / Math.max(data.length, 1) >= FUNNEL_LABEL_HEIGHT;
    return {
      tooltip: { trigger: 'item' }, legend: { type: 'scroll', bottom: 0 },
      series: [view === 'pie'
        ? { type: 'pie', radius: ['30%', '65%'], data: data, name: measures[0] }
        : { type: 'funnel', sort: 'descending', left: '10%', width: '80%', data: data, name: measures[0],
            label: { show: labelled, position: 'inside',
              formatter: function (slice) { return slice.name + ': ' + number(slice.value); } } }]
    };
  }

  function axes(view, groups, measures, rows, hrefs, grid) {
    var categories = [];
    rows.forEach(function (row) {
      if (categories.indexOf(row.g1) < 0) { categories.push(row.g1); }
    });
    var type = view === 'line' ? 'line' : 'bar';
    var stack = view === 'stacked_bar' ? 'all' : undefined;
    var series = [];
    if (groups > 1) {
      var names = [];
      rows.forEach(function (row) {
        if (names.indexOf(row.g2) < 0) { names.push(row.g2); }
      });
      names.forEach(function (name, s) {
        hrefs[s] = [];
        var values = categories.map(function () { return null; });
        rows.forEach(function (row) {
          if (row.g2 === name) {
            var c = categories.indexOf(row.g1);
            values[c] = row.values[0];
            hrefs[s][c] = row.href;
          }
        });
        series.push({ name: name || '—', type: type, stack: stack, data: values });
      });
    } else {
      measures.forEach(function (measure, m) {
        hrefs[m] = rows.map(function (row) { return row.href; });
        series.push({
          name: measure, type: type, stack: stack,
          data: rows.map(function (row) { return row.values[m]; })
        });
      });
    }
    var yAxis = { type: 'value' };
    // Only figures of different measures: with a second group every series is the same
    // measure, and two scales for it would mislead.
    if (!stack && groups < 2 && secondAxis(series)) {
      // Whole numbers (a count) get whole-numbered ticks.
      var whole = series.every(function (one) {
        return one.yAxisIndex !== 1 || one.data.every(function (value) { return Number.isInteger(value || 0); });
      });
      yAxis = [yAxis, { type: 'value', position: 'right', splitLine: { show: false }, minInterval: whole ? 1 : 0 }];
      grid = Object.assign({}, grid, { right: Math.max(grid.right || 0, 70) });
    }
    return {
      tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: grid,
      xAxis: { type: 'category', data: categories.map(function (c) { return c || '—'; }),
        axisLabel: { rotate: categories.length > 8 ? 30 : 0 } },
      yAxis: yAxis, series: series
    };
  }

  // Figures of another order of magnitude than the largest (a count beside a sum of
  // amounts) would be flat lines on its axis: they get a second axis on the right.
  // Says whether any series was moved there.
  function secondAxis(series) {
    var largest = function (one) {
      return one.data.reduce(function (max, value) { return Math.max(max, Math.abs(value || 0)); }, 0);
    };
    var top = series.reduce(function (max, one) { return Math.max(max, largest(one)); }, 0);
    var moved = false;
    series.forEach(function (one) {
      if (largest(one) > 0 && largest(one) * 10 < top) {
        one.yAxisIndex = 1;
        moved = true;
      }
    });
    return moved;
  }

  /**
   * Draws the chart into an ECharts instance.
   * view: pie, funnel, line, bar or stacked_bar; groups: how many groups the report has;
   * measures: the figures' headings; grid: the plot's margins.
   */
  function draw(instance, view, groups, measures, rows, grid) {
    var hrefs = [];
    var slicesView = view === 'pie' || view === 'funnel';
    var option = slicesView ? slices(view, groups, measures, rows, hrefs, instance.getHeight())
      : axes(view, groups, measures, rows, hrefs, grid || { left: 80, right: 20, bottom: 60 });
    option.animation = !reducedMotion;
    instance.setOption(window.potentiaChartNumbers ? window.potentiaChartNumbers(option) : option);
    instance.on('click', function (params) {
      if (slicesView) {
        follow(hrefs[params.dataIndex]);
      } else {
        follow(hrefs[params.seriesIndex] && hrefs[params.seriesIndex][params.dataIndex]);
      }
    });
  }

  function number(text) {
    var value = Number(text);
    return isFinite(value) ? value : 0;
  }

  return { draw: draw, number: number };
}());
