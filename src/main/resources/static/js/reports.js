// The charts of the history reports. Each chart draws the figures of its report's own
// table (#report-table), read from the rows' data attributes, and a click on a bar or a
// step follows the same drill-down link as the table: the chart cannot show other
// figures than the table, and no page needs an inline script (the Content-Security-Policy
// forbids them).
(function () {
  'use strict';

  // Who asked for less motion gets the chart drawn at once, without the bars growing.
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function draw(chart, option) {
    option.animation = !reducedMotion;
    chart.setOption(window.potentiaChartNumbers ? window.potentiaChartNumbers(option) : option);
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#report-table tbody tr[data-label]'));
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

  // The open pipeline by group as bars, one series per day compared, each named by its
  // day as the page writes it.
  function pipeline(element, chart) {
    var data = rows();
    var series = [{
      name: element.dataset.dayLabel, type: 'bar',
      data: data.map(function (row) { return number(row.dataset.amount); })
    }];
    if (element.dataset.compareLabel) {
      series.push({
        name: element.dataset.compareLabel, type: 'bar',
        data: data.map(function (row) { return number(row.dataset.compareAmount); })
      });
    }
    draw(chart, {
      tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 80, right: 20 },
      xAxis: { type: 'category', data: data.map(function (row) { return row.dataset.label; }) },
      yAxis: { type: 'value' }, series: series
    });
    chart.on('click', function (params) {
      var row = data[params.dataIndex];
      follow(params.seriesIndex === 0 ? row.dataset.href : row.dataset.compareHref);
    });
  }

  // The movement as a waterfall: opening, what came in and went out, closing.
  function movement(element, chart) {
    var data = rows();
    var amount = {};
    data.forEach(function (row) { amount[row.dataset.key] = number(row.dataset.amount); });
    var up = { 'new': true, increased: true };
    var level = 0;
    var base = [];
    var value = [];
    data.forEach(function (row) {
      var key = row.dataset.key;
      var v = amount[key];
      if (key === 'opening' || key === 'closing') {
        level = v;
        base.push(0);
      } else if (up[key]) {
        base.push(level);
        level += v;
      } else {
        level -= v;
        base.push(level);
      }
      value.push({
        value: v,
        itemStyle: { color: (key === 'opening' || key === 'closing') ? '#0d6efd' : (up[key] ? '#198754' : '#dc3545') }
      });
    });
    draw(chart, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 90, right: 20 },
      xAxis: { type: 'category', data: data.map(function (row) { return row.dataset.label; }) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', stack: 'w', itemStyle: { color: 'transparent' }, data: base, tooltip: { show: false }, silent: true },
        { type: 'bar', stack: 'w', data: value }
      ]
    });
    chart.on('click', function (params) {
      follow(data[params.dataIndex].dataset.href);
    });
  }

  // The stage funnel: how many reached each stage, written in the page's language.
  function funnel(element, chart) {
    var data = rows();
    var number = window.potentiaNumberText || function (value) { return value; };
    draw(chart, {
      tooltip: { trigger: 'item' },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%',
        label: { show: true, position: 'inside',
          formatter: function (stage) { return stage.name + ': ' + number(stage.value); } },
        data: data.map(function (row) { return { name: row.dataset.label, value: number(row.dataset.value) }; })
      }]
    });
    chart.on('click', function (params) {
      follow(data[params.dataIndex].dataset.href);
    });
  }

  var charts = { pipeline: pipeline, movement: movement, funnel: funnel };

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (element) {
      var report = charts[element.dataset.chart];
      if (report && window.echarts) {
        var chart = window.echarts.init(element);
        report(element, chart);
        element.dataset.drawn = 'true';
        window.addEventListener('resize', function () { chart.resize(); });
      }
    });
  });
}());
