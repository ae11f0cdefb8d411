// The charts of the forecast module: the account card's months and the forecast report's
// groups. Each chart draws the figures of its own table (data-table), read from the
// cells' data attributes, and a click on a bar or a point follows the same drill-down
// link as the table's cell: the chart cannot show other figures than the table, and no
// page needs an inline script (the Content-Security-Policy forbids them). The account
// card loads its tab with htmx, so charts are also drawn after every swap.
(function () {
  'use strict';

  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // Unweighted is the largest what-if: shown in the table, off in the chart until chosen.
  var hiddenAtFirst = { unweighted: true };

  function number(text) {
    var value = Number(text);
    return isFinite(value) ? value : 0;
  }

  function follow(href) {
    if (href) {
      window.location.assign(href);
    }
  }

  function draw(element) {
    var table = document.getElementById(element.dataset.table);
    if (!table || !window.echarts) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-label]'));
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th[data-series]'));
    var names = {};
    headers.forEach(function (th) { names[th.dataset.series] = th.textContent.trim(); });
    var figures = headers
      .map(function (th) { return th.dataset.series; })
      .filter(function (code) { return code.indexOf('cumulative-') !== 0; });
    var selected = {};
    var series = figures.map(function (code) {
      selected[names[code]] = !hiddenAtFirst[code];
      return {
        name: names[code], type: 'bar', figure: code,
        data: rows.map(function (row) {
          var cell = row.querySelector('td[data-figure="' + code + '"]');
          return cell ? number(cell.dataset.value) : 0;
        })
      };
    });
    var cumulative = element.dataset.forecastChart === 'months';
    if (cumulative) {
      ['budget', 'forecast', 'billing'].forEach(function (code) {
        var key = 'cumulative-' + code;
        if (!names[key]) {
          return;
        }
        series.push({
          name: names[key], type: 'line', yAxisIndex: 1, figure: code, smooth: false,
          data: rows.map(function (row) {
            var cell = row.querySelector('td[data-cumulative="' + code + '"]');
            return cell ? number(cell.dataset.value) : 0;
          })
        });
      });
    }
    var chart = window.echarts.init(element);
    var yAxis = [{ type: 'value' }];
    if (cumulative) {
      yAxis.push({ type: 'value', splitLine: { show: false } });
    }
    var option = {
      animation: !reducedMotion,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', selected: selected },
      grid: { left: 80, right: cumulative ? 80 : 20, top: 50 },
      xAxis: { type: 'category', data: rows.map(function (row) { return row.dataset.label; }) },
      yAxis: yAxis,
      series: series
    };
    chart.setOption(window.potentiaChartNumbers ? window.potentiaChartNumbers(option) : option);
    chart.on('click', function (params) {
      var row = rows[params.dataIndex];
      var code = series[params.seriesIndex] && series[params.seriesIndex].figure;
      var cell = row && row.querySelector('td[data-figure="' + code + '"]');
      follow(cell && cell.dataset.href);
    });
    element.dataset.drawn = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-forecast-chart]'), function (element) {
      if (!element.dataset.drawn) {
        draw(element);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  document.addEventListener('htmx:afterSettle', drawAll);
}());
