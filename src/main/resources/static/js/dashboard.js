// The home page. Widgets are dragged by their title to another place; the new order is
// posted at once and kept per user. Each widget's figures arrive by htmx after the page;
// a widget with a chart draws it from the rows of its own table (their data attributes),
// and a click on a bar or point follows the row's drill-down link, so the chart cannot
// show other figures than the table, and no page needs an inline script (the
// Content-Security-Policy forbids them).
(function () {
  'use strict';

  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function draw(chart, option) {
    chart.setOption(window.potentiaChartNumbers ? window.potentiaChartNumbers(option) : option);
  }

  function number(text) {
    var value = Number(text);
    return isFinite(value) ? value : 0;
  }

  function follow(href) {
    if (href) {
      window.location.assign(href);
    }
  }

  function rows(element) {
    return Array.prototype.slice.call(element.querySelectorAll('.widget-table tbody tr[data-label]'));
  }

  function bars(element, chart, firstLabel, secondLabel) {
    var data = rows(element);
    draw(chart, {
      animation: !reducedMotion,
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 70, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: data.map(function (row) { return row.dataset.label; }) },
      yAxis: { type: 'value' },
      series: [
        { name: firstLabel, type: 'bar', data: data.map(function (row) { return number(row.dataset.amount); }) },
        { name: secondLabel, type: 'bar', data: data.map(function (row) { return number(row.dataset.weighted); }) }
      ]
    });
    chart.on('click', function (params) { follow(data[params.dataIndex].dataset.href); });
  }

  // Leads by source (the bars) and stage (stacked within a bar).
  function stacked(element, chart) {
    var data = rows(element);
    var labels = [];
    var stages = [];
    var value = {};
    var href = {};
    data.forEach(function (row) {
      var label = row.dataset.label;
      var stage = row.dataset.series;
      if (labels.indexOf(label) < 0) { labels.push(label); }
      if (stages.indexOf(stage) < 0) { stages.push(stage); }
      value[stage + '\u0000' + label] = number(row.dataset.value);
      href[stage + '\u0000' + label] = row.dataset.href;
    });
    draw(chart, {
      animation: !reducedMotion,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { top: 0 },
      grid: { left: 50, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: labels }, yAxis: { type: 'value' },
      series: stages.map(function (stage) {
        return {
          name: stage, type: 'bar', stack: 'leads',
          data: labels.map(function (label) { return value[stage + '\u0000' + label] || 0; })
        };
      })
    });
    chart.on('click', function (params) { follow(href[params.seriesName + '\u0000' + params.name]); });
  }

  function line(element, chart) {
    var data = rows(element);
    draw(chart, {
      animation: !reducedMotion,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
      grid: { left: 45, right: 10, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: data.map(function (row) { return row.dataset.label; }) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [{
        name: element.dataset.rateLabel, type: 'line',
        data: data.map(function (row) { return number(row.dataset.value); })
      }]
    });
    chart.on('click', function (params) { follow(data[params.dataIndex].dataset.href); });
  }

  // A saved report drawn as on its own page (report-chart.js), in the report's view: its
  // first figure by its first group, and by its second group as the series.
  function report(element, chart) {
    if (!window.PotentiaReportChart) { return; }
    var data = rows(element).map(function (row) {
      return { g1: row.dataset.label, g2: row.dataset.series, href: row.dataset.href,
        values: (row.dataset.values || '').split('|').map(number) };
    });
    window.PotentiaReportChart.draw(chart, element.dataset.view, Number(element.dataset.groups),
      (element.dataset.measures || '').split('|'), data, { left: 70, right: 10, top: 30, bottom: 30 });
  }

  var charts = {
    pipeline: function (element, chart) { bars(element, chart, element.dataset.amountLabel, element.dataset.weightedLabel); },
    forecast: function (element, chart) { bars(element, chart, element.dataset.amountLabel, element.dataset.weightedLabel); },
    lead_sources: stacked,
    lead_conversion: line,
    report: report
  };

  function drawCharts() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-widget-chart]').forEach(function (element) {
      if (element.dataset.drawn) { return; }
      var draw = charts[element.dataset.widgetChart];
      var target = element.querySelector('.widget-chart');
      if (!draw || !target || rows(element).length === 0) { return; }
      var chart = window.echarts.init(target);
      draw(element, chart);
      element.dataset.drawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  function saveOrder(grid) {
    var ids = Array.prototype.map.call(grid.querySelectorAll('.dashboard-widget'), function (widget) {
      return widget.dataset.widgetId;
    });
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (token && header && token.content) { headers[header.content] = token.content; }
    grid.dataset.saved = 'pending';
    fetch('/home/layout', {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: 'order=' + encodeURIComponent(ids.join(','))
    }).then(function (response) {
      grid.dataset.saved = response.ok ? 'true' : 'failed';
    });
  }

  function init() {
    var grid = document.getElementById('dashboard');
    if (!grid || grid.dataset.sortable || !window.Sortable) { return; }
    grid.dataset.sortable = 'true';
    new Sortable(grid, {
      animation: 150,
      forceFallback: true,
      handle: '.widget-handle',
      draggable: '.dashboard-widget',
      onEnd: function (event) {
        if (event.oldIndex !== event.newIndex) { saveOrder(grid); }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () { init(); drawCharts(); });
  document.addEventListener('htmx:afterSettle', drawCharts);
}());
